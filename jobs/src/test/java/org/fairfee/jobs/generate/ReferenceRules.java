package org.fairfee.jobs.generate;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fairfee.jobs.generate.GeneratedSample.Charge;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.RuleCode;

/**
 * A plain, slow, literal reading of the contract's P1, P2 and P5 definitions, for checking that the
 * generator's labels are exactly the lines those rules should flag (nothing planted by accident,
 * nothing planted wrongly). Not the pipeline's implementation; small samples only.
 */
final class ReferenceRules {
  private ReferenceRules() {}

  static final int DUPLICATE_WINDOW_DAYS = 60;

  /** One expected flag: the line, the rule and the related original (null for P1, P2). */
  record Flag(String key, RuleCode rule, String related) {}

  static List<Flag> flags(Map<String, Charge> all) {
    List<Charge> rows = new ArrayList<>(all.values());
    rows.sort((a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0);
    Set<String> credited = fullyCredited(rows);
    Map<String, List<Charge>> byKey = new TreeMap<>();
    Map<String, List<Charge>> byInterface = new TreeMap<>();
    for (Charge c : rows) {
      byKey.computeIfAbsent(c.supplier() + "|" + c.buyer() + "|" + c.productKey() + "|" + c.fee(),
          k -> new ArrayList<>()).add(c);
      if (c.iface() != null) {
        byInterface.computeIfAbsent(c.supplier() + "|" + c.iface(), k -> new ArrayList<>()).add(c);
      }
    }
    List<Flag> out = new ArrayList<>();
    for (Charge c : rows) {
      if (c.amount().signum() > 0 && FeeType.SPECIFICATION_ACCESS.name().equals(c.fee())) {
        out.add(new Flag(c.key(), RuleCode.P1_SPEC_FEE, null));
      }
      if (c.amount().signum() > 0 && FeeType.COOPERATION.name().equals(c.fee())) {
        out.add(new Flag(c.key(), RuleCode.P2_COOP_FEE, null));
      }
    }
    Set<String> duplicates = new HashSet<>();
    for (List<Charge> group : byKey.values()) {
      for (int j = 0; j < group.size(); j++) {
        Charge b = group.get(j);
        if (b.credit()) {
          continue;
        }
        Charge original = null;
        for (int i = 0; i < j; i++) {
          if (sameCharge(group.get(i), b)) {
            original = group.get(i);
            break;
          }
        }
        if (original != null) {
          duplicates.add(b.key());
          if (!credited.contains(b.key())) {
            out.add(new Flag(b.key(), RuleCode.P5_DUPLICATE, original.key()));
          }
        }
      }
    }
    for (List<Charge> group : byKey.values()) {
      for (int j = 0; j < group.size(); j++) {
        Charge b = group.get(j);
        if (!recurring(b) || b.credit() || duplicates.contains(b.key()) || credited.contains(b.key())) {
          continue;
        }
        for (int i = 0; i < j; i++) {
          Charge a = group.get(i);
          if (recurring(a) && !a.credit() && !credited.contains(a.key()) && !a.start().isAfter(b.end())
              && !b.start().isAfter(a.end())) {
            out.add(new Flag(b.key(), RuleCode.P5_OVERLAP, a.key()));
            break;
          }
        }
      }
    }
    for (List<Charge> group : byInterface.values()) {
      Charge first = null;
      for (Charge c : group) {
        if (!FeeType.DEVELOPMENT.name().equals(c.fee()) || c.credit()) {
          continue;
        }
        if (first == null) {
          first = c;
        } else {
          out.add(new Flag(c.key(), RuleCode.P5_RECHARGE, first.key()));
        }
      }
    }
    out.sort(Comparator.comparing(Flag::key).thenComparing(f -> f.rule().name()));
    return out;
  }

  static boolean recurring(Charge c) {
    return ChargeBasis.valueOf(c.basis()).basisClass() == BasisClass.RECURRING && c.start() != null;
  }

  /** Same supplier, buyer, interface, fee and net amount; same invoice number or same period; close together. */
  static boolean sameCharge(Charge a, Charge b) {
    if (a.credit() || b.credit() || a.net().compareTo(b.net()) != 0) {
      return false;
    }
    if (Math.abs(ChronoUnit.DAYS.between(a.date(), b.date())) > DUPLICATE_WINDOW_DAYS) {
      return false;
    }
    boolean sameRef = a.refNorm() != null && a.refNorm().equals(b.refNorm());
    boolean samePeriod = a.start() != null && a.start().equals(b.start()) && a.end().equals(b.end());
    return sameRef || samePeriod;
  }

  /** Charges that credit notes reverse in full, applying each credit to the latest charge first. */
  static Set<String> fullyCredited(List<Charge> rowsInOrder) {
    Map<String, BigDecimal> credit = new HashMap<>();
    for (Charge c : rowsInOrder) {
      if (c.credit() && c.creditsRef() != null) {
        credit.merge(c.supplier() + "|" + c.buyer() + "|" + org.fairfee.jobs.normalise.InvoiceRefs.normalise(c.creditsRef()),
            c.net().negate(), BigDecimal::add);
      }
    }
    Set<String> out = new HashSet<>();
    for (int k = rowsInOrder.size() - 1; k >= 0; k--) {
      Charge c = rowsInOrder.get(k);
      if (c.credit() || c.refNorm() == null) {
        continue;
      }
      String key = c.supplier() + "|" + c.buyer() + "|" + c.refNorm();
      BigDecimal left = credit.get(key);
      if (left == null || left.signum() <= 0) {
        continue;
      }
      if (left.compareTo(c.net()) >= 0) {
        out.add(c.key());
      }
      credit.put(key, left.subtract(c.net()).max(BigDecimal.ZERO));
    }
    return out;
  }
}
