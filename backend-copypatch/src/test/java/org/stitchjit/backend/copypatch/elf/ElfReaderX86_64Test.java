package org.stitchjit.backend.copypatch.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.stitchjit.backend.copypatch.elf.X86_64Relocation.R_X86_64_64;
import static org.stitchjit.backend.copypatch.elf.X86_64Relocation.R_X86_64_GOTPCRELX;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from {@code llvm-readelf-19 -S -s -r -x .text} and {@code
 * llvm-objdump-19 -dr} run on the fixtures.
 */
class ElfReaderX86_64Test {

  @Nested
  class Stencil {

    private final ElfObject elf = Fixtures.read(Fixtures.STENCIL_X86_64);

    @Test
    void readsTheHeaderAndSectionNames() {
      assertThat(elf.machine()).isEqualTo(Machine.X86_64);
      // clang keeps section and symbol names in one table, called .strtab.
      assertThat(elf.sections())
          .extracting(Section::name)
          .containsExactly(
              "", ".strtab", ".text", ".rela.text", ".comment", ".note.GNU-stack",
              ".llvm_addrsig", ".symtab");
      assertThat(elf.sections()).extracting(Section::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void readsTheCode() {
      Section text = elf.section(".text").orElseThrow();
      assertThat(text.size()).isEqualTo(0x14);
      assertThat(text.alignment()).isEqualTo(16);
      assertThat(text.type()).isEqualTo(Section.SHT_PROGBITS);
      assertThat(text.isAllocated()).isTrue();
      assertThat(text.isExecutable()).isTrue();
      assertThat(text.isWritable()).isFalse();
      // movabsq $_JIT_OPERAND, %rax; addq %rax, (%r12); jmpq *_JIT_CONTINUE@GOTPCREL(%rip)
      assertThat(text.contents())
          .isEqualTo(hex("48b8 0000000000000000 49010424 ff25 00000000"));
      assertThat(elf.textSections()).containsExactly(text);
      assertThat(elf.dataSections()).isEmpty();
    }

    @Test
    void readsTheSymbols() {
      assertThat(elf.symbols())
          .extracting(
              Symbol::index, Symbol::name, Symbol::value, Symbol::size, Symbol::type,
              Symbol::binding, Symbol::sectionIndex)
          .containsExactly(
              tuple(0, "", 0L, 0L, SymbolType.NOTYPE, SymbolBinding.LOCAL, Symbol.SHN_UNDEF),
              tuple(1, "stencil.c", 0L, 0L, SymbolType.FILE, SymbolBinding.LOCAL, Symbol.SHN_ABS),
              tuple(2, "stencil", 0L, 20L, SymbolType.FUNC, SymbolBinding.GLOBAL, 2),
              tuple(3, "_JIT_OPERAND", 0L, 0L, SymbolType.NOTYPE, SymbolBinding.GLOBAL, 0),
              tuple(4, "_JIT_CONTINUE", 0L, 0L, SymbolType.NOTYPE, SymbolBinding.GLOBAL, 0));

      Symbol stencil = elf.symbol("stencil").orElseThrow();
      assertThat(stencil.isDefinedInSection()).isTrue();
      assertThat(elf.sectionOf(stencil)).map(Section::name).contains(".text");
      assertThat(elf.symbol("_JIT_OPERAND").orElseThrow().isUndefined()).isTrue();
      assertThat(elf.symbol("_JIT_CONTINUE").orElseThrow().isUndefined()).isTrue();
      assertThat(elf.sectionOf(elf.symbol("_JIT_CONTINUE").orElseThrow())).isEmpty();
      assertThat(elf.symbol("stencil.c").orElseThrow().isAbsolute()).isTrue();
      assertThat(elf.symbol("missing")).isEmpty();
    }

    @Test
    void mapsRelocationsToTheSectionTheyPatch() {
      Section text = elf.section(".text").orElseThrow();
      // The external data address is a 64-bit absolute immediate (movabs); the musttail call
      // becomes an indirect jump through the GOT, because of -fno-plt.
      assertThat(text.relocations())
          .extracting(
              Relocation::offset,
              r -> r.symbol().name(),
              r -> elf.machine().relocationType(r.type()),
              Relocation::addend)
          .containsExactly(
              tuple(0x2L, "_JIT_OPERAND", R_X86_64_64, 0L),
              tuple(0x10L, "_JIT_CONTINUE", R_X86_64_GOTPCRELX, -4L));
      assertThat(elf.section(".rela.text").orElseThrow().relocations()).isEmpty();
    }

    @Test
    void recordsTheCompiler() {
      String comment =
          new String(elf.section(".comment").orElseThrow().contents(), StandardCharsets.UTF_8);
      assertThat(comment).contains("clang version 19.1.7");
    }

    @Test
    void sectionContentsCannotBeChangedFromOutside() {
      Section text = elf.section(".text").orElseThrow();
      text.contents()[0] = 0;
      assertThat(text.contents()[0]).isEqualTo((byte) 0x48);
    }
  }

  @Nested
  class PlainClang {

    private final ElfObject elf = Fixtures.read(Fixtures.PLAIN_X86_64);

    @Test
    void putsAllDataInLargeSections() {
      assertThat(elf.sections())
          .extracting(Section::name)
          .containsExactly(
              "", ".strtab", ".text", ".rela.text", ".ldata", ".rela.ldata", ".lrodata",
              ".lrodata.str1.1", ".lbss", ".comment", ".note.GNU-stack", ".llvm_addrsig",
              ".symtab");
      assertThat(elf.dataSections())
          .extracting(Section::name, Section::size, Section::alignment, Section::isWritable)
          .containsExactly(
              tuple(".ldata", 0x18L, 8L, true),
              tuple(".lrodata", 0x18L, 16L, false),
              tuple(".lrodata.str1.1", 6L, 1L, false),
              tuple(".lbss", 8L, 8L, true));
      assertThat(elf.dataSections())
          .allSatisfy(s -> assertThat(s.flags() & Section.SHF_X86_64_LARGE).isNotZero());
    }

    @Test
    void readsDataBytes() {
      assertThat(elf.section(".ldata").orElseThrow().contents())
          .isEqualTo(hex("0700000000000000 0000000000000000 0000000000000000"));
      assertThat(elf.section(".lrodata").orElseThrow().contents())
          .isEqualTo(hex("0a00000000000000 1400000000000000 1e00000000000000"));
      Section strings = elf.section(".lrodata.str1.1").orElseThrow();
      assertThat(strings.contents()).isEqualTo("hello\0".getBytes(StandardCharsets.US_ASCII));
      assertThat(strings.flags() & (Section.SHF_MERGE | Section.SHF_STRINGS))
          .isEqualTo(Section.SHF_MERGE | Section.SHF_STRINGS);
      Section bss = elf.section(".lbss").orElseThrow();
      assertThat(bss.isNobits()).isTrue();
      assertThat(bss.contents()).isEmpty();
      assertThat(elf.section(".text").orElseThrow().size()).isEqualTo(0x88);
    }

    @Test
    void readsLocalCommonAndSectionSymbols() {
      Symbol tentative = elf.symbol("tentative").orElseThrow();
      assertThat(tentative.isCommon()).isTrue();
      assertThat(tentative.sectionIndex()).isEqualTo(Symbol.SHN_COMMON);
      assertThat(tentative.value()).as("alignment").isEqualTo(8);
      assertThat(tentative.size()).isEqualTo(8);
      assertThat(elf.sectionOf(tentative)).isEmpty();

      Symbol helper = elf.symbol("helper").orElseThrow();
      assertThat(helper.type()).isEqualTo(SymbolType.FUNC);
      assertThat(helper.binding()).isEqualTo(SymbolBinding.LOCAL);
      assertThat(helper.size()).isEqualTo(18);

      Symbol zeroed = elf.symbol("zeroed").orElseThrow();
      assertThat(elf.sectionOf(zeroed)).map(Section::name).contains(".lbss");

      assertThat(elf.symbols())
          .filteredOn(s -> s.type() == SymbolType.SECTION)
          .extracting(s -> elf.sections().get(s.sectionIndex()).name())
          .containsExactly(".text", ".lrodata.str1.1", ".lbss");
      assertThat(elf.symbols())
          .filteredOn(s -> s.binding() == SymbolBinding.GLOBAL && s.isDefinedInSection())
          .extracting(Symbol::name, Symbol::value, s -> elf.sectionOf(s).orElseThrow().name())
          .containsExactly(
              tuple("greeting", 0x20L, ".text"),
              tuple("plain", 0x30L, ".text"),
              tuple("counter", 0L, ".ldata"),
              tuple("table", 0L, ".lrodata"),
              tuple("value_pointer", 8L, ".ldata"),
              tuple("helper_pointer", 0x10L, ".ldata"));
    }

    @Test
    void refusesAmbiguousNameLookups() {
      // The null symbol and the three section symbols all have empty names.
      assertThatThrownBy(() -> elf.symbol(""))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("4 symbols are named ''; look them up by index");
    }

    @Test
    void readsCodeAndDataRelocations() {
      assertThat(elf.section(".text").orElseThrow().relocations())
          .extracting(
              Relocation::offset, r -> target(elf, r), r -> elf.machine().relocationType(r.type()),
              Relocation::addend)
          .containsExactly(
              tuple(0x06L, ".lbss", R_X86_64_64, 0L),
              tuple(0x22L, ".lrodata.str1.1", R_X86_64_64, 0L),
              tuple(0x32L, ".lbss", R_X86_64_64, 0L),
              tuple(0x45L, "counter", R_X86_64_64, 0L),
              tuple(0x52L, "tentative", R_X86_64_64, 0L),
              tuple(0x62L, "table", R_X86_64_64, 0L),
              tuple(0x77L, "external_value", R_X86_64_64, 0L),
              tuple(0x84L, "external_function", R_X86_64_GOTPCRELX, -4L));
      assertThat(elf.section(".ldata").orElseThrow().relocations())
          .extracting(
              Relocation::offset, r -> target(elf, r), r -> elf.machine().relocationType(r.type()),
              Relocation::addend)
          .containsExactly(
              tuple(0x08L, "external_value", R_X86_64_64, 0L),
              tuple(0x10L, ".text", R_X86_64_64, 0L));
    }
  }

  /** gcc writes a separate .shstrtab, empty .data/.bss and SHN_X86_64_LCOMMON, unlike clang. */
  @Nested
  class PlainGcc {

    private final ElfObject elf = Fixtures.read(Fixtures.PLAIN_X86_64_GCC);

    @Test
    void readsNamesFromASeparateSectionNameTable() {
      assertThat(elf.sections())
          .extracting(Section::name)
          .containsExactly(
              "", ".text", ".rela.text", ".data", ".bss", ".lrodata", ".ldata", ".rela.ldata",
              ".lbss", ".comment", ".note.GNU-stack", ".symtab", ".strtab", ".shstrtab");
      assertThat(elf.section(".data").orElseThrow().size()).isZero();
      assertThat(elf.section(".bss").orElseThrow().isNobits()).isTrue();
      assertThat(elf.section(".lrodata").orElseThrow().size()).isEqualTo(0x28);
      assertThat(elf.section(".text").orElseThrow().size()).isEqualTo(0x82);
    }

    @Test
    void readsLargeCommonSymbols() {
      Symbol tentative = elf.symbol("tentative").orElseThrow();
      assertThat(tentative.sectionIndex()).isEqualTo(Symbol.SHN_X86_64_LCOMMON);
      assertThat(tentative.isCommon()).isTrue();
      assertThat(tentative.isDefinedInSection()).isFalse();
      assertThat(elf.symbol("_GLOBAL_OFFSET_TABLE_").orElseThrow().isUndefined()).isTrue();
      assertThat(elf.symbols()).hasSize(17);
    }

    @Test
    void readsTheSameKindsOfRelocationsAsClang() {
      assertThat(elf.section(".text").orElseThrow().relocations())
          .extracting(
              Relocation::offset, r -> target(elf, r), r -> elf.machine().relocationType(r.type()),
              Relocation::addend)
          .containsExactly(
              tuple(0x02L, ".lbss", R_X86_64_64, 0L),
              tuple(0x22L, ".lrodata", R_X86_64_64, 0L),
              tuple(0x32L, ".lbss", R_X86_64_64, 0L),
              tuple(0x48L, "counter", R_X86_64_64, 0L),
              tuple(0x52L, "tentative", R_X86_64_64, 0L),
              tuple(0x5cL, "table", R_X86_64_64, 0L),
              tuple(0x6eL, "external_value", R_X86_64_64, 0L),
              tuple(0x7eL, "external_function", R_X86_64_GOTPCRELX, -4L));
      assertThat(elf.section(".ldata").orElseThrow().relocations()).hasSize(2);
      String comment =
          new String(elf.section(".comment").orElseThrow().contents(), StandardCharsets.UTF_8);
      assertThat(comment).contains("GCC: (Debian 12.2.0");
    }
  }

  @Test
  void failsToNameARelocationTypeItDoesNotKnow() {
    byte[] bytes = Fixtures.bytes(Fixtures.STENCIL_X86_64);
    // r_info of the first .rela.text entry: symbol 3, type 39 (reserved in the psABI).
    int firstEntry = Fixtures.sectionOffset(bytes, 3);
    Fixtures.putLong(bytes, firstEntry + 8, (3L << 32) | 39);
    ElfObject elf = ElfReader.read(bytes);

    Relocation relocation = elf.section(".text").orElseThrow().relocations().get(0);
    assertThat(relocation.type()).isEqualTo(39);
    assertThatThrownBy(() -> elf.machine().relocationType(relocation.type()))
        .isInstanceOf(ElfFormatException.class)
        .hasMessage("unknown x86-64 relocation type 39");
  }

  /** The patched symbol's name, or for a section symbol, its section's name. */
  static String target(ElfObject elf, Relocation relocation) {
    Symbol symbol = relocation.symbol();
    return symbol.type() == SymbolType.SECTION
        ? elf.sectionOf(symbol).orElseThrow().name()
        : symbol.name();
  }

  static byte[] hex(String spaced) {
    return HexFormat.of().parseHex(spaced.replace(" ", ""));
  }
}
