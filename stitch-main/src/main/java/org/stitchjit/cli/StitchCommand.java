package org.stitchjit.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;
import org.stitchjit.runtime.vm.VM;

/**
 * {@code stitch run [options] FILE [ARGS...]}: the command-line front door. Tests call
 * {@link #execute} directly so they exercise exactly the command's code path.
 */
public final class StitchCommand {
  /** Guest programs run on a thread with a large stack: built-ins may recurse into guests. */
  private static final long GUEST_THREAD_STACK = 2L << 30;

  static final String USAGE = String.join("\n",
      "usage: stitch run [options] FILE [ARGS...]",
      "",
      "Runs FILE as __main__ with sys.argv = [FILE, ARGS...].",
      "",
      "options:",
      "  --stats               print run statistics to stderr after the run",
      "  --stats-json=PATH     write run statistics as JSON to PATH",
      "  --heap-limit=SIZE     guest heap limit, e.g. 512m or 4g (default 4g)",
      "  --jit=off             run on the interpreter only (the only mode so far)",
      "  -h, --help            show this help",
      "");

  private StitchCommand() {}

  /**
   * Runs the command. Relative FILE paths resolve against workingDir, but sys.argv[0] and
   * tracebacks show FILE as given, as CPython does.
   *
   * @return the process exit status
   */
  public static int execute(List<String> args, Path workingDir, PrintStream out,
      PrintStream err) {
    if (args.isEmpty() || args.get(0).equals("-h") || args.get(0).equals("--help")) {
      (args.isEmpty() ? err : out).print(USAGE);
      return args.isEmpty() ? 2 : 0;
    }
    if (!args.get(0).equals("run")) {
      err.println("stitch: unknown command '" + args.get(0) + "'");
      err.print(USAGE);
      return 2;
    }
    boolean stats = false;
    String statsJson = null;
    long heapLimit = VM.DEFAULT_HEAP_LIMIT;
    int i = 1;
    for (; i < args.size(); i++) {
      String a = args.get(i);
      if (!a.startsWith("-")) {
        break;
      }
      if (a.equals("--stats")) {
        stats = true;
      } else if (a.startsWith("--stats-json=")) {
        statsJson = a.substring("--stats-json=".length());
      } else if (a.startsWith("--heap-limit=")) {
        try {
          heapLimit = parseSize(a.substring("--heap-limit=".length()));
        } catch (NumberFormatException e) {
          err.println("stitch: bad --heap-limit: " + a);
          return 2;
        }
      } else if (a.startsWith("--jit=")) {
        String mode = a.substring("--jit=".length());
        if (!mode.equals("off")) {
          err.println("stitch: --jit=" + mode + " is not available yet: only --jit=off");
          return 2;
        }
      } else if (a.equals("-h") || a.equals("--help")) {
        out.print(USAGE);
        return 0;
      } else {
        err.println("stitch: unknown option " + a);
        err.print(USAGE);
        return 2;
      }
    }
    if (i >= args.size()) {
      err.println("stitch: missing FILE");
      err.print(USAGE);
      return 2;
    }
    String file = args.get(i);
    List<String> argv = new ArrayList<>(args.subList(i, args.size()));
    Path path = workingDir.resolve(file);
    final boolean printStats = stats;
    final String jsonPath = statsJson;
    final long limit = heapLimit;
    AtomicInteger status = new AtomicInteger(1);
    Runnable run = () -> {
      try (GuestVm vm = new GuestVm(limit, out, err)) {
        int s = vm.runFile(path, argv, file);
        out.flush();
        RunStats rs = vm.stats();
        if (printStats) {
          err.print(rs.table());
        }
        if (jsonPath != null) {
          try {
            Files.writeString(workingDir.resolve(jsonPath), rs.json(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            err.println("stitch: cannot write " + jsonPath + ": " + e.getMessage());
          }
        }
        status.set(s);
      }
    };
    Thread t = new Thread(null, run, "stitch-guest", GUEST_THREAD_STACK);
    t.setUncaughtExceptionHandler((th, e) -> {
      err.println("stitch: internal error: " + e);
      status.set(70);
    });
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
    return status.get();
  }

  static long parseSize(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    long mult = 1;
    if (t.endsWith("k")) {
      mult = 1L << 10;
    } else if (t.endsWith("m")) {
      mult = 1L << 20;
    } else if (t.endsWith("g")) {
      mult = 1L << 30;
    }
    if (mult != 1) {
      t = t.substring(0, t.length() - 1);
    }
    return Long.parseLong(t) * mult;
  }
}
