package org.fairfee.reports;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One small line chart of a monthly median: a line through consecutive published months and a gap
 * wherever a month was suppressed or had no price points. Drawn small to be shown as a grid.
 */
final class TrendChart {
  private TrendChart() {}

  private static final int WIDTH = 320;
  private static final int HEIGHT = 150;
  private static final double X0 = 56;
  private static final double X1 = 292;
  private static final double Y_TOP = 12;
  private static final double Y_BOTTOM = 118;

  /** months and medians pair up by index; a null median is a gap. */
  static String svg(String title, String desc, List<YearMonth> months, List<BigDecimal> medians) {
    BigDecimal max = medians.stream().filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
    Scale y = Scale.linear(max, 3, Y_BOTTOM, Y_TOP);
    int n = months.size();
    double step = n > 1 ? (X1 - X0) / (n - 1) : 0;

    StringBuilder s = new StringBuilder(2048);
    Svg.open(s, "chart trend-chart", WIDTH, HEIGHT, title, desc);
    s.append("<g aria-hidden=\"true\" fill=\"").append(Svg.MUTED).append("\" font-size=\"11\">\n<path d=\"");
    for (BigDecimal t : y.ticks()) {
      s.append('M').append(Svg.n(X0)).append(' ').append(Svg.n(y.at(t))).append('H').append(Svg.n(X1));
    }
    s.append("\" stroke=\"").append(Svg.GRID).append("\"/>\n<path d=\"M").append(Svg.n(X0)).append(' ')
        .append(Svg.n(Y_BOTTOM)).append('H').append(Svg.n(X1));
    for (int i = n - 1; i >= 0; i -= 3) {
      s.append('M').append(Svg.n(X0 + i * step)).append(' ').append(Svg.n(Y_BOTTOM)).append("v4");
    }
    s.append("\" stroke=\"").append(Svg.MUTED).append("\"/>\n");
    for (BigDecimal t : y.ticks()) {
      Svg.text(s, X0 - 6, y.at(t) + 4, "end", "", Fmt.gbpShort(t));
    }
    for (int i = n - 1; i >= 0; i -= 3) {
      Svg.text(s, X0 + i * step, Y_BOTTOM + 17, "middle", "", Fmt.monthShort(months.get(i)));
    }
    s.append("</g>\n");

    List<String> run = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      BigDecimal m = i < n ? medians.get(i) : null;
      if (m != null) {
        run.add(Svg.n(X0 + i * step) + "," + Svg.n(y.at(m)));
      } else {
        if (run.size() > 1) {
          s.append("<polyline points=\"").append(String.join(" ", run)).append("\" fill=\"none\" stroke=\"")
              .append(Svg.BLUE).append("\" stroke-width=\"2\"/>\n");
        }
        run.clear();
      }
    }
    s.append("<g fill=\"").append(Svg.BLUE).append("\">\n");
    for (int i = 0; i < n; i++) {
      BigDecimal m = medians.get(i);
      if (m != null) {
        s.append("<circle cx=\"").append(Svg.n(X0 + i * step)).append("\" cy=\"").append(Svg.n(y.at(m)))
            .append("\" r=\"3\"><title>").append(Html.esc(Fmt.month(months.get(i)) + ": " + Fmt.price(m)))
            .append("</title></circle>\n");
      }
    }
    s.append("</g>\n");
    Svg.close(s);
    return s.toString();
  }
}
