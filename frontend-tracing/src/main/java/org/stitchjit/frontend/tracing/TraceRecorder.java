package org.stitchjit.frontend.tracing;

import com.google.common.collect.ImmutableList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.uop.CacheOperands;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Expansions;
import org.stitchjit.api.uop.OperandKind;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;

/**
 * Records one trace. The interpreter reports each instruction before executing it; the
 * recorder turns the <em>previous</em> one into uops when it sees where execution went next,
 * because only then is a branch's direction, a call's entry into its callee or a return into
 * the caller known. Each instruction becomes {@code _SET_IP} plus its traced expansion
 * ({@link Expansions}), with operands read from the inline caches as the interpreter left them.
 *
 * <p>The trace ends when it closes its loop ({@code _JUMP_TO_TOP}), and otherwise with {@code
 * _EXIT_TRACE} before the first instruction it cannot follow: an inner loop's backward edge,
 * another region's entry (the interpreter enters that region next, so traces link), a call or
 * return the trace cannot inline, an instruction without a traced form, or the length limit.
 */
final class TraceRecorder implements Recorder {
  /** Inlined frames deeper than this end the trace (deep recursion would unroll forever). */
  static final int MAX_INLINE_DEPTH = 6;

  private final RegionStart start;
  private final int lengthLimit;
  private final Trace.Builder trace = Trace.builder();
  private int length;
  private int instructions;

  /** Frames the trace is in: the root at the bottom, inlined callees above it. */
  private final Deque<Long> frames = new ArrayDeque<>();
  /** The inlined frames that run a class's {@code __init__} for a call of the class. */
  private final Set<Long> initFrames = new HashSet<>();

  // The instruction reported last, not yet emitted.
  private CodeView pCode;
  private int pIndex = -1;
  private long pFrame;
  private int pDepth;
  private Opcode pOp;
  private int pOparg;
  /** The pending instruction's inline caches as they were before it executed. */
  private final long[] pCache = new long[8];
  /**
   * The pending attribute or call instruction is recorded in the specialized form observed
   * for its receiver or callee (pOp and pCache hold that form), whatever form the code holds.
   */
  private boolean pObserved;
  /** What the pending LOAD_ATTR_INSTANCE's attribute held (Uop.FLOAT_SEEN, RAW_FLOATS_SEEN). */
  private int pSeen;

  /**
   * The KW_NAMES instruction just emitted, or -1. The keyword names it sets live only in the
   * interpreter's registers until the CALL after it, so anything that hands that CALL back to
   * the interpreter resumes at the KW_NAMES instead.
   */
  private int kwNamesIndex = -1;
  private int kwNamesPending = -1;

  /** The instruction emitted last escaped: the next one starts with _CHECK_VALIDITY. */
  private boolean checkValidity;

  private Region result;
  private String abortReason;

  TraceRecorder(RegionStart start, int lengthLimit) {
    this.start = start;
    this.lengthLimit = lengthLimit;
    frames.push(start.frame());
  }

