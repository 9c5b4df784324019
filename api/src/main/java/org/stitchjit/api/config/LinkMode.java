package org.stitchjit.api.config;

import java.util.Locale;

/**
 * How lazily compiled code is linked to code compiled later (a branch stub's target, a side
 * exit's bridge). Under W^X the two cost differently, which is what Stitch measures.
 */
public enum LinkMode {
  /** Flip the page to read+write, rewrite the jump, flip it back to read+execute. */
  PATCH,
  /** Jump through a slot in a data table; code never changes once it is executable. */
  INDIRECT;

  /** The option value ("patch", "indirect"). */
  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
