package org.fairfee.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.core.Version;
import org.fairfee.jobs.ingest.Ingest;
import org.fairfee.jobs.publish.Manifest;
import org.fairfee.jobs.publish.Publication;
import org.fairfee.jobs.publish.QuarantineCsv;
import org.fairfee.jobs.store.Store;
import org.fairfee.reports.DataQuality;
import org.fairfee.reports.MarketReport;
import org.fairfee.reports.ReportData;
import org.fairfee.schemas.Cols;

/**
 * The monthly job: ingest the input into the store, then evaluate one month against the history
 * up to and including it, writing every output into the publication's staging folder.
 */
public final class MonthlyJob {
  private MonthlyJob() {}

  /** Where to read and write, which month, and the settings. period null means the latest month in the store. */
  public record Request(Path input, String period, Path out, Path store, Options options, String master) {}

  /** What the run produced: the month evaluated and the ingest's file outcomes. */
  public record Outcome(String period, Ingest.Result ingest, long periodRows) {}

  public static final String REPORT = "report.html";
  public static final String MANIFEST = "manifest.json";
  public static final String QUARANTINE = "quarantine.csv";

  public static Outcome run(SparkSession spark, Io io, Request r, Publication pub, Progress progress,
      Instant started) throws IOException {
    Store store = new Store(io, r.store());
    Ingest.Result ingested = Ingest.run(spark, io, store, r.input(), r.options().ingest(), progress);

    List<Store.Commit> commits = store.commits();
    Dataset<Row> charges = store.charges(spark, commits);
    String period = r.period() != null ? r.period() : latestMonth(charges);
    if (period == null) {
      throw new IllegalStateException("the store holds no accepted rows, so there is no month to evaluate;"
          + " see quarantine.csv and manifest.json in the failed run's folder");
    }
    Dataset<Row> history = charges.where(col(Cols.INVOICE_MONTH).leq(period));
    long periodRows = history.where(col(Cols.INVOICE_MONTH).equalTo(period)).count();
    progress.step("evaluate: %s: %s charge lines in the month", period, Progress.count(periodRows));

    Map<String, Long> byReason;
    try (OutputStream out = io.create(pub.file(QUARANTINE))) {
      byReason = QuarantineCsv.write(spark, store.quarantine(spark, commits), ingested.files(), out);
    }
    progress.step("publish: %s (%s rows)", QUARANTINE,
        Progress.count(byReason.values().stream().mapToLong(Long::longValue).sum()));

    DataQuality quality = DataQuality.of(ingested.files(), byReason);
    io.write(pub.file(REPORT), MarketReport.render(new ReportData(period, Version.get(), quality)));
    progress.step("publish: %s", REPORT);

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("period_rows", periodRows);
    Manifest.Run run = new Manifest.Run(Version.get(), period, r.input().toString(), r.out().toString(),
        r.store().toString(), r.master(), started, Instant.now());
    io.write(pub.file(MANIFEST), Manifest.render(run, ingested.files(), r.options().toJson(), extra));
    return new Outcome(period, ingested, periodRows);
  }

  /** The latest invoice month with accepted rows, or null when there are none. */
  static String latestMonth(Dataset<Row> charges) {
    Row r = charges.agg(max(col(Cols.INVOICE_MONTH))).first();
    return r.isNullAt(0) ? null : r.getString(0);
  }
}
