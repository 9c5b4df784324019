package org.stitchjit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.api.config.JitConfig;

class StitchTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Stitch.Builder capturing() {
    return Stitch.builder()
        .out(new PrintStream(out, true, StandardCharsets.UTF_8))
        .err(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void runsSourceAndReportsStats() {
    try (Stitch vm = capturing().build()) {
      assertThat(vm.runSource("print(sum(range(10)))\n", "<test>")).isZero();
      assertThat(out()).isEqualTo("45\n");
      assertThat(vm.stats().instructions()).isPositive();
      assertThat(vm.jitConfig()).isEqualTo(JitConfig.off());
    }
  }

  @Test
  void runFileResolvesAgainstTheWorkingDirectoryAndShowsTheFileAsGiven() throws IOException {
    Files.writeString(dir.resolve("helper.py"), "GREETING = 'hi'\n");
    Files.writeString(dir.resolve("prog.py"), """
        import sys
        import helper
        print(helper.GREETING, sys.argv)
        raise ValueError('boom')
        """);
    try (Stitch vm = capturing().workingDirectory(dir).build()) {
      assertThat(vm.runFile(Path.of("prog.py"), List.of("a", "b"))).isEqualTo(1);
    }
    assertThat(out()).isEqualTo("hi ['prog.py', 'a', 'b']\n");
    assertThat(err()).contains("File \"prog.py\", line 4").endsWith("ValueError: boom\n");
  }

  @Test
  void sysExitIsTheStatus() {
    try (Stitch vm = capturing().build()) {
      assertThat(vm.runSource("import sys\nsys.exit(3)\n", "<test>")).isEqualTo(3);
    }
  }

  @Test
  void aVmRunsOneProgram() {
    try (Stitch vm = capturing().build()) {
      vm.runSource("x = 1\n", "<first>");
      assertThatThrownBy(() -> vm.runSource("x = 2\n", "<second>"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already run");
    }
  }

  @Test
  void aClosedVmRefusesWork() {
    Stitch vm = capturing().build();
    vm.close();
    vm.close();
    assertThatThrownBy(() -> vm.runSource("x = 1\n", "<test>"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void unknownComponentsFailAtBuild() {
    assertThatThrownBy(() -> Stitch.create(JitConfig.parse("tracing+nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown JIT backend 'nope' (available: copypatch, interp)");
  }

  @Test
  void theDumpDirectoryIsCreatedUnderTheWorkingDirectory() {
    try (Stitch vm = capturing().workingDirectory(dir).dumpDirectory(Path.of("dumps/run1"))
        .jit(JitConfig.parse("tracing+interp dump=uops")).build()) {
      assertThat(dir.resolve("dumps/run1")).isDirectory();
      assertThat(vm.jitConfig().spec()).isEqualTo("tracing+interp");
    }
  }

  @Test
  void aBackendThatCannotRunHereLeavesTheJitOffAndSaysSoOnce() throws Exception {
    Path services = dir.resolve("plugins/META-INF/services");
    Files.createDirectories(services);
    Files.writeString(services.resolve("org.stitchjit.api.jit.Backend"),
        "org.stitchjit.compose.testplugins.NowhereBackend\n");
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (java.net.URLClassLoader plugins = new java.net.URLClassLoader(
        new java.net.URL[] {dir.resolve("plugins").toUri().toURL()}, getClass().getClassLoader())) {
      Thread.currentThread().setContextClassLoader(plugins);
      try (Stitch vm = capturing().jit(JitConfig.parse("tracing+nowhere hot-loop=1")).build()) {
        assertThat(vm.runSource("t = 0\nfor i in range(50):\n    t += i\nprint(t)\n", "<t>"))
            .isZero();
        assertThat(vm.stats().jit()).isEmpty();
      }
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    assertThat(out()).isEqualTo("1225\n");
    assertThat(err()).isEqualTo("stitch: backend 'nowhere': it has code for no machine at all;"
        + " running with the JIT off\n");
  }
}
