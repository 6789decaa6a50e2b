package org.fairfee.jobs.fees;

import java.util.SplittableRandom;

/**
 * Theil–Sen line fit (Theil 1950, Sen 1968): the slope is the median of the slopes between all
 * pairs of points with different x; the intercept is the median of y - slope x. A quarter of the
 * points can be wild without moving the line much, unlike least squares.
 *
 * <p>The slope is held within [minSlope, maxSlope] before the intercept is taken, so the line
 * stays within what is plausible for fees against buyer size; {@link Line#rawSlope()} keeps the
 * unconstrained value. Medians are R-7 ({@link RobustStats#median}).
 *
 * <p>Above {@link #MAX_PAIRS} pairs (about 2,000 points) the slope is the median over that many
 * pairs drawn with a fixed seed, so a given input always gives the same line.
 */
public final class TheilSen {
  private TheilSen() {}

  public static final int MAX_PAIRS = 2_000_000;
  static final long SEED = 20_260_101L;

  /** A fitted line y = intercept + slope x. */
  public record Line(double slope, double intercept, double rawSlope, long pairs) {
    public double at(double x) {
      return intercept + slope * x;
    }

    public boolean constrained() {
      return slope != rawSlope;
    }
  }

  /**
   * The Theil–Sen line through (x[i], y[i]), or null when fewer than two distinct x values give no
   * slope at all. The caller fixes the order of the points (the sampled form depends on it).
   */
  public static Line fit(double[] x, double[] y, double minSlope, double maxSlope) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
    }
    int n = x.length;
    long all = (long) n * (n - 1) / 2;
    double[] slopes = all <= MAX_PAIRS ? allSlopes(x, y) : sampledSlopes(x, y);
    if (slopes.length == 0) {
      return null;
    }
    double raw = RobustStats.median(slopes);
    double slope = Math.max(minSlope, Math.min(maxSlope, raw));
    double[] level = new double[n];
    for (int i = 0; i < n; i++) {
      level[i] = y[i] - slope * x[i];
    }
    return new Line(slope, RobustStats.median(level), raw, slopes.length);
  }

  private static double[] allSlopes(double[] x, double[] y) {
    int n = x.length;
    double[] s = new double[(int) ((long) n * (n - 1) / 2)];
    int k = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (x[i] != x[j]) {
          s[k++] = (y[j] - y[i]) / (x[j] - x[i]);
        }
      }
    }
    return java.util.Arrays.copyOf(s, k);
  }

  private static double[] sampledSlopes(double[] x, double[] y) {
    int n = x.length;
    SplittableRandom random = new SplittableRandom(SEED);
    double[] s = new double[MAX_PAIRS];
    int k = 0;
    // Pairs with equal x give no slope; give up after as many tries again, so a degenerate input ends.
    for (long tries = 0; k < MAX_PAIRS && tries < 2L * MAX_PAIRS; tries++) {
      int i = random.nextInt(n);
      int j = random.nextInt(n);
      if (x[i] != x[j]) {
        s[k++] = (y[j] - y[i]) / (x[j] - x[i]);
      }
    }
    return java.util.Arrays.copyOf(s, k);
  }
}
