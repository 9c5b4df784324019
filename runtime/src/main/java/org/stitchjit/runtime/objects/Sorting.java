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
 * list.sort: CPython's timsort, making the same "is a &lt; b" comparisons in the same order as
 * CPython 3.11 (a guest __lt__ can see them), with fast comparisons when every key is a small
 * int, a float or a str.
 *
 * <p>While sorting, the list is emptied (as CPython does), so a key function or __lt__ that
 * mutates it is detected ("list modified during sort") and cannot corrupt the sort; the item
 * array and the keys stay rooted on the handle stack meanwhile.
 */
public final class Sorting {
  private Sorting() {}

  /** "a &lt; b" between positions of the keys array. */
  interface Less {
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
    if (keyFunc == 0 && allSmallInts(keys)) {
      // Comparing small ints runs no guest code, and equal ones are the same word, so any
      // sort gives CPython's result; tagging preserves numeric order.
      long[] sorted = keys.clone();
      java.util.Arrays.sort(sorted);
      writeBack(items, sorted, null, reverse);
      return;
    }
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    try {
      TimSort.sort(perm, chooseLess(vm, keys));
    } finally {
      // Also when a comparison raised: CPython leaves the list in whatever order the sort had
      // reached (reversed back for reverse=True), and TimSort keeps perm a permutation.
      writeBack(items, vals, perm, reverse);
    }
  }

