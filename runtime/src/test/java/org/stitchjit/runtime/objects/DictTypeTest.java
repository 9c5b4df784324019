package org.stitchjit.runtime.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/** dict, its views and iterators against python3 (3.11) output. */
class DictTypeTest extends MappingTestBase {

  private long op(int op, long a, long b) {
    return keep(rt.binaryOp(op, a, b));
  }

  private long dictSubclass(String name) {
    return rt.newType(name, vm.dictType, Kind.DICT, Layout.Dict.NSLOTS + 2,
        Header.slot(Layout.Dict.NSLOTS));
  }

  private long newInstance(long cls) {
    return keep(vm.kindOps[Kind.DICT].allocate(vm, cls));
  }

  // ------------------------------------------------------------------ repr, equality

  @Test
  void reprs() {
    assertThat(repr(v("{'a': 1, 'b': [1, 2], 3: (4, 5)}")))
        .isEqualTo("{'a': 1, 'b': [1, 2], 3: (4, 5)}");
    assertThat(repr(v("{}"))).isEqualTo("{}");
    long r = v("{}");
    rt.setItem(r, str("self"), r);
    long list = keep(vm.newList(0));
    vm.listAppend(list, r);
    rt.setItem(r, Tag.fromInt(1), list);
    assertThat(repr(r)).isEqualTo("{'self': {...}, 1: [{...}]}");
    assertThat(repr(call(r, "__repr__"))).isEqualTo("\"{'self': {...}, 1: [{...}]}\"");
  }

  @Test
  void equality() {
    assertThat(rt.compare(v("{1: 2, 3: 4}"), v("{3: 4, 1: 2}"), CompareOp.EQ)).isTrue();
    assertThat(rt.compare(v("{1: 2}"), v("{1: 3}"), CompareOp.EQ)).isFalse();
    assertThat(rt.compare(v("{1: 2}"), v("{1: 2}"), CompareOp.NE)).isFalse();
    assertThat(rt.compare(v("{1: 2}"), v("{2: 1}"), CompareOp.EQ)).isFalse();
    assertThat(rt.compare(v("{1: 2}"), v("{1: 2, 3: 4}"), CompareOp.EQ)).isFalse();
    assertThat(rt.compare(v("{(1, 'a'): [1]}"), v("{(1, 'a'): [1]}"), CompareOp.EQ)).isTrue();
    assertThat(vm.kindOps[Kind.DICT].richCompare(vm, v("{}"), v("{}"), CompareOp.LT))
        .isEqualTo(vm.notImplemented);
    assertThat(error(() -> rt.compare(v("{1: 2}"), v("{1: 2}"), CompareOp.LT)))
        .isEqualTo("TypeError: '<' not supported between instances of 'dict' and 'dict'");
    assertThat(rt.compare(v("{}"), v("[]"), CompareOp.EQ)).isFalse();
  }

  @Test
  void orOperators() {
    assertThat(repr(op(BinaryOp.OR, v("{1: 2}"), v("{3: 4, 1: 5}")))).isEqualTo("{1: 5, 3: 4}");
    assertThat(vm.kindOps[Kind.DICT].binaryOp(vm, BinaryOp.OR, v("{'x': 1}"), v("[('y', 2)]")))
        .isEqualTo(vm.notImplemented);
    assertThat(error(() -> op(BinaryOp.OR, v("{1: 2}"), v("[(3, 4)]"))))
        .isEqualTo("TypeError: unsupported operand type(s) for |: 'dict' and 'list'");
    assertThat(error(() -> op(BinaryOp.OR, v("{1: 2}"), Tag.fromInt(1))))
        .isEqualTo("TypeError: unsupported operand type(s) for |: 'dict' and 'int'");
    long e = v("{1: 2, 'y': 3, 4: 5, 'z': 6}");
    assertThat(op(BinaryOp.INPLACE + BinaryOp.OR, e, v("[(7, 8)]"))).isEqualTo(e);
    assertThat(repr(e)).isEqualTo("{1: 2, 'y': 3, 4: 5, 'z': 6, 7: 8}");
    assertThat(error(() -> op(BinaryOp.INPLACE + BinaryOp.OR, e, Tag.fromInt(1))))
        .isEqualTo("TypeError: 'int' object is not iterable");
    long sub = newInstance(dictSubclass("E"));
    rt.setItem(sub, str("a"), Tag.fromInt(1));
    long merged = op(BinaryOp.OR, sub, v("{}"));
    assertThat(vm.typeNameOf(merged)).isEqualTo("dict");
    assertThat(repr(merged)).isEqualTo("{'a': 1}");
  }

