package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;

/** The types pass on hand-written traces, each with the trace it must become. */
class TypesPassTest {
  private final PassHarness pass = new PassHarness(new TypesPass());
  private final Map<String, Long> counts = pass.counts;

  private Region run(String text) {
    return pass.run(text);
  }

  @Test
  void aLocalGuardedOnceNeedsNoGuardOnItsNextLoadAndASumIsASmallInt() {
    // t = t + i; i = i + 1; then i * t: i and t are known small ints after the first guard,
    // and each sum is one (it exits rather than overflow).
    Region r = run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_BOTH_INT exit=0
          _BINARY_OP_ADD_INT exit=1
          _STORE_FAST 0
          _LOAD_FAST 1
          _LOAD_CONST 2
          _GUARD_BOTH_INT exit=2
          _BINARY_OP_ADD_INT exit=3
          _STORE_FAST 1
          _LOAD_FAST 1
          _LOAD_FAST 0
          _GUARD_BOTH_INT exit=4
          _BINARY_OP_MULTIPLY_INT exit=5
          _POP_TOP
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=2 SLOW_PATH
        exit 2: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=8 depth=2 SLOW_PATH
        exit 4: code=0x7 ip=12 depth=2 GUARD_FAILED
        exit 5: code=0x7 ip=12 depth=2 SLOW_PATH
        """);
    // The second guard stays: without a VM to read, _LOAD_CONST's value is not known.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _LOAD_FAST 1
        _GUARD_BOTH_INT exit=0
        _BINARY_OP_ADD_INT exit=1
        _STORE_FAST 0
        _LOAD_FAST 1
        _LOAD_CONST 2
        _GUARD_BOTH_INT exit=2
        _BINARY_OP_ADD_INT exit=3
        _STORE_FAST 1
        _LOAD_FAST 1
        _LOAD_FAST 0
        _BINARY_OP_MULTIPLY_INT exit=5
        _POP_TOP
        _JUMP_TO_TOP
        """));
    assertThat(r.exits()).hasSize(6);
    assertThat(counts).containsEntry("guards-removed", 1L);
  }

  @Test
  void floatResultsFeedFloatOperationsWithoutGuards() {
    // a * b + c * d with all four loaded unknown: the + needs no guard.
    Region r = run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 2
          _LOAD_FAST 3
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_MULTIPLY_FLOAT
          _GUARD_FLOAT_OPERANDS exit=2
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=3
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=5 depth=3 GUARD_FAILED
        exit 2: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=8 depth=0 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _LOAD_FAST 1
        _GUARD_FLOAT_OPERANDS exit=0
        _BINARY_OP_MULTIPLY_FLOAT
        _LOAD_FAST 2
        _LOAD_FAST 3
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_MULTIPLY_FLOAT
        _BINARY_OP_ADD_FLOAT
        _STORE_FAST 4
        _EXIT_TRACE exit=3
        """));
  }

  @Test
  void eachIterationStartsKnowingNothing() {
    // After _JUMP_TO_TOP the trace runs again from the top, where local 0 may be anything.
    String text = """
        trace
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _STORE_FAST 0
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=1 GUARD_FAILED
        """;
    Region in = RegionText.parse(text);
    assertThat(pass.run(in)).isSameAs(in);
  }

  @Test
  void aValueStoredOverLosesWhatWasKnownAboutTheOldOne() {
    Region r = run("""
        trace
          _LOAD_FAST 0
          _GUARD_TOS_TUPLE exit=0
          _POP_TOP
          _LOAD_FAST 1
          _STORE_FAST 0
          _LOAD_FAST 0
          _GUARD_TOS_TUPLE exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=1 GUARD_FAILED
        exit 2: code=0x7 ip=5 depth=1 END_OF_REGION
        """);
    assertThat(counts).doesNotContainKey("guards-removed");
    assertThat(PassHarness.uops(r)).contains("_GUARD_TOS_TUPLE exit=1");
  }

  @Test
  void aProvenPoppingGuardStillPops() {
    Region r = run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_IS_NONE_POP exit=0
          _GUARD_IS_NONE_POP exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=1 depth=2 BRANCH
        exit 1: code=0x7 ip=2 depth=1 BRANCH
        exit 2: code=0x7 ip=3 depth=0 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _LOAD_FAST 0
        _GUARD_IS_NONE_POP exit=0
        _POP_TOP
        _EXIT_TRACE exit=2
        """));
  }

  @Test
  void anInlinedCalleesArgumentsAndResultKeepTheirKinds() {
    Region r = run("""
        trace
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 0
          _CHECK_FUNCTION_VERSION 1 operand=0x1000 exit=1
          _CHECK_STACK_SPACE 1 operand=0x1000 exit=2
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x1000
          _PUSH_FRAME
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_BOTH_INT exit=3
          _BINARY_OP_ADD_INT exit=4
          _POP_FRAME
          _GUARD_BOTH_INT exit=5
          _BINARY_OP_ADD_INT exit=6
          _EXIT_TRACE exit=7
        exit 0: code=0x7 ip=0 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=3 depth=4 GUARD_FAILED
        exit 2: code=0x7 ip=3 depth=4 SLOW_PATH
        exit 3: code=0x8 ip=2 depth=2 GUARD_FAILED
        exit 4: code=0x8 ip=2 depth=2 SLOW_PATH
        exit 5: code=0x7 ip=5 depth=2 GUARD_FAILED
        exit 6: code=0x7 ip=5 depth=2 SLOW_PATH
        exit 7: code=0x7 ip=6 depth=1 END_OF_REGION
        """);
    // The callee's argument is the caller's guarded int (arguments become the callee's
    // locals), so its guard goes; the caller's int plus the callee's int sum needs none.
    assertThat(PassHarness.uops(r)).doesNotContain("exit=3").doesNotContain("exit=5");
    assertThat(counts).containsEntry("guards-removed", 2L);
  }

  @Test
  void aSwapBelowWhatTheTraceHasSeenKeepsTheSlotsApart() {
    // The trace starts with values on the stack it did not push; SWAP 3 reaches one of them.
    Region r = run("""
        trace
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _SWAP 3
          _GUARD_TOS_INT exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=0 depth=3 GUARD_FAILED
        exit 1: code=0x7 ip=1 depth=3 GUARD_FAILED
        exit 2: code=0x7 ip=2 depth=3 END_OF_REGION
        """);
    // After the swap the top is an unknown value from below: its guard stays.
    assertThat(PassHarness.uops(r)).contains("_GUARD_TOS_INT exit=1");
  }

  /** The uops of a loop body, twice: peeled, then from the _LOOP_HEAD on. */
  private static String peeled(String body) {
    return "trace\n" + body + "_LOOP_HEAD\n" + body + "_JUMP_TO_TOP\n";
  }

  @Test
  void guardsOnLoopCarriedAndInvariantIntsGoFromAPeeledLoopBody() {
    // while i < n: total = total + i; i = i + 1   (locals: n 0, total 1, i 2, one 3; the 1 is
    // a local because _LOAD_CONST's kind is not known to this pass)
    String body = """
        _LOAD_FAST 2
        _LOAD_FAST 0
        _GUARD_BOTH_INT exit=0
        _COMPARE_OP_INT 0
        _GUARD_IS_TRUE_POP exit=1
        _LOAD_FAST 1
        _LOAD_FAST 2
        _GUARD_BOTH_INT exit=2
        _BINARY_OP_ADD_INT exit=3
        _STORE_FAST 1
        _LOAD_FAST 2
        _LOAD_FAST 3
        _GUARD_BOTH_INT exit=4
        _BINARY_OP_ADD_INT exit=5
        _STORE_FAST 2
        """;
    Region r = run(peeled(body) + """
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=3 depth=1 BRANCH
        exit 2: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=6 depth=2 SLOW_PATH
        exit 4: code=0x7 ip=9 depth=2 GUARD_FAILED
        exit 5: code=0x7 ip=9 depth=2 SLOW_PATH
        """);
    // The peeled copy keeps its guards (only i is known by the second and third); in the loop
    // every operand is known: i and total are sums, n and one are what the peeled copy proved
    // and the body never stores. The branch guard stays: a comparison is a bool, not True.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines(body + """
        _LOOP_HEAD
        _LOAD_FAST 2
        _LOAD_FAST 0
        _COMPARE_OP_INT 0
        _GUARD_IS_TRUE_POP exit=1
        _LOAD_FAST 1
        _LOAD_FAST 2
        _BINARY_OP_ADD_INT exit=3
        _STORE_FAST 1
        _LOAD_FAST 2
        _LOAD_FAST 3
        _BINARY_OP_ADD_INT exit=5
        _STORE_FAST 2
        _JUMP_TO_TOP
        """));
    assertThat(r.exits()).hasSize(6);
    assertThat(counts).containsEntry("guards-removed", 3L);
  }

  @Test
  void aFloatProductStaysAFloatAcrossTheLoopHead() {
    // x = x * y
    String body = """
        _LOAD_FAST 0
        _LOAD_FAST 1
        _GUARD_BOTH_FLOAT exit=0
        _BINARY_OP_MULTIPLY_FLOAT
        _STORE_FAST 0
        """;
    Region r = run(peeled(body) + "exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED\n");
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines(body + """
        _LOOP_HEAD
        _LOAD_FAST 0
        _LOAD_FAST 1
        _BINARY_OP_MULTIPLY_FLOAT
        _STORE_FAST 0
        _JUMP_TO_TOP
        """));
    assertThat(counts).containsEntry("guards-removed", 1L);
  }

  /** a.x = a.x, with a (local 0) loop-invariant: its type and shape guards, a load, a store. */
  private static final String ATTRIBUTE_BODY = """
      _LOAD_FAST 0
      _GUARD_TYPE operand=0x100 exit=0
      _GUARD_SHAPE 16 operand=0x200 exit=1
      _LOAD_ATTR_SLOT 0 operand=0x10 exit=1
      _LOAD_FAST 0
      _STORE_ATTR_SLOT 0 operand=0x0 exit=2
      """;
  private static final String ATTRIBUTE_EXITS = """
      exit 0: code=0x7 ip=2 depth=1 GUARD_FAILED
      exit 1: code=0x7 ip=2 depth=1 GUARD_FAILED
      exit 2: code=0x7 ip=4 depth=2 SLOW_PATH
      exit 3: code=0x7 ip=6 depth=1 INVALIDATED
      """;

  @Test
  void anInvariantObjectsShapeHoldsAcrossTheLoopHeadWhenTheBodyChangesNoShape() {
    Region r = run(peeled(ATTRIBUTE_BODY) + ATTRIBUTE_EXITS);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines(ATTRIBUTE_BODY + """
        _LOOP_HEAD
        _LOAD_FAST 0
        _LOAD_ATTR_SLOT 0 operand=0x10 exit=1
        _LOAD_FAST 0
        _STORE_ATTR_SLOT 0 operand=0x0 exit=2
        _JUMP_TO_TOP
        """));
    assertThat(counts).containsEntry("guards-removed", 2L);
  }

  @Test
  void guestCodeInTheLoopBodyForgetsShapesAtTheLoopHeadButNotTypes() {
    // Then b.y, generic (it may run a property's getter, which may add attributes to a).
    String body = ATTRIBUTE_BODY + """
        _LOAD_FAST 1
        _LOAD_ATTR 3
        _POP_TOP
        _CHECK_VALIDITY operand=0x0 exit=3
        """;
    Region r = run(peeled(body) + ATTRIBUTE_EXITS);
    assertThat(PassHarness.uops(r)).containsSubsequence("_LOOP_HEAD", "_LOAD_FAST 0",
        "_GUARD_SHAPE 16 operand=0x200 exit=1", "_LOAD_ATTR_SLOT 0 operand=0x10 exit=1");
    assertThat(PassHarness.uops(r)).containsOnlyOnce("_GUARD_TYPE operand=0x100 exit=0");
    assertThat(counts).containsEntry("guards-removed", 1L);
  }

  @Test
  void aMathFunctionOfAFloatRunsNoGuestCodeSoShapesStayKnown() {
    // a.x; math.sqrt(f) with f a float; a.x again: the second shape guard goes.
    Region r = run("""
        trace
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x100 exit=0
          _GUARD_SHAPE 16 operand=0x200 exit=1
          _LOAD_ATTR_SLOT 0 operand=0x10 exit=1
          _POP_TOP
          _PUSH_NULL
          _LOAD_FAST 2
          _LOAD_FAST 1
          _LOAD_FAST 1
          _GUARD_BOTH_FLOAT exit=2
          _BINARY_OP_MULTIPLY_FLOAT
          _CALL_MATH_SQRT 1 operand=0x300
          _POP_TOP
          _LOAD_FAST 0
          _GUARD_TYPE operand=0x100 exit=0
          _GUARD_SHAPE 16 operand=0x200 exit=1
          _LOAD_ATTR_SLOT 0 operand=0x10 exit=1
          _EXIT_TRACE exit=3
        exit 0: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 2: code=0x7 ip=4 depth=4 GUARD_FAILED
        exit 3: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).containsOnlyOnce("_GUARD_SHAPE 16 operand=0x200 exit=1");
    assertThat(counts).containsEntry("guards-removed", 2L);
  }

  @Test
  void anIteratorBelowTheLoopsStackIsCheckedOnceAfterPeeling() {
    // for i in range(...): the iterator stays on the stack through every iteration.
    PassHarness both = new PassHarness(new LoopPeelingPass());
    Region r = new PassHarness(new TypesPass()).run(both.run("""
        trace
          _ITER_CHECK_RANGE exit=0
          _GUARD_NOT_EXHAUSTED_RANGE exit=1
          _ITER_NEXT_RANGE
          _STORE_FAST 0
          _CHECK_PERIODIC exit=2
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=3 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=3 depth=1 BRANCH
        exit 2: code=0x7 ip=6 depth=1 SAFEPOINT
        """));
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _ITER_CHECK_RANGE exit=0
        _GUARD_NOT_EXHAUSTED_RANGE exit=1
        _ITER_NEXT_RANGE
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _LOOP_HEAD
        _GUARD_NOT_EXHAUSTED_RANGE exit=1
        _ITER_NEXT_RANGE
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _JUMP_TO_TOP
        """));
  }

  @Test
  void aKindTheLoopBodyDoesNotKeepIsNotKnownAtTheLoopHead() {
    // Entering the loop, local 0 is a known int; but the body stores local 1 over it, so on
    // the way back from _JUMP_TO_TOP it may be anything, and the body's guard must stay.
    String text = """
        trace
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _POP_TOP
          _LOOP_HEAD
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _POP_TOP
          _LOAD_FAST 1
          _STORE_FAST 0
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=1 GUARD_FAILED
        """;
    Region in = RegionText.parse(text);
    assertThat(pass.run(in)).isSameAs(in);
    // The same loop storing an int sum over it keeps the kind, and the guard goes.
    Region sum = run(text.replace("""
          _LOAD_FAST 1
          _STORE_FAST 0
        """, """
          _LOAD_FAST 0
          _LOAD_FAST 0
          _BINARY_OP_ADD_INT exit=0
          _STORE_FAST 0
        """));
    assertThat(PassHarness.uops(sum)).isEqualTo(PassHarness.lines("""
        _LOAD_FAST 0
        _GUARD_TOS_INT exit=0
        _POP_TOP
        _LOOP_HEAD
        _LOAD_FAST 0
        _POP_TOP
        _LOAD_FAST 0
        _LOAD_FAST 0
        _BINARY_OP_ADD_INT exit=0
        _STORE_FAST 0
        _JUMP_TO_TOP
        """));
    assertThat(counts).containsEntry("guards-removed", 1L);
  }

  @Test
  void aLoopThatDoesNotCloseAtItsHeadsDepthKnowsNothingThere() {
    // Slots are matched across the back edge from the stack's top, which needs the same depth
    // at both ends; a trace without that (not one the recorder makes) is not trusted.
    String text = """
        trace
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _POP_TOP
          _LOOP_HEAD
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=0
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=1 GUARD_FAILED
        """;
    Region in = RegionText.parse(text);
    assertThat(pass.run(in)).isSameAs(in);
  }
}
