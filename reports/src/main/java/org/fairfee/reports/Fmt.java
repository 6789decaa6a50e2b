package org.fairfee.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.YearMonth;
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

  /** Whole pounds for headline figures: "£2,417,346". */
  public static String gbpWhole(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return (amount.signum() < 0 ? "-£" : "£") + f.format(amount.abs());
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

  /**
   * A price for people: pounds and pence, and up to four decimals below £1 so that unit prices of
   * a fraction of a penny keep their meaning ("£0.0125").
   */
  public static String price(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    if (amount.signum() != 0 && amount.abs().compareTo(BigDecimal.ONE) < 0) {
      BigDecimal v = amount.abs().setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
      if (v.scale() < 2) {
        v = v.setScale(2);
      }
      return (amount.signum() < 0 ? "-£" : "£") + v.toPlainString();
    }
    return gbp(amount);
  }

  /**
   * A price in a table for people: whole pounds from £1,000 (pence there are noise), pounds and
   * pence below, and up to four decimals below £1 ("£38,048", "£985.28", "£0.0413").
   */
  public static String band(BigDecimal amount) {
    if (amount != null && amount.abs().compareTo(THOUSAND) >= 0) {
      return gbpWhole(amount);
    }
    return price(amount);
  }

  /** Pounds in a few characters for chart labels: "£0.05", "£850", "£12.4k", "£1.25m". */
  public static String gbpShort(BigDecimal amount) {
    if (amount == null) {
      return "";
    }
    BigDecimal v = amount.abs();
    String s;
    if (v.signum() == 0) {
      s = "0";
    } else if (v.compareTo(BigDecimal.ONE) < 0) {
      s = v.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    } else if (round(v, 0, 2).compareTo(THOUSAND) < 0) {
      s = round(v, 0, 2).toPlainString();
    } else if (round(v, 3, 1).compareTo(THOUSAND) < 0) {
      s = round(v, 3, 1).toPlainString() + "k";
    } else {
      s = group(round(v, 6, 2)) + "m";
    }
    return (amount.signum() < 0 ? "-£" : "£") + s;
  }

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

  /** v / 10^power at the given scale, trailing zeros dropped. */
  private static BigDecimal round(BigDecimal v, int power, int scale) {
    BigDecimal r = v.movePointLeft(power).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0) : r;
  }

  private static String group(BigDecimal v) {
    DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.UK));
    return f.format(v);
  }

  private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
      "Nov", "Dec"};

  /** "May 2026", the same on every machine. */
  public static String month(YearMonth m) {
    return MONTHS[m.getMonthValue() - 1] + " " + m.getYear();
  }

  /** "May 26", for axis labels. */
  public static String monthShort(YearMonth m) {
    return MONTHS[m.getMonthValue() - 1] + " " + String.format(Locale.ROOT, "%02d", m.getYear() % 100);
  }

  /** A ratio for people at one decimal ("3.2\u00d7"). */
  public static String times(Double ratio) {
    if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
      return "";
    }
    return BigDecimal.valueOf(ratio).setScale(1, RoundingMode.HALF_UP).toPlainString() + "\u00d7";
  }

  /** A score for people at one decimal. */
  public static String decimal1(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return "";
    }
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
