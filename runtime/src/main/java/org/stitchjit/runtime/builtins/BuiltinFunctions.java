package org.stitchjit.runtime.builtins;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.builtins.Args.kwCount;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.objects.Iterators;
import org.stitchjit.runtime.text.FloatFormat;
import org.stitchjit.runtime.text.IntFormat;
import org.stitchjit.runtime.text.StrOps;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * The builtins module: the functions every program can call without importing anything, and
 * the names of the built-in types, constants and exception types. The type system's own
 * built-ins (__build_class__, super, isinstance, issubclass), format and __import__ are
 * installed by the interpreter; this class adds the rest.
 */
public final class BuiltinFunctions {
  private final VM vm;
  private final Streams streams;
  private final long sCall;
  private final long sWrite;
  private final long sDelattr;

  private static BufferedReader stdin;
  private static java.io.InputStream stdinSource;

  private BuiltinFunctions(VM vm) {
    this.vm = vm;
    this.streams = Streams.of(vm);
    sCall = vm.intern("__call__");
    sWrite = vm.intern("write");
    sDelattr = vm.intern("__delattr__");
  }

  /** Defines every builtin this class owns in vm.builtins. */
  public static void install(VM vm) {
    BuiltinFunctions b = new BuiltinFunctions(vm);
    b.defineFunctions();
    b.bindNames();
    Aggregates.install(vm);
    NumericBuiltins.install(vm);
  }

  private void defineFunctions() {
    vm.defineBuiltin("print", this::print);
    vm.defineBuiltin("input", this::input);
    vm.defineBuiltin("len", (args, n, kw) -> {
      Args.exactlyOne(vm, "len", n, kw);
      return vm.newInt(vm.rt.len(arg(args, 0)));
    });
    vm.defineBuiltin("repr", (args, n, kw) -> {
      Args.exactlyOne(vm, "repr", n, kw);
      return vm.rt.repr(arg(args, 0));
    });
    vm.defineBuiltin("ascii", (args, n, kw) -> {
      Args.exactlyOne(vm, "ascii", n, kw);
      long r = vm.rt.repr(arg(args, 0));
      String s = vm.str(r);
      String escaped = StrOps.asciiEscape(s);
      return escaped.equals(s) ? r : vm.newStr(escaped);
    });
    vm.defineBuiltin("hash", (args, n, kw) -> {
      Args.exactlyOne(vm, "hash", n, kw);
      return vm.newInt(vm.rt.hash(arg(args, 0)));
    });
    vm.defineBuiltin("id", (args, n, kw) -> {
      Args.exactlyOne(vm, "id", n, kw);
      return id(arg(args, 0));
    });
    vm.defineBuiltin("callable", (args, n, kw) -> {
      Args.exactlyOne(vm, "callable", n, kw);
      return vm.bool(isCallable(arg(args, 0)));
    });
    vm.defineBuiltin("iter", this::iter);
    vm.defineBuiltin("next", this::next);
    vm.defineBuiltin("getattr", this::getattr);
    vm.defineBuiltin("hasattr", (args, n, kw) -> {
      Args.noKeywords(vm, "hasattr", kw);
      Args.positional(vm, "hasattr", n, 2, 2);
      long name = Args.attrName(vm, arg(args, 1));
      try {
        return vm.bool(vm.rt.lookupAttr(arg(args, 0), name) != 0);
      } catch (PyException e) {
        if (vm.isInstance(e.exc, vm.attributeError)) {
          Args.clearPending(vm);
          return vm.falseObj;
        }
        throw e;
      }
    });
    vm.defineBuiltin("setattr", (args, n, kw) -> {
      Args.noKeywords(vm, "setattr", kw);
      Args.positional(vm, "setattr", n, 3, 3);
      vm.rt.setAttr(arg(args, 0), Args.attrName(vm, arg(args, 1)), arg(args, 2));
      return vm.none;
    });
    vm.defineBuiltin("delattr", (args, n, kw) -> {
      Args.noKeywords(vm, "delattr", kw);
      Args.positional(vm, "delattr", n, 2, 2);
      delattr(arg(args, 0), Args.attrName(vm, arg(args, 1)));
      return vm.none;
    });
    vm.defineBuiltin("ord", (args, n, kw) -> {
      Args.exactlyOne(vm, "ord", n, kw);
      long c = arg(args, 0);
      if (!vm.isStr(c)) {
        throw vm.typeError("ord() expected string of length 1, but " + vm.typeNameOf(c)
            + " found");
      }
      int len = VM.strLen(c);
      if (len != 1) {
        throw vm.typeError("ord() expected a character, but string of length " + len
            + " found");
      }
      return Tag.fromInt(VM.strCodePoint(c, 0));
    });
    vm.defineBuiltin("chr", (args, n, kw) -> {
      Args.exactlyOne(vm, "chr", n, kw);
      long v = arg(args, 0);
      long cp;
      if (vm.isInt(v)) {
        if (!vm.fitsLong(v)) {
          throw vm.raise(vm.overflowError, "Python int too large to convert to C int");
        }
        cp = vm.toLong(v);
      } else {
        cp = vm.toIndex(v);
      }
      if (cp < Integer.MIN_VALUE || cp > Integer.MAX_VALUE) {
        throw vm.raise(vm.overflowError, "Python int too large to convert to C int");
      }
      if (cp < 0 || cp > 0x10FFFF) {
        throw vm.valueError("chr() arg not in range(0x110000)");
      }
      return vm.charStr((int) cp);
    });
    vm.defineBuiltin("hex", (args, n, kw) -> radix(args, n, kw, "hex", 16));
    vm.defineBuiltin("oct", (args, n, kw) -> radix(args, n, kw, "oct", 8));
    vm.defineBuiltin("bin", (args, n, kw) -> radix(args, n, kw, "bin", 2));
  }

