package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.runtime.objects.Sequences.arg;

import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * list.sort: a stable merge sort that only asks "is a &lt; b", as CPython's sort does, with
 * fast paths when every key is a small int, a float or a str.
 *
 * <p>While sorting, the list is emptied (as CPython does), so a key function or __lt__ that
 * mutates it is detected ("list modified during sort") and cannot corrupt the sort; the item
 * array and the keys stay rooted on the handle stack meanwhile.
 */
public final class Sorting {
  private Sorting() {}

  /** "a &lt; b" between positions of the keys array. */
  private interface Less {
    boolean lt(int a, int b);
  }

  /** Sorts list in place; keyFunc NULL (or None) means the items are their own keys. */
  public static void sort(VM vm, long list, long keyFunc, boolean reverse) {
    if (keyFunc == vm.none) {
      keyFunc = 0;
    }
    int n = VM.listLen(list);
    long savedItems = Mem.getLong(list + Layout.List.ITEMS);
    // Detach the storage so mutation during the sort is visible and harmless.
    Mem.putLong(list + Layout.List.SIZE, fromInt(0));
    Mem.putLong(list + Layout.List.ITEMS, 0);
    long mark = vm.handleMark();
    PyException failure = null;
    try {
      vm.pushHandle(savedItems);
      if (n > 1) {
        sortItems(vm, savedItems + Layout.Array.ITEMS, n, keyFunc, reverse);
      } else if (n == 1 && keyFunc != 0) {
        // CPython calls the key even for a single item.
        vm.rt.call(keyFunc, new long[] {Mem.getLong(savedItems + Layout.Array.ITEMS)});
      }
    } catch (PyException e) {
      failure = e;
    } finally {
      boolean modified = VM.listLen(list) != 0 || Mem.getLong(list + Layout.List.ITEMS) != 0;
      // Slots the guest filled while detached must not keep objects alive.
      Mem.putLong(list + Layout.List.SIZE, fromInt(n));
      Mem.putLong(list + Layout.List.ITEMS, savedItems);
      vm.popHandles(mark);
      if (failure == null && modified) {
        failure = vm.valueError("list modified during sort");
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Sorts the n words at items (rooted by the caller) by their keys. */
  private static void sortItems(VM vm, long items, int n, long keyFunc, boolean reverse) {
    long[] vals = new long[n];
    for (int i = 0; i < n; i++) {
      vals[i] = Mem.getLong(items + 8L * i);
    }
    long[] keys = vals;
    if (keyFunc != 0) {
      long keyArray = vm.alloc(vm.arrayType, n, 0);
      vm.pushHandle(keyArray);
      keys = new long[n];
      for (int i = 0; i < n; i++) {
        long k = vm.rt.call(keyFunc, new long[] {vals[i]});
        Mem.putLong(keyArray + Layout.Array.ITEMS + 8L * i, k);
        keys[i] = k;
      }
    }
    // CPython sorts reversed input stably and reverses back, so equal keys keep their order.
    if (reverse) {
      reverseArray(vals);
      if (keys != vals) {
        reverseArray(keys);
      }
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    long[] sortedVals;
    if (keyFunc == 0 && allSmallInts(keys)) {
      // Equal small ints are indistinguishable, so an unstable primitive sort is fine, and
      // tagging preserves numeric order.
      sortedVals = keys.clone();
      java.util.Arrays.sort(sortedVals);
    } else {
      final long[] k = keys;
      Less less = chooseLess(vm, k);
      mergeSort(perm, less);
      sortedVals = new long[n];
      for (int i = 0; i < n; i++) {
        sortedVals[i] = vals[perm[i]];
      }
    }
    if (reverse) {
      reverseArray(sortedVals);
    }
    for (int i = 0; i < n; i++) {
      Mem.putLong(items + 8L * i, sortedVals[i]);
    }
  }

  private static Less chooseLess(VM vm, long[] k) {
    int n = k.length;
    if (allSmallInts(k)) {
      return (a, b) -> k[a] < k[b];
    }
    boolean allFloat = true;
    boolean allStr = true;
    for (int i = 0; i < n && (allFloat || allStr); i++) {
      long v = k[i];
      if ((v & 1) != 0) {
        allFloat = false;
        allStr = false;
        break;
      }
      long t = Mem.getLong(v);
      allFloat &= t == vm.floatType;
      allStr &= t == vm.strType;
    }
    if (allFloat) {
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = VM.floatValue(k[i]);
      }
      return (a, b) -> d[a] < d[b];
    }
    if (allStr) {
      return (a, b) -> StrType.compare(k[a], k[b]) < 0;
    }
    return (a, b) -> {
      long x = k[a];
      long y = k[b];
      if (Tag.bothInts(x, y)) {
        return x < y;
      }
      return vm.rt.compare(x, y, CompareOp.LT);
    };
  }

  private static boolean allSmallInts(long[] k) {
    long and = 1;
    for (long v : k) {
      and &= v;
    }
    return and != 0;
  }

  private static void reverseArray(long[] a) {
    for (int i = 0, j = a.length - 1; i < j; i++, j--) {
      long t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

@@TIMSORT@@
  // ---------------------------------------------------------------- list.sort
  /** list.sort(*, key=None, reverse=False). */
  static long sortMethod(VM vm, long args, int nargs, long kwnames) {
    long self = arg(args, 0);
    int nkw = Sequences.kwCount(kwnames);
    if (nargs - nkw > 1) {
      throw vm.typeError("sort() takes no positional arguments");
    }
    long key = 0;
    boolean reverse = false;
    for (int k = 0; k < nkw; k++) {
      String name = vm.str(VM.tupleGet(kwnames, k));
      long v = arg(args, nargs - nkw + k);
      if (name.equals("key")) {
        key = v;
      } else if (name.equals("reverse")) {
        reverse = Sequences.intFlag(vm, v);
      } else {
        throw vm.typeError("'" + name + "' is an invalid keyword argument for sort()");
      }
    }
    sort(vm, self, key, reverse);
    return vm.none;
  }
}
