package org.stitchjit.runtime.jit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.api.config.Dump;
import org.stitchjit.api.jit.CodeView;
import org.stitchjit.api.jit.CompileContext;
import org.stitchjit.api.jit.CompileException;
import org.stitchjit.api.jit.CompiledRegion;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.api.jit.OptimizerPass;
import org.stitchjit.api.jit.PassContext;
import org.stitchjit.api.jit.RegionEnvironment;
import org.stitchjit.api.jit.Recorder;
import org.stitchjit.api.jit.RegionStart;
import org.stitchjit.api.layout.Layout;
import org.stitchjit.api.layout.Layout.Frame;
import org.stitchjit.api.layout.Tag;
import org.stitchjit.api.uop.Exit;
import org.stitchjit.api.uop.ExitReason;
import org.stitchjit.api.uop.Region;
import org.stitchjit.api.uop.RegionText;
import org.stitchjit.api.uop.Uop;
import org.stitchjit.api.uop.UopInstr;
import org.stitchjit.platforms.Disassembler;
import org.stitchjit.platforms.Mem;
import org.stitchjit.platforms.PerfMap;
import org.stitchjit.platforms.Platform;
import org.stitchjit.runtime.interp.CodeInfo;
import org.stitchjit.runtime.jit.reference.UopRuntime;
import org.stitchjit.runtime.vm.Dicts;
import org.stitchjit.runtime.vm.VM;
import org.stitchjit.runtime.vm.Watchers;

/**
 * The JIT driver: decides when to ask the frontend for a region, runs the passes and the
 * backend, installs the result where the interpreter will enter it, runs compiled code and
 * handles its exits (counting them, growing bridges from hot ones), and invalidates code whose
 * assumptions changed. The interpreter calls it at backward jumps, function entries and
 * ENTER_EXECUTOR; everything else here is bookkeeping.
 *
 * <p>At most one region is recorded at a time: a nested interpreter run (a built-in calling
 * back into guest code) that gets hot while an outer recording is in progress simply waits for
 * its next chance.
 */
public final class JitDriver {
  /** After a failed selection at a site, the counter restarts this many times lower. */
  private static final int BACKOFF_FACTOR = 4;
  /** Sites that failed this often are not tried again. */
  private static final int MAX_FAILURES_PER_SITE = 6;
  /**
   * Bridges an instruction may start before the recorder stops specializing an attribute
   * access (or a call) there on the receiver (or callee) it sees. Each receiver type at a
   * polymorphic site fails the guards of the paths before it and grows a bridge of its own, so a megamorphic site would
   * grow a chain as long as its types, each bridge a copy of the rest of the loop, and walking
   * the chain would cost more than the generic instruction's escape (measured: 60 classes at
   * one site still gained, 120 lost). Past the cap the last bridge takes the generic
   * instruction, which serves every other type.
   */
  public static final int POLYMORPHIC_BRIDGES = 8;
  /** Regions linked one after another before control goes back to the interpreter. */
  private static final int MAX_LINKS = 64;

  private final Jit jit;
  private final VM vm;
  private final UopRuntime uops;
  private final PrintStream dumpOut;
  private final Path dumpDir;
  /** Looked up at the first asm dump; empty when no tool is installed. */
  private Optional<Disassembler> disassembler;
  private PerfMap perfMap;
  private final JitStats stats = new JitStats();
  private final CompileContext context;
  private long codeCacheUsed;
  private boolean codeCacheFull;
  private int nextId;

  /** The selection in progress. */
  private Recorder active;
  /** The collector's cycle count when the active recording began. */
  private long activeGcCycles;
  private RuntimeException frontendError;
  private RegionStart activeStart;
  private Executor activeParent;
  private int activeParentExit;
  private int activeJumpIndex;

  private final Map<String, Integer> failures = new HashMap<>();
  /** Bridges compiled that start at an instruction, by {@link #siteOf}. */
  private final Map<Long, Integer> bridgesAt = new HashMap<>();
  private final Map<Long, List<Executor>> dependents = new HashMap<>();
  /** Per watched dict, per entry, the regions that took the entry's value as a constant. */
  private final Map<Long, Map<Integer, List<Executor>>> entryDependents = new HashMap<>();
  private final List<Executor> all = new ArrayList<>();
  private final Map<Long, CodeInfo> codesById = new HashMap<>();
  private final List<CompiledRegion> toFree = new ArrayList<>();
  /** Installed regions by their code, to find the bridge a linked exit was taken in. */
  private final Map<CompiledRegion, Executor> byCompiled = new IdentityHashMap<>();
  private int running;

