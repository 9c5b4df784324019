package org.stitchjit.backend.copypatch;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.backend.copypatch.stencil.Hole;
import org.stitchjit.backend.copypatch.stencil.HoleKind;
import org.stitchjit.backend.copypatch.stencil.Stencil;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;

/**
 * Lays out and patches the machine code of one trace: {@code stitch_enter}, then each uop's
 * code in trace order (a stencil's final jump to {@code _JIT_CONTINUE} is left out, since the
 * next uop's code always follows directly), then one {@code _EXIT_STUB} per entry of the exit
 * table, then one {@code _ESCAPE_STUB} per stencil with a slow path ({@code _JIT_ESCAPE}). A
 * uop's code is its stencil, or, for a uop the library has no template for, an {@code
 * _ESCAPE_STUB} (the runtime performs the uop: {@code stitch_stencil.h}, section 3). Holes get:
 *
 * <ul>
 *   <li>{@code OPARG}, {@code OPERAND}: the uop's oparg and operand; in an exit stub, {@link
 *       NativeRegion#exitCode} (the region's token and the exit index) and {@code (resumeIndex
 *       << 32) | stackDepth}; in an escape stub, {@link NativeRegion#escapeCode} of the uop;
 *   <li>{@code CONTINUE}: the next uop's code; {@code EXIT}: the stub of the uop's exit; {@code
 *       ESCAPE}: the uop's escape stub; {@code JUMP_TARGET} ({@code _JUMP_TO_TOP} only): the
 *       first uop's code;
 *   <li>{@code _JIT_CONST_<NAME>}: {@link RuntimeConstants#runtimeConstant}.
 * </ul>
 */
final class Emitter {
  private Emitter() {}

  /** The laid-out code of a trace, before it has an address. */
  static final class Layout {
    final Trace trace;
    final Stencil enter;
    /** Per uop, its stencil, or null for a uop that is only its escape stub. */
    final Stencil[] stencils;
    /** Per uop, where its code starts; then where the exit stubs start. */
    final int[] start;
    final int[] exitStubStart;
    /** Per uop, where the escape stub its {@code _JIT_ESCAPE} hole jumps to starts, or -1. */
    final int[] escapeStubStart;
    final int size;

    private Layout(Trace trace, Stencil enter, Stencil[] stencils, int[] start,
        int[] exitStubStart, int[] escapeStubStart, int size) {
      this.trace = trace;
      this.enter = enter;
      this.stencils = stencils;
      this.start = start;
      this.exitStubStart = exitStubStart;
      this.escapeStubStart = escapeStubStart;
      this.size = size;
    }

    /** Per uop, whether native code performs it (else its code only escapes to the runtime). */
    boolean[] isNative() {
      boolean[] nat = new boolean[stencils.length];
      for (int i = 0; i < nat.length; i++) {
        nat[i] = stencils[i] != null;
      }
      return nat;
    }

    /** The code's parts in address order, named for dumps and profilers. */
    List<MachineCode.Part> parts() {
      List<MachineCode.Part> parts = new ArrayList<>();
      parts.add(new MachineCode.Part(0, "stitch_enter"));
      List<UopInstr> uops = trace.uops();
      for (int i = 0; i < stencils.length; i++) {
        parts.add(new MachineCode.Part(start[i], "uop " + i + ": "
            + RegionText.format(uops.get(i)) + (stencils[i] == null ? " (escape only)" : "")));
      }
      for (int e = 0; e < exitStubStart.length; e++) {
        parts.add(new MachineCode.Part(exitStubStart[e], "exit " + e));
      }
      for (int i = 0; i < escapeStubStart.length; i++) {
        if (escapeStubStart[i] >= 0) {
          parts.add(new MachineCode.Part(escapeStubStart[i], "escape stub of uop " + i));
        }
      }
      return parts;
    }
  }

  /** The library's stencil for each uop, by {@link Uop#ordinal()}; null where it has none. */
  static Stencil[] stencilsByUop(StencilLibrary library) {
    Stencil[] byUop = new Stencil[Uop.values().length];
    for (Uop u : Uop.values()) {
      byUop[u.ordinal()] = library.find(u.uopName()).orElse(null);
    }
    return byUop;
  }

  /** Picks the code of every uop and the offsets. */
  static Layout layout(Trace trace, StencilLibrary library) {
    return layout(trace, library, stencilsByUop(library));
  }

