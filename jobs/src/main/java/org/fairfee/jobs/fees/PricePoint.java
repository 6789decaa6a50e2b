package org.fairfee.jobs.fees;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;

/**
 * One price point of a peer group, as the fee rules read it: who charged whom for what, the
 * buyer's type and size (null when not given) and the comparable price in pounds.
 */
public record PricePoint(String supplierRef, String buyerRef, String productKey, String buyerType,
    Double buyerSize, BigDecimal priceGbp) implements Serializable {

  /** The order points are fitted and scored in: by key, then by the values, so ties are broken too. */
  public static final Comparator<PricePoint> ORDER = Comparator
      .comparing(PricePoint::supplierRef)
      .thenComparing(PricePoint::buyerRef)
      .thenComparing(PricePoint::productKey)
      .thenComparing(PricePoint::buyerType, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(PricePoint::buyerSize, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(PricePoint::priceGbp);

  public PricePoint {
    Objects.requireNonNull(supplierRef, "supplierRef");
    Objects.requireNonNull(buyerRef, "buyerRef");
    Objects.requireNonNull(productKey, "productKey");
    Objects.requireNonNull(priceGbp, "priceGbp");
  }

  /** True when the buyer's size is known and usable on a log scale. */
  public boolean sized() {
    return buyerSize != null && buyerSize > 0 && !buyerSize.isInfinite();
  }

  public double logPrice() {
    return Math.log(priceGbp.doubleValue());
  }

  public double logSize() {
    return Math.log(buyerSize);
  }
}
