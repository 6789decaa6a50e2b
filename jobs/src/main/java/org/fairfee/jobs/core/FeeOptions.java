package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the reasonable-and-proportionate rules (P4).
 *
 * @param maxModifiedZ a price point is far above its peers when its robust (median/MAD) modified
 *     z-score of the size-adjusted log price exceeds this
 * @param minPricePoints a peer group with fewer price points gives no P4 flag
 * @param minSuppliers nor one with fewer distinct suppliers
 */
public record FeeOptions(double maxModifiedZ, int minPricePoints, int minSuppliers) implements Serializable {
  public FeeOptions {
    if (!(maxModifiedZ > 0)) {
      throw new IllegalArgumentException("fees.maxModifiedZ must be positive, was " + maxModifiedZ);
    }
    if (minPricePoints < 3) {
      throw new IllegalArgumentException("fees.minPricePoints must be at least 3, was " + minPricePoints);
    }
    if (minSuppliers < 1) {
      throw new IllegalArgumentException("fees.minSuppliers must be at least 1, was " + minSuppliers);
    }
  }

  public static FeeOptions defaults() {
    return new FeeOptions(3.5, 10, 5);
  }
}
