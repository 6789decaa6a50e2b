package org.fairfee.jobs.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.PausePoint;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * The curated history: accepted charge lines in Parquet, partitioned by invoice month, plus the
 * quarantined rows and the outcome of every file ever ingested.
 *
 * <p>Layout under the store folder:
 * <pre>
 *   charges/batch=000001/invoice_month=2026-01/part-*.parquet   accepted rows of one ingest batch
 *   quarantine/batch=000001/part-*.parquet                       quarantined rows of that batch
 *   _commits/batch-000001.json                                   the batch's file outcomes; written last
 *   _staging/000002/                                             a batch being written
 * </pre>
 * A batch exists only once its commit file does: a run killed half way leaves an uncommitted
 * batch, which readers never see and the next run deletes. That makes each ingest all-or-nothing
 * on any file system that renames atomically (local, HDFS).
 *
 * <p>Integrity (format {@value #FORMAT_VERSION}): a commit records every data file of its batch
 * (path under the store, bytes, sha256), and {@link #verify} checks them before a run reads the
 * store, so a truncated, altered, missing or extra file stops the run with one line naming it
 * rather than giving different numbers. Commits written before the format record no files and are
 * not checked. {@link #clear} empties the store for {@code fairfee run --rebuild}.
 */
public final class Store {
  private static final Pattern COMMIT = Pattern.compile("batch-(\\d{6,})\\.json");
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The store format this version writes: 2 records each batch's data files in its commit. */
  public static final int FORMAT_VERSION = 2;

  /**
   * One committed ingest batch: the outcomes of the files it read and, from format 2, its data files
   * (null in commits written before).
   */
  public record Commit(long batch, List<FileOutcome> files, Integer formatVersion, List<DataFile> dataFiles) {
    /** A batch about to be committed: {@link #commit} records its data files. */
    public static Commit of(long batch, List<FileOutcome> files) {
      return new Commit(batch, files, null, null);
    }
  }

  /** A data file of a batch: its path under the store root, its size and its sha256 (hex). */
  public record DataFile(String path, long bytes, String sha256) {}

  /** A store file that is not as its commit recorded it. */
  public static final class DamagedException extends IOException {
    DamagedException(String message) {
      super(message);
    }
  }

  private final Io io;
  private final Path root;

  public Store(Io io, Path root) {
    this.io = io;
    this.root = root;
  }

  public Path root() {
    return root;
  }

  Path commitsDir() {
    return new Path(root, "_commits");
  }

  Path chargesDir() {
    return new Path(root, "charges");
  }

  Path quarantineDir() {
    return new Path(root, "quarantine");
  }

  public Path staging(long batch) {
    return new Path(new Path(root, "_staging"), batchName(batch));
  }

  static String batchName(long batch) {
    return String.format(java.util.Locale.ROOT, "%06d", batch);
  }

  /** Every committed batch, oldest first. */
  public List<Commit> commits() throws IOException {
    List<Commit> out = new ArrayList<>();
    for (Path p : io.children(commitsDir())) {
      Matcher m = COMMIT.matcher(p.getName());
      if (m.matches()) {
        out.add(JSON.readValue(io.readAll(p), Commit.class));
      }
    }
    out.sort((a, b) -> Long.compare(a.batch(), b.batch()));
    return out;
  }

  public long nextBatch(List<Commit> commits) {
    return commits.isEmpty() ? 1 : commits.get(commits.size() - 1).batch() + 1;
  }

  /** Deletes what a killed run left behind: staging folders and data of batches never committed. */
  public void removeUncommitted(List<Commit> commits) throws IOException {
    Set<String> committed = new HashSet<>();
    for (Commit c : commits) {
      committed.add("batch=" + batchName(c.batch()));
    }
    io.deleteRecursively(new Path(root, "_staging"));
    for (Path dir : List.of(chargesDir(), quarantineDir())) {
      for (Path child : io.children(dir)) {
        if (!committed.contains(child.getName())) {
          io.deleteRecursively(child);
        }
      }
    }
    for (Path p : io.children(commitsDir())) {
      if (p.getName().startsWith(".")) {
        io.deleteRecursively(p); // a commit file that was being written
      }
    }
  }

  /**
   * Moves a staged batch into place and commits it. The staging folder holds the Parquet output
   * of the ingest, partitioned as {@code kind=A/invoice_month=...} (accepted) and {@code kind=Q}
   * (quarantined); either may be missing when a batch has no such rows.
   */
  public void commit(Commit commit, Path staged) throws IOException {
    PausePoint.reach("store-staged");
    String name = "batch=" + batchName(commit.batch());
    Path accepted = new Path(staged, "kind=A");
    if (io.exists(accepted)) {
      io.fs(accepted).mkdirs(chargesDir());
      io.rename(accepted, new Path(chargesDir(), name));
    }
    PausePoint.reach("store-commit");
    Path quarantined = new Path(staged, "kind=Q");
    if (io.exists(quarantined)) {
      io.fs(quarantined).mkdirs(quarantineDir());
      io.rename(quarantined, new Path(quarantineDir(), name));
    }
    Commit recorded = new Commit(commit.batch(), commit.files(), FORMAT_VERSION, dataFiles(commit.batch(), true));
    Path tmp = new Path(commitsDir(), ".batch-" + batchName(commit.batch()) + ".json.tmp");
    io.write(tmp, JSON.writeValueAsBytes(recorded));
    io.rename(tmp, new Path(commitsDir(), "batch-" + batchName(commit.batch()) + ".json"));
    io.deleteRecursively(new Path(root, "_staging"));
  }

  /** Every data file of a batch as it is now, sorted by path; sha256 null unless {@code hash}. */
  private List<DataFile> dataFiles(long batch, boolean hash) throws IOException {
    List<DataFile> out = new ArrayList<>();
    for (Path dir : batchDirs(batch)) {
      if (!io.exists(dir)) {
        continue;
      }
      String prefix = dir.getParent().getName() + "/" + dir.getName() + "/";
      for (Io.Found f : io.listRecursive(dir, "")) {
        out.add(new DataFile(prefix + f.relative(), f.bytes(), hash ? sha256(new Path(f.path())) : null));
      }
    }
    out.sort((a, b) -> a.path().compareTo(b.path()));
    return out;
  }

  private List<Path> batchDirs(long batch) {
    String name = "batch=" + batchName(batch);
    return List.of(new Path(chargesDir(), name), new Path(quarantineDir(), name));
  }

  /**
   * Checks every data file that the commits record: present, the same size and the same sha256, and
   * no other file in a committed batch's folders. Returns how many files were checked.
   *
   * @throws DamagedException naming the first file that is not as recorded
   */
  public int verify(List<Commit> commits) throws IOException {
    int checked = 0;
    for (Commit c : commits) {
      if (c.dataFiles() == null) {
        continue; // written before the store recorded its files
      }
      Map<String, DataFile> recorded = new TreeMap<>();
      for (DataFile f : c.dataFiles()) {
        recorded.put(f.path(), f);
      }
      for (DataFile now : dataFiles(c.batch(), false)) {
        if (!recorded.containsKey(now.path())) {
          throw damaged(now.path(), "is not recorded in the commit of batch " + batchName(c.batch()));
        }
      }
      for (DataFile f : recorded.values()) {
        Path p = new Path(root, f.path());
        if (!io.exists(p)) {
          throw damaged(f.path(), "is missing");
        }
        long bytes = io.fs(p).getFileStatus(p).getLen();
        if (bytes != f.bytes()) {
          throw damaged(f.path(), String.format(java.util.Locale.ROOT, "has %,d bytes where its commit recorded %,d",
              bytes, f.bytes()));
        }
        if (!sha256(p).equals(f.sha256())) {
          throw damaged(f.path(), "has changed since it was written (its sha256 differs from its commit's)");
        }
        checked++;
      }
    }
    return checked;
  }

  private DamagedException damaged(String path, String what) {
    return new DamagedException("the store file " + new Path(root, path) + " " + what
        + "; run the same command with --rebuild to rebuild the store from the input files");
  }

  private String sha256(Path p) throws IOException {
    java.security.MessageDigest md;
    try {
      md = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (java.io.InputStream in = io.fs(p).open(p)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return java.util.HexFormat.of().formatHex(md.digest());
  }

  /**
   * Empties the store (charges, quarantine, commits, staging) for a rebuild from the input files; the
   * store folder and its lock stay.
   */
  public void clear() throws IOException {
    for (Path dir : List.of(chargesDir(), quarantineDir(), commitsDir(), new Path(root, "_staging"))) {
      io.deleteRecursively(dir);
    }
  }

  /** All committed accepted rows, with the columns of {@link Tables#CHARGES}. */
  public Dataset<Row> charges(SparkSession spark, List<Commit> commits) throws IOException {
    List<Path> paths = existing(chargesDir(), commits);
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), SparkSchemas.of(Tables.CHARGES));
    }
    Dataset<Row> df = spark.read().option("basePath", chargesDir().toString())
        .parquet(paths.stream().map(Io::forSparkRead).toArray(String[]::new));
    return df.select(columns(Tables.CHARGES.columnNames()));
  }

  /** Committed quarantined rows: sha256 of their file, line, reason_code, reason, raw. */
  public Dataset<Row> quarantine(SparkSession spark, List<Commit> commits) throws IOException {
    List<Path> paths = existing(quarantineDir(), commits);
    if (paths.isEmpty()) {
      return spark.createDataFrame(List.of(), SparkSchemas.of(Tables.QUARANTINE_STORED));
    }
    // basePath: without it, two batch=... folders make Spark refuse the paths as conflicting partitions.
    Dataset<Row> df = spark.read().option("basePath", quarantineDir().toString())
        .parquet(paths.stream().map(Io::forSparkRead).toArray(String[]::new));
    return df.select(
        df.col(Cols.SOURCE_SHA256).as(Cols.SHA256), df.col(Cols.LINE), df.col(Cols.REASON_CODE),
        df.col(Cols.REASON), df.col(Cols.RAW));
  }

  private List<Path> existing(Path dir, List<Commit> commits) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Commit c : commits) {
      Path p = new Path(dir, "batch=" + batchName(c.batch()));
      if (io.exists(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static org.apache.spark.sql.Column[] columns(List<String> names) {
    return names.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
  }
}
