package org.stitchjit.platforms.linux;

import jnr.ffi.Pointer;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;

/**
 * The libc calls Stitch makes, bound by jnr-ffi. Addresses are {@link Pointer}s and lengths
 * {@code size_t}/{@code off_t}: declared with plain {@code long}s, {@code mmap} returns
 * {@code MAP_FAILED} here (seen on this JDK and jnr-ffi 2.2.17). jnr-ffi saves {@code errno}
 * after each call; read it with {@code Runtime.getLastError()}.
 *
 * <p>Public only because jnr-ffi generates the implementation in its own class loader, which
 * cannot implement a package-private interface; use {@link LinuxVirtualMemory} instead.
 */
public interface LibC {
  int PROT_NONE = 0;
  int PROT_READ = 1;
  int PROT_WRITE = 2;
  int PROT_EXEC = 4;

  int MAP_PRIVATE = 0x02;
  int MAP_ANONYMOUS = 0x20;
  /** Reserve address space without charging it to the commit limit until pages are written. */
  int MAP_NORESERVE = 0x4000;

  /** glibc's and musl's value of {@code _SC_PAGESIZE}. */
  int SC_PAGESIZE = 30;

  Pointer mmap(Pointer address, @size_t long length, int prot, int flags, int fd, @off_t long offset);

  int mprotect(Pointer address, @size_t long length, int prot);

  int munmap(Pointer address, @size_t long length);

  long sysconf(int name);

  String strerror(int errnum);
}
