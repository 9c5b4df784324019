package org.stitchjit.runtime.builtins;

import org.junit.jupiter.api.Test;

/** Guest programs checked against the output CPython 3.11 gives for them (generated from python3 runs). */
class BuiltinProgramsTest extends org.stitchjit.runtime.builtins.GuestTestBase {

  private static final String SRC_PRINT_OPTIONS =
        "import sys\n"
        + "print(\"a\", \"b\", \"c\")\n"
        + "print(\"a\", \"b\", sep=\"\")\n"
        + "print(\"a\", \"b\", sep=None, end=None)\n"
        + "print(1, 2.5, True, None, [1, 'x'], sep=\", \", end=\"!\\n\")\n"
        + "print()\n"
        + "print(*[1, 2, 3], sep=\"|\")\n"
        + "print(\"to stderr\", file=sys.stderr)\n"
        + "print(\"explicit\", file=sys.stdout, flush=True)\n"
        + "class Sink:\n"
        + "    def __init__(self):\n"
        + "        self.parts = []\n"
        + "    def write(self, s):\n"
        + "        self.parts.append(s)\n"
        + "        return len(s)\n"
        + "s = Sink()\n"
        + "print(\"x\", 42, sep=\"-\", end=\".\", file=s)\n"
        + "print(s.parts)\n"
        + "class Loud:\n"
        + "    def __str__(self):\n"
        + "        print(\"(str called)\")\n"
        + "        return \"loud\"\n"
        + "print(\"before\", Loud(), \"after\")\n"
        + "n = sys.stdout.write(\"written\\n\")\n"
        + "print(n)\n"
        + "for bad in [lambda: print(sep=1), lambda: print(end=[]), lambda: print(1, foo=2), lambda: print('x', file=5)]:\n"
        + "    try:\n"
        + "        bad()\n"
        + "    except (TypeError, AttributeError) as e:\n"
        + "        print(type(e).__name__, e)\n";

  @Test
  void printOptions() {
    check("print_options.py", SRC_PRINT_OPTIONS, java.util.List.of("print_options.py"), null,
        "a b c\n"
        + "ab\n"
        + "a b\n"
        + "1, 2.5, True, None, [1, 'x']!\n"
        + "\n"
        + "1|2|3\n"
        + "explicit\n"
        + "['x', '-', '42', '.']\n"
        + "before (str called)\n"
        + "loud after\n"
        + "written\n"
        + "8\n"
        + "TypeError sep must be None or a string, not int\n"
        + "TypeError end must be None or a string, not list\n"
        + "TypeError 'foo' is an invalid keyword argument for print()\n"
        + "AttributeError 'int' object has no attribute 'write'\n",
        0, "to stderr\n");
  }

  private static final String SRC_BASIC_FUNCTIONS =
        "print(len(\"hello\"), len([1, 2]), len({1: 2}), len(range(10)))\n"
        + "print(repr(\"it's\"), repr(1.5), ascii(\"caf\\u00e9 \\u2603\"), ascii([1, \"\\u00e9\"]))\n"
        + "print(ord(\"A\"), ord(\"\\u00e9\"), ord(\"\\u2603\"), chr(97), chr(0x2603), chr(0))\n"
        + "print(hex(255), hex(-255), oct(8), bin(10), bin(-3), hex(2**70), bin(True))\n"
        + "class Idx:\n"
        + "    def __index__(self):\n"
        + "        return 42\n"
        + "print(hex(Idx()), chr(Idx()))\n"
        + "print(callable(len), callable(1), callable(Idx), callable(Idx()), callable(lambda: 0))\n"
        + "class Calls:\n"
        + "    def __call__(self):\n"
        + "        return 1\n"
        + "print(callable(Calls()), callable(staticmethod(len)))\n"
        + "print(hash(1) == hash(1.0), hash(\"a\") == hash(\"a\"), hash(-1), hash(True))\n"
        + "print(id(5) == id(5), id([]) != 0, type(id(3)).__name__)\n"
        + "a = []\n"
        + "print(id(a) == id(a))\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('len(5)', lambda: len(5))\n"
        + "attempt('len()', lambda: len())\n"
        + "attempt('len([], [])', lambda: len([], []))\n"
        + "attempt(\"ord('ab')\", lambda: ord('ab'))\n"
        + "attempt('ord(1)', lambda: ord(1))\n"
        + "attempt(\"ord('')\", lambda: ord(''))\n"
        + "attempt('chr(-1)', lambda: chr(-1))\n"
        + "attempt('chr(0x110000)', lambda: chr(0x110000))\n"
        + "attempt(\"chr('a')\", lambda: chr('a'))\n"
        + "attempt('chr(2**40)', lambda: chr(2**40))\n"
        + "attempt('hex(1.5)', lambda: hex(1.5))\n"
        + "attempt('hash([])', lambda: hash([]))\n"
        + "attempt('hash({})', lambda: hash({}))\n"
        + "attempt('repr()', lambda: repr())\n"
        + "attempt('len(x=1)', lambda: len(x=1))\n"
        + "attempt('abs()', lambda: abs())\n";

