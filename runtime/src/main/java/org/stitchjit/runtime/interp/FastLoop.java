package org.stitchjit.runtime.interp;

import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CodeFlags;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.HeapControl;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.heap.Heap;
import org.stitchjit.runtime.vm.VM;

/**
 * The interpreter's inner loop for the hit paths of its commonest instructions: locals,
 * constants and cells, global and attribute hits, small-int and float arithmetic and
 * comparisons, branches, list and tuple indexing, range, list and tuple iteration, and calls
 * and returns of plain Python functions. It runs instructions until it meets one it declines
 * (another opcode, a failed guard, or one that needs the collector, the JIT or the allocator's
 * refill) and returns without having touched it; {@link Interpreter#run} then executes it in
 * full and calls again. The commonest instruction pairs run fused (decision 10).
 *
 * <p>Why a second loop: C2 compiles {@code run()}, 12 KB of bytecode full of calls, with
 * every loop variable in a stack slot and with the expressions its cases share hoisted above
 * the switch, so that each dispatch executed about 60 machine instructions (docs/decisions/
 * 0010). This loop calls nothing but {@link Interpreter#pushSimple}, to push a callee's frame,
 * so its few variables stay in registers. It never throws and never collects (floats it
 * allocates inline; past the threshold it only raises the GC-wanted flag, which run() serves),
 * so it needs no frame synchronization: a frame in native memory is as {@code run()} left it,
 * or as a call FastLoop made saved it (the caller's position at the call).
 */
final class FastLoop {
  private static final sun.misc.Unsafe U = Mem.unsafe();

  /** The frame flags FastLoop's return leaves to run(): entry, __init__, linked generator. */
  private static final long NOT_PLAIN = (Tag.fromInt(Frame.FLAG_ENTRY)
      | Tag.fromInt(Frame.FLAG_INIT) | Tag.fromInt(Frame.FLAG_GEN_LINKED)) & ~1L;
  private static final long INIT = Tag.fromInt(Frame.FLAG_INIT) & ~1L;

  static {
    // The compare cases fuse a following POP_JUMP_IF_FALSE or _TRUE (as CPython 3.11's
    // COMPARE_OP_INT_JUMP) by testing (op | 1) == POP_JUMP_IF_TRUE, and which of the two by
    // the low bit: no helper call C2 might leave un-inlined in the loop.
    if (Op.POP_JUMP_IF_TRUE != (Op.POP_JUMP_IF_FALSE | 1) || (Op.POP_JUMP_IF_FALSE & 1) != 0) {
      throw new AssertionError("POP_JUMP_IF_FALSE/_TRUE must be an even/odd pair");
    }
  }

  private final VM vm;
  private final Interpreter interp;
  private final long ts;
  private final long heapControl;
  /** Inline float allocation: the free list floats come from, their cell and header word. */
  private final long floatHead;
  private final long floatCell;
  private final long floatMeta;
  /** Whether the JIT is on, and its thresholds for loop and function counters. */
  private boolean counting;
  private int hotLoop;
  private int hotFunction;
  /** Whether a run with once executed its instruction (otherwise run() must). */
  boolean stepped;
  /**
   * The frame {@link #run}'s returned position is in, and its code: the frame it was given, or
   * another when the calls and returns it made left a different frame current.
   */
  long frameOut;
  CodeInfo codeOut;

  FastLoop(VM vm, Interpreter interp) {
    this.vm = vm;
    this.interp = interp;
    this.ts = vm.ts;
    Heap heap = vm.heap;
    this.heapControl = heap.control();
    long floatSize = Header.objectSize(0, Layout.Float.RAW);
    this.floatHead = heap.freeListHead(floatSize);
    this.floatCell = Heap.cellBytes(floatSize);
    this.floatMeta = Header.meta(0, Layout.Float.RAW, 0);
  }

  void countFor(int hotLoop, int hotFunction) {
    this.counting = true;
    this.hotLoop = hotLoop;
    this.hotFunction = hotFunction;
  }

