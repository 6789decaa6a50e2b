package org.fairfee.jobs.fees;

import java.io.Serializable;
import java.util.Objects;

/** A peer group as the contract defines it: (product_category, interface_standard, fee_type, basis_class). */
public record PeerGroup(String productCategory, String interfaceStandard, String feeType, String basisClass)
    implements Serializable {
  public PeerGroup {
    Objects.requireNonNull(productCategory, "productCategory");
    Objects.requireNonNull(interfaceStandard, "interfaceStandard");
    Objects.requireNonNull(feeType, "feeType");
    Objects.requireNonNull(basisClass, "basisClass");
  }

  /** "EPR / FHIR_UK_CORE / SUPPORT": the basis class is said by the price's own name (annual, one-off, unit). */
  public String label() {
    return productCategory + " / " + interfaceStandard + " / " + feeType;
  }
}
