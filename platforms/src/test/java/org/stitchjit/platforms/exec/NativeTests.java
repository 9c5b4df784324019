package org.stitchjit.platforms.exec;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.stitchjit.platforms.Platform;

/** Native tests run machine code, so they only run where that code is native. */
final class NativeTests {
  private NativeTests() {}

  static void assumeNative() {
    assumeTrue(
        Platform.current().isSupported(),
        "hand-written x86-64 code needs Linux x86-64; this is " + Platform.current());
  }
}
