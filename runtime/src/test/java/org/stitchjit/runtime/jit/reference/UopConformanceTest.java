package org.stitchjit.runtime.jit.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stitchjit.api.uop.Uop.*;
import static org.stitchjit.runtime.jit.reference.UopSpec.UNBOUND;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.ThreadState;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;

/**
 * The uop conformance harness: every uop of the table, run by the reference executor on
 * generated inputs (small ints up to the 63-bit boundaries, big ints, floats with signed zeros,
 * NaN and infinities, strs, containers, instances, modules, iterators at every position) and
 * checked against an oracle written in Python and run by the interpreter (see {@link
 * UopSpec}). The uops that leave the frame and the frame-building uops of an inlined call are
 * checked by the scenario tests at the end. {@link #everyUopIsCoveredOrExcluded} keeps the
 * table and the harness in step.
 */
class UopConformanceTest {
  /** What _GUARD_FLOAT_OPERANDS admits: two floats, or a float and a small int. */
  static final String FLOAT_OPERANDS =
      "(sfloat(a) and (sfloat(b) or small(b))) or (small(a) and sfloat(b))";

  /** Uops with no case, each with the reason. Keep this tiny. */
  static final Map<Uop, String> EXCLUDED = Map.of();

  /** Uops checked by the scenario tests below rather than by generated specs. */
  static final Set<Uop> SCENARIO_UOPS = EnumSet.of(SET_IP, RETURN_VALUE, RAISE_VARARGS, RERAISE,
      YIELD_VALUE, JUMP_TO_TOP, LOOP_HEAD, EXIT_TRACE, INIT_CALL_PY_EXACT_ARGS, PUSH_FRAME,
      POP_FRAME, CHECK_FUNCTION_VERSION, CHECK_STACK_SPACE, ALLOCATE_OBJECT, INIT_CALL_INIT,
      FOR_ITER_GEN, YIELD_GEN);

  static UopHarness h;
  static SpecRunner runner;

  @BeforeAll
  static void start() {
    h = new UopHarness();
    runner = new SpecRunner(h);
    CodeInfo ci = runner.code(UopSpec.CodeSel.HARNESS);
    h.set(h.base, "K", Mem.getLong(ci.code + Layout.Code.CONSTS));
  }

  @AfterAll
  static void stop() {
    if (Boolean.getBoolean("uop.conformance.summary")) {
      System.out.println("[uop-conformance] " + SpecRunner.CASES.get() + " generated cases");
    }
    if (h != null) {
      h.close();
    }
  }

  // ============================================================================ coverage

  @Test
  void everyUopIsCoveredOrExcluded() {
    Set<Uop> covered = EnumSet.noneOf(Uop.class);
    for (UopSpec s : specs()) {
      s.steps.forEach(st -> covered.add(st.uop()));
    }
    covered.addAll(SCENARIO_UOPS);
    List<String> missing = new ArrayList<>();
    for (Uop u : Uop.values()) {
      if (!covered.contains(u) && !EXCLUDED.containsKey(u)) {
        missing.add(u.uopName());
      }
      if (covered.contains(u) && EXCLUDED.containsKey(u)) {
        missing.add(u.uopName() + " (excluded but covered: drop the exclusion)");
      }
    }
    assertThat(missing).as("uops with neither a conformance case nor an exclusion").isEmpty();
    assertThat(EXCLUDED.size()).isLessThanOrEqualTo(2);
  }

  @TestFactory
  Stream<DynamicTest> uops() {
    return specs().stream().map(s -> DynamicTest.dynamicTest(s.title, () -> runner.run(s)));
  }

  // ============================================================================ value pools

  static final List<String> INTS = List.of("0", "1", "-1", "7", "-3", "2**62 - 1", "-2**62",
      "2**61", "-2**61 - 5", "2**31", "-2**31", "3037000499", "2**62", "-2**62 - 1", "2**70");
  static final List<String> FLOATS = List.of("0.0", "-0.0", "1.5", "-2.25", "3.0", "1e308",
      "5e-324", "float('nan')", "float('inf')", "-float('inf')");
  static final List<String> STRS = List.of("''", "'a'", "'abc'", "'ab' + 'c'",
      "'\\u00e9t\\u00e9'", "'\\U0001f600'");
  static final List<String> OTHERS = List.of("None", "True", "False", "[1, 2]", "(1, 2)",
      "{'k': 1}", "C(1)", "MyList([1])", "MyDict(k=1)", "iter([1])");
  /** Operands of arithmetic: the small-int boundaries, big ints, bool and special floats. */
  static final List<String> NUM = List.of("0", "1", "-3", "7", "2**62 - 1", "-2**62", "2**31",
      "-2**31", "3037000499", "2**70", "True", "0.0", "-0.0", "2.5", "float('nan')",
      "float('inf')", "-1e308");
  /** NUM plus values every arithmetic guard must reject. */
  static final List<String> NUM_AND_OTHERS = concat(NUM, List.of("'ab'", "None", "[1]"));
  /** Operands safe for every operator, including ** and << (no huge results). */
  static final List<String> SMALL = List.of("0", "1", "-3", "7", "True", "2.5", "-0.0",
      "float('nan')");
  static final List<String> MIXED = List.of("'ab'", "[1, 2]", "(3,)", "None", "C(1)", "2",
      "-1", "1.5", "{'k': 1}", "{1, 2}");
  static final List<String> CMP = List.of("0", "1", "-3", "2**62 - 1", "-2**62", "2**70",
      "True", "0.0", "-0.0", "2.5", "float('nan')", "float('inf')", "'ab'", "'b'", "None");
  static final List<String> ALL = concat(List.of("0", "-1", "2**62 - 1", "-2**62", "2**70",
      "1.5", "-0.0", "float('nan')"), STRS.subList(0, 3), OTHERS);
  static final List<String> TRUTHS = concat(List.of("0", "1", "-2**62", "2**70", "0.0", "-0.0",
      "float('nan')", "''", "'a'", "[]", "[0]", "()", "{}", "{'k': 1}", "None", "True",
      "False", "C()", "Truthy(True)", "Truthy(False)", "Truthy(3)", "Sized(0)", "Sized(2)",
      "Sized(-1)", "range(0)", "iter([])"));
  /** Factories of iterables: lists, tuples, ranges (incl. near the small-int limits), more. */
  static final List<String> ITERABLES = List.of("lambda: []", "lambda: [10, 20]",
      "lambda: (7,)", "lambda: ()", "lambda: range(3)", "lambda: range(0)",
      "lambda: range(10, 0, -4)", "lambda: range(2**62 - 3, 2**62 - 1)",
      "lambda: range(-2**62, -2**62 + 4, 3)", "lambda: range(0, 2**62 - 1, 2**61)",
      "lambda: 'ab'", "lambda: gen3()", "lambda: Counter(2)", "lambda: {'k': 1, 'j': 2}");
  /** Builds it = iter(mk()) advanced adv times, and left = how many items it has left. */
  static final String MAKE_ITER = String.join("\n",
      "left = len(list(iter(mk()))) - adv",
      "if left < 0:",
      "    left = 0",
      "it = _advance(iter(mk()), adv)");

  @SafeVarargs
  static List<String> concat(List<String>... lists) {
    List<String> l = new ArrayList<>();
    for (List<String> x : lists) {
      l.addAll(x);
    }
    return l;
  }

  static String py(String... lines) {
    return String.join("\n", lines);
  }

  static UopSpec s(String title) {
    return new UopSpec(title);
  }

  // ============================================================================ the specs

  static List<UopSpec> specs() {
    List<UopSpec> l = new ArrayList<>();
    control(l);
    stackAndLocals(l);
    classDeref(l);
    globalsAndNames(l);
    attributes(l);
    operators(l);
    subscripts(l);
    building(l);
    branches(l);
    iteration(l);
    calls(l);
    exceptionsAndImports(l);
    return l;
  }

  private static void control(List<UopSpec> l) {
    l.add(s("_NOP").step(NOP).inputs("a").pool("a", "1", "'abc'", "C(1)").oracle("out = [a]"));
    l.add(s("_CHECK_VALIDITY").step(CHECK_VALIDITY).pool("valid", "True", "False")
        .before((c, r) -> {
          if (!c.isTrue("valid")) {
            r.invalidate();
          }
        })
        .oracle(py("if not valid:", "    exit = 0", "else:", "    out = []")));
    l.add(s("_CHECK_PERIODIC").step(CHECK_PERIODIC).pool("gcw", "0", "1")
        .before((c, r) -> Mem.putLong(c.h.ts + ThreadState.GC_WANTED, c.intOf("gcw")))
        .oracle(py("if gcw:", "    exit = 0", "else:", "    out = []")));
    l.add(s("_JUMP (block)").step(JUMP).inputs("a").pool("a", "1", "[2]")
        .oracle("jump = True\nout = [a]"));
    l.add(s("_TO_BOOL").step(TO_BOOL).inputs("a").pool("a", concat(TRUTHS, STRS))
        .oracle("out = [bool(a)]"));
    l.add(s("_LOAD_CONST_INLINE").step(LOAD_CONST_INLINE, c -> 0, c -> c.get("a"))
        .pool("a", concat(INTS.subList(0, 6), OTHERS)).oracle("out = [a]"));
  }

  private static void stackAndLocals(List<UopSpec> l) {
    l.add(s("_POP_TOP").step(POP_TOP).inputs("a").pool("a", "1", "[1]", "None")
        .oracle("out = []"));
    l.add(s("_PUSH_NULL").step(PUSH_NULL).inputs("a").pool("a", "1").oracle("out = [a, NULL]"));
    String[] copied = {"c", "b", "a"};
    for (int n = 1; n <= 3; n++) {
      l.add(s("_COPY " + n).step(COPY, n).inputs("a", "b", "c").pool("a", "1", "[2]")
          .pool("b", "'s'").pool("c", "C(3)", "None")
          .oracle("out = [a, b, c, " + copied[n - 1] + "]"));
    }
    l.add(s("_SWAP 2").step(SWAP, 2).inputs("a", "b", "c").pool("a", "1").pool("b", "'s'", "[1]")
        .pool("c", "C(3)", "None").oracle("out = [a, c, b]"));
    l.add(s("_SWAP 3").step(SWAP, 3).inputs("a", "b", "c").pool("a", "1").pool("b", "'s'", "[1]")
        .pool("c", "C(3)", "None").oracle("out = [c, b, a]"));

    int nconsts = runnerConsts();
    for (int i = 0; i < nconsts; i++) {
      int k = i;
      l.add(s("_LOAD_CONST " + i).step(LOAD_CONST, i).inputs().pool("z", "0")
          .oracle("out = [K[" + i + "]]")
          .check((c, r) -> assertThat(r.after()[1]).as("the constant itself")
              .isEqualTo(c.code.consts[k])));
    }
    String[] names = {"a", "b"};
    for (int i = 0; i < 2; i++) {
      String n = names[i];
      l.add(s("_LOAD_FAST_CHECK " + i).step(LOAD_FAST_CHECK, i).locals("a", "b")
          .pool("a", "1", "'x'", UNBOUND).pool("b", "C(2)", UNBOUND)
          .oracle(py("try:", "    _v = " + n, "except NameError:", "    exit = 0", "else:",
              "    out = [_v]")));
      l.add(s("_LOAD_FAST " + i).step(LOAD_FAST, i).locals("a", "b").pool("a", "1", "'x'")
          .pool("b", "C(2)", "[3]").oracle("out = [" + n + "]"));
      l.add(s("_LOAD_CLOSURE " + i).step(LOAD_CLOSURE, i).locals("a", "b").pool("a", "1")
          .pool("b", "C(2)", "[3]").oracle("out = [" + n + "]"));
      l.add(s("_STORE_FAST " + i).step(STORE_FAST, i).inputs("v").locals("a", "b")
          .pool("a", "1", UNBOUND).pool("b", "'x'").pool("v", "[1]", "2")
          .oracle(n + " = v\nout = []"));
      l.add(s("_DELETE_FAST " + i).step(DELETE_FAST, i).locals("a", "b")
          .pool("a", "1", UNBOUND).pool("b", "'x'", UNBOUND)
          .oracle(py("try:", "    del " + n, "except NameError:", "    exit = 0", "else:",
              "    out = []")));
    }
    // The closure code: local 0 is a parameter, local 1 the cell of the free variable v.
    l.add(s("_LOAD_DEREF").step(LOAD_DEREF, 1).cells("v").pool("v", "1", "C(2)", UNBOUND)
        .oracle(py("try:", "    _v = v", "except NameError:", "    exit = 0", "else:",
            "    out = [_v]")));
    l.add(s("_STORE_DEREF").step(STORE_DEREF, 1).cells("v").inputs("x")
        .pool("v", "1", UNBOUND).pool("x", "'new'", "[2]").oracle("v = x\nout = []"));
    l.add(s("_DELETE_DEREF").step(DELETE_DEREF, 1).cells("v").pool("v", "1", UNBOUND)
        .oracle(py("try:", "    del v", "except NameError:", "    exit = 0", "else:",
            "    out = []")));
    l.add(s("_LOAD_CLOSURE (cell)").step(LOAD_CLOSURE, 1).cells("v").pool("v", "1", UNBOUND)
        .oracle("out = [NULL]")
        .check((c, r) -> {
          assertThat(r.after()[1]).as("the cell itself").isEqualTo(UopHarness.local(c.frame, 1));
          r.after()[1] = 0;
        })
        .anyPaths());
  }

  static void classDeref(List<UopSpec> l) {
    // The class body's only local is the free variable w's cell; its namespace is ns2.
    l.add(s("_LOAD_CLASSDEREF").step(LOAD_CLASSDEREF, 0).code(UopSpec.CodeSel.CLASS_BODY)
        .cells("w").frameLocals("ns2")
        .pool("ns2", "{}", "{'w': 'from ns'}", "{'x': 1}").pool("w", "'from cell'", UNBOUND)
        .oracle(py("if 'w' in ns2:", "    out = [ns2['w']]", "else:", "    try:",
            "        out = [w]", "    except NameError:",
            "        raise NameError(\"cannot access free variable 'w' where it is not"
                + " associated with a value in enclosing scope\")")));
  }

  private static int runnerConsts() {
    // specs() is also called without a harness (coverage); the count only needs the code.
    return h == null ? 1 : runner.code(UopSpec.CodeSel.HARNESS).consts.length;
  }

