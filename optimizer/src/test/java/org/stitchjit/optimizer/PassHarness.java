package org.stitchjit.optimizer;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Trace;

/**
 * Runs passes in order on a trace written in the text form and keeps what they counted (by
 * key, summed over the passes), with a VM to read when the test gives one.
 */
final class PassHarness implements PassContext {
  final Map<String, Long> counts = new TreeMap<>();
  private final List<OptimizerPass> passes;
  private final RegionEnvironment env;

  PassHarness(OptimizerPass pass) {
    this(null, pass);
  }

  PassHarness(RegionEnvironment env, OptimizerPass... passes) {
    this.env = env;
    this.passes = List.of(passes);
  }

  @Override
  public void count(String key, long n) {
    counts.merge(key, n, Long::sum);
  }

  @Override
  public Optional<RegionEnvironment> environment() {
    return Optional.ofNullable(env);
  }

  Region run(String text) {
    return run(RegionText.parse(text));
  }

  Region run(Region region) {
    Region r = region;
    for (OptimizerPass pass : passes) {
      r = pass.run(r, this);
    }
    return r;
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
