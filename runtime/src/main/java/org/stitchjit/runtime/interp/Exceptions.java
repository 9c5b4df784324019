package org.stitchjit.runtime.interp;

import static org.stitchjit.api.layout.Tag.fromInt;
import static org.stitchjit.api.layout.Tag.intValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Kind;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.vm.TypeOps;
import org.stitchjit.runtime.vm.VM;

/**
 * Guest exceptions: traceback entries as an exception leaves each frame, chaining of causes
 * and contexts, matching in except clauses, and CPython's printed form of an uncaught
 * exception.
 */
public final class Exceptions {
  private final VM vm;
  private final Protocols p;
  private final Map<String, String[]> sources = new HashMap<>();

  Exceptions(VM vm, Protocols p) {
    this.vm = vm;
    this.p = p;
    vm.setKindOps(Kind.EXCEPTION, new ExceptionOps());
    vm.defineMethod(vm.baseException, "__init__", (args, n, kw) -> {
      long self = Mem.getLong(args);
      Mem.putLong(self + Layout.Exc.ARGS, vm.tupleFromWords(args + 8, n - 1 - kwCount(kw)));
      return vm.none;
    });
    vm.defineMethod(vm.baseException, "with_traceback", (args, n, kw) -> {
      long self = Mem.getLong(args);
      long tb = Mem.getLong(args + 8);
      Mem.putLong(self + Layout.Exc.TRACEBACK, tb == vm.none ? 0 : tb);
      return self;
    });
  }

  private static int kwCount(long kw) {
    return kw == 0 ? 0 : VM.tupleLen(kw);
  }

  /** Remembers a file's source so tracebacks can quote its lines. */
  public void registerSource(String filename, String source) {
    sources.put(filename, source.split("\r\n|\r|\n", -1));
  }

  /** Records that exc passes through the instruction at ip of code ci. */
  void addTraceback(long exc, CodeInfo ci, int ip, boolean raisedHere) {
    if (raisedHere) {
      long handled = Mem.getLong(vm.ts + Layout.ThreadState.HANDLED_EXC);
      if (handled != 0 && handled != vm.none && handled != exc
          && Mem.getLong(exc + Layout.Exc.CONTEXT) == 0) {
        Mem.putLong(exc + Layout.Exc.CONTEXT, handled);
      }
    }
    long tb = vm.alloc(vm.tracebackType, Layout.Traceback.NSLOTS, 0);
    Mem.putLong(tb + Layout.Traceback.NEXT, Mem.getLong(exc + Layout.Exc.TRACEBACK));
    Mem.putLong(tb + Layout.Traceback.CODE, ci.code);
    Mem.putLong(tb + Layout.Traceback.LINE, fromInt(ci.lineAt(ip)));
    Mem.putLong(exc + Layout.Exc.TRACEBACK, tb);
  }

  /** The exception instance `raise v` raises: v itself, or an instance of the class v. */
  long makeRaisable(long v) {
    if ((v & 1) == 0 && vm.isInstance(v, vm.baseException)) {
      return v;
    }
    if (vm.isType(v) && VM.isSubtype(v, vm.baseException)) {
      long exc = p.call(v, new long[0]);
      if (!vm.isInstance(exc, vm.baseException)) {
        throw vm.typeError("calling " + vm.reprJava(v)
            + " should have returned an instance of BaseException, not "
            + vm.typeNameOf(exc));
      }
      return exc;
    }
    throw vm.typeError("exceptions must derive from BaseException");
  }

  long makeCause(long v) {
    if ((v & 1) == 0 && vm.isInstance(v, vm.baseException)) {
      return v;
    }
    if (vm.isType(v) && VM.isSubtype(v, vm.baseException)) {
      return p.call(v, new long[0]);
    }
    throw vm.typeError("exception causes must derive from BaseException");
  }

