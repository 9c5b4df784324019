package org.stitchjit.runtime.parser;

import java.util.HashMap;
import java.util.Map;

/**
 * Token kinds. Keywords get their own kinds (as in CPython's PEG parser) so a rule can ask for
 * {@code IF} without string comparisons; soft keywords ({@code match}, {@code case}, {@code _})
 * stay {@link #NAME}.
 */
enum TokenType {
  ENDMARKER, NAME, NUMBER, STRING, NEWLINE, INDENT, DEDENT,
  /** A character that is no Python operator ({@code $}, {@code ?}, a lone {@code !}). */
  ERRORTOKEN,

  LPAR("("), RPAR(")"), LSQB("["), RSQB("]"), LBRACE("{"), RBRACE("}"),
  COLON(":"), COMMA(","), SEMI(";"), DOT("."), ELLIPSIS("..."), AT("@"), RARROW("->"),
  COLONEQUAL(":="), EQUAL("="),
  PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), DOUBLESLASH("//"), PERCENT("%"),
  DOUBLESTAR("**"), VBAR("|"), AMPER("&"), CIRCUMFLEX("^"), TILDE("~"), LEFTSHIFT("<<"),
  RIGHTSHIFT(">>"),
  EQEQUAL("=="), NOTEQUAL("!="), LESS("<"), GREATER(">"), LESSEQUAL("<="), GREATEREQUAL(">="),
  PLUSEQUAL("+="), MINEQUAL("-="), STAREQUAL("*="), SLASHEQUAL("/="), DOUBLESLASHEQUAL("//="),
  PERCENTEQUAL("%="), ATEQUAL("@="), AMPEREQUAL("&="), VBAREQUAL("|="), CIRCUMFLEXEQUAL("^="),
  LEFTSHIFTEQUAL("<<="), RIGHTSHIFTEQUAL(">>="), DOUBLESTAREQUAL("**="),

  FALSE("False", true), NONE("None", true), TRUE("True", true), AND("and", true),
  AS("as", true), ASSERT("assert", true), ASYNC("async", true), AWAIT("await", true),
  BREAK("break", true), CLASS("class", true), CONTINUE("continue", true), DEF("def", true),
  DEL("del", true), ELIF("elif", true), ELSE("else", true), EXCEPT("except", true),
  FINALLY("finally", true), FOR("for", true), FROM("from", true), GLOBAL("global", true),
  IF("if", true), IMPORT("import", true), IN("in", true), IS("is", true),
  LAMBDA("lambda", true), NONLOCAL("nonlocal", true), NOT("not", true), OR("or", true),
  PASS("pass", true), RAISE("raise", true), RETURN("return", true), TRY("try", true),
  WHILE("while", true), WITH("with", true), YIELD("yield", true);

  private static final Map<String, TokenType> KEYWORDS = new HashMap<>();
  private static final Map<String, TokenType> OPERATORS = new HashMap<>();

  static {
    for (TokenType t : values()) {
      if (t.keyword) {
        KEYWORDS.put(t.text, t);
      } else if (t.text != null) {
        OPERATORS.put(t.text, t);
      }
    }
  }

  /** Source spelling for operators and keywords, null for the other kinds. */
  final String text;
  final boolean keyword;

  TokenType() {
    this(null, false);
  }

  TokenType(String text) {
    this(text, false);
  }

  TokenType(String text, boolean keyword) {
    this.text = text;
    this.keyword = keyword;
  }

  static TokenType keyword(String name) {
    return KEYWORDS.get(name);
  }

  static TokenType operator(String text) {
    return OPERATORS.get(text);
  }
}
