package org.fairfee.jobs.importspend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * import-spend on the real published files in sample-data/public/ and on small variants of their
 * rows (other trusts' header spellings, month-first dates, Windows-1252, credits). No Spark.
 */
class SpendImportTest {

  static final String JUNE = "LNWU 03 - June.csv";
  static final String MARCH = "LNWU 12 - March.csv";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path shared;
  static Path lnwh;
  static SpendImport.Summary lnwhSummary;

  @BeforeAll
  static void importTheYear() {
    lnwh = shared.resolve("lnwh");
    lnwhSummary = PublicData.importInto(PublicData.folder(PublicData.LNWH), lnwh, PublicData.settings(BuyerType.ACUTE_TRUST));
  }

  // ---- the LNWH year, as published ----

  @Test
  void everyRowOfTheYearIsAccountedFor() throws IOException {
    List<SpendFile.Result> files = lnwhSummary.files();
    assertEquals(11, files.size());
    long[] perMonth = {87, 97, 127, 73, 104, 90, 92, 124, 112, 139, 356};
    for (int i = 0; i < files.size(); i++) {
      SpendFile.Result f = files.get(i);
      assertEquals(FileStatus.ACCEPTED, f.status, f.file);
      assertEquals(perMonth[i], f.rowsRead, f.file);
      // Counted independently: every line after the header is a row (the files have no blank lines).
      long lines = Files.readAllLines(PublicData.folder(PublicData.LNWH).resolve(f.file)).size() - 1;
      assertEquals(lines, f.rowsRead, f.file);
      assertEquals(f.rowsRead, f.rowsAccepted() + f.rowsQuarantined() + f.rowsSkipped, f.file);
      assertTrue(f.rowsAccepted() >= 0.98 * f.rowsRead, f.file + ": at least 98% of a real file's rows are accepted");
      assertEquals("UTF-8", f.encoding);
      assertEquals("dd/mm/yyyy", f.dateOrder);
    }
    assertEquals(1401, lnwhSummary.rows(r -> r.rowsRead));
    assertEquals(1399, lnwhSummary.rows(SpendFile.Result::rowsAccepted));
    assertEquals(2, lnwhSummary.rows(SpendFile.Result::rowsQuarantined));
    assertEquals(List.of("README.md"), lnwhSummary.ignored());

    JsonNode manifest = JSON.readTree(lnwh.resolve(ImportManifest.FILE_NAME).toFile());
    JsonNode totals = manifest.get("totals");
    assertEquals(1401, totals.get(Cols.ROWS_READ).asLong());
    assertEquals(totals.get(Cols.ROWS_READ).asLong(), totals.get(Cols.ROWS_ACCEPTED).asLong()
        + totals.get(Cols.ROWS_QUARANTINED).asLong() + totals.get(ImportManifest.ROWS_SKIPPED).asLong());
    JsonNode march = manifest.get("files").get(10);
    assertEquals(MARCH, march.get(Cols.FILE).asText());
    assertEquals("Transaction Reference", march.get(ImportManifest.HEADER_MAPPING).get("transaction_ref").asText());
    assertEquals("Expenses Type", march.get(ImportManifest.HEADER_MAPPING).get("expense_type").asText());
    assertEquals("dd/mm/yyyy", march.get(ImportManifest.DATE_ORDER).asText());
    assertEquals("submissions/" + MARCH, march.get(ImportManifest.OUTPUT).asText());
    assertFalse(manifest.toString().contains(PublicData.KEY), "the key is never written out");
  }

  @Test
  void theTwoTotalsRowsAreQuarantinedWithAReason() {
    List<String> q = PublicData.read(lnwh.resolve(SpendImport.QUARANTINE)).lines().toList();
    assertEquals(3, q.size(), String.join("\n", q));
    assertEquals("file,line,reason_code,reason,raw", q.get(0));
    assertTrue(q.get(1).startsWith("LNWU 11 - Febuary.csv,140,MISSING_VALUE,\"a totals row ('Sum:')"), q.get(1));
    assertTrue(q.get(2).startsWith(MARCH + ",357,MISSING_VALUE,"), q.get(2));
    assertTrue(q.get(2).endsWith(",,,,,,Sum:,,\"\"64,463,765.82\"\"\""), q.get(2));
  }

  @Test
  void datesAmountsAndReferencesAreReadRight() {
    Map<String, Map<String, String>> june = byLine(lnwh.resolve(SpendImport.SUBMISSIONS).resolve(JUNE));
    // Line 2: Omnicell Ltd, 18/06/2020, Transaction Reference 1290014, Their Reference 3674, "109,080.00"
    Map<String, String> omnicell = june.get("2");
    assertEquals("109080.00", omnicell.get(Cols.AMOUNT));
    assertEquals("2020-06-18", omnicell.get(Cols.INVOICE_DATE));
    assertEquals("1290014", omnicell.get(Cols.INVOICE_REF));
    assertEquals("Equipment; area Capital; their ref 3674", omnicell.get(Cols.DESCRIPTION));
    assertEquals(PublicData.PSEUDONYMS.supplier("omnicell"), omnicell.get(Cols.SUPPLIER_REF));
    assertEquals(PublicData.PSEUDONYMS.buyer("london north west healthcare nhs trust"), omnicell.get(Cols.BUYER_REF));
    assertEquals("ACUTE_TRUST", omnicell.get(Cols.BUYER_TYPE));
    assertEquals("OTHER", omnicell.get(Cols.PRODUCT_CATEGORY));
    assertEquals("NOT_APPLICABLE", omnicell.get(Cols.INTERFACE_STANDARD));
    assertEquals("ONE_OFF", omnicell.get(Cols.CHARGE_BASIS));
    assertTrue(omnicell.get(Cols.SUBMISSION_ID).matches("SPEND-[0-9A-F]{16}"));
    // Line 64: Softcat Ltd, 08/06/2020, 1288429, their ref B000038107**, "149,148.00", Software Purchases \ Licences
    Map<String, String> softcat = june.get("64");
    assertEquals("149148.00", softcat.get(Cols.AMOUNT));
    assertEquals("2020-06-08", softcat.get(Cols.INVOICE_DATE));
    assertEquals("1288429", softcat.get(Cols.INVOICE_REF));
    assertEquals("Software Purchases \\ Licences; area H.R. Services N.W.L; their ref B000038107",
        softcat.get(Cols.DESCRIPTION));
    assertEquals("LICENCE", softcat.get(Cols.FEE_TYPE));
    assertEquals(PublicData.PSEUDONYMS.supplier("softcat"), softcat.get(Cols.SUPPLIER_REF));
    assertEquals("2020-06-10", june.get("79").get(Cols.INVOICE_DATE));
    assertEquals("1280080", june.get("79").get(Cols.INVOICE_REF));

    Map<String, Map<String, String>> may = byLine(lnwh.resolve(SpendImport.SUBMISSIONS).resolve("LNWU 02 - May.csv"));
    // Line 86: Sectra Limited, 06/05/2020, P.A.C.S, SIN002177, "73,630.80"
    assertEquals("73630.80", may.get("86").get(Cols.AMOUNT));
    assertEquals("2020-05-06", may.get("86").get(Cols.INVOICE_DATE));
    assertEquals("RIS_PACS", may.get("86").get(Cols.PRODUCT_CATEGORY));
    assertEquals("OTHER", may.get("86").get(Cols.FEE_TYPE));
    assertEquals("SUPPORT", may.get("76").get(Cols.FEE_TYPE), "Software Maintenance");
    // Line 84: Nhs Resolution, 20/05/2020, "1,893,806.90"
    assertEquals("1893806.90", may.get("84").get(Cols.AMOUNT));

    Map<String, Map<String, String>> march = byLine(lnwh.resolve(SpendImport.SUBMISSIONS).resolve(MARCH));
    // Line 334: Phoenix Software Ltd, 26/03/2021, 1425982, their ref OP/I892108--, "449,818.20"
    assertEquals("449818.20", march.get("334").get(Cols.AMOUNT));
    assertEquals("2021-03-26", march.get("334").get(Cols.INVOICE_DATE));
    assertTrue(march.get("334").get(Cols.DESCRIPTION).endsWith("; their ref OP/I892108"));
  }

  @Test
  void convertedFilesPassTheContractUnchanged() {
    long rows = 0;
    for (Path p : PublicData.submissions(lnwh)) {
      FileOutcome o = PublicData.validate(p);
      assertEquals(FileStatus.ACCEPTED, o.status(), p + ": " + o.reason());
      assertEquals(0, o.rowsQuarantined(), p.toString());
      assertEquals(List.of(), o.extraColumns());
      rows += o.rowsAccepted();
    }
    assertEquals(1399, rows);
  }

  @Test
  void namesAppearOnlyInTheRestrictedFolder() throws IOException {
    List<String> names = new ArrayList<>();
    for (Map<String, String> row : PublicData.rows(lnwh.resolve(SpendImport.RESTRICTED).resolve(NameTables.SUPPLIERS))) {
      names.add(row.get(NameTables.NAME));
      assertTrue(row.get(Cols.SUPPLIER_REF).matches("SUP-[0-9A-F]{16}"));
    }
    assertEquals(263, names.size(), "every spelling of every supplier");
    assertTrue(names.contains("Softcat Ltd"));
    StringBuilder published = new StringBuilder();
    for (Path p : PublicData.submissions(lnwh)) {
      published.append(PublicData.read(p));
    }
    published.append(PublicData.read(lnwh.resolve(SpendImport.QUARANTINE)));
    published.append(PublicData.read(lnwh.resolve(ImportManifest.FILE_NAME)));
    for (String name : names) {
      assertFalse(published.indexOf(name) >= 0, "supplier name '" + name + "' appears outside restricted/");
    }
    String buyers = PublicData.read(lnwh.resolve(SpendImport.RESTRICTED).resolve(NameTables.BUYERS));
    assertTrue(buyers.contains("London North West Healthcare NHS Trust,london north west healthcare nhs trust,BUY-"));
  }

  @Test
  void aSecondImportGivesTheSameBytesAndKeepsOneNameTable(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("again");
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Files.copy(PublicData.folder(PublicData.LNWH).resolve(JUNE), input.resolve(JUNE));
    PublicData.importInto(input, out, PublicData.settings(BuyerType.ACUTE_TRUST));
    String first = PublicData.read(out.resolve(SpendImport.SUBMISSIONS).resolve(JUNE));
    String names = PublicData.read(out.resolve(SpendImport.RESTRICTED).resolve(NameTables.SUPPLIERS));
    PublicData.importInto(input, out, PublicData.settings(BuyerType.ACUTE_TRUST));
    assertEquals(first, PublicData.read(out.resolve(SpendImport.SUBMISSIONS).resolve(JUNE)));
    assertEquals(first, PublicData.read(lnwh.resolve(SpendImport.SUBMISSIONS).resolve(JUNE)), "same as in the year");
    assertEquals(names, PublicData.read(out.resolve(SpendImport.RESTRICTED).resolve(NameTables.SUPPLIERS)));
    assertFalse(Files.exists(out.resolve(SpendImport.STAGING)));
  }

  // ---- the Oxford quarter: a council's file, credits and blank suppliers ----

  @Test
  void everyRowOfTheCouncilQuarterIsAccountedFor(@TempDir Path tmp) {
    SpendImport.Summary s = PublicData.importInto(PublicData.folder(PublicData.OXFORD), tmp.resolve("ox"),
        PublicData.settings(BuyerType.LOCAL_AUTHORITY));
    SpendFile.Result f = s.files().get(0);
    assertEquals(3855, f.rowsRead);
    assertEquals(3786, f.rowsAccepted());
    assertTrue(f.rowsAccepted() >= 0.98 * f.rowsRead, "at least 98% of a real file's rows are accepted");
    assertEquals(69, f.rowsQuarantined());
    assertEquals(0, f.rowsSkipped);
    assertEquals(69, f.quarantined.stream().filter(q -> q.code() == ReasonCode.MISSING_VALUE
        && q.reason().equals("supplier name is empty")).count());
    // reversals of payments made before the quarter: accepted, counted apart, netted against nothing
    List<SpendFile.Payment> unmatched = f.payments.stream()
        .filter(p -> SpendFile.UNMATCHED_CREDIT.equals(p.creditsInvoiceRef())).toList();
    assertEquals(List.of(79L, 322L, 821L, 1127L, 3801L), unmatched.stream().map(SpendFile.Payment::line).toList());
    assertEquals(5, f.rowsUnmatchedCredits());
    assertEquals(new java.math.BigDecimal("-794.48"), unmatched.get(0).amount());
    assertTrue(f.referenceFormat.startsWith("document - line"), f.referenceFormat);
    assertEquals("Paid Date", f.headerMapping.get("date"));
    assertEquals("Supplier Name", f.headerMapping.get("supplier"));
    assertEquals("Trans No", f.headerMapping.get("transaction_ref"));
    assertEquals("Expenditure Category", f.headerMapping.get("expense_type"));
    assertEquals("Client", f.headerMapping.get("buyer"));

    Map<String, Map<String, String>> rows = byLine(tmp.resolve("ox").resolve(SpendImport.SUBMISSIONS)
        .resolve("expenditure-over-500-oct-dec-2017.csv"));
    // Line 2: OCC, VAT Pro Forma Invoices, 10/10/2017, Trans No "1040187 - 2", 834.29, UK GAS CONNECTION LTD
    assertEquals("834.29", rows.get("2").get(Cols.AMOUNT));
    assertEquals("2017-10-10", rows.get("2").get(Cols.INVOICE_DATE));
    assertEquals("1040187", rows.get("2").get(Cols.INVOICE_REF));
    assertEquals("VAT Pro Forma Invoices; area General Fund; line 2", rows.get("2").get(Cols.DESCRIPTION));
    assertEquals("LOCAL_AUTHORITY", rows.get("2").get(Cols.BUYER_TYPE));
    assertEquals(PublicData.PSEUDONYMS.supplier("uk gas connection"), rows.get("2").get(Cols.SUPPLIER_REF));
    // Line 3: whole pounds, 1140
    assertEquals("1140.00", rows.get("3").get(Cols.AMOUNT));
    assertEquals("2017-10-06", rows.get("3").get(Cols.INVOICE_DATE));
    assertEquals(3786, PublicData.validate(tmp.resolve("ox").resolve(SpendImport.SUBMISSIONS)
        .resolve("expenditure-over-500-oct-dec-2017.csv")).rowsAccepted());
    String quarantine = PublicData.read(tmp.resolve("ox").resolve(SpendImport.QUARANTINE));
    assertFalse(quarantine.contains("CRITIQOM"), "no supplier name in the quarantine");
    // line 79, a credit of £794.48 to CRITIQOM LTD with no payment of that amount in the quarter: accepted,
    // under the supplier's reference, naming no payment
    assertEquals("-794.48", rows.get("79").get(Cols.AMOUNT));
    assertEquals(PublicData.PSEUDONYMS.supplier("critiqom"), rows.get("79").get(Cols.SUPPLIER_REF));
    assertEquals(SpendFile.UNMATCHED_CREDIT, rows.get("79").get(Cols.CREDITS_INVOICE_REF));
  }

  // ---- variants of real rows: what other trusts' files look like ----

  /** The June file's rows (header first), parsed. */
  static List<String[]> juneRows() {
    byte[] bytes = PublicData.read(PublicData.folder(PublicData.LNWH).resolve(JUNE)).getBytes(StandardCharsets.UTF_8);
    SpendCsv csv = new SpendCsv(SpendText.decode(bytes).lines(), 0, ',');
    List<String[]> rows = new ArrayList<>();
    SpendCsv.Record r;
    while ((r = csv.next()) != null) {
      rows.add(r.fields());
    }
    return rows;
  }

  static byte[] write(List<String[]> rows, char delimiter, String eol, Charset cs, boolean bom, String preamble) {
    StringBuilder sb = new StringBuilder(bom ? "\uFEFF" : "");
    if (preamble != null) {
      sb.append(preamble).append(eol).append(eol);
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        String v = row[i];
        if (i > 0) {
          sb.append(delimiter);
        }
        boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('£') >= 0;
        sb.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
      }
      sb.append(eol);
    }
    return sb.toString().getBytes(cs);
  }

  static List<String[]> map(List<String[]> rows, UnaryOperator<String[]> header, UnaryOperator<String[]> data) {
    List<String[]> out = new ArrayList<>();
    out.add(header.apply(rows.get(0).clone()));
    for (String[] r : rows.subList(1, rows.size())) {
      out.add(data.apply(r.clone()));
    }
    return out;
  }

  /** Imports one variant of the June file (under the same name, so ids match) and returns the result. */
  static SpendFile.Result importVariant(Path tmp, String name, byte[] bytes) throws IOException {
    Path input = tmp.resolve(name + "-in");
    Files.createDirectories(input);
    Files.write(input.resolve(JUNE), bytes);
    SpendImport.Summary s = PublicData.importInto(input, tmp.resolve(name), PublicData.settings(BuyerType.ACUTE_TRUST));
    return s.files().get(0);
  }

  static String converted(Path tmp, String name) {
    return PublicData.read(tmp.resolve(name).resolve(SpendImport.SUBMISSIONS).resolve(JUNE));
  }

  @Test
  void otherTrustsHeadersMonthFirstDatesAndWindows1252GiveTheSameSubmission(@TempDir Path tmp) throws IOException {
    String original = PublicData.read(lnwh.resolve(SpendImport.SUBMISSIONS).resolve(JUNE));
    List<String[]> rows = juneRows();

    List<String[]> renamed = map(rows, h -> new String[] {"Department Family", "Body Name", "Date Paid", "Cost Centre",
        "Expense Type", "Supplier Name", "Trans No", "Invoice Number", "Amount (£)"}, r -> r);
    SpendFile.Result r1 = importVariant(tmp, "renamed", write(renamed, ',', "\r\n", StandardCharsets.UTF_8, false, null));
    assertEquals(original, converted(tmp, "renamed"));
    assertEquals("Supplier Name", r1.headerMapping.get("supplier"));
    assertEquals("Date Paid", r1.headerMapping.get("date"));
    assertEquals("Trans No", r1.headerMapping.get("transaction_ref"));
    assertEquals("Expense Type", r1.headerMapping.get("expense_type"));
    assertEquals("Body Name", r1.headerMapping.get("buyer"));

    List<String[]> monthFirst = map(rows, h -> h, r -> {
      String[] d = r[2].split("/");
      r[2] = Integer.parseInt(d[1]) + "/" + Integer.parseInt(d[0]) + "/" + d[2]; // 18/06/2020 -> 6/18/2020
      return r;
    });
    SpendFile.Result r2 = importVariant(tmp, "month-first", write(monthFirst, ',', "\n", StandardCharsets.UTF_8, false, null));
    assertEquals(original, converted(tmp, "month-first"));
    assertEquals("mm/dd/yyyy", r2.dateOrder);
    assertTrue(r2.dateEvidence.contains("with a second number above 12"), r2.dateEvidence);

    List<String[]> pounds = map(rows, h -> h, r -> {
      r[8] = "£" + r[8];
      return r;
    });
    SpendFile.Result r3 = importVariant(tmp, "cp1252", write(pounds, ',', "\r\n", Charset.forName("windows-1252"), false, null));
    assertEquals(original, converted(tmp, "cp1252"));
    assertEquals("Windows-1252", r3.encoding);
    SpendFile.Result r4 = importVariant(tmp, "bom", write(pounds, ',', "\r\n", StandardCharsets.UTF_8, true, null));
    assertEquals(original, converted(tmp, "bom"));
    assertEquals("UTF-8 (with BOM)", r4.encoding);

    SpendFile.Result r5 = importVariant(tmp, "tabs", write(rows, '\t', "\n", StandardCharsets.UTF_8, false,
        "London North West University Healthcare NHS Trust - Expenditure over £25,000 - June 2020"));
    assertEquals(shifted(original, 2), converted(tmp, "tabs"), "line_no is the line in the file: 2 lines lower");
    assertEquals("tab", r5.delimiter);
    assertEquals(1, r5.preambleLines);
    assertEquals(3, r5.headerLine);

    SpendFile.Result r6 = importVariant(tmp, "all", write(map(monthFirst, h -> renamed.get(0).clone(), r -> {
      r[8] = "£" + r[8];
      return r;
    }), ';', "\r\n", Charset.forName("windows-1252"), false, "Spend over £25k"));
    assertEquals(shifted(original, 2), converted(tmp, "all"));
    assertEquals("Windows-1252", r6.encoding);
    assertEquals("mm/dd/yyyy", r6.dateOrder);
    assertEquals("semicolon", r6.delimiter);
    for (SpendFile.Result r : List.of(r1, r2, r3, r4, r5, r6)) {
      assertEquals(97, r.rowsRead);
      assertEquals(97, r.rowsAccepted());
    }
  }

  @Test
  void datesThatNeverShowTheirOrderAreReportedAsAssumed(@TempDir Path tmp) throws IOException {
    List<String[]> rows = juneRows();
    List<String[]> early = new ArrayList<>();
    early.add(rows.get(0));
    rows.stream().skip(1).filter(r -> Integer.parseInt(r[2].substring(0, 2)) <= 12).forEach(early::add);
    SpendFile.Result r = importVariant(tmp, "ambiguous", write(early, ',', "\r\n", StandardCharsets.UTF_8, false, null));
    assertEquals("ambiguous, assumed dd/mm/yyyy", r.dateOrder);
    assertEquals(early.size() - 1, r.rowsAccepted());
    for (SpendFile.Payment p : r.payments) {
      assertEquals(6, p.date().getMonthValue(), "read day first: every date is in June");
    }
    JsonNode entry = JSON.readTree(tmp.resolve("ambiguous").resolve(ImportManifest.FILE_NAME).toFile()).get("files").get(0);
    assertEquals("ambiguous, assumed dd/mm/yyyy", entry.get(ImportManifest.DATE_ORDER).asText());
  }

  @Test
  void creditsNameThePaymentTheyReverseOrAreQuarantined(@TempDir Path tmp) throws IOException {
    List<String[]> rows = new ArrayList<>(juneRows());
    String[] softcat = rows.get(78).clone(); // line 79: Softcat, 10/06/2020, 1280080, "149,148.00"
    assertEquals("1280080", softcat[6]);
    String[] refund = softcat.clone();
    refund[2] = "12/06/2020";
    refund[6] = "1299999";
    refund[7] = "CN1";
    refund[8] = "-149,148.00";
    String[] stray = softcat.clone();
    stray[2] = "12/06/2020";
    stray[6] = "1299998";
    stray[8] = "(5,000.00)";
    rows.add(refund);
    rows.add(stray);
    SpendFile.Result r = importVariant(tmp, "credits", write(rows, ',', "\r\n", StandardCharsets.UTF_8, false, null));
    assertEquals(99, r.rowsRead);
    assertEquals(99, r.rowsAccepted());
    SpendFile.Payment credit = r.payments.stream().filter(SpendFile.Payment::isCredit).findFirst().orElseThrow();
    assertEquals(99, credit.line());
    assertEquals("1280080", credit.creditsInvoiceRef(), "the latest earlier payment of that amount");
    // the stray credit of £5,000 has no earlier payment of that amount: an unmatched credit, not bad data
    assertEquals(0, r.quarantined.size());
    SpendFile.Payment strayCredit = r.payments.stream().filter(p -> p.line() == 100).findFirst().orElseThrow();
    assertEquals(SpendFile.UNMATCHED_CREDIT, strayCredit.creditsInvoiceRef());
    assertEquals(1, r.rowsUnmatchedCredits());
    assertEquals(FileStatus.ACCEPTED, PublicData.validate(tmp.resolve("credits").resolve(SpendImport.SUBMISSIONS)
        .resolve(JUNE)).status());
  }

  @Test
  void itOnlyKeepsItPaymentsAndCountsTheRestAsSkipped(@TempDir Path tmp) {
    SpendImport.Summary s = PublicData.importInto(PublicData.folder(PublicData.LNWH), tmp.resolve("it"),
        new SpendFile.Settings(BuyerType.ACUTE_TRUST, null, true, null));
    long read = s.rows(r -> r.rowsRead);
    long accepted = s.rows(SpendFile.Result::rowsAccepted);
    long skipped = s.rows(r -> r.rowsSkipped);
    assertEquals(1401, read);
    assertEquals(read, accepted + s.rows(SpendFile.Result::rowsQuarantined) + skipped);
    assertEquals(0, s.rows(SpendFile.Result::rowsQuarantined), "the totals rows are not IT: skipped");
    assertTrue(accepted > 100 && accepted < 300, "IT rows: " + accepted);
    List<String> suppliers = new ArrayList<>();
    s.files().forEach(f -> f.payments.forEach(p -> suppliers.add(p.supplierRef())));
    assertTrue(suppliers.contains(PublicData.PSEUDONYMS.supplier("softcat")));
    assertTrue(suppliers.contains(PublicData.PSEUDONYMS.supplier("sectra")));
    assertFalse(suppliers.contains(PublicData.PSEUDONYMS.supplier("nhs resolution")));
  }

  // ---- files that cannot be read as they are ----

  @Test
  void aFileWithoutTheNeededColumnsIsRejectedNamingThemAndAMappingReadsIt(@TempDir Path tmp) throws IOException {
    List<String[]> rows = map(juneRows(), h -> new String[] {"Dept", "Org", "When", "Area", "What", "Who", "Doc",
        "Theirs", "How much"}, r -> r);
    SpendFile.Result r = importVariant(tmp, "odd", write(rows, ',', "\n", StandardCharsets.UTF_8, false, null));
    assertEquals(FileStatus.REJECTED, r.status);
    assertEquals(ReasonCode.MISSING_COLUMN, r.reasonCode);
    assertTrue(r.reason.contains("missing supplier") && r.reason.contains("date") && r.reason.contains("amount")
        && r.reason.contains("a reference"), r.reason);
    assertFalse(Files.exists(tmp.resolve("odd").resolve(SpendImport.SUBMISSIONS).resolve(JUNE)));

    Map<SpendField, String> mapping = Map.of(SpendField.SUPPLIER, "Who", SpendField.DATE, "When", SpendField.AMOUNT,
        "How much", SpendField.TRANSACTION_REF, "Doc", SpendField.SUPPLIER_REF, "Theirs", SpendField.EXPENSE_TYPE,
        "What", SpendField.EXPENSE_AREA, "Area", SpendField.BUYER, "Org");
    Path input = tmp.resolve("odd-in");
    SpendImport.run(Io.local(), new SpendImport.Request(Io.path(input.toString()), Io.path(tmp.resolve("mapped").toString()),
        Io.path(tmp.resolve("mapped-restricted").toString()), new SpendFile.Settings(BuyerType.ACUTE_TRUST, null, false,
            mapping), SpendOptions.defaults(), new PseudonymKey(PublicData.KEY, "test", null), "mapping.json"));
    assertEquals(PublicData.read(lnwh.resolve(SpendImport.SUBMISSIONS).resolve(JUNE)), converted(tmp, "mapped"));
  }

  @Test
  void withoutABuyerColumnTheBuyerComesFromTheOptionOrTheFolder(@TempDir Path tmp) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String[] r : juneRows().subList(0, 4)) {
      rows.add(new String[] {r[2], r[5], r[6], r[8]});
    }
    Path input = tmp.resolve("in").resolve("lnwh");
    Files.createDirectories(input);
    Files.write(input.resolve("june.csv"), write(rows, ',', "\n", StandardCharsets.UTF_8, false, null));
    SpendFile.Result byFolder = PublicData.importInto(tmp.resolve("in"), tmp.resolve("a"),
        PublicData.settings(BuyerType.ACUTE_TRUST)).files().get(0);
    assertEquals("folder name", byFolder.buyerSource);
    assertEquals(PublicData.PSEUDONYMS.buyer("lnwh"), byFolder.payments.get(0).buyerRef());
    SpendFile.Result given = PublicData.importInto(tmp.resolve("in"), tmp.resolve("b"),
        new SpendFile.Settings(BuyerType.ACUTE_TRUST, "London North West Healthcare NHS Trust", false, null)).files().get(0);
    assertEquals("--buyer", given.buyerSource);
    assertEquals(PublicData.PSEUDONYMS.buyer("london north west healthcare nhs trust"), given.payments.get(0).buyerRef());
    assertNull(given.headerMapping.get("expense_type"));
    assertNotNull(given.payments.get(0).invoiceRef());
  }

  @Test
  void rowsThatCannotBeReadAreQuarantinedOneByOne(@TempDir Path tmp) throws IOException {
    String csv = "Supplier,Date,Amount,Trans No,Expense Type\n"
        + "Acme Ltd,01/02/2021,100.00,T1,Software\n"
        + "REDACTED,01/02/2021,200.00,T2,Refund\n"
        + "Acme Ltd,31/02/2021,300.00,T3,Software\n"
        + "Acme Ltd,13/02/2021,1,234.00,T4,Software\n"
        + "Acme Ltd,14/02/2021,12.345,T5,Software\n"
        + "Acme Ltd,15/02/2021\n"
        + ",,,,\n"
        + "Acme Ltd,16/02/2021,\"500.00,T6,Software\n";
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Files.writeString(input.resolve("bad.csv"), csv);
    SpendFile.Result r = PublicData.importInto(input, tmp.resolve("out"), PublicData.settings(BuyerType.OTHER)).files().get(0);
    assertEquals(7, r.rowsRead);
    assertEquals(1, r.blankLines);
    assertEquals(1, r.rowsAccepted());
    List<ReasonCode> codes = r.quarantined.stream().map(SpendFile.Quarantined::code).toList();
    assertEquals(List.of(ReasonCode.MISSING_VALUE, ReasonCode.INVALID_DATE, ReasonCode.TOO_MANY_FIELDS,
        ReasonCode.TOO_MANY_DECIMALS, ReasonCode.TOO_FEW_FIELDS, ReasonCode.UNTERMINATED_QUOTE), codes);
    assertArrayEquals(new long[] {3, 4, 5, 6, 7, 9}, r.quarantined.stream().mapToLong(SpendFile.Quarantined::line).toArray());
    assertTrue(r.quarantined.get(0).reason().contains("withheld"), r.quarantined.get(0).reason());
  }

  @Test
  void binaryAndEmptyFilesAreRejected(@TempDir Path tmp) throws IOException {
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Files.write(input.resolve("a.csv"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    Files.write(input.resolve("b.csv"), new byte[0]);
    Files.writeString(input.resolve("c.csv"), "Supplier,Date,Amount,Trans No\n\n");
    List<SpendFile.Result> r = PublicData.importInto(input, tmp.resolve("out"), PublicData.settings(BuyerType.OTHER)).files();
    assertEquals(ReasonCode.BINARY_FILE, r.get(0).reasonCode);
    assertEquals(ReasonCode.EMPTY_FILE, r.get(1).reasonCode);
    assertEquals(ReasonCode.NO_DATA_ROWS, r.get(2).reasonCode);
  }

  @Test
  void anOutputFolderWithForeignSubmissionsIsRefused(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("out").resolve(SpendImport.SUBMISSIONS));
    Files.createDirectories(tmp.resolve("in"));
    assertThrows(IllegalArgumentException.class, () -> SpendImport.checkOut(Io.local(), Io.path(tmp.resolve("out").toString())));
  }

  // ---- the key ----

  @Test
  void theKeyComesFromTheEnvironmentThenTheConfigThenAKeyFile(@TempDir Path tmp) throws IOException {
    Io io = Io.local();
    org.apache.hadoop.fs.Path restricted = Io.path(tmp.resolve("restricted").toString());
    PseudonymKey env = PseudonymKey.resolve("env-key-0123456789abcdef", "config-key-0123456789", io, restricted);
    assertEquals("env-key-0123456789abcdef", env.key());
    assertTrue(env.warning().contains("using FAIRFEE_PSEUDONYM_KEY"));
    PseudonymKey config = PseudonymKey.resolve(null, "config-key-0123456789", io, restricted);
    assertEquals("config-key-0123456789", config.key());
    assertNull(config.warning());
    assertFalse(Files.exists(tmp.resolve("restricted").resolve(PseudonymKey.FILE_NAME)));
    PseudonymKey created = PseudonymKey.resolve(null, null, io, restricted);
    assertTrue(created.warning().contains("created a random key"), created.warning());
    assertEquals(64, created.key().length());
    PseudonymKey reused = PseudonymKey.resolve(null, null, io, restricted);
    assertEquals(created.key(), reused.key());
    assertTrue(reused.warning().contains("using the key file"));
    assertFalse(created.toString().contains(created.key()));
    assertThrows(IllegalArgumentException.class, () -> PseudonymKey.resolve("short", null, io, restricted));
  }

  @Test
  void theConfigSectionOverridesDefaultsAndHidesTheKey() throws IOException {
    SpendOptions o = SpendOptions.fromConfig("{\"bands\": {\"windowMonths\": 6}, \"spend\": {\"duplicateWindowDays\": 3,"
        + " \"pseudonymKey\": \"config-key-0123456789\", \"supplierCategories\": {\"Acme Systems\": \"EPR\"}}}");
    assertEquals(3, o.duplicateWindowDays());
    assertEquals("config-key-0123456789", o.keyText());
    assertEquals(Map.of("Acme Systems", org.fairfee.schemas.ProductCategory.EPR), o.supplierCategories());
    assertEquals(SpendOptions.defaults().itKeywords(), o.itKeywords());
    String shown = JSON.writeValueAsString(o);
    assertFalse(shown.contains("config-key"), shown);
    assertTrue(shown.contains("\"pseudonymKey\":\"(hidden)\""), shown);
    assertFalse(o.toString().contains("config-key"));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SpendOptions.fromConfig("{\"spend\": {\"windowDays\": 3}}"));
    assertTrue(bad.getMessage().contains("spend.windowDays"), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SpendOptions.fromConfig("{\"spend\": {\"duplicateMinGbp\": 0}}"));
    assertEquals(SpendOptions.defaults().duplicateMinGbp(), SpendOptions.fromConfig("{}").duplicateMinGbp());
  }

  /** A converted file with every line_no moved down by {@code lines} (for a source with title lines). */
  static String shifted(String converted, int lines) {
    StringBuilder sb = new StringBuilder();
    for (String l : converted.split("\n", -1)) {
      String[] cells = l.split(",", 3);
      if (cells.length == 3 && cells[1].matches("[0-9]+")) {
        l = cells[0] + "," + (Integer.parseInt(cells[1]) + lines) + "," + cells[2];
      }
      sb.append(l).append('\n');
    }
    return sb.substring(0, sb.length() - 1);
  }

  @Test
  void theSectionRoundTripsThroughJsonTheWayOptionsMergesSections() throws IOException {
    // Options.fromJson turns the defaults into a tree, lays the user's keys over it and reads it back.
    ObjectMapper strict = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    com.fasterxml.jackson.databind.node.ObjectNode tree = strict.valueToTree(SpendOptions.defaults());
    SpendOptions back = strict.treeToValue(tree, SpendOptions.class);
    assertEquals(0, SpendOptions.defaults().duplicateMinGbp().compareTo(back.duplicateMinGbp()));
    assertEquals(SpendOptions.defaults().feeTypeKeywords(), back.feeTypeKeywords());
    assertEquals(SpendOptions.defaults().supplierCategories(), back.supplierCategories());
    assertNull(back.pseudonymKey());
    tree.put("pseudonymKey", "config-key-0123456789");
    assertEquals("config-key-0123456789", strict.treeToValue(tree, SpendOptions.class).keyText());
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(strict.treeToValue(tree, SpendOptions.class)); // options travel to executors
    }
    assertTrue(bytes.size() > 0);
  }

  static Map<String, Map<String, String>> byLine(Path file) {
    Map<String, Map<String, String>> m = new java.util.TreeMap<>();
    for (Map<String, String> row : PublicData.rows(file)) {
      m.put(row.get(Cols.LINE_NO), row);
    }
    return m;
  }
}
