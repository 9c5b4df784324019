package org.stitchjit.runtime.compiler;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stitchjit.api.bytecode.BinaryOp;
import org.stitchjit.api.bytecode.CodeFlags;
import org.stitchjit.api.bytecode.CompareOp;
import org.stitchjit.api.bytecode.Opcode;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.Stmt;
import org.stitchjit.runtime.compiler.FlowGraph.Block;
import org.stitchjit.runtime.compiler.FlowGraph.Instr;
import org.stitchjit.runtime.compiler.FlowGraph.Pseudo;
import org.stitchjit.runtime.parser.ExprDescriptions;
import org.stitchjit.runtime.parser.GuestSyntaxError;

/**
 * The bytecode compiler: AST to {@link CodeUnit}, following CPython 3.11's compile.c (same
 * instruction sequences, exception table layout, line numbers and stack depths), adapted to the
 * differences listed in {@link Opcode}'s javadoc. Where the output still differs from
 * {@code python3 -m dis}, on purpose:
 *
 * <ul>
 *   <li>a while loop tests its condition at the top only and closes with JUMP_BACKWARD (as
 *       CPython 3.12 does), and no conditional jump ever goes backward: every loop back edge is
 *       a JUMP_BACKWARD;
 *   <li>constant folding is limited to unary operators on literals, tuples of constants and
 *       {@code __debug__} (no binary operators, no {@code "%s" % x} to f-string rewrite);
 *   <li>a constant set is a tuple constant fed to SET_UPDATE (CPython loads a frozenset);
 *   <li>annotations are neither evaluated nor stored (no SETUP_ANNOTATIONS);
 *   <li>the AST has no end positions, so an instruction CPython places on the last line of a
 *       multi-line attribute (LOAD_METHOD of {@code "..."\n.format(x)}) gets its first line.
 * </ul>
 */
public final class Compiler {
  /** CPython's STACK_USE_GUIDELINE: longer argument lists are built in a container. */
  private static final int STACK_USE_GUIDELINE = 30;
  private static final int MAX_BLOCKS = 20;
  private static final Object NOT_CONST = new Object();
  private static final long STACK_BYTES = 64L << 20;

  private enum ScopeType { MODULE, CLASS, FUNCTION, LAMBDA, COMPREHENSION }

  private enum FbType {
    WHILE_LOOP, FOR_LOOP, TRY_EXCEPT, FINALLY_TRY, FINALLY_END, WITH, HANDLER_CLEANUP, POP_VALUE,
    EXCEPTION_HANDLER
  }

  private record FBlock(FbType type, Block block, Block exit, Object datum) {}

  private enum CompKind { LIST, SET, DICT, GENEXP }

  /** A constant as a dictionary key: equal only for the same type and value, as CPython's. */
  private static final class ConstKey {
    final Object value;

