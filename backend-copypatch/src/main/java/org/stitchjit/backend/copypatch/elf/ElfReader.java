package org.stitchjit.backend.copypatch.elf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an ELF64 relocatable object, as clang or gcc writes for {@code -c}, into an {@link
 * ElfObject}. The whole file is checked while it is read, so a model that comes back is
 * consistent: every index in it resolves and every byte it names was in the file.
 */
public final class ElfReader {

  private ElfReader() {}

  /**
   * Parses the object file's bytes; the array is not retained.
   *
   * @throws ElfFormatException if the file is malformed, or is not a little-endian ELF64
   *     relocatable object for x86-64 or AArch64, or uses a feature the stencil tool does not
   *     support (such as {@code SHT_REL} relocations); the message names what was found
   */
  public static ElfObject read(byte[] bytes) {
    ByteReader in = new ByteReader(bytes);
    ElfHeader header = ElfHeader.parse(in);
    List<SectionHeader> headers = SectionHeader.readAll(in, header);
    SymbolTable symbolTable = SymbolTable.read(in, header.machine(), headers);
    Map<Integer, List<Relocation>> relocations = RelocationTable.read(in, headers, symbolTable);

    List<Section> sections = new ArrayList<>(headers.size());
    for (SectionHeader section : headers) {
      sections.add(
          new Section(
              section.index(),
              section.name(),
              section.type(),
              section.flags(),
              section.alignment(),
              section.size(),
              section.contents(in),
              relocations.getOrDefault(section.index(), List.of())));
    }
    return new ElfObject(header.machine(), sections, symbolTable.symbols());
  }
}
