package org.stitchjit.backend.copypatch;

import java.util.Map;
import java.util.TreeMap;
import org.stitchjit.api.uop.Uop;

/**
 * How often compiled code handed a uop to the runtime, per uop: the part of a region that did
 * not run as machine code, reported in the JIT statistics ({@code jit.escapes.<UOP>}).
 */
final class EscapeCounts {
  private final long[] byUop = new long[Uop.values().length];
  private long total;
  /** Uops compiled to native code, and uops compiled as an escape only (static counts). */
  private long nativeUops;
  private long escapeOnlyUops;

  void count(Uop uop) {
    byUop[uop.ordinal()]++;
    total++;
  }

  void compiled(boolean[] isNative) {
    for (boolean b : isNative) {
      if (b) {
        nativeUops++;
      } else {
        escapeOnlyUops++;
      }
    }
  }

  Map<String, Long> numbers() {
    Map<String, Long> m = new TreeMap<>();
    m.put("uops_native", nativeUops);
    m.put("uops_escaping", escapeOnlyUops);
    m.put("escapes", total);
    for (Uop u : Uop.values()) {
      if (byUop[u.ordinal()] != 0) {
        m.put("escapes." + u.uopName(), byUop[u.ordinal()]);
      }
    }
    return m;
  }
}
