package org.stitchjit.runtime.objects;

import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.runtime.text.StrOps;
import org.stitchjit.runtime.vm.BuiltinImpl;
import org.stitchjit.runtime.vm.VM;

/**
 * Installs str, tuple, list, range, slice and the built-in iterators into a VM: their kind
 * behaviour and the methods in their type dicts.
 */
public final class SequenceTypes {
  private SequenceTypes() {}

  /** A method body: args[0] is the receiver, already checked to be of the right type. */
  private interface Method {
    long call(VM vm, long args, int nargs, long kwnames);
  }

  private interface Receiver {
    boolean accepts(VM vm, long v);
  }

  public static void install(VM vm) {
    vm.setKindOps(Kind.STR, new StrType());
    vm.setKindOps(Kind.TUPLE, new TupleType());
    vm.setKindOps(Kind.LIST, new ListType());
    vm.setKindOps(Kind.RANGE, new RangeType());
    vm.setKindOps(Kind.SLICE, new SliceType());
    vm.setKindOps(Kind.ITERATOR, new Iterators());
    installStr(vm);
    installTuple(vm);
    installList(vm);
    installRange(vm);
    define(vm, vm.sliceType, "slice", "indices", SliceType::isSlice, SliceType::indicesMethod);
    defineDunders(vm, vm.strType, "str", StrType::isStr);
    defineDunders(vm, vm.tupleType, "tuple", (v, x) -> v.isTuple(x));
    defineDunders(vm, vm.listType, "list", (v, x) -> v.isList(x));
    defineDunders(vm, vm.rangeType, "range", RangeType::isRange);
    define(vm, vm.listType, "list", "__reversed__", (v, x) -> v.isList(x),
        (v, a, n, k) -> {
          Sequences.noArgs(v, "list.__reversed__", n - 1, k);
          long self = Sequences.arg(a, 0);
          return Iterators.newIter(v, v.reversedType, self,
              org.stitchjit.api.layout.Tag.fromInt(VM.listLen(self) - 1));
        });
    for (long t : new long[] {vm.listIteratorType, vm.tupleIteratorType, vm.rangeIteratorType,
        vm.strIteratorType, vm.seqIteratorType, vm.callIteratorType, vm.enumerateType,
        vm.zipType, vm.mapType, vm.filterType, vm.reversedType}) {
      String name = vm.typeName(t);
      Receiver r = (v, x) -> (x & 1) == 0 && v.typeOf(x) == t;
      define(vm, t, name, "__iter__", r, (v, a, n, k) -> {
        Sequences.noArgs(v, name + ".__iter__", n - 1, k);
        return Sequences.arg(a, 0);
      });
      define(vm, t, name, "__next__", r, (v, a, n, k) -> {
        Sequences.noArgs(v, name + ".__next__", n - 1, k);
        long item = Iterators.nextItem(v, Sequences.arg(a, 0));
        if (item == 0) {
          throw v.raiseEmpty(v.stopIteration);
        }
        return item;
      });
    }
  }

  private static final String[] COMPARE_NAMES = {
    "__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"
  };

