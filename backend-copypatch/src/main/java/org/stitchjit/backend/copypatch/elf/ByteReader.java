package org.stitchjit.backend.copypatch.elf;

import java.util.Arrays;

/**
 * Little-endian reads at absolute offsets, bounds-checked so that a truncated or corrupt file
 * fails with a message saying which structure ran past the end, not an index exception.
 */
final class ByteReader {

  private final byte[] bytes;

  ByteReader(byte[] bytes) {
    this.bytes = bytes;
  }

  int length() {
    return bytes.length;
  }

  int u8(long offset, String what) {
    require(offset, 1, what);
    return bytes[(int) offset] & 0xff;
  }

  int u16(long offset, String what) {
    require(offset, 2, what);
    return (int) littleEndian((int) offset, 2);
  }

  long u32(long offset, String what) {
    require(offset, 4, what);
    return littleEndian((int) offset, 4);
  }

  /** ELF64 addresses, offsets and sizes are unsigned; a negative result means above 2^63. */
  long u64(long offset, String what) {
    require(offset, 8, what);
    return littleEndian((int) offset, 8);
  }

  byte[] slice(long offset, long size, String what) {
    require(offset, size, what);
    return Arrays.copyOfRange(bytes, (int) offset, (int) (offset + size));
  }

  /** Fails unless {@code [offset, offset + size)} lies in the file; both are read as unsigned. */
  void require(long offset, long size, String what) {
    if (offset < 0 || size < 0 || offset > bytes.length || size > bytes.length - offset) {
      throw new ElfFormatException(
          String.format(
              "truncated: %s needs bytes [0x%s, +0x%s) but the file has only 0x%x bytes",
              what, Long.toUnsignedString(offset, 16), Long.toUnsignedString(size, 16),
              bytes.length));
    }
  }

  private long littleEndian(int offset, int width) {
    long value = 0;
    for (int i = width - 1; i >= 0; i--) {
      value = (value << 8) | (bytes[offset + i] & 0xff);
    }
    return value;
  }
}
