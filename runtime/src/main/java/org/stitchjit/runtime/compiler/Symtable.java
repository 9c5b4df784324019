package org.stitchjit.runtime.compiler;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.parser.GuestSyntaxError;

/**
 * The symbol table: one {@link Scope} per module, class, function, lambda and comprehension,
 * with every name classified LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL by the same
 * two passes as CPython 3.11's symtable.c (collect definitions and uses, then resolve scopes
 * bottom-up), so the compiler picks the same load/store instruction CPython would.
 * Annotations are never evaluated by Stitch, so they are not visited here either.
 */
final class Symtable {
  // Per-name definition flags, as CPython's DEF_* bits.
  static final int DEF_GLOBAL = 1;
  static final int DEF_LOCAL = 2;
  static final int DEF_PARAM = 4;
  static final int DEF_NONLOCAL = 8;
  static final int USE = 16;
  static final int DEF_FREE_CLASS = 64;
  static final int DEF_IMPORT = 128;
  static final int DEF_ANNOT = 256;
  static final int DEF_COMP_ITER = 512;
  static final int DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

  // Resolved scopes, as CPython's (0 = the name is not in the block at all).
  static final int LOCAL = 1;
  static final int GLOBAL_EXPLICIT = 2;
  static final int GLOBAL_IMPLICIT = 3;
  static final int FREE = 4;
  static final int CELL = 5;

  enum Kind { MODULE, CLASS, FUNCTION }

  enum Comprehension { NONE, LIST, SET, DICT, GENERATOR }

  /** One block: CPython's PySTEntryObject. */
  static final class Scope {
    final Kind kind;
    final String name;
    final Node node;
    final int line;
    final Map<String, Integer> symbols = new LinkedHashMap<>();
    final Map<String, Integer> scopes = new LinkedHashMap<>();
    /** Parameters in declaration order (CPython's ste_varnames). */
    final List<String> params = new ArrayList<>();
    final List<Scope> children = new ArrayList<>();
    /** Where each global/nonlocal (or walrus-implied) declaration of a name was. */
    final List<Object[]> directives = new ArrayList<>();
    boolean nested;
    boolean generator;
    boolean varargs;
    boolean varkeywords;
    boolean needsClassClosure;
    Comprehension comprehension = Comprehension.NONE;
    boolean compIterTarget;
    int compIterExpr;

    Scope(Kind kind, String name, Node node, int line) {
      this.kind = kind;
      this.name = name;
      this.node = node;
      this.line = line;
    }

    /** The resolved scope of an (already mangled) name, 0 when the block never saw it. */
    int scopeOf(String name) {
      Integer s = scopes.get(name);
      return s == null ? 0 : s;
    }

    int flagsOf(String name) {
      Integer f = symbols.get(name);
      return f == null ? 0 : f;
    }

    boolean isFunction() {
      return kind == Kind.FUNCTION;
    }

    /** Names with the given scope, or with the extra flag, sorted as CPython sorts them. */
    List<String> namesWith(int scope, int flag) {
      List<String> out = new ArrayList<>();
      for (Map.Entry<String, Integer> e : symbols.entrySet()) {
        if (scopeOf(e.getKey()) == scope || (flag != 0 && (e.getValue() & flag) != 0)) {
          out.add(e.getKey());
        }
      }
      out.sort(null);
      return out;
    }

    @Override
    public String toString() {
      return kind + " " + name;
    }
  }

  private final String filename;
  private final String[] sourceLines;
  private final Map<Node, Scope> byNode = new IdentityHashMap<>();
  private final List<Scope> stack = new ArrayList<>();
  private Scope cur;
  private Scope top;
  private String privateName;

  private Symtable(String filename, String source) {
    this.filename = filename;
    this.sourceLines = source == null ? new String[0] : source.split("\n", -1);
  }

  static Symtable build(Node.Mod mod, String filename, String source) throws GuestSyntaxError {
    Symtable st = new Symtable(filename, source);
    st.enterBlock("top", Kind.MODULE, mod, 1);
    st.top = st.cur;
    for (Node.Stmt s : mod.body()) {
      st.visitStmt(s);
    }
    st.exitBlock();
    st.analyzeBlock(st.top, null, new HashSet<>(), new HashSet<>());
    return st;
  }

  Scope top() {
    return top;
  }

