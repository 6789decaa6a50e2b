package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustTheilSenTest {

  private static final double EPS = 1e-12;

  static final double[] SIZES = {1_000, 4_000, 16_000, 64_000, 256_000};
  static final double[] PRICES = {1_000, 2_000, 2_000, 8_000, 8_000};

  /**
   * Sizes 1000 x 4^k (k = 0..4), prices 1000 x 2^c (c = 0, 1, 1, 3, 3). With x = ln size and
   * y = ln price, the slope between points i and j is (c_j - c_i) ln 2 / ((k_j - k_i) ln 4)
   * = (c_j - c_i) / (2 (k_j - k_i)):
   *   (0,1) 1/2 = 0.5     (0,2) 1/4 = 0.25    (0,3) 3/6 = 0.5     (0,4) 3/8 = 0.375
   *   (1,2) 0/2 = 0       (1,3) 2/4 = 0.5     (1,4) 2/6 = 0.3333  (2,3) 2/2 = 1
   *   (2,4) 2/4 = 0.5     (3,4) 0/2 = 0
   * Sorted: 0, 0, 0.25, 0.3333, 0.375 | 0.5, 0.5, 0.5, 0.5, 1 -> median (0.375 + 0.5) / 2 = 0.4375.
   * Intercept: median of y - 0.4375 x = 0.5625 ln 1000 + ln 2 (c - 0.875 k)
   *   with c - 0.875 k = 0, 0.125, -0.75, 0.375, -0.5 -> median 0 -> intercept 0.5625 ln 1000 = 3.885612.
   */
  @Test
  void slopeAndInterceptMatchTheHandCalculation() {
    TheilSen.Line line = TheilSen.fit(logs(SIZES), logs(PRICES), 0, 1);
    assertEquals(0.4375, line.slope(), EPS);
    assertEquals(0.5625 * Math.log(1000), line.intercept(), EPS);
    assertEquals(10, line.pairs());
    assertFalse(line.constrained());
    assertEquals(1000.0, Math.exp(line.at(Math.log(1000))), 1e-9, "the fitted fee at size 1000");
  }

  @Test
  void slopeIsHeldWithinTheLimits() {
    double[] x = {1, 2, 3, 4};
    TheilSen.Line steep = TheilSen.fit(x, new double[] {1.5, 3.0, 4.5, 6.0}, 0, 1);
    assertEquals(1.0, steep.slope(), EPS);
    assertEquals(1.5, steep.rawSlope(), EPS);
    assertTrue(steep.constrained());
    // intercept after the limit: median of y - x = 0.5, 1, 1.5, 2 -> 1.25
    assertEquals(1.25, steep.intercept(), EPS);
    TheilSen.Line falling = TheilSen.fit(x, new double[] {4, 3, 2, 1}, 0, 1);
    assertEquals(0.0, falling.slope(), EPS);
    assertEquals(-1.0, falling.rawSlope(), EPS);
    assertEquals(2.5, falling.intercept(), EPS);
  }

  @Test
  void noSlopeWithoutTwoDistinctSizes() {
    assertNull(TheilSen.fit(new double[] {}, new double[] {}, 0, 1));
    assertNull(TheilSen.fit(new double[] {3}, new double[] {1}, 0, 1));
    assertNull(TheilSen.fit(new double[] {3, 3, 3}, new double[] {1, 2, 3}, 0, 1));
    TheilSen.Line two = TheilSen.fit(new double[] {0, 2}, new double[] {1, 2}, 0, 1);
    assertEquals(0.5, two.slope(), EPS);
    // y - 0.5 x = 1, 1 -> intercept 1
    assertEquals(1.0, two.intercept(), EPS);
  }

  @Test
  void oneWildPointDoesNotMoveTheLine() {
    double[] x = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = 2 + 0.4 * x[i];
    }
    y[9] += 5;
    TheilSen.Line line = TheilSen.fit(x, y, 0, 1);
    assertEquals(0.4, line.slope(), 1e-9);
    assertEquals(2.0, line.intercept(), 1e-9);
  }

  @Test
  void largeInputsUseAFixedSampleOfPairsAndRepeat() {
    int n = 2_100; // 2,203,950 pairs, above the cap
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = Math.log(100 + i);
      y[i] = 3 + 0.4 * x[i] + ((i * 7919) % 101 - 50) / 500.0;
    }
    TheilSen.Line a = TheilSen.fit(x, y, 0, 1);
    TheilSen.Line b = TheilSen.fit(x, y, 0, 1);
    assertEquals(TheilSen.MAX_PAIRS, a.pairs());
    assertEquals(a, b);
    assertEquals(0.4, a.slope(), 0.05);
  }

  static double[] logs(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.log(v[i]);
    }
    return out;
  }
}
