package org.fairfee.reports;

import org.fairfee.schemas.RuleCode;

/** What a supplier can do about a flag of each rule, for the private statements. */
public final class Guidance {
  private Guidance() {}

  /** One or two plain sentences per rule; every rule has one (the switch is exhaustive). */
  public static String whatYouCanDo(RuleCode rule) {
    return switch (rule) {
      case P1_SPEC_FEE -> "Remove the charge for specification access and credit the buyer: interface"
          + " specifications are to be available without charge.";
      case P2_COOP_FEE -> "Remove the charge for co-operating on the interface and credit the buyer:"
          + " co-operation in developing interfaces is to be without charge.";
      case P3_NON_STANDARD -> "For information: where a recognised standard exists for this product, offer"
          + " an interface built on it (for example FHIR UK Core or HL7 v2).";
      case P4_HIGH_FEE -> "Explain the price to the buyer (scope, volume, service level), or review it"
          + " against the published band for the peer group.";
      case P4_PRICE_DISCRIMINATION -> "Explain why this buyer pays more than your comparable customers for the"
          + " same interface and fee, or bring the price into line.";
      case P4_PRICE_RISE -> "Explain to the buyer why this charge rose so far above what the same contract cost"
          + " before (a change of scope or volume), or correct it.";
      case P5_DUPLICATE -> "Check the two invoices named in the evidence; if the charge was made twice, issue a"
          + " credit note for the copy.";
      case P5_OVERLAP -> "Check the service periods of the invoices named in the evidence; if a period was"
          + " charged twice, credit the overlap.";
      case P5_RECHARGE -> "Check whether the development of this interface was already paid for; if so,"
          + " credit this charge.";
      case P5_LIKELY_DUPLICATE -> "Check the line named in the evidence: if this charge bills again what was already"
          + " charged under another invoice number, issue a credit note for it; if not, tell the buyer what"
          + " distinguishes the two.";
      case P5_DUPLICATE_PAYMENT -> "Check with the buyer that both payments were due; if not, refund one.";
    };
  }
}