  /** Picks the code of every uop ({@code byUop}: {@link #stencilsByUop}) and the offsets. */
  static Layout layout(Trace trace, StencilLibrary library, Stencil[] byUop) {
    List<UopInstr> uops = trace.uops();
    int n = uops.size();
    Stencil[] stencils = new Stencil[n];
    for (int i = 0; i < n; i++) {
      stencils[i] = byUop[uops.get(i).uop().ordinal()];
    }
    Stencil enter = library.entryTrampoline();
    Stencil escape = library.escapeStub();
    int[] start = new int[n + 1];
    int at = enter.size();
    for (int i = 0; i < n; i++) {
      start[i] = at;
      Stencil s = stencils[i];
      at += s == null ? escape.size() : i + 1 < n ? s.sizeWithoutTailJump() : s.size();
    }
    start[n] = at;
    List<Exit> exits = trace.exits();
    int[] exitStubStart = new int[exits.size()];
    for (int e = 0; e < exits.size(); e++) {
      exitStubStart[e] = at;
      at += library.exitStub().size();
    }
    int[] escapeStubStart = new int[n];
    for (int i = 0; i < n; i++) {
      escapeStubStart[i] = -1;
      if (stencils[i] != null && stencils[i].hasHole(HoleKind.ESCAPE)) {
        escapeStubStart[i] = at;
        at += escape.size();
      }
    }
    return new Layout(trace, enter, stencils, start, exitStubStart, escapeStubStart, at);
  }

  /**
   * Copies and patches the code for the given address.
   *
   * @throws CompileException {@code bad-hole} for a hole the emitter cannot fill
   */
  static byte[] emit(Layout layout, long base, int token, StencilLibrary library,
      RuntimeConstants constants) throws CompileException {
    return emit(layout, base, token, library, new ConstantHoles(constants));
  }

  /**
   * The values of {@code _JIT_CONST_<NAME>} holes by symbol, asked of the VM once per name: they
   * never change while it runs, and compiling asks for some in nearly every uop.
   */
  static final class ConstantHoles {
    private final RuntimeConstants constants;
    private final java.util.HashMap<String, Long> bySymbol = new java.util.HashMap<>();

    ConstantHoles(RuntimeConstants constants) {
      this.constants = constants;
    }

    long runtimeConstant(String symbol) {
      Long v = bySymbol.get(symbol);
      if (v == null) {
        v = constants.runtimeConstant(symbol.substring(HoleKind.CONST_PREFIX.length()));
        bySymbol.put(symbol, v);
      }
      return v;
    }

    boolean serves(RuntimeConstants c) {
      return c == constants;
    }
  }

  static byte[] emit(Layout layout, long base, int token, StencilLibrary library,
      ConstantHoles constants) throws CompileException {
    byte[] code = new byte[layout.size];
    List<UopInstr> uops = layout.trace.uops();
    int n = uops.size();
    Stencil escape = library.escapeStub();
    layout.enter.copyTo(code, 0, base, false, hole -> {
      throw new IllegalStateException("the entry trampoline has no holes: " + hole);
    });
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      int next = i + 1;
      Stencil s = layout.stencils[i];
      int copied;
      if (s == null) {
        copied = copyEscapeStub(escape, code, layout.start[i], base, token, i);
      } else {
        for (Hole hole : s.holes()) {
          check(hole, in, next < n, s);
        }
        int uop = i;
        copied = s.copyTo(code, layout.start[i], base + layout.start[i], next < n,
            hole -> switch (hole.kind()) {
              case OPARG -> in.oparg();
              case OPERAND -> in.operand();
              case CONTINUE -> base + layout.start[next];
              case EXIT -> base + layout.exitStubStart[in.target()];
              case ESCAPE -> base + layout.escapeStubStart[uop];
              case JUMP_TARGET -> base + layout.start[0];
              case RUNTIME_CONSTANT -> constants.runtimeConstant(hole.symbol());
              case HELPER -> throw new IllegalStateException("checked above");
            });
        if (layout.escapeStubStart[i] >= 0) {
          copyEscapeStub(escape, code, layout.escapeStubStart[i], base, token, i);
        }
      }
      if (layout.start[i] + copied != layout.start[next]) {
        throw new IllegalStateException("layout mismatch at uop " + i);
      }
    }
    Stencil stub = library.exitStub();
    List<Exit> exits = layout.trace.exits();
    for (int e = 0; e < exits.size(); e++) {
      long index = NativeRegion.exitCode(token, e);
      Exit exit = exits.get(e);
      long operand = ((long) exit.bytecodeIndex() << 32) | exit.stackDepth();
      stub.copyTo(code, layout.exitStubStart[e], base + layout.exitStubStart[e], false,
          hole -> hole.kind() == HoleKind.OPARG ? index : operand);
    }
    return code;
  }

  private static int copyEscapeStub(Stencil escape, byte[] code, int at, long base, int token,
      int uop) {
    long value = NativeRegion.escapeCode(token, uop);
    return escape.copyTo(code, at, base + at, false, hole -> value);
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
