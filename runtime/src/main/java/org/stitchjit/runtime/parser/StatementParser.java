package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Alias;
import org.stitchjit.runtime.ast.Node.AnnAssign;
import org.stitchjit.runtime.ast.Node.Arguments;
import org.stitchjit.runtime.ast.Node.Assert;
import org.stitchjit.runtime.ast.Node.Assign;
import org.stitchjit.runtime.ast.Node.AugAssign;
import org.stitchjit.runtime.ast.Node.Break;
import org.stitchjit.runtime.ast.Node.ClassDef;
import org.stitchjit.runtime.ast.Node.Continue;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Delete;
import org.stitchjit.runtime.ast.Node.ExceptHandler;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.ExprStmt;
import org.stitchjit.runtime.ast.Node.For;
import org.stitchjit.runtime.ast.Node.FunctionDef;
import org.stitchjit.runtime.ast.Node.Global;
import org.stitchjit.runtime.ast.Node.If;
import org.stitchjit.runtime.ast.Node.Import;
import org.stitchjit.runtime.ast.Node.ImportFrom;
import org.stitchjit.runtime.ast.Node.Mod;
import org.stitchjit.runtime.ast.Node.Name;
import org.stitchjit.runtime.ast.Node.Nonlocal;
import org.stitchjit.runtime.ast.Node.Operator;
import org.stitchjit.runtime.ast.Node.Pass;
import org.stitchjit.runtime.ast.Node.Raise;
import org.stitchjit.runtime.ast.Node.Return;
import org.stitchjit.runtime.ast.Node.Stmt;
import org.stitchjit.runtime.ast.Node.Try;
import org.stitchjit.runtime.ast.Node.TupleExpr;
import org.stitchjit.runtime.ast.Node.While;
import org.stitchjit.runtime.ast.Node.With;
import org.stitchjit.runtime.ast.Node.WithItem;

/**
 * Statements: the top of the grammar, following CPython 3.11 rule by rule. The two entry
 * points are {@link #file} for a module and {@link #fstringInput} for an f-string field.
 */
final class StatementParser extends ExpressionParser {
  private record Decorated(List<Expr> decorators) {}

