package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CodeFlags;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.runtime.heap.Heap;
import org.stitchjit.runtime.jit.Executor;
import org.stitchjit.runtime.jit.JitDriver;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.VM;

/**
 * The tier-1 interpreter: one loop over native frames, with quickening.
 *
 * <p>Calls between Python functions stay in the same loop (a new frame is pushed on the
 * native frame stack and the loop carries on), so guest recursion does not grow the Java
 * stack. Re-entry happens only when Java code (a built-in, an operator protocol) calls back
 * into guest code.
 *
 * <p>The loop keeps ip and sp in locals and writes them to the frame only when something
 * could inspect the frame: before any operation that may run guest code or collect, at calls
 * and at safepoints. Specialized instructions guard on their assumption and, when it fails,
 * rewrite themselves back to the generic instruction with a back-off counter, so a site that
 * changes behaviour settles instead of thrashing.
 */
public final class Interpreter {
  private static final Opcode[] OPS = Opcode.values();
  private static final sun.misc.Unsafe U = Mem.unsafe();
  /** Executions of a generic instruction before it tries to specialize again. */
  static final int BACKOFF = 53;
  /** The entry bit of a frame's FLAGS word as stored (tagged). */
  private static final long ENTRY = fromInt(Frame.FLAG_ENTRY) & ~1L;
  private static final long INIT = fromInt(Frame.FLAG_INIT) & ~1L;
  private static final long INIT_TAGGED = fromInt(Frame.FLAG_INIT);
  /** Units of a CALL with its caches (a constant, so run() need not call Opcode.size()). */
  private static final int CALL_SIZE = Frame.CALL_UNITS;

  final VM vm;
  final Protocols p;
  private final long ts;

  /** Set when run() returns because a generator yielded rather than returned. */
  boolean yielded;

  /** An exception to raise at the frame's current instruction when run() starts (throw()). */
  PyException throwOnEntry;

  /** Instructions executed by run()'s own switch; see {@link #instructionsExecuted}. */
  long instructions;

  /** Instructions the interpreter executed (for --stats). */
  public long instructionsExecuted() {
    return instructions + U.getLong(ts + Layout.ThreadState.INSTRUCTIONS);
  }

  public long specializations;
  public long deoptimizations;

  /** The JIT driver, or null when the JIT is off (then no counter is ever touched). */
  private JitDriver jit;
  private int hotLoop;
  private int hotFunction;
  private final FastLoop fast;

  void attach(JitDriver driver) {
    this.jit = driver;
    this.hotLoop = driver.hotLoop();
    this.hotFunction = driver.hotFunction();
    fast.countFor(hotLoop, hotFunction);
  }

  Interpreter(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    this.ts = vm.ts;
    this.fast = new FastLoop(vm, this);
  }

  // ================================================================ JIT hooks
  /**
   * Reports an instruction to the recorder; returns it, or null once it is done (the driver
   * then compiles or counts the abort). Kept out of run() so that the check for an active
   * recorder is all that run() pays when nothing is recorded.
   */
  private Recorder feed(Recorder rec, CodeInfo ci, int here, long frame, long sp,
      long stackBase) {
    Recorder.Step s = jit.record(rec, ci, here, frame, U.getLong(frame + Frame.PREVIOUS) & ~1L,
        (int) ((sp - stackBase) >> 3));
    if (s == Recorder.Step.CONTINUE) {
      return rec;
    }
    jit.recordingEnded(rec, s);
    return null;
  }

  // ================================================================ frames
  /**
   * Pushes a frame for code on the native frame stack (zeroed locals), linked to the current
   * frame. The caller binds arguments, then runs it.
   */
  long pushFrame(CodeInfo ci, long func, long globals, long locals) {
    long top = Mem.getLong(ts + Layout.ThreadState.STACK_TOP);
    long depth = Mem.getLong(ts + Layout.ThreadState.RECURSION_DEPTH) + 1;
    if (depth > Mem.getLong(ts + Layout.ThreadState.RECURSION_LIMIT)
        || top + ci.frameBytes > Mem.getLong(ts + Layout.ThreadState.STACK_LIMIT)) {
      throw vm.raise(vm.recursionError, "maximum recursion depth exceeded");
    }
    Mem.putLong(ts + Layout.ThreadState.RECURSION_DEPTH, depth);
    Mem.putLong(ts + Layout.ThreadState.STACK_TOP, top + ci.frameBytes);
    initFrame(top, ci, func, globals, locals);
    return top;
  }

