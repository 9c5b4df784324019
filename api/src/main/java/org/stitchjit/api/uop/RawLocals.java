package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.TreeSet;

/**
 * Which locals of a trace's own frame hold a raw double's bits (decision 7, "Raw locals")
 * before each uop, as the uops themselves say it: a slot is raw when a float uop left its result
 * raw ({@link Uop#RAW_RESULT}) or {@code _LOAD_FAST} pushed a raw local, and {@code _STORE_FAST}
 * of a raw slot makes its local raw until the next store or delete of it. Nothing else makes a
 * local raw, so the pass that writes such uops and the runtime that unwinds through them (it
 * boxes the raw locals when a guest exception leaves the region) agree by construction.
 *
 * <p>Only the frame the trace was entered in has raw locals: an inlined callee's locals are
 * another frame's. They stay raw while the trace runs an inlined call (an exit or exception
 * there finds them {@link #framesBelow} frames back), and none is live when the entry frame
 * itself returns. A loop must close with the raw locals its {@code _LOOP_HEAD} has (none when
 * the loop has no head, since entering is always with every local boxed).
 */
public final class RawLocals {
  private RawLocals() {}

  /**
   * Per uop, the raw locals of the entry frame before it runs.
   *
   * @throws IllegalArgumentException when a loop closes with other raw locals than it opened
   *     with, or the entry frame returns with raw locals
   */
  public static ImmutableList<ImmutableSortedSet<Integer>> before(Trace trace) {
    ImmutableList<UopInstr> uops = trace.uops();
    ImmutableList.Builder<ImmutableSortedSet<Integer>> out = ImmutableList.builder();
    TreeSet<Integer> locals = new TreeSet<>();
    // Raw stack slots of the entry frame, as depths relative to its depth on entry.
    TreeSet<Integer> slots = new TreeSet<>();
    Deque<Integer> callers = new ArrayDeque<>();
    ImmutableSortedSet<Integer> atHead = ImmutableSortedSet.of();
    ImmutableSortedSet<Integer> current = ImmutableSortedSet.of();
    boolean changed = false;
    int d = 0;
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      Uop u = in.uop();
      if (changed) {
        current = ImmutableSortedSet.copyOf(locals);
        changed = false;
      }
      out.add(current);
      boolean entryFrame = callers.isEmpty();
      if (entryFrame && u == Uop.POP_FRAME && !locals.isEmpty()) {
        throw new IllegalArgumentException("uop " + i + ": the entry frame returns with raw"
            + " locals " + locals);
      }
      int inputs = u.inputs(in.oparg());
      int after = d + u.stackEffect(in.oparg());
      if (entryFrame) {
        if (u == Uop.STORE_FAST) {
          changed |= slots.contains(d - 1) ? locals.add(in.oparg()) : locals.remove(in.oparg());
        } else if (u == Uop.DELETE_FAST) {
          changed |= locals.remove(in.oparg());
        }
        // A guard leaves what it checked in place; anything else replaces its inputs.
        int popped = u.is(UopFlag.GUARD) ? inputs - u.outputs(in.oparg()) : inputs;
        slots.tailSet(d - popped, true).clear();
        if ((u == Uop.LOAD_FAST || u == Uop.LOAD_FAST_CHECK) && locals.contains(in.oparg())) {
          slots.add(d);
        } else if (u.has(OperandKind.OPARG) && rawResult(u, in.oparg())) {
          slots.add(after - 1);
        }
      }
      d = after;
      if (u == Uop.PUSH_FRAME) {
        callers.push(d);
        d = 0;
      } else if (u == Uop.POP_FRAME) {
        d = callers.isEmpty() ? 0 : callers.pop() + 1;
      } else if (u == Uop.LOOP_HEAD) {
        atHead = ImmutableSortedSet.copyOf(locals);
      } else if (u == Uop.JUMP_TO_TOP && !locals.equals(atHead)) {
        throw new IllegalArgumentException("uop " + i + ": the loop closes with raw locals "
            + locals + ", its head has " + atHead);
      }
    }
    return out.build();
  }

  /**
   * Per uop, how many inlined calls deep it runs: how many frames back from the one it runs in
   * the entry frame, whose locals {@link #before} names, is. A trace that returns from its
   * entry frame counts the caller it returns to as 0 (no raw local outlives that return).
   */
  public static int[] framesBelow(Trace trace) {
    int[] below = new int[trace.uops().size()];
    int inlined = 0;
    for (int i = 0; i < below.length; i++) {
      below[i] = inlined;
      Uop u = trace.uops().get(i).uop();
      if (u == Uop.PUSH_FRAME) {
        inlined++;
      } else if (u == Uop.POP_FRAME && inlined > 0) {
        inlined--;
      }
    }
    return below;
  }

  /** Whether a float uop (or a raw attribute load) leaves its result raw. */
  public static boolean rawResult(Uop u, int oparg) {
    return switch (u) {
      case BINARY_OP_ADD_FLOAT_RAW, BINARY_OP_SUBTRACT_FLOAT_RAW, BINARY_OP_MULTIPLY_FLOAT_RAW,
          BINARY_OP_TRUE_DIVIDE_FLOAT_RAW, CALL_MATH_SQRT_RAW -> (oparg & Uop.RAW_RESULT) != 0;
      case LOAD_ATTR_SLOT_RAW -> true;
      default -> false;
    };
  }
}
