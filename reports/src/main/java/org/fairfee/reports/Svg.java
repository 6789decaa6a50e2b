package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.util.Locale;

/**
 * Small pieces shared by the inline SVG charts. Colours are the Okabe-Ito palette of Page.CSS,
 * written into each chart (as attributes, or a style element of its own for the shapes repeated on
 * every row) so a chart keeps its colours when copied out of the page.
 */
final class Svg {
  private Svg() {}

  static final String INK = "#1b1b1b";
  static final String MUTED = "#555555";
  static final String GRID = "#e3e3e3";
  static final String BLUE = "#0072B2";
  static final String SKY = "#56B4E9";
  static final String ORANGE = "#E69F00";
  static final String VERMILION = "#D55E00";

  /** A coordinate at one decimal, the same on every machine; a whole number without ".0" (shorter pages). */
  static String n(double d) {
    if (Math.abs(d) < 0.05) {
      return "0";
    }
    String s = String.format(Locale.ROOT, "%.1f", d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  /**
   * Opens an accessible chart: role img with its title as label, and a title and desc element
   * that screen readers and tooltips use. title and desc are raw text; they are escaped here.
   */
  static void open(StringBuilder s, String cssClass, int width, int height, String title, String desc) {
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"").append(cssClass)
        .append("\" role=\"img\" aria-label=\"").append(esc(title))
        .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" font-size=\"12\">\n<title>").append(esc(title)).append("</title>\n<desc>")
        .append(esc(desc)).append("</desc>\n");
  }

  /**
   * A style element inside the chart for the classes its rows repeat. Rules in an inline SVG apply
   * to the whole page, so each chart kind prefixes its class names and writes the same rules.
   */
  static void style(StringBuilder s, String css) {
    s.append("<style>").append(css).append("</style>\n");
  }

  static void close(StringBuilder s) {
    s.append("</svg>\n");
  }

  static void line(StringBuilder s, double x1, double y1, double x2, double y2, String stroke, double width) {
    s.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
        .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
        .append(n(width)).append("\"/>\n");
  }

  static void rect(StringBuilder s, double x, double y, double w, double h, String fill, String stroke) {
    s.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(Math.max(w, 1)))
        .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append('"');
    if (stroke != null) {
      s.append(" stroke=\"").append(stroke).append('"');
    }
    s.append("/>\n");
  }

  /** Text at (x, y); anchor is start, middle or end; extra holds further attributes or is empty. */
  static void text(StringBuilder s, double x, double y, String anchor, String extra, String raw) {
    s.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
    if (!"start".equals(anchor)) {
      s.append(" text-anchor=\"").append(anchor).append('"');
    }
    if (!extra.isEmpty()) {
      s.append(' ').append(extra);
    }
    s.append('>').append(esc(raw)).append("</text>\n");
  }

  static void diamond(StringBuilder s, double x, double y, double r, String fill) {
    s.append("<path d=\"M").append(n(x)).append(' ').append(n(y - r)).append(" L").append(n(x + r)).append(' ')
        .append(n(y)).append(" L").append(n(x)).append(' ').append(n(y + r)).append(" L").append(n(x - r)).append(' ')
        .append(n(y)).append(" Z\" fill=\"").append(fill).append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\n");
  }

  static void tooltip(StringBuilder s, String raw) {
    s.append("<title>").append(esc(raw)).append("</title>\n");
  }
}
