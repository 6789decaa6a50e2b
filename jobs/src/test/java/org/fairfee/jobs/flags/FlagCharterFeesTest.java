package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.jobs.flags.FlagLines.related;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P1_SPEC_FEE;
import static org.fairfee.schemas.RuleCode.P2_COOP_FEE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Severity;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class FlagCharterFeesTest extends SparkTestBase {

  @Test
  void positiveSpecificationAndCooperationFeesAreFlagged() {
    Map<String, Row> f = byLine(FlagCharterFees.apply(lines(spark, "charter_fees.csv")));
    // S-1/3 was credited back in full, S-1/4 is its credit note, S-1/5 is nil, S-1/6 is a licence.
    assertEquals(List.of(k("S-1/1", P1_SPEC_FEE), k("S-1/2", P2_COOP_FEE)), List.copyOf(f.keySet()));
    Row spec = f.get(k("S-1/1", P1_SPEC_FEE));
    assertEquals(new BigDecimal("2500.00"), atStake(spec), "the net fee, VAT taken off");
    assertEquals(Severity.BREACH.value(), spec.getString(spec.fieldIndex(Cols.SEVERITY)));
    assertNull(related(spec));
    assertEquals("SPECIFICATION_ACCESS fee of £2,500.00 for interface IF-3, invoiced 2026-10-05;"
        + " the charter says interface specifications are available without charge", evidence(spec));
    assertEquals("COOPERATION fee of £1,500.00 for product EPR, invoiced 2026-10-06;"
        + " the charter says suppliers co-operate without charge in developing interfaces",
        evidence(f.get(k("S-1/2", P2_COOP_FEE))));
  }

  @Test
  void theOutputHasExactlyTheFlagsSchema() {
    assertEquals(SparkSchemas.of(Tables.FLAGS), FlagCharterFees.apply(lines(spark, "charter_fees.csv")).schema());
  }
}
