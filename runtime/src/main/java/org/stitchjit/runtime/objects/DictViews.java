package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;
import static org.stitchjit.runtime.objects.MappingTypes.arg;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * dict_keys, dict_values and dict_items ({@link Layout.Iter}: SEQ the dict, AUX the view kind)
 * and the dict iterator (SEQ the dict or NULL once exhausted, INDEX the next entry number, AUX
 * the view kind, LIMIT the dict's size when the iterator was made, -1 after a size change).
 *
 * <p>Keys and items views are set-like: they compare with sets and other such views, and
 * {@code | & - ^} with any iterable give a set, computed as CPython does by turning the left
 * operand into a set.
 */
public final class DictViews {
  private DictViews() {}

  static long dictOf(long view) {
    return Mem.getLong(view + Layout.Iter.SEQ);
  }

  static int viewKind(long view) {
    return (int) intValue(Mem.getLong(view + Layout.Iter.AUX));
  }

  static long newIterator(VM vm, long d, int kind) {
    long it = vm.alloc(vm.dictIteratorType, Layout.Iter.NSLOTS, 0);
    Mem.putLong(it + Layout.Iter.SEQ, d);
    Mem.putLong(it + Layout.Iter.INDEX, fromInt(0));
    Mem.putLong(it + Layout.Iter.AUX, fromInt(kind));
    Mem.putLong(it + Layout.Iter.LIMIT, fromInt(Dicts.size(d)));
    return it;
  }

  /** True for keys and items views, the set-like ones. */
  static boolean isSetView(VM vm, long v) {
    if ((v & 1) != 0 || v == 0) {
      return false;
    }
    long t = vm.typeOf(v);
    return t == vm.dictKeysType || t == vm.dictItemsType;
  }

  private static boolean isSetLike(VM vm, long v) {
    return SetType.isAnySet(vm, v) || isSetView(vm, v);
  }

  private static int setLikeLen(VM vm, long v) {
    return SetType.isAnySet(vm, v) ? SetTable.used(v) : Dicts.size(dictOf(v));
  }

  /** item in view, for keys and items views. */
  static boolean viewContains(VM vm, long view, long item) {
    long d = dictOf(view);
    if (viewKind(view) == DictType.VIEW_KEYS) {
      return Dicts.contains(vm, d, item);
    }
    if (!vm.isTuple(item) || VM.tupleLen(item) != 2) {
      return false;
    }
    long found = Dicts.getItem(vm, d, VM.tupleGet(item, 0));
    if (found == 0) {
      return false;
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(found);
      return MappingTypes.eq(vm, found, VM.tupleGet(item, 1));
    } finally {
      vm.popHandles(mark);
    }
  }

  private static boolean setLikeContains(VM vm, long container, long item) {
    if (SetType.isAnySet(vm, container)) {
      return SetType.contains(vm, container, item);
    }
    return viewContains(vm, container, item);
  }

  /** Every item of a is in b (all_contained_in). */
  private static boolean allContainedIn(VM vm, long a, long b) {
    boolean[] all = {true};
    MappingTypes.forEach(vm, a, item -> {
      if (!setLikeContains(vm, b, item)) {
        all[0] = false;
        return false;
      }
      return true;
    });
    return all[0];
  }

  /** Comparisons between a view and a set or another view, operands in source order. */
  static long richCompare(VM vm, long a, long b, int op) {
    if (!isSetLike(vm, a) || !isSetLike(vm, b) || !(isSetView(vm, a) || isSetView(vm, b))) {
      return vm.notImplemented;
    }
    int na = setLikeLen(vm, a);
    int nb = setLikeLen(vm, b);
    boolean r = switch (op) {
      case CompareOp.EQ -> na == nb && allContainedIn(vm, a, b);
      case CompareOp.NE -> !(na == nb && allContainedIn(vm, a, b));
      case CompareOp.LT -> na < nb && allContainedIn(vm, a, b);
      case CompareOp.LE -> na <= nb && allContainedIn(vm, a, b);
      case CompareOp.GT -> na > nb && allContainedIn(vm, b, a);
      case CompareOp.GE -> na >= nb && allContainedIn(vm, b, a);
      default -> throw new IllegalArgumentException("compare op " + op);
    };
    return vm.bool(r);
  }

  /** set(x), taking a keys view of an exact dict straight from the dict. */
  private static long toSet(VM vm, long x) {
    long src = x;
    if ((x & 1) == 0 && vm.typeOf(x) == vm.dictKeysType
        && vm.typeOf(dictOf(x)) == vm.dictType) {
      src = dictOf(x);
    }
    return SetType.fromIterable(vm, vm.setType, src);
  }

  /** | &amp; - ^ where a or b is a keys or items view; in-place forms act as the plain ones. */
  static long binaryOp(VM vm, int op, long a, long b) {
    int base = BinaryOp.base(op);
    if (!isSetView(vm, a) && !isSetView(vm, b)) {
      return vm.notImplemented;
    }
    if (base == BinaryOp.AND) {
      return intersect(vm, a, b);
    }
    if (base != BinaryOp.OR && base != BinaryOp.SUBTRACT && base != BinaryOp.XOR) {
      return vm.notImplemented;
    }
    long mark = vm.handleMark();
    try {
      long result = toSet(vm, a);
      vm.pushHandle(result);
      switch (base) {
        case BinaryOp.OR -> SetType.update(vm, result, b);
        case BinaryOp.SUBTRACT -> SetType.differenceUpdate(vm, result, b);
        default -> SetType.symmetricDifferenceUpdate(vm, result, b);
      }
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /**
   * _PyDictView_Intersect: with self the view operand, a set at least as large computes
   * set.intersection(self); otherwise the smaller of two views (or the iterable) is walked
   * and probed against the other view.
   */
  private static long intersect(VM vm, long a, long b) {
    long self = a;
    long other = b;
    if (!isSetView(vm, self)) {
      self = b;
      other = a;
    }
    int lenSelf = Dicts.size(dictOf(self));
    if ((other & 1) == 0 && vm.typeOf(other) == vm.setType
        && lenSelf <= SetTable.used(other)) {
      return SetType.intersection(vm, other, self);
    }
    if (isSetView(vm, other) && Dicts.size(dictOf(other)) > lenSelf) {
      long t = other;
      other = self;
      self = t;
    }
    final long probe = self;
    long mark = vm.handleMark();
    try {
      long result = SetType.newEmpty(vm, vm.setType);
      vm.pushHandle(result);
      MappingTypes.forEach(vm, other, item -> {
        if (viewContains(vm, probe, item)) {
          SetType.addKey(vm, result, item);
        }
        return true;
      });
      return result;
    } finally {
      vm.popHandles(mark);
    }
  }

  /** dictviews_isdisjoint: walks the shorter operand when both are sized set-likes. */
  static boolean isDisjoint(VM vm, long self, long other) {
    if (self == other) {
      return Dicts.size(dictOf(self)) == 0;
    }
    long container = self;
    long walked = other;
    if (isSetLike(vm, other) && setLikeLen(vm, other) > Dicts.size(dictOf(self))) {
      container = other;
      walked = self;
    }
    final long probe = container;
    boolean[] disjoint = {true};
    MappingTypes.forEach(vm, walked, item -> {
      if (setLikeContains(vm, probe, item)) {
        disjoint[0] = false;
        return false;
      }
      return true;
    });
    return disjoint[0];
  }

  static long repr(VM vm, long view) {
    String name = vm.typeNameOf(view);
    if (!MappingTypes.reprEnter(view)) {
      return vm.newStr("...");
    }
    long mark = vm.handleMark();
    try {
      long d = dictOf(view);
      int kind = viewKind(view);
      // A snapshot of the entries, as CPython lists the view before printing it.
      int n = Dicts.size(d);
      long snapshot = vm.newTuple(2 * n);
      vm.pushHandle(snapshot);
      int count = 0;
      for (int i = 0; i < Dicts.filled(d) && count < n; i++) {
        long k = Dicts.entryKey(d, i);
        if (k != 0) {
          VM.tupleSet(snapshot, 2 * count, k);
          VM.tupleSet(snapshot, 2 * count + 1, Dicts.entryValue(d, i));
          count++;
        }
      }
      StringBuilder sb = new StringBuilder(name).append("([");
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        long k = VM.tupleGet(snapshot, 2 * i);
        long v = VM.tupleGet(snapshot, 2 * i + 1);
        switch (kind) {
          case DictType.VIEW_KEYS -> sb.append(MappingTypes.repr(vm, k));
          case DictType.VIEW_VALUES -> sb.append(MappingTypes.repr(vm, v));
          default -> sb.append('(').append(MappingTypes.repr(vm, k)).append(", ")
              .append(MappingTypes.repr(vm, v)).append(')');
        }
      }
      return vm.newStr(sb.append("])").toString());
    } finally {
      vm.popHandles(mark);
      MappingTypes.reprLeave(view);
    }
  }

  static final TypeOps VIEW_OPS = new TypeOps() {
    @Override
    public long repr(VM vm, long self) {
      return DictViews.repr(vm, self);
    }

    @Override
    public long richCompare(VM vm, long a, long b, int op) {
      return DictViews.richCompare(vm, a, b, op);
    }

    @Override
    public long binaryOp(VM vm, int op, long a, long b) {
      return DictViews.binaryOp(vm, op, a, b);
    }

    @Override
    public long len(VM vm, long self) {
      return Dicts.size(dictOf(self));
    }

    @Override
    public int isTrue(VM vm, long self) {
      return Dicts.size(dictOf(self)) != 0 ? 1 : 0;
    }

    @Override
    public int contains(VM vm, long self, long key) {
      if (viewKind(self) == DictType.VIEW_VALUES) {
        return -1;
      }
      return viewContains(vm, self, key) ? 1 : 0;
    }

    @Override
    public long iter(VM vm, long self) {
      return newIterator(vm, dictOf(self), viewKind(self));
    }
  };

  static final TypeOps ITER_OPS = new SizeCheckedIterOps("dictionary changed size during iteration") {
    @Override
    int size(long d) {
      return Dicts.size(d);
    }

    @Override
    int nextLive(VM vm, long d, int i) {
      int filled = Dicts.filled(d);
      while (i < filled && Dicts.entryKey(d, i) == 0) {
        i++;
      }
      return i < filled ? i : -1;
    }

    @Override
    long item(VM vm, long it, long d, int i) {
      return switch (viewKind(it)) {
        case DictType.VIEW_KEYS -> Dicts.entryKey(d, i);
        case DictType.VIEW_VALUES -> Dicts.entryValue(d, i);
        default -> vm.tuple(Dicts.entryKey(d, i), Dicts.entryValue(d, i));
      };
    }
  };

  static void defineMethods(VM vm) {
    for (long t : new long[] {vm.dictKeysType, vm.dictItemsType}) {
      String qual = vm.typeName(t) + ".isdisjoint";
      vm.defineMethod(t, "isdisjoint", (args, nargs, kw) -> {
        long self = MappingTypes.receiver(vm, args, nargs, t, "isdisjoint");
        MappingTypes.oneArg(vm, nargs, kw, qual);
        return vm.bool(isDisjoint(vm, self, arg(args, 1)));
      });
    }
  }
}
