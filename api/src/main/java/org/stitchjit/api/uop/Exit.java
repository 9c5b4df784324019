package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableSortedSet;
import java.util.Objects;

/**
 * Where the interpreter resumes when compiled code leaves through an exit. Compiled code
 * writes back everything it holds in registers first, so the frame's operand stack then has
 * exactly {@code stackDepth} items and execution continues at instruction {@code
 * bytecodeIndex} of the code object.
 *
 * @param codeId the identity of the code object (its id or address; inlined frames have their
 *     own code object, so an exit inside an inlined callee names the callee)
 * @param bytecodeIndex the unit index of the instruction to resume at
 * @param stackDepth the operand stack depth at that instruction
 * @param rawSlots the stack slots (indices from the bottom of the exit's frame's operand stack,
 *     each below {@code stackDepth}) that hold a raw double's bits when the exit is taken
 *     (decision 7): leaving boxes each into a new float before the interpreter, a bridge or
 *     the collector sees the frame. Empty for every exit a frontend makes.
 * @param rawLocals the locals (indices into the exit's frame's localsplus) that hold a raw
 *     double's bits when the exit is taken, boxed on leaving like {@code rawSlots} (decision
 *     7, "Raw locals"). Empty for every exit a frontend makes.
 */
public record Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason,
    ImmutableSortedSet<Integer> rawSlots, ImmutableSortedSet<Integer> rawLocals) {

  public Exit {
    if (bytecodeIndex < 0) {
      throw new IllegalArgumentException("bytecode index " + bytecodeIndex);
    }
    if (stackDepth < 0) {
      throw new IllegalArgumentException("stack depth " + stackDepth);
    }
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(rawSlots, "rawSlots");
    if (!rawSlots.isEmpty() && (rawSlots.first() < 0 || rawSlots.last() >= stackDepth)) {
      throw new IllegalArgumentException("raw slots " + rawSlots + " at stack depth "
          + stackDepth);
    }
    Objects.requireNonNull(rawLocals, "rawLocals");
    if (!rawLocals.isEmpty() && rawLocals.first() < 0) {
      throw new IllegalArgumentException("raw locals " + rawLocals);
    }
  }

  /** An exit with no raw slots or locals. */
  public Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason) {
    this(codeId, bytecodeIndex, stackDepth, reason, ImmutableSortedSet.of());
  }

  /** An exit with the given raw slots and no raw locals. */
  public Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason,
      ImmutableSortedSet<Integer> rawSlots) {
    this(codeId, bytecodeIndex, stackDepth, reason, rawSlots, ImmutableSortedSet.of());
  }

  /** This exit with the given slots raw. */
  public Exit withRawSlots(ImmutableSortedSet<Integer> slots) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, slots, rawLocals);
  }

  /** This exit with the given locals raw. */
  public Exit withRawLocals(ImmutableSortedSet<Integer> locals) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, rawSlots, locals);
  }

  /** Whether leaving through this exit must box anything. */
  public boolean boxesOnLeaving() {
    return !rawSlots.isEmpty() || !rawLocals.isEmpty();
  }
}
