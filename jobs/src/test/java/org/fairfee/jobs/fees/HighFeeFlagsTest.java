package org.fairfee.jobs.fees;

import static org.fairfee.jobs.fees.PointFixtures.PERIOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.jobs.fees.PointFixtures.Point;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The P4 steps on Spark, end to end, on one set of hand-made price points with five peer groups
 * (so the shared session runs few jobs): the lines of the period go through Normalise and Credits.
 *
 * <ul>
 *   <li>EPR / FHIR_UK_CORE / SUPPORT: eleven trusts at 300 x size^0.4, plus a large buyer paying £30,000
 *       (right for 100,000 staff): no flag.
 *   <li>EPR / FHIR_UK_CORE / LICENCE: the same eleven, plus a buyer of 1,000 staff paying £30,000: flagged.
 *   <li>EPR / FHIR_UK_CORE / IMPLEMENTATION, one-off, no sizes: twelve fees and one of £60,000.
 *   <li>EPR / HL7_V2 / SUPPORT, no sizes: twelve annual fees and one of £60,000, billed monthly.
 *   <li>EPR / FHIR_UK_CORE / DEVELOPMENT: six points, one of them wild: too few for any flag.
 * </ul>
 */
class HighFeeFlagsTest extends SparkTestBase {

  static final double[] SIZES = {1200, 1800, 2500, 3200, 4000, 5200, 6500, 8000, 10000, 13000, 16000};
  static final double[] NOISE = {1.05, 0.92, 1.10, 0.97, 1.02, 0.90, 1.08, 0.95, 1.00, 1.12, 0.93};
  /** Sorted, the tenth of thirteen is the R-7 75th percentile exactly: h = 12 x 0.75 + 1 = 10. */
  static final double[] ONE_OFF = {8000, 8500, 9000, 9200, 9500, 9800, 10000, 10200, 10500, 11000, 11500, 12000, 60000};

  static List<Point> points;
  static Dataset<Row> pointsDs;
  static Dataset<Row> linesDs;
  static List<Row> flags;

  static String supplier(int i) {
    return "SUP-" + (char) ('A' + i % 6);
  }

  static Point p(String supplier, String buyer, String standard, String feeType, String basis, Double size, double price) {
    return new Point(supplier, buyer, "IF-" + supplier, feeType, basis, "EPR", standard, "ACUTE_TRUST", size,
        PointFixtures.money(price));
  }

  static List<Point> sizedGroup(String feeType, String prefix) {
    List<Point> g = new ArrayList<>();
    for (int i = 0; i < SIZES.length; i++) {
      g.add(p(supplier(i), String.format("%s-%02d", prefix, i + 1), "FHIR_UK_CORE", feeType, "RECURRING", SIZES[i],
          Math.round(300 * Math.pow(SIZES[i], 0.4) * NOISE[i])));
    }
    return g;
  }

