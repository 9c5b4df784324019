package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.objects.Sorting.TimSort;
import org.stitchjit.runtime.vm.VM;

/** list.sort; every expected value was produced by CPython 3.11. */
class SortingTest extends SeqTestBase {

  private long sortKw(long list, long key, Long reverse) {
    List<String> names = new ArrayList<>();
    List<Long> vals = new ArrayList<>();
    if (key != 0) {
      names.add("key");
      vals.add(key);
    }
    if (reverse != null) {
      names.add("reverse");
      vals.add(reverse);
    }
    return mkw(list, "sort", new long[0], names.toArray(new String[0]),
        vals.stream().mapToLong(Long::longValue).toArray());
  }

  private long firstItem() {
    return fn("first", t -> VM.tupleGet(t, 0));
  }

  private long pairs() {
    return list(tuple(i(1), s("b")), tuple(i(0), s("a")), tuple(i(1), s("a")),
        tuple(i(0), s("b")));
  }

  @Test
  void stableWithKeyAndReverse() {
    long l = pairs();
    sortKw(l, firstItem(), null);
    assertRepr("[(0, 'a'), (0, 'b'), (1, 'b'), (1, 'a')]", l);
    long r = pairs();
    sortKw(r, firstItem(), i(1));
    assertRepr("[(1, 'b'), (1, 'a'), (0, 'a'), (0, 'b')]", r);
    long plain = pairs();
    m(plain, "sort");
    assertRepr("[(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b')]", plain);
  }

  @Test
  void fastPathsAndMixedKinds() {
    long a = ints(3, 1, 2);
    m(a, "sort");
    assertRepr("[1, 2, 3]", a);
    sortKw(a, 0, vm.trueObj);
    assertRepr("[3, 2, 1]", a);
    long mixed = list(i(3), f(1.5), i(2), vm.trueObj);
    m(mixed, "sort");
    assertRepr("[True, 1.5, 2, 3]", mixed);
    long strs = list(s("b"), s("a"), s("C"), s("ab"), s(""));
    m(strs, "sort");
    assertRepr("['', 'C', 'a', 'ab', 'b']", strs);
    long floats = list(f(2.5), f(-1.0), f(3.0), f(-0.0), f(0.0));
    m(floats, "sort");
    assertRepr("[-1.0, -0.0, 0.0, 2.5, 3.0]", floats);
    long wide = list(s("\u1234"), s("z"), s("\u00e9"));
    m(wide, "sort");
    assertRepr("['z', '\u00e9', '\u1234']", wide);
    long negatives = ints(5, -3, 0, -3, 7, Tag.SMALL_MIN, Tag.SMALL_MAX);
    m(negatives, "sort");
    assertRepr("[-4611686018427387904, -3, -3, 0, 5, 7, 4611686018427387903]", negatives);
  }

