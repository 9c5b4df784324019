package org.stitchjit.runtime.parser;

import org.stitchjit.runtime.parser.SyntaxFailure.Origin;

/**
 * Turns source text into tokens on demand, following CPython 3.11's tokenizer closely: the same
 * INDENT/DEDENT rules (tabs to multiples of 8, checked against a tab-size-1 column for
 * consistency), the same literal checks, and the same error messages and positions. Errors are
 * thrown when the parser asks for the offending token, because CPython's error priorities
 * depend on how far the parser had read.
 *
 * <p>The cursor mimics CPython's line buffer: {@link #lineno} advances only when a character
 * of the next line is read, so a token's line is that of its first character, and errors found
 * after a backed-up newline still point at the line that ended.
 */
final class Tokenizer {
  private static final int EOF = -1;
  private static final int TAB_SIZE = 8;
  private static final int MAX_INDENT = 100;
  private static final int MAX_LEVEL = 200;

  private final String src;
  /** Added to the column of tokens on the first line (f-string expressions start mid-line). */
  private final int firstLineColShift;
  private final int firstLine;

  private int pos;
  private int lineno;
  private int lineStart;
  private int lineEnd;
  private boolean atBol = true;
  private int pendin;
  private final int[] indstack = new int[MAX_INDENT + 1];
  private final int[] altindstack = new int[MAX_INDENT + 1];
  private int indent;
  private int level;
  private final char[] parenChar = new char[MAX_LEVEL];
  private final int[] parenLine = new int[MAX_LEVEL];
  private final int[] parenCol = new int[MAX_LEVEL];
  /** Start of the token being scanned (CPython's tok->start). */
  private int tokStart;
  private boolean finished;
  /** CPython rejects a NUL character when it reads the line holding it. */
  private final int firstNul;
  private boolean sawEof;
  /** Whether a token is being scanned: lines read then join CPython's line buffer. */
  private boolean inToken;
  /** Start of the first line in CPython's line buffer. */
  private int bufferStart;

  /**
   * @param src source with '\n' line endings that ends in '\n' unless empty
   * @param firstLine line number of the first line of src
   * @param firstLineColShift column of src's first character in the real source line
   */
  Tokenizer(String src, int firstLine, int firstLineColShift) {
    this.src = src;
    this.firstLine = firstLine;
    this.firstLineColShift = firstLineColShift;
    this.lineno = firstLine - 1;
    this.firstNul = src.indexOf('\0');
  }

  /** Normalizes line endings the way CPython's universal-newline reader does. */
  static String normalize(String source) {
    String s = source;
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    if (!s.isEmpty() && s.charAt(s.length() - 1) != '\n') {
      s = s + "\n";
    }
    return s;
  }

  int level() {
    return level;
  }

  int innermostParenLine() {
    return parenLine[level - 1];
  }

  /** CPython's "tok->cur - line_start": used to place errors at column-less tokens. */
  int cursorColumn() {
    return pos - lineStart + (lineno == firstLine ? firstLineColShift : 0);
  }

  /**
   * Where CPython places an error at an INDENT, DEDENT or ENDMARKER token: the tokenizer's
   * position, or 0 (no caret) once end of input was read, as CPython has no line left then.
   */
  int columnForLayoutToken() {
    return sawEof ? 0 : cursorColumn();
  }

  /** The error for end of input inside brackets: points at the innermost open bracket. */
  SyntaxFailure unclosedBracketError() {
    int i = level - 1;
    int col = parenCol[i] + (parenLine[i] == firstLine ? firstLineColShift : 0);
    return new SyntaxFailure("SyntaxError", "'" + parenChar[i] + "' was never closed",
        parenLine[i], col + 1, parenLine[i], 0, Origin.TOKENIZER_STATUS);
  }

  // ---------------------------------------------------------------- character cursor

