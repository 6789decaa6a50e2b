package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the charging-twice and free-by-charter rules (P1, P2, P3, P5).
 *
 * @param duplicateWindowDays two same-amount charges for the same service period count as one
 *     charge made twice when invoiced within this many days of each other
 */
public record FlagOptions(int duplicateWindowDays) implements Serializable {
  public FlagOptions {
    if (duplicateWindowDays < 0 || duplicateWindowDays > 3660) {
      throw new IllegalArgumentException("flags.duplicateWindowDays must be between 0 and 3660, was " + duplicateWindowDays);
    }
  }

  public static FlagOptions defaults() {
    return new FlagOptions(60);
  }
}
