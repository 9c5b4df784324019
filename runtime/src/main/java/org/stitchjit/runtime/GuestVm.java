package org.stitchjit.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.runtime.jit.JitDriver;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.platforms.Mem;
import org.stitchjit.runtime.builtins.BuiltinFunctions;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.interp.Importer;
import org.stitchjit.runtime.interp.Protocols;
import org.stitchjit.runtime.modules.StdModules;
import org.stitchjit.runtime.objects.MappingTypes;
import org.stitchjit.runtime.objects.NumberTypes;
import org.stitchjit.runtime.objects.SequenceTypes;
import org.stitchjit.runtime.parser.GuestSyntaxError;
import org.stitchjit.runtime.text.FormatError;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.PyException;
import org.stitchjit.runtime.vm.VM;

/**
 * A guest virtual machine ready to run programs: the native VM with its built-in types,
 * builtins and modules installed, and the interpreter. One per program run; close it to
 * release its native memory.
 */
public final class GuestVm implements AutoCloseable {
  private final VM vm;
  private final Protocols protocols;
  private final Importer importer;
  private final JitDriver driver;
  private long startNanos;
  private long endNanos;

  public GuestVm(long heapLimitBytes, PrintStream out, PrintStream err) {
    this(heapLimitBytes, out, err, null, null);
  }

  /**
   * A VM whose interpreter compiles hot code with jit (null: the JIT is off). Dumps the
   * configuration asks for go to files in dumpDir, or to err when dumpDir is null.
   */
  public GuestVm(long heapLimitBytes, PrintStream out, PrintStream err, Jit jit, Path dumpDir) {
    vm = new VM(heapLimitBytes, out, err);
    NumberTypes.install(vm);
    SequenceTypes.install(vm);
    MappingTypes.install(vm);
    protocols = Protocols.create(vm);
    importer = protocols.importer();
    BuiltinFunctions.install(vm);
    StdModules.install(vm);
    driver = jit == null ? null : protocols.attachJit(jit, dumpDir);
  }

  /** The JIT driver, or null when the JIT is off. */
  public JitDriver jitDriver() {
    return driver;
  }

  public VM vm() {
    return vm;
  }

  public Protocols protocols() {
    return protocols;
  }

  /**
   * Runs a file as __main__ with sys.argv = argv, printing an uncaught exception's traceback
   * (or a syntax error) to err as CPython does. Returns the process exit status.
   */
  public int runFile(Path file, List<String> argv) {
    return runFile(file, argv, file.toString());
  }

  /** As {@link #runFile(Path, List)}, naming the file displayName in tracebacks. */
  public int runFile(Path file, List<String> argv, String displayName) {
    String source;
    try {
      source = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      vm.err.println("stitch: can't open file '" + displayName
          + "': [Errno 2] No such file or directory");
      return 2;
    } catch (IOException e) {
      vm.err.println("stitch: can't open file '" + displayName + "': " + e.getMessage());
      return 2;
    }
    Path dir = file.toAbsolutePath().getParent();
    importer.setSearchRoot(dir == null ? Path.of(".") : dir);
    vm.argv = new ArrayList<>(argv);
    return runSource(source, displayName);
  }

  /** Runs source text as __main__ (filename is what tracebacks show). */
  public int runSource(String source, String filename) {
    startNanos = System.nanoTime();
    try {
      CodeInfo code;
      try {
        code = importer.compile(source, filename);
      } catch (GuestSyntaxError e) {
        vm.out.flush();
        vm.err.print(e.format());
        return 1;
      }
      long module = vm.newModule("__main__");
      long dict = Mem.getLong(module + Layout.Module.DICT);
      vm.makeImmortal(module);
      Dicts.setItemStr(vm, vm.modules, vm.intern("__main__"), module);
      Dicts.setItemStr(vm, dict, vm.intern("__file__"), vm.newStr(filename));
      Dicts.setItemStr(vm, dict, vm.intern("__builtins__"), vm.builtins);
      try {
        protocols.runCode(code, dict, 0, 0);
        return 0;
      } catch (PyException e) {
        return uncaught(e.exc);
      } catch (FormatError e) {
        return uncaught(protocols.toGuest(e).exc);
      }
    } catch (StackOverflowError e) {
      vm.out.flush();
      vm.err.println("RecursionError: maximum recursion depth exceeded");
      return 1;
    } finally {
      endNanos = System.nanoTime();
      vm.out.flush();
    }
  }

  private int uncaught(long exc) {
    vm.out.flush();
    if (vm.isInstance(exc, vm.systemExit)) {
      return protocols.exceptions().exitStatus(exc);
    }
    vm.err.print(protocols.exceptions().format(exc));
    vm.err.flush();
    return 1;
  }

  /** The statistics as they were when the VM closed, or null while it is open. */
  private RunStats closedStats;

  /**
   * Statistics of the run so far; after {@link #close()}, as they were then (the counters and
   * code objects they read live in native memory, which closing frees).
   */
  public RunStats stats() {
    if (closedStats != null) {
      return closedStats;
    }
    return new RunStats(
        protocols.interpreter().instructionsExecuted(),
        vm.heap.objectsAllocated(),
        vm.heap.bytesAllocated(),
        vm.heap.floatsAllocated(),
        vm.collector.cycles(),
        vm.collector.pauseNanosTotal() / 1e6,
        vm.collector.pauseNanosMax() / 1e6,
        vm.heap.peakCommittedBytes(),
        vm.heap.committedBytes(),
        protocols.interpreter().specializations,
        protocols.interpreter().deoptimizations,
        (endNanos - startNanos) / 1e6,
        driver == null ? Map.of() : driver.stats().numbers(),
        driver == null ? List.of() : driver.stats().topExitSites(10),
        driver == null ? null : driver.stats().lastError());
  }

  @Override
  public void close() {
    if (closedStats != null) {
      return;
    }
    closedStats = stats();
    if (driver != null) {
      driver.close();
    }
    vm.close();
  }
}