  @Override
  public Step record(CodeView code, int index, long frame, long callerFrame, int stackDepth) {
    boolean atStart = pIndex < 0;
    if (pIndex < 0) {
      if (code.id() != start.code().id() || index != start.index() || frame != start.frame()) {
        return abort("lost-start");
      }
    } else {
      Step s = emitPrevious(code, index, frame, callerFrame);
      if (s != Step.CONTINUE) {
        return s;
      }
    }
    Opcode op = code.opcode(index);
    if (op == Opcode.ENTER_EXECUTOR && pIndex < 0 && start.kind() == RegionStart.Kind.BRIDGE) {
      // A bridge from an exit that resumes at another loop's edge (a loop left through its
      // exhausted iterator): only the edge's safepoint check, after which the driver links
      // it into that loop's region.
      trace.addWithExit(Uop.CHECK_PERIODIC,
          new Exit(code.id(), index, stackDepth, ExitReason.SAFEPOINT));
      trace.addWithExit(Uop.EXIT_TRACE,
          new Exit(code.id(), index, stackDepth, ExitReason.END_OF_REGION));
      return done();
    }
    if (op == Opcode.ENTER_EXECUTOR && pIndex < 0) {
      return abort("starts-at-executor");
    }
    if (op == Opcode.ENTER_EXECUTOR) {
      // Another region starts here: end so that the interpreter enters it. It stands in for a
      // backward jump, a safepoint: checked here, so that a backend may link this exit
      // straight into that region without a cycle of linked code skipping every safepoint.
      if (instructions == 0) {
        return abort("too-short:linked");
      }
      trace.addWithExit(Uop.CHECK_PERIODIC,
          new Exit(code.id(), index, stackDepth, ExitReason.SAFEPOINT));
      return endBefore(code, index, stackDepth, "linked");
    }
    pCode = code;
    pIndex = index;
    pFrame = frame;
    pDepth = stackDepth;
    pOp = op;
    pOparg = code.oparg(index);
    pObserved = false;
    RegionEnvironment env = start.environment();
    if (op == Opcode.FOR_ITER && env != null && env.observeGenerator(frame, stackDepth)
        && !(atStart && start.kind() == RegionStart.Kind.BRIDGE)) {
      // A generator: compiled code resumes it and leaves for the driver, which goes on in
      // the generator's resume-site region; the caller waits after its FOR_ITER. Not in a
      // bridge of its exit (a generator not suspended, say): that records the generic path.
      return endWithGeneratorSwitch(Uop.FOR_ITER_GEN, index + op.size(), ExitReason.SLOW_PATH);
    }
    if (op == Opcode.YIELD_VALUE && frames.size() == 1 && !atStart) {
      // A generator's frame is always a trace's root: inlined frames are calls. Compiled code
      // yields to a caller that resumed it with _FOR_ITER_GEN; Java's resume takes the exit.
      // Not as a trace's first instruction: a bridge of that exit would be the same uop, and
      // its own exit would grow another, each compiled and none making progress.
      return endWithGeneratorSwitch(Uop.YIELD_GEN, index, ExitReason.END_OF_REGION);
    }
    Optional<RegionEnvironment.Specialization> seen = observe(code, index, frame, stackDepth);
    if (seen.isPresent()) {
      pOp = seen.get().form();
      System.arraycopy(seen.get().cache(), 0, pCache, 0, pOp.cacheUnits);
      pObserved = true;
    } else {
      for (int n = 0; n < op.cacheUnits; n++) {
        pCache[n] = code.cache(index, n);
      }
    }
    pSeen = pOp == Opcode.LOAD_ATTR_INSTANCE && env != null
        ? env.observeAttributeValue(frame, stackDepth, pCache) : 0;
    return Step.CONTINUE;
  }

  /**
   * The specialized form of an attribute instruction for the receiver it is about to see (or
   * of a call for the callable it is about to call), as
   * a tracing JIT specializes on the concrete receiver: a polymorphic site the interpreter
   * left generic (each generic instruction would escape to the runtime) or a specialized one
   * about to miss and re-specialize (which would end the trace) becomes that receiver's guards
   * and fast path. Another receiver fails a guard, whose exit grows a bridge for it when hot,
   * so the site ends up as a small tree of specialized paths.
   */
  private Optional<RegionEnvironment.Specialization> observe(CodeView code, int index,
      long frame, int stackDepth) {
    RegionEnvironment env = start.environment();
    Opcode family = pOp.family();
    if (env != null && family == Opcode.CALL && pOp != Opcode.CALL_BUILTIN) {
      // Likewise a call the interpreter left generic (its callables vary: task.run(...)
      // for tasks of several classes) is inlined behind a guard on the callee it makes.
      if (kwNamesPending >= 0) {
        return Optional.empty();
      }
      Optional<RegionEnvironment.Specialization> seen =
          env.observeCall(code, index, frame, stackDepth);
      // A specialized call about to hit is recorded from its own caches: its identity guard
      // is one the types pass can prove.
      boolean hit = seen.isPresent() && seen.get().form() == pOp
          && seen.get().cache()[1] == code.cache(index, 1)
          && (pOp != Opcode.CALL_ALLOC_AND_ENTER_INIT
              || seen.get().cache()[0] == code.cache(index, 0));
      return hit ? Optional.empty() : seen;
    }
    if (env == null || family != Opcode.LOAD_ATTR && family != Opcode.STORE_ATTR
        && family != Opcode.LOAD_METHOD || pOp == Opcode.LOAD_ATTR_MODULE) {
      return Optional.empty();
    }
    return env.observeAttribute(code, index, frame, stackDepth);
  }

