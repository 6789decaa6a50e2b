package org.fairfee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Formats a {@link Result}: the side-by-side table for the terminal, and one row of
 * {@code bench/results/bench.csv}, the file that keeps results comparable over time.
 */
final class ResultTable {
  private ResultTable() {}

  static final List<String> COLUMNS = List.of("date_utc", "commit", "rows", "bytes", "files", "seed", "cores",
      "heap", "load1_start", "load5_start", "load15_start", "floor_s", "cold_s", "cold_peak_rss_mib",
      "warm_prep_s", "warm_s", "warm_peak_rss_mib", "duckdb_s", "duckdb_peak_rss_mib", "cold_over_duckdb",
      "warm_over_cold", "cold_rows_per_s_per_core", "warm_rows_per_s_per_core", "duckdb_rows_per_s_per_core");

  /** The table printed at the end of a bench. */
  static String table(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "fairfee bench %s (commit %s): %,d rows, %s in %,d files, seed %d%n",
        r.date(), r.commit(), r.rows(), mib(r.bytes()), r.files(), r.seed()));
    sb.append(String.format(Locale.ROOT, "%d cores, fairfee heap %s, load average at start %.2f %.2f %.2f%n%n",
        r.cores(), r.heap(), r.load()[0], r.load()[1], r.load()[2]));
    sb.append(String.format(Locale.ROOT, "%-30s %9s %13s %13s%n", "", "seconds", "rows/s/core", "peak RSS"));
    sb.append(line("floor: read the input once", r.floorSeconds(), r, -1));
    sb.append(line("fairfee cold", r.coldSeconds(), r, r.coldRssKib()));
    sb.append(line("fairfee warm: earlier months", r.warmPrepSeconds(), r, -1));
    sb.append(line("fairfee warm: last month", r.warmSeconds(), r, r.warmRssKib()));
    sb.append(line("DuckDB reference", r.duckdbSeconds(), r, r.duckdbRssKib()));
    sb.append(String.format(Locale.ROOT, "%ncold / DuckDB %.2f (target <= 3), warm / cold %.2f (target <= 0.25)%n",
        r.coldOverDuckdb(), r.warmOverCold()));
    return sb.toString();
  }

  private static String line(String name, double seconds, Result r, long rssKib) {
    String rss = rssKib < 0 ? "" : rssKib == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rssKib / 1024.0);
    return String.format(Locale.ROOT, "%-30s %9.1f %,13.0f %13s%n", name, seconds, r.rowsPerSecondPerCore(seconds), rss);
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }

  static String csvHeader() {
    return String.join(",", COLUMNS);
  }

  /** One CSV row, in the order of {@link #COLUMNS}; no field needs quoting. */
  static String csvRow(Result r) {
    return String.join(",", List.of(r.date(), r.commit(), Long.toString(r.rows()), Long.toString(r.bytes()),
        Integer.toString(r.files()), Long.toString(r.seed()), Integer.toString(r.cores()), r.heap(),
        f2(r.load()[0]), f2(r.load()[1]), f2(r.load()[2]), f2(r.floorSeconds()), f2(r.coldSeconds()),
        mibOf(r.coldRssKib()), f2(r.warmPrepSeconds()), f2(r.warmSeconds()), mibOf(r.warmRssKib()),
        f2(r.duckdbSeconds()), mibOf(r.duckdbRssKib()), f2(r.coldOverDuckdb()), f2(r.warmOverCold()),
        f0(r.rowsPerSecondPerCore(r.coldSeconds())), f0(r.rowsPerSecondPerCore(r.warmSeconds())),
        f0(r.rowsPerSecondPerCore(r.duckdbSeconds()))));
  }

  /** Appends a row, writing the header first into a new file; refuses a file with other columns. */
  static void append(Path csv, Result r) throws IOException {
    Files.createDirectories(csv.toAbsolutePath().getParent());
    if (Files.exists(csv) && Files.size(csv) > 0) {
      String first;
      try (var lines = Files.lines(csv, StandardCharsets.UTF_8)) {
        first = lines.findFirst().orElse("");
      }
      if (!first.equals(csvHeader())) {
        throw new IOException(csv + " has other columns than this version of the bench writes; move it aside");
      }
      Files.writeString(csv, csvRow(r) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } else {
      Files.writeString(csv, csvHeader() + "\n" + csvRow(r) + "\n", StandardCharsets.UTF_8);
    }
  }

  private static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  private static String f0(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  private static String mibOf(long kib) {
    return kib == 0 ? "" : String.format(Locale.ROOT, "%.0f", kib / 1024.0);
  }
}
