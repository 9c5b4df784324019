package org.stitchjit.backend.copypatch;

import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.exec.CodeBlob;
import org.stitchjit.platforms.exec.NativeCalls;

/**
 * A trace as x86-64 machine code in a code cache blob, entered through its {@code
 * stitch_enter} trampoline. The exit stubs write the frame's IP and SP and the exit index, so
 * {@link #enter} only computes the operand stack pointer and calls in.
 */
final class NativeRegion implements CompiledRegion {
  private final CodeBlob blob;
  private final long entry;
  private final Runnable onFree;
  private volatile boolean valid = true;
  private boolean freed;

  NativeRegion(CodeBlob blob, Runnable onFree) {
    this.blob = blob;
    this.entry = blob.address();
    this.onFree = onFree;
  }

  /**
   * Runs the trace from the thread state's current frame. The operand stack starts after the
   * frame's locals ({@code Code.NLOCALSPLUS} of the frame's code object), at the frame's SP.
   *
   * @throws IllegalStateException after {@link #invalidate()} or {@link #free()}: the driver
   *     unhooks an invalidated region and never enters it again. (No stencil depends on
   *     anything that can be invalidated yet, so there is no {@code _CHECK_VALIDITY} stencil.)
   */
  @Override
  public int enter(long ts) {
    if (!valid || freed) {
      throw new IllegalStateException("entering an invalidated or freed native region");
    }
    long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
    long code = Mem.getLong(frame + Layout.Frame.CODE);
    long nlocalsplus = Mem.getLong(code + Layout.Code.NLOCALSPLUS) >> 1;
    long sp = frame + Layout.Frame.LOCALSPLUS + 8 * nlocalsplus
        + 8 * (Mem.getLong(frame + Layout.Frame.SP) >> 1);
    return (int) NativeCalls.call(entry, frame, sp, ts);
  }

  @Override
  public void invalidate() {
    valid = false;
  }

  @Override
  public long codeBytes() {
    return blob.allocatedBytes();
  }

  @Override
  public void free() {
    if (!freed) {
      freed = true;
      blob.free();
      onFree.run();
    }
  }

  /** The entry address (for tests and dumps). */
  long address() {
    return entry;
  }

  /** The code as written (for tests and dumps). */
  byte[] code() {
    return blob.read();
  }
}
