package org.fairfee.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The generated input of one size and seed, cached under {@code DATA/rows-N-seed-S/}: made once by
 * {@code bin/fairfee generate} (its summary kept in {@code generate.log}), reused by later benches.
 * Also lays out the two input trees of the warm run, of links to the month folders:
 * {@code warm-input/before} (every month but the last) and {@code warm-input/all}; a file has the
 * same path relative to either tree, as a resubmitted folder would.
 */
final class BenchData {
  static final String SUBMISSIONS = "submissions";
  static final String CONFIG = "config.json";
  static final String GENERATE_LOG = "generate.log";
  private static final Pattern GENERATED = Pattern.compile("generated ([0-9,]+) rows");

  final Path dir;
  final long rows;
  final List<String> months;

  private BenchData(Path dir, long rows, List<String> months) {
    this.dir = dir;
    this.rows = rows;
    this.months = months;
  }

  /** The cached data of {@code rows} and {@code seed}, generated first when missing. */
  static BenchData prepare(Path home, Path dataRoot, long rows, long seed) throws IOException, InterruptedException {
    Path dir = dataRoot.resolve("rows-" + rows + "-seed-" + seed).toAbsolutePath();
    Path log = dir.resolve(GENERATE_LOG);
    // The generator writes config.json last: without it (or the summary) the data is incomplete.
    if (!Files.exists(dir.resolve(CONFIG)) || !Files.exists(log)) {
      Files.createDirectories(dir);
      ChildRun.run(List.of(home.resolve("bin/fairfee").toString(), "generate", "--out", dir.toString(),
          "--seed", Long.toString(seed), "--rows", Long.toString(rows)), Map.of(), log);
    }
    Matcher m = GENERATED.matcher(Files.readString(log, StandardCharsets.UTF_8));
    if (!m.find()) {
      throw new IOException(log + " does not say how many rows were generated; delete " + dir + " to generate again");
    }
    List<String> months;
    try (Stream<Path> s = Files.list(dir.resolve(SUBMISSIONS))) {
      months = s.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{4}-\\d{2}")).sorted().toList();
    }
    if (months.size() < 2) {
      throw new IOException(dir.resolve(SUBMISSIONS) + " holds " + months.size() + " month folders; a warm run needs two");
    }
    return new BenchData(dir, Long.parseLong(m.group(1).replace(",", "")), months);
  }

  Path submissions() {
    return dir.resolve(SUBMISSIONS);
  }

  Path config() {
    return dir.resolve(CONFIG);
  }

  String lastMonth() {
    return months.get(months.size() - 1);
  }

  String monthBefore() {
    return months.get(months.size() - 2);
  }

  /** The warm run's first input: every month folder but the last. */
  Path warmBefore() throws IOException {
    return linkTree("before", months.subList(0, months.size() - 1));
  }

  /** The warm run's second input: every month folder, the last one now added. */
  Path warmAll() throws IOException {
    return linkTree("all", months);
  }

  private Path linkTree(String name, List<String> folders) throws IOException {
    Path tree = dir.resolve("warm-input").resolve(name);
    Files.createDirectories(tree);
    for (String month : folders) {
      Path link = tree.resolve(month);
      if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(link, tree.relativize(submissions().resolve(month)));
      }
    }
    return tree;
  }
}
