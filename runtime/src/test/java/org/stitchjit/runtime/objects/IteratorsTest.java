package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Tag;

/** The built-in iterators; every expected value was produced by CPython 3.11. */
class IteratorsTest extends SeqTestBase {

  private long strFn() {
    return fn("str", v -> StrType.strOf(vm, v));
  }

  @Test
  void enumerate() {
    assertRepr("[(0, 'a'), (1, 'b')]", drain(construct(vm.enumerateType, s("ab"))));
    assertRepr("[(5, 'a'), (6, 'b')]", drain(construct(vm.enumerateType, s("ab"), i(5))));
    assertRepr("[(-1, 'a'), (0, 'b')]", drain(construct(vm.enumerateType, new long[] {s("ab")},
        new String[] {"start"}, new long[] {i(-1)})));
    assertRepr("[(4611686018427387903, 'a'), (4611686018427387904, 'b')]",
        drain(Iterators.enumerate(vm, s("ab"), Tag.fromInt(Tag.SMALL_MAX))));
    assertRepr("[]", drain(construct(vm.enumerateType, ints(), i(2))));
    assertErr("TypeError: 'int' object is not iterable", () -> construct(vm.enumerateType, i(5)));
    assertErr("TypeError: 'str' object cannot be interpreted as an integer",
        () -> construct(vm.enumerateType, ints(), s("a")));
    assertErr("TypeError: enumerate() missing required argument 'iterable'",
        () -> construct(vm.enumerateType));
    assertErr("TypeError: enumerate() takes at most 2 arguments (3 given)",
        () -> construct(vm.enumerateType, ints(), i(1), i(2)));
    assertErr("TypeError: 'x' is an invalid keyword argument for enumerate()",
        () -> construct(vm.enumerateType, new long[] {ints()}, new String[] {"x"},
            new long[] {i(2)}));
  }

  @Test
  void zip() {
    assertRepr("[(1, 'a'), (2, 'b')]", drain(construct(vm.zipType, ints(1, 2, 3), s("ab"))));
    assertRepr("[]", drain(construct(vm.zipType)));
    assertRepr("[(1,)]", drain(construct(vm.zipType, ints(1))));
    String[] strict = {"strict"};
    long[] yes = {vm.trueObj};
    assertRepr("[(1, 3), (2, 4)]", drain(construct(vm.zipType, new long[] {ints(1, 2),
        ints(3, 4)}, strict, yes)));
    assertErr("ValueError: zip() argument 2 is shorter than argument 1", () -> drain(
        construct(vm.zipType, new long[] {ints(1, 2), ints(3)}, strict, yes)));
    assertErr("ValueError: zip() argument 2 is longer than argument 1", () -> drain(
        construct(vm.zipType, new long[] {ints(1), ints(3, 4)}, strict, yes)));
    assertErr("ValueError: zip() argument 3 is longer than arguments 1-2", () -> drain(
        construct(vm.zipType, new long[] {ints(1), ints(3), ints(4, 5)}, strict, yes)));
    assertErr("ValueError: zip() argument 3 is shorter than arguments 1-2", () -> drain(
        construct(vm.zipType, new long[] {ints(1, 2), ints(3, 4), ints(5)}, strict, yes)));
    assertErr("TypeError: 'x' is an invalid keyword argument for zip()",
        () -> construct(vm.zipType, new long[] {ints()}, new String[] {"x"}, new long[] {i(1)}));
    assertErr("TypeError: 'int' object is not iterable", () -> construct(vm.zipType, i(5)));
  }

