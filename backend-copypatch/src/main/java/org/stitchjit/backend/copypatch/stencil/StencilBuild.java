package org.stitchjit.backend.copypatch.stencil;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The stencil build tool, in the stages of CPython's {@code Tools/jit}: <b>compile</b> each
 * template with clang ({@link StencilCompiler}), <b>parse</b> each object into a stencil ({@link
 * StencilParser}), <b>write</b> the library ({@link StencilLibrary#format()}).
 *
 * <p>Regenerating the committed x86-64 Linux library, from the repository root (needs {@code
 * clang-19}):
 *
 * <pre>
 * mvn -o -q -B install -DskipTests -pl api,platforms,backend-copypatch
 * java -cp backend-copypatch/target/classes:platforms/target/classes:api/target/classes \
 *     org.stitchjit.backend.copypatch.stencil.StencilBuild \
 *     backend-copypatch/src/main/c \
 *     backend-copypatch/src/main/resources/org/stitchjit/backend/copypatch/stencils/x86_64-linux.stencils
 * </pre>
 *
 * Arguments: the C directory (holding {@code stitch_stencil.h} and {@code templates/*.c}) and the
 * output file; {@code --clang=PATH} picks another compiler than {@code clang-19}.
 */
public final class StencilBuild {

  private StencilBuild() {}

  /** Template directory under the C directory. */
  public static final String TEMPLATES = "templates";

  /**
   * Compiles and parses every template under {@code cDir/templates}, in name order.
   *
   * @throws StencilBuildException for the first template that fails
   */
  public static StencilLibrary build(Path cDir, StencilCompiler compiler, PrintStream log)
      throws IOException {
    Path templates = cDir.resolve(TEMPLATES);
    List<Path> files;
    try (Stream<Path> list = Files.list(templates)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".c")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IOException("no templates (*.c) in " + templates);
    }
    String version = compiler.version();
    List<Stencil> stencils = new ArrayList<>();
    for (Path file : files) {
      String fileName = file.getFileName().toString();
      String name = fileName.substring(0, fileName.length() - 2);
      if (!name.matches("_[A-Z0-9_]+") && !name.equals(StencilParser.ENTRY_TRAMPOLINE)) {
        throw new StencilBuildException(
            name, "template names are uop names (_LOAD_FAST.c) or "
                + StencilParser.ENTRY_TRAMPOLINE + ".c");
      }
      byte[] object = compiler.compile(name, file, cDir); // stage 1
      Stencil stencil = StencilParser.parse(name, object); // stage 2
      if (log != null) {
        log.printf(
            "%-24s %4d bytes, %d holes%s%n", name, stencil.size(), stencil.holes().size(),
            stencil.endsWithContinue() ? ", tail jump elidable" : "");
      }
      stencils.add(stencil);
    }
    return new StencilLibrary("x86_64-linux", version, StencilCompiler.flagsLine(), stencils);
  }

  /** Builds the library and writes it (stage 3); exits with status 1 or 2 on failure. */
  public static void main(String[] args) throws IOException {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * What {@link #main} does, without exiting: 0 when the library was written, 1 when a template
   * failed to build, 2 for bad arguments.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
    String clang = StencilCompiler.DEFAULT_CLANG;
    List<String> positional = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--clang=")) {
        clang = arg.substring("--clang=".length());
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option " + arg);
      } else {
        positional.add(arg);
      }
    }
    if (positional.size() != 2) {
      return usage(err, "expected 2 arguments, got " + positional.size());
    }
    Path cDir = Path.of(positional.get(0));
    Path output = Path.of(positional.get(1));
    StencilLibrary library;
    try {
      library = build(cDir, new StencilCompiler(clang), out);
    } catch (StencilBuildException | IOException e) {
      err.println("stencil build failed: " + e.getMessage());
      return 1;
    }
    Path parent = output.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(output, library.format(), StandardCharsets.UTF_8);
    out.println(
        "wrote " + library.stencils().size() + " stencils (" + library.compiler() + ") to "
            + output);
    return 0;
  }

  private static int usage(PrintStream err, String problem) {
    err.println(problem);
    err.println(
        "usage: StencilBuild [--clang=PATH] C_DIR OUTPUT_FILE\n"
            + "  C_DIR holds stitch_stencil.h and templates/*.c; OUTPUT_FILE is the library,\n"
            + "  e.g. backend-copypatch/src/main/resources/org/stitchjit/backend/copypatch/"
            + "stencils/x86_64-linux.stencils");
    return 2;
  }
}
