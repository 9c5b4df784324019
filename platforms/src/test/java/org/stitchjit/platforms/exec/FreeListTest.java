package org.stitchjit.platforms.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreeListTest {

  @Test
  void takesFirstFitInAddressOrder() {
    FreeList list = new FreeList();
    list.give(0, 16);
    list.give(64, 64);
    list.give(256, 32);

    assertThat(list.take(32)).isEqualTo(64);
    assertThat(list.take(32)).isEqualTo(96);
    assertThat(list.take(32)).isEqualTo(256);
    assertThat(list.take(32)).isEqualTo(-1);
    assertThat(list.take(16)).isZero();
    assertThat(list.bytes()).isZero();
  }

  @Test
  void coalescesWithBothNeighbours() {
    FreeList list = new FreeList();
    list.give(0, 16);
    list.give(32, 16);
    list.give(16, 16);

    assertThat(list.rangeCount()).isEqualTo(1);
    assertThat(list.bytes()).isEqualTo(48);
    assertThat(list.sizeEndingAt(48)).isEqualTo(48);
    assertThat(list.sizeStartingAt(0)).isEqualTo(48);
    assertThat(list.sizeEndingAt(32)).isZero();
    assertThat(list.take(48)).isZero();
  }

  @Test
  void rejectsOverlappingFrees() {
    FreeList list = new FreeList();
    list.give(16, 32);

    assertThatThrownBy(() -> list.give(16, 16)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> list.give(0, 32)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> list.give(40, 16)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void removesWhatLiesInARangeAndSplitsWhatStraddlesIt() {
    FreeList list = new FreeList();
    list.give(0, 32);
    list.give(48, 16);
    list.give(80, 32);
    java.util.List<long[]> removed = new java.util.ArrayList<>();

    long bytes = list.removeWithin(16, 96, (offset, size) -> removed.add(new long[] {offset, size}));

    assertThat(bytes).isEqualTo(16 + 16 + 16);
    assertThat(removed).containsExactly(new long[] {16, 16}, new long[] {48, 16},
        new long[] {80, 16});
    assertThat(list.bytes()).isEqualTo(32);
    assertThat(list.sizeStartingAt(0)).isEqualTo(16);
    assertThat(list.sizeStartingAt(96)).isEqualTo(16);
    assertThat(list.removeWithin(16, 96, null)).isZero();
    assertThat(list.removeWithin(4, 8, null)).isEqualTo(4);
    assertThat(list.rangeCount()).isEqualTo(3);
  }
}
