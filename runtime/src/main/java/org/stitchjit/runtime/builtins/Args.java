package org.stitchjit.runtime.builtins;

import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.Strs;
import org.stitchjit.runtime.vm.VM;

/**
 * Argument checking for built-in functions written in Java, with the exact TypeError messages
 * CPython 3.11 produces for its two calling conventions: the old positional-only checks
 * ("len() takes exactly one argument (0 given)", "getattr expected at least 2 arguments,
 * got 1") and Argument Clinic's keyword parsing ("pow() missing required argument 'exp'
 * (pos 2)"). Shared by the builtins module and the native modules.
 */
public final class Args {
  private Args() {}

  public static long arg(long args, int i) {
    return Mem.getLong(args + 8L * i);
  }

  public static int kwCount(long kwnames) {
    return kwnames == 0 ? 0 : VM.tupleLen(kwnames);
  }

  /** "f() takes no keyword arguments" unless kwnames is empty. */
  public static void noKeywords(VM vm, String name, long kwnames) {
    if (kwCount(kwnames) > 0) {
      throw vm.typeError(name + "() takes no keyword arguments");
    }
  }

  /** METH_O functions: exactly one positional argument. */
  public static void exactlyOne(VM vm, String name, int nargs, long kwnames) {
    noKeywords(vm, name, kwnames);
    if (nargs != 1) {
      throw vm.typeError(name + "() takes exactly one argument (" + nargs + " given)");
    }
  }

  /** METH_NOARGS functions. */
  public static void noArgs(VM vm, String name, int nargs, long kwnames) {
    noKeywords(vm, name, kwnames);
    if (nargs != 0) {
      throw vm.typeError(name + "() takes no arguments (" + nargs + " given)");
    }
  }

  /** _PyArg_CheckPositional: "name expected at least 1 argument, got 0". */
  public static void positional(VM vm, String name, int nargs, int min, int max) {
    if (nargs < min) {
      throw vm.typeError(name + " expected " + (min == max ? "" : "at least ") + min
          + " argument" + (min == 1 ? "" : "s") + ", got " + nargs);
    }
    if (nargs > max) {
      throw vm.typeError(name + " expected " + (min == max ? "" : "at most ") + max
          + " argument" + (max == 1 ? "" : "s") + ", got " + nargs);
    }
  }

  /**
   * Argument Clinic's parsing for {@code name(p0, ..., /, ..., *, kw...)}: names lists every
   * parameter in order; the first posOnly are positional-only, the first maxPos may be passed
   * positionally, the first required must be given. Returns the bound values, NULL (0) for
   * parameters not given.
   */
  public static long[] parse(VM vm, String fname, long args, int nargs, long kwnames,
      String[] names, int posOnly, int maxPos, int required) {
    int nkw = kwCount(kwnames);
    int npos = nargs - nkw;
    int max = names.length;
    if (npos + nkw > max) {
      throw vm.typeError(fname + "() takes at most " + max + " " + (npos == 0 ? "keyword " : "")
          + "argument" + (max == 1 ? "" : "s") + " (" + (npos + nkw) + " given)");
    }
    if (npos > maxPos) {
      throw vm.typeError(fname + "() takes " + (required < maxPos ? "at most " : "exactly ")
          + maxPos + " positional argument" + (maxPos == 1 ? "" : "s") + " (" + npos
          + " given)");
    }
    int minPos = Math.min(posOnly, required);
    if (npos < minPos) {
      throw vm.typeError(fname + "() takes " + (minPos < maxPos ? "at least " : "exactly ")
          + minPos + " positional argument" + (minPos == 1 ? "" : "s") + " (" + npos
          + " given)");
    }
    long[] out = new long[max];
    for (int i = 0; i < npos; i++) {
      out[i] = arg(args, i);
    }
    // A keyword that binds nothing is reported only after missing arguments, as CPython does.
    String extra = null;
    for (int k = 0; k < nkw; k++) {
      String kn = vm.str(VM.tupleGet(kwnames, k));
      int slot = -1;
      for (int i = posOnly; i < max; i++) {
        if (names[i].equals(kn)) {
          slot = i;
          break;
        }
      }
      if (slot >= 0 && slot >= npos) {
        out[slot] = arg(args, npos + k);
      } else if (extra == null) {
        extra = slot >= 0
            ? "argument for " + fname + "() given by name ('" + kn + "') and position ("
                + (slot + 1) + ")"
            : "'" + kn + "' is an invalid keyword argument for " + fname + "()";
      }
    }
    for (int i = 0; i < required; i++) {
      if (out[i] == 0) {
        throw vm.typeError(fname + "() missing required argument '" + names[i] + "' (pos "
            + (i + 1) + ")");
      }
    }
    if (extra != null) {
      throw vm.typeError(extra);
    }
    return out;
  }

  /** The guest exception a text-library error stands for. */
  public static PyException guest(VM vm, FormatError e) {
    long type = switch (e.pyType()) {
      case "TypeError" -> vm.typeError;
      case "OverflowError" -> vm.overflowError;
      case "KeyError" -> vm.keyError;
      case "IndexError" -> vm.indexError;
      case "ZeroDivisionError" -> vm.zeroDivisionError;
      default -> vm.valueError;
    };
    return vm.raise(type, e.getMessage());
  }

  /** Forgets an exception that Java code caught and handled (PyErr_Clear). */
  public static void clearPending(VM vm) {
    Mem.putLong(vm.ts + Layout.ThreadState.PENDING_EXC, 0);
  }

  /** name in type's MRO, or NULL: the class-level lookup special methods use. */
  public static long lookupType(VM vm, long type, long name) {
    long mro = Mem.getLong(type + Layout.Type.MRO);
    int n = VM.tupleLen(mro);
    for (int i = 0; i < n; i++) {
      long v = Dicts.getItemStr(vm, Mem.getLong(VM.tupleGet(mro, i) + Layout.Type.DICT), name);
      if (v != 0) {
        return v;
      }
    }
    return 0;
  }

  /** An attribute name argument: a str, else CPython's TypeError. */
  public static long attrName(VM vm, long name) {
    if (!vm.isStr(name)) {
      throw vm.typeError("attribute name must be string, not '" + vm.typeNameOf(name) + "'");
    }
    return name;
  }

  /** True when a str object equals the Java string. */
  public static boolean strEquals(VM vm, long s, String j) {
    return Strs.equal(s, vm.intern(j));
  }
}