  private void bindNames() {
    long b = vm.builtins;
    bind(b, "int", vm.intType);
    bind(b, "float", vm.floatType);
    bind(b, "str", vm.strType);
    bind(b, "bool", vm.boolType);
    bind(b, "list", vm.listType);
    bind(b, "tuple", vm.tupleType);
    bind(b, "dict", vm.dictType);
    bind(b, "set", vm.setType);
    bind(b, "frozenset", vm.frozensetType);
    bind(b, "range", vm.rangeType);
    bind(b, "slice", vm.sliceType);
    bind(b, "object", vm.objectType);
    bind(b, "type", vm.typeType);
    bind(b, "enumerate", vm.enumerateType);
    bind(b, "zip", vm.zipType);
    bind(b, "map", vm.mapType);
    bind(b, "filter", vm.filterType);
    bind(b, "reversed", vm.reversedType);
    bind(b, "staticmethod", vm.staticmethodType);
    bind(b, "classmethod", vm.classmethodType);
    bind(b, "property", vm.propertyType);
    bind(b, "NotImplemented", vm.notImplemented);
    bind(b, "Ellipsis", vm.ellipsis);
    bind(b, "__name__", vm.intern("builtins"));
    bind(b, "__debug__", vm.trueObj);
    if (Dicts.getItemStr(vm, b, vm.intern("super")) == 0) {
      bind(b, "super", vm.superType);
    }
    for (long t : vm.exceptionTypes()) {
      bind(b, vm.typeName(t), t);
    }
  }

  private void bind(long dict, String name, long value) {
    Dicts.setItemStr(vm, dict, vm.intern(name), value);
  }

