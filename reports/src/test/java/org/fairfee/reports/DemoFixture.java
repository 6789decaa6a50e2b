package org.fairfee.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;

/**
 * A realistic month made up from a seed: dozens of suppliers and buyers, price points that scale
 * with the buyer's size, bands computed with R-7 percentiles under the disclosure rule (at least
 * five suppliers, none above a quarter of the price points), a year of medians and a spread of
 * flags. The same seed always gives the same records. For the demo, leak and browser tests.
 */
final class DemoFixture {
  private DemoFixture() {}

  private static final String[] CATEGORIES = {"EPR", "PAS", "GP_CLINICAL", "LIMS", "RIS_PACS", "PHARMACY",
      "MATERNITY", "INTEGRATION_ENGINE"};

  /** Typical annual licence per category, in pounds, for a buyer of 5,000 staff. */
  private static final Map<String, Double> BASE = Map.of("EPR", 60_000.0, "PAS", 30_000.0, "GP_CLINICAL", 9_000.0,
      "LIMS", 22_000.0, "RIS_PACS", 35_000.0, "PHARMACY", 12_000.0, "MATERNITY", 15_000.0,
      "INTEGRATION_ENGINE", 18_000.0);

  private record Line(PricePoint point, double size) {}

  static Fixture build(long seed, int suppliers, int buyers) {
    Random rnd = new Random(seed);
    double[] buyerSize = new double[buyers];
    for (int b = 0; b < buyers; b++) {
      buyerSize[b] = Math.round(Math.exp(7 + rnd.nextDouble() * 3.2));
    }
    List<Line> lines = new ArrayList<>();
    for (int s = 0; s < suppliers; s++) {
      String supplier = String.format("SUP-%03d", s + 1);
      double factor = Math.exp(rnd.nextGaussian() * 0.25);
      int nCats = 2 + rnd.nextInt(2);
      for (int c = 0; c < nCats; c++) {
        String cat = CATEGORIES[(s + c * 3) % CATEGORIES.length];
        if (rnd.nextDouble() < 0.3 && !cat.equals("EPR")) {
          cat = "EPR";
        }
        double pick = rnd.nextDouble();
        String std = cat.equals("RIS_PACS") && pick < 0.5 ? "DICOM" : cat.equals("GP_CLINICAL") && pick < 0.5 ? "IM1"
            : pick < 0.48 ? "FHIR_R4" : pick < 0.88 ? "HL7_V2" : pick < 0.94 ? "FHIR_UK_CORE" : "PROPRIETARY";
        String iface = "IF-" + supplier.substring(4) + "-" + (c + 1);
        int customers = 3 + rnd.nextInt(6);
        for (int k = 0; k < customers; k++) {
          int b = rnd.nextInt(buyers);
          String buyer = String.format("BUY-%03d", b + 1);
          double scale = Math.pow(buyerSize[b] / 5000.0, 0.6);
          double licence = BASE.get(cat) * factor * scale * Math.exp(rnd.nextGaussian() * 0.18);
          lines.add(new Line(point(supplier, buyer, iface, cat, std, "LICENCE", "RECURRING", licence, 2, 12), buyerSize[b]));
          lines.add(new Line(point(supplier, buyer, iface, cat, std, "SUPPORT", "RECURRING",
              licence * (0.15 + rnd.nextDouble() * 0.1), 2, 4), buyerSize[b]));
          if (rnd.nextDouble() < 0.6) {
            lines.add(new Line(point(supplier, buyer, iface, cat, std, "IMPLEMENTATION", "ONE_OFF",
                BASE.get(cat) * factor * Math.exp(rnd.nextGaussian() * 0.9) * 0.8, 2, 1), buyerSize[b]));
          }
          if (cat.equals("INTEGRATION_ENGINE") || cat.equals("GP_CLINICAL")) {
            lines.add(new Line(point(supplier, buyer, iface, cat, std, "TRANSACTION", "PER_TRANSACTION",
                0.04 * factor * Math.exp(rnd.nextGaussian() * 0.3), 4, 3), buyerSize[b]));
          }
        }
      }
    }
    List<PricePoint> points = lines.stream().map(Line::point).distinct().sorted(PricePoint.ORDER).toList();
    Map<String, Double> sizeOf = new HashMap<>();
    for (int b = 0; b < buyers; b++) {
      sizeOf.put(String.format("BUY-%03d", b + 1), buyerSize[b]);
    }
    List<BenchmarkBand> bands = bands(points, sizeOf);
    List<TrendPoint> trend = trend(bands, rnd);
    List<Flag> flags = flags(points, bands, rnd);

    long rows = points.stream().mapToLong(PricePoint::nLines).sum() / 6;
    BigDecimal reviewed = points.stream().map(PricePoint::priceGbp).reduce(BigDecimal.ZERO, BigDecimal::add)
        .divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    Headline headline = new Headline(suppliers + 7, rows, suppliers,
        points.stream().map(PricePoint::buyerRef).distinct().count(), reviewed, RuleTotal.of(flags));
    DataQuality quality = new DataQuality(suppliers + 9, suppliers + 6, 2, 1, rows + 57, rows, 57, 11,
        Map.of("INVALID_DATE", 21L, "MISSING_VALUE", 17L, "INVALID_ENUM", 12L, "CREDIT_WITHOUT_REF", 7L),
        Map.of("MISSING_COLUMN", 1L, "BINARY_FILE", 1L));
    ReportData data = new ReportData(Fixture.PERIOD, "0.1.0-demo", quality, headline, Fixture.METHOD, bands, trend);
    return new Fixture(data, points, flags);
  }

