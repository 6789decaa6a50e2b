package org.fairfee.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Fixed number formats, independent of the machine's locale. */
public final class Fmt {
  private Fmt() {}

  /** 1234567 as "1,234,567". */
  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Pounds for people: "£12,400.00"; negative as "-£5.00". */
  public static String gbp(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.HALF_UP);
    String s = f.format(amount.abs());
    return (amount.signum() < 0 ? "-£" : "£") + s;
  }

  /** A decimal for data files: plain, fixed scale, half-up, no grouping ("12400.00"). */
  public static String plain(BigDecimal amount, int scale) {
    return amount == null ? "" : amount.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** A double for data files at a fixed number of decimals ("0.2500"); empty for null or NaN. */
  public static String plain(Double value, int scale) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "";
    }
    return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** A share as a percentage for people ("25.0%"). */
  public static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }
}
