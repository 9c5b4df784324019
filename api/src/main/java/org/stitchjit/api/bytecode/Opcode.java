package org.stitchjit.api.bytecode;

/**
 * The guest bytecode: the single definition shared by the compiler, the interpreter and the
 * JIT frontends.
 *
 * <p>The instruction set follows CPython 3.11 (same names, same stack conventions, same
 * compilation patterns, so {@code python3 -m dis} is a faithful guide), with these
 * differences:
 *
 * <ul>
 *   <li>Code is a sequence of 64-bit <em>units</em>. An instruction is one unit: opcode in bits
 *       0-7, a signed 32-bit oparg in bits 32-63 (no EXTENDED_ARG). It is followed by {@link
 *       #cacheUnits} inline-cache units (zero when emitted) that the interpreter's quickening
 *       fills with what it observed. Units are 64 bits wide so a cache unit holds a native
 *       pointer or a version.
 *   <li>Jump opargs are <em>absolute</em> unit indices of the target instruction.
 *   <li>No RESUME, PRECALL, CACHE, EXTENDED_ARG, MAKE_CELL, COPY_FREE_VARS or RETURN_GENERATOR:
 *       the interpreter creates cells and copies free variables when it sets up a frame, and
 *       calling a code object flagged {@code GENERATOR} returns a generator without running it.
 *   <li>LOAD_GLOBAL does not push NULL; the compiler emits PUSH_NULL where 3.11 sets that bit.
 *   <li>POP_JUMP_FORWARD_IF_X and POP_JUMP_BACKWARD_IF_X are one POP_JUMP_IF_X each (absolute).
 *   <li>No async, pattern matching or annotation opcodes: those constructs are rejected by the
 *       compiler.
 * </ul>
 *
 * <p>Opcodes after {@link #FIRST_SPECIALIZED} never come from the compiler: the interpreter
 * rewrites generic instructions into them in place (quickening) and back when their guard
 * fails. Each specialized form has the same oparg, cache layout and stack effect as its generic
 * family member ({@link #family}).
 */
public enum Opcode {
  // ------------------------------------------------------------------ stack
  NOP(0, 0),
  /** Pops TOS. */
  POP_TOP(0, 0),
  /** Pushes NULL (the empty slot below a callable in the call protocol). */
  PUSH_NULL(0, 0),
  /** Pushes a copy of the oparg-th item from the top (1 = TOS). */
  COPY(0, 0),
  /** Swaps TOS with the oparg-th item from the top (2 = the one below TOS). */
  SWAP(0, 0),

  // ------------------------------------------------------------------ locals, globals, names
  /** Pushes consts[oparg]. */
  LOAD_CONST(0, 0),
  /** Pushes localsplus[oparg]; UnboundLocalError when it is unset (NULL). */
  LOAD_FAST(0, 0),
  STORE_FAST(0, 0),
  DELETE_FAST(0, 0),
  /**
   * Pushes the cell in localsplus[oparg] itself (for building a closure tuple). localsplus is
   * varnames, then cellvars, then freevars.
   */
  LOAD_CLOSURE(0, 0),
  /** Pushes the contents of the cell in localsplus[oparg]; NameError/UnboundLocalError if empty. */
  LOAD_DEREF(0, 0),
  /** In a class body: looks up freevar name in the class namespace first, then the cell. */
  LOAD_CLASSDEREF(0, 0),
  STORE_DEREF(0, 0),
  DELETE_DEREF(0, 0),
  /** Pushes the global (then builtin) names[oparg]. Cache: keys versions and entry index. */
  LOAD_GLOBAL(0, 3),
  STORE_GLOBAL(0, 0),
  DELETE_GLOBAL(0, 0),
  /** names[oparg] from the frame's locals mapping, then globals, then builtins. */
  LOAD_NAME(0, 0),
  STORE_NAME(0, 0),
  DELETE_NAME(0, 0),

