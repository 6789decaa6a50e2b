package org.fairfee.jobs.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.cli.MainTest;

/**
 * One market through the real command line: writes its submissions to a folder, runs
 * {@code run --input DIR --period P --out OUT} in this JVM (on the shared test SparkSession), reads
 * the published flags.csv and benchmarks.csv, and scores them against the market's labels.
 */
public final class MarketRun {
  private MarketRun() {}

  /** The rule families scored, in report order. */
  public static final List<String> FAMILIES = List.of("P1", "P2", "P4", "P5");

  /** Line-level counts of one family. Precision with nothing flagged, and recall with nothing to find, are 1. */
  public record Score(String family, int tp, int fp, int fn) {
    public double precision() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }

    Score plus(Score o) {
      return new Score(family, tp + o.tp, fp + o.fp, fn + o.fn);
    }

    String cell() {
      return String.format(Locale.ROOT, "%.3f / %.3f (%d/%d/%d)", precision(), recall(), tp, fp, fn);
    }
  }

  /**
   * A false positive or a miss, with what kind of line it was.
   *
   * @param outcome FP or FN
   * @param group the line's kind, for counting alike findings together
   */
  public record Finding(String market, String family, String outcome, String key, String rules, String group,
      String description) {}

  /** Everything measured on one market. */
  public record Result(MarketShape shape, int lines, int periodLines, Map<String, Score> scores,
      Map<String, Integer> otherRules, List<Finding> findings, IndependentMedians.Check medians, int quarantined,
      Map<String, Integer> planted, Map<String, int[]> p4ByKind, double seconds) {
    public Score score(String family) {
      return scores.get(family);
    }

    public String name() {
      return shape.family() + "/" + shape.suppliers() + "/s" + shape.seed();
    }
  }

  /** Maps a rule code to the family it is scored under, or null for rules not scored (P3, review-only P5). */
  public static String family(String rule) {
    return switch (rule) {
      case "P1_SPEC_FEE" -> "P1";
      case "P2_COOP_FEE" -> "P2";
      case "P5_DUPLICATE", "P5_OVERLAP", "P5_RECHARGE" -> "P5";
      default -> rule.startsWith("P4_") ? "P4" : null;
    };
  }

  /** Generates, writes, runs and scores one market under {@code work}. */
  public static Result run(MarketShape shape, Path work) {
    long t0 = System.nanoTime();
    IndependentMarket market = IndependentMarket.generate(shape);
    Path dir = work.resolve(shape.family() + "-" + shape.suppliers() + "-s" + shape.seed());
    market.write(dir);
    Path out = dir.resolve("out");
    SparkTestBase.shared();
    MainTest.Result r = MainTest.run("run", "--input", dir.resolve(IndependentMarket.SUBMISSIONS).toString(),
        "--period", shape.period().toString(), "--out", out.toString(), "--quiet");
    if (r.code() != 0) {
      throw new AssertionError("fairfee run failed on " + shape.describe() + ": " + r.err());
    }
    Path month = out.resolve(shape.period().toString());
    List<Map<String, String>> flags = Csv.read(month.resolve("flags.csv"));
    List<Map<String, String>> benchmarks = Csv.read(month.resolve("benchmarks.csv"));
    int quarantined = Csv.read(month.resolve("quarantine.csv")).size();
    return score(market, flags, benchmarks, quarantined, (System.nanoTime() - t0) / 1e9);
  }

  /** Scores flags.csv rows against the labels of the market's lines of the evaluated month. */
  static Result score(IndependentMarket market, List<Map<String, String>> flags, List<Map<String, String>> benchmarks,
      int quarantined, double seconds) {
    String name = market.shape().family() + "/" + market.shape().suppliers() + "/s" + market.shape().seed();
    Map<String, MarketLine> period = new LinkedHashMap<>();
    market.periodLines().forEach(l -> period.put(l.key(), l));
    Map<String, Set<String>> rulesByLine = new TreeMap<>();
    Map<String, Integer> other = new TreeMap<>();
    for (Map<String, String> f : flags) {
      String rule = f.get("rule");
      String key = f.get("submission_id") + "/" + f.get("line_no");
      rulesByLine.computeIfAbsent(key, k -> new TreeSet<>()).add(rule);
      if (family(rule) == null) {
        other.merge(rule, 1, Integer::sum);
      }
    }
    Map<String, Score> scores = new LinkedHashMap<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, int[]> p4ByKind = new TreeMap<>();
    for (String fam : FAMILIES) {
      int tp = 0;
      int fp = 0;
      int fn = 0;
      for (MarketLine l : period.values()) {
        Set<String> rules = rulesByLine.getOrDefault(l.key(), Set.of());
        boolean flagged = rules.stream().anyMatch(r -> fam.equals(family(r)));
        boolean positive = l.families.contains(fam);
        if (positive && fam.equals("P4")) {
          p4ByKind.computeIfAbsent(l.fee + " " + l.basis + ", " + l.kind.replace("P4: planted, ", ""),
              k -> new int[2])[flagged ? 0 : 1]++;
        }
        if (flagged && positive) {
          tp++;
        } else if (flagged) {
          fp++;
          findings.add(new Finding(name, fam, "FP", l.key(), String.join(" ", rules), group(l), l.describe()));
        } else if (positive) {
          fn++;
          findings.add(new Finding(name, fam, "FN", l.key(), String.join(" ", rules), group(l), l.describe()));
        }
      }
      for (Map.Entry<String, Set<String>> e : rulesByLine.entrySet()) {
        if (!period.containsKey(e.getKey()) && e.getValue().stream().anyMatch(r -> fam.equals(family(r)))) {
          fp++;
          findings.add(new Finding(name, fam, "FP", e.getKey(), String.join(" ", e.getValue()),
              "not a line of the month in the market", "flagged line is not a line of the evaluated month"));
        }
      }
      scores.put(fam, new Score(fam, tp, fp, fn));
    }
    IndependentMedians.Check check = IndependentMedians.check(market, benchmarks);
    return new Result(market.shape(), market.lines().size(), period.size(), scores, other, findings, check,
        quarantined, market.plantedOutliers(), p4ByKind, seconds);
  }

  /** The kind of line, for counting findings together: fee type, basis and kind, and whether the buyer is large. */
  static String group(MarketLine l) {
    return l.fee + " " + l.basis + ": " + l.kind + (l.largeBuyer ? " [large buyer]" : "");
  }

}
