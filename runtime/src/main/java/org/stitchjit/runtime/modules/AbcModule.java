package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;
import static org.stitchjit.runtime.modules.ModuleSupport.set;

import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/**
 * The abc module. ABC is an ordinary class with no state; the interpreter computes a class's
 * abstract methods when the class is created (from __isabstractmethod__ flags) and refuses to
 * instantiate it, so abstractmethod only has to set the flag, and ABCMeta (the metaclass of ABC,
 * as in CPython) adds nothing to type.
 */
final class AbcModule {
  private AbcModule() {}

  static void init(VM vm, long d) {
    long mark = vm.handleMark();
    try {
      long meta = newClass(vm, vm.typeType, "ABCMeta", vm.typeType);
      vm.pushHandle(meta);
      set(vm, d, "ABCMeta", meta);
      set(vm, d, "ABC", newClass(vm, meta, "ABC", vm.objectType));
    } finally {
      vm.popHandles(mark);
    }
    def(vm, d, "abstractmethod", (args, n, kw) -> {
      Args.exactlyOne(vm, "abstractmethod", n, kw);
      long f = arg(args, 0);
      vm.rt.setAttr(f, vm.intern("__isabstractmethod__"), vm.trueObj);
      return f;
    });
  }

  /** meta(name, (base,), {'__module__': 'abc'}): an ordinary class of module abc. */
  private static long newClass(VM vm, long meta, String name, long base) {
    long ns = vm.newDict();
    long mark = vm.handleMark();
    try {
      vm.pushHandle(ns);
      Dicts.setItemStr(vm, ns, vm.intern("__module__"), vm.intern("abc"));
      Dicts.setItemStr(vm, ns, vm.intern("__qualname__"), vm.intern(name));
      return vm.rt.call(meta, new long[] {vm.intern(name), vm.tuple(base), ns});
    } finally {
      vm.popHandles(mark);
    }
  }
}
