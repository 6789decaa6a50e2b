package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class FeeMarketViewTest extends SparkTestBase {

  static Row flag(int line, String supplier, String category, RuleCode rule, String atStake) {
    return RowFactory.create("S-1", line, supplier, "BUY-" + line, rule.name(), rule.severity().value(),
        new BigDecimal("100000.00"), new BigDecimal(atStake), null, null, "evidence", null, null, null, null, null,
        Date.valueOf("2026-10-15"), category, "FHIR_UK_CORE", "SUPPORT", null, null);
  }

  @Test
  void largestExcessFirstAndALineFlaggedByBothRulesCountsOnce() {
    Dataset<Row> flags = spark.createDataFrame(List.of(
        flag(1, "SUP-A", "EPR", RuleCode.P4_HIGH_FEE, "1000.00"),
        flag(1, "SUP-A", "EPR", RuleCode.P4_PRICE_DISCRIMINATION, "1500.00"),
        flag(2, "SUP-A", "EPR", RuleCode.P4_HIGH_FEE, "200.00"),
        flag(3, "SUP-B", "EPR", RuleCode.P4_HIGH_FEE, "5000.00"),
        flag(4, "SUP-B", "PAS", RuleCode.P4_PRICE_DISCRIMINATION, "10.00"),
        flag(5, "SUP-C", "EPR", RuleCode.P1_SPEC_FEE, "99999.00")), SparkSchemas.of(Tables.FLAGS));
    Dataset<Row> view = RankFeeSavings.apply(flags);
    assertEquals(SparkSchemas.of(Tables.FEE_MARKET_VIEW), view.schema());
    assertEquals(List.of(
            RowFactory.create("SUP-B", "EPR", 1L, new BigDecimal("5000.00")),
            RowFactory.create("SUP-A", "EPR", 2L, new BigDecimal("1700.00")),
            RowFactory.create("SUP-B", "PAS", 1L, new BigDecimal("10.00"))),
        view.collectAsList());
  }
}
