package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A linear uop sequence recorded by the tracing frontend. It ends in a terminator: {@code
 * _JUMP_TO_TOP} when it closes its loop, otherwise {@code _EXIT_TRACE} (or a uop that leaves
 * the frame). Every other way out is an exit of a guard or slow path. A looping trace may have
 * one {@code _LOOP_HEAD}, where {@code _JUMP_TO_TOP} continues (the uops before it run once,
 * on entry); without one the loop is the whole trace. The constructor checks all of this, so a
 * pass cannot produce a malformed trace.
 */
public final class Trace implements Region {
  private final ImmutableList<UopInstr> uops;
  private final ImmutableList<Exit> exits;

  private Trace(ImmutableList<UopInstr> uops, ImmutableList<Exit> exits) {
    this.uops = uops;
    this.exits = exits;
    validate();
  }

  public static Trace of(Iterable<UopInstr> uops, Iterable<Exit> exits) {
    return new Trace(ImmutableList.copyOf(uops), ImmutableList.copyOf(exits));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this trace's uops and exits, for passes that rewrite it. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.uops.addAll(uops);
    b.exits.addAll(exits);
    return b;
  }

  public ImmutableList<UopInstr> uops() {
    return uops;
  }

  @Override
  public ImmutableList<Exit> exits() {
    return exits;
  }

  @Override
  public ImmutableList<UopInstr> allUops() {
    return uops;
  }

  /** True when the trace closes its loop ({@code _JUMP_TO_TOP}). */
  public boolean loops() {
    return uops.get(uops.size() - 1).uop() == Uop.JUMP_TO_TOP;
  }

  /**
   * The index of the uop {@code _JUMP_TO_TOP} continues at: its {@code _LOOP_HEAD}, or 0 when
   * the trace has none (or does not loop). Entering the trace from outside is always at uop 0.
   */
  public int loopStart() {
    for (int i = 0; i < uops.size(); i++) {
      if (uops.get(i).uop() == Uop.LOOP_HEAD) {
        return i;
      }
    }
    return 0;
  }

  private void validate() {
    if (uops.isEmpty()) {
      throw new IllegalArgumentException("empty trace");
    }
    int loopHeads = 0;
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      if (in.uop() == Uop.LOOP_HEAD && ++loopHeads > 1) {
        throw new IllegalArgumentException("uop " + i + ": a second _LOOP_HEAD");
      }
      if (in.uop().has(OperandKind.BLOCK)) {
        throw new IllegalArgumentException(
            "uop " + i + ": " + in.uop().uopName() + " is for block regions only");
      }
      if (in.uop().has(OperandKind.EXIT) && in.target() >= exits.size()) {
        throw new IllegalArgumentException("uop " + i + ": " + in.uop().uopName() + " exit "
            + in.target() + " out of range (" + exits.size() + " exits)");
      }
      boolean last = i == uops.size() - 1;
      if (in.uop().is(UopFlag.TERMINATOR) != last) {
        throw new IllegalArgumentException(last
            ? "trace must end in a terminator, not " + in.uop().uopName()
            : "uop " + i + ": terminator " + in.uop().uopName() + " before the end");
      }
    }
    if (loopHeads > 0 && !loops()) {
      throw new IllegalArgumentException("_LOOP_HEAD in a trace that does not loop");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Trace t && uops.equals(t.uops) && exits.equals(t.exits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(uops, exits);
  }

  @Override
  public String toString() {
    return RegionText.format(this);
  }

  /** Accumulates uops and exits; {@link #build} validates. */
  public static final class Builder {
    private final ImmutableList.Builder<UopInstr> uops = ImmutableList.builder();
    private final List<Exit> exits = new ArrayList<>();

    private Builder() {}

    public Builder add(UopInstr instr) {
      uops.add(instr);
      return this;
    }

    public Builder add(Uop uop) {
      return add(UopInstr.of(uop));
    }

    public Builder add(Uop uop, int oparg) {
      return add(UopInstr.of(uop, oparg));
    }

    /** Adds an exit to the table and returns its index for the uops that use it. */
    public int addExit(Exit exit) {
      exits.add(Objects.requireNonNull(exit));
      return exits.size() - 1;
    }

    /** Adds {@code uop} with a new exit of its own. */
    public Builder addWithExit(Uop uop, Exit exit) {
      return add(UopInstr.withExit(uop, addExit(exit)));
    }

    public Trace build() {
      return new Trace(uops.build(), ImmutableList.copyOf(exits));
    }
  }
}