  @Test
  void basicFunctions() {
    check("basic_functions.py", SRC_BASIC_FUNCTIONS, java.util.List.of("basic_functions.py"), null,
        "5 2 1 10\n"
        + "\"it's\" 1.5 'caf\\xe9 \\u2603' [1, '\\xe9']\n"
        + "65 233 9731 a \u2603 \u0000\n"
        + "0xff -0xff 0o10 0b1010 -0b11 0x400000000000000000 0b1\n"
        + "0x2a *\n"
        + "True False True False True\n"
        + "True True\n"
        + "True True -2 1\n"
        + "True True int\n"
        + "True\n"
        + "len(5) !! TypeError object of type 'int' has no len()\n"
        + "len() !! TypeError len() takes exactly one argument (0 given)\n"
        + "len([], []) !! TypeError len() takes exactly one argument (2 given)\n"
        + "ord('ab') !! TypeError ord() expected a character, but string of length 2 found\n"
        + "ord(1) !! TypeError ord() expected string of length 1, but int found\n"
        + "ord('') !! TypeError ord() expected a character, but string of length 0 found\n"
        + "chr(-1) !! ValueError chr() arg not in range(0x110000)\n"
        + "chr(0x110000) !! ValueError chr() arg not in range(0x110000)\n"
        + "chr('a') !! TypeError 'str' object cannot be interpreted as an integer\n"
        + "chr(2**40) !! OverflowError Python int too large to convert to C int\n"
        + "hex(1.5) !! TypeError 'float' object cannot be interpreted as an integer\n"
        + "hash([]) !! TypeError unhashable type: 'list'\n"
        + "hash({}) !! TypeError unhashable type: 'dict'\n"
        + "repr() !! TypeError repr() takes exactly one argument (0 given)\n"
        + "len(x=1) !! TypeError len() takes no keyword arguments\n"
        + "abs() !! TypeError abs() takes exactly one argument (0 given)\n",
        0, null);
  }

  private static final String SRC_MIN_MAX =
        "print(min(3, 1, 2), max(3, 1, 2), min([5, 2, 8]), max(\"hello\"), min(\"b\", \"a\", \"c\"))\n"
        + "print(min([1, 2, 3], key=lambda x: -x), max([\"aa\", \"b\", \"ccc\"], key=len))\n"
        + "print(max([1, 1.0, True]), min([1, 1.0, True]), max(2, 2.5), min(-1, -1.5))\n"
        + "print(max([], default=None), min((), default=\"empty\"), max([7], default=0))\n"
        + "print(max([(1, \"b\"), (1, \"a\")]), min({3: \"x\", 1: \"y\"}))\n"
        + "print(max(x * x for x in range(-5, 3)), min(iter([4, 2, 6])))\n"
        + "print(max([3, 1, 2], key=None), max(\"abc\", \"abd\", key=lambda s: s[-1]))\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('min()', lambda: min())\n"
        + "attempt('max([])', lambda: max([]))\n"
        + "attempt('min(())', lambda: min(()))\n"
        + "attempt('min(1)', lambda: min(1))\n"
        + "attempt('max(1, 2, default=3)', lambda: max(1, 2, default=3))\n"
        + "attempt('max([], default=3, key=None, foo=1)', lambda: max([], default=3, key=None, foo=1))\n"
        + "attempt('min(1, 2, foo=3)', lambda: min(1, 2, foo=3))\n"
        + "attempt(\"max('a', 1)\", lambda: max('a', 1))\n"
        + "attempt('max(1, 2, key=5)', lambda: max(1, 2, key=5))\n"
        + "attempt('min(x=1)', lambda: min(x=1))\n";

