package org.fairfee.jobs.generate;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The months of the data, indexed 0 (first) to months - 1 (last), with dates as epoch days and
 * their ISO text cached: service periods reach up to a year past the last month and bad rows a few
 * months before the first, so the cache spans a margin on both sides.
 */
final class Window {
  static final int MARGIN = 14;

  final YearMonth first;
  final int months;
  private final int[] monthStart;
  private final String[] monthText;
  private final String[] monthName;
  private final int cacheFrom;
  private final String[] dates;

  Window(YearMonth first, int months) {
    this.first = first;
    this.months = months;
    int n = months + 2 * MARGIN + 1;
    monthStart = new int[n];
    monthText = new String[n];
    monthName = new String[n];
    for (int k = 0; k < n; k++) {
      YearMonth ym = first.plusMonths(k - MARGIN);
      monthStart[k] = (int) ym.atDay(1).toEpochDay();
      monthText[k] = ym.toString();
      monthName[k] = ym.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + ym.getYear();
    }
    cacheFrom = monthStart[0];
    int to = monthStart[n - 1];
    dates = new String[to - cacheFrom];
    for (int d = cacheFrom; d < to; d++) {
      dates[d - cacheFrom] = LocalDate.ofEpochDay(d).toString();
    }
  }

  /** Epoch day of the first day of month i (i may be below 0 or past the last month by the margin). */
  int start(int i) {
    return monthStart[i + MARGIN];
  }

  /** Epoch day of the last day of month i. */
  int end(int i) {
    return monthStart[i + MARGIN + 1] - 1;
  }

  int length(int i) {
    return end(i) - start(i) + 1;
  }

  /** "2026-10". */
  String text(int i) {
    return monthText[i + MARGIN];
  }

  /** "October 2026". */
  String name(int i) {
    return monthName[i + MARGIN];
  }

  /** The month index of an epoch day. */
  int monthOf(int day) {
    int lo = 0;
    int hi = monthStart.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (monthStart[mid] <= day) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo - MARGIN;
  }

  /** ISO text of an epoch day. */
  String date(int day) {
    int k = day - cacheFrom;
    return k >= 0 && k < dates.length ? dates[k] : LocalDate.ofEpochDay(day).toString();
  }
}