  private int nextc() {
    if (pos == lineEnd) {
      if (pos >= src.length()) {
        sawEof = true;
        return EOF;
      }
      lineStart = pos;
      lineno++;
      if (!inToken) {
        bufferStart = lineStart;
      }
      int nl = src.indexOf('\n', pos);
      lineEnd = nl < 0 ? src.length() : nl + 1;
      if (firstNul >= lineStart && firstNul < lineEnd) {
        throw new SyntaxFailure("SyntaxError", "source code cannot contain null bytes", lineno,
            0, lineno, 0, Origin.TOKENIZER);
      }
    }
    return src.charAt(pos++);
  }

  private void backup(int c) {
    if (c != EOF) {
      pos--;
    }
  }

  private int peekc() {
    int c = nextc();
    backup(c);
    return c;
  }

  private int shift(int line) {
    return line == firstLine ? firstLineColShift : 0;
  }

  /** An error whose caret sits just before the cursor (CPython's syntaxerror()). */
  private SyntaxFailure errorAtCursor(String msg) {
    int col = cursorColumn();
    return new SyntaxFailure("SyntaxError", msg, lineno, col, lineno, col, Origin.TOKENIZER);
  }

  /** An error CPython raises from the tokenizer's status; endCol 0 or -1 as CPython has it. */
  private SyntaxFailure statusError(String type, String msg, int col, int endCol) {
    return new SyntaxFailure(type, msg, lineno, col, lineno, endCol, Origin.TOKENIZER_STATUS);
  }

  private Token make(TokenType type, int start, int end) {
    int col = start - lineStart;
    int endCol = end - lineStart;
    return new Token(type, src.substring(start, end), lineno, col + shift(lineno), lineno,
        endCol + shift(lineno));
  }

  private Token layout(TokenType type) {
    return new Token(type, "", Math.max(lineno, firstLine), -1, Math.max(lineno, firstLine), -1);
  }

  // ---------------------------------------------------------------- tokens

  Token next() {
    Token t = scan();
    t.level = level;
    return t;
  }

  private Token scan() {
    if (finished) {
      return layout(TokenType.ENDMARKER);
    }
    int c;
    boolean blankline;
    nextline:
    for (;;) {
      inToken = false;
      blankline = false;
      if (atBol) {
        atBol = false;
        blankline = measureIndentation();
      }
      tokStart = pos;
      if (pendin != 0) {
        if (pendin < 0) {
          pendin++;
          return layout(TokenType.DEDENT);
        }
        pendin--;
        return layout(TokenType.INDENT);
      }
      for (;;) {
        inToken = false;
        do {
          c = nextc();
        } while (c == ' ' || c == '\t' || c == '\f');
        inToken = true;
        tokStart = c == EOF ? pos : pos - 1;
        if (c == '#') {
          while (c != EOF && c != '\n') {
            c = nextc();
          }
        }
        if (c == EOF) {
          if (level > 0) {
            throw unclosedBracketError();
          }
          finished = true;
          return layout(TokenType.ENDMARKER);
        }
        if (isIdentifierStart(c)) {
          return identifierOrString(c);
        }
        if (c == '\n') {
          atBol = true;
          if (blankline || level > 0) {
            continue nextline;
          }
          // The NEWLINE token starts at a preceding comment, as in CPython.
          int col = tokStart - lineStart + shift(lineno);
          int endCol = pos - 1 - lineStart + shift(lineno);
          return new Token(TokenType.NEWLINE, "", lineno, col, lineno, endCol);
        }
        if (c == '.') {
          int c2 = nextc();
          if (isDigit(c2)) {
            return number(c2, true);
          }
          if (c2 == '.') {
            int c3 = nextc();
            if (c3 == '.') {
              return make(TokenType.ELLIPSIS, tokStart, pos);
            }
            backup(c3);
          }
          backup(c2);
          return make(TokenType.DOT, tokStart, pos);
        }
        if (isDigit(c)) {
          return number(c, false);
        }
        if (c == '\'' || c == '"') {
          return string(c);
        }
        if (c == '\\') {
          lineContinuation();
          continue;
        }
        return operator(c);
      }
    }
  }

