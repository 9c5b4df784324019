package org.stitchjit.backend.copypatch.header;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.backend.copypatch.PlainCall;

/**
 * Compiles the generated header, runs a program that prints every constant and the result of
 * every C helper on sample values, and compares the output with the Java values. The constants
 * are generated and so agree by construction unless the C literals are wrong; the helpers are
 * hand-written twins of Java methods, and this is what keeps them twins.
 */
class LayoutHeaderInCTest {

  /** Strict enough that a stencil built with any common warning set compiles the header. */
  private static final List<String> FLAGS =
      List.of(
          "-std=c11", "-O1", "-Wall", "-Wextra", "-Wpedantic", "-Wconversion", "-Wsign-conversion",
          "-Werror");

  private static final long[] INTS = {
    0, 1, -1, -5, 42, 1L << 40, -(1L << 40), Tag.SMALL_MAX, Tag.SMALL_MIN
  };

  private static final long[] WORDS = {
    0, 1, 2, 3, 8, 0x7f00_1234_5678L, -1, Long.MIN_VALUE, Long.MIN_VALUE | 1, Long.MAX_VALUE,
    Tag.fromInt(-5), Tag.fromInt(Tag.SMALL_MIN)
  };

  /** (nslots, raw bytes, flags) of meta words, up to the largest counts a meta word holds. */
  private static final long[][] METAS = {
    {0, 0, 0},
    {3, 17, Header.MARK | Header.IMMORTAL},
    {Layout.Type.NSLOTS, 0, Header.IMMORTAL},
    {Header.MAX_FIELD, Header.MAX_FIELD, Header.LARGE | Header.MARK},
  };

  @ParameterizedTest
  @ValueSource(strings = {"gcc", "clang-19"})
  void headerCompilesAndAgreesWithJava(String compiler, @TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(onPath(compiler), compiler + " is not on the PATH");
    Files.writeString(dir.resolve("stitch_layout.h"), LayoutHeaderGenerator.generate(), UTF_8);
    List<Probe> probes = new ArrayList<>(constantProbes());
    helperProbes().values().forEach(probes::addAll);
    probes.addAll(fieldAccessProbes());
    Path source = dir.resolve("probe.c");
    Files.writeString(source, program(probes), UTF_8);
    Path binary = dir.resolve("probe");

    List<String> command = new ArrayList<>();
    command.add(compiler);
    command.addAll(FLAGS);
    command.addAll(List.of("-I", dir.toString(), "-o", binary.toString(), source.toString()));
    Run compile = run(command, dir);
    assertThat(compile.exitCode()).as("%s failed:%n%s", command, compile.output()).isZero();
    Run probe = run(List.of(binary.toString()), dir);

    assertThat(probe.exitCode()).as(probe.output()).isZero();
    assertThat(disagreements(probes, probe.output().lines().toList())).isEmpty();
  }

  /**
   * Stencils are cross-compiled by clang-19 without a target libc, so the header must stand on
   * the compiler's own freestanding headers for every ISA the templates are built for.
   */
  @ParameterizedTest
  @ValueSource(strings = {"x86_64-linux-gnu", "aarch64-linux-gnu"})
  void headerCompilesFreestandingForEveryStencilTarget(String target, @TempDir Path dir)
      throws IOException, InterruptedException {
    assumeTrue(onPath("clang-19"), "clang-19 is not on the PATH");
    Files.writeString(dir.resolve("stitch_layout.h"), LayoutHeaderGenerator.generate(), UTF_8);
    Path source = dir.resolve("stencil.c");
    Files.writeString(
        source,
        """
        #include "stitch_layout.h"

        stitch_word add_small(stitch_word *frame, stitch_word a, stitch_word b) {
          STITCH_FIELD(frame, STITCH_FRAME_SP) = stitch_make_small(1);
          return stitch_make_small(stitch_small_value(a) + stitch_small_value(b));
        }
        """,
        UTF_8);

    List<String> command = new ArrayList<>(List.of("clang-19", "--target=" + target));
    command.add("-ffreestanding");
    command.add("-fsyntax-only");
    command.addAll(FLAGS);
    command.addAll(List.of("-I", dir.toString(), source.toString()));
    Run compile = run(command, dir);

    assertThat(compile.exitCode()).as("%s failed:%n%s", command, compile.output()).isZero();
  }