  private static void globalsAndNames(List<UopSpec> l) {
    for (String n : List.of("g", "len", "missing")) {
      l.add(s("_LOAD_GLOBAL " + n).step(LOAD_GLOBAL, c -> c.nameIndex(n), c -> 0)
          .ip0(c -> c.instruction(Opcode.LOAD_GLOBAL, c.nameIndex(n)))
          .pool(n, n.equals("g") ? List.of("'gv'", "7", UNBOUND) : List.of(UNBOUND, "'shadow'"))
          .oracle("out = [" + n + "]"));
    }
    String globalsMutation = py("if mode == 'added':", "    zz = 1", "elif mode == 'deleted':",
        "    del gone", "elif mode == 'value':", "    g = 'changed'");
    l.add(s("_GUARD_GLOBALS_VERSION").stepOperand(GUARD_GLOBALS_VERSION, c -> c.keysVersion(c.ns))
        .pool("mode", "'same'", "'added'", "'deleted'", "'value'").mutate(globalsMutation)
        .observe("g")
        .oracle(py("if mode in ('added', 'deleted'):", "    exit = 0", "else:", "    out = []")));
    l.add(s("_GUARD_BUILTINS_VERSION")
        .stepOperand(GUARD_BUILTINS_VERSION, c -> c.keysVersion(c.h.vm.builtins))
        .pool("mode", "'same'", "'bumped'")
        .before((c, r) -> {
          if (c.str("mode").equals("bumped")) {
            long k = c.h.vm.intern("zz_bump");
            Dicts.setItemStr(c.h.vm, c.h.vm.builtins, k, c.h.vm.none);
            Dicts.remove(c.h.vm, c.h.vm.builtins, k);
          }
        })
        .oracle(py("if mode == 'bumped':", "    exit = 0", "else:", "    out = []")));
    l.add(s("_LOAD_GLOBAL_MODULE").stepOperand(LOAD_GLOBAL_MODULE, c -> c.entryIndex(c.ns, "g"))
        .pool("mode", "'same'", "'value'", "'deleted'")
        .mutate(py("if mode == 'value':", "    g = 'changed'", "elif mode == 'deleted':",
            "    del g"))
        .observe("g")
        .oracle(py("if mode == 'deleted':", "    exit = 0", "else:", "    out = [g]")));
    l.add(s("_GUARD_GLOBALS_VERSION _LOAD_GLOBAL_MODULE")
        .stepOperand(GUARD_GLOBALS_VERSION, c -> c.keysVersion(c.ns))
        .stepOperand(LOAD_GLOBAL_MODULE, c -> c.entryIndex(c.ns, "g"))
        .pool("mode", "'same'", "'added'", "'deleted'", "'value'").mutate(globalsMutation)
        .observe("g")
        .oracle(py("if mode in ('added', 'deleted'):", "    exit = 0", "else:",
            "    out = [g]")).anyPaths());
    l.add(s("_LOAD_GLOBAL_BUILTINS").stepOperand(LOAD_GLOBAL_BUILTINS, c -> {
      long b = c.h.vm.builtins;
      if (c.str("name").equals("len")) {
        return c.entryIndex(b, "len");
      }
      long k = c.h.vm.intern("zz_gone");
      Dicts.setItemStr(c.h.vm, b, k, c.h.vm.none);
      int ix = c.entryIndex(b, "zz_gone");
      Dicts.remove(c.h.vm, b, k);
      return ix;
    }).pool("name", "'len'", "'zz_gone'")
        .oracle(py("if name == 'zz_gone':", "    exit = 0", "else:", "    out = [len]")));
    l.add(s("_GUARD_GLOBALS_VERSION _GUARD_BUILTINS_VERSION _LOAD_GLOBAL_BUILTINS")
        .stepOperand(GUARD_GLOBALS_VERSION, c -> c.keysVersion(c.ns))
        .stepOperand(GUARD_BUILTINS_VERSION, c -> c.keysVersion(c.h.vm.builtins))
        .stepOperand(LOAD_GLOBAL_BUILTINS, c -> c.entryIndex(c.h.vm.builtins, "len"))
        .pool("mode", "'same'", "'shadowed'").mutate("if mode == 'shadowed':\n    len = 'mine'")
        .observe("len")
        .oracle(py("if mode == 'shadowed':", "    exit = 0", "else:", "    out = [len]"))
        .anyPaths());
    l.add(s("_STORE_GLOBAL").step(STORE_GLOBAL, c -> c.nameIndex("g"), c -> 0).inputs("v")
        .pool("g", "'old'", UNBOUND).pool("v", "1", "[2]").oracle("g = v\nout = []"));
    l.add(s("_DELETE_GLOBAL").step(DELETE_GLOBAL, c -> c.nameIndex("g"), c -> 0)
        .pool("g", "1", UNBOUND).oracle("del g\nout = []"));
    for (String n : List.of("g", "len", "missing")) {
      l.add(s("_LOAD_NAME " + n).step(LOAD_NAME, c -> c.nameIndex(n), c -> 0)
          .frameLocals("ns2")
          .pool("ns2", "None", "{}",
              "{'g': 'local g', 'len': 'local len', 'missing': 'local missing'}")
          .pool("g", "'gv'", UNBOUND)
          .oracle(py("if ns2 is not None and '" + n + "' in ns2:",
              "    out = [ns2['" + n + "']]", "else:", "    out = [" + n + "]")));
    }
    l.add(s("_STORE_NAME").step(STORE_NAME, c -> c.nameIndex("g"), c -> 0).inputs("v")
        .frameLocals("ns2").pool("ns2", "None", "{}", "{'g': 0}").pool("v", "'v'")
        .oracle(py("if ns2 is not None:", "    ns2['g'] = v", "else:", "    g = v",
            "out = []")));
    l.add(s("_DELETE_NAME").step(DELETE_NAME, c -> c.nameIndex("g"), c -> 0)
        .frameLocals("ns2").pool("ns2", "None", "{}", "{'g': 0}").pool("g", "1", UNBOUND)
        .oracle(py("if ns2 is not None:", "    if 'g' not in ns2:",
            "        raise NameError(\"name 'g' is not defined\")", "    del ns2['g']",
            "else:", "    del g", "out = []")));
  }

  private static void attributes(List<UopSpec> l) {
    List<String> receivers = List.of("C(1)", "C(1, 2)", "C()", "D(3)", "E()", "'abc'", "5",
        "None", "_module({'x': 'mx'})", "C", "Truthy(True)");
    for (String n : List.of("x", "y", "meth", "upper")) {
      l.add(s("_LOAD_ATTR " + n).step(LOAD_ATTR, c -> c.nameIndex(n), c -> 0).inputs("a")
          .pool("a", receivers).oracle("out = [a." + n + "]"));
    }
    l.add(s("_GUARD_TYPE").stepOperand(GUARD_TYPE, c -> c.get("t")).inputs("a")
        .pool("a", "1", "True", "2**70", "1.5", "'s'", "C(1)", "D(1)", "[1]", "MyList()", "None")
        .pool("t", "int", "bool", "float", "str", "C", "D", "list", "type(None)")
        .oracle(py("if type(a) is not t:", "    exit = 0", "else:", "    out = [a]")));
    l.add(s("_GUARD_TYPE _GUARD_TYPE_VERSION").stepOperand(GUARD_TYPE, c -> c.get("t"))
        .stepOperand(GUARD_TYPE_VERSION, c -> c.typeVersion(c.get("t"))).inputs("a")
        .pool("a", "C(1)", "D(1)", "1", "'s'").pool("t", "C", "D", "int")
        .pool("mode", "'same'", "'bumped'")
        .mutate("if mode == 'bumped' and t in (C, D):\n    t.zz = 1")
        .oracle(py("if type(a) is not t:", "    exit = 0",
            "elif mode == 'bumped' and t in (C, D):", "    exit = 1", "else:", "    out = [a]")));
    l.add(s("_GUARD_CLASS_VERSION")
        .stepOperand(GUARD_CLASS_VERSION, c -> c.typeVersion(c.get("want"))).inputs("a")
        .pool("a", "C", "D", "C(1)", "1", "int", "None").pool("want", "C", "D")
        .pool("mode", "'same'", "'bumped'")
        .mutate("if mode == 'bumped':\n    want.zz = 1")
        .oracle(py("if a is not want or mode == 'bumped':", "    exit = 0", "else:",
            "    out = [a]")));
    List<String> instances = List.of("C()", "C(1)", "C(1, 2)", "C(None, 2)",
        "_with(C(None, 2), x=1)", "_with(C(1), z=3)", "_with(C(1, 2), z=3)", "D(1)", "5");
    for (boolean explicitOffset : new boolean[] {false, true}) {
      l.add(s("_GUARD_TYPE _GUARD_SHAPE" + (explicitOffset ? " (offset)" : ""))
          .stepOperand(GUARD_TYPE, c -> c.h.global("C"))
          .step(GUARD_SHAPE, c -> explicitOffset ? (int) c.h.attrOffset(c.get("ref")) : 0,
              c -> c.shape("ref"))
          .inputs("a").pool("a", instances).pool("ref", "C(1)", "C(1, 2)", "C()")
          .oracle(py("if type(a) is not C:", "    exit = 0", "elif _shape(a) != _shape(ref):",
              "    exit = 1", "else:", "    out = [a]")));
    }
    // Raw float attributes (decision 7, "Float attributes"): the boxed load boxes them once.
    List<String> withRaw = concat(instances, List.of("_raw(C(1.5, 2), 'x')",
        "_raw(C(1, -0.0), 'y')", "_raw(_with(C(1, 2.5), z=float('nan')), 'z')"));
    for (String[] ra : new String[][] {{"C(1, 2)", "x"}, {"C(1, 2)", "y"}, {"C(None, 2)", "y"},
        {"_with(C(1, 2), z=3)", "z"}, {"C(1.5, 2)", "x"}, {"C(1, 2.5)", "y"}}) {
      // (The load's exit is its raw form's: the boxed load never takes it. _LOAD_ATTR_SLOT reads
      // no raw attribute; _LOAD_ATTR_SLOT_FLOAT boxes one.)
      boolean raw = ra[0].contains(".");
      Uop load = raw ? LOAD_ATTR_SLOT_FLOAT : LOAD_ATTR_SLOT;
      l.add(s("_GUARD_TYPE _GUARD_SHAPE " + load.uopName() + " " + ra[0] + "." + ra[1])
          .stepOperand(GUARD_TYPE, c -> c.h.global("C"))
          .step(GUARD_SHAPE, c -> (int) c.h.attrOffset(c.get("ref")), c -> c.shape("ref"))
          .stepOperand(load, c -> c.slotWord("ref", ra[1]))
          .inputs("a").pool("ref", ra[0]).pool("a", raw ? withRaw : instances)
          .observeExpr("getattr(a, '" + ra[1] + "', 0) is getattr(a, '" + ra[1] + "', 1)")
          .oracle(py("if type(a) is not C:", "    exit = 0", "elif _shape(a) != _shape(ref):",
              "    exit = 1", "else:", "    out = [a." + ra[1] + "]"))
          .anyPaths());
    }
    // _LOAD_ATTR_SLOT_RAW, read by a float addition: floats only (an int plus an int is an int).
    l.add(s("_GUARD_TYPE _GUARD_SHAPE _LOAD_ATTR_SLOT_RAW + b")
        .stepOperand(GUARD_TYPE, c -> c.h.global("C"))
        .step(GUARD_SHAPE, c -> (int) c.h.attrOffset(c.get("ref")), c -> c.shape("ref"))
        .stepOperand(LOAD_ATTR_SLOT_RAW, c -> c.slotWord("ref", "x"))
        .step(LOAD_FAST, 0).step(GUARD_TOS_FLOAT_OPERAND)
        .step(BINARY_OP_ADD_FLOAT_RAW, Uop.RAW_NOS)
        .inputs("a").locals("b").pool("ref", "C(1, 2)")
        .pool("a", concat(withRaw, List.of("C(7, 2)", "C(2**70, 2)", "C('ab', 2)",
            "C(-0.0, 1)", "C(float('inf'), 1)")))
        .pool("b", "0.25", "-0.0", "3", "None")
        .prep("def fop(v):\n    return sfloat(v) or small(v)\n")
        .oracle(py("if type(a) is not C:", "    exit = 0", "elif _shape(a) != _shape(ref):",
            "    exit = 1", "elif not sfloat(a.x):", "    exit = 2", "elif not fop(b):",
            "    exit = 4", "    out = [a.x, b]", "else:", "    out = [a.x + b]")));
    l.add(s("_CHECK_ATTR_MODULE").stepOperand(CHECK_ATTR_MODULE, c -> c.get("m")).inputs("a")
        .pool("m", "_module({'x': 'mx'})").pool("m2", "_module({'x': 'mx'})")
        .pool("a", "m", "m2", "1", "C(1)")
        .oracle(py("if a is not m:", "    exit = 0", "else:", "    out = [a]")));
    String moduleMutation = py("if mode == 'added':", "    m.zz = 1", "elif mode == 'deleted':",
        "    _moddel(m, 'x')", "elif mode == 'value':", "    m.x = 'changed'");
    l.add(s("_CHECK_ATTR_MODULE _GUARD_MODULE_KEYS_VERSION _LOAD_ATTR_MODULE")
        .stepOperand(CHECK_ATTR_MODULE, c -> c.get("m"))
        .stepOperand(GUARD_MODULE_KEYS_VERSION, c -> c.keysVersion(c.moduleDict("m")))
        .stepOperand(LOAD_ATTR_MODULE, c -> c.entryIndex(c.moduleDict("m"), "x"))
        .inputs("a").pool("m", "_module({'x': 'mx', 'y': 'my'})")
        .pool("a", "m", "_module({'x': 'mx', 'y': 'my'})", "5")
        .pool("mode", "'same'", "'added'", "'deleted'", "'value'").mutate(moduleMutation)
        .observeExpr("getattr(m, 'x', '-')")
        .oracle(py("if a is not m:", "    exit = 0", "elif mode in ('added', 'deleted'):",
            "    exit = 1", "else:", "    out = [a.x]"))
        .anyPaths());
    l.add(s("_GUARD_MODULE_KEYS_VERSION")
        .stepOperand(GUARD_MODULE_KEYS_VERSION, c -> c.keysVersion(c.moduleDict("m")))
        .inputs("m").pool("m", "_module({'x': 'mx', 'y': 'my'})")
        .pool("mode", "'same'", "'added'", "'deleted'", "'value'").mutate(moduleMutation)
        .oracle(py("if mode in ('added', 'deleted'):", "    exit = 0", "else:", "    out = [m]")));
    l.add(s("_LOAD_ATTR_MODULE")
        .stepOperand(LOAD_ATTR_MODULE, c -> c.entryIndex(c.moduleDict("m"), "x"))
        .inputs("m").pool("m", "_module({'x': 'mx', 'y': 'my'})", "_module({'y': 1, 'x': 2})")
        .pool("mode", "'same'", "'deleted'", "'value'").mutate(moduleMutation)
        .oracle(py("if mode == 'deleted':", "    exit = 0", "else:", "    out = [m.x]")));
    l.add(s("_STORE_ATTR").step(STORE_ATTR, c -> c.nameIndex("x"), c -> 0).inputs("v", "a")
        .pool("a", "C(1)", "C()", "E()", "5", "'abc'", "_module({})", "Truthy(True)")
        .pool("v", "'new'", "None").observeExpr("getattr(a, 'x', '-')")
        .oracle("a.x = v\nout = []"));
    // _STORE_ATTR_SLOT: pre is an instance with the shape the store was cached for, post one
    // after the store. Each case has a class of its own (cls), so the values capacity new
    // instances start with (which grows as instances need more) is the same in every case.
    l.add(s("_GUARD_TYPE _GUARD_SHAPE _STORE_ATTR_SLOT")
        .stepOperand(GUARD_TYPE, c -> c.get("cls"))
        .step(GUARD_SHAPE, c -> 0, c -> c.shape("pre"))
        .step(STORE_ATTR_SLOT, c -> c.attrIndex("post", c.str("attr")),
            c -> c.shape("post") == c.shape("pre") ? 0 : c.shape("post"))
        .inputs("v", "a")
        .pool("cls", "_fresh_class()")
        .pool("kind", "'add y to x'", "'set x in x'", "'add x to none'", "'set y in xy'",
            "'add v to xyzw'")
        .pool("a", "_with(cls(), x=1)", "_with(cls(), x=1, y=2)", "cls()", "_with(cls(), y=2)",
            "_with(cls(), x=1, y=2, z=3, w=4)", "C(1)", "5")
        .pool("v", "'v'")
        .prep(py("if kind == 'add y to x':",
            "    pre = _with(cls(), x=0)", "    post = _with(cls(), x=0, y=0)", "    attr = 'y'",
            "elif kind == 'set x in x':",
            "    pre = _with(cls(), x=0)", "    post = pre", "    attr = 'x'",
            "elif kind == 'add x to none':",
            "    pre = cls()", "    post = _with(cls(), x=0)", "    attr = 'x'",
            "elif kind == 'set y in xy':",
            "    pre = _with(cls(), x=0, y=0)", "    post = pre", "    attr = 'y'",
            "else:",
            "    pre = _with(cls(), x=0, y=0, z=0, w=0)",
            "    post = _with(cls(), x=0, y=0, z=0, w=0, v=0)", "    attr = 'v'"))
        .observeExpr("_shape(a) == _shape(post)", "_shape(a) == _shape(pre)")
        .oracle(py("if type(a) is not cls:", "    exit = 0", "elif _shape(a) != _shape(pre):",
            "    exit = 1",
            "elif _shape(post) != _shape(pre) and _capacity(a) <= _index(post, attr):",
            "    exit = 2", "else:", "    setattr(a, attr, v)", "    out = []")));
    // _STORE_ATTR_SLOT_RAW of a raw product: the attribute keeps it raw, one float object
    // from its first read on.
    l.add(s("p * q, _GUARD_TYPE _GUARD_SHAPE _STORE_ATTR_SLOT_RAW")
        .step(LOAD_FAST, 0).step(LOAD_FAST, 1).step(GUARD_FLOAT_OPERANDS)
        .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
        .step(LOAD_FAST, 2)
        .stepOperand(GUARD_TYPE, c -> c.get("cls"))
        .step(GUARD_SHAPE, c -> 0, c -> c.shape("pre"))
        .step(STORE_ATTR_SLOT_RAW, c -> c.attrIndex("post", c.str("attr")),
            c -> c.shape("post") == c.shape("pre") ? 0 : c.shape("post"))
        .locals("p", "q", "a")
        .pool("cls", "_fresh_class()")
        .pool("kind", "'add y to x'", "'set x in x'", "'set y in xy'", "'add v to xyzw'")
        .pool("a", "_with(cls(), x=1)", "_with(cls(), x=1, y=2)", "_with(cls(), y=2)",
            "_raw(_with(cls(), x=1.5, y=2), 'x')", "_with(cls(), x=1, y=2, z=3, w=4)", "C(1)")
        .pool("p", "1.5", "-0.0", "3", "'ab'").pool("q", "2.0", "float('inf')")
        .prep(py("if kind == 'add y to x':",
            "    pre = _with(cls(), x=0)", "    post = _with(cls(), x=0, y=0)", "    attr = 'y'",
            "elif kind == 'set x in x':",
            "    pre = _with(cls(), x=0)", "    post = pre", "    attr = 'x'",
            "elif kind == 'set y in xy':",
            "    pre = _with(cls(), x=0, y=0)", "    post = pre", "    attr = 'y'",
            "else:",
            "    pre = _with(cls(), x=0, y=0, z=0, w=0)",
            "    post = _with(cls(), x=0, y=0, z=0, w=0, v=0)", "    attr = 'v'"))
        .observeExpr("getattr(a, attr, '-')", "getattr(a, attr, 0) is getattr(a, attr, 1)",
            "_shape(a) == _shape(post)")
        .oracle(py("if not ((sfloat(p) and (sfloat(q) or small(q)))"
                + " or (small(p) and sfloat(q))):",
            "    exit = 2", "    out = [p, q]",
            "elif type(a) is not cls:", "    exit = 5", "    out = [p * q, a]",
            "elif _shape(a) != _shape(pre):", "    exit = 6", "    out = [p * q, a]",
            "elif _shape(post) != _shape(pre) and _capacity(a) <= _index(post, attr):",
            "    exit = 7", "    out = [p * q, a]",
            "else:", "    setattr(a, attr, p * q)", "    out = []")));
    l.add(s("_DELETE_ATTR").step(DELETE_ATTR, c -> c.nameIndex("x"), c -> 0).inputs("a")
        .pool("a", "C(1)", "C()", "C(1, 2)", "5", "_module({'x': 1})")
        .observeExpr("getattr(a, 'x', '-')").oracle("del a.x\nout = []"));
    for (String n : List.of("meth", "upper", "append", "x")) {
      l.add(s("_LOAD_METHOD " + n).step(LOAD_METHOD, c -> c.nameIndex(n), c -> 0).inputs("a")
          .pool("a", "C(1)", "D(2)", "_with(C(1), meth='own')", "'abc'", "[1]", "5", "None",
              "C", "_module({'meth': ident})")
          .oracle(py("_b = a." + n, "out = [NULL, _b]",
              "if hasattr(type(a), '" + n + "') and _index(a, '" + n + "') < 0:",
              "    alt = [getattr(type(a), '" + n + "'), a]")));
    }
    l.add(s("_LOAD_METHOD_CONST").stepOperand(LOAD_METHOD_CONST, c -> c.get("m")).inputs("a")
        .pool("m", "C.meth", "len").pool("a", "C(1)", "5").oracle("out = [m, a]"));
  }

