package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.cli.StitchCommand;
import org.stitchjit.platforms.Disassembler;
import org.stitchjit.platforms.Platform;

/**
 * {@code --dump=asm} writes each region's machine code with a marker where each uop's code
 * begins: disassembled when llvm-objdump is installed, as raw bytes otherwise.
 */
class AsmDumpTest {
  @TempDir
  Path dir;

  private static final String LOOP = """
      def f(n):
          i = 0
          t = 0
          while i < n:
              i += 1
              t += i * 2
          return t
      print(f(1000))
      """;

  private static final Pattern HEADER =
      Pattern.compile("^# region 0 loop in f:\\d+ \\(prog.py\\): (\\d+) bytes at 0x([0-9a-f]+)");
  private static final Pattern LINE = Pattern.compile("^  ([0-9a-f]+): (.*)$");

  @BeforeEach
  void supported() {
    assumeTrue(Platform.current().isSupported(), "copypatch emits x86-64 Linux machine code");
  }

  private String dump() throws IOException {
    Files.writeString(dir.resolve("prog.py"), LOOP);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = StitchCommand.execute(List.of("run", "--jit=tracing+copypatch", "--jit-option",
          "hot-loop=2", "--dump=asm", "--dump-dir=dumps", "prog.py"), dir, o, e);
    }
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("1001000\n");
    Path file = dir.resolve("dumps/region-0.asm.txt");
    assertThat(file).exists();
    return Files.readString(file);
  }

  /** Offset from the region's start of the first code line after each marker that has one. */
  private static Map<String, Long> markerOffsets(String listing) {
    String[] lines = listing.split("\n");
    Matcher h = HEADER.matcher(lines[0]);
    assertThat(h.find()).as(lines[0]).isTrue();
    long base = Long.parseUnsignedLong(h.group(2), 16);
    Map<String, Long> offsets = new LinkedHashMap<>();
    for (int i = 1; i + 1 < lines.length; i++) {
      Matcher m = LINE.matcher(lines[i + 1]);
      if (lines[i].startsWith("; ") && m.matches()) {
        offsets.put(lines[i].substring(2), Long.parseUnsignedLong(m.group(1), 16) - base);
      }
    }
    return offsets;
  }

  @Test
  void disassemblesEachRegionWithUopBoundaries() throws IOException {
    assumeTrue(Disassembler.find(Platform.Isa.X86_64).isPresent(), "no llvm-objdump");
    String listing = dump();

    assertThat(listing).containsPattern("^# region 0 loop in f:4 \\(prog.py\\): \\d+ bytes at "
        + "0x[0-9a-f]+ \\(llvm-objdump[-0-9]*\\)\n; stitch_enter\n  [0-9a-f]+: ");
    assertThat(listing).containsPattern("\n; uop 0: _[A-Z_]+.*\n  [0-9a-f]+: ")
        .containsPattern("\n; uop \\d+: _BINARY_OP_ADD_INT exit=\\d+\n  [0-9a-f]+: ")
        .containsPattern("\n; uop \\d+: _JUMP_TO_TOP\n  [0-9a-f]+: .*jmp")
        .contains("\n; exit 0\n")
        // Jumps name the part they go to.
        .containsPattern("jmp 0x[0-9a-f]+ <exit_\\d+>")
        // Every part starts on an instruction boundary.
        .doesNotContain("inside the instruction above");
    assertThat(markerOffsets(listing)).containsEntry("stitch_enter", 0L);
  }

  @Test
  void rawBytesWithoutADisassemblerMarkTheSameBoundaries() throws IOException {
    String before = System.getProperty(Disassembler.PROPERTY);
    String raw;
    System.setProperty(Disassembler.PROPERTY, "none");
    try {
      raw = dump();
    } finally {
      if (before == null) {
        System.clearProperty(Disassembler.PROPERTY);
      } else {
        System.setProperty(Disassembler.PROPERTY, before);
      }
    }
    assertThat(raw).contains("(raw bytes: no llvm-objdump on PATH)\n; stitch_enter\n")
        .containsPattern("\n; uop \\d+: _JUMP_TO_TOP\n  [0-9a-f]+:( [0-9a-f]{2})+\n");
    Matcher h = HEADER.matcher(raw);
    assertThat(h.find()).isTrue();
    long bytes = raw.lines().filter(l -> LINE.matcher(l).matches())
        .mapToLong(l -> l.substring(l.indexOf(':') + 1).trim().split(" ").length).sum();
    assertThat(bytes).isEqualTo(Long.parseLong(h.group(1)));

    if (Disassembler.find(Platform.Isa.X86_64).isPresent()) {
      // The same trace at another address: every uop starts at the same offset either way.
      Files.walk(dir.resolve("dumps")).sorted(java.util.Comparator.reverseOrder())
          .forEach(p -> p.toFile().delete());
      Map<String, Long> disassembled = markerOffsets(dump());
      Map<String, Long> rawOffsets = markerOffsets(raw);
      assertThat(disassembled).hasSizeGreaterThan(5).isEqualTo(rawOffsets);
    }
  }
}
