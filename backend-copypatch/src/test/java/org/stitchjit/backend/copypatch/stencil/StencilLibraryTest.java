package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.backend.copypatch.stencil.X86_64Decoder.Instruction;
import org.stitchjit.platforms.Platform;

/** The committed x86-64 Linux library: it loads, and each stencil has the holes it should. */
class StencilLibraryTest {

  static final Platform X86_64_LINUX = Platform.detect("Linux", "amd64");

  private final StencilLibrary library = StencilLibrary.load(X86_64_LINUX);

  @Test
  void loadsTheCommittedLibrary() {
    assertThat(library.platform()).isEqualTo("x86_64-linux");
    assertThat(library.compiler()).contains("clang version 19");
    assertThat(library.flags())
        .contains("-fno-plt", "-mcmodel=medium", "-mlarge-data-threshold=0", "-fno-pic");
    // One stencil per template file: the templates are the single source of the set.
    assertThat(library.stencils().keySet()).isEqualTo(templateNames());
    assertThat(library.stencils().keySet())
        .contains("_EXIT_STUB", "_ESCAPE_STUB", "stitch_enter", "_LOAD_FAST", "_SET_IP");
  }

  @Test
  void everyUopStencilIsNamedAfterAUopOrTheTwoItPerforms() {
    for (String name : library.stencils().keySet()) {
      if (List.of(StencilParser.EXIT_STUB, StencilParser.ESCAPE_STUB,
          StencilParser.ENTRY_TRAMPOLINE, StencilParser.EXIT_BOX_CHECK,
          StencilParser.EXIT_BOX_LOCAL, StencilParser.EXIT_CLEAR_LOCAL, StencilParser.EXIT_BOX_SLOT,
          StencilParser.EXIT_BOX_OUTER_SLOT, StencilParser.EXIT_BOX_ATTR_SLOT).contains(name)) {
        continue;
      }
      // A superinstruction: _FIRST__SECOND performs _FIRST, then _SECOND.
      int pair = name.indexOf("__");
      if (pair > 0) {
        assertThat(Uop.lookup(name.substring(0, pair))).as(name).isPresent();
        assertThat(Uop.lookup(name.substring(pair + 1))).as(name).isPresent();
      } else {
        assertThat(Uop.lookup(name)).as(name).isPresent();
      }
    }
  }

  @Test
  void loadFastHasAnOpargAndATrailingContinue() {
    Stencil s = library.get("_LOAD_FAST");
    assertThat(s.holes()).hasSize(2);
    Hole oparg = s.holes().get(0);
    assertThat(oparg.kind()).isEqualTo(HoleKind.OPARG);
    assertThat(oparg.encoding()).isEqualTo(HoleEncoding.ABS64);
    assertThat(oparg.addend()).isZero();
    assertThat(s.code()[oparg.offset() - 2] & 0xFF).isEqualTo(0x48); // movabs: REX.W B8+r
    assertThat(s.code()[oparg.offset() - 1] & 0xF8).isEqualTo(0xB8);

    Hole cont = s.holes().get(1);
    assertThat(cont.kind()).isEqualTo(HoleKind.CONTINUE);
    assertThat(cont.encoding()).isEqualTo(HoleEncoding.REL32);
    assertThat(cont.addend()).isEqualTo(-4);
    assertThat(cont.offset()).isEqualTo(s.size() - 5); // E9 [hole] 90
    assertThat(s.endsWithContinue()).isTrue();
    assertThat(s.tailContinueOffset()).isEqualTo(s.size() - 6);
    assertThat(s.code()[s.size() - 6] & 0xFF).isEqualTo(0xE9);
    assertThat(s.code()[s.size() - 1] & 0xFF).isEqualTo(0x90);
  }

