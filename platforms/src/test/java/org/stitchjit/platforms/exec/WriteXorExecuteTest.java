package org.stitchjit.platforms.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.platforms.Platform;

/**
 * No page of a code cache is ever writable and executable at once, as the kernel sees it. Only
 * the cache's own range is checked: HotSpot's code cache and jffi's closures are not ours.
 */
class WriteXorExecuteTest {

  /** Checks /proc/self/maps after every protection change the cache makes. */
  private static final class CheckingMemory implements VirtualMemory {
    final VirtualMemory real = Platform.current().virtualMemory();
    final List<String> violations = new ArrayList<>();
    long from;
    long to;
    int checks;

    @Override
    public int pageSize() {
      return real.pageSize();
    }

    @Override
    public long reserve(long bytes) {
      from = real.reserve(bytes);
      to = from + bytes;
      check("reserve");
      return from;
    }

    @Override
    public void protect(long address, long bytes, Protection protection) {
      real.protect(address, bytes, protection);
      check("protect " + protection);
    }

    @Override
    public void release(long address, long bytes) {
      real.release(address, bytes);
    }

    void check(String after) {
      checks++;
      for (ProcMaps.Mapping m : ProcMaps.writableAndExecutable(from, to)) {
        violations.add("after " + after + ": " + m);
      }
    }
  }

  @BeforeEach
  void nativeOnly() {
    NativeTests.assumeNative();
  }

  @Test
  void neverWritableAndExecutableWhileWritingPatchingAndFreeing() {
    for (CodeCache.Granularity granularity : CodeCache.Granularity.values()) {
      CheckingMemory memory = new CheckingMemory();
      try (CodeCache cache = new CodeCache(memory, 1 << 20, granularity)) {
        List<CodeBlob> blobs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          CodeBlob blob = cache.allocate(6);
          blob.write(X86.code().movEaxImm32(i).ret().build());
          blobs.add(blob);
        }
        DataBlob slots = cache.allocateData(64);
        slots.putLong(0, blobs.get(0).address());
        assertQuiescentRangeIsWxorX(cache);

        blobs.get(3).patch(1, X86.code().imm32(33).build());
        assertThat(NativeCalls.call(blobs.get(3).address())).isEqualTo(33);
        assertQuiescentRangeIsWxorX(cache);

        blobs.get(2).free();
        blobs.get(5).free();
        CodeBlob reused = cache.allocate(6);
        reused.write(X86.code().movEaxImm32(99).ret().build());
        assertThat(NativeCalls.call(reused.address())).isEqualTo(99);
        assertThat(NativeCalls.call(blobs.get(7).address())).isEqualTo(7);
        assertQuiescentRangeIsWxorX(cache);

        // Freed code is filled with int3 lazily, by a later write or by this: same flips.
        blobs.get(6).free();
        cache.fillFreedCode();
        assertThat(cache.staleCodeBytes()).isZero();
        assertQuiescentRangeIsWxorX(cache);

        assertThat(memory.checks).isGreaterThan(20);
        assertThat(memory.violations).as(granularity.toString()).isEmpty();
      }
    }
  }

  /** Between operations, code pages are r-x and data pages rw-. */
  private static void assertQuiescentRangeIsWxorX(CodeCache cache) {
    long from = cache.baseAddress();
    long to = from + cache.limitBytes();
    List<ProcMaps.Mapping> ours = ProcMaps.within(from, to);

    assertThat(ours).isNotEmpty();
    assertThat(ProcMaps.writableAndExecutable(from, to)).isEmpty();
    assertThat(ours).anyMatch(m -> m.perms.startsWith("r-x"));
    assertThat(ours).anyMatch(m -> m.perms.startsWith("rw-"));
  }
}
