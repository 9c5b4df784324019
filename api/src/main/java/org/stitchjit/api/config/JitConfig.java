package org.stitchjit.api.config;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.Sets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything that selects and tunes the JIT for one run: whether it is on, the frontend and
 * backend, the optimizer passes, the thresholds, the limits, the linking mode and what to dump.
 * Immutable; build one with {@link #builder()}, {@link #parse} or {@link #withOption}.
 *
 * <p>On the command line a configuration is a spec and options: {@code --jit=off}, {@code
 * --jit=tracing+copypatch} ({@code FRONTEND+BACKEND}; the names are validated later against
 * the implementations that are registered) and {@code --jit-option KEY=VALUE} for the rest.
 * {@link #toString()} prints the spec followed by the options that differ from the defaults,
 * in a form {@link #parse} reads back.
 *
 * <p>Options (defaults in brackets):
 *
 * <ul>
 *   <li>{@code hot-loop} [16]: backward-edge executions before a loop is compiled. CPython
 *       3.13's initial JUMP_BACKWARD counter; low, so that short benchmark loops get compiled.
 *   <li>{@code hot-function} [30]: calls before a function entry is compiled, YJIT's default
 *       call threshold.
 *   <li>{@code hot-exit} [64]: exits taken at one site before the frontend is asked for more
 *       code there (a bridge, the next block version), CPython 3.13's side-exit counter.
 *   <li>{@code trace-length} [800]: the most uops a trace may hold, CPython's
 *       UOP_MAX_TRACE_LENGTH; a longer recording is cut with an exit.
 *   <li>{@code code-cache-limit} [64m]: bytes of executable memory, with an optional k, m or g
 *       suffix (powers of 1024); at least 4k. When it is full the JIT stops compiling.
 *   <li>{@code link-mode} [indirect]: {@code patch} or {@code indirect} ({@link LinkMode}).
 *       Indirect is the default because it keeps every page read+execute after it is written,
 *       which every platform allows (macOS's MAP_JIT makes patching costly).
 *   <li>{@code passes} [all]: {@code all}, {@code none} or a comma list ({@link Passes}).
 *   <li>{@code perf-map} [false]: write /tmp/perf-PID.map for {@code perf report}.
 *   <li>{@code dump} [none]: a comma list of {@code bytecode}, {@code uops}, {@code asm}.
 *   <li>{@code stats} [none]: {@code none}, {@code table} or {@code json}.
 *   <li>{@code force-exits} [false]: a debugging knob for testing exits. Each region leaves
 *       through each of its exits the first time the uop owning it runs, even when its guard
 *       would pass, then behaves normally; the program's output must not change. Only backends
 *       that say they can ({@code Backend.forcesExits()}, the reference backend {@code interp})
 *       accept it: a {@code Jit} with any other rejects the configuration.
 * </ul>
 */
public final class JitConfig {
  /** The option keys, in the order {@link #toString()} and {@link #options()} list them. */
  public static final ImmutableSet<String> KEYS = ImmutableSet.of("hot-loop", "hot-function",
      "hot-exit", "trace-length", "code-cache-limit", "link-mode", "passes", "perf-map", "dump",
      "stats", "force-exits");

  public static final String DEFAULT_FRONTEND = "tracing";
  public static final String DEFAULT_BACKEND = "copypatch";
  public static final int DEFAULT_HOT_LOOP = 16;
  public static final int DEFAULT_HOT_FUNCTION = 30;
  public static final int DEFAULT_HOT_EXIT = 64;
  public static final int DEFAULT_TRACE_LENGTH = 800;
  public static final long DEFAULT_CODE_CACHE_LIMIT = 64L << 20;
  /** One page: less cannot hold any code. */
  public static final long MIN_CODE_CACHE_LIMIT = 4096;
  /** A trace needs at least one uop and its terminator. */
  public static final int MIN_TRACE_LENGTH = 2;

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final JitConfig DEFAULTS = new Builder().build();
  private static final JitConfig OFF = new Builder().enabled(false).build();

  private final boolean enabled;
  private final String frontend;
  private final String backend;
  private final Passes passes;
  private final int hotLoop;
  private final int hotFunction;
  private final int hotExit;
  private final int traceLength;
  private final long codeCacheLimit;
  private final LinkMode linkMode;
  private final boolean perfMap;
  private final Set<Dump> dumps;
  private final StatsFormat stats;
  private final boolean forceExits;

  private JitConfig(Builder b) {
    this.enabled = b.enabled;
    this.frontend = b.frontend;
    this.backend = b.backend;
    this.passes = b.passes;
    this.hotLoop = b.hotLoop;
    this.hotFunction = b.hotFunction;
    this.hotExit = b.hotExit;
    this.traceLength = b.traceLength;
    this.codeCacheLimit = b.codeCacheLimit;
    this.linkMode = b.linkMode;
    this.perfMap = b.perfMap;
    this.dumps = Sets.immutableEnumSet(b.dumps);
    this.stats = b.stats;
    this.forceExits = b.forceExits;
  }

  /** The JIT on with the default frontend, backend and options. */
  public static JitConfig defaults() {
    return DEFAULTS;
  }

  /** The JIT off: everything runs in the interpreter. */
  public static JitConfig off() {
    return OFF;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Parses a spec, {@code off} or {@code FRONTEND+BACKEND}, optionally followed by
   * whitespace-separated {@code KEY=VALUE} options (the form {@link #toString()} prints).
   *
   * @throws IllegalArgumentException naming what is wrong and what is accepted
   */
  public static JitConfig parse(String spec) {
    String[] words = spec.trim().split("\\s+");
    Builder b = builder().spec(words[0]);
    for (int i = 1; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException(
            "jit option '" + words[i] + "': expected KEY=VALUE");
      }
      b.option(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return b.build();
  }

  /** This configuration with one option changed, as {@code --jit-option key=value}. */
  public JitConfig withOption(String key, String value) {
    return toBuilder().option(key, value).build();
  }

  public boolean enabled() {
    return enabled;
  }

  /** The frontend's registered name ("tracing", "bbv"). */
  public String frontend() {
    return frontend;
  }

  /** The backend's registered name ("copypatch", "asm", "interp"). */
  public String backend() {
    return backend;
  }

  /** {@code off} or {@code frontend+backend}. */
  public String spec() {
    return enabled ? frontend + "+" + backend : "off";
  }

  public Passes passes() {
    return passes;
  }

  public int hotLoop() {
    return hotLoop;
  }

  public int hotFunction() {
    return hotFunction;
  }

  public int hotExit() {
    return hotExit;
  }

  public int traceLength() {
    return traceLength;
  }

  public long codeCacheLimit() {
    return codeCacheLimit;
  }

  public LinkMode linkMode() {
    return linkMode;
  }

  public boolean perfMap() {
    return perfMap;
  }

  public Set<Dump> dumps() {
    return dumps;
  }

  public boolean dumps(Dump what) {
    return dumps.contains(what);
  }

  public StatsFormat stats() {
    return stats;
  }

  /** Whether every exit is taken once per region ({@code force-exits}, for testing exits). */
  public boolean forceExits() {
    return forceExits;
  }

  /** Every option with its value as the option syntax writes it, in {@link #KEYS} order. */
  public ImmutableMap<String, String> options() {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    for (String key : KEYS) {
      b.put(key, option(key));
    }
    return b.buildOrThrow();
  }

  /** The value of one option as the option syntax writes it. */
  public String option(String key) {
    return switch (key) {
      case "hot-loop" -> Integer.toString(hotLoop);
      case "hot-function" -> Integer.toString(hotFunction);
      case "hot-exit" -> Integer.toString(hotExit);
      case "trace-length" -> Integer.toString(traceLength);
      case "code-cache-limit" -> formatBytes(codeCacheLimit);
      case "link-mode" -> linkMode.optionValue();
      case "passes" -> passes.toString();
      case "perf-map" -> Boolean.toString(perfMap);
      case "dump" -> dumps.isEmpty() ? "none"
          : Joiner.on(',').join(dumps.stream().map(Dump::optionValue).iterator());
      case "stats" -> stats.optionValue();
      case "force-exits" -> Boolean.toString(forceExits);
      default -> throw unknownKey(key);
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JitConfig c && enabled == c.enabled && frontend.equals(c.frontend)
        && backend.equals(c.backend) && passes.equals(c.passes) && hotLoop == c.hotLoop
        && hotFunction == c.hotFunction && hotExit == c.hotExit
        && traceLength == c.traceLength && codeCacheLimit == c.codeCacheLimit
        && linkMode == c.linkMode && perfMap == c.perfMap && dumps.equals(c.dumps)
        && stats == c.stats && forceExits == c.forceExits;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, frontend, backend, passes, hotLoop, hotFunction, hotExit,
        traceLength, codeCacheLimit, linkMode, perfMap, dumps, stats, forceExits);
  }

  /**
   * The spec, then each option that differs from its default as KEY=VALUE ({@code
   * "tracing+interp hot-loop=2"}). When the JIT is off but its frontend or backend differ from
   * the defaults they are not printed: an off configuration never uses them.
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(spec());
    for (Map.Entry<String, String> e : options().entrySet()) {
      if (!e.getValue().equals(DEFAULTS.option(e.getKey()))) {
        sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
      }
    }
    return sb.toString();
  }

  static boolean isName(String s) {
    return NAME.matcher(s).matches();
  }

  /** Formats bytes with the largest suffix that divides them exactly ("64m", "1536k"). */
  static String formatBytes(long bytes) {
    String[] suffixes = {"g", "m", "k"};
    int[] shifts = {30, 20, 10};
    for (int i = 0; i < suffixes.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes % unit == 0) {
        return (bytes / unit) + suffixes[i];
      }
    }
    return Long.toString(bytes);
  }

  /** Parses a byte count with an optional k, m or g suffix (powers of 1024). */
  static long parseBytes(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    int shift = 0;
    if (!v.isEmpty()) {
      switch (v.charAt(v.length() - 1)) {
        case 'k' -> shift = 10;
        case 'm' -> shift = 20;
        case 'g' -> shift = 30;
        default -> shift = 0;
      }
    }
    String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
    long n;
    try {
      n = Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw badValue(key, value, "a byte count such as 65536, 512k, 64m or 1g");
    }
    if (n < 0 || n > (Long.MAX_VALUE >> shift)) {
      throw badValue(key, value, "a byte count such as 65536, 512k, 64m or 1g");
    }
    return n << shift;
  }

  private static IllegalArgumentException badValue(String key, String value, String expected) {
    return new IllegalArgumentException(
        "jit option " + key + ": expected " + expected + ", got '" + value + "'");
  }

  private static IllegalArgumentException unknownKey(String key) {
    return new IllegalArgumentException(
        "unknown jit option '" + key + "' (known: " + Joiner.on(", ").join(KEYS) + ")");
  }

  /** Collects settings; {@link #build()} returns the immutable configuration. */
  public static final class Builder {
    private boolean enabled = true;
    private String frontend = DEFAULT_FRONTEND;
    private String backend = DEFAULT_BACKEND;
    private Passes passes = Passes.all();
    private int hotLoop = DEFAULT_HOT_LOOP;
    private int hotFunction = DEFAULT_HOT_FUNCTION;
    private int hotExit = DEFAULT_HOT_EXIT;
    private int traceLength = DEFAULT_TRACE_LENGTH;
    private long codeCacheLimit = DEFAULT_CODE_CACHE_LIMIT;
    private LinkMode linkMode = LinkMode.INDIRECT;
    private boolean perfMap;
    private EnumSet<Dump> dumps = EnumSet.noneOf(Dump.class);
    private StatsFormat stats = StatsFormat.NONE;
    private boolean forceExits;

    private Builder() {}

    private Builder(JitConfig c) {
      enabled = c.enabled;
      frontend = c.frontend;
      backend = c.backend;
      passes = c.passes;
      hotLoop = c.hotLoop;
      hotFunction = c.hotFunction;
      hotExit = c.hotExit;
      traceLength = c.traceLength;
      codeCacheLimit = c.codeCacheLimit;
      linkMode = c.linkMode;
      perfMap = c.perfMap;
      dumps = c.dumps.isEmpty() ? EnumSet.noneOf(Dump.class) : EnumSet.copyOf(c.dumps);
      stats = c.stats;
      forceExits = c.forceExits;
    }

    /** Sets the JIT on or off, keeping the frontend and backend for when it is on. */
    public Builder enabled(boolean on) {
      this.enabled = on;
      return this;
    }

    /** Applies a spec: {@code off} or {@code FRONTEND+BACKEND} (which also turns it on). */
    public Builder spec(String spec) {
      String s = spec.trim();
      if (s.equals("off")) {
        return enabled(false);
      }
      int plus = s.indexOf('+');
      if (plus < 0 || s.indexOf('+', plus + 1) >= 0) {
        throw new IllegalArgumentException(
            "--jit: expected 'off' or FRONTEND+BACKEND (e.g. tracing+copypatch), got '" + spec
                + "'");
      }
      frontend(s.substring(0, plus));
      backend(s.substring(plus + 1));
      return enabled(true);
    }

    public Builder frontend(String name) {
      this.frontend = checkName("frontend", name);
      return this;
    }

    public Builder backend(String name) {
      this.backend = checkName("backend", name);
      return this;
    }

    public Builder passes(Passes p) {
      this.passes = Objects.requireNonNull(p);
      return this;
    }

    public Builder hotLoop(int n) {
      this.hotLoop = checkAtLeast("hot-loop", n, 1);
      return this;
    }

    public Builder hotFunction(int n) {
      this.hotFunction = checkAtLeast("hot-function", n, 1);
      return this;
    }

    public Builder hotExit(int n) {
      this.hotExit = checkAtLeast("hot-exit", n, 1);
      return this;
    }

    public Builder traceLength(int n) {
      this.traceLength = checkAtLeast("trace-length", n, MIN_TRACE_LENGTH);
      return this;
    }

    public Builder codeCacheLimit(long bytes) {
      if (bytes < MIN_CODE_CACHE_LIMIT) {
        throw new IllegalArgumentException("jit option code-cache-limit: expected at least "
            + formatBytes(MIN_CODE_CACHE_LIMIT) + ", got " + bytes + " bytes");
      }
      this.codeCacheLimit = bytes;
      return this;
    }

    public Builder linkMode(LinkMode mode) {
      this.linkMode = Objects.requireNonNull(mode);
      return this;
    }

    public Builder perfMap(boolean on) {
      this.perfMap = on;
      return this;
    }

    public Builder dumps(Set<Dump> what) {
      this.dumps = what.isEmpty() ? EnumSet.noneOf(Dump.class) : EnumSet.copyOf(what);
      return this;
    }

    public Builder dump(Dump what) {
      this.dumps.add(what);
      return this;
    }

    public Builder stats(StatsFormat format) {
      this.stats = Objects.requireNonNull(format);
      return this;
    }

    public Builder forceExits(boolean on) {
      this.forceExits = on;
      return this;
    }

    /**
     * Sets one option from its command-line form ({@code --jit-option key=value}).
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming the key and
     *     the accepted values
     */
    public Builder option(String key, String value) {
      Objects.requireNonNull(value, "value");
      String v = value.trim();
      switch (key) {
        case "hot-loop" -> hotLoop(parseInt(key, v, 1));
        case "hot-function" -> hotFunction(parseInt(key, v, 1));
        case "hot-exit" -> hotExit(parseInt(key, v, 1));
        case "trace-length" -> traceLength(parseInt(key, v, MIN_TRACE_LENGTH));
        case "code-cache-limit" -> codeCacheLimit(parseBytes(key, v));
        case "link-mode" -> linkMode(switch (v) {
          case "patch" -> LinkMode.PATCH;
          case "indirect" -> LinkMode.INDIRECT;
          default -> throw badValue(key, value, "patch or indirect");
        });
        case "passes" -> passes(Passes.parse(v));
        case "perf-map" -> perfMap(parseBoolean(key, v));
        case "dump" -> dumps(parseDumps(key, v));
        case "stats" -> stats(switch (v) {
          case "none" -> StatsFormat.NONE;
          case "table" -> StatsFormat.TABLE;
          case "json" -> StatsFormat.JSON;
          default -> throw badValue(key, value, "none, table or json");
        });
        case "force-exits" -> forceExits(parseBoolean(key, v));
        default -> throw unknownKey(key);
      }
      return this;
    }

    public JitConfig build() {
      return new JitConfig(this);
    }

    private static Set<Dump> parseDumps(String key, String v) {
      if (v.equals("none") || v.isEmpty()) {
        return EnumSet.noneOf(Dump.class);
      }
      List<Dump> list = new ArrayList<>();
      for (String part : v.split(",", -1)) {
        Dump d = switch (part.trim()) {
          case "bytecode" -> Dump.BYTECODE;
          case "uops" -> Dump.UOPS;
          case "asm" -> Dump.ASM;
          default -> throw badValue(key, v, "none or a comma list of bytecode, uops, asm");
        };
        list.add(d);
      }
      return EnumSet.copyOf(list);
    }

    private static boolean parseBoolean(String key, String v) {
      return switch (v) {
        case "true" -> true;
        case "false" -> false;
        default -> throw badValue(key, v, "true or false");
      };
    }

    private static int parseInt(String key, String v, int min) {
      try {
        return checkAtLeast(key, Integer.parseInt(v), min);
      } catch (NumberFormatException e) {
        throw badValue(key, v, "an integer >= " + min);
      }
    }

    private static int checkAtLeast(String key, int n, int min) {
      if (n < min) {
        throw badValue(key, Integer.toString(n), "an integer >= " + min);
      }
      return n;
    }

    private static String checkName(String what, String name) {
      if (!isName(name)) {
        throw new IllegalArgumentException("--jit: " + what + " name '" + name
            + "' must be lower-case letters, digits, '-' or '_', starting with a letter");
      }
      return name;
    }
  }
}
