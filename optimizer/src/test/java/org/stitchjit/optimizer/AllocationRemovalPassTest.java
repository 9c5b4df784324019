package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;

/** The allocation-removal pass on hand-written traces, each with the trace it must become. */
class AllocationRemovalPassTest {
  private final PassHarness pass = new PassHarness(new AllocationRemovalPass());
  private final Map<String, Long> counts = pass.counts;

  @Test
  void aProductAddedToALocalIsNeverBoxedAndTheSumGuardChecksOnlyTheLocal() {
    // x = a * b + c, inside a loop.
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 3
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=2 GUARD_FAILED
        """);
    // The product (mask 4: result raw) is read by the sum as NOS (mask 1), whose own result
    // is stored: boxed. The guard before the sum checks c alone, and its exit boxes slot 0.
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _LOAD_FAST 2
          _GUARD_TOS_FLOAT_OPERAND exit=2
          _BINARY_OP_ADD_FLOAT_RAW 1
          _STORE_FAST 3
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=4 depth=2 GUARD_FAILED raw=0
        """);
    assertThat(counts).containsEntry("allocations-removed", 1L);
  }

  @Test
  void aSumOfSquaresAllocatesOnlyItsResult() {
    // (dx*dx + dy*dy) / (dz*dz); the first product has no guard (TypesPass removed it), which
    // the pass does not need.
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 1
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_ADD_FLOAT
          _LOAD_FAST 2
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=2
          _BINARY_OP_MULTIPLY_FLOAT
          _BINARY_OP_TRUE_DIVIDE_FLOAT exit=3
          _STORE_FAST 3
          _EXIT_TRACE exit=4
        exit 0: code=0x7 ip=6 depth=3 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=12 depth=3 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=2 SLOW_PATH
        exit 4: code=0x7 ip=16 depth=0 END_OF_REGION
        """);
    // Both operands of the first sum are raw: its guard goes. The guard on dz*dz's operands
    // runs with the raw sum below them, and the division's zero-divisor exit boxes both of
    // its raw operands.
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _LOAD_FAST 1
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=5
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _BINARY_OP_ADD_FLOAT_RAW 7
          _LOAD_FAST 2
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=6
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _BINARY_OP_TRUE_DIVIDE_FLOAT_RAW 3 exit=7
          _STORE_FAST 3
          _EXIT_TRACE exit=4
        exit 0: code=0x7 ip=6 depth=3 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=12 depth=3 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=2 SLOW_PATH
        exit 4: code=0x7 ip=16 depth=0 END_OF_REGION
        exit 5: code=0x7 ip=6 depth=3 GUARD_FAILED raw=0
        exit 6: code=0x7 ip=12 depth=3 GUARD_FAILED raw=0
        exit 7: code=0x7 ip=14 depth=2 SLOW_PATH raw=0,1
        """);
    assertThat(counts).containsEntry("allocations-removed", 4L)
        .containsEntry("guards-removed", 1L);
  }

  @Test
  void aResultStaysBoxedWhenAnythingButFloatArithmeticReadsItOrMightCollect() {
    String[] traces = {
        // stored to a local
        """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=0 END_OF_REGION
        """,
        // a global load (it escapes: guest code, so a collection, may run) before the reader
        """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_GLOBAL 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=0 END_OF_REGION
        """,
        // a list built (a generic allocation) before the reader
        """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 0
          _BUILD_LIST 1
          _POP_TOP
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=0 END_OF_REGION
        """,
        // read by a comparison and its guard
        """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _BINARY_OP_SUBTRACT_FLOAT
          _LOAD_FAST 0
          _GUARD_BOTH_FLOAT exit=0
          _COMPARE_OP_FLOAT 0
          _GUARD_IS_TRUE_POP exit=1
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=1 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=0 END_OF_REGION
        """,
        // the float guard is not followed by the float operation
        """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _BINARY_OP_SUBTRACT_FLOAT
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _SWAP 2
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=0 END_OF_REGION
        """};
    for (String text : traces) {
      Region in = RegionText.parse(text);
      assertThat(pass.run(in)).as(text).isSameAs(in);
    }
    assertThat(counts).isEmpty();
  }

  @Test
  void theTracesOwnRawWordsStayRawAcrossAnInlinedCall() {
    // total = total + f(a) * b, in a loop: total is a raw local, and its load waits raw on the
    // caller's stack while f runs; f's guard exit boxes both, one frame back.
    Region r = pass.run("""
        trace
          _LOAD_FAST_CHECK 0 exit=0
          _LOAD_FAST_CHECK 1 exit=0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 0
          _CHECK_PERIODIC exit=1
          _LOOP_HEAD
          _LOAD_FAST 0
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 1
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x2000
          _PUSH_FRAME
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=2
          _POP_FRAME
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=3
          _BINARY_OP_MULTIPLY_FLOAT
          _GUARD_FLOAT_OPERANDS exit=4
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 0
          _CHECK_PERIODIC exit=1
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=9 depth=0 SAFEPOINT
        exit 2: code=0x8 ip=1 depth=1 GUARD_FAILED
        exit 3: code=0x7 ip=6 depth=3 GUARD_FAILED
        exit 4: code=0x7 ip=7 depth=2 GUARD_FAILED
        """);
    // Exit 8, in f: total's load one frame back, 1 below the stack pointer f's call saved.
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST_CHECK 0 exit=0
          _LOAD_FAST_CHECK 1 exit=0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _STORE_FAST 0
          _CHECK_PERIODIC exit=7
          _LOOP_HEAD
          _LOAD_FAST 0
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 1
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x2000
          _PUSH_FRAME
          _LOAD_FAST 0
          _GUARD_TOS_INT exit=8
          _POP_FRAME
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=9
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _BINARY_OP_ADD_FLOAT_RAW 7
          _STORE_FAST 0
          _CHECK_PERIODIC exit=7
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=9 depth=0 SAFEPOINT
        exit 2: code=0x8 ip=1 depth=1 GUARD_FAILED
        exit 3: code=0x7 ip=6 depth=3 GUARD_FAILED
        exit 4: code=0x7 ip=7 depth=2 GUARD_FAILED
        exit 5: code=0x8 ip=1 depth=1 GUARD_FAILED outerraw=1 outer=1
        exit 6: code=0x7 ip=6 depth=3 GUARD_FAILED raw=0
        exit 7: code=0x7 ip=9 depth=0 SAFEPOINT rawlocals=0
        exit 8: code=0x8 ip=1 depth=1 GUARD_FAILED rawlocals=0 outerraw=1 outer=1
        exit 9: code=0x7 ip=6 depth=3 GUARD_FAILED raw=0 rawlocals=0
        """);
    assertThat(counts).containsEntry("raw-locals", 1L).containsEntry("allocations-removed", 3L);
  }

  @Test
  void noRawSlotOfAnInlinedCalleeCrossesItsFrameChanges() {
    // The callee's product would be read by its float add after a call of its own returns.
    Region in = RegionText.parse("""
        trace
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _INIT_CALL_PY_EXACT_ARGS 0 operand=0x2000
          _PUSH_FRAME
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _INIT_CALL_PY_EXACT_ARGS 0 operand=0x2000
          _PUSH_FRAME
          _LOAD_CONST 0
          _POP_FRAME
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_ADD_FLOAT
          _POP_FRAME
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x8 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=9 depth=0 END_OF_REGION
        """);
    assertThat(pass.run(in)).isSameAs(in);
    assertThat(counts).isEmpty();
  }

  /** z = z * z + c, peeled: the loop's z. */
  private static final String PEELED_LOOP = """
      trace
        _LOAD_FAST_CHECK 0 exit=0
        _LOAD_FAST_CHECK 0 exit=3
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_MULTIPLY_FLOAT
        _LOAD_FAST 1
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_ADD_FLOAT
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _LOOP_HEAD
        _LOAD_FAST_CHECK 0 exit=0
        _LOAD_FAST_CHECK 0 exit=3
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_MULTIPLY_FLOAT
        _LOAD_FAST 1
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_ADD_FLOAT
        %s
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _JUMP_TO_TOP
      exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
      exit 1: code=0x7 ip=2 depth=2 GUARD_FAILED
      exit 2: code=0x7 ip=8 depth=0 SAFEPOINT
      exit 3: code=0x7 ip=1 depth=1 GUARD_FAILED
      """;

  @Test
  void aLocalStoredFromFloatArithmeticAndReadOnlyByItStaysRawAcrossTheLoop() {
    Region r = pass.run(PEELED_LOOP.formatted(""));
    // The peeled iteration reads z boxed, as the trace is entered, and stores it raw; from the
    // head on, z's loads push its bits (no unbound check: the trace stored it), the guard on
    // them goes, and every exit taken with z raw boxes it (rawlocals=0).
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST_CHECK 0 exit=0
          _LOAD_FAST_CHECK 0 exit=3
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _LOAD_FAST 1
          _GUARD_TOS_FLOAT_OPERAND exit=4
          _BINARY_OP_ADD_FLOAT_RAW 5
          _STORE_FAST 0
          _CHECK_PERIODIC exit=5
          _LOOP_HEAD
          _LOAD_FAST 0
          _LOAD_FAST 0
          _BINARY_OP_MULTIPLY_FLOAT_RAW 7
          _LOAD_FAST 1
          _GUARD_TOS_FLOAT_OPERAND exit=6
          _BINARY_OP_ADD_FLOAT_RAW 5
          _STORE_FAST 0
          _CHECK_PERIODIC exit=5
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=0 depth=0 GUARD_FAILED
        exit 1: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=0 SAFEPOINT
        exit 3: code=0x7 ip=1 depth=1 GUARD_FAILED
        exit 4: code=0x7 ip=2 depth=2 GUARD_FAILED raw=0
        exit 5: code=0x7 ip=8 depth=0 SAFEPOINT rawlocals=0
        exit 6: code=0x7 ip=2 depth=2 GUARD_FAILED raw=0 rawlocals=0
        """);
    assertThat(counts).containsEntry("raw-locals", 1L).containsEntry("loads-unboxed", 2L)
        .containsEntry("allocations-removed", 4L);
    assertThat(RegionText.format(pass.run(r))).isEqualTo(RegionText.format(r));
  }

  @Test
  void aLocalStaysBoxedWhenTheLoopDoesWhatARawWordCannotSurvive() {
    // In the loop body, before z's store: a global load (escapes: guest code may collect),
    // a list built (a generic allocation), and an inlined call (another frame).
    for (String between : new String[] {
        "_LOAD_GLOBAL 0\n _POP_TOP",
        "_LOAD_FAST 1\n _BUILD_LIST 1\n _POP_TOP",
        "_PUSH_NULL\n _LOAD_CONST_INLINE operand=0x1000\n _INIT_CALL_PY_EXACT_ARGS 0"
            + " operand=0x2000\n _PUSH_FRAME\n _LOAD_CONST 0\n _POP_FRAME\n _POP_TOP"}) {
      String text = PEELED_LOOP.formatted(between);
      assertThat(RegionText.format(pass.run(text))).as(between)
          .doesNotContain("rawlocals").contains("_BINARY_OP_ADD_FLOAT_RAW 1\n");
    }
    assertThat(counts).doesNotContainKey("raw-locals");
  }

  @Test
  void aGenericOperatorOnSmallIntsLetsARawLocalLive() {
    // 7 // 2 between z's load and store: two small ints, so the runtime's arithmetic at worst
    // (no guest code); with an operand of unknown type it could call __floordiv__.
    String ints = "_LOAD_CONST_INLINE operand=0xf\n _LOAD_CONST_INLINE operand=0x5\n"
        + " _BINARY_OP 2\n _POP_TOP";
    assertThat(RegionText.format(pass.run(PEELED_LOOP.formatted(ints))))
        .contains("rawlocals=0");
    String unknown = "_LOAD_FAST 1\n _LOAD_CONST_INLINE operand=0x5\n _BINARY_OP 2\n _POP_TOP";
    assertThat(RegionText.format(pass.run(PEELED_LOOP.formatted(unknown))))
        .doesNotContain("rawlocals");
  }

  @Test
  void aLocalStaysBoxedWhenAnythingButFloatArithmeticOrAComparisonReadsIt() {
    // The loop also evaluates z as a statement: _POP_TOP reads a tagged value.
    String text = PEELED_LOOP.formatted("").replace("  _JUMP_TO_TOP",
        "  _LOAD_FAST 0\n  _POP_TOP\n  _JUMP_TO_TOP");
    assertThat(RegionText.format(pass.run(text))).doesNotContain("rawlocals");
    assertThat(counts).doesNotContainKey("raw-locals");
  }

  @Test
  void aFloatComparisonReadsRawOperands() {
    // z < c in the loop body, with z raw there: _COMPARE_OP_FLOAT_RAW, LT (0) above mask 1.
    Region r = pass.run(PEELED_LOOP.formatted("""
        _LOAD_FAST 0
          _LOAD_FAST 1
          _COMPARE_OP_FLOAT 0
          _POP_TOP"""));
    assertThat(RegionText.format(r)).contains("""
          _LOAD_FAST 0
          _LOAD_FAST 1
          _COMPARE_OP_FLOAT_RAW 1
          _POP_TOP
          _STORE_FAST 0
        """);
    assertThat(counts).containsEntry("raw-locals", 1L);
    assertThat(RegionText.format(pass.run(r))).isEqualTo(RegionText.format(r));
  }

  @Test
  void aCopyOfARawLocalIsRawAndALoopThatEndsWithoutItsHeadsRawLocalsKeepsThemBoxed() {
    // t = z * z; z = t (a copy): both raw.
    String copy = """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 1
          _LOAD_FAST 1
          _STORE_FAST 0
          _LOOP_HEAD
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 1
          _LOAD_FAST 1
          _STORE_FAST 0
          _CHECK_PERIODIC exit=1
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=8 depth=0 SAFEPOINT
        """;
    assertThat(RegionText.format(pass.run(copy)))
        .endsWith("exit 2: code=0x7 ip=8 depth=0 SAFEPOINT rawlocals=0,1\n");
    // Without a head the loop starts over at uop 0, where the trace is entered boxed.
    Region headless = RegionText.parse(copy.replace("  _LOOP_HEAD\n", ""));
    assertThat(pass.run(headless)).isSameAs(headless);
  }

  @Test
  void theSquareRootOfAFloatReadsAndLeavesRawBits() {
    // d2 = x * x; d2 * math.sqrt(d2): every store of d2 is float arithmetic's, so the square
    // root's argument is a float and _CALL_MATH_SQRT_RAW (no guest code) takes it raw.
    String text = """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 1
          _LOAD_FAST 1
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 1
          _CALL_MATH_SQRT 1 operand=0x1000
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=1
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=9 depth=0 END_OF_REGION
        """;
    assertThat(RegionText.format(pass.run(text))).isEqualTo("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _STORE_FAST 1
          _LOAD_FAST 1
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 1
          _CALL_MATH_SQRT_RAW 6 operand=0x1000
          _BINARY_OP_MULTIPLY_FLOAT_RAW 3
          _STORE_FAST 2
          _EXIT_TRACE exit=2
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=9 depth=0 END_OF_REGION
        exit 2: code=0x7 ip=9 depth=0 END_OF_REGION rawlocals=1
        """);
    // A local stored from anything else (here a constant) may hold any object, whose
    // __float__ math.sqrt would call: the call stays _CALL_MATH_SQRT.
    Region other = pass.run(text.replace("  _STORE_FAST 1\n",
        "  _POP_TOP\n  _LOAD_CONST_INLINE operand=0x2000\n  _STORE_FAST 1\n"));
    assertThat(RegionText.format(other)).contains("_CALL_MATH_SQRT 1 operand=0x1000")
        .doesNotContain("rawlocals");
  }

  @Test
  void anInlinedCallsFloatResultStaysRawIntoTheCallersArithmetic() {
    // x * f(x) with f(y) = y * y inlined: _POP_FRAME only moves the product to the caller,
    // where the sum reads it raw; the guard on the other operand exits with it raw.
    Region r = pass.run("""
        trace
          _PUSH_NULL
          _LOAD_CONST_INLINE operand=0x1000
          _LOAD_FAST 0
          _INIT_CALL_PY_EXACT_ARGS 1 operand=0x2000
          _PUSH_FRAME
          _LOAD_FAST 0
          _LOAD_FAST 0
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _POP_FRAME
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 2
          _EXIT_TRACE exit=2
        exit 0: code=0x9 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=9 depth=0 END_OF_REGION
        """);
    assertThat(RegionText.format(r)).contains("""
          _BINARY_OP_MULTIPLY_FLOAT_RAW 4
          _POP_FRAME
          _LOAD_FAST 1
          _GUARD_TOS_FLOAT_OPERAND exit=3
          _BINARY_OP_ADD_FLOAT_RAW 1
        """).endsWith("exit 3: code=0x7 ip=6 depth=2 GUARD_FAILED raw=0\n");
    assertThat(counts).containsEntry("allocations-removed", 1L);
  }

  @Test
  void aFloatAttributeUpdatedFromFloatArithmeticIsReadAndStoredRaw() {
    // b.x += b.v * c, both attributes floats when recorded (oparg 1): the loads leave raw bits,
    // the product and sum stay raw, and the store (past the _SWAP that puts the sum below b)
    // keeps the attribute raw. Exits while a raw word is live box it: a loaded one is put back
    // as the attribute's own float (rawattr: slot, local 3, slot word), the sum as a new one.
    Region r = pass.run("""
        trace
          _LOAD_FAST 3
          _COPY 1
          _GUARD_TYPE operand=0x100 exit=0
          _GUARD_SHAPE 16 operand=0x200 exit=0
          _LOAD_ATTR_SLOT 1 operand=0x10 exit=0
          _LOAD_FAST 3
          _LOAD_ATTR_SLOT 1 operand=0x100000010 exit=1
          _LOAD_FAST 4
          _GUARD_FLOAT_OPERANDS exit=2
          _BINARY_OP_MULTIPLY_FLOAT
          _GUARD_FLOAT_OPERANDS exit=3
          _BINARY_OP_ADD_FLOAT
          _SWAP 2
          _STORE_ATTR_SLOT 0 operand=0x0 exit=4
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=3 GUARD_FAILED
        exit 2: code=0x7 ip=6 depth=4 GUARD_FAILED
        exit 3: code=0x7 ip=8 depth=3 GUARD_FAILED
        exit 4: code=0x7 ip=12 depth=2 SLOW_PATH
        """);
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST 3
          _COPY 1
          _GUARD_TYPE operand=0x100 exit=0
          _GUARD_SHAPE 16 operand=0x200 exit=0
          _LOAD_ATTR_SLOT_RAW operand=0x10 exit=0
          _LOAD_FAST 3
          _LOAD_ATTR_SLOT_RAW operand=0x100000010 exit=5
          _LOAD_FAST 4
          _GUARD_TOS_FLOAT_OPERAND exit=6
          _BINARY_OP_MULTIPLY_FLOAT_RAW 5
          _BINARY_OP_ADD_FLOAT_RAW 7
          _SWAP 2
          _STORE_ATTR_SLOT_RAW 0 operand=0x0 exit=7
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=3 GUARD_FAILED
        exit 2: code=0x7 ip=6 depth=4 GUARD_FAILED
        exit 3: code=0x7 ip=8 depth=3 GUARD_FAILED
        exit 4: code=0x7 ip=12 depth=2 SLOW_PATH
        exit 5: code=0x7 ip=4 depth=3 GUARD_FAILED rawattr=1:3:0x10
        exit 6: code=0x7 ip=6 depth=4 GUARD_FAILED rawattr=1:3:0x10,2:3:0x100000010
        exit 7: code=0x7 ip=12 depth=2 SLOW_PATH raw=0
        """);
    assertThat(counts).containsEntry("attribute-loads-unboxed", 2L)
        .containsEntry("attribute-stores-unboxed", 1L).containsEntry("allocations-removed", 2L);
    assertThat(RegionText.format(pass.run(r))).isEqualTo(RegionText.format(r));
  }

  @Test
  void twoFloatAttributesComparedAreReadRawAndOtherLoadsStayBoxed() {
    // a.x > b.x, of a class whose floats are kept raw (oparg 3): both raw, their guard goes. Then a load stored to a local (which needs its
    // float object) stays boxed, boxing a raw attribute itself; one the recorder did not see a
    // float in (oparg 0) stays as it is.
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 3 operand=0x10 exit=0
          _LOAD_FAST 1
          _LOAD_ATTR_SLOT 3 operand=0x10 exit=1
          _GUARD_BOTH_FLOAT exit=2
          _COMPARE_OP_FLOAT 4
          _STORE_FAST 2
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 3 operand=0x100000010 exit=3
          _STORE_FAST 3
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 0 operand=0x200000010 exit=4
          _LOAD_FAST 3
          _GUARD_FLOAT_OPERANDS exit=5
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=6
        exit 0: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=1 GUARD_FAILED
        exit 4: code=0x7 ip=20 depth=1 GUARD_FAILED
        exit 5: code=0x7 ip=24 depth=2 GUARD_FAILED
        exit 6: code=0x7 ip=30 depth=0 END_OF_REGION
        """);
    assertThat(RegionText.format(r)).isEqualTo("""
        trace
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT_RAW operand=0x10 exit=0
          _LOAD_FAST 1
          _LOAD_ATTR_SLOT_RAW operand=0x10 exit=7
          _COMPARE_OP_FLOAT_RAW 35
          _STORE_FAST 2
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT_FLOAT operand=0x100000010 exit=3
          _STORE_FAST 3
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 0 operand=0x200000010 exit=4
          _LOAD_FAST 3
          _GUARD_FLOAT_OPERANDS exit=5
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=6
        exit 0: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=1 GUARD_FAILED
        exit 4: code=0x7 ip=20 depth=1 GUARD_FAILED
        exit 5: code=0x7 ip=24 depth=2 GUARD_FAILED
        exit 6: code=0x7 ip=30 depth=0 END_OF_REGION
        exit 7: code=0x7 ip=6 depth=2 GUARD_FAILED rawattr=0:0:0x10
        """);
    assertThat(counts).containsEntry("attribute-loads-unboxed", 2L)
        .containsEntry("guards-removed", 1L);
  }

  @Test
  void anAttributeLoadStaysBoxedWhenNothingKeepsItsInstanceUntilItsFloatOperationRuns() {
    // ps[i].x * c: the instance is no local's, so an exit before the product could not find
    // the attribute's own float again. Then a.x * (a := b).x: local 0 changes between the
    // first load and the product, so only the second load, right before it, is raw. The boxed
    // ones, of floats as recorded, box a raw attribute themselves.
    Region r = pass.run("""
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _BINARY_SUBSCR_LIST_INT exit=0
          _LOAD_ATTR_SLOT 3 operand=0x10 exit=0
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_MULTIPLY_FLOAT
          _POP_TOP
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 3 operand=0x10 exit=2
          _LOAD_FAST 3
          _STORE_FAST 0
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 3 operand=0x10 exit=3
          _GUARD_FLOAT_OPERANDS exit=4
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=5
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=10 depth=1 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=2 GUARD_FAILED
        exit 4: code=0x7 ip=16 depth=2 GUARD_FAILED
        exit 5: code=0x7 ip=20 depth=0 END_OF_REGION
        """);
    assertThat(PassHarness.uops(r)).containsSubsequence(
        "_BINARY_SUBSCR_LIST_INT exit=0", "_LOAD_ATTR_SLOT_FLOAT operand=0x10 exit=0",
        "_LOAD_ATTR_SLOT_FLOAT operand=0x10 exit=2", "_STORE_FAST 0",
        "_LOAD_ATTR_SLOT_RAW operand=0x10 exit=3", "_GUARD_NOS_FLOAT_OPERAND exit=6");
    assertThat(r.exits().get(6).attrSlots()).containsExactly(new Exit.AttrSlot(1, 0, 0x10));
    assertThat(counts).containsEntry("attribute-loads-unboxed", 1L);
  }

  @Test
  void floatAttributesOfAClassWhoseFloatsAreNeverRawAreLeftAsTheyAre() {
    // a.x > b.x and a.x * c seen as floats (oparg 1), but nothing keeps the class's floats raw:
    // a raw load would only move the unboxing.
    String text = """
        trace
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 1 operand=0x10 exit=0
          _LOAD_FAST 1
          _LOAD_ATTR_SLOT 1 operand=0x10 exit=1
          _GUARD_BOTH_FLOAT exit=2
          _COMPARE_OP_FLOAT 4
          _STORE_FAST 2
          _LOAD_FAST 0
          _LOAD_ATTR_SLOT 1 operand=0x10 exit=3
          _LOAD_FAST 3
          _GUARD_FLOAT_OPERANDS exit=4
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=5
        exit 0: code=0x7 ip=2 depth=1 GUARD_FAILED
        exit 1: code=0x7 ip=6 depth=2 GUARD_FAILED
        exit 2: code=0x7 ip=8 depth=2 GUARD_FAILED
        exit 3: code=0x7 ip=14 depth=1 GUARD_FAILED
        exit 4: code=0x7 ip=18 depth=2 GUARD_FAILED
        exit 5: code=0x7 ip=20 depth=0 END_OF_REGION
        """;
    assertThat(RegionText.format(pass.run(text))).isEqualTo(RegionText.format(
        RegionText.parse(text)));
    assertThat(counts).doesNotContainKey("attribute-loads-unboxed");
  }

  /** z = x * x; w = z * z in a trace that ends before w is read (locals: 1 x, 2 z, 3 w). */
  private static final String ENDS_AFTER_STORES = """
      trace
        _LOAD_FAST 1
        _LOAD_FAST 1
        _GUARD_FLOAT_OPERANDS exit=0
        _BINARY_OP_MULTIPLY_FLOAT
        _STORE_FAST 2
        _LOAD_FAST 2
        _LOAD_FAST 2
        _GUARD_FLOAT_OPERANDS exit=1
        _BINARY_OP_MULTIPLY_FLOAT
        _STORE_FAST 3
        _EXIT_TRACE exit=2
      exit 0: code=0x9 ip=2 depth=2 GUARD_FAILED
      exit 1: code=0x9 ip=7 depth=2 GUARD_FAILED
      exit 2: code=0x9 ip=10 depth=0 END_OF_REGION
      """;

  /** Code 0x9 from {@code z = x * x} (units 0-4) on, locals 1 x and 2 z. */
  private static FakeCode zIsXSquared() {
    return new FakeCode(0x9)
        .op(Opcode.LOAD_FAST, 1).op(Opcode.LOAD_FAST, 1).op(Opcode.BINARY_OP, 5) // 0 1 2
        .op(Opcode.STORE_FAST, 2);                                               // 4
  }

  /** The bytecode of ENDS_AFTER_STORES, which reads w after the trace's end and never z. */
  private static FakeCode endsAfterStoresCode() {
    return zIsXSquared()
        .op(Opcode.LOAD_FAST, 2).op(Opcode.LOAD_FAST, 2).op(Opcode.BINARY_OP, 5) // 5 6 7
        .op(Opcode.STORE_FAST, 3)                                                // 9
        .op(Opcode.LOAD_FAST, 3).op(Opcode.RETURN_VALUE, 0);                     // 10 11
  }

  @Test
  void aRawLocalTheInterpreterWritesBeforeReadingIsClearedAtTheExitInsteadOfBoxed() {
    FakeEnvironment env = new FakeEnvironment();
    env.codes.put(0x9L, endsAfterStoresCode());
    PassHarness inVm = new PassHarness(env, new AllocationRemovalPass());
    Region r = inVm.run(ENDS_AFTER_STORES);
    // z is loaded raw, so it is raw from its store on; the trace's end resumes at LOAD_FAST w,
    // from where z is never read: the exit clears it rather than making a float of it.
    assertThat(RegionText.format(r)).endsWith(
        "exit 2: code=0x9 ip=10 depth=0 END_OF_REGION\n"
            + "exit 3: code=0x9 ip=10 depth=0 END_OF_REGION deadlocals=2\n");
    assertThat(inVm.counts).containsEntry("raw-locals", 1L)
        .containsEntry("dead-raw-locals-at-exits", 1L);
    assertThat(RegionText.format(inVm.run(r))).isEqualTo(RegionText.format(r));
    // Outside a VM the code is unknown: the exit boxes z.
    assertThat(RegionText.format(pass.run(ENDS_AFTER_STORES))).endsWith(
        "exit 3: code=0x9 ip=10 depth=0 END_OF_REGION rawlocals=2\n");
    assertThat(counts).doesNotContainKey("dead-raw-locals-at-exits");
  }

  @Test
  void aBranchExitClearsWhatTheOtherWayNeverReads() {
    // z = x * x; if flag: w = z * z (traced) else: return 0 (locals: 1 x, 2 z, 3 flag, 4 w)
    FakeEnvironment env = new FakeEnvironment();
    env.codes.put(0x9L, zIsXSquared()
        .op(Opcode.LOAD_FAST, 3).op(Opcode.POP_JUMP_IF_FALSE, 14)                // 5 6
        .op(Opcode.LOAD_FAST, 2).op(Opcode.LOAD_FAST, 2).op(Opcode.BINARY_OP, 5) // 7 8 9
        .op(Opcode.STORE_FAST, 4)                                                // 11
        .op(Opcode.LOAD_FAST, 4).op(Opcode.RETURN_VALUE, 0)                      // 12 13
        .op(Opcode.LOAD_CONST, 0).op(Opcode.RETURN_VALUE, 0));                   // 14 15
    String text = """
        trace
          _LOAD_FAST 1
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 2
          _LOAD_FAST 3
          _GUARD_IS_TRUE_POP exit=1
          _LOAD_FAST 2
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=2
          _BINARY_OP_MULTIPLY_FLOAT
          _STORE_FAST 4
          _EXIT_TRACE exit=3
        exit 0: code=0x9 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x9 ip=6 depth=1 BRANCH
        exit 2: code=0x9 ip=9 depth=2 GUARD_FAILED
        exit 3: code=0x9 ip=12 depth=0 END_OF_REGION
        """;
    // The guard exits when flag is false: the interpreter then jumps to 'return 0', which
    // never reads z, although the branch's other way (the trace's) does.
    Region r = new PassHarness(env, new AllocationRemovalPass()).run(text);
    assertThat(RegionText.format(r)).contains(
        "_GUARD_IS_TRUE_POP exit=4\n",
        "exit 4: code=0x9 ip=6 depth=1 BRANCH deadlocals=2\n",
        "exit 5: code=0x9 ip=12 depth=0 END_OF_REGION deadlocals=2\n");
    // Right only where the guard fails: force-exits must not take it where the guard passes.
    assertThat(r.exits().get(4).onlyWhereTheGuardFails()).isTrue();
    assertThat(r.exits().get(5).onlyWhereTheGuardFails()).isFalse();
    // A trace that took the jump instead exits to the fall-through, which reads z.
    FakeEnvironment jumped = new FakeEnvironment();
    jumped.codes.put(0x9L, zIsXSquared()
        .op(Opcode.LOAD_FAST, 3).op(Opcode.POP_JUMP_IF_TRUE, 9)                  // 5 6
        .op(Opcode.LOAD_FAST, 2).op(Opcode.RETURN_VALUE, 0)                      // 7 8
        .op(Opcode.LOAD_FAST, 2).op(Opcode.LOAD_FAST, 2).op(Opcode.BINARY_OP, 5) // 9 10 11
        .op(Opcode.STORE_FAST, 4)                                                // 13
        .op(Opcode.LOAD_FAST, 4).op(Opcode.RETURN_VALUE, 0));                    // 14 15
    r = new PassHarness(jumped, new AllocationRemovalPass()).run(text
        .replace("ip=9 depth=2", "ip=11 depth=2").replace("ip=12 depth=0", "ip=14 depth=0"));
    assertThat(RegionText.format(r)).contains(
        "exit 4: code=0x9 ip=6 depth=1 BRANCH rawlocals=2\n",
        "exit 5: code=0x9 ip=14 depth=0 END_OF_REGION deadlocals=2\n");
  }

  @Test
  void runningTwiceChangesNothingMore() {
    String text = """
        trace
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 2
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_SUBTRACT_FLOAT
          _LOAD_FAST 3
          _GUARD_FLOAT_OPERANDS exit=1
          _BINARY_OP_TRUE_DIVIDE_FLOAT exit=1
          _STORE_FAST 3
          _JUMP_TO_TOP
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        exit 1: code=0x7 ip=4 depth=2 GUARD_FAILED
        """;
    Region once = pass.run(text);
    Region twice = pass.run(once);
    assertThat(RegionText.format(twice)).isEqualTo(RegionText.format(once));
    // One exit shared by two guards and the division, all with slot 0 raw: one new exit.
    assertThat(RegionText.format(once)).contains("""
          _GUARD_TOS_FLOAT_OPERAND exit=2
          _BINARY_OP_SUBTRACT_FLOAT_RAW 5
          _LOAD_FAST 3
          _GUARD_TOS_FLOAT_OPERAND exit=2
          _BINARY_OP_TRUE_DIVIDE_FLOAT_RAW 1 exit=2
        """).endsWith("exit 2: code=0x7 ip=4 depth=2 GUARD_FAILED raw=0\n");
    assertThat(counts).containsEntry("allocations-removed", 2L);
  }

  @Test
  void blockRegionsAreLeftAlone() {
    Region in = RegionText.parse("""
        blocks entry=0
        block 0:
          _LOAD_FAST 0
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_MULTIPLY_FLOAT
          _LOAD_FAST 1
          _GUARD_FLOAT_OPERANDS exit=0
          _BINARY_OP_ADD_FLOAT
          _STORE_FAST 0
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=2 depth=2 GUARD_FAILED
        """);
    assertThat(pass.run(in)).isSameAs(in);
  }
}
