package org.stitchjit.runtime.parser;

import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Arg;
import org.stitchjit.runtime.ast.Node.Arguments;
import org.stitchjit.runtime.ast.Node.Expr;

/**
 * Parameter lists of {@code def} and {@code lambda} (CPython's params and lambda_params
 * rules). The two grammars differ only in annotations and in the closing token (')' versus
 * ':'), so one implementation serves both, switched by a {@code lambda} flag.
 */
abstract class ParameterRules extends TargetRules {
  private record NameDefault(Arg arg, Expr value) {}

  private record SlashWithDefault(List<Arg> plain, List<NameDefault> withDefaults) {}

  private record StarEtc(Arg vararg, List<NameDefault> kwonly, Arg kwarg) {}

  ParameterRules(Tokenizer tokenizer, Unsupported unsupported, boolean fstringMode) {
    super(tokenizer, unsupported, fstringMode);
  }

  abstract Expr expression();

  abstract Expr starExpression();

  /** params / lambda_params; null if none match (the caller then expects ')' or ':'). */
  final Arguments params(boolean lambda) {
    if (callInvalidRules) {
      invalidParameters(lambda);
    }
    return parameters(lambda);
  }

  /** The arguments of {@code def f():} or {@code lambda: x}, placed at the given token. */
  static Arguments emptyArguments(Token at) {
    return new Arguments(List.of(), List.of(), null, List.of(), List.of(), null, List.of(),
        at.line, at.col);
  }

  private Arguments parameters(boolean lambda) {
    int start = mark;
    Token first = peek();
    List<Arg> slashNoDefault = slashNoDefault(lambda);
    if (slashNoDefault != null) {
      List<Arg> plain = repeat(() -> paramNoDefault(lambda));
      List<NameDefault> withDefaults = repeat(() -> paramWithDefault(lambda));
      return makeArguments(first, slashNoDefault, null, plain, withDefaults, starEtc(lambda));
    }
    mark = start;
    SlashWithDefault slashWithDefault = slashWithDefault(lambda);
    if (slashWithDefault != null) {
      List<NameDefault> withDefaults = repeat(() -> paramWithDefault(lambda));
      return makeArguments(first, null, slashWithDefault, List.of(), withDefaults,
          starEtc(lambda));
    }
    mark = start;
    List<Arg> plain = repeat(() -> paramNoDefault(lambda));
    if (!plain.isEmpty()) {
      List<NameDefault> withDefaults = repeat(() -> paramWithDefault(lambda));
      return makeArguments(first, null, null, plain, withDefaults, starEtc(lambda));
    }
    List<NameDefault> withDefaults = repeat(() -> paramWithDefault(lambda));
    if (!withDefaults.isEmpty()) {
      return makeArguments(first, null, null, List.of(), withDefaults, starEtc(lambda));
    }
    StarEtc starEtc = starEtc(lambda);
    if (starEtc != null) {
      return makeArguments(first, null, null, List.of(), List.of(), starEtc);
    }
    mark = start;
    return null;
  }

  private static Arguments makeArguments(Token first, List<Arg> slashNoDefault,
      SlashWithDefault slashWithDefault, List<Arg> plain, List<NameDefault> withDefaults,
      StarEtc starEtc) {
    List<Arg> posonly = new ArrayList<>();
    List<Expr> defaults = new ArrayList<>();
    if (slashNoDefault != null) {
      posonly.addAll(slashNoDefault);
    } else if (slashWithDefault != null) {
      posonly.addAll(slashWithDefault.plain());
      for (NameDefault nd : slashWithDefault.withDefaults()) {
        posonly.add(nd.arg());
        defaults.add(nd.value());
      }
    }
    List<Arg> args = new ArrayList<>(plain);
    for (NameDefault nd : withDefaults) {
      args.add(nd.arg());
      defaults.add(nd.value());
    }
    Arg vararg = null;
    Arg kwarg = null;
    List<Arg> kwonly = new ArrayList<>();
    List<Expr> kwDefaults = new ArrayList<>();
    if (starEtc != null) {
      vararg = starEtc.vararg();
      kwarg = starEtc.kwarg();
      for (NameDefault nd : starEtc.kwonly()) {
        kwonly.add(nd.arg());
        kwDefaults.add(nd.value());
      }
    }
    return new Arguments(posonly, args, vararg, kwonly, kwDefaults, kwarg, defaults, first.line,
        first.col);
  }

  private TokenType closer(boolean lambda) {
    return lambda ? TokenType.COLON : TokenType.RPAR;
  }

