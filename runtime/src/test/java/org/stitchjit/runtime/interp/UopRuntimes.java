package org.stitchjit.runtime.interp;

import org.stitchjit.runtime.jit.reference.UopRuntime;

/**
 * Test access to the interpreter's package-private pieces the uop conformance harness needs:
 * the runtime behind the reference executor's escaping uops, and the interpreter's own frame
 * push/run/pop, so a test can run one instruction in the interpreter from a frame it prepared.
 */
public final class UopRuntimes {
  private UopRuntimes() {}

  /** The uop runtime the JIT driver would give the reference backend. */
  public static UopRuntime of(Protocols p) {
    return new InterpreterUops(p);
  }

  /** Pushes a frame for code (zeroed locals, IP 0, SP 0) linked to the current frame. */
  public static long pushFrame(Protocols p, CodeInfo ci, long func, long globals, long locals) {
    return p.interpreter().pushFrame(ci, func, globals, locals);
  }

  /**
   * Runs a prepared frame in the interpreter from its IP and SP as an entry frame, until it
   * returns (the value) or raises; the frame is popped either way.
   */
  public static long runEntry(Protocols p, long frame) {
    return p.interpreter().runEntry(frame);
  }
}
