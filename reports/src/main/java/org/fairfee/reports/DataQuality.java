package org.fairfee.reports;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;

/**
 * Counts of what the run's input came to: files by status, rows by outcome, reasons by code. Holds
 * no file names, since those may name suppliers, so it is safe for the public report.
 */
public record DataQuality(long files, long acceptedFiles, long rejectedFiles, long duplicateFiles,
    long rowsRead, long rowsAccepted, long rowsQuarantined, long blankLines,
    Map<String, Long> quarantinedByReason, Map<String, Long> rejectedByReason) {

  public DataQuality {
    quarantinedByReason = Map.copyOf(new TreeMap<>(quarantinedByReason));
    rejectedByReason = Map.copyOf(new TreeMap<>(rejectedByReason));
  }

  /** Sums the manifest's file outcomes; {@code quarantinedByReason} comes from the quarantine rows. */
  public static DataQuality of(List<FileOutcome> files, Map<String, Long> quarantinedByReason) {
    long accepted = 0;
    long rejected = 0;
    long duplicate = 0;
    long read = 0;
    long ok = 0;
    long bad = 0;
    long blank = 0;
    Map<String, Long> rejectedBy = new TreeMap<>();
    for (FileOutcome f : files) {
      switch (f.status()) {
        case ACCEPTED -> accepted++;
        case REJECTED -> {
          rejected++;
          rejectedBy.merge(f.reasonCode() == null ? "UNKNOWN" : f.reasonCode().name(), 1L, Long::sum);
        }
        case DUPLICATE_FILE -> duplicate++;
      }
      if (f.status() == FileStatus.ACCEPTED) {
        read += f.rowsRead();
        ok += f.rowsAccepted();
        bad += f.rowsQuarantined();
        blank += f.blankLines();
      }
    }
    return new DataQuality(files.size(), accepted, rejected, duplicate, read, ok, bad, blank,
        quarantinedByReason, rejectedBy);
  }
}
