package org.stitchjit.backend.copypatch.stencil;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stitchjit.backend.copypatch.elf.ElfFormatException;
import org.stitchjit.backend.copypatch.elf.ElfObject;
import org.stitchjit.backend.copypatch.elf.Machine;
import org.stitchjit.backend.copypatch.elf.Relocation;
import org.stitchjit.backend.copypatch.elf.RelocationType;
import org.stitchjit.backend.copypatch.elf.Section;
import org.stitchjit.backend.copypatch.elf.Symbol;
import org.stitchjit.backend.copypatch.elf.SymbolType;
import org.stitchjit.backend.copypatch.elf.X86_64Relocation;
import org.stitchjit.backend.copypatch.stencil.X86_64Decoder.Instruction;

/**
 * The build's parse stage: turns one template's object ({@link ElfObject}) into a {@link
 * Stencil}.
 *
 * <p>What it accepts (the convention of {@code src/main/c/stitch_stencil.h}):
 *
 * <ul>
 *   <li>one non-empty {@code .text} holding exactly one function: {@code _JIT_ENTRY} for a uop
 *       or exit stub, {@code stitch_enter} for the entry trampoline; no non-empty data section
 *       ({@code .data}, {@code .rodata}, {@code .ldata}, {@code .eh_frame} ...)
 *   <li>relocations only against undefined hole symbols ({@link HoleKind}):
 *       <ul>
 *         <li>a data hole as {@code R_X86_64_64} in the imm64 of a {@code movabs}: an {@link
 *             HoleEncoding#ABS64} hole
 *         <li>a control hole as {@code R_X86_64_GOTPCRELX} (or {@code GOTPCREL}) in {@code jmp
 *             *sym@GOTPCREL(%rip)}, {@code FF 25 disp32} with addend -4: relaxed to {@code jmp
 *             rel32; nop}, {@code E9 disp32 90}, a {@link HoleEncoding#REL32} hole with addend
 *             -4 at the instruction's second byte
 *         <li>a control hole as {@code R_X86_64_PLT32} or {@code PC32} in the rel32 of a {@code
 *             jmp} or {@code jcc} (what clang emits without {@code -fno-plt}): a REL32 hole as it
 *             stands
 *       </ul>
 *   <li>code that returns ({@code ret}) only in {@code _EXIT_STUB}, {@code _ESCAPE_STUB}, {@code
 *       _RETURN_VALUE} and the trampoline; no direct calls in uop stencils; no indirect jumps
 *       (but the {@link #LEAVING_UOPS}' into the region where the frame they make current goes
 *       on) and no RIP-relative
 *       operands except the relaxed holes; no indirect calls except the trampoline's (it calls
 *       the uop to start at through its argument) and those of a stencil with a {@code
 *       _JIT_HELPER_} hole (it calls a C math library function through the address the hole
 *       loads); relative branches that land on an instruction of the stencil
 * </ul>
 *
 * Everything else fails with a {@link StencilBuildException} naming the template, the offset and
 * the relocation type.
 */
public final class StencilParser {

  /** The trampoline's template and function name. */
  public static final String ENTRY_TRAMPOLINE = "stitch_enter";

  /** The exit stub's template name; a uop-convention stencil that returns. */
  public static final String EXIT_STUB = "_EXIT_STUB";

  /** The escape stub's template name; another uop-convention stencil that returns. */
  public static final String ESCAPE_STUB = "_ESCAPE_STUB";

  /**
   * The stubs that box an exit's raw doubles before its exit stub (decision 7): uop-convention
   * stencils that are not uops.
   */
  public static final String EXIT_BOX_CHECK = "_EXIT_BOX_CHECK";
  public static final String EXIT_BOX_LOCAL = "_EXIT_BOX_LOCAL";
  public static final String EXIT_CLEAR_LOCAL = "_EXIT_CLEAR_LOCAL";
  public static final String EXIT_BOX_SLOT = "_EXIT_BOX_SLOT";
  public static final String EXIT_BOX_OUTER_SLOT = "_EXIT_BOX_OUTER_SLOT";
  public static final String EXIT_BOX_ATTR_SLOT = "_EXIT_BOX_ATTR_SLOT";

  /**
   * The one uop whose stencil returns (leaving the region with JIT_EXIT -1) after returning
   * from the frame, and the one with an indirect jump: into the caller's return-site region,
   * when the driver installed one.
   */
  public static final String RETURNING_UOP = "_RETURN_VALUE";

