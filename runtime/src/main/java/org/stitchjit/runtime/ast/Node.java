package org.stitchjit.runtime.ast;

import java.util.List;

/**
 * The abstract syntax tree of the guest language. Node names and fields follow CPython's
 * {@code ast} module (3.11), so anyone who knows Python's AST can read a Stitch dump, and the
 * parser and the bytecode compiler agree on one definition. Every node carries the 1-based
 * source line (and 0-based column) where it starts, for tracebacks and syntax errors.
 */
public sealed interface Node permits Node.Mod, Node.Stmt, Node.Expr, Node.Arguments, Node.Arg,
    Node.Keyword, Node.Alias, Node.WithItem, Node.ExceptHandler, Node.Comprehension {

  int line();

  int col();

  // ---------------------------------------------------------------- module
  record Mod(List<Stmt> body, int line, int col) implements Node {}

  // ---------------------------------------------------------------- statements
  sealed interface Stmt extends Node permits FunctionDef, ClassDef, Return, Delete, Assign,
      AugAssign, AnnAssign, For, While, If, With, Raise, Try, Assert, Import, ImportFrom, Global,
      Nonlocal, ExprStmt, Pass, Break, Continue {}

  /** {@code def name(args): body}; decorators apply bottom-up. */
  record FunctionDef(String name, Arguments args, List<Stmt> body, List<Expr> decorators,
      Expr returns, int line, int col) implements Stmt {}

  record ClassDef(String name, List<Expr> bases, List<Keyword> keywords, List<Stmt> body,
      List<Expr> decorators, int line, int col) implements Stmt {}

  /** {@code value} is null for a bare {@code return}. */
  record Return(Expr value, int line, int col) implements Stmt {}

  record Delete(List<Expr> targets, int line, int col) implements Stmt {}

  /** {@code a = b = value}: targets in source order. */
  record Assign(List<Expr> targets, Expr value, int line, int col) implements Stmt {}

  record AugAssign(Expr target, Operator op, Expr value, int line, int col) implements Stmt {}

  /** {@code target: annotation [= value]}; value may be null. */
  record AnnAssign(Expr target, Expr annotation, Expr value, int line, int col)
      implements Stmt {}

  record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orelse, int line, int col)
      implements Stmt {}

  record While(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col)
      implements Stmt {}

  record If(Expr test, List<Stmt> body, List<Stmt> orelse, int line, int col) implements Stmt {}

  record With(List<WithItem> items, List<Stmt> body, int line, int col) implements Stmt {}

  /** {@code raise [exc [from cause]]}; both may be null. */
  record Raise(Expr exc, Expr cause, int line, int col) implements Stmt {}

  record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orelse,
      List<Stmt> finalbody, int line, int col) implements Stmt {}

  /** {@code msg} may be null. */
  record Assert(Expr test, Expr msg, int line, int col) implements Stmt {}

  record Import(List<Alias> names, int line, int col) implements Stmt {}

  /** {@code from module import names}; {@code level} counts leading dots (0 = absolute). */
  record ImportFrom(String module, List<Alias> names, int level, int line, int col)
      implements Stmt {}

  record Global(List<String> names, int line, int col) implements Stmt {}

  record Nonlocal(List<String> names, int line, int col) implements Stmt {}

  /** An expression statement (CPython's {@code Expr}). */
  record ExprStmt(Expr value, int line, int col) implements Stmt {}

  record Pass(int line, int col) implements Stmt {}

  record Break(int line, int col) implements Stmt {}

  record Continue(int line, int col) implements Stmt {}

  // ---------------------------------------------------------------- expressions
  sealed interface Expr extends Node permits BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp,
      DictExpr, SetExpr, ListComp, SetComp, DictComp, GeneratorExp, Yield, YieldFrom, Compare,
      Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript, Starred, Name, ListExpr,
      TupleExpr, Slice {}

  /** Load, store or delete: where a target expression sits. */
  enum Ctx { LOAD, STORE, DEL }

  enum BoolOperator { AND, OR }

  enum Operator {
    ADD("+"), SUB("-"), MULT("*"), MATMULT("@"), DIV("/"), MOD("%"), POW("**"), LSHIFT("<<"),
    RSHIFT(">>"), BITOR("|"), BITXOR("^"), BITAND("&"), FLOORDIV("//");

    public final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }
  }

  enum UnaryOperator { INVERT, NOT, UADD, USUB }

  enum CmpOperator {
    EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="), IS("is"), IS_NOT("is not"),
    IN("in"), NOT_IN("not in");

    public final String symbol;

    CmpOperator(String symbol) {
      this.symbol = symbol;
    }
  }

  /** {@code a and b and c}: values has two or more entries. */
  record BoolOp(BoolOperator op, List<Expr> values, int line, int col) implements Expr {}

  /** {@code target := value}. */
  record NamedExpr(Name target, Expr value, int line, int col) implements Expr {}

  record BinOp(Expr left, Operator op, Expr right, int line, int col) implements Expr {}

  record UnaryOp(UnaryOperator op, Expr operand, int line, int col) implements Expr {}

  record Lambda(Arguments args, Expr body, int line, int col) implements Expr {}

  record IfExp(Expr test, Expr body, Expr orelse, int line, int col) implements Expr {}

  /** {@code {k: v, **m}}: a null key means {@code **value}. */
  record DictExpr(List<Expr> keys, List<Expr> values, int line, int col) implements Expr {}

  record SetExpr(List<Expr> elts, int line, int col) implements Expr {}

  record ListComp(Expr elt, List<Comprehension> generators, int line, int col)
      implements Expr {}

  record SetComp(Expr elt, List<Comprehension> generators, int line, int col) implements Expr {}

  record DictComp(Expr key, Expr value, List<Comprehension> generators, int line, int col)
      implements Expr {}

  record GeneratorExp(Expr elt, List<Comprehension> generators, int line, int col)
      implements Expr {}

  /** {@code value} may be null. */
  record Yield(Expr value, int line, int col) implements Expr {}

  record YieldFrom(Expr value, int line, int col) implements Expr {}

  /** {@code left op0 c0 op1 c1 ...}: a chained comparison. */
  record Compare(Expr left, List<CmpOperator> ops, List<Expr> comparators, int line, int col)
      implements Expr {}

  /** Positional args may contain {@link Starred}; a keyword with null arg is {@code **value}. */
  record Call(Expr func, List<Expr> args, List<Keyword> keywords, int line, int col)
      implements Expr {}

  /**
   * One {@code {value!conversion:format_spec}} field of an f-string. conversion is -1 (none),
   * or 's', 'r', 'a'; formatSpec is null or a {@link JoinedStr}.
   */
  record FormattedValue(Expr value, int conversion, Expr formatSpec, int line, int col)
      implements Expr {}

  /** An f-string: values are {@link Constant} strings and {@link FormattedValue}s. */
  record JoinedStr(List<Expr> values, int line, int col) implements Expr {}

  /**
   * A literal. value is one of: {@code null} (None), {@link Boolean}, {@link Long} (fits in a
   * long), {@link java.math.BigInteger} (does not), {@link Double}, {@link String} (str),
   * {@link EllipsisValue#INSTANCE} ({@code ...}), or {@code byte[]} (bytes, if ever supported).
   */
  record Constant(Object value, int line, int col) implements Expr {}

  /** The {@code ...} literal. */
  enum EllipsisValue { INSTANCE }

  record Attribute(Expr value, String attr, Ctx ctx, int line, int col) implements Expr {}

  /** {@code value[slice]}; slice is an expression, a {@link Slice} or a {@link TupleExpr}. */
  record Subscript(Expr value, Expr slice, Ctx ctx, int line, int col) implements Expr {}

  record Starred(Expr value, Ctx ctx, int line, int col) implements Expr {}

  record Name(String id, Ctx ctx, int line, int col) implements Expr {}

  record ListExpr(List<Expr> elts, Ctx ctx, int line, int col) implements Expr {}

  record TupleExpr(List<Expr> elts, Ctx ctx, int line, int col) implements Expr {}

  /** {@code lower:upper:step}; each part may be null. */
  record Slice(Expr lower, Expr upper, Expr step, int line, int col) implements Expr {}

  // ---------------------------------------------------------------- pieces
  /**
   * A parameter list: {@code def f(posonly, /, args, *vararg, kwonly, **kwarg)}. defaults align
   * with the last entries of posonlyargs+args; kwDefaults aligns with kwonlyargs (null = none).
   */
  record Arguments(List<Arg> posonlyargs, List<Arg> args, Arg vararg, List<Arg> kwonlyargs,
      List<Expr> kwDefaults, Arg kwarg, List<Expr> defaults, int line, int col) implements Node {}

  record Arg(String arg, Expr annotation, int line, int col) implements Node {}

  /** {@code arg=value} in a call or class header; arg null means {@code **value}. */
  record Keyword(String arg, Expr value, int line, int col) implements Node {}

  /** {@code import name as asname}; asname may be null. name may be dotted. */
  record Alias(String name, String asname, int line, int col) implements Node {}

  /** {@code with contextExpr as optionalVars}; optionalVars may be null. */
  record WithItem(Expr contextExpr, Expr optionalVars, int line, int col) implements Node {}

  /** {@code except type as name: body}; type and name may be null. */
  record ExceptHandler(Expr type, String name, List<Stmt> body, int line, int col)
      implements Node {}

  /** {@code for target in iter if ifs...} inside a comprehension. */
  record Comprehension(Expr target, Expr iter, List<Expr> ifs, int line, int col)
      implements Node {}
}
