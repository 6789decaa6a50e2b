package org.fairfee.jobs.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.fairfee.jobs.fees.PointFixtures.Point;

/**
 * A labelled synthetic market for measuring the P4 rules. Forty peer groups of 15 to 30 price points
 * from 5 to 8 suppliers; fees follow base x (size / typical size)^0.4 with lognormal noise (sigma 0.2).
 * Labels: about 5% of points are over-priced 4 to 10 times (positives); each group has one or two
 * large buyers (15 to 40 times the typical size) paying the right fee for their size (hard
 * negatives, which an unadjusted comparison would mistake for over-pricing); about 3% of buyers give
 * no size. Every point has one line in the period: monthly or annual for recurring fees, one-off else.
 */
final class SyntheticMarket {

  enum Kind { FAIR, OVERPRICED, LARGE_BUYER }

  record Labelled(Point point, Kind kind, int lineNo, String chargeBasis, BigDecimal lineAmount) {}

  static final String[] CATEGORIES = {"EPR", "PAS", "LIMS", "RIS_PACS", "PHARMACY", "MATERNITY", "GP_CLINICAL",
      "INTEGRATION_ENGINE"};
  static final String[] STANDARDS = {"FHIR_UK_CORE", "HL7_V2", "FHIR_R4", "DICOM", "IM1"};
  static final String[] FEES = {"LICENCE", "SUPPORT", "IMPLEMENTATION"};

  final List<Labelled> points = new ArrayList<>();

  SyntheticMarket(long seed, int groups) {
    Random rnd = new Random(seed);
    int lineNo = 1;
    for (int g = 0; g < groups; g++) {
      String category = CATEGORIES[g % CATEGORIES.length];
      String standard = STANDARDS[(g / CATEGORIES.length) % STANDARDS.length];
      String fee = FEES[g % FEES.length];
      String basis = fee.equals("IMPLEMENTATION") ? "ONE_OFF" : "RECURRING";
      boolean gp = category.equals("GP_CLINICAL");
      double typical = gp ? 8000 : 4000;
      double sdLogSize = gp ? 0.5 : 0.6;
      double base = Math.exp(Math.log(2000) + rnd.nextDouble() * Math.log(25));
      int n = 15 + rnd.nextInt(16);
      int suppliers = 5 + rnd.nextInt(4);
      int large = 1 + rnd.nextInt(2);
      for (int i = 0; i < n; i++) {
        String supplier = String.format(Locale.ROOT, "SUP-%02d", (g * 3 + i % suppliers) % 20);
        String type = gp ? "GP_PRACTICE" : (g % 5 == 0 && i % 5 < 2 ? "MENTAL_HEALTH_TRUST" : "ACUTE_TRUST");
        Kind kind = i < large ? Kind.LARGE_BUYER : Kind.FAIR;
        double size = kind == Kind.LARGE_BUYER ? typical * (15 + 25 * rnd.nextDouble())
            : typical * Math.exp(sdLogSize * rnd.nextGaussian());
        double price = base * Math.pow(size / typical, 0.4) * Math.exp(0.2 * rnd.nextGaussian());
        if (kind == Kind.FAIR && rnd.nextDouble() < 0.05) {
          kind = Kind.OVERPRICED;
          price *= 4 + 6 * rnd.nextDouble();
        }
        Double givenSize = kind != Kind.LARGE_BUYER && rnd.nextDouble() < 0.03 ? null
            : BigDecimal.valueOf(size).setScale(0, RoundingMode.HALF_UP).doubleValue();
        String chargeBasis;
        BigDecimal amount;
        BigDecimal pointPrice;
        if (basis.equals("ONE_OFF")) {
          chargeBasis = "ONE_OFF";
          amount = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
          pointPrice = amount;
        } else if (rnd.nextBoolean()) {
          chargeBasis = "MONTHLY";
          amount = BigDecimal.valueOf(price / 12).setScale(2, RoundingMode.HALF_UP);
          pointPrice = amount.multiply(BigDecimal.valueOf(12));
        } else {
          chargeBasis = "ANNUAL";
          amount = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
          pointPrice = amount;
        }
        Point p = new Point(supplier, String.format(Locale.ROOT, "B-%02d-%02d", g, i), "IF-" + supplier + "-" + g, fee,
            basis, category, standard, type, givenSize, pointPrice);
        points.add(new Labelled(p, kind, lineNo++, chargeBasis, amount));
      }
    }
  }

  List<Point> pricePoints() {
    return points.stream().map(Labelled::point).toList();
  }

  String periodLines(String submission) {
    StringBuilder csv = new StringBuilder();
    for (Labelled l : points) {
      csv.append(PointFixtures.line(submission, l.lineNo(), l.point(), l.chargeBasis(), l.lineAmount().toPlainString(),
          "INV-" + l.lineNo(), PointFixtures.PERIOD + "-10", null));
    }
    return csv.toString();
  }

  /** Precision and recall of a set of flagged line numbers against the labels. */
  record Measure(int flagged, int truePositives, int positives, int largeBuyersFlagged, int largeBuyers) {
    double precision() {
      return flagged == 0 ? 1.0 : (double) truePositives / flagged;
    }

    double recall() {
      return positives == 0 ? 1.0 : (double) truePositives / positives;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "precision %.3f (%d of %d flagged lines), recall %.3f (%d of %d over-priced),"
          + " large buyers flagged %d of %d", precision(), truePositives, flagged, recall(), truePositives, positives,
          largeBuyersFlagged, largeBuyers);
    }
  }

  Measure measure(java.util.Set<Integer> flaggedLines) {
    int tp = 0;
    int positives = 0;
    int large = 0;
    int largeBuyers = 0;
    for (Labelled l : points) {
      boolean positive = l.kind() == Kind.OVERPRICED;
      boolean flagged = flaggedLines.contains(l.lineNo());
      positives += positive ? 1 : 0;
      tp += positive && flagged ? 1 : 0;
      large += l.kind() == Kind.LARGE_BUYER && flagged ? 1 : 0;
      largeBuyers += l.kind() == Kind.LARGE_BUYER ? 1 : 0;
    }
    return new Measure(flaggedLines.size(), tp, positives, large, largeBuyers);
  }
}
