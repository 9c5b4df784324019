package org.stitchjit.runtime.objects;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import java.math.BigInteger;
import java.util.function.LongBinaryOperator;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.layout.Header;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Layout.TypeFlags;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.heap.Collector;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * A stand-in for the interpreter's object protocols, enough to drive the mapping types from
 * Java: CPython's hashes of ints and tuples, equality and repr of ints, strs, tuples and lists,
 * iteration of tuples and lists, built-in method calls, and the kind ops for everything else.
 *
 * <p>"Probe" objects (a test type of kind OTHER; slot 0 = an int payload n) hash to n % 1000,
 * compare by payload and may run a hook on every hash or equality call, which stands for guest code: the
 * hook can collect garbage or mutate containers, exactly what a user's __eq__ may do.
 */
final class MappingTestRuntime implements org.stitchjit.runtime.vm.Runtime {
  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(61).subtract(BigInteger.ONE);
  private static final long P = (1L << 61) - 1;

  final VM vm;
  final long probeType;
  /** Runs on every probe hash/eq (a = the probe, b = the other operand or 0); may be null. */
  LongBinaryOperator probeHook;
  int probeEqCalls;
  int probeHashCalls;

  MappingTestRuntime(VM vm) {
    this.vm = vm;
    probeType = newType("Probe", vm.objectType, Kind.OTHER, 1, 0);
  }

  /** A new class; attrOffset != 0 gives instances a (shape, values) pair there. */
  long newType(String name, long base, int kind, int instanceSlots, long attrOffset) {
    long t = vm.allocImmortal(vm.typeType, Layout.Type.NSLOTS, 0);
    long nameStr = vm.intern(name);
    Mem.putLong(t + Layout.Type.NAME, nameStr);
    Mem.putLong(t + Layout.Type.QUALNAME, nameStr);
    Mem.putLong(t + Layout.Type.MODULE, vm.intern("__main__"));
    Mem.putLong(t + Layout.Type.BASE, base);
    long dict = vm.newDict();
    vm.makeImmortal(dict);
    Mem.putLong(t + Layout.Type.DICT, dict);
    Mem.putLong(t + Layout.Type.VERSION, fromInt(1));
    Mem.putLong(t + Layout.Type.FLAGS, fromInt(TypeFlags.HEAPTYPE | TypeFlags.BASETYPE));
    Mem.putLong(t + Layout.Type.KIND, fromInt(kind));
    Mem.putLong(t + Layout.Type.INSTANCE_SLOTS, fromInt(instanceSlots));
    Mem.putLong(t + Layout.Type.ATTR_OFFSET, fromInt(attrOffset));
    if (attrOffset != 0) {
      Mem.putLong(t + Layout.Type.ROOT_SHAPE, vm.shapes.newRoot(t));
    }
    long baseMro = Mem.getLong(base + Layout.Type.MRO);
    int n = VM.tupleLen(baseMro);
    long mro = vm.newTuple(n + 1);
    VM.tupleSet(mro, 0, t);
    for (int i = 0; i < n; i++) {
      VM.tupleSet(mro, i + 1, VM.tupleGet(baseMro, i));
    }
    vm.makeImmortal(mro);
    Mem.putLong(t + Layout.Type.MRO, mro);
    return t;
  }

  long probe(long n) {
    long p = vm.alloc(probeType, 1, 0);
    Mem.putLong(p + Header.slot(0), fromInt(n));
    return p;
  }

  boolean isProbe(long v) {
    return (v & 1) == 0 && Mem.getLong(v) == probeType;
  }

  long probeValue(long p) {
    return intValue(Mem.getLong(p + Header.slot(0)));
  }

  private static final TypeOps NO_OPS = new TypeOps() {};

  private TypeOps ops(long v) {
    TypeOps o = vm.kindOps[vm.kindOf(v)];
    return o == null ? NO_OPS : o;
  }

  // ---------------------------------------------------------------- calls

