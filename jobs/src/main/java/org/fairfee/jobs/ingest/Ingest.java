package org.fairfee.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.store.Store;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;

/**
 * Ingests every {@code *.csv} under an input folder into the store, in parallel across files on
 * Spark, and says what became of each file.
 *
 * <ol>
 *   <li>Hash every file (sha256), in parallel. Content seen before, in the store or earlier in this
 *       input (by path order), is not read again: a second copy is a {@code duplicate_file}.</li>
 *   <li>Parse the new files with {@link FileIngestor}, one Spark task per bin of files, and write
 *       accepted and quarantined rows with a single partitioned Parquet write into staging.</li>
 *   <li>Reject files whose submission_id another accepted file already carries (the later by path
 *       loses; content already in the store comes first), then commit the batch.</li>
 * </ol>
 */
public final class Ingest {
  private Ingest() {}

  /** The manifest's file entries, in path order, and what this run added to the store. */
  public record Result(List<FileOutcome> files, long newFiles, long newRowsAccepted, long newRowsQuarantined) {}

  /** A file to hash or parse: full path, path relative to the input folder, size, sha256 once known. */
  record Task(String path, String relative, long bytes, String sha256, String error) implements Serializable {}

  private static final long BIN_BYTES = 64L * 1024 * 1024;

  public static Result run(SparkSession spark, Io io, Store store, Path input, IngestOptions options,
      Progress progress) throws IOException {
    List<Io.Found> found = io.listRecursive(input, ".csv");
    long total = found.stream().mapToLong(Io.Found::bytes).sum();
    progress.step("ingest: %s files (%s) under %s", Progress.count(found.size()), Progress.bytes(total), input);

    List<Store.Commit> commits = store.commits();
    store.removeUncommitted(commits);
    Map<String, FileOutcome> known = new HashMap<>();
    for (Store.Commit c : commits) {
      for (FileOutcome f : c.files()) {
        known.put(f.sha256(), f);
      }
    }

    List<Task> hashed = hash(spark, io, found);
    progress.step("ingest: hashed %s files", Progress.count(hashed.size()));

    Map<String, FileOutcome> outcomes = new LinkedHashMap<>();
    Map<String, String> firstPathOfSha = new HashMap<>();
    List<Task> toParse = new ArrayList<>();
    for (Task t : hashed) {
      if (t.error() != null) {
        outcomes.put(t.relative(), new FileOutcome(t.relative(), "", t.bytes(), FileStatus.REJECTED,
            ReasonCode.UNREADABLE_FILE, t.error(), 0, 0, 0, 0, List.of(), List.of()));
        continue;
      }
      String first = firstPathOfSha.putIfAbsent(t.sha256(), t.relative());
      if (first != null) {
        outcomes.put(t.relative(), duplicate(t, first));
      } else if (known.containsKey(t.sha256())) {
        outcomes.put(t.relative(), known.get(t.sha256()).at(t.relative()));
      } else {
        toParse.add(t);
        outcomes.put(t.relative(), null);
      }
    }
    long seenBefore = hashed.size() - toParse.size();
    progress.step("ingest: %s new files to read, %s already in the store or duplicated",
        Progress.count(toParse.size()), Progress.count(seenBefore));

    long newAccepted = 0;
    long newQuarantined = 0;
    if (!toParse.isEmpty()) {
      long batch = store.nextBatch(commits);
      Path staged = store.staging(batch);
      List<FileOutcome> parsed = parse(spark, io, toParse, options, staged);
      List<FileOutcome> decided = resolveConflicts(parsed, known.values());
      Set<String> excluded = new TreeSet<>();
      for (FileOutcome f : decided) {
        if (f.status() != FileStatus.ACCEPTED && mayHaveStagedRows(f)) {
          excluded.add(f.sha256());
        }
      }
      if (!excluded.isEmpty()) {
        dropFiles(spark, staged, excluded);
      }
      for (FileOutcome f : decided) {
        outcomes.put(f.file(), f);
        newAccepted += f.rowsAccepted();
        newQuarantined += f.rowsQuarantined();
      }
      decided.sort(Comparator.comparing(FileOutcome::file));
      store.commit(Store.Commit.of(batch, decided), staged);
      progress.step("ingest: stored batch %d: %s rows accepted, %s quarantined", batch,
          Progress.count(newAccepted), Progress.count(newQuarantined));
    }
    List<FileOutcome> files = new ArrayList<>(outcomes.values());
    if (files.contains(null)) {
      throw new IllegalStateException("a parsed file has no outcome");
    }
    return new Result(files, toParse.size(), newAccepted, newQuarantined);
  }

