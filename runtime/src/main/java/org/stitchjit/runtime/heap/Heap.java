package org.stitchjit.runtime.heap;

import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout.HeapControl;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;
import org.stitchjit.platforms.exec.NativeMemoryException;
import org.stitchjit.platforms.exec.Protection;
import org.stitchjit.platforms.exec.VirtualMemory;

/**
 * The guest heap: non-moving, size-classed free lists in 256 KiB chunks for small objects and
 * one malloc'ed block per large object.
 *
 * <p>Chunks are aligned to their size, and a chunk's first word counts the objects the last
 * marking found live in it ({@link #CHUNK_HEADER}), so the collector knows which chunks are
 * wholly dead without visiting their cells. It does not sweep at all: each chunk is swept
 * when allocation needs cells of its size class ({@link #refill}), lazily, and a dead one is
 * simply threaded afresh (decision 11).
 *
 * <p>Allocation never collects. It counts the bytes handed out since the last collection and,
 * past a threshold, raises the thread state's GC-wanted flag; the interpreter collects at its
 * next safepoint ({@link Collector}). That is what lets Java code hold raw object addresses
 * in local variables between safepoints without handles. The free-list heads and the counters
 * allocation updates ({@link HeapControl}) live in native memory so that compiled code can
 * allocate inline and keep the same books.
 */
public final class Heap implements AutoCloseable {
  static final int CHUNK_BYTES = 256 * 1024;
  /**
   * Bytes at the start of each chunk before its first cell: the live-object count the marker
   * keeps, and the block to free() when the chunk came from malloc rather than mmap (0).
   */
  static final int CHUNK_HEADER = 16;
  /** Page services where the platform has them; elsewhere chunks are carved from malloc. */
  private static final VirtualMemory PAGES =
      Platform.current().isSupported() ? Platform.current().virtualMemory() : null;
  /** Objects up to this size come from size classes; larger ones are malloc'ed. */
  public static final int MAX_SMALL = HeapControl.SMALL_UP_TO;

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
  /** The {@link HeapControl} block, right after the heads (one allocation, freed with them). */
  private final long control;
  private final long gcWantedFlag;
  private final long limitBytes;

  // Chunks, by index: base address and size class.
  long[] chunkBase = new long[64];
  int[] chunkClass = new int[64];
  int chunkCount;
  /**
   * Per size class, the chunks the last collection left unswept (indices into chunkBase, the
   * next one to sweep last): {@link #refill} sweeps them one at a time before it maps a new one.
   */
  final int[][] unswept = new int[CLASS_SIZES.length][];
  final int[] unsweptCount = new int[CLASS_SIZES.length];

  // Large objects: addresses of live blocks and their sizes.
  long[] largeObjects = new long[64];
  long[] largeSizes = new long[64];
  int largeCount;

  long committedBytes;
  long largeBytes;
  private boolean closed;

  // Statistics (objects and bytes allocated are in the control block).
  long peakCommittedBytes;
  /** Set while {@link #allocatePastLimit} runs. */
  private boolean pastLimit;

  /**
   * @param gcWantedFlag address of the native word to set when a collection is wanted
   * @param limitBytes the heap limit: committed bytes never exceed it, except by the one chunk
   *     {@link #allocatePastLimit} may add
   */
  public Heap(long gcWantedFlag, long limitBytes) {
    this.gcWantedFlag = gcWantedFlag;
    this.limitBytes = limitBytes;
    long headBytes = 8L * CLASS_SIZES.length;
    this.freeHeads = Mem.allocate(headBytes + HeapControl.SIZE);
    Mem.zero(freeHeads, headBytes + HeapControl.SIZE);
    this.control = freeHeads + headBytes;
    for (int words = 2; words <= MAX_SMALL / 8; words++) {
      int sc = CLASS_FOR_WORDS[words];
      Mem.putLong(control + HeapControl.CELL_CLASSES + 8L * words,
          ((long) sc << 32) | CLASS_SIZES[sc]);
    }
    Mem.putLong(control + HeapControl.GC_THRESHOLD, initialThreshold(limitBytes));
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
    // Compiled code's inline allocation (backend-copypatch, stitch_stencil.h) and the
    // interpreter's FastLoop repeat these updates word for word; change all three together.
    long objects = control + HeapControl.OBJECTS_ALLOCATED;
    long bytes = control + HeapControl.BYTES_ALLOCATED;
    long sinceGc = control + HeapControl.ALLOCATED_SINCE_GC;
    Mem.putLong(objects, Mem.getLong(objects) + 1);
    Mem.putLong(bytes, Mem.getLong(bytes) + size);
    long since = Mem.getLong(sinceGc) + size;
    Mem.putLong(sinceGc, since);
    if (since > Mem.getLong(control + HeapControl.GC_THRESHOLD)) {
      Mem.putLong(gcWantedFlag, 1);
    }
    return obj;
  }

