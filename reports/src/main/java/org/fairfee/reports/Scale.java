package org.fairfee.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Maps pounds to a coordinate along one chart axis, with round tick values. Linear from zero unless
 * the values span more than 1.5 orders of magnitude, then logarithmic between powers of ten, so a
 * category with £0.05 unit prices and £50,000 licences still shows every band.
 */
final class Scale {
  /** Above this max/min ratio (10^1.5) a log axis shows the data better than a linear one. */
  static final double LOG_SPAN = Math.pow(10, 1.5);

  private static final int[] NICE_TENTHS = {10, 20, 25, 50, 100};

  private final boolean log;
  private final double lo;
  private final double hi;
  private final double from;
  private final double to;
  private final List<BigDecimal> ticks;

  private Scale(boolean log, double lo, double hi, double from, double to, List<BigDecimal> ticks) {
    this.log = log;
    this.lo = lo;
    this.hi = hi;
    this.from = from;
    this.to = to;
    this.ticks = List.copyOf(ticks);
  }

  /** A scale for these values (nulls ignored) from coordinate from to coordinate to. */
  static Scale of(Collection<BigDecimal> values, double from, double to) {
    List<BigDecimal> v = values.stream().filter(Objects::nonNull).toList();
    BigDecimal min = v.stream().min(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    BigDecimal max = v.stream().max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    if (min.signum() > 0 && max.doubleValue() / min.doubleValue() > LOG_SPAN) {
      return log(min, max, from, to);
    }
    return linear(max, 5, from, to);
  }

  /** A linear scale from zero to a round value at or above max, with about n ticks. */
  static Scale linear(BigDecimal max, int n, double from, double to) {
    if (max == null || max.signum() <= 0) {
      max = BigDecimal.ONE;
    }
    BigDecimal raw = max.divide(BigDecimal.valueOf(n), MathContext.DECIMAL64);
    int k = (int) Math.floor(Math.log10(raw.doubleValue()));
    BigDecimal step = null;
    for (int tenths : NICE_TENTHS) {
      step = BigDecimal.valueOf(tenths).scaleByPowerOfTen(k - 1);
      if (step.compareTo(raw) >= 0) {
        break;
      }
    }
    int count = max.divide(step, 0, RoundingMode.CEILING).intValue();
    List<BigDecimal> ticks = new ArrayList<>();
    for (int i = 0; i <= count; i++) {
      ticks.add(plain(step.multiply(BigDecimal.valueOf(i))));
    }
    return new Scale(false, 0, ticks.get(ticks.size() - 1).doubleValue(), from, to, ticks);
  }

  /**
   * Over up to three orders of magnitude the axis runs between the 1-2-5 values around the data,
   * with a tick at each; over more, between powers of ten with a tick at each power.
   */
  private static Scale log(BigDecimal min, BigDecimal max, double from, double to) {
    int a = (int) Math.floor(Math.log10(min.doubleValue()));
    int b = (int) Math.ceil(Math.log10(max.doubleValue()));
    int[] steps = Math.log10(max.doubleValue() / min.doubleValue()) <= 3 ? new int[] {1, 2, 5} : new int[] {1};
    List<BigDecimal> round = new ArrayList<>();
    for (int e = a; e <= b; e++) {
      for (int m : e < b ? steps : new int[] {1}) {
        round.add(plain(BigDecimal.valueOf(m).scaleByPowerOfTen(e)));
      }
    }
    BigDecimal lo = round.stream().filter(c -> c.compareTo(min) <= 0).reduce((x, y) -> y).orElseThrow();
    BigDecimal hi = round.stream().filter(c -> c.compareTo(max) >= 0).findFirst().orElseThrow();
    List<BigDecimal> ticks = round.stream().filter(c -> c.compareTo(lo) >= 0 && c.compareTo(hi) <= 0).toList();
    return new Scale(true, Math.log10(lo.doubleValue()), Math.log10(hi.doubleValue()), from, to, ticks);
  }

  private static BigDecimal plain(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0) : s;
  }

  boolean isLog() {
    return log;
  }

  List<BigDecimal> ticks() {
    return ticks;
  }

  /** The coordinate of a value, held inside the axis. */
  double at(BigDecimal value) {
    double v = log ? Math.log10(Math.max(value.doubleValue(), Math.pow(10, lo))) : value.doubleValue();
    double f = (v - lo) / (hi - lo);
    f = Math.max(0, Math.min(1, f));
    return from + f * (to - from);
  }
}
