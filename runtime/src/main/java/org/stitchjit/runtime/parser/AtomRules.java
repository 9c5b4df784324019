package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Comprehension;
import org.stitchjit.runtime.ast.Node.Constant;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.DictComp;
import org.stitchjit.runtime.ast.Node.DictExpr;
import org.stitchjit.runtime.ast.Node.EllipsisValue;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.GeneratorExp;
import org.stitchjit.runtime.ast.Node.ListComp;
import org.stitchjit.runtime.ast.Node.ListExpr;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.SetComp;
import org.stitchjit.runtime.ast.Node.SetExpr;
import org.stitchjit.runtime.ast.Node.TupleExpr;

/**
 * Atoms: names, literals (handing strings to {@link FStringParser}), parenthesized forms,
 * list/tuple/set/dict displays and comprehensions, with their {@code invalid_*} rules.
 */
abstract class AtomRules extends ExpressionRules {
  AtomRules(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  // ---------------------------------------------------------------- atoms

  @Override
  final Expr atom() {
    Token t = peek();
    switch (t.type) {
      case NAME:
        mark++;
        return fin(new Name(identifier(t), Ctx.LOAD, t.line, t.col));
      case TRUE:
        mark++;
        return fin(new Constant(Boolean.TRUE, t.line, t.col));
      case FALSE:
        mark++;
        return fin(new Constant(Boolean.FALSE, t.line, t.col));
      case NONE:
        mark++;
        return fin(new Constant(null, t.line, t.col));
      case STRING:
        return strings();
      case NUMBER:
        mark++;
        return fin(number(t));
      case ELLIPSIS:
        mark++;
        return fin(new Constant(EllipsisValue.INSTANCE, t.line, t.col));
      case LPAR: {
        Expr e = tuple();
        if (e == null) {
          e = group();
        }
        return e != null ? e : genexp();
      }
      case LSQB: {
        Expr e = list();
        return e != null ? e : listcomp();
      }
      case LBRACE: {
        Expr e = dict();
        if (e == null) {
          e = set();
        }
        if (e == null) {
          e = dictcomp();
        }
        return e != null ? e : setcomp();
      }
      default:
        return null;
    }
  }

  private Constant number(Token t) {
    if (Literals.isImaginary(t.text)) {
      unsupported.note("complex literals", t);
      return new Constant(0.0, t.line, t.col);
    }
    try {
      return new Constant(Literals.number(t.text), t.line, t.col);
    } catch (Literals.LiteralError e) {
      throw new SyntaxFailure("SyntaxError", e.getMessage(), t.line, 0, t.endLine, 0,
          SyntaxFailure.Origin.PARSER);
    }
  }

  private Expr strings() {
    int start = mark;
    Token.Memo m = memoLookup(M_STRINGS);
    if (m != null) {
      return (Expr) m.node;
    }
    List<Token> parts = new ArrayList<>();
    while (at(TokenType.STRING)) {
      parts.add(peek());
      mark++;
    }
    Expr result = fin(new FStringParser(this).concatenate(parts));
    memoStore(start, M_STRINGS, result);
    return result;
  }

  /** Parses one f-string replacement field's expression; see {@link FStringParser}. */
  final Expr parseFStringExpression(String source, int line, int col, int errorShift) {
    return Parser.parseFStringExpression(source, line, col, errorShift, unsupported);
  }

  private Expr group() {
    int start = mark;
    if (expect(TokenType.LPAR) != null) {
      Expr a = yieldExpr();
      if (a == null) {
        a = namedExpression();
      }
      if (a != null && expect(TokenType.RPAR) != null) {
        return a;
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidGroup();
    }
    return null;
  }

  // ---------------------------------------------------------------- displays

  @Override
  final Expr list() {
    int start = mark;
    Token open = expect(TokenType.LSQB);
    if (open == null) {
      return null;
    }
    List<Expr> elts = starNamedExpressions();
    if (expect(TokenType.RSQB) != null) {
      return fin(new ListExpr(elts == null ? List.of() : elts, Ctx.LOAD, open.line, open.col));
    }
    mark = start;
    return null;
  }

  @Override
  final Expr tuple() {
    int start = mark;
    Token open = expect(TokenType.LPAR);
    if (open == null) {
      return null;
    }
    List<Expr> elts = new ArrayList<>();
    int save = mark;
    Expr y = starNamedExpression();
    if (y != null && expect(TokenType.COMMA) != null) {
      elts.add(y);
      List<Expr> z = starNamedExpressions();
      if (z != null) {
        elts.addAll(z);
      }
    } else {
      mark = save;
    }
    if (expect(TokenType.RPAR) != null) {
      return fin(new TupleExpr(elts, Ctx.LOAD, open.line, open.col));
    }
    mark = start;
    return null;
  }

  private Expr set() {
    int start = mark;
    Token open = expect(TokenType.LBRACE);
    if (open == null) {
      return null;
    }
    List<Expr> elts = starNamedExpressions();
    if (elts != null && expect(TokenType.RBRACE) != null) {
      return fin(new SetExpr(elts, open.line, open.col));
    }
    mark = start;
    return null;
  }

  private Expr dict() {
    int start = mark;
    Token open = expect(TokenType.LBRACE);
    if (open == null) {
      return null;
    }
    List<Expr[]> pairs = doubleStarredKvpairs();
    if (expect(TokenType.RBRACE) != null) {
      List<Expr> keys = new ArrayList<>();
      List<Expr> values = new ArrayList<>();
      if (pairs != null) {
        for (Expr[] kv : pairs) {
          keys.add(kv[0]);
          values.add(kv[1]);
        }
      }
      return fin(new DictExpr(keys, values, open.line, open.col));
    }
    // Not limited to the error pass: CPython only defers alternatives that consist of an
    // invalid_ rule alone, and this one starts with '{'.
    mark = start + 1;
    invalidDoubleStarredKvpairs();
    mark = start;
    return null;
  }

  private List<Expr[]> doubleStarredKvpairs() {
    List<Expr[]> pairs = commaSeparated(this::doubleStarredKvpair);
    if (pairs != null) {
      expect(TokenType.COMMA);
    }
    return pairs;
  }

  private Expr[] doubleStarredKvpair() {
    int start = mark;
    if (expect(TokenType.DOUBLESTAR) != null) {
      Expr a = bitwiseOr();
      if (a != null) {
        return new Expr[] {null, a};
      }
      mark = start;
    }
    return kvpair();
  }

  private Expr[] kvpair() {
    int start = mark;
    Expr a = expression();
    if (a != null && expect(TokenType.COLON) != null) {
      Expr b = expression();
      if (b != null) {
        return new Expr[] {a, b};
      }
    }
    mark = start;
    return null;
  }

  // ---------------------------------------------------------------- comprehensions

  @Override
  final List<Comprehension> forIfClauses() {
    List<Comprehension> clauses = repeat(this::forIfClause);
    return clauses.isEmpty() ? null : clauses;
  }

  private Comprehension forIfClause() {
    int start = mark;
    Token async = expect(TokenType.ASYNC);
    Token forToken = expect(TokenType.FOR);
    if (forToken != null) {
      Expr target = starTargets();
      if (target != null && expect(TokenType.IN) != null) {
        // CPython's cut: past 'in', this rule fails outright rather than trying others.
        Expr iter = disjunction();
        if (iter == null) {
          mark = start;
          return null;
        }
        List<Expr> ifs = repeat(() -> {
          int save = mark;
          if (expect(TokenType.IF) != null) {
            Expr cond = disjunction();
            if (cond != null) {
              return cond;
            }
          }
          mark = save;
          return null;
        });
        if (async != null) {
          unsupported.note("async comprehensions", async);
        }
        Token at = async != null ? async : forToken;
        return new Comprehension(target, iter, ifs, at.line, at.col);
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidForTarget();
    }
    return null;
  }

  private Expr listcomp() {
    int start = mark;
    Token open = expect(TokenType.LSQB);
    if (open != null) {
      Expr elt = namedExpression();
      List<Comprehension> gens = elt == null ? null : forIfClauses();
      if (gens != null && expect(TokenType.RSQB) != null) {
        return fin(new ListComp(elt, gens, open.line, open.col));
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidComprehension();
    }
    return null;
  }

  private Expr setcomp() {
    int start = mark;
    Token open = expect(TokenType.LBRACE);
    if (open != null) {
      Expr elt = namedExpression();
      List<Comprehension> gens = elt == null ? null : forIfClauses();
      if (gens != null && expect(TokenType.RBRACE) != null) {
        return fin(new SetComp(elt, gens, open.line, open.col));
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidComprehension();
    }
    return null;
  }

  @Override
  final Expr genexp() {
    int start = mark;
    Token open = expect(TokenType.LPAR);
    if (open != null) {
      Expr elt = namedOrPlainExpression();
      List<Comprehension> gens = elt == null ? null : forIfClauses();
      if (gens != null && expect(TokenType.RPAR) != null) {
        return fin(new GeneratorExp(elt, gens, open.line, open.col));
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidComprehension();
    }
    return null;
  }

  private Expr dictcomp() {
    int start = mark;
    Token open = expect(TokenType.LBRACE);
    if (open != null) {
      Expr[] kv = kvpair();
      List<Comprehension> gens = kv == null ? null : forIfClauses();
      if (gens != null && expect(TokenType.RBRACE) != null) {
        return fin(new DictComp(kv[0], kv[1], gens, open.line, open.col));
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidDictComprehension();
    }
    return null;
  }

  // ---------------------------------------------------------------- invalid_ rules

  private void invalidGroup() {
    int start = mark;
    if (expect(TokenType.LPAR) != null) {
      Expr a = starredExpression();
      if (a != null && expect(TokenType.RPAR) != null) {
        throw errorAt(a, "cannot use starred expression here");
      }
      mark = start + 1;
      Token stars = expect(TokenType.DOUBLESTAR);
      if (stars != null && expression() != null && expect(TokenType.RPAR) != null) {
        throw errorAt(stars, "cannot use double starred expression here");
      }
    }
    mark = start;
  }

  private void invalidComprehension() {
    int start = mark;
    if (atAny(TokenType.LSQB, TokenType.LPAR, TokenType.LBRACE)) {
      mark++;
      Expr a = starredExpression();
      if (a != null && forIfClauses() != null) {
        throw errorAt(a, "iterable unpacking cannot be used in comprehension");
      }
    }
    mark = start;
    if (atAny(TokenType.LSQB, TokenType.LBRACE)) {
      mark++;
      Expr a = starNamedExpression();
      Token comma = a == null ? null : expect(TokenType.COMMA);
      if (comma != null) {
        int afterComma = mark;
        List<Expr> b = starNamedExpressions();
        if (b != null && forIfClauses() != null) {
          throw errorRange(a, b.get(b.size() - 1),
              "did you forget parentheses around the comprehension target?");
        }
        mark = afterComma;
        if (forIfClauses() != null) {
          throw errorRange(a, comma,
              "did you forget parentheses around the comprehension target?");
        }
      }
    }
    mark = start;
  }

  private void invalidDictComprehension() {
    int start = mark;
    if (expect(TokenType.LBRACE) != null) {
      Token stars = expect(TokenType.DOUBLESTAR);
      if (stars != null && bitwiseOr() != null && forIfClauses() != null
          && expect(TokenType.RBRACE) != null) {
        throw errorAt(stars, "dict unpacking cannot be used in dict comprehension");
      }
    }
    mark = start;
  }

  private void invalidDoubleStarredKvpairs() {
    int start = mark;
    if (commaSeparated(this::doubleStarredKvpair) != null && expect(TokenType.COMMA) != null) {
      invalidKvpair();
    }
    mark = start;
    invalidKvpairTail();
    mark = start;
  }

  private void invalidKvpair() {
    int start = mark;
    Expr a = expression();
    if (a != null && !at(TokenType.COLON)) {
      // Reached in the first pass too, where node ends are not recorded: use the last token.
      Token end = lastConsumed();
      throw new SyntaxFailure("SyntaxError", "':' expected after dictionary key", a.line(),
          end.endCol, end.endLine, 0, SyntaxFailure.Origin.PARSER);
    }
    mark = start;
    invalidKvpairTail();
    mark = start;
  }

  /** The two alternatives shared by invalid_double_starred_kvpairs and invalid_kvpair. */
  private void invalidKvpairTail() {
    int start = mark;
    if (expression() != null && expect(TokenType.COLON) != null) {
      Token star = expect(TokenType.STAR);
      if (star != null && bitwiseOr() != null) {
        throw errorFrom(star.line, star.col,
            "cannot use a starred expression in a dictionary value");
      }
    }
    mark = start;
    if (expression() != null) {
      Token colon = expect(TokenType.COLON);
      if (colon != null && atAny(TokenType.RBRACE, TokenType.COMMA)) {
        throw errorAt(colon, "expression expected after dictionary key and ':'");
      }
    }
    mark = start;
  }

  private void invalidForTarget() {
    int start = mark;
    expect(TokenType.ASYNC);
    if (expect(TokenType.FOR) != null) {
      Expr a = starExpressions();
      if (a != null) {
        raiseIfInvalidTarget(TargetsType.FOR_TARGETS, a);
      }
    }
    mark = start;
  }
}
