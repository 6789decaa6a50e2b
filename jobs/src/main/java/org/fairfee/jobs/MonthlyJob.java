package org.fairfee.jobs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.fairfee.jobs.bands.Bands;
import org.fairfee.jobs.bands.BenchmarksCsv;
import org.fairfee.jobs.bands.PricePoints;
import org.fairfee.jobs.bands.Trend;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.core.SparkWork;
import org.fairfee.jobs.core.Version;
import org.fairfee.jobs.decisions.FlagReview;
import org.fairfee.jobs.decisions.Savings;
import org.fairfee.jobs.fees.FlagFees;
import org.fairfee.jobs.flags.CharterFlags;
import org.fairfee.jobs.flags.DuplicatePayments;
import org.fairfee.jobs.importspend.SpendFile;
import org.fairfee.jobs.ingest.Ingest;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.jobs.publish.Manifest;
import org.fairfee.jobs.publish.Publication;
import org.fairfee.jobs.publish.QuarantineCsv;
import org.fairfee.jobs.publish.Records;
import org.fairfee.jobs.publish.TableCsv;
import org.fairfee.jobs.store.Store;
import org.fairfee.reports.DataQuality;
import org.fairfee.reports.FlagsRegister;
import org.fairfee.reports.MarketReport;
import org.fairfee.reports.ReportData;
import org.fairfee.reports.SupplierStatement;
import org.fairfee.reports.Workbook;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.Method;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Tables;

/**
 * The monthly job: ingest the input into the store, evaluate one month against the history up to
 * and including it, and write every output into the publication's staging folder.
 *
 * <p>Evaluation: normalise and net credits over the history; detect charging twice and the
 * free-by-charter rules over the whole history (so copies in earlier months are known); build price
 * points over the benchmark window without the copies; bands with disclosure control and the trend;
 * the P4 fee rules on the price points; then the month's flags. Only small results (bands, the
 * month's flags, totals) come to the driver; price points reach it one supplier at a time.
 */
public final class MonthlyJob {
  private MonthlyJob() {}

  /**
   * Where to read and write, which month, and the settings. period null means the latest month in the
   * store; decisions (a file or folder of decisions files) null means none this run.
   */
  public record Request(Path input, String period, Path out, Path store, Options options, String master,
      Path decisions) {
    public Request(Path input, String period, Path out, Path store, Options options, String master) {
      this(input, period, out, store, options, master, null);
    }
  }

  /** What the run produced: the month evaluated, the ingest's file outcomes, the month's rows and flags. */
  public record Outcome(String period, Ingest.Result ingest, long periodRows, long flags) {}

  public static final String REPORT = "report.html";
  public static final String MANIFEST = "manifest.json";
  public static final String QUARANTINE = "quarantine.csv";
  public static final String BENCHMARKS = "benchmarks.csv";
  public static final String FLAGS = "flags.csv";
  public static final String FEE_GROUPS = "fee-groups.csv";
  public static final String STATEMENTS = "statements";
  public static final String RESTRICTED = "restricted";

  public static Outcome run(SparkSession spark, Io io, Request r, Publication pub, Progress progress,
      Instant started) throws IOException {
    Options o = r.options();
    SparkWork work = SparkWork.count(spark);
    try {
      return run(spark, io, r, pub, progress, started, o, work);
    } finally {
      work.close();
    }
  }

