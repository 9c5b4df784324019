package org.stitchjit.backend.copypatch.stencil;

import java.util.Optional;

/**
 * What a hole receives, named after the extern symbol the template refers to (see {@code
 * src/main/c/stitch_stencil.h}). Data holes take a value (patched {@link HoleEncoding#ABS64});
 * control holes take a code address and are reached only by tail jumps (patched {@link
 * HoleEncoding#REL32}), except in the entry trampoline, which calls its {@link #CONTINUE}.
 */
public enum HoleKind {
  /** {@code _JIT_OPARG}: the uop's oparg (the exit index, in an exit stub). */
  OPARG("_JIT_OPARG", false),
  /** {@code _JIT_OPERAND}: the uop's 64-bit operand. */
  OPERAND("_JIT_OPERAND", false),
  /**
   * {@code _JIT_HELPER_<NAME>}: the address of a function the stencil calls, the C math
   * library's function {@code name} (lower case), which the runtime's math module calls too.
   */
  HELPER(HoleKind.HELPER_PREFIX, false),
  /**
   * {@code _JIT_CONST_<NAME>}: a value the VM fixes when it starts, such as the address of
   * {@code True} ({@code _JIT_CONST_TRUE}); the rest of the name says which (see {@code
   * org.stitchjit.api.jit.RuntimeConstants}).
   */
  RUNTIME_CONSTANT(HoleKind.CONST_PREFIX, false),
  /** {@code _JIT_CONTINUE}: the next uop's code. */
  CONTINUE("_JIT_CONTINUE", true),
  /** {@code _JIT_EXIT}: this uop's exit stub. */
  EXIT("_JIT_EXIT", true),
  /** {@code _JIT_ESCAPE}: this uop's escape stub (the runtime performs the uop). */
  ESCAPE("_JIT_ESCAPE", true),
  /** {@code _JIT_JUMP_TARGET}: a jump target, such as the loop top for {@code _JUMP_TO_TOP}. */
  JUMP_TARGET("_JIT_JUMP_TARGET", true);

  /** Symbols {@code _JIT_HELPER_FOO} name helper holes; the rest of the name says which. */
  public static final String HELPER_PREFIX = "_JIT_HELPER_";

  /** Symbols {@code _JIT_CONST_FOO} name runtime-constant holes; the rest says which. */
  public static final String CONST_PREFIX = "_JIT_CONST_";

  private final String symbol;
  private final boolean control;

  HoleKind(String symbol, boolean control) {
    this.symbol = symbol;
    this.control = control;
  }

  /** The symbol, or for {@link #HELPER} and {@link #RUNTIME_CONSTANT} the common prefix. */
  public String symbol() {
    return symbol;
  }

  /** A code address reached by a jump (or the trampoline's call), as opposed to a value. */
  public boolean isControl() {
    return control;
  }

  /** The kind of hole a symbol names, if it names one. */
  public static Optional<HoleKind> ofSymbol(String name) {
    if (name.startsWith(HELPER_PREFIX) && name.length() > HELPER_PREFIX.length()) {
      return Optional.of(HELPER);
    }
    if (name.startsWith(CONST_PREFIX) && name.length() > CONST_PREFIX.length()) {
      return Optional.of(RUNTIME_CONSTANT);
    }
    for (HoleKind kind : values()) {
      if (kind != HELPER && kind != RUNTIME_CONSTANT && kind.symbol.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
