package org.fairfee.jobs.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.jobs.importspend.NameTables;
import org.fairfee.jobs.importspend.PublicData;
import org.fairfee.jobs.importspend.SpendFile;
import org.fairfee.jobs.importspend.SpendImport;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * P5_DUPLICATE_PAYMENT on a real trust's year (imported from sample-data/public/) and on small hand-made
 * payment lines for each hard negative.
 */
class DuplicatePaymentsTest extends SparkTestBase {

  @TempDir
  static Path tmp;
  static Path lnwh;
  /** Flags of the LNWH year by "file:line" of the later payment. */
  static Map<String, Row> year = new TreeMap<>();
  static Dataset<Row> yearFlags;
  static Map<String, String> fileOfSubmission = new TreeMap<>();

  @BeforeAll
  static void flagTheYear() {
    lnwh = tmp.resolve("lnwh");
    SpendImport.Summary s = PublicData.importInto(PublicData.folder(PublicData.LNWH), lnwh,
        PublicData.settings(BuyerType.ACUTE_TRUST));
    for (SpendFile.Result r : s.files()) {
      r.submissionIds().forEach(id -> fileOfSubmission.put(id, r.file));
    }
    Dataset<Row> lines = Normalise.apply(Fixtures.charges(shared(), PublicData.allSubmissions(lnwh)), Rates.none());
    yearFlags = DuplicatePayments.detect(lines, SpendOptions.defaults());
    for (Row r : yearFlags.collectAsList()) {
      year.put(where(r.getString(r.fieldIndex(Cols.SUBMISSION_ID)), r.getInt(r.fieldIndex(Cols.LINE_NO))), r);
    }
  }

  static String where(String submissionId, int line) {
    String file = fileOfSubmission.get(submissionId);
    return file.substring(0, file.indexOf(" -")) + ":" + line; // "LNWU 03:79"
  }

  static String related(Row r) {
    return where(r.getString(r.fieldIndex(Cols.RELATED_SUBMISSION_ID)), r.getInt(r.fieldIndex(Cols.RELATED_LINE_NO)));
  }

  static String evidence(Row r) {
    return r.getString(r.fieldIndex(Cols.EVIDENCE));
  }

  @Test
  void theKnownSameAmountPaymentsDaysApartAreFlaggedWithEvidence() {
    Row softcat = year.get("LNWU 03:79");
    assertEquals("LNWU 03:64", related(softcat));
    assertEquals("same amount £149,148.00 paid on 2020-06-08 (ref 1288429, their ref B000038107) and on 2020-06-10"
        + " (ref 1280080, their ref INV02575791), 2 days apart", evidence(softcat));
    assertEquals(RuleCode.P5_DUPLICATE_PAYMENT.name(), softcat.getString(softcat.fieldIndex(Cols.RULE)));
    assertEquals("review", softcat.getString(softcat.fieldIndex(Cols.SEVERITY)));
    assertEquals(new BigDecimal("149148.00"), softcat.getDecimal(softcat.fieldIndex(Cols.AMOUNT_AT_STAKE_GBP)));
    assertEquals(new BigDecimal("149148.00"), softcat.getDecimal(softcat.fieldIndex(Cols.NET_GBP)));
    assertEquals("1280080", softcat.getString(softcat.fieldIndex(Cols.INVOICE_REF)));
    assertEquals("LICENCE", softcat.getString(softcat.fieldIndex(Cols.FEE_TYPE)));
    assertEquals(PublicData.PSEUDONYMS.supplier("softcat"), softcat.getString(softcat.fieldIndex(Cols.SUPPLIER_REF)));

    // Insight Direct, £165,000.00 on 28/10, 04/11 and 11/11/2020: each later one against the one before.
    assertFalse(year.containsKey("LNWU 07:32"), "the first payment is the original");
    assertEquals("LNWU 07:32", related(year.get("LNWU 08:41")));
    assertTrue(evidence(year.get("LNWU 08:41")).endsWith(", 7 days apart"), evidence(year.get("LNWU 08:41")));
    assertEquals("LNWU 08:41", related(year.get("LNWU 08:43")));

    // Phoenix Software, £449,818.20 on 24/03 and 26/03/2021, under one supplier invoice number.
    Row phoenix = year.get("LNWU 12:334");
    assertEquals("LNWU 12:333", related(phoenix));
    assertEquals("same amount £449,818.20 paid on 2021-03-24 (ref 1421882, their ref OP/I892108) and on 2021-03-26"
        + " (ref 1425982, their ref OP/I892108), 2 days apart; the supplier's reference OP/I892108 is the same on both",
        evidence(phoenix));
    assertTrue(evidence(year.get("LNWU 11:117")).contains("on the same day; the supplier's reference INV02809222"),
        evidence(year.get("LNWU 11:117")));
  }

