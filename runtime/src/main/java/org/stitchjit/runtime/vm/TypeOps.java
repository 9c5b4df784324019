package org.stitchjit.runtime.vm;

/**
 * The behaviour of one built-in instance kind (int, str, list, ...), implemented in Java. The
 * VM keeps one per {@link org.stitchjit.api.layout.Layout.Kind}; the object protocols
 * (in the interpreter layer) consult a class's Python-level special methods first and fall
 * back to these, so a subclass of list that defines {@code __getitem__} wins over list's.
 *
 * <p>Every method receives values whose kind matches (for binary operations and comparisons:
 * at least one of the operands). Returning {@code vm.notImplemented} (or -1 where noted)
 * means "not supported for these operands": the protocol then tries the reflected operation
 * or raises CPython's TypeError.
 */
public interface TypeOps {
  /** repr(self) as a str object. */
  default long repr(VM vm, long self) {
    return 0;
  }

  /** str(self) as a str object; NULL means use repr. */
  default long str(VM vm, long self) {
    return 0;
  }

  /** hash(self); {@link Long#MIN_VALUE} means unhashable. */
  default long hash(VM vm, long self) {
    return Long.MIN_VALUE;
  }

  /** a op b for {@link org.stitchjit.api.bytecode.CompareOp} op, or notImplemented. */
  default long richCompare(VM vm, long a, long b, int op) {
    return vm.notImplemented;
  }

  /**
   * a op b for {@link org.stitchjit.api.bytecode.BinaryOp} op (in-place variants included:
   * mutate a and return it when the type supports it, e.g. list +=), or notImplemented.
   */
  default long binaryOp(VM vm, int op, long a, long b) {
    return vm.notImplemented;
  }

  /** -x, +x, ~x (op is the UNARY_ opcode's ordinal), or NULL when unsupported. */
  default long unaryOp(VM vm, org.stitchjit.api.bytecode.Opcode op, long self) {
    return 0;
  }

  /** len(self), or -1 when unsupported. */
  default long len(VM vm, long self) {
    return -1;
  }

  /** Truth value, or -1 to use len (or true when len is unsupported). */
  default int isTrue(VM vm, long self) {
    return -1;
  }

  /** self[key], or NULL when the type is not subscriptable. */
  default long getItem(VM vm, long self, long key) {
    return 0;
  }

  /** self[key] = value; false when unsupported. */
  default boolean setItem(VM vm, long self, long key, long value) {
    return false;
  }

  /** del self[key]; false when unsupported. */
  default boolean delItem(VM vm, long self, long key) {
    return false;
  }

  /** key in self: 1, 0, or -1 when unsupported (iteration is then used). */
  default int contains(VM vm, long self, long key) {
    return -1;
  }

  /** iter(self), or NULL when not iterable. */
  default long iter(VM vm, long self) {
    return 0;
  }

  /** next(self) for iterators: the item, or NULL when exhausted. */
  default long next(VM vm, long self) {
    return 0;
  }

  /** An empty instance of type (a subclass of this kind's type), ready for __init__. */
  default long allocate(VM vm, long type) {
    return 0;
  }

  /**
   * Calls the built-in type itself, e.g. list(x), int("12", 16). Returns NULL when the type
   * is not callable.
   */
  default long construct(VM vm, long type, long args, int nargs, long kwnames) {
    return 0;
  }
}
