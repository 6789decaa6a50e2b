package org.fairfee.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults (issue 10, item 3; issue 7, item 5): real launcher processes on a generated sample
 * ({@code generate --rows 1500 --suppliers 12}), each killed with SIGKILL at a known stage, one
 * after another on the same output folder, which holds an earlier publication of the month:
 *
 * <ol>
 *   <li>{@code store-staged}: the ingest has written its batch to the store's staging, nothing committed;</li>
 *   <li>{@code store-commit}: the accepted rows are moved into the store, the commit file not written;</li>
 *   <li>{@code publish-file:restricted/flags-register.csv}: half the month's files are written;</li>
 *   <li>{@code publish-swap}: the old publication is moved aside, the new one not yet in place.</li>
 * </ol>
 *
 * After each kill the store shows readers no uncommitted batch and the earlier publication is
 * intact (after the swap: set aside whole, and put back by the next run before anything else).
 * Then two runs start at once: one refuses (the lock), the other completes, and its CSV files,
 * report.html, statements, registers and workbooks are byte-identical to an uninterrupted run's,
 * with the store holding the same rows: nothing lost, nothing twice.
 *
 * <p>Slow (six child JVMs running Spark, four of them through the whole month), so it runs only
 * with {@code -Dfairfee.faults=true}; see docs/reliability.md.
 */
@EnabledIfSystemProperty(named = "fairfee.faults", matches = "true",
    disabledReason = "slow: runs killed at each stage; enable with -Dfairfee.faults=true")
class CrashRecoveryTest {
  static final String PERIOD = "2026-10";
  static final String HALF = "publish-file:restricted/flags-register.csv";

  @TempDir
  Path tmp;

  private final Map<String, Integer> faults = new LinkedHashMap<>();

  @Test
  void aRunKilledAtAnyStageLosesNothingAndTheNextRunPublishesTheSameBytes() throws Exception {
    Path gen = tmp.resolve("gen");
    assertEquals(0, Runs.inProcess("generate", "--out", gen.toString(), "--seed", "7", "--rows", "1500",
        "--suppliers", "12").code());
    Path base = tmp.resolve("uninterrupted");
    Path out = tmp.resolve("out");
    String[] args = args(gen, out);

    // The reference: one uninterrupted run, a real process like the others.
    try (Child c = Child.start(tmp, null, args(gen, base))) {
      assertEquals(0, c.awaitExit(), c.toString());
    }
    Path expected = base.resolve(PERIOD);

    // An earlier publication of the month, marked so that old and new can be told apart.
    Trees.copy(expected, out.resolve(PERIOD));
    Files.writeString(out.resolve(PERIOD).resolve("previous.txt"), "the earlier publication\n");
    SortedMap<String, String> previous = Trees.hashes(out.resolve(PERIOD));
    Store store = new Store(Io.local(), Io.path(out.resolve("store").toString()));

    // 1. Killed after the ingest staged its batch.
    killAt("store-staged", args);
    assertTrue(Files.isDirectory(out.resolve("store/_staging/000001")), "the batch was staged");
    assertEquals(List.of(), store.commits());
    assertEquals(0, visibleRows(store), "readers see no uncommitted row");
    assertEquals(previous, Trees.hashes(out.resolve(PERIOD)), "publication intact after a kill at store-staged");

    // 2. Killed half way through the store's commit: rows moved in, no commit file.
    killAt("store-commit", args);
    assertTrue(Files.isDirectory(out.resolve("store/charges/batch=000001")), "the rows were moved in");
    assertEquals(List.of(), store.commits());
    assertEquals(0, visibleRows(store), "readers see no uncommitted row");
    assertEquals(previous, Trees.hashes(out.resolve(PERIOD)), "publication intact after a kill at store-commit");

    // 3. Killed with half the month's files written.
    killAt(HALF, args);
    assertEquals(1, store.commits().size(), "the batch is committed once");
    assertSameStore(base.resolve("store"), out.resolve("store"));
    Path staging = only(out, ".staging-");
    assertTrue(Files.exists(staging.resolve("report.html")) && !Files.exists(staging.resolve("restricted/flags-register.csv")),
        "killed half way: " + Trees.hashes(staging).keySet());
    assertEquals(previous, Trees.hashes(out.resolve(PERIOD)), "publication intact after a kill half way through publishing");

    // 4. Killed between the two renames of the publication.
    killAt("publish-swap", args);
    assertFalse(Files.exists(out.resolve(PERIOD)), "the old publication is aside, the new not yet in");
    Path aside = only(out, ".previous-" + PERIOD + "-");
    assertEquals(previous, Trees.hashes(aside), "the old publication is kept whole while aside");
    assertEquals(1, store.commits().size());

    // 5. Two runs at once: one refuses; the other first puts the old publication back, then publishes.
    try (Child a = Child.start(tmp, "locked", args); Child b = Child.start(tmp, "locked", args)) {
      String atA = a.awaitPauseOrExit();
      String atB = b.awaitPauseOrExit();
      assertTrue(atA == null ^ atB == null, "exactly one run holds the lock:\n" + a + "\n" + b);
      Child winner = atA != null ? a : b;
      Child loser = atA != null ? b : a;
      assertEquals(1, loser.awaitExit(), loser.toString());
      Runs.assertOnePlainLine(loser.userErr());
      assertTrue(loser.userErr().contains("another fairfee run is using"), loser.userErr());
      assertEquals(previous, Trees.hashes(out.resolve(PERIOD)), "the killed swap was undone before the run went on");
      winner.resume();
      assertEquals(0, winner.awaitExit(), winner.toString());
    }
    Trees.assertSamePublication(expected, out.resolve(PERIOD), "after four kills");
    assertFalse(Files.exists(out.resolve(PERIOD).resolve("previous.txt")));
    assertEquals(List.of(".fairfee.lock", PERIOD, "store"), Trees.names(out), "nothing left over");
    assertFalse(Files.exists(out.resolve("store/_staging")));
    assertEquals(1, store.commits().size(), "one batch, committed once");
    assertSameStore(base.resolve("store"), out.resolve("store"));
    JsonNode totals = new ObjectMapper().readTree(out.resolve(PERIOD).resolve("manifest.json").toFile()).get("totals");
    assertEquals(new ObjectMapper().readTree(expected.resolve("manifest.json").toFile()).get("totals"), totals);
    assertEquals(totals.get("rows_read").asLong(),
        totals.get("rows_accepted").asLong() + totals.get("rows_quarantined").asLong(), "rows lost: 0");
    System.out.println("faults injected per stage: " + faults + "; rows read " + totals.get("rows_read")
        + ", accepted " + totals.get("rows_accepted") + ", quarantined " + totals.get("rows_quarantined")
        + "; files byte-identical: " + Trees.published(expected).size());
  }