  // ------------------------------------------------------------------ attributes
  /** Replaces TOS with getattr(TOS, names[oparg]). Cache: type, shape, slot/value. */
  LOAD_ATTR(0, 3),
  /** TOS.names[oparg] = TOS1; pops both. Cache: type, old shape, new shape, slot. */
  STORE_ATTR(0, 4),
  DELETE_ATTR(0, 0),
  /**
   * Replaces TOS (obj) with two items: (method function, obj) when names[oparg] resolves to a
   * plain function on the type and is not shadowed by an instance attribute; otherwise (NULL,
   * bound attribute). Cache: type, type version, shape, method.
   */
  LOAD_METHOD(0, 4),

  // ------------------------------------------------------------------ operators
  /** TOS1 op TOS; oparg as CPython 3.11's NB_* ({@link BinaryOp}). Cache: counter. */
  BINARY_OP(0, 1),
  /** TOS1 cmp TOS; oparg 0 <, 1 <=, 2 ==, 3 !=, 4 >, 5 >= ({@link CompareOp}). */
  COMPARE_OP(0, 1),
  /** TOS1 is TOS (oparg 1: is not); pushes a bool. */
  IS_OP(0, 0),
  /** TOS1 in TOS (oparg 1: not in); pushes a bool. */
  CONTAINS_OP(0, 0),
  UNARY_POSITIVE(0, 0),
  UNARY_NEGATIVE(0, 0),
  UNARY_NOT(0, 0),
  UNARY_INVERT(0, 0),
  /** TOS1[TOS]. Cache: counter. */
  BINARY_SUBSCR(0, 1),
  /** TOS1[TOS] = TOS2; pops three. Cache: counter. */
  STORE_SUBSCR(0, 1),
  DELETE_SUBSCR(0, 0),
  /** oparg 2: slice(TOS1, TOS); 3: slice(TOS2, TOS1, TOS). */
  BUILD_SLICE(0, 0),

  // ------------------------------------------------------------------ building
  BUILD_TUPLE(0, 0),
  BUILD_LIST(0, 0),
  BUILD_SET(0, 0),
  /** oparg pairs key, value (key pushed first). */
  BUILD_MAP(0, 0),
  /** TOS is a tuple of oparg keys; below it oparg values. */
  BUILD_CONST_KEY_MAP(0, 0),
  /** Concatenates oparg strings. */
  BUILD_STRING(0, 0),
  /** list.append(STACK[-oparg - 1], TOS); pops TOS. (Comprehensions.) */
  LIST_APPEND(0, 0),
  SET_ADD(0, 0),
  /** dict STACK[-oparg - 2][TOS1] = TOS; pops two. */
  MAP_ADD(0, 0),
  /** list.extend(STACK[-oparg - 1], TOS); pops TOS. */
  LIST_EXTEND(0, 0),
  SET_UPDATE(0, 0),
  /** dict.update(STACK[-oparg - 1], TOS); pops TOS. */
  DICT_UPDATE(0, 0),
  /** Like DICT_UPDATE but raises TypeError on duplicate keys (for **kwargs in calls). */
  DICT_MERGE(0, 0),
  LIST_TO_TUPLE(0, 0),
  /**
   * f-string field: (oparg &amp; 3) conversion 0 none, 1 str, 2 repr, 3 ascii; oparg &amp; 4: a
   * format spec is on TOS above the value.
   */
  FORMAT_VALUE(0, 0),
  /** Unpacks TOS into oparg items, pushed so that the first item ends on top. Cache: counter. */
  UNPACK_SEQUENCE(0, 1),
  /** Starred unpacking: low byte = items before the star, high byte = items after. */
  UNPACK_EX(0, 0),

  // ------------------------------------------------------------------ control flow
  JUMP_FORWARD(0, 0),
  /** A loop's backward edge: a safepoint (GC, signals) and the JIT's hot-loop counter. */
  JUMP_BACKWARD(0, 1),
  /** A backward jump that is not a loop edge of user code (yield from's send loop). */
  JUMP_BACKWARD_NO_INTERRUPT(0, 0),
  POP_JUMP_IF_FALSE(0, 0),
  POP_JUMP_IF_TRUE(0, 0),
  POP_JUMP_IF_NONE(0, 0),
  POP_JUMP_IF_NOT_NONE(0, 0),
  /** If TOS is false jump (keeping TOS), else pop. */
  JUMP_IF_FALSE_OR_POP(0, 0),
  JUMP_IF_TRUE_OR_POP(0, 0),
  /** TOS = iter(TOS). */
  GET_ITER(0, 0),
  /**
   * Calls next() on the iterator at TOS and pushes the result; when exhausted, pops the
   * iterator and jumps to oparg. Cache: counter.
   */
  FOR_ITER(0, 1),
  RETURN_VALUE(0, 0),

