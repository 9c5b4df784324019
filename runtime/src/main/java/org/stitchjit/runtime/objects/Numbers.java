package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;

import java.math.BigInteger;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.text.FloatFormat;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Numeric helpers shared by int, bool and float and used by the builtins (abs, divmod, pow,
 * round, min/max, sorted) and the math module.
 *
 * <p>Internally an int operand is handled as an "int word": the tagged small int itself, or the
 * address of a big int object. Big int objects are always normalized (the VM makes one only
 * when the value does not fit a small int), so a word that is a pointer is known to lie outside
 * the small range; several comparisons rely on that to avoid building BigIntegers. A bool's
 * VALUE slot already holds a tagged 0 or 1, so a bool's int word is a single load.
 */
public final class Numbers {
  private Numbers() {}

  /** The modulus of CPython's numeric hash, 2**61 - 1 (a Mersenne prime). */
  static final long HASH_MODULUS = (1L << 61) - 1;
  static final long HASH_INF = 314159;

  /** {@link #compareNumbers} result when a NaN makes the operands unordered. */
  public static final int UNORDERED = 2;

  /**
   * The largest int we are willing to build, in bits. BigInteger cannot go past 2**31 bits; an
   * operation whose result would be larger raises MemoryError, as CPython does when it cannot
   * allocate the digits.
   */
  static final long MAX_BITS = Integer.MAX_VALUE - 64L;

  // ================================================================ classification
  /** True for int, bool and float values. */
  public static boolean isNumber(VM vm, long v) {
    if ((v & 1) != 0) {
      return true;
    }
    int k = vm.kindOf(v);
    return k == Kind.INT || k == Kind.BOOL || k == Kind.FLOAT;
  }

  /** The int word of an int or bool (see the class comment), or NULL for anything else. */
  static long intWord(VM vm, long v) {
    if ((v & 1) != 0) {
      return v;
    }
    long type = Mem.getLong(v);
    if (type == vm.intType) {
      return v;
    }
    if (type == vm.boolType) {
      return Mem.getLong(v + Layout.Bool.VALUE);
    }
    // Neither type can be subclassed today; the kind test keeps this right if int ever can.
    return VM.typeKind(type) == Kind.INT ? v : 0;
  }

  static boolean isFloat(VM vm, long v) {
    if ((v & 1) != 0) {
      return false;
    }
    long type = Mem.getLong(v);
    return type == vm.floatType || VM.typeKind(type) == Kind.FLOAT;
  }

  /** The value of an int word as a BigInteger. */
  static BigInteger big(VM vm, long w) {
    return (w & 1) != 0 ? BigInteger.valueOf(w >> 1) : vm.toBig(w);
  }

  /** The sign (-1, 0, 1) of an int word. */
  static int signum(long w) {
    if ((w & 1) != 0) {
      return Long.signum(w >> 1);
    }
    // Two's-complement big-endian bytes: the first byte carries the sign; a big int is never 0.
    return Mem.getByte(w + Layout.BigInt.BYTES) < 0 ? -1 : 1;
  }

  // ================================================================ conversions
  /** An int word as a double, correctly rounded; OverflowError when out of range. */
  static double intToDouble(VM vm, long w) {
    if ((w & 1) != 0) {
      return (double) (w >> 1);
    }
    double d = vm.toBig(w).doubleValue();
    if (Double.isInfinite(d)) {
      throw vm.raise(vm.overflowError, "int too large to convert to float");
    }
    return d;
  }

