package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.Sequences.arg;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/** tuple: an immutable sequence whose items are the object's slots. */
public final class TupleType implements TypeOps {
  // The xxHash64-derived constants CPython 3.8+ uses for tuple hashes.
  private static final long XXPRIME_1 = 0x9E3779B185EBCA87L;
  private static final long XXPRIME_2 = 0xC2B2AE3D27D4EB4FL;
  private static final long XXPRIME_5 = 0x27D4EB2F165667C5L;
  /** The Mersenne prime modulus of CPython's numeric hashes. */
  static final long HASH_MODULUS = (1L << 61) - 1;

  static long items(long t) {
    return t + Layout.Tuple.ITEMS;
  }

  // ---------------------------------------------------------------- repr
  @Override
  public long repr(VM vm, long self) {
    int n = VM.tupleLen(self);
    if (n == 0) {
      return vm.intern("()");
    }
    Sequences.ReprGuard guard = Sequences.reprGuard(vm);
    if (!guard.enter(self)) {
      return vm.intern("(...)");
    }
    try {
      StringBuilder sb = new StringBuilder();
      sb.append('(');
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        appendRepr(vm, sb, VM.tupleGet(self, i));
      }
      if (n == 1) {
        sb.append(',');
      }
      sb.append(')');
      return vm.newStr(sb.toString());
    } finally {
      guard.leave(self);
    }
  }

  /** Appends repr(v), serving small ints and strs without a round trip through the runtime. */
  static void appendRepr(VM vm, StringBuilder sb, long v) {
    if (Tag.isInt(v)) {
      sb.append(intValue(v));
    } else if (Mem.getLong(v) == vm.strType) {
      StrType.appendRepr(vm, sb, v);
    } else {
      sb.append(vm.str(vm.rt.repr(v)));
    }
  }

  // ---------------------------------------------------------------- hash
  @Override
  public long hash(VM vm, long self) {
    int n = VM.tupleLen(self);
    long acc = XXPRIME_5;
    for (int i = 0; i < n; i++) {
      long lane = itemHash(vm, VM.tupleGet(self, i));
      acc += lane * XXPRIME_2;
      acc = Long.rotateLeft(acc, 31);
      acc *= XXPRIME_1;
    }
    acc += n ^ (XXPRIME_5 ^ 3527539L);
    return acc == -1 ? 1546275796L : acc;
  }

  /** hash(v), with small ints and strs computed here. */
  static long itemHash(VM vm, long v) {
    if (Tag.isInt(v)) {
      return intHash(intValue(v));
    }
    if (Mem.getLong(v) == vm.strType) {
      return Strs.hash(v);
    }
    return vm.rt.hash(v);
  }

  /** CPython's hash of an int that fits a long: the value modulo 2**61 - 1, sign kept. */
  static long intHash(long n) {
    long h;
    if (n >= 0) {
      h = n % HASH_MODULUS;
    } else {
      h = -((-n) % HASH_MODULUS);
    }
    return h == -1 ? -2 : h;
  }

  // ---------------------------------------------------------------- comparison
  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    if (!vm.isTuple(a) || !vm.isTuple(b)) {
      return vm.notImplemented;
    }
    return compareTuples(vm, a, b, op);
  }

  static long compareTuples(VM vm, long a, long b, int op) {
    return compareSequences(vm, a, b, op);
  }

  /** Length of a list or tuple, read afresh (a list may change under a comparison). */
  static int seqLen(VM vm, long v) {
    return vm.isList(v) ? VM.listLen(v) : VM.tupleLen(v);
  }

  static long seqItem(VM vm, long v, int i) {
    return vm.isList(v) ? VM.listGet(v, i) : VM.tupleGet(v, i);
  }

  /**
   * Lexicographic comparison of two lists or two tuples, as CPython does it: the first items
   * that are not equal decide, else the lengths. Lists are re-read after every call into guest
   * code since __eq__ may mutate them.
   */
  static long compareSequences(VM vm, long a, long b, int op) {
    int la = seqLen(vm, a);
    int lb = seqLen(vm, b);
    if (la != lb && (op == CompareOp.EQ || op == CompareOp.NE)) {
      return vm.bool(op == CompareOp.NE);
    }
    int i = 0;
    while (i < seqLen(vm, a) && i < seqLen(vm, b)) {
      if (!Sequences.itemsEqual(vm, seqItem(vm, a, i), seqItem(vm, b, i))) {
        break;
      }
      i++;
    }
    la = seqLen(vm, a);
    lb = seqLen(vm, b);
    if (i >= la || i >= lb) {
      return vm.bool(CompareOp.test(op, Integer.compare(la, lb)));
    }
    if (op == CompareOp.EQ) {
      return vm.falseObj;
    }
    if (op == CompareOp.NE) {
      return vm.trueObj;
    }
    long x = seqItem(vm, a, i);
    long y = seqItem(vm, b, i);
    if (Tag.bothInts(x, y)) {
      return vm.bool(CompareOp.test(op, Long.compare(x, y)));
    }
    if ((x & 1) == 0 && (y & 1) == 0 && Mem.getLong(x) == vm.strType
        && Mem.getLong(y) == vm.strType) {
      return vm.bool(CompareOp.test(op, Strs.compare(x, y)));
    }
    return vm.rt.richCompare(x, y, op);
  }

  // ---------------------------------------------------------------- operators
  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    int base = BinaryOp.base(op);
    if (base == BinaryOp.ADD) {
      if (!vm.isTuple(a)) {
        return vm.notImplemented;
      }
      if (!vm.isTuple(b)) {
        if (Sequences.defersToReflected(vm, b, "__radd__")) {
          return vm.notImplemented;
        }
        throw vm.typeError("can only concatenate tuple (not \"" + vm.typeNameOf(b)
            + "\") to tuple");
      }
      return concat(vm, a, b);
    }
    if (base == BinaryOp.MULTIPLY) {
      long seq = vm.isTuple(a) ? a : b;
      long count = seq == a ? b : a;
      if (count == b && Sequences.defersToReflected(vm, b, "__rmul__")) {
        return vm.notImplemented;
      }
      if (!Sequences.isIndex(vm, count)) {
        throw Sequences.cannotMultiply(vm, count);
      }
      return repeat(vm, seq, Sequences.repeatCount(vm, count));
    }
    return vm.notImplemented;
  }

  static long concat(VM vm, long a, long b) {
    int na = VM.tupleLen(a);
    int nb = VM.tupleLen(b);
    if (na == 0 && Mem.getLong(b) == vm.tupleType) {
      return b;
    }
    if (nb == 0 && Mem.getLong(a) == vm.tupleType) {
      return a;
    }
    checkSize(vm, (long) na + nb);
    long t = vm.newTuple(na + nb);
    Mem.copy(items(a), items(t), 8L * na);
    Mem.copy(items(b), items(t) + 8L * na, 8L * nb);
    return t;
  }

  static long repeat(VM vm, long t, long count) {
    int n = VM.tupleLen(t);
    if (count <= 0 || n == 0) {
      return vm.emptyTuple;
    }
    if (count == 1 && Mem.getLong(t) == vm.tupleType) {
      return t;
    }
    if (count > Header.MAX_FIELD / n) {
      throw vm.raiseEmpty(vm.memoryError);
    }
    int total = (int) (n * count);
    long r = vm.newTuple(total);
    long dst = items(r);
    long src = items(t);
    if (n == 1) {
      long v = Mem.getLong(src);
      for (int i = 0; i < total; i++) {
        Mem.putLong(dst + 8L * i, v);
      }
    } else {
      for (long i = 0; i < count; i++) {
        Mem.copy(src, dst + 8L * n * i, 8L * n);
      }
    }
    return r;
  }

  static void checkSize(VM vm, long n) {
    if (n > Header.MAX_FIELD) {
      throw vm.raiseEmpty(vm.memoryError);
    }
  }

  @Override
  public long len(VM vm, long self) {
    return VM.tupleLen(self);
  }

  @Override
  public int isTrue(VM vm, long self) {
    return VM.tupleLen(self) != 0 ? 1 : 0;
  }

  @Override
  public long getItem(VM vm, long self, long key) {
    int n = VM.tupleLen(self);
    if (Tag.isInt(key)) {
      long i = intValue(key);
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        throw vm.raise(vm.indexError, "tuple index out of range");
      }
      return VM.tupleGet(self, (int) i);
    }
    if (SliceType.isSlice(vm, key)) {
      long[] r = SliceType.indices(vm, key, n);
      return slice(vm, self, r);
    }
    if (Sequences.isIndex(vm, key)) {
      long i = Sequences.indexValue(vm, key, vm.indexError);
      if (i < 0) {
        i += n;
      }
      if (i < 0 || i >= n) {
        throw vm.raise(vm.indexError, "tuple index out of range");
      }
      return VM.tupleGet(self, (int) i);
    }
    throw vm.typeError("tuple indices must be integers or slices, not " + vm.typeNameOf(key));
  }

  static long slice(VM vm, long self, long[] r) {
    int count = (int) r[SliceType.COUNT];
    long start = r[SliceType.START];
    long step = r[SliceType.STEP];
    if (count <= 0) {
      return vm.emptyTuple;
    }
    if (step == 1) {
      if (count == VM.tupleLen(self) && Mem.getLong(self) == vm.tupleType) {
        return self;
      }
      return vm.tupleFromWords(items(self) + 8L * start, count);
    }
    long t = vm.newTuple(count);
    long src = items(self);
    long dst = items(t);
    long cur = start;
    for (int i = 0; i < count; i++, cur += step) {
      Mem.putLong(dst + 8L * i, Mem.getLong(src + 8L * cur));
    }
    return t;
  }

  @Override
  public int contains(VM vm, long self, long key) {
    for (int i = 0; i < VM.tupleLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.tupleGet(self, i), key)) {
        return 1;
      }
    }
    return 0;
  }

  @Override
  public long iter(VM vm, long self) {
    return Iterators.newIter(vm, vm.tupleIteratorType, self, fromInt(0));
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "tuple", kwnames);
    Sequences.expectedArgs(vm, "tuple", nargs, 0, 1);
    if (nargs == 0) {
      return vm.emptyTuple;
    }
    return Sequences.toTuple(vm, arg(args, 0));
  }

  // ---------------------------------------------------------------- methods
  static long count(VM vm, long args, int nargs, long kwnames) {
    Sequences.oneArg(vm, "tuple.count", nargs - 1, kwnames);
    long self = arg(args, 0);
    long x = arg(args, 1);
    long c = 0;
    for (int i = 0; i < VM.tupleLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.tupleGet(self, i), x)) {
        c++;
      }
    }
    return fromInt(c);
  }

  static long index(VM vm, long args, int nargs, long kwnames) {
    Sequences.noKeywords(vm, "tuple.index", kwnames);
    Sequences.expectedArgs(vm, "index", nargs - 1, 1, 3);
    long self = arg(args, 0);
    long x = arg(args, 1);
    int n = VM.tupleLen(self);
    long start = nargs > 2
        ? Sequences.clampedIndex(vm, arg(args, 2), Sequences.SLICE_INDEX_NOT_NONE_MSG) : 0;
    long stop = nargs > 3
        ? Sequences.clampedIndex(vm, arg(args, 3), Sequences.SLICE_INDEX_NOT_NONE_MSG)
        : Long.MAX_VALUE;
    start = Sequences.adjustBound(start, n);
    stop = Sequences.adjustBound(stop, n);
    for (long i = start; i < stop && i < VM.tupleLen(self); i++) {
      if (Sequences.itemsEqual(vm, VM.tupleGet(self, (int) i), x)) {
        return fromInt(i);
      }
    }
    throw vm.valueError("tuple.index(x): x not in tuple");
  }
}
