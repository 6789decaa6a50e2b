package org.fairfee.reports.model;

import java.util.Comparator;

/**
 * A peer group: prices of the same kind of fee, comparable with each other. interfaceStandard is
 * {@link BenchmarkBand#ALL_STANDARDS} for the roll-up across standards.
 */
public record PeerGroup(String productCategory, String interfaceStandard, String feeType, String basisClass) {
  public PeerGroup {
    Checks.required(productCategory, "PeerGroup", "product_category");
    Checks.required(interfaceStandard, "PeerGroup", "interface_standard");
    Checks.required(feeType, "PeerGroup", "fee_type");
    Checks.required(basisClass, "PeerGroup", "basis_class");
  }

  /** Category, basis class, fee type, then the roll-up before the standards it sums. */
  public static final Comparator<PeerGroup> ORDER = Comparator.comparing(PeerGroup::productCategory)
      .thenComparing(PeerGroup::basisClass)
      .thenComparing(PeerGroup::feeType)
      .thenComparing(g -> !g.isRollUp())
      .thenComparing(PeerGroup::interfaceStandard);

  public boolean isRollUp() {
    return BenchmarkBand.ALL_STANDARDS.equals(interfaceStandard);
  }
}
