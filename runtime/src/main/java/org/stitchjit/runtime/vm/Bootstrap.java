package org.stitchjit.runtime.vm;

import static org.stitchjit.api.layout.Header.slot;
import static org.stitchjit.api.layout.Tag.fromInt;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.platforms.Mem;

/**
 * Creates the built-in types and singletons of a fresh VM. Types refer to str names, dicts and
 * tuples, which need their own types first, so types are allocated bare and completed once
 * str, dict, tuple and array exist.
 */
final class Bootstrap {
  private Bootstrap() {}

  static void createTypes(VM vm) {
    vm.typeType = vm.allocImmortal(0, Layout.Type.NSLOTS, 0);
    Mem.putLong(vm.typeType, vm.typeType);
    vm.objectType = bare(vm);
    vm.strType = bare(vm);
    vm.dictType = bare(vm);
    vm.arrayType = bare(vm);
    vm.rawType = bare(vm);
    vm.tupleType = bare(vm);
    vm.shapeType = bare(vm);

    vm.shapes = new Shapes(vm);
    vm.emptyTuple = vm.allocImmortal(vm.tupleType, 0, 0);
    vm.emptyStr = vm.intern("");

    finish(vm, vm.typeType, "type", vm.objectType, Kind.TYPE, TypeFlags.BASETYPE, 0, 0);
    finish(vm, vm.objectType, "object", 0, Kind.OBJECT, TypeFlags.BASETYPE, 0, 0);
    finish(vm, vm.strType, "str", vm.objectType, Kind.STR, 0, 0, 0);
    finish(vm, vm.dictType, "dict", vm.objectType, Kind.DICT, TypeFlags.BASETYPE,
        Layout.Dict.NSLOTS, 0);
    finish(vm, vm.arrayType, "array", vm.objectType, Kind.ARRAY, 0, 0, 0);
    finish(vm, vm.rawType, "raw", vm.objectType, Kind.OTHER, 0, 0, 0);
    finish(vm, vm.tupleType, "tuple", vm.objectType, Kind.TUPLE, 0, 0, 0);
    finish(vm, vm.shapeType, "shape", vm.objectType, Kind.SHAPE, 0, 0, 0);

    vm.intType = type(vm, "int", vm.objectType, Kind.INT, 0, 0);
    vm.boolType = type(vm, "bool", vm.intType, Kind.BOOL, 0, Layout.Bool.NSLOTS);
    vm.floatType = type(vm, "float", vm.objectType, Kind.FLOAT, 0, 0);
    vm.noneType = type(vm, "NoneType", vm.objectType, Kind.NONE, 0, 0);
    vm.notImplementedType = type(vm, "NotImplementedType", vm.objectType, Kind.OTHER, 0, 0);
    vm.ellipsisType = type(vm, "ellipsis", vm.objectType, Kind.OTHER, 0, 0);
    vm.listType = type(vm, "list", vm.objectType, Kind.LIST, TypeFlags.BASETYPE,
        Layout.List.NSLOTS);
    vm.setType = type(vm, "set", vm.objectType, Kind.SET, TypeFlags.BASETYPE,
        Layout.Set.NSLOTS);
    vm.frozensetType = type(vm, "frozenset", vm.objectType, Kind.FROZENSET, 0,
        Layout.Set.NSLOTS);
    vm.rangeType = type(vm, "range", vm.objectType, Kind.RANGE, 0, Layout.Range.NSLOTS);
    vm.sliceType = type(vm, "slice", vm.objectType, Kind.SLICE, 0, Layout.Slice.NSLOTS);
    vm.functionType = type(vm, "function", vm.objectType, Kind.FUNCTION, 0,
        Layout.Function.NSLOTS);
    vm.codeType = type(vm, "code", vm.objectType, Kind.CODE, 0, Layout.Code.NSLOTS);
    vm.cellType = type(vm, "cell", vm.objectType, Kind.CELL, 0, Layout.Cell.NSLOTS);
    vm.methodType = type(vm, "method", vm.objectType, Kind.METHOD, 0, Layout.Method.NSLOTS);
    vm.builtinType = type(vm, "builtin_function_or_method", vm.objectType, Kind.BUILTIN, 0,
        Layout.Builtin.NSLOTS);
    vm.moduleType = type(vm, "module", vm.objectType, Kind.MODULE, 0, Layout.Module.NSLOTS);
    vm.generatorType = type(vm, "generator", vm.objectType, Kind.GENERATOR,
        TypeFlags.HAS_FRAME, Layout.Generator.NSLOTS);
    vm.collector.setGeneratorType(vm.generatorType);
    vm.tracebackType = type(vm, "traceback", vm.objectType, Kind.OTHER, 0,
        Layout.Traceback.NSLOTS);
    vm.staticmethodType = type(vm, "staticmethod", vm.objectType, Kind.OTHER, 0,
        Layout.Wrapper.NSLOTS);
    vm.classmethodType = type(vm, "classmethod", vm.objectType, Kind.OTHER, 0,
        Layout.Wrapper.NSLOTS);
    vm.propertyType = type(vm, "property", vm.objectType, Kind.OTHER, 0,
        Layout.Wrapper.NSLOTS);
    vm.superType = type(vm, "super", vm.objectType, Kind.OTHER, 0, Layout.Super.NSLOTS);
    vm.listIteratorType = iterType(vm, "list_iterator");
    vm.tupleIteratorType = iterType(vm, "tuple_iterator");
    vm.rangeIteratorType = iterType(vm, "range_iterator");
    vm.strIteratorType = iterType(vm, "str_ascii_iterator");
    vm.dictIteratorType = type(vm, "dict_keyiterator", vm.objectType, Kind.DICT_ITERATOR, 0,
        Layout.Iter.NSLOTS);
    vm.setIteratorType = type(vm, "set_iterator", vm.objectType, Kind.SET_ITERATOR, 0,
        Layout.Iter.NSLOTS);
    vm.seqIteratorType = iterType(vm, "iterator");
    vm.callIteratorType = iterType(vm, "callable_iterator");
    vm.enumerateType = iterType(vm, "enumerate");
    vm.zipType = iterType(vm, "zip");
    vm.mapType = iterType(vm, "map");
    vm.filterType = iterType(vm, "filter");
    vm.reversedType = iterType(vm, "reversed");
    vm.dictKeysType = type(vm, "dict_keys", vm.objectType, Kind.DICT_VIEW, 0,
        Layout.Iter.NSLOTS);
    vm.dictValuesType = type(vm, "dict_values", vm.objectType, Kind.DICT_VIEW, 0,
        Layout.Iter.NSLOTS);
    vm.dictItemsType = type(vm, "dict_items", vm.objectType, Kind.DICT_VIEW, 0,
        Layout.Iter.NSLOTS);

    vm.none = vm.allocImmortal(vm.noneType, 0, 0);
    vm.falseObj = vm.allocImmortal(vm.boolType, Layout.Bool.NSLOTS, 0);
    Mem.putLong(vm.falseObj + Layout.Bool.VALUE, fromInt(0));
    vm.trueObj = vm.allocImmortal(vm.boolType, Layout.Bool.NSLOTS, 0);
    Mem.putLong(vm.trueObj + Layout.Bool.VALUE, fromInt(1));
    vm.notImplemented = vm.allocImmortal(vm.notImplementedType, 0, 0);
    vm.ellipsis = vm.allocImmortal(vm.ellipsisType, 0, 0);
    vm.dummy = vm.allocImmortal(vm.objectType, 0, 0);

    createExceptions(vm);

    vm.builtins = vm.newDict();
    vm.makeImmortal(vm.builtins);
    vm.modules = vm.newDict();
    vm.makeImmortal(vm.modules);
  }

