package org.stitchjit.runtime.objects;

import java.math.BigInteger;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * A VM with only the numeric kinds installed, and the little protocol glue the tests need
 * (operator dispatch with reflection, repr of results and exceptions) written against the
 * TypeOps contract, so the numeric code is tested without the interpreter.
 */
class NumberTestSupport implements AutoCloseable {
  final VM vm = new VM(1L << 30, System.out, System.err);

  NumberTestSupport() {
    NumberTypes.install(vm);
  }

  @Override
  public void close() {
    vm.close();
  }

  /** A value from Python literal text: True/False, an int of any size, or a float repr. */
  long parse(String text) {
    switch (text) {
      case "True":
        return vm.trueObj;
      case "False":
        return vm.falseObj;
      case "inf":
        return vm.newFloat(Double.POSITIVE_INFINITY);
      case "-inf":
        return vm.newFloat(Double.NEGATIVE_INFINITY);
      case "nan":
        return vm.newFloat(Double.NaN);
      default:
        if (text.contains(".") || text.contains("e")) {
          return vm.newFloat(Double.parseDouble(text));
        }
        return vm.newInt(new BigInteger(text));
    }
  }

  long i(long n) {
    return vm.newInt(n);
  }

  long big(String decimal) {
    return vm.newInt(new BigInteger(decimal));
  }

  long f(double d) {
    return vm.newFloat(d);
  }

  TypeOps ops(long v) {
    return vm.kindOps[vm.kindOf(v)];
  }

  /** a op b with the protocol's reflection: left kind first, then the right kind. */
  long binary(int op, long a, long b) {
    long r = ops(a).binaryOp(vm, op, a, b);
    if (r == vm.notImplemented && vm.kindOf(a) != vm.kindOf(b)) {
      r = ops(b).binaryOp(vm, op, a, b);
    }
    if (r == vm.notImplemented) {
      throw vm.typeError("unsupported operand type(s) for " + BinaryOp.symbol(BinaryOp.base(op)) + ": '"
          + vm.typeNameOf(a) + "' and '" + vm.typeNameOf(b) + "'");
    }
    return r;
  }

  long compare(int op, long a, long b) {
    long r = ops(a).richCompare(vm, a, b, op);
    if (r == vm.notImplemented && vm.kindOf(a) != vm.kindOf(b)) {
      r = ops(b).richCompare(vm, b, a, CompareOp.swapped(op));
    }
    if (r == vm.notImplemented) {
      throw vm.typeError("'" + CompareOp.symbol(op) + "' not supported");
    }
    return r;
  }

  long unary(org.stitchjit.api.bytecode.Opcode op, long v) {
    long r = ops(v).unaryOp(vm, op, v);
    if (r == 0) {
      String sym = switch (op) {
        case UNARY_NEGATIVE -> "-";
        case UNARY_POSITIVE -> "+";
        default -> "~";
      };
      throw vm.typeError("bad operand type for unary " + sym + ": '" + vm.typeNameOf(v) + "'");
    }
    return r;
  }

  /** Python's repr of a numeric result, a tuple of them, or a str. */
  String repr(long v) {
    if (vm.isTuple(v)) {
      StringBuilder sb = new StringBuilder("(");
      int n = VM.tupleLen(v);
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          sb.append(", ");
        }
        sb.append(repr(VM.tupleGet(v, k)));
      }
      return sb.append(n == 1 ? ",)" : ")").toString();
    }
    if (vm.isStr(v)) {
      return "'" + vm.str(v) + "'";
    }
    return vm.str(ops(v).repr(vm, v));
  }

  /** "TypeName: str(exception)" as Python's traceback's last line shows it. */
  String describe(PyException e) {
    long args = Mem.getLong(e.exc + Layout.Exc.ARGS);
    int n = VM.tupleLen(args);
    String text;
    if (n == 0) {
      text = "";
    } else if (n == 1) {
      long a = VM.tupleGet(args, 0);
      text = vm.isStr(a) ? vm.str(a) : repr(a);
    } else {
      text = repr(args);
    }
    return vm.typeNameOf(e.exc) + ": " + text;
  }

  /** The result's repr, or the exception's description. */
  String run(java.util.function.LongSupplier f) {
    try {
      return repr(f.getAsLong());
    } catch (PyException e) {
      return describe(e);
    }
  }

  /** Calls a method defined in a type's dict with receiver and arguments. */
  long callMethod(long type, String name, long... args) {
    long m = Dicts.getItemStr(vm, Mem.getLong(type + Layout.Type.DICT), vm.intern(name));
    if (m == 0) {
      throw new AssertionError("no method " + name);
    }
    return callWords(vm.builtinImpl(m), args, 0);
  }

  /** Calls a builtin implementation with arguments copied to the handle stack. */
  long callWords(org.stitchjit.runtime.vm.BuiltinImpl impl, long[] args, long kwnames) {
    long mark = vm.handleMark();
    try {
      long base = mark;
      for (long a : args) {
        vm.pushHandle(a);
      }
      return impl.call(base, args.length, kwnames);
    } finally {
      vm.popHandles(mark);
    }
  }

  long construct(int kind, long[] args, long kwnames) {
    long mark = vm.handleMark();
    try {
      for (long a : args) {
        vm.pushHandle(a);
      }
      return vm.kindOps[kind].construct(vm, 0, mark, args.length, kwnames);
    } finally {
      vm.popHandles(mark);
    }
  }

  static boolean isSmall(long v) {
    return Tag.isInt(v);
  }
}
