package org.stitchjit.backend.copypatch.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_ADR_GOT_PAGE;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_LD64_GOT_LO12_NC;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_MOVW_UABS_G0_NC;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_MOVW_UABS_G1_NC;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_MOVW_UABS_G2_NC;
import static org.stitchjit.backend.copypatch.elf.AArch64Relocation.R_AARCH64_MOVW_UABS_G3;

import org.junit.jupiter.api.Test;

/**
 * The stencil compiled for AArch64 with {@code -mcmodel=large}; expected values from {@code
 * llvm-readelf-19 -S -s -r -x .text} and {@code llvm-objdump-19 -dr}.
 */
class ElfReaderAArch64Test {

  private final ElfObject elf = Fixtures.read(Fixtures.STENCIL_AARCH64);

  @Test
  void readsTheCode() {
    assertThat(elf.machine()).isEqualTo(Machine.AARCH64);
    assertThat(elf.sections())
        .extracting(Section::name)
        .containsExactly(
            "", ".strtab", ".text", ".rela.text", ".comment", ".note.GNU-stack", ".llvm_addrsig",
            ".symtab");
    Section text = elf.section(".text").orElseThrow();
    assertThat(text.size()).isEqualTo(0x28);
    assertThat(text.alignment()).isEqualTo(4);
    assertThat(text.contents())
        .isEqualTo(
            ElfReaderX86_64Test.hex(
                "080080d2 890240f9 00000090 0800a0f2 000040f9 0800c0f2 0800e0f2 2801088b"
                    + " 880200f9 00001fd6"));
  }

  @Test
  void readsMappingSymbols() {
    // $x marks where A64 code starts, $d where data does; here the data is .comment.
    assertThat(elf.symbols())
        .extracting(Symbol::name, Symbol::type, Symbol::binding, Symbol::sectionIndex)
        .containsExactly(
            tuple("", SymbolType.NOTYPE, SymbolBinding.LOCAL, 0),
            tuple("stencil.c", SymbolType.FILE, SymbolBinding.LOCAL, Symbol.SHN_ABS),
            tuple("$x", SymbolType.NOTYPE, SymbolBinding.LOCAL, 2),
            tuple("$d", SymbolType.NOTYPE, SymbolBinding.LOCAL, 4),
            tuple("stencil", SymbolType.FUNC, SymbolBinding.GLOBAL, 2),
            tuple("_JIT_OPERAND", SymbolType.NOTYPE, SymbolBinding.GLOBAL, 0),
            tuple("_JIT_CONTINUE", SymbolType.NOTYPE, SymbolBinding.GLOBAL, 0));
    assertThat(elf.symbol("stencil").orElseThrow().size()).isEqualTo(40);
  }

  @Test
  void readsTheRelocations() {
    // The large model builds the data address from four 16-bit immediates (movz + 3 movk); the
    // tail call loads _JIT_CONTINUE from the GOT (adrp + ldr) and branches to it, because of
    // -fno-plt.
    assertThat(elf.section(".text").orElseThrow().relocations())
        .extracting(
            Relocation::offset, r -> r.symbol().name(), r -> elf.machine().relocationType(r.type()),
            Relocation::addend)
        .containsExactly(
            tuple(0x00L, "_JIT_OPERAND", R_AARCH64_MOVW_UABS_G0_NC, 0L),
            tuple(0x08L, "_JIT_CONTINUE", R_AARCH64_ADR_GOT_PAGE, 0L),
            tuple(0x0cL, "_JIT_OPERAND", R_AARCH64_MOVW_UABS_G1_NC, 0L),
            tuple(0x10L, "_JIT_CONTINUE", R_AARCH64_LD64_GOT_LO12_NC, 0L),
            tuple(0x14L, "_JIT_OPERAND", R_AARCH64_MOVW_UABS_G2_NC, 0L),
            tuple(0x18L, "_JIT_OPERAND", R_AARCH64_MOVW_UABS_G3, 0L));
  }
}
