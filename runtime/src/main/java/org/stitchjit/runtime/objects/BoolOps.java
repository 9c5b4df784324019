package org.stitchjit.runtime.objects;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.runtime.vm.VM;

/**
 * bool: a subclass of int whose two instances are the VM's True and False singletons. It
 * behaves as the ints 0 and 1 (int words make that free) except for its repr and for & | ^
 * between two bools, which stay bools.
 */
public final class BoolOps extends IntOps {
  @Override
  public long binaryOp(VM vm, int op, long a, long b) {
    if (isBool(vm, a) && isBool(vm, b)) {
      switch (BinaryOp.base(op)) {
        case BinaryOp.AND:
          return vm.bool(a == vm.trueObj && b == vm.trueObj);
        case BinaryOp.OR:
          return vm.bool(a == vm.trueObj || b == vm.trueObj);
        case BinaryOp.XOR:
          return vm.bool(a != b);
        default:
          break;
      }
    }
    return super.binaryOp(vm, op, a, b);
  }

  private static boolean isBool(VM vm, long v) {
    return v == vm.trueObj || v == vm.falseObj;
  }

  @Override
  public long repr(VM vm, long self) {
    return vm.intern(self == vm.trueObj ? "True" : "False");
  }

  @Override
  public long hash(VM vm, long self) {
    return self == vm.trueObj ? 1 : 0;
  }

  @Override
  public int isTrue(VM vm, long self) {
    return self == vm.trueObj ? 1 : 0;
  }

  @Override
  public long construct(VM vm, long type, long args, int nargs, long kwnames) {
    return NumberTypes.constructBool(vm, args, nargs, kwnames);
  }
}
