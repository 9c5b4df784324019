package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Arguments;
import org.stitchjit.runtime.ast.Node.Attribute;
import org.stitchjit.runtime.ast.Node.BinOp;
import org.stitchjit.runtime.ast.Node.BoolOp;
import org.stitchjit.runtime.ast.Node.BoolOperator;
import org.stitchjit.runtime.ast.Node.Call;
import org.stitchjit.runtime.ast.Node.CmpOperator;
import org.stitchjit.runtime.ast.Node.Compare;
import org.stitchjit.runtime.ast.Node.Comprehension;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.IfExp;
import org.stitchjit.runtime.ast.Node.Keyword;
import org.stitchjit.runtime.ast.Node.Lambda;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.NamedExpr;
import org.stitchjit.runtime.ast.Node.Operator;
import org.stitchjit.runtime.ast.Node.Slice;
import org.stitchjit.runtime.ast.Node.Starred;
import org.stitchjit.runtime.ast.Node.Subscript;
import org.stitchjit.runtime.ast.Node.TupleExpr;
import org.stitchjit.runtime.ast.Node.UnaryOp;
import org.stitchjit.runtime.ast.Node.UnaryOperator;
import org.stitchjit.runtime.ast.Node.Yield;
import org.stitchjit.runtime.ast.Node.YieldFrom;

/**
 * Expressions from conditional expressions down to primaries, and call arguments, following
 * CPython 3.11's grammar rule by rule (left-recursive rules become loops), with the
 * {@code invalid_*} rules that produce its specific error messages. Atoms, displays and
 * comprehensions live in {@link AtomRules}.
 */
abstract class ExpressionRules extends ParameterRules {
  /** One {@code name=value}, {@code **value} or {@code *value} item of a call. */
  private record KeywordOrStarred(Object element, boolean isKeyword) {}

