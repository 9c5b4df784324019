package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.HeapControl;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.backend.copypatch.stencil.MiniEmitter.Op;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;
import org.stitchjit.platforms.exec.CodeCache;

/**
 * The four float arithmetic stencils, run as machine code on float objects, against a native
 * heap set up as the runtime's Heap sets up its own (a free list threaded through 24-byte cells
 * in address order, meta 0 in free cells, a {@link HeapControl} block): results are Java's bit
 * for bit, and the books are kept as Heap.allocate keeps them. The runtime's real heap under
 * these stencils is exercised by integration-tests' CopyPatchBackendTest.
 */
class FloatStencilTest {

  private static final int NLOCALS = 4;
  private static final int STACK = 8;
  private static final long SENTINEL = 0x5EE0L;
  /** Heap's size class for Header.objectSize(0, Float.RAW) = 24 bytes. */
  private static final int CELL = 24;
  private static final long FLOAT_META = Header.meta(0, Layout.Float.RAW, 0);
  private static final long[] DEPTHS = {2, 2, 0};

  private final StencilLibrary library = StencilLibrary.load(Platform.current());
  private CodeCache cache;
  private long frame;
  private long ts;
  private long floatType;
  private long head; // the float class's free-list head word
  private long control;
  private final List<Long> blocks = new ArrayList<>();

  @BeforeEach
  void setUp() {
    assumeTrue(Platform.current().isSupported(),
        "stencils are x86-64 Linux machine code; this is " + Platform.current());
    cache = CodeCache.create(1 << 20);
    long frameBytes = Layout.Frame.size(NLOCALS, STACK);
    frame = block(frameBytes);
    ts = block(Layout.ThreadState.SIZE);
    floatType = block(Layout.Type.NSLOTS * 8L + Header.SIZE);
    head = block(8);
    control = block(HeapControl.SIZE);
    Mem.putLong(control + HeapControl.GC_THRESHOLD, 1L << 20);
  }

  @AfterEach
  void tearDown() {
    if (cache != null) {
      cache.close();
    }
    blocks.forEach(Mem::free);
  }

  private long block(long bytes) {
    long b = Mem.allocate(bytes);
    Mem.zero(b, bytes);
    blocks.add(b);
    return b;
  }

  /** A fresh free list of n cells, threaded as Heap.refill threads a chunk. */
  private long refill(int n) {
    long base = block((long) n * CELL);
    long h = 0;
    for (long p = base + (long) (n - 1) * CELL; p >= base; p -= CELL) {
      Mem.putLong(p, h);
      Mem.putLong(p + Header.META, 0);
      h = p;
    }
    Mem.putLong(head, h);
    return base;
  }

  /** A float object as VM.newFloat leaves it. */
  private long newFloat(double d) {
    long f = block(CELL);
    Mem.putLong(f, floatType);
    Mem.putLong(f + Header.META, FLOAT_META);
    Mem.putDouble(f + Layout.Float.VALUE, d);
    return f;
  }

  private long constant(String name) {
    return switch (name) {
      case RuntimeConstants.FLOAT_TYPE -> floatType;
      case RuntimeConstants.FLOAT_FREE_LIST -> head;
      case RuntimeConstants.HEAP_CONTROL -> control;
      case RuntimeConstants.FLOAT_CELL_BYTES -> CELL;
      default -> throw new AssertionError("unexpected runtime constant " + name);
    };
  }

  /** _LOAD_FAST 0, _LOAD_FAST 1, the float-operand guard, the operation, _STORE_FAST 2. */
  private long region(String uop, boolean elide) {
    return MiniEmitter.assemble(library, cache, List.of(
        Op.oparg("_LOAD_FAST", 0),
        Op.oparg("_LOAD_FAST", 1),
        Op.exit("_GUARD_FLOAT_OPERANDS", 0),
        Op.exit(uop, 1),
        Op.oparg("_STORE_FAST", 2),
        Op.exit("_EXIT_TRACE", 2)), elide, this::constant, DEPTHS);
  }

  private long local(int i) {
    return Mem.getLong(frame + Layout.Frame.LOCALSPLUS + 8L * i);
  }

