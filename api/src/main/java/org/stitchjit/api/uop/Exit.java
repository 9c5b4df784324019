package org.stitchjit.api.uop;

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
 */
public record Exit(long codeId, int bytecodeIndex, int stackDepth, ExitReason reason) {

  public Exit {
    if (bytecodeIndex < 0) {
      throw new IllegalArgumentException("bytecode index " + bytecodeIndex);
    }
    if (stackDepth < 0) {
      throw new IllegalArgumentException("stack depth " + stackDepth);
    }
    Objects.requireNonNull(reason, "reason");
  }
}
