package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.Sequences.arg;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * list: SIZE items in an Array whose slot count is the capacity. Slots past SIZE are kept
 * NULL so the collector, which scans the whole array, does not keep dead items alive.
 */
public final class ListType implements TypeOps {

  // ================================================================ storage helpers
  /** Replaces items [lo, hi) with vals (0 <= lo <= hi <= size), growing or shrinking. */
  static void replaceRange(VM vm, long list, int lo, int hi, long[] vals, int nvals) {
    int size = VM.listLen(list);
    int d = nvals - (hi - lo);
    long newSize = (long) size + d;
    if (newSize > Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    if (d > 0) {
      vm.listReserve(list, (int) newSize);
    }
    if (newSize == 0 && nvals == 0) {
      clearStorage(list);
      return;
    }
    long items = VM.listItems(list);
    if (d != 0 && hi < size) {
      Mem.copy(items + 8L * hi, items + 8L * (hi + d), 8L * (size - hi));
    }
    for (int i = 0; i < nvals; i++) {
      Mem.putLong(items + 8L * (lo + i), vals[i]);
    }
    if (d < 0) {
      Mem.zero(items + 8L * newSize, 8L * -d);
    }
    VM.listSetSize(list, (int) newSize);
    if (d < 0) {
      maybeShrink(vm, list);
    }
  }

  private static void clearStorage(long list) {
    Mem.putLong(list + Layout.List.ITEMS, 0);
    VM.listSetSize(list, 0);
  }

  /** Gives back storage when a list has shrunk to under a quarter of its capacity. */
  static void maybeShrink(VM vm, long list) {
    int cap = VM.listCapacity(list);
    int size = VM.listLen(list);
    if (cap <= 16 || size >= cap / 4) {
      return;
    }
    if (size == 0) {
      Mem.putLong(list + Layout.List.ITEMS, 0);
      return;
    }
    int newCap = size + (size >> 3) + 6;
    long fresh = vm.alloc(vm.arrayType, newCap, 0);
    Mem.copy(VM.listItems(list), fresh + Layout.Array.ITEMS, 8L * size);
    Mem.putLong(list + Layout.List.ITEMS, fresh);
  }

  static void deleteAt(VM vm, long list, int i) {
    int size = VM.listLen(list);
    long items = VM.listItems(list);
    Mem.copy(items + 8L * (i + 1), items + 8L * i, 8L * (size - i - 1));
    Mem.putLong(items + 8L * (size - 1), 0);
    VM.listSetSize(list, size - 1);
    maybeShrink(vm, list);
  }

  static void insertAt(VM vm, long list, int i, long v) {
    int size = VM.listLen(list);
    if (i >= size) {
      vm.listAppend(list, v);
      return;
    }
    vm.listReserve(list, size + 1);
    long items = VM.listItems(list);
    Mem.copy(items + 8L * i, items + 8L * (i + 1), 8L * (size - i));
    Mem.putLong(items + 8L * i, v);
    VM.listSetSize(list, size + 1);
  }

  /** The items of a list or tuple as a Java array (a copy: safe when v is the target). */
  private static long[] wordsOf(long v, boolean isList) {
    int n = isList ? VM.listLen(v) : VM.tupleLen(v);
    long[] out = new long[n];
    long src = isList ? (n == 0 ? 0 : VM.listItems(v)) : v + Layout.Tuple.ITEMS;
    for (int i = 0; i < n; i++) {
      out[i] = Mem.getLong(src + 8L * i);
    }
    return out;
  }

  /**
   * PySequence_Fast: the items of any iterable, TypeError(message) when it is not iterable.
   * Items of a non-sequence are only rooted until the caller's next call into guest code.
   */
  static long[] sequenceItems(VM vm, long v, String message) {
    if (vm.isList(v) && !Sequences.isHeapType(vm, v)) {
      return wordsOf(v, true);
    }
    if ((v & 1) == 0 && Mem.getLong(v) == vm.tupleType) {
      return wordsOf(v, false);
    }
    long it;
    try {
      it = Sequences.iterOf(vm, v);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.typeError)) {
        Sequences.clearPending(vm);
        throw vm.typeError(message);
      }
      throw e;
    }
    long tmp = vm.newList(0);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(tmp);
      vm.pushHandle(it);
      Sequences.extendFromIterator(vm, tmp, it);
    } finally {
      vm.popHandles(mark);
    }
    return wordsOf(tmp, true);
  }

  /** list.extend(iterable) / list += iterable. */
  static void extend(VM vm, long list, long iterable) {
    if ((iterable & 1) == 0) {
      long t = Mem.getLong(iterable);
      if (t == vm.listType || t == vm.tupleType) {
        long[] vals = wordsOf(iterable, t == vm.listType);
        int size = VM.listLen(list);
        replaceRange(vm, list, size, size, vals, vals.length);
        return;
      }
    }
    long it = Sequences.iterOf(vm, iterable);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(it);
      Sequences.extendFromIterator(vm, list, it);
    } finally {
      vm.popHandles(mark);
    }
  }

  // ================================================================ TypeOps
  @Override
  public long repr(VM vm, long self) {
    if (VM.listLen(self) == 0) {
      return vm.intern("[]");
    }
    Sequences.ReprGuard guard = Sequences.reprGuard(vm);
    if (!guard.enter(self)) {
      return vm.intern("[...]");
    }
    try {
      StringBuilder sb = new StringBuilder();
      sb.append('[');
      // The list is re-read each time: an item's __repr__ may mutate it.
      for (int i = 0; i < VM.listLen(self); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        TupleType.appendRepr(vm, sb, VM.listGet(self, i));
      }
      return vm.newStr(sb.append(']').toString());
    } finally {
      guard.leave(self);
    }
  }

  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    if (!vm.isList(a) || !vm.isList(b)) {
      return vm.notImplemented;
    }
    return TupleType.compareSequences(vm, a, b, op);
  }

  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    boolean inplace = BinaryOp.isInplace(op);
    int base = BinaryOp.base(op);
    if (base == BinaryOp.ADD) {
      if (!vm.isList(a)) {
        return vm.notImplemented;
      }
      if (inplace) {
        if (Sequences.defersToReflected(vm, b, "__radd__")) {
          return vm.notImplemented;
        }
        extend(vm, a, b);
        return a;
      }
      if (!vm.isList(b)) {
        if (Sequences.defersToReflected(vm, b, "__radd__")) {
          return vm.notImplemented;
        }
        throw vm.typeError("can only concatenate list (not \"" + vm.typeNameOf(b)
            + "\") to list");
      }
      return concat(vm, a, b);
    }
    if (base == BinaryOp.MULTIPLY) {
      long seq = vm.isList(a) ? a : b;
      long count = seq == a ? b : a;
      if (count == b && Sequences.defersToReflected(vm, b, "__rmul__")) {
        return vm.notImplemented;
      }
      if (!Sequences.isIndex(vm, count)) {
        throw Sequences.cannotMultiply(vm, count);
      }
      long n = Sequences.repeatCount(vm, count);
      if (inplace && seq == a) {
        repeatInPlace(vm, a, n);
        return a;
      }
      return repeat(vm, seq, n);
    }
    return vm.notImplemented;
  }

  static long concat(VM vm, long a, long b) {
    int na = VM.listLen(a);
    int nb = VM.listLen(b);
    long total = (long) na + nb;
    if (total > Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    long r = vm.newList((int) total);
    long dst = total == 0 ? 0 : VM.listItems(r);
    if (na > 0) {
      Mem.copy(VM.listItems(a), dst, 8L * na);
    }
    if (nb > 0) {
      Mem.copy(VM.listItems(b), dst + 8L * na, 8L * nb);
    }
    VM.listSetSize(r, (int) total);
    return r;
  }

  static long repeat(VM vm, long list, long count) {
    int n = VM.listLen(list);
    if (count <= 0 || n == 0) {
      return vm.newList(0);
    }
    if (count > Header.MAX_FIELD / n) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    int total = (int) (n * count);
    long r = vm.newList(total);
    fillRepeated(VM.listItems(r), VM.listItems(list), n, total);
    VM.listSetSize(r, total);
    return r;
  }

  private static void fillRepeated(long dst, long src, int n, int total) {
    if (n == 1) {
      long v = Mem.getLong(src);
      for (int i = 0; i < total; i++) {
        Mem.putLong(dst + 8L * i, v);
      }
      return;
    }
    if (dst != src) {
      Mem.copy(src, dst, 8L * n);
    }
    // Doubling copies from the part already filled.
    int done = n;
    while (done < total) {
      int chunk = Math.min(done, total - done);
      Mem.copy(dst, dst + 8L * done, 8L * chunk);
      done += chunk;
    }
  }

  static void repeatInPlace(VM vm, long list, long count) {
    int n = VM.listLen(list);
    if (n == 0 || count == 1) {
      return;
    }
    if (count <= 0) {
      clearStorage(list);
      return;
    }
    if (count > Header.MAX_FIELD / n) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    int total = (int) (n * count);
    vm.listReserve(list, total);
    long items = VM.listItems(list);
    fillRepeated(items, items, n, total);
    VM.listSetSize(list, total);
  }

  @Override
  public long len(VM vm, long self) {
    return VM.listLen(self);
  }

  @Override
  public int isTrue(VM vm, long self) {
    return VM.listLen(self) != 0 ? 1 : 0;
  }

  /** The index of an int-like key within [0, size), or -1 when out of range. */
  private static long normIndex(VM vm, long key, int size) {
    long i = Tag.isInt(key) ? intValue(key) : Sequences.indexValue(vm, key, vm.indexError);
    if (i < 0) {
      i += size;
    }
    return i < 0 || i >= size ? -1 : i;
  }

  @Override
  public long getItem(VM vm, long self, long key) {
    if (Tag.isInt(key) || Sequences.isIndex(vm, key)) {
      long i = normIndex(vm, key, VM.listLen(self));
      if (i < 0) {
        throw vm.raise(vm.indexError, "list index out of range");
      }
      return VM.listGet(self, (int) i);
    }
    if (SliceType.isSlice(vm, key)) {
      long[] r = SliceType.indices(vm, key, VM.listLen(self));
      return slice(vm, self, r);
    }
    throw indicesError(vm, key);
  }

  private static PyException indicesError(VM vm, long key) {
    return vm.typeError("list indices must be integers or slices, not " + vm.typeNameOf(key));
  }

  static long slice(VM vm, long self, long[] r) {
    int count = (int) r[SliceType.COUNT];
    if (count <= 0) {
      return vm.newList(0);
    }
    long start = r[SliceType.START];
    long step = r[SliceType.STEP];
    if (step == 1) {
      return vm.listFromWords(VM.listItems(self) + 8L * start, count);
    }
    long list = vm.newList(count);
    long src = VM.listItems(self);
    long dst = VM.listItems(list);
    long cur = start;
    for (int i = 0; i < count; i++, cur += step) {
      Mem.putLong(dst + 8L * i, Mem.getLong(src + 8L * cur));
    }
    VM.listSetSize(list, count);
    return list;
  }

  @Override
  public boolean setItem(VM vm, long self, long key, long value) {
    if (Tag.isInt(key) || Sequences.isIndex(vm, key)) {
      long i = normIndex(vm, key, VM.listLen(self));
      if (i < 0) {
        throw vm.raise(vm.indexError, "list assignment index out of range");
      }
      VM.listSet(self, (int) i, value);
      return true;
    }
    if (SliceType.isSlice(vm, key)) {
      assignSlice(vm, self, key, value);
      return true;
    }
    throw indicesError(vm, key);
  }

  /** list[a:b:c] = value, with CPython's rules for simple and extended slices. */
  static void assignSlice(VM vm, long self, long sliceObj, long value) {
    long[] r = SliceType.unpack(vm, sliceObj);
    long step = r[SliceType.STEP];
    long[] vals = sequenceItems(vm, value, step == 1 ? "can only assign an iterable"
        : "must assign iterable to extended slice");
    // Converting value may have run guest code that resized the list: fit the slice now.
    SliceType.adjust(r, VM.listLen(self));
    int start = (int) r[SliceType.START];
    if (step == 1) {
      int stop = (int) Math.max(r[SliceType.STOP], start);
      replaceRange(vm, self, start, stop, vals, vals.length);
      return;
    }
    long count = r[SliceType.COUNT];
    if (vals.length != count) {
      throw vm.valueError("attempt to assign sequence of size " + vals.length
          + " to extended slice of size " + count);
    }
    long items = count == 0 ? 0 : VM.listItems(self);
    long cur = start;
    for (int i = 0; i < count; i++, cur += step) {
      Mem.putLong(items + 8L * cur, vals[i]);
    }
  }

  @Override
  public boolean delItem(VM vm, long self, long key) {
    if (Tag.isInt(key) || Sequences.isIndex(vm, key)) {
      long i = normIndex(vm, key, VM.listLen(self));
      if (i < 0) {
        throw vm.raise(vm.indexError, "list assignment index out of range");
      }
      deleteAt(vm, self, (int) i);
      return true;
    }
    if (SliceType.isSlice(vm, key)) {
      long[] r = SliceType.indices(vm, key, VM.listLen(self));
      deleteSlice(vm, self, r);
      return true;
    }
    throw indicesError(vm, key);
  }

  static void deleteSlice(VM vm, long self, long[] r) {
    long count = r[SliceType.COUNT];
    long start = r[SliceType.START];
    long step = r[SliceType.STEP];
    if (count <= 0) {
      return;
    }
    if (step < 0) {
      start = start + step * (count - 1);
      step = -step;
    }
    if (step == 1) {
      replaceRange(vm, self, (int) start, (int) (start + count), new long[0], 0);
      return;
    }
    int size = VM.listLen(self);
    long items = VM.listItems(self);
    long dst = start;
    long nextDeleted = start;
    long deleted = 0;
    for (long src = start; src < size; src++) {
      if (src == nextDeleted && deleted < count) {
        deleted++;
        nextDeleted += step;
        continue;
      }
      Mem.putLong(items + 8L * dst, Mem.getLong(items + 8L * src));
      dst++;
    }
    Mem.zero(items + 8L * dst, 8L * (size - dst));
    VM.listSetSize(self, (int) dst);
    maybeShrink(vm, self);
  }

  @Override
  public int contains(VM vm, long self, long key) {
    for (int i = 0; i < VM.listLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.listGet(self, i), key)) {
        return 1;
      }
    }
    return 0;
  }

  @Override
  public long iter(VM vm, long self) {
    return Iterators.newIter(vm, vm.listIteratorType, self, fromInt(0));
  }

  /** An empty instance of list or a subclass, with the subclass's attribute slots. */
  @Override
  public long allocate(VM vm, long type) {
    long nslots = Math.max(Layout.List.NSLOTS,
        intValue(Mem.getLong(type + Layout.Type.INSTANCE_SLOTS)));
    long attrOffset = intValue(Mem.getLong(type + Layout.Type.ATTR_OFFSET));
    long obj = vm.alloc(type, nslots, 0);
    Mem.putLong(obj + Layout.List.SIZE, fromInt(0));
    if (attrOffset != 0) {
      Mem.putLong(obj + attrOffset + Layout.Attrs.SHAPE,
          Mem.getLong(type + Layout.Type.ROOT_SHAPE));
    }
    return obj;
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "list", kwnames);
    Sequences.expectedArgs(vm, "list", nargs, 0, 1);
    if (type != vm.listType) {
      long obj = allocate(vm, type);
      if (nargs == 1) {
        long mark = vm.handleMark();
        try {
          vm.pushHandle(obj);
          extend(vm, obj, arg(args, 0));
        } finally {
          vm.popHandles(mark);
        }
      }
      return obj;
    }
    if (nargs == 0) {
      return vm.newList(0);
    }
    return Sequences.toList(vm, arg(args, 0));
  }

  // ================================================================ methods
  /** list.__init__(self, iterable=()): empties self, then extends it. */
  static long init(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "list", kwnames);
    Sequences.expectedArgs(vm, "list", nargs - 1, 0, 1);
    long self = arg(args, 0);
    requireList(vm, self, "__init__");
    if (VM.listLen(self) > 0) {
      clearStorage(self);
    }
    if (nargs > 1) {
      extend(vm, self, arg(args, 1));
    }
    return vm.none;
  }

  /** Methods called through the type (list.append(x, 1)) must still get a list. */
  static void requireList(VM vm, long self, String name) {
    if (!vm.isList(self)) {
      throw vm.typeError("descriptor '" + name + "' for 'list' objects doesn't apply to a '"
          + vm.typeNameOf(self) + "' object");
    }
  }

  static long append(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "list.append", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "append");
    vm.listAppend(self, arg(args, 1));
    return vm.none;
  }

  static long extendMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "list.extend", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "extend");
    extend(vm, self, arg(args, 1));
    return vm.none;
  }

  static long insert(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "list.insert", kwnames);
    Sequences.expectedArgs(vm, "insert", nargs - 1, 2, 2);
    long self = arg(args, 0);
    requireList(vm, self, "insert");
    long i = Sequences.ssizeArg(vm, arg(args, 1));
    int n = VM.listLen(self);
    if (i < 0) {
      i += n;
      if (i < 0) {
        i = 0;
      }
    }
    if (i > n) {
      i = n;
    }
    insertAt(vm, self, (int) i, arg(args, 2));
    return vm.none;
  }

  static long pop(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "list.pop", kwnames);
    Sequences.expectedArgs(vm, "pop", nargs - 1, 0, 1);
    long self = arg(args, 0);
    requireList(vm, self, "pop");
    long i = nargs > 1 ? Sequences.ssizeArg(vm, arg(args, 1)) : -1;
    int n = VM.listLen(self);
    if (n == 0) {
      throw vm.raise(vm.indexError, "pop from empty list");
    }
    if (i < 0) {
      i += n;
    }
    if (i < 0 || i >= n) {
      throw vm.raise(vm.indexError, "pop index out of range");
    }
    long v = VM.listGet(self, (int) i);
    if (i == n - 1) {
      VM.listSet(self, (int) i, 0);
      VM.listSetSize(self, n - 1);
      maybeShrink(vm, self);
    } else {
      deleteAt(vm, self, (int) i);
    }
    return v;
  }

  static long remove(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "list.remove", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "remove");
    long x = arg(args, 1);
    for (int i = 0; i < VM.listLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.listGet(self, i), x)) {
        if (i < VM.listLen(self)) {
          deleteAt(vm, self, i);
        }
        return vm.none;
      }
    }
    throw vm.valueError("list.remove(x): x not in list");
  }

  static long index(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "list.index", kwnames);
    Sequences.expectedArgs(vm, "index", nargs - 1, 1, 3);
    long self = arg(args, 0);
    requireList(vm, self, "index");
    long x = arg(args, 1);
    long start = nargs > 2
        ? Sequences.clampedIndex(vm, arg(args, 2), Sequences.SLICE_INDEX_NOT_NONE_MSG) : 0;
    long stop = nargs > 3
        ? Sequences.clampedIndex(vm, arg(args, 3), Sequences.SLICE_INDEX_NOT_NONE_MSG)
        : Long.MAX_VALUE;
    int n = VM.listLen(self);
    start = Sequences.adjustBound(start, n);
    stop = Sequences.adjustBound(stop, n);
    for (long i = start; i < stop && i < VM.listLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.listGet(self, (int) i), x)) {
        return fromInt(i);
      }
    }
    StringBuilder sb = new StringBuilder();
    TupleType.appendRepr(vm, sb, x);
    throw vm.valueError(sb.append(" is not in list").toString());
  }

  static long count(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "list.count", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "count");
    long x = arg(args, 1);
    long c = 0;
    for (int i = 0; i < VM.listLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.listGet(self, i), x)) {
        c++;
      }
    }
    return fromInt(c);
  }

  static long reverse(VM vm, long args, int nargs, long kwnames) {
    Sequences.noArgs(vm, "list.reverse", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "reverse");
    int n = VM.listLen(self);
    if (n > 1) {
      long items = VM.listItems(self);
      for (int i = 0, j = n - 1; i < j; i++, j--) {
        long t = Mem.getLong(items + 8L * i);
        Mem.putLong(items + 8L * i, Mem.getLong(items + 8L * j));
        Mem.putLong(items + 8L * j, t);
      }
    }
    return vm.none;
  }

  static long copy(VM vm, long args, int nargs, long kwnames) {
    Sequences.noArgs(vm, "list.copy", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "copy");
    int n = VM.listLen(self);
    return n == 0 ? vm.newList(0) : vm.listFromWords(VM.listItems(self), n);
  }

  static long clear(VM vm, long args, int nargs, long kwnames) {
    Sequences.noArgs(vm, "list.clear", nargs - 1, kwnames);
    long self = arg(args, 0);
    requireList(vm, self, "clear");
    clearStorage(self);
    return vm.none;
  }
}
