package org.fairfee.jobs.decisions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.core.Io;
import org.fairfee.reports.FlagsRegister;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Reviews;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.schemas.FlagId;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review loop on plain values: ids, decisions in force, carry-forward and what counts in totals. */
class FlagReviewTest {

  @TempDir
  Path tmp;

  static Flag flag(String sub, int line, String rule, String atStake, String invoiceMonthDay) {
    return new Flag(sub, line, "SUP-A", "BUY-" + line, rule, RuleCode.valueOf(rule).severity().value(),
        new BigDecimal(atStake), new BigDecimal(atStake), null, null, "evidence " + sub + ":" + line, null, null, null,
        null, null, LocalDate.parse(invoiceMonthDay), "EPR", "FHIR_R4", "SPECIFICATION_ACCESS", null, "INV-" + line);
  }

  static Decisions.Read decisions(String rows) {
    return Decisions.parse("decisions.csv", DecisionsTest.HEADER + rows);
  }

  /** The rules' row for a flag: what FlagReview.fromRules sees from Spark. */
  static Row ruleRow(Flag f) {
    StructType schema = SparkSchemas.of(Tables.FLAGS);
    Object[] v = {f.submissionId(), f.lineNo(), f.supplierRef(), f.buyerRef(), f.rule(), f.severity(),
        f.netAmountGbp(), f.amountAtStakeGbp(), f.relatedSubmissionId(), f.relatedLineNo(), f.evidence(),
        f.expectedFeeGbp(), f.bandLowGbp(), f.bandHighGbp(), f.ratio(), f.score(), java.sql.Date.valueOf(f.invoiceDate()),
        f.productCategory(), f.interfaceStandard(), f.feeType(), f.interfaceRef(), f.invoiceRef()};
    return new GenericRowWithSchema(v, schema);
  }

  static List<Row> rows(List<Flag> flags) {
    return flags.stream().map(FlagReviewTest::ruleRow).toList();
  }

  @Test
  void theIdDependsOnRuleSubmissionAndLineOnly() {
    Flag a = flag("S-1", 7, "P1_SPEC_FEE", "100.00", "2026-09-03");
    Flag sameLineOtherAmount = flag("S-1", 7, "P1_SPEC_FEE", "999.00", "2026-10-03");
    assertEquals(a.flagId(), sameLineOtherAmount.flagId());
    assertEquals(FlagId.of("P1_SPEC_FEE", "S-1", 7), a.flagId());
    assertTrue(a.flagId().matches("F-[0-9a-f]{16}"), a.flagId());
    assertFalse(a.flagId().equals(FlagId.of("P2_COOP_FEE", "S-1", 7)));
    assertFalse(a.flagId().equals(FlagId.of("P1_SPEC_FEE", "S-1", 8)));
    assertFalse(FlagId.of("P1_SPEC_FEE", "S-1", 17).equals(FlagId.of("P1_SPEC_FEE", "S-11", 7)));
    // the value is part of the contract: a decisions file written today must find the flag next year
    assertEquals("F-" + sha256("P1_SPEC_FEE|S-1|7").substring(0, 16), a.flagId());
  }

  @Test
  void rowsFromTwoRunsInAnyOrderGetTheSameIds() {
    List<Flag> raised = List.of(flag("S-1", 1, "P1_SPEC_FEE", "10.00", "2026-09-01"),
        flag("S-1", 2, "P5_DUPLICATE", "20.00", "2026-09-02"), flag("S-2", 1, "P1_SPEC_FEE", "30.00", "2026-09-03"));
    List<Row> first = raised.stream().map(FlagReviewTest::ruleRow).toList();
    List<Row> second = new ArrayList<>(first);
    java.util.Collections.reverse(second);
    Map<String, String> a = new TreeMap<>();
    FlagReview.fromRules(first, "2026-09").forEach(f -> a.put(f.submissionId() + ":" + f.lineNo() + f.rule(), f.flagId()));
    Map<String, String> b = new TreeMap<>();
    FlagReview.fromRules(second, "2026-09").forEach(f -> b.put(f.submissionId() + ":" + f.lineNo() + f.rule(), f.flagId()));
    assertEquals(a, b);
    assertEquals(3, a.values().stream().distinct().count());
    Flag one = FlagReview.fromRules(first, "2026-09").get(0);
    assertEquals(raised.get(0), one, "the row maps to the same flag, open, raised in the month, age 0");
  }

