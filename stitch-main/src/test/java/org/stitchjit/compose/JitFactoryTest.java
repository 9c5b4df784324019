package org.stitchjit.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.compose.testplugins.ImpostorFrontend;
import org.stitchjit.compose.testplugins.InterpImpostorBackend;
import org.stitchjit.compose.testplugins.NamedBackend;
import org.stitchjit.compose.testplugins.NamedPass;
import org.stitchjit.compose.testplugins.SameNameBackend;
import org.stitchjit.compose.testplugins.UpperCaseBackend;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.runtime.jit.reference.ReferenceBackend;

class JitFactoryTest {
  @TempDir
  Path pluginDir;

  private static final JitFactory BUILTINS = JitComponent.create().jitFactory();

  @Test
  void composesTracingWithTheReferenceBackend() {
    JitConfig config = JitConfig.parse("tracing+interp hot-loop=2");
    Jit jit = BUILTINS.create(config);
    assertThat(jit.config()).isEqualTo(config);
    assertThat(jit.frontend()).isInstanceOf(TracingFrontend.class);
    assertThat(jit.backend()).isInstanceOf(ReferenceBackend.class);
    assertThat(jit.passes()).extracting(OptimizerPass::name)
        .containsExactly("promotion", "loop-peeling", "intrinsics", "types", "allocation-removal",
            "dead-code");
  }

  @Test
  void listsTheBuiltIns() {
    assertThat(BUILTINS.frontendNames()).containsExactly("tracing");
    assertThat(BUILTINS.backendNames()).containsExactly("copypatch", "interp");
    assertThat(BUILTINS.passNames())
        .containsExactly("allocation-removal", "dead-code", "intrinsics", "loop-peeling",
            "promotion", "types");
  }

  @Test
  void unknownNamesListWhatIsAvailable() {
    assertThatThrownBy(() -> BUILTINS.create(JitConfig.parse("tracing+foo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown JIT backend 'foo' (available: copypatch, interp)");
    assertThatThrownBy(() -> BUILTINS.create(JitConfig.parse("bbv+interp")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown JIT frontend 'bbv' (available: tracing)");
    assertThatThrownBy(() -> BUILTINS.create(JitConfig.parse("tracing+interp passes=cse")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown JIT pass 'cse' (available: allocation-removal, dead-code,"
            + " intrinsics, loop-peeling, promotion, types)");
  }

  @Test
  void passesAllAndNone() {
    assertThat(BUILTINS.create(JitConfig.parse("tracing+interp passes=all")).passes())
        .extracting(OptimizerPass::name)
        .containsExactly("promotion", "loop-peeling", "intrinsics", "types", "allocation-removal",
            "dead-code");
    assertThat(BUILTINS.create(JitConfig.parse("tracing+interp passes=none")).passes())
        .isEmpty();
  }

  /**
   * Only the reference backend can force exits; copy-and-patch code has no such switch, and
   * accepting the option there would make a run that forces nothing look like a test.
   */
  @Test
  void forcingExitsNeedsABackendThatCanForceThem() {
    Jit jit = BUILTINS.create(JitConfig.parse("tracing+interp force-exits=true"));
    assertThat(jit.config().forceExits()).isTrue();
    assertThat(jit.backend().forcesExits()).isTrue();
    assertThatThrownBy(() -> BUILTINS.create(JitConfig.parse("tracing+copypatch force-exits=true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("jit option force-exits=true: backend 'copypatch' cannot force exits; use a"
            + " backend that can, such as interp (--jit=tracing+interp)");
  }

  @Test
  void anOffConfigurationHasNoJit() {
    assertThatThrownBy(() -> BUILTINS.create(JitConfig.off()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("off");
  }

  @Test
  void serviceLoaderPluginsJoinTheBuiltIns() throws IOException {
    JitFactory factory = withPlugins(Backend.class, NamedBackend.class.getName());
    assertThat(factory.backendNames()).containsExactly("copypatch", "interp", "test-backend");
    assertThat(factory.frontendNames()).containsExactly("tracing");
    assertThat(factory.create(JitConfig.parse("tracing+test-backend")).backend())
        .isInstanceOf(NamedBackend.class);
    assertThatThrownBy(() -> factory.create(JitConfig.parse("tracing+nope")))
        .hasMessage("unknown JIT backend 'nope' (available: copypatch, interp, test-backend)");
  }

  @Test
  void allPassesRunInPipelineOrderPluginsBeforeDeadCodeAndAnExplicitListInItsOrder()
      throws IOException {
    JitFactory factory = withPlugins(OptimizerPass.class, NamedPass.BPass.class.getName(),
        NamedPass.APass.class.getName());
    assertThat(factory.passNames())
        .containsExactly(
            "a-pass", "allocation-removal", "b-pass", "dead-code", "intrinsics", "loop-peeling",
            "promotion", "types");
    assertThat(factory.create(JitConfig.parse("tracing+interp")).passes())
        .extracting(OptimizerPass::name)
        .containsExactly(
            "promotion", "loop-peeling", "intrinsics", "types", "allocation-removal", "a-pass",
            "b-pass", "dead-code");
    assertThat(factory.create(JitConfig.parse("tracing+interp passes=b-pass,a-pass")).passes())
        .extracting(OptimizerPass::name).containsExactly("b-pass", "a-pass");
    assertThat(factory.create(JitConfig.parse("tracing+interp passes=b-pass")).passes())
        .extracting(OptimizerPass::name).containsExactly("b-pass");
  }

  @Test
  void aPluginCannotTakeABuiltInFrontendsName() throws IOException {
    assertThatThrownBy(() -> withPlugins(Frontend.class, ImpostorFrontend.class.getName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JIT frontend name 'tracing' is claimed by both "
            + TracingFrontend.class.getName() + " (built-in) and "
            + ImpostorFrontend.class.getName() + " (plugin)");
  }

  @Test
  void aPluginCannotTakeABuiltInBackendsName() throws IOException {
    assertThatThrownBy(() -> withPlugins(Backend.class, InterpImpostorBackend.class.getName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(ReferenceBackend.class.getName())
        .hasMessageContaining(InterpImpostorBackend.class.getName());
  }

  @Test
  void twoPluginsCannotShareAName() throws IOException {
    assertThatThrownBy(() -> withPlugins(Backend.class, NamedBackend.class.getName(),
        SameNameBackend.class.getName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JIT backend name 'test-backend' is claimed by both "
            + NamedBackend.class.getName() + " (plugin) and " + SameNameBackend.class.getName()
            + " (plugin)");
  }

  @Test
  void aPluginNameNoSpecCanSelectIsRejected() throws IOException {
    assertThatThrownBy(() -> withPlugins(Backend.class, UpperCaseBackend.class.getName()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(UpperCaseBackend.class.getName())
        .hasMessageContaining("'Fast'");
  }

  @Test
  void aMissingPluginClassIsReported() throws IOException {
    assertThatThrownBy(() -> withPlugins(Backend.class, "com.example.Absent"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot load JIT backend plugins")
        .hasMessageContaining("com.example.Absent");
  }

  /**
   * A factory whose plugins are the given classes (loaded from the test class path) listed in
   * a services file of their own, as a plugin jar would list them.
   */
  private JitFactory withPlugins(Class<?> service, String... classNames) throws IOException {
    Path services = pluginDir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.write(services.resolve(service.getName()), List.of(classNames));
    // The registries are filled when the factory is made, so the loader can close after.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginDir.toUri().toURL()},
        getClass().getClassLoader())) {
      return JitComponent.create(loader).jitFactory();
    }
  }
}
