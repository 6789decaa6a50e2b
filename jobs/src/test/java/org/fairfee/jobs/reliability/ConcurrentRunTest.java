package org.fairfee.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.publish.OutputLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrency (issue 10, item 3): one run at a time per output folder, and per store. Real
 * launcher processes, paused right after taking the lock (before Spark starts, so these are
 * cheap); the second run must refuse with one plain line and exit 1, and the first must still
 * complete with correct outputs.
 */
class ConcurrentRunTest {
  static final String PERIOD = "2026-10";

  @TempDir
  Path tmp;

  @Test
  void twoRunsStartedAtOnceOnOneOutputFolder_oneRefusesAndKillingTheOtherFreesTheLock() throws Exception {
    Path in = Runs.smallInput(tmp.resolve("in"));
    Path out = tmp.resolve("out");
    Path old = Runs.seedPublication(out, PERIOD);
    SortedMap<String, String> before = Trees.hashes(old);
    String[] args = {"run", "--input", in.toString(), "--period", PERIOD, "--out", out.toString(), "--quiet"};
    try (Child a = Child.start(tmp, "locked", args); Child b = Child.start(tmp, "locked", args)) {
      String atA = a.awaitPauseOrExit();
      String atB = b.awaitPauseOrExit();
      assertTrue(atA == null ^ atB == null, "exactly one run holds the lock:\n" + a + "\n" + b);
      Child winner = atA != null ? a : b;
      Child loser = atA != null ? b : a;
      assertEquals(1, loser.awaitExit(), loser.toString());
      Runs.assertOnePlainLine(loser.userErr());
      assertTrue(loser.userErr().startsWith("fairfee run: another fairfee run is using " + out), loser.userErr());
      assertTrue(loser.userErr().contains("pid " + winner.pid()), "names the run that holds it: " + loser.userErr());
      assertEquals("", loser.out());

      winner.kill(); // SIGKILL while it holds the lock
    }
    // The OS released the lock of the killed run: a new run can take it at once.
    try (OutputLock again = OutputLock.acquire(Io.local(), Io.path(out.toString()))) {
      assertNotNull(again);
    }
    assertEquals(before, Trees.hashes(old), "the previous publication is untouched");
  }

  /**
   * The first run is the monthly job of {@link HostileMonth} (dozens of suppliers, in this JVM);
   * while it held the lock, the same command was started as a real process. The leak and injection
   * tests check that month's outputs in detail.
   */
  @Test
  void aRunThatFindsTheFolderLockedRefusesWhileTheFirstCompletes() throws Exception {
    HostileMonth m = HostileMonth.get();
    assertNotNull(m.second, "the second run was started while the first held the lock");
    assertEquals(1, m.secondCode, m.second.toString());
    Runs.assertOnePlainLine(m.second.err());
    assertTrue(m.second.err().startsWith("fairfee run: another fairfee run is using " + m.out), m.second.err());
    assertTrue(m.second.err().contains("pid " + ProcessHandle.current().pid()), m.second.err());

    assertEquals(0, m.code, m.stderr);
    assertTrue(m.stdout.strip().endsWith(HostileMonth.PERIOD + "/report.html"), m.stdout);
    JsonNode totals = new ObjectMapper().readTree(m.month.resolve("manifest.json").toFile()).get("totals");
    assertEquals(totals.get("rows_read").asLong(),
        totals.get("rows_accepted").asLong() + totals.get("rows_quarantined").asLong(), totals.toString());
    assertTrue(totals.get("rows_accepted").asLong() > 6000, totals.toString());
    assertEquals(List.of(".fairfee.lock", HostileMonth.PERIOD, "store"), Trees.names(m.out),
        "no staging or failed folder left");
  }

  @Test
  void twoRunsWithDifferentOutputFoldersButOneStore_theSecondRefuses() throws Exception {
    Path in = Runs.smallInput(tmp.resolve("in"));
    Path store = tmp.resolve("store");
    try (Child a = Child.start(tmp, "locked", "run", "--input", in.toString(), "--period", PERIOD,
        "--out", tmp.resolve("out1").toString(), "--store", store.toString(), "--quiet")) {
      a.awaitPause("locked");
      try (Child b = Child.start(tmp, "locked", "run", "--input", in.toString(), "--period", PERIOD,
          "--out", tmp.resolve("out2").toString(), "--store", store.toString(), "--quiet")) {
        assertNull(b.awaitPauseOrExit(), "the second run must not get past the locks: " + b);
        assertEquals(1, b.awaitExit(), b.toString());
        Runs.assertOnePlainLine(b.userErr());
        assertTrue(b.userErr().contains("another fairfee run is using " + store), b.userErr());
      }
      a.kill();
    }
    assertFalse(Files.exists(store.resolve("_commits")), "nothing was committed to the store");
  }
}
