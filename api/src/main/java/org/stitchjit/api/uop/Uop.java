package org.stitchjit.api.uop;

import static org.stitchjit.api.uop.OperandKind.BLOCK;
import static org.stitchjit.api.uop.OperandKind.EXIT;
import static org.stitchjit.api.uop.OperandKind.OPARG;
import static org.stitchjit.api.uop.OperandKind.OPERAND;
import static org.stitchjit.api.uop.UopFlag.ALLOCATES;
import static org.stitchjit.api.uop.UopFlag.ESCAPES;
import static org.stitchjit.api.uop.UopFlag.GUARD;
import static org.stitchjit.api.uop.UopFlag.PURE;
import static org.stitchjit.api.uop.UopFlag.SYNTHETIC;
import static org.stitchjit.api.uop.UopFlag.TERMINATOR;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Sets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The uop table: the single definition of every micro-op's name, stack effect, operands and
 * flags, modelled on CPython 3.15's uop set ({@code Python/bytecodes.c}) and adapted to Stitch's
 * bytecode. Frontends emit uops, passes rewrite them, backends implement each one, and the Java
 * reference executor defines what each one means.
 *
 * <p>Names follow CPython: a uop's {@link #uopName()} is its constant with a leading
 * underscore ({@code _GUARD_BOTH_INT}). Stack counts are given for the fall-through path; a
 * branch uop's taken path is documented on the uop. Unless a uop's comment says otherwise its
 * oparg is the bytecode instruction's oparg and its operand comes from the instruction's inline
 * cache, filled by the frontend.
 *
 * <p>Which bytecode expands to which uops is in {@link Expansions}.
 */
public enum Uop {
  // ---------------------------------------------------------------- frontend and control
  NOP(def(0, 0).flags(PURE)),
  /** Stores oparg as the frame's instruction index, for exits and escaping uops after it. */
  SET_IP(def(0, 0).kinds(OPARG).flags(SYNTHETIC)),
  /**
   * Exits when something the region depends on changed (a promoted global, a dict's keys, a
   * class): frontends put one where guest code may have run since the last check, after an
   * escaping instruction. Operand: the address of the region's validity word, which the
   * backend fills in (frontends and passes leave it 0); a backend may keep validity elsewhere.
   */
  CHECK_VALIDITY(def(0, 0).kinds(OPERAND, EXIT).flags(SYNTHETIC)),
  /** A loop's safepoint: exits when the GC or a signal is pending. */
  CHECK_PERIODIC(def(0, 0).kinds(EXIT)),
  /**
   * Closes a trace's loop: continues at the trace's {@code _LOOP_HEAD}, or at its first uop
   * when it has none.
   */
  JUMP_TO_TOP(def(0, 0).flags(TERMINATOR, SYNTHETIC)),
  /**
   * Where {@code _JUMP_TO_TOP} continues in a trace whose first iteration was peeled (the uops
   * before it run once, on entry). Does nothing when run. Not PURE: the uops after it may rely
   * on facts the peeled iteration established, so removing it would be wrong (at most one per
   * trace, only in looping traces, outside inlined frames: {@link Trace}, {@link StackDepths}).
   */
  LOOP_HEAD(def(0, 0).flags(SYNTHETIC)),
  /** Ends a trace: leaves through the exit, resuming the interpreter there. */
  EXIT_TRACE(def(0, 0).kinds(EXIT).flags(TERMINATOR, SYNTHETIC)),
  /** Unconditional jump to a block (block regions). */
  JUMP(def(0, 0).kinds(BLOCK).flags(TERMINATOR)),
  /** Replaces TOS with bool(TOS); a frontend inserts it before a branch guard on a non-bool. */
  TO_BOOL(def(1, 1).flags(ESCAPES, SYNTHETIC).produces(TypeFact.BOOL)),
  /**
   * Pushes the operand: a constant or a promoted global (optimizer passes), or the function
   * LOAD_METHOD_TYPE found on its class.
   */
  LOAD_CONST_INLINE(def(0, 1).kinds(OPERAND).flags(PURE)),

  // ---------------------------------------------------------------- stack
  POP_TOP(def(1, 0).flags(PURE)),
  PUSH_NULL(def(0, 1).flags(PURE)),
  COPY(def(o -> o, o -> o + 1).kinds(OPARG).flags(PURE)),
  SWAP(def(o -> o, o -> o).kinds(OPARG).flags(PURE)),

