package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Header.slot;
import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/**
 * Classes and the type system's built-ins: class statements, instantiation, attribute access
 * on classes and through super(), special attributes, default reprs, and the type, object,
 * super, staticmethod, classmethod and property built-ins.
 */
final class Classes {
  private final VM vm;
  private final Protocols p;
  private final Map<Long, List<Long>> subclasses = new HashMap<>();
  private final Map<Long, TreeSet<String>> abstractMethods = new HashMap<>();
  private long nextVersion = 2;
  private final long sNew;

  long sNewName() {
    return sNew;
  }
  private final long sClasscell;
  private final long sIsAbstract;

  Classes(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    sNew = vm.intern("__new__");
    sClasscell = vm.intern("__classcell__");
    sIsAbstract = vm.intern("__isabstractmethod__");
    install();
  }

  private void install() {
    vm.defineBuiltin("__build_class__", this::buildClass);
    vm.defineBuiltin("super", this::superBuiltin);
    vm.defineAttr(vm.typeType, "__new__", vm.newBuiltin("__new__", (args, n, kw) -> {
      if (n != 4) {
        throw vm.typeError("type.__new__() takes exactly 3 arguments (" + (n - 1) + " given)");
      }
      return newClass(Mem.getLong(args), Mem.getLong(args + 8), Mem.getLong(args + 16),
          Mem.getLong(args + 24));
    }));
    vm.defineMethod(vm.typeType, "__init__", (args, n, kw) -> vm.none);
    vm.defineMethod(vm.typeType, "mro", (args, n, kw) ->
        p.call(vm.listType, new long[] {Mem.getLong(Mem.getLong(args) + Layout.Type.MRO)}));
    vm.defineMethod(vm.objectType, "__init__", (args, n, kw) -> vm.none);
    vm.defineMethod(vm.objectType, "__eq__", (args, n, kw) ->
        Mem.getLong(args) == Mem.getLong(args + 8) ? vm.trueObj : vm.notImplemented);
    vm.defineMethod(vm.objectType, "__ne__", (args, n, kw) -> {
      long r = p.richCompare(Mem.getLong(args), Mem.getLong(args + 8), 2);
      return r == vm.notImplemented ? r : vm.bool(!p.isTrue(r));
    });
    vm.defineMethod(vm.objectType, "__hash__", (args, n, kw) ->
        vm.newInt(Protocols.identityHash(Mem.getLong(args))));
    vm.defineMethod(vm.objectType, "__repr__", (args, n, kw) ->
        defaultRepr(Mem.getLong(args), vm.typeOf(Mem.getLong(args))));
    vm.defineMethod(vm.objectType, "__str__", (args, n, kw) -> p.repr(Mem.getLong(args)));
    vm.defineMethod(vm.objectType, "__setattr__", (args, n, kw) -> {
      p.setAttr(Mem.getLong(args), Mem.getLong(args + 8), Mem.getLong(args + 16));
      return vm.none;
    });
    vm.defineMethod(vm.objectType, "__getattribute__", (args, n, kw) ->
        p.getAttr(Mem.getLong(args), Mem.getLong(args + 8)));
    vm.defineMethod(vm.propertyType, "setter", (args, n, kw) ->
        copyProperty(Mem.getLong(args), Layout.Wrapper.FSET, Mem.getLong(args + 8)));
    vm.defineMethod(vm.propertyType, "getter", (args, n, kw) ->
        copyProperty(Mem.getLong(args), Layout.Wrapper.FUNC, Mem.getLong(args + 8)));
    vm.defineMethod(vm.propertyType, "deleter", (args, n, kw) ->
        copyProperty(Mem.getLong(args), Layout.Wrapper.FDEL, Mem.getLong(args + 8)));
  }

  private long copyProperty(long prop, long field, long f) {
    long np = vm.alloc(vm.propertyType, Layout.Wrapper.NSLOTS, 0);
    Mem.copy(prop + Layout.Wrapper.FUNC, np + Layout.Wrapper.FUNC, 8L * Layout.Wrapper.NSLOTS);
    Mem.putLong(np + field, f);
    return np;
  }

