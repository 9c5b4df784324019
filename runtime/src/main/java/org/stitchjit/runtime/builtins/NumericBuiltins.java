package org.stitchjit.runtime.builtins;

import static org.stitchjit.runtime.builtins.Args.arg;

import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.runtime.objects.Numbers;
import org.stitchjit.runtime.vm.VM;

/**
 * abs, divmod, pow and round: a class's special method first (__abs__, __divmod__ and
 * __rdivmod__, __pow__, __round__), then the numeric kinds' own arithmetic (Numbers).
 */
final class NumericBuiltins {
  private final VM vm;
  private final long sAbs;
  private final long sDivmod;
  private final long sRdivmod;
  private final long sPow;
  private final long sRound;

  private NumericBuiltins(VM vm) {
    this.vm = vm;
    sAbs = vm.intern("__abs__");
    sDivmod = vm.intern("__divmod__");
    sRdivmod = vm.intern("__rdivmod__");
    sPow = vm.intern("__pow__");
    sRound = vm.intern("__round__");
  }

  static void install(VM vm) {
    NumericBuiltins b = new NumericBuiltins(vm);
    vm.defineBuiltin("abs", b::abs);
    vm.defineBuiltin("divmod", b::divmod);
    vm.defineBuiltin("pow", b::pow);
    vm.defineBuiltin("round", b::round);
  }

  /** A special method a class statement defined for v's type, or NULL. */
  private long userMethod(long v, long name) {
    if ((v & 1) != 0) {
      return 0;
    }
    long type = vm.typeOf(v);
    if ((VM.typeFlags(type) & TypeFlags.HEAPTYPE) == 0) {
      return 0;
    }
    long m = Args.lookupType(vm, type, name);
    // Built-in types' methods in the MRO are the numeric kinds' own: Numbers handles those.
    return m != 0 && vm.typeOf(m) != vm.builtinType ? m : 0;
  }

  private long abs(long args, int nargs, long kwnames) {
    Args.exactlyOne(vm, "abs", nargs, kwnames);
    long x = arg(args, 0);
    long m = userMethod(x, sAbs);
    if (m != 0) {
      return vm.rt.call(m, new long[] {x});
    }
    return Numbers.abs(vm, x);
  }

  private long divmod(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "divmod", kwnames);
    Args.positional(vm, "divmod", nargs, 2, 2);
    long a = arg(args, 0);
    long b = arg(args, 1);
    long m = userMethod(a, sDivmod);
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {a, b});
      if (r != vm.notImplemented) {
        return r;
      }
    }
    if (vm.typeOf(b) != vm.typeOf(a)) {
      m = userMethod(b, sRdivmod);
      if (m != 0) {
        long r = vm.rt.call(m, new long[] {b, a});
        if (r != vm.notImplemented) {
          return r;
        }
      }
    }
    long r = Numbers.divmod(vm, a, b);
    if (r != vm.notImplemented) {
      return r;
    }
    throw vm.typeError("unsupported operand type(s) for divmod(): '" + vm.typeNameOf(a)
        + "' and '" + vm.typeNameOf(b) + "'");
  }

  private static final String[] POW = {"base", "exp", "mod"};

  private long pow(long args, int nargs, long kwnames) {
    long[] a = Args.parse(vm, "pow", args, nargs, kwnames, POW, 0, 3, 2);
    long mod = a[2];
    if (mod == 0 || mod == vm.none) {
      return Numbers.power(vm, a[0], a[1]);
    }
    long m = userMethod(a[0], sPow);
    if (m != 0) {
      long r = vm.rt.call(m, new long[] {a[0], a[1], mod});
      if (r != vm.notImplemented) {
        return r;
      }
    }
    return Numbers.pow3(vm, a[0], a[1], mod);
  }

  private static final String[] ROUND = {"number", "ndigits"};

  private long round(long args, int nargs, long kwnames) {
    long[] a = Args.parse(vm, "round", args, nargs, kwnames, ROUND, 0, 2, 1);
    long x = a[0];
    long m = userMethod(x, sRound);
    if (m != 0) {
      if (a[1] == 0 || a[1] == vm.none) {
        return vm.rt.call(m, new long[] {x});
      }
      return vm.rt.call(m, new long[] {x, a[1]});
    }
    return Numbers.round(vm, x, a[1]);
  }
}
