package org.fairfee.jobs.ingest;

import static org.fairfee.jobs.ingest.IngestTesting.HEADER;
import static org.fairfee.jobs.ingest.IngestTesting.assertAccounted;
import static org.fairfee.jobs.ingest.IngestTesting.concat;
import static org.fairfee.jobs.ingest.IngestTesting.ingest;
import static org.fairfee.jobs.ingest.IngestTesting.row;
import static org.fairfee.jobs.ingest.IngestTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.util.CollectionAccumulator;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Io;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every reason code on a hand-made fixture, asserting the code and that the human reason names the
 * column or value at fault. The switch in {@link #fixture} is exhaustive, so a new code does not
 * compile until it has a fixture here.
 */
class ReasonCodeTest {

  @TempDir
  Path tmp;

  /** A row-level fixture: the bad row goes on line 3, between good rows on lines 2 and 4. */
  record RowCase(byte[] badRow, IngestOptions options, String... mentions) {
    RowCase(String badRow, String... mentions) {
      this(utf8(badRow), IngestOptions.defaults(), mentions);
    }
  }

  /** What a file-level fixture came to. */
  record FileCase(FileOutcome outcome, String... mentions) {}

  private Object fixture(ReasonCode code) throws IOException {
    return switch (code) {
      // ---- file level ----
      case UNREADABLE_FILE -> new FileCase(unreadable(), "missing.csv");
      case EMPTY_FILE -> new FileCase(ingest(new byte[0]).summary(), "empty", "0 bytes");
      case BINARY_FILE -> new FileCase(ingest(new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9, 0, 0, 0, 7}).summary(),
          "binary");
      case HEADER_NOT_UTF8 -> new FileCase(ingest(concat(utf8(HEADER + ",descripci"), new byte[] {(byte) 0xF3, 'n', '\n'},
          utf8(row(1).csv() + ",x\n"))).summary(), "header", "UTF-8");
      case MISSING_COLUMN -> new FileCase(ingest(HEADER.replace(",amount,", ",amount_gbp,") + "\n" + row(1).csv() + "\n")
          .summary(), "amount");
      case DUPLICATE_COLUMN -> new FileCase(ingest(HEADER + ", Amount \n" + row(1).csv() + ",1\n").summary(), "Amount");
      case NO_DATA_ROWS -> new FileCase(ingest(HEADER + "\n\n").summary(), "no data rows");
      case SUBMISSION_ID_CONFLICT -> new FileCase(conflict(), "S-1", "a.csv");
      // ---- row level ----
      case NOT_UTF8 -> new RowCase(concat(utf8(row(2).set(SubmissionColumn.DESCRIPTION, "Caf").csv()),
          new byte[] {(byte) 0xE9}, utf8(" licence")), IngestOptions.defaults(), "description", "0xE9", "UTF-8");
      case ROW_TOO_LONG -> new RowCase(row(2).set(SubmissionColumn.DESCRIPTION, "x".repeat(70_000)).csv(),
          "65536 bytes", "description");
      case UNTERMINATED_QUOTE -> new RowCase(row(2).set(SubmissionColumn.DESCRIPTION, "\"Annual licence, never closed")
          .csv(), "description", "not closed");
      case MALFORMED_ROW -> new RowCase(row(2).set(SubmissionColumn.BUYER_REF, "BUY\"1").csv(), "buyer_ref", "quote");
      case TOO_FEW_FIELDS -> new RowCase(row(2).csv().replace(",Annual licence", ""), "20 fields", "21",
          "description");
      case TOO_MANY_FIELDS -> new RowCase(row(2).csv() + ",extra", "22 fields", "21", "'extra'");
      case MISSING_VALUE -> new RowCase(row(2).set(SubmissionColumn.SUPPLIER_REF, " ").csv(), "supplier_ref is empty");
      case INVALID_TEXT -> new RowCase(row(2).set(SubmissionColumn.SUPPLIER_REF, "sup a").csv(), "supplier_ref 'sup a'");
      case INVALID_ENUM -> new RowCase(row(2).set(SubmissionColumn.BUYER_TYPE, "Acute Trust").csv(),
          "buyer_type 'Acute Trust'", "did you mean ACUTE_TRUST");
      case INVALID_NUMBER -> new RowCase(row(2).set(SubmissionColumn.AMOUNT, "\"1,200.00\"").csv(), "amount '1,200.00'");
      case TOO_MANY_DECIMALS -> new RowCase(row(2).set(SubmissionColumn.AMOUNT, "1200.001").csv(), "amount 1200.001",
          "3 decimal places");
      case OUT_OF_RANGE -> new RowCase(row(2).set(SubmissionColumn.BUYER_SIZE, "-5").csv(), "buyer_size '-5'",
          "greater than 0");
      case INVALID_DATE -> new RowCase(row(2).set(SubmissionColumn.INVOICE_DATE, "2026-02-30").csv(),
          "invoice_date 2026-02-30", "not a real calendar date");
      case INVALID_BOOLEAN -> new RowCase(row(2).set(SubmissionColumn.VAT_INCLUDED, "yes").csv(), "vat_included 'yes'");
      case CREDIT_WITHOUT_REF -> new RowCase(row(2).set(SubmissionColumn.AMOUNT, "-1200.00").csv(), "amount -1200.00",
          "credits_invoice_ref");
      case QUANTITY_REQUIRED -> new RowCase(row(2).set(SubmissionColumn.CHARGE_BASIS, "PER_TRANSACTION").csv(),
          "PER_TRANSACTION", "quantity");
      case SERVICE_PERIOD_INCOMPLETE -> new RowCase(row(2).set(SubmissionColumn.SERVICE_END, "").csv(),
          "service_start", "service_end");
      case SERVICE_PERIOD_REVERSED -> new RowCase(row(2).set(SubmissionColumn.SERVICE_END, "2026-02-01").csv(),
          "service_end 2026-02-01", "service_start 2026-03-01");
      case UNKNOWN_CURRENCY -> new RowCase(utf8(row(2).set(SubmissionColumn.CURRENCY, "EUR").csv()),
          IngestTesting.withEurRate(), "currency EUR", "2026-03");
      case DUPLICATE_LINE -> new RowCase(row(1).csv(), "submission_id S-1 line_no 1");
    };
  }

  @ParameterizedTest
  @EnumSource(ReasonCode.class)
  void everyCodeHasAFixtureAndAReasonThatNamesTheCulprit(ReasonCode code) throws IOException {
    Object c = fixture(code);
    if (c instanceof FileCase f) {
      assertEquals(ReasonCode.Level.FILE, code.level());
      FileOutcome o = f.outcome();
      assertEquals(FileStatus.REJECTED, o.status(), o::toString);
      assertEquals(code, o.reasonCode(), o::toString);
      assertEquals(0, o.rowsAccepted());
      assertMentions(o.reason(), f.mentions());
      return;
    }
    RowCase r = (RowCase) c;
    assertEquals(ReasonCode.Level.ROW, code.level());
    byte[] file = concat(utf8(HEADER + "\n" + row(1).csv() + "\n"), r.badRow(), utf8("\n" + row(3).csv() + "\n"));
    IngestTesting.Ingested out = ingest(file, r.options());
    assertAccounted(out);
    assertEquals(FileStatus.ACCEPTED, out.summary().status(), out.summary()::toString);
    assertEquals(List.of(2L, 4L), out.acceptedLines(), "the file's other rows are accepted");
    assertEquals(List.of(3L), out.quarantinedLines());
    FileIngestor.Outcome bad = out.at(3);
    assertEquals(code, bad.code(), bad::reason);
    assertMentions(bad.reason(), r.mentions());
    assertTrue(bad.raw() != null && !bad.raw().isEmpty(), "the raw row is kept for quarantine.csv");
    assertEquals(3, out.summary().rowsRead());
    assertEquals(1, out.summary().rowsQuarantined());
  }

  static void assertMentions(String reason, String... mentions) {
    for (String m : mentions) {
      assertTrue(reason != null && reason.contains(m), () -> "reason \"" + reason + "\" should mention \"" + m + "\"");
    }
  }

  /** A file that vanished between listing and reading, through the Spark task's per-file loop. */
  private FileOutcome unreadable() {
    Path missing = tmp.resolve("missing.csv");
    Ingest.Task task = new Ingest.Task(missing.toUri().toString(), "missing.csv", 10, "0".repeat(64), null);
    CollectionAccumulator<FileOutcome> outcomes = new CollectionAccumulator<>();
    Ingest.BinRows rows = new Ingest.BinRows(Io.local(), List.of(task), IngestOptions.defaults(), outcomes);
    assertTrue(!rows.hasNext());
    assertEquals(1, outcomes.value().size());
    return outcomes.value().get(0);
  }

  /** Two files with different content and one submission_id: the later by path loses. */
  private FileOutcome conflict() {
    FileOutcome a = ingest(HEADER + "\n" + row(1).csv() + "\n").summary().at("a.csv");
    FileOutcome b = ingest(HEADER + "\n" + row(2).csv() + "\n").summary().at("b.csv");
    List<FileOutcome> decided = Ingest.resolveConflicts(List.of(a, b), List.of());
    assertEquals(FileStatus.ACCEPTED, decided.get(0).status());
    return decided.get(1);
  }
}
