package org.fairfee.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A horizontal band plot: one row per peer group, the p10-p90 range as a line, the p25-p75 box and
 * the median as a bar; optionally a marker (a supplier's own price, in statements). Rows sharing a
 * group (a fee type) sit under one group heading. Same rows, same SVG text.
 */
final class BandChart {
  private BandChart() {}

  /**
   * One row. The band is either all five statistics or none (a suppressed or missing band: the
   * caller says so in the group or the table); marker is optional. Text is raw, escaped when written.
   */
  record Row(String group, String label, String tooltip, BigDecimal p10, BigDecimal p25, BigDecimal median,
      BigDecimal p75, BigDecimal p90, BigDecimal marker, String valueText) {
    boolean hasBand() {
      return median != null;
    }
  }

  static final int WIDTH = 760;
  private static final double LABEL_X = 8;
  private static final double INDENT = 16;
  private static final double X0 = 236;
  private static final double X1 = 630;
  private static final double VALUE_X = 642;
  private static final double TOP = 6;
  private static final double ROW = 26;
  private static final double GROUP = 24;
  /** Room above the rows for the value column's heading. */
  private static final double HEAD = 14;

  /**
   * The chart, or an empty string when no row has anything to draw. valueHeading heads the value
   * column and, where rows have markers, names the marker in the legend.
   */
  static String svg(String title, String desc, String unit, String valueHeading, List<Row> rows) {
    List<BigDecimal> values = new ArrayList<>();
    for (Row r : rows) {
      if (r.hasBand()) {
        values.add(r.p10());
        values.add(r.p90());
      }
      values.add(r.marker());
    }
    if (values.stream().allMatch(Objects::isNull)) {
      return "";
    }
    Scale scale = Scale.of(values, X0, X1);
    boolean markers = rows.stream().anyMatch(r -> r.marker() != null);
    boolean bands = rows.stream().anyMatch(Row::hasBand);

    double y = TOP + HEAD;
    String group = null;
    StringBuilder body = new StringBuilder();
    for (Row r : rows) {
      if (r.group() != null && !r.group().equals(group)) {
        group = r.group();
        Svg.text(body, LABEL_X, y + GROUP - 8, "start", "font-weight=\"700\"", Text.shorten(group, 90));
        y += GROUP;
      }
      row(body, scale, r, y + ROW / 2, r.group() != null ? LABEL_X + INDENT : LABEL_X);
      y += ROW;
    }
    double plotBottom = y + 4;
    int height = (int) Math.ceil(plotBottom + 62);

    StringBuilder s = new StringBuilder(4096);
    Svg.open(s, "chart band-chart", WIDTH, height, title, desc);
    Svg.style(s, STYLE);
    s.append("<g aria-hidden=\"true\">\n");
    for (BigDecimal t : scale.ticks()) {
      double x = scale.at(t);
      Svg.line(s, x, TOP + HEAD, x, plotBottom, Svg.GRID, 1);
      Svg.text(s, x, plotBottom + 15, "middle", "fill=\"" + Svg.MUTED + "\"", Fmt.gbpShort(t));
    }
    Svg.line(s, X0, plotBottom, X1, plotBottom, Svg.MUTED, 1);
    Svg.text(s, X1, plotBottom + 31, "end", "fill=\"" + Svg.MUTED + "\"",
        unit + (scale.isLog() ? " (log scale: equal distances are equal ratios)" : ""));
    Svg.text(s, VALUE_X, TOP + 12, "start", "fill=\"" + Svg.MUTED + "\"", valueHeading);
    s.append("</g>\n").append(body);
    legend(s, plotBottom + 50, bands, markers, valueHeading);
    Svg.close(s);
    return s.toString();
  }

  /**
   * The shapes every row repeats, as classes: whiskers (p10 to p90), box (p25 to p75), median bar,
   * value text. A national report draws thousands of rows, so a row is kept to a few short elements.
   */
  static final String STYLE = ".bc-w{fill:none;stroke:" + Svg.MUTED + ";stroke-width:1.5}.bc-b{fill:" + Svg.SKY
      + ";stroke:" + Svg.BLUE + "}.bc-m{stroke:" + Svg.INK + ";stroke-width:3}.bc-v{font-weight:600}";

  private static void row(StringBuilder s, Scale scale, Row r, double cy, double labelX) {
    s.append("<g>\n");
    if (r.tooltip() != null) {
      Svg.tooltip(s, r.tooltip());
    }
    Svg.text(s, labelX, cy + 4, "start", "", Text.shorten(r.label(), labelX > LABEL_X ? 34 : 36));
    if (r.hasBand()) {
      String x10 = Svg.n(scale.at(r.p10()));
      String x90 = Svg.n(scale.at(r.p90()));
      String top = Svg.n(cy - 5);
      s.append("<path class=\"bc-w\" d=\"M").append(x10).append(' ').append(Svg.n(cy)).append('H').append(x90)
          .append('M').append(x10).append(' ').append(top).append("v10M").append(x90).append(' ').append(top)
          .append("v10\"/>\n");
      double x25 = scale.at(r.p25());
      String w = Svg.n(Math.max(scale.at(r.p75()) - x25, 1));
      s.append("<path class=\"bc-b\" d=\"M").append(Svg.n(x25)).append(' ').append(Svg.n(cy - 8)).append('h').append(w)
          .append("v16h-").append(w).append("z\"/>\n");
      s.append("<path class=\"bc-m\" d=\"M").append(Svg.n(scale.at(r.median()))).append(' ').append(Svg.n(cy - 10))
          .append("v20\"/>\n");
    }
    if (r.marker() != null) {
      Svg.diamond(s, scale.at(r.marker()), cy, 7, Svg.VERMILION);
    }
    if (r.valueText() != null) {
      Svg.text(s, VALUE_X, cy + 4, "start", "class=\"bc-v\"", Text.shorten(r.valueText(), 18));
    }
    s.append("</g>\n");
  }

  private static void legend(StringBuilder s, double y, boolean bands, boolean markers, String markerLabel) {
    s.append("<g aria-hidden=\"true\" fill=\"").append(Svg.MUTED).append("\">\n");
    double x = LABEL_X;
    if (bands) {
      Svg.line(s, x, y - 4, x + 26, y - 4, Svg.MUTED, 1.5);
      Svg.text(s, x + 32, y, "start", "", "p10 to p90");
      x += 112;
      Svg.rect(s, x, y - 11, 26, 14, Svg.SKY, Svg.BLUE);
      Svg.text(s, x + 32, y, "start", "", "p25 to p75");
      x += 112;
      Svg.line(s, x + 4, y - 13, x + 4, y + 5, Svg.INK, 3);
      Svg.text(s, x + 14, y, "start", "", "median");
      x += 90;
    }
    if (markers) {
      Svg.diamond(s, x + 6, y - 4, 7, Svg.VERMILION);
      Svg.text(s, x + 18, y, "start", "", markerLabel);
    }
    s.append("</g>\n");
  }
}
