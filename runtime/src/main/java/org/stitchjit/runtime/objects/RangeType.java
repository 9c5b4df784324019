package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.Sequences.arg;

import java.math.BigInteger;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * range: start, stop, step and length stored as guest ints. Everything has a fast path for
 * small ints and a BigInteger path, since range(10**30) is legal Python.
 */
public final class RangeType implements TypeOps {
  static long start(long r) {
    return Mem.getLong(r + Layout.Range.START);
  }

  static long stop(long r) {
    return Mem.getLong(r + Layout.Range.STOP);
  }

  static long step(long r) {
    return Mem.getLong(r + Layout.Range.STEP);
  }

  static long length(long r) {
    return Mem.getLong(r + Layout.Range.LENGTH);
  }

  static boolean allSmall(long r) {
    return (start(r) & stop(r) & step(r) & length(r) & 1) != 0;
  }

  /** A range from three ints (step non-zero), computing its length. */
  public static long newRange(VM vm, long start, long stop, long step) {
    long length;
    if (Tag.isInt(start) && Tag.isInt(stop) && Tag.isInt(step)) {
      long a = intValue(start);
      long b = intValue(stop);
      long s = intValue(step);
      long n;
      // Payloads are 62-bit, so differences cannot overflow a long.
      if (s > 0) {
        n = a < b ? (b - a - 1) / s + 1 : 0;
      } else {
        n = a > b ? (a - b - 1) / (-s) + 1 : 0;
      }
      length = vm.newInt(n);
    } else {
      length = vm.newInt(bigLength(vm.toBig(start), vm.toBig(stop), vm.toBig(step)));
    }
    long r = vm.alloc(vm.rangeType, Layout.Range.NSLOTS, 0);
    Mem.putLong(r + Layout.Range.START, start);
    Mem.putLong(r + Layout.Range.STOP, stop);
    Mem.putLong(r + Layout.Range.STEP, step);
    Mem.putLong(r + Layout.Range.LENGTH, length);
    return r;
  }

  static BigInteger bigLength(BigInteger a, BigInteger b, BigInteger s) {
    if (s.signum() > 0) {
      return a.compareTo(b) < 0
          ? b.subtract(a).subtract(BigInteger.ONE).divide(s).add(BigInteger.ONE)
          : BigInteger.ZERO;
    }
    return a.compareTo(b) > 0
        ? a.subtract(b).subtract(BigInteger.ONE).divide(s.negate()).add(BigInteger.ONE)
        : BigInteger.ZERO;
  }

  /** An int argument of range(): ints (bools become ints) or __index__ objects. */
  private static long rangeArg(VM vm, long v) {
    if (Tag.isInt(v)) {
      return v;
    }
    if (vm.isInt(v)) {
      return vm.kindOf(v) == Kind.BOOL || Mem.getLong(v) != vm.intType
          ? vm.newInt(vm.toBig(v)) : v;
    }
    if (!Sequences.isIndex(vm, v)) {
      throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
    }
    long i = vm.rt.index(v);
    return Tag.isInt(i) ? i : vm.newInt(vm.toBig(i));
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    if (Sequences.kwCount(kwnames) > 0) {
      throw vm.typeError("range() takes no keyword arguments");
    }
    if (nargs == 0) {
      throw vm.typeError("range expected at least 1 argument, got 0");
    }
    if (nargs > 3) {
      throw vm.typeError("range expected at most 3 arguments, got " + nargs);
    }
    if (nargs == 1) {
      return newRange(vm, fromInt(0), rangeArg(vm, arg(args, 0)), fromInt(1));
    }
    long start = rangeArg(vm, arg(args, 0));
    long stop = rangeArg(vm, arg(args, 1));
    long step = fromInt(1);
    if (nargs == 3) {
      step = rangeArg(vm, arg(args, 2));
      if (step == fromInt(0)) {
        throw vm.valueError("range() arg 3 must not be zero");
      }
    }
    return newRange(vm, start, stop, step);
  }

  @Override
  public long repr(VM vm, long self) {
    StringBuilder sb = new StringBuilder("range(");
    TupleType.appendRepr(vm, sb, start(self));
    sb.append(", ");
    TupleType.appendRepr(vm, sb, stop(self));
    if (step(self) != fromInt(1)) {
      sb.append(", ");
      TupleType.appendRepr(vm, sb, step(self));
    }
    return vm.newStr(sb.append(')').toString());
  }

  @Override
  public long len(VM vm, long self) {
    long n = length(self);
    if (Tag.isInt(n)) {
      return intValue(n);
    }
    if (vm.fitsLong(n)) {
      return vm.toLong(n);
    }
    throw vm.raise(vm.overflowError, "Python int too large to convert to C ssize_t");
  }

  @Override
  public int isTrue(VM vm, long self) {
    return length(self) != fromInt(0) ? 1 : 0;
  }

