package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;

import java.math.BigInteger;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.text.IntFormat;
import org.stitchjit.runtime.text.IntParse;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * int: tagged 63-bit small ints with BigInteger-backed objects beyond. Every operation first
 * tries a long computation (allocation-free unless the result leaves the small range) and
 * builds BigIntegers only when an operand is already big or the long result overflowed.
 * Operands are int words ({@link Numbers}), so bools arrive here as small ints.
 */
public class IntOps implements TypeOps {
  // ================================================================ TypeOps
  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    if (Tag.bothInts(a, b)) {
      return binarySmall(vm, BinaryOp.base(op), a >> 1, b >> 1);
    }
    long x = Numbers.intWord(vm, a);
    long y = Numbers.intWord(vm, b);
    if (x != 0 && y != 0) {
      return binaryWords(vm, BinaryOp.base(op), x, y);
    }
    // int with float: float arithmetic, as float's own reflected method would do.
    if (!FloatOps.supports(BinaryOp.base(op))) {
      return vm.notImplemented;
    }
    if (x != 0 && Numbers.isFloat(vm, b)) {
      return FloatOps.binaryDoubles(vm, BinaryOp.base(op), Numbers.intToDouble(vm, x),
          VM.floatValue(b));
    }
    if (y != 0 && Numbers.isFloat(vm, a)) {
      return FloatOps.binaryDoubles(vm, BinaryOp.base(op), VM.floatValue(a),
          Numbers.intToDouble(vm, y));
    }
    return vm.notImplemented;
  }

  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    long x = Numbers.intWord(vm, a);
    long y = Numbers.intWord(vm, b);
    if (y != 0) {
      return vm.bool(CompareOp.test(op, Numbers.compareInts(vm, x, y)));
    }
    if (Numbers.isFloat(vm, b)) {
      return vm.bool(Numbers.test(op, Numbers.compareIntDouble(vm, x, VM.floatValue(b))));
    }
    return vm.notImplemented;
  }

  @Override
  public long hash(VM vm, long self) {
    return Numbers.hashInt(vm, Numbers.intWord(vm, self));
  }

  @Override
  public long repr(VM vm, long self) {
    return vm.newStr(decimal(vm, Numbers.intWord(vm, self)));
  }

  @Override
  public int isTrue(VM vm, long self) {
    long w = Numbers.intWord(vm, self);
    // Big ints are never zero.
    return w == fromInt(0) ? 0 : 1;
  }

  @Override
  public long unaryOp(VM vm, Opcode op, long self) {
    long w = Numbers.intWord(vm, self);
    switch (op) {
      case UNARY_NEGATIVE:
        if ((w & 1) != 0) {
          return vm.newInt(-(w >> 1));
        }
        return vm.newInt(vm.toBig(w).negate());
      case UNARY_POSITIVE:
        return w;
      case UNARY_INVERT:
        if ((w & 1) != 0) {
          return fromInt(~(w >> 1));
        }
        return vm.newInt(vm.toBig(w).not());
      default:
        return 0;
    }
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    return NumberTypes.constructInt(vm, args, nargs, kwnames);
  }

  // ================================================================ decimal text
  /** str(int) in decimal, with CPython 3.11's 4300-digit limit. */
  static String decimal(VM vm, long w) {
    if ((w & 1) != 0) {
      return Long.toString(w >> 1);
    }
    try {
      return IntFormat.toDecimal(vm.toBig(w), IntParse.DEFAULT_MAX_STR_DIGITS);
    } catch (FormatError e) {
      throw Numbers.convert(vm, e);
    }
  }

  // ================================================================ arithmetic
  /**
   * x op y for two int words (op without its in-place flag): the int result, a float for /
   * and negative powers, or vm.notImplemented for @.
   */
  public static long binaryWords(VM vm, int op, long x, long y) {
    if ((x & y & 1) != 0) {
      return binarySmall(vm, op, x >> 1, y >> 1);
    }
    return binaryBig(vm, op, x, y);
  }

  /** x op y for two small int values (63-bit, so sums and differences cannot overflow). */
  public static long binarySmall(VM vm, int op, long x, long y) {
    switch (op) {
      case BinaryOp.ADD:
        return vm.newInt(x + y);
      case BinaryOp.SUBTRACT:
        return vm.newInt(x - y);
      case BinaryOp.MULTIPLY: {
        long lo = x * y;
        long hi = Math.multiplyHigh(x, y);
        if (hi == (lo >> 63)) {
          return vm.newInt(lo);
        }
        return vm.newInt(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
      }
      case BinaryOp.FLOOR_DIVIDE:
        if (y == 0) {
          throw Numbers.zeroDivision(vm, "integer division or modulo by zero");
        }
        // SMALL_MIN // -1 leaves the small range but fits a long; newInt boxes it.
        return vm.newInt(Math.floorDiv(x, y));
      case BinaryOp.REMAINDER:
        if (y == 0) {
          throw Numbers.zeroDivision(vm, "integer modulo by zero");
        }
        return fromInt(Math.floorMod(x, y));
      case BinaryOp.TRUE_DIVIDE:
        return vm.newFloat(trueDivide(vm, x, y));
      case BinaryOp.POWER:
        if (y < 0) {
          return vm.newFloat(FloatOps.pow(vm, (double) x, (double) y));
        }
        return powSmall(vm, x, y);
      case BinaryOp.LSHIFT:
        if (y < 0) {
          throw vm.valueError("negative shift count");
        }
        if (x == 0) {
          return fromInt(0);
        }
        if (y < 62) {
          long r = x << y;
          if (r >> y == x && Tag.fitsSmall(r)) {
            return fromInt(r);
          }
        }
        return shiftLeft(vm, BigInteger.valueOf(x), y);
      case BinaryOp.RSHIFT:
        if (y < 0) {
          throw vm.valueError("negative shift count");
        }
        return fromInt(x >> Math.min(y, 63));
      case BinaryOp.AND:
        return fromInt(x & y);
      case BinaryOp.OR:
        return fromInt(x | y);
      case BinaryOp.XOR:
        return fromInt(x ^ y);
      default:
        return vm.notImplemented;
    }
  }

  private static long binaryBig(VM vm, int op, long xw, long yw) {
    BigInteger x = Numbers.big(vm, xw);
    BigInteger y = Numbers.big(vm, yw);
    switch (op) {
      case BinaryOp.ADD:
        return vm.newInt(x.add(y));
      case BinaryOp.SUBTRACT:
        return vm.newInt(x.subtract(y));
      case BinaryOp.MULTIPLY:
        if ((long) x.bitLength() + y.bitLength() > Numbers.MAX_BITS) {
          throw Numbers.memoryError(vm);
        }
        return vm.newInt(x.multiply(y));
      case BinaryOp.FLOOR_DIVIDE:
        if (y.signum() == 0) {
          throw Numbers.zeroDivision(vm, "integer division or modulo by zero");
        }
        return vm.newInt(floorDivMod(x, y)[0]);
      case BinaryOp.REMAINDER:
        if (y.signum() == 0) {
          throw Numbers.zeroDivision(vm, "integer modulo by zero");
        }
        return vm.newInt(floorDivMod(x, y)[1]);
      case BinaryOp.TRUE_DIVIDE:
        if (y.signum() == 0) {
          throw Numbers.zeroDivision(vm, "division by zero");
        }
        return vm.newFloat(trueDivide(vm, x, y));
      case BinaryOp.POWER:
        if (y.signum() < 0) {
          return vm.newFloat(FloatOps.pow(vm, Numbers.intToDouble(vm, xw),
              Numbers.intToDouble(vm, yw)));
        }
        return powBig(vm, x, y);
      case BinaryOp.LSHIFT:
        if (y.signum() < 0) {
          throw vm.valueError("negative shift count");
        }
        if (x.signum() == 0) {
          return fromInt(0);
        }
        if (y.bitLength() > 63) {
          // CPython splits the count into 30-bit digits first; past that it cannot even
          // represent the digit count.
          if (y.divide(BigInteger.valueOf(30)).bitLength() > 63) {
            throw vm.raise(vm.overflowError, "too many digits in integer");
          }
          throw Numbers.memoryError(vm);
        }
        return shiftLeft(vm, x, y.longValue());
      case BinaryOp.RSHIFT:
        if (y.signum() < 0) {
          throw vm.valueError("negative shift count");
        }
        if (y.bitLength() > 31 || y.intValue() >= x.bitLength()) {
          return fromInt(x.signum() < 0 ? -1 : 0);
        }
        return vm.newInt(x.shiftRight(y.intValue()));
      case BinaryOp.AND:
        return vm.newInt(x.and(y));
      case BinaryOp.OR:
        return vm.newInt(x.or(y));
      case BinaryOp.XOR:
        return vm.newInt(x.xor(y));
      default:
        return vm.notImplemented;
    }
  }

  /** Python's floor division and modulo: the remainder takes the divisor's sign. */
  static BigInteger[] floorDivMod(BigInteger x, BigInteger y) {
    BigInteger[] qr = x.divideAndRemainder(y);
    if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
      qr[0] = qr[0].subtract(BigInteger.ONE);
      qr[1] = qr[1].add(y);
    }
    return qr;
  }

  /** divmod(x, y) for two int words. */
  static long divmod(VM vm, long x, long y) {
    if ((x & y & 1) != 0) {
      long a = x >> 1;
      long b = y >> 1;
      if (b == 0) {
        throw Numbers.zeroDivision(vm, "integer division or modulo by zero");
      }
      long q = vm.newInt(Math.floorDiv(a, b));
      return vm.tuple(q, fromInt(Math.floorMod(a, b)));
    }
    BigInteger b = Numbers.big(vm, y);
    if (b.signum() == 0) {
      throw Numbers.zeroDivision(vm, "integer division or modulo by zero");
    }
    BigInteger[] qr = floorDivMod(Numbers.big(vm, x), b);
    // Allocation is not a safepoint, so q survives the allocations that follow.
    long q = vm.newInt(qr[0]);
    long r = vm.newInt(qr[1]);
    return vm.tuple(q, r);
  }

  private static long shiftLeft(VM vm, BigInteger x, long count) {
    if (count > Numbers.MAX_BITS || x.bitLength() + count > Numbers.MAX_BITS) {
      throw Numbers.memoryError(vm);
    }
    return vm.newInt(x.shiftLeft((int) count));
  }

  // ================================================================ true division
  /** x / y correctly rounded (ZeroDivisionError "division by zero"). */
  static double trueDivide(VM vm, long x, long y) {
    if (y == 0) {
      throw Numbers.zeroDivision(vm, "division by zero");
    }
    // Both exactly representable: IEEE division rounds the exact quotient once.
    if (Math.abs(x) <= (1L << 53) && Math.abs(y) <= (1L << 53)) {
      return (double) x / (double) y;
    }
    return trueDivide(vm, BigInteger.valueOf(x), BigInteger.valueOf(y));
  }

  /**
   * x / y for big operands, correctly rounded (half to even) like CPython's long_true_divide:
   * the quotient is scaled by a power of two so that its integer part has 55 or 56 bits (fewer
   * for subnormal results), a sticky bit records a non-zero remainder, and the result is
   * rounded once to the precision the final exponent allows.
   */
  static double trueDivide(VM vm, BigInteger x, BigInteger y) {
    boolean negative = (x.signum() < 0) != (y.signum() < 0);
    BigInteger a = x.abs();
    BigInteger b = y.abs();
    if (a.signum() == 0) {
      return negative ? -0.0 : 0.0;
    }
    int diff = a.bitLength() - b.bitLength();
    // a / b lies in [2**(diff-1), 2**(diff+1)).
    if (diff > 1024) {
      throw vm.raise(vm.overflowError, "integer division result too large for a float");
    }
    if (diff < -1100) {
      return negative ? -0.0 : 0.0;
    }
    int shift = Math.max(diff, -1021) - 55;
    BigInteger num = shift < 0 ? a.shiftLeft(-shift) : a;
    BigInteger den = shift > 0 ? b.shiftLeft(shift) : b;
    BigInteger[] qr = num.divideAndRemainder(den);
    long q = qr[0].longValue();
    if (qr[1].signum() != 0) {
      q |= 1;
    }
    // Drop the bits below double precision, or below 2**-1074 for subnormal results; at
    // least two bits go, so the sticky bit never masquerades as the halfway bit.
    int bits = 64 - Long.numberOfLeadingZeros(q);
    int drop = Math.max(bits - 53, -1074 - shift);
    long mask = (1L << drop) - 1;
    long half = 1L << (drop - 1);
    long low = q & mask;
    q -= low;
    if (low > half || low == half && (q & (1L << drop)) != 0) {
      q += 1L << drop;
    }
    double r = Math.scalb((double) q, shift);
    if (Double.isInfinite(r)) {
      throw vm.raise(vm.overflowError, "integer division result too large for a float");
    }
    return negative ? -r : r;
  }

  // ================================================================ powers
  /** x ** y for small x and small y >= 0. */
  private static long powSmall(VM vm, long x, long y) {
    if (x == 0 || x == 1 || y == 0) {
      return fromInt(y == 0 ? 1 : x);
    }
    if (x == -1) {
      return fromInt((y & 1) == 0 ? 1 : -1);
    }
    long result = 1;
    long base = x;
    long e = y;
    while (true) {
      if ((e & 1) != 0) {
        long hi = Math.multiplyHigh(result, base);
        long lo = result * base;
        if (hi != (lo >> 63)) {
          break;
        }
        result = lo;
      }
      e >>= 1;
      if (e == 0) {
        return vm.newInt(result);
      }
      long hi = Math.multiplyHigh(base, base);
      long lo = base * base;
      if (hi != (lo >> 63)) {
        break;
      }
      base = lo;
    }
    return powBig(vm, BigInteger.valueOf(x), BigInteger.valueOf(y));
  }

  private static long powBig(VM vm, BigInteger x, BigInteger y) {
    if (y.signum() == 0) {
      return fromInt(1);
    }
    if (x.signum() == 0 || x.equals(BigInteger.ONE)) {
      return vm.newInt(x);
    }
    if (x.equals(BigInteger.ONE.negate())) {
      return fromInt(y.testBit(0) ? -1 : 1);
    }
    // |x| >= 2, so the result has at least y bits.
    if (y.bitLength() > 31 || (long) (x.bitLength() - 1) * y.longValue() >= Numbers.MAX_BITS) {
      throw Numbers.memoryError(vm);
    }
    return vm.newInt(x.pow(y.intValue()));
  }
}
