package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the benchmark bands and their disclosure control.
 *
 * @param windowMonths the benchmark window: this many months ending with the period
 * @param minSuppliers a cell is published only with at least this many distinct suppliers
 * @param maxSupplierShare and only when no supplier has more than this share of its price points
 */
public record BandOptions(int windowMonths, int minSuppliers, double maxSupplierShare) implements Serializable {
  public BandOptions {
    if (windowMonths < 1 || windowMonths > 120) {
      throw new IllegalArgumentException("bands.windowMonths must be between 1 and 120, was " + windowMonths);
    }
    if (minSuppliers < 1) {
      throw new IllegalArgumentException("bands.minSuppliers must be at least 1, was " + minSuppliers);
    }
    if (!(maxSupplierShare > 0 && maxSupplierShare <= 1)) {
      throw new IllegalArgumentException("bands.maxSupplierShare must be in (0, 1], was " + maxSupplierShare);
    }
  }

  public static BandOptions defaults() {
    return new BandOptions(12, 5, 0.25);
  }
}
