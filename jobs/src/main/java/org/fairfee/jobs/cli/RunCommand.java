package org.fairfee.jobs.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.MonthlyJob;
import org.fairfee.jobs.store.Store;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Logs;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.core.PausePoint;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.core.Sessions;
import org.fairfee.jobs.publish.OutputLock;
import org.fairfee.jobs.publish.Publication;

/** {@code fairfee run} and {@code fairfee demo}: the monthly job, locked, logged and published atomically. */
final class RunCommand implements Main.Command {
  private final boolean demo;

  RunCommand(boolean demo) {
    this.demo = demo;
  }

  @Override
  public String summary() {
    return demo ? "run the monthly job on sample-data/ and print where the report is"
        : "ingest submissions and evaluate one month: --input DIR --period YYYY-MM --out DIR";
  }

  private Args args() {
    if (demo) {
      return new Args("demo", List.of(
          Args.value("out", "DIR", "where to write (default: demo-output/ in the project)"),
          Args.value("master", "URL", "Spark master (default local[*])"),
          Args.flag("quiet", "no progress lines")));
    }
    return new Args("run", List.of(
        Args.value("input", "DIR", "folder of submission files; every *.csv under it is read"),
        Args.value("period", "YYYY-MM", "the month to evaluate, against history up to and including it"),
        Args.value("out", "DIR", "output folder; the month goes to OUT/PERIOD/, history to OUT/store/"),
        Args.value("config", "FILE", "JSON settings overriding the defaults (see README)"),
        Args.value("store", "DIR", "the Parquet store of history (default OUT/store)"),
        Args.value("decisions", "PATH", "decisions on flags: a CSV file, or a folder whose *.csv are all read"),
        Args.value("master", "URL", "Spark master (default local[*], or what spark-submit set)"),
        Args.flag("rebuild", "empty the store and rebuild it from the input files (after a damaged store file)"),
        Args.flag("quiet", "no progress lines")));
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = args();
    String name = demo ? "demo" : "run";
    if (!a.parse(argv, 0, false)) {
      out.print("Usage: fairfee " + name + (demo ? " [OPTIONS]" : " --input DIR --period YYYY-MM --out DIR [OPTIONS]")
          + "\n\n" + summary() + ".\n\nOptions:\n" + a.describe());
      return 0;
    }
    Io io = Io.local();
    String inputText;
    String outText;
    String period;
    String configText = null;
    String decisionsText = null;
    if (demo) {
      java.nio.file.Path home = home();
      inputText = home.resolve("sample-data").resolve("submissions").toString();
      outText = a.get("out").orElse(home.resolve("demo-output").toString());
      period = null;
      java.nio.file.Path config = home.resolve("sample-data").resolve("config.json");
      if (Files.exists(config)) {
        configText = config.toString();
      }
    } else {
      inputText = a.require("input");
      outText = a.require("out");
      period = a.require("period");
      configText = a.get("config").orElse(null);
      decisionsText = a.get("decisions").orElse(null);
    }
    if (period != null) {
      checkPeriod(name, period);
    }
    Path input = Io.path(inputText);
    if (!io.isDirectory(input)) {
      throw new UsageException(name, "input folder " + inputText + " does not exist or is not a folder");
    }
    Options options = Options.defaults();
    if (configText != null) {
      Path config = Io.path(configText);
      if (!io.exists(config)) {
        throw new UsageException(name, "config file " + configText + " does not exist");
      }
      try {
        options = Options.fromJson(io.readString(config));
      } catch (IllegalArgumentException e) {
        throw new UsageException(name, "config file " + configText + ": " + e.getMessage());
      }
    }
    Path decisions = null;
    if (decisionsText != null) {
      decisions = Io.path(decisionsText);
      if (!io.exists(decisions)) {
        throw new UsageException(name, "decisions file or folder " + decisionsText + " does not exist");
      }
    }
    Path outDir = Io.path(outText);
    Path store = a.get("store").map(Io::path).orElse(new Path(outDir, "store"));
    try {
      io.fs(outDir).mkdirs(outDir);
    } catch (IOException e) {
      err.println("fairfee " + name + ": cannot create the output folder " + outText + ": " + Failure.plain(e));
      return 1;
    }
    if (!io.isDirectory(outDir)) {
      err.println("fairfee " + name + ": cannot create the output folder " + outText);
      return 1;
    }
    Progress progress = new Progress(err, a.has("quiet"));
    OutputLock lock;
    try {
      lock = OutputLock.acquire(io, outDir);
    } catch (OutputLock.HeldException e) {
      err.println("fairfee " + name + ": " + e.getMessage());
      return 1;
    } catch (IOException e) {
      // a read-only or full output folder: the lock file is the first thing written
      err.println("fairfee " + name + ": cannot write to the output folder " + outText + ": " + Failure.plain(e));
      return 1;
    }
    try (lock; OutputLock storeLock = storeLock(io, store, outDir)) {
      Publication pub;
      try {
        pub = Publication.begin(io, outDir);
      } catch (IOException e) {
        err.println("fairfee " + name + ": cannot write to the output folder " + outText + ": " + Failure.plain(e));
        return 1;
      }
      java.nio.file.Path log = logFile(pub);
      Logs.toFile(log);
      quietLoggingErrors();
      Failure.logFile(log.toString());
      PausePoint.reach("locked");
      if (!demo && a.has("rebuild")) {
        new Store(io, store).clear();
        progress.step("store: emptied %s to rebuild it from the input files (--rebuild)", store);
      }
      return execute(name, new MonthlyJob.Request(input, period, outDir, store, options,
          a.get("master").orElse(null), decisions), io, pub, progress, out, err, log);
    } catch (OutputLock.HeldException e) {
      err.println("fairfee " + name + ": " + e.getMessage());
      return 1;
    }
  }

