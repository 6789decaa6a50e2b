package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Locale;
import org.fairfee.schemas.Decision;
import org.fairfee.schemas.FlagId;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.Severity;

/**
 * One row of flags.csv ({@code Tables.REVIEWED_FLAGS}), component for column in the same order: one
 * flagged line and rule, its stable {@link FlagId flag_id}, and its review: the decision in force
 * (null while open), pounds recovered (RECOVERED only), the day decided, the month that raised it and
 * its age in months. rule must be a {@link RuleCode} name and severity a {@link Severity} (any case).
 */
public record Flag(String flagId, String submissionId, int lineNo, String supplierRef, String buyerRef, String rule,
    String severity, BigDecimal netAmountGbp, BigDecimal amountAtStakeGbp, String relatedSubmissionId,
    Integer relatedLineNo, String evidence, BigDecimal expectedFeeGbp, BigDecimal bandLowGbp,
    BigDecimal bandHighGbp, Double ratio, Double score, LocalDate invoiceDate, String productCategory,
    String interfaceStandard, String feeType, String interfaceRef, String invoiceRef, String decision,
    BigDecimal recoveredGbp, LocalDate decidedOn, String raisedPeriod, int ageMonths) {

  /** Register order: pounds at stake, largest first, then submission_id, line_no and rule. */
  public static final Comparator<Flag> BY_AMOUNT_AT_STAKE = Comparator
      .comparing(Flag::amountAtStakeGbp, Comparator.reverseOrder())
      .thenComparing(Flag::submissionId)
      .thenComparingInt(Flag::lineNo)
      .thenComparing(Flag::rule);

  /**
   * An open flag of the month, as the rules raise it (the columns of {@code Tables.FLAGS}): its id
   * derived from rule, submission_id and line_no, no decision, raised in the month of its invoice date.
   */
  public Flag(String submissionId, int lineNo, String supplierRef, String buyerRef, String rule,
      String severity, BigDecimal netAmountGbp, BigDecimal amountAtStakeGbp, String relatedSubmissionId,
      Integer relatedLineNo, String evidence, BigDecimal expectedFeeGbp, BigDecimal bandLowGbp,
      BigDecimal bandHighGbp, Double ratio, Double score, LocalDate invoiceDate, String productCategory,
      String interfaceStandard, String feeType, String interfaceRef, String invoiceRef) {
    this(FlagId.of(rule, submissionId, lineNo), submissionId, lineNo, supplierRef, buyerRef, rule, severity,
        netAmountGbp, amountAtStakeGbp, relatedSubmissionId, relatedLineNo, evidence, expectedFeeGbp, bandLowGbp,
        bandHighGbp, ratio, score, invoiceDate, productCategory, interfaceStandard, feeType, interfaceRef, invoiceRef,
        null, null, null, invoiceDate == null ? null : YearMonth.from(invoiceDate).toString(), 0);
  }

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
    Checks.required(flagId, me, "flag_id");
    Checks.required(raisedPeriod, me, "raised_period");
    if (ageMonths < 0) {
      throw new IllegalArgumentException(me + ": age_months must be >= 0, was " + ageMonths);
    }
    if (decision != null && Decision.parse(decision) == null) {
      throw new IllegalArgumentException(me + ": decision " + decision + " is not one of CONFIRMED, DISMISSED, RECOVERED");
    }
    if ((recoveredGbp != null) != Decision.RECOVERED.name().equals(decision)) {
      throw new IllegalArgumentException(me + ": recovered_gbp goes with a RECOVERED decision only, was "
          + recoveredGbp + " with " + decision);
    }
  }

  /** The decision in force, or null while the flag is open. */
  public Decision decided() {
    return decision == null ? null : Decision.valueOf(decision);
  }

  /** No decision yet. */
  public boolean open() {
    return decision == null;
  }

  public boolean dismissed() {
    return Decision.DISMISSED.name().equals(decision);
  }

  /**
   * The pounds at stake that count in every total: the flag's amount, or zero once it is
   * DISMISSED (it stays listed, with its decision, but a wrong flag puts no money at stake).
   */
  public BigDecimal countedAtStakeGbp() {
    return dismissed() ? BigDecimal.ZERO : amountAtStakeGbp;
  }

  /** This flag with a decision (null: open) in force; the rest unchanged. */
  public Flag withDecision(String decision, BigDecimal recoveredGbp, LocalDate decidedOn) {
    return new Flag(flagId, submissionId, lineNo, supplierRef, buyerRef, rule, severity, netAmountGbp,
        amountAtStakeGbp, relatedSubmissionId, relatedLineNo, evidence, expectedFeeGbp, bandLowGbp, bandHighGbp, ratio,
        score, invoiceDate, productCategory, interfaceStandard, feeType, interfaceRef, invoiceRef, decision,
        recoveredGbp, decidedOn, raisedPeriod, ageMonths);
  }

  /** This flag as raised by the run for raisedPeriod, seen from a run ageMonths later. */
  public Flag raised(String raisedPeriod, int ageMonths) {
    return new Flag(flagId, submissionId, lineNo, supplierRef, buyerRef, rule, severity, netAmountGbp,
        amountAtStakeGbp, relatedSubmissionId, relatedLineNo, evidence, expectedFeeGbp, bandLowGbp, bandHighGbp, ratio,
        score, invoiceDate, productCategory, interfaceStandard, feeType, interfaceRef, invoiceRef, decision,
        recoveredGbp, decidedOn, raisedPeriod, ageMonths);
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
