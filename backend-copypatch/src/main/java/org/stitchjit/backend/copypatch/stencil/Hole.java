package org.stitchjit.backend.copypatch.stencil;

import java.util.Objects;

/**
 * One place in a stencil's code that the emitter fills in when it copies the stencil.
 *
 * @param offset where the patched bytes start, from the start of the stencil
 * @param symbol the extern symbol the template referred to, such as {@code _JIT_OPARG}; it
 *     determines the {@link #kind()} (and, for a helper, which helper)
 * @param encoding how the value is written
 * @param addend added to the value, as in an ELF relocation (clang folds {@code OPARG + 1} into
 *     an addend of 1; rel32 displacements carry -4)
 */
public record Hole(int offset, String symbol, HoleEncoding encoding, long addend) {

  public Hole {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(encoding, "encoding");
    if (offset < 0) {
      throw new IllegalArgumentException("negative hole offset " + offset);
    }
    HoleKind kind =
        HoleKind.ofSymbol(symbol)
            .orElseThrow(() -> new IllegalArgumentException("not a hole symbol: " + symbol));
    if (kind.isControl() != (encoding == HoleEncoding.REL32)) {
      throw new IllegalArgumentException(
          kind + " hole " + symbol + " cannot be " + encoding
              + ": control holes are REL32, data holes ABS64");
    }
  }

  public HoleKind kind() {
    return HoleKind.ofSymbol(symbol).orElseThrow();
  }

  /** The byte after the patched bytes. */
  public int end() {
    return offset + encoding.size();
  }

  /**
   * Writes the hole's bytes for {@code value} into a copy of its stencil.
   *
   * @param buffer holds the copied stencil
   * @param stencilStart where the copy starts in {@code buffer}
   * @param stencilAddress the address the copy will run at (needed for {@link
   *     HoleEncoding#REL32})
   * @param value the symbol's value: the oparg, operand or helper address, or the target code
   *     address
   * @throws IllegalArgumentException if a rel32 displacement does not fit in 32 bits
   */
  public void patch(byte[] buffer, int stencilStart, long stencilAddress, long value) {
    int at = stencilStart + offset;
    Objects.checkFromIndexSize(at, encoding.size(), buffer.length);
    encoding.write(buffer, at, value, addend, stencilAddress + offset, symbol);
  }
}
