package org.stitchjit.runtime.parser;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** Values of NUMBER and STRING tokens, with CPython's rules and error texts. */
final class Literals {
  /** CPython's default sys.int_info.str_digits_check_threshold-based limit. */
  private static final int MAX_DECIMAL_DIGITS = 4300;

  private Literals() {}

  /** Thrown for a literal CPython rejects; the parser places it at the last token read. */
  static final class LiteralError extends Exception {
    private static final long serialVersionUID = 1L;

    LiteralError(String message) {
      super(message, null, false, false);
    }
  }

  // ---------------------------------------------------------------- numbers

  /** True for imaginary literals such as {@code 1j}, which Stitch does not support. */
  static boolean isImaginary(String text) {
    char last = text.charAt(text.length() - 1);
    return last == 'j' || last == 'J';
  }

  /** The value of a tokenizer-validated, non-imaginary number: Long, BigInteger or Double. */
  static Object number(String text) throws LiteralError {
    String s = text.indexOf('_') >= 0 ? text.replace("_", "") : text;
    if (s.length() > 1 && s.charAt(0) == '0') {
      char k = Character.toLowerCase(s.charAt(1));
      if (k == 'x' || k == 'o' || k == 'b') {
        return integer(s.substring(2), k == 'x' ? 16 : k == 'o' ? 8 : 2);
      }
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.' || c == 'e' || c == 'E') {
        return Double.parseDouble(s);
      }
    }
    if (s.length() > MAX_DECIMAL_DIGITS) {
      throw new LiteralError("Exceeds the limit (" + MAX_DECIMAL_DIGITS
          + " digits) for integer string conversion: value has " + s.length()
          + " digits; use sys.set_int_max_str_digits() to increase the limit"
          + " - Consider hexadecimal for huge integer literals to avoid decimal conversion"
          + " limits.");
    }
    return integer(s, 10);
  }

  private static Object integer(String digits, int radix) {
    if (digits.length() <= 9) {
      return Long.parseLong(digits, radix);
    }
    BigInteger big = new BigInteger(digits, radix);
    return big.bitLength() < 64 ? (Object) big.longValue() : big;
  }

  // ---------------------------------------------------------------- strings

  /** A STRING token split into its prefix flags and the text between the quotes. */
  record StringToken(boolean bytes, boolean raw, boolean fstring, String body) {}

  static StringToken split(String token) {
    int i = 0;
    boolean bytes = false;
    boolean raw = false;
    boolean fstring = false;
    for (;; i++) {
      char c = Character.toLowerCase(token.charAt(i));
      if (c == 'b') {
        bytes = true;
      } else if (c == 'r') {
        raw = true;
      } else if (c == 'f') {
        fstring = true;
      } else if (c != 'u') {
        break;
      }
    }
    char quote = token.charAt(i);
    int quoteLen = token.startsWith(String.valueOf(quote).repeat(3), i)
        && token.length() - i >= 6 ? 3 : 1;
    String body = token.substring(i + quoteLen, token.length() - quoteLen);
    return new StringToken(bytes, raw, fstring, body);
  }

  /**
   * Decodes backslash escapes as a non-raw str literal does. Unknown escapes such as
   * {@code \d} keep their backslash, as CPython does (with a warning we do not emit).
   */
  static String decodeEscapes(String s) throws LiteralError {
    int backslash = s.indexOf('\\');
    if (backslash < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    out.append(s, 0, backslash);
    int i = backslash;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      int start = i;
      i++;
      if (i >= n) {
        out.append('\\');
        break;
      }
      c = s.charAt(i++);
      switch (c) {
        case '\n':
          break;
        case '\\':
        case '\'':
        case '"':
          out.append(c);
          break;
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000b');
          break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          int value = c - '0';
          for (int k = 0; k < 2 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            value = value * 8 + (s.charAt(i++) - '0');
          }
          out.append((char) value);
          break;
        }
        case 'x':
          i = hexEscape(s, start, i, 2, "truncated \\xXX escape", out);
          break;
        case 'u':
          i = hexEscape(s, start, i, 4, "truncated \\uXXXX escape", out);
          break;
        case 'U':
          i = hexEscape(s, start, i, 8, "truncated \\UXXXXXXXX escape", out);
          break;
        case 'N':
          i = namedEscape(s, start, i, out);
          break;
        default:
          out.append('\\');
          // Re-read the character: it may start a surrogate pair or be plain text.
          i--;
          break;
      }
    }
    return out.toString();
  }

  private static int hexEscape(String s, int start, int from, int count, String message,
      StringBuilder out) throws LiteralError {
    int i = from;
    int value = 0;
    for (int k = 0; k < count; k++, i++) {
      int digit = i < s.length() && s.charAt(i) < 128 ? Character.digit(s.charAt(i), 16) : -1;
      if (digit < 0) {
        throw codecError(s, start, i, message);
      }
      value = value * 16 + digit;
    }
    if (value > Character.MAX_CODE_POINT || value < 0) {
      throw codecError(s, start, i, "illegal Unicode character");
    }
    out.appendCodePoint(value);
    return i;
  }

  private static int namedEscape(String s, int start, int from, StringBuilder out)
      throws LiteralError {
    String malformed = "malformed \\N character escape";
    int i = from;
    if (i >= s.length() || s.charAt(i) != '{') {
      throw codecError(s, start, i, malformed);
    }
    int nameStart = ++i;
    while (i < s.length() && s.charAt(i) != '}') {
      i++;
    }
    if (i >= s.length() || i == nameStart) {
      throw codecError(s, start, i, malformed);
    }
    String name = s.substring(nameStart, i);
    i++;
    try {
      out.appendCodePoint(Character.codePointOf(name));
    } catch (IllegalArgumentException e) {
      throw codecError(s, start, i, "unknown Unicode character name");
    }
    return i;
  }

  /**
   * Builds CPython's "(unicode error) 'unicodeescape' codec ..." text. CPython decodes a
   * rewritten buffer in which every non-ASCII character became a 10-byte {@code \UXXXXXXXX}
   * escape (and a backslash before one became {@code \u005c}), and reports positions in it.
   */
  private static LiteralError codecError(String s, int start, int end, String reason) {
    int bufStart = bufferOffset(s, start);
    int bufEnd = bufferOffset(s, end);
    String where = bufEnd - bufStart <= 1
        ? "byte 0x5c in position " + bufStart
        : "bytes in position " + bufStart + "-" + (bufEnd - 1);
    return new LiteralError(
        "(unicode error) 'unicodeescape' codec can't decode " + where + ": " + reason);
  }

  private static int bufferOffset(String s, int index) {
    int units = 0;
    int i = 0;
    while (i < index && i < s.length()) {
      char c = s.charAt(i);
      if (c == '\\') {
        units++;
        i++;
        if (i >= s.length() || s.charAt(i) >= 128) {
          units += 5;
        }
        if (i >= index || i >= s.length()) {
          break;
        }
        c = s.charAt(i);
      }
      if (c >= 128) {
        units += 10;
        i += Character.charCount(s.codePointAt(i));
      } else {
        units++;
        i++;
      }
    }
    return units;
  }

  /** Decodes a bytes literal body (ASCII only; the caller checks). */
  static byte[] decodeBytes(String s, boolean raw) throws LiteralError {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i++);
      if (raw || c != '\\' || i >= n) {
        out.write(c);
        continue;
      }
      c = s.charAt(i++);
      switch (c) {
        case '\n': break;
        case '\\': case '\'': case '"': out.write(c); break;
        case 'a': out.write(7); break;
        case 'b': out.write(8); break;
        case 'f': out.write(12); break;
        case 'n': out.write(10); break;
        case 'r': out.write(13); break;
        case 't': out.write(9); break;
        case 'v': out.write(11); break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
          int value = c - '0';
          for (int k = 0; k < 2 && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) {
            value = value * 8 + (s.charAt(i++) - '0');
          }
          out.write(value & 0xFF);
          break;
        }
        case 'x': {
          int hi = i < n ? Character.digit(s.charAt(i), 16) : -1;
          int lo = i + 1 < n ? Character.digit(s.charAt(i + 1), 16) : -1;
          if (hi < 0 || lo < 0) {
            throw new LiteralError("(value error) invalid \\x escape at position " + (i - 2));
          }
          out.write(hi * 16 + lo);
          i += 2;
          break;
        }
        default:
          out.write('\\');
          out.write(c);
      }
    }
    return out.toByteArray();
  }
}
