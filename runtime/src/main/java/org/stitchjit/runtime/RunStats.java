package org.stitchjit.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What one run of a guest program did, for --stats and --stats-json. */
public record RunStats(
    long instructions,
    long objectsAllocated,
    long bytesAllocated,
    long floatsAllocated,
    long gcCycles,
    double gcPauseMsTotal,
    double gcPauseMsMax,
    long heapPeakBytes,
    long heapCommittedBytes,
    long specializations,
    long deoptimizations,
    double wallMs,
    Map<String, Number> jit,
    List<String> jitTopExitSites,
    String jitLastError) {

  /** Nested sections of named numbers, in display order. */
  public Map<String, Map<String, Number>> sections() {
    Map<String, Map<String, Number>> s = new LinkedHashMap<>();
    Map<String, Number> interp = new LinkedHashMap<>();
    interp.put("instructions", instructions);
    interp.put("specializations", specializations);
    interp.put("deoptimizations", deoptimizations);
    interp.put("wall_ms", wallMs);
    s.put("interpreter", interp);
    Map<String, Number> alloc = new LinkedHashMap<>();
    alloc.put("objects", objectsAllocated);
    alloc.put("bytes", bytesAllocated);
    alloc.put("floats", floatsAllocated);
    s.put("alloc", alloc);
    Map<String, Number> gc = new LinkedHashMap<>();
    gc.put("cycles", gcCycles);
    gc.put("pause_ms_total", gcPauseMsTotal);
    gc.put("pause_ms_max", gcPauseMsMax);
    s.put("gc", gc);
    Map<String, Number> heap = new LinkedHashMap<>();
    heap.put("peak_bytes", heapPeakBytes);
    heap.put("committed_bytes", heapCommittedBytes);
    s.put("heap", heap);
    if (!jit.isEmpty()) {
      s.put("jit", jit);
    }
    return s;
  }

  /** A human-readable table. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Map<String, Number>> sec : sections().entrySet()) {
      for (Map.Entry<String, Number> e : sec.getValue().entrySet()) {
        String key = sec.getKey() + "." + e.getKey();
        Number v = e.getValue();
        String value = v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
            : String.format(Locale.ROOT, "%,d", v.longValue());
        sb.append(String.format(Locale.ROOT, "%-40s %20s%n", key, value));
      }
    }
    if (jitLastError != null) {
      sb.append("jit.last_error  ").append(jitLastError).append('\n');
    }
    if (!jitTopExitSites.isEmpty()) {
      sb.append("jit.top_exit_sites\n");
      for (String site : jitTopExitSites) {
        sb.append("  ").append(site).append('\n');
      }
    }
    return sb.toString();
  }

  /** Nested JSON: {"gc": {"cycles": 3, ...}, ...}. */
  public String json() {
    StringBuilder sb = new StringBuilder("{");
    boolean firstSection = true;
    for (Map.Entry<String, Map<String, Number>> sec : sections().entrySet()) {
      if (!firstSection) {
        sb.append(", ");
      }
      firstSection = false;
      sb.append('"').append(sec.getKey()).append("\": {");
      boolean first = true;
      for (Map.Entry<String, Number> e : sec.getValue().entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        Number v = e.getValue();
        String value = v instanceof Double d ? String.format(Locale.ROOT, "%.6f", d)
            : Long.toString(v.longValue());
        sb.append('"').append(e.getKey()).append("\": ").append(value);
      }
      sb.append('}');
    }
    return sb.append("}\n").toString();
  }
}