  /**
   * {@link #allocate} for leaving compiled code, which must box the raw doubles it held
   * (decision 7) to give the interpreter the exact state the unoptimized code would have: it
   * may take the heap past its limit by a chunk rather than fail. The collector's next
   * safepoint, which the GC-wanted flag asks for, brings the heap back, or the program's next
   * allocation raises MemoryError.
   */
  public long allocatePastLimit(long type, long nslots, long rawBytes, long flags) {
    pastLimit = true;
    try {
      return allocate(type, nslots, rawBytes, flags);
    } finally {
      pastLimit = false;
    }
  }

  /**
   * Gives the empty free list of class sc cells: from the chunks the last collection left
   * unswept, else from a new chunk.
   */
  private long refill(int sc) {
    while (unsweptCount[sc] > 0) {
      int c = unswept[sc][--unsweptCount[sc]];
      long head = Mem.getLong(chunkBase[c]) == 0 ? thread(chunkBase[c], sc) : sweep(c);
      if (head != 0) {
        return head;
      }
    }
    return thread(newChunk(sc), sc);
  }

  /** Threads every cell of a chunk that holds no live object, in address order. */
  private static long thread(long base, int sc) {
    int cell = CLASS_SIZES[sc];
    long head = 0;
    // In address order, so consecutive allocations are adjacent.
    for (long p = lastCell(base, cell); p >= base + CHUNK_HEADER; p -= cell) {
      Mem.putLong(p, head);
      Mem.putLong(p + Header.META, 0);
      head = p;
    }
    return head;
  }

  /**
   * Sweeps one chunk that holds live objects: frees the unmarked ones, clears the marks and
   * threads the free cells. Returns the list's head (0 when every cell is live).
   */
  private long sweep(int c) {
    long base = chunkBase[c];
    int cell = CLASS_SIZES[chunkClass[c]];
    long head = 0;
    for (long p = lastCell(base, cell); p >= base + CHUNK_HEADER; p -= cell) {
      long meta = Mem.getLong(p + Header.META);
      if ((meta & (Header.MARK | Header.IMMORTAL)) != 0) {
        Mem.putLong(p + Header.META, meta & ~Header.MARK);
        continue;
      }
      Mem.putLong(p + Header.META, 0);
      Mem.putLong(p, head);
      head = p;
    }
    return head;
  }

  /** Clears the marks in the chunks left unswept, before the collector marks again. */
  void clearUnsweptMarks() {
    for (int sc = 0; sc < unswept.length; sc++) {
      for (int i = 0; i < unsweptCount[sc]; i++) {
        long base = chunkBase[unswept[sc][i]];
        if (Mem.getLong(base) == 0) {
          continue; // nothing was marked in it
        }
        int cell = CLASS_SIZES[sc];
        for (long p = lastCell(base, cell); p >= base + CHUNK_HEADER; p -= cell) {
          long meta = Mem.getLong(p + Header.META);
          Mem.putLong(p + Header.META, meta & ~Header.MARK);
        }
      }
      unsweptCount[sc] = 0;
    }
  }

  private static long lastCell(long base, int cell) {
    return base + CHUNK_HEADER + ((CHUNK_BYTES - CHUNK_HEADER) / cell - 1) * (long) cell;
  }

  /** The chunk a small object lives in; its first word is the marker's live count. */
  static long chunkOf(long obj) {
    return obj & -CHUNK_BYTES;
  }

  /** Maps a chunk aligned to its size: the marker finds an object's chunk by masking. */
  private static long mapAligned() {
    if (PAGES == null) {
      return carveAligned();
    }
    long raw = PAGES.reserve(2L * CHUNK_BYTES);
    long base = (raw + CHUNK_BYTES - 1) & -CHUNK_BYTES;
    if (base > raw) {
      PAGES.release(raw, base - raw);
    }
    long end = raw + 2L * CHUNK_BYTES;
    if (end > base + CHUNK_BYTES) {
      PAGES.release(base + CHUNK_BYTES, end - base - CHUNK_BYTES);
    }
    try {
      PAGES.protect(base, CHUNK_BYTES, Protection.READ_WRITE);
    } catch (NativeMemoryException e) {
      PAGES.release(base, CHUNK_BYTES);
      throw e;
    }
    return base;
  }

