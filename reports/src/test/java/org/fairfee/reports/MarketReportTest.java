package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's structure: accessible charts each followed by their numbers, and the foundation job's short form. */
class MarketReportTest {
  static final String HTML = MarketReport.render(Demo.fixture().data());

  @Test
  void everyChartIsAnImageWithATextAlternativeAndATableOfItsNumbers() {
    Matcher svg = Pattern.compile("<svg [^>]*>").matcher(HTML);
    int charts = 0;
    while (svg.find()) {
      charts++;
      String tag = svg.group();
      assertTrue(tag.contains("role=\"img\"") && tag.matches(".*aria-label=\"[^\"]+\".*"), tag);
      String after = HTML.substring(svg.end());
      assertTrue(after.startsWith("\n<title>") && after.indexOf("<desc>") < after.indexOf("</svg>"), tag);
    }
    assertTrue(charts >= 10, "charts: " + charts);
    assertEquals(DemoTest.count(HTML, "<figure>"), charts, "each chart sits in a figure with a caption");
    assertEquals(charts, DemoTest.count(HTML, "<figcaption>"));
    int tables = DemoTest.count(HTML, "<caption>");
    assertTrue(tables >= DemoTest.count(HTML, "band-chart") + 2, "a table for each band chart, the trend and the flags");
    assertFalse(HTML.contains("<script"), "no script");
    assertFalse(HTML.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").matches("(?s).*(https?:|src=|url\\().*"),
        "nothing from the network");
  }

  @Test
  void theFoundationJobsShortFormShowsDataQualityOnly() {
    Fixture f = Fixture.golden();
    String html = MarketReport.render(new ReportData(f.data().period(), "v", f.data().quality()));
    assertTrue(html.contains("<h2 id=\"dq\">Data quality</h2>"));
    assertFalse(html.contains("id=\"bands\"") || html.contains("id=\"flags\"") || html.contains("<nav"), html);
  }
}
