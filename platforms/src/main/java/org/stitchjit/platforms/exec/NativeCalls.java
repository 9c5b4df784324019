package org.stitchjit.platforms.exec;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Type;

/**
 * Calls machine code at an address with the platform's C calling convention (System V on
 * x86-64 Linux): up to four 64-bit integer or pointer arguments, a 64-bit result.
 *
 * <p>Goes through jffi's {@link Invoker} with one cached {@link CallContext} per arity, so a call
 * allocates nothing and needs no {@code com.kenai.jffi.Function} object per address. The
 * {@code NoErrno} entry points skip saving {@code errno}, which compiled code never sets.
 *
 * <p>If an {@link Upcall} made during the call threw, the code saw 0 from the upcall and ran on;
 * the exception is rethrown here when the code returns (see {@link Upcall}).
 */
public final class NativeCalls {
  /** Arguments passed in registers; more would not need more from this class. */
  public static final int MAX_ARGS = 4;

  private static final Invoker INVOKER = Invoker.getInstance();
  private static final CallContext[] CONTEXTS = new CallContext[MAX_ARGS + 1];

  static {
    for (int arity = 0; arity <= MAX_ARGS; arity++) {
      Type[] params = new Type[arity];
      java.util.Arrays.fill(params, Type.SINT64);
      CONTEXTS[arity] =
          CallContextCache.getInstance()
              .getCallContext(Type.SINT64, params, CallingConvention.DEFAULT, false);
    }
  }

  private NativeCalls() {}

  /** The signature {@code int64_t f(int64_t x arity)}, shared with upcalls. */
  static CallContext context(int arity) {
    return CONTEXTS[arity];
  }

  public static long call(long address) {
    long result = INVOKER.invokeL0NoErrno(CONTEXTS[0], checked(address));
    Upcall.rethrowPendingFailure();
    return result;
  }

  public static long call(long address, long arg0) {
    long result = INVOKER.invokeL1NoErrno(CONTEXTS[1], checked(address), arg0);
    Upcall.rethrowPendingFailure();
    return result;
  }

  public static long call(long address, long arg0, long arg1) {
    long result = INVOKER.invokeL2NoErrno(CONTEXTS[2], checked(address), arg0, arg1);
    Upcall.rethrowPendingFailure();
    return result;
  }

  public static long call(long address, long arg0, long arg1, long arg2) {
    long result = INVOKER.invokeL3NoErrno(CONTEXTS[3], checked(address), arg0, arg1, arg2);
    Upcall.rethrowPendingFailure();
    return result;
  }

  public static long call(long address, long arg0, long arg1, long arg2, long arg3) {
    long result =
        INVOKER.invokeL4NoErrno(CONTEXTS[4], checked(address), arg0, arg1, arg2, arg3);
    Upcall.rethrowPendingFailure();
    return result;
  }

  private static long checked(long address) {
    // A null target would take the whole JVM down with SIGSEGV; fail this call instead.
    if (address == 0) {
      throw new IllegalArgumentException("call of native address 0");
    }
    return address;
  }
}
