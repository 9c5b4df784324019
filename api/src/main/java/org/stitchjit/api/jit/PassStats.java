package org.stitchjit.api.jit;

/** Where a pass reports what it did; the driver sums the counts per pass for --stats. */
public interface PassStats {
  /** Adds n to the pass's counter named key ("guards-removed"). */
  void count(String key, long n);
}
