package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.atStake;
import static org.fairfee.jobs.flags.FlagLines.byLine;
import static org.fairfee.jobs.flags.FlagLines.evidence;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.jobs.flags.FlagLines.related;
import static org.fairfee.schemas.RuleCode.P5_DUPLICATE;
import static org.fairfee.schemas.RuleCode.P5_LIKELY_DUPLICATE;
import static org.fairfee.schemas.RuleCode.P5_OVERLAP;
import static org.fairfee.schemas.RuleCode.P5_RECHARGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.jobs.flags.FlagLikelyDuplicates.Charge;
import org.fairfee.jobs.flags.FlagLikelyDuplicates.Match;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Severity;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

/** P5_LIKELY_DUPLICATE on one tiny fixture per case: each positive, and each hard negative of issue 18. */
class FlagLikelyDuplicatesTest extends SparkTestBase {

  private Map<String, Row> likely(String fixture, FlagOptions options) {
    return byLine(FlagLikelyDuplicates.apply(lines(spark, fixture), options));
  }

  private Map<String, Row> likely(String fixture) {
    return likely(fixture, FlagOptions.defaults());
  }

  @Test
  void theSameNetUnderAFreshNumberIsALikelyCopy() {
    Dataset<Row> flags = FlagLikelyDuplicates.apply(lines(spark, "likely_same_amount.csv"), FlagOptions.defaults());
    assertEquals(SparkSchemas.of(Tables.FLAGS), flags.schema());
    Map<String, Row> f = byLine(flags);
    assertEquals(List.of(k("S-2/3", P5_LIKELY_DUPLICATE), k("S-3/1", P5_LIKELY_DUPLICATE),
        k("S-6/1", P5_LIKELY_DUPLICATE), k("S-6/2", P5_LIKELY_DUPLICATE)), List.copyOf(f.keySet()),
        "S-6/3 is 61 days after the last charge of its amount");
    Row copy = f.get(k("S-2/3", P5_LIKELY_DUPLICATE));
    assertEquals("S-1/7", related(copy));
    assertEquals("same net £12,400.00 as line 7 of submission S-1 (INV-00123), invoiced 9 days earlier,"
        + " billed again under INV-00456", evidence(copy));
    assertEquals(new BigDecimal("12400.00"), atStake(copy));
    assertEquals(Severity.REVIEW.value(), copy.getString(copy.fieldIndex(Cols.SEVERITY)));
    assertEquals("INV-00456", copy.getString(copy.fieldIndex(Cols.INVOICE_REF)));

    Row withVat = f.get(k("S-3/1", P5_LIKELY_DUPLICATE));
    assertEquals("S-1/8", related(withVat));
    assertEquals("same net £5,000.00 as line 8 of submission S-1 (L-1), invoiced 45 days earlier, billed again"
        + " under L-77, with VAT added this time", evidence(withVat));
    assertEquals(new BigDecimal("5000.00"), atStake(withVat), "the net of the re-bill, not the amount with VAT");

    assertEquals("S-5/1", related(f.get(k("S-6/1", P5_LIKELY_DUPLICATE))), "same day: the lower submission_id");
    assertEquals("S-5/1", related(f.get(k("S-6/2", P5_LIKELY_DUPLICATE))), "the earliest charge in the window");
    assertTrue(evidence(f.get(k("S-6/1", P5_LIKELY_DUPLICATE))).contains("invoiced the same day"));

    Map<String, Row> wider = likely("likely_same_amount.csv", new FlagOptions(60, 2, 61));
    assertEquals("S-6/2", related(wider.get(k("S-6/3", P5_LIKELY_DUPLICATE))),
        "with a 61-day window S-6/3 is in the window of S-6/2 only");
  }

  @Test
  void theSameInputGivesTheSameFlagsHoweverTheLinesArePartitioned() {
    Dataset<Row> lines = lines(spark, "likely_same_amount.csv").unionByName(lines(spark, "likely_split.csv")
        .withColumn(Cols.SUBMISSION_ID, org.apache.spark.sql.functions.concat(
            org.apache.spark.sql.functions.lit("X"), org.apache.spark.sql.functions.col(Cols.SUBMISSION_ID))));
    List<Row> once = FlagLikelyDuplicates.apply(lines, FlagOptions.defaults()).orderBy(CharterFlags.order())
        .collectAsList();
    List<Row> again = FlagLikelyDuplicates.apply(lines.repartition(3), FlagOptions.defaults())
        .orderBy(CharterFlags.order()).collectAsList();
    assertEquals(9, once.size());
    assertEquals(once, again);
  }