  // ================================================================ print, input
  private long print(long args, int nargs, long kwnames) {
    int nkw = kwCount(kwnames);
    int npos = nargs - nkw;
    long sep = 0;
    long end = 0;
    long file = 0;
    long flush = 0;
    for (int k = 0; k < nkw; k++) {
      String kn = vm.str(VM.tupleGet(kwnames, k));
      long v = arg(args, npos + k);
      switch (kn) {
        case "sep" -> sep = v;
        case "end" -> end = v;
        case "file" -> file = v;
        case "flush" -> flush = v;
        default -> throw vm.typeError("'" + kn + "' is an invalid keyword argument for print()");
      }
    }
    if (file == 0 || file == vm.none) {
      file = streams.currentStdout(vm);
      if (file == vm.none) {
        // CPython prints nothing when sys.stdout is None.
        return vm.none;
      }
    }
    if (sep == vm.none) {
      sep = 0;
    } else if (sep != 0 && !vm.isStr(sep)) {
      throw vm.typeError("sep must be None or a string, not " + vm.typeNameOf(sep));
    }
    if (end == vm.none) {
      end = 0;
    } else if (end != 0 && !vm.isStr(end)) {
      throw vm.typeError("end must be None or a string, not " + vm.typeNameOf(end));
    }
    PrintStream ps = file == 0 ? vm.out : streams.javaStream(vm, file);
    if (ps != null) {
      printTo(ps, args, npos, sep, end);
    } else {
      printToObject(file, args, npos, sep, end);
    }
    if (flush != 0 && vm.isTrue(flush)) {
      if (ps != null) {
        ps.flush();
      } else {
        vm.rt.callMethod(file, "flush", new long[0]);
      }
    }
    return vm.none;
  }

  /**
   * Prints to a Java stream, building the line in Java for the common values (ints, strs,
   * floats) and writing out what is pending before any __str__ that could print on its own.
   */
  private void printTo(PrintStream ps, long args, int npos, long sep, long end) {
    StringBuilder sb = new StringBuilder();
    String sepText = sep == 0 ? " " : vm.str(sep);
    for (int i = 0; i < npos; i++) {
      if (i > 0) {
        sb.append(sepText);
      }
      long v = arg(args, i);
      if ((v & 1) != 0) {
        sb.append(Tag.intValue(v));
        continue;
      }
      long t = Mem.getLong(v);
      if (t == vm.strType) {
        sb.append(vm.str(v));
      } else if (t == vm.floatType) {
        sb.append(FloatFormat.repr(VM.floatValue(v)));
      } else if (t == vm.intType || t == vm.boolType || t == vm.noneType) {
        sb.append(vm.str(vm.rt.str(v)));
      } else {
        if (sb.length() > 0) {
          ps.print(sb);
          sb.setLength(0);
        }
        sb.append(vm.str(vm.rt.str(v)));
      }
    }
    if (end == 0) {
      sb.append('\n');
    } else {
      sb.append(vm.str(end));
    }
    ps.print(sb);
  }

  /** file.write(piece) for every piece, as CPython's print does for any file object. */
  private void printToObject(long file, long args, int npos, long sep, long end) {
    long write = vm.rt.getAttr(file, sWrite);
    long mark = vm.handleMark();
    try {
      vm.pushHandle(write);
      for (int i = 0; i < npos; i++) {
        if (i > 0) {
          vm.rt.call(write, new long[] {sep == 0 ? vm.charStr(' ') : sep});
        }
        vm.rt.call(write, new long[] {vm.rt.str(arg(args, i))});
      }
      vm.rt.call(write, new long[] {end == 0 ? vm.charStr('\n') : end});
    } finally {
      vm.popHandles(mark);
    }
  }

