package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Statements and layout; expected dumps come from CPython 3.11's {@code ast} module. */
class StatementParsingTest {

  static String module(String source) throws GuestSyntaxError {
    return AstDump.dump(Parser.parse(source, "t.py"));
  }

  @Test
  void simpleStatementsSeparatedBySemicolons() throws GuestSyntaxError {
    assertThat(module("x = 1; y = 2;"))
        .isEqualTo("Mod([Assign([Name(x, Store)], Constant(1)), "
            + "Assign([Name(y, Store)], Constant(2))])");
    assertThat(module("pass\nbreak\ncontinue")).isEqualTo("Mod([Pass, Break, Continue])");
  }

  @Test
  void assignmentForms() throws GuestSyntaxError {
    assertThat(module("a = b = c = 0")).isEqualTo(
        "Mod([Assign([Name(a, Store), Name(b, Store), Name(c, Store)], Constant(0))])");
    assertThat(module("a, *b = c")).isEqualTo("Mod([Assign([TupleExpr([Name(a, Store), "
        + "Starred(Name(b, Store), Store)], Store)], Name(c))])");
    assertThat(module("[a, (b, c)] = d")).isEqualTo("Mod([Assign([ListExpr([Name(a, Store), "
        + "TupleExpr([Name(b, Store), Name(c, Store)], Store)], Store)], Name(d))])");
    assertThat(module("x.y[0] += 1")).isEqualTo(
        "Mod([AugAssign(Subscript(Attribute(Name(x), y), Constant(0), Store), +, Constant(1))])");
    assertThat(module("x = yield")).isEqualTo("Mod([Assign([Name(x, Store)], Yield(None))])");
    assertThat(module("x = yield from g()"))
        .isEqualTo("Mod([Assign([Name(x, Store)], YieldFrom(Call(Name(g), [], [])))])");
  }

  @Test
  void annotatedAssignments() throws GuestSyntaxError {
    assertThat(module("x: int = 5"))
        .isEqualTo("Mod([AnnAssign(Name(x, Store), Name(int), Constant(5))])");
    assertThat(module("(x): int")).isEqualTo("Mod([AnnAssign(Name(x, Store), Name(int), None)])");
    assertThat(module("a.b: 'T'"))
        .isEqualTo("Mod([AnnAssign(Attribute(Name(a), b, Store), Constant('T'), None)])");
  }

  @Test
  void otherSimpleStatements() throws GuestSyntaxError {
    assertThat(module("del a, b[0], c.d")).isEqualTo("Mod([Delete([Name(a, Del), "
        + "Subscript(Name(b), Constant(0), Del), Attribute(Name(c), d, Del)])])");
    assertThat(module("assert x, 'msg'")).isEqualTo("Mod([Assert(Name(x), Constant('msg'))])");
    assertThat(module("raise E from None"))
        .isEqualTo("Mod([Raise(Name(E), Constant(None))])");
    assertThat(module("raise")).isEqualTo("Mod([Raise(None, None)])");
    assertThat(module("return")).isEqualTo("Mod([Return(None)])");
    assertThat(module("global a, b")).isEqualTo("Mod([Global([a, b])])");
  }

  @Test
  void imports() throws GuestSyntaxError {
    assertThat(module("import a.b.c as d, e"))
        .isEqualTo("Mod([Import([Alias(a.b.c, d), Alias(e, None)])])");
    assertThat(module("from . import x"))
        .isEqualTo("Mod([ImportFrom(None, [Alias(x, None)], 1)])");
    assertThat(module("from ..a.b import (x, y as z,)"))
        .isEqualTo("Mod([ImportFrom(a.b, [Alias(x, None), Alias(y, z)], 2)])");
    assertThat(module("from ... import x"))
        .isEqualTo("Mod([ImportFrom(None, [Alias(x, None)], 3)])");
    assertThat(module("from m import *")).isEqualTo("Mod([ImportFrom(m, [Alias(*, None)], 0)])");
  }

  @Test
  void compoundStatements() throws GuestSyntaxError {
    assertThat(module("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass"))
        .isEqualTo("Mod([If(Name(a), [Pass], [If(Name(b), [Pass], [Pass])])])");
    assertThat(module("while x:\n    break\nelse:\n    pass"))
        .isEqualTo("Mod([While(Name(x), [Break], [Pass])])");
    assertThat(module("for i, j in x:\n    continue\nelse:\n    pass")).isEqualTo(
        "Mod([For(TupleExpr([Name(i, Store), Name(j, Store)], Store), Name(x), [Continue], "
            + "[Pass])])");
    assertThat(module("if x: a = 1; b = 2")).isEqualTo("Mod([If(Name(x), [Assign([Name(a, "
        + "Store)], Constant(1)), Assign([Name(b, Store)], Constant(2))], [])])");
  }

  @Test
  void tryStatements() throws GuestSyntaxError {
    assertThat(module("try:\n    pass\nexcept (A, B) as e:\n    pass\nexcept C:\n    pass\n"
        + "except:\n    pass\nelse:\n    pass\nfinally:\n    pass")).isEqualTo(
        "Mod([Try([Pass], [ExceptHandler(TupleExpr([Name(A), Name(B)]), e, [Pass]), "
            + "ExceptHandler(Name(C), None, [Pass]), ExceptHandler(None, None, [Pass])], [Pass], "
            + "[Pass])])");
    assertThat(module("try:\n    pass\nfinally:\n    pass"))
        .isEqualTo("Mod([Try([Pass], [], [], [Pass])])");
  }

