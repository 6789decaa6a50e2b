package org.fairfee.jobs.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.BuyerType;

/**
 * The plain sentences that explain a P4 score in pounds. Numbers are rounded half-up from the
 * unrounded values and printed with Locale.ROOT symbols ("£48,000.00"), so a rerun prints the same.
 */
final class Evidence {
  private Evidence() {}

  /** "annual price" for RECURRING, "one-off price" for ONE_OFF, "unit price" for PER_TRANSACTION. */
  static String priceLabel(String basisClass) {
    if (BasisClass.RECURRING.name().equals(basisClass)) {
      return "annual price";
    }
    if (BasisClass.PER_TRANSACTION.name().equals(basisClass)) {
      return "unit price";
    }
    return "one-off price";
  }

  /** Pounds to pence; unit prices per transaction to four decimals, since they are often pennies. */
  static String money(double gbp, String basisClass) {
    int scale = BasisClass.PER_TRANSACTION.name().equals(basisClass) ? 4 : 2;
    return "£" + grouped(BigDecimal.valueOf(gbp).setScale(scale, RoundingMode.HALF_UP), scale);
  }

  /** A ratio or score to one decimal, half-up. */
  static String oneDecimal(double v) {
    return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  /** A configured threshold as written: 3.5, 4. */
  static String threshold(double t) {
    return BigDecimal.valueOf(t).stripTrailingZeros().toPlainString();
  }

  /** "a buyer of 5,200 staff", in the contract's size measure for the buyer's type. */
  static String aBuyerOf(String buyerType, double size) {
    String n = grouped(BigDecimal.valueOf(size).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros(), 0);
    BuyerType type = parse(buyerType);
    if (type == null) {
      return "a buyer of size " + n;
    }
    return switch (type) {
      case ACUTE_TRUST, MENTAL_HEALTH_TRUST, COMMUNITY_TRUST, AMBULANCE_TRUST -> "a buyer of " + n + " staff";
      case GP_PRACTICE, PCN -> "a buyer of " + n + " registered patients";
      case ICB, LOCAL_AUTHORITY -> "a buyer with a population of " + n;
      case CARE_PROVIDER -> "a buyer of " + n + " beds";
      case OTHER -> "a buyer of size " + n;
    };
  }

  /** How the score compares with the threshold, and whether the ratio floor held the flag back. */
  static String verdict(double score, double threshold, boolean ratioHolds, double minRatio) {
    String s = "robust score " + oneDecimal(score);
    if (!(score > threshold)) {
      return s + ", not above the threshold " + threshold(threshold);
    }
    s += " above the threshold " + threshold(threshold);
    return ratioHolds ? s : s + ", but less than " + threshold(minRatio) + " times the expected fee";
  }

  private static BuyerType parse(String buyerType) {
    if (buyerType == null) {
      return null;
    }
    try {
      return BuyerType.valueOf(buyerType);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String grouped(BigDecimal v, int minFraction) {
    DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    f.setMinimumFractionDigits(Math.max(minFraction, 0));
    f.setMaximumFractionDigits(Math.max(v.scale(), 0));
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }
}
