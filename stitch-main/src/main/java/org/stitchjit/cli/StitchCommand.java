package org.stitchjit.cli;

import com.google.common.base.Joiner;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stitchjit.Stitch;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.compose.JitFactory;
import org.stitchjit.runtime.RunStats;
import org.stitchjit.runtime.vm.VM;

/**
 * {@code stitch run [options] FILE [ARGS...]}: the command-line front door, a thin layer over
 * {@link Stitch}. Tests call {@link #execute} directly so they exercise exactly the command's
 * code path.
 */
public final class StitchCommand {
  /** The JIT spec when no {@code --jit} is given. */
  public static final String DEFAULT_JIT = "tracing+copypatch";

  /** Exit status for a bad command line, as CPython uses for its own usage errors. */
  private static final int USAGE_ERROR = 2;
  /** EX_SOFTWARE: a bug in Stitch, not in the guest program. */
  private static final int INTERNAL_ERROR = 70;

  static final String USAGE = String.join("\n",
      "usage: stitch run [options] FILE [ARGS...]",
      "",
      "Runs FILE as __main__ with sys.argv = [FILE, ARGS...].",
      "",
      "options:",
      "  --jit=SPEC              off, or FRONTEND+BACKEND (default " + DEFAULT_JIT + ")",
      "  --jit-option KEY=VALUE  a JIT option, repeatable; also --jit-option=KEY=VALUE",
      wrap("keys: " + Joiner.on(", ").join(JitConfig.KEYS), "                          ", 80),
      "  --dump=WHAT             dump compiled regions: comma list of bytecode, uops, asm",
      "  --dump-dir=DIR          write dumps to files in DIR instead of stderr",
      "  --stats                 print run statistics to stderr after the run",
      "  --stats-json=PATH       write run statistics as JSON to PATH",
      "  --heap-limit=SIZE       guest heap limit, e.g. 512m or 4g (default 4g)",
      "  -h, --help              show this help and the available JIT components",
      "");

  private StitchCommand() {}

  /** A command-line mistake: reported as {@code stitch: message}, exit status 2. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    final boolean showUsage;

    UsageException(String message, boolean showUsage) {
      super(message);
      this.showUsage = showUsage;
    }
  }

  /** What the options asked for. */
  private record Options(JitConfig jit, boolean stats, String statsJson, long heapLimit,
      String dumpDir, String file, List<String> args) {}

  /**
   * Runs the command. Relative FILE paths resolve against workingDir, but sys.argv[0] and
   * tracebacks show FILE as given, as CPython does.
   *
   * @return the process exit status
   */
  public static int execute(List<String> args, Path workingDir, PrintStream out,
      PrintStream err) {
    if (args.isEmpty()) {
      err.print(USAGE);
      return USAGE_ERROR;
    }
    if (isHelp(args.get(0))) {
      return help(out, err);
    }
    if (!args.get(0).equals("run")) {
      err.println("stitch: unknown command '" + args.get(0) + "'");
      err.print(USAGE);
      return USAGE_ERROR;
    }
    Options o;
    try {
      Optional<Options> parsed = parse(args.subList(1, args.size()));
      if (parsed.isEmpty()) {
        return help(out, err);
      }
      o = parsed.get();
    } catch (UsageException e) {
      err.println("stitch: " + e.getMessage());
      if (e.showUsage) {
        err.print(USAGE);
      }
      return USAGE_ERROR;
    }
    Stitch.Builder builder = Stitch.builder().jit(o.jit()).heapLimit(o.heapLimit()).out(out)
        .err(err).workingDirectory(workingDir);
    if (o.dumpDir() != null) {
      builder.dumpDirectory(Path.of(o.dumpDir()));
    }
    try (Stitch vm = build(builder)) {
      int status = vm.runFile(Path.of(o.file()), o.args());
      out.flush();
      RunStats rs = vm.stats();
      if (o.stats()) {
        err.print(rs.table());
      }
      if (o.statsJson() != null) {
        try {
          Files.writeString(workingDir.resolve(o.statsJson()), rs.json(),
              StandardCharsets.UTF_8);
        } catch (IOException e) {
          err.println("stitch: cannot write " + o.statsJson() + ": " + e.getMessage());
        }
      }
      return status;
    } catch (UsageException e) {
      err.println("stitch: " + e.getMessage());
      return USAGE_ERROR;
    } catch (RuntimeException | Error e) {
      out.flush();
      err.println("stitch: internal error: " + e);
      return INTERNAL_ERROR;
    }
  }

