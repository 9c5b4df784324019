package org.stitchjit.runtime.jit.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.uop.Uop;

/**
 * One uop conformance specification: a short uop sequence (usually guards and then the uop
 * under test), the stack inputs it consumes, pools of generated values (Python expressions,
 * every combination is a case), and an oracle in Python that says what must happen.
 *
 * <p>The oracle runs in a second namespace built from the same expressions (so mutable inputs
 * are distinct objects with the same contents) and reports by setting names:
 *
 * <ul>
 *   <li>{@code exit = k}: the uop at position k of the sequence leaves through its exit; unless
 *       {@code out} is set too, the stack is left exactly as it was (the same words);
 *   <li>{@code jump = True}: a block region's branch is taken;
 *   <li>{@code out = [...]}: the values that replace the inputs on the stack (bottom to top),
 *       compared by type and repr, and by identity with the named inputs ({@code alt}: an
 *       equally valid alternative);
 *   <li>an exception it raises: the uops raise the same type and message.
 *   <li>Whatever it does to the bound names (lists, attributes, iterators, locals) is what the
 *       uops must have done to theirs.
 * </ul>
 */
final class UopSpec {
  /** A pool value meaning "leave this name (local, cell, global) unbound". */
  static final String UNBOUND = "<unbound>";

  /** Which code object the frame runs. */
  enum CodeSel {
    /** The harness function: five locals, a deep operand stack, names and constants. */
    HARNESS,
    /** A closure: local 0 is a parameter, local 1 a free variable's cell. */
    CELL,
    /** A class body with a free variable (LOAD_CLASSDEREF). */
    CLASS_BODY
  }

  /** One uop of the sequence; oparg and operand may depend on the case's values. */
  record Step(Uop uop, ToIntFunction<Ctx> oparg, ToLongFunction<Ctx> operand) {}

  final String title;
  final List<Step> steps = new ArrayList<>();
  List<String> inputs = List.of();
  final Map<String, List<String>> pools = new LinkedHashMap<>();
  String prep = "";
  String mutate;
  String oracle = "pass";
  List<String> locals = List.of();
  List<String> cells = List.of();
  String frameLocals;
  CodeSel code = CodeSel.HARNESS;
  ToIntFunction<Ctx> ip0 = c -> 0;
  int jumpEffect;
  final Map<Integer, Integer> exitDelta = new LinkedHashMap<>();
  final List<String> observed = new ArrayList<>();
  final List<String> observedExprs = new ArrayList<>();
  boolean checkPaths = true;
  BiConsumer<Ctx, CompiledRegion> before;
  BiConsumer<Ctx, Ctx.Run> check;

  UopSpec(String title) {
    this.title = title;
  }

  UopSpec step(Uop u) {
    return step(u, c -> 0, c -> 0);
  }

  UopSpec step(Uop u, int oparg) {
    return step(u, c -> oparg, c -> 0);
  }

  UopSpec step(Uop u, ToIntFunction<Ctx> oparg, ToLongFunction<Ctx> operand) {
    steps.add(new Step(u, oparg, operand));
    return this;
  }

  UopSpec stepOperand(Uop u, ToLongFunction<Ctx> operand) {
    return step(u, c -> 0, operand);
  }

  UopSpec inputs(String... names) {
    inputs = List.of(names);
    return this;
  }

  UopSpec pool(String name, List<String> values) {
    pools.put(name, values);
    return this;
  }

  UopSpec pool(String name, String... values) {
    return pool(name, Arrays.asList(values));
  }

  /** Python run after the pools' values are bound (may bind more names). */
  UopSpec prep(String python) {
    prep = python;
    return this;
  }

  /**
   * Python that changes the state after the uops' operands were taken from it and before they
   * run (invalidating what a guard's operand recorded); run on the oracle's side too.
   */
  UopSpec mutate(String python) {
    mutate = python;
    return this;
  }

  UopSpec oracle(String python) {
    oracle = python;
    return this;
  }

  UopSpec locals(String... names) {
    locals = List.of(names);
    return this;
  }

  UopSpec cells(String... names) {
    cells = List.of(names);
    code = names.length > 0 && code == CodeSel.HARNESS ? CodeSel.CELL : code;
    return this;
  }

  UopSpec code(CodeSel c) {
    code = c;
    return this;
  }

  UopSpec frameLocals(String name) {
    frameLocals = name;
    return this;
  }

  UopSpec ip0(ToIntFunction<Ctx> f) {
    ip0 = f;
    return this;
  }

  /** The stack effect of the block branch when taken (relative to the depth before it). */
  UopSpec jumpEffect(int e) {
    jumpEffect = e;
    return this;
  }

  /** The exit of step k leaves with the stack changed by delta (_FOR_ITER_TIER_TWO). */
  UopSpec exitDelta(int k, int delta) {
    exitDelta.put(k, delta);
    return this;
  }

  /** More names whose final values are compared (besides pools, locals and cells). */
  UopSpec observe(String... names) {
    observed.addAll(List.of(names));
    return this;
  }

  /** Python expressions evaluated on both sides afterwards and compared. */
  UopSpec observeExpr(String... exprs) {
    observedExprs.addAll(List.of(exprs));
    return this;
  }


  /** Do not require every exit and the fall-through to be taken by some case. */
  UopSpec anyPaths() {
    checkPaths = false;
    return this;
  }

  UopSpec before(BiConsumer<Ctx, CompiledRegion> f) {
    before = f;
    return this;
  }

  UopSpec check(BiConsumer<Ctx, Ctx.Run> f) {
    check = f;
    return this;
  }

  /** The branch step of a block-region spec, or -1 for a trace. */
  int branchStep() {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i).uop().has(org.stitchjit.api.uop.OperandKind.BLOCK)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String toString() {
    return title;
  }
}
