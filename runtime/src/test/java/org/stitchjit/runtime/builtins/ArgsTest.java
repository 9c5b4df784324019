package org.stitchjit.runtime.builtins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.interp.Protocols;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/** Argument binding and its CPython error messages, on a bare VM. */
class ArgsTest {
  private static final String[] POW = {"base", "exp", "mod"};
  private VM vm;
  private long mark;

  @BeforeEach
  void setUp() {
    PrintStream sink = new PrintStream(new ByteArrayOutputStream());
    vm = new VM(1L << 26, sink, sink);
    Protocols.create(vm);
    mark = vm.handleMark();
  }

  @AfterEach
  void tearDown() {
    vm.close();
  }

  /** Pushes positional values then keyword values; returns the args address. */
  private long words(long... values) {
    long base = vm.handleMark();
    for (long v : values) {
      vm.pushHandle(v);
    }
    return base;
  }

  private long kwnames(String... names) {
    long[] strs = new long[names.length];
    for (int i = 0; i < names.length; i++) {
      strs[i] = vm.intern(names[i]);
    }
    return vm.tuple(strs);
  }

  private String message(PyException e) {
    long args = Mem.getLong(e.exc + Layout.Exc.ARGS);
    return vm.typeNameOf(e.exc) + ": " + vm.str(VM.tupleGet(args, 0));
  }

  private String parseError(int nargs, long kw, long... values) {
    long args = words(values);
    PyException e = assertThrows(PyException.class,
        () -> Args.parse(vm, "pow", args, nargs, kw, POW, 0, 3, 2));
    vm.popHandles(mark);
    return message(e);
  }

  @Test
  void bindsPositionalAndKeywordArguments() {
    long args = words(Tag.fromInt(2), Tag.fromInt(5), Tag.fromInt(7));
    long[] bound = Args.parse(vm, "pow", args, 3, kwnames("mod", "exp"), POW, 0, 3, 2);
    assertArrayEquals(new long[] {Tag.fromInt(2), Tag.fromInt(7), Tag.fromInt(5)}, bound);
    long args2 = words(Tag.fromInt(2), Tag.fromInt(5));
    assertArrayEquals(new long[] {Tag.fromInt(2), Tag.fromInt(5), 0},
        Args.parse(vm, "pow", args2, 2, 0, POW, 0, 3, 2));
  }

  @Test
  void reportsArgumentErrorsAsCPythonDoes() {
    assertEquals("TypeError: pow() missing required argument 'base' (pos 1)", parseError(0, 0));
    assertEquals("TypeError: pow() missing required argument 'exp' (pos 2)",
        parseError(2, kwnames("foo"), Tag.fromInt(1), Tag.fromInt(2)));
    assertEquals("TypeError: pow() takes at most 3 arguments (4 given)",
        parseError(4, 0, Tag.fromInt(1), Tag.fromInt(2), Tag.fromInt(3), Tag.fromInt(4)));
    assertEquals("TypeError: argument for pow() given by name ('base') and position (1)",
        parseError(3, kwnames("base", "exp"), Tag.fromInt(1), Tag.fromInt(2), Tag.fromInt(3)));
    assertEquals("TypeError: 'foo' is an invalid keyword argument for pow()",
        parseError(3, kwnames("foo"), Tag.fromInt(1), Tag.fromInt(2), Tag.fromInt(3)));
  }

  @Test
  void positionalChecksUseTheOldStyleMessages() {
    PyException e = assertThrows(PyException.class, () -> Args.positional(vm, "getattr", 1, 2, 3));
    assertEquals("TypeError: getattr expected at least 2 arguments, got 1", message(e));
    e = assertThrows(PyException.class, () -> Args.positional(vm, "divmod", 3, 2, 2));
    assertEquals("TypeError: divmod expected 2 arguments, got 3", message(e));
    e = assertThrows(PyException.class, () -> Args.exactlyOne(vm, "len", 0, 0));
    assertEquals("TypeError: len() takes exactly one argument (0 given)", message(e));
    e = assertThrows(PyException.class, () -> Args.exactlyOne(vm, "len", 1, kwnames("x")));
    assertEquals("TypeError: len() takes no keyword arguments", message(e));
  }
}
