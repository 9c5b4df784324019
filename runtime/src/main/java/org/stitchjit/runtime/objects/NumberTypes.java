package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;

import java.math.BigInteger;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.text.IntParse;
import org.stitchjit.runtime.vm.VM;

/** Installs int, bool and float: their kind behaviour, constructors and methods. */
public final class NumberTypes {
  private NumberTypes() {}

  public static void install(VM vm) {
    vm.setKindOps(Kind.INT, new IntOps());
    vm.setKindOps(Kind.BOOL, new BoolOps());
    vm.setKindOps(Kind.FLOAT, new FloatOps());
    installIntMethods(vm);
    installFloatMethods(vm);
  }

  // ================================================================ constructors
  /** int(), int(x), int(x, base) / int(x, base=b). */
  static long constructInt(VM vm, long args, int nargs, long kwnames) {
    if (nargs > 2) {
      throw vm.typeError("int() takes at most 2 arguments (" + nargs + " given)");
    }
    int nkw = kwnames == 0 ? 0 : VM.tupleLen(kwnames);
    int npos = nargs - nkw;
    long x = npos >= 1 ? arg(args, 0) : 0;
    long base = npos >= 2 ? arg(args, 1) : 0;
    for (int i = 0; i < nkw; i++) {
      String name = vm.str(VM.tupleGet(kwnames, i));
      if (!name.equals("base")) {
        throw vm.typeError("'" + name + "' is an invalid keyword argument for int()");
      }
      base = arg(args, npos + i);
    }
    if (x == 0) {
      if (base != 0) {
        throw vm.typeError("int() missing string argument");
      }
      return fromInt(0);
    }
    if (base == 0) {
      return intOf(vm, x);
    }
    int b = baseValue(vm, base);
    if (!vm.isStr(x)) {
      throw vm.typeError("int() can't convert non-string with explicit base");
    }
    return parseInt(vm, vm.str(x), b);
  }

  /** The base argument of int(): an integer 0 or 2..36 (ValueError otherwise). */
  private static int baseValue(VM vm, long base) {
    long w = Numbers.intWord(vm, base);
    long b = w == 0 ? vm.toIndex(base) : (w & 1) != 0 ? w >> 1 : -1;
    if (b != 0 && (b < 2 || b > 36)) {
      throw vm.valueError("int() base must be >= 2 and <= 36, or 0");
    }
    return (int) b;
  }

  private static long parseInt(VM vm, String s, int base) {
    Number n;
    try {
      n = IntParse.parseInt(s, base);
    } catch (FormatError e) {
      throw Numbers.convert(vm, e);
    }
    if (n instanceof BigInteger) {
      return vm.newInt((BigInteger) n);
    }
    return vm.newInt(n.longValue());
  }

