package org.stitchjit.api.bytecode;

/** COMPARE_OP opargs, numbered as CPython's Py_LT ... Py_GE. */
public final class CompareOp {
  public static final int LT = 0;
  public static final int LE = 1;
  public static final int EQ = 2;
  public static final int NE = 3;
  public static final int GT = 4;
  public static final int GE = 5;

  private static final String[] SYMBOLS = {"<", "<=", "==", "!=", ">", ">="};
  private static final String[] DUNDERS = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
  private static final int[] SWAPPED = {GT, GE, EQ, NE, LT, LE};

  private CompareOp() {}

  public static String symbol(int op) {
    return SYMBOLS[op];
  }

  public static String dunder(int op) {
    return DUNDERS[op];
  }

  /** The operator to try on the right operand: a &lt; b is b &gt; a. */
  public static int swapped(int op) {
    return SWAPPED[op];
  }

  /** Applies the comparison to the sign of a three-way compare result. */
  public static boolean test(int op, int cmp) {
    return switch (op) {
      case LT -> cmp < 0;
      case LE -> cmp <= 0;
      case EQ -> cmp == 0;
      case NE -> cmp != 0;
      case GT -> cmp > 0;
      case GE -> cmp >= 0;
      default -> throw new IllegalArgumentException("compare op " + op);
    };
  }

  /** The comparison of two doubles as IEEE 754 (and Python) define it: with a NaN only != holds. */
  public static boolean test(int op, double x, double y) {
    return switch (op) {
      case LT -> x < y;
      case LE -> x <= y;
      case EQ -> x == y;
      case NE -> x != y;
      case GT -> x > y;
      default -> x >= y;
    };
  }
}
