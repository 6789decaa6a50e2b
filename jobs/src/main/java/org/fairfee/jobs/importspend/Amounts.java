package org.fairfee.jobs.importspend;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.fairfee.schemas.ReasonCode;

/**
 * Amounts as published: {@code "73,630.80"}, {@code £1,140}, {@code 1140}, {@code -794.48},
 * {@code (794.48)}, {@code 794.48-}, {@code 794.48 CR}, {@code 1 140.00}. The result is pounds at two
 * decimal places; a figure with more pence than that, or that is not a number at all, is a problem
 * with a reason, never a guess.
 */
public final class Amounts {
  private Amounts() {}

  /** A parsed amount, or the reason code and message of why it is not one. */
  public record Parsed(BigDecimal value, ReasonCode code, String problem) {
    public boolean ok() {
      return value != null;
    }
  }

  static final BigDecimal LIMIT = new BigDecimal("1E15");
  private static final Pattern PLAIN = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
  private static final Pattern GROUPED_COMMA = Pattern.compile("[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]*)?");
  private static final Pattern GROUPED_SPACE = Pattern.compile("[0-9]{1,3}( [0-9]{3})+(\\.[0-9]*)?");

  public static Parsed parse(String text) {
    String s = text == null ? "" : text.strip().replace('\u00A0', ' ').replace('\u2009', ' ').replace('\u202F', ' ');
    if (s.isEmpty()) {
      return new Parsed(null, ReasonCode.MISSING_VALUE, "amount is empty");
    }
    String shown = s;
    boolean negative = false;
    if (s.startsWith("'")) {
      s = s.substring(1).strip(); // Excel's text marker
    }
    if (s.startsWith("(") && s.endsWith(")")) {
      negative = true;
      s = s.substring(1, s.length() - 1).strip();
    }
    String upper = s.toUpperCase(java.util.Locale.ROOT);
    if (upper.endsWith("CR")) {
      negative = !negative;
      s = s.substring(0, s.length() - 2).strip();
    } else if (upper.endsWith("DR")) {
      s = s.substring(0, s.length() - 2).strip();
    }
    if (s.endsWith("-")) {
      negative = !negative;
      s = s.substring(0, s.length() - 1).strip();
    }
    s = s.replace('\u2212', '-');
    if (s.startsWith("-")) {
      negative = !negative;
      s = s.substring(1).strip();
    }
    s = stripCurrency(s);
    if (s.startsWith("-")) {
      negative = !negative; // "£-1,234.00"
      s = s.substring(1).strip();
    }
    String digits;
    if (PLAIN.matcher(s).matches()) {
      digits = s;
    } else if (GROUPED_COMMA.matcher(s).matches()) {
      digits = s.replace(",", "");
    } else if (GROUPED_SPACE.matcher(s).matches()) {
      digits = s.replace(" ", "");
    } else {
      return new Parsed(null, ReasonCode.INVALID_NUMBER, "amount '" + cut(shown) + "' is not a number of pounds");
    }
    if (digits.endsWith(".")) {
      digits = digits.substring(0, digits.length() - 1);
    }
    BigDecimal value = new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
    if (value.stripTrailingZeros().scale() > 2) {
      return new Parsed(null, ReasonCode.TOO_MANY_DECIMALS, "amount '" + cut(shown)
          + "' has fractions of a penny; at most 2 decimal places are allowed");
    }
    if (value.compareTo(LIMIT) >= 0) {
      return new Parsed(null, ReasonCode.OUT_OF_RANGE, "amount '" + cut(shown) + "' is too large");
    }
    value = value.setScale(2, java.math.RoundingMode.UNNECESSARY);
    return new Parsed(negative ? value.negate() : value, null, null);
  }

  private static String stripCurrency(String s) {
    String out = s;
    for (String symbol : new String[] {"Â£", "£", "GBP", "gbp"}) {
      if (out.startsWith(symbol)) {
        out = out.substring(symbol.length()).strip();
      }
      if (out.endsWith(symbol)) {
        out = out.substring(0, out.length() - symbol.length()).strip();
      }
    }
    return out;
  }

  static String cut(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
