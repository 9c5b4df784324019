package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.runtime.objects.MappingTypes.arg;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * dict at the Python level, on the native compact dict of {@link Dicts}: construction and
 * update from mappings, pairs and keywords, subscription with {@code __missing__} for
 * subclasses, comparison, {@code |}, repr and the methods.
 */
public final class DictType {
  private DictType() {}

  static final int VIEW_KEYS = 0;
  static final int VIEW_VALUES = 1;
  static final int VIEW_ITEMS = 2;

  private static PyException keyError(VM vm, long key) {
    return vm.raiseObject(vm.newException(vm.keyError, vm.tuple(key)));
  }

  // ================================================================== update

  /**
   * dict_update_arg: a dict whose class keeps dict's iteration is merged entry by entry;
   * another object with a keys() method is read through keys() and __getitem__; anything
   * else must iterate over pairs.
   */
  static void updateFromArg(VM vm, long d, long arg) {
    if (vm.isDict(arg) && (vm.typeOf(arg) == vm.dictType || !overridesIter(vm, arg))) {
      mergeDict(vm, d, arg);
      return;
    }
    long keysMethod = vm.rt.lookupAttr(arg, vm.intern("keys"));
    if (keysMethod != 0) {
      mergeMapping(vm, d, arg, keysMethod);
      return;
    }
    mergePairs(vm, d, arg);
  }

  /** True when a dict subclass defines its own __iter__ (CPython then avoids the fast path). */
  private static boolean overridesIter(VM vm, long d) {
    long own = MappingTypes.typeLookup(vm, vm.typeOf(d), "__iter__");
    return own != MappingTypes.typeLookup(vm, vm.dictType, "__iter__");
  }

