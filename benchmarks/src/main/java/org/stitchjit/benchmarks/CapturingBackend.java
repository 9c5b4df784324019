package org.stitchjit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.uop.Region;

/**
 * Keeps every region the driver asks to compile, after the optimizer passes, then lets the
 * real backend compile it so the program runs on as it would.
 */
final class CapturingBackend implements Backend {
  private final Backend delegate;
  private final List<Region> regions = new ArrayList<>();

  CapturingBackend(Backend delegate) {
    this.delegate = delegate;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public Optional<String> unsupportedReason() {
    return delegate.unsupportedReason();
  }

  @Override
  public synchronized CompiledRegion compile(Region region, CompileContext context)
      throws CompileException {
    regions.add(region);
    return delegate.compile(region, context);
  }

  synchronized List<Region> regions() {
    return List.copyOf(regions);
  }
}
