package org.fairfee.jobs.fees;

/** Whether a peer group was assessed by the P4 rules and, if not, why (column status of the group report). */
public enum PeerGroupStatus {
  /** Enough price points and suppliers: its price points are scored and may be flagged. */
  ASSESSED,
  /** Fewer price points than fees.minPricePoints: no P4 flag. */
  TOO_FEW_PRICE_POINTS,
  /** Enough price points but fewer distinct suppliers than fees.minSuppliers: no P4 flag. */
  TOO_FEW_SUPPLIERS
}
