package org.fairfee.schemas;

/** How the amount is charged (contract column charge_basis) and how it is made comparable. */
public enum ChargeBasis {
  ONE_OFF(BasisClass.ONE_OFF, 1),
  ANNUAL(BasisClass.RECURRING, 1),
  QUARTERLY(BasisClass.RECURRING, 4),
  MONTHLY(BasisClass.RECURRING, 12),
  PER_TRANSACTION(BasisClass.PER_TRANSACTION, 1);

  private final BasisClass basisClass;
  private final int annualFactor;

  ChargeBasis(BasisClass basisClass, int annualFactor) {
    this.basisClass = basisClass;
    this.annualFactor = annualFactor;
  }

  /** The peer-group class: ONE_OFF, RECURRING (annualised) or PER_TRANSACTION (unit price). */
  public BasisClass basisClass() {
    return basisClass;
  }

  /** Multiplier that turns one invoice of this basis into a yearly amount (1 where not recurring). */
  public int annualFactor() {
    return annualFactor;
  }
}