  /**
   * The store's own lock, so that two runs with different output folders but one --store never
   * ingest into it at once (each would delete the other's uncommitted batch and write the same
   * batch number). Null when the store folder cannot be made: the run then fails with its own message.
   */
  private static OutputLock storeLock(Io io, Path store, Path outDir) throws OutputLock.HeldException {
    if (store.toUri().getPath().replaceAll("/+$", "").equals(outDir.toUri().getPath().replaceAll("/+$", ""))) {
      return null; // the store is the output folder itself, already locked
    }
    try {
      io.mkdirs(store);
      return OutputLock.acquire(io, store);
    } catch (OutputLock.HeldException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * When run.log cannot be written (a full disk), log4j reports each failed write with a stack
   * trace on stderr; the terminal must get one plain line, so its own errors are not shown there.
   */
  private static void quietLoggingErrors() {
    try {
      org.apache.logging.log4j.status.StatusLogger.getLogger().getFallbackListener()
          .setLevel(org.apache.logging.log4j.Level.OFF);
    } catch (LinkageError e) {
      // an older log4j (a cluster's own) without this setting: its messages may still show
    }
  }

  private int execute(String name, MonthlyJob.Request request, Io localIo, Publication pub, Progress progress,
      PrintStream out, PrintStream err, java.nio.file.Path log) throws IOException {
    Instant started = Instant.now();
    SparkSession spark = null;
    // A session that already exists (a test JVM, a notebook) belongs to its creator: do not stop it.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    String period = request.period();
    try {
      progress.step("start: fairfee %s, log %s", name, log);
      spark = Sessions.create(request.master(), "fairfee " + name);
      Io io = Io.of(spark.sparkContext().hadoopConfiguration());
      progress.step("spark: %s, %d cores", spark.sparkContext().master(), spark.sparkContext().defaultParallelism());
      MonthlyJob.Outcome outcome = MonthlyJob.run(spark, io, request, pub, progress, started);
      period = outcome.period();
      copyLog(localIo, pub, log);
      Path published = pub.commit(period);
      progress.step("done: published %s", published);
      Path report = new Path(published, MonthlyJob.REPORT);
      out.println((demo ? "Report: " : "") + ("file".equals(report.toUri().getScheme()) ? report.toUri().getPath() : report));
      return 0;
    } catch (Exception | Error e) {
      Failure.record(e);
      Path failed;
      try {
        copyLog(localIo, pub, log);
        failed = pub.fail(period);
      } catch (IOException moveFailed) {
        failed = pub.staging();
      }
      String where = "file".equals(failed.toUri().getScheme())
          ? new Path(failed, "run.log").toUri().getPath() : log.toString();
      err.println("fairfee " + name + ": run failed: " + Failure.plain(e) + " (details: " + where + ")");
      return 1;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }

  /**
   * A run whose output is not on the local file system logs to a local temporary file (log4j
   * writes local files only); a copy of it so far goes into the publication, or the failed folder.
   */
  private static void copyLog(Io io, Publication pub, java.nio.file.Path log) {
    if ("file".equals(pub.staging().toUri().getScheme())) {
      return; // already there
    }
    try (java.io.InputStream in = Files.newInputStream(log); java.io.OutputStream o = io.create(pub.file("run.log"))) {
      in.transferTo(o);
    } catch (IOException | RuntimeException e) {
      org.apache.logging.log4j.LogManager.getLogger("fairfee").warn("could not copy the log " + log + " to " + pub.staging(), e);
    }
  }

  /** The run's log: inside the staging folder when it is local, so it is published with the month. */
  private static java.nio.file.Path logFile(Publication pub) throws IOException {
    Path staging = pub.staging();
    if ("file".equals(staging.toUri().getScheme())) {
      return java.nio.file.Path.of(staging.toUri()).resolve("run.log");
    }
    return Files.createTempFile("fairfee-run-", ".log");
  }

  static void checkPeriod(String command, String period) {
    if (!period.matches("\\d{4}-\\d{2}")) {
      throw new UsageException(command, "--period must be YYYY-MM (for example 2026-10), was '" + period + "'");
    }
    try {
      YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw new UsageException(command, "--period " + period + " is not a real month");
    }
  }

  /** The project folder: where bin/fairfee lives (set by the launcher), else the working folder. */
  static java.nio.file.Path home() {
    String h = System.getProperty("fairfee.home", System.getenv("FAIRFEE_HOME"));
    return java.nio.file.Path.of(h == null ? "." : h).toAbsolutePath().normalize();
  }
}
