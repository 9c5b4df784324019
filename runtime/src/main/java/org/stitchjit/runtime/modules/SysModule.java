package org.stitchjit.runtime.modules;

import static org.stitchjit.runtime.builtins.Args.arg;
import static org.stitchjit.runtime.modules.ModuleSupport.def;
import static org.stitchjit.runtime.modules.ModuleSupport.set;

import java.io.PrintStream;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.builtins.Args;
import org.stitchjit.runtime.builtins.Streams;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/** The sys module: argv, exit, the recursion limit, the standard streams and constants. */
final class SysModule {
  /** The language level Stitch implements, reported by sys.version and sys.version_info. */
  static final String VERSION = "3.11.0 (Stitch JIT research VM; Python 3.11 subset)";

  private SysModule() {}

  static void init(VM vm, long d) {
    long argv = vm.newList(vm.argv.size());
    set(vm, d, "argv", argv);
    for (String a : vm.argv) {
      vm.listAppend(argv, vm.newStr(a));
    }
    set(vm, d, "modules", vm.modules);
    set(vm, d, "path", vm.newList(0));
    set(vm, d, "maxsize", vm.newInt(Long.MAX_VALUE));
    set(vm, d, "maxunicode", Tag.fromInt(0x10FFFF));
    set(vm, d, "platform", vm.intern("linux"));
    set(vm, d, "byteorder", vm.intern("little"));
    set(vm, d, "version", vm.intern(VERSION));
    set(vm, d, "version_info", vm.tuple(Tag.fromInt(3), Tag.fromInt(11), Tag.fromInt(0),
        vm.intern("final"), Tag.fromInt(0)));
    set(vm, d, "executable", vm.intern("stitch"));

    def(vm, d, "exit", (args, n, kw) -> {
      Args.noKeywords(vm, "exit", kw);
      Args.positional(vm, "exit", n, 0, 1);
      long exc = vm.newException(vm.systemExit, n == 0 ? vm.emptyTuple : vm.tuple(arg(args, 0)));
      throw vm.raiseObject(exc);
    });
    def(vm, d, "getrecursionlimit", (args, n, kw) -> {
      Args.noArgs(vm, "getrecursionlimit", n, kw);
      return vm.newInt(Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_LIMIT));
    });
    def(vm, d, "setrecursionlimit", (args, n, kw) -> {
      Args.exactlyOne(vm, "setrecursionlimit", n, kw);
      long v = arg(args, 0);
      if (vm.isFloat(v)) {
        throw vm.typeError("'float' object cannot be interpreted as an integer");
      }
      long limit = vm.toIndex(v);
      if (limit > Integer.MAX_VALUE || limit < Integer.MIN_VALUE) {
        throw vm.raise(vm.overflowError, "Python int too large to convert to C int");
      }
      if (limit < 1) {
        throw vm.valueError("recursion limit must be greater or equal than 1");
      }
      long depth = Mem.getLong(vm.ts + Layout.ThreadState.RECURSION_DEPTH);
      if (depth >= limit) {
        throw vm.raise(vm.recursionError, "cannot set the recursion limit to " + limit
            + " at the recursion depth " + depth + ": the limit is too low");
      }
      Mem.putLong(vm.ts + Layout.ThreadState.RECURSION_LIMIT, limit);
      return vm.none;
    });
    def(vm, d, "intern", (args, n, kw) -> {
      Args.exactlyOne(vm, "intern", n, kw);
      long s = arg(args, 0);
      if (!vm.isStr(s) || vm.typeOf(s) != vm.strType) {
        throw vm.typeError("intern() argument must be str, not " + vm.typeNameOf(s));
      }
      return vm.intern(vm.str(s));
    });
    def(vm, d, "getdefaultencoding", (args, n, kw) -> {
      Args.noArgs(vm, "getdefaultencoding", n, kw);
      return vm.intern("utf-8");
    });
    def(vm, d, "exc_info", (args, n, kw) -> {
      Args.noArgs(vm, "exc_info", n, kw);
      long exc = Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC);
      if (exc == 0 || exc == vm.none) {
        return vm.tuple(vm.none, vm.none, vm.none);
      }
      long tb = Mem.getLong(exc + Layout.Exc.TRACEBACK);
      return vm.tuple(vm.typeOf(exc), exc, tb == 0 ? vm.none : tb);
    });

    long streamType = streamType(vm);
    long out = vm.rt.call(streamType, new long[0]);
    vm.makeImmortal(out);
    long err = vm.rt.call(streamType, new long[0]);
    vm.makeImmortal(err);
    set(vm, d, "stdout", out);
    set(vm, d, "stderr", err);
    set(vm, d, "__stdout__", out);
    set(vm, d, "__stderr__", err);
    Streams.of(vm).attach(vm, d, out, err);
  }

  /** A small _io.TextIOWrapper class whose instances stand for vm.out and vm.err. */
  private static long streamType(VM vm) {
    Streams streams = Streams.of(vm);
    long ns = vm.newDict();
    long mark = vm.handleMark();
    try {
      vm.pushHandle(ns);
      Dicts.setItemStr(vm, ns, vm.intern("__module__"), vm.intern("_io"));
      Dicts.setItemStr(vm, ns, vm.intern("write"), vm.newBuiltin("write", (args, n, kw) -> {
        Args.noKeywords(vm, "TextIOWrapper.write", kw);
        if (n != 2) {
          throw vm.typeError("TextIOWrapper.write() takes exactly one argument (" + (n - 1)
              + " given)");
        }
        long s = arg(args, 1);
        if (!vm.isStr(s)) {
          throw vm.typeError("write() argument must be str, not " + vm.typeNameOf(s));
        }
        stream(vm, streams, arg(args, 0)).print(vm.str(s));
        return Tag.fromInt(VM.strLen(s));
      }));
      Dicts.setItemStr(vm, ns, vm.intern("flush"), vm.newBuiltin("flush", (args, n, kw) -> {
        Args.noKeywords(vm, "TextIOWrapper.flush", kw);
        if (n != 1) {
          throw vm.typeError("TextIOWrapper.flush() takes no arguments (" + (n - 1)
              + " given)");
        }
        stream(vm, streams, arg(args, 0)).flush();
        return vm.none;
      }));
      Dicts.setItemStr(vm, ns, vm.intern("__repr__"), vm.newBuiltin("__repr__",
          (args, n, kw) -> {
            String name = arg(args, 0) == streams.stderr ? "<stderr>" : "<stdout>";
            return vm.newStr("<_io.TextIOWrapper name='" + name
                + "' mode='w' encoding='utf-8'>");
          }));
      return vm.rt.call(vm.typeType, new long[] {vm.intern("TextIOWrapper"),
          vm.tuple(vm.objectType), ns});
    } finally {
      vm.popHandles(mark);
    }
  }

  private static PrintStream stream(VM vm, Streams streams, long self) {
    PrintStream ps = streams.javaStream(vm, self);
    return ps != null ? ps : vm.out;
  }
}
