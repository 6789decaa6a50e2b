package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.Severity;

/**
 * One row of flags.csv ({@code Tables.FLAGS}), component for column in the same order: one flagged
 * line and rule. rule must be a {@link RuleCode} name and severity a {@link Severity} (any case).
 */
public record Flag(String submissionId, int lineNo, String supplierRef, String buyerRef, String rule,
    String severity, BigDecimal netAmountGbp, BigDecimal amountAtStakeGbp, String relatedSubmissionId,
    Integer relatedLineNo, String evidence, BigDecimal expectedFeeGbp, BigDecimal bandLowGbp,
    BigDecimal bandHighGbp, Double ratio, Double score, LocalDate invoiceDate, String productCategory,
    String interfaceStandard, String feeType, String interfaceRef, String invoiceRef) {

  /** Register order: pounds at stake, largest first, then submission_id, line_no and rule. */
  public static final Comparator<Flag> BY_AMOUNT_AT_STAKE = Comparator
      .comparing(Flag::amountAtStakeGbp, Comparator.reverseOrder())
      .thenComparing(Flag::submissionId)
      .thenComparingInt(Flag::lineNo)
      .thenComparing(Flag::rule);

  public Flag {
    String me = "Flag " + submissionId + ":" + lineNo + " " + rule;
    Checks.required(submissionId, me, "submission_id");
    if (lineNo < 1) {
      throw new IllegalArgumentException(me + ": line_no must be >= 1, was " + lineNo);
    }
    Checks.required(supplierRef, me, "supplier_ref");
    Checks.required(buyerRef, me, "buyer_ref");
    Checks.required(rule, me, "rule");
    Checks.required(severity, me, "severity");
    Checks.required(netAmountGbp, me, "net_amount_gbp");
    Checks.required(amountAtStakeGbp, me, "amount_at_stake_gbp");
    Checks.required(evidence, me, "evidence");
    Checks.required(invoiceDate, me, "invoice_date");
    Checks.required(productCategory, me, "product_category");
    Checks.required(interfaceStandard, me, "interface_standard");
    Checks.required(feeType, me, "fee_type");
    ruleCode(rule, me);
    severityOf(severity, me);
  }

  public RuleCode ruleCode() {
    return RuleCode.valueOf(rule);
  }

  public Severity severityLevel() {
    return Severity.valueOf(severity.toUpperCase(Locale.ROOT));
  }

  private static void ruleCode(String rule, String me) {
    try {
      RuleCode.valueOf(rule);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(me + ": rule " + rule + " is not a RuleCode", e);
    }
  }

  private static void severityOf(String severity, String me) {
    try {
      Severity.valueOf(severity.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(me + ": severity " + severity + " is not one of breach, review, info", e);
    }
  }
}
