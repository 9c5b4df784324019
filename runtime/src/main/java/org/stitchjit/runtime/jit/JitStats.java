package org.stitchjit.runtime.jit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;

/** What the JIT did in one run: the numbers --stats prints under "jit". */
public final class JitStats {
  long compiled;
  long bridges;
  long aborted;
  long compileFailures;
  long invalidations;
  long entries;
  long exits;
  long linked;
  long uopsTotal;
  long compileNanos;
  long codeBytes;
  /** The last exception a frontend, pass or backend threw (a bug in it), for the table. */
  String lastError;
  private final Map<String, Long> abortsByReason = new TreeMap<>();
  private final Map<String, Long> failuresByReason = new TreeMap<>();
  private final long[] exitsByReason = new long[ExitReason.values().length];
  /** Every region compiled, for naming the hottest exit sites. */
  final java.util.List<Executor> regions = new java.util.ArrayList<>();
  private final Map<String, Long> passCounts = new TreeMap<>();
  /** force-exits is on: the statistics then show how many exits were forced. */
  boolean forcingExits;
  /** The backend's own counters ({@link org.stitchjit.api.jit.Backend#stats}), read live. */
  java.util.function.Supplier<Map<String, Long>> backendCounts = Map::of;

  void compiled(int uops, boolean bridge) {
    compiled++;
    uopsTotal += uops;
    if (bridge) {
      bridges++;
    }
  }

  void abort(String reason) {
    aborted++;
    // "too-short:inner-loop" counts under "too-short".
    int colon = reason.indexOf(':');
    abortsByReason.merge(colon < 0 ? reason : reason.substring(0, colon), 1L, Long::sum);
  }

  void compileFailed(String reason) {
    compileFailures++;
    failuresByReason.merge(reason, 1L, Long::sum);
  }

  /**
   * Counts an exit. This is on the path of every region exit, so it only bumps counters;
   * sites are named when the statistics are read.
   */
  void exit(ExitReason reason, Executor ex, int k) {
    exits++;
    exitsByReason[reason.ordinal()]++;
    ex.exitTaken[k]++;
  }

  /** The code objects exits name, by id (an exit in an inlined callee names the callee's). */
  java.util.function.LongFunction<org.stitchjit.runtime.interp.CodeInfo> codeById = id -> null;

  /** Where exit e resumes, as "qualname line N". */
  private String siteOf(Executor ex, Exit e) {
    org.stitchjit.runtime.interp.CodeInfo code =
        e.codeId() == ex.code.code ? ex.code : codeById.apply(e.codeId());
    return code == null ? ex.code.qualname + " (inlined code)"
        : code.qualname + " line " + code.lineAt(e.bytecodeIndex());
  }

  void passCount(String pass, String key, long n) {
    passCounts.merge(pass + "." + key, n, Long::sum);
  }

  public long compiled() {
    return compiled;
  }

  public long aborted() {
    return aborted;
  }

  public long exits() {
    return exits;
  }

  public long bridges() {
    return bridges;
  }

  public long invalidations() {
    return invalidations;
  }

  /** The numbers, flat keys in display order (a nested "jit" section in JSON). */
  public Map<String, Number> numbers() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("compiled", compiled);
    m.put("bridges", bridges);
    m.put("aborted", aborted);
    abortsByReason.forEach((k, v) -> m.put("aborted." + k, v));
    m.put("compile_failures", compileFailures);
    failuresByReason.forEach((k, v) -> m.put("compile_failures." + k, v));
    m.put("invalidations", invalidations);
    m.put("entries", entries);
    m.put("exits", exits);
    m.put("linked", linked);
    for (ExitReason r : ExitReason.values()) {
      if (exitsByReason[r.ordinal()] != 0) {
        m.put("exits." + r.name().toLowerCase(), exitsByReason[r.ordinal()]);
      }
    }
    if (forcingExits) {
      m.put("forced_exits", forcedExits());
    }
    m.put("uops_total", uopsTotal);
    m.put("uops_per_region", compiled == 0 ? 0.0 : (double) uopsTotal / compiled);
    m.put("compile_ms", compileNanos / 1e6);
    m.put("code_bytes", codeBytes);
    passCounts.forEach(m::put);
    backendCounts.get().forEach(m::put);
    return m;
  }

  /**
   * Exits taken because force-exits forced them (counted in {@code exits} too), summed over
   * every region compiled. Each region counts its own: the driver cannot tell a forced exit from
   * another.
   */
  public long forcedExits() {
    long n = 0;
    for (Executor ex : regions) {
      if (ex.compiled instanceof org.stitchjit.runtime.jit.reference.ReferenceRegion r) {
        n += r.forcedExits().cardinality();
      }
    }
    return n;
  }

  /** The last frontend, pass or backend error, or null. */
  public String lastError() {
    return lastError;
  }

  /** The n exit sites taken most often, most first ("region 3 exit 5 (branch, f line 7): 912"). */
  public List<String> topExitSites(int n) {
    record Site(Executor ex, int k, long count) {}
    java.util.List<Site> sites = new java.util.ArrayList<>();
    for (Executor ex : regions) {
      for (int k = 0; k < ex.exitTaken.length; k++) {
        if (ex.exitTaken[k] != 0) {
          sites.add(new Site(ex, k, ex.exitTaken[k]));
        }
      }
    }
    return sites.stream()
        .sorted(Comparator.comparingLong(Site::count).reversed())
        .limit(n)
        .map(x -> {
          Exit e = x.ex().region.exits().get(x.k());
          return "region " + x.ex().id + " exit " + x.k() + " (" + e.reason().name().toLowerCase()
              + ", " + siteOf(x.ex(), e) + "): " + x.count();
        })
        .collect(Collectors.toList());
  }
}
