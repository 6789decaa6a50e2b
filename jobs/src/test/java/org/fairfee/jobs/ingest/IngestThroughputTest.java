package org.fairfee.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.schemas.FileOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput of the per-row path (split, decode, parse fields, validate) on a valid file of about a
 * million rows. Not part of the normal run (it takes tens of seconds); run on purpose with
 * {@code -Dfairfee.perf=true}, or through {@link #main} with a row count.
 */
class IngestThroughputTest {

  @Test
  @EnabledIfSystemProperty(named = "fairfee.perf", matches = "true")
  void millionRows() throws IOException {
    measure(Integer.getInteger("fairfee.perf.rows", 1_000_000), 3);
  }

  public static void main(String[] args) throws IOException {
    measure(args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000, args.length > 1 ? Integer.parseInt(args[1]) : 3);
  }

  static void measure(int rows, int rounds) throws IOException {
    Path file = Files.createTempFile("fairfee-throughput", ".csv");
    try {
      write(file, rows);
      long bytes = Files.size(file);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      for (int round = 1; round <= rounds; round++) {
        long t0 = System.nanoTime();
        long c0 = threads.getCurrentThreadCpuTime();
        FileOutcome summary;
        try (InputStream in = Files.newInputStream(file);
            FileIngestor reader = new FileIngestor(file.getFileName().toString(), in, IngestOptions.defaults())) {
          summary = reader.drain();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
        assertEquals(rows, summary.rowsAccepted(), () -> "every generated row is valid");
        // CPU time of the reading thread too: on a shared machine the wall clock mostly measures the neighbours.
        System.out.printf(Locale.ROOT, "round %d: %,d rows, %.1f MB; wall %.2f s: %,.0f rows/s, %.1f MB/s;"
            + " thread CPU %.2f s: %,.0f rows/s, %.1f MB/s%n",
            round, rows, bytes / 1e6, s, rows / s, bytes / 1e6 / s, cpu, rows / cpu, bytes / 1e6 / cpu);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** A valid file: plain rows, and one in four with a quoted description holding commas and quotes. */
  static void write(Path file, int rows) throws IOException {
    String[] types = {"ACUTE_TRUST", "ICB", "GP_PRACTICE", "CARE_PROVIDER"};
    String[] basis = {"ANNUAL", "MONTHLY", "QUARTERLY", "ONE_OFF", "PER_TRANSACTION"};
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      out.write((Fixtures.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      StringBuilder sb = new StringBuilder(256);
      for (int i = 1; i <= rows; i++) {
        sb.setLength(0);
        String b = basis[i % basis.length];
        int month = 1 + i % 12;
        sb.append("SUB-").append(i / 50_000).append(',').append(i).append(",SUP-").append(i % 97)
            .append(",BUY-").append(i % 1009).append(',').append(types[i % types.length]).append(',')
            .append(1000 + i % 5000).append(",EPR,FHIR_R4,IF-").append(i % 301).append(",LICENCE,")
            .append(b).append(',').append(b.equals("PER_TRANSACTION") ? "1200" : "").append(',')
            .append(1000 + i % 90_000).append('.').append(String.format(Locale.ROOT, "%02d", i % 100))
            .append(",GBP,").append(i % 3 == 0).append(",INV-").append(i).append(",2025-")
            .append(String.format(Locale.ROOT, "%02d", month)).append("-15,");
        if (b.equals("ANNUAL")) {
          sb.append("2025-01-01,2025-12-31,,");
        } else {
          sb.append(",,,");
        }
        if (i % 4 == 0) {
          sb.append("\"Interface licence, year ").append(i % 7).append(" (\"\"core\"\" module)\"");
        } else {
          sb.append("Interface licence year ").append(i % 7);
        }
        sb.append('\n');
        out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
