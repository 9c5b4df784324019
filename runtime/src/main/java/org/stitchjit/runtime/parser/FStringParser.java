package org.stitchjit.runtime.parser;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.stitchjit.runtime.ast.Node.Constant;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.ast.Node.FormattedValue;
import org.stitchjit.runtime.ast.Node.JoinedStr;

/**
 * Joins adjacent string literals and parses f-strings the way CPython 3.11 does: an f-string
 * is one STRING token whose replacement fields are scanned by hand, and each field's
 * expression is parsed by a fresh parser over {@code "(" + text + ")"}. Errors reuse 3.11's
 * messages ("f-string: expecting '}'" and so on) and are placed at the parser's last token.
 */
final class FStringParser {
  private static final int MAX_NESTED_BRACKETS = 200;

  private final AtomRules host;
  /** The f-string body being scanned, its end, and the scan position. */
  private String s;
  private int end;
  private int pos;
  /** Offset of the body within the current token's text. */
  private int bodyOffset;
  private Token current;
  /** Where the literal text found by findLiteral ends (it may stop before a brace). */
  private int literalEnd;

  /**
   * One step of the scan: literal text (or null), a doubled brace that ends the literal
   * early, and the self-documenting text and field that follow it (or null).
   */
  private record Piece(String literal, boolean doubledBrace, String exprText, Expr field) {}

  FStringParser(AtomRules host) {
    this.host = host;
  }

  /** Accumulates literal text and fields into a Constant or a JoinedStr. */
  private static final class Parts {
    private StringBuilder lastStr;
    private final List<Expr> values = new ArrayList<>();
    private boolean fmode;

    void addLiteral(String text) {
      if (text.isEmpty()) {
        return;
      }
      if (lastStr == null) {
        lastStr = new StringBuilder();
      }
      lastStr.append(text);
    }

    void flushLiteral(Token at) {
      if (lastStr != null) {
        values.add(new Constant(lastStr.toString(), at.line, at.col));
        lastStr = null;
      }
    }

    Expr finish(Token at) {
      if (!fmode) {
        return new Constant(lastStr == null ? "" : lastStr.toString(), at.line, at.col);
      }
      flushLiteral(at);
      return new JoinedStr(values, at.line, at.col);
    }
  }

