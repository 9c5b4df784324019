/**
 * Executable memory and the boundary between Java and machine code: the {@link
 * org.stitchjit.platforms.exec.CodeCache} (W^X code and data space), {@link
 * org.stitchjit.platforms.exec.NativeCalls} (Java calls code) and {@link
 * org.stitchjit.platforms.exec.Upcall} (code calls Java). OS-specific page handling sits behind
 * {@link org.stitchjit.platforms.exec.VirtualMemory}.
 */
package org.stitchjit.platforms.exec;
