package org.fairfee.reports.model;

import java.math.BigDecimal;

/** Fail-fast checks for the records: a bad value is a bug in the caller, named in the message. */
final class Checks {
  private Checks() {}

  static <T> T required(T value, String record, String column) {
    if (value == null) {
      throw new IllegalArgumentException(record + ": " + column + " is required but was null");
    }
    return value;
  }

  static long count(long value, String record, String column) {
    if (value < 0) {
      throw new IllegalArgumentException(record + ": " + column + " must be >= 0, was " + value);
    }
    return value;
  }

  static void ordered(String record, String lowName, BigDecimal low, String highName, BigDecimal high) {
    if (low != null && high != null && low.compareTo(high) > 0) {
      throw new IllegalArgumentException(record + ": " + lowName + " " + low.toPlainString()
          + " is above " + highName + " " + high.toPlainString());
    }
  }
}
