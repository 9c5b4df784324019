package org.stitchjit.optimizer;

import java.util.Map;
import java.util.TreeMap;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassStats;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Trace;

/** Runs a pass on a trace written in the text form and keeps what it counted. */
final class PassHarness implements PassStats {
  final Map<String, Long> counts = new TreeMap<>();
  private final OptimizerPass pass;

  PassHarness(OptimizerPass pass) {
    this.pass = pass;
  }

  @Override
  public void count(String key, long n) {
    counts.merge(key, n, Long::sum);
  }

  Region run(String text) {
    return run(RegionText.parse(text));
  }

  Region run(Region region) {
    return pass.run(region, this);
  }

  /** A trace's uops, one per line, as {@link #lines} writes an expectation. */
  static String uops(Region r) {
    return RegionText.format(((Trace) r).uops());
  }

  /** Uops written one per line, normalized to compare with {@link #uops}. */
  static String lines(String text) {
    return RegionText.format(RegionText.parseUops(text));
  }
}
