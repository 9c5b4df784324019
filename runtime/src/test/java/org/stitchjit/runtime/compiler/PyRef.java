package org.stitchjit.runtime.compiler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.runtime.ast.Node;

/**
 * CPython 3.11 as the reference: runs {@code pyref.py} (test resources) on a batch of snippets
 * and turns its answer into Stitch ASTs (built from CPython's own parse) and normalized bytecode
 * listings, and normalizes a {@link CodeUnit} the same way so the two can be compared text to
 * text.
 */
final class PyRef {
  /** What CPython said about one snippet. */
  record Entry(String source, Node.Mod ast, String astError, Map<String, Object> code,
      Map<String, Object> error, Map<String, Object> symtable) {}

  private PyRef() {}

  static boolean available() {
    try {
      Process p = new ProcessBuilder("python3", "-c",
          "import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else 1)")
          .redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  static List<Entry> run(List<String> sources) throws Exception {
    Path script = Files.createTempFile("pyref", ".py");
    try (InputStream in = PyRef.class.getResourceAsStream("pyref.py")) {
      Files.write(script, in.readAllBytes());
    }
    try {
      Process p = new ProcessBuilder("python3", script.toString()).start();
      StringBuilder json = new StringBuilder("[");
      for (int i = 0; i < sources.size(); i++) {
        json.append(i > 0 ? "," : "").append(Json.quote(sources.get(i)));
      }
      json.append(']');
      try (OutputStream out = p.getOutputStream()) {
        out.write(json.toString().getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Thread errPump = new Thread(() -> {
        try {
          p.getErrorStream().transferTo(stderr);
        } catch (IOException e) {
          // the process died; its exit code tells
        }
      });
      errPump.start();
      p.getInputStream().transferTo(stdout);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("pyref.py failed: " + stderr);
      }
      errPump.join();
      List<Object> results = (List<Object>) Json.parse(stdout.toString(StandardCharsets.UTF_8));
      List<Entry> entries = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        Map<String, Object> r = (Map<String, Object>) results.get(i);
        Node.Mod mod = r.containsKey("ast") ? (Node.Mod) toNode(r.get("ast")) : null;
        entries.add(new Entry(sources.get(i), mod, (String) r.get("astError"),
            (Map<String, Object>) r.get("code"), (Map<String, Object>) r.get("error"),
            (Map<String, Object>) r.get("symtable")));
      }
      return entries;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  // ---------------------------------------------------------------- AST from CPython's parse

  @SuppressWarnings("unchecked")
  private static Object toNode(Object json) throws Exception {
    List<Object> list = (List<Object>) json;
    String kind = (String) list.get(0);
    Class<?> cls = Class.forName(Node.class.getName() + "$" + kind);
    RecordComponent[] comps = cls.getRecordComponents();
    Object[] args = new Object[comps.length];
    Class<?>[] types = new Class<?>[comps.length];
    for (int i = 0; i < comps.length; i++) {
      types[i] = comps[i].getType();
      args[i] = convert(list.get(i + 1), comps[i].getGenericType());
    }
    Constructor<?> ctor = cls.getDeclaredConstructor(types);
    return ctor.newInstance(args);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object convert(Object v, Type type) throws Exception {
    if (v == null) {
      return null;
    }
    if (type == int.class) {
      return ((Number) v).intValue();
    }
    if (type == String.class) {
      return v;
    }
    if (type == Object.class) {
      return constant((List<Object>) v);
    }
    if (type instanceof Class<?> c && c.isEnum()) {
      return Enum.valueOf((Class<Enum>) c, (String) v);
    }
    if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      Type elem = pt.getActualTypeArguments()[0];
      List<Object> out = new ArrayList<>();
      for (Object x : (List<Object>) v) {
        out.add(convert(x, elem));
      }
      return out;
    }
    return toNode(v);
  }

  private static Object constant(List<Object> v) {
    String kind = (String) v.get(1);
    String text = (String) v.get(2);
    return switch (kind) {
      case "none" -> null;
      case "ellipsis" -> Node.EllipsisValue.INSTANCE;
      case "bool" -> Boolean.parseBoolean(text.toLowerCase());
      case "int" -> {
        BigInteger b = new BigInteger(text);
        yield b.bitLength() < 64 ? (Object) b.longValue() : b;
      }
      case "float" -> switch (text) {
        case "inf" -> Double.POSITIVE_INFINITY;
        case "-inf" -> Double.NEGATIVE_INFINITY;
        case "nan" -> Double.NaN;
        default -> Double.parseDouble(text);
      };
      case "str" -> text;
      default -> throw new IllegalArgumentException(kind);
    };
  }

  // ---------------------------------------------------------------- normalized listings

  /** Renders CPython's normalized code object (from pyref.py) as comparable text. */
  @SuppressWarnings("unchecked")
  static String render(Map<String, Object> code) {
    StringBuilder sb = new StringBuilder();
    renderInto(code, sb, null);
    return sb.toString();
  }

  /** Renders a CodeUnit like {@link #render(Map)}, keeping line numbers only where ref has one. */
  static String render(CodeUnit code, Map<String, Object> ref) {
    StringBuilder sb = new StringBuilder();
    renderInto(normalize(code), sb, ref);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void renderInto(Map<String, Object> code, StringBuilder sb,
      Map<String, Object> ref) {
    sb.append("code ").append(code.get("qualname")).append(" args=").append(code.get("argcount"))
        .append('/').append(code.get("posonly")).append('/').append(code.get("kwonly"))
        .append(" flags=").append(code.get("flags")).append(" stack=")
        .append(code.get("stacksize")).append(" firstline=").append(code.get("firstline"))
        .append(" cells=").append(code.get("cellvars")).append(" free=")
        .append(code.get("freevars")).append('\n');
    List<Object> instrs = canonicalJumps((List<Object>) code.get("instrs"));
    List<Object> refInstrs = ref == null ? null : (List<Object>) ref.get("instrs");
    for (int i = 0; i < instrs.size(); i++) {
      List<Object> in = (List<Object>) instrs.get(i);
      Object line = in.get(2);
      if (refInstrs != null) {
        Object refLine = i < refInstrs.size() ? ((List<Object>) refInstrs.get(i)).get(2) : null;
        if (refLine == null) {
          line = null;
        }
      }
      sb.append(String.format("%3d %-4s %-24s %-20s", i, line == null ? "-" : line, in.get(0),
          in.get(1)));
      if (in.get(3) != null) {
        List<Object> h = (List<Object>) in.get(3);
        sb.append(" exc->").append(h.get(0)).append(" [").append(h.get(1)).append(']')
            .append(Boolean.TRUE.equals(h.get(2)) ? " lasti" : "");
      }
      sb.append('\n');
    }
    List<Object> children = (List<Object>) code.get("children");
    List<Object> refChildren = ref == null ? null : (List<Object>) ref.get("children");
    for (int i = 0; i < children.size(); i++) {
      Map<String, Object> refChild = refChildren != null && i < refChildren.size()
          ? (Map<String, Object>) refChildren.get(i) : null;
      renderInto((Map<String, Object>) children.get(i), sb, refChild);
    }
  }

  /**
   * CPython threads a conditional jump into a loop's JUMP_BACKWARD, making it a conditional
   * backward jump; Stitch keeps JUMP_BACKWARD as the only back edge. Both listings are compared
   * with such a jump pointing at the loop head directly.
   */
  @SuppressWarnings("unchecked")
  private static List<Object> canonicalJumps(List<Object> instrs) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < instrs.size(); i++) {
      List<Object> in = new ArrayList<>((List<Object>) instrs.get(i));
      String op = (String) in.get(0);
      if (op.startsWith("POP_JUMP_IF_") || op.startsWith("JUMP_IF_")) {
        int t = Integer.parseInt(((String) in.get(1)).substring(2));
        List<Object> target = (List<Object>) instrs.get(t);
        if (target.get(0).equals("JUMP_BACKWARD")) {
          int loop = Integer.parseInt(((String) target.get(1)).substring(2));
          if (loop < i) {
            in.set(1, "->" + loop);
          }
        }
      }
      out.add(in);
    }
    return out;
  }

  private static final java.util.Set<Opcode> NAME_OPS = java.util.EnumSet.of(Opcode.LOAD_NAME,
      Opcode.STORE_NAME, Opcode.DELETE_NAME, Opcode.LOAD_GLOBAL, Opcode.STORE_GLOBAL,
      Opcode.DELETE_GLOBAL, Opcode.LOAD_ATTR, Opcode.STORE_ATTR, Opcode.DELETE_ATTR,
      Opcode.LOAD_METHOD, Opcode.IMPORT_NAME, Opcode.IMPORT_FROM);
  private static final java.util.Set<Opcode> LOCAL_OPS = java.util.EnumSet.of(Opcode.LOAD_FAST,
      Opcode.STORE_FAST, Opcode.DELETE_FAST, Opcode.LOAD_DEREF, Opcode.STORE_DEREF,
      Opcode.DELETE_DEREF, Opcode.LOAD_CLOSURE, Opcode.LOAD_CLASSDEREF);

  static String constRepr(Object v) {
    if (v instanceof CodeUnit c) {
      return "<code " + c.name() + ">";
    }
    if (v instanceof CodeUnit.ConstTuple t) {
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < t.items().size(); i++) {
        sb.append(i > 0 ? ", " : "").append(constRepr(t.items().get(i)));
      }
      return sb.append(t.items().size() == 1 ? ",)" : ")").toString();
    }
    return Disassembler.repr(v);
  }

  /** The same shape pyref.py produces for a CPython code object. */
  static Map<String, Object> normalize(CodeUnit code) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("qualname", code.qualname());
    m.put("argcount", code.argcount());
    m.put("posonly", code.posonlyargcount());
    m.put("kwonly", code.kwonlyargcount());
    m.put("flags", code.flags() & 0x3f);
    m.put("stacksize", code.stacksize());
    m.put("firstline", code.firstLine());
    List<String> cells = new ArrayList<>(code.cellvars());
    cells.sort(null);
    m.put("cellvars", cells);
    m.put("freevars", code.freevars());
    List<Integer> starts = new ArrayList<>();
    long[] units = code.code();
    for (int pc = 0; pc < units.length; pc += Opcode.of(Opcode.opcodeOf(units[pc])).size()) {
      starts.add(pc);
    }
    List<Object> instrs = new ArrayList<>();
    List<String> localsplus = new ArrayList<>(code.varnames());
    localsplus.addAll(code.cellvars());
    localsplus.addAll(code.freevars());
    for (int pc : starts) {
      Opcode op = Opcode.of(Opcode.opcodeOf(units[pc]));
      int arg = Opcode.opargOf(units[pc]);
      String a;
      if (op.isJump()) {
        a = "->" + starts.indexOf(arg);
      } else if (NAME_OPS.contains(op)) {
        a = code.names().get(arg);
      } else if (LOCAL_OPS.contains(op)) {
        a = localsplus.get(arg);
      } else if (op == Opcode.LOAD_CONST || op == Opcode.KW_NAMES) {
        a = constRepr(code.consts().get(arg));
      } else if (op == Opcode.COMPARE_OP) {
        a = org.stitchjit.api.bytecode.CompareOp.symbol(arg);
      } else if (!Disassembler.hasArg(op)) {
        a = "";
      } else {
        a = Integer.toString(arg);
      }
      List<Object> handler = null;
      for (CodeUnit.ExceptionEntry e : code.exceptionTable()) {
        if (e.start() <= pc && pc < e.end()) {
          handler = List.of(starts.indexOf(e.target()), e.depth(), e.pushLasti());
        }
      }
      List<Object> in = new ArrayList<>();
      in.add(op.name());
      in.add(a);
      in.add(code.lines()[pc]);
      in.add(handler);
      instrs.add(in);
    }
    m.put("instrs", instrs);
    List<Object> children = new ArrayList<>();
    for (Object c : code.consts()) {
      if (c instanceof CodeUnit cu) {
        children.add(normalize(cu));
      }
    }
    m.put("children", children);
    return m;
  }

  // ---------------------------------------------------------------- a small JSON reader

  static final class Json {
    private final String s;
    private int i;

    private Json(String s) {
      this.s = s;
    }

    static Object parse(String s) {
      Json j = new Json(s);
      Object v = j.value();
      j.ws();
      if (j.i != s.length()) {
        throw new IllegalArgumentException("trailing JSON at " + j.i);
      }
      return v;
    }

    static String quote(String s) {
      StringBuilder sb = new StringBuilder("\"");
      for (int k = 0; k < s.length(); k++) {
        char c = s.charAt(k);
        switch (c) {
          case '"' -> sb.append("\\\"");
          case '\\' -> sb.append("\\\\");
          case '\n' -> sb.append("\\n");
          case '\r' -> sb.append("\\r");
          case '\t' -> sb.append("\\t");
          default -> {
            if (c < 0x20) {
              sb.append(String.format("\\u%04x", (int) c));
            } else {
              sb.append(c);
            }
          }
        }
      }
      return sb.append('"').toString();
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private Object value() {
      ws();
      char c = s.charAt(i);
      switch (c) {
        case '[': {
          i++;
          List<Object> list = new ArrayList<>();
          ws();
          if (s.charAt(i) == ']') {
            i++;
            return list;
          }
          while (true) {
            list.add(value());
            ws();
            if (s.charAt(i++) == ']') {
              return list;
            }
          }
        }
        case '{': {
          i++;
          Map<String, Object> map = new LinkedHashMap<>();
          ws();
          if (s.charAt(i) == '}') {
            i++;
            return map;
          }
          while (true) {
            ws();
            String key = string();
            ws();
            i++; // ':'
            map.put(key, value());
            ws();
            if (s.charAt(i++) == '}') {
              return map;
            }
          }
        }
        case '"':
          return string();
        case 't':
          i += 4;
          return Boolean.TRUE;
        case 'f':
          i += 5;
          return Boolean.FALSE;
        case 'n':
          i += 4;
          return null;
        default: {
          int start = i;
          while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
          }
          String num = s.substring(start, i);
          if (num.contains(".") || num.contains("e") || num.contains("E")) {
            return Double.parseDouble(num);
          }
          return Long.parseLong(num);
        }
      }
    }

    private String string() {
      StringBuilder sb = new StringBuilder();
      i++; // opening quote
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return sb.toString();
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'u' -> {
            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> sb.append(e);
        }
      }
    }
  }
}
