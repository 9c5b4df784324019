package org.stitchjit.runtime.text;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's printf-style {@code str % args} (CPython 3.11 semantics and messages): conversions
 * {@code s r a c d i u o x X e E f F g G %}, flags {@code - + space # 0}, width and precision
 * (literal or {@code *}), an ignored length modifier {@code h l L}, and {@code %(key)} lookups.
 */
public final class PercentFormat {
    private PercentFormat() {}

    private static final int LJUST = 1;
    private static final int SIGN = 2;
    private static final int BLANK = 4;
    private static final int ALT = 8;
    private static final int ZERO = 16;

    /**
     * {@code fmt % args}. A tuple ({@link FormatArg#tupleSize()} >= 0) supplies the positional
     * arguments; any other value is the single argument, and also the mapping for {@code %(key)}
     * when {@link FormatArg#isMapping()}.
     */
    public static String format(String fmt, FormatArg args) {
        return new PercentFormat.Run(fmt, args).run();
    }

    private static final class Run {
        final String fmt;
        final FormatArg args;
        final boolean tuple;
        final int argCount;
        final FormatArg dict;
        int argIndex;
        /** Once a {@code %(key)} value was used, positional arguments are unavailable (as in CPython). */
        boolean keyed;

        Run(String fmt, FormatArg args) {
            this.fmt = fmt;
            this.args = args;
            int size = args.tupleSize();
            this.tuple = size >= 0;
            this.argCount = tuple ? size : 1;
            this.dict = !tuple && args.text() == null && args.isMapping() ? args : null;
        }

        FormatArg nextArg() {
            if (keyed || argIndex >= argCount) {
                throw FormatError.typeError("not enough arguments for format string");
            }
            if (tuple) {
                return args.tupleItem(argIndex++);
            }
            argIndex++;
            return args;
        }

        /** A '*' width (a C ssize_t in CPython) or precision (a C int). */
        int starArg(boolean precision) {
            Object n = nextArg().number();
            if (n instanceof Long || n instanceof Integer) {
                long v = ((Number) n).longValue();
                if (v > Integer.MAX_VALUE || v < -Integer.MAX_VALUE) {
                    if (precision) {
                        throw FormatError.overflowError("Python int too large to convert to C int");
                    }
                    throw new FormatError("MemoryError", "");
                }
                return (int) v;
            }
            if (n instanceof BigInteger) {
                throw FormatError.overflowError(precision ? "Python int too large to convert to C int"
                        : "Python int too large to convert to C ssize_t");
            }
            throw FormatError.typeError("* wants int");
        }

        String run() {
            int n = fmt.length();
            StringBuilder sb = new StringBuilder(n + 16);
            int i = 0;
            while (i < n) {
                int pct = fmt.indexOf('%', i);
                if (pct < 0) {
                    sb.append(fmt, i, n);
                    break;
                }
                sb.append(fmt, i, pct);
                i = pct + 1;
                if (i >= n) {
                    throw FormatError.valueError("incomplete format");
                }
                if (fmt.charAt(i) == '%') {
                    sb.append('%');
                    i++;
                    continue;
                }
                FormatArg value = null;
                if (fmt.charAt(i) == '(') {
                    if (dict == null) {
                        throw FormatError.typeError("format requires a mapping");
                    }
                    int depth = 1;
                    int keyStart = ++i;
                    while (i < n && depth > 0) {
                        char d = fmt.charAt(i++);
                        if (d == '(') {
                            depth++;
                        } else if (d == ')') {
                            depth--;
                        }
                    }
                    if (depth > 0) {
                        throw FormatError.valueError("incomplete format key");
                    }
                    value = dict.item(fmt.substring(keyStart, i - 1));
                    keyed = true;
                }
                int flags = 0;
                flagLoop:
                while (i < n) {
                    switch (fmt.charAt(i)) {
                        case '-': flags |= LJUST; break;
                        case '+': flags |= SIGN; break;
                        case ' ': flags |= BLANK; break;
                        case '#': flags |= ALT; break;
                        case '0': flags |= ZERO; break;
                        default: break flagLoop;
                    }
                    i++;
                }
                int width = -1;
                if (i < n && fmt.charAt(i) == '*') {
                    width = starArg(false);
                    if (width < 0) {
                        flags |= LJUST;
                        width = -width;
                    }
                    i++;
                } else {
                    while (i < n && isDigit(fmt.charAt(i))) {
                        width = accumulate(width < 0 ? 0 : width, fmt.charAt(i++), "width too big");
                    }
                }
                int prec = -1;
                if (i < n && fmt.charAt(i) == '.') {
                    i++;
                    prec = 0;
                    if (i < n && fmt.charAt(i) == '*') {
                        prec = Math.max(starArg(true), 0);
                        i++;
                    } else {
                        while (i < n && isDigit(fmt.charAt(i))) {
                            prec = accumulate(prec, fmt.charAt(i++), "precision too big");
                        }
                    }
                }
                if (i < n) {
                    char m = fmt.charAt(i);
                    if (m == 'h' || m == 'l' || m == 'L') {
                        i++;
                    }
                }
                if (i >= n) {
                    throw FormatError.valueError("incomplete format");
                }
                int conv = fmt.codePointAt(i);
                int convIndex = i;
                i += Character.charCount(conv);
                if (value == null) {
                    value = nextArg();
                }
                convert(sb, value, conv, convIndex, flags, width, prec);
            }
            if (argIndex < argCount && dict == null) {
                throw FormatError.typeError("not all arguments converted during string formatting");
            }
            return sb.toString();
        }

        void convert(StringBuilder sb, FormatArg v, int conv, int convIndex, int flags, int width, int prec) {
            switch (conv) {
                case 's':
                    appendText(sb, v.str(), flags, width, prec);
                    return;
                case 'r':
                    appendText(sb, v.repr(), flags, width, prec);
                    return;
                case 'a':
                    appendText(sb, v.ascii(), flags, width, prec);
                    return;
                case 'c':
                    appendText(sb, charOf(v), flags, width, -1);
                    return;
                case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
                    appendInteger(sb, v, (char) conv, flags, width, prec);
                    return;
                case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
                    appendFloat(sb, v, (char) conv, flags, width, prec);
                    return;
                default: {
                    char shown = conv >= 31 && conv <= 126 ? (char) conv : '?';
                    throw FormatError.valueError("unsupported format character '" + shown + "' (0x"
                            + Integer.toHexString(conv) + ") at index " + fmt.codePointCount(0, convIndex));
                }
            }
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int accumulate(int acc, char digit, String overflowMessage) {
        int d = digit - '0';
        if (acc > (Integer.MAX_VALUE - d) / 10) {
            throw FormatError.valueError(overflowMessage);
        }
        return acc * 10 + d;
    }

    private static String charOf(FormatArg v) {
        String t = v.text();
        if (t != null) {
            if (!t.isEmpty() && t.offsetByCodePoints(0, 1) == t.length()) {
                return t;
            }
            throw FormatError.typeError("%c requires int or char");
        }
        Object n = v.number();
        if (n instanceof Long || n instanceof Integer) {
            long c = ((Number) n).longValue();
            if (c < 0 || c > 0x10FFFF) {
                throw FormatError.overflowError("%c arg not in range(0x110000)");
            }
            return new String(Character.toChars((int) c));
        }
        if (n instanceof BigInteger) {
            throw FormatError.overflowError("%c arg not in range(0x110000)");
        }
        throw FormatError.typeError("%c requires int or char");
    }

    private static void appendText(StringBuilder sb, String s, int flags, int width, int prec) {
        int len = -1;
        if (prec >= 0) {
            len = s.codePointCount(0, s.length());
            if (len > prec) {
                s = s.substring(0, s.offsetByCodePoints(0, prec));
                len = prec;
            }
        }
        if (width <= 0) {
            sb.append(s);
            return;
        }
        if (len < 0) {
            len = s.codePointCount(0, s.length());
        }
        if ((flags & LJUST) != 0) {
            sb.append(s);
            spaces(sb, width - len);
        } else {
            spaces(sb, width - len);
            sb.append(s);
        }
    }

    private static void spaces(StringBuilder sb, int count) {
        for (int i = 0; i < count; i++) {
            sb.append(' ');
        }
    }

    private static void appendInteger(StringBuilder sb, FormatArg v, char conv, int flags, int width, int prec) {
        Object n = v.number();
        boolean needInteger = conv == 'o' || conv == 'x' || conv == 'X';
        if (n == null || needInteger && n instanceof Double) {
            throw FormatError.typeError("%" + conv + " format: " + (needInteger ? "an integer" : "a real number")
                    + " is required, not " + v.typeName());
        }
        long lv = 0;
        BigInteger big = null;
        if (n instanceof Double) {
            double d = (Double) n;
            if (d != d) {
                throw FormatError.valueError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw FormatError.overflowError("cannot convert float infinity to integer");
            }
            if (Math.abs(d) < 0x1p63) {
                lv = (long) d;
            } else {
                big = new BigDecimal(d).toBigInteger();
            }
        } else if (n instanceof BigInteger) {
            big = (BigInteger) n;
        } else {
            lv = ((Number) n).longValue();
        }
        boolean negative = big != null ? big.signum() < 0 : lv < 0;
        int radix = conv == 'o' ? 8 : conv == 'x' || conv == 'X' ? 16 : 10;
        String digits;
        if (big != null) {
            digits = big.abs().toString(radix);
        } else if (lv == Long.MIN_VALUE) {
            digits = BigInteger.valueOf(lv).negate().toString(radix);
        } else {
            digits = Long.toString(Math.abs(lv), radix);
        }
        if (conv == 'X') {
            digits = digits.toUpperCase();
        }
        String prefix = "";
        if ((flags & ALT) != 0 && radix != 10) {
            prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
        }
        int zerosForPrecision = prec > digits.length() ? prec - digits.length() : 0;
        layout(sb, signText(negative, flags), prefix, zerosForPrecision, digits, flags, width);
    }

    private static String signText(boolean negative, int flags) {
        return negative ? "-" : (flags & SIGN) != 0 ? "+" : (flags & BLANK) != 0 ? " " : "";
    }

    private static void layout(StringBuilder sb, String sign, String prefix, int leadingZeros, String body,
            int flags, int width) {
        int len = sign.length() + prefix.length() + leadingZeros + body.length();
        int pad = width - len;
        if (pad > 0 && (flags & LJUST) == 0 && (flags & ZERO) == 0) {
            spaces(sb, pad);
        }
        sb.append(sign).append(prefix);
        if (pad > 0 && (flags & LJUST) == 0 && (flags & ZERO) != 0) {
            leadingZeros += pad;
        }
        for (int k = 0; k < leadingZeros; k++) {
            sb.append('0');
        }
        sb.append(body);
        if (pad > 0 && (flags & LJUST) != 0) {
            spaces(sb, pad);
        }
    }

    private static void appendFloat(StringBuilder sb, FormatArg v, char conv, int flags, int width, int prec) {
        Object n = v.number();
        double d;
        if (n instanceof Double) {
            d = (Double) n;
        } else if (n instanceof BigInteger) {
            d = ((BigInteger) n).doubleValue();
            if (Double.isInfinite(d)) {
                throw FormatError.overflowError("int too large to convert to float");
            }
        } else if (n != null) {
            d = ((Number) n).longValue();
        } else {
            throw FormatError.typeError("must be real number, not " + v.typeName());
        }
        boolean negative = d == d && Double.doubleToRawLongBits(d) < 0;
        String m = FloatFormat.magnitude(Math.abs(d), conv, prec < 0 ? 6 : prec, (flags & ALT) != 0);
        layout(sb, signText(negative, flags), "", 0, m, flags, width);
    }
}
