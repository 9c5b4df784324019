package org.stitchjit.runtime.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Syntax errors. Every expectation was recorded from CPython 3.11.7 running the program as a
 * script file ({@code python3 main.py}): exception type, line, offset and message, and for
 * some the exact stderr text.
 */
class SyntaxErrorTest {

  record Case(String name, String source, String type, int line, int col, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Formatted(String source, String stderr) {
    @Override
    public String toString() {
      return stderr.lines().reduce((a, b) -> b).orElse("");
    }
  }

  static GuestSyntaxError error(String source) {
    GuestSyntaxError e = catchThrowableOfType(() -> Parser.parse(source, "main.py"),
        GuestSyntaxError.class);
    assertThat(e).as("expected a syntax error for %s", source).isNotNull();
    return e;
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("missing_colon", "x = 1\nif x\n    pass\n",
            "SyntaxError", 2, 5, "expected ':'"),
        new Case("unclosed_paren", "print(\"a\",\n      1\nx = 2\n",
            "SyntaxError", 1, 6, "'(' was never closed"),
        new Case("unterminated_string", "a = 1\nb = \"abc\nc = 3\n",
            "SyntaxError", 2, 5, "unterminated string literal (detected at line 2)"),
        new Case("unterminated_triple", "x = 1\ns = \"\"\"abc\n\ndef\n",
            "SyntaxError", 2, 5, "unterminated triple-quoted string literal (detected at line 4)"),
        new Case("unexpected_indent", "x = 1\n    y = 2\n",
            "IndentationError", 2, 4, "unexpected indent"),
        new Case("bad_dedent", "if True:\n        x = 1\n    y = 2\n",
            "IndentationError", 3, 10, "unindent does not match any outer indentation level"),
        new Case("missing_block", "def f():\n    if x:\n    return 1\n",
            "IndentationError", 3, 5, "expected an indented block after 'if' statement on line 2"),
        new Case("assign_literal", "def f():\n    1 = x\n",
            "SyntaxError", 2, 5, "cannot assign to literal here. Maybe you meant '==' instead of '='?"),
        new Case("for_literal", "for 1 in x:\n    pass\n",
            "SyntaxError", 1, 5, "cannot assign to literal"),
        new Case("invalid_decimal", "x = 12abc\n",
            "SyntaxError", 1, 6, "invalid decimal literal"),
        new Case("generic", "x = 1 +\n",
            "SyntaxError", 1, 8, "invalid syntax"),
        new Case("eof_in_def", "def f(\n",
            "SyntaxError", 1, 6, "'(' was never closed"),
        new Case("missing_comma", "x = [1, 2 3]\n",
            "SyntaxError", 1, 9, "invalid syntax. Perhaps you forgot a comma?"),
        new Case("print_stmt", "print \"hello\"\n",
            "SyntaxError", 1, 1, "Missing parentheses in call to 'print'. Did you mean print(...)?"),
        new Case("walrus_attr", "(a.b := 1)\n",
            "SyntaxError", 1, 2, "cannot use assignment expressions with attribute"),
        new Case("keyword_arg", "f(x=1, 2)\n",
            "SyntaxError", 1, 9, "positional argument follows keyword argument"),
        new Case("unmatched", "x = (1, 2))\n",
            "SyntaxError", 1, 11, "unmatched ')'"),
        new Case("mismatched", "x = [1, 2)\n",
            "SyntaxError", 1, 10, "closing parenthesis ')' does not match opening parenthesis '['"),
        new Case("bad_escape", "x = \"\\xZZ\"\n",
            "SyntaxError", 1, 11, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated \\xXX escape"),
        new Case("fstring_brace", "x = f\"{a\"\n",
            "SyntaxError", 1, 10, "f-string: expecting '}'"),
        new Case("fstring_empty", "x = f\"{}\"\n",
            "SyntaxError", 1, 10, "f-string: empty expression not allowed"),
        new Case("tab_error", "if x:\n\ty = 1\n        z = 2\n",
            "TabError", 3, 1, "inconsistent use of tabs and spaces in indentation"),
        new Case("else_without_if", "x = 1\nelse:\n    pass\n",
            "SyntaxError", 2, 1, "invalid syntax"),
        new Case("try_alone", "try:\n    x = 1\ny = 2\n",
            "SyntaxError", 3, 1, "expected 'except' or 'finally' block"),
        new Case("del_call", "del f()\n",
            "SyntaxError", 1, 5, "cannot delete function call"),
        new Case("lambda_default", "f = lambda a=1, b: a\n",
            "SyntaxError", 1, 17, "non-default argument follows default argument"),
        new Case("backslash_eof", "x = 1 + \\",
            "SyntaxError", 1, 10, "unexpected EOF while parsing"),
        new Case("continuation_char", "x = 1 \\ 2\n",
            "SyntaxError", 1, 8, "unexpected character after line continuation character"),
        new Case("nonprintable", "x = 1\u00a0+ 2\n",
            "SyntaxError", 1, 6, "invalid non-printable character U+00A0"),
        new Case("too_deep_parens", "x = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((()))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
            "SyntaxError", 1, 205, "too many nested parentheses"),
        new Case("dict_missing_value", "d = {1:}\n",
            "SyntaxError", 1, 7, "expression expected after dictionary key and ':'"),
        new Case("return_tuple_ann", "a, b: int\n",
            "SyntaxError", 1, 1, "only single target (not tuple) can be annotated"),
        new Case("indent_too_deep", deeplyIndented(101), "IndentationError", 101, 1,
            "too many levels of indentation"));
  }

  private static String deeplyIndented(int levels) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      s.append(" ".repeat(i)).append("if x:\n");
    }
    return s.append(" ".repeat(levels)).append("pass\n").toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsCPythonsErrorAndLocation(Case c) {
    GuestSyntaxError e = error(c.source());
    assertThat(List.of(e.type(), e.line(), e.col(), e.message()))
        .isEqualTo(List.of(c.type(), c.line(), c.col(), c.message()));
    assertThat(e.filename()).isEqualTo("main.py");
  }

