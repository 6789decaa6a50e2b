package org.fairfee.reports;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.Method;
import org.fairfee.reports.model.Reviews;
import org.fairfee.reports.model.TrendPoint;

/**
 * Everything the market report and the workbook's public sheets show, as small values computed by
 * the jobs. Nothing in here names a supplier or a buyer.
 *
 * @param period the month evaluated, YYYY-MM
 * @param version the fairfee version that made the report
 * @param headline the month's headline numbers; null leaves out the headline, the flag summary and
 *     the contents list (the foundation job's data-quality-only report)
 * @param method the settings used; null leaves the methodology out
 * @param bands every benchmarks.csv row of the period, published or suppressed
 * @param trend monthly medians per category, fee type and basis class; the last 12 months are shown
 * @param reviews where the review of flags stands (decisions recorded so far); null leaves the section out
 */
public record ReportData(String period, String version, DataQuality quality, Headline headline, Method method,
    List<BenchmarkBand> bands, List<TrendPoint> trend, Reviews reviews) {

  public ReportData {
    if (period == null) {
      throw new IllegalArgumentException("ReportData: period is required (YYYY-MM)");
    }
    try {
      YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("ReportData: period must be YYYY-MM, was " + period, e);
    }
    if (version == null || quality == null) {
      throw new IllegalArgumentException("ReportData: version and quality are required");
    }
    bands = bands == null ? List.of() : List.copyOf(bands);
    trend = trend == null ? List.of() : List.copyOf(trend);
  }

  /** Without the review of flags. */
  public ReportData(String period, String version, DataQuality quality, Headline headline, Method method,
      List<BenchmarkBand> bands, List<TrendPoint> trend) {
    this(period, version, quality, headline, method, bands, trend, null);
  }

  /** Data quality only, as the foundation job renders it until it computes the rest. */
  public ReportData(String period, String version, DataQuality quality) {
    this(period, version, quality, null, null, List.of(), List.of(), null);
  }

  /** This data with the review of flags. */
  public ReportData withReviews(Reviews r) {
    return new ReportData(period, version, quality, headline, method, bands, trend, r);
  }

  public YearMonth month() {
    return YearMonth.parse(period);
  }
}