  private static void createExceptions(VM vm) {
    vm.baseException = exc(vm, "BaseException", vm.objectType);
    vm.systemExit = exc(vm, "SystemExit", vm.baseException);
    vm.keyboardInterrupt = exc(vm, "KeyboardInterrupt", vm.baseException);
    vm.generatorExit = exc(vm, "GeneratorExit", vm.baseException);
    vm.exception = exc(vm, "Exception", vm.baseException);
    vm.stopIteration = exc(vm, "StopIteration", vm.exception);
    vm.arithmeticError = exc(vm, "ArithmeticError", vm.exception);
    vm.floatingPointError = exc(vm, "FloatingPointError", vm.arithmeticError);
    vm.overflowError = exc(vm, "OverflowError", vm.arithmeticError);
    vm.zeroDivisionError = exc(vm, "ZeroDivisionError", vm.arithmeticError);
    vm.assertionError = exc(vm, "AssertionError", vm.exception);
    vm.attributeError = exc(vm, "AttributeError", vm.exception);
    vm.eofError = exc(vm, "EOFError", vm.exception);
    vm.importError = exc(vm, "ImportError", vm.exception);
    vm.moduleNotFoundError = exc(vm, "ModuleNotFoundError", vm.importError);
    vm.lookupError = exc(vm, "LookupError", vm.exception);
    vm.indexError = exc(vm, "IndexError", vm.lookupError);
    vm.keyError = exc(vm, "KeyError", vm.lookupError);
    vm.memoryError = exc(vm, "MemoryError", vm.exception);
    vm.nameError = exc(vm, "NameError", vm.exception);
    vm.unboundLocalError = exc(vm, "UnboundLocalError", vm.nameError);
    vm.osError = exc(vm, "OSError", vm.exception);
    vm.runtimeError = exc(vm, "RuntimeError", vm.exception);
    vm.notImplementedError = exc(vm, "NotImplementedError", vm.runtimeError);
    vm.recursionError = exc(vm, "RecursionError", vm.runtimeError);
    vm.syntaxError = exc(vm, "SyntaxError", vm.exception);
    vm.indentationError = exc(vm, "IndentationError", vm.syntaxError);
    vm.typeError = exc(vm, "TypeError", vm.exception);
    vm.valueError = exc(vm, "ValueError", vm.exception);
    vm.unicodeError = exc(vm, "UnicodeError", vm.valueError);
    vm.memoryErrorInstance = vm.newException(vm.memoryError, vm.emptyTuple);
    vm.makeImmortal(vm.memoryErrorInstance);
  }

