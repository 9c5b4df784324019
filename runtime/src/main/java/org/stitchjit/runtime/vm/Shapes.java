package org.stitchjit.runtime.vm;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import java.util.HashMap;
import java.util.Map;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;

/**
 * Hidden classes for instance attributes. Instances of a class that get the same attributes
 * in the same order share a shape, so an attribute cache keyed on the shape turns a lookup
 * into one load. Shapes are immortal and their transitions are remembered here.
 */
public final class Shapes {
  private record Edge(long shape, long key) {}

  private final VM vm;
  private final Map<Edge, Long> transitions = new HashMap<>();
  private int nextId;

  public Shapes(VM vm) {
    this.vm = vm;
  }

  /** A new root (empty) shape for instances of cls. */
  public long newRoot(long cls) {
    long s = vm.allocImmortal(vm.shapeType, Layout.Shape.NSLOTS, 0);
    Mem.putLong(s + Layout.Shape.CLS, cls);
    Mem.putLong(s + Layout.Shape.COUNT, fromInt(0));
    Mem.putLong(s + Layout.Shape.ID, fromInt(nextId++));
    return s;
  }

  public static int count(long shape) {
    return (int) intValue(Mem.getLong(shape + Layout.Shape.COUNT));
  }

  /** The shape after adding key (an interned str) to shape. */
  public long child(long shape, long key) {
    Edge edge = new Edge(shape, key);
    Long existing = transitions.get(edge);
    if (existing != null) {
      return existing;
    }
    long s = vm.allocImmortal(vm.shapeType, Layout.Shape.NSLOTS, 0);
    Mem.putLong(s + Layout.Shape.CLS, Mem.getLong(shape + Layout.Shape.CLS));
    Mem.putLong(s + Layout.Shape.PARENT, shape);
    Mem.putLong(s + Layout.Shape.KEY, key);
    Mem.putLong(s + Layout.Shape.COUNT, fromInt(count(shape) + 1));
    Mem.putLong(s + Layout.Shape.ID, fromInt(nextId++));
    transitions.put(edge, s);
    return s;
  }

  /** Index of key (an interned str) in shape's values, or -1. */
  public static int indexOf(long shape, long key) {
    for (long s = shape; s != 0; s = Mem.getLong(s + Layout.Shape.PARENT)) {
      long k = Mem.getLong(s + Layout.Shape.KEY);
      if (k == key) {
        return count(s) - 1;
      }
    }
    return -1;
  }

  /** The keys of a shape in value order. */
  public static long[] keys(long shape) {
    long[] keys = new long[count(shape)];
    for (long s = shape; s != 0 && count(s) > 0; s = Mem.getLong(s + Layout.Shape.PARENT)) {
      keys[count(s) - 1] = Mem.getLong(s + Layout.Shape.KEY);
    }
    return keys;
  }

  /** The root shape of a shape's tree. */
  public static long root(long shape) {
    long s = shape;
    while (Mem.getLong(s + Layout.Shape.PARENT) != 0) {
      s = Mem.getLong(s + Layout.Shape.PARENT);
    }
    return s;
  }
}