  private List<Arg> slashNoDefault(boolean lambda) {
    int start = mark;
    List<Arg> a = repeat(() -> paramNoDefault(lambda));
    if (!a.isEmpty() && expect(TokenType.SLASH) != null
        && (expect(TokenType.COMMA) != null || at(closer(lambda)))) {
      return a;
    }
    mark = start;
    return null;
  }

  private SlashWithDefault slashWithDefault(boolean lambda) {
    int start = mark;
    List<Arg> a = repeat(() -> paramNoDefault(lambda));
    List<NameDefault> b = repeat(() -> paramWithDefault(lambda));
    if (!b.isEmpty() && expect(TokenType.SLASH) != null
        && (expect(TokenType.COMMA) != null || at(closer(lambda)))) {
      return new SlashWithDefault(a, b);
    }
    mark = start;
    return null;
  }

  private StarEtc starEtc(boolean lambda) {
    int start = mark;
    if (callInvalidRules) {
      invalidStarEtc(lambda);
    }
    if (expect(TokenType.STAR) != null) {
      int afterStar = mark;
      Arg a = paramNoDefault(lambda);
      if (a == null && !lambda) {
        mark = afterStar;
        a = paramNoDefaultStarAnnotation();
      }
      if (a != null) {
        List<NameDefault> b = repeat(() -> paramMaybeDefault(lambda));
        return new StarEtc(a, b, kwds(lambda));
      }
      mark = afterStar;
      if (expect(TokenType.COMMA) != null) {
        List<NameDefault> b = repeat(() -> paramMaybeDefault(lambda));
        if (!b.isEmpty()) {
          return new StarEtc(null, b, kwds(lambda));
        }
      }
      mark = start;
    }
    Arg kwarg = kwds(lambda);
    if (kwarg != null) {
      return new StarEtc(null, List.of(), kwarg);
    }
    mark = start;
    return null;
  }

  private Arg kwds(boolean lambda) {
    int start = mark;
    if (callInvalidRules) {
      invalidKwds(lambda);
    }
    if (expect(TokenType.DOUBLESTAR) != null) {
      Arg a = paramNoDefault(lambda);
      if (a != null) {
        return a;
      }
    }
    mark = start;
    return null;
  }

  private Arg paramNoDefault(boolean lambda) {
    int start = mark;
    Arg a = param(lambda);
    if (a != null && (expect(TokenType.COMMA) != null || at(closer(lambda)))) {
      return a;
    }
    mark = start;
    return null;
  }

  private Arg paramNoDefaultStarAnnotation() {
    int start = mark;
    Token name = expect(TokenType.NAME);
    if (name != null && expect(TokenType.COLON) != null) {
      Expr annotation = starExpression();
      if (annotation != null && (expect(TokenType.COMMA) != null || at(TokenType.RPAR))) {
        return fin(new Arg(identifier(name), annotation, name.line, name.col));
      }
    }
    mark = start;
    return null;
  }

  private NameDefault paramWithDefault(boolean lambda) {
    int start = mark;
    Arg a = param(lambda);
    if (a != null) {
      Expr value = defaultValue();
      if (value != null && (expect(TokenType.COMMA) != null || at(closer(lambda)))) {
        return new NameDefault(a, value);
      }
    }
    mark = start;
    return null;
  }

  private NameDefault paramMaybeDefault(boolean lambda) {
    int start = mark;
    Arg a = param(lambda);
    if (a != null) {
      Expr value = defaultValue();
      if (expect(TokenType.COMMA) != null || at(closer(lambda))) {
        return new NameDefault(a, value);
      }
    }
    mark = start;
    return null;
  }

  private Arg param(boolean lambda) {
    Token name = expect(TokenType.NAME);
    if (name == null) {
      return null;
    }
    Expr annotation = null;
    if (!lambda) {
      int save = mark;
      if (expect(TokenType.COLON) != null) {
        annotation = expression();
        if (annotation == null) {
          mark = save;
        }
      }
    }
    return fin(new Arg(identifier(name), annotation, name.line, name.col));
  }

  private Expr defaultValue() {
    int start = mark;
    if (expect(TokenType.EQUAL) != null) {
      Expr e = expression();
      if (e != null) {
        return e;
      }
      mark = start;
    }
    if (callInvalidRules) {
      Token a = expect(TokenType.EQUAL);
      if (a != null && atAny(TokenType.RPAR, TokenType.COMMA)) {
        throw errorAt(a, "expected default value expression");
      }
      mark = start;
    }
    return null;
  }

  // ---------------------------------------------------------------- invalid_ rules

