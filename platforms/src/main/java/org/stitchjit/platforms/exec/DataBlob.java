package org.stitchjit.platforms.exec;

import java.util.Objects;
import org.stitchjit.platforms.Mem;

/**
 * Read+write, never executable space handed out by a {@link CodeCache}: the slots that the
 * "indirect" link mode jumps through, and other tables compiled code reads. It lies within rel32
 * reach of all code in the same cache.
 */
public final class DataBlob {
  private final CodeCache cache;
  private final long address;
  private final int size;
  private final long allocated;
  private boolean freed;

  DataBlob(CodeCache cache, long address, int size, long allocated) {
    this.cache = cache;
    this.address = address;
    this.size = size;
    this.allocated = allocated;
  }

  /** The first byte; 16-byte aligned. */
  public long address() {
    return address;
  }

  /** The bytes asked for. */
  public int size() {
    return size;
  }

  /** The bytes taken from the cache, alignment padding included. */
  public long allocatedBytes() {
    return allocated;
  }

  public CodeCache cache() {
    return cache;
  }

  /**
   * Stores a word. An aligned 8-byte store is atomic on x86-64, so code running concurrently
   * through a slot sees either the old target or the new one.
   */
  public void putLong(int offset, long value) {
    synchronized (cache) {
      check(offset, Long.BYTES);
      Mem.putLong(address + offset, value);
    }
  }

  public long getLong(int offset) {
    synchronized (cache) {
      check(offset, Long.BYTES);
      return Mem.getLong(address + offset);
    }
  }

  /** Returns the space to the cache. After the cache is closed this does nothing. */
  public void free() {
    cache.release(this);
  }

  public boolean isFreed() {
    synchronized (cache) {
      return freed;
    }
  }

  void markFreed() {
    freed = true;
  }

  private void check(int offset, int length) {
    cache.checkLive(this);
    Objects.checkFromIndexSize(offset, length, size);
  }

  @Override
  public String toString() {
    return "DataBlob[0x" + Long.toHexString(address) + ", " + size + " bytes"
        + (isFreed() ? ", freed" : "") + "]";
  }
}
