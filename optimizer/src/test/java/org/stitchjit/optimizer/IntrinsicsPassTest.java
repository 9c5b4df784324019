package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;

/** The intrinsics pass on hand-written traces against a table VM. */
class IntrinsicsPassTest {
  private final FakeEnvironment env = new FakeEnvironment();

  @Test
  void oneArgumentCallsOfKnownBuiltinsAndListAppendBecomeTheirNativeForms() {
    env.builtinNames.put(0x5000L, "len");
    env.builtinNames.put(0x5100L, "math.sqrt");
    env.builtinNames.put(0x5200L, "repr");
    env.builtinNames.put(0x5300L, "list.append");
    env.builtinNames.put(0x5400L, "list.pop");
    env.builtinNames.put(0x5500L, "math.floor");
    env.builtinNames.put(0x5600L, "math.sin");
    env.builtinNames.put(0x5700L, "math.cos");
    PassHarness h = new PassHarness(env, new IntrinsicsPass());
    Region r = h.run("""
        trace
          _CALL_BUILTIN 1 operand=0x5000
          _CALL_BUILTIN 1 operand=0x5100
          _CALL_BUILTIN 1 operand=0x5300
          _CALL_BUILTIN 0 operand=0x5400
          _CALL_BUILTIN 1 operand=0x5500
          _CALL_BUILTIN 1 operand=0x5600
          _CALL_BUILTIN 1 operand=0x5700
          _CALL_BUILTIN 1 operand=0x5400
          _CALL_BUILTIN 0 operand=0x5000
          _CALL_BUILTIN 1 operand=0x5200
          _CALL_BUILTIN 2 operand=0x5000
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    // repr has no native form; len with two arguments or none, and list.pop with an index,
    // are left to the generic call.
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _CALL_LEN 1 operand=0x5000
        _CALL_MATH_SQRT 1 operand=0x5100
        _CALL_LIST_APPEND 1 operand=0x5300
        _CALL_LIST_POP 0 operand=0x5400
        _CALL_MATH_FLOOR 1 operand=0x5500
        _CALL_MATH_SIN 1 operand=0x5600
        _CALL_MATH_COS 1 operand=0x5700
        _CALL_BUILTIN 1 operand=0x5400
        _CALL_BUILTIN 0 operand=0x5000
        _CALL_BUILTIN 1 operand=0x5200
        _CALL_BUILTIN 2 operand=0x5000
        _EXIT_TRACE exit=0
        """));
    assertThat(h.counts).containsEntry("calls-replaced", 7L);
  }

  @Test
  void callsOfTheTypesRangeIntFloatAndTupleBecomeTheirNativeForms() {
    long range = env.runtimeConstant(FakeEnvironment.RANGE_TYPE);
    long intType = env.runtimeConstant(org.stitchjit.api.jit.RuntimeConstants.INT_TYPE);
    long tupleType = env.runtimeConstant(org.stitchjit.api.jit.RuntimeConstants.TUPLE_TYPE);
    long floatType = env.runtimeConstant(org.stitchjit.api.jit.RuntimeConstants.FLOAT_TYPE);
    PassHarness h = new PassHarness(env, new IntrinsicsPass());
    Region r = h.run(String.format("""
        trace
          _CALL_BUILTIN 1 operand=0x%1$x
          _CALL_BUILTIN 2 operand=0x%1$x
          _CALL_BUILTIN 3 operand=0x%1$x
          _CALL_BUILTIN 1 operand=0x%2$x
          _CALL_BUILTIN 2 operand=0x%2$x
          _CALL_BUILTIN 1 operand=0x%3$x
          _CALL_BUILTIN 1 operand=0x%4$x
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=8 depth=1 END_OF_REGION
        """, range, intType, tupleType, floatType));
    // A step is left to the generic call (its sign decides the length), as is int(s, base).
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines(String.format("""
        _CALL_RANGE 1 operand=0x%1$x
        _CALL_RANGE 2 operand=0x%1$x
        _CALL_BUILTIN 3 operand=0x%1$x
        _CALL_INT 1 operand=0x%2$x
        _CALL_BUILTIN 2 operand=0x%2$x
        _CALL_TUPLE 1 operand=0x%3$x
        _CALL_FLOAT 1 operand=0x%4$x
        _EXIT_TRACE exit=0
        """, range, intType, tupleType, floatType)));
    assertThat(h.counts).containsEntry("calls-replaced", 5L);
  }

  @Test
  void withoutAVmToAskTheRegionStaysAsItIs() {
    Region before = RegionText.parse("""
        trace
          _CALL_BUILTIN 1 operand=0x5000
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=8 depth=1 END_OF_REGION
        """);
    assertThat(new PassHarness(new IntrinsicsPass()).run(before)).isSameAs(before);
  }
}
