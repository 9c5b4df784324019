package org.stitchjit.benchmarks;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.platforms.Platform;
import org.stitchjit.runtime.GuestVm;

/**
 * Real traces for backend benchmarks: recorded by the tracing frontend while the benchmark
 * programs run, then sorted into the ones the copypatch backend compiles today and the ones it
 * rejects (counted by reason). Nothing here knows which uops have stencils: that is found out
 * by compiling, so the corpus grows by itself as stencils are added.
 *
 * <p>Recording runs under {@code tracing+interp}, not {@code copypatch}: the reference backend
 * compiles every trace, so the frontend grows the trace trees (bridges included) it would grow
 * once copypatch compiles everything, instead of retrying what copypatch rejects today.
 */
public final class TraceCorpus {
  /** Small traces: whole recorded traces of this many uops. */
  public static final int SMALL_MIN = 8;
  public static final int SMALL_MAX = 32;
  /** Large traces: whole recorded traces of at least this many uops ... */
  public static final int LARGE_MIN = 150;
  /** ... when there are this many that compile; otherwise spliced ones (see {@link #splice}). */
  public static final int MIN_RECORDED_LARGE = 4;
  public static final int SPLICE_TARGET = 300;
  public static final int SPLICED_LARGE = 8;

  /** A file the standard corpus is read from, or recorded into when it does not exist. */
  public static final String CORPUS_PROPERTY = "stitch.bench.corpus";
  /** The same for {@link #standardUnoptimized()}. */
  public static final String UNOPTIMIZED_CORPUS_PROPERTY = "stitch.bench.unoptimizedCorpus";
  private static final String SEPARATOR = "---";

  private final List<Trace> recorded;
  private final List<Trace> compilable;
  private final SortedMap<String, Integer> skippedByReason;
  private final SortedMap<String, Integer> missingStencils;
  private final String origin;

  private TraceCorpus(List<Trace> recorded, List<Trace> compilable,
      SortedMap<String, Integer> skippedByReason, SortedMap<String, Integer> missingStencils,
      String origin) {
    this.recorded = recorded;
    this.compilable = compilable;
    this.skippedByReason = skippedByReason;
    this.missingStencils = missingStencils;
    this.origin = origin;
  }

  /** Prints the summary of the standard corpus and what each benchmark size selects. */
  public static void main(String[] args) {
    TraceCorpus corpus = standard();
    System.out.println(corpus.summary());
    for (String size : List.of("small", "large", "all")) {
      try {
        Selection s = corpus.select(size);
        System.out.printf("size %s: %d %s traces, mean %.1f uops%n", size, s.traces().size(),
            s.source(), s.meanUops());
      } catch (IllegalStateException e) {
        System.out.println("size " + size + ": none");
      }
    }
  }

  /**
   * The corpus the JMH benchmarks use: the traces recorded while one iteration of every program
   * in {@link #programsDirectory()} runs (or of those the system property {@code
   * stitch.bench.programs} lists, comma-separated). When the
   * system property {@code stitch.bench.corpus} names a file, the traces come from it if it
   * exists, and are recorded into it otherwise, so that JMH's forks record once between them
   * (recording takes most of a minute; {@link CompileSpeedReport} always passes a fresh file).
   */
  public static TraceCorpus standard() {
    String file = System.getProperty(CORPUS_PROPERTY, "");
    if (!file.isBlank() && Files.exists(Path.of(file))) {
      return load(Path.of(file));
    }
    List<String> names = programNames();
    List<Trace> traces = new ArrayList<>();
    for (String name : names) {
      traces.addAll(recordFile(programsDirectory().resolve(name + ".py"), "1"));
    }
    String origin = names.size() + " programs (" + String.join(", ", names) + ")";
    if (!file.isBlank()) {
      save(Path.of(file), traces, origin);
    }
    return classify(traces, origin);
  }

