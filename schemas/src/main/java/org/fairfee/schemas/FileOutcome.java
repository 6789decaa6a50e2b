package org.fairfee.schemas;

import java.io.Serializable;
import java.util.List;

/**
 * What one input file came to: the manifest's entry for it and the store's record of it.
 * For every file that is not rejected, rowsRead = rowsAccepted + rowsQuarantined.
 *
 * @param file the file's path relative to the input folder
 * @param reasonCode why the file was rejected (null unless status is REJECTED)
 * @param reason a plain sentence: why it was rejected, or which file it duplicates
 * @param blankLines blank lines, which are not rows and are only counted
 */
public record FileOutcome(String file, String sha256, long bytes, FileStatus status, ReasonCode reasonCode,
    String reason, long rowsRead, long rowsAccepted, long rowsQuarantined, long blankLines,
    List<String> submissionIds, List<String> extraColumns) implements Serializable {

  public FileOutcome {
    submissionIds = submissionIds == null ? List.of() : List.copyOf(submissionIds);
    extraColumns = extraColumns == null ? List.of() : List.copyOf(extraColumns);
  }

  /**
   * The same content under another path and status. A duplicate file is not read again (its rows
   * are the original's), so it counts no rows; a rejected file keeps the rows it had but accepts none.
   */
  public FileOutcome with(String newFile, FileStatus newStatus, ReasonCode newCode, String newReason) {
    return new FileOutcome(newFile, sha256, bytes, newStatus, newCode, newReason,
        newStatus == FileStatus.DUPLICATE_FILE ? 0 : rowsRead,
        newStatus == FileStatus.ACCEPTED ? rowsAccepted : 0,
        newStatus == FileStatus.ACCEPTED ? rowsQuarantined : 0, blankLines, submissionIds, extraColumns);
  }

  /** The same outcome listed under another path (the content was first seen under a different name). */
  public FileOutcome at(String newFile) {
    return new FileOutcome(newFile, sha256, bytes, status, reasonCode, reason, rowsRead, rowsAccepted,
        rowsQuarantined, blankLines, submissionIds, extraColumns);
  }
}
