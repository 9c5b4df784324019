package org.stitchjit.platforms.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;

/**
 * Executable memory for compiled code, plus a data area for what code reads and writes at run
 * time (jump slots for the "indirect" link mode), under W^X: no page of it is ever writable and
 * executable at once (architecture decision 7).
 *
 * <p><b>Layout.</b> One contiguous range of {@link #limitBytes()} bytes is reserved on the first
 * allocation, inaccessible and costing no memory. Code pages are committed from its start
 * upward, data pages from its end downward, in chunks of up to {@value #COMMIT_CHUNK_BYTES}
 * bytes (at most half of what is left, so small caches keep room for both kinds); the cache is
 * full when the two meet. A page therefore holds only code (read+execute)
 * or only data (read+write), never both. Keeping everything in one range of at most {@link
 * #MAX_LIMIT} bytes puts every code address within rel32 reach of every other code and data
 * address, so an emitter may use {@code jmp rel32} between regions and {@code jmp [rip+disp32]}
 * through a slot without trampolines.
 *
 * <p><b>Writing code.</b> {@link CodeBlob#write} and {@link CodeBlob#patch} flip the pages they
 * touch to read+write, copy, and flip them back to read+execute: two {@code mprotect} calls per
 * write, counted in {@link #protectionChanges()}. Allocating and freeing make none (except when
 * the cache commits more pages), so compiling and freeing a region costs two. No
 * instruction-cache flush follows because x86-64 keeps instruction fetch coherent with stores,
 * and the {@code mprotect} that makes the page executable again is a serializing system call.
 *
 * <p><b>Page sharing (the trade-off).</b> With {@link Granularity#PACKED}, the default, code
 * allocations are 16-byte aligned and share pages, so a write or patch makes neighbouring code
 * non-executable for its duration. That is safe as long as no other thread executes code in this
 * cache while a write is in progress, which holds for Stitch's single-threaded guest: the JIT
 * compiles and links on the guest thread, between runs of compiled code or from an upcall, and
 * code on a flipped page cannot resume before the flip back. Packing matters because lazily
 * versioned basic blocks are often a few dozen bytes: a page each would waste most of the cache
 * and spread hot code over many more iTLB entries. {@link Granularity#PAGE} gives each
 * allocation whole pages of its own (what CPython's JIT does per executor): writes never touch
 * other code, at the price of rounding every allocation up to the page size.
 *
 * <p><b>int3 fill.</b> Fresh code space is filled with {@code int3}, and so is freed code space,
 * so that a stale jump into it traps instead of running whatever is placed there next. Freeing
 * defers the fill: flipping the pages of a freed blob just to fill them cost two {@code
 * mprotect} calls per free, as much as writing the code in the first place. Freed space instead
 * keeps its old code, tracked as stale, until a write next makes its pages read+write anyway:
 * every write fills the stale space on the pages it flips, and the first write of a blob
 * allocated over stale space fills whatever of the blob it does not cover. First fit hands
 * freed space out again soon, so stale bytes rarely outlive the next compile; until they are
 * filled, a stale jump into them runs the freed code (which its owner no longer jumps to)
 * instead of trapping. {@link #fillFreedCode()} fills everything stale at once. W^X is not
 * affected: stale code is on read+execute pages like any other code. Freed space goes back to a
 * first-fit free list, coalesced; committed pages are kept for reuse rather than returned to
 * the OS.
 *
 * <p>All methods are thread-safe (one lock per cache). {@link #close()} unmaps everything; blobs
 * of a closed cache must not be executed, and using them throws.
 */
public final class CodeCache implements AutoCloseable {

  /** The default limit on code plus data: 64 MiB. */
  public static final long DEFAULT_LIMIT = 64L << 20;

  /** The largest limit: keeps every pair of addresses in the cache within rel32 reach. */
  public static final long MAX_LIMIT = 1L << 31;

  /** Alignment of code allocations; 16 bytes is what compilers align function entries to. */
  public static final int CODE_ALIGNMENT = 16;

  /** Alignment of data allocations: enough for any scalar, and for 16-byte SSE operands. */
  public static final int DATA_ALIGNMENT = 16;

  /** Pages are committed in chunks of up to this many bytes, to save mprotect calls. */
  public static final int COMMIT_CHUNK_BYTES = 64 << 10;

