package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import com.google.common.collect.Sets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.Block;
import org.stitchjit.api.uop.BlockRegion;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Expansion;
import org.stitchjit.api.uop.Expansions;
import org.stitchjit.api.uop.GuardFact;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.RawLocals;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.TypeFact;
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
 *   <li>does not push, build or pop a frame (except that the trace's own frame keeps its raw
 *       slots below an inlined call across the call: {@link #callKeeps}), and does not end the
 *       trace,
 * </ul>
 *
 * and the consumer is a float operation, directly or after the float guard that precedes it,
 * or a float comparison ({@code _COMPARE_OP_FLOAT_RAW}). A {@code _CALL_MATH_SQRT 1} whose
 * argument is sure to be a float becomes {@code _CALL_MATH_SQRT_RAW}, one more float operation
 * ({@link #withSqrtOfFloats}). That guard must not inspect a raw slot: {@code
 * _GUARD_FLOAT_OPERANDS} with one raw operand becomes the one-sided {@code
 * _GUARD_TOS_FLOAT_OPERAND} or {@code _GUARD_NOS_FLOAT_OPERAND}, and goes when both are raw
 * (both floats by construction).
 *
 * <p><b>Raw locals</b> (decision 7, "Later"): a local of the trace's own frame that is stored
 * only from float results and read only by float operations keeps the raw bits from its store
 * on, across the loop's back edge when loop peeling gave the trace a {@code _LOOP_HEAD} and
 * across inlined calls ({@link #rawLocals} has the rules; {@link RawLocals} reads them back
 * off the uops).
 *
 * <p><b>Float attributes</b> (decision 7, "Float attributes"): a float result whose only reader
 * is an attribute store ({@code _STORE_ATTR_SLOT}, past the {@code _SWAP} of {@code a.x op= y})
 * is stored raw ({@code _STORE_ATTR_SLOT_RAW}: the attribute keeps the bits, and is boxed by its
 * first reader that needs an object). A {@code _LOAD_ATTR_SLOT} the frontend saw a float in
 * ({@link Uop#FLOAT_SEEN}), of a class whose floats are kept raw ({@link Uop#RAW_FLOATS_SEEN},
 * or the trace stores some raw), whose reader is float arithmetic, or which a float comparison
 * compares with another such load, loads raw ({@code _LOAD_ATTR_SLOT_RAW}, which exits for
 * anything but a float) when a local holds its instance until then; such a load read boxed
 * becomes {@code _LOAD_ATTR_SLOT_FLOAT}, which boxes a raw attribute natively.
 *
 * <p>Every exit a uop can take while raw slots or locals are live is given a copy of its exit
 * that names them ({@link Exit#rawSlots()}, {@link Exit#rawLocals()}, and for an exit inside
 * an inlined call {@link Exit#outerSlots()} in the frame {@link Exit#outerFrame()} calls
 * back); leaving through it boxes them, so the interpreter, a bridge or the collector sees
 * exactly the state the unoptimized trace leaves. Other uops and exits are unchanged. The
 * pass reads nothing another pass computes (it knows float results from the uops that make
 * them), so it runs alone or in any order. Of block regions only loads that may read a raw
 * attribute change (into checking loads).
 *
 * <p>Counted (per trace, not per run): {@code allocations-removed}, the float results made
 * raw; {@code guards-removed}, the float guards that had only raw operands left to check;
 * {@code raw-locals}, the locals kept raw; {@code loads-unboxed}, the loads of raw locals;
 * {@code attribute-loads-unboxed} and {@code attribute-stores-unboxed}, the raw attribute
 * loads and stores.
 */
public final class AllocationRemovalPass implements OptimizerPass {
  public static final String NAME = "allocation-removal";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Region run(Region region, PassContext stats) {
    if (region instanceof BlockRegion blocks) {
      return withCheckingLoads(blocks);
    }
    if (!(region instanceof Trace trace) || trace.uops().stream().noneMatch(
        in -> isFloatArithmetic(in.uop()) || in.uop() == Uop.CALL_MATH_SQRT
            || in.uop() == Uop.COMPARE_OP_FLOAT || mayLoadRaw(in))) {
      // Nothing makes or compares floats, or loads a raw attribute: nothing to do.
      return region;
    }
    Stacks stacks = stacks(trace.uops());
    int[] depth = stacks.depth();
    boolean[] entryFrame = entryFrame(trace.uops());
    List<UopInstr> uops = withSqrtOfFloats(trace.uops(), depth, entryFrame);
    int n = uops.size();
    boolean[] quiet = quiet(uops, depth);
    Set<Integer> rawLocals = rawLocals(uops, stacks, entryFrame, quiet);
    boolean[] rawResult = new boolean[n];
    // Per uop, whether it is a _LOAD_ATTR_SLOT of a float (as recorded) that float arithmetic
    // reads next, or one of two such loads a float comparison compares.
    boolean[] rawLoad = new boolean[n];
    Map<Integer, List<Integer>> comparedLoads = new HashMap<>();
    // The loads that may be raw, by uop: where an exit before their reader finds the float.
    Map<Integer, AttrLoad> backing = new HashMap<>();
    long made = 0;
    long attrLoads = 0;
    long attrStores = 0;
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      if (isFloatArithmetic(in.uop()) && (rawOparg(in) & Uop.RAW_RESULT) == 0) {
        Read at = readerAt(uops, stacks, quiet, i, resultSlot(in, depth[i]));
        int r = at.uop();
        boolean toAttr = r >= 0 && storesAttr(uops.get(r), at.slot(), depth[r]);
        if (r >= 0 && (readsAsFloat(uops, r) || toAttr || !returns(uops, i, r)
            && storesToRawLocal(uops.get(r), entryFrame[r], rawLocals))) {
          rawResult[i] = true;
          made++;
          attrStores += toAttr ? 1 : 0;
        }
      }
    }
    // Loads that may read a raw attribute: of a class whose float attributes are kept raw (as
    // recorded), or any in a trace that stores some raw itself. They become checking loads, and
    // those of floats (as recorded) raw ones where float arithmetic reads them. Elsewhere
    // nothing is raw: a raw load would only move the unboxing, and a check cost bounce 5%.
    boolean[] mayBeRaw = new boolean[n];
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      mayBeRaw[i] = in.uop() == Uop.LOAD_ATTR_SLOT && (mayLoadRaw(in) || attrStores > 0);
    }
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      if (mayBeRaw[i] && (in.oparg() & Uop.FLOAT_SEEN) != 0) {
        int local = receiverLocal(uops, i);
        Read at = readerAt(uops, stacks, quiet, i, depth[i] - 1);
        int r = at.uop();
        if (local < 0 || r < 0 || at.slot() != depth[i] - 1
            || !attributeKept(uops, stacks, i, r, local)) {
          continue;
        }
        backing.put(i, new AttrLoad(i, r, depth[i] - 1, local, in.operand()));
        if (readsAsFloat(uops, r)) {
          rawLoad[i] = true;
          attrLoads++;
        } else if (r >= 0 && uops.get(r).uop() == Uop.GUARD_BOTH_FLOAT && r + 1 < n
            && uops.get(r + 1).uop() == Uop.COMPARE_OP_FLOAT) {
          comparedLoads.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
        }
      }
    }
    for (List<Integer> loads : comparedLoads.values()) {
      // Both operands: the guard goes, and nothing else may see a raw slot.
      if (loads.size() == 2) {
        for (int i : loads) {
          rawLoad[i] = true;
          attrLoads++;
        }
      }
    }
    long checkingLoads = 0;
    for (int i = 0; i < n; i++) {
      checkingLoads += mayBeRaw[i] && !rawLoad[i] ? 1 : 0;
    }
    if (made == 0 && attrLoads == 0 && checkingLoads == 0) {
      return region;
    }
    List<AttrLoad> rawLoads = new ArrayList<>();
    backing.forEach((i, a) -> {
      if (rawLoad[i]) {
        rawLoads.add(a);
      }
    });

    List<Exit> exits = new ArrayList<>(trace.exits());
    Map<Exit, Integer> exitIndex = new HashMap<>();
    for (int k = exits.size() - 1; k >= 0; k--) {
      exitIndex.put(exits.get(k), k);
    }
    List<UopInstr> out = new ArrayList<>(n);
    // Raw slots, as positions (stacks()). Only the entry frame's stay raw across a call.
    TreeSet<Integer> raw = new TreeSet<>();
    // Raw locals of the entry frame, as rawLocals() planned them.
    Set<Integer> rawNow = new TreeSet<>();
    long guardsRemoved = 0;
    long loadsUnboxed = 0;
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
        case GUARD_BOTH_FLOAT -> rawNos && rawTos ? null : u;
        default -> u;
      };
      if (guard == null) {
        guardsRemoved++;
        continue;
      }
      if (entryFrame[i] && (u == Uop.LOAD_FAST || u == Uop.LOAD_FAST_CHECK)
          && rawNow.contains(in.oparg())) {
        // A raw local is bound: the trace stored it.
        raw.add(d);
        out.add(UopInstr.of(Uop.LOAD_FAST, in.oparg()));
        loadsUnboxed++;
        continue;
      }
      if (u.has(OperandKind.EXIT) && !raw.isEmpty()) {
        in = in.withTarget(exitWithRaw(exits, exitIndex, in.target(), raw, stacks, i,
            rawLoads));
      }
      if (rawLoad[i]) {
        out.add(new UopInstr(Uop.LOAD_ATTR_SLOT_RAW, 0, in.operand(), in.target()));
        raw.add(d - 1);
        continue;
      }
      if (mayBeRaw[i]) {
        out.add(new UopInstr(Uop.LOAD_ATTR_SLOT_FLOAT, 0, in.operand(), in.target()));
        continue;
      }
      if (u == Uop.SWAP) {
        // Raw bits move with their slot (reader() follows them).
        boolean top = raw.remove(d - 1);
        boolean other = raw.remove(d - in.oparg());
        if (top) {
          raw.add(d - in.oparg());
        }
        if (other) {
          raw.add(d - 1);
        }
        out.add(in);
        continue;
      }
      if (u == Uop.STORE_ATTR_SLOT && rawNos) {
        raw.remove(d - 2);
        out.add(new UopInstr(Uop.STORE_ATTR_SLOT_RAW, in.oparg(), in.operand(), in.target()));
        continue;
      }
      if (isFloatArithmetic(u)) {
        // (A square root's NOS is the callable, never raw.)
        int mask = rawOparg(in) | (rawNos ? Uop.RAW_NOS : 0) | (rawTos ? Uop.RAW_TOS : 0)
            | (rawResult[i] ? Uop.RAW_RESULT : 0);
        int result = resultSlot(in, d);
        raw.tailSet(result, true).clear();
        if ((mask & Uop.RAW_RESULT) != 0) {
          raw.add(result);
        }
        Uop form = mask == 0 ? boxedForm(u) : rawForm(u);
        out.add(new UopInstr(form, mask, in.operand(),
            form.has(OperandKind.EXIT) ? in.target() : 0));
        continue;
      }
      if (u == Uop.COMPARE_OP_FLOAT || u == Uop.COMPARE_OP_FLOAT_RAW) {
        boolean was = u == Uop.COMPARE_OP_FLOAT_RAW;
        int op = was ? in.oparg() >> Uop.RAW_COMPARE_SHIFT : in.oparg();
        int mask = (was ? in.oparg() & (Uop.RAW_NOS | Uop.RAW_TOS) : 0)
            | (rawNos ? Uop.RAW_NOS : 0) | (rawTos ? Uop.RAW_TOS : 0);
        raw.remove(d - 1);
        raw.remove(d - 2);
        out.add(mask == 0 ? UopInstr.of(Uop.COMPARE_OP_FLOAT, op)
            : UopInstr.of(Uop.COMPARE_OP_FLOAT_RAW, op << Uop.RAW_COMPARE_SHIFT | mask));
        continue;
      }
      if (guard != u) {
        out.add(UopInstr.withExit(guard, in.target()));
        continue;
      }
      if (entryFrame[i] && u == Uop.STORE_FAST) {
        if (raw.remove(d - 1)) {
          rawNow.add(in.oparg());
        } else {
          rawNow.remove(in.oparg());
        }
      } else if (entryFrame[i] && u == Uop.DELETE_FAST) {
        rawNow.remove(in.oparg());
      }
      if (u == Uop.POP_FRAME) {
        // The return value may stay raw on the caller's stack; nothing else of the frame
        // outlives it (the entry frame's raw slots outlive an inlined callee's return).
        boolean rawReturn = raw.contains(d - 1);
        raw.tailSet(stacks.level()[i] == 0 ? Integer.MIN_VALUE : stacks.level()[i]
            * stacks.span(), true).clear();
        if (rawReturn) {
          raw.add(depth[i + 1] - 1);
        }
        out.add(in);
        continue;
      }
      int inputs = u.inputs(in.oparg());
      if (u != Uop.GUARD_NOS_FLOAT_OPERAND && !raw.isEmpty() && raw.last() >= d - inputs) {
        // reader() and rawLocals() admitted no such reader: a bug here, not in the trace.
        throw new IllegalStateException("uop " + i + " (" + in + ") would read a raw slot");
      }
      // A guard leaves what it checked in place (a _POP guard drops it); any other uop
      // replaces its inputs by new, tagged values.
      int popped = u.is(UopFlag.GUARD) ? inputs - u.outputs(in.oparg()) : inputs;
      raw.tailSet(d - popped, true).clear();
      out.add(in);
    }
    if (!rawLocals.isEmpty()) {
      nameRawLocals(out, exits, exitIndex, stats);
      stats.count("raw-locals", rawLocals.size());
      stats.count("loads-unboxed", loadsUnboxed);
    }
    stats.count("allocations-removed", made);
    if (attrLoads + attrStores > 0) {
      stats.count("attribute-loads-unboxed", attrLoads);
      stats.count("attribute-stores-unboxed", attrStores);
    }
    if (guardsRemoved > 0) {
      stats.count("guards-removed", guardsRemoved);
    }
    return Trace.of(out, exits);
  }

  /**
   * The locals of the entry frame that may hold raw doubles (decision 7, "Raw locals"): each is
   * stored only from float arithmetic or from another such local, every load of it while it is
   * raw is read as a float operand ({@link #readsAsFloat}) or stored to another such local, no
   * uop across which a raw slot may not stay live ({@link #quiet}) runs while it is raw, an
   * inlined call's frame changes aside ({@link #callKeeps}), and the loop closes with the raw
   * locals it opened with. Found by dropping the locals that break a rule until none does;
   * each round walks the trace once.
   */
  private static Set<Integer> rawLocals(List<UopInstr> uops, Stacks stacks,
      boolean[] entryFrame, boolean[] quiet) {
    int[] depth = stacks.depth();
    Set<Integer> candidates = new TreeSet<>();
    // Per uop, whether it is a _STORE_FAST of float arithmetic's result.
    boolean[] storesFloat = new boolean[uops.size()];
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      if (isFloatArithmetic(in.uop())) {
        int r = reader(uops, stacks, quiet, i, resultSlot(in, depth[i]));
        if (r >= 0 && entryFrame[r] && uops.get(r).uop() == Uop.STORE_FAST
            && !returns(uops, i, r)) {
          candidates.add(uops.get(r).oparg());
          storesFloat[r] = true;
        }
      }
    }
    // A copy of a candidate (n = m) is one too.
    Map<Integer, Integer> copies = new HashMap<>();
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      if (entryFrame[i] && (in.uop() == Uop.LOAD_FAST || in.uop() == Uop.LOAD_FAST_CHECK)) {
        int r = reader(uops, stacks, quiet, i, depth[i]);
        if (r >= 0 && entryFrame[r] && uops.get(r).uop() == Uop.STORE_FAST) {
          copies.put(uops.get(r).oparg(), in.oparg());
        }
      }
    }
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<Integer, Integer> c : copies.entrySet()) {
        grew |= candidates.contains(c.getValue()) && candidates.add(c.getKey());
      }
    }
    boolean loops = uops.stream().anyMatch(in -> in.uop() == Uop.JUMP_TO_TOP);
    while (!candidates.isEmpty()) {
      Set<Integer> broken = new TreeSet<>();
      // Raw locals some uop loads. In a trace that does not loop, the others would only move
      // their boxing from the store to the exits.
      Set<Integer> loaded = new TreeSet<>();
      Set<Integer> now = new TreeSet<>();
      Set<Integer> atHead = Set.of();
      // Per slot pushed by a load of a raw local: that local (a store of the slot copies it).
      Map<Integer, Integer> loadedFrom = new HashMap<>();
      for (int i = 0; i < uops.size(); i++) {
        UopInstr in = uops.get(i);
        Uop u = in.uop();
        if (u == Uop.LOOP_HEAD) {
          atHead = Set.copyOf(now);
        } else if (u == Uop.JUMP_TO_TOP) {
          Sets.symmetricDifference(now, atHead).copyInto(broken);
        } else if (!now.isEmpty() && !quiet[i] && u != Uop.EXIT_TRACE
            && !callKeeps(uops, i, stacks)) {
          broken.addAll(now);
        }
        if (!entryFrame[i]) {
          continue;
        }
        int local = in.oparg();
        if ((u == Uop.LOAD_FAST || u == Uop.LOAD_FAST_CHECK) && now.contains(local)) {
          loaded.add(local);
          int r = reader(uops, stacks, quiet, i, depth[i]);
          if (r >= 0 && readsAsFloat(uops, r)) {
            continue;
          }
          if (r >= 0 && entryFrame[r] && uops.get(r).uop() == Uop.STORE_FAST) {
            loadedFrom.put(r, local);
            continue;
          }
          broken.add(local);
        } else if (u == Uop.STORE_FAST) {
          Integer source = loadedFrom.remove(i);
          if (candidates.contains(local) && (storesFloat[i] || source != null)) {
            now.add(local);
          } else {
            now.remove(local);
            if (source != null) {
              broken.add(source);
            }
          }
        } else if (u == Uop.DELETE_FAST) {
          now.remove(local);
        }
      }
      if (broken.isEmpty() && !loops) {
        broken.addAll(Sets.difference(candidates, loaded));
      }
      if (broken.isEmpty() || !candidates.removeAll(broken)) {
        break;
      }
    }
    return candidates;
  }

  /**
   * Whether a value made by uop i reaches uop r through a return ({@link #reader} follows
   * those): {@link RawLocals} reads a local's rawness off its own frame's uops only, so such
   * a value is never stored raw.
   */
  private static boolean returns(List<UopInstr> uops, int i, int r) {
    return uops.subList(i, r).stream().anyMatch(in -> in.uop() == Uop.POP_FRAME);
  }

  /**
   * Whether uop r, the reader of a raw slot, reads it as a float operand: float arithmetic
   * (directly or after its float guard; a square root of a float counts) or a float comparison.
   */
  private static boolean readsAsFloat(List<UopInstr> uops, int r) {
    Uop u = uops.get(r).uop();
    return isFloatArithmetic(u) || u == Uop.COMPARE_OP_FLOAT || u == Uop.COMPARE_OP_FLOAT_RAW
        || isFloatGuard(u) && r + 1 < uops.size() && isFloatArithmetic(uops.get(r + 1).uop());
  }

  /**
   * Whether uop r, reading stack position {@code slot} with depth {@code depth} before it,
   * stores it into an instance attribute (_STORE_ATTR_SLOT's value is below the instance), which
   * can keep a float raw (decision 7, "Float attributes"): the value is read by nothing after.
   */
  private static boolean storesAttr(UopInstr r, int slot, int depth) {
    return r.uop() == Uop.STORE_ATTR_SLOT && slot == depth - 2;
  }

  /**
   * A block region with its loads of attributes that may be raw floats made checking loads
   * (_LOAD_ATTR_SLOT reads no NULL slot); nothing else of it changes.
   */
  private static Region withCheckingLoads(BlockRegion region) {
    if (region.allUops().stream().noneMatch(AllocationRemovalPass::mayLoadRaw)) {
      return region;
    }
    List<Block> blocks = new ArrayList<>();
    for (Block b : region.blocks()) {
      List<UopInstr> uops = new ArrayList<>();
      for (UopInstr in : b.uops()) {
        uops.add(mayLoadRaw(in)
            ? new UopInstr(Uop.LOAD_ATTR_SLOT_FLOAT, 0, in.operand(), in.target()) : in);
      }
      blocks.add(b.fallThrough().isPresent() ? Block.of(uops, b.fallThrough().getAsInt())
          : Block.ending(uops));
    }
    return BlockRegion.of(blocks, region.entry(), region.exits());
  }

  /** Whether uop in loads an attribute of a class whose float attributes are kept raw. */
  private static boolean mayLoadRaw(UopInstr in) {
    return in.uop() == Uop.LOAD_ATTR_SLOT && (in.oparg() & Uop.RAW_FLOATS_SEEN) != 0;
  }

  private static boolean storesToRawLocal(UopInstr in, boolean entryFrame, Set<Integer> raw) {
    return entryFrame && in.uop() == Uop.STORE_FAST && raw.contains(in.oparg());
  }

  /**
   * Gives every exit a uop may take while raw locals are live a copy naming them, as {@link
   * RawLocals} reads them off the rewritten uops (the runtime reads them the same way when a
   * guest exception unwinds the region). Of those in the exit's own frame, the ones the
   * interpreter writes before it reads them from the exit on ({@link LocalLiveness}) are named
   * dead: leaving clears them instead of boxing them (nbody's pair loop leaves seven such
   * locals per body and step). Outside a VM the code is unknown, and every raw local is boxed.
   */
  private static void nameRawLocals(List<UopInstr> out, List<Exit> exits,
      Map<Exit, Integer> exitIndex, PassContext context) {
    Trace t = Trace.of(out, exits);
    List<ImmutableSortedSet<Integer>> live = RawLocals.before(t);
    int[] below = RawLocals.framesBelow(t);
    Map<Long, Optional<LocalLiveness>> liveness = new HashMap<>();
    long dead = 0;
    for (int i = 0; i < out.size(); i++) {
      UopInstr in = out.get(i);
      if (in.uop().has(OperandKind.EXIT) && !live.get(i).isEmpty()) {
        Exit e = exits.get(in.target());
        Exit withRaw = e.withRawOuter(live.get(i), e.outerSlots(), below[i]);
        if (below[i] == 0) {
          Optional<LocalLiveness> code = liveness.computeIfAbsent(e.codeId(), id ->
              context.environment().flatMap(env -> env.codeView(id)).map(LocalLiveness::of));
          if (code.isPresent()) {
            Optional<Boolean> jumps = branchExitJumps(code.get().code(), in, e);
            ImmutableSortedSet<Integer> deadHere = live.get(i).stream()
                .filter(local -> jumps.isPresent()
                    ? !code.get().isLiveAfterBranch(e.bytecodeIndex(), jumps.get(), local)
                    : !code.get().isLive(e.bytecodeIndex(), local))
                .collect(ImmutableSortedSet.toImmutableSortedSet(Integer::compare));
            if (!deadHere.isEmpty()) {
              withRaw = withRaw.withDeadLocals(deadHere);
              dead += deadHere.size();
            }
          }
        }
        int k = exitIndex.computeIfAbsent(withRaw, x -> {
          exits.add(x);
          return exits.size() - 1;
        });
        out.set(i, in.withTarget(k));
      }
    }
    if (dead > 0) {
      context.count("dead-raw-locals-at-exits", dead);
    }
  }

  /**
   * For a branch guard's exit that resumes at its conditional jump: whether the interpreter
   * will jump there (the trace followed the fall-through, whose expansion holds the guard) or
   * fall through (the trace jumped). Empty for any other exit: liveness is then taken at the
   * instruction itself, which for a branch means both ways.
   */
  private static Optional<Boolean> branchExitJumps(CodeView code, UopInstr in, Exit e) {
    int at = e.bytecodeIndex();
    if (e.reason() != ExitReason.BRANCH || at >= code.length()) {
      return Optional.empty();
    }
    Expansion x = Expansions.of(code.opcode(at));
    boolean inFallThrough = x.traced(false).map(l -> l.contains(in.uop())).orElse(false);
    boolean inJump = x.traced(true).map(l -> l.contains(in.uop())).orElse(false);
    return inFallThrough == inJump ? Optional.empty() : Optional.of(inFallThrough);
  }

  /** Per uop, whether it runs in the frame the trace was entered in. */
  private static boolean[] entryFrame(List<UopInstr> uops) {
    boolean[] entry = new boolean[uops.size()];
    int inlined = 0;
    boolean left = false;
    for (int i = 0; i < uops.size(); i++) {
      Uop u = uops.get(i).uop();
      entry[i] = inlined == 0 && !left;
      if (u == Uop.PUSH_FRAME) {
        inlined++;
      } else if (u == Uop.POP_FRAME) {
        if (inlined == 0) {
          left = true;
        } else {
          inlined--;
        }
      }
    }
    return entry;
  }

  /**
   * The uop that next reads stack slot {@code slot} (a depth, as {@link #depths}) after uop i,
   * or -1 when a uop across which a raw slot may not stay live comes first (see the class
   * comment).
   */
  private static int reader(List<UopInstr> uops, Stacks stacks, boolean[] quiet, int i,
      int slot) {
    return readerAt(uops, stacks, quiet, i, slot).uop();
  }

  /**
   * {@link #reader}, and the position the value has when that uop reads it: a {@code _SWAP}
   * moves it, as a return does ({@code a.x -= y} swaps the difference below the instance for
   * the store).
   */
  private static Read readerAt(List<UopInstr> uops, Stacks stacks, boolean[] quiet, int i,
      int slot) {
    int[] depth = stacks.depth();
    for (int j = i + 1; j < uops.size(); j++) {
      UopInstr in = uops.get(j);
      Uop u = in.uop();
      if (u == Uop.POP_FRAME && slot == depth[j] - 1 && j + 1 < uops.size()) {
        // An inlined call's return value: _POP_FRAME only moves it to the caller's stack.
        slot = depth[j + 1] - 1;
        continue;
      }
      if (u == Uop.SWAP && stacks.levelOf(slot) == stacks.level()[j]
          && (slot == depth[j] - 1 || slot == depth[j] - in.oparg())) {
        slot = slot == depth[j] - 1 ? depth[j] - in.oparg() : depth[j] - 1;
        continue;
      }
      if (depth[j] - u.inputs(in.oparg()) <= slot && stacks.levelOf(slot) == stacks.level()[j]) {
        return new Read(j, slot);
      }
      if (!quiet[j] && !(stacks.levelOf(slot) == 0 && callKeeps(uops, j, stacks))) {
        return Read.NONE;
      }
    }
    return Read.NONE;
  }

  /**
   * Whether uop j makes, enters or leaves an inlined callee's frame, which leaves the entry
   * frame's locals and its stack below the call alone: raw words there stay raw across the
   * call, and an exit in the callee boxes them {@link Exit#outerFrame()} frames back. A
   * callee's own raw slots do not outlive its frame changes ({@link #rawMayStayLiveAcross}),
   * and the entry frame's own return ends them all.
   */
  private static boolean callKeeps(List<UopInstr> uops, int j, Stacks stacks) {
    return stacks.own()[j] && switch (uops.get(j).uop()) {
      case INIT_CALL_PY_EXACT_ARGS, PUSH_FRAME -> true;
      case POP_FRAME -> stacks.level()[j] > 0;
      default -> false;
    };
  }

  /**
   * Per uop, whether a raw value may stay live across it ({@link #rawMayStayLiveAcross}), or it
   * is a generic {@code _BINARY_OP} of two values the uops before it made small ints: then its
   * native code computes it, or it escapes to the runtime's arithmetic on two ints (a big
   * result, a zero divisor's ZeroDivisionError), which runs no guest code either.
   */
  private static boolean[] quiet(List<UopInstr> uops, int[] depth) {
    boolean[] quiet = new boolean[uops.size()];
    // Slots holding values a uop made or proved small ints, by depth (as depths(), which may be
    // negative) plus off.
    int off = uops.size() + 1;
    BitSet ints = new BitSet();
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      Uop u = in.uop();
      int d = depth[i] + off;
      quiet[i] = rawMayStayLiveAcross(u)
          || u == Uop.BINARY_OP && ints.get(d - 1) && ints.get(d - 2);
      if (u == Uop.PUSH_FRAME || u == Uop.POP_FRAME || u == Uop.LOOP_HEAD) {
        ints.clear();
        continue;
      }
      int inputs = u.inputs(in.oparg());
      int popped = u.is(UopFlag.GUARD) ? inputs - u.outputs(in.oparg()) : inputs;
      ints.clear(d - popped, Math.max(d - popped, ints.length()));
      int after = d + u.stackEffect(in.oparg());
      for (GuardFact f : u.proves()) {
        if (f.fact() == TypeFact.INT && f.slot() != GuardFact.NOT_ON_STACK) {
          ints.set(after - f.slot());
        }
      }
      boolean smallConstant = u == Uop.LOAD_CONST_INLINE && (in.operand() & 1) != 0;
      if (smallConstant || u.produces().filter(f -> f == TypeFact.INT).isPresent()) {
        ints.set(after - 1);
      }
    }
    return quiet;
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
    // (A _LOAD_ATTR_SLOT allocates only the float of a raw attribute, _STORE_ATTR_SLOT_RAW an
    // instance's raw words: neither runs guest code or collects.)
    if (u.is(UopFlag.ALLOCATES) && !isFloatArithmetic(u) && u != Uop.LOAD_ATTR_SLOT
        && u != Uop.LOAD_ATTR_SLOT_FLOAT && u != Uop.STORE_ATTR_SLOT_RAW) {
      return false;
    }
    return switch (u) {
      case PUSH_FRAME, POP_FRAME, INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT, JUMP_TO_TOP -> false;
      default -> true;
    };
  }

  /**
   * Where each uop's frame's stack is before it. {@code depth} is a position: the stack's depth
   * relative to where it was when the trace entered that frame (the trace's own frame may start
   * deeper), shifted so the lowest is 0, plus {@code span} times how many inlined calls deep the
   * frame is ({@code level}), so that a caller's slots and its callee's never share a position.
   * {@code entryTop}, inside an inlined call, is the position of the entry frame's stack
   * pointer as the outermost call saved it: the entry frame's slots below it stay put until the
   * call returns. It is -1 in the entry frame. {@code own} is whether the entry frame has not
   * returned yet (a trace may return from it and go on in its caller).
   */
  private record Stacks(int[] depth, int[] level, int[] entryTop, boolean[] own, int span) {
    int levelOf(int position) {
      return position / span;
    }
  }

  private static Stacks stacks(List<UopInstr> uops) {
    int n = uops.size();
    int[] relative = new int[n];
    int[] level = new int[n];
    int[] entryTop = new int[n];
    boolean[] own = new boolean[n];
    boolean left = false;
    Deque<Integer> callers = new ArrayDeque<>();
    int d = 0;
    int top = -1;
    int low = 0;
    int high = 0;
    for (int i = 0; i < n; i++) {
      UopInstr in = uops.get(i);
      relative[i] = d;
      level[i] = callers.size();
      entryTop[i] = callers.isEmpty() ? -1 : top;
      own[i] = !left;
      d += in.uop().stackEffect(in.oparg());
      low = Math.min(low, d);
      high = Math.max(high, d);
      if (in.uop() == Uop.PUSH_FRAME) {
        if (callers.isEmpty()) {
          // Where the call cut the stack: the frame word _PUSH_FRAME just popped was there.
          top = d;
        }
        callers.push(d);
        d = 0;
      } else if (in.uop() == Uop.POP_FRAME) {
        // The entry frame's return: nothing raw outlives it, so an unknown caller's depth can
        // start a fresh count.
        left |= callers.isEmpty();
        d = callers.isEmpty() ? 0 : callers.pop() + 1;
      }
    }
    int span = high - low + 2;
    int[] depth = new int[n];
    for (int i = 0; i < n; i++) {
      depth[i] = relative[i] - low + level[i] * span;
      entryTop[i] = level[i] == 0 ? -1 : entryTop[i] - low;
    }
    return new Stacks(depth, level, entryTop, own, span);
  }

  /**
   * The index of an exit like exit k, taken at uop i, whose raw slots also include those live
   * now. Positions in uop i's frame become that frame's stack indices through the exit's depth,
   * which is the depth before the uop (an exiting uop that may run with raw slots live exits
   * before it changes anything); the entry frame's, inside an inlined call, become distances
   * below the stack pointer the call saved ({@link Exit#outerSlots()}).
   */
  private static int exitWithRaw(List<Exit> exits, Map<Exit, Integer> exitIndex, int k,
      TreeSet<Integer> raw, Stacks stacks, int i, List<AttrLoad> rawLoads) {
    Exit e = exits.get(k);
    int d = stacks.depth()[i];
    int level = stacks.level()[i];
    ImmutableSortedSet.Builder<Integer> slots = ImmutableSortedSet.naturalOrder();
    ImmutableSortedSet.Builder<Integer> outer = ImmutableSortedSet.naturalOrder();
    slots.addAll(e.rawSlots());
    outer.addAll(e.outerSlots());
    List<Exit.AttrSlot> attrs = new ArrayList<>(e.attrSlots());
    for (int p : raw) {
      if (stacks.levelOf(p) != level) {
        // reader() keeps only the entry frame's slots raw across a call.
        if (stacks.levelOf(p) != 0 || p >= stacks.entryTop()[i]) {
          throw new IllegalStateException("raw position " + p + " at uop " + i);
        }
        outer.add(stacks.entryTop()[i] - p);
        continue;
      }
      int slot = e.stackDepth() - (d - p);
      if (slot < 0) {
        throw new IllegalStateException("raw slot below the stack of " + e);
      }
      AttrLoad load = rawLoads.stream().filter(a -> a.holds(i, p)).findFirst().orElse(null);
      if (load != null) {
        attrs.add(new Exit.AttrSlot(slot, load.local(), load.slotWord()));
      } else {
        slots.add(slot);
      }
    }
    ImmutableSortedSet<Integer> outerSlots = outer.build();
    attrs.sort(Comparator.comparingInt(Exit.AttrSlot::slot));
    Exit withRaw = e.withRawSlots(slots.build()).withAttrSlots(ImmutableList.copyOf(attrs));
    if (!outerSlots.isEmpty()) {
      withRaw = withRaw.withRawOuter(e.rawLocals(), outerSlots, level);
    }
    Exit found = withRaw;
    return exitIndex.computeIfAbsent(withRaw, x -> {
      exits.add(found);
      return exits.size() - 1;
    });
  }

  /** The uop that reads a value (-1: none) and the stack position it reads it at. */
  private record Read(int uop, int slot) {
    static final Read NONE = new Read(-1, -1);
  }

  /**
   * A _LOAD_ATTR_SLOT that may load raw: it is uop {@code load}, its value sits at position
   * {@code position} until uop {@code reader} reads it, and it is attribute {@code slotWord} of
   * the instance in local {@code local}, which nothing changes in between ({@link
   * #attributeKept}). An exit there puts the attribute's own float back
   * ({@link Exit#attrSlots()}), so the value keeps its identity.
   */
  private record AttrLoad(int load, int reader, int position, int local, long slotWord) {
    boolean holds(int uop, int at) {
      return load < uop && uop <= reader && at == position;
    }
  }

  /**
   * The local whose instance _LOAD_ATTR_SLOT {@code i} loads from ({@code _LOAD_FAST L}, maybe
   * copied by {@code _COPY 1} as {@code a.x op= y} does, then the receiver's guards), or -1.
   */
  private static int receiverLocal(List<UopInstr> uops, int i) {
    int j = i - 1;
    while (j >= 0 && switch (uops.get(j).uop()) {
      case SET_IP, GUARD_TYPE, GUARD_TYPE_VERSION, GUARD_SHAPE -> true;
      default -> false;
    }) {
      j--;
    }
    if (j > 0 && uops.get(j).uop() == Uop.COPY && uops.get(j).oparg() == 1) {
      j = previous(uops, j);
    }
    if (j < 0) {
      return -1;
    }
    Uop u = uops.get(j).uop();
    return u == Uop.LOAD_FAST || u == Uop.LOAD_FAST_CHECK ? uops.get(j).oparg() : -1;
  }

  /**
   * Whether, from _LOAD_ATTR_SLOT {@code i} to its reader {@code r}, local {@code local} keeps
   * its instance and no attribute is stored, in the one frame: then the attribute still holds
   * what the load read (reader() has already ruled out guest code).
   */
  private static boolean attributeKept(List<UopInstr> uops, Stacks stacks, int i, int r,
      int local) {
    for (int j = i + 1; j <= r; j++) {
      UopInstr in = uops.get(j);
      Uop u = in.uop();
      if (stacks.level()[j] != stacks.level()[i] || u == Uop.STORE_ATTR_SLOT
          || u == Uop.STORE_ATTR_SLOT_RAW || u == Uop.PUSH_FRAME || u == Uop.POP_FRAME
          || (u == Uop.STORE_FAST || u == Uop.DELETE_FAST) && in.oparg() == local) {
        return false;
      }
    }
    return true;
  }

  private static boolean isFloatGuard(Uop u) {
    return u == Uop.GUARD_FLOAT_OPERANDS || u == Uop.GUARD_TOS_FLOAT_OPERAND
        || u == Uop.GUARD_NOS_FLOAT_OPERAND;
  }

  /** Float arithmetic, or a square root of a float (which {@link #withSqrtOfFloats} made). */
  private static boolean isFloatArithmetic(Uop u) {
    return rawForm(u) != null;
  }

  /** Where a float operation leaves its result: its first input's slot. */
  private static int resultSlot(UopInstr in, int depth) {
    return depth - in.uop().inputs(in.oparg());
  }

  /**
   * The uops with each {@code _CALL_MATH_SQRT 1} whose argument is sure to be a float made
   * {@code _CALL_MATH_SQRT_RAW} (no raw bits yet): an argument that float arithmetic made, or a
   * load of a local of the entry frame after a store of it, when every store of it in the trace
   * is of float arithmetic's result. Unlike _CALL_MATH_SQRT it runs no guest code (math.sqrt of
   * a float only computes or raises ValueError), so raw values may stay live across it and it
   * may read and leave raw bits like the other float operations.
   */
  private static List<UopInstr> withSqrtOfFloats(List<UopInstr> uops, int[] depth,
      boolean[] entryFrame) {
    List<UopInstr> out = null;
    Set<Integer> floatStores = new TreeSet<>();
    Set<Integer> otherStores = new TreeSet<>();
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      if (entryFrame[i] && in.uop() == Uop.STORE_FAST) {
        (i > 0 && producedByFloatArithmetic(uops, depth, i) ? floatStores : otherStores)
            .add(in.oparg());
      }
    }
    floatStores.removeAll(otherStores);
    Set<Integer> stored = new TreeSet<>();
    for (int i = 0; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      Uop u = in.uop();
      if (entryFrame[i] && u == Uop.STORE_FAST) {
        stored.add(in.oparg());
      }
      if (u != Uop.CALL_MATH_SQRT || in.oparg() != 1) {
        continue;
      }
      // The argument's producer right before the call (so no _KW_NAMES between).
      int j = previous(uops, i);
      UopInstr arg = j >= 0 ? uops.get(j) : null;
      boolean floatArg = producedByFloatArithmetic(uops, depth, i)
          || arg != null && entryFrame[j]
              && (arg.uop() == Uop.LOAD_FAST || arg.uop() == Uop.LOAD_FAST_CHECK)
              && floatStores.contains(arg.oparg()) && stored.contains(arg.oparg());
      if (floatArg) {
        if (out == null) {
          out = new ArrayList<>(uops);
        }
        out.set(i, new UopInstr(Uop.CALL_MATH_SQRT_RAW, 0, in.operand(), 0));
      }
    }
    return out == null ? uops : out;
  }

  /** Whether uop i's top input is the result of the float arithmetic right before it. */
  private static boolean producedByFloatArithmetic(List<UopInstr> uops, int[] depth, int i) {
    int j = previous(uops, i);
    return j >= 0 && isFloatArithmetic(uops.get(j).uop()) && depth[j + 1] == depth[i];
  }

  /** The index of the uop before uop i, past any _SET_IP; -1 when there is none. */
  private static int previous(List<UopInstr> uops, int i) {
    int j = i - 1;
    while (j >= 0 && uops.get(j).uop() == Uop.SET_IP) {
      j--;
    }
    return j;
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
      case CALL_MATH_SQRT_RAW -> Uop.CALL_MATH_SQRT_RAW;
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
