package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;
import static org.stitchjit.runtime.modules.ModuleSupport.set;
import static org.stitchjit.runtime.modules.ModuleSupport.toBigInt;
import static org.stitchjit.runtime.modules.ModuleSupport.toDouble;

import java.math.BigInteger;
import java.util.function.DoubleUnaryOperator;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.MathLibrary;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.vm.VM;

/**
 * The math module. Where CPython calls the platform's C math library (sin, exp, log, pow and
 * the rest), this module calls the same functions ({@link MathLibrary}), so results agree with
 * CPython's to the bit; Java's Math and StrictMath differ from glibc's in the last bit on some
 * arguments. Everything CPython computes itself (hypot's and dist's extra-precise norm, fsum,
 * the integer functions, domain and range errors, pow's special values) follows CPython's
 * algorithms and matches exactly.
 */
final class MathModule {
  private final VM vm;

  private MathModule(VM vm) {
    this.vm = vm;
  }

  static void init(VM vm, long d) {
    new MathModule(vm).fill(d);
  }

  private void fill(long d) {
    set(vm, d, "pi", vm.newFloat(Math.PI));
    set(vm, d, "e", vm.newFloat(Math.E));
    set(vm, d, "tau", vm.newFloat(2 * Math.PI));
    set(vm, d, "inf", vm.newFloat(Double.POSITIVE_INFINITY));
    set(vm, d, "nan", vm.newFloat(Double.NaN));

    unary(d, "sqrt", StrictMath::sqrt, false);
    unary(d, "fabs", Math::abs, false);
    libm(d, "exp", true);
    libm(d, "exp2", true);
    libm(d, "expm1", true);
    libm(d, "sin", false);
    libm(d, "cos", false);
    libm(d, "tan", false);
    libm(d, "asin", false);
    libm(d, "acos", false);
    libm(d, "atan", false);
    libm(d, "sinh", true);
    libm(d, "cosh", true);
    libm(d, "tanh", false);
    libm(d, "asinh", false);
    libm(d, "acosh", false);
    libm(d, "atanh", false);
    libm(d, "cbrt", false);
    libm(d, "log1p", false);
    // CPython's degrees/radians multiply by these exact constants.
    double radToDeg = 180.0 / Math.PI;
    double degToRad = Math.PI / 180.0;
    unary(d, "degrees", x -> x * radToDeg, true);
    unary(d, "radians", x -> x * degToRad, false);

    def(vm, d, "log", (args, n, kw) -> {
      Args.noKeywords(vm, "log", kw);
      if (n < 1 || n > 2) {
        throw vm.typeError("math.log requires 1 to 2 arguments");
      }
      double num = logHelper(arg(args, 0), LOG);
      if (n == 1) {
        return vm.newFloat(num);
      }
      double den = logHelper(arg(args, 1), LOG);
      if (den == 0) {
        throw vm.raise(vm.zeroDivisionError, "float division by zero");
      }
      return vm.newFloat(num / den);
    });
    def(vm, d, "log2", (args, n, kw) -> {
      oneArg("log2", n, kw);
      return vm.newFloat(logHelper(arg(args, 0), LOG2));
    });
    def(vm, d, "log10", (args, n, kw) -> {
      oneArg("log10", n, kw);
      return vm.newFloat(logHelper(arg(args, 0), LOG10));
    });
    def(vm, d, "pow", (args, n, kw) -> {
      twoArgs("pow", n, kw);
      return vm.newFloat(pow(toDouble(vm, arg(args, 0)), toDouble(vm, arg(args, 1))));
    });
    def(vm, d, "atan2", (args, n, kw) -> {
      twoArgs("atan2", n, kw);
      return vm.newFloat(MathLibrary.call(ATAN2, toDouble(vm, arg(args, 0)),
          toDouble(vm, arg(args, 1))));
    });
    def(vm, d, "copysign", (args, n, kw) -> {
      twoArgs("copysign", n, kw);
      return vm.newFloat(Math.copySign(toDouble(vm, arg(args, 0)),
          toDouble(vm, arg(args, 1))));
    });
    def(vm, d, "fmod", (args, n, kw) -> {
      twoArgs("fmod", n, kw);
      return vm.newFloat(fmod(toDouble(vm, arg(args, 0)), toDouble(vm, arg(args, 1))));
    });
    def(vm, d, "modf", (args, n, kw) -> {
      oneArg("modf", n, kw);
      double x = toDouble(vm, arg(args, 0));
      if (Double.isInfinite(x)) {
        return vm.tuple(vm.newFloat(Math.copySign(0.0, x)), vm.newFloat(x));
      }
      double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
      double frac = Math.copySign(x - ip, x);
      return tuple2(vm.newFloat(frac), vm.newFloat(Double.isNaN(x) ? x : ip));
    });
    def(vm, d, "frexp", (args, n, kw) -> {
      oneArg("frexp", n, kw);
      double x = toDouble(vm, arg(args, 0));
      int[] e = new int[1];
      double m = frexp(x, e);
      return tuple2(vm.newFloat(m), Tag.fromInt(e[0]));
    });
    def(vm, d, "ldexp", (args, n, kw) -> {
      twoArgs("ldexp", n, kw);
      double x = toDouble(vm, arg(args, 0));
      long iv = arg(args, 1);
      if (!vm.isInt(iv)) {
        throw vm.typeError("Expected an int as second argument to ldexp.");
      }
      BigInteger i = vm.toBig(iv);
      if (x == 0 || !Double.isFinite(x)) {
        return vm.newFloat(x);
      }
      double r;
      if (i.compareTo(BigInteger.valueOf(5000)) > 0) {
        r = Math.copySign(Double.POSITIVE_INFINITY, x);
      } else if (i.compareTo(BigInteger.valueOf(-5000)) < 0) {
        r = Math.copySign(0.0, x);
      } else {
        r = Math.scalb(x, i.intValue());
      }
      if (Double.isInfinite(r)) {
        throw vm.raise(vm.overflowError, "math range error");
      }
      return vm.newFloat(r);
    });
    def(vm, d, "floor", (args, n, kw) -> {
      oneArg("floor", n, kw);
      return rounding(arg(args, 0), "__floor__", Math::floor);
    });
    def(vm, d, "ceil", (args, n, kw) -> {
      oneArg("ceil", n, kw);
      return rounding(arg(args, 0), "__ceil__", Math::ceil);
    });
    def(vm, d, "trunc", (args, n, kw) -> {
      oneArg("trunc", n, kw);
      long x = arg(args, 0);
      if (vm.isFloat(x) && vm.typeOf(x) == vm.floatType) {
        double v = VM.floatValue(x);
        return ModuleSupport.integralToInt(vm, v < 0 ? Math.ceil(v) : Math.floor(v));
      }
      if (vm.isInt(x) && (vm.typeOf(x) == vm.intType || vm.typeOf(x) == vm.boolType)) {
        return vm.newInt(vm.toBig(x));
      }
      long m = Args.lookupType(vm, vm.typeOf(x), vm.intern("__trunc__"));
      if (m == 0) {
        throw vm.typeError("type " + vm.typeNameOf(x) + " doesn't define __trunc__ method");
      }
      return vm.rt.call(m, new long[] {x});
    });
    def(vm, d, "isnan", (args, n, kw) -> {
      oneArg("isnan", n, kw);
      return vm.bool(Double.isNaN(toDouble(vm, arg(args, 0))));
    });
    def(vm, d, "isinf", (args, n, kw) -> {
      oneArg("isinf", n, kw);
      return vm.bool(Double.isInfinite(toDouble(vm, arg(args, 0))));
    });
    def(vm, d, "isfinite", (args, n, kw) -> {
      oneArg("isfinite", n, kw);
      return vm.bool(Double.isFinite(toDouble(vm, arg(args, 0))));
    });
    def(vm, d, "isclose", this::isclose);
    def(vm, d, "hypot", (args, n, kw) -> {
      Args.noKeywords(vm, "hypot", kw);
      double[] v = new double[n];
      double max = 0;
      boolean nan = false;
      for (int i = 0; i < n; i++) {
        double x = Math.abs(toDouble(vm, arg(args, i)));
        v[i] = x;
        nan |= Double.isNaN(x);
        if (x > max) {
          max = x;
        }
      }
      return vm.newFloat(vectorNorm(v, n, max, nan));
    });
    def(vm, d, "dist", this::dist);
    def(vm, d, "fsum", (args, n, kw) -> {
      oneArg("fsum", n, kw);
      return vm.newFloat(fsum(arg(args, 0)));
    });
    def(vm, d, "prod", this::prod);
    def(vm, d, "gcd", (args, n, kw) -> {
      Args.noKeywords(vm, "gcd", kw);
      BigInteger g = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        g = g.gcd(toBigInt(vm, arg(args, i)));
      }
      return vm.newInt(g);
    });
    def(vm, d, "lcm", (args, n, kw) -> {
      Args.noKeywords(vm, "lcm", kw);
      BigInteger l = BigInteger.ONE;
      for (int i = 0; i < n; i++) {
        BigInteger x = toBigInt(vm, arg(args, i));
        if (l.signum() == 0 || x.signum() == 0) {
          l = BigInteger.ZERO;
          continue;
        }
        l = l.divide(l.gcd(x)).multiply(x).abs();
      }
      return vm.newInt(l);
    });
    def(vm, d, "isqrt", (args, n, kw) -> {
      oneArg("isqrt", n, kw);
      BigInteger x = toBigInt(vm, arg(args, 0));
      if (x.signum() < 0) {
        throw vm.valueError("isqrt() argument must be nonnegative");
      }
      return vm.newInt(x.sqrt());
    });
    def(vm, d, "factorial", (args, n, kw) -> {
      oneArg("factorial", n, kw);
      BigInteger x = toBigInt(vm, arg(args, 0));
      if (x.signum() < 0) {
        throw vm.valueError("factorial() not defined for negative values");
      }
      if (x.bitLength() > 63) {
        throw vm.raise(vm.overflowError,
            "factorial() argument should not exceed " + Long.MAX_VALUE);
      }
      return vm.newInt(product(1, x.longValueExact()));
    });
    def(vm, d, "comb", (args, n, kw) -> {
      Args.noKeywords(vm, "comb", kw);
      Args.positional(vm, "comb", n, 2, 2);
      return combPerm(toBigInt(vm, arg(args, 0)), toBigInt(vm, arg(args, 1)), true);
    });
    def(vm, d, "perm", (args, n, kw) -> {
      Args.noKeywords(vm, "perm", kw);
      Args.positional(vm, "perm", n, 1, 2);
      BigInteger nn = toBigInt(vm, arg(args, 0));
      if (n == 1 || arg(args, 1) == vm.none) {
        if (nn.signum() < 0) {
          throw vm.valueError("n must be a non-negative integer");
        }
        if (nn.bitLength() > 63) {
          throw vm.raise(vm.overflowError, "n must not exceed " + Long.MAX_VALUE);
        }
        return vm.newInt(product(1, nn.longValueExact()));
      }
      return combPerm(nn, toBigInt(vm, arg(args, 1)), false);
    });
  }

  // ================================================================ argument shapes
  private void oneArg(String name, int n, long kw) {
    Args.noKeywords(vm, "math." + name, kw);
    if (n != 1) {
      throw vm.typeError("math." + name + "() takes exactly one argument (" + n + " given)");
    }
  }

  private void twoArgs(String name, int n, long kw) {
    Args.noKeywords(vm, name, kw);
    Args.positional(vm, name, n, 2, 2);
  }

  private long tuple2(long a, long b) {
    long mark = vm.handleMark();
    try {
      vm.pushHandle(a);
      vm.pushHandle(b);
      return vm.tuple(a, b);
    } finally {
      vm.popHandles(mark);
    }
  }

  /**
   * CPython's math_1: a NaN from a non-NaN argument is a domain error; an infinity from a
   * finite argument is a range error for functions that can overflow, else a domain error
   * (log(0.0), atanh(1.0)).
   */
  private void unary(long d, String name, DoubleUnaryOperator f, boolean canOverflow) {
    def(vm, d, name, (args, n, kw) -> {
      oneArg(name, n, kw);
      double x = toDouble(vm, arg(args, 0));
      return vm.newFloat(checked(x, f.applyAsDouble(x), canOverflow));
    });
  }

  private static final DoubleUnaryOperator LOG = libmFunction("log");
  private static final DoubleUnaryOperator LOG2 = libmFunction("log2");
  private static final DoubleUnaryOperator LOG10 = libmFunction("log10");
  private static final long ATAN2 = MathLibrary.address("atan2");
  private static final long POW = MathLibrary.address("pow");

  /** A unary function of the math module that is the C math library's function of its name. */
  private void libm(long d, String name, boolean canOverflow) {
    unary(d, name, libmFunction(name), canOverflow);
  }

  private static DoubleUnaryOperator libmFunction(String name) {
    long f = MathLibrary.address(name);
    return x -> MathLibrary.call(f, x);
  }

  private double checked(double x, double r, boolean canOverflow) {
    if (Double.isNaN(r) && !Double.isNaN(x)) {
      throw vm.valueError("math domain error");
    }
    if (Double.isInfinite(r) && Double.isFinite(x)) {
      if (canOverflow) {
        throw vm.raise(vm.overflowError, "math range error");
      }
      throw vm.valueError("math domain error");
    }
    return r;
  }

  // ================================================================ functions
  /**
   * log of an int of any size (CPython's loghelper): non-positive ints are a domain error;
   * ints beyond the double range are split as m * 2**e first.
   */
  private double logHelper(long x, DoubleUnaryOperator f) {
    if (vm.isInt(x)) {
      BigInteger b = vm.toBig(x);
      if (b.signum() <= 0) {
        throw vm.valueError("math domain error");
      }
      double dv = b.doubleValue();
      if (Double.isInfinite(dv)) {
        // b = m * 2**e with m in [0.5, 1): keep 55 bits, fold the rest into a sticky bit so
        // the conversion to double rounds as if it saw every bit.
        int e = b.bitLength();
        int shift = e - 55;
        BigInteger top = b.shiftRight(shift);
        if (b.getLowestSetBit() < shift) {
          top = top.or(BigInteger.ONE);
        }
        double m = top.doubleValue() / 0x1p55;
        if (m == 1.0) {
          m = 0.5;
          e++;
        }
        return f.applyAsDouble(m) + f.applyAsDouble(2.0) * e;
      }
      return checked(dv, f.applyAsDouble(dv), false);
    }
    double v = toDouble(vm, x);
    return checked(v, f.applyAsDouble(v), false);
  }

  /** math.pow: CPython's own handling of infinities and NaNs, then libm for finite operands. */
  private double pow(double x, double y) {
    double r;
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      if (Double.isNaN(x)) {
        r = y == 0.0 ? 1.0 : x;
      } else if (Double.isNaN(y)) {
        r = x == 1.0 ? 1.0 : y;
      } else if (Double.isInfinite(x)) {
        boolean oddY = Double.isFinite(y) && Math.abs(y) % 2.0 == 1.0;
        if (y > 0) {
          r = oddY ? x : Math.abs(x);
        } else if (y == 0) {
          r = 1.0;
        } else {
          r = oddY ? Math.copySign(0.0, x) : 0.0;
        }
      } else {
        if (Math.abs(x) == 1.0) {
          r = 1.0;
        } else if (y > 0 && Math.abs(x) > 1.0) {
          r = y;
        } else if (y < 0 && Math.abs(x) < 1.0) {
          r = -y;
        } else {
          r = 0.0;
        }
      }
      return r;
    }
    r = MathLibrary.call(POW, x, y);
    if (Double.isNaN(r)) {
      throw vm.valueError("math domain error");
    }
    if (Double.isInfinite(r)) {
      if (x == 0.0) {
        throw vm.valueError("math domain error");
      }
      throw vm.raise(vm.overflowError, "math range error");
    }
    return r;
  }

  private double fmod(double x, double y) {
    if (Double.isInfinite(y) && Double.isFinite(x)) {
      return x;
    }
    double r = x % y;
    if (Double.isNaN(r) && !Double.isNaN(x) && !Double.isNaN(y)) {
      throw vm.valueError("math domain error");
    }
    return r;
  }

  /** C's frexp: x = m * 2**e with 0.5 <= |m| < 1 (m = x, e = 0 for zeros, infinities, NaN). */
  static double frexp(double x, int[] e) {
    if (x == 0 || !Double.isFinite(x)) {
      e[0] = 0;
      return x;
    }
    int shift = 0;
    if (Math.getExponent(x) < Double.MIN_EXPONENT) {
      x *= 0x1p54;
      shift = -54;
    }
    int exp = Math.getExponent(x) + 1;
    e[0] = exp + shift;
    return Math.scalb(x, -exp);
  }

  private long rounding(long x, String special, DoubleUnaryOperator f) {
    if (vm.isFloat(x) && vm.typeOf(x) == vm.floatType) {
      return ModuleSupport.integralToInt(vm, f.applyAsDouble(VM.floatValue(x)));
    }
    if (vm.isInt(x) && (vm.typeOf(x) == vm.intType || vm.typeOf(x) == vm.boolType)) {
      return vm.newInt(vm.toBig(x));
    }
    long m = Args.lookupType(vm, vm.typeOf(x), vm.intern(special));
    if (m != 0) {
      return vm.rt.call(m, new long[] {x});
    }
    return ModuleSupport.integralToInt(vm, f.applyAsDouble(toDouble(vm, x)));
  }

  private static final String[] ISCLOSE = {"a", "b", "rel_tol", "abs_tol"};

  private long isclose(long args, int nargs, long kwnames) {
    long[] a = Args.parse(vm, "isclose", args, nargs, kwnames, ISCLOSE, 0, 2, 2);
    double x = toDouble(vm, a[0]);
    double y = toDouble(vm, a[1]);
    double rel = a[2] == 0 ? 1e-09 : toDouble(vm, a[2]);
    double abs = a[3] == 0 ? 0.0 : toDouble(vm, a[3]);
    if (rel < 0.0 || abs < 0.0) {
      throw vm.valueError("tolerances must be non-negative");
    }
    if (x == y) {
      return vm.trueObj;
    }
    if (Double.isInfinite(x) || Double.isInfinite(y)) {
      return vm.falseObj;
    }
    double diff = Math.abs(y - x);
    return vm.bool(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
  }

  /**
   * CPython 3.11's vector_norm: scale by a power of two so the largest coordinate lies in
   * [0.5, 1), sum the squares with exact products and compensated additions, take the square
   * root, then apply one differential correction. Error-free products use fma, which gives
   * the same low parts as Dekker's splitting.
   */
  static double vectorNorm(double[] vec, int n, double max, boolean foundNan) {
    if (Double.isInfinite(max)) {
      return max;
    }
    if (foundNan) {
      return Double.NaN;
    }
    if (max == 0.0 || n <= 1) {
      return max;
    }
    int[] maxE = new int[1];
    frexp(max, maxE);
    if (maxE[0] < -1023) {
      double[] scaled = new double[n];
      for (int i = 0; i < n; i++) {
        scaled[i] = vec[i] / Double.MIN_NORMAL;
      }
      return Double.MIN_NORMAL * vectorNorm(scaled, n, max / Double.MIN_NORMAL, false);
    }
    double scale = Math.scalb(1.0, -maxE[0]);
    double csum = 1.0;
    double frac1 = 0.0;
    double frac2 = 0.0;
    for (int i = 0; i < n; i++) {
      double x = vec[i] * scale;
      double hi = x * x;
      double lo = Math.fma(x, x, -hi);
      double sumHi = csum + hi;
      double sumLo = (csum - sumHi) + hi;
      csum = sumHi;
      frac1 += lo;
      frac2 += sumLo;
    }
    double h = Math.sqrt(csum - 1.0 + (frac1 + frac2));
    double prHi = -h * h;
    double prLo = Math.fma(-h, h, -prHi);
    double sumHi = csum + prHi;
    double sumLo = (csum - sumHi) + prHi;
    csum = sumHi;
    frac1 += prLo;
    frac2 += sumLo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
  }

  private long dist(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "dist", kwnames);
    Args.positional(vm, "dist", nargs, 2, 2);
    long p = arg(args, 0);
    long q = arg(args, 1);
    long mark = vm.handleMark();
    try {
      if (!vm.isTuple(p)) {
        p = org.stitchjit.runtime.objects.Sequences.toTuple(vm, p);
        vm.pushHandle(p);
      }
      if (!vm.isTuple(q)) {
        q = org.stitchjit.runtime.objects.Sequences.toTuple(vm, q);
        vm.pushHandle(q);
      }
      int n = VM.tupleLen(p);
      if (n != VM.tupleLen(q)) {
        throw vm.valueError("both points must have the same number of dimensions");
      }
      double[] diffs = new double[n];
      double max = 0;
      boolean nan = false;
      for (int i = 0; i < n; i++) {
        double x = Math.abs(toDouble(vm, VM.tupleGet(p, i)) - toDouble(vm, VM.tupleGet(q, i)));
        diffs[i] = x;
        nan |= Double.isNaN(x);
        if (x > max) {
          max = x;
        }
      }
      return vm.newFloat(vectorNorm(diffs, n, max, nan));
    } finally {
      vm.popHandles(mark);
    }
  }

  /**
   * Shewchuk's exact summation as CPython's fsum does it: a list of non-overlapping partials,
   * special handling of infinities and NaNs, and a final correction so the result is the
   * correctly rounded (half-even) sum.
   */
  private double fsum(long iterable) {
    double[] partials = new double[32];
    int n = 0;
    double specialSum = 0.0;
    double infSum = 0.0;
    long mark = vm.handleMark();
    try {
      long it = vm.rt.iter(iterable);
      vm.pushHandle(it);
      while (true) {
        long item = vm.rt.next(it);
        if (item == 0) {
          break;
        }
        double x = toDouble(vm, item);
        double xsave = x;
        int i = 0;
        for (int j = 0; j < n; j++) {
          double y = partials[j];
          if (Math.abs(x) < Math.abs(y)) {
            double t = x;
            x = y;
            y = t;
          }
          double hi = x + y;
          double lo = y - (hi - x);
          if (lo != 0.0) {
            partials[i++] = lo;
          }
          x = hi;
        }
        n = i;
        if (x != 0.0) {
          if (!Double.isFinite(x)) {
            if (Double.isFinite(xsave)) {
              throw vm.raise(vm.overflowError, "intermediate overflow in fsum");
            }
            if (Double.isInfinite(xsave)) {
              infSum += xsave;
            }
            specialSum += xsave;
            n = 0;
          } else {
            if (n == partials.length) {
              partials = java.util.Arrays.copyOf(partials, n * 2);
            }
            partials[n++] = x;
          }
        }
      }
    } finally {
      vm.popHandles(mark);
    }
    if (specialSum != 0.0) {
      if (Double.isNaN(infSum)) {
        throw vm.valueError("-inf + inf in fsum");
      }
      return specialSum;
    }
    double hi = 0.0;
    if (n > 0) {
      hi = partials[--n];
      double lo = 0;
      while (n > 0) {
        double x = hi;
        double y = partials[--n];
        hi = x + y;
        double yr = hi - x;
        lo = y - yr;
        if (lo != 0.0) {
          break;
        }
      }
      if (n > 0 && (lo < 0.0 && partials[n - 1] < 0.0 || lo > 0.0 && partials[n - 1] > 0.0)) {
        double y = lo * 2.0;
        double x = hi + y;
        double yr = x - hi;
        if (y == yr) {
          hi = x;
        }
      }
    }
    return hi;
  }

  private static final String[] PROD = {"iterable", "start"};

  private long prod(long args, int nargs, long kwnames) {
    long[] a = Args.parse(vm, "prod", args, nargs, kwnames, PROD, 1, 1, 1);
    long result = a[1] == 0 ? Tag.fromInt(1) : a[1];
    long mark = vm.handleMark();
    try {
      long it = vm.rt.iter(a[0]);
      vm.pushHandle(it);
      long cell = vm.pushHandle(result);
      while (true) {
        long item = vm.rt.next(it);
        if (item == 0) {
          return result;
        }
        if ((result & item & 1) != 0) {
          long x = result >> 1;
          long y = item >> 1;
          long hi = Math.multiplyHigh(x, y);
          long lo = x * y;
          if ((hi == 0 && lo >= 0 || hi == -1 && lo < 0)) {
            result = vm.newInt(lo);
            Mem.putLong(cell, result);
            continue;
          }
        }
        vm.pushHandle(item);
        result = vm.rt.binaryOp(BinaryOp.MULTIPLY, result, item);
        Mem.putLong(cell, result);
        vm.popHandles(cell + 8);
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private long combPerm(BigInteger n, BigInteger k, boolean comb) {
    if (n.signum() < 0) {
      throw vm.valueError("n must be a non-negative integer");
    }
    if (k.signum() < 0) {
      throw vm.valueError("k must be a non-negative integer");
    }
    if (k.compareTo(n) > 0) {
      return Tag.fromInt(0);
    }
    if (comb) {
      BigInteger other = n.subtract(k);
      if (other.compareTo(k) < 0) {
        k = other;
      }
      if (k.bitLength() > 63) {
        throw vm.raise(vm.overflowError,
            "min(n - k, k) must not exceed " + Long.MAX_VALUE);
      }
      long kk = k.longValueExact();
      BigInteger r = BigInteger.ONE;
      for (long i = 1; i <= kk; i++) {
        r = r.multiply(n.subtract(BigInteger.valueOf(kk - i))).divide(BigInteger.valueOf(i));
      }
      return vm.newInt(r);
    }
    if (k.bitLength() > 63) {
      throw vm.raise(vm.overflowError, "k must not exceed " + Long.MAX_VALUE);
    }
    long kk = k.longValueExact();
    BigInteger r = BigInteger.ONE;
    for (long i = 0; i < kk; i++) {
      r = r.multiply(n.subtract(BigInteger.valueOf(i)));
    }
    return vm.newInt(r);
  }

  /** lo * (lo + 1) * ... * hi by binary splitting, so big factorials stay fast. */
  private static BigInteger product(long lo, long hi) {
    if (hi < lo) {
      return BigInteger.ONE;
    }
    if (hi - lo < 16) {
      BigInteger r = BigInteger.valueOf(lo);
      for (long i = lo + 1; i <= hi; i++) {
        r = r.multiply(BigInteger.valueOf(i));
      }
      return r;
    }
    long mid = (lo + hi) >>> 1;
    return product(lo, mid).multiply(product(mid + 1, hi));
  }

}
