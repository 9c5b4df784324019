package org.stitchjit.runtime.compiler;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.stitchjit.api.bytecode.Opcode;

/**
 * The control-flow graph of one code block and the passes CPython 3.11 runs on it before
 * emitting bytecode (compile.c's assemble()): copying small exit blocks, jump threading, constant
 * condition folding, tuple folding, SWAP elimination, dead code removal, line number
 * propagation, stack depth, exception table labelling and jump normalization. Running the same
 * passes in the same order is what makes the output match {@code python3 -m dis}.
 *
 * <p>One deliberate difference: a conditional jump is never threaded into a backward target, so
 * every backward edge of a user loop is a JUMP_BACKWARD (the interpreter's safepoint).
 */
final class FlowGraph {
  /** Instructions that exist only until assembly. */
  enum Pseudo { JUMP, JUMP_NO_INTERRUPT, SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK }

  static final class Instr {
    Opcode op;
    Pseudo pseudo;
    int arg;
    Block target;
    int line;
    Block except;

    Instr(Opcode op, int arg, Block target, int line) {
      this.op = op;
      this.arg = arg;
      this.target = target;
      this.line = line;
    }

    Instr(Pseudo pseudo, Block target, int line) {
      this.pseudo = pseudo;
      this.target = target;
      this.line = line;
    }

    Instr copy() {
      Instr i = op != null ? new Instr(op, arg, target, line) : new Instr(pseudo, target, line);
      i.arg = arg;
      return i;
    }

    boolean is(Opcode o) {
      return op == o;
    }

    boolean is(Pseudo p) {
      return pseudo == p;
    }

    void setOp(Opcode o) {
      op = o;
      pseudo = null;
    }

    void setOp(Pseudo p) {
      pseudo = p;
      op = null;
    }

    boolean isJump() {
      if (pseudo != null) {
        return pseudo == Pseudo.JUMP || pseudo == Pseudo.JUMP_NO_INTERRUPT;
      }
      return op.isJump();
    }

    boolean isBlockPush() {
      return pseudo == Pseudo.SETUP_FINALLY || pseudo == Pseudo.SETUP_CLEANUP
          || pseudo == Pseudo.SETUP_WITH;
    }

    boolean isUnconditionalJump() {
      return pseudo == Pseudo.JUMP || pseudo == Pseudo.JUMP_NO_INTERRUPT
          || op == Opcode.JUMP_FORWARD || op == Opcode.JUMP_BACKWARD
          || op == Opcode.JUMP_BACKWARD_NO_INTERRUPT;
    }

    boolean isScopeExit() {
      return op == Opcode.RETURN_VALUE || op == Opcode.RAISE_VARARGS || op == Opcode.RERAISE;
    }

    int stackEffect(boolean jump) {
      if (pseudo != null) {
        return switch (pseudo) {
          case JUMP, JUMP_NO_INTERRUPT, POP_BLOCK -> 0;
          case SETUP_FINALLY -> jump ? 1 : 0;
          case SETUP_CLEANUP -> jump ? 2 : 0;
          case SETUP_WITH -> jump ? 1 : 0;
        };
      }
      return op.stackEffect(arg, jump);
    }

    @Override
    public String toString() {
      return (op != null ? op.name() : pseudo.name()) + " " + arg + " line " + line;
    }
  }

  static final class Block {
    final List<Instr> instrs = new ArrayList<>();
    Block next;
    boolean visited;
    int predecessors;
    int startDepth = Integer.MIN_VALUE;
    boolean preserveLasti;
    Deque<Block> exceptStack;
    int offset;
    int order;

    Instr last() {
      return instrs.isEmpty() ? null : instrs.get(instrs.size() - 1);
    }

    boolean isEmpty() {
      return instrs.isEmpty();
    }

    /** Ends in a return or raise. */
    boolean isExit() {
      Instr l = last();
      return l != null && l.isScopeExit();
    }

    boolean hasFallthrough() {
      Instr l = last();
      return l == null || !(l.isScopeExit() || l.isUnconditionalJump());
    }
  }

  /** The constants of the code block being assembled (tuple folding adds to them). */
  interface ConstPool {
    int add(Object value);