  // ------------------------------------------------------------------ calls and functions
  /** Sets the keyword names tuple, consts[oparg], for the CALL that follows. */
  KW_NAMES(0, 0),
  /**
   * Stack: [NULL or method, callable or self, oparg args]. The last len(kwnames) args are
   * keyword values. Pushes the result. Cache: counter or class version, and callee. (Where
   * compiled code that returns to this call goes on is the code's resume entry for the unit
   * after it, {@code Layout.Code.resumeEntry}.)
   */
  CALL(0, 2),
  /** Stack: [NULL or func, callable, args tuple, (kwargs dict if oparg &amp; 1)]. */
  CALL_FUNCTION_EX(0, 0),
  /**
   * TOS is the code object; below it, by flag: 0x08 closure tuple, 0x04 annotations (never
   * emitted), 0x02 kw-defaults dict, 0x01 defaults tuple (deepest).
   */
  MAKE_FUNCTION(0, 0),
  /** Pushes builtins.__build_class__. */
  LOAD_BUILD_CLASS(0, 0),

  // ------------------------------------------------------------------ exceptions
  /** oparg 0: re-raise the handled exception; 1: raise TOS; 2: raise TOS1 from TOS. */
  RAISE_VARARGS(0, 0),
  /** Re-raises TOS; if oparg != 0, the lasti saved oparg + 1 slots from the top restores the frame's line. */
  RERAISE(0, 0),
  /** Pushes the previously handled exception below TOS and makes TOS the handled one. */
  PUSH_EXC_INFO(0, 0),
  /** Pops the saved previous exception and makes it the handled exception again. */
  POP_EXCEPT(0, 0),
  /** TOS is an exception type (or tuple); TOS1 the exception: replaces TOS with the match. */
  CHECK_EXC_MATCH(0, 0),
  /** Pushes AssertionError. */
  LOAD_ASSERTION_ERROR(0, 0),
  /** TOS = context manager: pushes its bound __exit__, then the result of __enter__(). */
  BEFORE_WITH(0, 0),
  /** Stack [exit, lasti, prev_exc, exc]: pushes exit(type(exc), exc, tb). */
  WITH_EXCEPT_START(0, 0),

  // ------------------------------------------------------------------ generators
  /** Suspends the generator yielding TOS; on resumption the sent value is pushed. */
  YIELD_VALUE(0, 0),
  /** TOS = iter(TOS) unless it already is a generator. */
  GET_YIELD_FROM_ITER(0, 0),
  /**
   * Stack [receiver, value]: sends value into receiver. If it yields, replaces value with the
   * yielded item and continues; if it returns, pops both, pushes the return value and jumps to
   * oparg.
   */
  SEND(0, 0),

  // ------------------------------------------------------------------ imports
  /** Stack [level, fromlist]: imports names[oparg], pushes the module. */
  IMPORT_NAME(0, 0),
  /** Pushes getattr(TOS, names[oparg]) (TOS stays), ImportError if missing. */
  IMPORT_FROM(0, 0),
  /** from TOS import *; pops TOS. */
  IMPORT_STAR(0, 0),

