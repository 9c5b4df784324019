package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.backend.copypatch.elf.ElfObject;
import org.stitchjit.backend.copypatch.elf.Machine;
import org.stitchjit.backend.copypatch.elf.Relocation;
import org.stitchjit.backend.copypatch.elf.Section;
import org.stitchjit.backend.copypatch.elf.Symbol;
import org.stitchjit.backend.copypatch.elf.SymbolBinding;
import org.stitchjit.backend.copypatch.elf.SymbolType;
import org.stitchjit.backend.copypatch.elf.X86_64Relocation;

/** The parse stage on hand-made objects: what it relaxes, and everything it rejects. */
class StencilParserTest {

  /** A relocatable x86-64 object with one function filling .text, built by hand. */
  static final class Obj {
    private final byte[] text;
    private String function = "_JIT_ENTRY";
    private final List<Symbol> symbols = new ArrayList<>();
    private final Map<String, Symbol> undefined = new HashMap<>();
    private final List<Relocation> relocations = new ArrayList<>();
    private final List<Section> extraSections = new ArrayList<>();
    private final List<Symbol> extraSymbols = new ArrayList<>();

    Obj(int... bytes) {
      text = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        text[i] = (byte) bytes[i];
      }
    }

    Obj function(String name) {
      function = name;
      return this;
    }

    Obj reloc(int offset, String symbol, X86_64Relocation type, long addend) {
      Symbol s =
          undefined.computeIfAbsent(
              symbol,
              n -> new Symbol(100 + undefined.size(), n, 0, 0, SymbolType.NOTYPE,
                  SymbolBinding.GLOBAL, Symbol.SHN_UNDEF));
      relocations.add(new Relocation(offset, s, type.code(), addend));
      return this;
    }

    /** A relocation against .text's own section symbol, as a local jump table would have. */
    Obj relocToSection(int offset, X86_64Relocation type) {
      Symbol s = new Symbol(99, "", 0, 0, SymbolType.SECTION, SymbolBinding.LOCAL, 1);
      relocations.add(new Relocation(offset, s, type.code(), 0));
      return this;
    }

    Obj data(String name, int size, String symbol) {
      int index = 2 + extraSections.size();
      extraSections.add(
          new Section(index, name, Section.SHT_PROGBITS,
              Section.SHF_ALLOC | Section.SHF_X86_64_LARGE, 1, size, new byte[size], List.of()));
      if (symbol != null) {
        extraSymbols.add(
            new Symbol(50, symbol, 0, size, SymbolType.OBJECT, SymbolBinding.LOCAL, index));
      }
      return this;
    }

    Obj secondFunction(String name, int at) {
      extraSymbols.add(
          new Symbol(60, name, at, text.length - at, SymbolType.FUNC, SymbolBinding.LOCAL, 1));
      return this;
    }

    ElfObject build() {
      List<Section> sections = new ArrayList<>();
      sections.add(new Section(0, "", Section.SHT_NULL, 0, 0, 0, new byte[0], List.of()));
      sections.add(
          new Section(1, ".text", Section.SHT_PROGBITS, Section.SHF_ALLOC | Section.SHF_EXECINSTR,
              16, text.length, text, relocations));
      sections.addAll(extraSections);
      symbols.clear();
      symbols.add(new Symbol(0, "", 0, 0, SymbolType.NOTYPE, SymbolBinding.LOCAL, 0));
      symbols.add(
          new Symbol(1, function, 0, text.length, SymbolType.FUNC, SymbolBinding.GLOBAL, 1));
      symbols.addAll(extraSymbols);
      symbols.addAll(undefined.values());
      return new ElfObject(Machine.X86_64, sections, symbols);
    }

