package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.objects.SetType;
import org.stitchjit.runtime.heap.Collector;
import org.stitchjit.runtime.vm.BuiltinImpl;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.Runtime;
import org.stitchjit.runtime.vm.Shapes;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * The generic object protocols: calls, attributes, operators, truth, hashing, iteration and
 * subscripts, in CPython's order of precedence. A class's Python-level special methods come
 * first; a built-in kind's Java behaviour ({@link TypeOps}) comes next; then CPython's
 * TypeError. The interpreter calls these on its slow paths; built-ins reach them through
 * {@link Runtime}.
 */
public final class Protocols implements Runtime {
  final VM vm;
  final Interpreter interp;
  final Exceptions exceptions;
  final Classes classes;
  final Generators generators;
  Importer importer;
  private final TypeOps noOps = new TypeOps() {};
  private final long[] binaryNames = new long[13];
  private final long[] reflectedNames = new long[13];
  private final long[] inplaceNames = new long[13];
  private final long[] compareNames = new long[6];
  final long sInit;
  final long sCall;
  final long sRepr;
  final long sStr;
  final long sHash;
  final long sEq;
  final long sNe;
  final long sBool;
  final long sLen;
  final long sIter;
  final long sNext;
  final long sGetitem;
  final long sSetitem;
  final long sDelitem;
  final long sContains;
  final long sEnter;
  final long sExit;
  final long sIndex;
  final long sNeg;
  final long sPos;
  final long sInvert;
  final long sFormat;
  final long sGetattr;
  final long sClass;
  final long sName;
  final long sQualname;
  final long sModule;
  final long sDict;
  final long sDoc;
  final long sMissing;

  /** Set by {@link #send}: whether the receiver returned (true) or yielded (false). */
  boolean lastSendReturned;

  public Protocols(VM vm) {
    this.vm = vm;
    for (int k = 0; k < vm.kindOps.length; k++) {
      if (vm.kindOps[k] == null) {
        vm.kindOps[k] = noOps;
      }
    }
    for (int i = 0; i < 13; i++) {
      String stem = BinaryOp.dunderStem(i);
      binaryNames[i] = vm.intern("__" + stem + "__");
      reflectedNames[i] = vm.intern("__r" + stem + "__");
      inplaceNames[i] = vm.intern("__i" + stem + "__");
    }
    for (int i = 0; i < 6; i++) {
      compareNames[i] = vm.intern(CompareOp.dunder(i));
    }
    sInit = vm.intern("__init__");
    sCall = vm.intern("__call__");
    sRepr = vm.intern("__repr__");
    sStr = vm.intern("__str__");
    sHash = vm.intern("__hash__");
    sEq = vm.intern("__eq__");
    sNe = vm.intern("__ne__");
    sBool = vm.intern("__bool__");
    sLen = vm.intern("__len__");
    sIter = vm.intern("__iter__");
    sNext = vm.intern("__next__");
    sGetitem = vm.intern("__getitem__");
    sSetitem = vm.intern("__setitem__");
    sDelitem = vm.intern("__delitem__");
    sContains = vm.intern("__contains__");
    sEnter = vm.intern("__enter__");
    sExit = vm.intern("__exit__");
    sIndex = vm.intern("__index__");
    sNeg = vm.intern("__neg__");
    sPos = vm.intern("__pos__");
    sInvert = vm.intern("__invert__");
    sFormat = vm.intern("__format__");
    sGetattr = vm.intern("__getattr__");
    sClass = vm.intern("__class__");
    sName = vm.intern("__name__");
    sQualname = vm.intern("__qualname__");
    sModule = vm.intern("__module__");
    sDict = vm.intern("__dict__");
    sDoc = vm.intern("__doc__");
    sMissing = vm.intern("__missing__");
    vm.setKindOps(Kind.METHOD, new TypeOps() {
      @Override
      public long richCompare(VM vm, long a, long b, int op) {
        if ((op != CompareOp.EQ && op != CompareOp.NE) || vm.kindOf(b) != Kind.METHOD) {
          return vm.notImplemented;
        }
        boolean same = Mem.getLong(a + Layout.Method.SELF) == Mem.getLong(b + Layout.Method.SELF)
            && Mem.getLong(a + Layout.Method.FUNC) == Mem.getLong(b + Layout.Method.FUNC);
        return vm.bool(same == (op == CompareOp.EQ));
      }

      @Override
      public long hash(VM vm, long self) {
        return identityHash(Mem.getLong(self + Layout.Method.SELF))
            ^ identityHash(Mem.getLong(self + Layout.Method.FUNC));
      }
    });
    vm.setKindOps(Kind.BUILTIN, new TypeOps() {
      @Override
      public long richCompare(VM vm, long a, long b, int op) {
        if ((op != CompareOp.EQ && op != CompareOp.NE) || vm.kindOf(b) != Kind.BUILTIN) {
          return vm.notImplemented;
        }
        boolean same = a == b
            || (Mem.getLong(a + Layout.Builtin.SELF) == Mem.getLong(b + Layout.Builtin.SELF)
                && Mem.getLong(a + Layout.Builtin.ID) == Mem.getLong(b + Layout.Builtin.ID));
        return vm.bool(same == (op == CompareOp.EQ));
      }

      @Override
      public long hash(VM vm, long self) {
        return identityHash(Mem.getLong(self + Layout.Builtin.SELF))
            ^ Mem.getLong(self + Layout.Builtin.ID);
      }
    });
    this.interp = new Interpreter(vm, this);
    this.exceptions = new Exceptions(vm, this);
    this.classes = new Classes(vm, this);
    this.generators = new Generators(vm, this);
    vm.rt = this;
  }

  /** Installs the runtime's protocols, interpreter and type-system built-ins on a VM. */
  public static Protocols create(VM vm) {
    Protocols p = new Protocols(vm);
    p.classes.installTypeChecks();
    Formatting.install(p);
    p.importer = new Importer(vm, p);
    return p;
  }

  public Importer importer() {
    return importer;
  }

  /**
   * Attaches a JIT: the interpreter starts counting hot loops and functions and enters
   * compiled code. Dumps go to files in dumpDir, or to the VM's stderr when it is null.
   */
  public org.stitchjit.runtime.jit.JitDriver attachJit(org.stitchjit.api.jit.Jit jit,
      java.nio.file.Path dumpDir) {
    org.stitchjit.runtime.jit.JitDriver d = new org.stitchjit.runtime.jit.JitDriver(
        jit, vm, new InterpreterUops(this), vm.err, dumpDir);
    interp.attach(d);
    return d;
  }

  /** A text-library error as the guest exception it stands for. */
  public PyException toGuest(org.stitchjit.runtime.text.FormatError e) {
    long type = switch (e.pyType()) {
      case "TypeError" -> vm.typeError;
      case "OverflowError" -> vm.overflowError;
      case "KeyError" -> vm.keyError;
      case "IndexError" -> vm.indexError;
      case "ZeroDivisionError" -> vm.zeroDivisionError;
      default -> vm.valueError;
    };
    return vm.raise(type, e.getMessage());
  }

  public Interpreter interpreter() {
    return interp;
  }

  public Exceptions exceptions() {
    return exceptions;
  }

  // ================================================================ type lookup
  // A global type-attribute cache, like CPython's method cache: (type, type version, name)
  // -> result of the MRO walk (NULL included). Types are immortal and Classes gives a class
  // and its subclasses a fresh VERSION on any class attribute change, so a hit is exact; the
  // built-in types' dicts change only through VM.defineMethod/defineAttr, which bump
  // VM.typeDictEpoch and so flush the cache. Only immortal (interned) names are cached, so a
  // key's address is never reused. userSpecial results share the arrays with name | 2 as key.
  private static final int TCACHE_SIZE = 4096;
  private final long[] tcType = new long[TCACHE_SIZE];
  private final long[] tcVersion = new long[TCACHE_SIZE];
  private final long[] tcName = new long[TCACHE_SIZE];
  private final long[] tcValue = new long[TCACHE_SIZE];
  private int tcEpoch;

  private static int tcIndex(long type, long key) {
    long h = (type >>> 3) * 0x9E3779B97F4A7C15L + (key >>> 1);
    return (int) (h ^ (h >>> 29)) & (TCACHE_SIZE - 1);
  }

  private boolean tcCacheable(long name) {
    if ((Mem.getLong(name + org.stitchjit.api.layout.Header.META)
        & org.stitchjit.api.layout.Header.IMMORTAL) == 0) {
      return false;
    }
    if (tcEpoch != vm.typeDictEpoch) {
      java.util.Arrays.fill(tcType, 0);
      tcEpoch = vm.typeDictEpoch;
    }
    return true;
  }

