package org.stitchjit.runtime.vm;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;

/** The str operations the core needs on native strings without going through Java strings. */
public final class Strs {
  private Strs() {}

  /**
   * The str's hash, computed once and cached in the object. CPython randomizes str hashes per
   * process, so no program can depend on their values; ours is FNV-1a over the code points,
   * kept to 61 bits so it is never -1 and always fits a small int.
   */
  public static long hash(long s) {
    long cached = Mem.getLong(s + Layout.Str.HASH);
    if (cached != 0) {
      return intValue(cached);
    }
    int n = VM.strLen(s);
    long h = 0xcbf29ce484222325L;
    long data = s + Layout.Str.DATA;
    if (VM.strWide(s)) {
      for (int i = 0; i < n; i++) {
        h = (h ^ Mem.getInt(data + 4L * i)) * 0x100000001b3L;
      }
    } else {
      for (int i = 0; i < n; i++) {
        h = (h ^ (Mem.getByte(data + i) & 0xFF)) * 0x100000001b3L;
      }
    }
    h ^= h >>> 29;
    h &= (1L << 61) - 1;
    Mem.putLong(s + Layout.Str.HASH, fromInt(h));
    return h;
  }

  public static boolean equal(long a, long b) {
    if (a == b) {
      return true;
    }
    int n = VM.strLen(a);
    if (n != VM.strLen(b)) {
      return false;
    }
    long ha = Mem.getLong(a + Layout.Str.HASH);
    long hb = Mem.getLong(b + Layout.Str.HASH);
    if (ha != 0 && hb != 0 && ha != hb) {
      return false;
    }
    boolean wa = VM.strWide(a);
    boolean wb = VM.strWide(b);
    long da = a + Layout.Str.DATA;
    long db = b + Layout.Str.DATA;
    if (!wa && !wb) {
      int i = 0;
      for (; i + 8 <= n; i += 8) {
        if (Mem.getLong(da + i) != Mem.getLong(db + i)) {
          return false;
        }
      }
      for (; i < n; i++) {
        if (Mem.getByte(da + i) != Mem.getByte(db + i)) {
          return false;
        }
      }
      return true;
    }
    for (int i = 0; i < n; i++) {
      if (VM.strCodePoint(a, i) != VM.strCodePoint(b, i)) {
        return false;
      }
    }
    return true;
  }

  /** Three-way comparison by code points, as Python orders str. */
  public static int compare(long a, long b) {
    int na = VM.strLen(a);
    int nb = VM.strLen(b);
    int n = Math.min(na, nb);
    for (int i = 0; i < n; i++) {
      int ca = VM.strCodePoint(a, i);
      int cb = VM.strCodePoint(b, i);
      if (ca != cb) {
        return ca < cb ? -1 : 1;
      }
    }
    return Integer.compare(na, nb);
  }

  /** a + b. */
  public static long concat(VM vm, long a, long b) {
    int na = VM.strLen(a);
    int nb = VM.strLen(b);
    if (na == 0) {
      return b;
    }
    if (nb == 0) {
      return a;
    }
    boolean wide = VM.strWide(a) || VM.strWide(b);
    long r = vm.alloc(vm.strType, Layout.Str.NSLOTS, wide ? 4L * (na + nb) : na + nb);
    Mem.putLong(r + Layout.Str.LENGTH, fromInt(na + nb));
    long dr = r + Layout.Str.DATA;
    if (!wide) {
      Mem.copy(a + Layout.Str.DATA, dr, na);
      Mem.copy(b + Layout.Str.DATA, dr + na, nb);
    } else {
      for (int i = 0; i < na; i++) {
        Mem.putInt(dr + 4L * i, VM.strCodePoint(a, i));
      }
      for (int i = 0; i < nb; i++) {
        Mem.putInt(dr + 4L * (na + i), VM.strCodePoint(b, i));
      }
    }
    return r;
  }

  /** The one-character str at index i (cached for Latin-1 characters). */
  public static long charAt(VM vm, long s, int i) {
    return vm.charStr(VM.strCodePoint(s, i));
  }

  /** s[start:stop] for 0 <= start <= stop <= len. */
  public static long substring(VM vm, long s, int start, int stop) {
    int n = stop - start;
    if (n == 1) {
      return charAt(vm, s, start);
    }
    if (n == VM.strLen(s)) {
      return s;
    }
    if (!VM.strWide(s)) {
      long r = vm.alloc(vm.strType, Layout.Str.NSLOTS, n);
      Mem.putLong(r + Layout.Str.LENGTH, fromInt(n));
      Mem.copy(s + Layout.Str.DATA + start, r + Layout.Str.DATA, n);
      return r;
    }
    int[] cps = new int[n];
    for (int i = 0; i < n; i++) {
      cps[i] = VM.strCodePoint(s, start + i);
    }
    return vm.newStr(cps, 0, n);
  }
}
