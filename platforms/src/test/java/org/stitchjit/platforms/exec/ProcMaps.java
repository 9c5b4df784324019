package org.stitchjit.platforms.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The process's mappings as /proc/self/maps lists them. */
final class ProcMaps {
  static final class Mapping {
    final long start;
    final long end;
    final String perms;
    final String line;

    Mapping(long start, long end, String perms, String line) {
      this.start = start;
      this.end = end;
      this.perms = perms;
      this.line = line;
    }

    boolean writable() {
      return perms.charAt(1) == 'w';
    }

    boolean executable() {
      return perms.charAt(2) == 'x';
    }

    boolean intersects(long from, long to) {
      return start < to && from < end;
    }

    @Override
    public String toString() {
      return line;
    }
  }

  private ProcMaps() {}

  static List<Mapping> read() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Paths.get("/proc/self/maps"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Mapping> out = new ArrayList<>();
    for (String line : lines) {
      String[] fields = line.trim().split("\\s+");
      String[] range = fields[0].split("-");
      out.add(
          new Mapping(
              Long.parseUnsignedLong(range[0], 16),
              Long.parseUnsignedLong(range[1], 16),
              fields[1],
              line));
    }
    return out;
  }

  /** The mappings that overlap {@code [from, to)}. */
  static List<Mapping> within(long from, long to) {
    List<Mapping> out = new ArrayList<>();
    for (Mapping m : read()) {
      if (m.intersects(from, to)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Mappings in {@code [from, to)} that are writable and executable at once. */
  static List<Mapping> writableAndExecutable(long from, long to) {
    List<Mapping> out = new ArrayList<>();
    for (Mapping m : within(from, to)) {
      if (m.writable() && m.executable()) {
        out.add(m);
      }
    }
    return out;
  }
}
