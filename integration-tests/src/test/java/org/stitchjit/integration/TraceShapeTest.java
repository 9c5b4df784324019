package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.jit.Executor;
import org.stitchjit.runtime.jit.JitDriver;
import org.stitchjit.runtime.jit.reference.ReferenceBackend;

/**
 * The shapes of traces the tracing frontend records from small programs, stated uop by uop
 * ({@code _SET_IP} left out), and the program's output under the JIT.
 */
class TraceShapeTest {

  record Run(String out, List<Executor> regions, long bridges) {}

  private static Run run(String source, int hotExit) {
    return run(source, hotExit, 1000000);
  }

  private static Run run(String source, int hotExit, int hotFunction) {
    return run(source, hotExit, hotFunction, 2);
  }

  private static Run run(String source, int hotExit, int hotFunction, int hotLoop) {
    JitConfig config = JitConfig.parse("tracing+interp").toBuilder()
        .option("hot-loop", Integer.toString(hotLoop))
        .option("hot-function", Integer.toString(hotFunction))
        .option("hot-exit", Integer.toString(hotExit)).build();
    Jit jit = new Jit(config, new TracingFrontend(), ImmutableList.of(), new ReferenceBackend());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, e, jit, null)) {
      int status = vm.runSource(source, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      return new Run(out.toString(StandardCharsets.UTF_8), vm.jitDriver().executors(),
          vm.jitDriver().stats().bridges());
    }
  }

  private static String shape(Executor ex) {
    return ex.region().allUops().stream().map(UopInstr::uop).filter(u -> u != Uop.SET_IP)
        .map(Uop::uopName).collect(Collectors.joining(" "));
  }

  @Test
  void rangeLoopAddingInts() {
    Run r = run("""
        s = 0
        for i in range(100):
            s = s + i
        print(s)
        """, 1000);
    assertThat(r.out()).isEqualTo("4950\n");
    assertThat(r.regions()).hasSize(1);
    Executor loop = r.regions().get(0);
    assertThat(loop.kind()).isEqualTo(RegionStart.Kind.LOOP);
    // Module-level names go through the runtime (a dict may hold anything), so each
    // instruction after one starts by checking that the region is still valid.
    assertThat(shape(loop)).isEqualTo(
        "_ITER_CHECK_RANGE _GUARD_NOT_EXHAUSTED_RANGE _ITER_NEXT_RANGE _STORE_NAME"
            + " _CHECK_VALIDITY _LOAD_NAME _CHECK_VALIDITY _LOAD_NAME _CHECK_VALIDITY"
            + " _GUARD_BOTH_INT _BINARY_OP_ADD_INT _STORE_NAME _CHECK_VALIDITY"
            + " _CHECK_PERIODIC _JUMP_TO_TOP");
  }

  @Test
  void whileLoopInAFunctionUsesFastLocals() {
    Run r = run("""
        def f(n):
            i = 0
            t = 0
            while i < n:
                t += i * 2
                i += 1
            return t
        print(f(50))
        """, 1000);
    assertThat(r.out()).isEqualTo("2450\n");
    assertThat(r.regions()).hasSize(1);
    assertThat(shape(r.regions().get(0))).isEqualTo(
        // The loop test comes first: CPython 3.11 compiles a while loop with the test at
        // its head, and the trace starts at the backward jump's target.
        "_LOAD_FAST_CHECK _LOAD_FAST_CHECK _GUARD_BOTH_INT _COMPARE_OP_INT _GUARD_IS_TRUE_POP"
            + " _LOAD_FAST_CHECK _LOAD_FAST_CHECK _LOAD_CONST _GUARD_BOTH_INT"
            + " _BINARY_OP_MULTIPLY_INT _GUARD_BOTH_INT _BINARY_OP_ADD_INT _STORE_FAST"
            + " _LOAD_FAST_CHECK _LOAD_CONST _GUARD_BOTH_INT _BINARY_OP_ADD_INT _STORE_FAST"
            + " _CHECK_PERIODIC _JUMP_TO_TOP");
  }

  @Test
  void callsAreInlinedBehindAFunctionGuard() {
    Run r = run("""
        def inc(x):
            return x + 1
        def f(n):
            t = 0
            for i in range(n):
                t = inc(t)
            return t
        print(f(40))
        """, 1000);
    assertThat(r.out()).isEqualTo("40\n");
    assertThat(r.regions()).hasSize(1);
    assertThat(shape(r.regions().get(0))).isEqualTo(
        "_ITER_CHECK_RANGE _GUARD_NOT_EXHAUSTED_RANGE _ITER_NEXT_RANGE _STORE_FAST"
            + " _PUSH_NULL _GUARD_GLOBALS_VERSION _LOAD_GLOBAL_MODULE _LOAD_FAST_CHECK"
            + " _CHECK_FUNCTION_VERSION _CHECK_STACK_SPACE _INIT_CALL_PY_EXACT_ARGS _PUSH_FRAME"
            + " _LOAD_FAST_CHECK _LOAD_CONST _GUARD_BOTH_INT _BINARY_OP_ADD_INT _POP_FRAME"
            + " _STORE_FAST _CHECK_PERIODIC _JUMP_TO_TOP");
  }

  @Test
  void aClassCallAllocatesAndInlinesInitBehindAClassVersionGuard() {
    Run r = run("""
        class P:
            def __init__(self, x):
                self.x = x
        def f(n):
            t = 0
            for i in range(n):
                t += P(i).x
            return t
        print(f(40))
        """, 1000);
    assertThat(r.out()).isEqualTo("780\n");
    assertThat(r.regions()).hasSize(1);
    // __init__ returns None to a frame flagged to yield the instance instead; the trace
    // checks the None, returns, and drops it, keeping the instance the call left below.
    assertThat(shape(r.regions().get(0))).isEqualTo(
        "_ITER_CHECK_RANGE _GUARD_NOT_EXHAUSTED_RANGE _ITER_NEXT_RANGE _STORE_FAST"
            + " _LOAD_FAST_CHECK _PUSH_NULL _GUARD_GLOBALS_VERSION _LOAD_GLOBAL_MODULE"
            + " _LOAD_FAST_CHECK _CHECK_CLASS_VERSION _CHECK_STACK_SPACE _ALLOCATE_OBJECT"
            + " _INIT_CALL_INIT _PUSH_FRAME _LOAD_FAST_CHECK _LOAD_FAST_CHECK _GUARD_TYPE"
            + " _GUARD_SHAPE _STORE_ATTR_SLOT _LOAD_CONST _GUARD_INIT_RETURNS_NONE _POP_FRAME"
            + " _POP_TOP _GUARD_TYPE _GUARD_SHAPE _LOAD_ATTR_SLOT _GUARD_BOTH_INT"
            + " _BINARY_OP_ADD_INT _STORE_FAST _CHECK_PERIODIC _JUMP_TO_TOP");
  }

  @Test
  void branchesBecomeGuardsAndHotExitsGrowBridges() {
    Run r = run("""
        def f(n):
            t = 0
            for i in range(n):
                if i % 2 == 0:
                    t += 1
                else:
                    t -= 1
            return t
        print(f(200))
        """, 4);
    assertThat(r.out()).isEqualTo("0\n");
    Executor loop = r.regions().get(0);
    assertThat(loop.kind()).isEqualTo(RegionStart.Kind.LOOP);
    // The branch the recording saw became a guard on its direction.
    assertThat(shape(loop)).contains("_COMPARE_OP_INT _GUARD_IS_");
    // The other direction exits; once hot, a bridge grows from that exit.
    assertThat(r.regions()).anySatisfy(
        ex -> assertThat(ex.kind()).isEqualTo(RegionStart.Kind.BRIDGE));
    assertThat(r.bridges()).isPositive();
  }

  @Test
  void aBridgeThatStartsAtALoopHeadClosesThatLoop() {
    // The comprehension's entry region runs one iteration and ends at the loop's head; the
    // bridge from there is the loop's only compiled code, so it loops itself rather than
    // ending at its own start (which the driver would not continue, leaving every other
    // iteration to the interpreter).
    Run r = run("""
        def f(xs):
            return [x + 1 for x in xs]
        t = 0
        for i in range(300):
            t += len(f([1, 2, 3, 4, 5, 6]))
        print(t)
        """, 3, 3, 100000);
    assertThat(r.out()).isEqualTo("1800\n");
    assertThat(r.regions()).anySatisfy(ex -> {
      assertThat(ex.kind()).isEqualTo(RegionStart.Kind.BRIDGE);
      assertThat(shape(ex)).startsWith("_ITER_CHECK_LIST _GUARD_NOT_EXHAUSTED_LIST")
          .endsWith("_LIST_APPEND _CHECK_PERIODIC _JUMP_TO_TOP");
    });
  }

  @Test
  void anInnerLoopsExhaustedExitAtTheOuterLoopsEdgeGrowsASafepointBridge() {
    // The inner loop's region leaves through its exhausted range iterator right at the outer
    // loop's backward jump, where the outer loop's region starts: once hot, that exit gets a
    // bridge that is only the edge's safepoint check, which then links natively.
    Run r = run("""
        def f(n):
            t = 0
            for i in range(n):
                for j in range(3):
                    t += j
            return t
        print(f(400))
        """, 4);
    assertThat(r.out()).isEqualTo("1200\n");
    assertThat(r.regions()).anySatisfy(ex -> {
      assertThat(ex.kind()).isEqualTo(RegionStart.Kind.BRIDGE);
      assertThat(shape(ex)).isEqualTo("_CHECK_PERIODIC _EXIT_TRACE");
    });
  }

  @Test
  void aCallSiteTheInterpreterLeftGenericIsInlinedBehindAGuardOnTheCalleeItMakes() {
    // o.f() calls A.f and B.f in turn: the interpreter's CALL stays generic, but the trace
    // inlines the method it records and guards on its code; the other class's call exits,
    // and grows a bridge that inlines its own method.
    Run r = run("""
        class A:
            def f(self):
                return 1
        class B:
            def f(self):
                return 2
        def g(objs):
            t = 0
            for o in objs:
                t += o.f()
            return t
        print(g([A(), B()] * 200))
        """, 4);
    assertThat(r.out()).isEqualTo("600\n");
    Executor loop = r.regions().get(0);
    assertThat(loop.kind()).isEqualTo(RegionStart.Kind.LOOP);
    assertThat(shape(loop)).contains(
        "_CHECK_FUNCTION_CODE _CHECK_STACK_SPACE _INIT_CALL_PY_EXACT_ARGS _PUSH_FRAME")
        .doesNotContain("_CALL_GENERIC").endsWith("_JUMP_TO_TOP");
    assertThat(r.regions()).anySatisfy(ex -> {
      assertThat(ex.kind()).isEqualTo(RegionStart.Kind.BRIDGE);
      assertThat(shape(ex)).contains("_INIT_CALL_PY_EXACT_ARGS _PUSH_FRAME");
    });
  }

  @Test
  void aFunctionMadeAnewForEachCallIsInlinedBehindAGuardOnItsCode() {
    // Each iteration makes a new closure: the interpreter's identity-keyed specialization
    // misses every time and gives up; the trace's code guard holds for all of them.
    Run r = run("""
        def g(n):
            t = 0
            for i in range(n):
                def add(x):
                    return x + i
                t += add(1)
            return t
        print(g(300))
        """, 4);
    assertThat(r.out()).isEqualTo("45150\n");
    Executor loop = r.regions().get(0);
    assertThat(shape(loop)).contains("_MAKE_FUNCTION")
        .contains("_CHECK_FUNCTION_CODE _CHECK_STACK_SPACE _INIT_CALL_PY_EXACT_ARGS _PUSH_FRAME")
        .endsWith("_JUMP_TO_TOP");
    assertThat(r.bridges()).isZero();
  }

  @Test
  void aHotFunctionIsTracedFromItsEntryAndRecursionIsInlinedToABoundedDepth() {
    Run r = run("""
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(18))
        """, 1000, 5);
    assertThat(r.out()).isEqualTo("2584\n");
    Executor entry = r.regions().get(0);
    assertThat(entry.kind()).isEqualTo(RegionStart.Kind.FUNCTION);
    assertThat(entry.startIndex()).isZero();
    String shape = shape(entry);
    assertThat(shape).startsWith("_LOAD_FAST_CHECK _LOAD_CONST _GUARD_BOTH_INT _COMPARE_OP_INT"
        + " _GUARD_IS_FALSE_POP _PUSH_NULL _GUARD_GLOBALS_VERSION _LOAD_GLOBAL_MODULE");
    // Each level of recursion is one inlined frame; the recorder stops at its depth limit.
    long frames = shape.split("_PUSH_FRAME", -1).length - 1;
    assertThat(frames).isBetween(1L, 5L);
    assertThat(shape).endsWith("_EXIT_TRACE");
  }

  @Test
  void polymorphicAttributeSitesAreSpecializedOnTheRecordedReceiver() {
    Run r = run("""
        class Base:
            def get(self):
                return self.v
        class A(Base):
            def __init__(self, v):
                self.v = v
        class B(Base):
            def __init__(self, v):
                self.w = 0
                self.v = v
        def f(items):
            t = 0
            for o in items:
                t += o.v
                o.v = t & 7
                t += o.get()
            return t
        print(f([A(1), B(2)] * 50))
        """, 4);
    assertThat(r.out()).isEqualTo("596\n");
    Executor loop = r.regions().get(0);
    assertThat(loop.kind()).isEqualTo(RegionStart.Kind.LOOP);
    // A and B alternate, so the interpreter's caches miss on every execution; the trace
    // guards the receiver it saw instead of escaping to the generic instruction.
    String shape = shape(loop);
    assertThat(shape).contains("_GUARD_TYPE _GUARD_SHAPE _LOAD_ATTR_SLOT _GUARD_BOTH_INT",
        "_GUARD_TYPE _GUARD_SHAPE _STORE_ATTR_SLOT",
        "_GUARD_TYPE _GUARD_TYPE_VERSION _GUARD_SHAPE _LOAD_METHOD_CONST _CHECK_FUNCTION_VERSION");
    assertThat(shape).doesNotContain("_LOAD_ATTR ", "_STORE_ATTR ", "_LOAD_METHOD ");
    assertThat(shape).endsWith("_JUMP_TO_TOP");
    // The other class fails the first type guard; its bridge guards that class.
    Executor bridge = r.regions().stream()
        .filter(ex -> ex.kind() == RegionStart.Kind.BRIDGE).findFirst().orElseThrow();
    assertThat(shape(bridge)).startsWith("_GUARD_TYPE _GUARD_SHAPE _LOAD_ATTR_SLOT");
    assertThat(typeGuarded(bridge)).isNotEqualTo(typeGuarded(loop));
  }

  @Test
  void aMegamorphicSiteEndsItsChainOfBridgesWithTheGenericInstruction() {
    Run r = run("""
        classes = [type("K%d" % k, (object,), {}) for k in range(14)]
        objs = []
        for k in range(28):
            o = classes[k % 14]()
            o.v = k
            objs.append(o)
        def f(objs):
            t = 0
            for r in range(20):
                for o in objs:
                    t += o.v
            return t
        print(f(objs))
        """, 2);
    assertThat(r.out()).isEqualTo(Integer.toString(20 * (27 * 28 / 2)) + "\n");
    List<String> atSite = r.regions().stream()
        .filter(ex -> ex.kind() == RegionStart.Kind.BRIDGE).map(TraceShapeTest::shape)
        .filter(sh -> sh.startsWith("_GUARD_TYPE _GUARD_SHAPE _LOAD_ATTR_SLOT")
            || sh.startsWith("_LOAD_ATTR ")).toList();
    // A bridge per class up to the cap, then one with the generic load for all the others.
    assertThat(atSite).hasSize(JitDriver.POLYMORPHIC_BRIDGES + 1);
    assertThat(atSite).filteredOn(sh -> sh.startsWith("_LOAD_ATTR _CHECK_VALIDITY")).hasSize(1);
  }

  private static long typeGuarded(Executor ex) {
    return ex.region().allUops().stream().filter(in -> in.uop() == Uop.GUARD_TYPE)
        .findFirst().orElseThrow().operand();
  }
}
