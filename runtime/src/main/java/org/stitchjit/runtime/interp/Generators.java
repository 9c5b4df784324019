package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.Generator;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * Generators keep their frame inside the generator object, so suspending is saving ip and sp
 * and resuming is linking the frame back under the caller and running it again.
 */
final class Generators {
  private final VM vm;
  private final Protocols p;

  Generators(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    vm.setKindOps(Kind.GENERATOR, new TypeOps() {
      @Override
      public long iter(VM vm, long self) {
        return self;
      }

      @Override
      public long next(VM vm, long self) {
        return Generators.this.next(self);
      }
    });
    vm.defineMethod(vm.generatorType, "__next__", (args, n, kw) -> {
      long gen = Mem.getLong(args);
      long r = resume(gen, vm.none, null);
      return finishOrYield(r);
    });
    vm.defineMethod(vm.generatorType, "__iter__", (args, n, kw) -> Mem.getLong(args));
    vm.defineMethod(vm.generatorType, "send", (args, n, kw) -> {
      long r = resume(Mem.getLong(args), Mem.getLong(args + 8), null);
      return finishOrYield(r);
    });
    vm.defineMethod(vm.generatorType, "throw", (args, n, kw) -> {
      long exc = p.exceptions.makeRaisable(Mem.getLong(args + 8));
      long r = resume(Mem.getLong(args), vm.none, vm.raiseObject(exc));
      return finishOrYield(r);
    });
    vm.defineMethod(vm.generatorType, "close", (args, n, kw) -> {
      close(Mem.getLong(args));
      return vm.none;
    });
  }

  private long finishOrYield(long r) {
    if (p.interp.yielded) {
      return r;
    }
    long value = r == 0 ? vm.none : r;
    long exc = vm.newException(vm.stopIteration, value == vm.none ? vm.emptyTuple : vm.tuple(value));
    throw vm.raiseObject(exc);
  }

  long create(long func, CodeInfo ci, long args, int nargs, long kwnames) {
    long gen = vm.alloc(vm.generatorType, Generator.NSLOTS, ci.frameBytes);
    Mem.putLong(gen + Generator.CODE, ci.code);
    Mem.putLong(gen + Generator.NAME, Mem.getLong(func + Layout.Function.NAME));
    Mem.putLong(gen + Generator.QUALNAME, Mem.getLong(func + Layout.Function.QUALNAME));
    Mem.putLong(gen + Generator.STATE, fromInt(Generator.FINISHED));
    long frame = gen + Generator.FRAME;
    p.interp.initFrame(frame, ci, func, Mem.getLong(func + Layout.Function.GLOBALS), 0);
    Mem.putLong(frame + Frame.PREVIOUS, Tag.rawToWord(0));
    Mem.putLong(frame + Frame.GENERATOR, gen);
    Mem.putLong(gen + Generator.STATE, fromInt(Generator.CREATED));
    p.bindArguments(frame, ci, func, args, nargs, kwnames);
    return gen;
  }

  static int state(long gen) {
    return (int) intValue(Mem.getLong(gen + Generator.STATE));
  }

  /**
   * Runs the generator until it yields (interp.yielded true, the item returned) or returns
   * (yielded false, the return value, or NULL when it had already finished).
   */
  long resume(long gen, long value, PyException toThrow) {
    int state = state(gen);
    if (state == Generator.RUNNING) {
      throw vm.valueError("generator already executing");
    }
    if (state == Generator.FINISHED) {
      p.interp.yielded = false;
      if (toThrow != null) {
        throw toThrow;
      }
      return 0;
    }
    long frame = gen + Generator.FRAME;
    CodeInfo ci = Interpreter.codeOf(vm, frame);
    if (state == Generator.CREATED) {
      if (value != vm.none && toThrow == null) {
        throw vm.typeError("can't send non-None value to a just-started generator");
      }
      if (toThrow != null) {
        Mem.putLong(gen + Generator.STATE, fromInt(Generator.FINISHED));
        throw toThrow;
      }
    } else {
      long sp = intValue(Mem.getLong(frame + Frame.SP));
      long stackBase = frame + Frame.LOCALSPLUS + 8L * ci.nlocalsplus;
      if (toThrow == null) {
        Mem.putLong(stackBase + 8 * sp, value);
        Mem.putLong(frame + Frame.SP, fromInt(sp + 1));
        Mem.putLong(frame + Frame.IP, fromInt(intValue(Mem.getLong(frame + Frame.IP)) + 1));
      }
    }
    Mem.putLong(frame + Frame.PREVIOUS,
        Tag.rawToWord(Mem.getLong(vm.ts + Layout.ThreadState.CURRENT_FRAME)));
    long depth = Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH) + 1;
    if (depth > Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_LIMIT)) {
      throw vm.raise(vm.recursionError, "maximum recursion depth exceeded");
    }
    Mem.putLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH, depth);
    Mem.putLong(gen + Generator.STATE, fromInt(Generator.RUNNING));
    // The handled-exception state belongs to the caller; a generator starts with its own.
    long savedHandled = Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC);
    p.interp.throwOnEntry = toThrow;
    try {
      long r = p.interp.runEntry(frame);
      Mem.putLong(gen + Generator.STATE,
          fromInt(p.interp.yielded ? Generator.SUSPENDED : Generator.FINISHED));
      return r;
    } catch (PyException e) {
      Mem.putLong(gen + Generator.STATE, fromInt(Generator.FINISHED));
      p.interp.yielded = false;
      if (vm.isInstance(e.exc, vm.stopIteration)) {
        long err = vm.newException(vm.runtimeError, vm.tuple(vm.newStr("generator raised StopIteration")));
        org.stitchjit.platforms.Mem.putLong(err + Layout.Exc.CAUSE, e.exc);
        throw vm.raiseObject(err);
      }
      throw e;
    } finally {
      p.interp.throwOnEntry = null;
      Mem.putLong(vm.ts + Layout.ThreadState.HANDLED_EXC, savedHandled);
      Mem.putLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH,
          Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH) - 1);
    }
  }

  /** next(gen): the next item or NULL when it is exhausted. */
  long next(long gen) {
    long r = resume(gen, vm.none, null);
    return p.interp.yielded ? r : 0;
  }

  void close(long gen) {
    int state = state(gen);
    if (state == Generator.CREATED) {
      Mem.putLong(gen + Generator.STATE, fromInt(Generator.FINISHED));
      return;
    }
    if (state != Generator.SUSPENDED) {
      return;
    }
    try {
      resume(gen, vm.none, vm.raiseEmpty(vm.generatorExit));
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.generatorExit) || vm.isInstance(e.exc, vm.stopIteration)) {
        Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
        return;
      }
      throw e;
    }
    if (p.interp.yielded) {
      throw vm.raise(vm.runtimeError, "generator ignored GeneratorExit");
    }
  }
}