  private static void operators(List<UopSpec> l) {
    for (int op = 0; op < 2 * BinaryOp.INPLACE; op++) {
      int base = BinaryOp.base(op);
      String sym = BinaryOp.symbol(op);
      String oracle = BinaryOp.isInplace(op)
          ? py("_r = a", "_r " + sym + " b", "out = [_r]")
          : "out = [a " + sym + " b]";
      boolean big = base != BinaryOp.POWER && base != BinaryOp.LSHIFT;
      UopSpec nums = s("_BINARY_OP " + sym).step(BINARY_OP, op).inputs("a", "b")
          .pool("a", big && !BinaryOp.isInplace(op) ? NUM : SMALL)
          .pool("b", big && !BinaryOp.isInplace(op) ? NUM : SMALL).oracle(oracle);
      UopSpec mixed = s("_BINARY_OP " + sym + " (mixed types)").step(BINARY_OP, op)
          .inputs("a", "b").pool("a", MIXED).pool("b", MIXED).oracle(oracle);
      if (base == BinaryOp.MATRIX_MULTIPLY) {
        // No built-in type implements @: every case raises.
        nums.anyPaths();
        mixed.anyPaths();
      }
      l.add(nums);
      l.add(mixed);
    }
    // list * n natively: one and several items, counts around the ones the native path takes
    // (0, negative, large: the generic path), a subclass, and the in-place form.
    for (int op : new int[] {BinaryOp.MULTIPLY, BinaryOp.MULTIPLY + BinaryOp.INPLACE}) {
      l.add(s("_BINARY_OP " + BinaryOp.symbol(op) + " (lists)").step(BINARY_OP, op)
          .inputs("a", "b").pool("a", "[7]", "[1, [2]]", "[]", "MyList([3])", "_full(9)")
          .pool("b", "0", "1", "3", "-2", "100", "5000", "2**70", "True")
          .oracle(BinaryOp.isInplace(op) ? py("_r = a", "_r *= b", "out = [_r]")
              : "out = [a * b]"));
    }
    for (String[] t : new String[][] {
        {"ADD", "+"}, {"SUBTRACT", "-"}, {"MULTIPLY", "*"}}) {
      l.add(s("_GUARD_BOTH_INT _BINARY_OP_" + t[0] + "_INT").step(GUARD_BOTH_INT)
          .step(Uop.valueOf("BINARY_OP_" + t[0] + "_INT")).inputs("a", "b")
          .pool("a", NUM_AND_OTHERS).pool("b", NUM_AND_OTHERS)
          .oracle(py("if not (small(a) and small(b)):", "    exit = 0",
              "elif not small(a " + t[1] + " b):", "    exit = 1", "else:",
              "    out = [a " + t[1] + " b]")));
    }
    for (String[] t : new String[][] {
        {"ADD", "+"}, {"SUBTRACT", "-"}, {"MULTIPLY", "*"}, {"TRUE_DIVIDE", "/"}}) {
      boolean div = t[0].equals("TRUE_DIVIDE");
      UopSpec spec = s("_GUARD_FLOAT_OPERANDS _BINARY_OP_" + t[0] + "_FLOAT")
          .step(GUARD_FLOAT_OPERANDS)
          .step(Uop.valueOf("BINARY_OP_" + t[0] + "_FLOAT")).inputs("a", "b")
          .pool("a", concat(FLOATS, List.of("1", "-7", "'ab'", "None")))
          .pool("b", concat(FLOATS, List.of("1", "3", "True")))
          .oracle(py("if not (" + FLOAT_OPERANDS + "):", "    exit = 0",
              div ? "elif b == 0.0:\n    exit = 1" : "elif False:\n    pass", "else:",
              "    out = [a " + t[1] + " b]"));
      l.add(spec);
    }
    rawFloats(l);
    l.add(s("_GUARD_BOTH_STR _BINARY_OP_ADD_STR").step(GUARD_BOTH_STR).step(BINARY_OP_ADD_STR)
        .inputs("a", "b").pool("a", concat(STRS, List.of("1", "[1]")))
        .pool("b", concat(STRS, List.of("None")))
        .oracle(py("if not (type(a) is str and type(b) is str):", "    exit = 0", "else:",
            "    out = [a + b]")));
    for (int op = 0; op < 6; op++) {
      String sym = CompareOp.symbol(op);
      l.add(s("_COMPARE_OP " + sym).step(COMPARE_OP, op).inputs("a", "b").pool("a", CMP)
          .pool("b", concat(CMP.subList(0, 8), List.of("'ab'", "None", "[1]", "(1,)", "C(1)")))
          .oracle("out = [a " + sym + " b]"));
      l.add(s("_GUARD_BOTH_INT _COMPARE_OP_INT " + sym).step(GUARD_BOTH_INT)
          .step(COMPARE_OP_INT, op).inputs("a", "b").pool("a", CMP).pool("b", CMP)
          .oracle(py("if not (small(a) and small(b)):", "    exit = 0", "else:",
              "    out = [a " + sym + " b]")));
      l.add(s("_GUARD_BOTH_FLOAT _COMPARE_OP_FLOAT " + sym).step(GUARD_BOTH_FLOAT)
          .step(COMPARE_OP_FLOAT, op).inputs("a", "b").pool("a", concat(FLOATS, List.of("1")))
          .pool("b", concat(FLOATS, List.of("None")))
          .oracle(py("if not (sfloat(a) and sfloat(b)):", "    exit = 0", "else:",
              "    out = [a " + sym + " b]")));
    }
    for (int op : new int[] {CompareOp.EQ, CompareOp.NE}) {
      String sym = CompareOp.symbol(op);
      l.add(s("_GUARD_BOTH_STR _COMPARE_OP_STR " + sym).step(GUARD_BOTH_STR)
          .step(COMPARE_OP_STR, op).inputs("a", "b").pool("a", concat(STRS, List.of("1")))
          .pool("b", concat(STRS, List.of("'abd'", "'ab'", "None")))
          .oracle(py("if not (type(a) is str and type(b) is str):", "    exit = 0", "else:",
              "    out = [a " + sym + " b]")));
    }
    // The guards on their own, over every kind of value.
    String[][] guards = {
        {"GUARD_BOTH_INT", "small(a) and small(b)"},
        {"GUARD_BOTH_FLOAT", "sfloat(a) and sfloat(b)"},
        {"GUARD_FLOAT_OPERANDS", FLOAT_OPERANDS},
        {"GUARD_BOTH_STR", "type(a) is str and type(b) is str"},
        {"GUARD_NOS_LIST", "type(a) is list"},
        {"GUARD_NOS_TUPLE", "type(a) is tuple"},
        {"GUARD_NOS_DICT", "type(a) is dict"}};
    for (String[] g : guards) {
      l.add(s("_" + g[0]).step(Uop.valueOf(g[0])).inputs("a", "b").pool("a", ALL)
          .pool("b", List.of("1", "2.5", "'s'", "[1]", "2**70"))
          .oracle(py("if not (" + g[1] + "):", "    exit = 0", "else:", "    out = [a, b]")));
    }
    l.add(s("_GUARD_TOS_INT").step(GUARD_TOS_INT).inputs("a").pool("a", concat(INTS, ALL))
        .oracle(py("if not small(a):", "    exit = 0", "else:", "    out = [a]")));
    l.add(s("_GUARD_TOS_TUPLE").step(GUARD_TOS_TUPLE).inputs("a")
        .pool("a", concat(ALL, List.of("()", "(1, 2, 3)")))
        .oracle(py("if type(a) is not tuple:", "    exit = 0", "else:", "    out = [a]")));
    for (int o = 0; o < 2; o++) {
      String op = o == 0 ? "is" : "is not";
      l.add(s("_IS_OP " + o).step(IS_OP, o).inputs("a", "b")
          .pool("a", "None", "1", "[1]", "C(1)", "2**70").pool("b", "a", "None", "[1]", "1")
          .oracle("out = [a " + op + " b]"));
      String in = o == 0 ? "in" : "not in";
      l.add(s("_CONTAINS_OP " + o).step(CONTAINS_OP, o).inputs("a", "b")
          .pool("a", "1", "'a'", "[1]", "None", "Key(1)", "2**70")
          .pool("b", "[1, 2]", "(1,)", "'abc'", "{'a': 1}", "{1, 2}", "range(3)", "5",
              "[Key(1)]", "gen3()", "[2**70]")
          .oracle("out = [a " + in + " b]"));
    }
    List<String> unaryPool = concat(concat(INTS, FLOATS), List.of("True", "'s'", "None", "[1]",
        "C(1)", "Truthy(False)", "Sized(0)"));
    for (String[] u : new String[][] {{"UNARY_POSITIVE", "+a"}, {"UNARY_NEGATIVE", "-a"},
        {"UNARY_NOT", "not a"}, {"UNARY_INVERT", "~a"}}) {
      l.add(s("_" + u[0]).step(Uop.valueOf(u[0])).inputs("a")
          .pool("a", u[0].equals("UNARY_NOT") ? TRUTHS : unaryPool)
          .oracle("out = [" + u[1] + "]"));
    }
  }

