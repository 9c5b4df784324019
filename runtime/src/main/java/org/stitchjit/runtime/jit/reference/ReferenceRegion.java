package org.stitchjit.runtime.jit.reference;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.jit.RuntimeSteps;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.ThreadState;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Block;
import org.stitchjit.api.uop.BlockRegion;
import org.stitchjit.api.uop.CacheOperands;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.RawLocals;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.VM;

/**
 * A region run uop by uop in Java, on the native frames: the definition of what every uop
 * means. The operand stack stays in the frame's memory throughout, so an exit only has to set
 * the innermost frame's IP and SP (and box the raw float slots it names, decision 7);
 * escaping uops write SP first, so guest code they run, the collector and tracebacks see a
 * consistent frame.
 *
 * <p>An exiting uop exits before it changes anything, so the interpreter re-executes the
 * instruction from its start. The one exception is documented on the uop: {@code
 * _FOR_ITER_TIER_TWO} has consumed the exhausted iterator, and its exit resumes after the loop.
 *
 * <p>With {@code force-exits} each exit is taken the first time a uop owning it runs, before
 * the uop's check, so tests reach every exit's resume point with the state of a real exit.
 */
public final class ReferenceRegion implements CompiledRegion, RuntimeSteps.Steps {
  /** Bytes charged to the code cache per uop: the four arrays below, per entry. */
  static final int BYTES_PER_UOP = 8 + 4 + 8 + 4;

  private final UopRuntime rt;
  private final VM vm;
  private final Uop[] uops;
  private final int[] opargs;
  private final long[] operands;
  private final int[] targets;
  private final Exit[] exits;
  /** Where {@code _JUMP_TO_TOP} continues: the trace's {@code _LOOP_HEAD}, else uop 0. */
  private final int loopStart;
  private volatile boolean valid = true;
  /** force-exits: the exits already forced, by index; null when exits are not forced. */
  private final BitSet forced;
  /** The stack pointer a stepping {@link #run} went on with (see {@link #sp()}). */
  private long stepSp;
  /**
   * Per uop, the entry frame's raw locals before it ({@link RawLocals}); null when the region
   * has none anywhere.
   */
  private final List<ImmutableSortedSet<Integer>> rawLocals;
  /** Per uop, how many frames back from its own the entry frame is ({@link RawLocals}). */
  private final int[] framesBelow;
  /** The uop {@link #run} is performing, for boxing raw locals when a guest exception leaves. */
  private int current;

  ReferenceRegion(Region region, UopRuntime rt) {
    this(region, rt, false);
  }

  ReferenceRegion(Region region, UopRuntime rt, boolean forceExits) {
    this.rt = rt;
    this.forced = forceExits ? new BitSet() : null;
    this.vm = rt.vm();
    List<UopInstr> flat = new ArrayList<>();
    List<Integer> blockStart = new ArrayList<>();
    if (region instanceof Trace t) {
      flat.addAll(t.uops());
      loopStart = t.loopStart();
    } else {
      loopStart = 0;
      BlockRegion br = (BlockRegion) region;
      // Blocks laid out in id order after a jump to the entry block; a block that falls
      // through gets an explicit jump, so layout order never matters.
      flat.add(new UopInstr(Uop.JUMP, 0, 0, br.entry()));
      for (int id = 0; id < br.blocks().size(); id++) {
        Block b = br.block(id);
        blockStart.add(flat.size());
        flat.addAll(b.uops());
        if (b.fallThrough().isPresent()) {
          flat.add(new UopInstr(Uop.JUMP, 0, 0, b.fallThrough().getAsInt()));
        }
      }
    }
    int n = flat.size();
    uops = new Uop[n];
    opargs = new int[n];
    operands = new long[n];
    targets = new int[n];
    for (int i = 0; i < n; i++) {
      UopInstr in = flat.get(i);
      uops[i] = in.uop();
      opargs[i] = in.oparg();
      operands[i] = in.operand();
      targets[i] = in.uop().has(org.stitchjit.api.uop.OperandKind.BLOCK)
          ? blockStart.get(in.target()) : in.target();
    }
    ImmutableList<Exit> ex = region.exits();
    exits = ex.toArray(new Exit[0]);
    List<ImmutableSortedSet<Integer>> raw =
        region instanceof Trace t ? RawLocals.before(t) : List.of();
    rawLocals = raw.stream().allMatch(Set::isEmpty) ? null : raw;
    framesBelow = rawLocals == null ? null : RawLocals.framesBelow((Trace) region);
  }

  @Override
  public long codeBytes() {
    return (long) uops.length * BYTES_PER_UOP;
  }

  @Override
  public void invalidate() {
    valid = false;
  }

  @Override
  public void free() {
    // Java arrays: nothing native to release.
  }

  @Override
  public int enter(long ts) {
    long frame = Mem.getLong(ts + ThreadState.CURRENT_FRAME);
    long sp = stackBase(frame, rt.codeOf(frame)) + 8 * (Mem.getLong(frame + Frame.SP) >> 1);
    Mem.putLong(ts + ThreadState.JIT_KWNAMES, 0);
    return RuntimeSteps.Steps.enterResult(run(0, ts, sp, null));
  }

  @Override
  public long sp() {
    return stepSp;
  }

