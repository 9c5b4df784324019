package org.stitchjit;

import com.google.common.collect.ImmutableList;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.stitchjit.api.config.JitConfig;
import org.stitchjit.api.jit.Jit;
import org.stitchjit.compose.JitComponent;
import org.stitchjit.compose.JitFactory;
import org.stitchjit.runtime.GuestVm;
import org.stitchjit.runtime.RunStats;
import org.stitchjit.runtime.vm.VM;

/**
 * A Stitch virtual machine: runs one guest program under one JIT configuration and reports what
 * the run did. This is the entry point for using Stitch as a library; the {@code stitch}
 * command is a thin layer over it.
 *
 * <pre>{@code
 * try (Stitch vm = Stitch.create(JitConfig.parse("tracing+interp hot-loop=2"))) {
 *   int status = vm.runFile(Path.of("richards.py"), List.of("10"));
 *   System.err.print(vm.stats().table());
 * }
 *
 * Stitch vm = Stitch.builder()
 *     .jit(JitConfig.off())
 *     .heapLimit(512L << 20)
 *     .out(capturedOut)
 *     .dumpDirectory(Path.of("dumps"))
 *     .build();
 * }</pre>
 *
 * <p>A VM runs one program ({@link #runFile} or {@link #runSource}, once) and holds native
 * memory until {@link #close()}: create one per run. The JIT's frontend, backend and passes are
 * looked up by the names in the configuration among the built-ins and the plugins on the
 * context class loader ({@link JitComponent}). Not thread-safe: use a VM from one thread.
 */
public final class Stitch implements AutoCloseable {
  /**
   * Guest code runs on a thread with this much stack: the interpreter recurses in Java for
   * guest calls, and built-ins may call back into guest code, so deep guest recursion needs
   * far more than a default thread's stack before it reaches the guest's own recursion limit.
   */
  private static final long GUEST_THREAD_STACK = 2L << 30;

  private final JitConfig jitConfig;
  private final Path workingDirectory;
  private final GuestVm vm;
  private boolean ran;
  private boolean closed;

  private Stitch(Builder b, Jit jit, Path dumpDirectory) {
    this.jitConfig = b.jit;
    this.workingDirectory = b.workingDirectory;
    this.vm = new GuestVm(b.heapLimit, b.out, b.err, jit, dumpDirectory);
  }

  /**
   * A VM with the given JIT configuration, printing to {@link System#out} and {@link
   * System#err} with the default heap limit.
   *
   * @throws IllegalArgumentException when the configuration names a frontend, backend or pass
   *     that is not registered
   */
  public static Stitch create(JitConfig jit) {
    return builder().jit(jit).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs a file as {@code __main__} with {@code sys.argv = [file, args...]}. A relative file
   * resolves against the {@linkplain Builder#workingDirectory working directory}; {@code
   * sys.argv[0]} and tracebacks show it as given, as CPython does. An uncaught guest exception
   * prints its traceback to the error stream.
   *
   * @return the exit status CPython would give: 0, 1 after an uncaught exception or a syntax
   *     error, 2 when the file cannot be read, or what {@code sys.exit} asked for
   */
  public int runFile(Path file, List<String> args) {
    String shown = file.toString();
    Path path = workingDirectory.resolve(file);
    List<String> argv = ImmutableList.<String>builder().add(shown).addAll(args).build();
    return onGuestThread(() -> vm.runFile(path, argv, shown));
  }

  /**
   * Runs source text as {@code __main__}; filename is what tracebacks show. Imports resolve
   * against the {@linkplain Builder#workingDirectory working directory}.
   *
   * @return the exit status, as for {@link #runFile}
   */
  public int runSource(String source, String filename) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(filename, "filename");
    return onGuestThread(() -> {
      vm.protocols().importer().setSearchRoot(workingDirectory);
      return vm.runSource(source, filename);
    });
  }

  /** What the run did (or has done so far): instructions, allocation, GC, timing. */
  public RunStats stats() {
    checkOpen();
    return vm.stats();
  }

