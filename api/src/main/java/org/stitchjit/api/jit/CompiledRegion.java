package org.stitchjit.api.jit;

import java.util.Optional;

/**
 * A compiled region the driver installs and enters. Entering it runs the region on the native
 * frames from the current frame (the thread state's current frame, at the region's first
 * instruction) until it leaves through an exit: it then has written everything back, so the
 * innermost frame's IP and SP say where the interpreter resumes, and returns the exit's index in
 * the region's exit table. A guest exception propagates as the runtime's exception with the
 * frame's IP at the raising instruction.
 */
public interface CompiledRegion {

  /**
   * What {@link #enter} returns when the region stopped at an instruction that leaves the frame
   * ({@code _RETURN_VALUE}, {@code _RAISE_VARARGS}, {@code _YIELD_VALUE} in a block region):
   * the frame's IP and SP are set for the interpreter to execute that instruction.
   */
  int RESUME_AT_FRAME = -1;

  /** Runs the region; returns the index of the exit it left through, or RESUME_AT_FRAME. */
  int enter(long threadState);

  /**
   * Makes the region's {@code _CHECK_VALIDITY} uops exit from now on: something it depends on
   * changed. The driver also stops entering it.
   */
  void invalidate();

  /** Bytes the region occupies in the code cache. */
  long codeBytes();

  /** Releases the region's code; the driver calls it once no frame can be inside it. */
  void free();

  /**
   * Makes exit {@code exit} go straight on into {@code target}'s code, without returning to the
   * driver, when the backend can: target must start where the exit resumes (a bridge). Exits
   * later taken in target then come back from this region's {@link #enter}, and {@link
   * #lastExitRegion} names the region that took them.
   *
   * @return whether the exit is now linked; the default links nothing
   */
  default boolean link(int exit, CompiledRegion target) {
    return false;
  }

  /** Undoes {@link #link}: exit {@code exit} returns to the driver again. */
  default void unlink(int exit) {}

  /**
   * Where this backend's code may jump to run the region when native code hands a frame over
   * where it starts (a return-site region: right after a CALL, a generator's yield or the
   * FOR_ITER a generator yielded to): the address of its first uop, entered with the frame, its
   * operand stack pointer and the thread state as every uop is. The driver stores it in the
   * code's resume entry for the site ({@code Layout.Code.resumeEntry}) for the backend's
   * returns and generator switches to read. Exits and escapes of the region then come back
   * from the {@link #enter} of the region that jumped, as from a linked bridge. 0 (the
   * default) when the backend's code does not go on natively.
   */
  default long returnEntry() {
    return 0;
  }

  /**
   * The region whose exit the last {@link #enter} returned the index of: this one, or a region
   * linked to it. Read right after {@code enter} returns.
   */
  default CompiledRegion lastExitRegion() {
    return this;
  }

  /**
   * The region's machine code, for dumps and profilers; empty for a backend that does not
   * produce any (the reference executor) and after {@link #free()}.
   */
  default Optional<MachineCode> machineCode() {
    return Optional.empty();
  }
}
