package org.stitchjit.backend.copypatch;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout.Code;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.Function;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.backend.copypatch.stencil.Hole;
import org.stitchjit.backend.copypatch.stencil.HoleEncoding;
import org.stitchjit.backend.copypatch.stencil.HoleKind;
import org.stitchjit.backend.copypatch.stencil.Stencil;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;
import org.stitchjit.backend.copypatch.stencil.StencilParser;
import org.stitchjit.platforms.MathLibrary;
import org.stitchjit.platforms.Mem;

/**
 * Lays out and patches the machine code of one trace: {@code stitch_enter}, then each uop's
 * code in trace order (a stencil's final jump to {@code _JIT_CONTINUE} is left out, since the
 * next uop's code always follows directly), then one {@code _EXIT_STUB} per entry of the exit
 * table (for an exit that leaves raw doubles, its boxing stubs first and an unboxed stub after:
 * {@link #layout}), then one {@code _ESCAPE_STUB} per stencil with a slow path ({@code
 * _JIT_ESCAPE}). A
 * uop's code is its stencil, or, for a uop the library has no template for, an {@code
 * _ESCAPE_STUB} (the runtime performs the uop: {@code stitch_stencil.h}, section 3); a {@code
 * _LOAD_FAST} and the {@code _LOAD_ATTR_SLOT} after it share one superinstruction. Holes get:
 *
 * <ul>
 *   <li>{@code OPARG}, {@code OPERAND}: the uop's oparg and operand; in an exit stub, {@link
 *       NativeRegion#exitCode} (the region's token and the exit index) and {@code (resumeIndex
 *       << 32) | stackDepth}; in an escape stub, {@link NativeRegion#escapeCode} of the uop;
 *   <li>{@code CONTINUE}: the next uop's code; {@code EXIT}: the stub of the uop's exit; {@code
 *       ESCAPE}: the uop's escape stub; {@code JUMP_TARGET} ({@code _JUMP_TO_TOP} only): the
 *       code of the trace's {@code _LOOP_HEAD} ({@code _LOOP_HEAD}'s stencil is empty, so that
 *       is the loop body's first uop), else of its first uop;
 *   <li>{@code _JIT_CONST_<NAME>}: {@link RuntimeConstants#runtimeConstant};
 *   <li>{@code _JIT_HELPER_<NAME>}: the address of the C math library's function {@code name}
 *       ({@link MathLibrary#address}).
 * </ul>
 */
final class Emitter {
  private Emitter() {}

  /**
   * A stencil flattened for patching: what the emitter needs per hole in parallel arrays, read
   * once when the library is loaded, so that copying a uop asks no {@link Hole} for its kind
   * (a lookup by symbol) and builds no closure per uop.
   */
  static final class Plan {
    final Stencil stencil;
    /** The stencil's code, copied once; never written. */
    private final byte[] code;
    final int size;
    final int sizeWithoutTailJump;
    /** Holes in offset order, for error messages. */
    private final Hole[] holes;
    private final int[] offset;
    /** Per hole, its {@link HoleKind#ordinal()}. */
    private final int[] kind;
    private final HoleEncoding[] encoding;
    private final long[] addend;
    /**
     * Per hole, the index of its {@code _JIT_CONST_} or {@code _JIT_HELPER_} symbol in {@link
     * Stencils}, or -1.
     */
    private final int[] constant;
    /** Holes that lie before the tail jump, so are patched when it is left out. */
    private final int holesWithoutTailJump;
    /** Bit {@code 1 << kind.ordinal()} for each kind among the holes. */
    final int kinds;

