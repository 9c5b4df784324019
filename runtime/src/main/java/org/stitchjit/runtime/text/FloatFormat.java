package org.stitchjit.runtime.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Python's float-to-text conversions: {@code repr(float)}, {@code format(float, spec)} and the
 * correctly rounded {@code round(float, ndigits)}.
 *
 * <p>{@link #repr} needs the shortest decimal that reads back as the same double, and among the
 * shortest the one nearest to the exact binary value. JDK 17's {@code Double.toString} does not
 * guarantee that, so we compute it with the Schubfach method (R. Giulietti, "The Schubfach way to
 * render doubles", 2020): the rounding interval of the double is scaled by a 126-bit
 * over-approximation of a power of ten, and round-to-odd scaled products make every comparison
 * against a candidate decimal exact. The power table is built at class initialisation from exact
 * {@link BigInteger} arithmetic.
 *
 * <p>Fixed-precision conversions ('e', 'f', 'g', '%') round the exact binary value half-to-even, as
 * CPython does; a 128-bit integer fast path covers ordinary magnitudes and {@link BigDecimal}
 * covers the rest.
 */
public final class FloatFormat {
    private FloatFormat() {}

    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << 52;
    private static final long T_MASK = C_MIN - 1;
    /** Decimal exponents e = -k whose power 10^e the scaling needs. */
    private static final int E_MIN = -292;
    private static final int E_MAX = 324;
    /** For each e, the 126-bit g = floor(10^e / 2^r) + 1 with 2^125 <= g < 2^126, as 63-bit halves. */
    private static final long[] G = buildPowerTable();

    private static long[] buildPowerTable() {
        long[] table = new long[2 * (E_MAX - E_MIN + 1)];
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int e = E_MIN; e <= E_MAX; e++) {
            BigInteger floor;
            if (e >= 0) {
                BigInteger p = BigInteger.TEN.pow(e);
                int shift = p.bitLength() - 126;
                floor = shift >= 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
            } else {
                BigInteger d = BigInteger.TEN.pow(-e);
                floor = BigInteger.ONE.shiftLeft(125 + d.bitLength()).divide(d);
            }
            BigInteger g = floor.add(BigInteger.ONE);
            int i = 2 * (e - E_MIN);
            table[i] = g.shiftRight(63).longValueExact();
            table[i + 1] = g.and(mask63).longValueExact();
        }
        return table;
    }

    /** floor(q * log10(2)), exact for |q| <= 5456721. */
    static int floorLog10Pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** floor(log10(3/4 * 2^q)), exact for |q| <= 5456721. */
    static int floorLog10ThreeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e * log2(10)), exact for |e| <= 1838394. */
    static int floorLog2Pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /** g * cp / 2^127 rounded to odd, so that the low bit records inexactness. */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63;
    }

    /**
     * Shortest round-tripping decimal of a finite positive double, nearest to the exact value among
     * those of that length (ties to even), returned as {@code digits * 10^exponent} via
     * {@code exponentOut[0]}. Trailing zeros are removed from the digits.
     */
    static long shortestDigits(double v, int[] exponentOut) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> 52) & 0x7ff;
        long c;
        int q;
        if (bq != 0) {
            c = C_MIN | t;
            q = bq - 1075;
            // Integers below 2^53 are their own shortest representation.
            if (q < 0 && q > -53) {
                long f = c >> -q;
                if (f << -q == c) {
                    return stripZeros(f, 0, exponentOut);
                }
            }
        } else {
            c = t;
            q = Q_MIN;
        }
        int out = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = floorLog10Pow2(q);
        } else {
            // At a power of two the gap below is half the gap above.
            cbl = cb - 1;
            k = floorLog10ThreeQuartersPow2(q);
        }
        int h = q + floorLog2Pow10(-k) + 2;
        int gi = 2 * (-k - E_MIN);
        long g1 = G[gi];
        long g0 = G[gi + 1];
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);

        // The interval spans between 1 and 10 units of 10^k, so at most one multiple of 10^(k+1)
        // lies in it; if one does it is the unique shortest candidate.
        long s = vb >> 2;
        long sp10 = s / 10 * 10;
        long tp10 = sp10 + 10;
        boolean upin = vbl + out <= sp10 << 2;
        boolean wpin = (tp10 << 2) + out <= vbr;
        if (upin != wpin) {
            return stripZeros(upin ? sp10 : tp10, k, exponentOut);
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) {
            return stripZeros(uin ? s : tt, k, exponentOut);
        }
        long cmp = vb - (s + tt << 1);
        return stripZeros(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k, exponentOut);
    }

    private static long stripZeros(long f, int e, int[] exponentOut) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        exponentOut[0] = e;
        return f;
    }

    /** {@code repr(v)} / {@code str(v)} exactly as CPython 3.11. */
    public static String repr(double v) {
        if (v != v) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return Double.doubleToRawLongBits(v) < 0 ? "-0.0" : "0.0";
        }
        StringBuilder sb = new StringBuilder(24);
        if (v < 0) {
            sb.append('-');
        }
        appendRepr(sb, Math.abs(v), false, true);
        return sb.toString();
    }

    /**
     * Appends the shortest form of a finite positive {@code v}: positional when the decimal exponent
     * is in [-4, 16), else scientific. {@code addDot0} appends ".0" to integral positional output;
     * {@code alternate} always shows a decimal point.
     */
    private static void appendRepr(StringBuilder sb, double v, boolean alternate, boolean addDot0) {
        if (v == 0) {
            sb.append(addDot0 || alternate ? "0.0" : "0");
            return;
        }
        int[] e = new int[1];
        long f = shortestDigits(v, e);
        char[] digits = new char[19];
        int n = 0;
        for (long x = f; x != 0; x /= 10) {
            digits[18 - n++] = (char) ('0' + (int) (x % 10));
        }
        int start = 19 - n;
        int x = e[0] + n - 1;
        if (x >= -4 && x < 16) {
            if (x >= 0) {
                if (n <= x + 1) {
                    sb.append(digits, start, n);
                    appendZeros(sb, x + 1 - n);
                    if (addDot0) {
                        sb.append(".0");
                    } else if (alternate) {
                        sb.append('.');
                    }
                } else {
                    sb.append(digits, start, x + 1).append('.').append(digits, start + x + 1, n - x - 1);
                }
            } else {
                sb.append("0.");
                appendZeros(sb, -x - 1);
                sb.append(digits, start, n);
            }
        } else {
            sb.append(digits[start]);
            if (n > 1) {
                sb.append('.').append(digits, start + 1, n - 1);
            } else if (alternate) {
                sb.append('.');
            }
            appendExponent(sb, x, 'e');
        }
    }

    private static void appendZeros(StringBuilder sb, int count) {
        for (int i = 0; i < count; i++) {
            sb.append('0');
        }
    }

    private static void appendExponent(StringBuilder sb, int x, char e) {
        sb.append(e).append(x < 0 ? '-' : '+');
        int a = Math.abs(x);
        if (a < 10) {
            sb.append('0');
        }
        sb.append(a);
    }

    /** Python's {@code format(v, spec)} for a float. */
    public static String format(double v, String spec) {
        return FormatSpec.format(v, spec);
    }

    // ---------------------------------------------------------------------------------------------
    // Fixed-precision rounding of the exact binary value.

    private static final long[] POW10 = {
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
        1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L,
        10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
        10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    };

    /**
     * round-half-even(v * 10^frac) for finite {@code v >= 0} when it can be computed exactly in
     * 64/128-bit integers and fits in a long; otherwise -1.
     */
    private static long scaledRoundFast(double v, int frac) {
        long bits = Double.doubleToRawLongBits(v);
        int bq = (int) (bits >>> 52) & 0x7ff;
        long c = bits & T_MASK;
        int q;
        if (bq != 0) {
            c |= C_MIN;
            q = bq - 1075;
        } else {
            q = Q_MIN;
        }
        if (c == 0) {
            return 0;
        }
        if (frac >= 0) {
            if (frac > 18) {
                return -1;
            }
            long p = POW10[frac];
            long lo = c * p;
            long hi = Math.multiplyHigh(c, p);
            if (q >= 0) {
                if (hi != 0 || lo < 0 || q >= Long.numberOfLeadingZeros(lo) - 1) {
                    return -1;
                }
                return lo << q;
            }
            int s = -q;
            if (s >= 128) {
                // c * 10^18 < 2^113, so the scaled value is below 1/2.
                return 0;
            }
            long quot;
            int cmpHalf;
            if (s < 64) {
                if ((hi >>> s) != 0) {
                    return -1;
                }
                quot = (lo >>> s) | (hi << (64 - s));
                long rem = lo & ((1L << s) - 1);
                cmpHalf = Long.compareUnsigned(rem, 1L << (s - 1));
            } else if (s == 64) {
                quot = hi;
                cmpHalf = Long.compareUnsigned(lo, Long.MIN_VALUE);
            } else {
                quot = hi >>> (s - 64);
                long remHi = hi & ((1L << (s - 64)) - 1);
                long halfHi = 1L << (s - 65);
                cmpHalf = remHi != halfHi ? Long.compare(remHi, halfHi) : (lo != 0 ? 1 : 0);
            }
            if (quot < 0) {
                return -1;
            }
            if (cmpHalf > 0 || cmpHalf == 0 && (quot & 1) != 0) {
                quot++;
            }
            return quot;
        }
        int d = -frac;
        if (d > 18) {
            return -1;
        }
        long den = POW10[d];
        long num;
        if (q >= 0) {
            if (q >= Long.numberOfLeadingZeros(c) - 1) {
                return -1;
            }
            num = c << q;
        } else {
            if (-q >= Long.numberOfLeadingZeros(den) - 1) {
                return -1;
            }
            num = c;
            den <<= -q;
        }
        long quot = num / den;
        long rem2 = (num - quot * den) << 1;
        if (rem2 > den || rem2 == den && (quot & 1) != 0) {
            quot++;
        }
        return quot;
    }

    /** Decimal digits of round-half-even(v * 10^frac), for finite {@code v >= 0}. */
    static String scaledRound(double v, int frac) {
        long fast = scaledRoundFast(v, frac);
        if (fast >= 0) {
            return Long.toString(fast);
        }
        return new BigDecimal(v).setScale(frac, RoundingMode.HALF_EVEN).unscaledValue().toString();
    }

    /**
     * Rounds finite {@code v >= 0} to {@code p} significant digits: returns exactly p digits and
     * stores the decimal exponent of the first digit in {@code exponentOut[0]}.
     */
    static String significantRound(double v, int p, int[] exponentOut) {
        if (v == 0) {
            exponentOut[0] = 0;
            return "0".repeat(p);
        }
        int x = (int) Math.floor(Math.log10(v));
        for (int guard = 0; ; guard++) {
            String d = scaledRound(v, p - 1 - x);
            if (d.length() > p && guard < 4) {
                x++;
            } else if (d.length() < p && guard < 4) {
                x--;
            } else {
                if (d.charAt(0) == '1' && isPowerOfTen(d) && guard < 4) {
                    // Rounding may have carried into the next decade while x was estimated one
                    // too high; the value below the decade wins if it still has p digits.
                    String below = scaledRound(v, p - x);
                    if (below.length() == p) {
                        exponentOut[0] = x - 1;
                        return below;
                    }
                }
                exponentOut[0] = x;
                return d;
            }
        }
    }

    private static boolean isPowerOfTen(String d) {
        for (int i = 1; i < d.length(); i++) {
            if (d.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }

    /**
     * The text of a finite or infinite {@code v >= 0} (sign is the caller's business) for a
     * float presentation type.
     *
     * @param type one of e E f F g G n %, 'r' for repr-style (no type, no precision), or 0 for no
     *     type with a precision
     * @param precision digits, already defaulted by the caller
     */
    static String magnitude(double v, char type, int precision, boolean alternate) {
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        if (!Double.isFinite(v)) {
            String s = v != v ? "nan" : "inf";
            if (upper) {
                s = s.toUpperCase();
            }
            return type == '%' ? s + '%' : s;
        }
        StringBuilder sb = new StringBuilder(24);
        switch (type) {
            case 'r':
                appendRepr(sb, v, alternate, true);
                break;
            case 'f':
            case 'F':
                appendFixed(sb, v, precision, alternate);
                break;
            case '%':
                appendFixed(sb, v * 100, precision, alternate);
                sb.append('%');
                break;
            case 'e':
            case 'E': {
                int[] x = new int[1];
                String d = significantRound(v, precision + 1, x);
                sb.append(d.charAt(0));
                if (precision > 0 || alternate) {
                    sb.append('.');
                }
                sb.append(d, 1, d.length());
                appendExponent(sb, x[0], 'e');
                break;
            }
            default:
                appendGeneral(sb, v, precision == 0 ? 1 : precision, alternate, type == 0);
                break;
        }
        String s = sb.toString();
        return upper ? s.toUpperCase() : s;
    }

    private static void appendFixed(StringBuilder sb, double v, int precision, boolean alternate) {
        if (!Double.isFinite(v)) {
            sb.append(v != v ? "nan" : "inf");
            return;
        }
        String d = scaledRound(v, precision);
        int intLen = d.length() - precision;
        if (intLen <= 0) {
            sb.append('0');
            if (precision > 0) {
                sb.append('.');
                appendZeros(sb, -intLen);
                sb.append(d);
            } else if (alternate) {
                sb.append('.');
            }
            return;
        }
        sb.append(d, 0, intLen);
        if (precision > 0 || alternate) {
            sb.append('.');
        }
        sb.append(d, intLen, d.length());
    }

    /** 'g' (and no-type-with-precision when {@code addDot0}) with p significant digits. */
    private static void appendGeneral(StringBuilder sb, double v, int p, boolean alternate, boolean addDot0) {
        int[] xo = new int[1];
        String d = significantRound(v, p, xo);
        int x = xo[0];
        int end = p;
        if (!alternate) {
            while (end > 1 && d.charAt(end - 1) == '0') {
                end--;
            }
        }
        boolean scientific = x < -4 || x >= (addDot0 ? p - 1 : p);
        if (scientific) {
            sb.append(d.charAt(0));
            if (end > 1 || alternate) {
                sb.append('.');
            }
            sb.append(d, 1, end);
            appendExponent(sb, x, 'e');
            return;
        }
        if (x >= 0) {
            int intEnd = x + 1;
            sb.append(d, 0, Math.min(intEnd, end));
            if (end <= intEnd) {
                // All significant digits are in the integer part (trailing zeros were stripped).
                appendZeros(sb, intEnd - end);
                if (alternate) {
                    sb.append('.');
                } else if (addDot0) {
                    sb.append(".0");
                }
            } else {
                sb.append('.').append(d, intEnd, end);
            }
        } else {
            sb.append("0.");
            appendZeros(sb, -x - 1);
            sb.append(d, 0, end);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static final double[] EXACT_POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    };

    /**
     * Python's {@code round(x, ndigits)}: the exact binary value rounded half-to-even at
     * {@code ndigits} decimal places, then read back correctly rounded.
     *
     * @throws FormatError OverflowError when the rounded value is too large for a double
     */
    public static double round(double x, long ndigits) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        // Beyond these the answer is known without arithmetic: every double has fewer than 324
        // fraction digits, and no double reaches 10^309.
        if (ndigits > 323) {
            return x;
        }
        if (ndigits < -308) {
            return Math.copySign(0.0, x);
        }
        if (ndigits >= 0 && ndigits <= 18) {
            // N = round(|x| * 10^nd) exactly; N and 10^nd are exact doubles, so one IEEE division
            // gives the correctly rounded quotient.
            long n = scaledRoundFast(Math.abs(x), (int) ndigits);
            if (n >= 0 && n <= 1L << 53) {
                return Math.copySign(n / EXACT_POW10[(int) ndigits], x);
            }
        }
        double r = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(r)) {
            throw FormatError.overflowError("rounded value too large to represent");
        }
        return Math.copySign(r, x);
    }
}
