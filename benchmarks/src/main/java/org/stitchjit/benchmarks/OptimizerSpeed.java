package org.stitchjit.benchmarks;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.compose.JitComponent;

/**
 * How long the optimizer takes per uop on real traces: those the tracing frontend records while
 * the benchmark programs run, before any pass ({@link TraceCorpus#standardUnoptimized()}). One
 * operation runs the selected passes over one trace, cycling through all of them.
 *
 * <p>{@code pass} is one registered pass, run alone, or {@code all}, the passes {@code
 * passes=all} runs in the order the driver runs them. Names are resolved by the factory the
 * command line uses, and {@link OptimizerSpeedReport} takes the list of passes from it, so a new
 * pass is measured without a change here. JMH fixes {@code @Param} defaults at compile time, so
 * under {@code org.openjdk.jmh.Main} the default is {@code all} only; give {@code -p
 * pass=NAME,...,all} for the others.
 *
 * <p>Scores (average time, ns): the primary score is ns per trace, the secondary {@code uops}
 * ns per uop of the traces given to the passes (JMH divides the time by the {@link
 * AuxCounters} counter). What a pass reports ({@link PassContext}) is dropped: the driver's
 * bookkeeping of those counts is not the pass's cost. The traces are replayed outside the VM
 * that recorded them, so passes get no {@link org.stitchjit.api.jit.RegionEnvironment}: the
 * parts that read the VM (promotion; the types pass's inlining of code constants and its
 * type-version proofs) do not run here, and their cost is not in these figures.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss16m"})
public class OptimizerSpeed {
  private static final PassContext DROPPED = (key, n) -> { };

  @Param({"all"})
  public String pass;

  private Trace[] traces;
  private OptimizerPass[] passes;
  private int next;

  /** Work done in an iteration; JMH reports time per counted unit. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long uops;

    @Setup(Level.Iteration)
    public void reset() {
      uops = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    passes = resolve(pass).toArray(new OptimizerPass[0]);
    traces = TraceCorpus.standardUnoptimized().toArray(new Trace[0]);
    if (traces.length == 0) {
      throw new IllegalStateException("no traces recorded");
    }
    long in = 0;
    long out = 0;
    for (Trace t : traces) {
      in += t.uops().size();
      out += optimize(t).allUops().size();
    }
    System.out.printf("pass %s: %d traces, mean %.1f uops in, %.1f out%n", pass, traces.length,
        (double) in / traces.length, (double) out / traces.length);
  }

  /** The passes {@code passes=NAME} selects, as the command line composes them. */
  static ImmutableList<OptimizerPass> resolve(String name) {
    JitConfig config = JitConfig.parse("tracing+interp").withOption("passes", name);
    return JitComponent.create().jitFactory().create(config).passes();
  }

  /** Every registered pass, then {@code all}: the values {@link OptimizerSpeedReport} runs. */
  static List<String> passParams() {
    return ImmutableList.<String>builder()
        .addAll(JitComponent.create().jitFactory().passNames()).add("all").build();
  }

  @Benchmark
  public Region optimize(Work work) {
    Trace t = traces[next];
    next = next + 1 == traces.length ? 0 : next + 1;
    work.uops += t.uops().size();
    return optimize(t);
  }

  private Region optimize(Trace t) {
    Region r = t;
    for (OptimizerPass p : passes) {
      r = p.run(r, DROPPED);
    }
    return r;
  }
}