  /**
   * Runs frame from instruction ip with spSlot values on its stack. Returns where it stopped:
   * the instruction index in the high 32 bits, the stack depth in slots in the low 32. With
   * once, runs at most one instruction and fuses nothing (a trace recorder must see each), and
   * {@link #stepped} tells whether it ran it.
   */
  long run(long frame, CodeInfo ci, int ip, int spSlot, boolean once) {
    long bc = ci.bytecode;
    long[] consts = ci.consts;
    long locals = frame + Frame.LOCALSPLUS;
    long stackBase = locals + 8L * ci.nlocalsplus;
    final long trueObj = vm.trueObj;
    final long falseObj = vm.falseObj;
    long sp = stackBase + 8L * spSlot;
    final long counter = ts + Layout.ThreadState.INSTRUCTIONS;
    loop:
    while (true) {
      long unit = U.getLong(bc + 8L * ip);
      int oparg = (int) (unit >> 32);
      int op = (int) unit & 0xFF;
      ip++;
      switch (op) {
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
          // A third of all instructions: fused with its commonest successors, an instance
          // attribute hit (self.x), another local (CPython 3.11's LOAD_FAST__LOAD_FAST) and
          // a None test, to save their dispatch. Every fusion peeks at the next unit this
          // way; running once, it reads a NOP, which fuses with nothing.
          long next = once ? 0 : U.getLong(bc + 8L * ip);
          int nextOp = (int) next & 0xFF;
          if (nextOp == Op.LOAD_ATTR_INSTANCE && (v & 1) == 0) {
            // LOAD_ATTR_INSTANCE's guards, written out as in its case and STORE_ATTR_INSTANCE's:
            // a helper over 35 bytes of bytecode may stay a call in the loop (decision 10).
            long c = bc + 8L * ip + 8;
            if (U.getLong(v) == U.getLong(c)) {
              long where = U.getLong(c + 16);
              long attrs = v + (where & 0xFFFFFFFFL);
              long a;
              // (A NULL value is a raw float attribute, which Interpreter.run boxes.)
              if (U.getLong(attrs + Layout.Attrs.SHAPE) == U.getLong(c + 8)
                  && (a = U.getLong(U.getLong(attrs + Layout.Attrs.VALUES) + Layout.Array.ITEMS
                      + 8 * (where >>> 32))) != 0) {
                U.putLong(sp, a);
                sp += 8;
                ip += 4;
                U.putLong(counter, U.getLong(counter) + 1);
                break;
              }
            }
          } else if (nextOp == Op.LOAD_FAST) {
            long w = U.getLong(locals + 8L * (next >> 32));
            if (w != 0) {
              U.putLong(sp, v);
              U.putLong(sp + 8, w);
              sp += 16;
              ip++;
              U.putLong(counter, U.getLong(counter) + 1);
              break;
            }
          } else if (nextOp == Op.POP_JUMP_IF_NONE || nextOp == Op.POP_JUMP_IF_NOT_NONE) {
            // 'if x is None' / 'while x is not None' on a local.
            ip = (v == vm.none) == (nextOp == Op.POP_JUMP_IF_NONE) ? (int) (next >> 32) : ip + 1;
            U.putLong(counter, U.getLong(counter) + 1);
            break;
          }
          U.putLong(sp, v);
          sp += 8;
          break;
        }
        case Op.STORE_FAST: {
          sp -= 8;
          U.putLong(locals + 8L * oparg, U.getLong(sp));
          // A store, then a load (CPython 3.11's STORE_FAST__LOAD_FAST).
          long next = once ? 0 : U.getLong(bc + 8L * ip);
          if (((int) next & 0xFF) == Op.LOAD_FAST) {
            long w = U.getLong(locals + 8L * (next >> 32));
            if (w != 0) {
              U.putLong(sp, w);
              sp += 8;
              ip++;
              U.putLong(counter, U.getLong(counter) + 1);
            }
          }
          break;
        }
        case Op.LOAD_DEREF: {
          long v = U.getLong(U.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS);
          if (v == 0) {
            break loop;
          }
          U.putLong(sp, v);
          sp += 8;
          break;
        }
        case Op.LOAD_GLOBAL_MODULE:
        case Op.LOAD_GLOBAL_BUILTIN: {
          // Caches: the globals' keys version, the builtins' keys version, the entry index.
          long dict = U.getLong(frame + Frame.GLOBALS);
          long c = bc + 8L * ip;
          if (U.getLong(dict + Layout.Dict.KEYS_VERSION) != U.getLong(c)) {
            break loop;
          }
          if (op == Op.LOAD_GLOBAL_BUILTIN) {
            dict = vm.builtins;
            if (U.getLong(dict + Layout.Dict.KEYS_VERSION) != U.getLong(c + 8)) {
              break loop;
            }
          }
          long v = U.getLong(U.getLong(dict + Layout.Dict.ENTRIES) + Layout.Array.ITEMS
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
          long v = U.getLong(U.getLong(attrs + Layout.Attrs.VALUES) + Layout.Array.ITEMS
              + 8 * (where >>> 32));
          if (v == 0) {
            break loop; // a raw float attribute (Layout.Array): Interpreter.run boxes it
          }
          ip += 3;
          // x = o.attr: the store fused (list's linked-list walks spend a seventh of their
          // instructions on this pair).
          long next = once ? 0 : U.getLong(bc + 8L * ip);
          if (((int) next & 0xFF) == Op.STORE_FAST) {
            U.putLong(locals + 8L * (next >> 32), v);
            sp -= 8;
            ip++;
            U.putLong(counter, U.getLong(counter) + 1);
            break;
          }
          U.putLong(sp - 8, v);
          break;
        }
        case Op.STORE_ATTR_INSTANCE: {
          long obj = U.getLong(sp - 8);
          long c = bc + 8L * ip;
          if ((obj & 1) != 0 || U.getLong(obj) != U.getLong(c)) {
            break loop;
          }
          long where = U.getLong(c + 24);
          long attrs = obj + (where & 0xFFFFFFFFL);
          if (U.getLong(attrs + Layout.Attrs.SHAPE) != U.getLong(c + 8)) {
            break loop;
          }
          long index = where >>> 32;
          long values = U.getLong(attrs + Layout.Attrs.VALUES);
          long newShape = U.getLong(c + 16);
          if (newShape != 0) {
            // A store that adds the attribute: only into a values array with room for it.
            if (values == 0 || ((U.getLong(values + Header.META) >>> Header.SLOTS_SHIFT)
                & Header.SLOTS_MASK) <= index) {
              break loop;
            }
            U.putLong(attrs + Layout.Attrs.SHAPE, newShape);
          }
          U.putLong(values + Layout.Array.ITEMS + 8 * index, U.getLong(sp - 16));
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
        case Op.BINARY_SUBSCR_LIST_INT: {
          long list = U.getLong(sp - 16);
          long key = U.getLong(sp - 8);
          if ((key & 1) == 0 || (list & 1) != 0 || U.getLong(list) != vm.listType) {
            break loop;
          }
          long i = index(key, U.getLong(list + Layout.List.SIZE) >> 1);
          if (i < 0) {
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
          long i = index(key, (U.getLong(t + 8) >>> 4) & 0x3FFFFFFFL);
          if (i < 0) {
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
          long i = index(key, U.getLong(list + Layout.List.SIZE) >> 1);
          if (i < 0) {
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
          if (counting) {
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
        case Op.LOAD_CLOSURE:
          U.putLong(sp, U.getLong(locals + 8L * oparg));
          sp += 8;
          break;
        case Op.STORE_DEREF:
          sp -= 8;
          U.putLong(U.getLong(locals + 8L * oparg) + Layout.Cell.CONTENTS, U.getLong(sp));
          break;
        case Op.LOAD_ATTR_MODULE: {
          long obj = U.getLong(sp - 8);
          long c = bc + 8L * ip;
          if ((obj & 1) != 0 || obj != U.getLong(c)) {
            break loop;
          }
          long dict = U.getLong(obj + Layout.Module.DICT);
          if (U.getLong(dict + Layout.Dict.KEYS_VERSION) != U.getLong(c + 8)) {
            break loop;
          }
          long v = U.getLong(U.getLong(dict + Layout.Dict.ENTRIES) + Layout.Array.ITEMS
              + 8L * (3 * U.getLong(c + 16) + 2));
          if (v == 0) {
            break loop;
          }
          U.putLong(sp - 8, v);
          ip += 3;
          break;
        }
        case Op.BINARY_OP: {
          // Only the bitwise operators on small ints, which have no specialized form (flag
          // tests in richards); run() does the rest and specializes.
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          if ((a & b & 1) == 0) {
            break loop;
          }
          int base = oparg >= BinaryOp.INPLACE ? oparg - BinaryOp.INPLACE : oparg;
          long r;
          if (base == BinaryOp.AND) {
            r = a & b;
          } else if (base == BinaryOp.OR) {
            r = a | b;
          } else if (base == BinaryOp.XOR) {
            r = (a ^ b) | 1;
          } else {
            break loop;
          }
          sp -= 8;
          U.putLong(sp - 8, r);
          ip += 1;
          break;
        }
        case Op.BINARY_OP_ADD_FLOAT:
        case Op.BINARY_OP_SUBTRACT_FLOAT:
        case Op.BINARY_OP_MULTIPLY_FLOAT:
        case Op.BINARY_OP_TRUE_DIVIDE_FLOAT: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          long ft = vm.floatType;
          double x;
          double y;
          if ((a & 1) == 0 && U.getLong(a) == ft) {
            x = U.getDouble(a + Layout.Float.VALUE);
          } else if ((a & 1) != 0) {
            x = (double) (a >> 1);
          } else {
            break loop;
          }
          if ((b & 1) == 0 && U.getLong(b) == ft) {
            y = U.getDouble(b + Layout.Float.VALUE);
          } else if ((b & 1) != 0 && (a & 1) == 0) {
            y = (double) (b >> 1);
          } else {
            break loop;
          }
          double r;
          if (op == Op.BINARY_OP_ADD_FLOAT) {
            r = x + y;
          } else if (op == Op.BINARY_OP_SUBTRACT_FLOAT) {
            r = x - y;
          } else if (op == Op.BINARY_OP_MULTIPLY_FLOAT) {
            r = x * y;
          } else if (y != 0.0) {
            r = x / y;
          } else {
            break loop;
          }
          // Heap.allocate's fast path, written out (C2 would not inline it here): pop a cell,
          // write the header, count it, and ask for a collection past the threshold, which
          // run() makes at its next safepoint. An empty list is run()'s to refill.
          long f = U.getLong(floatHead);
          if (f == 0) {
            break loop;
          }
          U.putLong(floatHead, U.getLong(f));
          U.putLong(f, ft);
          U.putLong(f + Header.META, floatMeta);
          U.putLong(heapControl + HeapControl.OBJECTS_ALLOCATED,
              U.getLong(heapControl + HeapControl.OBJECTS_ALLOCATED) + 1);
          U.putLong(heapControl + HeapControl.BYTES_ALLOCATED,
              U.getLong(heapControl + HeapControl.BYTES_ALLOCATED) + floatCell);
          U.putLong(heapControl + HeapControl.FLOATS_ALLOCATED,
              U.getLong(heapControl + HeapControl.FLOATS_ALLOCATED) + 1);
          long since = U.getLong(heapControl + HeapControl.ALLOCATED_SINCE_GC) + floatCell;
          U.putLong(heapControl + HeapControl.ALLOCATED_SINCE_GC, since);
          if (since > U.getLong(heapControl + HeapControl.GC_THRESHOLD)) {
            U.putLong(ts + Layout.ThreadState.GC_WANTED, 1);
          }
          U.putDouble(f + Layout.Float.VALUE, r);
          sp -= 8;
          U.putLong(sp - 8, f);
          ip += 1;
          break;
        }
        case Op.COMPARE_OP_INT:
        case Op.COMPARE_OP_FLOAT:
        case Op.IS_OP: {
          long a = U.getLong(sp - 16);
          long b = U.getLong(sp - 8);
          boolean r;
          if (op == Op.IS_OP) {
            r = (a == b) ^ (oparg != 0);
          } else if (op == Op.COMPARE_OP_INT) {
            if ((a & b & 1) == 0) {
              break loop;
            }
            r = CompareOp.test(oparg, Long.compare(a, b));
            ip += 1;
          } else {
            long ft = vm.floatType;
            if ((a & 1) != 0 || (b & 1) != 0 || U.getLong(a) != ft || U.getLong(b) != ft) {
              break loop;
            }
            double x = U.getDouble(a + Layout.Float.VALUE);
            double y = U.getDouble(b + Layout.Float.VALUE);
            r = switch (oparg) {
              case CompareOp.LT -> x < y;
              case CompareOp.LE -> x <= y;
              case CompareOp.EQ -> x == y;
              case CompareOp.NE -> x != y;
              case CompareOp.GT -> x > y;
              default -> x >= y;
            };
            ip += 1;
          }
          // Fused with a POP_JUMP_IF_FALSE or _TRUE after it (CPython 3.11's
          // COMPARE_OP_INT_JUMP): no bool on the stack, one dispatch fewer.
          long next = once ? 0 : U.getLong(bc + 8L * ip);
          if ((((int) next & 0xFF) | 1) == Op.POP_JUMP_IF_TRUE) {
            sp -= 16;
            ip = r == ((next & 1) != 0) ? (int) (next >> 32) : ip + 1;
            U.putLong(counter, U.getLong(counter) + 1);
            break;
          }
          sp -= 8;
          U.putLong(sp - 8, r ? trueObj : falseObj);
          break;
        }
        case Op.UNARY_NOT: {
          long v = U.getLong(sp - 8);
          if (v == trueObj) {
            U.putLong(sp - 8, falseObj);
          } else if (v == falseObj || v == vm.none) {
            U.putLong(sp - 8, trueObj);
          } else {
            break loop;
          }
          break;
        }
        case Op.JUMP_IF_FALSE_OR_POP:
        case Op.JUMP_IF_TRUE_OR_POP: {
          long v = U.getLong(sp - 8);
          if (v != trueObj && v != falseObj) {
            break loop;
          }
          if ((v == trueObj) == (op == Op.JUMP_IF_TRUE_OR_POP)) {
            ip = oparg;
          } else {
            sp -= 8;
          }
          break;
        }
        case Op.CALL_PY_EXACT_ARGS: {
          // run()'s call of a plain function with exactly its positional arguments, when
          // nothing else is due: no collection wanted, no compiled entry, no hot counter.
          long nullSlot = sp - 8L * (oparg + 2);
          long first = U.getLong(nullSlot);
          long callable = first != 0 ? first : U.getLong(nullSlot + 8);
          long args = first != 0 ? nullSlot + 8 : nullSlot + 16;
          int nargs = first != 0 ? oparg + 1 : oparg;
          if (callable != U.getLong(bc + 8L * (ip + 1)) || (callable & 1) != 0
              || U.getLong(callable) != vm.functionType
              || U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
            break loop;
          }
          CodeInfo callee = (CodeInfo) vm.codeMirrors[(int) (U.getLong(
              U.getLong(callable + Layout.Function.CODE) + Layout.Code.ID) >> 1)];
          // A callee with cell variables needs its cells allocated: the interpreter's call.
          if ((callee.flags & CodeFlags.GENERATOR) != 0 || nargs != callee.argcount
              || !callee.simpleArgs || callee.ncells != 0) {
            break loop;
          }
          if (counting) {
            if (callee.entryExecutor != null || callee.entries + 1 >= hotFunction) {
              break loop;
            }
            callee.entries++;
          }
          // The loop's one call (C2 spills its variables around it, on this path only).
          long nf = interp.pushSimple(callee, callable, args, nargs);
          if (nf == 0) {
            break loop;
          }
          U.putLong(frame + Frame.IP, ((long) (ip - 1) << 1) | 1);
          U.putLong(frame + Frame.SP, (((nullSlot - stackBase) >> 3) << 1) | 1);
          U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, nf);
          U.putLong(counter, U.getLong(counter) + 1);
          if (once) {
            return switchTo(nf, callee, 0, 0);
          }
          // Go on in the callee, as CPython's loop does: returning to run() to be called again
          // here cost richards 14% and deltablue 19% (decision 10, rule 4).
          frame = nf;
          ci = callee;
          bc = ci.bytecode;
          consts = ci.consts;
          locals = frame + Frame.LOCALSPLUS;
          stackBase = locals + 8L * ci.nlocalsplus;
          sp = stackBase;
          ip = 0;
          continue;
        }
        case Op.RETURN_VALUE: {
          // A return from a frame pushed for a Python call (not an entry frame, which returns
          // to Java); from __init__'s frame the call's value is the instance below.
          long v = U.getLong(sp - 8);
          long flags = U.getLong(frame + Frame.FLAGS);
          if ((flags & NOT_PLAIN) != 0 && ((flags & NOT_PLAIN) != INIT || v != vm.none)
              || U.getLong(ts + Layout.ThreadState.GC_WANTED) != 0) {
            break loop;
          }
          U.putLong(ts + Layout.ThreadState.STACK_TOP, frame);
          U.putLong(ts + Layout.ThreadState.RECURSION_DEPTH,
              U.getLong(ts + Layout.ThreadState.RECURSION_DEPTH) - 1);
          long caller = U.getLong(frame + Frame.PREVIOUS) & ~1L;
          U.putLong(ts + Layout.ThreadState.CURRENT_FRAME, caller);
          CodeInfo callerCode = (CodeInfo) vm.codeMirrors[
              (int) (U.getLong(U.getLong(caller + Frame.CODE) + Layout.Code.ID) >> 1)];
          long callerBase = caller + Frame.LOCALSPLUS + 8L * callerCode.nlocalsplus;
          long callerSp = callerBase + 8 * (U.getLong(caller + Frame.SP) >> 1);
          if ((flags & INIT) != 0) {
            callerSp -= 8;
            v = U.getLong(callerSp);
          }
          U.putLong(callerSp, v);
          U.putLong(counter, U.getLong(counter) + 1);
          int callerIp = (int) (U.getLong(caller + Frame.IP) >> 1) + Frame.CALL_UNITS;
          if (once) {
            return switchTo(caller, callerCode, callerIp,
                (int) ((callerSp + 8 - callerBase) >>> 3));
          }
          frame = caller;
          ci = callerCode;
          bc = ci.bytecode;
          consts = ci.consts;
          locals = frame + Frame.LOCALSPLUS;
          stackBase = callerBase;
          sp = callerSp + 8;
          ip = callerIp;
          continue;
        }
        default:
          break loop;
      }
      U.putLong(counter, U.getLong(counter) + 1);
      if (once) {
        stepped = true;
        frameOut = frame;
        codeOut = ci;
        return ((long) ip << 32) | ((sp - stackBase) >>> 3);
      }
    }
    stepped = false;
    frameOut = frame;
    codeOut = ci;
    // Every guard that stops the loop fails before its case moved ip past the unit.
    return ((long) (ip - 1) << 32) | ((sp - stackBase) >>> 3);
  }

  /**
   * The element a small-int key names in a sequence of size elements (negative keys count
   * from the end), or a negative number out of range. Small enough that C2 always inlines it.
   */
  private static long index(long key, long size) {
    long i = key >> 1;
    i = i < 0 ? i + size : i;
    return i < size ? i : -1;
  }

  /** The return of a run with once that made a call or a return: it goes on in frame. */
  private long switchTo(long frame, CodeInfo ci, int ip, int spSlot) {
    stepped = true;
    frameOut = frame;
    codeOut = ci;
    return ((long) ip << 32) | spSlot;
  }
}
