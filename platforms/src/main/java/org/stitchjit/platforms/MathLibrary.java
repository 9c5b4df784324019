package org.stitchjit.platforms;

import com.kenai.jffi.CallContext;
import com.kenai.jffi.CallContextCache;
import com.kenai.jffi.CallingConvention;
import com.kenai.jffi.Invoker;
import com.kenai.jffi.Library;
import com.kenai.jffi.Type;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The platform's C math library (glibc's libm on Linux): the addresses of its functions, for
 * native code to call, and calls of them from Java.
 *
 * <p>CPython's math module calls these functions, and Java's own ({@link Math}'s intrinsics,
 * {@link StrictMath}'s fdlibm) differ from glibc's in the last bit on a fraction of arguments:
 * {@code Math.sin} on 0.2% of a million, for example. The interpreter calls them through here
 * and compiled code calls the same addresses, so that both print what CPython prints, bit for
 * bit, and agree with each other.
 *
 * <p>A call from Java goes through jffi's generic (libffi) path, the one that passes doubles:
 * some 45 ns against 20 for {@code Math.sin}.
 */
public final class MathLibrary {
  private static final Invoker INVOKER = Invoker.getInstance();
  private static final CallContext UNARY = context(1);
  private static final CallContext BINARY = context(2);
  private static final Library LIBRARY = open();
  private static final ConcurrentHashMap<String, Long> ADDRESSES = new ConcurrentHashMap<>();

  private MathLibrary() {}

  private static CallContext context(int arity) {
    Type[] params = new Type[arity];
    java.util.Arrays.fill(params, Type.DOUBLE);
    return CallContextCache.getInstance()
        .getCallContext(Type.DOUBLE, params, CallingConvention.DEFAULT, false);
  }

  private static Library open() {
    if (Platform.current().os() == Platform.Os.LINUX) {
      Library libm = Library.getCachedInstance("libm.so.6", Library.LAZY | Library.GLOBAL);
      if (libm != null) {
        return libm;
      }
    }
    // Elsewhere the C runtime the JVM already loaded exports the math functions.
    return Library.getDefault();
  }

  /**
   * The address of the math library's function {@code name} (such as {@code "sin"}).
   *
   * @throws IllegalStateException when the library has no such function
   */
  public static long address(String name) {
    return ADDRESSES.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> {
      long a = LIBRARY == null ? 0 : LIBRARY.getSymbolAddress(n);
      if (a == 0) {
        throw new IllegalStateException("the C math library has no function " + n + " ("
            + Library.getLastError() + ")");
      }
      return a;
    });
  }

  /** Calls {@code double f(double)} at address f. */
  public static double call(long f, double x) {
    return Double.longBitsToDouble(INVOKER.invokeN1(UNARY, f, Double.doubleToRawLongBits(x)));
  }

  /** Calls {@code double f(double, double)} at address f. */
  public static double call(long f, double x, double y) {
    return Double.longBitsToDouble(INVOKER.invokeN2(BINARY, f, Double.doubleToRawLongBits(x),
        Double.doubleToRawLongBits(y)));
  }
}