    Object get(int index);

    int size();

    void truncate(int size);
  }

  /** What assembly produces. */
  record Assembled(long[] code, int[] lines, List<CodeUnit.ExceptionEntry> exceptionTable,
      int stacksize) {}

  private static final int MAX_COPY_SIZE = 4;

  private final Block entry;
  private final List<Block> allBlocks;
  private final ConstPool consts;
  private final int firstLine;
  private final boolean backwardConditionals;

  FlowGraph(Block entry, List<Block> allBlocks, ConstPool consts, int firstLine,
      boolean backwardConditionals) {
    this.entry = entry;
    this.allBlocks = allBlocks;
    this.consts = consts;
    this.firstLine = firstLine;
    this.backwardConditionals = backwardConditionals;
  }

  Assembled assemble() {
    for (Block b : allBlocks) {
      skipEmptyTargets(b);
    }
    for (Block b : allBlocks) {
      extendBlock(b);
    }
    optimizeCfg();
    duplicateExitsWithoutLineno();
    trimUnusedConsts();
    propagateLineNumbers();
    guaranteeLinenoForExits();
    int maxDepth = stackDepth();
    labelExceptionTargets();
    for (Block b = entry; b != null; b = b.next) {
      for (Instr i : b.instrs) {
        if (i.isBlockPush() || i.is(Pseudo.POP_BLOCK)) {
          i.setOp(Opcode.NOP);
          i.target = null;
        }
      }
    }
    for (Block b = entry; b != null; b = b.next) {
      cleanBlock(b);
    }
    normalizeJumps();
    return emit(maxDepth);
  }

  // ---------------------------------------------------------------- passes

  private static void skipEmptyTargets(Block b) {
    for (Instr i : b.instrs) {
      if (i.target != null) {
        while (i.target.isEmpty() && i.target.next != null) {
          i.target = i.target.next;
        }
      }
    }
  }

  /** A jump to a small line-less block that returns or raises becomes a copy of it. */
  private static void extendBlock(Block b) {
    Instr last = b.last();
    if (last == null || !last.isUnconditionalJump()) {
      return;
    }
    Block target = last.target;
    if (target.isExit() && target.instrs.size() <= MAX_COPY_SIZE) {
      for (Instr i : target.instrs) {
        if (i.line >= 0) {
          return; // only line-less exits (implicit return None) are copied
        }
      }
      last.setOp(Opcode.NOP);
      last.target = null;
      for (Instr i : target.instrs) {
        b.instrs.add(i.copy());
      }
    }
  }

  private void optimizeCfg() {
    int order = 0;
    for (Block b = entry; b != null; b = b.next) {
      b.order = order++;
    }
    for (Block b = entry; b != null; b = b.next) {
      optimizeBlock(b);
      cleanBlock(b);
    }
    for (Block b = entry; b != null; b = b.next) {
      extendBlock(b);
    }
    markReachable();
    for (Block b = entry; b != null; b = b.next) {
      if (b.predecessors == 0) {
        b.instrs.clear();
      }
    }
    eliminateEmptyBlocks();
    for (Block b = entry; b != null; b = b.next) {
      cleanBlock(b);
    }
    boolean removed = false;
    for (Block b = entry; b != null; b = b.next) {
      Instr last = b.last();
      if (last != null && (last.is(Pseudo.JUMP) || last.is(Pseudo.JUMP_NO_INTERRUPT))
          && last.target == b.next) {
        last.setOp(Opcode.NOP);
        last.target = null;
        removed = true;
      }
    }
    if (removed) {
      eliminateEmptyBlocks();
    }
  }

  private boolean isConditional(Instr i) {
    return i.op == Opcode.POP_JUMP_IF_FALSE || i.op == Opcode.POP_JUMP_IF_TRUE
        || i.op == Opcode.POP_JUMP_IF_NONE || i.op == Opcode.POP_JUMP_IF_NOT_NONE
        || i.op == Opcode.JUMP_IF_FALSE_OR_POP || i.op == Opcode.JUMP_IF_TRUE_OR_POP;
  }

