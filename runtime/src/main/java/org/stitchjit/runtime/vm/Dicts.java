package org.stitchjit.runtime.vm;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;

/**
 * Compact, insertion-ordered dicts in native memory: an entries array of (hash, key, value)
 * triples in insertion order and a separate int32 index of hash buckets, as CPython has done
 * since 3.6. Module globals, class namespaces and user dicts are all this structure, so the
 * interpreter's global-load cache can remember an entry number and guard on the keys version.
 */
public final class Dicts {
  private static final int MIN_INDEX = 8;
  private static final int EMPTY = -1;
  private static final int DELETED = -2;
  private static final int W = Layout.Dict.ENTRY_WORDS;

  private Dicts() {}

  /** A new empty dict of the given type with extra trailing slots for subclass attributes. */
  public static long newDict(VM vm, long type, int extraSlots) {
    long d = vm.alloc(type, Layout.Dict.NSLOTS + extraSlots, 0);
    Mem.putLong(d + Layout.Dict.USED, fromInt(0));
    Mem.putLong(d + Layout.Dict.FILLED, fromInt(0));
    Mem.putLong(d + Layout.Dict.KEYS_VERSION, fromInt(0));
    return d;
  }

  public static int size(long d) {
    return (int) intValue(Mem.getLong(d + Layout.Dict.USED));
  }

  /** Entries written so far (live or deleted): iterate i in [0, filled) with entryKey != 0. */
  public static int filled(long d) {
    return (int) intValue(Mem.getLong(d + Layout.Dict.FILLED));
  }

  public static long keysVersion(long d) {
    return Mem.getLong(d + Layout.Dict.KEYS_VERSION);
  }

  private static long entries(long d) {
    return Mem.getLong(d + Layout.Dict.ENTRIES) + Layout.Array.ITEMS;
  }

  /** Key of entry i, NULL when deleted. */
  public static long entryKey(long d, int i) {
    return Mem.getLong(entries(d) + 8L * (W * i + Layout.Dict.ENTRY_KEY));
  }

  public static long entryValue(long d, int i) {
    return Mem.getLong(entries(d) + 8L * (W * i + Layout.Dict.ENTRY_VALUE));
  }

  public static void setEntryValue(long d, int i, long v) {
    long at = entries(d) + 8L * (W * i + Layout.Dict.ENTRY_VALUE);
    // Compiled code may have taken the old value as a constant (a promoted global). Most dicts
    // are not watched: one load of the version word decides.
    boolean report = (Mem.getLong(d + Layout.Dict.KEYS_VERSION) & WATCHED) != 0
        && Mem.getLong(at) != v;
    Mem.putLong(at, v);
    if (report) {
      Watchers.entryChanged(d, i);
    }
  }

  private static long entryHash(long d, int i) {
    return intValue(Mem.getLong(entries(d) + 8L * (W * i + Layout.Dict.ENTRY_HASH)));
  }

  private static void bumpVersion(long d) {
    long old = Mem.getLong(d + Layout.Dict.KEYS_VERSION);
    Mem.putLong(d + Layout.Dict.KEYS_VERSION, old + 2);
    if ((old & WATCHED) != 0) {
      Watchers.dictChanged(d);
    }
  }

  /**
   * The keys-version bit that marks a dict compiled code depends on (globals, builtins, a
   * module's dict): its changes are reported to {@link Watchers}. A version counts in steps of
   * two and never reaches this bit. Setting it changes the word, so the interpreter's caches
   * filled before the dict was watched miss once; compiled guards ignore it ({@link
   * #sameKeysVersion}).
   */
  public static final long WATCHED = Layout.Dict.KEYS_VERSION_WATCHED;

  /** Whether two keys versions are the same version, watched or not (what guards compare). */
  public static boolean sameKeysVersion(long a, long b) {
    return ((a ^ b) & ~WATCHED) == 0;
  }

  /** Marks d as watched (see {@link #WATCHED}). */
  public static void watch(long d) {
    Mem.putLong(d + Layout.Dict.KEYS_VERSION, Mem.getLong(d + Layout.Dict.KEYS_VERSION) | WATCHED);
  }

