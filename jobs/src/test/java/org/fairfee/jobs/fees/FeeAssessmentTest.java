package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.schemas.RuleCode;
import org.junit.jupiter.api.Test;

/** The P4 method on one peer group, in plain Java: every case of the issue that needs no Spark. */
class FeeAssessmentTest {

  static final FeeOptions DEFAULTS = FeeOptions.defaults();
  static final PeerGroup SUPPORT = new PeerGroup("EPR", "FHIR_UK_CORE", "SUPPORT", "RECURRING");

  static PricePoint pp(String supplier, String buyer, String type, Double size, double price) {
    return new PricePoint(supplier, buyer, "IF-" + supplier, type, size, BigDecimal.valueOf(price).setScale(2, java.math.RoundingMode.HALF_UP));
  }

  static PricePoint trust(String supplier, String buyer, Double size, double price) {
    return pp(supplier, buyer, "ACUTE_TRUST", size, price);
  }

  /** Eleven acute trusts of six suppliers paying 300 x size^0.4 (elasticity 0.4) times a fair spread. */
  static List<PricePoint> base() {
    double[] sizes = {1200, 1800, 2500, 3200, 4000, 5200, 6500, 8000, 10000, 13000, 16000};
    double[] noise = {1.05, 0.92, 1.10, 0.97, 1.02, 0.90, 1.08, 0.95, 1.00, 1.12, 0.93};
    List<PricePoint> points = new ArrayList<>();
    for (int i = 0; i < sizes.length; i++) {
      points.add(trust("SUP-" + (char) ('A' + i % 6), String.format("BUY-%02d", i + 1), sizes[i],
          Math.round(300 * Math.pow(sizes[i], 0.4) * noise[i])));
    }
    return points;
  }

  /** Prices without sizes, suppliers SUP-A.. in turn (six of them). */
  static List<PricePoint> unsized(double... prices) {
    List<PricePoint> points = new ArrayList<>();
    for (int i = 0; i < prices.length; i++) {
      points.add(trust("SUP-" + (char) ('A' + i % 6), String.format("BUY-%02d", i + 1), null, prices[i]));
    }
    return points;
  }

  static List<PricePoint> with(List<PricePoint> points, PricePoint... more) {
    List<PricePoint> all = new ArrayList<>(points);
    all.addAll(List.of(more));
    return all;
  }

  static PeerGroupAssessment.PointScore score(PeerGroupAssessment.Result r, String buyer, RuleCode rule) {
    List<PeerGroupAssessment.PointScore> hit = r.scores().stream()
        .filter(s -> s.point().buyerRef().equals(buyer) && s.rule() == rule).toList();
    assertEquals(1, hit.size(), buyer + " " + rule);
    return hit.get(0);
  }

  static List<PeerGroupAssessment.PointScore> flagged(PeerGroupAssessment.Result r) {
    return r.scores().stream().filter(PeerGroupAssessment.PointScore::flagged).toList();
  }

