package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Tag;

/** str behaviour; every expected value was produced by CPython 3.11. */
class StrTypeTest extends SeqTestBase {

  private String sl(String text, Long a, Long b, Long c) {
    return repr(get(s(text), slice(a, b, c)));
  }

  @Test
  void indexingAndSlicing() {
    assertRepr("'b'", get(s("abc"), i(1)));
    assertRepr("'c'", get(s("abc"), i(-1)));
    assertEquals("'ec'", sl("abcdef", -2L, 1L, -2L));
    assertEquals("'fedcba'", sl("abcdef", null, null, -1L));
    assertEquals("'bd'", sl("abcdef", 1L, 5L, 2L));
    assertEquals("''", sl("abc", 10L, null, null));
    assertEquals("'él'", sl("héllo", 1L, 3L, null));
    assertEquals("'b\u1234a'", sl("a\u1234b", null, null, -1L));
    assertRepr("'\u1234'", get(s("a\u1234b"), i(1)));
    // A wide str sliced to Latin-1 characters is stored narrow again.
    long narrow = get(s("a\u1234bc"), slice(2L, null, null));
    assertFalse(org.stitchjit.runtime.vm.VM.strWide(narrow));
    assertErr("IndexError: string index out of range", () -> get(s("abc"), i(5)));
    assertErr("IndexError: string index out of range", () -> get(s(""), i(0)));
    assertErr("TypeError: string indices must be integers, not 'str'",
        () -> get(s("abc"), s("x")));
    assertErr("TypeError: string indices must be integers, not 'float'",
        () -> get(s("abc"), f(1.0)));
    assertErr("IndexError: cannot fit 'int' into an index-sized integer",
        () -> get(s("ab"), vm.newInt(java.math.BigInteger.TWO.pow(70))));
    assertErr("ValueError: slice step cannot be zero", () -> get(s("ab"), slice(null, null, 0L)));
    assertErr("TypeError: slice indices must be integers or None or have an __index__ method",
        () -> get(s("ab"), SliceType.newSlice(vm, f(1.5), vm.none, vm.none)));
    // True is an index.
    assertRepr("'b'", get(s("abc"), vm.trueObj));
  }

  @Test
  void operators() {
    assertRepr("'abc\u1234'", binop(BinaryOp.ADD, s("abc"), s("\u1234")));
    assertRepr("'ababab'", binop(BinaryOp.MULTIPLY, s("ab"), i(3)));
    assertRepr("'ababab'", binop(BinaryOp.MULTIPLY, i(3), s("ab")));
    assertRepr("''", binop(BinaryOp.MULTIPLY, s("ab"), i(0)));
    assertRepr("''", binop(BinaryOp.MULTIPLY, s("ab"), i(-2)));
    assertRepr("'\u1234x\u1234x'", binop(BinaryOp.MULTIPLY, s("\u1234x"), i(2)));
    assertRepr("'abab'", binop(BinaryOp.INPLACE + BinaryOp.MULTIPLY, s("ab"), i(2)));
    assertRepr("'ab'", binop(BinaryOp.INPLACE + BinaryOp.ADD, s("a"), s("b")));
    assertErr("TypeError: can only concatenate str (not \"int\") to str",
        () -> binop(BinaryOp.ADD, s("a"), i(1)));
    assertErr("TypeError: unsupported operand type(s) for +: 'int' and 'str'",
        () -> binop(BinaryOp.ADD, i(1), s("a")));
    assertErr("TypeError: can't multiply sequence by non-int of type 'float'",
        () -> binop(BinaryOp.MULTIPLY, s("a"), f(1.5)));
    assertErr("TypeError: can't multiply sequence by non-int of type 'float'",
        () -> binop(BinaryOp.MULTIPLY, f(1.5), s("a")));
    assertErr("TypeError: can't multiply sequence by non-int of type 'str'",
        () -> binop(BinaryOp.MULTIPLY, s("a"), s("b")));
    assertErr("OverflowError: cannot fit 'int' into an index-sized integer",
        () -> binop(BinaryOp.MULTIPLY, s("a"), vm.newInt(java.math.BigInteger.TWO.pow(70))));
    assertErr("MemoryError", () -> binop(BinaryOp.MULTIPLY, s("ab"), i(1L << 61)));
  }

