package org.stitchjit.api.uop;

import static org.stitchjit.api.uop.Uop.*;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Maps;
import java.util.EnumMap;
import java.util.Map;
import org.stitchjit.api.bytecode.Opcode;

/**
 * The uop expansion of every bytecode, generic and specialized. A specialized instruction
 * expands to its guards followed by its fast operation, the same checks the interpreter makes
 * (so a failed guard resumes at the instruction, which the interpreter then runs generically);
 * a generic one is one escaping uop of the same name that performs the runtime's generic
 * operation. Unit tests check that every opcode has an expansion whose stack effect matches
 * {@link Opcode#stackEffect} on each path.
 */
public final class Expansions {
  // Filled once by define() and then frozen.
  private static final Map<Opcode, Expansion> BUILDING = new EnumMap<>(Opcode.class);
  private static final ImmutableMap<Opcode, Expansion> TABLE;

  static {
    for (Opcode op : Opcode.values()) {
      define(op);
    }
    TABLE = Maps.immutableEnumMap(BUILDING);
  }

  private Expansions() {}

  /** The expansion of {@code op}; every opcode has one. */
  public static Expansion of(Opcode op) {
    Expansion e = TABLE.get(op);
    if (e == null) {
      throw new IllegalStateException("no expansion for " + op);
    }
    return e;
  }

