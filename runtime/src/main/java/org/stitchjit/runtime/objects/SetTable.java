package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.VM;

/**
 * The native table of set and frozenset ({@link Layout.Set}): open addressing over (hash, key)
 * pairs, probed the way CPython 3.11's set probes (a run of up to ten adjacent slots, then a
 * jump driven by the hash's upper bits), with the same growth rule, the same reuse of deleted
 * slots and the same rebuild order. Iteration is table order, so a set of ints prints in the
 * same order as in CPython.
 *
 * <p>Hashes are stored as small ints, which keeps 63 of their 64 bits; every hash is
 * normalised to its stored form ({@link #norm}) before probing, so lookups and rebuilds agree.
 * The lost top bit only reaches the slot index after a dozen perturbed probes, so probe
 * sequences match CPython's in practice.
 *
 * <p>A mutable set never caches its hash, so its {@link Layout.Set#HASH} slot holds instead
 * the search finger of {@code pop()} (as CPython's so-&gt;finger), NULL meaning 0.
 *
 * <p>Functions that may call guest code ({@code __eq__}) re-read the table afterwards: the
 * callee may have resized or cleared the set.
 */
public final class SetTable {
  public static final int MIN_SIZE = Layout.Set.MIN_SIZE;
  private static final int LINEAR_PROBES = 9;
  private static final int PERTURB_SHIFT = 5;
  private static final long FINGER = Layout.Set.HASH;

  private SetTable() {}

  /** A new empty set object of type with nslots slots (more than NSLOTS for subclasses). */
  public static long newSet(VM vm, long type, int nslots) {
    long so = vm.alloc(type, nslots, 0);
    init(vm, so);
    return so;
  }

  /** Makes a freshly allocated object an empty set. */
  static void init(VM vm, long so) {
    Mem.putLong(so + Layout.Set.USED, fromInt(0));
    Mem.putLong(so + Layout.Set.FILL, fromInt(0));
    Mem.putLong(so + Layout.Set.MASK, fromInt(MIN_SIZE - 1));
    Mem.putLong(so + Layout.Set.TABLE, vm.alloc(vm.arrayType, 2L * MIN_SIZE, 0));
    Mem.putLong(so + Layout.Set.HASH, 0);
  }

  public static int used(long so) {
    return (int) intValue(Mem.getLong(so + Layout.Set.USED));
  }

  static int fill(long so) {
    return (int) intValue(Mem.getLong(so + Layout.Set.FILL));
  }

  public static int mask(long so) {
    return (int) intValue(Mem.getLong(so + Layout.Set.MASK));
  }

  private static void setUsed(long so, int n) {
    Mem.putLong(so + Layout.Set.USED, fromInt(n));
  }

  private static void setFill(long so, int n) {
    Mem.putLong(so + Layout.Set.FILL, fromInt(n));
  }

  static long tableObj(long so) {
    return Mem.getLong(so + Layout.Set.TABLE);
  }

  /** Address of slot 0's hash word in the current table. */
  private static long tab(long so) {
    return tableObj(so) + Layout.Array.ITEMS;
  }

  private static long keyIn(long tab, int i) {
    return Mem.getLong(tab + 16L * i + 8);
  }

  private static long hashIn(long tab, int i) {
    return intValue(Mem.getLong(tab + 16L * i));
  }

  private static void put(long tab, int i, long key, long h) {
    Mem.putLong(tab + 16L * i, fromInt(h));
    Mem.putLong(tab + 16L * i + 8, key);
  }

  /** Key in slot i of the current table: NULL (never used), the VM's dummy, or a live key. */
  public static long keyAt(long so, int i) {
    return keyIn(tab(so), i);
  }

  /** The stored (normalised) hash of slot i. */
  public static long hashAt(long so, int i) {
    return hashIn(tab(so), i);
  }

  /** The form in which a hash is stored and probed: its low 63 bits, sign-extended. */
  public static long norm(long hash) {
    return (hash << 1) >> 1;
  }