  // ---------------------------------------------------------------- lookup
  /**
   * The entry number of key, or -1. Equality calls back into guest code only for keys that
   * are neither identical nor both str; if such a call resizes the dict, the lookup restarts.
   */
  public static int lookup(VM vm, long d, long key, long hash) {
    long index = Mem.getLong(d + Layout.Dict.INDEX);
    if (index == 0) {
      return -1;
    }
    long h = intValue(fromInt(hash));
    while (true) {
      long entriesArray = Mem.getLong(d + Layout.Dict.ENTRIES);
      int mask = indexSize(index) - 1;
      long perturb = h;
      int i = (int) (h & mask);
      boolean restarted = false;
      while (true) {
        int ix = Mem.getInt(index + Layout.Array.ITEMS + 4L * i);
        if (ix == EMPTY) {
          return -1;
        }
        if (ix >= 0) {
          long k = entryKey(d, ix);
          if (k == key) {
            return ix;
          }
          if (k != 0 && entryHash(d, ix) == h) {
            if (keysEqual(vm, k, key)) {
              return ix;
            }
            if (Mem.getLong(d + Layout.Dict.ENTRIES) != entriesArray
                || Mem.getLong(d + Layout.Dict.INDEX) != index) {
              restarted = true;
              break;
            }
          }
        }
        perturb >>>= 5;
        i = (int) ((i * 5L + perturb + 1) & mask);
      }
      if (restarted) {
        index = Mem.getLong(d + Layout.Dict.INDEX);
        if (index == 0) {
          return -1;
        }
      }
    }
  }

  static boolean keysEqual(VM vm, long a, long b) {
    // Only exact strs: a str subclass may define its own __eq__.
    if ((a & 1) == 0 && (b & 1) == 0
        && Mem.getLong(a) == vm.strType && Mem.getLong(b) == vm.strType) {
      return Strs.equal(a, b);
    }
    return vm.rt.eq(a, b);
  }

  /** Value for a str key (hash computed and cached on the str), or NULL. */
  public static long getItemStr(VM vm, long d, long key) {
    int ix = lookup(vm, d, key, Strs.hash(key));
    return ix < 0 ? 0 : entryValue(d, ix);
  }

  /** Entry number of a str key, or -1. */
  public static int lookupStr(VM vm, long d, long key) {
    return lookup(vm, d, key, Strs.hash(key));
  }

  /** Value for any key, or NULL when absent (TypeError for unhashable keys). */
  public static long getItem(VM vm, long d, long key) {
    int ix = lookup(vm, d, key, vm.rt.hash(key));
    return ix < 0 ? 0 : entryValue(d, ix);
  }

  public static boolean contains(VM vm, long d, long key) {
    return lookup(vm, d, key, vm.rt.hash(key)) >= 0;
  }

  // ---------------------------------------------------------------- update
  public static void setItemStr(VM vm, long d, long key, long value) {
    insert(vm, d, key, Strs.hash(key), value);
  }

  public static void setItem(VM vm, long d, long key, long value) {
    insert(vm, d, key, vm.rt.hash(key), value);
  }

  /** Inserts or replaces; hash is the key's full hash. */
  public static void insert(VM vm, long d, long key, long hash, long value) {
    int ix = lookup(vm, d, key, hash);
    if (ix >= 0) {
      setEntryValue(d, ix, value);
      return;
    }
    appendEntry(vm, d, key, hash, value);
  }

  /** Adds an entry for a key known to be absent (no comparisons, so no guest code). */
  private static void appendEntry(VM vm, long d, long key, long hash, long value) {
    long h = intValue(fromInt(hash));
    int filled = filled(d);
    long entriesArray = Mem.getLong(d + Layout.Dict.ENTRIES);
    if (entriesArray == 0 || filled * W >= VM.slotCount(entriesArray)) {
      resize(vm, d, size(d) + 1);
      filled = filled(d);
    }
    long e = entries(d) + 8L * W * filled;
    Mem.putLong(e + 8L * Layout.Dict.ENTRY_HASH, fromInt(h));
    Mem.putLong(e + 8L * Layout.Dict.ENTRY_KEY, key);
    Mem.putLong(e + 8L * Layout.Dict.ENTRY_VALUE, value);
    insertIndex(Mem.getLong(d + Layout.Dict.INDEX), h, filled);
    Mem.putLong(d + Layout.Dict.FILLED, fromInt(filled + 1));
    Mem.putLong(d + Layout.Dict.USED, fromInt(size(d) + 1));
    bumpVersion(d);
  }

  private static int indexSize(long index) {
    return VM.rawBytes(index) / 4;
  }

  private static void insertIndex(long index, long h, int entry) {
    int mask = indexSize(index) - 1;
    long perturb = h;
    int i = (int) (h & mask);
    while (true) {
      long cell = index + Layout.Array.ITEMS + 4L * i;
      if (Mem.getInt(cell) < 0) {
        Mem.putInt(cell, entry);
        return;
      }
      perturb >>>= 5;
      i = (int) ((i * 5L + perturb + 1) & mask);
    }
  }

