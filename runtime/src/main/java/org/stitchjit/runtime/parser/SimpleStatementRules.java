package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Alias;
import org.stitchjit.runtime.ast.Node.AnnAssign;
import org.stitchjit.runtime.ast.Node.Assert;
import org.stitchjit.runtime.ast.Node.Assign;
import org.stitchjit.runtime.ast.Node.AugAssign;
import org.stitchjit.runtime.ast.Node.Break;
import org.stitchjit.runtime.ast.Node.Continue;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Delete;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.ExprStmt;
import org.stitchjit.runtime.ast.Node.Global;
import org.stitchjit.runtime.ast.Node.Import;
import org.stitchjit.runtime.ast.Node.ImportFrom;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.Nonlocal;
import org.stitchjit.runtime.ast.Node.Operator;
import org.stitchjit.runtime.ast.Node.Pass;
import org.stitchjit.runtime.ast.Node.Raise;
import org.stitchjit.runtime.ast.Node.Return;
import org.stitchjit.runtime.ast.Node.Stmt;

/**
 * Simple statements (one line, separable by semicolons): assignments of every form,
 * imports and the keyword statements, following CPython 3.11's grammar with its
 * {@code invalid_*} rules.
 */
abstract class SimpleStatementRules extends AtomRules {
  SimpleStatementRules(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  // ---------------------------------------------------------------- simple statements

  final List<Stmt> simpleStmts() {
    int start = mark;
    Stmt a = simpleStmt();
    if (a != null && !at(TokenType.SEMI) && expect(TokenType.NEWLINE) != null) {
      return List.of(a);
    }
    mark = start;
    List<Stmt> list = separated(TokenType.SEMI, this::simpleStmt);
    if (list != null) {
      expect(TokenType.SEMI);
      if (expect(TokenType.NEWLINE) != null) {
        return list;
      }
    }
    mark = start;
    return null;
  }

  private Stmt simpleStmt() {
    int start = mark;
    Token.Memo m = memoLookup(M_SIMPLE_STMT);
    if (m != null) {
      return (Stmt) m.node;
    }
    Stmt result = simpleStmtAlternatives();
    if (result == null) {
      mark = start;
    }
    memoStore(start, M_SIMPLE_STMT, result);
    return result;
  }

  private Stmt simpleStmtAlternatives() {
    int start = mark;
    Token first = peek();
    Stmt s = assignment();
    if (s != null) {
      return s;
    }
    mark = start;
    Expr e = starExpressions();
    if (e != null) {
      return new ExprStmt(e, first.line, first.col);
    }
    mark = start;
    switch (first.type) {
      case RETURN:
        return returnStmt();
      case IMPORT:
      case FROM:
        return importStmt();
      case RAISE:
        return raiseStmt();
      case PASS:
        mark++;
        return new Pass(first.line, first.col);
      case DEL:
        return delStmt();
      case YIELD: {
        Expr y = yieldExpr();
        return y == null ? null : new ExprStmt(y, first.line, first.col);
      }
      case ASSERT:
        return assertStmt();
      case BREAK:
        mark++;
        return new Break(first.line, first.col);
      case CONTINUE:
        mark++;
        return new Continue(first.line, first.col);
      case GLOBAL:
      case NONLOCAL:
        return globalOrNonlocal(first);
      default:
        return null;
    }
  }

  // ---------------------------------------------------------------- assignment

  private Stmt assignment() {
    int start = mark;
    Token first = peek();
    // NAME ':' expression ['=' annotated_rhs]
    Token name = expect(TokenType.NAME);
    if (name != null && expect(TokenType.COLON) != null) {
      Expr annotation = expression();
      if (annotation != null) {
        Name target = fin(new Name(identifier(name), Ctx.STORE, name.line, name.col));
        return new AnnAssign(target, annotation, optionalAssignedValue(), first.line, first.col);
      }
    }
    mark = start;
    // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' ...]
    Expr target = null;
    if (expect(TokenType.LPAR) != null) {
      target = singleTarget();
      if (target == null || expect(TokenType.RPAR) == null) {
        target = null;
      }
    }
    if (target == null) {
      mark = start;
      target = singleSubscriptAttributeTarget();
    }
    if (target != null && expect(TokenType.COLON) != null) {
      Expr annotation = expression();
      if (annotation != null) {
        return new AnnAssign(target, annotation, optionalAssignedValue(), first.line, first.col);
      }
    }
    mark = start;
    // (star_targets '=')+ (yield_expr | star_expressions) !'='
    List<Expr> targets = repeat(() -> {
      int save = mark;
      Expr t = starTargets();
      if (t != null && expect(TokenType.EQUAL) != null) {
        return t;
      }
      mark = save;
      return null;
    });
    if (!targets.isEmpty()) {
      Expr value = annotatedRhs();
      if (value != null && !at(TokenType.EQUAL)) {
        return new Assign(targets, value, first.line, first.col);
      }
    }
    mark = start;
    // single_target augassign ~ (yield_expr | star_expressions)
    Expr augTarget = singleTarget();
    if (augTarget != null) {
      Operator op = augOperator(peek().type);
      if (op != null) {
        mark++;
        Expr value = annotatedRhs();
        if (value == null) {
          // The cut: no other alternative (not even the error rules) is tried.
          mark = start;
          return null;
        }
        return new AugAssign(augTarget, op, value, first.line, first.col);
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidAssignment();
    }
    return null;
  }

  private Expr optionalAssignedValue() {
    int save = mark;
    if (expect(TokenType.EQUAL) != null) {
      Expr value = annotatedRhs();
      if (value != null) {
        return value;
      }
    }
    mark = save;
    return null;
  }

  private Expr annotatedRhs() {
    Expr y = yieldExpr();
    return y != null ? y : starExpressions();
  }

  private static Operator augOperator(TokenType t) {
    switch (t) {
      case PLUSEQUAL: return Operator.ADD;
      case MINEQUAL: return Operator.SUB;
      case STAREQUAL: return Operator.MULT;
      case ATEQUAL: return Operator.MATMULT;
      case SLASHEQUAL: return Operator.DIV;
      case PERCENTEQUAL: return Operator.MOD;
      case AMPEREQUAL: return Operator.BITAND;
      case VBAREQUAL: return Operator.BITOR;
      case CIRCUMFLEXEQUAL: return Operator.BITXOR;
      case LEFTSHIFTEQUAL: return Operator.LSHIFT;
      case RIGHTSHIFTEQUAL: return Operator.RSHIFT;
      case DOUBLESTAREQUAL: return Operator.POW;
      case DOUBLESLASHEQUAL: return Operator.FLOORDIV;
      default: return null;
    }
  }

  private void invalidAssignment() {
    int start = mark;
    Expr a = invalidAnnAssignTarget();
    if (a != null && expect(TokenType.COLON) != null && expression() != null) {
      throw errorAt(a, "only single target (not " + exprName(a) + ") can be annotated");
    }
    mark = start;
    a = starNamedExpression();
    if (a != null && expect(TokenType.COMMA) != null) {
      repeat(this::starNamedExpressions);
      if (expect(TokenType.COLON) != null && expression() != null) {
        throw errorAt(a, "only single target (not tuple) can be annotated");
      }
    }
    mark = start;
    a = expression();
    if (a != null && expect(TokenType.COLON) != null && expression() != null) {
      throw errorAt(a, "illegal target for annotation");
    }
    mark = start;
    skipStarTargetsAssignments();
    a = starExpressions();
    if (a != null && expect(TokenType.EQUAL) != null) {
      raiseIfInvalidTarget(TargetsType.STAR_TARGETS, a);
    }
    mark = start;
    skipStarTargetsAssignments();
    a = yieldExpr();
    if (a != null && expect(TokenType.EQUAL) != null) {
      throw errorAt(a, "assignment to yield expression not possible");
    }
    mark = start;
    a = starExpressions();
    if (a != null && augOperator(peek().type) != null) {
      mark++;
      if (annotatedRhs() != null) {
        throw errorAt(a, "'" + exprName(a) + "' is an illegal expression for augmented assignment");
      }
    }
    mark = start;
  }

  /** {@code (star_targets '=')*} */
  private void skipStarTargetsAssignments() {
    repeat(() -> {
      int save = mark;
      Expr t = starTargets();
      if (t != null && expect(TokenType.EQUAL) != null) {
        return t;
      }
      mark = save;
      return null;
    });
  }

  private Expr invalidAnnAssignTarget() {
    int start = mark;
    Expr e = list();
    if (e == null) {
      e = tuple();
    }
    if (e != null) {
      return e;
    }
    if (expect(TokenType.LPAR) != null) {
      Expr inner = invalidAnnAssignTarget();
      if (inner != null && expect(TokenType.RPAR) != null) {
        return inner;
      }
    }
    mark = start;
    return null;
  }

  // ---------------------------------------------------------------- other simple statements

  private Stmt returnStmt() {
    Token kw = expect(TokenType.RETURN);
    return new Return(starExpressions(), kw.line, kw.col);
  }

  private Stmt raiseStmt() {
    int start = mark;
    Token kw = expect(TokenType.RAISE);
    Expr exc = expression();
    if (exc != null) {
      int save = mark;
      if (expect(TokenType.FROM) != null) {
        Expr cause = expression();
        if (cause != null) {
          return new Raise(exc, cause, kw.line, kw.col);
        }
      }
      mark = save;
      return new Raise(exc, null, kw.line, kw.col);
    }
    mark = start + 1;
    return new Raise(null, null, kw.line, kw.col);
  }

  private Stmt globalOrNonlocal(Token kw) {
    int start = mark;
    mark++;
    List<Token> names = commaSeparated(() -> expect(TokenType.NAME));
    if (names == null) {
      mark = start;
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (Token n : names) {
      ids.add(identifier(n));
    }
    return kw.type == TokenType.GLOBAL ? new Global(ids, kw.line, kw.col)
        : new Nonlocal(ids, kw.line, kw.col);
  }

  private Stmt delStmt() {
    int start = mark;
    Token kw = expect(TokenType.DEL);
    List<Expr> targets = delTargets();
    if (targets != null && atAny(TokenType.SEMI, TokenType.NEWLINE)) {
      return new Delete(targets, kw.line, kw.col);
    }
    mark = start;
    if (callInvalidRules) {
      mark++;
      Expr a = starExpressions();
      if (a != null) {
        raiseIfInvalidTarget(TargetsType.DEL_TARGETS, a);
      }
      mark = start;
    }
    return null;
  }

  private Stmt assertStmt() {
    int start = mark;
    Token kw = expect(TokenType.ASSERT);
    Expr test = expression();
    if (test == null) {
      mark = start;
      return null;
    }
    int save = mark;
    Expr msg = null;
    if (expect(TokenType.COMMA) != null) {
      msg = expression();
      if (msg == null) {
        mark = save;
      }
    }
    return new Assert(test, msg, kw.line, kw.col);
  }

  // ---------------------------------------------------------------- imports

  private Stmt importStmt() {
    int start = mark;
    Stmt result = at(TokenType.IMPORT) ? importName() : importFrom();
    if (result == null) {
      mark = start;
    }
    return result;
  }

  private Stmt importName() {
    Token kw = expect(TokenType.IMPORT);
    List<Alias> names = commaSeparated(this::dottedAsName);
    return names == null ? null : new Import(names, kw.line, kw.col);
  }

  private Alias dottedAsName() {
    Token first = peek();
    String name = dottedName();
    if (name == null) {
      return null;
    }
    return new Alias(name, optionalAsName(), first.line, first.col);
  }

  private String optionalAsName() {
    int save = mark;
    if (expect(TokenType.AS) != null) {
      Token alias = expect(TokenType.NAME);
      if (alias != null) {
        return identifier(alias);
      }
    }
    mark = save;
    return null;
  }

  private String dottedName() {
    Token first = expect(TokenType.NAME);
    if (first == null) {
      return null;
    }
    StringBuilder name = new StringBuilder(identifier(first));
    for (;;) {
      int save = mark;
      if (expect(TokenType.DOT) == null) {
        break;
      }
      Token part = expect(TokenType.NAME);
      if (part == null) {
        mark = save;
        break;
      }
      name.append('.').append(identifier(part));
    }
    return name.toString();
  }

  private Stmt importFrom() {
    int start = mark;
    Token kw = expect(TokenType.FROM);
    int level = countLeadingDots();
    int afterDots = mark;
    String module = dottedName();
    if (module != null && expect(TokenType.IMPORT) != null) {
      List<Alias> names = importFromTargets();
      if (names != null) {
        return new ImportFrom(module, names, level, kw.line, kw.col);
      }
    }
    mark = afterDots;
    if (level > 0 && expect(TokenType.IMPORT) != null) {
      List<Alias> names = importFromTargets();
      if (names != null) {
        return new ImportFrom(null, names, level, kw.line, kw.col);
      }
    }
    mark = start;
    return null;
  }

  private int countLeadingDots() {
    int level = 0;
    for (;;) {
      if (expect(TokenType.DOT) != null) {
        level++;
      } else if (expect(TokenType.ELLIPSIS) != null) {
        level += 3;
      } else {
        return level;
      }
    }
  }

  private List<Alias> importFromTargets() {
    int start = mark;
    if (expect(TokenType.LPAR) != null) {
      List<Alias> names = commaSeparated(this::importFromAsName);
      if (names != null) {
        expect(TokenType.COMMA);
        if (expect(TokenType.RPAR) != null) {
          return names;
        }
      }
    }
    mark = start;
    List<Alias> names = commaSeparated(this::importFromAsName);
    if (names != null && !at(TokenType.COMMA)) {
      return names;
    }
    mark = start;
    Token star = expect(TokenType.STAR);
    if (star != null) {
      return List.of(new Alias("*", null, star.line, star.col));
    }
    if (callInvalidRules) {
      if (commaSeparated(this::importFromAsName) != null && expect(TokenType.COMMA) != null
          && expect(TokenType.NEWLINE) != null) {
        throw error("trailing comma not allowed without surrounding parentheses");
      }
      mark = start;
    }
    return null;
  }

  private Alias importFromAsName() {
    Token name = expect(TokenType.NAME);
    if (name == null) {
      return null;
    }
    return new Alias(identifier(name), optionalAsName(), name.line, name.col);
  }
}