  /** The JIT configuration this VM runs under. */
  public JitConfig jitConfig() {
    return jitConfig;
  }

  /** Releases the VM's native memory. Idempotent. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      vm.close();
    }
  }

  private int onGuestThread(Supplier<Integer> run) {
    checkOpen();
    if (ran) {
      // A second program would see the first one's modules and globals, and the statistics
      // would mix both runs.
      throw new IllegalStateException("this Stitch VM has already run a program; create a new "
          + "one for each run");
    }
    ran = true;
    AtomicReference<Integer> status = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread guest = new Thread(null, () -> {
      try {
        status.set(run.get());
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "stitch-guest", GUEST_THREAD_STACK);
    guest.start();
    // The guest cannot be stopped midway, so an interrupt must not leave it running unseen
    // while the caller goes on to use or close the VM; the interrupt is kept for the caller.
    Uninterruptibles.joinUninterruptibly(guest);
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException("guest thread failed", t);
    }
    return status.get();
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this Stitch VM is closed");
    }
  }

  /** Settings for a {@link Stitch} VM; every one has a default. */
  public static final class Builder {
    private JitConfig jit = JitConfig.off();
    private long heapLimit = VM.DEFAULT_HEAP_LIMIT;
    private PrintStream out = System.out;
    private PrintStream err = System.err;
    private Path dumpDirectory;
    private Path workingDirectory = Path.of("");

    private Builder() {}

    /** The JIT configuration (default {@link JitConfig#off()}). */
    public Builder jit(JitConfig config) {
      this.jit = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The guest heap limit in bytes (default 4g); past it the program gets MemoryError. */
    public Builder heapLimit(long bytes) {
      if (bytes <= 0) {
        throw new IllegalArgumentException("heap limit must be positive, got " + bytes);
      }
      this.heapLimit = bytes;
      return this;
    }

    /** Where the guest's standard output goes (default {@link System#out}). */
    public Builder out(PrintStream out) {
      this.out = Objects.requireNonNull(out, "out");
      return this;
    }

    /**
     * Where the guest's standard error, tracebacks included, goes (default {@link System#err});
     * also where JIT dumps go when there is no dump directory.
     */
    public Builder err(PrintStream err) {
      this.err = Objects.requireNonNull(err, "err");
      return this;
    }

    /**
     * Writes the dumps the JIT configuration asks for ({@code dump=bytecode,uops,...}) to files
     * in this directory, created if missing, instead of to the error stream. A relative
     * directory resolves against the working directory.
     */
    public Builder dumpDirectory(Path dir) {
      this.dumpDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * What relative paths resolve against: the file given to {@link Stitch#runFile}, the
     * dump directory, and imports of {@link Stitch#runSource} (default: the process's working
     * directory).
     */
    public Builder workingDirectory(Path dir) {
      this.workingDirectory = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /**
     * The VM.
     *
     * @throws IllegalArgumentException when the JIT configuration names a frontend, backend or
     *     pass that is not registered (the message lists the registered ones)
     * @throws IllegalStateException when a plugin cannot be loaded or two implementations claim
     *     one name
     * @throws UncheckedIOException when the dump directory cannot be created
     */
    public Stitch build() {
      Jit composed = null;
      if (jit.enabled()) {
        JitFactory factory = JitComponent.create().jitFactory();
        composed = factory.create(jit);
        Optional<String> unsupported = composed.backend().unsupportedReason();
        if (unsupported.isPresent()) {
          err.println("stitch: backend '" + jit.backend() + "': " + unsupported.get()
              + "; running with the JIT off");
          composed = null;
        }
      }
      Path dumps = null;
      if (dumpDirectory != null) {
        dumps = workingDirectory.resolve(dumpDirectory);
        try {
          Files.createDirectories(dumps);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot create dump directory " + dumps, e);
        }
      }
      return new Stitch(this, composed, dumps);
    }
  }
}
