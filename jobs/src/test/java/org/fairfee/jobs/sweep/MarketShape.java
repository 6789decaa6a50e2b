package org.fairfee.jobs.sweep;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The shape of one independent labelled market: how many suppliers and buyers, how steeply each
 * fee type scales with the buyer's size, how noisy prices are, and how many outliers are planted.
 * Every number the market generator draws from comes from here and the seed, so one shape and one
 * seed give the same market, byte for byte.
 *
 * @param family a short name for the kind of market (elasticity and noise), e.g. {@code steep-noisy}
 * @param seed the seed of every random draw
 * @param suppliers 40 to 80
 * @param buyers the number of buyer organisations, shared between suppliers of their segment
 * @param buyersPerSupplierMin the fewest buyers one supplier serves
 * @param buyersPerSupplierMax the most
 * @param period the evaluated month
 * @param months the benchmark window: 12 months ending with {@code period}
 * @param historyMonths months of history before the window (charges there are seen by the
 *     charging-twice rules but are not prices of the window)
 * @param elasticity size elasticity b per benchmarked fee type: price = base x (size / reference)^b
 * @param sigma the lognormal spread of fair prices (half of its variance from the supplier, half
 *     from the contract)
 * @param outlierShare the share of the period's eligible lines, per fee type and charge basis,
 *     that get a planted unreasonable fee (4 to 10 times the size-adjusted fair price)
 * @param largeBuyerShare the share of buyers 6 to 15 times the usual size for their type
 * @param missingSizeShare the share of (ordinary) buyers that report no size
 */
public record MarketShape(String family, long seed, int suppliers, int buyers, int buyersPerSupplierMin,
    int buyersPerSupplierMax, YearMonth period, int months, int historyMonths, Map<String, Double> elasticity,
    double sigma, double outlierShare, double largeBuyerShare, double missingSizeShare) {

  /** The fee types that are benchmarked and can carry a planted P4 outlier. */
  public static final String[] PRICED_FEES = {"LICENCE", "SUPPORT", "IMPLEMENTATION", "DEVELOPMENT", "OTHER", "TRANSACTION"};

  public MarketShape {
    if (suppliers < 40 || suppliers > 80) {
      throw new IllegalArgumentException("suppliers must be 40 to 80, was " + suppliers);
    }
    if (sigma < 0.05 || sigma > 0.35) {
      throw new IllegalArgumentException("sigma must be 0.05 to 0.35 so that a 4x outlier stays clear of noise, was " + sigma);
    }
    if (months != 12) {
      throw new IllegalArgumentException("the benchmark window is 12 months, was " + months);
    }
    for (String f : PRICED_FEES) {
      if (!elasticity.containsKey(f)) {
        throw new IllegalArgumentException("no elasticity for " + f);
      }
    }
    elasticity = Collections.unmodifiableMap(new LinkedHashMap<>(elasticity));
  }

  /** The kinds of market the sweep draws: size scaling x noise. */
  public enum Family {
    /** Fees barely grow with size (b 0.0 to 0.2), quiet prices (sigma 0.10 to 0.15). */
    FLAT_QUIET(0.0, 0.2, 0.10, 0.15),
    /** Flat scaling, noisy prices (sigma 0.30 to 0.35). */
    FLAT_NOISY(0.0, 0.2, 0.30, 0.35),
    /** Fees grow steeply with size (b 0.6 to 0.9), quiet prices. */
    STEEP_QUIET(0.6, 0.9, 0.10, 0.15),
    /** Steep scaling, noisy prices. */
    STEEP_NOISY(0.6, 0.9, 0.30, 0.35),
    /** Each fee type its own scaling (licence and hosting steep, support and development flat, implementation between), sigma 0.20 to 0.25. */
    MIXED(-1, -1, 0.20, 0.25);

    final double bLow;
    final double bHigh;
    final double sigmaLow;
    final double sigmaHigh;

    Family(double bLow, double bHigh, double sigmaLow, double sigmaHigh) {
      this.bLow = bLow;
      this.bHigh = bHigh;
      this.sigmaLow = sigmaLow;
      this.sigmaHigh = sigmaHigh;
    }

    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /**
   * A market of {@code family} with {@code suppliers} suppliers: elasticities per fee type and the
   * noise are drawn from the family's ranges with the seed. Per-transaction fees are unit prices and
   * do not scale with size (b = 0).
   */
  public static MarketShape of(Family family, long seed, int suppliers) {
    SplittableRandom r = new SplittableRandom(seed ^ 0x5EEDF00DL);
    Map<String, Double> b = new LinkedHashMap<>();
    for (String f : PRICED_FEES) {
      double lo = family.bLow;
      double hi = family.bHigh;
      if (family == Family.MIXED) {
        switch (f) {
          case "LICENCE", "OTHER" -> { lo = 0.6; hi = 0.9; }
          case "IMPLEMENTATION" -> { lo = 0.3; hi = 0.5; }
          default -> { lo = 0.0; hi = 0.2; }
        }
      }
      b.put(f, f.equals("TRANSACTION") ? 0.0 : round2(lo + (hi - lo) * r.nextDouble()));
    }
    double sigma = round2(family.sigmaLow + (family.sigmaHigh - family.sigmaLow) * r.nextDouble());
    double outliers = round2(0.03 + 0.03 * r.nextDouble());
    int buyers = (int) Math.round(suppliers * (1.2 + 0.4 * r.nextDouble()));
    return new MarketShape(family.label(), seed, suppliers, buyers, 5, 10, YearMonth.of(2026, 10), 12, 2, b,
        sigma, outliers, 0.05, 0.03);
  }

  /** The smallest market of the fast slice: 40 suppliers, few buyers, each supplier serving 5 to 8 of them. */
  public static MarketShape fast(long seed) {
    MarketShape s = of(Family.MIXED, seed, 40);
    return new MarketShape(s.family(), seed, 40, 48, 5, 8, s.period(), 12, 2, s.elasticity(), s.sigma(),
        0.05, s.largeBuyerShare(), s.missingSizeShare());
  }

  /** The first month of the benchmark window. */
  public YearMonth windowStart() {
    return period.minusMonths(months - 1L);
  }

  /** The first month that has charges at all. */
  public YearMonth firstMonth() {
    return windowStart().minusMonths(historyMonths);
  }

  /** One line for tables: family, seed, suppliers, buyers, sigma and the elasticities. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append(family).append(" seed ").append(seed).append(", ").append(suppliers).append(" suppliers, ")
        .append(buyers).append(" buyers, sigma ").append(String.format(Locale.ROOT, "%.2f", sigma)).append(", b ");
    boolean first = true;
    for (Map.Entry<String, Double> e : elasticity.entrySet()) {
      if (e.getKey().equals("TRANSACTION")) {
        continue;
      }
      sb.append(first ? "" : "/").append(String.format(Locale.ROOT, "%.2f", e.getValue()));
      first = false;
    }
    return sb.append(" (lic/sup/impl/dev/oth)").toString();
  }

  private static double round2(double x) {
    return Math.round(x * 100) / 100.0;
  }
}
