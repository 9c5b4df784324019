package org.stitchjit.api.uop;

/** Why compiled code left through an exit; the driver counts exits by reason and by site. */
public enum ExitReason {
  /** A type, shape or version guard failed: the interpreter re-executes the instruction. */
  GUARD_FAILED,
  /** A branch went the other way than recorded: a candidate for a bridge. */
  BRANCH,
  /** A rare path the code does not handle: overflow, an unbound local, an index error. */
  SLOW_PATH,
  /** A safepoint was pending (GC wanted, a signal) at a loop edge. */
  SAFEPOINT,
  /** Invalidated code noticed it at a validity check. */
  INVALIDATED,
  /** The region ends here ({@code _EXIT_TRACE}): the trace was cut or met unsupported code. */
  END_OF_REGION
}
