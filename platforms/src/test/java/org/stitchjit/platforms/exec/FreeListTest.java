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
}