  /**
   * The unboxed float forms (decision 7) in the chains the pass allocation-removal makes: raw
   * results consumed by raw-input operations, one-sided guards next to raw operands, and exits
   * taken with raw slots live, whose stack must then hold the floats the boxed uops would have
   * left (the oracle's out).
   */
  private static void rawFloats(List<UopSpec> l) {
    String fop = "def fop(v):\n    return sfloat(v) or small(v)\n";
    for (String[] t : new String[][] {
        {"ADD", "+"}, {"SUBTRACT", "-"}, {"MULTIPLY", "*"}, {"TRUE_DIVIDE", "/"}}) {
      boolean div = t[0].equals("TRUE_DIVIDE");
      Uop raw = Uop.valueOf("BINARY_OP_" + t[0] + "_FLOAT_RAW");
      String op = " " + t[1] + " ";
      // c + (a op b), then that sum / (x * x): masks 4, 6 and 3, _GUARD_NOS_FLOAT_OPERAND.
      l.add(s("raw floats: c + (a" + op + "b), / (x * x)")
          .step(GUARD_FLOAT_OPERANDS).step(raw, Uop.RAW_RESULT)
          .step(GUARD_NOS_FLOAT_OPERAND)
          .step(BINARY_OP_ADD_FLOAT_RAW, Uop.RAW_TOS | Uop.RAW_RESULT)
          .step(LOAD_FAST, 0).step(LOAD_FAST, 0).step(GUARD_FLOAT_OPERANDS)
          .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
          .step(BINARY_OP_TRUE_DIVIDE_FLOAT_RAW, Uop.RAW_NOS | Uop.RAW_TOS)
          .inputs("c", "a", "b").locals("x")
          .pool("c", "2.0", "1", "None").pool("a", "1.5", "7", "'ab'")
          .pool("b", "0.5", "-0.0", "3").pool("x", "0.0", "2.5", "1", "1e-200")
          .prep(fop)
          .oracle(py("if not (" + FLOAT_OPERANDS + "):", "    exit = 0",
              div ? "elif b == 0.0:\n    exit = 1" : "elif False:\n    pass",
              "else:",
              "    r = a" + op + "b",
              "    if not fop(c):",
              "        exit = 2",
              "        out = [c, r]",
              "    elif not sfloat(x):",
              "        exit = 6",
              "        out = [c + r, x, x]",
              "    elif x * x == 0.0:",
              "        exit = 8",
              "        out = [c + r, x * x]",
              "    else:",
              "        out = [(c + r) / (x * x)]")));
      // ((a op b) op c) op (d * d), then - c: masks 4, 5, 7 and 1, _GUARD_TOS_FLOAT_OPERAND.
      l.add(s("raw floats: ((a" + op + "b)" + op + "c)" + op + "(d * d) - c")
          .step(LOAD_FAST, 0).step(LOAD_FAST, 1).step(GUARD_FLOAT_OPERANDS)
          .step(raw, Uop.RAW_RESULT)
          .step(LOAD_FAST, 2).step(GUARD_TOS_FLOAT_OPERAND)
          .step(raw, Uop.RAW_NOS | Uop.RAW_RESULT)
          .step(LOAD_FAST, 3).step(LOAD_FAST, 3).step(GUARD_FLOAT_OPERANDS)
          .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
          .step(raw, Uop.RAW_NOS | Uop.RAW_TOS | Uop.RAW_RESULT)
          .step(LOAD_FAST, 2).step(BINARY_OP_SUBTRACT_FLOAT_RAW, Uop.RAW_NOS)
          .locals("a", "b", "c", "d")
          .pool("a", "1.5", "-2.25", "7", "'ab'").pool("b", "0.5", "-0.0", "3", "None")
          .pool("c", "2.0", "0", "float('nan')", "[1]")
          .pool("d", "1e200", "0.0", "-3.5", "2")
          .prep(fop)
          .oracle(py("if not (" + FLOAT_OPERANDS + "):", "    exit = 2", "    out = [a, b]",
              div ? "elif b == 0.0:\n    exit = 3\n    out = [a, b]" : "elif False:\n    pass",
              "else:",
              "    r1 = a" + op + "b",
              "    if not fop(c):",
              "        exit = 5",
              "        out = [r1, c]",
              div ? "    elif c == 0:\n        exit = 6\n        out = [r1, c]"
                  : "    elif False:\n        pass",
              "    elif not sfloat(d):",
              "        exit = 9",
              "        out = [r1" + op + "c, d, d]",
              div ? "    elif d * d == 0.0:\n        exit = 11\n        out = [r1 / c, d * d]"
                  : "    elif False:\n        pass",
              "    else:",
              "        out = [((r1" + op + "c)" + op + "(d * d)) - c]")));
    }
    for (int cmp = 0; cmp < 6; cmp++) {
      String sym = " " + CompareOp.symbol(cmp) + " ";
      // (a * b) cmp c, the product raw, c boxed (a float or small int), then both raw:
      // (a * b) cmp (c - c).
      l.add(s("raw floats: (a * b)" + sym + "c, (a * b)" + sym + "(c - c)")
          .step(LOAD_FAST, 0).step(LOAD_FAST, 1).step(GUARD_FLOAT_OPERANDS)
          .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
          .step(LOAD_FAST, 2).step(GUARD_TOS_FLOAT_OPERAND)
          .step(COMPARE_OP_FLOAT_RAW, cmp << Uop.RAW_COMPARE_SHIFT | Uop.RAW_NOS)
          .step(LOAD_FAST, 0).step(LOAD_FAST, 1)
          .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
          .step(LOAD_FAST, 2).step(LOAD_FAST, 2)
          .step(BINARY_OP_SUBTRACT_FLOAT_RAW, Uop.RAW_RESULT)
          .step(COMPARE_OP_FLOAT_RAW, cmp << Uop.RAW_COMPARE_SHIFT | Uop.RAW_NOS | Uop.RAW_TOS)
          .locals("a", "b", "c")
          .pool("a", "1.5", "-0.0", "7", "'ab'").pool("b", "0.5", "float('nan')", "3")
          .pool("c", "0.75", "0", "float('inf')", "-2", "None")
          .prep(fop)
          .oracle(py("if not (" + FLOAT_OPERANDS + "):", "    exit = 2", "    out = [a, b]",
              "else:",
              "    r = a * b",
              "    if not fop(c):",
              "        exit = 5",
              "        out = [r, c]",
              "    else:",
              "        out = [r" + sym + "c, r" + sym + "(c - c)]")));
    }
    for (String[] g : new String[][] {
        {"GUARD_TOS_FLOAT_OPERAND", "b"}, {"GUARD_NOS_FLOAT_OPERAND", "a"}}) {
      // Alone, over every kind of value; the slot it does not read holds a float here.
      l.add(s("_" + g[0]).step(Uop.valueOf(g[0])).inputs("a", "b")
          .pool(g[1], concat(ALL, List.of("1e300", "True")))
          .pool(g[1].equals("a") ? "b" : "a", "2.5")
          .oracle(py("if not (sfloat(" + g[1] + ") or small(" + g[1] + ")):", "    exit = 0",
              "else:", "    out = [a, b]")));
    }
  }

  private static void subscripts(List<UopSpec> l) {
    l.add(s("_BINARY_SUBSCR").step(BINARY_SUBSCR).inputs("a", "b")
        .pool("a", "[10, 20, 30]", "(10, 20)", "{'k': 1, 2: 'two'}", "'abc'", "range(5)",
            "MyDict({'k': 3})", "5", "None")
        .pool("b", "0", "2", "-1", "3", "-4", "'k'", "2**70", "slice(1, None)", "True", "2.0")
        .oracle("out = [a[b]]"));
    List<String> seqIndex = List.of("0", "1", "2", "3", "-1", "-4", "2**62 - 1", "-2**62",
        "2**70", "True", "'k'", "1.0");
    l.add(s("_GUARD_TOS_INT _GUARD_NOS_LIST _BINARY_SUBSCR_LIST_INT").step(GUARD_TOS_INT)
        .step(GUARD_NOS_LIST).step(BINARY_SUBSCR_LIST_INT).inputs("a", "b")
        .pool("a", "[]", "[10, 20, 30]", "(10, 20)", "MyList([1, 2])", "'ab'", "{0: 'z'}")
        .pool("b", seqIndex)
        .oracle(py("if not small(b):", "    exit = 0", "elif type(a) is not list:", "    exit = 1",
            "elif not (0 <= b < len(a)):", "    exit = 2", "else:", "    out = [a[b]]")));
    l.add(s("_GUARD_TOS_INT _GUARD_NOS_TUPLE _BINARY_SUBSCR_TUPLE_INT").step(GUARD_TOS_INT)
        .step(GUARD_NOS_TUPLE).step(BINARY_SUBSCR_TUPLE_INT).inputs("a", "b")
        .pool("a", "()", "(10, 20, 30)", "[10, 20]", "'ab'", "(None,)").pool("b", seqIndex)
        .oracle(py("if not small(b):", "    exit = 0", "elif type(a) is not tuple:",
            "    exit = 1", "elif not (0 <= b < len(a)):", "    exit = 2", "else:",
            "    out = [a[b]]")));
    List<String> keys = List.of("'k'", "2", "2.0", "Key(1)", "[1]", "'missing'", "True",
        "2**70", "-0.0");
    List<String> dicts = List.of("{'k': 1, 2: 'two', Key(1): 'key1', 2**70: 'big', 0: 'zero'}",
        "{}", "MyDict(k=2)", "[1]", "(1,)");
    l.add(s("_GUARD_NOS_DICT _BINARY_SUBSCR_DICT").step(GUARD_NOS_DICT).step(BINARY_SUBSCR_DICT)
        .inputs("a", "b").pool("a", dicts).pool("b", keys)
        .oracle(py("if type(a) is not dict:", "    exit = 0", "else:", "    out = [a[b]]")));
    l.add(s("_STORE_SUBSCR").step(STORE_SUBSCR).inputs("v", "a", "b")
        .pool("a", "[10, 20, 30]", "{'k': 1}", "(1, 2)", "MyDict()", "'abc'")
        .pool("b", "0", "-1", "5", "'k'", "[1]").pool("v", "'v'").oracle("a[b] = v\nout = []"));
    l.add(s("_GUARD_TOS_INT _GUARD_NOS_LIST _STORE_SUBSCR_LIST_INT").step(GUARD_TOS_INT)
        .step(GUARD_NOS_LIST).step(STORE_SUBSCR_LIST_INT).inputs("v", "a", "b")
        .pool("a", "[]", "[10, 20, 30]", "(10, 20)", "MyList([1, 2])", "{0: 'z'}")
        .pool("b", seqIndex).pool("v", "'v'")
        .oracle(py("if not small(b):", "    exit = 0", "elif type(a) is not list:", "    exit = 1",
            "elif not (0 <= b < len(a)):", "    exit = 2", "else:", "    a[b] = v",
            "    out = []")));
    l.add(s("_GUARD_NOS_DICT _STORE_SUBSCR_DICT").step(GUARD_NOS_DICT).step(STORE_SUBSCR_DICT)
        .inputs("v", "a", "b").pool("a", dicts).pool("b", keys).pool("v", "'v'")
        .oracle(py("if type(a) is not dict:", "    exit = 0", "else:", "    a[b] = v",
            "    out = []")));
    l.add(s("_DELETE_SUBSCR").step(DELETE_SUBSCR).inputs("a", "b")
        .pool("a", "[10, 20, 30]", "{'k': 1, 2: 'two'}", "(1, 2)", "'abc'")
        .pool("b", "0", "-1", "5", "'k'", "2.0", "slice(0, 2)").oracle("del a[b]\nout = []"));
    l.add(s("_BUILD_SLICE 2").step(BUILD_SLICE, 2).inputs("a", "b").pool("a", "None", "1", "'s'")
        .pool("b", "-1", "None", "2**70").oracle("out = [slice(a, b)]"));
    l.add(s("_BUILD_SLICE 3").step(BUILD_SLICE, 3).inputs("a", "b", "c").pool("a", "None", "1")
        .pool("b", "-1", "None").pool("c", "2", "None", "0")
        .oracle("out = [slice(a, b, c)]"));
  }

  private static void building(List<UopSpec> l) {
    String[] in = {"a", "b", "c"};
    for (int n = 0; n <= 3; n++) {
      String[] args = java.util.Arrays.copyOf(in, n);
      String joined = String.join(", ", args);
      l.add(s("_BUILD_TUPLE " + n).step(BUILD_TUPLE, n).inputs(args)
          .pool("a", "1", "[2]").pool("b", "'s'").pool("c", "C(1)", "None")
          .oracle("out = [(" + joined + (n == 1 ? "," : "") + ")]"));
      l.add(s("_BUILD_LIST " + n).step(BUILD_LIST, n).inputs(args)
          .pool("a", "1", "[2]").pool("b", "'s'").pool("c", "C(1)", "None")
          .oracle("out = [[" + joined + "]]"));
      l.add(s("_BUILD_SET " + n).step(BUILD_SET, n).inputs(args)
          .pool("a", "1", "[2]", "'s'").pool("b", "'s'", "1.0").pool("c", "Key(1)", "None")
          .oracle("out = [" + (n == 0 ? "set()" : "{" + joined + "}") + "]"));
      l.add(s("_BUILD_STRING " + n).step(BUILD_STRING, n).inputs(args)
          .pool("a", "''", "'x'").pool("b", "'\\u00e9'", "'yz'").pool("c", "'\\U0001f600'")
          .oracle("out = [''" + (n == 0 ? "" : " + " + String.join(" + ", args)) + "]"));
    }
    // Tuples in coarser size classes (80 and 96 bytes), which the native path allocates from
    // the heap's class table.
    for (int n : new int[] {7, 9}) {
      String[] args = new String[n];
      java.util.Arrays.setAll(args, i -> "a" + i);
      UopSpec spec = s("_BUILD_TUPLE " + n).step(BUILD_TUPLE, n).inputs(args)
          .oracle("out = [(" + String.join(", ", args) + ")]");
      for (int i = 0; i < n; i++) {
        spec = spec.pool("a" + i, i % 2 == 0 ? String.valueOf(i) : "'s" + i + "'");
      }
      l.add(spec);
    }
    // An empty set the native path made, then filled: where its table (mask) puts the keys
    // shows in their order.
    l.add(s("_BUILD_SET 0 _SWAP 3 _SET_ADD 2 _SET_ADD 1").step(BUILD_SET, 0).step(SWAP, 3)
        .step(SET_ADD, 2).step(SET_ADD, 1).inputs("a", "b").pool("a", "1", "17", "'s'")
        .pool("b", "0", "9", "2").oracle("out = [{a, b}]"));
    l.add(s("_BUILD_MAP 0").step(BUILD_MAP, 0).pool("z", "0").oracle("out = [{}]"));
    l.add(s("_BUILD_MAP 2").step(BUILD_MAP, 2).inputs("a", "b", "c", "d")
        .pool("a", "'k'", "1", "[1]").pool("b", "'v'").pool("c", "'k'", "1.0", "Key(1)")
        .pool("d", "None").oracle("out = [{a: b, c: d}]"));
    l.add(s("_BUILD_CONST_KEY_MAP 2").step(BUILD_CONST_KEY_MAP, 2).inputs("a", "b", "k")
        .pool("a", "1").pool("b", "'two'", "[2]").pool("k", "('x', 'y')", "('x', 'x')")
        .oracle("out = [{k[0]: a, k[1]: b}]"));
    for (int n = 1; n <= 2; n++) {
      String[] ins = n == 1 ? new String[] {"c", "v"} : new String[] {"c", "x", "v"};
      String keep = n == 1 ? "c" : "c, x";
      // Empty, full (of 1, 5 and 9 items: growths into exact and coarser size classes, which
      // the native path allocates from the heap's class table) and roomy lists.
      l.add(s("_LIST_APPEND " + n).step(LIST_APPEND, n).inputs(ins)
          .pool("c", "[]", "[1]", "_full(5)", "_full(9)", "_roomy()")
          .pool("x", "'x'").pool("v", "2", "[3]").oracle("c.append(v)\nout = [" + keep + "]"));
      // The native path's cases: a small int found, or inserted after probing past other
      // keys (17 and 9 probe slot 1 first; 1064 probes slot 0, then 1 and 2 by the perturbed
      // step, which the order of {0, 1, 4} shows); -1, whose hash is -2; an equal float; a
      // set with a deleted slot (9 discarded); inserts that make the set resize, with and
      // without cells for its new table (the order shows the keys re-placed); an unhashable.
      l.add(s("_SET_ADD " + n).step(SET_ADD, n).inputs(ins)
          .pool("c", "set()", "{1}", "{1, 17, 33}", "{0, 1, 4}", "{3, 4, 5, 6}",
              "_after_a_resize({3, 4, 12, 6})", "_discarded({1, 9}, 9)")
          .pool("x", "'x'").pool("v", "1", "17", "9", "1064", "-1", "1.0", "[3]")
          .oracle("c.add(v)\nout = [" + keep + "]"));
      // Native for lists and tuples, into empty, full (growing), roomy and long lists.
      l.add(s("_LIST_EXTEND " + n).step(LIST_EXTEND, n).inputs(ins)
          .pool("c", "[]", "[1]", "_full(5)", "_roomy()", "list(range(30))")
          .pool("x", "'x'").pool("v", "[2, 3]", "(4,)", "()", "[]", "tuple(range(20))",
              "MyList([6])", "'ab'", "range(2)", "gen3()", "5", "{'k': 1}")
          .oracle("c.extend([*v])\nout = [" + keep + "]"));
      l.add(s("_SET_UPDATE " + n).step(SET_UPDATE, n).inputs(ins).pool("c", "set()", "{1}")
          .pool("x", "'x'").pool("v", "[2, 3]", "'ab'", "5", "[[1]]")
          .oracle("c.update(v)\nout = [" + keep + "]"));
      l.add(s("_DICT_UPDATE " + n).step(DICT_UPDATE, n).inputs(ins).pool("c", "{}", "{'a': 1}")
          .pool("x", "'x'").pool("v", "{'a': 2, 'b': 3}", "MyDict(z=1)", "5", "[('a', 1)]")
          .oracle("c.update({**v})\nout = [" + keep + "]"));
    }
    l.add(s("_MAP_ADD 1").step(MAP_ADD, 1).inputs("c", "k", "v").pool("c", "{}", "{'a': 1}")
        .pool("k", "'a'", "Key(2)", "[1]").pool("v", "'v'")
        .oracle("c[k] = v\nout = [c]"));
    // _DICT_MERGE names the callee in its errors: the stack is [NULL, f, args, kwargs, m].
    l.add(s("_DICT_MERGE 1").step(DICT_MERGE, 1).inputs("NULL", "f", "t", "c", "m")
        .pool("f", "fn2", "len").pool("t", "()").pool("c", "{}", "{'p': 1}")
        .pool("m", "{'p': 2}", "{'q': 3}", "MyDict(q=1)", "5", "{1: 2}")
        .oracle(py("_name = (f.__qualname__ + '()') if type(f) is type(fn2) else 'function'",
            "if not hasattr(m, 'keys'):",
            "    raise TypeError(_name + ' argument after ** must be a mapping, not '"
                + " + type(m).__name__)",
            "for _k in m.keys():",
            "    if type(_k) is not str:",
            "        raise TypeError('keywords must be strings')",
            "    if _k in c:",
            "        raise TypeError(_name + \" got multiple values for keyword argument '\""
                + " + _k + \"'\")",
            "    c[_k] = m[_k]",
            "out = [NULL, f, t, c]")));
    l.add(s("_LIST_TO_TUPLE").step(LIST_TO_TUPLE).inputs("a").pool("a", "[]", "[1, [2]]")
        .oracle("out = [tuple(a)]"));
    String[] conv = {"", "!s", "!r", "!a"};
    List<String> fmtValues = List.of("1", "2.5", "'abc'", "'\\u00e9'", "None", "C(1)", "2**70",
        "float('nan')", "-0.0");
    for (int o = 0; o < 8; o++) {
      boolean spec = (o & 4) != 0;
      String f = "f'{a" + conv[o & 3] + (spec ? ":{s}" : "") + "}'";
      UopSpec sp = s("_FORMAT_VALUE " + o).step(FORMAT_VALUE, o)
          .inputs(spec ? new String[] {"a", "s"} : new String[] {"a"}).pool("a", fmtValues)
          .oracle("out = [" + f + "]");
      if (spec) {
        sp.pool("s", "''", "'>6'", "'.2f'", "'x'");
      }
      l.add(sp);
    }
    List<String> seqs = List.of("(1, 2)", "[1, 2]", "'ab'", "(1, 2, 3)", "range(2)", "gen3()",
        "5", "{'a': 1, 'b': 2}", "Counter(2)", "()", "(1,)");
    l.add(s("_UNPACK_SEQUENCE 2").step(UNPACK_SEQUENCE, 2).inputs("a").pool("a", seqs)
        .oracle("_x, _y = a\nout = [_y, _x]"));
    l.add(s("_UNPACK_SEQUENCE 3").step(UNPACK_SEQUENCE, 3).inputs("a").pool("a", seqs)
        .oracle("_x, _y, _z = a\nout = [_z, _y, _x]"));
    l.add(s("_UNPACK_SEQUENCE 1").step(UNPACK_SEQUENCE, 1).inputs("a").pool("a", seqs)
        .oracle("_x, = a\nout = [_x]"));
    l.add(s("_GUARD_TOS_TUPLE _UNPACK_SEQUENCE_TWO_TUPLE").step(GUARD_TOS_TUPLE)
        .step(UNPACK_SEQUENCE_TWO_TUPLE).inputs("a").pool("a", seqs)
        .oracle(py("if type(a) is not tuple:", "    exit = 0", "elif len(a) != 2:", "    exit = 1",
            "else:", "    _x, _y = a", "    out = [_y, _x]")));
    l.add(s("_UNPACK_EX 1|1<<8").step(UNPACK_EX, 1 | (1 << 8)).inputs("a").pool("a", seqs)
        .oracle("_x, *_m, _y = a\nout = [_y, _m, _x]"));
    l.add(s("_UNPACK_EX 0|1<<8").step(UNPACK_EX, 1 << 8).inputs("a").pool("a", seqs)
        .oracle("*_m, _y = a\nout = [_y, _m]"));
    l.add(s("_UNPACK_EX 2").step(UNPACK_EX, 2).inputs("a").pool("a", seqs)
        .oracle("_x, _y, *_m = a\nout = [_m, _y, _x]"));
  }

