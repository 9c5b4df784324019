package org.stitchjit.backend.copypatch.elf;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Damaged or foreign files are rejected with a message that names what is wrong. */
class ElfReaderErrorTest {

  private final byte[] stencil = Fixtures.bytes(Fixtures.STENCIL_X86_64);

  @Test
  void rejectsAnEmptyFile() {
    assertThatThrownBy(() -> ElfReader.read(new byte[0]))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageStartingWith("truncated: the ELF header needs bytes [0x0, +0x40)");
  }

  @Test
  void rejectsATruncatedHeader() {
    assertThatThrownBy(() -> ElfReader.read(Arrays.copyOf(stencil, 40)))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "truncated: the ELF header needs bytes [0x0, +0x40) but the file has only 0x28 bytes");
  }

  @Test
  void rejectsATruncatedSectionHeaderTable() {
    // clang writes the section header table last.
    byte[] cut = Arrays.copyOf(stencil, stencil.length - 10);
    assertThatThrownBy(() -> ElfReader.read(cut))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageStartingWith("truncated: the section header table (8 entries) needs bytes");
  }

  @Test
  void rejectsASectionThatRunsPastTheEnd() {
    // .text's sh_size
    Fixtures.putLong(stencil, Fixtures.sectionHeaderOffset(stencil, 2) + 32, 0x10000);
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessageStartingWith("truncated: section .text [2] needs bytes [0x40, +0x10000)");
  }

  @Test
  void rejectsWrongMagic() {
    byte[] pe = Arrays.copyOf(stencil, stencil.length);
    pe[0] = 'M';
    pe[1] = 'Z';
    pe[2] = (byte) 0x90;
    pe[3] = 0;
    assertThatThrownBy(() -> ElfReader.read(pe))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("not an ELF file: expected magic 7f 45 4c 46, found 4d 5a 90 00");
    assertThatThrownBy(() -> ElfReader.read(new byte[] {'#', '!'}))
        .hasMessage("not an ELF file: expected magic 7f 45 4c 46, found 23 21");
  }

  @Test
  void rejects32BitObjects() {
    stencil[4] = 1; // EI_CLASS = ELFCLASS32
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "unsupported ELF class ELFCLASS32 (1, 32-bit): only ELFCLASS64 objects are read");
  }

  @Test
  void rejectsBigEndianObjects() {
    stencil[5] = 2; // EI_DATA = ELFDATA2MSB
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "unsupported data encoding ELFDATA2MSB (2, big-endian): only little-endian"
                + " (ELFDATA2LSB) objects are read");
  }

  @Test
  void rejectsFilesThatAreNotRelocatable() {
    Fixtures.putShort(stencil, 16, 3); // e_type = ET_DYN
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("unsupported ELF type ET_DYN (3): only relocatable objects (ET_REL) are read");
  }

  @Test
  void rejectsOtherMachines() {
    Fixtures.putShort(stencil, 18, 243); // e_machine = EM_RISCV
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "unsupported machine EM_RISCV (243): only EM_X86_64 (62) and EM_AARCH64 (183)"
                + " objects are read");
    Fixtures.putShort(stencil, 18, 9999);
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .hasMessageStartingWith("unsupported machine e_machine 9999:");
  }

  @Test
  void rejectsRelocationsWithoutAddends() {
    // .rela.text's sh_type = SHT_REL
    Fixtures.putInt(stencil, Fixtures.sectionHeaderOffset(stencil, 3) + 4, Section.SHT_REL);
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "section .rela.text [3] is SHT_REL (relocations without addends): only SHT_RELA is"
                + " read");
  }

  @Test
  void rejectsARelocationOutsideItsSection() {
    Fixtures.putLong(stencil, Fixtures.sectionOffset(stencil, 3), 0x14); // r_offset past .text
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "relocation 0 of .rela.text [3] patches offset 0x14, outside .text [2] (0x14 bytes)");
  }

  @Test
  void rejectsARelocationOfAMissingSymbol() {
    Fixtures.putLong(stencil, Fixtures.sectionOffset(stencil, 3) + 8, (5L << 32) | 1);
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "relocation 0 of .rela.text [3] refers to symbol 5, but the symbol table has 5"
                + " entries");
  }

  @Test
  void rejectsExtendedSymbolSectionIndices() {
    // st_shndx of symbol 2, "stencil"
    Fixtures.putShort(stencil, Fixtures.sectionOffset(stencil, 7) + 2 * 24 + 6, 0xffff);
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "symbol 2 'stencil' has section index SHN_XINDEX (extended section indices), which"
                + " is not supported");
  }

  @Test
  void rejectsLargeCommonOutsideX86_64() {
    byte[] aarch64 = Fixtures.bytes(Fixtures.STENCIL_AARCH64);
    // st_shndx of symbol 4, "stencil"
    Fixtures.putShort(aarch64, Fixtures.sectionOffset(aarch64, 7) + 4 * 24 + 6, 0xff02);
    assertThatThrownBy(() -> ElfReader.read(aarch64))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage(
            "symbol 4 'stencil' has reserved section index 0xff02, which is not understood for"
                + " EM_AARCH64");
  }

  @Test
  void rejectsUnknownSymbolTypes() {
    // st_info of symbol 2: GLOBAL binding, type 7 (unassigned)
    stencil[Fixtures.sectionOffset(stencil, 7) + 2 * 24 + 4] = 0x17;
    assertThatThrownBy(() -> ElfReader.read(stencil))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("symbol 2 'stencil' has unknown type 7 in st_info");
  }
}
