package org.stitchjit.runtime.vm;

/**
 * A guest exception travelling through Java code. The exception object itself lives in native
 * memory; while this Java exception is in flight the VM also keeps it in the thread state's
 * pending slot, so a collection cannot free it.
 */
public final class PyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The guest exception object (an instance of BaseException or a subclass). */
  public final long exc;

  public PyException(long exc) {
    super(null, null, false, false);
    this.exc = exc;
  }

  @Override
  public String getMessage() {
    return "guest exception at 0x" + Long.toHexString(exc);
  }
}
