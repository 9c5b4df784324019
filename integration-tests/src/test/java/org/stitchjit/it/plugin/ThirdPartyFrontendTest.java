package org.stitchjit.it.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.stitchjit.Stitch;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.compose.JitFactory;

/** A frontend from outside Stitch, registered only through its services file. */
class ThirdPartyFrontendTest {
  static final String PROGRAM = """
      total = 0
      for i in range(1000):
          total += i
      print(total)
      """;

  record Outcome(String out, String err, int status) {}

  static Outcome run(JitConfig jit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (Stitch vm = Stitch.builder().jit(jit)
        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(err, true, StandardCharsets.UTF_8)).build()) {
      status = vm.runSource(PROGRAM, "sum.py");
    }
    return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        status);
  }

  @Test
  void theFactoryFindsItByName() {
    JitFactory factory = JitComponent.create().jitFactory();
    assertThat(factory.frontendNames()).contains(ExitImmediatelyFrontend.NAME, "tracing");
    Jit jit = factory.create(JitConfig.parse("first-instruction+interp"));
    assertThat(jit.frontend()).isInstanceOf(ExitImmediatelyFrontend.class);
  }

  /** Needs the runtime's JIT driver: it is what asks the frontend for regions. */
  @Test
  void aProgramPrintsTheSameUnderItAsInTheInterpreter() {
    Outcome interpreted = run(JitConfig.off());
    assertThat(interpreted).isEqualTo(new Outcome("499500\n", "", 0));

    long before = ExitImmediatelyFrontend.regionsBegun();
    Outcome jitted = run(JitConfig.parse("first-instruction+interp hot-loop=1"));
    assertThat(jitted).isEqualTo(interpreted);
    assertThat(ExitImmediatelyFrontend.regionsBegun())
        .as("regions the driver asked the plugin frontend for").isGreaterThan(before);
  }
}
