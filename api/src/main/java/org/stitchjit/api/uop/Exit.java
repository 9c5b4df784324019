package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
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
 * @param rawLocals the locals (indices into the localsplus of the exit's frame, or of the frame
 *     {@code outerFrame} names) that hold a raw double's bits when the exit is taken, boxed on
 *     leaving like {@code rawSlots} (decision 7, "Raw locals"). Empty for every exit a
 *     frontend makes.
 * @param outerSlots stack slots (indices from the bottom of its operand stack) of the frame
 *     {@code outerFrame} calls below the exit's that hold raw doubles' bits, boxed on leaving
 *     like {@code rawSlots}: the trace's own frame's temporaries kept raw across an inlined
 *     call the exit is in. Empty when {@code outerFrame} is 0, and for every exit a frontend
 *     makes.
 * @param outerFrame which frame {@code rawLocals} and {@code outerSlots} are in, counted from
 *     the exit's frame through the callers: 0 for the exit's own; k for an exit k inlined
 *     calls deep in a trace whose own frame keeps raw words across the calls (leaving walks
 *     k frames back)
 * @param attrSlots stack slots of the exit's frame that hold the raw bits of a float attribute
 *     loaded raw ({@code _LOAD_ATTR_SLOT_RAW}) and not changed since: leaving puts there the
 *     attribute's own float, as the boxed load would have (the box its slot holds, or one made
 *     and kept there), so the value keeps its identity (decision 7, "Float attributes"). Empty
 *     for every exit a frontend makes.
 * @param deadLocals locals of the frame {@code rawLocals} are in that hold a raw double's bits
 *     when the exit is taken but that the interpreter, resuming there, writes before it reads
 *     (dead): leaving clears each (unbound) instead of boxing it, so that the collector never
 *     scans the bits (decision 7, "Dead raw locals"). Disjoint from {@code rawLocals}; empty for
 *     every exit a frontend makes.
 */
public record Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason,
    ImmutableSortedSet<Integer> rawSlots, ImmutableSortedSet<Integer> rawLocals,
    ImmutableSortedSet<Integer> outerSlots, int outerFrame, ImmutableList<AttrSlot> attrSlots,
    ImmutableSortedSet<Integer> deadLocals) {

  /**
   * A raw stack slot whose float is attribute {@code slotWord} names (value index high, attrs
   * offset low, as _LOAD_ATTR_SLOT's operand) of the instance in local {@code local}.
   */
  public record AttrSlot(int slot, int local, long slotWord) {
    public AttrSlot {
      if (slot < 0 || local < 0) {
        throw new IllegalArgumentException("attribute slot " + slot + " of local " + local);
      }
    }
  }

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
    Objects.requireNonNull(outerSlots, "outerSlots");
    if (!outerSlots.isEmpty() && (outerFrame == 0 || outerSlots.first() < 0)) {
      throw new IllegalArgumentException("raw slots " + outerSlots + " of frame "
          + outerFrame + " below");
    }
    Objects.requireNonNull(deadLocals, "deadLocals");
    if (!deadLocals.isEmpty() && (deadLocals.first() < 0
        || deadLocals.stream().anyMatch(rawLocals::contains))) {
      throw new IllegalArgumentException("dead locals " + deadLocals + " with raw locals "
          + rawLocals);
    }
    if (outerFrame < 0 || outerFrame > 0 && rawLocals.isEmpty() && outerSlots.isEmpty()
        && deadLocals.isEmpty()) {
      throw new IllegalArgumentException("no raw words in frame " + outerFrame + " below");
    }
    Objects.requireNonNull(attrSlots, "attrSlots");
    for (AttrSlot a : attrSlots) {
      if (a.slot() >= stackDepth || rawSlots.contains(a.slot())) {
        throw new IllegalArgumentException("attribute slot " + a.slot() + " at stack depth "
            + stackDepth + " with raw slots " + rawSlots);
      }
    }
  }

  /** An exit with the given raw words and no attribute slots or dead locals. */
  public Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason,
      ImmutableSortedSet<Integer> rawSlots, ImmutableSortedSet<Integer> rawLocals,
      ImmutableSortedSet<Integer> outerSlots, int outerFrame) {
    this(codeId, bytecodeIndex, stackDepth, reason, rawSlots, rawLocals, outerSlots, outerFrame,
        ImmutableList.of(), ImmutableSortedSet.of());
  }

  /** An exit with no raw slots or locals. */
  public Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason) {
    this(codeId, bytecodeIndex, stackDepth, reason, ImmutableSortedSet.of());
  }

  /** An exit with the given raw slots and no raw locals. */
  public Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason,
      ImmutableSortedSet<Integer> rawSlots) {
    this(codeId, bytecodeIndex, stackDepth, reason, rawSlots, ImmutableSortedSet.of(),
        ImmutableSortedSet.of(), 0);
  }

  /** This exit with the given slots of its own frame raw. */
  public Exit withRawSlots(ImmutableSortedSet<Integer> slots) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, slots, rawLocals, outerSlots,
        outerFrame, attrSlots, deadLocals);
  }

  /** This exit with the given attribute slots (sorted by slot). */
  public Exit withAttrSlots(ImmutableList<AttrSlot> slots) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, rawSlots, rawLocals, outerSlots,
        outerFrame, slots, deadLocals);
  }

  /**
   * This exit with {@code locals} and {@code slots} raw in the frame {@code frame} calls below
   * its own ({@code slots} must be empty when that is its own: {@link #withRawSlots}).
   */
  public Exit withRawOuter(ImmutableSortedSet<Integer> locals, ImmutableSortedSet<Integer> slots,
      int frame) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, rawSlots, locals, slots, frame,
        attrSlots, deadLocals);
  }

  /** This exit with {@code dead} of its raw locals cleared on leaving instead of boxed. */
  public Exit withDeadLocals(ImmutableSortedSet<Integer> dead) {
    return new Exit(codeId, bytecodeIndex, stackDepth, reason, rawSlots,
        ImmutableSortedSet.copyOf(Sets.difference(rawLocals, dead)),
        outerSlots, outerFrame, attrSlots, dead);
  }

  /**
   * Whether the state this exit leaves is right only when its guard fails: a branch guard's
   * exit with dead locals, which may be dead only on the way the interpreter goes when the
   * guard fails, not on the way the trace went. Forcing exits where guards pass (force-exits)
   * leaves such exits alone.
   */
  public boolean onlyWhereTheGuardFails() {
    return reason == ExitReason.BRANCH && !deadLocals.isEmpty();
  }

  /** Whether leaving through this exit must box or clear anything. */
  public boolean boxesOnLeaving() {
    return !rawSlots.isEmpty() || !rawLocals.isEmpty() || !outerSlots.isEmpty()
        || !attrSlots.isEmpty() || !deadLocals.isEmpty();
  }
}
