package org.stitchjit.runtime.jit.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.ThreadState;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.BlockRegion;
import org.stitchjit.api.uop.CacheOperands;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Expansion;
import org.stitchjit.api.uop.Expansions;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.PyException;

/**
 * Reference executor versus interpreter, instruction by instruction. For each bytecode (the
 * specialized ones, quickened by really running a small function, and generic ones) and each
 * generated input state, the same frame state is run two ways:
 *
 * <ol>
 *   <li>the interpreter executes the instruction (and the rest of the function, which makes
 *       its effect visible in the return value);
 *   <li>the instruction's uop expansion ({@link Expansions}: each trace form and the block
 *       form), with operands read from the instruction's inline caches as the tracing frontend
 *       reads them, runs in {@link ReferenceRegion}; then the interpreter resumes wherever the
 *       region left the frame.
 * </ol>
 *
 * <p>Both must return the same value or raise the same exception and leave the inputs in the
 * same state; an exit at the instruction itself must leave its stack untouched; and each
 * specialized form must take its fast path (leave through the region's end) for some input,
 * so a guard that can never pass is caught too.
 */
class UopConformanceInterpreterTest {
  static UopHarness h;

  @BeforeAll
  static void start() {
    h = new UopHarness();
  }

  /** Per spec: how many states, and which paths the regions took (printed at the end). */
  static final Map<String, String> SUMMARY = new java.util.concurrent.ConcurrentSkipListMap<>();

  @AfterAll
  static void stop() {
    if (Boolean.getBoolean("uop.conformance.summary")) {
      SUMMARY.forEach((k, v) -> System.out.println("[uop-vs-interp] " + k + ": " + v));
    }
    if (h != null) {
      h.close();
    }
  }

  /** One instruction of a small function, with the states to run it from. */
  static final class OpSpec {
    final String title;
    final String source;
    String warm = "";
    Opcode family;
    int occurrence;
    Opcode expect;
    boolean forceGeneric;
    int span = 1;
    List<String> stack = List.of();
    final Map<String, List<String>> pools = new LinkedHashMap<>();
    boolean requireFast;

    OpSpec(String title, String source) {
      this.title = title;
      this.source = source;
    }

    OpSpec warm(String py) {
      warm = py;
      return this;
    }

    /** The instruction: the occurrence-th of family in f; it must have become expect. */
    OpSpec at(Opcode fam, int occ, Opcode exp) {
      family = fam;
      occurrence = occ;
      expect = exp;
      requireFast = exp != null && exp.isSpecialized();
      return this;
    }

    /** Runs the generic instruction (rewritten back, with its back-off counter set). */
    OpSpec generic() {
      forceGeneric = true;
      return this;
    }

    /** The region covers this many instructions from the one found (KW_NAMES + CALL). */
    OpSpec span(int n) {
      span = n;
      return this;
    }

    OpSpec stack(String... names) {
      stack = List.of(names);
      return this;
    }

    OpSpec pool(String name, String... values) {
      pools.put(name, List.of(values));
      return this;
    }

    OpSpec noFastPathRequired() {
      requireFast = false;
      return this;
    }

    @Override
    public String toString() {
      return title;
    }
  }

  static OpSpec op(String title, String source) {
    return new OpSpec(title, source);
  }

  static final String[] NUMS = {"0", "1", "-3", "2**62 - 1", "-2**62", "2**31", "2**70",
      "True", "2.5", "-0.0", "float('nan')", "'ab'", "None"};
  static final String[] FLOATS = {"0.0", "-0.0", "2.5", "-1e308", "float('inf')",
      "float('nan')", "3", "True", "'s'"};

