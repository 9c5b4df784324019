package org.stitchjit.runtime.heap;

import org.stitchjit.api.layout.Header;
import org.stitchjit.platforms.Mem;

/**
 * The guest heap: non-moving, size-classed free lists in 256 KiB chunks for small objects and
 * one malloc'ed block per large object.
 *
 * <p>Allocation never collects. It counts the bytes handed out since the last collection and,
 * past a threshold, raises the thread state's GC-wanted flag; the interpreter collects at its
 * next safepoint ({@link Collector}). That is what lets Java code hold raw object addresses
 * in local variables between safepoints without handles. The free-list heads live in native
 * memory so that compiled code can pop a cell inline.
 */
public final class Heap implements AutoCloseable {
  static final int CHUNK_BYTES = 256 * 1024;
  /** Objects up to this size come from size classes; larger ones are malloc'ed. */
  public static final int MAX_SMALL = 1024;

  /** Cell sizes: 8-byte steps while objects are tiny (floats, ints, cells), coarser later. */
  static final int[] CLASS_SIZES = {
    16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512, 640,
    768, 896, 1024
  };
  private static final byte[] CLASS_FOR_WORDS = new byte[MAX_SMALL / 8 + 1];

  static {
    int sc = 0;
    for (int words = 0; words <= MAX_SMALL / 8; words++) {
      while (CLASS_SIZES[sc] < words * 8) {
        sc++;
      }
      CLASS_FOR_WORDS[words] = (byte) sc;
    }
  }

  /** Native array of free-list heads, one per size class. */
  final long freeHeads;
  private final long gcWantedFlag;
  private final long limitBytes;

  // Chunks, by index: base address and size class.
  long[] chunkBase = new long[64];
  int[] chunkClass = new int[64];
  int chunkCount;

  // Large objects: addresses of live blocks and their sizes.
  long[] largeObjects = new long[64];
  long[] largeSizes = new long[64];
  int largeCount;

  long committedBytes;
  long largeBytes;
  private long allocatedSinceGc;
  long gcThreshold;
  private boolean closed;

  // Statistics.
  long objectsAllocated;
  long bytesAllocated;
  long peakCommittedBytes;

  /**
   * @param gcWantedFlag address of the native word to set when a collection is wanted
   * @param limitBytes the heap limit: committed bytes never exceed it
   */
  public Heap(long gcWantedFlag, long limitBytes) {
    this.gcWantedFlag = gcWantedFlag;
    this.limitBytes = limitBytes;
    this.freeHeads = Mem.allocate(8L * CLASS_SIZES.length);
    Mem.zero(freeHeads, 8L * CLASS_SIZES.length);
    this.gcThreshold = initialThreshold(limitBytes);
  }

  private static long initialThreshold(long limit) {
    return Math.max(1L << 20, Math.min(32L << 20, limit / 4));
  }

  /**
   * Allocates an object with the given type, slot count and raw byte count. Slots are zeroed
   * (NULL); raw bytes are not: the caller fills them before the next safepoint.
   *
   * @throws HeapExhausted when the heap limit would be exceeded
   */
  public long allocate(long type, long nslots, long rawBytes, long flags) {
    long size = Header.objectSize(nslots, rawBytes);
    long obj;
    if (size <= MAX_SMALL) {
      int sc = CLASS_FOR_WORDS[(int) (size >>> 3)];
      long headAddr = freeHeads + 8L * sc;
      obj = Mem.getLong(headAddr);
      if (obj == 0) {
        obj = refill(sc);
      }
      Mem.putLong(headAddr, Mem.getLong(obj));
      size = CLASS_SIZES[sc];
    } else {
      obj = allocateLarge(size, nslots, rawBytes);
      flags |= Header.LARGE;
    }
    Mem.putLong(obj, type);
    Mem.putLong(obj + Header.META, Header.meta(nslots, rawBytes, flags));
    for (long p = obj + Header.SIZE, end = p + 8 * nslots; p < end; p += 8) {
      Mem.putLong(p, 0);
    }
    objectsAllocated++;
    bytesAllocated += size;
    allocatedSinceGc += size;
    if (allocatedSinceGc > gcThreshold) {
      Mem.putLong(gcWantedFlag, 1);
    }
    return obj;
  }

