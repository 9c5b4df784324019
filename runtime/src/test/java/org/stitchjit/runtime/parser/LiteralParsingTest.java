package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stitchjit.runtime.ast.Node;

/** Literals; expected dumps were generated from CPython 3.11's {@code ast} module. */
class LiteralParsingTest {

  private static void check(String source, String expected) throws GuestSyntaxError {
    assertThat(ExpressionParsingTest.expr(source)).as(source).isEqualTo(expected);
  }

  private static Object constant(String source) throws GuestSyntaxError {
    Node.Mod mod = Parser.parse(source, "t.py");
    return ((Node.Constant) ((Node.ExprStmt) mod.body().get(0)).value()).value();
  }

  /** Ints become Long or BigInteger, floats Double; underscores and radix prefixes. */
  @Test
  void numbers() throws GuestSyntaxError {
    check("0xFF + 0o17 + 0b101 + 1_000_000",
        "BinOp(BinOp(BinOp(Constant(255), +, Constant(15)), +, Constant(5)), +, Constant(1000000))");
    check("00 + 0_0 + 0",
        "BinOp(BinOp(Constant(0), +, Constant(0)), +, Constant(0))");
    check("123456789012345678901234567890",
        "Constant(123456789012345678901234567890)");
    check("9223372036854775807",
        "Constant(9223372036854775807)");
    check("9223372036854775808",
        "Constant(9223372036854775808)");
    check("0xffff_ffff_ffff_ffff",
        "Constant(18446744073709551615)");
    check("1.5e-3",
        "Constant(0.0015)");
    check(".5 + 5. + 1_0.2_5",
        "BinOp(BinOp(Constant(0.5), +, Constant(5.0)), +, Constant(10.25))");
    check("1e5 + 1E+300 + 1e500",
        "BinOp(BinOp(Constant(100000.0), +, Constant(1e+300)), +, Constant(inf))");
    check("1if x else 2",
        "IfExp(Name(x), Constant(1), Constant(2))");
  }

  /** Escapes, prefixes, implicit concatenation and line continuation in strings. */
  @Test
  void stringsAndEscapes() throws GuestSyntaxError {
    check("\"\\x41\\u00e9\\U0001F600\\N{BULLET}\\101\\d\\n\"",
        "Constant('A\u00e9\ud83d\ude00\u2022A\\\\d\\n')");
    check("'\\a\\b\\f\\v\\r\\t\\0\\'\\\"\\\\'",
        "Constant('\\x07\\x08\\x0c\\x0b\\r\\t\\x00\\'\"\\\\')");
    check("r\"\\n\\d\" R'\\x'",
        "Constant('\\\\n\\\\d\\\\x')");
    check("u\"abc\" U'd'",
        "Constant('abcd')");
    check("\"\"\"tri\nple\"\"\" '''q'''",
        "Constant('tri\\npleq')");
    check("\"a\\\nb\"",
        "Constant('ab')");
    check("f\"\"\"{\nx\n+ 1}\"\"\"",
        "JoinedStr([FormattedValue(BinOp(Name(x), +, Constant(1)), -1, None)])");
    check("\"\\N{LATIN SMALL LETTER A}\\N{greek small letter alpha}\"",
        "Constant('a\u03b1')");
  }

