package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of benchmarks.csv ({@code Tables.BENCHMARKS}), component for column in the same order.
 * A suppressed cell ({@code published} false) carries counts only: every price statistic must be
 * null, and the constructor refuses one that is not, so no renderer can ever show it.
 *
 * @param interfaceStandard a standard, or {@link #ALL_STANDARDS} for the roll-up across standards
 * @param maxSupplierShare the largest share of the cell's price points held by one supplier (0-1)
 * @param sizeMeasure the unit of buyer size the sa_ statistics are per (e.g. staff), null without sizes
 * @param suppressedReason why a cell is suppressed (e.g. FEWER_THAN_5_SUPPLIERS), null when published
 */
public record BenchmarkBand(String productCategory, String interfaceStandard, String feeType, String basisClass,
    long nPricePoints, long nSuppliers, long nBuyers, double maxSupplierShare,
    BigDecimal p10, BigDecimal p25, BigDecimal median, BigDecimal p75, BigDecimal p90, BigDecimal mean,
    String sizeMeasure, Long saNPricePoints, BigDecimal saP25, BigDecimal saMedian, BigDecimal saP75,
    boolean published, String suppressedReason, LocalDate windowStart, LocalDate windowEnd) {

  /** interface_standard of the roll-up row across all standards of a category and fee type. */
  public static final String ALL_STANDARDS = "ALL";

  public BenchmarkBand {
    String me = "BenchmarkBand " + productCategory + "/" + interfaceStandard + "/" + feeType + "/" + basisClass;
    new PeerGroup(productCategory, interfaceStandard, feeType, basisClass);
    Checks.count(nPricePoints, me, "n_price_points");
    Checks.count(nSuppliers, me, "n_suppliers");
    Checks.count(nBuyers, me, "n_buyers");
    Checks.required(windowStart, me, "window_start");
    Checks.required(windowEnd, me, "window_end");
    if (published) {
      Checks.required(p10, me, "p10");
      Checks.required(p25, me, "p25");
      Checks.required(median, me, "median");
      Checks.required(p75, me, "p75");
      Checks.required(p90, me, "p90");
      Checks.ordered(me, "p10", p10, "p25", p25);
      Checks.ordered(me, "p25", p25, "median", median);
      Checks.ordered(me, "median", median, "p75", p75);
      Checks.ordered(me, "p75", p75, "p90", p90);
    } else {
      BigDecimal[] stats = {p10, p25, median, p75, p90, mean, saP25, saMedian, saP75};
      String[] names = {"p10", "p25", "median", "p75", "p90", "mean", "sa_p25", "sa_median", "sa_p75"};
      for (int i = 0; i < stats.length; i++) {
        if (stats[i] != null) {
          throw new IllegalArgumentException(me + " is suppressed but carries " + names[i]
              + "; a suppressed cell shows counts only");
        }
      }
    }
  }

  public PeerGroup peerGroup() {
    return new PeerGroup(productCategory, interfaceStandard, feeType, basisClass);
  }

  public boolean isRollUp() {
    return ALL_STANDARDS.equals(interfaceStandard);
  }
}
