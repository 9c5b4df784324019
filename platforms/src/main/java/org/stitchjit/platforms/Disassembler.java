package org.stitchjit.platforms;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Disassembles machine code with {@code llvm-objdump}, for dumps.
 *
 * <p>The llvm-objdump of LLVM 14 (the one Debian ships beside clang-19's) cannot read raw
 * bytes ({@code -b binary} came later), so the code is wrapped in a minimal ELF relocatable
 * object with one {@code .text} section. Each given start offset gets a symbol there, because
 * llvm-objdump starts decoding afresh at every symbol: a part that begins in the middle of what
 * the previous part's bytes decoded as (stencil data, a skipped tail jump) still lines up.
 *
 * <p>The tool is the one the system property {@value #PROPERTY} names (a path, or {@code none}
 * for no disassembler at all, which tests use to get the raw-bytes fallback), else the first of
 * {@code llvm-objdump}, {@code llvm-objdump-19}, {@code llvm-objdump-14} on {@code PATH}.
 */
public final class Disassembler {
  public static final String PROPERTY = "stitch.objdump";

  /** A hung or very slow tool must not hold up compilation for long. */
  private static final long TIMEOUT_SECONDS = 20;

  private static final List<String> NAMES =
      List.of("llvm-objdump", "llvm-objdump-19", "llvm-objdump-14");

  /** {@code 7f0000001000: 48 8b 47 08    movq 8(%rdi), %rax} */
  private static final Pattern INSTRUCTION = Pattern.compile("^\\s*([0-9a-f]+):\\s?(.*)$");

  /** One decoded instruction (or what llvm-objdump could not decode). */
  public record Line(long address, String text) {}

  private final Path tool;
  private final int elfMachine;

  private Disassembler(Path tool, int elfMachine) {
    this.tool = tool;
    this.elfMachine = elfMachine;
  }

  /** The disassembler for code of the given instruction set, if a tool is available. */
  public static Optional<Disassembler> find(Platform.Isa isa) {
    int machine = switch (isa) {
      case X86_64 -> 62;
      case AARCH64 -> 183;
      case OTHER -> -1;
    };
    if (machine < 0) {
      return Optional.empty();
    }
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      if (configured.equals("none")) {
        return Optional.empty();
      }
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(new Disassembler(p, machine)) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path p = Path.of(dir, name);
        if (Files.isRegularFile(p) && Files.isExecutable(p)) {
          return Optional.of(new Disassembler(p, machine));
        }
      }
    }
    return Optional.empty();
  }

  /** The tool's file name, for the listing's header. */
  public String toolName() {
    return tool.getFileName().toString();
  }

  /**
   * Decodes {@code code} as if it sat at {@code address}, starting afresh at each of {@code
   * starts} (offsets into the code, ascending).
   *
   * @param names per start, the symbol that jump targets there are shown as ({@code
   *     <exit_0>}); non-empty, without spaces
   * @throws IOException when the tool fails, times out or prints nothing decodable
   */
  public List<Line> disassemble(long address, byte[] code, int[] starts, List<String> names)
      throws IOException {
    if (names.size() != starts.length) {
      throw new IllegalArgumentException(starts.length + " starts, " + names.size() + " names");
    }
    Path obj = Files.createTempFile("stitch-code", ".o");
    Path out = Files.createTempFile("stitch-objdump", ".txt");
    try {
      Files.write(obj, elf(code, starts, names));
      Process p = new ProcessBuilder(tool.toString(), "-d", "-z",
          "--adjust-vma=0x" + Long.toHexString(address), obj.toString())
          .redirectErrorStream(true)
          .redirectOutput(out.toFile())
          .start();
      boolean done;
      try {
        done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException(toolName() + " interrupted", e);
      }
      if (!done) {
        p.destroyForcibly();
        throw new IOException(toolName() + " took longer than " + TIMEOUT_SECONDS + " s");
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (p.exitValue() != 0) {
        throw new IOException(toolName() + " failed (" + p.exitValue() + "): " + text.strip());
      }
      List<Line> lines = new ArrayList<>();
      for (String l : text.split("\n")) {
        Matcher m = INSTRUCTION.matcher(l);
        if (m.matches()) {
          lines.add(new Line(Long.parseUnsignedLong(m.group(1), 16),
              m.group(2).replace('\t', ' ').stripTrailing()));
        }
      }
      if (lines.isEmpty() && code.length > 0) {
        throw new IOException(toolName() + " decoded nothing: " + text.strip());
      }
      return lines;
    } finally {
      Files.deleteIfExists(obj);
      Files.deleteIfExists(out);
    }
  }

  // ------------------------------------------------------------ a minimal ELF64 object

  private static final int EHDR = 64;
  private static final int SHDR = 64;
  private static final int SYM = 24;

  /**
   * Sections: null, .text (the code), .symtab (a local function symbol per start), .strtab,
   * .shstrtab.
   */
  private byte[] elf(byte[] code, int[] starts, List<String> symbols) {
    byte[] shstrtab = "\0.text\0.symtab\0.strtab\0.shstrtab\0".getBytes(StandardCharsets.US_ASCII);
    StringBuilder names = new StringBuilder("\0");
    int[] nameAt = new int[starts.length];
    for (int i = 0; i < starts.length; i++) {
      nameAt[i] = names.length();
      names.append(symbols.get(i).replace('\0', '_')).append('\0');
    }
    byte[] strtab = names.toString().getBytes(StandardCharsets.UTF_8);
    int textOff = EHDR;
    int symOff = align(textOff + code.length, 8);
    int symSize = SYM * (starts.length + 1);
    int strOff = symOff + symSize;
    int shstrOff = strOff + strtab.length;
    int shOff = align(shstrOff + shstrtab.length, 8);
    ByteBuffer b = ByteBuffer.allocate(shOff + 5 * SHDR).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0});
    b.position(16);
    b.putShort((short) 1); // ET_REL
    b.putShort((short) elfMachine);
    b.putInt(1);
    b.putLong(0); // entry
    b.putLong(0); // phoff
    b.putLong(shOff);
    b.putInt(0); // flags
    b.putShort((short) EHDR);
    b.putShort((short) 0);
    b.putShort((short) 0);
    b.putShort((short) SHDR);
    b.putShort((short) 5);
    b.putShort((short) 4); // .shstrtab
    b.position(textOff);
    b.put(code);
    b.position(symOff + SYM); // symbol 0 is the null symbol
    for (int i = 0; i < starts.length; i++) {
      int end = i + 1 < starts.length ? starts[i + 1] : code.length;
      b.putInt(nameAt[i]);
      b.put((byte) 2); // STB_LOCAL, STT_FUNC
      b.put((byte) 0);
      b.putShort((short) 1); // .text
      b.putLong(starts[i]);
      b.putLong(Math.max(0, end - starts[i]));
    }
    b.position(strOff);
    b.put(strtab);
    b.position(shstrOff);
    b.put(shstrtab);
    b.position(shOff + SHDR); // section 0 is the null section
    section(b, 1, 1, 6, textOff, code.length, 0, 0, 16, 0); // PROGBITS, ALLOC|EXECINSTR
    section(b, 7, 2, 0, symOff, symSize, 3, starts.length + 1, 8, SYM); // SYMTAB
    section(b, 15, 3, 0, strOff, strtab.length, 0, 0, 1, 0); // STRTAB
    section(b, 23, 3, 0, shstrOff, shstrtab.length, 0, 0, 1, 0);
    return b.array();
  }

  private static void section(ByteBuffer b, int name, int type, long flags, long offset,
      long size, int link, int info, long align, long entsize) {
    b.putInt(name);
    b.putInt(type);
    b.putLong(flags);
    b.putLong(0); // addr
    b.putLong(offset);
    b.putLong(size);
    b.putInt(link);
    b.putInt(info);
    b.putLong(align);
    b.putLong(entsize);
  }

  private static int align(int n, int to) {
    return (n + to - 1) / to * to;
  }
}
