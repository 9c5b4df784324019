package org.stitchjit.runtime.compiler;

import java.util.Arrays;
import java.util.List;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Ctx;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.Stmt;

/** Terse builders for hand-made ASTs in tests; every node takes its source line first. */
final class Ast {
  private Ast() {}

  static Node.Mod mod(Stmt... body) {
    return new Node.Mod(List.of(body), 1, 0);
  }

  static List<Stmt> body(Stmt... s) {
    return List.of(s);
  }

  static Node.Name load(int line, String id) {
    return new Node.Name(id, Ctx.LOAD, line, 0);
  }

  static Node.Name store(int line, String id) {
    return new Node.Name(id, Ctx.STORE, line, 0);
  }

  static Node.Constant num(int line, long v) {
    return new Node.Constant(v, line, 0);
  }

  static Node.Constant constant(int line, Object v) {
    return new Node.Constant(v, line, 0);
  }

  static Node.Arguments args(String... names) {
    List<Node.Arg> params = Arrays.stream(names).map(n -> new Node.Arg(n, null, 1, 0)).toList();
    return new Node.Arguments(List.of(), params, null, List.of(), List.of(), null, List.of(), 1,
        0);
  }

  static Node.FunctionDef def(int line, String name, Node.Arguments args, Stmt... body) {
    return new Node.FunctionDef(name, args, List.of(body), List.of(), null, line, 0);
  }

  static Node.ClassDef cls(int line, String name, List<Expr> bases, Stmt... body) {
    return new Node.ClassDef(name, bases, List.of(), List.of(body), List.of(), line, 0);
  }

  static Node.Return ret(int line, Expr value) {
    return new Node.Return(value, line, 0);
  }

  static Node.Assign assign(int line, Expr target, Expr value) {
    return new Node.Assign(List.of(target), value, line, 0);
  }

  static Node.AugAssign augAssign(int line, Expr target, Node.Operator op, Expr value) {
    return new Node.AugAssign(target, op, value, line, 0);
  }

  static Node.ExprStmt expr(int line, Expr e) {
    return new Node.ExprStmt(e, line, 0);
  }

  static Node.Call call(int line, Expr func, Expr... args) {
    return new Node.Call(func, List.of(args), List.of(), line, 0);
  }

  static Node.Attribute attr(int line, Expr value, String name) {
    return new Node.Attribute(value, name, Ctx.LOAD, line, 0);
  }

  static Node.While whileLoop(int line, Expr test, List<Stmt> body, List<Stmt> orelse) {
    return new Node.While(test, body, orelse, line, 0);
  }

  static Node.For forLoop(int line, Expr target, Expr iter, Stmt... body) {
    return new Node.For(target, iter, List.of(body), List.of(), line, 0);
  }

  static Node.If ifStmt(int line, Expr test, Stmt... body) {
    return new Node.If(test, List.of(body), List.of(), line, 0);
  }

  static Node.Break brk(int line) {
    return new Node.Break(line, 0);
  }

  static Node.Try tryExcept(int line, List<Stmt> body, Node.ExceptHandler... handlers) {
    return new Node.Try(body, List.of(handlers), List.of(), List.of(), line, 0);
  }

  static Node.Try tryFinally(int line, List<Stmt> body, List<Stmt> finalbody) {
    return new Node.Try(body, List.of(), List.of(), finalbody, line, 0);
  }

  static Node.ExceptHandler handler(int line, Expr type, String name, Stmt... body) {
    return new Node.ExceptHandler(type, name, List.of(body), line, 0);
  }

  static Node.With with(int line, Expr ctx, Expr as, Stmt... body) {
    return new Node.With(List.of(new Node.WithItem(ctx, as, line, 0)), List.of(body), line, 0);
  }

  static Node.Nonlocal nonlocal(int line, String... names) {
    return new Node.Nonlocal(List.of(names), line, 0);
  }

  static Node.Global global(int line, String... names) {
    return new Node.Global(List.of(names), line, 0);
  }

  static Node.Compare compare(int line, Expr left, Node.CmpOperator op, Expr right) {
    return new Node.Compare(left, List.of(op), List.of(right), line, 0);
  }

  static Node.SetExpr set(int line, Expr... elts) {
    return new Node.SetExpr(List.of(elts), line, 0);
  }

  static Node.TupleExpr tuple(int line, Ctx ctx, Expr... elts) {
    return new Node.TupleExpr(List.of(elts), ctx, line, 0);
  }

  static Node.Starred starred(int line, Expr value, Ctx ctx) {
    return new Node.Starred(value, ctx, line, 0);
  }

  static Node.ListComp listComp(int line, Expr elt, Expr target, Expr iter, Expr... ifs) {
    return new Node.ListComp(elt,
        List.of(new Node.Comprehension(target, iter, List.of(ifs), line, 0)), line, 0);
  }

  static Node.Yield yieldExpr(int line, Expr value) {
    return new Node.Yield(value, line, 0);
  }

  static Node.YieldFrom yieldFrom(int line, Expr value) {
    return new Node.YieldFrom(value, line, 0);
  }
}