  ExpressionRules(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  abstract List<Comprehension> forIfClauses();

  abstract Expr list();

  abstract Expr tuple();

  // ---------------------------------------------------------------- expression lists

  /** {@code expressions}: expression (',' expression)* [','], a tuple if any comma. */
  final Expr expressions() {
    return elementOrTuple(this::expression, Ctx.LOAD);
  }

  final Expr starExpressions() {
    return elementOrTuple(this::starExpression, Ctx.LOAD);
  }

  @Override
  final Expr starExpression() {
    int start = mark;
    Token.Memo m = memoLookup(M_STAR_EXPRESSION);
    if (m != null) {
      return (Expr) m.node;
    }
    Expr result = null;
    Token star = expect(TokenType.STAR);
    if (star != null) {
      Expr a = bitwiseOr();
      if (a != null) {
        result = fin(new Starred(a, Ctx.LOAD, star.line, star.col));
      } else {
        mark = start;
      }
    }
    if (result == null) {
      result = expression();
    }
    memoStore(start, M_STAR_EXPRESSION, result);
    return result;
  }

  final List<Expr> starNamedExpressions() {
    List<Expr> elts = commaSeparated(this::starNamedExpression);
    if (elts != null) {
      expect(TokenType.COMMA);
    }
    return elts;
  }

  final Expr starNamedExpression() {
    int start = mark;
    Token star = expect(TokenType.STAR);
    if (star != null) {
      Expr a = bitwiseOr();
      if (a != null) {
        return fin(new Starred(a, Ctx.LOAD, star.line, star.col));
      }
      mark = start;
    }
    return namedExpression();
  }

  // ---------------------------------------------------------------- expression

  @Override
  final Expr expression() {
    int start = mark;
    Token.Memo m = memoLookup(M_EXPRESSION);
    if (m != null) {
      return (Expr) m.node;
    }
    enter();
    if (callInvalidRules) {
      invalidExpression();
      invalidLegacyExpression();
    }
    Expr result = conditionalOrLambda();
    leave();
    memoStore(start, M_EXPRESSION, result);
    return result;
  }

  private Expr conditionalOrLambda() {
    int start = mark;
    Token first = peek();
    Expr a = disjunction();
    if (a != null) {
      int afterA = mark;
      if (expect(TokenType.IF) != null) {
        Expr b = disjunction();
        if (b != null && expect(TokenType.ELSE) != null) {
          Expr c = expression();
          if (c != null) {
            return fin(new IfExp(b, a, c, first.line, first.col));
          }
        }
      }
      mark = afterA;
      return a;
    }
    mark = start;
    return lambdef();
  }

  /** CPython's expression_without_invalid: no invalid_ rules anywhere beneath it. */
  private Expr expressionWithoutInvalid() {
    boolean saved = callInvalidRules;
    callInvalidRules = false;
    try {
      return conditionalOrLambda();
    } finally {
      callInvalidRules = saved;
    }
  }

  final Expr yieldExpr() {
    int start = mark;
    Token y = expect(TokenType.YIELD);
    if (y == null) {
      return null;
    }
    if (expect(TokenType.FROM) != null) {
      Expr a = expression();
      if (a != null) {
        return fin(new YieldFrom(a, y.line, y.col));
      }
    }
    mark = start + 1;
    Expr a = starExpressions();
    return fin(new Yield(a, y.line, y.col));
  }

  private Expr assignmentExpression() {
    int start = mark;
    Token a = expect(TokenType.NAME);
    if (a != null && expect(TokenType.COLONEQUAL) != null) {
      Expr b = expression();
      if (b != null) {
        Name target = fin(new Name(identifier(a), Ctx.STORE, a.line, a.col));
        return fin(new NamedExpr(target, b, a.line, a.col));
      }
    }
    mark = start;
    return null;
  }

  final Expr namedExpression() {
    int start = mark;
    Expr a = assignmentExpression();
    if (a != null) {
      return a;
    }
    if (callInvalidRules) {
      invalidNamedExpression();
    }
    Expr e = expression();
    if (e != null && !at(TokenType.COLONEQUAL)) {
      return e;
    }
    mark = start;
    return null;
  }

  /** {@code assignment_expression | expression !':='} */
  final Expr namedOrPlainExpression() {
    int start = mark;
    Expr a = assignmentExpression();
    if (a != null) {
      return a;
    }
    Expr e = expression();
    if (e != null && !at(TokenType.COLONEQUAL)) {
      return e;
    }
    mark = start;
    return null;
  }

  private Expr lambdef() {
    int start = mark;
    Token lambda = expect(TokenType.LAMBDA);
    if (lambda == null) {
      return null;
    }
    Token afterLambda = peek();
    Arguments a = params(true);
    if (expect(TokenType.COLON) != null) {
      Expr b = expression();
      if (b != null) {
        return fin(new Lambda(a != null ? a : emptyArguments(afterLambda), b, lambda.line,
            lambda.col));
      }
    }
    mark = start;
    return null;
  }

  // ---------------------------------------------------------------- boolean operators

  final Expr disjunction() {
    int start = mark;
    Token.Memo m = memoLookup(M_DISJUNCTION);
    if (m != null) {
      return (Expr) m.node;
    }
    Expr result = boolOp(BoolOperator.OR);
    memoStore(start, M_DISJUNCTION, result);
    return result;
  }

  private Expr conjunction() {
    int start = mark;
    Token.Memo m = memoLookup(M_CONJUNCTION);
    if (m != null) {
      return (Expr) m.node;
    }
    Expr result = boolOp(BoolOperator.AND);
    memoStore(start, M_CONJUNCTION, result);
    return result;
  }

  private Expr boolOp(BoolOperator op) {
    Token first = peek();
    TokenType keyword = op == BoolOperator.OR ? TokenType.OR : TokenType.AND;
    Expr a = op == BoolOperator.OR ? conjunction() : inversion();
    if (a == null || !at(keyword)) {
      return a;
    }
    List<Expr> values = new ArrayList<>();
    values.add(a);
    for (;;) {
      int save = mark;
      if (expect(keyword) == null) {
        break;
      }
      Expr c = op == BoolOperator.OR ? conjunction() : inversion();
      if (c == null) {
        mark = save;
        break;
      }
      values.add(c);
    }
    return values.size() == 1 ? a : fin(new BoolOp(op, values, first.line, first.col));
  }

  private Expr inversion() {
    return prefixOperation(M_INVERSION,
        t -> t.type == TokenType.NOT ? UnaryOperator.NOT : null,
        this::inversion, this::comparison);
  }

  private Expr comparison() {
    Token first = peek();
    Expr a = bitwiseOr();
    if (a == null) {
      return null;
    }
    List<CmpOperator> ops = null;
    List<Expr> comparators = null;
    for (;;) {
      int save = mark;
      CmpOperator op = compareOperator();
      Expr b = op == null ? null : bitwiseOr();
      if (b == null) {
        mark = save;
        break;
      }
      if (ops == null) {
        ops = new ArrayList<>();
        comparators = new ArrayList<>();
      }
      ops.add(op);
      comparators.add(b);
    }
    return ops == null ? a : fin(new Compare(a, ops, comparators, first.line, first.col));
  }

  private CmpOperator compareOperator() {
    Token t = peek();
    switch (t.type) {
      case EQEQUAL:
        mark++;
        return CmpOperator.EQ;
      case NOTEQUAL:
        // "<>" is only valid under "from __future__ import barry_as_FLUFL".
        if (t.text.equals("<>")) {
          return null;
        }
        mark++;
        return CmpOperator.NOT_EQ;
      case LESSEQUAL:
        mark++;
        return CmpOperator.LT_E;
      case LESS:
        mark++;
        return CmpOperator.LT;
      case GREATEREQUAL:
        mark++;
        return CmpOperator.GT_E;
      case GREATER:
        mark++;
        return CmpOperator.GT;
      case NOT:
        mark++;
        if (expect(TokenType.IN) != null) {
          return CmpOperator.NOT_IN;
        }
        mark--;
        return null;
      case IN:
        mark++;
        return CmpOperator.IN;
      case IS: {
        mark++;
        int afterIs = mark;
        if (expect(TokenType.NOT) != null) {
          // 'is' 'not' bitwise_or, falling back to plain 'is' when no operand follows.
          int save = mark;
          if (bitwiseOr() != null) {
            mark = save;
            return CmpOperator.IS_NOT;
          }
          mark = afterIs;
        }
        return CmpOperator.IS;
      }
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- binary operators

  final Expr bitwiseOr() {
    int start = mark;
    Token.Memo m = memoLookup(M_BITWISE_OR);
    if (m != null) {
      return (Expr) m.node;
    }
    Expr result = binaryLevel(0);
    memoStore(start, M_BITWISE_OR, result);
    return result;
  }

  /**
   * One left-associative precedence level: 0 '|', 1 '^', 2 '&', 3 shifts, 4 '+' '-',
   * 5 '*' '/' '//' '%' '@'. Level 6 is factor.
   */
  private Expr binaryLevel(int level) {
    Token first = peek();
    Expr a = level == 5 ? factor() : binaryLevel(level + 1);
    if (a == null) {
      return null;
    }
    for (;;) {
      int save = mark;
      Operator op = binaryOperator(level, peek().type);
      if (op == null) {
        break;
      }
      mark++;
      Expr b = level == 5 ? factor() : binaryLevel(level + 1);
      if (b == null) {
        mark = save;
        break;
      }
      a = fin(new BinOp(a, op, b, first.line, first.col));
    }
    return a;
  }

  private static Operator binaryOperator(int level, TokenType t) {
    switch (level) {
      case 0:
        return t == TokenType.VBAR ? Operator.BITOR : null;
      case 1:
        return t == TokenType.CIRCUMFLEX ? Operator.BITXOR : null;
      case 2:
        return t == TokenType.AMPER ? Operator.BITAND : null;
      case 3:
        return t == TokenType.LEFTSHIFT ? Operator.LSHIFT
            : t == TokenType.RIGHTSHIFT ? Operator.RSHIFT : null;
      case 4:
        return t == TokenType.PLUS ? Operator.ADD : t == TokenType.MINUS ? Operator.SUB : null;
      default:
        switch (t) {
          case STAR:
            return Operator.MULT;
          case SLASH:
            return Operator.DIV;
          case DOUBLESLASH:
            return Operator.FLOORDIV;
          case PERCENT:
            return Operator.MOD;
          case AT:
            return Operator.MATMULT;
          default:
            return null;
        }
    }
  }

  private Expr factor() {
    return prefixOperation(M_FACTOR,
        t -> t.type == TokenType.PLUS ? UnaryOperator.UADD
            : t.type == TokenType.MINUS ? UnaryOperator.USUB
            : t.type == TokenType.TILDE ? UnaryOperator.INVERT : null,
        this::factor, this::power);
  }

  /**
   * The memoized shape shared by inversion and factor: {@code op operand | next}, where
   * {@code prefix} gives the unary operator a token starts (or null), {@code operand} is the
   * rule itself and {@code next} the next tighter rule.
   */
  private Expr prefixOperation(int rule,
      java.util.function.Function<Token, UnaryOperator> prefix,
      java.util.function.Supplier<Expr> operand, java.util.function.Supplier<Expr> next) {
    int start = mark;
    Token.Memo m = memoLookup(rule);
    if (m != null) {
      return (Expr) m.node;
    }
    enter();
    Token t = peek();
    UnaryOperator op = prefix.apply(t);
    Expr result = null;
    if (op != null) {
      mark++;
      Expr a = operand.get();
      if (a != null) {
        result = fin(new UnaryOp(op, a, t.line, t.col));
      } else {
        mark = start;
      }
    }
    if (result == null) {
      result = next.get();
    }
    leave();
    memoStore(start, rule, result);
    return result;
  }

  private Expr power() {
    Token first = peek();
    Expr a = awaitPrimary();
    if (a == null) {
      return null;
    }
    int save = mark;
    if (expect(TokenType.DOUBLESTAR) != null) {
      Expr b = factor();
      if (b != null) {
        return fin(new BinOp(a, Operator.POW, b, first.line, first.col));
      }
    }
    mark = save;
    return a;
  }

  private Expr awaitPrimary() {
    int start = mark;
    Token await = expect(TokenType.AWAIT);
    if (await != null) {
      Expr a = primary();
      if (a != null) {
        unsupported.note("await expressions", await);
        return a;
      }
      mark = start;
    }
    return primary();
  }

  // ---------------------------------------------------------------- primaries

  final Expr primary() {
    int start = mark;
    Token.Memo m = memoLookup(M_PRIMARY);
    if (m != null) {
      return (Expr) m.node;
    }
    Token first = peek();
    Expr a = atom();
    if (a != null) {
      for (;;) {
        Expr grown = primaryTrailer(a, first);
        if (grown == null) {
          break;
        }
        a = grown;
      }
    }
    memoStore(start, M_PRIMARY, a);
    return a;
  }

  private Expr primaryTrailer(Expr a, Token first) {
    int start = mark;
    if (expect(TokenType.DOT) != null) {
      Token b = expect(TokenType.NAME);
      if (b != null) {
        return fin(new Attribute(a, identifier(b), Ctx.LOAD, first.line, first.col));
      }
      mark = start;
      return null;
    }
    Expr g = genexp();
    if (g != null) {
      return fin(new Call(a, List.of(g), List.of(), first.line, first.col));
    }
    if (expect(TokenType.LPAR) != null) {
      CallArgs b = arguments();
      if (expect(TokenType.RPAR) != null) {
        return fin(new Call(a, b == null ? List.of() : b.args(),
            b == null ? List.of() : b.keywords(), first.line, first.col));
      }
      mark = start;
      return null;
    }
    if (expect(TokenType.LSQB) != null) {
      Expr b = slices();
      if (b != null && expect(TokenType.RSQB) != null) {
        return fin(new Subscript(a, b, Ctx.LOAD, first.line, first.col));
      }
      mark = start;
    }
    return null;
  }

  @Override
  final Expr slices() {
    int start = mark;
    Token first = peek();
    Expr a = slice();
    if (a != null && !at(TokenType.COMMA)) {
      return a;
    }
    mark = start;
    List<Expr> elts = commaSeparated(() -> {
      Expr s = slice();
      return s != null ? s : starredExpression();
    });
    if (elts == null) {
      return null;
    }
    expect(TokenType.COMMA);
    return fin(new TupleExpr(elts, Ctx.LOAD, first.line, first.col));
  }

  private Expr slice() {
    int start = mark;
    Token first = peek();
    Expr lower = expression();
    if (expect(TokenType.COLON) != null) {
      Expr upper = expression();
      Expr step = null;
      if (expect(TokenType.COLON) != null) {
        step = expression();
      }
      return fin(new Slice(lower, upper, step, first.line, first.col));
    }
    mark = start;
    return namedExpression();
  }

  // ---------------------------------------------------------------- call arguments

  @Override
  final CallArgs arguments() {
    int start = mark;
    Token.Memo m = memoLookup(M_ARGUMENTS);
    if (m != null) {
      return (CallArgs) m.node;
    }
    CallArgs result = args();
    if (result != null) {
      expect(TokenType.COMMA);
      if (!at(TokenType.RPAR)) {
        result = null;
        mark = start;
      }
    }
    if (result == null && callInvalidRules) {
      invalidArguments();
    }
    memoStore(start, M_ARGUMENTS, result);
    return result;
  }

  private CallArgs args() {
    int start = mark;
    List<Expr> positional = commaSeparated(this::positionalArgument);
    if (positional != null) {
      int save = mark;
      List<KeywordOrStarred> rest = null;
      if (expect(TokenType.COMMA) != null) {
        rest = kwargs();
      }
      if (rest == null) {
        mark = save;
      }
      return collectCallArgs(positional, rest);
    }
    mark = start;
    List<KeywordOrStarred> rest = kwargs();
    return rest == null ? null : collectCallArgs(List.of(), rest);
  }

  /** Starred items given after keywords still go to the positional list, as in CPython. */
  private static CallArgs collectCallArgs(List<Expr> positional, List<KeywordOrStarred> rest) {
    List<Expr> args = new ArrayList<>(positional);
    List<Keyword> keywords = new ArrayList<>();
    if (rest != null) {
      for (KeywordOrStarred item : rest) {
        if (item.isKeyword()) {
          keywords.add((Keyword) item.element());
        } else {
          args.add((Expr) item.element());
        }
      }
    }
    return new CallArgs(args, keywords);
  }

  private Expr positionalArgument() {
    int start = mark;
    Expr e = starredExpression();
    if (e != null) {
      return e;
    }
    e = namedOrPlainExpression();
    if (e != null && !at(TokenType.EQUAL)) {
      return e;
    }
    mark = start;
    return null;
  }

  private List<KeywordOrStarred> kwargs() {
    int start = mark;
    List<KeywordOrStarred> a = commaSeparated(this::kwargOrStarred);
    if (a != null) {
      int save = mark;
      if (expect(TokenType.COMMA) != null) {
        List<KeywordOrStarred> b = commaSeparated(this::kwargOrDoubleStarred);
        if (b != null) {
          List<KeywordOrStarred> all = new ArrayList<>(a);
          all.addAll(b);
          return all;
        }
      }
      mark = save;
      return a;
    }
    mark = start;
    return commaSeparated(this::kwargOrDoubleStarred);
  }

  final Expr starredExpression() {
    int start = mark;
    Token star = expect(TokenType.STAR);
    if (star != null) {
      Expr a = expression();
      if (a != null) {
        return fin(new Starred(a, Ctx.LOAD, star.line, star.col));
      }
      mark = start;
    }
    return null;
  }

  private KeywordOrStarred kwargOrStarred() {
    if (callInvalidRules) {
      invalidKwarg();
    }
    Keyword k = namedKeyword();
    if (k != null) {
      return new KeywordOrStarred(k, true);
    }
    Expr s = starredExpression();
    return s == null ? null : new KeywordOrStarred(s, false);
  }

  private KeywordOrStarred kwargOrDoubleStarred() {
    if (callInvalidRules) {
      invalidKwarg();
    }
    Keyword k = namedKeyword();
    if (k != null) {
      return new KeywordOrStarred(k, true);
    }
    int start = mark;
    Token stars = expect(TokenType.DOUBLESTAR);
    if (stars != null) {
      Expr a = expression();
      if (a != null) {
        return new KeywordOrStarred(fin(new Keyword(null, a, stars.line, stars.col)), true);
      }
      mark = start;
    }
    return null;
  }

  private Keyword namedKeyword() {
    int start = mark;
    Token name = expect(TokenType.NAME);
    if (name != null && expect(TokenType.EQUAL) != null) {
      Expr value = expression();
      if (value != null) {
        return fin(new Keyword(identifier(name), value, name.line, name.col));
      }
    }
    mark = start;
    return null;
  }

  // ---------------------------------------------------------------- invalid_ rules

  private static boolean isLegacyName(Expr e) {
    return e instanceof Name n && (n.id().equals("print") || n.id().equals("exec"));
  }

  /**
   * CPython's SOFT_KEYWORD token test. It compares only as many characters as the name has,
   * so prefixes such as "c" or "mat" count too; mirrored because it decides which message
   * "f(c d)" gets.
   */
  private static boolean isSoftKeyword(Token t) {
    return t.type == TokenType.NAME && !t.text.isEmpty() && ("match".startsWith(t.text)
        || "case".startsWith(t.text) || "_".equals(t.text));
  }

  private void invalidExpression() {
    int start = mark;
    Token first = peek();
    boolean nameString = false;
    if (first.type == TokenType.NAME) {
      mark++;
      nameString = at(TokenType.STRING);
      mark = start;
    }
    if (!nameString && !isSoftKeyword(first)) {
      Expr a = disjunction();
      if (a != null) {
        Expr b = expressionWithoutInvalid();
        if (b != null && !isLegacyName(a) && lastConsumed().level != 0) {
          throw errorRange(a, b, "invalid syntax. Perhaps you forgot a comma?");
        }
      }
    }
    mark = start;
    Expr a = disjunction();
    if (a != null && expect(TokenType.IF) != null) {
      Expr b = disjunction();
      if (b != null && !atAny(TokenType.ELSE, TokenType.COLON)) {
        throw errorRange(a, b, "expected 'else' after 'if' expression");
      }
    }
    mark = start;
  }

  private void invalidLegacyExpression() {
    int start = mark;
    Token a = expect(TokenType.NAME);
    if (a != null && !at(TokenType.LPAR)) {
      Expr b = starExpressions();
      if (b != null && (a.text.equals("print") || a.text.equals("exec"))) {
        throw errorRange(a.line, a.col, endLineOf(b), endColOf(b), "Missing parentheses in call to '"
            + a.text + "'. Did you mean " + a.text + "(...)?");
      }
    }
    mark = start;
  }

  private void invalidNamedExpression() {
    int start = mark;
    if (memoLookup(M_INVALID_NAMED_EXPRESSION) != null) {
      mark = start;
      return;
    }
    Expr a = expression();
    if (a != null && expect(TokenType.COLONEQUAL) != null && expression() != null) {
      throw errorAt(a, "cannot use assignment expressions with " + exprName(a));
    }
    mark = start;
    Token name = expect(TokenType.NAME);
    if (name != null && expect(TokenType.EQUAL) != null) {
      Expr b = bitwiseOr();
      if (b != null && !atAny(TokenType.EQUAL, TokenType.COLONEQUAL)) {
        throw errorRange(name.line, name.col, endLineOf(b), endColOf(b),
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
    mark = start;
    if (!startsListTupleGenexpOrSingleton()) {
      Expr target = bitwiseOr();
      if (target != null && expect(TokenType.EQUAL) != null && bitwiseOr() != null
          && !atAny(TokenType.EQUAL, TokenType.COLONEQUAL)) {
        throw errorAt(target, "cannot assign to " + exprName(target)
            + " here. Maybe you meant '==' instead of '='?");
      }
    }
    mark = start;
    memoStore(start, M_INVALID_NAMED_EXPRESSION, null);
  }

  /** The lookahead {@code &(list|tuple|genexp|'True'|'None'|'False')}. */
  private boolean startsListTupleGenexpOrSingleton() {
    int start = mark;
    boolean found = list() != null || tuple() != null || genexp() != null
        || atAny(TokenType.TRUE, TokenType.NONE, TokenType.FALSE);
    mark = start;
    return found;
  }

  private void invalidKwarg() {
    int start = mark;
    Token a = peek();
    if (atAny(TokenType.TRUE, TokenType.FALSE, TokenType.NONE)) {
      mark++;
      Token b = expect(TokenType.EQUAL);
      if (b != null) {
        throw errorRange(a, b, "cannot assign to " + a.text);
      }
    }
    mark = start;
    Token name = expect(TokenType.NAME);
    if (name != null) {
      Token b = expect(TokenType.EQUAL);
      if (b != null && expression() != null && forIfClauses() != null) {
        throw errorRange(name, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
    mark = start;
    boolean nameEquals = expect(TokenType.NAME) != null && expect(TokenType.EQUAL) != null;
    mark = start;
    if (!nameEquals) {
      Expr e = expression();
      if (e != null) {
        Token b = expect(TokenType.EQUAL);
        if (b != null) {
          throw errorRange(e, b, "expression cannot contain assignment, perhaps you meant \"==\"?");
        }
      }
    }
    mark = start;
  }

  private static Expr lastComprehensionItem(List<Comprehension> clauses) {
    Comprehension last = clauses.get(clauses.size() - 1);
    return last.ifs().isEmpty() ? last.iter() : last.ifs().get(last.ifs().size() - 1);
  }

  private void invalidArguments() {
    int start = mark;
    // (positional+ ',' kwargs | kwargs) ',' '*'
    List<Expr> positional = commaSeparated(this::positionalArgument);
    boolean keywordsSeen = positional != null && expect(TokenType.COMMA) != null
        && kwargs() != null;
    if (!keywordsSeen) {
      mark = start;
      keywordsSeen = kwargs() != null;
    }
    if (keywordsSeen && expect(TokenType.COMMA) != null) {
      Token star = expect(TokenType.STAR);
      if (star != null) {
        throw errorAt(star, "iterable argument unpacking follows keyword argument unpacking");
      }
    }
    mark = start;
    Expr a = expression();
    if (a != null) {
      List<Comprehension> b = forIfClauses();
      if (b != null && expect(TokenType.COMMA) != null) {
        int save = mark;
        if (args() == null) {
          mark = save;
          if (expression() == null || forIfClauses() == null) {
            mark = save;
          }
        }
        throw errorRange(a, lastComprehensionItem(b),
            "Generator expression must be parenthesized");
      }
    }
    mark = start;
    Token name = expect(TokenType.NAME);
    if (name != null) {
      Token eq = expect(TokenType.EQUAL);
      if (eq != null && expression() != null && forIfClauses() != null) {
        throw errorRange(name, eq,
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
      }
    }
    mark = start;
    CallArgs call = args();
    if (call != null) {
      List<Comprehension> b = forIfClauses();
      if (b != null && call.args().size() > 1) {
        throw errorRange(call.args().get(call.args().size() - 1), lastComprehensionItem(b),
            "Generator expression must be parenthesized");
      }
    }
    mark = start;
    if (args() != null && expect(TokenType.COMMA) != null) {
      Expr e = expression();
      List<Comprehension> b = e == null ? null : forIfClauses();
      if (b != null) {
        throw errorRange(e, lastComprehensionItem(b),
            "Generator expression must be parenthesized");
      }
    }
    mark = start;
    call = args();
    if (call != null && expect(TokenType.COMMA) != null && args() != null) {
      boolean unpacking = call.keywords().stream().anyMatch(k -> k.arg() == null);
      throw error(unpacking ? "positional argument follows keyword argument unpacking"
          : "positional argument follows keyword argument");
    }
    mark = start;
  }
}