  @Test
  void minMax() {
    check("min_max.py", SRC_MIN_MAX, java.util.List.of("min_max.py"), null,
        "1 3 2 o a\n"
        + "3 ccc\n"
        + "1 1 2.5 -1.5\n"
        + "None empty 7\n"
        + "(1, 'b') 1\n"
        + "25 2\n"
        + "3 abd\n"
        + "min() !! TypeError min expected at least 1 argument, got 0\n"
        + "max([]) !! ValueError max() arg is an empty sequence\n"
        + "min(()) !! ValueError min() arg is an empty sequence\n"
        + "min(1) !! TypeError 'int' object is not iterable\n"
        + "max(1, 2, default=3) !! TypeError Cannot specify a default for max() with multiple positional arguments\n"
        + "max([], default=3, key=None, foo=1) !! TypeError max() takes at most 2 keyword arguments (3 given)\n"
        + "min(1, 2, foo=3) !! TypeError 'foo' is an invalid keyword argument for min()\n"
        + "max('a', 1) !! TypeError '>' not supported between instances of 'int' and 'str'\n"
        + "max(1, 2, key=5) !! TypeError 'int' object is not callable\n"
        + "min(x=1) !! TypeError min expected at least 1 argument, got 0\n",
        0, null);
  }

  private static final String SRC_SUM_ANY_ALL =
        "print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(101)), sum(range(10), start=-5))\n"
        + "print(sum([0.1] * 10), sum([1, 2.5, 3]), sum([2**64, 1.0]), sum([], 0.0))\n"
        + "print(sum([True, True, 2**62, 2**62]), sum([2**63, -2**63, 5]))\n"
        + "print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum([1.5, 2, True]))\n"
        + "print(sum(x / 3 for x in range(10)), sum([1e100, 1.0, -1e100]))\n"
        + "class V:\n"
        + "    def __init__(self, v):\n"
        + "        self.v = v\n"
        + "    def __add__(self, o):\n"
        + "        return V(self.v + (o.v if isinstance(o, V) else o))\n"
        + "    def __radd__(self, o):\n"
        + "        return V(o + self.v)\n"
        + "print(sum([V(1), V(2), V(3)]).v, sum([1, V(2), 3.0]).v)\n"
        + "print(any([]), all([]), any([0, \"\", None]), all([1, \"x\", [0]]), any(x > 3 for x in range(5)))\n"
        + "print(all(x < 3 for x in range(5)), any(iter([0, 0, 1])))\n"
        + "def gen():\n"
        + "    yield 1\n"
        + "    print(\"second pulled\")\n"
        + "    yield 0\n"
        + "    print(\"never\")\n"
        + "print(all(gen()))\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('sum()', lambda: sum())\n"
        + "attempt('sum(1)', lambda: sum(1))\n"
        + "attempt(\"sum(['a', 'b'])\", lambda: sum(['a', 'b']))\n"
        + "attempt(\"sum(['a'], 'c')\", lambda: sum(['a'], 'c'))\n"
        + "attempt(\"sum([1], start='')\", lambda: sum([1], start=''))\n"
        + "attempt(\"sum([1, 'a'])\", lambda: sum([1, 'a']))\n"
        + "attempt(\"sum([1.5, 'a'])\", lambda: sum([1.5, 'a']))\n"
        + "attempt('sum(iterable=[1])', lambda: sum(iterable=[1]))\n"
        + "attempt('sum([1], 2, 3)', lambda: sum([1], 2, 3))\n"
        + "attempt('any(1)', lambda: any(1))\n"
        + "attempt('all()', lambda: all())\n"
        + "attempt('any([], [])', lambda: any([], []))\n";

