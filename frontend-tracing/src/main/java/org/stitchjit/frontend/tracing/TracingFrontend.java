package org.stitchjit.frontend.tracing;

import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionStart;

/**
 * The trace-recording frontend, as CPython 3.15's JIT and PyPy select regions: from a hot
 * loop head, function entry or side exit, follow what the interpreter actually executes and
 * emit each instruction's uops (see {@link TraceRecorder}).
 */
public final class TracingFrontend implements Frontend {
  public static final String NAME = "tracing";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Recorder begin(RegionStart start, JitConfig config) {
    return new TraceRecorder(start, config.traceLength());
  }
}
