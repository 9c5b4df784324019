package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;

/** The dead-code pass on hand-written traces, each with the trace it must become. */
class DeadCodePassTest {
  private final PassHarness pass = new PassHarness(new DeadCodePass());
  private final Map<String, Long> counts = pass.counts;

  private Region run(String text) {
    return pass.run(text);
  }

  @Test
  void anIntegerLoopKeepsNoInstructionPointer() {
    // Every uop either exits (writing the IP from its exit) or cannot look at the frame's IP.
    Region r = run("""
        trace
          _SET_IP 4
          _LOAD_FAST 0
          _SET_IP 5
          _LOAD_FAST 1
          _SET_IP 6
          _GUARD_BOTH_INT exit=0
          _BINARY_OP_ADD_INT exit=1
          _SET_IP 8
          _STORE_FAST 0
          _SET_IP 9
          _CHECK_PERIODIC exit=2
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 SLOW_PATH
        exit 2: code=0x7 ip=9 depth=0 SAFEPOINT
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _LOAD_FAST 1
        _GUARD_BOTH_INT exit=0
        _BINARY_OP_ADD_INT exit=1
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _JUMP_TO_TOP
        """));
    assertThat(r.exits()).isEqualTo(RegionText.parse("""
        trace
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 SLOW_PATH
        exit 2: code=0x7 ip=9 depth=0 SAFEPOINT
        """).exits());
    assertThat(counts).containsEntry("set-ip-removed", 5L).containsEntry("uops-removed", 5L);
  }

  @Test
  void theInstructionPointerStaysBeforeWhatMayRaiseAllocateCallOrLeave() {
    Region r = run("""
        trace
          _SET_IP 10
          _LOAD_FAST 0
          _SET_IP 11
          _LOAD_FAST 1
          _SET_IP 12
          _BINARY_OP 0
          _SET_IP 14
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _SET_IP 16
          _LOAD_FAST 2
          _SET_IP 17
          _RETURN_VALUE
        exit 0: code=0x7 ip=14 depth=2 GUARD_FAILED
        """);
    // _BINARY_OP may run guest code and raise; the float product allocates; the return is
    // performed by the interpreter at the frame's IP. _SET_IP 11 and 16 guard nothing.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _LOAD_FAST 1
        _SET_IP 12
        _BINARY_OP 0
        _SET_IP 14
        _GUARD_FLOAT_OPERANDS exit=0
        _BINARY_OP_MULTIPLY_FLOAT
        _LOAD_FAST 2
        _SET_IP 17
        _RETURN_VALUE
        """));
  }

  @Test
  void anInlinedCallKeepsTheCallersInstructionPointer() {
    // _INIT_CALL_PY_EXACT_ARGS saves the caller's IP for the callee's return; the frame
    // changes end what a _SET_IP covers.
    Region r = run("""
        trace
          _SET_IP 3
          _CHECK_FUNCTION_VERSION 1 operand=0x1000 exit=0
          _CHECK_STACK_SPACE 1 operand=0x1000 exit=1
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x1000
          _PUSH_FRAME
          _SET_IP 0
          _LOAD_FAST 0
          _SET_IP 1
          _POP_FRAME
          _SET_IP 5
          _STORE_FAST 2
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=3 depth=3 GUARD_FAILED
        exit 1: code=0x7 ip=3 depth=3 SLOW_PATH
        exit 2: code=0x7 ip=6 depth=0 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _SET_IP 3
        _CHECK_FUNCTION_VERSION 1 operand=0x1000 exit=0
        _CHECK_STACK_SPACE 1 operand=0x1000 exit=1
        _INIT_CALL_PY_EXACT_ARGS 1 operand=0x1000
        _PUSH_FRAME
        _LOAD_FAST 0
        _SET_IP 1
        _POP_FRAME
        _STORE_FAST 2
        _EXIT_TRACE exit=2
        """));
  }

  @Test
  void aValuePushedAndPoppedUnusedGoesWithItsPop() {
    Region r = run("""
        trace
          _LOAD_CONST 3
          _POP_TOP
          _LOAD_FAST_CHECK 0 exit=0
          _POP_TOP
          _LOAD_FAST 1
          _POP_TOP
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=2 depth=0 SLOW_PATH
        exit 1: code=0x7 ip=4 depth=0 END_OF_REGION
        """);
    // _LOAD_FAST_CHECK stays: its exit (an unbound local) is an effect.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST_CHECK 0 exit=0
        _POP_TOP
        _EXIT_TRACE exit=1
        """));
    assertThat(counts).containsEntry("push-pop-removed", 2L).containsEntry("uops-removed", 4L);
  }

  @Test
  void aRegionWithNothingToRemoveComesBackAsItIs() {
    Region in = RegionText.parse("""
        trace
          _SET_IP 0
          _CALL_BUILTIN 1 operand=0x1000
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=2 depth=1 END_OF_REGION
        """);
    assertThat(pass.run(in)).isSameAs(in);
    assertThat(counts).isEmpty();
  }

  @Test
  void whatReadsTheInstructionPointer() {
    for (Uop u : new Uop[] {Uop.CALL_GENERIC, Uop.CALL_BUILTIN, Uop.BINARY_OP, Uop.LOAD_ATTR,
        Uop.BINARY_OP_ADD_FLOAT, Uop.BUILD_LIST, Uop.RETURN_VALUE, Uop.RAISE_VARARGS,
        Uop.YIELD_VALUE, Uop.INIT_CALL_PY_EXACT_ARGS, Uop.PUSH_FRAME, Uop.POP_FRAME}) {
      assertThat(DeadCodePass.readsIp(UopInstr.of(u))).as(u.uopName()).isTrue();
    }
    for (Uop u : new Uop[] {Uop.EXIT_TRACE, Uop.JUMP_TO_TOP, Uop.CHECK_PERIODIC, Uop.GUARD_TYPE,
        Uop.LOAD_FAST, Uop.STORE_FAST, Uop.BINARY_OP_ADD_INT, Uop.LOAD_ATTR_SLOT,
        Uop.CHECK_FUNCTION_VERSION, Uop.ITER_NEXT_RANGE, Uop.SET_IP}) {
      assertThat(DeadCodePass.readsIp(UopInstr.of(u))).as(u.uopName()).isFalse();
    }
    // Raw float arithmetic reads it only when it boxes its result (the allocation may raise
    // MemoryError) or may raise itself (division by zero, the square root of a negative).
    int raw = Uop.RAW_NOS | Uop.RAW_TOS | Uop.RAW_RESULT;
    assertThat(DeadCodePass.readsIp(UopInstr.of(Uop.BINARY_OP_MULTIPLY_FLOAT_RAW, raw)))
        .isFalse();
    assertThat(DeadCodePass.readsIp(UopInstr.of(Uop.BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_NOS)))
        .isTrue();
    assertThat(DeadCodePass.readsIp(UopInstr.of(Uop.BINARY_OP_TRUE_DIVIDE_FLOAT_RAW, raw)))
        .isTrue();
    assertThat(DeadCodePass.readsIp(UopInstr.of(Uop.CALL_MATH_SQRT_RAW,
        Uop.RAW_TOS | Uop.RAW_RESULT))).isTrue();
  }

  @Test
  void aValidityCheckGoesWhenTheInstructionBeforeItNoLongerEscapes() {
    Region r = run("""
        trace
          _SET_IP 4
          _LOAD_FAST 0
          _CALL_MATH_SQRT_RAW 6 operand=0x10
          _CHECK_VALIDITY operand=0x0 exit=0
          _SET_IP 8
          _CALL_GENERIC 1
          _CHECK_VALIDITY operand=0x0 exit=1
          _SET_IP 10
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=8 depth=1 INVALIDATED
        exit 1: code=0x7 ip=10 depth=1 INVALIDATED
        exit 2: code=0x7 ip=12 depth=1 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _SET_IP 4
        _LOAD_FAST 0
        _CALL_MATH_SQRT_RAW 6 operand=0x10
        _SET_IP 8
        _CALL_GENERIC 1
        _CHECK_VALIDITY operand=0x0 exit=1
        _EXIT_TRACE exit=2
        """));
    assertThat(counts).containsEntry("validity-checks-removed", 1L);
  }
}
