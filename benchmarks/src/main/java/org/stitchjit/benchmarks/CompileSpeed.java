package org.stitchjit.benchmarks;

import java.util.Arrays;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.platforms.exec.CodeBlob;
import org.stitchjit.platforms.exec.CodeCache;

/**
 * How fast the copy-and-patch backend turns traces into machine code, through the public
 * {@code Backend} SPI: one operation compiles one trace and frees it, cycling through the
 * traces of the selected size ({@link TraceCorpus#select}).
 *
 * <p>Scores (average time, ns): the primary score is ns per trace; the secondary {@code uops}
 * is ns per uop and {@code codeBytes} ns per byte of code, because JMH divides the time by each
 * {@link AuxCounters} counter. Machine code per second is {@code 1000 / (ns per byte)} MB/s
 * (MB = 10^6 bytes). {@link CompileSpeedReport} prints them as a table.
 *
 * <p>{@code cacheWrite} does only the code cache's part of the same work (allocate a blob of
 * the trace's code size, write it, which flips its pages RW and back RX, and free it, which
 * only does bookkeeping: the next write fills the freed space with int3), so that compile minus
 * cacheWrite is what the emitter itself costs.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss16m"})
public class CompileSpeed {

  @Param({"small", "large", "all"})
  public String size;

  private Trace[] traces;
  private int[] codeSizes;
  private CopyPatchBackend backend;
  private FakeCompileContext context;
  private CompiledRegion anchor;
  private CodeCache cache;
  private byte[] codeBuffer;
  private int next;

  /** Work done in an iteration; JMH reports time per counted unit. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Work {
    public long uops;
    public long codeBytes;

    @Setup(Level.Iteration)
    public void reset() {
      uops = 0;
      codeBytes = 0;
    }
  }

  @Setup(Level.Trial)
  public void setUp() throws CompileException {
    TraceCorpus corpus = TraceCorpus.standard();
    TraceCorpus.Selection selection = corpus.select(size);
    System.out.println(corpus.summary());
    System.out.printf("size %s: %d %s traces, mean %.1f uops%n", size,
        selection.traces().size(), selection.source(), selection.meanUops());
    List<Trace> list = selection.traces();
    traces = list.toArray(new Trace[0]);
    backend = new CopyPatchBackend();
    context = new FakeCompileContext();
    codeSizes = new int[traces.length];
    int largest = 0;
    for (int i = 0; i < traces.length; i++) {
      CompiledRegion r = backend.compile(traces[i], context);
      codeSizes[i] = (int) r.codeBytes();
      largest = Math.max(largest, codeSizes[i]);
      r.free();
    }
    // The backend releases its code cache when its last region is freed; a region kept live
    // for the whole trial keeps one cache, as in a VM with compiled code, instead of timing a
    // reservation and release of the address range per compile.
    anchor = backend.compile(traces[0], context);
    cache = CodeCache.create(FakeCompileContext.CODE_CACHE_BYTES);
    codeBuffer = new byte[largest];
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    anchor.free();
    cache.close();
  }

  @Benchmark
  public long compile(Work work) throws CompileException {
    Trace t = traces[next];
    next = next + 1 == traces.length ? 0 : next + 1;
    CompiledRegion r = backend.compile(t, context);
    long bytes = r.codeBytes();
    r.free();
    work.uops += t.uops().size();
    work.codeBytes += bytes;
    return bytes;
  }

  @Benchmark
  public long cacheWrite(Work work) {
    int i = next;
    next = next + 1 == traces.length ? 0 : next + 1;
    int bytes = codeSizes[i];
    CodeBlob blob = cache.allocate(bytes);
    blob.write(Arrays.copyOf(codeBuffer, bytes));
    long address = blob.address();
    blob.free();
    work.uops += traces[i].uops().size();
    work.codeBytes += bytes;
    return address;
  }
}
