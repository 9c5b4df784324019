package org.stitchjit.backend.copypatch;

import java.util.List;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.backend.copypatch.stencil.Hole;
import org.stitchjit.backend.copypatch.stencil.HoleKind;
import org.stitchjit.backend.copypatch.stencil.Stencil;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;

/**
 * Lays out and patches the machine code of one trace: {@code stitch_enter}, then each uop's
 * stencil in trace order (a stencil's final jump to {@code _JIT_CONTINUE} is left out, since
 * the next uop's stencil always follows directly), then one {@code _EXIT_STUB} per entry of the
 * exit table. Holes get:
 *
 * <ul>
 *   <li>{@code OPARG}, {@code OPERAND}: the uop's oparg and operand; in an exit stub, the exit
 *       index and {@code (resumeIndex << 32) | stackDepth} (the exit protocol of {@code
 *       stitch_stencil.h});
 *   <li>{@code CONTINUE}: the next uop's stencil; {@code EXIT}: the stub of the uop's exit;
 *       {@code JUMP_TARGET} ({@code _JUMP_TO_TOP} only): the first uop's stencil;
 *   <li>{@code _JIT_CONST_<NAME>}: {@link RuntimeConstants#runtimeConstant}.
 * </ul>
 *
 * A uop without a stencil makes the whole trace fail with {@code no-stencil}: this backend
 * compiles a trace entirely or not at all (the driver then leaves it to the interpreter).
 */
final class Emitter {
  private Emitter() {}

  /** The laid-out code of a trace, before it has an address. */
  static final class Layout {
    final Stencil enter;
    final Stencil[] stencils;
    final int[] start;
    final int[] stubStart;
    final int size;
    final Trace trace;

    private Layout(Trace trace, Stencil enter, Stencil[] stencils, int[] start, int[] stubStart,
        int size) {
      this.trace = trace;
      this.enter = enter;
      this.stencils = stencils;
      this.start = start;
      this.stubStart = stubStart;
      this.size = size;
    }
  }

  /**
   * Picks the stencils and their offsets.
   *
   * @throws CompileException {@code no-stencil} when a uop has no stencil, {@code
   *     multi-frame} when the exits are not all in one code object
   */
  static Layout layout(Trace trace, StencilLibrary library) throws CompileException {
    List<UopInstr> uops = trace.uops();
    int n = uops.size();
    Stencil[] stencils = new Stencil[n];
    for (int i = 0; i < n; i++) {
      String name = uops.get(i).uop().uopName();
      stencils[i] = library.find(name).orElse(null);
      if (stencils[i] == null) {
        throw new CompileException("no-stencil", "no stencil for " + name);
      }
    }
    List<Exit> exits = trace.exits();
    for (Exit e : exits) {
      if (e.codeId() != exits.get(0).codeId()) {
        // No stencil pushes or pops frames yet, so this cannot happen; the stub writes the
        // frame the region was entered in.
        throw new CompileException("multi-frame", "exits in more than one code object");
      }
    }
    Stencil enter = library.entryTrampoline();
    Stencil stub = library.exitStub();
    int[] start = new int[n + 1];
    int at = enter.size();
    for (int i = 0; i < n; i++) {
      start[i] = at;
      at += i + 1 < n ? stencils[i].sizeWithoutTailJump() : stencils[i].size();
    }
    start[n] = at;
    int[] stubStart = new int[exits.size()];
    for (int e = 0; e < exits.size(); e++) {
      stubStart[e] = at;
      at += stub.size();
    }
    return new Layout(trace, enter, stencils, start, stubStart, at);
  }

  /**
   * Copies and patches the code for the given address.
   *
   * @throws CompileException {@code bad-hole} for a hole the emitter cannot fill
   */
  static byte[] emit(Layout layout, long base, StencilLibrary library, RuntimeConstants constants)
      throws CompileException {
    byte[] code = new byte[layout.size];
    List<UopInstr> uops = layout.trace.uops();
    int n = uops.size();
    layout.enter.copyTo(code, 0, base, false, hole -> base + layout.start[0]);
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      int next = i + 1;
      Stencil s = layout.stencils[i];
      for (Hole hole : s.holes()) {
        check(hole, in, next < n, s);
      }
      int copied = s.copyTo(code, layout.start[i], base + layout.start[i], next < n,
          hole -> switch (hole.kind()) {
            case OPARG -> in.oparg();
            case OPERAND -> in.operand();
            case CONTINUE -> base + layout.start[next];
            case EXIT -> base + layout.stubStart[in.target()];
            case JUMP_TARGET -> base + layout.start[0];
            case RUNTIME_CONSTANT -> constants.runtimeConstant(
                hole.symbol().substring(HoleKind.CONST_PREFIX.length()));
            case HELPER -> throw new IllegalStateException("checked above");
          });
      if (layout.start[i] + copied != layout.start[next]) {
        throw new IllegalStateException("layout mismatch at uop " + i);
      }
    }
    Stencil stub = library.exitStub();
    List<Exit> exits = layout.trace.exits();
    for (int e = 0; e < exits.size(); e++) {
      long index = e;
      Exit exit = exits.get(e);
      long operand = ((long) exit.bytecodeIndex() << 32) | exit.stackDepth();
      stub.copyTo(code, layout.stubStart[e], base + layout.stubStart[e], false,
          hole -> hole.kind() == HoleKind.OPARG ? index : operand);
    }
    return code;
  }

  private static void check(Hole hole, UopInstr in, boolean hasNext, Stencil s)
      throws CompileException {
    boolean ok = switch (hole.kind()) {
      case HELPER -> false;
      case CONTINUE -> hasNext;
      case EXIT -> in.target() >= 0;
      case JUMP_TARGET -> in.uop() == Uop.JUMP_TO_TOP;
      default -> true;
    };
    if (!ok) {
      throw new CompileException("bad-hole",
          s.name() + ": cannot fill " + hole.symbol() + " for " + in);
    }
  }
}
