package org.stitchjit.runtime.parser;

/**
 * A compile-time error in guest source: what CPython raises as {@code SyntaxError} or one of its
 * subclasses ({@code IndentationError}, {@code TabError}). Offsets follow CPython 3.11's
 * {@code SyntaxError.offset}/{@code end_offset} for a script run from a file: 1-based, 0 or less
 * means "no caret", and (a CPython quirk kept so carets match) errors found by the parser count
 * UTF-8 bytes while errors found by the tokenizer count characters.
 */
public final class GuestSyntaxError extends Exception {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final String message;
  private final String filename;
  private final int line;
  private final int col;
  private final int endLine;
  private final int endCol;
  private final String lineText;

  public GuestSyntaxError(String type, String message, String filename, int line, int col,
      int endLine, int endCol, String lineText) {
    // No stack trace: these are user-facing diagnostics, created often by fuzzing and tests.
    super(message, null, false, false);
    this.type = type;
    this.message = message;
    this.filename = filename;
    this.line = line;
    this.col = col;
    this.endLine = endLine;
    this.endCol = endCol;
    this.lineText = lineText;
  }

  /** CPython's exception class name: SyntaxError, IndentationError or TabError. */
  public String type() {
    return type;
  }

  public String message() {
    return message;
  }

  public String filename() {
    return filename;
  }

  /** 1-based line of the error. */
  public int line() {
    return line;
  }

  /** 1-based column of the caret, as CPython's {@code SyntaxError.offset}. */
  public int col() {
    return col;
  }

  public int endLine() {
    return endLine;
  }

  /** 1-based exclusive end column, or -1/0 when CPython reports none. */
  public int endCol() {
    return endCol;
  }

  /** The source line the error points into, without its line terminator; may be null. */
  public String lineText() {
    return lineText;
  }

  /**
   * The text CPython 3.11 writes to stderr when this error escapes a main script: a
   * {@code File} line, the stripped source line with carets, and {@code Type: message}.
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append("  File \"").append(filename).append("\", line ").append(line).append('\n');
    if (lineText != null) {
      appendSourceAndCarets(out);
    }
    out.append(type).append(": ").append(message).append('\n');
    return out.toString();
  }

  private void appendSourceAndCarets(StringBuilder out) {
    // CPython works on the UTF-8 text here and takes the offsets as counts of its bytes, so
    // carets drift right on lines with non-ASCII text exactly as they do in CPython.
    int lineSize = utf8Length(lineText) + 1;
    int end = endCol;
    if (endLine > line) {
      end = lineSize;
    }
    if (end > lineSize + 1) {
      end = lineSize + 1;
    }
    // CPython shows a single caret for indentation errors.
    boolean range = !type.equals("IndentationError") && !type.equals("TabError");
    int carets = range && end > 0 && end > col ? end - col : 1;
    int offset = col - 1;
    int start = 0;
    while (start < lineText.length()) {
      char c = lineText.charAt(start);
      if (c != ' ' && c != '\t' && c != '\f') {
        break;
      }
      start++;
      offset--;
    }
    String text = lineText.substring(start);
    int length = utf8Length(text);
    if (offset > length) {
      offset = length;
    }
    out.append("    ").append(text).append('\n');
    if (offset < 0) {
      return;
    }
    out.append("    ").append(" ".repeat(offset)).append("^".repeat(carets)).append('\n');
  }

  static int utf8Length(String s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  @Override
  public String toString() {
    return type + ": " + message + " (" + filename + ", line " + line + ")";
  }
}
