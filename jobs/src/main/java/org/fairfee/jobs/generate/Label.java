package org.fairfee.jobs.generate;

import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.RuleCode;

/**
 * What a generated line was made to be, as written in labels.csv: a rule code that should flag it,
 * a hard negative that no rule should flag, or (see {@link #badRow}) a row the validator must
 * quarantine. A line with no label is an ordinary charge that no rule should flag.
 */
public enum Label {
  P1_SPEC_FEE(RuleCode.P1_SPEC_FEE),
  P2_COOP_FEE(RuleCode.P2_COOP_FEE),
  P4_HIGH_FEE(RuleCode.P4_HIGH_FEE),
  P4_PRICE_DISCRIMINATION(RuleCode.P4_PRICE_DISCRIMINATION),
  P5_DUPLICATE(RuleCode.P5_DUPLICATE),
  P5_OVERLAP(RuleCode.P5_OVERLAP),
  P5_RECHARGE(RuleCode.P5_RECHARGE),
  /** One of a contract's equal monthly invoices: the normal case, not charging twice. */
  NEG_MONTHLY_REPEAT(null),
  /** The same amount on the same day to the same buyer, for a different interface. */
  NEG_SAME_DAY_OTHER_INTERFACE(null),
  /** A copy of a charge that a credit note reverses in full. */
  NEG_CREDITED_COPY(null),
  /** The credit note that reverses such a copy. */
  NEG_CREDIT_NOTE(null),
  /** The same implementation fee charged to a second buyer of the same size: legitimate per buyer. */
  NEG_IMPLEMENTATION_TWO_BUYERS(null),
  /** One of the largest buyers paying a high fee that is right for its size. */
  NEG_LARGE_BUYER(null);

  /** Prefix of the label of a deliberately invalid row, followed by its reason code. */
  public static final String BAD_ROW_PREFIX = "BAD_ROW:";

  private final RuleCode rule;

  Label(RuleCode rule) {
    this.rule = rule;
  }

  /** The rule that should flag a line with this label; null for a hard negative. */
  public RuleCode rule() {
    return rule;
  }

  /** The label text of a row made to be quarantined with {@code code}. */
  public static String badRow(ReasonCode code) {
    return BAD_ROW_PREFIX + code.name();
  }
}
