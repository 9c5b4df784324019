package org.stitchjit.runtime.builtins;

import java.io.PrintStream;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;

/**
 * A VM's standard streams as guest objects (sys.stdout, sys.stderr) and how print() and
 * input() find where to write. The guest objects exist only once sys is imported; until then
 * print() writes straight to vm.out, and afterwards it honours a program that rebinds
 * sys.stdout.
 */
public final class Streams {
  private static final Map<VM, Streams> BY_VM = Collections.synchronizedMap(new WeakHashMap<>());

  /** The immortal guest objects standing for vm.out and vm.err (NULL until sys is loaded). */
  public long stdout;
  public long stderr;
  /** sys's module dict, NULL until sys is loaded. */
  public long sysDict;
  private long stdoutKey;

  private Streams() {}

  public static Streams of(VM vm) {
    return BY_VM.computeIfAbsent(vm, k -> new Streams());
  }

  /** Called by the sys module once its stream objects exist. */
  public void attach(VM vm, long sysDict, long stdout, long stderr) {
    this.sysDict = sysDict;
    this.stdout = stdout;
    this.stderr = stderr;
    this.stdoutKey = vm.intern("stdout");
  }

  /** The Java stream a guest file object stands for, or null when it is some other object. */
  public PrintStream javaStream(VM vm, long file) {
    if (file == stdout && stdout != 0) {
      return vm.out;
    }
    if (file == stderr && stderr != 0) {
      return vm.err;
    }
    return null;
  }

  /** sys.stdout as the program currently has it (NULL before sys is imported: vm.out). */
  public long currentStdout(VM vm) {
    if (sysDict == 0) {
      return 0;
    }
    long cur = Dicts.getItemStr(vm, sysDict, stdoutKey);
    return cur == 0 ? stdout : cur;
  }
}
