package org.stitchjit.platforms.exec;

/** An OS call on memory (mmap, mprotect, munmap) failed; carries the OS error number. */
public final class NativeMemoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int errno;

  public NativeMemoryException(String call, int errno, String description) {
    super(call + " failed: errno " + errno + " (" + description + ")");
    this.errno = errno;
  }

  /** The OS error number ({@code errno}) the call left. */
  public int errno() {
    return errno;
  }
}
