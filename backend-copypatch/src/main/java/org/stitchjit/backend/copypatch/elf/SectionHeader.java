package org.stitchjit.backend.copypatch.elf;

import java.util.ArrayList;
import java.util.List;

/** The raw fields of one section header, with its name resolved, as the later stages need. */
record SectionHeader(
    int index,
    String name,
    int type,
    long flags,
    long offset,
    long size,
    long link,
    long info,
    long alignment,
    long entrySize) {

  /** Reads every section header and names each from the section name string table. */
  static List<SectionHeader> readAll(ByteReader in, ElfHeader header) {
    in.require(
        header.sectionHeaderOffset(),
        (long) header.sectionHeaderCount() * ElfHeader.SECTION_HEADER_SIZE,
        "the section header table (" + header.sectionHeaderCount() + " entries)");
    List<SectionHeader> unnamed = new ArrayList<>();
    List<Long> nameOffsets = new ArrayList<>();
    for (int i = 0; i < header.sectionHeaderCount(); i++) {
      long base = header.sectionHeaderOffset() + (long) i * ElfHeader.SECTION_HEADER_SIZE;
      String what = "section header " + i;
      nameOffsets.add(in.u32(base, what));
      unnamed.add(
          new SectionHeader(
              i,
              "",
              (int) in.u32(base + 4, what),
              in.u64(base + 8, what),
              in.u64(base + 24, what),
              in.u64(base + 32, what),
              in.u32(base + 40, what),
              in.u32(base + 44, what),
              in.u64(base + 48, what),
              in.u64(base + 56, what)));
    }

    SectionHeader nameTableHeader = unnamed.get(header.sectionNameTableIndex());
    StringTable names = StringTable.read(in, nameTableHeader, "the section name table");
    List<SectionHeader> named = new ArrayList<>();
    for (SectionHeader section : unnamed) {
      String what = "the name of section " + section.index();
      named.add(section.withName(names.at(nameOffsets.get(section.index()), what)));
    }
    return named;
  }

  SectionHeader withName(String newName) {
    return new SectionHeader(
        index, newName, type, flags, offset, size, link, info, alignment, entrySize);
  }

  /** The section's bytes; empty for {@code SHT_NOBITS}, which occupies no file space. */
  byte[] contents(ByteReader in) {
    return type == Section.SHT_NOBITS
        ? new byte[0]
        : in.slice(offset, size, "section " + describe());
  }

  /**
   * The number of fixed-size entries in a table section, after checking its layout; call it once
   * the section is known to lie within the file.
   */
  int entryCount(long expectedEntrySize) {
    if (entrySize != expectedEntrySize) {
      throw new ElfFormatException(
          "section " + describe() + " has entry size " + entrySize + ", expected "
              + expectedEntrySize);
    }
    if (size % expectedEntrySize != 0) {
      throw new ElfFormatException(
          "section " + describe() + " has size " + size + ", not a multiple of its entry size "
              + expectedEntrySize);
    }
    return Math.toIntExact(size / expectedEntrySize);
  }

  String describe() {
    return (name.isEmpty() ? "" : name + " ") + "[" + index + "]";
  }
}