  // ------------------------------------------------------------------ subscription

  @Test
  void subscriptionAndMissing() {
    long d = v("{'a': 1}");
    assertThat(repr(rt.getItem(d, str("a")))).isEqualTo("1");
    assertThat(error(() -> rt.getItem(v("{}"), Tag.fromInt(5)))).isEqualTo("KeyError: 5");
    assertThat(error(() -> rt.getItem(d, v("[]"))))
        .isEqualTo("TypeError: unhashable type: 'list'");
    long plainSub = newInstance(dictSubclass("E"));
    assertThat(error(() -> rt.getItem(plainSub, Tag.fromInt(5)))).isEqualTo("KeyError: 5");

    long cls = dictSubclass("D");
    vm.defineMethod(cls, "__missing__", (args, nargs, kw) ->
        vm.tuple(vm.newStr("missing"), Mem.getLong(args + 8)));
    long dd = newInstance(cls);
    assertThat(Mem.getLong(dd + Header.slot(Layout.Dict.NSLOTS)))
        .isEqualTo(Mem.getLong(cls + Layout.Type.ROOT_SHAPE));
    assertThat(repr(rt.getItem(dd, Tag.fromInt(5)))).isEqualTo("('missing', 5)");
    assertThat(repr(call(dd, "__getitem__", Tag.fromInt(6)))).isEqualTo("('missing', 6)");
    rt.setItem(dd, str("a"), Tag.fromInt(1));
    assertThat(repr(rt.getItem(dd, str("a")))).isEqualTo("1");
    // get() never consults __missing__.
    assertThat(call(dd, "get", Tag.fromInt(5))).isEqualTo(vm.none);
  }

  @Test
  void setDeleteContainsLen() {
    long d = v("{}");
    rt.setItem(d, Tag.fromInt(1), str("one"));
    rt.setItem(d, Tag.fromInt(2), str("two"));
    rt.setItem(d, Tag.fromInt(1), str("uno"));
    assertThat(repr(d)).isEqualTo("{1: 'uno', 2: 'two'}");
    assertThat(rt.len(d)).isEqualTo(2);
    assertThat(rt.isTrue(d)).isTrue();
    assertThat(rt.contains(d, Tag.fromInt(2))).isTrue();
    assertThat(rt.contains(d, Tag.fromInt(3))).isFalse();
    rt.delItem(d, Tag.fromInt(1));
    assertThat(repr(d)).isEqualTo("{2: 'two'}");
    assertThat(error(() -> rt.delItem(d, Tag.fromInt(1)))).isEqualTo("KeyError: 1");
    assertThat(error(() -> rt.setItem(d, v("[]"), Tag.fromInt(1))))
        .isEqualTo("TypeError: unhashable type: 'list'");
    call(d, "__setitem__", Tag.fromInt(7), Tag.fromInt(8));
    call(d, "__delitem__", Tag.fromInt(2));
    assertThat(repr(call(d, "__contains__", Tag.fromInt(7)))).isEqualTo("True");
    assertThat(repr(d)).isEqualTo("{7: 8}");
    assertThat(call(d, "__len__")).isEqualTo(Tag.fromInt(1));
    rt.delItem(d, Tag.fromInt(7));
    assertThat(rt.isTrue(d)).isFalse();
  }

  @Test
  void deletionThenInsertionOrder() {
    long d = v("{}");
    for (int i = 0; i < 10; i++) {
      rt.setItem(d, Tag.fromInt(i), Tag.fromInt(i));
    }
    for (int k : new int[] {3, 5, 7}) {
      rt.delItem(d, Tag.fromInt(k));
    }
    rt.setItem(d, Tag.fromInt(3), str("x"));
    assertThat(repr(d)).isEqualTo("{0: 0, 1: 1, 2: 2, 4: 4, 6: 6, 8: 8, 9: 9, 3: 'x'}");
  }

  // ------------------------------------------------------------------ construction

