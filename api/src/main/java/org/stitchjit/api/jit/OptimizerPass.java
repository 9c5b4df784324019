package org.stitchjit.api.jit;

import org.stitchjit.api.uop.Region;

/**
 * One optimization over uop regions. A pass must keep the region's meaning, exits included:
 * whatever exit the unoptimized region would leave through, with what interpreter state, the
 * optimized one leaves with the same.
 */
public interface OptimizerPass {

  /** The name {@code --jit-option passes=...} selects it by. */
  String name();

  /** The rewritten region (or the same one when there was nothing to do). */
  Region run(Region region, PassContext stats);
}
