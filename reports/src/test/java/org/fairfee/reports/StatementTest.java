package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.fairfee.reports.SupplierStatement.Position;
import org.fairfee.reports.model.BenchmarkBand;
import org.junit.jupiter.api.Test;

/**
 * Where a price sits in its band, the summary per peer group a statement opens with, what it says
 * per rule, how it lists a long run of flags, and which suppliers get one.
 */
class StatementTest {
  static final Fixture F = Fixture.golden();
  static final BenchmarkBand FHIR = F.data().bands().get(1); // 9,500 / 12,000 / 15,000 / 18,500 / 24,000

  @Test
  void positionsAtTheBoundaries() {
    assertEquals(Position.BELOW_P25, SupplierStatement.position(new BigDecimal("11999.99"), FHIR));
    assertEquals(Position.WITHIN_P25_P75, SupplierStatement.position(new BigDecimal("12000"), FHIR));
    assertEquals(Position.WITHIN_P25_P75, SupplierStatement.position(new BigDecimal("18500.0000"), FHIR));
    assertEquals(Position.ABOVE_P75, SupplierStatement.position(new BigDecimal("18500.01"), FHIR));
    assertEquals(Position.ABOVE_P75, SupplierStatement.position(new BigDecimal("24000"), FHIR));
    assertEquals(Position.ABOVE_P90, SupplierStatement.position(new BigDecimal("24000.01"), FHIR));
    assertNull(SupplierStatement.position(BigDecimal.ONE, F.data().bands().get(2)), "suppressed: no position");
    assertNull(SupplierStatement.position(BigDecimal.ONE, null), "no band: no position");
  }

  @Test
  void everySupplierWithAPointOrAFlagGetsAStatement() {
    assertEquals(List.of("SUP-ALPHA", "SUP-BRAVO", "SUP-CHARLIE"), SupplierStatement.suppliers(F.points(), F.flags()));
  }

  @Test
  void theStatementSaysWhatToDoPerRuleAndIsMarkedPrivate() {
    String html = SupplierStatement.html("SUP-ALPHA", F.data(), F.points(), F.flags());
    assertTrue(html.contains("<p class=\"banner private\" role=\"note\">PRIVATE: for supplier SUP-ALPHA only."));
    assertTrue(html.contains(Guidance.whatYouCanDo(org.fairfee.schemas.RuleCode.P5_DUPLICATE)));
    assertTrue(html.contains(Guidance.whatYouCanDo(org.fairfee.schemas.RuleCode.P4_HIGH_FEE)));
    String bravo = SupplierStatement.html("SUP-BRAVO", F.data(), F.points(), F.flags());
    assertTrue(bravo.contains("Remove the charge for specification access"));
    List<Map<String, String>> csv = Csvs.records(SupplierStatement.csv("SUP-CHARLIE", F.data(), F.points(), F.flags()));
    assertEquals(1, csv.size(), "SUP-CHARLIE has one flag and no price point");
    assertEquals(Guidance.whatYouCanDo(org.fairfee.schemas.RuleCode.P5_OVERLAP), csv.get(0).get(ReportTables.WHAT_YOU_CAN_DO));
  }

  @Test
  void theMedianIsTheMiddlePriceOrTheMeanOfTheTwoMiddleOnes() {
    assertEquals(new BigDecimal("7"), SupplierStatement.median(List.of(new BigDecimal("7"))));
    assertEquals(new BigDecimal("2.5"), SupplierStatement.median(List.of(BigDecimal.ONE, new BigDecimal("2"),
        new BigDecimal("3"), new BigDecimal("4"))));
    assertEquals(new BigDecimal("0.04135"), SupplierStatement.median(List.of(new BigDecimal("0.0413"),
        new BigDecimal("0.0414"))));
    assertThrows(IllegalArgumentException.class, () -> SupplierStatement.median(List.of()));
  }

