package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Helpers shared by the sequence kinds: argument checking in CPython's several wordings,
 * index conversion, the repr recursion guard, and converting any iterable to a list.
 */
public final class Sequences {
  private Sequences() {}

  /** PY_SSIZE_T_MAX: what CPython clamps slice bounds and search bounds to. */
  static final long SSIZE_MAX = Long.MAX_VALUE;
  static final long SSIZE_MIN = Long.MIN_VALUE;

  // ================================================================ arguments
  static long arg(long args, int i) {
    return Mem.getLong(args + 8L * i);
  }

  static int kwCount(long kwnames) {
    return kwnames == 0 ? 0 : VM.tupleLen(kwnames);
  }

  /** "str.find() takes no keyword arguments" (qualname is "str.find"). */
  static void noKeywords(VM vm, String qualname, long kwnames) {
    if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
      throw vm.typeError(qualname + "() takes no keyword arguments");
    }
  }

  /** METH_NOARGS methods: "str.upper() takes no arguments (1 given)"; given excludes self. */
  static void noArgs(VM vm, String qualname, int given, long kwnames) {
    noKeywords(vm, qualname, kwnames);
    if (given != 0) {
      throw vm.typeError(qualname + "() takes no arguments (" + given + " given)");
    }
  }

  /** METH_O methods: "list.append() takes exactly one argument (0 given)". */
  static void oneArg(VM vm, String qualname, int given, long kwnames) {
    noKeywords(vm, qualname, kwnames);
    if (given != 1) {
      throw vm.typeError(qualname + "() takes exactly one argument (" + given + " given)");
    }
  }

  private static String plural(int n) {
    return n == 1 ? " argument" : " arguments";
  }

  /** _PyArg_CheckPositional's wording: "strip expected at most 1 argument, got 2". */
  static void expectedArgs(VM vm, String name, int given, int min, int max) {
    if (given < min) {
      if (min == max) {
        throw vm.typeError(name + " expected " + min + plural(min) + ", got " + given);
      }
      throw vm.typeError(name + " expected at least " + min + plural(min) + ", got " + given);
    }
    if (given > max) {
      if (min == max) {
        throw vm.typeError(name + " expected " + max + plural(max) + ", got " + given);
      }
      throw vm.typeError(name + " expected at most " + max + plural(max) + ", got " + given);
    }
  }

  /** PyArg_ParseTuple's wording: "find() takes at least 1 argument (0 given)". */
  static void takesArgs(VM vm, String name, int given, int min, int max) {
    if (given < min) {
      throw vm.typeError(name + "() takes at least " + min + plural(min) + " (" + given
          + " given)");
    }
    if (given > max) {
      throw vm.typeError(name + "() takes at most " + max + plural(max) + " (" + given
          + " given)");
    }
  }

  /**
   * Argument Clinic's positional-or-keyword parsing. Returns one word per name (NULL when not
   * given); positional arguments start at args[first].
   */
  static long[] parseArgs(VM vm, String fname, long args, int nargs, long kwnames, int first,
      String[] names, int required) {
    int nkw = kwCount(kwnames);
    int npos = nargs - nkw - first;
    if (npos + nkw > names.length || npos > names.length) {
      throw vm.typeError(fname + "() takes at most " + names.length + plural(names.length)
          + " (" + (npos + nkw) + " given)");
    }
    long[] out = new long[names.length];
    for (int i = 0; i < npos; i++) {
      out[i] = arg(args, first + i);
    }
    for (int k = 0; k < nkw; k++) {
      String key = vm.str(VM.tupleGet(kwnames, k));
      int idx = -1;
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(key)) {
          idx = i;
          break;
        }
      }
      if (idx < 0) {
        throw vm.typeError("'" + key + "' is an invalid keyword argument for " + fname + "()");
      }
      if (idx < npos) {
        throw vm.typeError("argument for " + fname + "() given by name ('" + key
            + "') and position (" + (idx + 1) + ")");
      }
      out[idx] = arg(args, nargs - nkw + k);
    }
    for (int i = 0; i < required; i++) {
      if (out[i] == 0) {
        throw vm.typeError(fname + "() missing required argument '" + names[i] + "' (pos "
            + (i + 1) + ")");
      }
    }
    return out;
  }

  // ================================================================ indices
  /** True for types defined by a class statement (the only ones that can add __index__). */
  static boolean isHeapType(VM vm, long v) {
    return (v & 1) == 0 && (VM.typeFlags(vm.typeOf(v)) & TypeFlags.HEAPTYPE) != 0;
  }

  /** Whether v is usable as an index: an int, a bool, or an object with __index__. */
  static boolean isIndex(VM vm, long v) {
    if (vm.isInt(v)) {
      return true;
    }
    return isHeapType(vm, v) && vm.rt != null
        && vm.rt.lookupAttr(v, vm.intern("__index__")) != 0;
  }

  /**
   * The value of an index (int, bool or __index__) as a Java long; a value beyond 64 bits
   * raises errType with CPython's "cannot fit 'int' into an index-sized integer".
   */
  static long indexValue(VM vm, long v, long errType) {
    if (Tag.isInt(v)) {
      return intValue(v);
    }
    long i = v;
    if (!vm.isInt(v)) {
      if (vm.rt == null) {
        throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
      }
      long r = vm.rt.index(v);
      if (Tag.isInt(r)) {
        return intValue(r);
      }
      i = r;
    }
    if (!vm.fitsLong(i)) {
      throw vm.raise(errType, "cannot fit 'int' into an index-sized integer");
    }
    return vm.toLong(i);
  }

  /**
   * An integer argument converted as PyNumber_AsSsize_t(v, OverflowError): TypeError for
   * non-integers, OverflowError "Python int too large to convert to C ssize_t" past 64 bits.
   */
  static long ssizeArg(VM vm, long v) {
    if (Tag.isInt(v)) {
      return intValue(v);
    }
    long i = v;
    if (!vm.isInt(v)) {
      if (vm.rt == null || !isHeapType(vm, v)) {
        throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
      }
      i = vm.rt.index(v);
    }
    if (!vm.fitsLong(i)) {
      throw vm.raise(vm.overflowError, "Python int too large to convert to C ssize_t");
    }
    return vm.toLong(i);
  }

  /** A flag converted as Argument Clinic's bool(accept={int}) does: any int, non-zero = true. */
  static boolean intFlag(VM vm, long v) {
    if (Tag.isInt(v)) {
      return intValue(v) != 0;
    }
    if (vm.isInt(v)) {
      return vm.toBig(v).signum() != 0;
    }
    if (!isIndex(vm, v)) {
      throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
    }
    return vm.toBig(vm.rt.index(v)).signum() != 0;
  }

  /**
   * A slice bound as _PyEval_SliceIndex converts it: ints clamped to the 64-bit range,
   * anything without __index__ is a TypeError with the given message.
   */
  static long clampedIndex(VM vm, long v, String message) {
    if (Tag.isInt(v)) {
      return intValue(v);
    }
    long i = v;
    if (!vm.isInt(v)) {
      if (!isIndex(vm, v)) {
        throw vm.typeError(message);
      }
      i = vm.rt.index(v);
      if (Tag.isInt(i)) {
        return intValue(i);
      }
    }
    if (vm.fitsLong(i)) {
      return vm.toLong(i);
    }
    return vm.toBig(i).signum() < 0 ? SSIZE_MIN : SSIZE_MAX;
  }

  static final String SLICE_INDEX_MSG =
      "slice indices must be integers or None or have an __index__ method";
  static final String SLICE_INDEX_NOT_NONE_MSG =
      "slice indices must be integers or have an __index__ method";

  /** An optional start/end argument of str.find and friends (None allowed). */
  static long optBound(VM vm, long v, long dflt) {
    if (v == 0 || v == vm.none) {
      return dflt;
    }
    return clampedIndex(vm, v, SLICE_INDEX_MSG);
  }

  /** Adjusts [start, end) bounds of list.index/tuple.index to the sequence length. */
  static long adjustBound(long i, long len) {
    if (i < 0) {
      i += len;
      if (i < 0) {
        i = 0;
      }
    }
    return Math.min(i, len);
  }

  /** A sequence repeat count: an index-sized int, OverflowError beyond 64 bits. */
  static long repeatCount(VM vm, long v) {
    return indexValue(vm, v, vm.overflowError);
  }

  /**
   * Whether a class instance on the right of "seq + x" or "seq * x" has the reflected method:
   * CPython tries it before the sequence's own concat/repeat, so the sequence must decline.
   */
  static boolean defersToReflected(VM vm, long other, String name) {
    return isHeapType(vm, other) && vm.rt != null
        && vm.rt.lookupAttr(other, vm.intern(name)) != 0;
  }

  static PyException cannotMultiply(VM vm, long other) {
    return vm.typeError("can't multiply sequence by non-int of type '" + vm.typeNameOf(other)
        + "'");
  }

  // ================================================================ repr recursion guard
  /**
   * Containers whose repr is in progress, so self-references print as [...] / (...) / {...}.
   * One guard per VM, shared by every container kind as CPython's Py_ReprEnter is.
   */
  public static final class ReprGuard {
    private long[] active = new long[16];
    private int depth;

    /** False when obj's repr is already in progress (print the ellipsis form instead). */
    public boolean enter(long obj) {
      for (int i = depth - 1; i >= 0; i--) {
        if (active[i] == obj) {
          return false;
        }
      }
      if (depth == active.length) {
        active = java.util.Arrays.copyOf(active, depth * 2);
      }
      active[depth++] = obj;
      return true;
    }

    public void leave(long obj) {
      for (int i = depth - 1; i >= 0; i--) {
        if (active[i] == obj) {
          System.arraycopy(active, i + 1, active, i, depth - i - 1);
          depth--;
          return;
        }
      }
    }
  }

  private static final java.util.Map<VM, ReprGuard> GUARDS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The VM's repr recursion guard (for dict, set and other container reprs too). */
  public static ReprGuard reprGuard(VM vm) {
    return GUARDS.computeIfAbsent(vm, k -> new ReprGuard());
  }

  // ================================================================ conversions
  /** A new list with the items of any iterable: list(x). */
  public static long toList(VM vm, long iterable) {
    if ((iterable & 1) == 0) {
      long type = Mem.getLong(iterable);
      if (type == vm.listType) {
        return vm.listFromWords(VM.listItems(iterable), VM.listLen(iterable));
      }
      if (type == vm.tupleType) {
        return vm.listFromWords(iterable + Layout.Tuple.ITEMS, VM.tupleLen(iterable));
      }
      if (type == vm.strType) {
        int n = VM.strLen(iterable);
        long list = vm.newList(n);
        long items = VM.listItems(list);
        for (int i = 0; i < n; i++) {
          Mem.putLong(items + 8L * i, vm.charStr(VM.strCodePoint(iterable, i)));
        }
        VM.listSetSize(list, n);
        return list;
      }
      if (type == vm.rangeType) {
        long list = RangeType.toList(vm, iterable);
        if (list != 0) {
          return list;
        }
      }
      if (type == vm.dictType) {
        int filled = Dicts.filled(iterable);
        long list = vm.newList(Dicts.size(iterable));
        for (int i = 0; i < filled; i++) {
          long k = Dicts.entryKey(iterable, i);
          if (k != 0) {
            vm.listAppend(list, k);
          }
        }
        return list;
      }
    }
    long list = vm.newList(0);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(list);
      long it = iterOf(vm, iterable);
      vm.pushHandle(it);
      extendFromIterator(vm, list, it);
    } finally {
      vm.popHandles(mark);
    }
    return list;
  }

  /** A tuple with the items of any iterable: tuple(x). */
  public static long toTuple(VM vm, long iterable) {
    if ((iterable & 1) == 0) {
      long type = Mem.getLong(iterable);
      if (type == vm.tupleType) {
        return iterable;
      }
      if (vm.isList(iterable) && type == vm.listType) {
        return vm.tupleFromWords(VM.listItems(iterable), VM.listLen(iterable));
      }
    }
    long list = toList(vm, iterable);
    return vm.tupleFromWords(VM.listItems(list), VM.listLen(list));
  }

  /** iter(x) with the kinds of this package served directly. */
  static long iterOf(VM vm, long v) {
    if ((v & 1) == 0) {
      long type = Mem.getLong(v);
      if (type == vm.listType || type == vm.tupleType || type == vm.strType
          || type == vm.rangeType) {
        return vm.kindOps[vm.kindOf(v)].iter(vm, v);
      }
      if (VM.typeKind(type) == Kind.ITERATOR && !isHeapType(vm, v)) {
        return v;
      }
    }
    if (vm.rt == null) {
      throw vm.typeError("'" + vm.typeNameOf(v) + "' object is not iterable");
    }
    return vm.rt.iter(v);
  }

  /** next(it) with this package's iterators served directly; NULL when exhausted. */
  static long nextOf(VM vm, long it) {
    if ((it & 1) == 0 && VM.typeKind(Mem.getLong(it)) == Kind.ITERATOR && !isHeapType(vm, it)) {
      return Iterators.nextItem(vm, it);
    }
    return vm.rt.next(it);
  }

  /** Appends everything the iterator yields; list must be rooted by the caller. */
  static void extendFromIterator(VM vm, long list, long it) {
    while (true) {
      long item = nextOf(vm, it);
      if (item == 0) {
        return;
      }
      vm.listAppend(list, item);
    }
  }

  /** Identity, then the small-int and str fast paths, then the runtime's ==. */
  static boolean itemsEqual(VM vm, long a, long b) {
    if (a == b) {
      return true;
    }
    boolean ai = (a & 1) != 0;
    boolean bi = (b & 1) != 0;
    if (ai && bi) {
      return false;
    }
    boolean as = !ai && Mem.getLong(a) == vm.strType;
    boolean bs = !bi && Mem.getLong(b) == vm.strType;
    if (as && bs) {
      return org.stitchjit.runtime.vm.Strs.equal(a, b);
    }
    if ((as && bi) || (ai && bs)) {
      return false;
    }
    return vm.rt.eq(a, b);
  }

  /** Forgets an exception Java code caught and handled, as PyErr_Clear does. */
  static void clearPending(VM vm) {
    Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
  }
}
