package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.platforms.Platform;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;

/**
 * Small loops run as machine code under {@code tracing+copypatch}: they print what the
 * interpreter prints, their traces compile natively, and guard and overflow exits resume
 * correctly.
 */
class CopyPatchBackendTest {

  record Run(String out, RunStats stats) {
    long jit(String key) {
      Number n = stats.jit().get(key);
      return n == null ? 0 : n.longValue();
    }
  }

  @BeforeEach
  void supported() {
    assumeTrue(Platform.current().isSupported(), "stencils are x86-64 Linux machine code");
  }

  /** Runs with the JIT off when jit is null. */
  private static Run run(String source, String jit) {
    Jit j = null;
    if (jit != null) {
      JitConfig config = JitConfig.parse(jit).toBuilder()
          .option("hot-loop", "2").option("hot-function", "2").option("hot-exit", "2")
          .build();
      j = new Jit(config, new TracingFrontend(), ImmutableList.of(), backend(config.backend()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, e, j, null)) {
      int status = vm.runSource(source, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      return new Run(out.toString(StandardCharsets.UTF_8), vm.stats());
    }
  }

  private static Backend backend(String name) {
    return name.equals(CopyPatchBackend.NAME) ? new CopyPatchBackend()
        : new org.stitchjit.runtime.jit.reference.ReferenceBackend();
  }

  /** Runs under copypatch and the reference backend; both print what the interpreter does. */
  private static Run check(String source, String expected) {
    assertThat(run(source, null).out()).isEqualTo(expected);
    return check(source);
  }

  /** Runs under copypatch and the reference backend; both print what the interpreter does. */
  private static Run check(String source) {
    String expected = run(source, null).out();
    Run ref = run(source, "tracing+interp");
    assertThat(ref.out()).isEqualTo(expected);
    Run native_ = run(source, "tracing+copypatch");
    assertThat(native_.out()).isEqualTo(expected);
    assertThat(native_.stats().json()).doesNotContain("-error\"");
    return native_;
  }

  private static final String WHILE_LOOP = """
      def f(n):
          i = 0
          t = 0
          while i < n:
              i += 1
              t += i * 2
          return t
      print(f(1000))
      print(f(100000))
      """;

  @Test
  void aWhileLoopRunsAsMachineCode() {
    Run r = check(WHILE_LOOP, "1001000\n10000100000\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("entries")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void comparisonsOfEveryKind() {
    String src = """
        def f(n):
            i = 0
            c = 0
            while i < n:
                i += 1
                if i <= 10:
                    c += 1
                if i == 20:
                    c += 100
                if i != 30:
                    c += 1000
                if i > 40:
                    c += 10000
                if i >= 50:
                    c += 100000
                if 5 > i:
                    c -= 1
            return c
        print(f(60))
        """;
    int c = 0;
    for (int i = 1; i <= 60; i++) {
      c += (i <= 10 ? 1 : 0) + (i == 20 ? 100 : 0) + (i != 30 ? 1000 : 0)
          + (i > 40 ? 10000 : 0) + (i >= 50 ? 100000 : 0) - (5 > i ? 1 : 0);
    }
    Run r = check(src, c + "\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theLoopVariableTurningFloatLeavesThroughAGuard() {
    String src = """
        def f(n):
            i = 0
            t = 0
            while i < n:
                i += 1
                if i == 500:
                    i = 500.5
                t = t - i * 3
            return t
        print(f(1000))
        """;
    Run r = check(src);
    assertThat(r.out()).contains(".");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void overflowPastSmallIntsLeavesThroughTheArithmeticExit() {
    String src = """
        def f(n):
            x = 1
            i = 0
            while i < n:
                i += 1
                x = x * 3
            return x
        def g(n):
            x = 2 ** 62 - 5000
            i = 0
            while i < n:
                i += 1
                x = x + 1
            y = -(2 ** 62) + 5000
            i = 0
            while i < n:
                i += 1
                y = y - 1
            return x, y
        print(f(100))
        print(g(10000))
        """;
    java.math.BigInteger x = java.math.BigInteger.valueOf(3).pow(100);
    java.math.BigInteger two62 = java.math.BigInteger.TWO.pow(62);
    String expected = x + "\n(" + two62.add(java.math.BigInteger.valueOf(5000)) + ", "
        + two62.negate().subtract(java.math.BigInteger.valueOf(5000)) + ")\n";
    Run r = check(src, expected);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRangeLoopCompilesOrIsCountedAsNoStencil() {
    String src = """
        def g(n):
            t = 0
            for j in range(n):
                t = t - j
            return t
        print(g(1000))
        print(g(10))
        """;
    Run r = check(src, "-499500\n-45\n");
    assertThat(r.jit("compiled") + r.jit("compile_failures.no-stencil")).isGreaterThanOrEqualTo(1);
  }
}
