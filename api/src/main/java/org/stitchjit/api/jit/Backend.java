package org.stitchjit.api.jit;

import org.stitchjit.api.uop.Region;

/** Turns regions into something the driver can enter: machine code, or the Java reference. */
public interface Backend {

  /** The name configurations select it by ("interp", "copypatch"). */
  String name();

  /**
   * Why this backend cannot run on this machine (an OS or ISA it has no code for), or empty
   * when it can. A VM configured with an unsupported backend runs with the JIT off and says
   * so once, instead of failing every compile.
   */
  default java.util.Optional<String> unsupportedReason() {
    return java.util.Optional.empty();
  }

  /**
   * Compiles a region. The context carries the VM services the code needs (helper addresses,
   * the runtime for the reference executor) and the code cache's space.
   *
   * @throws CompileException when the region cannot be compiled; the driver counts it and the
   *     code keeps running in the interpreter
   */
  CompiledRegion compile(Region region, CompileContext context) throws CompileException;

  /**
   * Whether regions this backend compiles honour {@code force-exits} ({@link
   * org.stitchjit.api.config.JitConfig#forceExits()}): each leaves through each of its exits
   * once, even where the guard passes. A {@link Jit} pairs that option only with such a
   * backend, so a test that forces exits cannot silently test nothing.
   */
  default boolean forcesExits() {
    return false;
  }

  /**
   * Counters the backend keeps, by name (without the {@code jit.} prefix the statistics give
   * them), such as how often compiled code fell back to the runtime.
   */
  default java.util.Map<String, Long> stats() {
    return java.util.Map.of();
  }
}
