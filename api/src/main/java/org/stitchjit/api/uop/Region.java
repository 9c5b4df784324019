package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;

/**
 * What a frontend hands to the optimizer and the backend: a {@link Trace} (tracing frontend)
 * or a {@link BlockRegion} (LBBV frontend). Both are immutable; passes build new ones.
 */
public sealed interface Region permits Trace, BlockRegion {

  /** The exit table; uops with {@link OperandKind#EXIT} index into it. */
  ImmutableList<Exit> exits();

  /** Every uop of the region, blocks in id order, for statistics and whole-region scans. */
  ImmutableList<UopInstr> allUops();
}