  @Test
  void sumAnyAll() {
    check("sum_any_all.py", SRC_SUM_ANY_ALL, java.util.List.of("sum_any_all.py"), null,
        "6 0 10 5050 40\n"
        + "0.9999999999999999 6.5 1.8446744073709552e+19 0.0\n"
        + "9223372036854775810 5\n"
        + "[1, 2, 3] (1, 2) 4.5\n"
        + "15.0 0.0\n"
        + "6 6.0\n"
        + "False True False True True\n"
        + "False True\n"
        + "second pulled\n"
        + "False\n"
        + "sum() !! TypeError sum() takes at least 1 positional argument (0 given)\n"
        + "sum(1) !! TypeError 'int' object is not iterable\n"
        + "sum(['a', 'b']) !! TypeError unsupported operand type(s) for +: 'int' and 'str'\n"
        + "sum(['a'], 'c') !! TypeError sum() can't sum strings [use ''.join(seq) instead]\n"
        + "sum([1], start='') !! TypeError sum() can't sum strings [use ''.join(seq) instead]\n"
        + "sum([1, 'a']) !! TypeError unsupported operand type(s) for +: 'int' and 'str'\n"
        + "sum([1.5, 'a']) !! TypeError unsupported operand type(s) for +: 'float' and 'str'\n"
        + "sum(iterable=[1]) !! TypeError sum() takes at least 1 positional argument (0 given)\n"
        + "sum([1], 2, 3) !! TypeError sum() takes at most 2 arguments (3 given)\n"
        + "any(1) !! TypeError 'int' object is not iterable\n"
        + "all() !! TypeError all() takes exactly one argument (0 given)\n"
        + "any([], []) !! TypeError any() takes exactly one argument (2 given)\n",
        0, null);
  }

  private static final String SRC_SORTED_BUILTIN =
        "data = [5, 2, 9, 1, 5, 6]\n"
        + "print(sorted(data), data, sorted(data, reverse=True), sorted(\"banana\"))\n"
        + "print(sorted([\"bb\", \"a\", \"ccc\"], key=len), sorted({3: 1, 1: 2}), sorted((2.5, 1, 3)))\n"
        + "print(sorted([(\"b\", 2), (\"a\", 2), (\"c\", 1)], key=lambda p: p[1]))\n"
        + "print(sorted([3, 1, 2], reverse=1), sorted([], key=len), sorted(x % 4 for x in range(10)))\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('sorted()', lambda: sorted())\n"
        + "attempt('sorted(1)', lambda: sorted(1))\n"
        + "attempt('sorted([1], 1)', lambda: sorted([1], 1))\n"
        + "attempt('sorted([1], foo=1)', lambda: sorted([1], foo=1))\n"
        + "attempt(\"sorted([1, 'a'])\", lambda: sorted([1, 'a']))\n"
        + "attempt('sorted([1, 2], key=1)', lambda: sorted([1, 2], key=1))\n"
        + "attempt(\"sorted([1], reverse='a')\", lambda: sorted([1], reverse='a'))\n"
        + "attempt('sorted([1], reverse=None)', lambda: sorted([1], reverse=None))\n"
        + "attempt('sorted(iterable=[1])', lambda: sorted(iterable=[1]))\n";

