package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.optimizer.Pipeline;
import org.stitchjit.runtime.GuestVm;

/**
 * Every pass reports, in the same terms, how many uops it was given and how many it handed on
 * ({@code jit.PASS.uops-in}, {@code uops-out}), besides its own counts: what a researcher
 * compares across configurations.
 */
class PassStatsTest {
  private static final String PROGRAM = """
      import math
      def f(n):
          t = 0.0
          for i in range(n):
              t = t + math.sqrt(i) * 2.0 + len([i])
          return t
      print(f(300))
      """;

  @Test
  void eachPassReportsTheUopsItTookAndGaveAndWhatItDid() {
    JitConfig config = JitConfig.parse("tracing+copypatch passes=all hot-loop=1 hot-function=1");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28,
            o, e, JitComponent.create().jitFactory().create(config), null)) {
      assertThat(vm.runSource(PROGRAM, "t.py")).isZero();
      Map<String, Number> jit = vm.stats().jit();
      for (String pass : Pipeline.ORDER) {
        assertThat(jit).containsKeys(pass + ".uops-in", pass + ".uops-out");
      }
      assertThat(jit.get("loop-peeling.uops-out").longValue())
          .isGreaterThan(jit.get("loop-peeling.uops-in").longValue());
      assertThat(jit.get("types.uops-out").longValue())
          .isLessThan(jit.get("types.uops-in").longValue());
      assertThat(jit.get("dead-code.uops-out").longValue())
          .isLessThan(jit.get("dead-code.uops-in").longValue());
      assertThat(jit).containsKeys("promotion.promoted", "types.guards-removed",
          "intrinsics.calls-replaced", "allocation-removal.allocations-removed");
    }
    // What CPython 3.11 prints for PROGRAM.
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("7210.4717610014395\n");
  }
}
