package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code loop-peeling}: a looping trace {@code B ; _JUMP_TO_TOP} becomes {@code B ;
 * _LOOP_HEAD ; B ; _JUMP_TO_TOP}, so its first iteration runs once, on entry, and every later
 * one from the {@code _LOOP_HEAD}. By itself this changes nothing a program can observe: the
 * two copies are the same uops with the same exits (an exit is a resume state, the same for
 * both copies, so they share the exit table, and a bridge grown from an exit serves both).
 *
 * <p>What it is for: the peeled copy runs the guards and loads whose outcome does not change
 * from one iteration to the next, so the loop body can go without them. The {@code types} pass
 * does that removal (it knows what holds at {@code _LOOP_HEAD}), which is why this pass runs
 * before it in {@code passes=all}.
 *
 * <p>A trace is peeled only when its body has at most {@link #MAX_BODY} uops: the peeled copy
 * doubles the trace's code, and a long trace has less to gain per iteration. A trace that has a
 * {@code _LOOP_HEAD} already is left as it is, as are traces that do not loop and block
 * regions. Entering the trace from outside (the loop's own entry, a link from another region, a
 * bridge ending at the loop) is always at uop 0, so always through the peeled iteration.
 */
public final class LoopPeelingPass implements OptimizerPass {
  public static final String NAME = "loop-peeling";

  /** The largest loop body (uops before {@code _JUMP_TO_TOP}) that is peeled. */
  public static final int MAX_BODY = 400;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Region run(Region region, PassContext stats) {
    if (!(region instanceof Trace trace) || !trace.loops()) {
      return region;
    }
    List<UopInstr> uops = trace.uops();
    int body = uops.size() - 1;
    if (body == 0 || body > MAX_BODY
        || uops.stream().anyMatch(in -> in.uop() == Uop.LOOP_HEAD)) {
      return region;
    }
    ImmutableList.Builder<UopInstr> out = ImmutableList.builderWithExpectedSize(2 * body + 2);
    List<UopInstr> loop = uops.subList(0, body);
    out.addAll(loop).add(UopInstr.of(Uop.LOOP_HEAD)).addAll(loop).add(uops.get(body));
    stats.count("loops-peeled", 1);
    stats.count("uops-added", body + 1);
    return Trace.of(out.build(), trace.exits());
  }
}