  private static void branches(List<UopSpec> l) {
    l.add(s("_POP_JUMP_IF_FALSE (block)").step(POP_JUMP_IF_FALSE).jumpEffect(-1).inputs("a")
        .pool("a", TRUTHS).oracle("jump = not a\nout = []"));
    l.add(s("_POP_JUMP_IF_TRUE (block)").step(POP_JUMP_IF_TRUE).jumpEffect(-1).inputs("a")
        .pool("a", TRUTHS).oracle("jump = bool(a)\nout = []"));
    l.add(s("_POP_JUMP_IF_NONE (block)").step(POP_JUMP_IF_NONE).jumpEffect(-1).inputs("a")
        .pool("a", TRUTHS).oracle("jump = a is None\nout = []"));
    l.add(s("_POP_JUMP_IF_NOT_NONE (block)").step(POP_JUMP_IF_NOT_NONE).jumpEffect(-1)
        .inputs("a").pool("a", TRUTHS).oracle("jump = a is not None\nout = []"));
    l.add(s("_JUMP_IF_FALSE_OR_POP (block)").step(JUMP_IF_FALSE_OR_POP).jumpEffect(0)
        .inputs("a").pool("a", TRUTHS)
        .oracle(py("if not a:", "    jump = True", "    out = [a]", "else:", "    out = []")));
    l.add(s("_JUMP_IF_TRUE_OR_POP (block)").step(JUMP_IF_TRUE_OR_POP).jumpEffect(0)
        .inputs("a").pool("a", TRUTHS)
        .oracle(py("if a:", "    jump = True", "    out = [a]", "else:", "    out = []")));
    String[][] guards = {{"GUARD_IS_TRUE_POP", "a is True", "[]"},
        {"GUARD_IS_FALSE_POP", "a is False", "[]"}, {"GUARD_IS_NONE_POP", "a is None", "[]"},
        {"GUARD_IS_NOT_NONE_POP", "a is not None", "[]"}, {"GUARD_IS_TRUE", "a is True", "[a]"},
        {"GUARD_IS_FALSE", "a is False", "[a]"}};
    for (String[] g : guards) {
      l.add(s("_" + g[0]).step(Uop.valueOf(g[0])).inputs("a").pool("a", TRUTHS)
          .oracle(py("if not (" + g[1] + "):", "    exit = 0", "else:", "    out = " + g[2])));
    }
  }

  private static void iteration(List<UopSpec> l) {
    l.add(s("_GET_ITER").step(GET_ITER).inputs("a")
        .pool("a", "[1, 2]", "(3,)", "'ab'", "range(2)", "{'k': 1}", "{5}", "gen3()",
            "Counter(2)", "5", "None", "iter([1, 2])", "_advance(iter([1, 2]), 1)", "[]", "()",
            "range(-3, 8, 2)", "range(5, 0, -1)", "range(2**70, 2**70 + 2)", "MyList([4])")
        .oracle("out = [iter(a)]"));
    l.add(s("_GET_YIELD_FROM_ITER").step(GET_YIELD_FROM_ITER).inputs("a")
        .pool("a", "[1, 2]", "gen3()", "'ab'", "5", "iter((1,))")
        .oracle("out = [a if type(a) is Gen else iter(a)]"));
    String next = py("try:", "    _v = next(it)", "except StopIteration:", "    jump = True",
        "    out = []", "else:", "    out = [it, _v]");
    l.add(s("_FOR_ITER (block)").step(FOR_ITER).jumpEffect(-1).inputs("it")
        .pool("mk", ITERABLES).pool("adv", "0", "1", "2").prep(MAKE_ITER).observe("it").observe("left")
        .oracle(next));
    l.add(s("_SEND (block)").step(SEND).jumpEffect(-1).inputs("r", "v")
        .pool("r", "gen3()", "iter([7])", "iter(())").pool("v", "None")
        .oracle(py("try:", "    _y = next(r) if type(r) is not Gen else r.send(v)",
            "except StopIteration as _e:", "    jump = True", "    out = [_e.value]", "else:",
            "    out = [r, _y]")));
    l.add(s("_FOR_ITER_TIER_TWO").step(FOR_ITER_TIER_TWO).exitDelta(0, -1).inputs("it")
        .pool("mk", ITERABLES).pool("adv", "0", "1", "2").prep(MAKE_ITER).observe("it")
        .oracle(py("try:", "    _v = next(it)", "except StopIteration:", "    exit = 0",
            "    out = []", "else:", "    out = [it, _v]")));
    for (String[] k : new String[][] {{"RANGE", "RangeIter"}, {"LIST", "ListIter"},
        {"TUPLE", "TupleIter"}}) {
      Uop check = Uop.valueOf("ITER_CHECK_" + k[0]);
      l.add(s("_" + check.name()).step(check).inputs("it").pool("mk", ITERABLES)
          .pool("adv", "0", "2").prep(MAKE_ITER).observe("it")
          .oracle(py("if type(it) is not " + k[1] + ":", "    exit = 0", "else:",
              "    out = [it]")));
      // The block form of FOR_ITER_<K>: check, jump when exhausted, else next.
      l.add(s("_" + check.name() + " _ITER_JUMP_" + k[0] + " _ITER_NEXT_" + k[0] + " (block)")
          .step(check).step(Uop.valueOf("ITER_JUMP_" + k[0]))
          .step(Uop.valueOf("ITER_NEXT_" + k[0])).jumpEffect(-1).inputs("it")
          .pool("mk", ITERABLES).pool("adv", "0", "1", "2", "3").prep(MAKE_ITER).observe("it")
          .oracle(py("if type(it) is not " + k[1] + ":", "    exit = 0", "else:",
              "    try:", "        _v = next(it)", "    except StopIteration:",
              "        jump = True", "        out = []", "    else:",
              "        out = [it, _v]")));
      // The trace form: check, exit when exhausted (as FOR_ITER does then: marking the
      // iterator exhausted, which a failed next() does too, and popping it, since the exit
      // resumes after the loop), else next.
      l.add(s("_" + check.name() + " _GUARD_NOT_EXHAUSTED_" + k[0] + " _ITER_NEXT_" + k[0])
          .step(check).step(Uop.valueOf("GUARD_NOT_EXHAUSTED_" + k[0]))
          .step(Uop.valueOf("ITER_NEXT_" + k[0])).exitDelta(1, -1).inputs("it")
          .pool("mk", ITERABLES).pool("adv", "0", "1", "2", "3").prep(MAKE_ITER).observe("it")
          .observe("left")
          .oracle(py("if type(it) is not " + k[1] + ":", "    exit = 0", "elif left <= 0:",
              "    exit = 1", "    out = []", "    next(it, None)", "else:",
              "    out = [it, next(it)]")));
      // The trace form of the loop-leaving path: check, exit (changing nothing) while an
      // item is left, else mark the iterator exhausted and pop it.
      l.add(s("_" + check.name() + " _GUARD_EXHAUSTED_" + k[0] + "_POP")
          .step(check).step(Uop.valueOf("GUARD_EXHAUSTED_" + k[0] + "_POP")).inputs("it")
          .pool("mk", ITERABLES).pool("adv", "0", "1", "2", "3").prep(MAKE_ITER).observe("it")
          .observe("left")
          .oracle(py("if type(it) is not " + k[1] + ":", "    exit = 0", "elif left > 0:",
              "    exit = 1", "else:", "    next(it, None)", "    out = []")));
    }
  }

