package org.stitchjit.api.layout;

/**
 * Every heap object starts with two words: its type (a pointer to a type object) and a meta
 * word. The meta word says how many tagged value slots follow the header and how many raw
 * bytes follow the slots; the collector scans exactly the slots, so an object's layout is
 * self-describing and the collector needs no per-type tables (generators, whose frames sit in
 * their raw bytes, are the one exception, flagged on their type).
 *
 * <pre>
 * word 0  type pointer
 * word 1  meta: bit 0 mark, bit 1 immortal, bit 2 large-object space, bit 3 allocated,
 *               bits 4..33 slot count, bits 34..63 raw byte count
 * word 2.. slots (tagged values), then raw bytes (8-byte aligned total size)
 * </pre>
 *
 * A free small-object cell has meta 0 and holds the free-list link in word 0.
 */
public final class Header {
  public static final long TYPE = 0;
  public static final long META = 8;
  public static final long SIZE = 16;

  public static final long MARK = 1L;
  public static final long IMMORTAL = 1L << 1;
  public static final long LARGE = 1L << 2;
  public static final long ALLOCATED = 1L << 3;
  public static final int SLOTS_SHIFT = 4;
  public static final long SLOTS_MASK = (1L << 30) - 1;
  public static final int RAW_SHIFT = 34;
  public static final long RAW_MASK = (1L << 30) - 1;

  /** Largest slot count or raw byte count one object can have. */
  public static final long MAX_FIELD = (1L << 30) - 1;

  private Header() {}

  public static long meta(long nslots, long rawBytes, long flags) {
    return (rawBytes << RAW_SHIFT) | (nslots << SLOTS_SHIFT) | flags | ALLOCATED;
  }

  public static int slots(long meta) {
    return (int) ((meta >>> SLOTS_SHIFT) & SLOTS_MASK);
  }

  public static int rawBytes(long meta) {
    return (int) ((meta >>> RAW_SHIFT) & RAW_MASK);
  }

  /** Byte offset of slot i. */
  public static long slot(int i) {
    return SIZE + 8L * i;
  }

  /** Total size of an object, rounded up to 8 bytes. */
  public static long objectSize(long nslots, long rawBytes) {
    return SIZE + 8 * nslots + ((rawBytes + 7) & ~7L);
  }

  /** Offset of the raw bytes of an object with this many slots. */
  public static long rawOffset(long nslots) {
    return SIZE + 8 * nslots;
  }
}
