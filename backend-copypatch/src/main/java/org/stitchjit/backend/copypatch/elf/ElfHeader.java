package org.stitchjit.backend.copypatch.elf;

/**
 * The fields of the ELF file header that locate everything else, after checking that the file
 * is an object this reader understands.
 */
record ElfHeader(
    Machine machine, long sectionHeaderOffset, int sectionHeaderCount, int sectionNameTableIndex) {

  static final int SIZE = 64;
  static final int SECTION_HEADER_SIZE = 64;

  private static final byte[] MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final int ELFCLASS32 = 1;
  private static final int ELFCLASS64 = 2;
  private static final int ELFDATA2LSB = 1;
  private static final int ELFDATA2MSB = 2;
  private static final int EV_CURRENT = 1;
  private static final int ET_REL = 1;
  private static final String[] TYPE_NAMES = {"ET_NONE", "ET_REL", "ET_EXEC", "ET_DYN", "ET_CORE"};
  private static final int SHN_XINDEX = 0xffff;

  static ElfHeader parse(ByteReader in) {
    checkMagic(in);
    in.require(0, SIZE, "the ELF header");
    checkIdentification(in);

    int type = in.u16(16, "e_type");
    if (type != ET_REL) {
      String name = type < TYPE_NAMES.length ? TYPE_NAMES[type] + " (" + type + ")" : "" + type;
      throw new ElfFormatException(
          "unsupported ELF type " + name + ": only relocatable objects (ET_REL) are read");
    }
    Machine machine = Machine.of(in.u16(18, "e_machine"));
    long version = in.u32(20, "e_version");
    if (version != EV_CURRENT) {
      throw new ElfFormatException("unsupported ELF version " + version + " in e_version");
    }

    long sectionHeaderOffset = in.u64(40, "e_shoff");
    int sectionHeaderSize = in.u16(58, "e_shentsize");
    int sectionHeaderCount = in.u16(60, "e_shnum");
    int sectionNameTableIndex = in.u16(62, "e_shstrndx");
    if (sectionHeaderOffset == 0) {
      throw new ElfFormatException("the object has no section header table (e_shoff is 0)");
    }
    if (sectionHeaderSize != SECTION_HEADER_SIZE) {
      throw new ElfFormatException(
          "e_shentsize is " + sectionHeaderSize + ", expected " + SECTION_HEADER_SIZE);
    }
    // With 0xff00 or more sections the real counts move into section 0; stencil objects have a
    // handful of sections, so such a file is not one of ours.
    if (sectionHeaderCount == 0 || sectionNameTableIndex == SHN_XINDEX) {
      throw new ElfFormatException(
          "extended section numbering (e_shnum 0 or e_shstrndx SHN_XINDEX) is not supported");
    }
    if (sectionNameTableIndex >= sectionHeaderCount) {
      throw new ElfFormatException(
          "e_shstrndx " + sectionNameTableIndex + " is not one of the " + sectionHeaderCount
              + " sections");
    }
    return new ElfHeader(machine, sectionHeaderOffset, sectionHeaderCount, sectionNameTableIndex);
  }

  /** Checks only the bytes present, so that a short non-ELF file is called that, not truncated. */
  private static void checkMagic(ByteReader in) {
    int present = Math.min(MAGIC.length, in.length());
    for (int i = 0; i < present; i++) {
      if (in.u8(i, "the ELF magic") != (MAGIC[i] & 0xff)) {
        StringBuilder found = new StringBuilder();
        for (int j = 0; j < present; j++) {
          found.append(String.format(" %02x", in.u8(j, "the ELF magic")));
        }
        throw new ElfFormatException(
            "not an ELF file: expected magic 7f 45 4c 46, found" + found);
      }
    }
  }

  private static void checkIdentification(ByteReader in) {
    int elfClass = in.u8(4, "EI_CLASS");
    if (elfClass == ELFCLASS32) {
      throw new ElfFormatException(
          "unsupported ELF class ELFCLASS32 (1, 32-bit): only ELFCLASS64 objects are read");
    }
    if (elfClass != ELFCLASS64) {
      throw new ElfFormatException("invalid ELF class " + elfClass + " in EI_CLASS");
    }
    int data = in.u8(5, "EI_DATA");
    if (data == ELFDATA2MSB) {
      throw new ElfFormatException(
          "unsupported data encoding ELFDATA2MSB (2, big-endian): only little-endian"
              + " (ELFDATA2LSB) objects are read");
    }
    if (data != ELFDATA2LSB) {
      throw new ElfFormatException("invalid data encoding " + data + " in EI_DATA");
    }
    int version = in.u8(6, "EI_VERSION");
    if (version != EV_CURRENT) {
      throw new ElfFormatException("unsupported ELF version " + version + " in EI_VERSION");
    }
  }
}
