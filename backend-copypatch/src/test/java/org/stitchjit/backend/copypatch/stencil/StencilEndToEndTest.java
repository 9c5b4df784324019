package org.stitchjit.backend.copypatch.stencil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.backend.copypatch.stencil.MiniEmitter.Op;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;
import org.stitchjit.platforms.exec.CodeCache;

/**
 * Runs regions hand-assembled from the committed stencils, entered through {@code stitch_enter}
 * with a fake native frame and thread state: the stencils, their holes and the exit protocol
 * work as machine code, not only as bytes.
 */
class StencilEndToEndTest {

  private static final int NLOCALS = 4;
  private static final int STACK = 8;
  private static final long SENTINEL = 0x5EE0L; // an even word: looks like a pointer, never read

  private final StencilLibrary library = StencilLibrary.load(Platform.current());
  private CodeCache cache;
  private long frame;
  private long ts;

  @BeforeEach
  void setUp() {
    assumeTrue(
        Platform.current().isSupported(),
        "stencils are x86-64 Linux machine code; this is " + Platform.current());
    cache = CodeCache.create(1 << 20);
    long frameBytes = Layout.Frame.size(NLOCALS, STACK);
    frame = Mem.allocate(frameBytes);
    Mem.fill(frame, frameBytes, (byte) 0);
    for (int i = 0; i < STACK; i++) {
      Mem.putLong(stackBase() + 8L * i, SENTINEL);
    }
    ts = Mem.allocate(Layout.ThreadState.SIZE);
    Mem.fill(ts, Layout.ThreadState.SIZE, (byte) 0xAB);
  }

  @AfterEach
  void tearDown() {
    if (cache != null) {
      cache.close();
      Mem.free(frame);
      Mem.free(ts);
    }
  }

  private long assemble(List<Op> region, boolean elide, long... depths) {
    return MiniEmitter.assemble(library, cache, region, elide, name -> {
      throw new AssertionError("no runtime constants here: " + name);
    }, depths);
  }

  private long stackBase() {
    return frame + Layout.Frame.LOCALSPLUS + 8L * NLOCALS;
  }

  private long local(int i) {
    return Mem.getLong(frame + Layout.Frame.LOCALSPLUS + 8L * i);
  }

  private void setLocal(int i, long value) {
    Mem.putLong(frame + Layout.Frame.LOCALSPLUS + 8L * i, value);
  }

  private long stack(int i) {
    return Mem.getLong(stackBase() + 8L * i);
  }

  /** Enters the region with an empty operand stack; returns the exit index. */
  private long run(long entry) {
    return MiniEmitter.enter(library, entry, frame, stackBase(), ts);
  }

  /** The stack pointer the exit stub recorded: the stack base plus the frame's tagged SP. */
  private long exitSp() {
    return stackBase() + 8 * Tag.intValue(Mem.getLong(frame + Layout.Frame.SP));
  }

  /** Enters, checks the exit protocol (index returned and in ts, resume IP); returns the index. */
  private long runChecked(long entry) {
    long exit = run(entry);
    assertThat(Mem.getLong(ts + Layout.ThreadState.JIT_EXIT)).isEqualTo(exit);
    assertThat(Mem.getLong(frame + Layout.Frame.IP)).isEqualTo(Tag.fromInt(100 + exit));
    return exit;
  }

  /** The stack depth at each exit of {@link #addRegion()}. */
  private static final long[] ADD_DEPTHS = {2, 2, 0};

  /** _LOAD_FAST 0, _LOAD_FAST 1, _GUARD_BOTH_INT, _BINARY_OP_ADD_INT, _STORE_FAST 2. */
  private static List<Op> addRegion() {
    return List.of(
        Op.oparg("_LOAD_FAST", 0),
        Op.oparg("_LOAD_FAST", 1),
        Op.exit("_GUARD_BOTH_INT", 0),
        Op.exit("_BINARY_OP_ADD_INT", 1),
        Op.oparg("_STORE_FAST", 2),
        Op.exit("_EXIT_TRACE", 2));
  }

  @ParameterizedTest(name = "elide tail jumps: {0}")
  @ValueSource(booleans = {false, true})
  void addsTwoSmallInts(boolean elide) {
    long entry = assemble(addRegion(), elide, ADD_DEPTHS);
    setLocal(0, Tag.fromInt(2));
    setLocal(1, Tag.fromInt(3));

    assertThat(runChecked(entry)).isEqualTo(2); // _EXIT_TRACE's exit
    assertThat(local(2)).isEqualTo(Tag.fromInt(5)).isEqualTo(11);
    assertThat(exitSp()).isEqualTo(stackBase());
    assertThat(local(0)).isEqualTo(Tag.fromInt(2));
    assertThat(local(1)).isEqualTo(Tag.fromInt(3));

    // Again, with other values and many times: callee-saved registers survive every call
    // (the JVM would not, if stitch_enter did not restore them).
    for (int i = -5000; i < 5000; i++) {
      setLocal(0, Tag.fromInt(i));
      setLocal(1, Tag.fromInt(3L * i + 7));
      assertThat(runChecked(entry)).isEqualTo(2);
      assertThat(Tag.intValue(local(2))).isEqualTo(4L * i + 7);
    }
  }

