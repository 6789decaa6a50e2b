package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the charging-twice and free-by-charter rules (P1, P2, P3, P5).
 *
 * @param duplicateWindowDays two same-amount charges for the same service period count as one
 *     charge made twice when invoiced within this many days of each other
 * @param nonStandardMinSuppliers a PROPRIETARY interface is flagged (P3, informational) only in a
 *     product category where at least this many distinct suppliers use a recognised standard
 * @param likelyDuplicateWindowDays a charge billed again under a new invoice number, whole or split
 *     over lines of one invoice, is a likely duplicate (P5_LIKELY_DUPLICATE) when invoiced within
 *     this many days of the earlier charge
 */
public record FlagOptions(int duplicateWindowDays, int nonStandardMinSuppliers, int likelyDuplicateWindowDays)
    implements Serializable {
  static final int LIKELY_DUPLICATE_WINDOW_DAYS = 60;

  public FlagOptions {
    if (duplicateWindowDays < 0 || duplicateWindowDays > 3660) {
      throw new IllegalArgumentException("flags.duplicateWindowDays must be between 0 and 3660, was " + duplicateWindowDays);
    }
    if (nonStandardMinSuppliers < 1) {
      throw new IllegalArgumentException("flags.nonStandardMinSuppliers must be at least 1, was " + nonStandardMinSuppliers);
    }
    if (likelyDuplicateWindowDays < 0 || likelyDuplicateWindowDays > 3660) {
      throw new IllegalArgumentException("flags.likelyDuplicateWindowDays must be between 0 and 3660, was "
          + likelyDuplicateWindowDays);
    }
  }

  /** The first two options with the default likely-duplicate window. */
  public FlagOptions(int duplicateWindowDays, int nonStandardMinSuppliers) {
    this(duplicateWindowDays, nonStandardMinSuppliers, LIKELY_DUPLICATE_WINDOW_DAYS);
  }

  public static FlagOptions defaults() {
    return new FlagOptions(60, 2, LIKELY_DUPLICATE_WINDOW_DAYS);
  }
}
