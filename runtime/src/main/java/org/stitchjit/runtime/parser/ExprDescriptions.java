package org.stitchjit.runtime.parser;

import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Expr;

/**
 * How CPython names an expression in syntax error messages ("cannot assign to %s",
 * "cannot delete %s", ...); shared by the parser and the compiler.
 */
public final class ExprDescriptions {
  private ExprDescriptions() {}

  /** What CPython calls {@code e} in "cannot assign to %s" messages. */
  public static String describe(Expr e) {
    if (e instanceof Node.Attribute) {
      return "attribute";
    } else if (e instanceof Node.Subscript) {
      return "subscript";
    } else if (e instanceof Node.Starred) {
      return "starred";
    } else if (e instanceof Node.Name) {
      return "name";
    } else if (e instanceof Node.ListExpr) {
      return "list";
    } else if (e instanceof Node.TupleExpr) {
      return "tuple";
    } else if (e instanceof Node.Lambda) {
      return "lambda";
    } else if (e instanceof Node.Call) {
      return "function call";
    } else if (e instanceof Node.BoolOp || e instanceof Node.BinOp
        || e instanceof Node.UnaryOp) {
      return "expression";
    } else if (e instanceof Node.GeneratorExp) {
      return "generator expression";
    } else if (e instanceof Node.Yield || e instanceof Node.YieldFrom) {
      return "yield expression";
    } else if (e instanceof Node.ListComp) {
      return "list comprehension";
    } else if (e instanceof Node.SetComp) {
      return "set comprehension";
    } else if (e instanceof Node.DictComp) {
      return "dict comprehension";
    } else if (e instanceof Node.DictExpr) {
      return "dict literal";
    } else if (e instanceof Node.SetExpr) {
      return "set display";
    } else if (e instanceof Node.JoinedStr || e instanceof Node.FormattedValue) {
      return "f-string expression";
    } else if (e instanceof Node.Constant c) {
      Object v = c.value();
      if (v == null) {
        return "None";
      } else if (Boolean.TRUE.equals(v)) {
        return "True";
      } else if (Boolean.FALSE.equals(v)) {
        return "False";
      } else if (v == Node.EllipsisValue.INSTANCE) {
        return "ellipsis";
      }
      return "literal";
    } else if (e instanceof Node.Compare) {
      return "comparison";
    } else if (e instanceof Node.IfExp) {
      return "conditional expression";
    } else if (e instanceof Node.NamedExpr) {
      return "named expression";
    }
    return "expression";
  }
}
