package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A basic block of a {@link BlockRegion}: uops, of which only the last may branch (a uop with
 * a {@link OperandKind#BLOCK} target) or be a terminator, and the block control falls through
 * to when the last uop is not a terminator.
 */
public final class Block {
  private final ImmutableList<UopInstr> uops;
  private final OptionalInt fallThrough;

  private Block(ImmutableList<UopInstr> uops, OptionalInt fallThrough) {
    this.uops = uops;
    this.fallThrough = fallThrough;
  }

  /** A block that falls through to {@code next} (a block id) after its last uop. */
  public static Block of(Iterable<UopInstr> uops, int next) {
    if (next < 0) {
      throw new IllegalArgumentException("block id " + next);
    }
    return new Block(ImmutableList.copyOf(uops), OptionalInt.of(next));
  }

  /** A block whose last uop is a terminator. */
  public static Block ending(Iterable<UopInstr> uops) {
    return new Block(ImmutableList.copyOf(uops), OptionalInt.empty());
  }

  public ImmutableList<UopInstr> uops() {
    return uops;
  }

  public OptionalInt fallThrough() {
    return fallThrough;
  }

  /** The successor blocks: the fall-through (first) and the last uop's branch target. */
  public ImmutableList<Integer> successors() {
    ImmutableList.Builder<Integer> b = ImmutableList.builder();
    fallThrough.ifPresent(b::add);
    if (!uops.isEmpty()) {
      UopInstr last = uops.get(uops.size() - 1);
      if (last.uop().has(OperandKind.BLOCK)
          && !(fallThrough.isPresent() && fallThrough.getAsInt() == last.target())) {
        b.add(last.target());
      }
    }
    return b.build();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Block b && uops.equals(b.uops) && fallThrough.equals(b.fallThrough);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uops, fallThrough);
  }
}
