package org.stitchjit.runtime.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;

/** set and frozenset against python3 (3.11): every expected string was printed by python3. */
class SetTypeTest extends MappingTestBase {

  private long op(int op, long a, long b) {
    return keep(rt.binaryOp(op, a, b));
  }

  private boolean cmp(long a, long b, int op) {
    return rt.compare(a, b, op);
  }

  private void each(long list, String method, long set) {
    for (int i = 0; i < org.stitchjit.runtime.vm.VM.listLen(list); i++) {
      call(set, method, org.stitchjit.runtime.vm.VM.listGet(list, i));
    }
  }

  // ------------------------------------------------------------------ table order

  @Test
  void displayOrderMatchesCpython() {
    assertThat(repr(v("{5, 3, 1, 8, 100, -1, 16, 9}"))).isEqualTo("{1, 3, 100, 5, 8, 9, 16, -1}");
    assertThat(repr(v("{2**40, 7, 3}"))).isEqualTo("{1099511627776, 3, 7}");
    assertThat(repr(v("{(1, 2), (3, 4)}"))).isEqualTo("{(1, 2), (3, 4)}");
    // python3 with a non-constant display (x = 1; {(x, 2), ...}), which adds one by one: an
    // all-constant display is compiled to a frozenset constant whose order comes from the
    // compiler's constant merging instead.
    assertThat(repr(v("{(1, 2), (3, 4), (5, 6), (7, 8, 9), (1, (2, 3)), (-1, -2), ()}")))
        .isEqualTo("{(1, 2), (3, 4), (-1, -2), (5, 6), (7, 8, 9), (1, (2, 3)), ()}");
    long viaFrozen = keep(construct(vm.setType));
    call(viaFrozen, "update",
        v("frozenset([(1, 2), (3, 4), (5, 6), (7, 8, 9), (1, (2, 3)), (-1, -2), ()])"));
    assertThat(repr(viaFrozen))
        .isEqualTo("{(1, 2), (3, 4), (-1, -2), (5, 6), (7, 8, 9), (1, (2, 3)), ()}");
    assertThat(repr(v("{-1, -2, 0, 1, 2}"))).isEqualTo("{0, 1, 2, -2, -1}");
    assertThat(repr(v("set(range(100, 0, -7))")))
        .isEqualTo("{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}");
    assertThat(repr(v("set([1, 2**61, 2**61-1, 2**61+5, -2**61, 2**62, 2**63, 2**64+3])")))
        .isEqualTo("{2305843009213693951, 1, 2305843009213693952, 4611686018427387904, "
            + "9223372036854775808, 2305843009213693957, 18446744073709551619, "
            + "-2305843009213693952}");
  }

  @Test
  void tuplesOfPairsOrder() {
    long list = v("[(0, 0), (1, 1), (2, 4), (3, 9), (4, 16), (5, 25), (6, 36), (7, 49), (8, 64),"
        + " (9, 81), (10, 100), (11, 121)]");
    assertThat(repr(construct(vm.setType, list)))
        .isEqualTo("{(7, 49), (2, 4), (4, 16), (0, 0), (1, 1), (8, 64), (6, 36), (10, 100), "
            + "(3, 9), (11, 121), (5, 25), (9, 81)}");
  }

  @Test
  void removalsAndAdditionsKeepCpythonOrder() {
    long s = v("set(range(20))");
    for (int x : new int[] {3, 5, 7, 11, 13}) {
      call(s, "remove", Tag.fromInt(x));
    }
    for (int x : new int[] {100, 37, 64, -5, 21}) {
      call(s, "add", Tag.fromInt(x));
    }
    assertThat(repr(s)).isEqualTo(
        "{0, 1, 2, 4, 6, 8, 9, 10, 12, 14, 15, 16, 17, 18, 19, 21, 37, 64, 100, -5}");
  }

