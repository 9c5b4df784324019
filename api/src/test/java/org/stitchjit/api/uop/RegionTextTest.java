package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTextTest {
  private static final String LOOP = String.join("\n",
      "trace",
      "  _SET_IP 4",
      "  _LOAD_FAST 0",
      "  _LOAD_FAST 1",
      "  _GUARD_BOTH_INT exit=0",
      "  _BINARY_OP_ADD_INT exit=1",
      "  _STORE_FAST 0",
      "  _CHECK_PERIODIC exit=2",
      "  _JUMP_TO_TOP",
      "exit 0: code=0x7f00aa10 ip=4 depth=2 GUARD_FAILED",
      "exit 1: code=0x7f00aa10 ip=4 depth=2 SLOW_PATH",
      "exit 2: code=0x7f00aa10 ip=12 depth=0 SAFEPOINT",
      "");

  private static final String BLOCKS = String.join("\n",
      "blocks entry=0",
      "block 0 -> 1:",
      "  _LOAD_FAST 0",
      "  _GUARD_TYPE operand=0xffffffffffff0000 exit=0",
      "  _POP_JUMP_IF_FALSE block=2",
      "block 1:",
      "  _LOAD_CONST 1",
      "  _RETURN_VALUE",
      "block 2:",
      "  _EXIT_TRACE exit=1",
      "exit 0: code=0x3 ip=0 depth=1 GUARD_FAILED",
      "exit 1: code=0x3 ip=6 depth=0 BRANCH",
      "");

  @Test
  void traceRoundTrips() {
    Region r = RegionText.parse(LOOP);
    assertThat(r).isInstanceOf(Trace.class);
    Trace t = (Trace) r;
    assertThat(t.loops()).isTrue();
    assertThat(t.uops().get(1)).isEqualTo(UopInstr.of(Uop.LOAD_FAST, 0));
    assertThat(t.exits().get(2)).isEqualTo(new Exit(0x7f00aa10L, 12, 0, ExitReason.SAFEPOINT));
    assertThat(RegionText.format(t)).isEqualTo(LOOP);
    assertThat(t.toString()).isEqualTo(LOOP);
    assertThat(RegionText.parse(RegionText.format(t))).isEqualTo(t);
  }

  @Test
  void rawSlotsOfAnExitRoundTrip() {
    String text = String.join("\n",
        "trace",
        "  _LOAD_FAST 0",
        "  _LOAD_FAST 1",
        "  _BINARY_OP_MULTIPLY_FLOAT_RAW 4",
        "  _LOAD_FAST 2",
        "  _GUARD_TOS_FLOAT_OPERAND exit=0",
        "  _BINARY_OP_TRUE_DIVIDE_FLOAT_RAW 1 exit=0",
        "  _EXIT_TRACE exit=1",
        "exit 0: code=0x7 ip=4 depth=3 GUARD_FAILED raw=0,1",
        "exit 1: code=0x7 ip=6 depth=2 END_OF_REGION",
        "");
    Trace t = (Trace) RegionText.parse(text);
    assertThat(t.exits().get(0).rawSlots()).containsExactly(0, 1);
    assertThat(t.exits().get(1).rawSlots()).isEmpty();
    assertThat(RegionText.format(t)).isEqualTo(text);
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH raw=2"))
        .hasMessage("line 3: raw slots [2] at stack depth 2");
  }

  @Test
  void rawLocalsOfAnExitRoundTrip() {
    String text = String.join("\n",
        "trace",
        "  _LOAD_FAST 0",
        "  _LOAD_FAST 1",
        "  _BINARY_OP_MULTIPLY_FLOAT_RAW 4",
        "  _STORE_FAST 0",
        "  _CHECK_PERIODIC exit=0",
        "  _LOAD_FAST 0",
        "  _GUARD_IS_TRUE_POP exit=1",
        "  _EXIT_TRACE exit=2",
        "exit 0: code=0x7 ip=4 depth=0 SAFEPOINT rawlocals=0",
        "exit 1: code=0x7 ip=6 depth=1 GUARD_FAILED raw=0 rawlocals=0,3",
        "exit 2: code=0x7 ip=6 depth=0 END_OF_REGION",
        "");
    Trace t = (Trace) RegionText.parse(text);
    assertThat(t.exits().get(0).rawLocals()).containsExactly(0);
    assertThat(t.exits().get(1).rawSlots()).containsExactly(0);
    assertThat(t.exits().get(1).rawLocals()).containsExactly(0, 3);
    assertThat(t.exits().get(2).boxesOnLeaving()).isFalse();
    assertThat(RegionText.format(t)).isEqualTo(text);
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH rawlocals=-1"))
        .hasMessage("line 3: raw locals [-1]");
    String outer = "trace\n  _EXIT_TRACE exit=0\n"
        + "exit 0: code=0x1 ip=0 depth=2 BRANCH raw=1 rawlocals=0,2 outerraw=1,3 outer=2\n";
    Exit e = RegionText.parse(outer).exits().get(0);
    assertThat(e.outerSlots()).containsExactly(1, 3);
    assertThat(e.outerFrame()).isEqualTo(2);
    assertThat(RegionText.format(RegionText.parse(outer))).isEqualTo(outer);
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH outerraw=1"))
        .hasMessage("line 3: raw slots [1] of frame 0 below");
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH rawlocals=1 x=2"))
        .hasMessageContaining("line 3");
    // Raw attribute slots: slot, the local holding the instance, the attribute's slot word.
    String attr = "trace\n  _EXIT_TRACE exit=0\n"
        + "exit 0: code=0x1 ip=0 depth=3 BRANCH raw=0 rawattr=1:4:0x100000010,2:0:0x10\n";
    Exit a = RegionText.parse(attr).exits().get(0);
    assertThat(a.attrSlots()).containsExactly(new Exit.AttrSlot(1, 4, 0x100000010L),
        new Exit.AttrSlot(2, 0, 0x10));
    assertThat(a.boxesOnLeaving()).isTrue();
    assertThat(RegionText.format(RegionText.parse(attr))).isEqualTo(attr);
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH raw=1 rawattr=1:0:0x8"))
        .hasMessageContaining("line 3: attribute slot 1");
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=2 BRANCH rawattr=1:0"))
        .hasMessageContaining("line 3: expected rawattr=SLOT:LOCAL:0xWORD");
  }

  @Test
  void blockRegionRoundTrips() {
    BlockRegion r = (BlockRegion) RegionText.parse(BLOCKS);
    assertThat(r.block(0).fallThrough()).hasValue(1);
    assertThat(r.block(0).successors()).containsExactly(1, 2);
    assertThat(r.block(0).uops().get(1).operand()).isEqualTo(0xffffffffffff0000L);
    assertThat(RegionText.format(r)).isEqualTo(BLOCKS);
    assertThat(RegionText.parse(r.toString())).isEqualTo(r);
  }

  @Test
  void everyUopRoundTripsWithAllItsImmediates() {
    for (Uop u : Uop.values()) {
      UopInstr in = new UopInstr(u, u.has(OperandKind.OPARG) ? -3 : 0,
          u.has(OperandKind.OPERAND) ? Long.MIN_VALUE + 1 : 0, u.hasTarget() ? 9 : 0);
      String line = RegionText.format(in);
      assertThat(RegionText.parseUops(line)).as(line).containsExactly(in);
    }
  }

  @Test
  void singleLinesReadAsInTheDesign() {
    assertThat(RegionText.format(UopInstr.of(Uop.GUARD_BOTH_INT).withTarget(0)))
        .isEqualTo("_GUARD_BOTH_INT exit=0");
    assertThat(RegionText.format(UopInstr.of(Uop.LOAD_FAST, 3))).isEqualTo("_LOAD_FAST 3");
    assertThat(RegionText.format(UopInstr.withExit(Uop.EXIT_TRACE, 2)))
        .isEqualTo("_EXIT_TRACE exit=2");
    assertThat(RegionText.format(UopInstr.of(Uop.JUMP_TO_TOP))).isEqualTo("_JUMP_TO_TOP");
    assertThat(RegionText.format(List.of(UopInstr.of(Uop.NOP), UopInstr.of(Uop.POP_TOP))))
        .isEqualTo("_NOP\n_POP_TOP\n");
  }

  @Test
  void parseUopsIgnoresIndentationBlankLinesAndComments() {
    assertThat(RegionText.parseUops("""
            # the body of i = i + 1
              _LOAD_FAST 0
            _LOAD_CONST 1   # one

            _GUARD_BOTH_INT exit=0
            """))
        .containsExactly(UopInstr.of(Uop.LOAD_FAST, 0), UopInstr.of(Uop.LOAD_CONST, 1),
            UopInstr.withExit(Uop.GUARD_BOTH_INT, 0));
  }

  @Test
  void parseErrorsNameTheLine() {
    assertThatThrownBy(() -> RegionText.parseUops("_NOP\n_FROB 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line 2: unknown uop '_FROB'");
    assertThatThrownBy(() -> RegionText.parseUops("_LOAD_FAST"))
        .hasMessage("line 1: _LOAD_FAST needs an oparg");
    assertThatThrownBy(() -> RegionText.parseUops("_LOAD_FAST x"))
        .hasMessage("line 1: bad oparg 'x'");
    assertThatThrownBy(() -> RegionText.parseUops("_GUARD_BOTH_INT"))
        .hasMessage("line 1: _GUARD_BOTH_INT needs exit=...");
    assertThatThrownBy(() -> RegionText.parseUops("_POP_TOP 1"))
        .hasMessage("line 1: unexpected '1' after _POP_TOP");
    assertThatThrownBy(() -> RegionText.parseUops("_GUARD_TYPE operand=12 exit=0"))
        .hasMessage("line 1: operand must be hex (0x...), got '12'");
    assertThatThrownBy(() -> RegionText.parseUops("_JUMP exit=1"))
        .hasMessage("line 1: _JUMP needs block=...");
    assertThatThrownBy(() -> RegionText.parse(""))
        .hasMessage("empty region text");
    assertThatThrownBy(() -> RegionText.parse("loop\n_NOP"))
        .hasMessageContaining("line 1: expected 'trace' or 'blocks entry=N'");
    assertThatThrownBy(() -> RegionText.parse("trace\nblock 0:\n"))
        .hasMessage("line 2: a trace has no blocks");
    assertThatThrownBy(() -> RegionText.parse("blocks entry=0\n_NOP\n"))
        .hasMessage("line 2: uop outside a block");
    assertThatThrownBy(() -> RegionText.parse("blocks entry=0\nblock 1:\n"))
        .hasMessage("line 2: expected block 0, got block 1");
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 1: code=0x1 ip=0 depth=0 BRANCH"))
        .hasMessage("line 3: expected exit 0, got exit 1");
    assertThatThrownBy(() -> RegionText.parse(
            "trace\n_EXIT_TRACE exit=0\nexit 0: code=0x1 ip=0 depth=0 BORED"))
        .hasMessage("line 3: unknown exit reason 'BORED'");
    assertThatThrownBy(() -> RegionText.parse(
            "trace\nexit 0: code=0x1 ip=0 depth=0 BRANCH\n_EXIT_TRACE exit=0"))
        .hasMessage("line 3: uops and blocks must come before the exits");
    // Structural errors come from the region's own validation.
    assertThatThrownBy(() -> RegionText.parse("trace\n_NOP\n"))
        .hasMessageContaining("must end in a terminator");
  }
}