  // ================================================================== specialized
  BINARY_OP_ADD_INT(1, 1, BINARY_OP),
  BINARY_OP_SUBTRACT_INT(1, 1, BINARY_OP),
  BINARY_OP_MULTIPLY_INT(1, 1, BINARY_OP),
  BINARY_OP_ADD_FLOAT(1, 1, BINARY_OP),
  BINARY_OP_SUBTRACT_FLOAT(1, 1, BINARY_OP),
  BINARY_OP_MULTIPLY_FLOAT(1, 1, BINARY_OP),
  BINARY_OP_TRUE_DIVIDE_FLOAT(1, 1, BINARY_OP),
  BINARY_OP_ADD_STR(1, 1, BINARY_OP),
  COMPARE_OP_INT(1, 1, COMPARE_OP),
  COMPARE_OP_FLOAT(1, 1, COMPARE_OP),
  COMPARE_OP_STR(1, 1, COMPARE_OP),
  BINARY_SUBSCR_LIST_INT(1, 1, BINARY_SUBSCR),
  BINARY_SUBSCR_TUPLE_INT(1, 1, BINARY_SUBSCR),
  BINARY_SUBSCR_DICT(1, 1, BINARY_SUBSCR),
  STORE_SUBSCR_LIST_INT(1, 1, STORE_SUBSCR),
  STORE_SUBSCR_DICT(1, 1, STORE_SUBSCR),
  LOAD_GLOBAL_MODULE(1, 3, LOAD_GLOBAL),
  LOAD_GLOBAL_BUILTIN(1, 3, LOAD_GLOBAL),
  LOAD_ATTR_INSTANCE(1, 3, LOAD_ATTR),
  LOAD_ATTR_MODULE(1, 3, LOAD_ATTR),
  STORE_ATTR_INSTANCE(1, 4, STORE_ATTR),
  LOAD_METHOD_CLASS(1, 4, LOAD_METHOD),
  LOAD_METHOD_BUILTIN(1, 4, LOAD_METHOD),
  /**
   * LOAD_METHOD whose receiver is a class of the program (its metaclass {@code type}) and whose
   * attribute is a plain function, as in {@code Base.__init__(self, x)}: pushes (NULL, the
   * function), as the generic instruction does for a class. Cache 0: the class's type version
   * (unique to the class, and changed by any change to it or a base); cache 1: the function.
   */
  LOAD_METHOD_TYPE(1, 4, LOAD_METHOD),
  CALL_PY_EXACT_ARGS(1, 2, CALL),
  CALL_BUILTIN(1, 2, CALL),
  /**
   * A call of a plain class whose {@code __init__} is a simple Python function: allocates the
   * instance and enters {@code __init__} in a frame whose return yields the instance (CPython
   * 3.13's instruction of the same name). Cache 0: the class's type version; cache 1: the
   * {@code __init__} function.
   */
  CALL_ALLOC_AND_ENTER_INIT(1, 2, CALL),
  FOR_ITER_RANGE(1, 1, FOR_ITER),
  FOR_ITER_LIST(1, 1, FOR_ITER),
  FOR_ITER_TUPLE(1, 1, FOR_ITER),
  UNPACK_SEQUENCE_TWO_TUPLE(1, 1, UNPACK_SEQUENCE),
  /**
   * A backward jump whose loop has compiled code: the JIT driver installs it in place of
   * JUMP_BACKWARD (as CPython does) and restores the jump when the code is invalidated. Its
   * oparg is the index of the executor in the code object's executor table, not a target; the
   * target is kept in the executor.
   */
  ENTER_EXECUTOR(1, 1, JUMP_BACKWARD);

  /** The first opcode the compiler never emits. */
  public static final Opcode FIRST_SPECIALIZED = BINARY_OP_ADD_INT;

  private static final Opcode[] VALUES = values();

  /** Number of inline-cache units that follow the instruction. */
  public final int cacheUnits;

  private final boolean specialized;
  private final Opcode family;

  Opcode(int specialized, int cacheUnits) {
    this(specialized, cacheUnits, null);
  }

  Opcode(int specialized, int cacheUnits, Opcode family) {
    this.specialized = specialized != 0;
    this.cacheUnits = cacheUnits;
    this.family = family;
  }

  public static Opcode of(int code) {
    return VALUES[code];
  }

  /** The opcode's number in the low byte of an instruction unit. */
  public int code() {
    return ordinal();
  }

  public boolean isSpecialized() {
    return specialized;
  }

  /** The generic instruction this one specializes (itself for a generic one). */
  public Opcode family() {
    return family == null ? this : family;
  }

  /** Size of the instruction including its caches, in units. */
  public int size() {
    return 1 + cacheUnits;
  }

