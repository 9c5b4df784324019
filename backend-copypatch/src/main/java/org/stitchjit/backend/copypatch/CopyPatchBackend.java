package org.stitchjit.backend.copypatch;

import org.stitchjit.api.jit.Backend;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.jit.RuntimeSteps;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.backend.copypatch.stencil.StencilLibrary;
import org.stitchjit.platforms.Platform;
import org.stitchjit.platforms.exec.CodeBlob;
import org.stitchjit.platforms.exec.DataBlob;
import org.stitchjit.platforms.exec.CodeCache;
import org.stitchjit.platforms.exec.CodeCacheFullException;

/**
 * The backend {@code copypatch}: traces become x86-64 machine code by copying each uop's
 * stencil from the committed library and patching its holes ({@link Emitter}).
 *
 * <p>Every uop of a trace compiles: to its stencil, or, for a uop without a template (the
 * generic operations, whose meaning is the runtime's), to an escape that has the runtime
 * perform it ({@link org.stitchjit.api.jit.RuntimeSteps}); stencils escape for their slow paths
 * too. The statistics count both ({@link #stats()}). A region fails to compile, with a {@link
 * CompileException} the driver counts in {@code jit.compile_failures.REASON} (the code keeps
 * running in the interpreter), only for:
 *
 * <ul>
 *   <li>{@code block-region}: block regions (LBBV) are not supported;
 *   <li>{@code no-runtime-steps}: the VM offers no {@link org.stitchjit.api.jit.RuntimeSteps};
 *   <li>{@code unsupported-platform}: stencils exist for Linux x86-64 only;
 *   <li>{@code no-runtime-constants}: the VM offers no {@link RuntimeConstants};
 *   <li>{@code code-cache-full}: the backend's code cache cannot take the region.
 * </ul>
 *
 * <p>One code cache per backend instance, reserved lazily at the first compile with the space
 * the driver reports then ({@link CompileContext#codeCacheFree()}, the configured limit), and
 * released when the last region is freed.
 */
public final class CopyPatchBackend implements Backend {
  public static final String NAME = "copypatch";

  /** The library's stencils prepared for patching, by uop, so compiling looks up no names. */
  private Emitter.Stencils stencils;
  private Emitter.ConstantHoles constantHoles;
  /**
   * Where code is emitted before it is written to its blob, kept between compiles (compiling is
   * synchronized) so that no array is allocated and zeroed per trace; the emitter overwrites
   * every byte of the code's length.
   */
  private byte[] buffer = new byte[4096];
  private CodeCache cache;
  private int live;
  private final EscapeCounts escapes = new EscapeCounts();
  private final RegionTable regions = new RegionTable();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public java.util.Optional<String> unsupportedReason() {
    return Platform.current().isSupported() ? java.util.Optional.empty()
        : java.util.Optional.of("copy-and-patch stencils exist for Linux x86-64 only, not "
            + Platform.current());
  }

  @Override
  public synchronized CompiledRegion compile(Region region, CompileContext context)
      throws CompileException {
    java.util.Optional<String> unsupported = unsupportedReason();
    if (unsupported.isPresent()) {
      throw new CompileException("unsupported-platform", unsupported.get());
    }
    if (!(region instanceof Trace trace)) {
      throw new CompileException("block-region", "the copypatch backend compiles traces only");
    }
    RuntimeConstants constants = context.service(RuntimeConstants.class).orElseThrow(
        () -> new CompileException("no-runtime-constants", "the VM offers no runtime constants"));
    RuntimeSteps runtime = context.service(RuntimeSteps.class).orElseThrow(
        () -> new CompileException("no-runtime-steps", "the VM cannot perform single uops"));
    if (stencils == null) {
      stencils = new Emitter.Stencils(StencilLibrary.load(Platform.current()));
    }
    if (cache == null) {
      long limit = Math.min(CodeCache.MAX_LIMIT, Math.max(1L << 16, context.codeCacheFree()));
      cache = CodeCache.create(limit);
    }
    // The region's validity word: invalidate() sets it, and each _CHECK_VALIDITY reads it. It
    // lives on the code cache's data side, next to the code that reads it, and goes with it.
    DataBlob validity = cache.allocateData(8);
    trace = withValidityWord(trace, validity.address());
    Emitter.Layout layout = Emitter.layout(trace, stencils);
    CodeBlob blob;
    try {
      blob = cache.allocate(layout.size);
    } catch (CodeCacheFullException e) {
      validity.free();
      throw new CompileException("code-cache-full", e.getMessage());
    }
    int token = regions.reserve();
    try {
      if (constantHoles == null || !constantHoles.serves(constants, stencils)) {
        constantHoles = new Emitter.ConstantHoles(constants, stencils);
      }
      if (buffer.length < layout.size) {
        buffer = new byte[Math.max(layout.size, 2 * buffer.length)];
      }
      Emitter.emit(layout, blob.address(), token, stencils, constantHoles, buffer);
      blob.write(buffer, layout.size);
    } catch (CompileException | RuntimeException e) {
      regions.remove(token);
      blob.free();
      validity.free();
      throw e;
    }
    live++;
    boolean[] isNative = layout.isNative();
    escapes.compiled(isNative);
    java.util.List<UopInstr> instrs = trace.uops();
    Uop[] uops = new Uop[instrs.size()];
    for (int i = 0; i < uops.length; i++) {
      uops[i] = instrs.get(i).uop();
    }
    NativeRegion compiled = new NativeRegion(blob, validity, token, regions, layout.start,
        layout.linkStart, isNative, uops, runtime.steps(trace), escapes,
        this::released)
        .describedBy(layout::parts);
    regions.set(token, compiled);
    return compiled;
  }

  /** The trace with every {@code _CHECK_VALIDITY} pointed at the region's validity word. */
  private static Trace withValidityWord(Trace trace, long word) {
    java.util.List<UopInstr> uops = new java.util.ArrayList<>(trace.uops());
    boolean any = false;
    for (int i = 0; i < uops.size(); i++) {
      if (uops.get(i).uop() == Uop.CHECK_VALIDITY) {
        uops.set(i, uops.get(i).withOperand(word));
        any = true;
      }
    }
    return any ? Trace.of(uops, trace.exits()) : trace;
  }

  /**
   * {@code uops_native} and {@code uops_escaping}: compiled uops with machine code of their own
   * and uops compiled as an escape only; {@code escapes} and {@code escapes.<UOP>}: how often
   * running code handed a uop to the runtime.
   */
  @Override
  public synchronized java.util.Map<String, Long> stats() {
    return escapes.numbers();
  }

  /**
   * A region was freed. When none is left the cache's address range is released too: the
   * driver frees every region when its VM closes, and a backend instance per VM would
   * otherwise keep one reservation per VM ever run.
   */
  private synchronized void released() {
    if (--live == 0 && cache != null) {
      cache.close();
      cache = null;
    }
  }
}
