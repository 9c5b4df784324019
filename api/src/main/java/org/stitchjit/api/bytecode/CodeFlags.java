package org.stitchjit.api.bytecode;

/** Code object flags, with CPython's CO_* values. */
public final class CodeFlags {
  public static final int OPTIMIZED = 0x0001;
  public static final int NEWLOCALS = 0x0002;
  public static final int VARARGS = 0x0004;
  public static final int VARKEYWORDS = 0x0008;
  public static final int NESTED = 0x0010;
  public static final int GENERATOR = 0x0020;
  /** Not CPython's: the code is a class body (LOAD_NAME/STORE_NAME use the namespace dict). */
  public static final int CLASS_BODY = 0x10000;
  /** Not CPython's: the code is a module body. */
  public static final int MODULE = 0x20000;

  private CodeFlags() {}
}