    Plan(Stencil stencil, java.util.Map<String, Integer> constantIds) {
      this.stencil = stencil;
      this.code = stencil.code();
      this.size = code.length;
      this.sizeWithoutTailJump = stencil.sizeWithoutTailJump();
      this.holes = stencil.holes().toArray(new Hole[0]);
      int n = holes.length;
      offset = new int[n];
      kind = new int[n];
      encoding = new HoleEncoding[n];
      addend = new long[n];
      constant = new int[n];
      int k = 0;
      int within = 0;
      for (int h = 0; h < n; h++) {
        Hole hole = holes[h];
        offset[h] = hole.offset();
        HoleKind hk = hole.kind();
        kind[h] = hk.ordinal();
        k |= 1 << hk.ordinal();
        encoding[h] = hole.encoding();
        addend[h] = hole.addend();
        constant[h] = hk == HoleKind.RUNTIME_CONSTANT || hk == HoleKind.HELPER
            ? constantIds.computeIfAbsent(hole.symbol(), sym -> constantIds.size()) : -1;
        if (hole.end() <= sizeWithoutTailJump) {
          within = h + 1;
        }
      }
      kinds = k;
      holesWithoutTailJump = within;
    }

    boolean has(HoleKind k) {
      return (kinds & (1 << k.ordinal())) != 0;
    }

    /**
     * Copies the code into {@code buffer} at {@code at} and patches the holes copied, as {@link
     * Stencil#copyTo} does (byte for byte), from {@code valueByKind} (indexed by {@link
     * HoleKind#ordinal()}) and, when {@code constants} is not null, {@code _JIT_CONST_} holes from
     * it.
     *
     * @return the bytes copied
     */
    int copyTo(byte[] buffer, int at, long address, boolean elideTailJump, long[] valueByKind,
        ConstantHoles constants) {
      int length = elideTailJump ? sizeWithoutTailJump : size;
      int holeCount = elideTailJump ? holesWithoutTailJump : holes.length;
      System.arraycopy(code, 0, buffer, at, length);
      for (int h = 0; h < holeCount; h++) {
        int c = constant[h];
        long value = c >= 0 && constants != null ? constants.value(c) : valueByKind[kind[h]];
        encoding[h].write(buffer, at + offset[h], value, addend[h], address + offset[h],
            holes[h].symbol());
      }
      return length;
    }
  }

  /** A library's stencils as {@link Plan}s: per uop, and the trampoline and stubs. */
  static final class Stencils {
    final StencilLibrary library;
    /** By {@link Uop#ordinal()}; null where the library has no template. */
    final Plan[] byUop;
    final Plan enter;
    final Plan escape;
    final Plan exit;
    final Plan boxCheck;
    final Plan boxLocal;
    final Plan clearLocal;
    final Plan boxOuterSlot;
    final Plan boxSlot;
    final Plan boxAttrSlot;
    /** {@code _LOAD_FAST} and {@code _LOAD_ATTR_SLOT} in one stencil, or null. */
    final Plan loadFastAttr;
    /**
     * The {@code _JIT_CONST_} and {@code _JIT_HELPER_} symbols of all plans, indexed as the
     * plans refer to them.
     */
    final String[] constantSymbols;

    Stencils(StencilLibrary library) {
      this.library = library;
      java.util.Map<String, Integer> ids = new java.util.HashMap<>();
      byUop = new Plan[Uop.values().length];
      for (Uop u : Uop.values()) {
        Stencil s = library.find(u.uopName()).orElse(null);
        byUop[u.ordinal()] = s == null ? null : new Plan(s, ids);
      }
      enter = new Plan(library.entryTrampoline(), ids);
      escape = new Plan(library.escapeStub(), ids);
      exit = new Plan(library.exitStub(), ids);
      boxCheck = new Plan(library.get(StencilParser.EXIT_BOX_CHECK), ids);
      boxLocal = new Plan(library.get(StencilParser.EXIT_BOX_LOCAL), ids);
      clearLocal = new Plan(library.get(StencilParser.EXIT_CLEAR_LOCAL), ids);
      boxSlot = new Plan(library.get(StencilParser.EXIT_BOX_SLOT), ids);
      boxOuterSlot = new Plan(library.get(StencilParser.EXIT_BOX_OUTER_SLOT), ids);
      boxAttrSlot = new Plan(library.get(StencilParser.EXIT_BOX_ATTR_SLOT), ids);
      loadFastAttr = library.find(LOAD_FAST_ATTR).map(s -> new Plan(s, ids)).orElse(null);
      constantSymbols = new String[ids.size()];
      ids.forEach((symbol, id) -> constantSymbols[id] = symbol);
    }
  }

