package org.stitchjit.api.layout;

/**
 * Guest values are tagged 64-bit words. A word with its low bit set is a small int whose
 * 63-bit payload is the word shifted right by one; any other non-zero word is the 8-byte
 * aligned address of a heap object; zero is NULL, which is never a guest value (it marks an
 * unbound local, an empty cell, an absent optional field).
 *
 * <p>Native words that are not guest values but must live in a slot the collector scans (a
 * frame's link to its caller, for instance) are stored with the low bit set, so the collector
 * reads them as small ints and leaves them alone ({@link #rawToWord}).
 */
public final class Tag {
  public static final long NULL = 0;
  public static final long SMALL_MAX = Long.MAX_VALUE >> 1;
  public static final long SMALL_MIN = Long.MIN_VALUE >> 1;

  private Tag() {}

  public static boolean isInt(long v) {
    return (v & 1) != 0;
  }

  public static boolean isPtr(long v) {
    return (v & 1) == 0 && v != 0;
  }

  public static boolean bothInts(long a, long b) {
    return (a & b & 1) != 0;
  }

  /** The payload of a small int. */
  public static long intValue(long v) {
    return v >> 1;
  }

  /** Tags a long known to fit in 63 bits. */
  public static long fromInt(long n) {
    return (n << 1) | 1;
  }

  public static boolean fitsSmall(long n) {
    return n >= SMALL_MIN && n <= SMALL_MAX;
  }

  /** Stores an aligned native address in a scanned slot without the collector following it. */
  public static long rawToWord(long address) {
    return address | 1;
  }

  public static long wordToRaw(long word) {
    return word & ~1L;
  }
}
