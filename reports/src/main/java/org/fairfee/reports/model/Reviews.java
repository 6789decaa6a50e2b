package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fairfee.schemas.Decision;
import org.fairfee.schemas.RuleCode;

/**
 * Where the review of flags stands, without names: flags and pounds open, confirmed, dismissed and
 * recovered, the pounds recovered, and per rule the share of decided flags that were confirmed (the
 * rule's measured precision). Computed over every flag raised up to and including the month.
 *
 * @param statuses one per state, in the order open, CONFIRMED, DISMISSED, RECOVERED
 * @param recoveredGbp pounds recovered on RECOVERED flags
 * @param byRule every rule in RuleCode order, with its decided and confirmed flags (zero where none)
 */
public record Reviews(List<Status> statuses, BigDecimal recoveredGbp, List<RulePrecision> byRule) {

  /** The flags in one state and the pounds they were flagged for (amount at stake when raised). */
  public record Status(String state, long flags, BigDecimal amountAtStakeGbp) {}

  /** How many of a rule's flags were decided, and how many of those confirmed (CONFIRMED or RECOVERED). */
  public record RulePrecision(RuleCode rule, long decided, long confirmed) {
    /** confirmed / decided, or null when nothing was decided. */
    public Double share() {
      return decided == 0 ? null : (double) confirmed / decided;
    }
  }

  public static final String OPEN = "open";

  public Reviews {
    Checks.required(statuses, "Reviews", "statuses");
    Checks.required(recoveredGbp, "Reviews", "recovered_gbp");
    Checks.required(byRule, "Reviews", "by_rule");
    statuses = List.copyOf(statuses);
    byRule = List.copyOf(byRule);
  }

  public static Reviews of(List<Flag> flags) {
    Map<String, long[]> counts = new java.util.LinkedHashMap<>();
    Map<String, BigDecimal> sums = new java.util.LinkedHashMap<>();
    List<String> states = new ArrayList<>(List.of(OPEN));
    for (Decision d : Decision.values()) {
      states.add(d.name());
    }
    for (String s : states) {
      counts.put(s, new long[1]);
      sums.put(s, BigDecimal.ZERO);
    }
    Map<RuleCode, long[]> rules = new EnumMap<>(RuleCode.class);
    for (RuleCode r : RuleCode.values()) {
      rules.put(r, new long[2]);
    }
    BigDecimal recovered = BigDecimal.ZERO;
    for (Flag f : flags) {
      String s = f.open() ? OPEN : f.decision();
      counts.get(s)[0]++;
      sums.merge(s, f.amountAtStakeGbp(), BigDecimal::add);
      if (!f.open()) {
        long[] r = rules.get(f.ruleCode());
        r[0]++;
        r[1] += f.decided().confirms() ? 1 : 0;
      }
      if (f.recoveredGbp() != null) {
        recovered = recovered.add(f.recoveredGbp());
      }
    }
    List<Status> out = new ArrayList<>();
    for (String s : states) {
      out.add(new Status(s, counts.get(s)[0], sums.get(s)));
    }
    List<RulePrecision> precision = new ArrayList<>();
    rules.forEach((r, v) -> precision.add(new RulePrecision(r, v[0], v[1])));
    return new Reviews(out, recovered, precision);
  }

  /** Flags with a decision. */
  public long decided() {
    return statuses.stream().filter(s -> !s.state().equals(OPEN)).mapToLong(Status::flags).sum();
  }
}