  /** A second copy of content seen before: not read again, so it lists no rows and no ids of its own. */
  private static FileOutcome duplicate(Task t, String firstPath) {
    String why = "same content (sha256) as " + firstPath + "; ingested once";
    return new FileOutcome(t.relative(), t.sha256(), t.bytes(), FileStatus.DUPLICATE_FILE, null, why,
        0, 0, 0, 0, List.of(), List.of());
  }

  /**
   * Whether a file that is not accepted may still have rows in staging: it was rejected after rows
   * were streamed (a submission_id conflict), or its read failed part way (then its row count is
   * unknown). A file rejected at its header streamed none, and rewriting the batch for it would
   * cost a Parquet read and write on every run that meets an empty or binary file.
   */
  static boolean mayHaveStagedRows(FileOutcome f) {
    return f.rowsRead() > 0 || f.reasonCode() == ReasonCode.UNREADABLE_FILE;
  }

  /** sha256 of every file, computed on executors; an unreadable file carries its error instead. */
  static List<Task> hash(SparkSession spark, Io io, List<Io.Found> found) {
    if (found.isEmpty()) {
      return List.of();
    }
    List<Task> tasks = new ArrayList<>();
    for (Io.Found f : found) {
      tasks.add(new Task(f.path(), f.relative(), f.bytes(), null, null));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(tasks.size(), jsc.defaultParallelism() * 4));
    List<Task> out = new ArrayList<>(jsc.parallelize(tasks, slices).map(t -> hashOne(io, t)).collect());
    out.sort(Comparator.comparing(Task::relative));
    return out;
  }

  static Task hashOne(Io io, Task t) {
    try (InputStream in = io.open(t.path());
        DigestInputStream d = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
      byte[] buf = new byte[1 << 16];
      long n = 0;
      int r;
      while ((r = d.read(buf)) >= 0) {
        n += r;
      }
      return new Task(t.path(), t.relative(), n, HexFormat.of().formatHex(d.getMessageDigest().digest()), null);
    } catch (IOException | java.security.NoSuchAlgorithmException | RuntimeException e) {
      return new Task(t.path(), t.relative(), t.bytes(), null, "the file could not be read: " + e.getMessage());
    }
  }

