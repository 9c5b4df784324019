package org.stitchjit.runtime.compiler;

import java.util.List;

/**
 * What the bytecode compiler produces for one code block (module, class body, function,
 * lambda, comprehension), in plain Java. The runtime turns it into a native code object when a
 * module is loaded; until then it is just data, so the compiler can be tested on its own.
 *
 * @param consts constants: {@code null} (None), Boolean, Long, BigInteger, Double, String,
 *     {@link org.stitchjit.runtime.ast.Node.EllipsisValue}, {@link ConstTuple}, or a nested
 *     {@link CodeUnit}
 * @param code instruction units as defined by {@link org.stitchjit.api.bytecode.Opcode}, cache
 *     units zeroed
 * @param lines the source line of each unit (same length as code)
 * @param flags {@link org.stitchjit.api.bytecode.CodeFlags}
 */
public record CodeUnit(
    String name,
    String qualname,
    String filename,
    int firstLine,
    int argcount,
    int posonlyargcount,
    int kwonlyargcount,
    int flags,
    List<Object> consts,
    List<String> names,
    List<String> varnames,
    List<String> cellvars,
    List<String> freevars,
    long[] code,
    int[] lines,
    List<ExceptionEntry> exceptionTable,
    int stacksize) {

  /** A tuple constant (e.g. keyword names, folded tuples of constants). */
  public record ConstTuple(List<Object> items) {}

  /**
   * A protected range [start, end) of units. On an exception inside it, the stack is cut to
   * depth, the instruction's unit index is pushed (as an int) when pushLasti, then the exception,
   * and execution continues at target. Ranges do not overlap; the innermost handler wins
   * because the compiler splits ranges, as CPython 3.11's exception table does.
   */
  public record ExceptionEntry(int start, int end, int target, int depth, boolean pushLasti) {}

  /** Number of local slots: varnames, then cellvars, then freevars. */
  public int localsplusCount() {
    return varnames.size() + cellvars.size() + freevars.size();
  }
}
