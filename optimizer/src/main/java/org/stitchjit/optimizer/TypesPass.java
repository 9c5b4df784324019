package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.jit.RuntimeConstants;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.GuardFact;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.StackDepths;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.TypeFact;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code types} (types and constants): an abstract interpretation of a trace that
 * knows, for the values on each frame's stack and in its locals, what the guards and uops
 * before have established, removes the guards that check what is already known, inlines
 * constants and folds pure uops on them.
 *
 * <p>What it knows about a value:
 *
 * <ul>
 *   <li><b>Kinds</b> (small int, float, str, list, True, ...): from a guard's {@link
 *       Uop#proves() facts}, the kind a uop {@link Uop#produces() produces}, or a constant's
 *       word. A value keeps its kind for life, whatever runs in between.
 *   <li><b>Its word</b>, when it is a constant: {@code _LOAD_CONST} of the frame's code (read
 *       from the {@link RegionEnvironment}; the load becomes {@code _LOAD_CONST_INLINE}), {@code
 *       _LOAD_CONST_INLINE} (a promoted global), {@code _PUSH_NULL}, a method {@code
 *       _LOAD_METHOD_CONST} pushes. Identity guards on constants go ({@code _CHECK_ATTR_MODULE},
 *       {@code _CHECK_CALLABLE}, {@code _CHECK_FUNCTION_VERSION}), and small-int arithmetic and
 *       comparisons of two constants fold into a constant.
 *   <li><b>Its type</b>, after a {@code _GUARD_TYPE} or from a constant: an object's type never
 *       changes (this VM has no {@code __class__} assignment), so a second {@code _GUARD_TYPE}
 *       goes. A {@code _GUARD_TYPE_VERSION} on a value of known type goes when the type has
 *       that version now; the pass then records a dependency on the type, so a change to it
 *       invalidates the region (and {@code _CHECK_VALIDITY}, after every escaping instruction,
 *       leaves it before the change is relied on).
 *   <li><b>Its shape</b>, after a {@code _GUARD_SHAPE}: holds until guest code may run (an
 *       escaping uop forgets every shape, except a math function of a float or small int:
 *       {@link Run#runsNoGuestCode}) or a {@code _STORE_ATTR_SLOT} moves an object to a new
 *       shape (which forgets every other shape too: another value may be the same object).
 *   <li><b>Which locals are bound</b>: stored, passed as an inlined callee's arguments, or
 *       loaded once with {@code _LOAD_FAST_CHECK} (which exits when the local is unbound); a
 *       later check of the same local becomes a plain {@code _LOAD_FAST}.
 * </ul>
 *
 * <p>Values are tracked by identity: {@code _LOAD_FAST} pushes the very value its local holds,
 * so a guard on the pushed copy also teaches the local; arguments of an inlined call become the
 * callee's locals. A trace is one path: what holds at a uop held on the only way there. It
 * starts knowing nothing about its frames' values (at its first uop, and again after {@code
 * _JUMP_TO_TOP}). The exception is a peeled trace's {@code _LOOP_HEAD} ({@code loop-peeling}),
 * reached both after the peeled iteration and from {@code _JUMP_TO_TOP}: what it knows there
 * is what holds on both ways in ({@link Run#loopHead}), so guards in the loop body on what the
 * peeled iteration proved and every iteration keeps go. A removed guard's exit stays in the
 * exit table, unused; every other exit is unchanged, and folding happens only where the folded
 * uop could not have exited, so the state at every exit is the unoptimized trace's. Block
 * regions are returned as they are.
 */
public final class TypesPass implements OptimizerPass {
  public static final String NAME = "types";

  @Override
  public String name() {
    return NAME;
  }

  /** A value at run time: what is known about it (shared by every slot holding it). */
  private static final class Value {
    final EnumSet<TypeFact> kinds = EnumSet.noneOf(TypeFact.class);
    /** Its word, when it is a constant. */
    boolean isConstant;
    long word;
    /** Its exact type, or 0. */
    long type;
    /** Its shape while {@link #shapeEpoch} is current, else unknown. */
    long shape;
    long shapeEpoch = -1;

    static Value constant(long word) {
      Value v = new Value();
      v.isConstant = true;
      v.word = word;
      if (Tag.isInt(word)) {
        v.kinds.add(TypeFact.INT);
      }
      return v;
    }
  }

  /** A frame of the trace: its code (0: unknown), operand stack and the locals it touched. */
  private static final class Frame {
    final long code;
    final ArrayList<Value> stack = new ArrayList<>();
    final Map<Integer, Value> locals = new HashMap<>();
    /** Locals known to be bound: stored, loaded with a check, or passed as arguments. */
    final BitSet bound = new BitSet();

    Frame(long code) {
      this.code = code;
    }

    Value local(int i) {
      return locals.computeIfAbsent(i, k -> new Value());
    }

    Value pop() {
      return stack.isEmpty() ? new Value() : stack.remove(stack.size() - 1);
    }

    /** The value {@code depth} slots down (1: the top); a fresh one below what is known. */
    Value peek(int depth) {
      int i = stack.size() - depth;
      if (i < 0) {
        // The trace started with values on the stack it knows nothing about: make them known
        // slots, so that facts proved about them stick.
        for (int k = i; k < 0; k++) {
          stack.add(0, new Value());
        }
        i = 0;
      }
      return stack.get(i);
    }
  }

  /** One run over one trace. */
  private static final class Run {
    final RegionEnvironment env;
    final PassContext context;
    final Deque<Frame> frames = new ArrayDeque<>();
    final List<UopInstr> out;
    /** Bumped where guest code may have run, or a shape changed: older shapes are unknown. */
    long epoch;
    /** The callee of the call being set up, and its arguments (the callee's first locals). */
    long callee;
    List<Value> calleeArgs = List.of();
    long guardsRemoved;
    long checksRemoved;
    long constantsInlined;
    long folded;

    Run(RegionEnvironment env, PassContext context, int size) {
      this.env = env;
      this.context = context;
      this.out = new ArrayList<>(size);
      frames.push(new Frame(env == null ? 0 : env.code()));
    }

    Frame f() {
      return frames.peek();
    }

    void run(Trace trace) {
      List<UopInstr> uops = trace.uops();
      for (int i = 0; i < uops.size(); i++) {
        UopInstr in = uops.get(i);
        if (in.uop() == Uop.LOOP_HEAD) {
          out.add(in);
          Frame f = f();
          long entryEpoch = epoch;
          epoch++; // shapes known before hold after the head only as loopHead says
          Frame head = frames.size() == 1 && closesWhereItStarts(trace)
              ? loopHead(f, entryEpoch, uops, i + 1) : new Frame(frames.getLast().code);
          frames.clear();
          frames.push(head);
          continue;
        }
        step(in);
      }
    }

    /**
     * What is known at a {@code _LOOP_HEAD} reached from the peeled iteration with {@code
     * entry} known (its shapes as of {@code entryEpoch}), the loop body being {@code
     * uops[from]} up to {@code _JUMP_TO_TOP}: of each local and stack slot, the kinds,
     * constant, type and shape that hold on entry and that the body keeps.
     *
     * <p>Soundness: start from what the peeled iteration proved, walk the body from it, keep of
     * each slot's facts only those it still has at the {@code _JUMP_TO_TOP}, and repeat until
     * nothing changes (facts only ever go, so this ends). The result H holds on entry (it is at
     * most what entry knew), and if H holds at the head then the body, run from there, reaches
     * {@code _JUMP_TO_TOP} with at least H (that is the fixed point), so by induction over
     * iterations H holds every time the head is reached. A guard the walk after the head then
     * removes would have passed: removing it changes no iteration, so the induction is about
     * the optimized body too. A shape is kept only if the body's walk still knows it at the
     * end, which it does not past anything that may change a shape (an escaping uop, a store
     * that moves an object to a new shape): so a loop-invariant object whose attributes the
     * body only reads and overwrites keeps the shape its guard proved in the peeled iteration.
     * Slots are matched by local index and by distance from the stack's top (the loop closes
     * in the frame and at the depth of its head: {@link #closesWhereItStarts}). Every slot
     * gets a value of its own: that two slots held the same value on entry need not hold on
     * the way back. The walk only interprets (it rewrites nothing and records no dependency),
     * so what it learns is at most what the rewriting run will.
     */
    Frame loopHead(Frame entry, long entryEpoch, List<UopInstr> uops, int from) {
      Frame head = copyFacts(entry, entryEpoch, 0);
      while (true) {
        Run walk = new Run(env, context, 0);
        walk.frames.clear();
        walk.frames.push(copyFacts(head, 0, 0));
        for (int i = from; uops.get(i).uop() != Uop.JUMP_TO_TOP; i++) {
          walk.interpret(uops.get(i));
        }
        if (walk.frames.size() != 1) {
          return new Frame(entry.code);
        }
        Frame end = walk.f();
        BitSet keep = (BitSet) head.bound.clone();
        keep.and(end.bound);
        boolean changed = !keep.equals(head.bound);
        head.bound.and(end.bound);
        for (Map.Entry<Integer, Value> local : head.locals.entrySet()) {
          changed |= retain(local.getValue(), end.locals.get(local.getKey()), walk.epoch);
        }
        int n = head.stack.size();
        int m = end.stack.size();
        for (int k = 1; k <= n; k++) {
          changed |= retain(head.stack.get(n - k), k > m ? null : end.stack.get(m - k),
              walk.epoch);
        }
        if (!changed) {
          return copyFacts(head, 0, epoch);
        }
      }
    }

    /**
     * Keeps of v's facts those {@code back} has too (its shape only if current in {@code
     * backEpoch}); whether any went.
     */
    private static boolean retain(Value v, Value back, long backEpoch) {
      boolean changed = false;
      if (back == null) {
        changed = !v.kinds.isEmpty() || v.isConstant || v.type != 0 || v.shape != 0;
        v.kinds.clear();
        v.isConstant = false;
        v.type = 0;
        v.shape = 0;
        return changed;
      }
      changed |= v.kinds.retainAll(back.kinds);
      if (v.isConstant && !(back.isConstant && back.word == v.word)) {
        v.isConstant = false;
        changed = true;
      }
      if (v.type != 0 && back.type != v.type) {
        v.type = 0;
        changed = true;
      }
      if (v.shape != 0 && !(back.shape == v.shape && back.shapeEpoch == backEpoch)) {
        v.shape = 0;
        changed = true;
      }
      return changed;
    }

    /**
     * A frame with the same slots and facts as f, each slot a value of its own; a shape is
     * copied when it is current in {@code fromEpoch}, and is then current in {@code toEpoch}.
     */
    private static Frame copyFacts(Frame f, long fromEpoch, long toEpoch) {
      Frame c = new Frame(f.code);
      c.bound.or(f.bound);
      for (Map.Entry<Integer, Value> local : f.locals.entrySet()) {
        c.locals.put(local.getKey(), copyFacts(local.getValue(), fromEpoch, toEpoch));
      }
      for (Value s : f.stack) {
        c.stack.add(copyFacts(s, fromEpoch, toEpoch));
      }
      return c;
    }

    private static Value copyFacts(Value v, long fromEpoch, long toEpoch) {
      Value c = new Value();
      c.kinds.addAll(v.kinds);
      c.isConstant = v.isConstant;
      c.word = v.word;
      c.type = v.type;
      if (v.shape != 0 && v.shapeEpoch == fromEpoch) {
        c.shape = v.shape;
        c.shapeEpoch = toEpoch;
      }
      return c;
    }

    /**
     * Whether the trace's {@code _JUMP_TO_TOP} is in the frame of its {@code _LOOP_HEAD}, at
     * the same stack depth, which matching slots across the back edge needs. Recorded traces
     * always are; anything else is left knowing nothing at the head. The depth the trace is
     * entered with is unknown here, so it is taken to be deep enough for every read.
     */
    private static boolean closesWhereItStarts(Trace trace) {
      try {
        StackDepths.of(trace, 1 << 20);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    void step(UopInstr in) {
      Frame f = f();
      Uop u = in.uop();
      if (u.is(UopFlag.GUARD) && proven(in, f)) {
        guardsRemoved++;
        // A guard that pops what it checked still pops it.
        int drop = u.inputs(in.oparg()) - u.outputs(in.oparg());
        for (int k = 0; k < drop; k++) {
          f.pop();
          out.add(UopInstr.of(Uop.POP_TOP));
        }
        return;
      }
      if (u == Uop.LOAD_CONST && env != null && f.code != 0) {
        // The code object's constants never change (the code keeps them alive; so does the
        // driver, for every object a region's operands name).
        long word = env.codeConstant(f.code, in.oparg());
        constantsInlined++;
        emitConstant(f, word);
        return;
      }
      if (u == Uop.LOAD_FAST_CHECK && f.bound.get(in.oparg())) {
        // The local is bound: the check (and its exit) can go.
        checksRemoved++;
        UopInstr load = UopInstr.of(Uop.LOAD_FAST, in.oparg());
        out.add(load);
        interpret(load);
        return;
      }
      if (fold(in, f)) {
        return;
      }
      if (u == Uop.CHECK_FUNCTION_VERSION || u == Uop.CHECK_CALLABLE) {
        if (callableIsConstant(in, f)) {
          guardsRemoved++;
          return;
        }
      }
      out.add(in);
      interpret(in);
    }

    void emitConstant(Frame f, long word) {
      out.add(new UopInstr(Uop.LOAD_CONST_INLINE, 0, word, 0));
      f.stack.add(known(word));
    }

    /** A constant with what its word tells: kinds, and the type of an object. */
    Value known(long word) {
      Value v = Value.constant(word);
      if (env != null && Tag.isPtr(word)) {
        v.type = env.typeOf(word);
        if (word == env.runtimeConstant(RuntimeConstants.TRUE)) {
          v.kinds.add(TypeFact.BOOL);
          v.kinds.add(TypeFact.TRUE);
        } else if (word == env.runtimeConstant(RuntimeConstants.FALSE)) {
          v.kinds.add(TypeFact.BOOL);
          v.kinds.add(TypeFact.FALSE);
        } else if (word == env.runtimeConstant(RuntimeConstants.NONE)) {
          v.kinds.add(TypeFact.NONE);
        } else {
          v.kinds.add(TypeFact.NOT_NONE);
          kindOfType(v.type, v.kinds);
        }
      } else if (Tag.isInt(word)) {
        v.kinds.add(TypeFact.NOT_NONE);
      }
      return v;
    }

    void kindOfType(long type, EnumSet<TypeFact> kinds) {
      if (type == env.runtimeConstant(RuntimeConstants.FLOAT_TYPE)) {
        kinds.add(TypeFact.FLOAT);
      } else if (type == env.runtimeConstant(RuntimeConstants.STR_TYPE)) {
        kinds.add(TypeFact.STR);
      } else if (type == env.runtimeConstant(RuntimeConstants.TUPLE_TYPE)) {
        kinds.add(TypeFact.TUPLE);
      } else if (type == env.runtimeConstant(RuntimeConstants.LIST_TYPE)) {
        kinds.add(TypeFact.LIST);
      } else if (type == env.runtimeConstant(RuntimeConstants.DICT_TYPE)) {
        kinds.add(TypeFact.DICT);
      }
    }

    /** Small-int arithmetic and comparisons of two constants become their result. */
    boolean fold(UopInstr in, Frame f) {
      Uop u = in.uop();
      if (u != Uop.BINARY_OP_ADD_INT && u != Uop.BINARY_OP_SUBTRACT_INT
          && u != Uop.BINARY_OP_MULTIPLY_INT && u != Uop.COMPARE_OP_INT) {
        return false;
      }
      Value a = f.peek(2);
      Value b = f.peek(1);
      if (!a.isConstant || !b.isConstant || !Tag.bothInts(a.word, b.word)) {
        return false;
      }
      long x = Tag.intValue(a.word);
      long y = Tag.intValue(b.word);
      long word;
      try {
        switch (u) {
          case BINARY_OP_ADD_INT -> word = small(Math.addExact(x, y));
          case BINARY_OP_SUBTRACT_INT -> word = small(Math.subtractExact(x, y));
          case BINARY_OP_MULTIPLY_INT -> word = small(Math.multiplyExact(x, y));
          default -> {
            if (env == null) {
              return false;
            }
            word = env.runtimeConstant(CompareOp.test(in.oparg(), Long.compare(x, y))
                ? RuntimeConstants.TRUE : RuntimeConstants.FALSE);
          }
        }
      } catch (ArithmeticException e) {
        return false; // the uop would exit: keep it
      }
      f.pop();
      f.pop();
      out.add(UopInstr.of(Uop.POP_TOP));
      out.add(UopInstr.of(Uop.POP_TOP));
      emitConstant(f, word);
      folded++;
      return true;
    }

    private static long small(long n) {
      if (!Tag.fitsSmall(n)) {
        throw new ArithmeticException("not a small int");
      }
      return Tag.fromInt(n);
    }

    /**
     * Whether the call's callable is the constant the guard compares against (and, for a
     * Python function, the argument count matches and no keyword names are pending).
     */
    boolean callableIsConstant(UopInstr in, Frame f) {
      int n = in.oparg();
      Value nullSlot = f.peek(n + 2);
      if (!nullSlot.isConstant) {
        return false;
      }
      boolean method = nullSlot.word != 0;
      Value callable = method ? nullSlot : f.peek(n + 1);
      if (!callable.isConstant || callable.word != in.operand()) {
        return false;
      }
      if (in.uop() == Uop.CHECK_CALLABLE) {
        return true;
      }
      return env != null && !keywordNamesPending()
          && env.argCount(env.functionCode(in.operand())) == (method ? n + 1 : n);
    }

    /** Whether a _KW_NAMES precedes in the instruction before (it names the call's keywords). */
    boolean keywordNamesPending() {
      for (int i = out.size() - 1; i >= 0; i--) {
        Uop u = out.get(i).uop();
        if (u == Uop.KW_NAMES) {
          return true;
        }
        if (u != Uop.SET_IP && u != Uop.CHECK_VALIDITY) {
          return false;
        }
      }
      return false;
    }

    /** Whether everything the guard checks is known already. */
    boolean proven(UopInstr in, Frame f) {
      Uop u = in.uop();
      if (u == Uop.GUARD_FLOAT_OPERANDS) {
        // Two floats, or a float and a small int either way round (what the float uops take).
        EnumSet<TypeFact> a = f.peek(2).kinds;
        EnumSet<TypeFact> b = f.peek(1).kinds;
        return a.contains(TypeFact.FLOAT)
            && (b.contains(TypeFact.FLOAT) || b.contains(TypeFact.INT))
            || a.contains(TypeFact.INT) && b.contains(TypeFact.FLOAT);
      }
      if (u == Uop.GUARD_TOS_FLOAT_OPERAND || u == Uop.GUARD_NOS_FLOAT_OPERAND) {
        // The other operand is a raw float (allocation-removal): this one's kind decides.
        EnumSet<TypeFact> v = f.peek(u == Uop.GUARD_TOS_FLOAT_OPERAND ? 1 : 2).kinds;
        return v.contains(TypeFact.FLOAT) || v.contains(TypeFact.INT);
      }
      if (u.proves().isEmpty()) {
        return false;
      }
      for (GuardFact g : u.proves()) {
        if (g.slot() == GuardFact.NOT_ON_STACK || !holds(g, in, f.peek(g.slot()))) {
          return false;
        }
      }
      return true;
    }

    boolean holds(GuardFact g, UopInstr in, Value v) {
      switch (g.fact()) {
        case TYPE:
          return v.type != 0 && v.type == in.operand();
        case SHAPE:
          return v.shapeEpoch == epoch && v.shape == in.operand();
        case IDENTITY:
          return v.isConstant && v.word == in.operand();
        case TYPE_VERSION:
          if (v.type == 0 || env == null || env.typeVersion(v.type) != in.operand()) {
            return false;
          }
          env.dependOnType(v.type);
          return true;
        default:
          return !g.fact().usesOperand() && v.kinds.contains(g.fact());
      }
    }

    /** Moves the abstract state over one uop the trace keeps. */
    void interpret(UopInstr in) {
      Frame f = f();
      Uop u = in.uop();
      int oparg = in.oparg();
      switch (u) {
        case LOAD_FAST, LOAD_FAST_CHECK -> {
          f.stack.add(f.local(oparg));
          f.bound.set(oparg); // past a _LOAD_FAST_CHECK, the local was bound
        }
        case STORE_FAST -> {
          f.locals.put(oparg, f.pop());
          f.bound.set(oparg);
        }
        case DELETE_FAST -> {
          f.locals.remove(oparg);
          f.bound.clear(oparg);
        }
        case LOAD_CONST_INLINE -> f.stack.add(known(in.operand()));
        case PUSH_NULL -> f.stack.add(Value.constant(0));
        case LOAD_METHOD_CONST -> {
          Value self = f.pop();
          f.stack.add(known(in.operand()));
          f.stack.add(self);
        }
        case COPY -> f.stack.add(f.peek(oparg));
        case SWAP -> {
          Value below = f.peek(oparg); // first: makes the slot known if the trace began above it
          Value top = f.peek(1);
          int n = f.stack.size();
          f.stack.set(n - 1, below);
          f.stack.set(n - oparg, top);
        }
        case ITER_NEXT_RANGE, ITER_NEXT_LIST, ITER_NEXT_TUPLE, FOR_ITER_TIER_TWO -> {
          // The iterator stays where it was, under the item (what a loop's peeled iteration
          // proved of it then holds in the loop).
          f.peek(1);
          Value item = new Value();
          u.produces().ifPresent(item.kinds::add);
          f.stack.add(item);
        }
        case JUMP_TO_TOP -> {
          // Every iteration starts from what the trace's first uop sees: nothing known.
          long root = frames.getLast().code;
          frames.clear();
          frames.push(new Frame(root));
        }
        case INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT -> {
          Value nullSlot = f.peek(oparg + 2);
          List<Value> args = new ArrayList<>();
          // __init__'s self is the instance _ALLOCATE_OBJECT put in both slots.
          if (nullSlot.isConstant || u == Uop.INIT_CALL_INIT) {
            int count = u == Uop.INIT_CALL_INIT || nullSlot.word != 0 ? oparg + 1 : oparg;
            for (int k = count; k >= 1; k--) {
              args.add(f.peek(k));
            }
          }
          callee = in.operand();
          calleeArgs = args;
          Value instance = f.peek(oparg + 2);
          popPush(f, u, oparg);
          if (u == Uop.INIT_CALL_INIT) {
            f.stack.set(f.stack.size() - 2, instance);
          }
        }
        case ALLOCATE_OBJECT -> {
          // One new object in both slots: what __init__ learns of self holds for the result.
          Deque<Value> args = new ArrayDeque<>();
          for (int k = 0; k < oparg; k++) {
            args.push(f.pop());
          }
          f.pop();
          f.pop();
          Value instance = new Value();
          f.stack.add(instance);
          f.stack.add(instance);
          f.stack.addAll(args);
        }
        case PUSH_FRAME -> {
          f.pop();
          Frame callee = new Frame(env == null || this.callee == 0
              ? 0 : env.functionCode(this.callee));
          for (int k = 0; k < calleeArgs.size(); k++) {
            callee.locals.put(k, calleeArgs.get(k));
            callee.bound.set(k);
          }
          calleeArgs = List.of();
          frames.push(callee);
        }
        case POP_FRAME -> {
          Value result = f.pop();
          frames.pop();
          if (frames.isEmpty()) {
            frames.push(new Frame(0));
          }
          frames.peek().stack.add(result);
        }
        case STORE_ATTR_SLOT -> {
          Value owner = f.peek(1);
          f.pop();
          f.pop();
          if (in.operand() != 0) {
            // The owner moves to a new shape; any other value may be the same object.
            epoch++;
            owner.shape = in.operand();
            owner.shapeEpoch = epoch;
          }
        }
        default -> {
          if (u.is(UopFlag.ESCAPES) && !runsNoGuestCode(in, f)) {
            // Guest code may run: it may add attributes to any object.
            epoch++;
          }
          if (u.is(UopFlag.GUARD)) {
            // A guard leaves the values it checked where they are (a _POP guard then drops
            // them): what it proved now holds for them.
            for (GuardFact g : u.proves()) {
              if (g.slot() != GuardFact.NOT_ON_STACK) {
                learn(g, in, f.peek(g.slot()));
              }
            }
            for (int k = u.inputs(oparg) - u.outputs(oparg); k > 0; k--) {
              f.pop();
            }
            return;
          }
          popPush(f, u, oparg);
        }
      }
    }

    /**
     * Whether an escaping uop runs no guest code here: a math function ({@code intrinsics})
     * of a float or small int computes natively or raises ValueError, and calls nothing the
     * program defined ({@code __float__} is what a generic argument could run).
     */
    static boolean runsNoGuestCode(UopInstr in, Frame f) {
      return switch (in.uop()) {
        case CALL_MATH_SQRT, CALL_MATH_SIN, CALL_MATH_COS -> in.oparg() == 1
            && (f.peek(1).kinds.contains(TypeFact.FLOAT) || f.peek(1).kinds.contains(TypeFact.INT));
        default -> false;
      };
    }

    void learn(GuardFact g, UopInstr in, Value v) {
      switch (g.fact()) {
        case TYPE -> {
          v.type = in.operand();
          if (env != null) {
            kindOfType(v.type, v.kinds);
          }
        }
        case SHAPE -> {
          v.shape = in.operand();
          v.shapeEpoch = epoch;
        }
        case IDENTITY -> {
          v.isConstant = true;
          v.word = in.operand();
        }
        default -> {
          if (!g.fact().usesOperand()) {
            v.kinds.add(g.fact());
          }
        }
      }
    }

    static void popPush(Frame f, Uop u, int oparg) {
      for (int k = u.inputs(oparg); k > 0; k--) {
        f.pop();
      }
      int outputs = u.outputs(oparg);
      for (int k = 0; k < outputs; k++) {
        Value v = new Value();
        if (k == outputs - 1) {
          u.produces().ifPresent(v.kinds::add);
        }
        f.stack.add(v);
      }
    }
  }

  @Override
  public Region run(Region region, PassContext context) {
    if (!(region instanceof Trace trace)) {
      return region;
    }
    Run run = new Run(context.environment().orElse(null), context, trace.uops().size());
    run.run(trace);
    if (run.guardsRemoved + run.checksRemoved + run.constantsInlined + run.folded == 0) {
      return region;
    }
    count(context, "guards-removed", run.guardsRemoved);
    count(context, "bound-checks-removed", run.checksRemoved);
    count(context, "constants-inlined", run.constantsInlined);
    count(context, "folded", run.folded);
    return Trace.of(ImmutableList.copyOf(run.out), trace.exits());
  }

  private static void count(PassContext context, String key, long n) {
    if (n != 0) {
      context.count(key, n);
    }
  }
}
