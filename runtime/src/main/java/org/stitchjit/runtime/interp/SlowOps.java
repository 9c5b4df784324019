package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;

import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.objects.SetType;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * The instructions that are rare in hot loops, kept out of the interpreter's main method so
 * that HotSpot compiles the loop itself (it refuses methods past 8000 bytes of bytecode).
 * Each takes the stack pointer and returns the new one.
 */
final class SlowOps {
  private SlowOps() {}

  static long run(Protocols p, Opcode op, int oparg, long frame, CodeInfo ci, long sp) {
    VM vm = p.vm;
    switch (op) {
      case SET_ADD: {
        // As CPython's SET_ADD, straight into the set (a comprehension's, so exactly a set):
        // no lookup of its add method.
        SetType.addKey(vm, Mem.getLong(sp - 8 - 8L * oparg), Mem.getLong(sp - 8));
        return sp - 8;
      }
      case MAP_ADD: {
        long d = Mem.getLong(sp - 16 - 8L * oparg);
        Dicts.setItem(vm, d, Mem.getLong(sp - 16), Mem.getLong(sp - 8));
        return sp - 16;
      }
      case LIST_EXTEND: {
        long list = Mem.getLong(sp - 8 - 8L * oparg);
        long items = Mem.getLong(sp - 8);
        extendList(p, list, items);
        return sp - 8;
      }
      case SET_UPDATE: {
        long set = Mem.getLong(sp - 8 - 8L * oparg);
        p.callMethod(set, "update", new long[] {Mem.getLong(sp - 8)});
        return sp - 8;
      }
      case DICT_UPDATE: {
        long d = Mem.getLong(sp - 8 - 8L * oparg);
        long src = Mem.getLong(sp - 8);
        if (!vm.isDict(src) && p.lookupAttr(src, vm.intern("keys")) == 0) {
          throw vm.typeError("'" + vm.typeNameOf(src) + "' object is not a mapping");
        }
        p.callMethod(d, "update", new long[] {src});
        return sp - 8;
      }
      case DICT_MERGE: {
        long d = Mem.getLong(sp - 8 - 8L * oparg);
        long src = Mem.getLong(sp - 8);
        mergeKwargs(p, frame, sp, oparg, d, src);
        return sp - 8;
      }
      case LIST_TO_TUPLE: {
        long list = Mem.getLong(sp - 8);
        Mem.putLong(sp - 8, vm.tupleFromWords(VM.listItems(list), VM.listLen(list)));
        return sp;
      }
      case FORMAT_VALUE: {
        long spec = 0;
        if ((oparg & 4) != 0) {
          spec = Mem.getLong(sp - 8);
          sp -= 8;
        }
        long value = Mem.getLong(sp - 8);
        switch (oparg & 3) {
          case 1 -> value = p.str(value);
          case 2 -> value = p.repr(value);
          case 3 -> value = vm.newStr(org.stitchjit.runtime.text.StrOps.asciiEscape(vm.reprJava(value)));
          default -> { }
        }
        Mem.putLong(sp - 8, Formatting.format(p, value, spec));
        return sp;
      }
      case UNPACK_EX:
        return unpackEx(p, sp, oparg & 0xFF, oparg >> 8);
      case GET_ITER:
        Mem.putLong(sp - 8, p.iter(Mem.getLong(sp - 8)));
        return sp;
      case GET_YIELD_FROM_ITER: {
        long v = Mem.getLong(sp - 8);
        if (vm.kindOf(v) != Kind.GENERATOR) {
          Mem.putLong(sp - 8, p.iter(v));
        }
        return sp;
      }
      case LOAD_BUILD_CLASS:
        Mem.putLong(sp, Dicts.getItemStr(vm, vm.builtins, vm.intern("__build_class__")));
        return sp + 8;
      case LOAD_ASSERTION_ERROR:
        Mem.putLong(sp, vm.assertionError);
        return sp + 8;
      case MAKE_FUNCTION:
        return makeFunction(p, frame, sp, oparg);
      case BEFORE_WITH: {
        long mgr = Mem.getLong(sp - 8);
        long type = vm.typeOf(mgr);
        long enter = p.lookupType(type, p.sEnter);
        long exit = p.lookupType(type, p.sExit);
        if (enter == 0 || exit == 0) {
          throw vm.typeError("'" + vm.typeName(type)
              + "' object does not support the context manager protocol");
        }
        long boundExit = p.bind(exit, mgr, type);
        Mem.putLong(sp - 8, boundExit);
        Mem.putLong(sp, mgr);
        long r = p.callSpecial(enter, mgr);
        Mem.putLong(sp, r);
        return sp + 8;
      }
      case WITH_EXCEPT_START: {
        long exit = Mem.getLong(sp - 32);
        long exc = Mem.getLong(sp - 8);
        long tb = Mem.getLong(exc + Layout.Exc.TRACEBACK);
        long r = p.call(exit, new long[] {vm.typeOf(exc), exc, tb == 0 ? vm.none : tb});
        Mem.putLong(sp, r);
        return sp + 8;
      }
      case IMPORT_NAME: {
        long fromlist = Mem.getLong(sp - 8);
        long level = Mem.getLong(sp - 16);
        long m = p.importer.importName(frame, ci.nameStrings[oparg], fromlist, level);
        Mem.putLong(sp - 16, m);
        return sp - 8;
      }
      case IMPORT_FROM: {
        long m = Mem.getLong(sp - 8);
        Mem.putLong(sp, p.importer.importFrom(m, ci.names[oparg]));
        return sp + 8;
      }
      case IMPORT_STAR: {
        long m = Mem.getLong(sp - 8);
        long locals = Mem.getLong(frame + Frame.LOCALS);
        p.importer.importStar(m, locals != 0 ? locals : Mem.getLong(frame + Frame.GLOBALS));
        return sp - 8;
      }
      case CALL_FUNCTION_EX:
        return callFunctionEx(p, sp, oparg);
      case PUSH_EXC_INFO: {
        long exc = Mem.getLong(sp - 8);
        long prev = Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC);
        Mem.putLong(sp - 8, prev == 0 ? vm.none : prev);
        Mem.putLong(sp, exc);
        Mem.putLong(vm.ts + Layout.ThreadState.HANDLED_EXC, exc);
        return sp + 8;
      }
      case POP_EXCEPT: {
        long v = Mem.getLong(sp - 8);
        Mem.putLong(vm.ts + Layout.ThreadState.HANDLED_EXC, v == vm.none ? 0 : v);
        return sp - 8;
      }
      case CHECK_EXC_MATCH: {
        long t = Mem.getLong(sp - 8);
        long exc = Mem.getLong(sp - 16);
        Mem.putLong(sp - 8, vm.bool(p.exceptions.matches(exc, t)));
        return sp;
      }
      default:
        throw new IllegalStateException("slow op " + op);
    }
  }

  static void extendList(Protocols p, long list, long items) {
    VM vm = p.vm;
    if (vm.isList(items) || vm.isTuple(items)) {
      int n = vm.isList(items) ? VM.listLen(items) : VM.tupleLen(items);
      long src = vm.isList(items) ? VM.listItems(items) : items + Layout.Tuple.ITEMS;
      int size = VM.listLen(list);
      vm.listReserve(list, size + n);
      src = vm.isList(items) ? VM.listItems(items) : items + Layout.Tuple.ITEMS;
      Mem.copy(src, VM.listItems(list) + 8L * size, 8L * n);
      VM.listSetSize(list, size + n);
      return;
    }
    long it;
    try {
      it = p.iter(items);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.typeError)) {
        throw vm.typeError("Value after * must be an iterable, not " + vm.typeNameOf(items));
      }
      throw e;
    }
    long mark = vm.handleMark();
    vm.pushHandle(it);
    try {
      for (long v = p.next(it); v != 0; v = p.next(it)) {
        vm.listAppend(list, v);
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  private static void mergeKwargs(Protocols p, long frame, long sp, int oparg, long d, long src) {
    VM vm = p.vm;
    if (!vm.isDict(src)) {
      if (p.lookupAttr(src, vm.intern("keys")) == 0) {
        long func = Mem.getLong(sp - 8 - 8L * oparg - 16);
        throw vm.typeError(funcName(p, func) + " argument after ** must be a mapping, not "
            + vm.typeNameOf(src));
      }
      src = p.call(vm.dictType, new long[] {src});
    }
    int n = Dicts.filled(src);
    for (int i = 0; i < n; i++) {
      long k = Dicts.entryKey(src, i);
      if (k == 0) {
        continue;
      }
      if (!vm.isStr(k)) {
        throw vm.typeError("keywords must be strings");
      }
      if (Dicts.getItem(vm, d, k) != 0) {
        long func = Mem.getLong(sp - 8 - 8L * oparg - 16);
        throw vm.typeError(funcName(p, func) + " got multiple values for keyword argument '"
            + vm.str(k) + "'");
      }
      Dicts.setItem(vm, d, k, Dicts.entryValue(src, i));
    }
  }

  private static String funcName(Protocols p, long func) {
    VM vm = p.vm;
    if ((func & 1) == 0 && func != 0 && vm.typeOf(func) == vm.functionType) {
      return vm.str(Mem.getLong(func + Layout.Function.QUALNAME)) + "()";
    }
    return "function";
  }

  private static long unpackEx(Protocols p, long sp, int before, int after) {
    VM vm = p.vm;
    long seq = Mem.getLong(sp - 8);
    long list = p.call(vm.listType, new long[] {seq});
    int n = VM.listLen(list);
    if (n < before + after) {
      throw vm.valueError("not enough values to unpack (expected at least " + (before + after)
          + ", got " + n + ")");
    }
    long mark = vm.handleMark();
    vm.pushHandle(list);
    try {
      long rest = vm.listFromWords(VM.listItems(list) + 8L * before, n - before - after);
      long p0 = sp - 8;
      for (int i = after - 1; i >= 0; i--) {
        Mem.putLong(p0, VM.listGet(list, n - after + i));
        p0 += 8;
      }
      Mem.putLong(p0, rest);
      p0 += 8;
      for (int i = before - 1; i >= 0; i--) {
        Mem.putLong(p0, VM.listGet(list, i));
        p0 += 8;
      }
      return p0;
    } finally {
      vm.popHandles(mark);
    }
  }

  private static long makeFunction(Protocols p, long frame, long sp, int flags) {
    VM vm = p.vm;
    long code = Mem.getLong(sp - 8);
    sp -= 8;
    long closure = 0;
    long kwdefaults = 0;
    long defaults = 0;
    if ((flags & 0x08) != 0) {
      closure = Mem.getLong(sp - 8);
      sp -= 8;
    }
    if ((flags & 0x04) != 0) {
      sp -= 8;
    }
    if ((flags & 0x02) != 0) {
      kwdefaults = Mem.getLong(sp - 8);
      sp -= 8;
    }
    if ((flags & 0x01) != 0) {
      defaults = Mem.getLong(sp - 8);
      sp -= 8;
    }
    long f = vm.alloc(vm.functionType, Layout.Function.NSLOTS, 0);
    long globals = Mem.getLong(frame + Frame.GLOBALS);
    Mem.putLong(f + Layout.Function.CODE, code);
    Mem.putLong(f + Layout.Function.GLOBALS, globals);
    Mem.putLong(f + Layout.Function.NAME, Mem.getLong(code + Layout.Code.NAME));
    Mem.putLong(f + Layout.Function.QUALNAME, Mem.getLong(code + Layout.Code.QUALNAME));
    Mem.putLong(f + Layout.Function.DEFAULTS, defaults);
    Mem.putLong(f + Layout.Function.KWDEFAULTS, kwdefaults);
    Mem.putLong(f + Layout.Function.CLOSURE, closure);
    long module = Dicts.getItemStr(vm, globals, p.sName);
    Mem.putLong(f + Layout.Function.MODULE, module == 0 ? vm.none : module);
    Mem.putLong(f + Layout.Function.VERSION, fromInt(1));
    Mem.putLong(sp, f);
    return sp + 8;
  }

  private static long callFunctionEx(Protocols p, long sp, int oparg) {
    VM vm = p.vm;
    long kwargs = 0;
    if ((oparg & 1) != 0) {
      kwargs = Mem.getLong(sp - 8);
      sp -= 8;
    }
    long args = Mem.getLong(sp - 8);
    long callable = Mem.getLong(sp - 16);
    long first = Mem.getLong(sp - 24);
    if (!vm.isTuple(args)) {
      long t = p.call(vm.tupleType, new long[] {args});
      args = t;
    }
    long mark = vm.handleMark();
    try {
      vm.pushHandle(args);
      long base = vm.handleMark();
      int n = 0;
      if (first != 0) {
        vm.pushHandle(callable);
        callable = first;
        n++;
      }
      int na = VM.tupleLen(args);
      for (int i = 0; i < na; i++) {
        vm.pushHandle(VM.tupleGet(args, i));
      }
      n += na;
      long kwnames = 0;
      if (kwargs != 0 && Dicts.size(kwargs) > 0) {
        int nk = Dicts.size(kwargs);
        long[] names = new long[nk];
        int j = 0;
        int filled = Dicts.filled(kwargs);
        for (int i = 0; i < filled; i++) {
          long k = Dicts.entryKey(kwargs, i);
          if (k == 0) {
            continue;
          }
          names[j++] = k;
          vm.pushHandle(Dicts.entryValue(kwargs, i));
        }
        kwnames = vm.tuple(names);
        n += nk;
        long saved = vm.pushHandle(kwnames);
        // The kwnames tuple sits after the arguments; it is rooted but not an argument.
        long r = p.callWords(callable, base, n, kwnames);
        Mem.putLong(saved, 0);
        Mem.putLong(sp - 24, r);
        return sp - 16;
      }
      long r = p.callWords(callable, base, n, 0);
      Mem.putLong(sp - 24, r);
      return sp - 16;
    } finally {
      vm.popHandles(mark);
    }
  }
}
