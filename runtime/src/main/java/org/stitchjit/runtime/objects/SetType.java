package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.MappingTypes.arg;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * set and frozenset at the Python level, built on {@link SetTable}. The algorithms follow
 * CPython 3.11's choices wherever they decide the order in which keys enter a table (which
 * operand is iterated, when a result is copied rather than rebuilt, when dummies are purged),
 * because that order is what a program sees when it prints or iterates the result.
 *
 * <p>Results of operators and methods have the base type of the receiver: set for set and its
 * subclasses, frozenset for frozenset.
 */
public final class SetType {
  private SetType() {}

  // ================================================================== helpers

  static boolean isAnySet(VM vm, long v) {
    if ((v & 1) != 0) {
      return false;
    }
    int k = vm.kindOf(v);
    return k == Kind.SET || k == Kind.FROZENSET;
  }

  private static boolean isFrozen(VM vm, long v) {
    return vm.kindOf(v) == Kind.FROZENSET;
  }

  private static long baseType(VM vm, long so) {
    return isFrozen(vm, so) ? vm.frozensetType : vm.setType;
  }

  /** A new empty set or frozenset (exactly that type). */
  static long newEmpty(VM vm, long type) {
    return SetTable.newSet(vm, type, Layout.Set.NSLOTS);
  }

  static long hashKey(VM vm, long key) {
    return SetTable.norm(vm.rt.hash(key));
  }

  /** so.add(key); key must be rooted by the caller. */
  public static void addKey(VM vm, long so, long key) {
    SetTable.add(vm, so, key, hashKey(vm, key));
  }

