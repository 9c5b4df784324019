package org.stitchjit.platforms.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;

class CodeCacheTest {
  private CodeCache cache;

  @BeforeEach
  void open() {
    NativeTests.assumeNative();
    cache = CodeCache.create(1 << 20);
  }

  @AfterEach
  void close() {
    if (cache != null) {
      cache.close();
    }
  }

  private CodeBlob place(CodeCache in, X86 code) {
    CodeBlob blob = in.allocate(code.size());
    blob.write(code.build());
    return blob;
  }

  @Test
  void runsLeaAddOfTwoArguments() {
    byte[] code = {0x48, (byte) 0x8D, 0x04, 0x37, (byte) 0xC3};
    CodeBlob blob = cache.allocate(code.length);
    blob.write(code);

    assertThat(NativeCalls.call(blob.address(), 40, 2)).isEqualTo(42);
    assertThat(NativeCalls.call(blob.address(), -5, 3)).isEqualTo(-2);
    assertThat(blob.read()).containsExactly(code);
  }

  @Test
  void runsMovAddIncrement() {
    CodeBlob blob = place(cache, X86.code().movRaxRdi().addRaxImm8(1).ret());

    assertThat(NativeCalls.call(blob.address(), 41)).isEqualTo(42);
    assertThat(NativeCalls.call(blob.address(), Long.MAX_VALUE)).isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void allocationsAreAlignedAndInsideTheCache() {
    CodeBlob a = cache.allocate(5);
    CodeBlob b = cache.allocate(17);
    CodeBlob c = cache.allocate(1);

    for (CodeBlob blob : new CodeBlob[] {a, b, c}) {
      assertThat(blob.address() % CodeCache.CODE_ALIGNMENT).isZero();
      assertThat(cache.contains(blob.address())).isTrue();
      assertThat(cache.contains(blob.address() + blob.size() - 1)).isTrue();
    }
    assertThat(a.allocatedBytes()).isEqualTo(16);
    assertThat(b.allocatedBytes()).isEqualTo(32);
    assertThat(b.address()).isGreaterThanOrEqualTo(a.address() + 16);
    assertThat(cache.contains(cache.baseAddress() + cache.limitBytes())).isFalse();
  }

  @Test
  void freshSpaceHoldsInt3() {
    CodeBlob blob = cache.allocate(32);
    assertThat(blob.read()).containsOnly((byte) 0xCC);
  }

  // Freeing used to fill the space with int3 at once, under its own RW/RX flip pair. The fill
  // is now deferred to the next write that makes the page writable (or fillFreedCode), which
  // halves the flips of a compile-and-free; these tests pin where the fill happens instead.

  @Test
  void freeingChangesNoProtectionAndTheNextWriteOnThePageFillsTheFreedSpace() {
    CodeBlob blob = place(cache, X86.code().movEaxImm32(7).ret());
    CodeBlob keep = cache.allocate(16);
    long address = blob.address();
    long flipsBefore = cache.protectionChanges();

    blob.free();

    assertThat(cache.protectionChanges()).isEqualTo(flipsBefore);
    assertThat(cache.staleCodeBytes()).isEqualTo(16);
    assertThat(Mem.getByte(address)).isEqualTo((byte) 0xB8);

    keep.write(X86.code().movEaxImm32(8).ret().build());

    assertThat(cache.protectionChanges() - flipsBefore).isEqualTo(2);
    assertThat(cache.staleCodeBytes()).isZero();
    for (int i = 0; i < 16; i++) {
      assertThat(Mem.getByte(address + i)).isEqualTo((byte) 0xCC);
    }
    assertThat(NativeCalls.call(keep.address())).isEqualTo(8);
  }

  @Test
  void theFirstWriteOfReusedSpaceFillsWhatItDoesNotCover() {
    CodeBlob big = cache.allocate(48);
    big.write(new byte[48]);
    long address = big.address();
    big.free();

    CodeBlob again = cache.allocate(40);
    assertThat(again.address()).isEqualTo(address);
    assertThat(cache.staleCodeBytes()).isZero();
    again.write(X86.code().movEaxImm32(3).ret().build());

    byte[] bytes = new byte[48];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Mem.getByte(address + i);
    }
    assertThat(java.util.Arrays.copyOfRange(bytes, 6, 48)).containsOnly((byte) 0xCC);
    assertThat(NativeCalls.call(again.address())).isEqualTo(3);
  }

