package org.fairfee.jobs.importspend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ProductCategory;

/**
 * Reads the configured tables ({@link SpendOptions}): the fee type an expense type stands for, the
 * product category of a known supplier, and whether a payment is IT-related. Keys and keywords are
 * folded once, here, the same way as the text they are matched against.
 */
public final class Classifier {

  private record Keyword(String folded, FeeType feeType) {}

  private record Supplier(String folded, ProductCategory category) {}

  private final List<Keyword> feeTypes = new ArrayList<>();
  private final List<String> itKeywords = new ArrayList<>();
  private final List<Supplier> suppliers = new ArrayList<>();
  private final List<String> redacted = new ArrayList<>();

  public Classifier(SpendOptions o) {
    for (Map.Entry<String, FeeType> e : o.feeTypeKeywords().entrySet()) {
      feeTypes.add(new Keyword(Names.fold(e.getKey()), e.getValue()));
    }
    for (String k : o.itKeywords()) {
      itKeywords.add(Names.fold(k));
    }
    for (Map.Entry<String, ProductCategory> e : o.supplierCategories().entrySet()) {
      suppliers.add(new Supplier(Names.organisation(e.getKey()), e.getValue()));
    }
    // The longest name first, so "emis health" would win over "emis" if both were listed.
    suppliers.sort((a, b) -> b.folded().length() != a.folded().length()
        ? b.folded().length() - a.folded().length() : a.folded().compareTo(b.folded()));
    for (String r : o.redactedSupplierNames()) {
      redacted.add(Names.organisation(r));
    }
  }

  /**
   * The fee type of an expense type: the keyword found earliest in the text decides (at the same
   * place the longer keyword, then the first alphabetically); none found gives OTHER.
   */
  public FeeType feeType(String expenseType) {
    String text = Names.fold(expenseType);
    int bestAt = Integer.MAX_VALUE;
    Keyword best = null;
    for (Keyword k : feeTypes) {
      int at = Names.indexOfWords(text, k.folded());
      if (at < 0) {
        continue;
      }
      if (best == null || at < bestAt || at == bestAt && (k.folded().length() > best.folded().length()
          || k.folded().length() == best.folded().length() && k.folded().compareTo(best.folded()) < 0)) {
        best = k;
        bestAt = at;
      }
    }
    return best == null ? FeeType.OTHER : best.feeType();
  }

  /** The category of a supplier (by its normalised name) in the table, or null when it is not there. */
  public ProductCategory knownSupplier(String organisation) {
    for (Supplier s : suppliers) {
      if (!s.folded().isEmpty() && Names.startsWithWords(organisation, s.folded())) {
        return s.category();
      }
    }
    return null;
  }

  /** True for a known IT supplier, or an expense type or area that names IT. */
  public boolean isIt(String organisation, String expenseType, String expenseArea) {
    if (knownSupplier(organisation) != null) {
      return true;
    }
    String type = Names.fold(expenseType);
    String area = Names.fold(expenseArea);
    for (String k : itKeywords) {
      if (Names.indexOfWords(type, k) >= 0 || Names.indexOfWords(area, k) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** True when the (normalised) supplier name stands for a withheld name. */
  public boolean isRedacted(String organisation) {
    return redacted.contains(organisation);
  }
}
