package org.stitchjit.benchmarks;

import java.util.Optional;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.jit.RuntimeSteps;
import org.stitchjit.api.uop.Region;

/**
 * A compile context without a VM: the code compiled under it is never entered, so the runtime
 * constants only have to look like addresses. Any name gets one, so constants a backend learns
 * to ask for later do not make the benchmark fail. Stepping (what escapes run) is refused: no
 * code compiled here ever runs. In a VM, preparing a region for stepping (the reference
 * executor flattening the trace) is part of each compile; here it is not measured.
 */
public final class FakeCompileContext implements CompileContext, RuntimeConstants, RuntimeSteps {
  /** Far more than any corpus keeps live at once; the copypatch backend reserves this much. */
  public static final long CODE_CACHE_BYTES = 64L << 20;

  @Override
  public <T> Optional<T> service(Class<T> type) {
    return type == RuntimeConstants.class || type == RuntimeSteps.class
        ? Optional.of(type.cast(this)) : Optional.empty();
  }

  @Override
  public long codeCacheFree() {
    return CODE_CACHE_BYTES;
  }

  @Override
  public long runtimeConstant(String name) {
    // Nonzero, 16-byte aligned and above 4 GiB, like a real heap address, so that a stencil
    // whose hole is narrower than 64 bits fails here as it would in a VM.
    return 0x7f00_0000_0000L + ((name.hashCode() & 0xffffL) << 4) + 0x1000;
  }

  @Override
  public Steps steps(Region region) {
    return new Steps() {
      @Override
      public int run(int index, long ts, long sp, boolean[] stopAt) {
        throw new IllegalStateException("code compiled for the compile-speed benchmark never runs");
      }

      @Override
      public long sp() {
        throw new IllegalStateException("code compiled for the compile-speed benchmark never runs");
      }

      @Override
      public void materialize(int exit, long ts) {
        throw new IllegalStateException("code compiled for the compile-speed benchmark never runs");
      }

      @Override
      public void invalidate() {}
    };
  }
}