  /** A new set of the given (base) type holding the items of iterable (NULL: empty). */
  static long fromIterable(VM vm, long type, long iterable) {
    long so = newEmpty(vm, type);
    if (iterable == 0) {
      return so;
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(so);
      update(vm, so, iterable);
      return so;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** A copy of so with so's base type (make_new_set_basetype). */
  static long copyOf(VM vm, long so) {
    return fromIterable(vm, baseType(vm, so), so);
  }

  /** set_update_internal: sets merge tables, exact dicts lend their stored hashes. */
  static void update(VM vm, long so, long other) {
    if (isAnySet(vm, other)) {
      SetTable.merge(vm, so, other);
      return;
    }
    if ((other & 1) == 0 && vm.typeOf(other) == vm.dictType) {
      SetTable.reserveFor(vm, so, Dicts.size(other));
      long mark = vm.handleMark();
      try {
        for (int i = 0; i < Dicts.filled(other); i++) {
          long k = Dicts.entryKey(other, i);
          if (k == 0) {
            continue;
          }
          vm.popHandles(mark);
          vm.pushHandle(k);
          SetTable.add(vm, so, k, Dicts.storedHash(other, i));
        }
      } finally {
        vm.popHandles(mark);
      }
      return;
    }
    MappingTypes.forEach(vm, other, item -> {
      addKey(vm, so, item);
      return true;
    });
  }

  /**
   * A step over a key and its hash: a visitor of {@link #forEachEntry} (returns false to stop)
   * or a membership operation of {@link #withMemberKey} (returns its result).
   */
  @FunctionalInterface
  private interface KeyOp {
    boolean apply(long key, long hash);
  }

  /**
   * Walks the live slots of so in table order, re-reading the table at each step (the visitor
   * may run guest code that mutates so). Returns false when the visitor stopped early.
   */
  private static boolean forEachEntry(VM vm, long so, KeyOp visitor) {
    long mark = vm.handleMark();
    try {
      for (int i = 0; (i = SetTable.nextLive(vm, so, i)) >= 0; i++) {
        vm.popHandles(mark);
        long k = SetTable.keyAt(so, i);
        long h = SetTable.hashAt(so, i);
        vm.pushHandle(k);
        if (!visitor.apply(k, h)) {
          return false;
        }
      }
      return true;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** Keeps v alive until the matching popHandles; returns v. */
  private static long root(VM vm, long v) {
    vm.pushHandle(v);
    return v;
  }

  // ================================================================== membership

  /**
   * Hashes key for contains/remove/discard. A set is unhashable, but CPython lets it stand for
   * the equal frozenset in these three operations.
   */
  private static boolean withMemberKey(VM vm, long key, KeyOp op) {
    long mark = vm.handleMark();
    try {
      long k = key;
      long h;
      try {
        h = vm.rt.hash(k);
      } catch (PyException e) {
        if (vm.kindOf(key) != Kind.SET || !MappingTypes.isTypeError(vm, e)) {
          throw e;
        }
        MappingTypes.clearPending(vm);
        k = root(vm, fromIterable(vm, vm.frozensetType, key));
        h = vm.rt.hash(k);
      }
      return op.apply(k, SetTable.norm(h));
    } finally {
      vm.popHandles(mark);
    }
  }

  static boolean contains(VM vm, long so, long key) {
    return withMemberKey(vm, key, (k, h) -> SetTable.lookup(vm, so, k, h) >= 0);
  }

  private static boolean discard(VM vm, long so, long key) {
    return withMemberKey(vm, key, (k, h) -> SetTable.discard(vm, so, k, h));
  }

  // ================================================================== algebra

  /** so &amp; other: iterates the smaller set (or the iterable) and probes the other. */
  static long intersection(VM vm, long so, long other) {
    if (so == other) {
      return copyOf(vm, so);
    }
    long mark = vm.handleMark();
    try {
      long result = root(vm, newEmpty(vm, baseType(vm, so)));
      if (isAnySet(vm, other)) {
        long probe = so;
        long walk = other;
        if (SetTable.used(other) > SetTable.used(so)) {
          probe = other;
          walk = so;
        }
        final long probed = probe;
        forEachEntry(vm, walk, (k, h) -> {
          if (SetTable.lookup(vm, probed, k, h) >= 0) {
            SetTable.add(vm, result, k, h);
          }
          return true;
        });
        return result;
      }
      MappingTypes.forEach(vm, other, k -> {
        long h = hashKey(vm, k);
        if (SetTable.lookup(vm, so, k, h) >= 0) {
          SetTable.add(vm, result, k, h);
          return SetTable.used(result) < SetTable.used(so);
        }
        return true;
      });
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long intersectionMulti(VM vm, long so, long args, int from, int to) {
    if (from == to) {
      return copyOf(vm, so);
    }
    long mark = vm.handleMark();
    try {
      long result = so;
      for (int i = from; i < to; i++) {
        result = root(vm, intersection(vm, result, arg(args, i)));
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** so - other, iterating so unless other is much smaller or not a set or dict. */
  static long difference(VM vm, long so, long other) {
    int otherSize;
    boolean otherIsDict = (other & 1) == 0 && vm.typeOf(other) == vm.dictType;
    if (isAnySet(vm, other)) {
      otherSize = SetTable.used(other);
    } else if (otherIsDict) {
      otherSize = Dicts.size(other);
    } else {
      return copyAndDifference(vm, so, other);
    }
    if ((SetTable.used(so) >> 2) > otherSize) {
      return copyAndDifference(vm, so, other);
    }
    long mark = vm.handleMark();
    try {
      long result = root(vm, newEmpty(vm, baseType(vm, so)));
      forEachEntry(vm, so, (k, h) -> {
        boolean inOther = otherIsDict
            ? Dicts.lookup(vm, other, k, h) >= 0
            : SetTable.lookup(vm, other, k, h) >= 0;
        if (!inOther) {
          SetTable.add(vm, result, k, h);
        }
        return true;
      });
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long copyAndDifference(VM vm, long so, long other) {
    long mark = vm.handleMark();
    try {
      long result = root(vm, copyOf(vm, so));
      differenceUpdate(vm, result, other);
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** so -= other; purges the dummies afterwards when they exceed a quarter of the table. */
  static void differenceUpdate(VM vm, long so, long other) {
    if (so == other) {
      SetTable.clear(vm, so);
      return;
    }
    long mark = vm.handleMark();
    try {
      if (isAnySet(vm, other)) {
        long src = other;
        if ((SetTable.used(other) >> 3) > SetTable.used(so)) {
          src = root(vm, intersection(vm, so, other));
        }
        forEachEntry(vm, src, (k, h) -> {
          SetTable.discard(vm, so, k, h);
          return true;
        });
      } else {
        MappingTypes.forEach(vm, other, k -> {
          SetTable.discard(vm, so, k, hashKey(vm, k));
          return true;
        });
      }
    } finally {
      vm.popHandles(mark);
    }
    int used = SetTable.used(so);
    if (SetTable.fill(so) - used <= SetTable.mask(so) / 4) {
      return;
    }
    SetTable.resize(vm, so, used > 50000 ? used * 2L : used * 4L);
  }

  private static long differenceMulti(VM vm, long so, long args, int from, int to) {
    if (from == to) {
      return copyOf(vm, so);
    }
    long mark = vm.handleMark();
    try {
      long result = root(vm, difference(vm, so, arg(args, from)));
      for (int i = from + 1; i < to; i++) {
        differenceUpdate(vm, result, arg(args, i));
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** so ^= other: each key of other is removed when present, else added. */
  static void symmetricDifferenceUpdate(VM vm, long so, long other) {
    if (so == other) {
      SetTable.clear(vm, so);
      return;
    }
    long mark = vm.handleMark();
    try {
      if ((other & 1) == 0 && vm.typeOf(other) == vm.dictType) {
        for (int i = 0; i < Dicts.filled(other); i++) {
          long k = Dicts.entryKey(other, i);
          if (k == 0) {
            continue;
          }
          long h = Dicts.storedHash(other, i);
          vm.popHandles(mark);
          vm.pushHandle(k);
          if (!SetTable.discard(vm, so, k, h)) {
            SetTable.add(vm, so, k, h);
          }
        }
        return;
      }
      long otherSet = isAnySet(vm, other)
          ? other
          : root(vm, fromIterable(vm, baseType(vm, so), other));
      forEachEntry(vm, otherSet, (k, h) -> {
        if (!SetTable.discard(vm, so, k, h)) {
          SetTable.add(vm, so, k, h);
        }
        return true;
      });
    } finally {
      vm.popHandles(mark);
    }
  }

  /** so ^ other: a copy of other (with so's base type) updated by so, as CPython does it. */
  static long symmetricDifference(VM vm, long so, long other) {
    long mark = vm.handleMark();
    try {
      long result = root(vm, fromIterable(vm, baseType(vm, so), other));
      symmetricDifferenceUpdate(vm, result, so);
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long union(VM vm, long so, long args, int from, int to) {
    long mark = vm.handleMark();
    try {
      long result = root(vm, copyOf(vm, so));
      for (int i = from; i < to; i++) {
        long other = arg(args, i);
        if (other != so) {
          update(vm, result, other);
        }
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  static boolean isSubset(VM vm, long so, long other) {
    if (!isAnySet(vm, other)) {
      long mark = vm.handleMark();
      try {
        return isSubset(vm, so, root(vm, fromIterable(vm, vm.setType, other)));
      } finally {
        vm.popHandles(mark);
      }
    }
    if (SetTable.used(so) > SetTable.used(other)) {
      return false;
    }
    return forEachEntry(vm, so, (k, h) -> SetTable.lookup(vm, other, k, h) >= 0);
  }

  static boolean isSuperset(VM vm, long so, long other) {
    if (isAnySet(vm, other)) {
      return isSubset(vm, other, so);
    }
    boolean[] all = {true};
    MappingTypes.forEach(vm, other, k -> {
      if (SetTable.lookup(vm, so, k, hashKey(vm, k)) < 0) {
        all[0] = false;
        return false;
      }
      return true;
    });
    return all[0];
  }

  static boolean isDisjoint(VM vm, long so, long other) {
    if (so == other) {
      return SetTable.used(so) == 0;
    }
    if ((other & 1) == 0
        && (vm.typeOf(other) == vm.setType || vm.typeOf(other) == vm.frozensetType)) {
      long probe = so;
      long walk = other;
      if (SetTable.used(other) > SetTable.used(so)) {
        probe = other;
        walk = so;
      }
      final long probed = probe;
      return forEachEntry(vm, walk, (k, h) -> SetTable.lookup(vm, probed, k, h) < 0);
    }
    boolean[] disjoint = {true};
    MappingTypes.forEach(vm, other, k -> {
      if (SetTable.lookup(vm, so, k, hashKey(vm, k)) >= 0) {
        disjoint[0] = false;
        return false;
      }
      return true;
    });
    return disjoint[0];
  }

  private static boolean setEquals(VM vm, long a, long b) {
    if (SetTable.used(a) != SetTable.used(b)) {
      return false;
    }
    if (isFrozen(vm, a) && isFrozen(vm, b)) {
      long ha = Mem.getLong(a + Layout.Set.HASH);
      long hb = Mem.getLong(b + Layout.Set.HASH);
      if (ha != 0 && hb != 0 && ha != hb) {
        return false;
      }
    }
    return isSubset(vm, a, b);
  }

  /** Subset comparisons; NotImplemented unless both operands are sets or frozensets. */
  static long richCompare(VM vm, long a, long b, int op) {
    if (!isAnySet(vm, a) || !isAnySet(vm, b)) {
      return vm.notImplemented;
    }
    int na = SetTable.used(a);
    int nb = SetTable.used(b);
    boolean r = switch (op) {
      case CompareOp.EQ -> setEquals(vm, a, b);
      case CompareOp.NE -> !setEquals(vm, a, b);
      case CompareOp.LE -> isSubset(vm, a, b);
      case CompareOp.GE -> isSubset(vm, b, a);
      case CompareOp.LT -> na < nb && isSubset(vm, a, b);
      case CompareOp.GT -> na > nb && isSubset(vm, b, a);
      default -> throw new IllegalArgumentException("compare op " + op);
    };
    return vm.bool(r);
  }

  /**
   * | &amp; - ^ and their in-place forms. In-place forms mutate a plain or subclassed set; for a
   * frozenset they fall back to the plain operator, as Python does without __ior__.
   */
  static long binaryOp(VM vm, int op, long a, long b) {
    int base = BinaryOp.base(op);
    if (base != BinaryOp.OR && base != BinaryOp.AND && base != BinaryOp.SUBTRACT
        && base != BinaryOp.XOR) {
      return vm.notImplemented;
    }
    if (BinaryOp.isInplace(op) && (a & 1) == 0 && vm.kindOf(a) == Kind.SET
        && isAnySet(vm, b)) {
      switch (base) {
        case BinaryOp.OR -> update(vm, a, b);
        case BinaryOp.AND -> {
          long tmp = intersection(vm, a, b);
          SetTable.swapBodies(a, tmp);
        }
        case BinaryOp.SUBTRACT -> differenceUpdate(vm, a, b);
        default -> symmetricDifferenceUpdate(vm, a, b);
      }
      return a;
    }
    if (!isAnySet(vm, a) || !isAnySet(vm, b)) {
      return vm.notImplemented;
    }
    return switch (base) {
      case BinaryOp.OR -> {
        long mark = vm.handleMark();
        try {
          long result = root(vm, copyOf(vm, a));
          if (a != b) {
            update(vm, result, b);
          }
          yield result;
        } finally {
          vm.popHandles(mark);
        }
      }
      case BinaryOp.AND -> intersection(vm, a, b);
      case BinaryOp.SUBTRACT -> difference(vm, a, b);
      default -> symmetricDifference(vm, a, b);
    };
  }

  // ================================================================== hash, repr

  private static long shuffleBits(long h) {
    return ((h ^ 89869747L) ^ (h << 16)) * 3644798167L;
  }

  /**
   * CPython's frozenset hash: an order-independent xor of shuffled element hashes, then the
   * size and a final dispersion. Stored hashes lost their top bit, so elements whose hashes
   * use all 64 bits (tuples, frozensets) are hashed again; the result is cached only when it
   * fits a small int.
   */
  static long frozensetHash(VM vm, long so) {
    long cached = Mem.getLong(so + Layout.Set.HASH);
    if (cached != 0) {
      return intValue(cached);
    }
    long[] acc = {0};
    forEachEntry(vm, so, (k, h) -> {
      long full = h;
      if ((k & 1) == 0) {
        int kind = vm.kindOf(k);
        if (kind == Kind.TUPLE || kind == Kind.FROZENSET) {
          full = vm.rt.hash(k);
        }
      }
      acc[0] ^= shuffleBits(full);
      return true;
    });
    long hash = acc[0];
    hash ^= (SetTable.used(so) + 1L) * 1927868237L;
    hash ^= (hash >>> 11) ^ (hash >>> 25);
    hash = hash * 69069L + 907133923L;
    if (hash == -1) {
      hash = 590923713L;
    }
    if (Tag.fitsSmall(hash)) {
      Mem.putLong(so + Layout.Set.HASH, fromInt(hash));
    }
    return hash;
  }

  static long repr(VM vm, long so) {
    String name = vm.typeNameOf(so);
    if (!MappingTypes.reprEnter(so)) {
      return vm.newStr(name + "(...)");
    }
    long mark = vm.handleMark();
    try {
      int n = SetTable.used(so);
      if (n == 0) {
        return vm.newStr(name + "()");
      }
      // A snapshot, so that reprs that mutate the set cannot disturb the walk.
      long keys = root(vm, vm.newTuple(n));
      int count = 0;
      for (int i = 0; count < n && (i = SetTable.nextLive(vm, so, i)) >= 0; i++) {
        VM.tupleSet(keys, count++, SetTable.keyAt(so, i));
      }
      boolean exact = vm.typeOf(so) == vm.setType;
      StringBuilder sb = new StringBuilder();
      if (!exact) {
        sb.append(name).append('(');
      }
      sb.append('{');
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(MappingTypes.repr(vm, VM.tupleGet(keys, i)));
      }
      sb.append('}');
      if (!exact) {
        sb.append(')');
      }
      return vm.newStr(sb.toString());
    } finally {
      vm.popHandles(mark);
      MappingTypes.reprLeave(so);
    }
  }

  static long newIterator(VM vm, long so) {
    long it = vm.alloc(vm.setIteratorType, Layout.Iter.NSLOTS, 0);
    Mem.putLong(it + Layout.Iter.SEQ, so);
    Mem.putLong(it + Layout.Iter.INDEX, fromInt(0));
    Mem.putLong(it + Layout.Iter.AUX, fromInt(0));
    Mem.putLong(it + Layout.Iter.LIMIT, fromInt(SetTable.used(so)));
    return it;
  }

  // ================================================================== kind ops

  static final TypeOps OPS = new TypeOps() {
    @Override
    public long repr(VM vm, long self) {
      return SetType.repr(vm, self);
    }

    @Override
    public long hash(VM vm, long self) {
      return isFrozen(vm, self) ? frozensetHash(vm, self) : Long.MIN_VALUE;
    }

    @Override
    public long richCompare(VM vm, long a, long b, int op) {
      return SetType.richCompare(vm, a, b, op);
    }

    @Override
    public long binaryOp(VM vm, int op, long a, long b) {
      return SetType.binaryOp(vm, op, a, b);
    }

    @Override
    public long len(VM vm, long self) {
      return SetTable.used(self);
    }

    @Override
    public int isTrue(VM vm, long self) {
      return SetTable.used(self) != 0 ? 1 : 0;
    }

    @Override
    public int contains(VM vm, long self, long key) {
      return SetType.contains(vm, self, key) ? 1 : 0;
    }

    @Override
    public long iter(VM vm, long self) {
      return newIterator(vm, self);
    }

    @Override
    public long allocate(VM vm, long type) {
      long so = SetTable.newSet(vm, type, MappingTypes.instanceSlots(type));
      MappingTypes.initAttrs(so, type);
      return so;
    }

    @Override
    public long construct(VM vm, long type, long args, int nargs, long kwnames) {
      boolean frozen = VM.typeKind(type) == Kind.FROZENSET;
      String name = frozen ? "frozenset" : "set";
      MappingTypes.noKeywords(vm, kwnames, name);
      MappingTypes.positionalRange(vm, name, nargs, 0, 1);
      long iterable = nargs == 1 ? arg(args, 0) : 0;
      if (type == vm.setType || type == vm.frozensetType) {
        if (frozen && iterable != 0 && (iterable & 1) == 0
            && vm.typeOf(iterable) == vm.frozensetType) {
          return iterable;
        }
        return fromIterable(vm, type, iterable);
      }
      long so = allocate(vm, type);
      if (iterable == 0) {
        return so;
      }
      long mark = vm.handleMark();
      try {
        vm.pushHandle(so);
        update(vm, so, iterable);
        return so;
      } finally {
        vm.popHandles(mark);
      }
    }
  };

  static final TypeOps ITER_OPS = new SizeCheckedIterOps("Set changed size during iteration") {
    @Override
    int size(long so) {
      return SetTable.used(so);
    }

    @Override
    int nextLive(VM vm, long so, int i) {
      return SetTable.nextLive(vm, so, i);
    }

    @Override
    long item(VM vm, long it, long so, int i) {
      return SetTable.keyAt(so, i);
    }
  };

  // ================================================================== methods

  @FunctionalInterface
  private interface Method {
    long call(long self, long args, int nargs);
  }

  private static void noArgs(VM vm, long type, String name, Method m) {
    String qual = vm.typeName(type) + "." + name;
    vm.defineMethod(type, name, (args, nargs, kw) -> {
      long self = MappingTypes.receiver(vm, args, nargs, type, name);
      MappingTypes.noArgs(vm, nargs, kw, qual);
      return m.call(self, args, nargs);
    });
  }

  private static void oneArg(VM vm, long type, String name, Method m) {
    String qual = vm.typeName(type) + "." + name;
    vm.defineMethod(type, name, (args, nargs, kw) -> {
      long self = MappingTypes.receiver(vm, args, nargs, type, name);
      MappingTypes.oneArg(vm, nargs, kw, qual);
      return m.call(self, args, nargs);
    });
  }

  private static void varArgs(VM vm, long type, String name, Method m) {
    String qual = vm.typeName(type) + "." + name;
    vm.defineMethod(type, name, (args, nargs, kw) -> {
      long self = MappingTypes.receiver(vm, args, nargs, type, name);
      MappingTypes.noKeywords(vm, kw, qual);
      return m.call(self, args, nargs);
    });
  }

  private static void slot(VM vm, long type, String name, int arity, Method m) {
    vm.defineMethod(type, name, (args, nargs, kw) -> {
      long self = MappingTypes.slotReceiver(vm, args, nargs, type, name);
      MappingTypes.slotArity(vm, nargs, kw, name, arity);
      return m.call(self, args, nargs);
    });
  }

  static void defineMethods(VM vm) {
    for (long type : new long[] {vm.setType, vm.frozensetType}) {
      defineCommon(vm, type);
    }
    long t = vm.setType;
    oneArg(vm, t, "add", (self, args, n) -> {
      addKey(vm, self, arg(args, 1));
      return vm.none;
    });
    oneArg(vm, t, "remove", (self, args, n) -> {
      long key = arg(args, 1);
      if (!discard(vm, self, key)) {
        throw vm.raiseObject(vm.newException(vm.keyError, vm.tuple(key)));
      }
      return vm.none;
    });
    oneArg(vm, t, "discard", (self, args, n) -> {
      discard(vm, self, arg(args, 1));
      return vm.none;
    });
    noArgs(vm, t, "pop", (self, args, n) -> {
      long key = SetTable.pop(vm, self);
      if (key == 0) {
        throw vm.raise(vm.keyError, "pop from an empty set");
      }
      return key;
    });
    noArgs(vm, t, "clear", (self, args, n) -> {
      SetTable.clear(vm, self);
      return vm.none;
    });
    varArgs(vm, t, "update", (self, args, n) -> {
      for (int i = 1; i < n; i++) {
        update(vm, self, arg(args, i));
      }
      return vm.none;
    });
    varArgs(vm, t, "intersection_update", (self, args, n) -> {
      long tmp = intersectionMulti(vm, self, args, 1, n);
      SetTable.swapBodies(self, tmp);
      return vm.none;
    });
    varArgs(vm, t, "difference_update", (self, args, n) -> {
      for (int i = 1; i < n; i++) {
        differenceUpdate(vm, self, arg(args, i));
      }
      return vm.none;
    });
    oneArg(vm, t, "symmetric_difference_update", (self, args, n) -> {
      symmetricDifferenceUpdate(vm, self, arg(args, 1));
      return vm.none;
    });
    vm.defineMethod(t, "__init__", (args, nargs, kw) -> {
      long self = MappingTypes.slotReceiver(vm, args, nargs, t, "__init__");
      MappingTypes.noKeywords(vm, kw, "set");
      MappingTypes.positionalRange(vm, vm.typeNameOf(self), nargs - 1, 0, 1);
      if (SetTable.fill(self) != 0) {
        SetTable.clear(vm, self);
      }
      if (nargs == 2) {
        update(vm, self, arg(args, 1));
      }
      return vm.none;
    });
  }

  private static void defineCommon(VM vm, long t) {
    noArgs(vm, t, "copy", (self, args, n) ->
        vm.typeOf(self) == vm.frozensetType ? self : copyOf(vm, self));
    varArgs(vm, t, "union", (self, args, n) -> union(vm, self, args, 1, n));
    varArgs(vm, t, "intersection", (self, args, n) -> intersectionMulti(vm, self, args, 1, n));
    varArgs(vm, t, "difference", (self, args, n) -> differenceMulti(vm, self, args, 1, n));
    oneArg(vm, t, "symmetric_difference", (self, args, n) ->
        symmetricDifference(vm, self, arg(args, 1)));
    oneArg(vm, t, "issubset", (self, args, n) -> vm.bool(isSubset(vm, self, arg(args, 1))));
    oneArg(vm, t, "issuperset", (self, args, n) ->
        vm.bool(isSuperset(vm, self, arg(args, 1))));
    oneArg(vm, t, "isdisjoint", (self, args, n) ->
        vm.bool(isDisjoint(vm, self, arg(args, 1))));
    oneArg(vm, t, "__contains__", (self, args, n) ->
        vm.bool(contains(vm, self, arg(args, 1))));
    slot(vm, t, "__len__", 0, (self, args, n) -> fromInt(SetTable.used(self)));
    slot(vm, t, "__iter__", 0, (self, args, n) -> newIterator(vm, self));
    slot(vm, t, "__repr__", 0, (self, args, n) -> repr(vm, self));
  }
}
