package org.fairfee.jobs.ingest;

import static org.fairfee.jobs.ingest.IngestTesting.HEADER;
import static org.fairfee.jobs.ingest.IngestTesting.row;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.publish.QuarantineCsv;
import org.fairfee.jobs.store.Store;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Ingest#run} on Spark over a folder of awkward and broken files: every row of every file is
 * in the store as accepted or quarantined, exactly as {@link FileIngestor} reads the file on its
 * own; copies and submission_id conflicts are decided by path; a second run adds nothing, gives
 * the same outcomes and a byte-identical quarantine.csv.
 */
class IngestRunTest extends SparkTestBase {

  @TempDir
  Path tmp;

  private Path input() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in/sub"));
    for (String f : List.of("awkward.csv", "unterminated-at-end.csv", "garbage.csv")) {
      try (InputStream r = IngestRunTest.class.getResourceAsStream("/fixtures/ingest/" + f)) {
        Files.copy(r, in.getParent().resolve(f));
      }
    }
    Path top = in.getParent();
    Files.writeString(top.resolve("empty.csv"), "");
    Files.writeString(top.resolve("header-only.csv"), HEADER + "\r\n\r\n");
    Files.writeString(top.resolve("missing-column.csv"), "submission_id,line_no,amount\nS-M,1,10.00\n");
    Charset cp1252 = Charset.forName("windows-1252");
    Files.write(top.resolve("windows-1252.csv"), IngestTesting.concat(
        (HEADER + "\n" + sid(row(1), "S-1252").csv() + "\n").getBytes(StandardCharsets.UTF_8),
        (sid(row(2), "S-1252").set(SubmissionColumn.DESCRIPTION, "Licence café £").csv() + "\n").getBytes(cp1252),
        (sid(row(3), "S-1252").csv() + "\n").getBytes(StandardCharsets.UTF_8)));
    String good = HEADER + "\n" + sid(row(1), "S-G").csv() + "\n" + sid(row(2), "S-G").set(SubmissionColumn.AMOUNT, "1,2").csv()
        + "\n\n" + sid(row(3), "S-G").set(SubmissionColumn.DESCRIPTION, "\"quoted,\nover two lines\"").csv() + "\n";
    Files.writeString(in.resolve("good.csv"), good);
    Files.writeString(in.resolve("z-copy-of-good.csv"), good);
    Files.writeString(top.resolve("a-conflict.csv"), HEADER + "\n" + sid(row(1), "S-C").csv() + "\n");
    Files.writeString(top.resolve("b-conflict.csv"), HEADER + "\n" + sid(row(2), "S-C").csv() + "\n"
        + sid(row(3), "S-C").set(SubmissionColumn.INVOICE_DATE, "2026-13-01").csv() + "\n");
    return top;
  }

  private static IngestTesting.RowBuilder sid(IngestTesting.RowBuilder r, String id) {
    return r.set(SubmissionColumn.SUBMISSION_ID, id);
  }

  @Test
  void aFolderOfAwkwardFilesIsAccountedForRowByRowAndARerunIsIdentical() throws IOException {
    Path in = input();
    Io io = Io.of(spark.sparkContext().hadoopConfiguration());
    Store store = new Store(io, Io.path(tmp.resolve("store").toString()));
    IngestOptions options = IngestOptions.defaults();

    Ingest.Result first = Ingest.run(spark, io, store, Io.path(in.toString()), options, Progress.silent());
    Map<String, FileOutcome> byFile = new TreeMap<>();
    first.files().forEach(f -> byFile.put(f.file(), f));
    assertEquals(List.of("a-conflict.csv", "awkward.csv", "b-conflict.csv", "empty.csv", "garbage.csv",
        "header-only.csv", "missing-column.csv", "sub/good.csv", "sub/z-copy-of-good.csv",
        "unterminated-at-end.csv", "windows-1252.csv"), first.files().stream().map(FileOutcome::file).toList(),
        "one outcome per file, in path order");

    assertRejected(byFile.get("empty.csv"), ReasonCode.EMPTY_FILE);
    assertRejected(byFile.get("garbage.csv"), ReasonCode.BINARY_FILE);
    assertRejected(byFile.get("header-only.csv"), ReasonCode.NO_DATA_ROWS);
    assertRejected(byFile.get("missing-column.csv"), ReasonCode.MISSING_COLUMN);
    assertTrue(byFile.get("missing-column.csv").reason().contains("buyer_ref"));
    FileOutcome loser = byFile.get("b-conflict.csv");
    assertRejected(loser, ReasonCode.SUBMISSION_ID_CONFLICT);
    assertTrue(loser.reason().contains("S-C") && loser.reason().contains("a-conflict.csv"), loser.reason());
    assertEquals(2, loser.rowsRead(), "the loser was read, but keeps none of its rows");
    FileOutcome copy = byFile.get("sub/z-copy-of-good.csv");
    assertEquals(FileStatus.DUPLICATE_FILE, copy.status());
    assertTrue(copy.reason().contains("sub/good.csv"), copy.reason());
    assertEquals(byFile.get("sub/good.csv").sha256(), copy.sha256());
    assertEquals(List.of("internal_note"), byFile.get("awkward.csv").extraColumns());

    // Row by row: the store holds exactly what FileIngestor makes of each accepted file on its own.
    List<Store.Commit> commits = store.commits();
    assertEquals(1, commits.size());
    Map<String, List<String>> stored = storedRows(store, commits);
    Map<String, List<String>> expected = new TreeMap<>();
    for (FileOutcome f : first.files()) {
      if (f.status() == FileStatus.ACCEPTED) {
        assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsQuarantined(), f.file());
        expected.put(f.sha256(), direct(in.resolve(f.file()), options));
      } else if (f.status() == FileStatus.REJECTED) {
        assertEquals(0, f.rowsAccepted() + f.rowsQuarantined(), f.file());
        assertFalse(stored.containsKey(f.sha256()), () -> "rows of rejected " + f.file() + " are in the store");
      }
    }
    assertEquals(expected, stored);
    assertEquals(List.of("2 A", "3 A", "4 A", "5 Q UNTERMINATED_QUOTE"), lineCodes(stored, byFile, "unterminated-at-end.csv"));
    assertEquals(List.of("2 A", "3 Q TOO_MANY_FIELDS", "5 A"), lineCodes(stored, byFile, "sub/good.csv"));
    assertEquals(List.of("2 A", "3 Q NOT_UTF8", "4 A"), lineCodes(stored, byFile, "windows-1252.csv"));
    assertEquals(List.of("2 A", "5 A", "6 Q TOO_MANY_DECIMALS", "8 A"), lineCodes(stored, byFile, "awkward.csv"));
    assertEquals(1, byFile.get("sub/good.csv").blankLines());
    long acceptedInStore = stored.values().stream().flatMap(List::stream).filter(s -> s.contains(" A")).count();
    assertEquals(first.newRowsAccepted(), acceptedInStore);
    byte[] quarantineFirst = quarantineCsv(store, first);

    Ingest.Result second = Ingest.run(spark, io, store, Io.path(in.toString()), options, Progress.silent());
    assertEquals(0, second.newFiles());
    assertEquals(0, second.newRowsAccepted());
    assertEquals(first.files(), second.files(), "the same outcomes, file by file");
    assertEquals(1, store.commits().size(), "nothing new was committed");
    byte[] quarantineSecond = quarantineCsv(store, second);
    assertArrayEquals(quarantineFirst, quarantineSecond, "quarantine.csv is byte-identical across runs");
    String csv = new String(quarantineSecond, StandardCharsets.UTF_8);
    assertTrue(csv.startsWith(String.join(",", Cols.FILE, Cols.LINE, Cols.REASON_CODE, Cols.REASON, Cols.RAW) + "\n"), csv);
    assertTrue(csv.contains("\nunterminated-at-end.csv,5,UNTERMINATED_QUOTE,"), csv);
    assertTrue(csv.contains("\nwindows-1252.csv,3,NOT_UTF8,"), csv);
    assertFalse(csv.contains("b-conflict.csv"), "the loser's rows are not published");
    assertFalse(csv.contains("z-copy-of-good.csv"), "a copy's rows are the original's");
  }

  @Test
  void quarantinedRowsOfTwoBatchesAreReadTogether() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("months/2026-09"));
    Files.writeString(in.resolve("a.csv"), HEADER + "\n" + sid(row(1), "S-A").csv() + "\n"
        + sid(row(2), "S-A").set(SubmissionColumn.INVOICE_DATE, "2026-13-01").csv() + "\n");
    Io io = Io.of(spark.sparkContext().hadoopConfiguration());
    Store store = new Store(io, Io.path(tmp.resolve("store").toString()));
    Path months = in.getParent();
    Ingest.run(spark, io, store, Io.path(months.toString()), IngestOptions.defaults(), Progress.silent());
    Path next = Files.createDirectories(months.resolve("2026-10"));
    Files.writeString(next.resolve("b.csv"), HEADER + "\n" + sid(row(1), "S-B").csv() + "\n"
        + sid(row(2), "S-B").set(SubmissionColumn.INVOICE_DATE, "2026-13-01").csv() + "\n");
    Ingest.run(spark, io, store, Io.path(months.toString()), IngestOptions.defaults(), Progress.silent());

    assertEquals(2, store.commits().size());
    assertEquals(2, store.quarantine(spark, store.commits()).count(), "one quarantined row from each batch");
    assertEquals(2, store.charges(spark, store.commits()).count());
  }

  private static void assertRejected(FileOutcome f, ReasonCode code) {
    assertEquals(FileStatus.REJECTED, f.status(), f::toString);
    assertEquals(code, f.reasonCode(), f::toString);
    assertTrue(f.reason() != null && !f.reason().isBlank());
    assertEquals(0, f.rowsAccepted());
    assertEquals(0, f.rowsQuarantined());
  }

  private static List<String> lineCodes(Map<String, List<String>> stored, Map<String, FileOutcome> byFile, String file) {
    List<String> out = new ArrayList<>();
    for (String s : stored.get(byFile.get(file).sha256())) {
      String[] p = s.split(" ", 4);
      out.add(p[1].equals("A") ? p[0] + " A" : p[0] + " Q " + p[2]);
    }
    return out;
  }

  /** Per file sha256: "line A" for accepted rows and "line Q code reason" for quarantined ones, by line. */
  private Map<String, List<String>> storedRows(Store store, List<Store.Commit> commits) throws IOException {
    Map<String, TreeMap<Long, String>> byFile = new TreeMap<>();
    for (Row r : store.charges(spark, commits).collectAsList()) {
      long line = r.getLong(r.fieldIndex(Cols.SOURCE_LINE));
      String prev = byFile.computeIfAbsent(r.getString(r.fieldIndex(Cols.SOURCE_SHA256)), k -> new TreeMap<>())
          .put(line, line + " A");
      assertNull(prev, "two stored rows for one line");
    }
    for (Row r : store.quarantine(spark, commits).collectAsList()) {
      long line = r.getLong(r.fieldIndex(Cols.LINE));
      String prev = byFile.computeIfAbsent(r.getString(r.fieldIndex(Cols.SHA256)), k -> new TreeMap<>())
          .put(line, line + " Q " + r.getString(r.fieldIndex(Cols.REASON_CODE)) + " " + r.getString(r.fieldIndex(Cols.REASON)));
      assertNull(prev, "two stored rows for one line");
    }
    Map<String, List<String>> out = new TreeMap<>();
    byFile.forEach((sha, lines) -> out.put(sha, new ArrayList<>(lines.values())));
    return out;
  }

  /** The same rendering, from FileIngestor reading the file without Spark. */
  private static List<String> direct(Path file, IngestOptions options) throws IOException {
    IngestTesting.Ingested r = IngestTesting.ingest(Files.readAllBytes(file), options);
    List<String> out = new ArrayList<>();
    for (FileIngestor.Outcome o : r.rows()) {
      out.add(o.accepted() ? o.line() + " A" : o.line() + " Q " + o.code() + " " + o.reason());
    }
    return out;
  }

  private byte[] quarantineCsv(Store store, Ingest.Result result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    QuarantineCsv.write(spark, store.quarantine(spark, store.commits()), result.files(), out);
    return out.toByteArray();
  }
}
