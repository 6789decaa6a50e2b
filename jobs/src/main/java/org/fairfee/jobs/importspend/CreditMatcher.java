package org.fairfee.jobs.importspend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the payment each credit (a negative amount) reverses, across all files of an import: a
 * payment to the same supplier by the same buyer, of the same amount, on or before the credit's date,
 * with a reference. Of several, the latest is taken (a refund usually follows the payment it
 * reverses), and each payment is reversed at most once. A credit so matched names that payment's
 * reference in credits_invoice_ref, so the monthly job nets the two. A credit with no such payment
 * reverses a payment published before the input's period (real files have many): it is accepted as
 * an unmatched credit, named {@link SpendFile#UNMATCHED_CREDIT}, and counted apart in the import
 * manifest.
 */
public final class CreditMatcher {
  private CreditMatcher() {}

  private record Key(String buyerRef, String supplierRef, BigDecimal amount) {}

  private static final Comparator<SpendFile.Payment> ORDER = Comparator
      .comparing(SpendFile.Payment::date)
      .thenComparing(SpendFile.Payment::file)
      .thenComparingLong(SpendFile.Payment::line);

  /** Resolves the credits of every result in place: matched ones get their payment's reference, the rest UNMATCHED. */
  public static void resolve(List<SpendFile.Result> results) {
    List<SpendFile.Payment> credits = new ArrayList<>();
    Set<Key> wanted = new HashSet<>();
    for (SpendFile.Result r : results) {
      for (SpendFile.Payment p : r.payments) {
        if (p.isCredit()) {
          credits.add(p);
          wanted.add(key(p));
        }
      }
    }
    if (credits.isEmpty()) {
      return;
    }
    Map<Key, List<SpendFile.Payment>> candidates = new HashMap<>();
    for (SpendFile.Result r : results) {
      for (SpendFile.Payment p : r.payments) {
        if (!p.isCredit() && p.invoiceRef() != null && wanted.contains(key(p))) {
          candidates.computeIfAbsent(key(p), k -> new ArrayList<>()).add(p);
        }
      }
    }
    candidates.values().forEach(l -> l.sort(ORDER));
    credits.sort(ORDER);
    Set<SpendFile.Payment> used = new HashSet<>();
    Map<SpendFile.Payment, String> matched = new HashMap<>();
    for (SpendFile.Payment c : credits) {
      SpendFile.Payment best = null;
      for (SpendFile.Payment p : candidates.getOrDefault(key(c), List.of())) {
        if (p.date().isAfter(c.date())) {
          break;
        }
        if (!used.contains(p)) {
          best = p;
        }
      }
      if (best != null) {
        used.add(best);
        matched.put(c, best.invoiceRef());
      }
    }
    for (SpendFile.Result r : results) {
      List<SpendFile.Payment> kept = new ArrayList<>(r.payments.size());
      for (SpendFile.Payment p : r.payments) {
        if (!p.isCredit()) {
          kept.add(p);
        } else if (matched.containsKey(p)) {
          kept.add(p.withCredits(matched.get(p)));
        } else {
          kept.add(p.withCredits(SpendFile.UNMATCHED_CREDIT));
        }
      }
      r.payments.clear();
      r.payments.addAll(kept);
      r.quarantined.sort(Comparator.comparingLong(SpendFile.Quarantined::line));
    }
  }

  private static Key key(SpendFile.Payment p) {
    return new Key(p.buyerRef(), p.supplierRef(), p.amount().abs());
  }
}