  @Test
  void deletedSlotReuseIsTheLastDummyOnThePath() {
    long s = v("{0, 8, 16}");
    call(s, "remove", Tag.fromInt(0));
    call(s, "remove", Tag.fromInt(8));
    call(s, "add", Tag.fromInt(24));
    assertThat(repr(s)).isEqualTo("{24, 16}");
    call(s, "add", Tag.fromInt(1));
    assertThat(repr(s)).isEqualTo("{24, 16, 1}");
    long t = v("{0, 8, 16, 24}");
    call(t, "remove", Tag.fromInt(8));
    call(t, "remove", Tag.fromInt(16));
    call(t, "add", Tag.fromInt(32));
    assertThat(repr(t)).isEqualTo("{0, 32, 24}");
    long u = keep(construct(vm.setType));
    each(v("[0, 8, 16, 24, 32, 40]"), "add", u);
    assertThat(repr(u)).isEqualTo("{0, 32, 8, 40, 16, 24}");
    call(u, "discard", Tag.fromInt(16));
    call(u, "add", Tag.fromInt(100));
    assertThat(repr(u)).isEqualTo("{0, 32, 100, 8, 40, 24}");
  }

  @Test
  void popUsesAndKeepsTheFinger() {
    long s = v("{1, 2, 3}");
    assertThat(repr(call(s, "pop"))).isEqualTo("1");
    call(s, "clear");
    call(s, "update", v("{1, 2, 3}"));
    assertThat(repr(call(s, "pop"))).isEqualTo("2");

    long r = v("set(range(5))");
    StringBuilder popped = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      popped.append(repr(call(r, "pop")));
    }
    assertThat(popped.toString()).isEqualTo("01234");