  /** Rebuilds the entries (dropping deleted ones) and the index for at least n live keys. */
  private static void resize(VM vm, long d, int n) {
    int indexSize = MIN_INDEX;
    while (indexSize * 2 < n * 3) {
      indexSize <<= 1;
    }
    int capacity = indexSize * 2 / 3;
    long newEntries = vm.alloc(vm.arrayType, (long) capacity * W, 0);
    long newIndex = vm.alloc(vm.rawType, 0, 4L * indexSize);
    Mem.zero(newIndex + Layout.Array.ITEMS, 4L * indexSize);
    for (int i = 0; i < indexSize; i++) {
      Mem.putInt(newIndex + Layout.Array.ITEMS + 4L * i, EMPTY);
    }
    long oldEntriesArray = Mem.getLong(d + Layout.Dict.ENTRIES);
    int filled = filled(d);
    int j = 0;
    if (oldEntriesArray != 0) {
      long src = oldEntriesArray + Layout.Array.ITEMS;
      long dst = newEntries + Layout.Array.ITEMS;
      for (int i = 0; i < filled; i++) {
        long k = Mem.getLong(src + 8L * (W * i + Layout.Dict.ENTRY_KEY));
        if (k == 0) {
          continue;
        }
        Mem.copy(src + 8L * W * i, dst + 8L * W * j, 8L * W);
        insertIndex(newIndex, intValue(Mem.getLong(src + 8L * W * i)), j);
        j++;
      }
    }
    Mem.putLong(d + Layout.Dict.ENTRIES, newEntries);
    Mem.putLong(d + Layout.Dict.INDEX, newIndex);
    Mem.putLong(d + Layout.Dict.FILLED, fromInt(j));
  }

  /** Removes key; returns its value or NULL when absent. */
  public static long remove(VM vm, long d, long key) {
    long hash = vm.isStr(key) ? Strs.hash(key) : vm.rt.hash(key);
    int ix = lookup(vm, d, key, hash);
    if (ix < 0) {
      return 0;
    }
    long value = entryValue(d, ix);
    removeEntry(d, ix);
    return value;
  }

  /** Deletes entry ix (its index cell becomes a tombstone). */
  public static void removeEntry(long d, int ix) {
    long index = Mem.getLong(d + Layout.Dict.INDEX);
    long h = entryHash(d, ix);
    int mask = indexSize(index) - 1;
    long perturb = h;
    int i = (int) (h & mask);
    while (true) {
      long cell = index + Layout.Array.ITEMS + 4L * i;
      int v = Mem.getInt(cell);
      if (v == ix) {
        Mem.putInt(cell, DELETED);
        break;
      }
      if (v == EMPTY) {
        throw new IllegalStateException("dict index lost entry " + ix);
      }
      perturb >>>= 5;
      i = (int) ((i * 5L + perturb + 1) & mask);
    }
    long e = entries(d) + 8L * W * ix;
    Mem.putLong(e + 8L * Layout.Dict.ENTRY_KEY, 0);
    Mem.putLong(e + 8L * Layout.Dict.ENTRY_VALUE, 0);
    Mem.putLong(d + Layout.Dict.USED, fromInt(size(d) - 1));
    bumpVersion(d);
  }

  public static void clear(long d) {
    Mem.putLong(d + Layout.Dict.ENTRIES, 0);
    Mem.putLong(d + Layout.Dict.INDEX, 0);
    Mem.putLong(d + Layout.Dict.FILLED, fromInt(0));
    Mem.putLong(d + Layout.Dict.USED, fromInt(0));
    bumpVersion(d);
  }

  /** Copies every entry of src into dst (dst[k] = v in src's order). */
  public static void update(VM vm, long dst, long src) {
    // filled(src) is re-read: an __eq__ called by insert may shrink src.
    for (int i = 0; i < filled(src); i++) {
      long k = entryKey(src, i);
      if (k != 0) {
        insert(vm, dst, k, entryHash(src, i), entryValue(src, i));
      }
    }
  }

  /** A shallow copy with the given type. */
  public static long copy(VM vm, long src, long type) {
    long d = newDict(vm, type, 0);
    // src's keys are distinct, so they are appended without comparisons (and no guest code
    // runs while the new dict is held only here).
    int n = filled(src);
    for (int i = 0; i < n; i++) {
      long k = entryKey(src, i);
      if (k != 0) {
        appendEntry(vm, d, k, entryHash(src, i), entryValue(src, i));
      }
    }
    return d;
  }

  /**
   * Forgets deleted entries at the end of the entries array (after popitem), so that the next
   * insertion reuses their room and repeated popitem calls do not rescan them.
   */
  public static void trimFilled(long d) {
    int n = filled(d);
    while (n > 0 && entryKey(d, n - 1) == 0) {
      n--;
    }
    Mem.putLong(d + Layout.Dict.FILLED, fromInt(n));
  }

  /** The stored (truncated) hash of entry i, for re-inserting elsewhere without rehashing. */
  public static long storedHash(long d, int i) {
    return entryHash(d, i);
  }
}
