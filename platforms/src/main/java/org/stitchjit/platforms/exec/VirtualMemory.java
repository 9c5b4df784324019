package org.stitchjit.platforms.exec;

/**
 * Page-level memory management, the part of executable memory that differs per OS (Linux
 * {@code mmap}/{@code mprotect}; macOS will need {@code MAP_JIT} and per-thread write
 * protection). Obtained from {@link org.stitchjit.platforms.Platform#virtualMemory()}.
 *
 * <p>Addresses and lengths passed to {@link #protect} and {@link #release} are page aligned.
 * Failures are {@link NativeMemoryException}s carrying the OS error.
 */
public interface VirtualMemory {

  /** The size of a page, the unit of protection. */
  int pageSize();

  /**
   * Reserves address space without backing it: the pages are inaccessible ({@link
   * Protection#NONE}) until protected otherwise, and cost no memory until touched.
   *
   * @param bytes a multiple of the page size
   * @return the page-aligned start of the reservation
   */
  long reserve(long bytes);

  /** Changes the protection of whole pages inside a reservation. */
  void protect(long address, long bytes, Protection protection);

  /** Returns a reservation (or a page-aligned part of one) to the OS. */
  void release(long address, long bytes);
}
