package org.stitchjit.platforms.exec;

/**
 * Code space handed out by a {@link CodeCache}: read+execute except while {@link #write} or
 * {@link #patch} runs. Its address stays fixed until {@link #free()}.
 */
public final class CodeBlob {
  private final CodeCache cache;
  private final long address;
  private final int size;
  private final long allocated;
  private boolean freed;
  /** Holds code freed earlier until the first write fills it (guarded by the cache's lock). */
  private boolean stale;

  CodeBlob(CodeCache cache, long address, int size, long allocated, boolean stale) {
    this.cache = cache;
    this.address = address;
    this.size = size;
    this.allocated = allocated;
    this.stale = stale;
  }

  /** The first byte; 16-byte aligned (page aligned in a {@code PAGE} cache). */
  public long address() {
    return address;
  }

  /** The bytes asked for, all of which may be written. */
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

  /** Writes machine code at the start of the blob (pages flip RW, copy, flip back RX). */
  public void write(byte[] code) {
    cache.write(this, 0, code, 0, code.length);
  }

  /**
   * Writes the first {@code length} bytes of {@code code} at the start of the blob, so that a
   * caller can emit into a reused buffer larger than the code.
   */
  public void write(byte[] code, int length) {
    cache.write(this, 0, code, 0, length);
  }

  /**
   * Rewrites {@code bytes} at {@code offset}: the "patch" link mode's flip to read+write, copy,
   * flip back to read+execute. Callers keep instructions they rewrite from being executed
   * half-written: that holds trivially here, because the page is not executable meanwhile.
   */
  public void patch(int offset, byte[] bytes) {
    cache.write(this, offset, bytes, 0, bytes.length);
  }

  /** A copy of the blob's bytes, for dumps and disassembly. */
  public byte[] read() {
    return cache.read(this);
  }

  /**
   * Returns the space to the cache, which fills it with {@code int3} when a write next makes its
   * pages writable (or at {@link CodeCache#fillFreedCode()}). No code may still jump here.
   * After the cache is closed this does nothing.
   *
   * @throws IllegalStateException when freed twice
   */
  public void free() {
    cache.release(this);
  }

  /** Whether {@link #free()} has run. */
  public boolean isFreed() {
    synchronized (cache) {
      return freed;
    }
  }

  void markFreed() {
    freed = true;
  }

  boolean isStale() {
    return stale;
  }

  void markFilled() {
    stale = false;
  }

  @Override
  public String toString() {
    return "CodeBlob[0x" + Long.toHexString(address) + ", " + size + " bytes"
        + (isFreed() ? ", freed" : "") + "]";
  }
}