  /**
   * Redirects inst to the target of the jump at the start of its target block. Returns 1 when
   * done, so the caller looks at inst again (chains of jumps).
   */
  private int jumpThread(Block b, Instr inst, Instr target, Object newOp) {
    if (inst.line == target.line && inst.target != target.target) {
      Opcode op = newOp instanceof Opcode o ? o : null;
      boolean conditional = op != null && op != Opcode.FOR_ITER;
      if (conditional && !backwardConditionals && target.target.order <= b.order) {
        return 0; // keep the loop's JUMP_BACKWARD as the only backward edge
      }
      inst.target = target.target;
      if (op != null) {
        inst.setOp(op);
      } else {
        inst.setOp((Pseudo) newOp);
      }
      return 1;
    }
    return 0;
  }

  private void optimizeBlock(Block bb) {
    List<Instr> ins = bb.instrs;
    for (int i = 0; i < ins.size(); i++) {
      Instr inst = ins.get(i);
      Instr next = i + 1 < ins.size() ? ins.get(i + 1) : null;
      Instr target = null;
      if (inst.isJump() || inst.isBlockPush()) {
        while (inst.target.isEmpty() && inst.target.next != null) {
          inst.target = inst.target.next;
        }
        target = inst.target.instrs.isEmpty() ? null : inst.target.instrs.get(0);
      }
      if (inst.op == Opcode.LOAD_CONST && next != null) {
        if (next.is(Opcode.POP_JUMP_IF_FALSE) || next.is(Opcode.POP_JUMP_IF_TRUE)) {
          boolean isTrue = truthy(consts.get(inst.arg));
          inst.setOp(Opcode.NOP);
          if (isTrue == next.is(Opcode.POP_JUMP_IF_TRUE)) {
            next.setOp(Pseudo.JUMP);
          } else {
            next.setOp(Opcode.NOP);
            next.target = null;
          }
        } else if (next.is(Opcode.JUMP_IF_FALSE_OR_POP) || next.is(Opcode.JUMP_IF_TRUE_OR_POP)) {
          boolean isTrue = truthy(consts.get(inst.arg));
          if (isTrue == next.is(Opcode.JUMP_IF_TRUE_OR_POP)) {
            next.setOp(Pseudo.JUMP);
          } else {
            inst.setOp(Opcode.NOP);
            next.setOp(Opcode.NOP);
            next.target = null;
          }
        } else if (next.is(Opcode.IS_OP) && consts.get(inst.arg) == null && i + 2 < ins.size()) {
          Instr jump = ins.get(i + 2);
          if (jump.is(Opcode.POP_JUMP_IF_FALSE) || jump.is(Opcode.POP_JUMP_IF_TRUE)) {
            boolean invert = (next.arg != 0) ^ jump.is(Opcode.POP_JUMP_IF_FALSE);
            inst.setOp(Opcode.NOP);
            next.setOp(Opcode.NOP);
            jump.setOp(invert ? Opcode.POP_JUMP_IF_NOT_NONE : Opcode.POP_JUMP_IF_NONE);
          }
        }
        continue;
      }
      if (inst.op == null) {
        if (inst.is(Pseudo.JUMP) && target != null && target.is(Pseudo.JUMP)) {
          i -= jumpThread(bb, inst, target, Pseudo.JUMP);
        }
        continue;
      }
      switch (inst.op) {
        case BUILD_TUPLE -> {
          if (next != null && next.is(Opcode.UNPACK_SEQUENCE) && next.arg == inst.arg
              && (inst.arg == 1 || inst.arg == 2 || inst.arg == 3)) {
            inst.setOp(Opcode.NOP);
            if (inst.arg == 1) {
              next.setOp(Opcode.NOP);
            } else {
              next.setOp(Opcode.SWAP);
            }
            continue;
          }
          if (i >= inst.arg) {
            foldTupleOfConstants(ins, i);
          }
        }
        case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> {
          if (target == null) {
            break;
          }
          boolean onFalse = inst.op == Opcode.JUMP_IF_FALSE_OR_POP;
          Opcode same = onFalse ? Opcode.JUMP_IF_FALSE_OR_POP : Opcode.JUMP_IF_TRUE_OR_POP;
          Opcode samePop = onFalse ? Opcode.POP_JUMP_IF_FALSE : Opcode.POP_JUMP_IF_TRUE;
          Opcode opposite = onFalse ? Opcode.JUMP_IF_TRUE_OR_POP : Opcode.JUMP_IF_FALSE_OR_POP;
          Opcode oppositePop = onFalse ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE;
          if (target.is(samePop)) {
            i -= jumpThread(bb, inst, target, samePop);
          } else if (target.is(Pseudo.JUMP) || target.is(same)) {
            i -= jumpThread(bb, inst, target, same);
          } else if (target.is(opposite) || target.is(oppositePop)) {
            // x:JUMP_IF_FALSE_OR_POP y, y:JUMP_IF_TRUE_OR_POP z: when x jumps, y falls through.
            Block after = inst.target.next;
            if (inst.line == target.line && after != null
                && (backwardConditionals || after.order > bb.order)) {
              inst.setOp(samePop);
              inst.target = after;
              i--;
            }
          }
        }
        case POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE -> {
          if (target != null && target.is(Pseudo.JUMP)) {
            i -= jumpThread(bb, inst, target, inst.op);
          }
        }
        case SWAP -> {
          if (inst.arg == 1) {
            inst.setOp(Opcode.NOP);
            break;
          }
          i = swaptimize(bb, i);
          applyStaticSwaps(bb, i);
        }
        default -> { }
      }
    }
  }