  private static final byte INT3 = (byte) 0xCC;

  /** Whether code allocations share pages; see the class comment for the trade-off. */
  public enum Granularity {
    /** 16-byte aligned allocations that share pages. */
    PACKED,
    /** Every allocation occupies whole pages of its own. */
    PAGE
  }

  private final VirtualMemory memory;
  private final long pageSize;
  private final long limit;
  private final Granularity granularity;
  private final long codeUnit;
  private final FreeList codeFree = new FreeList();
  private final FreeList dataFree = new FreeList();
  /** Freed code space not yet filled with int3: always within {@link #codeFree}. */
  private final FreeList staleCode = new FreeList();
  private final FreeList.RangeSink fillInt3 =
      (offset, size) -> Mem.fill(this.base + offset, size, INT3);

  private long base;
  /** Committed code pages are the offsets {@code [0, codeEnd)}. */
  private long codeEnd;
  /** Committed data pages are the offsets {@code [dataStart, limit)}. */
  private long dataStart;

  private long codeUsed;
  private long dataUsed;
  private long codeAllocations;
  private long dataAllocations;
  private long protectionChanges;
  private boolean closed;

  /** A packed cache of {@link #DEFAULT_LIMIT} bytes on the current platform. */
  public static CodeCache create() {
    return create(DEFAULT_LIMIT, Granularity.PACKED);
  }

  /** A packed cache of the given limit on the current platform. */
  public static CodeCache create(long limitBytes) {
    return create(limitBytes, Granularity.PACKED);
  }

  /**
   * A cache on the current platform.
   *
   * @throws UnsupportedOperationException when the platform has no executable memory support
   */
  public static CodeCache create(long limitBytes, Granularity granularity) {
    return new CodeCache(Platform.current().virtualMemory(), limitBytes, granularity);
  }

