package org.stitchjit.runtime.interp;

import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.jit.reference.UopRuntime;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/**
 * The generic operations behind escaping uops, done with the same helpers as the
 * interpreter's generic instructions. Unlike the interpreter, nothing here quickens: compiled
 * code leaves specialization to the interpreter, except for the global-load cache, which the
 * helper fills as a side effect (harmless: it only records what is true).
 */
final class InterpreterUops implements UopRuntime {
  private final VM vm;
  private final Protocols p;
  private final Interpreter interp;

  InterpreterUops(Protocols p) {
    this.vm = p.vm;
    this.p = p;
    this.interp = p.interp;
  }

  @Override
  public VM vm() {
    return vm;
  }

  @Override
  public CodeInfo codeOf(long frame) {
    return Interpreter.codeOf(vm, frame);
  }

  @Override
  public boolean resumeLinked(long gen, long frame) {
    if (!p.generators.linkable(gen)) {
      return false;
    }
    p.generators.link(gen, frame);
    return true;
  }

  @Override
  public boolean yieldLinked(long frame, int here, long v) {
    if (!Generators.isLinked(frame)) {
      return false;
    }
    p.generators.yieldLinked(frame, here, v);
    return true;
  }

  @Override
  public long pushCallee(CodeInfo callee, long function, long args, int nargs) {
    return interp.pushSimple(callee, function, args, nargs);
  }

  @Override
  public long newInstance(long type) {
    return p.newPlainInstance(type);
  }

  @Override
  public RegionEnvironment.Specialization specializeCall(long first, long callable,
      int nargs) {
    if ((callable & 1) != 0) {
      return null;
    }
    long type = Mem.getLong(callable);
    if (type == vm.functionType) {
      // The interpreter's CALL pushes exactly such a callee with pushSimple.
      CodeInfo ci = CodeInfo.of(vm, Mem.getLong(callable + Layout.Function.CODE));
      return ci.isGenerator() || !ci.simpleArgs || ci.argcount != nargs ? null
          : new RegionEnvironment.Specialization(Opcode.CALL_PY_EXACT_ARGS,
              new long[] {ci.code, callable});
    }
    if (interp.callsLikeABuiltin(callable)) {
      // CALL_BUILTIN's cache: the counter, then the callee its _CHECK_CALLABLE compares with.
      return new RegionEnvironment.Specialization(Opcode.CALL_BUILTIN, new long[] {0, callable});
    }
    long init = first == 0 && type == vm.typeType ? p.simpleInitFor(callable, nargs) : 0;
    return init == 0 ? null : new RegionEnvironment.Specialization(
        Opcode.CALL_ALLOC_AND_ENTER_INIT,
        new long[] {Mem.getLong(callable + Layout.Type.VERSION), init});
  }

  @Override
  public RegionEnvironment.Specialization specializeAttribute(Opcode family, long receiver,
      long name) {
    long[] cache;
    Opcode form;
    switch (family) {
      case LOAD_ATTR -> {
        // A module's global (math.sqrt) in code the interpreter had not quickened yet when a
        // trace went through it.
        cache = p.moduleLoadCache(receiver, name);
        form = Opcode.LOAD_ATTR_MODULE;
        if (cache == null) {
          cache = p.instanceLoadCache(receiver, name);
          form = Opcode.LOAD_ATTR_INSTANCE;
        }
      }
      case STORE_ATTR -> {
        cache = p.instanceStoreCache(receiver, name);
        form = Opcode.STORE_ATTR_INSTANCE;
      }
      case LOAD_METHOD -> {
        cache = p.methodCache(receiver, name);
        // As loadMethodAndSpecialize: a small int has no type word to guard on.
        form = (receiver & 1) == 0 ? Opcode.LOAD_METHOD_CLASS : Opcode.LOAD_METHOD_BUILTIN;
        if (cache == null) {
          cache = p.classFunctionCache(receiver, name);
          form = Opcode.LOAD_METHOD_TYPE;
        }
      }
      default -> {
        return null;
      }
    }
    return cache == null ? null : new RegionEnvironment.Specialization(form, cache);
  }

  @Override
  public boolean isTrue(long v) {
    return v == vm.trueObj || (v != vm.falseObj && v != vm.none && p.isTrue(v));
  }

  @Override
  public long next(long iterator) {
    return p.next(iterator);
  }

  @Override
  public long send(long receiver, long value) {
    return p.send(receiver, value);
  }

  @Override
  public boolean sendReturned() {
    return p.lastSendReturned;
  }