    Stencil parse(String name) {
      return StencilParser.parse(name, build());
    }
  }

  // jmp *_JIT_CONTINUE@GOTPCREL(%rip)
  private static Obj tailJump(int... before) {
    int[] bytes = new int[before.length + 6];
    System.arraycopy(before, 0, bytes, 0, before.length);
    bytes[before.length] = 0xFF;
    bytes[before.length + 1] = 0x25;
    return new Obj(bytes)
        .reloc(before.length + 2, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
  }

  @Test
  void relaxesGotJumpsIntoJmpRel32AndNop() {
    // addq $-8, %r13; jmp *_JIT_CONTINUE@GOTPCREL(%rip)
    Stencil s = tailJump(0x49, 0x83, 0xC5, 0xF8).parse("_POP_TOP");
    assertThat(s.code())
        .containsExactly(0x49, 0x83, 0xC5, 0xF8, 0xE9, 0, 0, 0, 0, 0x90);
    assertThat(s.holes())
        .containsExactly(new Hole(5, "_JIT_CONTINUE", HoleEncoding.REL32, -4));
    assertThat(s.tailContinueOffset()).isEqualTo(4);
  }

  @Test
  void theTrampolineCallsItsArgument() {
    // call *%rcx; ret
    Stencil s = new Obj(0xFF, 0xD1, 0xC3).function("stitch_enter").parse("stitch_enter");
    assertThat(s.holes()).isEmpty();
    assertThat(s.endsWithContinue()).isFalse();
  }

  @Test
  void rejectsACallOfAControlHole() {
    // call *_JIT_CONTINUE@GOTPCREL(%rip); ret: stencils reach control holes by tail jumps only
    assertThatThrownBy(
            () ->
                new Obj(0xFF, 0x15, 0, 0, 0, 0, 0xC3)
                    .function("stitch_enter")
                    .reloc(2, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4)
                    .parse("stitch_enter"))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("a call of a control hole");
  }

  @Test
  void takesDataHolesFromMovabs() {
    // movabs $_JIT_OPERAND+8, %rax; then the tail jump
    Obj obj = tailJump(0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0)
        .reloc(2, "_JIT_OPERAND", X86_64Relocation.R_X86_64_64, 8)
        .reloc(2 + 0, "_JIT_OPERAND", X86_64Relocation.R_X86_64_64, 8);
    // (two relocations at one place overlap)
    assertThatThrownBy(() -> obj.parse("_X")).hasMessageContaining("overlaps");

    Stencil s = tailJump(0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0)
        .reloc(2, "_JIT_HELPER_ALLOC", X86_64Relocation.R_X86_64_64, 8)
        .parse("_X");
    assertThat(s.holes().get(0)).isEqualTo(new Hole(2, "_JIT_HELPER_ALLOC", HoleEncoding.ABS64, 8));
    assertThat(s.holes().get(0).kind()).isEqualTo(HoleKind.HELPER);
  }

  @Test
  void acceptsDirectBranchesAsClangEmitsThemWithoutNoPlt() {
    // test %al,%al; jne _JIT_CONTINUE; jmp _JIT_EXIT
    Stencil s =
        new Obj(0x84, 0xC0, 0x0F, 0x85, 0, 0, 0, 0, 0xE9, 0, 0, 0, 0)
            .reloc(4, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_PLT32, -4)
            .reloc(9, "_JIT_EXIT", X86_64Relocation.R_X86_64_PLT32, -4)
            .parse("_GUARD");
    assertThat(s.holes())
        .containsExactly(
            new Hole(4, "_JIT_CONTINUE", HoleEncoding.REL32, -4),
            new Hole(9, "_JIT_EXIT", HoleEncoding.REL32, -4));
    assertThat(s.endsWithContinue()).isFalse();
  }

  @Test
  void rejectsReturnsInUopStencils() {
    Obj ret = new Obj(0x49, 0x89, 0x06, 0xC3);
    assertThatThrownBy(() -> ret.parse("_LOAD_FAST"))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _LOAD_FAST")
        .hasMessageContaining("offset 3")
        .hasMessageContaining("ret");
    assertThat(new Obj(0x49, 0x89, 0x06, 0xC3).parse("_EXIT_STUB").holes()).isEmpty();
  }

  @Test
  void rejectsCallsOfControlHolesOutsideTheTrampoline() {
    Obj call = new Obj(0xFF, 0x15, 0, 0, 0, 0, 0xFF, 0x25, 0, 0, 0, 0)
        .reloc(2, "_JIT_EXIT", X86_64Relocation.R_X86_64_GOTPCRELX, -4)
        .reloc(8, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> call.parse("_GUARD"))
        .hasMessageContaining("template _GUARD")
        .hasMessageContaining("offset 2")
        .hasMessageContaining("R_X86_64_GOTPCRELX against _JIT_EXIT")
        .hasMessageContaining("tail jumps");
  }

  @Test
  void rejectsDataSections() {
    Obj data = tailJump().data(".lrodata.str1.1", 6, ".L.str");
    assertThatThrownBy(() -> data.parse("_PRINT"))
        .hasMessageContaining("template _PRINT")
        .hasMessageContaining(".lrodata.str1.1")
        .hasMessageContaining("6 bytes");
  }

  @Test
  void rejectsUnknownSymbolsAndDefinedTargets() {
    Obj unknown = new Obj(0xFF, 0x25, 0, 0, 0, 0)
        .reloc(2, "memcpy", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> unknown.parse("_COPY"))
        .hasMessageContaining("R_X86_64_GOTPCRELX against memcpy")
        .hasMessageContaining("unknown external symbol");

    Obj local = new Obj(0x48, 0xB8, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0x25, 0, 0, 0, 0)
        .relocToSection(2, X86_64Relocation.R_X86_64_64)
        .reloc(12, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> local.parse("_TABLE"))
        .hasMessageContaining("offset 2")
        .hasMessageContaining("R_X86_64_64 against section symbol")
        .hasMessageContaining("defined in the object");
  }

  @Test
  void rejectsOtherRelocationTypes() {
    // movq $_JIT_OPARG, %rax with a 32-bit sign-extended immediate (no large data model)
    Obj small = new Obj(0x48, 0xC7, 0xC0, 0, 0, 0, 0, 0xFF, 0x25, 0, 0, 0, 0)
        .reloc(3, "_JIT_OPARG", X86_64Relocation.R_X86_64_32S, 0)
        .reloc(9, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> small.parse("_LOAD_FAST"))
        .hasMessageContaining("offset 3")
        .hasMessageContaining("R_X86_64_32S against _JIT_OPARG")
        .hasMessageContaining("movabs");

    // movq _JIT_CONTINUE@GOTPCREL(%rip), %rax: an address load, not a jump
    Obj load = new Obj(0x48, 0x8B, 0x05, 0, 0, 0, 0, 0xFF, 0xE0)
        .reloc(3, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_REX_GOTPCRELX, -4);
    assertThatThrownBy(() -> load.parse("_X"))
        .hasMessageContaining("R_X86_64_REX_GOTPCRELX against _JIT_CONTINUE")
        .hasMessageContaining("unsupported relocation type");

    // a GOTPCRELX that is not jmp/call *sym(%rip)
    Obj mov = new Obj(0x8B, 0x05, 0, 0, 0, 0)
        .reloc(2, "_JIT_EXIT", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> mov.parse("_X"))
        .hasMessageContaining("jmp *sym@GOTPCREL(%rip)");

    // a data hole reached PC-relatively
    Obj pc = new Obj(0x48, 0x8D, 0x05, 0, 0, 0, 0, 0xFF, 0x25, 0, 0, 0, 0)
        .reloc(3, "_JIT_OPERAND", X86_64Relocation.R_X86_64_PC32, -4)
        .reloc(9, "_JIT_CONTINUE", X86_64Relocation.R_X86_64_GOTPCRELX, -4);
    assertThatThrownBy(() -> pc.parse("_X"))
        .hasMessageContaining("R_X86_64_PC32 against _JIT_OPERAND");
  }

  @Test
  void rejectsCodeThatDependsOnItsPlace() {
    // jmp *%rax
    assertThatThrownBy(() -> new Obj(0xFF, 0xE0).parse("_X"))
        .hasMessageContaining("indirect jump");
    // lea 0(%rip), %rax, then the tail jump
    assertThatThrownBy(() -> tailJump(0x48, 0x8D, 0x05, 0, 0, 0, 0).parse("_X"))
        .hasMessageContaining("offset 0")
        .hasMessageContaining("RIP-relative");
    // jmp .+0x20, out of the stencil
    assertThatThrownBy(() -> tailJump(0xEB, 0x20).parse("_X"))
        .hasMessageContaining("branch")
        .hasMessageContaining("offset 34");
    // a branch into the middle of an instruction
    assertThatThrownBy(() -> tailJump(0x74, 0x01).parse("_X"))
        .hasMessageContaining("not an instruction");
  }

  @Test
  void rejectsObjectsWithMoreThanTheOneFunction() {
    assertThatThrownBy(() -> tailJump(0x90, 0x90).secondFunction("helper", 1).parse("_X"))
        .hasMessageContaining("exactly one function")
        .hasMessageContaining("helper");
    assertThatThrownBy(() -> tailJump().function("stencil").parse("_X"))
        .hasMessageContaining("_JIT_ENTRY");
  }

  @Test
  void rejectsInstructionsItCannotDecode() {
    // vaddpd %ymm2, %ymm1, %ymm0 (VEX)
    assertThatThrownBy(() -> tailJump(0xC5, 0xF5, 0x58, 0xC2).parse("_AVX"))
        .isInstanceOf(StencilBuildException.class)
        .hasMessageContaining("template _AVX")
        .hasMessageContaining("VEX");
  }

  @Test
  void rejectsOtherMachines() throws IOException {
    byte[] aarch64;
    try (InputStream in = getClass().getResourceAsStream("/elf/stencil-aarch64.o")) {
      aarch64 = in.readAllBytes();
    }
    assertThatThrownBy(() -> StencilParser.parse("_X", aarch64))
        .hasMessageContaining("EM_AARCH64");
    assertThatThrownBy(() -> StencilParser.parse("_X", new byte[] {1, 2, 3}))
        .hasMessageContaining("unreadable object");
  }

  /** The reader's own fixture: a stencil in miniature, with the flags of decision 6. */
  @Test
  void parsesTheElfFixtureStencil() throws IOException {
    byte[] object;
    try (InputStream in = getClass().getResourceAsStream("/elf/stencil-x86_64.o")) {
      object = in.readAllBytes();
    }
    // Its function is called "stencil", not _JIT_ENTRY: the convention is enforced.
    assertThatThrownBy(() -> StencilParser.parse("_FIXTURE", object))
        .hasMessageContaining("_JIT_ENTRY")
        .hasMessageContaining("stencil at 0");
  }
}
