package org.fairfee.jobs.bands;

import java.util.Comparator;
import java.util.Objects;

/**
 * One cell of benchmarks.csv: a peer group (product_category, interface_standard, fee_type,
 * basis_class), or its roll-up across standards, whose interface_standard is {@link #ALL}.
 */
public record CellKey(String productCategory, String interfaceStandard, String feeType, String basisClass)
    implements Comparable<CellKey> {

  /** interface_standard of a roll-up across every standard of a category, fee type and basis class. */
  public static final String ALL = "ALL";

  /** The output order: category, standard with ALL last, fee type, basis class. */
  public static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::productCategory)
      .thenComparing(CellKey::isRollUp)
      .thenComparing(CellKey::interfaceStandard)
      .thenComparing(CellKey::feeType)
      .thenComparing(CellKey::basisClass);

  public CellKey {
    Objects.requireNonNull(productCategory, "productCategory");
    Objects.requireNonNull(interfaceStandard, "interfaceStandard");
    Objects.requireNonNull(feeType, "feeType");
    Objects.requireNonNull(basisClass, "basisClass");
  }

  public boolean isRollUp() {
    return ALL.equals(interfaceStandard);
  }

  /** The roll-up this peer group belongs to (itself for a roll-up). */
  public CellKey rollUp() {
    return new CellKey(productCategory, ALL, feeType, basisClass);
  }

  @Override
  public int compareTo(CellKey o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return productCategory + "/" + interfaceStandard + "/" + feeType + "/" + basisClass;
  }
}
