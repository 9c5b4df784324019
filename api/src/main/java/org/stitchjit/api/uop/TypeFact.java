package org.stitchjit.api.uop;

/**
 * What a guard proves about a value, in the vocabulary the optimizer's type propagation and
 * the LBBV frontend's type contexts share. A fact that {@link #usesOperand() uses the operand}
 * is parameterized by the guard's 64-bit operand (the shape, type or version it compared
 * against); the others are plain kinds.
 */
public enum TypeFact {
  /** A small int (tagged word with the low bit set). */
  INT(false),
  /** A boxed float. */
  FLOAT(false),
  STR(false),
  LIST(false),
  TUPLE(false),
  DICT(false),
  NONE(false),
  NOT_NONE(false),
  /** True or False. */
  BOOL(false),
  TRUE(false),
  FALSE(false),
  RANGE_ITER(false),
  LIST_ITER(false),
  TUPLE_ITER(false),
  /** The value is exactly the object whose address is the operand (a module, a callee). */
  IDENTITY(true),
  /** The value's type is the type whose address is the operand. */
  TYPE(true),
  /** The value is an instance whose shape (hidden class) is the operand. */
  SHAPE(true),
  /** The value's type has the VERSION in the operand (no class attribute changed). */
  TYPE_VERSION(true),
  /** The called function has the version in the operand (code and defaults unchanged). */
  FUNCTION_VERSION(true),
  /** A dict (globals, builtins, a module's dict) has the keys version in the operand. */
  KEYS_VERSION(true);

  private final boolean usesOperand;

  TypeFact(boolean usesOperand) {
    this.usesOperand = usesOperand;
  }

  /** True when the fact is only meaningful together with the guard's operand. */
  public boolean usesOperand() {
    return usesOperand;
  }

  /** The lower-case name used in dumps ("int", "type-version"). */
  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