  void initFrame(long frame, CodeInfo ci, long func, long globals, long locals) {
    Mem.putLong(frame + Frame.CODE, ci.code);
    Mem.putLong(frame + Frame.FUNCTION, func);
    Mem.putLong(frame + Frame.GLOBALS, globals);
    Mem.putLong(frame + Frame.BUILTINS, vm.builtins);
    Mem.putLong(frame + Frame.LOCALS, locals);
    Mem.putLong(frame + Frame.PREVIOUS,
        Tag.rawToWord(Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME)));
    Mem.putLong(frame + Frame.IP, fromInt(0));
    Mem.putLong(frame + Frame.SP, fromInt(0));
    Mem.putLong(frame + Frame.FLAGS, fromInt(0));
    Mem.putLong(frame + Frame.GENERATOR, 0);
    // A word loop, not Mem.zero: Unsafe.setMemory is a native call, slow for a few words.
    long lp = frame + Frame.LOCALSPLUS;
    for (int i = 0, n = ci.nlocalsplus; i < n; i++) {
      U.putLong(lp + 8L * i, 0);
    }
  }

  /**
   * The call fast path for a function whose code has {@link CodeInfo#simpleArgs} called with
   * exactly argcount positional arguments: pushes the frame, copies the arguments and the
   * closure's cells, zeroes the other locals, and makes the code's own cells (makeCells). Returns
   * the frame, or 0 (nothing pushed) when the recursion or stack limit would be exceeded, so the
   * general path raises. Small and self-contained, so that C2 compiles it with everything
   * inlined although run() cannot.
   */
  long pushSimple(CodeInfo ci, long func, long args, int nargs) {
    long top = U.getLong(ts + Layout.ThreadState.STACK_TOP);
    long depth = U.getLong(ts + Layout.ThreadState.RECURSION_DEPTH) + 1;
    if (depth > U.getLong(ts + Layout.ThreadState.RECURSION_LIMIT)
        || top + ci.frameBytes > U.getLong(ts + Layout.ThreadState.STACK_LIMIT)) {
      return 0;
    }
    U.putLong(ts + Layout.ThreadState.RECURSION_DEPTH, depth);
    U.putLong(ts + Layout.ThreadState.STACK_TOP, top + ci.frameBytes);
    U.putLong(top + Frame.CODE, ci.code);
    U.putLong(top + Frame.FUNCTION, func);
    U.putLong(top + Frame.GLOBALS, U.getLong(func + Layout.Function.GLOBALS));
    U.putLong(top + Frame.BUILTINS, vm.builtins);
    U.putLong(top + Frame.LOCALS, 0);
    U.putLong(top + Frame.PREVIOUS, U.getLong(ts + Layout.ThreadState.CURRENT_FRAME) | 1);
    U.putLong(top + Frame.IP, 1);
    U.putLong(top + Frame.SP, 1);
    U.putLong(top + Frame.FLAGS, 1);
    U.putLong(top + Frame.GENERATOR, 0);
    long locals = top + Frame.LOCALSPLUS;
    for (int i = 0; i < nargs; i++) {
      U.putLong(locals + 8L * i, U.getLong(args + 8L * i));
    }
    int nlocals = ci.nlocals;
    int ncells = ci.ncells;
    for (int i = nargs; i < nlocals + ncells; i++) {
      U.putLong(locals + 8L * i, 0);
    }
    int nfree = ci.nfree;
    if (nfree > 0) {
      long closure = U.getLong(func + Layout.Function.CLOSURE);
      for (int i = 0; i < nfree; i++) {
        U.putLong(locals + 8L * (nlocals + ncells + i),
            U.getLong(closure + Layout.Tuple.ITEMS + 8L * i));
      }
    }
    if (ncells > 0) {
      try {
        makeCells(top, ci);
      } catch (Heap.HeapExhausted e) {
        // The caller raises the MemoryError at the call, with the frame gone again.
        popFrame(top);
        throw e;
      }
    }
    return top;
  }

  /**
   * Makes the cells of a frame whose arguments are bound: one per cell variable, holding the
   * argument of the same name if there is one.
   */
  void makeCells(long frame, CodeInfo ci) {
    long locals = frame + Frame.LOCALSPLUS;
    for (int i = 0; i < ci.ncells; i++) {
      long cell = vm.alloc(vm.cellType, Layout.Cell.NSLOTS, 0);
      int arg = ci.cellToArg[i];
      if (arg >= 0) {
        U.putLong(cell + Layout.Cell.CONTENTS, U.getLong(locals + 8L * arg));
      }
      U.putLong(locals + 8L * (ci.nlocals + i), cell);
    }
  }

  /** Pops a frame from the native frame stack (not for generator frames). */
  void popFrame(long frame) {
    Mem.putLong(ts + Layout.ThreadState.STACK_TOP, frame);
    Mem.putLong(ts + Layout.ThreadState.RECURSION_DEPTH,
        Mem.getLong(ts + Layout.ThreadState.RECURSION_DEPTH) - 1);
  }

  static CodeInfo codeOf(VM vm, long frame) {
    return CodeInfo.of(vm, Mem.getLong(frame + Frame.CODE));
  }

  /**
   * Runs a prepared frame as an entry frame: it returns to the Java caller. The frame must be
   * the current frame's callee (PREVIOUS set); on exit CURRENT_FRAME is restored and a
   * non-generator frame is popped.
   */
  long runEntry(long frame) {
    Mem.putLong(frame + Frame.FLAGS, fromInt(Frame.FLAG_ENTRY));
    Mem.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
    try {
      return run(frame);
    } catch (StackOverflowError e) {
      throw vm.raise(vm.recursionError, "maximum recursion depth exceeded");
    }
  }

  private void leaveEntry(long frame) {
    Mem.putLong(ts + Layout.ThreadState.CURRENT_FRAME,
        Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS)));
    if (Mem.getLong(frame + Frame.GENERATOR) == 0) {
      popFrame(frame);
    }
  }

  // ================================================================ the loop
  @SuppressWarnings("fallthrough")
  private long run(long frame) {
    CodeInfo ci = codeOf(vm, frame);
    long bc = ci.bytecode;
    long[] consts = ci.consts;
    long locals = frame + Frame.LOCALSPLUS;
    long stackBase = locals + 8L * ci.nlocalsplus;
    int ip = (int) ((U.getLong(frame + Frame.IP)) >> 1);
    long sp = stackBase + 8 * ((U.getLong(frame + Frame.SP)) >> 1);
    long kwnames = 0;
    int here = ip;
    boolean reraise = false;
    long count = 0;
    Recorder rec = null;
    PyException injected = throwOnEntry;
    throwOnEntry = null;
    // Compiled code to run before the next instruction: a loop's region (ENTER_EXECUTOR), a
    // called function's entry region, or the region where a generator resumes after a yield.
    // Setting it sets reload, the one flag the dispatch loop tests.
    Executor enter = null;
    boolean reload = false;
    if (jit != null && injected == null && ip > 0 && U.getLong(frame + Frame.GENERATOR) != 0
        && (U.getLong(bc + 8L * (ip - 1)) & 0xFF) == Op.YIELD_VALUE) {
      enter = jit.resumeRegion(ci, frame);
      reload = enter != null;
      if (enter == null) {
        rec = jit.resumeSiteHot(ci, frame);
      }
    }
    while (true) {
      PyException pe;
      try {
        if (injected != null) {
          PyException x = injected;
          injected = null;
          throw x;
        }
        while (true) {
          if (reload) {
            reload = false;
            if (enter != null) {
              Executor ex = enter;
              enter = null;
              try {
                rec = jit.run(ex, ts);
              } catch (RuntimeException | Error e) {
                // The exception was raised in the innermost frame compiled code was in.
                frame = U.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
                ci = codeOf(vm, frame);
                here = (int) (U.getLong(frame + Frame.IP) >> 1);
                throw e;
              }
              if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                vm.collectGarbage();
              }
            }
            // Go on in whatever frame is current now, at its saved IP and SP: after compiled
            // code, a linked generator frame's return to its caller, or an unwind.
            frame = U.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
            ci = codeOf(vm, frame);
            bc = ci.bytecode;
            consts = ci.consts;
            locals = frame + Frame.LOCALSPLUS;
            stackBase = locals + 8L * ci.nlocalsplus;
            ip = (int) (U.getLong(frame + Frame.IP) >> 1);
            sp = stackBase + 8 * (U.getLong(frame + Frame.SP) >> 1);
          }
          // FastLoop runs the hit paths of its instructions; the cases below are what it
          // declines: other instructions, guard failures, and whatever needs a call (the
          // collector, the JIT, the allocator, exceptions). While a trace records, it runs
          // one instruction at a time, after the recorder has seen it.
          boolean once = rec != null;
          if (once) {
            rec = feed(rec, ci, ip, frame, sp, stackBase);
          }
          if (kwnames == 0) {
            long at = fast.run(frame, ci, ip, (int) ((sp - stackBase) >>> 3), once);
            if (fast.frameOut != frame || fast.codeOut != ci) {
              // It made calls or returns: go on in the frame it stopped in.
              frame = fast.frameOut;
              ci = fast.codeOut;
              bc = ci.bytecode;
              consts = ci.consts;
              locals = frame + Frame.LOCALSPLUS;
              stackBase = locals + 8L * ci.nlocalsplus;
            }
            ip = (int) (at >>> 32);
            sp = stackBase + 8 * (at & 0xFFFFFFFFL);
            if (once && fast.stepped) {
              continue;
            }
          }
          here = ip;
          long unit = U.getLong(bc + 8L * ip);
          int oparg = (int) (unit >> 32);
          int op = (int) unit & 0xFF;
          ip++;
          count++;
          switch (op) {
            case Op.NOP:
            case Op.POP_TOP:
            case Op.PUSH_NULL:
            case Op.COPY:
            case Op.SWAP:
            case Op.LOAD_CONST:
            case Op.STORE_FAST:
            case Op.LOAD_CLOSURE:
            case Op.STORE_DEREF:
            case Op.IS_OP:
            case Op.JUMP_FORWARD:
            case Op.JUMP_BACKWARD_NO_INTERRUPT:
            case Op.POP_JUMP_IF_NONE:
            case Op.POP_JUMP_IF_NOT_NONE:
              // Never declined (and KW_NAMES is always followed by a CALL).
              throw new IllegalStateException("FastLoop runs " + OPS[op] + " in full");
            case Op.LOAD_FAST:
              // Declined only when unbound.
              throw unboundLocal(ci, oparg);
            case Op.DELETE_FAST:
              if (U.getLong(locals + 8L * oparg) == 0) {
                throw unboundLocal(ci, oparg);
              }
              U.putLong(locals + 8L * oparg, 0);
              break;
            case Op.LOAD_DEREF:
              // Declined only when unbound.
              throw unboundDeref(ci, oparg);
            case Op.LOAD_CLASSDEREF: {
              sync(frame, here, sp, stackBase);
              U.putLong(sp, loadClassDeref(frame, ci, locals, oparg));
              sp += 8;
              break;
            }
            case Op.DELETE_DEREF: {
              long cell = U.getLong(locals + 8L * oparg);
              if (U.getLong(cell + Layout.Cell.CONTENTS) == 0) {
                throw unboundDeref(ci, oparg);
              }
              U.putLong(cell + Layout.Cell.CONTENTS, 0);
              break;
            }
            case Op.LOAD_GLOBAL: {
              sync(frame, here, sp, stackBase);
              U.putLong(sp, loadGlobalGeneric(frame, ci, bc, here, oparg));
              sp += 8;
              ip += 3;
              break;
            }
            case Op.LOAD_GLOBAL_MODULE:
            case Op.LOAD_GLOBAL_BUILTIN:
              // FastLoop declined: a dictionary changed, or the name is gone.
              deopt(bc, here, Opcode.LOAD_GLOBAL, oparg);
              sync(frame, here, sp, stackBase);
              U.putLong(sp, loadGlobalGeneric(frame, ci, bc, here, oparg));
              sp += 8;
              ip += 3;
              break;
            case Op.STORE_GLOBAL:
              sp -= 8;
              sync(frame, here, sp + 8, stackBase);
              Dicts.setItemStr(vm, U.getLong(frame + Frame.GLOBALS), ci.names[oparg],
                  U.getLong(sp));
              break;
            case Op.DELETE_GLOBAL:
              if (Dicts.remove(vm, U.getLong(frame + Frame.GLOBALS), ci.names[oparg]) == 0) {
                throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
              }
              break;
            case Op.LOAD_NAME:
              sync(frame, here, sp, stackBase);
              U.putLong(sp, loadName(frame, ci, oparg));
              sp += 8;
              break;
            case Op.STORE_NAME:
              sp -= 8;
              sync(frame, here, sp + 8, stackBase);
              storeName(frame, ci, oparg, U.getLong(sp));
              break;
            case Op.DELETE_NAME:
              sync(frame, here, sp, stackBase);
              deleteName(frame, ci, oparg);
              break;

            // ---------------------------------------------------------- attributes
            case Op.LOAD_ATTR:
            case Op.LOAD_ATTR_INSTANCE: {
              // FastLoop declined LOAD_ATTR_INSTANCE: another class or shape. A receiver the
              // site's polymorphic cache knows is loaded from there and becomes the one
              // FastLoop tries first. Otherwise a miss re-specializes at once for the new
              // receiver (generic with back-off only if it is not cacheable): polymorphic sites
              // that see one class for a while then another (richards, deltablue) keep hitting
              // instead of running 53 generic lookups after each change.
              long obj = U.getLong(sp - 8);
              boolean specialized = op == Op.LOAD_ATTR_INSTANCE;
              long at = picSlot(ci, here, obj, bc, specialized, false);
              long v = at != 0 ? U.getLong(at) : 0;
              if (v == 0 && (at != 0 || specialized && cacheHolds(obj, bc, here))) {
                // A raw float attribute (Layout.Array) where a cache holds: boxed once, kept.
                sync(frame, here, sp, stackBase);
                v = p.getAttr(obj, ci.names[oparg]);
              } else if (at == 0) {
                if (specialized) {
                  respecialize(ci, bc, here, Opcode.LOAD_ATTR, oparg);
                }
                sync(frame, here, sp, stackBase);
                long[] entry = picRoom(ci.attrPics, here, 3)
                    ? p.instanceLoadCache(obj, ci.names[oparg]) : null;
                v = p.loadAttrAndSpecialize(obj, ci.names[oparg], bc, here);
                ci.attrPics = picAdd(ci.attrPics, ci.units, here, entry, 3);
              }
              U.putLong(sp - 8, v);
              ip += 3;
              break;
            }
            case Op.LOAD_ATTR_MODULE:
              deopt(bc, here, Opcode.LOAD_ATTR, oparg);
              sync(frame, here, sp, stackBase);
              U.putLong(sp - 8, p.getAttr(U.getLong(sp - 8), ci.names[oparg]));
              ip += 3;
              break;
            case Op.STORE_ATTR:
            case Op.STORE_ATTR_INSTANCE: {
              // FastLoop declined STORE_ATTR_INSTANCE: another class or shape, or no room for
              // an added value. The site's polymorphic cache first, as for loads.
              long obj = U.getLong(sp - 8);
              long value = U.getLong(sp - 16);
              boolean specialized = op == Op.STORE_ATTR_INSTANCE;
              long at = picSlot(ci, here, obj, bc, specialized, true);
              if (at != 0) {
                U.putLong(at, value);
              } else {
                if (specialized) {
                  respecialize(ci, bc, here, Opcode.STORE_ATTR, oparg);
                }
                sync(frame, here, sp, stackBase);
                long[] entry = picRoom(ci.attrPics, here, 3)
                    ? p.instanceStoreCache(obj, ci.names[oparg]) : null;
                p.storeAttrAndSpecialize(obj, ci.names[oparg], value, bc, here);
                if (entry != null && entry[2] == 0) {
                  ci.attrPics = picAdd(ci.attrPics, ci.units, here,
                      new long[] {entry[0], entry[1], entry[3]}, 3);
                }
              }
              sp -= 16;
              ip += 4;
              break;
            }
            case Op.DELETE_ATTR:
              sync(frame, here, sp, stackBase);
              p.delAttr(U.getLong(sp - 8), ci.names[oparg]);
              sp -= 8;
              break;
            case Op.LOAD_METHOD: {
              // A generic site (one that went back to generic after its free re-specializations)
              // tries its polymorphic method cache first. LOAD_METHOD_CLASS misses do not:
              // keeping those sites specialized changed C2's compile of FastLoop for the worse
              // (decision 10, "Later (session 12)").
              long obj = U.getLong(sp - 8);
              long method = methodPic(ci, here, obj);
              if (method != 0) {
                U.putLong(sp - 8, method);
                U.putLong(sp, obj);
              } else {
                sync(frame, here, sp, stackBase);
                long[] entry = (obj & 1) == 0 && picRoom(ci.methodPics, here, 4)
                    ? p.methodCache(obj, ci.names[oparg]) : null;
                p.loadMethodAndSpecialize(sp - 8, ci.names[oparg], bc, here);
                ci.methodPics = picAdd(ci.methodPics, ci.units, here, entry, 4);
              }
              sp += 8;
              ip += 4;
              break;
            }
            case Op.LOAD_METHOD_CLASS:
              respecialize(ci, bc, here, Opcode.LOAD_METHOD, oparg);
              sync(frame, here, sp, stackBase);
              p.loadMethodAndSpecialize(sp - 8, ci.names[oparg], bc, here);
              sp += 8;
              ip += 4;
              break;
            case Op.LOAD_METHOD_BUILTIN:
            case Op.LOAD_METHOD_TYPE: {
              long obj = U.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 4;
              boolean ofClass = op == Op.LOAD_METHOD_TYPE;
              if (ofClass
                  // The class itself, by its version; it pushes (NULL, its function).
                  ? (obj & 1) == 0 && U.getLong(obj) == vm.typeType
                      && U.getLong(obj + Layout.Type.VERSION) == U.getLong(c)
                  // The receiver's type, by its version; it pushes (method, receiver).
                  : vm.typeOf(obj) == U.getLong(c)
                      && U.getLong(U.getLong(c) + Layout.Type.VERSION) == U.getLong(c + 8)) {
                U.putLong(sp - 8, ofClass ? 0 : U.getLong(c + 24));
                U.putLong(sp, ofClass ? U.getLong(c + 8) : obj);
                sp += 8;
                break;
              }
              deopt(bc, here, Opcode.LOAD_METHOD, oparg);
              sync(frame, here, sp, stackBase);
              p.loadMethod(sp - 8, ci.names[oparg]);
              sp += 8;
              break;
            }

            // ---------------------------------------------------------- operators
            case Op.BINARY_OP: {
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              if ((a & b & 1) != 0) {
                // Operators on small ints without a specialized instruction: FastLoop does the
                // bitwise ones, these the rest that need no allocation beyond a float.
                long r = smallIntArith(
                    oparg >= BinaryOp.INPLACE ? oparg - BinaryOp.INPLACE : oparg, a, b);
                if (r != 0) {
                  sp -= 8;
                  U.putLong(sp - 8, r);
                  ip += 1;
                  break;
                }
              }
              sync(frame, here, sp, stackBase);
              long r = p.binaryOp(oparg, a, b);
              maybeSpecializeBinary(bc, here, ip, oparg, a, b);
              sp -= 8;
              U.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case Op.BINARY_OP_ADD_INT:
            case Op.BINARY_OP_SUBTRACT_INT:
            case Op.BINARY_OP_MULTIPLY_INT: {
              // FastLoop declined: an operand is no small int, or the result overflows one
              // (then the generic operation makes a big int and the site stays specialized).
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              ip += 1;
              if ((a & b & 1) == 0) {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
              }
              sync(frame, here, sp, stackBase);
              sp -= 8;
              U.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case Op.BINARY_OP_ADD_FLOAT:
            case Op.BINARY_OP_SUBTRACT_FLOAT:
            case Op.BINARY_OP_MULTIPLY_FLOAT:
            case Op.BINARY_OP_TRUE_DIVIDE_FLOAT: {
              // FastLoop declined: an operand is neither a float nor an int beside a float, or
              // a division by zero (the generic operation raises), or its free list of floats
              // was empty (the generic operation allocates from a new chunk).
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              ip += 1;
              boolean fa = (a & 1) == 0 && U.getLong(a) == vm.floatType;
              boolean fb = (b & 1) == 0 && U.getLong(b) == vm.floatType;
              if (!(fa && (fb || (b & 1) != 0) || fb && (a & 1) != 0)) {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
              }
              sync(frame, here, sp, stackBase);
              sp -= 8;
              U.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case Op.BINARY_OP_ADD_STR: {
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((a & 1) == 0 && (b & 1) == 0 && U.getLong(a) == vm.strType
                  && U.getLong(b) == vm.strType) {
                sp -= 8;
                U.putLong(sp - 8, Strs.concat(vm, a, b));
                break;
              }
              deopt(bc, here, Opcode.BINARY_OP, oparg);
              sp -= 8;
              U.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case Op.COMPARE_OP: {
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long r = p.richCompare(a, b, oparg);
              maybeSpecializeCompare(bc, here, ip, oparg, a, b);
              sp -= 8;
              U.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case Op.COMPARE_OP_INT:
            case Op.COMPARE_OP_FLOAT: {
              // FastLoop declined: an operand is not of the kind the site specialized on.
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              ip += 1;
              deopt(bc, here, Opcode.COMPARE_OP, oparg);
              sync(frame, here, sp, stackBase);
              sp -= 8;
              U.putLong(sp - 8, p.richCompare(a, b, oparg));
              break;
            }
            case Op.COMPARE_OP_STR: {
              long a = U.getLong(sp - 16);
              long b = U.getLong(sp - 8);
              ip += 1;
              long st = vm.strType;
              if ((a & 1) == 0 && (b & 1) == 0 && U.getLong(a) == st && U.getLong(b) == st) {
                boolean eq = Strs.equal(a, b);
                sp -= 8;
                U.putLong(sp - 8, (oparg == CompareOp.EQ) == eq ? vm.trueObj : vm.falseObj);
                break;
              }
              deopt(bc, here, Opcode.COMPARE_OP, oparg);
              sync(frame, here, sp, stackBase);
              sp -= 8;
              U.putLong(sp - 8, p.richCompare(a, b, oparg));
              break;
            }
            case Op.CONTAINS_OP: {
              sync(frame, here, sp, stackBase);
              boolean r = p.contains(U.getLong(sp - 8), U.getLong(sp - 16));
              sp -= 8;
              U.putLong(sp - 8, (r ^ (oparg != 0)) ? vm.trueObj : vm.falseObj);
              break;
            }
            case Op.UNARY_NOT:
              // FastLoop declined: neither a bool nor None.
              sync(frame, here, sp, stackBase);
              U.putLong(sp - 8, p.isTrue(U.getLong(sp - 8)) ? vm.falseObj : vm.trueObj);
              break;
            case Op.UNARY_NEGATIVE:
            case Op.UNARY_POSITIVE:
            case Op.UNARY_INVERT:
              sync(frame, here, sp, stackBase);
              U.putLong(sp - 8, p.unaryOp(OPS[op], U.getLong(sp - 8)));
              break;
            case Op.BINARY_SUBSCR: {
              long container = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long r = p.getItem(container, key);
              maybeSpecializeSubscr(bc, here, ip, container, key);
              sp -= 8;
              U.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case Op.BINARY_SUBSCR_LIST_INT:
            case Op.BINARY_SUBSCR_TUPLE_INT: {
              // FastLoop declined: another container or key (deoptimize), or an index out of
              // range (the generic operation raises IndexError).
              long seq = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              ip += 1;
              if ((key & 1) == 0 || (seq & 1) != 0 || U.getLong(seq)
                  != (op == Op.BINARY_SUBSCR_LIST_INT ? vm.listType : vm.tupleType)) {
                deopt(bc, here, Opcode.BINARY_SUBSCR, oparg);
              }
              sync(frame, here, sp, stackBase);
              long r = p.getItem(seq, key);
              sp -= 8;
              U.putLong(sp - 8, r);
              break;
            }
            case Op.BINARY_SUBSCR_DICT: {
              long d = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((d & 1) == 0 && U.getLong(d) == vm.dictType) {
                long v = Dicts.getItem(vm, d, key);
                if (v != 0) {
                  sp -= 8;
                  U.putLong(sp - 8, v);
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_SUBSCR, oparg);
              }
              long r = p.getItem(d, key);
              sp -= 8;
              U.putLong(sp - 8, r);
              break;
            }
            case Op.STORE_SUBSCR: {
              long container = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              p.setItem(container, key, U.getLong(sp - 24));
              maybeSpecializeStoreSubscr(bc, here, ip, container, key);
              sp -= 24;
              ip += 1;
              break;
            }
            case Op.STORE_SUBSCR_LIST_INT: {
              // FastLoop declined, as for BINARY_SUBSCR_LIST_INT.
              long list = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              ip += 1;
              if ((key & 1) == 0 || (list & 1) != 0 || U.getLong(list) != vm.listType) {
                deopt(bc, here, Opcode.STORE_SUBSCR, oparg);
              }
              sync(frame, here, sp, stackBase);
              p.setItem(list, key, U.getLong(sp - 24));
              sp -= 24;
              break;
            }
            case Op.STORE_SUBSCR_DICT: {
              long d = U.getLong(sp - 16);
              long key = U.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((d & 1) == 0 && U.getLong(d) == vm.dictType) {
                Dicts.setItem(vm, d, key, U.getLong(sp - 24));
              } else {
                deopt(bc, here, Opcode.STORE_SUBSCR, oparg);
                p.setItem(d, key, U.getLong(sp - 24));
              }
              sp -= 24;
              break;
            }
            case Op.DELETE_SUBSCR:
              sync(frame, here, sp, stackBase);
              p.delItem(U.getLong(sp - 16), U.getLong(sp - 8));
              sp -= 16;
              break;
            case Op.BUILD_SLICE: {
              sync(frame, here, sp, stackBase);
              long step = oparg == 3 ? U.getLong(sp - 8) : vm.none;
              long stop = U.getLong(sp - (oparg == 3 ? 16 : 8));
              long start = U.getLong(sp - (oparg == 3 ? 24 : 16));
              long s = p.newSlice(start, stop, step);
              sp -= 8L * oparg;
              U.putLong(sp, s);
              sp += 8;
              break;
            }

            // ---------------------------------------------------------- building
            case Op.BUILD_TUPLE: {
              sync(frame, here, sp, stackBase);
              sp -= 8L * oparg;
              U.putLong(sp, vm.tupleFromWords(sp, oparg));
              sp += 8;
              break;
            }
            case Op.BUILD_LIST: {
              sync(frame, here, sp, stackBase);
              sp -= 8L * oparg;
              U.putLong(sp, vm.listFromWords(sp, oparg));
              sp += 8;
              break;
            }
            case Op.BUILD_SET: {
              sync(frame, here, sp, stackBase);
              long set = p.buildSet(sp - 8L * oparg, oparg);
              sp -= 8L * oparg;
              U.putLong(sp, set);
              sp += 8;
              break;
            }
            case Op.BUILD_MAP:
            case Op.BUILD_CONST_KEY_MAP:
              sync(frame, here, sp, stackBase);
              sp = p.buildMap(sp, oparg, op == Op.BUILD_CONST_KEY_MAP);
              break;
            case Op.BUILD_STRING: {
              sync(frame, here, sp, stackBase);
              long s = p.joinStrings(sp - 8L * oparg, oparg);
              sp -= 8L * oparg;
              U.putLong(sp, s);
              sp += 8;
              break;
            }
            case Op.LIST_APPEND: {
              long v = U.getLong(sp - 8);
              vm.listAppend(U.getLong(sp - 8 - 8L * oparg), v);
              sp -= 8;
              break;
            }
            case Op.SET_ADD:
            case Op.MAP_ADD:
            case Op.LIST_EXTEND:
            case Op.SET_UPDATE:
            case Op.DICT_UPDATE:
            case Op.DICT_MERGE:
            case Op.LIST_TO_TUPLE:
            case Op.FORMAT_VALUE:
            case Op.UNPACK_EX:
            case Op.GET_ITER:
            case Op.GET_YIELD_FROM_ITER:
            case Op.LOAD_BUILD_CLASS:
            case Op.LOAD_ASSERTION_ERROR:
            case Op.MAKE_FUNCTION:
            case Op.BEFORE_WITH:
            case Op.WITH_EXCEPT_START:
            case Op.IMPORT_NAME:
            case Op.IMPORT_FROM:
            case Op.IMPORT_STAR:
            case Op.CALL_FUNCTION_EX:
            case Op.PUSH_EXC_INFO:
            case Op.POP_EXCEPT:
            case Op.CHECK_EXC_MATCH:
              sync(frame, here, sp, stackBase);
              sp = p.slowOp(OPS[op], oparg, frame, ci, sp);
              break;
            case Op.UNPACK_SEQUENCE: {
              long seq = U.getLong(sp - 8);
              ip += 1;
              if ((seq & 1) == 0 && U.getLong(seq) == vm.tupleType && ((U.getLong(seq + 8) >>> 4) & 0x3FFFFFFFL) == oparg) {
                sp -= 8;
                for (int i = oparg - 1; i >= 0; i--) {
                  U.putLong(sp, U.getLong(seq + Layout.Tuple.ITEMS + 8L * i));
                  sp += 8;
                }
                if (oparg == 2 && readyToSpecialize(bc, here)) {
                  rewrite(bc, here, Opcode.UNPACK_SEQUENCE_TWO_TUPLE, oparg);
                  specializations++;
                }
                break;
              }
              if ((seq & 1) == 0 && U.getLong(seq) == vm.listType && (U.getLong(seq + Layout.List.SIZE) >> 1) == oparg) {
                sp -= 8;
                for (int i = oparg - 1; i >= 0; i--) {
                  U.putLong(sp, U.getLong(U.getLong(seq + Layout.List.ITEMS) + Layout.Array.ITEMS + 8L * i));
                  sp += 8;
                }
                break;
              }
              sync(frame, here, sp, stackBase);
              sp = p.unpackSequence(sp, oparg);
              break;
            }
            case Op.UNPACK_SEQUENCE_TWO_TUPLE:
              // FastLoop declined: no pair. Run the generic instruction.
              deopt(bc, here, Opcode.UNPACK_SEQUENCE, oparg);
              ip = here;
              break;

            // ---------------------------------------------------------- control flow
            case Op.JUMP_BACKWARD:
              ip = oparg;
              if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                sync(frame, ip, sp, stackBase);
                vm.collectGarbage();
              }
              if (jit != null && rec == null) {
                long c = U.getLong(bc + 8L * (here + 1)) + 1;
                U.putLong(bc + 8L * (here + 1), c);
                if (c >= hotLoop) {
                  U.putLong(bc + 8L * (here + 1), 0);
                  sync(frame, ip, sp, stackBase);
                  rec = jit.loopHot(ci, frame, here, oparg, (int) ((sp - stackBase) >> 3));
                }
              }
              break;
            case Op.ENTER_EXECUTOR: {
              Executor ex = JitDriver.executorAt(ci, oparg);
              ip = JitDriver.jumpTarget(ex);
              sync(frame, ip, sp, stackBase);
              if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                vm.collectGarbage();
              }
              enter = ex;
              reload = true;
              break;
            }
            case Op.POP_JUMP_IF_FALSE:
            case Op.POP_JUMP_IF_TRUE: {
              // FastLoop declined: no bool. Truth may call __bool__ or __len__.
              sync(frame, here, sp, stackBase);
              boolean t = p.isTrue(U.getLong(sp - 8));
              sp -= 8;
              if (t == (op == Op.POP_JUMP_IF_TRUE)) {
                ip = oparg;
              }
              break;
            }
            case Op.JUMP_IF_FALSE_OR_POP:
            case Op.JUMP_IF_TRUE_OR_POP: {
              // FastLoop declined: no bool.
              sync(frame, here, sp, stackBase);
              if (p.isTrue(U.getLong(sp - 8)) == (op == Op.JUMP_IF_TRUE_OR_POP)) {
                ip = oparg;
              } else {
                sp -= 8;
              }
              break;
            }
            case Op.FOR_ITER: {
              long it = U.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long v = p.next(it);
              maybeSpecializeForIter(bc, here, it);
              if (v == 0) {
                sp -= 8;
                ip = oparg;
              } else {
                U.putLong(sp, v);
                sp += 8;
                ip += 1;
              }
              break;
            }
            case Op.FOR_ITER_RANGE:
            case Op.FOR_ITER_LIST:
            case Op.FOR_ITER_TUPLE:
              // FastLoop declined: another kind of iterator. Run the generic instruction.
              deopt(bc, here, Opcode.FOR_ITER, oparg);
              ip = here;
              break;
            case Op.RETURN_VALUE: {
              long v = U.getLong(sp - 8);
              if (Generators.isLinked(frame)) {
                // A generator compiled code resumed returns: its caller's FOR_ITER ends.
                p.generators.returnLinked(frame);
                reload = true;
                break;
              }
              if ((U.getLong(frame + Frame.FLAGS) & ENTRY) != 0) {
                // Entry frame: back to the Java caller.
                sp -= 8;
                U.putLong(frame + Frame.SP, ((((long) ((sp - stackBase) >> 3)) << 1) | 1));
                U.putLong(frame + Frame.IP, ((((long) (here)) << 1) | 1));
                leaveEntry(frame);
                yielded = false;
                instructions += count;
                if (rec != null) {
                  jit.interrupted(rec, "return");
                }
                return v;
              }
              boolean initFrame = (U.getLong(frame + Frame.FLAGS) & INIT) != 0;
              // popFrame and codeOf spelled out: calls from run() are not inlined.
              long caller = U.getLong(frame + Frame.PREVIOUS) & ~1L;
              U.putLong(ts + Layout.ThreadState.STACK_TOP, frame);
              U.putLong(ts + Layout.ThreadState.RECURSION_DEPTH,
                  U.getLong(ts + Layout.ThreadState.RECURSION_DEPTH) - 1);
              frame = caller;
              U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
              ci = (CodeInfo) vm.codeMirrors[
                  (int) (U.getLong(U.getLong(frame + Frame.CODE) + Layout.Code.ID) >> 1)];
              bc = ci.bytecode;
              consts = ci.consts;
              locals = frame + Frame.LOCALSPLUS;
              stackBase = locals + 8L * ci.nlocalsplus;
              here = (int) ((U.getLong(frame + Frame.IP)) >> 1);
              ip = here + CALL_SIZE;
              sp = stackBase + 8 * ((U.getLong(frame + Frame.SP)) >> 1);
              if (initFrame) {
                // The call's value is the instance saved in the caller's stack (see CALL).
                if (v != vm.none) {
                  throw initReturned(v);
                }
                sp -= 8;
                v = U.getLong(sp);
              }
              U.putLong(sp, v);
              sp += 8;
              if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                sync(frame, ip, sp, stackBase);
                vm.collectGarbage();
              }
              break;
            }

            // ---------------------------------------------------------- calls
            case Op.KW_NAMES:
              kwnames = consts[oparg];
              break;
            case Op.CALL:
            case Op.CALL_PY_EXACT_ARGS:
            case Op.CALL_BUILTIN:
            case Op.CALL_ALLOC_AND_ENTER_INIT: {
              long kw = kwnames;
              kwnames = 0;
              long nullSlot = sp - 8L * (oparg + 2);
              long first = U.getLong(nullSlot);
              long callable;
              long args;
              int nargs;
              if (first != 0) {
                callable = first;
                args = nullSlot + 8;
                nargs = oparg + 1;
              } else {
                callable = U.getLong(nullSlot + 8);
                args = nullSlot + 16;
                nargs = oparg;
              }
              // The specialized forms only guard; the call itself is the generic one below.
              if (op == Op.CALL_PY_EXACT_ARGS ? callable != U.getLong(bc + 8L * (here + 2))
                  : op == Op.CALL_BUILTIN
                      ? !callsLikeABuiltin(callable)
                      : op == Op.CALL_ALLOC_AND_ENTER_INIT && (first != 0 || kw != 0
                          || (callable & 1) != 0 || U.getLong(callable) != vm.typeType
                          || U.getLong(callable + Layout.Type.VERSION)
                              != U.getLong(bc + 8L * (here + 1)))) {
                deopt(bc, here, Opcode.CALL, oparg);
                op = Op.CALL;
              }
              if ((callable & 1) == 0 && U.getLong(callable) == vm.functionType) {
                long code = U.getLong(callable + Layout.Function.CODE);
                CodeInfo callee =
                    (CodeInfo) vm.codeMirrors[(int) (U.getLong(code + Layout.Code.ID) >> 1)];
                if ((callee.flags & CodeFlags.GENERATOR) == 0) {
                  // Save the caller with its stack cut below the call, push and enter.
                  U.putLong(frame + Frame.IP, ((((long) (here)) << 1) | 1));
                  U.putLong(frame + Frame.SP, ((((long) ((nullSlot - stackBase) >> 3)) << 1) | 1));
                  long nf = 0;
                  if (kw == 0 && nargs == callee.argcount && callee.simpleArgs) {
                    nf = pushSimple(callee, callable, args, nargs);
                    if (op == Op.CALL && nf != 0 && readyToSpecialize(bc, here)) {
                      U.putLong(bc + 8L * (here + 2), callable);
                      rewrite(bc, here, Opcode.CALL_PY_EXACT_ARGS, oparg);
                      specializations++;
                    }
                  }
                  if (nf == 0) {
                    nf = pushFrame(callee, callable,
                        U.getLong(callable + Layout.Function.GLOBALS), 0);
                    try {
                      p.bindArguments(nf, callee, callable, args, nargs, kw);
                    } catch (PyException e) {
                      popFrame(nf);
                      throw e;
                    }
                  }
                  frame = nf;
                  U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
                  ci = callee;
                  bc = ci.bytecode;
                  consts = ci.consts;
                  locals = frame + Frame.LOCALSPLUS;
                  stackBase = locals + 8L * ci.nlocalsplus;
                  ip = 0;
                  here = 0;
                  sp = stackBase;
                  if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                    sync(frame, 0, sp, stackBase);
                    vm.collectGarbage();
                  }
                  if (jit != null && rec == null) {
                    if (ci.entryExecutor != null) {
                      sync(frame, 0, sp, stackBase);
                      enter = (Executor) ci.entryExecutor;
                      reload = true;
                    } else if (++ci.entries >= hotFunction) {
                      ci.entries = 0;
                      sync(frame, 0, sp, stackBase);
                      rec = jit.functionHot(ci, frame);
                    }
                  }
                  break;
                }
              }
              if (first == 0 && kw == 0 && (callable & 1) == 0
                  && U.getLong(callable) == vm.typeType) {
                // A plain class: allocate here and run __init__ in a pushed frame flagged
                // INIT, whose return pushes the instance. The instance goes in the NULL slot,
                // kept below the caller's saved SP for the collector, and as self.
                long init = p.simpleInitFor(callable, nargs);
                if (init != 0) {
                  long obj = p.newPlainInstance(callable);
                  U.putLong(nullSlot, obj);
                  U.putLong(nullSlot + 8, obj);
                  U.putLong(frame + Frame.IP, ((((long) (here)) << 1) | 1));
                  U.putLong(frame + Frame.SP,
                      ((((long) ((nullSlot + 8 - stackBase) >> 3)) << 1) | 1));
                  CodeInfo callee = (CodeInfo) vm.codeMirrors[(int) (U.getLong(
                      U.getLong(init + Layout.Function.CODE) + Layout.Code.ID) >> 1)];
                  long nf = pushSimple(callee, init, nullSlot + 8, nargs + 1);
                  if (nf != 0) {
                    U.putLong(nf + Frame.FLAGS, INIT_TAGGED);
                    if (op == Op.CALL && readyToSpecialize(bc, here)) {
                      // What a trace needs to allocate and enter __init__ itself.
                      U.putLong(bc + 8L * (here + 1), U.getLong(callable + Layout.Type.VERSION));
                      U.putLong(bc + 8L * (here + 2), init);
                      rewrite(bc, here, Opcode.CALL_ALLOC_AND_ENTER_INIT, oparg);
                      specializations++;
                    }
                    frame = nf;
                    U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
                    ci = callee;
                    bc = ci.bytecode;
                    consts = ci.consts;
                    locals = frame + Frame.LOCALSPLUS;
                    stackBase = locals + 8L * ci.nlocalsplus;
                    ip = 0;
                    here = 0;
                    sp = stackBase;
                    if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                      sync(frame, 0, sp, stackBase);
                      vm.collectGarbage();
                    }
                    break;
                  }
                  // Recursion limit: let the general path raise it.
                  U.putLong(nullSlot, 0);
                  U.putLong(nullSlot + 8, callable);
                }
              }
              if (op == Op.CALL_BUILTIN) {
                // The callee last seen, for a trace's identity guard (_CHECK_CALLABLE).
                U.putLong(bc + 8L * (here + 2), callable);
              } else if (op == Op.CALL && callsLikeABuiltin(callable)
                  && readyToSpecialize(bc, here)) {
                U.putLong(bc + 8L * (here + 2), callable);
                rewrite(bc, here, Opcode.CALL_BUILTIN, oparg);
                specializations++;
              }
              sync(frame, here, sp, stackBase);
              long r = p.callWords(callable, args, nargs, kw);
              sp = nullSlot;
              U.putLong(sp, r);
              sp += 8;
              ip += CALL_SIZE - 1;
              break;
            }

            // ---------------------------------------------------------- exceptions
            case Op.RAISE_VARARGS:
              sync(frame, here, sp, stackBase);
              p.raiseVarargs(sp, oparg);
              throw new IllegalStateException("raise did not throw");
            case Op.RERAISE: {
              // The saved lasti (oparg != 0) only matters for traceback lines, which this
              // frame's entry already has; handlers are found from the RERAISE itself.
              long exc = U.getLong(sp - 8);
              sp -= 8;
              reraise = true;
              sync(frame, here, sp, stackBase);
              throw vm.raiseObject(exc);
            }
            case Op.YIELD_VALUE: {
              long v = U.getLong(sp - 8);
              sp -= 8;
              if (Generators.isLinked(frame)) {
                // Compiled code resumed this generator (_FOR_ITER_GEN): back to the caller
                // that waits after its FOR_ITER, in this loop, as _YIELD_GEN does.
                U.putLong(frame + Frame.SP, ((((long) ((sp - stackBase) >> 3)) << 1) | 1));
                long caller = p.generators.yieldLinked(frame, here, v);
                if (jit != null && rec == null) {
                  // Where the caller goes on may have a region, as after a native yield.
                  CodeInfo callerCode = codeOf(vm, caller);
                  enter = jit.resumeRegion(callerCode, caller);
                  if (enter == null) {
                    rec = jit.resumeSiteHot(callerCode, caller);
                  }
                }
                reload = true;
                break;
              }
              U.putLong(frame + Frame.SP, ((((long) ((sp - stackBase) >> 3)) << 1) | 1));
              U.putLong(frame + Frame.IP, ((((long) (here)) << 1) | 1));
              leaveEntry(frame);
              yielded = true;
              instructions += count;
              if (rec != null) {
                jit.interrupted(rec, "yield");
              }
              return v;
            }
            case Op.SEND: {
              sync(frame, here, sp, stackBase);
              long receiver = U.getLong(sp - 16);
              long value = U.getLong(sp - 8);
              long r = p.send(receiver, value);
              if (p.lastSendReturned) {
                sp -= 16;
                U.putLong(sp, r);
                sp += 8;
                ip = oparg;
              } else {
                U.putLong(sp - 8, r);
              }
              break;
            }
            default:
              throw new IllegalStateException("corrupt bytecode: unknown opcode " + op);
          }
        }
      } catch (PyException e) {
        pe = e;
      } catch (org.stitchjit.runtime.text.FormatError e) {
        reraise = false;
        pe = p.toGuest(e);
      } catch (Heap.HeapExhausted e) {
        reraise = false;
        U.putLong(vm.memoryErrorInstance + Layout.Exc.TRACEBACK, 0);
        pe = vm.raiseObject(vm.memoryErrorInstance);
      } catch (StackOverflowError e) {
        reraise = false;
        pe = vm.raise(vm.recursionError, "maximum recursion depth exceeded");
      }
      // Unwind to the innermost handler, popping frames of this run() that have none.
      if (rec != null) {
        jit.interrupted(rec, "exception");
        rec = null;
      }
      instructions += count;
      count = 0;
      frame = unwind(frame, ci, here, pe, reraise);
      reraise = false;
      kwnames = 0;
      // The handler's frame, at the handler with the exception pushed: go on there.
      U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
      reload = true;
    }
  }

  /**
   * Finds the handler for an exception raised at instruction here of frame, adding traceback
   * entries and popping frames without one. Returns the frame whose handler will run, with
   * its IP set to the handler and SP to the handler's depth plus what it pushed; rethrows when
   * the exception leaves this run()'s entry frame.
   */
  private long unwind(long frame, CodeInfo ci, int here, PyException pe, boolean reraise) {
    long exc = pe.exc;
    boolean firstFrame = true;
    while (true) {
      if (!reraise || !firstFrame) {
        p.exceptions.addTraceback(exc, ci, here, firstFrame);
      }
      firstFrame = false;
      int h = ci.handlerFor(here);
      if (h >= 0) {
        long stackBase = frame + Frame.LOCALSPLUS + 8L * ci.nlocalsplus;
        long sp = stackBase + 8L * ci.excDepth[h];
        if (ci.excLasti[h]) {
          U.putLong(sp, fromInt(here));
          sp += 8;
        }
        U.putLong(sp, exc);
        sp += 8;
        sync(frame, ci.excTarget[h], sp, stackBase);
        U.putLong(ts + Layout.ThreadState.PENDING_EXC, 0);
        return frame;
      }
      if ((U.getLong(frame + Frame.FLAGS) & ENTRY) != 0) {
        U.putLong(frame + Frame.SP, fromInt(0));
        leaveEntry(frame);
        throw pe;
      }
      if (Generators.isLinked(frame)) {
        // A generator compiled code resumed: finished, and its caller raises at its FOR_ITER
        // (a StopIteration as RuntimeError, a new raise), as after Generators.resume.
        U.putLong(frame + Frame.SP, fromInt(0));
        long[] raised = {exc};
        frame = p.generators.raiseLinked(frame, raised);
        if (raised[0] != exc) {
          exc = raised[0];
          pe = vm.raiseObject(exc);
          firstFrame = true;
          reraise = false;
        }
        ci = codeOf(vm, frame);
        here = (int) intValue(U.getLong(frame + Frame.IP));
        continue;
      }
      long caller = Tag.wordToRaw(U.getLong(frame + Frame.PREVIOUS));
      popFrame(frame);
      frame = caller;
      U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
      ci = codeOf(vm, frame);
      here = (int) intValue(U.getLong(frame + Frame.IP));
    }
  }

  private PyException initReturned(long v) {
    return vm.typeError("__init__() should return None, not '" + vm.typeNameOf(v) + "'");
  }

  /**
   * The operators on two small ints that have no specialized instruction (floor division,
   * modulo, shifts, true division), done without the generic protocol. Returns the result, or
   * 0 to take the generic path (errors such as division by zero, results that need a big int).
   */
  private long smallIntArith(int base, long a, long b) {
    long x = a >> 1;
    long y = b >> 1;
    switch (base) {
      case BinaryOp.FLOOR_DIVIDE: {
        if (y == 0) {
          return 0;
        }
        long q = Math.floorDiv(x, y);
        return Tag.fitsSmall(q) ? (q << 1) | 1 : 0;
      }
      case BinaryOp.REMAINDER:
        return y == 0 ? 0 : (Math.floorMod(x, y) << 1) | 1;
      case BinaryOp.RSHIFT:
        if (y < 0) {
          return 0;
        }
        return ((y >= 63 ? (x < 0 ? -1 : 0) : x >> y) << 1) | 1;
      case BinaryOp.LSHIFT: {
        if (y < 0 || y >= 62) {
          return 0;
        }
        long r = x << y;
        return (r >> y) == x && Tag.fitsSmall(r) ? (r << 1) | 1 : 0;
      }
      case BinaryOp.TRUE_DIVIDE: {
        // Both operands exact in a double: one rounding, as CPython's correctly rounded division.
        long limit = 1L << 53;
        if (y == 0 || x >= limit || x <= -limit || y >= limit || y <= -limit) {
          return 0;
        }
        return vm.newFloat((double) x / (double) y);
      }
      default:
        return 0;
    }
  }

  private static void sync(long frame, int here, long sp, long stackBase) {
    U.putLong(frame + Frame.IP, ((long) here << 1) | 1);
    U.putLong(frame + Frame.SP, (((sp - stackBase) >> 3) << 1) | 1);
  }

  // Tagging spelled out for run(), where even trivial static calls are not inlined.

  // ================================================================ quickening
  private void deopt(long bc, int here, Opcode generic, int oparg) {
    deoptimizations++;
    Mem.putLong(bc + 8L * here, Opcode.encode(generic, oparg));
    // Back off before trying to specialize this site again.
    Mem.putLong(bc + 8L * (here + 1), BACKOFF);
  }

  /** Receivers a polymorphic attribute cache keeps (decision 10, "Later (session 12)"). */
  private static final int PIC_WAYS = 4;

  /**
   * The address of the value slot the attribute access at here reads or writes, from the
   * site's polymorphic cache when it knows obj's class and shape; else 0. A hit on a
   * specialized site ({@code repoint}: LOAD_ATTR_INSTANCE or STORE_ATTR_INSTANCE) becomes its
   * inline cache, so FastLoop hits while the receivers' shape stays the same.
   */
  /** Whether LOAD_ATTR_INSTANCE's own cache at here holds for obj (its type and shape). */
  private static boolean cacheHolds(long obj, long bc, int here) {
    long c = bc + 8L * (here + 1);
    return (obj & 1) == 0 && U.getLong(obj) == U.getLong(c)
        && U.getLong(obj + (U.getLong(c + 16) & 0xFFFFFFFFL) + Layout.Attrs.SHAPE)
            == U.getLong(c + 8);
  }

  private static long picSlot(CodeInfo ci, int here, long obj, long bc, boolean repoint,
      boolean store) {
    long[][] pics = ci.attrPics;
    long[] pic = pics == null ? null : pics[here];
    if (pic == null || (obj & 1) != 0) {
      return 0;
    }
    long type = U.getLong(obj);
    for (int k = 0; k < pic.length && pic[k] != 0; k += 3) {
      if (pic[k] != type) {
        continue;
      }
      long where = pic[k + 2];
      long attrs = obj + (where & 0xFFFFFFFFL);
      if (U.getLong(attrs + Layout.Attrs.SHAPE) == pic[k + 1]) {
        if (repoint) {
          // A load's cache: type, shape, slot word; a store's: type, shape, no new shape, slot.
          long c = bc + 8L * (here + 1);
          U.putLong(c, type);
          U.putLong(c + 8, pic[k + 1]);
          if (store) {
            U.putLong(c + 16, 0);
            U.putLong(c + 24, where);
          } else {
            U.putLong(c + 16, where);
          }
        }
        return U.getLong(attrs + Layout.Attrs.VALUES) + Layout.Array.ITEMS
            + 8 * (where >>> 32);
      }
    }
    return 0;
  }

  /**
   * Adds entry, {@code width} words, to the polymorphic cache at here in pics when it has room
   * ({@link #picRoom}), and returns pics (made on the first entry, a slot per code unit). An
   * attribute entry is (class, shape, slot word) for an access that keeps the shape; a method
   * entry as {@link #methodPic} reads it.
   */
  private static long[][] picAdd(long[][] pics, int units, int here, long[] entry, int width) {
    if (entry == null) {
      return pics;
    }
    if (pics == null) {
      pics = new long[units][];
    }
    long[] pic = pics[here];
    if (pic == null) {
      pic = pics[here] = new long[width * PIC_WAYS];
    }
    for (int k = 0; k < pic.length; k += width) {
      if (pic[k] == 0) {
        System.arraycopy(entry, 0, pic, k, width);
        break;
      }
    }
    return pics;
  }

  /** Whether the site at here has no polymorphic cache in pics yet, or room in it. */
  private static boolean picRoom(long[][] pics, int here, int width) {
    long[] pic = pics == null ? null : pics[here];
    return pic == null || pic[pic.length - width] == 0;
  }

  /**
   * The method a generic LOAD_METHOD at here loads from obj's class, from the site's
   * polymorphic cache of (class, class version, shape or 0, method) entries, checked as
   * FastLoop checks LOAD_METHOD_CLASS's one; else 0.
   */
  private static long methodPic(CodeInfo ci, int here, long obj) {
    long[] pic = ci.methodPics == null ? null : ci.methodPics[here];
    if (pic == null || (obj & 1) != 0) {
      return 0;
    }
    long type = U.getLong(obj);
    for (int k = 0; k < pic.length && pic[k] != 0; k += 4) {
      if (pic[k] != type || U.getLong(type + Layout.Type.VERSION) != pic[k + 1]) {
        continue;
      }
      long shape = pic[k + 2];
      if (shape == 0 || U.getLong(obj + (U.getLong(type + Layout.Type.ATTR_OFFSET) >> 1)
          + Layout.Attrs.SHAPE) == shape) {
        return pic[k + 3];
      }
    }
    return 0;
  }

  /**
   * Rewrites every instance attribute load and store cached for cls or a class inheriting from
   * it back to the generic instruction (rare: a property was set on cls), and forgets every
   * polymorphic attribute cache (rarer still to matter: they fill again).
   */
  void unspecializeInstanceAccess(long cls) {
    for (Object o : vm.codeMirrors) {
      if (!(o instanceof CodeInfo ci)) {
        continue;
      }
      ci.attrPics = null;
      ci.methodPics = null;
      for (int i = 0; i < ci.units; i += ci.opcode(i).size()) {
        Opcode op = ci.opcode(i);
        if ((op == Opcode.LOAD_ATTR_INSTANCE || op == Opcode.STORE_ATTR_INSTANCE)
            && inMro(Mem.getLong(ci.bytecode + 8L * (i + 1)), cls)) {
          deopt(ci.bytecode, i, op.family(), ci.oparg(i));
        }
      }
    }
  }

  private static boolean inMro(long type, long cls) {
    long mro = Mem.getLong(type + Layout.Type.MRO);
    for (int k = 0; k < VM.tupleLen(mro); k++) {
      if (VM.tupleGet(mro, k) == cls) {
        return true;
      }
    }
    return false;
  }

  /** Misses a site may take before it re-specializes only after a wait. */
  static final int FREE_RESPECIALIZATIONS = 16;

  /**
   * Back to the generic instruction after a specialization missed. The first misses at a site
   * re-specialize on the next execution, so a site that sees one class for a while and then
   * another (richards, deltablue) keeps hitting. A site that keeps missing sees classes
   * alternate: re-specializing on every execution costs more than the generic path, and a
   * trace recorded there ends at every re-specialization. Such a site waits, longer each time,
   * as CPython's adaptive counters back off.
   */
  private void respecialize(CodeInfo ci, long bc, int here, Opcode generic, int oparg) {
    deoptimizations++;
    Mem.putLong(bc + 8L * here, Opcode.encode(generic, oparg));
    int n = ci.respecializations[here];
    if (n < Byte.MAX_VALUE) {
      ci.respecializations[here] = (byte) (n + 1);
    }
    long wait = n < FREE_RESPECIALIZATIONS ? 0
        : (long) BACKOFF << Math.min(n - FREE_RESPECIALIZATIONS, 7);
    Mem.putLong(bc + 8L * (here + 1), wait);
  }

  /**
   * Whether a CALL of callable specializes to CALL_BUILTIN: a built-in function or method, or
   * one of the types whose call is as plain as a builtin's (range, int, float, tuple), which a
   * trace may then make natively (the intrinsics pass's _CALL_RANGE, _CALL_INT, _CALL_FLOAT,
   * _CALL_TUPLE). The trace recorder's observed calls decide alike
   * (InterpreterUops.specializeCall).
   */
  boolean callsLikeABuiltin(long callable) {
    return (callable & 1) == 0 && (U.getLong(callable) == vm.builtinType
        || callable == vm.rangeType || callable == vm.intType || callable == vm.floatType
        || callable == vm.tupleType);
  }

  static void rewrite(long bc, int here, Opcode specialized, int oparg) {
    Mem.putLong(bc + 8L * here, Opcode.encode(specialized, oparg));
  }

  /** True when the generic instruction at here may try to specialize now. */
  static boolean readyToSpecialize(long bc, int here) {
    long counterAddr = bc + 8L * (here + 1);
    long c = Mem.getLong(counterAddr);
    if (c > 0) {
      Mem.putLong(counterAddr, c - 1);
      return false;
    }
    return true;
  }

  private void maybeSpecializeBinary(long bc, int here, int ip, int oparg, long a, long b) {
    if (!readyToSpecialize(bc, here)) {
      return;
    }
    int base = BinaryOp.base(oparg);
    Opcode s = null;
    if ((a & b & 1) != 0) {
      s = switch (base) {
        case BinaryOp.ADD -> Opcode.BINARY_OP_ADD_INT;
        case BinaryOp.SUBTRACT -> Opcode.BINARY_OP_SUBTRACT_INT;
        case BinaryOp.MULTIPLY -> Opcode.BINARY_OP_MULTIPLY_INT;
        default -> null;
      };
    } else if ((vm.isFloat(a) && (vm.isFloat(b) || (b & 1) != 0))
        || ((a & 1) != 0 && vm.isFloat(b))) {
      if ((a & 1) == 0 && Mem.getLong(a) != vm.floatType
          || (b & 1) == 0 && Mem.getLong(b) != vm.floatType) {
        s = null;
      } else {
        s = switch (base) {
          case BinaryOp.ADD -> Opcode.BINARY_OP_ADD_FLOAT;
          case BinaryOp.SUBTRACT -> Opcode.BINARY_OP_SUBTRACT_FLOAT;
          case BinaryOp.MULTIPLY -> Opcode.BINARY_OP_MULTIPLY_FLOAT;
          case BinaryOp.TRUE_DIVIDE -> Opcode.BINARY_OP_TRUE_DIVIDE_FLOAT;
          default -> null;
        };
      }
    } else if (base == BinaryOp.ADD && (a & 1) == 0 && (b & 1) == 0
        && Mem.getLong(a) == vm.strType && Mem.getLong(b) == vm.strType) {
      s = Opcode.BINARY_OP_ADD_STR;
    }
    specializeOrBackoff(bc, here, s, oparg);
  }

  private void specializeOrBackoff(long bc, int here, Opcode s, int oparg) {
    if (s != null) {
      rewrite(bc, here, s, oparg);
      specializations++;
    } else {
      Mem.putLong(bc + 8L * (here + 1), BACKOFF);
    }
  }

  private void maybeSpecializeCompare(long bc, int here, int ip, int oparg, long a, long b) {
    if (!readyToSpecialize(bc, here)) {
      return;
    }
    Opcode s = null;
    if ((a & b & 1) != 0) {
      s = Opcode.COMPARE_OP_INT;
    } else if ((a & 1) == 0 && (b & 1) == 0) {
      long ta = Mem.getLong(a);
      long tb = Mem.getLong(b);
      if (ta == vm.floatType && tb == vm.floatType) {
        s = Opcode.COMPARE_OP_FLOAT;
      } else if (ta == vm.strType && tb == vm.strType
          && (oparg == CompareOp.EQ || oparg == CompareOp.NE)) {
        s = Opcode.COMPARE_OP_STR;
      }
    }
    specializeOrBackoff(bc, here, s, oparg);
  }

  private void maybeSpecializeSubscr(long bc, int here, int ip, long container, long key) {
    if (!readyToSpecialize(bc, here) || (container & 1) != 0) {
      return;
    }
    long t = Mem.getLong(container);
    Opcode s = null;
    if (t == vm.listType && (key & 1) != 0) {
      s = Opcode.BINARY_SUBSCR_LIST_INT;
    } else if (t == vm.tupleType && (key & 1) != 0) {
      s = Opcode.BINARY_SUBSCR_TUPLE_INT;
    } else if (t == vm.dictType) {
      s = Opcode.BINARY_SUBSCR_DICT;
    }
    specializeOrBackoff(bc, here, s, 0);
  }

  private void maybeSpecializeStoreSubscr(long bc, int here, int ip, long container, long key) {
    if (!readyToSpecialize(bc, here) || (container & 1) != 0) {
      return;
    }
    long t = Mem.getLong(container);
    Opcode s = null;
    if (t == vm.listType && (key & 1) != 0) {
      s = Opcode.STORE_SUBSCR_LIST_INT;
    } else if (t == vm.dictType) {
      s = Opcode.STORE_SUBSCR_DICT;
    }
    specializeOrBackoff(bc, here, s, 0);
  }

  private void maybeSpecializeForIter(long bc, int here, long it) {
    if ((it & 1) != 0) {
      return;
    }
    long unit = Mem.getLong(bc + 8L * here);
    if (Opcode.opcodeOf(unit) != Opcode.FOR_ITER.code() || !readyToSpecialize(bc, here)) {
      return;
    }
    long t = Mem.getLong(it);
    Opcode s = null;
    if (t == vm.rangeIteratorType) {
      s = Opcode.FOR_ITER_RANGE;
    } else if (t == vm.listIteratorType) {
      s = Opcode.FOR_ITER_LIST;
    } else if (t == vm.tupleIteratorType) {
      s = Opcode.FOR_ITER_TUPLE;
    }
    specializeOrBackoff(bc, here, s, Opcode.opargOf(unit));
  }

  // ================================================================ names and globals
  long loadGlobalGeneric(long frame, CodeInfo ci, long bc, int here, int oparg) {
    long globals = Mem.getLong(frame + Frame.GLOBALS);
    long name = ci.names[oparg];
    long c = bc + 8L * (here + 1);
    int ix = Dicts.lookupStr(vm, globals, name);
    if (ix >= 0) {
      Mem.putLong(c, Dicts.keysVersion(globals));
      Mem.putLong(c + 16, ix);
      rewrite(bc, here, Opcode.LOAD_GLOBAL_MODULE, oparg);
      return Dicts.entryValue(globals, ix);
    }
    long builtins = vm.builtins;
    ix = Dicts.lookupStr(vm, builtins, name);
    if (ix >= 0) {
      Mem.putLong(c, Dicts.keysVersion(globals));
      Mem.putLong(c + 8, Dicts.keysVersion(builtins));
      Mem.putLong(c + 16, ix);
      rewrite(bc, here, Opcode.LOAD_GLOBAL_BUILTIN, oparg);
      return Dicts.entryValue(builtins, ix);
    }
    throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
  }

  long loadName(long frame, CodeInfo ci, int oparg) {
    long name = ci.names[oparg];
    long locals = Mem.getLong(frame + Frame.LOCALS);
    if (locals != 0) {
      long v = Dicts.getItemStr(vm, locals, name);
      if (v != 0) {
        return v;
      }
    }
    long v = Dicts.getItemStr(vm, Mem.getLong(frame + Frame.GLOBALS), name);
    if (v != 0) {
      return v;
    }
    v = Dicts.getItemStr(vm, vm.builtins, name);
    if (v != 0) {
      return v;
    }
    throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
  }

  void storeName(long frame, CodeInfo ci, int oparg, long value) {
    long locals = Mem.getLong(frame + Frame.LOCALS);
    if (locals == 0) {
      locals = Mem.getLong(frame + Frame.GLOBALS);
    }
    Dicts.setItemStr(vm, locals, ci.names[oparg], value);
  }

  void deleteName(long frame, CodeInfo ci, int oparg) {
    long locals = Mem.getLong(frame + Frame.LOCALS);
    if (locals == 0) {
      locals = Mem.getLong(frame + Frame.GLOBALS);
    }
    if (Dicts.remove(vm, locals, ci.names[oparg]) == 0) {
      throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
    }
  }

  long loadClassDeref(long frame, CodeInfo ci, long locals, int oparg) {
    int free = oparg - ci.nlocals - ci.ncells;
    String name = free >= 0 ? ci.freeStrings[free] : ci.cellStrings[oparg - ci.nlocals];
    long ns = Mem.getLong(frame + Frame.LOCALS);
    if (ns != 0) {
      long v = Dicts.getItemStr(vm, ns, vm.intern(name));
      if (v != 0) {
        return v;
      }
    }
    long v = Mem.getLong(Mem.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS);
    if (v == 0) {
      throw unboundDeref(ci, oparg);
    }
    return v;
  }

  private PyException unboundLocal(CodeInfo ci, int oparg) {
    String name = ci.varnameStrings[oparg];
    return vm.raise(vm.unboundLocalError,
        "cannot access local variable '" + name + "' where it is not associated with a value");
  }

  private PyException unboundDeref(CodeInfo ci, int oparg) {
    int cell = oparg - ci.nlocals;
    if (cell < ci.ncells) {
      String name = ci.cellStrings[cell];
      return vm.raise(vm.unboundLocalError,
          "cannot access local variable '" + name + "' where it is not associated with a value");
    }
    String name = ci.freeStrings[cell - ci.ncells];
    return vm.raise(vm.nameError, "cannot access free variable '" + name
        + "' where it is not associated with a value in enclosing scope");
  }
}