  /**
   * A cache over the given page services. Nothing is reserved until the first allocation.
   *
   * @param limitBytes code plus data, at most {@link #MAX_LIMIT}; rounded up to whole pages
   */
  public CodeCache(VirtualMemory memory, long limitBytes, Granularity granularity) {
    this.memory = Objects.requireNonNull(memory, "memory");
    this.granularity = Objects.requireNonNull(granularity, "granularity");
    if (limitBytes <= 0 || limitBytes > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "code cache limit must be in 1.." + MAX_LIMIT + " bytes: " + limitBytes);
    }
    this.pageSize = memory.pageSize();
    if (pageSize <= 0 || (pageSize & (pageSize - 1)) != 0 || pageSize % CODE_ALIGNMENT != 0) {
      throw new IllegalStateException("unusable page size " + pageSize);
    }
    this.limit = roundUp(limitBytes, pageSize);
    this.codeUnit = granularity == Granularity.PAGE ? pageSize : CODE_ALIGNMENT;
    this.dataStart = limit;
  }

  /**
   * Space for {@code bytes} of code. Until its first write it may still hold code freed earlier
   * (see the class comment); that write fills what it does not cover with {@code int3}.
   *
   * @throws CodeCacheFullException when the cache cannot take it
   */
  public synchronized CodeBlob allocate(int bytes) {
    checkOpen();
    if (bytes <= 0) {
      throw new IllegalArgumentException("code size must be positive: " + bytes);
    }
    long size = roundUp(bytes, codeUnit);
    long offset = codeFree.take(size);
    if (offset < 0) {
      growCode(size);
      offset = codeFree.take(size);
    }
    boolean stale = staleCode.removeWithin(offset, offset + size, null) > 0;
    codeUsed += size;
    codeAllocations++;
    return new CodeBlob(this, base + offset, bytes, size, stale);
  }

  /**
   * Zeroed read+write space for {@code bytes} of data that code reads at run time (jump slots);
   * it is never executable.
   *
   * @throws CodeCacheFullException when the cache cannot take it
   */
  public synchronized DataBlob allocateData(int bytes) {
    checkOpen();
    if (bytes <= 0) {
      throw new IllegalArgumentException("data size must be positive: " + bytes);
    }
    long size = roundUp(bytes, DATA_ALIGNMENT);
    long offset = dataFree.take(size);
    if (offset < 0) {
      growData(size);
      offset = dataFree.take(size);
    }
    Mem.zero(base + offset, size);
    dataUsed += size;
    dataAllocations++;
    return new DataBlob(this, base + offset, bytes, size);
  }

  /** Frees code space of this cache; the same as {@link CodeBlob#free()}. */
  public void free(CodeBlob blob) {
    release(blob);
  }

  /** Frees data space of this cache; the same as {@link DataBlob#free()}. */
  public void free(DataBlob blob) {
    release(blob);
  }

  private void growCode(long size) {
    reserveIfNeeded();
    long needed = roundUp(size - codeFree.sizeEndingAt(codeEnd), pageSize);
    long room = dataStart - codeEnd;
    if (needed > room) {
      throw new CodeCacheFullException("code", size, codeUsed + dataUsed, limit);
    }
    long grow = commitSize(needed, room);
    long address = base + codeEnd;
    protect(address, grow, Protection.READ_WRITE);
    Mem.fill(address, grow, INT3);
    protect(address, grow, Protection.READ_EXECUTE);
    codeFree.give(codeEnd, grow);
    codeEnd += grow;
  }

  private void growData(long size) {
    reserveIfNeeded();
    long needed = roundUp(size - dataFree.sizeStartingAt(dataStart), pageSize);
    long room = dataStart - codeEnd;
    if (needed > room) {
      throw new CodeCacheFullException("data", size, codeUsed + dataUsed, limit);
    }
    long grow = commitSize(needed, room);
    long start = dataStart - grow;
    protect(base + start, grow, Protection.READ_WRITE);
    dataFree.give(start, grow);
    dataStart = start;
  }

  /**
   * How much to commit when {@code needed} bytes are missing: a chunk, but never more than half
   * the uncommitted room, so that in a small cache one kind does not commit the space the other
   * kind will need.
   */
  private long commitSize(long needed, long room) {
    long chunk = Math.min(COMMIT_CHUNK_BYTES, roundDown(room / 2, pageSize));
    return Math.max(needed, chunk);
  }

  private void reserveIfNeeded() {
    if (base == 0) {
      base = memory.reserve(limit);
    }
  }

  synchronized void write(CodeBlob blob, int offset, byte[] src, int from, int length) {
    checkLive(blob);
    Objects.checkFromIndexSize(from, length, src.length);
    if (offset < 0 || length < 0 || offset > blob.size() - length) {
      throw new IndexOutOfBoundsException(
          "writing " + length + " bytes at " + offset + " into a " + blob.size() + "-byte blob");
    }
    if (length == 0) {
      return;
    }
    long address = blob.address() + offset;
    long end = address + length;
    boolean stale = blob.isStale();
    long blobEnd = blob.address() + blob.allocatedBytes();
    long first = roundDown(stale ? blob.address() : address, pageSize);
    long span = roundUp(stale ? blobEnd : end, pageSize) - first;
    protect(first, span, Protection.READ_WRITE);
    try {
      if (stale) {
        Mem.fill(blob.address(), address - blob.address(), INT3);
        Mem.fill(end, blobEnd - end, INT3);
        blob.markFilled();
      }
      // The pages are writable now anyway: fill the freed code on them for free.
      staleCode.removeWithin(first - base, first + span - base, fillInt3);
      Mem.copyFromArray(src, from, address, length);
    } finally {
      protect(first, span, Protection.READ_EXECUTE);
    }
  }

  /**
   * Fills all freed code space that still holds its old code with {@code int3} now, instead of
   * when a write next touches its pages: two protection changes per stale range.
   */
  public synchronized void fillFreedCode() {
    checkOpen();
    List<long[]> pieces = new ArrayList<>();
    staleCode.removeWithin(0, codeEnd, (offset, size) -> pieces.add(new long[] {offset, size}));
    for (long[] piece : pieces) {
      long address = base + piece[0];
      long first = roundDown(address, pageSize);
      long span = roundUp(address + piece[1], pageSize) - first;
      protect(first, span, Protection.READ_WRITE);
      try {
        Mem.fill(address, piece[1], INT3);
      } finally {
        protect(first, span, Protection.READ_EXECUTE);
      }
    }
  }

  /** Bytes of freed code space not yet filled with {@code int3}. */
  public synchronized long staleCodeBytes() {
    return staleCode.bytes();
  }

  synchronized byte[] read(CodeBlob blob) {
    checkLive(blob);
    byte[] out = new byte[blob.size()];
    Mem.copyToArray(blob.address(), out, 0, out.length);
    return out;
  }

  synchronized void release(CodeBlob blob) {
    if (closed && blob.cache() == this) {
      // Everything is unmapped already; freeing at shutdown in any order is harmless.
      return;
    }
    checkLive(blob);
    long offset = blob.address() - base;
    long span = blob.allocatedBytes();
    blob.markFreed();
    codeFree.give(offset, span);
    // No flip to fill it now: the next write over its pages does (see the class comment).
    staleCode.give(offset, span);
    codeUsed -= span;
    codeAllocations--;
  }

  synchronized void release(DataBlob blob) {
    if (closed && blob.cache() == this) {
      return;
    }
    checkLive(blob);
    blob.markFreed();
    dataFree.give(blob.address() - base, blob.allocatedBytes());
    dataUsed -= blob.allocatedBytes();
    dataAllocations--;
  }

  synchronized void checkLive(CodeBlob blob) {
    checkOpen();
    if (blob.cache() != this) {
      throw new IllegalArgumentException("code blob belongs to another code cache");
    }
    if (blob.isFreed()) {
      throw new IllegalStateException(
          "code blob at 0x" + Long.toHexString(blob.address()) + " was freed");
    }
  }

  synchronized void checkLive(DataBlob blob) {
    checkOpen();
    if (blob.cache() != this) {
      throw new IllegalArgumentException("data blob belongs to another code cache");
    }
    if (blob.isFreed()) {
      throw new IllegalStateException(
          "data blob at 0x" + Long.toHexString(blob.address()) + " was freed");
    }
  }

  private void protect(long address, long bytes, Protection protection) {
    memory.protect(address, bytes, protection);
    protectionChanges++;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("code cache is closed");
    }
  }

  /** The limit on code plus data, in bytes (a whole number of pages). */
  public long limitBytes() {
    return limit;
  }

  public Granularity granularity() {
    return granularity;
  }

  public int pageSize() {
    return (int) pageSize;
  }

  /** Bytes allocated to code and data, counting alignment padding. */
  public synchronized long usedBytes() {
    return codeUsed + dataUsed;
  }

  public synchronized long codeBytesUsed() {
    return codeUsed;
  }

  public synchronized long dataBytesUsed() {
    return dataUsed;
  }

  /**
   * Bytes not allocated. An allocation of this size can still fail when the free space is
   * fragmented or committed to the other kind (code or data).
   */
  public synchronized long freeBytes() {
    return limit - codeUsed - dataUsed;
  }

  /** Bytes of pages made accessible so far (code and data). */
  public synchronized long committedBytes() {
    return codeEnd + (limit - dataStart);
  }

  /** Live code allocations. */
  public synchronized long codeAllocations() {
    return codeAllocations;
  }

  /** Live data allocations. */
  public synchronized long dataAllocations() {
    return dataAllocations;
  }

  /** Calls that changed page protection so far: the cost W^X adds to writing and patching. */
  public synchronized long protectionChanges() {
    return protectionChanges;
  }

  /** The start of the reserved range, or 0 before the first allocation. */
  public synchronized long baseAddress() {
    return base;
  }

  /** Whether {@code address} lies in this cache's reserved range. */
  public synchronized boolean contains(long address) {
    return base != 0 && address - base >= 0 && address - base < limit;
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Unmaps all code and data; every blob becomes unusable. Closing twice does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    codeFree.clear();
    dataFree.clear();
    staleCode.clear();
    codeUsed = 0;
    dataUsed = 0;
    codeAllocations = 0;
    dataAllocations = 0;
    if (base != 0) {
      memory.release(base, limit);
    }
  }

  @Override
  public synchronized String toString() {
    return "CodeCache[" + granularity + ", code " + codeUsed + " + data " + dataUsed + " of "
        + limit + " bytes" + (closed ? ", closed" : "") + "]";
  }

  private static long roundUp(long value, long unit) {
    return (value + unit - 1) & -unit;
  }

  private static long roundDown(long value, long unit) {
    return value & -unit;
  }
}