  private long input(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "input", kwnames);
    Args.positional(vm, "input", nargs, 0, 1);
    long out = streams.currentStdout(vm);
    if (nargs == 1) {
      long prompt = vm.rt.str(arg(args, 0));
      PrintStream ps = out == 0 ? vm.out : streams.javaStream(vm, out);
      if (ps != null) {
        ps.print(vm.str(prompt));
      } else if (out != vm.none) {
        vm.rt.callMethod(out, "write", new long[] {prompt});
      }
    }
    vm.out.flush();
    String line;
    try {
      line = stdin().readLine();
    } catch (IOException e) {
      throw vm.raise(vm.osError, e.getMessage() == null ? "read error" : e.getMessage());
    }
    if (line == null) {
      throw vm.raise(vm.eofError, "EOF when reading a line");
    }
    return vm.newStr(line);
  }

  /** One reader over System.in, so lines buffered for one input() are there for the next. */
  private static synchronized BufferedReader stdin() {
    if (stdin == null || stdinSource != System.in) {
      stdinSource = System.in;
      stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    }
    return stdin;
  }

  // ================================================================ objects
  /**
   * id(): a heap object's address is stable (the collector does not move objects). A small
   * int's tagged word is odd, so it can never equal an address; read as unsigned it is a
   * unique non-negative number.
   */
  private long id(long v) {
    if (v >= 0) {
      return vm.newInt(v);
    }
    return vm.newInt(new BigInteger(Long.toUnsignedString(v)));
  }

  /** callable(v): whether calling v could work (CPython checks for tp_call). */
  boolean isCallable(long v) {
    if ((v & 1) != 0) {
      return false;
    }
    long t = Mem.getLong(v);
    if (t == vm.functionType || t == vm.builtinType || t == vm.methodType
        || t == vm.staticmethodType || VM.typeKind(t) == Kind.TYPE) {
      return true;
    }
    return Args.lookupType(vm, t, sCall) != 0;
  }

  private long iter(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "iter", kwnames);
    Args.positional(vm, "iter", nargs, 1, 2);
    long v = arg(args, 0);
    if (nargs == 1) {
      return vm.rt.iter(v);
    }
    if (!isCallable(v)) {
      throw vm.typeError("iter(v, w): v must be callable");
    }
    return Iterators.callIterator(vm, v, arg(args, 1));
  }

  private long next(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "next", kwnames);
    Args.positional(vm, "next", nargs, 1, 2);
    long it = arg(args, 0);
    if (nargs == 1 && (it & 1) == 0 && Mem.getLong(it) == vm.generatorType) {
      // generator.__next__ raises StopIteration carrying the generator's return value, which
      // the iteration protocol (vm.rt.next) drops.
      return vm.rt.callMethod(it, "__next__", new long[0]);
    }
    long r = vm.rt.next(it);
    if (r != 0) {
      return r;
    }
    if (nargs == 2) {
      return arg(args, 1);
    }
    throw vm.raiseEmpty(vm.stopIteration);
  }

  private long getattr(long args, int nargs, long kwnames) {
    Args.noKeywords(vm, "getattr", kwnames);
    Args.positional(vm, "getattr", nargs, 2, 3);
    long obj = arg(args, 0);
    long name = Args.attrName(vm, arg(args, 1));
    if (nargs == 2) {
      return vm.rt.getAttr(obj, name);
    }
    try {
      long v = vm.rt.lookupAttr(obj, name);
      return v != 0 ? v : arg(args, 2);
    } catch (PyException e) {
      if (vm.isInstance(e.exc, vm.attributeError)) {
        Args.clearPending(vm);
        return arg(args, 2);
      }
      throw e;
    }
  }

  /** delattr(obj, name): a class-defined __delattr__ wins, else DELETE_ATTR's own code. */
  private void delattr(long obj, long name) {
    long custom = Args.lookupType(vm, vm.typeOf(obj), sDelattr);
    if (custom != 0) {
      vm.rt.call(custom, new long[] {obj, name});
      return;
    }
    vm.rt.delAttr(obj, name);
  }

  private long radix(long args, int nargs, long kwnames, String name, int radix) {
    Args.exactlyOne(vm, name, nargs, kwnames);
    long v = arg(args, 0);
    String s;
    if (vm.isInt(v)) {
      if (vm.fitsLong(v)) {
        long x = vm.toLong(v);
        s = radix == 16 ? IntFormat.hex(x) : radix == 8 ? IntFormat.oct(x) : IntFormat.bin(x);
      } else {
        BigInteger x = vm.toBig(v);
        s = radix == 16 ? IntFormat.hex(x) : radix == 8 ? IntFormat.oct(x) : IntFormat.bin(x);
      }
    } else {
      long x = vm.toIndex(v);
      s = radix == 16 ? IntFormat.hex(x) : radix == 8 ? IntFormat.oct(x) : IntFormat.bin(x);
    }
    return vm.newStr(s);
  }
}
