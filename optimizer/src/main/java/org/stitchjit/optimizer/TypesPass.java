package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassStats;
import org.stitchjit.api.uop.GuardFact;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.TypeFact;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code types} (a first part of issue 5's "types and constants"): an abstract
 * interpretation of a trace that knows, for the values on each frame's stack and in its
 * locals, the kinds the guards and the uops before have established, and removes the guards
 * that check what is already known.
 *
 * <p>What it knows comes from the uop table: a guard's {@link Uop#proves() facts} about the
 * stack slots it checks, and the kind a uop {@link Uop#produces() produces} (a small-int sum is
 * a small int, a float product a float). Values are tracked by identity: {@code _LOAD_FAST}
 * pushes the very value its local holds, so a guard on the pushed copy also teaches the local,
 * and the next load of it needs no guard. Only kinds are tracked (small int, float, str, list,
 * tuple, ... ): a value keeps its kind for life, whatever runs in between, so an escaping uop
 * forgets nothing. Heap facts (shapes, type versions, dict keys versions) are left alone.
 *
 * <p>A trace is one path: it starts knowing nothing (at its first uop and again after
 * {@code _JUMP_TO_TOP}, where every iteration starts), and what holds at a uop held on the only
 * way there. A removed guard's exit stays in the exit table, unused; every other uop and exit
 * is unchanged, so the state at every exit is the unoptimized trace's. Block regions are
 * returned as they are.
 */
public final class TypesPass implements OptimizerPass {
  public static final String NAME = "types";

  @Override
  public String name() {
    return NAME;
  }

  /** A value at run time: the kinds known about it (shared by every slot holding it). */
  private static final class Value {
    final EnumSet<TypeFact> kinds = EnumSet.noneOf(TypeFact.class);
  }

  /** A frame of the trace: its operand stack and the locals it has loaded or stored. */
  private static final class Frame {
    final ArrayList<Value> stack = new ArrayList<>();
    final Map<Integer, Value> locals = new HashMap<>();

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

  @Override
  public Region run(Region region, PassStats stats) {
    if (!(region instanceof Trace trace)) {
      return region;
    }
    Deque<Frame> frames = new ArrayDeque<>();
    frames.push(new Frame());
    List<UopInstr> out = new ArrayList<>(trace.uops().size());
    long removed = 0;
    for (UopInstr in : trace.uops()) {
      Frame f = frames.peek();
      Uop u = in.uop();
      if (u.is(UopFlag.GUARD) && proven(in, f)) {
        removed++;
        // A guard that pops what it checked still pops it.
        int drop = u.inputs(in.oparg()) - u.outputs(in.oparg());
        for (int k = 0; k < drop; k++) {
          f.pop();
          out.add(new UopInstr(Uop.POP_TOP, 0, 0, 0));
        }
        continue;
      }
      out.add(in);
      interpret(in, frames);
    }
    if (removed == 0) {
      return region;
    }
    stats.count("guards-removed", removed);
    return Trace.of(ImmutableList.copyOf(out), trace.exits());
  }

  /** Whether everything the guard checks is known already. */
  private static boolean proven(UopInstr in, Frame f) {
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
      if (g.slot() == GuardFact.NOT_ON_STACK || g.fact().usesOperand()
          || !f.peek(g.slot()).kinds.contains(g.fact())) {
        return false;
      }
    }
    return true;
  }

  /** Moves the abstract state over one uop the trace keeps. */
  private static void interpret(UopInstr in, Deque<Frame> frames) {
    Frame f = frames.peek();
    Uop u = in.uop();
    int oparg = in.oparg();
    switch (u) {
      case LOAD_FAST, LOAD_FAST_CHECK -> f.stack.add(f.local(oparg));
      case STORE_FAST -> f.locals.put(oparg, f.pop());
      case DELETE_FAST -> f.locals.remove(oparg);
      case COPY -> f.stack.add(f.peek(oparg));
      case SWAP -> {
        Value below = f.peek(oparg); // first: makes the slot known if the trace began above it
        Value top = f.peek(1);
        int n = f.stack.size();
        f.stack.set(n - 1, below);
        f.stack.set(n - oparg, top);
      }
      case JUMP_TO_TOP -> {
        // Every iteration starts from what the trace's first uop sees: nothing known.
        frames.clear();
        frames.push(new Frame());
      }
      case PUSH_FRAME -> {
        f.pop();
        frames.push(new Frame());
      }
      case POP_FRAME -> {
        Value result = f.pop();
        frames.pop();
        if (frames.isEmpty()) {
          frames.push(new Frame());
        }
        frames.peek().stack.add(result);
      }
      default -> {
        if (u.is(UopFlag.GUARD)) {
          // A guard leaves the values it checked where they are (a _POP guard then drops
          // them): what it proved now holds for them.
          for (GuardFact g : u.proves()) {
            if (g.slot() != GuardFact.NOT_ON_STACK && !g.fact().usesOperand()) {
              f.peek(g.slot()).kinds.add(g.fact());
            }
          }
          for (int k = u.inputs(oparg) - u.outputs(oparg); k > 0; k--) {
            f.pop();
          }
          return;
        }
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
  }
}