  @Test
  void fillFreedCodeFillsEverythingStaleAtOnce() {
    CodeBlob a = place(cache, X86.code().movEaxImm32(1).ret());
    CodeBlob b = place(cache, X86.code().movEaxImm32(2).ret());
    long address = a.address();
    a.free();
    b.free();
    assertThat(cache.staleCodeBytes()).isEqualTo(32);

    cache.fillFreedCode();

    assertThat(cache.staleCodeBytes()).isZero();
    for (int i = 0; i < 32; i++) {
      assertThat(Mem.getByte(address + i)).isEqualTo((byte) 0xCC);
    }
  }

  @Test
  void freedSpaceIsReused() {
    CodeBlob first = place(cache, X86.code().movEaxImm32(1).ret());
    long address = first.address();
    first.free();

    CodeBlob second = place(cache, X86.code().movEaxImm32(2).ret());

    assertThat(second.address()).isEqualTo(address);
    assertThat(NativeCalls.call(second.address())).isEqualTo(2);
    assertThat(cache.codeAllocations()).isEqualTo(1);
  }

  @Test
  void adjacentFreedSpaceCoalesces() {
    CodeBlob a = cache.allocate(16);
    CodeBlob b = cache.allocate(16);
    CodeBlob c = cache.allocate(16);
    assertThat(b.address()).isEqualTo(a.address() + 16);
    a.free();
    b.free();

    CodeBlob both = cache.allocate(32);

    assertThat(both.address()).isEqualTo(a.address());
    assertThat(c.isFreed()).isFalse();
  }

  @Test
  void patchRewritesAnImmediate() {
    CodeBlob blob = place(cache, X86.code().movEaxImm32(1).ret());
    assertThat(NativeCalls.call(blob.address())).isEqualTo(1);
    long flipsBefore = cache.protectionChanges();

    blob.patch(1, X86.code().imm32(12345).build());

    assertThat(NativeCalls.call(blob.address())).isEqualTo(12345);
    assertThat(cache.protectionChanges() - flipsBefore).isEqualTo(2);
  }

  @Test
  void patchModeRelinksAJump() {
    CodeBlob one = place(cache, X86.code().movEaxImm32(1).ret());
    CodeBlob two = place(cache, X86.code().movEaxImm32(2).ret());
    CodeBlob stub = cache.allocate(5);
    stub.write(X86.code().jmpRel32(rel32(stub.address() + 5, one.address())).build());
    assertThat(NativeCalls.call(stub.address())).isEqualTo(1);

    stub.patch(1, X86.code().imm32(rel32(stub.address() + 5, two.address())).build());

    assertThat(NativeCalls.call(stub.address())).isEqualTo(2);
  }

  @Test
  void indirectModeRelinksThroughADataSlotWithoutTouchingCode() {
    CodeBlob one = place(cache, X86.code().movEaxImm32(1).ret());
    CodeBlob two = place(cache, X86.code().movEaxImm32(2).ret());
    DataBlob slot = cache.allocateData(8);
    slot.putLong(0, one.address());
    CodeBlob stub = cache.allocate(6);
    stub.write(X86.code().jmpRipIndirect(rel32(stub.address() + 6, slot.address())).build());
    assertThat(NativeCalls.call(stub.address())).isEqualTo(1);
    long flipsBefore = cache.protectionChanges();

    slot.putLong(0, two.address());

    assertThat(NativeCalls.call(stub.address())).isEqualTo(2);
    assertThat(cache.protectionChanges()).isEqualTo(flipsBefore);
    assertThat(slot.getLong(0)).isEqualTo(two.address());
  }

