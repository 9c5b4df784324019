package org.stitchjit.backend.copypatch;

/**
 * The immediate the emitter gives {@code _INIT_CALL_PY_EXACT_ARGS} and {@code _INIT_CALL_INIT}
 * in place of their oparg when it knows the callee's code and the code has no cell or free
 * variables (decision 12): {@link #FLAG}, the argument count, the locals to fill and the
 * frame's bytes, each in its own field. The IR's oparg, a small argument count, never has the
 * flag, so one immediate says which it is. The constants are generated into {@code
 * stitch_layout.h} ({@code STITCH_PLAIN_CALL_*}) and each helper has a C twin there, which
 * {@code LayoutHeaderInCTest} probes against this one.
 */
public final class PlainCall {
  public static final long FLAG = 1L << 63;
  public static final int ARGS_BITS = 8;
  public static final int LOCALS_SHIFT = 8;
  public static final int LOCALS_BITS = 16;
  public static final int FRAME_BYTES_SHIFT = 24;
  public static final int FRAME_BYTES_BITS = 32;

  private PlainCall() {}

  /** Whether each count fits its field. */
  public static boolean fits(long args, long locals, long frameBytes) {
    return args >= 0 && args < 1L << ARGS_BITS && locals >= 0 && locals < 1L << LOCALS_BITS
        && frameBytes >= 0 && frameBytes < 1L << FRAME_BYTES_BITS;
  }

  /** The immediate for counts that {@link #fits} accepts. */
  public static long pack(long args, long locals, long frameBytes) {
    return FLAG | args | locals << LOCALS_SHIFT | frameBytes << FRAME_BYTES_SHIFT;
  }

  public static long args(long immediate) {
    return immediate & ((1L << ARGS_BITS) - 1);
  }

  public static long locals(long immediate) {
    return immediate >>> LOCALS_SHIFT & ((1L << LOCALS_BITS) - 1);
  }

  public static long frameBytes(long immediate) {
    return immediate >>> FRAME_BYTES_SHIFT & ((1L << FRAME_BYTES_BITS) - 1);
  }
}
