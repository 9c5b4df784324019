package org.stitchjit.api.uop;

import java.util.function.IntToLongFunction;
import org.stitchjit.api.bytecode.Opcode;

/**
 * Which inline-cache unit of a specialized instruction feeds each uop's oparg and operand, and
 * why an exit is taken: the rules every frontend and every test that builds regions from
 * bytecode share. {@code cache} reads cache unit n (0-based) of the instruction as the
 * interpreter left it before the instruction ran.
 */
public final class CacheOperands {
  private CacheOperands() {}

  /** The oparg of uop u in the expansion of instruction op with the given oparg. */
  public static int oparg(Opcode op, int instructionOparg, Uop u, IntToLongFunction cache) {
    return switch (u) {
      // The attrs header's offset: LOAD_ATTR_INSTANCE and STORE_ATTR_INSTANCE cache it in the
      // low half of their slot word; 0 makes the guard take it from the object's type.
      case GUARD_SHAPE -> switch (op) {
        case LOAD_ATTR_INSTANCE -> (int) cache.applyAsLong(2);
        case STORE_ATTR_INSTANCE -> (int) cache.applyAsLong(3);
        default -> 0;
      };
      // The value index: the high half of STORE_ATTR_INSTANCE's slot word.
      case STORE_ATTR_SLOT -> (int) (cache.applyAsLong(3) >>> 32);
      // Not from the cache: a frontend that saw a float there says so (Uop.FLOAT_SEEN).
      case LOAD_ATTR_SLOT -> 0;
      default -> instructionOparg;
    };
  }

  /** The 64-bit operand of uop u (which must have one) in the expansion of op. */
  public static long operand(Opcode op, Uop u, IntToLongFunction cache) {
    return switch (u) {
      case GUARD_GLOBALS_VERSION, GUARD_TYPE, CHECK_ATTR_MODULE, CHECK_CLASS_VERSION,
          CHECK_FUNCTION_CODE, GUARD_CLASS_VERSION ->
          cache.applyAsLong(0);
      // Only LOAD_METHOD_TYPE's expansion lists it: the class's function.
      case LOAD_CONST_INLINE -> cache.applyAsLong(1);
      case GUARD_BUILTINS_VERSION, GUARD_TYPE_VERSION, GUARD_MODULE_KEYS_VERSION,
          CHECK_FUNCTION_VERSION, CHECK_STACK_SPACE, INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT,
          CHECK_CALLABLE, CALL_BUILTIN -> cache.applyAsLong(1);
      case LOAD_GLOBAL_MODULE, LOAD_GLOBAL_BUILTINS, LOAD_ATTR_MODULE, STORE_ATTR_SLOT,
          LOAD_ATTR_SLOT -> cache.applyAsLong(2);
      case GUARD_SHAPE -> cache.applyAsLong(op == Opcode.LOAD_METHOD_CLASS ? 2 : 1);
      case LOAD_METHOD_CONST -> cache.applyAsLong(3);
      default -> throw new IllegalArgumentException("no operand rule for " + u.uopName());
    };
  }

  /**
   * False for a uop the expansion lists but that proves nothing with this operand and is
   * left out: a shape guard without a shape (the class's instances have no attributes, or the
   * receiver is not an instance at all).
   */
  public static boolean emitted(Uop u, long operand) {
    return !(u == Uop.GUARD_SHAPE && operand == 0);
  }

  /**
   * Whether uop u's exit resumes after its loop (at the FOR_ITER's jump target, one item
   * shallower: the iterator is gone) rather than at the start of its instruction: the uops
   * that leave because the iterator is exhausted, where redoing the FOR_ITER would only leave.
   */
  public static boolean exitLeavesLoop(Uop u) {
    return u == Uop.FOR_ITER_TIER_TWO || u == Uop.GUARD_NOT_EXHAUSTED_RANGE
        || u == Uop.GUARD_NOT_EXHAUSTED_LIST || u == Uop.GUARD_NOT_EXHAUSTED_TUPLE;
  }

  /** Why leaving through uop u's exit happens, for statistics and bridge decisions. */
  public static ExitReason exitReason(Uop u) {
    if (u == Uop.CHECK_PERIODIC) {
      return ExitReason.SAFEPOINT;
    }
    if (u == Uop.CHECK_VALIDITY) {
      return ExitReason.INVALIDATED;
    }
    if (u == Uop.EXIT_TRACE) {
      return ExitReason.END_OF_REGION;
    }
    if (u.name().startsWith("GUARD_IS_") || u.name().startsWith("GUARD_NOT_EXHAUSTED")
        || u.name().startsWith("GUARD_EXHAUSTED")
        || u == Uop.FOR_ITER_TIER_TWO) {
      return ExitReason.BRANCH;
    }
    return u.is(UopFlag.GUARD) ? ExitReason.GUARD_FAILED : ExitReason.SLOW_PATH;
  }
}
