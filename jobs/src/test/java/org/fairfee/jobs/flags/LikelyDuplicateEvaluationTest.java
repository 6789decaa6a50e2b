package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.flags.RebillMarket.Kind;
import org.fairfee.jobs.flags.RebillMarket.Shape;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.junit.jupiter.api.Test;

/**
 * P5_LIKELY_DUPLICATE measured on labelled markets that {@link RebillMarket} builds from its own
 * seeded random (not fairfee's generator), through the real validator, normalisation, credit
 * netting and {@link CharterFlags#detect}. A likely duplicate counts as found only when it is
 * flagged naming the labelled original. Prints one row per market and the pooled totals.
 *
 * <p>{@code -Dlikely.seeds=N} measures N seeds per shape instead of two (for the numbers in
 * docs/methodology-flags.md).
 */
class LikelyDuplicateEvaluationTest extends SparkTestBase {

  private static final List<Shape> SHAPES = List.of(
      new Shape(3, 4, 12, 30),
      new Shape(5, 4, 15, 60),
      new Shape(8, 3, 12, 90));

  /** Counts of one market or of all: found, flagged and labelled lines per rule, hard negatives flagged. */
  private static final class Tally {
    int likelyTruth;
    int likelyFlagged;
    int likelyFound;
    int dupTruth;
    int dupFlagged;
    int dupFound;
    int negatives;
    int negativesFlagged;
    final Map<Kind, int[]> byKind = new EnumMap<>(Kind.class);

    void add(Tally t) {
      likelyTruth += t.likelyTruth;
      likelyFlagged += t.likelyFlagged;
      likelyFound += t.likelyFound;
      dupTruth += t.dupTruth;
      dupFlagged += t.dupFlagged;
      dupFound += t.dupFound;
      negatives += t.negatives;
      negativesFlagged += t.negativesFlagged;
      t.byKind.forEach((k, v) -> {
        int[] mine = byKind.computeIfAbsent(k, x -> new int[2]);
        mine[0] += v[0];
        mine[1] += v[1];
      });
    }

    static double ratio(int a, int b) {
      return b == 0 ? 1 : (double) a / b;
    }

    double likelyPrecision() {
      return ratio(likelyFound, likelyFlagged);
    }

    double likelyRecall() {
      return ratio(likelyFound, likelyTruth);
    }

    double dupPrecision() {
      return ratio(dupFound, dupFlagged);
    }

    double dupRecall() {
      return ratio(dupFound, dupTruth);
    }

    String row(String name) {
      return String.format(Locale.ROOT, "%-52s %6d %6d %6.3f %6.3f %6d %6.3f %6.3f %5d/%d", name, likelyTruth,
          likelyFlagged, likelyPrecision(), likelyRecall(), dupTruth, dupPrecision(), dupRecall(), negativesFlagged,
          negatives);
    }
  }