  private void setLocal(int i, long v) {
    Mem.putLong(frame + Layout.Frame.LOCALSPLUS + 8L * i, v);
  }

  private long stackBase() {
    return frame + Layout.Frame.LOCALSPLUS + 8L * NLOCALS;
  }

  private long run(long entry, long a, long b) {
    setLocal(0, a);
    setLocal(1, b);
    setLocal(2, SENTINEL);
    long exit = MiniEmitter.enter(library, entry, frame, stackBase(), ts);
    assertThat(Mem.getLong(ts + Layout.ThreadState.JIT_EXIT)).isEqualTo(exit);
    return exit;
  }

  private long word(long offset) {
    return Mem.getLong(control + offset);
  }

  /** The reference executor's asDouble. */
  private static double asDouble(long v) {
    return (v & 1) != 0 ? (double) (v >> 1) : Mem.getDouble(v + Layout.Float.VALUE);
  }

  private static DoubleBinaryOperator java(String uop) {
    return switch (uop) {
      case "_BINARY_OP_ADD_FLOAT" -> (x, y) -> x + y;
      case "_BINARY_OP_SUBTRACT_FLOAT" -> (x, y) -> x - y;
      case "_BINARY_OP_MULTIPLY_FLOAT" -> (x, y) -> x * y;
      default -> (x, y) -> x / y;
    };
  }

  private static final double[] DOUBLES = {
    0.0, -0.0, 1.5, -2.25, 0.1, 1.0 / 3, Math.PI, 1e308, -1e308, Double.MIN_VALUE,
    Double.MIN_NORMAL, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
    Double.NaN, 9007199254740993.0, 4.611686018427388e18
  };

  /** Small ints, with ones (&gt; 2^53) that only round to a double. */
  private static final long[] INTS = {
    0, 1, -7, 3, 1L << 53, (1L << 53) + 1, -(1L << 53) - 3, Tag.SMALL_MAX, Tag.SMALL_MIN,
    Tag.SMALL_MAX - 511
  };

