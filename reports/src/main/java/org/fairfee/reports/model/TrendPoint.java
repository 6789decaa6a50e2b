package org.fairfee.reports.model;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * The median price of one peer group roll-up (across standards) in one month. median is null
 * unless the month's cell was published; the constructor refuses a suppressed median.
 */
public record TrendPoint(YearMonth month, String productCategory, String feeType, String basisClass,
    long nSuppliers, BigDecimal median, boolean published) {
  public TrendPoint {
    String me = "TrendPoint " + month + " " + productCategory + "/" + feeType + "/" + basisClass;
    Checks.required(month, me, "month");
    Checks.required(productCategory, me, "product_category");
    Checks.required(feeType, me, "fee_type");
    Checks.required(basisClass, me, "basis_class");
    Checks.count(nSuppliers, me, "n_suppliers");
    if (published) {
      Checks.required(median, me, "median");
    } else if (median != null) {
      throw new IllegalArgumentException(me + " is suppressed but carries a median");
    }
  }

  /** The series this point belongs to: one small chart per series. */
  public Series series() {
    return new Series(productCategory, feeType, basisClass);
  }

  /** One line of the trend: a category, fee type and basis class. */
  public record Series(String productCategory, String feeType, String basisClass) implements Comparable<Series> {
    @Override
    public int compareTo(Series o) {
      int c = productCategory.compareTo(o.productCategory);
      c = c != 0 ? c : basisClass.compareTo(o.basisClass);
      return c != 0 ? c : feeType.compareTo(o.feeType);
    }
  }
}
