package org.stitchjit.platforms;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Names compiled code for Linux {@code perf}: one line {@code START SIZE name} per region in
 * {@code /tmp/perf-<pid>.map}, START and SIZE in hexadecimal, which {@code perf report} reads
 * to symbolize samples that fall outside any ELF object.
 *
 * <p>Opened only when a configuration asks for it. Each line is flushed as it is written, so the
 * file is complete even when the JVM is killed in the middle of a profiled run. The first open
 * of a path in this process truncates it, because a file left by an earlier process with the
 * same pid would name the wrong code; later opens in the same process (two VMs in one JVM)
 * append, so they do not erase each other's entries.
 */
public final class PerfMap implements Closeable {

  private static final Set<Path> OPENED_IN_THIS_PROCESS = new HashSet<>();

  private final Path path;
  private final BufferedWriter out;
  private boolean closed;

  /** The perf map of this process, {@code /tmp/perf-<pid>.map}. */
  public static PerfMap openForCurrentProcess() throws IOException {
    return new PerfMap(Paths.get("/tmp", "perf-" + ProcessHandle.current().pid() + ".map"));
  }

  PerfMap(Path path) throws IOException {
    this.path = path.toAbsolutePath().normalize();
    boolean first;
    synchronized (OPENED_IN_THIS_PROCESS) {
      first = OPENED_IN_THIS_PROCESS.add(this.path);
    }
    this.out =
        Files.newBufferedWriter(
            this.path,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            first ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
  }

  public Path path() {
    return path;
  }

  /**
   * Records that {@code [start, start + size)} holds code called {@code name}. Line breaks in
   * the name become spaces: perf reads one entry per line and takes the rest of the line, spaces
   * included, as the name.
   */
  public synchronized void add(long start, long size, String name) {
    Objects.requireNonNull(name, "name");
    if (closed) {
      throw new IllegalStateException("perf map " + path + " is closed");
    }
    if (size <= 0) {
      throw new IllegalArgumentException("size must be positive: " + size);
    }
    String clean = name.replace('\n', ' ').replace('\r', ' ');
    if (clean.isBlank()) {
      throw new IllegalArgumentException("a perf map entry needs a name");
    }
    try {
      out.write(Long.toHexString(start));
      out.write(' ');
      out.write(Long.toHexString(size));
      out.write(' ');
      out.write(clean);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write perf map " + path, e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (!closed) {
      closed = true;
      out.close();
    }
  }
}
