package org.stitchjit.optimizer;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.uop.RawLocals;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.Trace;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopFlag;
import org.stitchjit.api.uop.UopInstr;

/**
 * The pass {@code dead-code}: removes uops whose effect nothing observes.
 *
 * <ul>
 *   <li><b>Instruction pointers.</b> The recorder puts a {@code _SET_IP} before every
 *       instruction, but only some uops read the frame's IP: those that may run the runtime
 *       (escaping, allocating: they may raise, and a traceback names the line), a call that
 *       saves its caller's IP ({@code _INIT_CALL_PY_EXACT_ARGS}), the frame changes, and the
 *       terminators that hand an instruction to the interpreter. Exits write the IP themselves,
 *       from the exit table. A {@code _SET_IP} is kept when such a uop follows it before the
 *       next {@code _SET_IP}, and removed otherwise. ({@link #readsIp})
 *   <li><b>Validity checks after instructions that no longer escape.</b> The recorder puts a
 *       {@code _CHECK_VALIDITY} at the start of every instruction after one that escaped,
 *       because guest code may have run and changed what the region relies on. When the
 *       passes made every uop of that instruction native ({@code _CALL_MATH_SQRT} of a raw
 *       float, say), nothing can have changed and the check goes. The instruction is what
 *       lies back to its {@code _SET_IP}; without one in reach, the check stays.
 *   <li><b>Values pushed and popped unused.</b> A uop that only pushes a value, with no effect
 *       and no exit ({@link UopFlag#PURE}, no {@link UopFlag#EXIT}, no inputs, one output),
 *       followed by {@code _POP_TOP} with nothing kept in between: both go (an expression statement
 *       of a name or constant, the operands of a folded constant, a promoted module whose
 *       attribute became a constant).
 * </ul>
 *
 * Exits are untouched, and every exit's stack depth stays right: removed uops come in pairs
 * that leave the depth as it was, or change no stack at all. Block regions are returned as
 * they are (the pass works on traces; no frontend records blocks yet).
 */
public final class DeadCodePass implements OptimizerPass {
  public static final String NAME = "dead-code";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Region run(Region region, PassContext stats) {
    if (!(region instanceof Trace trace)) {
      return region;
    }
    List<UopInstr> in = trace.uops();
    List<UopInstr> out = new ArrayList<>(in.size());
    long setIps = 0;
    long pairs = 0;
    long validityChecks = 0;
    for (int i = 0; i < in.size(); i++) {
      UopInstr u = in.get(i);
      if (u.uop() == Uop.CHECK_VALIDITY && !instructionBeforeEscapes(in, i)) {
        validityChecks++;
        continue;
      }
      if (u.uop() == Uop.SET_IP && !ipReadBeforeNextSetIp(in, i + 1)) {
        setIps++;
        continue;
      }
      if (u.uop() == Uop.POP_TOP && !out.isEmpty() && pushesOnly(out.get(out.size() - 1))) {
        // Against what was kept, not the input: pairs nest (a folded constant's operands) and
        // may be split by a _SET_IP this pass removes.
        out.remove(out.size() - 1);
        pairs++;
        continue;
      }
      out.add(u);
    }
    if (setIps + pairs + validityChecks == 0) {
      return region;
    }
    stats.count("set-ip-removed", setIps);
    stats.count("push-pop-removed", pairs);
    stats.count("validity-checks-removed", validityChecks);
    stats.count("uops-removed", setIps + 2 * pairs + validityChecks);
    return Trace.of(ImmutableList.copyOf(out), trace.exits());
  }

  /**
   * Whether the instruction before the {@code _CHECK_VALIDITY} at {@code check} may have run
   * guest code: a uop back to its {@code _SET_IP} escapes, or no {@code _SET_IP} bounds it.
   */
  private static boolean instructionBeforeEscapes(List<UopInstr> uops, int check) {
    for (int j = check - 1; j >= 0; j--) {
      Uop u = uops.get(j).uop();
      if (u == Uop.SET_IP) {
        return false;
      }
      if (u.is(UopFlag.ESCAPES) || u == Uop.LOOP_HEAD) {
        return true;
      }
    }
    return true;
  }

  private static boolean ipReadBeforeNextSetIp(List<UopInstr> uops, int from) {
    for (int j = from; j < uops.size(); j++) {
      Uop u = uops.get(j).uop();
      if (u == Uop.SET_IP) {
        return false;
      }
      if (readsIp(uops.get(j))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the uop may read the current frame's IP, directly or through the runtime. */
  static boolean readsIp(UopInstr in) {
    Uop u = in.uop();
    if (u != Uop.BINARY_OP_TRUE_DIVIDE_FLOAT_RAW && u != Uop.CALL_MATH_SQRT_RAW
        && RawLocals.rawResult(u, in.oparg())) {
      // Float arithmetic that leaves its result raw allocates nothing and cannot raise (the
      // division and the square root can).
      return false;
    }
    if (u == Uop.LOAD_ATTR_SLOT || u == Uop.LOAD_ATTR_SLOT_FLOAT
        || u == Uop.STORE_ATTR_SLOT_RAW) {
      // Their one allocation (a raw float attribute's box, an instance's raw words) goes past
      // the heap limit: no MemoryError, whose traceback would need the IP.
      return false;
    }
    if (u.is(UopFlag.ESCAPES) || u.is(UopFlag.ALLOCATES)) {
      return true;
    }
    if (u.is(UopFlag.TERMINATOR)) {
      // _EXIT_TRACE leaves through its exit, which writes the IP; _JUMP_TO_TOP and _JUMP go on.
      return u != Uop.EXIT_TRACE && u != Uop.JUMP_TO_TOP && u != Uop.JUMP;
    }
    return u.initsFrame() || u == Uop.PUSH_FRAME || u == Uop.POP_FRAME;
  }

  private static boolean pushesOnly(UopInstr in) {
    Uop u = in.uop();
    return u.is(UopFlag.PURE) && !u.is(UopFlag.EXIT) && !u.is(UopFlag.ESCAPES)
        && !u.is(UopFlag.ALLOCATES) && u.inputs(in.oparg()) == 0 && u.outputs(in.oparg()) == 1;
  }
}