  public JitDriver(Jit jit, VM vm, UopRuntime uops, PrintStream dumpOut, Path dumpDir) {
    this.jit = jit;
    this.vm = vm;
    this.uops = uops;
    this.dumpOut = dumpOut;
    this.dumpDir = dumpDir;
    vm.jitOn = true;
    vm.rawFloatClass = type -> {
      // Loads compiled as _LOAD_ATTR_SLOT read no NULL slot (decision 7, "Float attributes"):
      // regions with one go before any instance of the class can have a raw attribute. (The
      // region whose raw store got here reads its own attributes through checking loads.)
      for (Executor ex : List.copyOf(all)) {
        if (ex.valid && ex.region.allUops().stream()
            .anyMatch(in -> in.uop() == Uop.LOAD_ATTR_SLOT)) {
          invalidate(ex);
        }
      }
    };
    vm.jitRoots = c -> {
      // Invalidated regions too: one may still be running below an escaping call.
      for (Executor ex : all) {
        for (long o : ex.embedded) {
          c.markValue(o);
        }
      }
    };
    stats.backendCounts = jit.backend()::stats;
    stats.forcingExits = jit.config().forceExits();
    // An exit's code id is its code object's address (alive: the region's operands keep it).
    stats.codeById = id -> CodeInfo.of(vm, id);
    if (jit.config().perfMap()) {
      try {
        perfMap = PerfMap.openForCurrentProcess();
      } catch (IOException e) {
        // Profiling is an extra; the program runs the same without it.
        dumpOut.println("stitch: cannot write the perf map: " + e.getMessage());
      }
    }
    this.context = new CompileContext() {
      @Override
      public <T> Optional<T> service(Class<T> type) {
        if (type.isInstance(uops)) {
          return Optional.of(type.cast(uops));
        }
        return type.isInstance(jit.config()) ? Optional.of(type.cast(jit.config()))
            : Optional.empty();
      }

      @Override
      public long codeCacheFree() {
        return Math.max(0, jit.config().codeCacheLimit() - codeCacheUsed);
      }
    };
  }

  public JitStats stats() {
    return stats;
  }

  public int hotLoop() {
    return jit.config().hotLoop();
  }

  public int hotFunction() {
    return jit.config().hotFunction();
  }

  /** The perf map compiled regions are named in ({@code perf-map=true}), if one is open. */
  public Optional<Path> perfMapPath() {
    return Optional.ofNullable(perfMap).map(PerfMap::path);
  }

  /** Installed regions, in the order they were compiled (for tests and tools). */
  public List<Executor> executors() {
    return List.copyOf(all);
  }

  // ================================================================ selection
  /**
   * A backward jump at jumpIndex to target got hot; frame is about to continue at target.
   * Returns the recorder the interpreter should feed, or null.
   */
  public Recorder loopHot(CodeInfo code, long frame, int jumpIndex, int target, int depth) {
    if (!canStart("loop:" + code.code + ":" + jumpIndex)) {
      return null;
    }
    activeJumpIndex = jumpIndex;
    return begin(new RegionStart(RegionStart.Kind.LOOP, code, target, frame, depth, target,
        new Environment(frame)), null, -1);
  }

  /** A function's entry got hot; frame is its new frame, about to run instruction 0. */
  public Recorder functionHot(CodeInfo code, long frame) {
    if (code.entryExecutor != null || !canStart("function:" + code.code)) {
      return null;
    }
    return begin(new RegionStart(RegionStart.Kind.FUNCTION, code, 0, frame, 0, -1,
        new Environment(frame)), null, -1);
  }

  private boolean canStart(String site) {
    return active == null && !codeCacheFull
        && failures.getOrDefault(site, 0) < MAX_FAILURES_PER_SITE;
  }

  private Recorder begin(RegionStart start, Executor parent, int parentExit) {
    try {
      active = jit.frontend().begin(start, jit.config());
    } catch (RuntimeException e) {
      stats.abort("frontend-error");
      stats.lastError = jit.frontend().name() + ": " + e;
      backOff(start.kind(), (CodeInfo) start.code(), activeJumpIndex, parent, parentExit);
      return null;
    }
    activeStart = start;
    activeParent = parent;
    activeParentExit = parentExit;
    activeGcCycles = vm.collector.cycles();
    return active;
  }

  /**
   * Reports an instruction to the active recorder. A frontend that throws is a bug in it, not
   * in the program: the selection is abandoned, counted as {@code aborted.frontend-error}, and
   * the program goes on in the interpreter.
   */
  public Recorder.Step record(Recorder r, CodeInfo code, int index, long frame, long caller,
      int depth) {
    try {
      return r.record(code, index, frame, caller, depth);
    } catch (RuntimeException e) {
      frontendError = e;
      return Recorder.Step.ABORT;
    }
  }

  /** The interpreter stopped following the recorded path (see {@link Recorder#interrupted}). */
  public void interrupted(Recorder r, String why) {
    Recorder.Step s;
    try {
      s = r.interrupted(why);
    } catch (RuntimeException e) {
      frontendError = e;
      s = Recorder.Step.ABORT;
    }
    recordingEnded(r, s);
  }

  /**
   * The recorder the interpreter fed answered DONE or ABORT (or was interrupted): compile and
   * install, or count the abort and back the site off.
   */
  public void recordingEnded(Recorder r, Recorder.Step step) {
    if (r != active) {
      throw new IllegalStateException("recording ended for a recorder the driver did not start");
    }
    RegionStart start = activeStart;
    Executor parent = activeParent;
    int parentExit = activeParentExit;
    int jumpIndex = activeJumpIndex;
    active = null;
    activeStart = null;
    activeParent = null;
    if (step == Recorder.Step.DONE && r.region().isPresent()) {
      if (compile(r.region().get(), start, jumpIndex, parent, parentExit) != null) {
        return;
      }
    } else if (frontendError != null) {
      stats.abort("frontend-error");
      stats.lastError = jit.frontend().name() + ": " + frontendError;
      frontendError = null;
    } else {
      stats.abort(r.abortReason() == null ? "unknown" : r.abortReason());
    }
    backOff(start.kind(), (CodeInfo) start.code(), jumpIndex, parent, parentExit);
  }