  // ---------------------------------------------------------------- locals, globals, names
  LOAD_CONST(def(0, 1).kinds(OPARG).flags(PURE)),
  /** LOAD_FAST: exits when the local is unbound (the interpreter raises UnboundLocalError). */
  LOAD_FAST_CHECK(def(0, 1).kinds(OPARG, EXIT)),
  /**
   * Pushes a local known to be bound (a parameter, or stored earlier in the region): what a
   * frontend or pass emits instead of _LOAD_FAST_CHECK once it has proved that.
   */
  LOAD_FAST(def(0, 1).kinds(OPARG).flags(PURE, SYNTHETIC)),
  STORE_FAST(def(1, 0).kinds(OPARG)),
  DELETE_FAST(def(0, 0).kinds(OPARG, EXIT)),
  LOAD_CLOSURE(def(0, 1).kinds(OPARG).flags(PURE)),
  LOAD_DEREF(def(0, 1).kinds(OPARG, EXIT)),
  LOAD_CLASSDEREF(def(0, 1).kinds(OPARG).flags(ESCAPES)),
  STORE_DEREF(def(1, 0).kinds(OPARG)),
  DELETE_DEREF(def(0, 0).kinds(OPARG, EXIT)),
  LOAD_GLOBAL(def(0, 1).kinds(OPARG).flags(ESCAPES)),
  /** Operand: the globals dict's keys version (cache 0). */
  GUARD_GLOBALS_VERSION(def(0, 0).kinds(OPERAND, EXIT).flags(GUARD)
      .proves(GuardFact.NOT_ON_STACK, TypeFact.KEYS_VERSION)),
  /** Operand: the builtins dict's keys version (cache 1). */
  GUARD_BUILTINS_VERSION(def(0, 0).kinds(OPERAND, EXIT).flags(GUARD)
      .proves(GuardFact.NOT_ON_STACK, TypeFact.KEYS_VERSION)),
  /** Operand: the entry index (cache 2). Exits when the entry's value was deleted. */
  LOAD_GLOBAL_MODULE(def(0, 1).kinds(OPERAND, EXIT)),
  /** Operand: the entry index in builtins (cache 2). Exits when the value was deleted. */
  LOAD_GLOBAL_BUILTINS(def(0, 1).kinds(OPERAND, EXIT)),
  STORE_GLOBAL(def(1, 0).kinds(OPARG).flags(ESCAPES)),
  DELETE_GLOBAL(def(0, 0).kinds(OPARG).flags(ESCAPES)),
  LOAD_NAME(def(0, 1).kinds(OPARG).flags(ESCAPES)),
  STORE_NAME(def(1, 0).kinds(OPARG).flags(ESCAPES)),
  DELETE_NAME(def(0, 0).kinds(OPARG).flags(ESCAPES)),

  // ---------------------------------------------------------------- attributes
  LOAD_ATTR(def(1, 1).kinds(OPARG).flags(ESCAPES)),
  /** Operand: a type (cache 0); a small int's type is int. */
  GUARD_TYPE(def(1, 1).kinds(OPERAND, EXIT).flags(GUARD).proves(1, TypeFact.TYPE)),
  /** Operand: the type's VERSION (cache 1); follows a GUARD_TYPE on the same value. */
  GUARD_TYPE_VERSION(def(1, 1).kinds(OPERAND, EXIT).flags(GUARD)
      .proves(1, TypeFact.TYPE_VERSION)),
  /**
   * Operand: the shape from the instruction's cache (LOAD_ATTR_INSTANCE and STORE_ATTR_INSTANCE:
   * cache 1; LOAD_METHOD_CLASS: cache 2); oparg: the offset of the attrs header in the instance
   * (the low half of the cached slot word), or 0 to take it from the object's type
   * (ATTR_OFFSET). Follows a GUARD_TYPE on the same value. A frontend leaves the guard out when
   * the cache holds no shape (see CacheOperands.emitted).
   */
  GUARD_SHAPE(def(1, 1).kinds(OPARG, OPERAND, EXIT).flags(GUARD).proves(1, TypeFact.SHAPE)),
  /**
   * Operand: the slot word of the cache (value index high, attrs offset low). Oparg: what the
   * frontend saw as it recorded the load ({@link #FLOAT_SEEN}, {@link #RAW_FLOATS_SEEN}), for
   * allocation-removal. Reads no raw float attribute (a NULL slot, Layout.Array): a load that
   * may is _LOAD_ATTR_SLOT_FLOAT, and the JIT drops code with this uop when a class starts
   * keeping float attributes raw (the Java executor boxes one, as the interpreter does). The
   * exit, at the instruction with the instance on the stack, is for _LOAD_ATTR_SLOT_RAW.
   */
  LOAD_ATTR_SLOT(def(1, 1).kinds(OPARG, OPERAND, EXIT).flags(ALLOCATES)),
  /**
   * _LOAD_ATTR_SLOT of a value that float arithmetic or a float comparison reads next, left raw
   * (allocation-removal; decision 7, "Float attributes"): the IEEE bits of a raw float
   * attribute or of the float in the slot. Exits, changing nothing, for any other value, a
   * small int included (its float arithmetic with another int would make an int).
   */
  LOAD_ATTR_SLOT_RAW(def(1, 1).kinds(OPERAND, EXIT).flags(SYNTHETIC)),
  /**
   * _LOAD_ATTR_SLOT of an attribute that may be a raw float (allocation-removal: its class keeps
   * float attributes raw, or the trace stores some raw): boxes a raw one and keeps the box in
   * its slot, as VM.attrValue does. Never exits.
   */
  LOAD_ATTR_SLOT_FLOAT(def(1, 1).kinds(OPERAND, EXIT).flags(ALLOCATES, SYNTHETIC)),
  /** Operand: the module object (cache 0). */
  CHECK_ATTR_MODULE(def(1, 1).kinds(OPERAND, EXIT).flags(GUARD)
      .proves(1, TypeFact.IDENTITY)),
  /** Operand: the module dict's keys version (cache 1); TOS is the module. */
  GUARD_MODULE_KEYS_VERSION(def(1, 1).kinds(OPERAND, EXIT).flags(GUARD)
      .proves(1, TypeFact.KEYS_VERSION)),
  /** Operand: the entry index (cache 2). Exits when the value was deleted. */
  LOAD_ATTR_MODULE(def(1, 1).kinds(OPERAND, EXIT)),
  STORE_ATTR(def(2, 0).kinds(OPARG).flags(ESCAPES)),
  /**
   * Operand: the new shape (cache 2) or 0 for an existing slot; oparg: the value index. Exits
   * when the values array must grow.
   */
  STORE_ATTR_SLOT(def(2, 0).kinds(OPARG, OPERAND, EXIT)),
  /**
   * _STORE_ATTR_SLOT of a raw float (NOS holds IEEE bits; allocation-removal), which the
   * attribute keeps raw: its slot NULL, the bits in its raw word (Layout.Array). The first raw
   * store into an instance gives it a values array with raw words (which allocates).
   */
  STORE_ATTR_SLOT_RAW(def(2, 0).kinds(OPARG, OPERAND, EXIT).flags(ALLOCATES, SYNTHETIC)),
  DELETE_ATTR(def(1, 0).kinds(OPARG).flags(ESCAPES)),
  LOAD_METHOD(def(1, 2).kinds(OPARG).flags(ESCAPES)),
  /** Operand: the method (cache 3). Replaces obj with (method, obj). */
  LOAD_METHOD_CONST(def(1, 2).kinds(OPERAND).flags(PURE)),
  /**
   * Operand: a program's class's type version (LOAD_METHOD_TYPE's cache 0). TOS is a class
   * whose metaclass is {@code type} and whose version is the operand: that class, since
   * versions of the program's classes are unique, with the attributes it had.
   */
  GUARD_CLASS_VERSION(def(1, 1).kinds(OPERAND, EXIT).flags(GUARD)),