  /** Stores vals (permuted by perm unless it is null) at items, in reverse order if asked. */
  private static void writeBack(long items, long[] vals, int[] perm, boolean reverse) {
    int n = vals.length;
    for (int i = 0; i < n; i++) {
      long v = vals[perm == null ? i : perm[i]];
      Mem.putLong(items + 8L * (reverse ? n - 1 - i : i), v);
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

  // ---------------------------------------------------------------- timsort
  /**
   * CPython's list sort, timsort as Objects/listsort.txt describes it, over a permutation of
   * key positions.
   *
   * <p>A guest __lt__ can log or count its calls, so the exact sequence of comparisons is
   * observable. This therefore follows CPython 3.11 step for step: the same natural runs
   * (strictly descending ones reversed in place), the same minrun, binary insertion to extend
   * short runs, the powersort merge policy (3.11 replaced the classic stack invariants with
   * it; checked by comparing logged comparisons with python3), and the same galloping merges
   * with an adaptive min_gallop. Each comparison asks less.lt(x, y) with the same operands on
   * the same sides as CPython. Elements are also moved as CPython moves them, so when a
   * comparison raises, the array is left in the same partly sorted order (always a
   * permutation).
   */
  static final class TimSort {
    /** Initial threshold for entering galloping mode; merges then adapt it. */
    private static final int MIN_GALLOP = 7;
    /**
     * Powersort keeps the powers on the run stack strictly increasing, and a power is at most
     * one more than the bit length of the array length, so this many entries always suffice.
     */
    private static final int MAX_PENDING = 85;

    private final int[] a;
    private final Less less;
    private final int n;
    private int minGallop = MIN_GALLOP;
    /** Scratch space for the shorter run of a merge; grown on demand. */
    private int[] tmp = new int[0];

    // The stack of pending runs: start, length, and the power of the boundary after the run.
    private final int[] runBase = new int[MAX_PENDING];
    private final int[] runLen = new int[MAX_PENDING];
    private final int[] runPower = new int[MAX_PENDING];
    private int pending;

    private TimSort(int[] a, Less less) {
      this.a = a;
      this.less = less;
      this.n = a.length;
    }

    /** Sorts a stably by less; if less throws, a is still a permutation of its old contents. */
    static void sort(int[] a, Less less) {
      if (a.length < 2) {
        return;
      }
      new TimSort(a, less).run();
    }

    private void run() {
      int minRun = minRun(n);
      int lo = 0;
      int remaining = n;
      do {
        int len = countRun(lo, lo + remaining);
        if (len < minRun) {
          int force = Math.min(remaining, minRun);
          binarySort(lo, lo + force, lo + len);
          len = force;
        }
        foundNewRun(lo, len);
        runBase[pending] = lo;
        runLen[pending] = len;
        pending++;
        lo += len;
        remaining -= len;
      } while (remaining > 0);
      forceCollapse();
    }

    /**
     * A run length between 32 and 64 such that n / minRun is a power of two or slightly less,
     * so the final merges are balanced: the six most significant bits of n, plus one if any of
     * the bits shifted out is set.
     */
    static int minRun(int n) {
      int r = 0;
      while (n >= 64) {
        r |= n & 1;
        n >>= 1;
      }
      return n + r;
    }

    /**
     * Length of the run starting at lo (at most hi - lo): either non-descending, or strictly
     * descending, which is reversed in place. Strictness is what makes reversing stable.
     */
    private int countRun(int lo, int hi) {
      if (lo + 1 == hi) {
        return 1;
      }
      int k = lo + 2;
      if (less.lt(a[lo + 1], a[lo])) {
        while (k < hi && less.lt(a[k], a[k - 1])) {
          k++;
        }
        for (int i = lo, j = k - 1; i < j; i++, j--) {
          int t = a[i];
          a[i] = a[j];
          a[j] = t;
        }
      } else {
        while (k < hi && !less.lt(a[k], a[k - 1])) {
          k++;
        }
      }
      return k - lo;
    }

    /**
     * Binary insertion sort of [lo, hi) where [lo, start) is already sorted. Each new element
     * goes after every element it is not less than, which keeps equal elements in order. Only
     * the search compares, and it finishes before anything moves.
     */
    private void binarySort(int lo, int hi, int start) {
      if (start == lo) {
        start++;
      }
      for (; start < hi; start++) {
        int pivot = a[start];
        int l = lo;
        int r = start;
        do {
          int p = l + ((r - l) >>> 1);
          if (less.lt(pivot, a[p])) {
            r = p;
          } else {
            l = p + 1;
          }
        } while (l < r);
        System.arraycopy(a, l, a, l + 1, start - l);
        a[l] = pivot;
      }
    }

    /**
     * Powersort: the boundary between the top run (at s1, length n1) and the new run (length
     * n2) gets a power, the number of leading bits that the midpoints of the two runs, as
     * fractions of n, share plus one. Runs below the top whose boundary has a larger power are
     * merged first, which approximates an optimal merge tree.
     */
    private void foundNewRun(int start, int n2) {
      if (pending == 0) {
        return;
      }
      int top = pending - 1;
      int power = power(runBase[top], runLen[top], n2, n);
      while (pending > 1 && runPower[pending - 2] > power) {
        mergeAt(pending - 2);
      }
      runPower[pending - 1] = power;
    }

    /**
     * Compares the binary expansions of the two midpoints divided by n one bit at a time,
     * working with doubled midpoints so they are integers.
     */
    static int power(long s1, long n1, long n2, long n) {
      long x = 2 * s1 + n1;
      long y = x + n1 + n2;
      int result = 0;
      while (true) {
        result++;
        if (x >= n) {
          // Both next bits are 1.
          x -= n;
          y -= n;
        } else if (y >= n) {
          // The bits differ: x's is 0, y's is 1.
          break;
        }
        x <<= 1;
        y <<= 1;
      }
      return result;
    }

    /** At the end, merges what is left from the top, favouring the smaller neighbour. */
    private void forceCollapse() {
      while (pending > 1) {
        int i = pending - 2;
        if (i > 0 && runLen[i - 1] < runLen[i + 1]) {
          i--;
        }
        mergeAt(i);
      }
    }

    /** Merges pending runs i and i + 1 (i is the second or third from the top). */
    private void mergeAt(int i) {
      int baseA = runBase[i];
      int lenA = runLen[i];
      int baseB = runBase[i + 1];
      int lenB = runLen[i + 1];
      // The merged run replaces both (keeping run i's power); a top run not involved slides
      // down.
      runLen[i] = lenA + lenB;
      if (i == pending - 3) {
        runBase[i + 1] = runBase[i + 2];
        runLen[i + 1] = runLen[i + 2];
        runPower[i + 1] = runPower[i + 2];
      }
      pending--;
      // Elements of A not greater than B's first are already in place.
      int k = gallopRight(a[baseB], a, baseA, lenA, 0);
      baseA += k;
      lenA -= k;
      if (lenA == 0) {
        return;
      }
      // Elements of B not less than A's last are already in place too.
      lenB = gallopLeft(a[baseA + lenA - 1], a, baseB, lenB, lenB - 1);
      if (lenB <= 0) {
        return;
      }
      if (lenA <= lenB) {
        mergeLo(baseA, lenA, baseB, lenB);
      } else {
        mergeHi(baseA, lenA, baseB, lenB);
      }
    }

    /**
     * The leftmost position in arr[base, base + len) where key could go: arr[base + k - 1] &lt;
     * key &lt;= arr[base + k]. It gallops from hint (offsets 1, 3, 7, ...) to bracket the
     * position, then binary-searches the bracket.
     */
    private int gallopLeft(int key, int[] arr, int base, int len, int hint) {
      int lastOfs = 0;
      int ofs = 1;
      if (less.lt(arr[base + hint], key)) {
        // Gallop right until arr[hint + lastOfs] < key <= arr[hint + ofs].
        int maxOfs = len - hint;
        while (ofs < maxOfs) {
          if (less.lt(arr[base + hint + ofs], key)) {
            lastOfs = ofs;
            ofs = (ofs << 1) + 1;
          } else {
            break;
          }
        }
        if (ofs > maxOfs) {
          ofs = maxOfs;
        }
        lastOfs += hint;
        ofs += hint;
      } else {
        // Gallop left until arr[hint - ofs] < key <= arr[hint - lastOfs].
        int maxOfs = hint + 1;
        while (ofs < maxOfs) {
          if (less.lt(arr[base + hint - ofs], key)) {
            break;
          }
          lastOfs = ofs;
          ofs = (ofs << 1) + 1;
        }
        if (ofs > maxOfs) {
          ofs = maxOfs;
        }
        int t = lastOfs;
        lastOfs = hint - ofs;
        ofs = hint - t;
      }
      // Now arr[lastOfs] < key <= arr[ofs]; search the positions between.
      lastOfs++;
      while (lastOfs < ofs) {
        int m = lastOfs + ((ofs - lastOfs) >>> 1);
        if (less.lt(arr[base + m], key)) {
          lastOfs = m + 1;
        } else {
          ofs = m;
        }
      }
      return ofs;
    }

    /**
     * The rightmost position in arr[base, base + len) where key could go: arr[base + k - 1]
     * &lt;= key &lt; arr[base + k]. Same scheme as gallopLeft, with the comparisons turned
     * around so that equal elements end up before key.
     */
    private int gallopRight(int key, int[] arr, int base, int len, int hint) {
      int lastOfs = 0;
      int ofs = 1;
      if (less.lt(key, arr[base + hint])) {
        // Gallop left until arr[hint - ofs] <= key < arr[hint - lastOfs].
        int maxOfs = hint + 1;
        while (ofs < maxOfs) {
          if (less.lt(key, arr[base + hint - ofs])) {
            lastOfs = ofs;
            ofs = (ofs << 1) + 1;
          } else {
            break;
          }
        }
        if (ofs > maxOfs) {
          ofs = maxOfs;
        }
        int t = lastOfs;
        lastOfs = hint - ofs;
        ofs = hint - t;
      } else {
        // Gallop right until arr[hint + lastOfs] <= key < arr[hint + ofs].
        int maxOfs = len - hint;
        while (ofs < maxOfs) {
          if (less.lt(key, arr[base + hint + ofs])) {
            break;
          }
          lastOfs = ofs;
          ofs = (ofs << 1) + 1;
        }
        if (ofs > maxOfs) {
          ofs = maxOfs;
        }
        lastOfs += hint;
        ofs += hint;
      }
      // Now arr[lastOfs] <= key < arr[ofs]; search the positions between.
      lastOfs++;
      while (lastOfs < ofs) {
        int m = lastOfs + ((ofs - lastOfs) >>> 1);
        if (less.lt(key, arr[base + m])) {
          ofs = m;
        } else {
          lastOfs = m + 1;
        }
      }
      return ofs;
    }

    private int[] tmp(int need) {
      if (tmp.length < need) {
        tmp = new int[Math.max(need, Math.min(n, 2 * tmp.length))];
      }
      return tmp;
    }

    /**
     * Merges adjacent runs A = a[baseA, +lenA) and B = a[baseB, +lenB) with lenA &lt;= lenB,
     * left to right, copying A aside. mergeAt has trimmed them so that B's first element goes
     * first and A's last goes last. While comparing, the lenA slots from dest are exactly the
     * free ones, so on an exception the rest of A is copied back there.
     */
    private void mergeLo(int baseA, int lenA, int baseB, int lenB) {
      int[] t = tmp(lenA);
      System.arraycopy(a, baseA, t, 0, lenA);
      int ca = 0;
      int cb = baseB;
      int dest = baseA;
      // Set when A is down to its last element, which belongs after the rest of B.
      boolean aLast = false;
      try {
        a[dest++] = a[cb++];
        if (--lenB == 0) {
          return;
        }
        if (lenA == 1) {
          aLast = true;
          return;
        }
        int mg = minGallop;
        while (true) {
          // One at a time, until one run wins mg times in a row.
          int acount = 0;
          int bcount = 0;
          while (true) {
            if (less.lt(a[cb], t[ca])) {
              a[dest++] = a[cb++];
              bcount++;
              acount = 0;
              if (--lenB == 0) {
                return;
              }
              if (bcount >= mg) {
                break;
              }
            } else {
              a[dest++] = t[ca++];
              acount++;
              bcount = 0;
              if (--lenA == 1) {
                aLast = true;
                return;
              }
              if (acount >= mg) {
                break;
              }
            }
          }
          // Gallop while either run keeps winning by at least MIN_GALLOP at a time; the longer
          // galloping pays off, the lower the threshold to come back to it.
          mg++;
          do {
            mg -= mg > 1 ? 1 : 0;
            minGallop = mg;
            int k = gallopRight(a[cb], t, ca, lenA, 0);
            acount = k;
            if (k != 0) {
              System.arraycopy(t, ca, a, dest, k);
              dest += k;
              ca += k;
              lenA -= k;
              if (lenA == 1) {
                aLast = true;
                return;
              }
              // Impossible for a consistent less, but a guest __lt__ need not be.
              if (lenA == 0) {
                return;
              }
            }
            a[dest++] = a[cb++];
            if (--lenB == 0) {
              return;
            }
            k = gallopLeft(t[ca], a, cb, lenB, 0);
            bcount = k;
            if (k != 0) {
              System.arraycopy(a, cb, a, dest, k);
              dest += k;
              cb += k;
              lenB -= k;
              if (lenB == 0) {
                return;
              }
            }
            a[dest++] = t[ca++];
            if (--lenA == 1) {
              aLast = true;
              return;
            }
          } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
          // Leaving galloping mode costs a higher threshold for re-entering it.
          mg++;
          minGallop = mg;
        }
      } finally {
        if (aLast) {
          System.arraycopy(a, cb, a, dest, lenB);
          a[dest + lenB] = t[ca];
        } else if (lenA > 0) {
          System.arraycopy(t, ca, a, dest, lenA);
        }
      }
    }

    /**
     * Merges adjacent runs A and B with lenA &gt; lenB, right to left, copying B aside. B's
     * remaining elements are always t[0, lenB) and the lenB slots ending at dest are the free
     * ones, so on an exception they are copied back there.
     */
    private void mergeHi(int baseA, int lenA, int baseB, int lenB) {
      int[] t = tmp(lenB);
      System.arraycopy(a, baseB, t, 0, lenB);
      int ca = baseA + lenA - 1;
      int cb = lenB - 1;
      int dest = baseB + lenB - 1;
      // Set when B is down to its first element, which belongs before the rest of A.
      boolean bFirst = false;
      try {
        a[dest--] = a[ca--];
        if (--lenA == 0) {
          return;
        }
        if (lenB == 1) {
          bFirst = true;
          return;
        }
        int mg = minGallop;
        while (true) {
          int acount = 0;
          int bcount = 0;
          while (true) {
            if (less.lt(t[cb], a[ca])) {
              a[dest--] = a[ca--];
              acount++;
              bcount = 0;
              if (--lenA == 0) {
                return;
              }
              if (acount >= mg) {
                break;
              }
            } else {
              a[dest--] = t[cb--];
              bcount++;
              acount = 0;
              if (--lenB == 1) {
                bFirst = true;
                return;
              }
              if (bcount >= mg) {
                break;
              }
            }
          }
          mg++;
          do {
            mg -= mg > 1 ? 1 : 0;
            minGallop = mg;
            int k = lenA - gallopRight(t[cb], a, baseA, lenA, lenA - 1);
            acount = k;
            if (k != 0) {
              dest -= k;
              ca -= k;
              System.arraycopy(a, ca + 1, a, dest + 1, k);
              lenA -= k;
              if (lenA == 0) {
                return;
              }
            }
            a[dest--] = t[cb--];
            if (--lenB == 1) {
              bFirst = true;
              return;
            }
            k = lenB - gallopLeft(a[ca], t, 0, lenB, lenB - 1);
            bcount = k;
            if (k != 0) {
              dest -= k;
              cb -= k;
              System.arraycopy(t, cb + 1, a, dest + 1, k);
              lenB -= k;
              if (lenB == 1) {
                bFirst = true;
                return;
              }
              // Impossible for a consistent less, but a guest __lt__ need not be.
              if (lenB == 0) {
                return;
              }
            }
            a[dest--] = a[ca--];
            if (--lenA == 0) {
              return;
            }
          } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
          mg++;
          minGallop = mg;
        }
      } finally {
        if (bFirst) {
          System.arraycopy(a, ca - lenA + 1, a, dest - lenA + 1, lenA);
          a[dest - lenA] = t[cb];
        } else if (lenB > 0) {
          System.arraycopy(t, 0, a, dest - lenB + 1, lenB);
        }
      }
    }
  }

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