  Expr concatenate(List<Token> tokens) {
    Token first = tokens.get(0);
    Parts parts = new Parts();
    boolean bytesMode = false;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      Literals.StringToken st = Literals.split(t.text);
      String decoded = null;
      if (st.bytes()) {
        for (int k = 0; k < st.body().length(); k++) {
          if (st.body().charAt(k) >= 128) {
            throw host.errorAt(t, "bytes can only contain ASCII literal characters");
          }
        }
        host.unsupported.note("bytes literals", t);
      } else if (!st.fstring()) {
        decoded = st.raw() ? st.body() : decode(st.body());
      }
      if (i != 0 && bytesMode != st.bytes()) {
        throw host.error("cannot mix bytes and nonbytes literals");
      }
      bytesMode = st.bytes();
      if (st.fstring()) {
        s = st.body();
        end = s.length();
        pos = 0;
        bodyOffset = bodyStart(t.text);
        current = t;
        concatFString(parts, st.raw(), 0, first);
      } else if (bytesMode) {
        try {
          bytes.writeBytes(Literals.decodeBytes(st.body(), st.raw()));
        } catch (Literals.LiteralError e) {
          throw host.error(e.getMessage());
        }
      } else {
        parts.addLiteral(decoded);
      }
    }
    if (bytesMode) {
      return new Constant(bytes.toByteArray(), first.line, first.col);
    }
    return parts.finish(first);
  }

  /** Index in a STRING token's text where the body starts (after prefix and quotes). */
  private static int bodyStart(String token) {
    int i = 0;
    while (token.charAt(i) != '\'' && token.charAt(i) != '"') {
      i++;
    }
    char q = token.charAt(i);
    boolean triple = token.length() - i >= 6 && token.charAt(i + 1) == q
        && token.charAt(i + 2) == q;
    return i + (triple ? 3 : 1);
  }

  private String decode(String text) {
    try {
      return Literals.decodeEscapes(text);
    } catch (Literals.LiteralError e) {
      throw host.error(e.getMessage());
    }
  }

  private void concatFString(Parts parts, boolean raw, int recurseLevel, Token first) {
    parts.fmode = true;
    for (;;) {
      Piece piece = findLiteralAndExpr(raw, recurseLevel, first);
      if (piece.literal() != null) {
        parts.addLiteral(piece.literal());
      }
      if (piece.exprText() != null) {
        parts.addLiteral(piece.exprText());
      }
      if (piece.doubledBrace()) {
        continue;
      }
      if (piece.field() == null) {
        break;
      }
      parts.flushLiteral(first);
      parts.values.add(piece.field());
    }
    if (recurseLevel == 0 && pos < end - 1) {
      throw host.error("f-string: unexpected end of string");
    }
    if (recurseLevel != 0 && (pos >= end || s.charAt(pos) != '}')) {
      throw host.error("f-string: expecting '}'");
    }
  }

  private Piece findLiteralAndExpr(boolean raw, int recurseLevel, Token first) {
    int literalStart = pos;
    boolean doubled = findLiteral(raw, recurseLevel);
    String literal = null;
    if (literalStart != literalEnd) {
      String text = s.substring(literalStart, literalEnd);
      literal = raw ? text : decode(text);
    }
    if (doubled || pos >= end || s.charAt(pos) == '}') {
      return new Piece(literal, doubled, null, null);
    }
    return findExpr(raw, recurseLevel, first, literal);
  }

  /** Scans literal text up to a field, setting literalEnd; true if a doubled brace ended it. */
  private boolean findLiteral(boolean raw, int recurseLevel) {
    boolean doubled = false;
    for (;;) {
      if (pos >= end) {
        literalEnd = pos;
        break;
      }
      char ch = s.charAt(pos++);
      if (!raw && ch == '\\' && pos < end) {
        ch = s.charAt(pos++);
        if (ch == 'N') {
          // Skip "\N{NAME}" so its braces do not start a field.
          if (pos < end && s.charAt(pos++) == '{') {
            while (pos < end && s.charAt(pos++) != '}') {
              // scanning to the closing brace
            }
          }
          continue;
        }
      }
      if (ch == '{' || ch == '}') {
        if (recurseLevel == 0) {
          if (pos < end && s.charAt(pos) == ch) {
            literalEnd = pos;
            pos++;
            doubled = true;
            break;
          }
          if (ch == '}') {
            pos--;
            throw host.error("f-string: single '}' is not allowed");
          }
        }
        pos--;
        literalEnd = pos;
        break;
      }
    }
    return doubled;
  }

  private SyntaxFailure expectingBrace() {
    return host.error("f-string: expecting '}'");
  }

  private Piece findExpr(boolean raw, int recurseLevel, Token first, String literal) {
    if (recurseLevel >= 2) {
      throw host.error("f-string: expressions nested too deeply");
    }
    pos++;
    int exprStart = pos;
    char quote = 0;
    boolean tripleQuoted = false;
    int depth = 0;
    char[] brackets = new char[MAX_NESTED_BRACKETS];
    for (; pos < end; pos++) {
      char ch = s.charAt(pos);
      if (ch == '\\') {
        throw host.error("f-string expression part cannot include a backslash");
      }
      if (quote != 0) {
        if (ch == quote) {
          if (!tripleQuoted) {
            quote = 0;
          } else if (pos + 2 < end && s.charAt(pos + 1) == ch && s.charAt(pos + 2) == ch) {
            pos += 2;
            quote = 0;
            tripleQuoted = false;
          }
        }
        continue;
      }
      if (ch == '\'' || ch == '"') {
        if (pos + 2 < end && s.charAt(pos + 1) == ch && s.charAt(pos + 2) == ch) {
          tripleQuoted = true;
          pos += 2;
        }
        quote = ch;
      } else if (ch == '[' || ch == '{' || ch == '(') {
        if (depth >= MAX_NESTED_BRACKETS) {
          throw host.error("f-string: too many nested parenthesis");
        }
        brackets[depth++] = ch;
      } else if (ch == '#') {
        throw host.error("f-string expression part cannot include '#'");
      } else if (depth == 0 && (ch == '!' || ch == ':' || ch == '}' || ch == '='
          || ch == '>' || ch == '<')) {
        if (pos + 1 < end && s.charAt(pos + 1) == '='
            && (ch == '!' || ch == '=' || ch == '<' || ch == '>')) {
          pos++;
          continue;
        }
        if (ch == '>' || ch == '<') {
          continue;
        }
        break;
      } else if (ch == ']' || ch == '}' || ch == ')') {
        if (depth == 0) {
          throw host.error("f-string: unmatched '" + ch + "'");
        }
        char opening = brackets[--depth];
        if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']')
            || (opening == '{' && ch == '}'))) {
          throw host.error("f-string: closing parenthesis '" + ch
              + "' does not match opening parenthesis '" + opening + "'");
        }
      }
    }
    int exprEnd = pos;
    if (quote != 0) {
      throw host.error("f-string: unterminated string");
    }
    if (depth != 0) {
      throw host.error("f-string: unmatched '" + brackets[depth - 1] + "'");
    }
    if (pos >= end) {
      throw expectingBrace();
    }
    Expr value = compileExpr(exprStart, exprEnd);
    String exprText = null;
    if (s.charAt(pos) == '=') {
      pos++;
      while (pos < end && isSpace(s.charAt(pos))) {
        pos++;
      }
      if (pos >= end) {
        throw expectingBrace();
      }
      exprText = s.substring(exprStart, pos);
    }
    int conversion = -1;
    if (s.charAt(pos) == '!') {
      pos++;
      if (pos >= end) {
        throw expectingBrace();
      }
      conversion = s.charAt(pos++);
      if (conversion != 's' && conversion != 'r' && conversion != 'a') {
        throw host.error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    Expr formatSpec = null;
    if (pos < end && s.charAt(pos) == ':') {
      pos++;
      if (pos >= end) {
        throw expectingBrace();
      }
      Parts spec = new Parts();
      concatFString(spec, raw, recurseLevel + 1, first);
      formatSpec = spec.finish(current);
    }
    if (pos >= end || s.charAt(pos) != '}') {
      throw expectingBrace();
    }
    pos++;
    if (exprText != null && formatSpec == null && conversion == -1) {
      conversion = 'r';
    }
    return new Piece(literal, false, exprText,
        new FormattedValue(value, conversion, formatSpec, first.line, first.col));
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000b';
  }

  private Expr compileExpr(int exprStart, int exprEnd) {
    int k = exprStart;
    while (k < exprEnd) {
      char c = s.charAt(k);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\f') {
        break;
      }
      k++;
    }
    if (k == exprEnd) {
      char terminator = s.charAt(exprEnd);
      if (terminator == '!' || terminator == ':' || terminator == '=') {
        throw host.error("f-string: expression required before '" + terminator + "'");
      }
      throw host.error("f-string: empty expression not allowed");
    }
    // Place the sub-parser's '(' where the '{' is, so its nodes get real positions.
    int braceIndex = bodyOffset + exprStart - 1;
    String text = current.text;
    int line = current.line;
    int lastNewline = -1;
    for (int i = 0; i < braceIndex; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lastNewline = i;
      }
    }
    int col = lastNewline < 0 ? current.col + braceIndex : braceIndex - lastNewline - 1;
    // CPython measures errors in the field from this column, which is 0 (or the token's
    // column) when only whitespace follows the '{' on its line.
    boolean newlineAfterBrace = true;
    for (int i = exprStart; i < end && s.charAt(i) != '}' && s.charAt(i) != '\n'; i++) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\f') {
        newlineAfterBrace = false;
        break;
      }
    }
    int errorShift = !newlineAfterBrace ? col : lastNewline < 0 ? current.col : 0;
    String source = "(" + s.substring(exprStart, exprEnd) + ")";
    try {
      return host.parseFStringExpression(source, line, col, errorShift);
    } catch (SyntaxFailure f) {
      // From the enclosing parser's point of view this is a parser error, never a
      // tokenizer one: a later tokenizer error in the file may still take precedence.
      throw f.withOrigin(SyntaxFailure.Origin.PARSER);
    }
  }
}