  private static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof java.math.BigInteger b) {
      return b.signum() != 0;
    }
    if (v instanceof Double d) {
      return d != 0.0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof CodeUnit.ConstTuple t) {
      return !t.items().isEmpty();
    }
    return true;
  }

  private void foldTupleOfConstants(List<Instr> ins, int at) {
    int n = ins.get(at).arg;
    for (int k = at - n; k < at; k++) {
      if (!ins.get(k).is(Opcode.LOAD_CONST)) {
        return;
      }
    }
    List<Object> items = new ArrayList<>(n);
    for (int k = at - n; k < at; k++) {
      items.add(consts.get(ins.get(k).arg));
    }
    int index = consts.add(new CodeUnit.ConstTuple(java.util.Collections.unmodifiableList(items)));
    for (int k = at - n; k < at; k++) {
      ins.get(k).setOp(Opcode.NOP);
    }
    Instr build = ins.get(at);
    build.setOp(Opcode.LOAD_CONST);
    build.arg = index;
  }

  /**
   * Replaces a run of SWAPs (and NOPs) by the fewest SWAPs that shuffle the stack the same way.
   * Returns the index of the run's last instruction.
   */
  private static int swaptimize(Block block, int ix) {
    List<Instr> ins = block.instrs;
    int depth = ins.get(ix).arg;
    int len = 0;
    boolean more = false;
    int limit = ins.size() - ix;
    while (++len < limit) {
      Instr i = ins.get(ix + len);
      if (i.is(Opcode.SWAP)) {
        depth = Math.max(depth, i.arg);
        more = true;
      } else if (!i.is(Opcode.NOP)) {
        break;
      }
    }
    if (!more) {
      return ix;
    }
    int[] stack = new int[depth];
    for (int k = 0; k < depth; k++) {
      stack[k] = k;
    }
    for (int k = 0; k < len; k++) {
      Instr i = ins.get(ix + k);
      if (i.is(Opcode.SWAP)) {
        int top = stack[0];
        stack[0] = stack[i.arg - 1];
        stack[i.arg - 1] = top;
      }
    }
    final int visited = -1;
    int current = len - 1;
    for (int k = 0; k < depth; k++) {
      if (stack[k] == visited || stack[k] == k) {
        continue;
      }
      // Walk the cycle through position 0, the only one a SWAP can exchange with; emitting
      // from the end backwards shuffles the stack into the simulated order.
      int j = k;
      while (true) {
        if (j != 0) {
          Instr i = ins.get(ix + current--);
          i.setOp(Opcode.SWAP);
          i.arg = j + 1;
        }
        if (stack[j] == visited) {
          break;
        }
        int nextJ = stack[j];
        stack[j] = visited;
        j = nextJ;
      }
    }
    while (current >= 0) {
      ins.get(ix + current--).setOp(Opcode.NOP);
    }
    return ix + len - 1;
  }

  private static boolean swappable(Instr i) {
    return i.is(Opcode.STORE_FAST) || i.is(Opcode.POP_TOP);
  }

  private static int nextSwappable(Block block, int i, int line) {
    List<Instr> ins = block.instrs;
    while (++i < ins.size()) {
      Instr in = ins.get(i);
      if (line >= 0 && in.line != line) {
        return -1;
      }
      if (in.is(Opcode.NOP)) {
        continue;
      }
      return swappable(in) ? i : -1;
    }
    return -1;
  }

  /** SWAP n followed by stores/pops becomes the same stores/pops in another order. */
  private static void applyStaticSwaps(Block block, int i) {
    List<Instr> ins = block.instrs;
    for (; i >= 0; i--) {
      Instr swap = ins.get(i);
      if (!swap.is(Opcode.SWAP)) {
        if (swap.is(Opcode.NOP) || swappable(swap)) {
          continue;
        }
        return;
      }
      int j = nextSwappable(block, i, -1);
      if (j < 0) {
        return;
      }
      int k = j;
      int line = ins.get(j).line;
      for (int count = swap.arg - 1; count > 0; count--) {
        k = nextSwappable(block, k, line);
        if (k < 0) {
          return;
        }
      }
      swap.setOp(Opcode.NOP);
      Instr tmp = ins.get(j);
      ins.set(j, ins.get(k));
      ins.set(k, tmp);
    }
  }

  /** Removes NOPs except those that carry a line number nothing else does. */
  private static void cleanBlock(Block bb) {
    List<Instr> ins = bb.instrs;
    List<Instr> out = new ArrayList<>(ins.size());
    int prevLine = -1;
    for (int src = 0; src < ins.size(); src++) {
      Instr in = ins.get(src);
      int line = in.line;
      if (in.is(Opcode.NOP)) {
        if (line < 0) {
          continue;
        }
        if (prevLine == line) {
          continue;
        }
        if (src < ins.size() - 1) {
          Instr nx = ins.get(src + 1);
          if (nx.line < 0 || nx.line == line) {
            nx.line = line;
            continue;
          }
        } else {
          Block next = bb.next;
          while (next != null && next.isEmpty()) {
            next = next.next;
          }
          if (next != null && line == next.instrs.get(0).line) {
            continue;
          }
        }
      }
      out.add(in);
      prevLine = line;
    }
    ins.clear();
    ins.addAll(out);
  }

  private void markReachable() {
    for (Block b = entry; b != null; b = b.next) {
      b.predecessors = 0;
      b.visited = false;
    }
    Deque<Block> stack = new ArrayDeque<>();
    entry.predecessors = 1;
    stack.push(entry);
    entry.visited = true;
    while (!stack.isEmpty()) {
      Block b = stack.pop();
      if (b.next != null && b.hasFallthrough()) {
        if (!b.next.visited) {
          b.next.visited = true;
          stack.push(b.next);
        }
        b.next.predecessors++;
      }
      for (Instr i : b.instrs) {
        if (i.isJump() || i.isBlockPush()) {
          if (!i.target.visited) {
            i.target.visited = true;
            stack.push(i.target);
          }
          i.target.predecessors++;
        }
      }
    }
  }

  private void eliminateEmptyBlocks() {
    for (Block b = entry; b != null; b = b.next) {
      Block next = b.next;
      if (next != null) {
        while (next.isEmpty() && next.next != null) {
          next = next.next;
        }
        b.next = next;
      }
    }
    for (Block b = entry; b != null; b = b.next) {
      Instr last = b.last();
      if (last != null && last.isJump()) {
        Block t = last.target;
        while (t.isEmpty() && t.next != null) {
          t = t.next;
        }
        last.target = t;
      }
    }
  }

  private static boolean isExitWithoutLineno(Block b) {
    if (!b.isExit()) {
      return false;
    }
    for (Instr i : b.instrs) {
      if (i.line >= 0) {
        return false;
      }
    }
    return true;
  }

  /** Each jump to a shared line-less exit gets its own copy, which takes the jump's line. */
  private void duplicateExitsWithoutLineno() {
    // Newest blocks first, as CPython walks its block allocation list: this decides the order
    // in which the copies are laid out.
    for (int k = allBlocks.size() - 1; k >= 0; k--) {
      Block b = allBlocks.get(k);
      Instr last = b.last();
      if (last != null && last.isJump()) {
        Block target = last.target;
        if (isExitWithoutLineno(target) && target.predecessors > 1) {
          Block copy = new Block();
          for (Instr i : target.instrs) {
            copy.instrs.add(i.copy());
          }
          copy.instrs.get(0).line = last.line;
          last.target = copy;
          target.predecessors--;
          copy.predecessors = 1;
          copy.next = target.next;
          target.next = copy;
        }
      }
    }
    for (Block b = entry; b != null; b = b.next) {
      while (b.next != null && b.next.isEmpty()) {
        b.next = b.next.next;
      }
    }
    for (Block b = entry; b != null; b = b.next) {
      if (b.hasFallthrough() && b.next != null && !b.isEmpty()) {
        if (isExitWithoutLineno(b.next)) {
          b.next.instrs.get(0).line = b.last().line;
        }
      }
    }
  }

  private void trimUnusedConsts() {
    // consts[0] may be the docstring: always kept.
    int max = 0;
    for (Block b = entry; b != null; b = b.next) {
      for (Instr i : b.instrs) {
        if ((i.is(Opcode.LOAD_CONST) || i.is(Opcode.KW_NAMES)) && i.arg > max) {
          max = i.arg;
        }
      }
    }
    if (max + 1 < consts.size()) {
      consts.truncate(max + 1);
    }
  }

  private void propagateLineNumbers() {
    for (Block b = entry; b != null; b = b.next) {
      if (b.isEmpty()) {
        continue;
      }
      int prev = -1;
      for (Instr i : b.instrs) {
        if (i.line < 0) {
          i.line = prev;
        } else {
          prev = i.line;
        }
      }
      if (b.hasFallthrough() && b.next != null && b.next.predecessors == 1
          && !b.next.isEmpty() && b.next.instrs.get(0).line < 0) {
        b.next.instrs.get(0).line = prev;
      }
      Instr last = b.last();
      if (last.isJump()) {
        Block t = last.target;
        if (t.predecessors == 1 && !t.isEmpty() && t.instrs.get(0).line < 0) {
          t.instrs.get(0).line = prev;
        }
      }
    }
  }

  private void guaranteeLinenoForExits() {
    int line = firstLine;
    for (Block b = entry; b != null; b = b.next) {
      Instr last = b.last();
      if (last == null) {
        continue;
      }
      if (last.line < 0) {
        if (last.is(Opcode.RETURN_VALUE)) {
          for (Instr i : b.instrs) {
            i.line = line;
          }
        }
      } else {
        line = last.line;
      }
    }
  }

  private static void pushDepth(Deque<Block> stack, Block b, int depth) {
    if (b.startDepth != Integer.MIN_VALUE && b.startDepth != depth) {
      throw new IllegalStateException("inconsistent stack depth at a block: " + b.startDepth
          + " vs " + depth);
    }
    if (b.startDepth < depth) {
      b.startDepth = depth;
      stack.push(b);
    }
  }

  private int stackDepth() {
    for (Block b = entry; b != null; b = b.next) {
      b.startDepth = Integer.MIN_VALUE;
    }
    int max = 0;
    Deque<Block> stack = new ArrayDeque<>();
    pushDepth(stack, entry, 0);
    while (!stack.isEmpty()) {
      Block b = stack.pop();
      int depth = b.startDepth;
      Block next = b.next;
      for (Instr i : b.instrs) {
        int newDepth = depth + i.stackEffect(false);
        if (newDepth < 0) {
          throw new IllegalStateException("stack underflow at " + i);
        }
        max = Math.max(max, newDepth);
        if (i.isJump() || i.isBlockPush()) {
          int targetDepth = depth + i.stackEffect(true);
          max = Math.max(max, targetDepth);
          pushDepth(stack, i.target, targetDepth);
        }
        depth = newDepth;
        if (i.isUnconditionalJump() || i.isScopeExit()) {
          next = null;
          break;
        }
      }
      if (next != null) {
        pushDepth(stack, next, depth);
      }
    }
    return max;
  }

  /** Gives every instruction the handler block active at it (SETUP_* push, POP_BLOCK pop). */
  private void labelExceptionTargets() {
    for (Block b = entry; b != null; b = b.next) {
      b.visited = false;
      b.exceptStack = null;
    }
    Deque<Block> todo = new ArrayDeque<>();
    entry.visited = true;
    entry.exceptStack = new ArrayDeque<>();
    todo.push(entry);
    while (!todo.isEmpty()) {
      Block b = todo.pop();
      Deque<Block> stack = b.exceptStack;
      b.exceptStack = null;
      Block handler = stack.peek();
      for (Instr i : b.instrs) {
        if (i.isBlockPush()) {
          if (!i.target.visited) {
            i.target.visited = true;
            i.target.exceptStack = new ArrayDeque<>(stack);
            todo.push(i.target);
          }
          if (i.is(Pseudo.SETUP_WITH) || i.is(Pseudo.SETUP_CLEANUP)) {
            i.target.preserveLasti = true;
          }
          stack.push(i.target);
          handler = i.target;
        } else if (i.is(Pseudo.POP_BLOCK)) {
          stack.pop();
          handler = stack.peek();
        } else if (i.isJump()) {
          i.except = handler;
          if (!i.target.visited) {
            i.target.visited = true;
            i.target.exceptStack = new ArrayDeque<>(stack);
            todo.push(i.target);
          }
        } else {
          i.except = handler;
        }
      }
      if (b.hasFallthrough() && b.next != null && !b.next.visited) {
        b.next.visited = true;
        b.next.exceptStack = stack;
        todo.push(b.next);
      }
    }
  }

  private void normalizeJumps() {
    for (Block b = entry; b != null; b = b.next) {
      b.visited = false;
    }
    for (Block b = entry; b != null; b = b.next) {
      b.visited = true;
      Instr last = b.last();
      if (last == null || last.pseudo == null) {
        continue;
      }
      boolean forward = !last.target.visited;
      if (last.is(Pseudo.JUMP)) {
        last.setOp(forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD);
      } else if (last.is(Pseudo.JUMP_NO_INTERRUPT)) {
        last.setOp(forward ? Opcode.JUMP_FORWARD : Opcode.JUMP_BACKWARD_NO_INTERRUPT);
      }
    }
  }

  private Assembled emit(int maxDepth) {
    int offset = 0;
    for (Block b = entry; b != null; b = b.next) {
      b.offset = offset;
      for (Instr i : b.instrs) {
        if (i.pseudo != null) {
          throw new IllegalStateException("pseudo instruction left: " + i);
        }
        offset += i.op.size();
      }
    }
    long[] code = new long[offset];
    int[] lines = new int[offset];
    List<CodeUnit.ExceptionEntry> table = new ArrayList<>();
    int pc = 0;
    int line = firstLine;
    Block handler = null;
    int start = -1;
    for (Block b = entry; b != null; b = b.next) {
      for (Instr i : b.instrs) {
        int arg = i.target != null ? i.target.offset : i.arg;
        code[pc] = Opcode.encode(i.op, arg);
        if (i.line >= 0) {
          line = i.line;
        }
        for (int k = 0; k < i.op.size(); k++) {
          lines[pc + k] = line;
        }
        if (i.except != handler) {
          if (handler != null) {
            table.add(entryFor(start, pc, handler));
          }
          start = pc;
          handler = i.except;
        }
        pc += i.op.size();
      }
    }
    if (handler != null) {
      table.add(entryFor(start, pc, handler));
    }
    return new Assembled(code, lines, table, maxDepth);
  }

  private static CodeUnit.ExceptionEntry entryFor(int start, int end, Block handler) {
    int depth = handler.startDepth - 1 - (handler.preserveLasti ? 1 : 0);
    if (depth < 0) {
      throw new IllegalStateException("bad handler depth");
    }
    return new CodeUnit.ExceptionEntry(start, end, handler.offset, depth, handler.preserveLasti);
  }
}
