package org.stitchjit.optimizer;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CodeView;

/**
 * Bytecode written out instruction by instruction (cache units filled in), with try blocks,
 * for passes that read code: {@code new FakeCode(0x9).op(LOAD_FAST, 1).op(RETURN_VALUE, 0)}.
 */
final class FakeCode implements CodeView {
  private final long id;
  private final List<Long> units = new ArrayList<>();
  /** Per unit, the jump target the compiler wrote where it differs from the oparg. */
  private final List<Integer> targets = new ArrayList<>();
  private final List<int[]> handlers = new ArrayList<>();

  FakeCode(long id) {
    this.id = id;
  }

  /** Appends an instruction; returns this. */
  FakeCode op(Opcode op, int oparg) {
    return op(op, oparg, oparg);
  }

  /** Appends an instruction whose jump target is not its oparg (ENTER_EXECUTOR). */
  FakeCode op(Opcode op, int oparg, int target) {
    units.add(Opcode.encode(op, oparg));
    targets.add(target);
    for (int k = 0; k < op.size() - 1; k++) {
      units.add(0L);
      targets.add(0);
    }
    return this;
  }

  /** Units start (inclusive) to end (exclusive) raise to the handler at target. */
  FakeCode handler(int start, int end, int target) {
    handlers.add(new int[] {start, end, target});
    return this;
  }

  /** The unit index the next instruction will have. */
  int next() {
    return units.size();
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public String qualifiedName() {
    return "f";
  }

  @Override
  public String filename() {
    return "t.py";
  }

  @Override
  public int length() {
    return units.size();
  }

  @Override
  public Opcode opcode(int index) {
    return Opcode.of(Opcode.opcodeOf(units.get(index)));
  }

  @Override
  public int oparg(int index) {
    return Opcode.opargOf(units.get(index));
  }

  @Override
  public long cache(int index, int n) {
    return units.get(index + 1 + n);
  }

  @Override
  public int line(int index) {
    return 1;
  }

  @Override
  public int argCount() {
    return 1;
  }

  @Override
  public int jumpTarget(int index) {
    return targets.get(index);
  }

  @Override
  public int handlerAt(int index) {
    for (int[] h : handlers) {
      if (index >= h[0] && index < h[1]) {
        return h[2];
      }
    }
    return -1;
  }
}
