package org.stitchjit.runtime.text;

import java.math.BigInteger;

/**
 * Python's {@code int(str, base)} and {@code float(str)} parsing (CPython 3.11 rules and messages):
 * surrounding whitespace, a sign, Unicode decimal digits, single underscores between digits,
 * {@code 0x/0o/0b} prefixes, and 3.11's limit on the length of decimal (non-power-of-two base)
 * integer strings.
 */
public final class IntParse {
    private IntParse() {}

    /** CPython 3.11's default {@code sys.get_int_max_str_digits()}; 0 disables the limit. */
    public static final int DEFAULT_MAX_STR_DIGITS = 4300;

    /** {@code int(s)}. */
    public static Number parseInt(String s) {
        return parseInt(s, 10, DEFAULT_MAX_STR_DIGITS);
    }

    /** {@code int(s, base)}. */
    public static Number parseInt(String s, int base) {
        return parseInt(s, base, DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code int(s, base)} with the given {@code sys.set_int_max_str_digits} limit (0 = none).
     *
     * @return a {@link Long} when the value fits, else a {@link BigInteger}
     */
    public static Number parseInt(String s, int base, int maxStrDigits) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw FormatError.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        final int givenBase = base;
        Number fast = base == 10 ? parseSimpleDecimal(s) : null;
        if (fast != null) {
            return fast;
        }
        String a = toAscii(s);
        int n = a.length();
        int i = 0;
        while (i < n && isCSpace(a.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (a.charAt(i) == '+' || a.charAt(i) == '-')) {
            negative = a.charAt(i) == '-';
            i++;
        }
        boolean zeroOnly = false;
        if (i + 1 < n && a.charAt(i) == '0') {
            char p = (char) (a.charAt(i + 1) | 0x20);
            int prefixBase = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (base == 0) {
                if (prefixBase != 0) {
                    base = prefixBase;
                } else {
                    // An old-style octal literal: only zero is still accepted.
                    zeroOnly = true;
                    base = 10;
                }
            }
            if (prefixBase != 0 && prefixBase == base) {
                i += 2;
                if (i < n && a.charAt(i) == '_') {
                    i++;
                }
            }
        } else if (base == 0) {
            base = 10;
        }
        int digitsStart = i;
        int digitCount = 0;
        long value = 0;
        boolean overflow = false;
        boolean nonZero = false;
        long limit = Long.MAX_VALUE / base;
        while (i < n) {
            char c = a.charAt(i);
            if (c == '_') {
                if (digitCount == 0 || i + 1 >= n || digitValue(a.charAt(i + 1)) >= base) {
                    break;
                }
                i++;
                continue;
            }
            int d = digitValue(c);
            if (d >= base) {
                break;
            }
            if (d != 0) {
                nonZero = true;
            }
            if (!overflow) {
                if (value > limit || value * base > Long.MAX_VALUE - d) {
                    overflow = true;
                } else {
                    value = value * base + d;
                }
            }
            digitCount++;
            i++;
        }
        int digitsEnd = i;
        if (digitCount > 0 && maxStrDigits > 0 && digitCount > maxStrDigits && (base & (base - 1)) != 0) {
            throw FormatError.valueError("Exceeds the limit (" + maxStrDigits
                    + " digits) for integer string conversion: value has " + digitCount
                    + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        while (i < n && isCSpace(a.charAt(i))) {
            i++;
        }
        if (digitCount == 0 || i != n || zeroOnly && nonZero) {
            throw invalidLiteral(s, givenBase);
        }
        if (!overflow) {
            return negative ? -value : value;
        }
        StringBuilder digits = new StringBuilder(digitCount + 1);
        if (negative) {
            digits.append('-');
        }
        for (int k = digitsStart; k < digitsEnd; k++) {
            char c = a.charAt(k);
            if (c != '_') {
                digits.append(c);
            }
        }
        return normalize(new BigInteger(digits.toString(), base));
    }

    private static FormatError invalidLiteral(String s, int base) {
        String r = StrOps.repr(s);
        if (r.codePointCount(0, r.length()) > 200) {
            r = r.substring(0, r.offsetByCodePoints(0, 200));
        }
        return FormatError.valueError("invalid literal for int() with base " + base + ": " + r);
    }

    /** Plain ASCII {@code [+-]digits} without whitespace or underscores: the common case. */
    private static Number parseSimpleDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 18) {
            return null;
        }
        int i = 0;
        boolean negative = false;
        char c0 = s.charAt(0);
        if (c0 == '-' || c0 == '+') {
            negative = c0 == '-';
            i = 1;
            if (n == 1) {
                return null;
            }
        }
        long v = 0;
        for (; i < n; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return null;
            }
            v = v * 10 + d;
        }
        return negative ? -v : v;
    }

