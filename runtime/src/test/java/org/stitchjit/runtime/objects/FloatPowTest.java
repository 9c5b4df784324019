package org.stitchjit.runtime.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FloatPow's written-out constants recomputed from their definitions, and its results compared
 * with x**y evaluated to 50 digits in BigDecimal and rounded once to a double.
 */
class FloatPowTest {
  private static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);

  /** ln(v) = 2 atanh((v-1)/(v+1)), for v > 0. */
  private static BigDecimal ln(BigDecimal v) {
    // Bring v near 1 with powers of two so the series converges fast.
    int k = 0;
    BigDecimal two = BigDecimal.valueOf(2);
    while (v.compareTo(BigDecimal.valueOf(1.5)) > 0) {
      v = v.divide(two, MC);
      k++;
    }
    while (v.compareTo(BigDecimal.valueOf(0.75)) < 0) {
      v = v.multiply(two, MC);
      k--;
    }
    BigDecimal r = atanhSeries(v);
    return k == 0 ? r : r.add(LN2.multiply(BigDecimal.valueOf(k), MC), MC);
  }

  private static BigDecimal atanhSeries(BigDecimal v) {
    BigDecimal u = v.subtract(BigDecimal.ONE).divide(v.add(BigDecimal.ONE), MC);
    BigDecimal u2 = u.multiply(u, MC);
    BigDecimal term = u;
    BigDecimal sum = BigDecimal.ZERO;
    BigDecimal eps = BigDecimal.ONE.movePointLeft(60);
    for (int n = 1; term.abs().compareTo(eps) > 0; n += 2) {
      sum = sum.add(term.divide(BigDecimal.valueOf(n), MC), MC);
      term = term.multiply(u2, MC);
    }
    return sum.multiply(BigDecimal.valueOf(2), MC);
  }

  private static final BigDecimal LN2 = atanhSeries(BigDecimal.valueOf(2));

  /** exp(z) by halving z until small, a Taylor series, and squaring back. */
  private static BigDecimal exp(BigDecimal z) {
    int halvings = 0;
    while (z.abs().compareTo(BigDecimal.valueOf(0.01)) > 0) {
      z = z.divide(BigDecimal.valueOf(2), MC);
      halvings++;
    }
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int n = 1; n < 40; n++) {
      term = term.multiply(z, MC).divide(BigDecimal.valueOf(n), MC);
      sum = sum.add(term, MC);
    }
    for (int i = 0; i < halvings; i++) {
      sum = sum.multiply(sum, MC);
    }
    return sum;
  }

  private static double lowPart(BigDecimal exact, double hi) {
    return exact.subtract(new BigDecimal(hi)).doubleValue();
  }

  @Test
  void constantsAreWhatTheySayTheyAre() {
    assertEquals(LN2.doubleValue(), FloatPow.LN2_HI + FloatPow.LN2_LO);
    assertEquals(lowPart(LN2, FloatPow.LN2_HI), FloatPow.LN2_LO);
    // 42 significant bits, so k * LN2_HI is exact for every exponent k.
    assertEquals(0, Double.doubleToRawLongBits(FloatPow.LN2_HI) & ((1L << 11) - 1));
    BigDecimal l = LN2.divide(BigDecimal.valueOf(128), MC);
    BigDecimal rest = l.subtract(new BigDecimal(FloatPow.L1));
    assertEquals(0, Double.doubleToRawLongBits(FloatPow.L1) & ((1L << 18) - 1));
    assertEquals(rest.doubleValue(), FloatPow.L2);
    assertEquals(lowPart(rest, FloatPow.L2), FloatPow.L3);
    assertEquals(BigDecimal.ONE.divide(l, MC).doubleValue(), FloatPow.INV_L);
    BigDecimal twoThirds = BigDecimal.valueOf(2).divide(BigDecimal.valueOf(3), MC);
    assertEquals(lowPart(twoThirds, FloatPow.TWO_THIRDS_HI), FloatPow.TWO_THIRDS_LO);
    for (int i = 0; i < FloatPow.RECIP.length; i++) {
      BigDecimal v = ln(new BigDecimal(FloatPow.RECIP[i])).negate();
      assertEquals(v.doubleValue(), FloatPow.LOG_HI[i], "LOG_HI " + i);
      assertEquals(lowPart(v, FloatPow.LOG_HI[i]), FloatPow.LOG_LO[i], "LOG_LO " + i);
    }
    for (int j = 0; j < 128; j++) {
      BigDecimal v = exp(LN2.multiply(BigDecimal.valueOf(j), MC)
          .divide(BigDecimal.valueOf(128), MC));
      assertEquals(v.doubleValue(), FloatPow.EXP_HI[j], "EXP_HI " + j);
      // The low part only needs to be right to a few units in its last place.
      double lo = lowPart(v, FloatPow.EXP_HI[j]);
      assertEquals(lo, FloatPow.EXP_LO[j], Math.ulp(lo) * 4, "EXP_LO " + j);
    }
  }

  @Test
  void resultsAreCorrectlyRounded() {
    SplittableRandom rnd = new SplittableRandom(20240611);
    List<String> wrong = new ArrayList<>();
    for (int n = 0; n < 1500; n++) {
      double x;
      double y;
      switch (n % 5) {
        case 0 -> {
          x = rnd.nextDouble(0, 10);
          y = rnd.nextDouble(-40, 40);
        }
        case 1 -> {
          x = 1 + rnd.nextDouble(-1, 1) * Math.scalb(1.0, -rnd.nextInt(10, 50));
          y = rnd.nextDouble(-1, 1) * Math.scalb(1.0, rnd.nextInt(8, 50));
        }
        case 2 -> {
          x = rnd.nextDouble(0.1, 3);
          y = Math.rint(rnd.nextDouble(-300, 300));
        }
        case 3 -> {
          x = rnd.nextDouble() * Math.scalb(1.0, rnd.nextInt(-1074, 1000));
          y = rnd.nextDouble(-1.2, 1.2);
        }
        default -> {
          // Results near the overflow and underflow thresholds.
          x = rnd.nextDouble(1.1, 1e5);
          y = (rnd.nextBoolean() ? 1 : -1) * rnd.nextDouble(700, 746) / Math.log(x);
        }
      }
      if (!(x > 0) || x == 1 || y == 0) {
        continue;
      }
      BigDecimal z = ln(new BigDecimal(x)).multiply(new BigDecimal(y), MC);
      double expected;
      if (z.compareTo(BigDecimal.valueOf(710)) > 0) {
        expected = Double.POSITIVE_INFINITY;
      } else if (z.compareTo(BigDecimal.valueOf(-746)) < 0) {
        expected = 0.0;
      } else {
        expected = exp(z).doubleValue();
      }
      double got = FloatPow.pow(x, y);
      if (got != expected) {
        wrong.add(x + " ** " + y + " = " + expected + ", got " + got);
      }
    }
    assertEquals(List.of(), wrong);
  }
}
