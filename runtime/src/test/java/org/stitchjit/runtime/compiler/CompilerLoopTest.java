package org.stitchjit.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.runtime.parser.Parser;

/**
 * The backward-edge contract: every backward jump is a JUMP_BACKWARD (the interpreter's
 * safepoint and the JIT's loop counter) except yield from's JUMP_BACKWARD_NO_INTERRUPT to its
 * SEND, and no conditional jump goes backward. Checked over loops of every kind, compiled from
 * source with Stitch's parser.
 */
class CompilerLoopTest {
  private static final String[] SOURCES = {
    "while x:\n    x -= 1\n",
    "while x:\n    if y:\n        continue\n    f()\nelse:\n    g()\n",
    "while True:\n    if f():\n        break\n",
    "while a and b or not c:\n    pass\n",
    "while a < b < c:\n    a += 1\n",
    "while x:\n    while y:\n        if z:\n            break\n        continue\n    x -= 1\n",
    "while x:\n    try:\n        if y:\n            continue\n        f()\n    finally:\n"
        + "        g()\n",
    "while x:\n    with a:\n        if y:\n            break\n",
    "def f():\n    while x:\n        try:\n            return g()\n        except E:\n"
        + "            continue\n",
    "for x in y:\n    if x:\n        f(x)\n",
    "for x in y:\n    if not x:\n        continue\n    g()\n",
    "[i for i in y if i if i > 2]\n",
    "{k: v for k, v in d.items() if v}\n",
    "def g():\n    yield from h()\n    while True:\n        x = yield\n        if x:\n"
        + "            return x\n",
    "def f(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\n",
  };

  static List<CodeUnit> all(CodeUnit code) {
    List<CodeUnit> out = new ArrayList<>();
    out.add(code);
    for (Object c : code.consts()) {
      if (c instanceof CodeUnit nested) {
        out.addAll(all(nested));
      }
    }
    return out;
  }

  @Test
  void everyBackwardEdgeIsAJumpBackward() throws Exception {
    for (String src : SOURCES) {
      CodeUnit top = Compiler.compile(Parser.parse(src, "<loop>"), "<loop>", src);
      assertThat(CodeChecker.check(top)).as(src).isEmpty();
      int backEdges = 0;
      for (CodeUnit code : all(top)) {
        long[] units = code.code();
        for (int pc = 0; pc < units.length; ) {
          Opcode op = Opcode.of(Opcode.opcodeOf(units[pc]));
          int target = Opcode.opargOf(units[pc]);
          if (op.isJump() && target <= pc) {
            assertThat(op).as(src + Disassembler.dis(code))
                .isIn(Opcode.JUMP_BACKWARD, Opcode.JUMP_BACKWARD_NO_INTERRUPT);
            backEdges++;
          }
          if (op == Opcode.JUMP_BACKWARD || op == Opcode.JUMP_BACKWARD_NO_INTERRUPT) {
            assertThat(target).as(src).isLessThanOrEqualTo(pc);
          }
          if (op == Opcode.JUMP_BACKWARD_NO_INTERRUPT) {
            assertThat(Opcode.of(Opcode.opcodeOf(units[target]))).isEqualTo(Opcode.SEND);
          }
          pc += op.size();
        }
      }
      assertThat(backEdges).as(src).isPositive();
    }
  }

  @Test
  void whileElseRunsTheElseOnlyWhenTheTestFails() throws Exception {
    String src = "while x:\n    if y:\n        break\nelse:\n    g()\nh()\n";
    CodeUnit code = Compiler.compile(Parser.parse(src, "<w>"), "<w>", src);
    assertThat(Disassembler.opnames(code)).containsExactly(
        "LOAD_NAME", "POP_JUMP_IF_FALSE", // 0: test x, to the else clause
        "LOAD_NAME", "POP_JUMP_IF_FALSE", // 2: test y, to the back edge
        "JUMP_FORWARD", // 4: break skips the else clause
        "JUMP_BACKWARD", // 5
        "PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP", // 6: else: g()
        "PUSH_NULL", "LOAD_NAME", "CALL", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"); // h()
    assertThat(CompilerTest.argAt(code, 1)).isEqualTo(CompilerTest.offsetOf(code, 6));
    assertThat(CompilerTest.argAt(code, 3)).isEqualTo(CompilerTest.offsetOf(code, 5));
    assertThat(CompilerTest.argAt(code, 4)).isEqualTo(CompilerTest.offsetOf(code, 10));
    assertThat(CompilerTest.argAt(code, 5)).isZero();
    assertThat(code.lines()[CompilerTest.offsetOf(code, 5)]).isEqualTo(2); // from its jump
  }

  @Test
  void deeplyNestedExpressionsCompile() throws Exception {
    StringBuilder src = new StringBuilder("x = 0");
    for (int i = 0; i < 3000; i++) {
      src.append(" + a");
    }
    src.append('\n');
    CodeUnit code = Compiler.compile(Parser.parse(src.toString(), "<deep>"), "<deep>",
        src.toString());
    assertThat(code.stacksize()).isEqualTo(2);
    assertThat(Disassembler.opnames(code)).hasSize(3000 * 2 + 4);
  }
}
