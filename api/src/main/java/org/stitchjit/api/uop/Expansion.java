package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.Optional;
import org.stitchjit.api.bytecode.Opcode;

/**
 * The uops one bytecode instruction expands to, in two forms.
 *
 * <ul>
 *   <li>{@link #uops()}: the instruction as a block region (and the reference executor) runs
 *       it, branches included as uops with block targets. A branch may sit inside the sequence
 *       (FOR_ITER_RANGE's {@code _ITER_JUMP_RANGE}); a block region splits there, the uops
 *       after it starting the fall-through block.
 *   <li>{@link #traced(boolean)}: what a trace recorder emits after seeing the instruction
 *       continue at its jump target ({@code true}) or at the next instruction ({@code false}):
 *       conditional branches become guards on the direction taken, unconditional jumps vanish
 *       (the recorder closes the loop with {@code _JUMP_TO_TOP} itself), a Python call pushes
 *       the callee's frame and a return pops back into the inlined caller. Empty when a trace
 *       cannot follow that way; the recorder then ends the trace before the instruction.
 * </ul>
 */
public final class Expansion {
  private final Opcode opcode;
  private final ImmutableList<Uop> uops;
  private final Optional<ImmutableList<Uop>> fallThrough;
  private final Optional<ImmutableList<Uop>> jumped;

  Expansion(Opcode opcode, ImmutableList<Uop> uops, ImmutableList<Uop> fallThrough,
      ImmutableList<Uop> jumped) {
    this.opcode = Objects.requireNonNull(opcode);
    this.uops = Objects.requireNonNull(uops);
    this.fallThrough = Optional.ofNullable(fallThrough);
    this.jumped = Optional.ofNullable(jumped);
  }

  public Opcode opcode() {
    return opcode;
  }

  /** The block form. */
  public ImmutableList<Uop> uops() {
    return uops;
  }

  /** The trace form for the direction the recorder saw, if a trace can follow it. */
  public Optional<ImmutableList<Uop>> traced(boolean jumpTaken) {
    return jumpTaken ? jumped : fallThrough;
  }

  /** True when the instruction is a single escaping uop performing the generic operation. */
  public boolean isGeneric() {
    return uops.size() == 1 && uops.get(0).is(UopFlag.ESCAPES);
  }

  @Override
  public String toString() {
    return opcode + " -> " + names(uops) + fallThrough.map(l -> " | next: " + names(l)).orElse("")
        + jumped.map(l -> " | jump: " + names(l)).orElse("");
  }

  private static String names(ImmutableList<Uop> l) {
    StringBuilder sb = new StringBuilder("[");
    for (Uop u : l) {
      sb.append(sb.length() > 1 ? " " : "").append(u.uopName());
    }
    return sb.append(']').toString();
  }
}
