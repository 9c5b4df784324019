package org.stitchjit.runtime.text;

import java.math.BigInteger;

/**
 * Python's format-spec mini-language,
 * {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}, as implemented by the
 * {@code __format__} methods of {@code int}, {@code float} and {@code str} in CPython 3.11,
 * including its error messages and the order in which it checks for them.
 */
public final class FormatSpec {
    /** Fill code point; only meaningful when {@link #fillGiven}. */
    final int fill;
    final boolean fillGiven;
    /** '<', '>', '^', '=' or 0 when not given. */
    final char align;
    /** '+', '-', ' ' or 0 when not given. */
    final char sign;
    /** The 'z' flag: coerce negative zero to zero after rounding. */
    final boolean noNegZero;
    final boolean alternate;
    /** The '0' flag before the width: sign-aware zero padding unless fill/align say otherwise. */
    final boolean zeroFlag;
    /** -1 when not given. */
    final int width;
    /** ',' or '_' or 0. */
    final char grouping;
    /** -1 when not given. */
    final int precision;
    /** The type character, or the default type when omitted. */
    final int type;

    private FormatSpec(int fill, boolean fillGiven, char align, char sign, boolean noNegZero,
            boolean alternate, boolean zeroFlag, int width, char grouping, int precision, int type) {
        this.fill = fill;
        this.fillGiven = fillGiven;
        this.align = align;
        this.sign = sign;
        this.noNegZero = noNegZero;
        this.alternate = alternate;
        this.zeroFlag = zeroFlag;
        this.width = width;
        this.grouping = grouping;
        this.precision = precision;
        this.type = type;
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '^' || c == '=';
    }

