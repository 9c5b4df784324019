package org.stitchjit.platforms;

import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * The one memory-access layer through which Java reads and writes guest state in native memory.
 *
 * <p>Static methods over a static final {@link Unsafe}: HotSpot intrinsifies these into plain
 * loads and stores, which is what lets an interpreter written in Java keep every guest object,
 * frame and operand stack outside the Java heap without paying for it on every access.
 * Addresses are raw; callers are trusted (the runtime only passes addresses it allocated).
 */
public final class Mem {
  private static final Unsafe U = loadUnsafe();

  private Mem() {}

  private static Unsafe loadUnsafe() {
    try {
      Field f = Unsafe.class.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      return (Unsafe) f.get(null);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /**
   * The Unsafe instance itself, for the interpreter's dispatch loop only: that method is larger
   * than HotSpot's inlining budget, so calls to these small static wrappers stay calls there,
   * while Unsafe's own accessors are force-inlined.
   */
  public static Unsafe unsafe() {
    return U;
  }

  public static long getLong(long address) {
    return U.getLong(address);
  }

  public static void putLong(long address, long value) {
    U.putLong(address, value);
  }

  public static int getInt(long address) {
    return U.getInt(address);
  }

  public static void putInt(long address, int value) {
    U.putInt(address, value);
  }

  public static byte getByte(long address) {
    return U.getByte(address);
  }

  public static void putByte(long address, byte value) {
    U.putByte(address, value);
  }

  public static double getDouble(long address) {
    return U.getDouble(address);
  }

  public static void putDouble(long address, double value) {
    U.putDouble(address, value);
  }

  /** Allocates uninitialized native memory; throws OutOfMemoryError when the OS refuses. */
  public static long allocate(long bytes) {
    return U.allocateMemory(bytes);
  }

  public static void free(long address) {
    U.freeMemory(address);
  }

  public static void zero(long address, long bytes) {
    U.setMemory(address, bytes, (byte) 0);
  }

  public static void fill(long address, long bytes, byte value) {
    U.setMemory(address, bytes, value);
  }

  public static void copy(long from, long to, long bytes) {
    U.copyMemory(from, to, bytes);
  }

  /** Copies native bytes into a Java array. */
  public static void copyToArray(long from, byte[] to, int offset, int length) {
    U.copyMemory(null, from, to, Unsafe.ARRAY_BYTE_BASE_OFFSET + offset, length);
  }

  /** Copies a Java array into native memory. */
  public static void copyFromArray(byte[] from, int offset, long to, int length) {
    U.copyMemory(from, Unsafe.ARRAY_BYTE_BASE_OFFSET + offset, null, to, length);
  }

  public static void copyFromArray(long[] from, int offset, long to, int length) {
    U.copyMemory(from, Unsafe.ARRAY_LONG_BASE_OFFSET + 8L * offset, null, to, 8L * length);
  }

  public static void copyFromArray(int[] from, int offset, long to, int length) {
    U.copyMemory(from, Unsafe.ARRAY_INT_BASE_OFFSET + 4L * offset, null, to, 4L * length);
  }

  public static void copyToArray(long from, int[] to, int offset, int length) {
    U.copyMemory(null, from, to, Unsafe.ARRAY_INT_BASE_OFFSET + 4L * offset, 4L * length);
  }
}
