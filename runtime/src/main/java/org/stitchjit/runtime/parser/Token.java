package org.stitchjit.runtime.parser;

/**
 * One token. Columns are 0-based UTF-16 offsets into the line; INDENT, DEDENT and ENDMARKER
 * carry column -1 because CPython gives them no source span, which changes how errors at
 * those tokens are placed.
 */
final class Token {
  final TokenType type;
  /** Exact source text (a STRING keeps its prefix and quotes); empty for layout tokens. */
  final String text;
  final int line;
  final int col;
  final int endLine;
  final int endCol;
  /** Bracket nesting depth after this token (CPython consults it for one error message). */
  int level;
  /** Memoized rule results starting at this token (a short linked list, as in CPython). */
  Memo memo;

  Token(TokenType type, String text, int line, int col, int endLine, int endCol) {
    this.type = type;
    this.text = text;
    this.line = line;
    this.col = col;
    this.endLine = endLine;
    this.endCol = endCol;
  }

  @Override
  public String toString() {
    return type + "'" + text + "'@" + line + ":" + col;
  }

  /** A memoized parse of one rule: its result (null for failure) and where it stopped. */
  static final class Memo {
    final int rule;
    final Object node;
    final int end;
    final Memo next;

    Memo(int rule, Object node, int end, Memo next) {
      this.rule = rule;
      this.node = node;
      this.end = end;
      this.next = next;
    }
  }
}