  private void invalidParameters(boolean lambda) {
    int start = mark;
    // param_no_default* invalid_parameters_helper a=param_no_default
    repeat(() -> paramNoDefault(lambda));
    if (slashWithDefault(lambda) != null
        || !repeat(() -> paramWithDefault(lambda)).isEmpty()) {
      Token at = peek();
      Arg a = paramNoDefault(lambda);
      if (a != null) {
        throw errorAt(at, "non-default argument follows default argument");
      }
    }
    mark = start;
    // param_no_default* '(' (param_no_default+ | ','.lambda_param+) ','? ')'
    repeat(() -> paramNoDefault(lambda));
    Token open = expect(TokenType.LPAR);
    if (open != null) {
      boolean some = lambda ? commaSeparated(() -> param(true)) != null
          : !repeat(() -> paramNoDefault(false)).isEmpty();
      if (some) {
        expect(TokenType.COMMA);
        Token close = expect(TokenType.RPAR);
        if (close != null) {
          throw errorRange(open, close, lambda
              ? "Lambda expression parameters cannot be parenthesized"
              : "Function parameters cannot be parenthesized");
        }
      }
    }
    mark = start;
    Token slash = expect(TokenType.SLASH);
    if (slash != null && expect(TokenType.COMMA) != null) {
      throw errorAt(slash, "at least one argument must precede /");
    }
    mark = start;
    if (slashNoDefault(lambda) != null || slashWithDefault(lambda) != null) {
      repeat(() -> paramMaybeDefault(lambda));
      Token again = expect(TokenType.SLASH);
      if (again != null) {
        throw errorAt(again, "/ may appear only once");
      }
    }
    mark = start;
    if (slashNoDefault(lambda) == null) {
      slashWithDefault(lambda);
    }
    repeat(() -> paramMaybeDefault(lambda));
    if (expect(TokenType.STAR) != null
        && (expect(TokenType.COMMA) != null || paramNoDefault(lambda) != null)) {
      repeat(() -> paramMaybeDefault(lambda));
      Token late = expect(TokenType.SLASH);
      if (late != null) {
        throw errorAt(late, "/ must be ahead of *");
      }
    }
    mark = start;
    if (!repeat(() -> paramMaybeDefault(lambda)).isEmpty()
        && expect(TokenType.SLASH) != null) {
      Token star = expect(TokenType.STAR);
      if (star != null) {
        throw errorAt(star, "expected comma between / and *");
      }
    }
    mark = start;
  }

  private void invalidStarEtc(boolean lambda) {
    int start = mark;
    Token star = expect(TokenType.STAR);
    if (star == null) {
      return;
    }
    int afterStar = mark;
    TokenType close = closer(lambda);
    if (expect(close) != null || (expect(TokenType.COMMA) != null
        && (expect(close) != null || expect(TokenType.DOUBLESTAR) != null))) {
      if (lambda) {
        throw error("named arguments must follow bare *");
      }
      throw errorAt(star, "named arguments must follow bare *");
    }
    mark = afterStar;
    if (param(lambda) != null) {
      Token eq = expect(TokenType.EQUAL);
      if (eq != null) {
        throw errorAt(eq, "var-positional argument cannot have default value");
      }
    }
    mark = afterStar;
    if (paramNoDefault(lambda) != null || expect(TokenType.COMMA) != null) {
      repeat(() -> paramMaybeDefault(lambda));
      Token second = expect(TokenType.STAR);
      if (second != null && (paramNoDefault(lambda) != null
          || expect(TokenType.COMMA) != null)) {
        throw errorAt(second, "* argument may appear only once");
      }
    }
    mark = start;
  }

  private void invalidKwds(boolean lambda) {
    int start = mark;
    if (expect(TokenType.DOUBLESTAR) == null || param(lambda) == null) {
      mark = start;
      return;
    }
    Token eq = expect(TokenType.EQUAL);
    if (eq != null) {
      throw errorAt(eq, "var-keyword argument cannot have default value");
    }
    if (expect(TokenType.COMMA) != null) {
      Token next = peek();
      if (param(lambda) != null) {
        throw errorAt(next, "arguments cannot follow var-keyword argument");
      }
      if (atAny(TokenType.STAR, TokenType.DOUBLESTAR, TokenType.SLASH)) {
        throw errorAt(next, "arguments cannot follow var-keyword argument");
      }
    }
    mark = start;
  }

  // ---------------------------------------------------------------- helpers

  /** CPython's {@code elem*}: zero or more, never null. */
  final <T> List<T> repeat(java.util.function.Supplier<T> element) {
    List<T> out = null;
    for (;;) {
      T next = element.get();
      if (next == null) {
        return out == null ? List.of() : out;
      }
      if (out == null) {
        out = new ArrayList<>();
      }
      out.add(next);
    }
  }
}
