package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Arguments;
import org.stitchjit.runtime.ast.Node.ClassDef;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.ExceptHandler;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.For;
import org.stitchjit.runtime.ast.Node.FunctionDef;
import org.stitchjit.runtime.ast.Node.If;
import org.stitchjit.runtime.ast.Node.Mod;
import org.stitchjit.runtime.ast.Node.Pass;
import org.stitchjit.runtime.ast.Node.Stmt;
import org.stitchjit.runtime.ast.Node.Try;
import org.stitchjit.runtime.ast.Node.TupleExpr;
import org.stitchjit.runtime.ast.Node.While;
import org.stitchjit.runtime.ast.Node.With;
import org.stitchjit.runtime.ast.Node.WithItem;

/**
 * Statements: the top of the grammar, with compound statements and blocks, following CPython
 * 3.11 rule by rule. The two entry points are {@link #file} for a module and
 * {@link #fstringInput} for an f-string field.
 */
final class StatementParser extends SimpleStatementRules {
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

  private List<Expr> decorators() {
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
    return decorators.isEmpty() ? null : decorators;
  }

  private Stmt functionDef() {
    int start = mark;
    List<Expr> decorators = decorators();
    if (decorators != null) {
      FunctionDef f = functionDefRaw();
      if (f != null) {
        return new FunctionDef(f.name(), f.args(), f.body(), decorators, f.returns(),
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
    List<Expr> decorators = decorators();
    if (decorators != null) {
      ClassDef c = classDefRaw();
      if (c != null) {
        return new ClassDef(c.name(), c.bases(), c.keywords(), c.body(), decorators,
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