  /**
   * Runs from uop {@code start} (see {@link RuntimeSteps.Steps#run}); {@code stopAt} null runs
   * until the region is left. Everything a uop leaves for a later one lives in native memory
   * (the frames, the thread state's keyword names, a pending frame in its stack slot), so a run
   * can begin at any uop.
   */
  @Override
  public int run(int start, long ts, long sp, boolean[] stopAt) {
    if (rawLocals == null) {
      return runUops(start, ts, sp, stopAt);
    }
    try {
      return runUops(start, ts, sp, stopAt);
    } catch (RuntimeException | Error x) {
      // A guest exception (a MemoryError from a float's allocation) unwinds the entry frame,
      // whose handler or the collector must find tagged words in every local.
      ImmutableSortedSet<Integer> live = rawLocals.get(current);
      if (!live.isEmpty()) {
        long frame = Mem.getLong(ts + ThreadState.CURRENT_FRAME);
        boxLocals(live, frameBelow(frame, framesBelow[current]));
      }
      throw x;
    }
  }

  private int runUops(int start, long ts, long sp, boolean[] stopAt) {
    long frame = Mem.getLong(ts + ThreadState.CURRENT_FRAME);
    CodeInfo ci = rt.codeOf(frame);
    long stackBase = stackBase(frame, ci);
    int pc = start;
    while (true) {
      if (stopAt != null && pc != start && stopAt[pc]) {
        stepSp = sp;
        return pc;
      }
      int i = pc++;
      current = i;
      Uop u = uops[i];
      int oparg = opargs[i];
      long operand = operands[i];
      if (forced != null && forcesExit(u, i)) {
        return exit(exits, frame, stackBase, sp, targets[i]);
      }
      switch (u) {
        // ------------------------------------------------------------ control
        case NOP:
          break;
        case SET_IP:
          Mem.putLong(frame + Frame.IP, Tag.fromInt(oparg));
          break;
        case CHECK_VALIDITY:
          if (!valid) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case CHECK_PERIODIC:
          if (Mem.getLong(ts + ThreadState.GC_WANTED) != 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case JUMP_TO_TOP:
          pc = loopStart;
          break;
        case LOOP_HEAD:
          break;
        case EXIT_TRACE:
          return exit(exits, frame, stackBase, sp, targets[i]);
        case JUMP:
          pc = targets[i];
          break;
        case LOAD_CONST_INLINE:
          sp = push(sp, operand);
          break;

        // ------------------------------------------------------------ stack and locals
        case POP_TOP:
          sp -= 8;
          break;
        case PUSH_NULL:
          sp = push(sp, 0);
          break;
        case COPY:
          sp = push(sp, top(sp, oparg));
          break;
        case SWAP: {
          long a = top(sp, 1);
          Mem.putLong(sp - 8, top(sp, oparg));
          Mem.putLong(sp - 8L * oparg, a);
          break;
        }
        case LOAD_CONST:
          sp = push(sp, ci.consts[oparg]);
          break;
        case LOAD_FAST_CHECK: {
          long v = local(frame, oparg);
          if (v == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp = push(sp, v);
          break;
        }
        case LOAD_FAST:
        case LOAD_CLOSURE:
          sp = push(sp, local(frame, oparg));
          break;
        case STORE_FAST:
          sp -= 8;
          Mem.putLong(frame + Frame.LOCALSPLUS + 8L * oparg, Mem.getLong(sp));
          break;
        case DELETE_FAST:
          if (local(frame, oparg) == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          Mem.putLong(frame + Frame.LOCALSPLUS + 8L * oparg, 0);
          break;
        case LOAD_DEREF: {
          long v = Mem.getLong(local(frame, oparg) + Layout.Cell.CONTENTS);
          if (v == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp = push(sp, v);
          break;
        }
        case STORE_DEREF:
          sp -= 8;
          Mem.putLong(local(frame, oparg) + Layout.Cell.CONTENTS, Mem.getLong(sp));
          break;
        case DELETE_DEREF: {
          long cell = local(frame, oparg);
          if (Mem.getLong(cell + Layout.Cell.CONTENTS) == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          Mem.putLong(cell + Layout.Cell.CONTENTS, 0);
          break;
        }

        // ------------------------------------------------------------ globals
        case GUARD_GLOBALS_VERSION:
          if (!Dicts.sameKeysVersion(
              Dicts.keysVersion(Mem.getLong(frame + Frame.GLOBALS)), operand)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_BUILTINS_VERSION:
          if (!Dicts.sameKeysVersion(
              Dicts.keysVersion(Mem.getLong(frame + Frame.BUILTINS)), operand)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case LOAD_GLOBAL_MODULE:
        case LOAD_GLOBAL_BUILTINS: {
          long dict = Mem.getLong(frame
              + (u == Uop.LOAD_GLOBAL_MODULE ? Frame.GLOBALS : Frame.BUILTINS));
          long v = Dicts.entryValue(dict, (int) operand);
          if (v == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp = push(sp, v);
          break;
        }

        // ------------------------------------------------------------ attributes
        case GUARD_TYPE:
          if (vm.typeOf(top(sp, 1)) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_TYPE_VERSION:
          if (Mem.getLong(vm.typeOf(top(sp, 1)) + Layout.Type.VERSION) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_CLASS_VERSION: {
          long cls = top(sp, 1);
          if (!Tag.isPtr(cls) || Mem.getLong(cls) != rt.vm().typeType
              || Mem.getLong(cls + Layout.Type.VERSION) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case GUARD_SHAPE: {
          long obj = top(sp, 1);
          if (Mem.getLong(attrs(obj, oparg) + Layout.Attrs.SHAPE) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case LOAD_ATTR_SLOT, LOAD_ATTR_SLOT_FLOAT: {
          long values = attrValues(top(sp, 1), operand);
          Mem.putLong(sp - 8, rt.vm().attrValue(values, (int) (operand >>> 32)));
          break;
        }
        case LOAD_ATTR_SLOT_RAW: {
          long values = attrValues(top(sp, 1), operand);
          int index = (int) (operand >>> 32);
          long v = Mem.getLong(values + Layout.Array.ITEMS + 8L * index);
          if (v == 0) {
            Mem.putLong(sp - 8, Mem.getLong(values + Layout.Array.rawItem(VM.slotCount(values),
                index)));
          } else if (isExact(v, rt.vm().floatType)) {
            Mem.putLong(sp - 8, Mem.getLong(v + Layout.Float.VALUE));
          } else {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case CHECK_ATTR_MODULE:
          if (top(sp, 1) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_MODULE_KEYS_VERSION:
          if (!Dicts.sameKeysVersion(
              Dicts.keysVersion(Mem.getLong(top(sp, 1) + Layout.Module.DICT)), operand)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case LOAD_ATTR_MODULE: {
          long v = Dicts.entryValue(Mem.getLong(top(sp, 1) + Layout.Module.DICT), (int) operand);
          if (v == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          Mem.putLong(sp - 8, v);
          break;
        }
        case STORE_ATTR_SLOT, STORE_ATTR_SLOT_RAW: {
          long obj = top(sp, 1);
          long attrs = attrs(obj, 0);
          long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
          if (operand != 0 && (values == 0 || VM.slotCount(values) <= oparg)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          if (u == Uop.STORE_ATTR_SLOT) {
            Mem.putLong(values + Layout.Array.ITEMS + 8L * oparg, top(sp, 2));
          } else {
            // The raw form: the bits in the raw word, the slot NULL (Layout.Array).
            if (!VM.hasRawWords(values)) {
              values = rt.vm().addRawWords(obj, attrs);
            }
            Mem.putLong(values + Layout.Array.rawItem(VM.slotCount(values), oparg), top(sp, 2));
            Mem.putLong(values + Layout.Array.ITEMS + 8L * oparg, 0);
          }
          if (operand != 0) {
            Mem.putLong(attrs + Layout.Attrs.SHAPE, operand);
          }
          sp -= 16;
          break;
        }
        case LOAD_METHOD_CONST: {
          long obj = top(sp, 1);
          Mem.putLong(sp - 8, operand);
          sp = push(sp, obj);
          break;
        }

        // ------------------------------------------------------------ operators
        case GUARD_BOTH_INT:
          if ((top(sp, 1) & top(sp, 2) & 1) == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_BOTH_FLOAT:
          if (!isExact(top(sp, 1), vm.floatType) || !isExact(top(sp, 2), vm.floatType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_FLOAT_OPERANDS: {
          long a = top(sp, 2);
          long b = top(sp, 1);
          boolean fa = isExact(a, vm.floatType);
          boolean fb = isExact(b, vm.floatType);
          if (!(fa && (fb || (b & 1) != 0) || fb && (a & 1) != 0)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case GUARD_BOTH_STR:
          if (!isExact(top(sp, 1), vm.strType) || !isExact(top(sp, 2), vm.strType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_TOS_INT:
          if ((top(sp, 1) & 1) == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_TOS_TUPLE:
          if (!isExact(top(sp, 1), vm.tupleType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_NOS_LIST:
          if (!isExact(top(sp, 2), vm.listType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_NOS_TUPLE:
          if (!isExact(top(sp, 2), vm.tupleType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_NOS_DICT:
          if (!isExact(top(sp, 2), vm.dictType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case BINARY_OP_ADD_INT:
        case BINARY_OP_SUBTRACT_INT:
        case BINARY_OP_MULTIPLY_INT: {
          long r = intArith(u, top(sp, 2) >> 1, top(sp, 1) >> 1);
          if (r == 0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp -= 8;
          Mem.putLong(sp - 8, r);
          break;
        }
        case BINARY_OP_ADD_FLOAT:
        case BINARY_OP_SUBTRACT_FLOAT:
        case BINARY_OP_MULTIPLY_FLOAT:
        case BINARY_OP_TRUE_DIVIDE_FLOAT: {
          double x = asDouble(top(sp, 2));
          double y = asDouble(top(sp, 1));
          if (u == Uop.BINARY_OP_TRUE_DIVIDE_FLOAT && y == 0.0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          double r = switch (u) {
            case BINARY_OP_ADD_FLOAT -> x + y;
            case BINARY_OP_SUBTRACT_FLOAT -> x - y;
            case BINARY_OP_MULTIPLY_FLOAT -> x * y;
            default -> x / y;
          };
          sp -= 8;
          Mem.putLong(sp - 8, vm.newFloat(r));
          break;
        }
        case BINARY_OP_ADD_FLOAT_RAW:
        case BINARY_OP_SUBTRACT_FLOAT_RAW:
        case BINARY_OP_MULTIPLY_FLOAT_RAW:
        case BINARY_OP_TRUE_DIVIDE_FLOAT_RAW: {
          // Raw slots hold a double's bits (decision 7); nothing here can collect: newFloat
          // only raises the GC-wanted flag (decision 1), so raw slots below stay unscanned.
          double x = floatOperand(oparg, Uop.RAW_NOS, top(sp, 2));
          double y = floatOperand(oparg, Uop.RAW_TOS, top(sp, 1));
          if (u == Uop.BINARY_OP_TRUE_DIVIDE_FLOAT_RAW && y == 0.0) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          double r = switch (u) {
            case BINARY_OP_ADD_FLOAT_RAW -> x + y;
            case BINARY_OP_SUBTRACT_FLOAT_RAW -> x - y;
            case BINARY_OP_MULTIPLY_FLOAT_RAW -> x * y;
            default -> x / y;
          };
          sp -= 8;
          Mem.putLong(sp - 8, (oparg & Uop.RAW_RESULT) != 0 ? Double.doubleToRawLongBits(r)
              : vm.newFloat(r));
          break;
        }
        case GUARD_TOS_FLOAT_OPERAND:
        case GUARD_NOS_FLOAT_OPERAND: {
          long v = top(sp, u == Uop.GUARD_TOS_FLOAT_OPERAND ? 1 : 2);
          if ((v & 1) == 0 && !isExact(v, vm.floatType)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case BINARY_OP_ADD_STR:
          syncSp(frame, stackBase, sp);
          Mem.putLong(sp - 16, Strs.concat(vm, top(sp, 2), top(sp, 1)));
          sp -= 8;
          break;
        case COMPARE_OP_INT:
          sp = pushBool(sp - 16, CompareOp.test(oparg, Long.compare(top(sp, 2), top(sp, 1))));
          break;
        case COMPARE_OP_FLOAT:
          sp = pushBool(sp - 16, CompareOp.test(oparg,
              Mem.getDouble(top(sp, 2) + Layout.Float.VALUE),
              Mem.getDouble(top(sp, 1) + Layout.Float.VALUE)));
          break;
        case CALL_MATH_SQRT_RAW: {
          double x = floatOperand(oparg, Uop.RAW_TOS, top(sp, 1));
          if (x < 0 || Mem.getLong(sp - 24) != 0) {
            // math.sqrt raises ValueError (or, called as a method, TypeError): the call
            // itself, with x boxed as it would be.
            if ((oparg & Uop.RAW_TOS) != 0) {
              Mem.putLong(sp - 8, vm.newFloat(x));
            }
            syncSp(frame, stackBase, sp);
            sp = rt.escape(Uop.CALL_BUILTIN, 1, frame, sp, 0);
            break;
          }
          double r = StrictMath.sqrt(x);
          sp -= 16;
          Mem.putLong(sp - 8, (oparg & Uop.RAW_RESULT) != 0 ? Double.doubleToRawLongBits(r)
              : vm.newFloat(r));
          break;
        }
        case COMPARE_OP_FLOAT_RAW: {
          sp = pushBool(sp - 16, CompareOp.test(oparg >> Uop.RAW_COMPARE_SHIFT,
              floatOperand(oparg, Uop.RAW_NOS, top(sp, 2)),
              floatOperand(oparg, Uop.RAW_TOS, top(sp, 1))));
          break;
        }
        case COMPARE_OP_STR:
          sp = pushBool(sp - 16, (oparg == CompareOp.EQ) == Strs.equal(top(sp, 2), top(sp, 1)));
          break;
        case IS_OP:
          sp = pushBool(sp - 16, (top(sp, 2) == top(sp, 1)) ^ (oparg != 0));
          break;
        case BINARY_SUBSCR_LIST_INT:
        case STORE_SUBSCR_LIST_INT: {
          long list = top(sp, 2);
          long index = top(sp, 1) >> 1;
          if (index < 0 || index >= Mem.getLong(list + Layout.List.SIZE) >> 1) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          long slot = Mem.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS + 8 * index;
          if (u == Uop.BINARY_SUBSCR_LIST_INT) {
            sp -= 8;
            Mem.putLong(sp - 8, Mem.getLong(slot));
          } else {
            Mem.putLong(slot, top(sp, 3));
            sp -= 24;
          }
          break;
        }
        case BINARY_SUBSCR_TUPLE_INT: {
          long t = top(sp, 2);
          long index = top(sp, 1) >> 1;
          if (index < 0 || index >= VM.tupleLen(t)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp -= 8;
          Mem.putLong(sp - 8, VM.tupleGet(t, (int) index));
          break;
        }
        case UNPACK_SEQUENCE_TWO_TUPLE: {
          long t = top(sp, 1);
          if (VM.tupleLen(t) != 2) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          Mem.putLong(sp - 8, VM.tupleGet(t, 1));
          sp = push(sp, VM.tupleGet(t, 0));
          break;
        }

        // ------------------------------------------------------------ branches
        case POP_JUMP_IF_FALSE:
        case POP_JUMP_IF_TRUE: {
          syncSp(frame, stackBase, sp);
          boolean t = rt.isTrue(top(sp, 1));
          sp -= 8;
          if (t == (u == Uop.POP_JUMP_IF_TRUE)) {
            pc = targets[i];
          }
          break;
        }
        case POP_JUMP_IF_NONE:
        case POP_JUMP_IF_NOT_NONE: {
          boolean none = top(sp, 1) == vm.none;
          sp -= 8;
          if (none == (u == Uop.POP_JUMP_IF_NONE)) {
            pc = targets[i];
          }
          break;
        }
        case JUMP_IF_FALSE_OR_POP:
        case JUMP_IF_TRUE_OR_POP: {
          syncSp(frame, stackBase, sp);
          boolean t = rt.isTrue(top(sp, 1));
          if (t == (u == Uop.JUMP_IF_TRUE_OR_POP)) {
            pc = targets[i];
          } else {
            sp -= 8;
          }
          break;
        }
        case GUARD_IS_TRUE_POP:
        case GUARD_IS_FALSE_POP:
        case GUARD_IS_NONE_POP:
        case GUARD_IS_NOT_NONE_POP:
        case GUARD_IS_TRUE:
        case GUARD_IS_FALSE: {
          long v = top(sp, 1);
          boolean ok = switch (u) {
            case GUARD_IS_TRUE_POP, GUARD_IS_TRUE -> v == vm.trueObj;
            case GUARD_IS_FALSE_POP, GUARD_IS_FALSE -> v == vm.falseObj;
            case GUARD_IS_NONE_POP -> v == vm.none;
            default -> v != vm.none;
          };
          if (!ok) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          if (u != Uop.GUARD_IS_TRUE && u != Uop.GUARD_IS_FALSE) {
            sp -= 8;
          }
          break;
        }

        // ------------------------------------------------------------ iteration
        case FOR_ITER:
        case FOR_ITER_TIER_TWO: {
          syncSp(frame, stackBase, sp);
          long v = rt.next(top(sp, 1));
          if (v == 0) {
            sp -= 8;
            if (u == Uop.FOR_ITER_TIER_TWO) {
              return exit(exits, frame, stackBase, sp, targets[i]);
            }
            pc = targets[i];
          } else {
            sp = push(sp, v);
          }
          break;
        }
        case ITER_CHECK_RANGE:
        case ITER_CHECK_LIST:
        case ITER_CHECK_TUPLE: {
          long type = u == Uop.ITER_CHECK_RANGE ? vm.rangeIteratorType
              : u == Uop.ITER_CHECK_LIST ? vm.listIteratorType : vm.tupleIteratorType;
          if (!isExact(top(sp, 1), type)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case ITER_JUMP_RANGE:
        case ITER_JUMP_LIST:
        case ITER_JUMP_TUPLE:
          if (exhausted(u, top(sp, 1))) {
            if (u != Uop.ITER_JUMP_RANGE) {
              Mem.putLong(top(sp, 1) + Layout.Iter.SEQ, 0);
            }
            sp -= 8;
            pc = targets[i];
          }
          break;
        case GUARD_NOT_EXHAUSTED_RANGE:
        case GUARD_NOT_EXHAUSTED_LIST:
        case GUARD_NOT_EXHAUSTED_TUPLE:
          if (exhausted(u, top(sp, 1))) {
            // What the interpreter's exhausted FOR_ITER does: the exit resumes after the loop.
            sp = leaveLoop(u, sp);
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case GUARD_EXHAUSTED_RANGE_POP:
        case GUARD_EXHAUSTED_LIST_POP:
        case GUARD_EXHAUSTED_TUPLE_POP:
          if (!exhausted(u, top(sp, 1))) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          sp = leaveLoop(u, sp);
          break;
        case ITER_NEXT_RANGE: {
          long it = top(sp, 1);
          long cur = Mem.getLong(it + Layout.Iter.INDEX);
          Mem.putLong(it + Layout.Iter.LIMIT, Mem.getLong(it + Layout.Iter.LIMIT) - 2);
          Mem.putLong(it + Layout.Iter.INDEX, cur + Mem.getLong(it + Layout.Iter.AUX) - 1);
          sp = push(sp, cur);
          break;
        }
        case ITER_NEXT_LIST: {
          long it = top(sp, 1);
          long index = Mem.getLong(it + Layout.Iter.INDEX) >> 1;
          long list = Mem.getLong(it + Layout.Iter.SEQ);
          Mem.putLong(it + Layout.Iter.INDEX, Tag.fromInt(index + 1));
          sp = push(sp, Mem.getLong(Mem.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS
              + 8 * index));
          break;
        }
        case ITER_NEXT_TUPLE: {
          long it = top(sp, 1);
          long index = Mem.getLong(it + Layout.Iter.INDEX) >> 1;
          long t = Mem.getLong(it + Layout.Iter.SEQ);
          Mem.putLong(it + Layout.Iter.INDEX, Tag.fromInt(index + 1));
          sp = push(sp, VM.tupleGet(t, (int) index));
          break;
        }

        case SEND: {
          syncSp(frame, stackBase, sp);
          long r = rt.send(top(sp, 2), top(sp, 1));
          if (rt.sendReturned()) {
            sp -= 16;
            sp = push(sp, r);
            pc = targets[i];
          } else {
            Mem.putLong(sp - 8, r);
          }
          break;
        }

        // ------------------------------------------------------------ calls and frames
        case KW_NAMES:
          Mem.putLong(ts + ThreadState.JIT_KWNAMES, ci.consts[oparg]);
          break;
        case CHECK_FUNCTION_VERSION: {
          long callable = callTarget(sp, oparg);
          int nargs = callArgs(sp, oparg);
          if (callable != operand || Mem.getLong(ts + ThreadState.JIT_KWNAMES) != 0
              || nargs != calleeCode(operand).argcount) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case CHECK_FUNCTION_CODE: {
          long callable = callTarget(sp, oparg);
          int nargs = callArgs(sp, oparg);
          if (!Tag.isPtr(callable) || Mem.getLong(callable) != rt.vm().functionType
              || Mem.getLong(callable + Layout.Function.CODE) != operand
              || Mem.getLong(ts + ThreadState.JIT_KWNAMES) != 0
              || nargs != calleeCode(callable).argcount) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case CHECK_STACK_SPACE: {
          CodeInfo callee = calleeCode(operand);
          long depth = Mem.getLong(ts + ThreadState.RECURSION_DEPTH) + 1;
          if (depth > Mem.getLong(ts + ThreadState.RECURSION_LIMIT)
              || Mem.getLong(ts + ThreadState.STACK_TOP) + callee.frameBytes
                  > Mem.getLong(ts + ThreadState.STACK_LIMIT)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case INIT_CALL_PY_EXACT_ARGS: {
          long nullSlot = sp - 8L * (oparg + 2);
          boolean method = Mem.getLong(nullSlot) != 0;
          long args = method ? nullSlot + 8 : nullSlot + 16;
          long callee = callTarget(sp, oparg);
          // The caller is saved as the interpreter saves it at a call: IP at the CALL (from
          // _SET_IP), its stack cut below the call.
          syncSp(frame, stackBase, nullSlot);
          long nf = rt.pushCallee(calleeCode(callee), callee, args, callArgs(sp, oparg));
          if (nf == 0) {
            throw new IllegalStateException("_CHECK_STACK_SPACE passed but no room for a frame");
          }
          // The new frame waits in the stack slot until _PUSH_FRAME: not a guest value, but no
          // safepoint comes in between and the caller's SP already ends below it.
          sp = push(nullSlot, nf);
          break;
        }
        case CHECK_CLASS_VERSION: {
          long nullSlot = sp - 8L * (oparg + 2);
          long cls = Mem.getLong(nullSlot + 8);
          if (Mem.getLong(nullSlot) != 0 || Mem.getLong(ts + ThreadState.JIT_KWNAMES) != 0
              || cls == 0 || !Tag.isPtr(cls) || Mem.getLong(cls) != rt.vm().typeType
              || Mem.getLong(cls + Layout.Type.VERSION) != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }
        case ALLOCATE_OBJECT: {
          long nullSlot = sp - 8L * (oparg + 2);
          // A MemoryError's traceback names the call (its IP from _SET_IP).
          syncSp(frame, stackBase, sp);
          long obj = rt.newInstance(Mem.getLong(nullSlot + 8));
          Mem.putLong(nullSlot, obj);
          Mem.putLong(nullSlot + 8, obj);
          break;
        }
        case INIT_CALL_INIT: {
          long nullSlot = sp - 8L * (oparg + 2);
          // The instance stays below the caller's saved SP, for the return to find.
          syncSp(frame, stackBase, nullSlot + 8);
          long nf = rt.pushCallee(calleeCode(operand), operand, nullSlot + 8, oparg + 1);
          if (nf == 0) {
            throw new IllegalStateException("_CHECK_STACK_SPACE passed but no room for a frame");
          }
          Mem.putLong(nf + Frame.FLAGS, Tag.fromInt(Frame.FLAG_INIT));
          sp = push(nullSlot + 8, nf);
          break;
        }
        case GUARD_INIT_RETURNS_NONE:
          if (top(sp, 1) != rt.vm().none) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        case PUSH_FRAME:
          sp -= 8;
          frame = Mem.getLong(sp);
          Mem.putLong(ts + ThreadState.CURRENT_FRAME, frame);
          ci = rt.codeOf(frame);
          stackBase = stackBase(frame, ci);
          sp = stackBase;
          break;
        case POP_FRAME: {
          long v = top(sp, 1);
          long caller = Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS));
          Mem.putLong(ts + ThreadState.STACK_TOP, frame);
          Mem.putLong(ts + ThreadState.RECURSION_DEPTH,
              Mem.getLong(ts + ThreadState.RECURSION_DEPTH) - 1);
          frame = caller;
          Mem.putLong(ts + ThreadState.CURRENT_FRAME, frame);
          ci = rt.codeOf(frame);
          stackBase = stackBase(frame, ci);
          sp = push(stackBase + 8 * (Mem.getLong(frame + Frame.SP) >> 1), v);
          break;
        }
        case CHECK_CALLABLE: {
          long callable = callTarget(sp, oparg);
          if (callable != operand) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          break;
        }

        // ------------------------------------------------------------ generators, linked
        case FOR_ITER_GEN: {
          // The caller waits after its FOR_ITER (oparg) with the iterator on its stack.
          Mem.putLong(frame + Frame.IP, Tag.fromInt(oparg));
          syncSp(frame, stackBase, sp);
          if (!rt.resumeLinked(top(sp, 1), frame)) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          return RuntimeSteps.Steps.left(RESUME_AT_FRAME);
        }
        case YIELD_GEN: {
          syncSp(frame, stackBase, sp - 8);
          if (!rt.yieldLinked(frame, oparg, top(sp, 1))) {
            return exit(exits, frame, stackBase, sp, targets[i]);
          }
          return RuntimeSteps.Steps.left(RESUME_AT_FRAME);
        }

        // ------------------------------------------------------------ leaving the frame
        case RETURN_VALUE:
        case RAISE_VARARGS:
        case RERAISE:
        case YIELD_VALUE:
          syncSp(frame, stackBase, sp);
          return RuntimeSteps.Steps.left(RESUME_AT_FRAME);

        default:
          // The generic operations (escaping uops, and the few allocating ones the table
          // does not mark escaping) are the interpreter's own.
          syncSp(frame, stackBase, sp);
          long kwnames = 0;
          if (u == Uop.CALL_GENERIC || u.callsBuiltin()) {
            // Consumed before the call runs guest code, which may make calls of its own.
            kwnames = Mem.getLong(ts + ThreadState.JIT_KWNAMES);
            Mem.putLong(ts + ThreadState.JIT_KWNAMES, 0);
          }
          // A builtin's native forms (_CALL_LEN) mean the call itself: their native paths are
          // what the builtin computes for the arguments they accept.
          sp = rt.escape(u.callsBuiltin() ? Uop.CALL_BUILTIN : u, oparg, frame, sp, kwnames);
          break;
      }
    }
  }

  /**
   * force-exits: whether uop i leaves through its exit now, its exit not having been forced
   * yet. Not a terminator's exit (it is taken anyway), nor one that resumes after its loop
   * ({@link CacheOperands#exitLeavesLoop}), which is right only once the iterator is exhausted,
   * nor a branch's exit that clears locals only the trace's way reads ({@link
   * Exit#onlyWhereTheGuardFails}).
   */
  private boolean forcesExit(Uop u, int i) {
    if (!u.is(UopFlag.EXIT) || u.is(UopFlag.TERMINATOR) || CacheOperands.exitLeavesLoop(u)
        || forced.get(targets[i]) || exits[targets[i]].onlyWhereTheGuardFails()) {
      return false;
    }
    forced.set(targets[i]);
    return true;
  }

  /** The exits force-exits has forced so far, by index (empty when it is off). */
  public BitSet forcedExits() {
    return forced == null ? new BitSet() : (BitSet) forced.clone();
  }

  /**
   * Leaves through exit k: the innermost frame resumes where the exit says, with the exit's
   * raw slots boxed.
   */
  private int exit(Exit[] exits, long frame, long stackBase, long sp, int k) {
    Exit e = exits[k];
    long depth = (sp - stackBase) >> 3;
    if (depth != e.stackDepth()) {
      throw new IllegalStateException("exit " + k + " at depth " + depth + ", expected "
          + e.stackDepth() + " (" + e + ")");
    }
    Mem.putLong(frame + Frame.IP, Tag.fromInt(e.bytecodeIndex()));
    Mem.putLong(frame + Frame.SP, Tag.fromInt(depth));
    boxSlots(e.rawSlots(), stackBase);
    boxAttrSlots(e, frame, stackBase);
    boxOuter(e, frame);
    return RuntimeSteps.Steps.left(k);
  }

  @Override
  public void materialize(int exit, long ts) {
    Exit e = exits[exit];
    if (e.boxesOnLeaving()) {
      long frame = Mem.getLong(ts + ThreadState.CURRENT_FRAME);
      long stackBase = stackBase(frame, rt.codeOf(frame));
      boxSlots(e.rawSlots(), stackBase);
      boxAttrSlots(e, frame, stackBase);
      boxOuter(e, frame);
    }
  }

  /**
   * Boxes exit e's raw locals and outer slots and clears its dead locals, in the frame {@link
   * Exit#outerFrame()} calls below
   * {@code frame} (inlined frames are real frames); an outer slot is a distance below the stack
   * pointer that frame's call saved.
   */
  private void boxOuter(Exit e, long frame) {
    long owner = frameBelow(frame, e.outerFrame());
    boxLocals(e.rawLocals(), owner);
    for (int local : e.deadLocals()) {
      Mem.putLong(owner + Frame.LOCALSPLUS + 8L * local, 0);
    }
    if (!e.outerSlots().isEmpty()) {
      long top = stackBase(owner, rt.codeOf(owner))
          + 8 * Tag.intValue(Mem.getLong(owner + Frame.SP));
      for (int below : e.outerSlots()) {
        boxAt(top - 8L * below);
      }
    }
  }


  /**
   * Puts into each of exit e's raw attribute slots the attribute's own float, as the boxed load
   * would have read it ({@link VM#attrValue}: the box its slot holds, or one made and kept).
   */
  private void boxAttrSlots(Exit e, long frame, long stackBase) {
    for (Exit.AttrSlot a : e.attrSlots()) {
      long values = attrValues(local(frame, a.local()), a.slotWord());
      Mem.putLong(stackBase + 8L * a.slot(),
          rt.vm().attrValue(values, (int) (a.slotWord() >>> 32)));
    }
  }

  /** The frame {@code back} calls below {@code frame} (inlined frames are real frames). */
  private static long frameBelow(long frame, int back) {
    for (int k = 0; k < back; k++) {
      frame = Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS));
    }
    return frame;
  }

  /**
   * Replaces the bits in each raw slot and local by a new float holding them: the state the
   * unoptimized trace leaves, even when the heap is at its limit ({@link VM#boxRawFloat}).
   * Allocation never collects (decision 1), so the words not yet boxed are never scanned as
   * tagged words.
   */
  private void boxSlots(Set<Integer> rawSlots, long stackBase) {
    for (int slot : rawSlots) {
      boxAt(stackBase + 8L * slot);
    }
  }

  private void boxLocals(Set<Integer> rawLocals, long frame) {
    for (int local : rawLocals) {
      boxAt(frame + Frame.LOCALSPLUS + 8L * local);
    }
  }

  private void boxAt(long at) {
    Mem.putLong(at, vm.boxRawFloat(Double.longBitsToDouble(Mem.getLong(at))));
  }

  /**
   * A float uop's operand: a raw double's bits when its bit is set in the oparg (decision 7),
   * else a float or small int (stitch_float_operand in the stencils).
   */
  private static double floatOperand(int oparg, int rawBit, long v) {
    return (oparg & rawBit) != 0 ? Double.longBitsToDouble(v) : asDouble(v);
  }

  /**
   * The callable of the call of oparg arguments below sp: the method in the NULL slot, or
   * what is above it (stitch_call_target in the stencils).
   */
  private static long callTarget(long sp, int oparg) {
    long nullSlot = sp - 8L * (oparg + 2);
    long method = Mem.getLong(nullSlot);
    return method != 0 ? method : Mem.getLong(nullSlot + 8);
  }

  /** The positional arguments that call passes (a method's self counts). */
  private static int callArgs(long sp, int oparg) {
    return Mem.getLong(sp - 8L * (oparg + 2)) != 0 ? oparg + 1 : oparg;
  }

  private CodeInfo calleeCode(long function) {
    return CodeInfo.of(vm, Mem.getLong(function + Layout.Function.CODE));
  }

  /**
   * What the interpreter's exhausted FOR_ITER does to the iterator on top: a list or tuple
   * iterator is marked exhausted for good, and it is popped.
   */
  private static long leaveLoop(Uop u, long sp) {
    if (u != Uop.GUARD_NOT_EXHAUSTED_RANGE && u != Uop.GUARD_EXHAUSTED_RANGE_POP) {
      Mem.putLong(top(sp, 1) + Layout.Iter.SEQ, 0);
    }
    return sp - 8;
  }

  private boolean exhausted(Uop u, long it) {
    if (u == Uop.ITER_JUMP_RANGE || u == Uop.GUARD_NOT_EXHAUSTED_RANGE
        || u == Uop.GUARD_EXHAUSTED_RANGE_POP) {
      return Mem.getLong(it + Layout.Iter.LIMIT) <= 1;
    }
    long seq = Mem.getLong(it + Layout.Iter.SEQ);
    if (seq == 0) {
      return true;
    }
    long index = Mem.getLong(it + Layout.Iter.INDEX) >> 1;
    long size = u == Uop.ITER_JUMP_LIST || u == Uop.GUARD_NOT_EXHAUSTED_LIST
        || u == Uop.GUARD_EXHAUSTED_LIST_POP
        ? Mem.getLong(seq + Layout.List.SIZE) >> 1 : VM.tupleLen(seq);
    return index >= size;
  }

  /** Small-int add, subtract or multiply on untagged values; 0 when the result overflows. */
  private static long intArith(Uop u, long x, long y) {
    long r;
    switch (u) {
      case BINARY_OP_ADD_INT -> r = x + y;
      case BINARY_OP_SUBTRACT_INT -> r = x - y;
      default -> {
        long hi = Math.multiplyHigh(x, y);
        r = x * y;
        if ((hi != 0 || r < 0) && (hi != -1 || r >= 0)) {
          return 0;
        }
      }
    }
    return Tag.fitsSmall(r) ? (r << 1) | 1 : 0;
  }

  /** The attrs header of an instance: at offset, or (offset 0) at its type's attr offset. */
  private long attrs(long obj, int offset) {
    if (offset != 0) {
      return obj + offset;
    }
    return obj + (Mem.getLong(Mem.getLong(obj) + Layout.Type.ATTR_OFFSET) >> 1);
  }

  /** The values array of obj for an attribute cache's slot word (index high, offset low). */
  private static long attrValues(long obj, long slotWord) {
    return Mem.getLong(obj + (slotWord & 0xFFFFFFFFL) + Layout.Attrs.VALUES);
  }

  /** A float's value, or a small int's converted exactly as the interpreter converts it. */
  private static double asDouble(long v) {
    return (v & 1) != 0 ? (double) (v >> 1) : Mem.getDouble(v + Layout.Float.VALUE);
  }

  private static boolean isExact(long v, long type) {
    return (v & 1) == 0 && Mem.getLong(v) == type;
  }

  private static long local(long frame, int index) {
    return Mem.getLong(frame + Frame.LOCALSPLUS + 8L * index);
  }

  private static long stackBase(long frame, CodeInfo ci) {
    return frame + Frame.LOCALSPLUS + 8L * ci.nlocalsplus;
  }

  private static void syncSp(long frame, long stackBase, long sp) {
    Mem.putLong(frame + Frame.SP, Tag.fromInt((sp - stackBase) >> 3));
  }

  private static long top(long sp, int n) {
    return Mem.getLong(sp - 8L * n);
  }

  private static long push(long sp, long v) {
    Mem.putLong(sp, v);
    return sp + 8;
  }

  private long pushBool(long sp, boolean b) {
    return push(sp, b ? vm.trueObj : vm.falseObj);
  }
}
