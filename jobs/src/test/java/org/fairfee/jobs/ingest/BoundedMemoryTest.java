package org.fairfee.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.junit.jupiter.api.Test;

/**
 * Bounded resources on hostile files (issue 10, item 2): a file of a few hundred MB that opens a
 * quote on its first data row and never closes it, with lines far longer than the row limit, is
 * read by {@link FileIngestor} in a child JVM with a 64 MB heap. The open quote costs one line,
 * the long lines one row each, and every other row is read and counted.
 */
class BoundedMemoryTest {

  /** Blocks of two rows (one valid, one with a 30,000-character description) after the hostile start. */
  static final int BLOCKS = 6_000;
  static final int LONG_LINE = 40 << 20;
  static final int LONG_DESCRIPTION = 30_000;

  @Test
  void aHugeFileWithAnOpenQuoteAtTheStartIsReadInASmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
        BoundedMemoryTest.class.getName(), String.valueOf(BLOCKS)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A guard against hanging forever, not a timing assertion: the run takes seconds.
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    long bytes = 80L * 1024 * 1024 + (long) BLOCKS * (LONG_DESCRIPTION + 300);
    assertTrue(out.contains("bytes=") && Long.parseLong(value(out, "bytes")) > bytes * 9 / 10, out);
    assertEquals(String.valueOf(4 + 2 * BLOCKS), value(out, "read"), out);
    assertEquals(String.valueOf(1 + BLOCKS), value(out, "accepted"), out);
    assertEquals(String.valueOf(3 + BLOCKS), value(out, "quarantined"), out);
    assertEquals("{INVALID_TEXT=" + BLOCKS + ", ROW_TOO_LONG=1, UNTERMINATED_QUOTE=2}", value(out, "codes"), out);
    assertEquals("2:UNTERMINATED_QUOTE,3:accepted,4:ROW_TOO_LONG,5:UNTERMINATED_QUOTE,6:accepted,7:INVALID_TEXT",
        value(out, "first"), out);
    assertEquals(String.valueOf(5 + 2 * BLOCKS), value(out, "last"), out);
  }

  private static String value(String out, String key) {
    for (String line : out.split("\n")) {
      if (line.startsWith(key + "=")) {
        return line.substring(key.length() + 1).strip();
      }
    }
    throw new AssertionError("no " + key + "= in the child's output:\n" + out);
  }

  /** The child: streams the generated file through FileIngestor and prints what it made of it. */
  public static void main(String[] args) throws IOException {
    int blocks = Integer.parseInt(args[0]);
    Map<String, Integer> codes = new TreeMap<>();
    StringBuilder first = new StringBuilder();
    long last = 0;
    FileOutcome s;
    try (FileIngestor f = new FileIngestor("huge.csv", hugeFile(blocks), IngestOptions.defaults())) {
      FileIngestor.Outcome o;
      int n = 0;
      while ((o = f.next()) != null) {
        if (!o.accepted()) {
          codes.merge(o.code().name(), 1, Integer::sum);
        }
        if (n++ < 6) {
          first.append(first.length() == 0 ? "" : ",").append(o.line()).append(':')
              .append(o.accepted() ? "accepted" : o.code().name());
        }
        last = o.line();
      }
      s = f.summary();
    }
    System.out.println("bytes=" + s.bytes());
    System.out.println("read=" + s.rowsRead());
    System.out.println("accepted=" + s.rowsAccepted());
    System.out.println("quarantined=" + s.rowsQuarantined());
    System.out.println("codes=" + codes);
    System.out.println("first=" + first);
    System.out.println("last=" + last);
    System.out.println("maxMemory=" + Runtime.getRuntime().maxMemory());
  }

  private static String row(int lineNo, String description) {
    return IngestTesting.row(lineNo).set(SubmissionColumn.SUBMISSION_ID, "S-BIG")
        .set(SubmissionColumn.DESCRIPTION, description).csv();
  }

  /**
   * The file, made on the fly: header; line 2 opens a quote that never closes; line 3 is valid;
   * line 4 is 40 MiB without a quote (too long); line 5 opens a quote and runs 40 MiB to its end;
   * then blocks of a valid row and a row whose description is far over 500 characters.
   */
  static InputStream hugeFile(int blocks) {
    String rowPrefix4 = row(3, "");
    String rowPrefix5 = row(4, "\"");
    Enumeration<InputStream> parts = new Enumeration<>() {
      int part;
      int chunk;
      int block;
      final byte[] xs = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      final String longDescription = "d".repeat(LONG_DESCRIPTION);

      @Override
      public boolean hasMoreElements() {
        return part < 6;
      }

      @Override
      public InputStream nextElement() {
        switch (part) {
          case 0 -> {
            part++;
            return text(IngestTesting.HEADER + "\n" + row(1, "\"never closed, and every row after it") + "\n"
                + row(2, "fine") + "\n" + rowPrefix4);
          }
          case 1, 3 -> {
            if (++chunk == LONG_LINE >> 20) {
              chunk = 0;
              part++;
            }
            return new ByteArrayInputStream(xs);
          }
          case 2 -> {
            part++;
            return text("\n" + rowPrefix5);
          }
          case 4 -> {
            part++;
            return text("\n");
          }
          case 5 -> {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < 100 && block < blocks; k++, block++) {
              sb.append(row(5 + 2 * block, "Annual licence")).append('\n')
                  .append(row(6 + 2 * block, longDescription)).append('\n');
            }
            if (block == blocks) {
              part++;
            }
            return text(sb.toString());
          }
          default -> throw new NoSuchElementException();
        }
      }
    };
    return new SequenceInputStream(parts);
  }

  private static InputStream text(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** The reason text of the open quote names its column, for the record. */
  @Test
  void theOpenQuoteIsReportedOnItsLine() throws IOException {
    try (FileIngestor f = new FileIngestor("huge.csv", hugeFile(1), IngestOptions.defaults())) {
      FileIngestor.Outcome o = f.next();
      assertEquals(2, o.line());
      assertEquals(ReasonCode.UNTERMINATED_QUOTE, o.code());
      assertTrue(o.reason().contains("field 21 (description)"), o.reason());
      assertTrue(f.next().accepted());
      FileIngestor.Outcome tooLong = f.next();
      assertEquals(ReasonCode.ROW_TOO_LONG, tooLong.code());
      assertTrue(tooLong.raw().length() <= FileIngestor.RAW_LIMIT + 3);
    }
  }
}
