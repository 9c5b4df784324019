package org.stitchjit.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.stitchjit.runtime.compiler.Ast.*;

import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.parser.GuestSyntaxError;

/**
 * Errors the compiler reports, with CPython 3.11's wording and position (the full set is
 * compared with CPython itself in CompilerDifferentialTest).
 */
class CompilerErrorTest {
  static GuestSyntaxError error(Node.Mod mod, String source) {
    return catchThrowableOfType(GuestSyntaxError.class,
        () -> Compiler.compile(mod, "bad.py", source));
  }

  @Test
  void returnOutsideFunction() {
    GuestSyntaxError e = error(mod(new Node.Return(num(2, 1), 2, 4)), "x = 1\n    return 1\n");
    assertThat(e.message()).isEqualTo("'return' outside function");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.col()).isEqualTo(5);
    assertThat(e.lineText()).isEqualTo("    return 1");
    assertThat(e.filename()).isEqualTo("bad.py");
    assertThat(e.type()).isEqualTo("SyntaxError");
  }

  @Test
  void breakOutsideLoopEvenInsideAFunctionInALoop() {
    // for x in y:
    //     def f():
    //         break
    GuestSyntaxError e = error(mod(forLoop(1, store(1, "x"), load(1, "y"),
        def(2, "f", args(), new Node.Break(3, 8)))), null);
    assertThat(e.message()).isEqualTo("'break' outside loop");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.col()).isEqualTo(9);
  }

  @Test
  void nonlocalAtModuleLevelAndWithoutBinding() {
    assertThat(error(mod(new Node.Nonlocal(java.util.List.of("x"), 1, 0)), null).message())
        .isEqualTo("nonlocal declaration not allowed at module level");
    GuestSyntaxError e = error(mod(def(1, "f", args(), new Node.Nonlocal(
        java.util.List.of("y"), 2, 4))), null);
    assertThat(e.message()).isEqualTo("no binding for nonlocal 'y' found");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.col()).isEqualTo(5);
  }

  @Test
  void symbolTableErrorsComeBeforeCompilerErrors() {
    // return 1            <- compiler error, line 1
    // def f(): nonlocal z <- symbol table error, line 2: reported first, as CPython does
    GuestSyntaxError e = error(mod(ret(1, num(1, 1)),
        def(2, "f", args(), nonlocal(2, "z"))), null);
    assertThat(e.message()).isEqualTo("no binding for nonlocal 'z' found");
  }

  @Test
  void assignedBeforeGlobalDeclaration() {
    GuestSyntaxError e = error(mod(def(1, "f", args(),
        assign(2, store(2, "x"), num(2, 1)), global(3, "x"))), null);
    assertThat(e.message()).isEqualTo("name 'x' is assigned to before global declaration");
    assertThat(e.line()).isEqualTo(3);
  }

  @Test
  void starredTargets() {
    assertThat(error(mod(assign(1, tuple(1, Ctx.STORE, starred(1, store(1, "a"), Ctx.STORE),
        starred(1, store(1, "b"), Ctx.STORE)), load(1, "c"))), null).message())
        .isEqualTo("multiple starred expressions in assignment");
    assertThat(error(mod(assign(1, starred(1, store(1, "a"), Ctx.STORE), load(1, "c"))), null)
        .message()).isEqualTo("starred assignment target must be in a list or tuple");
    assertThat(error(mod(assign(1, store(1, "x"), starred(1, load(1, "a"), Ctx.LOAD))), null)
        .message()).isEqualTo("can't use starred expression here");
  }

  @Test
  void duplicateArgument() {
    GuestSyntaxError e = error(mod(def(1, "f", args("a", "a"), new Node.Pass(1, 13))), null);
    assertThat(e.message()).isEqualTo("duplicate argument 'a' in function definition");
  }

  @Test
  void targetsTheParserShouldHaveRejected() {
    assertThat(error(mod(assign(1, num(1, 1), load(1, "x"))), null).message())
        .isEqualTo("cannot assign to literal");
    assertThat(error(mod(assign(1, call(1, load(1, "f")), load(1, "x"))), null).message())
        .isEqualTo("cannot assign to function call");
    assertThat(error(mod(new Node.Delete(java.util.List.of(call(1, load(1, "f"))), 1, 0)),
        null).message()).isEqualTo("cannot delete function call");
    assertThat(error(mod(augAssign(1, tuple(1, Ctx.STORE, store(1, "a")), Node.Operator.ADD,
        num(1, 1))), null).message())
        .isEqualTo("'tuple' is an illegal expression for augmented assignment");
    assertThat(error(mod(assign(1, store(1, "__debug__"), num(1, 1))), null).message())
        .isEqualTo("cannot assign to __debug__");
  }

  @Test
  void unsupportedConstructsAreNamed() {
    GuestSyntaxError e = error(mod(expr(1, constant(1, new byte[] {1}))), null);
    assertThat(e.message()).isEqualTo("bytes literals are not supported by Stitch");
  }
}
