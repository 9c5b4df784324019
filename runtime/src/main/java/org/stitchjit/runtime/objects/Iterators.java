package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.Sequences.arg;

import java.math.BigInteger;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Iter;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * The built-in iterators (kind ITERATOR), told apart by their type pointer. Their state lives
 * in the four {@link Iter} slots:
 *
 * <ul>
 *   <li>list, tuple, str, sequence (__getitem__) iterators: SEQ = the sequence (NULL once
 *       exhausted), INDEX = next index.
 *   <li>range iterators: INDEX = next value, AUX = step, LIMIT = values left.
 *   <li>callable iterator: SEQ = the callable, AUX = the sentinel.
 *   <li>enumerate: SEQ = the underlying iterator, INDEX = the next count (any int).
 *   <li>zip: SEQ = tuple of iterators, LIMIT = strict flag (True/False).
 *   <li>map: SEQ = tuple of iterators, AUX = the function.
 *   <li>filter: SEQ = the iterator, AUX = the predicate (None for truth).
 *   <li>reversed: SEQ = the sequence (NULL once exhausted), INDEX = next index, counting down.
 * </ul>
 */
public final class Iterators implements TypeOps {
  static long newIter(VM vm, long type, long seq, long index) {
    long it = vm.alloc(type, Iter.NSLOTS, 0);
    Mem.putLong(it + Iter.SEQ, seq);
    Mem.putLong(it + Iter.INDEX, index);
    return it;
  }

  /** A range iterator yielding count values from first by step (all guest ints). */
  public static long rangeIterator(VM vm, long first, long step, long count) {
    long it = vm.alloc(vm.rangeIteratorType, Iter.NSLOTS, 0);
    Mem.putLong(it + Iter.INDEX, first);
    Mem.putLong(it + Iter.AUX, step);
    Mem.putLong(it + Iter.LIMIT, count);
    return it;
  }

  // ================================================================ factories
  /** enumerate(iterable, start); start is a guest int. */
  public static long enumerate(VM vm, long iterable, long start) {
    long it = Sequences.iterOf(vm, iterable);
    return newIter(vm, vm.enumerateType, it, start);
  }

  /** zip(*iterables); the iterables must be rooted by the caller (arguments are). */
  public static long zip(VM vm, long[] iterables) {
    return zip(vm, iterables, false);
  }

  public static long zip(VM vm, long[] iterables, boolean strict) {
    long iters = iteratorTuple(vm, iterables);
    long z = newIter(vm, vm.zipType, iters, fromInt(0));
    Mem.putLong(z + Iter.LIMIT, vm.bool(strict));
    return z;
  }

  /** map(func, *iterables). */
  public static long map(VM vm, long func, long[] iterables) {
    long iters = iteratorTuple(vm, iterables);
    long m = newIter(vm, vm.mapType, iters, fromInt(0));
    Mem.putLong(m + Iter.AUX, func);
    return m;
  }

  /** filter(func, iterable); func may be None. */
  public static long filter(VM vm, long func, long iterable) {
    long it = Sequences.iterOf(vm, iterable);
    long f = newIter(vm, vm.filterType, it, fromInt(0));
    Mem.putLong(f + Iter.AUX, func);
    return f;
  }

  /** iter(callable, sentinel). */
  public static long callIterator(VM vm, long callable, long sentinel) {
    long it = newIter(vm, vm.callIteratorType, callable, fromInt(0));
    Mem.putLong(it + Iter.AUX, sentinel);
    return it;
  }

  /** The iterator iter() makes for an object that only has __getitem__. */
  public static long seqIterator(VM vm, long obj) {
    return newIter(vm, vm.seqIteratorType, obj, fromInt(0));
  }

