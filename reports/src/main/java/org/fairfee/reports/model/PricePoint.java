package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * One supplier's price to one buyer for one interface or product, fee type and basis class over
 * the benchmark window (the unit the bands are computed from). For supplier statements only.
 *
 * @param productKey interface_ref, or "PRODUCT:" + product_category where the lines name no interface
 * @param priceGbp the comparable price: annualised, unit price or one-off amount, net of VAT
 * @param nLines how many charge lines make up this price point
 */
public record PricePoint(String supplierRef, String buyerRef, String productKey, String productCategory,
    String interfaceStandard, String feeType, String basisClass, BigDecimal priceGbp, long nLines) {

  /**
   * Peer group (as {@link PeerGroup#ORDER}: category, basis class, fee type, roll-up first,
   * standard), then product key and buyer. Compares the components directly rather than a
   * PeerGroup made per comparison: a statement sorts up to ~100,000 points of one supplier.
   */
  public static final Comparator<PricePoint> ORDER = Comparator
      .comparing(PricePoint::productCategory)
      .thenComparing(PricePoint::basisClass)
      .thenComparing(PricePoint::feeType)
      .thenComparing(p -> !BenchmarkBand.ALL_STANDARDS.equals(p.interfaceStandard()))
      .thenComparing(PricePoint::interfaceStandard)
      .thenComparing(PricePoint::productKey)
      .thenComparing(PricePoint::buyerRef)
      .thenComparing(PricePoint::priceGbp);

  public PricePoint {
    String me = "PricePoint " + supplierRef + "/" + buyerRef + "/" + productKey;
    Checks.required(supplierRef, me, "supplier_ref");
    Checks.required(buyerRef, me, "buyer_ref");
    Checks.required(productKey, me, "product_key");
    Checks.required(priceGbp, me, "price_gbp");
    Checks.count(nLines, me, "n_lines");
    new PeerGroup(productCategory, interfaceStandard, feeType, basisClass);
  }

  public PeerGroup peerGroup() {
    return new PeerGroup(productCategory, interfaceStandard, feeType, basisClass);
  }
}
