package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;

import java.math.BigInteger;
import java.util.List;
import org.stitchjit.api.bytecode.CodeFlags;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.compiler.CodeUnit;
import org.stitchjit.runtime.vm.VM;

/**
 * The Java-side mirror of a native code object: what the interpreter needs in Java arrays for
 * speed (constants, names) and what only Java reads (line and exception tables). The native
 * code object holds the bytecode with its inline caches; both are immortal.
 */
public final class CodeInfo implements CodeView {
  public final long code;
  public final long bytecode;
  public final String name;
  public final String qualname;
  public final String filename;
  public final int argcount;
  public final int posonlyargcount;
  public final int kwonlyargcount;
  public final int flags;
  public final int nlocals;
  public final int ncells;
  public final int nfree;
  public final int nlocalsplus;
  public final int stacksize;
  public final int firstLine;
  public final int units;
  /** Per code unit, how often the instruction there missed its specialization (saturating). */
  final byte[] respecializations;
  /**
   * Per code unit, the polymorphic cache of an attribute load or store there that FastLoop's
   * one-entry cache keeps missing ({@code Interpreter.picSlot}); null until a site needs one.
   */
  long[][] attrPics;
  /** Per code unit, the polymorphic cache of a generic method load there, or null. */
  long[][] methodPics;
  public final long[] consts;
  public final long[] names;
  public final String[] nameStrings;
  public final long[] varnames;
  public final String[] varnameStrings;
  public final String[] cellStrings;
  public final String[] freeStrings;
  /** For each cell variable, the argument slot whose value it starts with, or -1. */
  public final int[] cellToArg;
  public final int[] lines;
  final int[] excStart;
  final int[] excEnd;
  final int[] excTarget;
  final int[] excDepth;
  final boolean[] excLasti;
  /** Number of positional-or-keyword plus keyword-only parameters (excluding * and **). */
  public final int totalArgs;
  /** The CodeUnit it was loaded from (kept for dumps). */
  public final CodeUnit unit;
  /** Frame size in bytes. */
  public final long frameBytes;
  /**
   * True when a call with exactly argcount positional arguments binds by copying them: no
   * *args/**kwargs or keyword-only parameters, and not a generator. The interpreter's call fast
   * path (Interpreter.pushSimple) handles exactly these, making the cells of those with cell
   * variables as it goes.
   */
  public final boolean simpleArgs;

  // ---------------------------------------------------------------- JIT state (driver-owned)
  /** Calls that entered this code through the interpreter's call path: the hot-function counter. */
  public int entries;
  /** Compiled code installed at this code's entry (a function-entry trace), or null. */
  public Object entryExecutor;
  /** The executors ENTER_EXECUTOR instructions in this code name by index. */
  public final java.util.ArrayList<Object> executors = new java.util.ArrayList<>();
  /**
   * Per instruction index, the region a native return to that instruction continues in (a
   * return site's bridge), or null; made on first use. Arrays, not a map keyed by code and
   * index: the driver looks here after every native return (queens: a million per iteration).
   */
  public Object[] returnSites;
  /** Per instruction index, the return site's hot counter; made on first use. */
  public long[] returnCounts;

