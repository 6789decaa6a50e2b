package org.fairfee.jobs.core;

import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a run with the settings fairfee relies on. */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for {@code master} (null: keep what spark-submit set, else local[*]). Binds the
   * driver to loopback when running locally, keeps dates and times in UTC so outputs do not depend
   * on the machine's zone, and sizes shuffles for small clusters rather than Spark's 200 partitions.
   */
  public static SparkSession create(String master, String appName) {
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    boolean submitted = System.getProperty("spark.master") != null;
    String m = master != null ? master : (submitted ? null : "local[*]");
    if (m != null) {
      b.master(m);
    }
    boolean local = m != null && m.startsWith("local");
    if (local || System.getenv("SPARK_LOCAL_IP") != null) {
      String host = System.getenv().getOrDefault("SPARK_LOCAL_IP", "127.0.0.1");
      b.config("spark.driver.host", host).config("spark.driver.bindAddress", host);
    }
    if (local) {
      b.config("spark.ui.enabled", "false");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    return b
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(4, cores * 4)))
        .config("spark.sql.adaptive.enabled", "true")
        .config("spark.sql.adaptive.coalescePartitions.enabled", "true")
        .config("spark.sql.parquet.compression.codec", "zstd")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .getOrCreate();
  }
}