  public boolean isJump() {
    return switch (family()) {
      case JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, POP_JUMP_IF_FALSE,
          POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, JUMP_IF_FALSE_OR_POP,
          JUMP_IF_TRUE_OR_POP, FOR_ITER, SEND -> true;
      default -> false;
    };
  }

  /** True when control never falls through to the next instruction. */
  public boolean isTerminator() {
    return switch (family()) {
      case JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, RETURN_VALUE, RAISE_VARARGS,
          RERAISE -> true;
      default -> false;
    };
  }

  /**
   * Net change of the stack depth, as CPython's {@code dis.stack_effect}: {@code jump} selects
   * the effect when the branch is taken (for jumps) .
   */
  public int stackEffect(int oparg, boolean jump) {
    return switch (family()) {
      case NOP, JUMP_FORWARD, JUMP_BACKWARD, JUMP_BACKWARD_NO_INTERRUPT, SWAP, UNARY_POSITIVE,
          UNARY_NEGATIVE, UNARY_NOT, UNARY_INVERT, GET_ITER, GET_YIELD_FROM_ITER, LIST_TO_TUPLE,
          LOAD_ATTR, DELETE_FAST, DELETE_DEREF, DELETE_GLOBAL, DELETE_NAME, KW_NAMES,
          CHECK_EXC_MATCH, YIELD_VALUE -> 0;
      case POP_TOP, RETURN_VALUE, STORE_FAST, STORE_DEREF, STORE_GLOBAL, STORE_NAME,
          DELETE_ATTR, BINARY_OP, COMPARE_OP, IS_OP, CONTAINS_OP, BINARY_SUBSCR, LIST_APPEND,
          SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE, POP_JUMP_IF_FALSE,
          POP_JUMP_IF_TRUE, POP_JUMP_IF_NONE, POP_JUMP_IF_NOT_NONE, IMPORT_NAME, IMPORT_STAR,
          POP_EXCEPT -> -1;
      case PUSH_NULL, COPY, LOAD_CONST, LOAD_FAST, LOAD_CLOSURE, LOAD_DEREF, LOAD_CLASSDEREF,
          LOAD_GLOBAL, LOAD_NAME, LOAD_METHOD, LOAD_BUILD_CLASS, LOAD_ASSERTION_ERROR,
          PUSH_EXC_INFO, BEFORE_WITH, IMPORT_FROM, WITH_EXCEPT_START -> 1;
      case STORE_ATTR, MAP_ADD, DELETE_SUBSCR -> -2;
      case STORE_SUBSCR -> -3;
      case BUILD_SLICE -> 1 - oparg;
      case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING -> 1 - oparg;
      case BUILD_MAP -> 1 - 2 * oparg;
      case BUILD_CONST_KEY_MAP -> -oparg;
      case FORMAT_VALUE -> (oparg & 4) != 0 ? -1 : 0;
      case UNPACK_SEQUENCE -> oparg - 1;
      case UNPACK_EX -> (oparg & 0xFF) + (oparg >> 8);
      case JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> jump ? 0 : -1;
      case FOR_ITER -> jump ? -1 : 1;
      case SEND -> jump ? -1 : 0;
      case CALL -> -1 - oparg;
      case CALL_FUNCTION_EX -> -2 - (oparg & 1);
      case MAKE_FUNCTION -> -Integer.bitCount(oparg & 0x0F);
      case RAISE_VARARGS -> -oparg;
      case RERAISE -> -1 - (oparg != 0 ? 1 : 0);
      default -> throw new IllegalStateException("no stack effect for " + this);
    };
  }

  /** Decodes the opcode of an instruction unit. */
  public static int opcodeOf(long unit) {
    return (int) (unit & 0xFF);
  }

  /** Decodes the oparg of an instruction unit. */
  public static int opargOf(long unit) {
    return (int) (unit >> 32);
  }

  public static long encode(Opcode op, int oparg) {
    return ((long) oparg << 32) | op.code();
  }

  public static long encode(int opcode, int oparg) {
    return ((long) oparg << 32) | (opcode & 0xFF);
  }
}
