package org.stitchjit.runtime.heap;

import java.util.Arrays;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;

/**
 * Mark-sweep over the {@link Heap}, with precise roots.
 *
 * <p>It runs only when the interpreter reaches a safepoint with the GC-wanted flag set: then
 * every live value is in a native frame, the thread state, the VM's root table or the handle
 * stack of a built-in that is calling back into guest code, so the roots are exact. Objects
 * describe their own slots ({@link Header}); frames describe theirs through their code object,
 * and a generator's frame sits in its raw bytes.
 */
public final class Collector {
  /** Supplies the roots: calls {@link #markValue} or {@link #markFrame} for each. */
  public interface Roots {
    void enumerate(Collector collector);
  }

  private final Heap heap;
  private long generatorType;
  private long[] stack = new long[1024];
  private int depth;

  // Statistics.
  private long cycles;
  private long pauseNanosTotal;
  private long pauseNanosMax;
  private long freedObjects;
  private long lastLiveBytes;
  private long lastLiveObjects;
  private long objectsAllocatedAtLastGc;

  public Collector(Heap heap) {
    this.heap = heap;
  }

  /** The generator type, whose instances hold a frame in their raw bytes. */
  public void setGeneratorType(long type) {
    this.generatorType = type;
  }

  /** Collects now. */
  public void collect(Roots roots) {
    long start = System.nanoTime();
    heap.clearUnsweptMarks();
    for (int c = 0; c < heap.chunkCount; c++) {
      Mem.putLong(heap.chunkBase[c], 0);
    }
    roots.enumerate(this);
    drain();
    long live = release();
    heap.resetAfterCollection(live);
    lastLiveBytes = live;
    long pause = System.nanoTime() - start;
    cycles++;
    pauseNanosTotal += pause;
    pauseNanosMax = Math.max(pauseNanosMax, pause);
  }

  /** Marks a tagged value (ignores small ints and NULL). */
  public void markValue(long v) {
    if ((v & 1) != 0 || v == 0) {
      return;
    }
    long meta = Mem.getLong(v + Header.META);
    // meta 0 is a free cell: only a bug could point there, but marking it would leak it.
    if ((meta & Header.MARK) != 0 || meta == 0) {
      return;
    }
    Mem.putLong(v + Header.META, meta | Header.MARK);
    if ((meta & Header.LARGE) == 0) {
      long chunk = Heap.chunkOf(v);
      Mem.putLong(chunk, Mem.getLong(chunk) + 1);
    }
    if (depth == stack.length) {
      stack = Arrays.copyOf(stack, depth * 2);
    }
    stack[depth++] = v;
  }

  /** Marks every tagged word in [address, address + 8 * words). */
  public void markWords(long address, long words) {
    for (long p = address, end = address + 8 * words; p < end; p += 8) {
      markValue(Mem.getLong(p));
    }
  }

  /** Marks what a frame keeps alive: its header objects, locals, cells and live stack. */
  public void markFrame(long frame) {
    long code = Mem.getLong(frame + Layout.Frame.CODE);
    markValue(code);
    markValue(Mem.getLong(frame + Layout.Frame.FUNCTION));
    markValue(Mem.getLong(frame + Layout.Frame.GLOBALS));
    markValue(Mem.getLong(frame + Layout.Frame.BUILTINS));
    markValue(Mem.getLong(frame + Layout.Frame.LOCALS));
    markValue(Mem.getLong(frame + Layout.Frame.GENERATOR));
    if (code == 0) {
      return;
    }
    long nlocalsplus = Tag.intValue(Mem.getLong(code + Layout.Code.NLOCALSPLUS));
    long sp = Tag.intValue(Mem.getLong(frame + Layout.Frame.SP));
    markWords(frame + Layout.Frame.LOCALSPLUS, nlocalsplus + sp);
  }