  @BeforeAll
  static void run() {
    points = new ArrayList<>(sizedGroup("SUPPORT", "SUP"));
    points.add(p("SUP-F", "SUP-LARGE", "FHIR_UK_CORE", "SUPPORT", "RECURRING", 100_000.0, 30_000));
    points.addAll(sizedGroup("LICENCE", "LIC"));
    points.add(p("SUP-F", "LIC-SMALL", "FHIR_UK_CORE", "LICENCE", "RECURRING", 1_000.0, 30_000));
    for (int i = 0; i < ONE_OFF.length; i++) {
      points.add(p(supplier(i), String.format("IMP-%02d", i + 1), "FHIR_UK_CORE", "IMPLEMENTATION", "ONE_OFF", null,
          ONE_OFF[i]));
    }
    List<Point> development = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      development.add(p(supplier(i), "DEV-" + i, "FHIR_UK_CORE", "DEVELOPMENT", "ONE_OFF", null, i == 5 ? 500_000 : 20_000));
    }
    points.addAll(development);
    String body = PointFixtures.periodLines("S-1", points);
    for (int i = 0; i < ONE_OFF.length; i++) {
      points.add(p(supplier(i), String.format("HL7-%02d", i + 1), "HL7_V2", "SUPPORT", "RECURRING", null, 12 * ONE_OFF[i] / 10));
    }
    Point monthly = points.get(points.size() - 1); // £60,000 a year: £5,000 a month
    body += PointFixtures.line("S-2", 1, monthly, "MONTHLY", "5000.00", "INV-M10", PERIOD + "-01", null)
        + PointFixtures.line("S-2", 2, monthly, "MONTHLY", "5000.00", "INV-M09", "2026-09-01", null)
        + PointFixtures.line("S-2", 3, monthly, "MONTHLY", "5000.00", "INV-M10B", PERIOD + "-20", null)
        + PointFixtures.line("S-2", 4, monthly, "MONTHLY", "-5000.00", "CN-1", PERIOD + "-25", "INV-M10B");
    pointsDs = PointFixtures.points(shared(), points);
    linesDs = PointFixtures.lines(shared(), body);
    Dataset<Row> out = FlagFees.apply(pointsDs, linesDs, PointFixtures.noCopies(shared()),
        PERIOD, FeeOptions.defaults()).orderBy(org.apache.spark.sql.functions.col(Cols.SUBMISSION_ID),
        org.apache.spark.sql.functions.col(Cols.LINE_NO), org.apache.spark.sql.functions.col(Cols.RULE));
    assertEquals(SparkSchemas.of(Tables.FLAGS), out.schema());
    flags = out.collectAsList();
  }

  static Row flagOf(String buyer) {
    List<Row> hit = flags.stream().filter(r -> buyer.equals(r.getAs(Cols.BUYER_REF))).toList();
    assertEquals(1, hit.size(), buyer + " in " + flags);
    return hit.get(0);
  }

  @Test
  void onlyTheOverpricedLinesOfThePeriodAreFlaggedInOrder() {
    // not the large buyer, not the six-point group, not September, not a credited copy or its credit note
    List<String> keys = flags.stream().map(r -> r.getAs(Cols.SUBMISSION_ID) + "/" + r.getAs(Cols.LINE_NO) + "/"
        + r.getAs(Cols.BUYER_REF) + "/" + r.getAs(Cols.RULE)).toList();
    assertEquals(List.of("S-1/24/LIC-SMALL/P4_HIGH_FEE", "S-1/37/IMP-13/P4_HIGH_FEE", "S-2/1/HL7-13/P4_HIGH_FEE"), keys);
  }

  @Test
  void theSameFeeForASmallBuyerIsFlaggedWithTheFittedFeeTheBandAndThePounds() {
    Row f = flagOf("LIC-SMALL");
    // judged against the eleven peers without its own contract: the fit is the same, the yardstick narrower
    assertEquals("annual price £30,000.00 is 6.0 times the £5,015.20 expected for a buyer of 1,000 staff in"
        + " EPR / FHIR_UK_CORE / LICENCE (peers pay £4,744.43 to £5,192.31 for that size);"
        + " robust score 21.4 above the threshold 3.5", f.getAs(Cols.EVIDENCE));
    assertEquals(RuleCode.P4_HIGH_FEE.severity().value(), f.getAs(Cols.SEVERITY));
    BigDecimal high = f.getAs(Cols.BAND_HIGH_GBP);
    assertEquals("5192.31", high.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
    // one annual line: the whole excess over the top of the band
    assertEquals(new BigDecimal("30000.00"), f.getAs(Cols.NET_GBP));
    assertEquals(new BigDecimal("30000").subtract(high).setScale(2, java.math.RoundingMode.HALF_UP),
        f.getAs(Cols.AMOUNT_AT_STAKE_GBP));
    assertEquals("IF-SUP-F", f.getAs(Cols.INTERFACE_REF));
    assertNull(f.getAs(Cols.RELATED_SUBMISSION_ID));
  }

  @Test
  void aOneOffLineCarriesItsExcessOverTheBandsSeventyFifthPercentile() {
    Row f = flagOf("IMP-13");
    // the twelve other fees (own contract left out), R-7 on the log scale: median sqrt(9,800 x 10,000),
    // p25 9,000 x (9,200 / 9,000)^0.75, p75 10,500 x (11,000 / 10,500)^0.25
    assertEquals(new BigDecimal("9899.4949"), f.getAs(Cols.EXPECTED_FEE_GBP));
    assertEquals(new BigDecimal("9149.5871"), f.getAs(Cols.BAND_LOW_GBP));
    assertEquals(new BigDecimal("10622.8279"), f.getAs(Cols.BAND_HIGH_GBP));
    assertEquals(new BigDecimal("49377.17"), f.getAs(Cols.AMOUNT_AT_STAKE_GBP), "60,000 - 10,622.83");
    assertTrue(f.<String>getAs(Cols.EVIDENCE).startsWith("one-off price £60,000.00 is 6.1 times the £9,899.49 median"
        + " in EPR / FHIR_UK_CORE / IMPLEMENTATION (peers pay £9,149.59 to £10,622.83), not adjusted for size because"
        + " the buyer's size is missing; robust score "), f.<String>getAs(Cols.EVIDENCE));
  }

  @Test
  void aMonthlyLineCarriesItsShareOfTheAnnualExcess() {
    Row f = flagOf("HL7-13");
    // the line itself, annualised: 12 x 5,000 = £60,000 a year (its contract's price point is £72,000).
    // Band top without its own contract: the twelve others at 12 x 1,000 x (8..12) / 10, R-7 p75 on the
    // log scale 12,600 x (13,200 / 12,600)^0.25 = £12,747.39; annual excess 47,252.61; this line is
    // 5,000 of the 60,000 a year, so 47,252.61 x 5,000 / 60,000 = £3,937.72
    assertEquals(new BigDecimal("12747.3935"), f.getAs(Cols.BAND_HIGH_GBP));
    assertEquals(new BigDecimal("5000.00"), f.getAs(Cols.NET_GBP));
    assertEquals(new BigDecimal("3937.72"), f.getAs(Cols.AMOUNT_AT_STAKE_GBP));
  }

  @Test
  void theGroupReportSaysHowEachGroupWasTreated() {
    List<Row> report = FlagFees.groups(FlagFees.assess(pointsDs, linesDs, PointFixtures.noCopies(shared()), PERIOD,
        FeeOptions.defaults()));
    assertEquals(SparkSchemas.of(Tables.FEE_PEER_GROUPS), report.get(0).schema());
    List<String> rows = report.stream().map(r -> String.join(" ", r.<String>getAs(Cols.INTERFACE_STANDARD),
        r.getAs(Cols.FEE_TYPE), String.valueOf(r.<Long>getAs(Cols.N_PRICE_POINTS)),
        String.valueOf(r.<Long>getAs(Cols.N_SUPPLIERS)), String.valueOf(r.<Long>getAs(Cols.N_SIZED_PRICE_POINTS)),
        r.getAs(Cols.STATUS), String.valueOf(r.<String>getAs(Cols.METHOD)), String.valueOf(r.<Double>getAs(Cols.SLOPE))))
        .toList();
    assertEquals(List.of(
        "FHIR_UK_CORE DEVELOPMENT 6 6 0 TOO_FEW_PRICE_POINTS null null",
        "FHIR_UK_CORE IMPLEMENTATION 13 6 0 ASSESSED UNADJUSTED null",
        "FHIR_UK_CORE LICENCE 12 6 12 ASSESSED SIZE_ADJUSTED 0.374915",
        "FHIR_UK_CORE SUPPORT 12 6 12 ASSESSED SIZE_ADJUSTED " + slopeOfSupport(),
        "HL7_V2 SUPPORT 13 6 0 ASSESSED UNADJUSTED null"), rows);
  }

  /** The SUPPORT group's slope, from the plain-Java method (the Spark step must agree with it). */
  static String slopeOfSupport() {
    List<PricePoint> pts = new ArrayList<>();
    for (Point p : points) {
      if (p.feeType().equals("SUPPORT") && p.standard().equals("FHIR_UK_CORE")) {
        pts.add(new PricePoint(p.supplier(), p.buyer(), p.productKey(), p.buyerType(), p.size(), p.price()));
      }
    }
    double slope = PeerGroupAssessment.assess(new PeerGroup("EPR", "FHIR_UK_CORE", "SUPPORT", "RECURRING"), pts,
        FeeOptions.defaults()).fits().get(0).slope();
    return String.valueOf(FeeGroups.round(slope, 6));
  }
}
