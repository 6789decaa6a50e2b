package org.fairfee.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * Horizontal bars of pounds from zero, one per row, each with its own colour and value label. Bars
 * and legend keys have a dark outline, so the lighter colours still stand 3:1 off the white page
 * (WCAG 1.4.11).
 */
final class BarChart {
  private BarChart() {}

  record Bar(String label, BigDecimal value, String colour, String valueText) {}

  /** A legend entry: a colour and what it stands for. */
  record Key(String colour, String label) {}

  private static final int WIDTH = 760;
  private static final double X0 = 200;
  private static final double X1 = 560;
  private static final double ROW = 24;
  private static final double TOP = 6;

  static String svg(String title, String desc, List<Bar> bars, List<Key> legend) {
    BigDecimal max = bars.stream().map(Bar::value).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    Scale x = Scale.linear(max, 4, X0, X1);
    double bottom = TOP + bars.size() * ROW + 4;
    int height = (int) Math.ceil(bottom + 46);

    StringBuilder s = new StringBuilder(2048);
    Svg.open(s, "chart bar-chart", WIDTH, height, title, desc);
    s.append("<g aria-hidden=\"true\">\n");
    for (BigDecimal t : x.ticks()) {
      double tx = x.at(t);
      Svg.line(s, tx, TOP, tx, bottom, Svg.GRID, 1);
      Svg.text(s, tx, bottom + 15, "middle", "fill=\"" + Svg.MUTED + "\"", Fmt.gbpShort(t));
    }
    Svg.line(s, X0, TOP, X0, bottom, Svg.MUTED, 1);
    s.append("</g>\n");
    double y = TOP;
    for (Bar b : bars) {
      double cy = y + ROW / 2;
      s.append("<g>\n");
      Svg.tooltip(s, b.label() + ": " + b.valueText());
      Svg.text(s, X0 - 8, cy + 4, "end", "", Text.shorten(b.label(), 30));
      if (b.value().signum() > 0) {
        Svg.rect(s, X0, cy - 8, x.at(b.value()) - X0, 16, b.colour(), Svg.INK);
      }
      Svg.text(s, Math.max(x.at(b.value()), X0) + 6, cy + 4, "start", "", b.valueText());
      s.append("</g>\n");
      y += ROW;
    }
    double lx = X0;
    s.append("<g aria-hidden=\"true\" fill=\"").append(Svg.MUTED).append("\">\n");
    for (Key k : legend) {
      Svg.rect(s, lx, bottom + 27, 14, 12, k.colour(), Svg.INK);
      Svg.text(s, lx + 20, bottom + 37, "start", "", k.label());
      lx += 24 + 7.5 * k.label().length();
    }
    s.append("</g>\n");
    Svg.close(s);
    return s.toString();
  }
}