  /** f-strings in 3.11 syntax: conversions, nested specs, '=' fields, braces. */
  @Test
  void fStrings() throws GuestSyntaxError {
    check("f\"a{b!r:>{w}}c{d=}\"",
        "JoinedStr([Constant('a'), FormattedValue(Name(b), 'r', JoinedStr([Constant('>'), FormattedValue(Name(w), -1, None)])), Constant('cd='), FormattedValue(Name(d), 'r', None)])");
    check("\"a\" \"b\" f\"{c}\" 'd'",
        "JoinedStr([Constant('ab'), FormattedValue(Name(c), -1, None), Constant('d')])");
    check("f\"{x=:>10}\"",
        "JoinedStr([Constant('x='), FormattedValue(Name(x), -1, JoinedStr([Constant('>10')]))])");
    check("f\"{ x = }\"",
        "JoinedStr([Constant(' x = '), FormattedValue(Name(x), 'r', None)])");
    check("f\"{x!s}{y!a}\"",
        "JoinedStr([FormattedValue(Name(x), 's', None), FormattedValue(Name(y), 'a', None)])");
    check("f\"{{}}{{x}}\"",
        "JoinedStr([Constant('{}{x}')])");
    check("f\"{a:{b}{c}}\"",
        "JoinedStr([FormattedValue(Name(a), -1, JoinedStr([FormattedValue(Name(b), -1, None), FormattedValue(Name(c), -1, None)]))])");
    check("rf\"\\n{x}\\t\" FR\"{y}\"",
        "JoinedStr([Constant('\\\\n'), FormattedValue(Name(x), -1, None), Constant('\\\\t'), FormattedValue(Name(y), -1, None)])");
    check("f\"{'a' if x else 'b'}\"",
        "JoinedStr([FormattedValue(IfExp(Name(x), Constant('a'), Constant('b')), -1, None)])");
    check("f\"{x:%H:%M}\"",
        "JoinedStr([FormattedValue(Name(x), -1, JoinedStr([Constant('%H:%M')]))])");
    check("f\"{3.14:.2f}\"",
        "JoinedStr([FormattedValue(Constant(3.14), -1, JoinedStr([Constant('.2f')]))])");
    check("f\"{a['k']}\"",
        "JoinedStr([FormattedValue(Subscript(Name(a), Constant('k')), -1, None)])");
    check("f\"{ {'a': 1}['a'] }\"",
        "JoinedStr([FormattedValue(Subscript(DictExpr([Constant('a')], [Constant(1)]), Constant('a')), -1, None)])");
    check("f\"{f'{x}'}\"",
        "JoinedStr([FormattedValue(JoinedStr([FormattedValue(Name(x), -1, None)]), -1, None)])");
    check("\"\\777\\1\\12\"",
        "Constant('\u01ff\\x01\\n')");
    check("f\"\\{6}\" + f'\\N{BULLET}{x}'",
        "BinOp(JoinedStr([Constant('\\\\'), FormattedValue(Constant(6), -1, None)]), +, JoinedStr([Constant('\u2022'), FormattedValue(Name(x), -1, None)]))");
  }

  /** Leftovers that exercise literal edge cases. */
  @Test
  void otherExpressions() throws GuestSyntaxError {
    check("f\"\" + f\"{x}\" \"\" + f\"{x!r:}\"",
        "BinOp(BinOp(JoinedStr([]), +, JoinedStr([FormattedValue(Name(x), -1, None)])), +, JoinedStr([FormattedValue(Name(x), 'r', JoinedStr([]))]))");
    check("x[1:2:3]",
        "Subscript(Name(x), Slice(Constant(1), Constant(2), Constant(3)))");
  }

  @Test
  void numberValueTypes() throws GuestSyntaxError {
    assertThat(constant("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(constant("9223372036854775808"))
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(constant("0b1" + "0".repeat(70))).isEqualTo(BigInteger.ONE.shiftLeft(70));
    assertThat(constant("1e500")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(constant("0.1")).isEqualTo(0.1);
    assertThat(constant("7")).isEqualTo(7L);
  }

  @Test
  void stringsHoldAstralCharactersAsSurrogatePairs() throws GuestSyntaxError {
    assertThat(constant("'\\U0001F600'")).isEqualTo("\uD83D\uDE00");
    assertThat(constant("'\uD83D\uDE00'")).isEqualTo("\uD83D\uDE00");
    assertThat(constant("'\\ud800'")).isEqualTo("\uD800");
  }

  @Test
  void unsupportedLiteralsAreReported() {
    assertThatThrownBy(() -> Parser.parse("x = b'abc'", "t.py"))
        .isInstanceOf(GuestSyntaxError.class)
        .hasMessage("bytes literals are not supported by Stitch");
    assertThatThrownBy(() -> Parser.parse("x = 1\ny = 2j", "t.py"))
        .isInstanceOf(GuestSyntaxError.class)
        .hasMessage("complex literals are not supported by Stitch")
        .extracting(e -> ((GuestSyntaxError) e).line()).isEqualTo(2);
  }
}
