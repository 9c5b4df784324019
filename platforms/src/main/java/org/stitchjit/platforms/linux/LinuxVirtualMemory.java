package org.stitchjit.platforms.linux;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.stitchjit.platforms.exec.NativeMemoryException;
import org.stitchjit.platforms.exec.Protection;
import org.stitchjit.platforms.exec.VirtualMemory;

/** {@link VirtualMemory} on Linux: anonymous private mappings and {@code mprotect}. */
public final class LinuxVirtualMemory implements VirtualMemory {

  private static final long MAP_FAILED = -1L;

  private final LibC libc;
  private final Runtime runtime;
  private final int pageSize;

  private LinuxVirtualMemory() {
    // jnr-ffi generates the binding class on load, which is slow; hence one instance.
    this.libc = LibraryLoader.create(LibC.class).load("c");
    this.runtime = Runtime.getRuntime(libc);
    long size = libc.sysconf(LibC.SC_PAGESIZE);
    if (size <= 0 || size > Integer.MAX_VALUE) {
      throw new NativeMemoryException(
          "sysconf(_SC_PAGESIZE) = " + size, runtime.getLastError(), describe(runtime.getLastError()));
    }
    this.pageSize = (int) size;
  }

  private static final class Holder {
    static final LinuxVirtualMemory INSTANCE = new LinuxVirtualMemory();
  }

  /** The process-wide instance; the caller has checked that this is Linux. */
  public static LinuxVirtualMemory instance() {
    return Holder.INSTANCE;
  }

  @Override
  public int pageSize() {
    return pageSize;
  }

  @Override
  public long reserve(long bytes) {
    checkPages(0, bytes);
    Pointer p =
        libc.mmap(
            null,
            bytes,
            LibC.PROT_NONE,
            LibC.MAP_PRIVATE | LibC.MAP_ANONYMOUS | LibC.MAP_NORESERVE,
            -1,
            0);
    if (p == null || p.address() == MAP_FAILED) {
      throw failure("mmap(" + bytes + " bytes, PROT_NONE)");
    }
    return p.address();
  }

  @Override
  public void protect(long address, long bytes, Protection protection) {
    checkPages(address, bytes);
    int prot;
    switch (protection) {
      case NONE:
        prot = LibC.PROT_NONE;
        break;
      case READ_WRITE:
        prot = LibC.PROT_READ | LibC.PROT_WRITE;
        break;
      case READ_EXECUTE:
        prot = LibC.PROT_READ | LibC.PROT_EXEC;
        break;
      default:
        throw new AssertionError(protection);
    }
    if (libc.mprotect(Pointer.wrap(runtime, address), bytes, prot) != 0) {
      throw failure(
          "mprotect(0x" + Long.toHexString(address) + ", " + bytes + " bytes, " + protection + ")");
    }
  }

  @Override
  public void release(long address, long bytes) {
    checkPages(address, bytes);
    if (libc.munmap(Pointer.wrap(runtime, address), bytes) != 0) {
      throw failure("munmap(0x" + Long.toHexString(address) + ", " + bytes + " bytes)");
    }
  }

  private void checkPages(long address, long bytes) {
    if (bytes <= 0 || bytes % pageSize != 0 || address % pageSize != 0) {
      throw new IllegalArgumentException(
          "not whole pages of "
              + pageSize
              + " bytes: 0x"
              + Long.toHexString(address)
              + " + "
              + bytes);
    }
  }

  private NativeMemoryException failure(String call) {
    int errno = runtime.getLastError();
    return new NativeMemoryException(call, errno, describe(errno));
  }

  private String describe(int errno) {
    String text = libc.strerror(errno);
    return text == null ? "unknown error" : text;
  }
}