  @Test
  void aNonIntOperandLeavesThroughTheGuard() {
    long entry = assemble(addRegion(), true, ADD_DEPTHS);
    setLocal(0, Tag.fromInt(2));
    setLocal(1, 0x1000); // an object pointer
    setLocal(2, SENTINEL);

    assertThat(runChecked(entry)).isZero();
    assertThat(exitSp()).isEqualTo(stackBase() + 16); // both loads done, nothing consumed
    assertThat(local(0)).isEqualTo(Tag.fromInt(2));
    assertThat(local(1)).isEqualTo(0x1000);
    assertThat(local(2)).isEqualTo(SENTINEL);
    assertThat(stack(0)).isEqualTo(Tag.fromInt(2));
    assertThat(stack(1)).isEqualTo(0x1000);
  }

  @Test
  void overflowLeavesThroughTheAddsExitChangingNothing() {
    long entry = assemble(addRegion(), true, ADD_DEPTHS);
    long[][] overflowing = {
      {Tag.SMALL_MAX, 1}, {1, Tag.SMALL_MAX}, {Tag.SMALL_MIN, -1}, {Tag.SMALL_MAX, Tag.SMALL_MAX},
      {Tag.SMALL_MIN, Tag.SMALL_MIN}
    };
    for (long[] pair : overflowing) {
      setLocal(0, Tag.fromInt(pair[0]));
      setLocal(1, Tag.fromInt(pair[1]));
      setLocal(2, SENTINEL);
      assertThat(runChecked(entry)).as(pair[0] + " + " + pair[1]).isEqualTo(1);
      assertThat(exitSp()).isEqualTo(stackBase() + 16);
      assertThat(stack(0)).isEqualTo(Tag.fromInt(pair[0]));
      assertThat(stack(1)).isEqualTo(Tag.fromInt(pair[1]));
      assertThat(local(2)).isEqualTo(SENTINEL);
    }
    // The edges that still fit.
    long[][] fitting = {{Tag.SMALL_MAX - 1, 1}, {Tag.SMALL_MIN + 1, -1}, {Tag.SMALL_MAX, Tag.SMALL_MIN}};
    for (long[] pair : fitting) {
      setLocal(0, Tag.fromInt(pair[0]));
      setLocal(1, Tag.fromInt(pair[1]));
      assertThat(runChecked(entry)).as(pair[0] + " + " + pair[1]).isEqualTo(2);
      assertThat(local(2)).isEqualTo(Tag.fromInt(pair[0] + pair[1]));
    }
  }

  /**
   * A loop through _JUMP_TO_TOP that counts local 0 up by one (the constant comes from an
   * _LOAD_CONST_INLINE operand) until the add overflows; _NOP and _POP_TOP ride along.
   */
  @ParameterizedTest(name = "elide tail jumps: {0}")
  @ValueSource(booleans = {false, true})
  void loopsUntilTheAddOverflows(boolean elide) {
    List<Op> loop = new ArrayList<>();
    loop.add(Op.oparg("_LOAD_FAST", 0));
    loop.add(Op.operand("_LOAD_CONST_INLINE", Tag.fromInt(1)));
    loop.add(Op.exit("_GUARD_BOTH_INT", 0));
    loop.add(Op.exit("_BINARY_OP_ADD_INT", 1));
    loop.add(Op.oparg("_STORE_FAST", 0));
    loop.add(Op.of("_NOP"));
    loop.add(Op.oparg("_LOAD_FAST", 3));
    loop.add(Op.of("_POP_TOP"));
    loop.add(Op.of("_JUMP_TO_TOP"));
    long entry = assemble(loop, elide, 2, 2);

    int iterations = 1_000_000;
    setLocal(0, Tag.fromInt(Tag.SMALL_MAX - iterations));
    setLocal(3, Tag.fromInt(42));

    assertThat(runChecked(entry)).isEqualTo(1);
    assertThat(local(0)).isEqualTo(Tag.fromInt(Tag.SMALL_MAX));
    assertThat(exitSp()).isEqualTo(stackBase() + 16);
    assertThat(stack(0)).isEqualTo(Tag.fromInt(Tag.SMALL_MAX));
    assertThat(stack(1)).isEqualTo(Tag.fromInt(1));
    assertThat(local(3)).isEqualTo(Tag.fromInt(42));
  }

  @Test
  void elisionSavesTheTailJumps() {
    List<Op> region = addRegion();
    int full = 0;
    int elided = 0;
    for (int i = 0; i < region.size(); i++) {
      Stencil s = library.get(region.get(i).name());
      full += s.size();
      elided += i + 1 < region.size() ? s.sizeWithoutTailJump() : s.size();
    }
    // _LOAD_FAST x2, _BINARY_OP_ADD_INT and _STORE_FAST end with the jump; the guard does not.
    assertThat(full - elided).isEqualTo(4 * 6);
  }
}
