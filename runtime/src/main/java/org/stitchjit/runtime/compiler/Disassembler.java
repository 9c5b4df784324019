package org.stitchjit.runtime.compiler;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.runtime.ast.Node;

/**
 * A listing of a {@link CodeUnit} in the layout of {@code python3 -m dis}: line, jump-target
 * marker, offset (in units), opcode, oparg and its meaning; then the exception table and the
 * nested code objects. Cache units are not listed (offsets skip over them).
 */
public final class Disassembler {
  private Disassembler() {}

  public static String dis(CodeUnit code) {
    StringBuilder sb = new StringBuilder();
    disassemble(code, sb, true);
    return sb.toString();
  }

  /** Opcode names of the instructions in order, cache units skipped. */
  public static List<String> opnames(CodeUnit code) {
    List<String> out = new ArrayList<>();
    for (int pc = 0; pc < code.code().length; ) {
      Opcode op = Opcode.of(Opcode.opcodeOf(code.code()[pc]));
      out.add(op.name());
      pc += op.size();
    }
    return out;
  }

  private static void disassemble(CodeUnit code, StringBuilder sb, boolean top) {
    if (!top) {
      sb.append("\nDisassembly of ").append(codeRepr(code)).append(":\n");
    }
    long[] units = code.code();
    Set<Integer> targets = new HashSet<>();
    for (int pc = 0; pc < units.length; ) {
      Opcode op = Opcode.of(Opcode.opcodeOf(units[pc]));
      if (op.isJump()) {
        targets.add(Opcode.opargOf(units[pc]));
      }
      pc += op.size();
    }
    for (CodeUnit.ExceptionEntry e : code.exceptionTable()) {
      targets.add(e.target());
    }
    int lastLine = -1;
    for (int pc = 0; pc < units.length; ) {
      Opcode op = Opcode.of(Opcode.opcodeOf(units[pc]));
      int arg = Opcode.opargOf(units[pc]);
      int line = code.lines()[pc];
      StringBuilder row = new StringBuilder();
      if (line != lastLine) {
        if (lastLine != -1) {
          sb.append('\n');
        }
        row.append(String.format("%3d", line));
        lastLine = line;
      } else {
        row.append("   ");
      }
      row.append("     ").append(targets.contains(pc) ? ">>" : "  ").append(' ');
      row.append(String.format("%4d", pc)).append(' ');
      row.append(String.format("%-20s", op.name()));
      if (hasArg(op)) {
        row.append(' ').append(String.format("%5d", arg));
        String meaning = argRepr(code, op, arg);
        if (!meaning.isEmpty()) {
          row.append(" (").append(meaning).append(')');
        }
      }
      sb.append(row.toString().stripTrailing()).append('\n');
      pc += op.size();
    }
    if (!code.exceptionTable().isEmpty()) {
      sb.append("ExceptionTable:\n");
      for (CodeUnit.ExceptionEntry e : code.exceptionTable()) {
        sb.append("  ").append(e.start()).append(" to ").append(lastInstruction(code, e))
            .append(" -> ").append(e.target()).append(" [").append(e.depth()).append(']')
            .append(e.pushLasti() ? " lasti" : "").append('\n');
      }
    }
    for (Object c : code.consts()) {
      if (c instanceof CodeUnit nested) {
        disassemble(nested, sb, false);
      }
    }
  }

  private static final Set<Opcode> NO_ARG = java.util.EnumSet.of(Opcode.NOP, Opcode.POP_TOP,
      Opcode.PUSH_NULL, Opcode.UNARY_POSITIVE, Opcode.UNARY_NEGATIVE, Opcode.UNARY_NOT,
      Opcode.UNARY_INVERT, Opcode.BINARY_SUBSCR, Opcode.STORE_SUBSCR, Opcode.DELETE_SUBSCR,
      Opcode.LIST_TO_TUPLE, Opcode.GET_ITER, Opcode.RETURN_VALUE, Opcode.LOAD_BUILD_CLASS,
      Opcode.PUSH_EXC_INFO, Opcode.POP_EXCEPT, Opcode.CHECK_EXC_MATCH,
      Opcode.LOAD_ASSERTION_ERROR, Opcode.BEFORE_WITH, Opcode.WITH_EXCEPT_START,
      Opcode.YIELD_VALUE, Opcode.GET_YIELD_FROM_ITER, Opcode.IMPORT_STAR);

  /** False for opcodes whose oparg means nothing (the compiler emits 0); dis omits it. */
  public static boolean hasArg(Opcode op) {
    return !NO_ARG.contains(op.family());
  }

