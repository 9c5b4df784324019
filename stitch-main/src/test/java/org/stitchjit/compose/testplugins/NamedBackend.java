package org.stitchjit.compose.testplugins;

import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.uop.Region;

/** A backend plugin that only has a name: composition never compiles anything. */
public class NamedBackend implements Backend {
  private final String name;

  public NamedBackend() {
    this("test-backend");
  }

  protected NamedBackend(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompiledRegion compile(Region region, CompileContext context) throws CompileException {
    throw new CompileException("test", "a test plugin compiles nothing");
  }
}
