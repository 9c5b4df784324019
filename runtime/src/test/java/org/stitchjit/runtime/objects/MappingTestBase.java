package org.stitchjit.runtime.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Shared fixture: a VM with the mapping types installed and {@link MappingTestRuntime} as its
 * runtime, a parser for Python literals (so expected values read like the python3 session
 * they were taken from), and helpers to call methods and catch guest exceptions.
 *
 * <p>Every value the helpers make is pushed on the handle stack, so tests may trigger
 * collections (through probe hooks) without losing their own objects.
 */
abstract class MappingTestBase {
  VM vm;
  MappingTestRuntime rt;

  @BeforeEach
  void setUpVm() {
    vm = new VM(1L << 30, System.out, System.err);
    MappingTypes.install(vm);
    rt = new MappingTestRuntime(vm);
    vm.rt = rt;
  }

  @AfterEach
  void closeVm() {
    vm.close();
  }

  long keep(long v) {
    vm.pushHandle(v);
    return v;
  }

  String repr(long v) {
    return rt.reprJava(v);
  }

  long str(String s) {
    return keep(vm.newStr(s));
  }

  /** A Python literal: ints (and a**b), 'strs', tuples, lists, {sets}, {dicts}, set(x),
   * frozenset(x), range(...) (as a list), P(n) probes, None, True, False. */
  long v(String literal) {
    Parser p = new Parser(literal);
    long r = p.value();
    p.skip();
    if (p.pos != literal.length()) {
      throw new IllegalArgumentException("trailing text in " + literal + " at " + p.pos);
    }
    return r;
  }

  /** obj.name(*args). */
  long call(long obj, String name, long... args) {
    return keep(rt.callMethod(obj, name, args));
  }

  /** obj.name(*args, **kw) with kw given as alternating names and values. */
  long callKw(long obj, String name, long[] args, Object... kw) {
    long m = keep(rt.getAttr(obj, vm.intern(name)));
    return keep(callWith(m, args, kw));
  }

  /** The builtin (unbound) named name in type's dict, called with args. */
  long callUnbound(long type, String name, long... args) {
    long m = rt.ownAttr(type, name);
    return keep(rt.call(m, args));
  }

  private long callWith(long callable, long[] args, Object[] kw) {
    long mark = vm.handleMark();
    try {
      long first = vm.handleMark();
      for (long a : args) {
        vm.pushHandle(a);
      }
      int nkw = kw.length / 2;
      long[] kwvalues = new long[nkw];
      long kwnames = nkw == 0 ? 0 : vm.newTuple(nkw);
      for (int i = 0; i < nkw; i++) {
        VM.tupleSet(kwnames, i, vm.intern((String) kw[2 * i]));
        kwvalues[i] = (Long) kw[2 * i + 1];
      }
      for (long a : kwvalues) {
        vm.pushHandle(a);
      }
      return rt.callWords(callable, first, args.length + nkw, kwnames);
    } finally {
      vm.popHandles(mark);
    }
  }

  /** type(*args, **kw) through the kind's construct. */
  long construct(long type, long[] args, Object... kw) {
    long mark = vm.handleMark();
    long r;
    try {
      long first = vm.handleMark();
      for (long a : args) {
        vm.pushHandle(a);
      }
      int nkw = kw.length / 2;
      long kwnames = nkw == 0 ? 0 : vm.newTuple(nkw);
      for (int i = 0; i < nkw; i++) {
        VM.tupleSet(kwnames, i, vm.intern((String) kw[2 * i]));
        vm.pushHandle((Long) kw[2 * i + 1]);
      }
      r = vm.kindOps[VM.typeKind(type)].construct(vm, type, first, args.length + nkw, kwnames);
    } finally {
      vm.popHandles(mark);
    }
    return keep(r);
  }

  long construct(long type, long... args) {
    return construct(type, args, new Object[0]);
  }

  /** Runs body, which must raise; returns "Type: message" as python3 prints str(e). */
  String error(Runnable body) {
    try {
      body.run();
    } catch (PyException e) {
      assertThat(Mem.getLong(vm.ts + Layout.ThreadState.PENDING_EXC)).isEqualTo(e.exc);
      Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
      long args = Mem.getLong(e.exc + Layout.Exc.ARGS);
      String name = vm.typeNameOf(e.exc);
      String msg;
      if (VM.tupleLen(args) == 1) {
        long a = VM.tupleGet(args, 0);
        msg = vm.isInstance(e.exc, vm.keyError) || !vm.isStr(a) ? repr(a) : vm.str(a);
      } else {
        msg = repr(args);
      }
      return name + ": " + msg;
    }
    return fail("no exception raised");
  }

