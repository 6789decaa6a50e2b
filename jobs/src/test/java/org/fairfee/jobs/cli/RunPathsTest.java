package org.fairfee.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monthly job with its locations given as {@code file:} URIs, relative paths and a separate
 * store, in folders whose names have spaces and glob characters: what a cluster run passes as
 * {@code hdfs:} or {@code s3a:} locations takes the same code path.
 */
class RunPathsTest extends SparkTestBase {

  @TempDir
  Path tmp;

  static final String ROW = "S-%s,%d,SUP-A1,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,MONTHLY,,1000.00,,,INV-%d,%s,,,,\n";

  @Test
  void uriRelativeAndPlainLocationsNameTheSameFoldersAndStore() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("NHS input [2026] {a,b}/October"));
    Files.writeString(in.resolve("one file.csv"), Fixtures.HEADER + "\n"
        + String.format(ROW, "A", 1, 1, "2026-10-01") + String.format(ROW, "A", 2, 2, "2026-10-31x"));
    Path out = tmp.resolve("out put #1");
    Path store = tmp.resolve("history store [shared]");
    Path cwd = Path.of("").toAbsolutePath();

    MainTest.Result first = MainTest.run("run",
        "--input", uri(tmp.resolve("NHS input [2026] {a,b}")),
        "--period", "2026-10",
        "--out", cwd.relativize(out).toString(),
        "--store", uri(store),
        "--quiet");
    assertEquals(0, first.code(), first.err());
    assertEquals(out.resolve("2026-10/report.html").toString(), first.out().strip(), "a local report is named by its path");
    Path month = out.resolve("2026-10");
    for (String f : new String[] {"report.html", "manifest.json", "quarantine.csv", "run.log"}) {
      assertTrue(Files.exists(month.resolve(f)), f);
    }
    assertTrue(Files.isDirectory(store.resolve("_commits")), "the store is where --store said");
    assertFalse(Files.exists(out.resolve("store")), "and not under the output folder");
    JsonNode m = new ObjectMapper().readTree(month.resolve("manifest.json").toFile());
    assertEquals("October/one file.csv", m.get("files").get(0).get("file").asText());
    assertEquals(1, m.get("totals").get("rows_accepted").asLong());
    assertEquals("file:" + store, m.get("store").asText());
    assertEquals("file:" + out, m.get("out").asText(), "a relative --out is recorded as the absolute folder");
    String quarantine = Files.readString(month.resolve("quarantine.csv"));
    assertTrue(quarantine.contains("October/one file.csv,3,INVALID_DATE"), quarantine);
    byte[] before = Files.readAllBytes(month.resolve("quarantine.csv"));

    // The same folders given as plain absolute paths: the same store (nothing new to ingest), the same bytes.
    MainTest.Result second = MainTest.run("run",
        "--input", tmp.resolve("NHS input [2026] {a,b}").toString(),
        "--period", "2026-10",
        "--out", out.toString(),
        "--store", store.toString(),
        "--quiet");
    assertEquals(0, second.code(), second.err());
    try (Stream<Path> commits = Files.list(store.resolve("_commits"))) {
      assertEquals(1, commits.count(), "the rerun ingested nothing new");
    }
    assertArrayEquals(before, Files.readAllBytes(month.resolve("quarantine.csv")));
  }

  /** file:///... with the name as it is (not percent-encoded), as a user would type it. */
  private static String uri(Path p) {
    return "file://" + p.toAbsolutePath();
  }
}