  @Override
  public long escape(Uop uop, int oparg, long frame, long sp, long kwnames) {
    CodeInfo ci = codeOf(frame);
    switch (uop) {
      case LOAD_CLASSDEREF:
        return push(sp, interp.loadClassDeref(frame, ci, frame + Frame.LOCALSPLUS, oparg));
      case LOAD_GLOBAL: {
        int here = (int) (Mem.getLong(frame + Frame.IP) >> 1);
        return push(sp, interp.loadGlobalGeneric(frame, ci, ci.bytecode, here, oparg));
      }
      case STORE_GLOBAL:
        Dicts.setItemStr(vm, Mem.getLong(frame + Frame.GLOBALS), ci.names[oparg], top(sp, 1));
        return sp - 8;
      case DELETE_GLOBAL:
        if (Dicts.remove(vm, Mem.getLong(frame + Frame.GLOBALS), ci.names[oparg]) == 0) {
          throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
        }
        return sp;
      case LOAD_NAME:
        return push(sp, interp.loadName(frame, ci, oparg));
      case STORE_NAME:
        interp.storeName(frame, ci, oparg, top(sp, 1));
        return sp - 8;
      case DELETE_NAME:
        interp.deleteName(frame, ci, oparg);
        return sp;
      case LOAD_ATTR:
        Mem.putLong(sp - 8, p.getAttr(top(sp, 1), ci.names[oparg]));
        return sp;
      case STORE_ATTR:
        p.setAttr(top(sp, 1), ci.names[oparg], top(sp, 2));
        return sp - 16;
      case DELETE_ATTR:
        p.delAttr(top(sp, 1), ci.names[oparg]);
        return sp - 8;
      case LOAD_METHOD:
        p.loadMethod(sp - 8, ci.names[oparg]);
        return sp + 8;
      case BINARY_OP:
        Mem.putLong(sp - 16, p.binaryOp(oparg, top(sp, 2), top(sp, 1)));
        return sp - 8;
      case COMPARE_OP:
        Mem.putLong(sp - 16, p.richCompare(top(sp, 2), top(sp, 1), oparg));
        return sp - 8;
      case CONTAINS_OP: {
        boolean r = p.contains(top(sp, 1), top(sp, 2)) ^ (oparg != 0);
        Mem.putLong(sp - 16, r ? vm.trueObj : vm.falseObj);
        return sp - 8;
      }
      case UNARY_POSITIVE:
      case UNARY_NEGATIVE:
      case UNARY_INVERT:
        Mem.putLong(sp - 8, p.unaryOp(Opcode.valueOf(uop.name()), top(sp, 1)));
        return sp;
      case UNARY_NOT:
        Mem.putLong(sp - 8, isTrue(top(sp, 1)) ? vm.falseObj : vm.trueObj);
        return sp;
      case TO_BOOL:
        Mem.putLong(sp - 8, isTrue(top(sp, 1)) ? vm.trueObj : vm.falseObj);
        return sp;
      case BINARY_SUBSCR:
      case BINARY_SUBSCR_DICT: {
        long container = top(sp, 2);
        long key = top(sp, 1);
        long v = uop == Uop.BINARY_SUBSCR_DICT ? Dicts.getItem(vm, container, key) : 0;
        Mem.putLong(sp - 16, v != 0 ? v : p.getItem(container, key));
        return sp - 8;
      }
      case STORE_SUBSCR:
        p.setItem(top(sp, 2), top(sp, 1), top(sp, 3));
        return sp - 24;
      case STORE_SUBSCR_DICT:
        Dicts.setItem(vm, top(sp, 2), top(sp, 1), top(sp, 3));
        return sp - 24;
      case DELETE_SUBSCR:
        p.delItem(top(sp, 2), top(sp, 1));
        return sp - 16;
      case BUILD_SLICE: {
        long step = oparg == 3 ? top(sp, 1) : vm.none;
        long stop = top(sp, oparg == 3 ? 2 : 1);
        long start = top(sp, oparg == 3 ? 3 : 2);
        long s = p.newSlice(start, stop, step);
        sp -= 8L * oparg;
        return push(sp, s);
      }
      case BUILD_TUPLE: {
        sp -= 8L * oparg;
        return push(sp, vm.tupleFromWords(sp, oparg));
      }
      case BUILD_LIST: {
        sp -= 8L * oparg;
        return push(sp, vm.listFromWords(sp, oparg));
      }
      case BUILD_SET: {
        long set = p.buildSet(sp - 8L * oparg, oparg);
        sp -= 8L * oparg;
        return push(sp, set);
      }
      case BUILD_MAP:
      case BUILD_CONST_KEY_MAP:
        return p.buildMap(sp, oparg, uop == Uop.BUILD_CONST_KEY_MAP);
      case BUILD_STRING: {
        long s = p.joinStrings(sp - 8L * oparg, oparg);
        sp -= 8L * oparg;
        return push(sp, s);
      }
      case LIST_APPEND:
        vm.listAppend(Mem.getLong(sp - 8 - 8L * oparg), top(sp, 1));
        return sp - 8;
      case UNPACK_SEQUENCE:
        return p.unpackSequence(sp, oparg);
      case CALL_GENERIC:
      case CALL_BUILTIN: {
        long nullSlot = sp - 8L * (oparg + 2);
        long first = Mem.getLong(nullSlot);
        long r = first != 0
            ? p.callWords(first, nullSlot + 8, oparg + 1, kwnames)
            : p.callWords(Mem.getLong(nullSlot + 8), nullSlot + 16, oparg, kwnames);
        return push(nullSlot, r);
      }
      case SET_ADD, MAP_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE, LIST_TO_TUPLE,
          FORMAT_VALUE, UNPACK_EX, GET_ITER, GET_YIELD_FROM_ITER, LOAD_BUILD_CLASS,
          LOAD_ASSERTION_ERROR, MAKE_FUNCTION, BEFORE_WITH, WITH_EXCEPT_START, IMPORT_NAME,
          IMPORT_FROM, IMPORT_STAR, CALL_FUNCTION_EX, PUSH_EXC_INFO, POP_EXCEPT,
          CHECK_EXC_MATCH:
        return p.slowOp(Opcode.valueOf(uop.name()), oparg, frame, ci, sp);
      default:
        throw new IllegalArgumentException(uop.uopName() + " is not a generic operation");
    }
  }

  private static long top(long sp, int n) {
    return Mem.getLong(sp - 8L * n);
  }

  private static long push(long sp, long v) {
    Mem.putLong(sp, v);
    return sp + 8;
  }
}
