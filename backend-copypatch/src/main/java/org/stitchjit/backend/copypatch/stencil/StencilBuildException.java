package org.stitchjit.backend.copypatch.stencil;

/**
 * A template the stencil build cannot turn into a stencil: clang failed, or its object holds
 * something the tool does not understand. The message names the template and, where there is
 * one, the code offset and the relocation; nothing is ever skipped or guessed, because a stencil
 * built from a half-understood object would be silently wrong machine code.
 */
public final class StencilBuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String template;

  public StencilBuildException(String template, String message) {
    super("template " + template + ": " + message);
    this.template = template;
  }

  public StencilBuildException(String template, String message, Throwable cause) {
    super("template " + template + ": " + message, cause);
    this.template = template;
  }

  /** An error at a code offset. */
  static StencilBuildException at(String template, long offset, String message) {
    return new StencilBuildException(
        template, "at .text offset " + offset + " (0x" + Long.toHexString(offset) + "): " + message);
  }

  /** The template's name, such as {@code _LOAD_FAST}. */
  public String template() {
    return template;
  }
}