  /**
   * int, bool or float as a double (PyFloat_AsDouble): other objects through their type's
   * __float__ or __index__; TypeError "must be real number, not str" otherwise.
   */
  public static double asDouble(VM vm, long v) {
    if ((v & 1) != 0) {
      return (double) (v >> 1);
    }
    int k = vm.kindOf(v);
    if (k == Kind.FLOAT) {
      return VM.floatValue(v);
    }
    if (k == Kind.INT || k == Kind.BOOL) {
      return intToDouble(vm, intWord(vm, v));
    }
    long m = special(vm, v, "__float__");
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {v});
      if (!isFloat(vm, r)) {
        throw vm.typeError(vm.typeNameOf(v) + ".__float__ returned non-float (type "
            + vm.typeNameOf(r) + ")");
      }
      return VM.floatValue(r);
    }
    m = special(vm, v, "__index__");
    if (m != 0) {
      return intToDouble(vm, callIndex(vm, m, v));
    }
    throw vm.typeError("must be real number, not " + vm.typeNameOf(v));
  }

  /**
   * Calls a type's __index__ (found with {@link #special}) and returns the int word of its
   * result, keeping big results (the runtime's index protocol narrows to a long).
   */
  static long callIndex(VM vm, long method, long v) {
    long r = vm.rt.call(method, new long[] {v});
    long w = intWord(vm, r);
    if (w == 0) {
      throw vm.typeError("__index__ returned non-int (type " + vm.typeNameOf(r) + ")");
    }
    return w;
  }

  /** int(d) for a float: truncation toward zero, exact for any magnitude. */
  public static long floatToInt(VM vm, double d) {
    if (Double.isNaN(d)) {
      throw vm.valueError("cannot convert float NaN to integer");
    }
    if (Double.isInfinite(d)) {
      throw vm.raise(vm.overflowError, "cannot convert float infinity to integer");
    }
    if (Math.abs(d) < 0x1p62) {
      return fromInt((long) d);
    }
    // Doubles this large have no fraction.
    return vm.newInt(bigOfIntegral(d));
  }

  /**
   * A special method found on v's type (searching its MRO as CPython does for slots), or NULL.
   * Built-in types define their dunders in their dicts too, so this also finds int.__index__.
   */
  static long special(VM vm, long v, String name) {
    long key = vm.intern(name);
    long mro = Mem.getLong(vm.typeOf(v) + Layout.Type.MRO);
    int n = VM.tupleLen(mro);
    for (int i = 0; i < n; i++) {
      long dict = Mem.getLong(VM.tupleGet(mro, i) + Layout.Type.DICT);
      long m = Dicts.getItemStr(vm, dict, key);
      if (m != 0) {
        return m;
      }
    }
    return 0;
  }

  // ================================================================ comparison
  /** Three-way comparison of two int words, exact. */
  static int compareInts(VM vm, long x, long y) {
    if ((x & y & 1) != 0) {
      // Tagging preserves order.
      return Long.compare(x, y);
    }
    if ((x & 1) != 0) {
      return -signum(y);
    }
    if ((y & 1) != 0) {
      return signum(x);
    }
    return Integer.signum(vm.toBig(x).compareTo(vm.toBig(y)));
  }

  /** Exact three-way comparison of an int word with a double, or UNORDERED for NaN. */
  static int compareIntDouble(VM vm, long x, double d) {
    if (d != d) {
      return UNORDERED;
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? -1 : 1;
    }
    double fl = Math.floor(d);
    if ((x & 1) != 0) {
      long n = x >> 1;
      if (fl >= -0x1p63 && fl < 0x1p63) {
        // fl is an integer in the long range, so the conversion is exact.
        long f = (long) fl;
        if (n != f) {
          return n < f ? -1 : 1;
        }
        return d > fl ? -1 : 0;
      }
      return fl > 0 ? -1 : 1;
    }
    // x is big (|x| >= 2**62): only a double at least that large can compare equal.
    if (Math.abs(fl) < 0x1p62) {
      return signum(x);
    }
    int c = vm.toBig(x).compareTo(bigOfIntegral(fl));
    if (c != 0) {
      return c;
    }
    return d > fl ? -1 : 0;
  }

  /** An integral finite double as a BigInteger: its 53-bit significand shifted into place. */
  static BigInteger bigOfIntegral(double d) {
    if (Math.abs(d) < 0x1p62) {
      return BigInteger.valueOf((long) d);
    }
    long bits = Double.doubleToRawLongBits(d);
    int exp = (int) ((bits >>> 52) & 0x7ff) - 1075;
    long mant = (bits & ((1L << 52) - 1)) | (1L << 52);
    BigInteger r = BigInteger.valueOf(mant).shiftLeft(exp);
    return d < 0 ? r.negate() : r;
  }

  static int compareDoubles(double a, double b) {
    if (a < b) {
      return -1;
    }
    if (a > b) {
      return 1;
    }
    return a == b ? 0 : UNORDERED;
  }

  /**
   * Three-way comparison of two numbers (int, bool or float), exact between ints and floats as
   * in CPython: -1, 0, 1, or {@link #UNORDERED} when a NaN is involved (then every ordering
   * comparison is false). TypeError when either is not a number. Meant for sort and min/max
   * fast paths; {@link #compare} turns it into a rich-comparison outcome.
   */
  public static int compareNumbers(VM vm, long a, long b) {
    if ((a & b & 1) != 0) {
      return Long.compare(a, b);
    }
    long x = intWord(vm, a);
    long y = intWord(vm, b);
    if (x != 0 && y != 0) {
      return compareInts(vm, x, y);
    }
    if (x != 0 && isFloat(vm, b)) {
      return compareIntDouble(vm, x, VM.floatValue(b));
    }
    if (y != 0 && isFloat(vm, a)) {
      int c = compareIntDouble(vm, y, VM.floatValue(a));
      return c == UNORDERED ? c : -c;
    }
    if (isFloat(vm, a) && isFloat(vm, b)) {
      return compareDoubles(VM.floatValue(a), VM.floatValue(b));
    }
    throw vm.typeError("must be real number, not "
        + vm.typeNameOf(isNumber(vm, a) ? b : a));
  }

  /** a op b ({@link CompareOp}) for two numbers, NaN-aware. */
  public static boolean compare(VM vm, long a, long b, int op) {
    return test(op, compareNumbers(vm, a, b));
  }

  /** A comparison outcome from a three-way result that may be UNORDERED. */
  static boolean test(int op, int cmp) {
    if (cmp == UNORDERED) {
      return op == CompareOp.NE;
    }
    return CompareOp.test(op, cmp);
  }

  // ================================================================ hashing
  /** CPython's hash of a small int value. */
  static long hashLong(long n) {
    long h = n >= 0 ? n % HASH_MODULUS : -((-n) % HASH_MODULUS);
    return h == -1 ? -2 : h;
  }

  /** CPython's hash of an int word. */
  static long hashInt(VM vm, long w) {
    if ((w & 1) != 0) {
      return hashLong(w >> 1);
    }
    BigInteger b = vm.toBig(w);
    long h = b.abs().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
    if (b.signum() < 0) {
      h = -h;
    }
    return h == -1 ? -2 : h;
  }

  /**
   * CPython's hash of a float: the hash of the rational number it equals, reduced modulo
   * 2**61 - 1 (so hash(2.0) == hash(2) and hash(0.5) is the inverse of 2), inf and -inf as
   * +-314159, and NaN by identity (obj is the float object's address).
   */
  public static long hashDouble(double v, long obj) {
    if (!Double.isFinite(v)) {
      if (v != v) {
        long h = (obj >>> 4) | (obj << 60);
        return h == -1 ? -2 : h;
      }
      return v > 0 ? HASH_INF : -HASH_INF;
    }
    if (v == 0) {
      return 0;
    }
    long bits = Double.doubleToRawLongBits(v);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    int e;
    if (biased == 0) {
      e = -1074;
    } else {
      mant |= 1L << 52;
      e = biased - 1075;
    }
    // |v| = mant * 2**e, and 2**61 == 1 modulo the modulus, so multiplying by 2**e is a
    // rotation of the 61-bit residue by e mod 61. mant < 2**53 has too few bits to become the
    // modulus itself, so no final reduction is needed.
    int k = Math.floorMod(e, 61);
    long x = ((mant << k) & HASH_MODULUS) | (mant >>> (61 - k));
    if (v < 0) {
      x = -x;
    }
    return x == -1 ? -2 : x;
  }

  // ================================================================ errors
  static PyException zeroDivision(VM vm, String message) {
    return vm.raise(vm.zeroDivisionError, message);
  }

  static PyException memoryError(VM vm) {
    return vm.raiseEmpty(vm.memoryError);
  }

  /** A text-library error as the guest exception it stands for. */
  static PyException convert(VM vm, FormatError e) {
    long type = switch (e.pyType()) {
      case "TypeError" -> vm.typeError;
      case "OverflowError" -> vm.overflowError;
      case "ZeroDivisionError" -> vm.zeroDivisionError;
      default -> vm.valueError;
    };
    return vm.raise(type, e.getMessage() == null ? "" : e.getMessage());
  }

  // ================================================================ builtins' helpers
  /** abs(v) for int, bool and float; TypeError "bad operand type for abs(): 'str'" else. */
  public static long abs(VM vm, long v) {
    long w = intWord(vm, v);
    if (w != 0) {
      if ((w & 1) != 0) {
        return vm.newInt(Math.abs(w >> 1));
      }
      return signum(w) < 0 ? vm.newInt(vm.toBig(w).negate()) : w;
    }
    if (isFloat(vm, v)) {
      double d = VM.floatValue(v);
      return d > 0 ? v : vm.newFloat(Math.abs(d));
    }
    throw vm.typeError("bad operand type for abs(): '" + vm.typeNameOf(v) + "'");
  }

  /**
   * divmod(a, b) for numbers: a tuple (a // b, a % b) with CPython's floor semantics, or
   * vm.notImplemented when either operand is not an int, bool or float (the builtin then tries
   * __divmod__ / __rdivmod__ and raises the TypeError).
   */
  public static long divmod(VM vm, long a, long b) {
    long x = intWord(vm, a);
    long y = intWord(vm, b);
    if (x != 0 && y != 0) {
      return IntOps.divmod(vm, x, y);
    }
    if ((x != 0 || isFloat(vm, a)) && (y != 0 || isFloat(vm, b))) {
      double dx = x != 0 ? intToDouble(vm, x) : VM.floatValue(a);
      double dy = y != 0 ? intToDouble(vm, y) : VM.floatValue(b);
      return FloatOps.divmod(vm, dx, dy);
    }
    return vm.notImplemented;
  }

  /** a ** b for two numbers (int, bool, float), as the ** operator. */
  public static long power(VM vm, long a, long b) {
    long x = intWord(vm, a);
    long y = intWord(vm, b);
    if (x != 0 && y != 0) {
      return IntOps.binaryWords(vm, BinaryOp.POWER, x, y);
    }
    if ((x != 0 || isFloat(vm, a)) && (y != 0 || isFloat(vm, b))) {
      double dx = x != 0 ? intToDouble(vm, x) : VM.floatValue(a);
      double dy = y != 0 ? intToDouble(vm, y) : VM.floatValue(b);
      return vm.newFloat(FloatOps.pow(vm, dx, dy));
    }
    return vm.rt.binaryOp(BinaryOp.POWER, a, b);
  }

  /**
   * pow(a, b, m). All three must be ints (bools count): TypeError otherwise, in CPython's words.
   * m == None (or NULL) means two-argument pow. A negative b needs a modular inverse of a
   * (Python 3.8+); the result takes the sign of m.
   */
  public static long pow3(VM vm, long a, long b, long m) {
    if (m == 0 || m == vm.none) {
      return power(vm, a, b);
    }
    long x = intWord(vm, a);
    long y = intWord(vm, b);
    long z = intWord(vm, m);
    if (x == 0 || y == 0 || z == 0) {
      // float's pow refuses any modulus before looking at the operands; int's declines.
      if (isFloat(vm, a) || isFloat(vm, b) || isFloat(vm, m)) {
        throw vm.typeError("pow() 3rd argument not allowed unless all arguments are integers");
      }
      throw vm.typeError("unsupported operand type(s) for ** or pow(): '" + vm.typeNameOf(a)
          + "', '" + vm.typeNameOf(b) + "', '" + vm.typeNameOf(m) + "'");
    }
    int zs = signum(z);
    if (zs == 0) {
      throw vm.valueError("pow() 3rd argument cannot be 0");
    }
    if ((x & y & z & 1) != 0 && (z >> 1) > -(1L << 31) && (z >> 1) < (1L << 31)
        && (y >> 1) >= 0) {
      return fromInt(smallModPow(x >> 1, y >> 1, z >> 1));
    }
    BigInteger mod = big(vm, z);
    BigInteger absMod = mod.abs();
    if (absMod.equals(BigInteger.ONE)) {
      return fromInt(0);
    }
    BigInteger base = big(vm, x);
    BigInteger exp = big(vm, y);
    if (exp.signum() < 0) {
      try {
        base = base.modInverse(absMod);
      } catch (ArithmeticException e) {
        throw vm.valueError("base is not invertible for the given modulus");
      }
      exp = exp.negate();
    }
    BigInteger r = base.modPow(exp, absMod);
    if (zs < 0 && r.signum() != 0) {
      r = r.subtract(absMod);
    }
    return vm.newInt(r);
  }

  /** (b ** e) mod m with the sign of m, for |m| < 2**31 and e >= 0 (products fit a long). */
  private static long smallModPow(long b, long e, long m) {
    long am = Math.abs(m);
    if (am == 1) {
      return 0;
    }
    long base = Math.floorMod(b, am);
    long r = 1;
    while (e > 0) {
      if ((e & 1) != 0) {
        r = r * base % am;
      }
      base = base * base % am;
      e >>= 1;
    }
    return m < 0 && r != 0 ? r - am : r;
  }

  /**
   * round(value) and round(value, ndigits) for int, bool and float. ndigits NULL or None means
   * "round to an int" (half to even); otherwise the result has value's type (bools give ints),
   * rounded half to even at ndigits decimal places (negative ndigits round to tens, hundreds...).
   */
  public static long round(VM vm, long value, long ndigits) {
    boolean hasDigits = ndigits != 0 && ndigits != vm.none;
    long w = intWord(vm, value);
    if (w != 0) {
      if (!hasDigits) {
        return w;
      }
      return roundInt(vm, w, ndigitsValue(vm, ndigits));
    }
    if (isFloat(vm, value)) {
      double d = VM.floatValue(value);
      if (!hasDigits) {
        return floatToInt(vm, Math.rint(d));
      }
      long n = ndigitsValue(vm, ndigits);
      try {
        return vm.newFloat(FloatFormat.round(d, n));
      } catch (FormatError e) {
        throw convert(vm, e);
      }
    }
    throw vm.typeError("type " + vm.typeNameOf(value) + " doesn't define __round__ method");
  }

  /** ndigits as a long, saturated for huge ints (their effect is the same as the extremes). */
  private static long ndigitsValue(VM vm, long ndigits) {
    long w = intWord(vm, ndigits);
    if (w == 0) {
      return vm.toIndex(ndigits);
    }
    if ((w & 1) != 0) {
      return w >> 1;
    }
    return signum(w) < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** An int rounded half to even at 10**-n (n < 0), or the int itself for n >= 0. */
  static long roundInt(VM vm, long w, long n) {
    if (n >= 0) {
      return w;
    }
    BigInteger x = big(vm, w);
    // |x| < 10**digits; once 10**-n exceeds twice that, everything rounds to 0.
    long digits = (long) (x.bitLength() * 0.30103) + 1;
    if (n < -(digits + 1)) {
      return fromInt(0);
    }
    BigInteger pow = BigInteger.TEN.pow((int) -n);
    BigInteger[] qr = x.divideAndRemainder(pow);
    BigInteger q = qr[0];
    BigInteger r = qr[1];
    if (r.signum() < 0) {
      q = q.subtract(BigInteger.ONE);
      r = r.add(pow);
    }
    int c = r.shiftLeft(1).compareTo(pow);
    if (c > 0 || c == 0 && q.testBit(0)) {
      q = q.add(BigInteger.ONE);
    }
    return vm.newInt(q.multiply(pow));
  }
}
