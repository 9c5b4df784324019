package org.stitchjit.api.uop;

import com.google.common.base.Joiner;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of regions, for dumps and for tests that state the uops they expect. One uop
 * per line: its name, then the oparg as a bare number when the uop takes one, then {@code
 * operand=0x...}, {@code exit=N} or {@code block=N} when it takes those:
 *
 * <pre>
 * trace
 *   _SET_IP 4
 *   _LOAD_FAST 0
 *   _LOAD_FAST 1
 *   _GUARD_BOTH_INT exit=0
 *   _BINARY_OP_ADD_INT exit=0
 *   _STORE_FAST 0
 *   _JUMP_TO_TOP
 * exit 0: code=0x7 ip=4 depth=2 GUARD_FAILED
 * </pre>
 *
 * An exit with raw slots ({@link Exit#rawSlots()}) ends with {@code raw=N,N...}, one with raw
 * locals ({@link Exit#rawLocals()}) with {@code rawlocals=N,N...} (after any {@code raw=}), and
 * the raw locals it clears as dead ({@link Exit#deadLocals()}) with {@code deadlocals=N,N...}; an
 * exit that boxes them or raw stack slots ({@code outerraw=N,N...}, {@link Exit#outerSlots()})
 * in the frame K calls below its own ends with {@code outer=K} ({@link Exit#outerFrame()}). Raw
 * attribute slots ({@link Exit#attrSlots()}) come after {@code raw=}, as {@code
 * rawattr=SLOT:LOCAL:0xWORD,...}.
 *
 * A block region starts with {@code blocks entry=N}; each block with {@code block N:} or, when
 * it falls through, {@code block N -> M:}. Indentation is free, {@code #} starts a comment,
 * and every uop must state every immediate it takes, so {@link #parse} is the exact inverse
 * of {@link #format(Region)}.
 */
public final class RegionText {
  private RegionText() {}

  /** One uop on one line, without indentation. */
  public static String format(UopInstr in) {
    Uop u = in.uop();
    StringBuilder sb = new StringBuilder(u.uopName());
    if (u.has(OperandKind.OPARG)) {
      sb.append(' ').append(in.oparg());
    }
    if (u.has(OperandKind.OPERAND)) {
      sb.append(" operand=0x").append(Long.toHexString(in.operand()));
    }
    if (u.has(OperandKind.EXIT)) {
      sb.append(" exit=").append(in.target());
    } else if (u.has(OperandKind.BLOCK)) {
      sb.append(" block=").append(in.target());
    }
    return sb.toString();
  }

  /** Uops one per line, each line ended by a newline. */
  public static String format(List<UopInstr> uops) {
    StringBuilder sb = new StringBuilder();
    for (UopInstr in : uops) {
      sb.append(format(in)).append('\n');
    }
    return sb.toString();
  }

  public static String format(Region region) {
    StringBuilder sb = new StringBuilder();
    if (region instanceof Trace t) {
      sb.append("trace\n");
      appendUops(sb, t.uops());
    } else {
      BlockRegion r = (BlockRegion) region;
      sb.append("blocks entry=").append(r.entry()).append('\n');
      for (int id = 0; id < r.blocks().size(); id++) {
        Block b = r.block(id);
        sb.append("block ").append(id);
        b.fallThrough().ifPresent(n -> sb.append(" -> ").append(n));
        sb.append(":\n");
        appendUops(sb, b.uops());
      }
    }
    for (int i = 0; i < region.exits().size(); i++) {
      Exit e = region.exits().get(i);
      sb.append("exit ").append(i).append(": code=0x").append(Long.toHexString(e.codeId()))
          .append(" ip=").append(e.bytecodeIndex()).append(" depth=").append(e.stackDepth())
          .append(' ').append(e.reason());
      if (!e.rawSlots().isEmpty()) {
        sb.append(" raw=").append(Joiner.on(',').join(e.rawSlots()));
      }
      if (!e.attrSlots().isEmpty()) {
        sb.append(" rawattr=").append(e.attrSlots().stream()
            .map(a -> a.slot() + ":" + a.local() + ":0x" + Long.toHexString(a.slotWord()))
            .collect(java.util.stream.Collectors.joining(",")));
      }
      if (!e.rawLocals().isEmpty()) {
        sb.append(" rawlocals=").append(Joiner.on(',').join(e.rawLocals()));
      }
      if (!e.deadLocals().isEmpty()) {
        sb.append(" deadlocals=").append(Joiner.on(',').join(e.deadLocals()));
      }
      if (!e.outerSlots().isEmpty()) {
        sb.append(" outerraw=").append(Joiner.on(',').join(e.outerSlots()));
      }
      if (e.outerFrame() > 0) {
        sb.append(" outer=").append(e.outerFrame());
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static void appendUops(StringBuilder sb, List<UopInstr> uops) {
    for (UopInstr in : uops) {
      sb.append("  ").append(format(in)).append('\n');
    }
  }

  /** Parses lines of uops (no header, no exits), as tests write their expectations. */
  public static ImmutableList<UopInstr> parseUops(String text) {
    ImmutableList.Builder<UopInstr> b = ImmutableList.builder();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = strip(lines[i]);
      if (!line.isEmpty()) {
        b.add(parseUop(line, i + 1));
      }
    }
    return b.build();
  }

  /** Parses the output of {@link #format(Region)}. */
  public static Region parse(String text) {
    String[] lines = text.split("\n", -1);
    int n = 0;
    String header = null;
    for (; n < lines.length; n++) {
      header = strip(lines[n]);
      if (!header.isEmpty()) {
        break;
      }
    }
    if (header == null || header.isEmpty()) {
      throw new IllegalArgumentException("empty region text");
    }
    boolean trace = header.equals("trace");
    int entry = 0;
    if (!trace) {
      if (!header.startsWith("blocks entry=")) {
        throw error(n + 1, "expected 'trace' or 'blocks entry=N', got '" + header + "'");
      }
      entry = parseInt(header.substring("blocks entry=".length()), n + 1, "entry block");
    }
    List<UopInstr> uops = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    List<Exit> exits = new ArrayList<>();
    List<UopInstr> current = trace ? uops : null;
    int currentNext = -1;
    for (n = n + 1; n < lines.length; n++) {
      String line = strip(lines[n]);
      int lineNo = n + 1;
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("exit ")) {
        exits.add(parseExit(line, lineNo, exits.size()));
      } else if (!exits.isEmpty()) {
        throw error(lineNo, "uops and blocks must come before the exits");
      } else if (line.startsWith("block ")) {
        if (trace) {
          throw error(lineNo, "a trace has no blocks");
        }
        if (current != null) {
          blocks.add(finish(current, currentNext));
        }
        if (!line.endsWith(":")) {
          throw error(lineNo, "a block header ends with ':'");
        }
        String[] parts = line.substring(6, line.length() - 1).split("->");
        int id = parseInt(parts[0].trim(), lineNo, "block id");
        if (id != blocks.size()) {
          throw error(lineNo, "expected block " + blocks.size() + ", got block " + id);
        }
        if (parts.length > 2) {
          throw error(lineNo, "expected 'block N:' or 'block N -> M:'");
        }
        currentNext = parts.length == 2 ? parseInt(parts[1].trim(), lineNo, "fall-through") : -1;
        current = new ArrayList<>();
      } else {
        if (current == null) {
          throw error(lineNo, "uop outside a block");
        }
        current.add(parseUop(line, lineNo));
      }
    }
    if (trace) {
      return Trace.of(uops, exits);
    }
    if (current != null) {
      blocks.add(finish(current, currentNext));
    }
    return BlockRegion.of(blocks, entry, exits);
  }

  private static Block finish(List<UopInstr> uops, int next) {
    return next < 0 ? Block.ending(uops) : Block.of(uops, next);
  }

  private static UopInstr parseUop(String line, int lineNo) {
    String[] words = line.split("\\s+");
    Uop u = Uop.lookup(words[0])
        .orElseThrow(() -> error(lineNo, "unknown uop '" + words[0] + "'"));
    int w = 1;
    int oparg = 0;
    long operand = 0;
    int target = 0;
    if (u.has(OperandKind.OPARG)) {
      if (w >= words.length || words[w].contains("=")) {
        throw error(lineNo, u.uopName() + " needs an oparg");
      }
      oparg = parseInt(words[w++], lineNo, "oparg");
    }
    if (u.has(OperandKind.OPERAND)) {
      String v = keyed(words, w++, "operand", u, lineNo);
      if (!v.startsWith("0x")) {
        throw error(lineNo, "operand must be hex (0x...), got '" + v + "'");
      }
      try {
        operand = Long.parseUnsignedLong(v.substring(2), 16);
      } catch (NumberFormatException e) {
        throw error(lineNo, "bad operand '" + v + "'");
      }
    }
    if (u.has(OperandKind.EXIT)) {
      target = parseInt(keyed(words, w++, "exit", u, lineNo), lineNo, "exit");
    } else if (u.has(OperandKind.BLOCK)) {
      target = parseInt(keyed(words, w++, "block", u, lineNo), lineNo, "block");
    }
    if (w < words.length) {
      throw error(lineNo, "unexpected '" + words[w] + "' after " + u.uopName());
    }
    try {
      return new UopInstr(u, oparg, operand, target);
    } catch (IllegalArgumentException e) {
      throw error(lineNo, e.getMessage());
    }
  }

  private static String keyed(String[] words, int w, String key, Uop u, int lineNo) {
    if (w >= words.length || !words[w].startsWith(key + "=")) {
      throw error(lineNo, u.uopName() + " needs " + key + "=...");
    }
    return words[w].substring(key.length() + 1);
  }

  private static Exit parseExit(String line, int lineNo, int expected) {
    // exit N: code=0x.. ip=N depth=N REASON [raw=N,..] [rawattr=S:L:0xW,..] [rawlocals=N,..]
    // [deadlocals=N,..] [outerraw=N,..] [outer=K]
    String[] words = line.split("\\s+");
    if (words.length < 6 || !words[1].endsWith(":")) {
      throw error(lineNo, "expected 'exit N: code=0x.. ip=N depth=N REASON [raw=N,...]"
          + " [rawlocals=N,...] [deadlocals=N,...] [outerraw=N,...] [outer=K]'");
    }
    int index = parseInt(words[1].substring(0, words[1].length() - 1), lineNo, "exit index");
    if (index != expected) {
      throw error(lineNo, "expected exit " + expected + ", got exit " + index);
    }
    String code = value(words[2], "code", lineNo);
    if (!code.startsWith("0x")) {
      throw error(lineNo, "code must be hex (0x...)");
    }
    long codeId;
    try {
      codeId = Long.parseUnsignedLong(code.substring(2), 16);
    } catch (NumberFormatException e) {
      throw error(lineNo, "bad code id '" + code + "'");
    }
    int ip = parseInt(value(words[3], "ip", lineNo), lineNo, "ip");
    int depth = parseInt(value(words[4], "depth", lineNo), lineNo, "depth");
    ExitReason reason;
    try {
      reason = ExitReason.valueOf(words[5].toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw error(lineNo, "unknown exit reason '" + words[5] + "'");
    }
    List<ImmutableSortedSet<Integer>> sets = new ArrayList<>();
    int outer = 0;
    int w = 6;
    ImmutableList.Builder<Exit.AttrSlot> attrs = ImmutableList.builder();
    for (String key : List.of("raw", "rawattr", "rawlocals", "deadlocals", "outerraw")) {
      if (key.equals("rawattr")) {
        if (w < words.length && words[w].startsWith("rawattr=")) {
          for (String a : value(words[w++], key, lineNo).split(",", -1)) {
            String[] p = a.split(":", -1);
            if (p.length != 3 || !p[2].startsWith("0x")) {
              throw error(lineNo, "expected rawattr=SLOT:LOCAL:0xWORD, got '" + a + "'");
            }
            try {
              attrs.add(new Exit.AttrSlot(parseInt(p[0], lineNo, "slot"),
                  parseInt(p[1], lineNo, "local"), Long.parseUnsignedLong(p[2].substring(2), 16)));
            } catch (IllegalArgumentException e) {
              throw error(lineNo, "bad rawattr '" + a + "'");
            }
          }
        }
        continue;
      }
      ImmutableSortedSet.Builder<Integer> set = ImmutableSortedSet.naturalOrder();
      if (w < words.length && words[w].startsWith(key + "=")) {
        for (String n : value(words[w++], key, lineNo).split(",", -1)) {
          set.add(parseInt(n, lineNo, key + " index"));
        }
      }
      sets.add(set.build());
    }
    if (w < words.length && words[w].startsWith("outer=")) {
      outer = parseInt(value(words[w++], "outer", lineNo), lineNo, "outer frame");
    }
    if (w < words.length) {
      throw error(lineNo, "unexpected '" + words[w] + "'");
    }
    try {
      return new Exit(codeId, ip, depth, reason, sets.get(0), sets.get(1), sets.get(3), outer,
          attrs.build(), sets.get(2));
    } catch (IllegalArgumentException e) {
      throw error(lineNo, e.getMessage());
    }
  }

  private static String value(String word, String key, int lineNo) {
    if (!word.startsWith(key + "=")) {
      throw error(lineNo, "expected " + key + "=..., got '" + word + "'");
    }
    return word.substring(key.length() + 1);
  }

  private static int parseInt(String s, int lineNo, String what) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw error(lineNo, "bad " + what + " '" + s + "'");
    }
  }

  private static String strip(String line) {
    int hash = line.indexOf('#');
    return (hash >= 0 ? line.substring(0, hash) : line).trim();
  }

  private static IllegalArgumentException error(int lineNo, String message) {
    return new IllegalArgumentException("line " + lineNo + ": " + message);
  }
}
