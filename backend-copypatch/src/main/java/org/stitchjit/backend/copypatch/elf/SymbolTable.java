package org.stitchjit.backend.copypatch.elf;

import java.util.ArrayList;
import java.util.List;

/**
 * The object's {@code SHT_SYMTAB} section, decoded.
 *
 * @param sectionIndex the symbol table's section index, which relocation sections must link to;
 *     -1 if the object has none
 */
record SymbolTable(int sectionIndex, List<Symbol> symbols) {

  private static final int ENTRY_SIZE = 24;

  static SymbolTable read(ByteReader in, Machine machine, List<SectionHeader> sections) {
    List<SectionHeader> tables =
        sections.stream().filter(s -> s.type() == Section.SHT_SYMTAB).toList();
    if (tables.isEmpty()) {
      return new SymbolTable(-1, List.of());
    }
    // A relocatable object has one symbol table; more would make sh_link ambiguous to us.
    if (tables.size() > 1) {
      throw new ElfFormatException(
          "the object has " + tables.size() + " SHT_SYMTAB sections; expected one");
    }
    SectionHeader table = tables.get(0);
    in.require(table.offset(), table.size(), "symbol table " + table.describe());
    int count = table.entryCount(ENTRY_SIZE);
    StringTable names = StringTable.read(in, linked(table, sections), "the symbol name table");

    List<Symbol> symbols = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      long base = table.offset() + (long) i * ENTRY_SIZE;
      String what = "symbol " + i;
      String name = names.at(in.u32(base, what), "the name of " + what);
      int info = in.u8(base + 4, what);
      int sectionIndex = in.u16(base + 6, what);
      long value = in.u64(base + 8, what);
      long size = in.u64(base + 16, what);
      String described = "symbol " + i + (name.isEmpty() ? "" : " '" + name + "'");
      SymbolType type =
          SymbolType.of(info & 0xf)
              .orElseThrow(
                  () -> new ElfFormatException(
                      described + " has unknown type " + (info & 0xf) + " in st_info"));
      SymbolBinding binding =
          SymbolBinding.of(info >>> 4)
              .orElseThrow(
                  () -> new ElfFormatException(
                      described + " has unknown binding " + (info >>> 4) + " in st_info"));
      checkSectionIndex(sectionIndex, machine, sections.size(), described);
      symbols.add(new Symbol(i, name, value, size, type, binding, sectionIndex));
    }
    return new SymbolTable(table.index(), symbols);
  }

  private static SectionHeader linked(SectionHeader table, List<SectionHeader> sections) {
    if (table.link() <= 0 || table.link() >= sections.size()) {
      throw new ElfFormatException(
          "symbol table " + table.describe() + " links to section " + table.link()
              + ", which does not exist");
    }
    return sections.get((int) table.link());
  }

  private static void checkSectionIndex(
      int sectionIndex, Machine machine, int sectionCount, String described) {
    if (sectionIndex == Symbol.SHN_ABS
        || sectionIndex == Symbol.SHN_COMMON
        || (sectionIndex == Symbol.SHN_X86_64_LCOMMON && machine == Machine.X86_64)) {
      return;
    }
    if (sectionIndex == Symbol.SHN_XINDEX) {
      throw new ElfFormatException(
          described + " has section index SHN_XINDEX (extended section indices), which is not"
              + " supported");
    }
    if (sectionIndex >= Symbol.SHN_LORESERVE) {
      throw new ElfFormatException(
          String.format(
              "%s has reserved section index 0x%x, which is not understood for %s",
              described, sectionIndex, machine.elfName()));
    }
    if (sectionIndex >= sectionCount) {
      throw new ElfFormatException(
          described + " is defined in section " + sectionIndex + ", but the object has only "
              + sectionCount + " sections");
    }
  }
}
