package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Attribute;
import org.stitchjit.runtime.ast.Node.Compare;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.ListExpr;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.Starred;
import org.stitchjit.runtime.ast.Node.Subscript;
import org.stitchjit.runtime.ast.Node.TupleExpr;
import org.stitchjit.runtime.parser.SyntaxFailure.Origin;

/**
 * Machinery shared by the grammar layers: a lazily filled token array with backtracking
 * (the parser is a PEG parser mirroring CPython 3.11's grammar, so it can report the same
 * errors), per-token memoization, and CPython's ways of placing an error.
 *
 * <p>Parsing runs in two passes, as in CPython: the first without the {@code invalid_*}
 * rules, and, only if that fails, a second with them enabled to find a specific message.
 * Rule methods return null when they do not match; errors are thrown as
 * {@link SyntaxFailure}.
 */
abstract class ParserCore {
  /** Deeper rule nesting than this is rejected instead of overflowing the Java stack. */
  static final int MAX_DEPTH = 6000;

  // Memoized rules. CPython memoizes the same ones; left-recursive rules are memoized there
  // as a side effect of its left-recursion support, and here because they are re-tried often.
  static final int M_EXPRESSION = 0;
  static final int M_STAR_EXPRESSION = 1;
  static final int M_DISJUNCTION = 2;
  static final int M_CONJUNCTION = 3;
  static final int M_INVERSION = 4;
  static final int M_BITWISE_OR = 5;
  static final int M_FACTOR = 6;
  static final int M_PRIMARY = 7;
  static final int M_T_PRIMARY = 8;
  static final int M_STAR_TARGET = 9;
  static final int M_TARGET_WITH_STAR_ATOM = 10;
  static final int M_DEL_TARGET = 11;
  static final int M_ARGUMENTS = 12;
  static final int M_STRINGS = 13;
  static final int M_SIMPLE_STMT = 14;
  static final int M_BLOCK = 15;
  static final int M_INVALID_NAMED_EXPRESSION = 16;

  final Tokenizer tokenizer;
  final Unsupported unsupported;
  /** Set for the sub-parser of an f-string expression: CPython prefixes its messages. */
  final boolean fstringMode;
  final List<Token> tokens = new ArrayList<>();
  int mark;
  boolean callInvalidRules;
  private int depth;
  /** Token index just past each expression node; kept in the error pass, for caret ranges. */
  private IdentityHashMap<Node, Integer> ends;

  ParserCore(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    this.tokenizer = tokenizer;
    this.unsupported = unsupported;
    this.fstringMode = fstringMode;
  }

  /** Prepares the second pass: CPython drops all memos and enables the invalid_ rules. */
  final void resetForErrorPass() {
    for (Token t : tokens) {
      t.memo = null;
    }
    mark = 0;
    depth = 0;
    callInvalidRules = true;
    ends = new IdentityHashMap<>();
  }

  // ---------------------------------------------------------------- tokens

  final Token peek() {
    if (mark == tokens.size()) {
      tokens.add(tokenizer.next());
    }
    return tokens.get(mark);
  }

  final boolean at(TokenType type) {
    return peek().type == type;
  }

  final Token expect(TokenType type) {
    Token t = peek();
    if (t.type == type) {
      mark++;
      return t;
    }
    return null;
  }

  final Token expectSoftKeyword(String keyword) {
    Token t = peek();
    if (t.type == TokenType.NAME && t.text.equals(keyword)) {
      mark++;
      return t;
    }
    return null;
  }

  /** CPython's {@code &&'x'}: the token must be there, or the parse fails on the spot. */
  final Token expectForced(TokenType type) {
    Token t = peek();
    if (t.type != type) {
      throw errorAt(t, "expected '" + type.text + "'");
    }
    mark++;
    return t;
  }

  final Token lastConsumed() {
    return tokens.get(mark - 1);
  }

