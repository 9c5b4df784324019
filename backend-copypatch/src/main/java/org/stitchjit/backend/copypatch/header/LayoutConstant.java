package org.stitchjit.backend.copypatch.header;

import java.util.Objects;

/**
 * One Java layout constant as it appears in the C header.
 *
 * @param group the Java class it comes from, as source code names it ({@code Layout.Frame}); the
 *     header emits one block per group
 * @param macro the C macro name ({@code STITCH_FRAME_CODE})
 * @param value the constant's value
 * @param wide whether the Java constant is a {@code long}; a wide constant becomes an {@code
 *     INT64_C} literal so that C arithmetic on it happens in 64 bits, as it does in Java
 */
record LayoutConstant(String group, String macro, long value, boolean wide) {

  LayoutConstant {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(macro, "macro");
    if (!wide && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      throw new IllegalArgumentException(macro + " = " + value + " does not fit an int");
    }
  }

  /** The value as a C integer constant expression of the same type and value as in Java. */
  String cLiteral() {
    return wide ? int64Literal(value) : intLiteral((int) value);
  }

  /**
   * A C expression of type {@code int64_t} with this value. The most negative value has no
   * literal of its own (its magnitude overflows), so it is written as a subtraction.
   */
  static String int64Literal(long value) {
    if (value == Long.MIN_VALUE) {
      return "(-INT64_C(9223372036854775807) - 1)";
    }
    return value < 0 ? "(-INT64_C(" + -value + "))" : "INT64_C(" + value + ")";
  }

  /** A C expression of type {@code int} with this value; see {@link #int64Literal}. */
  static String intLiteral(int value) {
    if (value == Integer.MIN_VALUE) {
      return "(-2147483647 - 1)";
    }
    return value < 0 ? "(-" + -value + ")" : Integer.toString(value);
  }
}