  private static int lastInstruction(CodeUnit code, CodeUnit.ExceptionEntry e) {
    int last = e.start();
    for (int pc = e.start(); pc < e.end(); ) {
      last = pc;
      pc += Opcode.of(Opcode.opcodeOf(code.code()[pc])).size();
    }
    return last;
  }

  private static String localName(CodeUnit code, int index) {
    int nv = code.varnames().size();
    int nc = code.cellvars().size();
    if (index < nv) {
      return code.varnames().get(index);
    }
    if (index < nv + nc) {
      return code.cellvars().get(index - nv);
    }
    if (index - nv - nc < code.freevars().size()) {
      return code.freevars().get(index - nv - nc);
    }
    return "<bad local " + index + ">";
  }

  private static String argRepr(CodeUnit code, Opcode op, int arg) {
    switch (op) {
      case LOAD_CONST, KW_NAMES:
        return arg < code.consts().size() ? repr(code.consts().get(arg)) : "<bad const>";
      case LOAD_NAME, STORE_NAME, DELETE_NAME, LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL,
          LOAD_ATTR, STORE_ATTR, DELETE_ATTR, LOAD_METHOD, IMPORT_NAME, IMPORT_FROM:
        return arg < code.names().size() ? code.names().get(arg) : "<bad name>";
      case LOAD_FAST, STORE_FAST, DELETE_FAST, LOAD_DEREF, STORE_DEREF, DELETE_DEREF,
          LOAD_CLOSURE, LOAD_CLASSDEREF:
        return localName(code, arg);
      case COMPARE_OP:
        return CompareOp.symbol(arg);
      case BINARY_OP:
        return BinaryOp.symbol(arg);
      case FORMAT_VALUE: {
        String s = switch (arg & 3) {
          case 1 -> "str";
          case 2 -> "repr";
          case 3 -> "ascii";
          default -> "";
        };
        if ((arg & 4) != 0) {
          s = s.isEmpty() ? "with format" : s + ", with format";
        }
        return s;
      }
      case MAKE_FUNCTION: {
        List<String> parts = new ArrayList<>();
        String[] names = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int i = 0; i < 4; i++) {
          if ((arg & (1 << i)) != 0) {
            parts.add(names[i]);
          }
        }
        return String.join(", ", parts);
      }
      default:
        return op.isJump() ? "to " + arg : "";
    }
  }

  static String codeRepr(CodeUnit c) {
    return "<code object " + c.name() + ", file \"" + c.filename() + "\", line "
        + c.firstLine() + ">";
  }

  /** A constant as Python's repr() shows it. */
  public static String repr(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof Long || v instanceof BigInteger || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof Double d) {
      return floatRepr(d);
    }
    if (v instanceof String s) {
      return strRepr(s);
    }
    if (v == Node.EllipsisValue.INSTANCE) {
      return "Ellipsis";
    }
    if (v instanceof CodeUnit.ConstTuple t) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < t.items().size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(repr(t.items().get(i)));
      }
      if (t.items().size() == 1) {
        sb.append(',');
      }
      return sb.append(')').toString();
    }
    if (v instanceof CodeUnit c) {
      return codeRepr(c);
    }
    return String.valueOf(v);
  }

  /** Python's float repr: shortest round-trip digits, exponent form outside 1e-4..1e16. */
  public static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = bd.unscaledValue().toString();
    int exp = digits.length() - 1 - bd.scale();
    String sign = d < 0 ? "-" : "";
    if (exp >= -4 && exp < 16) {
      String s;
      if (exp >= 0) {
        if (digits.length() <= exp + 1) {
          s = digits + "0".repeat(exp + 1 - digits.length()) + ".0";
        } else {
          s = digits.substring(0, exp + 1) + "." + digits.substring(exp + 1);
        }
      } else {
        s = "0." + "0".repeat(-exp - 1) + digits;
      }
      return sign + s;
    }
    String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    String e = String.format("%02d", Math.abs(exp));
    return sign + mant + "e" + (exp < 0 ? "-" : "+") + e;
  }

  public static String strRepr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7f) {
        sb.appendCodePoint(cp);
      } else if (isPrintable(cp)) {
        sb.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        sb.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        sb.append(String.format("\\u%04x", cp));
      } else {
        sb.append(String.format("\\U%08x", cp));
      }
    }
    return sb.append(quote).toString();
  }

  private static boolean isPrintable(int cp) {
    int type = Character.getType(cp);
    return !(type == Character.CONTROL || type == Character.FORMAT
        || type == Character.SURROGATE || type == Character.PRIVATE_USE
        || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || (type == Character.SPACE_SEPARATOR && cp != ' '));
  }
}
