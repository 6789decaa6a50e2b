package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the reasonable-and-proportionate rules (P4).
 *
 * @param maxModifiedZ a price point is far above its peers when its robust (median/MAD) modified
 *     z-score of the size-adjusted log price exceeds this
 * @param minPricePoints a peer group with fewer price points gives no P4 flag; a size fit (of the
 *     whole group or of one buyer type) also needs this many price points with a buyer size
 * @param minSuppliers nor one with fewer distinct suppliers (the same for a size fit)
 * @param minRatio a P4 flag also needs the price to be at least this many times the expected fee,
 *     so that a tight cluster of identical list prices cannot make a small premium look "far above"
 * @param minSizeSlope the fitted size elasticity (slope of log price on log buyer size) is held at
 *     or above this: fees do not fall as buyers grow
 * @param maxSizeSlope and at or below this: fees grow less than proportionally with size
 * @param discriminationMaxModifiedZ P4_PRICE_DISCRIMINATION when a buyer's modified z-score among
 *     the same supplier's buyers of the same product and fee exceeds this
 * @param discriminationMinOtherBuyers the supplier must charge at least this many other buyers of
 *     the same product and fee before one buyer can be compared with them
 * @param priceRiseRatio P4_PRICE_RISE when a recurring line's annualised price is at least this many
 *     times the median annualised price of the same contract's lines in earlier months of the window
 * @param priceRiseMinEarlierLines and the contract has at least this many such earlier lines
 */
public record FeeOptions(
    double maxModifiedZ,
    int minPricePoints,
    int minSuppliers,
    double minRatio,
    double minSizeSlope,
    double maxSizeSlope,
    double discriminationMaxModifiedZ,
    int discriminationMinOtherBuyers,
    double priceRiseRatio,
    int priceRiseMinEarlierLines) implements Serializable {

  public FeeOptions {
    if (!(maxModifiedZ > 0) || Double.isInfinite(maxModifiedZ)) {
      throw new IllegalArgumentException("fees.maxModifiedZ must be a positive number, was " + maxModifiedZ);
    }
    if (minPricePoints < 3) {
      throw new IllegalArgumentException("fees.minPricePoints must be at least 3, was " + minPricePoints);
    }
    if (minSuppliers < 1) {
      throw new IllegalArgumentException("fees.minSuppliers must be at least 1, was " + minSuppliers);
    }
    if (!(minRatio >= 1) || Double.isInfinite(minRatio)) {
      throw new IllegalArgumentException("fees.minRatio must be a number of at least 1, was " + minRatio);
    }
    if (!(minSizeSlope >= 0 && minSizeSlope <= maxSizeSlope && maxSizeSlope <= 2)) {
      throw new IllegalArgumentException("fees.minSizeSlope and fees.maxSizeSlope must satisfy"
          + " 0 <= minSizeSlope <= maxSizeSlope <= 2, were " + minSizeSlope + " and " + maxSizeSlope);
    }
    if (!(discriminationMaxModifiedZ > 0) || Double.isInfinite(discriminationMaxModifiedZ)) {
      throw new IllegalArgumentException("fees.discriminationMaxModifiedZ must be a positive number, was "
          + discriminationMaxModifiedZ);
    }
    if (discriminationMinOtherBuyers < 2) {
      throw new IllegalArgumentException("fees.discriminationMinOtherBuyers must be at least 2, was "
          + discriminationMinOtherBuyers);
    }
    if (!(priceRiseRatio > 1) || Double.isInfinite(priceRiseRatio)) {
      throw new IllegalArgumentException("fees.priceRiseRatio must be a number above 1, was " + priceRiseRatio);
    }
    if (priceRiseMinEarlierLines < 1) {
      throw new IllegalArgumentException("fees.priceRiseMinEarlierLines must be at least 1, was "
          + priceRiseMinEarlierLines);
    }
  }

  public static FeeOptions defaults() {
    return new FeeOptions(3.5, 10, 5, 2.0, 0.0, 1.0, 3.5, 3, 3.0, 2);
  }

  /** These options with other peer-group minimums (for small fixtures and what-if runs). */
  public FeeOptions withMinimums(int pricePoints, int suppliers) {
    return new FeeOptions(maxModifiedZ, pricePoints, suppliers, minRatio, minSizeSlope, maxSizeSlope,
        discriminationMaxModifiedZ, discriminationMinOtherBuyers, priceRiseRatio, priceRiseMinEarlierLines);
  }
}