  /**
   * The uops whose stencils return, as the stubs do, leaving the region with JIT_EXIT -1 for
   * the driver to go on in the frame they made current: {@code _RETURN_VALUE}, and {@code
   * _FOR_ITER_GEN} and {@code _YIELD_GEN}, which switch between a generator's frame and its
   * caller's. They are also the ones with an indirect jump: into the region the driver
   * installed where that frame goes on (the code's resume entry for that unit).
   */
  public static final java.util.Set<String> LEAVING_UOPS =
      java.util.Set.of(RETURNING_UOP, "_FOR_ITER_GEN", "_YIELD_GEN");

  /** The function every other template defines (the {@code STENCIL} macro). */
  public static final String UOP_ENTRY_SYMBOL = "_JIT_ENTRY";

  private static final int JMP_REL32 = 0xE9;
  private static final int CALL_REL32 = 0xE8;
  private static final int NOP = 0x90;

  private StencilParser() {}

  /**
   * Parses the object compiled from template {@code name}.
   *
   * @throws StencilBuildException if the object is not a stencil this tool understands
   */
  public static Stencil parse(String name, ElfObject object) {
    return new Run(name, object).parse();
  }

  /** Parses the bytes of an object file. */
  public static Stencil parse(String name, byte[] objectFile) {
    ElfObject object;
    try {
      object = org.stitchjit.backend.copypatch.elf.ElfReader.read(objectFile);
    } catch (ElfFormatException e) {
      throw new StencilBuildException(name, "unreadable object: " + e.getMessage(), e);
    }
    return parse(name, object);
  }

  private static final class Run {
    private final String name;
    private final ElfObject object;
    private final boolean trampoline;

    Run(String name, ElfObject object) {
      this.name = name;
      this.object = object;
      this.trampoline = name.equals(ENTRY_TRAMPOLINE);
    }

    Stencil parse() {
      if (object.machine() != Machine.X86_64) {
        throw fail(
            "is an " + object.machine().elfName() + " object; only x86-64 stencils are built so"
                + " far");
      }
      Section text = text();
      checkNoData();
      checkFunction(text);

      byte[] code = text.contents();
      List<Instruction> instructions;
      try {
        instructions = X86_64Decoder.decode(code);
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage());
      }
      Map<Integer, Instruction> byStart = new HashMap<>();
      for (Instruction insn : instructions) {
        byStart.put(insn.offset(), insn);
      }

      List<Hole> holes = new ArrayList<>();
      // Instructions whose relocation made them a hole, by start offset, with the hole.
      Map<Integer, Hole> holeOf = new HashMap<>();
      for (Relocation relocation : text.relocations()) {
        Hole hole = hole(relocation, instructions, code);
        holes.add(hole);
        holeOf.put(containing(instructions, hole.offset()).offset(), hole);
      }
      checkInstructions(instructions, byStart, holeOf, code);

      int tail = -1;
      Instruction last = instructions.get(instructions.size() - 1);
      Hole lastHole = holeOf.get(last.offset());
      if (lastHole != null
          && lastHole.kind() == HoleKind.CONTINUE
          && (code[last.offset()] & 0xFF) == JMP_REL32) {
        tail = last.offset();
      }
      if (trampoline
          && (!holes.isEmpty() || instructions.stream().noneMatch(Instruction::isIndirectCall))) {
        throw fail("the trampoline must call its target argument (an indirect call) and have no"
            + " holes");
      }
      try {
        return new Stencil(name, code, holes, tail);
      } catch (IllegalArgumentException e) {
        throw fail(e.getMessage());
      }
    }

    private Section text() {
      List<Section> texts =
          object.textSections().stream().filter(s -> s.size() > 0).toList();
      if (texts.size() != 1 || !texts.get(0).name().equals(".text")) {
        throw fail(
            "expected the code in one .text section, found "
                + texts.stream().map(Section::name).toList()
                + " (no -ffunction-sections; no extra functions)");
      }
      return texts.get(0);
    }

    private void checkNoData() {
      for (Section data : object.dataSections()) {
        if (data.size() > 0) {
          List<String> symbols =
              object.symbols().stream()
                  .filter(s -> s.isDefinedInSection() && s.sectionIndex() == data.index())
                  .filter(s -> s.type() != SymbolType.SECTION)
                  .map(Symbol::name)
                  .toList();
          throw fail(
              "has data: section " + data.name() + " (" + data.size() + " bytes"
                  + (symbols.isEmpty() ? "" : ", symbols " + symbols)
                  + "); stencils carry code only: no string literals, static or const tables,"
                  + " or unwind tables");
        }
      }
    }