  /** Builds the VM, turning configuration mistakes into usage errors. */
  private static Stitch build(Stitch.Builder builder) throws UsageException {
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      // Unknown component names, a clashing or broken plugin: problems with what the user
      // asked for or put on the class path, not with Stitch.
      throw new UsageException(e.getMessage(), false);
    } catch (UncheckedIOException e) {
      throw new UsageException(
          "--dump-dir: " + e.getMessage() + ": " + e.getCause().getMessage(), false);
    }
  }

  /** The options, or empty when they ask for help. */
  private static Optional<Options> parse(List<String> args) throws UsageException {
    JitConfig.Builder jit = JitConfig.builder();
    String spec = DEFAULT_JIT;
    boolean stats = false;
    String statsJson = null;
    long heapLimit = VM.DEFAULT_HEAP_LIMIT;
    String dumpDir = null;
    int i = 0;
    try {
      for (; i < args.size(); i++) {
        String a = args.get(i);
        if (!a.startsWith("-")) {
          break;
        }
        if (isHelp(a)) {
          return Optional.empty();
        } else if (a.equals("--stats")) {
          stats = true;
        } else if (a.startsWith("--stats-json=")) {
          statsJson = value(a, "--stats-json=");
        } else if (a.startsWith("--heap-limit=")) {
          try {
            heapLimit = parseSize(value(a, "--heap-limit="));
          } catch (NumberFormatException e) {
            throw new UsageException("bad --heap-limit: " + a, false);
          }
        } else if (a.startsWith("--jit=")) {
          spec = value(a, "--jit=");
        } else if (a.equals("--jit-option")) {
          if (i + 1 >= args.size()) {
            throw new UsageException("--jit-option needs KEY=VALUE", true);
          }
          jitOption(jit, args.get(++i));
        } else if (a.startsWith("--jit-option=")) {
          jitOption(jit, a.substring("--jit-option=".length()));
        } else if (a.startsWith("--dump=")) {
          jit.option("dump", value(a, "--dump="));
        } else if (a.startsWith("--dump-dir=")) {
          dumpDir = value(a, "--dump-dir=");
        } else {
          throw new UsageException("unknown option " + a, true);
        }
      }
      jit.spec(spec);
    } catch (IllegalArgumentException e) {
      // JitConfig's messages name the option and what it accepts.
      throw new UsageException(e.getMessage(), false);
    }
    JitConfig config = jit.build();
    if (!config.enabled() && !config.dumps().isEmpty()) {
      throw new UsageException("--dump needs the JIT on (--jit=FRONTEND+BACKEND); it is off",
          false);
    }
    if (dumpDir != null && config.dumps().isEmpty()) {
      throw new UsageException("--dump-dir needs something to dump (--dump=WHAT)", false);
    }
    if (i >= args.size()) {
      throw new UsageException("missing FILE", true);
    }
    return Optional.of(new Options(config, stats, statsJson, heapLimit, dumpDir, args.get(i),
        List.copyOf(args.subList(i + 1, args.size()))));
  }

  private static String value(String arg, String prefix) throws UsageException {
    String v = arg.substring(prefix.length());
    if (v.isEmpty()) {
      throw new UsageException(prefix.substring(0, prefix.length() - 1) + " needs a value",
          false);
    }
    return v;
  }

  private static void jitOption(JitConfig.Builder jit, String keyValue) throws UsageException {
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw new UsageException("--jit-option: expected KEY=VALUE, got '" + keyValue + "'",
          false);
    }
    jit.option(keyValue.substring(0, eq), keyValue.substring(eq + 1));
  }

  /** Fills lines of at most width characters, each starting with indent. */
  private static String wrap(String text, String indent, int width) {
    StringBuilder lines = new StringBuilder();
    StringBuilder line = new StringBuilder(indent);
    for (String word : text.split(" ")) {
      if (line.length() > indent.length() && line.length() + 1 + word.length() > width) {
        lines.append(line).append('\n');
        line = new StringBuilder(indent);
      }
      if (line.length() > indent.length()) {
        line.append(' ');
      }
      line.append(word);
    }
    return lines.append(line).toString();
  }

  private static boolean isHelp(String arg) {
    return arg.equals("-h") || arg.equals("--help");
  }

  private static int help(PrintStream out, PrintStream err) {
    JitFactory factory;
    try {
      factory = JitComponent.create().jitFactory();
    } catch (IllegalStateException e) {
      out.print(USAGE);
      out.flush();
      err.println("stitch: " + e.getMessage());
      return USAGE_ERROR;
    }
    out.print(USAGE);
    out.println();
    out.println("JIT components (built-in and plugins):");
    out.println("  frontends: " + list(factory.frontendNames()));
    out.println("  backends:  " + list(factory.backendNames()));
    out.println("  passes:    " + list(factory.passNames()));
    return 0;
  }

  private static String list(Collection<String> names) {
    return names.isEmpty() ? "(none)" : Joiner.on(", ").join(names);
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
