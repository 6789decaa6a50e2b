package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.related;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P5_DUPLICATE;
import static org.fairfee.schemas.RuleCode.P5_RECHARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class FlagRechargesTest extends SparkTestBase {

  private Dataset<Row> recharges(String fixture) {
    Dataset<Row> lines = FlagLines.lines(spark, fixture);
    return FlagRecharges.apply(lines, FlagOptions.defaults());
  }

  @Test
  void developmentChargedAgainToAnotherBuyerIsFlagged() {
    Map<String, Row> f = byLine(recharges("recharge.csv"));
    // Implementation per buyer, lines naming no interface and another supplier's IF-9 are not.
    assertEquals(List.of(k("S-2/1", P5_RECHARGE)), List.copyOf(f.keySet()));
    Row again = f.get(k("S-2/1", P5_RECHARGE));
    assertEquals("S-1/2", related(again));
    assertEquals(new BigDecimal("45000.00"), atStake(again));
    assertEquals("development of interface IF-9 already charged to buyer BUY-1 on line 2 of submission S-1,"
        + " invoiced 2026-01-15, net £50,000.00", evidence(again));
  }

  @Test
  void creditedChargesAndCopiesDoNotCount() {
    Map<String, Row> f = byLine(recharges("recharge_credited.csv"));
    // S-1/1 was credited back, so S-2/1 is the first development charge; S-2/2 is its copy (P5_DUPLICATE).
    assertEquals(List.of(k("S-3/1", P5_RECHARGE)), List.copyOf(f.keySet()));
    assertEquals("S-2/1", related(f.get(k("S-3/1", P5_RECHARGE))));
  }

  @Test
  void theSameImplementationFeeToTwoBuyersIsLegitimate() {
    assertEquals(Map.of(), byLine(recharges("hard_negatives.csv")));
  }

  @Test
  void theOutputHasExactlyTheFlagsSchema() {
    assertEquals(SparkSchemas.of(Tables.FLAGS), recharges("recharge.csv").schema());
  }
}