  private CodeInfo(VM vm, CodeUnit u) {
    this.unit = u;
    name = u.name();
    qualname = u.qualname();
    filename = u.filename();
    argcount = u.argcount();
    posonlyargcount = u.posonlyargcount();
    kwonlyargcount = u.kwonlyargcount();
    flags = u.flags();
    nlocals = u.varnames().size();
    ncells = u.cellvars().size();
    nfree = u.freevars().size();
    nlocalsplus = nlocals + ncells + nfree;
    stacksize = u.stacksize() + 2;
    firstLine = u.firstLine();
    units = u.code().length;
    respecializations = new byte[units];
    lines = u.lines();
    totalArgs = argcount + kwonlyargcount;
    frameBytes = Layout.Frame.size(nlocalsplus, stacksize);
    simpleArgs = (flags & (CodeFlags.GENERATOR | CodeFlags.VARARGS | CodeFlags.VARKEYWORDS)) == 0
        && kwonlyargcount == 0;

    consts = new long[u.consts().size()];
    for (int i = 0; i < consts.length; i++) {
      consts[i] = constant(vm, u.consts().get(i));
    }
    names = internAll(vm, u.names());
    nameStrings = u.names().toArray(new String[0]);
    varnames = internAll(vm, u.varnames());
    varnameStrings = u.varnames().toArray(new String[0]);
    cellStrings = u.cellvars().toArray(new String[0]);
    freeStrings = u.freevars().toArray(new String[0]);
    int nargSlots = totalArgs + ((flags & CodeFlags.VARARGS) != 0 ? 1 : 0)
        + ((flags & CodeFlags.VARKEYWORDS) != 0 ? 1 : 0);
    cellToArg = new int[ncells];
    for (int i = 0; i < ncells; i++) {
      cellToArg[i] = -1;
      for (int a = 0; a < Math.min(nargSlots, nlocals); a++) {
        if (varnameStrings[a].equals(cellStrings[i])) {
          cellToArg[i] = a;
        }
      }
    }
    List<CodeUnit.ExceptionEntry> table = u.exceptionTable();
    int n = table.size();
    excStart = new int[n];
    excEnd = new int[n];
    excTarget = new int[n];
    excDepth = new int[n];
    excLasti = new boolean[n];
    for (int i = 0; i < n; i++) {
      CodeUnit.ExceptionEntry e = table.get(i);
      excStart[i] = e.start();
      excEnd[i] = e.end();
      excTarget[i] = e.target();
      excDepth[i] = e.depth();
      excLasti[i] = e.pushLasti();
    }

    code = vm.allocImmortal(vm.codeType, Layout.Code.NSLOTS, Layout.Code.rawBytes(units));
    Mem.putLong(code + Layout.Code.NAME, vm.intern(name));
    Mem.putLong(code + Layout.Code.QUALNAME, vm.intern(qualname));
    Mem.putLong(code + Layout.Code.FILENAME, vm.intern(filename));
    Mem.putLong(code + Layout.Code.CONSTS, immortalTuple(vm, consts));
    Mem.putLong(code + Layout.Code.NAMES, immortalTuple(vm, names));
    Mem.putLong(code + Layout.Code.VARNAMES, immortalTuple(vm, varnames));
    Mem.putLong(code + Layout.Code.CELLVARS, immortalTuple(vm, internAll(vm, u.cellvars())));
    Mem.putLong(code + Layout.Code.FREEVARS, immortalTuple(vm, internAll(vm, u.freevars())));
    Mem.putLong(code + Layout.Code.ARGCOUNT, fromInt(argcount));
    Mem.putLong(code + Layout.Code.POSONLYARGCOUNT, fromInt(posonlyargcount));
    Mem.putLong(code + Layout.Code.KWONLYARGCOUNT, fromInt(kwonlyargcount));
    Mem.putLong(code + Layout.Code.FLAGS, fromInt(flags));
    Mem.putLong(code + Layout.Code.NLOCALSPLUS, fromInt(nlocalsplus));
    Mem.putLong(code + Layout.Code.STACKSIZE, fromInt(stacksize));
    Mem.putLong(code + Layout.Code.FIRSTLINE, fromInt(firstLine));
    Mem.putLong(code + Layout.Code.CODE_UNITS, fromInt(units));
    bytecode = code + Layout.Code.BYTECODE;
    Mem.copyFromArray(u.code(), 0, bytecode, units);
    for (int i = 0; i < units; i++) {
      Mem.putLong(code + Layout.Code.resumeEntry(units, i), 0);
    }
    int id = vm.registerCodeMirror(this);
    Mem.putLong(code + Layout.Code.ID, fromInt(id));
  }

  /** Loads a compiled unit (and its nested code) into native code objects. */
  public static CodeInfo load(VM vm, CodeUnit unit) {
    return new CodeInfo(vm, unit);
  }

