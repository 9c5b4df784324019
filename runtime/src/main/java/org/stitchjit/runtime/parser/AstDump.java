package org.stitchjit.runtime.parser;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.stitchjit.runtime.ast.Node;

/**
 * A compact one-line rendering of an AST, for tests and debugging. Each node prints as
 * {@code Kind(field, ...)} with its fields in declaration order, except that:
 * expression contexts are shown only when not Load ({@code Name(x, Store)}); operators print
 * as their symbols ({@code BinOp(Name(a), +, Name(b))}); constants print as Python literals
 * ({@code Constant('s')}, {@code Constant(None)}, {@code Constant(...)}); identifiers print
 * bare; null is {@code None}; {@link Node.Arguments} lists only its non-empty parts by name;
 * and a node without fields prints as its bare kind ({@code Pass}).
 */
public final class AstDump {
  private AstDump() {}

  public static String dump(Node node) {
    return dump(node, false);
  }

  /** With positions, each node that CPython also positions is followed by @line:col. */
  public static String dump(Node node, boolean positions) {
    StringBuilder out = new StringBuilder();
    new AstDump.Writer(out, positions).node(node);
    return out.toString();
  }

  private record Writer(StringBuilder out, boolean positions) {
    void node(Node node) {
      if (node == null) {
        out.append("None");
        return;
      }
      if (node instanceof Node.Arguments a) {
        arguments(a);
      } else if (node instanceof Node.Arg a) {
        out.append("Arg(").append(a.arg());
        if (a.annotation() != null) {
          out.append(", ");
          node(a.annotation());
        }
        out.append(')');
      } else if (node instanceof Node.Constant c) {
        out.append("Constant(").append(pythonRepr(c.value())).append(')');
      } else if (node instanceof Node.FormattedValue f) {
        out.append("FormattedValue(");
        node(f.value());
        out.append(", ").append(f.conversion() < 0 ? "-1" : "'" + (char) f.conversion() + "'");
        out.append(", ");
        node(f.formatSpec());
        out.append(')');
      } else {
        generic(node);
      }
      if (positions && !(node instanceof Node.Mod || node instanceof Node.Arguments
          || node instanceof Node.Comprehension || node instanceof Node.WithItem)) {
        out.append('@').append(node.line()).append(':').append(node.col());
      }
    }

    private void generic(Node node) {
      out.append(node.getClass().getSimpleName());
      int written = 0;
      for (RecordComponent c : node.getClass().getRecordComponents()) {
        String name = c.getName();
        if (name.equals("line") || name.equals("col")) {
          continue;
        }
        Object value = read(c, node);
        if (value == Node.Ctx.LOAD) {
          continue;
        }
        out.append(written++ == 0 ? "(" : ", ");
        value(value);
      }
      if (written > 0) {
        out.append(')');
      }
    }

    private void arguments(Node.Arguments a) {
      out.append("Arguments(");
      int before = out.length();
      part("posonly", a.posonlyargs());
      part("args", a.args());
      part("vararg", a.vararg());
      part("kwonly", a.kwonlyargs());
      part("kwDefaults", a.kwDefaults());
      part("kwarg", a.kwarg());
      part("defaults", a.defaults());
      if (out.length() > before) {
        out.setLength(out.length() - 2);
      }
      out.append(')');
    }

    private void part(String name, Object value) {
      if (value == null || (value instanceof List<?> l && l.isEmpty())) {
        return;
      }
      out.append(name).append('=');
      value(value);
      out.append(", ");
    }

    private void value(Object value) {
      if (value == null) {
        out.append("None");
      } else if (value instanceof Node n) {
        node(n);
      } else if (value instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          value(list.get(i));
        }
        out.append(']');
      } else if (value instanceof Node.Operator op) {
        out.append(op.symbol);
      } else if (value instanceof Node.CmpOperator op) {
        out.append(op.symbol);
      } else if (value instanceof Node.UnaryOperator op) {
        out.append(switch (op) {
          case NOT -> "not";
          case INVERT -> "~";
          case UADD -> "+";
          case USUB -> "-";
        });
      } else if (value instanceof Node.BoolOperator op) {
        out.append(op == Node.BoolOperator.AND ? "and" : "or");
      } else if (value instanceof Node.Ctx ctx) {
        out.append(ctx == Node.Ctx.STORE ? "Store" : ctx == Node.Ctx.DEL ? "Del" : "Load");
      } else {
        out.append(value);
      }
    }

