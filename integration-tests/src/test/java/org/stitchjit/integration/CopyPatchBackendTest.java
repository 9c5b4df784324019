package org.stitchjit.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.frontend.tracing.TracingFrontend;
import org.stitchjit.optimizer.AllocationRemovalPass;
import org.stitchjit.optimizer.LoopPeelingPass;
import org.stitchjit.optimizer.PromotionPass;
import org.stitchjit.platforms.Platform;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;

/**
 * Small loops run as machine code under {@code tracing+copypatch}: they print what the
 * interpreter prints, their traces compile natively, and guard and overflow exits resume
 * correctly.
 */
class CopyPatchBackendTest {

  record Run(String out, RunStats stats) {
    long jit(String key) {
      Number n = stats.jit().get(key);
      return n == null ? 0 : n.longValue();
    }
  }

  @BeforeEach
  void supported() {
    assumeTrue(Platform.current().isSupported(), "stencils are x86-64 Linux machine code");
  }

  /** Runs with the JIT off when jit is null. */
  private static Run run(String source, String jit) {
    return run(source, jit, 1L << 28);
  }

  private static Run run(String source, String jit, long heapLimit) {
    return run(source, jit, heapLimit, ImmutableList.of());
  }

  private static Run run(String source, String jit, long heapLimit,
      ImmutableList<OptimizerPass> passes) {
    Jit j = null;
    if (jit != null) {
      JitConfig config = JitConfig.parse(jit).toBuilder()
          .option("hot-loop", "2").option("hot-function", "2").option("hot-exit", "2")
          .build();
      j = new Jit(config, new TracingFrontend(), passes, backend(config.backend()));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(heapLimit, o, e, j, null)) {
      int status = vm.runSource(source, "t.py");
      assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
      return new Run(out.toString(StandardCharsets.UTF_8), vm.stats());
    }
  }

  private static Backend backend(String name) {
    return name.equals(CopyPatchBackend.NAME) ? new CopyPatchBackend()
        : new org.stitchjit.runtime.jit.reference.ReferenceBackend();
  }

  /** Runs under copypatch and the reference backend; both print what the interpreter does. */
  private static Run check(String source, String expected) {
    assertThat(run(source, null).out()).isEqualTo(expected);
    return check(source);
  }

  /** Runs under copypatch and the reference backend; both print what the interpreter does. */
  private static Run check(String source) {
    String expected = run(source, null).out();
    Run ref = run(source, "tracing+interp");
    assertThat(ref.out()).isEqualTo(expected);
    Run native_ = run(source, "tracing+copypatch");
    assertThat(native_.out()).isEqualTo(expected);
    assertThat(native_.stats().json()).doesNotContain("-error\"");
    return native_;
  }

  private static final String WHILE_LOOP = """
      def f(n):
          i = 0
          t = 0
          while i < n:
              i += 1
              t += i * 2
          return t
      print(f(1000))
      print(f(100000))
      """;

