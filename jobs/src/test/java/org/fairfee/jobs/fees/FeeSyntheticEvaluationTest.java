package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.jobs.fees.PointFixtures.Point;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

/**
 * The done-when of issue 6, measured: on a labelled synthetic market (see {@link SyntheticMarket})
 * the P4 flags reach precision >= 0.90 and recall >= 0.85 on the period's lines.
 */
class FeeSyntheticEvaluationTest extends SparkTestBase {

  @Test
  void precisionAndRecallOnThePeriodsLines() {
    SyntheticMarket market = new SyntheticMarket(6, 40);
    List<Row> flags = FlagFees.apply(PointFixtures.points(spark, market.pricePoints()),
        PointFixtures.lines(spark, market.periodLines("S-SYN")), PointFixtures.noCopies(spark), PointFixtures.PERIOD,
        FeeOptions.defaults())
        .collectAsList();
    Set<Integer> lines = new HashSet<>();
    flags.forEach(r -> lines.add(r.<Integer>getAs(Cols.LINE_NO)));
    SyntheticMarket.Measure m = market.measure(lines);
    System.out.println("P4 on the synthetic market, seed 6, period lines: " + m);
    assertTrue(m.positives() >= 30, m.toString());
    assertTrue(m.precision() >= 0.90, m.toString());
    assertTrue(m.recall() >= 0.85, m.toString());
    assertEquals(lines, pointLevel(market, 6), "Spark and the plain-Java method agree");
  }

  /** Not a lucky seed: the plain-Java method (no Spark, milliseconds) over twenty markets. */
  @Test
  void theMethodHoldsUpOverTwentyMarkets() {
    int flagged = 0;
    int tp = 0;
    int positives = 0;
    int large = 0;
    int largeBuyers = 0;
    double worstPrecision = 1;
    double worstRecall = 1;
    for (long seed = 101; seed <= 120; seed++) {
      SyntheticMarket market = new SyntheticMarket(seed, 40);
      SyntheticMarket.Measure m = market.measure(pointLevel(market, seed));
      flagged += m.flagged();
      tp += m.truePositives();
      positives += m.positives();
      large += m.largeBuyersFlagged();
      largeBuyers += m.largeBuyers();
      worstPrecision = Math.min(worstPrecision, m.precision());
      worstRecall = Math.min(worstRecall, m.recall());
    }
    SyntheticMarket.Measure all = new SyntheticMarket.Measure(flagged, tp, positives, large, largeBuyers);
    System.out.printf(java.util.Locale.ROOT, "P4 over 20 synthetic markets: %s; worst precision %.3f, worst recall %.3f%n",
        all, worstPrecision, worstRecall);
    assertTrue(all.precision() >= 0.90, all.toString());
    assertTrue(all.recall() >= 0.85, all.toString());
    // the hard negatives: large buyers paying the right fee for their size are rarely flagged (the
    // few that are sit in groups whose other buyers span too narrow a range of sizes to fix a slope)
    assertTrue(all.largeBuyersFlagged() <= 0.03 * all.largeBuyers(), all.toString());
  }

  /**
   * The flagged line numbers by the plain-Java method, group by group: each point's one line of the
   * period (its whole price) judged against its group's model, as the Spark step judges lines.
   */
  static Set<Integer> pointLevel(SyntheticMarket market, long seed) {
    Map<PeerGroup, List<PricePoint>> groups = new HashMap<>();
    Map<String, Integer> lineOf = new HashMap<>();
    for (SyntheticMarket.Labelled l : market.points) {
      Point p = l.point();
      groups.computeIfAbsent(new PeerGroup(p.category(), p.standard(), p.feeType(), p.basisClass()), k -> new ArrayList<>())
          .add(new PricePoint(p.supplier(), p.buyer(), p.productKey(), p.buyerType(), p.size(), p.price()));
      lineOf.put(p.buyer() + "/" + p.productKey(), l.lineNo());
    }
    Set<Integer> flagged = new HashSet<>();
    groups.forEach((g, pts) -> {
      PeerGroupAssessment.Model model = PeerGroupAssessment.model(g, pts, FeeOptions.defaults());
      pts.stream().flatMap(p -> model.judgeLine(p).stream())
          .filter(PeerGroupAssessment.PointScore::flagged)
          .forEach(s -> flagged.add(lineOf.get(s.point().buyerRef() + "/" + s.point().productKey())));
    });
    return flagged;
  }
}
