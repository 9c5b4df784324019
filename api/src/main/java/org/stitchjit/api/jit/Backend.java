package org.stitchjit.api.jit;

import org.stitchjit.api.uop.Region;

/** Turns regions into something the driver can enter: machine code, or the Java reference. */
public interface Backend {

  /** The name configurations select it by ("interp", "copypatch"). */
  String name();

  /**
   * Compiles a region. The context carries the VM services the code needs (helper addresses,
   * the runtime for the reference executor) and the code cache's space.
   *
   * @throws CompileException when the region cannot be compiled; the driver counts it and the
   *     code keeps running in the interpreter
   */
  CompiledRegion compile(Region region, CompileContext context) throws CompileException;
}