    /**
     * Parses {@code spec} for an object whose omitted type is {@code defaultType} (0 for float,
     * 'd' for int, 's' for str); {@code typeName} is used in error messages.
     */
    static FormatSpec parse(String spec, int defaultType, String typeName) {
        int n = spec.length();
        int pos = 0;
        int fill = ' ';
        boolean fillGiven = false;
        char align = 0;
        if (n > 0) {
            int c0 = spec.codePointAt(0);
            int next = Character.charCount(c0);
            if (next < n && isAlign(spec.charAt(next))) {
                fill = c0;
                fillGiven = true;
                align = spec.charAt(next);
                pos = next + 1;
            } else if (isAlign(c0)) {
                align = (char) c0;
                pos = 1;
            }
        }
        char sign = 0;
        if (pos < n) {
            char c = spec.charAt(pos);
            if (c == '+' || c == '-' || c == ' ') {
                sign = c;
                pos++;
            }
        }
        boolean noNegZero = false;
        if (pos < n && spec.charAt(pos) == 'z') {
            noNegZero = true;
            pos++;
        }
        boolean alternate = false;
        if (pos < n && spec.charAt(pos) == '#') {
            alternate = true;
            pos++;
        }
        boolean zeroFlag = false;
        if (!fillGiven && pos < n && spec.charAt(pos) == '0') {
            zeroFlag = true;
            pos++;
        }
        int start = pos;
        long width = 0;
        while (pos < n && isAsciiDigit(spec.charAt(pos))) {
            width = accumulate(width, spec.charAt(pos++));
        }
        int widthValue = pos > start ? checkedSize(width) : -1;
        char grouping = 0;
        if (pos < n && (spec.charAt(pos) == ',' || spec.charAt(pos) == '_')) {
            grouping = spec.charAt(pos++);
            if (pos < n && (spec.charAt(pos) == ',' || spec.charAt(pos) == '_')) {
                if (spec.charAt(pos) == grouping) {
                    throw FormatError.valueError("Cannot specify '" + grouping + "' with '" + grouping + "'.");
                }
                throw FormatError.valueError("Cannot specify both ',' and '_'.");
            }
        }
        int precision = -1;
        if (pos < n && spec.charAt(pos) == '.') {
            pos++;
            start = pos;
            long p = 0;
            while (pos < n && isAsciiDigit(spec.charAt(pos))) {
                p = accumulate(p, spec.charAt(pos++));
            }
            if (pos == start) {
                throw FormatError.valueError("Format specifier missing precision");
            }
            precision = checkedSize(p);
        }
        int type = defaultType;
        if (pos < n) {
            int c = spec.codePointAt(pos);
            if (pos + Character.charCount(c) != n) {
                throw FormatError.valueError(
                        "Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
            }
            type = c;
        }
        if (grouping != 0) {
            switch (type) {
                case 0: case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F':
                    break;
                case 'b': case 'o': case 'x': case 'X':
                    if (grouping == '_') {
                        break;
                    }
                    // fall through
                default:
                    throw FormatError.valueError(
                            "Cannot specify '" + grouping + "' with '" + new String(Character.toChars(type)) + "'.");
            }
        }
        return new FormatSpec(fill, fillGiven, align, sign, noNegZero, alternate, zeroFlag,
                widthValue, grouping, precision, type);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static long accumulate(long acc, char digit) {
        int d = digit - '0';
        if (acc > (Long.MAX_VALUE - d) / 10) {
            throw FormatError.valueError("Too many decimal digits in format string");
        }
        return acc * 10 + d;
    }

    private static int checkedSize(long v) {
        if (v > Integer.MAX_VALUE - 64) {
            // CPython would try to allocate the padding and fail.
            throw new FormatError("MemoryError", "");
        }
        return (int) v;
    }

    private static FormatError unknownCode(int type, String typeName) {
        String code = type > 32 && type < 128 ? String.valueOf((char) type) : "\\x" + Integer.toHexString(type);
        return FormatError.valueError("Unknown format code '" + code + "' for object of type '" + typeName + "'");
    }

    // ---------------------------------------------------------------------------------------------
    // Public entry points.

    /** {@code format(s, spec)} for a str. */
    public static String format(String s, String spec) {
        if (spec.isEmpty()) {
            return s;
        }
        return parse(spec, 's', "str").applyToString(s, "str");
    }

    /** {@code format(v, spec)} for an int. */
    public static String format(long v, String spec) {
        if (spec.isEmpty()) {
            return Long.toString(v);
        }
        return formatInteger(v, null, spec, "int");
    }

    /** {@code format(v, spec)} for an int. */
    public static String format(BigInteger v, String spec) {
        if (spec.isEmpty()) {
            return v.toString();
        }
        if (v.bitLength() < 64) {
            return formatInteger(v.longValue(), null, spec, "int");
        }
        return formatInteger(0, v, spec, "int");
    }

    /**
     * {@code format(v, spec)} for an int-like value ({@link Long}, {@link Integer} or
     * {@link BigInteger}) whose Python type is {@code typeName} (e.g. "bool") for error messages.
     * An empty spec gives {@code str(v)}, which for bool is the caller's business.
     */
    public static String formatInt(Number v, String spec, String typeName) {
        if (v instanceof BigInteger) {
            BigInteger b = (BigInteger) v;
            return b.bitLength() < 64 ? formatInteger(b.longValue(), null, spec, typeName)
                    : formatInteger(0, b, spec, typeName);
        }
        return formatInteger(v.longValue(), null, spec, typeName);
    }

    /** {@code format(v, spec)} for a float. */
    public static String format(double v, String spec) {
        return formatFloat(v, spec, "float");
    }

    /** {@code format(v, spec)} for a float-like value whose Python type is {@code typeName}. */
    public static String formatFloat(double v, String spec, String typeName) {
        if (spec.isEmpty()) {
            return FloatFormat.repr(v);
        }
        return parse(spec, 0, typeName).applyToFloat(v, typeName);
    }

    /** {@code format(s, spec)} for a str-like value whose Python type is {@code typeName}. */
    public static String formatString(String s, String spec, String typeName) {
        if (spec.isEmpty()) {
            return s;
        }
        return parse(spec, 's', typeName).applyToString(s, typeName);
    }

    // ---------------------------------------------------------------------------------------------

    private String applyToString(String s, String typeName) {
        if (type != 's') {
            throw unknownCode(type, typeName);
        }
        if (sign != 0) {
            throw FormatError.valueError(sign == ' ' ? "Space not allowed in string format specifier"
                    : "Sign not allowed in string format specifier");
        }
        if (noNegZero) {
            throw FormatError.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (alternate) {
            throw FormatError.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (align == '=') {
            throw FormatError.valueError("'=' alignment not allowed in string format specifier");
        }
        String body = s;
        int len = -1;
        if (precision >= 0) {
            len = s.codePointCount(0, s.length());
            if (len > precision) {
                body = s.substring(0, s.offsetByCodePoints(0, precision));
                len = precision;
            }
        }
        if (width < 0) {
            return body;
        }
        if (len < 0) {
            len = body.codePointCount(0, body.length());
        }
        if (len >= width) {
            return body;
        }
        int f = fillGiven ? fill : (zeroFlag ? '0' : ' ');
        char a = align == 0 ? '<' : align;
        return pad(body, width - len, f, a);
    }

    private static String pad(String body, int padding, int fill, char align) {
        StringBuilder sb = new StringBuilder(body.length() + padding);
        int left = align == '>' ? padding : align == '^' ? padding / 2 : 0;
        appendFill(sb, fill, left);
        sb.append(body);
        appendFill(sb, fill, padding - left);
        return sb.toString();
    }

    private static void appendFill(StringBuilder sb, int fill, int count) {
        if (fill < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            for (int i = 0; i < count; i++) {
                sb.append((char) fill);
            }
        } else {
            for (int i = 0; i < count; i++) {
                sb.appendCodePoint(fill);
            }
        }
    }

    private static String formatInteger(long v, BigInteger big, String spec, String typeName) {
        FormatSpec f = parse(spec, 'd', typeName);
        switch (f.type) {
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
                double d = big == null ? (double) v : big.doubleValue();
                if (Double.isInfinite(d)) {
                    throw FormatError.overflowError("int too large to convert to float");
                }
                return f.applyToFloat(d, typeName);
            }
            case 'd': case 'n': case 'b': case 'o': case 'x': case 'X': case 'c':
                return f.applyToInteger(v, big, typeName);
            default:
                throw unknownCode(f.type, typeName);
        }
    }

    private String applyToInteger(long v, BigInteger big, String typeName) {
        if (precision >= 0) {
            throw FormatError.valueError("Precision not allowed in integer format specifier");
        }
        if (noNegZero) {
            throw FormatError.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (type == 'c') {
            if (sign != 0) {
                throw FormatError.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (alternate) {
                throw FormatError.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (big != null) {
                throw FormatError.overflowError("Python int too large to convert to C long");
            }
            if (v < 0 || v > 0x10FFFF) {
                throw FormatError.overflowError("%c arg not in range(0x110000)");
            }
            return layoutNumber(false, "", "", new String(Character.toChars((int) v)), 0);
        }
        boolean negative = big != null ? big.signum() < 0 : v < 0;
        int radix;
        String prefix = "";
        int groupSize = 3;
        switch (type) {
            case 'b':
                radix = 2;
                prefix = "0b";
                groupSize = 4;
                break;
            case 'o':
                radix = 8;
                prefix = "0o";
                groupSize = 4;
                break;
            case 'x':
                radix = 16;
                prefix = "0x";
                groupSize = 4;
                break;
            case 'X':
                radix = 16;
                prefix = "0X";
                groupSize = 4;
                break;
            default:
                radix = 10;
                break;
        }
        String digits;
        if (big != null) {
            digits = big.abs().toString(radix);
        } else if (v == Long.MIN_VALUE) {
            digits = BigInteger.valueOf(v).negate().toString(radix);
        } else {
            digits = Long.toString(Math.abs(v), radix);
        }
        if (type == 'X') {
            digits = digits.toUpperCase();
        }
        return layoutNumber(negative, alternate ? prefix : "", digits, "", grouping != 0 ? groupSize : 0);
    }

    private String applyToFloat(double v, String typeName) {
        char t;
        int prec = precision;
        switch (type) {
            case 0:
                if (prec < 0) {
                    t = 'r';
                } else {
                    t = 0;
                }
                break;
            case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n':
                t = (char) type;
                if (prec < 0) {
                    prec = 6;
                }
                break;
            default:
                throw unknownCode(type, typeName);
        }
        boolean negative = v != v ? false : Double.doubleToRawLongBits(v) < 0;
        String m = FloatFormat.magnitude(Math.abs(v), t, prec, alternate);
        if (negative && noNegZero && Double.isFinite(v) && isZero(m)) {
            negative = false;
        }
        if (!Double.isFinite(v)) {
            return layoutNumber(negative, "", "", m, 0);
        }
        int intEnd = 0;
        while (intEnd < m.length() && isAsciiDigit(m.charAt(intEnd))) {
            intEnd++;
        }
        return layoutNumber(negative, "", m.substring(0, intEnd), m.substring(intEnd), grouping != 0 ? 3 : 0);
    }

    /** Whether a formatted finite magnitude has only zero digits (before any exponent). */
    private static boolean isZero(String m) {
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Lays out {@code [sign][prefix][digits][rest]} padded to the width. {@code digits} are the
     * integer digits, grouped every {@code groupSize} digits when non-zero; with fill '0' and
     * alignment '=' the padding is made of zero digits that are grouped too, as CPython does.
     */
    private String layoutNumber(boolean negative, String prefix, String digits, String rest, int groupSize) {
        String signText = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : "";
        int f = fillGiven ? fill : (zeroFlag ? '0' : ' ');
        char a = align != 0 ? align : (zeroFlag ? '=' : '>');
        int restLen = rest.codePointCount(0, rest.length());
        int fixedLen = signText.length() + prefix.length() + restLen;
        StringBuilder sb = new StringBuilder(Math.max(width, 0) + digits.length() + fixedLen + 8);
        if (f == '0' && a == '=' && !digits.isEmpty()) {
            int minDigits = width - fixedLen;
            sb.append(signText).append(prefix);
            appendDigits(sb, digits, groupSize, minDigits);
            sb.append(rest);
            return sb.toString();
        }
        if (groupSize > 0) {
            StringBuilder body = new StringBuilder(digits.length() * 2);
            appendDigits(body, digits, groupSize, 0);
            digits = body.toString();
        }
        int padding = width - fixedLen - digits.length();
        if (padding <= 0) {
            return sb.append(signText).append(prefix).append(digits).append(rest).toString();
        }
        switch (a) {
            case '<':
                sb.append(signText).append(prefix).append(digits).append(rest);
                appendFill(sb, f, padding);
                break;
            case '^':
                appendFill(sb, f, padding / 2);
                sb.append(signText).append(prefix).append(digits).append(rest);
                appendFill(sb, f, padding - padding / 2);
                break;
            case '=':
                sb.append(signText).append(prefix);
                appendFill(sb, f, padding);
                sb.append(digits).append(rest);
                break;
            default:
                appendFill(sb, f, padding);
                sb.append(signText).append(prefix).append(digits).append(rest);
                break;
        }
        return sb.toString();
    }

    /**
     * Appends digits, grouped from the right every {@code groupSize} digits with the grouping
     * character when {@code groupSize > 0}, left-extended with '0' digits until the output is at
     * least {@code minLength} characters (a group never starts with the separator).
     */
    private void appendDigits(StringBuilder sb, String digits, int groupSize, int minLength) {
        int n = digits.length();
        if (groupSize == 0) {
            for (int i = n; i < minLength; i++) {
                sb.append('0');
            }
            sb.append(digits);
            return;
        }
        // Count the output first so the digits can be written left to right.
        int count = 0;
        int written = 0;
        while (count < n || written < minLength) {
            if (count > 0 && count % groupSize == 0) {
                written++;
            }
            written++;
            count++;
        }
        for (int i = count - 1; i >= 0; i--) {
            sb.append(i < n ? digits.charAt(n - 1 - i) : '0');
            if (i > 0 && i % groupSize == 0) {
                sb.append(grouping);
            }
        }
    }
}