  /** Emits the pending instruction given where execution went next. */
  private Step emitPrevious(CodeView code, int index, long frame, long callerFrame) {
    long current = frames.peek();
    Opcode family = pOp.family();
    if (pOp.isSpecialized() && !pObserved
        && (pCode.opcode(pIndex) != pOp || cachesChanged())) {
      // The specialization did not hold for this execution (the instruction deoptimized or
      // re-specialized itself): what was recorded is not what ran.
      return endBeforePrevious("respecialized");
    }
    List<Uop> uops;
    if (frame == current) {
      if (family == Opcode.JUMP_BACKWARD) {
        // The trace's own loop; or the loop a bridge (or a function's entry) started at the
        // head of: it closes too, since the driver would not continue a region into itself,
        // and the loop would alternate between one compiled iteration and one interpreted.
        if (frames.size() == 1 && index == start.index() && code.id() == start.code().id()
            && pDepth == start.stackDepth()) {
          emitInstruction(List.of(Uop.CHECK_PERIODIC));
          trace.add(Uop.JUMP_TO_TOP);
          return done();
        }
        // Another loop edge (an inner loop, or a second back edge of the loop, as an else
        // branch compiles to): take the jump and end at its target. The driver continues in
        // the region that starts there, if any; otherwise that loop gets a trace of its own.
        if (length + 4 > lengthLimit) {
          return endBeforePrevious("length");
        }
        emitInstruction(List.of(Uop.CHECK_PERIODIC));
        trace.addWithExit(Uop.EXIT_TRACE,
            new Exit(pCode.id(), pOparg, pDepth, ExitReason.END_OF_REGION));
        return done();
      }
      boolean jumped = pOp.isJump() && index == pOparg && index != pIndex + pOp.size();
      if (jumped && family == Opcode.FOR_ITER && start.kind() == RegionStart.Kind.LOOP
          && pIndex == start.index() && pCode.id() == start.code().id()) {
        // A loop trace is for the loop's body: one that finds its iterator done at once ends
        // (too short), and the loop is recorded again later. Other traces follow a loop out
        // (_GUARD_EXHAUSTED_*): a bridge of a loop that is often short, say.
        return endBeforePrevious("untraceable-for_iter");
      }
      Optional<ImmutableList<Uop>> t = Expansions.of(pOp).traced(jumped);
      if (t.isEmpty() || family == Opcode.CALL && pOp != Opcode.CALL_BUILTIN
          && pOp != Opcode.CALL) {
        return endBeforePrevious("untraceable-" + family.name().toLowerCase());
      }
      if (family == Opcode.RETURN_VALUE) {
        return endBeforePrevious("return");
      }
      uops = t.get();
    } else if ((pOp == Opcode.CALL_PY_EXACT_ARGS || pOp == Opcode.CALL_ALLOC_AND_ENTER_INIT)
        && index == 0 && callerFrame == current) {
      if (frames.size() >= MAX_INLINE_DEPTH) {
        return endBeforePrevious("inline-depth");
      }
      uops = Expansions.of(pOp).traced(false).orElseThrow();
      if (pObserved && pOp == Opcode.CALL_PY_EXACT_ARGS) {
        // An observed call guards on the callee's code (cache 0), not its identity: the
        // interpreter left the site generic, often because the function is made anew for
        // each call (a closure, a comprehension), which an identity guard would always fail.
        uops = uops.stream()
            .map(u -> u == Uop.CHECK_FUNCTION_VERSION ? Uop.CHECK_FUNCTION_CODE : u).toList();
      }
      frames.push(frame);
      if (pOp == Opcode.CALL_ALLOC_AND_ENTER_INIT) {
        initFrames.add(frame);
      }
    } else if (family == Opcode.RETURN_VALUE && frames.size() > 1
        && frame == secondFrame()) {
      if (initFrames.remove(current)) {
        // __init__ returns None, which the call's result, the instance waiting below in the
        // caller's stack, replaces; anything else is the interpreter's TypeError to raise.
        uops = List.of(Uop.GUARD_INIT_RETURNS_NONE, Uop.POP_FRAME, Uop.POP_TOP);
      } else {
        uops = Expansions.of(pOp).traced(false).orElseThrow();
      }
      frames.pop();
    } else if (family == Opcode.RETURN_VALUE && frames.size() == 1) {
      // A return from the root frame: the region ends by handing the return itself to the
      // interpreter, whose caller runs there anyway. Not an exit: there is nothing to bridge.
      if (length + 2 > lengthLimit) {
        return endBeforePrevious("length");
      }
      emitInstruction(List.of(Uop.RETURN_VALUE));
      return done();
    } else {
      // A call the trace cannot inline (generic, a class, a generator), an exception handler
      // elsewhere.
      return endBeforePrevious("frame-change-" + family.name().toLowerCase());
    }
    if (length + uops.size() + 3 > lengthLimit) {
      return endBeforePrevious("length");
    }
    emitInstruction(uops);
    return Step.CONTINUE;
  }

  private long secondFrame() {
    var it = frames.iterator();
    it.next();
    return it.next();
  }

