package org.stitchjit.backend.copypatch.stencil;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

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

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * Writes a hole's bytes at {@code at} in {@code buffer}: the one place holes are patched.
   *
   * @param holeAddress the address the hole's first byte will have (for {@link #REL32})
   * @param symbol the hole's symbol, for the error message
   * @throws IllegalArgumentException if a rel32 displacement does not fit in 32 bits
   */
  public void write(byte[] buffer, int at, long value, long addend, long holeAddress,
      String symbol) {
    if (this == ABS64) {
      LONG_LE.set(buffer, at, value + addend);
      return;
    }
    long rel = value + addend - holeAddress;
    if (rel != (int) rel) {
      throw new IllegalArgumentException(String.format(
          "%s at 0x%x is out of rel32 reach of 0x%x", symbol, holeAddress, value));
    }
    INT_LE.set(buffer, at, (int) rel);
  }
}