  /**
   * A selection at this site failed (or its region was invalidated): the site counts up again
   * from further below, longer after each failure, and after MAX_FAILURES_PER_SITE it is never
   * tried again, so a site that cannot be compiled costs nothing more than its counter.
   */
  private void backOff(RegionStart.Kind kind, CodeInfo code, int jumpIndex, Executor parent,
      int parentExit) {
    int n = failures.merge(siteKey(kind, code, jumpIndex, parent, parentExit), 1,
        Integer::sum);
    boolean never = n >= MAX_FAILURES_PER_SITE;
    switch (kind) {
      case LOOP -> {
        if ((Mem.getLong(code.bytecode + 8L * jumpIndex) & 0xFF) == Opcode.JUMP_BACKWARD.code()) {
          Mem.putLong(code.bytecode + 8L * (jumpIndex + 1), never ? Long.MIN_VALUE / 4
              : -(long) jit.config().hotLoop() * pow(BACKOFF_FACTOR, n));
        }
      }
      case FUNCTION -> code.entries = never ? Integer.MIN_VALUE / 2
          : (int) Math.max(Integer.MIN_VALUE / 4,
              -jit.config().hotFunction() * pow(BACKOFF_FACTOR, n));
      case BRIDGE -> {
        long count = never ? Long.MIN_VALUE / 4
            : -(long) jit.config().hotExit() * pow(BACKOFF_FACTOR, n);
        if (parent == null) {
          returnCounts(code)[jumpIndex] = count;
        } else {
          parent.exitCounts[parentExit] = count;
        }
      }
    }
  }

  private static long pow(int base, int n) {
    long r = 1;
    for (int i = 0; i < n && r < (1L << 40); i++) {
      r *= base;
    }
    return r;
  }

  private static String siteKey(RegionStart.Kind kind, CodeInfo code, int jumpIndex,
      Executor parent, int exit) {
    return switch (kind) {
      case LOOP -> "loop:" + code.code + ":" + jumpIndex;
      case FUNCTION -> "function:" + code.code;
      case BRIDGE -> parent == null ? "return:" + code.code + ":" + jumpIndex
          : "bridge:" + parent.id + ":" + exit;
    };
  }

  /**
   * Whether a region that left with RESUME_AT_FRAME, the frame now at a RETURN_VALUE, returned
   * natively into a caller whose next instruction is that return (a tail call, {@code return
   * f(...)}), rather than stopping at its own return for the interpreter. Only a backend that
   * returns natively ({@code returnEntry() != 0}) tells the two apart: its {@code
   * _RETURN_VALUE} leaves a return to the interpreter only in a frame that is not plain (an
   * entry, {@code __init__} or generator frame, or one without a caller), the stencil's own
   * test. Such a site then gets a return-site region like any other, of one
   * {@code _RETURN_VALUE}, and a chain of tail calls returns natively all the way.
   */
  private static boolean returnedOntoAReturn(Executor ex, Opcode op, long frame) {
    return op.family() == Opcode.RETURN_VALUE && ex.compiled.returnEntry() != 0
        && Mem.getLong(frame + Frame.FLAGS) == Tag.fromInt(0)
        && Mem.getLong(frame + Frame.GENERATOR) == 0 && Mem.getLong(frame + Frame.PREVIOUS) != 0;
  }

  /** Whether the interpreter, not compiled code, performs op when a region stops at it. */
  private static boolean leavesFrame(Opcode op) {
    Opcode f = op.family();
    return f == Opcode.RETURN_VALUE || f == Opcode.RAISE_VARARGS || f == Opcode.RERAISE
        || f == Opcode.YIELD_VALUE;
  }

  /** The address of operand stack slot {@code depth} (0 at the bottom) of frame. */
  private static long stackSlot(long frame, CodeInfo ci, int depth) {
    return frame + Frame.LOCALSPLUS + 8L * (ci.nlocalsplus + depth);
  }

  /**
   * The key of an instruction of a code object, exactly: the code object's mirror index
   * (Layout.Code.ID) and the instruction index. It counts bridges per instruction.
   */
  private static long siteOf(CodeInfo code, int index) {
    return (Mem.getLong(code.code + Layout.Code.ID) >> 1 << 32) | index;
  }

  /**
   * Tells native code that hands a frame over where a return-site region starts where to go on
   * (decision 9, "Later"): the code's resume entry for the site ({@link
   * Layout.Code#resumeEntry}), which the backend's {@code _RETURN_VALUE} reads after a CALL and
   * {@code _FOR_ITER_GEN} and {@code _YIELD_GEN} after a generator's YIELD_VALUE or its
   * caller's FOR_ITER.
   */
  private static void setReturnEntry(Executor site, long entry) {
    Mem.putLong(site.code.code + Layout.Code.resumeEntry(site.code.units, site.startIndex),
        entry);
  }

  /**
   * The regions that start where a callee returned natively into an interpreted caller (return
   * sites), by instruction index. A bridge without a parent is a return site's region; its
   * jump index is the index it starts at.
   */
  private static Object[] returnSites(CodeInfo code) {
    if (code.returnSites == null) {
      code.returnSites = new Object[code.units];
    }
    return code.returnSites;
  }

  /** For return sites without a region, how often a callee returned there. */
  private static long[] returnCounts(CodeInfo code) {
    if (code.returnCounts == null) {
      code.returnCounts = new long[code.units];
    }
    return code.returnCounts;
  }

