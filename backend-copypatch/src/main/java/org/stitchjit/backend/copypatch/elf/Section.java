package org.stitchjit.backend.copypatch.elf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One section of the object, with its bytes and the relocations that patch them.
 *
 * @param index the section header index; symbols and relocation sections refer to sections by it
 * @param name from the section name string table
 * @param type {@code sh_type}, kept raw because toolchains add types of their own (LLVM's {@code
 *     .llvm_addrsig} is {@code 0x6fff4c03}) that a stencil can ignore
 * @param flags {@code sh_flags}
 * @param alignment {@code sh_addralign}: the placement the code or data was compiled to rely on
 * @param size {@code sh_size}; for {@link #SHT_NOBITS} the size of zero-filled memory that the
 *     file does not store
 * @param contents the section's bytes in the file, empty for {@link #SHT_NOBITS}
 * @param relocations the entries of every {@code SHT_RELA} section whose {@code sh_info} names
 *     this section, in file order
 */
public record Section(
    int index,
    String name,
    int type,
    long flags,
    long alignment,
    long size,
    byte[] contents,
    List<Relocation> relocations) {

  public static final int SHT_NULL = 0;
  public static final int SHT_PROGBITS = 1;
  public static final int SHT_SYMTAB = 2;
  public static final int SHT_STRTAB = 3;
  public static final int SHT_RELA = 4;
  public static final int SHT_NOBITS = 8;
  public static final int SHT_REL = 9;

  public static final long SHF_WRITE = 0x1;
  public static final long SHF_ALLOC = 0x2;
  public static final long SHF_EXECINSTR = 0x4;
  public static final long SHF_MERGE = 0x10;
  public static final long SHF_STRINGS = 0x20;
  /**
   * Data placed out of reach of 32-bit displacements: under {@code -mcmodel=medium
   * -mlarge-data-threshold=0} all data goes to {@code .ldata}, {@code .lrodata} and {@code .lbss}
   * with this flag, so every data reference is a 64-bit absolute address.
   */
  public static final long SHF_X86_64_LARGE = 0x10000000L;

  public Section {
    Objects.requireNonNull(name, "name");
    contents = contents.clone();
    relocations = List.copyOf(relocations);
  }

  /** A copy, so that the section stays immutable. */
  @Override
  public byte[] contents() {
    return contents.clone();
  }

  /** Occupies memory in a loaded image: code or data, as opposed to metadata such as symbols. */
  public boolean isAllocated() {
    return (flags & SHF_ALLOC) != 0;
  }

  public boolean isExecutable() {
    return (flags & SHF_EXECINSTR) != 0;
  }

  public boolean isWritable() {
    return (flags & SHF_WRITE) != 0;
  }

  /** Zero-initialized: {@link #size} bytes in memory, none in the file. */
  public boolean isNobits() {
    return type == SHT_NOBITS;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Section that
        && index == that.index
        && name.equals(that.name)
        && type == that.type
        && flags == that.flags
        && alignment == that.alignment
        && size == that.size
        && Arrays.equals(contents, that.contents)
        && relocations.equals(that.relocations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        index, name, type, flags, alignment, size, Arrays.hashCode(contents), relocations);
  }

  /** Shows the byte count rather than the bytes, which {@code llvm-readelf -x} displays better. */
  @Override
  public String toString() {
    return String.format(
        "Section[index=%d, name=%s, type=0x%x, flags=0x%x, alignment=%d, size=%d, contents=%d"
            + " bytes, relocations=%d]",
        index, name, type, flags, alignment, size, contents.length, relocations.size());
  }
}
