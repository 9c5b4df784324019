package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.intValue;

import java.util.HashSet;
import java.util.Set;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Installs dict, set, frozenset, the dict views and their iterators into a VM, and holds the
 * argument-checking and iteration helpers they share. Error texts follow CPython 3.11, whose
 * wording differs between method flavours (Argument Clinic functions, METH_O / METH_NOARGS
 * methods and slot wrappers), hence the several helpers below.
 */
public final class MappingTypes {
  private MappingTypes() {}

  /** Sets the kind ops of the mapping and set kinds and defines their methods. */
  public static void install(VM vm) {
    vm.setKindOps(Kind.DICT, DictType.OPS);
    vm.setKindOps(Kind.SET, SetType.OPS);
    vm.setKindOps(Kind.FROZENSET, SetType.OPS);
    vm.setKindOps(Kind.SET_ITERATOR, SetType.ITER_OPS);
    vm.setKindOps(Kind.DICT_VIEW, DictViews.VIEW_OPS);
    vm.setKindOps(Kind.DICT_ITERATOR, DictViews.ITER_OPS);
    DictType.defineMethods(vm);
    SetType.defineMethods(vm);
    DictViews.defineMethods(vm);
  }

  // ------------------------------------------------------------------ arguments

  static long arg(long args, int i) {
    return Mem.getLong(args + 8L * i);
  }

  static int kwCount(long kwnames) {
    return kwnames == 0 ? 0 : VM.tupleLen(kwnames);
  }

  /** "dict.get() takes no keyword arguments". */
  static void noKeywords(VM vm, long kwnames, String qualName) {
    if (kwCount(kwnames) != 0) {
      throw vm.typeError(qualName + "() takes no keyword arguments");
    }
  }

  /**
   * The receiver of a method called through its type (dict.keys(x)): CPython's method
   * descriptor checks it before anything else.
   */
  static long receiver(VM vm, long args, int nargs, long type, String method) {
    if (nargs == 0) {
      throw vm.typeError("unbound method " + vm.typeName(type) + "." + method
          + "() needs an argument");
    }
    long self = arg(args, 0);
    if (!vm.isInstance(self, type)) {
      throw vm.typeError("descriptor '" + method + "' for '" + vm.typeName(type)
          + "' objects doesn't apply to a '" + vm.typeNameOf(self) + "' object");
    }
    return self;
  }

  /** The receiver of a slot wrapper (__init__, __setitem__, __len__ ...), worded as CPython's. */
  static long slotReceiver(VM vm, long args, int nargs, long type, String method) {
    if (nargs == 0) {
      throw vm.typeError("descriptor '" + method + "' of '" + vm.typeName(type)
          + "' object needs an argument");
    }
    long self = arg(args, 0);
    if (!vm.isInstance(self, type)) {
      throw vm.typeError("descriptor '" + method + "' requires a '" + vm.typeName(type)
          + "' object but received a '" + vm.typeNameOf(self) + "'");
    }
    return self;
  }

  /** METH_NOARGS: "dict.keys() takes no arguments (1 given)". */
  static void noArgs(VM vm, int nargs, long kwnames, String qualName) {
    noKeywords(vm, kwnames, qualName);
    if (nargs != 1) {
      throw vm.typeError(qualName + "() takes no arguments (" + (nargs - 1) + " given)");
    }
  }

  /** METH_O: "set.add() takes exactly one argument (0 given)". */
  static void oneArg(VM vm, int nargs, long kwnames, String qualName) {
    noKeywords(vm, kwnames, qualName);
    if (nargs != 2) {
      throw vm.typeError(
          qualName + "() takes exactly one argument (" + (nargs - 1) + " given)");
    }
  }

  /**
   * Argument Clinic positional range: "get expected at least 1 argument, got 0". n is the
   * positional count without the receiver.
   */
  static void positionalRange(VM vm, String name, int n, int min, int max) {
    if (n < min) {
      throw vm.typeError(name + " expected at least " + min + " argument"
          + (min == 1 ? "" : "s") + ", got " + n);
    }
    if (n > max) {
      throw vm.typeError(name + " expected at most " + max + " argument"
          + (max == 1 ? "" : "s") + ", got " + n);
    }
  }

