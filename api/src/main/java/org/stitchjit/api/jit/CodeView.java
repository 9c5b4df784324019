package org.stitchjit.api.jit;

import org.stitchjit.api.bytecode.Opcode;

/**
 * A read-only view of one code object as the interpreter has quickened it: its instructions
 * (specialized forms included) and their inline caches. This is all a frontend sees of code.
 * Values are read at the moment of the call; a frontend that needs what the interpreter
 * observed when it recorded an instruction reads it then.
 */
public interface CodeView {
  /** The code object's identity (its address); {@link org.stitchjit.api.uop.Exit#codeId}. */
  long id();

  /** The qualified name ("Task.run", "<module>"), for dumps. */
  String qualifiedName();

  String filename();

  /** Length of the bytecode in 64-bit units (instructions and their cache units). */
  int length();

  /** The instruction at a unit index, in its current (possibly specialized) form. */
  Opcode opcode(int index);

  int oparg(int index);

  /** Inline cache unit {@code n} (0-based) of the instruction at index. */
  long cache(int index, int n);

  /** The source line of the instruction at index. */
  int line(int index);

  /** Number of positional parameters (for checking calls a trace inlines). */
  int argCount();

  /**
   * Where the jump at index goes: the unit index of its target, as the compiler wrote it (an
   * {@code ENTER_EXECUTOR} in a jump's place, whose oparg names its executor, still answers
   * the jump's target). Only for instructions whose {@link Opcode#isJump} holds.
   */
  int jumpTarget(int index);

  /**
   * The first instruction of the exception handler that an exception raised by the
   * instruction at index goes to (the exception table's entry covering it), or -1 when none
   * covers it and the exception leaves the frame.
   */
  int handlerAt(int index);
}
