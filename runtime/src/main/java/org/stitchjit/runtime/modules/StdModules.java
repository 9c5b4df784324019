package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.vm.VM;

/**
 * Registers the built-in modules written in Java: math, random, time, sys, abc, and
 * _stitch_enum (the one primitive the Python-level enum module needs). Each is created on
 * its first import.
 */
public final class StdModules {
  private StdModules() {}

  public static void install(VM vm) {
    vm.addNativeModule("math", d -> MathModule.init(vm, d));
    vm.addNativeModule("random", d -> RandomModule.init(vm, d));
    vm.addNativeModule("time", d -> TimeModule.init(vm, d));
    vm.addNativeModule("sys", d -> SysModule.init(vm, d));
    vm.addNativeModule("abc", d -> AbcModule.init(vm, d));
    vm.addNativeModule("_stitch_enum", d -> def(vm, d, "new_member", (args, n, kw) -> {
      Args.exactlyOne(vm, "new_member", n, kw);
      return bareInstance(vm, arg(args, 0));
    }));
  }

  /**
   * A new instance of a class whose instances are plain objects, without running __new__,
   * __init__ or the metaclass's __call__: enum members are made this way, since calling an
   * enum class looks a member up instead of creating one.
   */
  static long bareInstance(VM vm, long cls) {
    if (!vm.isType(cls) || (VM.typeFlags(cls) & TypeFlags.HEAPTYPE) == 0
        || VM.typeKind(cls) != Kind.OBJECT) {
      throw vm.typeError("new_member() argument must be a class of plain objects, not "
          + vm.reprJava(cls));
    }
    long nslots = Tag.intValue(Mem.getLong(cls + Layout.Type.INSTANCE_SLOTS));
    long obj = vm.alloc(cls, nslots, 0);
    long off = Tag.intValue(Mem.getLong(cls + Layout.Type.ATTR_OFFSET));
    Mem.putLong(obj + off + Layout.Attrs.SHAPE, Mem.getLong(cls + Layout.Type.ROOT_SHAPE));
    return obj;
  }
}
