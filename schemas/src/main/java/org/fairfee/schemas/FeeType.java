package org.fairfee.schemas;

/** What the fee pays for (contract column fee_type). */
public enum FeeType {
  LICENCE, IMPLEMENTATION, SUPPORT, DEVELOPMENT, SPECIFICATION_ACCESS, COOPERATION, TRANSACTION, OTHER;

  /** Fees the charter says should be nil; they are flagged (P1, P2), never benchmarked. */
  public boolean isFreeByCharter() {
    return this == SPECIFICATION_ACCESS || this == COOPERATION;
  }
}
