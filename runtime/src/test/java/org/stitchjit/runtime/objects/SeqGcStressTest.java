package org.stitchjit.runtime.objects;

import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.vm.VM;

/**
 * Guest callbacks that collect garbage and then reuse the freed cells: any object the
 * sequence code held only in a Java local across the callback would come back corrupted.
 */
class SeqGcStressTest extends SeqTestBase {
  private long mark;

  @BeforeEach
  void markHandles() {
    mark = vm.handleMark();
  }

  @AfterEach
  void popHandles() {
    vm.popHandles(mark);
  }

  /** Keeps a test-held object alive, as the interpreter's stack would. */
  private long root(long v) {
    vm.pushHandle(v);
    return v;
  }

  private void churn() {
    vm.collectGarbage();
    // Refill freed cells of every small size with unrelated objects.
    for (int k = 0; k < 3000; k++) {
      long[] items = new long[k % 9];
      for (int j = 0; j < items.length; j++) {
        items[j] = Tag.fromInt(-1);
      }
      vm.tuple(items);
      vm.newStr("junk" + k);
      vm.newList(k % 5);
    }
  }

  /** A callback that collects first, then computes body(arg) into fresh objects. */
  private long gcFn(LongUnaryOperator body) {
    return fn("gc", v -> {
      churn();
      return body.applyAsLong(v);
    });
  }

  private long freshStr() {
    return gcFn(v -> s("v" + Tag.intValue(v)));
  }

  private long drainRooted(long it) {
    long l = root(vm.newList(0));
    for (long v = Iterators.nextItem(vm, it); v != 0; v = Iterators.nextItem(vm, it)) {
      vm.listAppend(l, v);
    }
    return l;
  }

  private long mapFresh(long iterable) {
    return root(Iterators.map(vm, freshStr(), new long[] {iterable}));
  }

  @Test
  void sortWithFreshKeys() {
    long l = root(ints(5, 3, 9, 1, 7, 3, 0));
    long key = gcFn(v -> vm.tuple(s("k"), i(-Tag.intValue(v))));
    Sorting.sort(vm, l, key, false);
    assertRepr("[9, 7, 5, 3, 3, 1, 0]", l);
  }

  @Test
  void conversionsOverCallbacks() {
    assertRepr("['v1', 'v2', 'v3']", root(Sequences.toList(vm, mapFresh(ints(1, 2, 3)))));
    assertRepr("('v1', 'v2')", root(Sequences.toTuple(vm, mapFresh(ints(1, 2)))));
    assertRepr("'v1-v2-v3'", root(StrType.join(vm, root(s("-")), mapFresh(ints(1, 2, 3)))));
  }

  @Test
  void iteratorsOverCallbacks() {
    long z = root(Iterators.zip(vm, new long[] {mapFresh(ints(1, 2)), mapFresh(ints(3, 4))}));
    assertRepr("[('v1', 'v3'), ('v2', 'v4')]", drainRooted(z));
    long keep = gcFn(v -> vm.bool(Tag.intValue(v) % 2 == 1));
    long f = root(Iterators.filter(vm, keep, root(ints(1, 2, 3, 4, 5))));
    assertRepr("[1, 3, 5]", drainRooted(f));
    long e = root(Iterators.enumerate(vm, mapFresh(ints(7, 8)), i(10)));
    assertRepr("[(10, 'v7'), (11, 'v8')]", drainRooted(e));
    long counter = root(ints(0));
    long tick = vm.newBuiltin("tick", (args, nargs, kw) -> {
      churn();
      long n = Tag.intValue(VM.listGet(counter, 0)) + 1;
      VM.listSet(counter, 0, i(n));
      return vm.tuple(i(n));
    });
    long c = root(Iterators.callIterator(vm, tick, root(tuple(i(3)))));
    assertRepr("[(1,), (2,)]", drainRooted(c));
  }

  @Test
  void listMutationFromCallbacks() {
    long l = root(ints(0, 1, 2, 3));
    vm.rt.setItem(l, root(slice(1L, 3L, null)), mapFresh(ints(7, 8, 9)));
    assertRepr("[0, 'v7', 'v8', 'v9', 3]", l);
    m(l, "extend", mapFresh(ints(5)));
    binop(BinaryOp.INPLACE + BinaryOp.ADD, l, mapFresh(ints(6)));
    assertRepr("[0, 'v7', 'v8', 'v9', 3, 'v5', 'v6']", l);
    vm.rt.setItem(l, root(slice(null, null, 3L)), mapFresh(ints(1, 2, 3)));
    assertRepr("['v1', 'v7', 'v8', 'v2', 3, 'v5', 'v3']", l);
  }
}