  /** An aligned chunk inside a malloc'ed block twice its size (no page services here). */
  static long carveAligned() {
    long block = Mem.allocate(2L * CHUNK_BYTES);
    long base = (block + CHUNK_BYTES - 1) & -CHUNK_BYTES;
    Mem.zero(base, CHUNK_HEADER);
    Mem.putLong(base + 8, block);
    return base;
  }

  static void unmap(long chunk) {
    long block = Mem.getLong(chunk + 8);
    if (block != 0) {
      Mem.free(block);
    } else {
      PAGES.release(chunk, CHUNK_BYTES);
    }
  }

  private long newChunk(int sc) {
    reserve(CHUNK_BYTES);
    long base;
    try {
      base = mapAligned();
    } catch (NativeMemoryException | OutOfMemoryError e) {
      // The OS has no memory to give: the program sees MemoryError, as at the heap limit.
      throw new HeapExhausted(CHUNK_BYTES);
    }
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
      if (!pastLimit || committedBytes + bytes > limitBytes + CHUNK_BYTES) {
        throw new HeapExhausted(bytes);
      }
    }
  }

  /** Called by the collector after a sweep, with the bytes that survived. */
  void resetAfterCollection(long liveBytes) {
    Mem.putLong(control + HeapControl.ALLOCATED_SINCE_GC, 0);
    Mem.putLong(gcWantedFlag, 0);
    long headroom = Math.max(0, limitBytes - liveBytes);
    Mem.putLong(control + HeapControl.GC_THRESHOLD,
        Math.max(initialThreshold(limitBytes), Math.min(liveBytes, headroom / 2)));
  }

  public long committedBytes() {
    return committedBytes;
  }

  public long peakCommittedBytes() {
    return peakCommittedBytes;
  }

  /** Counts a float allocated (VM.newFloat; FastLoop and compiled code count their own). */
  public void countFloat() {
    long floats = control + HeapControl.FLOATS_ALLOCATED;
    Mem.putLong(floats, Mem.getLong(floats) + 1);
  }

  public long floatsAllocated() {
    return Mem.getLong(control + HeapControl.FLOATS_ALLOCATED);
  }

  public long objectsAllocated() {
    return Mem.getLong(control + HeapControl.OBJECTS_ALLOCATED);
  }

  public long bytesAllocated() {
    return Mem.getLong(control + HeapControl.BYTES_ALLOCATED);
  }

  /** Bytes allocated since the last collection; past {@link #gcThreshold()} a GC is wanted. */
  public long allocatedSinceGc() {
    return Mem.getLong(control + HeapControl.ALLOCATED_SINCE_GC);
  }

  public long gcThreshold() {
    return Mem.getLong(control + HeapControl.GC_THRESHOLD);
  }

  public long limitBytes() {
    return limitBytes;
  }

  /** Address of the native free-list head array (one word per size class). */
  public long freeListHeads() {
    return freeHeads;
  }

  /**
   * Address of the free-list head word of the size class that objects of this size come from;
   * the list is threaded through the cells' first words, 0 at its end.
   *
   * @throws IllegalArgumentException for a size the large-object space serves
   */
  public long freeListHead(long objectSize) {
    return freeHeads + 8L * sizeClass(objectSize);
  }

  /** The cell size objects of this size occupy, which is what allocating one counts. */
  public static int cellBytes(long objectSize) {
    return CLASS_SIZES[sizeClass(objectSize)];
  }

  private static int sizeClass(long objectSize) {
    if (objectSize <= 0 || objectSize > MAX_SMALL) {
      throw new IllegalArgumentException("no size class for " + objectSize + " bytes");
    }
    return CLASS_FOR_WORDS[(int) ((objectSize + 7) >>> 3)];
  }

  /** Address of the native {@link HeapControl} block. */
  public long control() {
    return control;
  }

  /** Releases every chunk and large object. Addresses handed out become invalid. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (int i = 0; i < chunkCount; i++) {
      unmap(chunkBase[i]);
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
