package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.fairfee.reports.SupplierStatement.Position;
import org.fairfee.reports.model.BenchmarkBand;
import org.junit.jupiter.api.Test;

/** Where a price sits in its band, what a statement says per rule, and which suppliers get one. */
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
}