  @Override
  public long call(long callable, long[] args) {
    long mark = vm.handleMark();
    try {
      long first = vm.handleMark();
      for (long a : args) {
        vm.pushHandle(a);
      }
      return callWords(callable, first, args.length, 0);
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long callWords(long callable, long args, int nargs, long kwnames) {
    if (vm.typeOf(callable) != vm.builtinType) {
      throw vm.typeError("'" + vm.typeNameOf(callable) + "' object is not callable");
    }
    long self = Mem.getLong(callable + Layout.Builtin.SELF);
    if (self == 0) {
      return vm.builtinImpl(callable).call(args, nargs, kwnames);
    }
    long mark = vm.handleMark();
    try {
      long first = vm.pushHandle(self);
      for (int i = 0; i < nargs; i++) {
        vm.pushHandle(Mem.getLong(args + 8L * i));
      }
      return vm.builtinImpl(callable).call(first, nargs + 1, kwnames);
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long callMethod(long obj, String name, long[] args) {
    long m = getAttr(obj, vm.intern(name));
    long mark = vm.handleMark();
    try {
      vm.pushHandle(m);
      return call(m, args);
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long getAttr(long v, long name) {
    long r = lookupAttr(v, name);
    if (r == 0) {
      throw vm.raise(vm.attributeError, "'" + vm.typeNameOf(v) + "' object has no attribute '"
          + vm.str(name) + "'");
    }
    return r;
  }

  @Override
  public long lookupAttr(long v, long name) {
    long found = MappingTypes.typeLookup(vm, vm.typeOf(v), vm.str(name));
    if (found == 0 || vm.typeOf(found) != vm.builtinType) {
      return found;
    }
    long bound = vm.alloc(vm.builtinType, Layout.Builtin.NSLOTS, 0);
    Mem.putLong(bound + Layout.Builtin.NAME, Mem.getLong(found + Layout.Builtin.NAME));
    Mem.putLong(bound + Layout.Builtin.ID, Mem.getLong(found + Layout.Builtin.ID));
    Mem.putLong(bound + Layout.Builtin.SELF, v);
    return bound;
  }

  @Override
  public void delAttr(long v, long name) {
    throw new UnsupportedOperationException("attribute deletion is not part of these tests");
  }

  @Override
  public void setAttr(long v, long name, long value) {
    throw new UnsupportedOperationException();
  }

  // ---------------------------------------------------------------- hash, eq

  @Override
  public long hash(long v) {
    if (vm.isInt(v)) {
      if ((v & 1) != 0) {
        long n = intValue(v);
        long h = n >= 0 ? n % P : -((-n) % P);
        return h == -1 ? -2 : h;
      }
      BigInteger b = vm.toBig(v);
      long h = b.abs().mod(MODULUS).longValue();
      h = b.signum() < 0 ? -h : h;
      return h == -1 ? -2 : h;
    }
    if (vm.isStr(v)) {
      return Strs.hash(v);
    }
    if (v == vm.none) {
      return 0x5a5a5a5L;
    }
    if (isProbe(v)) {
      probeHashCalls++;
      if (probeHook != null) {
        probeHook.applyAsLong(v, 0);
      }
      // P(n) and P(n + 1000) share a hash, so equal hashes do not imply equal probes.
      return probeValue(v) % 1000;
    }
    if (vm.isTuple(v)) {
      long acc = 2870177450012600261L;
      int n = VM.tupleLen(v);
      for (int i = 0; i < n; i++) {
        long lane = hash(VM.tupleGet(v, i));
        acc += lane * -4417276706812531889L;
        acc = Long.rotateLeft(acc, 31);
        acc *= -7046029288634856825L;
      }
      acc += n ^ (2870177450012600261L ^ 3527539L);
      return acc == -1 ? 1546275796L : acc;
    }
    long h = ops(v).hash(vm, v);
    if (h == Long.MIN_VALUE) {
      throw vm.typeError("unhashable type: '" + vm.typeNameOf(v) + "'");
    }
    return h;
  }

  @Override
  public boolean eq(long a, long b) {
    if (a == b) {
      return true;
    }
    if (vm.isInt(a) && vm.isInt(b)) {
      return vm.toBig(a).equals(vm.toBig(b));
    }
    if (vm.isStr(a) && vm.isStr(b)) {
      return Strs.equal(a, b);
    }
    if (isProbe(a) || isProbe(b)) {
      probeEqCalls++;
      if (probeHook != null) {
        probeHook.applyAsLong(isProbe(a) ? a : b, isProbe(a) ? b : a);
      }
      return isProbe(a) && isProbe(b) && probeValue(a) == probeValue(b);
    }
    if (vm.isTuple(a) && vm.isTuple(b)) {
      int n = VM.tupleLen(a);
      if (n != VM.tupleLen(b)) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!eq(VM.tupleGet(a, i), VM.tupleGet(b, i))) {
          return false;
        }
      }
      return true;
    }
    if (vm.isList(a) && vm.isList(b)) {
      int n = VM.listLen(a);
      if (n != VM.listLen(b)) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (!eq(VM.listGet(a, i), VM.listGet(b, i))) {
          return false;
        }
      }
      return true;
    }
    return isTrue(richCompare(a, b, CompareOp.EQ));
  }

  @Override
  public long richCompare(long a, long b, int op) {
    long r = ops(a).richCompare(vm, a, b, op);
    if (r != vm.notImplemented) {
      return r;
    }
    if (vm.kindOf(a) != vm.kindOf(b)) {
      r = ops(b).richCompare(vm, b, a, CompareOp.swapped(op));
      if (r != vm.notImplemented) {
        return r;
      }
    }
    if (op == CompareOp.EQ) {
      return vm.bool(a == b);
    }
    if (op == CompareOp.NE) {
      return vm.bool(a != b);
    }
    throw vm.typeError("'" + CompareOp.symbol(op) + "' not supported between instances of '"
        + vm.typeNameOf(a) + "' and '" + vm.typeNameOf(b) + "'");
  }

  @Override
  public boolean compare(long a, long b, int op) {
    return isTrue(richCompare(a, b, op));
  }

  @Override
  public long binaryOp(int op, long a, long b) {
    if (BinaryOp.isInplace(op)) {
      long r = ops(a).binaryOp(vm, op, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    int base = BinaryOp.base(op);
    long r = ops(a).binaryOp(vm, base, a, b);
    if (r != vm.notImplemented) {
      return r;
    }
    if (vm.kindOf(a) != vm.kindOf(b)) {
      r = ops(b).binaryOp(vm, base, a, b);
      if (r != vm.notImplemented) {
        return r;
      }
    }
    throw vm.typeError("unsupported operand type(s) for " + BinaryOp.symbol(op) + ": '"
        + vm.typeNameOf(a) + "' and '" + vm.typeNameOf(b) + "'");
  }

  @Override
  public long index(long v) {
    throw vm.typeError("'" + vm.typeNameOf(v) + "' object cannot be interpreted as an integer");
  }

  // ---------------------------------------------------------------- repr, truth

  @Override
  public long repr(long v) {
    return vm.newStr(reprJava(v));
  }

  String reprJava(long v) {
    if (v == vm.none) {
      return "None";
    }
    if (v == vm.trueObj) {
      return "True";
    }
    if (v == vm.falseObj) {
      return "False";
    }
    if (vm.isInt(v)) {
      return vm.toBig(v).toString();
    }
    if (vm.isStr(v)) {
      String s = vm.str(v);
      return s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? "\"" + s + "\"" : "'" + s + "'";
    }
    if (isProbe(v)) {
      return "P(" + probeValue(v) + ")";
    }
    if (vm.isTuple(v)) {
      int n = VM.tupleLen(v);
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < n; i++) {
        sb.append(i > 0 ? ", " : "").append(reprJava(VM.tupleGet(v, i)));
      }
      return sb.append(n == 1 ? ",)" : ")").toString();
    }
    if (vm.isList(v)) {
      int n = VM.listLen(v);
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < n; i++) {
        sb.append(i > 0 ? ", " : "").append(reprJava(VM.listGet(v, i)));
      }
      return sb.append("]").toString();
    }
    long r = ops(v).repr(vm, v);
    if (r != 0) {
      return vm.str(r);
    }
    return "<" + vm.typeNameOf(v) + " object>";
  }

  @Override
  public long str(long v) {
    return vm.isStr(v) ? v : repr(v);
  }

  @Override
  public boolean isTrue(long v) {
    if (v == vm.trueObj) {
      return true;
    }
    if (v == vm.falseObj || v == vm.none) {
      return false;
    }
    if (vm.isInt(v)) {
      return vm.toBig(v).signum() != 0;
    }
    if (vm.isStr(v)) {
      return VM.strLen(v) != 0;
    }
    if (vm.isTuple(v)) {
      return VM.tupleLen(v) != 0;
    }
    if (vm.isList(v)) {
      return VM.listLen(v) != 0;
    }
    int t = ops(v).isTrue(vm, v);
    if (t >= 0) {
      return t == 1;
    }
    long n = ops(v).len(vm, v);
    return n != 0;
  }

  // ---------------------------------------------------------------- containers

  @Override
  public long getItem(long container, long key) {
    long own = MappingTypes.typeLookup(vm, vm.typeOf(container), "__getitem__");
    if (own != 0 && (VM.typeFlags(vm.typeOf(container)) & TypeFlags.HEAPTYPE) != 0
        && vm.kindOf(container) == Kind.OTHER) {
      return callMethod(container, "__getitem__", new long[] {key});
    }
    long r = ops(container).getItem(vm, container, key);
    if (r == 0) {
      throw vm.typeError("'" + vm.typeNameOf(container) + "' object is not subscriptable");
    }
    return r;
  }

  @Override
  public void setItem(long container, long key, long value) {
    if (!ops(container).setItem(vm, container, key, value)) {
      throw vm.typeError("'" + vm.typeNameOf(container)
          + "' object does not support item assignment");
    }
  }

  @Override
  public void delItem(long container, long key) {
    if (!ops(container).delItem(vm, container, key)) {
      throw vm.typeError("'" + vm.typeNameOf(container) + "' object doesn't support item deletion");
    }
  }

  @Override
  public boolean contains(long container, long key) {
    if (!vm.isTuple(container) && !vm.isList(container)) {
      int r = ops(container).contains(vm, container, key);
      if (r >= 0) {
        return r == 1;
      }
    }
    long mark = vm.handleMark();
    try {
      long it = iter(container);
      vm.pushHandle(it);
      for (long v = next(it); v != 0; v = next(it)) {
        if (eq(v, key)) {
          return true;
        }
      }
      return false;
    } finally {
      vm.popHandles(mark);
    }
  }

  @Override
  public long len(long v) {
    if (vm.isTuple(v)) {
      return VM.tupleLen(v);
    }
    if (vm.isList(v)) {
      return VM.listLen(v);
    }
    long n = ops(v).len(vm, v);
    if (n < 0) {
      throw vm.typeError("object of type '" + vm.typeNameOf(v) + "' has no len()");
    }
    return n;
  }

  @Override
  public long iter(long v) {
    if (vm.isTuple(v) || vm.isList(v) || vm.isStr(v)) {
      long it = vm.alloc(vm.listIteratorType, Layout.Iter.NSLOTS, 0);
      Mem.putLong(it + Layout.Iter.SEQ, v);
      Mem.putLong(it + Layout.Iter.INDEX, fromInt(0));
      return it;
    }
    long it = (v & 1) == 0 ? ops(v).iter(vm, v) : 0;
    if (it == 0) {
      throw vm.typeError("'" + vm.typeNameOf(v) + "' object is not iterable");
    }
    return it;
  }

  @Override
  public long next(long it) {
    if (vm.typeOf(it) == vm.listIteratorType) {
      long seq = Mem.getLong(it + Layout.Iter.SEQ);
      if (seq == 0) {
        return 0;
      }
      int i = (int) intValue(Mem.getLong(it + Layout.Iter.INDEX));
      int n = vm.isTuple(seq) ? VM.tupleLen(seq) : vm.isList(seq) ? VM.listLen(seq) : VM.strLen(seq);
      if (i >= n) {
        Mem.putLong(it + Layout.Iter.SEQ, 0);
        return 0;
      }
      Mem.putLong(it + Layout.Iter.INDEX, fromInt(i + 1));
      if (vm.isTuple(seq)) {
        return VM.tupleGet(seq, i);
      }
      if (vm.isList(seq)) {
        return VM.listGet(seq, i);
      }
      return vm.charStr(VM.strCodePoint(seq, i));
    }
    return ops(it).next(vm, it);
  }

  @Override
  public void enumerateExtraRoots(Collector collector) {}

  /** Looks a str key up in a type's own dict (for tests that define methods on classes). */
  long ownAttr(long type, String name) {
    return Dicts.getItemStr(vm, Mem.getLong(type + Layout.Type.DICT), vm.intern(name));
  }
}