  @Test
  void sortedBuiltin() {
    check("sorted_builtin.py", SRC_SORTED_BUILTIN, java.util.List.of("sorted_builtin.py"), null,
        "[1, 2, 5, 5, 6, 9] [5, 2, 9, 1, 5, 6] [9, 6, 5, 5, 2, 1] ['a', 'a', 'a', 'b', 'n', 'n']\n"
        + "['a', 'bb', 'ccc'] [1, 3] [1, 2.5, 3]\n"
        + "[('c', 1), ('b', 2), ('a', 2)]\n"
        + "[3, 2, 1] [] [0, 0, 0, 1, 1, 1, 2, 2, 3, 3]\n"
        + "sorted() !! TypeError sorted expected 1 argument, got 0\n"
        + "sorted(1) !! TypeError 'int' object is not iterable\n"
        + "sorted([1], 1) !! TypeError sorted expected 1 argument, got 2\n"
        + "sorted([1], foo=1) !! TypeError 'foo' is an invalid keyword argument for sort()\n"
        + "sorted([1, 'a']) !! TypeError '<' not supported between instances of 'str' and 'int'\n"
        + "sorted([1, 2], key=1) !! TypeError 'int' object is not callable\n"
        + "sorted([1], reverse='a') !! TypeError 'str' object cannot be interpreted as an integer\n"
        + "sorted([1], reverse=None) !! TypeError 'NoneType' object cannot be interpreted as an integer\n"
        + "sorted(iterable=[1]) !! TypeError sorted expected 1 argument, got 0\n",
        0, null);
  }

  private static final String SRC_ITER_NEXT =
        "it = iter([1, 2, 3])\n"
        + "print(next(it), next(it), next(it), next(it, \"done\"), next(it, None))\n"
        + "try:\n"
        + "    next(it)\n"
        + "except StopIteration as e:\n"
        + "    print(\"StopIteration\", repr(e))\n"
        + "vals = iter([3, 2, 1, 0, 5])\n"
        + "print(list(iter(lambda: next(vals), 0)))\n"
        + "class Count:\n"
        + "    def __init__(self):\n"
        + "        self.n = 0\n"
        + "    def __call__(self):\n"
        + "        self.n += 1\n"
        + "        return self.n\n"
        + "print(list(iter(Count(), 4)))\n"
        + "class Seq:\n"
        + "    def __getitem__(self, i):\n"
        + "        if i >= 3:\n"
        + "            raise IndexError\n"
        + "        return i * 10\n"
        + "print(list(iter(Seq())), next(iter(\"xy\")))\n"
        + "g = (x for x in range(2))\n"
        + "print(next(g), next(g), next(g, \"end\"))\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, repr(e))\n"
        + "attempt('iter()', lambda: iter())\n"
        + "attempt('iter(1)', lambda: iter(1))\n"
        + "attempt('iter(1, 2)', lambda: iter(1, 2))\n"
        + "attempt('iter(1, 2, 3)', lambda: iter(1, 2, 3))\n"
        + "attempt('next()', lambda: next())\n"
        + "attempt('next(1)', lambda: next(1))\n"
        + "attempt('next([1])', lambda: next([1]))\n"
        + "attempt('next(1, 2)', lambda: next(1, 2))\n"
        + "attempt('iter(x=1)', lambda: iter(x=1))\n"
        + "attempt('next(iter([]))', lambda: next(iter([])))\n";

  @Test
  void iterNext() {
    check("iter_next.py", SRC_ITER_NEXT, java.util.List.of("iter_next.py"), null,
        "1 2 3 done None\n"
        + "StopIteration StopIteration()\n"
        + "[3, 2, 1]\n"
        + "[1, 2, 3]\n"
        + "[0, 10, 20] x\n"
        + "0 1 end\n"
        + "iter() !! TypeError TypeError('iter expected at least 1 argument, got 0')\n"
        + "iter(1) !! TypeError TypeError(\"'int' object is not iterable\")\n"
        + "iter(1, 2) !! TypeError TypeError('iter(v, w): v must be callable')\n"
        + "iter(1, 2, 3) !! TypeError TypeError('iter expected at most 2 arguments, got 3')\n"
        + "next() !! TypeError TypeError('next expected at least 1 argument, got 0')\n"
        + "next(1) !! TypeError TypeError(\"'int' object is not an iterator\")\n"
        + "next([1]) !! TypeError TypeError(\"'list' object is not an iterator\")\n"
        + "next(1, 2) !! TypeError TypeError(\"'int' object is not an iterator\")\n"
        + "iter(x=1) !! TypeError TypeError('iter() takes no keyword arguments')\n"
        + "next(iter([])) !! StopIteration StopIteration()\n",
        0, null);
  }

