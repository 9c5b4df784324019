package org.stitchjit.runtime.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.parser.GuestSyntaxError;
import org.stitchjit.runtime.parser.Parser;

/**
 * Compares Stitch's compiler with CPython 3.11 on the snippet corpora in test resources:
 * bytecode (normalized, see pyref.py), symbol tables and compile errors. Each check returns
 * readable failure reports; an empty list means agreement.
 */
final class Differential {
  record Snippet(String name, String source) {}

  private Differential() {}

  static List<Snippet> corpus(String resource) throws IOException {
    String text;
    try (InputStream in = Differential.class.getResourceAsStream(resource)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Snippet> out = new ArrayList<>();
    String name = null;
    StringBuilder cur = null;
    int count = 0;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("#---")) {
        if (cur != null) {
          out.add(new Snippet(name, cur.toString()));
        }
        count++;
        String label = line.substring(4).trim();
        name = label.isEmpty() ? resource + " #" + count : label;
        cur = new StringBuilder();
      } else if (cur != null) {
        cur.append(line).append('\n');
      }
    }
    if (cur != null) {
      out.add(new Snippet(name, cur.toString()));
    }
    return out;
  }

  static List<PyRef.Entry> reference(List<Snippet> snippets) throws Exception {
    List<String> sources = new ArrayList<>();
    for (Snippet s : snippets) {
      sources.add(s.source());
    }
    return PyRef.run(sources);
  }

  private static String sideBySide(String name, String expected, String actual) {
    StringBuilder sb = new StringBuilder("===== ").append(name)
        .append(" (left: CPython 3.11, right: Stitch)\n");
    String[] a = expected.split("\n");
    String[] b = actual.split("\n");
    for (int k = 0; k < Math.max(a.length, b.length); k++) {
      String x = k < a.length ? a[k] : "";
      String y = k < b.length ? b[k] : "";
      sb.append(x.equals(y) ? "  " : "!!").append(String.format("%-84s | %s", x, y))
          .append('\n');
    }
    return sb.toString();
  }

  /** Bytecode and symbol tables of snippets CPython compiles. */
  static List<String> compareCode(List<Snippet> snippets, List<PyRef.Entry> ref,
      List<CodeUnit> compiled) {
    return compareCode(snippets, ref, compiled, false);
  }

  static List<String> compareCode(List<Snippet> snippets, List<PyRef.Entry> ref,
      List<CodeUnit> compiled, boolean cpythonLayout) {
    return compareCode(snippets, ref, compiled, cpythonLayout, false);
  }

  /** With useParser, the AST comes from Stitch's parser instead of CPython's. */
  static List<String> compareCode(List<Snippet> snippets, List<PyRef.Entry> ref,
      List<CodeUnit> compiled, boolean cpythonLayout, boolean useParser) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      PyRef.Entry e = ref.get(i);
      String name = snippets.get(i).name();
      if (e.code() == null) {
        failures.add(name + ": CPython rejects it: " + e.error() + e.astError());
        continue;
      }
      String expected = PyRef.render(e.code());
      String actual;
      try {
        Node.Mod ast = useParser ? Parser.parse(e.source(), "<snippet>") : e.ast();
        CodeUnit cu = Compiler.compile(ast, "<snippet>", e.source(), cpythonLayout);
        compiled.add(cu);
        actual = PyRef.render(cu, e.code());
        String st = renderSymtable(Symtable.build(ast, "<snippet>", e.source()).top());
        String refSt = renderSymtable(e.symtable());
        if (!st.equals(refSt) && !name.contains("[no-symtable")) {
          failures.add(sideBySide(name + " [symtable]", refSt, st));
        }
      } catch (GuestSyntaxError | RuntimeException ex) {
        actual = "EXCEPTION " + ex;
      }
      if (!expected.equals(actual)) {
        failures.add(sideBySide(name, expected, actual));
      }
    }
    return failures;
  }

  /** Messages and positions of errors raised after parsing. */
  static List<String> compareErrors(List<Snippet> snippets, List<PyRef.Entry> ref) {
    return compareErrors(snippets, ref, false);
  }

  static List<String> compareErrors(List<Snippet> snippets, List<PyRef.Entry> ref,
      boolean useParser) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      PyRef.Entry e = ref.get(i);
      String name = snippets.get(i).name();
      if (e.ast() == null) {
        failures.add(name + ": CPython's parser rejects it (" + e.astError()
            + "): not a compiler error");
        continue;
      }
      if (e.error() == null) {
        failures.add(name + ": CPython compiles it");
        continue;
      }
      String expected = e.error().get("msg") + " @" + e.error().get("line") + ":"
          + e.error().get("col");
      String actual;
      try {
        Node.Mod ast = useParser ? Parser.parse(e.source(), "<snippet>") : e.ast();
        Compiler.compile(ast, "<snippet>", e.source());
        actual = "compiled without error";
      } catch (GuestSyntaxError ex) {
        actual = ex.message() + " @" + ex.line() + ":" + ex.col();
      } catch (RuntimeException ex) {
        actual = "EXCEPTION " + ex;
      }
      if (!expected.equals(actual)) {
        failures.add(name + ":\n  CPython: " + expected + "\n  Stitch:  " + actual + "\n"
            + e.source());
      }
    }
    return failures;
  }

  @SuppressWarnings("unchecked")
  private static String renderSymtable(Map<String, Object> table) {
    StringBuilder sb = new StringBuilder();
    renderSymtable(table, sb, "");
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void renderSymtable(Map<String, Object> t, StringBuilder sb, String indent) {
    Map<String, Object> syms = new TreeMap<>((Map<String, Object>) t.get("symbols"));
    sb.append(indent).append(t.get("type")).append(' ').append(t.get("name")).append(": ");
    syms.forEach((k, v) -> sb.append(k).append('=').append(scopeName(((Number) v).intValue()))
        .append(' '));
    sb.append('\n');
    for (Object c : (List<Object>) t.get("children")) {
      renderSymtable((Map<String, Object>) c, sb, indent + "  ");
    }
  }

  private static void renderSymtable(Symtable.Scope s, StringBuilder sb, String indent) {
    Map<String, Integer> syms = new TreeMap<>();
    for (String name : s.symbols.keySet()) {
      syms.put(name, s.scopeOf(name));
    }
    sb.append(indent).append(s.kind.name().toLowerCase()).append(' ').append(s.name)
        .append(": ");
    syms.forEach((k, v) -> sb.append(k).append('=').append(scopeName(v)).append(' '));
    sb.append('\n');
    for (Symtable.Scope c : s.children) {
      renderSymtable(c, sb, indent + "  ");
    }
  }

  private static String renderSymtable(Symtable.Scope s) {
    StringBuilder sb = new StringBuilder();
    renderSymtable(s, sb, "");
    return sb.toString();
  }

  private static String scopeName(int scope) {
    return switch (scope) {
      case Symtable.LOCAL -> "LOCAL";
      case Symtable.GLOBAL_EXPLICIT -> "GLOBAL_EXPLICIT";
      case Symtable.GLOBAL_IMPLICIT -> "GLOBAL_IMPLICIT";
      case Symtable.FREE -> "FREE";
      case Symtable.CELL -> "CELL";
      default -> "?" + scope;
    };
  }
}