  /**
   * The distinct traces recorded while one iteration of every benchmark program runs (or of
   * those {@code stitch.bench.programs} lists), as the frontend hands them to the optimizer:
   * recorded with {@code passes=none}, so no pass has run on them. Bridges grow where the
   * unoptimized traces' exits get hot. The system property {@code
   * stitch.bench.unoptimizedCorpus} works as {@code stitch.bench.corpus} does for {@link
   * #standard()}: a file read when it exists and recorded into otherwise.
   */
  public static List<Trace> standardUnoptimized() {
    String file = System.getProperty(UNOPTIMIZED_CORPUS_PROPERTY, "");
    if (!file.isBlank() && Files.exists(Path.of(file))) {
      return parseTraces(read(Path.of(file)));
    }
    List<String> names = programNames();
    List<Trace> traces = new ArrayList<>();
    for (String name : names) {
      Path program = programsDirectory().resolve(name + ".py");
      List<String> argv = List.of(program.toString(), "1");
      traces.addAll(record(program.toString(), vm -> vm.runFile(program, argv), null, "none"));
    }
    List<Trace> distinct = List.copyOf(new LinkedHashSet<>(traces));
    if (!file.isBlank()) {
      save(Path.of(file), distinct, names.size() + " programs, unoptimized");
    }
    return distinct;
  }