  private static Outcome run(SparkSession spark, Io io, Request r, Publication pub, Progress progress,
      Instant started, Options o, SparkWork work) throws IOException {
    Store store = new Store(io, r.store());
    // A damaged store would give different numbers: stop before reading or adding to it.
    int checked = store.verify(store.commits());
    if (checked > 0) {
      progress.step("store: %s data files as their commits recorded them", Progress.count(checked));
    }
    Ingest.Result ingested = Ingest.run(spark, io, store, r.input(), o.ingest(), progress);

    List<Store.Commit> commits = store.commits();
    Dataset<Row> charges = store.charges(spark, commits);
    String period = r.period() != null ? r.period() : latestMonth(charges);
    if (period == null) {
      throw new IllegalStateException("the store holds no accepted rows, so there is no month to evaluate;"
          + " see quarantine.csv and manifest.json in the failed run's folder");
    }

    Map<String, Long> byReason;
    try (OutputStream out = io.create(pub.file(QUARANTINE))) {
      byReason = QuarantineCsv.write(spark, store.quarantine(spark, commits), ingested.files(), out);
    }
    progress.step("publish: %s (%s rows)", QUARANTINE,
        Progress.count(byReason.values().stream().mapToLong(Long::longValue).sum()));

    // Evaluate: every step below reads history up to the end of the month, never later.
    // The lineage columns (file, its sha256, line) are for the store and the quarantine, never read by a
    // rule: left out, Parquet does not read them and the cached history is narrower.
    Dataset<Row> history = charges.where(col(Cols.INVOICE_MONTH).leq(period))
        .drop(Cols.SOURCE_FILE, Cols.SOURCE_SHA256, Cols.SOURCE_LINE);
    Dataset<Row> lines = Credits.apply(Normalise.apply(history, o.ingest().rates()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    // Published payment files (import-spend) are not fee submissions: they get the payment rule only.
    Dataset<Row> payments = lines.where(col(Cols.SUBMISSION_ID).startsWith(SpendFile.SUBMISSION_PREFIX));
    Dataset<Row> fees = lines.where(col(Cols.SUBMISSION_ID).startsWith(SpendFile.SUBMISSION_PREFIX).unary_$bang());
    Headline headline0 = headline(lines, period);
    progress.step("evaluate: %s: %s charge lines in the month, %s in the history", period,
        Progress.count(headline0.rows()), Progress.count(lines.count()));

    Dataset<Row> charter = CharterFlags.detect(fees, o.flags()); // persisted by detect
    Dataset<Row> copies = CharterFlags.copies(charter);
    Dataset<Row> points = PricePoints.apply(fees, copies, period, o.bands())
        .persist(StorageLevel.MEMORY_AND_DISK());
    List<Row> bandRows = Bands.apply(points, period, o.bands()).collectAsList();
    List<Row> trendRows = Trend.apply(points, period, o.bands()).collectAsList();
    progress.step("evaluate: %s price points, %s benchmark cells", Progress.count(points.count()),
        Progress.count(bandRows.size()));

    // P4 and fee-groups.csv from one fit of each peer group.
    Dataset<Row> assessed = FlagFees.assess(points, fees, copies, period, o.fees()).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> p4 = FlagFees.flags(assessed);
    List<Row> flagRows = CharterFlags.inPeriod(charter, period)
        .unionByName(CharterFlags.inPeriod(DuplicatePayments.detect(payments, o.spend()), period))
        .unionByName(p4)
        .orderBy(CharterFlags.order())
        .collectAsList();
    List<Row> feeGroups = FlagFees.groups(assessed);
    // Only the price points are read again (statements): free the rest before the workbooks are built in the heap.
    lines.unpersist();
    charter.unpersist();
    assessed.unpersist();
    progress.step("evaluate: %s flags in %s", Progress.count(flagRows.size()), period);

    // Publish.
    // The review loop: ids, decisions in force, dismissed lines dropped, earlier open flags carried.
    FlagReview.Result review =
        FlagReview.apply(io, r.store(), period, r.decisions(), flagRows);
    List<Flag> flags = review.month();
    List<Flag> register = review.register();
    List<BenchmarkBand> bands = Records.all(bandRows, BenchmarkBand.class);
    List<TrendPoint> trend = Records.all(trendRows, TrendPoint.class);
    Headline headline = new Headline(headline0.submissions(), headline0.rows(), headline0.suppliers(),
        headline0.buyers(), headline0.reviewedGbp(), RuleTotal.of(flags));
    Method method = new Method(o.bands().windowMonths(), o.bands().minSuppliers(), o.bands().maxSupplierShare(),
        Bands.PERCENTILE_METHOD, o.fees().maxModifiedZ(), o.fees().minPricePoints(), o.fees().minSuppliers(),
        o.flags().duplicateWindowDays());
    DataQuality quality = DataQuality.of(ingested.files(), byReason);
    ReportData data = new ReportData(period, Version.get(), quality, headline, method, bands, trend)
        .withReviews(review.reviews());

    io.write(pub.file(BENCHMARKS), BenchmarksCsv.format(bandRows));
    io.write(pub.file(FLAGS), FlagsRegister.flagsCsv(flags));
    io.write(pub.file(FEE_GROUPS), TableCsv.format(Tables.FEE_PEER_GROUPS, feeGroups));
    io.write(pub.file(REPORT), MarketReport.render(data));
    io.write(pub.file(Workbook.fileName(period)), Workbook.renderPublic(data));
    progress.step("publish: %s, %s, %s, %s", BENCHMARKS, FLAGS, REPORT, Workbook.fileName(period));

    io.write(pub.file(RESTRICTED + "/" + Workbook.fileName(period)), Workbook.render(data, register));
    io.write(pub.file(RESTRICTED + "/flags-register.csv"), FlagsRegister.csv(register));
    io.write(pub.file(RESTRICTED + "/flags-register.html"), FlagsRegister.html(period, Version.get(), register));
    io.write(pub.file(RESTRICTED + "/buyer-totals.csv"), FlagsRegister.buyerTotalsCsv(register));
    io.write(pub.file(RESTRICTED + "/savings-by-supplier.csv"),
        TableCsv.format(Tables.FEE_MARKET_VIEW, Savings.of(flags)));
    int statements = statements(points, register, data, io, pub);
    progress.step("publish: %d supplier statements, restricted register of %s flags", statements,
        Progress.count(register.size()));

    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("period_rows", headline.rows());
    extra.put("flags", flags.size());
    extra.put("benchmark_cells", bandRows.size());
    extra.put("percentile_method", Bands.PERCENTILE_METHOD);
    extra.put("decisions", review.manifest());
    // Listener events arrive asynchronously: the counts can lag the last job by a few events.
    extra.put("spark_jobs", work.jobs());
    extra.put("spark_shuffle_stages", work.shuffles());
    progress.step("spark: %d jobs, %d stages wrote shuffle data", work.jobs(), work.shuffles());
    Manifest.Run run = new Manifest.Run(Version.get(), period, r.input().toString(), r.out().toString(),
        r.store().toString(), r.master(), started, Instant.now());
    io.write(pub.file(MANIFEST), Manifest.render(run, ingested.files(), o.toJson(), extra));
    FlagReview.save(io, r.store(), period, review); // last, after every file
    points.unpersist();
    return new Outcome(period, ingested, headline.rows(), flags.size());
  }

  /** The month's numbers without names: submissions, rows, suppliers, buyers and net pounds reviewed. */
  static Headline headline(Dataset<Row> lines, String period) {
    Row h = lines.where(col(Cols.INVOICE_MONTH).equalTo(period))
        .agg(countDistinct(col(Cols.SUBMISSION_ID)), org.apache.spark.sql.functions.count("*"),
            countDistinct(col(Cols.SUPPLIER_REF)), countDistinct(col(Cols.BUYER_REF)), sum(col(Cols.NET_GBP)))
        .first();
    BigDecimal reviewed = h.isNullAt(4) ? BigDecimal.ZERO : h.getDecimal(4);
    return new Headline(h.getLong(0), h.getLong(1), h.getLong(2), h.getLong(3),
        reviewed.setScale(2, java.math.RoundingMode.HALF_UP), List.of());
  }

  /**
   * One private statement per supplier with price points in the window or flags in the month.
   * Points come to the driver one partition at a time, each supplier's whole in one partition and
   * sorted within it (a hash shuffle by supplier, no global sort and its sampling job); the files are
   * independent, so the order they are written in does not matter.
   */
  static int statements(Dataset<Row> points, List<Flag> flags, ReportData data, Io io, Publication pub)
      throws IOException {
    TreeSet<String> pending = new TreeSet<>();
    for (Flag f : flags) {
      pending.add(f.supplierRef());
    }
    Iterator<Row> it = points.repartition(col(Cols.SUPPLIER_REF))
        .sortWithinPartitions(col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY),
            col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS), col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD))
        .toLocalIterator();
    int written = 0;
    String current = null;
    List<PricePoint> own = new ArrayList<>();
    Records.Mapper<PricePoint> mapper = new Records.Mapper<>(PricePoint.class, points.schema());
    int supplierAt = points.schema().fieldIndex(Cols.SUPPLIER_REF);
    while (true) {
      Row row = it.hasNext() ? it.next() : null;
      String supplier = row == null ? null : row.getString(supplierAt);
      if (current != null && !current.equals(supplier)) {
        written += statement(current, own, flags, data, io, pub);
        pending.remove(current);
        own = new ArrayList<>();
      }
      if (row == null) {
        break;
      }
      current = supplier;
      own.add(mapper.apply(row));
    }
    // suppliers with flags in the month but no price point in the window
    for (String s : pending) {
      written += statement(s, List.of(), flags, data, io, pub);
    }
    return written;
  }

  private static int statement(String supplier, List<PricePoint> points, List<Flag> flags, ReportData data,
      Io io, Publication pub) throws IOException {
    List<Flag> own = flags.stream().filter(f -> f.supplierRef().equals(supplier)).toList();
    io.write(pub.file(STATEMENTS + "/" + SupplierStatement.fileName(supplier, "html")),
        SupplierStatement.html(supplier, data, points, own));
    io.write(pub.file(STATEMENTS + "/" + SupplierStatement.fileName(supplier, "csv")),
        SupplierStatement.csv(supplier, data, points, own));
    return 1;
  }

  /** The latest invoice month with accepted rows, or null when there are none. */
  static String latestMonth(Dataset<Row> charges) {
    Row r = charges.agg(max(col(Cols.INVOICE_MONTH))).first();
    return r.isNullAt(0) ? null : r.getString(0);
  }
}