    private static Object read(RecordComponent c, Node node) {
      try {
        return c.getAccessor().invoke(node);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName(), e);
      }
    }
  }

  /** Python's repr() of a constant value. */
  static String pythonRepr(Object value) {
    if (value == null) {
      return "None";
    } else if (value instanceof Boolean b) {
      return b ? "True" : "False";
    } else if (value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    } else if (value instanceof Double d) {
      return floatRepr(d);
    } else if (value instanceof String s) {
      return stringRepr(s);
    } else if (value instanceof byte[] b) {
      return bytesRepr(b);
    } else if (value == Node.EllipsisValue.INSTANCE) {
      return "...";
    }
    return String.valueOf(value);
  }

  private static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    } else if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    } else if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    BigDecimal exact = new BigDecimal(shortestDigits(Math.abs(d))).stripTrailingZeros();
    String digits = exact.unscaledValue().toString();
    // value = 0.digits * 10^point
    int point = digits.length() - exact.scale();
    StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
    if (point > 16 || point <= -4) {
      out.append(digits.charAt(0));
      if (digits.length() > 1) {
        out.append('.').append(digits, 1, digits.length());
      }
      int exponent = point - 1;
      out.append('e').append(exponent < 0 ? '-' : '+');
      String e = Integer.toString(Math.abs(exponent));
      out.append(e.length() < 2 ? "0" + e : e);
    } else if (point <= 0) {
      out.append("0.").append("0".repeat(-point)).append(digits);
    } else if (point >= digits.length()) {
      out.append(digits).append("0".repeat(point - digits.length())).append(".0");
    } else {
      out.append(digits, 0, point).append('.').append(digits, point, digits.length());
    }
    return out.toString();
  }

  /** The fewest significant digits that read back as d (Python's repr is shortest). */
  private static String shortestDigits(double d) {
    for (int digits = 1; digits < 17; digits++) {
      String candidate = String.format(java.util.Locale.ROOT, "%." + (digits - 1) + "e", d);
      if (Double.parseDouble(candidate) == d) {
        return candidate;
      }
    }
    return String.format(java.util.Locale.ROOT, "%.16e", d);
  }

  private static String stringRepr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder out = new StringBuilder().append(quote);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == quote || cp == '\\') {
        out.append('\\').appendCodePoint(cp);
      } else if (cp == '\t') {
        out.append("\\t");
      } else if (cp == '\n') {
        out.append("\\n");
      } else if (cp == '\r') {
        out.append("\\r");
      } else if (cp < ' ' || cp == 0x7f) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp < 0x7f || Tokenizer.isPrintable(cp)) {
        out.appendCodePoint(cp);
      } else if (cp <= 0xff) {
        out.append(String.format("\\x%02x", cp));
      } else if (cp <= 0xffff) {
        out.append(String.format("\\u%04x", cp));
      } else {
        out.append(String.format("\\U%08x", cp));
      }
    }
    return out.append(quote).toString();
  }

  private static String bytesRepr(byte[] bytes) {
    boolean hasSingle = false;
    boolean hasDouble = false;
    for (byte b : bytes) {
      hasSingle |= b == '\'';
      hasDouble |= b == '"';
    }
    char quote = hasSingle && !hasDouble ? '"' : '\'';
    StringBuilder out = new StringBuilder("b").append(quote);
    for (byte raw : bytes) {
      int b = raw & 0xff;
      if (b == quote || b == '\\') {
        out.append('\\').append((char) b);
      } else if (b == '\t') {
        out.append("\\t");
      } else if (b == '\n') {
        out.append("\\n");
      } else if (b == '\r') {
        out.append("\\r");
      } else if (b < ' ' || b >= 0x7f) {
        out.append(String.format("\\x%02x", b));
      } else {
        out.append((char) b);
      }
    }
    return out.append(quote).toString();
  }
}
