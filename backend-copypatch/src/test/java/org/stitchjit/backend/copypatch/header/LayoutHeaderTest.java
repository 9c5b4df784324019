package org.stitchjit.backend.copypatch.header;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;

class LayoutHeaderTest {

  /** Surefire runs in the module directory and also says so in {@code basedir}. */
  private static final Path COMMITTED =
      Path.of(System.getProperty("basedir", "")).resolve("src/main/c/stitch_layout.h");

  @Test
  void committedHeaderIsUpToDate() throws IOException {
    String generated = LayoutHeaderGenerator.generate();
    if (!Files.exists(COMMITTED)) {
      fail(COMMITTED + " is missing; generate it from the repository root with\n  "
          + LayoutHeaderGenerator.REGENERATE_COMMAND);
    }
    byte[] committed = Files.readAllBytes(COMMITTED);
    if (!Arrays.equals(committed, generated.getBytes(UTF_8))) {
      fail("stitch_layout.h is stale: it no longer matches the layouts in api ("
          + firstDifference(new String(committed, UTF_8), generated)
          + "). Regenerate it from the repository root with\n  "
          + LayoutHeaderGenerator.REGENERATE_COMMAND);
    }
  }

  @Test
  void generatingTwiceGivesTheSameText() {
    assertThat(LayoutHeaderGenerator.generate()).isEqualTo(LayoutHeaderGenerator.generate());
  }

  @Test
  void textDoesNotDependOnTheOrderReflectionReturnsFieldsIn() {
    List<LayoutConstant> constants = LayoutHeaderGenerator.constants();
    String reference = LayoutHeaderGenerator.render(constants);
    for (long seed = 0; seed < 5; seed++) {
      List<LayoutConstant> shuffled = new ArrayList<>(constants);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(LayoutHeaderGenerator.render(shuffled)).isEqualTo(reference);
    }
  }

  @Test
  void mainWritesTheHeaderToTheGivenPath(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("c/stitch_layout.h");

    LayoutHeaderGenerator.main(new String[] {out.toString()});

    assertThat(Files.readString(out, UTF_8)).isEqualTo(LayoutHeaderGenerator.generate());
  }

  @Test
  void macrosAreNamedAfterTheirJavaConstants() {
    Map<String, LayoutConstant> byMacro = byMacro(LayoutHeaderGenerator.constants());

    assertThat(byMacro.get("STITCH_FRAME_CODE")).isEqualTo(
        new LayoutConstant("Layout.Frame", "STITCH_FRAME_CODE", Layout.Frame.CODE, true));
    assertThat(byMacro.get("STITCH_THREAD_STATE_GC_WANTED").value())
        .isEqualTo(Layout.ThreadState.GC_WANTED);
    assertThat(byMacro.get("STITCH_BIG_INT_BYTES").value()).isEqualTo(Layout.BigInt.BYTES);
    assertThat(byMacro.get("STITCH_TYPE_FLAGS_HAS_FRAME")).isEqualTo(
        new LayoutConstant(
            "Layout.TypeFlags", "STITCH_TYPE_FLAGS_HAS_FRAME", Layout.TypeFlags.HAS_FRAME, false));
    assertThat(byMacro.get("STITCH_TAG_SMALL_MIN").value()).isEqualTo(Tag.SMALL_MIN);
  }

  @Test
  void everyNestedLayoutClassContributesAGroup() {
    List<String> groups =
        LayoutHeaderGenerator.constants().stream().map(LayoutConstant::group).distinct().toList();

    // Array, BigInt and Tuple hold a single offset each, so a missing class would go unnoticed
    // in the other tests.
    assertThat(groups).contains("Tag", "Header", "Layout.Array", "Layout.BigInt", "Layout.Tuple");
    long nested =
        Arrays.stream(Layout.class.getDeclaredClasses())
            .filter(c -> Modifier.isPublic(c.getModifiers()))
            .count();
    // Tag, Header, the nested layouts, the oparg numberings BinaryOp and CompareOp, and the
    // emitter's PlainCall immediate.
    assertThat(groups).contains("BinaryOp", "CompareOp", "PlainCall").hasSize(5 + (int) nested);
  }