  @Test
  void dataIsZeroedEvenWhenReused() {
    DataBlob data = cache.allocateData(24);
    assertThat(data.address() % CodeCache.DATA_ALIGNMENT).isZero();
    assertThat(data.getLong(0)).isZero();
    data.putLong(16, -1L);
    long address = data.address();
    data.free();

    DataBlob again = cache.allocateData(24);

    assertThat(again.address()).isEqualTo(address);
    assertThat(again.getLong(16)).isZero();
    assertThatThrownBy(() -> again.getLong(20)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void pageGranularityGivesEveryAllocationItsOwnPages() {
    try (CodeCache paged = CodeCache.create(1 << 20, CodeCache.Granularity.PAGE)) {
      int page = paged.pageSize();
      CodeBlob a = place(paged, X86.code().movEaxImm32(1).ret());
      CodeBlob b = place(paged, X86.code().movEaxImm32(2).ret());
      CodeBlob big = paged.allocate(page + 1);

      assertThat(a.address() % page).isZero();
      assertThat(b.address() % page).isZero();
      assertThat(b.address() - a.address()).isGreaterThanOrEqualTo(page);
      assertThat(a.allocatedBytes()).isEqualTo(page);
      assertThat(big.allocatedBytes()).isEqualTo(2L * page);
      assertThat(NativeCalls.call(a.address())).isEqualTo(1);
      assertThat(NativeCalls.call(b.address())).isEqualTo(2);
    }
  }

  @Test
  void tracksUsageAgainstTheLimit() {
    assertThat(cache.limitBytes()).isEqualTo(1 << 20);
    assertThat(cache.baseAddress()).isZero();
    assertThat(cache.usedBytes()).isZero();

    CodeBlob code = cache.allocate(100);
    DataBlob data = cache.allocateData(8);

    assertThat(cache.baseAddress()).isNotZero();
    assertThat(cache.codeBytesUsed()).isEqualTo(112);
    assertThat(cache.dataBytesUsed()).isEqualTo(16);
    assertThat(cache.usedBytes()).isEqualTo(128);
    assertThat(cache.freeBytes()).isEqualTo((1 << 20) - 128);
    assertThat(cache.committedBytes()).isPositive().isLessThanOrEqualTo(1 << 20);
    assertThat(cache.codeAllocations()).isEqualTo(1);
    assertThat(cache.dataAllocations()).isEqualTo(1);

    code.free();
    data.free();

    assertThat(cache.usedBytes()).isZero();
    assertThat(cache.codeAllocations()).isZero();
  }

  @Test
  void aFullCacheRefusesUntilSpaceIsFreed() {
    try (CodeCache small = CodeCache.create(1)) {
      int page = small.pageSize();
      assertThat(small.limitBytes()).isEqualTo(page);
      CodeBlob all = small.allocate(page);

      assertThatThrownBy(() -> small.allocate(1))
          .isInstanceOf(CodeCacheFullException.class)
          .hasMessageContaining("cannot allocate 16 bytes of code");
      assertThatThrownBy(() -> small.allocateData(8)).isInstanceOf(CodeCacheFullException.class);

      all.free();
      assertThat(small.allocate(page).address()).isEqualTo(all.address());
    }
  }

  @Test
  void aSmallCacheKeepsRoomForData() {
    try (CodeCache small =
        CodeCache.create(4L * Platform.current().virtualMemory().pageSize())) {
      small.allocate(16);
      DataBlob data = small.allocateData(16);

      assertThat(small.contains(data.address())).isTrue();
    }
  }

  @Test
  void misuseFailsClearly() {
    CodeBlob blob = cache.allocate(8);
    assertThatThrownBy(() -> blob.write(new byte[9]))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> blob.patch(6, new byte[4]))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> cache.allocate(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CodeCache.create(CodeCache.MAX_LIMIT + 1))
        .isInstanceOf(IllegalArgumentException.class);

    blob.free();
    assertThatThrownBy(blob::free).isInstanceOf(IllegalStateException.class).hasMessageContaining("freed");
    assertThatThrownBy(() -> blob.write(new byte[1])).isInstanceOf(IllegalStateException.class);

    try (CodeCache other = CodeCache.create(1 << 16)) {
      CodeBlob foreign = other.allocate(8);
      assertThatThrownBy(() -> cache.free(foreign)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void closeUnmapsAndMakesBlobsUnusable() {
    CodeBlob blob = place(cache, X86.code().movEaxImm32(1).ret());
    DataBlob data = cache.allocateData(8);

    cache.close();

    assertThat(cache.isClosed()).isTrue();
    assertThatThrownBy(() -> cache.allocate(8)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> blob.patch(0, new byte[1])).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> data.putLong(0, 1)).isInstanceOf(IllegalStateException.class);
    blob.free();
    data.free();
    cache.close();
  }

  static int rel32(long from, long to) {
    long rel = to - from;
    assertThat(rel).isBetween((long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE);
    return (int) rel;
  }
}
