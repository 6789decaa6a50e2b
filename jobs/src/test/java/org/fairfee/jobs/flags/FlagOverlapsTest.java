package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.related;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P5_OVERLAP;
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

class FlagOverlapsTest extends SparkTestBase {

  private Dataset<Row> overlaps(String fixture) {
    Dataset<Row> lines = FlagLines.lines(spark, fixture);
    return FlagOverlaps.apply(lines, FlagOptions.defaults());
  }

  @Test
  void theOverlappingShareOfTheNetAmountIsAtStake() {
    Map<String, Row> f = byLine(overlaps("overlap.csv"));
    assertEquals(List.of(k("S-1/2", P5_OVERLAP), k("S-2/2", P5_OVERLAP), k("S-3/3", P5_OVERLAP), k("S-4/2", P5_OVERLAP),
        k("S-4/3", P5_OVERLAP)), List.copyOf(f.keySet()), "consecutive months (S-3/1, S-3/2) do not overlap");

    Row quarter = f.get(k("S-1/2", P5_OVERLAP));
    assertEquals("S-1/1", related(quarter));
    assertEquals(new BigDecimal("1010.87"), atStake(quarter), "3,000.00 x 31 / 92");
    assertEquals("service period 2026-03-01 to 2026-05-31 overlaps 2026-01-01 to 2026-03-31 invoiced on line 1"
        + " of submission S-1, 59 days earlier: 31 of 92 days already charged, £1,010.87 of net £3,000.00",
        evidence(quarter));

    assertEquals(new BigDecimal("50.01"), atStake(f.get(k("S-2/2", P5_OVERLAP))), "100.01 x 1 / 2 = 50.005, half-up");

    Row twoEarlier = f.get(k("S-3/3", P5_OVERLAP));
    assertEquals("S-3/2", related(twoEarlier), "the earlier charge it overlaps most (28 days, not 16)");
    assertEquals(new BigDecimal("1466.67"), atStake(twoEarlier), "3,000.00 x (16 + 28) / 90");

    assertEquals(new BigDecimal("1000.00"), atStake(f.get(k("S-4/2", P5_OVERLAP))));
    Row coveredTwice = f.get(k("S-4/3", P5_OVERLAP));
    assertEquals("S-4/1", related(coveredTwice));
    assertEquals(new BigDecimal("1000.00"), atStake(coveredTwice), "days covered by two earlier charges count once");
    assertEquals("service period 2026-02-15 to 2026-03-14 overlaps 2026-01-01 to 2026-12-31 invoiced on line 1"
        + " of submission S-4, 59 days earlier: 28 of 28 days already charged by 2 earlier charges,"
        + " £1,000.00 of net £1,000.00", evidence(coveredTwice));
  }

  @Test
  void copiesCreditedChargesAndUsageAreNotOverlaps() {
    assertEquals(Map.of(), byLine(overlaps("overlap_negatives.csv")));
  }

  @Test
  void consecutiveMonthlyInvoicesDoNotOverlap() {
    assertEquals(Map.of(), byLine(overlaps("hard_negatives.csv")));
  }

  @Test
  void theOutputHasExactlyTheFlagsSchema() {
    assertEquals(SparkSchemas.of(Tables.FLAGS), overlaps("overlap.csv").schema());
  }
}