  @Test
  void construction() {
    assertThat(repr(construct(vm.dictType))).isEqualTo("{}");
    assertThat(repr(construct(vm.dictType, v("[(1, 2), [3, 4], 'ab']"))))
        .isEqualTo("{1: 2, 3: 4, 'a': 'b'}");
    assertThat(repr(construct(vm.dictType, new long[] {v("{1: 2}")}, "x", Tag.fromInt(3))))
        .isEqualTo("{1: 2, 'x': 3}");
    assertThat(repr(construct(vm.dictType, new long[0], "x", Tag.fromInt(1), "y",
        Tag.fromInt(2)))).isEqualTo("{'x': 1, 'y': 2}");
    long d = v("{'a': 1, 'b': [1, 2], 3: (4, 5)}");
    assertThat(repr(construct(vm.dictType, call(d, "items"))))
        .isEqualTo("{'a': 1, 'b': [1, 2], 3: (4, 5)}");
    long sub = newInstance(dictSubclass("E"));
    rt.setItem(sub, str("a"), Tag.fromInt(1));
    assertThat(repr(construct(vm.dictType, sub))).isEqualTo("{'a': 1}");
    long copy = construct(vm.dictType, d);
    assertThat(copy).isNotEqualTo(d);
    assertThat(repr(copy)).isEqualTo(repr(d));

    assertThat(error(() -> construct(vm.dictType, Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("TypeError: dict expected at most 1 argument, got 2");
    assertThat(error(() -> construct(vm.dictType, Tag.fromInt(1))))
        .isEqualTo("TypeError: 'int' object is not iterable");
    assertThat(error(() -> construct(vm.dictType, v("[1]")))).isEqualTo(
        "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    assertThat(error(() -> construct(vm.dictType, v("[(1, 2), 5]")))).isEqualTo(
        "TypeError: cannot convert dictionary update sequence element #1 to a sequence");
    assertThat(error(() -> construct(vm.dictType, v("[(1, 2, 3)]")))).isEqualTo(
        "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
    assertThat(error(() -> construct(vm.dictType, v("['abc']")))).isEqualTo(
        "ValueError: dictionary update sequence element #0 has length 3; 2 is required");
  }

  @Test
  void subclassInit() {
    long cls = dictSubclass("E");
    long obj = newInstance(cls);
    callKw(obj, "__init__", new long[] {v("[(1, 2)]")}, "k", Tag.fromInt(3));
    assertThat(repr(obj)).isEqualTo("{1: 2, 'k': 3}");
    call(obj, "__init__", v("{5: 6}"));
    assertThat(repr(obj)).isEqualTo("{1: 2, 'k': 3, 5: 6}");
    assertThat(error(() -> call(obj, "__init__", Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("TypeError: dict expected at most 1 argument, got 2");
    assertThat(error(() -> callUnbound(vm.dictType, "__init__", Tag.fromInt(1)))).isEqualTo(
        "TypeError: descriptor '__init__' requires a 'dict' object but received a 'int'");
    long viaConstruct = construct(cls, new long[] {v("{1: 1}")}, "z", Tag.fromInt(0));
    assertThat(vm.typeNameOf(viaConstruct)).isEqualTo("E");
    assertThat(repr(viaConstruct)).isEqualTo("{1: 1, 'z': 0}");
  }

  @Test
  void mappingsWithKeysMethod() {
    long cls = rt.newType("M", vm.objectType, Kind.OTHER, 0, 0);
    vm.defineMethod(cls, "keys", (args, nargs, kw) -> {
      long list = vm.newList(2);
      vm.listAppend(list, vm.newStr("p"));
      vm.listAppend(list, vm.newStr("q"));
      return list;
    });
    vm.defineMethod(cls, "__getitem__", (args, nargs, kw) ->
        vm.newStr(vm.str(Mem.getLong(args + 8)) + "!"));
    long m = keep(vm.alloc(cls, 0, 0));
    assertThat(repr(construct(vm.dictType, m))).isEqualTo("{'p': 'p!', 'q': 'q!'}");
    long d = v("{'q': 0, 'r': 1}");
    call(d, "update", m);
    assertThat(repr(d)).isEqualTo("{'q': 'q!', 'r': 1, 'p': 'p!'}");

    // A dict subclass that overrides __iter__ is read through keys() and __getitem__.
    long sub = dictSubclass("I");
    vm.defineMethod(sub, "__iter__", (args, nargs, kw) -> rt.iter(vm.newList(0)));
    long inst = newInstance(sub);
    rt.setItem(inst, Tag.fromInt(1), Tag.fromInt(2));
    assertThat(repr(construct(vm.dictType, inst))).isEqualTo("{1: 2}");
  }

  // ------------------------------------------------------------------ methods

  @Test
  void accessMethods() {
    long d = v("{1: 2}");
    assertThat(repr(call(d, "get", Tag.fromInt(1)))).isEqualTo("2");
    assertThat(call(d, "get", Tag.fromInt(3))).isEqualTo(vm.none);
    assertThat(repr(call(d, "get", Tag.fromInt(3), str("z")))).isEqualTo("'z'");
    assertThat(repr(call(v("{}"), "pop", v("[]"), Tag.fromInt(5)))).isEqualTo("5");
    assertThat(error(() -> call(v("{}"), "pop", v("[]")))).isEqualTo("KeyError: []");
    assertThat(repr(call(v("{1: 2}"), "pop", Tag.fromInt(1)))).isEqualTo("2");
    assertThat(call(v("{1: 2}"), "pop", Tag.fromInt(3), vm.none)).isEqualTo(vm.none);
    assertThat(error(() -> call(v("{1: 2}"), "pop", Tag.fromInt(3)))).isEqualTo("KeyError: 3");
    assertThat(repr(call(v("{1: 2, 3: 4}"), "popitem"))).isEqualTo("(3, 4)");
    assertThat(error(() -> call(v("{}"), "popitem")))
        .isEqualTo("KeyError: 'popitem(): dictionary is empty'");
    long s = v("{1: 2}");
    assertThat(repr(call(s, "setdefault", Tag.fromInt(1), Tag.fromInt(9)))).isEqualTo("2");
    assertThat(call(s, "setdefault", Tag.fromInt(7))).isEqualTo(vm.none);
    assertThat(repr(s)).isEqualTo("{1: 2, 7: None}");
  }

  @Test
  void popitemIsLifoAndReusesRoom() {
    long p = v("{}");
    for (int i = 0; i < 6; i++) {
      rt.setItem(p, Tag.fromInt(i), vm.newStr(Integer.toString(i)));
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      sb.append(repr(call(p, "popitem"))).append(' ');
    }
    assertThat(sb.toString()).isEqualTo("(5, '5') (4, '4') (3, '3') ");
    assertThat(repr(p)).isEqualTo("{0: '0', 1: '1', 2: '2'}");
    assertThat(Dicts.filled(p)).isEqualTo(3);
    rt.setItem(p, Tag.fromInt(9), Tag.fromInt(9));
    assertThat(repr(p)).isEqualTo("{0: '0', 1: '1', 2: '2', 9: 9}");
    while (Dicts.size(p) > 0) {
      call(p, "popitem");
    }
    assertThat(repr(p)).isEqualTo("{}");
  }

  @Test
  void updateCopyClearFromkeys() {
    long e = v("{}");
    callKw(e, "update", new long[] {v("{1: 2}")}, "y", Tag.fromInt(3));
    call(e, "update", v("[(4, 5)]"));
    callKw(e, "update", new long[0], "z", Tag.fromInt(6));
    assertThat(repr(e)).isEqualTo("{1: 2, 'y': 3, 4: 5, 'z': 6}");
    assertThat(error(() -> call(e, "update", Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("TypeError: update expected at most 1 argument, got 2");
    assertThat(error(() -> call(e, "update", v("[1]")))).isEqualTo(
        "TypeError: cannot convert dictionary update sequence element #0 to a sequence");
    call(e, "update", e);
    assertThat(repr(e)).isEqualTo("{1: 2, 'y': 3, 4: 5, 'z': 6}");

    long g = v("{1: 2}");
    long h = call(g, "copy");
    rt.setItem(h, Tag.fromInt(3), Tag.fromInt(4));
    assertThat(repr(g) + " " + repr(h)).isEqualTo("{1: 2} {1: 2, 3: 4}");
    long sub = newInstance(dictSubclass("E"));
    assertThat(vm.typeNameOf(call(sub, "copy"))).isEqualTo("dict");

    long f = v("{'k': 'v'}");
    call(f, "clear");
    assertThat(repr(f) + rt.len(f)).isEqualTo("{}0");
    rt.setItem(f, Tag.fromInt(1), Tag.fromInt(1));
    assertThat(repr(f)).isEqualTo("{1: 1}");

    assertThat(repr(callUnbound(vm.dictType, "fromkeys", v("[3, 1, 2]"))))
        .isEqualTo("{3: None, 1: None, 2: None}");
    assertThat(repr(callUnbound(vm.dictType, "fromkeys", v("{3: 0, 1: 0}"), str("v"))))
        .isEqualTo("{3: 'v', 1: 'v'}");
    assertThat(repr(callUnbound(vm.dictType, "fromkeys", v("{5, 3}"), Tag.fromInt(0))))
        .isEqualTo("{3: 0, 5: 0}");
    assertThat(repr(callUnbound(vm.dictType, "fromkeys", str("ba"))))
        .isEqualTo("{'b': None, 'a': None}");
    assertThat(error(() -> callUnbound(vm.dictType, "fromkeys"))).isEqualTo(
        "TypeError: fromkeys expected at least 1 argument, got 0");
    assertThat(error(() -> callUnbound(vm.dictType, "fromkeys", Tag.fromInt(1),
        Tag.fromInt(2), Tag.fromInt(3)))).isEqualTo(
        "TypeError: fromkeys expected at most 2 arguments, got 3");
    assertThat(error(() -> callUnbound(vm.dictType, "fromkeys", Tag.fromInt(1))))
        .isEqualTo("TypeError: 'int' object is not iterable");
  }

  @Test
  void argumentErrors() {
    long d = v("{'a': 1}");
    assertThat(error(() -> call(d, "get"))).isEqualTo(
        "TypeError: get expected at least 1 argument, got 0");
    assertThat(error(() -> call(d, "get", Tag.fromInt(1), Tag.fromInt(2), Tag.fromInt(3))))
        .isEqualTo("TypeError: get expected at most 2 arguments, got 3");
    assertThat(error(() -> callKw(d, "get", new long[0], "key", Tag.fromInt(1)))).isEqualTo(
        "TypeError: dict.get() takes no keyword arguments");
    assertThat(error(() -> call(d, "pop"))).isEqualTo(
        "TypeError: pop expected at least 1 argument, got 0");
    assertThat(error(() -> call(d, "setdefault", Tag.fromInt(1), Tag.fromInt(2),
        Tag.fromInt(3)))).isEqualTo("TypeError: setdefault expected at most 2 arguments, got 3");
    assertThat(error(() -> call(d, "keys", Tag.fromInt(1)))).isEqualTo(
        "TypeError: dict.keys() takes no arguments (1 given)");
    assertThat(error(() -> callKw(d, "keys", new long[0], "a", Tag.fromInt(1)))).isEqualTo(
        "TypeError: dict.keys() takes no keyword arguments");
    assertThat(error(() -> call(d, "popitem", Tag.fromInt(1)))).isEqualTo(
        "TypeError: dict.popitem() takes no arguments (1 given)");
    assertThat(error(() -> call(d, "__contains__"))).isEqualTo(
        "TypeError: dict.__contains__() takes exactly one argument (0 given)");
    assertThat(error(() -> call(d, "__getitem__"))).isEqualTo(
        "TypeError: dict.__getitem__() takes exactly one argument (0 given)");
    assertThat(error(() -> call(d, "__getitem__", str("zz")))).isEqualTo("KeyError: 'zz'");
    assertThat(error(() -> call(d, "__setitem__", Tag.fromInt(1)))).isEqualTo(
        "TypeError:  expected 2 arguments, got 1");
    assertThat(error(() -> call(d, "__delitem__"))).isEqualTo(
        "TypeError: expected 1 argument, got 0");
    assertThat(error(() -> callKw(d, "__setitem__", new long[] {Tag.fromInt(1)}, "a",
        Tag.fromInt(2)))).isEqualTo("TypeError: wrapper __setitem__() takes no keyword arguments");
    assertThat(error(() -> callUnbound(vm.dictType, "keys"))).isEqualTo(
        "TypeError: unbound method dict.keys() needs an argument");
    assertThat(error(() -> callUnbound(vm.dictType, "keys", Tag.fromInt(1)))).isEqualTo(
        "TypeError: descriptor 'keys' for 'dict' objects doesn't apply to a 'int' object");
    assertThat(error(() -> callUnbound(vm.dictType, "__setitem__"))).isEqualTo(
        "TypeError: descriptor '__setitem__' of 'dict' object needs an argument");
    assertThat(repr(callUnbound(vm.dictType, "get", v("{}"), Tag.fromInt(1), Tag.fromInt(2))))
        .isEqualTo("2");
  }

  // ------------------------------------------------------------------ iteration and views

  @Test
  void iterationDetectsSizeChanges() {
    long d = v("{1: 1, 2: 2}");
    long it = keep(rt.iter(d));
    assertThat(repr(rt.next(it))).isEqualTo("1");
    rt.setItem(d, Tag.fromInt(3), Tag.fromInt(3));
    assertThat(error(() -> rt.next(it)))
        .isEqualTo("RuntimeError: dictionary changed size during iteration");
    assertThat(error(() -> rt.next(it)))
        .isEqualTo("RuntimeError: dictionary changed size during iteration");
    // Replacing values is not a size change.
    long it2 = keep(rt.iter(d));
    rt.next(it2);
    rt.setItem(d, Tag.fromInt(1), Tag.fromInt(10));
    assertThat(repr(rt.next(it2))).isEqualTo("2");
    assertThat(listOf(call(d, "__iter__"))).isEqualTo("[1, 2, 3]");
  }

  @Test
  void views() {
    long d = v("{'a': 1, 'b': [1, 2], 3: (4, 5)}");
    long keys = call(d, "keys");
    long values = call(d, "values");
    long items = call(d, "items");
    assertThat(listOf(keys)).isEqualTo("['a', 'b', 3]");
    assertThat(listOf(values)).isEqualTo("[1, [1, 2], (4, 5)]");
    assertThat(listOf(items)).isEqualTo("[('a', 1), ('b', [1, 2]), (3, (4, 5))]");
    assertThat(repr(keys)).isEqualTo("dict_keys(['a', 'b', 3])");
    assertThat(repr(values)).isEqualTo("dict_values([1, [1, 2], (4, 5)])");
    assertThat(repr(items)).isEqualTo("dict_items([('a', 1), ('b', [1, 2]), (3, (4, 5))])");
    assertThat(repr(call(v("{}"), "items"))).isEqualTo("dict_items([])");
    assertThat(rt.len(keys)).isEqualTo(3);
    assertThat(rt.contains(items, v("('a', 1)"))).isTrue();
    assertThat(rt.contains(items, v("('a', 2)"))).isFalse();
    assertThat(rt.contains(items, v("('a',)"))).isFalse();
    assertThat(rt.contains(items, Tag.fromInt(1))).isFalse();
    assertThat(rt.contains(keys, str("a"))).isTrue();
    assertThat(rt.contains(values, v("[1, 2]"))).isTrue();
    assertThat(rt.contains(values, Tag.fromInt(7))).isFalse();
    assertThat(rt.isTrue(call(v("{}"), "keys"))).isFalse();
    assertThat(rt.isTrue(items)).isTrue();
    // Views are live.
    rt.setItem(d, Tag.fromInt(9), Tag.fromInt(9));
    assertThat(repr(keys)).isEqualTo("dict_keys(['a', 'b', 3, 9])");
    long self = v("{}");
    rt.setItem(self, Tag.fromInt(1), call(self, "values"));
    assertThat(repr(call(self, "values"))).isEqualTo("dict_values([dict_values([...])])");
  }

  @Test
  void viewComparisons() {
    long d = v("{'a': 1, 'b': [1, 2], 3: (4, 5)}");
    long keys = call(d, "keys");
    assertThat(rt.compare(keys, v("{'a', 'b', 3}"), CompareOp.EQ)).isTrue();
    assertThat(rt.compare(keys, v("{'a'}"), CompareOp.NE)).isTrue();
    assertThat(rt.compare(v("{'a', 'b', 3}"), keys, CompareOp.EQ)).isTrue();
    assertThat(rt.compare(keys, v("{'a', 'b', 3, 9}"), CompareOp.LE)).isTrue();
    assertThat(rt.compare(v("{'a'}"), keys, CompareOp.LT)).isTrue();
    assertThat(rt.compare(keys, v("{'a'}"), CompareOp.GT)).isTrue();
    assertThat(rt.compare(keys, v("frozenset({'a'})"), CompareOp.LT)).isFalse();
    assertThat(rt.compare(call(d, "items"), v("{('a', 1)}"), CompareOp.EQ)).isFalse();
    assertThat(rt.compare(call(v("{1: 2}"), "items"), v("{(1, 2)}"), CompareOp.EQ)).isTrue();
    assertThat(rt.compare(call(v("{1: 2}"), "keys"), call(v("{1: 3}"), "keys"), CompareOp.EQ))
        .isTrue();
    long vd = v("{1: 2}");
    assertThat(rt.compare(call(vd, "values"), call(vd, "values"), CompareOp.EQ)).isFalse();
    assertThat(rt.compare(keys, v("['a', 'b', 3]"), CompareOp.EQ)).isFalse();
  }

  @Test
  void viewSetOperations() {
    assertThat(repr(op(BinaryOp.AND, call(v("{1: 2}"), "keys"), v("{1, 5}")))).isEqualTo("{1}");
    assertThat(repr(op(BinaryOp.AND, v("{'a', 'b'}"), call(v("{'a': 1}"), "keys"))))
        .isEqualTo("{'a'}");
    assertThat(repr(op(BinaryOp.OR, call(v("{1: 2, 5: 6}"), "keys"), v("[7]"))))
        .isEqualTo("{1, 5, 7}");
    assertThat(repr(op(BinaryOp.OR, v("[1]"), call(v("{'a': 1}"), "keys"))))
        .isEqualTo(repr(v("{1, 'a'}")));
    assertThat(repr(op(BinaryOp.SUBTRACT, call(v("{1: 2, 5: 6}"), "keys"), v("{5}"))))
        .isEqualTo("{1}");
    assertThat(repr(op(BinaryOp.XOR, call(v("{1: 2, 5: 6}"), "keys"), v("{5, 9}"))))
        .isEqualTo("{1, 9}");
    assertThat(repr(op(BinaryOp.SUBTRACT, v("{5, 9}"), call(v("{1: 2, 5: 6}"), "keys"))))
        .isEqualTo("{9}");
    assertThat(repr(op(BinaryOp.OR, call(v("{1: 2}"), "items"), v("{(3, 4)}"))))
        .isEqualTo("{(1, 2), (3, 4)}");
    assertThat(repr(op(BinaryOp.AND, call(v("{1: 2, 3: 4}"), "keys"),
        call(v("{3: 0, 1: 0, 7: 0}"), "keys")))).isEqualTo("{1, 3}");
    assertThat(repr(op(BinaryOp.AND, call(v("{1: 2}"), "items"), v("{(1, 2)}"))))
        .isEqualTo("{(1, 2)}");
    assertThat(repr(op(BinaryOp.INPLACE + BinaryOp.OR, v("{1}"), call(v("{2: 0}"), "keys"))))
        .isEqualTo("{1, 2}");
    assertThat(error(() -> op(BinaryOp.AND, call(v("{1: [1]}"), "items"), v("{(1, 3)}"))))
        .isEqualTo("TypeError: unhashable type: 'list'");
    assertThat(error(() -> op(BinaryOp.OR, call(v("{1: 2}"), "values"), v("{1}"))))
        .isEqualTo("TypeError: unsupported operand type(s) for |: 'dict_values' and 'set'");
    assertThat(repr(call(call(v("{1: 2}"), "keys"), "isdisjoint", v("[2]")))).isEqualTo("True");
    assertThat(repr(call(call(v("{1: 2}"), "items"), "isdisjoint", v("[(1, 2)]"))))
        .isEqualTo("False");
    assertThat(repr(call(call(v("{1: 2}"), "keys"), "isdisjoint", v("{1, 2, 3}"))))
        .isEqualTo("False");
    assertThat(error(() -> call(call(v("{}"), "keys"), "isdisjoint"))).isEqualTo(
        "TypeError: dict_keys.isdisjoint() takes exactly one argument (0 given)");
  }

  @Test
  void itemsIteratorYieldsFreshPairs() {
    long d = v("{1: 'x'}");
    long it = keep(rt.iter(call(d, "items")));
    long pair = keep(rt.next(it));
    assertThat(VM.tupleLen(pair)).isEqualTo(2);
    assertThat(repr(pair)).isEqualTo("(1, 'x')");
    assertThat(rt.next(it)).isZero();
    assertThat(rt.next(it)).isZero();
    assertThat(vm.typeNameOf(it)).isEqualTo("dict_keyiterator");
  }
}
