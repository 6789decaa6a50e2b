package org.fairfee.jobs.bands;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fairfee.jobs.core.BandOptions;

/**
 * The benchmark window: {@code windowMonths} calendar months ending with the evaluated period,
 * matched on invoice_month.
 *
 * @param first the first month of the window
 * @param last the evaluated period, the last month of the window
 */
public record BenchmarkWindow(YearMonth first, YearMonth last) {
  public BenchmarkWindow {
    if (first == null || last == null || first.isAfter(last)) {
      throw new IllegalArgumentException("a window runs from a month to the same or a later month, was "
          + first + " to " + last);
    }
  }

  /** The window of {@code options.windowMonths()} months ending with {@code period} ("YYYY-MM"). */
  public static BenchmarkWindow of(String period, BandOptions options) {
    YearMonth last;
    try {
      last = YearMonth.parse(period == null ? "" : period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the period must be a month YYYY-MM, was '" + period + "'");
    }
    return new BenchmarkWindow(last.minusMonths(options.windowMonths() - 1L), last);
  }

  /** First month as an invoice_month value, "YYYY-MM". */
  public String firstMonth() {
    return first.toString();
  }

  /** Last month as an invoice_month value, "YYYY-MM". */
  public String lastMonth() {
    return last.toString();
  }

  /** window_start: the first day of the first month. */
  public LocalDate start() {
    return first.atDay(1);
  }

  /** window_end: the last day of the period. */
  public LocalDate end() {
    return last.atEndOfMonth();
  }

  /** Every month of the window in order, as "YYYY-MM". */
  public List<String> months() {
    List<String> out = new ArrayList<>();
    for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
      out.add(m.toString());
    }
    return out;
  }
}