  // ---------------------------------------------------------------- operators
  BINARY_OP(def(2, 1).kinds(OPARG).flags(ESCAPES)),
  GUARD_BOTH_INT(def(2, 2).kinds(EXIT).flags(GUARD)
      .proves(1, TypeFact.INT).proves(2, TypeFact.INT)),
  GUARD_BOTH_FLOAT(def(2, 2).kinds(EXIT).flags(GUARD)
      .proves(1, TypeFact.FLOAT).proves(2, TypeFact.FLOAT)),
  /**
   * Exits unless both are floats, or one is a float and the other a small int: the operands
   * the interpreter's float arithmetic accepts (an int/float mix is common in numeric code, as
   * {@code x / i}). Proves no single slot's type, so it states no fact.
   */
  GUARD_FLOAT_OPERANDS(def(2, 2).kinds(EXIT).flags(GUARD)),
  GUARD_BOTH_STR(def(2, 2).kinds(EXIT).flags(GUARD)
      .proves(1, TypeFact.STR).proves(2, TypeFact.STR)),
  GUARD_TOS_INT(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.INT)),
  GUARD_TOS_TUPLE(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.TUPLE)),
  GUARD_NOS_LIST(def(2, 2).kinds(EXIT).flags(GUARD).proves(2, TypeFact.LIST)),
  GUARD_NOS_TUPLE(def(2, 2).kinds(EXIT).flags(GUARD).proves(2, TypeFact.TUPLE)),
  GUARD_NOS_DICT(def(2, 2).kinds(EXIT).flags(GUARD).proves(2, TypeFact.DICT)),
  /** Exits on overflow out of the 63-bit small int range. */
  BINARY_OP_ADD_INT(def(2, 1).kinds(EXIT).flags(PURE).produces(TypeFact.INT)),
  BINARY_OP_SUBTRACT_INT(def(2, 1).kinds(EXIT).flags(PURE).produces(TypeFact.INT)),
  BINARY_OP_MULTIPLY_INT(def(2, 1).kinds(EXIT).flags(PURE).produces(TypeFact.INT)),
  /** Float arithmetic on what _GUARD_FLOAT_OPERANDS admits (a small int is converted). */
  BINARY_OP_ADD_FLOAT(def(2, 1).flags(PURE, ALLOCATES).produces(TypeFact.FLOAT)),
  BINARY_OP_SUBTRACT_FLOAT(def(2, 1).flags(PURE, ALLOCATES).produces(TypeFact.FLOAT)),
  BINARY_OP_MULTIPLY_FLOAT(def(2, 1).flags(PURE, ALLOCATES).produces(TypeFact.FLOAT)),
  /** Exits on a zero divisor (the interpreter raises ZeroDivisionError). */
  BINARY_OP_TRUE_DIVIDE_FLOAT(def(2, 1).kinds(EXIT).flags(PURE, ALLOCATES)
      .produces(TypeFact.FLOAT)),
  /**
   * The float arithmetic above with unboxed operands or result (emitted by the pass
   * allocation-removal, decision 7). The oparg says which stack slots are <em>raw</em>, holding
   * a double's IEEE bits instead of a tagged value: {@link #RAW_NOS} (a, below), {@link
   * #RAW_TOS} (b, top), {@link #RAW_RESULT}. A raw input is a float by construction; a boxed
   * one is what _GUARD_FLOAT_OPERANDS admits. A raw result allocates nothing; a boxed one
   * allocates as the boxed uop does. Only the uops with raw bits in their oparg read a raw slot
   * (_LOAD_FAST and _STORE_FAST copy one between the stack and a raw local: {@link RawLocals}),
   * and a raw slot or local is never live across a uop that escapes, allocates anything but a
   * float, or changes frames, since the collector scans frames as tagged words: an exit taken
   * while raw words are live names them ({@link Exit#rawSlots()}, {@link Exit#rawLocals()}),
   * and leaving boxes them.
   */
  BINARY_OP_ADD_FLOAT_RAW(def(2, 1).kinds(OPARG).flags(PURE, ALLOCATES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  BINARY_OP_SUBTRACT_FLOAT_RAW(def(2, 1).kinds(OPARG).flags(PURE, ALLOCATES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  BINARY_OP_MULTIPLY_FLOAT_RAW(def(2, 1).kinds(OPARG).flags(PURE, ALLOCATES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  /** Exits on a zero divisor, before anything changes (raw inputs are boxed by the exit). */
  BINARY_OP_TRUE_DIVIDE_FLOAT_RAW(def(2, 1).kinds(OPARG, EXIT)
      .flags(PURE, ALLOCATES, SYNTHETIC).produces(TypeFact.FLOAT)),
  /**
   * Exits unless TOS is an exact float or a small int: _GUARD_FLOAT_OPERANDS when NOS is a raw
   * float (so the pair is admitted exactly when TOS is). Reads TOS only.
   */
  GUARD_TOS_FLOAT_OPERAND(def(1, 1).kinds(EXIT).flags(GUARD, SYNTHETIC)),
  /** As _GUARD_TOS_FLOAT_OPERAND for NOS, when TOS is a raw float (which it does not read). */
  GUARD_NOS_FLOAT_OPERAND(def(2, 2).kinds(EXIT).flags(GUARD, SYNTHETIC)),
  BINARY_OP_ADD_STR(def(2, 1).flags(PURE, ALLOCATES).produces(TypeFact.STR)),
  COMPARE_OP(def(2, 1).kinds(OPARG).flags(ESCAPES)),
  COMPARE_OP_INT(def(2, 1).kinds(OPARG).flags(PURE).produces(TypeFact.BOOL)),
  COMPARE_OP_FLOAT(def(2, 1).kinds(OPARG).flags(PURE).produces(TypeFact.BOOL)),
  /**
   * _COMPARE_OP_FLOAT with raw operands (allocation-removal, decision 7): the oparg is the
   * comparison shifted left by {@link #RAW_COMPARE_SHIFT}, or'ed with {@link #RAW_NOS} and
   * {@link #RAW_TOS} for the operands that are raw (a boxed one is an exact float, as for
   * _COMPARE_OP_FLOAT). The result, a bool, is never raw.
   */
  COMPARE_OP_FLOAT_RAW(def(2, 1).kinds(OPARG).flags(PURE, SYNTHETIC).produces(TypeFact.BOOL)),
  /** Equality and inequality only (the interpreter specializes no other str comparison). */
  COMPARE_OP_STR(def(2, 1).kinds(OPARG).flags(PURE).produces(TypeFact.BOOL)),
  IS_OP(def(2, 1).kinds(OPARG).flags(PURE).produces(TypeFact.BOOL)),
  CONTAINS_OP(def(2, 1).kinds(OPARG).flags(ESCAPES).produces(TypeFact.BOOL)),
  UNARY_POSITIVE(def(1, 1).flags(ESCAPES)),
  UNARY_NEGATIVE(def(1, 1).flags(ESCAPES)),
  UNARY_NOT(def(1, 1).flags(ESCAPES).produces(TypeFact.BOOL)),
  UNARY_INVERT(def(1, 1).flags(ESCAPES)),
  BINARY_SUBSCR(def(2, 1).flags(ESCAPES)),
  /** Exits when the index is out of range (the interpreter raises or handles negatives). */
  BINARY_SUBSCR_LIST_INT(def(2, 1).kinds(EXIT)),
  BINARY_SUBSCR_TUPLE_INT(def(2, 1).kinds(EXIT).flags(PURE)),
  BINARY_SUBSCR_DICT(def(2, 1).flags(ESCAPES)),
  STORE_SUBSCR(def(3, 0).flags(ESCAPES)),
  STORE_SUBSCR_LIST_INT(def(3, 0).kinds(EXIT)),
  STORE_SUBSCR_DICT(def(3, 0).flags(ESCAPES, ALLOCATES)),
  DELETE_SUBSCR(def(2, 0).flags(ESCAPES)),
  BUILD_SLICE(def(o -> o, o -> 1).kinds(OPARG).flags(PURE, ALLOCATES)),

  // ---------------------------------------------------------------- building
  BUILD_TUPLE(def(o -> o, o -> 1).kinds(OPARG).flags(PURE, ALLOCATES)
      .produces(TypeFact.TUPLE)),
  BUILD_LIST(def(o -> o, o -> 1).kinds(OPARG).flags(ALLOCATES).produces(TypeFact.LIST)),
  BUILD_SET(def(o -> o, o -> 1).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  BUILD_MAP(def(o -> 2 * o, o -> 1).kinds(OPARG).flags(ESCAPES, ALLOCATES)
      .produces(TypeFact.DICT)),
  BUILD_CONST_KEY_MAP(def(o -> o + 1, o -> 1).kinds(OPARG).flags(ESCAPES, ALLOCATES)
      .produces(TypeFact.DICT)),
  BUILD_STRING(def(o -> o, o -> 1).kinds(OPARG).flags(PURE, ALLOCATES)
      .produces(TypeFact.STR)),
  LIST_APPEND(def(o -> o + 1, o -> o).kinds(OPARG).flags(ALLOCATES)),
  SET_ADD(def(o -> o + 1, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  MAP_ADD(def(o -> o + 2, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  LIST_EXTEND(def(o -> o + 1, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  SET_UPDATE(def(o -> o + 1, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  DICT_UPDATE(def(o -> o + 1, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  DICT_MERGE(def(o -> o + 1, o -> o).kinds(OPARG).flags(ESCAPES, ALLOCATES)),
  LIST_TO_TUPLE(def(1, 1).flags(PURE, ALLOCATES).produces(TypeFact.TUPLE)),
  FORMAT_VALUE(def(o -> (o & 4) != 0 ? 2 : 1, o -> 1).kinds(OPARG).flags(ESCAPES)
      .produces(TypeFact.STR)),
  UNPACK_SEQUENCE(def(o -> 1, o -> o).kinds(OPARG).flags(ESCAPES)),
  /** Exits unless the tuple has exactly two items (the instruction's oparg is always 2). */
  UNPACK_SEQUENCE_TWO_TUPLE(def(1, 2).kinds(EXIT)),
  UNPACK_EX(def(o -> 1, o -> (o & 0xFF) + (o >> 8) + 1).kinds(OPARG).flags(ESCAPES)),

  // ---------------------------------------------------------------- branches and guards
  /** Block regions: pops TOS and jumps to the target block when it is false. */
  POP_JUMP_IF_FALSE(def(1, 0).kinds(BLOCK).flags(ESCAPES)),
  POP_JUMP_IF_TRUE(def(1, 0).kinds(BLOCK).flags(ESCAPES)),
  POP_JUMP_IF_NONE(def(1, 0).kinds(BLOCK)),
  POP_JUMP_IF_NOT_NONE(def(1, 0).kinds(BLOCK)),
  /** Block regions: jumps keeping TOS when it is false, else pops it and falls through. */
  JUMP_IF_FALSE_OR_POP(def(1, 0).kinds(BLOCK).flags(ESCAPES)),
  JUMP_IF_TRUE_OR_POP(def(1, 0).kinds(BLOCK).flags(ESCAPES)),
  /** Exits unless TOS is True (a non-bool exits too: the interpreter tests its truth). */
  GUARD_IS_TRUE_POP(def(1, 0).kinds(EXIT).flags(GUARD).proves(1, TypeFact.TRUE)),
  GUARD_IS_FALSE_POP(def(1, 0).kinds(EXIT).flags(GUARD).proves(1, TypeFact.FALSE)),
  GUARD_IS_NONE_POP(def(1, 0).kinds(EXIT).flags(GUARD).proves(1, TypeFact.NONE)),
  GUARD_IS_NOT_NONE_POP(def(1, 0).kinds(EXIT).flags(GUARD).proves(1, TypeFact.NOT_NONE)),
  /** Exits unless TOS is True, keeping it (the kept side of JUMP_IF_TRUE_OR_POP). */
  GUARD_IS_TRUE(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.TRUE)),
  GUARD_IS_FALSE(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.FALSE)),

  // ---------------------------------------------------------------- iteration
  GET_ITER(def(1, 1).flags(ESCAPES)),
  /** Block regions: pushes the next item, or pops the iterator and jumps when exhausted. */
  FOR_ITER(def(1, 2).kinds(BLOCK).flags(ESCAPES)),
  /** Traces: pushes the next item; exits when exhausted (the trace follows the loop body). */
  FOR_ITER_TIER_TWO(def(1, 2).kinds(EXIT).flags(ESCAPES)),
  ITER_CHECK_RANGE(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.RANGE_ITER)),
  ITER_CHECK_LIST(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.LIST_ITER)),
  ITER_CHECK_TUPLE(def(1, 1).kinds(EXIT).flags(GUARD).proves(1, TypeFact.TUPLE_ITER)),
  /** Block regions: pops the exhausted iterator and jumps; falls through otherwise. */
  ITER_JUMP_RANGE(def(1, 1).kinds(BLOCK)),
  ITER_JUMP_LIST(def(1, 1).kinds(BLOCK)),
  ITER_JUMP_TUPLE(def(1, 1).kinds(BLOCK)),
  /**
   * Exit when the iterator is exhausted, doing first what the interpreter's FOR_ITER does then
   * (popping the iterator; a list or tuple iterator is also marked exhausted for good): the
   * exit resumes where the FOR_ITER jumps, after the loop, as {@code _FOR_ITER_TIER_TWO}'s
   * does. The interpreter need not redo the FOR_ITER only to leave, and a bridge can start
   * after the loop.
   */
  GUARD_NOT_EXHAUSTED_RANGE(def(1, 1).kinds(EXIT).flags(GUARD)),
  GUARD_NOT_EXHAUSTED_LIST(def(1, 1).kinds(EXIT).flags(GUARD)),
  GUARD_NOT_EXHAUSTED_TUPLE(def(1, 1).kinds(EXIT).flags(GUARD)),
  /**
   * A FOR_ITER's loop-leaving path, for a trace that follows it out of the loop (one that
   * starts at a loop head whose iterator is done, as a bridge of a short loop often does):
   * exits, changing nothing, unless the iterator on top is exhausted (the exit resumes at the
   * FOR_ITER, which then takes the next item); otherwise does what the interpreter's exhausted
   * FOR_ITER does (a list or tuple iterator is marked exhausted for good) and pops it.
   */
  GUARD_EXHAUSTED_RANGE_POP(def(1, 0).kinds(EXIT).flags(GUARD)),
  GUARD_EXHAUSTED_LIST_POP(def(1, 0).kinds(EXIT).flags(GUARD)),
  GUARD_EXHAUSTED_TUPLE_POP(def(1, 0).kinds(EXIT).flags(GUARD)),
  ITER_NEXT_RANGE(def(1, 2).produces(TypeFact.INT)),
  ITER_NEXT_LIST(def(1, 2)),
  ITER_NEXT_TUPLE(def(1, 2)),

  // ---------------------------------------------------------------- calls and frames
  KW_NAMES(def(0, 0).kinds(OPARG)),
  /** Performs the whole call, re-entering the interpreter for a guest function. */
  CALL_GENERIC(def(o -> o + 2, o -> 1).kinds(OPARG).flags(ESCAPES)),
  /** Operand: the callee's function version (cache 0). */
  CHECK_FUNCTION_VERSION(def(o -> o + 2, o -> o + 2).kinds(OPARG, OPERAND, EXIT).flags(GUARD)
      .proves(GuardFact.NOT_ON_STACK, TypeFact.FUNCTION_VERSION)),
  /**
   * Operand: a code object (cache 0 of an observed call). {@code _CHECK_FUNCTION_VERSION} for
   * a call the interpreter left generic: the callable is any function of that code, called
   * with no keyword names and exactly its positional arguments. A closure or comprehension
   * made anew for each call fails an identity guard every time; one of its code does not.
   */
  CHECK_FUNCTION_CODE(def(o -> o + 2, o -> o + 2).kinds(OPARG, OPERAND, EXIT)
      .flags(GUARD, SYNTHETIC)),
  /** Exits when the native frame stack has no room for the callee (or recursion is too deep). */
  CHECK_STACK_SPACE(def(0, 0).kinds(OPARG, OPERAND, EXIT)),
  /**
   * Builds the callee's frame from the arguments; pushes the frame (a raw pointer). The
   * callee is the callable on the stack, which the guard before proved has the operand's code
   * (passes read the operand as the callee's globals and code).
   */
  INIT_CALL_PY_EXACT_ARGS(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND)),
  /** Enters the frame on TOS: the trace continues in the callee. */
  PUSH_FRAME(def(1, 0)),
  /** Returns to the inlined caller, pushing TOS on the caller's stack. */
  POP_FRAME(def(1, 0)),
  /**
   * Operand: a class's type version (cache 0). Exits, changing nothing, unless the call of
   * oparg arguments below the top calls a class with that version, with no method and no
   * keyword names. Versions are unique in a VM and change with any attribute of the class or a
   * base, so the class, its {@code __init__} and its instances' layout are those recorded.
   */
  CHECK_CLASS_VERSION(def(o -> o + 2, o -> o + 2).kinds(OPARG, OPERAND, EXIT).flags(GUARD)),
  /**
   * Allocates an instance of the class the call below the top calls (as the interpreter's
   * class call does) and puts it in place of both the NULL and the class: one copy is the
   * call's result, the other {@code __init__}'s self.
   */
  ALLOCATE_OBJECT(def(o -> o + 2, o -> o + 2).kinds(OPARG).flags(ALLOCATES)),
  /**
   * {@code _INIT_CALL_PY_EXACT_ARGS} for the {@code __init__} function operand (cache 1) of an
   * allocated instance: self and the arguments become its first locals, the frame is flagged
   * so that the interpreter's return yields the instance, and the caller's stack is cut above
   * the instance, which waits there for the return. Leaves the instance and the new frame.
   */
  INIT_CALL_INIT(def(o -> o + 2, o -> 2).kinds(OPARG, OPERAND)),
  /**
   * At the return of an inlined {@code __init__} (the recorder puts it before that return's
   * {@code _POP_FRAME}, and a {@code _POP_TOP} after it): exits, changing nothing, unless the
   * top of the stack is None (the interpreter's return then raises the TypeError).
   */
  GUARD_INIT_RETURNS_NONE(def(1, 1).kinds(EXIT).flags(GUARD, SYNTHETIC)
      .proves(1, TypeFact.NONE)),
  /** Operand: the callee object (cache 1). */
  CHECK_CALLABLE(def(o -> o + 2, o -> o + 2).kinds(OPARG, OPERAND, EXIT).flags(GUARD)
      .proves(GuardFact.NOT_ON_STACK, TypeFact.IDENTITY)),
  /** Calls a built-in function directly (no argument parsing beyond a count check). */
  CALL_BUILTIN(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES)),
  /**
   * {@code _CALL_BUILTIN 1} of the builtin {@code len} (the operand), with a native path for an
   * exact list, tuple, str or dict; any other argument, or keyword names, take the generic call.
   * The {@code intrinsics} pass puts it where the callee is known to be {@code len}.
   */
  CALL_LEN(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.INT)),
  /**
   * {@code _CALL_BUILTIN 1} of the method {@code list.append} called on its receiver (the
   * stack being list.append, self, x): native when self is an exact list, growing its items
   * array inline as {@code _LIST_APPEND} does; anything else (a subclass, keyword names, the
   * unbound form) takes the generic call. As CPython's {@code CALL_LIST_APPEND}.
   */
  CALL_LIST_APPEND(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)),
  /**
   * {@code _CALL_BUILTIN 0} of the method {@code list.pop} called on its receiver (the stack
   * being list.pop, self): native when self is a non-empty exact list that the pop does not
   * shrink (as {@code ListType.pop} would); anything else takes the generic call.
   */
  CALL_LIST_POP(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)),
  /**
   * {@code _CALL_BUILTIN 1} of the type {@code int} (the operand): native for a small int (its
   * own value) and an exact finite float whose truncation is a small int; anything else (a
   * str, a big value, NaN or an infinity, a user {@code __int__}) takes the generic call.
   */
  CALL_INT(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.INT)),
  /**
   * {@code _CALL_BUILTIN 1} of {@code math.floor}: native for a small int (its own floor) and
   * an exact float below 2**62 in magnitude (whose floor is a small int); the rest (NaN:
   * ValueError, an infinity: OverflowError, a user {@code __floor__}) takes the generic call.
   */
  CALL_MATH_FLOOR(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.INT)),
  /**
   * {@code _CALL_BUILTIN 1} of the type {@code tuple} (the operand): native for an exact tuple
   * (itself) and a non-empty exact list (a new tuple of its items, as {@code
   * Sequences.toTuple}); anything else takes the generic call.
   */
  CALL_TUPLE(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)),
  /**
   * {@code _CALL_BUILTIN 1} of the type {@code float} (the operand): native for an exact float
   * (itself) and a small int (a new float, correctly rounded, as {@code NumberTypes.floatOf});
   * anything else takes the generic call.
   */
  CALL_FLOAT(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  /** {@code _CALL_BUILTIN 1} of {@code abs}: native for a small int and an exact float. */
  CALL_ABS(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)),
  /**
   * {@code _CALL_BUILTIN 1} of {@code math.sqrt}: native for a non-negative exact float or small
   * int (IEEE square root, as Java's); the rest (negative: ValueError) takes the generic call.
   */
  CALL_MATH_SQRT(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  /**
   * _CALL_MATH_SQRT 1 of an argument that is a float (allocation-removal writes it only where
   * float arithmetic made the argument, decision 7), with the raw bits of
   * _BINARY_OP_*_FLOAT_RAW: {@link #RAW_TOS} for a raw argument, {@link #RAW_RESULT}. Runs no
   * guest code: a negative argument raises ValueError as math.sqrt does. The operand is
   * math.sqrt, as for _CALL_MATH_SQRT.
   */
  CALL_MATH_SQRT_RAW(def(3, 1).kinds(OPARG, OPERAND).flags(ALLOCATES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  /**
   * {@code _CALL_BUILTIN 1} of {@code math.sin} and of {@code math.cos}: native for a finite
   * exact float or small int, through the C math library's function, the one the interpreter
   * calls; the rest (the infinities: ValueError) takes the generic call.
   */
  CALL_MATH_SIN(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  CALL_MATH_COS(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)
      .produces(TypeFact.FLOAT)),
  /**
   * {@code _CALL_BUILTIN} of the type {@code range} (the operand) with one or two arguments:
   * native for small ints, the rest (a big int, a non-int: TypeError) taking the generic call.
   */
  CALL_RANGE(def(o -> o + 2, o -> 1).kinds(OPARG, OPERAND).flags(ESCAPES, SYNTHETIC)),
  CALL_FUNCTION_EX(def(o -> 3 + (o & 1), o -> 1).kinds(OPARG).flags(ESCAPES)),
  MAKE_FUNCTION(def(o -> 1 + Integer.bitCount(o & 0x0F), o -> 1).kinds(OPARG)
      .flags(ALLOCATES)),
  LOAD_BUILD_CLASS(def(0, 1).flags(ESCAPES)),
  /** Returns from the frame that entered the region; the interpreter continues the caller. */
  RETURN_VALUE(def(1, 0).flags(ESCAPES, TERMINATOR)),

  // ---------------------------------------------------------------- exceptions
  RAISE_VARARGS(def(o -> o, o -> 0).kinds(OPARG).flags(ESCAPES, TERMINATOR)),
  RERAISE(def(o -> o != 0 ? 2 : 1, o -> 0).kinds(OPARG).flags(ESCAPES, TERMINATOR)),
  PUSH_EXC_INFO(def(1, 2)),
  POP_EXCEPT(def(1, 0)),
  CHECK_EXC_MATCH(def(2, 2).flags(ESCAPES).produces(TypeFact.BOOL)),
  LOAD_ASSERTION_ERROR(def(0, 1).flags(PURE)),
  BEFORE_WITH(def(1, 2).flags(ESCAPES)),
  WITH_EXCEPT_START(def(4, 5).flags(ESCAPES)),

  // ---------------------------------------------------------------- generators and imports
  /** Suspends the generator; its frame is resumed by the interpreter. */
  YIELD_VALUE(def(1, 1).flags(ESCAPES, TERMINATOR)),
  /**
   * Traces: FOR_ITER over a suspended generator, resumed in compiled code (decision 9, "Later
   * (session 10)"). The caller waits at the instruction after its FOR_ITER (oparg, its index)
   * with the iterator on its stack; the generator's frame, linked to the caller ({@code
   * Frame.FLAG_GEN_LINKED}) and current, goes on after its yield with None sent; the region
   * leaves for the driver to go on in the generator's resume-site region. Exits, changing
   * nothing, for anything else (another iterator, a generator not suspended at a yield, a
   * handled exception in flight, recursion at its limit): the interpreter's FOR_ITER runs.
   */
  FOR_ITER_GEN(def(1, 1).kinds(OPARG, EXIT).flags(TERMINATOR, SYNTHETIC)),
  /**
   * Traces: YIELD_VALUE (oparg, its index) of a generator frame {@code _FOR_ITER_GEN} linked:
   * the frame stops there, unlinked, the generator suspended, and the value goes onto the
   * waiting caller's stack, whose frame becomes current; the region leaves for the driver to
   * go on where the caller waits. Exits, changing nothing, in a frame Java resumed (an entry
   * frame): the interpreter's yield returns to Java.
   */
  YIELD_GEN(def(1, 0).kinds(OPARG, EXIT).flags(TERMINATOR, SYNTHETIC)),
  GET_YIELD_FROM_ITER(def(1, 1).flags(ESCAPES)),
  /** Block regions: when the receiver returns, pops both and jumps with the return value. */
  SEND(def(2, 2).kinds(BLOCK).flags(ESCAPES)),
  IMPORT_NAME(def(2, 1).kinds(OPARG).flags(ESCAPES)),
  IMPORT_FROM(def(1, 2).kinds(OPARG).flags(ESCAPES)),
  IMPORT_STAR(def(1, 0).flags(ESCAPES));

  /** _LOAD_ATTR_SLOT's oparg bit: its frontend saw a float in the attribute. */
  public static final int FLOAT_SEEN = 1;
  /**
   * _LOAD_ATTR_SLOT's oparg bit: the class the load is compiled for keeps float attributes raw
   * (Layout.TypeFlags.RAW_FLOAT_ATTRS), so the slot may be NULL.
   */
  public static final int RAW_FLOATS_SEEN = 2;
  /** Oparg bit of the _BINARY_OP_*_FLOAT_RAW uops: NOS (the left operand) is raw. */
  public static final int RAW_NOS = 1;
  /** Oparg bit of the _BINARY_OP_*_FLOAT_RAW uops: TOS (the right operand) is raw. */
  public static final int RAW_TOS = 2;
  /** Oparg bit of the _BINARY_OP_*_FLOAT_RAW uops: the result is left raw. */
  public static final int RAW_RESULT = 4;
  /** Where _COMPARE_OP_FLOAT_RAW's oparg keeps the comparison, above its raw bits. */
  public static final int RAW_COMPARE_SHIFT = 3;

  private static final ImmutableMap<String, Uop> BY_NAME;

  static {
    ImmutableMap.Builder<String, Uop> b = ImmutableMap.builder();
    for (Uop u : values()) {
      b.put(u.uopName(), u);
    }
    BY_NAME = b.buildOrThrow();
  }

  private final IntUnaryOperator inputs;
  private final IntUnaryOperator outputs;
  private final boolean fixedStack;
  private final Set<OperandKind> kinds;
  private final Set<UopFlag> flags;
  private final ImmutableList<GuardFact> proves;
  private final TypeFact produces;

  Uop(Def d) {
    this.inputs = d.inputs;
    this.outputs = d.outputs;
    this.fixedStack = d.fixedStack;
    this.kinds = Sets.immutableEnumSet(d.kinds);
    EnumSet<UopFlag> f = EnumSet.copyOf(d.flags);
    // Derived flags, so the table cannot disagree with itself.
    if (d.kinds.contains(EXIT)) {
      f.add(UopFlag.EXIT);
    }
    this.flags = Sets.immutableEnumSet(f);
    this.proves = d.proves.build();
    this.produces = d.produces;
  }

  /** The uop with the given CPython-style name ("_LOAD_FAST"). */
  public static Uop named(String uopName) {
    Uop u = BY_NAME.get(uopName);
    if (u == null) {
      throw new IllegalArgumentException("unknown uop: " + uopName);
    }
    return u;
  }

  /** The uop with the given name, if any. */
  public static Optional<Uop> lookup(String uopName) {
    return Optional.ofNullable(BY_NAME.get(uopName));
  }

  /** The CPython-style name: the constant with a leading underscore ("_GUARD_BOTH_INT"). */
  public String uopName() {
    return "_" + name();
  }

  /** Stack items the uop reads (and removes) for this oparg. */
  public int inputs(int oparg) {
    return inputs.applyAsInt(oparg);
  }

  /** Stack items the uop leaves in place of its inputs, for this oparg. */
  public int outputs(int oparg) {
    return outputs.applyAsInt(oparg);
  }

  /** Net change of the stack depth on the fall-through path. */
  public int stackEffect(int oparg) {
    return outputs(oparg) - inputs(oparg);
  }

  /** True when inputs and outputs do not depend on the oparg. */
  public boolean hasFixedStackEffect() {
    return fixedStack;
  }

  public Set<OperandKind> operandKinds() {
    return kinds;
  }

  public boolean has(OperandKind kind) {
    return kinds.contains(kind);
  }

  public Set<UopFlag> flags() {
    return flags;
  }

  /** Whether the uop is {@code _CALL_BUILTIN} or one of its native forms ({@code _CALL_LEN}). */
  public boolean callsBuiltin() {
    return this == CALL_BUILTIN || this == CALL_LEN || this == CALL_ABS || this == CALL_MATH_SQRT
        || this == CALL_MATH_SIN || this == CALL_MATH_COS || this == CALL_RANGE
        || this == CALL_LIST_APPEND || this == CALL_LIST_POP || this == CALL_INT
        || this == CALL_MATH_FLOOR || this == CALL_TUPLE || this == CALL_FLOAT;
  }

  /**
   * Whether the uop builds an inlined callee's frame for the {@code _PUSH_FRAME} after it,
   * with the callee function as its operand: {@code _INIT_CALL_PY_EXACT_ARGS} or {@code
   * _INIT_CALL_INIT}.
   */
  public boolean initsFrame() {
    return this == INIT_CALL_PY_EXACT_ARGS || this == INIT_CALL_INIT;
  }

  public boolean is(UopFlag flag) {
    return flags.contains(flag);
  }

  /** For a guard, what it proves about its inputs (or the frame); empty for other uops. */
  public ImmutableList<GuardFact> proves() {
    return proves;
  }

  /** What is known of the uop's top output whatever its inputs were, if anything. */
  public Optional<TypeFact> produces() {
    return Optional.ofNullable(produces);
  }

  /** True when the uop's target field is used (an exit index or a block id). */
  public boolean hasTarget() {
    return kinds.contains(EXIT) || kinds.contains(BLOCK);
  }

  // ------------------------------------------------------------------------------ table DSL

  private static Def def(int in, int out) {
    return new Def(o -> in, o -> out, true);
  }

  private static Def def(IntUnaryOperator in, IntUnaryOperator out) {
    return new Def(in, out, false);
  }

  /** One row of the table while the enum is being built. */
  private static final class Def {
    final IntUnaryOperator inputs;
    final IntUnaryOperator outputs;
    final boolean fixedStack;
    final EnumSet<OperandKind> kinds = EnumSet.noneOf(OperandKind.class);
    final EnumSet<UopFlag> flags = EnumSet.noneOf(UopFlag.class);
    final ImmutableList.Builder<GuardFact> proves = ImmutableList.builder();
    TypeFact produces;

    Def(IntUnaryOperator inputs, IntUnaryOperator outputs, boolean fixedStack) {
      this.inputs = inputs;
      this.outputs = outputs;
      this.fixedStack = fixedStack;
    }

    Def kinds(OperandKind... ks) {
      for (OperandKind k : ks) {
        kinds.add(k);
      }
      return this;
    }

    Def flags(UopFlag... fs) {
      for (UopFlag f : fs) {
        flags.add(f);
      }
      return this;
    }

    Def proves(int slot, TypeFact fact) {
      proves.add(new GuardFact(slot, fact));
      return this;
    }

    Def produces(TypeFact fact) {
      produces = fact;
      return this;
    }
  }
}
