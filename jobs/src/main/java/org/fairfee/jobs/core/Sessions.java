package org.fairfee.jobs.core;

import java.net.URISyntaxException;
import java.security.CodeSource;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession of a run with the settings fairfee relies on. */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for {@code master}: null keeps what spark-submit set (its settings arrive as
   * {@code spark.*} system properties), else local[*].
   *
   * <p>Three kinds of settings:
   * <ul>
   *   <li>where the driver runs (master, driver host and bind address, the UI, the application
   *       jar): never changed when spark-submit or {@code -Dspark...} gave them. A local run binds
   *       the driver to loopback ({@code SPARK_LOCAL_IP}, else 127.0.0.1) and has no UI.</li>
   *   <li>tuning (shuffle partitions, adaptive execution, Parquet codec): defaults that a
   *       {@code --conf} overrides.</li>
   *   <li>what the outputs depend on (UTC, java.time values, string partition values, no
   *       {@code _SUCCESS} files, static overwrite): always set, since the same input must give
   *       the same bytes on any cluster.</li>
   * </ul>
   */
  public static SparkSession create(String master, String appName) {
    SparkSession.Builder b = SparkSession.builder();
    String given = System.getProperty("spark.master");
    String m = master != null ? master : (given != null ? given : "local[*]");
    if (master != null || given == null) {
      b.master(m);
    }
    String name = System.getProperty("spark.app.name");
    if (name == null || name.equals("org.fairfee.jobs.cli.Main")) {
      b.appName(appName); // spark-submit names the application after the class unless --name says otherwise
    }
    boolean local = m.startsWith("local");
    String host = System.getenv("SPARK_LOCAL_IP");
    if (local || host != null) {
      String h = host != null ? host : "127.0.0.1";
      byDefault(b, "spark.driver.host", h);
      byDefault(b, "spark.driver.bindAddress", h);
    }
    if (local) {
      byDefault(b, "spark.ui.enabled", "false");
    } else if (System.getProperty("spark.jars") == null) {
      // Started by bin/fairfee with --master spark://... rather than spark-submit: executors need our jar.
      String jar = ownJar();
      if (jar != null) {
        b.config("spark.jars", jar);
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    byDefault(b, "spark.ui.showConsoleProgress", "false");
    byDefault(b, "spark.sql.shuffle.partitions", String.valueOf(Math.max(4, cores * 4)));
    byDefault(b, "spark.sql.adaptive.enabled", "true");
    byDefault(b, "spark.sql.adaptive.coalescePartitions.enabled", "true");
    byDefault(b, "spark.sql.parquet.compression.codec", "zstd");
    return b
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
        .config("spark.hadoop.mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .config("spark.sql.sources.partitionOverwriteMode", "static")
        .getOrCreate();
  }

  /** Sets {@code key} unless spark-submit ({@code --conf}) or a {@code -D} option already did. */
  private static void byDefault(SparkSession.Builder b, String key, String value) {
    if (System.getProperty(key) == null) {
      b.config(key, value);
    }
  }

  /** The jar this class was loaded from, or null when it runs from a classes folder (tests, an IDE). */
  static String ownJar() {
    try {
      CodeSource cs = Sessions.class.getProtectionDomain().getCodeSource();
      if (cs == null || cs.getLocation() == null) {
        return null;
      }
      String loc = cs.getLocation().toURI().toString();
      return loc.endsWith(".jar") ? loc : null;
    } catch (URISyntaxException | SecurityException e) {
      return null;
    }
  }
}
