package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

/** Small HTML builders shared by the pages; every text argument is raw and escaped here. */
final class Tags {
  private Tags() {}

  static void tile(StringBuilder h, String label, String value) {
    h.append("<div><dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd></div>\n");
  }

  /** Opens a table with its caption and header row; headers starting with '#' are numeric columns. */
  static void table(StringBuilder h, String cssClass, String caption, String... headers) {
    h.append(cssClass == null ? "<table>\n" : "<table class=\"" + cssClass + "\">\n")
        .append("<caption>").append(esc(caption)).append("</caption>\n<thead><tr>");
    for (String head : headers) {
      boolean num = head.startsWith("#");
      h.append(num ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
          .append(esc(num ? head.substring(1) : head)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
  }

  static void endTable(StringBuilder h) {
    h.append("</tbody>\n</table>\n");
  }

  /**
   * Opens the wrapper that lets a wide table scroll sideways. It is a named region in the tab order,
   * so a keyboard user can reach it and scroll it with the arrow keys (WCAG 2.1.1); close with
   * {@link #endScroll}.
   */
  static void scroll(StringBuilder h, String label) {
    h.append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"").append(esc(label))
        .append("\">\n");
  }

  static void endScroll(StringBuilder h) {
    h.append("</div>\n");
  }

  static StringBuilder td(StringBuilder h, String text) {
    return h.append("<td>").append(esc(text)).append("</td>");
  }

  static StringBuilder num(StringBuilder h, String text) {
    return h.append("<td class=\"num\">").append(esc(text)).append("</td>");
  }

  /** A cell for long free text from input, which may break anywhere rather than widen the page. */
  static StringBuilder wrap(StringBuilder h, String text) {
    return h.append("<td class=\"wrap\">").append(esc(text)).append("</td>");
  }

  static StringBuilder code(StringBuilder h, String text) {
    return h.append("<td><code>").append(esc(text)).append("</code></td>");
  }
}
