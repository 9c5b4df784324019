package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;
import org.stitchjit.runtime.jit.reference.ReferenceBackend;

/** The driver's bookkeeping, seen through a program's output and its statistics. */
class JitDriverTest {

  record Run(String out, String err, RunStats stats) {
    long jit(String key) {
      Number n = stats.jit().get(key);
      return n == null ? 0 : n.longValue();
    }
  }

  private static Run run(String source, Backend backend, String... options) {
    return run(source, new TracingFrontend(), backend, options);
  }

  private static Run run(String source, org.stitchjit.api.jit.Frontend frontend,
      Backend backend, String... options) {
    JitConfig.Builder b = JitConfig.parse("tracing+interp").toBuilder()
        .option("hot-loop", "2").option("hot-function", "2").option("hot-exit", "2");
    for (int i = 0; i < options.length; i += 2) {
      b.option(options[i], options[i + 1]);
    }
    Jit jit = new Jit(b.build(), frontend, ImmutableList.of(), backend);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, e, jit, null)) {
      int status = vm.runSource(source, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
          vm.stats());
    }
  }

  private static Run run(String source, String... options) {
    return run(source, new ReferenceBackend(), options);
  }

  /**
   * Regions depend on the keys versions their global-load guards compare (a new or deleted
   * global changes it; rebinding one does not, and the function guard catches that).
   */
  @Test
  void changingTheGlobalsTheCodeDependsOnInvalidatesIt() {
    Run r = run("""
        def step(x):
            return x + 1
        def f(n):
            t = 0
            for i in range(n):
                t = step(t)
            return t
        print(f(50))
        def step(x):
            return x + 2
        new_global = 1
        print(f(50))
        """);
    assertThat(r.out()).isEqualTo("50\n100\n");
    assertThat(r.jit("invalidations")).isPositive();
    // The loop is compiled again for the new function.
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void changingAClassInvalidatesCodeThatGuardsOnIt() {
    Run r = run("""
        class P:
            def __init__(self, v):
                self.v = v
            def get(self):
                return self.v
        def f(ps):
            t = 0
            for p in ps:
                t += p.get()
            return t
        ps = [P(i) for i in range(60)]
        print(f(ps))
        P.get = lambda self: 1
        print(f(ps))
        """);
    assertThat(r.out()).isEqualTo("1770\n60\n");
    assertThat(r.jit("invalidations")).isPositive();
  }

  @Test
  void aFullCodeCacheStopsCompilingAndTheProgramRunsOn() {
    StringBuilder src = new StringBuilder("t = 0\n");
    for (int k = 0; k < 30; k++) {
      src.append("for i in range(20):\n    t += i * ").append(k).append('\n');
    }
    src.append("print(t)\n");
    Run r = run(src.toString(), "code-cache-limit", "4096");
    assertThat(r.out()).isEqualTo(Integer.toString(190 * 435) + "\n");
    assertThat(r.jit("compile_failures.code-cache-full")).isPositive();
    assertThat(r.jit("code_bytes")).isLessThanOrEqualTo(4096);
  }

  @Test
  void aBackendThatCannotCompileLeavesTheCodeToTheInterpreter() {
    Backend refusing = new Backend() {
      @Override
      public String name() {
        return "refusing";
      }

      @Override
      public org.stitchjit.api.jit.CompiledRegion compile(org.stitchjit.api.uop.Region region,
          org.stitchjit.api.jit.CompileContext context) throws CompileException {
        throw new CompileException("unsupported", "this backend compiles nothing");
      }
    };
    Run r = run("""
        t = 0
        for i in range(100):
            t += i
        print(t)
        """, refusing);
    assertThat(r.out()).isEqualTo("4950\n");
    assertThat(r.jit("compiled")).isZero();
    assertThat(r.jit("compile_failures.unsupported")).isPositive();
  }

  @Test
  void statisticsNameTheJitNumbersTheIssueAsksFor() {
    Run r = run("""
        def f(n):
            t = 0
            for i in range(n):
                if i % 3 == 0:
                    t += i
            return t
        print(f(300))
        """);
    assertThat(r.out()).isEqualTo("14850\n");
    Map<String, Number> jit = r.stats().jit();
    assertThat(jit).containsKeys("compiled", "aborted", "exits", "bridges", "invalidations",
        "uops_per_region", "compile_ms");
    assertThat(r.jit("compiled")).isPositive();
    assertThat(r.jit("exits")).isPositive();
    assertThat(r.jit("bridges")).isPositive();
    assertThat(r.stats().json()).contains("\"jit\": {\"compiled\": ");
    assertThat(r.stats().table()).contains("jit.top_exit_sites");
  }

  @Test
  void dumpsShowTheBytecodeAndTheUopsOfEachRegion() {
    Run r = run("""
        t = 0
        for i in range(10):
            t += i
        print(t)
        """, "dump", "bytecode,uops");
    assertThat(r.out()).isEqualTo("45\n");
    assertThat(r.err()).contains("# region 0 loop in <module> (t.py) at ")
        .contains("FOR_ITER_RANGE").contains("# region 0 uops (recorded)")
        .contains("_ITER_NEXT_RANGE").contains("_JUMP_TO_TOP");
  }

  @Test
  void theBytecodeDumpShowsAnInlinedCalleesInstructionsFromItsOwnCode() {
    // The callee's body is longer than the caller's, so reading its instruction indices in
    // the caller's code would run past that code's end.
    Run r = run("""
        def callee(x):
            a = x + 1
            b = a * 2
            c = b - a
            d = c + b * a
            e = d - c + b
            return e + d + c + b + a
        def f(n):
            t = 0
            for i in range(n):
                t += callee(i)
            return t
        print(f(20))
        """, "dump", "bytecode", "hot-function", "1000");
    assertThat(r.out()).isEqualTo("12950\n");
    assertThat(r.err()).contains("# region 0 loop in f (t.py) at ")
        .contains("CALL_PY_EXACT_ARGS").contains("line 7    RETURN_VALUE");
  }

  @Test
  void aFrontendThatThrowsIsCountedAndTheProgramRunsOn() {
    org.stitchjit.api.jit.Frontend broken = new org.stitchjit.api.jit.Frontend() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public org.stitchjit.api.jit.Recorder begin(org.stitchjit.api.jit.RegionStart start,
          JitConfig config) {
        throw new IllegalStateException("no recorder today");
      }
    };
    Run r = run("""
        t = 0
        for i in range(100):
            t += i
        print(t)
        """, broken, new ReferenceBackend());
    assertThat(r.out()).isEqualTo("4950\n");
    assertThat(r.jit("aborted.frontend-error")).isPositive();
    assertThat(r.stats().table()).contains("jit.last_error  broken: java.lang.IllegalStateException");
  }

  /** Statistics read after the VM closed are those of the moment it closed: the counters and
   * the code objects exit sites name live in native memory that closing frees. */
  @Test
  void statisticsOutliveTheVm() {
    Jit jit = new Jit(JitConfig.parse("tracing+interp").toBuilder().option("hot-loop", "2")
        .option("hot-function", "2").option("hot-exit", "2").build(), new TracingFrontend(),
        ImmutableList.of(), new ReferenceBackend());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GuestVm vm;
    RunStats open;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      vm = new GuestVm(1L << 28, o, o, jit, null);
      vm.runSource("""
          def f(n):
              t = 0
              for i in range(n):
                  t += 1.5 if i % 3 else 2
              return t
          print(f(3000))
          """, "t.py");
      open = vm.stats();
      vm.close();
    }
    RunStats closed = vm.stats();
    assertThat(closed.objectsAllocated()).isEqualTo(open.objectsAllocated());
    assertThat(closed.jit()).isEqualTo(open.jit());
    assertThat(closed.jitTopExitSites()).isEqualTo(open.jitTopExitSites());
    vm.close(); // idempotent
  }
}