  @Test
  void aLargeBuyerPayingASizeAppropriateHighFeeIsNotFlagged() {
    // 300 x 100,000^0.4 = 300 x 100 = £30,000: about three times the median fee, and right for its size
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base(), trust("SUP-F", "BUY-LARGE", 100_000.0, 30_000)), DEFAULTS);
    assertEquals(List.of(), flagged(r));
    PeerGroupAssessment.PointScore large = score(r, "BUY-LARGE", RuleCode.P4_HIGH_FEE);
    assertEquals(FitMethod.SIZE_ADJUSTED, large.method());
    assertTrue(large.ratio() < 1.5 && large.score() < 3.5, large.toString());
  }

  @Test
  void theSameFeeForASmallBuyerIsFlaggedAndTheEvidenceSaysWhyInPounds() {
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base(), trust("SUP-F", "BUY-SMALL", 1_000.0, 30_000)), DEFAULTS);
    assertEquals(1, flagged(r).size(), flagged(r).toString());
    PeerGroupAssessment.PointScore small = score(r, "BUY-SMALL", RuleCode.P4_HIGH_FEE);
    assertTrue(small.flagged());
    // Checked independently (Python, R-7 quantiles): Theil-Sen slope 0.374915, intercept 5.931027;
    // fitted fee at 1,000 staff exp(5.931027 + 0.374915 ln 1000) = £5,018.31; residual quartiles give
    // £4,746.40 to £5,359.53; MAD-based modified z 19.88.
    assertEquals("annual price £30,000.00 is 6.0 times the £5,018.31 expected for a buyer of 1,000 staff in"
        + " EPR / FHIR_UK_CORE / SUPPORT (peers pay £4,746.40 to £5,359.53 for that size);"
        + " robust score 19.9 above the threshold 3.5", small.evidence());
    assertEquals(5018.3095, small.expected(), 1e-3);
    assertEquals(5359.5262, small.bandHigh(), 1e-3);
  }

  @Test
  void aGroupOfSixGivesNoFlagAndSaysWhy() {
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base().subList(0, 5), trust("SUP-F", "BUY-X", 1_000.0, 90_000)), DEFAULTS);
    assertEquals(List.of(), r.scores());
    assertEquals(1, r.fits().size());
    PeerGroupAssessment.FitReport f = r.fits().get(0);
    assertEquals(PeerGroupStatus.TOO_FEW_PRICE_POINTS, f.status());
    assertEquals(6, f.nPricePoints());
    assertEquals(6, f.nSuppliers());
    assertNull(f.method());
    assertNull(f.slope());
  }

  @Test
  void twelvePointsFromFourSuppliersGiveNoFlagAndSayWhy() {
    List<PricePoint> four = new ArrayList<>();
    for (PricePoint p : with(base(), trust("SUP-A", "BUY-X", 1_000.0, 90_000))) {
      String s = "SUP-" + (char) ('A' + (p.supplierRef().charAt(4) - 'A') % 4);
      four.add(new PricePoint(s, p.buyerRef(), "IF-" + s, p.buyerType(), p.buyerSize(), p.priceGbp()));
    }
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, four, DEFAULTS);
    assertEquals(List.of(), r.scores());
    assertEquals(PeerGroupStatus.TOO_FEW_SUPPLIERS, r.fits().get(0).status());
    assertEquals(12, r.fits().get(0).nPricePoints());
    assertEquals(4, r.fits().get(0).nSuppliers());
  }

  @Test
  void oneOutlierAmongTwelveCannotHideByInflatingTheSpread() {
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base(), trust("SUP-F", "BUY-X", 5_200.0, 10 * 300 * Math.pow(5_200, 0.4))), DEFAULTS);
    PeerGroupAssessment.PointScore x = score(r, "BUY-X", RuleCode.P4_HIGH_FEE);
    assertTrue(x.flagged() && x.score() > 10, x.toString());
    assertEquals(List.of(x), flagged(r));
  }

  @Test
  void theFittedSlopeOfAFivePointGroupMatchesTheHandCalculation() {
    // the five points of RobustTheilSenTest (pairwise slopes written out there): slope 0.4375,
    // intercept 0.5625 ln 1000; assessed with the minimums lowered to five points and suppliers
    List<PricePoint> five = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      five.add(trust("SUP-" + (char) ('A' + i), "BUY-" + i, RobustTheilSenTest.SIZES[i], RobustTheilSenTest.PRICES[i]));
    }
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, five, DEFAULTS.withMinimums(5, 5));
    PeerGroupAssessment.FitReport f = r.fits().get(0);
    assertEquals(PeerGroupStatus.ASSESSED, f.status());
    assertEquals(FitMethod.SIZE_ADJUSTED, f.method());
    assertEquals(0.4375, f.slope(), 1e-12);
    assertEquals(0.5625 * Math.log(1000), f.intercept(), 1e-12);
    assertEquals(1000.0, score(r, "BUY-0", RuleCode.P4_HIGH_FEE).expected(), 1e-9);
  }

  @Test
  void madZeroFallsBackToTheMeanDeviationAndTheRatioFloorHoldsBackTinyPremiums() {
    // ten buyers pay the same list price: MAD = 0, so the spread is 1.2533 x mean |r - median|
    PeerGroupAssessment.Result a = PeerGroupAssessment.assess(SUPPORT,
        unsized(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 11_000, 30_000),
        DEFAULTS);
    // mean |r| = (ln 1.1 + ln 3) / 12 = 0.099489; z = ln 3 / (1.2533 x 0.099489) = 8.81
    PeerGroupAssessment.PointScore high = score(a, "BUY-12", RuleCode.P4_HIGH_FEE);
    assertEquals(Math.log(3) / (1.2533 * (Math.log(1.1) + Math.log(3)) / 12), high.score(), 1e-9);
    assertTrue(high.flagged());
    assertFalse(score(a, "BUY-11", RuleCode.P4_HIGH_FEE).flagged());

    // a 20% premium over a tight list price scores high, but is not "far above": under fees.minRatio
    PeerGroupAssessment.Result b = PeerGroupAssessment.assess(SUPPORT,
        unsized(10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 12_000),
        DEFAULTS);
    PeerGroupAssessment.PointScore premium = score(b, "BUY-12", RuleCode.P4_HIGH_FEE);
    assertTrue(premium.score() > 3.5, premium.toString());
    assertFalse(premium.flagged());
    assertTrue(premium.evidence().endsWith("above the threshold 3.5, but less than 2 times the expected fee"),
        premium.evidence());

    // all equal: no spread at all, so no evidence
    double[] same = new double[12];
    java.util.Arrays.fill(same, 10_000);
    PeerGroupAssessment.Result c = PeerGroupAssessment.assess(SUPPORT, unsized(same), DEFAULTS);
    assertTrue(c.scores().stream().allMatch(s -> s.score() == 0.0 && !s.flagged()));
  }

  @Test
  void aPointWithoutASizeIsJudgedUnadjustedAndTheEvidenceSaysSo() {
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base(), trust("SUP-F", "BUY-LARGE", 100_000.0, 30_000), trust("SUP-E", "BUY-U", null, 80_000)),
        DEFAULTS);
    PeerGroupAssessment.PointScore u = score(r, "BUY-U", RuleCode.P4_HIGH_FEE);
    assertEquals(FitMethod.UNADJUSTED, u.method());
    assertTrue(u.flagged(), u.toString());
    assertTrue(u.evidence().contains(" median in EPR / FHIR_UK_CORE / SUPPORT (peers pay "), u.evidence());
    assertTrue(u.evidence().contains("), not adjusted for size because the buyer's size is missing; robust score"),
        u.evidence());
    assertEquals(FitMethod.SIZE_ADJUSTED, score(r, "BUY-LARGE", RuleCode.P4_HIGH_FEE).method());
    assertEquals(List.of(u), flagged(r));
  }

  @Test
  void aGroupWithTooFewSizesFallsBackForEveryPointAndReportsIt() {
    List<PricePoint> points = new ArrayList<>();
    for (PricePoint p : base()) {
      boolean keep = p.buyerRef().compareTo("BUY-05") < 0; // four sizes of twelve
      points.add(trust(p.supplierRef(), p.buyerRef(), keep ? p.buyerSize() : null, p.priceGbp().doubleValue()));
    }
    points.add(trust("SUP-F", "BUY-X", null, 90_000));
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, points, DEFAULTS);
    PeerGroupAssessment.FitReport f = r.fits().get(0);
    assertEquals(PeerGroupStatus.ASSESSED, f.status());
    assertEquals(FitMethod.UNADJUSTED, f.method());
    assertEquals(4, f.nSized());
    assertNull(f.slope());
    PeerGroupAssessment.PointScore sized = score(r, "BUY-01", RuleCode.P4_HIGH_FEE);
    assertEquals(FitMethod.UNADJUSTED, sized.method());
    assertTrue(sized.evidence().contains("because too few price points in this peer group give a buyer size"),
        sized.evidence());
    assertTrue(score(r, "BUY-X", RuleCode.P4_HIGH_FEE).flagged());
  }

  @Test
  void aBuyerTypeWithEnoughPointsIsFittedOnItsOwn() {
    List<PricePoint> points = new ArrayList<>(base());
    points.add(trust("SUP-F", "BUY-12", 20_000.0, 300 * Math.pow(20_000, 0.4)));
    // twelve GP practices, sized in registered patients, on their own scale: 40 x patients^0.4
    double[] patients = {3000, 4500, 6000, 7500, 9000, 11000, 13000, 16000, 20000, 25000, 30000, 40000};
    double[] noise = {1.00, 0.95, 1.05, 0.98, 1.02, 0.97, 1.04, 0.96, 1.03, 0.99, 1.01, 1.06};
    for (int i = 0; i < patients.length; i++) {
      points.add(pp("SUP-" + (char) ('A' + i % 5), String.format("GP-%02d", i), "GP_PRACTICE", patients[i],
          Math.round(40 * Math.pow(patients[i], 0.4) * noise[i])));
    }
    points.add(pp("SUP-E", "GP-X", "GP_PRACTICE", 5_000.0, 6 * 40 * Math.pow(5_000, 0.4)));
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, points, DEFAULTS);
    assertEquals(3, r.fits().size(), r.fits().toString());
    assertNull(r.fits().get(0).buyerType());
    assertEquals("ACUTE_TRUST", r.fits().get(1).buyerType());
    assertEquals("GP_PRACTICE", r.fits().get(2).buyerType());
    assertEquals(13, r.fits().get(2).nPricePoints());
    PeerGroupAssessment.PointScore gp = score(r, "GP-X", RuleCode.P4_HIGH_FEE);
    assertTrue(gp.flagged(), gp.toString());
    assertTrue(gp.evidence().contains("expected for a buyer of 5,000 registered patients in"
        + " EPR / FHIR_UK_CORE / SUPPORT among GP_PRACTICE buyers (peers pay "), gp.evidence());
    // SUP-E charges four other buyers too, so it is also far above what SUP-E charges them
    assertEquals(List.of(gp, score(r, "GP-X", RuleCode.P4_PRICE_DISCRIMINATION)), flagged(r));
  }

  @Test
  void aSupplierChargingOneBuyerFarMoreThanItsOthersIsPriceDiscrimination() {
    List<PricePoint> points = new ArrayList<>();
    // SUP-A charges five trusts for IF-SUP-A close to 300 x size^0.4, except BUY-A3 at 2.2 times that
    double[] sizes = {2000, 3000, 4500, 6000, 9000};
    double[] factor = {1.00, 1.02, 0.98, 2.20, 1.01};
    for (int i = 0; i < sizes.length; i++) {
      points.add(trust("SUP-A", "BUY-A" + i, sizes[i], Math.round(300 * Math.pow(sizes[i], 0.4) * factor[i])));
    }
    // five other suppliers, each consistent with its own buyers but at its own level (0.6 to 1.7
    // times), so the market is wide while each supplier's own price list is tight
    double[] level = {0.6, 1.7, 0.8, 1.4, 1.0};
    double[] others = {1500, 2500, 3500, 5000, 7000, 8500, 11000, 14000, 17000, 20000};
    double[] jitter = {1.00, 1.03, 0.98, 1.02, 0.99, 1.01, 0.97, 1.02, 1.00, 0.98};
    for (int i = 0; i < others.length; i++) {
      points.add(trust("SUP-" + (char) ('B' + i % 5), "BUY-O" + i, others[i],
          Math.round(300 * Math.pow(others[i], 0.4) * level[i % 5] * jitter[i])));
    }
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, points, DEFAULTS);
    PeerGroupAssessment.PointScore high = score(r, "BUY-A3", RuleCode.P4_HIGH_FEE);
    assertFalse(high.flagged(), "within the market's wide spread: " + high);
    PeerGroupAssessment.PointScore d = score(r, "BUY-A3", RuleCode.P4_PRICE_DISCRIMINATION);
    assertTrue(d.flagged(), d.toString());
    assertEquals(FitMethod.SIZE_ADJUSTED, d.method());
    assertTrue(d.evidence().contains(" that SUP-A typically charges its 4 other buyers of IF-SUP-A for SUPPORT,"
        + " adjusted to a buyer of 6,000 staff (they pay "), d.evidence());
    assertTrue(d.ratio() > 2.0 && d.ratio() < 2.4, d.toString());
    assertEquals(List.of(d), flagged(r));
    // suppliers with fewer than three other buyers are not compared within themselves
    assertTrue(r.scores().stream().noneMatch(s -> s.rule() == RuleCode.P4_PRICE_DISCRIMINATION
        && !s.point().supplierRef().equals("SUP-A")));
  }

  @Test
  void aBuyerWithoutASizeIsNotComparedWithItsSuppliersSizedBuyers() {
    List<PricePoint> points = new ArrayList<>(base());
    // SUP-A's buyers: BUY-01 and BUY-07 of the base, three more sized, one large, one without a size
    points.add(trust("SUP-A", "BUY-A1", 2_000.0, Math.round(300 * Math.pow(2_000, 0.4))));
    points.add(trust("SUP-A", "BUY-A2", 3_000.0, Math.round(300 * Math.pow(3_000, 0.4))));
    points.add(trust("SUP-A", "BUY-LARGE", 150_000.0, Math.round(300 * Math.pow(150_000, 0.4))));
    points.add(trust("SUP-A", "BUY-U", null, 9_000));
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT, points, DEFAULTS);
    assertEquals(List.of(), flagged(r));
    List<String> compared = r.scores().stream().filter(s -> s.rule() == RuleCode.P4_PRICE_DISCRIMINATION)
        .map(s -> s.point().buyerRef()).toList();
    assertEquals(List.of("BUY-01", "BUY-07", "BUY-A1", "BUY-A2", "BUY-LARGE"), compared);
  }

  @Test
  void freePricePointsAreLeftOutOfTheComparison() {
    PeerGroupAssessment.Result r = PeerGroupAssessment.assess(SUPPORT,
        with(base().subList(0, 9), trust("SUP-F", "BUY-FREE", 4_000.0, 0)), DEFAULTS);
    // nine paid price points and one free one: the free one has no logarithm and does not count
    assertEquals(PeerGroupStatus.TOO_FEW_PRICE_POINTS, r.fits().get(0).status());
    assertEquals(9, r.fits().get(0).nPricePoints());
  }

  @Test
  void theInputOrderDoesNotChangeTheResult() {
    List<PricePoint> points = with(base(), trust("SUP-F", "BUY-SMALL", 1_000.0, 30_000));
    List<PricePoint> reversed = new ArrayList<>(points);
    java.util.Collections.reverse(reversed);
    assertEquals(PeerGroupAssessment.assess(SUPPORT, points, DEFAULTS),
        PeerGroupAssessment.assess(SUPPORT, reversed, DEFAULTS));
  }
}