  @Test
  void comparisonHashAndContains() {
    assertFalse(cmp(s("b"), s("ab"), CompareOp.LT));
    assertTrue(cmp(s("abc"), s("abd"), CompareOp.LT));
    assertTrue(cmp(s("ab"), s("abc"), CompareOp.LT));
    assertTrue(cmp(s("\u1234"), s("z"), CompareOp.GT));
    assertTrue(cmp(s("ab"), s("ab"), CompareOp.GE));
    assertTrue(eq(s("a\u1234"), s("a\u1234")));
    assertFalse(eq(s("a"), i(1)));
    assertErr("TypeError: '<' not supported between instances of 'str' and 'int'",
        () -> vm.bool(cmp(s("a"), i(1), CompareOp.LT)));
    assertEquals(hash(s("hello")), hash(binop(BinaryOp.ADD, s("hel"), s("lo"))));
    assertTrue(vm.rt.contains(s("cab"), s("a")));
    assertTrue(vm.rt.contains(s("x"), s("")));
    assertFalse(vm.rt.contains(s("abc"), s("ca")));
    assertTrue(vm.rt.contains(s("xa\u1234b"), s("\u1234b")));
    assertErr("TypeError: 'in <string>' requires string as left operand, not int",
        () -> vm.bool(vm.rt.contains(s("a"), i(1))));
    assertEquals(3, vm.rt.len(s("a\u1234b")));
  }