  @Test
  void theSummaryCountsEachPeerGroupsPointsAndWhereTheyLie() {
    List<SupplierStatement.GroupSummary> rows = SupplierStatement.summary("SUP-ALPHA", F.data(), F.points());
    assertEquals(List.of("LIMS/DICOM/IMPLEMENTATION", "EPR/NOT_APPLICABLE/TRANSACTION", "EPR/FHIR_R4/LICENCE",
        "EPR/HL7_V2/LICENCE"), rows.stream().map(r -> r.group().productCategory() + "/" + r.group().interfaceStandard()
            + "/" + r.group().feeType()).toList(), "basis class, then peer group order");
    SupplierStatement.GroupSummary fhir = rows.get(2); // 13,200, 20,000 and 42,000 against p75 18,500 and p90 24,000
    assertEquals(3, fhir.points());
    assertEquals(new BigDecimal("20000.0000"), fhir.median());
    assertEquals(Position.ABOVE_P75, fhir.medianPosition());
    assertEquals(2, fhir.aboveP75(), "above p75 counts the point above p90 too");
    assertEquals(1, fhir.aboveP90());
    SupplierStatement.GroupSummary hl7 = rows.get(3); // suppressed band
    assertEquals(1, hl7.points());
    assertNull(hl7.medianPosition(), "no position against a suppressed band");
    assertEquals(0, hl7.aboveP75() + hl7.aboveP90());

    String html = SupplierStatement.html("SUP-ALPHA", F.data(), F.points(), F.flags());
    assertTrue(html.contains("<tr><th scope=\"row\">Electronic patient record (EPR) \u00b7 FHIR R4 \u00b7 licence</th>"
        + "<td class=\"num\">3</td><td class=\"num\">£20,000</td><td class=\"num\">£12,000</td><td class=\"num\">£15,000"
        + "</td><td class=\"num\">£18,500</td><td class=\"num\">£24,000</td><td class=\"pos-above\">above p75</td>"
        + "<td class=\"num\">2</td><td class=\"num\">1</td></tr>"), html);
    assertTrue(html.contains("<tr><th scope=\"row\">Electronic patient record (EPR) \u00b7 HL7 v2 \u00b7 licence</th>"
        + "<td class=\"num\">1</td><td class=\"num\">£9,000</td><td colspan=\"7\" class=\"suppressed\">band suppressed:"
        + " fewer than 5 suppliers (no position given)</td></tr>"));
    assertTrue(html.indexOf("id=\"prices\"") < html.indexOf("id=\"flags\""), "the summary comes first");
  }

  @Test
  void theFirst100FlagsInFullThenHowManyMoreAndWhere() {
    List<org.fairfee.reports.model.Flag> flags = SyntheticMarket.flags(250, List.of("SUP-ALPHA"), 40,
        new java.util.Random(2));
    String html = SupplierStatement.html("SUP-ALPHA", F.data(), F.points(), flags);
    assertEquals(100, DemoTest.count(html, "</code><br>"), "a row per flag, up to 100");
    List<org.fairfee.reports.model.Flag> sorted = flags.stream()
        .sorted(org.fairfee.reports.model.Flag.BY_AMOUNT_AT_STAKE).toList();
    assertTrue(html.contains(Fmt.gbp(sorted.get(0).amountAtStakeGbp())) && html.contains(
        "<td class=\"num\">" + Fmt.gbp(sorted.get(99).amountAtStakeGbp()) + "</td>"), "the largest 100");
    assertTrue(html.contains("These are the 100 flags with the most at stake, of 250. The other 150 flags ("
        + Fmt.gbp(SupplierStatement.sum(sorted.subList(100, 250))) + " at stake) are rows of"
        + " <code>SUP-ALPHA.csv</code>"), html);
    assertEquals(250, Csvs.records(SupplierStatement.csv("SUP-ALPHA", F.data(), F.points(), flags)).stream()
        .filter(r -> r.get(ReportTables.RECORD).equals(ReportTables.FLAG)).count(), "every flag in the CSV");
  }

  @Test
  void peerGroupsBeyondTheLimitAreCountedAndLeftToTheCsv() {
    List<org.fairfee.reports.model.PeerGroup> groups = SyntheticMarket.everyPeerGroup();
    List<org.fairfee.reports.model.PricePoint> points = SyntheticMarket.points("SUP-ALPHA", 2_500, groups, 5,
        new java.util.Random(4));
    long n = points.stream().map(org.fairfee.reports.model.PricePoint::peerGroup).distinct().count();
    assertTrue(n > Budget.STATEMENT_PEER_GROUPS, "more peer groups than the limit: " + n);
    String html = SupplierStatement.html("SUP-ALPHA", F.data(), points, List.of());
    assertEquals(Budget.STATEMENT_PEER_GROUPS, DemoTest.count(html, "<th scope=\"row\">"));
    assertTrue(html.contains("You have prices in " + Fmt.count(n) + " peer groups; the 200 with the most price points"
        + " are shown. The other " + Fmt.count(n - 200) + " peer groups ("), html);
  }
}