  private List<Long> operands() {
    List<Long> vs = new ArrayList<>();
    for (double d : DOUBLES) {
      vs.add(newFloat(d));
    }
    for (long n : INTS) {
      vs.add(Tag.fromInt(n));
    }
    return vs;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"_BINARY_OP_ADD_FLOAT", "_BINARY_OP_SUBTRACT_FLOAT",
      "_BINARY_OP_MULTIPLY_FLOAT", "_BINARY_OP_TRUE_DIVIDE_FLOAT"})
  void resultsAreJavasBitForBitAndTheBooksAreKeptAsHeapAllocateKeepsThem(String uop) {
    boolean div = uop.equals("_BINARY_OP_TRUE_DIVIDE_FLOAT");
    DoubleBinaryOperator op = java(uop);
    List<Long> vs = operands();
    long base = refill(vs.size() * vs.size() + 1);
    long entry = region(uop, true);
    long expectCell = base;
    long objects = 0;
    int computed = 0;
    for (long a : vs) {
      for (long b : vs) {
        boolean floats = (a & 1) == 0 || (b & 1) == 0;
        double x = asDouble(a);
        double y = asDouble(b);
        long exit = run(entry, a, b);
        if (!floats) {
          assertThat(exit).as("two small ints fail the guard").isZero();
          continue;
        }
        if (div && y == 0.0) {
          assertThat(exit).as(x + " / " + y).isEqualTo(1);
          assertThat(Mem.getLong(head)).as("nothing allocated").isEqualTo(expectCell);
          assertThat(local(2)).isEqualTo(SENTINEL);
          assertThat(Mem.getLong(stackBase())).isEqualTo(a);
          assertThat(Mem.getLong(stackBase() + 8)).isEqualTo(b);
          assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isEqualTo(objects);
          continue;
        }
        assertThat(exit).as(uop + " " + x + ", " + y).isEqualTo(2);
        long r = local(2);
        String what = uop + "(" + x + ", " + y + ")";
        assertThat(r).as(what + ": the head cell").isEqualTo(expectCell);
        expectCell += CELL;
        assertThat(Mem.getLong(head)).as("popped").isEqualTo(r + CELL);
        assertThat(Mem.getLong(r + Header.TYPE)).isEqualTo(floatType);
        assertThat(Mem.getLong(r + Header.META)).isEqualTo(FLOAT_META);
        assertThat(Double.doubleToRawLongBits(Mem.getDouble(r + Layout.Float.VALUE)))
            .as(what)
            .isEqualTo(Double.doubleToRawLongBits(op.applyAsDouble(x, y)));
        objects++;
        computed++;
        assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isEqualTo(objects);
        assertThat(word(HeapControl.BYTES_ALLOCATED)).isEqualTo(objects * CELL);
        assertThat(word(HeapControl.ALLOCATED_SINCE_GC)).isEqualTo(objects * CELL);
        assertThat(word(HeapControl.GC_THRESHOLD)).isEqualTo(1L << 20);
        assertThat(Mem.getLong(ts + Layout.ThreadState.GC_WANTED)).isZero();
        // The operands are untouched.
        if ((a & 1) == 0) {
          assertThat(Mem.getLong(a + Header.META)).isEqualTo(FLOAT_META);
        }
      }
    }
    assertThat(computed).isGreaterThan(400);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"_BINARY_OP_ADD_FLOAT", "_BINARY_OP_SUBTRACT_FLOAT",
      "_BINARY_OP_MULTIPLY_FLOAT", "_BINARY_OP_TRUE_DIVIDE_FLOAT"})
  void passingTheThresholdRaisesTheGcWantedWordAndTheRegionRunsOn(String uop) {
    refill(8);
    long entry = region(uop, false);
    long a = newFloat(3.0);
    long b = Tag.fromInt(2);
    Mem.putLong(control + HeapControl.ALLOCATED_SINCE_GC, 1000);
    Mem.putLong(control + HeapControl.OBJECTS_ALLOCATED, 7);
    Mem.putLong(control + HeapControl.BYTES_ALLOCATED, 5000);
    Mem.putLong(control + HeapControl.GC_THRESHOLD, 1000 + 2 * CELL);

    assertThat(run(entry, a, b)).isEqualTo(2);
    assertThat(run(entry, a, b)).isEqualTo(2);
    assertThat(Mem.getLong(ts + Layout.ThreadState.GC_WANTED)).as("at, not past").isZero();
    assertThat(run(entry, a, b)).isEqualTo(2);
    assertThat(Mem.getLong(ts + Layout.ThreadState.GC_WANTED)).isEqualTo(1);
    assertThat(run(entry, a, b)).as("allocation never collects").isEqualTo(2);
    assertThat(Mem.getLong(ts + Layout.ThreadState.GC_WANTED)).isEqualTo(1);
    assertThat(word(HeapControl.ALLOCATED_SINCE_GC)).isEqualTo(1000 + 4 * CELL);
    assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isEqualTo(11);
    assertThat(word(HeapControl.BYTES_ALLOCATED)).isEqualTo(5000 + 4 * CELL);
    assertThat(word(HeapControl.GC_THRESHOLD)).isEqualTo(1000 + 2 * CELL);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"_BINARY_OP_ADD_FLOAT", "_BINARY_OP_SUBTRACT_FLOAT",
      "_BINARY_OP_MULTIPLY_FLOAT", "_BINARY_OP_TRUE_DIVIDE_FLOAT"})
  void anEmptyFreeListEscapesChangingNothing(String uop) {
    long last = refill(1);
    long entry = region(uop, true);
    long a = newFloat(1.25);
    long b = newFloat(0.5);
    assertThat(run(entry, a, b)).isEqualTo(2);
    assertThat(local(2)).isEqualTo(last);
    assertThat(Mem.getLong(head)).isZero();
    long since = word(HeapControl.ALLOCATED_SINCE_GC);

    for (int i = 0; i < 3; i++) {
      // The runtime is to perform uop 3 with the stack as it was: escape code -2 - 3.
      assertThat(run(entry, a, b)).isEqualTo(-5);
      assertThat(Mem.getLong(ts + Layout.ThreadState.JIT_SP)).isEqualTo(stackBase() + 16);
      assertThat(Mem.getLong(stackBase())).isEqualTo(a);
      assertThat(Mem.getLong(stackBase() + 8)).isEqualTo(b);
      assertThat(local(2)).isEqualTo(SENTINEL);
      assertThat(Mem.getLong(head)).isZero();
      assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isEqualTo(1);
      assertThat(word(HeapControl.BYTES_ALLOCATED)).isEqualTo(CELL);
      assertThat(word(HeapControl.ALLOCATED_SINCE_GC)).isEqualTo(since);
    }
  }

  /**
   * An exit's boxing stubs (decision 7): with a cell per raw word on the float free list they
   * box raw local 1 and the raw stack slot under sp and go on to the exit's stub (exit 0 here);
   * one cell short, the check jumps to the unboxed stub (exit 1) with nothing changed, so the
   * runtime boxes every word and none twice.
   */
  @Test
  void exitBoxingBoxesEveryRawWordOrNone() {
    long entry = MiniEmitter.assemble(library, cache, List.of(
        new Op("_EXIT_BOX_CHECK", 2, 0, 1),
        Op.oparg("_EXIT_BOX_LOCAL", 1),
        Op.oparg("_EXIT_BOX_SLOT", 1),
        Op.exit("_EXIT_TRACE", 0)), true, this::constant, 1, 1);
    long local = Double.doubleToRawLongBits(-0.0);
    long slot = Double.doubleToRawLongBits(Math.PI);

    long first = refill(1);
    setLocal(1, local);
    Mem.putLong(stackBase(), slot);
    assertThat(MiniEmitter.enter(library, entry, frame, stackBase() + 8, ts)).isEqualTo(1);
    assertThat(local(1)).isEqualTo(local);
    assertThat(Mem.getLong(stackBase())).isEqualTo(slot);
    assertThat(Mem.getLong(head)).isEqualTo(first);
    assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isZero();

    long base = refill(2);
    assertThat(MiniEmitter.enter(library, entry, frame, stackBase() + 8, ts)).isZero();
    assertThat(local(1)).isEqualTo(base);
    assertThat(Mem.getLong(stackBase())).isEqualTo(base + CELL);
    assertThat(Mem.getLong(head)).isZero();
    for (long f : new long[] {base, base + CELL}) {
      assertThat(Mem.getLong(f + Header.TYPE)).isEqualTo(floatType);
      assertThat(Mem.getLong(f + Header.META)).isEqualTo(FLOAT_META);
    }
    assertThat(Double.doubleToRawLongBits(Mem.getDouble(base + Layout.Float.VALUE)))
        .isEqualTo(local);
    assertThat(Mem.getDouble(base + CELL + Layout.Float.VALUE)).isEqualTo(Math.PI);
    assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isEqualTo(2);
    assertThat(word(HeapControl.BYTES_ALLOCATED)).isEqualTo(2 * CELL);
  }

  @Test
  void aZeroDivisorExitsBeforeAllocating() {
    long base = refill(4);
    long entry = region("_BINARY_OP_TRUE_DIVIDE_FLOAT", true);
    long a = newFloat(1.0);
    for (long zero : new long[] {newFloat(0.0), newFloat(-0.0), Tag.fromInt(0)}) {
      assertThat(run(entry, a, zero)).isEqualTo(1);
      assertThat(Mem.getLong(frame + Layout.Frame.SP)).isEqualTo(Tag.fromInt(2));
      assertThat(Mem.getLong(stackBase() + 8)).isEqualTo(zero);
      assertThat(Mem.getLong(head)).isEqualTo(base);
      assertThat(word(HeapControl.OBJECTS_ALLOCATED)).isZero();
      assertThat(word(HeapControl.ALLOCATED_SINCE_GC)).isZero();
    }
    // A small int numerator over a tiny divisor still divides.
    assertThat(run(entry, Tag.fromInt(1), newFloat(Double.MIN_VALUE))).isEqualTo(2);
    assertThat(Mem.getDouble(local(2) + Layout.Float.VALUE)).isEqualTo(Double.POSITIVE_INFINITY);
  }
}