  /** The superinstruction of a {@code _LOAD_FAST} and the {@code _LOAD_ATTR_SLOT} after it. */
  static final String LOAD_FAST_ATTR = "_LOAD_FAST__LOAD_ATTR_SLOT";

  /** The laid-out code of a trace, before it has an address. */
  static final class Layout {
    final Trace trace;
    /** Per uop, its stencil, or null for a uop that is only its escape stub. */
    final Plan[] stencils;
    /**
     * Per uop, whether its stencil performs the next uop too (a superinstruction); the next
     * uop then has no code of its own, and starts where the one after it does.
     */
    final boolean[] fused;
    /** Per uop, where its code starts; then where the exit stubs start. */
    final int[] start;
    /** Per exit, where the code its uops jump to starts. */
    final int[] exitStubStart;
    /**
     * Per exit, where its {@code _EXIT_STUB} starts: the bytes a link to a bridge replaces, past
     * any boxing. Equal to {@code exitStubStart} for an exit without raw doubles.
     */
    final int[] linkStart;
    /** Per exit, where its unboxed stub starts (raw doubles left for the runtime), or -1. */
    final int[] unboxedStart;
    /** Per uop, where the escape stub its {@code _JIT_ESCAPE} hole jumps to starts, or -1. */
    final int[] escapeStubStart;
    final int size;
    /** The uop {@code _JUMP_TO_TOP} jumps to ({@link Trace#loopStart}). */
    final int loopStart;