  private static final String SRC_ATTRIBUTES =
        "class P:\n"
        + "    x = 1\n"
        + "    def __init__(self):\n"
        + "        self.y = 2\n"
        + "    @property\n"
        + "    def boom(self):\n"
        + "        raise AttributeError(\"no boom\")\n"
        + "p = P()\n"
        + "print(getattr(p, \"x\"), getattr(p, \"y\"), getattr(p, \"z\", \"dflt\"), getattr(p, \"boom\", \"caught\"))\n"
        + "print(hasattr(p, \"y\"), hasattr(p, \"z\"), hasattr(p, \"boom\"), hasattr(1, \"real\"))\n"
        + "setattr(p, \"z\", 3)\n"
        + "print(p.z, getattr(p, \"z\"))\n"
        + "delattr(p, \"z\")\n"
        + "print(hasattr(p, \"z\"))\n"
        + "setattr(P, \"w\", 9)\n"
        + "print(p.w, P.w)\n"
        + "delattr(P, \"w\")\n"
        + "print(hasattr(P, \"w\"))\n"
        + "class Guard:\n"
        + "    def __delattr__(self, name):\n"
        + "        print(\"deleting\", name)\n"
        + "delattr(Guard(), \"anything\")\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('getattr()', lambda: getattr())\n"
        + "attempt('getattr(1)', lambda: getattr(1))\n"
        + "attempt('getattr(1, 2)', lambda: getattr(1, 2))\n"
        + "attempt(\"getattr(1, 'x')\", lambda: getattr(1, 'x'))\n"
        + "attempt(\"getattr(1, 'x', 2, 3)\", lambda: getattr(1, 'x', 2, 3))\n"
        + "attempt(\"setattr(1, 'x', 2)\", lambda: setattr(1, 'x', 2))\n"
        + "attempt('setattr(1, 2, 3)', lambda: setattr(1, 2, 3))\n"
        + "attempt('hasattr(1, 2)', lambda: hasattr(1, 2))\n"
        + "attempt(\"delattr(1, 'x')\", lambda: delattr(1, 'x'))\n"
        + "attempt('delattr(1, 2)', lambda: delattr(1, 2))\n"
        + "attempt(\"delattr(p, 'nope')\", lambda: delattr(p, 'nope'))\n"
        + "attempt(\"getattr(1, 'x', default=1)\", lambda: getattr(1, 'x', default=1))\n"
        + "attempt(\"setattr(object(), 'x', 1)\", lambda: setattr(object(), 'x', 1))\n";

  @Test
  void attributes() {
    check("attributes.py", SRC_ATTRIBUTES, java.util.List.of("attributes.py"), null,
        "1 2 dflt caught\n"
        + "True False False True\n"
        + "3 3\n"
        + "False\n"
        + "9 9\n"
        + "False\n"
        + "deleting anything\n"
        + "getattr() !! TypeError getattr expected at least 2 arguments, got 0\n"
        + "getattr(1) !! TypeError getattr expected at least 2 arguments, got 1\n"
        + "getattr(1, 2) !! TypeError attribute name must be string, not 'int'\n"
        + "getattr(1, 'x') !! AttributeError 'int' object has no attribute 'x'\n"
        + "getattr(1, 'x', 2, 3) !! TypeError getattr expected at most 3 arguments, got 4\n"
        + "setattr(1, 'x', 2) !! AttributeError 'int' object has no attribute 'x'\n"
        + "setattr(1, 2, 3) !! TypeError attribute name must be string, not 'int'\n"
        + "hasattr(1, 2) !! TypeError attribute name must be string, not 'int'\n"
        + "delattr(1, 'x') !! AttributeError 'int' object has no attribute 'x'\n"
        + "delattr(1, 2) !! TypeError attribute name must be string, not 'int'\n"
        + "delattr(p, 'nope') !! AttributeError 'P' object has no attribute 'nope'\n"
        + "getattr(1, 'x', default=1) !! TypeError getattr() takes no keyword arguments\n"
        + "setattr(object(), 'x', 1) !! AttributeError 'object' object has no attribute 'x'\n",
        0, null);
  }