  // ================================================================ compile and install
  private Executor compile(Region region, RegionStart start, int jumpIndex, Executor parent,
      int parentExit) {
    long t0 = System.nanoTime();
    CodeInfo code = (CodeInfo) start.code();
    int id = nextId++;
    dumpBytecode(id, start, region);
    dumpUops(id, "recorded", region);
    Region r = region;
    Environment env = new Environment(start.frame());
    for (OptimizerPass pass : jit.passes()) {
      // Every pass's effect on size, in the same terms whatever the pass counts itself.
      stats.passCount(pass.name(), "uops-in", r.allUops().size());
      try {
        r = pass.run(r, new PassContext() {
          @Override
          public void count(String key, long n) {
            stats.passCount(pass.name(), key, n);
          }

          @Override
          public Optional<RegionEnvironment> environment() {
            return Optional.of(env);
          }
        });
      } catch (RuntimeException e) {
        stats.compileFailed("pass-error");
        stats.lastError = pass.name() + ": " + e;
        stats.compileNanos += System.nanoTime() - t0;
        return null;
      }
      stats.passCount(pass.name(), "uops-out", r.allUops().size());
      dumpUops(id, "after " + pass.name(), r);
    }
    CompiledRegion compiled;
    try {
      compiled = jit.backend().compile(r, context);
    } catch (CompileException e) {
      stats.compileFailed(e.reason());
      stats.compileNanos += System.nanoTime() - t0;
      return null;
    } catch (RuntimeException e) {
      // A backend bug: the region stays interpreted, and the statistics say why.
      stats.compileFailed("backend-error");
      stats.lastError = jit.backend().name() + ": " + e;
      stats.compileNanos += System.nanoTime() - t0;
      return null;
    }
    if (codeCacheUsed + compiled.codeBytes() > jit.config().codeCacheLimit()) {
      // Full: stop compiling; what is installed keeps running, the rest stays interpreted.
      compiled.free();
      codeCacheFull = true;
      stats.compileFailed("code-cache-full");
      stats.compileNanos += System.nanoTime() - t0;
      return null;
    }
    if (vm.collector.cycles() != activeGcCycles) {
      // Collected while the region was being recorded: an object its guards name may have
      // died, and its cell may hold another object by now (nothing on the heap tells: the
      // collector leaves dead cells to allocation to sweep). Only the region's own operands
      // are at stake, so the next recording, without a collection in between, compiles.
      compiled.free();
      stats.compileFailed("stale-object");
      stats.compileNanos += System.nanoTime() - t0;
      return null;
    }
    codeCacheUsed += compiled.codeBytes();
    stats.codeBytes = codeCacheUsed;
    int jumpOparg = start.kind() == RegionStart.Kind.LOOP ? code.oparg(jumpIndex) : -1;
    Executor ex = new Executor(id, start.kind(), code, start.index(), jumpIndex, jumpOparg,
        parent, parentExit, r, compiled);
    install(ex, start);
    env.applyTo(ex);
    stats.compiled(r.allUops().size(), start.kind() == RegionStart.Kind.BRIDGE);
    if (start.kind() == RegionStart.Kind.BRIDGE) {
      bridgesAt.merge(siteOf(code, start.index()), 1, Integer::sum);
    }
    stats.compileNanos += System.nanoTime() - t0;
    // Outside the compile time: running a disassembler costs far more than compiling.
    announce(ex, start);
    return ex;
  }

  private void install(Executor ex, RegionStart start) {
    switch (ex.kind) {
      case LOOP -> {
        codesById.put(ex.code.code, ex.code);
        int slot = ex.code.executors.size();
        ex.code.executors.add(ex);
        Mem.putLong(ex.code.bytecode + 8L * ex.jumpIndex,
            Opcode.encode(Opcode.ENTER_EXECUTOR, slot));
      }
      case FUNCTION -> ex.code.entryExecutor = ex;
      case BRIDGE -> {
        if (ex.parent == null) {
          returnSites(ex.code)[ex.startIndex] = ex;
          setReturnEntry(ex, ex.compiled.returnEntry());
        } else {
          ex.parent.bridges[ex.parentExit] = ex;
          // Natively where the backend can: the parent's code then jumps into the bridge's.
          ex.parent.compiled.link(ex.parentExit, ex.compiled);
        }
      }
    }
    byCompiled.put(ex.compiled, ex);
    all.add(ex);
    stats.regions.add(ex);
    ex.embedded = embeddedObjects(ex.region);
    recordDependencies(ex, start.frame());
  }

  /**
   * What the region's guards assumed about objects that can change under it: the dicts whose
   * keys versions and the types whose versions its guards compared. Guards still check them;
   * invalidation drops the code at once instead of letting it fail its guards from now on,
   * and lets passes that remove guards rely on it.
   */
  private void recordDependencies(Executor ex, long frame) {
    long globals = Mem.getLong(frame + Frame.GLOBALS);
    for (UopInstr in : ex.region.allUops()) {
      switch (in.uop()) {
        case GUARD_GLOBALS_VERSION -> depend(ex, globals, true);
        case GUARD_BUILTINS_VERSION -> depend(ex, vm.builtins, true);
        case INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT ->
            depend(ex, Mem.getLong(in.operand() + Layout.Function.GLOBALS), true);
        case CHECK_ATTR_MODULE -> depend(ex, Mem.getLong(in.operand() + Layout.Module.DICT), true);
        case GUARD_TYPE -> depend(ex, in.operand(), false);
        default -> { }
      }
    }
  }

  /**
   * The heap objects the region's operands point to. The code compares against them or uses
   * them directly, so they must outlive it: a freed type's address could be reused by another
   * type that would then pass the guard.
   */
  private static long[] embeddedObjects(Region region) {
    return region.allUops().stream().filter(in -> switch (in.uop()) {
      case GUARD_TYPE, CHECK_ATTR_MODULE, CHECK_FUNCTION_VERSION, CHECK_FUNCTION_CODE,
          CHECK_STACK_SPACE, INIT_CALL_PY_EXACT_ARGS, INIT_CALL_INIT, CHECK_CALLABLE,
          LOAD_METHOD_CONST, LOAD_CONST_INLINE -> true;
      default -> in.uop().callsBuiltin();
    }).mapToLong(UopInstr::operand).filter(o -> o != 0 && (o & 1) == 0).distinct().toArray();
  }

