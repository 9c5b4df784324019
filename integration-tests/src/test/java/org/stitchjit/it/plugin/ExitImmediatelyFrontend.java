package org.stitchjit.it.plugin;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.Frontend;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;

/**
 * A third-party frontend as a research group would ship it: its own jar, found through {@code
 * META-INF/services/org.stitchjit.api.jit.Frontend}, knowing only the api module. Every region
 * it selects is the smallest valid one, a trace that exits at once to where it started, so
 * under it a program must behave exactly as in the interpreter.
 */
public final class ExitImmediatelyFrontend implements Frontend {
  public static final String NAME = "first-instruction";

  /** Counts regions begun in this JVM, so tests can tell the JIT really asked for some. */
  private static final AtomicLong BEGUN = new AtomicLong();

  public static long regionsBegun() {
    return BEGUN.get();
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Recorder begin(RegionStart start, JitConfig config) {
    BEGUN.incrementAndGet();
    return new FirstInstructionRecorder();
  }

  private static final class FirstInstructionRecorder implements Recorder {
    private static final String INTERRUPTED = "interrupted";

    private Trace trace;

    @Override
    public Step record(CodeView code, int index, long frame, long callerFrame, int stackDepth) {
      trace = Trace.builder()
          .addWithExit(Uop.EXIT_TRACE,
              new Exit(code.id(), index, stackDepth, ExitReason.END_OF_REGION))
          .build();
      return Step.DONE;
    }

    @Override
    public Step interrupted(String why) {
      return Step.ABORT;
    }

    @Override
    public Optional<Region> region() {
      return Optional.ofNullable(trace);
    }

    @Override
    public String abortReason() {
      return INTERRUPTED;
    }
  }
}
