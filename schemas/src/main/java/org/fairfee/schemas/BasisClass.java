package org.fairfee.schemas;

/** The basis classes that peer groups are split by; see {@link ChargeBasis#basisClass()}. */
public enum BasisClass {
  ONE_OFF, RECURRING, PER_TRANSACTION
}
