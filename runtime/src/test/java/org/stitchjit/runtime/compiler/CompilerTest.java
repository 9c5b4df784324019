package org.stitchjit.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.runtime.compiler.Ast.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.CodeFlags;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.parser.GuestSyntaxError;

/**
 * Compiles hand-built ASTs and checks the instruction sequences (cache units skipped) against
 * CPython 3.11's patterns as Opcode's javadoc transforms them, plus the places where Stitch
 * deliberately differs (while loops, backward edges, set constants).
 */
class CompilerTest {
  static CodeUnit compile(Node.Mod mod) throws GuestSyntaxError {
    CodeUnit code = Compiler.compile(mod, "<test>", null);
    assertThat(CodeChecker.check(code)).isEmpty();
    return code;
  }

  static CodeUnit child(CodeUnit code, int n) {
    return (CodeUnit) code.consts().stream().filter(c -> c instanceof CodeUnit).toList().get(n);
  }

  /** Instruction index -> unit offset, for checking jump targets. */
  static int offsetOf(CodeUnit code, int instruction) {
    int pc = 0;
    for (int i = 0; i < instruction; i++) {
      pc += Opcode.of(Opcode.opcodeOf(code.code()[pc])).size();
    }
    return pc;
  }

  static int argAt(CodeUnit code, int instruction) {
    return Opcode.opargOf(code.code()[offsetOf(code, instruction)]);
  }

  @Test
  void whileLoopTestsAtTheTopAndClosesWithJumpBackward() throws Exception {
    // def f(x):
    //     while x:
    //         x -= 1
    //     return x
    CodeUnit f = child(compile(mod(def(1, "f", args("x"),
        whileLoop(2, load(2, "x"),
            body(augAssign(3, store(3, "x"), Node.Operator.SUB, num(3, 1))), body()),
        ret(4, load(4, "x"))))), 0);
    assertThat(Disassembler.opnames(f)).containsExactly("LOAD_FAST", "POP_JUMP_IF_FALSE",
        "LOAD_FAST", "LOAD_CONST", "BINARY_OP", "STORE_FAST", "JUMP_BACKWARD", "LOAD_FAST",
        "RETURN_VALUE");
    assertThat(argAt(f, 6)).isEqualTo(0);
    assertThat(argAt(f, 1)).isEqualTo(offsetOf(f, 7));
    assertThat(argAt(f, 4)).isEqualTo(10 + 13); // x -= 1 is in-place subtract
    assertThat(f.lines()[offsetOf(f, 2)]).isEqualTo(3);
    assertThat(f.lines()[offsetOf(f, 7)]).isEqualTo(4);
  }

  @Test
  void whileTrueDoesNotTestAndBreakJumpsForward() throws Exception {
    // def f():
    //     while True:
    //         if g():
    //             break
    //     return 1
    CodeUnit f = child(compile(mod(def(1, "f", args(),
        whileLoop(2, constant(2, true),
            body(ifStmt(3, call(3, load(3, "g")), brk(4))), body()),
        ret(5, num(5, 1))))), 0);
    assertThat(Disassembler.opnames(f)).containsExactly("NOP", "PUSH_NULL", "LOAD_GLOBAL",
        "CALL", "POP_JUMP_IF_FALSE", "JUMP_FORWARD", "JUMP_BACKWARD", "LOAD_CONST",
        "RETURN_VALUE");
    // The failed test goes forward to the loop's JUMP_BACKWARD, never backward itself.
    assertThat(argAt(f, 4)).isEqualTo(offsetOf(f, 6));
    assertThat(argAt(f, 6)).isEqualTo(0);
    assertThat(argAt(f, 5)).isEqualTo(offsetOf(f, 7));
  }

  @Test
  void comprehensionFilterJumpsForwardToTheBackEdge() throws Exception {
    // [i for i in y if i]
    CodeUnit mod = compile(mod(expr(1,
        listComp(1, load(1, "i"), store(1, "i"), load(1, "y"), load(1, "i")))));
    assertThat(Disassembler.opnames(mod)).containsExactly("LOAD_CONST", "MAKE_FUNCTION",
        "LOAD_NAME", "GET_ITER", "CALL", "POP_TOP", "LOAD_CONST", "RETURN_VALUE");
    CodeUnit comp = child(mod, 0);
    assertThat(comp.name()).isEqualTo("<listcomp>");
    assertThat(comp.varnames()).containsExactly(".0", "i");
    assertThat(comp.argcount()).isEqualTo(1);
    assertThat(Disassembler.opnames(comp)).containsExactly("BUILD_LIST", "LOAD_FAST",
        "FOR_ITER", "STORE_FAST", "LOAD_FAST", "POP_JUMP_IF_FALSE", "LOAD_FAST", "LIST_APPEND",
        "JUMP_BACKWARD", "RETURN_VALUE");
    assertThat(argAt(comp, 5)).isEqualTo(offsetOf(comp, 8));
    assertThat(argAt(comp, 8)).isEqualTo(offsetOf(comp, 2));
    assertThat(argAt(comp, 7)).isEqualTo(2);
  }

