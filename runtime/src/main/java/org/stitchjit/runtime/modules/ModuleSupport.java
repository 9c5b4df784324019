package org.stitchjit.runtime.modules;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.vm.BuiltinImpl;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/** Conversions and registration shared by the native modules. */
final class ModuleSupport {
  private ModuleSupport() {}

  static void def(VM vm, long dict, String name, BuiltinImpl impl) {
    Dicts.setItemStr(vm, dict, vm.intern(name), vm.newBuiltin(name, impl));
  }

  static void set(VM vm, long dict, String name, long value) {
    Dicts.setItemStr(vm, dict, vm.intern(name), value);
  }

  /**
   * PyFloat_AsDouble: floats, ints (correctly rounded, OverflowError past the double range),
   * then __float__ and __index__ on other objects.
   */
  static double toDouble(VM vm, long v) {
    if ((v & 1) != 0) {
      return (double) (v >> 1);
    }
    int kind = vm.kindOf(v);
    if (kind == Kind.FLOAT) {
      return VM.floatValue(v);
    }
    if (kind == Kind.INT || kind == Kind.BOOL) {
      return bigToDouble(vm, vm.toBig(v));
    }
    long type = vm.typeOf(v);
    long m = Args.lookupType(vm, type, vm.intern("__float__"));
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {v});
      if (!vm.isFloat(r)) {
        throw vm.typeError(vm.typeName(type) + ".__float__ returned non-float (type "
            + vm.typeNameOf(r) + ")");
      }
      return VM.floatValue(r);
    }
    m = Args.lookupType(vm, type, vm.intern("__index__"));
    if (m != 0) {
      return bigToDouble(vm, toBigInt(vm, v));
    }
    throw vm.typeError("must be real number, not " + vm.typeNameOf(v));
  }

  static double bigToDouble(VM vm, BigInteger b) {
    double d = b.doubleValue();
    if (Double.isInfinite(d)) {
      throw vm.raise(vm.overflowError, "int too large to convert to float");
    }
    return d;
  }

  /** An int argument of any size: ints, bools, then __index__. */
  static BigInteger toBigInt(VM vm, long v) {
    if (vm.isInt(v)) {
      return vm.toBig(v);
    }
    long m = Args.lookupType(vm, vm.typeOf(v), vm.intern("__index__"));
    if (m == 0) {
      throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
    }
    long r = vm.rt.call(m, new long[] {v});
    if (!vm.isInt(r)) {
      throw vm.typeError("__index__ returned non-int (type " + vm.typeNameOf(r) + ")");
    }
    return vm.toBig(r);
  }

  /** int(d) for a double already rounded to an integral value (floor, ceil, trunc). */
  static long integralToInt(VM vm, double d) {
    if (Double.isNaN(d)) {
      throw vm.valueError("cannot convert float NaN to integer");
    }
    if (Double.isInfinite(d)) {
      throw vm.raise(vm.overflowError, "cannot convert float infinity to integer");
    }
    if (Math.abs(d) < 0x1p62) {
      return vm.newInt((long) d);
    }
    return vm.newInt(new BigDecimal(d).toBigInteger());
  }
}
