package org.stitchjit.api.jit;

/**
 * Values a VM fixes when it starts and native code may embed: the addresses of the singletons,
 * of built-in types and of the allocator's native state. None is 0. A backend asks {@link CompileContext#service} for it; the copy-and-patch
 * backend fills its {@code _JIT_CONST_<NAME>} holes from it.
 */
public interface RuntimeConstants {

  /** {@code True}, {@code False}, {@code None}: their addresses. */
  String TRUE = "TRUE";
  String FALSE = "FALSE";
  String NONE = "NONE";
  /** The built-in type {@code range}. */
  String RANGE_TYPE = "RANGE_TYPE";
  /** The exact type of {@code iter(range(...))}. */
  String RANGE_ITERATOR_TYPE = "RANGE_ITERATOR_TYPE";
  /** The exact types of {@code iter(list)} and {@code iter(tuple)}. */
  String LIST_ITERATOR_TYPE = "LIST_ITERATOR_TYPE";
  String TUPLE_ITERATOR_TYPE = "TUPLE_ITERATOR_TYPE";
  /** The built-in types {@code int} (a small int's type), {@code float}, {@code list}, {@code
   * tuple}. */
  String INT_TYPE = "INT_TYPE";
  String FLOAT_TYPE = "FLOAT_TYPE";
  String LIST_TYPE = "LIST_TYPE";
  String TUPLE_TYPE = "TUPLE_TYPE";
  /** The built-in types {@code str}, {@code dict} and {@code set}. */
  String STR_TYPE = "STR_TYPE";
  String DICT_TYPE = "DICT_TYPE";
  String SET_TYPE = "SET_TYPE";
  /**
   * The interned str {@code '__name__'}: a module's dict has it as its first key, where a new
   * function finds its {@code __module__}.
   */
  String DUNDER_NAME = "DUNDER_NAME";
  /** The type of Python functions. */
  String FUNCTION_TYPE = "FUNCTION_TYPE";
  /** The type of the cells a frame's cell variables live in. */
  String CELL_TYPE = "CELL_TYPE";
  /** The type of generators. */
  String GENERATOR_TYPE = "GENERATOR_TYPE";
  /** {@code type}: the type of every class. */
  String TYPE_TYPE = "TYPE_TYPE";
  /**
   * Inline allocation of a float: the address of the free-list head word of the size class
   * floats come from (the list is threaded through the cells' first words and ends with 0), the
   * address of the heap's {@code Layout.HeapControl} block, and the size of a float's cell in
   * bytes (what an allocation adds to the byte counters; a value, not an address).
   */
  String FLOAT_FREE_LIST = "FLOAT_FREE_LIST";
  String HEAP_CONTROL = "HEAP_CONTROL";
  String FLOAT_CELL_BYTES = "FLOAT_CELL_BYTES";
  /**
   * Inline allocation of small objects: the address of the heap's array of free-list heads,
   * one word per size class (Layout.HeapControl.CELL_CLASSES says which class a size takes),
   * and the type of the arrays that hold instances' attribute values.
   */
  String FREE_LIST_HEADS = "FREE_LIST_HEADS";
  String ARRAY_TYPE = "ARRAY_TYPE";

  /**
   * The value of the named constant.
   *
   * @throws IllegalArgumentException for a name this VM does not know
   */
  long runtimeConstant(String name);
}
