package org.stitchjit.platforms.exec;

/**
 * The code cache cannot take an allocation: its limit is reached, or what is free is too
 * fragmented. The JIT driver treats this as "stop compiling" and keeps interpreting.
 */
public final class CodeCacheFullException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long requested;

  CodeCacheFullException(String kind, long requested, long used, long limit) {
    super(
        "code cache full: cannot allocate "
            + requested
            + " bytes of "
            + kind
            + " ("
            + used
            + " of "
            + limit
            + " bytes in use)");
    this.requested = requested;
  }

  /** The size that did not fit, after rounding to the allocation unit. */
  public long requested() {
    return requested;
  }
}
