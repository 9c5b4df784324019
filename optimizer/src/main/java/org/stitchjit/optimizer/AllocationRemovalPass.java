package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code allocation-removal} (issue 5, part 4), for float temporaries: a float
 * operation's result that is consumed by another float operation, and by nothing else, is
 * never allocated. It stays <em>raw</em> in its stack slot, the double's IEEE bits, and the
 * consumer reads it as such (the {@code _BINARY_OP_*_FLOAT_RAW} uops; decision 7). In {@code
 * a * b + c} the product is raw and only the sum is boxed; {@code dx*dx + dy*dy + dz*dz}
 * allocates one float instead of five.
 *
 * <p>The invariant that makes it safe: the collector scans every frame's operand stack as
 * tagged words (decision 1: only at safepoints, which only the interpreter's loop reaches), and
 * nothing but a raw-aware uop may read a raw slot. So a result is made raw only when every uop
 * between it and its consumer
 *
 * <ul>
 *   <li>leaves the slot alone (reads only slots above it),
 *   <li>does not escape ({@link UopFlag#ESCAPES}: guest code, hence a safepoint, may run),
 *   <li>allocates nothing but a float (other allocations are the runtime's generic operations),
 *   <li>does not push, build or pop a frame, and does not end the trace,
 * </ul>
 *
 * and the consumer is a float operation, directly or after the float guard that precedes it.
 * That guard must not inspect a raw slot: {@code _GUARD_FLOAT_OPERANDS} with one raw operand
 * becomes the one-sided {@code _GUARD_TOS_FLOAT_OPERAND} or {@code _GUARD_NOS_FLOAT_OPERAND},
 * and goes when both are raw (both floats by construction).
 *
 * <p>Every exit a uop can take while raw slots are live is given a copy of its exit that names
 * them ({@link Exit#rawSlots()}); leaving through it boxes them, so the interpreter, a bridge or
 * the collector sees exactly the state the unoptimized trace leaves. Other uops and exits are
 * unchanged. The pass reads nothing another pass computes (it knows float results from the uops
 * that make them), so it runs alone or in any order. Block regions are returned as they are.
 *
 * <p>Counted: {@code allocations-removed}, the float results made raw (per trace, not per run);
 * {@code guards-removed}, the float guards that had only raw operands left to check.
 */
public final class AllocationRemovalPass implements OptimizerPass {
  public static final String NAME = "allocation-removal";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Region run(Region region, PassContext stats) {
    if (!(region instanceof Trace trace)) {
      return region;
    }
    List<UopInstr> uops = trace.uops();
    int n = uops.size();
    int[] depth = depths(uops);
    boolean[] rawResult = new boolean[n];
    long made = 0;
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      if (isFloatArithmetic(in.uop()) && (rawOparg(in) & Uop.RAW_RESULT) == 0
          && consumedByFloatArithmetic(uops, depth, i)) {
        rawResult[i] = true;
        made++;
      }
    }
    if (made == 0) {
      return region;
    }

    List<Exit> exits = new ArrayList<>(trace.exits());
    Map<Exit, Integer> exitIndex = new HashMap<>();
    for (int k = exits.size() - 1; k >= 0; k--) {
      exitIndex.put(exits.get(k), k);
    }
    List<UopInstr> out = new ArrayList<>(n);
    // Raw slots, as depths relative to the frame (depths()); never live across a frame change.
    TreeSet<Integer> raw = new TreeSet<>();
    long guardsRemoved = 0;
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      Uop u = in.uop();
      int d = depth[i];
      boolean rawNos = raw.contains(d - 2);
      boolean rawTos = raw.contains(d - 1);
      Uop guard = switch (u) {
        case GUARD_FLOAT_OPERANDS -> rawNos && rawTos ? null
            : rawNos ? Uop.GUARD_TOS_FLOAT_OPERAND
            : rawTos ? Uop.GUARD_NOS_FLOAT_OPERAND : u;
        case GUARD_TOS_FLOAT_OPERAND -> rawTos ? null : u;
        case GUARD_NOS_FLOAT_OPERAND -> rawNos ? null : u;
        default -> u;
      };
      if (guard == null) {
        guardsRemoved++;
        continue;
      }
      if (u.has(OperandKind.EXIT) && !raw.isEmpty()) {
        in = in.withTarget(exitWithRaw(exits, exitIndex, in.target(), raw, d));
      }
      if (isFloatArithmetic(u)) {
        int mask = rawOparg(in) | (rawNos ? Uop.RAW_NOS : 0) | (rawTos ? Uop.RAW_TOS : 0)
            | (rawResult[i] ? Uop.RAW_RESULT : 0);
        raw.remove(d - 1);
        raw.remove(d - 2);
        if ((mask & Uop.RAW_RESULT) != 0) {
          raw.add(d - 2);
        }
        Uop form = mask == 0 ? boxedForm(u) : rawForm(u);
        out.add(new UopInstr(form, mask, 0, form.has(OperandKind.EXIT) ? in.target() : 0));
        continue;
      }
      if (guard != u) {
        out.add(UopInstr.withExit(guard, in.target()));
        continue;
      }
      int inputs = u.inputs(in.oparg());
      if (u != Uop.GUARD_NOS_FLOAT_OPERAND && !raw.isEmpty() && raw.last() >= d - inputs) {
        // consumedByFloatArithmetic admitted no such reader: a bug here, not in the trace.
        throw new IllegalStateException("uop " + i + " (" + in + ") would read a raw slot");
      }
      // A guard leaves what it checked in place (a _POP guard drops it); any other uop
      // replaces its inputs by new, tagged values.
      int popped = u.is(UopFlag.GUARD) ? inputs - u.outputs(in.oparg()) : inputs;
      raw.tailSet(d - popped, true).clear();
      out.add(in);
    }
    stats.count("allocations-removed", made);
    if (guardsRemoved > 0) {
      stats.count("guards-removed", guardsRemoved);
    }
    return Trace.of(out, exits);
  }

  /**
   * Whether the float result of uop i is read by a float operation (or the float guard right
   * before one) with only raw-safe uops in between (see the class comment).
   */
  private static boolean consumedByFloatArithmetic(List<UopInstr> uops, int[] depth, int i) {
    int slot = depth[i] - 2;
    for (int j = i + 1; j < uops.size(); j++) {
      UopInstr in = uops.get(j);
      Uop u = in.uop();
      if (depth[j] - u.inputs(in.oparg()) <= slot) {
        if (isFloatArithmetic(u)) {
          return true;
        }
        return isFloatGuard(u) && j + 1 < uops.size()
            && isFloatArithmetic(uops.get(j + 1).uop());
      }
      if (!rawMayStayLiveAcross(u)) {
        return false;
      }
    }
    return false;
  }

  /**
   * Whether a raw slot below a uop's inputs may stay live while it runs: it runs no guest code
   * (no safepoint, so no collection: decision 1), calls no generic runtime operation, keeps the
   * frame, and does not leave the trace for good. Float allocation only raises the GC-wanted
   * flag, which the next _CHECK_PERIODIC turns into an exit (that boxes the raw slots).
   */
  private static boolean rawMayStayLiveAcross(Uop u) {
    if (u.is(UopFlag.ESCAPES) || u.is(UopFlag.TERMINATOR)) {
      return false;
    }
    if (u.is(UopFlag.ALLOCATES) && !isFloatArithmetic(u)) {
      return false;
    }
    return switch (u) {
      case PUSH_FRAME, POP_FRAME, INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT, JUMP_TO_TOP -> false;
      default -> true;
    };
  }

  /**
   * The depth of each uop's frame's stack before it, relative to where that frame's stack was
   * when the trace entered it (the trace's own frame may start deeper: depths can go negative).
   */
  private static int[] depths(List<UopInstr> uops) {
    int[] depth = new int[uops.size()];
    Deque<Integer> callers = new ArrayDeque<>();
    int d = 0;
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      depth[i] = d;
      d += in.uop().stackEffect(in.oparg());
      if (in.uop() == Uop.PUSH_FRAME) {
        callers.push(d);
        d = 0;
      } else if (in.uop() == Uop.POP_FRAME) {
        // No raw slot is live across a frame change, so an unknown caller's depth can start
        // a fresh count.
        d = callers.isEmpty() ? 0 : callers.pop() + 1;
      }
    }
    return depth;
  }

  /**
   * The index of an exit like exit k whose raw slots also include those live now (relative
   * depths, turned into the exit frame's stack indices through the exit's depth, which is the
   * depth before the uop: an exiting uop that may run with raw slots live exits before it
   * changes anything).
   */
  private static int exitWithRaw(List<Exit> exits, Map<Exit, Integer> exitIndex, int k,
      TreeSet<Integer> raw, int d) {
    Exit e = exits.get(k);
    ImmutableSortedSet.Builder<Integer> slots = ImmutableSortedSet.naturalOrder();
    slots.addAll(e.rawSlots());
    for (int p : raw) {
      int slot = e.stackDepth() - (d - p);
      if (slot < 0) {
        throw new IllegalStateException("raw slot below the stack of " + e);
      }
      slots.add(slot);
    }
    Exit withRaw = e.withRawSlots(slots.build());
    return exitIndex.computeIfAbsent(withRaw, x -> {
      exits.add(x);
      return exits.size() - 1;
    });
  }

  private static boolean isFloatGuard(Uop u) {
    return u == Uop.GUARD_FLOAT_OPERANDS || u == Uop.GUARD_TOS_FLOAT_OPERAND
        || u == Uop.GUARD_NOS_FLOAT_OPERAND;
  }

  private static boolean isFloatArithmetic(Uop u) {
    return rawForm(u) != null;
  }

  /** The raw bits a uop already has (it may have run through this pass before). */
  private static int rawOparg(UopInstr in) {
    return in.uop().has(OperandKind.OPARG) ? in.oparg() : 0;
  }

  private static Uop rawForm(Uop u) {
    return switch (u) {
      case BINARY_OP_ADD_FLOAT, BINARY_OP_ADD_FLOAT_RAW -> Uop.BINARY_OP_ADD_FLOAT_RAW;
      case BINARY_OP_SUBTRACT_FLOAT, BINARY_OP_SUBTRACT_FLOAT_RAW ->
          Uop.BINARY_OP_SUBTRACT_FLOAT_RAW;
      case BINARY_OP_MULTIPLY_FLOAT, BINARY_OP_MULTIPLY_FLOAT_RAW ->
          Uop.BINARY_OP_MULTIPLY_FLOAT_RAW;
      case BINARY_OP_TRUE_DIVIDE_FLOAT, BINARY_OP_TRUE_DIVIDE_FLOAT_RAW ->
          Uop.BINARY_OP_TRUE_DIVIDE_FLOAT_RAW;
      default -> null;
    };
  }

  private static Uop boxedForm(Uop u) {
    return switch (u) {
      case BINARY_OP_ADD_FLOAT_RAW -> Uop.BINARY_OP_ADD_FLOAT;
      case BINARY_OP_SUBTRACT_FLOAT_RAW -> Uop.BINARY_OP_SUBTRACT_FLOAT;
      case BINARY_OP_MULTIPLY_FLOAT_RAW -> Uop.BINARY_OP_MULTIPLY_FLOAT;
      case BINARY_OP_TRUE_DIVIDE_FLOAT_RAW -> Uop.BINARY_OP_TRUE_DIVIDE_FLOAT;
      default -> u;
    };
  }
}