    private void checkFunction(Section text) {
      String expected = trampoline ? ENTRY_TRAMPOLINE : UOP_ENTRY_SYMBOL;
      List<Symbol> functions =
          object.symbols().stream()
              .filter(s -> s.isDefinedInSection() && s.sectionIndex() == text.index())
              .filter(s -> s.type() == SymbolType.FUNC || s.type() == SymbolType.NOTYPE)
              .filter(s -> !s.name().isEmpty())
              .toList();
      if (functions.size() != 1
          || !functions.get(0).name().equals(expected)
          || functions.get(0).value() != 0
          || functions.get(0).size() != text.size()) {
        throw fail(
            "expected exactly one function, " + expected + ", filling .text ("
                + text.size() + " bytes); found "
                + functions.stream()
                    .map(s -> s.name() + " at " + s.value() + " size " + s.size())
                    .toList());
      }
    }

    private Hole hole(Relocation relocation, List<Instruction> instructions, byte[] code) {
      long offset = relocation.offset();
      RelocationType type;
      try {
        type = object.machine().relocationType(relocation.type());
      } catch (ElfFormatException e) {
        throw StencilBuildException.at(name, offset, e.getMessage());
      }
      Symbol symbol = relocation.symbol();
      String what = type.name() + " against " + describe(symbol);
      if (!symbol.isUndefined()) {
        throw StencilBuildException.at(
            name, offset,
            what + ": refers to something defined in the object; stencils may refer only to"
                + " hole symbols (_JIT_OPARG, _JIT_OPERAND, _JIT_CONTINUE, _JIT_EXIT,"
                + " _JIT_JUMP_TARGET, _JIT_HELPER_*, _JIT_CONST_*)");
      }
      HoleKind kind =
          HoleKind.ofSymbol(symbol.name())
              .orElseThrow(
                  () ->
                      StencilBuildException.at(
                          name, offset, what + ": unknown external symbol, not a hole"));
      if (offset < 0 || offset >= code.length) {
        throw StencilBuildException.at(name, offset, what + ": outside the code");
      }
      Instruction insn = containing(instructions, (int) offset);
      int at = (int) offset;
      X86_64Relocation x = (X86_64Relocation) type;

      if (!kind.isControl()) {
        boolean movabs =
            insn.map() == 0
                && insn.opcode() >= 0xB8
                && insn.opcode() <= 0xBF
                && insn.immSize() == 8
                && insn.immOffset() == at;
        if (x != X86_64Relocation.R_X86_64_64 || !movabs) {
          throw StencilBuildException.at(
              name, offset,
              what + " in " + bytes(code, insn) + ": a data hole must be the 64-bit immediate"
                  + " of a movabs (R_X86_64_64), as -mcmodel=medium -mlarge-data-threshold=0"
                  + " gives");
        }
        return new Hole(at, symbol.name(), HoleEncoding.ABS64, relocation.addend());
      }

      switch (x) {
        case R_X86_64_GOTPCRELX:
        case R_X86_64_GOTPCREL: {
          int start = insn.offset();
          boolean jmp = insn.modrm() == 0x25;
          boolean call = insn.modrm() == 0x15;
          boolean form =
              insn.map() == 0
                  && insn.opcode() == 0xFF
                  && insn.prefixes() == 0
                  && (jmp || call)
                  && insn.length() == 6
                  && insn.dispOffset() == at
                  && relocation.addend() == -4;
          if (!form) {
            throw StencilBuildException.at(
                name, offset,
                what + " in " + bytes(code, insn) + ": a control hole through the GOT must be"
                    + " jmp *sym@GOTPCREL(%rip) (FF 25 disp32, addend -4)");
          }
          if (call) {
            checkCall(kind, at, what);
          }
          code[start] = (byte) (call ? CALL_REL32 : JMP_REL32);
          code[start + 1] = 0;
          code[start + 2] = 0;
          code[start + 3] = 0;
          code[start + 4] = 0;
          code[start + 5] = (byte) NOP;
          return new Hole(start + 1, symbol.name(), HoleEncoding.REL32, -4);
        }
        case R_X86_64_PLT32:
        case R_X86_64_PC32: {
          boolean branch = insn.isJumpRel32() || insn.isCallRel32();
          if (!branch
              || insn.immOffset() != at
              || insn.immSize() != 4
              || relocation.addend() != -4) {
            throw StencilBuildException.at(
                name, offset,
                what + " in " + bytes(code, insn) + ": a direct control hole must be the rel32 of"
                    + " a jmp or jcc, addend -4");
          }
          if (insn.isCallRel32()) {
            checkCall(kind, at, what);
          }
          for (int i = 0; i < 4; i++) {
            code[at + i] = 0;
          }
          return new Hole(at, symbol.name(), HoleEncoding.REL32, -4);
        }
        default:
          throw StencilBuildException.at(
              name, offset,
              what + " in " + bytes(code, insn) + ": unsupported relocation type for a control"
                  + " hole (expected R_X86_64_GOTPCRELX on jmp *sym@GOTPCREL(%rip))");
      }
    }

