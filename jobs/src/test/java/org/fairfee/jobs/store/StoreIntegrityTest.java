package org.fairfee.jobs.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.cli.MainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store checks itself: a truncated, altered or extra data file stops the run with one plain
 * line naming it (exit code 1), and the same command with --rebuild publishes what a clean run does.
 */
class StoreIntegrityTest extends SparkTestBase {

  @TempDir
  Path tmp;

  static final String ROW = "S-%s,%d,SUP-A1,BUY-%d,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,MONTHLY,,%s,,,INV-%d,%s,,,,\n";

  private Path input() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    StringBuilder b = new StringBuilder(Fixtures.HEADER + "\n");
    int n = 1;
    for (String date : List.of("2026-09-01", "2026-10-01")) {
      for (int buyer = 1; buyer <= 3; buyer++) {
        b.append(String.format(ROW, "A", n, buyer, (900 + 100 * buyer) + ".00", n, date));
        n++;
      }
    }
    Files.writeString(in.resolve("a.csv"), b.toString());
    return in;
  }

  private static MainTest.Result run(Path in, Path out, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("run", "--input", in.toString(), "--period", "2026-10",
        "--out", out.toString(), "--quiet"));
    args.addAll(List.of(more));
    return MainTest.run(args.toArray(String[]::new));
  }

  private static Path aChargesFile(Path out) throws IOException {
    try (Stream<Path> s = Files.walk(out.resolve("store/charges"))) {
      return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
    }
  }

  @Test
  void aTruncatedStoreFileStopsTheRunAndRebuildPublishesTheCleanRunsBytes() throws IOException {
    Path in = input();
    Path clean = tmp.resolve("clean");
    MainTest.Result first = run(in, clean);
    assertEquals(0, first.code(), first.err());

    Path out = tmp.resolve("out");
    assertEquals(0, run(in, out).code());
    Path file = aChargesFile(out);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

    MainTest.Result damaged = run(in, out);
    assertEquals(1, damaged.code(), damaged.err());
    String err = damaged.err().strip();
    assertEquals(1, err.lines().count(), "one plain line: " + err);
    assertTrue(err.contains(file.getFileName().toString()), err);
    assertTrue(err.contains("--rebuild"), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);

    MainTest.Result rebuilt = run(in, out, "--rebuild");
    assertEquals(0, rebuilt.code(), rebuilt.err());
    assertSameMonth(clean.resolve("2026-10"), out.resolve("2026-10"));
  }

  /** The checks themselves, on a batch of made-up files: no Spark needed. */
  @Test
  void verifyNamesATruncatedAlteredMissingOrExtraFile() throws IOException {
    Path root = tmp.resolve("store");
    Store store = new Store(org.fairfee.jobs.core.Io.local(), new org.apache.hadoop.fs.Path(root.toUri()));
    org.apache.hadoop.fs.Path staged = store.staging(1);
    Path part = Path.of(staged.toUri()).resolve("kind=A/invoice_month=2026-10/part-00000.parquet");
    Files.createDirectories(part.getParent());
    Files.writeString(part, "made-up parquet bytes");
    Path q = Path.of(staged.toUri()).resolve("kind=Q/part-00000.parquet");
    Files.createDirectories(q.getParent());
    Files.writeString(q, "made-up quarantine bytes");
    store.commit(Store.Commit.of(1, List.of()), staged);
    List<Store.Commit> commits = store.commits();
    assertEquals(Store.FORMAT_VERSION, commits.get(0).formatVersion());
    assertEquals(2, store.verify(commits));

    Path stored = root.resolve("charges/batch=000001/invoice_month=2026-10/part-00000.parquet");
    Files.writeString(stored, "made-up parquet");
    assertDamaged(store, commits, "part-00000.parquet has 15 bytes where its commit recorded 21");
    Files.writeString(stored, "made-up parquet bytez");
    assertDamaged(store, commits, "has changed since it was written");
    Files.delete(stored);
    assertDamaged(store, commits, "part-00000.parquet is missing");
    Files.writeString(stored, "made-up parquet bytes");
    assertEquals(2, store.verify(commits), "restored");
    Files.writeString(stored.resolveSibling("part-00001.parquet"), "slipped in");
    assertDamaged(store, commits, "part-00001.parquet is not recorded in the commit of batch 000001");

    // a store written before integrity records: nothing to check, not an error
    List<Store.Commit> old = List.of(new Store.Commit(1, List.of(), null, null));
    assertEquals(0, store.verify(old));
  }

  private static void assertDamaged(Store store, List<Store.Commit> commits, String expected) {
    Store.DamagedException e = org.junit.jupiter.api.Assertions.assertThrows(Store.DamagedException.class,
        () -> store.verify(commits));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("--rebuild"), e.getMessage());
  }

  /** Every published file but the run's own record (manifest, log) is byte-identical. */
  static void assertSameMonth(Path expected, Path actual) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(expected)) {
      files = s.filter(Files::isRegularFile).map(expected::relativize)
          .filter(p -> !p.toString().equals("manifest.json") && !p.toString().equals("run.log")).sorted().toList();
    }
    assertTrue(files.size() > 5, "published files: " + files);
    for (Path f : files) {
      assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f.toString());
    }
  }
}