  final boolean atAny(TokenType... types) {
    TokenType t = peek().type;
    for (TokenType type : types) {
      if (t == type) {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- memo and depth

  final Token.Memo memoLookup(int rule) {
    for (Token.Memo m = peek().memo; m != null; m = m.next) {
      if (m.rule == rule) {
        mark = m.end;
        return m;
      }
    }
    return null;
  }

  final void memoStore(int startMark, int rule, Object node) {
    Token t = tokens.get(startMark);
    t.memo = new Token.Memo(rule, node, mark, t.memo);
  }

  final void enter() {
    if (++depth > MAX_DEPTH) {
      throw tooDeep();
    }
  }

  final void leave() {
    depth--;
  }

  final SyntaxFailure tooDeep() {
    Token t = peek();
    return SyntaxFailure.syntax("too many nested expressions", t.line, t.col + 1, t.endLine,
        t.endCol + 1);
  }

  // ---------------------------------------------------------------- positions

  /** Records where an expression ends, for error carets in the error pass. */
  final <T extends Node> T fin(T node) {
    if (ends != null) {
      ends.put(node, mark);
    }
    return node;
  }

  private Token endToken(Node node) {
    Integer end = ends == null ? null : ends.get(node);
    return end == null || end == 0 ? null : tokens.get(end - 1);
  }

  final int endLineOf(Node node) {
    Token t = endToken(node);
    return t == null ? node.line() : t.endLine;
  }

  final int endColOf(Node node) {
    Token t = endToken(node);
    return t == null ? node.col() + 1 : t.endCol;
  }

  // ---------------------------------------------------------------- errors

  private String prefixed(String msg) {
    return fstringMode ? "f-string: " + msg : msg;
  }

  /** CPython's RAISE_SYNTAX_ERROR: placed at the last token the parser has read. */
  final SyntaxFailure error(String msg) {
    return errorOfType("SyntaxError", msg);
  }

  /** CPython's RAISE_INDENTATION_ERROR. */
  final SyntaxFailure indentationError(String msg) {
    return errorOfType("IndentationError", msg);
  }

  private SyntaxFailure errorOfType(String type, String msg) {
    Token t = tokens.get(tokens.size() - 1);
    int col = t.col != -1 ? t.col + 1 : tokenizer.columnForLayoutToken();
    int endCol = t.endCol == -1 ? -1 : t.endCol + 1;
    return new SyntaxFailure(type, prefixed(msg), t.line, col, t.endLine, endCol,
        Origin.PARSER);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION for a token. */
  final SyntaxFailure errorAt(Token t, String msg) {
    return SyntaxFailure.syntax(prefixed(msg), t.line, t.col + 1, t.endLine, t.endCol + 1);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION for a node. */
  final SyntaxFailure errorAt(Node n, String msg) {
    return SyntaxFailure.syntax(prefixed(msg), n.line(), n.col() + 1, endLineOf(n),
        endColOf(n) + 1);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_RANGE from a node or token to a node or token. */
  final SyntaxFailure errorRange(int line, int col, int endLine, int endCol, String msg) {
    return SyntaxFailure.syntax(prefixed(msg), line, col + 1, endLine, endCol + 1);
  }

  final SyntaxFailure errorRange(Node a, Node b, String msg) {
    return errorRange(a.line(), a.col(), endLineOf(b), endColOf(b), msg);
  }

  final SyntaxFailure errorRange(Token a, Token b, String msg) {
    return errorRange(a.line, a.col, b.endLine, b.endCol, msg);
  }

  final SyntaxFailure errorRange(Node a, Token b, String msg) {
    return errorRange(a.line(), a.col(), b.endLine, b.endCol, msg);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM: from a node to wherever the tokenizer is. */
  final SyntaxFailure errorFrom(int line, int col, String msg) {
    return SyntaxFailure.syntax(prefixed(msg), line, col + 1, line,
        tokenizer.cursorColumn());
  }

  /** Prefixes tokenizer status errors in an f-string sub-parser, as CPython's pegen does. */
  final SyntaxFailure adaptTokenizerFailure(SyntaxFailure f) {
    if (fstringMode && f.origin == Origin.TOKENIZER_STATUS) {
      return f.withMessage(prefixed(f.msg));
    }
    return f;
  }

  // ---------------------------------------------------------------- AST helpers

  /** CPython's _PyPegen_set_expr_context: rebuilds a target with a store/del context. */
  final Expr withCtx(Expr e, Ctx ctx) {
    Expr result;
    if (e instanceof Name n) {
      result = new Name(n.id(), ctx, n.line(), n.col());
    } else if (e instanceof TupleExpr t) {
      result = new TupleExpr(withCtx(t.elts(), ctx), ctx, t.line(), t.col());
    } else if (e instanceof ListExpr l) {
      result = new ListExpr(withCtx(l.elts(), ctx), ctx, l.line(), l.col());
    } else if (e instanceof Starred s) {
      result = new Starred(withCtx(s.value(), ctx), ctx, s.line(), s.col());
    } else if (e instanceof Subscript s) {
      result = new Subscript(s.value(), s.slice(), ctx, s.line(), s.col());
    } else if (e instanceof Attribute a) {
      result = new Attribute(a.value(), a.attr(), ctx, a.line(), a.col());
    } else {
      return e;
    }
    if (ends != null && ends.containsKey(e)) {
      ends.put(result, ends.get(e));
    }
    return result;
  }

  private List<Expr> withCtx(List<Expr> elts, Ctx ctx) {
    List<Expr> out = new ArrayList<>(elts.size());
    for (Expr e : elts) {
      out.add(withCtx(e, ctx));
    }
    return out;
  }

  /** What CPython calls an expression in "cannot assign to %s" messages. */
  static String exprName(Expr e) {
    return ExprDescriptions.describe(e);
  }

  enum TargetsType { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS }

  /** CPython's _PyPegen_get_invalid_target: the first sub-expression that cannot be one. */
  static Expr invalidTarget(Expr e, TargetsType type) {
    if (e == null) {
      return null;
    }
    if (e instanceof ListExpr || e instanceof TupleExpr) {
      List<Expr> elts = e instanceof ListExpr l ? l.elts() : ((TupleExpr) e).elts();
      for (Expr child : elts) {
        Expr bad = invalidTarget(child, type);
        if (bad != null) {
          return bad;
        }
      }
      return null;
    }
    if (e instanceof Starred s) {
      return type == TargetsType.DEL_TARGETS ? e : invalidTarget(s.value(), type);
    }
    if (e instanceof Compare c) {
      // "for x in y" parses "x in y" as a comparison when looking for bad targets.
      if (type == TargetsType.FOR_TARGETS) {
        return c.ops().get(0) == Node.CmpOperator.IN ? invalidTarget(c.left(), type) : null;
      }
      return e;
    }
    if (e instanceof Name || e instanceof Subscript || e instanceof Attribute) {
      return null;
    }
    return e;
  }

  /** RAISE_SYNTAX_ERROR_INVALID_TARGET: raises if e has a bad target, else returns. */
  final void raiseIfInvalidTarget(TargetsType type, Expr e) {
    Expr bad = invalidTarget(e, type);
    if (bad != null) {
      String verb = type == TargetsType.DEL_TARGETS ? "cannot delete " : "cannot assign to ";
      throw errorAt(bad, verb + exprName(bad));
    }
  }

  /** Identifiers are NFKC-normalized, so "ﬁ" and "fi" name the same variable. */
  static String identifier(Token name) {
    String text = name.text;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
      }
    }
    return text;
  }

  /** The first unsupported (but valid Python) construct seen, reported if parsing succeeds. */
  static final class Unsupported {
    private String what;
    private int line;
    private int col;
    private int endCol;

    void note(String construct, Token t) {
      note(construct, t.line, t.col, t.endCol);
    }

    void note(String construct, int atLine, int atCol, int atEndCol) {
      if (what == null || atLine < line || (atLine == line && atCol < col)) {
        what = construct;
        line = atLine;
        col = atCol;
        endCol = atEndCol;
      }
    }

    SyntaxFailure failure() {
      if (what == null) {
        return null;
      }
      return SyntaxFailure.syntax(what + " are not supported by Stitch", line, col + 1, line,
          endCol + 1);
    }
  }
}
