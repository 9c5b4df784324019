package org.stitchjit.runtime.parser;

import java.util.function.Function;
import org.stitchjit.runtime.ast.Node;
import org.stitchjit.runtime.ast.Node.Expr;
import org.stitchjit.runtime.parser.ParserCore.Unsupported;
import org.stitchjit.runtime.parser.SyntaxFailure.Origin;

/**
 * Parses guest source into the {@link Node} AST, reporting errors as CPython 3.11 would.
 *
 * <p>As in CPython, a failed first pass is followed by a second pass with the error rules
 * enabled; if that finds nothing specific the error is "invalid syntax" at the furthest token
 * the first pass read. Any parser error is then overridden by a tokenizer error later in the
 * file (an unterminated string, say), or by an unclosed bracket opened on an earlier line.
 */
public final class Parser {
  /** The grammar recurses deeply for nested input; give it room regardless of the caller. */
  private static final long STACK_BYTES = 64L << 20;

  private Parser() {}

  /**
   * Parses a module. The filename only labels errors; to print what CPython prints for a main
   * script, pass the script's absolute path, as CPython 3.11 reports that.
   *
   * @throws GuestSyntaxError for invalid source, and for valid Python that Stitch does not
   *     support ("async functions are not supported by Stitch"), which is reported only when
   *     the whole file parses
   */
  public static Node.Mod parse(String source, String filename) throws GuestSyntaxError {
    Object[] outcome = new Object[1];
    Thread worker = new Thread(null, () -> {
      try {
        outcome[0] = parseOnCurrentThread(source, filename);
      } catch (GuestSyntaxError | RuntimeException | Error e) {
        outcome[0] = e;
      }
    }, "stitch-parser", STACK_BYTES);
    worker.start();
    boolean interrupted = false;
    while (true) {
      try {
        worker.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Object result = outcome[0];
    if (result instanceof Node.Mod mod) {
      return mod;
    } else if (result instanceof GuestSyntaxError e) {
      throw e;
    } else if (result instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) result;
  }

  /** Parses on the calling thread, which must have a large enough stack. */
  static Node.Mod parseOnCurrentThread(String source, String filename)
      throws GuestSyntaxError {
    String text = Tokenizer.normalize(source);
    Unsupported unsupported = new Unsupported();
    try {
      StatementParser parser = new StatementParser(new Tokenizer(text, 1, 0), unsupported,
          false);
      Node.Mod mod = run(parser, StatementParser::file);
      SyntaxFailure notSupported = unsupported.failure();
      if (notSupported != null) {
        throw notSupported;
      }
      return mod;
    } catch (SyntaxFailure f) {
      throw toGuestError(f, text, filename);
    } catch (StackOverflowError e) {
      throw new GuestSyntaxError("SyntaxError", "too many nested expressions", filename, 1, 0,
          1, 0, null);
    }
  }

  /** Parses the text of one f-string replacement field, already wrapped in parentheses. */
  static Expr parseFStringExpression(String source, int line, int col, int errorShift,
      Unsupported unsupported) {
    String text = Tokenizer.normalize(source);
    Tokenizer tokenizer = new Tokenizer(text, line, col);
    try {
      return run(new StatementParser(tokenizer, unsupported, true),
          StatementParser::fstringInput);
    } catch (SyntaxFailure f) {
      throw relocateToFieldText(f, text, line, col, errorShift);
    }
  }

  /**
   * CPython reports errors inside an f-string field against the parenthesized field text it
   * parsed, not the source line: columns count from that text's '(' and the caret is shown
   * under that text.
   */
  private static SyntaxFailure relocateToFieldText(SyntaxFailure f, String text, int line,
      int col, int errorShift) {
    if (f.lineText != null) {
      return f;
    }
    // Tokenizer errors are measured on the field text (our tokenizer shifted its first line);
    // parser errors are shifted back by CPython's starting column, unconditionally.
    boolean tokenizer = f.origin == Origin.TOKENIZER;
    int shift = tokenizer ? (f.line == line ? col : 0) : errorShift;
    int endShift = tokenizer ? (f.endLine == line ? col : 0) : errorShift;
    return new SyntaxFailure(f.type, f.msg, f.line, f.col - shift, f.endLine,
        f.endCol <= 0 ? f.endCol : f.endCol - endShift, f.origin,
        sourceLine(text, f.line - line + 1));
  }

  static <T> T run(StatementParser p, Function<StatementParser, T> startRule) {
    SyntaxFailure failure;
    boolean checkRest;
    try {
      T result = startRule.apply(p);
      if (result != null) {
        return result;
      }
      Token lastToken = p.tokens.get(p.tokens.size() - 1);
      p.resetForErrorPass();
      startRule.apply(p);
      // Nothing specific found: blame the furthest token the first pass read.
      if (lastToken.type == TokenType.INDENT || lastToken.type == TokenType.DEDENT) {
        failure = p.indentationError(lastToken.type == TokenType.INDENT
            ? "unexpected indent" : "unexpected unindent");
        checkRest = false;
      } else {
        failure = p.errorAt(lastToken, "invalid syntax");
        checkRest = true;
      }
    } catch (SyntaxFailure f) {
      failure = p.adaptTokenizerFailure(f);
      checkRest = failure.origin == Origin.PARSER;
    }
    throw checkRest ? checkRestOfSource(p, failure) : failure;
  }

  /**
   * CPython tokenizes the rest of the file after a parser error: a tokenizer error found
   * there wins, and so does end of input inside a bracket opened before the error's line.
   */
  private static SyntaxFailure checkRestOfSource(StatementParser p, SyntaxFailure failure) {
    int errorLine = p.tokens.get(p.tokens.size() - 1).line;
    Tokenizer tokenizer = p.tokenizer;
    try {
      while (tokenizer.next().type != TokenType.ENDMARKER) {
        // only looking for errors
      }
    } catch (SyntaxFailure later) {
      if (later.origin == Origin.TOKENIZER) {
        return later;
      }
      if (tokenizer.level() != 0 && errorLine > tokenizer.innermostParenLine()) {
        return p.adaptTokenizerFailure(tokenizer.unclosedBracketError());
      }
    }
    return failure;
  }

  static GuestSyntaxError toGuestError(SyntaxFailure f, String text, String filename) {
    return toGuestError(f, text, filename, true);
  }

  /**
   * Builds the public error. Columns are UTF-16 offsets internally. CPython reports them in
   * code points, except that when it runs a script file, errors raised by the parser (rather
   * than the tokenizer) are measured in UTF-8 bytes; fileMode selects that convention, which
   * {@link GuestSyntaxError#format} then reproduces caret for caret.
   */
  static GuestSyntaxError toGuestError(SyntaxFailure f, String text, String filename,
      boolean fileMode) {
    String lineText = f.lineText != null ? f.lineText : sourceLine(text, f.line);
    boolean bytes = fileMode && f.lineText == null && f.origin != Origin.TOKENIZER;
    int col = convertOffset(lineText, f.col, bytes);
    int endCol = f.endLine == f.line ? convertOffset(lineText, f.endCol, bytes) : f.endCol;
    return new GuestSyntaxError(f.type, f.msg, filename, f.line, col, f.endLine, endCol,
        lineText);
  }

  private static int convertOffset(String lineText, int offset, boolean utf8Bytes) {
    if (lineText == null || offset < 1 || offset - 1 > lineText.length()) {
      return offset;
    }
    int index = offset - 1;
    // An offset inside a surrogate pair points at the whole character.
    if (index > 0 && index < lineText.length()
        && Character.isLowSurrogate(lineText.charAt(index))
        && Character.isHighSurrogate(lineText.charAt(index - 1))) {
      index--;
    }
    String prefix = lineText.substring(0, index);
    return (utf8Bytes ? GuestSyntaxError.utf8Length(prefix)
        : prefix.codePointCount(0, prefix.length())) + 1;
  }

  private static String sourceLine(String text, int line) {
    if (line < 1) {
      return null;
    }
    int start = 0;
    for (int i = 1; i < line; i++) {
      int nl = text.indexOf('\n', start);
      if (nl < 0) {
        return "";
      }
      start = nl + 1;
    }
    int end = text.indexOf('\n', start);
    return end < 0 ? text.substring(start) : text.substring(start, end);
  }
}
