package org.stitchjit.backend.copypatch.elf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Decodes the {@code SHT_RELA} sections and groups their entries by the section they patch. */
final class RelocationTable {

  private static final int ENTRY_SIZE = 24;

  private RelocationTable() {}

  /** Returns, for each patched section's index, its relocations in file order. */
  static Map<Integer, List<Relocation>> read(
      ByteReader in, List<SectionHeader> sections, SymbolTable symbolTable) {
    Map<Integer, List<Relocation>> byTarget = new HashMap<>();
    for (SectionHeader section : sections) {
      if (section.type() == Section.SHT_REL) {
        throw new ElfFormatException(
            "section " + section.describe() + " is SHT_REL (relocations without addends): only"
                + " SHT_RELA is read");
      }
      if (section.type() != Section.SHT_RELA) {
        continue;
      }
      SectionHeader target = target(section, sections);
      if (section.link() != symbolTable.sectionIndex()) {
        throw new ElfFormatException(
            "relocation section " + section.describe() + " links to section " + section.link()
                + ", which is not the symbol table");
      }
      List<Relocation> relocations =
          byTarget.computeIfAbsent(target.index(), index -> new ArrayList<>());
      in.require(section.offset(), section.size(), "relocation section " + section.describe());
      int count = section.entryCount(ENTRY_SIZE);
      for (int i = 0; i < count; i++) {
        relocations.add(entry(in, section, i, target, symbolTable.symbols()));
      }
    }
    return byTarget;
  }

  private static SectionHeader target(SectionHeader section, List<SectionHeader> sections) {
    if (section.info() <= 0 || section.info() >= sections.size()) {
      throw new ElfFormatException(
          "relocation section " + section.describe() + " applies to section " + section.info()
              + ", which does not exist");
    }
    return sections.get((int) section.info());
  }

  private static Relocation entry(
      ByteReader in, SectionHeader section, int i, SectionHeader target, List<Symbol> symbols) {
    long base = section.offset() + (long) i * ENTRY_SIZE;
    String what = "relocation " + i + " of " + section.describe();
    long offset = in.u64(base, what);
    long info = in.u64(base + 8, what);
    long addend = in.u64(base + 16, what);
    long symbolIndex = info >>> 32;
    if (symbolIndex >= symbols.size()) {
      throw new ElfFormatException(
          what + " refers to symbol " + symbolIndex + ", but the symbol table has "
              + symbols.size() + " entries");
    }
    if (Long.compareUnsigned(offset, target.size()) >= 0) {
      throw new ElfFormatException(
          String.format(
              "%s patches offset 0x%s, outside %s (0x%x bytes)",
              what, Long.toUnsignedString(offset, 16), target.describe(), target.size()));
    }
    return new Relocation(offset, symbols.get((int) symbolIndex), (int) info, addend);
  }
}
