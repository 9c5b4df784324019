package org.stitchjit.runtime.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.runtime.compiler.Ast.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.ast.Node;

/** Name classification by the symbol table, on hand-built ASTs. */
class CompilerSymtableTest {
  static Symtable.Scope top(Node.Mod mod) throws Exception {
    return Symtable.build(mod, "<test>", null).top();
  }

  @Test
  void enclosingFunctionLocalsBecomeCellsAndFreeVariables() throws Exception {
    // def f(a):
    //     b = 1
    //     def g():
    //         nonlocal b
    //         b = a
    //         return c
    //     return g
    Symtable.Scope mod = top(mod(def(1, "f", args("a"),
        assign(2, store(2, "b"), num(2, 1)),
        def(3, "g", args(), nonlocal(4, "b"), assign(5, store(5, "b"), load(5, "a")),
            ret(6, load(6, "c"))),
        ret(7, load(7, "g")))));
    Symtable.Scope f = mod.children.get(0);
    Symtable.Scope g = f.children.get(0);
    assertThat(mod.scopeOf("f")).isEqualTo(Symtable.LOCAL);
    assertThat(f.scopeOf("a")).isEqualTo(Symtable.CELL);
    assertThat(f.scopeOf("b")).isEqualTo(Symtable.CELL);
    assertThat(f.scopeOf("g")).isEqualTo(Symtable.LOCAL);
    assertThat(g.scopeOf("a")).isEqualTo(Symtable.FREE);
    assertThat(g.scopeOf("b")).isEqualTo(Symtable.FREE);
    assertThat(g.scopeOf("c")).isEqualTo(Symtable.GLOBAL_IMPLICIT);
    assertThat(g.nested).isTrue();
    assertThat(f.nested).isFalse();
  }

  @Test
  void classNamesAreInvisibleToMethodsButSuperMakesAClassCell() throws Exception {
    // def f():
    //     x = 1
    //     class C:
    //         x = 2
    //         y = x
    //         def m(self):
    //             return x, super()
    Symtable.Scope f = top(mod(def(1, "f", args(),
        assign(2, store(2, "x"), num(2, 1)),
        cls(3, "C", List.of(),
            assign(4, store(4, "x"), num(4, 2)),
            assign(5, store(5, "y"), load(5, "x")),
            def(6, "m", args("self"), ret(7, tuple(7, Node.Ctx.LOAD, load(7, "x"),
                call(7, load(7, "super"))))))))).children.get(0);
    Symtable.Scope c = f.children.get(0);
    Symtable.Scope m = c.children.get(0);
    assertThat(f.scopeOf("x")).isEqualTo(Symtable.CELL);
    assertThat(c.scopeOf("x")).isEqualTo(Symtable.LOCAL);
    assertThat(c.flagsOf("x") & Symtable.DEF_FREE_CLASS).isNotZero();
    assertThat(m.scopeOf("x")).isEqualTo(Symtable.FREE);
    assertThat(m.scopeOf("__class__")).isEqualTo(Symtable.FREE);
    assertThat(m.scopeOf("super")).isEqualTo(Symtable.GLOBAL_IMPLICIT);
    assertThat(c.needsClassClosure).isTrue();
    assertThat(c.scopeOf("__class__")).isZero();
  }

  @Test
  void comprehensionIsAFunctionTakingDotZero() throws Exception {
    // def f(y):
    //     return [i for i in y if i > y]
    Symtable.Scope f = top(mod(def(1, "f", args("y"),
        ret(2, listComp(2, load(2, "i"), store(2, "i"), load(2, "y"),
            compare(2, load(2, "i"), Node.CmpOperator.GT, load(2, "y"))))))).children.get(0);
    Symtable.Scope comp = f.children.get(0);
    assertThat(comp.name).isEqualTo("listcomp");
    assertThat(comp.params).containsExactly(".0");
    assertThat(comp.scopeOf(".0")).isEqualTo(Symtable.LOCAL);
    assertThat(comp.scopeOf("i")).isEqualTo(Symtable.LOCAL);
    assertThat(comp.scopeOf("y")).isEqualTo(Symtable.FREE);
    assertThat(f.scopeOf("y")).isEqualTo(Symtable.CELL);
  }

  @Test
  void globalDeclarationInAFunctionMakesTheModuleNameExplicitlyGlobal() throws Exception {
    // x = 1
    // def f():
    //     global x
    //     x = 2
    Symtable.Scope mod = top(mod(assign(1, store(1, "x"), num(1, 1)),
        def(2, "f", args(), global(3, "x"), assign(4, store(4, "x"), num(4, 2)))));
    assertThat(mod.scopeOf("x")).isEqualTo(Symtable.GLOBAL_EXPLICIT);
    assertThat(mod.children.get(0).scopeOf("x")).isEqualTo(Symtable.GLOBAL_EXPLICIT);
  }

  @Test
  void privateNamesAreMangledInsideClasses() throws Exception {
    // class _C:
    //     __x = 1
    //     __y__ = 2
    Symtable.Scope c = top(mod(cls(1, "_C", List.of(),
        assign(2, store(2, "__x"), num(2, 1)),
        assign(3, store(3, "__y__"), num(3, 2))))).children.get(0);
    assertThat(c.symbols).containsOnlyKeys("_C__x", "__y__");
    assertThat(Symtable.mangle("__", "__a")).isEqualTo("__a");
    assertThat(Symtable.mangle("__Foo", "__a")).isEqualTo("_Foo__a");
    assertThat(Symtable.mangle("Foo", "__a.b")).isEqualTo("__a.b");
  }
}
