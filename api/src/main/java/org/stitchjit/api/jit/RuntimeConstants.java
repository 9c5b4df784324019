package org.stitchjit.api.jit;

/**
 * Values a VM fixes when it starts and native code may embed: the addresses of the singletons
 * and of built-in types. A backend asks {@link CompileContext#service} for it; the copy-and-patch
 * backend fills its {@code _JIT_CONST_<NAME>} holes from it.
 */
public interface RuntimeConstants {

  /** {@code True}, {@code False}, {@code None}: their addresses. */
  String TRUE = "TRUE";
  String FALSE = "FALSE";
  String NONE = "NONE";
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

  /**
   * The value of the named constant.
   *
   * @throws IllegalArgumentException for a name this VM does not know
   */
  long runtimeConstant(String name);
}