  private void depend(Executor ex, long object, boolean dict) {
    if (ex.dependencies.contains(object)) {
      return;
    }
    ex.dependencies.add(object);
    List<Executor> list = dependents.get(object);
    if (list == null) {
      list = new ArrayList<>();
      dependents.put(object, list);
      if (dict && (Dicts.keysVersion(object) & Dicts.WATCHED) == 0) {
        Dicts.watch(object);
      }
      Watchers.listen(object, this::changed);
    }
    list.add(ex);
  }

  private void entryChanged(long dict, int index) {
    Map<Integer, List<Executor>> entries = entryDependents.get(dict);
    List<Executor> list = entries == null ? null : entries.remove(index);
    if (list != null) {
      for (Executor ex : list) {
        invalidate(ex);
      }
    }
  }

  /**
   * What the passes of one compile read of the VM and rely on ({@link RegionEnvironment}). The
   * dependencies they record take effect when the region is installed; a compile that fails
   * leaves none behind.
   */
  private final class Environment implements RegionEnvironment {
    private final long frame;
    private final List<long[]> entries = new ArrayList<>();
    private final List<Long> keys = new ArrayList<>();
    private final List<Long> types = new ArrayList<>();

    Environment(long frame) {
      this.frame = frame;
    }

    @Override
    public long runtimeConstant(String name) {
      return uops.runtimeConstant(name);
    }

    @Override
    public long globals() {
      return Mem.getLong(frame + Frame.GLOBALS);
    }

    @Override
    public long builtins() {
      return vm.builtins;
    }

    @Override
    public long code() {
      return Mem.getLong(frame + Frame.CODE);
    }

    @Override
    public long moduleDict(long module) {
      return Mem.getLong(module + Layout.Module.DICT);
    }

    @Override
    public long functionGlobals(long function) {
      return Mem.getLong(function + Layout.Function.GLOBALS);
    }

    @Override
    public long functionCode(long function) {
      return Mem.getLong(function + Layout.Function.CODE);
    }

    @Override
    public int argCount(long code) {
      return CodeInfo.of(vm, code).argcount;
    }

    @Override
    public Optional<CodeView> codeView(long codeId) {
      return Optional.of(CodeInfo.of(vm, codeId));
    }

    @Override
    public long codeConstant(long code, int index) {
      return CodeInfo.of(vm, code).consts[index];
    }

    @Override
    public boolean hasKeysVersion(long dict, long version) {
      return Dicts.sameKeysVersion(Dicts.keysVersion(dict), version);
    }

    @Override
    public OptionalLong entryValue(long dict, int index) {
      long v = Dicts.entryKey(dict, index) == 0 ? 0 : Dicts.entryValue(dict, index);
      return v == 0 ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public String builtinName(long callable) {
      return vm.builtinName(callable);
    }

    @Override
    public long typeOf(long value) {
      return vm.typeOf(value);
    }

    @Override
    public long typeVersion(long type) {
      return Mem.getLong(type + Layout.Type.VERSION);
    }

    @Override
    public Optional<Specialization> observeAttribute(CodeView view, int index, long frame,
        int stackDepth) {
      CodeInfo ci = (CodeInfo) view;
      if (stackDepth < 1 || Mem.getLong(frame + Frame.CODE) != ci.code
          || bridgesAt.getOrDefault(siteOf(ci, index), 0) >= POLYMORPHIC_BRIDGES) {
        return Optional.empty();
      }
      long receiver = Mem.getLong(stackSlot(frame, ci, stackDepth - 1));
      return Optional.ofNullable(uops.specializeAttribute(ci.opcode(index).family(), receiver,
          ci.names[ci.oparg(index)]));
    }

    @Override
    public int observeAttributeValue(long frame, int stackDepth, long[] cache) {
      // The class the load is compiled for keeps floats raw: its slots may be NULL.
      int seen = (VM.typeFlags(cache[0]) & Layout.TypeFlags.RAW_FLOAT_ATTRS) != 0
          ? Uop.RAW_FLOATS_SEEN : 0;
      if (stackDepth < 1) {
        return seen;
      }
      long obj = Mem.getLong(stackSlot(frame, uops.codeOf(frame), stackDepth - 1));
      if ((obj & 1) != 0 || obj == 0 || Mem.getLong(obj) != cache[0]) {
        return seen;
      }
      long attrs = obj + (cache[2] & 0xFFFFFFFFL);
      if (Mem.getLong(attrs + Layout.Attrs.SHAPE) != cache[1]) {
        return seen;
      }
      long v = Mem.getLong(Mem.getLong(attrs + Layout.Attrs.VALUES) + Layout.Array.ITEMS
          + 8 * (cache[2] >>> 32));
      boolean isFloat = v == 0 || (v & 1) == 0 && Mem.getLong(v) == vm.floatType;
      return seen | (isFloat ? Uop.FLOAT_SEEN : 0);
    }

    @Override
    public boolean observeGenerator(long frame, int stackDepth) {
      if (stackDepth < 1) {
        return false;
      }
      long it = Mem.getLong(stackSlot(frame, uops.codeOf(frame), stackDepth - 1));
      return (it & 1) == 0 && it != 0 && Mem.getLong(it) == vm.generatorType;
    }

    @Override
    public Optional<Specialization> observeCall(CodeView view, int index, long frame,
        int stackDepth) {
      CodeInfo ci = (CodeInfo) view;
      int oparg = ci.oparg(index);
      if (stackDepth < oparg + 2 || Mem.getLong(frame + Frame.CODE) != ci.code
          || bridgesAt.getOrDefault(siteOf(ci, index), 0) >= POLYMORPHIC_BRIDGES) {
        return Optional.empty();
      }
      long nullSlot = stackSlot(frame, ci, stackDepth - oparg - 2);
      long first = Mem.getLong(nullSlot);
      long callable = first != 0 ? first : Mem.getLong(nullSlot + 8);
      return Optional.ofNullable(
          uops.specializeCall(first, callable, first != 0 ? oparg + 1 : oparg));
    }

    @Override
    public void dependOnEntry(long dict, int index) {
      entries.add(new long[] {dict, index});
    }

    @Override
    public void dependOnKeys(long dict) {
      keys.add(dict);
    }

    @Override
    public void dependOnType(long type) {
      types.add(type);
    }

    void applyTo(Executor ex) {
      for (long[] e : entries) {
        depend(ex, e[0], true);
        Map<Integer, List<Executor>> byEntry = entryDependents.get(e[0]);
        if (byEntry == null) {
          byEntry = new HashMap<>();
          entryDependents.put(e[0], byEntry);
          Watchers.listenToEntries(e[0], JitDriver.this::entryChanged);
        }
        byEntry.computeIfAbsent((int) e[1], k -> new ArrayList<>()).add(ex);
      }
      for (long d : keys) {
        depend(ex, d, true);
      }
      for (long t : types) {
        depend(ex, t, false);
      }
    }
  }