  private static void calls(List<UopSpec> l) {
    List<String> callees = List.of("fn0", "fn1", "fn2", "fndef", "fnvar", "boom", "len", "C",
        "ident", "abs", "Key", "5", "C(1).meth", "max");
    String[][] arities = {{}, {"x"}, {"x", "y"}};
    for (int n = 0; n <= 2; n++) {
      List<String> ins = new ArrayList<>(List.of("NULL", "f"));
      ins.addAll(List.of(arities[n]));
      l.add(s("_CALL_GENERIC " + n).step(CALL_GENERIC, n).inputs(ins.toArray(new String[0]))
          .pool("f", callees).pool("x", "1", "'s'").pool("y", "[2]")
          .oracle("out = [f(" + String.join(", ", arities[n]) + ")]"));
    }
    l.add(s("_CALL_GENERIC 1 (method form)").step(CALL_GENERIC, 1).inputs("f", "o", "x")
        .pool("f", "fn2", "fnvar", "C.meth", "fn1").pool("o", "C(1)").pool("x", "3")
        .oracle("out = [f(o, x)]"));
    l.add(s("_KW_NAMES _CALL_GENERIC 2").step(KW_NAMES, c -> c.constIndex("('end',)"), c -> 0)
        .step(CALL_GENERIC, 2).inputs("NULL", "f", "x", "y")
        .pool("f", "fnvar", "fn2", "fnkw", "boom", "C").pool("x", "1").pool("y", "'e'")
        .oracle("out = [f(x, end=y)]"));
    l.add(s("_CHECK_CALLABLE").step(CHECK_CALLABLE, c -> 1, c -> c.get("want"))
        .inputs("NULL", "f", "x").pool("want", "len", "abs", "fn1")
        .pool("f", "len", "abs", "fn1", "ident").pool("x", "[1]")
        .oracle(py("if f is not want:", "    exit = 0", "else:", "    out = [NULL, f, x]")));
    l.add(s("_CHECK_CALLABLE _CALL_BUILTIN").step(CHECK_CALLABLE, c -> 1, c -> c.get("want"))
        .step(CALL_BUILTIN, 1).inputs("NULL", "f", "x").pool("want", "len", "abs")
        .pool("f", "len", "abs", "repr").pool("x", "[1]", "-2", "'s'", "2**70")
        .oracle(py("if f is not want:", "    exit = 0", "else:", "    out = [f(x)]")));
    // The native forms of _CALL_BUILTIN: their fast paths and the arguments they leave to the
    // generic call (a user __len__, a big int, a negative root, a bool) must all be the call.
    l.add(s("_CALL_LEN").step(CALL_LEN, 1).inputs("NULL", "f", "x").pool("f", "len")
        .pool("x", "[1, 2]", "[]", "()", "(1, 2, 3)", "'abc'", "''", "'\\u20ac2'", "{1: 2}",
            "{1, 2, 3}", "set()", "_discarded({1, 2}, 2)", "frozenset({1})", "Sized(4)", "C()")
        .oracle("out = [f(x)]"));
    // list.append on its receiver: exact lists of every fullness (empty, full of 1, 5 and 9
    // items, roomy) append natively; a subclass's instance and a tuple take the generic call
    // (a TypeError for the tuple), as does the unbound form.
    l.add(s("_CALL_LIST_APPEND").step(CALL_LIST_APPEND, 1).inputs("m", "o", "x")
        .pool("m", "list.append")
        .pool("o", "[]", "[1]", "_full(5)", "_full(9)", "_roomy()", "MyList([1])", "(1,)")
        .pool("x", "2", "[3]").oracle("out = [m(o, x)]"));
    l.add(s("_CALL_LIST_APPEND (unbound)").step(CALL_LIST_APPEND, 1).inputs("NULL", "f", "x")
        .pool("f", "list.append").pool("x", "[1]").oracle("out = [f(x)]").anyPaths());
    // list.pop() on its receiver: from short, full and roomy lists; an empty list's
    // IndexError, a subclass's instance, a tuple and the unbound form take the generic call.
    // (Whether a pop shrinks the items array, which the native path leaves to the runtime, is
    // not visible to a program.)
    l.add(s("_CALL_LIST_POP").step(CALL_LIST_POP, 0).inputs("m", "o")
        .pool("m", "list.pop")
        .pool("o", "[]", "[1]", "[1, [2]]", "_full(9)", "_roomy()", "list(range(40))",
            "MyList([1])", "(1,)")
        .oracle("out = [m(o)]"));
    l.add(s("_CALL_LIST_POP (unbound)").step(CALL_LIST_POP, 0).inputs("NULL", "f")
        .pool("f", "list.pop").oracle("out = [f()]").anyPaths());
    // int(x): small ints, floats on both sides of 2**62 and of zero, the non-finite ones, and
    // what only the generic call converts (a bool, a big int, a str, a user __int__... C(1)
    // has none: TypeError).
    l.add(s("_CALL_INT").step(CALL_INT, 1).inputs("NULL", "f", "x").pool("f", "int")
        .pool("x", "0", "-7", "2**62 - 1", "-2**62", "2**70", "2.7", "-2.7", "-0.0", "0.5",
            "4611686018427387904.0", "4611686018427386880.0", "-4611686018427386880.0",
            "-4611686018427387904.0", "1e300", "float('nan')", "float('inf')", "True", "'12'",
            "C(1)")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_MATH_FLOOR").step(CALL_MATH_FLOOR, 1).inputs("NULL", "f", "x")
        .pool("f", "math.floor")
        .pool("x", "0", "-7", "2**62 - 1", "2**70", "2.7", "-2.7", "-0.0", "0.0", "-0.5", "3.0",
            "-3.0", "4503599627370495.5", "-4503599627370495.5", "4503599627370496.0",
            "4611686018427386880.0", "-4611686018427386880.0", "4611686018427387904.0", "1e300",
            "float('nan')", "float('-inf')", "True", "'1'")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_TUPLE").step(CALL_TUPLE, 1).inputs("NULL", "f", "x").pool("f", "tuple")
        .pool("x", "(1, 2)", "()", "[1, [2]]", "[]", "_full(9)", "_roomy()", "MyList([3])",
            "'ab'", "range(2)", "5")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_FLOAT").step(CALL_FLOAT, 1).inputs("NULL", "f", "x").pool("f", "float")
        .pool("x", "0", "-7", "2**53 + 1", "2**62 - 1", "-2**62", "2**70", "2.5", "-0.0",
            "float('nan')", "True", "'1.5'", "C(1)")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_ABS").step(CALL_ABS, 1).inputs("NULL", "f", "x").pool("f", "abs")
        .pool("x", "-3", "3", "0", "-2**62", "2**62 - 1", "2**70", "-2.5", "2.5", "-0.0", "0.0",
            "float('-inf')", "True", "'s'")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_RANGE 1").step(CALL_RANGE, 1).inputs("NULL", "f", "x").pool("f", "range")
        .pool("x", "5", "0", "-3", "2**62 - 1", "-2**62", "2**70", "True", "2.5", "'s'")
        .oracle("out = [f(x)]"));
    l.add(s("_CALL_RANGE 2").step(CALL_RANGE, 2).inputs("NULL", "f", "x", "y")
        .pool("f", "range").pool("x", "-2**62", "-1", "0", "7", "2**70")
        .pool("y", "-2**62", "0", "3", "2**62 - 1", "2.5")
        .oracle("out = [f(x, y)]"));
    l.add(s("_CALL_MATH_SQRT").step(CALL_MATH_SQRT, 1).inputs("NULL", "f", "x")
        .pool("f", "math.sqrt")
        .pool("x", "4", "2", "0", "2.25", "-0.0", "1e308", "float('inf')", "-1", "-1.5",
            "float('nan')", "2**70", "'s'")
        .oracle("out = [f(x)]"));
    // math.sin and math.cos call the C library natively for finite floats and small ints
    // (0.1975308624 and 26.9382713598: where Java's Math differs from it in the last bit); the
    // infinities' ValueError, NaN, a big int, a bool and a str take the generic call.
    for (String name : new String[] {"sin", "cos"}) {
      l.add(s("_CALL_MATH_" + name.toUpperCase(java.util.Locale.ROOT))
          .step(name.equals("sin") ? CALL_MATH_SIN : CALL_MATH_COS, 1)
          .inputs("NULL", "f", "x").pool("f", "math." + name)
          .pool("x", "0", "-7", "2**62 - 1", "2**70", "0.5", "-0.0", "0.1975308624",
              "26.9382713598", "1e300", "5e-324", "float('inf')", "float('-inf')",
              "float('nan')", "True", "'s'")
          .oracle("out = [f(x)]"));
    }
    l.add(s("_CALL_MATH_SIN (method form)").step(CALL_MATH_SIN, 1)
        .inputs("m", "o", "x").pool("m", "math.sin").pool("o", "2.0").pool("x", "4.0")
        .oracle("out = [m(o, x)]").anyPaths());
    // The raw form (allocation-removal) sees only floats: boxed, or raw from float arithmetic.
    l.add(s("_CALL_MATH_SQRT_RAW 0").step(CALL_MATH_SQRT_RAW, 0).inputs("NULL", "f", "x")
        .pool("f", "math.sqrt")
        .pool("x", "2.25", "0.0", "-0.0", "1e308", "5e-324", "float('inf')", "-1.5",
            "float('-inf')", "float('nan')")
        .oracle("out = [f(x)]"));
    // Called as a method (the callable in the NULL slot, self above it): TypeError.
    l.add(s("_CALL_MATH_SQRT_RAW 0 (method form)").step(CALL_MATH_SQRT_RAW, 0)
        .inputs("m", "o", "x").pool("m", "math.sqrt").pool("o", "2.0").pool("x", "4.0")
        .oracle("out = [m(o, x)]").anyPaths());
    l.add(s("raw floats: math.sqrt(a * b) + c")
        .step(LOAD_FAST, 0).step(LOAD_FAST, 1).step(GUARD_FLOAT_OPERANDS)
        .step(BINARY_OP_MULTIPLY_FLOAT_RAW, Uop.RAW_RESULT)
        .step(CALL_MATH_SQRT_RAW, Uop.RAW_TOS | Uop.RAW_RESULT)
        .step(LOAD_FAST, 2).step(GUARD_TOS_FLOAT_OPERAND)
        .step(BINARY_OP_ADD_FLOAT_RAW, Uop.RAW_NOS)
        .inputs("NULL", "f").locals("a", "b", "c").pool("f", "math.sqrt")
        .pool("a", "1.5", "-2.0", "7", "None").pool("b", "6.0", "0.0", "float('nan')")
        .pool("c", "0.25", "-3", "'s'")
        .prep("def fop(v):\n    return sfloat(v) or small(v)\n")
        .oracle(py("if not (" + FLOAT_OPERANDS + "):", "    exit = 2",
            "    out = [NULL, f, a, b]",
            "else:",
            "    r = f(a * b)",
            "    if not fop(c):",
            "        exit = 6",
            "        out = [r, c]",
            "    else:",
            "        out = [r + c]")));
    l.add(s("_CHECK_FUNCTION_VERSION").step(CHECK_FUNCTION_VERSION, c -> 2, c -> c.get("want"))
        .inputs("NULL", "f", "x", "y").pool("want", "fn2", "fndef")
        .pool("f", "fn2", "fndef", "fn1", "len").pool("x", "1").pool("y", "2")
        .oracle(py("if f is not want:", "    exit = 0", "else:",
            "    out = [NULL, f, x, y]")));
    l.add(s("_CHECK_FUNCTION_VERSION (method form, arity)")
        .step(CHECK_FUNCTION_VERSION, c -> 1, c -> c.get("want"))
        .inputs("m", "o", "x").pool("want", "fn2", "fn1").pool("m", "fn2", "fn1", "NULL")
        .pool("o", "fn2").pool("x", "1")
        .oracle(py("_callable = o if m is NULL else m", "_nargs = 1 if m is NULL else 2",
            "if _callable is not want or _nargs != (2 if want is fn2 else 1):", "    exit = 0",
            "else:", "    out = [m, o, x]")));
    l.add(s("_KW_NAMES _CHECK_FUNCTION_VERSION")
        .step(KW_NAMES, c -> c.constIndex("('end',)"), c -> 0)
        .step(CHECK_FUNCTION_VERSION, c -> 2, c -> c.get("fn2"))
        .inputs("NULL", "f", "x", "y").pool("f", "fn2").pool("x", "1").pool("y", "2")
        .oracle("exit = 1").anyPaths());
    l.add(s("_CHECK_FUNCTION_CODE")
        .step(CHECK_FUNCTION_CODE, c -> 2,
            c -> Mem.getLong(c.get("want") + Layout.Function.CODE))
        .inputs("NULL", "f", "x", "y").pool("want", "fn2", "fndef", "fn1")
        .pool("f", "fn2", "fndef", "fn1", "len", "C", "1").pool("x", "1").pool("y", "2")
        .oracle(py("if f is not want or want is fn1:", "    exit = 0", "else:",
            "    out = [NULL, f, x, y]")));
    l.add(s("_CHECK_FUNCTION_CODE (method form)")
        .step(CHECK_FUNCTION_CODE, c -> 1,
            c -> Mem.getLong(c.get("want") + Layout.Function.CODE))
        .inputs("m", "o", "x").pool("want", "fn2", "fn1").pool("m", "fn2", "fn1")
        .pool("o", "fn2").pool("x", "1")
        .oracle(py("if m is not want or want is not fn2:", "    exit = 0", "else:",
            "    out = [m, o, x]")));
    l.add(s("_CHECK_CLASS_VERSION")
        .step(CHECK_CLASS_VERSION, c -> 1, c -> Mem.getLong(c.get("want") + Layout.Type.VERSION))
        .inputs("NULL", "f", "x").pool("want", "C", "D")
        .pool("f", "C", "D", "E", "fn1", "len", "1").pool("x", "1")
        .oracle(py("if f is not want:", "    exit = 0", "else:", "    out = [NULL, f, x]")));
    l.add(s("_CHECK_CLASS_VERSION (method form)")
        .step(CHECK_CLASS_VERSION, c -> 1, c -> Mem.getLong(c.get("want") + Layout.Type.VERSION))
        .inputs("m", "f", "x").pool("want", "C").pool("m", "fn1", "C").pool("f", "C")
        .pool("x", "1").oracle("exit = 0").anyPaths());
    l.add(s("_GUARD_INIT_RETURNS_NONE").step(GUARD_INIT_RETURNS_NONE)
        .inputs("x").pool("x", "None", "0", "''", "C()", "False")
        .oracle(py("if x is not None:", "    exit = 0", "else:", "    out = [x]")));
    l.add(s("_CHECK_STACK_SPACE").step(CHECK_STACK_SPACE, c -> 2, c -> c.get("fn2"))
        .pool("depth", "0", "998", "999", "1000").pool("room", "'plenty'", "'exact'", "'short'")
        .before((c, r) -> {
          long ts = c.h.ts;
          Mem.putLong(ts + ThreadState.RECURSION_DEPTH, c.intOf("depth"));
          long need = c.h.codeOfFunction(c.get("fn2")).frameBytes;
          long limit = Mem.getLong(ts + ThreadState.STACK_LIMIT);
          switch (c.str("room")) {
            case "exact" -> Mem.putLong(ts + ThreadState.STACK_TOP, limit - need);
            case "short" -> Mem.putLong(ts + ThreadState.STACK_TOP, limit - need + 8);
            default -> { }
          }
        })
        .oracle(py("if depth >= 1000 or room == 'short':", "    exit = 0", "else:",
            "    out = []")));
    l.add(s("_CALL_FUNCTION_EX 0").step(CALL_FUNCTION_EX, 0).inputs("NULL", "f", "a")
        .pool("f", "fn2", "fnvar", "len", "boom").pool("a", "(1, 2)", "[3]", "'ab'", "5")
        .oracle("out = [f(*a)]"));
    l.add(s("_CALL_FUNCTION_EX 1").step(CALL_FUNCTION_EX, 1).inputs("NULL", "f", "a", "k")
        .pool("f", "fn2", "fnvar", "fnkw").pool("a", "(1,)", "(1, 2)")
        .pool("k", "{}", "{'key': 3}", "{'q': 4}").oracle("out = [f(*a, **k)]"));
    l.add(s("_CALL_FUNCTION_EX 0 (method)").step(CALL_FUNCTION_EX, 0).inputs("f", "o", "a")
        .pool("f", "fnvar", "fn2").pool("o", "C(1)").pool("a", "(1,)", "()")
        .oracle("out = [f(o, *a)]"));
    // _MAKE_FUNCTION: flags 1 defaults, 2 kw defaults, 4 annotations, 8 closure; TOS is the
    // code object. The globals' __name__ (the first key of a module's dict, where the native
    // path reads it) as it is, reassigned, or deleted (then None).
    String[] nameStates = {null, "__name__ = 'renamed'", "del __name__"};
    for (int flags : new int[] {0, 1, 2, 3, 8, 9, 12, 15}) {
      for (String nameState : nameStates) {
        List<String> ins = new ArrayList<>();
        if ((flags & 1) != 0) {
          ins.add("dflt");
        }
        if ((flags & 2) != 0) {
          ins.add("kwd");
        }
        if ((flags & 4) != 0) {
          ins.add("ann");
        }
        if ((flags & 8) != 0) {
          ins.add("clo");
        }
        ins.add("co");
        UopSpec spec = s("_MAKE_FUNCTION " + flags + (nameState == null ? "" : " " + nameState))
            .step(MAKE_FUNCTION, flags)
            .inputs(ins.toArray(new String[0])).pool("co", "fndef.__code__", "fnkw.__code__")
            .pool("dflt", "(7,)", "(8, 9)").pool("kwd", "{'key': 1}")
            .pool("ann", "('x', 'int')").pool("clo", "(1, 2)")
            .oracle("out = [NULL]")
            .check((c, r) -> {
              long f = r.after()[1];
              assertThat(c.h.vm.typeOf(f)).isEqualTo(c.h.vm.functionType);
              long co = c.get("co");
              assertThat(Mem.getLong(f + Layout.Function.CODE)).isEqualTo(co);
              assertThat(Mem.getLong(f + Layout.Function.GLOBALS)).isEqualTo(c.ns);
              assertThat(Mem.getLong(f + Layout.Function.NAME))
                  .isEqualTo(Mem.getLong(co + Layout.Code.NAME));
              assertThat(Mem.getLong(f + Layout.Function.QUALNAME))
                  .isEqualTo(Mem.getLong(co + Layout.Code.QUALNAME));
              assertThat(Mem.getLong(f + Layout.Function.DEFAULTS))
                  .isEqualTo((flags & 1) != 0 ? c.get("dflt") : 0);
              assertThat(Mem.getLong(f + Layout.Function.KWDEFAULTS))
                  .isEqualTo((flags & 2) != 0 ? c.get("kwd") : 0);
              assertThat(Mem.getLong(f + Layout.Function.CLOSURE))
                  .isEqualTo((flags & 8) != 0 ? c.get("clo") : 0);
              long name = c.get("__name__");
              assertThat(c.h.repr(Mem.getLong(f + Layout.Function.MODULE)))
                  .isEqualTo(c.h.repr(name == 0 ? c.h.vm.none : name));
              assertThat(Mem.getLong(f + Layout.Function.VERSION)).isEqualTo(Tag.fromInt(1));
              assertThat(Mem.getLong(f + Layout.Function.DICT)).isZero();
              // Replace it by the NULL the oracle names, having checked it.
              Mem.putLong(UopHarness.stackBase(c.frame, c.code) + 8, 0);
              r.after()[1] = 0;
            });
        l.add(nameState == null ? spec : spec.mutate(nameState));
      }
    }
    l.add(s("_LOAD_BUILD_CLASS").step(LOAD_BUILD_CLASS).pool("z", "0")
        .oracle("out = [__build_class__]"));
  }

