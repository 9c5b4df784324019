package org.stitchjit.api.jit;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import org.stitchjit.api.config.JitConfig;

/**
 * One composed JIT: a configuration and the frontend, passes (in order) and backend it names.
 * Built by the composition root; the VM's driver runs it.
 */
public record Jit(JitConfig config, Frontend frontend, ImmutableList<OptimizerPass> passes,
    Backend backend) {

  public Jit {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(frontend, "frontend");
    Objects.requireNonNull(passes, "passes");
    Objects.requireNonNull(backend, "backend");
    if (!config.enabled()) {
      throw new IllegalArgumentException("a Jit needs an enabled configuration, not 'off'");
    }
    if (config.forceExits() && !backend.forcesExits()) {
      throw new IllegalArgumentException("jit option force-exits=true: backend '"
          + backend.name() + "' cannot force exits; use a backend that can, such as interp"
          + " (--jit=" + config.frontend() + "+interp)");
    }
  }
}
