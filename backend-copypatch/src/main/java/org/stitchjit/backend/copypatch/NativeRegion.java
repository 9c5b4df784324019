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
import org.stitchjit.platforms.exec.DataBlob;
import org.stitchjit.platforms.exec.NativeCalls;

/**
 * A trace as x86-64 machine code in a code cache blob, entered through its {@code
 * stitch_enter} trampoline. Exit stubs write the frame's IP and SP and the exit index, so
 * {@link #enter} only computes the operand stack pointer and calls in; when the code escapes
 * (a uop without a template, or a stencil's slow path), the runtime performs the uop and the
 * uops after it that have no native code ({@link RuntimeSteps.Steps}), and the code is entered
 * again at the next uop that has.
 *
 * <p>An exit with a bridge is linked natively ({@link #link}): its stub's first bytes become a
 * jump to the bridge's first uop, so the code goes on without returning. An exit that leaves raw
 * doubles (decision 7) boxes them in native code before that stub; when the float free list is
 * short it returns through a second stub instead ({@link #UNBOXED}), and {@link #enter} has the
 * runtime box them. Exit and
 * escape stubs carry their region's token ({@link RegionTable}), so whichever region the code
 * has reached, {@link #enter} knows whose exit or uop it is.
 */
final class NativeRegion implements CompiledRegion {
  private final CodeBlob blob;
  private final long trampoline;
  private final long[] uopAddress;
  private final boolean[] isNative;
  private final Uop[] uops;
  /** Per exit, where the stub a link replaces starts (past any boxing stubs). */
  private final int[] linkStart;
  /** Per exit, the stub's first bytes while a jump to a bridge replaces them, else null. */
  private final byte[][] unlinked;
  private final int token;
  private final RegionTable table;
  /** The word the region's {@code _CHECK_VALIDITY} uops read: non-zero once invalidated. */
  private final DataBlob validity;
  private CompiledRegion lastExit = this;
  private final RuntimeSteps.Steps steps;
  private final EscapeCounts escapes;
  private final Runnable onFree;
  private boolean freed;
  private java.util.function.Supplier<List<MachineCode.Part>> parts = List::of;

  /**
   * @param uopStart per uop, the offset of its code in the blob
   * @param isNative per uop, whether its code performs it (else it escapes at once)
   * @param linkStart per exit, where the stub a link to a bridge replaces starts
   */
  NativeRegion(CodeBlob blob, DataBlob validity, int token, RegionTable table, int[] uopStart,
      int[] linkStart, boolean[] isNative, Uop[] uops,
      RuntimeSteps.Steps steps, EscapeCounts escapes, Runnable onFree) {
    this.blob = blob;
    this.validity = validity;
    this.trampoline = blob.address();
    this.uopAddress = new long[isNative.length];
    for (int i = 0; i < uopAddress.length; i++) {
      uopAddress[i] = blob.address() + uopStart[i];
    }
    this.isNative = isNative.clone();
    this.token = token;
    this.table = table;
    this.linkStart = linkStart.clone();
    this.unlinked = new byte[linkStart.length][];
    this.uops = uops.clone();
    this.steps = steps;
    this.escapes = escapes;
    this.onFree = onFree;
  }

  /**
   * The bit an exit's unboxed stub adds to its code: the exit left raw doubles for the runtime
   * to box (the float free list was short). Exit indices stay below it.
   */
  static final long UNBOXED = 1L << 30;

  /** What exit k's stub makes {@code stitch_enter} return: not negative. */
  static long exitCode(int token, int exit) {
    return ((long) token << 32) | exit;
  }

  /** What the escape stub of uop i makes {@code stitch_enter} return: below -1, unlike exits. */
  static long escapeCode(int token, int uop) {
    return -2L - (((long) token << 32) | uop);
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
      if (r == RESUME_AT_FRAME) {
        // _RETURN_VALUE: it returned from the frame itself, or left the return to the
        // interpreter (stitch_stencil.h, section 3).
        lastExit = this;
        return RESUME_AT_FRAME;
      }
      if (r >= 0) {
        NativeRegion left = table.get((int) (r >>> 32));
        lastExit = left;
        int exit = (int) (r & (UNBOXED - 1));
        if ((r & UNBOXED) != 0) {
          // The stub wrote IP and SP; the raw doubles it left become floats before anyone
          // (driver, bridge, interpreter, collector) sees the frame.
          left.steps.materialize(exit, ts);
        }
        return exit;
      }
      long escape = -2 - r;
      NativeRegion at = table.get((int) (escape >>> 32));
      int uop = (int) escape;
      escapes.count(at.uops[uop]);
      // The driver defers freeing a region while any runs, so the code is still there when
      // the runtime hands back, even if the uops it ran invalidated this region.
      int next =
          at.steps.run(uop, ts, Mem.getLong(ts + Layout.ThreadState.JIT_SP), at.isNative);
      if (next < 0) {
        lastExit = at;
        return RuntimeSteps.Steps.enterResult(next);
      }
      frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
      sp = at.steps.sp();
      target = at.uopAddress[next];
    }
  }

  @Override
  public long returnEntry() {
    return freed ? 0 : uopAddress[0];
  }

  @Override
  public CompiledRegion lastExitRegion() {
    return lastExit;
  }

  /**
   * Links exit k to a bridge of this backend: the stub's first five bytes become {@code jmp
   * rel32} to the bridge's first uop (one code cache, so rel32 reaches). The registers at an
   * exit are the bridge's entry state: the frame the exit is in, its stack at the exit's depth.
   */
  @Override
  public synchronized boolean link(int exit, CompiledRegion target) {
    // An exit's boxing stubs run before the stub patched here, so a bridge only ever sees
    // tagged values; when they cannot box, the unboxed stub returns to enter instead.
    if (!(target instanceof NativeRegion bridge) || freed || bridge.freed
        || bridge.table != table || linkStart[exit] < 0) {
      return false; // (no stub: native code never takes that exit)
    }
    long at = trampoline + linkStart[exit];
    long disp = bridge.uopAddress[0] - (at + 5);
    byte[] jmp = {(byte) 0xE9, (byte) disp, (byte) (disp >> 8), (byte) (disp >> 16),
        (byte) (disp >> 24)};
    if (unlinked[exit] == null) {
      byte[] code = blob.read();
      unlinked[exit] = java.util.Arrays.copyOfRange(code, linkStart[exit],
          linkStart[exit] + jmp.length);
    }
    blob.patch(linkStart[exit], jmp);
    return true;
  }

  @Override
  public synchronized void unlink(int exit) {
    if (unlinked[exit] != null && !freed) {
      blob.patch(linkStart[exit], unlinked[exit]);
      unlinked[exit] = null;
    }
  }

  @Override
  public void invalidate() {
    if (!freed) {
      validity.putLong(0, 1);
    }
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
      table.remove(token);
      blob.free();
      validity.free();
      onFree.run();
    }
  }

  /**
   * Names the parts of the code for {@link #machineCode()}; asked for only when a dump or a
   * profiler wants them, since naming every uop costs more than compiling it.
   */
  NativeRegion describedBy(java.util.function.Supplier<List<MachineCode.Part>> parts) {
    this.parts = parts;
    return this;
  }

  @Override
  public Optional<MachineCode> machineCode() {
    return freed ? Optional.empty() : Optional.of(new MachineCode(trampoline, code(), parts.get()));
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
