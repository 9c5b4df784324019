package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StackDepthsTest {

  private static Trace trace(String uops) {
    return (Trace) RegionText.parse(
        "trace\n" + uops + "\nexit 0: code=0x1 ip=0 depth=0 GUARD_FAILED\n");
  }

  @Test
  void followsALoopBody() {
    Trace t = trace("""
        _LOAD_FAST 0
        _LOAD_CONST 1
        _GUARD_BOTH_INT exit=0
        _BINARY_OP_ADD_INT exit=0
        _STORE_FAST 0
        _JUMP_TO_TOP
        """);
    assertThat(StackDepths.of(t, 0)).containsExactly(0, 1, 2, 2, 1, 0);
  }

  @Test
  void followsInlinedCalls() {
    // f(x) with f's body "return x": the callee starts with an empty stack.
    Trace t = trace("""
        _PUSH_NULL
        _LOAD_CONST 0
        _LOAD_FAST 0
        _CHECK_FUNCTION_VERSION 1 operand=0x5 exit=0
        _INIT_CALL_PY_EXACT_ARGS 1 operand=0x0
        _PUSH_FRAME
        _LOAD_FAST 0
        _POP_FRAME
        _STORE_FAST 1
        _JUMP_TO_TOP
        """);
    assertThat(StackDepths.of(t, 0)).containsExactly(0, 1, 2, 3, 3, 1, 0, 1, 1, 0);
  }

  @Test
  void aPeeledLoopClosesAtTheDepthOfItsLoopHead() {
    Trace t = trace("""
        _LOAD_FAST 0
        _LOOP_HEAD
        _LOAD_FAST 1
        _POP_TOP
        _JUMP_TO_TOP
        """);
    assertThat(StackDepths.of(t, 0)).containsExactly(0, 1, 1, 2, 1);
    assertThatThrownBy(() -> StackDepths.of(trace("_LOOP_HEAD\n_LOAD_FAST 0\n_JUMP_TO_TOP"), 0))
        .hasMessage("uop 2: _JUMP_TO_TOP with depth 1, _LOOP_HEAD at 0");
    assertThatThrownBy(() -> StackDepths.of(
            trace("_LOAD_FAST 0\n_PUSH_FRAME\n_LOOP_HEAD\n_POP_FRAME\n_JUMP_TO_TOP"), 0))
        .hasMessage("uop 2: _LOOP_HEAD in an inlined frame");
  }

  @Test
  void rejectsUnbalancedTraces() {
    assertThatThrownBy(() -> StackDepths.of(trace("_POP_TOP\n_JUMP_TO_TOP"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("uop 0: _POP_TOP reads 1 stack items, 0 present");
    assertThatThrownBy(() -> StackDepths.of(trace("_LOAD_FAST 0\n_JUMP_TO_TOP"), 0))
        .hasMessage("uop 1: _JUMP_TO_TOP with depth 1, entered with 0");
    assertThatThrownBy(() -> StackDepths.of(trace("_GUARD_NOS_LIST exit=0\n_JUMP_TO_TOP"), 1))
        .hasMessage("uop 0: _GUARD_NOS_LIST reads 2 stack items, 1 present");
    assertThatThrownBy(() -> StackDepths.of(trace("_LOAD_FAST 0\n_POP_FRAME\n_EXIT_TRACE exit=0"),
            0))
        .hasMessage("uop 1: _POP_FRAME outside an inlined call");
    assertThatThrownBy(() -> StackDepths.of(trace("_LOAD_FAST 0\n_PUSH_FRAME\n_JUMP_TO_TOP"), 0))
        .hasMessage("uop 2: _JUMP_TO_TOP with depth 0 in an inlined frame, entered with 0");
    assertThatThrownBy(() -> StackDepths.of(trace("_JUMP_TO_TOP"), -1))
        .hasMessage("entry depth -1");
  }
}
