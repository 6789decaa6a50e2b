package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P3_NON_STANDARD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Severity;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class FlagNonStandardTest extends SparkTestBase {

  @Test
  void proprietaryWhereEnoughSuppliersUseStandardsIsNoted() {
    Map<String, Row> f = byLine(FlagNonStandard.apply(lines(spark, "non_standard.csv"), FlagOptions.defaults()));
    assertEquals(List.of(k("S-1/4", P3_NON_STANDARD)), List.copyOf(f.keySet()),
        "LIMS has one supplier using a standard");
    Row r = f.get(k("S-1/4", P3_NON_STANDARD));
    assertEquals(Severity.INFO.value(), r.getString(r.fieldIndex(Cols.SEVERITY)));
    assertEquals(new BigDecimal("0.00"), atStake(r));
    assertEquals("PROPRIETARY interface IF-7 in product category EPR, where 2 suppliers use recognised standards"
        + " (FHIR_R4, HL7_V2)", evidence(r));
  }

  @Test
  void theNumberOfSuppliersIsASetting() {
    Map<String, Row> f = byLine(FlagNonStandard.apply(lines(spark, "non_standard.csv"), new FlagOptions(60, 1)));
    assertEquals(List.of(k("S-1/4", P3_NON_STANDARD), k("S-1/5", P3_NON_STANDARD)), List.copyOf(f.keySet()));
    assertEquals(Map.of(), byLine(FlagNonStandard.apply(lines(spark, "non_standard.csv"), new FlagOptions(60, 3))));
  }

  @Test
  void theOutputHasExactlyTheFlagsSchema() {
    assertEquals(SparkSchemas.of(Tables.FLAGS),
        FlagNonStandard.apply(lines(spark, "non_standard.csv"), FlagOptions.defaults()).schema());
  }
}