  /**
   * The container special methods of a built-in sequence type, so that subclasses can reach
   * them through super() and programs can call them explicitly. The protocols never look
   * them up for built-in types (they call the kind ops directly), so they cost nothing there.
   */
  private static void defineDunders(VM vm, long type, String typeName, Receiver r) {
    int kind = VM.typeKind(type);
    org.stitchjit.runtime.vm.TypeOps ops = vm.kindOps[kind];
    define(vm, type, typeName, "__len__", r, (v, a, n, k) -> {
      Sequences.noArgs(v, typeName + ".__len__", n - 1, k);
      return v.newInt(ops.len(v, Sequences.arg(a, 0)));
    });
    define(vm, type, typeName, "__getitem__", r, (v, a, n, k) -> {
      Sequences.oneArg(v, typeName + ".__getitem__", n - 1, k);
      return ops.getItem(v, Sequences.arg(a, 0), Sequences.arg(a, 1));
    });
    define(vm, type, typeName, "__contains__", r, (v, a, n, k) -> {
      Sequences.oneArg(v, typeName + ".__contains__", n - 1, k);
      return v.bool(ops.contains(v, Sequences.arg(a, 0), Sequences.arg(a, 1)) > 0);
    });
    define(vm, type, typeName, "__iter__", r, (v, a, n, k) -> {
      Sequences.noArgs(v, typeName + ".__iter__", n - 1, k);
      return ops.iter(v, Sequences.arg(a, 0));
    });
    define(vm, type, typeName, "__repr__", r, (v, a, n, k) -> {
      Sequences.noArgs(v, typeName + ".__repr__", n - 1, k);
      return ops.repr(v, Sequences.arg(a, 0));
    });
    for (int op = 0; op < COMPARE_NAMES.length; op++) {
      int cmp = op;
      String name = COMPARE_NAMES[op];
      define(vm, type, typeName, name, r, (v, a, n, k) -> {
        Sequences.oneArg(v, typeName + "." + name, n - 1, k);
        return ops.richCompare(v, Sequences.arg(a, 0), Sequences.arg(a, 1), cmp);
      });
    }
    if (kind == Kind.LIST) {
      define(vm, type, typeName, "__setitem__", r, (v, a, n, k) -> {
        Sequences.noKeywords(v, typeName + ".__setitem__", k);
        Sequences.expectedArgs(v, "__setitem__", n - 1, 2, 2);
        ops.setItem(v, Sequences.arg(a, 0), Sequences.arg(a, 1), Sequences.arg(a, 2));
        return v.none;
      });
      define(vm, type, typeName, "__delitem__", r, (v, a, n, k) -> {
        Sequences.oneArg(v, typeName + ".__delitem__", n - 1, k);
        ops.delItem(v, Sequences.arg(a, 0), Sequences.arg(a, 1));
        return v.none;
      });
    }
  }

  /**
   * Defines a method that checks its receiver the way CPython's method descriptors do, so
   * list.append(5, 1) fails cleanly instead of treating 5 as a list.
   */
  private static void define(VM vm, long type, String typeName, String name, Receiver check,
      Method body) {
    BuiltinImpl impl = (args, nargs, kwnames) -> {
      int npos = nargs - Sequences.kwCount(kwnames);
      if (npos < 1) {
        throw vm.typeError("unbound method " + typeName + "." + name
            + "() needs an argument");
      }
      long self = Sequences.arg(args, 0);
      if (!check.accepts(vm, self)) {
        throw vm.typeError("descriptor '" + name + "' for '" + typeName
            + "' objects doesn't apply to a '" + vm.typeNameOf(self) + "' object");
      }
      return body.call(vm, args, nargs, kwnames);
    };
    vm.defineMethod(type, name, impl);
  }

