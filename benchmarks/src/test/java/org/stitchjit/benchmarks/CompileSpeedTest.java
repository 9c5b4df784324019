package org.stitchjit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.platforms.Platform;

/**
 * The benchmarks' setup yields valid traces the backend compiles, without running JMH: a
 * broken corpus would otherwise only show when someone runs the jar.
 */
class CompileSpeedTest {

  @BeforeEach
  void supported() {
    assumeTrue(Platform.current().isSupported(), "stencils are x86-64 Linux machine code");
  }

  @AfterEach
  void clearProperties() {
    System.clearProperty("stitch.bench.programs");
    System.clearProperty(TraceCorpus.CORPUS_PROPERTY);
  }

  private static final String LOOP = """
      def f(n):
          i = 0
          t = 0
          while i < n:
              i += 1
              t = t + i * 2
          return t
      print(f(1000))
      """;

  @Test
  void aRecordedLoopCompilesAndSplicesIntoALargeTrace() {
    List<Trace> traces = TraceCorpus.recordSource(LOOP, "2");
    TraceCorpus corpus = TraceCorpus.classify(traces, "a loop");
    assertThat(corpus.compilable()).as(corpus.summary()).isNotEmpty();
    Trace large = TraceCorpus.splice(
        java.util.Collections.nCopies(40, corpus.compilable().get(0)));
    assertThat(TraceCorpus.classify(List.of(large), "spliced").compilable()).hasSize(1);
  }

  @Test
  void aSavedCorpusLoadsBackEqual(@TempDir Path dir) {
    List<Trace> traces = TraceCorpus.recordSource(LOOP, "2");
    Path file = dir.resolve("corpus.txt");
    TraceCorpus.save(file, traces, "a loop");
    assertThat(TraceCorpus.load(file).recorded()).isEqualTo(traces);
  }

  @Test
  void everySizeSetsUpAndCompiles() throws Exception {
    System.setProperty("stitch.bench.programs", "sieve");
    for (String size : List.of("small", "large", "all")) {
      CompileSpeed bench = new CompileSpeed();
      bench.size = size;
      bench.setUp();
      try {
        CompileSpeed.Work work = new CompileSpeed.Work();
        assertThat(bench.compile(work)).isPositive();
        assertThat(bench.cacheWrite(work)).isNotZero();
        assertThat(work.uops).isPositive();
      } finally {
        bench.tearDown();
      }
    }
  }

  @Test
  void stencilSizesPrintsATableRow() {
    var out = new java.io.ByteArrayOutputStream();
    StencilSizes.print(org.stitchjit.backend.copypatch.stencil.StencilLibrary.load(
        Platform.current()), new java.io.PrintStream(out, true));
    assertThat(out.toString()).contains("| `_LOAD_FAST` |").contains("entry trampoline");
  }
}
