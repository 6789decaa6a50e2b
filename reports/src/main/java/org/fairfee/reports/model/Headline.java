package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * The month's headline numbers, all counts and sums without names.
 *
 * @param submissions distinct submission_ids with rows in the month
 * @param rows accepted charge lines in the month
 * @param suppliers distinct suppliers with rows in the month
 * @param buyers distinct buyers with rows in the month
 * @param reviewedGbp net pounds (ex VAT) of the month's charge lines
 * @param flaggedByRule flags and pounds at stake per rule, see {@link RuleTotal#of}
 */
public record Headline(long submissions, long rows, long suppliers, long buyers, BigDecimal reviewedGbp,
    List<RuleTotal> flaggedByRule) {
  public Headline {
    Checks.count(submissions, "Headline", "submissions");
    Checks.count(rows, "Headline", "rows");
    Checks.count(suppliers, "Headline", "suppliers");
    Checks.count(buyers, "Headline", "buyers");
    Checks.required(reviewedGbp, "Headline", "reviewed_gbp");
    flaggedByRule = Checks.required(flaggedByRule, "Headline", "flagged_by_rule").stream()
        .sorted(Comparator.comparing(RuleTotal::rule)).toList();
  }

  /** Flags raised in the month, over all rules. */
  public long flags() {
    return flaggedByRule.stream().mapToLong(RuleTotal::flags).sum();
  }
}
