package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RawLocalsTest {
  private static Trace trace(String uops) {
    return (Trace) RegionText.parse("trace\n" + uops
        + "exit 0: code=0x7 ip=0 depth=0 SAFEPOINT\n");
  }

  @Test
  void aLocalIsRawFromTheStoreOfARawSlotToItsNextStoreOrDelete() {
    Trace t = trace("""
        _LOAD_FAST 0
        _LOAD_FAST 0
        _BINARY_OP_MULTIPLY_FLOAT_RAW 4
        _STORE_FAST 1
        _LOAD_FAST 1
        _STORE_FAST 2
        _LOAD_FAST 0
        _STORE_FAST 1
        _DELETE_FAST 2 exit=0
        _EXIT_TRACE exit=0
        """);
    List<? extends Set<Integer>> before = RawLocals.before(t);
    assertThat(before.get(3)).isEmpty();
    assertThat(before.get(4)).containsExactly(1);
    // A load of a raw local pushes a raw slot: storing it copies the rawness.
    assertThat(before.get(6)).containsExactly(1, 2);
    assertThat(before.get(8)).containsExactly(2);
    assertThat(before.get(9)).isEmpty();
  }

  @Test
  void aLoopMustCloseWithTheRawLocalsItsHeadHas() {
    String body = """
        _LOAD_FAST 0
        _LOAD_FAST 0
        _BINARY_OP_MULTIPLY_FLOAT_RAW 4
        _STORE_FAST 0
        _CHECK_PERIODIC exit=0
        """;
    assertThat(RawLocals.before(trace(body + "_LOOP_HEAD\n" + body + "_JUMP_TO_TOP\n")))
        .last().isEqualTo(Set.of(0));
    assertThatThrownBy(() -> RawLocals.before(trace(body + "_JUMP_TO_TOP\n")))
        .hasMessageContaining("closes with raw locals [0], its head has []");
    assertThatThrownBy(() -> RawLocals.before(trace(
            "_LOOP_HEAD\n" + body + "_JUMP_TO_TOP\n")))
        .hasMessageContaining("closes with raw locals [0], its head has []");
  }

  @Test
  void rawLocalsStayRawAcrossAnInlinedCallButNotTheEntryFramesReturn() {
    String call = """
        _LOAD_FAST 0
        _LOAD_FAST 0
        _BINARY_OP_MULTIPLY_FLOAT_RAW 4
        _STORE_FAST 1
        _PUSH_NULL
        _LOAD_CONST_INLINE operand=0x1000
        _INIT_CALL_PY_EXACT_ARGS 0 operand=0x2000
        _PUSH_FRAME
        _LOAD_CONST 0
        _POP_FRAME
        """;
    Trace t = trace(call + "_EXIT_TRACE exit=0\n");
    assertThat(RawLocals.before(t).get(8)).containsExactly(1);
    assertThat(RawLocals.framesBelow(t)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0);
    assertThatThrownBy(() -> RawLocals.before(trace(call + "_POP_FRAME\n_EXIT_TRACE exit=0\n")))
        .hasMessageContaining("uop 10: the entry frame returns with raw locals [1]");
  }
}