  // (shape, interned key) -> slot index or -1, sparing the walk up the shape's parent chain on
  // generic attribute paths (megamorphic sites). Shapes and interned strs are immortal and a
  // shape's keys never change, so entries never go stale.
  private final long[] scShape = new long[TCACHE_SIZE];
  private final long[] scKey = new long[TCACHE_SIZE];
  private final int[] scIndex = new int[TCACHE_SIZE];

  int shapeIndex(long shape, long key) {
    int h = tcIndex(shape, key);
    if (scShape[h] == shape && scKey[h] == key) {
      return scIndex[h];
    }
    int i = Shapes.indexOf(shape, key);
    if ((Mem.getLong(key + org.stitchjit.api.layout.Header.META)
        & org.stitchjit.api.layout.Header.IMMORTAL) != 0) {
      scShape[h] = shape;
      scKey[h] = key;
      scIndex[h] = i;
    }
    return i;
  }

  // Classes.isSpecialName by name address (it decodes the str): immortal names only.
  private final long[] spName = new long[1024];
  private final boolean[] spValue = new boolean[1024];

  boolean isSpecialNameCached(long name) {
    int h = (int) (name >>> 3) & 1023;
    if (spName[h] == name) {
      return spValue[h];
    }
    boolean r = classes.isSpecialName(name);
    if ((Mem.getLong(name + org.stitchjit.api.layout.Header.META)
        & org.stitchjit.api.layout.Header.IMMORTAL) != 0) {
      spName[h] = name;
      spValue[h] = r;
    }
    return r;
  }

  /** name in type's MRO, or NULL. */
  long lookupType(long type, long name) {
    long version = Mem.getLong(type + Layout.Type.VERSION);
    int h = tcIndex(type, name);
    if (tcType[h] == type && tcName[h] == name && tcVersion[h] == version
        && tcEpoch == vm.typeDictEpoch) {
      return tcValue[h];
    }
    long v = lookupTypeUncached(type, name);
    if (tcCacheable(name)) {
      tcType[h] = type;
      tcName[h] = name;
      tcVersion[h] = version;
      tcValue[h] = v;
    }
    return v;
  }

  private long lookupTypeUncached(long type, long name) {
    long mro = Mem.getLong(type + Layout.Type.MRO);
    int n = VM.tupleLen(mro);
    for (int i = 0; i < n; i++) {
      long t = VM.tupleGet(mro, i);
      long v = Dicts.getItemStr(vm, Mem.getLong(t + Layout.Type.DICT), name);
      if (v != 0) {
        return v;
      }
    }
    return 0;
  }