  /** Every flag of the markets, by "submission_id/line_no", as rule -> related line. */
  private static Map<String, Map<String, String>> flagged(Dataset<Row> flags) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (Row r : flags.select(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.RULE, Cols.RELATED_SUBMISSION_ID,
        Cols.RELATED_LINE_NO).collectAsList()) {
      String related = r.isNullAt(3) ? null : r.getString(3) + "/" + r.getInt(4);
      out.computeIfAbsent(r.getString(0) + "/" + r.getInt(1), k -> new HashMap<>()).put(r.getString(2), related);
    }
    return out;
  }

  private static Tally score(RebillMarket m, Map<String, Map<String, String>> flags) {
    Tally t = new Tally();
    String likely = RuleCode.P5_LIKELY_DUPLICATE.name();
    String dup = RuleCode.P5_DUPLICATE.name();
    for (Map.Entry<String, RebillMarket.Label> e : m.labels.entrySet()) {
      Map<String, String> f = flags.getOrDefault(e.getKey(), Map.of());
      RebillMarket.Label label = e.getValue();
      int[] kind = t.byKind.computeIfAbsent(label.kind(), x -> new int[2]);
      kind[0]++;
      if (f.containsKey(likely) || f.containsKey(dup)) {
        kind[1]++;
      }
      if (label.kind().likely()) {
        t.likelyTruth++;
        if (label.original().equals(f.get(likely))) {
          t.likelyFound++;
        }
      }
      if (f.containsKey(likely)) {
        t.likelyFlagged++;
      }
      if (label.kind() == Kind.DUPLICATE) {
        t.dupTruth++;
        if (label.original().equals(f.get(dup))) {
          t.dupFound++;
        }
      }
      if (f.containsKey(dup)) {
        t.dupFlagged++;
      }
      if (label.kind().negative()) {
        t.negatives++;
        if (!f.isEmpty()) {
          t.negativesFlagged++;
        }
      }
    }
    return t;
  }

  @Test
  void likelyDuplicatesReachPrecisionAndRecallOf90PercentAndDuplicatesStayCertain() {
    int seeds = Integer.getInteger("likely.seeds", 2);
    List<RebillMarket> markets = new ArrayList<>();
    Dataset<Row> charges = null;
    for (Shape shape : SHAPES) {
      for (int s = 0; s < seeds; s++) {
        int n = markets.size();
        RebillMarket m = RebillMarket.build("M" + n, 1_000L * (n + 1) + 18, shape);
        markets.add(m);
        Dataset<Row> c = Fixtures.charges(spark, m.csv);
        charges = charges == null ? c : charges.unionByName(c);
      }
    }
    // All markets in one run: the certain rules once, then P5_LIKELY_DUPLICATE once per window.
    Dataset<Row> lines = Credits.apply(Normalise.apply(charges, Rates.none())).cache();
    int first = SHAPES.get(0).windowDays();
    Dataset<Row> detected = CharterFlags.detect(lines, new FlagOptions(60, 2, first));
    Column isLikely = col(Cols.RULE).equalTo(RuleCode.P5_LIKELY_DUPLICATE.name());
    Map<String, Map<String, String>> certain = flagged(detected.where(not(isLikely)));
    Map<Integer, Map<String, Map<String, String>>> likelyByWindow = new HashMap<>();
    for (Shape shape : SHAPES) {
      int w = shape.windowDays();
      likelyByWindow.computeIfAbsent(w, x -> flagged(w == first ? detected.where(isLikely)
          : FlagLikelyDuplicates.fromLines(lines, detected, new FlagOptions(60, 2, w))));
    }
    detected.unpersist();
    lines.unpersist();

    List<String> table = new ArrayList<>();
    table.add(String.format(Locale.ROOT, "%-52s %6s %6s %6s %6s %6s %6s %6s %s", "market (seed, shape)",
        "likely", "flagd", "prec", "recall", "dup", "prec", "recall", "hard negatives flagged"));
    Tally all = new Tally();
    for (RebillMarket m : markets) {
      Map<String, Map<String, String>> flags = new HashMap<>(certain);
      likelyByWindow.get(m.shape.windowDays()).forEach((line, rules) ->
          flags.merge(line, rules, (a, b) -> {
            Map<String, String> both = new HashMap<>(a);
            both.putAll(b);
            return both;
          }));
      Tally t = score(m, flags);
      table.add(t.row("seed " + m.seed + ", " + m.shape));
      all.add(t);
    }
    table.add(all.row("all markets"));
    Map<Kind, int[]> kinds = new TreeMap<>(all.byKind);
    StringBuilder byKind = new StringBuilder("lines flagged P5_DUPLICATE or P5_LIKELY_DUPLICATE, by kind:");
    kinds.forEach((k, v) -> byKind.append(' ').append(k).append(' ').append(v[1]).append('/').append(v[0]));
    table.add(byKind.toString());
    System.out.println(String.join("\n", table));

    assertTrue(all.likelyTruth >= 100, "enough likely duplicates to measure: " + all.likelyTruth);
    assertTrue(all.dupTruth >= 20, "enough certain duplicates to measure: " + all.dupTruth);
    assertTrue(all.likelyPrecision() >= 0.90, "P5_LIKELY_DUPLICATE precision " + all.likelyPrecision());
    assertTrue(all.likelyRecall() >= 0.90, "P5_LIKELY_DUPLICATE recall " + all.likelyRecall());
    assertTrue(all.dupPrecision() >= 0.99, "P5_DUPLICATE precision " + all.dupPrecision());
    assertEquals(0, all.negativesFlagged, "hard negatives flagged as copies: " + byKind);
  }
}