    long big = v("set(range(60))");
    for (int i = 0; i < 60; i += 2) {
      call(big, "discard", Tag.fromInt(i));
    }
    StringBuilder four = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      four.append(repr(call(big, "pop"))).append(' ');
    }
    assertThat(four.toString()).isEqualTo("1 3 5 7 ");
    assertThat(repr(big)).isEqualTo("{9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31, 33, 35, 37, "
        + "39, 41, 43, 45, 47, 49, 51, 53, 55, 57, 59}");
    assertThat(error(() -> call(v("set()"), "pop")))
        .isEqualTo("KeyError: 'pop from an empty set'");
  }

  @Test
  void discardsThenPopsThenGrowth() {
    long s = v("set(range(20))");
    for (int i = 0; i < 20; i += 2) {
      call(s, "discard", Tag.fromInt(i));
    }
    assertThat(repr(s)).isEqualTo("{1, 3, 5, 7, 9, 11, 13, 15, 17, 19}");
    assertThat(repr(call(s, "pop"))).isEqualTo("1");
    assertThat(repr(call(s, "pop"))).isEqualTo("3");
    call(s, "update", v("range(40, 60)"));
    assertThat(repr(s)).isEqualTo("{5, 7, 9, 11, 13, 15, 17, 19, 40, 41, 42, 43, 44, 45, 46, "
        + "47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59}");
  }

  @Test
  void largeSets() {
    long s = v("set(range(1000))");
    assertThat(rt.len(s)).isEqualTo(1000);
    String all = listOf(s);
    assertThat(all).startsWith("[0, 1, 2, 3, 4,").endsWith("995, 996, 997, 998, 999]");
    long y = v("set(range(0, 100000, 7))");
    long it = keep(rt.iter(y));
    StringBuilder first = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      first.append(repr(rt.next(it))).append(' ');
    }
    assertThat(first.toString())
        .isEqualTo("0 98308 65541 32774 7 98315 65548 32781 14 98322 ");
  }

  @Test
  void mixedAddDiscardOrder() {
    long z = keep(construct(vm.setType));
    for (int i = 0; i < 50; i++) {
      call(z, "add", Tag.fromInt(i * 37 % 101));
    }
    for (int i = 0; i < 50; i += 3) {
      call(z, "discard", Tag.fromInt(i * 37 % 101));
    }
    assertThat(repr(z)).isEqualTo("{2, 3, 6, 12, 13, 16, 22, 23, 26, 33, 36, 37, 43, 46, 47, 53, "
        + "56, 57, 63, 66, 67, 73, 74, 76, 77, 83, 84, 86, 87, 93, 94, 96, 97}");
    long fz = construct(vm.frozensetType, z);
    assertThat(cmp(fz, z, CompareOp.EQ)).isTrue();
    assertThat(rt.hash(fz)).isEqualTo(-3618933716479027391L);
  }

  // ------------------------------------------------------------------ algebra

  @Test
  void operatorsOnRanges() {
    long a = v("set(range(0, 64, 3))");
    long b = v("set(range(0, 64, 5))");
    assertThat(repr(op(BinaryOp.AND, a, b))).isEqualTo("{0, 45, 15, 60, 30}");
    assertThat(repr(op(BinaryOp.OR, a, b))).isEqualTo("{0, 3, 5, 6, 9, 10, 12, 15, 18, 20, 21, "
        + "24, 25, 27, 30, 33, 35, 36, 39, 40, 42, 45, 48, 50, 51, 54, 55, 57, 60, 63}");
    assertThat(repr(op(BinaryOp.SUBTRACT, a, b)))
        .isEqualTo("{33, 3, 36, 6, 39, 9, 42, 12, 48, 18, 51, 21, 54, 24, 57, 27, 63}");
    String sym = "{3, 5, 6, 9, 10, 12, 18, 20, 21, 24, 25, 27, 33, 35, 36, 39, 40, 42, 48, 50, "
        + "51, 54, 55, 57, 63}";
    assertThat(repr(op(BinaryOp.XOR, a, b))).isEqualTo(sym);
    assertThat(repr(op(BinaryOp.XOR, b, a))).isEqualTo(sym);
    assertThat(repr(op(BinaryOp.SUBTRACT, b, a))).isEqualTo("{35, 5, 40, 10, 50, 20, 55, 25}");
    assertThat(repr(op(BinaryOp.OR, b, a))).isEqualTo(repr(op(BinaryOp.OR, a, b)));
  }

  @Test
  void multiArgumentMethods() {
    long a = v("set(range(0, 64, 3))");
    long b = v("set(range(0, 64, 5))");
    assertThat(repr(call(a, "union", v("[99, 1000, -7]"), v("range(5)"))))
        .isEqualTo("{0, 1, 2, 3, 4, 6, 9, 12, 15, 18, 21, 24, 27, -7, 30, 33, 99, 36, 39, 1000, "
            + "42, 45, 48, 51, 54, 57, 60, 63}");
    assertThat(repr(call(a, "intersection", b, v("range(30)")))).isEqualTo("{0, 15}");
    assertThat(repr(call(a, "difference", b, v("range(10)"))))
        .isEqualTo("{33, 36, 39, 42, 12, 48, 18, 51, 21, 54, 24, 57, 27, 63}");
    assertThat(repr(call(a, "symmetric_difference", v("range(50, 70)"))))
        .isEqualTo("{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 33, 36, 39, 42, 45, 48, 50, 52, 53, "
            + "55, 56, 58, 59, 61, 62, 64, 65, 66, 67, 68, 69}");
    long x = v("set(range(20))");
    assertThat(repr(call(x, "symmetric_difference", v("[3, 30, 4, 40]"))))
        .isEqualTo("{0, 1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 30, 40}");
    assertThat(repr(call(x, "difference", v("[1]"), v("{2}"), v("(3,)"))))
        .isEqualTo("{0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}");
    assertThat(repr(call(v("set()"), "union"))).isEqualTo("set()");
    assertThat(repr(call(x, "intersection"))).isEqualTo(repr(x));
  }

  @Test
  void inPlaceOperators() {
    long a = v("set(range(0, 64, 3))");
    long b = v("set(range(0, 64, 5))");
    long c = v("set(range(0, 64, 3))");
    assertThat(op(BinaryOp.INPLACE + BinaryOp.AND, c, b)).isEqualTo(c);
    assertThat(repr(c)).isEqualTo("{0, 45, 15, 60, 30}");
    c = construct(vm.setType, a);
    assertThat(op(BinaryOp.INPLACE + BinaryOp.XOR, c, v("set(range(100))"))).isEqualTo(c);
    assertThat(repr(c)).isEqualTo("{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25,"
        + " 26, 28, 29, 31, 32, 34, 35, 37, 38, 40, 41, 43, 44, 46, 47, 49, 50, 52, 53, 55, 56, 58,"
        + " 59, 61, 62, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82,"
        + " 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99}");
    c = construct(vm.setType, a);
    op(BinaryOp.INPLACE + BinaryOp.SUBTRACT, c, v("set(range(0, 40))"));
    assertThat(repr(c)).isEqualTo("{42, 45, 48, 51, 54, 57, 60, 63}");
    long s = v("set(range(10))");
    op(BinaryOp.INPLACE + BinaryOp.SUBTRACT, s, v("set(range(2, 9))"));
    assertThat(repr(s)).isEqualTo("{0, 1, 9}");
    long u = v("{1}");
    assertThat(op(BinaryOp.INPLACE + BinaryOp.OR, u, v("frozenset({2, 3})"))).isEqualTo(u);
    assertThat(repr(u)).isEqualTo("{1, 2, 3}");
    // A frozenset has no in-place form: |= makes a new frozenset.
    long fs = v("frozenset({1})");
    long r = op(BinaryOp.INPLACE + BinaryOp.OR, fs, v("{2}"));
    assertThat(r).isNotEqualTo(fs);
    assertThat(repr(r)).isEqualTo("frozenset({1, 2})");
    assertThat(repr(fs)).isEqualTo("frozenset({1})");
    assertThat(error(() -> op(BinaryOp.INPLACE + BinaryOp.OR, u, v("[1]"))))
        .isEqualTo("TypeError: unsupported operand type(s) for |=: 'set' and 'list'");
  }

  @Test
  void updateMethods() {
    long s = v("set(range(30))");
    call(s, "difference_update", v("range(0, 30, 2)"));
    assertThat(repr(s)).isEqualTo("{1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29}");
    call(s, "intersection_update", v("range(10)"), v("range(5, 20)"));
    assertThat(repr(s)).isEqualTo("{9, 5, 7}");
    long t = v("set(range(30))");
    call(t, "symmetric_difference_update", v("range(20, 40)"));
    assertThat(repr(t)).isEqualTo("{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, "
        + "18, 19, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39}");
    long small = v("set(range(8))");
    call(small, "difference_update", v("set(range(100))"));
    assertThat(repr(small)).isEqualTo("set()");
    assertThat(rt.len(small)).isZero();
    long purge = v("{5, 3, 1, 8, 100, -1, 16, 9}");
    call(purge, "difference_update", v("{3, 1, 8, 100, 9}"));
    assertThat(repr(purge)).isEqualTo("{5, 16, -1}");
    long big = v("set(range(100))");
    assertThat(repr(op(BinaryOp.AND, big, v("set(range(50, 150))"))))
        .isEqualTo(repr(v("set(range(50, 100))")));
    long self = v("{1, 2}");
    call(self, "symmetric_difference_update", self);
    assertThat(repr(self)).isEqualTo("set()");
  }

  @Test
  void dictsAsOperands() {
    long d = v("{5: 'a', 3: 'b', 17: 'c'}");
    assertThat(repr(construct(vm.setType, d))).isEqualTo("{17, 3, 5}");
    assertThat(repr(call(v("{1, 2}"), "union", d))).isEqualTo("{1, 2, 3, 17, 5}");
    assertThat(repr(op(BinaryOp.XOR, v("{3, 4}"), construct(vm.setType, d))))
        .isEqualTo("{17, 4, 5}");
    long s = v("{1, 2, 3}");
    call(s, "symmetric_difference_update", v("{3: 0, 4: 0}"));
    assertThat(repr(s)).isEqualTo("{1, 2, 4}");
  }

  @Test
  void frozensetsAndResultTypes() {
    long a = v("set(range(0, 64, 3))");
    long b = v("frozenset(range(0, 64, 5))");
    assertThat(vm.typeNameOf(op(BinaryOp.OR, a, b))).isEqualTo("set");
    assertThat(vm.typeNameOf(op(BinaryOp.OR, b, a))).isEqualTo("frozenset");
    assertThat(vm.typeNameOf(op(BinaryOp.AND, b, a))).isEqualTo("frozenset");
    assertThat(vm.typeNameOf(op(BinaryOp.SUBTRACT, b, a))).isEqualTo("frozenset");
    assertThat(vm.typeNameOf(op(BinaryOp.XOR, b, a))).isEqualTo("frozenset");
    long fs = v("frozenset([3, 1, 2])");
    assertThat(repr(call(fs, "union", v("[9]")))).isEqualTo("frozenset({1, 2, 3, 9})");
    assertThat(call(fs, "copy")).isEqualTo(fs);
    assertThat(construct(vm.frozensetType, fs)).isEqualTo(fs);
    assertThat(repr(v("frozenset()"))).isEqualTo("frozenset()");
    assertThat(repr(v("set()"))).isEqualTo("set()");
    assertThat(repr(v("frozenset({frozenset({1}), frozenset({2, 3}), frozenset()})")))
        .isEqualTo("frozenset({frozenset(), frozenset({1}), frozenset({2, 3})})");
    assertThat(vm.typeNameOf(call(v("{1}"), "copy"))).isEqualTo("set");
    assertThat(repr(op(BinaryOp.AND, v("{1}"), v("{1, 2}")))).isEqualTo("{1}");
  }

  @Test
  void intersectionKeepsTheWalkedOperandsKeys() {
    // {1} & {True}: equal sizes, so the right operand is walked and its key is kept.
    long r = op(BinaryOp.AND, v("{1}"), v("{True}"));
    assertThat(repr(r)).isEqualTo("{True}");
    r = op(BinaryOp.AND, v("{True}"), v("{1}"));
    assertThat(repr(r)).isEqualTo("{1}");
    assertThat(repr(op(BinaryOp.OR, v("{1}"), v("{True}")))).isEqualTo("{1}");
  }

  @Test
  void comparisons() {
    long a = v("set(range(0, 64, 3))");
    long b = v("frozenset(range(0, 64, 5))");
    assertThat(cmp(a, v("set(range(64))"), CompareOp.LT)).isTrue();
    assertThat(cmp(a, a, CompareOp.LE)).isTrue();
    assertThat(cmp(a, a, CompareOp.LT)).isFalse();
    assertThat(cmp(b, v("frozenset({0, 5})"), CompareOp.GT)).isTrue();
    assertThat(cmp(b, b, CompareOp.GE)).isTrue();
    assertThat(cmp(a, construct(vm.setType, a), CompareOp.EQ)).isTrue();
    assertThat(cmp(a, b, CompareOp.NE)).isTrue();
    assertThat(cmp(construct(vm.frozensetType, a), a, CompareOp.EQ)).isTrue();
    assertThat(cmp(a, b, CompareOp.GT)).isFalse();
    assertThat(cmp(v("{1, 2}"), v("frozenset({1, 2})"), CompareOp.EQ)).isTrue();
    long fa = v("frozenset({1, 2})");
    long fb = v("frozenset({1, 3})");
    rt.hash(fa);
    rt.hash(fb);
    assertThat(cmp(fa, fb, CompareOp.EQ)).isFalse();
    assertThat(vm.kindOps[Kind.SET].richCompare(vm, a, Tag.fromInt(1), CompareOp.LT))
        .isEqualTo(vm.notImplemented);
    assertThat(error(() -> cmp(a, Tag.fromInt(1), CompareOp.LT)))
        .isEqualTo("TypeError: '<' not supported between instances of 'set' and 'int'");
    assertThat(cmp(a, Tag.fromInt(1), CompareOp.EQ)).isFalse();
  }

  @Test
  void subsetAndDisjointWithIterables() {
    long s = v("{1, 2}");
    assertThat(repr(call(s, "issubset", v("[1, 2, 3]")))).isEqualTo("True");
    assertThat(repr(call(s, "issuperset", v("[1]")))).isEqualTo("True");
    assertThat(repr(call(s, "issuperset", v("[1, 5]")))).isEqualTo("False");
    assertThat(repr(call(s, "isdisjoint", v("[3, 4]")))).isEqualTo("True");
    assertThat(repr(call(s, "isdisjoint", v("(5, 2)")))).isEqualTo("False");
    assertThat(repr(call(s, "isdisjoint", v("{3}")))).isEqualTo("True");
    assertThat(repr(call(s, "isdisjoint", s))).isEqualTo("False");
    assertThat(repr(call(v("set()"), "isdisjoint", v("set()")))).isEqualTo("True");
    assertThat(repr(call(s, "issubset", v("frozenset({1, 2})")))).isEqualTo("True");
  }

  @Test
  void operatorsRejectNonSets() {
    long s = v("{1, 2}");
    assertThat(vm.kindOps[Kind.SET].binaryOp(vm, BinaryOp.AND, s, v("[1]")))
        .isEqualTo(vm.notImplemented);
    assertThat(vm.kindOps[Kind.SET].binaryOp(vm, BinaryOp.ADD, s, s))
        .isEqualTo(vm.notImplemented);
    assertThat(error(() -> op(BinaryOp.AND, s, v("[1]"))))
        .isEqualTo("TypeError: unsupported operand type(s) for &: 'set' and 'list'");
    assertThat(error(() -> op(BinaryOp.OR, Tag.fromInt(1), s)))
        .isEqualTo("TypeError: unsupported operand type(s) for |: 'int' and 'set'");
  }

  // ------------------------------------------------------------------ hashing

  @Test
  void frozensetHashesMatchCpython() {
    assertThat(rt.hash(v("frozenset()"))).isEqualTo(133146708735736L);
    assertThat(rt.hash(v("frozenset({1, 2})"))).isEqualTo(-1826646154956904602L);
    assertThat(rt.hash(v("frozenset({(1, 2), (3, 4)})"))).isEqualTo(4486445898448503724L);
    assertThat(rt.hash(v("frozenset({frozenset({1}), 5})"))).isEqualTo(7223883588196168929L);
    assertThat(rt.hash(v("frozenset({(1, 2), (3, 4), 7})"))).isEqualTo(3499675249407028129L);
    assertThat(rt.hash(v("frozenset(range(100))"))).isEqualTo(4411996150312757951L);
    assertThat(rt.hash(v("frozenset({-1})"))).isEqualTo(6776983852052281967L);
    assertThat(rt.hash(v("frozenset({2**64})"))).isEqualTo(-2999598675034038867L);
    assertThat(rt.hash(v("frozenset({(-1, 0)})"))).isEqualTo(538879642218559185L);
    // The cached value answers the second time.
    long f = v("frozenset({1, 2})");
    rt.hash(f);
    assertThat(rt.hash(f)).isEqualTo(-1826646154956904602L);
    assertThat(error(() -> rt.hash(v("{1}")))).isEqualTo("TypeError: unhashable type: 'set'");
  }

  // ------------------------------------------------------------------ membership, errors

  @Test
  void membershipAndRemoval() {
    long s = v("{1, 2}");
    assertThat(rt.contains(s, Tag.fromInt(1))).isTrue();
    assertThat(rt.contains(s, Tag.fromInt(3))).isFalse();
    assertThat(error(() -> rt.contains(s, v("[]"))))
        .isEqualTo("TypeError: unhashable type: 'list'");
    assertThat(rt.contains(v("{frozenset({1})}"), v("{1}"))).isTrue();
    assertThat(repr(call(v("{1, 2}"), "__contains__", v("set()")))).isEqualTo("False");
    assertThat(error(() -> call(s, "remove", Tag.fromInt(3)))).isEqualTo("KeyError: 3");
    assertThat(error(() -> call(s, "remove", v("{1, 2}")))).isEqualTo("KeyError: {1, 2}");
    assertThat(error(() -> call(s, "add", v("[]"))))
        .isEqualTo("TypeError: unhashable type: 'list'");
    long withFs = v("{frozenset({1, 2}), 7}");
    call(withFs, "remove", v("{1, 2}"));
    assertThat(repr(withFs)).isEqualTo("{7}");
    call(withFs, "discard", v("{7}"));
    call(withFs, "discard", Tag.fromInt(7));
    assertThat(repr(withFs)).isEqualTo("set()");
    assertThat(rt.isTrue(withFs)).isFalse();
    assertThat(rt.isTrue(s)).isTrue();
  }

  @Test
  void argumentErrors() {
    long s = v("{1, 2}");
    assertThat(error(() -> call(s, "add"))).isEqualTo(
        "TypeError: set.add() takes exactly one argument (0 given)");
    assertThat(error(() -> call(s, "add", Tag.fromInt(1), Tag.fromInt(2)))).isEqualTo(
        "TypeError: set.add() takes exactly one argument (2 given)");
    assertThat(error(() -> call(s, "pop", Tag.fromInt(1)))).isEqualTo(
        "TypeError: set.pop() takes no arguments (1 given)");
    assertThat(error(() -> callKw(s, "add", new long[0], "x", Tag.fromInt(1)))).isEqualTo(
        "TypeError: set.add() takes no keyword arguments");
    assertThat(error(() -> callKw(s, "union", new long[0], "a", Tag.fromInt(1)))).isEqualTo(
        "TypeError: set.union() takes no keyword arguments");
    assertThat(error(() -> call(s, "union", Tag.fromInt(1))))
        .isEqualTo("TypeError: 'int' object is not iterable");
    assertThat(error(() -> call(s, "symmetric_difference"))).isEqualTo(
        "TypeError: set.symmetric_difference() takes exactly one argument (0 given)");
    assertThat(error(() -> construct(vm.setType, Tag.fromInt(1), Tag.fromInt(2)))).isEqualTo(
        "TypeError: set expected at most 1 argument, got 2");
    assertThat(error(() -> construct(vm.frozensetType, Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("TypeError: frozenset expected at most 1 argument, got 2");
    assertThat(error(() -> construct(vm.setType, new long[0], "a", Tag.fromInt(1)))).isEqualTo(
        "TypeError: set() takes no keyword arguments");
    assertThat(error(() -> construct(vm.setType, Tag.fromInt(1))))
        .isEqualTo("TypeError: 'int' object is not iterable");
    assertThat(error(() -> callUnbound(vm.setType, "add"))).isEqualTo(
        "TypeError: unbound method set.add() needs an argument");
    assertThat(error(() -> callUnbound(vm.setType, "add", Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("TypeError: descriptor 'add' for 'set' objects doesn't apply to a 'int' object");
    assertThat(error(() -> callUnbound(vm.frozensetType, "union", v("set()")))).isEqualTo(
        "TypeError: descriptor 'union' for 'frozenset' objects doesn't apply to a 'set' object");
    assertThat(error(() -> callUnbound(vm.setType, "__init__", v("frozenset()")))).isEqualTo(
        "TypeError: descriptor '__init__' requires a 'set' object but received a 'frozenset'");
    assertThat(error(() -> callUnbound(vm.setType, "__init__"))).isEqualTo(
        "TypeError: descriptor '__init__' of 'set' object needs an argument");
    assertThat(error(() -> call(s, "__init__", v("[1]"), v("[2]")))).isEqualTo(
        "TypeError: set expected at most 1 argument, got 2");
    assertThat(error(() -> call(s, "__len__", Tag.fromInt(1)))).isEqualTo(
        "TypeError: expected 0 arguments, got 1");
    assertThat(call(s, "__len__")).isEqualTo(Tag.fromInt(2));
  }

  // ------------------------------------------------------------------ iteration

  @Test
  void iterationDetectsSizeChanges() {
    long s = v("{1}");
    long it = keep(rt.iter(s));
    assertThat(repr(rt.next(it))).isEqualTo("1");
    call(s, "add", Tag.fromInt(2));
    assertThat(error(() -> rt.next(it)))
        .isEqualTo("RuntimeError: Set changed size during iteration");
    call(s, "discard", Tag.fromInt(2));
    assertThat(error(() -> rt.next(it)))
        .isEqualTo("RuntimeError: Set changed size during iteration");
    long t = v("{1, 2, 3}");
    long it2 = keep(rt.iter(t));
    assertThat(listOf(it2)).isEqualTo("[1, 2, 3]");
    assertThat(rt.next(it2)).isZero();
    assertThat(listOf(call(t, "__iter__"))).isEqualTo("[1, 2, 3]");
  }

  // ------------------------------------------------------------------ subclasses

  @Test
  void subclassAllocateInitAndRepr() {
    long cls = rt.newType("S", vm.setType, Kind.SET, Layout.Set.NSLOTS + 2,
        org.stitchjit.api.layout.Header.slot(Layout.Set.NSLOTS));
    long obj = keep(vm.kindOps[Kind.SET].allocate(vm, cls));
    assertThat(org.stitchjit.runtime.vm.VM.get(obj, org.stitchjit.api.layout.Header.slot(
        Layout.Set.NSLOTS))).isEqualTo(org.stitchjit.runtime.vm.VM.get(cls,
        Layout.Type.ROOT_SHAPE));
    assertThat(repr(obj)).isEqualTo("S()");
    call(obj, "__init__", v("[3, 1]"));
    assertThat(repr(obj)).isEqualTo("S({1, 3})");
    call(obj, "__init__", v("[5]"));
    assertThat(repr(obj)).isEqualTo("S({5})");
    assertThat(error(() -> call(obj, "__init__", v("[1]"), v("[2]"))))
        .isEqualTo("TypeError: S expected at most 1 argument, got 2");
    assertThat(vm.typeNameOf(op(BinaryOp.OR, obj, v("{2}")))).isEqualTo("set");
    assertThat(vm.typeNameOf(call(obj, "copy"))).isEqualTo("set");
    long viaConstruct = construct(cls, v("[7, 8]"));
    assertThat(repr(viaConstruct)).isEqualTo("S({8, 7})");
    assertThat(cmp(viaConstruct, v("{7, 8}"), CompareOp.EQ)).isTrue();
  }
}
