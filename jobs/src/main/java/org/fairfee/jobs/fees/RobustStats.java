package org.fairfee.jobs.fees;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The robust statistics of the P4 rules, each a named estimator. Quantiles are Hyndman and Fan's
 * definition 7 (R-7, linear interpolation between order statistics, the default of R and of
 * spreadsheets), from Commons Math {@link Percentile}; the median is the R-7 50% quantile (for an
 * even count, the mean of the two middle values). Inputs are never modified.
 *
 * <p>Empty input: every statistic is NaN. One value: the median and quantiles are that value, the
 * MAD and mean absolute deviation are 0, its score is 0.
 */
public final class RobustStats {
  private RobustStats() {}

  /** 0.6745 is the 0.75 quantile of the standard normal: MAD / 0.6745 estimates sigma for normal data. */
  public static final double MAD_CONSISTENCY = 0.6745;

  /** sqrt(pi / 2): 1.2533 x mean absolute deviation estimates sigma for normal data. */
  public static final double MEAN_AD_CONSISTENCY = 1.2533;

  /** The R-7 quantile at p in (0, 100]; NaN for no values. */
  public static double quantile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
  }

  /** The R-7 median; NaN for no values. */
  public static double median(double[] values) {
    return quantile(values, 50);
  }

  /** Median absolute deviation from the median, unscaled; NaN for no values. */
  public static double mad(double[] values) {
    double m = median(values);
    double[] dev = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      dev[i] = Math.abs(values[i] - m);
    }
    return median(dev);
  }

  /** Mean absolute deviation from the median; NaN for no values. */
  public static double meanAbsoluteDeviation(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double m = median(values);
    double sum = 0;
    for (double v : values) {
      sum += Math.abs(v - m);
    }
    return sum / values.length;
  }

  /**
   * The robust spread the modified z-score divides by: MAD / 0.6745 (Iglewicz and Hoaglin). Where the
   * MAD is 0 (more than half the values equal) it falls back to 1.2533 x the mean absolute deviation
   * from the median; where that is 0 too (all values equal) it is 0, which means no evidence: every
   * score is then 0. NaN for no values.
   */
  public static double scale(double[] values) {
    double mad = mad(values);
    if (mad > 0) {
      return mad / MAD_CONSISTENCY;
    }
    return MEAN_AD_CONSISTENCY * meanAbsoluteDeviation(values);
  }

  /** A robust location and spread of one set of values, computed once and used to score each member. */
  public record Summary(int n, double median, double scale, double q25, double q75) {
    /**
     * Modified z-score of x: (x - median) / scale, i.e. 0.6745 (x - median) / MAD. 0 where the scale
     * is 0 (no spread, no evidence); NaN for an empty summary.
     */
    public double score(double x) {
      if (n == 0) {
        return Double.NaN;
      }
      return scale > 0 ? (x - median) / scale : 0.0;
    }

    /** The same summary with its scale raised to at least minScale (a NaN floor changes nothing). */
    public Summary withMinScale(double minScale) {
      return minScale > scale ? new Summary(n, median, minScale, q25, q75) : this;
    }
  }

  public static Summary summarise(double[] values) {
    return new Summary(values.length, median(values), scale(values), quantile(values, 25), quantile(values, 75));
  }
}