  @Test
  void linesOfOneLaterInvoiceThatAddUpToAnEarlierChargeAreEachFlagged() {
    Map<String, Row> f = likely("likely_split.csv");
    assertEquals(List.of(k("S-2/3", P5_LIKELY_DUPLICATE), k("S-2/4", P5_LIKELY_DUPLICATE),
        k("S-4/1", P5_LIKELY_DUPLICATE), k("S-4/2", P5_LIKELY_DUPLICATE), k("S-4/3", P5_LIKELY_DUPLICATE)),
        List.copyOf(f.keySet()), "S-2/5 takes no part; S-5/1 and S-5/2 are on two invoices");
    Row part = f.get(k("S-2/3", P5_LIKELY_DUPLICATE));
    assertEquals("S-1/7", related(part));
    assertEquals("lines 3 and 4 of this invoice (INV-00789) add up to net £12,400.00, charged on line 7 of"
        + " submission S-1 (INV-00123) 11 days earlier", evidence(part));
    assertEquals(new BigDecimal("6000.00"), atStake(part), "each part puts its own net at stake");
    assertEquals(new BigDecimal("6400.00"), atStake(f.get(k("S-2/4", P5_LIKELY_DUPLICATE))));
    assertEquals("S-1/7", related(f.get(k("S-2/4", P5_LIKELY_DUPLICATE))));

    Row third = f.get(k("S-4/2", P5_LIKELY_DUPLICATE));
    assertEquals("S-1/9", related(third));
    assertEquals("lines 1, 2 and 3 of this invoice (L-9) add up to net £9,000.00, charged on line 9 of"
        + " submission S-1 (L-1) 30 days earlier, with VAT added this time", evidence(third));
    assertEquals(new BigDecimal("3000.00"), atStake(third));
  }

  @Test
  void aCopyIsFlaggedOnceByItsStrongestRule() {
    Dataset<Row> all = CharterFlags.detect(lines(spark, "likely_stronger_rules.csv"), FlagOptions.defaults());
    Map<String, Row> f = byLine(all);
    all.unpersist();
    assertEquals(List.of(k("S-2/1", P5_DUPLICATE), k("S-2/2", P5_OVERLAP), k("S-2/3", P5_RECHARGE),
        k("S-3/2", P5_LIKELY_DUPLICATE)), List.copyOf(f.keySet()));
    assertEquals("S-3/1", related(f.get(k("S-3/2", P5_LIKELY_DUPLICATE))),
        "development naming no interface is left to this rule");
    // The rule on its own leaves out the same lines.
    assertEquals(List.of(k("S-3/2", P5_LIKELY_DUPLICATE)),
        List.copyOf(likely("likely_stronger_rules.csv").keySet()));
  }

  @Test
  void statedInstalmentsAreNotCopiesUnlessTheyAddUpToAChargeBilledInFull() {
    Map<String, Row> f = likely("likely_instalments.csv");
    assertEquals(List.of(k("S-2/4", P5_LIKELY_DUPLICATE), k("S-2/5", P5_LIKELY_DUPLICATE)), List.copyOf(f.keySet()),
        "equal instalments, and milestones 2 and 3 that add up to milestone 1, are not copies");
    assertEquals("S-1/3", related(f.get(k("S-2/5", P5_LIKELY_DUPLICATE))));
  }

  @Test
  void aSecondSiteMonthsLaterAndOtherInterfacesBuyersFeesOrPeriodsAreNotCopies() {
    assertEquals(Map.of(), likely("likely_window_and_interface.csv"));
  }

  @Test
  void creditedLinesAndCreditNotesTakeNoPart() {
    Map<String, Row> f = likely("likely_credited.csv");
    assertEquals(List.of(k("S-2/4", P5_LIKELY_DUPLICATE)), List.copyOf(f.keySet()),
        "the copy credited back, the credit notes and a charge re-issued after a full credit are not flagged");
    assertEquals(new BigDecimal("7000.00"), atStake(f.get(k("S-2/4", P5_LIKELY_DUPLICATE))),
        "a partly credited copy puts what is left at stake");
  }

  @Test
  void recurringChargesThatRepeatTheirAmountByDesignAreNotCopies() {
    assertEquals(Map.of(), likely("likely_recurring.csv"));
  }

  private static Charge charge(int day, int line, String ref, long pence) {
    return new Charge(LocalDate.of(2026, 1, 1).plusDays(day), "S", line, ref, null, null, pence, false);
  }

  @Test
  void aSplitIsSearchedAmongTwoToFourLinesOfOneInvoice() {
    List<Charge> five = new ArrayList<>(List.of(charge(0, 1, "A", 10_000_00)));
    for (int i = 0; i < 5; i++) {
      five.add(charge(5, 10 + i, "B", 2_000_00));
    }
    assertEquals(List.of(), FlagLikelyDuplicates.matches(five, 60), "five lines add up, no four of them do");

    List<Charge> four = new ArrayList<>(List.of(charge(0, 1, "A", 10_000_00)));
    for (long pence : new long[] {1_000_00, 2_000_00, 3_000_00, 4_000_00, 5_000_01}) {
      four.add(charge(5, four.size() + 1, "B", pence));
    }
    List<Match> m = FlagLikelyDuplicates.matches(four, 60);
    assertEquals(4, m.size());
    for (Match x : m) {
      assertEquals(0, x.original());
      assertEquals(List.of(1, 2, 3, 4), Arrays.stream(x.parts()).boxed().toList());
    }
    assertEquals(List.of(), FlagLikelyDuplicates.matches(four, 4), "the invoice is 5 days after the charge");
    assertEquals("lines 3, 4 and 5", FlagLikelyDuplicates.lineList(new int[] {5, 3, 4}));
    assertEquals("lines 3 and 4", FlagLikelyDuplicates.lineList(new int[] {3, 4}));
  }
}
