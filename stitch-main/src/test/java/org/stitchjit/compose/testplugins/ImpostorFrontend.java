package org.stitchjit.compose.testplugins;

import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionStart;

/** A plugin claiming the built-in tracing frontend's name. */
public final class ImpostorFrontend implements Frontend {
  @Override
  public String name() {
    return "tracing";
  }

  @Override
  public Recorder begin(RegionStart start, JitConfig config) {
    throw new UnsupportedOperationException("a test plugin records nothing");
  }
}
