package org.fairfee.jobs.generate;

import java.time.YearMonth;

/**
 * Settings of {@code fairfee generate}, with their defaults in one place.
 *
 * @param seed the seed every random choice derives from; same seed and rows give the same bytes
 * @param rows about how many charge lines to write in all (the total lands within a few percent)
 * @param months how many months of submissions, ending with {@code lastMonth}
 * @param lastMonth the latest month (a fixed month by default, never today's)
 * @param suppliers how many suppliers; 0 picks a number from {@code rows} (at least 25)
 * @param threads worker threads; the output does not depend on it
 * @param injection how often each labelled pattern is planted
 */
public record GenerateOptions(long seed, long rows, int months, YearMonth lastMonth, int suppliers, int threads,
    Injection injection) {

  public static final long MIN_ROWS = 1000;
  public static final long MAX_ROWS = 1_000_000_000L;
  public static final int DEFAULT_MONTHS = 12;
  public static final YearMonth DEFAULT_LAST_MONTH = YearMonth.of(2026, 10);
  public static final int MIN_AUTO_SUPPLIERS = 25;
  public static final int MAX_AUTO_SUPPLIERS = 500;

  public GenerateOptions {
    if (rows < MIN_ROWS || rows > MAX_ROWS) {
      throw new IllegalArgumentException("rows must be between " + MIN_ROWS + " and " + MAX_ROWS + ", was " + rows);
    }
    if (months < 1 || months > 60) {
      throw new IllegalArgumentException("months must be between 1 and 60, was " + months);
    }
    if (lastMonth == null) {
      throw new IllegalArgumentException("lastMonth is required");
    }
    if (lastMonth.getYear() < 1950 || lastMonth.getYear() > 2090) {
      throw new IllegalArgumentException("lastMonth must lie between 1950 and 2090, was " + lastMonth);
    }
    if (suppliers < 0 || suppliers > rows / 20) {
      throw new IllegalArgumentException("suppliers must be between 1 and rows / 20 (" + rows / 20 + "), was " + suppliers);
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be between 1 and 256, was " + threads);
    }
    if (injection == null) {
      injection = Injection.defaults();
    }
  }

  /** The defaults for a seed and a row count: 12 months ending 2026-10, suppliers from rows, all cores. */
  public static GenerateOptions defaults(long seed, long rows) {
    return new GenerateOptions(seed, rows, DEFAULT_MONTHS, DEFAULT_LAST_MONTH, 0,
        Math.max(1, Math.min(256, Runtime.getRuntime().availableProcessors())), Injection.defaults());
  }

  public GenerateOptions withMonths(int n) {
    return new GenerateOptions(seed, rows, n, lastMonth, suppliers, threads, injection);
  }

  public GenerateOptions withLastMonth(YearMonth m) {
    return new GenerateOptions(seed, rows, months, m, suppliers, threads, injection);
  }

  public GenerateOptions withSuppliers(int n) {
    return new GenerateOptions(seed, rows, months, lastMonth, n, threads, injection);
  }

  public GenerateOptions withThreads(int n) {
    return new GenerateOptions(seed, rows, months, lastMonth, suppliers, n, injection);
  }

  public GenerateOptions withInjection(Injection i) {
    return new GenerateOptions(seed, rows, months, lastMonth, suppliers, threads, i);
  }

  /** The number of suppliers to make: as given, else about 8 x sqrt(rows / 1000), between 25 and 500. */
  public int supplierCount() {
    if (suppliers > 0) {
      return suppliers;
    }
    long auto = Math.round(8 * Math.sqrt(rows / 1000.0));
    return (int) Math.max(MIN_AUTO_SUPPLIERS, Math.min(MAX_AUTO_SUPPLIERS, Math.min(auto, rows / 20)));
  }

  /** The first month of the data. */
  public YearMonth firstMonth() {
    return lastMonth.minusMonths(months - 1L);
  }

  /**
   * How often each pattern is planted. Rates of cases are per charge line of a month: 0.008 gives a
   * month of 2,500 lines 20 cases, so the last month of a 30,000-row sample carries at least 15 of
   * each positive rule. Shares are of suppliers, buyers or lines as named.
   *
   * @param duplicate P5_DUPLICATE copies per line
   * @param overlap P5_OVERLAP charges per line
   * @param recharge P5_RECHARGE development fees per line
   * @param specFee P1_SPEC_FEE fees per line
   * @param coopFee P2_COOP_FEE fees per line
   * @param highFee over-priced price points (P4_HIGH_FEE only) that bill every month, per line of a month
   * @param discrimination price points charged 4-10x the supplier's other buyers (P4_PRICE_DISCRIMINATION
   *     and P4_HIGH_FEE) that bill every month, per line of a month
   * @param creditedCopy copies credited back in full (NEG_CREDITED_COPY and NEG_CREDIT_NOTE) per line
   * @param monthlyRepeat monthly contracts labelled NEG_MONTHLY_REPEAT, per line of a month
   * @param sameDayOtherInterface pairs of equal monthly charges on two interfaces, per line of a month
   * @param implementationTwoBuyers equal implementation fees to a second buyer per line
   * @param largeBuyerShare share of each buyer type's largest buyers whose lines are NEG_LARGE_BUYER
   * @param badRows deliberately invalid rows per line (at least one of each kind in every run)
   * @param eurSuppliers share of suppliers that invoice in EUR (at least one)
   * @param vatIncludedSuppliers share of suppliers whose amounts include VAT (at least one)
   * @param lineBreaks share of descriptions that hold a line break
   */
  public record Injection(double duplicate, double overlap, double recharge, double specFee, double coopFee,
      double highFee, double discrimination, double creditedCopy, double monthlyRepeat,
      double sameDayOtherInterface, double implementationTwoBuyers, double largeBuyerShare, double badRows,
      double eurSuppliers, double vatIncludedSuppliers, double lineBreaks) {

    public Injection {
      double[] all = {duplicate, overlap, recharge, specFee, coopFee, highFee, discrimination, creditedCopy,
          monthlyRepeat, sameDayOtherInterface, implementationTwoBuyers, largeBuyerShare, badRows, eurSuppliers,
          vatIncludedSuppliers, lineBreaks};
      for (double d : all) {
        if (!(d >= 0 && d <= 0.2)) {
          throw new IllegalArgumentException("every injection rate must be between 0 and 0.2, was " + d);
        }
      }
    }

    public static Injection defaults() {
      return new Injection(0.008, 0.008, 0.008, 0.007, 0.007, 0.004, 0.007, 0.004, 0.004, 0.003, 0.004,
          0.015, 0.003, 0.06, 0.12, 0.005);
    }

    /** Extra lines that the injected cases add, per regular line. */
    double extraLinesPerLine() {
      return duplicate + overlap + recharge + specFee + coopFee + 2 * creditedCopy + implementationTwoBuyers
          + badRows;
    }
  }
}
