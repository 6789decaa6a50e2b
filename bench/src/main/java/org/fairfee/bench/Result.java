package org.fairfee.bench;

/**
 * The figures of one bench run. Seconds are wall seconds of a child process from start to exit (JVM
 * start included); RSS is its peak resident memory in KiB. The warm run is the last month's run over
 * a store that holds the earlier months; warmPrepSeconds is the run, outside the ratios, that filled
 * that store with every month but the last.
 *
 * @param date UTC time the bench started, ISO 8601 to the second
 * @param commit the git commit of the code measured, with "-dirty" for uncommitted changes
 * @param load the load average (1, 5, 15 minutes) when the bench started
 */
record Result(String date, String commit, long rows, long bytes, int files, long seed, int cores, String heap,
    double[] load, double floorSeconds, double coldSeconds, long coldRssKib, double warmPrepSeconds,
    double warmSeconds, long warmRssKib, double duckdbSeconds, long duckdbRssKib) {

  double coldOverDuckdb() {
    return coldSeconds / duckdbSeconds;
  }

  double warmOverCold() {
    return warmSeconds / coldSeconds;
  }

  /** Input rows per wall second per core: the whole history for every column, the warm run included. */
  double rowsPerSecondPerCore(double seconds) {
    return rows / seconds / cores;
  }
}