  @Test
  void forLoopBreakPopsTheIterator() throws Exception {
    // for x in y:
    //     if x:
    //         break
    CodeUnit mod = compile(mod(forLoop(1, store(1, "x"), load(1, "y"),
        ifStmt(2, load(2, "x"), brk(3)))));
    assertThat(Disassembler.opnames(mod)).containsExactly("LOAD_NAME", "GET_ITER", "FOR_ITER",
        "STORE_NAME", "LOAD_NAME", "POP_JUMP_IF_FALSE", "POP_TOP", "LOAD_CONST",
        "RETURN_VALUE", "JUMP_BACKWARD", "LOAD_CONST", "RETURN_VALUE");
    assertThat(argAt(mod, 9)).isEqualTo(offsetOf(mod, 2));
    assertThat(mod.stacksize()).isEqualTo(2);
  }

  @Test
  void setConstantsAreUpdatedFromATuple() throws Exception {
    // x = {1, 2, 3}; y in {1, 2, 3}
    CodeUnit mod = compile(mod(
        assign(1, store(1, "x"), set(1, num(1, 1), num(1, 2), num(1, 3))),
        expr(2, compare(2, load(2, "y"), Node.CmpOperator.IN,
            set(2, num(2, 1), num(2, 2), num(2, 3))))));
    assertThat(Disassembler.opnames(mod)).containsExactly("BUILD_SET", "LOAD_CONST",
        "SET_UPDATE", "STORE_NAME", "LOAD_NAME", "BUILD_SET", "LOAD_CONST", "SET_UPDATE",
        "CONTAINS_OP", "POP_TOP", "LOAD_CONST", "RETURN_VALUE");
    assertThat(mod.consts().get(argAt(mod, 1)))
        .isEqualTo(new CodeUnit.ConstTuple(List.of(1L, 2L, 3L)));
  }

  @Test
  void tryExceptAsUnbindsTheNameInACleanupHandler() throws Exception {
    // try:
    //     f()
    // except E as e:
    //     g(e)
    CodeUnit mod = compile(mod(tryExcept(1, body(expr(2, call(2, load(2, "f")))),
        handler(3, load(3, "E"), "e", expr(4, call(4, load(4, "g"), load(4, "e")))))));
    assertThat(Disassembler.opnames(mod)).containsExactly(
        "NOP", "PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP", "LOAD_CONST", "RETURN_VALUE",
        "PUSH_EXC_INFO", "LOAD_NAME", "CHECK_EXC_MATCH", "POP_JUMP_IF_FALSE", "STORE_NAME",
        "PUSH_NULL", "LOAD_NAME", "LOAD_NAME", "CALL", "POP_TOP", "POP_EXCEPT", "LOAD_CONST",
        "STORE_NAME", "DELETE_NAME", "LOAD_CONST", "RETURN_VALUE",
        "LOAD_CONST", "STORE_NAME", "DELETE_NAME", "RERAISE",
        "RERAISE", "COPY", "POP_EXCEPT", "RERAISE");
    List<CodeUnit.ExceptionEntry> table = mod.exceptionTable();
    assertThat(table).containsExactly(
        new CodeUnit.ExceptionEntry(offsetOf(mod, 1), offsetOf(mod, 5), offsetOf(mod, 7), 0,
            false),
        new CodeUnit.ExceptionEntry(offsetOf(mod, 7), offsetOf(mod, 12), offsetOf(mod, 28), 1,
            true),
        new CodeUnit.ExceptionEntry(offsetOf(mod, 12), offsetOf(mod, 17), offsetOf(mod, 23), 1,
            true),
        new CodeUnit.ExceptionEntry(offsetOf(mod, 23), offsetOf(mod, 28), offsetOf(mod, 28), 1,
            true));
    assertThat(argAt(mod, 26)).isEqualTo(1);
    assertThat(argAt(mod, 27)).isEqualTo(0);
  }