  /** All exception types, for the builtins module. */
  static long[] exceptionTypes(VM vm) {
    return new long[] {
      vm.baseException, vm.systemExit, vm.keyboardInterrupt, vm.generatorExit, vm.exception,
      vm.stopIteration, vm.arithmeticError, vm.floatingPointError, vm.overflowError,
      vm.zeroDivisionError, vm.assertionError, vm.attributeError, vm.eofError, vm.importError,
      vm.moduleNotFoundError, vm.lookupError, vm.indexError, vm.keyError, vm.memoryError,
      vm.nameError, vm.unboundLocalError, vm.osError, vm.runtimeError, vm.notImplementedError,
      vm.recursionError, vm.syntaxError, vm.indentationError, vm.typeError, vm.valueError,
      vm.unicodeError
    };
  }

  private static long exc(VM vm, String name, long base) {
    long t = bare(vm);
    finish(vm, t, name, base, Kind.EXCEPTION, TypeFlags.BASETYPE, Layout.Exc.NSLOTS + 2,
        slot(Layout.Exc.NSLOTS));
    return t;
  }

  private static long iterType(VM vm, String name) {
    return type(vm, name, vm.objectType, Kind.ITERATOR, 0, Layout.Iter.NSLOTS);
  }

  private static long type(VM vm, String name, long base, int kind, int flags, int slots) {
    long t = bare(vm);
    finish(vm, t, name, base, kind, flags, slots, 0);
    return t;
  }

  private static long bare(VM vm) {
    return vm.allocImmortal(vm.typeType, Layout.Type.NSLOTS, 0);
  }

  /** Fills in a built-in type. attrOffset != 0 gives instances a (shape, values) pair. */
  static void finish(VM vm, long t, String name, long base, int kind, int flags,
      int instanceSlots, long attrOffset) {
    long nameStr = vm.intern(name);
    Mem.putLong(t + Layout.Type.NAME, nameStr);
    Mem.putLong(t + Layout.Type.QUALNAME, nameStr);
    Mem.putLong(t + Layout.Type.MODULE, vm.intern("builtins"));
    Mem.putLong(t + Layout.Type.BASE, base);
    long dict = vm.newDict();
    vm.makeImmortal(dict);
    Mem.putLong(t + Layout.Type.DICT, dict);
    Mem.putLong(t + Layout.Type.VERSION, fromInt(1));
    Mem.putLong(t + Layout.Type.FLAGS, fromInt(flags));
    Mem.putLong(t + Layout.Type.KIND, fromInt(kind));
    Mem.putLong(t + Layout.Type.ID, fromInt(vm.newTypeId()));
    Mem.putLong(t + Layout.Type.INSTANCE_SLOTS, fromInt(instanceSlots));
    Mem.putLong(t + Layout.Type.ATTR_OFFSET, fromInt(attrOffset));
    Mem.putLong(t + Layout.Type.ATTR_CAPACITY, fromInt(0));
    if (attrOffset != 0) {
      Mem.putLong(t + Layout.Type.ROOT_SHAPE, vm.shapes.newRoot(t));
    }
    Mem.putLong(t + Layout.Type.MRO, mro(vm, t, base));
  }

  /** Single inheritance: the MRO is the chain of bases. */
  static long mro(VM vm, long t, long base) {
    int n = 1;
    for (long b = base; b != 0; b = Mem.getLong(b + Layout.Type.BASE)) {
      n++;
    }
    long tuple = vm.newTuple(n);
    int i = 0;
    VM.tupleSet(tuple, i++, t);
    for (long b = base; b != 0; b = Mem.getLong(b + Layout.Type.BASE)) {
      VM.tupleSet(tuple, i++, b);
    }
    vm.makeImmortal(tuple);
    return tuple;
  }
}