    /** Nothing calls a control hole: the trampoline calls its argument. */
    private void checkCall(HoleKind kind, int offset, String what) {
      throw StencilBuildException.at(
          name, offset,
          what + ": a call of a control hole " + kind + "; stencils reach _JIT_CONTINUE,"
              + " _JIT_EXIT, _JIT_ESCAPE and _JIT_JUMP_TARGET only by tail jumps (musttail)");
    }

    private void checkInstructions(
        List<Instruction> instructions,
        Map<Integer, Instruction> byStart,
        Map<Integer, Hole> holeOf,
        byte[] code) {
      Set<Integer> starts = new HashSet<>(byStart.keySet());
      // A stencil that loads a math library function's address (a _JIT_HELPER_ hole) calls it
      // through a register: the one indirect call a uop stencil may make.
      boolean callsHelper = holeOf.values().stream().anyMatch(h -> h.kind() == HoleKind.HELPER);
      for (Instruction insn : instructions) {
        boolean hole = holeOf.containsKey(insn.offset());
        String where = bytes(code, insn);
        if (insn.isReturn() && !trampoline && !name.equals(EXIT_STUB)
            && !name.equals(ESCAPE_STUB) && !LEAVING_UOPS.contains(name)) {
          throw StencilBuildException.at(
              name, insn.offset(),
              "ret (" + where + "): a uop stencil must leave only by tail jumps (musttail return"
                  + " of _JIT_CONTINUE, _JIT_EXIT, _JIT_ESCAPE or _JIT_JUMP_TARGET); only "
                  + EXIT_STUB + ", " + ESCAPE_STUB + ", " + LEAVING_UOPS + " and "
                  + ENTRY_TRAMPOLINE + " return");
        }
        // A leaving uop's one indirect jump goes to the region where the frame it made current
        // goes on, whose address the driver left in the code (Layout.Code.resumeEntry).
        boolean returnSiteJump = insn.isIndirectJump() && LEAVING_UOPS.contains(name);
        if (!hole && !returnSiteJump
            && (insn.isIndirectJump() || insn.isIndirectCall() && !trampoline && !callsHelper)) {
          throw StencilBuildException.at(
              name, insn.offset(),
              "indirect " + (insn.isIndirectJump() ? "jump" : "call") + " (" + where
                  + ") that is not a hole: jump tables and calls through pointers are not"
                  + " supported");
        }
        if (!hole && insn.isCallRel32()) {
          throw StencilBuildException.at(
              name, insn.offset(), "call (" + where + ") that is not a hole");
        }
        if (!hole && insn.ripRelative()) {
          throw StencilBuildException.at(
              name, insn.offset(),
              "RIP-relative operand (" + where + ") that is not a hole: the code would depend on"
                  + " where it is copied");
        }
        if (!hole && (insn.isJumpRel8() || insn.isJumpRel32())) {
          int target = insn.branchTarget(code);
          if (!starts.contains(target)) {
            throw StencilBuildException.at(
                name, insn.offset(),
                "branch (" + where + ") to offset " + target
                    + ", which is not an instruction of this stencil");
          }
        }
      }
    }

    private Instruction containing(List<Instruction> instructions, int offset) {
      for (Instruction insn : instructions) {
        if (offset >= insn.offset() && offset < insn.end()) {
          return insn;
        }
      }
      throw StencilBuildException.at(name, offset, "not within any instruction");
    }

    private StencilBuildException fail(String message) {
      return new StencilBuildException(name, message);
    }

    private static String describe(Symbol symbol) {
      if (symbol.index() == 0) {
        return "no symbol";
      }
      if (symbol.type() == SymbolType.SECTION) {
        return "section symbol " + symbol.index() + " (section " + symbol.sectionIndex() + ")";
      }
      return symbol.name();
    }

    private static String bytes(byte[] code, Instruction insn) {
      StringBuilder out = new StringBuilder();
      for (int i = insn.offset(); i < insn.end(); i++) {
        out.append(String.format("%02x", code[i] & 0xFF));
        if (i + 1 < insn.end()) {
          out.append(' ');
        }
      }
      return out.toString();
    }
  }
}