  @Test
  void construct() {
    assertRepr("''", construct(vm.strType));
    assertRepr("'5'", construct(vm.strType, i(5)));
    assertRepr("'[1, 2]'", construct(vm.strType, ints(1, 2)));
    assertRepr("'x'", construct(vm.strType, s("x")));
    assertRepr("'1'", construct(vm.strType, new long[0], new String[] {"object"},
        new long[] {i(1)}));
    assertErr("TypeError: 'x' is an invalid keyword argument for str()",
        () -> construct(vm.strType, new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: str() takes at most 3 arguments (4 given)",
        () -> construct(vm.strType, i(1), i(2), i(3), i(4)));
    assertErr("TypeError: str() argument 'encoding' must be str, not int",
        () -> construct(vm.strType, i(1), i(2), i(3)));
    assertErr("TypeError: decoding str is not supported",
        () -> construct(vm.strType, s("a"), s("utf-8")));
  }

  @Test
  void split() {
    assertRepr("['a', 'b', '', 'c']", m(s("a,b,,c"), "split", s(",")));
    assertRepr("['a', 'b,,c']", m(s("a,b,,c"), "split", s(","), i(1)));
    assertRepr("['a', 'b', 'c']", m(s("  a  b c "), "split"));
    assertRepr("['a', 'b c ']", m(s("  a  b c "), "split", none(), i(1)));
    assertRepr("['  a  b', 'c']", m(s("  a  b c "), "rsplit", none(), i(1)));
    assertRepr("['a b', 'c']", mkw(s("a b c"), "rsplit", new long[0],
        new String[] {"maxsplit"}, new long[] {i(1)}));
    assertRepr("['a,b', '', 'c']", m(s("a,b,,c"), "rsplit", s(","), i(2)));
    assertRepr("['a', 'b']", m(s("a\u2003b"), "split"));
    assertRepr("[]", m(s(""), "split"));
    assertRepr("['']", m(s(""), "split", s(",")));
    assertRepr("['abc', 'abc', 'ab']", m(s("abcXYabcXYab"), "split", s("XY")));
    assertRepr("['x', '\u1234', 'y']", m(s("x\u2003\u1234 y"), "split"));
    assertErr("ValueError: empty separator", () -> m(s("a"), "split", s("")));
    assertErr("TypeError: must be str or None, not int", () -> m(s("a"), "split", i(1)));
    assertErr("TypeError: 'x' is an invalid keyword argument for split()",
        () -> mkw(s("a"), "split", new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: split() takes at most 2 arguments (3 given)",
        () -> m(s("a"), "split", s(","), i(1), i(2)));
    assertErr("TypeError: argument for split() given by name ('sep') and position (1)",
        () -> mkw(s("a"), "split", new long[] {s(",")}, new String[] {"sep"},
            new long[] {s(",")}));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> m(s("a"), "split", none(), s("x")));
    assertRepr("['a\\n', 'b\\r\\n', 'c\\n']", mkw(s("a\nb\r\nc\n"), "splitlines", new long[0],
        new String[] {"keepends"}, new long[] {vm.trueObj}));
    assertRepr("['a', 'b', 'c']", m(s("a\nb\r\nc\n"), "splitlines"));
    assertRepr("('a', '=', 'b=c')", m(s("a=b=c"), "partition", s("=")));
    assertRepr("('a=b', '=', 'c')", m(s("a=b=c"), "rpartition", s("=")));
    assertRepr("('abc', '', '')", m(s("abc"), "partition", s("x")));
    assertRepr("('', '', 'abc')", m(s("abc"), "rpartition", s("x")));
    assertErr("ValueError: empty separator", () -> m(s("ab"), "partition", s("")));
    assertErr("TypeError: must be str, not int", () -> m(s("ab"), "rpartition", i(1)));
  }

  @Test
  void join() {
    assertRepr("'a,b,c'", m(s(","), "join", list(s("a"), s("b"), s("c"))));
    assertRepr("''", m(s(""), "join", list()));
    assertRepr("'a-b-c'", m(s("-"), "join", s("abc")));
    assertRepr("'x-\u1234-y'", m(s("-\u1234-"), "join", list(s("x"), s("y"))));
    long a = s("a");
    assertEquals(a, m(s("x"), "join", tuple(a)));
    assertRepr("'0-1-2'", m(s("-"), "join",
        Iterators.map(vm, fn("str", v -> StrType.strOf(vm, v)), new long[] {ints(0, 1, 2)})));
    assertErr("TypeError: sequence item 0: expected str instance, int found",
        () -> m(s(","), "join", ints(1)));
    assertErr("TypeError: sequence item 1: expected str instance, int found",
        () -> m(s(","), "join", list(s("a"), i(1))));
    assertErr("TypeError: can only join an iterable", () -> m(s(","), "join", i(5)));
    assertErr("TypeError: str.join() takes exactly one argument (0 given)",
        () -> m(s(","), "join"));
  }

  @Test
  void stripReplace() {
    assertRepr("'hi'", m(s("  \t hi \n"), "strip"));
    assertRepr("'hi'", m(s("xxhixx"), "strip", s("x")));
    assertRepr("'hiyx'", m(s("xyhiyx"), "lstrip", s("xy")));
    assertRepr("'xyhi'", m(s("xyhiyx"), "rstrip", s("xy")));
    assertRepr("'hi'", m(s("\u3000hi\u3000"), "strip"));
    long same = s("abc");
    assertEquals(same, m(same, "strip"));
    assertErr("TypeError: strip arg must be None or str", () -> m(s("a"), "strip", i(1)));
    assertErr("TypeError: strip expected at most 1 argument, got 2",
        () -> m(s("a"), "strip", s("a"), s("b")));
    assertErr("TypeError: str.strip() takes no keyword arguments",
        () -> mkw(s("a"), "strip", new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertRepr("'aXXcaXXc'", m(s("abcabc"), "replace", s("b"), s("XX")));
    assertRepr("'aXXcabc'", m(s("abcabc"), "replace", s("b"), s("XX"), i(1)));
    assertRepr("'-a-b-c-a-b-c-'", m(s("abcabc"), "replace", s(""), s("-")));
    assertRepr("'-a-bcabc'", m(s("abcabc"), "replace", s(""), s("-"), i(2)));
    assertRepr("'bb'", m(s("aaaa"), "replace", s("aa"), s("b")));
    assertRepr("'bc\u1234bc'", m(s("a\u1234a"), "replace", s("a"), s("bc")));
    assertRepr("''", m(s("abcabc"), "replace", s("abc"), s("")));
    assertRepr("'a\u1234c'", m(s("abc"), "replace", s("b"), s("\u1234")));
    assertErr("TypeError: replace() argument 1 must be str, not int",
        () -> m(s("a"), "replace", i(1), s("b")));
    assertErr("TypeError: replace() argument 2 must be str, not int",
        () -> m(s("a"), "replace", s("a"), i(1)));
    assertErr("TypeError: replace expected at least 2 arguments, got 1",
        () -> m(s("a"), "replace", s("a")));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> m(s("a"), "replace", s("a"), s("b"), s("c")));
  }

  @Test
  void search() {
    assertEquals(Tag.fromInt(2), m(s("hello"), "find", s("l")));
    assertEquals(Tag.fromInt(3), m(s("hello"), "rfind", s("l")));
    assertEquals(Tag.fromInt(3), m(s("hello"), "find", s("l"), i(3)));
    assertEquals(Tag.fromInt(3), m(s("hello"), "find", s("l"), i(-2)));
    assertEquals(Tag.fromInt(-1), m(s("hello"), "find", s("z")));
    assertEquals(Tag.fromInt(5), m(s("hello"), "find", s(""), i(5)));
    assertEquals(Tag.fromInt(-1), m(s("hello"), "find", s(""), i(6)));
    assertEquals(Tag.fromInt(5), m(s("hello"), "rfind", s(""), i(2)));
    assertEquals(Tag.fromInt(3), m(s("hello"), "index", s("lo")));
    assertEquals(Tag.fromInt(0), m(s("a"), "index", s("a"), none(), none()));
    assertEquals(Tag.fromInt(-1),
        m(s("abc"), "find", s("c"), vm.newInt(java.math.BigInteger.TWO.pow(70))));
    assertEquals(Tag.fromInt(2),
        m(s("abc"), "find", s("c"), vm.newInt(java.math.BigInteger.TWO.pow(70).negate())));
    assertEquals(Tag.fromInt(2), m(s("a\u1234bc\u1234"), "find", s("bc")));
    assertEquals(Tag.fromInt(4), m(s("a\u1234bc\u1234"), "rfind", s("\u1234")));
    assertErr("ValueError: substring not found", () -> m(s("abc"), "index", s("x")));
    assertErr("ValueError: substring not found", () -> m(s("abc"), "rindex", s("x")));
    assertErr("TypeError: must be str, not int", () -> m(s("a"), "find", i(1)));
    assertErr("TypeError: find() takes at least 1 argument (0 given)", () -> m(s("a"), "find"));
    assertErr("TypeError: find() takes at most 3 arguments (4 given)",
        () -> m(s("a"), "find", s("a"), i(1), i(2), i(3)));
    assertErr("TypeError: str.find() takes no keyword arguments",
        () -> mkw(s("a"), "find", new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: slice indices must be integers or None or have an __index__ method",
        () -> m(s("a"), "count", s("a"), f(1.5)));
    assertEquals(Tag.fromInt(2), m(s("hello"), "count", s("l")));
    assertEquals(Tag.fromInt(2), m(s("aaaa"), "count", s("aa")));
    assertEquals(Tag.fromInt(4), m(s("abc"), "count", s("")));
    assertEquals(Tag.fromInt(3), m(s("abc"), "count", s(""), i(1)));
    assertEquals(vm.trueObj, m(s("hello"), "startswith", s("he")));
    assertEquals(vm.trueObj, m(s("hello"), "startswith", s("lo"), i(3)));
    assertEquals(vm.trueObj, m(s("hello"), "startswith", tuple(s("x"), s("h"))));
    assertEquals(vm.trueObj, m(s("hello"), "endswith", s("lo")));
    assertEquals(vm.trueObj, m(s("hello"), "endswith", s("l"), i(0), i(4)));
    assertEquals(vm.trueObj, m(s("hello"), "startswith", s(""), i(5)));
    assertEquals(vm.falseObj, m(s("hello"), "startswith", s(""), i(6)));
    assertEquals(vm.falseObj, m(s("hello"), "endswith", s("hello!")));
    assertErr("TypeError: startswith first arg must be str or a tuple of str, not int",
        () -> m(s("a"), "startswith", i(1)));
    assertErr("TypeError: tuple for endswith must only contain str, not int",
        () -> m(s("abc"), "endswith", tuple(s("a"), i(1))));
    assertErr("TypeError: startswith() takes at least 1 argument (0 given)",
        () -> m(s("a"), "startswith"));
  }

  @Test
  void caseAndPredicates() {
    assertRepr("'HELLO WORLD'", m(s("Hello World"), "upper"));
    assertRepr("'hello world'", m(s("Hello World"), "lower"));
    assertRepr("'Hello World'", m(s("hello world"), "title"));
    assertRepr("'Hello'", m(s("hELLO"), "capitalize"));
    assertRepr("'hELLO'", m(s("Hello"), "swapcase"));
    assertRepr("'strasse'", m(s("Straße"), "casefold"));
    assertRepr("'SS'", m(s("ß"), "upper"));
    assertRepr("'É'", m(s("é"), "upper"));
    assertErr("TypeError: str.upper() takes no arguments (1 given)",
        () -> m(s("a"), "upper", i(1)));
    assertEquals(vm.trueObj, m(s("123"), "isdigit"));
    assertEquals(vm.falseObj, m(s(""), "isdigit"));
    assertEquals(vm.trueObj, m(s("²"), "isdigit"));
    assertEquals(vm.falseObj, m(s("²"), "isdecimal"));
    assertEquals(vm.trueObj, m(s("abc"), "isalpha"));
    assertEquals(vm.trueObj, m(s(" \t"), "isspace"));
    assertEquals(vm.trueObj, m(s("a1"), "isalnum"));
    assertEquals(vm.trueObj, m(s("ABC"), "isupper"));
    assertEquals(vm.falseObj, m(s("aBC"), "isupper"));
    assertEquals(vm.trueObj, m(s("abc"), "islower"));
    assertEquals(vm.trueObj, m(s("½"), "isnumeric"));
    assertEquals(vm.trueObj, m(s("_a1"), "isidentifier"));
    assertEquals(vm.falseObj, m(s("1abc"), "isidentifier"));
    assertEquals(vm.trueObj, m(s(""), "isascii"));
    assertEquals(vm.trueObj, m(s("Hello World"), "istitle"));
    assertErr("TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object",
        () -> callBuiltin(org.stitchjit.runtime.vm.Dicts.getItemStr(vm,
            org.stitchjit.runtime.vm.VM.get(vm.strType,
                org.stitchjit.api.layout.Layout.Type.DICT), vm.intern("upper")),
            new long[] {i(1)}, new String[0], new long[0]));
  }

  @Test
  void padding() {
    assertRepr("'**abc**'", m(s("abc"), "center", i(7), s("*")));
    assertRepr("'*abc**'", m(s("abc"), "center", i(6), s("*")));
    assertRepr("'abc  '", m(s("abc"), "ljust", i(5)));
    assertRepr("'00abc'", m(s("abc"), "rjust", i(5), s("0")));
    assertRepr("'-00042'", m(s("-42"), "zfill", i(6)));
    assertRepr("'42'", m(s("42"), "zfill", i(1)));
    assertRepr("'a       b       c'", m(s("a\tb\tc"), "expandtabs"));
    assertRepr("'ab  c'", mkw(s("ab\tc"), "expandtabs", new long[0], new String[] {"tabsize"},
        new long[] {i(4)}));
    assertRepr("'x'", m(s("prefix_x"), "removeprefix", s("prefix_")));
    assertRepr("'x'", m(s("x.py"), "removesuffix", s(".py")));
    assertErr("TypeError: The fill character must be exactly one character long",
        () -> m(s("a"), "center", i(5), s("xy")));
    assertErr("TypeError: The fill character must be a unicode character, not int",
        () -> m(s("a"), "ljust", i(3), i(1)));
    assertErr("TypeError: 'float' object cannot be interpreted as an integer",
        () -> m(s("a"), "center", f(1.5)));
    assertErr("TypeError: center expected at least 1 argument, got 0", () -> m(s("a"), "center"));
    assertErr("TypeError: str.zfill() takes exactly one argument (0 given)",
        () -> m(s("a"), "zfill"));
    assertErr("OverflowError: Python int too large to convert to C ssize_t",
        () -> m(s("a"), "zfill", vm.newInt(java.math.BigInteger.TWO.pow(70))));
    assertErr("TypeError: removeprefix() argument must be str, not int",
        () -> m(s("a"), "removeprefix", i(1)));
  }

  @Test
  void formatting() {
    assertRepr("'1 and b'", m(s("{} and {}"), "format", i(1), s("b")));
    assertRepr("'q-5'", mkw(s("{x}-{0}"), "format", new long[] {i(5)}, new String[] {"x"},
        new long[] {s("q")}));
    assertRepr("'  3.14'", m(s("{:>6.2f}"), "format", f(3.14159)));
    assertRepr("\"'s'\"", m(s("{0!r}"), "format", s("s")));
    assertRepr("'6'", m(s("{0[1]}"), "format", ints(5, 6)));
    assertErr("IndexError: Replacement index 0 out of range for positional args tuple",
        () -> m(s("{}"), "format"));
    assertRepr("'a=5'", binop(BinaryOp.REMAINDER, s("%s=%d"), tuple(s("a"), i(5))));
    assertRepr("\"'q'\"", binop(BinaryOp.REMAINDER, s("%r"), tuple(s("q"))));
    assertRepr("' 12.3%'", binop(BinaryOp.REMAINDER, s("%5.1f%%"), f(12.345)));
    assertRepr("'ab  |'", binop(BinaryOp.REMAINDER, s("%-4s|"), s("ab")));
    assertRepr("'[1]'", binop(BinaryOp.REMAINDER, s("%s"), ints(1)));
    assertRepr("'1'", binop(BinaryOp.REMAINDER, s("%d"), vm.trueObj));
    assertErr("TypeError: %d format: a real number is required, not str",
        () -> binop(BinaryOp.REMAINDER, s("%d"), s("x")));
    assertErr("TypeError: not enough arguments for format string",
        () -> binop(BinaryOp.REMAINDER, s("%s %s"), tuple(i(1))));
    assertErr("TypeError: not all arguments converted during string formatting",
        () -> binop(BinaryOp.REMAINDER, s("a"), i(1)));
    assertErr("TypeError: format requires a mapping",
        () -> binop(BinaryOp.REMAINDER, s("%(a)s"), i(5)));
    assertEquals("'\\x00\u1234\uD83D\uDE00'", repr(s("\u0000\u1234\uD83D\uDE00")));
  }

  @Test
  void reprQuoting() {
    assertRepr("\"it's\"", s("it's"));
    assertRepr("'say \"hi\"'", s("say \"hi\""));
    assertRepr("'both \\' and \"'", s("both ' and \""));
    assertRepr("'tab\\there'", s("tab\there"));
    assertRepr("'é'", s("é"));
    assertEquals("abc", str(s("abc")));
  }

  @Test
  void iteration() {
    assertRepr("['a', '\u1234', 'b']", drain(vm.rt.iter(s("a\u1234b"))));
    assertRepr("['b', '\u1234', 'a']", drain(Iterators.reversed(vm, s("a\u1234b"))));
    assertRepr("['x', 'y']", Sequences.toList(vm, s("xy")));
  }
}
