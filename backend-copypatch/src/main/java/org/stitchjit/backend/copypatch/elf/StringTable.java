package org.stitchjit.backend.copypatch.elf;

import java.nio.charset.StandardCharsets;

/** An {@code SHT_STRTAB} section: NUL-terminated names looked up by byte offset. */
final class StringTable {

  private final byte[] bytes;
  private final String description;

  private StringTable(byte[] bytes, String description) {
    this.bytes = bytes;
    this.description = description;
  }

  static StringTable read(ByteReader in, SectionHeader header, String role) {
    if (header.type() != Section.SHT_STRTAB) {
      throw new ElfFormatException(
          role + " is section " + header.index() + ", which is not SHT_STRTAB (type "
              + header.type() + ")");
    }
    // The header may not be named yet: this can be the table that holds the names.
    return new StringTable(in.slice(header.offset(), header.size(), role), role);
  }

  String at(long offset, String what) {
    if (offset < 0 || offset >= bytes.length) {
      throw new ElfFormatException(
          what + " is at offset " + offset + ", outside " + description + " (" + bytes.length
              + " bytes)");
    }
    int end = (int) offset;
    while (end < bytes.length && bytes[end] != 0) {
      end++;
    }
    if (end == bytes.length) {
      throw new ElfFormatException(
          what + " at offset " + offset + " runs off the end of " + description);
    }
    return new String(bytes, (int) offset, end - (int) offset, StandardCharsets.UTF_8);
  }
}
