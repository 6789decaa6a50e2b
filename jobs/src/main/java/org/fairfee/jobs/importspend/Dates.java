package org.fairfee.jobs.importspend;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairfee.schemas.ReasonCode;

/**
 * Payment dates as published: 08/06/2020 in most files, 6/8/2020 (month first) in some, 2020-06-08,
 * 08-Jun-2020, 8 June 2020, with or without a time after them. Whether a file writes the day or the
 * month first is decided per file from its values ({@link #detect}): a first number above 12 can only
 * be a day, a second number above 12 only a day. A file whose dates never show it is read day first,
 * and the manifest says so.
 */
public final class Dates {
  private Dates() {}

  /** How a file orders the day and month of its numeric dates. */
  public enum Order {
    DAY_FIRST("dd/mm/yyyy"), MONTH_FIRST("mm/dd/yyyy");

    private final String shown;

    Order(String shown) {
      this.shown = shown;
    }

    public String shown() {
      return shown;
    }
  }

  /**
   * The order used for a file and how it was decided.
   *
   * @param report the manifest's date_order: "dd/mm/yyyy", "mm/dd/yyyy", "ambiguous, assumed
   *     dd/mm/yyyy", "conflicting, ...", "yyyy-mm-dd" or "dd-MMM-yyyy" when no date needs an order
   * @param evidence the counts behind it, in words
   */
  public record Detected(Order order, String report, String evidence) {}

  /** A parsed date or why it is not one. */
  public record Parsed(LocalDate value, ReasonCode code, String problem) {
    public boolean ok() {
      return value != null;
    }
  }

  private static final String TIME = "(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?: ?[AaPp][Mm])?Z?)?";
  private static final Pattern NUMERIC = Pattern.compile("([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4}|[0-9]{2})" + TIME);
  private static final Pattern ISO = Pattern.compile("([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})" + TIME);
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile("([0-9]{1,2})(?:st|nd|rd|th)?[ /.-]+([A-Za-z]{3,9})\\.?[ /.,-]+([0-9]{4}|[0-9]{2})" + TIME);
  private static final Pattern MONTH_NAME_DAY =
      Pattern.compile("([A-Za-z]{3,9})\\.?[ /.-]+([0-9]{1,2})(?:st|nd|rd|th)?,?[ /.-]+([0-9]{4})" + TIME);
  private static final Pattern SERIAL = Pattern.compile("[0-9]{5}(\\.[0-9]+)?");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
      Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("sept", 9),
      Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  /** Decides the day/month order of a file from all its date values. */
  public static Detected detect(Collection<String> values) {
    long dayFirst = 0;
    long monthFirst = 0;
    long numeric = 0;
    long iso = 0;
    long named = 0;
    for (String v : values) {
      String s = v == null ? "" : v.strip();
      Matcher m = NUMERIC.matcher(s);
      if (m.matches()) {
        numeric++;
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(2));
        if (a > 12 && b <= 12) {
          dayFirst++;
        } else if (b > 12 && a <= 12) {
          monthFirst++;
        }
      } else if (ISO.matcher(s).matches()) {
        iso++;
      } else if (DAY_MONTH_NAME.matcher(s).matches() || MONTH_NAME_DAY.matcher(s).matches()) {
        named++;
      }
    }
    if (numeric == 0) {
      String report = iso > 0 && named == 0 ? "yyyy-mm-dd" : named > 0 && iso == 0 ? "dd-MMM-yyyy"
          : iso > 0 ? "yyyy-mm-dd and dd-MMM-yyyy" : "no dates recognised";
      return new Detected(Order.DAY_FIRST, report, "no dates of the form nn/nn/yyyy");
    }
    String evidence = plural(dayFirst, "date") + " with a first number above 12 (a day), "
        + plural(monthFirst, "date") + " with a second number above 12, of " + numeric + " nn/nn/yyyy dates";
    if (dayFirst > 0 && monthFirst > 0) {
      Order o = monthFirst > dayFirst ? Order.MONTH_FIRST : Order.DAY_FIRST;
      return new Detected(o, "conflicting, used " + o.shown() + " (dates that do not fit it are quarantined)", evidence);
    }
    if (monthFirst > 0) {
      return new Detected(Order.MONTH_FIRST, Order.MONTH_FIRST.shown(), evidence);
    }
    if (dayFirst > 0) {
      return new Detected(Order.DAY_FIRST, Order.DAY_FIRST.shown(), evidence);
    }
    return new Detected(Order.DAY_FIRST, "ambiguous, assumed dd/mm/yyyy", evidence);
  }

  public static Parsed parse(String text, Order order) {
    String s = text == null ? "" : text.strip();
    if (s.isEmpty()) {
      return new Parsed(null, ReasonCode.MISSING_VALUE, "date is empty");
    }
    Matcher m = NUMERIC.matcher(s);
    if (m.matches()) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(2));
      return of(s, year(m.group(3)), order == Order.DAY_FIRST ? b : a, order == Order.DAY_FIRST ? a : b,
          " read as " + order.shown());
    }
    m = ISO.matcher(s);
    if (m.matches()) {
      return of(s, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), "");
    }
    m = DAY_MONTH_NAME.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(2));
      if (month != null) {
        return of(s, year(m.group(3)), month, Integer.parseInt(m.group(1)), "");
      }
    }
    m = MONTH_NAME_DAY.matcher(s);
    if (m.matches()) {
      Integer month = month(m.group(1));
      if (month != null) {
        return of(s, Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(2)), "");
      }
    }
    if (SERIAL.matcher(s).matches()) {
      return new Parsed(null, ReasonCode.INVALID_DATE, "date '" + Amounts.cut(s)
          + "' looks like an Excel day number, not a date (format the column as a date before saving as CSV)");
    }
    return new Parsed(null, ReasonCode.INVALID_DATE, "date '" + Amounts.cut(s) + "' is not a date fairfee can read"
        + " (dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd or dd-Mon-yyyy)");
  }

  private static Parsed of(String s, int year, int month, int day, String how) {
    try {
      LocalDate d = LocalDate.of(year, month, day);
      if (year < 1990 || year > 2100) {
        return new Parsed(null, ReasonCode.INVALID_DATE, "date '" + Amounts.cut(s) + "' is outside the years 1990 to 2100");
      }
      return new Parsed(d, null, null);
    } catch (DateTimeException e) {
      return new Parsed(null, ReasonCode.INVALID_DATE, "date '" + Amounts.cut(s) + "' is not a real calendar date" + how);
    }
  }

  /** Two-digit years are this century's: published spend files start in 2010. */
  private static int year(String y) {
    int n = Integer.parseInt(y);
    return y.length() == 2 ? 2000 + n : n;
  }

  private static Integer month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    Integer m = MONTHS.get(n.length() > 3 && !n.equals("sept") ? n.substring(0, 3) : n);
    if (m == null) {
      return null;
    }
    // A full name must be the real one ("June", not "Junk").
    String[] full = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december"};
    return n.length() == 3 || n.equals("sept") || full[m - 1].equals(n) ? m : null;
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