  @Test
  void aNativeReturnGoesOnInTheCallersReturnSiteRegion() {
    // fib's entry region inlines a few levels and ends at the deeper calls; each deeper
    // call's region returns natively into a caller the interpreter would go on with after
    // its CALL. Once such a return site is hot, a region starts there, and later returns jump
    // into it natively (through the CALL's return-entry unit) instead of coming back to the
    // driver: fib(22) makes 57,313 calls, and without those jumps each return was an entry.
    Run r = check("""
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        print(fib(22))
        """, "17711\n");
    assertThat(r.jit("entries")).isLessThan(5_000);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void aReturnSiteRegionInvalidatedWhileTheRecursionRunsIsNoLongerJumpedInto() {
    // The return-site regions promote K; the store in the middle of the recursion invalidates
    // them while native frames below still return to their sites. Those returns must leave
    // for the interpreter (the CALL's return entry is cleared) and see the new K.
    String source = """
        K = 1
        calls = 0
        def fib(n):
            global calls, K
            calls += 1
            if calls == 20000:
                K = 3
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2) * K
        print(fib(22))
        print(calls)
        """;
    String expected = run(source, null).out();
    Run r = run(source, "tracing+copypatch", 1L << 28, ImmutableList.of(new PromotionPass()));
    assertThat(r.out()).isEqualTo(expected);
    assertThat(r.jit("invalidations")).isPositive();
    assertThat(r.jit("entries")).isLessThan(10_000);
  }

  @Test
  void aChainOfTailCallsReturnsNativelyAllTheWay() {
    // Each native return lands on the caller's own RETURN_VALUE (return down(...)); that site
    // gets a return-site region of one _RETURN_VALUE, so the 31 returns of each call of down
    // run natively instead of each handing the caller's return to the interpreter.
    Run r = check("""
        def down(n, acc):
            if n == 0:
                return acc
            return down(n - 1, acc + 1)
        def run():
            t = 0
            for i in range(2000):
                t += down(30, 0)
            return t
        print(run())
        """, "60000\n");
    assertThat(r.stats().instructions()).isLessThan(10_000);
    assertThat(r.jit("entries")).isLessThan(500);
  }

  @Test
  void theDriverWritesAReturnSitesEntryIntoItsCallAndClearsItWhenTheRegionGoes() {
    // Both return sites load a global (fib, ZERO), so both regions depend on the globals.
    String fib = """
        ZERO = 0
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2) + ZERO
        print(fib(18))
        """;
    assertThat(returnEntriesOfCalls(fib)).anyMatch(e -> e != 0);
    // A new global changes the keys version the regions' global loads depend on: every
    // region is invalidated, and nothing runs afterwards to compile one again.
    assertThat(returnEntriesOfCalls(fib + "new_global = 1\n")).containsOnly(0L);
  }

  /**
   * Runs source under tracing+copypatch and reads, before the VM closes, the return-entry unit
   * (the code's resume entry for the unit after it, Layout.Code.resumeEntry) of every CALL in
   * the code objects regions started in.
   */
  private static List<Long> returnEntriesOfCalls(String source) {
    List<org.stitchjit.api.jit.CodeView> codes = new java.util.ArrayList<>();
    TracingFrontend tracing = new TracingFrontend();
    org.stitchjit.api.jit.Frontend watching = new org.stitchjit.api.jit.Frontend() {
      @Override
      public String name() {
        return tracing.name();
      }

      @Override
      public org.stitchjit.api.jit.Recorder begin(org.stitchjit.api.jit.RegionStart start,
          JitConfig config) {
        codes.add(start.code());
        return tracing.begin(start, config);
      }
    };
    JitConfig config = JitConfig.parse("tracing+copypatch").toBuilder()
        .option("hot-loop", "2").option("hot-function", "2").option("hot-exit", "2").build();
    Jit j = new Jit(config, watching, ImmutableList.of(), new CopyPatchBackend());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        GuestVm vm = new GuestVm(1L << 28, o, o, j, null)) {
      assertThat(vm.runSource(source, "t.py")).as(out.toString(StandardCharsets.UTF_8)).isZero();
      List<Long> entries = new java.util.ArrayList<>();
      for (org.stitchjit.api.jit.CodeView c : codes) {
        for (int i = 0; i < c.length(); i += c.opcode(i).size()) {
          if (c.opcode(i).family() == org.stitchjit.api.bytecode.Opcode.CALL) {
            entries.add(org.stitchjit.platforms.Mem.getLong(c.id()
                + org.stitchjit.api.layout.Layout.Code.resumeEntry(c.length(),
                    i + org.stitchjit.api.layout.Layout.Frame.CALL_UNITS)));
          }
        }
      }
      assertThat(entries).isNotEmpty();
      return entries;
    }
  }

  @Test
  void collectionsBetweenNativeReturnsKeepEveryReturnedValue() {
    // Every call allocates, so collections fall due while returns go on natively into their
    // return-site regions (a native return whose collection is due leaves for the
    // interpreter's safepoint instead). Each returned list must be on its caller's stack,
    // below the SP the return stored, when the collector looks.
    String source = """
        def tree(n):
            if n < 2:
                return [n, None, None]
            return [n, tree(n - 1), tree(n - 2)]
        def size(t):
            if t is None:
                return 0
            return 1 + size(t[1]) + size(t[2])
        for i in range(6):
            print(size(tree(17)))
        """;
    String expected = run(source, null).out();
    Run r = run(source, "tracing+copypatch", 8L << 20);
    assertThat(r.out()).isEqualTo(expected);
    assertThat(r.stats().gcCycles()).isPositive();
    assertThat(r.stats().json()).doesNotContain("-error\"");
  }