  /** range(a, b, c) == range(d, e, f) compares the sequences of values, not the arguments. */
  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    if (op != CompareOp.EQ && op != CompareOp.NE) {
      return vm.notImplemented;
    }
    if (!isRange(vm, a) || !isRange(vm, b)) {
      return vm.notImplemented;
    }
    return vm.bool(sameValues(vm, a, b) == (op == CompareOp.EQ));
  }

  static boolean isRange(VM vm, long v) {
    return (v & 1) == 0 && Mem.getLong(v) == vm.rangeType;
  }

  private static boolean intEq(VM vm, long x, long y) {
    if (x == y) {
      return true;
    }
    if (Tag.isInt(x) || Tag.isInt(y)) {
      return false;
    }
    return vm.toBig(x).equals(vm.toBig(y));
  }

  private static boolean sameValues(VM vm, long a, long b) {
    if (a == b) {
      return true;
    }
    if (!intEq(vm, length(a), length(b))) {
      return false;
    }
    if (length(a) == fromInt(0)) {
      return true;
    }
    if (!intEq(vm, start(a), start(b))) {
      return false;
    }
    return length(a) == fromInt(1) || intEq(vm, step(a), step(b));
  }

  /** Hashes like the tuple (len, start, step) with the parts that do not matter set to None. */
  @Override
  public long hash(VM vm, long self) {
    long n = length(self);
    long t;
    if (n == fromInt(0)) {
      t = vm.tuple(n, vm.none, vm.none);
    } else if (n == fromInt(1)) {
      t = vm.tuple(n, start(self), vm.none);
    } else {
      t = vm.tuple(n, start(self), step(self));
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(t);
      return vm.kindOps[Kind.TUPLE].hash(vm, t);
    } finally {
      vm.popHandles(mark);
    }
  }

  /** The value at index i (already known to be within [0, len)). */
  static long valueAt(VM vm, long self, long i) {
    if (allSmall(self)) {
      long v = intValue(start(self)) + i * intValue(step(self));
      return vm.newInt(v);
    }
    return vm.newInt(vm.toBig(start(self)).add(BigInteger.valueOf(i)
        .multiply(vm.toBig(step(self)))));
  }

  @Override
  public long getItem(VM vm, long self, long key) {
    if (Tag.isInt(key) && Tag.isInt(length(self))) {
      long n = intValue(length(self));
      long i = intValue(key);
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        throw vm.raise(vm.indexError, "range object index out of range");
      }
      if (allSmall(self)) {
        long v = intValue(start(self)) + i * intValue(step(self));
        if (Tag.fitsSmall(v)) {
          return fromInt(v);
        }
      }
      return valueAt(vm, self, i);
    }
    if (SliceType.isSlice(vm, key)) {
      return slice(vm, self, key);
    }
    if (Sequences.isIndex(vm, key)) {
      long k = vm.isInt(key) ? key : vm.rt.index(key);
      BigInteger i = vm.toBig(k);
      BigInteger n = vm.toBig(length(self));
      if (i.signum() < 0) {
        i = i.add(n);
      }
      if (i.signum() < 0 || i.compareTo(n) >= 0) {
        throw vm.raise(vm.indexError, "range object index out of range");
      }
      return vm.newInt(vm.toBig(start(self)).add(i.multiply(vm.toBig(step(self)))));
    }
    throw vm.typeError("range indices must be integers or slices, not " + vm.typeNameOf(key));
  }

  /** range[a:b:c] is again a range, computed from the slice's indices over the length. */
  private static long slice(VM vm, long self, long sliceObj) {
    BigInteger[] r = SliceType.bigIndices(vm, sliceObj, vm.toBig(length(self)));
    BigInteger start = vm.toBig(start(self));
    BigInteger step = vm.toBig(step(self));
    BigInteger newStart = start.add(r[0].multiply(step));
    BigInteger newStop = start.add(r[1].multiply(step));
    BigInteger newStep = step.multiply(r[2]);
    long a = vm.newInt(newStart);
    long b = vm.newInt(newStop);
    long c = vm.newInt(newStep);
    return newRange(vm, a, b, c);
  }

  /** Whether int v is one of the range's values, by arithmetic. */
  static boolean containsInt(VM vm, long self, long v) {
    if (Tag.isInt(v) && allSmall(self)) {
      long x = intValue(v);
      long a = intValue(start(self));
      long b = intValue(stop(self));
      long s = intValue(step(self));
      if (s > 0 ? (x < a || x >= b) : (x > a || x <= b)) {
        return false;
      }
      return (x - a) % s == 0;
    }
    BigInteger x = vm.toBig(v);
    BigInteger a = vm.toBig(start(self));
    BigInteger b = vm.toBig(stop(self));
    BigInteger s = vm.toBig(step(self));
    if (s.signum() > 0 ? (x.compareTo(a) < 0 || x.compareTo(b) >= 0)
        : (x.compareTo(a) > 0 || x.compareTo(b) <= 0)) {
      return false;
    }
    return x.subtract(a).mod(s.abs()).signum() == 0;
  }

  private static boolean isExactIntOrBool(VM vm, long v) {
    if (Tag.isInt(v)) {
      return true;
    }
    long t = Mem.getLong(v);
    return t == vm.intType || t == vm.boolType;
  }

  @Override
  public int contains(VM vm, long self, long key) {
    if (isExactIntOrBool(vm, key)) {
      return containsInt(vm, self, key) ? 1 : 0;
    }
    return searchCount(vm, self, key, true) > 0 ? 1 : 0;
  }

  /** Sequence search by ==, for values that are not ints (3.0 in range(5) is True). */
  private static long searchCount(VM vm, long self, long key, boolean firstOnly) {
    long it = iterOf(vm, self);
    long mark = vm.handleMark();
    long count = 0;
    try {
      vm.pushHandle(it);
      while (true) {
        long v = Iterators.nextItem(vm, it);
        if (v == 0) {
          return count;
        }
        if (Sequences.itemsEqual(vm, v, key)) {
          count++;
          if (firstOnly) {
            return count;
          }
        }
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long iterOf(VM vm, long self) {
    return Iterators.rangeIterator(vm, start(self), step(self), length(self));
  }

  @Override
  public long iter(VM vm, long self) {
    return iterOf(vm, self);
  }

  /** reversed(range): a range iterator counting down from the last value. */
  static long reversedIter(VM vm, long self) {
    long n = length(self);
    if (allSmall(self)) {
      long last = intValue(start(self)) + (intValue(n) - 1) * intValue(step(self));
      long negStep = -intValue(step(self));
      if (intValue(n) == 0) {
        last = intValue(start(self));
      }
      return Iterators.rangeIterator(vm, vm.newInt(last), vm.newInt(negStep), n);
    }
    BigInteger bn = vm.toBig(n);
    BigInteger step = vm.toBig(step(self));
    BigInteger last = vm.toBig(start(self)).add(bn.subtract(BigInteger.ONE).max(BigInteger.ZERO)
        .multiply(step));
    long lastWord = vm.newInt(last);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(lastWord);
      long stepWord = vm.newInt(step.negate());
      vm.pushHandle(stepWord);
      return Iterators.rangeIterator(vm, lastWord, stepWord, n);
    } finally {
      vm.popHandles(mark);
    }
  }

  /** list(range) for ranges of small values; NULL when the generic path must be used. */
  static long toList(VM vm, long self) {
    if (!allSmall(self)) {
      return 0;
    }
    long n = intValue(length(self));
    if (n > org.stitchjit.api.layout.Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    long a = intValue(start(self));
    long s = intValue(step(self));
    long last = a + (n - 1) * s;
    if (n > 0 && !Tag.fitsSmall(last)) {
      return 0;
    }
    long list = vm.newList((int) n);
    long items = VM.listItems(list);
    long v = a;
    for (int i = 0; i < n; i++, v += s) {
      Mem.putLong(items + 8L * i, fromInt(v));
    }
    VM.listSetSize(list, (int) n);
    return list;
  }

  // ---------------------------------------------------------------- methods
  static long count(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "range.count", nargs - 1, kwnames);
    long self = arg(args, 0);
    long x = arg(args, 1);
    if (isExactIntOrBool(vm, x)) {
      return fromInt(containsInt(vm, self, x) ? 1 : 0);
    }
    return vm.newInt(searchCount(vm, self, x, false));
  }

  static long index(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "range.index", nargs - 1, kwnames);
    long self = arg(args, 0);
    long x = arg(args, 1);
    if (isExactIntOrBool(vm, x)) {
      if (containsInt(vm, self, x)) {
        if (Tag.isInt(x) && allSmall(self)) {
          return fromInt((intValue(x) - intValue(start(self))) / intValue(step(self)));
        }
        return vm.newInt(vm.toBig(x).subtract(vm.toBig(start(self)))
            .divide(vm.toBig(step(self))));
      }
    } else {
      long it = iterOf(vm, self);
      long mark = vm.handleMark();
      try {
        vm.pushHandle(it);
        long i = 0;
        while (true) {
          long v = Iterators.nextItem(vm, it);
          if (v == 0) {
            break;
          }
          if (Sequences.itemsEqual(vm, v, x)) {
            return vm.newInt(i);
          }
          i++;
        }
      } finally {
        vm.popHandles(mark);
      }
    }
    StringBuilder sb = new StringBuilder();
    TupleType.appendRepr(vm, sb, x);
    throw vm.valueError(sb.append(" is not in range").toString());
  }
}