  /** The first slot at or after pos holding a live key, or -1. Re-reads the table. */
  public static int nextLive(VM vm, long so, int pos) {
    long tab = tab(so);
    int mask = mask(so);
    for (int i = pos; i <= mask; i++) {
      long k = keyIn(tab, i);
      if (k != 0 && k != vm.dummy) {
        return i;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ probing

  /** The slot of a live key equal to key, or -1. h must be normalised. */
  public static int lookup(VM vm, long so, long key, long h) {
    restart:
    while (true) {
      long tableObj = tableObj(so);
      long tab = tableObj + Layout.Array.ITEMS;
      int mask = mask(so);
      long perturb = h;
      int i = (int) (h & mask);
      while (true) {
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (int j = i; j <= i + probes; j++) {
          long k = keyIn(tab, j);
          if (k == 0) {
            return -1;
          }
          if (k == vm.dummy || hashIn(tab, j) != h) {
            continue;
          }
          if (k == key) {
            return j;
          }
          if (exactStrs(vm, k, key)) {
            if (Strs.equal(k, key)) {
              return j;
            }
            continue;
          }
          boolean eq = vm.rt.eq(k, key);
          if (tableObj(so) != tableObj || keyIn(tab, j) != k) {
            continue restart;
          }
          if (eq) {
            return j;
          }
        }
        perturb >>>= PERTURB_SHIFT;
        i = (int) ((i * 5L + 1 + perturb) & mask);
      }
    }
  }

  private static boolean exactStrs(VM vm, long a, long b) {
    return (a & 1) == 0 && (b & 1) == 0
        && Mem.getLong(a) == vm.strType && Mem.getLong(b) == vm.strType;
  }

  /**
   * Adds key unless an equal key is present; returns true when added. The key lands in the
   * last deleted slot met on its probe path if there was one, else in the first unused slot,
   * after which the table grows when it is 60% filled.
   */
  public static boolean add(VM vm, long so, long key, long h) {
    restart:
    while (true) {
      long tableObj = tableObj(so);
      long tab = tableObj + Layout.Array.ITEMS;
      int mask = mask(so);
      long perturb = h;
      int i = (int) (h & mask);
      int freeSlot = -1;
      while (true) {
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        for (int j = i; j <= i + probes; j++) {
          long k = keyIn(tab, j);
          if (k == 0) {
            if (freeSlot >= 0) {
              put(tab, freeSlot, key, h);
              setUsed(so, used(so) + 1);
              return true;
            }
            put(tab, j, key, h);
            int fill = fill(so) + 1;
            int used = used(so) + 1;
            setFill(so, fill);
            setUsed(so, used);
            if ((long) fill * 5 >= (long) mask * 3) {
              resize(vm, so, used > 50000 ? used * 2L : used * 4L);
            }
            return true;
          }
          if (k == vm.dummy) {
            freeSlot = j;
            continue;
          }
          if (hashIn(tab, j) != h) {
            continue;
          }
          if (k == key) {
            return false;
          }
          if (exactStrs(vm, k, key)) {
            if (Strs.equal(k, key)) {
              return false;
            }
            continue;
          }
          boolean eq = vm.rt.eq(k, key);
          if (eq) {
            return false;
          }
          if (tableObj(so) != tableObj || keyIn(tab, j) != k) {
            continue restart;
          }
        }
        perturb >>>= PERTURB_SHIFT;
        i = (int) ((i * 5L + 1 + perturb) & mask);
      }
    }
  }

  /** Places a key known to be absent into a table without dummies (rebuilds, fresh copies). */
  private static void insertClean(long tab, int mask, long key, long h) {
    long perturb = h;
    int i = (int) (h & mask);
    while (true) {
      if (keyIn(tab, i) == 0) {
        put(tab, i, key, h);
        return;
      }
      if (i + LINEAR_PROBES <= mask) {
        for (int j = i + 1; j <= i + LINEAR_PROBES; j++) {
          if (keyIn(tab, j) == 0) {
            put(tab, j, key, h);
            return;
          }
        }
      }
      perturb >>>= PERTURB_SHIFT;
      i = (int) ((i * 5L + 1 + perturb) & mask);
    }
  }

  /**
   * Rebuilds the table with the smallest power-of-two size above minUsed, re-placing the live
   * keys in old table order and dropping the dummies.
   */
  static void resize(VM vm, long so, long minUsed) {
    long newSize = MIN_SIZE;
    while (newSize <= minUsed) {
      newSize <<= 1;
    }
    int oldMask = mask(so);
    if (newSize == MIN_SIZE && oldMask == MIN_SIZE - 1 && fill(so) == used(so)) {
      return;
    }
    if (2 * newSize > Header.MAX_FIELD) {
      throw vm.raiseObject(vm.memoryErrorInstance);
    }
    long fresh = vm.alloc(vm.arrayType, 2 * newSize, 0);
    long newTab = fresh + Layout.Array.ITEMS;
    int newMask = (int) (newSize - 1);
    long oldTab = tab(so);
    for (int i = 0; i <= oldMask; i++) {
      long k = keyIn(oldTab, i);
      if (k != 0 && k != vm.dummy) {
        insertClean(newTab, newMask, k, hashIn(oldTab, i));
      }
    }
    Mem.putLong(so + Layout.Set.TABLE, fresh);
    Mem.putLong(so + Layout.Set.MASK, fromInt(newMask));
    setFill(so, used(so));
  }

  /** Removes the key equal to key; returns false when there is none. */
  public static boolean discard(VM vm, long so, long key, long h) {
    int i = lookup(vm, so, key, h);
    if (i < 0) {
      return false;
    }
    markDeleted(vm, so, i);
    return true;
  }

  /** Turns live slot i into a dummy; the hash stays, as the layout specifies. */
  private static void markDeleted(VM vm, long so, int i) {
    Mem.putLong(tab(so) + 16L * i + 8, vm.dummy);
    setUsed(so, used(so) - 1);
  }

  /** Removes and returns an arbitrary key (NULL when empty), scanning on from the finger. */
  public static long pop(VM vm, long so) {
    if (used(so) == 0) {
      return 0;
    }
    long tab = tab(so);
    int mask = mask(so);
    long fingerWord = Mem.getLong(so + FINGER);
    int i = (int) ((fingerWord == 0 ? 0 : intValue(fingerWord)) & mask);
    while (true) {
      long k = keyIn(tab, i);
      if (k != 0 && k != vm.dummy) {
        markDeleted(vm, so, i);
        Mem.putLong(so + FINGER, fromInt(i + 1));
        return k;
      }
      i = i == mask ? 0 : i + 1;
    }
  }

  /** Empties the set (the pop finger stays, as in CPython). */
  public static void clear(VM vm, long so) {
    Mem.putLong(so + Layout.Set.TABLE, vm.alloc(vm.arrayType, 2L * MIN_SIZE, 0));
    Mem.putLong(so + Layout.Set.MASK, fromInt(MIN_SIZE - 1));
    setFill(so, 0);
    setUsed(so, 0);
  }

  /**
   * Adds every key of another set or frozenset, reusing its stored hashes: one resize up
   * front, then a straight copy of the table when ours is empty and of the same size, else
   * clean or checked insertions, as CPython's set_merge.
   */
  public static void merge(VM vm, long so, long other) {
    int otherUsed = used(other);
    if (so == other || otherUsed == 0) {
      return;
    }
    if ((long) (fill(so) + otherUsed) * 5 >= (long) mask(so) * 3) {
      resize(vm, so, (long) (used(so) + otherUsed) * 2);
    }
    int otherMask = mask(other);
    if (fill(so) == 0 && mask(so) == otherMask && fill(other) == otherUsed) {
      Mem.copy(tab(other), tab(so), 16L * (otherMask + 1));
      setFill(so, otherUsed);
      setUsed(so, otherUsed);
      return;
    }
    if (fill(so) == 0) {
      long tab = tab(so);
      int mask = mask(so);
      long otherTab = tab(other);
      for (int i = 0; i <= otherMask; i++) {
        long k = keyIn(otherTab, i);
        if (k != 0 && k != vm.dummy) {
          insertClean(tab, mask, k, hashIn(otherTab, i));
        }
      }
      setFill(so, otherUsed);
      setUsed(so, otherUsed);
      return;
    }
    long mark = vm.handleMark();
    try {
      long keyMark = vm.handleMark();
      for (int i = 0; (i = nextLive(vm, other, i)) >= 0; i++) {
        vm.popHandles(keyMark);
        long k = keyAt(other, i);
        vm.pushHandle(k);
        add(vm, so, k, hashAt(other, i));
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  /** Exchanges the tables of two sets (the finger or cached hash stays with each object). */
  static void swapBodies(long a, long b) {
    long[] offsets = {Layout.Set.USED, Layout.Set.FILL, Layout.Set.MASK, Layout.Set.TABLE};
    for (long off : offsets) {
      long t = Mem.getLong(a + off);
      Mem.putLong(a + off, Mem.getLong(b + off));
      Mem.putLong(b + off, t);
    }
  }

  /** Makes room for about n more keys before a bulk insertion, as set_update does for dicts. */
  static void reserveFor(VM vm, long so, int n) {
    if ((long) (fill(so) + n) * 5 >= (long) mask(so) * 3) {
      resize(vm, so, (long) (used(so) + n) * 2);
    }
  }
}
