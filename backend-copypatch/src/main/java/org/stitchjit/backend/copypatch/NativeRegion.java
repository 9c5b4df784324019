package org.stitchjit.backend.copypatch;

import java.util.List;
import java.util.Optional;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.api.jit.RuntimeSteps;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.exec.CodeBlob;
import org.stitchjit.platforms.exec.NativeCalls;

/**
 * A trace as x86-64 machine code in a code cache blob, entered through its {@code
 * stitch_enter} trampoline. Exit stubs write the frame's IP and SP and the exit index, so
 * {@link #enter} only computes the operand stack pointer and calls in; when the code escapes
 * (a uop without a template, or a stencil's slow path), the runtime performs the uop and the
 * uops after it that have no native code ({@link RuntimeSteps.Steps}), and the code is entered
 * again at the next uop that has.
 */
final class NativeRegion implements CompiledRegion {
  private final CodeBlob blob;
  private final long trampoline;
  private final long[] uopAddress;
  private final boolean[] isNative;
  private final Uop[] uops;
  private final RuntimeSteps.Steps steps;
  private final EscapeCounts escapes;
  private final Runnable onFree;
  private boolean freed;
  private List<MachineCode.Part> parts = List.of();

  /**
   * @param uopStart per uop, the offset of its code in the blob
   * @param isNative per uop, whether its code performs it (else it escapes at once)
   */
  NativeRegion(CodeBlob blob, int[] uopStart, boolean[] isNative, Uop[] uops,
      RuntimeSteps.Steps steps, EscapeCounts escapes, Runnable onFree) {
    this.blob = blob;
    this.trampoline = blob.address();
    this.uopAddress = new long[isNative.length];
    for (int i = 0; i < uopAddress.length; i++) {
      uopAddress[i] = blob.address() + uopStart[i];
    }
    this.isNative = isNative.clone();
    this.uops = uops.clone();
    this.steps = steps;
    this.escapes = escapes;
    this.onFree = onFree;
  }

  /** What the escape stub of uop i makes {@code stitch_enter} return: below -1, unlike exits. */
  static long escapeCode(int uop) {
    return -2L - uop;
  }

  /**
   * Runs the trace from the thread state's current frame. The operand stack starts after the
   * frame's locals ({@code Code.NLOCALSPLUS} of the frame's code object), at the frame's SP.
   *
   * <p>The driver never enters an invalidated region; one that is entered anyway runs, and
   * leaves at its first {@code _CHECK_VALIDITY} (which the runtime performs, knowing the region
   * is invalid).
   *
   * @throws IllegalStateException after {@link #free()}
   */
  @Override
  public int enter(long ts) {
    if (freed) {
      throw new IllegalStateException("entering a freed native region");
    }
    long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
    long code = Mem.getLong(frame + Layout.Frame.CODE);
    long nlocalsplus = Mem.getLong(code + Layout.Code.NLOCALSPLUS) >> 1;
    long sp = frame + Layout.Frame.LOCALSPLUS + 8 * nlocalsplus
        + 8 * (Mem.getLong(frame + Layout.Frame.SP) >> 1);
    Mem.putLong(ts + Layout.ThreadState.JIT_KWNAMES, 0);
    long target = uopAddress[0];
    while (true) {
      long r = NativeCalls.call(trampoline, frame, sp, ts, target);
      if (r >= CompiledRegion.RESUME_AT_FRAME) {
        return (int) r;
      }
      int uop = (int) (-2 - r);
      escapes.count(uops[uop]);
      // The driver defers freeing a region while any runs, so the code is still there when
      // the runtime hands back, even if the uops it ran invalidated this region.
      int next = steps.run(uop, ts, Mem.getLong(ts + Layout.ThreadState.JIT_SP), isNative);
      if (next < 0) {
        return RuntimeSteps.Steps.enterResult(next);
      }
      frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
      sp = steps.sp();
      target = uopAddress[next];
    }
  }

  @Override
  public void invalidate() {
    steps.invalidate();
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

  /** Names the parts of the code for {@link #machineCode()}. */
  NativeRegion describedBy(List<MachineCode.Part> parts) {
    this.parts = List.copyOf(parts);
    return this;
  }

  @Override
  public Optional<MachineCode> machineCode() {
    return freed ? Optional.empty() : Optional.of(new MachineCode(trampoline, code(), parts));
  }

  /** The entry address (for tests and dumps). */
  long address() {
    return trampoline;
  }

  /** The code as written (for tests and dumps). */
  byte[] code() {
    return blob.read();
  }

  /** Per uop, whether its code performs it natively. */
  boolean[] isNative() {
    return isNative.clone();
  }
}
