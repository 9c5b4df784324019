package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.heap.Heap;
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
  /** Executions of a generic instruction before it tries to specialize again. */
  static final int BACKOFF = 53;
  /** The entry bit of a frame's FLAGS word as stored (tagged). */
  private static final long ENTRY = fromInt(Frame.FLAG_ENTRY) & ~1L;

  final VM vm;
  final Protocols p;
  private final long ts;

  /** Set when run() returns because a generator yielded rather than returned. */
  boolean yielded;

  /** An exception to raise at the frame's current instruction when run() starts (throw()). */
  PyException throwOnEntry;

  /** Instructions executed (for --stats). */
  public long instructions;

  public long specializations;
  public long deoptimizations;

  Interpreter(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    this.ts = vm.ts;
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
    Mem.zero(frame + Frame.LOCALSPLUS, 8L * ci.nlocalsplus);
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
    int ip = (int) intValue(Mem.getLong(frame + Frame.IP));
    long sp = stackBase + 8 * intValue(Mem.getLong(frame + Frame.SP));
    long kwnames = 0;
    int here = ip;
    boolean reraise = false;
    long count = 0;
    PyException injected = throwOnEntry;
    throwOnEntry = null;
    while (true) {
      PyException pe;
      try {
        if (injected != null) {
          PyException x = injected;
          injected = null;
          throw x;
        }
        while (true) {
          here = ip;
          long unit = Mem.getLong(bc + 8L * ip);
          int oparg = (int) (unit >> 32);
          Opcode op = OPS[(int) unit & 0xFF];
          ip++;
          count++;
          switch (op) {
            case NOP:
              break;
            case POP_TOP:
              sp -= 8;
              break;
            case PUSH_NULL:
              Mem.putLong(sp, 0);
              sp += 8;
              break;
            case COPY:
              Mem.putLong(sp, Mem.getLong(sp - 8L * oparg));
              sp += 8;
              break;
            case SWAP: {
              long a = Mem.getLong(sp - 8);
              long b = sp - 8L * oparg;
              Mem.putLong(sp - 8, Mem.getLong(b));
              Mem.putLong(b, a);
              break;
            }
            case LOAD_CONST:
              Mem.putLong(sp, consts[oparg]);
              sp += 8;
              break;
            case LOAD_FAST: {
              long v = Mem.getLong(locals + 8L * oparg);
              if (v == 0) {
                throw unboundLocal(ci, oparg);
              }
              Mem.putLong(sp, v);
              sp += 8;
              break;
            }
            case STORE_FAST:
              sp -= 8;
              Mem.putLong(locals + 8L * oparg, Mem.getLong(sp));
              break;
            case DELETE_FAST:
              if (Mem.getLong(locals + 8L * oparg) == 0) {
                throw unboundLocal(ci, oparg);
              }
              Mem.putLong(locals + 8L * oparg, 0);
              break;
            case LOAD_CLOSURE:
              Mem.putLong(sp, Mem.getLong(locals + 8L * oparg));
              sp += 8;
              break;
            case LOAD_DEREF: {
              long v = Mem.getLong(Mem.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS);
              if (v == 0) {
                throw unboundDeref(ci, oparg);
              }
              Mem.putLong(sp, v);
              sp += 8;
              break;
            }
            case LOAD_CLASSDEREF: {
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp, loadClassDeref(frame, ci, locals, oparg));
              sp += 8;
              break;
            }
            case STORE_DEREF:
              sp -= 8;
              Mem.putLong(Mem.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS, Mem.getLong(sp));
              break;
            case DELETE_DEREF: {
              long cell = Mem.getLong(locals + 8L * oparg);
              if (Mem.getLong(cell + Layout.Cell.CONTENTS) == 0) {
                throw unboundDeref(ci, oparg);
              }
              Mem.putLong(cell + Layout.Cell.CONTENTS, 0);
              break;
            }
            case LOAD_GLOBAL: {
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp, loadGlobalGeneric(frame, ci, bc, here, oparg));
              sp += 8;
              ip += 3;
              break;
            }
            case LOAD_GLOBAL_MODULE: {
              long globals = Mem.getLong(frame + Frame.GLOBALS);
              long c = bc + 8L * ip;
              ip += 3;
              if (Dicts.keysVersion(globals) == Mem.getLong(c)) {
                long v = Dicts.entryValue(globals, (int) Mem.getLong(c + 16));
                if (v != 0) {
                  Mem.putLong(sp, v);
                  sp += 8;
                  break;
                }
              }
              deopt(bc, here, Opcode.LOAD_GLOBAL, oparg);
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp, loadGlobalGeneric(frame, ci, bc, here, oparg));
              sp += 8;
              break;
            }
            case LOAD_GLOBAL_BUILTIN: {
              long globals = Mem.getLong(frame + Frame.GLOBALS);
              long c = bc + 8L * ip;
              ip += 3;
              if (Dicts.keysVersion(globals) == Mem.getLong(c)
                  && Dicts.keysVersion(vm.builtins) == Mem.getLong(c + 8)) {
                long v = Dicts.entryValue(vm.builtins, (int) Mem.getLong(c + 16));
                if (v != 0) {
                  Mem.putLong(sp, v);
                  sp += 8;
                  break;
                }
              }
              deopt(bc, here, Opcode.LOAD_GLOBAL, oparg);
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp, loadGlobalGeneric(frame, ci, bc, here, oparg));
              sp += 8;
              break;
            }
            case STORE_GLOBAL:
              sp -= 8;
              sync(frame, here, sp + 8, stackBase);
              Dicts.setItemStr(vm, Mem.getLong(frame + Frame.GLOBALS), ci.names[oparg],
                  Mem.getLong(sp));
              break;
            case DELETE_GLOBAL:
              if (Dicts.remove(vm, Mem.getLong(frame + Frame.GLOBALS), ci.names[oparg]) == 0) {
                throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
              }
              break;
            case LOAD_NAME:
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp, loadName(frame, ci, oparg));
              sp += 8;
              break;
            case STORE_NAME:
              sp -= 8;
              sync(frame, here, sp + 8, stackBase);
              storeName(frame, ci, oparg, Mem.getLong(sp));
              break;
            case DELETE_NAME:
              sync(frame, here, sp, stackBase);
              deleteName(frame, ci, oparg);
              break;

            // ---------------------------------------------------------- attributes
            case LOAD_ATTR: {
              sync(frame, here, sp, stackBase);
              long obj = Mem.getLong(sp - 8);
              Mem.putLong(sp - 8, p.loadAttrAndSpecialize(obj, ci.names[oparg], bc, here));
              ip += 3;
              break;
            }
            case LOAD_ATTR_INSTANCE: {
              long obj = Mem.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 3;
              if ((obj & 1) == 0 && Mem.getLong(obj) == Mem.getLong(c)) {
                long attrs = obj + (Mem.getLong(c + 16) & 0xFFFFFFFFL);
                if (Mem.getLong(attrs + Layout.Attrs.SHAPE) == Mem.getLong(c + 8)) {
                  long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
                  long index = Mem.getLong(c + 16) >>> 32;
                  Mem.putLong(sp - 8, Mem.getLong(values + Layout.Array.ITEMS + 8 * index));
                  break;
                }
              }
              deopt(bc, here, Opcode.LOAD_ATTR, oparg);
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp - 8, p.getAttr(obj, ci.names[oparg]));
              break;
            }
            case LOAD_ATTR_MODULE: {
              long obj = Mem.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 3;
              if ((obj & 1) == 0 && obj == Mem.getLong(c)) {
                long dict = Mem.getLong(obj + Layout.Module.DICT);
                if (Dicts.keysVersion(dict) == Mem.getLong(c + 8)) {
                  long v = Dicts.entryValue(dict, (int) Mem.getLong(c + 16));
                  if (v != 0) {
                    Mem.putLong(sp - 8, v);
                    break;
                  }
                }
              }
              deopt(bc, here, Opcode.LOAD_ATTR, oparg);
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp - 8, p.getAttr(obj, ci.names[oparg]));
              break;
            }
            case STORE_ATTR: {
              sync(frame, here, sp, stackBase);
              long obj = Mem.getLong(sp - 8);
              long value = Mem.getLong(sp - 16);
              p.storeAttrAndSpecialize(obj, ci.names[oparg], value, bc, here);
              sp -= 16;
              ip += 4;
              break;
            }
            case STORE_ATTR_INSTANCE: {
              long obj = Mem.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 4;
              if ((obj & 1) == 0 && Mem.getLong(obj) == Mem.getLong(c)) {
                long attrs = obj + (Mem.getLong(c + 24) & 0xFFFFFFFFL);
                if (Mem.getLong(attrs + Layout.Attrs.SHAPE) == Mem.getLong(c + 8)) {
                  long index = Mem.getLong(c + 24) >>> 32;
                  long values = Mem.getLong(attrs + Layout.Attrs.VALUES);
                  long newShape = Mem.getLong(c + 16);
                  if (newShape == 0) {
                    Mem.putLong(values + Layout.Array.ITEMS + 8 * index, Mem.getLong(sp - 16));
                    sp -= 16;
                    break;
                  }
                  if (values != 0 && VM.slotCount(values) > index) {
                    Mem.putLong(values + Layout.Array.ITEMS + 8 * index, Mem.getLong(sp - 16));
                    Mem.putLong(attrs + Layout.Attrs.SHAPE, newShape);
                    sp -= 16;
                    break;
                  }
                }
              }
              deopt(bc, here, Opcode.STORE_ATTR, oparg);
              sync(frame, here, sp, stackBase);
              p.setAttr(obj, ci.names[oparg], Mem.getLong(sp - 16));
              sp -= 16;
              break;
            }
            case DELETE_ATTR:
              sync(frame, here, sp, stackBase);
              p.delAttr(Mem.getLong(sp - 8), ci.names[oparg]);
              sp -= 8;
              break;
            case LOAD_METHOD: {
              sync(frame, here, sp, stackBase);
              p.loadMethodAndSpecialize(sp - 8, ci.names[oparg], bc, here);
              sp += 8;
              ip += 4;
              break;
            }
            case LOAD_METHOD_CLASS: {
              long obj = Mem.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 4;
              if ((obj & 1) == 0) {
                long type = Mem.getLong(obj);
                if (type == Mem.getLong(c)
                    && Mem.getLong(type + Layout.Type.VERSION) == Mem.getLong(c + 8)) {
                  long shape = Mem.getLong(c + 16);
                  if (shape == 0 || Mem.getLong(obj + intValue(Mem.getLong(type
                      + Layout.Type.ATTR_OFFSET)) + Layout.Attrs.SHAPE) == shape) {
                    Mem.putLong(sp - 8, Mem.getLong(c + 24));
                    Mem.putLong(sp, obj);
                    sp += 8;
                    break;
                  }
                }
              }
              deopt(bc, here, Opcode.LOAD_METHOD, oparg);
              sync(frame, here, sp, stackBase);
              p.loadMethod(sp - 8, ci.names[oparg]);
              sp += 8;
              break;
            }
            case LOAD_METHOD_BUILTIN: {
              long obj = Mem.getLong(sp - 8);
              long c = bc + 8L * ip;
              ip += 4;
              if (vm.typeOf(obj) == Mem.getLong(c)
                  && Mem.getLong(Mem.getLong(c) + Layout.Type.VERSION) == Mem.getLong(c + 8)) {
                Mem.putLong(sp - 8, Mem.getLong(c + 24));
                Mem.putLong(sp, obj);
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
            case BINARY_OP: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long r = p.binaryOp(oparg, a, b);
              maybeSpecializeBinary(bc, here, ip, oparg, a, b);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case BINARY_OP_ADD_INT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              if ((a & b & 1) != 0) {
                long r = (a - 1) + b;
                if (((a ^ r) & (b ^ r)) >= 0) {
                  sp -= 8;
                  Mem.putLong(sp - 8, r);
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
              }
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case BINARY_OP_SUBTRACT_INT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              if ((a & b & 1) != 0) {
                long r = a - (b - 1);
                if (((a ^ b) & (a ^ r)) >= 0) {
                  sp -= 8;
                  Mem.putLong(sp - 8, r);
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
              }
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case BINARY_OP_MULTIPLY_INT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              if ((a & b & 1) != 0) {
                long x = a >> 1;
                long y = b >> 1;
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                if ((hi == 0 && lo >= 0 && lo <= Tag.SMALL_MAX)
                    || (hi == -1 && lo < 0 && lo >= Tag.SMALL_MIN)) {
                  sp -= 8;
                  Mem.putLong(sp - 8, (lo << 1) | 1);
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
              }
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case BINARY_OP_ADD_FLOAT:
            case BINARY_OP_SUBTRACT_FLOAT:
            case BINARY_OP_MULTIPLY_FLOAT:
            case BINARY_OP_TRUE_DIVIDE_FLOAT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              double x;
              double y;
              long ft = vm.floatType;
              if ((a & 1) == 0 && Mem.getLong(a) == ft) {
                x = VM.floatValue(a);
              } else if ((a & 1) != 0) {
                x = (double) (a >> 1);
              } else {
                x = Double.NaN;
                deopt(bc, here, Opcode.BINARY_OP, oparg);
                sync(frame, here, sp, stackBase);
                sp -= 8;
                Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
                break;
              }
              if ((b & 1) == 0 && Mem.getLong(b) == ft) {
                y = VM.floatValue(b);
              } else if ((b & 1) != 0 && (a & 1) == 0) {
                y = (double) (b >> 1);
              } else {
                deopt(bc, here, Opcode.BINARY_OP, oparg);
                sync(frame, here, sp, stackBase);
                sp -= 8;
                Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
                break;
              }
              double r;
              if (op == Opcode.BINARY_OP_ADD_FLOAT) {
                r = x + y;
              } else if (op == Opcode.BINARY_OP_SUBTRACT_FLOAT) {
                r = x - y;
              } else if (op == Opcode.BINARY_OP_MULTIPLY_FLOAT) {
                r = x * y;
              } else {
                if (y == 0.0) {
                  sync(frame, here, sp, stackBase);
                  throw vm.raise(vm.zeroDivisionError, "float division by zero");
                }
                r = x / y;
              }
              sp -= 8;
              Mem.putLong(sp - 8, vm.newFloat(r));
              break;
            }
            case BINARY_OP_ADD_STR: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((a & 1) == 0 && (b & 1) == 0 && Mem.getLong(a) == vm.strType
                  && Mem.getLong(b) == vm.strType) {
                sp -= 8;
                Mem.putLong(sp - 8, Strs.concat(vm, a, b));
                break;
              }
              deopt(bc, here, Opcode.BINARY_OP, oparg);
              sp -= 8;
              Mem.putLong(sp - 8, p.binaryOp(oparg, a, b));
              break;
            }
            case COMPARE_OP: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long r = p.richCompare(a, b, oparg);
              maybeSpecializeCompare(bc, here, ip, oparg, a, b);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case COMPARE_OP_INT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              if ((a & b & 1) != 0) {
                sp -= 8;
                Mem.putLong(sp - 8, CompareOp.test(oparg, Long.compare(a, b)) ? vm.trueObj
                    : vm.falseObj);
                break;
              }
              deopt(bc, here, Opcode.COMPARE_OP, oparg);
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.richCompare(a, b, oparg));
              break;
            }
            case COMPARE_OP_FLOAT: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              long ft = vm.floatType;
              if ((a & 1) == 0 && (b & 1) == 0 && Mem.getLong(a) == ft && Mem.getLong(b) == ft) {
                double x = VM.floatValue(a);
                double y = VM.floatValue(b);
                boolean r = switch (oparg) {
                  case CompareOp.LT -> x < y;
                  case CompareOp.LE -> x <= y;
                  case CompareOp.EQ -> x == y;
                  case CompareOp.NE -> x != y;
                  case CompareOp.GT -> x > y;
                  default -> x >= y;
                };
                sp -= 8;
                Mem.putLong(sp - 8, r ? vm.trueObj : vm.falseObj);
                break;
              }
              deopt(bc, here, Opcode.COMPARE_OP, oparg);
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.richCompare(a, b, oparg));
              break;
            }
            case COMPARE_OP_STR: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              ip += 1;
              long st = vm.strType;
              if ((a & 1) == 0 && (b & 1) == 0 && Mem.getLong(a) == st && Mem.getLong(b) == st) {
                boolean eq = Strs.equal(a, b);
                sp -= 8;
                Mem.putLong(sp - 8, (oparg == CompareOp.EQ) == eq ? vm.trueObj : vm.falseObj);
                break;
              }
              deopt(bc, here, Opcode.COMPARE_OP, oparg);
              sync(frame, here, sp, stackBase);
              sp -= 8;
              Mem.putLong(sp - 8, p.richCompare(a, b, oparg));
              break;
            }
            case IS_OP: {
              long a = Mem.getLong(sp - 16);
              long b = Mem.getLong(sp - 8);
              sp -= 8;
              Mem.putLong(sp - 8, ((a == b) ^ (oparg != 0)) ? vm.trueObj : vm.falseObj);
              break;
            }
            case CONTAINS_OP: {
              sync(frame, here, sp, stackBase);
              boolean r = p.contains(Mem.getLong(sp - 8), Mem.getLong(sp - 16));
              sp -= 8;
              Mem.putLong(sp - 8, (r ^ (oparg != 0)) ? vm.trueObj : vm.falseObj);
              break;
            }
            case UNARY_NOT: {
              long v = Mem.getLong(sp - 8);
              boolean t;
              if (v == vm.trueObj) {
                t = true;
              } else if (v == vm.falseObj || v == vm.none) {
                t = false;
              } else {
                sync(frame, here, sp, stackBase);
                t = p.isTrue(v);
              }
              Mem.putLong(sp - 8, t ? vm.falseObj : vm.trueObj);
              break;
            }
            case UNARY_NEGATIVE:
            case UNARY_POSITIVE:
            case UNARY_INVERT:
              sync(frame, here, sp, stackBase);
              Mem.putLong(sp - 8, p.unaryOp(op, Mem.getLong(sp - 8)));
              break;
            case BINARY_SUBSCR: {
              long container = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long r = p.getItem(container, key);
              maybeSpecializeSubscr(bc, here, ip, container, key);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              ip += 1;
              break;
            }
            case BINARY_SUBSCR_LIST_INT: {
              long list = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              ip += 1;
              if ((key & 1) != 0 && (list & 1) == 0 && Mem.getLong(list) == vm.listType) {
                long i = key >> 1;
                long n = VM.listLen(list);
                if (i < 0) {
                  i += n;
                }
                if (i >= 0 && i < n) {
                  sp -= 8;
                  Mem.putLong(sp - 8, VM.listGet(list, (int) i));
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_SUBSCR, oparg);
              }
              sync(frame, here, sp, stackBase);
              long r = p.getItem(list, key);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              break;
            }
            case BINARY_SUBSCR_TUPLE_INT: {
              long t = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              ip += 1;
              if ((key & 1) != 0 && (t & 1) == 0 && Mem.getLong(t) == vm.tupleType) {
                long i = key >> 1;
                long n = VM.tupleLen(t);
                if (i < 0) {
                  i += n;
                }
                if (i >= 0 && i < n) {
                  sp -= 8;
                  Mem.putLong(sp - 8, VM.tupleGet(t, (int) i));
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_SUBSCR, oparg);
              }
              sync(frame, here, sp, stackBase);
              long r = p.getItem(t, key);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              break;
            }
            case BINARY_SUBSCR_DICT: {
              long d = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((d & 1) == 0 && Mem.getLong(d) == vm.dictType) {
                long v = Dicts.getItem(vm, d, key);
                if (v != 0) {
                  sp -= 8;
                  Mem.putLong(sp - 8, v);
                  break;
                }
              } else {
                deopt(bc, here, Opcode.BINARY_SUBSCR, oparg);
              }
              long r = p.getItem(d, key);
              sp -= 8;
              Mem.putLong(sp - 8, r);
              break;
            }
            case STORE_SUBSCR: {
              long container = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              p.setItem(container, key, Mem.getLong(sp - 24));
              maybeSpecializeStoreSubscr(bc, here, ip, container, key);
              sp -= 24;
              ip += 1;
              break;
            }
            case STORE_SUBSCR_LIST_INT: {
              long list = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              ip += 1;
              if ((key & 1) != 0 && (list & 1) == 0 && Mem.getLong(list) == vm.listType) {
                long i = key >> 1;
                long n = VM.listLen(list);
                if (i < 0) {
                  i += n;
                }
                if (i >= 0 && i < n) {
                  VM.listSet(list, (int) i, Mem.getLong(sp - 24));
                  sp -= 24;
                  break;
                }
              } else {
                deopt(bc, here, Opcode.STORE_SUBSCR, oparg);
              }
              sync(frame, here, sp, stackBase);
              p.setItem(list, key, Mem.getLong(sp - 24));
              sp -= 24;
              break;
            }
            case STORE_SUBSCR_DICT: {
              long d = Mem.getLong(sp - 16);
              long key = Mem.getLong(sp - 8);
              ip += 1;
              sync(frame, here, sp, stackBase);
              if ((d & 1) == 0 && Mem.getLong(d) == vm.dictType) {
                Dicts.setItem(vm, d, key, Mem.getLong(sp - 24));
              } else {
                deopt(bc, here, Opcode.STORE_SUBSCR, oparg);
                p.setItem(d, key, Mem.getLong(sp - 24));
              }
              sp -= 24;
              break;
            }
            case DELETE_SUBSCR:
              sync(frame, here, sp, stackBase);
              p.delItem(Mem.getLong(sp - 16), Mem.getLong(sp - 8));
              sp -= 16;
              break;
            case BUILD_SLICE: {
              sync(frame, here, sp, stackBase);
              long step = oparg == 3 ? Mem.getLong(sp - 8) : vm.none;
              long stop = Mem.getLong(sp - (oparg == 3 ? 16 : 8));
              long start = Mem.getLong(sp - (oparg == 3 ? 24 : 16));
              long s = p.newSlice(start, stop, step);
              sp -= 8L * oparg;
              Mem.putLong(sp, s);
              sp += 8;
              break;
            }

            // ---------------------------------------------------------- building
            case BUILD_TUPLE: {
              sync(frame, here, sp, stackBase);
              sp -= 8L * oparg;
              Mem.putLong(sp, vm.tupleFromWords(sp, oparg));
              sp += 8;
              break;
            }
            case BUILD_LIST: {
              sync(frame, here, sp, stackBase);
              sp -= 8L * oparg;
              Mem.putLong(sp, vm.listFromWords(sp, oparg));
              sp += 8;
              break;
            }
            case BUILD_SET: {
              sync(frame, here, sp, stackBase);
              long set = p.buildSet(sp - 8L * oparg, oparg);
              sp -= 8L * oparg;
              Mem.putLong(sp, set);
              sp += 8;
              break;
            }
            case BUILD_MAP: {
              sync(frame, here, sp, stackBase);
              long d = vm.newDict();
              long base = sp - 16L * oparg;
              long mark = vm.handleMark();
              vm.pushHandle(d);
              try {
                for (int i = 0; i < oparg; i++) {
                  Dicts.setItem(vm, d, Mem.getLong(base + 16L * i), Mem.getLong(base + 16L * i + 8));
                }
              } finally {
                vm.popHandles(mark);
              }
              sp = base;
              Mem.putLong(sp, d);
              sp += 8;
              break;
            }
            case BUILD_CONST_KEY_MAP: {
              sync(frame, here, sp, stackBase);
              long keys = Mem.getLong(sp - 8);
              long d = vm.newDict();
              long base = sp - 8 - 8L * oparg;
              long mark = vm.handleMark();
              vm.pushHandle(d);
              try {
                for (int i = 0; i < oparg; i++) {
                  Dicts.setItem(vm, d, VM.tupleGet(keys, i), Mem.getLong(base + 8L * i));
                }
              } finally {
                vm.popHandles(mark);
              }
              sp = base;
              Mem.putLong(sp, d);
              sp += 8;
              break;
            }
            case BUILD_STRING: {
              sync(frame, here, sp, stackBase);
              long s = p.joinStrings(sp - 8L * oparg, oparg);
              sp -= 8L * oparg;
              Mem.putLong(sp, s);
              sp += 8;
              break;
            }
            case LIST_APPEND: {
              long v = Mem.getLong(sp - 8);
              vm.listAppend(Mem.getLong(sp - 8 - 8L * oparg), v);
              sp -= 8;
              break;
            }
            case SET_ADD:
            case MAP_ADD:
            case LIST_EXTEND:
            case SET_UPDATE:
            case DICT_UPDATE:
            case DICT_MERGE:
            case LIST_TO_TUPLE:
            case FORMAT_VALUE:
            case UNPACK_EX:
            case GET_ITER:
            case GET_YIELD_FROM_ITER:
            case LOAD_BUILD_CLASS:
            case LOAD_ASSERTION_ERROR:
            case MAKE_FUNCTION:
            case BEFORE_WITH:
            case WITH_EXCEPT_START:
            case IMPORT_NAME:
            case IMPORT_FROM:
            case IMPORT_STAR:
            case CALL_FUNCTION_EX:
            case PUSH_EXC_INFO:
            case POP_EXCEPT:
            case CHECK_EXC_MATCH:
              sync(frame, here, sp, stackBase);
              sp = p.slowOp(op, oparg, frame, ci, sp);
              break;
            case UNPACK_SEQUENCE: {
              long seq = Mem.getLong(sp - 8);
              ip += 1;
              if ((seq & 1) == 0 && Mem.getLong(seq) == vm.tupleType && VM.tupleLen(seq) == oparg) {
                sp -= 8;
                for (int i = oparg - 1; i >= 0; i--) {
                  Mem.putLong(sp, VM.tupleGet(seq, i));
                  sp += 8;
                }
                break;
              }
              if ((seq & 1) == 0 && Mem.getLong(seq) == vm.listType && VM.listLen(seq) == oparg) {
                sp -= 8;
                for (int i = oparg - 1; i >= 0; i--) {
                  Mem.putLong(sp, VM.listGet(seq, i));
                  sp += 8;
                }
                break;
              }
              sync(frame, here, sp, stackBase);
              sp = p.unpackSequence(sp, oparg);
              break;
            }
            case UNPACK_SEQUENCE_TWO_TUPLE:
              throw new IllegalStateException("not emitted");

            // ---------------------------------------------------------- control flow
            case JUMP_FORWARD:
              ip = oparg;
              break;
            case JUMP_BACKWARD:
              ip = oparg;
              if (Mem.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                sync(frame, ip, sp, stackBase);
                vm.collectGarbage();
              }
              break;
            case JUMP_BACKWARD_NO_INTERRUPT:
              ip = oparg;
              break;
            case POP_JUMP_IF_FALSE: {
              long v = Mem.getLong(sp - 8);
              sp -= 8;
              if (v == vm.falseObj) {
                ip = oparg;
              } else if (v != vm.trueObj) {
                sync(frame, here, sp + 8, stackBase);
                if (!p.isTrue(v)) {
                  ip = oparg;
                }
              }
              break;
            }
            case POP_JUMP_IF_TRUE: {
              long v = Mem.getLong(sp - 8);
              sp -= 8;
              if (v == vm.trueObj) {
                ip = oparg;
              } else if (v != vm.falseObj) {
                sync(frame, here, sp + 8, stackBase);
                if (p.isTrue(v)) {
                  ip = oparg;
                }
              }
              break;
            }
            case POP_JUMP_IF_NONE:
              sp -= 8;
              if (Mem.getLong(sp) == vm.none) {
                ip = oparg;
              }
              break;
            case POP_JUMP_IF_NOT_NONE:
              sp -= 8;
              if (Mem.getLong(sp) != vm.none) {
                ip = oparg;
              }
              break;
            case JUMP_IF_FALSE_OR_POP: {
              long v = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              if (!isTrueFast(v)) {
                ip = oparg;
              } else {
                sp -= 8;
              }
              break;
            }
            case JUMP_IF_TRUE_OR_POP: {
              long v = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              if (isTrueFast(v)) {
                ip = oparg;
              } else {
                sp -= 8;
              }
              break;
            }
            case FOR_ITER: {
              long it = Mem.getLong(sp - 8);
              sync(frame, here, sp, stackBase);
              long v = p.next(it);
              maybeSpecializeForIter(bc, here, it);
              if (v == 0) {
                sp -= 8;
                ip = oparg;
              } else {
                Mem.putLong(sp, v);
                sp += 8;
                ip += 1;
              }
              break;
            }
            case FOR_ITER_RANGE: {
              long it = Mem.getLong(sp - 8);
              if ((it & 1) == 0 && Mem.getLong(it) == vm.rangeIteratorType) {
                long left = Mem.getLong(it + Layout.Iter.LIMIT);
                if (left <= 1) {
                  sp -= 8;
                  ip = oparg;
                  break;
                }
                long cur = Mem.getLong(it + Layout.Iter.INDEX);
                Mem.putLong(it + Layout.Iter.LIMIT, left - 2);
                Mem.putLong(it + Layout.Iter.INDEX, cur + Mem.getLong(it + Layout.Iter.AUX) - 1);
                Mem.putLong(sp, cur);
                sp += 8;
                ip += 1;
                break;
              }
              deopt(bc, here, Opcode.FOR_ITER, oparg);
              ip = here;
              break;
            }
            case FOR_ITER_LIST: {
              long it = Mem.getLong(sp - 8);
              if ((it & 1) == 0 && Mem.getLong(it) == vm.listIteratorType) {
                long list = Mem.getLong(it + Layout.Iter.SEQ);
                if (list != 0) {
                  long i = Mem.getLong(it + Layout.Iter.INDEX) >> 1;
                  if (i < VM.listLen(list)) {
                    Mem.putLong(it + Layout.Iter.INDEX, fromInt(i + 1));
                    Mem.putLong(sp, VM.listGet(list, (int) i));
                    sp += 8;
                    ip += 1;
                    break;
                  }
                  Mem.putLong(it + Layout.Iter.SEQ, 0);
                }
                sp -= 8;
                ip = oparg;
                break;
              }
              deopt(bc, here, Opcode.FOR_ITER, oparg);
              ip = here;
              break;
            }
            case FOR_ITER_TUPLE: {
              long it = Mem.getLong(sp - 8);
              if ((it & 1) == 0 && Mem.getLong(it) == vm.tupleIteratorType) {
                long t = Mem.getLong(it + Layout.Iter.SEQ);
                if (t != 0) {
                  long i = Mem.getLong(it + Layout.Iter.INDEX) >> 1;
                  if (i < VM.tupleLen(t)) {
                    Mem.putLong(it + Layout.Iter.INDEX, fromInt(i + 1));
                    Mem.putLong(sp, VM.tupleGet(t, (int) i));
                    sp += 8;
                    ip += 1;
                    break;
                  }
                  Mem.putLong(it + Layout.Iter.SEQ, 0);
                }
                sp -= 8;
                ip = oparg;
                break;
              }
              deopt(bc, here, Opcode.FOR_ITER, oparg);
              ip = here;
              break;
            }
            case RETURN_VALUE: {
              long v = Mem.getLong(sp - 8);
              if ((Mem.getLong(frame + Frame.FLAGS) & ENTRY) != 0) {
                // Entry frame: back to the Java caller.
                sp -= 8;
                Mem.putLong(frame + Frame.SP, fromInt((sp - stackBase) >> 3));
                Mem.putLong(frame + Frame.IP, fromInt(here));
                leaveEntry(frame);
                yielded = false;
                instructions += count;
                return v;
              }
              long caller = Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS));
              popFrame(frame);
              frame = caller;
              Mem.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
              ci = codeOf(vm, frame);
              bc = ci.bytecode;
              consts = ci.consts;
              locals = frame + Frame.LOCALSPLUS;
              stackBase = locals + 8L * ci.nlocalsplus;
              here = (int) intValue(Mem.getLong(frame + Frame.IP));
              ip = here + Opcode.CALL.size();
              sp = stackBase + 8 * intValue(Mem.getLong(frame + Frame.SP));
              Mem.putLong(sp, v);
              sp += 8;
              if (Mem.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                sync(frame, ip, sp, stackBase);
                vm.collectGarbage();
              }
              break;
            }

            // ---------------------------------------------------------- calls
            case KW_NAMES:
              kwnames = consts[oparg];
              break;
            case CALL:
            case CALL_PY_EXACT_ARGS:
            case CALL_BUILTIN: {
              long kw = kwnames;
              kwnames = 0;
              long nullSlot = sp - 8L * (oparg + 2);
              long first = Mem.getLong(nullSlot);
              long callable;
              long args;
              int nargs;
              if (first != 0) {
                callable = first;
                args = nullSlot + 8;
                nargs = oparg + 1;
              } else {
                callable = Mem.getLong(nullSlot + 8);
                args = nullSlot + 16;
                nargs = oparg;
              }
              if ((callable & 1) == 0 && Mem.getLong(callable) == vm.functionType) {
                long code = Mem.getLong(callable + Layout.Function.CODE);
                CodeInfo callee = CodeInfo.of(vm, code);
                if (!callee.isGenerator()) {
                  // Save the caller with its stack cut below the call, push and enter.
                  Mem.putLong(frame + Frame.IP, fromInt(here));
                  Mem.putLong(frame + Frame.SP, fromInt((nullSlot - stackBase) >> 3));
                  long nf = pushFrame(callee, callable,
                      Mem.getLong(callable + Layout.Function.GLOBALS), 0);
                  try {
                    p.bindArguments(nf, callee, callable, args, nargs, kw);
                  } catch (PyException e) {
                    popFrame(nf);
                    throw e;
                  }
                  frame = nf;
                  Mem.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
                  ci = callee;
                  bc = ci.bytecode;
                  consts = ci.consts;
                  locals = frame + Frame.LOCALSPLUS;
                  stackBase = locals + 8L * ci.nlocalsplus;
                  ip = 0;
                  here = 0;
                  sp = stackBase;
                  if (Mem.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
                    sync(frame, 0, sp, stackBase);
                    vm.collectGarbage();
                  }
                  break;
                }
              }
              sync(frame, here, sp, stackBase);
              long r = p.callWords(callable, args, nargs, kw);
              sp = nullSlot;
              Mem.putLong(sp, r);
              sp += 8;
              ip += 2;
              break;
            }

            // ---------------------------------------------------------- exceptions
            case RAISE_VARARGS:
              sync(frame, here, sp, stackBase);
              p.raiseVarargs(sp, oparg);
              throw new IllegalStateException("raise did not throw");
            case RERAISE: {
              // The saved lasti (oparg != 0) only matters for traceback lines, which this
              // frame's entry already has; handlers are found from the RERAISE itself.
              long exc = Mem.getLong(sp - 8);
              sp -= 8;
              reraise = true;
              sync(frame, here, sp, stackBase);
              throw vm.raiseObject(exc);
            }
            case YIELD_VALUE: {
              long v = Mem.getLong(sp - 8);
              sp -= 8;
              Mem.putLong(frame + Frame.SP, fromInt((sp - stackBase) >> 3));
              Mem.putLong(frame + Frame.IP, fromInt(here));
              leaveEntry(frame);
              yielded = true;
              instructions += count;
              return v;
            }
            case SEND: {
              sync(frame, here, sp, stackBase);
              long receiver = Mem.getLong(sp - 16);
              long value = Mem.getLong(sp - 8);
              long r = p.send(receiver, value);
              if (p.lastSendReturned) {
                sp -= 16;
                Mem.putLong(sp, r);
                sp += 8;
                ip = oparg;
              } else {
                Mem.putLong(sp - 8, r);
              }
              break;
            }
            default:
              throw new IllegalStateException("opcode " + op + " not implemented");
          }
        }
      } catch (PyException e) {
        pe = e;
      } catch (org.stitchjit.runtime.text.FormatError e) {
        reraise = false;
        pe = p.toGuest(e);
      } catch (Heap.HeapExhausted e) {
        reraise = false;
        Mem.putLong(vm.memoryErrorInstance + Layout.Exc.TRACEBACK, 0);
        pe = vm.raiseObject(vm.memoryErrorInstance);
      } catch (StackOverflowError e) {
        reraise = false;
        pe = vm.raise(vm.recursionError, "maximum recursion depth exceeded");
      }
      // Unwind to the innermost handler, popping frames of this run() that have none.
      long exc = pe.exc;
      boolean firstFrame = true;
      while (true) {
        if (!reraise || !firstFrame) {
          p.exceptions.addTraceback(exc, ci, here, firstFrame);
        }
        reraise = false;
        firstFrame = false;
        int h = ci.handlerFor(here);
        if (h >= 0) {
          sp = stackBase + 8L * ci.excDepth[h];
          if (ci.excLasti[h]) {
            Mem.putLong(sp, fromInt(here));
            sp += 8;
          }
          Mem.putLong(sp, exc);
          sp += 8;
          ip = ci.excTarget[h];
          kwnames = 0;
          Mem.putLong(ts + Layout.ThreadState.PENDING_EXC, 0);
          break;
        }
        if ((Mem.getLong(frame + Frame.FLAGS) & ENTRY) != 0) {
          Mem.putLong(frame + Frame.SP, fromInt(0));
          leaveEntry(frame);
          instructions += count;
          throw pe;
        }
        long caller = Tag.wordToRaw(Mem.getLong(frame + Frame.PREVIOUS));
        popFrame(frame);
        frame = caller;
        Mem.putLong(ts + Layout.ThreadState.CURRENT_FRAME, frame);
        ci = codeOf(vm, frame);
        bc = ci.bytecode;
        consts = ci.consts;
        locals = frame + Frame.LOCALSPLUS;
        stackBase = locals + 8L * ci.nlocalsplus;
        here = (int) intValue(Mem.getLong(frame + Frame.IP));
      }
    }
  }

  private static void sync(long frame, int here, long sp, long stackBase) {
    Mem.putLong(frame + Frame.IP, fromInt(here));
    Mem.putLong(frame + Frame.SP, fromInt((sp - stackBase) >> 3));
  }

  private boolean isTrueFast(long v) {
    if (v == vm.trueObj) {
      return true;
    }
    if (v == vm.falseObj || v == vm.none) {
      return false;
    }
    return p.isTrue(v);
  }

  // ================================================================ quickening
  static void deopt(long bc, int here, Opcode generic, int oparg) {
    Mem.putLong(bc + 8L * here, Opcode.encode(generic, oparg));
    // Back off before trying to specialize this site again.
    Mem.putLong(bc + 8L * (here + 1), BACKOFF);
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
  private long loadGlobalGeneric(long frame, CodeInfo ci, long bc, int here, int oparg) {
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

  private long loadName(long frame, CodeInfo ci, int oparg) {
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

  private void storeName(long frame, CodeInfo ci, int oparg, long value) {
    long locals = Mem.getLong(frame + Frame.LOCALS);
    if (locals == 0) {
      locals = Mem.getLong(frame + Frame.GLOBALS);
    }
    Dicts.setItemStr(vm, locals, ci.names[oparg], value);
  }

  private void deleteName(long frame, CodeInfo ci, int oparg) {
    long locals = Mem.getLong(frame + Frame.LOCALS);
    if (locals == 0) {
      locals = Mem.getLong(frame + Frame.GLOBALS);
    }
    if (Dicts.remove(vm, locals, ci.names[oparg]) == 0) {
      throw vm.raise(vm.nameError, "name '" + ci.nameStrings[oparg] + "' is not defined");
    }
  }

  private long loadClassDeref(long frame, CodeInfo ci, long locals, int oparg) {
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
