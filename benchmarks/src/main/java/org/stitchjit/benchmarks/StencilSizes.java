package org.stitchjit.benchmarks;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.backend.copypatch.stencil.Hole;
import org.stitchjit.backend.copypatch.stencil.HoleKind;
import org.stitchjit.backend.copypatch.stencil.Stencil;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;
import org.stitchjit.backend.copypatch.stencil.StencilParser;
import org.stitchjit.platforms.Platform;

/**
 * Prints, as Markdown, the machine code each uop costs under copy-and-patch, read from the
 * committed stencil library so the table is never out of date: the stencil's size, the bytes
 * the emitter copies when another uop follows (the final jump to {@code _JIT_CONTINUE} left
 * out), and its holes; then the per-trace and per-exit overheads.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.stitchjit.benchmarks.StencilSizes</pre>
 */
public final class StencilSizes {
  private StencilSizes() {}

  public static void main(String[] args) {
    print(StencilLibrary.load(Platform.current()), System.out);
  }

  static void print(StencilLibrary library, PrintStream out) {
    out.println("Stencil library " + library.platform() + ", " + library.compiler());
    out.println();
    out.println("| uop | stencil bytes | emitted bytes | holes | hole kinds |");
    out.println("|:---|---:|---:|---:|:---|");
    int uops = 0;
    long stencilBytes = 0;
    long emittedBytes = 0;
    for (Stencil s : library.stencils().values()) {
      if (isOverhead(s)) {
        continue;
      }
      uops++;
      stencilBytes += s.size();
      emittedBytes += s.sizeWithoutTailJump();
      out.println(row(s));
    }
    out.println();
    out.printf("%d uops with a stencil; mean %.1f stencil bytes, %.1f emitted bytes per uop"
        + " (unweighted: every uop counts once).%n", uops,
        uops == 0 ? 0.0 : (double) stencilBytes / uops,
        uops == 0 ? 0.0 : (double) emittedBytes / uops);
    out.println();
    out.println("| per trace / per exit | bytes | holes | hole kinds |");
    out.println("|:---|---:|---:|:---|");
    Stencil enter = library.entryTrampoline();
    Stencil stub = library.exitStub();
    out.printf("| entry trampoline (`%s`, once per trace) | %d | %d | %s |%n", enter.name(),
        enter.size(), enter.holes().size(), kinds(enter.holes()));
    out.printf("| exit stub (`%s`, once per exit-table entry) | %d | %d | %s |%n", stub.name(),
        stub.size(), stub.holes().size(), kinds(stub.holes()));
    Stencil escape = library.escapeStub();
    out.printf("| escape stub (`%s`, the code of a uop without a stencil, and once per stencil"
        + " with a slow path) | %d | %d | %s |%n", escape.name(), escape.size(),
        escape.holes().size(), kinds(escape.holes()));
    out.println();
    out.println("The last uop of a trace keeps its final jump (stencil bytes); every other uop"
        + " costs its emitted bytes.");
    List<String> missing = Arrays.stream(Uop.values()).map(Uop::uopName)
        .filter(n -> library.find(n).isEmpty()).sorted().toList();
    out.println();
    out.println(missing.size() + " of " + Uop.values().length + " uops have no stencil (they"
        + " compile to the escape stub)" + (missing.isEmpty() ? "." : ": "
        + String.join(", ", missing)));
  }

  private static boolean isOverhead(Stencil s) {
    return s.name().equals(StencilParser.ENTRY_TRAMPOLINE)
        || s.name().equals(StencilParser.EXIT_STUB) || s.name().equals(StencilParser.ESCAPE_STUB);
  }

  private static String row(Stencil s) {
    return "| `" + s.name() + "` | " + s.size() + " | " + s.sizeWithoutTailJump() + " | "
        + s.holes().size() + " | " + kinds(s.holes()) + " |";
  }

  private static String kinds(List<Hole> holes) {
    Map<HoleKind, Long> counts = holes.stream().collect(
        Collectors.groupingBy(Hole::kind, () -> new EnumMap<>(HoleKind.class),
            Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> e.getKey().name() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
        .collect(Collectors.joining(", "));
  }
}
