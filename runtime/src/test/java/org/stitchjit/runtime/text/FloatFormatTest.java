package org.stitchjit.runtime.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

    @Test
    void reprMatchesCPythonOnTenThousandDoubles() {
        List<String[]> rows = Cases.load("float_repr.txt");
        assertThat(rows).hasSizeGreaterThan(10_000);
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            double v = Cases.bitsToDouble(r[0]);
            String got = FloatFormat.repr(v);
            if (!got.equals(r[1])) {
                failures.add(r[0] + ": expected " + r[1] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void reprExamples() {
        assertThat(FloatFormat.repr(1e16)).isEqualTo("1e+16");
        assertThat(FloatFormat.repr(1.5e-5)).isEqualTo("1.5e-05");
        assertThat(FloatFormat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(FloatFormat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(FloatFormat.repr(Double.NaN)).isEqualTo("nan");
        assertThat(FloatFormat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(FloatFormat.repr(1.0)).isEqualTo("1.0");
        assertThat(FloatFormat.repr(0.1)).isEqualTo("0.1");
        assertThat(FloatFormat.repr(1e22)).isEqualTo("1e+22");
        assertThat(FloatFormat.repr(5e-324)).isEqualTo("5e-324");
        assertThat(FloatFormat.repr(2e-3)).isEqualTo("0.002");
        assertThat(FloatFormat.repr(9007199254740993.0)).isEqualTo("9007199254740992.0");
        assertThat(FloatFormat.repr(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
    }

    /** The slow definition: fewest digits that read back, nearest the exact value, ties to even. */
    private static BigDecimal referenceShortest(double v) {
        BigDecimal exact = new BigDecimal(v);
        for (int p = 1; p <= 17; p++) {
            BigDecimal lo = exact.round(new MathContext(p, RoundingMode.FLOOR));
            BigDecimal hi = exact.round(new MathContext(p, RoundingMode.CEILING));
            boolean loOk = Double.parseDouble(lo.toString()) == v;
            boolean hiOk = Double.parseDouble(hi.toString()) == v;
            if (loOk && hiOk) {
                int c = exact.subtract(lo).compareTo(hi.subtract(exact));
                return c < 0 ? lo : c > 0 ? hi : exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
            }
            if (loOk) {
                return lo;
            }
            if (hiOk) {
                return hi;
            }
        }
        throw new AssertionError("no round-tripping decimal for " + v);
    }

    private static void checkShortest(double v, List<String> failures) {
        int[] e = new int[1];
        long digits = FloatFormat.shortestDigits(v, e);
        BigDecimal got = BigDecimal.valueOf(digits, -e[0]);
        BigDecimal want = referenceShortest(v);
        if (got.compareTo(want) != 0 || digits % 10 == 0) {
            failures.add(v + ": expected " + want + " got " + got);
        }
    }

    @Test
    void shortestDigitsAgreeWithExactReference() {
        List<String> failures = new ArrayList<>();
        int count = 0;
        // Every power of two: the asymmetric rounding intervals.
        for (int e = -1074; e <= 1023; e++) {
            checkShortest(Math.scalb(1.0, e), failures);
            count++;
        }
        // The smallest subnormals, where the digits are fewest.
        for (long bits = 1; bits <= 3000; bits++) {
            checkShortest(Double.longBitsToDouble(bits), failures);
            count++;
        }
        // Powers of ten and their neighbours.
        for (int e = -323; e <= 308; e++) {
            double p = Double.parseDouble("1e" + e);
            checkShortest(p, failures);
            checkShortest(Math.nextUp(p), failures);
            if (Math.nextDown(p) > 0) {
                checkShortest(Math.nextDown(p), failures);
            }
            count += 3;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong() & Long.MAX_VALUE);
            if (Double.isFinite(v) && v != 0) {
                checkShortest(v, failures);
                count++;
            }
        }
        Cases.check(failures, count);
    }

    @Test
    void roundMatchesCPython() {
        List<String[]> rows = Cases.load("float_round.txt");
        List<String> failures = new ArrayList<>();
        for (String[] r : rows) {
            double x = Cases.bitsToDouble(r[0]);
            long n = Long.parseLong(r[1]);
            String got = Cases.outcome(() -> Cases.doubleToBits(FloatFormat.round(x, n)));
            if (!got.equals(r[2])) {
                failures.add("round(" + FloatFormat.repr(x) + ", " + n + "): expected " + r[2] + " got " + got);
            }
        }
        Cases.check(failures, rows.size());
    }

    @Test
    void roundExamples() {
        assertThat(FloatFormat.round(2.675, 2)).isEqualTo(2.67);
        assertThat(FloatFormat.round(0.125, 2)).isEqualTo(0.12);
        assertThat(FloatFormat.round(2.5, 0)).isEqualTo(2.0);
        assertThat(Double.doubleToRawLongBits(FloatFormat.round(-0.04, 1))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(FloatFormat.round(1234.5, -2)).isEqualTo(1200.0);
        assertThatThrownBy(() -> FloatFormat.round(1.7976931348623157e308, -308))
                .isInstanceOfSatisfying(FormatError.class, e -> {
                    assertThat(e.pyType()).isEqualTo("OverflowError");
                    assertThat(e.getMessage()).isEqualTo("rounded value too large to represent");
                });
    }

    @Test
    void formatExamples() {
        assertThat(FloatFormat.format(3.14159, ".2f")).isEqualTo("3.14");
        assertThat(FloatFormat.format(1234567.891, ",.2f")).isEqualTo("1,234,567.89");
        assertThat(FloatFormat.format(0.5, ".0f")).isEqualTo("0");
        assertThat(FloatFormat.format(1.5, ".0f")).isEqualTo("2");
        assertThat(FloatFormat.format(1e-7, "g")).isEqualTo("1e-07");
        assertThat(FloatFormat.format(1234.5, ".2")).isEqualTo("1.2e+03");
        assertThat(FloatFormat.format(0.25, "%")).isEqualTo("25.000000%");
    }
}
