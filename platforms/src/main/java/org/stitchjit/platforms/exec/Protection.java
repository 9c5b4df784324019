package org.stitchjit.platforms.exec;

/**
 * The page protections Stitch uses. There is deliberately no read+write+execute value: W^X
 * (architecture decision 7) is enforced by the type, so no caller can ask for it.
 */
public enum Protection {
  /** Reserved address space; any access faults. */
  NONE,
  /** Code being written, or data (jump slots); never executable. */
  READ_WRITE,
  /** Code that may run; never writable. */
  READ_EXECUTE
}