  /** After a backslash: joins the next line, or fails as CPython does. */
  private void lineContinuation() {
    int c = nextc();
    if (c != '\n') {
      // CPython counts this column from the start of its line buffer, which still holds
      // the earlier lines of a token (a string, a continued line) that ran into this one.
      throw statusError("SyntaxError",
          "unexpected character after line continuation character",
          cursorColumn() + lineStart - bufferStart, 0);
    }
    c = nextc();
    if (c == EOF) {
      pos = src.length();
      if (level > 0) {
        throw unclosedBracketError();
      }
      throw statusError("SyntaxError", "unexpected EOF while parsing", cursorColumn(), -1);
    }
    backup(c);
  }

  /** Reads leading whitespace at the start of a line; returns whether the line is blank. */
  private boolean measureIndentation() {
    int col = 0;
    int altcol = 0;
    // A backslash inside the indentation joins lines; the first one fixes the indentation.
    int contLineCol = 0;
    int c;
    for (;;) {
      c = nextc();
      if (c == ' ') {
        col++;
        altcol++;
      } else if (c == '\t') {
        col = (col / TAB_SIZE + 1) * TAB_SIZE;
        altcol++;
      } else if (c == '\f') {
        col = 0;
        altcol = 0;
      } else if (c == '\\') {
        contLineCol = contLineCol != 0 ? contLineCol : col;
        lineContinuation();
      } else {
        break;
      }
    }
    backup(c);
    boolean blank = c == '#' || c == '\n';
    if (blank || level != 0) {
      return blank;
    }
    if (contLineCol != 0) {
      col = contLineCol;
      altcol = contLineCol;
    }
    if (col == indstack[indent]) {
      if (altcol != altindstack[indent]) {
        throw tabError();
      }
    } else if (col > indstack[indent]) {
      if (indent + 1 >= MAX_INDENT) {
        throw statusError("IndentationError", "too many levels of indentation", 1, 0);
      }
      if (altcol <= altindstack[indent]) {
        throw tabError();
      }
      pendin++;
      indstack[++indent] = col;
      altindstack[indent] = altcol;
    } else {
      while (indent > 0 && col < indstack[indent]) {
        pendin--;
        indent--;
      }
      if (col != indstack[indent]) {
        pos = lineEnd;
        throw statusError("IndentationError",
            "unindent does not match any outer indentation level", cursorColumn(), -1);
      }
      if (altcol != altindstack[indent]) {
        throw tabError();
      }
    }
    return false;
  }

  private SyntaxFailure tabError() {
    return statusError("TabError", "inconsistent use of tabs and spaces in indentation", 1,
        0);
  }

  // ---------------------------------------------------------------- names and strings

  static boolean isIdentifierStart(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
  }

  static boolean isIdentifierChar(int c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }

  private Token identifierOrString(int first) {
    int c = first;
    boolean sawB = false;
    boolean sawR = false;
    boolean sawU = false;
    boolean sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (c == 'b' || c == 'B')) {
        sawB = true;
      } else if (!(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U')) {
        sawU = true;
      } else if (!(sawR || sawU) && (c == 'r' || c == 'R')) {
        sawR = true;
      } else if (!(sawF || sawB || sawU) && (c == 'f' || c == 'F')) {
        sawF = true;
      } else {
        break;
      }
      c = nextc();
      if (c == '"' || c == '\'') {
        return string(c);
      }
    }
    boolean nonAscii = false;
    while (isIdentifierChar(c)) {
      if (c >= 128) {
        nonAscii = true;
      }
      c = nextc();
    }
    backup(c);
    if (nonAscii) {
      verifyIdentifier();
    }
    Token t = make(TokenType.NAME, tokStart, pos);
    TokenType kw = TokenType.keyword(t.text);
    return kw == null ? t : new Token(kw, t.text, t.line, t.col, t.endLine, t.endCol);
  }

  private void verifyIdentifier() {
    String name = src.substring(tokStart, pos);
    int i = 0;
    while (i < name.length()) {
      int cp = name.codePointAt(i);
      boolean ok = i == 0 ? cp == '_' || Character.isUnicodeIdentifierStart(cp)
          : Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp);
      if (!ok) {
        pos = tokStart + i + Character.charCount(cp);
        String hex = String.format("%04X", cp);
        if (isPrintable(cp)) {
          throw errorAtCursor(
              "invalid character '" + new String(Character.toChars(cp)) + "' (U+" + hex + ")");
        }
        throw errorAtCursor("invalid non-printable character U+" + hex);
      }
      i += Character.charCount(cp);
    }
  }

  /** Python's str.isprintable() for one code point. */
  static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    switch (Character.getType(cp)) {
      case Character.CONTROL:
      case Character.FORMAT:
      case Character.SURROGATE:
      case Character.PRIVATE_USE:
      case Character.UNASSIGNED:
      case Character.LINE_SEPARATOR:
      case Character.PARAGRAPH_SEPARATOR:
      case Character.SPACE_SEPARATOR:
        return false;
      default:
        return true;
    }
  }

  private Token string(int quote) {
    int firstLineno = lineno;
    int multiLineStart = lineStart;
    int quoteSize = 1;
    int endQuoteSize = 0;
    int c = nextc();
    if (c == quote) {
      c = nextc();
      if (c == quote) {
        quoteSize = 3;
      } else {
        endQuoteSize = 1;
      }
    }
    if (c != quote) {
      backup(c);
    }
    while (endQuoteSize != quoteSize) {
      c = nextc();
      if (c == EOF || (quoteSize == 1 && c == '\n')) {
        int detectedAt = lineno;
        int col = tokStart - multiLineStart + 1 + shift(firstLineno);
        String msg = quoteSize == 3
            ? "unterminated triple-quoted string literal (detected at line " + detectedAt + ")"
            : "unterminated string literal (detected at line " + detectedAt + ")";
        throw new SyntaxFailure("SyntaxError", msg, firstLineno, col, firstLineno, col,
            Origin.TOKENIZER);
      }
      if (c == quote) {
        endQuoteSize++;
      } else {
        endQuoteSize = 0;
        if (c == '\\') {
          nextc();
        }
      }
    }
    int col = tokStart - multiLineStart + shift(firstLineno);
    return new Token(TokenType.STRING, src.substring(tokStart, pos), firstLineno, col, lineno,
        pos - lineStart + shift(lineno));
  }

  // ---------------------------------------------------------------- numbers

  /**
   * Scans a number whose first character c has been read (or, with afterDot, whose leading
   * '.' has been read and c is the first fraction digit).
   */
  private Token number(int first, boolean afterDot) {
    int c = first;
    if (afterDot) {
      c = fraction(c);
    } else if (c == '0') {
      c = nextc();
      if (c == 'x' || c == 'X') {
        c = radixDigits(16, "hexadecimal");
      } else if (c == 'o' || c == 'O') {
        c = radixDigits(8, "octal");
      } else if (c == 'b' || c == 'B') {
        c = radixDigits(2, "binary");
      } else {
        c = zeroPrefixedDecimal(c);
      }
    } else {
      c = decimalTail();
      if (c == '.') {
        c = fraction(nextc());
      } else {
        c = exponentAndImaginary(c);
      }
    }
    backup(c);
    return make(TokenType.NUMBER, tokStart, pos);
  }

  private int radixDigits(int radix, String kind) {
    int c = nextc();
    do {
      if (c == '_') {
        c = nextc();
      }
      if (!isRadixDigit(c, radix)) {
        if (radix != 16 && isDigit(c)) {
          throw errorAtCursor("invalid digit '" + (char) c + "' in " + kind + " literal");
        }
        backup(c);
        throw errorAtCursor("invalid " + kind + " literal");
      }
      do {
        c = nextc();
      } while (isRadixDigit(c, radix));
    } while (c == '_');
    if (radix != 16 && isDigit(c)) {
      throw errorAtCursor("invalid digit '" + (char) c + "' in " + kind + " literal");
    }
    verifyEndOfNumber(c, kind);
    return c;
  }

  private static boolean isRadixDigit(int c, int radix) {
    if (radix == 16) {
      return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
    return c >= '0' && c < '0' + radix;
  }

  /** After a leading '0' that starts no radix prefix; c is the next character. */
  private int zeroPrefixedDecimal(int first) {
    int c = first;
    for (;;) {
      if (c == '_') {
        c = nextc();
        if (!isDigit(c)) {
          backup(c);
          throw errorAtCursor("invalid decimal literal");
        }
      }
      if (c != '0') {
        break;
      }
      c = nextc();
    }
    int zerosEnd = pos;
    boolean nonzero = false;
    if (isDigit(c)) {
      nonzero = true;
      c = decimalTail();
    }
    if (c == '.') {
      return fraction(nextc());
    }
    if (c == 'e' || c == 'E' || c == 'j' || c == 'J') {
      return exponentAndImaginary(c);
    }
    if (nonzero) {
      backup(c);
      int shift = shift(lineno);
      throw new SyntaxFailure("SyntaxError",
          "leading zeros in decimal integer literals are not permitted; "
              + "use an 0o prefix for octal integers",
          lineno, tokStart + 1 - lineStart + shift, lineno, zerosEnd - lineStart + shift,
          Origin.TOKENIZER);
    }
    verifyEndOfNumber(c, "decimal");
    return c;
  }

  /** Reads digits with single underscores between them; returns the first other char. */
  private int decimalTail() {
    int c;
    for (;;) {
      do {
        c = nextc();
      } while (isDigit(c));
      if (c != '_') {
        return c;
      }
      c = nextc();
      if (!isDigit(c)) {
        backup(c);
        throw errorAtCursor("invalid decimal literal");
      }
    }
  }

  /** c is the character after the '.'. */
  private int fraction(int first) {
    int c = first;
    if (isDigit(c)) {
      c = decimalTail();
    }
    return exponentAndImaginary(c);
  }

  private int exponentAndImaginary(int first) {
    int c = first;
    if (c == 'e' || c == 'E') {
      int e = c;
      c = nextc();
      if (c == '+' || c == '-') {
        c = nextc();
        if (!isDigit(c)) {
          backup(c);
          throw errorAtCursor("invalid decimal literal");
        }
      } else if (!isDigit(c)) {
        // "1else": the 'e' starts a keyword, not an exponent.
        backup(c);
        verifyEndOfNumber(e, "decimal");
        backup(e);
        // Re-read the 'e' so that the caller's final backup leaves it for the next token.
        return nextc();
      }
      c = decimalTail();
    }
    if (c == 'j' || c == 'J') {
      c = nextc();
      verifyEndOfNumber(c, "imaginary");
      return c;
    }
    verifyEndOfNumber(c, "decimal");
    return c;
  }

  /**
   * A number may be directly followed by a keyword that can legally follow it ("1if x else
   * 2"); any other identifier character makes the literal invalid.
   */
  private void verifyEndOfNumber(int c, String kind) {
    boolean keywordFollows;
    switch (c) {
      case 'a':
        keywordFollows = lookahead("nd");
        break;
      case 'e':
        keywordFollows = lookahead("lse");
        break;
      case 'f':
        keywordFollows = lookahead("or");
        break;
      case 'i': {
        int c2 = peekc();
        keywordFollows = c2 == 'f' || c2 == 'n' || c2 == 's';
        break;
      }
      case 'o':
        keywordFollows = lookahead("r");
        break;
      case 'n':
        keywordFollows = lookahead("ot");
        break;
      default:
        keywordFollows = false;
    }
    // A non-ASCII character ends the number; the next token then reports it.
    if (!keywordFollows && c < 128 && isIdentifierChar(c)) {
      backup(c);
      throw errorAtCursor("invalid " + kind + " literal");
    }
  }

  private boolean lookahead(String rest) {
    if (!src.startsWith(rest, pos)) {
      return false;
    }
    int after = pos + rest.length();
    return after >= src.length() || !isIdentifierChar(src.charAt(after));
  }

  // ---------------------------------------------------------------- operators

  private Token operator(int c) {
    int c2 = nextc();
    TokenType two = twoCharOperator(c, c2);
    if (two != null) {
      // Every three-character operator extends a two-character one.
      int c3 = nextc();
      TokenType three = threeCharOperator(two, c3);
      if (three != null) {
        return makeOperator(three);
      }
      backup(c3);
      // "<>" keeps its own text: the parser rejects it where "!=" is fine.
      return two == TokenType.NOTEQUAL ? make(two, tokStart, pos) : makeOperator(two);
    }
    backup(c2);
    switch (c) {
      case '(':
      case '[':
      case '{':
        if (level >= MAX_LEVEL) {
          throw errorAtCursor("too many nested parentheses");
        }
        parenChar[level] = (char) c;
        parenLine[level] = lineno;
        parenCol[level] = tokStart - lineStart;
        level++;
        break;
      case ')':
      case ']':
      case '}':
        if (level == 0) {
          throw errorAtCursor("unmatched '" + (char) c + "'");
        }
        level--;
        char opening = parenChar[level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']')
            || (opening == '{' && c == '}'))) {
          String msg = "closing parenthesis '" + (char) c
              + "' does not match opening parenthesis '" + opening + "'";
          if (parenLine[level] != lineno) {
            msg += " on line " + parenLine[level];
          }
          throw errorAtCursor(msg);
        }
        break;
      default:
        break;
    }
    if (c < 128 && !isPrintable(c)) {
      throw errorAtCursor("invalid non-printable character U+" + String.format("%04X", c));
    }
    TokenType one = c < 128 ? ONE_CHAR[c] : null;
    return one == null ? make(TokenType.ERRORTOKEN, tokStart, pos) : makeOperator(one);
  }

  private static final TokenType[] ONE_CHAR = new TokenType[128];

  static {
    for (TokenType t : TokenType.values()) {
      if (!t.keyword && t.text != null && t.text.length() == 1) {
        ONE_CHAR[t.text.charAt(0)] = t;
      }
    }
  }

  /** Operators share their kind's text instead of copying it out of the source. */
  private Token makeOperator(TokenType type) {
    int shift = shift(lineno);
    return new Token(type, type.text, lineno, tokStart - lineStart + shift, lineno,
        pos - lineStart + shift);
  }

  private static TokenType twoCharOperator(int c1, int c2) {
    switch (c1) {
      case '!': return c2 == '=' ? TokenType.NOTEQUAL : null;
      case '%': return c2 == '=' ? TokenType.PERCENTEQUAL : null;
      case '&': return c2 == '=' ? TokenType.AMPEREQUAL : null;
      case '*': return c2 == '*' ? TokenType.DOUBLESTAR : c2 == '=' ? TokenType.STAREQUAL : null;
      case '+': return c2 == '=' ? TokenType.PLUSEQUAL : null;
      case '-': return c2 == '=' ? TokenType.MINEQUAL : c2 == '>' ? TokenType.RARROW : null;
      case '/': return c2 == '/' ? TokenType.DOUBLESLASH : c2 == '=' ? TokenType.SLASHEQUAL : null;
      case ':': return c2 == '=' ? TokenType.COLONEQUAL : null;
      case '<':
        return c2 == '<' ? TokenType.LEFTSHIFT : c2 == '=' ? TokenType.LESSEQUAL
            : c2 == '>' ? TokenType.NOTEQUAL : null;
      case '=': return c2 == '=' ? TokenType.EQEQUAL : null;
      case '>':
        return c2 == '=' ? TokenType.GREATEREQUAL : c2 == '>' ? TokenType.RIGHTSHIFT : null;
      case '@': return c2 == '=' ? TokenType.ATEQUAL : null;
      case '^': return c2 == '=' ? TokenType.CIRCUMFLEXEQUAL : null;
      case '|': return c2 == '=' ? TokenType.VBAREQUAL : null;
      default: return null;
    }
  }

  private static TokenType threeCharOperator(TokenType two, int c3) {
    if (c3 != '=') {
      return null;
    }
    switch (two) {
      case DOUBLESTAR: return TokenType.DOUBLESTAREQUAL;
      case DOUBLESLASH: return TokenType.DOUBLESLASHEQUAL;
      case LEFTSHIFT: return TokenType.LEFTSHIFTEQUAL;
      case RIGHTSHIFT: return TokenType.RIGHTSHIFTEQUAL;
      default: return null;
    }
  }
}
