package org.fairfee.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.junit.jupiter.api.Test;

/** The driver-side decisions of {@link Ingest}, without Spark: conflicts and which files leave rows behind. */
class IngestDecisionsTest {

  private static FileOutcome accepted(String file, String sha, String... ids) {
    return new FileOutcome(file, sha, 10, FileStatus.ACCEPTED, null, null, 2, 1, 1, 0, List.of(ids), List.of());
  }

  @Test
  void theStoreComesFirstThenPathOrder() {
    FileOutcome stored = accepted("2025/old.csv", "s0", "S-OLD");
    List<FileOutcome> decided = Ingest.resolveConflicts(List.of(
        accepted("a.csv", "s1", "S-A", "S-OLD"),
        accepted("b.csv", "s2", "S-B"),
        accepted("c.csv", "s3", "S-B", "S-C")), List.of(stored));
    assertEquals(ReasonCode.SUBMISSION_ID_CONFLICT, decided.get(0).reasonCode());
    assertTrue(decided.get(0).reason().contains("S-OLD") && decided.get(0).reason().contains("2025/old.csv"));
    assertEquals(FileStatus.ACCEPTED, decided.get(1).status());
    assertEquals(FileStatus.REJECTED, decided.get(2).status());
    assertTrue(decided.get(2).reason().contains("S-B") && decided.get(2).reason().contains("b.csv"));
    assertEquals(2, decided.get(2).rowsRead(), "the loser's rows were read");
    assertEquals(0, decided.get(2).rowsAccepted() + decided.get(2).rowsQuarantined(), "and none of them kept");
  }

  @Test
  void aLoserDoesNotBlockLaterFilesWithItsOtherIds() {
    List<FileOutcome> decided = Ingest.resolveConflicts(List.of(
        accepted("a.csv", "s1", "S-A"),
        accepted("b.csv", "s2", "S-A", "S-X"),
        accepted("c.csv", "s3", "S-X")), List.of());
    assertEquals(List.of(FileStatus.ACCEPTED, FileStatus.REJECTED, FileStatus.ACCEPTED),
        decided.stream().map(FileOutcome::status).toList());
  }

  @Test
  void onlyFilesThatStreamedRowsAreRewrittenOutOfStaging() {
    FileOutcome conflict = accepted("b.csv", "s2", "S-A").with("b.csv", FileStatus.REJECTED,
        ReasonCode.SUBMISSION_ID_CONFLICT, "submission_id S-A is already carried by a.csv");
    assertTrue(Ingest.mayHaveStagedRows(conflict));
    FileOutcome empty = IngestTesting.ingest(new byte[0]).summary();
    assertFalse(Ingest.mayHaveStagedRows(empty));
    FileOutcome headerOnly = IngestTesting.ingest(IngestTesting.HEADER + "\n").summary();
    assertFalse(Ingest.mayHaveStagedRows(headerOnly));
    FileOutcome failedRead = new FileOutcome("x.csv", "s9", 10, FileStatus.REJECTED, ReasonCode.UNREADABLE_FILE,
        "the file could not be read: connection reset", 0, 0, 0, 0, List.of(), List.of());
    assertTrue(Ingest.mayHaveStagedRows(failedRead), "rows may have been streamed before the read failed");
  }
}
