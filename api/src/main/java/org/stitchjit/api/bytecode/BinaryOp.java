package org.stitchjit.api.bytecode;

/** BINARY_OP opargs, numbered as CPython 3.11's NB_* constants. */
public final class BinaryOp {
  public static final int ADD = 0;
  public static final int AND = 1;
  public static final int FLOOR_DIVIDE = 2;
  public static final int LSHIFT = 3;
  public static final int MATRIX_MULTIPLY = 4;
  public static final int MULTIPLY = 5;
  public static final int REMAINDER = 6;
  public static final int OR = 7;
  public static final int POWER = 8;
  public static final int RSHIFT = 9;
  public static final int SUBTRACT = 10;
  public static final int TRUE_DIVIDE = 11;
  public static final int XOR = 12;
  /** In-place variants are the plain ones plus this offset (NB_INPLACE_ADD = 13, ...). */
  public static final int INPLACE = 13;

  private static final String[] SYMBOLS = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"
  };
  private static final String[] DUNDERS = {
    "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow", "rshift", "sub",
    "truediv", "xor"
  };

  private BinaryOp() {}

  public static boolean isInplace(int oparg) {
    return oparg >= INPLACE;
  }

  /** The operator without its in-place flag. */
  public static int base(int oparg) {
    return oparg >= INPLACE ? oparg - INPLACE : oparg;
  }

  /** "+" or "+=" as in CPython's error messages. */
  public static String symbol(int oparg) {
    return SYMBOLS[base(oparg)] + (isInplace(oparg) ? "=" : "");
  }

  /** The special-method stem: "add" for __add__, __radd__ and __iadd__. */
  public static String dunderStem(int oparg) {
    return DUNDERS[base(oparg)];
  }
}
