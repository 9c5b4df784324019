package org.stitchjit.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stitchjit.api.bytecode.Opcode.BINARY_OP;
import static org.stitchjit.api.bytecode.Opcode.DELETE_FAST;
import static org.stitchjit.api.bytecode.Opcode.ENTER_EXECUTOR;
import static org.stitchjit.api.bytecode.Opcode.FOR_ITER;
import static org.stitchjit.api.bytecode.Opcode.JUMP_BACKWARD;
import static org.stitchjit.api.bytecode.Opcode.LOAD_CONST;
import static org.stitchjit.api.bytecode.Opcode.LOAD_FAST;
import static org.stitchjit.api.bytecode.Opcode.POP_TOP;
import static org.stitchjit.api.bytecode.Opcode.RETURN_VALUE;
import static org.stitchjit.api.bytecode.Opcode.STORE_FAST;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.Opcode;

/** Which locals the interpreter reads before writing them, from an instruction on. */
class LocalLivenessTest {
  /**
   * for i in it: d = i * i; e = d + d   (locals: 0 self, 1 it, 2 i, 3 d, 4 e)
   * return e
   */
  private static FakeCode loop(boolean enterExecutor) {
    FakeCode c = new FakeCode(0x9);
    c.op(LOAD_FAST, 1);                                    // 0
    int head = c.next();
    c.op(FOR_ITER, 22);                                    // 1
    c.op(STORE_FAST, 2);                                   // 3
    c.op(LOAD_FAST, 2).op(LOAD_FAST, 2).op(BINARY_OP, 5);  // 4 5 6
    c.op(STORE_FAST, 3);                                   // 8
    c.op(LOAD_FAST, 3).op(LOAD_FAST, 3).op(BINARY_OP, 0);  // 9 10 11
    c.op(STORE_FAST, 4);                                   // 13
    if (enterExecutor) {
      c.op(ENTER_EXECUTOR, 0, head);                       // 14: executor 0, not a target
    } else {
      c.op(JUMP_BACKWARD, head);                           // 14
    }
    for (int k = c.next(); k < 22; k++) {
      c.op(POP_TOP, 0);                                    // padding up to the loop's exit
    }
    c.op(LOAD_FAST, 4).op(RETURN_VALUE, 0);                // 22 23
    return c;
  }

  @Test
  void aLocalIsLiveFromWhereItIsStoredUntilItsLastReadAndDeadFromThereToTheNextStore() {
    LocalLiveness l = LocalLiveness.of(loop(false));
    // d is read only right after its store: dead at the loop's head and its back edge.
    assertThat(l.isLive(8, 3)).isFalse();
    assertThat(l.isLive(9, 3)).isTrue();
    assertThat(l.isLive(11, 3)).isFalse();
    assertThat(l.isLive(14, 3)).isFalse();
    assertThat(l.isLive(1, 3)).isFalse();
    // e is read after the loop ends, so it is live round the loop until each store.
    assertThat(l.isLive(14, 4)).isTrue();
    assertThat(l.isLive(1, 4)).isTrue();
    assertThat(l.isLive(9, 4)).isFalse();
    // The iterable's local is read once, before the loop: dead from the loop on.
    assertThat(l.isLive(0, 1)).isTrue();
    assertThat(l.isLive(1, 1)).isFalse();
  }

  @Test
  void anEnterExecutorJumpsWhereTheCompilersJumpWent() {
    LocalLiveness l = LocalLiveness.of(loop(true));
    assertThat(l.isLive(14, 4)).isTrue();
    assertThat(l.isLive(1, 4)).isTrue();
    assertThat(l.isLive(14, 3)).isFalse();
  }

  @Test
  void aHandlerKeepsWhatItReadsLiveThroughItsTryBlockDespiteStores() {
    // try: d = 1.5; d = 2.5 except: return d    (d is local 3)
    FakeCode c = new FakeCode(0x9);
    c.op(LOAD_CONST, 0).op(STORE_FAST, 3);   // 0 1
    c.op(LOAD_CONST, 1).op(STORE_FAST, 3);   // 2 3
    c.op(LOAD_CONST, 2).op(RETURN_VALUE, 0); // 4 5
    c.op(LOAD_FAST, 3).op(RETURN_VALUE, 0);  // 6 7: the handler
    c.handler(0, 4, 6);
    LocalLiveness l = LocalLiveness.of(c);
    assertThat(l.isLive(2, 3)).isTrue();
    assertThat(l.isLive(3, 3)).isTrue();
    assertThat(l.isLive(4, 3)).isFalse();
  }

  @Test
  void quickeningKeepsEveryInstructionsSizeSoTheLiveCodeCanBeWalked() {
    for (Opcode op : Opcode.values()) {
      assertThat(op.size()).as(op.name()).isEqualTo(op.family().size());
    }
  }

  @Test
  void deleteReadsTheLocalAndLocalZeroIsAlwaysLive() {
    FakeCode c = new FakeCode(0x9);
    c.op(LOAD_CONST, 0).op(STORE_FAST, 3);   // 0 1
    c.op(DELETE_FAST, 3);                    // 2
    c.op(LOAD_CONST, 0).op(STORE_FAST, 0);   // 3 4
    c.op(LOAD_CONST, 0).op(RETURN_VALUE, 0); // 5 6
    LocalLiveness l = LocalLiveness.of(c);
    assertThat(l.isLive(2, 3)).isTrue();
    assertThat(l.isLive(3, 3)).isFalse();
    // Zero-argument super() reads local 0 off the frame, whatever the bytecode says.
    assertThat(l.isLive(4, 0)).isTrue();
    assertThat(l.isLive(6, 0)).isTrue();
  }
}
