package org.stitchjit.backend.copypatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The live regions of one backend by token. A token is compiled into a region's exit and escape
 * stubs, so that code that went on into a linked region still says, when it returns, which
 * region took the exit or escape. Tokens are not reused: a stale one fails loudly.
 */
final class RegionTable {
  private final List<NativeRegion> regions = new ArrayList<>();

  /** A token for a region about to be emitted. */
  synchronized int reserve() {
    regions.add(null);
    return regions.size() - 1;
  }

  synchronized void set(int token, NativeRegion region) {
    regions.set(token, region);
  }

  synchronized void remove(int token) {
    regions.set(token, null);
  }

  NativeRegion get(int token) {
    NativeRegion r = regions.get(token);
    if (r == null) {
      throw new IllegalStateException("native code returned through region token " + token
          + ", which names no live region");
    }
    return r;
  }
}
