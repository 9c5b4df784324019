package org.stitchjit.runtime.objects;

import static org.stitchjit.runtime.objects.Sequences.arg;

import java.math.BigInteger;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/** slice objects and the index arithmetic every sequence uses for s[a:b:c]. */
public final class SliceType implements TypeOps {
  static final int START = 0;
  static final int STOP = 1;
  static final int STEP = 2;
  static final int COUNT = 3;

  public static long newSlice(VM vm, long start, long stop, long step) {
    long s = vm.alloc(vm.sliceType, Layout.Slice.NSLOTS, 0);
    Mem.putLong(s + Layout.Slice.START, start);
    Mem.putLong(s + Layout.Slice.STOP, stop);
    Mem.putLong(s + Layout.Slice.STEP, step);
    return s;
  }

  public static boolean isSlice(VM vm, long v) {
    return (v & 1) == 0 && Mem.getLong(v) == vm.sliceType;
  }

  /**
   * The slice's start, stop, step and item count for a sequence of the given length, with
   * CPython's clamping (PySlice_Unpack + PySlice_AdjustIndices). ValueError for a zero step,
   * TypeError for bounds that are not ints, None or __index__ objects.
   */
  public static long[] indices(VM vm, long slice, long length) {
    long[] r = unpack(vm, slice);
    adjust(r, length);
    return r;
  }

  /** PySlice_Unpack: start, stop, step before they are fitted to a length. */
  static long[] unpack(VM vm, long slice) {
    long stepWord = Mem.getLong(slice + Layout.Slice.STEP);
    long startWord = Mem.getLong(slice + Layout.Slice.START);
    long stopWord = Mem.getLong(slice + Layout.Slice.STOP);
    long step;
    if (stepWord == vm.none) {
      step = 1;
    } else {
      step = Sequences.clampedIndex(vm, stepWord, Sequences.SLICE_INDEX_MSG);
      if (step == 0) {
        throw vm.valueError("slice step cannot be zero");
      }
      // Keeps -step representable, as CPython does.
      if (step < -Long.MAX_VALUE) {
        step = -Long.MAX_VALUE;
      }
    }
    long start = startWord == vm.none
        ? (step < 0 ? Long.MAX_VALUE : 0)
        : Sequences.clampedIndex(vm, startWord, Sequences.SLICE_INDEX_MSG);
    long stop = stopWord == vm.none
        ? (step < 0 ? Long.MIN_VALUE : Long.MAX_VALUE)
        : Sequences.clampedIndex(vm, stopWord, Sequences.SLICE_INDEX_MSG);
    return new long[] {start, stop, step, 0};
  }

  /** PySlice_AdjustIndices on r = {start, stop, step, _}; fills in the count. */
  static void adjust(long[] r, long length) {
    long start = r[START];
    long stop = r[STOP];
    long step = r[STEP];
    if (start < 0) {
      start += length;
      if (start < 0) {
        start = step < 0 ? -1 : 0;
      }
    } else if (start >= length) {
      start = step < 0 ? length - 1 : length;
    }
    if (stop < 0) {
      stop += length;
      if (stop < 0) {
        stop = step < 0 ? -1 : 0;
      }
    } else if (stop >= length) {
      stop = step < 0 ? length - 1 : length;
    }
    long count = 0;
    if (step < 0) {
      if (stop < start) {
        count = (start - stop - 1) / (-step) + 1;
      }
    } else if (start < stop) {
      count = (stop - start - 1) / step + 1;
    }
    r[START] = start;
    r[STOP] = stop;
    r[COUNT] = count;
  }

  // ---------------------------------------------------------------- TypeOps
  @Override
  public long repr(VM vm, long self) {
    StringBuilder sb = new StringBuilder("slice(");
    sb.append(vm.reprJava(Mem.getLong(self + Layout.Slice.START))).append(", ");
    sb.append(vm.reprJava(Mem.getLong(self + Layout.Slice.STOP))).append(", ");
    sb.append(vm.reprJava(Mem.getLong(self + Layout.Slice.STEP))).append(')');
    return vm.newStr(sb.toString());
  }

  /** Slices are unhashable in CPython 3.11 (the default would hash them by identity). */
  @Override
  public long hash(VM vm, long self) {
    throw vm.typeError("unhashable type: 'slice'");
  }

