package org.stitchjit.compose;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoMap;
import dagger.multibindings.StringKey;
import jakarta.inject.Singleton;
import java.util.Map;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.config.Passes;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.optimizer.AllocationRemovalPass;
import org.stitchjit.optimizer.DeadCodePass;
import org.stitchjit.optimizer.IntrinsicsPass;
import org.stitchjit.optimizer.LoopPeelingPass;
import org.stitchjit.optimizer.PromotionPass;
import org.stitchjit.optimizer.TypesPass;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.runtime.jit.reference.ReferenceBackend;

/**
 * The frontends, backends and passes that ship with Stitch, each bound into a map under the
 * name configurations select it by, and the registries that add the plugins {@link
 * java.util.ServiceLoader} finds to those maps. A new built-in is one more {@code @Provides
 * @IntoMap} method here.
 */
@Module
abstract class BuiltinsModule {
  private BuiltinsModule() {}

  @Provides
  @IntoMap
  @StringKey(TracingFrontend.NAME)
  static Frontend tracingFrontend() {
    return new TracingFrontend();
  }

  @Provides
  @IntoMap
  @StringKey(ReferenceBackend.NAME)
  static Backend referenceBackend() {
    return new ReferenceBackend();
  }

  @Provides
  @IntoMap
  @StringKey(CopyPatchBackend.NAME)
  static Backend copyPatchBackend() {
    return new CopyPatchBackend();
  }

  @Provides
  @IntoMap
  @StringKey(DeadCodePass.NAME)
  static OptimizerPass deadCodePass() {
    return new DeadCodePass();
  }

  @Provides
  @IntoMap
  @StringKey(AllocationRemovalPass.NAME)
  static OptimizerPass allocationRemovalPass() {
    return new AllocationRemovalPass();
  }

  @Provides
  @IntoMap
  @StringKey(TypesPass.NAME)
  static OptimizerPass typesPass() {
    return new TypesPass();
  }

  @Provides
  @IntoMap
  @StringKey(IntrinsicsPass.NAME)
  static OptimizerPass intrinsicsPass() {
    return new IntrinsicsPass();
  }

  @Provides
  @IntoMap
  @StringKey(LoopPeelingPass.NAME)
  static OptimizerPass loopPeelingPass() {
    return new LoopPeelingPass();
  }

  @Provides
  @IntoMap
  @StringKey(PromotionPass.NAME)
  static OptimizerPass promotionPass() {
    return new PromotionPass();
  }

  @Provides
  @Singleton
  static Registry<Frontend> frontends(Map<String, Frontend> builtins,
      @PluginClassLoader ClassLoader plugins) {
    return Registry.load("frontend", Frontend.class, builtins, plugins, Frontend::name,
        name -> JitConfig.builder().frontend(name));
  }

  @Provides
  @Singleton
  static Registry<Backend> backends(Map<String, Backend> builtins,
      @PluginClassLoader ClassLoader plugins) {
    return Registry.load("backend", Backend.class, builtins, plugins, Backend::name,
        name -> JitConfig.builder().backend(name));
  }

  @Provides
  @Singleton
  static Registry<OptimizerPass> passes(Map<String, OptimizerPass> builtins,
      @PluginClassLoader ClassLoader plugins) {
    return Registry.load("pass", OptimizerPass.class, builtins, plugins, OptimizerPass::name,
        name -> Passes.of(name));
  }
}
