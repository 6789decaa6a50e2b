package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

/** The frame shared by every HTML page fairfee writes: head, inline style sheet, footer. */
public final class Page {
  private Page() {}

  /**
   * Palette: Okabe-Ito, safe for the common kinds of colour blindness. Text colours keep at least
   * 4.5:1 against their background (ink 17.2, muted 7.5, accent 5.2, #B34700 5.5, #00704F 6.1 on
   * white; white on accent 5.2 and on #B34700 5.5); the lighter Okabe-Ito colours fill shapes only.
   * A scrollable table and a link show a 3px outline when they have keyboard focus. Print rules keep
   * tables and charts whole on A4.
   */
  static final String CSS = """
      :root{--ink:#1b1b1b;--muted:#555;--line:#d0d0d0;--bg:#fff;--accent:#0072B2;--warn:#D55E00;--ok:#009E73;--band:#56B4E9;--mid:#E69F00}
      *{box-sizing:border-box}
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:var(--bg);margin:0 auto;max-width:64rem;padding:1.5rem;line-height:1.45}
      header{border-bottom:3px solid var(--accent);margin-bottom:1.5rem}
      h1{font-size:1.7rem;margin:0 0 .25rem}
      h2{font-size:1.3rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
      h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
      .lede{color:var(--muted);margin:0 0 1rem}
      .badge{display:inline-block;padding:.1rem .5rem;border-radius:.25rem;font-size:.8rem;font-weight:600;background:#eee}
      .badge.restricted{background:#B34700;color:#fff}
      .badge.private{background:var(--accent);color:#fff}
      dl.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.6rem;margin:1rem 0}
      dl.tiles div{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .7rem}
      dl.tiles dt{font-size:.8rem;color:var(--muted)}
      dl.tiles dd{margin:0;font-size:1.3rem;font-weight:600}
      table{border-collapse:collapse;width:100%;margin:.6rem 0 1.2rem;font-size:.9rem}
      caption{text-align:left;font-weight:600;padding:.3rem 0}
      th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
      thead th{border-bottom:2px solid var(--ink)}
      td.num,th.num,table.bands td+td+td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      table.bands td.suppressed{text-align:left;white-space:normal}
      code{font-size:.85em}
      figure{margin:1rem 0}
      figcaption{font-size:.85rem;color:var(--muted)}
      svg{max-width:100%;height:auto}
      svg.chart{width:100%;height:auto;display:block}
      .note{font-size:.85rem;color:var(--muted)}
      footer{margin-top:2.5rem;border-top:1px solid var(--line);padding-top:.5rem;font-size:.8rem;color:var(--muted)}
      .banner{margin:.8rem 0;padding:.55rem .9rem;border-radius:.3rem;font-weight:600}
      .banner.public{background:#e8f3fa;border-left:6px solid var(--accent)}
      .banner.private{background:var(--accent);color:#fff;font-size:1.1rem}
      .banner.restricted{background:#B34700;color:#fff;font-size:1.5rem;font-weight:800;text-align:center;letter-spacing:.03em}
      nav.toc ol{display:flex;flex-wrap:wrap;gap:.3rem 1.2rem;list-style:none;padding:0;margin:0 0 1rem;font-size:.9rem}
      a{color:var(--accent)}
      .multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(19rem,1fr));gap:.8rem;margin:1rem 0}
      .multiples figure{margin:0;border:1px solid var(--line);border-radius:.4rem;padding:.4rem .5rem;break-inside:avoid}
      .table-scroll{overflow-x:auto}
      .table-scroll:focus,a:focus{outline:3px solid var(--ink);outline-offset:2px}
      table.compact{font-size:.78rem}
      table.compact th,table.compact td{padding:.2rem .3rem}
      td.wrap{overflow-wrap:anywhere;min-width:9rem}
      td code{white-space:nowrap}
      td.suppressed{color:var(--muted);font-style:italic}
      tr.total td{font-weight:700;border-top:2px solid var(--ink)}
      .pos-above{color:#B34700;font-weight:600}
      .pos-within{color:#00704F}
      dl.method dt{font-weight:600;margin-top:.6rem}
      dl.method dd{margin:0 0 .3rem}
      ul.guidance li{margin:.3rem 0}
      @media print{body{max-width:none;padding:0;font-size:10pt}h2{break-after:avoid}table,figure{break-inside:avoid}a{color:inherit}
        nav.toc{display:none}.table-scroll{overflow:visible}table{font-size:8pt}table.compact{font-size:6.5pt}
        table.compact th,table.compact td{padding:.1rem .15rem}td.wrap{min-width:6rem}.banner,svg{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
      @page{size:A4;margin:15mm}
      """;

  /** What a page is cleared for; shown as a banner under the heading. */
  public enum Audience {
    PUBLIC("public"), PRIVATE("private"), RESTRICTED("restricted");

    private final String cssClass;

    Audience(String cssClass) {
      this.cssClass = cssClass;
    }
  }

  /** Opens a page with a banner saying who may read it; text is raw and escaped here. */
  public static void open(StringBuilder h, String title, String heading, String lede, Audience audience,
      String banner) {
    h.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
        .append("<header>\n<h1>").append(esc(heading)).append("</h1>\n<p class=\"lede\">").append(esc(lede))
        .append("</p>\n");
    if (audience != null) {
      h.append("<p class=\"banner ").append(audience.cssClass).append("\" role=\"note\">").append(esc(banner))
          .append("</p>\n");
    }
    h.append("</header>\n<main>\n");
  }

  public static void open(StringBuilder h, String title, String heading, String lede) {
    open(h, title, heading, lede, null, null);
  }

  public static void close(StringBuilder h, String version) {
    h.append("</main>\n<footer>Made by fairfee ").append(esc(version))
        .append(". Same input, same report: this page holds no run time; see manifest.json.</footer>\n</body>\n</html>\n");
  }
}
