package org.stitchjit.api.uop;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A region of basic blocks, as the LBBV frontend produces: block ids are indices into {@link
 * #blocks()}, control enters at {@link #entry()}, and a branch uop's target or a block's
 * fall-through names another block. Successors that are not compiled yet are blocks whose only
 * uop is an {@code _EXIT_TRACE} (a stub: the driver compiles the real block when it is taken).
 */
public final class BlockRegion implements Region {
  private final ImmutableList<Block> blocks;
  private final int entry;
  private final ImmutableList<Exit> exits;

  private BlockRegion(ImmutableList<Block> blocks, int entry, ImmutableList<Exit> exits) {
    this.blocks = blocks;
    this.entry = entry;
    this.exits = exits;
    validate();
  }

  public static BlockRegion of(Iterable<Block> blocks, int entry, Iterable<Exit> exits) {
    return new BlockRegion(ImmutableList.copyOf(blocks), entry, ImmutableList.copyOf(exits));
  }

  public static Builder builder() {
    return new Builder();
  }

  public ImmutableList<Block> blocks() {
    return blocks;
  }

  public Block block(int id) {
    return blocks.get(id);
  }

  public int entry() {
    return entry;
  }

  @Override
  public ImmutableList<Exit> exits() {
    return exits;
  }

  @Override
  public ImmutableList<UopInstr> allUops() {
    ImmutableList.Builder<UopInstr> b = ImmutableList.builder();
    for (Block block : blocks) {
      b.addAll(block.uops());
    }
    return b.build();
  }

  /** The blocks that can jump or fall through to {@code id}, in id order. */
  public ImmutableList<Integer> predecessors(int id) {
    ImmutableList.Builder<Integer> b = ImmutableList.builder();
    for (int i = 0; i < blocks.size(); i++) {
      if (blocks.get(i).successors().contains(id)) {
        b.add(i);
      }
    }
    return b.build();
  }

  private void validate() {
    if (blocks.isEmpty()) {
      throw new IllegalArgumentException("no blocks");
    }
    checkId(entry, "entry");
    for (int id = 0; id < blocks.size(); id++) {
      Block block = blocks.get(id);
      ImmutableList<UopInstr> uops = block.uops();
      String where = "block " + id;
      if (uops.isEmpty() && block.fallThrough().isEmpty()) {
        throw new IllegalArgumentException(where + " is empty and has no fall-through");
      }
      for (int i = 0; i < uops.size(); i++) {
        UopInstr in = uops.get(i);
        boolean last = i == uops.size() - 1;
        if (in.uop().has(OperandKind.EXIT) && in.target() >= exits.size()) {
          throw new IllegalArgumentException(where + ", uop " + i + ": exit " + in.target()
              + " out of range (" + exits.size() + " exits)");
        }
        if (in.uop().has(OperandKind.BLOCK)) {
          if (!last) {
            throw new IllegalArgumentException(
                where + ", uop " + i + ": branch " + in.uop().uopName() + " before the end");
          }
          checkId(in.target(), where + " branch target");
        }
        if (in.uop().is(UopFlag.TERMINATOR) && !last) {
          throw new IllegalArgumentException(
              where + ", uop " + i + ": terminator " + in.uop().uopName() + " before the end");
        }
        if (in.uop() == Uop.JUMP_TO_TOP || in.uop() == Uop.LOOP_HEAD) {
          throw new IllegalArgumentException(
              where + ": " + in.uop().uopName() + " is for traces only");
        }
      }
      boolean terminates = !uops.isEmpty() && uops.get(uops.size() - 1).uop().is(
          UopFlag.TERMINATOR);
      if (terminates && block.fallThrough().isPresent()) {
        throw new IllegalArgumentException(where + " ends in a terminator but falls through");
      }
      if (!terminates && block.fallThrough().isEmpty()) {
        throw new IllegalArgumentException(where + " needs a fall-through or a terminator");
      }
      if (block.fallThrough().isPresent()) {
        checkId(block.fallThrough().getAsInt(), where + " fall-through");
      }
    }
  }

  private void checkId(int id, String what) {
    if (id < 0 || id >= blocks.size()) {
      throw new IllegalArgumentException(what + " " + id + " is not a block (0.."
          + (blocks.size() - 1) + ")");
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BlockRegion r && entry == r.entry && blocks.equals(r.blocks)
        && exits.equals(r.exits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(blocks, entry, exits);
  }

  @Override
  public String toString() {
    return RegionText.format(this);
  }

  /**
   * Builds a region block by block. Blocks may be declared before they are filled ({@link
   * #newBlock}) so forward branches can name them.
   */
  public static final class Builder {
    private final List<List<UopInstr>> uops = new ArrayList<>();
    private final List<Integer> fallThroughs = new ArrayList<>();
    private final List<Exit> exits = new ArrayList<>();
    private int entry;

    private Builder() {}

    /** Reserves a new empty block and returns its id. */
    public int newBlock() {
      uops.add(new ArrayList<>());
      fallThroughs.add(-1);
      return uops.size() - 1;
    }

    public Builder add(int block, UopInstr instr) {
      uops.get(block).add(Objects.requireNonNull(instr));
      return this;
    }

    public Builder fallThrough(int block, int next) {
      fallThroughs.set(block, next);
      return this;
    }

    public Builder entry(int block) {
      this.entry = block;
      return this;
    }

    public int addExit(Exit exit) {
      exits.add(Objects.requireNonNull(exit));
      return exits.size() - 1;
    }

    public BlockRegion build() {
      ImmutableList.Builder<Block> b = ImmutableList.builder();
      for (int i = 0; i < uops.size(); i++) {
        int next = fallThroughs.get(i);
        b.add(next < 0 ? Block.ending(uops.get(i)) : Block.of(uops.get(i), next));
      }
      return new BlockRegion(b.build(), entry, ImmutableList.copyOf(exits));
    }
  }
}
