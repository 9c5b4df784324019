package org.stitchjit.api.jit;

import java.util.Optional;
import org.stitchjit.api.uop.Region;

/**
 * Selects one region while the interpreter runs. The interpreter calls {@link #record} before
 * each instruction it executes in the frame the region started in and in frames pushed from it
 * without leaving the interpreter loop, until the recorder answers {@link Step#DONE} or {@link
 * Step#ABORT}. Nested interpreter runs (a built-in calling back into guest code) are not
 * reported: to the recorder such a call is one instruction.
 */
public interface Recorder {

  /** What the interpreter should do after reporting an instruction. */
  enum Step {
    /** Keep reporting. */
    CONTINUE,
    /** The region is complete: {@link #region()} holds it. */
    DONE,
    /** No region: {@link #abortReason()} says why. */
    ABORT
  }

  /**
   * Reports the instruction the interpreter is about to execute.
   *
   * @param code the code object of the frame
   * @param index the instruction's unit index
   * @param frame the frame's address (an identity)
   * @param callerFrame the address of the frame's caller (0 for none)
   * @param stackDepth the frame's operand stack depth before the instruction
   */
  Step record(CodeView code, int index, long frame, long callerFrame, int stackDepth);

  /**
   * The interpreter stopped executing the recorded path (an exception was raised, the
   * starting frame was left); the recorder ends the region before the last instruction it
   * saw, or aborts. Returns what the interpreter should assume from now on ({@link Step#DONE}
   * or {@link Step#ABORT}).
   */
  Step interrupted(String why);

  /** The finished region, after {@link Step#DONE}. */
  Optional<Region> region();

  /** Why the recorder gave up, after {@link Step#ABORT} (a short stable key, "too-short"). */
  String abortReason();
}
