package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.api.uop.Uop.*;

import com.google.common.collect.ImmutableList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;

class ExpansionsTest {
  private static final int[] OPARGS = {0, 1, 2, 3, 4, 5, 7, 9, 15, 0x0102};

  @Test
  void everyOpcodeHasANonEmptyExpansion() {
    for (Opcode op : Opcode.values()) {
      Expansion e = Expansions.of(op);
      assertThat(e.opcode()).isEqualTo(op);
      assertThat(e.uops()).as(op.name()).isNotEmpty();
    }
  }

  @Test
  void everyUopIsInSomeExpansionUnlessSynthetic() {
    Set<Uop> used = EnumSet.noneOf(Uop.class);
    for (Opcode op : Opcode.values()) {
      Expansion e = Expansions.of(op);
      used.addAll(e.uops());
      e.traced(false).ifPresent(used::addAll);
      e.traced(true).ifPresent(used::addAll);
    }
    for (Uop u : Uop.values()) {
      assertThat(used.contains(u))
          .as(u.uopName() + " is used by an expansion exactly when it is not SYNTHETIC")
          .isNotEqualTo(u.is(UopFlag.SYNTHETIC));
    }
  }

  @Test
  void stackEffectsMatchTheBytecodeOnEveryPath() {
    for (Opcode op : Opcode.values()) {
      Expansion e = Expansions.of(op);
      // The two-tuple form only ever specializes UNPACK_SEQUENCE 2.
      int[] opargs = op == Opcode.UNPACK_SEQUENCE_TWO_TUPLE ? new int[] {2} : OPARGS;
      for (int oparg : opargs) {
        assertThat(effect(e.uops(), oparg)).as(op + " block form, oparg " + oparg)
            .isEqualTo(callerEffect(op, oparg, false, e.uops()));
        for (boolean jump : new boolean[] {false, true}) {
          Optional<ImmutableList<Uop>> t = e.traced(jump);
          if (t.isPresent()) {
            assertThat(effect(t.get(), oparg)).as(op + " traced, jump=" + jump + " oparg " + oparg)
                .isEqualTo(callerEffect(op, oparg, jump, t.get()));
          }
        }
      }
    }
  }

  /**
   * The bytecode's effect, except that an inlined call's result is pushed by the callee's
   * _POP_FRAME, not by the uops of the call; but a class call's instance is left by the call's
   * own uops (the recorder drops what __init__ returns).
   */
  private static int callerEffect(Opcode op, int oparg, boolean jump, List<Uop> uops) {
    int effect = op.stackEffect(oparg, jump);
    return uops.contains(PUSH_FRAME) && !uops.contains(INIT_CALL_INIT) ? effect - 1 : effect;
  }

  private static int effect(List<Uop> uops, int oparg) {
    int sum = 0;
    for (Uop u : uops) {
      sum += u.stackEffect(oparg);
    }
    return sum;
  }

  @Test
  void specializedFormsStartWithGuardsAndDoNotEscapeBeforeThem() {
    for (Opcode op : Opcode.values()) {
      // ENTER_EXECUTOR is not a specialization of what the instruction does but the JIT's
      // hook on a loop edge; traces never contain it.
      if (!op.isSpecialized() || op == Opcode.ENTER_EXECUTOR) {
        continue;
      }
      ImmutableList<Uop> uops = Expansions.of(op).uops();
      assertThat(uops.get(0).is(UopFlag.GUARD)).as(op.name()).isTrue();
      assertThat(Expansions.of(op).isGeneric()).as(op.name()).isFalse();
    }
  }

  @Test
  void genericFormsAreOneUopNamedAfterTheInstruction() {
    for (Opcode op : Opcode.values()) {
      Expansion e = Expansions.of(op);
      if (op.isSpecialized() || op.isJump() || op == Opcode.CALL || op == Opcode.LOAD_FAST) {
        continue;
      }
      assertThat(e.uops()).as(op.name()).containsExactly(Uop.valueOf(op.name()));
    }
    assertThat(Expansions.of(Opcode.CALL).uops()).containsExactly(CALL_GENERIC);
    assertThat(Expansions.of(Opcode.LOAD_FAST).uops()).containsExactly(LOAD_FAST_CHECK);
    assertThat(Expansions.of(Opcode.CALL).isGeneric()).isTrue();
    assertThat(Expansions.of(Opcode.BINARY_OP).isGeneric()).isTrue();
    assertThat(Expansions.of(Opcode.LOAD_FAST).isGeneric()).isFalse();
  }

  @Test
  void specializedExpansionsFollowCpython() {
    assertThat(Expansions.of(Opcode.BINARY_OP_ADD_INT).uops())
        .containsExactly(GUARD_BOTH_INT, BINARY_OP_ADD_INT);
    assertThat(Expansions.of(Opcode.COMPARE_OP_FLOAT).uops())
        .containsExactly(GUARD_BOTH_FLOAT, COMPARE_OP_FLOAT);
    assertThat(Expansions.of(Opcode.LOAD_ATTR_INSTANCE).uops())
        .containsExactly(GUARD_TYPE, GUARD_SHAPE, LOAD_ATTR_SLOT);
    assertThat(Expansions.of(Opcode.LOAD_GLOBAL_BUILTIN).uops())
        .containsExactly(GUARD_GLOBALS_VERSION, GUARD_BUILTINS_VERSION, LOAD_GLOBAL_BUILTINS);
    assertThat(Expansions.of(Opcode.BINARY_SUBSCR_LIST_INT).uops())
        .containsExactly(GUARD_TOS_INT, GUARD_NOS_LIST, BINARY_SUBSCR_LIST_INT);
    assertThat(Expansions.of(Opcode.CALL_PY_EXACT_ARGS).uops())
        .containsExactly(CHECK_FUNCTION_VERSION, CHECK_STACK_SPACE, INIT_CALL_PY_EXACT_ARGS,
            PUSH_FRAME);
  }

