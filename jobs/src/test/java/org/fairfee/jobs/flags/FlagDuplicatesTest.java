package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.jobs.flags.FlagLines.related;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P5_DUPLICATE;
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

class FlagDuplicatesTest extends SparkTestBase {

  private Map<String, Row> duplicates(String fixture, FlagOptions options) {
    return byLine(FlagDuplicates.apply(lines(spark, fixture), options));
  }

  private Map<String, Row> duplicates(String fixture) {
    return duplicates(fixture, FlagOptions.defaults());
  }

  @Test
  void aReformattedInvoiceNumberIsTheSameInvoice() {
    Map<String, Row> f = duplicates("duplicate_reformatted_invoice.csv");
    assertEquals(List.of(k("S-2026-10-SUP-9B1C/3", P5_DUPLICATE), k("S-2026-10-SUP-9B1C/4", P5_DUPLICATE)),
        List.copyOf(f.keySet()));
    Row copy = f.get(k("S-2026-10-SUP-9B1C/3", P5_DUPLICATE));
    assertEquals("S-2026-09-SUP-3F2A/7", related(copy));
    assertEquals("same invoice inv 123 as line 7 of submission S-2026-09-SUP-3F2A (printed there as INV-00123),"
        + " net £12,400.00, 21 days earlier", evidence(copy));
    assertEquals(new BigDecimal("12400.00"), atStake(copy));
    assertEquals(Severity.BREACH.value(), copy.getString(copy.fieldIndex(Cols.SEVERITY)));
    assertEquals("inv 123", copy.getString(copy.fieldIndex(Cols.INVOICE_REF)));
    // An invoice number has no window: the third copy names the first charge, not the second.
    assertEquals("S-2026-09-SUP-3F2A/7", related(f.get(k("S-2026-10-SUP-9B1C/4", P5_DUPLICATE))));
  }

  @Test
  void theOriginalIsTheEarliestThenLowestSubmissionThenLowestLine() {
    Map<String, Row> f = duplicates("duplicate_tie_break.csv");
    assertEquals(List.of(k("S-A/3", P5_DUPLICATE), k("S-A/4", P5_DUPLICATE), k("S-B/1", P5_DUPLICATE)),
        List.copyOf(f.keySet()));
    assertEquals("S-A/2", related(f.get(k("S-B/1", P5_DUPLICATE))),
        "same day: the lower submission_id is the original");
    assertEquals("S-A/1", related(f.get(k("S-A/3", P5_DUPLICATE))),
        "same submission: the lower line_no is the original");
    assertEquals("S-Z/1", related(f.get(k("S-A/4", P5_DUPLICATE))), "an earlier invoice_date wins over submission_id");
    assertEquals("same invoice INV-9 as line 2 of submission S-A, net £500.00, the same day",
        evidence(f.get(k("S-B/1", P5_DUPLICATE))));
  }

  @Test
  void theSameServicePeriodCloseTogetherIsACopy() {
    Map<String, Row> f = duplicates("duplicate_service_period.csv");
    assertEquals(List.of(k("S-2/1", P5_DUPLICATE), k("S-4/2", P5_DUPLICATE)), List.copyOf(f.keySet()),
        "S-3/2, 61 days after S-3/1, is outside the 60-day window");
    Row copy = f.get(k("S-2/1", P5_DUPLICATE));
    assertEquals("S-1/3", related(copy));
    assertEquals("service period 2026-10-01 to 2026-10-31 already invoiced on line 3 of submission S-1,"
        + " 14 days earlier, same net £1,000.00", evidence(copy));

    Map<String, Row> wider = duplicates("duplicate_service_period.csv", new FlagOptions(90, 2));
    assertEquals(List.of(k("S-2/1", P5_DUPLICATE), k("S-3/2", P5_DUPLICATE), k("S-4/2", P5_DUPLICATE)),
        List.copyOf(wider.keySet()));
    assertEquals("S-3/1", related(wider.get(k("S-3/2", P5_DUPLICATE))));
  }

  @Test
  void theSameNumberCountsWhenOneOfTheTwoGivesNoPeriod() {
    Row copy = duplicates("duplicate_service_period.csv").get(k("S-4/2", P5_DUPLICATE));
    assertEquals("S-4/1", related(copy));
    assertEquals("same invoice INV 77 as line 1 of submission S-4 (printed there as INV-77), net £300.00,"
        + " 123 days earlier", evidence(copy));
  }

  @Test
  void aCopyCreditedBackIsNotFlaggedButAnUncreditedOneIs() {
    Map<String, Row> f = duplicates("duplicate_credited.csv");
    // S-2/1 was credited back in full and S-2/2, S-3/3 are credit notes: none of them is flagged.
    assertEquals(List.of(k("S-2/3", P5_DUPLICATE), k("S-3/2", P5_DUPLICATE)), List.copyOf(f.keySet()));
    assertEquals("S-1/2", related(f.get(k("S-2/3", P5_DUPLICATE))));
    assertEquals(new BigDecimal("3000.00"), atStake(f.get(k("S-2/3", P5_DUPLICATE))));
    assertEquals("S-3/1", related(f.get(k("S-3/2", P5_DUPLICATE))));
    assertEquals(new BigDecimal("1500.00"), atStake(f.get(k("S-3/2", P5_DUPLICATE))), "net less what was credited");
  }

  @Test
  void hardNegativesAreNotCopies() {
    assertEquals(Map.of(), duplicates("hard_negatives.csv"));
  }

  @Test
  void theOutputHasExactlyTheFlagsSchema() {
    assertEquals(SparkSchemas.of(Tables.FLAGS),
        FlagDuplicates.apply(lines(spark, "duplicate_tie_break.csv"), FlagOptions.defaults()).schema());
  }
}
