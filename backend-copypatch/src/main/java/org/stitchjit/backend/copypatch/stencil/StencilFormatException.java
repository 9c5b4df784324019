package org.stitchjit.backend.copypatch.stencil;

/** A stencil library file that does not follow the format {@link StencilLibrary} documents. */
public final class StencilFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StencilFormatException(String message) {
    super(message);
  }

  public StencilFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
