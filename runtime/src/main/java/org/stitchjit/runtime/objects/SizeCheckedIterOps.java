package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * The kind ops of an iterator over a hashed container (dict or set): Iter.SEQ holds the
 * container (0 once exhausted), Iter.LIMIT the size it had when iteration began and Iter.INDEX
 * the next slot. A size change raises RuntimeError, stickily as in CPython.
 */
abstract class SizeCheckedIterOps implements TypeOps {
  private final String changedMessage;

  SizeCheckedIterOps(String changedMessage) {
    this.changedMessage = changedMessage;
  }

  /** The container's current number of live entries. */
  abstract int size(long container);

  /** The index of the first live slot at or after i, or -1 when there is none. */
  abstract int nextLive(VM vm, long container, int i);

  /** The item the iterator yields for live slot i of the container. */
  abstract long item(VM vm, long it, long container, int i);

  @Override
  public long iter(VM vm, long self) {
    return self;
  }

  @Override
  public long next(VM vm, long it) {
    long c = Mem.getLong(it + Layout.Iter.SEQ);
    if (c == 0) {
      return 0;
    }
    if (intValue(Mem.getLong(it + Layout.Iter.LIMIT)) != size(c)) {
      // Sticky, as in CPython: every later next() fails the same way.
      Mem.putLong(it + Layout.Iter.LIMIT, fromInt(-1));
      throw vm.raise(vm.runtimeError, changedMessage);
    }
    int i = nextLive(vm, c, (int) intValue(Mem.getLong(it + Layout.Iter.INDEX)));
    if (i < 0) {
      Mem.putLong(it + Layout.Iter.SEQ, 0);
      return 0;
    }
    Mem.putLong(it + Layout.Iter.INDEX, fromInt(i + 1));
    return item(vm, it, c, i);
  }
}