  StatementParser(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  // ---------------------------------------------------------------- entry points

  Mod file() {
    List<Stmt> body = statements();
    if (expect(TokenType.ENDMARKER) == null) {
      return null;
    }
    return new Mod(body == null ? List.of() : body, 1, 0);
  }

  Expr fstringInput() {
    return starExpressions();
  }

  private List<Stmt> statements() {
    List<Stmt> out = null;
    for (;;) {
      List<Stmt> next = statement();
      if (next == null) {
        return out;
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      out.addAll(next);
    }
  }

  private List<Stmt> statement() {
    Stmt compound = compoundStmt();
    if (compound != null) {
      return List.of(compound);
    }
    return simpleStmts();
  }

  private List<Stmt> simpleStmts() {
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

  private Stmt compoundStmt() {
    Token t = peek();
    Stmt s = null;
    switch (t.type) {
      case DEF:
        return functionDef();
      case AT:
        s = functionDef();
        return s != null ? s : classDef();
      case ASYNC:
        s = functionDef();
        if (s == null) {
          s = withStmt();
        }
        return s != null ? s : forStmt();
      case IF:
        return ifStmt();
      case CLASS:
        return classDef();
      case WITH:
        return withStmt();
      case FOR:
        return forStmt();
      case TRY:
        return tryStmt();
      case WHILE:
        return whileStmt();
      default:
        return matchStmt();
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

  // ---------------------------------------------------------------- simple statements

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

  // ---------------------------------------------------------------- blocks

  private List<Stmt> block() {
    int start = mark;
    Token.Memo m = memoLookup(M_BLOCK);
    if (m != null) {
      @SuppressWarnings("unchecked")
      List<Stmt> body = (List<Stmt>) m.node;
      return body;
    }
    enter();
    List<Stmt> result = null;
    if (expect(TokenType.NEWLINE) != null && expect(TokenType.INDENT) != null) {
      List<Stmt> body = statements();
      if (body != null && expect(TokenType.DEDENT) != null) {
        result = body;
      }
    }
    if (result == null) {
      mark = start;
      result = simpleStmts();
    }
    if (result == null && callInvalidRules) {
      mark = start;
      if (expect(TokenType.NEWLINE) != null && !at(TokenType.INDENT)) {
        throw indentationError("expected an indented block");
      }
      mark = start;
    }
    leave();
    memoStore(start, M_BLOCK, result);
    return result;
  }

  /** {@code ':' NEWLINE !INDENT} after a header: the shared shape of the indentation errors. */
  private boolean colonNewlineWithoutIndent() {
    return expect(TokenType.COLON) != null && expect(TokenType.NEWLINE) != null
        && !at(TokenType.INDENT);
  }

  private SyntaxFailure missingBlock(String what, int line) {
    return indentationError("expected an indented block after " + what + " on line " + line);
  }

  // ---------------------------------------------------------------- definitions

  private Decorated decorators() {
    List<Expr> decorators = repeat(() -> {
      int save = mark;
      if (expect(TokenType.AT) != null) {
        Expr f = namedExpression();
        if (f != null && expect(TokenType.NEWLINE) != null) {
          return f;
        }
      }
      mark = save;
      return null;
    });
    return decorators.isEmpty() ? null : new Decorated(decorators);
  }

  private Stmt functionDef() {
    int start = mark;
    Decorated d = decorators();
    if (d != null) {
      FunctionDef f = functionDefRaw();
      if (f != null) {
        return new FunctionDef(f.name(), f.args(), f.body(), d.decorators(), f.returns(),
            f.line(), f.col());
      }
      mark = start;
    }
    return functionDefRaw();
  }

  private FunctionDef functionDefRaw() {
    int start = mark;
    if (callInvalidRules) {
      invalidDefRaw();
    }
    Token first = peek();
    Token async = expect(TokenType.ASYNC);
    if (expect(TokenType.DEF) == null) {
      mark = start;
      return null;
    }
    Token name = expect(TokenType.NAME);
    if (name == null) {
      mark = start;
      return null;
    }
    expectForced(TokenType.LPAR);
    Token afterOpen = peek();
    Arguments params = params(false);
    if (expect(TokenType.RPAR) == null) {
      mark = start;
      return null;
    }
    Expr returns = null;
    int save = mark;
    if (expect(TokenType.RARROW) != null) {
      returns = expression();
      if (returns == null) {
        mark = save;
      }
    }
    expectForced(TokenType.COLON);
    List<Stmt> body = block();
    if (body == null) {
      mark = start;
      return null;
    }
    if (async != null) {
      unsupported.note("async functions", async);
    }
    Arguments args = params != null ? params : emptyArguments(afterOpen);
    return new FunctionDef(identifier(name), args, body, List.of(), returns, first.line,
        first.col);
  }

  private void invalidDefRaw() {
    int start = mark;
    expect(TokenType.ASYNC);
    Token def = expect(TokenType.DEF);
    if (def != null && expect(TokenType.NAME) != null && expect(TokenType.LPAR) != null) {
      params(false);
      if (expect(TokenType.RPAR) != null) {
        int save = mark;
        if (expect(TokenType.RARROW) == null || expression() == null) {
          mark = save;
        }
        if (colonNewlineWithoutIndent()) {
          throw missingBlock("function definition", def.line);
        }
      }
    }
    mark = start;
  }

  private Stmt classDef() {
    int start = mark;
    Decorated d = decorators();
    if (d != null) {
      ClassDef c = classDefRaw();
      if (c != null) {
        return new ClassDef(c.name(), c.bases(), c.keywords(), c.body(), d.decorators(),
            c.line(), c.col());
      }
      mark = start;
    }
    return classDefRaw();
  }

  private ClassDef classDefRaw() {
    int start = mark;
    if (callInvalidRules) {
      invalidClassDefRaw();
    }
    Token kw = expect(TokenType.CLASS);
    Token name = kw == null ? null : expect(TokenType.NAME);
    if (name == null) {
      mark = start;
      return null;
    }
    CallArgs bases = null;
    int save = mark;
    if (expect(TokenType.LPAR) != null) {
      bases = arguments();
      if (expect(TokenType.RPAR) == null) {
        bases = null;
        mark = save;
      } else if (bases == null) {
        bases = new CallArgs(List.of(), List.of());
      }
    }
    if (expect(TokenType.COLON) != null) {
      List<Stmt> body = block();
      if (body != null) {
        return new ClassDef(identifier(name), bases == null ? List.of() : bases.args(),
            bases == null ? List.of() : bases.keywords(), body, List.of(), kw.line, kw.col);
      }
    }
    mark = start;
    return null;
  }

  private void invalidClassDefRaw() {
    int start = mark;
    Token kw = expect(TokenType.CLASS);
    if (kw != null && expect(TokenType.NAME) != null) {
      int save = mark;
      if (expect(TokenType.LPAR) != null) {
        arguments();
        if (expect(TokenType.RPAR) == null) {
          mark = save;
        }
      }
      int afterHeader = mark;
      if (expect(TokenType.NEWLINE) != null) {
        throw error("expected ':'");
      }
      mark = afterHeader;
      if (colonNewlineWithoutIndent()) {
        throw missingBlock("class definition", kw.line);
      }
    }
    mark = start;
  }

  // ---------------------------------------------------------------- if / while / for

  private Stmt ifStmt() {
    return conditional(TokenType.IF);
  }

  /** if_stmt and elif_stmt, which share their shape. */
  private Stmt conditional(TokenType keyword) {
    int start = mark;
    if (callInvalidRules) {
      invalidConditionalHeader(keyword);
    }
    Token kw = expect(keyword);
    if (kw == null) {
      return null;
    }
    Expr test = namedExpression();
    if (test != null && expect(TokenType.COLON) != null) {
      List<Stmt> body = block();
      if (body != null) {
        int afterBody = mark;
        if (at(TokenType.ELIF)) {
          Stmt elif = conditional(TokenType.ELIF);
          if (elif != null) {
            return new If(test, body, List.of(elif), kw.line, kw.col);
          }
          mark = afterBody;
        }
        List<Stmt> orelse = elseBlock();
        return new If(test, body, orelse == null ? List.of() : orelse, kw.line, kw.col);
      }
    }
    mark = start;
    return null;
  }

  /** invalid_if_stmt, invalid_elif_stmt and invalid_while_stmt. */
  private void invalidConditionalHeader(TokenType keyword) {
    int start = mark;
    Token kw = expect(keyword);
    if (kw != null) {
      Expr test = namedExpression();
      if (test != null) {
        int afterTest = mark;
        if (expect(TokenType.NEWLINE) != null) {
          throw error("expected ':'");
        }
        mark = afterTest;
        if (colonNewlineWithoutIndent()) {
          // CPython's invalid_if_stmt reports the line of the condition, not of 'if'.
          int line = keyword == TokenType.IF ? test.line() : kw.line;
          throw missingBlock("'" + keyword.text + "' statement", line);
        }
      }
    }
    mark = start;
  }

  private List<Stmt> elseBlock() {
    int start = mark;
    if (callInvalidRules) {
      Token kw = expect(TokenType.ELSE);
      if (kw != null && colonNewlineWithoutIndent()) {
        throw missingBlock("'else' statement", kw.line);
      }
      mark = start;
    }
    if (expect(TokenType.ELSE) == null) {
      return null;
    }
    expectForced(TokenType.COLON);
    List<Stmt> body = block();
    if (body == null) {
      mark = start;
    }
    return body;
  }

  private Stmt whileStmt() {
    int start = mark;
    if (callInvalidRules) {
      invalidConditionalHeader(TokenType.WHILE);
    }
    Token kw = expect(TokenType.WHILE);
    Expr test = namedExpression();
    if (test != null && expect(TokenType.COLON) != null) {
      List<Stmt> body = block();
      if (body != null) {
        List<Stmt> orelse = elseBlock();
        return new While(test, body, orelse == null ? List.of() : orelse, kw.line, kw.col);
      }
    }
    mark = start;
    return null;
  }

  private Stmt forStmt() {
    int start = mark;
    if (callInvalidRules) {
      invalidForStmt();
    }
    Token first = peek();
    Token async = expect(TokenType.ASYNC);
    if (expect(TokenType.FOR) != null) {
      Expr target = starTargets();
      if (target != null && expect(TokenType.IN) != null) {
        // CPython's cut: once 'in' is seen, no other alternative is tried.
        Expr iter = starExpressions();
        if (iter != null && expect(TokenType.COLON) != null) {
          List<Stmt> body = block();
          if (body != null) {
            List<Stmt> orelse = elseBlock();
            if (async != null) {
              unsupported.note("async for loops", async);
            }
            return new For(target, iter, body, orelse == null ? List.of() : orelse,
                first.line, first.col);
          }
        }
        mark = start;
        return null;
      }
    }
    mark = start;
    if (callInvalidRules) {
      expect(TokenType.ASYNC);
      if (expect(TokenType.FOR) != null) {
        Expr a = starExpressions();
        if (a != null) {
          raiseIfInvalidTarget(TargetsType.FOR_TARGETS, a);
        }
      }
      mark = start;
    }
    return null;
  }

  private void invalidForStmt() {
    int start = mark;
    expect(TokenType.ASYNC);
    Token kw = expect(TokenType.FOR);
    if (kw != null && starTargets() != null && expect(TokenType.IN) != null
        && starExpressions() != null) {
      int afterHeader = mark;
      if (expect(TokenType.NEWLINE) != null) {
        throw error("expected ':'");
      }
      mark = afterHeader;
      if (colonNewlineWithoutIndent()) {
        throw missingBlock("'for' statement", kw.line);
      }
    }
    mark = start;
  }

  // ---------------------------------------------------------------- with

  private Stmt withStmt() {
    int start = mark;
    if (callInvalidRules) {
      invalidWithStmtIndent();
    }
    Token first = peek();
    Token async = expect(TokenType.ASYNC);
    if (expect(TokenType.WITH) == null) {
      mark = start;
      return null;
    }
    int afterWith = mark;
    if (expect(TokenType.LPAR) != null) {
      List<WithItem> items = commaSeparated(this::withItem);
      if (items != null) {
        expect(TokenType.COMMA);
        if (expect(TokenType.RPAR) != null && expect(TokenType.COLON) != null) {
          List<Stmt> body = block();
          if (body != null) {
            return finishWith(async, items, body, first);
          }
        }
      }
    }
    mark = afterWith;
    List<WithItem> items = commaSeparated(this::withItem);
    if (items != null && expect(TokenType.COLON) != null) {
      List<Stmt> body = block();
      if (body != null) {
        return finishWith(async, items, body, first);
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidWithStmt();
    }
    return null;
  }

  private Stmt finishWith(Token async, List<WithItem> items, List<Stmt> body, Token first) {
    if (async != null) {
      unsupported.note("async with statements", async);
    }
    return new With(items, body, first.line, first.col);
  }

  private WithItem withItem() {
    int start = mark;
    Expr e = expression();
    if (e == null) {
      return null;
    }
    int afterExpr = mark;
    if (expect(TokenType.AS) != null) {
      Expr t = starTarget();
      if (t != null && atAny(TokenType.COMMA, TokenType.RPAR, TokenType.COLON)) {
        return new WithItem(e, t, e.line(), e.col());
      }
    }
    mark = start;
    if (callInvalidRules) {
      if (expression() != null && expect(TokenType.AS) != null) {
        Expr a = expression();
        if (a != null && atAny(TokenType.COMMA, TokenType.RPAR, TokenType.COLON)) {
          raiseIfInvalidTarget(TargetsType.STAR_TARGETS, a);
        }
      }
      mark = start;
    }
    mark = afterExpr;
    return new WithItem(e, null, e.line(), e.col());
  }

  /** {@code ','.(expression ['as' star_target])+} or, parenthesized, with expressions. */
  private boolean looseWithItems(boolean parenthesized) {
    return commaSeparated(() -> {
      Expr e = parenthesized ? expressions() : expression();
      if (e == null) {
        return null;
      }
      int save = mark;
      if (expect(TokenType.AS) == null || starTarget() == null) {
        mark = save;
      }
      return e;
    }) != null;
  }

  /** Matches the header of invalid_with_stmt(_indent), up to but excluding the ':' . */
  private Token looseWithHeader(boolean parenthesized) {
    int start = mark;
    expect(TokenType.ASYNC);
    Token kw = expect(TokenType.WITH);
    if (kw == null) {
      mark = start;
      return null;
    }
    if (!parenthesized) {
      if (looseWithItems(false)) {
        return kw;
      }
    } else if (expect(TokenType.LPAR) != null && looseWithItems(true)) {
      expect(TokenType.COMMA);
      if (expect(TokenType.RPAR) != null) {
        return kw;
      }
    }
    mark = start;
    return null;
  }

  private void invalidWithStmt() {
    int start = mark;
    for (boolean parenthesized : new boolean[] {false, true}) {
      if (looseWithHeader(parenthesized) != null && expect(TokenType.NEWLINE) != null) {
        throw error("expected ':'");
      }
      mark = start;
    }
  }

  private void invalidWithStmtIndent() {
    int start = mark;
    for (boolean parenthesized : new boolean[] {false, true}) {
      Token kw = looseWithHeader(parenthesized);
      if (kw != null && colonNewlineWithoutIndent()) {
        throw missingBlock("'with' statement", kw.line);
      }
      mark = start;
    }
  }

  // ---------------------------------------------------------------- try

  private Stmt tryStmt() {
    int start = mark;
    if (callInvalidRules) {
      invalidTryStmt();
    }
    Token kw = expect(TokenType.TRY);
    expectForced(TokenType.COLON);
    List<Stmt> body = block();
    if (body == null) {
      mark = start;
      return null;
    }
    int afterBody = mark;
    List<Stmt> finalbody = finallyBlock();
    if (finalbody != null) {
      return new Try(body, List.of(), List.of(), finalbody, kw.line, kw.col);
    }
    mark = afterBody;
    List<ExceptHandler> handlers = repeat(() -> exceptBlock(false));
    if (handlers.isEmpty()) {
      handlers = repeat(() -> exceptBlock(true));
    }
    if (handlers.isEmpty()) {
      mark = start;
      return null;
    }
    List<Stmt> orelse = elseBlock();
    finalbody = finallyBlock();
    return new Try(body, handlers, orelse == null ? List.of() : orelse,
        finalbody == null ? List.of() : finalbody, kw.line, kw.col);
  }

  private void invalidTryStmt() {
    int start = mark;
    Token kw = expect(TokenType.TRY);
    if (kw == null) {
      return;
    }
    if (colonNewlineWithoutIndent()) {
      throw missingBlock("'try' statement", kw.line);
    }
    mark = start + 1;
    if (expect(TokenType.COLON) != null && block() != null
        && !atAny(TokenType.EXCEPT, TokenType.FINALLY)) {
      throw error("expected 'except' or 'finally' block");
    }
    for (boolean starFirst : new boolean[] {false, true}) {
      mark = start + 1;
      if (expect(TokenType.COLON) == null) {
        break;
      }
      repeat(this::block);
      if (repeat(() -> exceptBlock(starFirst)).isEmpty()) {
        continue;
      }
      Token except = expect(TokenType.EXCEPT);
      if (except == null) {
        continue;
      }
      if (!starFirst) {
        Token star = expect(TokenType.STAR);
        if (star != null && expression() != null) {
          skipAsName();
          if (expect(TokenType.COLON) != null) {
            throw errorRange(except, star,
                "cannot have both 'except' and 'except*' on the same 'try'");
          }
        }
      } else {
        int save = mark;
        if (expression() != null) {
          skipAsName();
        } else {
          mark = save;
        }
        if (expect(TokenType.COLON) != null) {
          throw errorAt(except, "cannot have both 'except' and 'except*' on the same 'try'");
        }
      }
    }
    mark = start;
  }

  private void skipAsName() {
    int save = mark;
    if (expect(TokenType.AS) == null || expect(TokenType.NAME) == null) {
      mark = save;
    }
  }

  /** except_block, or with star set except_star_block. */
  private ExceptHandler exceptBlock(boolean star) {
    int start = mark;
    if (callInvalidRules) {
      invalidExceptBlockIndent(star);
    }
    Token kw = expect(TokenType.EXCEPT);
    if (kw == null) {
      return null;
    }
    if (star && expect(TokenType.STAR) == null) {
      mark = start;
      return null;
    }
    int afterKeyword = mark;
    Expr type = expression();
    if (type != null) {
      String name = null;
      int save = mark;
      if (expect(TokenType.AS) != null) {
        Token n = expect(TokenType.NAME);
        if (n != null) {
          name = identifier(n);
        } else {
          mark = save;
        }
      }
      if (expect(TokenType.COLON) != null) {
        List<Stmt> body = block();
        if (body != null) {
          if (star) {
            unsupported.note("except* clauses", kw);
          }
          return new ExceptHandler(type, name, body, kw.line, kw.col);
        }
      }
    }
    mark = afterKeyword;
    if (!star && expect(TokenType.COLON) != null) {
      List<Stmt> body = block();
      if (body != null) {
        return new ExceptHandler(null, null, body, kw.line, kw.col);
      }
    }
    mark = start;
    if (callInvalidRules) {
      invalidExceptStmt();
    }
    return null;
  }

  private void invalidExceptStmt() {
    int start = mark;
    Token kw = expect(TokenType.EXCEPT);
    if (kw == null) {
      return;
    }
    expect(TokenType.STAR);
    Expr a = expression();
    if (a != null && expect(TokenType.COMMA) != null && expressions() != null) {
      skipAsName();
      if (expect(TokenType.COLON) != null) {
        throw errorFrom(a.line(), a.col(), "multiple exception types must be parenthesized");
      }
    }
    mark = start + 1;
    expect(TokenType.STAR);
    if (expression() != null) {
      skipAsName();
      if (expect(TokenType.NEWLINE) != null) {
        throw error("expected ':'");
      }
    }
    mark = start + 1;
    if (expect(TokenType.NEWLINE) != null) {
      throw error("expected ':'");
    }
    mark = start + 1;
    if (expect(TokenType.STAR) != null && atAny(TokenType.NEWLINE, TokenType.COLON)) {
      mark++;
      throw error("expected one or more exception types");
    }
    mark = start;
  }

  private void invalidExceptBlockIndent(boolean star) {
    int start = mark;
    Token kw = expect(TokenType.EXCEPT);
    if (kw == null) {
      return;
    }
    if (star) {
      if (expect(TokenType.STAR) != null && expression() != null) {
        skipAsName();
        if (colonNewlineWithoutIndent()) {
          throw missingBlock("'except*' statement", kw.line);
        }
      }
      mark = start;
      return;
    }
    if (expression() != null) {
      skipAsName();
      if (colonNewlineWithoutIndent()) {
        throw missingBlock("'except' statement", kw.line);
      }
    }
    mark = start + 1;
    if (colonNewlineWithoutIndent()) {
      throw missingBlock("'except' statement", kw.line);
    }
    mark = start;
  }

  private List<Stmt> finallyBlock() {
    int start = mark;
    Token kw = expect(TokenType.FINALLY);
    if (kw == null) {
      return null;
    }
    if (callInvalidRules) {
      if (colonNewlineWithoutIndent()) {
        throw missingBlock("'finally' statement", kw.line);
      }
      mark = start + 1;
    }
    expectForced(TokenType.COLON);
    List<Stmt> body = block();
    if (body == null) {
      mark = start;
    }
    return body;
  }

  // ---------------------------------------------------------------- match (unsupported)

  /**
   * Recognizes a match statement well enough to report it as unsupported: its header, then
   * its indented body is skipped without being parsed.
   */
  private Stmt matchStmt() {
    int start = mark;
    Token kw = expectSoftKeyword("match");
    if (kw == null) {
      return null;
    }
    Expr subject = subjectExpr();
    if (subject != null && expect(TokenType.COLON) != null
        && expect(TokenType.NEWLINE) != null && expect(TokenType.INDENT) != null
        && peek().type == TokenType.NAME && peek().text.equals("case")) {
      int depth = 1;
      while (depth > 0) {
        Token t = peek();
        if (t.type == TokenType.ENDMARKER) {
          mark = start;
          return null;
        }
        mark++;
        if (t.type == TokenType.INDENT) {
          depth++;
        } else if (t.type == TokenType.DEDENT) {
          depth--;
        }
      }
      unsupported.note("match statements", kw);
      return new Pass(kw.line, kw.col);
    }
    mark = start;
    if (callInvalidRules) {
      mark++;
      if (subjectExpr() != null) {
        int afterSubject = mark;
        if (expect(TokenType.NEWLINE) != null) {
          throw error("expected ':'");
        }
        mark = afterSubject;
        if (colonNewlineWithoutIndent()) {
          throw missingBlock("'match' statement", kw.line);
        }
      }
      mark = start;
    }
    return null;
  }

  private Expr subjectExpr() {
    int start = mark;
    Token first = peek();
    Expr value = starNamedExpression();
    if (value != null && expect(TokenType.COMMA) != null) {
      List<Expr> elts = new ArrayList<>();
      elts.add(value);
      List<Expr> rest = starNamedExpressions();
      if (rest != null) {
        elts.addAll(rest);
      }
      return new TupleExpr(elts, Ctx.LOAD, first.line, first.col);
    }
    mark = start;
    return namedExpression();
  }
}