  private void changed(long object) {
    List<Executor> list = dependents.remove(object);
    entryDependents.remove(object);
    Watchers.forget(object);
    if (list != null) {
      for (Executor ex : list) {
        invalidate(ex);
      }
    }
  }

  /** Unhooks a region and the bridges hanging off it; its code is freed once none runs. */
  void invalidate(Executor ex) {
    if (!ex.valid) {
      return;
    }
    ex.valid = false;
    ex.compiled.invalidate();
    for (Executor.Link l : ex.linkedFrom) {
      l.from().compiled.unlink(l.exit());
    }
    ex.linkedFrom.clear();
    stats.invalidations++;
    switch (ex.kind) {
      case LOOP -> {
        long unit = Mem.getLong(ex.code.bytecode + 8L * ex.jumpIndex);
        if ((unit & 0xFF) == Opcode.ENTER_EXECUTOR.code()
            && ex.code.executors.get((int) (unit >> 32)) == ex) {
          Mem.putLong(ex.code.bytecode + 8L * ex.jumpIndex,
              Opcode.encode(Opcode.JUMP_BACKWARD, ex.jumpOparg));
        }
      }
      case FUNCTION -> {
        if (ex.code.entryExecutor == ex) {
          ex.code.entryExecutor = null;
        }
      }
      case BRIDGE -> {
        if (ex.parent == null) {
          if (ex.code.returnSites != null && ex.code.returnSites[ex.startIndex] == ex) {
            ex.code.returnSites[ex.startIndex] = null;
            setReturnEntry(ex, 0);
          }
        } else if (ex.parent.bridges[ex.parentExit] == ex) {
          ex.parent.bridges[ex.parentExit] = null;
          ex.parent.compiled.unlink(ex.parentExit);
        }
      }
    }
    // The site may well be worth compiling again, but not forever: a program that keeps
    // changing what its code depends on would otherwise keep recompiling it.
    backOff(ex.kind, ex.code, ex.jumpIndex, ex.parent, ex.parentExit);
    for (Executor b : ex.bridges) {
      if (b != null) {
        invalidate(b);
      }
    }
    codeCacheUsed -= ex.compiled.codeBytes();
    codeCacheFull = false;
    stats.codeBytes = codeCacheUsed;
    toFree.add(ex.compiled);
    if (running == 0) {
      freePending();
    }
  }

  private void freePending() {
    for (CompiledRegion c : toFree) {
      byCompiled.remove(c);
      c.free();
    }
    toFree.clear();
  }

  // ================================================================ execution
  /** The executor an ENTER_EXECUTOR instruction names. */
  public static Executor executorAt(CodeInfo code, int slot) {
    return (Executor) code.executors.get(slot);
  }

  /** The original target of the backward jump an executor replaced. */
  public static int jumpTarget(Executor ex) {
    return ex.jumpOparg;
  }

