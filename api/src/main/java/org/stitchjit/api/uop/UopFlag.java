package org.stitchjit.api.uop;

/** Properties of a uop that passes and backends rely on. */
public enum UopFlag {
  /**
   * Checks a speculation and leaves the region through its exit when it fails. A guard proves
   * its {@link Uop#proves() facts} for the uops that follow; it never changes the stack.
   */
  GUARD,
  /**
   * May leave the region: every guard, plus uops with a rare path the compiled code does not
   * handle (int overflow, an unbound local, a pending safepoint). Its target is an exit index.
   */
  EXIT,
  /**
   * May run arbitrary code (guest calls, Java upcalls, raising, hashing, {@code __eq__}), so
   * nothing the optimizer knows about the heap survives it. An escaping uop syncs the frame.
   */
  ESCAPES,
  /** Has no side effect: removable when its outputs are unused, foldable on constants. */
  PURE,
  /** Allocates a heap object (a candidate for allocation removal when it does not escape). */
  ALLOCATES,
  /** Control never reaches the next uop. Only the last uop of a trace or block is one. */
  TERMINATOR,
  /**
   * Not part of any bytecode's expansion: emitted only by frontends (loop closing, trace
   * ends, instruction pointers) or optimizer passes (inlined constants).
   */
  SYNTHETIC
}
