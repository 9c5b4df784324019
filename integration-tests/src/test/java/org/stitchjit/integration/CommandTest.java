package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.cli.StitchCommand;

/** The stitch command's options and its behaviour on bad input. */
class CommandTest {
  @TempDir
  Path dir;

  record Result(String out, String err, int status) {}

  Result run(String source, String... options) throws IOException {
    Files.writeString(dir.resolve("prog.py"), source);
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(options));
    args.add("prog.py");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = StitchCommand.execute(args, dir, o, e);
    }
    return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        status);
  }

  @Test
  void statsTableNamesTheCounters() throws IOException {
    Result r = run("x = [i * 2 for i in range(1000)]\nprint(len(x))\n", "--stats");
    assertThat(r.out()).isEqualTo("1000\n");
    assertThat(r.err()).contains("interpreter.instructions", "alloc.objects", "gc.cycles",
        "gc.pause_ms_total", "heap.peak_bytes");
    assertThat(r.status()).isZero();
  }

  @Test
  void statsJsonIsNestedAndCountsCollections() throws IOException {
    Result r = run("""
        keep = []
        for i in range(300000):
            t = [i, i + 1, str(i)]
            if i % 1000 == 0:
                keep.append(t)
        print(len(keep))
        """, "--heap-limit=64m", "--stats-json=stats.json");
    assertThat(r.out()).isEqualTo("300\n");
    String json = Files.readString(dir.resolve("stats.json"));
    assertThat(json).containsPattern("\"gc\": \\{\"cycles\": [1-9][0-9]*")
        .containsPattern("\"pause_ms_total\": [0-9.]+")
        .containsPattern("\"heap\": \\{\"peak_bytes\": [0-9]+")
        .containsPattern("\"alloc\": \\{\"objects\": [0-9]+");
  }

  @Test
  void runawayAllocationRaisesMemoryError() throws IOException {
    Result r = run("""
        hog = []
        while True:
            hog.append([0] * 10000)
        """, "--heap-limit=32m");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).endsWith("MemoryError");
  }

  @Test
  void memoryErrorCanBeCaughtAndTheProgramGoesOn() throws IOException {
    Result r = run("""
        try:
            hog = []
            while True:
                hog.append([0] * 10000)
        except MemoryError:
            hog = None
            print("recovered")
        print(sum(range(10)))
        """, "--heap-limit=32m");
    assertThat(r.out()).isEqualTo("recovered\n45\n");
    assertThat(r.status()).isZero();
  }

  @Test
  void deepRecursionIsARecursionError() throws IOException {
    Result r = run("def f(n):\n    return f(n + 1)\nf(0)\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).endsWith("RecursionError: maximum recursion depth exceeded");
  }

  @Test
  void syntaxErrorNamesFileAndLine() throws IOException {
    Result r = run("x = 1\nif x\n    pass\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("File \"prog.py\", line 2").endsWith("SyntaxError: expected ':'\n");
  }

  @Test
  void unsupportedSyntaxIsNamed() throws IOException {
    Result r = run("async def f():\n    pass\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).contains("line 1").contains("not supported by Stitch");
  }

  @Test
  void sysExitSetsTheStatus() throws IOException {
    assertThat(run("import sys\nsys.exit(7)\n").status()).isEqualTo(7);
  }

  @Test
  void missingModuleIsModuleNotFoundError() throws IOException {
    Result r = run("import nosuchmodule\n");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err().strip()).endsWith("ModuleNotFoundError: No module named 'nosuchmodule'");
  }

  @Test
  void badOptionsAreReported() throws IOException {
    Result r = run("print(1)\n", "--frobnicate");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("unknown option --frobnicate").contains("usage:");
  }

  Result help(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = StitchCommand.execute(List.of(args), dir,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
        status);
  }

  /** A usage error: exit status 2 and one line naming the problem, never a stack trace. */
  static void assertUsageError(Result r, String... mentions) {
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("stitch: ").contains(mentions)
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void jitOffRuns() throws IOException {
    Result r = run("print(sum(range(10)))\n", "--jit=off");
    assertThat(r).isEqualTo(new Result("45\n", "", 0));
  }

  @Test
  void jitOptionsAreAcceptedWhenTheJitIsOff() throws IOException {
    Result r = run("print(1)\n", "--jit=off", "--jit-option", "hot-loop=5",
        "--jit-option=link-mode=patch");
    assertThat(r).isEqualTo(new Result("1\n", "", 0));
  }

  @Test
  void aMalformedJitSpecIsAUsageError() throws IOException {
    assertUsageError(run("print(1)\n", "--jit=nonsense"), "--jit", "'nonsense'",
        "FRONTEND+BACKEND");
  }

  @Test
  void anUnknownFrontendListsTheAvailableOnes() throws IOException {
    assertUsageError(run("print(1)\n", "--jit=nosuch+interp"),
        "unknown JIT frontend 'nosuch' (available: first-instruction, tracing)");
  }

  @Test
  void anUnknownBackendListsTheAvailableOnes() throws IOException {
    assertUsageError(run("print(1)\n", "--jit=tracing+nosuch"),
        "unknown JIT backend 'nosuch' (available: copypatch, interp)");
  }

  @Test
  void forcingExitsUnderCopyPatchIsAUsageError() throws IOException {
    assertUsageError(run("print(1)\n", "--jit=tracing+copypatch", "--jit-option",
        "force-exits=true"), "force-exits", "backend 'copypatch' cannot force exits");
  }

  @Test
  void aBadJitOptionValueNamesTheOption() throws IOException {
    assertUsageError(run("print(1)\n", "--jit-option", "hot-loop=abc"), "hot-loop", "'abc'");
    assertUsageError(run("print(1)\n", "--jit-option=hot-loop=abc"), "hot-loop", "'abc'");
  }

  @Test
  void anUnknownJitOptionListsTheKnownOnes() throws IOException {
    assertUsageError(run("print(1)\n", "--jit-option", "hotloop=3"), "'hotloop'", "hot-loop");
  }

  @Test
  void aJitOptionNeedsKeyAndValue() throws IOException {
    assertUsageError(run("print(1)\n", "--jit-option", "hot-loop"), "KEY=VALUE");
    Result r = help("run", "--jit-option");
    assertUsageError(r, "--jit-option needs KEY=VALUE");
  }

  @Test
  void dumpsNeedTheJitOn() throws IOException {
    assertUsageError(run("print(1)\n", "--jit=off", "--dump=uops"), "--dump", "off");
    assertUsageError(run("print(1)\n", "--jit=tracing+interp", "--dump=bytes"), "dump",
        "bytecode, uops, asm");
    assertUsageError(run("print(1)\n", "--jit=tracing+interp", "--dump-dir=d"), "--dump-dir");
  }

  @Test
  void helpListsTheOptionsAndTheJitComponents() {
    for (List<String> args : List.of(List.of("--help"), List.of("run", "--help"),
        List.of("run", "--jit=off", "-h"))) {
      Result r = help(args.toArray(String[]::new));
      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("--jit=SPEC", "--jit-option KEY=VALUE", "--dump=WHAT",
          "--dump-dir=DIR", "--stats-json=PATH", "--heap-limit=SIZE", "hot-loop")
          .contains("frontends: first-instruction, tracing")
          .contains("backends:  copypatch, interp")
          .contains("passes:    allocation-removal, dead-code, intrinsics, loop-peeling, promotion,"
              + " types");
    }
  }

  /** Needs the runtime's JIT driver to mean anything: without it the JIT is never entered. */
  @Test
  void aPluginFrontendRunsFromTheCommandLine() throws IOException {
    String program = "total = 0\nfor i in range(1000):\n    total += i\nprint(total)\n";
    Result jitted = run(program, "--jit=first-instruction+interp", "--jit-option",
        "hot-loop=1");
    assertThat(jitted).isEqualTo(run(program, "--jit=off"));
    assertThat(jitted.out()).isEqualTo("499500\n");
  }

  @Test
  void missingFileIsReported() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = StitchCommand.execute(List.of("run", "absent.py"), dir,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("can't open file 'absent.py'");
  }
}