  private void drain() {
    while (depth > 0) {
      long obj = stack[--depth];
      long type = Mem.getLong(obj);
      markValue(type);
      long meta = Mem.getLong(obj + Header.META);
      markWords(obj + Header.SIZE, Header.slots(meta));
      if (type == generatorType && generatorType != 0) {
        long state = Tag.intValue(Mem.getLong(obj + Layout.Generator.STATE));
        if (state != Layout.Generator.FINISHED) {
          markFrame(obj + Layout.Generator.FRAME);
        }
      }
    }
  }

  /**
   * After marking: frees the dead large objects and the wholly dead chunks the program will not
   * need before the next collection, and leaves every other chunk for allocation to sweep
   * ({@link Heap#refill}). Returns the bytes that survived.
   */
  private long release() {
    long live = 0;
    long liveObjects = 0;
    // Wholly empty chunks stay, up to what the program may allocate before the next
    // collection: a float loop empties most of its chunks at every collection, and giving
    // them back to the OS only to map and fault in as many fresh ones cost nbody 7-11%. A
    // kept chunk serves one size class only, so near the heap limit fewer stay, lest another
    // class find no room.
    long emptyBudget = Math.min(heap.gcThreshold(),
        Math.max(0, heap.limitBytes() - lastLiveBytes) / 4);
    long emptyKept = 0;
    int kept = 0;
    for (int c = 0; c < heap.chunkCount; c++) {
      long base = heap.chunkBase[c];
      int sc = heap.chunkClass[c];
      long objects = Mem.getLong(base);
      if (objects == 0) {
        if (emptyKept + Heap.CHUNK_BYTES > emptyBudget) {
          Heap.unmap(base);
          heap.committedBytes -= Heap.CHUNK_BYTES;
          continue;
        }
        emptyKept += Heap.CHUNK_BYTES;
      }
      heap.chunkBase[kept] = base;
      heap.chunkClass[kept] = sc;
      kept++;
      liveObjects += objects;
      live += objects * Heap.CLASS_SIZES[sc];
    }
    heap.chunkCount = kept;
    // Allocation sweeps the chunks in address order within each class: push them last first.
    for (int sc = 0; sc < heap.unswept.length; sc++) {
      Mem.putLong(heap.freeHeads + 8L * sc, 0);
      if (heap.unswept[sc] == null || heap.unswept[sc].length < kept) {
        heap.unswept[sc] = new int[Math.max(16, kept)];
      }
    }
    for (int c = kept - 1; c >= 0; c--) {
      int sc = heap.chunkClass[c];
      heap.unswept[sc][heap.unsweptCount[sc]++] = c;
    }
    int keptLarge = 0;
    for (int i = 0; i < heap.largeCount; i++) {
      long obj = heap.largeObjects[i];
      long size = heap.largeSizes[i];
      long meta = Mem.getLong(obj + Header.META);
      if ((meta & (Header.MARK | Header.IMMORTAL)) != 0) {
        Mem.putLong(obj + Header.META, meta & ~Header.MARK);
        heap.largeObjects[keptLarge] = obj;
        heap.largeSizes[keptLarge] = size;
        keptLarge++;
        live += size;
        liveObjects++;
      } else {
        heap.committedBytes -= size;
        heap.largeBytes -= size;
        Mem.free(obj);
      }
    }
    heap.largeCount = keptLarge;
    // Every object allocated since the last collection or live after it is live now or freed.
    long allocated = heap.objectsAllocated();
    freedObjects += lastLiveObjects + (allocated - objectsAllocatedAtLastGc) - liveObjects;
    objectsAllocatedAtLastGc = allocated;
    lastLiveObjects = liveObjects;
    return live;
  }

  public long cycles() {
    return cycles;
  }

  public long pauseNanosTotal() {
    return pauseNanosTotal;
  }

  public long pauseNanosMax() {
    return pauseNanosMax;
  }

  public long freedObjects() {
    return freedObjects;
  }

  public long lastLiveBytes() {
    return lastLiveBytes;
  }
}