  @Test
  void holesOfEachStencil() {
    assertThat(kinds("_NOP")).containsExactly(HoleKind.CONTINUE);
    assertThat(kinds("_POP_TOP")).containsExactly(HoleKind.CONTINUE);
    assertThat(kinds("_LOAD_FAST")).containsExactly(HoleKind.OPARG, HoleKind.CONTINUE);
    assertThat(kinds("_STORE_FAST")).containsExactly(HoleKind.OPARG, HoleKind.CONTINUE);
    assertThat(kinds("_LOAD_CONST_INLINE")).containsExactly(HoleKind.OPERAND, HoleKind.CONTINUE);
    assertThat(kinds("_GUARD_BOTH_INT")).containsExactlyInAnyOrder(HoleKind.EXIT, HoleKind.CONTINUE);
    assertThat(kinds("_BINARY_OP_ADD_INT"))
        .containsExactlyInAnyOrder(HoleKind.EXIT, HoleKind.CONTINUE);
    assertThat(kinds("_JUMP_TO_TOP")).containsExactly(HoleKind.JUMP_TARGET);
    assertThat(kinds("_EXIT_TRACE")).containsExactly(HoleKind.EXIT);
    assertThat(kinds("_EXIT_STUB"))
        .containsExactlyInAnyOrder(HoleKind.OPARG, HoleKind.OPERAND);
    assertThat(library.get("_COMPARE_OP_INT").holes().stream().map(Hole::symbol))
        .containsExactlyInAnyOrder(
            "_JIT_OPARG", "_JIT_CONST_TRUE", "_JIT_CONST_FALSE", "_JIT_CONTINUE");
    assertThat(library.get("stitch_enter").holes()).isEmpty();
    assertThat(kinds("_ESCAPE_STUB")).containsExactly(HoleKind.OPARG);

    for (String name : List.of("_NOP", "_POP_TOP", "_STORE_FAST", "_LOAD_CONST_INLINE",
        "_BINARY_OP_ADD_INT")) {
      assertThat(library.get(name).endsWithContinue()).as(name).isTrue();
    }
    for (String name : List.of("_GUARD_BOTH_INT", "_JUMP_TO_TOP", "_EXIT_TRACE", "_EXIT_STUB",
        "stitch_enter")) {
      assertThat(library.get(name).endsWithContinue()).as(name).isFalse();
    }
    assertThat(library.get("_NOP").sizeWithoutTailJump()).isZero();
    // _JUMP_TO_TOP lands where _LOOP_HEAD is: on the loop body, with nothing in between.
    assertThat(library.get("_LOOP_HEAD").sizeWithoutTailJump()).isZero();
  }

  @Test
  void controlHolesAreRel32OfJumps() {
    for (Stencil s : library.stencils().values()) {
      byte[] code = s.code();
      for (Hole hole : s.holes()) {
        if (!hole.kind().isControl()) {
          assertThat(hole.encoding()).isEqualTo(HoleEncoding.ABS64);
          continue;
        }
        int op = code[hole.offset() - 1] & 0xFF;
        boolean jmp = op == 0xE9;
        boolean jcc = (op & 0xF0) == 0x80 && (code[hole.offset() - 2] & 0xFF) == 0x0F;
        assertThat(jmp || jcc)
            .as(s.name() + " " + hole)
            .isTrue();
      }
    }
  }

  @Test
  void onlyTheStubsTheTrampolineAndTheLeavingUopsReturn() {
    for (Stencil s : library.stencils().values()) {
      boolean returns =
          X86_64Decoder.decode(s.code()).stream().anyMatch(Instruction::isReturn);
      assertThat(returns)
          .as(s.name())
          .isEqualTo(s.name().equals("_EXIT_STUB") || s.name().equals("_ESCAPE_STUB")
              || StencilParser.LEAVING_UOPS.contains(s.name())
              || s.name().equals("stitch_enter"));
    }
  }

  /**
   * The trampoline calls a preserve_none function, which may clobber every register but rsp
   * and rbp, so clang must save all six callee-saved registers of the C ABI around it.
   */
  @Test
  void trampolineSavesEveryCalleeSavedRegister() {
    byte[] code = library.entryTrampoline().code();
    Set<String> pushed = new TreeSet<>();
    Set<String> popped = new TreeSet<>();
    for (Instruction insn : X86_64Decoder.decode(code)) {
      if (insn.map() == 0 && insn.opcode() >= 0x50 && insn.opcode() <= 0x5F) {
        boolean rexB = insn.prefixes() == 1 && (code[insn.offset()] & 0x01) != 0;
        String reg = register((insn.opcode() & 7) + (rexB ? 8 : 0));
        (insn.opcode() < 0x58 ? pushed : popped).add(reg);
      }
    }
    Set<String> calleeSaved = Set.of("rbx", "rbp", "r12", "r13", "r14", "r15");
    assertThat(pushed).containsAll(calleeSaved);
    assertThat(popped).containsAll(calleeSaved);
  }

  private static String register(int n) {
    return new String[] {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9",
        "r10", "r11", "r12", "r13", "r14", "r15"}[n];
  }

