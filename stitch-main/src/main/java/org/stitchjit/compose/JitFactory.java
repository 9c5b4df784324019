package org.stitchjit.compose;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.config.Passes;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.optimizer.Pipeline;

/**
 * Builds a {@link Jit} from a {@link JitConfig} by looking up the names it gives among the
 * registered frontends, backends and passes (built-ins and plugins alike). Get one from {@link
 * JitComponent#jitFactory()}. Thread-safe: it only reads its registries.
 */
@Singleton
public final class JitFactory {
  private final Registry<Frontend> frontends;
  private final Registry<Backend> backends;
  private final Registry<OptimizerPass> passes;

  @Inject
  JitFactory(Registry<Frontend> frontends, Registry<Backend> backends,
      Registry<OptimizerPass> passes) {
    this.frontends = frontends;
    this.backends = backends;
    this.passes = passes;
  }

  /**
   * The JIT config describes. {@code passes=all} runs every registered pass in {@link
   * Pipeline} order; an explicit list runs in the order given.
   *
   * @throws IllegalArgumentException when config is off (there is no JIT to build), or names a
   *     frontend, backend or pass that is not registered; the message lists the available names
   */
  public Jit create(JitConfig config) {
    if (!config.enabled()) {
      throw new IllegalArgumentException(
          "the JIT is off in this configuration: there is no Jit to create");
    }
    Frontend frontend = frontends.get(config.frontend());
    Backend backend = backends.get(config.backend());
    return new Jit(config, frontend, resolve(config.passes()), backend);
  }

  private ImmutableList<OptimizerPass> resolve(Passes selected) {
    if (selected.isAll()) {
      ImmutableList.Builder<OptimizerPass> b = ImmutableList.builder();
      for (String name : ImmutableList.sortedCopyOf(Pipeline.BY_ORDER, passes.names())) {
        b.add(passes.get(name));
      }
      return b.build();
    }
    ImmutableList.Builder<OptimizerPass> b = ImmutableList.builder();
    for (String name : selected.names()) {
      b.add(passes.get(name));
    }
    return b.build();
  }

  /** Names of the registered frontends, sorted. */
  public ImmutableSortedSet<String> frontendNames() {
    return frontends.names();
  }

  /** Names of the registered backends, sorted. */
  public ImmutableSortedSet<String> backendNames() {
    return backends.names();
  }

  /** Names of the registered optimizer passes, sorted by name ({@link Pipeline} orders them). */
  public ImmutableSortedSet<String> passNames() {
    return passes.names();
  }
}
