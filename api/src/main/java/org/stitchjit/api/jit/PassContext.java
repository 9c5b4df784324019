package org.stitchjit.api.jit;

import java.util.Optional;

/**
 * What a pass gets besides its region: where it reports what it did, and, when the region is
 * compiled inside a VM, the {@link RegionEnvironment} it may read and rely on.
 */
public interface PassContext {
  /** Adds n to the pass's counter named key ("guards-removed"); the driver sums them. */
  void count(String key, long n);

  /**
   * The VM state the region was recorded against; empty when a region is optimized outside a
   * VM (text-form tests, tools), where passes that need it leave the region as it is.
   */
  default Optional<RegionEnvironment> environment() {
    return Optional.empty();
  }
}
