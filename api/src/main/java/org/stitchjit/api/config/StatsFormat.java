package org.stitchjit.api.config;

import java.util.Locale;

/** Whether and how JIT statistics are printed when the program ends. */
public enum StatsFormat {
  NONE,
  /** A human-readable table on stderr. */
  TABLE,
  /** One JSON object on stderr, for scripts. */
  JSON;

  public String optionValue() {
    return name().toLowerCase(Locale.ROOT);
  }
}