  @Test
  void withStatements() throws GuestSyntaxError {
    assertThat(module("with a as b, c as (d, e):\n    pass")).isEqualTo(
        "Mod([With([WithItem(Name(a), Name(b, Store)), WithItem(Name(c), "
            + "TupleExpr([Name(d, Store), Name(e, Store)], Store))], [Pass])])");
    assertThat(module("with (a as b, c):\n    pass")).isEqualTo(
        "Mod([With([WithItem(Name(a), Name(b, Store)), WithItem(Name(c), None)], [Pass])])");
    assertThat(module("with (a, b):\n    pass"))
        .isEqualTo("Mod([With([WithItem(Name(a), None), WithItem(Name(b), None)], [Pass])])");
  }

  @Test
  void functionDefinitions() throws GuestSyntaxError {
    assertThat(module("@dec\n@dec2(1)\ndef f(a, b: int = 1, /, c=2, *args: str, d, e=3, **kw)"
        + " -> None:\n    '''doc'''\n    return a")).isEqualTo(
        "Mod([FunctionDef(f, Arguments(posonly=[Arg(a), Arg(b, Name(int))], args=[Arg(c)], "
            + "vararg=Arg(args, Name(str)), kwonly=[Arg(d), Arg(e)], "
            + "kwDefaults=[None, Constant(3)], kwarg=Arg(kw), "
            + "defaults=[Constant(1), Constant(2)]), [ExprStmt(Constant('doc')), "
            + "Return(Name(a))], [Name(dec), Call(Name(dec2), [Constant(1)], [])], "
            + "Constant(None))])");
    assertThat(module("def g():\n    x = 1\n    def h():\n        nonlocal x\n        yield x"))
        .isEqualTo("Mod([FunctionDef(g, Arguments(), [Assign([Name(x, Store)], Constant(1)), "
            + "FunctionDef(h, Arguments(), [Nonlocal([x]), ExprStmt(Yield(Name(x)))], [], "
            + "None)], [], None)])");
    assertThat(module("def f(*, a): pass"))
        .isEqualTo("Mod([FunctionDef(f, Arguments(kwonly=[Arg(a)], kwDefaults=[None]), [Pass], "
            + "[], None)])");
  }

  @Test
  void classDefinitionsAndDecoratedPositions() throws GuestSyntaxError {
    String source = "@dataclass\nclass C(B, metaclass=M, **kw):\n    x: int = 0";
    assertThat(module(source)).isEqualTo("Mod([ClassDef(C, [Name(B)], [Keyword(metaclass, "
        + "Name(M)), Keyword(None, Name(kw))], [AnnAssign(Name(x, Store), Name(int), "
        + "Constant(0))], [Name(dataclass)])])");
    assertThat(AstDump.dump(Parser.parse(source, "t.py"), true)).isEqualTo(
        "Mod([ClassDef(C, [Name(B)@2:8], [Keyword(metaclass, Name(M)@2:21)@2:11, "
            + "Keyword(None, Name(kw)@2:26)@2:24], [AnnAssign(Name(x, Store)@3:4, "
            + "Name(int)@3:7, Constant(0)@3:13)@3:4], [Name(dataclass)@1:1])@2:0])");
    assertThat(module("class E:\n    pass")).isEqualTo("Mod([ClassDef(E, [], [], [Pass], [])])");
  }

  @Test
  void tabsIndentToMultiplesOfEight() throws GuestSyntaxError {
    assertThat(module("if x:\n\tif y:\n\t\tpass\n\telse:\n\t    pass"))
        .isEqualTo("Mod([If(Name(x), [If(Name(y), [Pass], [Pass])], [])])");
    // Eight spaces and one tab are the same column, but CPython rejects mixing them.
    assertThat(module("if x:\n        a\n        b\n"))
        .isEqualTo("Mod([If(Name(x), [ExprStmt(Name(a)), ExprStmt(Name(b))], [])])");
  }

  @Test
  void lineJoiningAndLayout() throws GuestSyntaxError {
    assertThat(module("x = (1 +\n     2)\ny = [\n  3,\n]\nz = 4 + \\\n  5")).isEqualTo(
        "Mod([Assign([Name(x, Store)], BinOp(Constant(1), +, Constant(2))), "
            + "Assign([Name(y, Store)], ListExpr([Constant(3)])), "
            + "Assign([Name(z, Store)], BinOp(Constant(4), +, Constant(5)))])");
    String expected = "Mod([If(Name(a), [ExprStmt(Name(b))], []), ExprStmt(Name(c))])";
    assertThat(module("if a:\r\n    b\r\nc\r\n")).isEqualTo(expected);
    assertThat(module("if a:\n    b\nc")).isEqualTo(expected);
    assertThat(module("# lead\n\nif a:  # trailing\n\n    # indented comment\n    b\n  \nc\n"))
        .isEqualTo(expected);
    assertThat(module("\fif a:\n    b\n\fc\n")).isEqualTo(expected);
    assertThat(module("\uFEFFif a:\n    b\nc\n")).isEqualTo(expected);
    assertThat(module("")).isEqualTo("Mod([])");
    assertThat(module("\n\n# only a comment")).isEqualTo("Mod([])");
  }

  @Test
  void softKeywordsAreOrdinaryNames() throws GuestSyntaxError {
    assertThat(module("match = 1\ncase = match\n_ = case(match)"))
        .isEqualTo("Mod([Assign([Name(match, Store)], Constant(1)), Assign([Name(case, Store)], "
            + "Name(match)), Assign([Name(_, Store)], Call(Name(case), [Name(match)], []))])");
  }

  @Test
  void identifiersAreNormalized() throws GuestSyntaxError {
    // NFKC folds the ligature, as CPython does when it interns identifiers.
    assertThat(module("ﬁle = 1")).isEqualTo("Mod([Assign([Name(file, Store)], Constant(1))])");
    assertThat(module("π = 3")).isEqualTo("Mod([Assign([Name(π, Store)], Constant(3))])");
  }
}