  /**
   * A special method defined in Python by a class (a heap type) in type's MRO before the first
   * built-in type, or NULL: then the built-in kind's Java behaviour applies.
   */
  long userSpecial(long type, long name) {
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) == 0) {
      return 0;
    }
    long version = Mem.getLong(type + Layout.Type.VERSION);
    long key = name | 2;
    int h = tcIndex(type, key);
    if (tcType[h] == type && tcName[h] == key && tcVersion[h] == version
        && tcEpoch == vm.typeDictEpoch) {
      return tcValue[h];
    }
    long v = userSpecialUncached(type, name);
    if (tcCacheable(name)) {
      tcType[h] = type;
      tcName[h] = key;
      tcVersion[h] = version;
      tcValue[h] = v;
    }
    return v;
  }

  private long userSpecialUncached(long type, long name) {
    long mro = Mem.getLong(type + Layout.Type.MRO);
    int n = VM.tupleLen(mro);
    for (int i = 0; i < n; i++) {
      long t = VM.tupleGet(mro, i);
      if ((VM.typeFlags(t) & TypeFlags.HEAPTYPE) == 0) {
        return 0;
      }
      long v = Dicts.getItemStr(vm, Mem.getLong(t + Layout.Type.DICT), name);
      if (v != 0) {
        return v;
      }
    }
    return 0;
  }

  TypeOps ops(long v) {
    return vm.kindOps[vm.kindOf(v)];
  }

  /** Calls a special method found on the type with self prepended. */
  long callSpecial(long method, long self, long... args) {
    long[] all = new long[args.length + 1];
    all[0] = self;
    System.arraycopy(args, 0, all, 1, args.length);
    return callDescriptor(method, self, all);
  }

  private long callDescriptor(long method, long self, long[] allArgs) {
    long t = vm.typeOf(method);
    if (t == vm.staticmethodType) {
      long[] rest = new long[allArgs.length - 1];
      System.arraycopy(allArgs, 1, rest, 0, rest.length);
      return call(Mem.getLong(method + Layout.Wrapper.FUNC), rest);
    }
    if (t == vm.classmethodType) {
      allArgs[0] = vm.typeOf(self);
      return call(Mem.getLong(method + Layout.Wrapper.FUNC), allArgs);
    }
    return call(method, allArgs);
  }

  // ================================================================ calls
  @Override
  public long call(long callable, long[] args) {
    long mark = vm.handleMark();
    try {
      long base = vm.handleMark();
      for (long a : args) {
        vm.pushHandle(a);
      }
      return callWords(callable, base, args.length, 0);
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long callWords(long callable, long args, int nargs, long kwnames) {
    if ((callable & 1) != 0) {
      throw notCallable(callable);
    }
    long type = Mem.getLong(callable);
    if (type == vm.functionType) {
      return callFunction(callable, args, nargs, kwnames);
    }
    if (type == vm.builtinType) {
      long self = Mem.getLong(callable + Layout.Builtin.SELF);
      BuiltinImpl impl = vm.builtinImpl(callable);
      if (self == 0) {
        return impl.call(args, nargs, kwnames);
      }
      return callWithSelf(impl, 0, self, args, nargs, kwnames);
    }
    if (type == vm.methodType) {
      long self = Mem.getLong(callable + Layout.Method.SELF);
      long func = Mem.getLong(callable + Layout.Method.FUNC);
      return callWithSelf(null, func, self, args, nargs, kwnames);
    }
    int kind = VM.typeKind(type);
    if (kind == Kind.TYPE) {
      return classes.callType(callable, args, nargs, kwnames);
    }
    long call = lookupType(type, sCall);
    if (call != 0 && type != vm.staticmethodType && type != vm.classmethodType) {
      return callWithSelf(null, call, callable, args, nargs, kwnames);
    }
    if (type == vm.staticmethodType) {
      return callWords(Mem.getLong(callable + Layout.Wrapper.FUNC), args, nargs, kwnames);
    }
    throw notCallable(callable);
  }

  private PyException notCallable(long v) {
    return vm.typeError("'" + vm.typeNameOf(v) + "' object is not callable");
  }

  /** Calls impl or func with self followed by the words at args. */
  long callWithSelf(BuiltinImpl impl, long func, long self, long args, int nargs, long kwnames) {
    long mark = vm.handleMark();
    try {
      long base = vm.pushHandle(self);
      for (int i = 0; i < nargs; i++) {
        vm.pushHandle(Mem.getLong(args + 8L * i));
      }
      if (impl != null) {
        return impl.call(base, nargs + 1, kwnames);
      }
      return callWords(func, base, nargs + 1, kwnames);
    } finally {
      vm.popHandles(mark);
    }
  }

  /**
   * For the interpreter's in-loop construction of plain instances: the __init__ function of a
   * class called with nargs positional arguments when the call can be done as "allocate, then
   * run __init__ in a pushed frame" exactly as Classes.callType would (a heap class of kind
   * OBJECT whose metaclass is type, not abstract, object's __new__, and a Python __init__
   * taking exactly self plus nargs positional arguments with CodeInfo.simpleArgs); else NULL.
   * All lookups hit the type-attribute cache in the steady state.
   */
  long simpleInitFor(long type, int nargs) {
    int flags = VM.typeFlags(type);
    if ((flags & TypeFlags.HEAPTYPE) == 0 || (flags & TypeFlags.ABSTRACT) != 0
        || VM.typeKind(type) != Kind.OBJECT
        || lookupType(type, classes.sNewName()) != lookupType(vm.objectType, classes.sNewName())) {
      return 0;
    }
    long init = lookupType(type, sInit);
    if (init == 0 || (init & 1) != 0 || Mem.getLong(init) != vm.functionType) {
      return 0;
    }
    CodeInfo ci = CodeInfo.of(vm, Mem.getLong(init + Layout.Function.CODE));
    return ci.simpleArgs && ci.argcount == nargs + 1 ? init : 0;
  }

  /** A fresh instance of a plain class (kind OBJECT), for every way of calling the class. */
  long newPlainInstance(long type) {
    long nslots = Mem.getLong(type + Layout.Type.INSTANCE_SLOTS) >> 1;
    long obj = vm.alloc(type, nslots, 0);
    long off = Mem.getLong(type + Layout.Type.ATTR_OFFSET) >> 1;
    Mem.putLong(obj + off + Layout.Attrs.SHAPE, Mem.getLong(type + Layout.Type.ROOT_SHAPE));
    // Start with room for every attribute instances of this class have needed, so the
    // specialized attribute stores in __init__ (and a trace's) never have to grow the array.
    // Allocation does not collect (decision 1): the instance needs no handle meanwhile.
    long cap = Mem.getLong(type + Layout.Type.ATTR_CAPACITY) >> 1;
    if (cap > 0) {
      Mem.putLong(obj + off + Layout.Attrs.VALUES, vm.newValues((int) cap,
          (VM.typeFlags(type) & TypeFlags.RAW_FLOAT_ATTRS) != 0));
    }
    return obj;
  }

  /** Calls a Python function from Java: a nested run of the interpreter. */
  long callFunction(long func, long args, int nargs, long kwnames) {
    CodeInfo ci = CodeInfo.of(vm, Mem.getLong(func + Layout.Function.CODE));
    if (ci.isGenerator()) {
      return generators.create(func, ci, args, nargs, kwnames);
    }
    long frame = interp.pushFrame(ci, func, Mem.getLong(func + Layout.Function.GLOBALS), 0);
    try {
      bindArguments(frame, ci, func, args, nargs, kwnames);
    } catch (PyException e) {
      interp.popFrame(frame);
      throw e;
    }
    return interp.runEntry(frame);
  }

  /** Runs module or class-body code with the given namespaces. */
  public long runCode(CodeInfo ci, long globals, long locals, long closure) {
    long frame = interp.pushFrame(ci, 0, globals, locals);
    if (closure != 0) {
      int n = VM.tupleLen(closure);
      long base = frame + Layout.Frame.LOCALSPLUS + 8L * (ci.nlocals + ci.ncells);
      for (int i = 0; i < n; i++) {
        Mem.putLong(base + 8L * i, VM.tupleGet(closure, i));
      }
    }
    for (int i = 0; i < ci.ncells; i++) {
      long cell = vm.alloc(vm.cellType, Layout.Cell.NSLOTS, 0);
      Mem.putLong(frame + Layout.Frame.LOCALSPLUS + 8L * (ci.nlocals + i), cell);
    }
    return interp.runEntry(frame);
  }

  /**
   * Binds call arguments into a fresh frame's locals as CPython does (positional, keywords,
   * defaults, *args, **kwargs), then creates cells and copies the closure.
   */
  void bindArguments(long frame, CodeInfo ci, long func, long args, int nargs, long kwnames) {
    long locals = frame + Layout.Frame.LOCALSPLUS;
    int nkw = kwnames == 0 ? 0 : VM.tupleLen(kwnames);
    int npos = nargs - nkw;
    int argcount = ci.argcount;
    if (nkw == 0 && npos == argcount && !ci.hasVarargs() && ci.kwonlyargcount == 0
        && !ci.hasVarkw()) {
      // Word copies: Mem.copy's bounds checks and stub cost more than a few words.
      for (int i = 0; i < npos; i++) {
        Mem.putLong(locals + 8L * i, Mem.getLong(args + 8L * i));
      }
    } else {
      bindSlow(locals, ci, func, args, npos, kwnames, nkw);
    }
    if (ci.ncells > 0) {
      interp.makeCells(frame, ci);
    }
    if (ci.nfree > 0) {
      long closure = Mem.getLong(func + Layout.Function.CLOSURE);
      for (int i = 0; i < ci.nfree; i++) {
        Mem.putLong(locals + 8L * (ci.nlocals + ci.ncells + i), VM.tupleGet(closure, i));
      }
    }
  }

  private void bindSlow(long locals, CodeInfo ci, long func, long args, int npos, long kwnames,
      int nkw) {
    int argcount = ci.argcount;
    String fname = ci.qualname;
    int nbound = Math.min(npos, argcount);
    for (int i = 0; i < nbound; i++) {
      Mem.putLong(locals + 8L * i, Mem.getLong(args + 8L * i));
    }
    int varargsSlot = ci.totalArgs;
    int varkwSlot = ci.totalArgs + (ci.hasVarargs() ? 1 : 0);
    if (ci.hasVarargs()) {
      Mem.putLong(locals + 8L * varargsSlot,
          vm.tupleFromWords(args + 8L * nbound, Math.max(0, npos - argcount)));
    } else if (npos > argcount) {
      throw tooManyPositional(ci, func, npos, nkw);
    }
    long kwdict = 0;
    if (ci.hasVarkw()) {
      kwdict = vm.newDict();
      Mem.putLong(locals + 8L * varkwSlot, kwdict);
    }
    for (int k = 0; k < nkw; k++) {
      long name = VM.tupleGet(kwnames, k);
      long value = Mem.getLong(args + 8L * (npos + k));
      int slot = -1;
      for (int i = ci.posonlyargcount; i < ci.totalArgs; i++) {
        long vn = ci.varnames[i];
        if (vn == name || Strs.equal(vn, name)) {
          slot = i;
          break;
        }
      }
      if (slot < 0) {
        if (kwdict == 0) {
          for (int i = 0; i < ci.posonlyargcount; i++) {
            if (Strs.equal(ci.varnames[i], name)) {
              throw vm.typeError(fname + "() got some positional-only arguments passed as "
                  + "keyword arguments: '" + vm.str(name) + "'");
            }
          }
          throw vm.typeError(fname + "() got an unexpected keyword argument '" + vm.str(name)
              + "'");
        }
        Dicts.setItem(vm, kwdict, name, value);
        continue;
      }
      if (Mem.getLong(locals + 8L * slot) != 0) {
        throw vm.typeError(fname + "() got multiple values for argument '" + vm.str(name) + "'");
      }
      Mem.putLong(locals + 8L * slot, value);
    }
    long defaults = Mem.getLong(func + Layout.Function.DEFAULTS);
    int ndefaults = defaults == 0 ? 0 : VM.tupleLen(defaults);
    java.util.List<String> missing = null;
    for (int i = 0; i < argcount; i++) {
      if (Mem.getLong(locals + 8L * i) != 0) {
        continue;
      }
      int d = i - (argcount - ndefaults);
      if (d >= 0) {
        Mem.putLong(locals + 8L * i, VM.tupleGet(defaults, d));
      } else {
        if (missing == null) {
          missing = new java.util.ArrayList<>();
        }
        missing.add(ci.varnameStrings[i]);
      }
    }
    if (missing != null) {
      throw missingArgs(fname, missing, "positional");
    }
    long kwdefaults = Mem.getLong(func + Layout.Function.KWDEFAULTS);
    for (int i = argcount; i < ci.totalArgs; i++) {
      if (Mem.getLong(locals + 8L * i) != 0) {
        continue;
      }
      long dv = kwdefaults == 0 ? 0 : Dicts.getItemStr(vm, kwdefaults, ci.varnames[i]);
      if (dv != 0) {
        Mem.putLong(locals + 8L * i, dv);
      } else {
        if (missing == null) {
          missing = new java.util.ArrayList<>();
        }
        missing.add(ci.varnameStrings[i]);
      }
    }
    if (missing != null) {
      throw missingArgs(fname, missing, "keyword-only");
    }
  }

  private PyException tooManyPositional(CodeInfo ci, long func, int given, int nkw) {
    long defaults = Mem.getLong(func + Layout.Function.DEFAULTS);
    int ndefaults = defaults == 0 ? 0 : VM.tupleLen(defaults);
    String takes;
    if (ndefaults > 0) {
      takes = "from " + (ci.argcount - ndefaults) + " to " + ci.argcount;
    } else {
      takes = String.valueOf(ci.argcount);
    }
    String plural = (ndefaults == 0 && ci.argcount == 1) ? "" : "s";
    String kwPart = "";
    if (nkw > 0) {
      kwPart = " positional argument" + (given == 1 ? "" : "s") + " (and " + nkw
          + " keyword-only argument" + (nkw == 1 ? "" : "s") + ")";
    }
    String was = given == 1 ? "was" : "were";
    if (!kwPart.isEmpty()) {
      return vm.typeError(ci.qualname + "() takes " + takes + " positional argument" + plural
          + " but " + given + kwPart + " were given");
    }
    return vm.typeError(ci.qualname + "() takes " + takes + " positional argument" + plural
        + " but " + given + " " + was + " given");
  }

  private PyException missingArgs(String fname, java.util.List<String> names, String what) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      if (i > 0) {
        sb.append(names.size() == 2 ? " and " : (i == names.size() - 1 ? ", and " : ", "));
      }
      sb.append('\'').append(names.get(i)).append('\'');
    }
    return vm.typeError(fname + "() missing " + names.size() + " required " + what
        + " argument" + (names.size() == 1 ? "" : "s") + ": " + sb);
  }

  @Override
  public long callMethod(long obj, String name, long[] args) {
    long m = getAttr(obj, vm.intern(name));
    return call(m, args);
  }

  // ================================================================ attributes
  /** Offset of the (shape, values) pair in instances of type, or 0. */
  static long attrOffset(long type) {
    return intValue(Mem.getLong(type + Layout.Type.ATTR_OFFSET));
  }

  /** An instance attribute, or NULL. */
  long instanceAttr(long obj, long type, long name) {
    long off = attrOffset(type);
    if (off == 0) {
      return 0;
    }
    long shape = Mem.getLong(obj + off + Layout.Attrs.SHAPE);
    if (shape == 0) {
      return 0;
    }
    int i = shapeIndex(shape, internKey(name));
    if (i < 0) {
      return 0;
    }
    return vm.attrValue(Mem.getLong(obj + off + Layout.Attrs.VALUES), i);
  }

  /** Attribute names in shapes are interned strs. */
  long internKey(long name) {
    if ((Mem.getLong(name + org.stitchjit.api.layout.Header.META)
        & org.stitchjit.api.layout.Header.IMMORTAL) != 0) {
      return name;
    }
    return vm.intern(vm.str(name));
  }

  boolean isDataDescriptor(long v) {
    return (v & 1) == 0 && Mem.getLong(v) == vm.propertyType;
  }

  @Override
  public long getAttr(long obj, long name) {
    long v = lookupAttr(obj, name);
    if (v == 0) {
      throw attributeError(obj, name);
    }
    return v;
  }

  PyException attributeError(long obj, long name) {
    String n = vm.str(name);
    if (vm.isType(obj)) {
      return vm.raise(vm.attributeError,
          "type object '" + vm.typeName(obj) + "' has no attribute '" + n + "'");
    }
    if (vm.kindOf(obj) == Kind.MODULE) {
      return vm.raise(vm.attributeError, "module '"
          + vm.str(Mem.getLong(obj + Layout.Module.NAME)) + "' has no attribute '" + n + "'");
    }
    return vm.raise(vm.attributeError,
        "'" + vm.typeNameOf(obj) + "' object has no attribute '" + n + "'");
  }

  @Override
  public long lookupAttr(long obj, long name) {
    long type = vm.typeOf(obj);
    int kind = VM.typeKind(type);
    if (kind == Kind.MODULE) {
      long v = Dicts.getItemStr(vm, Mem.getLong(obj + Layout.Module.DICT), name);
      if (v != 0) {
        return v;
      }
      return classes.specialAttr(obj, type, name);
    }
    if (kind == Kind.TYPE) {
      return classes.typeAttr(obj, name);
    }
    if (type == vm.superType) {
      return classes.superAttr(obj, name);
    }
    long descr = lookupType(type, name);
    if (descr != 0 && isDataDescriptor(descr)) {
      return callProperty(descr, obj);
    }
    long v = instanceAttr(obj, type, name);
    if (v != 0) {
      return v;
    }
    if (descr != 0) {
      return bind(descr, obj, type);
    }
    v = classes.specialAttr(obj, type, name);
    if (v != 0) {
      return v;
    }
    long getattr = userSpecial(type, sGetattr);
    if (getattr != 0) {
      try {
        return callSpecial(getattr, obj, name);
      } catch (PyException e) {
        if (vm.isInstance(e.exc, vm.attributeError)) {
          return 0;
        }
        throw e;
      }
    }
    return 0;
  }

  long callProperty(long prop, long obj) {
    long fget = Mem.getLong(prop + Layout.Wrapper.FUNC);
    if (fget == 0 || fget == vm.none) {
      throw vm.raise(vm.attributeError, "property object has no getter");
    }
    return call(fget, new long[] {obj});
  }

  /** Binds a class attribute found for an instance (functions become bound methods). */
  long bind(long descr, long obj, long type) {
    if ((descr & 1) != 0) {
      return descr;
    }
    long t = Mem.getLong(descr);
    if (t == vm.functionType) {
      return newMethod(obj, descr);
    }
    if (t == vm.builtinType) {
      if (Mem.getLong(descr + Layout.Builtin.SELF) != 0) {
        return descr;
      }
      long b = vm.alloc(vm.builtinType, Layout.Builtin.NSLOTS, 0);
      Mem.putLong(b + Layout.Builtin.NAME, Mem.getLong(descr + Layout.Builtin.NAME));
      Mem.putLong(b + Layout.Builtin.ID, Mem.getLong(descr + Layout.Builtin.ID));
      Mem.putLong(b + Layout.Builtin.SELF, obj);
      return b;
    }
    if (t == vm.staticmethodType) {
      return Mem.getLong(descr + Layout.Wrapper.FUNC);
    }
    if (t == vm.classmethodType) {
      return newMethod(type, Mem.getLong(descr + Layout.Wrapper.FUNC));
    }
    return descr;
  }

  long newMethod(long self, long func) {
    long m = vm.alloc(vm.methodType, Layout.Method.NSLOTS, 0);
    Mem.putLong(m + Layout.Method.SELF, self);
    Mem.putLong(m + Layout.Method.FUNC, func);
    return m;
  }

  @Override
  public void setAttr(long obj, long name, long value) {
    long type = vm.typeOf(obj);
    int kind = VM.typeKind(type);
    if (kind == Kind.TYPE) {
      classes.setTypeAttr(obj, name, value);
      return;
    }
    if (kind == Kind.MODULE) {
      Dicts.setItemStr(vm, Mem.getLong(obj + Layout.Module.DICT), name, value);
      return;
    }
    long descr = lookupType(type, name);
    if (descr != 0 && isDataDescriptor(descr)) {
      long fset = Mem.getLong(descr + Layout.Wrapper.FSET);
      if (fset == 0 || fset == vm.none) {
        throw vm.raise(vm.attributeError, "property '" + vm.str(name) + "' of '"
            + vm.typeName(type) + "' object has no setter");
      }
      call(fset, new long[] {obj, value});
      return;
    }
    if (classes.setSpecialAttr(obj, type, name, value)) {
      return;
    }
    long off = attrOffset(type);
    if (off == 0 || !classes.slotsAllow(type, name)) {
      throw vm.raise(vm.attributeError,
          "'" + vm.typeName(type) + "' object has no attribute '" + vm.str(name) + "'");
    }
    storeInstanceAttr(obj, off, internKey(name), value);
  }

  /** Stores an instance attribute, moving the instance to a child shape if it is new. */
  int storeInstanceAttr(long obj, long off, long key, long value) {
    long attrs = obj + off;
    long shape = Mem.getLong(attrs + Layout.Attrs.SHAPE);
    int i = shapeIndex(shape, key);
    long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
    if (i >= 0) {
      Mem.putLong(values + Layout.Array.ITEMS + 8L * i, value);
      return i;
    }
    long child = vm.shapes.child(shape, key);
    int index = Shapes.count(child) - 1;
    int cap = values == 0 ? 0 : VM.slotCount(values);
    if (index >= cap) {
      int newCap = Math.max(4, cap * 2);
      long type = Mem.getLong(obj);
      if (newCap > intValue(Mem.getLong(type + Layout.Type.ATTR_CAPACITY))
          && (VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
        Mem.putLong(type + Layout.Type.ATTR_CAPACITY, fromInt(newCap));
      }
      boolean hadRaw = cap > 0 && VM.hasRawWords(values);
      long fresh = vm.newValues(newCap,
          hadRaw || (VM.typeFlags(type) & TypeFlags.RAW_FLOAT_ATTRS) != 0);
      if (cap > 0) {
        Mem.copy(values + Layout.Array.ITEMS, fresh + Layout.Array.ITEMS, 8L * cap);
      }
      if (hadRaw) {
        // Raw float attributes (NULL slots) keep their bits.
        Mem.copy(values + Layout.Array.rawItem(cap, 0), fresh + Layout.Array.rawItem(newCap, 0),
            Layout.Array.valuesRawBytes(cap));
      }
      Mem.putLong(attrs + Layout.Attrs.VALUES, fresh);
      values = fresh;
    }
    Mem.putLong(values + Layout.Array.ITEMS + 8L * index, value);
    Mem.putLong(attrs + Layout.Attrs.SHAPE, child);
    return index;
  }

  @Override
  public void delAttr(long obj, long name) {
    long type = vm.typeOf(obj);
    if (VM.typeKind(type) == Kind.TYPE) {
      classes.delTypeAttr(obj, name);
      return;
    }
    long descr = lookupType(type, name);
    if (descr != 0 && isDataDescriptor(descr)) {
      long fdel = Mem.getLong(descr + Layout.Wrapper.FDEL);
      if (fdel == 0 || fdel == vm.none) {
        throw vm.raise(vm.attributeError, "property '" + vm.str(name) + "' of '"
            + vm.typeName(type) + "' object has no deleter");
      }
      call(fdel, new long[] {obj});
      return;
    }
    long off = attrOffset(type);
    long key = internKey(name);
    if (off == 0 || shapeIndex(Mem.getLong(obj + off), key) < 0) {
      throw attributeError(obj, name);
    }
    // Rebuild the instance on a shape without the key.
    long shape = Mem.getLong(obj + off + Layout.Attrs.SHAPE);
    long[] keys = Shapes.keys(shape);
    long values = Mem.getLong(obj + off + Layout.Attrs.VALUES);
    long[] vals = new long[keys.length];
    for (int i = 0; i < keys.length; i++) {
      vals[i] = vm.attrValue(values, i);
    }
    Mem.putLong(obj + off + Layout.Attrs.SHAPE, Shapes.root(shape));
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != key) {
        storeInstanceAttr(obj, off, keys[i], vals[i]);
      }
    }
  }

  /** LOAD_ATTR's generic path: look up, then cache instance attributes and module globals. */
  long loadAttrAndSpecialize(long obj, long name, long bc, int here) {
    long v = getAttr(obj, name);
    if ((obj & 1) != 0 || !Interpreter.readyToSpecialize(bc, here)) {
      return v;
    }
    long c = bc + 8L * (here + 1);
    long[] cache = moduleLoadCache(obj, name);
    if (cache != null) {
      Mem.putLong(c, cache[0]);
      Mem.putLong(c + 8, cache[1]);
      Mem.putLong(c + 16, cache[2]);
      Interpreter.rewrite(bc, here, Opcode.LOAD_ATTR_MODULE, Opcode.opargOf(Mem.getLong(bc + 8L * here)));
      interp.specializations++;
      return v;
    }
    cache = instanceLoadCache(obj, name);
    if (cache != null) {
      Mem.putLong(c, cache[0]);
      Mem.putLong(c + 8, cache[1]);
      Mem.putLong(c + 16, cache[2]);
      Interpreter.rewrite(bc, here, Opcode.LOAD_ATTR_INSTANCE,
          Opcode.opargOf(Mem.getLong(bc + 8L * here)));
      interp.specializations++;
      return v;
    }
    Mem.putLong(c - 8 + 8, 0);
    Mem.putLong(bc + 8L * (here + 1), Interpreter.BACKOFF);
    return v;
  }

  /**
   * LOAD_ATTR_MODULE's cache for loading name from obj (the module, its dict's keys version, the
   * entry's index), or null when obj is no module or has no such global. Shared by the
   * interpreter's specialization and the trace recorder's, as instanceLoadCache is.
   */
  long[] moduleLoadCache(long obj, long name) {
    if ((obj & 1) != 0 || VM.typeKind(Mem.getLong(obj)) != Kind.MODULE) {
      return null;
    }
    long dict = Mem.getLong(obj + Layout.Module.DICT);
    int ix = Dicts.lookupStr(vm, dict, name);
    return ix < 0 ? null : new long[] {obj, Dicts.keysVersion(dict), ix};
  }

  /**
   * LOAD_ATTR_INSTANCE's cache for loading name from obj (type, shape, slot word: value index
   * high, attrs offset low), or null when the load is not of a value in the instance's own
   * attributes that nothing on the class can override (a data descriptor, __getattr__) or when
   * obj is no plain instance. The interpreter's specialization and the trace recorder, which
   * specializes generic sites on the receiver it sees, decide alike.
   */
  long[] instanceLoadCache(long obj, long name) {
    if ((obj & 1) != 0) {
      return null;
    }
    long type = Mem.getLong(obj);
    long off = attrOffset(type);
    if (off == 0 || VM.typeKind(type) == Kind.TYPE
        || (VM.typeFlags(type) & TypeFlags.HEAPTYPE) == 0 || userSpecial(type, sGetattr) != 0) {
      return null;
    }
    long descr = lookupType(type, name);
    long shape = Mem.getLong(obj + off + Layout.Attrs.SHAPE);
    int i = shape == 0 ? -1 : shapeIndex(shape, internKey(name));
    if (i < 0 || (descr != 0 && isDataDescriptor(descr))) {
      return null;
    }
    return new long[] {type, shape, ((long) i << 32) | off};
  }

  /** Whether storing name on obj is a plain instance attribute store (STORE_ATTR_INSTANCE). */
  private boolean plainInstanceStore(long obj, long type, long off, long name) {
    if (off == 0 || VM.typeKind(type) == Kind.TYPE
        || (VM.typeFlags(type) & TypeFlags.HEAPTYPE) == 0) {
      return false;
    }
    long descr = lookupType(type, name);
    return !(descr != 0 && isDataDescriptor(descr)) && !isSpecialNameCached(name)
        && classes.slotsAllow(type, name);
  }

  /**
   * STORE_ATTR_INSTANCE's cache for storing name on obj, as storeAttrAndSpecialize would
   * write it after the store (type, shape before, shape after or 0 when unchanged, slot word),
   * computed without storing; null when the store is not a plain instance store, or adds an
   * attribute the instance's values array has no room for (the specialized store would leave
   * at once). Only the trace recorder asks: it reads the receiver before the store runs.
   */
  long[] instanceStoreCache(long obj, long name) {
    if ((obj & 1) != 0) {
      return null;
    }
    long type = Mem.getLong(obj);
    long off = attrOffset(type);
    int kind = VM.typeKind(type);
    // Functions and exceptions keep some attributes elsewhere (setSpecialAttr).
    if (kind == Kind.FUNCTION || kind == Kind.EXCEPTION || !plainInstanceStore(obj, type, off,
        name)) {
      return null;
    }
    long attrs = obj + off;
    long shape = Mem.getLong(attrs + Layout.Attrs.SHAPE);
    if (shape == 0) {
      return null;
    }
    long key = internKey(name);
    int i = shapeIndex(shape, key);
    if (i >= 0) {
      return new long[] {type, shape, 0, ((long) i << 32) | off};
    }
    // The same transition the store is about to take (shapes are immortal and shared).
    long child = vm.shapes.child(shape, key);
    int index = Shapes.count(child) - 1;
    long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
    if (values == 0 || VM.slotCount(values) <= index) {
      return null;
    }
    return new long[] {type, shape, child, ((long) index << 32) | off};
  }

  /**
   * LOAD_METHOD_CLASS's (or, for a small int, LOAD_METHOD_BUILTIN's) cache for loading method
   * name of obj (type, type version, shape or 0, method), or null when the attribute is no
   * plain function of the class that nothing shadows, or the instance has no shape yet.
   */
  long[] methodCache(long obj, long name) {
    long type = vm.typeOf(obj);
    long method = plainMethod(obj, type, name);
    if (method == 0) {
      return null;
    }
    long off = (obj & 1) == 0 ? attrOffset(type) : 0;
    long shape = off != 0 ? Mem.getLong(obj + off + Layout.Attrs.SHAPE) : 0;
    if (off != 0 && shape == 0) {
      return null;
    }
    return new long[] {type, Mem.getLong(type + Layout.Type.VERSION), shape, method};
  }

  /**
   * LOAD_METHOD_TYPE's cache for loading name of cls (its type version, the function), or null
   * unless cls is a class of the program (metaclass {@code type}; the built-in types all share
   * version 1, so a version names none of them) on which name is a plain function, or a static
   * method's function: what {@code cls.name} gives for as long as the version stands.
   */
  long[] classFunctionCache(long cls, long name) {
    if ((cls & 1) != 0 || vm.typeOf(cls) != vm.typeType) {
      return null;
    }
    long version = Mem.getLong(cls + Layout.Type.VERSION);
    if (version == Tag.fromInt(1)) {
      return null;
    }
    long f = lookupType(cls, name);
    if (f != 0 && (f & 1) == 0 && Mem.getLong(f) == vm.staticmethodType) {
      f = Mem.getLong(f + Layout.Wrapper.FUNC);
    }
    if (f == 0 || (f & 1) != 0 || Mem.getLong(f) != vm.functionType) {
      return null;
    }
    return new long[] {version, f, 0, 0}; // LOAD_METHOD's four cache words
  }

  /**
   * The function or unbound built-in that obj.name calls without a bound method (LOAD_METHOD
   * pushes it with obj as self), or 0 when obj.name is anything else.
   */
  private long plainMethod(long obj, long type, long name) {
    int kind = VM.typeKind(type);
    if (kind == Kind.TYPE || kind == Kind.MODULE || type == vm.superType) {
      return 0;
    }
    long descr = lookupType(type, name);
    if (descr == 0 || (descr & 1) != 0) {
      return 0;
    }
    long dt = Mem.getLong(descr);
    boolean isFunc = dt == vm.functionType
        || (dt == vm.builtinType && Mem.getLong(descr + Layout.Builtin.SELF) == 0);
    return isFunc && instanceAttr(obj, type, name) == 0 ? descr : 0;
  }

  /** STORE_ATTR's generic path, caching stores to instance attributes by shape. */
  void storeAttrAndSpecialize(long obj, long name, long value, long bc, int here) {
    long type = vm.typeOf(obj);
    long off = (obj & 1) == 0 ? attrOffset(type) : 0;
    if (!plainInstanceStore(obj, type, off, name)) {
      setAttr(obj, name, value);
      return;
    }
    long oldShape = Mem.getLong(obj + off + Layout.Attrs.SHAPE);
    int index = storeInstanceAttr(obj, off, internKey(name), value);
    long newShape = Mem.getLong(obj + off + Layout.Attrs.SHAPE);
    if (!Interpreter.readyToSpecialize(bc, here)) {
      return;
    }
    long c = bc + 8L * (here + 1);
    Mem.putLong(c, type);
    Mem.putLong(c + 8, oldShape);
    Mem.putLong(c + 16, newShape == oldShape ? 0 : newShape);
    Mem.putLong(c + 24, ((long) index << 32) | off);
    Interpreter.rewrite(bc, here, Opcode.STORE_ATTR_INSTANCE,
        Opcode.opargOf(Mem.getLong(bc + 8L * here)));
    interp.specializations++;
  }

  /**
   * LOAD_METHOD: replaces the object at slot with (method, self) when the attribute is a plain
   * function or built-in method on the type, else (NULL, attribute).
   */
  void loadMethod(long slot, long name) {
    long obj = Mem.getLong(slot);
    long descr = plainMethod(obj, vm.typeOf(obj), name);
    if (descr != 0) {
      Mem.putLong(slot, descr);
      Mem.putLong(slot + 8, obj);
      return;
    }
    long attr = getAttr(obj, name);
    Mem.putLong(slot, 0);
    Mem.putLong(slot + 8, attr);
  }

  void loadMethodAndSpecialize(long slot, long name, long bc, int here) {
    long obj = Mem.getLong(slot);
    loadMethod(slot, name);
    if (!Interpreter.readyToSpecialize(bc, here)) {
      return;
    }
    long c = bc + 8L * (here + 1);
    // (method, self): a method of the receiver's class; (NULL, attribute): anything else, of
    // which a class's own function is what LOAD_METHOD_TYPE caches.
    boolean ofClass = Mem.getLong(slot) == 0;
    long[] cache = ofClass ? classFunctionCache(obj, name) : methodCache(obj, name);
    if (cache == null) {
      Mem.putLong(c, Interpreter.BACKOFF);
      return;
    }
    for (int n = 0; n < 4; n++) {
      Mem.putLong(c + 8L * n, cache[n]);
    }
    int oparg = Opcode.opargOf(Mem.getLong(bc + 8L * here));
    // Objects guard on their type word (and shape, when they have attributes); small ints have
    // no type word, so they take the form that guards through typeOf.
    Interpreter.rewrite(bc, here, ofClass ? Opcode.LOAD_METHOD_TYPE
        : (obj & 1) == 0 ? Opcode.LOAD_METHOD_CLASS : Opcode.LOAD_METHOD_BUILTIN, oparg);
    interp.specializations++;
  }

  // ================================================================ operators
  @Override
  public long binaryOp(int op, long a, long b) {
    if (BinaryOp.isInplace(op)) {
      long ta = vm.typeOf(a);
      long im = userSpecial(ta, inplaceNames[BinaryOp.base(op)]);
      if (im != 0) {
        long r = callSpecial(im, a, b);
        if (r != vm.notImplemented) {
          return r;
        }
      } else {
        long r = ops(a).binaryOp(vm, op, a, b);
        if (r != vm.notImplemented) {
          return r;
        }
      }
      return binary(BinaryOp.base(op), a, b, op);
    }
    return binary(op, a, b, op);
  }

  private long binary(int op, long a, long b, int reportOp) {
    long ta = vm.typeOf(a);
    long tb = vm.typeOf(b);
    long la = userSpecial(ta, binaryNames[op]);
    long rb = ta == tb ? 0 : userSpecial(tb, reflectedNames[op]);
    boolean heapA = (VM.typeFlags(ta) & TypeFlags.HEAPTYPE) != 0;
    boolean heapB = (VM.typeFlags(tb) & TypeFlags.HEAPTYPE) != 0;
    if (!heapA && !heapB) {
      long r = vm.kindOps[VM.typeKind(ta)].binaryOp(vm, op, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
      if (VM.typeKind(tb) != VM.typeKind(ta)) {
        r = vm.kindOps[VM.typeKind(tb)].binaryOp(vm, op, a, b);
        if (r != vm.notImplemented) {
          return r;
        }
      }
      throw unsupported(reportOp, a, b);
    }
    // A subclass's reflected method goes first when it overrides the operation.
    if (rb != 0 && ta != tb && VM.isSubtype(tb, ta)) {
      long r = callSpecial(rb, b, a);
      if (r != vm.notImplemented) {
        return r;
      }
      rb = 0;
    }
    if (la != 0) {
      long r = callSpecial(la, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
    } else {
      long r = vm.kindOps[VM.typeKind(ta)].binaryOp(vm, op, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    if (rb != 0) {
      long r = callSpecial(rb, b, a);
      if (r != vm.notImplemented) {
        return r;
      }
    } else if (ta != tb) {
      long r = vm.kindOps[VM.typeKind(tb)].binaryOp(vm, op, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    throw unsupported(reportOp, a, b);
  }

  private PyException unsupported(int op, long a, long b) {
    String sym = BinaryOp.symbol(op);
    if (BinaryOp.base(op) == BinaryOp.POWER && !BinaryOp.isInplace(op)) {
      sym = "** or pow()";
    }
    return vm.typeError("unsupported operand type(s) for " + sym + ": '" + vm.typeNameOf(a)
        + "' and '" + vm.typeNameOf(b) + "'");
  }

  @Override
  public long richCompare(long a, long b, int op) {
    long ta = vm.typeOf(a);
    long tb = vm.typeOf(b);
    boolean heapA = (VM.typeFlags(ta) & TypeFlags.HEAPTYPE) != 0;
    boolean heapB = (VM.typeFlags(tb) & TypeFlags.HEAPTYPE) != 0;
    int swapped = CompareOp.swapped(op);
    if (!heapA && !heapB) {
      long r = vm.kindOps[VM.typeKind(ta)].richCompare(vm, a, b, op);
      if (r != vm.notImplemented) {
        return r;
      }
      if (VM.typeKind(ta) != VM.typeKind(tb)) {
        r = vm.kindOps[VM.typeKind(tb)].richCompare(vm, b, a, swapped);
        if (r != vm.notImplemented) {
          return r;
        }
      }
      return compareFallback(a, b, op);
    }
    boolean reflectedFirst = ta != tb && VM.isSubtype(tb, ta);
    if (reflectedFirst) {
      long r = compareOne(tb, b, a, swapped);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    long r = compareOne(ta, a, b, op);
    if (r != vm.notImplemented) {
      return r;
    }
    if (!reflectedFirst) {
      r = compareOne(tb, b, a, swapped);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    return compareFallback(a, b, op);
  }

  private long compareOne(long type, long self, long other, int op) {
    long m = userSpecial(type, compareNames[op]);
    if (m != 0) {
      return callSpecial(m, self, other);
    }
    if (op == CompareOp.NE) {
      long eq = userSpecial(type, sEq);
      if (eq != 0) {
        long r = callSpecial(eq, self, other);
        if (r == vm.notImplemented) {
          return r;
        }
        return vm.bool(!isTrue(r));
      }
    }
    return vm.kindOps[VM.typeKind(type)].richCompare(vm, self, other, op);
  }

  private long compareFallback(long a, long b, int op) {
    if (op == CompareOp.EQ) {
      return vm.bool(a == b);
    }
    if (op == CompareOp.NE) {
      return vm.bool(a != b);
    }
    throw vm.typeError("'" + CompareOp.symbol(op) + "' not supported between instances of '"
        + vm.typeNameOf(a) + "' and '" + vm.typeNameOf(b) + "'");
  }

  @Override
  public boolean compare(long a, long b, int op) {
    if ((a & b & 1) != 0) {
      return CompareOp.test(op, Long.compare(a, b));
    }
    long r = richCompare(a, b, op);
    return r == vm.trueObj || (r != vm.falseObj && isTrue(r));
  }

  @Override
  public boolean eq(long a, long b) {
    if (a == b) {
      return true;
    }
    if ((a & b & 1) != 0) {
      return false;
    }
    return compare(a, b, CompareOp.EQ);
  }

  long unaryOp(Opcode op, long v) {
    long type = vm.typeOf(v);
    long name = op == Opcode.UNARY_NEGATIVE ? sNeg : op == Opcode.UNARY_POSITIVE ? sPos : sInvert;
    long m = userSpecial(type, name);
    if (m != 0) {
      return callSpecial(m, v);
    }
    long r = ops(v).unaryOp(vm, op, v);
    if (r != 0) {
      return r;
    }
    String sym = op == Opcode.UNARY_NEGATIVE ? "-" : op == Opcode.UNARY_POSITIVE ? "+" : "~";
    throw vm.typeError("bad operand type for unary " + sym + ": '" + vm.typeNameOf(v) + "'");
  }

  // ================================================================ truth, hash, repr
  @Override
  public boolean isTrue(long v) {
    if (v == vm.trueObj) {
      return true;
    }
    if (v == vm.falseObj || v == vm.none) {
      return false;
    }
    if ((v & 1) != 0) {
      return v != Tag.fromInt(0);
    }
    long type = Mem.getLong(v);
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = userSpecial(type, sBool);
      if (m != 0) {
        long r = callSpecial(m, v);
        if (r != vm.trueObj && r != vm.falseObj) {
          throw vm.typeError("__bool__ should return bool, returned " + vm.typeNameOf(r));
        }
        return r == vm.trueObj;
      }
      m = userSpecial(type, sLen);
      if (m != 0) {
        return len(v) != 0;
      }
    }
    TypeOps o = vm.kindOps[VM.typeKind(type)];
    int t = o.isTrue(vm, v);
    if (t >= 0) {
      return t != 0;
    }
    long n = o.len(vm, v);
    return n != 0;
  }

  @Override
  public long hash(long v) {
    if ((v & 1) != 0) {
      long n = v >> 1;
      return hashSmallInt(n);
    }
    long type = Mem.getLong(v);
    if (type == vm.strType) {
      return Strs.hash(v);
    }
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = userSpecial(type, sHash);
      if (m != 0) {
        if (m == vm.none) {
          throw unhashable(v);
        }
        long r = callSpecial(m, v);
        if (!vm.isInt(r)) {
          throw vm.typeError("__hash__ method should return an integer");
        }
        return vm.fitsLong(r) ? vm.toLong(r) : vm.toBig(r).hashCode();
      }
      if (userSpecial(type, sEq) != 0) {
        throw unhashable(v);
      }
    }
    long h = vm.kindOps[VM.typeKind(type)].hash(vm, v);
    if (h != Long.MIN_VALUE) {
      return h;
    }
    int kind = VM.typeKind(type);
    if (kind == Kind.LIST || kind == Kind.DICT || kind == Kind.SET) {
      throw unhashable(v);
    }
    return identityHash(v);
  }

  static long hashSmallInt(long n) {
    long p = (1L << 61) - 1;
    long h = n >= 0 ? n % p : -((-n) % p);
    return h == -1 ? -2 : h;
  }

  static long identityHash(long v) {
    return (v >>> 4) | (v << 60) & Long.MAX_VALUE;
  }

  private PyException unhashable(long v) {
    return vm.typeError("unhashable type: '" + vm.typeNameOf(v) + "'");
  }

  @Override
  public long repr(long v) {
    long type = vm.typeOf(v);
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = userSpecial(type, sRepr);
      if (m != 0) {
        return checkStr(callSpecial(m, v), "__repr__");
      }
    }
    long r = vm.kindOps[VM.typeKind(type)].repr(vm, v);
    if (r != 0) {
      return r;
    }
    return classes.defaultRepr(v, type);
  }

  @Override
  public long str(long v) {
    long type = vm.typeOf(v);
    if (type == vm.strType) {
      return v;
    }
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = userSpecial(type, sStr);
      if (m != 0) {
        return checkStr(callSpecial(m, v), "__str__");
      }
      m = userSpecial(type, sRepr);
      if (m != 0) {
        return checkStr(callSpecial(m, v), "__repr__");
      }
    }
    long r = vm.kindOps[VM.typeKind(type)].str(vm, v);
    if (r != 0) {
      return r;
    }
    return repr(v);
  }

  private long checkStr(long r, String what) {
    if (!vm.isStr(r)) {
      throw vm.typeError(what + " returned non-string (type " + vm.typeNameOf(r) + ")");
    }
    return r;
  }

  @Override
  public long index(long v) {
    long m = userSpecial(vm.typeOf(v), sIndex);
    if (m != 0) {
      long r = callSpecial(m, v);
      if (!vm.isInt(r)) {
        throw vm.typeError("__index__ returned non-int (type " + vm.typeNameOf(r) + ")");
      }
      return vm.toLong(r);
    }
    throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
  }

  // ================================================================ containers
  @Override
  public long len(long v) {
    long type = vm.typeOf(v);
    long m = userSpecial(type, sLen);
    if (m != 0) {
      long r = callSpecial(m, v);
      if (!vm.isInt(r)) {
        throw vm.typeError("'" + vm.typeNameOf(r) + "' object cannot be interpreted as an integer");
      }
      long n = vm.toLong(r);
      if (n < 0) {
        throw vm.valueError("__len__() should return >= 0");
      }
      return n;
    }
    long n = vm.kindOps[VM.typeKind(type)].len(vm, v);
    if (n < 0) {
      throw vm.typeError("object of type '" + vm.typeName(type) + "' has no len()");
    }
    return n;
  }

  @Override
  public long getItem(long container, long key) {
    long type = vm.typeOf(container);
    long m = userSpecial(type, sGetitem);
    if (m != 0) {
      return callSpecial(m, container, key);
    }
    long r = vm.kindOps[VM.typeKind(type)].getItem(vm, container, key);
    if (r != 0) {
      return r;
    }
    if (VM.typeKind(type) == Kind.TYPE) {
      return classes.classGetItem(container, key);
    }
    throw vm.typeError("'" + vm.typeName(type) + "' object is not subscriptable");
  }

  @Override
  public void setItem(long container, long key, long value) {
    long type = vm.typeOf(container);
    long m = userSpecial(type, sSetitem);
    if (m != 0) {
      callSpecial(m, container, key, value);
      return;
    }
    if (!vm.kindOps[VM.typeKind(type)].setItem(vm, container, key, value)) {
      throw vm.typeError("'" + vm.typeName(type) + "' object does not support item assignment");
    }
  }

  @Override
  public void delItem(long container, long key) {
    long type = vm.typeOf(container);
    long m = userSpecial(type, sDelitem);
    if (m != 0) {
      callSpecial(m, container, key);
      return;
    }
    if (!vm.kindOps[VM.typeKind(type)].delItem(vm, container, key)) {
      throw vm.typeError("'" + vm.typeName(type) + "' object doesn't support item deletion");
    }
  }

  @Override
  public boolean contains(long container, long key) {
    long type = vm.typeOf(container);
    long m = userSpecial(type, sContains);
    if (m != 0) {
      return isTrue(callSpecial(m, container, key));
    }
    int r = vm.kindOps[VM.typeKind(type)].contains(vm, container, key);
    if (r >= 0) {
      return r != 0;
    }
    long it;
    try {
      it = iter(container);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.typeError)) {
        throw vm.typeError("argument of type '" + vm.typeName(type) + "' is not iterable");
      }
      throw e;
    }
    long mark = vm.handleMark();
    vm.pushHandle(it);
    try {
      for (long v = next(it); v != 0; v = next(it)) {
        if (eq(v, key)) {
          return true;
        }
      }
      return false;
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long iter(long v) {
    long type = vm.typeOf(v);
    long m = userSpecial(type, sIter);
    if (m != 0) {
      long it = callSpecial(m, v);
      if (lookupType(vm.typeOf(it), sNext) == 0 && vm.kindOf(it) != Kind.ITERATOR
          && vm.kindOf(it) != Kind.GENERATOR && vm.kindOf(it) != Kind.DICT_ITERATOR
          && vm.kindOf(it) != Kind.SET_ITERATOR) {
        throw vm.typeError("iter() returned non-iterator of type '" + vm.typeNameOf(it) + "'");
      }
      return it;
    }
    int kind = VM.typeKind(type);
    if (kind == Kind.GENERATOR) {
      return v;
    }
    long it = vm.kindOps[kind].iter(vm, v);
    if (it != 0) {
      return it;
    }
    if (userSpecial(type, sGetitem) != 0) {
      long s = vm.alloc(vm.seqIteratorType, Layout.Iter.NSLOTS, 0);
      Mem.putLong(s + Layout.Iter.SEQ, v);
      Mem.putLong(s + Layout.Iter.INDEX, fromInt(0));
      return s;
    }
    if (kind == Kind.TYPE) {
      return classes.classIter(v);
    }
    throw vm.typeError("'" + vm.typeName(type) + "' object is not iterable");
  }

  @Override
  public long next(long it) {
    long type = vm.typeOf(it);
    int kind = VM.typeKind(type);
    if (kind == Kind.GENERATOR) {
      return generators.next(it);
    }
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) != 0) {
      long m = userSpecial(type, sNext);
      if (m != 0) {
        try {
          return callSpecial(m, it);
        } catch (PyException e) {
          if (vm.isInstance(e.exc, vm.stopIteration)) {
            Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
            return 0;
          }
          throw e;
        }
      }
    }
    if (type == vm.seqIteratorType) {
      long seq = Mem.getLong(it + Layout.Iter.SEQ);
      if (seq == 0) {
        return 0;
      }
      long i = Mem.getLong(it + Layout.Iter.INDEX);
      try {
        long v = getItem(seq, i);
        Mem.putLong(it + Layout.Iter.INDEX, fromInt(intValue(i) + 1));
        return v;
      } catch (PyException e) {
        if (vm.isInstance(e.exc, vm.indexError) || vm.isInstance(e.exc, vm.stopIteration)) {
          Mem.putLong(it + Layout.Iter.SEQ, 0);
          Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
          return 0;
        }
        throw e;
      }
    }
    TypeOps o = vm.kindOps[kind];
    if (kind == Kind.ITERATOR || kind == Kind.DICT_ITERATOR || kind == Kind.SET_ITERATOR) {
      return o.next(vm, it);
    }
    throw vm.typeError("'" + vm.typeName(type) + "' object is not an iterator");
  }

  // ================================================================ generators
  /** SEND: resumes receiver with value; sets {@link #lastSendReturned}. */
  long send(long receiver, long value) {
    if (vm.kindOf(receiver) == Kind.GENERATOR) {
      long r = generators.resume(receiver, value, null);
      lastSendReturned = !interp.yielded;
      return r;
    }
    long r;
    if (value == vm.none) {
      r = next(receiver);
      if (r == 0) {
        lastSendReturned = true;
        return vm.none;
      }
    } else {
      r = callMethod(receiver, "send", new long[] {value});
    }
    lastSendReturned = false;
    return r;
  }

  // ================================================================ misc helpers
  long newSlice(long start, long stop, long step) {
    long s = vm.alloc(vm.sliceType, Layout.Slice.NSLOTS, 0);
    Mem.putLong(s + Layout.Slice.START, start);
    Mem.putLong(s + Layout.Slice.STOP, stop);
    Mem.putLong(s + Layout.Slice.STEP, step);
    return s;
  }

  long buildSet(long items, int n) {
    long set = vm.kindOps[Kind.SET].construct(vm, vm.setType, 0, 0, 0);
    long mark = vm.handleMark();
    vm.pushHandle(set);
    try {
      for (int i = 0; i < n; i++) {
        SetType.addKey(vm, set, Mem.getLong(items + 8L * i));
      }
    } finally {
      vm.popHandles(mark);
    }
    return set;
  }

  /**
   * BUILD_MAP (oparg key/value pairs on the stack) or BUILD_CONST_KEY_MAP (oparg values, then
   * the keys tuple on top): replaces them with the new dict; returns the new stack top.
   */
  long buildMap(long sp, int oparg, boolean constKeys) {
    long d = vm.newDict();
    long base = constKeys ? sp - 8 - 8L * oparg : sp - 16L * oparg;
    long keys = constKeys ? Mem.getLong(sp - 8) : 0;
    long mark = vm.handleMark();
    vm.pushHandle(d);
    try {
      for (int i = 0; i < oparg; i++) {
        if (constKeys) {
          Dicts.setItem(vm, d, VM.tupleGet(keys, i), Mem.getLong(base + 8L * i));
        } else {
          Dicts.setItem(vm, d, Mem.getLong(base + 16L * i), Mem.getLong(base + 16L * i + 8));
        }
      }
    } finally {
      vm.popHandles(mark);
    }
    Mem.putLong(base, d);
    return base + 8;
  }

  long joinStrings(long items, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(vm.str(Mem.getLong(items + 8L * i)));
    }
    return vm.newStr(sb.toString());
  }

  long unpackSequence(long sp, int n) {
    long seq = Mem.getLong(sp - 8);
    long it;
    try {
      it = iter(seq);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.typeError) && userSpecial(vm.typeOf(seq), sIter) == 0) {
        throw vm.typeError("cannot unpack non-iterable " + vm.typeNameOf(seq) + " object");
      }
      throw e;
    }
    long mark = vm.handleMark();
    vm.pushHandle(it);
    try {
      long[] items = new long[n];
      for (int i = 0; i < n; i++) {
        long v = next(it);
        if (v == 0) {
          throw vm.valueError("not enough values to unpack (expected " + n + ", got " + i + ")");
        }
        items[i] = v;
        vm.pushHandle(v);
      }
      if (next(it) != 0) {
        long len = -1;
        int kind = vm.kindOf(seq);
        if (kind == Kind.LIST || kind == Kind.TUPLE || kind == Kind.STR || kind == Kind.DICT
            || kind == Kind.SET || kind == Kind.RANGE) {
          len = len(seq);
        }
        if (len >= 0) {
          throw vm.valueError("too many values to unpack (expected " + n + ")");
        }
        throw vm.valueError("too many values to unpack (expected " + n + ")");
      }
      long p = sp - 8;
      for (int i = n - 1; i >= 0; i--) {
        Mem.putLong(p, items[i]);
        p += 8;
      }
      return p;
    } finally {
      vm.popHandles(mark);
    }
  }

  void raiseVarargs(long sp, int oparg) {
    switch (oparg) {
      case 0: {
        long exc = Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC);
        if (exc == 0 || exc == vm.none) {
          throw vm.raise(vm.runtimeError, "No active exception to reraise");
        }
        throw vm.raiseObject(exc);
      }
      case 1:
        throw vm.raiseObject(exceptions.makeRaisable(Mem.getLong(sp - 8)));
      default: {
        long exc = exceptions.makeRaisable(Mem.getLong(sp - 16));
        long cause = Mem.getLong(sp - 8);
        if (cause == vm.none) {
          cause = 0;
        } else {
          cause = exceptions.makeCause(cause);
        }
        Mem.putLong(exc + Layout.Exc.CAUSE, cause);
        Mem.putLong(exc + Layout.Exc.SUPPRESS_CONTEXT, vm.trueObj);
        throw vm.raiseObject(exc);
      }
    }
  }

  /** The less frequent opcodes, out of the interpreter loop. Returns the new sp. */
  long slowOp(Opcode op, int oparg, long frame, CodeInfo ci, long sp) {
    return SlowOps.run(this, op, oparg, frame, ci, sp);
  }

  @Override
  public void enumerateExtraRoots(Collector collector) {
    // Everything the runtime keeps lives in frames, immortals or the handle stack.
  }
}
