package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Operand stack depths through a trace, following inlined calls: {@code _PUSH_FRAME} starts
 * the callee with an empty stack and {@code _POP_FRAME} returns one value to the caller. Passes
 * and frontends use it to check that a rewrite kept the stack balanced, that guards read live
 * slots, and that a loop closes with the stack it started with.
 */
public final class StackDepths {
  private StackDepths() {}

  /**
   * The depth of the current frame's stack before each uop, for a trace entered with {@code
   * entryDepth} items on the stack.
   *
   * @throws IllegalArgumentException when a uop reads below the bottom of its frame's stack,
   *     a guard's fact names a slot that does not exist, {@code _POP_FRAME} has no inlined
   *     frame to return to, {@code _LOOP_HEAD} is in an inlined frame, or {@code _JUMP_TO_TOP}
   *     is reached in another frame or depth than where it continues (the {@code _LOOP_HEAD},
   *     else the entry)
   */
  public static ImmutableList<Integer> of(Trace trace, int entryDepth) {
    if (entryDepth < 0) {
      throw new IllegalArgumentException("entry depth " + entryDepth);
    }
    ImmutableList.Builder<Integer> out = ImmutableList.builder();
    Deque<Integer> callers = new ArrayDeque<>();
    int depth = entryDepth;
    int loopDepth = -1;
    ImmutableList<UopInstr> uops = trace.uops();
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      Uop u = in.uop();
      out.add(depth);
      int inputs = u.inputs(in.oparg());
      if (inputs > depth) {
        throw new IllegalArgumentException("uop " + i + ": " + u.uopName() + " reads " + inputs
            + " stack items, " + depth + " present");
      }
      for (GuardFact f : u.proves()) {
        if (f.slot() > depth) {
          throw new IllegalArgumentException("uop " + i + ": " + u.uopName() + " proves "
              + f + " with " + depth + " items on the stack");
        }
      }
      depth += u.stackEffect(in.oparg());
      if (u == Uop.PUSH_FRAME) {
        callers.push(depth);
        depth = 0;
      } else if (u == Uop.POP_FRAME) {
        if (callers.isEmpty()) {
          throw new IllegalArgumentException(
              "uop " + i + ": _POP_FRAME outside an inlined call");
        }
        depth = callers.pop() + 1;
      } else if (u == Uop.LOOP_HEAD) {
        if (!callers.isEmpty()) {
          throw new IllegalArgumentException("uop " + i + ": _LOOP_HEAD in an inlined frame");
        }
        loopDepth = depth;
      } else if (u == Uop.JUMP_TO_TOP
          && (!callers.isEmpty() || depth != (loopDepth >= 0 ? loopDepth : entryDepth))) {
        throw new IllegalArgumentException("uop " + i + ": _JUMP_TO_TOP with depth " + depth
            + (callers.isEmpty() ? "" : " in an inlined frame")
            + (loopDepth >= 0 ? ", _LOOP_HEAD at " + loopDepth : ", entered with " + entryDepth));
      }
    }
    return out.build();
  }
}
