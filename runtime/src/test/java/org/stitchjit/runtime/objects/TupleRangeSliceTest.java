package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Tag;

/** tuple, range and slice; every expected value was produced by CPython 3.11. */
class TupleRangeSliceTest extends SeqTestBase {

  private long big(String decimal) {
    return vm.newInt(new BigInteger(decimal));
  }

  private long pow2(int e) {
    return vm.newInt(BigInteger.TWO.pow(e));
  }

  private long range(long... args) {
    long[] words = new long[args.length];
    for (int k = 0; k < args.length; k++) {
      words[k] = i(args[k]);
    }
    return construct(vm.rangeType, words);
  }

  // ---------------------------------------------------------------- tuple
  @Test
  void tupleHashesMatchCPython() {
    assertEquals(-3550055125485641917L, hash(tuple(i(1), i(2))));
    assertEquals(5740354900026072187L, hash(tuple()));
    assertEquals(-333907151259015829L, hash(tuple(tuple(i(1), i(2)), i(3))));
    assertEquals(8078679518589016365L, hash(tuple(i(-1))));
    assertEquals(-6644214454873602895L, hash(tuple(pow2(61))));
    assertEquals(8078679518589016365L, hash(tuple(vm.newInt(BigInteger.TWO.pow(61).negate()))));
    assertEquals(-5164621852614943976L, hash(tuple(vm.trueObj, vm.falseObj)));
    assertEquals(3070960072220142017L,
        hash(tuple(pow2(62), vm.newInt(BigInteger.TWO.pow(62).negate()))));
    assertEquals(-8883468720634012209L,
        hash(tuple(i(1), tuple(i(2), tuple(i(3), tuple())))));
    assertErr("TypeError: unhashable type: 'list'", () -> hash(tuple(ints())));
  }

  @Test
  void tupleBasics() {
    assertRepr("(1,)", tuple(i(1)));
    assertRepr("()", tuple());
    assertRepr("(1, 'a', (2,))", tuple(i(1), s("a"), tuple(i(2))));
    long t5 = tuple(i(1), i(2), i(3), i(4), i(5));
    assertRepr("(5, 3, 1)", get(t5, slice(null, null, -2L)));
    assertRepr("(2, 3)", get(tuple(i(1), i(2), i(3)), slice(1L, null, null)));
    assertEquals(t5, get(t5, slice(null, null, null)));
    assertRepr("(1, 2, 3)", binop(BinaryOp.ADD, tuple(i(1), i(2)), tuple(i(3))));
    assertRepr("(1, 2, 1, 2)", binop(BinaryOp.MULTIPLY, tuple(i(1), i(2)), i(2)));
    assertRepr("(1, 2, 1, 2)", binop(BinaryOp.MULTIPLY, i(2), tuple(i(1), i(2))));
    assertRepr("(1, 2)", binop(BinaryOp.INPLACE + BinaryOp.ADD, tuple(i(1)), tuple(i(2))));
    assertEquals(vm.emptyTuple, binop(BinaryOp.MULTIPLY, tuple(i(1)), i(-3)));
    assertTrue(cmp(tuple(i(1), i(2)), tuple(i(1), i(2), i(3)), CompareOp.LT));
    assertTrue(eq(tuple(i(1), i(2)), tuple(i(1), f(2.0))));
    assertFalse(cmp(tuple(), tuple(), CompareOp.LT));
    assertTrue(cmp(tuple(i(1), s("a")), tuple(i(1), s("b")), CompareOp.LT));
    assertRepr("2", m(tuple(i(1), i(2), i(1)), "count", i(1)));
    assertRepr("2", m(tuple(i(1), i(2), i(1)), "index", i(1), i(1)));
    assertRepr("2", m(tuple(i(1), i(2), i(1)), "index", i(1), i(-1)));
    assertErr("ValueError: tuple.index(x): x not in tuple", () -> m(tuple(i(1)), "index", i(3)));
    assertErr("TypeError: tuple.count() takes exactly one argument (0 given)",
        () -> m(tuple(i(1)), "count"));
    assertRepr("('a', 'b')", construct(vm.tupleType, s("ab")));
    assertRepr("(0, 1, 2)", construct(vm.tupleType, range(3)));
    assertRepr("()", construct(vm.tupleType));
    long same = tuple(i(1));
    assertEquals(same, construct(vm.tupleType, same));
    assertErr("TypeError: 'int' object is not iterable", () -> construct(vm.tupleType, i(5)));
    assertErr("TypeError: tuple expected at most 1 argument, got 2",
        () -> construct(vm.tupleType, ints(1), i(2)));
    assertErr("TypeError: tuple() takes no keyword arguments",
        () -> construct(vm.tupleType, new long[0], new String[] {"iterable"},
            new long[] {ints()}));
    assertErr("IndexError: tuple index out of range", () -> get(tuple(i(1), i(2)), i(5)));
    assertErr("TypeError: tuple indices must be integers or slices, not str",
        () -> get(tuple(i(1)), s("x")));
    assertErr("TypeError: can only concatenate tuple (not \"list\") to tuple",
        () -> binop(BinaryOp.ADD, tuple(i(1)), ints(2)));
    assertErr("TypeError: can't multiply sequence by non-int of type 'float'",
        () -> binop(BinaryOp.MULTIPLY, tuple(i(1)), f(1.5)));
    assertTrue(vm.rt.contains(tuple(i(1), i(2), i(3)), i(3)));
    assertFalse(vm.rt.contains(tuple(i(1), i(2), i(3)), i(4)));
    assertRepr("[1, 2]", drain(vm.rt.iter(tuple(i(1), i(2)))));
  }