  @Test
  void withStatementCallsExitOnBothPaths() throws Exception {
    // with a as b:
    //     f(b)
    CodeUnit mod = compile(mod(with(1, load(1, "a"), store(1, "b"),
        expr(2, call(2, load(2, "f"), load(2, "b"))))));
    assertThat(Disassembler.opnames(mod)).containsExactly(
        "LOAD_NAME", "BEFORE_WITH", "STORE_NAME", "PUSH_NULL", "LOAD_NAME", "LOAD_NAME", "CALL",
        "POP_TOP", "LOAD_CONST", "LOAD_CONST", "LOAD_CONST", "CALL", "POP_TOP", "LOAD_CONST",
        "RETURN_VALUE", "PUSH_EXC_INFO", "WITH_EXCEPT_START", "POP_JUMP_IF_TRUE", "RERAISE",
        "COPY", "POP_EXCEPT", "RERAISE", "POP_TOP", "POP_EXCEPT", "POP_TOP", "POP_TOP",
        "LOAD_CONST", "RETURN_VALUE");
    assertThat(argAt(mod, 11)).isEqualTo(2); // exit(None, None, None) via the method form
    assertThat(argAt(mod, 18)).isEqualTo(2); // RERAISE 2 restores lasti from under prev_exc
    assertThat(argAt(mod, 17)).isEqualTo(offsetOf(mod, 22));
    assertThat(mod.exceptionTable()).containsExactly(
        new CodeUnit.ExceptionEntry(offsetOf(mod, 2), offsetOf(mod, 8), offsetOf(mod, 15), 1,
            true),
        new CodeUnit.ExceptionEntry(offsetOf(mod, 15), offsetOf(mod, 19), offsetOf(mod, 19), 3,
            true),
        new CodeUnit.ExceptionEntry(offsetOf(mod, 22), offsetOf(mod, 23), offsetOf(mod, 19), 3,
            true));
    assertThat(mod.stacksize()).isEqualTo(6); // CPython's co_stacksize here too
  }

  @Test
  void returnInsideTryFinallyRunsACopyOfTheFinallyBody() throws Exception {
    // def f():
    //     try:
    //         return g()
    //     finally:
    //         h()
    CodeUnit f = child(compile(mod(def(1, "f", args(),
        tryFinally(2, body(ret(3, call(3, load(3, "g")))),
            body(expr(5, call(5, load(5, "h")))))))), 0);
    assertThat(Disassembler.opnames(f)).containsExactly("NOP", "PUSH_NULL", "LOAD_GLOBAL",
        "CALL", "PUSH_NULL", "LOAD_GLOBAL", "CALL", "POP_TOP", "RETURN_VALUE", "PUSH_EXC_INFO",
        "PUSH_NULL", "LOAD_GLOBAL", "CALL", "POP_TOP", "RERAISE", "COPY", "POP_EXCEPT",
        "RERAISE");
    assertThat(f.exceptionTable()).hasSize(2);
    assertThat(f.exceptionTable().get(0).target()).isEqualTo(offsetOf(f, 9));
  }

  @Test
  void superInAMethodGivesTheClassBodyAClassCell() throws Exception {
    // class C(B):
    //     def m(self):
    //         return super().m()
    CodeUnit mod = compile(mod(cls(1, "C", List.of(load(1, "B")),
        def(2, "m", args("self"),
            ret(3, call(3, attr(3, call(3, load(3, "super")), "m")))))));
    assertThat(Disassembler.opnames(mod)).startsWith("PUSH_NULL", "LOAD_BUILD_CLASS",
        "LOAD_CONST", "MAKE_FUNCTION", "LOAD_CONST", "LOAD_NAME", "CALL", "STORE_NAME");
    assertThat(argAt(mod, 6)).isEqualTo(3);
    CodeUnit body = child(mod, 0);
    assertThat(body.flags() & CodeFlags.CLASS_BODY).isNotZero();
    assertThat(body.cellvars()).containsExactly("__class__");
    assertThat(Disassembler.opnames(body)).containsExactly("LOAD_NAME", "STORE_NAME",
        "LOAD_CONST", "STORE_NAME", "LOAD_CLOSURE", "BUILD_TUPLE", "LOAD_CONST",
        "MAKE_FUNCTION", "STORE_NAME", "LOAD_CLOSURE", "COPY", "STORE_NAME", "RETURN_VALUE");
    assertThat(body.names()).containsExactly("__name__", "__module__", "__qualname__", "m",
        "__classcell__");
    assertThat(argAt(body, 7)).isEqualTo(8);
    CodeUnit m = child(body, 0);
    assertThat(m.qualname()).isEqualTo("C.m");
    assertThat(m.freevars()).containsExactly("__class__");
    assertThat(Disassembler.opnames(m)).containsExactly("PUSH_NULL", "LOAD_GLOBAL", "CALL",
        "LOAD_METHOD", "CALL", "RETURN_VALUE");
  }