  private static List<String> programNames() {
    String property = System.getProperty("stitch.bench.programs", "");
    if (property.isBlank()) {
      try (var files = Files.list(programsDirectory())) {
        return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".py"))
            .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Arrays.stream(property.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }

  /** Writes traces in {@link RegionText}'s form, which parses back to equal traces. */
  public static void save(Path file, List<Trace> traces, String origin) {
    StringBuilder b = new StringBuilder("# ").append(origin.replace('\n', ' ')).append('\n');
    for (Trace t : traces) {
      b.append(SEPARATOR).append('\n').append(RegionText.format(t));
    }
    try {
      Files.writeString(file, b.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + file, e);
    }
  }

  /** Reads what {@link #save} wrote and classifies it. */
  public static TraceCorpus load(Path file) {
    String text = read(file);
    String header = text.split("(?m)^" + SEPARATOR + "\n")[0];
    String origin = header.startsWith("# ") ? header.substring(2).strip() : "?";
    return classify(parseTraces(text), origin + ", via " + file);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static List<Trace> parseTraces(String text) {
    String[] chunks = text.split("(?m)^" + SEPARATOR + "\n");
    List<Trace> traces = new ArrayList<>();
    for (int i = 1; i < chunks.length; i++) {
      traces.add((Trace) RegionText.parse(chunks[i]));
    }
    return traces;
  }

  /**
   * Where the guest programs are: the system property {@code stitch.bench.programsDir}, else
   * {@code benchmarks/programs} (run from the repository root) or {@code programs} (from the
   * module, as Maven's tests do).
   */
  public static Path programsDirectory() {
    String property = System.getProperty("stitch.bench.programsDir");
    if (property != null) {
      return Path.of(property);
    }
    for (Path p : List.of(Path.of("benchmarks", "programs"), Path.of("programs"))) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    throw new IllegalStateException("cannot find the benchmark programs: run from the repository"
        + " root or set -Dstitch.bench.programsDir=DIR");
  }

  /** The distinct traces recorded while a program file runs with {@code args}. */
  public static List<Trace> recordFile(Path file, String... args) {
    List<String> argv = ImmutableList.<String>builder().add(file.toString()).add(args).build();
    return record(file.toString(), vm -> vm.runFile(file, argv));
  }

  /** The distinct traces recorded while source text runs. */
  public static List<Trace> recordSource(String source, String hotLoop) {
    return record("<source>", vm -> vm.runSource(source, "bench.py"), hotLoop);
  }

  /** As {@link #recordSource}, before any optimizer pass ({@code passes=none}). */
  public static List<Trace> recordSourceUnoptimized(String source, String hotLoop) {
    return record("<source>", vm -> vm.runSource(source, "bench.py"), hotLoop, "none");
  }

  private interface Run {
    int run(GuestVm vm);
  }

  private static List<Trace> record(String what, Run run) {
    return record(what, run, null);
  }

  private static List<Trace> record(String what, Run run, String hotLoop) {
    return record(what, run, hotLoop, "all");
  }

  private static List<Trace> record(String what, Run run, String hotLoop, String passes) {
    JitConfig.Builder config = JitConfig.parse("tracing+interp").toBuilder()
        .option("passes", passes);
    if (hotLoop != null) {
      config.option("hot-loop", hotLoop).option("hot-function", hotLoop);
    }
    Jit composed = JitComponent.create().jitFactory().create(config.build());
    CapturingBackend capture = new CapturingBackend(composed.backend());
    Jit jit = new Jit(composed.config(), composed.frontend(), composed.passes(), capture);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicReference<Object> result = new AtomicReference<>();
    // The guest's own thread, with a deep stack as the Stitch facade gives it: built-ins that
    // call back into guest code recurse in Java.
    Thread guest = new Thread(null, () -> {
      try (PrintStream out = new PrintStream(OutputStream.nullOutputStream());
          PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
          GuestVm vm = new GuestVm(1L << 30, out, e, jit, null)) {
        result.set(run.run(vm));
      } catch (Throwable t) {
        result.set(t);
      }
    }, "stitch-record", 1L << 30);
    guest.start();
    try {
      guest.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while recording " + what, e);
    }
    if (result.get() instanceof Throwable t) {
      throw new IllegalStateException("recording " + what + " failed: " + t, t);
    }
    if (!Integer.valueOf(0).equals(result.get())) {
      throw new IllegalStateException("recording " + what + " exited with status "
          + result.get() + ": " + err.toString(StandardCharsets.UTF_8));
    }
    Set<Trace> traces = new LinkedHashSet<>();
    for (Region r : capture.regions()) {
      if (r instanceof Trace t) {
        traces.add(t);
      }
    }
    return List.copyOf(traces);
  }

  /**
   * Sorts traces into those the copypatch backend compiles and those it rejects, by compiling
   * each once.
   */
  public static TraceCorpus classify(List<Trace> traces, String origin) {
    List<Trace> distinct = List.copyOf(new LinkedHashSet<>(traces));
    CopyPatchBackend backend = new CopyPatchBackend();
    FakeCompileContext context = new FakeCompileContext();
    StencilLibrary library = StencilLibrary.load(Platform.current());
    List<Trace> ok = new ArrayList<>();
    SortedMap<String, Integer> skipped = new TreeMap<>();
    SortedMap<String, Integer> missing = new TreeMap<>();
    for (Trace t : distinct) {
      try {
        backend.compile(t, context).free();
        ok.add(t);
      } catch (CompileException e) {
        skipped.merge(e.reason(), 1, Integer::sum);
        if (e.reason().equals("no-stencil")) {
          t.uops().stream().map(u -> u.uop().uopName()).distinct()
              .filter(n -> library.find(n).isEmpty())
              .forEach(n -> missing.merge(n, 1, Integer::sum));
        }
      }
    }
    return new TraceCorpus(distinct, List.copyOf(ok), skipped, missing, origin);
  }

  /** Every distinct trace recorded. */
  public List<Trace> recorded() {
    return recorded;
  }

  /** The recorded traces copypatch compiles today. */
  public List<Trace> compilable() {
    return compilable;
  }

  /** Recorded traces copypatch rejected, by {@link CompileException#reason()}. */
  public SortedMap<String, Integer> skippedByReason() {
    return skippedByReason;
  }

  /** For {@code no-stencil} rejections: each uop without a stencil, and how many traces hold it. */
  public SortedMap<String, Integer> missingStencils() {
    return missingStencils;
  }

  /** The traces a benchmark compiles, and where they came from. */
  public record Selection(String size, String source, List<Trace> traces) {
    public double meanUops() {
      return traces.stream().mapToInt(t -> t.uops().size()).average().orElse(0);
    }
  }

  /**
   * The traces for one benchmark size.
   *
   * <ul>
   *   <li>{@code small}: the compilable recorded traces of {@value #SMALL_MIN}..{@value
   *       #SMALL_MAX} uops;
   *   <li>{@code large}: the compilable recorded traces of at least {@value #LARGE_MIN} uops,
   *       or, while fewer than {@value #MIN_RECORDED_LARGE} of those compile, {@value
   *       #SPLICED_LARGE} traces of about {@value #SPLICE_TARGET} uops spliced from the
   *       compilable recorded ones;
   *   <li>{@code all}: every compilable recorded trace.
   * </ul>
   *
   * @throws IllegalStateException when no trace fits (the message says what was recorded)
   */
  public Selection select(String size) {
    Selection s = switch (size) {
      case "small" -> new Selection(size, "recorded", between(SMALL_MIN, SMALL_MAX));
      case "large" -> {
        List<Trace> big = between(LARGE_MIN, Integer.MAX_VALUE);
        yield big.size() >= MIN_RECORDED_LARGE ? new Selection(size, "recorded", big)
            : new Selection(size, "spliced", splicedLarge());
      }
      case "all" -> new Selection(size, "recorded", compilable);
      default -> throw new IllegalArgumentException("size is small, large or all, not " + size);
    };
    if (s.traces().isEmpty()) {
      throw new IllegalStateException("no " + size + " traces: " + summary());
    }
    return s;
  }

  private List<Trace> between(int min, int max) {
    return compilable.stream().filter(t -> t.uops().size() >= min && t.uops().size() <= max)
        .toList();
  }

  /**
   * Large traces made of the compilable recorded ones, each starting at a different one and
   * taking the following ones (in decreasing size, wrapping around) until {@value
   * #SPLICE_TARGET} uops; spliced traces copypatch rejects are dropped.
   */
  private List<Trace> splicedLarge() {
    List<Trace> parts = new ArrayList<>(compilable);
    parts.sort(Comparator.comparingInt((Trace t) -> t.uops().size()).reversed());
    List<Trace> out = new ArrayList<>();
    if (parts.isEmpty()) {
      return out;
    }
    CopyPatchBackend backend = new CopyPatchBackend();
    FakeCompileContext context = new FakeCompileContext();
    int count = Math.min(SPLICED_LARGE, parts.size());
    for (int first = 0; first < count; first++) {
      List<Trace> take = new ArrayList<>();
      int uops = 0;
      for (int i = first; uops < SPLICE_TARGET; i = (i + 1) % parts.size()) {
        take.add(parts.get(i));
        uops += parts.get(i).uops().size() - 1;
      }
      Trace t = splice(take);
      try {
        backend.compile(t, context).free();
        out.add(t);
      } catch (CompileException e) {
        // Splicing adds no uop, so this is a rule on whole traces the backend has learnt;
        // the summary's counts show it as fewer spliced traces.
      }
    }
    return out;
  }

  /**
   * One trace running the given ones back to back: every terminator but the last is dropped
   * (and every {@code _LOOP_HEAD} but the last part's), the exit tables are concatenated
   * (targets renumbered) and every exit names the first trace's code object. Such a trace
   * means nothing to a VM, but the backend's work for it is that of a real trace of its length
   * with the real uop mix: the code is never entered.
   */
  public static Trace splice(List<Trace> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("nothing to splice");
    }
    long codeId = -1;
    List<UopInstr> uops = new ArrayList<>();
    List<Exit> exits = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Trace part = parts.get(p);
      int base = exits.size();
      for (Exit e : part.exits()) {
        if (codeId == -1) {
          codeId = e.codeId();
        }
        exits.add(new Exit(codeId, e.bytecodeIndex(), e.stackDepth(), e.reason()));
      }
      List<UopInstr> body = p == parts.size() - 1 ? part.uops()
          : part.uops().subList(0, part.uops().size() - 1);
      for (UopInstr in : body) {
        if (in.uop() == Uop.LOOP_HEAD && p != parts.size() - 1) {
          // Only its own part's _JUMP_TO_TOP, dropped here, goes to it; a trace has one.
          continue;
        }
        uops.add(in.uop().has(OperandKind.EXIT) ? in.withTarget(in.target() + base) : in);
      }
    }
    return Trace.of(uops, exits);
  }

  /** What was recorded, what compiles, what was skipped and why: for the benchmark's log. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append("trace corpus from ").append(origin).append(": ").append(recorded.size())
        .append(" distinct traces recorded, ").append(compilable.size())
        .append(" compile with copypatch, ").append(recorded.size() - compilable.size())
        .append(" skipped");
    if (!skippedByReason.isEmpty()) {
      b.append(' ').append(skippedByReason);
    }
    b.append("; compilable sizes: ").append(sizes(compilable)).append("; recorded sizes: ")
        .append(sizes(recorded));
    if (!missingStencils.isEmpty()) {
      b.append("\nuops without a stencil (traces each blocks): ");
      missingStencils.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> b.append(e.getKey()).append('=').append(e.getValue()).append(' '));
    }
    return b.toString().strip();
  }

  private static String sizes(List<Trace> traces) {
    if (traces.isEmpty()) {
      return "none";
    }
    int[] n = traces.stream().mapToInt(t -> t.uops().size()).sorted().toArray();
    return "min " + n[0] + ", median " + n[n.length / 2] + ", max " + n[n.length - 1]
        + " uops";
  }
}
