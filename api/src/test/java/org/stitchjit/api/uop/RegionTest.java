package org.stitchjit.api.uop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionTest {
  private static final Exit GUARD_EXIT = new Exit(7, 4, 2, ExitReason.GUARD_FAILED);
  private static final Exit END = new Exit(7, 20, 0, ExitReason.END_OF_REGION);

  @Test
  void uopInstrRejectsImmediatesTheUopDoesNotTake() {
    assertThat(UopInstr.of(Uop.LOAD_FAST, 3).oparg()).isEqualTo(3);
    assertThatThrownBy(() -> UopInstr.of(Uop.POP_TOP, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("_POP_TOP takes no oparg");
    assertThatThrownBy(() -> UopInstr.of(Uop.LOAD_FAST).withOperand(5))
        .hasMessageContaining("_LOAD_FAST takes no operand");
    assertThatThrownBy(() -> UopInstr.withExit(Uop.POP_TOP, 1))
        .hasMessageContaining("takes no target");
    assertThatThrownBy(() -> UopInstr.withExit(Uop.EXIT_TRACE, -1))
        .hasMessageContaining("negative target");
    UopInstr g = UopInstr.of(Uop.GUARD_TYPE).withOperand(0x1000).withTarget(2);
    assertThat(g).isEqualTo(new UopInstr(Uop.GUARD_TYPE, 0, 0x1000, 2));
    assertThat(g.toString()).isEqualTo("_GUARD_TYPE operand=0x1000 exit=2");
  }

  @Test
  void exitValidatesItsFields() {
    assertThatThrownBy(() -> new Exit(1, -1, 0, ExitReason.BRANCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Exit(1, 0, -1, ExitReason.BRANCH))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Exit(1, 0, 0, null)).isInstanceOf(NullPointerException.class);
  }

  private static Trace loop() {
    Trace.Builder b = Trace.builder();
    int exit = b.addExit(GUARD_EXIT);
    return b.add(Uop.SET_IP, 4)
        .add(Uop.LOAD_FAST, 0)
        .add(Uop.LOAD_FAST, 1)
        .add(UopInstr.withExit(Uop.GUARD_BOTH_INT, exit))
        .add(UopInstr.withExit(Uop.BINARY_OP_ADD_INT, exit))
        .add(Uop.STORE_FAST, 0)
        .add(Uop.JUMP_TO_TOP)
        .build();
  }

  @Test
  void traceBuilderAndAccessors() {
    Trace t = loop();
    assertThat(t.loops()).isTrue();
    assertThat(t.uops()).hasSize(7);
    assertThat(t.allUops()).isEqualTo(t.uops());
    assertThat(t.exits()).containsExactly(GUARD_EXIT);
    assertThat(t).isEqualTo(loop()).hasSameHashCodeAs(loop());
    assertThat(t.toBuilder().build()).isEqualTo(t);

    Trace.Builder b = Trace.builder().add(Uop.NOP);
    Trace open = b.addWithExit(Uop.EXIT_TRACE, END).build();
    assertThat(open.loops()).isFalse();
    assertThat(open.uops().get(1)).isEqualTo(UopInstr.withExit(Uop.EXIT_TRACE, 0));
    assertThat(open).isNotEqualTo(t);
  }

  @Test
  void traceMustBeWellFormed() {
    assertThatThrownBy(() -> Trace.builder().build()).hasMessageContaining("empty trace");
    assertThatThrownBy(() -> Trace.builder().add(Uop.NOP).build())
        .hasMessageContaining("must end in a terminator, not _NOP");
    assertThatThrownBy(() -> Trace.builder().add(Uop.JUMP_TO_TOP).add(Uop.JUMP_TO_TOP).build())
        .hasMessageContaining("uop 0: terminator _JUMP_TO_TOP before the end");
    assertThatThrownBy(() -> Trace.builder().add(UopInstr.withExit(Uop.EXIT_TRACE, 0)).build())
        .hasMessageContaining("exit 0 out of range (0 exits)");
    assertThatThrownBy(() -> Trace.builder().add(new UopInstr(Uop.JUMP, 0, 0, 0)).build())
        .hasMessageContaining("_JUMP is for block regions only");
    assertThatThrownBy(() -> Trace.builder().add(Uop.LOOP_HEAD).add(Uop.NOP).add(Uop.LOOP_HEAD)
            .add(Uop.JUMP_TO_TOP).build())
        .hasMessageContaining("uop 2: a second _LOOP_HEAD");
    assertThatThrownBy(() -> Trace.builder().add(Uop.LOOP_HEAD)
            .addWithExit(Uop.EXIT_TRACE, END).build())
        .hasMessageContaining("_LOOP_HEAD in a trace that does not loop");
  }

  @Test
  void aLoopContinuesAtItsLoopHeadOrElseAtTheFirstUop() {
    assertThat(Trace.builder().add(Uop.NOP).add(Uop.LOOP_HEAD).add(Uop.NOP).add(Uop.JUMP_TO_TOP)
        .build().loopStart()).isEqualTo(1);
    assertThat(Trace.builder().add(Uop.NOP).add(Uop.JUMP_TO_TOP).build().loopStart()).isZero();
  }

  /** if x: (block 1) else: (block 2), with block 2 a stub that exits. */
  private static BlockRegion diamond() {
    BlockRegion.Builder b = BlockRegion.builder();
    int head = b.newBlock();
    int then = b.newBlock();
    int stub = b.newBlock();
    int exit = b.addExit(END);
    b.add(head, UopInstr.of(Uop.LOAD_FAST, 0))
        .add(head, new UopInstr(Uop.POP_JUMP_IF_FALSE, 0, 0, stub))
        .fallThrough(head, then)
        .add(then, UopInstr.of(Uop.LOAD_CONST, 1))
        .add(then, UopInstr.of(Uop.RETURN_VALUE))
        .add(stub, UopInstr.withExit(Uop.EXIT_TRACE, exit))
        .entry(head);
    return b.build();
  }

  @Test
  void blockRegionSuccessorsAndPredecessors() {
    BlockRegion r = diamond();
    assertThat(r.entry()).isZero();
    assertThat(r.blocks()).hasSize(3);
    assertThat(r.block(0).successors()).containsExactly(1, 2);
    assertThat(r.block(1).successors()).isEmpty();
    assertThat(r.block(2).successors()).isEmpty();
    assertThat(r.predecessors(2)).containsExactly(0);
    assertThat(r.predecessors(0)).isEmpty();
    assertThat(r.allUops()).hasSize(5);
    assertThat(r).isEqualTo(diamond()).hasSameHashCodeAs(diamond());
    // A branch to the fall-through block is one successor, not two.
    Block same = Block.of(List.of(new UopInstr(Uop.POP_JUMP_IF_TRUE, 0, 0, 1)), 1);
    assertThat(same.successors()).containsExactly(1);
  }

  @Test
  void blockRegionMustBeWellFormed() {
    UopInstr ret = UopInstr.of(Uop.RETURN_VALUE);
    assertThatThrownBy(() -> BlockRegion.of(List.of(), 0, List.of()))
        .hasMessageContaining("no blocks");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(ret))), 1, List.of()))
        .hasMessageContaining("entry 1 is not a block (0..0)");
    assertThatThrownBy(() -> BlockRegion.of(
            List.of(Block.ending(List.of(UopInstr.of(Uop.NOP)))), 0, List.of()))
        .hasMessageContaining("block 0 needs a fall-through or a terminator");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.of(List.of(ret), 0)), 0, List.of()))
        .hasMessageContaining("ends in a terminator but falls through");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.of(List.of(), 3)), 0, List.of()))
        .hasMessageContaining("block 0 fall-through 3 is not a block");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(
            new UopInstr(Uop.JUMP, 0, 0, 0), ret))), 0, List.of()))
        .hasMessageContaining("branch _JUMP before the end");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(
            new UopInstr(Uop.JUMP, 0, 0, 5)))), 0, List.of()))
        .hasMessageContaining("branch target 5 is not a block");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(
            UopInstr.of(Uop.JUMP_TO_TOP)))), 0, List.of()))
        .hasMessageContaining("_JUMP_TO_TOP is for traces only");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(
            UopInstr.of(Uop.LOOP_HEAD), ret))), 0, List.of()))
        .hasMessageContaining("_LOOP_HEAD is for traces only");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of(
            UopInstr.withExit(Uop.EXIT_TRACE, 1)))), 0, List.of(END)))
        .hasMessageContaining("exit 1 out of range (1 exits)");
    assertThatThrownBy(() -> BlockRegion.of(List.of(Block.ending(List.of())), 0, List.of()))
        .hasMessageContaining("empty and has no fall-through");
  }

  @Test
  void regionsAreImmutable() {
    List<UopInstr> uops = loop().uops();
    assertThatThrownBy(() -> uops.add(UopInstr.of(Uop.NOP)))
        .isInstanceOf(UnsupportedOperationException.class);
    List<Block> blocks = diamond().blocks();
    assertThatThrownBy(() -> blocks.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }
}
