package org.fairfee.schemas;

/** The charter rules a line can be flagged under; the codes are part of the output contract. */
public enum RuleCode {
  P1_SPEC_FEE(Severity.BREACH, "Interface specifications are available without charge",
      "a positive SPECIFICATION_ACCESS fee"),
  P2_COOP_FEE(Severity.BREACH, "Suppliers co-operate without charge in developing interfaces",
      "a positive COOPERATION fee"),
  P3_NON_STANDARD(Severity.INFO, "Internationally recognised standards are used where relevant",
      "a PROPRIETARY interface in a category where recognised standards are in use"),
  P4_HIGH_FEE(Severity.REVIEW, "Fees are reasonable and proportionate",
      "the price is far above comparable prices of its peer group, after allowing for the buyer's size"),
  P4_PRICE_DISCRIMINATION(Severity.REVIEW, "Fees are reasonable and proportionate",
      "the supplier charges this buyer far more than it charges comparable buyers for the same interface and fee"),
  P4_PRICE_RISE(Severity.REVIEW, "Fees are reasonable and proportionate",
      "a recurring charge far above what the same contract was charged in earlier months"),
  P5_DUPLICATE(Severity.BREACH, "The NHS is not charged twice",
      "a copy of a charge already made"),
  P5_OVERLAP(Severity.BREACH, "The NHS is not charged twice",
      "a recurring charge whose service period overlaps a period already charged"),
  P5_RECHARGE(Severity.BREACH, "The NHS is not charged twice for development",
      "a DEVELOPMENT fee for an interface whose development was already charged"),
  P5_DUPLICATE_PAYMENT(Severity.REVIEW, "The NHS is not charged twice",
      "two payments of the same amount to one supplier, days apart, under different references"),
  P5_LIKELY_DUPLICATE(Severity.REVIEW, "The NHS is not charged twice",
      "the same net amount as a recent charge, or two to four lines of one invoice that add up to it,"
          + " under a new invoice number");

  private final Severity severity;
  private final String principle;
  private final String condition;

  RuleCode(Severity severity, String principle, String condition) {
    this.severity = severity;
    this.principle = principle;
    this.condition = condition;
  }

  public Severity severity() {
    return severity;
  }

  /** The charter principle, in the charter's words. */
  public String principle() {
    return principle;
  }

  /** The family of the charter principle: "P1" to "P5", the part of the code before the first underscore. */
  public String family() {
    return name().substring(0, name().indexOf('_'));
  }

  /** When a line is flagged, in one plain phrase. */
  public String condition() {
    return condition;
  }
}
