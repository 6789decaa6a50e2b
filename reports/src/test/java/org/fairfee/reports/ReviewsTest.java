package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Reviews;
import org.fairfee.reports.model.RuleTotal;
import org.junit.jupiter.api.Test;

/** Decisions on flags in every document: shown where a flag is listed, dismissed ones in no total. */
class ReviewsTest {
  static final Fixture F = Fixture.golden();
  static final LocalDate ON = LocalDate.of(2026, 6, 3);

  /** The golden month with SUB-0051:3 (P5_DUPLICATE, £3,000) dismissed and SUB-0051:2 (P1, £3,000) recovered. */
  static List<Flag> decided() {
    List<Flag> out = new ArrayList<>();
    for (Flag f : F.flags()) {
      String key = f.submissionId() + ":" + f.lineNo();
      out.add(key.equals("SUB-0051:3") ? f.withDecision("DISMISSED", null, ON)
          : key.equals("SUB-0051:2") ? f.withDecision("RECOVERED", new BigDecimal("2500.00"), ON)
          : key.equals("SUB-0042:7") ? f.withDecision("CONFIRMED", null, ON) : f);
    }
    return out;
  }

  @Test
  void dismissedFlagsAreInNoTotal() throws Exception {
    List<Flag> flags = decided();
    BigDecimal all = new BigDecimal("33250.00"); // 27,500 + 3,000 + 3,000 + 1,500 + 1,250 + 0, less the dismissed 3,000
    assertEquals(0, all.compareTo(SupplierStatement.sum(flags)));
    assertEquals(0, all.compareTo(RuleTotal.of(flags).stream().map(RuleTotal::amountAtStakeGbp)
        .reduce(BigDecimal.ZERO, BigDecimal::add)));
    assertTrue(FlagsRegister.html(F.data().period(), "t", flags).contains("<dt>At stake, all rules</dt><dd>£33,250.00</dd>"));
    assertTrue(FlagsRegister.buyerTotalsCsv(flags).contains("BUY-TRUST-01,3,2750.00"), FlagsRegister.buyerTotalsCsv(flags));
    Map<String, List<List<String>>> sheets = Sheets.text(Workbook.render(F.data(), flags));
    assertTrue(sheets.get(Workbook.SUPPLIER_TOTALS).contains(List.of("SUP-BRAVO", "P5_DUPLICATE", "breach", "1", "£0.00")),
        sheets.get(Workbook.SUPPLIER_TOTALS).toString());
    String statement = SupplierStatement.html("SUP-BRAVO", F.data(), F.points(), flags);
    assertTrue(statement.contains("<dt>At stake</dt><dd>£3,000.00</dd>"), "3,000 recovered-on + 0 info; the dismissed 3,000 out");
    assertTrue(statement.contains("<td>dismissed</td>"));
    assertTrue(statement.contains("<td>recovered £2,500.00</td>"));
    assertTrue(statement.contains("<dt>Still open</dt><dd>1</dd>"));
    String csv = SupplierStatement.csv("SUP-BRAVO", F.data(), F.points(), flags);
    assertTrue(csv.contains(",3000.00,0.00,\"Same charge as line 1"), "the dismissed line's statement row puts 0 at stake");
  }

  @Test
  void theRegisterListsEveryDecisionAndEarlierFlagsWithTheirAge() {
    List<Flag> flags = new ArrayList<>(decided());
    assertEquals("SUB-0060", flags.get(4).submissionId());
    flags.set(4, flags.get(4).raised("2026-03", 2));
    String csv = FlagsRegister.csv(flags);
    assertTrue(csv.contains(",DISMISSED,,2026-06-03,2026-05,0\n"), csv);
    assertTrue(csv.contains(",RECOVERED,2500.00,2026-06-03,2026-05,0\n"), csv);
    assertTrue(csv.contains(",CONFIRMED,,2026-06-03,2026-05,0\n"), csv);
    assertTrue(csv.contains(",,,,2026-03,2\n"), csv);
    String html = FlagsRegister.html(F.data().period(), "t", flags);
    assertTrue(html.contains("<td>open (raised 2026-03), 2 months old</td>"), html);
    assertTrue(html.contains("<dt>Recovered</dt><dd>£2,500.00</dd>"));
  }

  @Test
  void theReportShowsDecisionsAndPrecisionWithoutNames() {
    Reviews r = Reviews.of(decided());
    String html = MarketReport.render(F.data().withReviews(r));
    int at = html.indexOf("<h2 id=\"decisions\">");
    assertTrue(at > 0);
    String section = html.substring(at, html.indexOf("</section>", at));
    assertTrue(section.contains("<dt>Recovered</dt><dd>£2,500.00</dd>"), section);
    assertTrue(section.contains("<td>open</td><td class=\"num\">3</td><td class=\"num\">£29,000.00</td>"), section);
    assertTrue(section.contains("<td>dismissed</td><td class=\"num\">1</td><td class=\"num\">£3,000.00</td>"), section);
    assertTrue(section.contains("<code>P1_SPEC_FEE</code></td><td class=\"num\">1</td><td class=\"num\">1</td>"
        + "<td class=\"num\">100.0%</td>"), section);
    assertTrue(section.contains("<code>P5_DUPLICATE</code></td><td class=\"num\">2</td><td class=\"num\">1</td>"
        + "<td class=\"num\">50.0%</td>"), section);
    assertFalse(section.matches("(?s).*(SUP-|BUY-|SUB-).*"), "names no one");
    assertFalse(MarketReport.render(F.data()).contains("id=\"decisions\""), "no review, no section");
  }

  @Test
  void aFlagRefusesAnAmountRecoveredWithoutRecoveredAndAnUnknownDecision() {
    Flag f = F.flags().get(0);
    assertThrows(IllegalArgumentException.class, () -> f.withDecision("CONFIRMED", BigDecimal.TEN, ON));
    assertThrows(IllegalArgumentException.class, () -> f.withDecision("RECOVERED", null, ON));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.withDecision("MAYBE", null, ON));
    assertEquals("Flag SUB-0042:7 P5_DUPLICATE: decision MAYBE is not one of CONFIRMED, DISMISSED, RECOVERED",
        e.getMessage());
  }
}
