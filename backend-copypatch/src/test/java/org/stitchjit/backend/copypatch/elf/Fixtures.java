package org.stitchjit.backend.copypatch.elf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The committed objects under {@code src/test/resources/elf}, and ways to damage them. */
final class Fixtures {

  static final String STENCIL_X86_64 = "stencil-x86_64.o";
  static final String PLAIN_X86_64 = "plain-x86_64.o";
  static final String PLAIN_X86_64_GCC = "plain-x86_64-gcc.o";
  static final String STENCIL_AARCH64 = "stencil-aarch64.o";

  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/elf/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ElfObject read(String name) {
    return ElfReader.read(bytes(name));
  }

  /** The file offset of section header {@code index}, from {@code e_shoff}. */
  static int sectionHeaderOffset(byte[] elf, int index) {
    return (int) le(elf).getLong(40) + index * 64;
  }

  /** The file offset of a section's contents, from its {@code sh_offset}. */
  static int sectionOffset(byte[] elf, int index) {
    return (int) le(elf).getLong(sectionHeaderOffset(elf, index) + 24);
  }

  static void putShort(byte[] elf, int offset, int value) {
    le(elf).putShort(offset, (short) value);
  }

  static void putInt(byte[] elf, int offset, int value) {
    le(elf).putInt(offset, value);
  }

  static void putLong(byte[] elf, int offset, long value) {
    le(elf).putLong(offset, value);
  }

  private static ByteBuffer le(byte[] elf) {
    return ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
  }
}
