package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.bytecode.Opcode;
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
    if (state == Generator.CREATED) {
      if (value != vm.none && toThrow == null) {
        throw vm.typeError("can't send non-None value to a just-started generator");
      }
      if (toThrow != null) {
        Mem.putLong(gen + Generator.STATE, fromInt(Generator.FINISHED));
        throw toThrow;
      }
    } else if (toThrow == null) {
      send(frame, value);
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

  // ================================================================ linked frames
  // Compiled code resumes a generator without Java (_FOR_ITER_GEN): its frame, flagged
  // FLAG_GEN_LINKED, runs under the caller that waits after its FOR_ITER, as a called frame
  // does. These are the same steps in Java, for the reference executor and for the interpreter
  // when such a frame yields, returns or raises in its loop (decision 9, "Later (session 10)").

  /** Whether gen can be resumed linked: _FOR_ITER_GEN's test. */
  boolean linkable(long gen) {
    return (gen & 1) == 0 && Mem.getLong(gen) == vm.generatorType
        && state(gen) == Generator.SUSPENDED
        && Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC) == 0
        && Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH)
            < Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_LIMIT);
  }

  /**
   * Resumes gen linked under caller, whose IP and SP are saved (after its FOR_ITER, the
   * iterator on its stack): None is sent, and the generator's frame becomes current. Returns it.
   */
  long link(long gen, long caller) {
    long frame = gen + Generator.FRAME;
    send(frame, vm.none);
    Mem.putLong(frame + Frame.PREVIOUS, Tag.rawToWord(caller));
    Mem.putLong(frame + Frame.FLAGS, fromInt(Frame.FLAG_GEN_LINKED));
    Mem.putLong(gen + Generator.STATE, fromInt(Generator.RUNNING));
    adjustDepth(1);
    Mem.putLong(vm.ts + Layout.ThreadState.CURRENT_FRAME, frame);
    return frame;
  }

  /** Whether frame is a generator's frame compiled code resumed (see {@link #link}). */
  static boolean isLinked(long frame) {
    return (Mem.getLong(frame + Frame.FLAGS) & Tag.fromInt(Frame.FLAG_GEN_LINKED) & ~1L) != 0;
  }

  /**
   * The linked frame stops at its yield (at index here, v popped off SP, which is saved), the
   * generator suspended, and v goes onto the caller's stack. Returns the caller, now current.
   */
  long yieldLinked(long frame, int here, long v) {
    Mem.putLong(frame + Frame.IP, fromInt(here));
    long caller = unlink(frame, Generator.SUSPENDED);
    push(caller, v);
    return caller;
  }

  /** Makes a frame suspended at its yield go on after it with value sent (pushed). */
  private void send(long frame, long value) {
    push(frame, value);
    Mem.putLong(frame + Frame.IP, fromInt(intValue(Mem.getLong(frame + Frame.IP)) + 1));
  }

  /** Pushes v on a suspended frame's operand stack (at its saved SP, which moves up). */
  private void push(long frame, long v) {
    CodeInfo ci = Interpreter.codeOf(vm, frame);
    long sp = intValue(Mem.getLong(frame + Frame.SP));
    Mem.putLong(frame + Frame.LOCALSPLUS + 8L * (ci.nlocalsplus + sp), v);
    Mem.putLong(frame + Frame.SP, fromInt(sp + 1));
  }

  /**
   * The linked frame returned: the generator is finished and the caller's FOR_ITER, which
   * waits after itself, finds it exhausted: the iterator popped, the caller at the FOR_ITER's
   * target. Returns the caller, now current.
   */
  long returnLinked(long frame) {
    long caller = unlink(frame, Generator.FINISHED);
    CodeInfo ci = Interpreter.codeOf(vm, caller);
    int forIter = (int) intValue(Mem.getLong(caller + Frame.IP)) - Opcode.FOR_ITER.size();
    Mem.putLong(caller + Frame.IP, fromInt(ci.oparg(forIter)));
    Mem.putLong(caller + Frame.SP, fromInt(intValue(Mem.getLong(caller + Frame.SP)) - 1));
    return caller;
  }

  /**
   * An exception leaves the linked frame: the generator is finished, and the caller raises at
   * its FOR_ITER (IP moved back there) what Generators.resume would: a StopIteration becomes
   * RuntimeError. Returns the caller, now current, and in exc[0] the exception to go on with.
   */
  long raiseLinked(long frame, long[] exc) {
    long caller = unlink(frame, Generator.FINISHED);
    Mem.putLong(caller + Frame.IP,
        fromInt(intValue(Mem.getLong(caller + Frame.IP)) - Opcode.FOR_ITER.size()));
    if (vm.isInstance(exc[0], vm.stopIteration)) {
      long err = vm.newException(vm.runtimeError,
          vm.tuple(vm.newStr("generator raised StopIteration")));
      Mem.putLong(err + Layout.Exc.CAUSE, exc[0]);
      exc[0] = err;
    }
    return caller;
  }

  private long unlink(long frame, int newState) {
    long caller = Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS));
    Mem.putLong(frame + Frame.PREVIOUS, Tag.rawToWord(0));
    Mem.putLong(frame + Frame.FLAGS, fromInt(0));
    Mem.putLong(Mem.getLong(frame + Frame.GENERATOR) + Generator.STATE, fromInt(newState));
    adjustDepth(-1);
    // As Generators.resume restores it: the caller's (none in flight, _FOR_ITER_GEN's test).
    Mem.putLong(vm.ts + Layout.ThreadState.HANDLED_EXC, 0);
    Mem.putLong(vm.ts + Layout.ThreadState.CURRENT_FRAME, caller);
    return caller;
  }

  private void adjustDepth(long by) {
    Mem.putLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH,
        Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH) + by);
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
