package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.reports.model.Reviews;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.Severity;

/**
 * The month's market report: one self-contained HTML page (inline CSS and SVG, no scripts, nothing
 * from the network) that opens offline and prints on A4. It is public: it names no supplier and no
 * buyer, and shows prices only of cells that passed disclosure control.
 */
public final class MarketReport {
  private MarketReport() {}

  /** Months of the trend section, ending with the period. */
  static final int TREND_MONTHS = 12;

  /** The report for the month; the same data always gives the same text. */
  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(65_536);
    Page.open(h, "fairfee market report " + d.period(), "fairfee market report",
        "Interface and licence fees charged to NHS and social-care organisations, month " + d.period(),
        Page.Audience.PUBLIC, "Public. This report names no supplier and no buyer; it shows prices only for"
            + " peer groups that pass disclosure control.");
    boolean full = d.headline() != null;
    if (full) {
      h.append("<nav class=\"toc\" aria-label=\"Contents\"><ol>")
          .append("<li><a href=\"#headline\">Headline</a></li><li><a href=\"#bands\">Benchmark bands</a></li>")
          .append("<li><a href=\"#trend\">Trend</a></li><li><a href=\"#flags\">Flags</a></li>")
          .append(d.reviews() != null ? "<li><a href=\"#decisions\">Decisions</a></li>" : "")
          .append("<li><a href=\"#dq\">Data quality</a></li>")
          .append(d.method() != null ? "<li><a href=\"#method\">Method</a></li>" : "")
          .append("</ol></nav>\n");
      headline(h, d.headline());
    }
    if (full || !d.bands().isEmpty()) {
      bands(h, d.bands());
    }
    if (full || !d.trend().isEmpty()) {
      trend(h, d.month(), d.trend());
    }
    if (full) {
      flags(h, d.period(), d.headline());
      if (d.reviews() != null) {
        decisions(h, d.period(), d.reviews());
      }
    }
    dataQuality(h, d.quality());
    if (d.method() != null) {
      h.append("<section aria-labelledby=\"method\">\n<h2 id=\"method\">How the numbers are made</h2>\n<dl class=\"method\">\n");
      for (Methodology.Point p : Methodology.points(d.method())) {
        h.append("<dt>").append(esc(p.heading())).append("</dt><dd>").append(esc(p.text())).append("</dd>\n");
      }
      h.append("</dl>\n</section>\n");
    }
    Page.close(h, d.version());
    return h.toString();
  }

  static void headline(StringBuilder h, Headline n) {
    h.append("<section aria-labelledby=\"headline\">\n<h2 id=\"headline\">The month in numbers</h2>\n<dl class=\"tiles\">\n");
    Tags.tile(h, "Submissions", Fmt.count(n.submissions()));
    Tags.tile(h, "Charge lines", Fmt.count(n.rows()));
    Tags.tile(h, "Suppliers", Fmt.count(n.suppliers()));
    Tags.tile(h, "Buyers", Fmt.count(n.buyers()));
    Tags.tile(h, "£ reviewed, net", Fmt.gbpWhole(n.reviewedGbp()));
    Tags.tile(h, "Flags raised", Fmt.count(n.flags()));
    h.append("</dl>\n</section>\n");
  }

  // ---- benchmark bands ----

  static void bands(StringBuilder h, List<BenchmarkBand> all) {
    h.append("<section aria-labelledby=\"bands\">\n<h2 id=\"bands\">Benchmark bands</h2>\n");
    if (all.isEmpty()) {
      h.append("<p>No benchmark bands this month.</p>\n</section>\n");
      return;
    }
    long published = all.stream().filter(BenchmarkBand::published).count();
    LocalDate start = all.stream().map(BenchmarkBand::windowStart).min(LocalDate::compareTo).orElseThrow();
    LocalDate end = all.stream().map(BenchmarkBand::windowEnd).max(LocalDate::compareTo).orElseThrow();
    h.append("<p>What a fee of each kind normally costs, from price points invoiced between ")
        .append(esc(start.toString())).append(" and ").append(esc(end.toString()))
        .append(". The box spans the middle half of the prices (p25 to p75), the line runs from p10 to p90 and the"
            + " dark bar marks the median. Where the prices of a chart span more than 30-fold its axis is"
            + " logarithmic, so that every band stays readable. ")
        .append(Fmt.count(published)).append(" of ").append(Fmt.count(all.size()))
        .append(" peer groups are published; the others are suppressed and show counts only.</p>\n");

    Map<String, Map<String, List<BenchmarkBand>>> byCategory = new TreeMap<>();
    all.stream().sorted((a, b) -> PeerGroup.ORDER.compare(a.peerGroup(), b.peerGroup())).forEach(b -> byCategory
        .computeIfAbsent(b.productCategory(), k -> new TreeMap<>())
        .computeIfAbsent(b.basisClass(), k -> new ArrayList<>()).add(b));
    for (Map.Entry<String, Map<String, List<BenchmarkBand>>> cat : byCategory.entrySet()) {
      String category = Words.category(cat.getKey());
      h.append("<h3>").append(esc(category)).append("</h3>\n");
      for (Map.Entry<String, List<BenchmarkBand>> basis : cat.getValue().entrySet()) {
        categoryBasis(h, category, basis.getKey(), basis.getValue());
      }
    }
    h.append("</section>\n");
  }

  private static void categoryBasis(StringBuilder h, String category, String basis, List<BenchmarkBand> bands) {
    String heading = category + ": " + Words.basisHeading(basis).toLowerCase(java.util.Locale.ROOT);
    List<BandChart.Row> rows = new ArrayList<>();
    for (BenchmarkBand b : bands) {
      if (b.published()) {
        rows.add(new BandChart.Row(Words.feeType(b.feeType()), Words.standard(b.interfaceStandard()),
            Words.standard(b.interfaceStandard()) + ": " + shortSummary(b),
            b.p10(), b.p25(), b.median(), b.p75(), b.p90(), null, Fmt.gbpShort(b.median())));
      }
    }
    long suppressed = bands.size() - rows.size();
    String svg = BandChart.svg(heading + " (£ " + Words.basisUnit(basis) + ")",
        "Band plot of " + rows.size() + " published peer groups by fee type and interface standard; the table"
            + " that follows gives every value" + (suppressed > 0 ? " and the " + suppressed + " suppressed groups" : "")
            + ".", "£ " + Words.basisUnit(basis), "median", rows);
    if (svg.isEmpty()) {
      h.append("<p class=\"note\">").append(esc(heading))
          .append(": no peer group passed disclosure control this month, so no band is shown.</p>\n");
    } else {
      h.append("<figure>\n").append(svg).append("<figcaption>").append(esc(heading))
          .append(": benchmark bands, £ ").append(esc(Words.basisUnit(basis)))
          .append(". The value on the right is the median.</figcaption>\n</figure>\n");
    }
    Tags.scroll(h, heading + ": bands in numbers");
    // Class "bands": every column from the third is numeric (Page.CSS), so its cells need no class
    // of their own; a national report has thousands of these rows.
    Tags.table(h, "compact bands", heading + ": bands in numbers", "Fee type", "Standard", "#Price points",
        "#Suppliers", "#Buyers", "#p10", "#p25", "#Median", "#p75", "#p90", "#Size-adjusted median");
    for (BenchmarkBand b : bands) {
      h.append("<tr>");
      Tags.td(h, Words.feeType(b.feeType()));
      Tags.td(h, Words.standard(b.interfaceStandard()));
      Tags.td(h, Fmt.count(b.nPricePoints()));
      Tags.td(h, Fmt.count(b.nSuppliers()));
      Tags.td(h, Fmt.count(b.nBuyers()));
      if (b.published()) {
        Tags.td(h, Fmt.band(b.p10()));
        Tags.td(h, Fmt.band(b.p25()));
        Tags.td(h, Fmt.band(b.median()));
        Tags.td(h, Fmt.band(b.p75()));
        Tags.td(h, Fmt.band(b.p90()));
        Tags.td(h, sizeAdjusted(b));
      } else {
        h.append("<td colspan=\"6\" class=\"suppressed\">").append(esc(Words.suppressed(b.suppressedReason())))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    Tags.endScroll(h);
  }

  static String bandSummary(BenchmarkBand b) {
    return "median " + Fmt.band(b.median()) + ", p25 " + Fmt.band(b.p25()) + " to p75 " + Fmt.band(b.p75())
        + ", p10 " + Fmt.band(b.p10()) + " to p90 " + Fmt.band(b.p90()) + ", " + b.nPricePoints()
        + " price points from " + b.nSuppliers() + " suppliers";
  }

  /** The band in a tooltip of its chart row, short because a national report has thousands of rows. */
  static String shortSummary(BenchmarkBand b) {
    return "median " + Fmt.band(b.median()) + ", p25-p75 " + Fmt.band(b.p25()) + "-" + Fmt.band(b.p75())
        + ", p10-p90 " + Fmt.band(b.p10()) + "-" + Fmt.band(b.p90()) + ", " + Fmt.count(b.nPricePoints())
        + " points, " + Fmt.count(b.nSuppliers()) + " suppliers";
  }

  static String sizeAdjusted(BenchmarkBand b) {
    if (!b.published() || b.saMedian() == null) {
      return "";
    }
    return Fmt.price(b.saMedian()) + (b.sizeMeasure() == null ? "" : " per " + Words.sizeUnit(b.sizeMeasure()));
  }

  // ---- trend ----

  static void trend(StringBuilder h, YearMonth period, List<TrendPoint> points) {
    List<YearMonth> months = new ArrayList<>();
    for (int i = TREND_MONTHS - 1; i >= 0; i--) {
      months.add(period.minusMonths(i));
    }
    Map<TrendPoint.Series, Map<YearMonth, TrendPoint>> series = new TreeMap<>();
    for (TrendPoint p : points) {
      if (!p.month().isBefore(months.get(0)) && !p.month().isAfter(period)) {
        series.computeIfAbsent(p.series(), k -> new HashMap<>()).put(p.month(), p);
      }
    }
    series.values().removeIf(m -> m.values().stream().noneMatch(TrendPoint::published));

    h.append("<section aria-labelledby=\"trend\">\n<h2 id=\"trend\">Trend of medians, ")
        .append(esc(Fmt.month(months.get(0)))).append(" to ").append(esc(Fmt.month(period))).append("</h2>\n");
    if (series.isEmpty()) {
      h.append("<p>No published medians in the last ").append(TREND_MONTHS).append(" months.</p>\n</section>\n");
      return;
    }
    h.append("<p>The median price of each category and fee type, across all standards, month by month. A gap is a"
        + " month whose cell was suppressed or had no price points. Each chart has its own scale.</p>\n"
        + "<div class=\"multiples\">\n");
    Map<TrendPoint.Series, List<BigDecimal>> medians = new LinkedHashMap<>();
    for (Map.Entry<TrendPoint.Series, Map<YearMonth, TrendPoint>> e : series.entrySet()) {
      List<BigDecimal> m = new ArrayList<>();
      for (YearMonth month : months) {
        TrendPoint p = e.getValue().get(month);
        m.add(p != null && p.published() ? p.median() : null);
      }
      medians.put(e.getKey(), m);
      String name = seriesName(e.getKey());
      int gaps = (int) m.stream().filter(Objects::isNull).count();
      int last = lastIndex(m);
      String latest = "latest median " + Fmt.band(m.get(last)) + " (" + Fmt.month(months.get(last)) + ")";
      h.append("<figure>\n")
          .append(TrendChart.svg(name + ": median price by month",
              "Line chart of the monthly median, " + latest + ", " + gaps + " of " + TREND_MONTHS
                  + " months without a published median.", months, m))
          .append("<figcaption><strong>").append(esc(name)).append("</strong><br>").append(esc(latest))
          .append("</figcaption>\n</figure>\n");
    }
    h.append("</div>\n");
    Tags.scroll(h, "Median price by month");
    String[] heads = new String[TREND_MONTHS + 1];
    heads[0] = "Category, fee type";
    for (int i = 0; i < TREND_MONTHS; i++) {
      heads[i + 1] = "#" + Fmt.monthShort(months.get(i));
    }
    Tags.table(h, "compact", "Median price by month (s: suppressed; \u2013: no price points)", heads);
    for (Map.Entry<TrendPoint.Series, List<BigDecimal>> e : medians.entrySet()) {
      h.append("<tr><th scope=\"row\">").append(esc(seriesName(e.getKey()))).append("</th>");
      Map<YearMonth, TrendPoint> byMonth = series.get(e.getKey());
      for (int i = 0; i < TREND_MONTHS; i++) {
        BigDecimal m = e.getValue().get(i);
        Tags.num(h, m != null ? Fmt.gbpShort(m) : byMonth.containsKey(months.get(i)) ? "s" : "\u2013");
      }
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    Tags.endScroll(h);
    h.append("</section>\n");
  }

  private static int lastIndex(List<BigDecimal> m) {
    for (int i = m.size() - 1; i >= 0; i--) {
      if (m.get(i) != null) {
        return i;
      }
    }
    throw new IllegalStateException("a series without a published month is not shown");
  }

  static String seriesName(TrendPoint.Series s) {
    return Words.category(s.productCategory()) + ", " + Words.feeType(s.feeType()).toLowerCase(java.util.Locale.ROOT)
        + ", £ " + Words.basisUnit(s.basisClass());
  }

  // ---- flags ----

  static void flags(StringBuilder h, String period, Headline n) {
    h.append("<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">Flags by charter rule</h2>\n")
        .append("<p>Lines of the month flagged under each rule of the charter, with the pounds at stake. A breach"
            + " has money to recover; a review flag is a strong lead that needs a person's judgement; an info flag"
            + " is worth knowing but not a breach by itself. A line can be flagged under more than one rule, so the"
            + " pounds are not added up across rules. NHS commercial teams find every flag in the restricted"
            + " register.</p>\n");
    List<BarChart.Bar> bars = new ArrayList<>();
    for (RuleTotal t : n.flaggedByRule()) {
      bars.add(new BarChart.Bar(t.rule().name(), t.amountAtStakeGbp(), colour(t.rule().severity()),
          Fmt.gbp(t.amountAtStakeGbp()) + " (" + Fmt.count(t.flags()) + (t.flags() == 1 ? " flag)" : " flags)")));
    }
    h.append("<figure>\n").append(BarChart.svg("Pounds at stake by rule, " + period,
        "Bar chart of the pounds at stake on the lines each rule flagged; the table that follows gives the values.",
        bars, List.of(new BarChart.Key(colour(Severity.BREACH), "breach"),
            new BarChart.Key(colour(Severity.REVIEW), "review"), new BarChart.Key(colour(Severity.INFO), "info"))))
        .append("<figcaption>Pounds at stake by rule; colour shows the severity.</figcaption>\n</figure>\n");
    Tags.table(h, null, "Flags by rule", "Rule", "Charter principle", "Flagged when", "Severity", "#Flags",
        "#At stake");
    for (RuleTotal t : n.flaggedByRule()) {
      h.append("<tr>");
      Tags.code(h, t.rule().name());
      Tags.td(h, t.rule().principle());
      Tags.td(h, t.rule().condition());
      Tags.td(h, t.rule().severity().value());
      Tags.num(h, Fmt.count(t.flags()));
      Tags.num(h, Fmt.gbp(t.amountAtStakeGbp()));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    h.append("</section>\n");
  }

  // ---- decisions ----

  static void decisions(StringBuilder h, String period, Reviews r) {
    h.append("<section aria-labelledby=\"decisions\">\n<h2 id=\"decisions\">Decisions on flags</h2>\n")
        .append("<p>NHS commercial teams review flags and record a decision: confirmed (the charge breaks the charter),"
            + " recovered (and the money came back) or dismissed (the flag was wrong). These are all flags raised up"
            + " to ").append(esc(period)).append(", by state, with the pounds they were flagged for; a dismissed flag"
            + " counts in no pounds at stake elsewhere in this report. A line flagged under two rules counts once per"
            + " rule. No supplier or buyer is named.</p>\n")
        .append("<dl class=\"tiles\">\n");
    Tags.tile(h, "Recovered", Fmt.gbp(r.recoveredGbp()));
    Tags.tile(h, "Decided", Fmt.count(r.decided()));
    h.append("</dl>\n");
    Tags.table(h, null, "Flags by decision", "Decision", "#Flags", "#Flagged for");
    for (Reviews.Status st : r.statuses()) {
      h.append("<tr>");
      Tags.td(h, st.state().toLowerCase(java.util.Locale.ROOT));
      Tags.num(h, Fmt.count(st.flags()));
      Tags.num(h, Fmt.gbp(st.amountAtStakeGbp()));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    h.append("<p>How often each rule was right: of its flags with a decision, the share confirmed or recovered.</p>\n");
    Tags.table(h, null, "Measured precision by rule", "Rule", "#Decided", "#Confirmed", "#Share confirmed");
    for (Reviews.RulePrecision p : r.byRule()) {
      h.append("<tr>");
      Tags.code(h, p.rule().name());
      Tags.num(h, Fmt.count(p.decided()));
      Tags.num(h, Fmt.count(p.confirmed()));
      Tags.num(h, p.share() == null ? "\u2013" : Fmt.percent(p.share()));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    h.append("</section>\n");
  }

  static String colour(Severity s) {
    return switch (s) {
      case BREACH -> Svg.VERMILION;
      case REVIEW -> Svg.ORANGE;
      case INFO -> Svg.SKY;
    };
  }

  // ---- data quality ----

  static void dataQuality(StringBuilder h, DataQuality q) {
    h.append("<section aria-labelledby=\"dq\">\n<h2 id=\"dq\">Data quality</h2>\n");
    h.append("<p>Every row read is either accepted or quarantined with a reason; a file that cannot be used"
        + " at all is rejected whole. Quarantined rows and rejected files are listed for analysts in"
        + " <code>quarantine.csv</code> and <code>manifest.json</code>.</p>\n");
    h.append("<dl class=\"tiles\">\n");
    Tags.tile(h, "Files received", Fmt.count(q.files()));
    Tags.tile(h, "Files accepted", Fmt.count(q.acceptedFiles()));
    Tags.tile(h, "Files rejected", Fmt.count(q.rejectedFiles()));
    Tags.tile(h, "Duplicate files", Fmt.count(q.duplicateFiles()));
    Tags.tile(h, "Rows read", Fmt.count(q.rowsRead()));
    Tags.tile(h, "Rows accepted", Fmt.count(q.rowsAccepted()));
    Tags.tile(h, "Rows quarantined", Fmt.count(q.rowsQuarantined()));
    h.append("</dl>\n");
    reasons(h, "Quarantined rows by reason", "quarantined rows", q.quarantinedByReason());
    reasons(h, "Rejected files by reason", "rejected files", q.rejectedByReason());
    h.append("</section>\n");
  }

  private static void reasons(StringBuilder h, String caption, String what, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      h.append("<p>No ").append(esc(what)).append(".</p>\n");
      return;
    }
    Tags.table(h, null, caption, "Reason code", "Meaning", "#Count");
    new TreeSet<>(counts.keySet()).forEach(code -> {
      h.append("<tr>");
      Tags.code(h, code);
      Tags.td(h, meaning(code));
      Tags.num(h, Fmt.count(counts.get(code)));
      h.append("</tr>\n");
    });
    Tags.endTable(h);
  }

  static String meaning(String code) {
    try {
      return ReasonCode.valueOf(code).meaning();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
