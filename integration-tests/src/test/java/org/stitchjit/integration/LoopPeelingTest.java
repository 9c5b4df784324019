package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.optimizer.LoopPeelingPass;
import org.stitchjit.optimizer.TypesPass;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;
import org.stitchjit.runtime.jit.Executor;
import org.stitchjit.runtime.jit.reference.ReferenceBackend;

/**
 * Loop peeling with the types pass on traces the tracing frontend records: the loop body (after
 * {@code _LOOP_HEAD}) goes without the guards on loop-carried and loop-invariant values that
 * the peeled first iteration checked, and the program prints the same, under the reference
 * executor and under copy-and-patch (whose {@code _JUMP_TO_TOP} then jumps to the loop head).
 */
class LoopPeelingTest {
  record Run(String out, List<Executor> regions, RunStats stats) {}

  private static Run run(String source, Backend backend, OptimizerPass... passes) {
    JitConfig config = JitConfig.parse("tracing+interp").toBuilder().option("hot-loop", "2")
        .option("hot-function", "1000000").option("hot-exit", "1000000").build();
    Jit jit = new Jit(config, new TracingFrontend(), ImmutableList.copyOf(passes), backend);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, e, jit, null)) {
      int status = vm.runSource(source, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      return new Run(out.toString(StandardCharsets.UTF_8), vm.jitDriver().executors(),
          vm.stats());
    }
  }

  private static Backend backend(String name) {
    return name.equals("copypatch") ? new CopyPatchBackend() : new ReferenceBackend();
  }

  /** The uops from the loop head on ({@code _SET_IP} left out), or the whole trace. */
  private static String loopBody(Executor ex) {
    List<UopInstr> uops = ((Trace) ex.region()).uops();
    return uops.subList(((Trace) ex.region()).loopStart(), uops.size()).stream()
        .map(UopInstr::uop).filter(u -> u != Uop.SET_IP).map(Uop::uopName)
        .collect(Collectors.joining(" "));
  }

  private static long guardsRemoved(Run r) {
    Number n = r.stats().jit().get("types.guards-removed");
    return n == null ? 0 : n.longValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "copypatch"})
  void aWhileLoopsBodyChecksNoIntItsPeeledIterationChecked(String backend) {
    // The step is a local: what _LOAD_CONST pushes has no known kind for the types pass yet,
    // so "i = i + 1" would keep the guard of its addition.
    String source = """
        def f(n, step):
            total = 0
            i = 0
            while i < n:
                total = total + i
                i = i + step
            return total
        print(f(1000, 1))
        """;
    Run r = run(source, backend(backend), new LoopPeelingPass(), new TypesPass());
    assertThat(r.out()).isEqualTo("499500\n");
    assertThat(r.regions()).hasSize(1);
    assertThat(loopBody(r.regions().get(0))).isEqualTo(
        "_LOOP_HEAD _LOAD_FAST _LOAD_FAST _COMPARE_OP_INT _GUARD_IS_TRUE_POP"
            + " _LOAD_FAST _LOAD_FAST _BINARY_OP_ADD_INT _STORE_FAST"
            + " _LOAD_FAST _LOAD_FAST _BINARY_OP_ADD_INT _STORE_FAST"
            + " _CHECK_PERIODIC _JUMP_TO_TOP");
    assertThat(guardsRemoved(r)).isEqualTo(3);

    // Without peeling each iteration starts knowing nothing, and all three guards stay.
    Run unpeeled = run(source, backend(backend), new TypesPass());
    assertThat(unpeeled.out()).isEqualTo("499500\n");
    assertThat(loopBody(unpeeled.regions().get(0))).contains("_GUARD_BOTH_INT")
        .doesNotContain("_LOOP_HEAD");
    assertThat(guardsRemoved(unpeeled)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"interp", "copypatch"})
  void aRangeLoopChecksItsIteratorOnceAndAddsWithoutGuards(String backend) {
    Run r = run("""
        def f(n):
            t = 0
            for i in range(n):
                t = t + i
            return t
        print(f(100), f(7))
        """, backend(backend), new LoopPeelingPass(), new TypesPass());
    assertThat(r.out()).isEqualTo("4950 21\n");
    assertThat(r.regions()).hasSize(1);
    assertThat(loopBody(r.regions().get(0))).isEqualTo(
        "_LOOP_HEAD _GUARD_NOT_EXHAUSTED_RANGE _ITER_NEXT_RANGE _STORE_FAST"
            + " _LOAD_FAST _LOAD_FAST _BINARY_OP_ADD_INT _STORE_FAST"
            + " _CHECK_PERIODIC _JUMP_TO_TOP");
  }
}