  private static void define(Opcode op) {
    switch (op) {
      // A straight-line instruction named after its uop (generic or trivially fast).
      case NOP, POP_TOP, PUSH_NULL, COPY, SWAP, LOAD_CONST, STORE_FAST, DELETE_FAST,
          LOAD_CLOSURE, LOAD_DEREF, LOAD_CLASSDEREF, STORE_DEREF, DELETE_DEREF, LOAD_GLOBAL,
          STORE_GLOBAL, DELETE_GLOBAL, LOAD_NAME, STORE_NAME, DELETE_NAME, LOAD_ATTR,
          STORE_ATTR, DELETE_ATTR, LOAD_METHOD, BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP,
          UNARY_POSITIVE, UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT, BINARY_SUBSCR, STORE_SUBSCR,
          DELETE_SUBSCR, BUILD_SLICE, BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_MAP,
          BUILD_CONST_KEY_MAP, BUILD_STRING, LIST_APPEND, SET_ADD, MAP_ADD, LIST_EXTEND,
          SET_UPDATE, DICT_UPDATE, DICT_MERGE, LIST_TO_TUPLE, FORMAT_VALUE, UNPACK_SEQUENCE,
          UNPACK_EX, GET_ITER, KW_NAMES, CALL_FUNCTION_EX, MAKE_FUNCTION, LOAD_BUILD_CLASS,
          PUSH_EXC_INFO, POP_EXCEPT, CHECK_EXC_MATCH, LOAD_ASSERTION_ERROR, BEFORE_WITH,
          WITH_EXCEPT_START, GET_YIELD_FROM_ITER, IMPORT_NAME, IMPORT_FROM, IMPORT_STAR ->
          linear(op, Uop.valueOf(op.name()));
      case CALL -> linear(op, CALL_GENERIC);
      case LOAD_FAST -> linear(op, LOAD_FAST_CHECK);

      // Instructions that leave the frame: a trace cannot continue past them (a return from
      // an inlined call is the exception, see RETURN_VALUE).
      case RAISE_VARARGS -> put(op, list(Uop.RAISE_VARARGS), null, null);
      case RERAISE -> put(op, list(Uop.RERAISE), null, null);
      case YIELD_VALUE -> put(op, list(Uop.YIELD_VALUE), null, null);
      case RETURN_VALUE -> put(op, list(Uop.RETURN_VALUE), list(POP_FRAME), null);

      // Jumps.
      case JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT -> put(op, list(JUMP), null, list());
      case JUMP_BACKWARD -> put(op, list(CHECK_PERIODIC, JUMP), null, list(CHECK_PERIODIC));
      case POP_JUMP_IF_FALSE ->
          put(op, list(Uop.POP_JUMP_IF_FALSE), list(GUARD_IS_TRUE_POP), list(GUARD_IS_FALSE_POP));
      case POP_JUMP_IF_TRUE ->
          put(op, list(Uop.POP_JUMP_IF_TRUE), list(GUARD_IS_FALSE_POP), list(GUARD_IS_TRUE_POP));
      case POP_JUMP_IF_NONE -> put(op, list(Uop.POP_JUMP_IF_NONE), list(GUARD_IS_NOT_NONE_POP),
          list(GUARD_IS_NONE_POP));
      case POP_JUMP_IF_NOT_NONE -> put(op, list(Uop.POP_JUMP_IF_NOT_NONE),
          list(GUARD_IS_NONE_POP), list(GUARD_IS_NOT_NONE_POP));
      case JUMP_IF_FALSE_OR_POP -> put(op, list(Uop.JUMP_IF_FALSE_OR_POP),
          list(GUARD_IS_TRUE_POP), list(GUARD_IS_FALSE));
      case JUMP_IF_TRUE_OR_POP -> put(op, list(Uop.JUMP_IF_TRUE_OR_POP),
          list(GUARD_IS_FALSE_POP), list(GUARD_IS_TRUE));
      // Traces follow loop bodies (as in CPython); the specialized forms can also follow a
      // loop out, when the trace meets the FOR_ITER with its iterator done.
      case FOR_ITER -> put(op, list(Uop.FOR_ITER), list(FOR_ITER_TIER_TWO), null);
      case FOR_ITER_RANGE -> put(op, list(ITER_CHECK_RANGE, ITER_JUMP_RANGE, ITER_NEXT_RANGE),
          list(ITER_CHECK_RANGE, GUARD_NOT_EXHAUSTED_RANGE, ITER_NEXT_RANGE),
          list(ITER_CHECK_RANGE, GUARD_EXHAUSTED_RANGE_POP));
      case FOR_ITER_LIST -> put(op, list(ITER_CHECK_LIST, ITER_JUMP_LIST, ITER_NEXT_LIST),
          list(ITER_CHECK_LIST, GUARD_NOT_EXHAUSTED_LIST, ITER_NEXT_LIST),
          list(ITER_CHECK_LIST, GUARD_EXHAUSTED_LIST_POP));
      case FOR_ITER_TUPLE -> put(op, list(ITER_CHECK_TUPLE, ITER_JUMP_TUPLE, ITER_NEXT_TUPLE),
          list(ITER_CHECK_TUPLE, GUARD_NOT_EXHAUSTED_TUPLE, ITER_NEXT_TUPLE),
          list(ITER_CHECK_TUPLE, GUARD_EXHAUSTED_TUPLE_POP));
      // Another region's entry: a trace ends before it and the exit resumes there, so the
      // interpreter enters that region next (traces link through the loop heads they meet).
      case ENTER_EXECUTOR -> put(op, list(CHECK_PERIODIC, JUMP), null, null);
      // A generator's send loop is not traced.
      case SEND -> put(op, list(Uop.SEND), null, null);

      // Specialized forms: guards, then the fast operation.
      case BINARY_OP_ADD_INT -> linear(op, GUARD_BOTH_INT, Uop.BINARY_OP_ADD_INT);
      case BINARY_OP_SUBTRACT_INT -> linear(op, GUARD_BOTH_INT, Uop.BINARY_OP_SUBTRACT_INT);
      case BINARY_OP_MULTIPLY_INT -> linear(op, GUARD_BOTH_INT, Uop.BINARY_OP_MULTIPLY_INT);
      case BINARY_OP_ADD_FLOAT -> linear(op, GUARD_FLOAT_OPERANDS, Uop.BINARY_OP_ADD_FLOAT);
      case BINARY_OP_SUBTRACT_FLOAT ->
          linear(op, GUARD_FLOAT_OPERANDS, Uop.BINARY_OP_SUBTRACT_FLOAT);
      case BINARY_OP_MULTIPLY_FLOAT ->
          linear(op, GUARD_FLOAT_OPERANDS, Uop.BINARY_OP_MULTIPLY_FLOAT);
      case BINARY_OP_TRUE_DIVIDE_FLOAT ->
          linear(op, GUARD_FLOAT_OPERANDS, Uop.BINARY_OP_TRUE_DIVIDE_FLOAT);
      case BINARY_OP_ADD_STR -> linear(op, GUARD_BOTH_STR, Uop.BINARY_OP_ADD_STR);
      case COMPARE_OP_INT -> linear(op, GUARD_BOTH_INT, Uop.COMPARE_OP_INT);
      case COMPARE_OP_FLOAT -> linear(op, GUARD_BOTH_FLOAT, Uop.COMPARE_OP_FLOAT);
      case COMPARE_OP_STR -> linear(op, GUARD_BOTH_STR, Uop.COMPARE_OP_STR);
      case BINARY_SUBSCR_LIST_INT ->
          linear(op, GUARD_TOS_INT, GUARD_NOS_LIST, Uop.BINARY_SUBSCR_LIST_INT);
      case BINARY_SUBSCR_TUPLE_INT ->
          linear(op, GUARD_TOS_INT, GUARD_NOS_TUPLE, Uop.BINARY_SUBSCR_TUPLE_INT);
      case BINARY_SUBSCR_DICT -> linear(op, GUARD_NOS_DICT, Uop.BINARY_SUBSCR_DICT);
      case STORE_SUBSCR_LIST_INT ->
          linear(op, GUARD_TOS_INT, GUARD_NOS_LIST, Uop.STORE_SUBSCR_LIST_INT);
      case STORE_SUBSCR_DICT -> linear(op, GUARD_NOS_DICT, Uop.STORE_SUBSCR_DICT);
      case LOAD_GLOBAL_MODULE -> linear(op, GUARD_GLOBALS_VERSION, Uop.LOAD_GLOBAL_MODULE);
      case LOAD_GLOBAL_BUILTIN ->
          linear(op, GUARD_GLOBALS_VERSION, GUARD_BUILTINS_VERSION, LOAD_GLOBAL_BUILTINS);
      case LOAD_ATTR_INSTANCE -> linear(op, GUARD_TYPE, GUARD_SHAPE, LOAD_ATTR_SLOT);
      case LOAD_ATTR_MODULE ->
          linear(op, CHECK_ATTR_MODULE, GUARD_MODULE_KEYS_VERSION, Uop.LOAD_ATTR_MODULE);
      case STORE_ATTR_INSTANCE -> linear(op, GUARD_TYPE, GUARD_SHAPE, STORE_ATTR_SLOT);
      // The shape guard proves no instance attribute shadows the method; a frontend drops
      // it when the cache holds no shape (instances of the class have no attributes).
      case LOAD_METHOD_CLASS ->
          linear(op, GUARD_TYPE, GUARD_TYPE_VERSION, GUARD_SHAPE, LOAD_METHOD_CONST);
      case LOAD_METHOD_BUILTIN -> linear(op, GUARD_TYPE, GUARD_TYPE_VERSION, LOAD_METHOD_CONST);
      // The class is what the version names, so its function is a constant.
      case LOAD_METHOD_TYPE ->
          linear(op, GUARD_CLASS_VERSION, POP_TOP, PUSH_NULL, LOAD_CONST_INLINE);
      // In a block region the pushed frame runs in the interpreter (or the callee's own
      // code); in a trace the recorder follows into the callee.
      case CALL_PY_EXACT_ARGS -> linear(op, CHECK_FUNCTION_VERSION, CHECK_STACK_SPACE,
          INIT_CALL_PY_EXACT_ARGS, PUSH_FRAME);
      case CALL_ALLOC_AND_ENTER_INIT -> linear(op, CHECK_CLASS_VERSION, CHECK_STACK_SPACE,
          ALLOCATE_OBJECT, INIT_CALL_INIT, PUSH_FRAME);
      case CALL_BUILTIN -> linear(op, CHECK_CALLABLE, Uop.CALL_BUILTIN);
      case UNPACK_SEQUENCE_TWO_TUPLE ->
          linear(op, GUARD_TOS_TUPLE, Uop.UNPACK_SEQUENCE_TWO_TUPLE);
      default -> throw new IllegalStateException("no expansion defined for " + op);
    }
  }

  private static void linear(Opcode op, Uop... uops) {
    ImmutableList<Uop> l = ImmutableList.copyOf(uops);
    put(op, l, l, null);
  }

  private static void put(Opcode op, ImmutableList<Uop> uops, ImmutableList<Uop> fallThrough,
      ImmutableList<Uop> jumped) {
    BUILDING.put(op, new Expansion(op, uops, fallThrough, jumped));
  }

  private static ImmutableList<Uop> list(Uop... uops) {
    return ImmutableList.copyOf(uops);
  }
}
