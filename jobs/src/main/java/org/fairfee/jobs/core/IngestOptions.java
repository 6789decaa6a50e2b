package org.fairfee.jobs.core;

import java.io.Serializable;

/**
 * Options of the ingest step.
 *
 * @param maxRowBytes a row longer than this is quarantined as ROW_TOO_LONG (or UNTERMINATED_QUOTE
 *     when a quote is open), so one bad row cannot exhaust memory
 * @param shownProblems how many problems {@code fairfee validate} prints per file
 * @param rates the reference rates table for currencies other than GBP
 */
public record IngestOptions(int maxRowBytes, int shownProblems, Rates rates) implements Serializable {
  public IngestOptions {
    if (maxRowBytes < 1024) {
      throw new IllegalArgumentException("ingest.maxRowBytes must be at least 1024, was " + maxRowBytes);
    }
    if (shownProblems < 0) {
      throw new IllegalArgumentException("ingest.shownProblems must not be negative, was " + shownProblems);
    }
    rates = rates == null ? Rates.none() : rates;
  }

  public static IngestOptions defaults() {
    return new IngestOptions(64 * 1024, 10, Rates.none());
  }
}
