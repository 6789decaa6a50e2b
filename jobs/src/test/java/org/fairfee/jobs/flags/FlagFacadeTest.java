package org.fairfee.jobs.flags;

import static org.fairfee.jobs.flags.FlagLines.id;
import static org.fairfee.jobs.flags.FlagLines.lines;
import static org.fairfee.jobs.flags.FlagLines.k;
import static org.fairfee.schemas.RuleCode.P1_SPEC_FEE;
import static org.fairfee.schemas.RuleCode.P2_COOP_FEE;
import static org.fairfee.schemas.RuleCode.P3_NON_STANDARD;
import static org.fairfee.schemas.RuleCode.P5_DUPLICATE;
import static org.fairfee.schemas.RuleCode.P5_OVERLAP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

/** CharterFlags: all rules over the whole history, the period's flags in flags.csv order, and copies. */
class FlagFacadeTest extends SparkTestBase {

  private static List<String> keys(Dataset<Row> flags) {
    return flags.collectAsList().stream().map(r -> id(r) + " " + r.getString(r.fieldIndex(Cols.RULE))).toList();
  }

  @Test
  void detectsOverTheWholeHistoryAndKeepsThePeriodInOrder() {
    // Cached so the five reads below detect once; the shared session outlives the test, hence the finally.
    Dataset<Row> all = CharterFlags.detect(lines(spark, "two_months.csv"), FlagOptions.defaults()).cache();
    try {
      checkTwoMonths(all);
    } finally {
      all.unpersist();
    }
  }

  private static void checkTwoMonths(Dataset<Row> all) {
    assertEquals(SparkSchemas.of(Tables.FLAGS), all.schema());
    assertEquals(List.of(k("S-2/1", P5_DUPLICATE), k("S-3/1", P5_DUPLICATE), k("S-3/3", P5_OVERLAP),
        k("S-3/4", P1_SPEC_FEE), k("S-3/4", P3_NON_STANDARD), k("S-3/5", P2_COOP_FEE)),
        keys(all.orderBy(CharterFlags.order())));

    Dataset<Row> october = CharterFlags.inPeriod(all, "2026-10");
    assertEquals(List.of(k("S-3/1", P5_DUPLICATE), k("S-3/3", P5_OVERLAP), k("S-3/4", P1_SPEC_FEE),
        k("S-3/4", P3_NON_STANDARD), k("S-3/5", P2_COOP_FEE)), keys(october));
    assertEquals(SparkSchemas.of(Tables.FLAGS), october.schema());
    Row copy = october.first();
    assertEquals("S-1/1", FlagLines.related(copy), "a copy in October names its original in September");
    assertEquals(List.of(k("S-2/1", P5_DUPLICATE)), keys(CharterFlags.inPeriod(all, "2026-09")));

    List<String> copies = CharterFlags.copies(all).collectAsList().stream()
        .map(r -> r.getString(0) + "/" + r.getInt(1)).toList();
    assertEquals(List.of("S-2/1", "S-3/1", "S-3/3"), copies, "duplicates and overlaps of every month");
  }

  /**
   * The certain rules (their windows and the overlap join) run once: the persisted flags read them
   * from a checkpoint. A persisted union read by another union is flattened into it and misses the
   * cache, so the rules ran again from the lines for the likely duplicates (163 s of a 1M-row run).
   */
  @Test
  void thePersistedFlagsDoNotRunTheRulesAgain() {
    Dataset<Row> flags = CharterFlags.detect(lines(spark, "two_months.csv"), FlagOptions.defaults());
    try {
      String plan = flags.queryExecution().executedPlan().treeString();
      assertTrue(plan.contains("InMemoryRelation"), plan);
      assertFalse(plan.contains("Window"), "a rule's window is computed again:\n" + plan);
      assertEquals(6, flags.count());
    } finally {
      flags.unpersist();
    }
  }

  @Test
  void aRerunGivesTheSameRowsInTheSameOrder() {
    Dataset<Row> lines = lines(spark, "two_months.csv");
    assertEquals(CharterFlags.inPeriod(CharterFlags.detect(lines, FlagOptions.defaults()), "2026-10").collectAsList(),
        CharterFlags.inPeriod(CharterFlags.detect(lines, FlagOptions.defaults()), "2026-10").collectAsList());
  }

  @Test
  void noHardNegativeIsFlaggedByAnyRule() {
    assertEquals(List.of(), keys(CharterFlags.detect(lines(spark, "hard_negatives.csv"), FlagOptions.defaults())));
  }

  @Test
  void rawStoreRowsAreRefusedNamingTheMissingColumn() {
    Dataset<Row> raw = Fixtures.charges(spark, "flags/two_months.csv");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharterFlags.detect(raw, FlagOptions.defaults()));
    assertTrue(e.getMessage().contains(Cols.NET_GBP), e.getMessage());
    IllegalArgumentException notFlags = assertThrows(IllegalArgumentException.class, () -> CharterFlags.copies(raw));
    assertTrue(notFlags.getMessage().contains(Cols.RULE), notFlags.getMessage());
  }

  @Test
  void aPeriodMustBeAMonth() {
    Dataset<Row> none = spark.createDataFrame(List.of(), SparkSchemas.of(Tables.FLAGS));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CharterFlags.inPeriod(none, "2026-13"));
    assertEquals("period must be YYYY-MM, was 2026-13", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CharterFlags.inPeriod(none, "2026-1"));
  }
}
