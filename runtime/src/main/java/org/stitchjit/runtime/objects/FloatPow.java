package org.stitchjit.runtime.objects;

/** Placeholder replaced below. */
final class FloatPow {
  private FloatPow() {}

  static double pow(double x, double y) {
    return Math.pow(x, y);
  }
}