  /** Slices compare as the tuples (start, stop, step). */
  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    if (!isSlice(vm, a) || !isSlice(vm, b)) {
      return vm.notImplemented;
    }
    if (a == b && (op == CompareOp.EQ || op == CompareOp.NE)) {
      return vm.bool(op == CompareOp.EQ);
    }
    long ta = vm.tuple(Mem.getLong(a + Layout.Slice.START), Mem.getLong(a + Layout.Slice.STOP),
        Mem.getLong(a + Layout.Slice.STEP));
    long mark = vm.handleMark();
    try {
      vm.pushHandle(ta);
      long tb = vm.tuple(Mem.getLong(b + Layout.Slice.START),
          Mem.getLong(b + Layout.Slice.STOP), Mem.getLong(b + Layout.Slice.STEP));
      vm.pushHandle(tb);
      return TupleType.compareTuples(vm, ta, tb, op);
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "slice", kwnames);
    Sequences.expectedArgs(vm, "slice", nargs, 1, 3);
    if (nargs == 1) {
      return newSlice(vm, vm.none, arg(args, 0), vm.none);
    }
    return newSlice(vm, arg(args, 0), arg(args, 1), nargs == 3 ? arg(args, 2) : vm.none);
  }

  /** slice.indices(length). */
  static long indicesMethod(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "slice.indices", nargs - 1, kwnames);
    long self = arg(args, 0);
    long lenWord = arg(args, 1);
    long length;
    if (!vm.isInt(lenWord) && !Sequences.isIndex(vm, lenWord)) {
      throw vm.typeError("'" + vm.typeNameOf(lenWord)
          + "' object cannot be interpreted as an integer");
    }
    long lv = vm.isInt(lenWord) ? lenWord : vm.rt.index(lenWord);
    if (vm.toBig(lv).signum() < 0) {
      throw vm.valueError("length should not be negative");
    }
    if (!vm.fitsLong(lv)) {
      return bigIndices(vm, self, lv);
    }
    length = vm.toLong(lv);
    long[] r = indices(vm, self, length);
    return vm.tuple(vm.newInt(r[START]), vm.newInt(r[STOP]), vm.newInt(r[STEP]));
  }

  /** slice.indices with a length beyond 64 bits: the same rules in BigInteger arithmetic. */
  private static long bigIndices(VM vm, long self, long lengthWord) {
    BigInteger[] r = bigIndices(vm, self, vm.toBig(lengthWord));
    return vm.tuple(vm.newInt(r[START]), vm.newInt(r[STOP]), vm.newInt(r[STEP]));
  }

  /**
   * start, stop, step of the slice fitted to a length of any size (_PySlice_GetLongIndices),
   * for ranges and slice.indices whose lengths need not fit 64 bits.
   */
  static BigInteger[] bigIndices(VM vm, long self, BigInteger length) {
    long stepWord = Mem.getLong(self + Layout.Slice.STEP);
    BigInteger step = stepWord == vm.none ? BigInteger.ONE : bigIndex(vm, stepWord);
    if (step.signum() == 0) {
      throw vm.valueError("slice step cannot be zero");
    }
    boolean neg = step.signum() < 0;
    BigInteger lower = neg ? BigInteger.ONE.negate() : BigInteger.ZERO;
    BigInteger upper = neg ? length.subtract(BigInteger.ONE) : length;
    long startWord = Mem.getLong(self + Layout.Slice.START);
    long stopWord = Mem.getLong(self + Layout.Slice.STOP);
    BigInteger start = startWord == vm.none ? (neg ? upper : lower)
        : clampBig(bigIndex(vm, startWord), length, lower, upper);
    BigInteger stop = stopWord == vm.none ? (neg ? lower : upper)
        : clampBig(bigIndex(vm, stopWord), length, lower, upper);
    return new BigInteger[] {start, stop, step};
  }

  private static BigInteger bigIndex(VM vm, long v) {
    if (vm.isInt(v)) {
      return vm.toBig(v);
    }
    if (!Sequences.isIndex(vm, v)) {
      throw vm.typeError(Sequences.SLICE_INDEX_MSG);
    }
    return vm.toBig(vm.rt.index(v));
  }

  private static BigInteger clampBig(BigInteger x,
      BigInteger length, BigInteger lower, BigInteger upper) {
    if (x.signum() < 0) {
      x = x.add(length);
      return x.compareTo(lower) < 0 ? lower : x;
    }
    return x.compareTo(upper) > 0 ? upper : x;
  }
}