  private long refill(int sc) {
    int cell = CLASS_SIZES[sc];
    long base = newChunk(sc);
    long head = 0;
    // Thread the free list in address order, so consecutive allocations are adjacent.
    for (long p = base + ((CHUNK_BYTES / cell) - 1) * (long) cell; p >= base; p -= cell) {
      Mem.putLong(p, head);
      Mem.putLong(p + Header.META, 0);
      head = p;
    }
    return head;
  }

  private long newChunk(int sc) {
    reserve(CHUNK_BYTES);
    long base = Mem.allocate(CHUNK_BYTES);
    if (chunkCount == chunkBase.length) {
      chunkBase = java.util.Arrays.copyOf(chunkBase, chunkCount * 2);
      chunkClass = java.util.Arrays.copyOf(chunkClass, chunkCount * 2);
    }
    chunkBase[chunkCount] = base;
    chunkClass[chunkCount] = sc;
    chunkCount++;
    committedBytes += CHUNK_BYTES;
    peakCommittedBytes = Math.max(peakCommittedBytes, committedBytes);
    return base;
  }

  private long allocateLarge(long size, long nslots, long rawBytes) {
    if (nslots > Header.MAX_FIELD || rawBytes > Header.MAX_FIELD) {
      throw new HeapExhausted(size);
    }
    reserve(size);
    long obj;
    try {
      obj = Mem.allocate(size);
    } catch (OutOfMemoryError e) {
      throw new HeapExhausted(size);
    }
    if (largeCount == largeObjects.length) {
      largeObjects = java.util.Arrays.copyOf(largeObjects, largeCount * 2);
      largeSizes = java.util.Arrays.copyOf(largeSizes, largeCount * 2);
    }
    largeObjects[largeCount] = obj;
    largeSizes[largeCount] = size;
    largeCount++;
    committedBytes += size;
    largeBytes += size;
    peakCommittedBytes = Math.max(peakCommittedBytes, committedBytes);
    return obj;
  }

  private void reserve(long bytes) {
    if (closed) {
      throw new IllegalStateException("heap is closed");
    }
    if (committedBytes + bytes > limitBytes) {
      // Ask for a collection anyway: the program may catch the MemoryError and go on.
      Mem.putLong(gcWantedFlag, 1);
      throw new HeapExhausted(bytes);
    }
  }

  /** Called by the collector after a sweep, with the bytes that survived. */
  void resetAfterCollection(long liveBytes) {
    allocatedSinceGc = 0;
    Mem.putLong(gcWantedFlag, 0);
    long headroom = Math.max(0, limitBytes - liveBytes);
    gcThreshold = Math.max(initialThreshold(limitBytes), Math.min(liveBytes, headroom / 2));
  }

  public long committedBytes() {
    return committedBytes;
  }

  public long peakCommittedBytes() {
    return peakCommittedBytes;
  }

  public long objectsAllocated() {
    return objectsAllocated;
  }

  public long bytesAllocated() {
    return bytesAllocated;
  }

  public long limitBytes() {
    return limitBytes;
  }

  /** Address of the native free-list head array (one word per size class). */
  public long freeListHeads() {
    return freeHeads;
  }

  /** Releases every chunk and large object. Addresses handed out become invalid. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = 0; i < chunkCount; i++) {
      Mem.free(chunkBase[i]);
    }
    for (int i = 0; i < largeCount; i++) {
      Mem.free(largeObjects[i]);
    }
    chunkCount = 0;
    largeCount = 0;
    committedBytes = 0;
    Mem.free(freeHeads);
  }

  /** Raised when an allocation would take the heap past its limit. */
  public static final class HeapExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeapExhausted(long bytes) {
      super("heap limit reached allocating " + bytes + " bytes", null, false, false);
    }
  }
}