  @Test
  void loopsTraceTheBodyAndBranchesBecomeGuards() {
    Expansion range = Expansions.of(Opcode.FOR_ITER_RANGE);
    assertThat(range.uops()).containsExactly(ITER_CHECK_RANGE, ITER_JUMP_RANGE, ITER_NEXT_RANGE);
    assertThat(range.traced(false)).contains(
        ImmutableList.of(ITER_CHECK_RANGE, GUARD_NOT_EXHAUSTED_RANGE, ITER_NEXT_RANGE));
    // Out of the loop, when the trace meets the iterator done.
    assertThat(range.traced(true)).contains(
        ImmutableList.of(ITER_CHECK_RANGE, GUARD_EXHAUSTED_RANGE_POP));

    Expansion ifFalse = Expansions.of(Opcode.POP_JUMP_IF_FALSE);
    assertThat(ifFalse.uops()).containsExactly(Uop.POP_JUMP_IF_FALSE);
    assertThat(ifFalse.traced(false)).contains(ImmutableList.of(GUARD_IS_TRUE_POP));
    assertThat(ifFalse.traced(true)).contains(ImmutableList.of(GUARD_IS_FALSE_POP));

    Expansion back = Expansions.of(Opcode.JUMP_BACKWARD);
    assertThat(back.traced(true)).contains(ImmutableList.of(CHECK_PERIODIC));
    assertThat(back.traced(false)).isEmpty();
    assertThat(Expansions.of(Opcode.JUMP_FORWARD).traced(true)).contains(ImmutableList.of());

    assertThat(Expansions.of(Opcode.RETURN_VALUE).traced(false))
        .contains(ImmutableList.of(POP_FRAME));
    assertThat(Expansions.of(Opcode.BINARY_OP_ADD_INT).traced(true)).isEmpty();
    assertThat(Expansions.of(Opcode.YIELD_VALUE).traced(false)).isEmpty();
  }

  @Test
  void toStringShowsBothForms() {
    assertThat(Expansions.of(Opcode.POP_JUMP_IF_NONE).toString()).isEqualTo(
        "POP_JUMP_IF_NONE -> [_POP_JUMP_IF_NONE] | next: [_GUARD_IS_NOT_NONE_POP]"
            + " | jump: [_GUARD_IS_NONE_POP]");
  }

  /**
   * What a recorder does with the table, for {@code for i in range(n): total = total + i}:
   * each instruction's traced uops with the instruction's oparg and one exit, then the loop
   * closed with _JUMP_TO_TOP. The result is a valid, balanced trace.
   */
  @Test
  void aRecordedLoopBecomesABalancedTrace() {
    Object[][] recorded = {
        {Opcode.FOR_ITER_RANGE, 20, false},
        {Opcode.STORE_FAST, 2, false},
        {Opcode.LOAD_FAST, 1, false},
        {Opcode.LOAD_FAST, 2, false},
        {Opcode.BINARY_OP_ADD_INT, 0, false},
        {Opcode.STORE_FAST, 1, false},
        {Opcode.JUMP_BACKWARD, 6, true},
    };
    Trace.Builder b = Trace.builder();
    int exit = b.addExit(new Exit(1, 6, 1, ExitReason.GUARD_FAILED));
    for (Object[] r : recorded) {
      Opcode op = (Opcode) r[0];
      int oparg = (Integer) r[1];
      for (Uop u : Expansions.of(op).traced((Boolean) r[2]).orElseThrow()) {
        b.add(new UopInstr(u, u.has(OperandKind.OPARG) ? oparg : 0, 0,
            u.has(OperandKind.EXIT) ? exit : 0));
      }
    }
    Trace t = b.add(Uop.JUMP_TO_TOP).build();
    assertThat(RegionText.format(t.uops())).isEqualTo("""
        _ITER_CHECK_RANGE exit=0
        _GUARD_NOT_EXHAUSTED_RANGE exit=0
        _ITER_NEXT_RANGE
        _STORE_FAST 2
        _LOAD_FAST_CHECK 1 exit=0
        _LOAD_FAST_CHECK 2 exit=0
        _GUARD_BOTH_INT exit=0
        _BINARY_OP_ADD_INT exit=0
        _STORE_FAST 1
        _CHECK_PERIODIC exit=0
        _JUMP_TO_TOP
        """);
    // The iterator stays on the stack across iterations.
    assertThat(StackDepths.of(t, 1)).containsExactly(1, 1, 1, 2, 1, 2, 3, 3, 2, 1, 1);
  }
}
