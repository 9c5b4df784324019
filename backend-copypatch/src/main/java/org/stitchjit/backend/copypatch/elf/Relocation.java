package org.stitchjit.backend.copypatch.elf;

import java.util.Objects;

/**
 * One {@code SHT_RELA} entry: a hole in the section it belongs to (see {@link
 * Section#relocations()}).
 *
 * @param offset where the hole is, from the start of the section it applies to
 * @param symbol whose address the hole receives; the null symbol (index 0) for types that take
 *     none
 * @param type the raw type; {@link Machine#relocationType(int)} names it, and fails for types
 *     this reader does not know, so objects with unusual relocations in sections a stencil ignores
 *     can still be read
 * @param addend the constant added to the symbol's value, already adjusted by the assembler for
 *     PC-relative holes (typically -4 for a 32-bit displacement at the end of an x86-64
 *     instruction)
 */
public record Relocation(long offset, Symbol symbol, int type, long addend) {

  public Relocation {
    Objects.requireNonNull(symbol, "symbol");
  }
}
