package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.uop.CacheOperands;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.jit.Executor;
import org.stitchjit.runtime.jit.reference.ReferenceRegion;

/**
 * force-exits on a program whose one trace has exits of many kinds (guards, slow paths, an
 * inlined call's checks and exits inside the callee, the loop's safepoint check): every exit
 * of the trace is taken once, where its guard passed, and the program still prints what
 * CPython prints. The corpus runs the same configuration over every program
 * ({@code CorpusTest#corpusUnderForcedExits}); this test shows that forcing really happens.
 */
class ForcedExitsTest {
  private static final String PROGRAM = """
      def scale(v, k):
          return v * k

      def f(xs, n):
          t = 0
          for i in range(n):
              t = t + scale(xs[i % 3], 2)
              if t > 1000000:
                  t = 0
          return t

      print(f([1, 2, 3], 200))
      """;

  @Test
  void everyExitOfTheTraceIsForcedOnceAndTheOutputIsUnchanged() {
    // No bridges (hot-exit is high), so the one region is the loop's trace; calls are inlined
    // into it rather than compiled on their own (hot-function is high too).
    JitConfig config = JitConfig.parse("tracing+interp passes=all force-exits=true hot-loop=1"
        + " hot-function=100000 hot-exit=100000");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28,
            o, e, JitComponent.create().jitFactory().create(config), null)) {
      int status = vm.runSource(PROGRAM, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("798\n");

      List<Executor> regions = vm.jitDriver().executors();
      assertThat(regions).hasSize(1);
      Executor trace = regions.get(0);
      BitSet expected = new BitSet();
      Set<Uop> forcedUops = EnumSet.noneOf(Uop.class);
      for (UopInstr in : trace.region().allUops()) {
        Uop u = in.uop();
        // A terminator's exit is taken anyway; an exhausted iterator's resumes after the loop.
        if (u.is(UopFlag.EXIT) && !u.is(UopFlag.TERMINATOR)
            && !CacheOperands.exitLeavesLoop(u)) {
          expected.set(in.target());
          forcedUops.add(u);
        }
      }
      // The trace has the kinds of exit the test is about. (After the passes: the global
      // `scale` is a promoted constant, so its keys guard and the call's version check are
      // gone, and the validity check after the generic `%` stands for them.)
      assertThat(forcedUops).contains(Uop.CHECK_PERIODIC, Uop.CHECK_VALIDITY,
          Uop.LOAD_FAST_CHECK, Uop.GUARD_BOTH_INT, Uop.BINARY_OP_ADD_INT,
          Uop.CHECK_STACK_SPACE, Uop.GUARD_IS_FALSE_POP);
      assertThat(expected.cardinality()).isGreaterThanOrEqualTo(12);

      BitSet forced = ((ReferenceRegion) trace.compiled()).forcedExits();
      assertThat(forced).isEqualTo(expected);
      Number forcedStat = vm.stats().jit().get("forced_exits");
      assertThat(forcedStat).isNotNull();
      assertThat(forcedStat.longValue()).isEqualTo(expected.cardinality());
      // Each forced exit is also an exit the driver counted, by reason and site.
      assertThat(vm.stats().jit().get("exits").longValue())
          .isGreaterThanOrEqualTo(expected.cardinality());
    }
  }

  @Test
  void withoutTheOptionNoExitIsForcedAndTheStatisticsDoNotMentionIt() {
    JitConfig config = JitConfig.parse("tracing+interp passes=all hot-loop=1"
        + " hot-function=100000 hot-exit=100000");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28,
            o, o, JitComponent.create().jitFactory().create(config), null)) {
      assertThat(vm.runSource(PROGRAM, "t.py")).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("798\n");
      Executor trace = vm.jitDriver().executors().get(0);
      assertThat(((ReferenceRegion) trace.compiled()).forcedExits().isEmpty()).isTrue();
      assertThat(vm.stats().jit()).doesNotContainKey("forced_exits");
      // The loop leaves when range is exhausted (and at a safepoint, were a collection due).
      assertThat(vm.stats().jit().get("exits").longValue()).isBetween(1L, 2L);
    }
  }
}
