package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stitchjit.cli.StitchCommand;

/**
 * The differential corpus: every program under src/test/resources/corpus runs through the
 * stitch command's code path and must print exactly what CPython 3.11 printed (committed
 * .out files), and for failing programs end stderr with CPython's last line and exit status.
 *
 * <p>Programs listed in known-failures.txt are expected to differ, and the test fails if one
 * starts to match, so the list can only shrink.
 */
class CorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/corpus");

  record Outcome(String stdout, String stderr, int status) {}

  /**
   * The JIT configurations every program must also pass under: thresholds of 1, so every loop
   * and function is traced at its first chance and every exit grows a bridge at once.
   */
  static final List<String> TRACING_EVERYTHING = List.of("--jit=tracing+interp",
      "--jit-option", "hot-loop=1", "--jit-option", "hot-function=1",
      "--jit-option", "hot-exit=1", "--jit-option", "passes=none");

  /**
   * As {@link #TRACING_EVERYTHING}, with traces compiled to machine code by copy-and-patch and
   * every optimizer pass on (the reference configuration runs the recorded traces unoptimized,
   * so the corpus checks both).
   */
  static final List<String> TRACING_COPYPATCH_EVERYTHING = List.of("--jit=tracing+copypatch",
      "--jit-option", "hot-loop=1", "--jit-option", "hot-function=1",
      "--jit-option", "hot-exit=1");

  /**
   * As {@link #TRACING_EVERYTHING} with every optimizer pass, and every exit of every region
   * (bridges included) forced once where its guard passed: the state each exit restores must be
   * exactly what the interpreter needs to carry on. With hot-exit=1 each forced exit also grows
   * a bridge at once.
   */
  static final List<String> TRACING_FORCED_EXITS = List.of("--jit=tracing+interp",
      "--jit-option", "hot-loop=1", "--jit-option", "hot-function=1",
      "--jit-option", "hot-exit=1", "--jit-option", "passes=all",
      "--jit-option", "force-exits=true");

  static Outcome run(Path program, List<String> extraArgs) {
    return run(program, List.of("--jit=off"), extraArgs);
  }

  static Outcome run(Path program, List<String> options, List<String> extraArgs) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(options);
    args.add(program.getFileName().toString());
    args.addAll(extraArgs);
    int status;
    try (PrintStream o = new PrintStream(out, false, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = StitchCommand.execute(args, program.getParent(), o, e);
      o.flush();
    }
    return new Outcome(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        status);
  }

  static List<Path> programs() throws IOException {
    try (Stream<Path> s = Files.walk(CORPUS)) {
      return s.filter(p -> p.toString().endsWith(".py"))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .filter(p -> Files.exists(sibling(p, ".out")))
          .sorted()
          .toList();
    }
  }

  static Path sibling(Path py, String ext) {
    String name = py.getFileName().toString();
    return py.resolveSibling(name.substring(0, name.length() - 3) + ext);
  }

  static Map<String, String> knownFailures() throws IOException {
    Map<String, String> known = new HashMap<>();
    Path f = CORPUS.resolve("known-failures.txt");
    if (Files.exists(f)) {
      for (String line : Files.readAllLines(f)) {
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        int hash = t.indexOf('#');
        String path = (hash < 0 ? t : t.substring(0, hash)).strip();
        known.put(path, hash < 0 ? "" : t.substring(hash + 1).strip());
      }
    }
    return known;
  }

  /** Null when the outcome matches the expectation, else a description of the mismatch. */
  static String mismatch(Path program, Outcome o) throws IOException {
    String expectedOut = Files.readString(sibling(program, ".out"), StandardCharsets.UTF_8);
    Path errFile = sibling(program, ".err");
    Path exitFile = sibling(program, ".exit");
    int expectedStatus = Files.exists(exitFile)
        ? Integer.parseInt(Files.readString(exitFile).strip()) : 0;
    if (!o.stdout().equals(expectedOut)) {
      return "stdout differs\n--- expected\n" + expectedOut + "\n--- actual\n" + o.stdout()
          + "\n--- stderr\n" + o.stderr();
    }
    if (o.status() != expectedStatus) {
      return "exit status " + o.status() + ", expected " + expectedStatus + "\n--- stderr\n"
          + o.stderr();
    }
    if (Files.exists(errFile)) {
      String expectedLast = Files.readString(errFile, StandardCharsets.UTF_8).strip();
      String[] lines = o.stderr().strip().split("\n");
      String last = lines.length == 0 ? "" : lines[lines.length - 1].strip();
      if (!last.equals(expectedLast)) {
        return "last stderr line '" + last + "', expected '" + expectedLast + "'\n--- stderr\n"
            + o.stderr();
      }
      Path errLine = sibling(program, ".errline");
      if (Files.exists(errLine)) {
        String expectedLine = Files.readString(errLine, StandardCharsets.UTF_8).stripTrailing();
        if (!o.stderr().contains(expectedLine)) {
          return "stderr lacks '" + expectedLine + "'\n--- stderr\n" + o.stderr();
        }
      }
    } else if (expectedStatus == 0 && !o.stderr().isEmpty()) {
      return "unexpected stderr\n" + o.stderr();
    }
    return null;
  }

  static List<String> extraArgs(Path program) throws IOException {
    Path argsFile = sibling(program, ".args");
    if (!Files.exists(argsFile)) {
      return List.of();
    }
    return Files.readAllLines(argsFile).stream().filter(s -> !s.isEmpty()).toList();
  }

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException {
    return corpusUnder(List.of("--jit=off"));
  }

  /** Every program prints the same with everything traced and run on the reference backend. */
  @TestFactory
  Stream<DynamicTest> corpusUnderTracingReference() throws IOException {
    return corpusUnder(TRACING_EVERYTHING);
  }

  /** Every program prints the same when every exit of every region is taken once. */
  @TestFactory
  Stream<DynamicTest> corpusUnderForcedExits() throws IOException {
    return corpusUnder(TRACING_FORCED_EXITS);
  }

  /**
   * Every program prints the same with everything traced and compiled by the copy-and-patch
   * backend (uops without a template escape to the runtime, counted as jit.escapes).
   */
  @TestFactory
  Stream<DynamicTest> corpusUnderTracingCopyPatch() throws IOException {
    return corpusUnder(TRACING_COPYPATCH_EVERYTHING);
  }

  /**
   * Every program prints the same under copy-and-patch with each optimizer pass alone (the
   * configurations above cover none and all): a pass must be correct without the others.
   */
  @TestFactory
  Stream<DynamicTest> corpusUnderTracingCopyPatchWithEachPassAlone() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (String pass : org.stitchjit.compose.JitComponent.create().jitFactory().passNames()) {
      List<String> options = new ArrayList<>(TRACING_COPYPATCH_EVERYTHING);
      options.addAll(List.of("--jit-option", "passes=" + pass));
      corpusUnder(options).map(t -> DynamicTest.dynamicTest(pass + ": " + t.getDisplayName(),
          t.getExecutable())).forEach(tests::add);
    }
    return tests.stream();
  }

  private Stream<DynamicTest> corpusUnder(List<String> options) throws IOException {
    Map<String, String> known = knownFailures();
    return programs().stream().map(program -> {
      String rel = CORPUS.relativize(program).toString();
      return DynamicTest.dynamicTest(rel, () -> {
        // Under a JIT, the statistics must show no frontend, pass or backend error: the
        // driver survives those (the program still prints the same), so only they tell.
        Path statsJson = Files.createTempFile("stitch-stats", ".json");
        List<String> opts = new ArrayList<>(options);
        if (!options.contains("--jit=off")) {
          opts.add("--stats-json=" + statsJson.toAbsolutePath());
        }
        Outcome o = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
            () -> run(program, opts, extraArgs(program)));
        String stats = Files.readString(statsJson);
        Files.deleteIfExists(statsJson);
        assertThat(stats).as(rel + ": JIT component errors").doesNotContain("-error\"");
        if (options.contains("force-exits=true")) {
          // The option reached the driver (it adds the count only when exits are forced).
          assertThat(stats).as(rel + ": forced exits counted").contains("\"forced_exits\"");
        }
        String problem = mismatch(program, o);
        if (known.containsKey(rel)) {
          assertThat(problem).as(rel + " is listed in known-failures.txt but now passes:"
              + " remove it from the list").isNotNull();
        } else {
          assertThat(problem).as(rel + " " + options).isNull();
        }
      });
    });
  }
}
