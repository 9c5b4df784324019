package org.stitchjit.backend.copypatch.stencil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.stitchjit.backend.copypatch.stencil.X86_64Decoder.Instruction;
import org.stitchjit.platforms.Platform;

/**
 * The stencils of one platform, as the build writes them and the backend loads them.
 *
 * <h2>File format, version 1</h2>
 *
 * A UTF-8 text file, so that a regenerated library reviews as a diff. Lines starting with
 * {@code #} are comments; blank lines are ignored; fields are separated by single spaces. In
 * order:
 *
 * <pre>
 * stitch-stencils 1                          format name and version
 * platform x86_64-linux                      ISA-OS the code is for
 * compiler Debian clang version 19.1.7 ...   clang --version, first line (provenance)
 * flags -O2 -c ...                           the clang flags (provenance)
 * stencil _LOAD_FAST 29                      per stencil, sorted by name: name, code size
 * code 0000 48 b8 00 00 00 00 00 00 00 00    the code, one instruction per line: hex offset
 * code 000a 49 8b 44 c4 50                   (4 digits), then the bytes in hex; offsets
 * ...                                        are consecutive and cover the code size
 * hole 2 _JIT_OPARG ABS64 0                  per hole, by offset: offset (decimal), symbol,
 * hole 24 _JIT_CONTINUE REL32 -4             ABS64 or REL32, addend (decimal)
 * tail-continue 23                           optional: the final jmp to _JIT_CONTINUE
 * end
 * </pre>
 *
 * Holes' bytes are zero in the code. A reader rejects a version it does not know; a change
 * to the format's meaning bumps the version.
 */
public final class StencilLibrary {

  public static final String MAGIC = "stitch-stencils";
  public static final int FORMAT_VERSION = 1;

  /** Where libraries are on the class path: {@code <dir>/<platform>.stencils}. */
  public static final String RESOURCE_DIR = "/org/stitchjit/backend/copypatch/stencils/";

  public static final String EXTENSION = ".stencils";

  private final String platform;
  private final String compiler;
  private final String flags;
  private final SortedMap<String, Stencil> stencils;

  public StencilLibrary(
      String platform, String compiler, String flags, Collection<Stencil> stencils) {
    this.platform = requireField(platform, "platform");
    this.compiler = requireField(compiler, "compiler");
    this.flags = requireField(flags, "flags");
    this.stencils = new TreeMap<>();
    for (Stencil stencil : stencils) {
      if (stencil.name().isEmpty() || stencil.name().contains(" ")) {
        throw new IllegalArgumentException("bad stencil name '" + stencil.name() + "'");
      }
      if (this.stencils.put(stencil.name(), stencil) != null) {
        throw new IllegalArgumentException("two stencils named " + stencil.name());
      }
    }
  }

