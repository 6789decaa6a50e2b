package org.fairfee.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.SubmissionColumn;

/** Builders for submission rows and a one-call way to run {@link FileIngestor} over bytes. */
final class IngestTesting {
  private IngestTesting() {}

  static final String HEADER = Fixtures.HEADER;
  static final int COLUMNS = SubmissionColumn.values().length;

  /** A valid row, in contract column order; {@link #set} changes one value before {@link #csv}. */
  static final class RowBuilder {
    private final String[] values;

    RowBuilder(int lineNo) {
      values = new String[] {"S-1", String.valueOf(lineNo), "SUP-A", "BUY-1", "ACUTE_TRUST", "4000", "EPR",
          "FHIR_R4", "IF-1", "LICENCE", "ANNUAL", "", "1200.00", "GBP", "false", "INV-" + lineNo, "2026-03-10",
          "2026-03-01", "2027-02-28", "", "Annual licence"};
    }

    RowBuilder set(SubmissionColumn column, String value) {
      values[column.ordinal()] = value;
      return this;
    }

    String get(SubmissionColumn column) {
      return values[column.ordinal()];
    }

    /** The row as written, values joined by commas as given (quote them yourself where needed). */
    String csv() {
      return String.join(",", values);
    }
  }

  static RowBuilder row(int lineNo) {
    return new RowBuilder(lineNo);
  }

  /** What FileIngestor made of a file: every outcome in order, and the summary. */
  record Ingested(List<FileIngestor.Outcome> rows, FileOutcome summary) {
    FileIngestor.Outcome at(long line) {
      for (FileIngestor.Outcome o : rows) {
        if (o.line() == line) {
          return o;
        }
      }
      throw new AssertionError("no outcome starts on line " + line + "; lines: "
          + rows.stream().map(FileIngestor.Outcome::line).toList());
    }

    List<Long> acceptedLines() {
      return rows.stream().filter(FileIngestor.Outcome::accepted).map(FileIngestor.Outcome::line).toList();
    }

    List<Long> quarantinedLines() {
      return rows.stream().filter(o -> !o.accepted()).map(FileIngestor.Outcome::line).toList();
    }
  }

  /** Everything an ingest returned, as text, for comparing two reads of the same bytes. */
  static String render(Ingested r) {
    StringBuilder sb = new StringBuilder(r.summary().toString()).append('\n');
    for (FileIngestor.Outcome o : r.rows()) {
      sb.append(o.line()).append(' ').append(o.code()).append(' ').append(o.reason()).append(' ').append(o.raw())
          .append(' ').append(java.util.Arrays.toString(o.values())).append('\n');
    }
    return sb.toString();
  }

  static Ingested ingest(String csv) {
    return ingest(utf8(csv), IngestOptions.defaults());
  }

  static Ingested ingest(byte[] bytes) {
    return ingest(bytes, IngestOptions.defaults());
  }

  static Ingested ingest(byte[] bytes, IngestOptions options) {
    try (FileIngestor f = new FileIngestor("test.csv", new ByteArrayInputStream(bytes), options)) {
      List<FileIngestor.Outcome> rows = new ArrayList<>();
      FileIngestor.Outcome o;
      while ((o = f.next()) != null) {
        rows.add(o);
      }
      return new Ingested(rows, f.summary());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** The accounting invariant of one file, checked against the outcomes actually returned. */
  static void assertAccounted(Ingested r) {
    FileOutcome s = r.summary();
    if (s.status() == FileStatus.REJECTED) {
      assertTrue(s.reasonCode() != null && s.reason() != null && !s.reason().isBlank(), () -> "rejected without a reason: " + s);
      assertEquals(0, s.rowsAccepted());
      assertEquals(0, s.rowsQuarantined());
      return;
    }
    long accepted = r.rows().stream().filter(FileIngestor.Outcome::accepted).count();
    assertEquals(r.rows().size(), s.rowsRead(), "rows_read is the number of rows returned");
    assertEquals(accepted, s.rowsAccepted(), "rows_accepted");
    assertEquals(r.rows().size() - accepted, s.rowsQuarantined(), "rows_quarantined");
    assertEquals(s.rowsRead(), s.rowsAccepted() + s.rowsQuarantined(), "rows_read = rows_accepted + rows_quarantined");
  }

  /**
   * Serialises an accepted row's typed values back into a contract row (every value quoted) and
   * validates it again through a fresh FileIngestor: it must be accepted with equal values.
   */
  static void assertRevalidates(FileIngestor.Outcome o, IngestOptions options) {
    String csv = HEADER + "\n" + contractRow(o.values()) + "\n";
    Ingested again = ingest(utf8(csv), options);
    assertEquals(1, again.rows().size(), () -> "re-read of " + csv);
    FileIngestor.Outcome back = again.rows().get(0);
    assertTrue(back.accepted(), () -> "accepted row of line " + o.line() + " does not re-validate: " + back.code()
        + " " + back.reason() + "\n" + csv);
    assertArrayEquals(o.values(), back.values(), () -> "values changed on re-validation of line " + o.line());
  }

  /** One contract row from typed values ({@code Tables.CHARGES} order), every field quoted. */
  static String contractRow(Object[] values) {
    StringBuilder sb = new StringBuilder();
    for (SubmissionColumn c : SubmissionColumn.values()) {
      if (c.ordinal() > 0) {
        sb.append(',');
      }
      Object v = values[c.ordinal()];
      String text;
      if (v == null) {
        text = "";
      } else if (v instanceof BigDecimal d) {
        text = d.toPlainString();
      } else if (v instanceof Double d) {
        text = BigDecimal.valueOf(d).toPlainString();
      } else {
        text = v.toString();
      }
      sb.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
    return sb.toString();
  }

  /** Options with a reference rate for EUR in January 2026 only. */
  static IngestOptions withEurRate() {
    return new IngestOptions(64 * 1024, 10,
        org.fairfee.jobs.core.Rates.of(Map.of("EUR", Map.of("2026-01", new BigDecimal("0.86")))));
  }
}