  private static PricePoint point(String supplier, String buyer, String key, String cat, String std, String fee,
      String basis, double price, int scale, int lines) {
    return new PricePoint(supplier, buyer, key, cat, std, fee, basis,
        BigDecimal.valueOf(price).setScale(scale, RoundingMode.HALF_UP).setScale(4), lines);
  }

  // ---- bands, as the jobs compute them ----

  static List<BenchmarkBand> bands(List<PricePoint> points, Map<String, Double> sizeOf) {
    Map<PeerGroup, List<PricePoint>> groups = new TreeMap<>(PeerGroup.ORDER);
    for (PricePoint p : points) {
      groups.computeIfAbsent(p.peerGroup(), k -> new ArrayList<>()).add(p);
      groups.computeIfAbsent(new PeerGroup(p.productCategory(), BenchmarkBand.ALL_STANDARDS, p.feeType(),
          p.basisClass()), k -> new ArrayList<>()).add(p);
    }
    List<BenchmarkBand> out = new ArrayList<>();
    groups.forEach((g, ps) -> {
      Map<String, Integer> perSupplier = new HashMap<>();
      ps.forEach(p -> perSupplier.merge(p.supplierRef(), 1, Integer::sum));
      double share = perSupplier.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) ps.size();
      long buyers = ps.stream().map(PricePoint::buyerRef).distinct().count();
      String reason = perSupplier.size() < 5 ? "FEWER_THAN_5_SUPPLIERS" : share > 0.25 ? "DOMINANT_SUPPLIER" : null;
      if (reason != null) {
        out.add(new BenchmarkBand(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(), ps.size(),
            perSupplier.size(), buyers, share, null, null, null, null, null, null, null, null, null, null, null,
            false, reason, Fixture.START, Fixture.END));
        return;
      }
      double[] v = ps.stream().mapToDouble(p -> p.priceGbp().doubleValue()).sorted().toArray();
      double[] sa = ps.stream().mapToDouble(p -> p.priceGbp().doubleValue() / sizeOf.get(p.buyerRef())).sorted().toArray();
      boolean sized = !g.basisClass().equals("PER_TRANSACTION");
      out.add(new BenchmarkBand(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(), ps.size(),
          perSupplier.size(), buyers, share, q(v, 0.10), q(v, 0.25), q(v, 0.5), q(v, 0.75), q(v, 0.90),
          money(java.util.Arrays.stream(v).average().orElse(0)), sized ? "staff" : null,
          sized ? (long) sa.length : null, sized ? q(sa, 0.25) : null, sized ? q(sa, 0.5) : null,
          sized ? q(sa, 0.75) : null, true, null, Fixture.START, Fixture.END));
    });
    return out;
  }

  /** The R-7 percentile (linear interpolation between order statistics) of sorted values. */
  static BigDecimal q(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return money(sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]));
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
  }

  // ---- a year of medians of the roll-ups ----

  private static List<TrendPoint> trend(List<BenchmarkBand> bands, Random rnd) {
    List<TrendPoint> out = new ArrayList<>();
    for (BenchmarkBand b : bands) {
      if (!b.isRollUp()) {
        continue;
      }
      double now = b.published() ? b.median().doubleValue() : 0;
      double drift = 0.002 + rnd.nextDouble() * 0.008;
      for (int i = 0; i < 12; i++) {
        YearMonth m = YearMonth.parse(Fixture.PERIOD).minusMonths(11 - i);
        boolean published = b.published() && (i == 11 || rnd.nextDouble() > 0.12);
        BigDecimal median = published
            ? money(now * Math.pow(1 + drift, i - 11) * (i == 11 ? 1 : Math.exp(rnd.nextGaussian() * 0.02)))
            : null;
        out.add(new TrendPoint(m, b.productCategory(), b.feeType(), b.basisClass(),
            published ? b.nSuppliers() : Math.min(b.nSuppliers(), 4), median, published));
      }
    }
    return out;
  }

  // ---- flags of the month ----

  private static List<Flag> flags(List<PricePoint> points, List<BenchmarkBand> bands, Random rnd) {
    Map<PeerGroup, BenchmarkBand> byGroup = new HashMap<>();
    bands.forEach(b -> byGroup.put(b.peerGroup(), b));
    List<Flag> out = new ArrayList<>();
    Map<String, Integer> lineNo = new LinkedHashMap<>();
    Set<String> specCharged = new HashSet<>();
    LocalDate first = YearMonth.parse(Fixture.PERIOD).atDay(1);
    for (PricePoint p : points) {
      String sub = "SUB-" + p.supplierRef().substring(4) + "-2605";
      int line = lineNo.merge(sub, 1, Integer::sum);
      LocalDate date = first.plusDays(rnd.nextInt(28));
      String inv = "INV-" + (10_000 + rnd.nextInt(89_999));
      BenchmarkBand band = byGroup.get(p.peerGroup());
      BigDecimal price = p.priceGbp().setScale(2, RoundingMode.HALF_UP);
      if (band != null && band.published() && p.basisClass().equals("RECURRING")
          && p.priceGbp().compareTo(band.p90()) > 0 && rnd.nextDouble() < 0.5) {
        double ratio = p.priceGbp().doubleValue() / band.median().doubleValue();
        out.add(new Flag(sub, line, p.supplierRef(), p.buyerRef(), "P4_HIGH_FEE", "review", price,
            price.subtract(band.p75()).setScale(2, RoundingMode.HALF_UP), null, null,
            "Annualised " + p.feeType().toLowerCase() + " of " + Fmt.gbp(price) + " is " + Fmt.times(ratio)
                + " the peer-group median after allowing for the buyer's size.",
            band.median(), band.p25(), band.p75(), ratio, 3.5 + rnd.nextDouble() * 4, date, p.productCategory(),
            p.interfaceStandard(), p.feeType(), p.productKey(), inv));
      }
      double r = rnd.nextDouble();
      if (p.feeType().equals("SUPPORT") && r < 0.06) {
        LocalDate orig = date.minusDays(1 + rnd.nextInt(20));
        out.add(new Flag(sub, line + 1000, p.supplierRef(), p.buyerRef(), "P5_DUPLICATE", "breach",
            price.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP),
            price.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP), sub, line,
            "Same charge as line " + line + " (invoice " + inv + ", " + orig + "): same buyer, interface, fee and"
                + " amount; invoice number re-formatted as " + inv.replace("-", " ") + ".",
            null, null, null, null, null, date, p.productCategory(), p.interfaceStandard(), p.feeType(),
            p.productKey(), inv.replace("-", " ")));
      } else if (p.feeType().equals("SUPPORT") && r < 0.09) {
        out.add(new Flag(sub, line + 2000, p.supplierRef(), p.buyerRef(), "P5_OVERLAP", "breach",
            price.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP),
            price.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP), sub, line,
            "Service period 2026-05-01 to 2026-07-31 overlaps 2026-04-01 to 2026-06-30, already charged.",
            null, null, null, null, null, date, p.productCategory(), p.interfaceStandard(), p.feeType(),
            p.productKey(), inv));
      }
      if (p.interfaceStandard().equals("PROPRIETARY") && p.feeType().equals("LICENCE") && r < 0.5) {
        out.add(new Flag(sub, line, p.supplierRef(), p.buyerRef(), "P3_NON_STANDARD", "info", price,
            BigDecimal.ZERO.setScale(2), null, null,
            "Proprietary interface where HL7 v2 and FHIR interfaces are in use for this category.",
            null, null, null, null, null, date, p.productCategory(), p.interfaceStandard(), p.feeType(),
            p.productKey(), inv));
      }
      if (p.feeType().equals("IMPLEMENTATION") && specCharged.size() < 6 && r > 0.93
          && specCharged.add(p.supplierRef())) {
        BigDecimal fee = BigDecimal.valueOf(500 + rnd.nextInt(30) * 100L).setScale(2);
        out.add(new Flag(sub, line + 3000, p.supplierRef(), p.buyerRef(),
            specCharged.size() % 3 == 0 ? "P2_COOP_FEE" : "P1_SPEC_FEE", "breach", fee, fee, null, null,
            specCharged.size() % 3 == 0 ? "A fee of " + Fmt.gbp(fee) + " for co-operating with another supplier's"
                + " interface work." : "A fee of " + Fmt.gbp(fee) + " for access to the interface specification.",
            null, null, null, null, null, date, p.productCategory(), p.interfaceStandard(),
            specCharged.size() % 3 == 0 ? "COOPERATION" : "SPECIFICATION_ACCESS", p.productKey(), inv));
      }
    }
    out.sort(Comparator.comparing(Flag::submissionId).thenComparingInt(Flag::lineNo).thenComparing(Flag::rule));
    return out;
  }
}
