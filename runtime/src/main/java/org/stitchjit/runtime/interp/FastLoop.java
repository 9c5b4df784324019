package org.stitchjit.runtime.interp;

import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.VM;

/**
 * The interpreter's inner loop for the hit paths of its commonest instructions: loads and
 * stores of locals and constants, small-int arithmetic and comparisons, branches, indexing of
 * lists and tuples, iteration over ranges, lists and tuples, and instance attributes that hit
 * their inline caches. It runs instructions until it meets one it does not handle, or one whose
 * guard fails, and returns without having touched that instruction, which
 * {@link Interpreter#run} then executes in full (miss paths, specialization, calls, the JIT's
 * hooks, exceptions).
 *
 * <p>Why a second loop: C2 compiles {@code run()}, 12 KB of bytecode full of calls, with
 * every loop variable in a stack slot and with the expressions its cases share hoisted above
 * the switch, so that each dispatch executed about 60 machine instructions (docs/decisions/
 * 0010). This method calls nothing, so its few variables stay in registers. It never throws,
 * allocates or reaches a safepoint poll that collects guest memory, so it needs no frame
 * synchronization: the frame in native memory is what {@code run()} left.
 */
final class FastLoop {
  private static final sun.misc.Unsafe U = Mem.unsafe();

  private final VM vm;
  private final long ts;
  /** JUMP_BACKWARD's threshold for the JIT's loop counters; 0 when the JIT is off. */
  int hotLoop;
  /** Instructions this loop executed; run() adds them to its count. */
  long executed;

  FastLoop(VM vm) {
    this.vm = vm;
    this.ts = vm.ts;
  }

