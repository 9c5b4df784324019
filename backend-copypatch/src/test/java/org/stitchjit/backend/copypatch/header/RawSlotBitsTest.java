package org.stitchjit.backend.copypatch.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Uop;

/**
 * The raw-slot oparg bits are written by hand in stitch_stencil.h (the generated layout header
 * holds layouts, not uop operands); the templates of the _BINARY_OP_*_FLOAT_RAW uops must test
 * the bits the pass sets.
 */
class RawSlotBitsTest {
  private static final Path HEADER =
      Path.of(System.getProperty("basedir", "")).resolve("src/main/c/stitch_stencil.h");

  @Test
  void theStencilHeaderDefinesTheBitsOfTheUopTable() throws IOException {
    String h = Files.readString(HEADER);
    assertThat(define(h, "STITCH_RAW_NOS")).isEqualTo(Uop.RAW_NOS);
    assertThat(define(h, "STITCH_RAW_TOS")).isEqualTo(Uop.RAW_TOS);
    assertThat(define(h, "STITCH_RAW_RESULT")).isEqualTo(Uop.RAW_RESULT);
    assertThat(define(h, "STITCH_RAW_COMPARE_SHIFT")).isEqualTo(Uop.RAW_COMPARE_SHIFT);
  }

  private static int define(String header, String name) {
    Matcher m = Pattern.compile("#define " + name + " (\\d+)u\\b").matcher(header);
    assertThat(m.find()).as(name + " in stitch_stencil.h").isTrue();
    return Integer.parseInt(m.group(1));
  }
}
