package org.fairfee.jobs.fees;

import static org.fairfee.jobs.fees.PointFixtures.PERIOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.bands.PricePoints;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.jobs.fees.PointFixtures.Point;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * P4 at the charge line, through the real Normalise, Credits and PricePoints: twelve suppliers bill
 * EPR / FHIR_UK_CORE / SUPPORT monthly, January to October, to buyers of no given size.
 *
 * <ul>
 *   <li>JUMP: £1,000 a month for nine months, then £6,000 in October: its price point (the median of
 *       ten annualised lines) is a normal £12,000, yet the October line is judged on its own: P4_HIGH_FEE
 *       and P4_PRICE_RISE.
 *   <li>STEADY (the hard negatives): equal monthly amounts; a contract billed QUARTERLY at £3,000;
 *       a contract whose price rose 80% in October (under the ratio floor of both rules);
 *       the same £6,000 in October charged for another interface's DEVELOPMENT (another peer group,
 *       one-off, in line with its peers).
 * </ul>
 */
class LineJudgementTest extends SparkTestBase {

  static Map<String, List<String>> rulesByBuyer = new TreeMap<>();
  static List<Row> flags;

  static Point support(int i) {
    return new Point("SUP-" + (char) ('A' + i), "BUY-" + i, "IF-" + i, "SUPPORT", "RECURRING", "EPR", "FHIR_UK_CORE",
        "ACUTE_TRUST", null, PointFixtures.money(12_000));
  }

  static Point development(int i) {
    return new Point("SUP-" + (char) ('A' + i), "BUY-" + i, "IF-" + i, "DEVELOPMENT", "ONE_OFF", "EPR", "FHIR_UK_CORE",
        "ACUTE_TRUST", null, PointFixtures.money(6_000));
  }

  @BeforeAll
  static void run() {
    StringBuilder csv = new StringBuilder();
    int line = 1;
    for (int i = 0; i < 12; i++) {
      Point p = support(i);
      double noise = 1 + ((i * 7) % 5 - 2) * 0.02;
      for (int m = 1; m <= 10; m++) {
        String date = String.format("2026-%02d-05", m);
        String basis = "MONTHLY";
        double amount = 1000 * noise;
        if (i == 0 && m == 10) {
          amount = 6000; // JUMP
        } else if (i == 1 && m == 10) {
          amount = 1800 * noise; // up 80%: under the ratio floor of both rules
        } else if (i == 2) {
          if (m % 3 != 1) {
            continue;
          }
          basis = "QUARTERLY";
          amount = 3000;
        }
        csv.append(PointFixtures.line("S-" + i, line++, p, basis, String.format("%.2f", amount), "INV-" + i + "-" + m,
            date, null));
      }
      csv.append(PointFixtures.line("S-" + i, line++, development(i), "ONE_OFF", i == 3 ? "6000.00" : "5800.00",
          "INV-D-" + i, PERIOD + "-12", null));
    }
    Dataset<Row> lines = PointFixtures.lines(shared(), csv.toString());
    Dataset<Row> copies = PointFixtures.noCopies(shared());
    Dataset<Row> points = PricePoints.apply(lines, copies, PERIOD, BandOptions.defaults());
    flags = FlagFees.apply(points, lines, copies, PERIOD, FeeOptions.defaults().withMinimums(10, 5)).collectAsList();
    for (Row f : flags) {
      rulesByBuyer.computeIfAbsent(f.getAs(Cols.BUYER_REF) + " " + f.getAs(Cols.FEE_TYPE), k -> new ArrayList<>())
          .add(f.getAs(Cols.RULE));
    }
    rulesByBuyer.values().forEach(java.util.Collections::sort);
  }

  @Test
  void onlyTheJumpIsFlaggedAndByTheLineNotThePoint() {
    assertEquals(Map.of("BUY-0 SUPPORT", List.of("P4_HIGH_FEE", "P4_PRICE_RISE")), rulesByBuyer, flags.toString());
  }

  @Test
  void theRiseNamesTheEarlierPriceAndThePoundsOfTheRise() {
    Row rise = flags.stream().filter(f -> "P4_PRICE_RISE".equals(f.getAs(Cols.RULE))).findFirst().orElseThrow();
    // nine earlier lines at £1,000 x (1 - 0.04) = £960 a month: £11,520 a year; October £72,000 a year
    assertEquals("annual price £72,000.00 on this line is 6.3 times the £11,520.00 this contract was charged before"
        + " (the median of its 9 earlier lines in the window), a rise of £60,480.00 a year; the rule flags 3 times"
        + " or more", rise.getAs(Cols.EVIDENCE));
    // this month's share of the rise: 6,000 - 960
    assertEquals(new BigDecimal("5040.00"), rise.getAs(Cols.AMOUNT_AT_STAKE_GBP));
    assertEquals(new BigDecimal("11520.0000"), rise.getAs(Cols.EXPECTED_FEE_GBP));
  }

  @Test
  void theHighFeeIsJudgedOnTheMonthsLineAnnualised() {
    Row high = flags.stream().filter(f -> "P4_HIGH_FEE".equals(f.getAs(Cols.RULE))).findFirst().orElseThrow();
    assertTrue(high.<String>getAs(Cols.EVIDENCE).startsWith("annual price £72,000.00 is "), high.toString());
    assertEquals(new BigDecimal("6000.00"), high.getAs(Cols.NET_GBP));
  }
}