  /**
   * Runs frame from instruction ip with spSlot values on its stack. Returns where it stopped:
   * the instruction index in the high 32 bits, the stack depth in slots in the low 32.
   */
  long run(long frame, CodeInfo ci, int ip, int spSlot) {
    final long bc = ci.bytecode;
    final long[] consts = ci.consts;
    final long locals = frame + Frame.LOCALSPLUS;
    final long stackBase = locals + 8L * ci.nlocalsplus;
    final long trueObj = vm.trueObj;
    final long falseObj = vm.falseObj;
    long sp = stackBase + 8L * spSlot;
    long n = 0;
    int here;
    loop:
    while (true) {
      here = ip;
      long unit = U.getLong(bc + 8L * ip);
      int oparg = (int) (unit >> 32);
      ip++;
      switch ((int) unit & 0xFF) {
        case Op.NOP:
          break;
        case Op.POP_TOP:
          sp -= 8;
          break;
        case Op.PUSH_NULL:
          U.putLong(sp, 0);
          sp += 8;
          break;
        case Op.COPY:
          U.putLong(sp, U.getLong(sp - 8L * oparg));
          sp += 8;
          break;
        case Op.SWAP: {
          long a = U.getLong(sp - 8);
          long b = sp - 8L * oparg;
          U.putLong(sp - 8, U.getLong(b));
          U.putLong(b, a);
          break;
        }
        case Op.LOAD_CONST:
          U.putLong(sp, consts[oparg]);
          sp += 8;
          break;
        case Op.LOAD_FAST: {
          long v = U.getLong(locals + 8L * oparg);
          if (v == 0) {
            break loop;
          }
          U.putLong(sp, v);
          sp += 8;
          break;
        }
        case Op.STORE_FAST:
          sp -= 8;
          U.putLong(locals + 8L * oparg, U.getLong(sp));
          break;
        case Op.LOAD_DEREF: {
          long v = U.getLong(U.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS);
          if (v == 0) {
            break loop;
          }
          U.putLong(sp, v);
          sp += 8;
          break;
        }
        case Op.LOAD_GLOBAL_MODULE: {
          long globals = U.getLong(frame + Frame.GLOBALS);
          long c = bc + 8L * ip;
          if (U.getLong(globals + Layout.Dict.KEYS_VERSION) != U.getLong(c)) {
            break loop;
          }
          long v = U.getLong(U.getLong(globals + Layout.Dict.ENTRIES) + Layout.Array.ITEMS
              + 8L * (3 * U.getLong(c + 16) + 2));
          if (v == 0) {
            break loop;
          }
          U.putLong(sp, v);
          sp += 8;
          ip += 3;
          break;
        }
        case Op.LOAD_GLOBAL_BUILTIN: {
          long globals = U.getLong(frame + Frame.GLOBALS);
          long builtins = vm.builtins;
          long c = bc + 8L * ip;
          if (U.getLong(globals + Layout.Dict.KEYS_VERSION) != U.getLong(c)
              || U.getLong(builtins + Layout.Dict.KEYS_VERSION) != U.getLong(c + 8)) {
            break loop;
          }
          long v = U.getLong(U.getLong(builtins + Layout.Dict.ENTRIES) + Layout.Array.ITEMS
              + 8L * (3 * U.getLong(c + 16) + 2));
          if (v == 0) {
            break loop;
          }
          U.putLong(sp, v);
          sp += 8;
          ip += 3;
          break;
        }
        case Op.LOAD_ATTR_INSTANCE: {
          long obj = U.getLong(sp - 8);
          long c = bc + 8L * ip;
          if ((obj & 1) != 0 || U.getLong(obj) != U.getLong(c)) {
            break loop;
          }
          long where = U.getLong(c + 16);
          long attrs = obj + (where & 0xFFFFFFFFL);
          if (U.getLong(attrs + Layout.Attrs.SHAPE) != U.getLong(c + 8)) {
            break loop;
          }
          long values = U.getLong(attrs + Layout.Attrs.VALUES);
          U.putLong(sp - 8, U.getLong(values + Layout.Array.ITEMS + 8 * (where >>> 32)));
          ip += 3;
          break;
        }
        case Op.STORE_ATTR_INSTANCE: {
          long obj = U.getLong(sp - 8);
          long c = bc + 8L * ip;
          // Only stores to an existing slot: a store that adds one changes the shape and
          // may need a bigger values array, which run() handles.
          if ((obj & 1) != 0 || U.getLong(obj) != U.getLong(c) || U.getLong(c + 16) != 0) {
            break loop;
          }
          long where = U.getLong(c + 24);
          long attrs = obj + (where & 0xFFFFFFFFL);
          if (U.getLong(attrs + Layout.Attrs.SHAPE) != U.getLong(c + 8)) {
            break loop;
          }
          long values = U.getLong(attrs + Layout.Attrs.VALUES);
          U.putLong(values + Layout.Array.ITEMS + 8 * (where >>> 32), U.getLong(sp - 16));
          sp -= 16;
          ip += 4;
          break;
        }
        case Op.LOAD_METHOD_CLASS: {
          long obj = U.getLong(sp - 8);
          long c = bc + 8L * ip;
          if ((obj & 1) != 0) {
            break loop;
          }
          long type = U.getLong(obj);
          if (type != U.getLong(c) || U.getLong(type + Layout.Type.VERSION) != U.getLong(c + 8)) {
            break loop;
          }
          long shape = U.getLong(c + 16);
          if (shape != 0 && U.getLong(obj + (U.getLong(type + Layout.Type.ATTR_OFFSET) >> 1)
              + Layout.Attrs.SHAPE) != shape) {
            break loop;
          }
          U.putLong(sp - 8, U.getLong(c + 24));
          U.putLong(sp, obj);
          sp += 8;
          ip += 4;
          break;
        }
        case Op.BINARY_OP_ADD_INT: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          long r = (a - 1) + b;
          if ((a & b & 1) == 0 || ((a ^ r) & (b ^ r)) < 0) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, r);
          ip += 1;
          break;
        }
        case Op.BINARY_OP_SUBTRACT_INT: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          long r = a - (b - 1);
          if ((a & b & 1) == 0 || ((a ^ b) & (a ^ r)) < 0) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, r);
          ip += 1;
          break;
        }
        case Op.BINARY_OP_MULTIPLY_INT: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          if ((a & b & 1) == 0) {
            break loop;
          }
          long x = a >> 1;
          long y = b >> 1;
          long hi = Math.multiplyHigh(x, y);
          long lo = x * y;
          if (!((hi == 0 && lo >= 0 && lo <= Tag.SMALL_MAX)
              || (hi == -1 && lo < 0 && lo >= Tag.SMALL_MIN))) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, (lo << 1) | 1);
          ip += 1;
          break;
        }
        case Op.COMPARE_OP_INT: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          if ((a & b & 1) == 0) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, CompareOp.test(oparg, Long.compare(a, b)) ? trueObj : falseObj);
          ip += 1;
          break;
        }
        case Op.IS_OP: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          sp -= 8;
          U.putLong(sp - 8, ((a == b) ^ (oparg != 0)) ? trueObj : falseObj);
          break;
        }
        case Op.BINARY_SUBSCR_LIST_INT: {
          long list = U.getLong(sp - 16);
          long key = U.getLong(sp - 8);
          if ((key & 1) == 0 || (list & 1) != 0 || U.getLong(list) != vm.listType) {
            break loop;
          }
          long i = key >> 1;
          long size = U.getLong(list + Layout.List.SIZE) >> 1;
          if (i < 0) {
            i += size;
          }
          if (i < 0 || i >= size) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8,
              U.getLong(U.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS + 8 * i));
          ip += 1;
          break;
        }
        case Op.BINARY_SUBSCR_TUPLE_INT: {
          long t = U.getLong(sp - 16);
          long key = U.getLong(sp - 8);
          if ((key & 1) == 0 || (t & 1) != 0 || U.getLong(t) != vm.tupleType) {
            break loop;
          }
          long i = key >> 1;
          long size = (U.getLong(t + 8) >>> 4) & 0x3FFFFFFFL;
          if (i < 0) {
            i += size;
          }
          if (i < 0 || i >= size) {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, U.getLong(t + Layout.Tuple.ITEMS + 8 * i));
          ip += 1;
          break;
        }
        case Op.STORE_SUBSCR_LIST_INT: {
          long list = U.getLong(sp - 16);
          long key = U.getLong(sp - 8);
          if ((key & 1) == 0 || (list & 1) != 0 || U.getLong(list) != vm.listType) {
            break loop;
          }
          long i = key >> 1;
          long size = U.getLong(list + Layout.List.SIZE) >> 1;
          if (i < 0) {
            i += size;
          }
          if (i < 0 || i >= size) {
            break loop;
          }
          U.putLong(U.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS + 8 * i,
              U.getLong(sp - 24));
          sp -= 24;
          ip += 1;
          break;
        }
        case Op.UNPACK_SEQUENCE_TWO_TUPLE: {
          long seq = U.getLong(sp - 8);
          if ((seq & 1) != 0 || U.getLong(seq) != vm.tupleType
              || ((U.getLong(seq + 8) >>> 4) & 0x3FFFFFFFL) != 2) {
            break loop;
          }
          U.putLong(sp - 8, U.getLong(seq + Layout.Tuple.ITEMS + 8));
          U.putLong(sp, U.getLong(seq + Layout.Tuple.ITEMS));
          sp += 8;
          ip += 1;
          break;
        }
        case Op.JUMP_FORWARD:
        case Op.JUMP_BACKWARD_NO_INTERRUPT:
          ip = oparg;
          break;
        case Op.JUMP_BACKWARD: {
          // The collector's request and the JIT's counter are run()'s business: stop short
          // of both, so that it sees them.
          if (U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
            break loop;
          }
          if (hotLoop != 0) {
            long c = U.getLong(bc + 8L * ip) + 1;
            if (c >= hotLoop) {
              break loop;
            }
            U.putLong(bc + 8L * ip, c);
          }
          ip = oparg;
          break;
        }
        case Op.POP_JUMP_IF_FALSE: {
          long v = U.getLong(sp - 8);
          if (v == falseObj) {
            ip = oparg;
          } else if (v != trueObj) {
            break loop;
          }
          sp -= 8;
          break;
        }
        case Op.POP_JUMP_IF_TRUE: {
          long v = U.getLong(sp - 8);
          if (v == trueObj) {
            ip = oparg;
          } else if (v != falseObj) {
            break loop;
          }
          sp -= 8;
          break;
        }
        case Op.POP_JUMP_IF_NONE:
          sp -= 8;
          if (U.getLong(sp) == vm.none) {
            ip = oparg;
          }
          break;
        case Op.POP_JUMP_IF_NOT_NONE:
          sp -= 8;
          if (U.getLong(sp) != vm.none) {
            ip = oparg;
          }
          break;
        case Op.FOR_ITER_RANGE: {
          long it = U.getLong(sp - 8);
          if ((it & 1) != 0 || U.getLong(it) != vm.rangeIteratorType) {
            break loop;
          }
          long left = U.getLong(it + Layout.Iter.LIMIT);
          if (left <= 1) {
            sp -= 8;
            ip = oparg;
            break;
          }
          long cur = U.getLong(it + Layout.Iter.INDEX);
          U.putLong(it + Layout.Iter.LIMIT, left - 2);
          U.putLong(it + Layout.Iter.INDEX, cur + U.getLong(it + Layout.Iter.AUX) - 1);
          U.putLong(sp, cur);
          sp += 8;
          ip += 1;
          break;
        }
        case Op.FOR_ITER_LIST: {
          long it = U.getLong(sp - 8);
          if ((it & 1) != 0 || U.getLong(it) != vm.listIteratorType) {
            break loop;
          }
          long list = U.getLong(it + Layout.Iter.SEQ);
          if (list != 0) {
            long i = U.getLong(it + Layout.Iter.INDEX) >> 1;
            if (i < (U.getLong(list + Layout.List.SIZE) >> 1)) {
              U.putLong(it + Layout.Iter.INDEX, ((i + 1) << 1) | 1);
              U.putLong(sp,
                  U.getLong(U.getLong(list + Layout.List.ITEMS) + Layout.Array.ITEMS + 8 * i));
              sp += 8;
              ip += 1;
              break;
            }
            U.putLong(it + Layout.Iter.SEQ, 0);
          }
          sp -= 8;
          ip = oparg;
          break;
        }
        case Op.FOR_ITER_TUPLE: {
          long it = U.getLong(sp - 8);
          if ((it & 1) != 0 || U.getLong(it) != vm.tupleIteratorType) {
            break loop;
          }
          long t = U.getLong(it + Layout.Iter.SEQ);
          if (t != 0) {
            long i = U.getLong(it + Layout.Iter.INDEX) >> 1;
            if (i < ((U.getLong(t + 8) >>> 4) & 0x3FFFFFFFL)) {
              U.putLong(it + Layout.Iter.INDEX, ((i + 1) << 1) | 1);
              U.putLong(sp, U.getLong(t + Layout.Tuple.ITEMS + 8 * i));
              sp += 8;
              ip += 1;
              break;
            }
            U.putLong(it + Layout.Iter.SEQ, 0);
          }
          sp -= 8;
          ip = oparg;
          break;
        }
        default:
          break loop;
      }
      n++;
    }
    executed += n;
    return ((long) here << 32) | ((sp - stackBase) >>> 3);
  }
}
