package org.stitchjit.runtime.jit.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.backend.copypatch.CopyPatchBackend;
import org.stitchjit.platforms.Platform;

/**
 * The uop conformance harness ({@link UopConformanceTest}: every uop on generated inputs,
 * checked against an oracle the interpreter runs) with regions compiled by the copy-and-patch
 * backend: each uop with a stencil runs as machine code, the others through the escape
 * protocol. Block regions (the harness's branch forms) stay on the reference executor, since
 * the backend compiles traces only.
 *
 * <p>Not run: {@link #anExitChecksTheStackDepthItWasCompiledFor}, a check only the reference
 * executor makes (an exit stub trusts the depth it was compiled for).
 */
class UopConformanceCopyPatchTest extends UopConformanceTest {
  private static CopyPatchBackend backend;

  @BeforeAll
  static void compileWithCopyPatch() {
    assumeTrue(Platform.current().isSupported(), "copypatch runs on Linux x86-64 only");
    backend = new CopyPatchBackend();
    UopHarness harness = h;
    CompileContext context = new CompileContext() {
      @Override
      public <T> Optional<T> service(Class<T> type) {
        return type.isInstance(harness.rt) ? Optional.of(type.cast(harness.rt)) : Optional.empty();
      }

      @Override
      public long codeCacheFree() {
        return 256L << 20;
      }
    };
    h.compiler = region -> {
      if (!(region instanceof Trace)) {
        return new ReferenceRegion(region, harness.rt);
      }
      try {
        return backend.compile(region, context);
      } catch (CompileException e) {
        throw new AssertionError("copypatch could not compile\n" + region, e);
      }
    };
  }

  /** The native code really ran: most compiled uops had machine code of their own. */
  @AfterAll
  static void nativeCodeRan() {
    if (backend == null) {
      return;
    }
    Map<String, Long> stats = backend.stats();
    System.out.println("[uop-conformance copypatch] " + stats.get("uops_native")
        + " uops compiled to machine code, " + stats.get("uops_escaping") + " as escapes");
    assertThat(stats.get("uops_native")).isGreaterThan(stats.get("uops_escaping"));
  }

  @Override
  boolean returnsNatively() {
    return true;
  }

  @Override
  void anExitChecksTheStackDepthItWasCompiledFor() {
    // Not a @Test here: see the class comment.
  }
}
