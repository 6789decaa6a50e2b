package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.schemas.RuleCode.P1_SPEC_FEE;
import static org.fairfee.schemas.RuleCode.P2_COOP_FEE;
import static org.fairfee.schemas.RuleCode.P3_NON_STANDARD;
import static org.fairfee.schemas.RuleCode.P5_DUPLICATE;
import static org.fairfee.schemas.RuleCode.P5_OVERLAP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

class FlagTotalsTest extends SparkTestBase {

  @Test
  void totalsPerRuleAndPerSupplierOfThePeriod() {
    Dataset<Row> october = CharterFlags.inPeriod(
        CharterFlags.detect(lines(spark, "two_months.csv"), FlagOptions.defaults()), "2026-10");

    Dataset<Row> byRule = FlagTotals.byRule(october);
    assertEquals(List.of(Cols.RULE, Cols.N_FLAGS, Cols.AMOUNT_AT_STAKE_GBP), List.of(byRule.columns()));
    assertEquals(List.of(P1_SPEC_FEE + " 1 250.00", P2_COOP_FEE + " 1 100.00", P3_NON_STANDARD + " 1 0.00",
        P5_DUPLICATE + " 1 1000.00", P5_OVERLAP + " 1 300.00"),
        byRule.collectAsList().stream().map(r -> r.mkString(" ")).toList());

    Dataset<Row> bySupplier = FlagTotals.bySupplier(october);
    assertEquals(List.of(Cols.SUPPLIER_REF, Cols.RULE, Cols.N_FLAGS, Cols.AMOUNT_AT_STAKE_GBP),
        List.of(bySupplier.columns()));
    assertEquals(List.of("SUP-A " + P2_COOP_FEE + " 1 100.00", "SUP-A " + P5_DUPLICATE + " 1 1000.00",
        "SUP-B " + P1_SPEC_FEE + " 1 250.00", "SUP-B " + P3_NON_STANDARD + " 1 0.00",
        "SUP-B " + P5_OVERLAP + " 1 300.00"),
        bySupplier.collectAsList().stream().map(r -> r.mkString(" ")).toList());
  }

  @Test
  void severalFlagsOfARuleAddUp() {
    Dataset<Row> all = CharterFlags.detect(lines(spark, "duplicate_credited.csv"), FlagOptions.defaults());
    assertEquals(List.of(P5_DUPLICATE + " 2 4500.00"),
        FlagTotals.byRule(all).collectAsList().stream().map(r -> r.mkString(" ")).toList());
  }
}
