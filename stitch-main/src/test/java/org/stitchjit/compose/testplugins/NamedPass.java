package org.stitchjit.compose.testplugins;

import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.Region;

/** A pass plugin that leaves regions as they are. */
public abstract class NamedPass implements OptimizerPass {
  private final String name;

  protected NamedPass(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Region run(Region region, PassContext stats) {
    return region;
  }

  /** Registered before {@link APass} in the services file, so sorting is observable. */
  public static final class BPass extends NamedPass {
    public BPass() {
      super("b-pass");
    }
  }

  public static final class APass extends NamedPass {
    public APass() {
      super("a-pass");
    }
  }
}
