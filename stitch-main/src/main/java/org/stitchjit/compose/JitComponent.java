package org.stitchjit.compose;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;

/**
 * The composition root: the built-in frontends, backends and passes plus the plugins found
 * through {@link java.util.ServiceLoader}. A plugin is a jar whose {@code
 * META-INF/services/org.stitchjit.api.jit.Frontend} (or {@code .Backend}, {@code
 * .OptimizerPass}) lists its classes; each needs a public no-argument constructor and a name
 * no other implementation of its kind uses.
 *
 * <pre>{@code
 * JitFactory factory = JitComponent.create().jitFactory();
 * Jit jit = factory.create(JitConfig.parse("tracing+interp hot-loop=2"));
 * }</pre>
 */
@Singleton
@Component(modules = BuiltinsModule.class)
public interface JitComponent {

  /**
   * The factory over every registered implementation.
   *
   * @throws IllegalStateException when a plugin cannot be loaded, or two implementations claim
   *     one name (the message names both classes)
   */
  JitFactory jitFactory();

  /** Plugins come from the current thread's context class loader, as ServiceLoader's own. */
  static JitComponent create() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    // ServiceLoader.load(type) treats a null context loader as the system class loader.
    return create(context != null ? context : ClassLoader.getSystemClassLoader());
  }

  /** Plugins come from the given class loader (a plugin directory, a test's loader). */
  static JitComponent create(ClassLoader plugins) {
    return DaggerJitComponent.factory().create(plugins);
  }

  /** Dagger's entry; callers use {@link #create()}. */
  @Component.Factory
  interface Factory {
    JitComponent create(@BindsInstance @PluginClassLoader ClassLoader plugins);
  }
}
