package org.fairfee.jobs;

import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.core.Sessions;
import org.junit.jupiter.api.BeforeAll;

/**
 * One local SparkSession for the whole test JVM: created on first use, never stopped per test
 * (Spark's shutdown hook stops it when the JVM exits). local[2], loopback, UI off, as every run.
 */
public abstract class SparkTestBase {
  protected static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = shared();
  }

  public static synchronized SparkSession shared() {
    if (spark == null) {
      spark = Sessions.create("local[2]", "fairfee-tests");
      spark.conf().set("spark.sql.shuffle.partitions", "2");
    }
    return spark;
  }
}