  private static String[] args(Path gen, Path out) {
    return new String[] {"run", "--input", gen.resolve("submissions").toString(), "--period", PERIOD,
        "--out", out.toString(), "--config", gen.resolve("config.json").toString(), "--quiet"};
  }

  /** Starts a run that pauses at stage, and kills it there with SIGKILL. */
  private void killAt(String stage, String[] args) throws IOException, InterruptedException {
    try (Child c = Child.start(tmp, stage, args)) {
      c.awaitPause(stage);
      c.kill();
    }
    faults.merge(stage, 1, Integer::sum);
  }

  /** The one entry of dir whose name starts with prefix. */
  private static Path only(Path dir, String prefix) throws IOException {
    List<String> found = new ArrayList<>();
    for (String n : Trees.names(dir)) {
      if (n.startsWith(prefix)) {
        found.add(n);
      }
    }
    assertEquals(1, found.size(), prefix + "* in " + Trees.names(dir));
    return dir.resolve(found.get(0));
  }

  /** Rows a reader of the store gets: committed batches only. */
  private static long visibleRows(Store store) throws IOException {
    SparkSession spark = SparkTestBase.shared();
    List<Store.Commit> commits = store.commits();
    return store.charges(spark, commits).count() + store.quarantine(spark, commits).count();
  }

  /** Both stores hold the same rows (charges and quarantine), each exactly once. */
  private static void assertSameStore(Path expected, Path actual) throws IOException {
    SparkSession spark = SparkTestBase.shared();
    Store e = new Store(Io.local(), Io.path(expected.toString()));
    Store a = new Store(Io.local(), Io.path(actual.toString()));
    Dataset<Row> ec = e.charges(spark, e.commits());
    Dataset<Row> ac = a.charges(spark, a.commits());
    assertEquals(ec.count(), ac.count(), "accepted rows");
    assertEquals(0, ec.exceptAll(ac).count() + ac.exceptAll(ec).count(), "the same accepted rows");
    Dataset<Row> eq = e.quarantine(spark, e.commits());
    Dataset<Row> aq = a.quarantine(spark, a.commits());
    assertEquals(eq.count(), aq.count(), "quarantined rows");
    assertEquals(0, eq.exceptAll(aq).count() + aq.exceptAll(eq).count(), "the same quarantined rows");
  }
}
