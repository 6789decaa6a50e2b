package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.fairfee.schemas.RuleCode;

/** How many lines of the month one rule flagged, and the pounds at stake on them. */
public record RuleTotal(RuleCode rule, long flags, BigDecimal amountAtStakeGbp) {
  public RuleTotal {
    Checks.required(rule, "RuleTotal", "rule");
    Checks.count(flags, "RuleTotal " + rule, "flags");
    Checks.required(amountAtStakeGbp, "RuleTotal " + rule, "amount_at_stake_gbp");
  }

  /** One total per rule, every rule in RuleCode order (zero where nothing was flagged). */
  public static List<RuleTotal> of(List<Flag> flags) {
    Map<RuleCode, long[]> counts = new EnumMap<>(RuleCode.class);
    Map<RuleCode, BigDecimal> sums = new EnumMap<>(RuleCode.class);
    for (Flag f : flags) {
      counts.computeIfAbsent(f.ruleCode(), r -> new long[1])[0]++;
      sums.merge(f.ruleCode(), f.countedAtStakeGbp(), BigDecimal::add);
    }
    List<RuleTotal> out = new ArrayList<>();
    for (RuleCode r : RuleCode.values()) {
      out.add(new RuleTotal(r, counts.containsKey(r) ? counts.get(r)[0] : 0, sums.getOrDefault(r, BigDecimal.ZERO)));
    }
    return out;
  }
}
