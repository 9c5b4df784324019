package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.VM;

/** list behaviour; every expected value was produced by CPython 3.11. */
class ListTypeTest extends SeqTestBase {

  private long range10() {
    return ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  private long setSlice(long l, Long a, Long b, Long c, long value) {
    vm.rt.setItem(l, slice(a, b, c), value);
    return l;
  }

  private long delSlice(long l, Long a, Long b, Long c) {
    vm.rt.delItem(l, slice(a, b, c));
    return l;
  }

  /** Every slot past the size must be NULL, or the collector would keep dead items alive. */
  private void assertTailCleared(long l) {
    long items = Mem.getLong(l + Layout.List.ITEMS);
    if (items == 0) {
      return;
    }
    for (int k = VM.listLen(l); k < VM.listCapacity(l); k++) {
      assertEquals(0, Mem.getLong(items + Layout.Array.ITEMS + 8L * k), "slot " + k);
    }
  }

  @Test
  void slicing() {
    assertRepr("[8, 5]", get(range10(), slice(8L, 2L, -3L)));
    assertRepr("[7, 3]", get(range10(), slice(-3L, -100L, -4L)));
    assertRepr("[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]", get(range10(), slice(null, null, -1L)));
    assertRepr("[]", get(range10(), slice(100L, null, null)));
    assertRepr("[0, 1, 2]", get(range10(), slice(-100L, 3L, null)));
    assertRepr("[]", get(range10(), slice(5L, 2L, null)));
    assertRepr("[0, 3, 6, 9]", get(range10(), slice(null, null, 3L)));
    assertRepr("[]", get(ints(), slice(null, null, -1L)));
    assertRepr("2", get(ints(1, 2, 3), vm.trueObj));
    assertErr("IndexError: list index out of range", () -> get(ints(1, 2, 3), i(-4)));
    assertErr("IndexError: list index out of range", () -> get(ints(), i(0)));
    assertErr("TypeError: list indices must be integers or slices, not str",
        () -> get(ints(1), s("x")));
    assertErr("IndexError: cannot fit 'int' into an index-sized integer",
        () -> get(ints(1), vm.newInt(java.math.BigInteger.TWO.pow(70))));
    assertErr("ValueError: slice step cannot be zero", () -> get(ints(), slice(null, null, 0L)));
  }

  @Test
  void sliceAssignment() {
    assertRepr("[0, 1, 'a', 5, 6, 7, 8, 9]", setSlice(range10(), 2L, 5L, null, list(s("a"))));
    assertRepr("[0, 1, 'a', 'b', 2, 3, 4, 5, 6, 7, 8, 9]",
        setSlice(range10(), 2L, 2L, null, list(s("a"), s("b"))));
    assertRepr("[0, 1, 2, 3, 4, 5, 6, 7, 'x', 8, 9]",
        setSlice(range10(), 8L, 2L, null, list(s("x"))));
    assertRepr("['a', 1, 2, 'b', 4, 5, 'c', 7, 8, 'd']",
        setSlice(range10(), null, null, 3L, list(s("a"), s("b"), s("c"), s("d"))));
    assertRepr("[0, 'z', 2, 3, 4, 'y', 6, 7, 8, 'x']",
        setSlice(range10(), null, null, -4L, s("xyz")));
    assertErr("ValueError: attempt to assign sequence of size 1 to extended slice of size 4",
        () -> setSlice(range10(), null, null, 3L, list(s("a"))));
    assertErr("ValueError: attempt to assign sequence of size 3 to extended slice of size 2",
        () -> setSlice(ints(1, 2, 3), null, null, 2L, ints(1, 2, 3)));
    assertErr("TypeError: must assign iterable to extended slice",
        () -> setSlice(range10(), null, null, 2L, i(5)));
    assertErr("TypeError: can only assign an iterable",
        () -> setSlice(range10(), 0L, 1L, null, i(5)));
    long l = ints(0, 1, 2, 3, 4);
    assertRepr("[0, 1, 2, 3, 4]", setSlice(l, null, null, null, l));
    long l2 = ints(0, 1, 2, 3, 4);
    assertRepr("[0, 0, 1, 2, 3, 4, 3, 4]", setSlice(l2, 1L, 3L, null, l2));
    assertRepr("[0, 1, 2, 3, 7, 8]", setSlice(ints(0, 1, 2, 3, 4), -1L, null, null,
        tuple(i(7), i(8))));
    assertRepr("[0, 5, 6, 7, 8, 9]", setSlice(range10(), 1L, 5L, null,
        vm.rt.iter(ints())));
    long shrunk = setSlice(range10(), 1L, 9L, null, ints());
    assertRepr("[0, 9]", shrunk);
    assertTailCleared(shrunk);
  }

  @Test
  void deletion() {
    assertRepr("[1, 2, 4, 5, 7, 8]", delSlice(range10(), null, null, 3L));
    assertRepr("[1, 2, 4, 5, 7, 8]", delSlice(range10(), null, null, -3L));
    assertRepr("[0, 1, 5, 6, 7, 8, 9]", delSlice(range10(), 2L, 5L, null));
    assertRepr("[]", delSlice(range10(), null, null, null));
    long l = delSlice(range10(), 1L, 8L, 2L);
    assertRepr("[0, 2, 4, 6, 8, 9]", l);
    assertTailCleared(l);
    long d = range10();
    vm.rt.delItem(d, i(-1));
    assertRepr("[0, 1, 2, 3, 4, 5, 6, 7, 8]", d);
    assertTailCleared(d);
    assertErr("IndexError: list assignment index out of range", () -> {
      vm.rt.delItem(ints(1), i(5));
      return 0;
    });
    assertErr("IndexError: list assignment index out of range", () -> {
      vm.rt.setItem(ints(1, 2, 3), i(-4), i(0));
      return 0;
    });
    assertErr("TypeError: list indices must be integers or slices, not str", () -> {
      vm.rt.setItem(ints(1, 2, 3), s("x"), i(0));
      return 0;
    });
  }

  @Test
  void bigListShrinksAndStaysClean() {
    long l = vm.newList(0);
    for (int k = 0; k < 1000; k++) {
      vm.listAppend(l, i(k));
    }
    for (int k = 0; k < 990; k++) {
      m(l, "pop");
    }
    assertEquals(10, VM.listLen(l));
    assertTrue(VM.listCapacity(l) < 100, "capacity " + VM.listCapacity(l));
    assertTailCleared(l);
    assertRepr("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]", l);
  }

  @Test
  void methods() {
    long l = ints(1, 2);
    m(l, "insert", i(-10), s("a"));
    m(l, "insert", i(10), s("b"));
    m(l, "insert", i(1), s("c"));
    assertRepr("['a', 'c', 1, 2, 'b']", l);
    long p = ints(1, 2, 3);
    assertRepr("3", m(p, "pop"));
    assertRepr("1", m(p, "pop", i(0)));
    assertRepr("[2]", p);
    assertErr("IndexError: pop index out of range", () -> m(ints(1, 2, 3), "pop", i(-4)));
    assertErr("IndexError: pop from empty list", () -> m(ints(), "pop"));
    assertErr("TypeError: pop expected at most 1 argument, got 2",
        () -> m(ints(1, 2), "pop", i(1), i(2)));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> m(ints(1), "pop", s("x")));
    assertErr("OverflowError: Python int too large to convert to C ssize_t",
        () -> m(ints(1), "pop", vm.newInt(java.math.BigInteger.TWO.pow(70))));
    long r = ints(1, 2, 3, 2);
    m(r, "remove", i(2));
    assertRepr("[1, 3, 2]", r);
    assertErr("ValueError: list.remove(x): x not in list", () -> m(ints(1), "remove", i(3)));
    assertRepr("2", m(ints(1, 2, 3), "index", i(3)));
    assertRepr("3", m(ints(1, 2, 3, 1), "index", i(1), i(1)));
    assertRepr("3", m(ints(1, 2, 3, 1), "index", i(1), i(-1)));
    assertErr("ValueError: 2 is not in list", () -> m(ints(1, 2, 3), "index", i(2), i(0), i(1)));
    assertErr("ValueError: 'a' is not in list", () -> m(ints(1, 2, 3), "index", s("a")));
    assertErr("TypeError: index expected at least 1 argument, got 0", () -> m(ints(), "index"));
    assertErr("TypeError: slice indices must be integers or have an __index__ method",
        () -> m(ints(1), "index", i(1), s("x")));
    assertRepr("3", m(list(i(1), i(2), i(2), f(1.0), vm.trueObj), "count", i(1)));
    assertErr("TypeError: list.count() takes exactly one argument (0 given)",
        () -> m(ints(), "count"));
    long rev = ints(1, 2, 3);
    m(rev, "reverse");
    assertRepr("[3, 2, 1]", rev);
    long orig = ints(1, 2, 3);
    long copy = m(orig, "copy");
    assertRepr("[1, 2, 3]", copy);
    assertTrue(copy != orig);
    m(orig, "clear");
    assertRepr("[]", orig);
    assertErr("TypeError: list.reverse() takes no arguments (1 given)",
        () -> m(ints(), "reverse", i(1)));
    assertErr("TypeError: list.append() takes exactly one argument (0 given)",
        () -> m(ints(), "append"));
    assertErr("TypeError: list.append() takes no keyword arguments",
        () -> mkw(ints(), "append", new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: insert expected 2 arguments, got 1", () -> m(ints(), "insert", i(1)));
    long e = ints(1, 2);
    m(e, "extend", construct(vm.rangeType, i(3)));
    assertRepr("[1, 2, 0, 1, 2]", e);
    assertErr("TypeError: 'int' object is not iterable", () -> m(ints(), "extend", i(5)));
  }

  @Test
  void operators() {
    assertRepr("[1, 2, 3]", binop(BinaryOp.ADD, ints(1, 2), ints(3)));
    assertRepr("[1, 2, 1, 2]", binop(BinaryOp.MULTIPLY, ints(1, 2), i(2)));
    assertRepr("[1, 2, 1, 2]", binop(BinaryOp.MULTIPLY, i(2), ints(1, 2)));
    assertRepr("[]", binop(BinaryOp.MULTIPLY, ints(0), i(-1)));
    assertErr("TypeError: can only concatenate list (not \"tuple\") to list",
        () -> binop(BinaryOp.ADD, ints(1, 2), tuple(i(3))));
    assertErr("TypeError: can't multiply sequence by non-int of type 'list'",
        () -> binop(BinaryOp.MULTIPLY, ints(1), ints(2)));
    assertErr("MemoryError", () -> binop(BinaryOp.MULTIPLY, ints(1), i(1L << 62)));
    long a = ints(1);
    assertEquals(a, binop(BinaryOp.INPLACE + BinaryOp.ADD, a, tuple(i(2), i(3))));
    assertRepr("[1, 2, 3]", a);
    long b = ints(1);
    binop(BinaryOp.INPLACE + BinaryOp.ADD, b, s("ab"));
    assertRepr("[1, 'a', 'b']", b);
    long c = ints(1);
    binop(BinaryOp.INPLACE + BinaryOp.ADD, c, c);
    assertRepr("[1, 1]", c);
    long d = ints(1, 2);
    assertEquals(d, binop(BinaryOp.INPLACE + BinaryOp.MULTIPLY, d, i(3)));
    assertRepr("[1, 2, 1, 2, 1, 2]", d);
    binop(BinaryOp.INPLACE + BinaryOp.MULTIPLY, d, i(0));
    assertRepr("[]", d);
    assertErr("TypeError: 'int' object is not iterable",
        () -> binop(BinaryOp.INPLACE + BinaryOp.ADD, ints(), i(5)));
    assertErr("TypeError: can't multiply sequence by non-int of type 'float'",
        () -> binop(BinaryOp.INPLACE + BinaryOp.MULTIPLY, ints(), f(1.5)));
    assertErr("TypeError: unsupported operand type(s) for +=: 'int' and 'list'",
        () -> binop(BinaryOp.INPLACE + BinaryOp.ADD, i(1), ints()));
  }

  @Test
  void comparisons() {
    assertTrue(eq(ints(1, 2), ints(1, 2)));
    assertTrue(cmp(ints(1, 2), ints(1, 3), CompareOp.LT));
    assertTrue(cmp(ints(1, 2), ints(1, 2, 0), CompareOp.LT));
    assertTrue(cmp(list(i(1), ints(2, 3)), list(i(1), ints(2, 4)), CompareOp.LT));
    assertTrue(eq(ints(), ints()));
    assertFalse(cmp(ints(1, 2), list(i(1), f(2.0)), CompareOp.NE));
    assertTrue(eq(list(i(2), s("a")), list(i(2), s("a"))));
    long nan = f(Double.NaN);
    // Identity wins over == inside containers, as in CPython.
    assertTrue(eq(list(nan), list(nan)));
    assertFalse(eq(list(nan), list(f(Double.NaN))));
    assertErr("TypeError: '<' not supported between instances of 'list' and 'tuple'",
        () -> vm.bool(cmp(ints(1), tuple(i(1)), CompareOp.LT)));
    assertErr("TypeError: '<' not supported between instances of 'int' and 'str'",
        () -> vm.bool(cmp(ints(1), list(s("a")), CompareOp.LT)));
    assertTrue(vm.rt.contains(list(f(1.0)), i(1)));
    assertFalse(vm.rt.contains(ints(1, 2), s("1")));
    assertErr("TypeError: unhashable type: 'list'", () -> hash(ints()));
  }

  @Test
  void reprs() {
    long self = ints();
    vm.listAppend(self, self);
    assertRepr("[[...]]", self);
    assertRepr("[1, [2, [3, []]]]", list(i(1), list(i(2), list(i(3), ints()))));
    long outer = ints(1);
    vm.listAppend(outer, list(outer));
    assertRepr("[1, [[...]]]", outer);
    assertRepr("['a', \"b'c\", 1.5, None, True, (1,), ()]",
        list(s("a"), s("b'c"), f(1.5), none(), vm.trueObj, tuple(i(1)), tuple()));
    long t = tuple(ints());
    vm.listAppend(VM.tupleGet(t, 0), t);
    assertRepr("([(...)],)", t);
  }

  @Test
  void construction() {
    assertRepr("[]", construct(vm.listType));
    assertRepr("[1, 2]", construct(vm.listType, tuple(i(1), i(2))));
    assertRepr("['a', 'b']", construct(vm.listType, s("ab")));
    assertRepr("[3, 2, 1]", construct(vm.listType, construct(vm.rangeType, i(3), i(0), i(-1))));
    long d = vm.newDict();
    org.stitchjit.runtime.vm.Dicts.setItemStr(vm, d, vm.intern("a"), i(1));
    org.stitchjit.runtime.vm.Dicts.setItemStr(vm, d, vm.intern("b"), i(2));
    assertRepr("['a', 'b']", construct(vm.listType, d));
    long src = ints(1, 2);
    long copy = construct(vm.listType, src);
    assertTrue(copy != src);
    assertErr("TypeError: 'int' object is not iterable", () -> construct(vm.listType, i(5)));
    assertErr("TypeError: list expected at most 1 argument, got 2",
        () -> construct(vm.listType, i(1), i(2)));
    assertErr("TypeError: list() takes no keyword arguments",
        () -> construct(vm.listType, new long[0], new String[] {"x"}, new long[] {i(1)}));
    long target = ints(9, 9);
    assertEquals(vm.none, m(target, "__init__", s("xy")));
    assertRepr("['x', 'y']", target);
    assertErr("TypeError: list expected at most 1 argument, got 2",
        () -> m(ints(), "__init__", i(1), i(2)));
  }

  @Test
  void specialMethods() {
    long l = ints(1, 2, 3);
    assertRepr("2", m(l, "__getitem__", i(1)));
    assertRepr("[2, 3]", m(l, "__getitem__", slice(1L, null, null)));
    assertEquals(vm.none, m(l, "__setitem__", i(0), s("x")));
    assertEquals(vm.none, m(l, "__delitem__", i(1)));
    assertRepr("['x', 3]", l);
    assertRepr("2", m(l, "__len__"));
    assertEquals(vm.trueObj, m(l, "__contains__", i(3)));
    assertRepr("\"['x', 3]\"", m(l, "__repr__"));
    assertEquals(vm.trueObj, m(ints(1), "__lt__", ints(2)));
    assertEquals(vm.notImplemented, m(ints(1), "__eq__", i(2)));
    assertRepr("[3, 'x']", drain(m(l, "__reversed__")));
    assertRepr("[3, 'x']", drain(m(m(l, "__reversed__"), "__iter__")));
    long it = m(ints(7), "__iter__");
    assertRepr("7", m(it, "__next__"));
    assertErr("StopIteration", () -> m(it, "__next__"));
    assertRepr("'b'", m(s("ab"), "__getitem__", i(-1)));
    assertRepr("3", m(construct(vm.rangeType, i(3)), "__len__"));
  }

  @Test
  void subclassAllocation() {
    // A class statement would make a type like this: list's kind, two extra attribute slots.
    long sub = vm.alloc(vm.typeType, Layout.Type.NSLOTS, 0);
    Mem.copy(vm.listType + Layout.Type.NAME, sub + Layout.Type.NAME, 8L * Layout.Type.NSLOTS);
    Mem.putLong(sub + Layout.Type.BASE, vm.listType);
    Mem.putLong(sub + Layout.Type.INSTANCE_SLOTS, Tag.fromInt(Layout.List.NSLOTS + 2));
    Mem.putLong(sub + Layout.Type.ATTR_OFFSET,
        Tag.fromInt(org.stitchjit.api.layout.Header.slot(Layout.List.NSLOTS)));
    long rootShape = vm.shapes.newRoot(sub);
    Mem.putLong(sub + Layout.Type.ROOT_SHAPE, rootShape);
    long obj = vm.kindOps[Layout.Kind.LIST].allocate(vm, sub);
    assertEquals(Layout.List.NSLOTS + 2, VM.slotCount(obj));
    assertEquals(rootShape,
        Mem.getLong(obj + org.stitchjit.api.layout.Header.slot(Layout.List.NSLOTS)));
    m(obj, "__init__", ints(1, 2));
    m(obj, "append", i(3));
    assertRepr("[1, 2, 3]", obj);
    assertEquals(sub, vm.typeOf(obj));
    assertRepr("[1, 2, 3, 1, 2, 3]", binop(BinaryOp.ADD, obj, obj));
  }
}