    private Layout(Trace trace, Plan[] stencils, boolean[] fused, int[] start,
        int[] exitStubStart, int[] linkStart, int[] unboxedStart, int[] escapeStubStart,
        int size) {
      this.trace = trace;
      this.loopStart = trace.loopStart();
      this.stencils = stencils;
      this.fused = fused;
      this.start = start;
      this.exitStubStart = exitStubStart;
      this.linkStart = linkStart;
      this.unboxedStart = unboxedStart;
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
        if (i > 0 && fused[i - 1]) {
          continue; // named with the superinstruction's first uop
        }
        parts.add(new MachineCode.Part(start[i], "uop " + i + ": "
            + RegionText.format(uops.get(i)) + (stencils[i] == null ? " (escape only)" : "")
            + (fused[i] ? " + uop " + (i + 1) + ": " + RegionText.format(uops.get(i + 1)) : "")));
      }
      for (int e = 0; e < exitStubStart.length; e++) {
        if (exitStubStart[e] < 0) {
          continue;
        }
        if (unboxedStart[e] >= 0) {
          parts.add(new MachineCode.Part(exitStubStart[e], "exit " + e + ": boxing"));
          parts.add(new MachineCode.Part(linkStart[e], "exit " + e));
          parts.add(new MachineCode.Part(unboxedStart[e], "exit " + e + ": unboxed"));
        } else {
          parts.add(new MachineCode.Part(exitStubStart[e], "exit " + e));
        }
      }
      for (int i = 0; i < escapeStubStart.length; i++) {
        if (escapeStubStart[i] >= 0) {
          parts.add(new MachineCode.Part(escapeStubStart[i], "escape stub of uop " + i));
        }
      }
      return parts;
    }
  }

  /**
   * Picks the code of every uop and the offsets. An exit that leaves raw doubles (decision 7)
   * gets {@code _EXIT_BOX_CHECK}, an {@code _EXIT_BOX_LOCAL} per raw local, an {@code
   * _EXIT_CLEAR_LOCAL} per dead raw local ({@link Exit#deadLocals()}), an {@code
   * _EXIT_BOX_SLOT} per raw slot and an {@code _EXIT_BOX_OUTER_SLOT} per raw slot of the frame
   * the exit's inlined call is in ({@link Exit#outerSlots()}), an {@code _EXIT_BOX_ATTR_SLOT}
   * per raw attribute slot ({@link Exit#attrSlots()}), its {@code _EXIT_STUB}, and a
   * second {@code _EXIT_STUB} the check jumps to when the float free list is short, whose code
   * says the doubles are still raw ({@link NativeRegion#UNBOXED}). So a bridge can be linked to
   * every exit: the boxing runs before the linked jump.
   */
  static Layout layout(Trace trace, Stencils library) {
    List<UopInstr> uops = trace.uops();
    int n = uops.size();
    Plan[] stencils = new Plan[n];
    for (int i = 0; i < n; i++) {
      stencils[i] = library.byUop[uops.get(i).uop().ordinal()];
    }
    // A local's attribute, read in one stencil: no uop enters the code between the two (the
    // loop's jump target is its _LOOP_HEAD; neither uop exits or escapes, so nothing resumes
    // at the second).
    boolean[] fused = new boolean[n];
    for (int i = 0; i + 2 < n; i++) {
      if (library.loadFastAttr != null && uops.get(i).uop() == Uop.LOAD_FAST
          && uops.get(i + 1).uop() == Uop.LOAD_ATTR_SLOT && i + 1 != trace.loopStart()
          && stencils[i] != null && stencils[i + 1] != null) {
        fused[i] = true;
        stencils[i] = library.loadFastAttr;
        i++;
      }
    }
    int escapeSize = library.escape.size;
    int[] start = new int[n + 1];
    int at = library.enter.size;
    for (int i = 0; i < n; i++) {
      start[i] = at;
      if (i > 0 && fused[i - 1]) {
        continue;
      }
      Plan s = stencils[i];
      int after = fused[i] ? i + 2 : i + 1;
      at += s == null ? escapeSize : after < n ? s.sizeWithoutTailJump : s.size;
    }
    start[n] = at;
    int exits = trace.exits().size();
    int[] exitStubStart = new int[exits];
    int[] linkStart = new int[exits];
    int[] unboxedStart = new int[exits];
    // Only exits native code can take get stubs: a _LOAD_ATTR_SLOT's is its raw form's, and an
    // escaping uop's runtime leaves by itself.
    boolean[] taken = new boolean[exits];
    for (int i = 0; i < n; i++) {
      if (stencils[i] != null && stencils[i].has(HoleKind.EXIT) && !(i > 0 && fused[i - 1])) {
        taken[uops.get(i).target()] = true;
      }
    }
    for (int e = 0; e < exits; e++) {
      Exit exit = trace.exits().get(e);
      unboxedStart[e] = -1;
      if (!taken[e]) {
        exitStubStart[e] = -1;
        linkStart[e] = -1;
        continue;
      }
      exitStubStart[e] = at;
      if (exit.boxesOnLeaving()) {
        at += library.boxCheck.sizeWithoutTailJump
            + exit.rawLocals().size() * library.boxLocal.sizeWithoutTailJump
            + exit.deadLocals().size() * library.clearLocal.sizeWithoutTailJump
            + exit.rawSlots().size() * library.boxSlot.sizeWithoutTailJump
            + exit.outerSlots().size() * library.boxOuterSlot.sizeWithoutTailJump
            + exit.attrSlots().size() * library.boxAttrSlot.sizeWithoutTailJump;
      }
      linkStart[e] = at;
      at += library.exit.size;
      if (exit.boxesOnLeaving()) {
        unboxedStart[e] = at;
        at += library.exit.size;
      }
    }
    int[] escapeStubStart = new int[n];
    for (int i = 0; i < n; i++) {
      escapeStubStart[i] = -1;
      if (stencils[i] != null && stencils[i].has(HoleKind.ESCAPE) && !(i > 0 && fused[i - 1])) {
        escapeStubStart[i] = at;
        at += escapeSize;
      }
    }
    return new Layout(trace, stencils, fused, start, exitStubStart, linkStart, unboxedStart,
        escapeStubStart, at);
  }

  /**
   * The values of {@code _JIT_CONST_<NAME>} holes, asked of the VM once per name: they never
   * change while it runs, and compiling asks for some in nearly every uop. And those of {@code
   * _JIT_HELPER_<NAME>} holes: the C math library's function of that name ({@link
   * MathLibrary}), the very function the runtime's math module calls, so that compiled and
   * interpreted code compute the same bits.
   */
  static final class ConstantHoles {
    private final RuntimeConstants constants;
    private final String[] symbols;
    private final long[] values;
    private final boolean[] known;

    ConstantHoles(RuntimeConstants constants, Stencils library) {
      this.constants = constants;
      this.symbols = library.constantSymbols;
      this.values = new long[symbols.length];
      this.known = new boolean[symbols.length];
    }

    long value(int id) {
      if (!known[id]) {
        String symbol = symbols[id];
        values[id] = symbol.startsWith(HoleKind.HELPER_PREFIX)
            ? MathLibrary.address(symbol.substring(HoleKind.HELPER_PREFIX.length()))
            : constants.runtimeConstant(symbol.substring(HoleKind.CONST_PREFIX.length()));
        known[id] = true;
      }
      return values[id];
    }

    boolean serves(RuntimeConstants c, Stencils library) {
      return c == constants && symbols == library.constantSymbols;
    }
  }

  private static final int CONTINUE = HoleKind.CONTINUE.ordinal();
  private static final int EXIT = HoleKind.EXIT.ordinal();
  private static final int ESCAPE = HoleKind.ESCAPE.ordinal();
  private static final int JUMP_TARGET = HoleKind.JUMP_TARGET.ordinal();
  private static final int OPARG = HoleKind.OPARG.ordinal();
  private static final int OPERAND = HoleKind.OPERAND.ordinal();
  private static final int KINDS = HoleKind.values().length;

  /**
   * The value each uop's {@code OPARG} holes get: its oparg, except for the uops that build and
   * enter an inlined callee's frame when the callee's code is known here (decision 12). The
   * callee is the function operand of {@code _INIT_CALL_PY_EXACT_ARGS} and {@code
   * _INIT_CALL_INIT}, whose code the guards before proved (a function's code never changes),
   * so its geometry is a constant: for a code without cell or free variables the init uop gets
   * it as a {@link PlainCall} immediate (the argument count, the locals to fill and the frame's
   * bytes); the
   * {@code _PUSH_FRAME} that enters the frame gets the offset of its stack. The stencils take
   * the generic path for the IR's own oparg.
   */
  static long[] nativeOpargs(List<UopInstr> uops, ConstantHoles constants) {
    long[] opargs = new long[uops.size()];
    long functionType = constants.constants.runtimeConstant(RuntimeConstants.FUNCTION_TYPE);
    long callee = 0;
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      opargs[i] = in.oparg();
      if (in.uop().initsFrame()) {
        long f = in.operand();
        callee = f != 0 && (f & 1) == 0 && Mem.getLong(f) == functionType
            ? Mem.getLong(f + Function.CODE) : 0;
        if (callee != 0 && plain(callee)) {
          int nlocalsplus = smallField(callee, Code.NLOCALSPLUS);
          long bytes = Frame.size(nlocalsplus, smallField(callee, Code.STACKSIZE));
          if (PlainCall.fits(in.oparg(), nlocalsplus, bytes)) {
            opargs[i] = PlainCall.pack(in.oparg(), nlocalsplus, bytes);
          }
        }
      } else if (in.uop() == Uop.PUSH_FRAME && callee != 0) {
        opargs[i] = Frame.LOCALSPLUS + 8L * smallField(callee, Code.NLOCALSPLUS);
        callee = 0;
      }
    }
    return opargs;
  }

  /** Whether a code object has no cell and no free variables. */
  private static boolean plain(long code) {
    return Header.slots(Mem.getLong(
            Mem.getLong(code + Code.CELLVARS) + Header.META)) == 0
        && Header.slots(Mem.getLong(
            Mem.getLong(code + Code.FREEVARS) + Header.META)) == 0;
  }

  private static int smallField(long obj, long offset) {
    return (int) Tag.intValue(Mem.getLong(obj + offset));
  }

  /**
   * Copies and patches the code for the given address into {@code code[0, layout.size)}, every
   * byte of which it writes (so the buffer may be reused).
   *
   * @throws CompileException {@code bad-hole} for a hole the emitter cannot fill
   */
  static void emit(Layout layout, long base, int token, Stencils library,
      ConstantHoles constants, byte[] code) throws CompileException {
    List<UopInstr> uops = layout.trace.uops();
    int n = uops.size();
    int[] start = layout.start;
    long[] values = new long[KINDS];
    if (library.enter.kinds != 0) {
      throw new IllegalStateException("the entry trampoline has no holes: "
          + library.enter.stencil.holes().get(0));
    }
    library.enter.copyTo(code, 0, base, false, values, null);
    long[] opargs = nativeOpargs(uops, constants);
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      int next = i + 1;
      Plan s = layout.stencils[i];
      int copied;
      if (i > 0 && layout.fused[i - 1]) {
        copied = 0; // performed by the superinstruction before it
      } else if (s == null) {
        copied = copyEscapeStub(library.escape, code, start[i], base, token, i, values);
      } else {
        int after = layout.fused[i] ? i + 2 : next;
        check(s, in, after < n);
        values[OPARG] = opargs[i];
        // A superinstruction's operand is its second uop's (its oparg, the first's).
        values[OPERAND] = layout.fused[i] ? uops.get(next).operand() : in.operand();
        values[CONTINUE] = base + start[after];
        values[EXIT] = s.has(HoleKind.EXIT) ? base + layout.exitStubStart[in.target()] : 0;
        values[ESCAPE] = base + layout.escapeStubStart[i];
        values[JUMP_TARGET] = base + start[layout.loopStart];
        copied = s.copyTo(code, start[i], base + start[i], after < n, values, constants);
        if (layout.escapeStubStart[i] >= 0) {
          copyEscapeStub(library.escape, code, layout.escapeStubStart[i], base, token, i, values);
        }
      }
      if (start[i] + copied != start[next]) {
        throw new IllegalStateException("layout mismatch at uop " + i);
      }
    }
    Plan stub = library.exit;
    List<Exit> exits = layout.trace.exits();
    for (int e = 0; e < exits.size(); e++) {
      Exit exit = exits.get(e);
      if (layout.linkStart[e] < 0) {
        continue;
      }
      if (exit.boxesOnLeaving()) {
        emitBoxing(layout, e, exit, base, library, constants, values, code);
      }
      java.util.Arrays.fill(values, ((long) exit.bytecodeIndex() << 32) | exit.stackDepth());
      values[OPARG] = NativeRegion.exitCode(token, e);
      stub.copyTo(code, layout.linkStart[e], base + layout.linkStart[e], false, values, null);
      if (exit.boxesOnLeaving()) {
        values[OPARG] = NativeRegion.exitCode(token, e) | NativeRegion.UNBOXED;
        stub.copyTo(code, layout.unboxedStart[e], base + layout.unboxedStart[e], false, values,
            null);
      }
    }
  }

  /** The boxing stubs of exit e, from its start to its {@code _EXIT_STUB} (see {@link #layout}). */
  private static void emitBoxing(Layout layout, int e, Exit exit, long base, Stencils library,
      ConstantHoles constants, long[] values, byte[] code) {
    int at = layout.exitStubStart[e];
    java.util.Arrays.fill(values, 0);
    values[OPARG] =
        exit.rawLocals().size() + exit.rawSlots().size() + exit.outerSlots().size()
            + exit.attrSlots().size();
    values[EXIT] = base + layout.unboxedStart[e];
    values[CONTINUE] = base + at + library.boxCheck.sizeWithoutTailJump;
    at += library.boxCheck.copyTo(code, at, base + at, true, values, constants);
    for (int local : exit.rawLocals()) {
      values[OPARG] = local;
      values[OPERAND] = exit.outerFrame();
      values[CONTINUE] = base + at + library.boxLocal.sizeWithoutTailJump;
      at += library.boxLocal.copyTo(code, at, base + at, true, values, constants);
    }
    for (int local : exit.deadLocals()) {
      values[OPARG] = local;
      values[OPERAND] = exit.outerFrame();
      values[CONTINUE] = base + at + library.clearLocal.sizeWithoutTailJump;
      at += library.clearLocal.copyTo(code, at, base + at, true, values, constants);
    }
    for (int below : exit.outerSlots()) {
      values[OPARG] = below;
      values[OPERAND] = exit.outerFrame();
      values[CONTINUE] = base + at + library.boxOuterSlot.sizeWithoutTailJump;
      at += library.boxOuterSlot.copyTo(code, at, base + at, true, values, constants);
    }
    values[OPERAND] = 0;
    for (int slot : exit.rawSlots()) {
      values[OPARG] = exit.stackDepth() - slot;
      values[CONTINUE] = base + at + library.boxSlot.sizeWithoutTailJump;
      at += library.boxSlot.copyTo(code, at, base + at, true, values, constants);
    }
    for (Exit.AttrSlot a : exit.attrSlots()) {
      values[OPARG] = ((long) a.local() << 16) | (exit.stackDepth() - a.slot());
      values[OPERAND] = a.slotWord();
      values[CONTINUE] = base + at + library.boxAttrSlot.sizeWithoutTailJump;
      at += library.boxAttrSlot.copyTo(code, at, base + at, true, values, constants);
    }
    if (at != layout.linkStart[e]) {
      throw new IllegalStateException("layout mismatch in the boxing of exit " + e);
    }
  }

  private static int copyEscapeStub(Plan escape, byte[] code, int at, long base, int token,
      int uop, long[] values) {
    java.util.Arrays.fill(values, NativeRegion.escapeCode(token, uop));
    return escape.copyTo(code, at, base + at, false, values, null);
  }

  private static final int CONTINUE_BIT = 1 << CONTINUE;
  private static final int EXIT_BIT = 1 << EXIT;
  private static final int JUMP_TARGET_BIT = 1 << JUMP_TARGET;

  private static void check(Plan s, UopInstr in, boolean hasNext) throws CompileException {
    int k = s.kinds;
    boolean ok = (hasNext || (k & CONTINUE_BIT) == 0)
        && (in.target() >= 0 || (k & EXIT_BIT) == 0)
        && (in.uop() == Uop.JUMP_TO_TOP || (k & JUMP_TARGET_BIT) == 0);
    if (ok) {
      return;
    }
    for (Hole hole : s.stencil.holes()) {
      boolean fits = switch (hole.kind()) {
        case CONTINUE -> hasNext;
        case EXIT -> in.target() >= 0;
        case JUMP_TARGET -> in.uop() == Uop.JUMP_TO_TOP;
        default -> true;
      };
      if (!fits) {
        throw new CompileException("bad-hole",
            s.stencil.name() + ": cannot fill " + hole.symbol() + " for " + in);
      }
    }
  }
}