  private static void installStr(VM vm) {
    long t = vm.strType;
    Receiver r = StrType::isStr;
    define(vm, t, "str", "split", r, (v, a, n, k) -> StrType.splitMethod(v, a, n, k, false));
    define(vm, t, "str", "rsplit", r, (v, a, n, k) -> StrType.splitMethod(v, a, n, k, true));
    define(vm, t, "str", "join", r, StrType::joinMethod);
    define(vm, t, "str", "strip", r,
        (v, a, n, k) -> StrType.stripMethod(v, "strip", a, n, k, true, true));
    define(vm, t, "str", "lstrip", r,
        (v, a, n, k) -> StrType.stripMethod(v, "lstrip", a, n, k, true, false));
    define(vm, t, "str", "rstrip", r,
        (v, a, n, k) -> StrType.stripMethod(v, "rstrip", a, n, k, false, true));
    define(vm, t, "str", "replace", r, StrType::replaceMethod);
    define(vm, t, "str", "find", r, StrType::findMethod);
    define(vm, t, "str", "rfind", r, StrType::rfindMethod);
    define(vm, t, "str", "index", r, StrType::indexMethod);
    define(vm, t, "str", "rindex", r, StrType::rindexMethod);
    define(vm, t, "str", "count", r, StrType::countMethod);
    define(vm, t, "str", "startswith", r,
        (v, a, n, k) -> StrType.tailMatchMethod(v, "startswith", a, n, k, false));
    define(vm, t, "str", "endswith", r,
        (v, a, n, k) -> StrType.tailMatchMethod(v, "endswith", a, n, k, true));
    for (String name : new String[] {"upper", "lower", "title", "capitalize", "swapcase",
        "casefold"}) {
      define(vm, t, "str", name, r, (v, a, n, k) -> StrType.caseMethod(v, name, a, n, k));
    }
    define(vm, t, "str", "isdigit", r,
        (v, a, n, k) -> StrType.allMethod(v, "isdigit", a, n, k, StrOps::isDigit));
    define(vm, t, "str", "isalpha", r,
        (v, a, n, k) -> StrType.allMethod(v, "isalpha", a, n, k, StrOps::isAlpha));
    define(vm, t, "str", "isspace", r,
        (v, a, n, k) -> StrType.allMethod(v, "isspace", a, n, k, StrOps::isSpace));
    define(vm, t, "str", "isalnum", r,
        (v, a, n, k) -> StrType.allMethod(v, "isalnum", a, n, k, StrOps::isAlnum));
    define(vm, t, "str", "isdecimal", r,
        (v, a, n, k) -> StrType.allMethod(v, "isdecimal", a, n, k, StrOps::isDecimal));
    define(vm, t, "str", "isnumeric", r,
        (v, a, n, k) -> StrType.allMethod(v, "isnumeric", a, n, k, StrOps::isNumeric));
    define(vm, t, "str", "isupper", r,
        (v, a, n, k) -> StrType.predicateMethod(v, "isupper", a, n, k, StrOps::isUpper));
    define(vm, t, "str", "islower", r,
        (v, a, n, k) -> StrType.predicateMethod(v, "islower", a, n, k, StrOps::isLower));
    define(vm, t, "str", "istitle", r,
        (v, a, n, k) -> StrType.predicateMethod(v, "istitle", a, n, k, StrOps::isTitle));
    define(vm, t, "str", "isidentifier", r, (v, a, n, k) ->
        StrType.predicateMethod(v, "isidentifier", a, n, k, StrOps::isIdentifier));
    define(vm, t, "str", "isascii", r,
        (v, a, n, k) -> StrType.predicateMethod(v, "isascii", a, n, k, StrOps::isAscii));
    define(vm, t, "str", "isprintable", r, (v, a, n, k) ->
        StrType.predicateMethod(v, "isprintable", a, n, k, StrOps::isPrintable));
    for (String name : new String[] {"center", "ljust", "rjust"}) {
      define(vm, t, "str", name, r, (v, a, n, k) -> StrType.padMethod(v, name, a, n, k));
    }
    define(vm, t, "str", "zfill", r, StrType::zfillMethod);
    define(vm, t, "str", "format", r, StrType::formatMethod);
    define(vm, t, "str", "format_map", r, StrType::formatMapMethod);
    define(vm, t, "str", "partition", r,
        (v, a, n, k) -> StrType.partitionMethod(v, a, n, k, false));
    define(vm, t, "str", "rpartition", r,
        (v, a, n, k) -> StrType.partitionMethod(v, a, n, k, true));
    define(vm, t, "str", "splitlines", r, StrType::splitlinesMethod);
    define(vm, t, "str", "expandtabs", r, StrType::expandtabsMethod);
    define(vm, t, "str", "removeprefix", r,
        (v, a, n, k) -> StrType.affixMethod(v, "removeprefix", a, n, k, true));
    define(vm, t, "str", "removesuffix", r,
        (v, a, n, k) -> StrType.affixMethod(v, "removesuffix", a, n, k, false));
  }

  private static void installTuple(VM vm) {
    Receiver r = (v, x) -> v.isTuple(x);
    define(vm, vm.tupleType, "tuple", "count", r, TupleType::count);
    define(vm, vm.tupleType, "tuple", "index", r, TupleType::index);
  }

  private static void installList(VM vm) {
    long t = vm.listType;
    Receiver r = (v, x) -> v.isList(x);
    define(vm, t, "list", "__init__", r, ListType::init);
    define(vm, t, "list", "append", r, ListType::append);
    define(vm, t, "list", "extend", r, ListType::extendMethod);
    define(vm, t, "list", "insert", r, ListType::insert);
    define(vm, t, "list", "pop", r, ListType::pop);
    define(vm, t, "list", "remove", r, ListType::remove);
    define(vm, t, "list", "index", r, ListType::index);
    define(vm, t, "list", "count", r, ListType::count);
    define(vm, t, "list", "sort", r, Sorting::sortMethod);
    define(vm, t, "list", "reverse", r, ListType::reverse);
    define(vm, t, "list", "copy", r, ListType::copy);
    define(vm, t, "list", "clear", r, ListType::clear);
  }

  private static void installRange(VM vm) {
    Receiver r = RangeType::isRange;
    define(vm, vm.rangeType, "range", "count", r, RangeType::count);
    define(vm, vm.rangeType, "range", "index", r, RangeType::index);
  }
}
