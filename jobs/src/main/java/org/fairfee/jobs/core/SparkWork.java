package org.fairfee.jobs.core;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.SparkSession;

/**
 * Counts what a run asks Spark to do: jobs, and stages that wrote shuffle data. The run's fixed cost
 * is mostly per job (planning, code generation, scheduling), so the count is the first number to
 * watch when a step is added; the manifest and the last progress line carry it.
 */
public final class SparkWork extends SparkListener {
  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong shuffles = new AtomicLong();
  private final SparkSession spark;

  private SparkWork(SparkSession spark) {
    this.spark = spark;
  }

  /** Starts counting on this session's context; {@link #close} stops. */
  public static SparkWork count(SparkSession spark) {
    SparkWork w = new SparkWork(spark);
    spark.sparkContext().addSparkListener(w);
    return w;
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stage) {
    if (stage.stageInfo().taskMetrics() != null
        && stage.stageInfo().taskMetrics().shuffleWriteMetrics().bytesWritten() > 0) {
      shuffles.incrementAndGet();
    }
  }

  public long jobs() {
    return jobs.get();
  }

  /** Stages that wrote shuffle data: each is one exchange of rows between tasks. */
  public long shuffles() {
    return shuffles.get();
  }

  public void close() {
    spark.sparkContext().removeSparkListener(this);
  }
}