  @Test
  void decisionsApplyAndBadRowsAreListedWhileTheMonthStillReviews() {
    Flag a = flag("S-1", 1, "P1_SPEC_FEE", "100.00", "2026-09-01");
    Flag b = flag("S-1", 2, "P1_SPEC_FEE", "200.00", "2026-09-01");
    Flag c = flag("S-1", 3, "P1_SPEC_FEE", "400.00", "2026-09-01");
    FlagReview.Result r = FlagReview.review("2026-09", List.of(a, b, c), Map.of(), List.of(), decisions(
        a.flagId() + ",DISMISSED,,2026-10-01,not a spec fee after all\n"
            + b.flagId() + ",RECOVERED,150.00,2026-10-02,\n"
            + "F-0000000000000000,CONFIRMED,,2026-10-02,\n"
            + c.flagId() + ",PERHAPS,,2026-10-02,\n"));
    assertEquals(List.of("DISMISSED", "RECOVERED", "-"),
        r.month().stream().map(f -> f.decision() == null ? "-" : f.decision()).toList());
    assertEquals(new BigDecimal("150.00"), r.month().get(1).recoveredGbp());
    assertEquals(2, r.manifest().get("accepted"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) r.manifest().get("rejected");
    assertEquals(2, rejected.size());
    assertEquals(Map.of("file", "decisions.csv", "line", 4L, "reason",
        "unknown flag_id F-0000000000000000: no flag raised up to 2026-09 has it"), rejected.get(0));
    assertEquals(5L, rejected.get(1).get("line"));

    // dismissed: listed, but in no pounds-at-stake total
    BigDecimal without = new BigDecimal("600.00");
    RuleTotal p1 = RuleTotal.of(r.month()).stream().filter(t -> t.rule() == RuleCode.P1_SPEC_FEE).findFirst().orElseThrow();
    assertEquals(0, without.compareTo(p1.amountAtStakeGbp()));
    assertEquals(3, p1.flags());
    assertEquals(0, without.compareTo(FlagsRegister.supplierTotals(r.register()).get(0).amountAtStakeGbp()));
    assertEquals(0, new BigDecimal("400.00").compareTo(FlagsRegister.buyerTotals(r.register()).get(0).amountAtStakeGbp()));
    assertTrue(FlagsRegister.buyerTotalsCsv(r.register()).contains("BUY-1,1,0.00"), FlagsRegister.buyerTotalsCsv(r.register()));
    assertTrue(FlagsRegister.html("2026-09", "t", r.register()).contains("£600.00"));

    Reviews rv = r.reviews();
    assertEquals(new BigDecimal("150.00"), rv.recoveredGbp());
    assertEquals(List.of("open 1 400.00", "CONFIRMED 0 0", "DISMISSED 1 100.00", "RECOVERED 1 200.00"),
        rv.statuses().stream().map(s -> s.state() + " " + s.flags() + " " + s.amountAtStakeGbp()).toList());
    Reviews.RulePrecision precision = rv.byRule().stream().filter(p -> p.rule() == RuleCode.P1_SPEC_FEE).findFirst()
        .orElseThrow();
    assertEquals(2, precision.decided());
    assertEquals(0.5, precision.share());
  }

  @Test
  void earlierOpenFlagsCarryForwardWithTheirMonthAndAgeAndDecidedOnesDoNot() {
    Flag open = flag("S-9", 1, "P1_SPEC_FEE", "100.00", "2026-08-10").raised("2026-08", 0);
    Flag dismissed = flag("S-9", 2, "P1_SPEC_FEE", "200.00", "2026-09-10").raised("2026-09", 0);
    Flag confirmed = flag("S-9", 3, "P1_SPEC_FEE", "300.00", "2026-09-10").raised("2026-09", 0);
    Flag stillOpen = flag("S-9", 4, "P1_SPEC_FEE", "50.00", "2026-09-11").raised("2026-09", 0);
    Flag later = flag("S-9", 5, "P1_SPEC_FEE", "70.00", "2026-11-11").raised("2026-11", 0);
    Map<String, List<Flag>> stored = new TreeMap<>(Map.of("2026-08", List.of(open),
        "2026-09", List.of(dismissed, confirmed, stillOpen), "2026-11", List.of(later)));
    Decisions.Read earlierRun = decisions(dismissed.flagId() + ",DISMISSED,,2026-10-01,\n"
        + confirmed.flagId() + ",CONFIRMED,,2026-10-01,\n");
    List<Decisions.Entry> kept = FlagReview.review("2026-09", List.of(dismissed, confirmed, stillOpen), stored,
        List.of(), earlierRun).decisions();

    Flag october = flag("S-10", 1, "P2_COOP_FEE", "900.00", "2026-10-02");
    FlagReview.Result r = FlagReview.review("2026-10", List.of(october), stored, kept, Decisions.Read.NONE);
    assertEquals(List.of(october), r.month());
    List<String> register = r.register().stream()
        .map(f -> f.submissionId() + ":" + f.lineNo() + " " + f.raisedPeriod() + " " + f.ageMonths()).toList();
    assertEquals(List.of("S-10:1 2026-10 0", "S-9:1 2026-08 2", "S-9:4 2026-09 1"), register);
    assertEquals(stillOpen.flagId(), r.register().get(2).flagId(), "a carried flag keeps its id");
    assertEquals(List.of(october), r.raised(), "only the month's own flags are stored under the month");
    assertEquals(0, r.manifest().get("accepted"));
    assertEquals(2, r.manifest().get("in_force"));
  }

  @Test
  void aLineAndRuleDismissedEarlierIsNotFlaggedAgainButARerunOfItsMonthShowsTheDecision() {
    Flag sept = flag("S-1", 1, "P5_DUPLICATE", "500.00", "2026-09-01").raised("2026-09", 0);
    Map<String, List<Flag>> stored = Map.of("2026-09", List.of(sept));
    List<Decisions.Entry> kept = FlagReview.review("2026-09", List.of(sept), stored, List.of(),
        decisions(sept.flagId() + ",DISMISSED,,2026-10-01,\n")).decisions();
    Flag again = flag("S-1", 1, "P5_DUPLICATE", "500.00", "2026-09-01").raised("2026-10", 0);
    Flag other = flag("S-1", 1, "P5_OVERLAP", "500.00", "2026-09-01").raised("2026-10", 0);
    FlagReview.Result october = FlagReview.review("2026-10", List.of(again, other), stored, kept, Decisions.Read.NONE);
    assertEquals(List.of(other.flagId()), october.month().stream().map(Flag::flagId).toList());

    FlagReview.Result rerun = FlagReview.review("2026-09", List.of(sept), stored, kept, Decisions.Read.NONE);
    assertEquals("DISMISSED", rerun.month().get(0).decision());
    assertEquals(0, BigDecimal.ZERO.compareTo(rerun.month().get(0).countedAtStakeGbp()));
    assertEquals(new BigDecimal("500.00"), rerun.month().get(0).amountAtStakeGbp(), "the flag's own amount stays on record");
  }

  @Test
  void theSameDecisionsFileTwiceKeepsOneCopyInTheStore() {
    Flag a = flag("S-1", 1, "P1_SPEC_FEE", "100.00", "2026-09-01");
    Decisions.Read file = decisions(a.flagId() + ",CONFIRMED,,2026-10-01,\n");
    List<Decisions.Entry> once = FlagReview.review("2026-09", List.of(a), Map.of(), List.of(), file).decisions();
    FlagReview.Result twice = FlagReview.review("2026-09", List.of(a), Map.of(), once, file);
    assertEquals(once, twice.decisions());
    assertEquals(1, twice.manifest().get("accepted"));
  }

  @Test
  void theStoreGivesBackExactlyWhatItKept() throws IOException {
    Io io = Io.local();
    org.apache.hadoop.fs.Path store = new org.apache.hadoop.fs.Path(tmp.toUri());
    Flag p4 = new Flag("S-4", 2, "SUP-B", "BUY-2", "P4_HIGH_FEE", "review", new BigDecimal("42000.00"),
        new BigDecimal("27500.12"), null, null, "far above, \"quoted\", =SUM(A1)", new BigDecimal("14500.0000"),
        new BigDecimal("11000.0000"), new BigDecimal("19000.0000"), 2.9123456789, 5.2, LocalDate.of(2026, 9, 11), "EPR",
        "FHIR_R4", "LICENCE", "IF-1", null);
    List<Flag> flags = List.of(p4, flag("S-1", 1, "P1_SPEC_FEE", "100.00", "2026-09-01"));
    FlagReview.Result r = FlagReview.review("2026-09", flags, Map.of(), List.of(),
        decisions(p4.flagId() + ",RECOVERED,10.50,2026-10-01,\"a note, with a comma\"\n"));
    FlagReview.save(io, store, "2026-09", r);
    ReviewStore rs = new ReviewStore(io, store);
    assertEquals(Map.of("2026-09", flags), rs.flags());
    assertEquals(r.decisions(), rs.decisions());
    assertNull(rs.flags().get("2026-09").get(0).decision(), "the store keeps flags as raised; decisions apart");
    new ObjectMapper().readTree(tmp.resolve("reviews/decisions.json").toFile()); // plain JSON, readable by anyone

    FlagReview.save(io, store, "2026-09", r); // a second save replaces, and leaves nothing aside
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(tmp.resolve("reviews"))) {
      assertEquals(List.of("decisions.json", "flags/2026-09.json.gz"), files.filter(java.nio.file.Files::isRegularFile)
          .map(p -> tmp.resolve("reviews").relativize(p).toString()).filter(n -> !n.contains(".crc")).sorted().toList());
    }
    // a save killed between moving the old file aside and moving the new one in: the old is read
    java.nio.file.Files.move(tmp.resolve("reviews/decisions.json"), tmp.resolve("reviews/.decisions.json.old"));
    java.nio.file.Files.move(tmp.resolve("reviews/flags/2026-09.json.gz"), tmp.resolve("reviews/flags/.2026-09.json.gz.old"));
    assertEquals(r.decisions(), rs.decisions());
    assertEquals(Map.of("2026-09", flags), rs.flags());
  }

  static String sha256(String s) {
    try {
      byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(h);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
