package org.stitchjit.runtime.text;

import java.math.BigInteger;

/** Python's {@code hex()}, {@code oct()}, {@code bin()} and {@code str()} of ints. */
public final class IntFormat {
    private IntFormat() {}

    public static String hex(long v) {
        return prefixed(v, 16, "0x");
    }

    public static String oct(long v) {
        return prefixed(v, 8, "0o");
    }

    public static String bin(long v) {
        return prefixed(v, 2, "0b");
    }

    public static String hex(BigInteger v) {
        return prefixed(v, 16, "0x");
    }

    public static String oct(BigInteger v) {
        return prefixed(v, 8, "0o");
    }

    public static String bin(BigInteger v) {
        return prefixed(v, 2, "0b");
    }

    private static String prefixed(long v, int radix, String prefix) {
        if (v == Long.MIN_VALUE) {
            return prefixed(BigInteger.valueOf(v), radix, prefix);
        }
        String digits = Long.toString(Math.abs(v), radix);
        return v < 0 ? "-" + prefix + digits : prefix + digits;
    }

    private static String prefixed(BigInteger v, int radix, String prefix) {
        String digits = v.abs().toString(radix);
        return v.signum() < 0 ? "-" + prefix + digits : prefix + digits;
    }

    /** {@code str(v)} under the default {@code sys.get_int_max_str_digits()} limit. */
    public static String toDecimal(BigInteger v) {
        return toDecimal(v, IntParse.DEFAULT_MAX_STR_DIGITS);
    }

    /**
     * {@code str(v)}, refusing (as CPython 3.11 does) to produce more than {@code maxStrDigits}
     * decimal digits; 0 disables the limit.
     */
    public static String toDecimal(BigInteger v, int maxStrDigits) {
        // v has at most bitLength * log10(2) + 1 digits, and log10(2) < 0.30103.
        if (maxStrDigits > 0 && (long) v.bitLength() * 30103L / 100000L + 1 > maxStrDigits) {
            String s = v.abs().toString();
            if (s.length() > maxStrDigits) {
                throw FormatError.valueError("Exceeds the limit (" + maxStrDigits
                        + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
            }
            return v.signum() < 0 ? "-" + s : s;
        }
        return v.toString();
    }
}
