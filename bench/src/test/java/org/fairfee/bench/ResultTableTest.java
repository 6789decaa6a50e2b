package org.fairfee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's table and CSV, on made-up figures: no Spark, no DuckDB, no child process. */
class ResultTableTest {

  private static Result sample() {
    return new Result("2026-11-25T18:00:00Z", "abc1234", 1_000_000, 232_000_000, 3036, 1, 2, "4g",
        new double[] {1.5, 2.25, 3}, 0.4, 90, 3_145_728, 80, 30, 2_097_152, 10, 1_048_576);
  }

  @Test
  void tableShowsEveryRunWithRatiosAndRates() {
    String t = ResultTable.table(sample());
    assertTrue(t.contains("1,000,000 rows, 221.3 MiB in 3,036 files"), t);
    assertTrue(t.contains("load average at start 1.50 2.25 3.00"), t);
    assertTrue(t.contains("cold / DuckDB 9.00 (target <= 3), warm / cold 0.33 (target <= 0.25)"), t);
    // 1,000,000 rows / 90 s / 2 cores
    assertTrue(t.lines().anyMatch(l -> l.startsWith("fairfee cold") && l.contains("5,556") && l.contains("3072 MiB")), t);
    assertTrue(t.lines().anyMatch(l -> l.startsWith("DuckDB reference") && l.contains("50,000")), t);
  }

  @Test
  void csvRowMatchesTheHeader() {
    List<String> row = List.of(ResultTable.csvRow(sample()).split(",", -1));
    assertEquals(ResultTable.COLUMNS.size(), row.size());
    assertEquals("2026-11-25T18:00:00Z", row.get(0));
    assertEquals("9.00", row.get(ResultTable.COLUMNS.indexOf("cold_over_duckdb")));
    assertEquals("3072", row.get(ResultTable.COLUMNS.indexOf("cold_peak_rss_mib")));
  }

  @Test
  void appendWritesTheHeaderOnceAndRefusesOtherColumns(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("results/bench.csv");
    ResultTable.append(csv, sample());
    ResultTable.append(csv, sample());
    List<String> lines = Files.readAllLines(csv);
    assertEquals(3, lines.size());
    assertEquals(ResultTable.csvHeader(), lines.get(0));

    Path other = dir.resolve("other.csv");
    Files.writeString(other, "date,rows\n");
    assertThrows(IOException.class, () -> ResultTable.append(other, sample()));
  }

  @Test
  void argsNeedRowsAndRejectUnknownOptions() {
    assertEquals("5", BenchArgs.parse(new String[] {"--rows=5"}).get("rows"));
    assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--seed", "1"}));
    assertThrows(IllegalArgumentException.class, () -> BenchArgs.parse(new String[] {"--rows", "5", "--fast", "1"}));
    assertThrows(IllegalArgumentException.class,
        () -> BenchArgs.number(BenchArgs.parse(new String[] {"--rows", "x"}), "rows", -1));
  }
}