  /** reversed(seq). */
  public static long reversed(VM vm, long seq) {
    boolean heap = Sequences.isHeapType(vm, seq);
    int kind = vm.kindOf(seq);
    boolean builtinSeq = kind == Kind.LIST || kind == Kind.TUPLE || kind == Kind.STR
        || kind == Kind.RANGE;
    if (builtinSeq && !heap) {
      return reversedBuiltin(vm, seq, kind);
    }
    if (vm.rt != null) {
      long rev = vm.rt.lookupAttr(seq, vm.intern("__reversed__"));
      if (rev != 0) {
        if (rev == vm.none) {
          throw notReversible(vm, seq);
        }
        return vm.rt.call(rev, new long[0]);
      }
    }
    if (builtinSeq) {
      return reversedBuiltin(vm, seq, kind);
    }
    if (kind != Kind.DICT && vm.rt != null
        && vm.rt.lookupAttr(seq, vm.intern("__getitem__")) != 0) {
      long n = vm.rt.len(seq);
      return newIter(vm, vm.reversedType, seq, fromInt(n - 1));
    }
    throw notReversible(vm, seq);
  }

  private static PyException notReversible(VM vm, long seq) {
    return vm.typeError("'" + vm.typeNameOf(seq) + "' object is not reversible");
  }

  private static long reversedBuiltin(VM vm, long seq, int kind) {
    switch (kind) {
      case Kind.LIST:
        return newIter(vm, vm.reversedType, seq, fromInt(VM.listLen(seq) - 1));
      case Kind.TUPLE:
        return newIter(vm, vm.reversedType, seq, fromInt(VM.tupleLen(seq) - 1));
      case Kind.STR:
        return newIter(vm, vm.reversedType, seq, fromInt(VM.strLen(seq) - 1));
      default:
        return RangeType.reversedIter(vm, seq);
    }
  }

