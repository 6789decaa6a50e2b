package org.fairfee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code bin/fairfee bench --rows N [--seed N] [--data DIR] [--results FILE]}: measures fairfee cold
 * and warm against the DuckDB reference on the same generated files, prints the table and appends
 * it to bench/results/bench.csv. Every run is a child process, JVM start included:
 * <ol>
 *   <li>the floor: one read of every input byte ({@link Floor});</li>
 *   <li>cold: {@code bin/fairfee run} of the last month into an empty output folder and store;</li>
 *   <li>warm: a run of the month before over every month but the last (timed apart), then the last
 *       month's run over all months into the same store: only the new month's files are new;</li>
 *   <li>DuckDB: {@link DuckDbReference} in its own JVM, 2 threads and a 4 GB memory limit by default.</li>
 * </ol>
 * Outputs go to {@code DATA/rows-N-seed-S/runs/}, replaced by each bench. The fairfee runs get the
 * heap of {@code FAIRFEE_HEAP} (default 4g), as bin/fairfee does.
 */
public final class Bench {
  private Bench() {}

  static final String DUCKDB_THREADS = "2";
  static final String DUCKDB_MEMORY = "4GB";

  public static void main(String[] argv) throws Exception {
    Map<String, String> a;
    long rows;
    long seed;
    try {
      a = BenchArgs.parse(argv);
      rows = a.containsKey("help") ? 0 : BenchArgs.number(a, "rows", -1);
      seed = BenchArgs.number(a, "seed", 1);
    } catch (IllegalArgumentException e) {
      System.err.println("fairfee bench: " + e.getMessage() + "\n\n" + BenchArgs.USAGE);
      System.exit(2);
      return;
    }
    if (a.containsKey("help")) {
      System.out.print(BenchArgs.USAGE);
      return;
    }
    Path home = Path.of(System.getProperty("fairfee.home", ".")).toAbsolutePath().normalize();
    Path dataRoot = Path.of(a.getOrDefault("data", home.resolve("bench/data").toString()));
    Path results = Path.of(a.getOrDefault("results", home.resolve("bench/results/bench.csv").toString()));
    System.exit(run(home, dataRoot, results, rows, seed));
  }

  static int run(Path home, Path dataRoot, Path results, long rows, long seed) throws IOException, InterruptedException {
    String date = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    double[] load = loadAverage();
    String commit = commit(home);
    BenchData data = BenchData.prepare(home, dataRoot, rows, seed);
    say("data: %,d rows under %s", data.rows, data.dir);

    Floor.Read floor = Floor.read(data.submissions());
    say("floor: %,d bytes in %,d files read in %.2f s", floor.bytes(), floor.files(), floor.seconds());

    Path runs = data.dir.resolve("runs");
    deleteTree(runs);
    String fairfee = home.resolve("bin/fairfee").toString();
    String period = data.lastMonth();

    ChildRun.Measured cold = ChildRun.run(runCommand(fairfee, data.submissions(), period, runs.resolve("cold"), data),
        Map.of(), runs.resolve("cold.log"));
    say("fairfee cold: %.1f s, peak RSS %,d KiB; %s", cold.seconds(), cold.peakRssKib(),
        sparkWork(runs.resolve("cold").resolve(period).resolve("manifest.json")));

    Path warmOut = runs.resolve("warm");
    ChildRun.Measured prep = ChildRun.run(runCommand(fairfee, data.warmBefore(), data.monthBefore(), warmOut, data),
        Map.of(), runs.resolve("warm-" + data.monthBefore() + ".log"));
    say("fairfee warm, earlier months (%s): %.1f s", data.monthBefore(), prep.seconds());
    ChildRun.Measured warm = ChildRun.run(runCommand(fairfee, data.warmAll(), period, warmOut, data),
        Map.of(), runs.resolve("warm.log"));
    say("fairfee warm, %s: %.1f s, peak RSS %,d KiB; %s", period, warm.seconds(), warm.peakRssKib(),
        sparkWork(warmOut.resolve(period).resolve("manifest.json")));

    List<String> duck = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
        DuckDbReference.class.getName(), data.submissions().toString(), data.config().toString(), period,
        runs.resolve("duckdb").toString(), DUCKDB_THREADS, DUCKDB_MEMORY));
    ChildRun.Measured duckdb = ChildRun.run(duck, Map.of(), runs.resolve("duckdb.log"));
    say("DuckDB: %.1f s, peak RSS %,d KiB", duckdb.seconds(), duckdb.peakRssKib());

    String heap = System.getenv().getOrDefault("FAIRFEE_HEAP", "4g");
    Result r = new Result(date, commit, data.rows, floor.bytes(), floor.files(), seed,
        Runtime.getRuntime().availableProcessors(), heap, load, floor.seconds(), cold.seconds(), cold.peakRssKib(),
        prep.seconds(), warm.seconds(), warm.peakRssKib(), duckdb.seconds(), duckdb.peakRssKib());
    System.out.println();
    System.out.print(ResultTable.table(r));
    ResultTable.append(results, r);
    say("appended to %s; logs and outputs under %s", results, runs);
    return 0;
  }

  private static List<String> runCommand(String fairfee, Path input, String period, Path out, BenchData data) {
    return List.of(fairfee, "run", "--input", input.toString(), "--period", period, "--out", out.toString(),
        "--config", data.config().toString(), "--quiet");
  }

  private static void say(String format, Object... args) {
    System.err.println("bench: " + String.format(java.util.Locale.ROOT, format, args));
  }

  /** The load average (1, 5, 15 minutes) from /proc/loadavg, or -1s where there is none. */
  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split("\\s+");
      return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    } catch (IOException | RuntimeException e) {
      return new double[] {-1, -1, -1};
    }
  }

  /** "N Spark jobs, M shuffle stages" from a run's manifest, or what is missing. */
  static String sparkWork(Path manifest) {
    try {
      String m = Files.readString(manifest, StandardCharsets.UTF_8);
      java.util.regex.Matcher jobs = java.util.regex.Pattern.compile("\"spark_jobs\"\\s*:\\s*(\\d+)").matcher(m);
      java.util.regex.Matcher sh = java.util.regex.Pattern.compile("\"spark_shuffle_stages\"\\s*:\\s*(\\d+)").matcher(m);
      return jobs.find() && sh.find() ? jobs.group(1) + " Spark jobs, " + sh.group(1) + " shuffle stages"
          : "no Spark job count in " + manifest;
    } catch (IOException e) {
      return "no manifest at " + manifest;
    }
  }

  /** The short commit of the project, with "-dirty" when tracked files have changed; "unknown" without git. */
  static String commit(Path home) {
    try {
      String head = output(home, "git", "rev-parse", "--short", "HEAD").trim();
      String changed = output(home, "git", "status", "--porcelain", "--untracked-files=no").trim();
      return head.isEmpty() ? "unknown" : changed.isEmpty() ? head : head + "-dirty";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String output(Path dir, String... command) throws IOException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return p.waitFor() == 0 ? text : "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
