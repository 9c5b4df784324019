package org.stitchjit.backend.copypatch.elf;

import java.util.Objects;

/**
 * One entry of the symbol table.
 *
 * @param index the entry's position in {@code .symtab}; relocations refer to symbols by it, and
 *     entry 0 is the all-zero null symbol
 * @param name empty for the null symbol and, as the file stores them, for {@link
 *     SymbolType#SECTION} symbols (their section is {@link #sectionIndex})
 * @param value the offset within the symbol's section for a defined symbol; the required
 *     alignment for a {@linkplain #isCommon() common} one; the value itself for an {@linkplain
 *     #isAbsolute() absolute} one
 * @param sectionIndex {@code st_shndx}: a section index, or one of {@link #SHN_UNDEF}, {@link
 *     #SHN_ABS}, {@link #SHN_COMMON} and (x86-64 only) {@link #SHN_X86_64_LCOMMON}; the reader
 *     rejects every other reserved value
 */
public record Symbol(
    int index,
    String name,
    long value,
    long size,
    SymbolType type,
    SymbolBinding binding,
    int sectionIndex) {

  public static final int SHN_UNDEF = 0;
  /** The first reserved {@code st_shndx}; section indices are below it. */
  public static final int SHN_LORESERVE = 0xff00;
  /** A tentative definition placed among large data, as gcc emits under {@code -mcmodel=medium}. */
  public static final int SHN_X86_64_LCOMMON = 0xff02;
  public static final int SHN_ABS = 0xfff1;
  public static final int SHN_COMMON = 0xfff2;
  /** The real index is in an {@code SHT_SYMTAB_SHNDX} section; not supported. */
  public static final int SHN_XINDEX = 0xffff;

  public Symbol {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(binding, "binding");
  }

  /** Defined elsewhere: a hole the stencil's user must fill. */
  public boolean isUndefined() {
    return sectionIndex == SHN_UNDEF;
  }

  public boolean isAbsolute() {
    return sectionIndex == SHN_ABS;
  }

  /** A tentative definition whose storage the linker, here the stencil writer, must allocate. */
  public boolean isCommon() {
    return sectionIndex == SHN_COMMON || sectionIndex == SHN_X86_64_LCOMMON;
  }

  /** Defined at {@link #value} within the section whose index is {@link #sectionIndex}. */
  public boolean isDefinedInSection() {
    return sectionIndex != SHN_UNDEF && sectionIndex < SHN_LORESERVE;
  }
}