  // ---------------------------------------------------------------- range
  @Test
  void rangeBasics() {
    assertRepr("range(0, 10)", range(10));
    assertRepr("range(0, 10, 2)", range(0, 10, 2));
    assertRepr("range(-5, 5, 2)", range(-5, 5, 2));
    assertRepr("[10, 7, 4, 1]", Sequences.toList(vm, range(10, 0, -3)));
    assertRepr("[10, 7, 4, 1]", drain(vm.rt.iter(range(10, 0, -3))));
    assertEquals(4, vm.rt.len(range(10, 0, -3)));
    assertEquals(4, vm.rt.len(range(0, 10, 3)));
    assertEquals(0, vm.rt.len(range(5, 0)));
    assertFalse(vm.rt.isTrue(range(0)));
    assertRepr("range(0, 1)", construct(vm.rangeType, vm.trueObj));
    assertErr("ValueError: range() arg 3 must not be zero", () -> range(1, 2, 0));
    assertErr("TypeError: 'float' object cannot be interpreted as an integer",
        () -> construct(vm.rangeType, f(1.5)));
    assertErr("TypeError: range expected at least 1 argument, got 0", () -> range());
    assertErr("TypeError: range expected at most 3 arguments, got 4", () -> range(1, 2, 3, 4));
    assertErr("TypeError: range() takes no keyword arguments",
        () -> construct(vm.rangeType, new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("OverflowError: Python int too large to convert to C ssize_t",
        () -> vm.rt.len(construct(vm.rangeType, pow2(70))));
  }

  @Test
  void rangeIndexingAndSlicing() {
    assertRepr("range(9, -3, -3)", get(range(0, 10, 3), slice(null, null, -1L)));
    assertRepr("range(3, 12, 3)", get(range(0, 10, 3), slice(1L, null, null)));
    assertRepr("range(8, -2, -2)",
        get(get(range(10), slice(null, null, 2L)), slice(null, null, -1L)));
    assertRepr("range(-1, -1, -1)", get(range(0), slice(null, null, -1L)));
    assertRepr("range(5, 5)", get(range(5, 0), slice(1L, 2L, null)));
    assertRepr("range(21, 91, 14)", get(range(0, 100, 7), slice(3L, -2L, 2L)));
    assertRepr("9", get(range(10), i(-1)));
    assertErr("IndexError: range object index out of range", () -> get(range(10), i(-11)));
    assertErr("IndexError: range object index out of range", () -> get(range(3), pow2(70)));
    assertErr("TypeError: range indices must be integers or slices, not str",
        () -> get(range(3), s("x")));
    long huge = construct(vm.rangeType, pow2(70));
    assertRepr("1180591620717411303423", get(huge, i(-1)));
    assertRepr("range(590295810358705651712, 590295810358705651715)",
        get(get(huge, SliceType.newSlice(vm, pow2(69), vm.none, vm.none)), slice(null, 3L, null)));
    assertRepr("[9223372036854775806, 9223372036854775807, 9223372036854775808, "
        + "9223372036854775809]", Sequences.toList(vm, construct(vm.rangeType,
            big("9223372036854775806"), big("9223372036854775810"))));
  }

  @Test
  void rangeIterationNearTheSmallIntLimit() {
    long max = Tag.SMALL_MAX;
    long r = construct(vm.rangeType, i(max - 1), vm.newInt(BigInteger.valueOf(max).add(
        BigInteger.TWO)));
    assertRepr("[4611686018427387902, 4611686018427387903, 4611686018427387904]",
        drain(vm.rt.iter(r)));
    assertRepr("[4611686018427387904, 4611686018427387903, 4611686018427387902]",
        drain(Iterators.reversed(vm, r)));
  }

  @Test
  void rangeReversedEqualityContains() {
    assertRepr("[7, 4, 1]", drain(Iterators.reversed(vm, range(1, 10, 3))));
    assertRepr("[]", drain(Iterators.reversed(vm, range(0))));
    assertRepr("[9223372036854775810, 9223372036854775809, 9223372036854775808]",
        drain(Iterators.reversed(vm, construct(vm.rangeType, big("9223372036854775808"),
            big("9223372036854775811")))));
    assertEquals(vm.rangeIteratorType, vm.typeOf(Iterators.reversed(vm, range(3))));
    assertTrue(eq(range(1, 2, 5), range(1, 3, 7)));
    assertTrue(eq(range(0), range(5, 5)));
    assertTrue(eq(range(0, 10, 2), range(0, 9, 2)));
    assertFalse(eq(range(0, 10, 2), range(0, 10, 3)));
    assertEquals(hash(range(0)), hash(range(5, 5)));
    assertEquals(hash(range(3)), hash(tuple(i(3), i(0), i(1))));
    assertEquals(hash(range(1, 2, 5)), hash(range(1, 3, 7)));
    assertNotEquals(hash(range(0, 10, 2)), hash(range(0, 10, 3)));
    assertErr("TypeError: '<' not supported between instances of 'range' and 'range'",
        () -> vm.bool(cmp(range(1), range(2), CompareOp.LT)));
    assertTrue(vm.rt.contains(range(0, 10, 5), i(5)));
    assertFalse(vm.rt.contains(range(0, 10, 5), i(4)));
    assertTrue(vm.rt.contains(range(0, -10, -3), i(-3)));
    assertFalse(vm.rt.contains(range(0, 10), i(10)));
    assertTrue(vm.rt.contains(range(3), f(1.0)));
    assertTrue(vm.rt.contains(range(3), vm.trueObj));
    assertTrue(vm.rt.contains(construct(vm.rangeType, pow2(71)), pow2(70)));
    assertRepr("7", m(range(10), "index", i(7)));
    assertErr("ValueError: 7 is not in range", () -> m(range(0, 10, 2), "index", i(7)));
    assertRepr("1", m(range(0, 20, 3), "count", i(9)));
    assertRepr("1", m(range(0, 20, 3), "count", f(9.0)));
    assertErr("TypeError: range.count() takes exactly one argument (0 given)",
        () -> m(range(1), "count"));
  }

  // ---------------------------------------------------------------- slice
  @Test
  void slices() {
    assertRepr("slice(1, 'a', None)", SliceType.newSlice(vm, i(1), s("a"), none()));
    assertRepr("slice(None, 5, None)", construct(vm.sliceType, i(5)));
    assertRepr("slice(1, 2, 3)", construct(vm.sliceType, i(1), i(2), i(3)));
    assertTrue(eq(slice(1L, 2L, null), slice(1L, 2L, null)));
    assertTrue(cmp(slice(1L, 2L, null), slice(1L, 3L, null), CompareOp.LT));
    assertErr("TypeError: unhashable type: 'slice'", () -> hash(slice(1L, null, null)));
    assertErr("TypeError: slice expected at least 1 argument, got 0",
        () -> construct(vm.sliceType));
    assertErr("TypeError: slice expected at most 3 arguments, got 4",
        () -> construct(vm.sliceType, i(1), i(2), i(3), i(4)));
    assertRepr("(4, -1, -1)", m(slice(null, null, -1L), "indices", i(5)));
    assertRepr("(0, 10, 3)", m(slice(-100L, 100L, 3L), "indices", i(10)));
    assertRepr("(9, -1, -1)", m(SliceType.newSlice(vm, pow2(70),
        vm.newInt(BigInteger.TWO.pow(70).negate()), i(-1)), "indices", i(10)));
    assertRepr("(1, 10, 2)", m(slice(1L, 10L, 2L), "indices", pow2(70)));
    assertRepr("(1180591620717411303423, 1180591620717411303424, 1)",
        m(slice(-1L, null, null), "indices", pow2(70)));
    assertErr("ValueError: length should not be negative",
        () -> m(slice(1L, null, null), "indices", i(-1)));
    assertErr("ValueError: slice step cannot be zero", () -> m(slice(1L, 2L, 0L), "indices", i(5)));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> m(slice(1L, null, null), "indices", s("x")));
  }

  @Test
  void sliceIndicesClamping() {
    // {start, stop, step, count} for a length-10 sequence.
    assertArrayEquals(new long[] {9, -1, -1, 10},
        SliceType.indices(vm, slice(null, null, -1L), 10));
    assertArrayEquals(new long[] {8, 2, -3, 2}, SliceType.indices(vm, slice(8L, 2L, -3L), 10));
    assertArrayEquals(new long[] {7, -1, -4, 2},
        SliceType.indices(vm, slice(-3L, -100L, -4L), 10));
    assertArrayEquals(new long[] {10, 10, 1, 0}, SliceType.indices(vm, slice(100L, null, null), 10));
    assertArrayEquals(new long[] {0, 3, 1, 3}, SliceType.indices(vm, slice(-100L, 3L, null), 10));
    assertArrayEquals(new long[] {-1, -1, -1, 0}, SliceType.indices(vm, slice(null, null, -1L), 0));
    long hugeStep = SliceType.newSlice(vm, none(), none(), vm.newInt(BigInteger.TWO.pow(80)
        .negate()));
    assertArrayEquals(new long[] {9, -1, -Long.MAX_VALUE, 1},
        SliceType.indices(vm, hugeStep, 10));
  }
}
