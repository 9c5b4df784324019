package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.optimizer.FakeEnvironment.CODE;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Region;

/**
 * The types pass on what it knows beyond kinds: constants (inlined and folded), types, type
 * versions and shapes of objects, and the arguments of inlined calls.
 */
class TypesPassHeapAndConstantsTest {
  private final FakeEnvironment env = new FakeEnvironment();
  private final PassHarness pass = new PassHarness(env, new TypesPass());

  @Test
  void constantsAreInlinedAndSmallIntArithmeticOnThemFolds() {
    env.constants.put(CODE,
        new long[] {Tag.fromInt(2), Tag.fromInt(3), Tag.fromInt(Tag.SMALL_MAX)});
    Region r = pass.run("""
        trace
          _LOAD_CONST 0
          _LOAD_CONST 1
          _GUARD_BOTH_INT exit=0
          _BINARY_OP_ADD_INT exit=1
          _LOAD_CONST 2
          _GUARD_BOTH_INT exit=0
          _BINARY_OP_ADD_INT exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=2 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    // 2 + 3 folds; 5 + SMALL_MAX would overflow, so its uop stays (it exits there).
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_CONST_INLINE operand=0x5
        _LOAD_CONST_INLINE operand=0x7
        _POP_TOP
        _POP_TOP
        _LOAD_CONST_INLINE operand=0xb
        _LOAD_CONST_INLINE operand=0x7fffffffffffffff
        _BINARY_OP_ADD_INT exit=1
        _EXIT_TRACE exit=2
        """));
    assertThat(pass.counts).containsEntry("constants-inlined", 3L).containsEntry("folded", 1L)
        .containsEntry("guards-removed", 2L);
  }

  @Test
  void anObjectsTypeVersionAndShapeAreCheckedOnceUntilGuestCodeMayRun() {
    env.typeVersions.put(0x4000L, 9L);
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x4000 exit=0
          _GUARD_TYPE_VERSION operand=0x9 exit=0
          _GUARD_SHAPE 16 operand=0x4400 exit=0
          _LOAD_ATTR_SLOT 0 operand=0x10 exit=0
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x4000 exit=1
          _GUARD_TYPE_VERSION operand=0x9 exit=1
          _GUARD_SHAPE 16 operand=0x4400 exit=1
          _LOAD_ATTR_SLOT 0 operand=0x20 exit=1
          _BINARY_OP 0
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x4000 exit=2
          _GUARD_SHAPE 16 operand=0x4400 exit=2
          _LOAD_ATTR_SLOT 0 operand=0x20 exit=2
          _EXIT_TRACE exit=3
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=1 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=1 GUARD_FAILED
        exit 3: code=0x7 ip=12 depth=2 END_OF_REGION
        """);
    // The version holds by dependency (the first check goes too); the shape is checked again
    // only after the generic _BINARY_OP, which may run guest code.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _GUARD_TYPE operand=0x4000 exit=0
        _GUARD_SHAPE 16 operand=0x4400 exit=0
        _LOAD_ATTR_SLOT 0 operand=0x10 exit=0
        _LOAD_FAST 0
        _LOAD_ATTR_SLOT 0 operand=0x20 exit=1
        _BINARY_OP 0
        _LOAD_FAST 0
        _GUARD_SHAPE 16 operand=0x4400 exit=2
        _LOAD_ATTR_SLOT 0 operand=0x20 exit=2
        _EXIT_TRACE exit=3
        """));
    assertThat(env.dependencies).containsOnly("type 0x4000");
  }

  @Test
  void aTypeVersionThatChangedSinceRecordingStaysGuarded() {
    env.typeVersions.put(0x4000L, 10L);
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x4000 exit=0
          _GUARD_TYPE_VERSION operand=0x9 exit=0
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=1 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).contains("_GUARD_TYPE_VERSION");
    assertThat(env.dependencies).isEmpty();
  }

  @Test
  void aStoreThatMovesAnObjectToANewShapeForgetsEveryOtherShape() {
    // Locals 0 and 1 may be the same object: after 1 moves to a new shape, 0's is unknown.
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x4000 exit=0
          _GUARD_SHAPE 16 operand=0x4400 exit=0
          _POP_TOP
          _LOAD_FAST 2
          _LOAD_FAST 1
          _GUARD_TYPE operand=0x4000 exit=0
          _GUARD_SHAPE 16 operand=0x4400 exit=0
          _STORE_ATTR_SLOT 3 operand=0x4800 exit=0
          _LOAD_FAST 0
          _GUARD_SHAPE 16 operand=0x4400 exit=1
          _POP_TOP
          _LOAD_FAST 1
          _GUARD_SHAPE 16 operand=0x4800 exit=1
          _POP_TOP
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=0 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=0 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _GUARD_TYPE operand=0x4000 exit=0
        _GUARD_SHAPE 16 operand=0x4400 exit=0
        _POP_TOP
        _LOAD_FAST 2
        _LOAD_FAST 1
        _GUARD_TYPE operand=0x4000 exit=0
        _GUARD_SHAPE 16 operand=0x4400 exit=0
        _STORE_ATTR_SLOT 3 operand=0x4800 exit=0
        _LOAD_FAST 0
        _GUARD_SHAPE 16 operand=0x4400 exit=1
        _POP_TOP
        _LOAD_FAST 1
        _POP_TOP
        _EXIT_TRACE exit=2
        """));
  }

  @Test
  void aCallOfAConstantFunctionNeedsNoVersionCheckAndItsArgumentsKeepTheirKinds() {
    long f = 0x9000;
    long calleeCode = 0x9100;
    env.functionCode.put(f, calleeCode);
    env.argCounts.put(calleeCode, 1);
    Region r = pass.run("""
        trace
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x9000
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _CHECK_FUNCTION_VERSION 1 operand=0x9000 exit=0
          _CHECK_STACK_SPACE 1 operand=0x9000 exit=0
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x9000
          _PUSH_FRAME
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=1
          _POP_FRAME
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x9100 ip=0 depth=0 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _PUSH_NULL
        _LOAD_CONST_INLINE operand=0x9000
        _LOAD_FAST 0
        _GUARD_TOS_INT exit=0
        _CHECK_STACK_SPACE 1 operand=0x9000 exit=0
        _INIT_CALL_PY_EXACT_ARGS 1 operand=0x9000
        _PUSH_FRAME
        _LOAD_FAST 0
        _POP_FRAME
        _EXIT_TRACE exit=2
        """));
  }

  @Test
  void keywordNamesBeforeACallKeepItsVersionCheck() {
    env.functionCode.put(0x9000L, 0x9100L);
    env.argCounts.put(0x9100L, 1);
    Region r = pass.run("""
        trace
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x9000
          _LOAD_FAST 0
          _SET_IP 6
          _KW_NAMES 1
          _SET_IP 7
          _CHECK_FUNCTION_VERSION 1 operand=0x9000 exit=0
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=6 depth=3 GUARD_FAILED
        """);
    assertThat(PassHarness.uops(r)).contains("_CHECK_FUNCTION_VERSION");
  }

  @Test
  void aLocalCheckedOrStoredOnceIsLoadedWithoutACheckUntilDeleted() {
    Region r = new PassHarness(new TypesPass()).run("""
        trace
          _LOAD_FAST_CHECK 0 exit=0
          _LOAD_FAST_CHECK 0 exit=0
          _STORE_FAST 1
          _LOAD_FAST_CHECK 1 exit=0
          _DELETE_FAST 1 exit=0
          _LOAD_FAST_CHECK 1 exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=0 SLOW_PATH
        exit 1: code=0x7 ip=4 depth=2 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=3 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST_CHECK 0 exit=0
        _LOAD_FAST 0
        _STORE_FAST 1
        _LOAD_FAST 1
        _DELETE_FAST 1 exit=0
        _LOAD_FAST_CHECK 1 exit=1
        _EXIT_TRACE exit=2
        """));
  }
}