  Scope scopeFor(Node node) {
    Scope s = byNode.get(node);
    if (s == null) {
      throw new IllegalStateException("no scope for " + node);
    }
    return s;
  }

  // ---------------------------------------------------------------- errors

  GuestSyntaxError error(String message, int line, int col) {
    String text = line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : null;
    // The AST has no end positions, so the error marks a single column.
    return new GuestSyntaxError("SyntaxError", message, filename, line, col, line, 0, text);
  }

  private GuestSyntaxError error(String message, Node at) {
    return error(message, at.line(), at.col() + 1);
  }

  // ---------------------------------------------------------------- building

  static String mangle(String privateName, String name) {
    if (privateName == null || !name.startsWith("__")) {
      return name;
    }
    if (name.endsWith("__") || name.indexOf('.') >= 0) {
      return name;
    }
    int i = 0;
    while (i < privateName.length() && privateName.charAt(i) == '_') {
      i++;
    }
    if (i == privateName.length()) {
      return name;
    }
    return "_" + privateName.substring(i) + name;
  }

  private void enterBlock(String name, Kind kind, Node node, int line) {
    Scope s = new Scope(kind, name, node, line);
    Scope prev = cur;
    if (prev != null) {
      s.compIterExpr = prev.compIterExpr;
      s.nested = prev.nested || prev.kind == Kind.FUNCTION;
      prev.children.add(s);
    }
    stack.add(s);
    byNode.put(node, s);
    cur = s;
  }

  private void exitBlock() {
    stack.remove(stack.size() - 1);
    cur = stack.isEmpty() ? null : stack.get(stack.size() - 1);
  }

  private int lookup(String name) {
    return cur.flagsOf(mangle(privateName, name));
  }

  private void addDef(String name, int flag, Node at) throws GuestSyntaxError {
    addDef(name, flag, cur, at);
  }