  private static String requireField(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isEmpty() || value.contains("\n")) {
      throw new IllegalArgumentException(what + " must be one non-empty line: '" + value + "'");
    }
    return value;
  }

  /** The platform name of the library for {@code platform}, such as {@code x86_64-linux}. */
  public static String platformName(Platform platform) {
    return platform.isa().name().toLowerCase(Locale.ROOT) + "-"
        + platform.os().name().toLowerCase(Locale.ROOT);
  }

  /**
   * Loads the committed library for a platform from the class path.
   *
   * @throws UnsupportedOperationException when no library was built for the platform
   * @throws StencilFormatException when the resource is malformed
   */
  public static StencilLibrary load(Platform platform) {
    String name = platformName(platform);
    String resource = RESOURCE_DIR + name + EXTENSION;
    try (InputStream in = StencilLibrary.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnsupportedOperationException(
            "no stencil library for " + name + " (" + platform.osName() + "/"
                + platform.osArch() + "): " + resource + " is not on the class path; stencils"
                + " are built for x86_64-linux only");
      }
      StencilLibrary library = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (!library.platform.equals(name)) {
        throw new StencilFormatException(
            resource + " says it is for platform " + library.platform);
      }
      return library;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  public String platform() {
    return platform;
  }

  /** The compiler the stencils were built with ({@code clang --version}, first line). */
  public String compiler() {
    return compiler;
  }

  /** The compiler flags, space-separated. */
  public String flags() {
    return flags;
  }

  /** All stencils, by name. */
  public SortedMap<String, Stencil> stencils() {
    return java.util.Collections.unmodifiableSortedMap(stencils);
  }

  public Optional<Stencil> find(String name) {
    return Optional.ofNullable(stencils.get(name));
  }

  /**
   * The stencil with this name.
   *
   * @throws NoSuchElementException if the library has none; uops without a template cannot be
   *     compiled by this backend
   */
  public Stencil get(String name) {
    Stencil stencil = stencils.get(name);
    if (stencil == null) {
      throw new NoSuchElementException("no stencil " + name + " in the " + platform + " library");
    }
    return stencil;
  }

  /** The entry trampoline. */
  public Stencil entryTrampoline() {
    return get(StencilParser.ENTRY_TRAMPOLINE);
  }

  /** The escape stub. */
  public Stencil escapeStub() {
    return get(StencilParser.ESCAPE_STUB);
  }

  /** The exit stub. */
  public Stencil exitStub() {
    return get(StencilParser.EXIT_STUB);
  }

  /** The library in the file format (see the class comment). */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("# Stitch copy-and-patch stencil library. Generated by\n");
    out.append("# org.stitchjit.backend.copypatch.stencil.StencilBuild from\n");
    out.append("# backend-copypatch/src/main/c; do not edit. See src/main/c/templates/README.md.\n");
    out.append(MAGIC).append(' ').append(FORMAT_VERSION).append('\n');
    out.append("platform ").append(platform).append('\n');
    out.append("compiler ").append(compiler).append('\n');
    out.append("flags ").append(flags).append('\n');
    for (Stencil stencil : stencils.values()) {
      byte[] code = stencil.code();
      out.append('\n');
      out.append("stencil ").append(stencil.name()).append(' ').append(code.length).append('\n');
      for (int[] line : lines(stencil.name(), code)) {
        out.append(String.format("code %04x", line[0]));
        for (int i = line[0]; i < line[0] + line[1]; i++) {
          out.append(String.format(" %02x", code[i] & 0xFF));
        }
        out.append('\n');
      }
      for (Hole hole : stencil.holes()) {
        out.append("hole ").append(hole.offset()).append(' ').append(hole.symbol()).append(' ')
            .append(hole.encoding()).append(' ').append(hole.addend()).append('\n');
      }
      if (stencil.endsWithContinue()) {
        out.append("tail-continue ").append(stencil.tailContinueOffset()).append('\n');
      }
      out.append("end\n");
    }
    return out.toString();
  }

  /** Instruction boundaries {offset, length}; one line of 16 bytes each if it does not decode. */
  private static List<int[]> lines(String name, byte[] code) {
    List<int[]> lines = new ArrayList<>();
    try {
      for (Instruction insn : X86_64Decoder.decode(code)) {
        lines.add(new int[] {insn.offset(), insn.length()});
      }
    } catch (IllegalArgumentException e) {
      lines.clear();
      for (int at = 0; at < code.length; at += 16) {
        lines.add(new int[] {at, Math.min(16, code.length - at)});
      }
    }
    return lines;
  }

  /**
   * Reads a library in the file format.
   *
   * @throws StencilFormatException naming the line that is wrong
   */
  public static StencilLibrary parse(String text) {
    return new Reader(text).read();
  }

  private static final class Reader {
    private final String[] lines;
    private int next;

    Reader(String text) {
      this.lines = text.split("\n", -1);
    }

    StencilLibrary read() {
      String[] magic = expect(MAGIC, 2);
      int version;
      try {
        version = Integer.parseInt(magic[1]);
      } catch (NumberFormatException e) {
        throw error("bad version '" + magic[1] + "'");
      }
      if (version != FORMAT_VERSION) {
        throw error(
            "format version " + version + "; this reader knows version " + FORMAT_VERSION
                + " (regenerate the library, or update the reader)");
      }
      String platform = rest(expect("platform", -1));
      String compiler = rest(expect("compiler", -1));
      String flags = rest(expect("flags", -1));
      List<Stencil> stencils = new ArrayList<>();
      while (peek() != null) {
        stencils.add(stencil());
      }
      try {
        return new StencilLibrary(platform, compiler, flags, stencils);
      } catch (IllegalArgumentException e) {
        throw new StencilFormatException(e.getMessage(), e);
      }
    }

    private Stencil stencil() {
      String[] header = expect("stencil", 3);
      String name = header[1];
      int size = integer(header[2], "code size");
      byte[] code = new byte[size];
      int filled = 0;
      List<Hole> holes = new ArrayList<>();
      int tail = -1;
      while (true) {
        String[] f = fields(take("'end' of stencil " + name));
        switch (f[0]) {
          case "code" -> {
            if (f.length < 3) {
              throw error("a code line needs an offset and bytes");
            }
            int offset = hex(f[1], "code offset");
            if (offset != filled) {
              throw error("code at offset " + offset + ", expected " + filled);
            }
            if (filled + f.length - 2 > size) {
              throw error("more code than the stencil's size " + size);
            }
            for (int i = 2; i < f.length; i++) {
              if (f[i].length() != 2) {
                throw error("bad byte '" + f[i] + "'");
              }
              code[filled++] = (byte) hex(f[i], "byte");
            }
          }
          case "hole" -> {
            if (f.length != 5) {
              throw error("a hole line is: hole OFFSET SYMBOL ABS64|REL32 ADDEND");
            }
            HoleEncoding encoding;
            try {
              encoding = HoleEncoding.valueOf(f[3]);
            } catch (IllegalArgumentException e) {
              throw error("bad hole encoding '" + f[3] + "'");
            }
            long addend;
            try {
              addend = Long.parseLong(f[4]);
            } catch (NumberFormatException e) {
              throw error("bad addend '" + f[4] + "'");
            }
            try {
              holes.add(new Hole(integer(f[1], "hole offset"), f[2], encoding, addend));
            } catch (IllegalArgumentException e) {
              throw error(e.getMessage());
            }
          }
          case "tail-continue" -> {
            if (f.length != 2) {
              throw error("a tail-continue line is: tail-continue OFFSET");
            }
            tail = integer(f[1], "tail-continue offset");
          }
          case "end" -> {
            if (filled != size) {
              throw error("stencil " + name + " has " + filled + " code bytes, expected " + size);
            }
            try {
              return new Stencil(name, code, holes, tail);
            } catch (IllegalArgumentException e) {
              throw error(e.getMessage());
            }
          }
          default -> throw error("unexpected '" + f[0] + "' in stencil " + name);
        }
      }
    }

    /** The next non-comment, non-blank line, or null at the end. */
    private String peek() {
      while (next < lines.length) {
        String line = lines[next];
        if (line.isBlank() || line.startsWith("#")) {
          next++;
        } else {
          return line;
        }
      }
      return null;
    }

    private String take(String what) {
      String line = peek();
      if (line == null) {
        throw new StencilFormatException("stencil library ends before " + what);
      }
      next++;
      return line;
    }

    /** The next line, which must start with {@code keyword} and have {@code count} fields. */
    private String[] expect(String keyword, int count) {
      String[] f = fields(take("'" + keyword + "'"));
      if (!f[0].equals(keyword) || (count >= 0 && f.length != count) || f.length < 2) {
        throw error("expected '" + keyword + "'" + (count >= 0 ? " with " + (count - 1)
            + " field(s)" : " and a value"));
      }
      return f;
    }

    private static String[] fields(String line) {
      return line.split(" ");
    }

    private static String rest(String[] f) {
      return String.join(" ", java.util.Arrays.copyOfRange(f, 1, f.length));
    }

    private int integer(String s, String what) {
      if (!s.matches("[0-9]{1,10}")) {
        throw error("bad " + what + " '" + s + "'");
      }
      try {
        int value = Integer.parseInt(s);
        if (value < 0) {
          throw error("negative " + what + " " + s);
        }
        return value;
      } catch (NumberFormatException e) {
        throw error("bad " + what + " '" + s + "'");
      }
    }

    private int hex(String s, String what) {
      if (!s.matches("[0-9a-f]{1,8}")) {
        throw error("bad " + what + " '" + s + "' (lowercase hex expected)");
      }
      try {
        return Integer.parseInt(s, 16);
      } catch (NumberFormatException e) {
        throw error("bad " + what + " '" + s + "'");
      }
    }

    private StencilFormatException error(String message) {
      return new StencilFormatException(
          "stencil library line " + next + ": " + message
              + (next >= 1 && next <= lines.length ? " (" + lines[next - 1] + ")" : ""));
    }
  }
}
