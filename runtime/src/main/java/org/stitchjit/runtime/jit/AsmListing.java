package org.stitchjit.runtime.jit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.stitchjit.api.jit.MachineCode;
import org.stitchjit.platforms.Disassembler;

/**
 * The text of {@code --dump=asm}: a region's machine code with a {@code ; NAME} line where
 * each of its parts (a uop's code, a stub) begins, as instructions when a disassembler is
 * available and as hex bytes, 16 per line, otherwise.
 */
final class AsmListing {
  private static final int BYTES_PER_LINE = 16;

  private AsmListing() {}

  /**
   * @param title the first line, without the leading {@code #}
   */
  static String format(String title, MachineCode mc, Optional<Disassembler> disassembler) {
    StringBuilder sb = new StringBuilder("# ").append(title).append(": ").append(mc.size())
        .append(" bytes at 0x").append(Long.toHexString(mc.address()));
    if (disassembler.isPresent()) {
      List<Disassembler.Line> lines;
      try {
        int[] starts = mc.parts().stream().mapToInt(MachineCode.Part::offset).toArray();
        List<String> symbols = mc.parts().stream().map(AsmListing::symbol).toList();
        lines = disassembler.get().disassemble(mc.address(), mc.code(), starts, symbols);
      } catch (IOException e) {
        // The listing is still worth having without instructions.
        sb.append(" (raw bytes: ").append(e.getMessage().replace('\n', ' ')).append(")\n");
        return raw(sb, mc);
      }
      sb.append(" (").append(disassembler.get().toolName()).append(")\n");
      List<MachineCode.Part> parts = mc.parts();
      int p = 0;
      for (Disassembler.Line line : lines) {
        while (p < parts.size() && mc.address() + parts.get(p).offset() <= line.address()) {
          long at = mc.address() + parts.get(p).offset();
          sb.append("; ").append(parts.get(p).name());
          if (at < line.address()) {
            // Only when the tool decoded across a part's start; the bytes are still right.
            sb.append(" (starts at 0x").append(Long.toHexString(at)).append(", inside the "
                + "instruction above)");
          }
          sb.append('\n');
          p++;
        }
        sb.append("  ").append(Long.toHexString(line.address())).append(": ")
            .append(line.text()).append('\n');
      }
      for (; p < parts.size(); p++) {
        sb.append("; ").append(parts.get(p).name()).append('\n');
      }
      return sb.append('\n').toString();
    }
    sb.append(" (raw bytes: no llvm-objdump on PATH)\n");
    return raw(sb, mc);
  }

  /**
   * What jumps to a part are shown as: its name up to a colon, {@code uop 3: _LOAD_FAST 1}
   * becomes {@code uop_3}.
   */
  private static String symbol(MachineCode.Part part) {
    String name = part.name();
    int colon = name.indexOf(':');
    String symbol = (colon < 0 ? name : name.substring(0, colon)).strip().replaceAll("\\s+", "_");
    return symbol.isEmpty() ? "part" : symbol;
  }

  private static String raw(StringBuilder sb, MachineCode mc) {
    byte[] code = mc.code();
    List<MachineCode.Part> parts = mc.parts();
    hex(sb, mc.address(), code, 0, parts.isEmpty() ? code.length : parts.get(0).offset());
    for (int i = 0; i < parts.size(); i++) {
      sb.append("; ").append(parts.get(i).name()).append('\n');
      hex(sb, mc.address(), code, parts.get(i).offset(), mc.end(i));
    }
    return sb.append('\n').toString();
  }

  private static void hex(StringBuilder sb, long address, byte[] code, int from, int to) {
    for (int at = from; at < to; at += BYTES_PER_LINE) {
      sb.append("  ").append(Long.toHexString(address + at)).append(':');
      for (int b = at; b < Math.min(at + BYTES_PER_LINE, to); b++) {
        sb.append(' ').append(Character.forDigit((code[b] >> 4) & 0xF, 16))
            .append(Character.forDigit(code[b] & 0xF, 16));
      }
      sb.append('\n');
    }
  }
}