  /** Only the lines where C and Java differ, so that a failure names the culprits. */
  private static List<String> disagreements(List<Probe> probes, List<String> printed) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(probes.size(), printed.size()); i++) {
      String expected = i < probes.size() ? probes.get(i).expectedLine() : "<nothing>";
      String actual = i < printed.size() ? printed.get(i) : "<nothing>";
      if (!expected.equals(actual)) {
        out.add("Java: " + expected + "  C: " + actual);
      }
    }
    return out;
  }

  /**
   * Every public static method of the layout classes is a helper the stencils may need; adding
   * one must come with its C twin in the generator and its probes here.
   */
  @Test
  void everyJavaHelperHasAProbedCTwin() {
    Set<String> javaHelpers = new TreeSet<>();
    collectHelpers(Tag.class, "Tag", javaHelpers);
    collectHelpers(Header.class, "Header", javaHelpers);
    collectHelpers(Layout.class, "Layout", javaHelpers);
    collectHelpers(PlainCall.class, "PlainCall", javaHelpers);

    assertThat(new TreeSet<>(helperProbes().keySet())).isEqualTo(javaHelpers);
  }

  private static void collectHelpers(Class<?> source, String name, Set<String> out) {
    for (Method method : source.getDeclaredMethods()) {
      int modifiers = method.getModifiers();
      if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers)) {
        out.add(name + "." + method.getName());
      }
    }
    for (Class<?> nested : source.getDeclaredClasses()) {
      if (Modifier.isPublic(nested.getModifiers())) {
        collectHelpers(nested, name + "." + nested.getSimpleName(), out);
      }
    }
  }

  /** Each constant's value, and its size, which says whether it kept its Java type. */
  private static List<Probe> constantProbes() {
    List<Probe> probes = new ArrayList<>();
    for (LayoutConstant c : LayoutHeaderGenerator.constants()) {
      probes.add(new Probe(c.macro(), c.value()));
      probes.add(new Probe("sizeof(" + c.macro() + ")", c.wide() ? 8 : 4));
    }
    return probes;
  }

  /** Probes of each C helper, keyed by the Java method it mirrors. */
  private static Map<String, List<Probe>> helperProbes() {
    Map<String, List<Probe>> probes = new LinkedHashMap<>();
    for (long n : INTS) {
      add(probes, "Tag.fromInt", "stitch_make_small(" + int64(n) + ")", Tag.fromInt(n));
    }
    for (long n : new long[] {
      0, Tag.SMALL_MAX, Tag.SMALL_MAX + 1, Tag.SMALL_MIN, Tag.SMALL_MIN - 1, Long.MIN_VALUE,
      Long.MAX_VALUE
    }) {
      add(probes, "Tag.fitsSmall", "stitch_fits_small(" + int64(n) + ")", bit(Tag.fitsSmall(n)));
    }
    for (long w : WORDS) {
      add(probes, "Tag.isInt", "stitch_is_small(" + word(w) + ")", bit(Tag.isInt(w)));
      add(probes, "Tag.isPtr", "stitch_is_ptr(" + word(w) + ")", bit(Tag.isPtr(w)));
      add(probes, "Tag.intValue", "stitch_small_value(" + word(w) + ")", Tag.intValue(w));
      add(probes, "Tag.rawToWord", "stitch_raw_to_word(" + word(w) + ")", Tag.rawToWord(w));
      add(probes, "Tag.wordToRaw", "stitch_word_to_raw(" + word(w) + ")", Tag.wordToRaw(w));
      add(probes, "Header.slots", "stitch_header_slots(" + word(w) + ")", Header.slots(w));
      add(probes, "Header.rawBytes", "stitch_header_raw_bytes(" + word(w) + ")",
          Header.rawBytes(w));
      for (long other : new long[] {1, 8, Tag.fromInt(-5)}) {
        add(probes, "Tag.bothInts", "stitch_both_small(" + word(w) + ", " + word(other) + ")",
            bit(Tag.bothInts(w, other)));
      }
    }
    for (long[] m : METAS) {
      long meta = Header.meta(m[0], m[1], m[2]);
      String c = "stitch_header_meta(" + u64(m[0]) + ", " + u64(m[1]) + ", " + u64(m[2]) + ")";
      add(probes, "Header.meta", c, meta);
      add(probes, "Header.slots", "stitch_header_slots(" + c + ")", Header.slots(meta));
      add(probes, "Header.rawBytes", "stitch_header_raw_bytes(" + c + ")", Header.rawBytes(meta));
    }
    for (int i : new int[] {0, 1, 13, 1000}) {
      add(probes, "Header.slot", "STITCH_HEADER_SLOT(" + i + ")", Header.slot(i));
      add(probes, "Header.rawOffset", "STITCH_HEADER_RAW_OFFSET(" + i + ")", Header.rawOffset(i));
      for (long raw : new long[] {0, 1, 7, 8, 9, 100}) {
        add(probes, "Header.objectSize", "STITCH_HEADER_OBJECT_SIZE(" + i + ", " + raw + ")",
            Header.objectSize(i, raw));
      }
    }
    for (int[] counts : new int[][] {{0, 0}, {3, 5}, {100, 20}}) {
      add(probes, "Layout.Frame.size",
          "STITCH_FRAME_SIZE(" + counts[0] + ", " + counts[1] + ")",
          Layout.Frame.size(counts[0], counts[1]));
    }
    long[][] calls = {{0, 0, 64}, {3, 17, 4_000}, {255, 65_535, 4_294_967_295L}, {256, 1, 1},
        {1, 65_536, 1}, {1, 1, 4_294_967_296L}, {-1, 1, 1}};
    for (long[] k : calls) {
      String args = k[0] + ", " + k[1] + ", " + k[2];
      add(probes, "PlainCall.fits", "STITCH_PLAIN_CALL_FITS(" + args + ")",
          PlainCall.fits(k[0], k[1], k[2]) ? 1 : 0);
      if (PlainCall.fits(k[0], k[1], k[2])) {
        long o = PlainCall.pack(k[0], k[1], k[2]);
        add(probes, "PlainCall.pack", "STITCH_PLAIN_CALL_PACK(" + args + ")", o);
        String c = "STITCH_PLAIN_CALL_PACK(" + args + ")";
        add(probes, "PlainCall.args", "STITCH_PLAIN_CALL_ARGS(" + c + ")", PlainCall.args(o));
        add(probes, "PlainCall.locals", "STITCH_PLAIN_CALL_LOCALS(" + c + ")",
            PlainCall.locals(o));
        add(probes, "PlainCall.frameBytes", "STITCH_PLAIN_CALL_FRAME_BYTES(" + c + ")",
            PlainCall.frameBytes(o));
      }
    }
    for (int[] at : new int[][] {{1, 0}, {40, 7}, {1000, 999}}) {
      add(probes, "Layout.Code.rawBytes", "STITCH_CODE_RAW_BYTES(" + at[0] + ")",
          Layout.Code.rawBytes(at[0]));
      add(probes, "Layout.Code.resumeEntry",
          "STITCH_CODE_RESUME_ENTRY(" + at[0] + ", " + at[1] + ")",
          Layout.Code.resumeEntry(at[0], at[1]));
      add(probes, "Layout.Array.valuesRawBytes", "STITCH_ARRAY_VALUES_RAW_BYTES(" + at[0] + ")",
          Layout.Array.valuesRawBytes(at[0]));
      add(probes, "Layout.Array.rawItem", "STITCH_ARRAY_RAW_ITEM(" + at[0] + ", " + at[1] + ")",
          Layout.Array.rawItem(at[0], at[1]));
    }
    return probes;
  }

  private static void add(Map<String, List<Probe>> probes, String javaMethod, String c, long v) {
    probes.computeIfAbsent(javaMethod, k -> new ArrayList<>()).add(new Probe(c, v));
  }

  /**
   * What the field-access macros read and wrote in the memory {@link #program} sets up: a list
   * object (slots only, header left zero), a float's raw bytes and a dict index's int32 cells.
   */
  private static List<Probe> fieldAccessProbes() {
    return List.of(
        new Probe("stitch_small_value(list[2])", 3),
        new Probe("stitch_small_value(STITCH_FIELD(list, STITCH_LIST_SIZE))", 3),
        new Probe("STITCH_FIELD_F64(boxed, STITCH_FLOAT_VALUE) * 4", 10),
        new Probe("boxed[0] * 4", -5),
        new Probe("index[2]", -2));
  }

  /**
   * Prints every probe as {@code expression value}. The header is included twice to exercise its
   * include guard.
   */
  private static String program(List<Probe> probes) {
    StringBuilder c = new StringBuilder();
    c.append("#include <inttypes.h>\n#include <stdio.h>\n");
    c.append("#include \"stitch_layout.h\"\n#include \"stitch_layout.h\"\n\n");
    // The header promises that offsets are integer constant expressions.
    c.append("_Static_assert(STITCH_HEADER_SLOT(2) == ").append(int64(Header.slot(2)))
        .append(", \"STITCH_HEADER_SLOT\");\n");
    c.append("_Static_assert(STITCH_FRAME_SIZE(1, 2) == ").append(int64(Layout.Frame.size(1, 2)))
        .append(", \"STITCH_FRAME_SIZE\");\n\n");
    c.append("int main(void) {\n");
    c.append("  stitch_word list[STITCH_LIST_NSLOTS + 2] = {0};\n");
    c.append("  STITCH_FIELD(list, STITCH_LIST_SIZE) = stitch_make_small(3);\n");
    c.append("  double boxed[3] = {0, 0, 2.5};\n");
    c.append("  STITCH_FIELD_F64(boxed, 0) = -1.25;\n");
    c.append("  int32_t index[4] = {0};\n");
    c.append("  STITCH_FIELD_I32(index, 8) = -2;\n");
    for (Probe p : probes) {
      c.append("  printf(\"%s %\" PRId64 \"\\n\", \"")
          .append(p.expression())
          .append("\", (int64_t)(")
          .append(p.expression())
          .append("));\n");
    }
    c.append("  return 0;\n}\n");
    return c.toString();
  }

  private static String int64(long v) {
    return LayoutConstant.int64Literal(v);
  }

  private static String word(long v) {
    return "(stitch_word)" + int64(v);
  }

  private static String u64(long v) {
    return "(uint64_t)" + int64(v);
  }

  private static long bit(boolean b) {
    return b ? 1 : 0;
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null
        && Arrays.stream(path.split(File.pathSeparator))
            .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, program)));
  }

  private static Run run(List<String> command, Path dir) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(command + " did not finish");
    }
    return new Run(process.exitValue(), output);
  }

  /** A C expression and the value Java computes for it. */
  private record Probe(String expression, long expected) {
    String expectedLine() {
      return expression + " " + expected;
    }
  }

  private record Run(int exitCode, String output) {}
}
