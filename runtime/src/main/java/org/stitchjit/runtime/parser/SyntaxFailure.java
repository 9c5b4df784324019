package org.stitchjit.runtime.parser;

/**
 * Internal carrier for a syntax error on its way out of the tokenizer or parser, before it is
 * tied to a file name and source line. Unchecked so the many rule methods need no throws
 * clauses; {@link Parser} turns every one into a {@link GuestSyntaxError}.
 */
final class SyntaxFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Where the error came from; decides whether it may be overridden later (see Parser). */
  enum Origin {
    /** Raised by a grammar rule or action. */
    PARSER,
    /** Raised by the tokenizer as an exception (bad literal, bad character, bad bracket). */
    TOKENIZER,
    /**
     * A tokenizer status error (bad dedent, tab/space mix, EOF inside brackets, stray
     * backslash): CPython reports these only when the parser asks for the token.
     */
    TOKENIZER_STATUS
  }

  final String type;
  final String msg;
  final int line;
  final int col;
  final int endLine;
  final int endCol;
  final Origin origin;
  /** The text to show for the error line when it is not the file's own line, else null. */
  final String lineText;

  SyntaxFailure(String type, String msg, int line, int col, int endLine, int endCol,
      Origin origin) {
    this(type, msg, line, col, endLine, endCol, origin, null);
  }

  SyntaxFailure(String type, String msg, int line, int col, int endLine, int endCol,
      Origin origin, String lineText) {
    super(msg, null, false, false);
    this.type = type;
    this.msg = msg;
    this.line = line;
    this.col = col;
    this.endLine = endLine;
    this.endCol = endCol;
    this.origin = origin;
    this.lineText = lineText;
  }

  static SyntaxFailure syntax(String msg, int line, int col, int endLine, int endCol) {
    return new SyntaxFailure("SyntaxError", msg, line, col, endLine, endCol, Origin.PARSER);
  }

  SyntaxFailure withMessage(String newMsg) {
    return new SyntaxFailure(type, newMsg, line, col, endLine, endCol, origin, lineText);
  }

  SyntaxFailure withOrigin(Origin newOrigin) {
    return new SyntaxFailure(type, msg, line, col, endLine, endCol, newOrigin, lineText);
  }
}