  @Test
  void mapAndFilter() {
    assertRepr("['1', '2']", drain(construct(vm.mapType, strFn(), ints(1, 2))));
    long pow = vm.newBuiltin("pow", (args, nargs, kw) -> {
      long b = org.stitchjit.platforms.Mem.getLong(args);
      long e = org.stitchjit.platforms.Mem.getLong(args + 8);
      return i((long) Math.pow(Tag.intValue(b), Tag.intValue(e)));
    });
    assertRepr("[8, 9]", drain(construct(vm.mapType, pow, ints(2, 3), ints(3, 2, 9))));
    assertRepr("[1, 'a', [0]]", drain(construct(vm.filterType, none(),
        list(i(0), i(1), s(""), s("a"), ints(), ints(0)))));
    assertRepr("[1]", drain(construct(vm.filterType, vm.boolType, ints(0, 1))));
    long odd = fn("odd", v -> i(Math.floorMod(Tag.intValue(v), 2)));
    assertRepr("[1, 3, 5]", drain(Iterators.filter(vm, odd, construct(vm.rangeType, i(7)))));
    assertErr("TypeError: map() must have at least two arguments.",
        () -> construct(vm.mapType, strFn()));
    assertErr("TypeError: map() takes no keyword arguments",
        () -> construct(vm.mapType, new long[0], new String[] {"f"}, new long[] {i(1)}));
    assertErr("TypeError: filter expected 2 arguments, got 0", () -> construct(vm.filterType));
    assertErr("TypeError: filter() takes no keyword arguments",
        () -> construct(vm.filterType, new long[] {none(), ints()}, new String[] {"x"},
            new long[] {i(1)}));
    assertErr("TypeError: 'int' object is not iterable",
        () -> construct(vm.filterType, none(), i(5)));
  }

  @Test
  void reversedAndLiveLists() {
    assertRepr("[3, 2, 1]", drain(construct(vm.reversedType, ints(1, 2, 3))));
    assertRepr("[3, 2, 1]", drain(construct(vm.reversedType, tuple(i(1), i(2), i(3)))));
    assertRepr("['c', 'b', 'a']", drain(construct(vm.reversedType, s("abc"))));
    long l = ints(1, 2, 3);
    long rit = Iterators.reversed(vm, l);
    Iterators.nextItem(vm, rit);
    m(l, "clear");
    assertRepr("[]", drain(rit));
    long l2 = ints(1, 2, 3);
    long it = vm.rt.iter(l2);
    Iterators.nextItem(vm, it);
    vm.listAppend(l2, i(4));
    assertRepr("[2, 3, 4]", drain(it));
    long l3 = ints(1, 2);
    long it3 = vm.rt.iter(l3);
    assertRepr("[1, 2]", drain(it3));
    vm.listAppend(l3, i(3));
    // An exhausted list iterator stays exhausted.
    assertRepr("[]", drain(it3));
    assertEquals(it3, vm.rt.iter(it3));
    assertErr("TypeError: 'int' object is not reversible", () -> construct(vm.reversedType, i(5)));
    assertErr("TypeError: reversed expected 1 argument, got 0", () -> construct(vm.reversedType));
    assertErr("TypeError: reversed() takes no keyword arguments",
        () -> construct(vm.reversedType, new long[0], new String[] {"seq"}, new long[] {ints()}));
    assertErr("TypeError: cannot create 'list_iterator' instances",
        () -> vm.kindOps[org.stitchjit.api.layout.Layout.Kind.ITERATOR].construct(vm,
            vm.listIteratorType, 0, 0, 0));
  }

  @Test
  void callableAndSequenceIterators() {
    long counter = ints(0);
    long tick = vm.newBuiltin("tick", (args, nargs, kw) -> {
      long n = Tag.intValue(org.stitchjit.runtime.vm.VM.listGet(counter, 0)) + 1;
      org.stitchjit.runtime.vm.VM.listSet(counter, 0, i(n));
      return i(n);
    });
    assertRepr("[1, 2, 3]", drain(Iterators.callIterator(vm, tick, i(4))));
    // A sequence iterator over a str ends at its IndexError.
    assertRepr("['x', 'y']", drain(Iterators.seqIterator(vm, s("xy"))));
    long raising = vm.newBuiltin("boom", (args, nargs, kw) -> {
      throw vm.valueError("boom");
    });
    assertErr("ValueError: boom", () -> drain(Iterators.callIterator(vm, raising, none())));
  }
}