  /** Offsets come from the generated stitch_layout.h, not from copies in stitch_stencil.h. */
  @Test
  void templatesUseTheGeneratedLayoutHeader() throws IOException {
    String header = Files.readString(Path.of("src/main/c/stitch_stencil.h"));
    assertThat(header).contains("#include \"stitch_layout.h\"");
    assertThat(header).doesNotContainPattern("#define STITCH_(FRAME|THREAD_STATE|TAG)_");
  }

  /**
   * The committed stencils were compiled against today's Layout: _LOAD_FAST and _STORE_FAST
   * address local i as frame + LOCALSPLUS + 8 * i (a disp8 of LOCALSPLUS), so a layout change
   * without a rebuild fails here even where clang is missing.
   */
  @Test
  void stencilsAddressLocalsAtLayoutOffsets() {
    for (String name : List.of("_LOAD_FAST", "_STORE_FAST")) {
      byte[] code = library.get(name).code();
      boolean found = X86_64Decoder.decode(code).stream()
          .anyMatch(i -> i.dispSize() == 1 && code[i.dispOffset()] == Layout.Frame.LOCALSPLUS);
      assertThat(found).as(name + " uses disp8 " + Layout.Frame.LOCALSPLUS).isTrue();
    }
  }

  @Test
  void formatRoundTrips() {
    String text = library.format();
    StencilLibrary again = StencilLibrary.parse(text);
    assertThat(again.stencils()).isEqualTo(library.stencils());
    assertThat(again.format()).isEqualTo(text);
  }

  @Test
  void noLibraryForOtherPlatforms() {
    assertThatThrownBy(() -> StencilLibrary.load(Platform.detect("Mac OS X", "aarch64")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("aarch64-macos");
  }

  @Test
  void rejectsMalformedLibraries() {
    String good = library.format();
    assertThatThrownBy(() -> StencilLibrary.parse(good.replace("stitch-stencils 1", "stitch-stencils 2")))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("format version 2");
    assertThatThrownBy(() -> StencilLibrary.parse(good.substring(0, good.length() - 5)))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("ends before");
    assertThatThrownBy(
            () -> StencilLibrary.parse(good.replace("hole 2 _JIT_OPARG", "hole 2 _JIT_NOPE")))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("_JIT_NOPE");
    assertThatThrownBy(() -> StencilLibrary.parse(good.replace("code 0000 48 b8", "code 0000 48 -8")))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("bad byte");
    assertThatThrownBy(
            () -> StencilLibrary.parse(good.replace("stencil _NOP 6", "stencil _NOP 7")))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("expected 7");
    assertThatThrownBy(
            () -> StencilLibrary.parse(good.replace("tail-continue 0", "tail-continue 1")))
        .isInstanceOf(StencilFormatException.class)
        .hasMessageContaining("_JIT_CONTINUE");
  }

  @Test
  void patchesHoles() {
    Stencil s = library.get("_LOAD_FAST");
    byte[] buffer = new byte[s.size() + 8];
    long address = 0x7f00_0000_1000L;
    long next = address + 0x200;
    int copied =
        s.copyTo(buffer, 8, address, false,
            h -> h.kind() == HoleKind.OPARG ? 0x1122_3344_5566_7788L : next);
    assertThat(copied).isEqualTo(s.size());
    Hole oparg = s.holes(HoleKind.OPARG).get(0);
    assertThat(le64(buffer, 8 + oparg.offset())).isEqualTo(0x1122_3344_5566_7788L);
    Hole cont = s.holes(HoleKind.CONTINUE).get(0);
    long jmpEnd = address + cont.offset() + 4;
    assertThat((long) X86_64Decoder.le32(buffer, 8 + cont.offset())).isEqualTo(next - jmpEnd);

    assertThat(s.copyTo(buffer, 0, address, true, h -> 0)).isEqualTo(s.tailContinueOffset());
    assertThatThrownBy(() -> cont.patch(buffer, 0, address, address + (1L << 32)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rel32");
  }

  /** The template files' names (src/main/c/templates/NAME.c). */
  static Set<String> templateNames() {
    try (var files = Files.list(Path.of("src/main/c/templates"))) {
      Set<String> names = new TreeSet<>();
      files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".c"))
          .forEach(f -> names.add(f.substring(0, f.length() - 2)));
      return names;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private List<HoleKind> kinds(String name) {
    List<HoleKind> kinds = library.get(name).holes().stream().map(Hole::kind).toList();
    assertThat(EnumSet.copyOf(kinds)).hasSameSizeAs(kinds); // one hole per kind, here
    return kinds;
  }

  private static long le64(byte[] b, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (b[at + i] & 0xFF);
    }
    return v;
  }
}
