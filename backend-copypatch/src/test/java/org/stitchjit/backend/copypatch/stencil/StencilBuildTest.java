package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole build with clang: skipped when clang-19 is not on the PATH. */
class StencilBuildTest {

  /** Relative to the module directory, where Maven runs tests. */
  static final Path C_DIR = Path.of("src/main/c");

  static final Path COMMITTED =
      Path.of(
          "src/main/resources/org/stitchjit/backend/copypatch/stencils/x86_64-linux.stencils");

  /** {@code -Dstitch.clang=PATH} picks another compiler (a missing one skips these tests). */
  private static final StencilCompiler CLANG =
      new StencilCompiler(System.getProperty("stitch.clang", StencilCompiler.DEFAULT_CLANG));

  @BeforeAll
  static void needsClang() {
    boolean present;
    try {
      present = CLANG.version().contains("clang");
    } catch (IOException e) {
      present = false;
    }
    assumeTrue(
        present, CLANG.clang() + " is not on the PATH; the stencil build cannot run here");
  }

  @Test
  void committedLibraryMatchesTemplates() throws IOException {
    String rebuilt = StencilBuild.build(C_DIR, CLANG, null).format();
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    if (!rebuilt.equals(committed)) {
      List<String> a = committed.lines().toList();
      List<String> b = rebuilt.lines().toList();
      int line = 0;
      while (line < Math.min(a.size(), b.size()) && a.get(line).equals(b.get(line))) {
        line++;
      }
      throw new AssertionError(
          "the committed stencil library " + COMMITTED + " is stale: it differs from the"
              + " templates from line " + (line + 1) + ":\n  committed: "
              + (line < a.size() ? a.get(line) : "(end)") + "\n  rebuilt:   "
              + (line < b.size() ? b.get(line) : "(end)")
              + "\nRegenerate it with the command in src/main/c/templates/README.md.");
    }
  }

  @Test
  void theRegenerationCommandWritesTheCommittedLibrary(@TempDir Path dir) throws IOException {
    Path out = dir.resolve("sub/x86_64-linux.stencils");
    var log = new java.io.ByteArrayOutputStream();
    var sink = new java.io.PrintStream(log, true, StandardCharsets.UTF_8);
    assertThat(StencilBuild.run(
            new String[] {"--clang=" + CLANG.clang(), C_DIR.toString(), out.toString()}, sink,
            sink))
        .isZero();
    assertThat(Files.readString(out)).isEqualTo(Files.readString(COMMITTED));
    // One stencil per template: a count written here would go stale with every new template.
    long templates;
    try (var files = Files.list(C_DIR.resolve("templates"))) {
      templates = files.filter(f -> f.toString().endsWith(".c")).count();
    }
    assertThat(log.toString(StandardCharsets.UTF_8))
        .contains("_LOAD_FAST", "wrote " + templates + " stencils");

    assertThat(StencilBuild.run(new String[] {C_DIR.toString()}, sink, sink)).isEqualTo(2);
    assertThat(StencilBuild.run(new String[] {"--clang=/nonexistent/clang", C_DIR.toString(),
        dir.resolve("never").toString()}, sink, sink)).isEqualTo(1);
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("cannot run /nonexistent/clang");
    assertThat(dir.resolve("never")).doesNotExist();
  }

  @Test
  void buildIsReproducible() throws IOException {
    assertThat(StencilBuild.build(C_DIR, CLANG, null).format())
        .isEqualTo(StencilBuild.build(C_DIR, CLANG, null).format());
  }

  private static Path cDirWith(Path dir, String template, String source) throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    for (String header : List.of("stitch_stencil.h", "stitch_layout.h")) {
      Files.copy(C_DIR.resolve(header), dir.resolve(header));
    }
    Files.writeString(dir.resolve("templates").resolve(template + ".c"), source);
    return dir;
  }

  @Test
  void rejectsAUopTemplateThatReturns(@TempDir Path dir) throws IOException {
    Path c = cDirWith(dir, "_RETURNS",
        "#include \"stitch_stencil.h\"\n"
            + "STENCIL(_RETURNS) { UNUSED(frame); ts[0] = (uint64_t)sp; return; }\n");
    assertThatThrownBy(() -> StencilBuild.build(c, CLANG, null))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _RETURNS")
        .hasMessageContaining("ret");
  }

  @Test
  void rejectsATemplateWithData(@TempDir Path dir) throws IOException {
    Path c = cDirWith(dir, "_TABLE",
        "#include \"stitch_stencil.h\"\n"
            + "static const uint64_t table[4] = {3, 5, 7, 11};\n"
            + "STENCIL(_TABLE) { *sp++ = table[OPARG & 3]; CONTINUE(); }\n");
    assertThatThrownBy(() -> StencilBuild.build(c, CLANG, null))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _TABLE")
        .hasMessageContaining("has data: section .lrodata");
  }

  @Test
  void rejectsATemplateCallingAFunction(@TempDir Path dir) throws IOException {
    Path c = cDirWith(dir, "_CALLS",
        "#include \"stitch_stencil.h\"\n"
            + "extern uint64_t helper(uint64_t);\n"
            + "STENCIL(_CALLS) { sp[-1] = helper(sp[-1]); CONTINUE(); }\n");
    assertThatThrownBy(() -> StencilBuild.build(c, CLANG, null))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _CALLS")
        .hasMessageContaining("R_X86_64_GOTPCRELX against helper")
        .hasMessageContaining("unknown external symbol");
  }

  @Test
  void reportsCompilerErrors(@TempDir Path dir) throws IOException {
    Path c = cDirWith(dir, "_WARNS",
        "#include \"stitch_stencil.h\"\n"
            + "STENCIL(_WARNS) { int unused; CONTINUE(); }\n");
    assertThatThrownBy(() -> StencilBuild.build(c, CLANG, null))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _WARNS")
        .hasMessageContaining(CLANG.clang() + " failed")
        .hasMessageContaining("unused");
  }
}
