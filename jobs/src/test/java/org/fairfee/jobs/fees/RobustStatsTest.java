package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RobustStatsTest {

  private static final double EPS = 1e-12;

  @Test
  void emptyInputGivesNaNEverywhere() {
    double[] none = {};
    assertTrue(Double.isNaN(RobustStats.median(none)));
    assertTrue(Double.isNaN(RobustStats.quantile(none, 25)));
    assertTrue(Double.isNaN(RobustStats.mad(none)));
    assertTrue(Double.isNaN(RobustStats.meanAbsoluteDeviation(none)));
    assertTrue(Double.isNaN(RobustStats.scale(none)));
    assertTrue(Double.isNaN(RobustStats.summarise(none).score(1.0)));
  }

  @Test
  void oneValueIsItsOwnMedianWithNoSpreadAndScoresZero() {
    double[] one = {7.0};
    assertEquals(7.0, RobustStats.median(one), EPS);
    assertEquals(7.0, RobustStats.quantile(one, 25), EPS);
    assertEquals(0.0, RobustStats.mad(one), EPS);
    assertEquals(0.0, RobustStats.scale(one), EPS);
    assertEquals(0.0, RobustStats.summarise(one).score(7.0), EPS);
  }

  @Test
  void twoValuesUseR7Interpolation() {
    double[] two = {3.0, 1.0};
    // h = (n - 1) p + 1; p25 -> h = 1.25 -> 1 + 0.25 (3 - 1) = 1.5; p75 -> 2.5; median 2
    assertEquals(2.0, RobustStats.median(two), EPS);
    assertEquals(1.5, RobustStats.quantile(two, 25), EPS);
    assertEquals(2.5, RobustStats.quantile(two, 75), EPS);
    // |1 - 2| = |3 - 2| = 1 -> MAD 1; modified z of 3 is 0.6745 (3 - 2) / 1
    assertEquals(1.0, RobustStats.mad(two), EPS);
    assertEquals(0.6745, RobustStats.summarise(two).score(3.0), EPS);
    assertEquals(3.0, two[0], EPS, "the input is not modified");
  }

  @Test
  void madAndMeanAbsoluteDeviationByHand() {
    double[] v = {1, 2, 3, 4, 100};
    // median 3; |deviations| 2, 1, 0, 1, 97 -> MAD = median = 1, mean = 101 / 5
    assertEquals(1.0, RobustStats.mad(v), EPS);
    assertEquals(20.2, RobustStats.meanAbsoluteDeviation(v), EPS);
    assertEquals(0.6745 * 97, RobustStats.summarise(v).score(100), 1e-9);
  }

  @Test
  void madZeroFallsBackToScaledMeanAbsoluteDeviation() {
    double[] v = {5, 5, 5, 5, 9};
    // MAD = 0 (four of five equal); mean |dev| from the median 5 = 4 / 5 = 0.8; scale = 1.2533 x 0.8
    assertEquals(0.0, RobustStats.mad(v), EPS);
    assertEquals(1.2533 * 0.8, RobustStats.scale(v), EPS);
    assertEquals(4 / (1.2533 * 0.8), RobustStats.summarise(v).score(9), 1e-9);
  }

  @Test
  void allEqualMeansNoSpreadAndNoEvidence() {
    double[] v = {4, 4, 4, 4};
    assertEquals(0.0, RobustStats.scale(v), EPS);
    assertEquals(0.0, RobustStats.summarise(v).score(4), EPS);
    assertEquals(0.0, RobustStats.summarise(v).score(40), EPS, "no spread to measure against: no evidence");
  }

  @Test
  void oneOutlierInTwelveCannotHideByInflatingTheSpread() {
    double[] v = {0.10, -0.05, 0.02, -0.12, 0.07, 0.00, -0.03, 0.05, -0.08, 0.11, -0.01, 2.30};
    double robust = RobustStats.summarise(v).score(2.30);
    assertTrue(robust > 10, "modified z " + robust);
    // With mean and standard deviation the outlier inflates the very spread it is measured by:
    // one point among n can never score more than (n - 1) / sqrt(n) = 3.18 for n = 12, under 3.5
    // (Samuelson's inequality with the sample standard deviation).
    double mean = 0;
    for (double x : v) {
      mean += x / v.length;
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    double classic = (2.30 - mean) / Math.sqrt(ss / (v.length - 1)); // sample standard deviation
    assertTrue(classic < 3.5 && classic <= 11 / Math.sqrt(12) + EPS, "classic z " + classic);
  }
}
