package org.fairfee.jobs.fees;

/** How price points are compared (column method of the group report and the scores). */
public enum FitMethod {
  /** Residual from a Theil–Sen fit of ln(price) on ln(buyer_size): judged against buyers of its size. */
  SIZE_ADJUSTED,
  /** Fallback: ln(price) against the median of its peers, because the size is missing or too few peers give one. */
  UNADJUSTED
}
