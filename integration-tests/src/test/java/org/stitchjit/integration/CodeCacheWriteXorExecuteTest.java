package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.Stitch;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.platforms.Platform;

/**
 * W^X as the kernel sees it, for a real program: no mapping that holds Stitch's compiled code is
 * writable and executable at once, while the code runs, after it was invalidated and freed, and
 * after the VM closed. HotSpot's own code cache is RWX by design, so only the pages our regions
 * occupy are judged; the perf map says where they are, as it would for {@code perf}. The checks
 * run whenever the guest prints a line, so they see the code cache as the running program has
 * it.
 */
class CodeCacheWriteXorExecuteTest {

  /** A /proc/self/maps line. */
  record Mapping(long start, long end, String perms, String line) {
    boolean writable() {
      return perms.charAt(1) == 'w';
    }

    boolean executable() {
      return perms.charAt(2) == 'x';
    }
  }

  record Range(long start, long end) {}

  private static final long PAGE = 4096;

  private static List<Mapping> maps() {
    try {
      List<Mapping> out = new ArrayList<>();
      for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
        String[] fields = line.trim().split("\\s+");
        String[] range = fields[0].split("-");
        out.add(new Mapping(Long.parseUnsignedLong(range[0], 16),
            Long.parseUnsignedLong(range[1], 16), fields[1], line));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The regions of this program (named after its function) the perf map lists so far. */
  private static List<Range> ourCode(Path perfMap) {
    List<Range> out = new ArrayList<>();
    if (!Files.exists(perfMap)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(perfMap)) {
        String[] f = line.split(" ", 3);
        if (f.length == 3 && f[2].contains(":wxorx_probe:")) {
          long start = Long.parseUnsignedLong(f[0], 16);
          out.add(new Range(start, start + Long.parseUnsignedLong(f[1], 16)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Checks every mapping over our code, and the gaps between, at each line the guest prints. */
  private static final class Checker extends OutputStream {
    final ByteArrayOutputStream text = new ByteArrayOutputStream();
    final Path perfMap = Path.of("/tmp/perf-" + ProcessHandle.current().pid() + ".map");
    final List<String> violations = new ArrayList<>();
    /** Per check: whether some of our code was mapped read+execute then. */
    final List<Boolean> liveCode = new ArrayList<>();

    @Override
    public void write(int b) {
      text.write(b);
      if (b == '\n') {
        check(text.toString(StandardCharsets.UTF_8).lines().reduce((a, c) -> c).orElse(""));
      }
    }

    void check(String when) {
      boolean live = false;
      for (Range r : ourCode(perfMap)) {
        // Whole pages: protection is per page, and a region shares its pages with others.
        long from = r.start() & -PAGE;
        long to = (r.end() + PAGE - 1) & -PAGE;
        for (Mapping m : maps()) {
          if (m.start() < to && from < m.end()) {
            if (m.writable() && m.executable()) {
              violations.add("at \"" + when + "\": " + m.line());
            }
            live |= m.start() <= r.start() && r.start() < m.end() && m.executable();
          }
        }
      }
      liveCode.add(live);
    }
  }

  @Test
  void compiledCodeIsNeverWritableAndExecutable() {
    assumeTrue(Platform.current().isSupported(), "copypatch emits x86-64 Linux machine code");
    JitConfig config = JitConfig.parse("tracing+copypatch").toBuilder()
        .option("hot-loop", "2").option("hot-exit", "2").option("perf-map", "true").build();
    Checker checker = new Checker();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    Number invalidations;
    try (PrintStream out = new PrintStream(checker, true, StandardCharsets.UTF_8);
        Stitch vm = Stitch.builder().jit(config).out(out)
            .err(new PrintStream(err, true, StandardCharsets.UTF_8)).build()) {
      // The loop guards on the globals' keys; adding a global invalidates it, and it is
      // compiled again on the second call.
      status = vm.runSource("""
          K = 1
          def wxorx_probe(n):
              t = 0
              for i in range(n):
                  t += K
                  if i == 200:
                      print("running", t)
              return t
          print(wxorx_probe(300))
          a_new_global = 1
          print("invalidated")
          print(wxorx_probe(300))
          """, "wxorx.py");
      invalidations = vm.stats().jit().get("invalidations");
      checker.check("after the run");
    }
    checker.check("after close");
    try {
      Files.deleteIfExists(checker.perfMap);
    } catch (IOException e) {
      // Only litter in /tmp.
    }
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(checker.text.toString(StandardCharsets.UTF_8))
        .isEqualTo("running 201\n300\ninvalidated\nrunning 201\n300\n");
    assertThat(invalidations.longValue()).isPositive();
    assertThat(checker.violations).isEmpty();
    // Not vacuous: our code was found, mapped executable, while it could run (at "running"
    // and "300" of both calls, and after the run, before the VM closed).
    assertThat(checker.liveCode).hasSize(7);
    assertThat(List.of(0, 1, 3, 4, 5)).allSatisfy(i -> assertThat(checker.liveCode.get(i))
        .as("check %d", i).isTrue());
  }
}
