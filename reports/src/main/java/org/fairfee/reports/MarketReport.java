package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.util.Map;
import org.fairfee.schemas.ReasonCode;

/**
 * The month's market report: one self-contained HTML page (inline CSS, no scripts, nothing from
 * the network) that opens offline and prints on A4. It names no supplier and no buyer.
 */
public final class MarketReport {
  private MarketReport() {}

  public static String render(ReportData d) {
    StringBuilder h = new StringBuilder(16_384);
    Page.open(h, "fairfee market report " + d.period(), "fairfee market report",
        "Interface and licence fees charged to NHS and social-care organisations, month " + d.period());
    dataQuality(h, d.quality());
    Page.close(h, d.version());
    return h.toString();
  }

  static void dataQuality(StringBuilder h, DataQuality q) {
    h.append("<section aria-labelledby=\"dq\">\n<h2 id=\"dq\">Data quality</h2>\n");
    h.append("<p>Every row read is either accepted or quarantined with a reason; a file that cannot be used"
        + " at all is rejected whole. Quarantined rows and rejected files are listed for analysts in"
        + " <code>quarantine.csv</code> and <code>manifest.json</code>.</p>\n");
    h.append("<dl class=\"tiles\">\n");
    tile(h, "Files received", Fmt.count(q.files()));
    tile(h, "Files accepted", Fmt.count(q.acceptedFiles()));
    tile(h, "Files rejected", Fmt.count(q.rejectedFiles()));
    tile(h, "Duplicate files", Fmt.count(q.duplicateFiles()));
    tile(h, "Rows read", Fmt.count(q.rowsRead()));
    tile(h, "Rows accepted", Fmt.count(q.rowsAccepted()));
    tile(h, "Rows quarantined", Fmt.count(q.rowsQuarantined()));
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
    h.append("<table>\n<caption>").append(esc(caption)).append("</caption>\n")
        .append("<thead><tr><th scope=\"col\">Reason code</th><th scope=\"col\">Meaning</th>"
            + "<th scope=\"col\" class=\"num\">Count</th></tr></thead>\n<tbody>\n");
    counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> h
        .append("<tr><td><code>").append(esc(e.getKey())).append("</code></td><td>")
        .append(esc(meaning(e.getKey()))).append("</td><td class=\"num\">")
        .append(Fmt.count(e.getValue())).append("</td></tr>\n"));
    h.append("</tbody>\n</table>\n");
  }

  static String meaning(String code) {
    try {
      return ReasonCode.valueOf(code).meaning();
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static void tile(StringBuilder h, String label, String value) {
    h.append("<div><dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd></div>\n");
  }
}
