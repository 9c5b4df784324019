package org.stitchjit.api.jit;

/** A region a backend cannot compile; {@link #reason()} is a short stable key for statistics. */
public final class CompileException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String reason;

  public CompileException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
