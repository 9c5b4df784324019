package org.stitchjit.runtime.jit.reference;

import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.uop.Region;

/**
 * The backend {@code interp}: regions run uop by uop in Java on the native frames. It defines
 * what every uop means; native backends are tested against it.
 */
public final class ReferenceBackend implements Backend {
  public static final String NAME = "interp";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CompiledRegion compile(Region region, CompileContext context) throws CompileException {
    UopRuntime rt = context.service(UopRuntime.class).orElseThrow(() -> new CompileException(
        "no-runtime", "the interp backend needs the VM's uop runtime"));
    boolean force = context.service(JitConfig.class).map(JitConfig::forceExits).orElse(false);
    return new ReferenceRegion(region, rt, force);
  }

  @Override
  public boolean forcesExits() {
    return true;
  }
}