  /** Parses the files into staging (one Parquet write) and returns each file's outcome, in path order. */
  static List<FileOutcome> parse(SparkSession spark, Io io, List<Task> files, IngestOptions options, Path staged) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<List<Task>> bins = bins(files, jsc.defaultParallelism());
    CollectionAccumulator<FileOutcome> outcomes = spark.sparkContext().collectionAccumulator("file outcomes");
    Dataset<Row> rows = spark.createDataset(
        jsc.parallelize(bins, bins.size()).flatMap(bin -> new BinRows(io, bin, options, outcomes)).rdd(),
        Encoders.row(Staged.SCHEMA));
    rows.write().mode(SaveMode.Overwrite).partitionBy(Staged.KIND, Cols.INVOICE_MONTH).parquet(staged.toString());
    List<FileOutcome> result = new ArrayList<>(outcomes.value());
    result.sort(Comparator.comparing(FileOutcome::file));
    if (result.size() != files.size()) {
      throw new IllegalStateException("parsed " + files.size() + " files but have " + result.size() + " outcomes");
    }
    return result;
  }

  /**
   * Groups files into bins of about {@link #BIN_BYTES}, at least one per core where there are
   * enough files, largest files first into the lightest bin, so tasks take similar time.
   */
  static List<List<Task>> bins(List<Task> files, int parallelism) {
    long total = files.stream().mapToLong(Task::bytes).sum();
    int n = (int) Math.max(1, Math.min(files.size(), Math.max(parallelism, (total + BIN_BYTES - 1) / BIN_BYTES)));
    List<List<Task>> bins = new ArrayList<>();
    long[] load = new long[n];
    for (int i = 0; i < n; i++) {
      bins.add(new ArrayList<>());
    }
    List<Task> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingLong(Task::bytes).reversed().thenComparing(Task::relative));
    for (Task t : sorted) {
      int best = 0;
      for (int i = 1; i < n; i++) {
        if (load[i] < load[best]) {
          best = i;
        }
      }
      bins.get(best).add(t);
      load[best] += t.bytes();
    }
    bins.removeIf(List::isEmpty);
    return bins;
  }

  /**
   * The outcomes with conflicts decided: a new file is rejected when one of its submission_ids is
   * already carried by an accepted file in the store, or by an accepted new file earlier by path.
   */
  static List<FileOutcome> resolveConflicts(List<FileOutcome> parsed, Iterable<FileOutcome> stored) {
    Map<String, String> owner = new HashMap<>();
    for (FileOutcome f : stored) {
      if (f.status() == FileStatus.ACCEPTED) {
        for (String id : f.submissionIds()) {
          owner.putIfAbsent(id, f.file());
        }
      }
    }
    List<FileOutcome> out = new ArrayList<>();
    for (FileOutcome f : parsed) {
      if (f.status() != FileStatus.ACCEPTED) {
        out.add(f);
        continue;
      }
      String clash = null;
      String clashId = null;
      for (String id : f.submissionIds()) {
        String other = owner.get(id);
        if (other != null) {
          clash = other;
          clashId = id;
          break;
        }
      }
      if (clash != null) {
        out.add(f.with(f.file(), FileStatus.REJECTED, ReasonCode.SUBMISSION_ID_CONFLICT,
            "submission_id " + clashId + " is already carried by " + clash + ", which has different content"));
        continue;
      }
      for (String id : f.submissionIds()) {
        owner.put(id, f.file());
      }
      out.add(f);
    }
    return out;
  }

  /** Rewrites the staged batch without the rows of the given files (rare: conflicts, files that failed mid-read). */
  static void dropFiles(SparkSession spark, Path staged, Set<String> shas) {
    String kept = staged + "-kept";
    Dataset<Row> all = spark.read().schema(Staged.SCHEMA).parquet(Io.forSparkRead(staged));
    all.where(col(Cols.SOURCE_SHA256).isin(shas.toArray()).unary_$bang())
        .write().mode(SaveMode.Overwrite).partitionBy(Staged.KIND, Cols.INVOICE_MONTH).parquet(kept);
    try {
      Io io = Io.of(spark.sparkContext().hadoopConfiguration());
      io.deleteRecursively(staged);
      io.rename(new Path(kept), staged);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Streams the staged rows of a bin of files, one file after another, recording each file's outcome. */
  static final class BinRows implements Iterator<Row> {
    private final Io io;
    private final Iterator<Task> files;
    private final IngestOptions options;
    private final CollectionAccumulator<FileOutcome> outcomes;
    private FileIngestor current;
    private Task task;
    private Row next;

    BinRows(Io io, List<Task> bin, IngestOptions options, CollectionAccumulator<FileOutcome> outcomes) {
      this.io = io;
      this.files = bin.iterator();
      this.options = options;
      this.outcomes = outcomes;
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        if (current == null) {
          if (!files.hasNext()) {
            return false;
          }
          task = files.next();
          try {
            current = new FileIngestor(task.relative(), io.open(task.path()), options);
          } catch (IOException | RuntimeException e) {
            outcomes.add(unreadable(task, e));
            continue;
          }
        }
        try {
          FileIngestor.Outcome o = current.next();
          if (o == null) {
            finishFile(null);
          } else {
            next = toRow(task, o);
          }
        } catch (IOException | RuntimeException e) {
          finishFile(e);
        }
      }
      return true;
    }

    private void finishFile(Exception error) {
      FileOutcome summary;
      if (error != null) {
        summary = unreadable(task, error);
      } else {
        summary = current.summary();
        if (!summary.sha256().equals(task.sha256())) {
          summary = summary.with(summary.file(), FileStatus.REJECTED, ReasonCode.UNREADABLE_FILE,
              "the file changed while it was being read (sha256 differs between two reads); send it again");
        }
      }
      outcomes.add(new FileOutcome(summary.file(), task.sha256(), summary.bytes(), summary.status(),
          summary.reasonCode(), summary.reason(), summary.rowsRead(), summary.rowsAccepted(),
          summary.rowsQuarantined(), summary.blankLines(), summary.submissionIds(), summary.extraColumns()));
      try {
        current.close();
      } catch (IOException ignored) {
        // the outcome is recorded; a failed close changes nothing
      }
      current = null;
    }

    private static FileOutcome unreadable(Task t, Exception e) {
      return new FileOutcome(t.relative(), t.sha256(), t.bytes(), FileStatus.REJECTED, ReasonCode.UNREADABLE_FILE,
          "the file could not be read: " + e.getMessage(), 0, 0, 0, 0, List.of(), List.of());
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row r = next;
      next = null;
      return r;
    }

    private static Row toRow(Task task, FileIngestor.Outcome o) {
      Object[] v = new Object[Staged.WIDTH];
      int lineage = Staged.CHARGES_OFFSET + RowValidator.INVOICE_MONTH_INDEX;
      if (o.accepted()) {
        v[0] = Staged.ACCEPTED;
        Object[] values = o.values();
        System.arraycopy(values, 0, v, Staged.CHARGES_OFFSET, RowValidator.INVOICE_MONTH_INDEX + 1);
      } else {
        v[0] = Staged.QUARANTINED;
        v[lineage] = Staged.NO_MONTH;
        v[Staged.REASON_CODE] = o.code().name();
        v[Staged.REASON] = o.reason();
        v[Staged.RAW] = o.raw();
      }
      v[lineage + 1] = task.relative();
      v[lineage + 2] = task.sha256();
      v[lineage + 3] = o.line();
      v[Staged.LINE] = o.line();
      return RowFactory.create(v);
    }
  }
}