  static Stream<Formatted> formatted() {
    return Stream.of(
        new Formatted("x = 1\nif x\n    pass\n",
            "  File \"main.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"),
        new Formatted("print(\"a\",\n      1\nx = 2\n",
            "  File \"main.py\", line 1\n    print(\"a\",\n         ^\nSyntaxError: '(' was never closed\n"),
        new Formatted("a = 1\nb = \"abc\nc = 3\n",
            "  File \"main.py\", line 2\n    b = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n"),
        new Formatted("x = 1\n    y = 2\n",
            "  File \"main.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"),
        new Formatted("if True:\n        x = 1\n    y = 2\n",
            "  File \"main.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"),
        new Formatted("def f():\n    if x:\n    return 1\n",
            "  File \"main.py\", line 3\n    return 1\n    ^\nIndentationError: expected an indented block after 'if' statement on line 2\n"),
        new Formatted("def f():\n    1 = x\n",
            "  File \"main.py\", line 2\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"),
        new Formatted("x = [1, 2 3]\n",
            "  File \"main.py\", line 1\n    x = [1, 2 3]\n            ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"),
        new Formatted("print \"hello\"\n",
            "  File \"main.py\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"),
        new Formatted("x = f\"{a\"\n",
            "  File \"main.py\", line 1\n    x = f\"{a\"\n             ^\nSyntaxError: f-string: expecting '}'\n"),
        new Formatted("if x:\n\ty = 1\n        z = 2\n",
            "  File \"main.py\", line 3\n    z = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"),
        new Formatted("f = lambda a=1, b: a\n",
            "  File \"main.py\", line 1\n    f = lambda a=1, b: a\n                    ^\nSyntaxError: non-default argument follows default argument\n"),
        new Formatted("x = 1 + \\",
            "  File \"main.py\", line 1\n    x = 1 + \\\n             ^\nSyntaxError: unexpected EOF while parsing\n"),
        new Formatted("x = 1\u00a0+ 2\n",
            "  File \"main.py\", line 1\n    x = 1\u00a0+ 2\n         ^\nSyntaxError: invalid non-printable character U+00A0\n"),
        new Formatted("d = {1:}\n",
            "  File \"main.py\", line 1\n    d = {1:}\n          ^\nSyntaxError: expression expected after dictionary key and ':'\n")
    );
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formatted")
  void formatsLikeCPython(Formatted f) {
    assertThat(error(f.source()).format()).isEqualTo(f.stderr());
  }

  @Test
  void errorCarriesItsSourceLine() {
    GuestSyntaxError e = error("x = 1\n  y = (\n");
    assertThat(e.lineText()).isEqualTo("  y = (");
    assertThat(e.getMessage()).isEqualTo(e.message());
    assertThat(e.getStackTrace()).isEmpty();
  }

  @Test
  void laterTokenizerErrorWinsOverParserError() {
    // CPython tokenizes the rest of the file after a parse error; tokenizer errors win.
    GuestSyntaxError e = error("x = = 1\ns = 'abc\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).isEqualTo("unterminated string literal (detected at line 2)");
    // ...but an unclosed bracket opened after the error line does not.
    assertThat(error("x = = 1\ny = (1,\n").message()).isEqualTo("invalid syntax");
    assertThat(error("y = (1,\nx = = 1\n").message()).isEqualTo("'(' was never closed");
  }

  /** Quirks of CPython's parser that decide which message a user sees. */
  @Test
  void reproducesCPythonQuirks() {
    // A dict item after the first is checked for a missing ':' even in the first pass.
    GuestSyntaxError dict = error("d = {'a': 1, 'b' 2}\n");
    assertThat(List.of(dict.message(), dict.col()))
        .isEqualTo(List.of("':' expected after dictionary key", 16));
    // CPython's soft-keyword test accepts any prefix of "match"/"case", so "c d" is not
    // reported as a missing comma while "a b" is.
    assertThat(error("f(c d)\n").message()).isEqualTo("invalid syntax");
    assertThat(error("f(a b)\n").message())
        .isEqualTo("invalid syntax. Perhaps you forgot a comma?");
    // This column counts from the start of the multi-line token before it, as CPython's
    // line buffer does.
    GuestSyntaxError cont = error("s = \"\"\"a\nb\"\"\" \\ x\n");
    assertThat(List.of(cont.line(), cont.col())).isEqualTo(List.of(2, 16));
    // Parser errors in a script are measured in UTF-8 bytes, tokenizer errors in characters.
    assertThat(error("π = (1 2)\n").col()).isEqualTo(7);
    assertThat(error("π = €\n").col()).isEqualTo(5);
  }

  @Test
  void indentationErrorsAtEndOfFileShowNoCaret() {
    assertThat(error("if x:\n").format()).isEqualTo("  File \"main.py\", line 1\n    if x:\n"
        + "IndentationError: expected an indented block after 'if' statement on line 1\n");
  }

  @Test
  void deeplyNestedExpressionsAreRejectedNotOverflowed() {
    GuestSyntaxError e = error("x = " + "-".repeat(20000) + "1\n");
    assertThat(e.message()).isEqualTo("too many nested expressions");
    assertThat(error("x = " + "not ".repeat(20000) + "1\n").message())
        .isEqualTo("too many nested expressions");
    assertThat(error("x = " + "lambda: ".repeat(10000) + "1\n").message())
        .isEqualTo("too many nested expressions");
  }

  @Test
  void nestingJustBelowTheLimitsStillParses() throws GuestSyntaxError {
    Parser.parse("x = " + "(".repeat(200) + "1" + ")".repeat(200) + "\n", "main.py");
    Parser.parse("x = " + "[".repeat(100) + "]".repeat(100) + "\n", "main.py");
    Parser.parse("x = " + "-".repeat(1000) + "1\n", "main.py");
    Parser.parse(deeplyIndented(99), "main.py");
  }
}
