package org.fairfee.schemas;

import java.util.Locale;

/** What became of one input file in a run (manifest field status). */
public enum FileStatus {
  ACCEPTED, REJECTED, DUPLICATE_FILE;

  /** The value written to the manifest: lower case, as in {@code duplicate_file}. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