  @Test
  void errors() {
    long l = list(i(3), i(1), s("a"), i(2));
    assertErr("TypeError: '<' not supported between instances of 'str' and 'int'",
        () -> m(l, "sort"));
    assertRepr("[3, 1, 'a', 2]", l);
    long k = ints(3, 1, 2, 0);
    long failing = fn("k", v -> {
      if (v == i(2)) {
        throw vm.raiseObject(vm.newException(vm.keyError, vm.tuple(v)));
      }
      return v;
    });
    assertErr("KeyError: 2", () -> sortKw(k, failing, null));
    assertRepr("[3, 1, 2, 0]", k);
    long mutated = ints(3, 1, 2);
    long appending = fn("k", v -> {
      vm.listAppend(mutated, v);
      return v;
    });
    assertErr("ValueError: list modified during sort", () -> sortKw(mutated, appending, null));
    assertRepr("[1, 2, 3]", mutated);
    assertErr("TypeError: sort() takes no positional arguments", () -> m(ints(1, 2), "sort",
        i(1)));
    assertErr("TypeError: 'x' is an invalid keyword argument for sort()",
        () -> mkw(ints(), "sort", new long[0], new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> sortKw(ints(), 0, s("x")));
    assertErr("TypeError: 'NoneType' object cannot be interpreted as an integer",
        () -> sortKw(ints(), 0, none()));
    long one = ints(5);
    long boom = fn("boom", v -> {
      throw vm.raise(vm.zeroDivisionError, "division by zero");
    });
    assertErr("ZeroDivisionError: division by zero", () -> sortKw(one, boom, null));
  }

  /** Random data with many equal keys, checked against Java's stable sort. */
  @Test
  void matchesAStableReferenceSort() {
    Random rnd = new Random(42);
    for (int round = 0; round < 30; round++) {
      int n = rnd.nextInt(300);
      long[] values = new long[n];
      long l = vm.newList(n);
      for (int k = 0; k < n; k++) {
        values[k] = k * 1000L + rnd.nextInt(1000);
        vm.listAppend(l, i(values[k]));
      }
      boolean reverse = rnd.nextBoolean();
      // Key: the value modulo 7 as a tuple, so the generic comparison path is used.
      long key = fn("k", v -> vm.tuple(i(Math.floorMod(Tag.intValue(v), 7))));
      Sorting.sort(vm, l, key, reverse);
      List<Long> expected = new ArrayList<>();
      for (long v : values) {
        expected.add(v);
      }
      Comparator<Long> byKey = Comparator.comparingLong(v -> Math.floorMod(v, 7));
      // Reverse keeps equal keys in their original order, as CPython does.
      expected.sort(reverse ? byKey.reversed() : byKey);
      for (int k = 0; k < n; k++) {
        assertEquals((long) expected.get(k), Tag.intValue(VM.listGet(l, k)), "round " + round);
      }
    }
  }

  @Test
  void floatKeysAreStable() {
    long l = list(s("a"), s("bb"), s("c"), s("dd"), s("e"));
    long lenKey = fn("len", v -> f(VM.strLen(v)));
    sortKw(l, lenKey, i(1));
    assertRepr("['bb', 'dd', 'a', 'c', 'e']", l);
    long strKey = fn("rev", v -> s(new StringBuilder(vm.str(v)).reverse().toString()));
    long words = list(s("ab"), s("ba"), s("ca"), s("bb"));
    sortKw(words, strKey, null);
    assertRepr("['ba', 'ca', 'ab', 'bb']", words);
  }

  /** Runs of every shape through TimSort itself, against Java's stable sort. */
  @Test
  void timSortIsStableOnAllShapes() {
    Random rnd = new Random(7);
    for (int round = 0; round < 400; round++) {
      int n = rnd.nextInt(round < 300 ? 300 : 5000);
      int[] key = randomKeys(rnd, n);
      int[] perm = identity(n);
      long[] count = {0};
      TimSort.sort(perm, (x, y) -> {
        count[0]++;
        return key[x] < key[y];
      });
      Integer[] expected = new Integer[n];
      for (int i = 0; i < n; i++) {
        expected[i] = i;
      }
      java.util.Arrays.sort(expected, Comparator.comparingInt(i -> key[i]));
      for (int i = 0; i < n; i++) {
        assertEquals((int) expected[i], perm[i], "round " + round + " position " + i);
      }
      // Timsort's worst case is O(n log n) comparisons; a bad merge policy or broken galloping
      // usually shows up here before it shows up as a wrong order.
      assertTrue(count[0] <= (long) n * (32 - Integer.numberOfLeadingZeros(n)) + n,
          "round " + round + ": " + count[0] + " comparisons for " + n);
    }
  }

  /** However far the sort got when less threw, perm is still a permutation. */
  @Test
  void timSortKeepsAPermutationWhenLessThrows() {
    Random rnd = new Random(11);
    for (int round = 0; round < 300; round++) {
      int n = 2 + rnd.nextInt(600);
      int[] key = randomKeys(rnd, n);
      int[] perm = identity(n);
      int budget = rnd.nextInt(n * 8);
      int[] used = {0};
      try {
        TimSort.sort(perm, (x, y) -> {
          if (used[0]++ == budget) {
            throw new IllegalStateException("stop");
          }
          return key[x] < key[y];
        });
      } catch (IllegalStateException e) {
        // expected for most budgets
      }
      int[] sorted = perm.clone();
      java.util.Arrays.sort(sorted);
      assertArrayEquals(identity(n), sorted, "round " + round);
    }
  }

  @Test
  void minRunAndPower() {
    // From listsort.txt: 2112 gives 33 (66 runs of 32 would leave one short), 2048 gives 32.
    assertEquals(63, TimSort.minRun(63));
    assertEquals(32, TimSort.minRun(64));
    assertEquals(33, TimSort.minRun(65));
    assertEquals(32, TimSort.minRun(2048));
    assertEquals(33, TimSort.minRun(2112));
    // Two halves of the whole array meet at the top of the merge tree: power 1; quarters at
    // the middle of the first half: power 2.
    assertEquals(1, TimSort.power(0, 50, 50, 100));
    assertEquals(2, TimSort.power(0, 25, 25, 100));
    assertEquals(2, TimSort.power(50, 25, 25, 100));
  }

  /** The float and str fast paths give the same stable order as the generic comparison. */
  @Test
  void fastPathsAreStable() {
    Random rnd = new Random(3);
    for (int round = 0; round < 20; round++) {
      int n = rnd.nextInt(200);
      long l = vm.newList(n);
      long[] items = new long[n];
      for (int k = 0; k < n; k++) {
        String letter = Character.toString('a' + rnd.nextInt(4));
        items[k] = tuple(i(k), f(rnd.nextInt(5) - 2.0), s(letter));
        vm.listAppend(l, items[k]);
      }
      boolean reverse = rnd.nextBoolean();
      int field = 1 + round % 2;
      Sorting.sort(vm, l, fn("k", t -> VM.tupleGet(t, field)), reverse);
      List<Long> expected = new ArrayList<>();
      for (long v : items) {
        expected.add(v);
      }
      Comparator<Long> byKey = field == 1
          ? Comparator.comparingDouble(t -> VM.floatValue(VM.tupleGet(t, 1)))
          : Comparator.comparing(t -> vm.str(VM.tupleGet(t, 2)));
      expected.sort(reverse ? byKey.reversed() : byKey);
      for (int k = 0; k < n; k++) {
        assertEquals((long) expected.get(k), VM.listGet(l, k), "round " + round);
      }
    }
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }

  /** Random keys with many duplicates, in random, presorted, reversed or blocky shapes. */
  private static int[] randomKeys(Random rnd, int n) {
    int distinct = new int[] {1, 2, 5, 50, 1_000_000}[rnd.nextInt(5)];
    int[] key = new int[n];
    for (int i = 0; i < n; i++) {
      key[i] = rnd.nextInt(distinct);
    }
    switch (rnd.nextInt(4)) {
      case 1 -> {
        for (int i = 0; i < n; ) {
          int j = Math.min(n, i + 1 + rnd.nextInt(200));
          java.util.Arrays.sort(key, i, j);
          if (rnd.nextBoolean()) {
            for (int a = i, b = j - 1; a < b; a++, b--) {
              int t = key[a];
              key[a] = key[b];
              key[b] = t;
            }
          }
          i = j;
        }
      }
      case 2 -> {
        java.util.Arrays.sort(key, 0, n / 2);
        java.util.Arrays.sort(key, n / 2, n);
      }
      case 3 -> {
        java.util.Arrays.sort(key);
        for (int k = rnd.nextInt(4); k > 0 && n > 0; k--) {
          key[rnd.nextInt(n)] = rnd.nextInt(distinct);
        }
      }
      default -> { }
    }
    return key;
  }
}
