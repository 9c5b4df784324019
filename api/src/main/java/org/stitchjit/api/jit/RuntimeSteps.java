package org.stitchjit.api.jit;

import org.stitchjit.api.uop.Region;

/**
 * The runtime performing a region's uops one at a time, on the native frames: how a native
 * backend runs the uops it has no machine code for (the generic operations, whose meaning is
 * the runtime's own) and the slow paths of those it has. A VM offers it through {@link
 * CompileContext#service}; the definition of every uop is the runtime's, so compiled code and
 * the runtime can take turns within one region without disagreeing.
 *
 * <p>The protocol: native code stops before uop {@code i} with the innermost frame current in
 * the thread state and its operand stack pointer at hand, and calls {@link Steps#run}. The
 * runtime performs uop {@code i}, then the uops after it, until it reaches one the caller
 * marked as native or leaves the region.
 */
public interface RuntimeSteps {

  /** A region prepared for stepping (its uops flattened once, as the backend laid them out). */
  Steps steps(Region region);

  /** Stepping through one region. */
  interface Steps {
    /**
     * Performs uop {@code index} (trace order) and the uops after it until the next one {@code
     * stopAt} marks or the region is left. A uop that exits writes the frame's IP and SP as an
     * exit does; a uop that raises throws, with the frame consistent for a traceback.
     *
     * @param ts the thread state; its current frame is the innermost frame of the region
     * @param sp the operand stack pointer (raw address of the next free slot)
     * @param stopAt per uop index, whether the caller runs that uop itself
     * @return {@code >= 0}: the index of the uop to go on with (the new stack pointer is then
     *     {@link #sp()}); otherwise {@link #left} of what {@link CompiledRegion#enter} returns
     */
    int run(int index, long ts, long sp, boolean[] stopAt);

    /** The operand stack pointer after the last {@link #run} that went on. */
    long sp();

    /**
     * Boxes the raw slots of exit {@code exit} ({@link org.stitchjit.api.uop.Exit#rawSlots()})
     * in the thread state's current frame, after native code left through that exit (its IP
     * and SP written): what a native exit stub leaves to the runtime, so that the interpreter
     * resumes with the state the unoptimized trace would have left. {@link #run} does it itself
     * for the exits it takes. Never collects (decision 1).
     */
    void materialize(int exit, long ts);

    /** Makes later runs exit at {@code _CHECK_VALIDITY}, as the region's code should. */
    void invalidate();

    /** What {@link #run} returns when the region is left with {@code enterResult}. */
    static int left(int enterResult) {
      return -2 - enterResult;
    }

    /** The {@link CompiledRegion#enter} result a negative {@link #run} result stands for. */
    static int enterResult(int runResult) {
      return -2 - runResult;
    }
  }
}