  // ================================================================ class statements
  private long buildClass(long args, int nargs, long kwnames) {
    int nkw = kwnames == 0 ? 0 : VM.tupleLen(kwnames);
    int npos = nargs - nkw;
    if (npos < 2) {
      throw vm.typeError("__build_class__: not enough arguments");
    }
    long func = Mem.getLong(args);
    long name = Mem.getLong(args + 8);
    long bases = vm.tupleFromWords(args + 16, npos - 2);
    long mark = vm.handleMark();
    vm.pushHandle(bases);
    try {
      long meta = 0;
      for (int k = 0; k < nkw; k++) {
        String kn = vm.str(VM.tupleGet(kwnames, k));
        if (kn.equals("metaclass")) {
          meta = Mem.getLong(args + 8L * (npos + k));
        } else {
          throw vm.typeError("__init_subclass__() takes no keyword arguments");
        }
      }
      if (meta == 0) {
        meta = vm.typeType;
        for (int i = 0; i < VM.tupleLen(bases); i++) {
          long bt = vm.typeOf(VM.tupleGet(bases, i));
          if (VM.isSubtype(bt, meta)) {
            meta = bt;
          }
        }
      }
      long ns = vm.newDict();
      vm.pushHandle(ns);
      CodeInfo ci = CodeInfo.of(vm, Mem.getLong(func + Layout.Function.CODE));
      long cell = p.runCode(ci, Mem.getLong(func + Layout.Function.GLOBALS), ns,
          Mem.getLong(func + Layout.Function.CLOSURE));
      long cls;
      if (meta == vm.typeType) {
        cls = newClass(meta, name, bases, ns);
      } else {
        cls = p.call(meta, new long[] {name, bases, ns});
      }
      if ((cell & 1) == 0 && vm.typeOf(cell) == vm.cellType) {
        Mem.putLong(cell + Layout.Cell.CONTENTS, cls);
      }
      return cls;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** type(name, bases, ns) with the given metatype. */
  long newClass(long meta, long name, long bases, long ns) {
    if (!vm.isStr(name)) {
      throw vm.typeError("type.__new__() argument 1 must be str, not " + vm.typeNameOf(name));
    }
    long base = vm.objectType;
    int nb = bases == 0 ? 0 : VM.tupleLen(bases);
    if (nb > 0) {
      base = VM.tupleGet(bases, 0);
    }
    for (int i = 0; i < nb; i++) {
      long b = VM.tupleGet(bases, i);
      if (!vm.isType(b)) {
        throw vm.typeError("bases must be types");
      }
      if (i > 0 && b != vm.objectType && !isAbcMarker(b)) {
        throw vm.typeError("multiple inheritance is not supported by Stitch (class "
            + vm.str(name) + ")");
      }
    }
    if ((VM.typeFlags(base) & TypeFlags.BASETYPE) == 0) {
      throw vm.typeError("type '" + vm.typeName(base) + "' is not an acceptable base type");
    }
    long t = vm.allocImmortal(meta, Layout.Type.NSLOTS, 0);
    long dict = vm.newDict();
    Mem.putLong(t + Layout.Type.DICT, dict);
    int n = Dicts.filled(ns);
    long cell = 0;
    for (int i = 0; i < n; i++) {
      long k = Dicts.entryKey(ns, i);
      if (k == 0) {
        continue;
      }
      if (k == sClasscell) {
        cell = Dicts.entryValue(ns, i);
        continue;
      }
      Dicts.setItem(vm, dict, k, Dicts.entryValue(ns, i));
    }
    Mem.putLong(t + Layout.Type.NAME, vm.intern(vm.str(name)));
    long qual = Dicts.getItemStr(vm, dict, p.sQualname);
    Mem.putLong(t + Layout.Type.QUALNAME, qual != 0 ? qual : vm.intern(vm.str(name)));
    if (qual != 0) {
      Dicts.remove(vm, dict, p.sQualname);
    }
    long module = Dicts.getItemStr(vm, dict, p.sModule);
    Mem.putLong(t + Layout.Type.MODULE, module != 0 ? module : vm.intern("__main__"));
    Mem.putLong(t + Layout.Type.BASE, base);
    Mem.putLong(t + Layout.Type.VERSION, fromInt(nextVersion++));
    int flags = TypeFlags.HEAPTYPE | TypeFlags.BASETYPE;
    Mem.putLong(t + Layout.Type.KIND, Mem.getLong(base + Layout.Type.KIND));
    long baseSlots = intValue(Mem.getLong(base + Layout.Type.INSTANCE_SLOTS));
    long baseOffset = intValue(Mem.getLong(base + Layout.Type.ATTR_OFFSET));
    if (baseOffset != 0) {
      Mem.putLong(t + Layout.Type.ATTR_OFFSET, fromInt(baseOffset));
      Mem.putLong(t + Layout.Type.INSTANCE_SLOTS, fromInt(baseSlots));
    } else if (VM.typeKind(base) == Kind.TYPE) {
      Mem.putLong(t + Layout.Type.ATTR_OFFSET, fromInt(0));
      Mem.putLong(t + Layout.Type.INSTANCE_SLOTS, fromInt(Layout.Type.NSLOTS));
    } else {
      Mem.putLong(t + Layout.Type.ATTR_OFFSET, fromInt(slot((int) baseSlots)));
      Mem.putLong(t + Layout.Type.INSTANCE_SLOTS, fromInt(baseSlots + 2));
    }
    Mem.putLong(t + Layout.Type.ID, fromInt(0));
    Mem.putLong(t + Layout.Type.ATTR_CAPACITY, fromInt(4));
    if (intValue(Mem.getLong(t + Layout.Type.ATTR_OFFSET)) != 0) {
      Mem.putLong(t + Layout.Type.ROOT_SHAPE, vm.shapes.newRoot(t));
    }
    int mroLen = 1;
    for (long b = base; b != 0; b = Mem.getLong(b + Layout.Type.BASE)) {
      mroLen++;
    }
    long mro = vm.newTuple(mroLen);
    int i = 0;
    VM.tupleSet(mro, i++, t);
    for (long b = base; b != 0; b = Mem.getLong(b + Layout.Type.BASE)) {
      VM.tupleSet(mro, i++, b);
    }
    Mem.putLong(t + Layout.Type.MRO, mro);
    subclasses.computeIfAbsent(base, k -> new ArrayList<>()).add(t);
    if (Dicts.getItemStr(vm, dict, vm.intern("__slots__")) != 0
        && ((VM.typeFlags(base) & TypeFlags.HEAPTYPE) == 0
            || (VM.typeFlags(base) & TypeFlags.SLOTS) != 0)) {
      flags |= TypeFlags.SLOTS;
    }
    TreeSet<String> abstracts = computeAbstract(t, base, dict);
    if (!abstracts.isEmpty()) {
      flags |= TypeFlags.ABSTRACT;
      abstractMethods.put(t, abstracts);
    }
    Mem.putLong(t + Layout.Type.FLAGS, fromInt(flags));
    if (cell != 0 && vm.typeOf(cell) == vm.cellType) {
      Mem.putLong(cell + Layout.Cell.CONTENTS, t);
    }
    return t;
  }

  /** abc.ABC may appear as an extra base: it has no state of its own. */
  private boolean isAbcMarker(long b) {
    return vm.typeName(b).equals("ABC")
        && vm.str(Mem.getLong(b + Layout.Type.MODULE)).equals("abc");
  }

  private boolean isAbstractValue(long v) {
    if ((v & 1) != 0) {
      return false;
    }
    long t = vm.typeOf(v);
    if (t == vm.staticmethodType || t == vm.classmethodType || t == vm.propertyType) {
      v = Mem.getLong(v + Layout.Wrapper.FUNC);
      if (v == 0 || (v & 1) != 0) {
        return false;
      }
      t = vm.typeOf(v);
    }
    if (t != vm.functionType) {
      return false;
    }
    long d = Mem.getLong(v + Layout.Function.DICT);
    if (d == 0) {
      return false;
    }
    long flag = Dicts.getItemStr(vm, d, sIsAbstract);
    return flag != 0 && p.isTrue(flag);
  }

  private TreeSet<String> computeAbstract(long t, long base, long dict) {
    TreeSet<String> result = new TreeSet<>();
    int n = Dicts.filled(dict);
    for (int i = 0; i < n; i++) {
      long k = Dicts.entryKey(dict, i);
      if (k != 0 && isAbstractValue(Dicts.entryValue(dict, i))) {
        result.add(vm.str(k));
      }
    }
    for (long b = base; b != 0; b = Mem.getLong(b + Layout.Type.BASE)) {
      TreeSet<String> inherited = abstractMethods.get(b);
      if (inherited == null) {
        continue;
      }
      for (String name : inherited) {
        long v = p.lookupType(t, vm.intern(name));
        if (v != 0 && isAbstractValue(v)) {
          result.add(name);
        }
      }
    }
    return result;
  }

  // ================================================================ instantiation
  long callType(long type, long args, int nargs, long kwnames) {
    long meta = vm.typeOf(type);
    if (meta != vm.typeType && (VM.typeFlags(meta) & TypeFlags.HEAPTYPE) != 0) {
      long call = p.userSpecial(meta, p.sCall);
      if (call != 0) {
        return p.callWithSelf(null, call, type, args, nargs, kwnames);
      }
    }
    if (type == vm.typeType) {
      int npos = nargs - (kwnames == 0 ? 0 : VM.tupleLen(kwnames));
      if (npos == 1) {
        return vm.typeOf(Mem.getLong(args));
      }
      if (npos == 3) {
        return newClass(vm.typeType, Mem.getLong(args), Mem.getLong(args + 8),
            Mem.getLong(args + 16));
      }
      throw vm.typeError("type() takes 1 or 3 arguments");
    }
    int flags = VM.typeFlags(type);
    int kind = VM.typeKind(type);
    if ((flags & TypeFlags.HEAPTYPE) == 0) {
      return constructBuiltin(type, kind, args, nargs, kwnames);
    }
    if ((flags & TypeFlags.ABSTRACT) != 0) {
      TreeSet<String> names = abstractMethods.get(type);
      String list = String.join(", ", names);
      throw vm.typeError("Can't instantiate abstract class " + vm.typeName(type)
          + " with abstract method" + (names.size() == 1 ? "" : "s") + " " + list);
    }
    long obj;
    if (kind == Kind.TYPE) {
      long newFn = p.lookupType(type, sNew);
      long r = p.callWithSelf(null, newFn, type, args, nargs, kwnames);
      long init = p.userSpecial(type, p.sInit);
      if (init != 0 && vm.isInstance(r, type)) {
        p.callWithSelf(null, init, r, args, nargs, kwnames);
      }
      return r;
    } else if (kind == Kind.OBJECT) {
      obj = p.newPlainInstance(type);
    } else if (kind == Kind.EXCEPTION) {
      obj = p.exceptions.newInstance(type, args, nargs, kwnames);
    } else {
      obj = vm.kindOps[kind].allocate(vm, type);
      if (obj == 0) {
        throw vm.typeError("cannot create '" + vm.typeName(type) + "' instances");
      }
    }
    long init = p.lookupType(type, p.sInit);
    long mark = vm.handleMark();
    vm.pushHandle(obj);
    try {
      if (init != 0 && !(vm.typeOf(init) == vm.builtinType && kind == Kind.OBJECT)) {
        long r = p.callWithSelf(null, init, obj, args, nargs, kwnames);
        if (r != vm.none) {
          throw vm.typeError("__init__() should return None, not '" + vm.typeNameOf(r) + "'");
        }
      } else if (nargs > 0 && kind == Kind.OBJECT) {
        throw vm.typeError(vm.typeName(type) + "() takes no arguments");
      }
      return obj;
    } finally {
      vm.popHandles(mark);
    }
  }

  private long constructBuiltin(long type, int kind, long args, int nargs, long kwnames) {
    if (type == vm.objectType) {
      if (nargs > 0) {
        throw vm.typeError("object() takes no arguments");
      }
      return vm.alloc(vm.objectType, 0, 0);
    }
    if (kind == Kind.EXCEPTION) {
      return p.exceptions.newInstance(type, args, nargs, kwnames);
    }
    if (type == vm.staticmethodType || type == vm.classmethodType || type == vm.propertyType) {
      long w = vm.alloc(type, Layout.Wrapper.NSLOTS, 0);
      int npos = nargs - (kwnames == 0 ? 0 : VM.tupleLen(kwnames));
      for (int i = 0; i < Math.min(npos, 3); i++) {
        Mem.putLong(w + Layout.Wrapper.FUNC + 8L * i, Mem.getLong(args + 8L * i));
      }
      for (int k = 0; kwnames != 0 && k < VM.tupleLen(kwnames); k++) {
        String kn = vm.str(VM.tupleGet(kwnames, k));
        long v = Mem.getLong(args + 8L * (npos + k));
        switch (kn) {
          case "fget" -> Mem.putLong(w + Layout.Wrapper.FUNC, v);
          case "fset" -> Mem.putLong(w + Layout.Wrapper.FSET, v);
          case "fdel" -> Mem.putLong(w + Layout.Wrapper.FDEL, v);
          case "doc" -> { }
          default -> throw vm.typeError("property() got an unexpected keyword argument '" + kn + "'");
        }
      }
      return w;
    }
    if (type == vm.superType) {
      return superBuiltin(args, nargs, kwnames);
    }
    long r = vm.kindOps[kind].construct(vm, type, args, nargs, kwnames);
    if (r != 0) {
      return r;
    }
    throw vm.typeError("cannot create '" + vm.typeName(type) + "' instances");
  }

  // ================================================================ super
  private long superBuiltin(long args, int nargs, long kwnames) {
    long cls;
    long obj;
    if (nargs == 2) {
      cls = Mem.getLong(args);
      obj = Mem.getLong(args + 8);
    } else if (nargs == 0) {
      long frame = Mem.getLong(vm.ts + Layout.ThreadState.CURRENT_FRAME);
      CodeInfo ci = Interpreter.codeOf(vm, frame);
      long locals = frame + Layout.Frame.LOCALSPLUS;
      int idx = -1;
      for (int i = 0; i < ci.nfree; i++) {
        if (ci.freeStrings[i].equals("__class__")) {
          idx = ci.nlocals + ci.ncells + i;
        }
      }
      if (idx < 0) {
        throw vm.raise(vm.runtimeError, "super(): __class__ cell not found");
      }
      cls = Mem.getLong(Mem.getLong(locals + 8L * idx) + Layout.Cell.CONTENTS);
      if (cls == 0) {
        throw vm.raise(vm.runtimeError, "super(): empty __class__ cell");
      }
      if (ci.argcount == 0 && !ci.hasVarargs()) {
        throw vm.raise(vm.runtimeError, "super(): no arguments");
      }
      obj = Mem.getLong(locals);
      for (int i = 0; i < ci.ncells; i++) {
        if (ci.cellToArg[i] == 0) {
          obj = Mem.getLong(Mem.getLong(locals + 8L * (ci.nlocals + i)) + Layout.Cell.CONTENTS);
        }
      }
      if (obj == 0) {
        throw vm.raise(vm.runtimeError, "super(): arg[0] deleted");
      }
    } else {
      throw vm.typeError("super() takes 0 or 2 arguments");
    }
    if (!vm.isType(cls)) {
      throw vm.typeError("super() argument 1 must be a type, not " + vm.typeNameOf(cls));
    }
    boolean ok = vm.isType(obj) ? VM.isSubtype(obj, cls) : vm.isInstance(obj, cls);
    if (!ok) {
      throw vm.typeError("super(type, obj): obj must be an instance or subtype of type");
    }
    long s = vm.alloc(vm.superType, Layout.Super.NSLOTS, 0);
    Mem.putLong(s + Layout.Super.TYPE, cls);
    Mem.putLong(s + Layout.Super.OBJ, obj);
    return s;
  }

  long superAttr(long s, long name) {
    long cls = Mem.getLong(s + Layout.Super.TYPE);
    long obj = Mem.getLong(s + Layout.Super.OBJ);
    boolean objIsType = vm.isType(obj) && VM.isSubtype(obj, cls);
    long start = objIsType ? obj : vm.typeOf(obj);
    long mro = Mem.getLong(start + Layout.Type.MRO);
    int n = VM.tupleLen(mro);
    int i = 0;
    while (i < n && VM.tupleGet(mro, i) != cls) {
      i++;
    }
    for (i++; i < n; i++) {
      long t = VM.tupleGet(mro, i);
      long v = Dicts.getItemStr(vm, Mem.getLong(t + Layout.Type.DICT), name);
      if (v != 0) {
        if (objIsType) {
          return bindToClass(v, obj);
        }
        if (p.isDataDescriptor(v)) {
          return p.callProperty(v, obj);
        }
        return p.bind(v, obj, start);
      }
    }
    if (name == p.sClass) {
      return vm.superType;
    }
    throw vm.raise(vm.attributeError, "'super' object has no attribute '" + vm.str(name) + "'");
  }

  // ================================================================ attributes of classes
  private long bindToClass(long v, long cls) {
    if ((v & 1) != 0) {
      return v;
    }
    long t = vm.typeOf(v);
    if (t == vm.staticmethodType) {
      return Mem.getLong(v + Layout.Wrapper.FUNC);
    }
    if (t == vm.classmethodType) {
      return p.newMethod(cls, Mem.getLong(v + Layout.Wrapper.FUNC));
    }
    return v;
  }

  long typeAttr(long cls, long name) {
    long v = p.lookupType(cls, name);
    if (v != 0) {
      return bindToClass(v, cls);
    }
    String n = vm.str(name);
    switch (n) {
      case "__name__":
        return Mem.getLong(cls + Layout.Type.NAME);
      case "__qualname__":
        return Mem.getLong(cls + Layout.Type.QUALNAME);
      case "__module__":
        return Mem.getLong(cls + Layout.Type.MODULE);
      case "__base__": {
        long b = Mem.getLong(cls + Layout.Type.BASE);
        return b == 0 ? vm.none : b;
      }
      case "__bases__": {
        long b = Mem.getLong(cls + Layout.Type.BASE);
        return b == 0 ? vm.emptyTuple : vm.tuple(b);
      }
      case "__mro__":
        return Mem.getLong(cls + Layout.Type.MRO);
      case "__class__":
        return vm.typeOf(cls);
      case "__doc__":
        return vm.none;
      case "__dict__":
        return Dicts.copy(vm, Mem.getLong(cls + Layout.Type.DICT), vm.dictType);
      case "__abstractmethods__": {
        TreeSet<String> names = abstractMethods.get(cls);
        long set = p.call(vm.frozensetType, new long[0]);
        if (names != null) {
          long[] items = new long[names.size()];
          int i = 0;
          for (String s : names) {
            items[i++] = vm.intern(s);
          }
          set = p.call(vm.frozensetType, new long[] {vm.tuple(items)});
        }
        return set;
      }
      default:
        break;
    }
    long meta = vm.typeOf(cls);
    long mv = p.lookupType(meta, name);
    if (mv != 0) {
      if (p.isDataDescriptor(mv)) {
        return p.callProperty(mv, cls);
      }
      return p.bind(mv, cls, meta);
    }
    return 0;
  }

  void setTypeAttr(long cls, long name, long value) {
    if ((VM.typeFlags(cls) & TypeFlags.HEAPTYPE) == 0) {
      throw vm.typeError("cannot set '" + vm.str(name) + "' attribute of immutable type '"
          + vm.typeName(cls) + "'");
    }
    String n = vm.str(name);
    if (n.equals("__name__")) {
      Mem.putLong(cls + Layout.Type.NAME, value);
      return;
    }
    if (n.equals("__qualname__")) {
      Mem.putLong(cls + Layout.Type.QUALNAME, value);
      return;
    }
    Dicts.setItemStr(vm, Mem.getLong(cls + Layout.Type.DICT), p.internKey(name), value);
    bumpVersion(cls);
    if (p.isDataDescriptor(value)) {
      // A property now overrides the instances' own attribute of that name, which the
      // instance forms of LOAD_ATTR and STORE_ATTR read and write after checking only the
      // receiver's type and shape (their caches hold no type version, unlike CPython's).
      p.interp.unspecializeInstanceAccess(cls);
    }
  }

  void delTypeAttr(long cls, long name) {
    if ((VM.typeFlags(cls) & TypeFlags.HEAPTYPE) == 0) {
      throw vm.typeError("cannot delete '" + vm.str(name) + "' attribute of immutable type '"
          + vm.typeName(cls) + "'");
    }
    if (Dicts.remove(vm, Mem.getLong(cls + Layout.Type.DICT), name) == 0) {
      throw p.attributeError(cls, name);
    }
    bumpVersion(cls);
  }

  /** Invalidates caches that depend on cls's attributes, and its subclasses'. */
  private void bumpVersion(long cls) {
    Mem.putLong(cls + Layout.Type.VERSION, fromInt(nextVersion++));
    if (vm.jitOn) {
      org.stitchjit.runtime.vm.Watchers.typeChanged(cls);
    }
    for (long sub : subclasses.getOrDefault(cls, List.of())) {
      bumpVersion(sub);
    }
  }

  private final Map<Long, java.util.Optional<java.util.Set<String>>> slotsCache =
      new HashMap<>();

  /**
   * False when the class and all its Python bases declare __slots__ (without __dict__) and
   * name is not among them: such instances reject other attributes, as in CPython.
   */
  boolean slotsAllow(long type, long name) {
    if ((VM.typeFlags(type) & TypeFlags.SLOTS) == 0) {
      return true;
    }
    java.util.Optional<java.util.Set<String>> allowed = slotsCache.computeIfAbsent(type,
        t -> java.util.Optional.ofNullable(computeSlots(t)));
    return allowed.isEmpty() || allowed.get().contains(vm.str(name));
  }

  private java.util.Set<String> computeSlots(long type) {
    java.util.Set<String> names = new java.util.HashSet<>();
    long sSlots = vm.intern("__slots__");
    for (long t = type; t != 0; t = Mem.getLong(t + Layout.Type.BASE)) {
      if ((VM.typeFlags(t) & TypeFlags.HEAPTYPE) == 0) {
        break;
      }
      long slots = Dicts.getItemStr(vm, Mem.getLong(t + Layout.Type.DICT), sSlots);
      if (slots == 0) {
        return null;
      }
      if (vm.isStr(slots)) {
        names.add(vm.str(slots));
        continue;
      }
      long it = p.iter(slots);
      for (long v = p.next(it); v != 0; v = p.next(it)) {
        names.add(vm.str(v));
      }
    }
    return names.contains("__dict__") ? null : names;
  }

  boolean isSpecialName(long name) {
    String n = vm.str(name);
    return n.startsWith("__") || n.equals("args");
  }

  /** Attributes every object of a kind has without a dict entry, or NULL. */
  long specialAttr(long obj, long type, long name) {
    String n = vm.str(name);
    if (n.equals("__class__")) {
      return type;
    }
    int kind = VM.typeKind(type);
    switch (kind) {
      case Kind.FUNCTION: {
        switch (n) {
          case "__name__":
            return Mem.getLong(obj + Layout.Function.NAME);
          case "__qualname__":
            return Mem.getLong(obj + Layout.Function.QUALNAME);
          case "__module__":
            return Mem.getLong(obj + Layout.Function.MODULE);
          case "__doc__":
            return vm.none;
          case "__defaults__": {
            long d = Mem.getLong(obj + Layout.Function.DEFAULTS);
            return d == 0 ? vm.none : d;
          }
          case "__code__":
            return Mem.getLong(obj + Layout.Function.CODE);
          case "__dict__": {
            return functionDict(obj);
          }
          default: {
            long d = Mem.getLong(obj + Layout.Function.DICT);
            return d == 0 ? 0 : Dicts.getItemStr(vm, d, name);
          }
        }
      }
      case Kind.METHOD:
        switch (n) {
          case "__self__":
            return Mem.getLong(obj + Layout.Method.SELF);
          case "__func__":
            return Mem.getLong(obj + Layout.Method.FUNC);
          default:
            return p.lookupAttr(Mem.getLong(obj + Layout.Method.FUNC), name);
        }
      case Kind.BUILTIN:
        switch (n) {
          case "__name__":
          case "__qualname__":
            return Mem.getLong(obj + Layout.Builtin.NAME);
          case "__self__": {
            long s = Mem.getLong(obj + Layout.Builtin.SELF);
            return s == 0 ? vm.none : s;
          }
          default:
            return 0;
        }
      case Kind.EXCEPTION:
        return p.exceptions.attr(obj, n);
      case Kind.GENERATOR:
        if (n.equals("__name__")) {
          return Mem.getLong(obj + Layout.Generator.NAME);
        }
        if (n.equals("__qualname__")) {
          return Mem.getLong(obj + Layout.Generator.QUALNAME);
        }
        return 0;
      case Kind.RANGE:
        switch (n) {
          case "start":
            return Mem.getLong(obj + Layout.Range.START);
          case "stop":
            return Mem.getLong(obj + Layout.Range.STOP);
          case "step":
            return Mem.getLong(obj + Layout.Range.STEP);
          default:
            return 0;
        }
      case Kind.SLICE:
        switch (n) {
          case "start":
            return Mem.getLong(obj + Layout.Slice.START);
          case "stop":
            return Mem.getLong(obj + Layout.Slice.STOP);
          case "step":
            return Mem.getLong(obj + Layout.Slice.STEP);
          default:
            return 0;
        }
      case Kind.INT:
      case Kind.BOOL:
        switch (n) {
          case "real":
          case "numerator":
            return (obj & 1) != 0 ? obj : vm.newInt(vm.toBig(obj));
          case "imag":
            return fromInt(0);
          case "denominator":
            return fromInt(1);
          default:
            return 0;
        }
      case Kind.FLOAT:
        switch (n) {
          case "real":
            return obj;
          case "imag":
            return vm.newFloat(0.0);
          default:
            return 0;
        }
      case Kind.MODULE:
        if (n.equals("__dict__")) {
          return Mem.getLong(obj + Layout.Module.DICT);
        }
        return 0;
      default:
        break;
    }
    if (type == vm.propertyType) {
      switch (n) {
        case "fget":
          return orNone(Mem.getLong(obj + Layout.Wrapper.FUNC));
        case "fset":
          return orNone(Mem.getLong(obj + Layout.Wrapper.FSET));
        case "fdel":
          return orNone(Mem.getLong(obj + Layout.Wrapper.FDEL));
        default:
          return 0;
      }
    }
    if (type == vm.staticmethodType || type == vm.classmethodType) {
      if (n.equals("__func__")) {
        return Mem.getLong(obj + Layout.Wrapper.FUNC);
      }
      if (n.equals("__isabstractmethod__")) {
        long f = Mem.getLong(obj + Layout.Wrapper.FUNC);
        return vm.bool(isAbstractValue(f));
      }
    }
    if (n.equals("__doc__")) {
      return vm.none;
    }
    return 0;
  }

  private long orNone(long v) {
    return v == 0 ? vm.none : v;
  }

  private long functionDict(long f) {
    long d = Mem.getLong(f + Layout.Function.DICT);
    if (d == 0) {
      d = vm.newDict();
      Mem.putLong(f + Layout.Function.DICT, d);
    }
    return d;
  }

  boolean setSpecialAttr(long obj, long type, long name, long value) {
    int kind = VM.typeKind(type);
    String n = vm.str(name);
    if (kind == Kind.FUNCTION) {
      switch (n) {
        case "__name__" -> Mem.putLong(obj + Layout.Function.NAME, value);
        case "__qualname__" -> Mem.putLong(obj + Layout.Function.QUALNAME, value);
        case "__defaults__" -> {
          Mem.putLong(obj + Layout.Function.DEFAULTS, value == vm.none ? 0 : value);
          Mem.putLong(obj + Layout.Function.VERSION, fromInt(nextVersion++));
        }
        default -> Dicts.setItemStr(vm, functionDict(obj), p.internKey(name), value);
      }
      return true;
    }
    if (kind == Kind.EXCEPTION) {
      return p.exceptions.setAttr(obj, n, value);
    }
    return false;
  }

  // ================================================================ reprs
  long defaultRepr(long v, long type) {
    if (v == vm.none) {
      return vm.intern("None");
    }
    if (v == vm.notImplemented) {
      return vm.intern("NotImplemented");
    }
    if (v == vm.ellipsis) {
      return vm.intern("Ellipsis");
    }
    String addr = "0x" + String.format("%012x", v);
    int kind = VM.typeKind(type);
    switch (kind) {
      case Kind.TYPE: {
        String module = vm.str(Mem.getLong(v + Layout.Type.MODULE));
        String qual = vm.str(Mem.getLong(v + Layout.Type.QUALNAME));
        return vm.newStr("<class '" + (module.equals("builtins") ? "" : module + ".") + qual + "'>");
      }
      case Kind.FUNCTION:
        return vm.newStr("<function " + vm.str(Mem.getLong(v + Layout.Function.QUALNAME))
            + " at " + addr + ">");
      case Kind.BUILTIN: {
        long self = Mem.getLong(v + Layout.Builtin.SELF);
        String name = vm.str(Mem.getLong(v + Layout.Builtin.NAME));
        if (self == 0) {
          return vm.newStr("<built-in function " + name + ">");
        }
        return vm.newStr("<built-in method " + name + " of " + vm.typeNameOf(self)
            + " object at 0x" + String.format("%012x", self) + ">");
      }
      case Kind.METHOD: {
        long func = Mem.getLong(v + Layout.Method.FUNC);
        String fname = vm.typeOf(func) == vm.functionType
            ? vm.str(Mem.getLong(func + Layout.Function.QUALNAME)) : "?";
        return vm.newStr("<bound method " + fname + " of "
            + vm.reprJava(Mem.getLong(v + Layout.Method.SELF)) + ">");
      }
      case Kind.MODULE: {
        String name = vm.str(Mem.getLong(v + Layout.Module.NAME));
        long file = Dicts.getItemStr(vm, Mem.getLong(v + Layout.Module.DICT),
            vm.intern("__file__"));
        if (file != 0) {
          return vm.newStr("<module '" + name + "' from '" + vm.str(file) + "'>");
        }
        return vm.newStr("<module '" + name + "' (built-in)>");
      }
      case Kind.GENERATOR:
        return vm.newStr("<generator object "
            + vm.str(Mem.getLong(v + Layout.Generator.QUALNAME)) + " at " + addr + ">");
      case Kind.CODE:
        return vm.newStr("<code object " + vm.str(Mem.getLong(v + Layout.Code.NAME)) + " at "
            + addr + ">");
      default:
        break;
    }
    String module = vm.str(Mem.getLong(type + Layout.Type.MODULE));
    String qual = vm.str(Mem.getLong(type + Layout.Type.QUALNAME));
    String prefix = module.equals("builtins") ? "" : module + ".";
    return vm.newStr("<" + prefix + qual + " object at " + addr + ">");
  }

  long classGetItem(long cls, long key) {
    throw vm.typeError("type '" + vm.typeName(cls) + "' is not subscriptable");
  }

  long classIter(long cls) {
    throw vm.typeError("'type' object is not iterable");
  }

  /** A built-in for isinstance and issubclass. */
  void installTypeChecks() {
    vm.defineBuiltin("isinstance", (args, n, kw) -> {
      if (n != 2) {
        throw vm.typeError("isinstance expected 2 arguments, got " + n);
      }
      return vm.bool(checkClassinfo(vm.typeOf(Mem.getLong(args)), Mem.getLong(args + 8),
          "isinstance() arg 2 must be a type, a tuple of types, or a union"));
    });
    vm.defineBuiltin("issubclass", (args, n, kw) -> {
      if (n != 2) {
        throw vm.typeError("issubclass expected 2 arguments, got " + n);
      }
      long c = Mem.getLong(args);
      if (!vm.isType(c)) {
        throw vm.typeError("issubclass() arg 1 must be a class");
      }
      return vm.bool(checkClassinfo(c, Mem.getLong(args + 8),
          "issubclass() arg 2 must be a class, a tuple of classes, or a union"));
    });
  }

  private boolean checkClassinfo(long type, long info, String error) {
    if (vm.isTuple(info)) {
      int n = VM.tupleLen(info);
      for (int i = 0; i < n; i++) {
        if (checkClassinfo(type, VM.tupleGet(info, i), error)) {
          return true;
        }
      }
      return false;
    }
    if (!vm.isType(info)) {
      throw vm.typeError(error);
    }
    return VM.isSubtype(type, info);
  }

}
