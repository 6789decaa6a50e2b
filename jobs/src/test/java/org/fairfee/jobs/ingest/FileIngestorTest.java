package org.fairfee.jobs.ingest;

import static org.fairfee.jobs.ingest.IngestTesting.HEADER;
import static org.fairfee.jobs.ingest.IngestTesting.assertAccounted;
import static org.fairfee.jobs.ingest.IngestTesting.assertRevalidates;
import static org.fairfee.jobs.ingest.IngestTesting.concat;
import static org.fairfee.jobs.ingest.IngestTesting.ingest;
import static org.fairfee.jobs.ingest.IngestTesting.row;
import static org.fairfee.jobs.ingest.IngestTesting.utf8;
import static org.fairfee.jobs.ingest.ReasonCodeTest.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.junit.jupiter.api.Test;

/** The hard cases of the submission contract, one file each, through {@link FileIngestor}. */
class FileIngestorTest {

  private static Object value(FileIngestor.Outcome o, SubmissionColumn c) {
    return o.values()[c.ordinal()];
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = FileIngestorTest.class.getResourceAsStream("/fixtures/ingest/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture fixtures/ingest/" + name);
      }
      return in.readAllBytes();
    }
  }

  @Test
  void bomCrlfShuffledUpperCaseHeaderQuotedLineBreaksAndAnExtraColumn() throws IOException {
    IngestTesting.Ingested r = ingest(resource("awkward.csv"));
    assertAccounted(r);
    assertEquals(FileStatus.ACCEPTED, r.summary().status());
    assertEquals(List.of("internal_note"), r.summary().extraColumns());
    // Line 2 holds a description over three physical lines; the next row starts on line 5.
    assertEquals(List.of(2L, 5L, 8L), r.acceptedLines());
    assertEquals(List.of(6L), r.quarantinedLines());
    FileIngestor.Outcome first = r.at(2);
    assertEquals("Licence, \"core\" module\r\nsecond line\r\nthird line", value(first, SubmissionColumn.DESCRIPTION));
    assertEquals("S-W", value(first, SubmissionColumn.SUBMISSION_ID));
    assertEquals(new BigDecimal("2400.00"), value(first, SubmissionColumn.AMOUNT));
    assertEquals(Boolean.TRUE, value(first, SubmissionColumn.VAT_INCLUDED));
    assertEquals(LocalDate.of(2026, 10, 5), value(first, SubmissionColumn.INVOICE_DATE));
    assertEquals("2026-10", first.values()[RowValidator.INVOICE_MONTH_INDEX]);
    assertEquals(ReasonCode.TOO_MANY_DECIMALS, r.at(6).code());
    assertMentions(r.at(6).reason(), "amount 2400.001");
    assertEquals(1, r.summary().blankLines(), "the CRLF blank line before the last row");
    assertEquals(List.of("S-W"), r.summary().submissionIds());
    for (FileIngestor.Outcome o : r.rows()) {
      if (o.accepted()) {
        assertRevalidates(o, IngestOptions.defaults());
      }
    }
  }

  @Test
  void defaultsForOptionalCurrencyAndVat() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.CURRENCY, "")
        .set(SubmissionColumn.VAT_INCLUDED, "").csv() + "\n");
    assertEquals("GBP", value(r.at(2), SubmissionColumn.CURRENCY));
    assertEquals(Boolean.FALSE, value(r.at(2), SubmissionColumn.VAT_INCLUDED));
  }

  @Test
  void emptyFilesAreRejectedAsEmpty() {
    for (byte[] empty : List.of(new byte[0], new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("\n\r\n  \n"))) {
      IngestTesting.Ingested r = ingest(empty);
      assertEquals(FileStatus.REJECTED, r.summary().status());
      assertEquals(ReasonCode.EMPTY_FILE, r.summary().reasonCode());
      assertTrue(r.rows().isEmpty());
    }
    assertMentions(ingest(new byte[0]).summary().reason(), "0 bytes");
    assertMentions(ingest(utf8("\n\n")).summary().reason(), "no header row");
  }

  @Test
  void headerOnlyHasNoDataRowsAndBlankLinesAreCounted() {
    IngestTesting.Ingested r = ingest("\n" + HEADER + "\r\n\r\n   \n\t\n");
    assertEquals(ReasonCode.NO_DATA_ROWS, r.summary().reasonCode());
    assertEquals(4, r.summary().blankLines());
    assertEquals(0, r.summary().rowsRead());
  }

  @Test
  void binaryGarbageAndOtherEncodingsAreRejectedAsBinary() throws IOException {
    List<byte[]> binaries = List.of(
        resource("garbage.csv"),
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0},
        concat(new byte[] {'P', 'K', 3, 4}, utf8(HEADER)),
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, (HEADER + "\n" + row(1).csv() + "\n").getBytes(StandardCharsets.UTF_16LE)),
        (HEADER + "\n" + row(1).csv() + "\n").getBytes(StandardCharsets.UTF_16BE));
    for (byte[] b : binaries) {
      IngestTesting.Ingested r = ingest(b);
      assertEquals(ReasonCode.BINARY_FILE, r.summary().reasonCode(), r.summary()::toString);
      assertTrue(r.rows().isEmpty());
    }
    assertMentions(ingest(binaries.get(3)).summary().reason(), "UTF-16");
    assertMentions(ingest(binaries.get(4)).summary().reason(), "UTF-16", "without a byte-order mark");
    assertMentions(ingest(binaries.get(1)).summary().reason(), "gzip");
  }

  @Test
  void theBinaryVerdictDoesNotDependOnHowTheStreamSplitsItsReads() throws IOException {
    byte[] garbage = resource("garbage.csv");
    byte[] file = concat(utf8(HEADER + "\n"), garbage, garbage);
    assertEquals(ReasonCode.BINARY_FILE, ingest(file).summary().reasonCode());
    // A stream that hands over a few bytes per read (as network file systems may) is judged the same.
    InputStream trickle = new java.io.ByteArrayInputStream(file) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 3));
      }
    };
    try (FileIngestor f = new FileIngestor("trickle.csv", trickle, IngestOptions.defaults())) {
      assertEquals(ReasonCode.BINARY_FILE, f.drain().reasonCode());
      assertEquals(file.length, f.summary().bytes());
    }
  }

  @Test
  void aWindows1252RowAmongGoodRowsIsNotUtf8AndOnlyThatRow() throws IOException {
    Charset cp1252 = Charset.forName("windows-1252");
    byte[] file = concat(utf8(HEADER + "\n" + row(1).set(SubmissionColumn.DESCRIPTION, "Café £ licence – UTF-8").csv() + "\n"),
        (row(2).set(SubmissionColumn.DESCRIPTION, "Café £ licence – 1252").csv() + "\n").getBytes(cp1252),
        utf8(row(3).csv() + "\n"));
    IngestTesting.Ingested r = ingest(file);
    assertAccounted(r);
    assertEquals(List.of(2L, 4L), r.acceptedLines());
    FileIngestor.Outcome bad = r.at(3);
    assertEquals(ReasonCode.NOT_UTF8, bad.code());
    assertMentions(bad.reason(), "field 21 (description)", "0xE9");
    assertTrue(bad.raw().contains("Caf\uFFFD"), "the raw text shows the bad byte as a replacement character");
    assertEquals("Café £ licence – UTF-8", value(r.at(2), SubmissionColumn.DESCRIPTION));
  }

  @Test
  void headerInWindows1252IsRejected() {
    byte[] file = concat(utf8(HEADER + ",remarque "), new byte[] {(byte) 0xE9}, utf8("\n" + row(1).csv() + ",x\n"));
    assertEquals(ReasonCode.HEADER_NOT_UTF8, ingest(file).summary().reasonCode());
  }

  @Test
  void anUnterminatedQuoteAtTheEndLosesOnlyItsLine() throws IOException {
    IngestTesting.Ingested r = ingest(resource("unterminated-at-end.csv"));
    assertAccounted(r);
    assertEquals(List.of(2L, 3L, 4L), r.acceptedLines());
    assertEquals(List.of(5L), r.quarantinedLines());
    assertEquals(ReasonCode.UNTERMINATED_QUOTE, r.at(5).code());
    assertMentions(r.at(5).reason(), "field 4 (buyer_ref)");
    assertTrue(r.at(5).raw().startsWith("S-U,4,SUP-A,\"BUY-1"), r.at(5).raw());
  }

  @Test
  void anUnterminatedQuoteInTheMiddleGivesUpOneLineAndReadingResumes() {
    String csv = HEADER + "\n" + row(1).csv() + "\n"
        + row(2).set(SubmissionColumn.DESCRIPTION, "\"never closed").csv() + "\n"
        + row(3).csv() + "\n" + row(4).set(SubmissionColumn.DESCRIPTION, "\"two\nlines\"").csv() + "\n";
    IngestTesting.Ingested r = ingest(csv);
    assertAccounted(r);
    // Line 3's quote would otherwise close at the first quote on line 5 and swallow two rows.
    assertEquals(List.of(3L), r.quarantinedLines());
    assertEquals(ReasonCode.UNTERMINATED_QUOTE, r.at(3).code());
    assertEquals(List.of(2L, 4L, 5L), r.acceptedLines());
    assertEquals("two\nlines", value(r.at(5), SubmissionColumn.DESCRIPTION));
  }

  @Test
  void aDuplicateSubmissionLineIsQuarantinedAndTheFirstKept() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).csv() + "\n" + row(2).csv() + "\n"
        + row(1).set(SubmissionColumn.AMOUNT, "99.00").csv() + "\n"
        + row(1).set(SubmissionColumn.SUBMISSION_ID, "S-2").csv() + "\n");
    assertAccounted(r);
    assertEquals(List.of(2L, 3L, 5L), r.acceptedLines());
    assertEquals(ReasonCode.DUPLICATE_LINE, r.at(4).code());
    assertEquals(List.of("S-1", "S-2"), r.summary().submissionIds());
  }

  @Test
  void blankLinesAreNotRowsButAreCounted() {
    IngestTesting.Ingested r = ingest("\r\n" + HEADER + "\r\n\r\n" + row(1).csv() + "\r\n \t \r\n\n" + row(2).csv() + "\n\n");
    assertAccounted(r);
    assertEquals(List.of(4L, 7L), r.acceptedLines());
    assertEquals(5, r.summary().blankLines());
    assertEquals(2, r.summary().rowsRead());
  }

  @Test
  void aLoneCarriageReturnInAnUnquotedFieldIsMalformed() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).csv() + "\n"
        + row(2).set(SubmissionColumn.INVOICE_REF, "INV\r2").csv() + "\n"
        + row(3).set(SubmissionColumn.DESCRIPTION, "ends in a carriage return\r").csv() + "\r\n"
        + row(4).set(SubmissionColumn.DESCRIPTION, "\"a quoted\rcarriage return\"").csv() + "\n");
    assertAccounted(r);
    assertEquals(List.of(3L, 4L), r.quarantinedLines());
    assertEquals(ReasonCode.MALFORMED_ROW, r.at(3).code());
    assertMentions(r.at(3).reason(), "carriage return", "field 16 (invoice_ref)");
    assertEquals(ReasonCode.MALFORMED_ROW, r.at(4).code());
    assertMentions(r.at(4).reason(), "field 21 (description)");
    assertEquals(List.of(2L, 5L), r.acceptedLines());
    assertEquals("a quoted\rcarriage return", value(r.at(5), SubmissionColumn.DESCRIPTION));
  }

  @Test
  void aQuoteInTheMiddleOfAnUnquotedFieldOrAfterAClosingQuoteIsMalformed() {
    IngestTesting.Ingested r = ingest(HEADER + "\n"
        + row(1).set(SubmissionColumn.DESCRIPTION, "a 12\" screen").csv() + "\n"
        + row(2).set(SubmissionColumn.INVOICE_REF, "\"INV\"2").csv() + "\n"
        + row(3).set(SubmissionColumn.INVOICE_REF, " \"INV-3\"").csv() + "\n"
        + row(4).set(SubmissionColumn.DESCRIPTION, "\"a 12\"\" screen, quoted\"").csv() + "\n");
    assertAccounted(r);
    assertEquals(List.of(2L, 3L, 4L), r.quarantinedLines());
    for (long line : List.of(2L, 3L, 4L)) {
      assertEquals(ReasonCode.MALFORMED_ROW, r.at(line).code());
    }
    assertMentions(r.at(2).reason(), "field 21 (description)", "quote");
    assertMentions(r.at(3).reason(), "field 16 (invoice_ref)", "closing quote");
    assertMentions(r.at(4).reason(), "field 16 (invoice_ref)");
    assertEquals("a 12\" screen, quoted", value(r.at(5), SubmissionColumn.DESCRIPTION));
  }

  @Test
  void severalProblemsTakeTheFirstCodeInColumnOrderAndListThemAll() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.AMOUNT, "12,50")
        .set(SubmissionColumn.BUYER_TYPE, "trust").set(SubmissionColumn.SERVICE_END, "").csv() + "\n");
    // the comma splits the amount into two fields
    assertEquals(ReasonCode.TOO_MANY_FIELDS, r.at(2).code());
    r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.AMOUNT, "12.5.0")
        .set(SubmissionColumn.BUYER_TYPE, "trust").set(SubmissionColumn.SERVICE_END, "").csv() + "\n");
    FileIngestor.Outcome o = r.at(2);
    assertEquals(ReasonCode.INVALID_ENUM, o.code());
    assertMentions(o.reason(), "buyer_type 'trust'", "amount '12.5.0'", "service_start is given without service_end");
  }

  @Test
  void leadingZerosInLineNoAreTheSameNumber() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.LINE_NO, "00000000000007").csv() + "\n");
    assertTrue(r.at(2).accepted(), () -> r.at(2).reason());
    assertEquals(7, value(r.at(2), SubmissionColumn.LINE_NO));
    IngestTesting.Ingested big = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.LINE_NO, "2147483648").csv() + "\n");
    assertEquals(ReasonCode.OUT_OF_RANGE, big.at(2).code());
    assertMentions(big.at(2).reason(), "line_no '2147483648'");
  }

  @Test
  void controlCharactersAtTheEdgeOfAValueAreReportedNotTrimmedAway() {
    IngestTesting.Ingested r = ingest(HEADER + "\n"
        + row(1).set(SubmissionColumn.INTERFACE_REF, "IF-1\u0000").csv() + "\n"
        + row(2).set(SubmissionColumn.SUPPLIER_REF, "\u001bSUP-A").csv() + "\n"
        + row(3).set(SubmissionColumn.SUPPLIER_REF, " SUP-A\t").csv() + "\n");
    assertEquals(ReasonCode.INVALID_TEXT, r.at(2).code());
    assertMentions(r.at(2).reason(), "interface_ref", "control character");
    assertEquals(ReasonCode.INVALID_TEXT, r.at(3).code());
    assertMentions(r.at(3).reason(), "supplier_ref", "\\u001b");
    assertTrue(r.at(4).accepted(), "spaces and tabs around a value are trimmed");
    assertEquals("SUP-A", value(r.at(4), SubmissionColumn.SUPPLIER_REF));
  }

  @Test
  void aBuyerSizeTooSmallForADoubleIsOutOfRange() {
    IngestTesting.Ingested r = ingest(HEADER + "\n"
        + row(1).set(SubmissionColumn.BUYER_SIZE, "0." + "0".repeat(400) + "1").csv() + "\n"
        + row(2).set(SubmissionColumn.BUYER_SIZE, "0.5").csv() + "\n");
    assertEquals(ReasonCode.OUT_OF_RANGE, r.at(2).code());
    assertMentions(r.at(2).reason(), "buyer_size");
    assertEquals(0.5, value(r.at(3), SubmissionColumn.BUYER_SIZE));
  }

  @Test
  void aNegativeAmountWithABadCreditRefReportsTheRefNotAMissingOne() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.AMOUNT, "-10.00")
        .set(SubmissionColumn.CREDITS_INVOICE_REF, "X".repeat(65)).csv() + "\n");
    FileIngestor.Outcome o = r.at(2);
    assertEquals(ReasonCode.INVALID_TEXT, o.code());
    assertMentions(o.reason(), "credits_invoice_ref has 65 characters");
    assertFalse(o.reason().contains("credits_invoice_ref is empty"), o.reason());
  }

  @Test
  void textLimitsCountCharactersNotUtf16Units() {
    String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
    IngestTesting.Ingested r = ingest(HEADER + "\n"
        + row(1).set(SubmissionColumn.DESCRIPTION, emoji.repeat(500)).csv() + "\n"
        + row(2).set(SubmissionColumn.DESCRIPTION, emoji.repeat(501)).csv() + "\n");
    assertTrue(r.at(2).accepted(), () -> r.at(2).reason());
    assertEquals(ReasonCode.INVALID_TEXT, r.at(3).code());
    assertMentions(r.at(3).reason(), "description has 501 characters");
  }

  @Test
  void quarantinedRawIsCutToTheLimit() {
    IngestTesting.Ingested r = ingest(HEADER + "\n" + row(1).set(SubmissionColumn.DESCRIPTION, "y".repeat(5000)).csv() + "\n");
    assertEquals(ReasonCode.INVALID_TEXT, r.at(2).code());
    assertEquals(FileIngestor.RAW_LIMIT + 3, r.at(2).raw().length());
    assertNull(r.at(2).values());
  }
}
