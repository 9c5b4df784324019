package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Attribute;
import org.stitchjit.runtime.ast.Node.Call;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.Keyword;
import org.stitchjit.runtime.ast.Node.ListExpr;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.Starred;
import org.stitchjit.runtime.ast.Node.Subscript;
import org.stitchjit.runtime.ast.Node.TupleExpr;

/**
 * Assignment and deletion targets (CPython's star_targets, single_target, del_targets and
 * t_primary rules). Targets are parsed by their own rules rather than by re-labelling
 * expressions, so that "f() = 1" fails here and reaches the error rules.
 */
abstract class TargetRules extends ParserCore {
  /** Positional and keyword arguments of a call (CPython's "arguments" rule result). */
  record CallArgs(List<Expr> args, List<Keyword> keywords) {}

  TargetRules(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  abstract Expr atom();

  abstract Expr slices();

  abstract Expr genexp();

  abstract CallArgs arguments();

  // ---------------------------------------------------------------- star_targets

  final Expr starTargets() {
    return elementOrTuple(this::starTarget, Ctx.STORE);
  }

  private List<Expr> starTargetsListSeq() {
    List<Expr> elts = commaSeparated(this::starTarget);
    if (elts != null) {
      expect(TokenType.COMMA);
    }
    return elts;
  }

  private List<Expr> starTargetsTupleSeq() {
    int start = mark;
    Expr a = starTarget();
    if (a == null) {
      return null;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(a);
    appendSeparated(TokenType.COMMA, elts, this::starTarget);
    if (elts.size() > 1) {
      expect(TokenType.COMMA);
      return elts;
    }
    if (expect(TokenType.COMMA) != null) {
      return elts;
    }
    mark = start;
    return null;
  }

  final Expr starTarget() {
    int start = mark;
    Token.Memo m = memoLookup(M_STAR_TARGET);
    if (m != null) {
      return (Expr) m.node;
    }
    enter();
    Expr result = null;
    Token star = expect(TokenType.STAR);
    if (star != null) {
      if (!at(TokenType.STAR)) {
        Expr a = starTarget();
        if (a != null) {
          result = fin(new Starred(withCtx(a, Ctx.STORE), Ctx.STORE, star.line, star.col));
        }
      }
      if (result == null) {
        mark = start;
      }
    }
    if (result == null) {
      result = targetWithStarAtom();
    }
    leave();
    memoStore(start, M_STAR_TARGET, result);
    return result;
  }

  private Expr targetWithStarAtom() {
    int start = mark;
    Token.Memo m = memoLookup(M_TARGET_WITH_STAR_ATOM);
    if (m != null) {
      return (Expr) m.node;
    }
    Expr result = subscriptOrAttributeTarget(Ctx.STORE);
    if (result == null) {
      result = starAtom();
    }
    memoStore(start, M_TARGET_WITH_STAR_ATOM, result);
    return result;
  }

  private Expr starAtom() {
    return targetAtom(Ctx.STORE, this::targetWithStarAtom, this::starTargetsTupleSeq,
        this::starTargetsListSeq);
  }

  final Expr singleTarget() {
    Expr a = singleSubscriptAttributeTarget();
    if (a != null) {
      return a;
    }
    Token name = expect(TokenType.NAME);
    if (name != null) {
      return fin(new Name(identifier(name), Ctx.STORE, name.line, name.col));
    }
    int start = mark;
    if (expect(TokenType.LPAR) != null) {
      a = singleTarget();
      if (a != null && expect(TokenType.RPAR) != null) {
        return a;
      }
      mark = start;
    }
    return null;
  }

  final Expr singleSubscriptAttributeTarget() {
    return subscriptOrAttributeTarget(Ctx.STORE);
  }

  /**
   * {@code t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead}: the last
   * trailer of a primary, when nothing else follows it.
   */
  private Expr subscriptOrAttributeTarget(Ctx ctx) {
    int start = mark;
    Token first = peek();
    Expr a = tPrimary();
    if (a == null) {
      return null;
    }
    int afterPrimary = mark;
    if (expect(TokenType.DOT) != null) {
      Token b = expect(TokenType.NAME);
      if (b != null && !tLookahead()) {
        return fin(new Attribute(a, identifier(b), ctx, first.line, first.col));
      }
    }
    mark = afterPrimary;
    if (expect(TokenType.LSQB) != null) {
      Expr b = slices();
      if (b != null && expect(TokenType.RSQB) != null && !tLookahead()) {
        return fin(new Subscript(a, b, ctx, first.line, first.col));
      }
    }
    mark = start;
    return null;
  }

  final boolean tLookahead() {
    TokenType t = peek().type;
    return t == TokenType.LPAR || t == TokenType.LSQB || t == TokenType.DOT;
  }

  /** A primary that is followed by another trailer ('(', '[' or '.'). */
  final Expr tPrimary() {
    int start = mark;
    Token.Memo m = memoLookup(M_T_PRIMARY);
    if (m != null) {
      return (Expr) m.node;
    }
    Token first = peek();
    Expr a = atom();
    if (a == null || !tLookahead()) {
      mark = start;
      memoStore(start, M_T_PRIMARY, null);
      return null;
    }
    for (;;) {
      int save = mark;
      Expr grown = tPrimaryTrailer(a, first);
      if (grown == null) {
        mark = save;
        break;
      }
      a = grown;
    }
    memoStore(start, M_T_PRIMARY, a);
    return a;
  }

  private Expr tPrimaryTrailer(Expr a, Token first) {
    int start = mark;
    if (expect(TokenType.DOT) != null) {
      Token b = expect(TokenType.NAME);
      if (b != null && tLookahead()) {
        return fin(new Attribute(a, identifier(b), Ctx.LOAD, first.line, first.col));
      }
      mark = start;
      return null;
    }
    if (expect(TokenType.LSQB) != null) {
      Expr b = slices();
      if (b != null && expect(TokenType.RSQB) != null && tLookahead()) {
        return fin(new Subscript(a, b, Ctx.LOAD, first.line, first.col));
      }
      mark = start;
      return null;
    }
    Expr g = genexp();
    if (g != null && tLookahead()) {
      return fin(new Call(a, List.of(g), List.of(), first.line, first.col));
    }
    mark = start;
    if (expect(TokenType.LPAR) != null) {
      CallArgs b = arguments();
      if (expect(TokenType.RPAR) != null && tLookahead()) {
        return fin(new Call(a, b == null ? List.of() : b.args(),
            b == null ? List.of() : b.keywords(), first.line, first.col));
      }
    }
    mark = start;
    return null;
  }

  // ---------------------------------------------------------------- del_targets

  final List<Expr> delTargets() {
    List<Expr> elts = commaSeparated(this::delTarget);
    if (elts != null) {
      expect(TokenType.COMMA);
    }
    return elts;
  }

  private Expr delTarget() {
    int start = mark;
    Token.Memo m = memoLookup(M_DEL_TARGET);
    if (m != null) {
      return (Expr) m.node;
    }
    enter();
    Expr result = subscriptOrAttributeTarget(Ctx.DEL);
    if (result == null) {
      result = delTAtom();
    }
    leave();
    memoStore(start, M_DEL_TARGET, result);
    return result;
  }

  private Expr delTAtom() {
    return targetAtom(Ctx.DEL, this::delTarget, this::delTargets, this::delTargets);
  }

  // ---------------------------------------------------------------- helpers

  /**
   * The shape shared by star_atom and del_t_atom: {@code NAME | '(' target ')'
   * | '(' [tupleSeq] ')' | '[' [listSeq] ']'}, building nodes in context {@code ctx}.
   */
  private Expr targetAtom(Ctx ctx, java.util.function.Supplier<Expr> target,
      java.util.function.Supplier<List<Expr>> tupleSeq,
      java.util.function.Supplier<List<Expr>> listSeq) {
    int start = mark;
    Token first = peek();
    Token name = expect(TokenType.NAME);
    if (name != null) {
      return fin(new Name(identifier(name), ctx, name.line, name.col));
    }
    if (expect(TokenType.LPAR) != null) {
      Expr a = target.get();
      if (a != null && expect(TokenType.RPAR) != null) {
        return withCtx(a, ctx);
      }
      mark = start + 1;
      List<Expr> elts = tupleSeq.get();
      if (expect(TokenType.RPAR) != null) {
        return fin(new TupleExpr(elts == null ? List.of() : elts, ctx, first.line,
            first.col));
      }
      mark = start;
      return null;
    }
    if (expect(TokenType.LSQB) != null) {
      List<Expr> elts = listSeq.get();
      if (expect(TokenType.RSQB) != null) {
        return fin(new ListExpr(elts == null ? List.of() : elts, ctx, first.line,
            first.col));
      }
      mark = start;
    }
    return null;
  }

  /** CPython's {@code ','.elem+}: one or more elements separated by commas. */
  final <T> List<T> commaSeparated(java.util.function.Supplier<T> element) {
    return separated(TokenType.COMMA, element);
  }

  /** CPython's {@code sep.elem+}; a trailing separator is left unconsumed. */
  final <T> List<T> separated(TokenType separator, java.util.function.Supplier<T> element) {
    T first = element.get();
    if (first == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    out.add(first);
    appendSeparated(separator, out, element);
    return out;
  }

  /** Appends {@code (sep elem)*} to {@code out}, leaving a trailing separator unconsumed. */
  final <T> void appendSeparated(TokenType separator, List<T> out,
      java.util.function.Supplier<T> element) {
    for (;;) {
      int save = mark;
      if (expect(separator) == null) {
        return;
      }
      T next = element.get();
      if (next == null) {
        mark = save;
        return;
      }
      out.add(next);
    }
  }

  /**
   * {@code elem (',' elem)* [',']}: the element alone, or, if a comma follows it, a tuple of
   * all the elements in context {@code ctx} (the shape of star_targets and expressions).
   */
  final Expr elementOrTuple(java.util.function.Supplier<Expr> element, Ctx ctx) {
    Token first = peek();
    Expr a = element.get();
    if (a == null) {
      return null;
    }
    if (!at(TokenType.COMMA)) {
      return a;
    }
    List<Expr> elts = new ArrayList<>();
    elts.add(a);
    appendSeparated(TokenType.COMMA, elts, element);
    expect(TokenType.COMMA);
    return fin(new TupleExpr(elts, ctx, first.line, first.col));
  }
}
