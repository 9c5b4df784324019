package org.stitchjit.runtime.builtins;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.builtins.Args.kwCount;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.objects.Sequences;
import org.stitchjit.runtime.objects.Sorting;
import org.stitchjit.runtime.vm.VM;

/**
 * The builtins that consume an iterable: min, max, sum, any, all, sorted. Each keeps its
 * iterator and partial result on the handle stack, since advancing the iterator or comparing
 * items can run guest code and so collect.
 */
final class Aggregates {
  private final VM vm;

  private Aggregates(VM vm) {
    this.vm = vm;
  }

  static void install(VM vm) {
    Aggregates a = new Aggregates(vm);
    vm.defineBuiltin("min", (args, n, kw) -> a.minMax(args, n, kw, false));
    vm.defineBuiltin("max", (args, n, kw) -> a.minMax(args, n, kw, true));
    vm.defineBuiltin("sum", a::sum);
    vm.defineBuiltin("any", (args, n, kw) -> a.anyAll(args, n, kw, true));
    vm.defineBuiltin("all", (args, n, kw) -> a.anyAll(args, n, kw, false));
    vm.defineBuiltin("sorted", a::sorted);
  }

  // ================================================================ min, max
  private long minMax(long args, int nargs, long kwnames, boolean isMax) {
    String name = isMax ? "max" : "min";
    int nkw = kwCount(kwnames);
    int npos = nargs - nkw;
    boolean positional = npos > 1;
    if (npos == 0) {
      throw vm.typeError(name + " expected at least 1 argument, got 0");
    }
    if (nkw > 2) {
      throw vm.typeError(name + "() takes at most 2 keyword arguments (" + nkw + " given)");
    }
    long key = 0;
    long dflt = 0;
    for (int k = 0; k < nkw; k++) {
      String kn = vm.str(VM.tupleGet(kwnames, k));
      long v = arg(args, npos + k);
      if (kn.equals("key")) {
        key = v;
      } else if (kn.equals("default")) {
        dflt = v;
      } else {
        throw vm.typeError("'" + kn + "' is an invalid keyword argument for " + name + "()");
      }
    }
    if (positional && dflt != 0) {
      throw vm.typeError("Cannot specify a default for " + name
          + "() with multiple positional arguments");
    }
    if (key == vm.none) {
      key = 0;
    }
    int op = isMax ? CompareOp.GT : CompareOp.LT;
    long mark = vm.handleMark();
    try {
      long it = positional ? 0 : vm.rt.iter(arg(args, 0));
      vm.pushHandle(it);
      // Cells for the best item and its key, rewritten as they change.
      long bestCell = vm.pushHandle(0);
      long bestKeyCell = vm.pushHandle(0);
      long itemCell = vm.pushHandle(0);
      long keyCell = vm.pushHandle(0);
      int i = 0;
      while (true) {
        long item;
        if (positional) {
          if (i == npos) {
            break;
          }
          item = arg(args, i++);
        } else {
          item = vm.rt.next(it);
          if (item == 0) {
            break;
          }
        }
        Mem.putLong(itemCell, item);
        long k = item;
        if (key != 0) {
          k = vm.rt.call(key, new long[] {item});
          Mem.putLong(keyCell, k);
        }
        if (Mem.getLong(bestCell) == 0 || vm.rt.compare(k, Mem.getLong(bestKeyCell), op)) {
          Mem.putLong(bestCell, item);
          Mem.putLong(bestKeyCell, k);
        }
      }
      long best = Mem.getLong(bestCell);
      if (best != 0) {
        return best;
      }
      if (dflt != 0) {
        return dflt;
      }
      throw vm.valueError(name + "() arg is an empty sequence");
    } finally {
      vm.popHandles(mark);
    }
  }

  // ================================================================ sum
  private static final String[] SUM_PARAMS = {"iterable", "start"};