  private static void exceptionsAndImports(List<UopSpec> l) {
    List<String> excs = List.of("ValueError('v')", "KeyError('k')", "StopIteration()");
    l.add(s("_PUSH_EXC_INFO").step(PUSH_EXC_INFO).inputs("e").pool("e", excs)
        .pool("prev", "None", "TypeError('t')")
        .before((c, r) -> Mem.putLong(c.h.ts + ThreadState.HANDLED_EXC,
            c.get("prev") == c.h.vm.none ? 0 : c.get("prev")))
        .check((c, r) -> assertThat(Mem.getLong(c.h.ts + ThreadState.HANDLED_EXC))
            .as("the handled exception").isEqualTo(c.get("e")))
        .oracle("out = [prev, e]"));
    l.add(s("_POP_EXCEPT").step(POP_EXCEPT).inputs("v").pool("v", "None", "ValueError('v')")
        .before((c, r) -> Mem.putLong(c.h.ts + ThreadState.HANDLED_EXC, c.h.vm.none))
        .check((c, r) -> assertThat(Mem.getLong(c.h.ts + ThreadState.HANDLED_EXC))
            .as("the handled exception")
            .isEqualTo(c.get("v") == c.h.vm.none ? 0 : c.get("v")))
        .oracle("out = []"));
    l.add(s("_CHECK_EXC_MATCH").step(CHECK_EXC_MATCH).inputs("e", "t").pool("e", excs)
        .pool("t", "ValueError", "(KeyError, ValueError)", "Exception", "LookupError",
            "TypeError", "5", "(5, ValueError)")
        .oracle(py("try:", "    raise e", "except t:", "    _m = True", "except BaseException:",
            "    _m = False", "out = [e, _m]")));
    l.add(s("_LOAD_ASSERTION_ERROR").step(LOAD_ASSERTION_ERROR).pool("z", "0")
        .oracle("out = [AssertionError]"));
    l.add(s("_BEFORE_WITH").step(BEFORE_WITH).inputs("cm").pool("cm", "CM()", "5", "C(1)")
        .oracle(py("if not (hasattr(type(cm), '__enter__') and hasattr(type(cm), '__exit__')):",
            "    raise TypeError(\"'\" + type(cm).__name__ + \"' object does not support the"
                + " context manager protocol\")",
            "out = [cm.__exit__, cm.__enter__()]")));
    l.add(s("_WITH_EXCEPT_START").step(WITH_EXCEPT_START).inputs("x", "lasti", "prev", "e")
        .pool("cm", "CM()").pool("lasti", "3").pool("prev", "None").pool("e", excs)
        .prep("x = cm.__exit__").observe("cm")
        .oracle("out = [x, lasti, prev, e, x(type(e), e, None)]"));
    l.add(s("_IMPORT_NAME").step(IMPORT_NAME, c -> c.nameIndex("sys"), c -> 0)
        .inputs("lvl", "fl").pool("lvl", "0").pool("fl", "None", "('argv',)")
        .oracle("import sys as _m\nout = [_m]"));
    l.add(s("_IMPORT_FROM").step(IMPORT_FROM, c -> c.nameIndex("argv"), c -> 0).inputs("m")
        .pool("m", "_module({'argv': 'mine'})", "_sys")
        .oracle("out = [m, m.argv]"));
    l.add(s("_IMPORT_STAR").step(IMPORT_STAR).inputs("m").frameLocals("ns2")
        .pool("m", "_module({'pub': 1, '_priv': 2, 'other': [3]})").pool("ns2", "{}", "{'pub': 0}")
        .oracle(py("ns2['pub'] = m.pub", "ns2['other'] = m.other", "out = []")));
  }

  // ============================================================================ scenarios

  /** A frame of the harness function with the given stack, IP 0. */
  private static long harnessFrame(long globals, long... stack) {
    CodeInfo ci = runner.code(UopSpec.CodeSel.HARNESS);
    long frame = h.pushFrame(ci, runner.function(UopSpec.CodeSel.HARNESS), globals, 0);
    UopHarness.setStack(frame, ci, stack);
    return frame;
  }

  @Test
  void leavingTheFrameHandsTheInstructionToTheInterpreter() {
    // _RETURN_VALUE, _RAISE_VARARGS, _RERAISE and _YIELD_VALUE mean: sync SP and let the
    // interpreter execute the instruction at the IP _SET_IP stored. Checked by running each
    // from a real instruction of that kind, once directly in the interpreter and once through
    // the region, and comparing what comes out.
    String src = String.join("\n",
        "def t_return(a):",
        "    return a",
        "def t_raise(a):",
        "    raise a",
        "def t_reraise(a):",
        "    try:",
        "        raise a",
        "    finally:",
        "        a = 0",
        "def t_yield(a):",
        "    yield a",
        "");
    long ns = h.namespace();
    try {
      h.exec(src, ns);
      Object[][] cases = {
          {"t_return", Opcode.RETURN_VALUE, RETURN_VALUE, "(1, [2])"},
          {"t_raise", Opcode.RAISE_VARARGS, RAISE_VARARGS, "ValueError('x')"},
          {"t_reraise", Opcode.RERAISE, RERAISE, "KeyError('k')"},
          {"t_yield", Opcode.YIELD_VALUE, YIELD_VALUE, "'yielded'"},
      };
      for (Object[] cs : cases) {
        long fn = h.get(ns, (String) cs[0]);
        CodeInfo ci = h.codeOfFunction(fn);
        int ip = -1;
        for (int i = 0; i < ci.units; i += ci.opcode(i).size()) {
          if (ci.opcode(i) == cs[1]) {
            ip = i;
            break;
          }
        }
        assertThat(ip).as("a %s in %s", cs[1], cs[0]).isGreaterThanOrEqualTo(0);
        Uop u = (Uop) cs[2];
        int oparg = ci.oparg(ip);
        String[] outcome = new String[2];
        for (int pass = 0; pass < 2; pass++) {
          h.exec("_v = " + cs[3] + "\n", ns);
          long v = h.get(ns, "_v");
          long[] saved = h.saveThreadState();
          try {
            long frame = h.pushFrame(ci, fn, ns, 0);
            UopHarness.setLocal(frame, 0, v);
            int depth = u.inputs(oparg);
            long[] stack = new long[depth];
            java.util.Arrays.fill(stack, v);
            UopHarness.setStack(frame, ci, stack);
            UopHarness.setIp(frame, ip);
            if (pass == 1) {
              UopHarness.setIp(frame, 0);
              Trace t = Trace.builder().add(UopInstr.of(SET_IP, ip))
                  .add(new UopInstr(u, u.has(org.stitchjit.api.uop.OperandKind.OPARG) ? oparg
                      : 0, 0, 0)).build();
              int k = h.enter(h.compileRegion(t), frame);
              assertThat(k).as("%s leaves for the interpreter", u)
                  .isEqualTo(CompiledRegion.RESUME_AT_FRAME);
              assertThat(UopHarness.ip(frame)).as("IP after %s", u).isEqualTo(ip);
              assertThat(Mem.getLong(frame + Frame.SP) >> 1).as("SP after %s", u)
                  .isEqualTo(depth);
            }
            try {
              outcome[pass] = "returned " + h.repr(h.interpret(frame));
            } catch (PyException e) {
              outcome[pass] = "raised " + h.excText(e) + " is v: " + (e.exc == v);
            }
          } finally {
            h.restoreThreadState(saved);
          }
        }
        assertThat(outcome[1]).as("%s through the region vs the interpreter", u)
            .isEqualTo(outcome[0]);
      }
    } finally {
      h.release();
    }
  }