  /** d.update(other) for a dict other, reusing its stored hashes. */
  static void mergeDict(VM vm, long d, long other) {
    if (d == other) {
      return;
    }
    long mark = vm.handleMark();
    try {
      int n = Dicts.filled(other);
      for (int i = 0; i < n; i++) {
        long k = Dicts.entryKey(other, i);
        if (k == 0) {
          continue;
        }
        long v = Dicts.entryValue(other, i);
        vm.popHandles(mark);
        vm.pushHandle(k);
        vm.pushHandle(v);
        Dicts.insert(vm, d, k, Dicts.storedHash(other, i), v);
        if (Dicts.filled(other) != n) {
          throw vm.raise(vm.runtimeError, "dict mutated during update");
        }
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private static void mergeMapping(VM vm, long d, long mapping, long keysMethod) {
    long mark = vm.handleMark();
    try {
      vm.pushHandle(keysMethod);
      long keys = vm.rt.call(keysMethod, new long[0]);
      vm.pushHandle(keys);
      MappingTypes.forEach(vm, keys, key -> {
        long mark2 = vm.handleMark();
        try {
          long value = vm.rt.getItem(mapping, key);
          vm.pushHandle(value);
          Dicts.setItem(vm, d, key, value);
        } finally {
          vm.popHandles(mark2);
        }
        return true;
      });
    } finally {
      vm.popHandles(mark);
    }
  }

  /** PyDict_MergeFromSeq2: every item must be a sequence of exactly two elements. */
  private static void mergePairs(VM vm, long d, long iterable) {
    int[] index = {0};
    MappingTypes.forEach(vm, iterable, item -> {
      long mark = vm.handleMark();
      try {
        long key;
        long value;
        int n;
        if (vm.isTuple(item)) {
          n = VM.tupleLen(item);
          key = n > 0 ? VM.tupleGet(item, 0) : 0;
          value = n > 1 ? VM.tupleGet(item, 1) : 0;
        } else if (vm.isList(item)) {
          n = VM.listLen(item);
          key = n > 0 ? VM.listGet(item, 0) : 0;
          value = n > 1 ? VM.listGet(item, 1) : 0;
        } else {
          long it;
          try {
            it = vm.rt.iter(item);
          } catch (PyException e) {
            if (!MappingTypes.isTypeError(vm, e)) {
              throw e;
            }
            throw vm.typeError("cannot convert dictionary update sequence element #"
                + index[0] + " to a sequence");
          }
          vm.pushHandle(it);
          long elements = vm.newList(0);
          vm.pushHandle(elements);
          MappingTypes.forEachFromIterator(vm, it, e -> {
            vm.listAppend(elements, e);
            return true;
          });
          n = VM.listLen(elements);
          key = n > 0 ? VM.listGet(elements, 0) : 0;
          value = n > 1 ? VM.listGet(elements, 1) : 0;
        }
        if (n != 2) {
          throw vm.valueError("dictionary update sequence element #" + index[0]
              + " has length " + n + "; 2 is required");
        }
        vm.pushHandle(key);
        vm.pushHandle(value);
        Dicts.setItem(vm, d, key, value);
      } finally {
        vm.popHandles(mark);
      }
      index[0]++;
      return true;
    });
  }

  /** Stores the keyword arguments at the end of args (names in kwnames) into d. */
  private static void mergeKeywords(VM vm, long d, long args, int nargs, long kwnames) {
    int nkw = MappingTypes.kwCount(kwnames);
    for (int i = 0; i < nkw; i++) {
      Dicts.setItem(vm, d, VM.tupleGet(kwnames, i), arg(args, nargs - nkw + i));
    }
  }

  /**
   * dict_update_common: at most one positional argument (a mapping or pairs), then the
   * keywords. args/nargs/kwnames exclude the receiver.
   */
  static void updateCommon(VM vm, long d, long args, int nargs, long kwnames, String name) {
    int positional = nargs - MappingTypes.kwCount(kwnames);
    MappingTypes.positionalRange(vm, name, positional, 0, 1);
    if (positional == 1) {
      updateFromArg(vm, d, arg(args, 0));
    }
    mergeKeywords(vm, d, args, nargs, kwnames);
  }

  // ================================================================== protocols

  /** d[key], calling a subclass's __missing__ for absent keys. */
  static long getItem(VM vm, long d, long key) {
    long v = Dicts.getItem(vm, d, key);
    if (v != 0) {
      return v;
    }
    if (vm.typeOf(d) != vm.dictType) {
      long missing = vm.rt.lookupAttr(d, vm.intern("__missing__"));
      if (missing != 0) {
        long mark = vm.handleMark();
        try {
          vm.pushHandle(missing);
          return vm.rt.call(missing, new long[] {key});
        } finally {
          vm.popHandles(mark);
        }
      }
    }
    throw keyError(vm, key);
  }

  static void delItem(VM vm, long d, long key) {
    int ix = Dicts.lookup(vm, d, key, vm.rt.hash(key));
    if (ix < 0) {
      throw keyError(vm, key);
    }
    Dicts.removeEntry(d, ix);
  }

  /** Order-insensitive equality: same size, and every key of a maps to an equal value in b. */
  static boolean equal(VM vm, long a, long b) {
    if (a == b) {
      return true;
    }
    if (Dicts.size(a) != Dicts.size(b)) {
      return false;
    }
    long mark = vm.handleMark();
    try {
      for (int i = 0; i < Dicts.filled(a); i++) {
        long k = Dicts.entryKey(a, i);
        if (k == 0) {
          continue;
        }
        long av = Dicts.entryValue(a, i);
        vm.popHandles(mark);
        vm.pushHandle(k);
        vm.pushHandle(av);
        int ix = Dicts.lookup(vm, b, k, Dicts.storedHash(a, i));
        if (ix < 0) {
          return false;
        }
        long bv = Dicts.entryValue(b, ix);
        vm.pushHandle(bv);
        if (!MappingTypes.eq(vm, av, bv)) {
          return false;
        }
      }
      return true;
    } finally {
      vm.popHandles(mark);
    }
  }

  static long repr(VM vm, long d) {
    if (!MappingTypes.reprEnter(d)) {
      return vm.newStr("{...}");
    }
    long mark = vm.handleMark();
    try {
      StringBuilder sb = new StringBuilder("{");
      boolean first = true;
      for (int i = 0; i < Dicts.filled(d); i++) {
        long k = Dicts.entryKey(d, i);
        if (k == 0) {
          continue;
        }
        long v = Dicts.entryValue(d, i);
        vm.popHandles(mark);
        vm.pushHandle(k);
        vm.pushHandle(v);
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(MappingTypes.repr(vm, k)).append(": ").append(MappingTypes.repr(vm, v));
      }
      return vm.newStr(sb.append('}').toString());
    } finally {
      vm.popHandles(mark);
      MappingTypes.reprLeave(d);
    }
  }

  /** A plain dict with the entries of d (dict.copy and | return dict even for subclasses). */
  static long copy(VM vm, long d) {
    return Dicts.copy(vm, d, vm.dictType);
  }

  static long newView(VM vm, long d, int kind) {
    long type = switch (kind) {
      case VIEW_KEYS -> vm.dictKeysType;
      case VIEW_VALUES -> vm.dictValuesType;
      default -> vm.dictItemsType;
    };
    long v = vm.alloc(type, Layout.Iter.NSLOTS, 0);
    VM.set(v, Layout.Iter.SEQ, d);
    VM.set(v, Layout.Iter.AUX, fromInt(kind));
    return v;
  }

  static final TypeOps OPS = new TypeOps() {
    @Override
    public long repr(VM vm, long self) {
      return DictType.repr(vm, self);
    }

    @Override
    public long richCompare(VM vm, long a, long b, int op) {
      if ((op != CompareOp.EQ && op != CompareOp.NE) || !vm.isDict(a) || !vm.isDict(b)) {
        return vm.notImplemented;
      }
      return vm.bool(equal(vm, a, b) == (op == CompareOp.EQ));
    }

    @Override
    public long binaryOp(VM vm, int op, long a, long b) {
      if (BinaryOp.base(op) != BinaryOp.OR || !vm.isDict(a)) {
        return vm.notImplemented;
      }
      if (BinaryOp.isInplace(op)) {
        updateFromArg(vm, a, b);
        return a;
      }
      if (!vm.isDict(b)) {
        return vm.notImplemented;
      }
      long mark = vm.handleMark();
      try {
        long result = copy(vm, a);
        vm.pushHandle(result);
        updateFromArg(vm, result, b);
        return result;
      } finally {
        vm.popHandles(mark);
      }
    }

    @Override
    public long len(VM vm, long self) {
      return Dicts.size(self);
    }

    @Override
    public int isTrue(VM vm, long self) {
      return Dicts.size(self) != 0 ? 1 : 0;
    }

    @Override
    public long getItem(VM vm, long self, long key) {
      return DictType.getItem(vm, self, key);
    }

    @Override
    public boolean setItem(VM vm, long self, long key, long value) {
      Dicts.setItem(vm, self, key, value);
      return true;
    }

    @Override
    public boolean delItem(VM vm, long self, long key) {
      DictType.delItem(vm, self, key);
      return true;
    }

    @Override
    public int contains(VM vm, long self, long key) {
      return Dicts.contains(vm, self, key) ? 1 : 0;
    }

    @Override
    public long iter(VM vm, long self) {
      return DictViews.newIterator(vm, self, VIEW_KEYS);
    }

    @Override
    public long allocate(VM vm, long type) {
      long d = Dicts.newDict(vm, type, MappingTypes.instanceSlots(type) - Layout.Dict.NSLOTS);
      MappingTypes.initAttrs(d, type);
      return d;
    }

    @Override
    public long construct(VM vm, long type, long args, int nargs, long kwnames) {
      long d = type == vm.dictType ? vm.newDict() : allocate(vm, type);
      long mark = vm.handleMark();
      try {
        vm.pushHandle(d);
        updateCommon(vm, d, args, nargs, kwnames, "dict");
        return d;
      } finally {
        vm.popHandles(mark);
      }
    }
  };

  // ================================================================== methods

  @FunctionalInterface
  private interface Method {
    long call(long self, long args, int nargs, long kwnames);
  }

  private static void define(VM vm, String name, Method m) {
    long t = vm.dictType;
    vm.defineMethod(t, name, (args, nargs, kw) -> {
      long self = MappingTypes.receiver(vm, args, nargs, t, name);
      return m.call(self, args, nargs, kw);
    });
  }

  private static void noArgs(VM vm, String name, Method m) {
    define(vm, name, (self, args, nargs, kw) -> {
      MappingTypes.noArgs(vm, nargs, kw, "dict." + name);
      return m.call(self, args, nargs, kw);
    });
  }

  private static void oneArg(VM vm, String name, Method m) {
    define(vm, name, (self, args, nargs, kw) -> {
      MappingTypes.oneArg(vm, nargs, kw, "dict." + name);
      return m.call(self, args, nargs, kw);
    });
  }

  /** Argument Clinic style (name expected at least/most n arguments), no keywords. */
  private static void ranged(VM vm, String name, int min, int max, Method m) {
    define(vm, name, (self, args, nargs, kw) -> {
      MappingTypes.noKeywords(vm, kw, "dict." + name);
      MappingTypes.positionalRange(vm, name, nargs - 1, min, max);
      return m.call(self, args, nargs, kw);
    });
  }

  private static void slot(VM vm, String name, int arity, Method m) {
    long t = vm.dictType;
    vm.defineMethod(t, name, (args, nargs, kw) -> {
      long self = MappingTypes.slotReceiver(vm, args, nargs, t, name);
      MappingTypes.slotArity(vm, nargs, kw, name, arity);
      return m.call(self, args, nargs, kw);
    });
  }

  static void defineMethods(VM vm) {
    ranged(vm, "get", 1, 2, (self, args, n, kw) -> {
      long v = Dicts.getItem(vm, self, arg(args, 1));
      return v != 0 ? v : n == 3 ? arg(args, 2) : vm.none;
    });
    ranged(vm, "setdefault", 1, 2, (self, args, n, kw) -> {
      long key = arg(args, 1);
      long hash = vm.rt.hash(key);
      int ix = Dicts.lookup(vm, self, key, hash);
      if (ix >= 0) {
        return Dicts.entryValue(self, ix);
      }
      long dflt = n == 3 ? arg(args, 2) : vm.none;
      Dicts.insert(vm, self, key, hash, dflt);
      return dflt;
    });
    ranged(vm, "pop", 1, 2, (self, args, n, kw) -> {
      long key = arg(args, 1);
      // CPython answers from an empty dict without hashing the key.
      int ix = Dicts.size(self) == 0 ? -1 : Dicts.lookup(vm, self, key, vm.rt.hash(key));
      if (ix < 0) {
        if (n == 3) {
          return arg(args, 2);
        }
        throw keyError(vm, key);
      }
      long v = Dicts.entryValue(self, ix);
      Dicts.removeEntry(self, ix);
      return v;
    });
    noArgs(vm, "popitem", (self, args, n, kw) -> {
      if (Dicts.size(self) == 0) {
        throw vm.raise(vm.keyError, "popitem(): dictionary is empty");
      }
      int ix = Dicts.filled(self) - 1;
      while (Dicts.entryKey(self, ix) == 0) {
        ix--;
      }
      long pair = vm.tuple(Dicts.entryKey(self, ix), Dicts.entryValue(self, ix));
      Dicts.removeEntry(self, ix);
      Dicts.trimFilled(self);
      return pair;
    });
    noArgs(vm, "keys", (self, args, n, kw) -> newView(vm, self, VIEW_KEYS));
    noArgs(vm, "values", (self, args, n, kw) -> newView(vm, self, VIEW_VALUES));
    noArgs(vm, "items", (self, args, n, kw) -> newView(vm, self, VIEW_ITEMS));
    noArgs(vm, "copy", (self, args, n, kw) -> copy(vm, self));
    noArgs(vm, "clear", (self, args, n, kw) -> {
      Dicts.clear(self);
      return vm.none;
    });
    define(vm, "update", (self, args, n, kw) -> {
      updateCommon(vm, self, args + 8, n - 1, kw, "update");
      return vm.none;
    });
    oneArg(vm, "__contains__", (self, args, n, kw) ->
        vm.bool(Dicts.contains(vm, self, arg(args, 1))));
    oneArg(vm, "__getitem__", (self, args, n, kw) -> getItem(vm, self, arg(args, 1)));
    slot(vm, "__setitem__", 2, (self, args, n, kw) -> {
      Dicts.setItem(vm, self, arg(args, 1), arg(args, 2));
      return vm.none;
    });
    slot(vm, "__delitem__", 1, (self, args, n, kw) -> {
      delItem(vm, self, arg(args, 1));
      return vm.none;
    });
    slot(vm, "__len__", 0, (self, args, n, kw) -> fromInt(Dicts.size(self)));
    slot(vm, "__iter__", 0, (self, args, n, kw) ->
        DictViews.newIterator(vm, self, VIEW_KEYS));
    slot(vm, "__repr__", 0, (self, args, n, kw) -> repr(vm, self));
    vm.defineMethod(vm.dictType, "__init__", (args, nargs, kw) -> {
      long self = MappingTypes.slotReceiver(vm, args, nargs, vm.dictType, "__init__");
      updateCommon(vm, self, args + 8, nargs - 1, kw, "dict");
      return vm.none;
    });
    // Looked up on the class, where attribute lookup leaves it unbound: the first argument
    // is the iterable, and the result is a plain dict.
    vm.defineMethod(vm.dictType, "fromkeys", (args, nargs, kw) -> {
      MappingTypes.noKeywords(vm, kw, "dict.fromkeys");
      MappingTypes.positionalRange(vm, "fromkeys", nargs, 1, 2);
      long value = nargs == 2 ? arg(args, 1) : vm.none;
      return fromKeys(vm, arg(args, 0), value);
    });
  }

  static long fromKeys(VM vm, long iterable, long value) {
    long d = vm.newDict();
    long mark = vm.handleMark();
    try {
      vm.pushHandle(d);
      long keyMark = vm.handleMark();
      // Dicts and sets lend their stored hashes, as in CPython's fast paths.
      if ((iterable & 1) == 0 && vm.typeOf(iterable) == vm.dictType) {
        for (int i = 0; i < Dicts.filled(iterable); i++) {
          long k = Dicts.entryKey(iterable, i);
          if (k != 0) {
            vm.popHandles(keyMark);
            vm.pushHandle(k);
            Dicts.insert(vm, d, k, Dicts.storedHash(iterable, i), value);
          }
        }
        return d;
      }
      if (SetType.isAnySet(vm, iterable)) {
        for (int i = 0; (i = SetTable.nextLive(vm, iterable, i)) >= 0; i++) {
          long k = SetTable.keyAt(iterable, i);
          vm.popHandles(keyMark);
          vm.pushHandle(k);
          Dicts.insert(vm, d, k, SetTable.hashAt(iterable, i), value);
        }
        return d;
      }
      MappingTypes.forEach(vm, iterable, k -> {
        Dicts.setItem(vm, d, k, value);
        return true;
      });
      return d;
    } finally {
      vm.popHandles(mark);
    }
  }
}
