package org.stitchjit.runtime.heap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.HeapControl;
import org.stitchjit.platforms.Mem;

/**
 * The allocator's books live in the native {@link HeapControl} block, where compiled code
 * updates them too: the statistics and the GC trigger read what is there.
 */
class HeapTest {

  private static final long LIMIT = 16L << 20; // initial threshold: max(1 MiB, LIMIT / 4)
  private static final long FLOAT_SIZE = Header.objectSize(0, Layout.Float.RAW);

  private long flag;
  private long type; // a stand-in type object: meta 0, so marking stops at it
  private Heap heap;

  @BeforeEach
  void setUp() {
    flag = Mem.allocate(8);
    Mem.putLong(flag, 0);
    type = Mem.allocate(Header.SIZE);
    Mem.zero(type, Header.SIZE);
    heap = new Heap(flag, LIMIT);
  }

  @AfterEach
  void tearDown() {
    heap.close();
    Mem.free(flag);
    Mem.free(type);
  }

  private long word(long offset) {
    return Mem.getLong(heap.control() + offset);
  }

  @Test
  void theControlBlockFollowsTheFreeListHeads() {
    assertThat(heap.control()).isEqualTo(heap.freeListHeads() + 8L * Heap.CLASS_SIZES.length);
    assertThat(heap.objectsAllocated()).isZero();
    assertThat(heap.bytesAllocated()).isZero();
    assertThat(heap.allocatedSinceGc()).isZero();
    assertThat(heap.gcThreshold()).isEqualTo(LIMIT / 4).isEqualTo(word(HeapControl.GC_THRESHOLD));
  }

  @Test
  void allocationCountsObjectsAndCellBytesInTheNativeWords() {
    heap.allocate(type, 0, Layout.Float.RAW, 0); // 24 bytes: the 24 class
    heap.allocate(type, 1, 1, 0); // 32 bytes
    heap.allocate(type, 2, 3, 0); // 40 bytes
    heap.allocate(type, 5, 0, 0); // 56 bytes
    heap.allocate(type, 7, 0, 0); // 72 bytes: the 80 class
    heap.allocate(type, 200, 0, 0); // 1616 bytes: large, exact size

    assertThat(heap.objectsAllocated()).isEqualTo(6).isEqualTo(word(HeapControl.OBJECTS_ALLOCATED));
    long bytes = 24 + 32 + 40 + 56 + 80 + Header.objectSize(200, 0);
    assertThat(heap.bytesAllocated()).isEqualTo(bytes).isEqualTo(word(HeapControl.BYTES_ALLOCATED));
    assertThat(heap.allocatedSinceGc()).isEqualTo(bytes)
        .isEqualTo(word(HeapControl.ALLOCATED_SINCE_GC));
    assertThat(Mem.getLong(flag)).isZero();
  }

  @Test
  void theClassTableTellsCompiledCodeEachSmallSizesFreeListAndCellBytes() {
    for (int words = 2; words <= HeapControl.SMALL_UP_TO / 8; words++) {
      long entry = Mem.getLong(heap.control() + HeapControl.CELL_CLASSES + 8L * words);
      long cell = entry & 0xFFFFFFFFL;
      long head = heap.freeListHeads() + 8 * (entry >>> 32);
      long before = heap.bytesAllocated();
      long obj = heap.allocate(type, words - 2, 0, 0);
      assertThat(cell).as("cell of %d words", words).isGreaterThanOrEqualTo(8L * words);
      assertThat(heap.bytesAllocated() - before).as("counted for %d words", words)
          .isEqualTo(cell);
      // From that list: a fresh chunk's cells are threaded in address order.
      assertThat(Mem.getLong(head)).as("next cell for %d words", words).isEqualTo(obj + cell);
    }
  }

  @Test
  void theFloatSizeClassIsWhatCompiledCodeIsTold() {
    assertThat(FLOAT_SIZE).isEqualTo(24);
    assertThat(Heap.cellBytes(FLOAT_SIZE)).isEqualTo(24);
    assertThat(Heap.cellBytes(17)).isEqualTo(24);
    assertThat(Heap.cellBytes(65)).isEqualTo(80);
    assertThat(Heap.cellBytes(Heap.MAX_SMALL)).isEqualTo(Heap.MAX_SMALL);
    assertThatThrownBy(() -> Heap.cellBytes(Heap.MAX_SMALL + 1))
        .isInstanceOf(IllegalArgumentException.class);

    // The head word compiled code pops from is the one allocate pops from.
    long head = heap.freeListHead(FLOAT_SIZE);
    long first = heap.allocate(type, 0, Layout.Float.RAW, 0);
    long next = Mem.getLong(head);
    assertThat(next).isEqualTo(first + 24);
    assertThat(heap.allocate(type, 0, Layout.Float.RAW, 0)).isEqualTo(next);
    assertThat(Mem.getLong(head)).isEqualTo(next + 24);
  }

