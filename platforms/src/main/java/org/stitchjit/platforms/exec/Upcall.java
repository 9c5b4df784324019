package org.stitchjit.platforms.exec;

import com.kenai.jffi.Closure;
import com.kenai.jffi.ClosureManager;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongBinaryOperator;
import java.util.function.LongSupplier;
import java.util.function.LongUnaryOperator;

/**
 * A native function pointer that calls Java: {@code int64_t f(int64_t...)} with the C calling
 * convention, backed by a jffi closure. For slow paths only; an upcall costs several times a
 * downcall (architecture decision 9).
 *
 * <p><b>Exceptions.</b> jffi lets an exception thrown by the Java side stay pending while the
 * native caller carries on with an undefined result, and a second upcall made with an exception
 * pending is undefined behaviour in JNI. So the callback's exception is caught here: the native
 * caller sees 0 (design slow paths so that 0 means "failed, exit"), further upcalls run normally,
 * and the first exception is rethrown by {@link NativeCalls} on this thread when the outermost
 * native code returns (later ones are attached as suppressed). Code entered some other way calls
 * {@link #rethrowPendingFailure()} itself.
 *
 * <p><b>Lifetime.</b> The function pointer stays valid until {@link #close()}, even if this
 * object becomes unreachable: a pointer embedded in machine code must never dangle, so an
 * unclosed upcall leaks rather than being reclaimed by the GC.
 */
public final class Upcall implements AutoCloseable {

  /** A callback of three arguments. */
  @FunctionalInterface
  public interface LongTernaryOperator {
    long applyAsLong(long a, long b, long c);
  }

  /** A callback of four arguments. */
  @FunctionalInterface
  public interface LongQuaternaryOperator {
    long applyAsLong(long a, long b, long c, long d);
  }

  private interface Body {
    long run(Closure.Buffer args);
  }

  /** Threads with a pending failure; lets the common case cost one volatile read. */
  private static final AtomicInteger PENDING_COUNT = new AtomicInteger();

  private static final ThreadLocal<Throwable> PENDING = new ThreadLocal<>();

  private final Closure.Handle handle;
  private final long address;
  private final int arity;
  private boolean closed;

  private Upcall(Closure.Handle handle, int arity) {
    this.handle = handle;
    this.address = handle.getAddress();
    this.arity = arity;
  }

  public static Upcall of(LongSupplier callback) {
    Objects.requireNonNull(callback, "callback");
    return create(0, args -> callback.getAsLong());
  }

  public static Upcall of(LongUnaryOperator callback) {
    Objects.requireNonNull(callback, "callback");
    return create(1, args -> callback.applyAsLong(args.getLong(0)));
  }

  public static Upcall of(LongBinaryOperator callback) {
    Objects.requireNonNull(callback, "callback");
    return create(2, args -> callback.applyAsLong(args.getLong(0), args.getLong(1)));
  }

  public static Upcall of(LongTernaryOperator callback) {
    Objects.requireNonNull(callback, "callback");
    return create(
        3, args -> callback.applyAsLong(args.getLong(0), args.getLong(1), args.getLong(2)));
  }

  public static Upcall of(LongQuaternaryOperator callback) {
    Objects.requireNonNull(callback, "callback");
    return create(
        4,
        args ->
            callback.applyAsLong(
                args.getLong(0), args.getLong(1), args.getLong(2), args.getLong(3)));
  }

  private static Upcall create(int arity, Body body) {
    Closure closure =
        args -> {
          long result;
          try {
            result = body.run(args);
          } catch (Throwable t) {
            recordFailure(t);
            result = 0;
          }
          args.setLongReturn(result);
        };
    Closure.Handle handle =
        ClosureManager.getInstance().newClosure(closure, NativeCalls.context(arity));
    handle.setAutoRelease(false);
    return new Upcall(handle, arity);
  }

  /** The function pointer native code calls. */
  public synchronized long address() {
    if (closed) {
      throw new IllegalStateException("upcall is closed");
    }
    return address;
  }

  /** How many arguments the function takes. */
  public int arity() {
    return arity;
  }

  /** Releases the function pointer; no native code may call it afterwards. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      handle.dispose();
    }
  }

  /**
   * Rethrows, on this thread, the exception an upcall caught since native code was entered, if
   * any, and clears it. {@link NativeCalls} does this after every call.
   */
  public static void rethrowPendingFailure() {
    if (PENDING_COUNT.get() == 0) {
      return;
    }
    Throwable t = PENDING.get();
    if (t == null) {
      return;
    }
    PENDING.remove();
    PENDING_COUNT.decrementAndGet();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new UndeclaredThrowableException(t, "an upcall threw a checked exception");
  }

  private static void recordFailure(Throwable t) {
    Throwable first = PENDING.get();
    if (first == null) {
      PENDING.set(t);
      PENDING_COUNT.incrementAndGet();
    } else if (first != t) {
      first.addSuppressed(t);
    }
  }

  @Override
  public String toString() {
    return "Upcall[0x" + Long.toHexString(address) + ", " + arity + " args"
        + (closed ? ", closed" : "") + "]";
  }
}