  @Test
  void aTraceFollowsAShortLoopOutWhenItFindsItsIteratorDone() {
    // consume's loop runs 0 to 2 times; the traces through it (bridges of the caller's trace)
    // often start at its FOR_ITER with the iterator already done. They used to end there at
    // once (too short), leaving the rest of consume and of the caller's iteration to the
    // interpreter each time; now they follow the loop out (_GUARD_EXHAUSTED_*_POP).
    Run r = check("""
        class V:
            def __init__(self, cs):
                self.cs = cs
        def consume(v, todo):
            for c in v.cs:
                if c > 0:
                    todo.append(c)
        def run(n):
            vs = [V([1]), V([2, -1]), V([]), V((3, 4)), V(range(2))]
            t = 0
            for i in range(n):
                todo = []
                consume(vs[i % 5], todo)
                t += len(todo)
            return t
        print(run(30000))
        """, "30000\n");
    assertThat(r.stats().instructions()).isLessThan(5_000);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void aResumedGeneratorRunsItsCodeAfterTheYieldAsMachineCode() {
    // The caller's trace resumes the generator through the runtime (_FOR_ITER_TIER_TWO), which
    // runs it from the instruction after its yield: interpreted, up to the next loop head,
    // unless that resume point has a region of its own (JitDriver.resumeRegion). Here the code
    // between the yield and the loop head is all there is.
    Run r = check("""
        def counter(n):
            i = 0
            total = 0
            while True:
                yield total
                total = total + i * 2 - 1
                i += 1
                if i >= n:
                    return
        def run():
            s = 0
            for t in counter(40000):
                s += t
            return s
        print(run())
        """, "21330933380000\n");
    // What stays interpreted is the YIELD_VALUE itself, once per item; it was 19 per item.
    assertThat(r.stats().instructions()).isLessThan(60_000);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void compiledCodeResumesGeneratorsAndTakesTheirYieldsReturnsAndExceptions() {
    // A for loop over a generator resumes it in compiled code (_FOR_ITER_GEN) and the
    // generator's yield hands the value back there (_YIELD_GEN), with no trip through Java's
    // Generators.resume; its return ends the loop, its exception leaves it (a StopIteration as
    // RuntimeError), and a generator left suspended by a break resumes from Java afterwards.
    Run r = check("""
        def counter(n):
            i = 0
            while i < n:
                yield i * 2
                i += 1
            return "done"
        def risky(n):
            for i in range(n):
                if i == n - 1:
                    raise ValueError("at %d" % i)
                yield i
        def stopper(n):
            for i in range(n):
                yield i
            raise StopIteration
        def run():
            total = 0
            for t in counter(30000):
                total += t
            caught = 0
            for k in range(300):
                try:
                    for v in risky(50):
                        total += v
                except ValueError as e:
                    caught += 1
            msg = None
            try:
                for v in stopper(3000):
                    total += v
            except RuntimeError as e:
                msg = str(e)
            g = counter(100)
            for v in g:
                if v > 20:
                    break
            rest = sum(1 for _ in g)
            return total, caught, msg, rest
        print(run())
        """, "(904821300, 300, 'generator raised StopIteration', 88)\n");
    // 49,042 escapes before, 48,004 of them _FOR_ITER_TIER_TWO resuming a generator.
    assertThat(r.jit("escapes")).isLessThan(5_000);
    assertThat(r.jit("compile_failures")).isZero();
  }

  /** A program's runs with raw floats (copypatch) and without (copypatch, no passes). */
  private record RawRuns(Run raw, Run boxed) {}

  /**
   * Runs src with loop peeling and allocation removal under both backends, each printing
   * expected, and under copypatch without passes. Peeling gives a loop the head a raw local
   * needs (the trace is entered with it boxed).
   */
  private static RawRuns rawRuns(String src, String expected) {
    ImmutableList<OptimizerPass> passes =
        ImmutableList.of(new LoopPeelingPass(), new AllocationRemovalPass());
    Run ref = run(src, "tracing+interp", 1L << 28, passes);
    Run raw = run(src, "tracing+copypatch", 1L << 28, passes);
    assertThat(ref.out()).isEqualTo(expected);
    assertThat(raw.out()).isEqualTo(expected);
    return new RawRuns(raw, run(src, "tracing+copypatch", 1L << 28, ImmutableList.of()));
  }

  @Test
  void aLoopsRawFloatStaysRawAcrossAnInlinedCallAndItsExitsThereBoxIt() {
    // t is a raw local, and its load waits raw on the stack while weight runs inlined: the
    // first call allocates no float per step. In the second, weight's sum is a big int past
    // 2000, and its guard exits inside the callee, where the exit boxes both of t's words one
    // frame back before the interpreter resumes weight and returns into total.
    String src = """
        def weight(i, j):
            return 1.0 / (i + j + 1)
        def total(ks):
            t = 0.0
            for j in range(len(ks)):
                t = t + weight(3, ks[j])
            return t
        ks = list(range(3000))
        print(total(ks), total(ks[:2000] + [2**70 + k for k in range(1000)]))
        """;
    String expected = "6.751415890477285 6.346533272024708\n";
    assertThat(run(src, null).out()).isEqualTo(expected);
    RawRuns runs = rawRuns(src, expected);
    Run r = runs.raw();
    Run boxed = runs.boxed();
    // 2,023 at this writing, against 12,002 boxed and 7,011 while t could not stay raw across
    // the call: the first call's 3,000 steps make none.
    assertThat(r.stats().floatsAllocated()).isLessThan(boxed.stats().floatsAllocated() / 3);
  }

  @Test
  void floatAttributesUpdatedInALoopStayRawAndTheInterpreterSeesOneObjectEach() {
    // p.x += p.v * dt for 4 instances: the loads and the store keep both attributes raw
    // (decision 7, "Float attributes"), so the loop allocates no float per step; reading them
    // afterwards boxes each once, and the box stays (p.x is p.x). Halfway, one instance's v
    // becomes an int, then a str: the raw load exits for both, and the interpreter computes
    // with the int and raises for the str as it would have.
    String src = """
        class P:
            def __init__(self, x, v):
                self.x = x
                self.v = v
        def step(ps, n, dt):
            for _ in range(n):
                for p in ps:
                    p.x += p.v * dt
        ps = [P(float(i), 0.5 + i) for i in range(4)]
        step(ps, 3000, 0.001)
        print([p.x for p in ps], ps[1].x is ps[1].x)
        ps[2].v = 2
        step(ps, 500, 0.001)
        ps[3].v = 'a'
        try:
            step(ps, 10, 0.001)
        except TypeError as e:
            print(e)
        print([p.x for p in ps])
        """;
    String expected = run(src, null).out();
    assertThat(expected).contains("True\n", "can't multiply sequence");
    RawRuns runs = rawRuns(src, expected);
    Run r = runs.raw();
    Run boxed = runs.boxed();
    assertThat(r.jit("allocation-removal.attribute-stores-unboxed")).isGreaterThanOrEqualTo(1);
    // 12,000 steps, each of which allocates a product and a sum boxed.
    assertThat(boxed.stats().floatsAllocated()).isGreaterThan(20_000);
    assertThat(r.stats().floatsAllocated()).isLessThan(2_000);
  }

  @Test
  void aGeneratorLoopGoesFromItemToItemWithoutJava() {
    // _FOR_ITER_GEN jumps into the generator's resume-site region and _YIELD_GEN into the
    // region where the loop goes on (the codes' resume entries, Layout.Code.resumeEntry): 30,000
    // items, where each used to cost two returns to the driver and two entries. When K changes,
    // the regions that promoted it go, their entries with them: a stale entry would jump into
    // code that still multiplies by 1.
    Run r = check("""
        K = 1
        def counter(n):
            i = 0
            while i < n:
                yield i * K
                i += 1
        def run(n):
            total = 0
            for t in counter(n):
                total += t
            return total
        a = run(30000)
        K = 2
        print(a, run(30000))
        """, "449985000 899970000\n");
    assertThat(r.jit("entries")).isLessThan(2_000);
    assertThat(r.jit("invalidations")).isPositive();
  }

  @Test
  void aCallOfAFunctionWithCellsIsInlinedIntoTheCallersTrace() {
    // k is a cell of scaled (its comprehension reads it). Such calls used to stay generic, so
    // the caller's trace ended at each one and compiled code was entered again after it; the
    // interpreter now specializes them (its call makes the cells), and the trace follows in.
    // The frame push escapes, for the runtime to make the cells.
    Run r = check("""
        def scaled(xs, k):
            return [x * k for x in xs]
        def run(n):
            t = 0
            xs = [1, 2, 3]
            for i in range(n):
                t += scaled(xs, i)[2]
            return t
        print(run(20000))
        """, "599970000\n");
    // 20,179 entries before.
    assertThat(r.jit("entries")).isLessThan(1_000);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void inlinedFramesOfKnownCodeAreBuiltToItsGeometry() {
    // The emitter gives the frame-building uops the callee code's sizes as immediates
    // (decision 12): every local past the arguments must start unbound (z, the last, when c is
    // false: a stale z from the call before would be returned instead of raising), and the
    // callee's stack must start above its last local (the deep tuple).
    Run r = check("""
        class P:
            def __init__(self, a, b):
                s = a + b
                d = a - b
                self.v = (s, d, a * b)
        def geo(a, b, c):
            x = a * 2
            y = b * 3
            w = (a, b, c, x, y, (x + (y + (a + (b + 1)))))
            if c:
                z = x + y
            try:
                return w, z
            except UnboundLocalError:
                return w, -1
        def run(n):
            t = 0
            for i in range(n):
                w, z = geo(i, i + 1, i % 2)
                p = P(i, 2)
                t += w[5] + z + p.v[0] + p.v[2] + len(w)
            return t
        print(run(3000))
        """, "56277000\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void aWhileLoopRunsAsMachineCode() {
    Run r = check(WHILE_LOOP, "1001000\n10000100000\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("entries")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
  }

  @Test
  void comparisonsOfEveryKind() {
    String src = """
        def f(n):
            i = 0
            c = 0
            while i < n:
                i += 1
                if i <= 10:
                    c += 1
                if i == 20:
                    c += 100
                if i != 30:
                    c += 1000
                if i > 40:
                    c += 10000
                if i >= 50:
                    c += 100000
                if 5 > i:
                    c -= 1
            return c
        print(f(60))
        """;
    int c = 0;
    for (int i = 1; i <= 60; i++) {
      c += (i <= 10 ? 1 : 0) + (i == 20 ? 100 : 0) + (i != 30 ? 1000 : 0)
          + (i > 40 ? 10000 : 0) + (i >= 50 ? 100000 : 0) - (5 > i ? 1 : 0);
    }
    Run r = check(src, c + "\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theLoopVariableTurningFloatLeavesThroughAGuard() {
    String src = """
        def f(n):
            i = 0
            t = 0
            while i < n:
                i += 1
                if i == 500:
                    i = 500.5
                t = t - i * 3
            return t
        print(f(1000))
        """;
    Run r = check(src);
    assertThat(r.out()).contains(".");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void overflowPastSmallIntsLeavesThroughTheArithmeticExit() {
    String src = """
        def f(n):
            x = 1
            i = 0
            while i < n:
                i += 1
                x = x * 3
            return x
        def g(n):
            x = 2 ** 62 - 5000
            i = 0
            while i < n:
                i += 1
                x = x + 1
            y = -(2 ** 62) + 5000
            i = 0
            while i < n:
                i += 1
                y = y - 1
            return x, y
        print(f(100))
        print(g(10000))
        """;
    java.math.BigInteger x = java.math.BigInteger.valueOf(3).pow(100);
    java.math.BigInteger two62 = java.math.BigInteger.TWO.pow(62);
    String expected = x + "\n(" + two62.add(java.math.BigInteger.valueOf(5000)) + ", "
        + two62.negate().subtract(java.math.BigInteger.valueOf(5000)) + ")\n";
    Run r = check(src, expected);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aRangeLoopCompiles() {
    String src = """
        def g(n):
            t = 0
            for j in range(n):
                t = t - j
            return t
        print(g(1000))
        print(g(10))
        """;
    Run r = check(src, "-499500\n-45\n");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
  }

  /** Globals and builtins read from their dicts' entries; rebinding K keeps the keys version (the
   * entry is read afresh), adding NEW changes it, so _GUARD_GLOBALS_VERSION exits. Also _IS_OP. */
  @Test
  void globalsAndBuiltinsCompileAndANewGlobalLeavesThroughTheVersionGuard() {
    String src = """
        K = 3
        ONE = []
        TWO = []
        def f(n):
            t = 0
            i = 0
            while i < n:
                i += 1
                t += K
                if int is not None:
                    t += 1
                if ONE is TWO:
                    t += 100
                if ONE is not TWO:
                    t += 10000
            return t
        print(f(1000))
        K = 5
        print(f(1000))
        NEW = 1
        print(f(1000))
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
  }

  /** _GUARD_TYPE, _GUARD_SHAPE, _LOAD_ATTR_SLOT, _STORE_ATTR_SLOT (existing slot and new shape)
   * over a list iterator; an instance of another class and one of another shape exit. */
  @Test
  void instanceAttributesCompileAndAnotherClassOrShapeLeavesThroughTheGuards() {
    String src = """
        class P:
            def __init__(self, x):
                self.x = x
                self.y = 0
        class Q:
            def __init__(self):
                self.y = 1
                self.x = 7
        def f(ps):
            t = 0
            for p in ps:
                t += p.x
                p.y = t
            return t
        ps = [P(i) for i in range(600)]
        print(f(ps))
        print(ps[10].y, ps[599].y)
        odd = P(5)
        odd.z = 1
        del odd.z
        ps2 = [P(1) for i in range(300)] + [Q()] + [P(2) for i in range(300)] + [odd]
        print(f(ps2))
        print(ps2[300].y, ps2[301].y, odd.y)
        def g(ps):
            n = 0
            for p in ps:
                p.z = n
                n += 1
            return n
        print(g(ps))
        print(ps[0].z, ps[599].z)
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
  }

  /** _CHECK_ATTR_MODULE, _GUARD_MODULE_KEYS_VERSION, _LOAD_ATTR_MODULE and a float compare; a
   * new module attribute changes the module dict's keys version. */
  @Test
  void moduleAttributesCompileAndAModuleGainingAnAttributeLeavesThroughItsVersionGuard() {
    String src = """
        import math
        def f(n):
            c = 0
            i = 0
            while i < n:
                i += 1
                if math.pi > 3.0:
                    c += 1
            return c
        print(f(1000))
        math.extra = 1
        print(f(1000))
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
  }

  /** Subscripts, stores, iteration and two-tuple unpacking; a list that becomes a tuple, an index
   * past the end and a list among the pairs leave through guards. */
  @Test
  void listAndTupleIndexingIterationAndUnpackingCompileAndLeaveOnTheirGuards() {
    String src = """
        def total(xs, n):
            t = 0
            i = 0
            while i < n:
                t += xs[i]
                i += 1
            return t
        def fill(xs, n):
            i = 0
            while i < n:
                xs[i] = i + i
                i += 1
            return xs[n - 1]
        xs = list(range(1000))
        print(total(xs, 1000))
        print(fill(xs, 1000))
        print(total(xs, 1000))
        print(total(tuple(xs), 1000))
        try:
            print(total(xs, 1001))
        except IndexError as e:
            print("IndexError", e)
        def pairs(ps):
            t = 0
            for p in ps:
                a, b = p
                t += a - b
            return t
        ps = [(i, i + i) for i in range(500)]
        print(pairs(ps))
        print(pairs(ps[:200] + [[7, 3]] + ps[200:]))
        def iters(xs, ts):
            t = 0
            for v in xs:
                t += v
            for v in ts:
                t -= v
            return t
        print(iters(list(range(700)), tuple(range(300))))
        print(iters(tuple(range(700)), list(range(300))))
        def fib(n):
            a = 0
            b = 1
            i = 0
            while i < n:
                a, b = b, a + b
                i += 1
            return a
        print(fib(90))
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
  }

  /** _GUARD_BOTH_FLOAT and _COMPARE_OP_FLOAT for every op, a NaN (only != holds), an int among
   * the floats (the guard exits) and float-int operands. */
  @Test
  void floatComparisonsOfEveryKindCompileAndNaNAndIntsAreRight() {
    String src = """
        def counts(vs):
            lt = le = eq = ne = gt = ge = 0
            for v in vs:
                if v < 0.5:
                    lt += 1
                if v <= 0.5:
                    le += 1
                if v == 0.5:
                    eq += 1
                if v != 0.5:
                    ne += 1
                if v > 0.5:
                    gt += 1
                if v >= 0.5:
                    ge += 1
            return lt, le, eq, ne, gt, ge
        vs = [i / 100 for i in range(101)] * 5
        print(counts(vs))
        nan = float("nan")
        print(counts(vs + [nan] + vs))
        print(counts(vs + [1] + vs))
        def mixed(vs):
            c = 0
            for v in vs:
                if v < 50:
                    c += 1
            return c
        print(mixed([i * 0.5 for i in range(300)]))
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
  }

  /** _LOAD_DEREF and _STORE_DEREF on a closure's cell; _GUARD_IS_TRUE and _GUARD_IS_FALSE from
   * and/or. */
  @Test
  void cellsAndShortCircuitGuardsCompile() {
    String src = """
        def outer(n):
            c = 0
            def get():
                return c
            i = 0
            while i < n:
                i += 1
                c = c + i
            return get()
        print(outer(1000))
        def flags(n):
            c = 0
            i = 0
            while i < n:
                i += 1
                ok = i > 3 and i < 900
                if ok:
                    c += 1
                bad = i < 3 or i > 990
                if bad:
                    c += 1000
                good = i > 5 or i < 0
                if good:
                    c += 1000000
            return c
        print(flags(1000))
        """;
    Run r = check(src);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
  }

  /** The four float operations on floats and small ints (one past 2^53, where int to float
   * rounds), a NaN, infinities and signed zeros; a zero divisor leaves through the divide's exit
   * and raises in the interpreter. Native code allocates inline and counts as the heap does, so
   * the statistics equal the reference executor's to the object. */
  @Test
  void floatArithmeticAllocatesInlineAndKeepsTheHeapsBooks() {
    String src = """
        def arith(vs, n):
            t = 0.0
            u = 1.0
            i = 0
            while i < n:
                for v in vs:
                    t = t + v * 0.5
                    t = t - v
                    u = u * 1.0001
                    t = t + i / 7.0
                    t = t + 3 / u
                i += 1
            return t, u
        vs = [1.5, -2.25, 3, 9007199254740993, 0.1, 1e300]
        print(arith(vs, 2000))
        print(arith([float("inf"), -0.0, 2], 300))
        print(arith([float("nan"), 1.0], 300))
        def inverse(vs):
            t = 0.0
            for v in vs:
                t = t + 1.0 / v
            return t
        print(inverse([0.5 + i for i in range(1000)]))
        try:
            print(inverse([0.5 + i for i in range(1000)] + [0.0]))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        try:
            print(inverse([0.5 + i for i in range(1000)] + [0]))
        except ZeroDivisionError as e:
            print("ZeroDivisionError", e)
        """;
    String expected = run(src, null).out();
    Run ref = run(src, "tracing+interp");
    Run r = check(src);
    assertThat(r.out()).contains("ZeroDivisionError").contains("nan");
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    // Traces through GET_ITER, LIST_APPEND or BUILD_TUPLE have no stencils yet; nothing else
    // may fail (a float stencil's exit without an exit target would be a bad-hole).
    assertThat(r.jit("compile_failures")).isEqualTo(r.jit("compile_failures.no-stencil"));
    assertThat(r.jit("exits")).isGreaterThanOrEqualTo(1);
    assertThat(ref.out()).isEqualTo(expected);
    assertThat(r.stats().objectsAllocated()).isEqualTo(ref.stats().objectsAllocated());
    assertThat(r.stats().bytesAllocated()).isEqualTo(ref.stats().bytesAllocated());
  }

  /** A loop that allocates floats far past a small heap's limit: compiled code counts what it
   * allocates towards the GC threshold and raises the GC-wanted flag, _CHECK_PERIODIC leaves at
   * the next iteration, and the interpreter collects. If the native counts were lost the heap
   * would fill up and the program would fail with MemoryError. */
  @Test
  void inlineFloatAllocationTriggersCollections() {
    String src = """
        def f(n):
            x = 0.5
            t = 0.0
            i = 0
            while i < n:
                i += 1
                t = t + x * 1.5
                t = t - x / 3
            return t
        print(f(800000))
        """;
    long limit = 16L << 20;
    String expected = run(src, null, limit).out();
    Run r = run(src, "tracing+copypatch", limit);
    assertThat(r.out()).isEqualTo(expected);
    assertThat(r.jit("compiled")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("compile_failures")).isZero();
    assertThat(r.stats().bytesAllocated()).isGreaterThan(3 * limit);
    assertThat(r.stats().gcCycles()).isGreaterThanOrEqualTo(3);
    assertThat(r.stats().heapPeakBytes()).isLessThanOrEqualTo(limit);
  }

  /** With allocation-removal, x * 1.5 stays raw until it is added to w (recorded while w is a
   * float), and t, stored from float arithmetic and read only by it, is a raw local across the
   * loop; when w is a big int the one-sided guard on w exits with the raw product and t live.
   * The exit's stubs box both, its hot exit grows a bridge, and the bridge is linked natively
   * after the boxing (a bridge's code reads tagged values): the driver sees a few exits, not one
   * per big-int iteration. Both backends print what the interpreter does, and allocate less
   * than without the pass. */
  @Test
  void anExitWithRawFloatsBoxesThemBeforeItsLinkedBridge() {
    String src = """
        def f(ws):
            x = 0.75
            t = 0.0
            for w in ws:
                t = t + (x * 1.5 + w)
            return t
        print(f([0.25, -1.5] * 3000))
        print(f([0.25, 2**70] * 5000))
        print(f([0.25, 3, -0.0, float('nan')] * 500))
        """;
    RawRuns runs = rawRuns(src, run(src, null).out());
    Run r = runs.raw();
    Run boxed = runs.boxed();
    assertThat(r.jit("allocation-removal.allocations-removed")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("allocation-removal.raw-locals")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("bridges")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("exits")).isLessThan(1_000);
    assertThat(r.stats().objectsAllocated()).isLessThan(boxed.stats().objectsAllocated() - 9_000);
  }

  /** A MemoryError raised by a float's allocation while t is a raw local (the heap filled up
   * after the loop was compiled) unwinds into the handler of t's own frame: the region boxes t
   * first, past the heap limit if it must, so the handler reads the float the interpreter would
   * have, under both backends. */
  @Test
  void aGuestExceptionLeavingARegionBoxesItsRawLocals() {
    String src = """
        def f(m):
            t = 0.0
            n = 0
            try:
                while n < m:
                    n += 1
                    t = t + 1.0
                    u = t * 0.5
                    if u < 0.0:
                        break
            except MemoryError:
                print("MemoryError", t == n, t > 0.0)
                return
            print("done", t == n)
        f(5000)
        keep = []
        try:
            while True:
                keep.append([0.5] * 100)
        except MemoryError:
            pass
        f(10 ** 9)
        keep = None
        f(10)
        """;
    ImmutableList<OptimizerPass> passes =
        ImmutableList.of(new LoopPeelingPass(), new AllocationRemovalPass());
    for (String jit : List.of("tracing+interp", "tracing+copypatch")) {
      Run r = run(src, jit, 8L << 20, passes);
      assertThat(r.out()).as(jit).isEqualTo("done True\nMemoryError True True\ndone True\n");
      assertThat(r.jit("allocation-removal.raw-locals")).as(jit).isGreaterThanOrEqualTo(1);
    }
  }

  /** A branch that goes both ways grows a bridge, and the trace's exit is then linked to it
   * natively: alternating iterations run on without returning to the driver, so it sees a
   * handful of exits, not one per odd iteration. Uops that escape to the runtime inside the
   * bridge (the generic modulo's slow path never; _CALL_BUILTIN always) still report against
   * the right region. */
  @Test
  void aBridgeIsLinkedNativelyIntoItsParentsExit() {
    String src = """
        def f(n):
            t = 0
            for i in range(n):
                if i % 2 == 0:
                    t += 1
                else:
                    t -= abs(-3)
            return t
        print(f(100000))
        """;
    Run r = check(src, "-100000\n");
    assertThat(r.jit("bridges")).isGreaterThanOrEqualTo(1);
    assertThat(r.jit("escapes._CALL_BUILTIN")).isGreaterThan(40_000);
    assertThat(r.jit("exits")).isLessThan(1_000);
  }

  /** Invalidation unlinks: a new global invalidates the loop region and the bridge linked into
   * its exit; the next call compiles and links both again, and every call prints the right
   * sum. */
  @Test
  void invalidatingARegionUnlinksItsBridge() {
    String src = """
        K = 1
        def f(n):
            t = 0
            for i in range(n):
                if i % 2 == 0:
                    t += K
                else:
                    t -= 1
            return t
        print(f(10000))
        NEW = 5
        print(f(10000))
        K = 3
        ANOTHER = 6
        print(f(10000))
        """;
    Run r = check(src, "0\n0\n10000\n");
    assertThat(r.jit("invalidations")).isGreaterThanOrEqualTo(2);
    assertThat(r.jit("bridges")).isGreaterThanOrEqualTo(3);
  }
}