  @Test
  void cellParameterKeepsItsArgumentSlotAndGetsACell() throws Exception {
    // def f(a):
    //     def g():
    //         return a
    //     return g
    CodeUnit f = child(compile(mod(def(1, "f", args("a"),
        def(2, "g", args(), ret(3, load(3, "a"))),
        ret(4, load(4, "g"))))), 0);
    assertThat(f.varnames()).containsExactly("a", "g");
    assertThat(f.cellvars()).containsExactly("a");
    assertThat(Disassembler.opnames(f)).containsExactly("LOAD_CLOSURE", "BUILD_TUPLE",
        "LOAD_CONST", "MAKE_FUNCTION", "STORE_FAST", "LOAD_FAST", "RETURN_VALUE");
    assertThat(argAt(f, 0)).isEqualTo(2); // localsplus: varnames (2) then the cell
    CodeUnit g = child(f, 0);
    assertThat(g.qualname()).isEqualTo("f.<locals>.g");
    assertThat(g.freevars()).containsExactly("a");
    assertThat(g.flags() & CodeFlags.NESTED).isNotZero();
    assertThat(Disassembler.opnames(g)).containsExactly("LOAD_DEREF", "RETURN_VALUE");
    assertThat(argAt(g, 0)).isEqualTo(0);
  }

  @Test
  void yieldFromLoopsOnSendWithoutInterrupt() throws Exception {
    // def g():
    //     x = yield 1
    //     yield from h()
    CodeUnit g = child(compile(mod(def(1, "g", args(),
        assign(2, store(2, "x"), yieldExpr(2, num(2, 1))),
        expr(3, yieldFrom(3, call(3, load(3, "h"))))))), 0);
    assertThat(g.flags() & CodeFlags.GENERATOR).isNotZero();
    assertThat(Disassembler.opnames(g)).containsExactly("LOAD_CONST", "YIELD_VALUE",
        "STORE_FAST", "PUSH_NULL", "LOAD_GLOBAL", "CALL", "GET_YIELD_FROM_ITER", "LOAD_CONST",
        "SEND", "YIELD_VALUE", "JUMP_BACKWARD_NO_INTERRUPT", "POP_TOP", "LOAD_CONST",
        "RETURN_VALUE");
    assertThat(argAt(g, 10)).isEqualTo(offsetOf(g, 8));
    assertThat(argAt(g, 8)).isEqualTo(offsetOf(g, 11));
  }

  @Test
  void starredAssignmentUsesUnpackEx() throws Exception {
    // a, *b, c = d
    CodeUnit mod = compile(mod(assign(1,
        tuple(1, Ctx.STORE, store(1, "a"), starred(1, store(1, "b"), Ctx.STORE), store(1, "c")),
        load(1, "d"))));
    assertThat(Disassembler.opnames(mod)).containsExactly("LOAD_NAME", "UNPACK_EX",
        "STORE_NAME", "STORE_NAME", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE");
    assertThat(argAt(mod, 1)).isEqualTo(1 | (1 << 8));
  }

  @Test
  void everyUnitHasTheLineOfItsInstruction() throws Exception {
    CodeUnit mod = compile(mod(
        assign(1, store(1, "x"), call(1, attr(1, load(1, "o"), "m"))),
        assign(3, store(3, "y"), load(3, "x"))));
    for (int pc = 0; pc < mod.code().length; ) {
      Opcode op = Opcode.of(Opcode.opcodeOf(mod.code()[pc]));
      for (int k = 0; k < op.size(); k++) {
        assertThat(mod.lines()[pc + k]).isEqualTo(mod.lines()[pc]);
        if (k > 0) {
          assertThat(mod.code()[pc + k]).isZero();
        }
      }
      pc += op.size();
    }
    assertThat(mod.lines()[offsetOf(mod, 4)]).isEqualTo(3);
    assertThat(mod.flags() & CodeFlags.MODULE).isNotZero();
  }

  @Test
  void disassemblyShowsOffsetsArgumentsAndNestedCode() throws Exception {
    String dis = Disassembler.dis(compile(mod(def(1, "f", args("x"),
        ret(2, compare(2, load(2, "x"), Node.CmpOperator.LT, constant(2, -1.5)))))));
    assertThat(dis).contains("  1           0 LOAD_CONST               0 (<code object f, file "
        + "\"<test>\", line 1>)");
    assertThat(dis).contains("STORE_NAME               0 (f)");
    assertThat(dis).contains("Disassembly of <code object f, file \"<test>\", line 1>:");
    assertThat(dis).contains("LOAD_FAST                0 (x)");
    assertThat(dis).contains("LOAD_CONST               1 (-1.5)");
    assertThat(dis).contains("COMPARE_OP               0 (<)");
    assertThat(dis).contains("             4 RETURN_VALUE\n");
  }
}
