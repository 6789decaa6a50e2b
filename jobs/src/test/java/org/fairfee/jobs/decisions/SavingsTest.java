package org.fairfee.jobs.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fairfee.reports.model.Flag;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

/** savings-by-supplier.csv: P4 lines per supplier and category, each line once, dismissed flags left out. */
class SavingsTest {

  static Flag flag(int line, String supplier, String category, RuleCode rule, String atStake) {
    return new Flag("S-1", line, supplier, "BUY-" + line, rule.name(), rule.severity().value(),
        new BigDecimal("100000.00"), new BigDecimal(atStake), null, null, "evidence", null, null, null, null, null,
        LocalDate.of(2026, 10, 15), category, "FHIR_UK_CORE", "SUPPORT", null, null);
  }

  static final List<Flag> FLAGS = List.of(
      flag(1, "SUP-A", "EPR", RuleCode.P4_HIGH_FEE, "1000.00"),
      flag(1, "SUP-A", "EPR", RuleCode.P4_PRICE_DISCRIMINATION, "1500.00"),
      flag(2, "SUP-A", "EPR", RuleCode.P4_HIGH_FEE, "200.00"),
      flag(3, "SUP-B", "EPR", RuleCode.P4_HIGH_FEE, "5000.00"),
      flag(4, "SUP-B", "PAS", RuleCode.P4_PRICE_DISCRIMINATION, "10.00"),
      flag(5, "SUP-C", "EPR", RuleCode.P1_SPEC_FEE, "99999.00"));

  static List<String> text(List<Row> rows) {
    return rows.stream().map(r -> r.getString(0) + " " + r.getString(1) + " " + r.getLong(2) + " "
        + ((BigDecimal) r.get(3)).toPlainString()).toList();
  }

  @Test
  void largestExcessFirstAndALineFlaggedByBothRulesCountsOnce() {
    List<Row> view = Savings.of(FLAGS);
    assertEquals(SparkSchemas.of(Tables.FEE_MARKET_VIEW), view.get(0).schema());
    assertEquals(List.of("SUP-B EPR 1 5000.00", "SUP-A EPR 2 1700.00", "SUP-B PAS 1 10.00"), text(view));
  }

  @Test
  void aDismissedP4FlagLeavesTheTotals() {
    List<Flag> month = new ArrayList<>(FLAGS);
    month.set(1, FLAGS.get(1).withDecision("DISMISSED", null, LocalDate.of(2026, 11, 2)));
    month.set(3, FLAGS.get(3).withDecision("DISMISSED", null, LocalDate.of(2026, 11, 2)));
    month.set(4, FLAGS.get(4).withDecision("CONFIRMED", null, LocalDate.of(2026, 11, 2)));
    assertEquals(List.of("SUP-A EPR 2 1200.00", "SUP-B PAS 1 10.00"), text(Savings.of(month)));
  }
}