  @Test
  void monthlyChargesAndSplitReferencesAreNotFlagged() {
    // Sectra's monthly £73,630.80 (P.A.C.S): only the two payments within 7 days of another are flagged.
    String sectra = PublicData.PSEUDONYMS.supplier("sectra");
    List<String> flagged = new ArrayList<>();
    year.forEach((k, r) -> {
      if (r.getString(r.fieldIndex(Cols.SUPPLIER_REF)).equals(sectra)) {
        flagged.add(k + "<-" + related(r));
      }
    });
    assertEquals(List.of("LNWU 02:87<-LNWU 02:86", "LNWU 04:119<-LNWU 04:118"), flagged);
    for (String monthly : List.of("LNWU 05:71", "LNWU 06:98", "LNWU 07:87", "LNWU 08:92", "LNWU 10:105",
        "LNWU 11:133", "LNWU 12:346", "LNWU 12:347")) {
      assertFalse(year.containsKey(monthly), monthly + " is more than 7 days from any other");
    }
    // NHS Resolution: each month's contribution is split in two lines under one reference.
    for (String split : List.of("LNWU 03:91", "LNWU 03:92", "LNWU 04:116", "LNWU 04:117", "LNWU 05:69", "LNWU 05:70")) {
      assertFalse(year.containsKey(split), split);
    }
  }

  @Test
  void theYearHasAsManyFlagsAsAnIndependentCount() {
    // Counted from the raw files with Python's csv module: rows that have an earlier payment to the same
    // supplier of the same amount of at least £1,000 under another Transaction Reference, 0 to 7 days before.
    assertEquals(93, year.size());
  }

  @Test
  void aTrustAndACouncilInOneImportAreFlaggedApart() {
    Path out = tmp.resolve("both");
    SpendImport.Summary s = PublicData.importInto(PublicData.folder(PublicData.LNWH).getParent(), out,
        PublicData.settings(BuyerType.ACUTE_TRUST));
    assertEquals(12, s.files().size());
    Dataset<Row> lines = Normalise.apply(Fixtures.charges(spark, PublicData.allSubmissions(out)), Rates.none());
    Map<String, Long> byBuyer = new TreeMap<>();
    for (Row r : DuplicatePayments.detect(lines, SpendOptions.defaults()).collectAsList()) {
      byBuyer.merge(r.getString(r.fieldIndex(Cols.BUYER_REF)), 1L, Long::sum);
    }
    // The council's count, from the raw file with Python: same normalised supplier, amount >= £1,000, another
    // Trans No document ("1040187 - 2" is line 2 of document 1040187), 0 to 7 days before.
    assertEquals(Map.of(PublicData.PSEUDONYMS.buyer("london north west healthcare nhs trust"), 93L,
        PublicData.PSEUDONYMS.buyer("occ"), 107L), byBuyer);
  }

  @Test
  void itOnlyImportsKeepTheItPairs() {
    Path out = tmp.resolve("lnwh-it");
    SpendImport.Summary s = PublicData.importInto(PublicData.folder(PublicData.LNWH), out,
        new SpendFile.Settings(BuyerType.ACUTE_TRUST, null, true, null));
    Map<String, String> files = new TreeMap<>();
    for (SpendFile.Result r : s.files()) {
      r.submissionIds().forEach(id -> files.put(id, r.file.substring(0, r.file.indexOf(" -"))));
    }
    Dataset<Row> lines = Normalise.apply(Fixtures.charges(spark, PublicData.allSubmissions(out)), Rates.none());
    List<String> flagged = new ArrayList<>();
    for (Row r : DuplicatePayments.detect(lines, SpendOptions.defaults()).collectAsList()) {
      flagged.add(files.get(r.getString(0)) + ":" + r.getInt(1));
    }
    // Sectra x2, BT Global Services x2, Softcat x2, Healthcare Clinical Informatics, Insight Direct x2,
    // Silverlink x2, Cloud 21 (by its expense type), JAC, Phoenix Software.
    assertEquals(List.of("LNWU 02:87", "LNWU 03:38", "LNWU 03:79", "LNWU 04:119", "LNWU 05:37", "LNWU 08:22",
        "LNWU 08:41", "LNWU 08:43", "LNWU 11:117", "LNWU 12:102", "LNWU 12:104", "LNWU 12:118", "LNWU 12:277",
        "LNWU 12:334"), flagged.stream().sorted().toList());
  }