    private static Number normalize(BigInteger b) {
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
    }

    /** Digit value of an ASCII character in bases up to 36, or 99. */
    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int l = c | 0x20;
        if (l >= 'a' && l <= 'z') {
            return l - 'a' + 10;
        }
        return 99;
    }

    /** C {@code isspace} in the C locale, which CPython applies after mapping Unicode spaces to ' '. */
    private static boolean isCSpace(char c) {
        return c == ' ' || c >= '\t' && c <= '\r';
    }

    /**
     * Maps Unicode whitespace to ' ' and Unicode decimal digits to ASCII digits, and any other
     * non-ASCII code point to '?', so the parser only sees ASCII.
     */
    private static String toAscii(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) < 128) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 128) {
                sb.append((char) cp);
            } else if (StrOps.isSpace(cp)) {
                sb.append(' ');
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------

    /** NaN with the sign bit set, as {@code float('-nan')} produces. */
    private static final double NEGATIVE_NAN = Double.longBitsToDouble(0xfff8000000000000L);

    /** {@code float(s)}. */
    public static double parseFloat(String s) {
        String a = toAscii(s);
        int n = a.length();
        int start = 0;
        while (start < n && isCSpace(a.charAt(start))) {
            start++;
        }
        int end = n;
        while (end > start && isCSpace(a.charAt(end - 1))) {
            end--;
        }
        int i = start;
        boolean negative = false;
        if (i < end && (a.charAt(i) == '+' || a.charAt(i) == '-')) {
            negative = a.charAt(i) == '-';
            i++;
        }
        int len = end - i;
        if (len == 3 || len == 8) {
            if (a.regionMatches(true, i, "inf", 0, 3) && (len == 3 || a.regionMatches(true, i, "infinity", 0, 8))) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (len == 3 && a.regionMatches(true, i, "nan", 0, 3)) {
                return negative ? NEGATIVE_NAN : Double.NaN;
            }
        }
        // Validate [digits][.digits][e[sign]digits] with underscores only between digits, and copy
        // it without underscores for the (correctly rounding) JDK parser.
        StringBuilder clean = new StringBuilder(end - start);
        if (negative) {
            clean.append('-');
        }
        int mantissaDigits = 0;
        int j = scanDigits(a, i, end, clean);
        if (j < 0) {
            throw cannotConvert(s);
        }
        mantissaDigits += j - i;
        i = j;
        if (i < end && a.charAt(i) == '.') {
            clean.append('.');
            i++;
            j = scanDigits(a, i, end, clean);
            if (j < 0) {
                throw cannotConvert(s);
            }
            mantissaDigits += j - i;
            i = j;
        }
        if (mantissaDigits == 0) {
            throw cannotConvert(s);
        }
        if (i < end && (a.charAt(i) | 0x20) == 'e') {
            clean.append('e');
            i++;
            if (i < end && (a.charAt(i) == '+' || a.charAt(i) == '-')) {
                clean.append(a.charAt(i));
                i++;
            }
            j = scanDigits(a, i, end, clean);
            if (j <= i) {
                throw cannotConvert(s);
            }
            i = j;
        }
        if (i != end) {
            throw cannotConvert(s);
        }
        return Double.parseDouble(clean.toString());
    }

    /**
     * Scans ASCII digits with single embedded underscores from {@code i}, appending the digits;
     * returns the end index, or -1 if an underscore is misplaced.
     */
    private static int scanDigits(String a, int i, int end, StringBuilder out) {
        int start = i;
        while (i < end) {
            char c = a.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                i++;
            } else if (c == '_') {
                if (i == start || i + 1 >= end || a.charAt(i + 1) < '0' || a.charAt(i + 1) > '9') {
                    return -1;
                }
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    private static FormatError cannotConvert(String s) {
        return FormatError.valueError("could not convert string to float: " + StrOps.repr(s));
    }
}