  /** The mirror of a native code object. */
  public static CodeInfo of(VM vm, long code) {
    return (CodeInfo) vm.codeMirror((int) (Mem.getLong(code + Layout.Code.ID) >> 1));
  }

  public boolean isGenerator() {
    return (flags & CodeFlags.GENERATOR) != 0;
  }

  public boolean hasVarargs() {
    return (flags & CodeFlags.VARARGS) != 0;
  }

  public boolean hasVarkw() {
    return (flags & CodeFlags.VARKEYWORDS) != 0;
  }

  /** Source line of the instruction at unit index ip. */
  public int lineAt(int ip) {
    if (ip < 0 || ip >= lines.length) {
      return firstLine;
    }
    return lines[ip];
  }

  /** Index of the exception-table entry covering ip, or -1. */
  int handlerFor(int ip) {
    for (int i = 0; i < excStart.length; i++) {
      if (ip >= excStart[i] && ip < excEnd[i]) {
        return i;
      }
    }
    return -1;
  }

  private static long[] internAll(VM vm, List<String> strings) {
    long[] out = new long[strings.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = vm.intern(strings.get(i));
    }
    return out;
  }

  private static long immortalTuple(VM vm, long[] items) {
    long t = vm.tuple(items);
    vm.makeImmortal(t);
    return t;
  }

  static long constant(VM vm, Object c) {
    long v;
    if (c == null) {
      return vm.none;
    } else if (c instanceof Boolean b) {
      return vm.bool(b);
    } else if (c instanceof Long l) {
      v = vm.newInt(l);
    } else if (c instanceof BigInteger b) {
      v = vm.newInt(b);
    } else if (c instanceof Double d) {
      v = vm.newFloat(d);
    } else if (c instanceof String s) {
      return vm.intern(s);
    } else if (c instanceof Node.EllipsisValue) {
      return vm.ellipsis;
    } else if (c instanceof CodeUnit.ConstTuple t) {
      long[] items = new long[t.items().size()];
      for (int i = 0; i < items.length; i++) {
        items[i] = constant(vm, t.items().get(i));
      }
      v = vm.tuple(items);
    } else if (c instanceof CodeUnit u) {
      return load(vm, u).code;
    } else {
      throw new IllegalArgumentException("unsupported constant " + c.getClass());
    }
    if ((v & 1) == 0) {
      vm.makeImmortal(v);
    }
    return v;
  }

  // ---------------------------------------------------------------- CodeView
  @Override
  public long id() {
    return code;
  }

  @Override
  public String qualifiedName() {
    return qualname;
  }

  @Override
  public String filename() {
    return filename;
  }

  @Override
  public int length() {
    return units;
  }

  @Override
  public Opcode opcode(int index) {
    return Opcode.of((int) Mem.getLong(bytecode + 8L * index) & 0xFF);
  }

  /**
   * Whether the compiler emitted a CALL at index. Safe at any index, unlike {@link #opcode}:
   * the compiler's cache units are 0 (a NOP), where the live ones may hold anything.
   */
  public boolean isCallAt(int index) {
    return index >= 0 && index < units
        && Opcode.of((int) unit.code()[index] & 0xFF).family() == Opcode.CALL;
  }

  @Override
  public int oparg(int index) {
    return (int) (Mem.getLong(bytecode + 8L * index) >> 32);
  }

  @Override
  public long cache(int index, int n) {
    return Mem.getLong(bytecode + 8L * (index + 1 + n));
  }

  @Override
  public int line(int index) {
    return lines[index];
  }

  @Override
  public int argCount() {
    return argcount;
  }

  @Override
  public int jumpTarget(int index) {
    // The compiler's unit: quickening keeps a jump's target, but ENTER_EXECUTOR replaces it.
    return Opcode.opargOf(unit.code()[index]);
  }

  @Override
  public int handlerAt(int index) {
    int h = handlerFor(index);
    return h < 0 ? -1 : excTarget[h];
  }
}