  private void addDef(String name, int flag, Scope ste, Node at) throws GuestSyntaxError {
    String mangled = mangle(privateName, name);
    Integer old = ste.symbols.get(mangled);
    int val;
    if (old != null) {
      if ((flag & DEF_PARAM) != 0 && (old & DEF_PARAM) != 0) {
        throw error("duplicate argument '" + name + "' in function definition", at);
      }
      val = old | flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if ((val & (DEF_GLOBAL | DEF_NONLOCAL)) != 0) {
        throw error("comprehension inner loop cannot rebind assignment expression target '"
            + name + "'", at);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.put(mangled, val);
    if ((flag & DEF_PARAM) != 0) {
      ste.params.add(mangled);
    } else if ((flag & DEF_GLOBAL) != 0) {
      // A global declaration anywhere marks the module-level name too (so module code uses
      // STORE_GLOBAL for it, as CPython does).
      top.symbols.merge(mangled, flag, (a, b) -> a | b);
    }
  }

  private void recordDirective(String name, int line, int col) {
    cur.directives.add(new Object[] {mangle(privateName, name), line, col});
  }

  private void visitStmts(List<Node.Stmt> stmts) throws GuestSyntaxError {
    for (Node.Stmt s : stmts) {
      visitStmt(s);
    }
  }

  private void visitExprs(List<Node.Expr> exprs) throws GuestSyntaxError {
    for (Node.Expr e : exprs) {
      if (e != null) {
        visitExpr(e);
      }
    }
  }

  private void visitStmt(Node.Stmt s) throws GuestSyntaxError {
    if (s instanceof Node.FunctionDef f) {
      addDef(f.name(), DEF_LOCAL, f);
      visitExprs(f.args().defaults());
      visitExprs(f.args().kwDefaults());
      visitExprs(f.decorators());
      int line = f.decorators().isEmpty() ? f.line() : f.decorators().get(0).line();
      enterBlock(f.name(), Kind.FUNCTION, f, line);
      visitArguments(f.args());
      visitStmts(f.body());
      exitBlock();
    } else if (s instanceof Node.ClassDef c) {
      addDef(c.name(), DEF_LOCAL, c);
      visitExprs(c.bases());
      for (Node.Keyword k : c.keywords()) {
        visitExpr(k.value());
      }
      visitExprs(c.decorators());
      int line = c.decorators().isEmpty() ? c.line() : c.decorators().get(0).line();
      enterBlock(c.name(), Kind.CLASS, c, line);
      String saved = privateName;
      privateName = c.name();
      visitStmts(c.body());
      privateName = saved;
      exitBlock();
    } else if (s instanceof Node.Return r) {
      if (r.value() != null) {
        visitExpr(r.value());
      }
    } else if (s instanceof Node.Delete d) {
      visitExprs(d.targets());
    } else if (s instanceof Node.Assign a) {
      visitExprs(a.targets());
      visitExpr(a.value());
    } else if (s instanceof Node.AugAssign a) {
      visitExpr(a.target());
      visitExpr(a.value());
    } else if (s instanceof Node.AnnAssign a) {
      if (a.target() instanceof Node.Name n) {
        int old = lookup(n.id());
        if ((old & (DEF_GLOBAL | DEF_NONLOCAL)) != 0 && cur != top) {
          throw error("annotated name '" + n.id() + "' can't be "
              + ((old & DEF_GLOBAL) != 0 ? "global" : "nonlocal"), s);
        }
        addDef(n.id(), DEF_ANNOT | DEF_LOCAL, n);
      } else {
        visitExpr(a.target());
      }
      if (a.value() != null) {
        visitExpr(a.value());
      }
    } else if (s instanceof Node.For f) {
      visitExpr(f.target());
      visitExpr(f.iter());
      visitStmts(f.body());
      visitStmts(f.orelse());
    } else if (s instanceof Node.While w) {
      visitExpr(w.test());
      visitStmts(w.body());
      visitStmts(w.orelse());
    } else if (s instanceof Node.If i) {
      visitExpr(i.test());
      visitStmts(i.body());
      visitStmts(i.orelse());
    } else if (s instanceof Node.With w) {
      for (Node.WithItem item : w.items()) {
        visitExpr(item.contextExpr());
        if (item.optionalVars() != null) {
          visitExpr(item.optionalVars());
        }
      }
      visitStmts(w.body());
    } else if (s instanceof Node.Raise r) {
      if (r.exc() != null) {
        visitExpr(r.exc());
        if (r.cause() != null) {
          visitExpr(r.cause());
        }
      }
    } else if (s instanceof Node.Try t) {
      visitStmts(t.body());
      visitStmts(t.orelse());
      for (Node.ExceptHandler h : t.handlers()) {
        if (h.type() != null) {
          visitExpr(h.type());
        }
        if (h.name() != null) {
          addDef(h.name(), DEF_LOCAL, h);
        }
        visitStmts(h.body());
      }
      visitStmts(t.finalbody());
    } else if (s instanceof Node.Assert a) {
      visitExpr(a.test());
      if (a.msg() != null) {
        visitExpr(a.msg());
      }
    } else if (s instanceof Node.Import imp) {
      for (Node.Alias a : imp.names()) {
        visitAlias(a);
      }
    } else if (s instanceof Node.ImportFrom imp) {
      for (Node.Alias a : imp.names()) {
        visitAlias(a);
      }
    } else if (s instanceof Node.Global g) {
      for (String name : g.names()) {
        int old = lookup(name);
        if ((old & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
          String msg;
          if ((old & DEF_PARAM) != 0) {
            msg = "name '%s' is parameter and global";
          } else if ((old & USE) != 0) {
            msg = "name '%s' is used prior to global declaration";
          } else if ((old & DEF_ANNOT) != 0) {
            msg = "annotated name '%s' can't be global";
          } else {
            msg = "name '%s' is assigned to before global declaration";
          }
          throw error(String.format(msg, name), s);
        }
        addDef(name, DEF_GLOBAL, s);
        recordDirective(name, s.line(), s.col());
      }
    } else if (s instanceof Node.Nonlocal g) {
      for (String name : g.names()) {
        int old = lookup(name);
        if ((old & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) != 0) {
          String msg;
          if ((old & DEF_PARAM) != 0) {
            msg = "name '%s' is parameter and nonlocal";
          } else if ((old & USE) != 0) {
            msg = "name '%s' is used prior to nonlocal declaration";
          } else if ((old & DEF_ANNOT) != 0) {
            msg = "annotated name '%s' can't be nonlocal";
          } else {
            msg = "name '%s' is assigned to before nonlocal declaration";
          }
          throw error(String.format(msg, name), s);
        }
        addDef(name, DEF_NONLOCAL, s);
        recordDirective(name, s.line(), s.col());
      }
    } else if (s instanceof Node.ExprStmt e) {
      visitExpr(e.value());
    } else if (s instanceof Node.Pass || s instanceof Node.Break || s instanceof Node.Continue) {
      // no names
    } else {
      throw new IllegalStateException("unknown statement " + s);
    }
  }

  private void visitAlias(Node.Alias a) throws GuestSyntaxError {
    String name = a.asname() != null ? a.asname() : a.name();
    int dot = name.indexOf('.');
    String store = dot >= 0 ? name.substring(0, dot) : name;
    if (!name.equals("*")) {
      addDef(store, DEF_IMPORT, a);
    } else if (cur.kind != Kind.MODULE) {
      throw error("import * only allowed at module level", a);
    }
  }

  private void visitArguments(Node.Arguments a) throws GuestSyntaxError {
    for (Node.Arg p : a.posonlyargs()) {
      addDef(p.arg(), DEF_PARAM, p);
    }
    for (Node.Arg p : a.args()) {
      addDef(p.arg(), DEF_PARAM, p);
    }
    for (Node.Arg p : a.kwonlyargs()) {
      addDef(p.arg(), DEF_PARAM, p);
    }
    if (a.vararg() != null) {
      addDef(a.vararg().arg(), DEF_PARAM, a.vararg());
      cur.varargs = true;
    }
    if (a.kwarg() != null) {
      addDef(a.kwarg().arg(), DEF_PARAM, a.kwarg());
      cur.varkeywords = true;
    }
  }

  private void visitExpr(Node.Expr e) throws GuestSyntaxError {
    if (e instanceof Node.BoolOp b) {
      visitExprs(b.values());
    } else if (e instanceof Node.NamedExpr n) {
      if (cur.compIterExpr > 0) {
        throw error("assignment expression cannot be used in a comprehension iterable "
            + "expression", e);
      }
      if (cur.comprehension != Comprehension.NONE) {
        extendNamedExprScope(n.target());
      }
      visitExpr(n.value());
      visitExpr(n.target());
    } else if (e instanceof Node.BinOp b) {
      visitExpr(b.left());
      visitExpr(b.right());
    } else if (e instanceof Node.UnaryOp u) {
      visitExpr(u.operand());
    } else if (e instanceof Node.Lambda l) {
      visitExprs(l.args().defaults());
      visitExprs(l.args().kwDefaults());
      enterBlock("lambda", Kind.FUNCTION, l, l.line());
      visitArguments(l.args());
      visitExpr(l.body());
      exitBlock();
    } else if (e instanceof Node.IfExp i) {
      visitExpr(i.test());
      visitExpr(i.body());
      visitExpr(i.orelse());
    } else if (e instanceof Node.DictExpr d) {
      visitExprs(d.keys());
      visitExprs(d.values());
    } else if (e instanceof Node.SetExpr s) {
      visitExprs(s.elts());
    } else if (e instanceof Node.ListComp c) {
      comprehension(e, "listcomp", Comprehension.LIST, c.generators(), c.elt(), null);
    } else if (e instanceof Node.SetComp c) {
      comprehension(e, "setcomp", Comprehension.SET, c.generators(), c.elt(), null);
    } else if (e instanceof Node.DictComp c) {
      comprehension(e, "dictcomp", Comprehension.DICT, c.generators(), c.key(), c.value());
    } else if (e instanceof Node.GeneratorExp c) {
      comprehension(e, "genexpr", Comprehension.GENERATOR, c.generators(), c.elt(), null);
    } else if (e instanceof Node.Yield y) {
      if (y.value() != null) {
        visitExpr(y.value());
      }
      markYield(e);
    } else if (e instanceof Node.YieldFrom y) {
      visitExpr(y.value());
      markYield(e);
    } else if (e instanceof Node.Compare c) {
      visitExpr(c.left());
      visitExprs(c.comparators());
    } else if (e instanceof Node.Call c) {
      visitExpr(c.func());
      visitExprs(c.args());
      for (Node.Keyword k : c.keywords()) {
        visitExpr(k.value());
      }
    } else if (e instanceof Node.FormattedValue f) {
      visitExpr(f.value());
      if (f.formatSpec() != null) {
        visitExpr(f.formatSpec());
      }
    } else if (e instanceof Node.JoinedStr j) {
      visitExprs(j.values());
    } else if (e instanceof Node.Constant) {
      // nothing
    } else if (e instanceof Node.Attribute a) {
      visitExpr(a.value());
    } else if (e instanceof Node.Subscript s) {
      visitExpr(s.value());
      visitExpr(s.slice());
    } else if (e instanceof Node.Starred s) {
      visitExpr(s.value());
    } else if (e instanceof Node.Slice s) {
      if (s.lower() != null) {
        visitExpr(s.lower());
      }
      if (s.upper() != null) {
        visitExpr(s.upper());
      }
      if (s.step() != null) {
        visitExpr(s.step());
      }
    } else if (e instanceof Node.Name n) {
      if (n.ctx() == Node.Ctx.LOAD && n.id().equals("__debug__")) {
        return; // folded to the constant True by the compiler
      }
      addDef(n.id(), n.ctx() == Node.Ctx.LOAD ? USE : DEF_LOCAL, n);
      // super() needs the implicit __class__ cell of the enclosing class.
      if (n.ctx() == Node.Ctx.LOAD && cur.kind == Kind.FUNCTION && n.id().equals("super")) {
        addDef("__class__", USE, n);
      }
    } else if (e instanceof Node.ListExpr l) {
      visitExprs(l.elts());
    } else if (e instanceof Node.TupleExpr t) {
      visitExprs(t.elts());
    } else {
      throw new IllegalStateException("unknown expression " + e);
    }
  }

  private void markYield(Node.Expr e) throws GuestSyntaxError {
    cur.generator = true;
    switch (cur.comprehension) {
      case LIST -> throw error("'yield' inside list comprehension", e);
      case SET -> throw error("'yield' inside set comprehension", e);
      case DICT -> throw error("'yield' inside dict comprehension", e);
      case GENERATOR -> throw error("'yield' inside generator expression", e);
      default -> { }
    }
  }

  private void comprehension(Node.Expr e, String name, Comprehension kind,
      List<Node.Comprehension> generators, Node.Expr elt, Node.Expr value)
      throws GuestSyntaxError {
    Node.Comprehension outermost = generators.get(0);
    cur.compIterExpr++;
    visitExpr(outermost.iter());
    cur.compIterExpr--;
    enterBlock(name, Kind.FUNCTION, e, e.line());
    cur.comprehension = kind;
    addDef(".0", DEF_PARAM, e);
    cur.compIterTarget = true;
    visitExpr(outermost.target());
    cur.compIterTarget = false;
    visitExprs(outermost.ifs());
    for (int i = 1; i < generators.size(); i++) {
      Node.Comprehension g = generators.get(i);
      cur.compIterTarget = true;
      visitExpr(g.target());
      cur.compIterTarget = false;
      cur.compIterExpr++;
      visitExpr(g.iter());
      cur.compIterExpr--;
      visitExprs(g.ifs());
    }
    if (value != null) {
      visitExpr(value);
    }
    visitExpr(elt);
    cur.generator = kind == Comprehension.GENERATOR;
    exitBlock();
  }

  /** A walrus inside a comprehension binds in the nearest enclosing function or module. */
  private void extendNamedExprScope(Node.Name target) throws GuestSyntaxError {
    String name = target.id();
    for (int i = stack.size() - 1; i >= 0; i--) {
      Scope ste = stack.get(i);
      if (ste.comprehension != Comprehension.NONE) {
        if ((ste.flagsOf(mangle(privateName, name)) & DEF_COMP_ITER) != 0) {
          throw error("assignment expression cannot rebind comprehension iteration variable '"
              + name + "'", target);
        }
        continue;
      }
      if (ste.kind == Kind.FUNCTION) {
        if ((ste.flagsOf(mangle(privateName, name)) & DEF_GLOBAL) != 0) {
          addDef(name, DEF_GLOBAL, target);
        } else {
          addDef(name, DEF_NONLOCAL, target);
        }
        recordDirective(name, target.line(), target.col());
        addDef(name, DEF_LOCAL, ste, target);
        return;
      }
      if (ste.kind == Kind.MODULE) {
        addDef(name, DEF_GLOBAL, target);
        recordDirective(name, target.line(), target.col());
        addDef(name, DEF_GLOBAL, ste, target);
        return;
      }
      throw error("assignment expression within a comprehension cannot be used in a class body",
          target);
    }
    throw new IllegalStateException("no scope for walrus target");
  }

  // ---------------------------------------------------------------- analysis

  private GuestSyntaxError errorAtDirective(Scope ste, String name, String message) {
    for (Object[] d : ste.directives) {
      if (d[0].equals(name)) {
        return error(message, (Integer) d[1], (Integer) d[2] + 1);
      }
    }
    return error(message, ste.line, 0);
  }

  private void analyzeName(Scope ste, String name, int flags, Set<String> bound,
      Set<String> local, Set<String> free, Set<String> global) throws GuestSyntaxError {
    if ((flags & DEF_GLOBAL) != 0) {
      if ((flags & DEF_NONLOCAL) != 0) {
        throw errorAtDirective(ste, name, "name '" + name + "' is nonlocal and global");
      }
      ste.scopes.put(name, GLOBAL_EXPLICIT);
      global.add(name);
      if (bound != null) {
        bound.remove(name);
      }
      return;
    }
    if ((flags & DEF_NONLOCAL) != 0) {
      if (bound == null) {
        throw errorAtDirective(ste, name, "nonlocal declaration not allowed at module level");
      }
      if (!bound.contains(name)) {
        throw errorAtDirective(ste, name, "no binding for nonlocal '" + name + "' found");
      }
      ste.scopes.put(name, FREE);
      free.add(name);
      return;
    }
    if ((flags & DEF_BOUND) != 0) {
      ste.scopes.put(name, LOCAL);
      local.add(name);
      global.remove(name);
      return;
    }
    if (bound != null && bound.contains(name)) {
      ste.scopes.put(name, FREE);
      free.add(name);
      return;
    }
    ste.scopes.put(name, GLOBAL_IMPLICIT);
  }

  private void analyzeBlock(Scope ste, Set<String> bound, Set<String> free, Set<String> global)
      throws GuestSyntaxError {
    Set<String> local = new HashSet<>();
    Set<String> newGlobal = new HashSet<>();
    Set<String> newFree = new HashSet<>();
    Set<String> newBound = new HashSet<>();
    // A class namespace is invisible to the functions nested in it, so what they may see is
    // fixed before the class's own names are analyzed.
    if (ste.kind == Kind.CLASS) {
      newGlobal.addAll(global);
      if (bound != null) {
        newBound.addAll(bound);
      }
    }
    for (Map.Entry<String, Integer> e : ste.symbols.entrySet()) {
      analyzeName(ste, e.getKey(), e.getValue(), bound, local, free, global);
    }
    if (ste.kind != Kind.CLASS) {
      if (ste.kind == Kind.FUNCTION) {
        newBound.addAll(local);
      }
      if (bound != null) {
        newBound.addAll(bound);
      }
      newGlobal.addAll(global);
    } else {
      newBound.add("__class__");
    }
    Set<String> allFree = new HashSet<>();
    for (Scope child : ste.children) {
      Set<String> childFree = new HashSet<>(newFree);
      analyzeBlock(child, new HashSet<>(newBound), childFree, new HashSet<>(newGlobal));
      allFree.addAll(childFree);
    }
    newFree.addAll(allFree);
    if (ste.kind == Kind.FUNCTION) {
      for (Map.Entry<String, Integer> e : ste.scopes.entrySet()) {
        if (e.getValue() == LOCAL && newFree.contains(e.getKey())) {
          e.setValue(CELL);
          newFree.remove(e.getKey());
        }
      }
    } else if (ste.kind == Kind.CLASS) {
      if (newFree.remove("__class__")) {
        ste.needsClassClosure = true;
      }
    }
    // Free names of children that this block does not define pass through it.
    for (String name : newFree) {
      Integer flags = ste.symbols.get(name);
      if (flags != null) {
        if (ste.kind == Kind.CLASS && (flags & (DEF_BOUND | DEF_GLOBAL)) != 0) {
          ste.symbols.put(name, flags | DEF_FREE_CLASS);
        }
        continue;
      }
      if (bound != null && !bound.contains(name)) {
        continue;
      }
      ste.symbols.put(name, 0);
      ste.scopes.put(name, FREE);
    }
    free.addAll(newFree);
  }
}