  @Test
  void jumpToTopLoopsUntilAGuardExits() {
    // i = 0; while True: i = i + 1; if not (i < 10): exit  -- as a closed loop trace.
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      CodeInfo ci = runner.code(UopSpec.CodeSel.HARNESS);
      long frame = harnessFrame(ns);
      UopHarness.setLocal(frame, 0, h.vm.newInt(0));
      Trace.Builder b = Trace.builder();
      int overflow = b.addExit(new Exit(ci.code, 5, 2, ExitReason.SLOW_PATH));
      int done = b.addExit(new Exit(ci.code, 9, 1, ExitReason.BRANCH));
      b.add(UopInstr.of(LOAD_FAST, 0)).add(new UopInstr(LOAD_CONST_INLINE, 0, h.vm.newInt(1), 0))
          .add(UopInstr.withExit(BINARY_OP_ADD_INT, overflow)).add(UopInstr.of(STORE_FAST, 0))
          .add(UopInstr.of(LOAD_FAST, 0)).add(new UopInstr(LOAD_CONST_INLINE, 0,
              h.vm.newInt(10), 0))
          .add(UopInstr.of(COMPARE_OP_INT, CompareOp.LT))
          .add(UopInstr.withExit(GUARD_IS_TRUE_POP, done)).add(JUMP_TO_TOP);
      int k = h.enter(h.compileRegion(b.build()), frame);
      assertThat(k).isEqualTo(done);
      assertThat(h.repr(UopHarness.local(frame, 0))).isEqualTo("10");
      assertThat(UopHarness.ip(frame)).isEqualTo(9);
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  @Test
  void jumpToTopContinuesAtTheLoopHeadAfterAPeeledPrefix() {
    // i = i + 100 once, then while True: i = i + 1; if not (i < 110): exit. Were the jump to
    // go to uop 0, the prefix would run again and i would end at 201 (0, 100, 101, 201).
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      CodeInfo ci = runner.code(UopSpec.CodeSel.HARNESS);
      long frame = harnessFrame(ns);
      UopHarness.setLocal(frame, 0, h.vm.newInt(0));
      Trace.Builder b = Trace.builder();
      int overflow = b.addExit(new Exit(ci.code, 5, 2, ExitReason.SLOW_PATH));
      int done = b.addExit(new Exit(ci.code, 9, 1, ExitReason.BRANCH));
      b.add(UopInstr.of(LOAD_FAST, 0)).add(new UopInstr(LOAD_CONST_INLINE, 0, h.vm.newInt(100), 0))
          .add(UopInstr.withExit(BINARY_OP_ADD_INT, overflow)).add(UopInstr.of(STORE_FAST, 0))
          .add(LOOP_HEAD)
          .add(UopInstr.of(LOAD_FAST, 0)).add(new UopInstr(LOAD_CONST_INLINE, 0, h.vm.newInt(1), 0))
          .add(UopInstr.withExit(BINARY_OP_ADD_INT, overflow)).add(UopInstr.of(STORE_FAST, 0))
          .add(UopInstr.of(LOAD_FAST, 0)).add(new UopInstr(LOAD_CONST_INLINE, 0,
              h.vm.newInt(110), 0))
          .add(UopInstr.of(COMPARE_OP_INT, CompareOp.LT))
          .add(UopInstr.withExit(GUARD_IS_TRUE_POP, done)).add(JUMP_TO_TOP);
      int k = h.enter(h.compileRegion(b.build()), frame);
      assertThat(k).isEqualTo(done);
      assertThat(h.repr(UopHarness.local(frame, 0))).isEqualTo("110");
      assertThat(UopHarness.ip(frame)).isEqualTo(9);
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  @Test
  void anExitChecksTheStackDepthItWasCompiledFor() {
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      CodeInfo ci = runner.code(UopSpec.CodeSel.HARNESS);
      long frame = harnessFrame(ns, h.vm.newInt(1));
      Trace.Builder b = Trace.builder();
      int wrong = b.addExit(new Exit(ci.code, 3, 2, ExitReason.END_OF_REGION));
      b.add(UopInstr.withExit(EXIT_TRACE, wrong));
      CompiledRegion r = h.compileRegion(b.build());
      assertThatThrownBy(() -> h.enter(r, frame)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("depth");
      Trace.Builder ok = Trace.builder();
      int e = ok.addExit(new Exit(ci.code, 3, 1, ExitReason.END_OF_REGION));
      ok.add(UopInstr.withExit(EXIT_TRACE, e));
      assertThat(h.enter(h.compileRegion(ok.build()), frame)).isEqualTo(e);
      assertThat(UopHarness.ip(frame)).isEqualTo(3);
      assertThat(Mem.getLong(frame + Frame.SP) >> 1).isEqualTo(1);
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  @Test
  void anInlinedCallPushesTheCalleeAndReturnsIntoTheCaller() {
    // CALL_PY_EXACT_ARGS's trace form followed by the callee's body and its return:
    //   fn2(p, q): return ('fn2', p, q)
    // and fncell, whose p and q are cells (its inner function reads them): the frame-building
    // uop makes the cells, each holding its argument, and the body reads them through them.
    List<String[]> argsList = List.of(new String[] {"1", "'b'"},
        new String[] {"[1]", "C(2)"}, new String[] {"2**70", "None"});
    for (String fn : List.of("fn2", "fncell")) {
      for (String[] args : argsList) {
        checkInlinedCall(fn, args);
      }
    }
  }

  @Test
  void anInlinedCalleesLocalsPastItsArgumentsStartUnbound() {
    // fnloc(p, q) has r and s besides its arguments. The frame stack above its top holds
    // garbage here, so a frame built a local short would leave s bound to it; the check of s,
    // the callee's first uop, must exit (decision 12: natively, the frame is built from the
    // code's geometry passed as immediates).
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      h.exec("def fnloc(p, q):\n    r = p\n    s = q\n    return r, s\nx = 1\ny = 2\n", ns);
      long function = h.get(ns, "fnloc");
      CodeInfo callee = h.codeOfFunction(function);
      CodeInfo caller = runner.code(UopSpec.CodeSel.HARNESS);
      long sentinel = h.vm.newFloat(1.5);
      long frame = harnessFrame(ns, sentinel, 0, function, h.get(ns, "x"), h.get(ns, "y"));
      long top = Mem.getLong(h.ts + ThreadState.STACK_TOP);
      for (long a = top; a < top + 1024; a += 8) {
        Mem.putLong(a, 0x7777_7777_7777_7770L);
      }
      Trace.Builder b = callInto(function, caller);
      int unbound = b.addExit(new Exit(callee.code, 0, 0, ExitReason.GUARD_FAILED));
      int end = b.addExit(new Exit(caller.code, 43, 2, ExitReason.END_OF_REGION));
      b.add(new UopInstr(LOAD_FAST_CHECK, indexOfLocal(callee, "s"), 0, unbound))
          .add(UopInstr.of(POP_FRAME))
          .add(UopInstr.withExit(EXIT_TRACE, end));
      int k = h.enter(h.compileRegion(b.build()), frame);
      assertThat(k).as("the check of s, unbound").isEqualTo(unbound);
      long calleeFrame = Mem.getLong(h.ts + ThreadState.CURRENT_FRAME);
      assertThat(Mem.getLong(calleeFrame + Layout.Frame.LOCALSPLUS + 8L * 2))
          .as("r").isZero();
      assertThat(Mem.getLong(calleeFrame + Layout.Frame.LOCALSPLUS + 8L * 3))
          .as("s").isZero();
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  /**
   * A trace that calls function with the two arguments on the harness code's stack, as
   * CALL_PY_EXACT_ARGS's trace form does, and goes on in the callee (its guards' exits first).
   */
  private static Trace.Builder callInto(long function, CodeInfo caller) {
    Trace.Builder b = Trace.builder();
    int guard = b.addExit(new Exit(caller.code, 40, 5, ExitReason.GUARD_FAILED));
    int room = b.addExit(new Exit(caller.code, 40, 5, ExitReason.SLOW_PATH));
    return b.add(UopInstr.of(SET_IP, 40))
        .add(new UopInstr(CHECK_FUNCTION_VERSION, 2, function, guard))
        .add(new UopInstr(CHECK_STACK_SPACE, 2, function, room))
        .add(new UopInstr(INIT_CALL_PY_EXACT_ARGS, 2, function, 0))
        .add(UopInstr.of(PUSH_FRAME))
        .add(UopInstr.of(SET_IP, 0));
  }

  private static int indexOfLocal(CodeInfo code, String name) {
    for (int i = 0; i < code.varnameStrings.length; i++) {
      if (code.varnameStrings[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static int cellOfArg(CodeInfo code, int arg) {
    for (int i = 0; i < code.ncells; i++) {
      if (code.cellToArg[i] == arg) {
        return i;
      }
    }
    throw new IllegalArgumentException("argument " + arg + " is not a cell");
  }

  private void checkInlinedCall(String fn, String[] args) {
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      h.exec("x = " + args[0] + "\ny = " + args[1] + "\n", ns);
      long function = h.global(fn);
      CodeInfo callee = h.codeOfFunction(function);
      boolean cells = callee.ncells > 0;
      CodeInfo caller = runner.code(UopSpec.CodeSel.HARNESS);
      long sentinel = h.vm.newFloat(1.5);
      long frame = harnessFrame(ns, sentinel, 0, function, h.get(ns, "x"), h.get(ns, "y"));
      Trace.Builder b = callInto(function, caller);
      int end = b.addExit(new Exit(caller.code, 43, 2, ExitReason.END_OF_REGION));
      int unbound = b.addExit(new Exit(callee.code, 0, 1, ExitReason.GUARD_FAILED));
      b.add(UopInstr.of(LOAD_CONST, indexOfConst(callee, "'" + fn + "'")));
      for (int k = 0; k < 2; k++) {
        b.add(cells ? new UopInstr(LOAD_DEREF, callee.nlocals + cellOfArg(callee, k), 0, unbound)
            : UopInstr.of(LOAD_FAST, k));
      }
      b.add(UopInstr.of(BUILD_TUPLE, 3))
          .add(UopInstr.of(POP_FRAME))
          .add(UopInstr.withExit(EXIT_TRACE, end));
      long[] st = runCall(b.build(), frame, caller, sentinel, end);
      h.exec("_want = " + fn + "(x, y)\n", ns);
      assertThat(h.repr(st[1])).isEqualTo(h.repr(h.get(ns, "_want")));
      assertThat(VM_tupleItem(st[1], 1)).as("p is x itself").isEqualTo(h.get(ns, "x"));
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  @Test
  void aClassCallAllocatesEntersInitAndReturnsTheInstance() {
    // CALL_ALLOC_AND_ENTER_INIT's trace form, __init__'s body, and the return the recorder
    // makes of it. P's instances fit inline allocation; W's values array (its instances once
    // had nine attributes) is too large for it, so the runtime allocates through the escape.
    String src = String.join("\n",
        "class P:",
        "    def __init__(self, a, b):",
        "        self.a = a",
        "        self.b = b",
        "class W:",
        "    def __init__(self, a, b):",
        "        self.a = a",
        "        self.b = b",
        "w = W(0, 0)",
        "for k in 'cdefghi':",
        "    setattr(w, k, k)",
        "");
    for (String cls : List.of("P", "W")) {
      long ns = h.namespace();
      long[] saved = h.saveThreadState();
      try {
        h.exec(src + "x = [1]\ny = 2**70\n", ns);
        long type = h.get(ns, cls);
        long init = h.get(Mem.getLong(type + Layout.Type.DICT), "__init__");
        CodeInfo callee = h.codeOfFunction(init);
        CodeInfo caller = runner.code(UopSpec.CodeSel.HARNESS);
        long sentinel = h.vm.newFloat(1.5);
        long frame = harnessFrame(ns, sentinel, 0, type, h.get(ns, "x"), h.get(ns, "y"));
        long version = Mem.getLong(type + Layout.Type.VERSION);
        Trace.Builder b = Trace.builder();
        int guard = b.addExit(new Exit(caller.code, 40, 5, ExitReason.GUARD_FAILED));
        int room = b.addExit(new Exit(caller.code, 40, 5, ExitReason.SLOW_PATH));
        int none = b.addExit(new Exit(callee.code, 14, 1, ExitReason.GUARD_FAILED));
        int end = b.addExit(new Exit(caller.code, 43, 2, ExitReason.END_OF_REGION));
        b.add(UopInstr.of(SET_IP, 40))
            .add(new UopInstr(CHECK_CLASS_VERSION, 2, version, guard))
            .add(new UopInstr(CHECK_STACK_SPACE, 2, init, room))
            .add(UopInstr.of(ALLOCATE_OBJECT, 2))
            .add(new UopInstr(INIT_CALL_INIT, 2, init, 0))
            .add(UopInstr.of(PUSH_FRAME))
            .add(UopInstr.of(SET_IP, 0))
            .add(UopInstr.of(LOAD_FAST, 1)).add(UopInstr.of(LOAD_FAST, 0))
            .add(UopInstr.of(STORE_ATTR, indexOfName(callee, "a")))
            .add(UopInstr.of(SET_IP, 7))
            .add(UopInstr.of(LOAD_FAST, 2)).add(UopInstr.of(LOAD_FAST, 0))
            .add(UopInstr.of(STORE_ATTR, indexOfName(callee, "b")))
            .add(UopInstr.of(SET_IP, 14))
            .add(UopInstr.of(LOAD_CONST, indexOfConst(callee, "None")))
            .add(UopInstr.withExit(GUARD_INIT_RETURNS_NONE, none))
            .add(UopInstr.of(POP_FRAME))
            .add(UopInstr.of(POP_TOP))
            .add(UopInstr.withExit(EXIT_TRACE, end));
        long[] st = runCall(b.build(), frame, caller, sentinel, end);
        assertThat(Mem.getLong(st[1])).as("the instance's type").isEqualTo(type);
        h.set(ns, "_made", st[1]);
        h.exec("_want = " + cls + "(x, y)\n"
            + "_same = (_made.a, _made.b) == (_want.a, _want.b) and not hasattr(_made, 'c')\n"
            + "_more = _made.a is x and _made.b == y and type(_made) is " + cls + "\n", ns);
        assertThat(h.repr(h.get(ns, "_same"))).isEqualTo("True");
        assertThat(h.repr(h.get(ns, "_more"))).isEqualTo("True");
      } finally {
        h.restoreThreadState(saved);
        h.release();
      }
    }
  }

  @Test
  void aGeneratorIsResumedAndYieldsWithoutJava() {
    // _FOR_ITER_GEN resumes a suspended generator under the caller, which waits after its
    // FOR_ITER (index 43 here) with the iterator on its stack; _YIELD_GEN in the generator's
    // linked frame suspends it again and hands the value to that caller. Each leaves for the
    // driver, and each exits, changing nothing, for what it cannot do.
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      h.exec("def _g():\n    yield 1\n    yield 2\n    yield 3\n"
          + "_it = _g()\n_first = next(_it)\n_fresh = _g()\n", ns);
      long gen = h.get(ns, "_it");
      long genFrame = gen + Layout.Generator.FRAME;
      CodeInfo code = CodeInfo.of(h.vm, Mem.getLong(gen + Layout.Generator.CODE));
      CodeInfo caller = runner.code(UopSpec.CodeSel.HARNESS);
      long sentinel = h.vm.newFloat(1.5);

      // Not a suspended generator (one never started, a list's iterator): the exit.
      for (String other : List.of("_fresh", "iter([1])")) {
        h.exec("_other = " + other + "\n", ns);
        long frame = harnessFrame(ns, sentinel, h.get(ns, "_other"));
        Trace.Builder b = Trace.builder();
        int exit = b.addExit(new Exit(caller.code, 40, 2, ExitReason.SLOW_PATH));
        b.add(new UopInstr(FOR_ITER_GEN, 43, 0, exit));
        assertThat(h.enter(h.compileRegion(b.build()), frame)).isEqualTo(exit);
        assertThat(UopHarness.ip(frame)).isEqualTo(40);
        h.release();
      }

      long frame = harnessFrame(ns, sentinel, gen);
      long depth = Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH);
      Trace.Builder resume = Trace.builder();
      int noResume = resume.addExit(new Exit(caller.code, 40, 2, ExitReason.SLOW_PATH));
      resume.add(new UopInstr(FOR_ITER_GEN, 43, 0, noResume));
      assertThat(h.enter(h.compileRegion(resume.build()), frame))
          .isEqualTo(CompiledRegion.RESUME_AT_FRAME);
      assertThat(Mem.getLong(h.ts + ThreadState.CURRENT_FRAME)).isEqualTo(genFrame);
      assertThat(Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH)).isEqualTo(depth + 1);
      assertThat(UopHarness.ip(frame)).isEqualTo(43);
      assertThat(UopHarness.stack(frame, caller)).containsExactly(sentinel, gen);
      assertThat(UopHarness.stack(genFrame, code)).containsExactly(h.vm.none);
      assertThat(Mem.getLong(gen + Layout.Generator.STATE))
          .isEqualTo(Tag.fromInt(Layout.Generator.RUNNING));
      int firstYield = nthYield(code, 0);
      assertThat(UopHarness.ip(genFrame)).isEqualTo(firstYield + 1);

      // The generator's code after its first yield, up to the second: POP_TOP, LOAD_CONST 2.
      int secondYield = nthYield(code, 1);
      Trace.Builder body = Trace.builder();
      int noYield = body.addExit(new Exit(code.code, secondYield, 1, ExitReason.END_OF_REGION));
      body.add(UopInstr.of(POP_TOP))
          .add(UopInstr.of(LOAD_CONST, indexOfConst(code, "2")))
          .add(new UopInstr(YIELD_GEN, secondYield, 0, noYield));
      CompiledRegion yields = h.compileRegion(body.build());
      assertThat(h.enter(yields, genFrame)).isEqualTo(CompiledRegion.RESUME_AT_FRAME);
      assertThat(Mem.getLong(h.ts + ThreadState.CURRENT_FRAME)).isEqualTo(frame);
      assertThat(Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH)).isEqualTo(depth);
      assertThat(UopHarness.ip(frame)).isEqualTo(43);
      assertThat(UopHarness.stack(frame, caller)).containsExactly(sentinel, gen, Tag.fromInt(2));
      assertThat(Mem.getLong(gen + Layout.Generator.STATE))
          .isEqualTo(Tag.fromInt(Layout.Generator.SUSPENDED));
      assertThat(UopHarness.ip(genFrame)).isEqualTo(secondYield);
      assertThat(UopHarness.stack(genFrame, code)).isEmpty();
      // The interpreter resumes it from there as from any yield.
      h.exec("_rest = list(_it)\n", ns);
      assertThat(h.repr(h.get(ns, "_rest"))).isEqualTo("[3]");

      // In a frame Java resumed (not linked), _YIELD_GEN exits for the interpreter's yield.
      h.exec("_it2 = _g()\nnext(_it2)\n", ns);
      long gen2 = h.get(ns, "_it2");
      long frame2 = gen2 + Layout.Generator.FRAME;
      UopHarness.setStack(frame2, code, new long[] {h.vm.none});
      Mem.putLong(frame2 + Frame.IP, Tag.fromInt(firstYield + 1));
      assertThat(h.enter(yields, frame2)).isEqualTo(noYield);
      assertThat(UopHarness.ip(frame2)).isEqualTo(secondYield);
      assertThat(UopHarness.stack(frame2, code)).containsExactly(Tag.fromInt(2));
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  private static int nthYield(CodeInfo code, int n) {
    for (int i = 0; i < code.length(); i++) {
      if (code.opcode(i) == Opcode.YIELD_VALUE && n-- == 0) {
        return i;
      }
    }
    throw new IllegalArgumentException("no yield " + n);
  }

  /**
   * Whether this backend's {@code _RETURN_VALUE} returns from a plain frame itself (the
   * reference executor leaves every return to the interpreter).
   */
  boolean returnsNatively() {
    return false;
  }

  @Test
  void returningFromTheEnteredFrameResumesTheCallerAfterItsCall() {
    // A region entered in a callee the interpreter's CALL pushed (a function-entry region):
    // the caller saved its IP at the CALL and its stack cut below the call.
    long ns = h.namespace();
    long[] saved = h.saveThreadState();
    try {
      h.exec("x = [7]\n", ns);
      long fn1 = h.global("fn1");
      CodeInfo caller = runner.code(UopSpec.CodeSel.HARNESS);
      long sentinel = h.vm.newFloat(1.5);
      long frame = harnessFrame(ns, sentinel);
      Mem.putLong(frame + Frame.IP, Tag.fromInt(40));
      Mem.putLong(h.ts + ThreadState.CURRENT_FRAME, frame);
      long depthBefore = Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH);
      long topBefore = Mem.getLong(h.ts + ThreadState.STACK_TOP);
      long callee = h.pushFrame(h.codeOfFunction(fn1), fn1, ns, 0);
      UopHarness.setLocal(callee, 0, h.get(ns, "x"));
      Trace.Builder b = Trace.builder();
      b.add(UopInstr.of(SET_IP, 0)).add(UopInstr.of(LOAD_FAST, 0))
          .add(UopInstr.of(RETURN_VALUE));
      int k = h.enter(h.compileRegion(b.build()), callee);
      assertThat(k).isEqualTo(CompiledRegion.RESUME_AT_FRAME);
      if (returnsNatively()) {
        assertThat(Mem.getLong(h.ts + ThreadState.CURRENT_FRAME)).isEqualTo(frame);
        assertThat(Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH)).isEqualTo(depthBefore);
        assertThat(Mem.getLong(h.ts + ThreadState.STACK_TOP)).isEqualTo(topBefore);
        assertThat(UopHarness.ip(frame)).isEqualTo(40 + Frame.CALL_UNITS);
        assertThat(UopHarness.stack(frame, caller)).containsExactly(sentinel, h.get(ns, "x"));
      } else {
        assertThat(Mem.getLong(h.ts + ThreadState.CURRENT_FRAME)).isEqualTo(callee);
        assertThat(UopHarness.ip(callee)).isZero();
        assertThat(UopHarness.stack(callee, h.codeOfFunction(fn1)))
            .containsExactly(h.get(ns, "x"));
      }
    } finally {
      h.restoreThreadState(saved);
      h.release();
    }
  }

  /**
   * Runs a region that calls from frame (whose stack holds sentinel and the call) and expects
   * it to leave through exit end back in frame, with the callee's frame popped and the call's
   * result above the sentinel; returns the caller's stack.
   */
  private static long[] runCall(Trace region, long frame, CodeInfo caller, long sentinel,
      int end) {
    long depthBefore = Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH);
    long topBefore = Mem.getLong(h.ts + ThreadState.STACK_TOP);
    int k = h.enter(h.compileRegion(region), frame);
    assertThat(k).isEqualTo(end);
    assertThat(Mem.getLong(h.ts + ThreadState.CURRENT_FRAME)).isEqualTo(frame);
    assertThat(Mem.getLong(h.ts + ThreadState.RECURSION_DEPTH)).isEqualTo(depthBefore);
    assertThat(Mem.getLong(h.ts + ThreadState.STACK_TOP)).isEqualTo(topBefore);
    long[] st = UopHarness.stack(frame, caller);
    assertThat(st).hasSize(2);
    assertThat(st[0]).isEqualTo(sentinel);
    return st;
  }

  private static int indexOfName(CodeInfo ci, String name) {
    for (int i = 0; i < ci.names.length; i++) {
      if (h.repr(ci.names[i]).equals("'" + name + "'")) {
        return i;
      }
    }
    throw new IllegalArgumentException(name);
  }

  private static long VM_tupleItem(long t, int i) {
    return org.stitchjit.runtime.vm.VM.tupleGet(t, i);
  }

  private static int indexOfConst(CodeInfo ci, String repr) {
    for (int i = 0; i < ci.consts.length; i++) {
      if (h.repr(ci.consts[i]).equals(repr)) {
        return i;
      }
    }
    throw new IllegalArgumentException(repr);
  }

  /** Which uops the generated specs cover (for the report). */
  static Map<Uop, Integer> specCounts() {
    Map<Uop, Integer> m = new LinkedHashMap<>();
    for (UopSpec s : specs()) {
      s.steps.forEach(st -> m.merge(st.uop(), 1, Integer::sum));
    }
    return m;
  }
}
