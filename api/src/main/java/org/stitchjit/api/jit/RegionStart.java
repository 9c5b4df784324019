package org.stitchjit.api.jit;

import java.util.Objects;

/**
 * Where the driver asks a frontend for a region.
 *
 * @param kind why: a hot loop, a hot function, or a hot exit of an existing region
 * @param code the code object execution is in
 * @param index the unit index of the first instruction of the region
 * @param frame the native frame executing it (an identity for {@link Recorder#record})
 * @param stackDepth the operand stack depth at that instruction
 * @param loopHead for {@link Kind#LOOP}: the index a backward jump returns to (equal to
 *     {@code index}); -1 otherwise
 * @param environment the VM as the recorder may observe it while it records (what a generic
 *     instruction's operands are, {@link RegionEnvironment#observeAttribute}); null when there
 *     is none (a frontend then records generic instructions as they are)
 */
public record RegionStart(Kind kind, CodeView code, int index, long frame, int stackDepth,
    int loopHead, RegionEnvironment environment) {

  public enum Kind {
    /** A backward jump got hot; the region starts at its target. */
    LOOP,
    /** A function's entry got hot; the region starts at instruction 0. */
    FUNCTION,
    /** An exit of a compiled region got hot; the region (a bridge) starts where it resumes. */
    BRIDGE
  }

  public RegionStart {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(code, "code");
  }

  /** A start with nothing to observe. */
  public RegionStart(Kind kind, CodeView code, int index, long frame, int stackDepth,
      int loopHead) {
    this(kind, code, index, frame, stackDepth, loopHead, null);
  }
}