  /**
   * Runs compiled code from the thread state's current frame, following linked bridges,
   * until an exit hands control back. The interpreter resumes at the innermost frame's IP
   * and SP. Returns a recorder when a hot exit starts a bridge, else null.
   */
  public Recorder run(Executor ex, long ts) {
    running++;
    int links = 0;
    try {
      while (true) {
        stats.entries++;
        int k = ex.compiled.enter(ts);
        if (k == CompiledRegion.RESUME_AT_FRAME) {
          long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
          CodeInfo code = uops.codeOf(frame);
          int ip = (int) (Mem.getLong(frame + Frame.IP) >> 1);
          if (leavesFrame(code.opcode(ip)) && !returnedOntoAReturn(ex, code.opcode(ip), frame)
              || ++links > MAX_LINKS) {
            // The region stopped at a return, raise or yield for the interpreter to perform
            // (or the driver has linked long enough).
            return null;
          }
          // The region returned natively into its caller (which may be a frame the region
          // itself pushed), and the interpreter would run the caller from there: a region
          // that starts there runs it instead, and a hot return site gets one, as an exit
          // gets a bridge.
          Executor next = returnSiteRegion(code, ip);
          if (next != null) {
            stats.linked++;
            ex = next;
            continue;
          }
          return returnSiteHot(code, ip, frame);
        }
        CompiledRegion where = ex.compiled.lastExitRegion();
        if (where != ex.compiled) {
          // The exit was taken in a bridge the code went on into natively.
          ex = byCompiled.get(where);
        }
        Exit e = ex.region.exits().get(k);
        stats.exit(e.reason(), ex, k);
        Executor bridge = ex.bridges[k];
        if (bridge != null && bridge.valid) {
          ex = bridge;
          continue;
        }
        boolean hot = bridgeable(e.reason()) && ++ex.exitCounts[k] >= jit.config().hotExit()
            && active == null && !codeCacheFull;
        if (hot && e.reason() == ExitReason.BRANCH) {
          // A bridge even where the driver could go on into a loop region (a loop left through
          // its exhausted iterator at an outer loop's edge): its code links natively, through
          // the safepoint check the edge needs, where the driver's way costs a trip through
          // Java every time.
          return startBridge(ex, k, e, ts);
        }
        if ((e.reason() == ExitReason.END_OF_REGION || e.reason() == ExitReason.BRANCH)
            && ++links <= MAX_LINKS) {
          // A region that ends where another loop's region starts continues in it directly,
          // as does a loop left through its exhausted iterator at an outer loop's edge. Not
          // into itself: a region that ends at its own start has run nothing, and the
          // interpreter must make progress. The cap covers longer cycles of such regions.
          Executor next = loopAt(ex, e, ts);
          if (next != null && next != ex) {
            stats.linked++;
            // Natively only where the exit follows a _CHECK_PERIODIC (never a branch exit):
            // loopAt, the Java-level way, keeps the loop edge's safepoint itself.
            if (endsAtLoopEdge(ex.region, k) && ex.compiled.link(k, next.compiled)) {
              next.linkedFrom.add(new Executor.Link(ex, k));
            }
            ex = next;
            continue;
          }
        }
        return hot ? startBridge(ex, k, e, ts) : null;
      }
    } finally {
      if (--running == 0 && !toFree.isEmpty()) {
        freePending();
      }
    }
  }

  /**
   * The region at the point a generator was just resumed at (the instruction after its
   * YIELD_VALUE, the sent value pushed), if it has one; the interpreter runs it. A resumed
   * generator is entered from Java, so without this its code runs interpreted from the yield
   * up to the next loop head on every resume: nqueens' permutation generator spent some 40
   * interpreted instructions per item there. Such a site is a return site like any other
   * (a bridge without a parent): the generator's caller returned into it, in effect.
   */
  public Executor resumeRegion(CodeInfo code, long frame) {
    return returnSiteRegion(code, (int) (Mem.getLong(frame + Frame.IP) >> 1));
  }

  /** For a generator resumed where it has no region: counts the site, and records a hot one. */
  public Recorder resumeSiteHot(CodeInfo code, long frame) {
    return returnSiteHot(code, (int) (Mem.getLong(frame + Frame.IP) >> 1), frame);
  }

  private static Executor returnSiteRegion(CodeInfo code, int ip) {
    Executor region = code.returnSites == null ? null : (Executor) code.returnSites[ip];
    return region != null && region.valid ? region : null;
  }

  /** Counts a return to a site without a region; a hot one starts recording its region. */
  private Recorder returnSiteHot(CodeInfo code, int ip, long frame) {
    long[] counts = returnCounts(code);
    if (++counts[ip] >= jit.config().hotExit() && active == null && !codeCacheFull) {
      counts[ip] = 0;
      activeJumpIndex = ip;
      return begin(new RegionStart(RegionStart.Kind.BRIDGE, code, ip, frame,
          (int) (Mem.getLong(frame + Frame.SP) >> 1), -1, new Environment(frame)), null, -1);
    }
    return null;
  }

  /**
   * The valid loop region exit e leads into, if any: one that starts where e resumes, or one
   * whose ENTER_EXECUTOR e resumes at (the frame then continues at that loop's head, where
   * the jump would go; not while a collection is pending, since the jump is a safepoint).
   */
  private Executor loopAt(Executor from, Exit e, long ts) {
    // Usually the exit is in the region's own code: no map lookup (and no boxing) then.
    CodeInfo code = e.codeId() == from.code.code ? from.code : codesById.get(e.codeId());
    if (code == null) {
      return null;
    }
    for (Object o : code.executors) {
      Executor x = (Executor) o;
      if (!x.valid) {
        continue;
      }
      if (x.startIndex == e.bytecodeIndex()) {
        return x;
      }
      if (x.jumpIndex == e.bytecodeIndex()
          && Mem.getLong(ts + Layout.ThreadState.GC_WANTED) == 0) {
        long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
        Mem.putLong(frame + Frame.IP, Tag.fromInt(x.startIndex));
        return x;
      }
    }
    return null;
  }

  /**
   * Exits that grow bridges when hot. An end of region that links nowhere counts too, as
   * CPython's side exits do: a trace cut short (by an instruction that was respecialized while
   * it was recorded, say) would otherwise hand every iteration back to the interpreter at the
   * same place forever.
   */
  /**
   * Whether exit k ends the region at a loop edge, right after its {@code _CHECK_PERIODIC}: only
   * such an exit is linked natively into a loop region, so that every cycle of linked code
   * passes a safepoint (the driver's own links are capped by MAX_LINKS instead).
   */
  private static boolean endsAtLoopEdge(Region region, int k) {
    List<UopInstr> uops = region.allUops();
    for (int i = 1; i < uops.size(); i++) {
      UopInstr in = uops.get(i);
      if (in.uop() == Uop.EXIT_TRACE && in.target() == k) {
        return uops.get(i - 1).uop() == Uop.CHECK_PERIODIC;
      }
    }
    return false;
  }

