package org.stitchjit.platforms.exec;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free ranges of one kind of space (code or data), by offset, coalesced. First fit in address
 * order: it keeps code packed toward the start of the cache, and a linear scan is cheap next to
 * compiling the region that asked for the space.
 */
final class FreeList {
  private final TreeMap<Long, Long> ranges = new TreeMap<>();
  private long bytes;

  /** Takes {@code size} bytes from the lowest range that holds them; -1 when none does. */
  long take(long size) {
    Iterator<Map.Entry<Long, Long>> it = ranges.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<Long, Long> e = it.next();
      long offset = e.getKey();
      long length = e.getValue();
      if (length >= size) {
        it.remove();
        if (length > size) {
          ranges.put(offset + size, length - size);
        }
        bytes -= size;
        return offset;
      }
    }
    return -1;
  }

  /** Returns a range, merging it with the ranges it touches. */
  void give(long offset, long size) {
    long start = offset;
    long end = offset + size;
    Map.Entry<Long, Long> below = ranges.floorEntry(offset);
    if (below != null && below.getKey() + below.getValue() > offset) {
      throw new IllegalStateException("range " + offset + "+" + size + " is already free");
    }
    Map.Entry<Long, Long> above = ranges.ceilingEntry(offset);
    if (above != null && above.getKey() < end) {
      throw new IllegalStateException("range " + offset + "+" + size + " is already free");
    }
    if (below != null && below.getKey() + below.getValue() == offset) {
      start = below.getKey();
      ranges.remove(below.getKey());
    }
    if (above != null && above.getKey() == end) {
      end = above.getKey() + above.getValue();
      ranges.remove(above.getKey());
    }
    ranges.put(start, end - start);
    bytes += size;
  }

  /** Receives the pieces {@link #removeWithin} removes. */
  interface RangeSink {
    void accept(long offset, long size);
  }

  /**
   * Removes whatever part of the ranges lies in {@code [start, end)}, splitting ranges that
   * straddle either end, and hands each removed piece to {@code sink} (may be null).
   *
   * @return the bytes removed
   */
  long removeWithin(long start, long end, RangeSink sink) {
    if (start >= end || ranges.isEmpty()) {
      return 0;
    }
    long removed = 0;
    Long from = ranges.floorKey(start);
    if (from == null) {
      from = start;
    }
    Iterator<Map.Entry<Long, Long>> it = ranges.subMap(from, true, end, false).entrySet().iterator();
    long keepBeforeStart = -1;
    long keepBeforeSize = 0;
    long keepAfterStart = -1;
    long keepAfterSize = 0;
    while (it.hasNext()) {
      Map.Entry<Long, Long> e = it.next();
      long offset = e.getKey();
      long rangeEnd = offset + e.getValue();
      if (rangeEnd <= start) {
        continue;
      }
      it.remove();
      if (offset < start) {
        keepBeforeStart = offset;
        keepBeforeSize = start - offset;
      }
      if (rangeEnd > end) {
        keepAfterStart = end;
        keepAfterSize = rangeEnd - end;
      }
      long pieceStart = Math.max(offset, start);
      long pieceEnd = Math.min(rangeEnd, end);
      removed += pieceEnd - pieceStart;
      if (sink != null) {
        sink.accept(pieceStart, pieceEnd - pieceStart);
      }
    }
    if (keepBeforeStart >= 0) {
      ranges.put(keepBeforeStart, keepBeforeSize);
    }
    if (keepAfterStart >= 0) {
      ranges.put(keepAfterStart, keepAfterSize);
    }
    bytes -= removed;
    return removed;
  }

  /** The size of the free range ending exactly at {@code end}, or 0. */
  long sizeEndingAt(long end) {
    Map.Entry<Long, Long> e = ranges.lowerEntry(end);
    return e != null && e.getKey() + e.getValue() == end ? e.getValue() : 0;
  }

  /** The size of the free range starting exactly at {@code start}, or 0. */
  long sizeStartingAt(long start) {
    Long size = ranges.get(start);
    return size == null ? 0 : size;
  }

  long bytes() {
    return bytes;
  }

  int rangeCount() {
    return ranges.size();
  }

  void clear() {
    ranges.clear();
    bytes = 0;
  }
}
