package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.StackDepths;
import org.stitchjit.api.uop.Trace;

/** The loop-peeling pass on hand-written traces, each with the trace it must become. */
class LoopPeelingPassTest {
  private final PassHarness pass = new PassHarness(new LoopPeelingPass());
  private final Map<String, Long> counts = pass.counts;

  @Test
  void aLoopingTraceRunsItsFirstIterationOnceBeforeTheLoopHead() {
    // for i in it: t = i -- the iterator stays on the stack, and both copies share the exits.
    Region r = pass.run("""
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
        """);
    assertThat(PassHarness.uops(r)).isEqualTo(PassHarness.lines("""
        _ITER_CHECK_RANGE exit=0
        _GUARD_NOT_EXHAUSTED_RANGE exit=1
        _ITER_NEXT_RANGE
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _LOOP_HEAD
        _ITER_CHECK_RANGE exit=0
        _GUARD_NOT_EXHAUSTED_RANGE exit=1
        _ITER_NEXT_RANGE
        _STORE_FAST 0
        _CHECK_PERIODIC exit=2
        _JUMP_TO_TOP
        """));
    assertThat(r.exits()).hasSize(3);
    Trace t = (Trace) r;
    assertThat(t.loopStart()).isEqualTo(5);
    // The loop closes at the depth of its head, which is the depth it was entered with.
    assertThat(StackDepths.of(t, 1).get(5)).isEqualTo(1);
    assertThat(counts).containsEntry("loops-peeled", 1L).containsEntry("uops-added", 6L);
  }

  @Test
  void tracesThatDoNotLoopOrArePeeledOrTooLongStayAsTheyAre() {
    Region straight = RegionText.parse("""
        trace
          _LOAD_FAST 0
          _STORE_FAST 1
          _EXIT_TRACE exit=0
        exit 0: code=0x7 ip=2 depth=0 END_OF_REGION
        """);
    Region peeled = RegionText.parse("""
        trace
          _LOAD_FAST 0
          _STORE_FAST 1
          _LOOP_HEAD
          _LOAD_FAST 0
          _STORE_FAST 1
          _JUMP_TO_TOP
        """);
    StringBuilder text = new StringBuilder("trace\n");
    for (int i = 0; i < LoopPeelingPass.MAX_BODY + 1; i++) {
      text.append("_NOP\n");
    }
    Region tooLong = RegionText.parse(text + "_JUMP_TO_TOP\n");
    Region justFits = RegionText.parse(text.substring(0, text.length() - "_NOP\n".length())
        + "_JUMP_TO_TOP\n");
    assertThat(pass.run(straight)).isSameAs(straight);
    assertThat(pass.run(peeled)).isSameAs(peeled);
    assertThat(pass.run(tooLong)).isSameAs(tooLong);
    assertThat(counts).isEmpty();
    assertThat(((Trace) pass.run(justFits)).uops()).hasSize(2 * LoopPeelingPass.MAX_BODY + 2);
    assertThat(counts).containsEntry("loops-peeled", 1L);
  }
}
