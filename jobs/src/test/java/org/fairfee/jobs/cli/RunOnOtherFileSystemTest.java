package org.fairfee.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job on a file system that is not {@code file:}, as on HDFS or S3: Hadoop's view file
 * system ({@code viewfs://fairfee/ws/...}) mounted on the test's folder, so the code paths for
 * remote storage run without a cluster: the output lock as a file created if absent, the run's
 * log copied into the publication, Hadoop settings reaching work done before Spark starts, the
 * report named by its URI.
 */
class RunOnOtherFileSystemTest extends SparkTestBase {

  @TempDir
  Path tmp;

  private String[] keys() {
    return new String[] {"fs.viewfs.mounttable.fairfee.link./ws", "fs.viewfs.impl.disable.cache"};
  }

  @BeforeEach
  void mount() {
    // The way a cluster run gets its connector settings: spark.hadoop.* for the work before Spark
    // starts (spark-submit passes --conf as system properties), the Hadoop configuration for Spark's.
    String[] values = {tmp.toUri().toString(), "true"};
    for (int i = 0; i < values.length; i++) {
      System.setProperty("spark.hadoop." + keys()[i], values[i]);
      spark.sparkContext().hadoopConfiguration().set(keys()[i], values[i]);
    }
  }

  @AfterEach
  void unmount() {
    for (String k : keys()) {
      System.clearProperty("spark.hadoop." + k);
      spark.sparkContext().hadoopConfiguration().unset(k);
    }
  }

  @Test
  void aRunOnAnotherFileSystemPublishesItsLogAndHonoursALeftLockFile() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in box/2026-10"));
    Files.writeString(in.resolve("a.csv"), Fixtures.HEADER + "\n"
        + String.format(RunPathsTest.ROW, "A", 1, 1, "2026-10-01") + String.format(RunPathsTest.ROW, "A", 2, 2, "2026-10-3"));
    Path out = tmp.resolve("out [remote]");
    String[] run = {"run", "--input", "viewfs://fairfee/ws/in box", "--period", "2026-10",
        "--out", "viewfs://fairfee/ws/out [remote]", "--quiet"};

    // A run killed on an object store leaves its lock file: the next run refuses and says what to do.
    Files.createDirectories(out);
    Files.writeString(out.resolve(".fairfee.lock"), "pid 1 since yesterday");
    MainTest.Result held = MainTest.run(run);
    assertEquals(1, held.code(), held.err());
    MainTest.assertOnePlainLine(held.err());
    assertTrue(held.err().contains("lock file viewfs://fairfee/ws/out [remote]/.fairfee.lock"), held.err());
    assertTrue(held.err().contains("delete that file"), held.err());
    Files.delete(out.resolve(".fairfee.lock"));

    MainTest.Result r = MainTest.run(run);
    assertEquals(0, r.code(), r.err());
    assertEquals("viewfs://fairfee/ws/out [remote]/2026-10/report.html", r.out().strip(), "a remote report is named by its URI");
    Path month = out.resolve("2026-10");
    assertTrue(Files.readString(month.resolve("run.log")).contains("start: fairfee run"),
        "the log, written locally, was copied into the publication");
    assertTrue(Files.readString(month.resolve("quarantine.csv")).contains("2026-10/a.csv,3,INVALID_DATE"));
    assertTrue(Files.isDirectory(out.resolve("store/_commits")));
    assertFalse(Files.exists(out.resolve(".fairfee.lock")), "the lock file is removed when the run ends");
    byte[] quarantine = Files.readAllBytes(month.resolve("quarantine.csv"));

    // The same folders as plain local paths: the same store, the same bytes.
    MainTest.Result local = MainTest.run("run", "--input", tmp.resolve("in box").toString(), "--period", "2026-10",
        "--out", out.toString(), "--quiet");
    assertEquals(0, local.code(), local.err());
    assertArrayEquals(quarantine, Files.readAllBytes(month.resolve("quarantine.csv")));
  }
}
