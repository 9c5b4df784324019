package org.stitchjit.runtime.jit.reference;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Layout.ThreadState;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Region;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.interp.Protocols;
import org.stitchjit.runtime.interp.UopRuntimes;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * Shared machinery of the uop conformance tests: a guest VM with a prelude of classes and
 * helpers, namespaces the generated input values live in (evaluated from Python expressions, so
 * every case can be built twice, identically and independently), native frames prepared by
 * hand, regions run through {@link ReferenceRegion}, and an observation of guest values that
 * two independent runs can be compared by.
 */
final class UopHarness implements AutoCloseable {
  /** Classes and helpers every namespace sees (namespaces start as a copy of this module). */
  static final String PRELUDE = """
      import math

      def small(v):
          return type(v) is int and -2**62 <= v < 2**62

      def sfloat(v):
          return type(v) is float

      class C:
          def __init__(self, x=None, y=None):
              if x is not None:
                  self.x = x
              if y is not None:
                  self.y = y
          def meth(self):
              return 'C.meth'
          def __repr__(self):
              s = 'C('
              for k in ('x', 'y', 'z'):
                  if hasattr(self, k):
                      s = s + k + '=' + repr(getattr(self, k)) + ' '
              return s + ')'

      class D(C):
          pass

      class E:
          def __repr__(self):
              return 'E(' + repr(getattr(self, 'x', None)) + ', ' + repr(getattr(self, 'y', None)) + ')'

      class Truthy:
          def __init__(self, t):
              self.t = t
          def __bool__(self):
              return self.t
          def __repr__(self):
              return 'Truthy(' + repr(self.t) + ')'

      class Sized:
          def __init__(self, n):
              self.n = n
          def __len__(self):
              return self.n
          def __repr__(self):
              return 'Sized(' + repr(self.n) + ')'

      class Counter:
          def __init__(self, n):
              self.i = 0
              self.n = n
          def __iter__(self):
              return self
          def __next__(self):
              if self.i >= self.n:
                  raise StopIteration
              self.i = self.i + 1
              return self.i * 10
          def __repr__(self):
              return 'Counter(' + repr(self.i) + '/' + repr(self.n) + ')'

      class CM:
          def __init__(self):
              self.log = []
          def __enter__(self):
              self.log.append('enter')
              return 'entered'
          def __exit__(self, t, v, tb):
              self.log.append('exit ' + t.__name__ + ' ' + str(v))
              return True
          def __repr__(self):
              return 'CM' + repr(self.log)

      class Key:
          def __init__(self, k):
              self.k = k
          def __hash__(self):
              return hash(self.k)
          def __eq__(self, other):
              return isinstance(other, Key) and other.k == self.k
          def __repr__(self):
              return 'Key(' + repr(self.k) + ')'

      class NoCmp:
          def __repr__(self):
              return 'NoCmp()'

      class MyList(list):
          pass

      class MyDict(dict):
          pass

      def gen3():
          yield 1
          yield 2
          yield 3

      def _after_a_resize(s):
          # A set of five resizes its table to 32 slots, leaving cells on the free list that a
          # resize of s takes its new table from (compiled code allocates it inline).
          x = len(s)
          {x, x + 1, x + 2, x + 3, x + 4}
          return s

      def _full(n):
          # A list whose items array is exactly full (a display of n variables). The 9-item
          # display, made either way, leaves cells in the size class a 5-item list grows into.
          x = n
          l = [x, x, x, x, x, x, x, x, x]
          return l if n == 9 else [x, x, x, x, x] if n == 5 else [x]

      def _roomy():
          l = [1]
          l.append(2)
          l.pop()
          return l

      def _discarded(s, k):
          s.discard(k)
          return s

      def fn0():
          return 'fn0'

      def fn1(p):
          return ('fn1', p)

      def fn2(p, q):
          return ('fn2', p, q)

      def fncell(p, q):
          def inner():
              return p, q
          return ('fncell', p, q)

      def fndef(p, q=5):
          return ('fndef', p, q)

      def fnkw(p, *, key=0):
          return ('fnkw', p, key)

      def fnvar(*args, **kw):
          return ('fnvar', args, sorted(kw.items()))

      def boom(*args):
          raise ValueError('boom')

      def ident(p):
          return p

      g = 'global g'
      gone = 'soon gone'

      class _Null:
          def __repr__(self):
              return '<NULL>'

      NULL = _Null()
      RangeIter = type(iter(range(0)))
      ListIter = type(iter([]))
      TupleIter = type(iter(()))
      Gen = type(gen3())

      class F:
          def __repr__(self):
              return 'F(' + repr(getattr(self, 'x', '-')) + ', ' + repr(getattr(self, 'y', '-')) + ')'

      def _with(o, **kw):
          for k in kw:
              setattr(o, k, kw[k])
          return o

      def _fresh_class():
          class FF:
              def __repr__(self):
                  s = 'FF('
                  for k in ('x', 'y', 'z', 'w', 'v'):
                      s = s + repr(getattr(self, k, '-')) + ' '
                  return s + ')'
          return FF
      import sys as _sys

      def _advance(it, n):
          for _ in range(n):
              next(it, None)
          return it
      """;