  @Test
  void flagsAreTheFlagsTableAndNameNoSupplier() {
    assertEquals(SparkSchemas.of(Tables.FLAGS), yearFlags.schema());
    List<String> names = new ArrayList<>();
    for (Map<String, String> row : PublicData.rows(lnwh.resolve(SpendImport.RESTRICTED).resolve(NameTables.SUPPLIERS))) {
      names.add(row.get(NameTables.NAME));
    }
    for (Row r : year.values()) {
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        if (v instanceof String s) {
          for (String name : names) {
            assertFalse(s.contains(name), "flag names supplier " + name + ": " + s);
          }
        }
      }
      assertTrue(r.getString(r.fieldIndex(Cols.SUPPLIER_REF)).startsWith("SUP-"));
      assertNull(r.get(r.fieldIndex(Cols.EXPECTED_FEE_GBP)));
    }
  }

  // ---- hand-made lines: one hard negative each ----

  private static String line(String sid, int n, String buyer, String amount, String ref, String date, String credits) {
    return sid + "," + n + ",SUP-A," + buyer + ",ACUTE_TRUST,,OTHER,NOT_APPLICABLE,,LICENCE,ONE_OFF,," + amount
        + ",GBP,," + ref + "," + date + ",,," + credits + ",Software; their ref X" + n + "\n";
  }

  private static List<String> flagged(String csv, SpendOptions o) {
    Dataset<Row> lines = Normalise.apply(Fixtures.charges(spark, Fixtures.HEADER + "\n" + csv), Rates.none());
    List<String> out = new ArrayList<>();
    for (Row r : DuplicatePayments.detect(lines, o).collectAsList()) {
      out.add(r.getString(0) + ":" + r.getInt(1) + "<-" + r.getString(r.fieldIndex(Cols.RELATED_SUBMISSION_ID)) + ":"
          + r.getInt(r.fieldIndex(Cols.RELATED_LINE_NO)));
    }
    return out;
  }

  private static List<String> flagged(String csv) {
    return flagged(csv, SpendOptions.defaults());
  }

  @Test
  void theWindowAndThresholdAreInclusive() {
    assertEquals(List.of("SPEND-1:2<-SPEND-1:1"), flagged(
        line("SPEND-1", 1, "BUY-1", "1000.00", "T1", "2021-03-01", "")
            + line("SPEND-1", 2, "BUY-1", "1000.00", "T2", "2021-03-08", "")));
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "1000.00", "T1", "2021-03-01", "")
            + line("SPEND-1", 2, "BUY-1", "1000.00", "T2", "2021-03-09", "")), "8 days apart");
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "999.99", "T1", "2021-03-01", "")
            + line("SPEND-1", 2, "BUY-1", "999.99", "T2", "2021-03-02", "")), "below the threshold");
    SpendOptions narrow = SpendOptions.defaults();
    narrow = new SpendOptions(new BigDecimal("500"), 3, narrow.feeTypeKeywords(), narrow.itKeywords(),
        narrow.supplierCategories(), narrow.redactedSupplierNames(), null);
    assertEquals(List.of("SPEND-1:2<-SPEND-1:1"), flagged(
        line("SPEND-1", 1, "BUY-1", "999.99", "T1", "2021-03-01", "")
            + line("SPEND-1", 2, "BUY-1", "999.99", "T2", "2021-03-04", "")
            + line("SPEND-1", 3, "BUY-1", "999.99", "T3", "2021-03-08", ""), narrow), "configured: £500, 3 days");
  }

  @Test
  void splitLinesOfOneReferenceAreNeverAPair() {
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "46365.90", "1295217", "2020-06-29", "")
            + line("SPEND-1", 2, "BUY-1", "46365.90", "1295217", "2020-06-29", "")
            + line("SPEND-1", 3, "BUY-1", "46365.90", " 1295217", "2020-06-30", "")));
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "5000.00", "INV-0042", "2021-03-01", "")
            + line("SPEND-2", 1, "BUY-1", "5000.00", "inv 42", "2021-03-02", "")), "one reference, re-formatted");
  }

  @Test
  void otherBuyersContractSubmissionsAndCreditedPaymentsAreNotFlagged() {
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "5000.00", "T1", "2021-03-01", "")
            + line("SPEND-2", 1, "BUY-2", "5000.00", "T2", "2021-03-02", "")), "another buyer");
    assertEquals(List.of(), flagged(
        line("S-2021-03-SUP-A", 1, "BUY-1", "5000.00", "T1", "2021-03-01", "")
            + line("S-2021-03-SUP-A", 2, "BUY-1", "5000.00", "T2", "2021-03-02", "")), "contract lines");
    assertEquals(List.of(), flagged(
        line("SPEND-1", 1, "BUY-1", "5000.00", "T1", "2021-03-01", "")
            + line("SPEND-1", 2, "BUY-1", "5000.00", "T2", "2021-03-02", "")
            + line("SPEND-1", 3, "BUY-1", "-5000.00", "T3", "2021-03-05", "T2")), "the second was refunded");
    assertEquals(List.of("SPEND-2:1<-SPEND-1:1", "SPEND-2:2<-SPEND-2:1"), flagged(
        line("SPEND-2", 2, "BUY-1", "5000.00", "T3", "2021-03-02", "")
            + line("SPEND-1", 1, "BUY-1", "5000.00", "T1", "2021-03-01", "")
            + line("SPEND-2", 1, "BUY-1", "5000.00", "T2", "2021-03-02", "")),
        "the later of each pair, against the nearest earlier; same day: by submission_id, line_no");
  }
}