  @Test
  void passingTheThresholdRaisesTheFlagAndACollectionResetsTheCountNotTheStatistics() {
    // Lower the threshold in place, as compiled code would see it.
    Mem.putLong(heap.control() + HeapControl.GC_THRESHOLD, 48);
    heap.allocate(type, 0, Layout.Float.RAW, 0);
    heap.allocate(type, 0, Layout.Float.RAW, 0);
    assertThat(heap.allocatedSinceGc()).isEqualTo(48);
    assertThat(Mem.getLong(flag)).as("48 is not past 48").isZero();
    long kept = heap.allocate(type, 0, Layout.Float.RAW, 0);
    assertThat(Mem.getLong(flag)).isEqualTo(1);

    Collector collector = new Collector(heap);
    collector.collect(c -> c.markValue(kept));

    assertThat(Mem.getLong(flag)).isZero();
    assertThat(heap.allocatedSinceGc()).isZero().isEqualTo(word(HeapControl.ALLOCATED_SINCE_GC));
    assertThat(heap.gcThreshold()).isEqualTo(LIMIT / 4); // live bytes are far below it
    assertThat(heap.objectsAllocated()).isEqualTo(3);
    assertThat(heap.bytesAllocated()).isEqualTo(72);
    assertThat(collector.freedObjects()).isEqualTo(2);

    heap.allocate(type, 1, 0, 0);
    assertThat(heap.objectsAllocated()).isEqualTo(4);
    assertThat(heap.bytesAllocated()).isEqualTo(72 + 24);
    assertThat(heap.allocatedSinceGc()).isEqualTo(24);
  }

  @Test
  void aCollectionSweepsNothingAndAllocationReusesAWhollyDeadChunkFirst() {
    long first = heap.allocate(type, 0, Layout.Float.RAW, 0);
    for (int i = 0; i < 100; i++) {
      heap.allocate(type, 0, Layout.Float.RAW, 0);
    }
    long committed = heap.committedBytes();
    new Collector(heap).collect(c -> { });

    // Nothing was threaded: the dead chunk waits, untouched, for the allocator.
    assertThat(Mem.getLong(heap.freeListHead(FLOAT_SIZE))).isZero();
    assertThat(Mem.getLong(first + Header.META)).as("a dead cell keeps its header").isNotZero();
    long again = heap.allocate(type, 0, Layout.Float.RAW, 0);
    assertThat(again).as("the dead chunk's first cell, not a new chunk's").isEqualTo(first);
    assertThat(heap.committedBytes()).isEqualTo(committed);
    assertThat(Heap.chunkOf(again)).isEqualTo(Heap.chunkOf(first));
  }

  @Test
  void liveObjectsInAChunkNoAllocationSweptSurviveTheNextCollectionToo() {
    // A 3-slot object (the 40 class) points at a float; nothing else of either class is
    // allocated between the collections, so neither chunk is swept before the second marking.
    long holder = heap.allocate(type, 3, 0, 0);
    long dead = heap.allocate(type, 3, 0, 0);
    long f = heap.allocate(type, 0, Layout.Float.RAW, 0);
    Mem.putLong(holder + Header.SIZE, f);
    Collector collector = new Collector(heap);
    collector.collect(c -> c.markValue(holder));
    collector.collect(c -> c.markValue(holder));
    assertThat(collector.freedObjects()).isEqualTo(1);

    // Every cell the allocator hands out now is one that was free or dead.
    java.util.Set<Long> handedOut = new java.util.HashSet<>();
    for (int i = 0; i < 2 * Heap.CHUNK_BYTES / 24; i++) {
      handedOut.add(heap.allocate(type, 0, Layout.Float.RAW, 0));
    }
    for (int i = 0; i < 2 * Heap.CHUNK_BYTES / 40; i++) {
      handedOut.add(heap.allocate(type, 3, 0, 0));
    }
    assertThat(handedOut).contains(dead).doesNotContain(holder, f);
    assertThat(Mem.getLong(f + Header.META) & Header.MARK).as("its mark cleared").isZero();
    assertThat(Mem.getLong(holder + Header.SIZE)).isEqualTo(f);
  }

  @Test
  void withoutPageServicesAChunkIsCarvedAlignedFromMallocAndFreedAsSuch() {
    long chunk = Heap.carveAligned();
    try {
      assertThat(chunk % Heap.CHUNK_BYTES).isZero();
      assertThat(Mem.getLong(chunk)).as("no live objects counted yet").isZero();
      long block = Mem.getLong(chunk + 8);
      assertThat(chunk).isBetween(block, block + Heap.CHUNK_BYTES);
      Mem.zero(chunk + Heap.CHUNK_HEADER, Heap.CHUNK_BYTES - Heap.CHUNK_HEADER); // all usable
    } finally {
      Heap.unmap(chunk);
    }
  }
}