  @Test
  void upperSnakeSplitsCamelCaseAndKeepsConstantNames() {
    assertThat(LayoutHeaderGenerator.upperSnake("ThreadState")).isEqualTo("THREAD_STATE");
    assertThat(LayoutHeaderGenerator.upperSnake("BigInt")).isEqualTo("BIG_INT");
    assertThat(LayoutHeaderGenerator.upperSnake("HTTPServer")).isEqualTo("HTTP_SERVER");
    assertThat(LayoutHeaderGenerator.upperSnake("Utf8Data")).isEqualTo("UTF8_DATA");
    assertThat(LayoutHeaderGenerator.upperSnake("RECURSION_LIMIT")).isEqualTo("RECURSION_LIMIT");
  }

  @Test
  void constantsWhoseCNamesCollideAreRejected() {
    List<LayoutConstant> constants =
        LayoutHeaderGenerator.constantsOf(CollidingLayout.class, "CollidingLayout", "");

    assertThatThrownBy(() -> LayoutHeaderGenerator.render(constants))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STITCH_TYPE_FLAGS_HEAPTYPE")
        .hasMessageContaining("CollidingLayout.Type")
        .hasMessageContaining("CollidingLayout.TypeFlags");
  }

  @Test
  void aConstantMayNotRedefineAHandWrittenMacro() {
    List<LayoutConstant> constants =
        LayoutHeaderGenerator.constantsOf(FrameWithSize.class, "FrameWithSize", "FRAME");

    assertThat(LayoutHeaderGenerator.handWrittenMacros()).contains("STITCH_FRAME_SIZE");
    assertThatThrownBy(() -> LayoutHeaderGenerator.render(constants))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("STITCH_FRAME_SIZE");
  }

  @Test
  void aPublicFieldTheHeaderCannotExpressIsRejectedNotSkipped() {
    assertThatThrownBy(
            () -> LayoutHeaderGenerator.constantsOf(WithDouble.class, "WithDouble", "W"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("WithDouble.RATIO");
  }

  @Test
  void literalsKeepTheJavaTypeAndValue() {
    assertThat(new LayoutConstant("G", "M", 16, true).cLiteral()).isEqualTo("INT64_C(16)");
    assertThat(new LayoutConstant("G", "M", -3, true).cLiteral()).isEqualTo("(-INT64_C(3))");
    assertThat(new LayoutConstant("G", "M", -3, false).cLiteral()).isEqualTo("(-3)");
    assertThat(LayoutConstant.int64Literal(Long.MIN_VALUE))
        .isEqualTo("(-INT64_C(9223372036854775807) - 1)");
    assertThat(LayoutConstant.intLiteral(Integer.MIN_VALUE)).isEqualTo("(-2147483647 - 1)");
    assertThatThrownBy(() -> new LayoutConstant("G", "M", 1L << 40, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, LayoutConstant> byMacro(List<LayoutConstant> constants) {
    return constants.stream().collect(Collectors.toMap(LayoutConstant::macro, c -> c));
  }

  private static String firstDifference(String committed, String generated) {
    List<String> a = committed.lines().toList();
    List<String> b = generated.lines().toList();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String left = i < a.size() ? a.get(i) : "<end of file>";
      String right = i < b.size() ? b.get(i) : "<end of file>";
      if (!left.equals(right)) {
        return "first difference at line " + (i + 1) + ": committed '" + left + "', generated '"
            + right + "'";
      }
    }
    return "the lines agree; the line endings differ";
  }

  /** Two classes whose constants map to one C name. */
  public static final class CollidingLayout {
    public static final class Type {
      public static final long FLAGS_HEAPTYPE = 16;
    }

    public static final class TypeFlags {
      public static final int HEAPTYPE = 1;
    }
  }

  /** A frame with a SIZE constant, which would shadow the STITCH_FRAME_SIZE(n, s) macro. */
  public static final class FrameWithSize {
    public static final long SIZE = 80;
  }

  public static final class WithDouble {
    public static final double RATIO = 0.5;
  }
}