  /** The items of an iterable, as a Python list repr. */
  String listOf(long iterable) {
    StringBuilder sb = new StringBuilder("[");
    long mark = vm.handleMark();
    try {
      long it = keep(rt.iter(iterable));
      boolean first = true;
      for (long x = rt.next(it); x != 0; x = rt.next(it)) {
        keep(x);
        sb.append(first ? "" : ", ").append(repr(x));
        first = false;
      }
    } finally {
      vm.popHandles(mark);
    }
    return sb.append(']').toString();
  }

  private final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    void skip() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    boolean eat(String t) {
      skip();
      if (s.startsWith(t, pos)) {
        pos += t.length();
        return true;
      }
      return false;
    }

    void expect(String t) {
      if (!eat(t)) {
        throw new IllegalArgumentException("expected " + t + " at " + pos + " in " + s);
      }
    }

    long value() {
      skip();
      char c = s.charAt(pos);
      if (c == '-' || Character.isDigit(c)) {
        BigInteger n = integer();
        if (eat("**")) {
          n = n.pow(integer().intValueExact());
          if (eat("+")) {
            n = n.add(integer());
          } else if (eat("-")) {
            n = n.subtract(integer());
          }
        }
        return keep(vm.newInt(n));
      }
      if (c == '\'') {
        int end = s.indexOf('\'', pos + 1);
        long r = keep(vm.newStr(s.substring(pos + 1, end)));
        pos = end + 1;
        return r;
      }
      if (eat("None")) {
        return vm.none;
      }
      if (eat("True")) {
        return vm.trueObj;
      }
      if (eat("False")) {
        return vm.falseObj;
      }
      if (eat("P(")) {
        long n = integer().longValueExact();
        expect(")");
        return keep(rt.probe(n));
      }
      if (eat("frozenset(")) {
        long[] args = eat(")") ? new long[0] : new long[] {valueThen(")")};
        return construct(vm.frozensetType, args);
      }
      if (eat("set(")) {
        long[] args = eat(")") ? new long[0] : new long[] {valueThen(")")};
        return construct(vm.setType, args);
      }
      if (eat("range(")) {
        long a = integer().longValueExact();
        long b = eat(",") ? integer().longValueExact() : Long.MIN_VALUE;
        long step = eat(",") ? integer().longValueExact() : 1;
        expect(")");
        if (b == Long.MIN_VALUE) {
          b = a;
          a = 0;
        }
        long list = keep(vm.newList(0));
        for (long i = a; step > 0 ? i < b : i > b; i += step) {
          vm.listAppend(list, vm.newInt(i));
        }
        return list;
      }
      if (eat("(")) {
        java.util.List<Long> items = new java.util.ArrayList<>();
        boolean comma = false;
        while (!eat(")")) {
          items.add(value());
          comma = eat(",");
        }
        if (items.size() == 1 && !comma) {
          return items.get(0);
        }
        return keep(vm.tuple(items.stream().mapToLong(Long::longValue).toArray()));
      }
      if (eat("[")) {
        long list = keep(vm.newList(0));
        while (!eat("]")) {
          vm.listAppend(list, value());
          eat(",");
        }
        return list;
      }
      if (eat("{")) {
        if (eat("}")) {
          return keep(vm.newDict());
        }
        long first = value();
        if (eat(":")) {
          long d = keep(vm.newDict());
          rt.setItem(d, first, value());
          while (eat(",") && !eat("}")) {
            long k = value();
            expect(":");
            rt.setItem(d, k, value());
          }
          eat("}");
          return d;
        }
        long set = keep(SetType.newEmpty(vm, vm.setType));
        SetType.addKey(vm, set, first);
        while (eat(",") && !eat("}")) {
          SetType.addKey(vm, set, value());
        }
        eat("}");
        return set;
      }
      throw new IllegalArgumentException("cannot parse " + s.substring(pos));
    }

    long valueThen(String close) {
      long v = value();
      expect(close);
      return v;
    }

    BigInteger integer() {
      skip();
      int start = pos;
      if (s.charAt(pos) == '-') {
        pos++;
      }
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      return new BigInteger(s.substring(start, pos));
    }
  }

  /** True when v is a live (allocated, not freed) heap object. */
  static boolean live(long v) {
    return (v & 1) != 0 || Mem.getLong(v + org.stitchjit.api.layout.Header.META) != 0;
  }

  int kind(long v) {
    return vm.kindOf(v);
  }

  static final int SET = Kind.SET;
}
