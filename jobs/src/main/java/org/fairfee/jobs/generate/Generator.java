package org.fairfee.jobs.generate;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Progress;
import org.fairfee.schemas.Cols;

/**
 * Writes a seeded, labelled sample of submissions: in, the options and an output folder (any
 * Hadoop URI); out, {@code submissions/YYYY-MM/<supplier>-YYYY-MM.csv}, {@code config.json} (the
 * EUR rates the rows need) and {@code labels.csv} (the ground truth), with nothing else in the folder
 * touched. The same seed and rows give byte-identical files whatever the thread count.
 */
public final class Generator {
  private Generator() {}

  public static final String SUBMISSIONS = "submissions";
  public static final String CONFIG = "config.json";
  public static final String LABELS = "labels.csv";
  private static final String STAGING = ".generate-staging";

  /** What a run wrote. labels counts rows of labels.csv per label, sorted by label. */
  public record Summary(long rows, int files, long bytes, int suppliers, int buyers, int months, String firstMonth,
      String lastMonth, Map<String, Long> labels, double seconds) {

    /** A few plain lines for the terminal. */
    public String text(String out) {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "generated %s rows in %s files (%s) under %s%n", Progress.count(rows),
          Progress.count(files), Progress.bytes(bytes), out));
      sb.append(String.format(Locale.ROOT, "%d suppliers, %s buyers, %d months (%s to %s), %.1f s%n", suppliers,
          Progress.count(buyers), months, firstMonth, lastMonth, seconds));
      sb.append("labels:");
      labels.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%n  %-36s %s", k, Progress.count(v))));
      sb.append(System.lineSeparator());
      return sb.toString();
    }
  }

  /** Generates into {@code out}; replaces its submissions folder, config.json and labels.csv. */
  public static Summary generate(Io io, Path out, GenerateOptions options) throws IOException {
    long t0 = System.nanoTime();
    Market market = Market.build(options);
    Window w = market.window;
    Path staging = new Path(out, STAGING);
    io.deleteRecursively(staging);
    Path submissions = new Path(staging, SUBMISSIONS);
    for (int i = 0; i < w.months; i++) {
      io.mkdirs(new Path(submissions, w.text(i)));
    }
    List<SupplierRun.Result> results = run(market, io, submissions, options.threads());

    long rows = 0;
    long bytes = 0;
    int files = 0;
    BitSet buyers = new BitSet();
    boolean[] eur = new boolean[w.months];
    List<SupplierRun.LabelRow> labels = new ArrayList<>();
    for (SupplierRun.Result r : results) {
      rows += r.rows();
      bytes += r.bytes();
      files += r.files();
      buyers.or(r.buyers());
      for (int i = 0; i < w.months; i++) {
        eur[i] |= r.eurMonths()[i];
      }
      labels.addAll(r.labels());
    }
    labels.sort(Comparator.comparing(SupplierRun.LabelRow::submissionId)
        .thenComparingInt(SupplierRun.LabelRow::lineNo).thenComparing(SupplierRun.LabelRow::label));
    Map<String, Long> counts = new TreeMap<>();
    for (SupplierRun.LabelRow l : labels) {
      counts.merge(l.label(), 1L, Long::sum);
    }

    Path published = new Path(out, SUBMISSIONS);
    io.deleteRecursively(published);
    io.rename(submissions, published);
    io.deleteRecursively(staging);
    io.write(new Path(out, LABELS), labelsCsv(labels));
    io.write(new Path(out, CONFIG), configJson(market, eur));
    return new Summary(rows, files, bytes, market.suppliers.size(), buyers.cardinality(), w.months,
        w.text(0), w.text(w.months - 1), counts, (System.nanoTime() - t0) / 1e9);
  }

  private static List<SupplierRun.Result> run(Market market, Io io, Path submissions, int threads)
      throws IOException {
    AtomicInteger no = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "fairfee-generate-" + no.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    try {
      // Largest suppliers first, so the long runs start early and the small ones fill the gaps.
      List<Market.Supplier> order = new ArrayList<>(market.suppliers);
      order.sort(Comparator.comparingLong(Market.Supplier::expectedLines).reversed()
          .thenComparingInt(s -> s.idx));
      List<Future<SupplierRun.Result>> futures = new ArrayList<>();
      for (Market.Supplier s : order) {
        futures.add(pool.submit(new SupplierRun(market, s, io, submissions)));
      }
      List<SupplierRun.Result> results = new ArrayList<>();
      for (Future<SupplierRun.Result> f : futures) {
        results.add(f.get());
      }
      results.sort(Comparator.comparingInt(SupplierRun.Result::supplier));
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while generating");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io2) {
        throw io2;
      }
      if (c instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("generating failed: " + c, c);
    } finally {
      pool.shutdownNow();
    }
  }

  static String labelsCsv(List<SupplierRun.LabelRow> labels) {
    StringBuilder sb = new StringBuilder(64 + labels.size() * 48);
    sb.append(Cols.SUBMISSION_ID).append(',').append(Cols.LINE_NO).append(',').append(Cols.LABEL).append(',')
        .append(Cols.RELATED_SUBMISSION_ID).append(',').append(Cols.RELATED_LINE_NO).append('\n');
    for (SupplierRun.LabelRow l : labels) {
      sb.append(l.submissionId()).append(',').append(l.lineNo()).append(',').append(l.label()).append(',');
      if (l.relatedSubmissionId() != null) {
        sb.append(l.relatedSubmissionId()).append(',').append(l.relatedLineNo());
      } else {
        sb.append(',');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  /** The run config the rows need: EUR rates for every month that has valid EUR rows. */
  static String configJson(Market market, boolean[] eurMonths) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"ingest\": {\n    \"rates\": {");
    boolean any = false;
    for (int i = 0; i < eurMonths.length; i++) {
      if (!eurMonths[i]) {
        continue;
      }
      sb.append(any ? ",\n" : "\n      \"" + Market.EUR + "\": {\n");
      BigDecimal rate = market.eurRates[i];
      sb.append("        \"").append(market.window.text(i)).append("\": ").append(rate.toPlainString());
      any = true;
    }
    sb.append(any ? "\n      }\n    }\n" : "}\n");
    sb.append("  }\n}\n");
    return sb.toString();
  }
}