  /**
   * sum(iterable, /, start=0) as CPython 3.11 computes it: exact ints accumulate in a Java
   * long until it would overflow, floats in a double with plain addition (3.11 has no
   * compensated summation), and anything else through the + protocol.
   */
  private long sum(long args, int nargs, long kwnames) {
    long[] a = Args.parse(vm, "sum", args, nargs, kwnames, SUM_PARAMS, 1, 2, 1);
    long result = a[1] == 0 ? Tag.fromInt(0) : a[1];
    if (vm.isStr(result)) {
      throw vm.typeError("sum() can't sum strings [use ''.join(seq) instead]");
    }
    long mark = vm.handleMark();
    try {
      long it = vm.rt.iter(a[0]);
      vm.pushHandle(it);
      long cell = vm.pushHandle(result);
      long itemCell = vm.pushHandle(0);
      // Each fast loop ends at its first item it cannot add in Java, as CPython's does.
      if (isExactInt(result) && vm.fitsLong(result)) {
        long acc = vm.toLong(result);
        while (true) {
          long item = vm.rt.next(it);
          if (item == 0) {
            return vm.newInt(acc);
          }
          if ((item & 1) != 0 || isExactInt(item) && vm.fitsLong(item)) {
            long b = (item & 1) != 0 ? Tag.intValue(item) : vm.toLong(item);
            long r = acc + b;
            if (((acc ^ r) & (b ^ r)) >= 0) {
              acc = r;
              continue;
            }
          }
          Mem.putLong(itemCell, item);
          long boxed = vm.newInt(acc);
          Mem.putLong(cell, boxed);
          result = vm.rt.binaryOp(BinaryOp.ADD, boxed, item);
          Mem.putLong(cell, result);
          break;
        }
      }
      if (isExactFloat(result)) {
        double acc = VM.floatValue(result);
        while (true) {
          long item = vm.rt.next(it);
          if (item == 0) {
            return vm.newFloat(acc);
          }
          if ((item & 1) != 0) {
            acc += (double) Tag.intValue(item);
            continue;
          }
          if (Mem.getLong(item) == vm.floatType) {
            acc += VM.floatValue(item);
            continue;
          }
          if (vm.isInt(item) && vm.fitsLong(item)) {
            acc += (double) vm.toLong(item);
            continue;
          }
          Mem.putLong(itemCell, item);
          long boxed = vm.newFloat(acc);
          Mem.putLong(cell, boxed);
          result = vm.rt.binaryOp(BinaryOp.ADD, boxed, item);
          Mem.putLong(cell, result);
          break;
        }
      }
      while (true) {
        long item = vm.rt.next(it);
        if (item == 0) {
          return result;
        }
        Mem.putLong(itemCell, item);
        result = vm.rt.binaryOp(BinaryOp.ADD, result, item);
        Mem.putLong(cell, result);
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private boolean isExactInt(long v) {
    return (v & 1) != 0 || Mem.getLong(v) == vm.intType || Mem.getLong(v) == vm.boolType;
  }

  private boolean isExactFloat(long v) {
    return (v & 1) == 0 && Mem.getLong(v) == vm.floatType;
  }

  // ================================================================ any, all
  private long anyAll(long args, int nargs, long kwnames, boolean isAny) {
    Args.exactlyOne(vm, isAny ? "any" : "all", nargs, kwnames);
    long mark = vm.handleMark();
    try {
      long it = vm.rt.iter(arg(args, 0));
      vm.pushHandle(it);
      while (true) {
        long item = vm.rt.next(it);
        if (item == 0) {
          return vm.bool(!isAny);
        }
        if (vm.isTrue(item) == isAny) {
          return vm.bool(isAny);
        }
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  // ================================================================ sorted
  /** sorted(iterable, /, *, key=None, reverse=False): list(iterable), then list.sort. */
  private long sorted(long args, int nargs, long kwnames) {
    int nkw = kwCount(kwnames);
    int npos = nargs - nkw;
    Args.positional(vm, "sorted", npos, 1, 1);
    long list = Sequences.toList(vm, arg(args, 0));
    long key = 0;
    boolean reverse = false;
    for (int k = 0; k < nkw; k++) {
      String kn = vm.str(VM.tupleGet(kwnames, k));
      long v = arg(args, npos + k);
      if (kn.equals("key")) {
        key = v;
      } else if (kn.equals("reverse")) {
        if (!vm.isInt(v)) {
          throw vm.typeError("'" + vm.typeNameOf(v)
              + "' object cannot be interpreted as an integer");
        }
        reverse = vm.toBig(v).signum() != 0;
      } else {
        throw vm.typeError("'" + kn + "' is an invalid keyword argument for sort()");
      }
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(list);
      Sorting.sort(vm, list, key, reverse);
      return list;
    } finally {
      vm.popHandles(mark);
    }
  }
}