  /**
   * int(v) with one argument (PyNumber_Long): ints as themselves (bools as 0 and 1), floats
   * truncated, strs parsed in base 10, anything else through its type's __int__, __index__ or
   * __trunc__.
   */
  public static long intOf(VM vm, long v) {
    long w = Numbers.intWord(vm, v);
    if (w != 0) {
      return w;
    }
    if (Numbers.isFloat(vm, v)) {
      return Numbers.floatToInt(vm, VM.floatValue(v));
    }
    if (vm.isStr(v)) {
      return parseInt(vm, vm.str(v), 10);
    }
    long m = Numbers.special(vm, v, "__int__");
    if (m != 0) {
      return intResult(vm, vm.rt.call(m, new long[] {v}), "__int__");
    }
    m = Numbers.special(vm, v, "__index__");
    if (m != 0) {
      return Numbers.callIndex(vm, m, v);
    }
    m = Numbers.special(vm, v, "__trunc__");
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {v});
      w = Numbers.intWord(vm, r);
      if (w != 0) {
        return w;
      }
      long index = Numbers.special(vm, r, "__index__");
      if (index == 0) {
        throw vm.typeError("__trunc__ returned non-Integral (type " + vm.typeNameOf(r) + ")");
      }
      return Numbers.callIndex(vm, index, r);
    }
    throw vm.typeError("int() argument must be a string, a bytes-like object or a real number,"
        + " not '" + vm.typeNameOf(v) + "'");
  }

  private static long intResult(VM vm, long r, String method) {
    long w = Numbers.intWord(vm, r);
    if (w == 0) {
      throw vm.typeError(method + " returned non-int (type " + vm.typeNameOf(r) + ")");
    }
    return w;
  }

  /** float(), float(x). */
  static long constructFloat(VM vm, long args, int nargs, long kwnames) {
    if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
      throw vm.typeError("float() takes no keyword arguments");
    }
    if (nargs > 1) {
      throw vm.typeError("float expected at most 1 argument, got " + nargs);
    }
    if (nargs == 0) {
      return vm.newFloat(0.0);
    }
    return floatOf(vm, arg(args, 0));
  }

  /**
   * float(v) with one argument (PyNumber_Float): floats as themselves, ints converted (correctly
   * rounded; OverflowError when too large), strs parsed, others through __float__ or __index__.
   */
  public static long floatOf(VM vm, long v) {
    if (Numbers.isFloat(vm, v)) {
      return v;
    }
    long w = Numbers.intWord(vm, v);
    if (w != 0) {
      return vm.newFloat(Numbers.intToDouble(vm, w));
    }
    if (vm.isStr(v)) {
      try {
        return vm.newFloat(IntParse.parseFloat(vm.str(v)));
      } catch (FormatError e) {
        throw Numbers.convert(vm, e);
      }
    }
    long m = Numbers.special(vm, v, "__float__");
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {v});
      if (!Numbers.isFloat(vm, r)) {
        throw vm.typeError(vm.typeNameOf(v) + ".__float__ returned non-float (type "
            + vm.typeNameOf(r) + ")");
      }
      return r;
    }
    m = Numbers.special(vm, v, "__index__");
    if (m != 0) {
      return vm.newFloat(Numbers.intToDouble(vm, Numbers.callIndex(vm, m, v)));
    }
    throw vm.typeError("float() argument must be a string or a real number, not '"
        + vm.typeNameOf(v) + "'");
  }

  /** bool(), bool(x). */
  static long constructBool(VM vm, long args, int nargs, long kwnames) {
    if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
      throw vm.typeError("bool() takes no keyword arguments");
    }
    if (nargs > 1) {
      throw vm.typeError("bool expected at most 1 argument, got " + nargs);
    }
    if (nargs == 0) {
      return vm.falseObj;
    }
    long x = arg(args, 0);
    if (Numbers.isNumber(vm, x)) {
      return vm.bool(vm.kindOps[vm.kindOf(x)].isTrue(vm, x) != 0);
    }
    return vm.bool(vm.isTrue(x));
  }

  // ================================================================ int methods
  private static void installIntMethods(VM vm) {
    long t = vm.intType;
    noArgs(vm, t, "bit_length", (self, w) -> {
      if ((w & 1) != 0) {
        return fromInt(64 - Long.numberOfLeadingZeros(Math.abs(w >> 1)));
      }
      return fromInt(vm.toBig(w).abs().bitLength());
    });
    noArgs(vm, t, "bit_count", (self, w) -> {
      if ((w & 1) != 0) {
        return fromInt(Long.bitCount(Math.abs(w >> 1)));
      }
      return fromInt(vm.toBig(w).abs().bitCount());
    });
    noArgs(vm, t, "as_integer_ratio", (self, w) -> vm.tuple(w, fromInt(1)));
    noArgs(vm, t, "__trunc__", (self, w) -> w);
    noArgs(vm, t, "__floor__", (self, w) -> w);
    noArgs(vm, t, "__ceil__", (self, w) -> w);
    slot(vm, t, "__index__", (self, w) -> w);
    slot(vm, t, "__int__", (self, w) -> w);
    slot(vm, t, "__float__", (self, w) -> vm.newFloat(Numbers.intToDouble(vm, w)));
    vm.defineMethod(t, "__round__", (args, nargs, kwnames) -> {
      long self = receiver(vm, t, "__round__", args, nargs, false);
      checkRoundArgs(vm, "int", nargs, kwnames);
      long w = Numbers.intWord(vm, self);
      if (nargs == 1) {
        return w;
      }
      long nd = arg(args, 1);
      if (nd == vm.none) {
        throw vm.typeError("'NoneType' object cannot be interpreted as an integer");
      }
      return Numbers.round(vm, w, nd);
    });
  }

  // ================================================================ float methods
  private static void installFloatMethods(VM vm) {
    long t = vm.floatType;
    noArgs(vm, t, "is_integer", (self, d) -> {
      double x = VM.floatValue(self);
      return vm.bool(Double.isFinite(x) && x == Math.floor(x));
    });
    noArgs(vm, t, "as_integer_ratio", (self, d) -> integerRatio(vm, VM.floatValue(self)));
    noArgs(vm, t, "__trunc__", (self, d) -> Numbers.floatToInt(vm, VM.floatValue(self)));
    noArgs(vm, t, "__floor__",
        (self, d) -> Numbers.floatToInt(vm, Math.floor(VM.floatValue(self))));
    noArgs(vm, t, "__ceil__",
        (self, d) -> Numbers.floatToInt(vm, Math.ceil(VM.floatValue(self))));
    slot(vm, t, "__int__", (self, d) -> Numbers.floatToInt(vm, VM.floatValue(self)));
    slot(vm, t, "__float__", (self, d) -> self);
    vm.defineMethod(t, "__round__", (args, nargs, kwnames) -> {
      long self = receiver(vm, t, "__round__", args, nargs, false);
      checkRoundArgs(vm, "float", nargs, kwnames);
      return Numbers.round(vm, self, nargs == 2 ? arg(args, 1) : 0);
    });
  }

  /** float.as_integer_ratio(): the exact fraction in lowest terms, denominator a power of 2. */
  static long integerRatio(VM vm, double x) {
    if (Double.isInfinite(x)) {
      throw vm.raise(vm.overflowError, "cannot convert Infinity to integer ratio");
    }
    if (x != x) {
      throw vm.valueError("cannot convert NaN to integer ratio");
    }
    if (x == 0) {
      return vm.tuple(fromInt(0), fromInt(1));
    }
    long bits = Double.doubleToRawLongBits(x);
    int biased = (int) ((bits >>> 52) & 0x7ff);
    long mant = bits & ((1L << 52) - 1);
    int e;
    if (biased == 0) {
      e = -1074;
    } else {
      mant |= 1L << 52;
      e = biased - 1075;
    }
    if (e < 0) {
      int tz = Math.min(Long.numberOfTrailingZeros(mant), -e);
      mant >>= tz;
      e += tz;
    }
    BigInteger num = BigInteger.valueOf(x < 0 ? -mant : mant);
    if (e >= 0) {
      return vm.tuple(vm.newInt(num.shiftLeft(e)), fromInt(1));
    }
    long n = vm.newInt(num);
    long d = vm.newInt(BigInteger.ONE.shiftLeft(-e));
    return vm.tuple(n, d);
  }

  // ================================================================ method plumbing
  /** A method body given the receiver and its int word (for float methods: 0). */
  @FunctionalInterface
  private interface Body {
    long apply(long self, long word);
  }

  /** A METH_NOARGS method: "int.bit_length() takes no arguments (1 given)". */
  private static void noArgs(VM vm, long type, String name, Body body) {
    String qual = vm.typeName(type) + "." + name;
    vm.defineMethod(type, name, (args, nargs, kwnames) -> {
      long self = receiver(vm, type, name, args, nargs, false);
      if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
        throw vm.typeError(qual + "() takes no keyword arguments");
      }
      if (nargs != 1) {
        throw vm.typeError(qual + "() takes no arguments (" + (nargs - 1) + " given)");
      }
      return body.apply(self, Numbers.intWord(vm, self));
    });
  }

  /** A slot wrapper such as int.__index__: "expected 0 arguments, got 1". */
  private static void slot(VM vm, long type, String name, Body body) {
    vm.defineMethod(type, name, (args, nargs, kwnames) -> {
      long self = receiver(vm, type, name, args, nargs, true);
      if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
        throw vm.typeError("wrapper " + name + "() takes no keyword arguments");
      }
      if (nargs != 1) {
        throw vm.typeError("expected 0 arguments, got " + (nargs - 1));
      }
      return body.apply(self, Numbers.intWord(vm, self));
    });
  }

  private static void checkRoundArgs(VM vm, String type, int nargs, long kwnames) {
    if (kwnames != 0 && VM.tupleLen(kwnames) > 0) {
      throw vm.typeError(type + ".__round__() takes no keyword arguments");
    }
    if (nargs > 2) {
      throw vm.typeError("__round__ expected at most 1 argument, got " + (nargs - 1));
    }
  }

  /**
   * args[0] checked against the method's type (int methods accept bools), with CPython's
   * descriptor errors for int.bit_length("x").
   */
  private static long receiver(VM vm, long type, String name, long args, int nargs,
      boolean slotWrapper) {
    if (nargs == 0) {
      throw vm.typeError("descriptor '" + name + "' of '" + vm.typeName(type)
          + "' object needs an argument");
    }
    long self = arg(args, 0);
    boolean ok = type == vm.floatType ? Numbers.isFloat(vm, self)
        : Numbers.intWord(vm, self) != 0;
    if (!ok) {
      if (slotWrapper) {
        throw vm.typeError("descriptor '" + name + "' requires a '" + vm.typeName(type)
            + "' object but received a '" + vm.typeNameOf(self) + "'");
      }
      throw vm.typeError("descriptor '" + name + "' for '" + vm.typeName(type)
          + "' objects doesn't apply to a '" + vm.typeNameOf(self) + "' object");
    }
    return self;
  }

  private static long arg(long args, int i) {
    return Mem.getLong(args + 8L * i);
  }
}
