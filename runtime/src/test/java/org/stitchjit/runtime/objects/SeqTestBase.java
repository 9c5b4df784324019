package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.runtime.vm.BuiltinImpl;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/** A full guest VM (real protocols and builtins) with helpers that read like the Python they test. */
abstract class SeqTestBase {
  GuestVm guest;
  VM vm;

  @BeforeEach
  void setUpVm() {
    guest = new GuestVm(1L << 30, System.out, System.err);
    vm = guest.vm();
  }

  @AfterEach
  void closeVm() {
    guest.close();
  }

  long s(String text) {
    return vm.newStr(text);
  }

  long i(long n) {
    return vm.newInt(n);
  }

  long f(double d) {
    return vm.newFloat(d);
  }

  long none() {
    return vm.none;
  }

  long list(long... items) {
    long l = vm.newList(items.length);
    for (long v : items) {
      vm.listAppend(l, v);
    }
    return l;
  }

  long ints(long... values) {
    long l = vm.newList(values.length);
    for (long v : values) {
      vm.listAppend(l, Tag.fromInt(v));
    }
    return l;
  }

  long tuple(long... items) {
    return vm.tuple(items);
  }

  long slice(Long start, Long stop, Long step) {
    return SliceType.newSlice(vm, start == null ? vm.none : i(start),
        stop == null ? vm.none : i(stop), step == null ? vm.none : i(step));
  }

  String repr(long v) {
    return vm.str(vm.rt.repr(v));
  }

  String str(long v) {
    return vm.str(vm.rt.str(v));
  }

  /** obj.name(*args). */
  long m(long recv, String name, long... args) {
    return mkw(recv, name, args, new String[0], new long[0]);
  }

  /** obj.name(*args, **dict(zip(kw, kwvals))). */
  long mkw(long recv, String name, long[] args, String[] kw, long[] kwvals) {
    long type = vm.typeOf(recv);
    long meth = Dicts.getItemStr(vm, VM.get(type, Layout.Type.DICT), vm.intern(name));
    if (meth == 0) {
      fail("no method " + name);
    }
    return callBuiltin(meth, prepend(recv, args), kw, kwvals);
  }

  /** type(*args, **kw) through the kind's construct. */
  long construct(long type, long[] args, String[] kw, long[] kwvals) {
    long mark = vm.handleMark();
    try {
      return vm.rt.callWords(type, pushAll(concat(args, kwvals)), args.length + kwvals.length,
          kwnames(kw));
    } finally {
      vm.popHandles(mark);
    }
  }

  long construct(long type, long... args) {
    return construct(type, args, new String[0], new long[0]);
  }

  long callBuiltin(long builtin, long[] args, String[] kw, long[] kwvals) {
    long mark = vm.handleMark();
    try {
      long base = pushAll(concat(args, kwvals));
      BuiltinImpl impl = vm.builtinImpl(builtin);
      return impl.call(base, args.length + kwvals.length, kwnames(kw));
    } finally {
      vm.popHandles(mark);
    }
  }

  private long kwnames(String[] kw) {
    if (kw.length == 0) {
      return 0;
    }
    long[] names = new long[kw.length];
    for (int k = 0; k < kw.length; k++) {
      names[k] = vm.intern(kw[k]);
    }
    return vm.tuple(names);
  }

  private long pushAll(long[] words) {
    long base = vm.handleMark();
    for (long w : words) {
      vm.pushHandle(w);
    }
    return base;
  }

  private static long[] prepend(long first, long[] rest) {
    long[] out = new long[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private static long[] concat(long[] a, long[] b) {
    long[] out = new long[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A built-in function (for key=, map, filter) from a Java lambda over one argument. */
  long fn(String name, java.util.function.LongUnaryOperator body) {
    return vm.newBuiltin(name, (args, nargs, kw) -> body.applyAsLong(
        org.stitchjit.platforms.Mem.getLong(args)));
  }

  long binop(int op, long a, long b) {
    return vm.rt.binaryOp(op, a, b);
  }

  boolean cmp(long a, long b, int op) {
    return vm.rt.compare(a, b, op);
  }

  boolean eq(long a, long b) {
    return vm.rt.compare(a, b, CompareOp.EQ);
  }

  long get(long seq, long key) {
    return vm.rt.getItem(seq, key);
  }

  long hash(long v) {
    return vm.rt.hash(v);
  }

  /** Drains an iterator into a list. */
  long drain(long it) {
    long l = vm.newList(0);
    for (long v = Iterators.nextItem(vm, it); v != 0; v = Iterators.nextItem(vm, it)) {
      vm.listAppend(l, v);
    }
    return l;
  }

  /** "Type: message" of the guest exception the body raises, as Python prints it. */
  String err(LongSupplier body) {
    try {
      long r = body.getAsLong();
      fail("expected an exception, got " + repr(r));
      return null;
    } catch (PyException e) {
      long args = VM.get(e.exc, Layout.Exc.ARGS);
      String type = vm.typeNameOf(e.exc);
      if (VM.tupleLen(args) == 0) {
        return type;
      }
      long a0 = VM.tupleGet(args, 0);
      String msg = vm.isStr(a0) && e.exc != 0 && VM.get(e.exc, 0) != vm.keyError
          ? vm.str(a0) : repr(a0);
      return type + ": " + msg;
    }
  }

  void assertRepr(String expected, long v) {
    assertEquals(expected, repr(v));
  }

  void assertErr(String expected, LongSupplier body) {
    assertEquals(expected, err(body));
  }
}
