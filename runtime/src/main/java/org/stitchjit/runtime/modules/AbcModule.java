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
 * instantiate it, so abstractmethod only has to set the flag. ABCMeta is type itself: Stitch
 * needs no special metaclass for that bookkeeping.
 */
final class AbcModule {
  private AbcModule() {}

  static void init(VM vm, long d) {
    long ns = vm.newDict();
    long mark = vm.handleMark();
    try {
      vm.pushHandle(ns);
      Dicts.setItemStr(vm, ns, vm.intern("__module__"), vm.intern("abc"));
      Dicts.setItemStr(vm, ns, vm.intern("__qualname__"), vm.intern("ABC"));
      long abc = vm.rt.call(vm.typeType, new long[] {vm.intern("ABC"), vm.tuple(vm.objectType),
          ns});
      set(vm, d, "ABC", abc);
    } finally {
      vm.popHandles(mark);
    }
    set(vm, d, "ABCMeta", vm.typeType);
    def(vm, d, "abstractmethod", (args, n, kw) -> {
      Args.exactlyOne(vm, "abstractmethod", n, kw);
      long f = arg(args, 0);
      vm.rt.setAttr(f, vm.intern("__isabstractmethod__"), vm.trueObj);
      return f;
    });
  }
}
