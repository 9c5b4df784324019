package org.stitchjit.runtime.objects;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.text.FloatFormat;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * float: boxed IEEE doubles. Mixed int/float arithmetic converts the int (correctly rounded,
 * OverflowError when out of range); comparisons between ints and floats are exact instead.
 */
public final class FloatOps implements TypeOps {
  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    int base = BinaryOp.base(op);
    if (!supports(base)) {
      return vm.notImplemented;
    }
    double x;
    double y;
    if (Numbers.isFloat(vm, a)) {
      x = VM.floatValue(a);
    } else {
      long w = Numbers.intWord(vm, a);
      if (w == 0) {
        return vm.notImplemented;
      }
      x = Numbers.intToDouble(vm, w);
    }
    if (Numbers.isFloat(vm, b)) {
      y = VM.floatValue(b);
    } else {
      long w = Numbers.intWord(vm, b);
      if (w == 0) {
        return vm.notImplemented;
      }
      y = Numbers.intToDouble(vm, w);
    }
    return binaryDoubles(vm, base, x, y);
  }

  /** True for the operators float implements (no bitwise operators, shifts or @). */
  static boolean supports(int op) {
    switch (op) {
      case BinaryOp.ADD:
      case BinaryOp.SUBTRACT:
      case BinaryOp.MULTIPLY:
      case BinaryOp.TRUE_DIVIDE:
      case BinaryOp.FLOOR_DIVIDE:
      case BinaryOp.REMAINDER:
      case BinaryOp.POWER:
        return true;
      default:
        return false;
    }
  }

  /** x op y in float arithmetic (op without its in-place flag), or notImplemented. */
  public static long binaryDoubles(VM vm, int op, double x, double y) {
    switch (op) {
      case BinaryOp.ADD:
        return vm.newFloat(x + y);
      case BinaryOp.SUBTRACT:
        return vm.newFloat(x - y);
      case BinaryOp.MULTIPLY:
        return vm.newFloat(x * y);
      case BinaryOp.TRUE_DIVIDE:
        if (y == 0) {
          throw Numbers.zeroDivision(vm, "float division by zero");
        }
        return vm.newFloat(x / y);
      case BinaryOp.FLOOR_DIVIDE:
        if (y == 0) {
          throw Numbers.zeroDivision(vm, "float floor division by zero");
        }
        return vm.newFloat(floorDiv(x, y));
      case BinaryOp.REMAINDER:
        if (y == 0) {
          throw Numbers.zeroDivision(vm, "float modulo");
        }
        return vm.newFloat(mod(x, y));
      case BinaryOp.POWER:
        return vm.newFloat(pow(vm, x, y));
      default:
        return vm.notImplemented;
    }
  }

  @Override
  public long richCompare(VM vm, long a, long b, int op) {
    double x = VM.floatValue(a);
    if (Numbers.isFloat(vm, b)) {
      return vm.bool(CompareOp.test(op, x, VM.floatValue(b)));
    }
    long w = Numbers.intWord(vm, b);
    if (w != 0) {
      int c = Numbers.compareIntDouble(vm, w, x);
      return vm.bool(Numbers.test(op, c == Numbers.UNORDERED ? c : -c));
    }
    return vm.notImplemented;
  }

  @Override
  public long hash(VM vm, long self) {
    return Numbers.hashDouble(VM.floatValue(self), self);
  }

  @Override
  public long repr(VM vm, long self) {
    return vm.newStr(FloatFormat.repr(VM.floatValue(self)));
  }

  @Override
  public int isTrue(VM vm, long self) {
    return VM.floatValue(self) != 0 ? 1 : 0;
  }

  @Override
  public long unaryOp(VM vm, Opcode op, long self) {
    switch (op) {
      case UNARY_NEGATIVE:
        return vm.newFloat(-VM.floatValue(self));
      case UNARY_POSITIVE:
        return self;
      default:
        return 0;
    }
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    return NumberTypes.constructFloat(vm, args, nargs, kwnames);
  }

  // ================================================================ float arithmetic
  /** Python's x % y for y != 0: the result has y's sign (or is a zero signed like y). */
  public static double mod(double x, double y) {
    // Java's % on doubles is C's fmod: exact, with the dividend's sign.
    double m = x % y;
    if (m != 0) {
      if ((y < 0) != (m < 0)) {
        m += y;
      }
    } else {
      m = Math.copySign(0.0, y);
    }
    return m;
  }

  /**
   * Python's x // y for y != 0: derived from fmod so that x == (x // y) * y + x % y as nearly
   * as floating point allows, then snapped to the nearest integer.
   */
  public static double floorDiv(double x, double y) {
    double m = x % y;
    double div = (x - m) / y;
    if (m != 0 && (y < 0) != (m < 0)) {
      div -= 1.0;
    }
    if (div == 0) {
      return Math.copySign(0.0, x / y);
    }
    double fl = Math.floor(div);
    if (div - fl > 0.5) {
      fl += 1.0;
    }
    return fl;
  }

  /** divmod(x, y) for floats: the tuple (x // y, x % y). */
  static long divmod(VM vm, double x, double y) {
    if (y == 0) {
      throw Numbers.zeroDivision(vm, "float divmod()");
    }
    long q = vm.newFloat(floorDiv(x, y));
    long r = vm.newFloat(mod(x, y));
    return vm.tuple(q, r);
  }

  /**
   * x ** y with CPython's special cases (C99 Annex F pow, plus Python's errors):
   * ZeroDivisionError for 0.0 to a negative power, OverflowError (34, 'Numerical result out of
   * range') when a finite computation overflows. A negative base with a non-integral exponent
   * gives a complex number in CPython; we have no complex type, so it raises ValueError
   * "negative number cannot be raised to a fractional power" (Python 2's message for it).
   */
  public static double pow(VM vm, double x, double y) {
    if (y == 0) {
      return 1.0;
    }
    if (x == 1.0) {
      return 1.0;
    }
    if (x != x) {
      return x;
    }
    if (y != y) {
      return y;
    }
    if (Double.isInfinite(y)) {
      double ax = Math.abs(x);
      if (ax == 1.0) {
        return 1.0;
      }
      return (ax > 1.0) == (y > 0) ? Double.POSITIVE_INFINITY : 0.0;
    }
    if (Double.isInfinite(x)) {
      boolean oddInt = isOddInteger(y);
      if (y > 0) {
        return oddInt ? x : Double.POSITIVE_INFINITY;
      }
      return oddInt ? Math.copySign(0.0, x) : 0.0;
    }
    if (x == 0) {
      if (y < 0) {
        throw Numbers.zeroDivision(vm, "0.0 cannot be raised to a negative power");
      }
      return isOddInteger(y) ? x : 0.0;
    }
    boolean negate = false;
    if (x < 0) {
      if (y != Math.floor(y)) {
        throw vm.valueError("negative number cannot be raised to a fractional power");
      }
      negate = isOddInteger(y);
      x = -x;
    }
    double r = FloatPow.pow(x, y);
    if (Double.isInfinite(r)) {
      long exc = vm.newException(vm.overflowError,
          vm.tuple(Tag.fromInt(34),
              vm.newStr("Numerical result out of range")));
      throw vm.raiseObject(exc);
    }
    return negate ? -r : r;
  }

  /** True when y is an odd integer (|y| < 2**53, since larger doubles are all even). */
  static boolean isOddInteger(double y) {
    return Math.abs(y) < 0x1p53 && y == Math.rint(y) && ((long) y & 1) != 0;
  }
}
