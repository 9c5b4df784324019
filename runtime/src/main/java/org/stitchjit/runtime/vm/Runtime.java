package org.stitchjit.runtime.vm;

import org.stitchjit.runtime.heap.Collector;

/**
 * The object protocols the VM's helpers need from the layers above it (the interpreter and
 * the attribute/operator machinery), so that built-ins written against {@link VM} can call
 * back into guest code without depending on the interpreter's classes.
 */
public interface Runtime {
  /** callable(*args). */
  long call(long callable, long[] args);

  /** callable(*args, **kw) with args at [args, args + 8 * nargs), kwnames as in CALL. */
  long callWords(long callable, long args, int nargs, long kwnames);

  /** repr(v), a str. */
  long repr(long v);

  /** str(v), a str. */
  long str(long v);

  boolean isTrue(long v);

  /** hash(v) as CPython computes it (TypeError for unhashable values). */
  long hash(long v);

  /** a == b as a Python truth value (rich comparison with reflection). */
  boolean eq(long a, long b);

  /** operator.index(v) for non-int v (TypeError when it has no __index__). */
  long index(long v);

  /** getattr(v, name) with name a str; raises AttributeError. */
  long getAttr(long v, long name);

  /** getattr(v, name), or NULL when it has no such attribute (no exception). */
  long lookupAttr(long v, long name);

  void setAttr(long v, long name, long value);

  /** del v.name (AttributeError when absent). */
  void delAttr(long v, long name);

  /** a op b (BinaryOp numbering), with reflection and CPython's TypeError. */
  long binaryOp(int op, long a, long b);

  /** a op b (CompareOp numbering) as a guest value, with reflection. */
  long richCompare(long a, long b, int op);

  /** a op b as a Java boolean (the truth of the rich comparison). */
  boolean compare(long a, long b, int op);

  long getItem(long container, long key);

  void setItem(long container, long key, long value);

  void delItem(long container, long key);

  boolean contains(long container, long key);

  /** len(v). */
  long len(long v);

  /** iter(v). */
  long iter(long v);

  /** next(it), or NULL when exhausted (StopIteration is consumed). */
  long next(long iterator);

  /** Calls obj.name(*args). */
  long callMethod(long obj, String name, long[] args);

  /** Roots the runtime keeps outside the VM's own tables. */
  void enumerateExtraRoots(Collector collector);
}
