package org.stitchjit.api.jit;

import java.util.List;
import java.util.Objects;

/**
 * A compiled region's machine code as it sits in executable memory, for dumps and profilers
 * ({@code --dump=asm}, the perf map). The code is cut into named {@linkplain Part parts} (for
 * copy-and-patch: the entry trampoline, each uop's code, the exit and escape stubs), so a
 * listing can say which uop an instruction belongs to.
 */
public final class MachineCode {

  /**
   * A stretch of the code from {@code offset} up to the next part's offset, or the end.
   *
   * @param name what the bytes are, e.g. {@code uop 3: _LOAD_FAST 1} or {@code exit 0}
   */
  public record Part(int offset, String name) {
    public Part {
      Objects.requireNonNull(name, "name");
    }
  }

  private final long address;
  private final byte[] code;
  private final List<Part> parts;

  /**
   * @param parts in ascending offset order (equal offsets allowed: a uop may have no bytes of
   *     its own), each within the code
   */
  public MachineCode(long address, byte[] code, List<Part> parts) {
    this.address = address;
    this.code = code.clone();
    this.parts = List.copyOf(parts);
    int last = 0;
    for (Part p : this.parts) {
      if (p.offset() < last || p.offset() > code.length) {
        throw new IllegalArgumentException("part out of order or outside the code: " + p);
      }
      last = p.offset();
    }
  }

  /** The address of the first byte. */
  public long address() {
    return address;
  }

  public int size() {
    return code.length;
  }

  /** A copy of the bytes. */
  public byte[] code() {
    return code.clone();
  }

  public List<Part> parts() {
    return parts;
  }

  /** Where part {@code i} ends: the next part's offset, or the end of the code. */
  public int end(int i) {
    return i + 1 < parts.size() ? parts.get(i + 1).offset() : code.length;
  }
}