  private static boolean bridgeable(ExitReason r) {
    return r == ExitReason.GUARD_FAILED || r == ExitReason.BRANCH
        || r == ExitReason.SLOW_PATH || r == ExitReason.END_OF_REGION;
  }

  private Recorder startBridge(Executor ex, int k, Exit e, long ts) {
    String site = "bridge:" + ex.id + ":" + k;
    if (failures.getOrDefault(site, 0) >= MAX_FAILURES_PER_SITE) {
      return null;
    }
    long frame = Mem.getLong(ts + Layout.ThreadState.CURRENT_FRAME);
    CodeInfo code = uops.codeOf(frame);
    if (code.code != e.codeId()) {
      return null;
    }
    RegionStart start = new RegionStart(RegionStart.Kind.BRIDGE, code, e.bytecodeIndex(),
        frame, e.stackDepth(), -1, new Environment(frame));
    // Until this bridge is done (or fails), the exit counts again from a lower start.
    ex.exitCounts[k] = -(long) jit.config().hotExit()
        * pow(BACKOFF_FACTOR, failures.getOrDefault(site, 0));
    return begin(start, ex, k);
  }

  /** Releases everything the driver registered (the VM is closing). */
  public void close() {
    if (perfMap != null) {
      try {
        perfMap.close();
      } catch (IOException e) {
        dumpOut.println("stitch: cannot close the perf map: " + e.getMessage());
      }
      perfMap = null;
    }
    for (Long o : dependents.keySet()) {
      Watchers.forget(o);
    }
    dependents.clear();
    entryDependents.clear();
    byCompiled.clear();
    for (Executor ex : all) {
      ex.compiled.free();
    }
    all.clear();
    vm.jitRoots = null;
  }

  // ================================================================ dumps
  /** Names the new region's machine code in the perf map and dumps it, as configured. */
  private void announce(Executor ex, RegionStart start) {
    boolean asm = jit.config().dumps(Dump.ASM);
    if (perfMap == null && !asm) {
      return;
    }
    Optional<MachineCode> mc = ex.compiled.machineCode();
    if (mc.isEmpty()) {
      if (asm) {
        write(ex.id, "asm", "# region " + ex.id + ": backend " + jit.backend().name()
            + " produces no machine code\n\n");
      }
      return;
    }
    String kind = ex.kind.name().toLowerCase(java.util.Locale.ROOT);
    String where = start.code().qualifiedName() + ":" + start.code().line(start.index());
    if (perfMap != null) {
      try {
        perfMap.add(mc.get().address(), mc.get().size(),
            "stitch:region-" + ex.id + ":" + kind + ":" + where);
      } catch (java.io.UncheckedIOException e) {
        dumpOut.println("stitch: cannot write the perf map: " + e.getMessage());
        try {
          perfMap.close();
        } catch (IOException ignored) {
          // It already failed; the message above says so.
        }
        perfMap = null;
      }
    }
    if (asm) {
      if (disassembler == null) {
        disassembler = Disassembler.find(Platform.current().isa());
      }
      write(ex.id, "asm", AsmListing.format("region " + ex.id + " " + kind + " in " + where
          + " (" + start.code().filename() + ")", mc.get(), disassembler));
    }
  }

  private void dumpBytecode(int id, RegionStart start, Region region) {
    if (!jit.config().dumps(Dump.BYTECODE)) {
      return;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# region ").append(id).append(' ').append(start.kind().name().toLowerCase())
        .append(" in ").append(start.code().qualifiedName()).append(" (")
        .append(start.code().filename()).append(") at ").append(start.index()).append('\n');
    // An inlined callee's instructions index its own code: follow the frames the trace
    // pushes and pops.
    java.util.Deque<CodeInfo> codes = new java.util.ArrayDeque<>();
    codes.push((CodeInfo) start.code());
    CodeInfo callee = null;
    for (UopInstr in : region.allUops()) {
      if (in.uop().initsFrame()) {
        callee = CodeInfo.of(vm, Mem.getLong(in.operand() + Layout.Function.CODE));
      } else if (in.uop() == Uop.PUSH_FRAME && callee != null) {
        codes.push(callee);
      } else if (in.uop() == Uop.POP_FRAME && codes.size() > 1) {
        codes.pop();
      } else if (in.uop() == Uop.SET_IP) {
        CodeInfo code = codes.peek();
        int i = in.oparg();
        Opcode op = code.opcode(i);
        sb.append(String.format("  %5d  line %-4d %-26s %d%n", i, code.line(i), op.name(),
            code.oparg(i)));
      }
    }
    write(id, "bytecode", sb.toString());
  }

  private void dumpUops(int id, String stage, Region region) {
    if (!jit.config().dumps(Dump.UOPS)) {
      return;
    }
    write(id, "uops", "# region " + id + " uops (" + stage + ")\n" + RegionText.format(region)
        + "\n");
  }

  private void write(int id, String what, String text) {
    if (dumpDir == null) {
      dumpOut.print(text);
      dumpOut.flush();
      return;
    }
    try {
      Files.createDirectories(dumpDir);
      Files.writeString(dumpDir.resolve("region-" + id + "." + what + ".txt"), text,
          StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    } catch (IOException e) {
      stats.compileFailed("dump-io");
    }
  }
}
