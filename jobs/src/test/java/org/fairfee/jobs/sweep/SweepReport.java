package org.fairfee.jobs.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.fairfee.jobs.sweep.MarketRun.Finding;
import org.fairfee.jobs.sweep.MarketRun.Result;
import org.fairfee.jobs.sweep.MarketRun.Score;

/** The sweep's results as markdown: per market, the spread, pooled per shape, and why lines were missed or wrongly flagged. */
final class SweepReport {
  private SweepReport() {}

  /** Pooled counts of one family over some markets. */
  static Score pooled(List<Result> results, String family) {
    Score s = new Score(family, 0, 0, 0);
    for (Result r : results) {
      s = s.plus(r.score(family));
    }
    return s;
  }

  /** Results grouped by shape family, in first-seen order. */
  static Map<String, List<Result>> byFamily(List<Result> results) {
    Map<String, List<Result>> m = new LinkedHashMap<>();
    results.forEach(r -> m.computeIfAbsent(r.shape().family(), k -> new ArrayList<>()).add(r));
    return m;
  }

  static String markdown(String title, List<Result> results) {
    StringBuilder sb = new StringBuilder("## ").append(title).append("\n\n");
    sb.append("Cells are precision / recall (TP/FP/FN), at line level over the lines invoiced in the evaluated month. ")
        .append("Medians: published medians compared / mismatched (cells whose n_price_points differs).\n\n");
    sb.append("| market | shape | lines | month's lines | P1 | P2 | P4 | P5 | not scored | medians | s |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.name()).append(" | ").append(r.shape().describe()).append(" | ").append(r.lines())
          .append(" | ").append(r.periodLines());
      for (String f : MarketRun.FAMILIES) {
        sb.append(" | ").append(r.score(f).cell());
      }
      sb.append(" | ").append(r.otherRules().isEmpty() ? "-" : r.otherRules().toString().replaceAll("[{}]", ""))
          .append(" | ").append(r.medians().compared()).append(" / ").append(r.medians().medianMismatches())
          .append(" (").append(r.medians().countMismatches()).append(")")
          .append(String.format(Locale.ROOT, " | %.0f |%n", r.seconds()));
    }
    sb.append("\n### Spread over ").append(results.size()).append(" market(s)\n\n");
    sb.append("| family | precision min / median / max | recall min / median / max | pooled precision | pooled recall | pooled TP/FP/FN |\n");
    sb.append("|---|---|---|---|---|---|\n");
    for (String f : MarketRun.FAMILIES) {
      Score p = pooled(results, f);
      sb.append("| ").append(f).append(" | ").append(spread(results, r -> r.score(f).precision())).append(" | ")
          .append(spread(results, r -> r.score(f).recall())).append(String.format(Locale.ROOT, " | %.3f | %.3f | %d/%d/%d |%n",
              p.precision(), p.recall(), p.tp(), p.fp(), p.fn()));
    }
    int mismatched = results.stream().mapToInt(r -> r.medians().medianMismatches()).sum();
    int compared = results.stream().mapToInt(r -> r.medians().compared()).sum();
    sb.append("\nPublished medians: ").append(compared).append(" compared, ").append(mismatched).append(" mismatched")
        .append(" (markets with a mismatch: ")
        .append(results.stream().filter(r -> r.medians().medianMismatches() > 0).count()).append(")");
    Map<String, Integer> byFee = new TreeMap<>();
    results.forEach(r -> r.medians().byFee().forEach((k, v) -> byFee.merge(k, v, Integer::sum)));
    sb.append(byFee.isEmpty() ? ".\n" : "; mismatched cells by fee type and basis: " + byFee.toString().replaceAll("[{}]", "") + ".\n");
    Map<String, List<Result>> fams = byFamily(results);
    if (fams.size() > 1) {
      sb.append("\n### Pooled per shape\n\n| shape | markets | P1 | P2 | P4 | P5 | median mismatches |\n|---|---|---|---|---|---|---|\n");
      fams.forEach((name, rs) -> {
        sb.append("| ").append(name).append(" | ").append(rs.size());
        for (String f : MarketRun.FAMILIES) {
          sb.append(" | ").append(pooled(rs, f).cell());
        }
        sb.append(" | ").append(rs.stream().mapToInt(r -> r.medians().medianMismatches()).sum()).append(" |\n");
      });
    }
    Map<String, int[]> kinds = new TreeMap<>();
    Map<String, Integer> planted = new TreeMap<>();
    for (Result r : results) {
      r.p4ByKind().forEach((k, v) -> {
        int[] a = kinds.computeIfAbsent(k, x -> new int[2]);
        a[0] += v[0];
        a[1] += v[1];
      });
      r.planted().forEach((k, v) -> planted.merge(k, v, Integer::sum));
    }
    sb.append("\n### P4 recall by planted kind (pooled)\n\n| fee, basis, what was inflated | found | missed | recall |\n|---|---|---|---|\n");
    kinds.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f |%n", k, v[0], v[1],
        (double) v[0] / Math.max(1, v[0] + v[1]))));
    sb.append("\n### False positives and misses by kind of line (pooled)\n\n| family | outcome | kind of line | lines |\n|---|---|---|---|\n");
    Map<String, Integer> byGroup = new TreeMap<>();
    for (Result r : results) {
      for (Finding f : r.findings()) {
        byGroup.merge(f.family() + " | " + f.outcome() + " | " + f.group().replace("|", "/"), 1, Integer::sum);
      }
    }
    byGroup.forEach((k, v) -> sb.append("| ").append(k).append(" | ").append(v).append(" |\n"));
    sb.append("\n### Examples (up to 6 per family and outcome)\n\n");
    Map<String, Integer> shown = new TreeMap<>();
    for (Result r : results) {
      for (Finding f : r.findings()) {
        String k = f.family() + f.outcome();
        if (shown.merge(k, 1, Integer::sum) <= 6) {
          sb.append("- ").append(f.family()).append(' ').append(f.outcome()).append(" (").append(f.market()).append(' ')
              .append(f.key()).append(", flagged: ").append(f.rules().isEmpty() ? "none" : f.rules()).append("): ")
              .append(f.description()).append('\n');
        }
      }
    }
    sb.append("\n### Median mismatches (examples)\n\n");
    for (Result r : results) {
      for (IndependentMedians.Mismatch m : r.medians().examples().subList(0, Math.min(4, r.medians().examples().size()))) {
        sb.append("- ").append(r.name()).append(": ").append(m).append('\n');
      }
    }
    return sb.toString();
  }

  /** Every false positive and miss of every market, and every median mismatch example: the full list behind the tables. */
  static String findings(List<Result> results) {
    StringBuilder sb = new StringBuilder("# Every false positive and miss\n");
    for (Result r : results) {
      sb.append("\n## ").append(r.name()).append(": ").append(r.shape().describe()).append("\n\n");
      for (Finding f : r.findings()) {
        sb.append("- ").append(f.family()).append(' ').append(f.outcome()).append(' ').append(f.key()).append(" [")
            .append(f.rules().isEmpty() ? "not flagged" : f.rules()).append("] ").append(f.description()).append('\n');
      }
      r.medians().examples().forEach(m -> sb.append("- median: ").append(m).append('\n'));
    }
    return sb.toString();
  }

  private static String spread(List<Result> results, ToDoubleFunction<Result> f) {
    double[] v = results.stream().mapToDouble(f).sorted().toArray();
    List<Double> l = new ArrayList<>();
    for (double d : v) {
      l.add(d);
    }
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f", v[0], IndependentMedians.r7(l, 0.5), v[v.length - 1]);
  }
}