  static List<OpSpec> specs() {
    List<OpSpec> l = new ArrayList<>();
    String binop = "def f(a, b):\n    return a %s b\n";
    for (String[] t : new String[][] {{"+", "ADD"}, {"-", "SUBTRACT"}, {"*", "MULTIPLY"}}) {
      l.add(op("BINARY_OP_" + t[1] + "_INT", String.format(binop, t[0])).warm("f(1, 2)")
          .at(Opcode.BINARY_OP, 0, Opcode.valueOf("BINARY_OP_" + t[1] + "_INT"))
          .stack("a", "b").pool("a", NUMS).pool("b", NUMS));
    }
    for (String[] t : new String[][] {{"+", "ADD"}, {"-", "SUBTRACT"}, {"*", "MULTIPLY"},
        {"/", "TRUE_DIVIDE"}}) {
      l.add(op("BINARY_OP_" + t[1] + "_FLOAT", String.format(binop, t[0])).warm("f(1.5, 2.5)")
          .at(Opcode.BINARY_OP, 0, Opcode.valueOf("BINARY_OP_" + t[1] + "_FLOAT"))
          .stack("a", "b").pool("a", FLOATS).pool("b", FLOATS));
    }
    l.add(op("BINARY_OP_ADD_STR", String.format(binop, "+")).warm("f('a', 'b')")
        .at(Opcode.BINARY_OP, 0, Opcode.BINARY_OP_ADD_STR).stack("a", "b")
        .pool("a", "''", "'ab'", "'\\u00e9'", "1", "[1]").pool("b", "'c'", "''", "None", "[2]"));
    for (String[] t : new String[][] {{"%", "REMAINDER"}, {"//", "FLOOR_DIVIDE"},
        {"&", "AND"}, {"^", "XOR"}, {">>", "RSHIFT"}, {"+", "ADD"}, {"*", "MULTIPLY"},
        {"/", "TRUE_DIVIDE"}}) {
      l.add(op("BINARY_OP " + t[0] + " (generic)", String.format(binop, t[0])).warm("f(7, 2)")
          .at(Opcode.BINARY_OP, 0, Opcode.BINARY_OP).generic().stack("a", "b")
          .pool("a", "7", "-7", "2**62 - 1", "-2**62", "2**70", "2.5", "True", "[1]")
          .pool("b", "2", "-1", "0", "63", "2**70", "0.5", "'s'"));
    }
    String cmp = "def f(a, b):\n    return a %s b\n";
    for (String sym : new String[] {"<", "==", ">="}) {
      l.add(op("COMPARE_OP_INT " + sym, String.format(cmp, sym)).warm("f(1, 2)")
          .at(Opcode.COMPARE_OP, 0, Opcode.COMPARE_OP_INT).stack("a", "b").pool("a", NUMS)
          .pool("b", "0", "-2**62", "2**62 - 1", "2**70", "1.0", "'ab'"));
      l.add(op("COMPARE_OP_FLOAT " + sym, String.format(cmp, sym)).warm("f(1.5, 2.5)")
          .at(Opcode.COMPARE_OP, 0, Opcode.COMPARE_OP_FLOAT).stack("a", "b").pool("a", FLOATS)
          .pool("b", "0.0", "-0.0", "float('nan')", "1", "float('inf')"));
      l.add(op("COMPARE_OP " + sym + " (generic)", String.format(cmp, sym)).warm("f(1, 2)")
          .at(Opcode.COMPARE_OP, 0, Opcode.COMPARE_OP).generic().stack("a", "b")
          .pool("a", NUMS).pool("b", "0", "2**70", "'ab'", "None", "float('nan')"));
    }
    for (String sym : new String[] {"==", "!="}) {
      l.add(op("COMPARE_OP_STR " + sym, String.format(cmp, sym)).warm("f('a', 'b')")
          .at(Opcode.COMPARE_OP, 0, Opcode.COMPARE_OP_STR).stack("a", "b")
          .pool("a", "''", "'ab'", "'a' + 'b'", "'\\u00e9'", "1", "None")
          .pool("b", "'ab'", "''", "'\\u00e9'", "1.0"));
    }
    String subscr = "def f(a, b):\n    return a[b]\n";
    String[] idx = {"0", "1", "2", "-1", "-3", "2**62 - 1", "2**70", "True", "'k'"};
    l.add(op("BINARY_SUBSCR_LIST_INT", subscr).warm("f([1, 2], 0)")
        .at(Opcode.BINARY_SUBSCR, 0, Opcode.BINARY_SUBSCR_LIST_INT).stack("a", "b")
        .pool("a", "[10, 20]", "[]", "(10, 20)", "MyList([5])", "{0: 'z'}").pool("b", idx));
    l.add(op("BINARY_SUBSCR_TUPLE_INT", subscr).warm("f((1, 2), 0)")
        .at(Opcode.BINARY_SUBSCR, 0, Opcode.BINARY_SUBSCR_TUPLE_INT).stack("a", "b")
        .pool("a", "(10, 20)", "()", "[10, 20]", "'ab'").pool("b", idx));
    l.add(op("BINARY_SUBSCR_DICT", subscr).warm("f({1: 2}, 1)")
        .at(Opcode.BINARY_SUBSCR, 0, Opcode.BINARY_SUBSCR_DICT).stack("a", "b")
        .pool("a", "{'k': 1, 0: 'z', Key(1): 'key'}", "{}", "MyDict(k=2)", "[1]")
        .pool("b", "'k'", "0", "0.0", "False", "Key(1)", "[1]", "'missing'"));
    l.add(op("BINARY_SUBSCR (generic)", subscr).warm("f('abc', 0)")
        .at(Opcode.BINARY_SUBSCR, 0, Opcode.BINARY_SUBSCR).generic().stack("a", "b")
        .pool("a", "[10, 20]", "(10, 20)", "'abc'", "{'k': 1}", "range(5)", "5")
        .pool("b", "0", "-1", "5", "'k'", "slice(0, 1)"));
    String store = "def f(a, b, c):\n    a[b] = c\n    return a\n";
    l.add(op("STORE_SUBSCR_LIST_INT", store).warm("f([1, 2], 0, 3)")
        .at(Opcode.STORE_SUBSCR, 0, Opcode.STORE_SUBSCR_LIST_INT).stack("c", "a", "b")
        .pool("a", "[10, 20]", "[]", "(10, 20)", "MyList([5])", "{0: 'z'}").pool("b", idx)
        .pool("c", "'v'"));
    l.add(op("STORE_SUBSCR_DICT", store).warm("f({}, 0, 3)")
        .at(Opcode.STORE_SUBSCR, 0, Opcode.STORE_SUBSCR_DICT).stack("c", "a", "b")
        .pool("a", "{'k': 1}", "{}", "MyDict()", "[1, 2]").pool("b", "'k'", "1", "[1]", "0.0")
        .pool("c", "'v'"));
    l.add(op("STORE_SUBSCR (generic)", store).warm("f([1], 0, 3)")
        .at(Opcode.STORE_SUBSCR, 0, Opcode.STORE_SUBSCR).generic().stack("c", "a", "b")
        .pool("a", "[10, 20]", "{'k': 1}", "(1,)").pool("b", "0", "-1", "5", "'k'")
        .pool("c", "'v'"));
    l.add(op("LOAD_GLOBAL_MODULE", "gv = 'module global'\ndef f(z):\n    return gv\n")
        .warm("f(0)").at(Opcode.LOAD_GLOBAL, 0, Opcode.LOAD_GLOBAL_MODULE).pool("z", "0"));
    l.add(op("LOAD_GLOBAL_BUILTIN", "def f(z):\n    return len\n").warm("f(0)")
        .at(Opcode.LOAD_GLOBAL, 0, Opcode.LOAD_GLOBAL_BUILTIN).pool("z", "0"));
    l.add(op("LOAD_GLOBAL (generic)", "gv = 1\ndef f(z):\n    return gv\n").warm("f(0)")
        .at(Opcode.LOAD_GLOBAL, 0, Opcode.LOAD_GLOBAL).generic().pool("z", "0"));
    String attr = "def f(o):\n    return o.x\n";
    String[] receivers = {"C(1)", "C(1, 2)", "C(None, 2)", "_with(C(None, 2), x=3)", "D(1)",
        "E()", "5", "M1", "M2"};
    l.add(op("LOAD_ATTR_INSTANCE", "M1 = _module({'x': 'm1'})\nM2 = _module({'x': 'm2'})\n"
        + attr).warm("f(C(1))").at(Opcode.LOAD_ATTR, 0, Opcode.LOAD_ATTR_INSTANCE)
        .stack("o").pool("o", receivers));
    l.add(op("LOAD_ATTR_MODULE", "M1 = _module({'x': 'm1'})\nM2 = _module({'x': 'm2'})\n"
        + attr).warm("f(M1)").at(Opcode.LOAD_ATTR, 0, Opcode.LOAD_ATTR_MODULE).stack("o")
        .pool("o", receivers));
    l.add(op("LOAD_ATTR (generic)", "M1 = _module({'x': 'm1'})\nM2 = _module({'x': 'm2'})\n"
        + attr).warm("f(C(1))").at(Opcode.LOAD_ATTR, 0, Opcode.LOAD_ATTR).generic()
        .stack("o").pool("o", receivers));
    String setattr = "def f(o, v):\n    o.x = v\n    return o\n";
    String[] targets = {"C(1)", "C()", "C(None, 2)", "C(1, 2)", "D(1)", "E()", "5",
        "_with(C(), y=1, z=2, x=0)"};
    l.add(op("STORE_ATTR_INSTANCE (existing)", setattr).warm("f(C(1), 2)")
        .at(Opcode.STORE_ATTR, 0, Opcode.STORE_ATTR_INSTANCE).stack("v", "o")
        .pool("o", targets).pool("v", "'v'"));
    l.add(op("STORE_ATTR_INSTANCE (new)", setattr).warm("f(C(), 2)")
        .at(Opcode.STORE_ATTR, 0, Opcode.STORE_ATTR_INSTANCE).stack("v", "o")
        .pool("o", targets).pool("v", "'v'"));
    l.add(op("STORE_ATTR (generic)", setattr).warm("f(C(), 2)")
        .at(Opcode.STORE_ATTR, 0, Opcode.STORE_ATTR).generic().stack("v", "o")
        .pool("o", targets).pool("v", "'v'"));
    String meth = "def f(o):\n    return o.meth()\n";
    l.add(op("LOAD_METHOD_CLASS", meth).warm("f(C(1))")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD_CLASS).stack("o")
        .pool("o", "C(1)", "C()", "C(1, 2)", "D(1)", "_with(C(1), meth=fn0)", "5", "E()"));
    l.add(op("LOAD_METHOD_CLASS (no shape: list receiver)",
        "def f(o, v):\n    o.append(v)\n    return o\n").warm("f([], 1)")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD_CLASS).stack("o")
        .pool("o", "[]", "[1, 2]", "MyList()", "C(1)", "(1,)").pool("v", "'v'"));
    l.add(op(SHAPE_BUG, "def f(o, v):\n    o.append(v)\n    return o\n").warm("f([], 1)")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD_CLASS).stack("o")
        .pool("o", "[]", "[1, 2]", "MyList()").pool("v", "'v'"));
    l.add(op("LOAD_METHOD_BUILTIN", "def f(o):\n    return o.bit_length()\n").warm("f(5)")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD_BUILTIN).stack("o")
        .pool("o", "5", "-2**62", "0", "2**70", "True", "'s'"));
    l.add(op("LOAD_METHOD_TYPE", "def f(o):\n    return o.meth(o)\n").warm("f(C)")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD_TYPE).stack("o")
        .pool("o", "C", "D", "E", "int", "C(1)", "5"));
    l.add(op("LOAD_METHOD (generic)", meth).warm("f(C(1))")
        .at(Opcode.LOAD_METHOD, 0, Opcode.LOAD_METHOD).generic().stack("o")
        .pool("o", "C(1)", "_with(C(1), meth=fn0)", "5", "E()"));
    l.add(op("CALL_PY_EXACT_ARGS", "def f(g, a, b):\n    return g(a, b)\n").warm("f(fn2, 1, 2)")
        .at(Opcode.CALL, 0, Opcode.CALL_PY_EXACT_ARGS).stack("NULL", "g", "a", "b")
        .pool("g", "fn2", "fndef", "fn1", "fnvar", "max", "C").pool("a", "1", "[2]")
        .pool("b", "'b'"));
    l.add(op("CALL_BUILTIN", "def f(g, a):\n    return g(a)\n").warm("f(len, [1])")
        .at(Opcode.CALL, 0, Opcode.CALL_BUILTIN).stack("NULL", "g", "a")
        .pool("g", "len", "abs", "repr", "fn1", "C").pool("a", "[1]", "-2", "'s'"));
    l.add(op("CALL (generic)", "def f(g, a):\n    return g(a)\n").warm("f(fn1, 1)")
        .at(Opcode.CALL, 0, Opcode.CALL).generic().stack("NULL", "g", "a")
        .pool("g", "len", "fn1", "fn2", "C", "boom", "ident").pool("a", "[1]", "'s'"));
    l.add(op("KW_NAMES + CALL_BUILTIN", "def f(g, a):\n    return g(a, reverse=True)\n")
        .warm("f(sorted, [2, 1])").at(Opcode.KW_NAMES, 0, Opcode.KW_NAMES).span(2)
        .stack("NULL", "g", "a", "kwv").pool("g", "sorted")
        .pool("a", "[2, 1, 3]", "'ba'").pool("kwv", "True"));
    l.add(op(KWNAMES_BUG, "def f(g, a):\n    return g(a, reverse=True)\n")
        .warm("f(sorted, [2, 1])").at(Opcode.KW_NAMES, 0, Opcode.KW_NAMES).span(2)
        .stack("NULL", "g", "a", "kwv").pool("g", "min", "max")
        .pool("a", "[2, 1, 3]", "'ba'").pool("kwv", "True"));
    l.add(op("KW_NAMES + CALL (generic)", "def f(g, a):\n    return g(a, key=None)\n")
        .warm("f(fnkw, 1)").at(Opcode.KW_NAMES, 0, Opcode.KW_NAMES).span(2)
        .stack("NULL", "g", "a", "kwv").pool("g", "fnkw", "fnvar", "fn1")
        .pool("a", "[2, 1, 3]").pool("kwv", "None"));
    String loop = "def f(it):\n    for x in it:\n        return x\n    return 'done'\n";
    String[] iters = {"iter([])", "iter([10, 20])", "_advance(iter([1, 2]), 2)", "iter((7,))",
        "iter(())", "iter(range(3))", "iter(range(0))", "_advance(iter(range(2)), 2)",
        "iter(range(2**62 - 2, 2**62 - 1))", "iter(range(5, -5, -4))", "gen3()",
        "Counter(1)", "iter('ab')"};
    for (String[] k : new String[][] {{"RANGE", "range(3)"}, {"LIST", "[1, 2]"},
        {"TUPLE", "(1, 2)"}}) {
      l.add(op("FOR_ITER_" + k[0], loop).warm("f(" + k[1] + ")")
          .at(Opcode.FOR_ITER, 0, Opcode.valueOf("FOR_ITER_" + k[0])).stack("it")
          .pool("it", iters));
    }
    l.add(op("FOR_ITER (generic)", loop).warm("f(gen3())")
        .at(Opcode.FOR_ITER, 0, Opcode.FOR_ITER).generic().stack("it").pool("it", iters));
    l.add(op("UNPACK_SEQUENCE_TWO_TUPLE", "def f(t):\n    a, b = t\n    return (b, a)\n")
        .warm("f((1, 2))").at(Opcode.UNPACK_SEQUENCE, 0, Opcode.UNPACK_SEQUENCE_TWO_TUPLE)
        .stack("t").pool("t", "(1, 2)", "(1, 2, 3)", "()", "[1, 2]", "'ab'", "gen3()", "5"));
    l.add(op("UNPACK_SEQUENCE (generic)", "def f(t):\n    a, b = t\n    return (b, a)\n")
        .warm("f([1, 2])").at(Opcode.UNPACK_SEQUENCE, 0, Opcode.UNPACK_SEQUENCE).generic()
        .stack("t").pool("t", "(1, 2)", "(1, 2, 3)", "[1, 2]", "'ab'", "gen3()", "5"));
    String branch = "def f(a):\n    if a:\n        return 'yes'\n    return 'no'\n";
    String[] truths = {"0", "1", "''", "'a'", "[]", "None", "True", "False", "Truthy(False)",
        "Truthy(3)", "Sized(0)", "float('nan')"};
    l.add(op("POP_JUMP_IF_FALSE", branch).at(Opcode.POP_JUMP_IF_FALSE, 0, null).stack("a")
        .pool("a", truths));
    l.add(op("POP_JUMP_IF_TRUE", "def f(a):\n    if not a:\n        return 'no'\n    return 'yes'\n")
        .at(Opcode.POP_JUMP_IF_TRUE, 0, null).stack("a").pool("a", truths));
    l.add(op("POP_JUMP_IF_NONE / NOT_NONE",
        "def f(a):\n    if a is None:\n        return 'none'\n    return 'some'\n")
        .at(Opcode.POP_JUMP_IF_NOT_NONE, 0, null).stack("a").pool("a", truths));
    l.add(op("POP_JUMP_IF_NONE",
        "def f(a):\n    if a is not None:\n        return 'some'\n    return 'none'\n")
        .at(Opcode.POP_JUMP_IF_NONE, 0, null).stack("a").pool("a", truths));
    l.add(op("JUMP_IF_FALSE_OR_POP", "def f(a, b):\n    return a and b\n")
        .at(Opcode.JUMP_IF_FALSE_OR_POP, 0, null).stack("a").pool("a", truths).pool("b", "'b'"));
    l.add(op("JUMP_IF_TRUE_OR_POP", "def f(a, b):\n    return a or b\n")
        .at(Opcode.JUMP_IF_TRUE_OR_POP, 0, null).stack("a").pool("a", truths).pool("b", "'b'"));
    l.add(op("LOAD_FAST (maybe unbound)",
        "def f(a):\n    if a:\n        b = a\n    return b\n").at(Opcode.LOAD_FAST, 2, null)
        .pool("a", "0", "'x'").pool("b", "'bound'", UopSpec.UNBOUND));
    l.add(op("RETURN_VALUE", "def f(a):\n    return a\n").at(Opcode.RETURN_VALUE, 0, null)
        .stack("a").pool("a", "1", "[2]"));
    l.add(op("CONTAINS_OP", "def f(a, b):\n    return a in b\n")
        .at(Opcode.CONTAINS_OP, 0, null).stack("a", "b").pool("a", "1", "'a'", "[1]")
        .pool("b", "[1, 2]", "'abc'", "{'a': 1}", "5", "gen3()"));
    l.add(op("IS_OP", "def f(a, b):\n    return a is not b\n").at(Opcode.IS_OP, 0, null)
        .stack("a", "b").pool("a", "None", "1", "[1]").pool("b", "None", "a", "1"));
    for (String[] u : new String[][] {{"UNARY_NOT", "not a"}, {"UNARY_NEGATIVE", "-a"},
        {"UNARY_INVERT", "~a"}, {"UNARY_POSITIVE", "+a"}}) {
      l.add(op(u[0], "def f(a):\n    return " + u[1] + "\n").at(Opcode.valueOf(u[0]), 0, null)
          .stack("a").pool("a", "0", "1", "-2**62", "2**62 - 1", "2**70", "-0.0", "True",
              "'s'", "None", "Truthy(False)"));
    }
    l.add(op("BUILD_STRING / FORMAT_VALUE", "def f(a, b):\n    return f'{a!r}:{b:>4}'\n")
        .at(Opcode.FORMAT_VALUE, 0, null).stack("a").pool("a", "1", "'s'", "C(1)", "-0.0")
        .pool("b", "2"));
    l.add(op("BUILD_LIST / LIST_EXTEND", "def f(a, b):\n    return [a, *b]\n")
        .at(Opcode.LIST_EXTEND, 0, null).stack("NULLLIST", "b").pool("a", "1")
        .pool("b", "[2]", "(3, 4)", "'ab'", "5", "gen3()"));
    l.add(op("UNPACK_EX", "def f(t):\n    a, *b = t\n    return (a, b)\n")
        .at(Opcode.UNPACK_EX, 0, null).stack("t").pool("t", "(1, 2, 3)", "[1]", "()", "'ab'"));
    l.add(op("GET_ITER", "def f(a):\n    for x in a:\n        return x\n    return 'done'\n")
        .at(Opcode.GET_ITER, 0, null).stack("a")
        .pool("a", "[1]", "()", "'ab'", "5", "gen3()", "{'k': 1}", "Counter(1)"));
    l.add(op("JUMP_BACKWARD", "def f(n):\n    while n:\n        n = n - 1\n    return n\n")
        .at(Opcode.JUMP_BACKWARD, 0, null).pool("n", "0", "3"));
    l.add(op("CALL_FUNCTION_EX", "def f(g, a):\n    return g(*a)\n")
        .at(Opcode.CALL_FUNCTION_EX, 0, null).stack("NULL", "g", "a")
        .pool("g", "fn2", "fnvar", "len").pool("a", "(1, 2)", "[3]", "5"));
    return l;
  }

  // ============================================================================ tests

  @TestFactory
  Stream<DynamicTest> instructions() {
    boolean all = Boolean.getBoolean("uop.conformance.knownBugs");
    return specs().stream().filter(s -> all || !KNOWN_BUGS.contains(s.title))
        .map(s -> DynamicTest.dynamicTest(s.title, () -> run(s)));
  }

  static final String KWNAMES_BUG = "KW_NAMES + CALL_BUILTIN (another builtin at the site)";
  static final String SHAPE_BUG = "LOAD_METHOD_CLASS with no shape cached (guard left out)";

  /** Specs that fail today; none, since the two this harness found were fixed. */
  static final Set<String> KNOWN_BUGS = Set.of();

  // ============================================================================ machinery

  private void run(OpSpec spec) {
    long nsM = h.namespace();
    // A comment makes the source unique: the harness caches compiled code by source text.
    h.exec(spec.source + "# " + spec.title + "\n", nsM);
    long f = h.get(nsM, "f");
    CodeInfo ci = h.codeOfFunction(f);
    if (!spec.warm.isEmpty()) {
      h.exec(spec.warm + "\n", nsM);
    }
    int idx = find(ci, spec.family, spec.occurrence);
    Opcode op = ci.opcode(idx);
    if (spec.forceGeneric) {
      Mem.putLong(ci.bytecode + 8L * idx, Opcode.encode(op.family(), ci.oparg(idx)));
      if (op.family().cacheUnits > 0) {
        Mem.putLong(ci.bytecode + 8L * (idx + 1), 53);
      }
      op = op.family();
    }
    if (spec.expect != null) {
      assertThat(op).as("%s after warming up", spec.title).isEqualTo(spec.expect);
    }
    long[] units = UopHarness.snapshot(ci);
    int depth = spec.stack.size();
    assertThat(depth).as("%s: the stack given for %s at %d", spec.title, op, idx)
        .isEqualTo(stackDepthAt(ci, idx));

    // The region forms: each traced direction the expansion has, and the block form.
    Map<String, Region> forms = new LinkedHashMap<>();
    for (boolean jumped : new boolean[] {false, true}) {
      Region r = traced(ci, idx, depth, spec, jumped);
      if (r != null) {
        forms.put(jumped ? "trace (jumped)" : "trace", r);
      }
    }
    Region block = block(ci, idx, depth, spec);
    if (block != null) {
      forms.put("block", block);
    }
    assertThat(forms).as("region forms of %s", spec.title).isNotEmpty();

    List<String> names = new ArrayList<>(spec.pools.keySet());
    List<List<String>> combos = new ArrayList<>();
    product(spec, names, 0, new ArrayList<>(), combos);
    Set<String> paths = new LinkedHashSet<>();
    try {
      for (var form : forms.entrySet()) {
        CompiledRegion compiled = h.compileRegion(form.getValue());
        for (List<String> values : combos) {
          String where = spec.title + " [" + form.getKey() + "] with " + names + " = " + values
              + "\n" + form.getValue();
          long nsI = bind(nsM, names, values);
          long nsR = bind(nsM, names, values);
          UopHarness.restore(ci, units);
          String interp = runInterpreter(ci, f, nsM, nsI, idx, spec, null, null, null);
          UopHarness.restore(ci, units);
          String[] path = new String[1];
          String ref = runInterpreter(ci, f, nsM, nsR, idx, spec, form.getValue(), compiled,
              path);
          paths.add(form.getKey() + ": " + path[0]);
          assertThat(ref).as("outcome through the uops vs the interpreter: %s", where)
              .isEqualTo(interp);
          Map<Long, String> mi = new java.util.HashMap<>();
          Map<Long, String> mr = new java.util.HashMap<>();
          for (String n : names) {
            assertThat(h.observe(h.get(nsR, n), mr)).as("%s afterwards: %s", n, where)
                .isEqualTo(h.observe(h.get(nsI, n), mi));
          }
        }
      }
    } finally {
      UopHarness.restore(ci, units);
      h.release();
    }
    SUMMARY.put(spec.title, combos.size() + " states x " + forms.size() + " forms: " + paths);
    if (spec.requireFast) {
      for (String form : forms.keySet()) {
        assertThat(paths).as("%s [%s] takes its fast path for some input (paths: %s)",
            spec.title, form, paths).contains(form + ": end");
      }
    }
  }

  private static void product(OpSpec spec, List<String> names, int i, List<String> acc,
      List<List<String>> out) {
    if (i == names.size()) {
      out.add(new ArrayList<>(acc));
      return;
    }
    for (String v : spec.pools.get(names.get(i))) {
      acc.add(v);
      product(spec, names, i + 1, acc, out);
      acc.remove(acc.size() - 1);
    }
  }

  private long bind(long nsM, List<String> names, List<String> values) {
    long ns = org.stitchjit.runtime.vm.Dicts.copy(h.vm, nsM, h.vm.dictType);
    h.vm.pushHandle(ns);
    for (int i = 0; i < names.size(); i++) {
      if (values.get(i).equals(UopSpec.UNBOUND)) {
        h.set(ns, names.get(i), 0);
      } else {
        h.exec(names.get(i) + " = " + values.get(i) + "\n", ns);
      }
    }
    return ns;
  }

  /** The operand stack depth at instruction idx (no exception handlers in these functions). */
  static int stackDepthAt(CodeInfo ci, int idx) {
    int[] depth = new int[ci.units];
    Arrays.fill(depth, -1);
    java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>();
    depth[0] = 0;
    work.add(0);
    while (!work.isEmpty()) {
      int i = work.poll();
      Opcode op = ci.opcode(i).family();
      int oparg = ci.oparg(i);
      List<int[]> next = new ArrayList<>();
      if (op.isJump()) {
        next.add(new int[] {oparg, depth[i] + op.stackEffect(oparg, true)});
      }
      if (!op.isTerminator()) {
        next.add(new int[] {i + ci.opcode(i).size(), depth[i] + op.stackEffect(oparg, false)});
      }
      for (int[] n : next) {
        if (n[0] < ci.units && depth[n[0]] < 0) {
          depth[n[0]] = n[1];
          work.add(n[0]);
        }
      }
    }
    return depth[idx];
  }

  private static int find(CodeInfo ci, Opcode family, int occurrence) {
    int seen = 0;
    for (int i = 0; i < ci.units; i += ci.opcode(i).size()) {
      if (ci.opcode(i).family() == family && seen++ == occurrence) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + family + " #" + occurrence + " in " + ci.name);
  }

  /**
   * Prepares f's frame at instruction idx (locals from the namespace, the spec's stack), then
   * either lets the interpreter run it or runs the region first and the interpreter after.
   * Returns "returned <value>" or "raised <exception>".
   */
  private String runInterpreter(CodeInfo ci, long f, long globals, long ns, int idx,
      OpSpec spec, Region def, CompiledRegion region, String[] path) {
    long[] saved = h.saveThreadState();
    try {
      long frame = h.pushFrame(ci, f, globals, 0);
      for (int i = 0; i < ci.nlocals; i++) {
        UopHarness.setLocal(frame, i, h.get(ns, ci.varnameStrings[i]));
      }
      long[] words = new long[spec.stack.size()];
      for (int i = 0; i < words.length; i++) {
        String n = spec.stack.get(i);
        words[i] = n.equals("NULL") ? 0 : n.equals("NULLLIST") ? h.vm.newList(0) : h.get(ns, n);
      }
      UopHarness.setStack(frame, ci, words);
      UopHarness.setIp(frame, idx);
      if (region != null) {
        int k;
        try {
          k = h.enter(region, frame);
        } catch (PyException e) {
          path[0] = "raise";
          return "raised " + h.excText(e);
        } catch (org.stitchjit.runtime.text.FormatError e) {
          path[0] = "raise";
          return "raised " + h.excText(h.p.toGuest(e));
        }
        long cur = Mem.getLong(h.ts + ThreadState.CURRENT_FRAME);
        if (k == CompiledRegion.RESUME_AT_FRAME) {
          path[0] = "resume";
        } else {
          Exit e = def.exits().get(k);
          path[0] = e.reason() == ExitReason.END_OF_REGION || e.reason() == ExitReason.BRANCH
              && e.bytecodeIndex() != idx ? "end" : "exit@" + e.bytecodeIndex();
          if (cur == frame && e.bytecodeIndex() == idx) {
            assertThat(UopHarness.stack(frame, ci)).as("%s: an exit at the instruction leaves"
                + " its stack as it was", spec.title).isEqualTo(words);
          }
        }
        if (cur != frame) {
          // Left inside an inlined callee: run it, then return into the caller as the
          // interpreter's RETURN_VALUE does (push the value, continue after the CALL).
          long v = h.interpret(cur);
          CodeInfo caller = ci;
          long sp = Mem.getLong(frame + Frame.SP) >> 1;
          Mem.putLong(UopHarness.stackBase(frame, caller) + 8 * sp, v);
          Mem.putLong(frame + Frame.SP, Tag.fromInt(sp + 1));
          UopHarness.setIp(frame, UopHarness.ip(frame) + Opcode.CALL.size());
        }
      }
      try {
        return "returned " + h.observe(h.interpret(frame), new java.util.HashMap<>());
      } catch (PyException e) {
        return "raised " + h.excText(e);
      }
    } finally {
      h.restoreThreadState(saved);
    }
  }

  // ---------------------------------------------------------------- regions from expansions

  /** The uops of the instruction at idx as the tracing frontend emits them, or null. */
  private Region traced(CodeInfo ci, int idx, int depth, OpSpec spec, boolean jumped) {
    Trace.Builder b = Trace.builder();
    int d = depth;
    int ip = idx;
    Exit end = null;
    int kwNames = -1;
    for (int n = 0; n < spec.span; n++) {
      Opcode op = ci.opcode(ip);
      Optional<com.google.common.collect.ImmutableList<Uop>> t =
          Expansions.of(op).traced(jumped && n == spec.span - 1);
      if (t.isEmpty() || op.family() == Opcode.RETURN_VALUE) {
        return null;
      }
      b.add(UopInstr.of(Uop.SET_IP, ip));
      for (Uop u : t.get()) {
        if (skip(ci, ip, op, u, spec)) {
          continue;
        }
        b.add(instr(b, ci, kwNames >= 0 ? kwNames : ip, ip, op, u, d));
        if (u.is(UopFlag.TERMINATOR)) {
          return b.build();
        }
      }
      // As the recorder does: the CALL after KW_NAMES resumes at the KW_NAMES, because the
      // keyword names live only in the interpreter's registers.
      kwNames = op == Opcode.KW_NAMES ? ip : -1;
      boolean j = jumped && n == spec.span - 1;
      if (j && !op.isJump()) {
        return null;
      }
      int oparg = ci.oparg(ip);
      d += op.stackEffect(oparg, j);
      int next = j ? oparg : ip + op.size();
      if (op == Opcode.CALL_PY_EXACT_ARGS) {
        long callee = ci.cache(ip, 1);
        end = new Exit(h.codeOfFunction(callee).code, 0, 0, ExitReason.END_OF_REGION);
      } else {
        end = new Exit(ci.code, next, d, ExitReason.END_OF_REGION);
      }
      ip = next;
    }
    b.addWithExit(Uop.EXIT_TRACE, end);
    return b.build();
  }

  /** The block form (Expansion.uops()) of the instruction at idx, or null. */
  private Region block(CodeInfo ci, int idx, int depth, OpSpec spec) {
    if (spec.span != 1) {
      return null;
    }
    Opcode op = ci.opcode(idx);
    Expansion x = Expansions.of(op);
    int oparg = ci.oparg(idx);
    BlockRegion.Builder b = BlockRegion.builder();
    int b0 = b.newBlock();
    int bf = b.newBlock();
    int bj = b.newBlock();
    b.entry(b0);
    int cur = b0;
    boolean terminated = false;
    b.add(b0, UopInstr.of(Uop.SET_IP, idx));
    List<Exit> exits = new ArrayList<>();
    for (Uop u : x.uops()) {
      if (skip(ci, idx, op, u, spec)) {
        continue;
      }
      if (u.has(OperandKind.BLOCK)) {
        b.add(cur, new UopInstr(u, 0, 0, bj));
        if (!u.is(UopFlag.TERMINATOR)) {
          b.fallThrough(cur, bf);
        } else {
          terminated = true;
        }
        cur = bf;
        continue;
      }
      UopInstr in = blockInstr(b, ci, idx, op, u, depth);
      b.add(cur, in);
      if (u.is(UopFlag.TERMINATOR)) {
        terminated = true;
      }
    }
    if (op == Opcode.CALL_PY_EXACT_ARGS) {
      long callee = ci.cache(idx, 1);
      b.add(cur, UopInstr.withExit(Uop.EXIT_TRACE, b.addExit(
          new Exit(h.codeOfFunction(callee).code, 0, 0, ExitReason.END_OF_REGION))));
    } else if (!(terminated && cur == b0)) {
      b.add(cur, UopInstr.withExit(Uop.EXIT_TRACE, b.addExit(new Exit(ci.code,
          idx + op.size(), depth + op.stackEffect(oparg, false), ExitReason.END_OF_REGION))));
    }
    if (cur == b0 && bf != cur) {
      b.add(bf, UopInstr.withExit(Uop.EXIT_TRACE, b.addExit(new Exit(ci.code, idx, depth,
          ExitReason.END_OF_REGION))));
    }
    int jumpDepth = op.isJump() ? depth + op.stackEffect(oparg, true) : depth;
    b.add(bj, UopInstr.withExit(Uop.EXIT_TRACE, b.addExit(new Exit(ci.code,
        op.isJump() ? oparg : idx, jumpDepth, ExitReason.BRANCH))));
    return b.build();
  }

  /** A uop the shared rules leave out for this instruction's caches. */
  private static boolean skip(CodeInfo ci, int ip, Opcode op, Uop u, OpSpec spec) {
    return u.has(OperandKind.OPERAND)
        && !CacheOperands.emitted(u, CacheOperands.operand(op, u, n -> ci.cache(ip, n)));
  }

  private UopInstr instr(Trace.Builder b, CodeInfo ci, int resume, int ip, Opcode op, Uop u,
      int depth) {
    int oparg = u.has(OperandKind.OPARG) ? opargFor(ci, ip, op, u) : 0;
    long operand = u.has(OperandKind.OPERAND) ? operandFor(ci, ip, op, u) : 0;
    int target = u.has(OperandKind.EXIT) ? b.addExit(exitFor(ci, resume, op, u, depth)) : 0;
    return new UopInstr(u, oparg, operand, target);
  }

  private UopInstr blockInstr(BlockRegion.Builder b, CodeInfo ci, int ip, Opcode op, Uop u,
      int depth) {
    int oparg = u.has(OperandKind.OPARG) ? opargFor(ci, ip, op, u) : 0;
    long operand = u.has(OperandKind.OPERAND) ? operandFor(ci, ip, op, u) : 0;
    int target = u.has(OperandKind.EXIT) ? b.addExit(exitFor(ci, ip, op, u, depth)) : 0;
    return new UopInstr(u, oparg, operand, target);
  }

  // The operand and exit rules are the frontend's own (CacheOperands in api).

  private static int opargFor(CodeInfo ci, int ip, Opcode op, Uop u) {
    return CacheOperands.oparg(op, ci.oparg(ip), u, n -> ci.cache(ip, n));
  }

  private static long operandFor(CodeInfo ci, int ip, Opcode op, Uop u) {
    return CacheOperands.operand(op, u, n -> ci.cache(ip, n));
  }

  private static Exit exitFor(CodeInfo ci, int ip, Opcode op, Uop u, int depth) {
    if (CacheOperands.exitLeavesLoop(u)) {
      return new Exit(ci.code, ci.oparg(ip), depth - 1, ExitReason.BRANCH);
    }
    return new Exit(ci.code, ip, depth, CacheOperands.exitReason(u));
  }

}
