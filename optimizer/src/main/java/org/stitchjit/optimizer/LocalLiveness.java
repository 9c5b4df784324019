package org.stitchjit.optimizer;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CodeView;

/**
 * Which locals of a code object the interpreter may read, from a given instruction on, before
 * it writes them again: the classic backward dataflow over the bytecode. An exit that resumes
 * there need not box a raw float held in a local that is dead there (decision 7, "Dead raw
 * locals").
 *
 * <p>Reads are {@code LOAD_FAST} and {@code DELETE_FAST} (which fails on an unbound local);
 * writes are {@code STORE_FAST}. Every instruction a try block covers also flows to its handler,
 * without its own write: the exception may be raised before the store. Local 0 is live
 * everywhere, because zero-argument {@code super()} reads it off the frame. Cell and free
 * variables are never asked about (they hold cells, never raw words).
 */
final class LocalLiveness {
  private final CodeView code;
  /** Live locals before each instruction, by unit index (null at cache units). */
  private final BitSet[] liveIn;

  private LocalLiveness(CodeView code, BitSet[] liveIn) {
    this.code = code;
    this.liveIn = liveIn;
  }

  static LocalLiveness of(CodeView code) {
    int n = code.length();
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < n; i += code.opcode(i).size()) {
      starts.add(i);
    }
    BitSet[] liveIn = new BitSet[n];
    for (int i : starts) {
      liveIn[i] = new BitSet();
    }
    // Backward order converges in a few rounds; loops take one more each.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int k = starts.size() - 1; k >= 0; k--) {
        int i = starts.get(k);
        Opcode op = code.opcode(i).family();
        BitSet live = new BitSet();
        if (!op.isTerminator() && i + op.size() < n) {
          live.or(liveIn[i + op.size()]);
        }
        if (op.isJump()) {
          live.or(liveIn[code.jumpTarget(i)]);
        }
        if (op == Opcode.STORE_FAST) {
          live.clear(code.oparg(i));
        } else if (op == Opcode.LOAD_FAST || op == Opcode.DELETE_FAST) {
          live.set(code.oparg(i));
        }
        int handler = code.handlerAt(i);
        if (handler >= 0) {
          live.or(liveIn[handler]);
        }
        live.set(0);
        if (!live.equals(liveIn[i])) {
          liveIn[i] = live;
          changed = true;
        }
      }
    }
    return new LocalLiveness(code, liveIn);
  }

  CodeView code() {
    return code;
  }

  /** Whether the interpreter, resuming at instruction index, may read local before writing it. */
  boolean isLive(int index, int local) {
    return index < 0 || index >= liveIn.length || liveIn[index] == null
        || liveIn[index].get(local);
  }

  /**
   * Whether local is live after the conditional jump at index goes the way {@code jumps} says:
   * at its target, or at the instruction after it (the jump reads no local itself).
   */
  boolean isLiveAfterBranch(int index, boolean jumps, int local) {
    if (!isStart(index) || !code.opcode(index).family().isJump()) {
      return isLive(index, local);
    }
    return isLive(jumps ? code.jumpTarget(index) : index + code.opcode(index).size(), local);
  }

  private boolean isStart(int index) {
    return index >= 0 && index < liveIn.length && liveIn[index] != null;
  }
}