    ConstKey(Object value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof ConstKey k)) {
        return false;
      }
      if (value instanceof CodeUnit || k.value instanceof CodeUnit) {
        return value == k.value;
      }
      return Objects.equals(value, k.value);
    }

    @Override
    public int hashCode() {
      if (value instanceof CodeUnit) {
        return System.identityHashCode(value);
      }
      return Objects.hashCode(value);
    }
  }

  /** The state of one code block being compiled (CPython's compiler_unit). */
  private final class Unit implements FlowGraph.ConstPool {
    final Symtable.Scope ste;
    final ScopeType scopeType;
    final String name;
    String qualname;
    String privateName;
    final List<Object> consts = new ArrayList<>();
    final Map<ConstKey, Integer> constIndex = new HashMap<>();
    final Map<String, Integer> names = new LinkedHashMap<>();
    final Map<String, Integer> varnames = new LinkedHashMap<>();
    final List<String> cellvars;
    final List<String> freevars;
    int argcount;
    int posonlyargcount;
    int kwonlyargcount;
    final int firstLine;
    final List<Block> blocks = new ArrayList<>();
    final Block entry;
    Block cur;
    final List<FBlock> fblocks = new ArrayList<>();
    int line;

    Unit(Symtable.Scope ste, ScopeType scopeType, String name, int firstLine) {
      this.ste = ste;
      this.scopeType = scopeType;
      this.name = name;
      this.firstLine = firstLine;
      this.line = firstLine;
      for (String p : ste.params) {
        varnames.putIfAbsent(p, varnames.size());
      }
      if (ste.needsClassClosure) {
        cellvars = List.of("__class__");
      } else {
        cellvars = ste.namesWith(Symtable.CELL, 0);
      }
      freevars = ste.namesWith(Symtable.FREE, Symtable.DEF_FREE_CLASS);
      entry = newBlockIn(this);
      cur = entry;
    }

    @Override
    public int add(Object value) {
      ConstKey key = new ConstKey(value);
      Integer i = constIndex.get(key);
      if (i != null) {
        return i;
      }
      consts.add(value);
      constIndex.put(key, consts.size() - 1);
      return consts.size() - 1;
    }

    @Override
    public Object get(int index) {
      return consts.get(index);
    }

    @Override
    public int size() {
      return consts.size();
    }

    @Override
    public void truncate(int size) {
      while (consts.size() > size) {
        constIndex.remove(new ConstKey(consts.remove(consts.size() - 1)));
      }
    }
  }

  private final Symtable symtable;
  /** Test-only: lay loops out exactly as CPython 3.11 (conditional backward jumps allowed). */
  private final boolean cpythonLayout;
  private final String filename;
  private final String[] sourceLines;
  private final List<Unit> stack = new ArrayList<>();
  private Unit u;

  private Compiler(Symtable symtable, String filename, String source, boolean cpythonLayout) {
    this.symtable = symtable;
    this.cpythonLayout = cpythonLayout;
    this.filename = filename;
    this.sourceLines = source == null ? new String[0] : source.split("\n", -1);
  }

  /**
   * Compiles a module. Errors CPython's symbol table or compiler would report (and constructs
   * Stitch does not support) come out as GuestSyntaxError with CPython 3.11's message and
   * position.
   */
  public static CodeUnit compile(Node.Mod module, String filename, String source)
      throws GuestSyntaxError {
    return compile(module, filename, source, false);
  }

  /**
   * With cpythonLayout, while loops test at the bottom and conditional jumps may go backward,
   * exactly as in CPython 3.11: only for comparing large programs with CPython in tests.
   */
  static CodeUnit compile(Node.Mod module, String filename, String source,
      boolean cpythonLayout) throws GuestSyntaxError {
    // Both passes recurse over the tree: run them on a thread whose stack fits any tree the
    // parser (which does the same) can build, whatever the caller's stack is.
    Object[] outcome = new Object[1];
    Thread worker = new Thread(null, () -> {
      try {
        Symtable st = Symtable.build(module, filename, source);
        outcome[0] = new Compiler(st, filename, source, cpythonLayout).compileModule(module);
      } catch (GuestSyntaxError | RuntimeException | Error e) {
        outcome[0] = e;
      }
    }, "stitch-compiler", STACK_BYTES);
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (outcome[0] instanceof GuestSyntaxError e) {
      throw e;
    }
    if (outcome[0] instanceof RuntimeException e) {
      throw e;
    }
    if (outcome[0] instanceof Error e) {
      throw e;
    }
    return (CodeUnit) outcome[0];
  }

  private CodeUnit compileModule(Node.Mod mod) throws GuestSyntaxError {
    enterScope("<module>", ScopeType.MODULE, mod, 1);
    compileBody(mod.body());
    CodeUnit co = assembleUnit(true);
    exitScope();
    return co;
  }

  // ---------------------------------------------------------------- errors

  private GuestSyntaxError error(String message, Node at) {
    int line = at.line();
    String text = line >= 1 && line <= sourceLines.length ? sourceLines[line - 1] : null;
    return new GuestSyntaxError("SyntaxError", message, filename, line, at.col() + 1, line, 0,
        text);
  }

  // ---------------------------------------------------------------- scopes and blocks

  private Block newBlockIn(Unit unit) {
    Block b = new Block();
    unit.blocks.add(b);
    return b;
  }

  private Block newBlock() {
    return newBlockIn(u);
  }

  private void useNextBlock(Block b) {
    u.cur.next = b;
    u.cur = b;
  }

  private void enterScope(String name, ScopeType type, Node node, int firstLine) {
    Symtable.Scope ste = symtable.scopeFor(node);
    Unit parent = u;
    Unit unit = new Unit(ste, type, name, firstLine);
    if (parent != null) {
      unit.privateName = parent.privateName;
      stack.add(parent);
    }
    u = unit;
    setQualname(parent);
  }

  private void exitScope() {
    u = stack.isEmpty() ? null : stack.remove(stack.size() - 1);
  }

  private void setQualname(Unit parent) {
    String base = null;
    if (parent != null && parent.scopeType != ScopeType.MODULE) {
      boolean forceGlobal = false;
      if (u.scopeType == ScopeType.FUNCTION || u.scopeType == ScopeType.CLASS) {
        String mangled = Symtable.mangle(parent.privateName, u.name);
        forceGlobal = parent.ste.scopeOf(mangled) == Symtable.GLOBAL_EXPLICIT;
      }
      if (!forceGlobal) {
        if (parent.scopeType == ScopeType.FUNCTION || parent.scopeType == ScopeType.LAMBDA) {
          base = parent.qualname + ".<locals>";
        } else {
          base = parent.qualname;
        }
      }
    }
    u.qualname = base != null ? base + "." + u.name : u.name;
  }

  private void setLoc(Node n) {
    u.line = n.line();
  }

  private void unsetLoc() {
    u.line = -1;
  }

  private void pushFblock(FbType t, Block b, Block exit, Object datum, Node at)
      throws GuestSyntaxError {
    if (u.fblocks.size() >= MAX_BLOCKS) {
      throw error("too many statically nested blocks", at);
    }
    u.fblocks.add(new FBlock(t, b, exit, datum));
  }

  private void popFblock() {
    u.fblocks.remove(u.fblocks.size() - 1);
  }

  // ---------------------------------------------------------------- emitting

  /** Instructions after a jump or an exit start a new block, as NEXT_BLOCK does in CPython. */
  private Block blockForAppend() {
    Instr last = u.cur.last();
    if (last != null && (last.isJump() || last.isScopeExit())) {
      useNextBlock(newBlock());
    }
    return u.cur;
  }

  private void addOp(Opcode op) {
    addOp(op, 0);
  }

  private void addOp(Opcode op, int arg) {
    blockForAppend().instrs.add(new Instr(op, arg, null, u.line));
  }

  private void addOpNoLine(Opcode op, int arg) {
    blockForAppend().instrs.add(new Instr(op, arg, null, -1));
  }

  private void addJump(Opcode op, Block target) {
    blockForAppend().instrs.add(new Instr(op, 0, target, u.line));
  }

  private void addJump(Pseudo op, Block target) {
    blockForAppend().instrs.add(new Instr(op, target, u.line));
  }

  private void addJumpNoLine(Pseudo op, Block target) {
    blockForAppend().instrs.add(new Instr(op, target, -1));
  }

  private void addPseudo(Pseudo op) {
    blockForAppend().instrs.add(new Instr(op, null, u.line));
  }

  private void loadConst(Object value) {
    addOp(Opcode.LOAD_CONST, u.add(value));
  }

  private int nameIndex(String name) {
    Integer i = u.names.get(name);
    if (i == null) {
      i = u.names.size();
      u.names.put(name, i);
    }
    return i;
  }

  private void addName(Opcode op, String name) {
    addOp(op, nameIndex(Symtable.mangle(u.privateName, name)));
  }

  private int varnameIndex(String name) {
    Integer i = u.varnames.get(name);
    if (i == null) {
      i = u.varnames.size();
      u.varnames.put(name, i);
    }
    return i;
  }

  /** Cell and free opargs are kept relative to the cells until assembly fixes nlocals. */
  private int derefIndex(String name, boolean cell) {
    if (cell) {
      int i = u.cellvars.indexOf(name);
      if (i < 0) {
        throw new IllegalStateException("no cell " + name + " in " + u.name);
      }
      return i;
    }
    int i = u.freevars.indexOf(name);
    if (i < 0) {
      throw new IllegalStateException("no free variable " + name + " in " + u.name);
    }
    return u.cellvars.size() + i;
  }

  private CodeUnit assembleUnit(boolean addNone) {
    Instr last = u.cur.last();
    if (last == null || !last.is(Opcode.RETURN_VALUE)) {
      unsetLoc();
      if (addNone) {
        addOpNoLine(Opcode.LOAD_CONST, u.add(null));
      }
      addOpNoLine(Opcode.RETURN_VALUE, 0);
    }
    int nlocals = u.varnames.size();
    for (Block b : u.blocks) {
      for (Instr i : b.instrs) {
        if (i.op == Opcode.LOAD_CLOSURE || i.op == Opcode.LOAD_DEREF
            || i.op == Opcode.STORE_DEREF || i.op == Opcode.DELETE_DEREF
            || i.op == Opcode.LOAD_CLASSDEREF) {
          i.arg += nlocals;
        }
      }
    }
    FlowGraph.Assembled a =
        new FlowGraph(u.entry, u.blocks, u, u.firstLine, cpythonLayout).assemble();
    int flags = 0;
    Symtable.Scope ste = u.ste;
    switch (u.scopeType) {
      case MODULE -> flags |= CodeFlags.MODULE;
      case CLASS -> flags |= CodeFlags.CLASS_BODY;
      default -> {
        flags |= CodeFlags.OPTIMIZED | CodeFlags.NEWLOCALS;
        if (ste.nested) {
          flags |= CodeFlags.NESTED;
        }
        if (ste.generator) {
          flags |= CodeFlags.GENERATOR;
        }
        if (ste.varargs) {
          flags |= CodeFlags.VARARGS;
        }
        if (ste.varkeywords) {
          flags |= CodeFlags.VARKEYWORDS;
        }
      }
    }
    return new CodeUnit(u.name, u.qualname, filename, u.firstLine, u.argcount,
        u.posonlyargcount, u.kwonlyargcount, flags,
        Collections.unmodifiableList(new ArrayList<>(u.consts)),
        List.copyOf(u.names.keySet()), List.copyOf(u.varnames.keySet()), List.copyOf(u.cellvars),
        List.copyOf(u.freevars), a.code(), a.lines(), List.copyOf(a.exceptionTable()),
        a.stacksize());
  }

  // ---------------------------------------------------------------- constant folding

  /**
   * The value of an expression CPython's AST optimizer turns into a constant (the subset Stitch
   * folds: literals, unary operators on them, tuples of constants, __debug__), or NOT_CONST.
   */
  private Object constValue(Expr e) throws GuestSyntaxError {
    if (e instanceof Node.Constant c) {
      if (c.value() instanceof byte[]) {
        throw error("bytes literals are not supported by Stitch", c);
      }
      return c.value();
    }
    if (e instanceof Node.Name n && n.ctx() == Ctx.LOAD && n.id().equals("__debug__")) {
      return Boolean.TRUE;
    }
    if (e instanceof Node.UnaryOp un) {
      Object v = constValue(un.operand());
      if (v == NOT_CONST) {
        return NOT_CONST;
      }
      return foldUnary(un.op(), v);
    }
    if (e instanceof Node.TupleExpr t && t.ctx() == Ctx.LOAD) {
      List<Object> items = new ArrayList<>(t.elts().size());
      for (Expr x : t.elts()) {
        Object v = x instanceof Node.Starred ? NOT_CONST : constValue(x);
        if (v == NOT_CONST) {
          return NOT_CONST;
        }
        items.add(v);
      }
      return new CodeUnit.ConstTuple(Collections.unmodifiableList(items));
    }
    return NOT_CONST;
  }

  private boolean isConst(Expr e) throws GuestSyntaxError {
    return constValue(e) != NOT_CONST;
  }

  private static Object normalizeInt(BigInteger b) {
    return b.bitLength() < 64 ? (Object) b.longValue() : b;
  }

  private static Object foldUnary(Node.UnaryOperator op, Object v) {
    if (op == Node.UnaryOperator.NOT) {
      return !truthy(v);
    }
    if (v instanceof Boolean b) {
      v = b ? 1L : 0L;
    }
    if (v instanceof Long l) {
      BigInteger b = BigInteger.valueOf(l);
      return switch (op) {
        case USUB -> normalizeInt(b.negate());
        case UADD -> l;
        case INVERT -> normalizeInt(b.not());
        default -> NOT_CONST;
      };
    }
    if (v instanceof BigInteger b) {
      return switch (op) {
        case USUB -> normalizeInt(b.negate());
        case UADD -> b;
        case INVERT -> normalizeInt(b.not());
        default -> NOT_CONST;
      };
    }
    if (v instanceof Double d) {
      return switch (op) {
        case USUB -> -d;
        case UADD -> d;
        default -> NOT_CONST;
      };
    }
    return NOT_CONST;
  }

  private static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof BigInteger b) {
      return b.signum() != 0;
    }
    if (v instanceof Double d) {
      return d != 0.0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof CodeUnit.ConstTuple t) {
      return !t.items().isEmpty();
    }
    return true;
  }

  /**
   * The rewrites of CPython's AST optimizer that change code shape: {@code not (a is b)} to
   * {@code a is not b} (also for in/not in), and a list display after {@code in} to a tuple.
   */
  private Expr simplify(Expr e) throws GuestSyntaxError {
    if (e instanceof Node.UnaryOp un && un.op() == Node.UnaryOperator.NOT) {
      Expr operand = simplify(un.operand());
      if (operand instanceof Node.Compare c && c.ops().size() == 1) {
        Node.CmpOperator inv = switch (c.ops().get(0)) {
          case IS -> Node.CmpOperator.IS_NOT;
          case IS_NOT -> Node.CmpOperator.IS;
          case IN -> Node.CmpOperator.NOT_IN;
          case NOT_IN -> Node.CmpOperator.IN;
          default -> null;
        };
        if (inv != null) {
          return new Node.Compare(c.left(), List.of(inv), c.comparators(), c.line(), c.col());
        }
      }
      if (operand != un.operand()) {
        return new Node.UnaryOp(un.op(), operand, un.line(), un.col());
      }
      return e;
    }
    if (e instanceof Node.Compare c) {
      int last = c.ops().size() - 1;
      Node.CmpOperator op = c.ops().get(last);
      if (op == Node.CmpOperator.IN || op == Node.CmpOperator.NOT_IN) {
        Expr it = c.comparators().get(last);
        Expr folded = foldIter(it);
        if (folded != it) {
          List<Expr> comps = new ArrayList<>(c.comparators());
          comps.set(last, folded);
          return new Node.Compare(c.left(), c.ops(), comps, c.line(), c.col());
        }
      }
    }
    return e;
  }

  /** A list display that is only iterated becomes a tuple (a constant one when it can). */
  private static Expr foldIter(Expr e) {
    if (e instanceof Node.ListExpr l) {
      for (Expr x : l.elts()) {
        if (x instanceof Node.Starred) {
          return e;
        }
      }
      return new Node.TupleExpr(l.elts(), l.ctx(), l.line(), l.col());
    }
    return e;
  }

  // ---------------------------------------------------------------- statements

  private static String docstring(List<Stmt> body) {
    if (!body.isEmpty() && body.get(0) instanceof Node.ExprStmt es
        && es.value() instanceof Node.Constant c && c.value() instanceof String s) {
      return s;
    }
    return null;
  }

  private void compileBody(List<Stmt> stmts) throws GuestSyntaxError {
    if (u.scopeType == ScopeType.MODULE && !stmts.isEmpty()) {
      setLoc(stmts.get(0));
    }
    if (stmts.isEmpty()) {
      return;
    }
    int i = 0;
    if (docstring(stmts) != null) {
      i = 1;
      visitExpr(((Node.ExprStmt) stmts.get(0)).value());
      unsetLoc();
      nameOp("__doc__", Ctx.STORE, stmts.get(0));
    }
    for (; i < stmts.size(); i++) {
      visitStmt(stmts.get(i));
    }
  }

  private void visitStmts(List<Stmt> stmts) throws GuestSyntaxError {
    for (Stmt s : stmts) {
      visitStmt(s);
    }
  }

  private void visitStmt(Stmt s) throws GuestSyntaxError {
    setLoc(s);
    if (s instanceof Node.FunctionDef f) {
      compileFunction(f);
    } else if (s instanceof Node.ClassDef c) {
      compileClass(c);
    } else if (s instanceof Node.Return r) {
      compileReturn(r);
    } else if (s instanceof Node.Delete d) {
      for (Expr t : d.targets()) {
        visitDelTarget(t);
      }
    } else if (s instanceof Node.Assign a) {
      visitExpr(a.value());
      int n = a.targets().size();
      for (int i = 0; i < n; i++) {
        if (i < n - 1) {
          addOp(Opcode.COPY, 1);
        }
        visitTarget(a.targets().get(i));
      }
    } else if (s instanceof Node.AugAssign a) {
      compileAugAssign(a);
    } else if (s instanceof Node.AnnAssign a) {
      compileAnnAssign(a);
    } else if (s instanceof Node.For f) {
      compileFor(f);
    } else if (s instanceof Node.While w) {
      compileWhile(w);
    } else if (s instanceof Node.If i) {
      compileIf(i);
    } else if (s instanceof Node.With w) {
      compileWith(w, 0);
    } else if (s instanceof Node.Raise r) {
      int n = 0;
      if (r.exc() != null) {
        visitExpr(r.exc());
        n++;
        if (r.cause() != null) {
          visitExpr(r.cause());
          n++;
        }
      }
      addOp(Opcode.RAISE_VARARGS, n);
    } else if (s instanceof Node.Try t) {
      if (!t.finalbody().isEmpty()) {
        compileTryFinally(t);
      } else {
        compileTryExcept(t);
      }
    } else if (s instanceof Node.Assert a) {
      compileAssert(a);
    } else if (s instanceof Node.Import imp) {
      compileImport(imp);
    } else if (s instanceof Node.ImportFrom imp) {
      compileImportFrom(imp);
    } else if (s instanceof Node.Global || s instanceof Node.Nonlocal) {
      // declarations only: the symbol table did the work
    } else if (s instanceof Node.ExprStmt es) {
      if (isConst(es.value())) {
        addOp(Opcode.NOP);
      } else {
        visitExpr(es.value());
        unsetLoc();
        addOp(Opcode.POP_TOP);
      }
    } else if (s instanceof Node.Pass) {
      addOp(Opcode.NOP);
    } else if (s instanceof Node.Break b) {
      compileBreak(b);
    } else if (s instanceof Node.Continue c) {
      compileContinue(c);
    } else {
      throw error(s.getClass().getSimpleName() + " is not supported by Stitch", s);
    }
  }

  private void checkDebugArgs(Node.Arguments args) throws GuestSyntaxError {
    List<Node.Arg> all = new ArrayList<>(args.posonlyargs());
    all.addAll(args.args());
    if (args.vararg() != null) {
      all.add(args.vararg());
    }
    all.addAll(args.kwonlyargs());
    if (args.kwarg() != null) {
      all.add(args.kwarg());
    }
    for (Node.Arg a : all) {
      if (a.arg().equals("__debug__")) {
        throw error("cannot assign to __debug__", a);
      }
    }
  }

  /** Pushes the defaults tuple and kw-defaults dict; returns the MAKE_FUNCTION flags. */
  private int defaultArguments(Node.Arguments args) throws GuestSyntaxError {
    int flags = 0;
    if (!args.defaults().isEmpty()) {
      for (Expr d : args.defaults()) {
        visitExpr(d);
      }
      addOp(Opcode.BUILD_TUPLE, args.defaults().size());
      flags |= 0x01;
    }
    List<Object> keys = new ArrayList<>();
    for (int i = 0; i < args.kwonlyargs().size(); i++) {
      Expr d = i < args.kwDefaults().size() ? args.kwDefaults().get(i) : null;
      if (d != null) {
        keys.add(Symtable.mangle(u.privateName, args.kwonlyargs().get(i).arg()));
        visitExpr(d);
      }
    }
    if (!keys.isEmpty()) {
      loadConst(new CodeUnit.ConstTuple(Collections.unmodifiableList(keys)));
      addOp(Opcode.BUILD_CONST_KEY_MAP, keys.size());
      flags |= 0x02;
    }
    return flags;
  }

  private void makeClosure(CodeUnit co, int flags) {
    if (!co.freevars().isEmpty()) {
      for (String name : co.freevars()) {
        int reftype;
        if (u.scopeType == ScopeType.CLASS && name.equals("__class__")) {
          reftype = Symtable.CELL;
        } else {
          reftype = u.ste.scopeOf(name);
        }
        addOp(Opcode.LOAD_CLOSURE, derefIndex(name, reftype == Symtable.CELL));
      }
      flags |= 0x08;
      addOp(Opcode.BUILD_TUPLE, co.freevars().size());
    }
    loadConst(co);
    addOp(Opcode.MAKE_FUNCTION, flags);
  }

  private void applyDecorators(List<Expr> decorators) {
    int savedLine = u.line;
    for (int i = decorators.size() - 1; i >= 0; i--) {
      setLoc(decorators.get(i));
      addOp(Opcode.CALL, 0);
    }
    u.line = savedLine;
  }

  private void compileFunction(Node.FunctionDef s) throws GuestSyntaxError {
    checkDebugArgs(s.args());
    for (Expr d : s.decorators()) {
      visitExpr(d);
    }
    int firstLine = s.decorators().isEmpty() ? s.line() : s.decorators().get(0).line();
    int flags = defaultArguments(s.args());
    enterScope(s.name(), ScopeType.FUNCTION, s, firstLine);
    String doc = docstring(s.body());
    u.add(doc);
    u.argcount = s.args().posonlyargs().size() + s.args().args().size();
    u.posonlyargcount = s.args().posonlyargs().size();
    u.kwonlyargcount = s.args().kwonlyargs().size();
    for (int i = doc != null ? 1 : 0; i < s.body().size(); i++) {
      visitStmt(s.body().get(i));
    }
    CodeUnit co = assembleUnit(true);
    exitScope();
    makeClosure(co, flags);
    applyDecorators(s.decorators());
    nameOp(s.name(), Ctx.STORE, s);
  }

  private void compileClass(Node.ClassDef s) throws GuestSyntaxError {
    for (Expr d : s.decorators()) {
      visitExpr(d);
    }
    int firstLine = s.decorators().isEmpty() ? s.line() : s.decorators().get(0).line();
    enterScope(s.name(), ScopeType.CLASS, s, firstLine);
    u.privateName = s.name();
    nameOp("__name__", Ctx.LOAD, s);
    nameOp("__module__", Ctx.STORE, s);
    loadConst(u.qualname);
    nameOp("__qualname__", Ctx.STORE, s);
    compileBody(s.body());
    unsetLoc();
    if (u.ste.needsClassClosure) {
      addOp(Opcode.LOAD_CLOSURE, derefIndex("__class__", true));
      addOp(Opcode.COPY, 1);
      nameOp("__classcell__", Ctx.STORE, s);
    } else {
      loadConst(null);
    }
    addOp(Opcode.RETURN_VALUE);
    CodeUnit co = assembleUnit(true);
    exitScope();
    addOp(Opcode.PUSH_NULL);
    addOp(Opcode.LOAD_BUILD_CLASS);
    makeClosure(co, 0);
    loadConst(s.name());
    callHelper(2, s.bases(), s.keywords());
    applyDecorators(s.decorators());
    nameOp(s.name(), Ctx.STORE, s);
  }

  private void compileReturn(Node.Return s) throws GuestSyntaxError {
    Expr value = s.value();
    boolean preserveTos = value != null && !isConst(value);
    if (!u.ste.isFunction()) {
      throw error("'return' outside function", s);
    }
    if (preserveTos) {
      visitExpr(value);
    } else if (value != null) {
      setLoc(value);
      addOp(Opcode.NOP);
    }
    if (value == null || value.line() != s.line()) {
      setLoc(s);
      addOp(Opcode.NOP);
    }
    unwindFblockStack(preserveTos, false, s);
    if (value == null) {
      loadConst(null);
    } else if (!preserveTos) {
      loadConst(constValue(value));
    }
    addOp(Opcode.RETURN_VALUE);
  }

  private void compileBreak(Node.Break s) throws GuestSyntaxError {
    addOp(Opcode.NOP);
    FBlock loop = unwindFblockStack(false, true, s);
    if (loop == null) {
      throw error("'break' outside loop", s);
    }
    unwindFblock(loop, false, s);
    addJump(Pseudo.JUMP, loop.exit());
  }

  private void compileContinue(Node.Continue s) throws GuestSyntaxError {
    addOp(Opcode.NOP);
    FBlock loop = unwindFblockStack(false, true, s);
    if (loop == null) {
      throw error("'continue' not properly in loop", s);
    }
    addJump(Pseudo.JUMP, loop.block());
  }

  /**
   * Emits the cleanup of every enclosing block up to the innermost loop (when wantLoop) or all
   * of them (return): finally bodies are duplicated on this path, iterators popped, with-exits
   * called, handled exceptions popped.
   */
  private FBlock unwindFblockStack(boolean preserveTos, boolean wantLoop, Node at)
      throws GuestSyntaxError {
    if (u.fblocks.isEmpty()) {
      return null;
    }
    FBlock top = u.fblocks.get(u.fblocks.size() - 1);
    if (wantLoop && (top.type() == FbType.WHILE_LOOP || top.type() == FbType.FOR_LOOP)) {
      return top;
    }
    u.fblocks.remove(u.fblocks.size() - 1);
    unwindFblock(top, preserveTos, at);
    FBlock loop = unwindFblockStack(preserveTos, wantLoop, at);
    u.fblocks.add(top);
    return loop;
  }

  @SuppressWarnings("unchecked")
  private void unwindFblock(FBlock info, boolean preserveTos, Node at) throws GuestSyntaxError {
    switch (info.type()) {
      case WHILE_LOOP, EXCEPTION_HANDLER -> { }
      case FOR_LOOP -> {
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        addOp(Opcode.POP_TOP);
      }
      case TRY_EXCEPT -> addPseudo(Pseudo.POP_BLOCK);
      case FINALLY_TRY -> {
        addPseudo(Pseudo.POP_BLOCK);
        if (preserveTos) {
          pushFblock(FbType.POP_VALUE, null, null, null, at);
        }
        visitStmts((List<Stmt>) info.datum());
        if (preserveTos) {
          popFblock();
        }
        unsetLoc();
      }
      case FINALLY_END -> {
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        addOp(Opcode.POP_TOP);
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        addPseudo(Pseudo.POP_BLOCK);
        addOp(Opcode.POP_EXCEPT);
      }
      case WITH -> {
        setLoc((Node) info.datum());
        addPseudo(Pseudo.POP_BLOCK);
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        callExitWithNones();
        addOp(Opcode.POP_TOP);
        unsetLoc();
      }
      case HANDLER_CLEANUP -> {
        String name = (String) info.datum();
        if (name != null) {
          addPseudo(Pseudo.POP_BLOCK);
        }
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        addPseudo(Pseudo.POP_BLOCK);
        addOp(Opcode.POP_EXCEPT);
        if (name != null) {
          loadConst(null);
          nameOp(name, Ctx.STORE, at);
          nameOp(name, Ctx.DEL, at);
        }
      }
      case POP_VALUE -> {
        if (preserveTos) {
          addOp(Opcode.SWAP, 2);
        }
        addOp(Opcode.POP_TOP);
      }
      default -> throw new IllegalStateException();
    }
  }

  private void callExitWithNones() {
    loadConst(null);
    loadConst(null);
    loadConst(null);
    addOp(Opcode.CALL, 2);
  }

  private void compileFor(Node.For s) throws GuestSyntaxError {
    Block start = newBlock();
    Block body = newBlock();
    Block cleanup = newBlock();
    Block end = newBlock();
    pushFblock(FbType.FOR_LOOP, start, end, null, s);
    visitExpr(foldIter(s.iter()));
    addOp(Opcode.GET_ITER);
    useNextBlock(start);
    addJump(Opcode.FOR_ITER, cleanup);
    useNextBlock(body);
    visitTarget(s.target());
    visitStmts(s.body());
    unsetLoc();
    addJump(Pseudo.JUMP, start);
    useNextBlock(cleanup);
    popFblock();
    visitStmts(s.orelse());
    useNextBlock(end);
  }

  private void compileWhile(Node.While s) throws GuestSyntaxError {
    Block loop = newBlock();
    Block body = newBlock();
    Block anchor = newBlock();
    Block end = newBlock();
    useNextBlock(loop);
    pushFblock(FbType.WHILE_LOOP, loop, end, null, s);
    jumpIf(s.test(), anchor, false);
    useNextBlock(body);
    visitStmts(s.body());
    if (cpythonLayout) {
      setLoc(s);
      jumpIf(s.test(), body, true);
    } else {
      unsetLoc();
      addJump(Pseudo.JUMP, loop);
    }
    popFblock();
    useNextBlock(anchor);
    visitStmts(s.orelse());
    useNextBlock(end);
  }

  private void compileIf(Node.If s) throws GuestSyntaxError {
    Block end = newBlock();
    Block next = s.orelse().isEmpty() ? end : newBlock();
    jumpIf(s.test(), next, false);
    visitStmts(s.body());
    if (!s.orelse().isEmpty()) {
      addJumpNoLine(Pseudo.JUMP, end);
      useNextBlock(next);
      visitStmts(s.orelse());
    }
    useNextBlock(end);
  }

  private void compileAssert(Node.Assert s) throws GuestSyntaxError {
    Block end = newBlock();
    jumpIf(s.test(), end, true);
    addOp(Opcode.LOAD_ASSERTION_ERROR);
    if (s.msg() != null) {
      visitExpr(s.msg());
      addOp(Opcode.CALL, 0);
    }
    addOp(Opcode.RAISE_VARARGS, 1);
    useNextBlock(end);
  }

  private void popExceptAndReraise() {
    addOp(Opcode.COPY, 3);
    addOp(Opcode.POP_EXCEPT);
    addOp(Opcode.RERAISE, 1);
  }

  private void compileTryFinally(Node.Try s) throws GuestSyntaxError {
    Block body = newBlock();
    Block end = newBlock();
    Block exit = newBlock();
    Block cleanup = newBlock();
    addJump(Pseudo.SETUP_FINALLY, end);
    useNextBlock(body);
    pushFblock(FbType.FINALLY_TRY, body, end, s.finalbody(), s);
    if (!s.handlers().isEmpty()) {
      compileTryExcept(s);
    } else {
      visitStmts(s.body());
    }
    blockForAppend().instrs.add(new Instr(Pseudo.POP_BLOCK, null, -1));
    popFblock();
    visitStmts(s.finalbody());
    addJumpNoLine(Pseudo.JUMP, exit);
    useNextBlock(end);
    unsetLoc();
    addJump(Pseudo.SETUP_CLEANUP, cleanup);
    addOp(Opcode.PUSH_EXC_INFO);
    pushFblock(FbType.FINALLY_END, end, null, null, s);
    visitStmts(s.finalbody());
    popFblock();
    addOp(Opcode.RERAISE, 0);
    useNextBlock(cleanup);
    popExceptAndReraise();
    useNextBlock(exit);
  }

  private void compileTryExcept(Node.Try s) throws GuestSyntaxError {
    Block body = newBlock();
    Block except = newBlock();
    Block end = newBlock();
    Block cleanup = newBlock();
    addJump(Pseudo.SETUP_FINALLY, except);
    useNextBlock(body);
    pushFblock(FbType.TRY_EXCEPT, body, null, null, s);
    visitStmts(s.body());
    popFblock();
    blockForAppend().instrs.add(new Instr(Pseudo.POP_BLOCK, null, -1));
    visitStmts(s.orelse());
    addJumpNoLine(Pseudo.JUMP, end);
    int n = s.handlers().size();
    useNextBlock(except);
    unsetLoc();
    addJump(Pseudo.SETUP_CLEANUP, cleanup);
    addOp(Opcode.PUSH_EXC_INFO);
    pushFblock(FbType.EXCEPTION_HANDLER, null, null, null, s);
    for (int i = 0; i < n; i++) {
      Node.ExceptHandler handler = s.handlers().get(i);
      setLoc(handler);
      if (handler.type() == null && i < n - 1) {
        throw error("default 'except:' must be last", handler);
      }
      except = newBlock();
      if (handler.type() != null) {
        visitExpr(handler.type());
        addOp(Opcode.CHECK_EXC_MATCH);
        addJump(Opcode.POP_JUMP_IF_FALSE, except);
      }
      if (handler.name() != null) {
        Block cleanupEnd = newBlock();
        Block cleanupBody = newBlock();
        nameOp(handler.name(), Ctx.STORE, handler);
        // The handler body runs inside an implicit try/finally that unbinds the name.
        addJump(Pseudo.SETUP_CLEANUP, cleanupEnd);
        useNextBlock(cleanupBody);
        pushFblock(FbType.HANDLER_CLEANUP, cleanupBody, null, handler.name(), handler);
        visitStmts(handler.body());
        popFblock();
        unsetLoc();
        addPseudo(Pseudo.POP_BLOCK);
        addPseudo(Pseudo.POP_BLOCK);
        addOp(Opcode.POP_EXCEPT);
        loadConst(null);
        nameOp(handler.name(), Ctx.STORE, handler);
        nameOp(handler.name(), Ctx.DEL, handler);
        addJump(Pseudo.JUMP, end);
        useNextBlock(cleanupEnd);
        unsetLoc();
        loadConst(null);
        nameOp(handler.name(), Ctx.STORE, handler);
        nameOp(handler.name(), Ctx.DEL, handler);
        addOp(Opcode.RERAISE, 1);
      } else {
        Block cleanupBody = newBlock();
        addOp(Opcode.POP_TOP);
        useNextBlock(cleanupBody);
        pushFblock(FbType.HANDLER_CLEANUP, cleanupBody, null, null, handler);
        visitStmts(handler.body());
        popFblock();
        unsetLoc();
        addPseudo(Pseudo.POP_BLOCK);
        addOp(Opcode.POP_EXCEPT);
        addJump(Pseudo.JUMP, end);
      }
      useNextBlock(except);
    }
    unsetLoc();
    popFblock();
    addOp(Opcode.RERAISE, 0);
    useNextBlock(cleanup);
    popExceptAndReraise();
    useNextBlock(end);
  }

  private void compileWith(Node.With s, int pos) throws GuestSyntaxError {
    Node.WithItem item = s.items().get(pos);
    Block body = newBlock();
    Block fin = newBlock();
    Block exit = newBlock();
    Block cleanup = newBlock();
    visitExpr(item.contextExpr());
    addOp(Opcode.BEFORE_WITH);
    addJump(Pseudo.SETUP_WITH, fin);
    useNextBlock(body);
    pushFblock(FbType.WITH, body, fin, s, s);
    if (item.optionalVars() != null) {
      visitTarget(item.optionalVars());
    } else {
      addOp(Opcode.POP_TOP);
    }
    if (pos + 1 == s.items().size()) {
      visitStmts(s.body());
    } else {
      compileWith(s, pos + 1);
    }
    unsetLoc();
    addPseudo(Pseudo.POP_BLOCK);
    popFblock();
    setLoc(s);
    callExitWithNones();
    addOp(Opcode.POP_TOP);
    addJump(Pseudo.JUMP, exit);
    useNextBlock(fin);
    addJump(Pseudo.SETUP_CLEANUP, cleanup);
    addOp(Opcode.PUSH_EXC_INFO);
    addOp(Opcode.WITH_EXCEPT_START);
    unsetLoc();
    Block suppress = newBlock();
    addJump(Opcode.POP_JUMP_IF_TRUE, suppress);
    addOp(Opcode.RERAISE, 2);
    useNextBlock(cleanup);
    popExceptAndReraise();
    useNextBlock(suppress);
    addOp(Opcode.POP_TOP);
    addPseudo(Pseudo.POP_BLOCK);
    addOp(Opcode.POP_EXCEPT);
    addOp(Opcode.POP_TOP);
    addOp(Opcode.POP_TOP);
    useNextBlock(exit);
  }

  private void compileImport(Node.Import s) throws GuestSyntaxError {
    for (Node.Alias alias : s.names()) {
      loadConst(0L);
      loadConst(null);
      addName(Opcode.IMPORT_NAME, alias.name());
      if (alias.asname() != null) {
        importAs(alias.name(), alias.asname(), alias);
      } else {
        int dot = alias.name().indexOf('.');
        String store = dot >= 0 ? alias.name().substring(0, dot) : alias.name();
        nameOp(store, Ctx.STORE, alias);
      }
    }
  }

  private void importAs(String name, String asname, Node at) throws GuestSyntaxError {
    int dot = name.indexOf('.');
    if (dot >= 0) {
      // import a.b.c as d binds the submodule found by attribute steps from the top package.
      while (true) {
        int pos = dot + 1;
        dot = name.indexOf('.', pos);
        String attr = name.substring(pos, dot >= 0 ? dot : name.length());
        addOp(Opcode.IMPORT_FROM, nameIndex(attr));
        if (dot < 0) {
          break;
        }
        addOp(Opcode.SWAP, 2);
        addOp(Opcode.POP_TOP);
      }
      nameOp(asname, Ctx.STORE, at);
      addOp(Opcode.POP_TOP);
      return;
    }
    nameOp(asname, Ctx.STORE, at);
  }

  private void compileImportFrom(Node.ImportFrom s) throws GuestSyntaxError {
    loadConst((long) s.level());
    List<Object> names = new ArrayList<>();
    for (Node.Alias a : s.names()) {
      names.add(a.name());
    }
    loadConst(new CodeUnit.ConstTuple(Collections.unmodifiableList(names)));
    addName(Opcode.IMPORT_NAME, s.module() != null ? s.module() : "");
    for (int i = 0; i < s.names().size(); i++) {
      Node.Alias alias = s.names().get(i);
      if (i == 0 && alias.name().equals("*")) {
        addOp(Opcode.IMPORT_STAR);
        return;
      }
      addName(Opcode.IMPORT_FROM, alias.name());
      nameOp(alias.asname() != null ? alias.asname() : alias.name(), Ctx.STORE, alias);
    }
    addOp(Opcode.POP_TOP);
  }

  private void compileAugAssign(Node.AugAssign s) throws GuestSyntaxError {
    Expr e = s.target();
    int savedLine = u.line;
    setLoc(e);
    if (e instanceof Node.Attribute a) {
      visitExpr(a.value());
      addOp(Opcode.COPY, 1);
      addName(Opcode.LOAD_ATTR, a.attr());
    } else if (e instanceof Node.Subscript sub) {
      visitExpr(sub.value());
      visitExpr(sub.slice());
      addOp(Opcode.COPY, 2);
      addOp(Opcode.COPY, 2);
      addOp(Opcode.BINARY_SUBSCR);
    } else if (e instanceof Node.Name n) {
      nameOp(n.id(), Ctx.LOAD, n);
    } else {
      throw error("'" + exprName(e) + "' is an illegal expression for augmented assignment", e);
    }
    u.line = savedLine;
    visitExpr(s.value());
    addOp(Opcode.BINARY_OP, binaryOp(s.op()) + BinaryOp.INPLACE);
    setLoc(e);
    if (e instanceof Node.Attribute a) {
      addOp(Opcode.SWAP, 2);
      addName(Opcode.STORE_ATTR, a.attr());
    } else if (e instanceof Node.Subscript) {
      addOp(Opcode.SWAP, 3);
      addOp(Opcode.SWAP, 2);
      addOp(Opcode.STORE_SUBSCR);
    } else {
      nameOp(((Node.Name) e).id(), Ctx.STORE, e);
    }
  }

  private void compileAnnAssign(Node.AnnAssign s) throws GuestSyntaxError {
    // Annotations are neither evaluated nor stored by Stitch; only the assignment happens.
    Expr t = s.target();
    if (s.value() != null) {
      visitExpr(s.value());
      visitTarget(t);
      return;
    }
    if (t instanceof Node.Name n) {
      if (n.id().equals("__debug__")) {
        throw error("cannot assign to __debug__", n);
      }
    } else if (t instanceof Node.Attribute a) {
      visitExpr(a.value());
      addOp(Opcode.POP_TOP);
    } else if (t instanceof Node.Subscript sub) {
      visitExpr(sub.value());
      addOp(Opcode.POP_TOP);
      annSubscriptCheck(sub.slice());
    } else {
      throw error("illegal target for annotation", t);
    }
  }

  private void annSubscriptCheck(Expr e) throws GuestSyntaxError {
    if (e instanceof Node.Slice sl) {
      for (Expr part : new Expr[] {sl.lower(), sl.upper(), sl.step()}) {
        if (part != null) {
          visitExpr(part);
          addOp(Opcode.POP_TOP);
        }
      }
    } else if (e instanceof Node.TupleExpr t) {
      for (Expr x : t.elts()) {
        annSubscriptCheck(x);
      }
    } else {
      visitExpr(e);
      addOp(Opcode.POP_TOP);
    }
  }

  // ---------------------------------------------------------------- targets

  private static String exprName(Expr e) {
    return ExprDescriptions.describe(e);
  }

  private static boolean isStorable(Expr e) {
    return e instanceof Node.Name || e instanceof Node.Attribute || e instanceof Node.Subscript
        || e instanceof Node.Starred || e instanceof Node.ListExpr
        || e instanceof Node.TupleExpr;
  }

  /** Compiles the store into an assignment target (value on TOS). */
  private void visitTarget(Expr t) throws GuestSyntaxError {
    if (!isStorable(t)) {
      throw error("cannot assign to " + exprName(t), t);
    }
    visitExpr(t);
  }

  private void visitDelTarget(Expr t) throws GuestSyntaxError {
    if (!(t instanceof Node.Name || t instanceof Node.Attribute || t instanceof Node.Subscript
        || t instanceof Node.ListExpr || t instanceof Node.TupleExpr)) {
      throw error("cannot delete " + exprName(t), t);
    }
    visitExpr(t);
  }

  private void nameOp(String name, Ctx ctx, Node at) throws GuestSyntaxError {
    if (name.equals("__debug__") && ctx != Ctx.LOAD) {
      throw error(ctx == Ctx.DEL ? "cannot delete __debug__" : "cannot assign to __debug__", at);
    }
    String mangled = Symtable.mangle(u.privateName, name);
    int scope = u.ste.scopeOf(mangled);
    boolean function = u.ste.isFunction();
    enum Kind { FAST, GLOBAL, DEREF, NAME }
    Kind kind = Kind.NAME;
    boolean cell = false;
    switch (scope) {
      case Symtable.FREE -> kind = Kind.DEREF;
      case Symtable.CELL -> {
        kind = Kind.DEREF;
        cell = true;
      }
      case Symtable.LOCAL -> kind = function ? Kind.FAST : Kind.NAME;
      case Symtable.GLOBAL_IMPLICIT -> kind = function ? Kind.GLOBAL : Kind.NAME;
      case Symtable.GLOBAL_EXPLICIT -> kind = Kind.GLOBAL;
      default -> { }
    }
    switch (kind) {
      case DEREF -> addOp(byCtx(ctx,
              u.ste.kind == Symtable.Kind.CLASS ? Opcode.LOAD_CLASSDEREF : Opcode.LOAD_DEREF,
              Opcode.STORE_DEREF, Opcode.DELETE_DEREF),
          derefIndex(mangled, cell));
      case FAST -> addOp(byCtx(ctx, Opcode.LOAD_FAST, Opcode.STORE_FAST, Opcode.DELETE_FAST),
          varnameIndex(mangled));
      case GLOBAL -> addOp(
          byCtx(ctx, Opcode.LOAD_GLOBAL, Opcode.STORE_GLOBAL, Opcode.DELETE_GLOBAL),
          nameIndex(mangled));
      case NAME -> addOp(byCtx(ctx, Opcode.LOAD_NAME, Opcode.STORE_NAME, Opcode.DELETE_NAME),
          nameIndex(mangled));
      default -> throw new IllegalStateException();
    }
  }

  /** The one of a load/store/delete opcode family that {@code ctx} calls for. */
  private static Opcode byCtx(Ctx ctx, Opcode load, Opcode store, Opcode del) {
    return switch (ctx) {
      case LOAD -> load;
      case STORE -> store;
      case DEL -> del;
    };
  }

  // ---------------------------------------------------------------- expressions

  private void visitExpr(Expr e) throws GuestSyntaxError {
    int savedLine = u.line;
    setLoc(e);
    visitExpr1(e);
    u.line = savedLine;
  }

  private static int binaryOp(Node.Operator op) {
    return switch (op) {
      case ADD -> BinaryOp.ADD;
      case SUB -> BinaryOp.SUBTRACT;
      case MULT -> BinaryOp.MULTIPLY;
      case MATMULT -> BinaryOp.MATRIX_MULTIPLY;
      case DIV -> BinaryOp.TRUE_DIVIDE;
      case MOD -> BinaryOp.REMAINDER;
      case POW -> BinaryOp.POWER;
      case LSHIFT -> BinaryOp.LSHIFT;
      case RSHIFT -> BinaryOp.RSHIFT;
      case BITOR -> BinaryOp.OR;
      case BITXOR -> BinaryOp.XOR;
      case BITAND -> BinaryOp.AND;
      case FLOORDIV -> BinaryOp.FLOOR_DIVIDE;
    };
  }

  private void visitExpr1(Expr e0) throws GuestSyntaxError {
    Expr e = simplify(e0);
    if (!(e instanceof Node.Constant)) {
      Object folded = constValue(e);
      if (folded != NOT_CONST) {
        loadConst(folded);
        return;
      }
    }
    if (e instanceof Node.Constant c) {
      loadConst(constValue(c));
    } else if (e instanceof Node.BoolOp b) {
      compileBoolOp(b);
    } else if (e instanceof Node.NamedExpr n) {
      visitExpr(n.value());
      addOp(Opcode.COPY, 1);
      visitTarget(n.target());
    } else if (e instanceof Node.BinOp b) {
      visitExpr(b.left());
      visitExpr(b.right());
      addOp(Opcode.BINARY_OP, binaryOp(b.op()));
    } else if (e instanceof Node.UnaryOp un) {
      visitExpr(un.operand());
      addOp(switch (un.op()) {
        case INVERT -> Opcode.UNARY_INVERT;
        case NOT -> Opcode.UNARY_NOT;
        case UADD -> Opcode.UNARY_POSITIVE;
        case USUB -> Opcode.UNARY_NEGATIVE;
      });
    } else if (e instanceof Node.Lambda l) {
      compileLambda(l);
    } else if (e instanceof Node.IfExp i) {
      Block end = newBlock();
      Block next = newBlock();
      jumpIf(i.test(), next, false);
      visitExpr(i.body());
      addJumpNoLine(Pseudo.JUMP, end);
      useNextBlock(next);
      visitExpr(i.orelse());
      useNextBlock(end);
    } else if (e instanceof Node.DictExpr d) {
      compileDict(d);
    } else if (e instanceof Node.SetExpr s) {
      starunpackHelper(s.elts(), 0, Opcode.BUILD_SET, Opcode.SET_ADD, Opcode.SET_UPDATE, false);
    } else if (e instanceof Node.ListComp c) {
      compileComprehension(e, CompKind.LIST, "<listcomp>", c.generators(), c.elt(), null);
    } else if (e instanceof Node.SetComp c) {
      compileComprehension(e, CompKind.SET, "<setcomp>", c.generators(), c.elt(), null);
    } else if (e instanceof Node.DictComp c) {
      compileComprehension(e, CompKind.DICT, "<dictcomp>", c.generators(), c.key(), c.value());
    } else if (e instanceof Node.GeneratorExp c) {
      compileComprehension(e, CompKind.GENEXP, "<genexpr>", c.generators(), c.elt(), null);
    } else if (e instanceof Node.Yield y) {
      if (!u.ste.isFunction()) {
        throw error("'yield' outside function", e);
      }
      if (y.value() != null) {
        visitExpr(y.value());
      } else {
        loadConst(null);
      }
      addOp(Opcode.YIELD_VALUE);
    } else if (e instanceof Node.YieldFrom y) {
      if (!u.ste.isFunction()) {
        throw error("'yield' outside function", e);
      }
      visitExpr(y.value());
      addOp(Opcode.GET_YIELD_FROM_ITER);
      loadConst(null);
      addYieldFrom();
    } else if (e instanceof Node.Compare c) {
      compileCompare(c);
    } else if (e instanceof Node.Call c) {
      compileCall(c);
    } else if (e instanceof Node.FormattedValue f) {
      compileFormattedValue(f);
    } else if (e instanceof Node.JoinedStr j) {
      compileJoinedStr(j);
    } else if (e instanceof Node.Attribute a) {
      visitExpr(a.value());
      switch (a.ctx()) {
        case LOAD -> addName(Opcode.LOAD_ATTR, a.attr());
        case STORE -> {
          if (a.attr().equals("__debug__")) {
            throw error("cannot assign to __debug__", a);
          }
          addName(Opcode.STORE_ATTR, a.attr());
        }
        case DEL -> addName(Opcode.DELETE_ATTR, a.attr());
        default -> throw new IllegalStateException();
      }
    } else if (e instanceof Node.Subscript s) {
      visitExpr(s.value());
      visitExpr(s.slice());
      addOp(switch (s.ctx()) {
        case LOAD -> Opcode.BINARY_SUBSCR;
        case STORE -> Opcode.STORE_SUBSCR;
        case DEL -> Opcode.DELETE_SUBSCR;
      });
    } else if (e instanceof Node.Starred s) {
      if (s.ctx() == Ctx.STORE) {
        throw error("starred assignment target must be in a list or tuple", s);
      }
      throw error("can't use starred expression here", s);
    } else if (e instanceof Node.Name n) {
      nameOp(n.id(), n.ctx(), n);
    } else if (e instanceof Node.ListExpr l) {
      switch (l.ctx()) {
        case STORE -> assignmentHelper(l.elts(), l);
        case LOAD -> starunpackHelper(l.elts(), 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND,
            Opcode.LIST_EXTEND, false);
        default -> {
          for (Expr x : l.elts()) {
            visitDelTarget(x);
          }
        }
      }
    } else if (e instanceof Node.TupleExpr t) {
      switch (t.ctx()) {
        case STORE -> assignmentHelper(t.elts(), t);
        case LOAD -> starunpackHelper(t.elts(), 0, Opcode.BUILD_LIST, Opcode.LIST_APPEND,
            Opcode.LIST_EXTEND, true);
        default -> {
          for (Expr x : t.elts()) {
            visitDelTarget(x);
          }
        }
      }
    } else if (e instanceof Node.Slice s) {
      int n = 2;
      if (s.lower() != null) {
        visitExpr(s.lower());
      } else {
        loadConst(null);
      }
      if (s.upper() != null) {
        visitExpr(s.upper());
      } else {
        loadConst(null);
      }
      if (s.step() != null) {
        n++;
        visitExpr(s.step());
      }
      addOp(Opcode.BUILD_SLICE, n);
    } else {
      throw error(e.getClass().getSimpleName() + " is not supported by Stitch", e);
    }
  }

  private void addYieldFrom() {
    Block start = newBlock();
    Block resume = newBlock();
    Block exit = newBlock();
    useNextBlock(start);
    addJump(Opcode.SEND, exit);
    useNextBlock(resume);
    addOp(Opcode.YIELD_VALUE);
    addJump(Pseudo.JUMP_NO_INTERRUPT, start);
    useNextBlock(exit);
  }

  private void compileBoolOp(Node.BoolOp e) throws GuestSyntaxError {
    Opcode jump = e.op() == Node.BoolOperator.AND ? Opcode.JUMP_IF_FALSE_OR_POP
        : Opcode.JUMP_IF_TRUE_OR_POP;
    Block end = newBlock();
    int n = e.values().size() - 1;
    for (int i = 0; i < n; i++) {
      visitExpr(e.values().get(i));
      addJump(jump, end);
      useNextBlock(newBlock());
    }
    visitExpr(e.values().get(n));
    useNextBlock(end);
  }

  private void addCompare(Node.CmpOperator op) {
    switch (op) {
      case EQ -> addOp(Opcode.COMPARE_OP, CompareOp.EQ);
      case NOT_EQ -> addOp(Opcode.COMPARE_OP, CompareOp.NE);
      case LT -> addOp(Opcode.COMPARE_OP, CompareOp.LT);
      case LT_E -> addOp(Opcode.COMPARE_OP, CompareOp.LE);
      case GT -> addOp(Opcode.COMPARE_OP, CompareOp.GT);
      case GT_E -> addOp(Opcode.COMPARE_OP, CompareOp.GE);
      case IS -> addOp(Opcode.IS_OP, 0);
      case IS_NOT -> addOp(Opcode.IS_OP, 1);
      case IN -> addOp(Opcode.CONTAINS_OP, 0);
      case NOT_IN -> addOp(Opcode.CONTAINS_OP, 1);
      default -> throw new IllegalStateException();
    }
  }

  private void compileCompare(Node.Compare e) throws GuestSyntaxError {
    visitExpr(e.left());
    int n = e.ops().size() - 1;
    if (n == 0) {
      visitExpr(e.comparators().get(0));
      addCompare(e.ops().get(0));
      return;
    }
    Block cleanup = newBlock();
    for (int i = 0; i < n; i++) {
      visitExpr(e.comparators().get(i));
      addOp(Opcode.SWAP, 2);
      addOp(Opcode.COPY, 2);
      addCompare(e.ops().get(i));
      addJump(Opcode.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    visitExpr(e.comparators().get(n));
    addCompare(e.ops().get(n));
    Block end = newBlock();
    addJumpNoLine(Pseudo.JUMP, end);
    useNextBlock(cleanup);
    addOp(Opcode.SWAP, 2);
    addOp(Opcode.POP_TOP);
    useNextBlock(end);
  }

  /** Compiles a test that jumps to next when its truth equals cond, else falls through. */
  private void jumpIf(Expr e0, Block next, boolean cond) throws GuestSyntaxError {
    Expr e = simplify(e0);
    if (!isConst(e)) {
      if (e instanceof Node.UnaryOp un && un.op() == Node.UnaryOperator.NOT) {
        jumpIf(un.operand(), next, !cond);
        return;
      }
      if (e instanceof Node.BoolOp b) {
        List<Expr> s = b.values();
        int n = s.size() - 1;
        boolean cond2 = b.op() == Node.BoolOperator.OR;
        Block next2 = next;
        if (cond2 != cond) {
          next2 = newBlock();
        }
        for (int i = 0; i < n; i++) {
          jumpIf(s.get(i), next2, cond2);
        }
        jumpIf(s.get(n), next, cond);
        if (next2 != next) {
          useNextBlock(next2);
        }
        return;
      }
      if (e instanceof Node.IfExp i) {
        Block end = newBlock();
        Block next2 = newBlock();
        jumpIf(i.test(), next2, false);
        jumpIf(i.body(), next, cond);
        addJumpNoLine(Pseudo.JUMP, end);
        useNextBlock(next2);
        jumpIf(i.orelse(), next, cond);
        useNextBlock(end);
        return;
      }
      // CPython leaves the location at the comparison for the rest of the test.
      if (e instanceof Node.Compare c) {
        setLoc(c);
      }
      if (e instanceof Node.Compare c && c.ops().size() > 1) {
        int n = c.ops().size() - 1;
        Block cleanup = newBlock();
        visitExpr(c.left());
        for (int i = 0; i < n; i++) {
          visitExpr(c.comparators().get(i));
          addOp(Opcode.SWAP, 2);
          addOp(Opcode.COPY, 2);
          addCompare(c.ops().get(i));
          addJump(Opcode.POP_JUMP_IF_FALSE, cleanup);
        }
        visitExpr(c.comparators().get(n));
        addCompare(c.ops().get(n));
        addJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
        Block end = newBlock();
        addJumpNoLine(Pseudo.JUMP, end);
        useNextBlock(cleanup);
        addOp(Opcode.POP_TOP);
        if (!cond) {
          addJumpNoLine(Pseudo.JUMP, next);
        }
        useNextBlock(end);
        return;
      }
    }
    visitExpr(e);
    addJump(cond ? Opcode.POP_JUMP_IF_TRUE : Opcode.POP_JUMP_IF_FALSE, next);
  }

  private void starunpackHelper(List<Expr> elts, int pushed, Opcode build, Opcode add,
      Opcode extend, boolean tuple) throws GuestSyntaxError {
    int n = elts.size();
    if (n > 2 && allConst(elts)) {
      List<Object> items = new ArrayList<>(n);
      for (Expr x : elts) {
        items.add(constValue(x));
      }
      CodeUnit.ConstTuple folded = new CodeUnit.ConstTuple(Collections.unmodifiableList(items));
      if (tuple && pushed == 0) {
        loadConst(folded);
      } else {
        // CPython loads a frozenset for sets; updating from a tuple gives the same set.
        addOp(build, pushed);
        loadConst(folded);
        addOp(extend, 1);
        if (tuple) {
          addOp(Opcode.LIST_TO_TUPLE);
        }
      }
      return;
    }
    boolean big = n + pushed > STACK_USE_GUIDELINE;
    boolean seenStar = false;
    for (Expr x : elts) {
      if (x instanceof Node.Starred) {
        seenStar = true;
      }
    }
    if (!seenStar && !big) {
      for (Expr x : elts) {
        visitExpr(x);
      }
      addOp(tuple ? Opcode.BUILD_TUPLE : build, n + pushed);
      return;
    }
    boolean built = false;
    if (big) {
      addOp(build, pushed);
      built = true;
    }
    for (int i = 0; i < n; i++) {
      Expr x = elts.get(i);
      if (x instanceof Node.Starred st) {
        if (!built) {
          addOp(build, i + pushed);
          built = true;
        }
        visitExpr(st.value());
        addOp(extend, 1);
      } else {
        visitExpr(x);
        if (built) {
          addOp(add, 1);
        }
      }
    }
    if (tuple) {
      addOp(Opcode.LIST_TO_TUPLE);
    }
  }

  private boolean allConst(List<Expr> elts) throws GuestSyntaxError {
    for (Expr x : elts) {
      if (x == null || x instanceof Node.Starred || !isConst(x)) {
        return false;
      }
    }
    return true;
  }

  private void assignmentHelper(List<Expr> elts, Expr at) throws GuestSyntaxError {
    int n = elts.size();
    boolean seenStar = false;
    for (int i = 0; i < n; i++) {
      Expr x = elts.get(i);
      if (x instanceof Node.Starred && !seenStar) {
        if (i >= (1 << 8) || n - i - 1 >= (Integer.MAX_VALUE >> 8)) {
          throw error("too many expressions in star-unpacking assignment", at);
        }
        addOp(Opcode.UNPACK_EX, i + ((n - i - 1) << 8));
        seenStar = true;
      } else if (x instanceof Node.Starred) {
        throw error("multiple starred expressions in assignment", at);
      }
    }
    if (!seenStar) {
      addOp(Opcode.UNPACK_SEQUENCE, n);
    }
    for (Expr x : elts) {
      visitTarget(x instanceof Node.Starred st ? st.value() : x);
    }
  }

  private void compileDict(Node.DictExpr e) throws GuestSyntaxError {
    int n = e.values().size();
    boolean haveDict = false;
    int elements = 0;
    for (int i = 0; i < n; i++) {
      boolean unpacking = e.keys().get(i) == null;
      if (unpacking) {
        if (elements > 0) {
          subdict(e, i - elements, i);
          if (haveDict) {
            addOp(Opcode.DICT_UPDATE, 1);
          }
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          addOp(Opcode.BUILD_MAP, 0);
          haveDict = true;
        }
        visitExpr(e.values().get(i));
        addOp(Opcode.DICT_UPDATE, 1);
      } else {
        if (elements * 2 > STACK_USE_GUIDELINE) {
          subdict(e, i - elements, i + 1);
          if (haveDict) {
            addOp(Opcode.DICT_UPDATE, 1);
          }
          haveDict = true;
          elements = 0;
        } else {
          elements++;
        }
      }
    }
    if (elements > 0) {
      subdict(e, n - elements, n);
      if (haveDict) {
        addOp(Opcode.DICT_UPDATE, 1);
      }
      haveDict = true;
    }
    if (!haveDict) {
      addOp(Opcode.BUILD_MAP, 0);
    }
  }

  private void subdict(Node.DictExpr e, int begin, int end) throws GuestSyntaxError {
    int n = end - begin;
    boolean big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && allConst(e.keys().subList(begin, end))) {
      List<Object> keys = new ArrayList<>(n);
      for (int i = begin; i < end; i++) {
        visitExpr(e.values().get(i));
      }
      for (int i = begin; i < end; i++) {
        keys.add(constValue(e.keys().get(i)));
      }
      loadConst(new CodeUnit.ConstTuple(Collections.unmodifiableList(keys)));
      addOp(Opcode.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) {
      addOpNoLine(Opcode.BUILD_MAP, 0);
    }
    for (int i = begin; i < end; i++) {
      visitExpr(e.keys().get(i));
      visitExpr(e.values().get(i));
      if (big) {
        addOpNoLine(Opcode.MAP_ADD, 1);
      }
    }
    if (!big) {
      addOp(Opcode.BUILD_MAP, n);
    }
  }

  private void validateKeywords(List<Node.Keyword> keywords) throws GuestSyntaxError {
    Set<String> seen = new HashSet<>();
    for (Node.Keyword k : keywords) {
      if (k.arg() == null) {
        continue;
      }
      if (k.arg().equals("__debug__")) {
        throw error("cannot assign to __debug__", k);
      }
      if (!seen.add(k.arg())) {
        throw error("keyword argument repeated: " + k.arg(), k);
      }
    }
  }

  private void compileCall(Node.Call e) throws GuestSyntaxError {
    if (maybeOptimizeMethodCall(e)) {
      return;
    }
    setLoc(e.func());
    addOp(Opcode.PUSH_NULL);
    setLoc(e);
    visitExpr(e.func());
    callHelper(0, e.args(), e.keywords());
  }

  private boolean maybeOptimizeMethodCall(Node.Call e) throws GuestSyntaxError {
    if (!(e.func() instanceof Node.Attribute meth) || meth.ctx() != Ctx.LOAD) {
      return false;
    }
    int argsl = e.args().size();
    int kwdsl = e.keywords().size();
    if (argsl + kwdsl + (kwdsl != 0 ? 1 : 0) >= STACK_USE_GUIDELINE) {
      return false;
    }
    for (Expr a : e.args()) {
      if (a instanceof Node.Starred) {
        return false;
      }
    }
    for (Node.Keyword k : e.keywords()) {
      if (k.arg() == null) {
        return false;
      }
    }
    // A module imported at top level is called through LOAD_ATTR (module attributes are not
    // methods), as CPython 3.11 decides.
    if (meth.value() instanceof Node.Name n
        && (symtable.top().flagsOf(n.id()) & Symtable.DEF_IMPORT) != 0) {
      return false;
    }
    validateKeywords(e.keywords());
    visitExpr(meth.value());
    addName(Opcode.LOAD_METHOD, meth.attr());
    for (Expr a : e.args()) {
      visitExpr(a);
    }
    if (kwdsl > 0) {
      for (Node.Keyword k : e.keywords()) {
        visitExpr(k.value());
      }
      kwNames(e.keywords());
    }
    addOp(Opcode.CALL, argsl + kwdsl);
    return true;
  }

  private void kwNames(List<Node.Keyword> keywords) {
    List<Object> names = new ArrayList<>(keywords.size());
    for (Node.Keyword k : keywords) {
      names.add(k.arg());
    }
    addOp(Opcode.KW_NAMES, u.add(new CodeUnit.ConstTuple(Collections.unmodifiableList(names))));
  }

  /** Pushes the arguments and emits the call; n values (callable's extra args) are pushed. */
  private void callHelper(int n, List<Expr> args, List<Node.Keyword> keywords)
      throws GuestSyntaxError {
    validateKeywords(keywords);
    int nelts = args.size();
    int nkwelts = keywords.size();
    boolean ex = nelts + nkwelts * 2 > STACK_USE_GUIDELINE;
    for (Expr a : args) {
      if (a instanceof Node.Starred) {
        ex = true;
      }
    }
    for (Node.Keyword k : keywords) {
      if (k.arg() == null) {
        ex = true;
      }
    }
    if (!ex) {
      for (Expr a : args) {
        visitExpr(a);
      }
      if (nkwelts > 0) {
        for (Node.Keyword k : keywords) {
          visitExpr(k.value());
        }
        kwNames(keywords);
      }
      addOp(Opcode.CALL, n + nelts + nkwelts);
      return;
    }
    if (n == 0 && nelts == 1 && args.get(0) instanceof Node.Starred st) {
      visitExpr(st.value());
    } else {
      starunpackHelper(args, n, Opcode.BUILD_LIST, Opcode.LIST_APPEND, Opcode.LIST_EXTEND,
          true);
    }
    if (nkwelts > 0) {
      boolean haveDict = false;
      int nseen = 0;
      for (int i = 0; i < nkwelts; i++) {
        Node.Keyword kw = keywords.get(i);
        if (kw.arg() == null) {
          if (nseen > 0) {
            subkwargs(keywords, i - nseen, i);
            if (haveDict) {
              addOp(Opcode.DICT_MERGE, 1);
            }
            haveDict = true;
            nseen = 0;
          }
          if (!haveDict) {
            addOp(Opcode.BUILD_MAP, 0);
            haveDict = true;
          }
          visitExpr(kw.value());
          addOp(Opcode.DICT_MERGE, 1);
        } else {
          nseen++;
        }
      }
      if (nseen > 0) {
        subkwargs(keywords, nkwelts - nseen, nkwelts);
        if (haveDict) {
          addOp(Opcode.DICT_MERGE, 1);
        }
      }
    }
    addOp(Opcode.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0);
  }

  private void subkwargs(List<Node.Keyword> keywords, int begin, int end)
      throws GuestSyntaxError {
    int n = end - begin;
    boolean big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
      List<Object> keys = new ArrayList<>(n);
      for (int i = begin; i < end; i++) {
        visitExpr(keywords.get(i).value());
        keys.add(keywords.get(i).arg());
      }
      loadConst(new CodeUnit.ConstTuple(Collections.unmodifiableList(keys)));
      addOp(Opcode.BUILD_CONST_KEY_MAP, n);
      return;
    }
    if (big) {
      addOpNoLine(Opcode.BUILD_MAP, 0);
    }
    for (int i = begin; i < end; i++) {
      loadConst(keywords.get(i).arg());
      visitExpr(keywords.get(i).value());
      if (big) {
        addOpNoLine(Opcode.MAP_ADD, 1);
      }
    }
    if (!big) {
      addOp(Opcode.BUILD_MAP, n);
    }
  }

  private void compileFormattedValue(Node.FormattedValue e) throws GuestSyntaxError {
    visitExpr(e.value());
    int oparg = switch (e.conversion()) {
      case 's' -> 1;
      case 'r' -> 2;
      case 'a' -> 3;
      case -1 -> 0;
      default -> throw error("f-string: invalid conversion character", e);
    };
    if (e.formatSpec() != null) {
      visitExpr(e.formatSpec());
      oparg |= 4;
    }
    addOp(Opcode.FORMAT_VALUE, oparg);
  }

  private void compileJoinedStr(Node.JoinedStr e) throws GuestSyntaxError {
    int n = e.values().size();
    if (n > STACK_USE_GUIDELINE) {
      loadConst("");
      addName(Opcode.LOAD_METHOD, "join");
      addOp(Opcode.BUILD_LIST, 0);
      for (Expr v : e.values()) {
        visitExpr(v);
        addOp(Opcode.LIST_APPEND, 1);
      }
      addOp(Opcode.CALL, 1);
      return;
    }
    for (Expr v : e.values()) {
      visitExpr(v);
    }
    if (n != 1) {
      addOp(Opcode.BUILD_STRING, n);
    }
  }

  private void compileLambda(Node.Lambda e) throws GuestSyntaxError {
    checkDebugArgs(e.args());
    int flags = defaultArguments(e.args());
    enterScope("<lambda>", ScopeType.LAMBDA, e, e.line());
    u.add(null);
    u.argcount = e.args().posonlyargs().size() + e.args().args().size();
    u.posonlyargcount = e.args().posonlyargs().size();
    u.kwonlyargcount = e.args().kwonlyargs().size();
    visitExpr(e.body());
    CodeUnit co;
    if (u.ste.generator) {
      co = assembleUnit(false);
    } else {
      addOp(Opcode.RETURN_VALUE);
      co = assembleUnit(true);
    }
    exitScope();
    makeClosure(co, flags);
  }

  private void compileComprehension(Expr e, CompKind kind, String name,
      List<Node.Comprehension> generators, Expr elt, Expr val) throws GuestSyntaxError {
    Node.Comprehension outermost = generators.get(0);
    enterScope(name, ScopeType.COMPREHENSION, e, e.line());
    setLoc(e);
    switch (kind) {
      case LIST -> addOp(Opcode.BUILD_LIST, 0);
      case SET -> addOp(Opcode.BUILD_SET, 0);
      case DICT -> addOp(Opcode.BUILD_MAP, 0);
      default -> { }
    }
    comprehensionGenerator(generators, 0, 0, elt, val, kind);
    if (kind != CompKind.GENEXP) {
      addOp(Opcode.RETURN_VALUE);
    }
    CodeUnit co = assembleUnit(true);
    exitScope();
    makeClosure(co, 0);
    visitExpr(foldIter(outermost.iter()));
    addOp(Opcode.GET_ITER);
    addOp(Opcode.CALL, 0);
  }

  private void comprehensionGenerator(List<Node.Comprehension> generators, int genIndex,
      int depth, Expr elt, Expr val, CompKind kind) throws GuestSyntaxError {
    Block start = newBlock();
    Block ifCleanup = newBlock();
    Block anchor = newBlock();
    Node.Comprehension gen = generators.get(genIndex);
    if (genIndex == 0) {
      // The outermost iterator arrives as the implicit argument .0.
      u.argcount = 1;
      addOp(Opcode.LOAD_FAST, 0);
    } else {
      Expr iter = foldIter(gen.iter());
      List<Expr> elts = null;
      if (!isConst(iter)) {
        if (iter instanceof Node.ListExpr l) {
          elts = l.elts();
        } else if (iter instanceof Node.TupleExpr t) {
          elts = t.elts();
        }
      }
      // for y in [f(x)]: a plain assignment, no loop.
      if (elts != null && elts.size() == 1 && !(elts.get(0) instanceof Node.Starred)) {
        visitExpr(elts.get(0));
        start = null;
      }
      if (start != null) {
        visitExpr(iter);
        addOp(Opcode.GET_ITER);
      }
    }
    if (start != null) {
      depth++;
      useNextBlock(start);
      addJump(Opcode.FOR_ITER, anchor);
    }
    visitTarget(gen.target());
    for (Expr cond : gen.ifs()) {
      jumpIf(cond, ifCleanup, false);
    }
    if (++genIndex < generators.size()) {
      comprehensionGenerator(generators, genIndex, depth, elt, val, kind);
    }
    if (genIndex >= generators.size()) {
      switch (kind) {
        case GENEXP -> {
          visitExpr(elt);
          addOp(Opcode.YIELD_VALUE);
          addOp(Opcode.POP_TOP);
        }
        case LIST -> {
          visitExpr(elt);
          addOp(Opcode.LIST_APPEND, depth + 1);
        }
        case SET -> {
          visitExpr(elt);
          addOp(Opcode.SET_ADD, depth + 1);
        }
        case DICT -> {
          visitExpr(elt);
          visitExpr(val);
          addOp(Opcode.MAP_ADD, depth + 1);
        }
        default -> throw new IllegalStateException();
      }
    }
    useNextBlock(ifCleanup);
    if (start != null) {
      addJump(Pseudo.JUMP, start);
      useNextBlock(anchor);
    }
  }
}
