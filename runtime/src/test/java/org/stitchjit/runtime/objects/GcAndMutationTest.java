package org.stitchjit.runtime.objects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.vm.Dicts;

/**
 * Guest code may run inside hashing and equality (a user's __hash__/__eq__), and with it a
 * collection or a mutation of the container being probed. Probe keys stand for such objects
 * (P(n) hashes to n % 1000, so P(8) and P(1008) collide and need __eq__): here their hook
 * collects garbage on every call, or mutates the container, and the results must still be
 * complete, correct and alive. Expected values come from python3 with an equivalent class.
 */
class GcAndMutationTest extends MappingTestBase {

  private void collectOnEveryCall() {
    rt.probeHook = (a, b) -> {
      vm.collectGarbage();
      return 0;
    };
  }

  private String probes(int from, int to, String extra) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = from; i < to; i++) {
      sb.append("P(").append(i).append("), ");
    }
    return sb.append(extra).append("]").toString();
  }

  @Test
  void setAlgebraSurvivesCollectionsInsideEq() {
    long a = v("set(" + probes(0, 40, "P(1000), P(1008), P(1016)") + ")");
    long b = v("set([P(0), P(8), P(16), P(24), P(32), P(64), P(72), P(1008), P(2008)])");
    collectOnEveryCall();
    long cycles = vm.collector.cycles();
    long union = keep(rt.binaryOp(BinaryOp.OR, a, b));
    long inter = keep(rt.binaryOp(BinaryOp.AND, a, b));
    long diff = keep(rt.binaryOp(BinaryOp.SUBTRACT, b, a));
    long sym = keep(rt.binaryOp(BinaryOp.XOR, a, b));
    long fromList = construct(vm.setType, v("[P(3), P(11), P(19), P(3), P(1003), P(11)]"));
    long copy = call(a, "copy");
    long multi = call(a, "intersection", b, v("[P(8), P(16), P(72), P(1008)]"));
    long diffMulti = call(a, "difference", b, v("[P(1)]"));
    assertThat(vm.collector.cycles() - cycles).isGreaterThan(50);
    assertThat(vm.collector.freedObjects()).isGreaterThan(0);
    for (long s : new long[] {union, inter, diff, sym, fromList, copy, multi, diffMulti}) {
      assertThat(live(s)).isTrue();
      assertThat(live(SetTable.tableObj(s))).isTrue();
    }
    assertThat(repr(union)).isEqualTo("{P(0), P(1), P(2), P(3), P(4), P(5), P(6), P(7), P(8), "
        + "P(9), P(10), P(11), P(12), P(13), P(14), P(15), P(16), P(17), P(18), P(19), P(20), "
        + "P(21), P(22), P(23), P(24), P(25), P(26), P(27), P(28), P(29), P(30), P(31), P(32), "
        + "P(33), P(34), P(35), P(36), P(37), P(38), P(39), P(1000), P(1008), P(2008), P(64), "
        + "P(72), P(1016)}");
    assertThat(repr(inter)).isEqualTo("{P(0), P(32), P(8), P(1008), P(16), P(24)}");
    assertThat(repr(diff)).isEqualTo("{P(64), P(2008), P(72)}");
    assertThat(repr(sym)).isEqualTo("{P(1000), P(1), P(2), P(3), P(4), P(5), P(6), P(7), "
        + "P(2008), P(9), P(10), P(11), P(12), P(13), P(14), P(15), P(17), P(18), P(19), P(20), "
        + "P(21), P(22), P(1016), P(23), P(25), P(26), P(27), P(28), P(29), P(30), P(31), P(33), "
        + "P(34), P(35), P(36), P(37), P(38), P(39), P(64), P(72)}");
    assertThat(repr(fromList)).isEqualTo("{P(11), P(19), P(3), P(1003)}");
    assertThat(rt.compare(copy, a, CompareOp.EQ)).isTrue();
    assertThat(repr(multi)).isEqualTo("{P(8), P(16), P(1008)}");
    assertThat(rt.len(diffMulti)).isEqualTo(36);
    assertThat(rt.compare(inter, b, CompareOp.LT)).isTrue();
    long fz = construct(vm.frozensetType, inter);
    assertThat(rt.hash(fz)).isEqualTo(rt.hash(construct(vm.frozensetType, inter)));
  }

  @Test
  void inPlaceSetOperationsSurviveCollections() {
    long a = v("set(" + probes(0, 30, "P(1000), P(1001)") + ")");
    collectOnEveryCall();
    call(a, "difference_update", v("[P(0), P(1), P(2), P(3), P(4), P(5), P(1000)]"));
    call(a, "intersection_update", v("set(" + probes(0, 20, "P(1001)") + ")"));
    call(a, "symmetric_difference_update", v("[P(6), P(100), P(1100)]"));
    rt.binaryOp(BinaryOp.INPLACE + BinaryOp.OR, a, v("{P(200), P(208), P(1200)}"));
    assertThat(live(a) && live(SetTable.tableObj(a))).isTrue();
    assertThat(repr(a)).isEqualTo("{P(1001), P(7), P(8), P(9), P(10), P(11), P(12), P(13), "
        + "P(14), P(15), P(16), P(17), P(18), P(19), P(208), P(1100), P(100), P(200), P(1200)}");
  }

  @Test
  void dictOperationsSurviveCollectionsInsideEq() {
    collectOnEveryCall();
    long d = construct(vm.dictType,
        v("[(P(0), 'a'), (P(8), 'b'), (P(1000), 'c'), (P(0), 'd')]"));
    assertThat(repr(d)).isEqualTo("{P(0): 'd', P(8): 'b', P(1000): 'c'}");
    long pairs = construct(vm.dictType, v("['ab', 'cd']"));
    assertThat(repr(pairs)).isEqualTo("{'a': 'b', 'c': 'd'}");
    long merged = keep(rt.binaryOp(BinaryOp.OR, d, v("{P(8): 'B', P(1008): 'E'}")));
    assertThat(live(merged)).isTrue();
    assertThat(repr(merged)).isEqualTo("{P(0): 'd', P(8): 'B', P(1000): 'c', P(1008): 'E'}");
    assertThat(rt.compare(merged, construct(vm.dictType, merged), CompareOp.EQ)).isTrue();
    long keys = keep(rt.binaryOp(BinaryOp.AND, call(merged, "keys"),
        v("[P(8), P(40), P(1000)]")));
    assertThat(repr(keys)).isEqualTo("{P(8), P(1000)}");
    long fromKeys = callUnbound(vm.dictType, "fromkeys", v("[P(1), P(1001), P(1)]"),
        Tag.fromInt(0));
    assertThat(repr(fromKeys)).isEqualTo("{P(1): 0, P(1001): 0}");
    assertThat(repr(call(merged, "pop", keep(rt.probe(1000))))).isEqualTo("'c'");
    assertThat(repr(call(merged, "setdefault", keep(rt.probe(2000)), Tag.fromInt(5))))
        .isEqualTo("5");
    assertThat(repr(merged)).isEqualTo("{P(0): 'd', P(8): 'B', P(1008): 'E', P(2000): 5}");
    assertThat(vm.collector.freedObjects()).isGreaterThan(0);
  }

  @Test
  void setClearedDuringEqRestartsTheProbe() {
    long s = v("{P(0)}");
    int[] calls = {0};
    rt.probeHook = (a, b) -> {
      if (b != 0 && calls[0]++ == 0) {
        SetTable.clear(vm, s);
      }
      return 0;
    };
    // P(1000) has P(0)'s hash; the __eq__ call empties the set, so the probe starts over.
    call(s, "add", keep(rt.probe(1000)));
    assertThat(repr(s)).isEqualTo("{P(1000)}");
    assertThat(calls[0]).isEqualTo(1);
  }

  @Test
  void dictClearedDuringEqRestartsTheLookup() {
    long d = v("{P(0): 1}");
    int[] calls = {0};
    rt.probeHook = (a, b) -> {
      if (b != 0 && calls[0]++ == 0) {
        Dicts.clear(d);
      }
      return 0;
    };
    rt.setItem(d, keep(rt.probe(1000)), Tag.fromInt(2));
    assertThat(repr(d)).isEqualTo("{P(1000): 2}");
  }

  @Test
  void dictMutatedDuringUpdate() {
    long src = v("{P(1000): 1, P(1): 2}");
    long dst = v("{P(0): 0}");
    rt.probeHook = (a, b) -> {
      if (b != 0 && Dicts.size(src) == 2) {
        Dicts.setItem(vm, src, Tag.fromInt(99), Tag.fromInt(99));
      }
      return 0;
    };
    assertThat(error(() -> call(dst, "update", src)))
        .isEqualTo("RuntimeError: dict mutated during update");
  }
}