  private void emitInstruction(List<Uop> uops) {
    validityCheck();
    trace.add(Uop.SET_IP, pIndex);
    length++;
    instructions++;
    kwNamesIndex = kwNamesPending;
    kwNamesPending = pOp == Opcode.KW_NAMES ? pIndex : -1;
    for (Uop u : uops) {
      if (u.has(OperandKind.OPERAND) && !CacheOperands.emitted(u, operandFor(u))) {
        continue;
      }
      trace.add(instr(u));
      length++;
      checkValidity |= u.is(UopFlag.ESCAPES);
    }
  }

  private void validityCheck() {
    if (checkValidity) {
      // Guest code may have run in the instruction before (it escaped to the runtime), and
      // changed what the region relies on: a promoted global, a class. The check goes where
      // the interpreter can resume, at this instruction's start, as CPython's
      // _CHECK_VALIDITY_AND_SET_IP does.
      trace.addWithExit(Uop.CHECK_VALIDITY,
          new Exit(pCode.id(), pIndex, pDepth, ExitReason.INVALIDATED));
      length++;
      checkValidity = false;
    }
  }

  /** Where the interpreter resumes to re-execute the pending instruction. */
  private int resumeIndex() {
    return kwNamesPending >= 0 ? kwNamesPending : pIndex;
  }

  /** One uop of the pending instruction with its oparg, operand and exit. */
  private UopInstr instr(Uop u) {
    int oparg = u.has(OperandKind.OPARG) ? opargFor(u) : 0;
    long operand = u.has(OperandKind.OPERAND) ? operandFor(u) : 0;
    int target = 0;
    if (u.has(OperandKind.EXIT)) {
      target = trace.addExit(exitFor(u));
    }
    return new UopInstr(u, oparg, operand, target);
  }

  private int opargFor(Uop u) {
    if (u == Uop.LOAD_ATTR_SLOT) {
      return pSeen;
    }
    return CacheOperands.oparg(pOp, pOparg, u, n -> pCache[n]);
  }

  private long operandFor(Uop u) {
    return CacheOperands.operand(pOp, u, n -> pCache[n]);
  }

  /** True when executing the pending instruction rewrote its caches (a new callee, shape). */
  private boolean cachesChanged() {
    for (int n = 0; n < pOp.cacheUnits; n++) {
      if (pCode.cache(pIndex, n) != pCache[n]) {
        return true;
      }
    }
    return false;
  }

  private Exit exitFor(Uop u) {
    long code = pCode.id();
    if (CacheOperands.exitLeavesLoop(u)) {
      // Exhausted: the iterator is gone and the loop is left, as the interpreter would. The
      // interpreter then continues after the loop, often at an outer loop's edge whose region
      // the driver enters directly, rather than redoing the FOR_ITER only to leave.
      return new Exit(code, pOparg, pDepth - 1, ExitReason.BRANCH);
    }
    return new Exit(code, kwNamesIndex >= 0 ? kwNamesIndex : pIndex, pDepth,
        CacheOperands.exitReason(u));
  }

  /**
   * Ends the trace with the pending instruction as a switch between a generator's frame and
   * its caller ({@code _FOR_ITER_GEN}, {@code _YIELD_GEN}): it leaves the region, and its exit,
   * for what it cannot do natively, resumes at the instruction.
   */
  private Step endWithGeneratorSwitch(Uop u, int oparg, ExitReason reason) {
    if (length + 3 > lengthLimit) {
      return endBeforePrevious("length");
    }
    validityCheck();
    trace.add(Uop.SET_IP, pIndex);
    int exit = trace.addExit(new Exit(pCode.id(), pIndex, pDepth, reason));
    trace.add(new UopInstr(u, oparg, 0, exit));
    length += 2;
    instructions++;
    return done();
  }

  private Step endBeforePrevious(String why) {
    return endBefore(pCode, resumeIndex(), pDepth, why);
  }

  private Step endBefore(CodeView code, int index, int depth, String why) {
    if (instructions == 0) {
      return abort("too-short:" + why);
    }
    trace.addWithExit(Uop.EXIT_TRACE,
        new Exit(code.id(), index, depth, ExitReason.END_OF_REGION));
    return done();
  }


  private Step done() {
    result = trace.build();
    return Step.DONE;
  }

  private Step abort(String why) {
    abortReason = why;
    return Step.ABORT;
  }

  @Override
  public Step interrupted(String why) {
    if (result != null) {
      return Step.DONE;
    }
    if (abortReason != null) {
      return Step.ABORT;
    }
    if (pIndex < 0) {
      return abort("interrupted:" + why);
    }
    return endBeforePrevious("interrupted:" + why);
  }

  @Override
  public Optional<Region> region() {
    return Optional.ofNullable(result);
  }

  @Override
  public String abortReason() {
    return abortReason;
  }
}
