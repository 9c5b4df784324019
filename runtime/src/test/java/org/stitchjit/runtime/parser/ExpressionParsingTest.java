package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stitchjit.runtime.ast.Node;

/**
 * Expressions: each expected dump was produced from CPython 3.11's own {@code ast} module
 * (rendered in {@link AstDump}'s format), so these pin the parser to CPython's trees.
 */
class ExpressionParsingTest {

  static String expr(String source) throws GuestSyntaxError {
    Node.Mod mod = Parser.parse(source, "t.py");
    return AstDump.dump(((Node.ExprStmt) mod.body().get(0)).value());
  }

  @Test
  void bitwiseOperatorsBindTighterThanComparisons() throws GuestSyntaxError {
    assertThat(expr("a | b ^ c & d << e >> f")).isEqualTo("BinOp(Name(a), |, BinOp(Name(b), ^, "
        + "BinOp(Name(c), &, BinOp(BinOp(Name(d), <<, Name(e)), >>, Name(f)))))");
    assertThat(expr("a | b == c")).isEqualTo("Compare(BinOp(Name(a), |, Name(b)), [==], [Name(c)])");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-2**2 | UnaryOp(-, BinOp(Constant(2), **, Constant(2)))",
      "2**-1 | BinOp(Constant(2), **, UnaryOp(-, Constant(1)))",
      "2**3**2 | BinOp(Constant(2), **, BinOp(Constant(3), **, Constant(2)))",
      "a - b - c | BinOp(BinOp(Name(a), -, Name(b)), -, Name(c))",
      "a + b * c ** d | BinOp(Name(a), +, BinOp(Name(b), *, BinOp(Name(c), **, Name(d))))",
      "a // b % c | BinOp(BinOp(Name(a), //, Name(b)), %, Name(c))",
      "~a + +b | BinOp(UnaryOp(~, Name(a)), +, UnaryOp(+, Name(b)))",
      "a @ b | BinOp(Name(a), @, Name(b))",
      "not a == b | UnaryOp(not, Compare(Name(a), [==], [Name(b)]))",
      "a or b and not c | BoolOp(or, [Name(a), BoolOp(and, [Name(b), UnaryOp(not, Name(c))])])",
      "a and b and c | BoolOp(and, [Name(a), Name(b), Name(c)])",
  })
  void precedenceAndAssociativity(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a < b <= c != d | Compare(Name(a), [<, <=, !=], [Name(b), Name(c), Name(d)])",
      "a not in b is not c | Compare(Name(a), [not in, is not], [Name(b), Name(c)])",
      "a is b in c > d >= e == f | Compare(Name(a), [is, in, >, >=, ==], "
          + "[Name(b), Name(c), Name(d), Name(e), Name(f)])",
  })
  void comparisonChains(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @Test
  void conditionalExpressionsNestToTheRight() throws GuestSyntaxError {
    assertThat(expr("x if y else z if w else v"))
        .isEqualTo("IfExp(Name(y), Name(x), IfExp(Name(w), Name(z), Name(v)))");
  }

  @Test
  void lambdaWithEveryParameterKind() throws GuestSyntaxError {
    assertThat(expr("lambda x, /, y=1, *a, k, **kw: x")).isEqualTo(
        "Lambda(Arguments(posonly=[Arg(x)], args=[Arg(y)], vararg=Arg(a), kwonly=[Arg(k)], "
            + "kwDefaults=[None], kwarg=Arg(kw), defaults=[Constant(1)]), Name(x))");
    assertThat(expr("lambda: 0")).isEqualTo("Lambda(Arguments(), Constant(0))");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "[x * y for x in a if x for y in b if y if z] | ListComp(BinOp(Name(x), *, Name(y)), "
          + "[Comprehension(Name(x, Store), Name(a), [Name(x)]), "
          + "Comprehension(Name(y, Store), Name(b), [Name(y), Name(z)])])",
      "{k: v for k, v in d.items()} | DictComp(Name(k), Name(v), [Comprehension(TupleExpr("
          + "[Name(k, Store), Name(v, Store)], Store), Call(Attribute(Name(d), items), [], []), "
          + "[])])",
      "{x for x in s} | SetComp(Name(x), [Comprehension(Name(x, Store), Name(s), [])])",
      "(x for x in s) | GeneratorExp(Name(x), [Comprehension(Name(x, Store), Name(s), [])])",
      "f(x for x in y) | Call(Name(f), [GeneratorExp(Name(x), [Comprehension(Name(x, Store), "
          + "Name(y), [])])], [])",
      "[(y := f(x)) for x in a] | ListComp(NamedExpr(Name(y, Store), Call(Name(f), [Name(x)], "
          + "[])), [Comprehension(Name(x, Store), Name(a), [])])",
  })
  void comprehensions(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "f(a, *b, c=1, **d) | Call(Name(f), [Name(a), Starred(Name(b))], "
          + "[Keyword(c, Constant(1)), Keyword(None, Name(d))])",
      "f(a=1, *b) | Call(Name(f), [Starred(Name(b))], [Keyword(a, Constant(1))])",
      "f(a,) | Call(Name(f), [Name(a)], [])",
      "f(a)(b)(c) | Call(Call(Call(Name(f), [Name(a)], []), [Name(b)], []), [Name(c)], [])",
      "a.b.c(d)[e] | Subscript(Call(Attribute(Attribute(Name(a), b), c), [Name(d)], []), "
          + "Name(e))",
  })
  void callsAndAttributes(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a[1:2, ::3] | Subscript(Name(a), TupleExpr([Slice(Constant(1), Constant(2), None), "
          + "Slice(None, None, Constant(3))]))",
      "a[i] | Subscript(Name(a), Name(i))",
      "a[:] | Subscript(Name(a), Slice(None, None, None))",
      "a[1:] | Subscript(Name(a), Slice(Constant(1), None, None))",
      "a[::] | Subscript(Name(a), Slice(None, None, None))",
      "a[i, j] | Subscript(Name(a), TupleExpr([Name(i), Name(j)]))",
      "a[*b] | Subscript(Name(a), TupleExpr([Starred(Name(b))]))",
  })
  void subscriptsAndSlices(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "[1, *a, 2] | ListExpr([Constant(1), Starred(Name(a)), Constant(2)])",
      "{**a, 'k': 1, **b} | DictExpr([None, Constant('k'), None], [Name(a), Constant(1), "
          + "Name(b)])",
      "{1, *a} | SetExpr([Constant(1), Starred(Name(a))])",
      "{} | DictExpr([], [])",
      "(1,) | TupleExpr([Constant(1)])",
      "() | TupleExpr([])",
      "[1, 2,] | ListExpr([Constant(1), Constant(2)])",
      "... | Constant(...)",
      "(yield) | Yield(None)",
      "(x := 5) | NamedExpr(Name(x, Store), Constant(5))",
  })
  void displaysAndAtoms(String source, String expected) throws GuestSyntaxError {
    assertThat(expr(source)).isEqualTo(expected);
  }

  @Test
  void parenthesizedExpressionsSpanLines() throws GuestSyntaxError {
    assertThat(expr("(1 +\n  2\n    * 3)"))
        .isEqualTo("BinOp(Constant(1), +, BinOp(Constant(2), *, Constant(3)))");
    assertThat(expr("[\n  1,\n\n  # comment\n  2,\n]"))
        .isEqualTo("ListExpr([Constant(1), Constant(2)])");
  }

  @Test
  void positionsFollowCPython() throws GuestSyntaxError {
    String dump = AstDump.dump(Parser.parse("x = (a +\n     b.c(d))[0]\n", "t.py"), true);
    assertThat(dump).isEqualTo("Mod([Assign([Name(x, Store)@1:0], Subscript(BinOp(Name(a)@1:5,"
        + " +, Call(Attribute(Name(b)@2:5, c)@2:5, [Name(d)@2:9], [])@2:5)@1:5, "
        + "Constant(0)@2:13)@1:4)@1:0])");
    String gen = AstDump.dump(Parser.parse("f(x for x in y)", "t.py"), true);
    assertThat(gen).contains("GeneratorExp(Name(x)@1:2").contains(")@1:1], [])@1:0");
  }
}