  /** Slot wrapper arity: "expected 1 argument, got 0" (without the receiver). */
  static void slotArity(VM vm, int nargs, long kwnames, String method, int expected) {
    if (kwCount(kwnames) != 0) {
      throw vm.typeError("wrapper " + method + "() takes no keyword arguments");
    }
    int n = nargs - 1;
    if (n != expected) {
      // CPython's wrapper for two-argument slots (__setitem__) prints an empty function name.
      String prefix = expected == 2 ? " " : "";
      throw vm.typeError(prefix + "expected " + expected + " argument"
          + (expected == 1 ? "" : "s") + ", got " + n);
    }
  }

  // ------------------------------------------------------------------ iteration

  /** Receives the items of an iteration; each item is rooted while the visitor runs. */
  @FunctionalInterface
  interface ItemVisitor {
    /** Returns false to stop the iteration. */
    boolean visit(long item);
  }

  /**
   * iter(iterable) and next() until exhausted or the visitor says stop. The iterator and the
   * current item sit on the handle stack, since the visitor and next() may run guest code.
   */
  static void forEach(VM vm, long iterable, ItemVisitor visitor) {
    long mark = vm.handleMark();
    try {
      long it = vm.rt.iter(iterable);
      vm.pushHandle(it);
      forEachFromIterator(vm, it, visitor);
    } finally {
      vm.popHandles(mark);
    }
  }

  /** Like {@link #forEach} for an iterator the caller made (and rooted). */
  static void forEachFromIterator(VM vm, long it, ItemVisitor visitor) {
    long mark = vm.handleMark();
    try {
      while (true) {
        vm.popHandles(mark);
        long item = vm.rt.next(it);
        if (item == 0) {
          return;
        }
        vm.pushHandle(item);
        if (!visitor.visit(item)) {
          return;
        }
      }
    } finally {
      vm.popHandles(mark);
    }
  }

  /** Python truth of a == b with the identity shortcut of PyObject_RichCompareBool. */
  static boolean eq(VM vm, long a, long b) {
    return a == b || vm.rt.eq(a, b);
  }

  /** True when a guest exception is a TypeError (or a subclass). */
  static boolean isTypeError(VM vm, PyException e) {
    return vm.isInstance(e.exc, vm.typeError);
  }

  /** Forgets an exception that Java code caught and handled. */
  static void clearPending(VM vm) {
    Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
  }

  // ------------------------------------------------------------------ types

  /** The attribute name in type's MRO dicts (no descriptors, no binding), or NULL. */
  static long typeLookup(VM vm, long type, String name) {
    long key = vm.intern(name);
    long mro = VM.get(type, Layout.Type.MRO);
    if (mro != 0) {
      for (int i = 0, n = VM.tupleLen(mro); i < n; i++) {
        long v = Dicts.getItemStr(vm, VM.get(VM.tupleGet(mro, i), Layout.Type.DICT), key);
        if (v != 0) {
          return v;
        }
      }
      return 0;
    }
    for (long t = type; t != 0; t = VM.get(t, Layout.Type.BASE)) {
      long v = Dicts.getItemStr(vm, VM.get(t, Layout.Type.DICT), key);
      if (v != 0) {
        return v;
      }
    }
    return 0;
  }

  /** Points a subclass instance's (shape, values) pair at its class's root shape. */
  static void initAttrs(long obj, long type) {
    long attrOffset = intValue(VM.get(type, Layout.Type.ATTR_OFFSET));
    if (attrOffset != 0) {
      VM.set(obj, attrOffset + Layout.Attrs.SHAPE, VM.get(type, Layout.Type.ROOT_SHAPE));
    }
  }

  static int instanceSlots(long type) {
    return (int) intValue(VM.get(type, Layout.Type.INSTANCE_SLOTS));
  }

  // ------------------------------------------------------------------ repr recursion

  /**
   * Containers whose repr is in progress, as CPython's Py_ReprEnter keeps per thread: a
   * container met again while printing itself prints as {...}. Addresses are unique among
   * live objects of all VMs on the thread, and the objects stay alive while listed.
   */
  private static final ThreadLocal<Set<Long>> REPR_ACTIVE = ThreadLocal.withInitial(HashSet::new);

  /** Returns false when obj's repr is already in progress. */
  static boolean reprEnter(long obj) {
    return REPR_ACTIVE.get().add(obj);
  }

  static void reprLeave(long obj) {
    REPR_ACTIVE.get().remove(obj);
  }

  /** repr(v) as a Java string. */
  static String repr(VM vm, long v) {
    return vm.str(vm.rt.repr(v));
  }
}