  /** A tuple of iter(x) for each x, rooted while the iterators are made. */
  private static long iteratorTuple(VM vm, long[] iterables) {
    int n = iterables.length;
    long t = vm.newTuple(n);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(t);
      for (int i = 0; i < n; i++) {
        long it = Sequences.iterOf(vm, iterables[i]);
        VM.tupleSet(t, i, it);
      }
    } finally {
      vm.popHandles(mark);
    }
    return t;
  }

  // ================================================================ next
  /** next(it) for every built-in iterator type: the item, or NULL when exhausted. */
  public static long nextItem(VM vm, long it) {
    long type = Mem.getLong(it);
    if (type == vm.listIteratorType) {
      long seq = Mem.getLong(it + Iter.SEQ);
      if (seq == 0) {
        return 0;
      }
      int i = (int) intValue(Mem.getLong(it + Iter.INDEX));
      if (i < VM.listLen(seq)) {
        Mem.putLong(it + Iter.INDEX, fromInt(i + 1));
        return VM.listGet(seq, i);
      }
      Mem.putLong(it + Iter.SEQ, 0);
      return 0;
    }
    if (type == vm.rangeIteratorType) {
      return nextRange(vm, it);
    }
    if (type == vm.tupleIteratorType) {
      long seq = Mem.getLong(it + Iter.SEQ);
      if (seq == 0) {
        return 0;
      }
      int i = (int) intValue(Mem.getLong(it + Iter.INDEX));
      if (i < VM.tupleLen(seq)) {
        Mem.putLong(it + Iter.INDEX, fromInt(i + 1));
        return VM.tupleGet(seq, i);
      }
      Mem.putLong(it + Iter.SEQ, 0);
      return 0;
    }
    if (type == vm.strIteratorType) {
      long seq = Mem.getLong(it + Iter.SEQ);
      if (seq == 0) {
        return 0;
      }
      int i = (int) intValue(Mem.getLong(it + Iter.INDEX));
      if (i < VM.strLen(seq)) {
        Mem.putLong(it + Iter.INDEX, fromInt(i + 1));
        return vm.charStr(VM.strCodePoint(seq, i));
      }
      Mem.putLong(it + Iter.SEQ, 0);
      return 0;
    }
    if (type == vm.enumerateType) {
      return nextEnumerate(vm, it);
    }
    if (type == vm.zipType) {
      return nextZip(vm, it);
    }
    if (type == vm.mapType) {
      return nextMap(vm, it);
    }
    if (type == vm.filterType) {
      return nextFilter(vm, it);
    }
    if (type == vm.reversedType) {
      return nextReversed(vm, it);
    }
    if (type == vm.seqIteratorType) {
      return nextSeq(vm, it);
    }
    if (type == vm.callIteratorType) {
      return nextCall(vm, it);
    }
    if (vm.kindOps[Kind.ITERATOR] instanceof Iterators) {
      java.util.function.LongUnaryOperator extra =
          ((Iterators) vm.kindOps[Kind.ITERATOR]).extraNext.get(type);
      if (extra != null) {
        return extra.applyAsLong(it);
      }
    }
    throw vm.typeError("'" + vm.typeNameOf(it) + "' object is not an iterator");
  }

  private final java.util.Map<Long, java.util.function.LongUnaryOperator> extraNext =
      new java.util.HashMap<>();

  /**
   * Lets other built-in iterator types of kind ITERATOR (itertools, for instance) plug in
   * their next(): next maps the iterator to its next item, or NULL when exhausted.
   */
  public static void registerNext(VM vm, long type, java.util.function.LongUnaryOperator next) {
    ((Iterators) vm.kindOps[Kind.ITERATOR]).extraNext.put(type, next);
  }

  private static long nextRange(VM vm, long it) {
    long left = Mem.getLong(it + Iter.LIMIT);
    long value = Mem.getLong(it + Iter.INDEX);
    long step = Mem.getLong(it + Iter.AUX);
    if (Tag.isInt(left)) {
      long n = intValue(left);
      if (n <= 0) {
        return 0;
      }
      Mem.putLong(it + Iter.LIMIT, fromInt(n - 1));
    } else {
      BigInteger n = vm.toBig(left);
      if (n.signum() <= 0) {
        return 0;
      }
      Mem.putLong(it + Iter.LIMIT, vm.newInt(n.subtract(BigInteger.ONE)));
    }
    if (Tag.bothInts(value, step)) {
      long nextValue = intValue(value) + intValue(step);
      Mem.putLong(it + Iter.INDEX, Tag.fitsSmall(nextValue) ? fromInt(nextValue)
          : vm.newInt(BigInteger.valueOf(intValue(value)).add(BigInteger.valueOf(intValue(step)))));
    } else {
      Mem.putLong(it + Iter.INDEX, vm.newInt(vm.toBig(value).add(vm.toBig(step))));
    }
    return value;
  }

  private static long nextEnumerate(VM vm, long it) {
    long item = Sequences.nextOf(vm, Mem.getLong(it + Iter.SEQ));
    if (item == 0) {
      return 0;
    }
    long count = Mem.getLong(it + Iter.INDEX);
    long nextCount;
    if (Tag.isInt(count) && Tag.fitsSmall(intValue(count) + 1)) {
      nextCount = fromInt(intValue(count) + 1);
    } else {
      nextCount = vm.newInt(vm.toBig(count).add(BigInteger.ONE));
    }
    long result = vm.tuple(count, item);
    Mem.putLong(it + Iter.INDEX, nextCount);
    return result;
  }

  private static long nextZip(VM vm, long it) {
    long iters = Mem.getLong(it + Iter.SEQ);
    int n = VM.tupleLen(iters);
    if (n == 0) {
      return 0;
    }
    long result = vm.newTuple(n);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(result);
      for (int i = 0; i < n; i++) {
        long item = Sequences.nextOf(vm, VM.tupleGet(iters, i));
        if (item == 0) {
          if (Mem.getLong(it + Iter.LIMIT) == vm.trueObj) {
            strictCheck(vm, iters, i);
          }
          return 0;
        }
        VM.tupleSet(result, i, item);
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** zip(strict=True): iterator i ran out; every other must run out at the same time. */
  private static void strictCheck(VM vm, long iters, int i) {
    if (i > 0) {
      throw vm.valueError("zip() argument " + (i + 1) + " is shorter than argument"
          + (i == 1 ? " 1" : "s 1-" + i));
    }
    int n = VM.tupleLen(iters);
    for (int j = 1; j < n; j++) {
      if (Sequences.nextOf(vm, VM.tupleGet(iters, j)) != 0) {
        throw vm.valueError("zip() argument " + (j + 1) + " is longer than argument"
            + (j == 1 ? " 1" : "s 1-" + j));
      }
    }
  }

  private static long nextMap(VM vm, long it) {
    long iters = Mem.getLong(it + Iter.SEQ);
    int n = VM.tupleLen(iters);
    long args = vm.newTuple(n);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(args);
      for (int i = 0; i < n; i++) {
        long item = Sequences.nextOf(vm, VM.tupleGet(iters, i));
        if (item == 0) {
          return 0;
        }
        VM.tupleSet(args, i, item);
      }
      return vm.rt.callWords(Mem.getLong(it + Iter.AUX), args + Layout.Tuple.ITEMS, n, 0);
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long nextFilter(VM vm, long it) {
    long mark = vm.handleMark();
    try {
      while (true) {
        long item = Sequences.nextOf(vm, Mem.getLong(it + Iter.SEQ));
        if (item == 0) {
          return 0;
        }
        vm.popHandles(mark);
        vm.pushHandle(item);
        long func = Mem.getLong(it + Iter.AUX);
        boolean keep;
        if (func == vm.none || func == vm.boolType) {
          keep = vm.isTrue(item);
        } else {
          keep = vm.isTrue(vm.rt.call(func, new long[] {item}));
        }
        if (keep) {
          return item;
        }
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long nextReversed(VM vm, long it) {
    long seq = Mem.getLong(it + Iter.SEQ);
    if (seq == 0) {
      return 0;
    }
    long i = intValue(Mem.getLong(it + Iter.INDEX));
    if (i >= 0) {
      long t = Mem.getLong(seq);
      if (t == vm.tupleType) {
        Mem.putLong(it + Iter.INDEX, fromInt(i - 1));
        return VM.tupleGet(seq, (int) i);
      } else if (t == vm.strType) {
        Mem.putLong(it + Iter.INDEX, fromInt(i - 1));
        return vm.charStr(VM.strCodePoint(seq, (int) i));
      } else if (vm.isList(seq)) {
        // Lists are iterated live: items removed meanwhile end the iteration early.
        if (i < VM.listLen(seq)) {
          Mem.putLong(it + Iter.INDEX, fromInt(i - 1));
          return VM.listGet(seq, (int) i);
        }
      } else {
        long item = getItemOrEnd(vm, seq, fromInt(i));
        if (item != 0) {
          Mem.putLong(it + Iter.INDEX, fromInt(i - 1));
          return item;
        }
      }
    }
    Mem.putLong(it + Iter.INDEX, fromInt(-1));
    Mem.putLong(it + Iter.SEQ, 0);
    return 0;
  }

  /** seq[i], or NULL when it raises IndexError or StopIteration (which end iteration). */
  private static long getItemOrEnd(VM vm, long seq, long index) {
    try {
      return vm.rt.getItem(seq, index);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.indexError) || vm.isInstance(e.exc, vm.stopIteration)) {
        Sequences.clearPending(vm);
        return 0;
      }
      throw e;
    }
  }

  private static long nextSeq(VM vm, long it) {
    long seq = Mem.getLong(it + Iter.SEQ);
    if (seq == 0) {
      return 0;
    }
    long i = intValue(Mem.getLong(it + Iter.INDEX));
    long item = getItemOrEnd(vm, seq, fromInt(i));
    if (item == 0) {
      Mem.putLong(it + Iter.SEQ, 0);
      return 0;
    }
    Mem.putLong(it + Iter.INDEX, fromInt(i + 1));
    return item;
  }

  private static long nextCall(VM vm, long it) {
    long callable = Mem.getLong(it + Iter.SEQ);
    if (callable == 0) {
      return 0;
    }
    long result;
    try {
      result = vm.rt.call(callable, new long[0]);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.stopIteration)) {
        Sequences.clearPending(vm);
        Mem.putLong(it + Iter.SEQ, 0);
        Mem.putLong(it + Iter.AUX, 0);
        return 0;
      }
      throw e;
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(result);
      if (Sequences.itemsEqual(vm, Mem.getLong(it + Iter.AUX), result)) {
        Mem.putLong(it + Iter.SEQ, 0);
        Mem.putLong(it + Iter.AUX, 0);
        return 0;
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  // ================================================================ TypeOps
  @Override
  public long iter(VM vm, long self) {
    return self;
  }

  /** Iterators hash by identity (object.__hash__); the address's low bits are always zero. */
  @Override
  public long hash(VM vm, long self) {
    long h = Long.rotateRight(self, 4);
    return h == -1 ? -2 : h;
  }

  @Override
  public long next(VM vm, long self) {
    return nextItem(vm, self);
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    if (type == vm.enumerateType) {
      return constructEnumerate(vm, args, nargs, kwnames);
    }
    if (type == vm.zipType) {
      return constructZip(vm, args, nargs, kwnames);
    }
    if (type == vm.mapType) {
      if (Sequences.kwCount(kwnames) > 0) {
        throw vm.typeError("map() takes no keyword arguments");
      }
      if (nargs < 2) {
        throw vm.typeError("map() must have at least two arguments.");
      }
      long[] iterables = new long[nargs - 1];
      for (int i = 1; i < nargs; i++) {
        iterables[i - 1] = arg(args, i);
      }
      return map(vm, arg(args, 0), iterables);
    }
    if (type == vm.filterType) {
      Sequences.noKeywords(vm, "filter", kwnames);
      Sequences.expectedArgs(vm, "filter", nargs, 2, 2);
      return filter(vm, arg(args, 0), arg(args, 1));
    }
    if (type == vm.reversedType) {
      Sequences.noKeywords(vm, "reversed", kwnames);
      Sequences.expectedArgs(vm, "reversed", nargs, 1, 1);
      return reversed(vm, arg(args, 0));
    }
    throw vm.typeError("cannot create '" + vm.typeName(type) + "' instances");
  }

  private static long constructEnumerate(VM vm, long args, int nargs, long kwnames) {
    int nkw = Sequences.kwCount(kwnames);
    if (nargs > 2) {
      throw vm.typeError("enumerate() takes at most 2 arguments (" + nargs + " given)");
    }
    long iterable = 0;
    long start = 0;
    int npos = nargs - nkw;
    if (npos > 0) {
      iterable = arg(args, 0);
    }
    if (npos > 1) {
      start = arg(args, 1);
    }
    for (int k = 0; k < nkw; k++) {
      String key = vm.str(VM.tupleGet(kwnames, k));
      long v = arg(args, npos + k);
      if (key.equals("iterable") && iterable == 0) {
        iterable = v;
      } else if (key.equals("start") && start == 0 && iterable != 0) {
        start = v;
      } else {
        throw vm.typeError("'" + key + "' is an invalid keyword argument for enumerate()");
      }
    }
    if (iterable == 0) {
      throw vm.typeError("enumerate() missing required argument 'iterable'");
    }
    long startInt = fromInt(0);
    if (start != 0) {
      if (Tag.isInt(start)) {
        startInt = start;
      } else if (vm.isInt(start)) {
        startInt = vm.newInt(vm.toBig(start));
      } else if (Sequences.isIndex(vm, start)) {
        startInt = vm.rt.index(start);
      } else {
        throw vm.typeError("'" + vm.typeNameOf(start)
            + "' object cannot be interpreted as an integer");
      }
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(startInt);
      return enumerate(vm, iterable, startInt);
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long constructZip(VM vm, long args, int nargs, long kwnames) {
    int nkw = Sequences.kwCount(kwnames);
    boolean strict = false;
    for (int k = 0; k < nkw; k++) {
      String key = vm.str(VM.tupleGet(kwnames, k));
      if (!key.equals("strict")) {
        throw vm.typeError("'" + key + "' is an invalid keyword argument for zip()");
      }
      strict = vm.isTrue(arg(args, nargs - nkw + k));
    }
    long[] iterables = new long[nargs - nkw];
    for (int i = 0; i < iterables.length; i++) {
      iterables[i] = arg(args, i);
    }
    return zip(vm, iterables, strict);
  }
}
