package org.stitchjit.platforms.linux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.Platform;
import org.stitchjit.platforms.exec.NativeMemoryException;
import org.stitchjit.platforms.exec.Protection;

class LinuxVirtualMemoryTest {
  private LinuxVirtualMemory memory;

  @BeforeEach
  void linuxOnly() {
    assumeTrue(Platform.current().os() == Platform.Os.LINUX, "Linux only");
    memory = LinuxVirtualMemory.instance();
  }

  @Test
  void pageSizeComesFromSysconf() {
    int page = memory.pageSize();

    assertThat(page).isGreaterThanOrEqualTo(4096);
    assertThat(Integer.bitCount(page)).isEqualTo(1);
  }

  @Test
  void reservesProtectsAndReleases() {
    int page = memory.pageSize();
    long address = memory.reserve(4L * page);
    try {
      assertThat(address % page).isZero();
      memory.protect(address + page, page, Protection.READ_WRITE);
      Mem.putLong(address + page, 42);
      assertThat(Mem.getLong(address + page)).isEqualTo(42);
      memory.protect(address + page, page, Protection.READ_EXECUTE);
      assertThat(Mem.getLong(address + page)).isEqualTo(42);
    } finally {
      memory.release(address, 4L * page);
    }
  }

  @Test
  void failuresCarryErrnoAndItsDescription() {
    // More address space than x86-64's 47-bit user space has: mmap fails with ENOMEM.
    assertThatThrownBy(() -> memory.reserve(1L << 56))
        .isInstanceOf(NativeMemoryException.class)
        .hasMessageContaining("mmap(")
        .hasMessageContaining("errno 12")
        .satisfies(e -> assertThat(((NativeMemoryException) e).errno()).isEqualTo(12));
  }

  @Test
  void refusesPartialPages() {
    assertThatThrownBy(() -> memory.protect(4097, 4096, Protection.READ_WRITE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> memory.reserve(100)).isInstanceOf(IllegalArgumentException.class);
  }
}
