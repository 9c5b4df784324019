package org.stitchjit.backend.copypatch.stencil;

/** How a hole's bytes are computed from the value it receives. */
public enum HoleEncoding {
  /**
   * Eight bytes, little-endian: {@code value + addend} (ELF {@code R_X86_64_64}); the immediate
   * of a {@code movabs}.
   */
  ABS64(8),
  /**
   * Four bytes, little-endian, signed: {@code value + addend - holeAddress}, where holeAddress is
   * the address of the hole's first byte (ELF {@code R_X86_64_PC32}); the displacement of a
   * {@code jmp}, {@code jcc} or {@code call rel32}, whose addend is -4 because the CPU adds the
   * displacement to the end of the instruction.
   */
  REL32(4);

  private final int size;

  HoleEncoding(int size) {
    this.size = size;
  }

  /** Bytes patched. */
  public int size() {
    return size;
  }
}
