package org.stitchjit.backend.copypatch.stencil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * The machine code of one template with its holes, ready to be copied and patched.
 *
 * @param name the template's name: a uop name such as {@code _LOAD_FAST}, {@code _EXIT_STUB}, or
 *     {@code stitch_enter}
 * @param code the bytes, with every {@code jmp/call *sym@GOTPCREL(%rip)} already relaxed to
 *     {@code jmp/call rel32; nop} and every hole's bytes zero
 * @param holes sorted by offset, non-overlapping, all within {@code code}
 * @param tailContinueOffset where the code's final {@code jmp} to {@code _JIT_CONTINUE} starts, or
 *     -1 when the code does not end with one. The bytes from there to the end (the jump and the
 *     {@code nop} of its relaxation) are what the emitter leaves out when the next uop's code is
 *     placed directly after this one.
 */
public record Stencil(String name, byte[] code, List<Hole> holes, int tailContinueOffset) {

  public Stencil {
    Objects.requireNonNull(name, "name");
    code = code.clone();
    List<Hole> sorted = new ArrayList<>(holes);
    sorted.sort(Comparator.comparingInt(Hole::offset));
    holes = List.copyOf(sorted);
    int end = 0;
    for (Hole hole : holes) {
      if (hole.offset() < end || hole.end() > code.length) {
        throw new IllegalArgumentException(
            name + ": hole " + hole + " overlaps another or lies outside the " + code.length
                + " bytes of code");
      }
      end = hole.end();
    }
    if (tailContinueOffset != -1) {
      int at = tailContinueOffset;
      boolean jmp = at >= 0 && at < code.length && (code[at] & 0xFF) == 0xE9;
      boolean hole =
          holes.stream()
              .anyMatch(h -> h.offset() == at + 1 && h.kind() == HoleKind.CONTINUE);
      boolean atEnd =
          code.length == at + 5 || (code.length == at + 6 && (code[at + 5] & 0xFF) == 0x90);
      if (!jmp || !hole || !atEnd) {
        throw new IllegalArgumentException(
            name + ": no final jmp rel32 to _JIT_CONTINUE at offset " + at);
      }
    }
  }

  /** A copy, so that the stencil stays immutable. */
  @Override
  public byte[] code() {
    return code.clone();
  }

  public int size() {
    return code.length;
  }

  /** Whether the code ends with a jump to {@code _JIT_CONTINUE} that may be elided. */
  public boolean endsWithContinue() {
    return tailContinueOffset >= 0;
  }

  /** The size without the final jump to {@code _JIT_CONTINUE}, if it has one. */
  public int sizeWithoutTailJump() {
    return endsWithContinue() ? tailContinueOffset : code.length;
  }

  /** The holes of one kind, in offset order. */
  public List<Hole> holes(HoleKind kind) {
    return holes.stream().filter(h -> h.kind() == kind).toList();
  }

  /**
   * Copies the code into {@code buffer} at {@code at} and patches every hole in what was copied.
   *
   * @param address the address the copy will run at
   * @param elideTailJump leave out the final jump to {@code _JIT_CONTINUE} (when the next
   *     stencil will be placed right after); ignored if there is none
   * @param values the value for each hole: its oparg, operand, helper or target address
   * @return the bytes copied
   */
  public int copyTo(
      byte[] buffer, int at, long address, boolean elideTailJump, ToLongFunction<Hole> values) {
    int length = elideTailJump ? sizeWithoutTailJump() : code.length;
    System.arraycopy(code, 0, buffer, at, length);
    for (Hole hole : holes) {
      if (hole.end() <= length) {
        hole.patch(buffer, at, address, values.applyAsLong(hole));
      }
    }
    return length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Stencil that
        && name.equals(that.name)
        && Arrays.equals(code, that.code)
        && holes.equals(that.holes)
        && tailContinueOffset == that.tailContinueOffset;
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, Arrays.hashCode(code), holes, tailContinueOffset);
  }

  @Override
  public String toString() {
    return "Stencil[" + name + ", " + code.length + " bytes, holes=" + holes
        + (endsWithContinue() ? ", tail jump at " + tailContinueOffset : "") + "]";
  }
}
