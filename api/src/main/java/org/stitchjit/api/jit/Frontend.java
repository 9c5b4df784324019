package org.stitchjit.api.jit;

import org.stitchjit.api.config.JitConfig;

/**
 * A region-selection strategy (trace recording, lazy basic block versioning). Stateless: one
 * instance serves every VM; what a selection needs lives in the {@link Recorder} it returns.
 */
public interface Frontend {

  /** The name configurations select it by ("tracing"). */
  String name();

  /** Starts selecting a region at a hot spot. */
  Recorder begin(RegionStart start, JitConfig config);
}