  /**
   * The function whose code most uop cases run in: plenty of operand stack, five locals, and
   * names and constants for the uops that take one by oparg.
   */
  static final String HARNESS_FN = """
      def harness(a, b, c, d, e):
          a.x; a.y; a.z; a.meth; a.append; a.upper; g; gone; missing; len
          print(a, end=b)
          import sys
          from sys import argv
          return [a, b, c, d, e, [a, b, c, d, e, [a, b, c, d, e, [a, b, c, d, e, [a, b, c]]]]]

      def cellouter():
          v = 1
          def cellinner(a):
              nonlocal v
              v = a
              return [a, v, [a, v, [a, v, [a, v, [a, v, [a, v]]]]]]
          return cellinner

      def classouter():
          w = 1
          class K:
              u = w
              t = (w, w, (w, w, (w, w, (w, w, (w, w, (w, w))))))
          return K
      """;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]+");

  final GuestVm guest;
  final VM vm;
  final Protocols p;
  final UopRuntime rt;
  final long ts;
  /** The prelude module's namespace: immortal, shared (types and functions only). */
  final long base;
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, CodeInfo> compiled = new HashMap<>();
  private final long handleMark;

  UopHarness() {
    PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
    guest = new GuestVm(1L << 30, ps, ps);
    vm = guest.vm();
    p = guest.protocols();
    rt = UopRuntimes.of(p);
    ts = vm.ts;
    handleMark = vm.handleMark();
    long module = vm.newModule("__main__");
    vm.makeImmortal(module);
    base = Mem.getLong(module + Layout.Module.DICT);
    Dicts.setItemStr(vm, vm.modules, vm.intern("__main__"), module);
    Dicts.setItemStr(vm, base, vm.intern("__builtins__"), vm.builtins);
    installIntrospection();
    exec(PRELUDE, base);
    exec(HARNESS_FN, base);
    nullSentinel = global("NULL");
  }

  /** The prelude's NULL: how an oracle spells the NULL word a uop may push. */
  long nullSentinel;

  @Override
  public void close() {
    guest.close();
  }

  /**
   * Builtins for oracles to see what Python cannot: an instance's shape and values capacity,
   * an attribute's index in the shape, and fresh modules.
   */
  private void installIntrospection() {
    vm.defineBuiltin("_shape", (args, n, kw) -> vm.newInt(shapeOf(Mem.getLong(args))));
    vm.defineBuiltin("_capacity", (args, n, kw) -> {
      long attrs = attrsOf(Mem.getLong(args));
      long values = attrs == 0 ? 0 : Mem.getLong(attrs + Layout.Attrs.VALUES);
      return vm.newInt(values == 0 ? 0 : VM.slotCount(values));
    });
    vm.defineBuiltin("_index", (args, n, kw) ->
        vm.newInt(attrIndex(shapeOf(Mem.getLong(args)), Mem.getLong(args + 8))));
    // Attribute name of obj, a float, left as _STORE_ATTR_SLOT_RAW leaves one: its slot NULL,
    // the double's bits in its raw word (Layout.Array).
    vm.defineBuiltin("_raw", (args, n, kw) -> {
      long obj = Mem.getLong(args);
      long values = Mem.getLong(attrsOf(obj) + Layout.Attrs.VALUES);
      if (!VM.hasRawWords(values)) {
        values = vm.addRawWords(obj, attrsOf(obj));
      }
      int i = (int) attrIndex(shapeOf(obj), Mem.getLong(args + 8));
      long slot = values + Layout.Array.ITEMS + 8L * i;
      Mem.putLong(values + Layout.Array.rawItem(VM.slotCount(values), i),
          Mem.getLong(Mem.getLong(slot) + Layout.Float.VALUE));
      Mem.putLong(slot, 0);
      return obj;
    });
    // (del module.attr raises AttributeError in this VM, so oracles delete through this.)
    vm.defineBuiltin("_moddel", (args, n, kw) -> {
      Dicts.remove(vm, Mem.getLong(Mem.getLong(args) + Layout.Module.DICT), Mem.getLong(args + 8));
      return vm.none;
    });
    vm.defineBuiltin("_module", (args, n, kw) -> {
      long m = vm.newModule("m");
      Dicts.update(vm, Mem.getLong(m + Layout.Module.DICT), Mem.getLong(args));
      return m;
    });
  }

  /** The (shape, values) header of an instance, or 0 when its type has none. */
  long attrsOf(long obj) {
    if ((obj & 1) != 0) {
      return 0;
    }
    long off = Mem.getLong(Mem.getLong(obj) + Layout.Type.ATTR_OFFSET) >> 1;
    return off == 0 ? 0 : obj + off;
  }

  long attrOffset(long obj) {
    return Mem.getLong(Mem.getLong(obj) + Layout.Type.ATTR_OFFSET) >> 1;
  }

  long shapeOf(long obj) {
    long attrs = attrsOf(obj);
    return attrs == 0 ? 0 : Mem.getLong(attrs + Layout.Attrs.SHAPE);
  }

  /** The index of attribute name (a str) in shape's values, or -1. */
  long attrIndex(long shape, long name) {
    String key = text(name);
    for (long s = shape; s != 0; s = Mem.getLong(s + Layout.Shape.PARENT)) {
      long k = Mem.getLong(s + Layout.Shape.KEY);
      if (k != 0 && text(k).equals(key)) {
        return (Mem.getLong(s + Layout.Shape.COUNT) >> 1) - 1;
      }
    }
    return -1;
  }

  // ------------------------------------------------------------------ source and namespaces

  CodeInfo compile(String source) {
    CodeInfo ci = compiled.get(source);
    if (ci == null) {
      try {
        ci = p.importer().compile(source, "<uop-case>");
      } catch (org.stitchjit.runtime.parser.GuestSyntaxError e) {
        throw new IllegalArgumentException("syntax error in\n" + source + "\n" + e.format(), e);
      }
      compiled.put(source, ci);
    }
    return ci;
  }

  /** Runs module-level source with ns as its globals. */
  void exec(String source, long ns) {
    p.runCode(compile(source), ns, 0, 0);
  }

  /** A fresh namespace holding the prelude's names, kept alive until {@link #release}. */
  long namespace() {
    long d = Dicts.copy(vm, base, vm.dictType);
    vm.pushHandle(d);
    return d;
  }

  /** Drops every namespace made since the harness started (they may be collected). */
  void release() {
    vm.popHandles(handleMark);
  }

  long get(long ns, String name) {
    return Dicts.getItemStr(vm, ns, vm.intern(name));
  }

  void set(long ns, String name, long v) {
    if (v == 0) {
      Dicts.remove(vm, ns, vm.intern(name));
    } else {
      Dicts.setItemStr(vm, ns, vm.intern(name), v);
    }
  }

  long global(String name) {
    long v = get(base, name);
    if (v == 0) {
      throw new IllegalArgumentException("no prelude name " + name);
    }
    return v;
  }

  CodeInfo codeOfFunction(long func) {
    return CodeInfo.of(vm, Mem.getLong(func + Layout.Function.CODE));
  }

  /** The nested code object named name among code's constants. */
  CodeInfo nestedCode(CodeInfo code, String name) {
    for (long c : code.consts) {
      if ((c & 1) == 0 && c != 0 && vm.typeOf(c) == vm.codeType) {
        CodeInfo ci = CodeInfo.of(vm, c);
        if (ci.name.equals(name)) {
          return ci;
        }
      }
    }
    throw new IllegalArgumentException("no nested code " + name + " in " + code.name);
  }

  // ------------------------------------------------------------------ observation

  String text(long str) {
    return vm.str(str);
  }

  /** A guest exception as "Type: message". */
  String excText(PyException e) {
    long exc = e.exc;
    Mem.putLong(ts + ThreadState.PENDING_EXC, 0);
    String msg;
    try {
      msg = text(p.str(exc));
    } catch (PyException x) {
      msg = "<str raised>";
    }
    return vm.typeNameOf(exc) + ": " + ADDRESS.matcher(msg).replaceAll("0x?");
  }

  /**
   * What two independent runs can compare a value by: its type and repr (addresses masked),
   * and for the built-in iterators the items still to come and whether the iterator dropped its
   * sequence. Consumes iterators, so a session observes each value once (memo).
   */
  String observe(long v, Map<Long, String> memo) {
    if (v == 0 || v == nullSentinel) {
      return "<NULL>";
    }
    String known = memo.get(v);
    if (known != null) {
      return known;
    }
    memo.put(v, "<cycle>");
    String s;
    try {
      s = observeUncached(v, memo);
    } catch (PyException e) {
      s = "<observe raised " + excText(e) + ">";
    }
    memo.put(v, s);
    return s;
  }

  private String observeUncached(long v, Map<Long, String> memo) {
    long type = vm.typeOf(v);
    String tn = vm.typeName(type);
    if (type == vm.listIteratorType || type == vm.tupleIteratorType
        || type == vm.rangeIteratorType || type == vm.generatorType
        || type == vm.seqIteratorType) {
      String dropped = (type == vm.listIteratorType || type == vm.tupleIteratorType)
          && Mem.getLong(v + Layout.Iter.SEQ) == 0 ? "dropped " : "";
      StringBuilder sb = new StringBuilder(tn).append(' ').append(dropped).append('[');
      int n = 0;
      for (long x = p.next(v); x != 0; x = p.next(v)) {
        sb.append(n++ > 0 ? ", " : "").append(repr(x));
      }
      return sb.append(']').toString();
    }
    if (type == vm.cellType) {
      return "cell(" + observe(Mem.getLong(v + Layout.Cell.CONTENTS), memo) + ")";
    }
    if (type == vm.functionType) {
      long defaults = Mem.getLong(v + Layout.Function.DEFAULTS);
      long kwdefaults = Mem.getLong(v + Layout.Function.KWDEFAULTS);
      long closure = Mem.getLong(v + Layout.Function.CLOSURE);
      return "function " + text(Mem.getLong(v + Layout.Function.QUALNAME))
          + " code=" + codeOfFunction(v).qualname
          + " defaults=" + (defaults == 0 ? "-" : repr(defaults))
          + " kwdefaults=" + (kwdefaults == 0 ? "-" : repr(kwdefaults))
          + " closure=" + (closure == 0 ? "-" : observe(closure, memo));
    }
    if (type == vm.tupleType && VM.tupleLen(v) > 0 && vm.typeOf(VM.tupleGet(v, 0)) == vm.cellType) {
      StringBuilder sb = new StringBuilder("cells(");
      for (int i = 0; i < VM.tupleLen(v); i++) {
        sb.append(observe(VM.tupleGet(v, i), memo)).append(' ');
      }
      return sb.append(')').toString();
    }
    return tn + ":" + repr(v);
  }

  String repr(long v) {
    try {
      return ADDRESS.matcher(text(p.repr(v))).replaceAll("0x?");
    } catch (PyException e) {
      return "<repr raised " + excText(e) + ">";
    }
  }

  // ------------------------------------------------------------------ frames

  /** The saved thread state a case restores, whatever happened in it. */
  long[] saveThreadState() {
    return new long[] {
      Mem.getLong(ts + ThreadState.CURRENT_FRAME),
      Mem.getLong(ts + ThreadState.STACK_TOP),
      Mem.getLong(ts + ThreadState.RECURSION_DEPTH),
      Mem.getLong(ts + ThreadState.HANDLED_EXC),
      Mem.getLong(ts + ThreadState.GC_WANTED),
    };
  }

  void restoreThreadState(long[] s) {
    Mem.putLong(ts + ThreadState.CURRENT_FRAME, s[0]);
    Mem.putLong(ts + ThreadState.STACK_TOP, s[1]);
    Mem.putLong(ts + ThreadState.RECURSION_DEPTH, s[2]);
    Mem.putLong(ts + ThreadState.HANDLED_EXC, s[3]);
    Mem.putLong(ts + ThreadState.GC_WANTED, s[4]);
    Mem.putLong(ts + ThreadState.PENDING_EXC, 0);
  }

  long pushFrame(CodeInfo ci, long func, long globals, long locals) {
    return UopRuntimes.pushFrame(p, ci, func, globals, locals);
  }

  static long stackBase(long frame, CodeInfo ci) {
    return frame + Frame.LOCALSPLUS + 8L * ci.nlocalsplus;
  }

  static void setLocal(long frame, int i, long v) {
    Mem.putLong(frame + Frame.LOCALSPLUS + 8L * i, v);
  }

  static long local(long frame, int i) {
    return Mem.getLong(frame + Frame.LOCALSPLUS + 8L * i);
  }

  static void setStack(long frame, CodeInfo ci, long[] words) {
    if (words.length > ci.stacksize) {
      throw new IllegalArgumentException("stack of " + words.length + " > stacksize "
          + ci.stacksize + " of " + ci.name);
    }
    long base = stackBase(frame, ci);
    for (int i = 0; i < words.length; i++) {
      Mem.putLong(base + 8L * i, words[i]);
    }
    Mem.putLong(frame + Frame.SP, Tag.fromInt(words.length));
  }

  static long[] stack(long frame, CodeInfo ci) {
    int depth = (int) (Mem.getLong(frame + Frame.SP) >> 1);
    long[] w = new long[Math.max(depth, 0)];
    long base = stackBase(frame, ci);
    for (int i = 0; i < w.length; i++) {
      w[i] = Mem.getLong(base + 8L * i);
    }
    return w;
  }

  static int ip(long frame) {
    return (int) (Mem.getLong(frame + Frame.IP) >> 1);
  }

  static void setIp(long frame, int ip) {
    Mem.putLong(frame + Frame.IP, Tag.fromInt(ip));
  }

  /** A fresh cell holding v (0: empty). */
  long cell(long v) {
    long c = vm.alloc(vm.cellType, Layout.Cell.NSLOTS, 0);
    Mem.putLong(c + Layout.Cell.CONTENTS, v);
    return c;
  }

  /**
   * How regions are compiled: by the reference executor, unless a test plugs in a native
   * backend (integration-tests runs the whole harness against copy-and-patch).
   */
  java.util.function.Function<Region, CompiledRegion> compiler;

  CompiledRegion compileRegion(Region region) {
    return compiler == null ? new ReferenceRegion(region, rt) : compiler.apply(region);
  }

  /** Enters compiled code at frame (made the current frame); returns the exit index. */
  int enter(CompiledRegion region, long frame) {
    Mem.putLong(ts + ThreadState.CURRENT_FRAME, frame);
    return region.enter(ts);
  }

  /** Runs the interpreter from frame's IP and SP until it returns; popped either way. */
  long interpret(long frame) {
    return UopRuntimes.runEntry(p, frame);
  }

  // ------------------------------------------------------------------ bytecode snapshots

  static long[] snapshot(CodeInfo ci) {
    long[] units = new long[ci.units];
    for (int i = 0; i < units.length; i++) {
      units[i] = Mem.getLong(ci.bytecode + 8L * i);
    }
    return units;
  }

  static void restore(CodeInfo ci, long[] units) {
    for (int i = 0; i < units.length; i++) {
      Mem.putLong(ci.bytecode + 8L * i, units[i]);
    }
  }

  static List<Long> boxed(long[] words) {
    List<Long> l = new ArrayList<>();
    for (long w : words) {
      l.add(w);
    }
    return l;
  }
}