  /** except T: does exc match T (a class or a tuple of classes)? */
  boolean matches(long exc, long t) {
    if (vm.isTuple(t)) {
      int n = VM.tupleLen(t);
      for (int i = 0; i < n; i++) {
        if (matches(exc, VM.tupleGet(t, i))) {
          return true;
        }
      }
      return false;
    }
    if (!vm.isType(t) || !VM.isSubtype(t, vm.baseException)) {
      throw vm.typeError(
          "catching classes that do not inherit from BaseException is not allowed");
    }
    return vm.isInstance(exc, t);
  }

  // ================================================================ printing
  /** What CPython prints for an uncaught exception, chained causes and contexts included. */
  public String format(long exc) {
    StringBuilder sb = new StringBuilder();
    format(exc, sb, new ArrayList<>());
    return sb.toString();
  }

  private void format(long exc, StringBuilder sb, List<Long> seen) {
    seen.add(exc);
    long cause = Mem.getLong(exc + Layout.Exc.CAUSE);
    long context = Mem.getLong(exc + Layout.Exc.CONTEXT);
    boolean suppress = Mem.getLong(exc + Layout.Exc.SUPPRESS_CONTEXT) == vm.trueObj;
    if (cause != 0 && cause != vm.none && !seen.contains(cause)) {
      format(cause, sb, seen);
      sb.append("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (context != 0 && context != vm.none && !suppress && !seen.contains(context)) {
      format(context, sb, seen);
      sb.append("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    long tb = Mem.getLong(exc + Layout.Exc.TRACEBACK);
    if (tb != 0) {
      sb.append("Traceback (most recent call last):\n");
      List<Long> entries = new ArrayList<>();
      for (long t = tb; t != 0 && t != vm.none; t = Mem.getLong(t + Layout.Traceback.NEXT)) {
        entries.add(t);
      }
      String last = null;
      int repeats = 0;
      for (int i = 0; i < entries.size(); i++) {
        long t = entries.get(i);
        long code = Mem.getLong(t + Layout.Traceback.CODE);
        CodeInfo ci = CodeInfo.of(vm, code);
        int line = (int) intValue(Mem.getLong(t + Layout.Traceback.LINE));
        String entry = "  File \"" + ci.filename + "\", line " + line + ", in " + ci.name + "\n";
        String[] src = sources.get(ci.filename);
        if (src != null && line >= 1 && line <= src.length) {
          String text = src[line - 1].strip();
          if (!text.isEmpty()) {
            entry += "    " + text + "\n";
          }
        }
        if (entry.equals(last)) {
          repeats++;
          if (repeats >= 3) {
            continue;
          }
        } else {
          if (repeats >= 3) {
            int more = repeats - 2;
            sb.append("  [Previous line repeated ").append(more).append(" more time")
                .append(more == 1 ? "" : "s").append("]\n");
          }
          repeats = 0;
        }
        last = entry;
        sb.append(entry);
      }
      if (repeats >= 3) {
        int more = repeats - 2;
        sb.append("  [Previous line repeated ").append(more).append(" more time")
            .append(more == 1 ? "" : "s").append("]\n");
      }
    }
    sb.append(lastLine(exc)).append('\n');
  }

  /** "ValueError: message" as the last line of a traceback. */
  public String lastLine(long exc) {
    long type = vm.typeOf(exc);
    String name = qualifiedName(type);
    String msg;
    try {
      msg = vm.str(p.str(exc));
    } catch (RuntimeException e) {
      msg = "<exception str() failed>";
    }
    return msg.isEmpty() ? name : name + ": " + msg;
  }

  private String qualifiedName(long type) {
    String name = vm.str(Mem.getLong(type + Layout.Type.QUALNAME));
    long module = Mem.getLong(type + Layout.Type.MODULE);
    if (module != 0 && vm.isStr(module)) {
      String m = vm.str(module);
      if (!m.equals("builtins") && !m.equals("__main__")) {
        return m + "." + name;
      }
    }
    return name;
  }

  /** The first argument of an exception, or None. */
  long firstArg(long exc) {
    long args = Mem.getLong(exc + Layout.Exc.ARGS);
    if (args == 0 || VM.tupleLen(args) == 0) {
      return vm.none;
    }
    return VM.tupleGet(args, 0);
  }

  /** The exit status a SystemExit asks for, printing its message as CPython does. */
  public int exitStatus(long exc) {
    long code = firstArg(exc);
    if (code == vm.none) {
      return 0;
    }
    if (vm.isInt(code)) {
      return (int) vm.toLong(code);
    }
    vm.err.println(vm.strJava(code));
    return 1;
  }

  private final class ExceptionOps implements TypeOps {
    @Override
    public long repr(VM vm, long self) {
      long args = Mem.getLong(self + Layout.Exc.ARGS);
      String name = vm.str(Mem.getLong(vm.typeOf(self) + Layout.Type.NAME));
      if (args == 0 || VM.tupleLen(args) == 0) {
        return vm.newStr(name + "()");
      }
      if (VM.tupleLen(args) == 1) {
        return vm.newStr(name + "(" + vm.reprJava(VM.tupleGet(args, 0)) + ")");
      }
      return vm.newStr(name + vm.reprJava(args));
    }

    @Override
    public long str(VM vm, long self) {
      long args = Mem.getLong(self + Layout.Exc.ARGS);
      if (args == 0 || VM.tupleLen(args) == 0) {
        return vm.emptyStr;
      }
      if (VM.tupleLen(args) == 1) {
        long a = VM.tupleGet(args, 0);
        if (vm.isInstance(self, vm.keyError)) {
          return p.repr(a);
        }
        return p.str(a);
      }
      return p.str(args);
    }

    @Override
    public long allocate(VM vm, long type) {
      return vm.newException(type, vm.emptyTuple);
    }
  }

  /** For BaseException subclasses' constructors: args set before __init__ runs. */
  long newInstance(long type, long args, int nargs, long kwnames) {
    int npos = nargs - kwCount(kwnames);
    return vm.newException(type, vm.tupleFromWords(args, npos));
  }

  /** Special exception attributes, or NULL. */
  long attr(long exc, String name) {
    switch (name) {
      case "args":
        return Mem.getLong(exc + Layout.Exc.ARGS);
      case "__cause__": {
        long c = Mem.getLong(exc + Layout.Exc.CAUSE);
        return c == 0 ? vm.none : c;
      }
      case "__context__": {
        long c = Mem.getLong(exc + Layout.Exc.CONTEXT);
        return c == 0 ? vm.none : c;
      }
      case "__suppress_context__":
        return Mem.getLong(exc + Layout.Exc.SUPPRESS_CONTEXT);
      case "__traceback__": {
        long t = Mem.getLong(exc + Layout.Exc.TRACEBACK);
        return t == 0 ? vm.none : t;
      }
      case "value":
        if (vm.isInstance(exc, vm.stopIteration)) {
          return firstArg(exc);
        }
        return 0;
      case "code":
        if (vm.isInstance(exc, vm.systemExit)) {
          return firstArg(exc);
        }
        return 0;
      case "msg":
        if (vm.isInstance(exc, vm.syntaxError)) {
          return firstArg(exc);
        }
        return 0;
      default:
        return 0;
    }
  }

  boolean setAttr(long exc, String name, long value) {
    switch (name) {
      case "args":
        Mem.putLong(exc + Layout.Exc.ARGS, vm.isTuple(value) ? value
            : p.call(vm.tupleType, new long[] {value}));
        return true;
      case "__cause__":
        Mem.putLong(exc + Layout.Exc.CAUSE, value == vm.none ? 0 : value);
        Mem.putLong(exc + Layout.Exc.SUPPRESS_CONTEXT, vm.trueObj);
        return true;
      case "__context__":
        Mem.putLong(exc + Layout.Exc.CONTEXT, value == vm.none ? 0 : value);
        return true;
      case "__suppress_context__":
        Mem.putLong(exc + Layout.Exc.SUPPRESS_CONTEXT, vm.bool(p.isTrue(value)));
        return true;
      case "__traceback__":
        Mem.putLong(exc + Layout.Exc.TRACEBACK, value == vm.none ? 0 : value);
        return true;
      default:
        return false;
    }
  }
}
