package org.fairfee.reports.model;

/**
 * The settings the month was computed with, for the methodology the outputs print. The jobs fill
 * it from their options, so the text always states the values actually used.
 *
 * @param windowMonths benchmark window: this many months ending with the period
 * @param minSuppliers a cell is published only with at least this many distinct suppliers
 * @param maxSupplierShare and when no supplier holds more than this share of its price points (0-1)
 * @param percentileMethod the percentile estimator, in words (e.g. "R-7, linear interpolation")
 * @param maxModifiedZ P4: a price is far above its peers above this robust modified z-score
 * @param p4MinPricePoints P4: peer groups with fewer price points give no P4 flag
 * @param p4MinSuppliers P4: nor those with fewer distinct suppliers
 * @param duplicateWindowDays P5: same charges invoiced within this many days are one charge made twice
 */
public record Method(int windowMonths, int minSuppliers, double maxSupplierShare, String percentileMethod,
    double maxModifiedZ, int p4MinPricePoints, int p4MinSuppliers, int duplicateWindowDays) {
  public Method {
    Checks.required(percentileMethod, "Method", "percentileMethod");
    if (windowMonths < 1 || minSuppliers < 1 || !(maxSupplierShare > 0 && maxSupplierShare <= 1)) {
      throw new IllegalArgumentException("Method: windowMonths " + windowMonths + ", minSuppliers " + minSuppliers
          + ", maxSupplierShare " + maxSupplierShare + " out of range");
    }
  }
}