  private static final String SRC_NAMES_BOUND =
        "for t in [int, float, str, bool, list, tuple, dict, set, frozenset, range, slice, object,\n"
        + "          type, enumerate, zip, map, filter, reversed, staticmethod, classmethod, property, super]:\n"
        + "    print(t.__name__, t)\n"
        + "print(NotImplemented, Ellipsis, ... is Ellipsis)\n"
        + "excs = [BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception,\n"
        + "        StopIteration, ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError,\n"
        + "        AssertionError, AttributeError, EOFError, ImportError, ModuleNotFoundError, LookupError,\n"
        + "        IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError, RuntimeError,\n"
        + "        NotImplementedError, RecursionError, SyntaxError, IndentationError, TypeError,\n"
        + "        ValueError, UnicodeError]\n"
        + "print([e.__name__ for e in excs])\n"
        + "print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))\n";

  @Test
  void namesBound() {
    check("names_bound.py", SRC_NAMES_BOUND, java.util.List.of("names_bound.py"), null,
        "int <class 'int'>\n"
        + "float <class 'float'>\n"
        + "str <class 'str'>\n"
        + "bool <class 'bool'>\n"
        + "list <class 'list'>\n"
        + "tuple <class 'tuple'>\n"
        + "dict <class 'dict'>\n"
        + "set <class 'set'>\n"
        + "frozenset <class 'frozenset'>\n"
        + "range <class 'range'>\n"
        + "slice <class 'slice'>\n"
        + "object <class 'object'>\n"
        + "type <class 'type'>\n"
        + "enumerate <class 'enumerate'>\n"
        + "zip <class 'zip'>\n"
        + "map <class 'map'>\n"
        + "filter <class 'filter'>\n"
        + "reversed <class 'reversed'>\n"
        + "staticmethod <class 'staticmethod'>\n"
        + "classmethod <class 'classmethod'>\n"
        + "property <class 'property'>\n"
        + "super <class 'super'>\n"
        + "NotImplemented Ellipsis True\n"
        + "['BaseException', 'SystemExit', 'KeyboardInterrupt', 'GeneratorExit', 'Exception', 'StopIteration', 'ArithmeticError', 'FloatingPointError', 'OverflowError', 'ZeroDivisionError', 'AssertionError', 'AttributeError', 'EOFError', 'ImportError', 'ModuleNotFoundError', 'LookupError', 'IndexError', 'KeyError', 'MemoryError', 'NameError', 'UnboundLocalError', 'OSError', 'RuntimeError', 'NotImplementedError', 'RecursionError', 'SyntaxError', 'IndentationError', 'TypeError', 'ValueError', 'UnicodeError']\n"
        + "True True\n",
        0, null);
  }

  private static final String SRC_INPUT_EOF =
        "line = input(\"prompt> \")\n"
        + "print(repr(line))\n"
        + "try:\n"
        + "    input()\n"
        + "except EOFError as e:\n"
        + "    print(\"EOFError\", e)\n"
        + "def attempt(label, f):\n"
        + "    try:\n"
        + "        print(label, \"->\", f())\n"
        + "    except Exception as e:\n"
        + "        print(label, \"!!\", type(e).__name__, e)\n"
        + "attempt('input(1, 2)', lambda: input(1, 2))\n"
        + "attempt(\"input(prompt='x')\", lambda: input(prompt='x'))\n";

  @Test
  void inputEof() {
    check("input_eof.py", SRC_INPUT_EOF, java.util.List.of("input_eof.py"), "first line\n",
        "prompt> 'first line'\n"
        + "EOFError EOF when reading a line\n"
        + "input(1, 2) !! TypeError input expected at most 1 argument, got 2\n"
        + "input(prompt='x') !! TypeError input() takes no keyword arguments\n",
        0, "");
  }
}
