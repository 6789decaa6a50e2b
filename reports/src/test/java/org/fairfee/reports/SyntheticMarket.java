package org.fairfee.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.RuleCode;

/**
 * Markets of any size made up in memory from a seed, for the size budgets: every band the
 * contract's codes allow, as many price points and flags as asked, with text as long as the
 * pipeline writes it. No Spark and no files; the same seed gives the same records.
 */
final class SyntheticMarket {
  private SyntheticMarket() {}

  static final LocalDate START = Fixture.START;
  static final LocalDate END = Fixture.END;

  /** Every peer group of the contract: category x (each standard and the roll-up) x benchmarked fee x basis. */
  static List<PeerGroup> everyPeerGroup() {
    List<PeerGroup> out = new ArrayList<>();
    for (ProductCategory c : ProductCategory.values()) {
      List<String> standards = new ArrayList<>();
      standards.add(BenchmarkBand.ALL_STANDARDS);
      for (InterfaceStandard s : InterfaceStandard.values()) {
        standards.add(s.name());
      }
      for (String s : standards) {
        for (FeeType f : FeeType.values()) {
          if (f.isFreeByCharter()) {
            continue;
          }
          for (BasisClass b : BasisClass.values()) {
            out.add(new PeerGroup(c.name(), s, f.name(), b.name()));
          }
        }
      }
    }
    return out;
  }

  /** A band for every group: one in suppressEvery is suppressed, the rest published around a typical price. */
  static List<BenchmarkBand> bands(List<PeerGroup> groups, int suppressEvery, Random rnd) {
    List<BenchmarkBand> out = new ArrayList<>();
    int i = 0;
    for (PeerGroup g : groups) {
      long n = 20 + rnd.nextInt(2_000);
      long suppliers = 5 + rnd.nextInt(30);
      long buyers = 10 + rnd.nextInt(900);
      if (++i % suppressEvery == 0) {
        out.add(new BenchmarkBand(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(), n, 3,
            buyers, 0.5, null, null, null, null, null, null, null, null, null, null, null, false,
            i % 2 == 0 ? "FEWER_THAN_5_SUPPLIERS" : "DOMINANT_SUPPLIER", START, END));
        continue;
      }
      double m = typical(g) * Math.exp(rnd.nextGaussian() * 0.3);
      out.add(new BenchmarkBand(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(), n,
          suppliers, buyers, 0.12, p(m * 0.35), p(m * 0.6), p(m), p(m * 1.55), p(m * 2.4), p(m * 1.1), "staff",
          n - 3, p(m / 4000), p(m / 3000), p(m / 2000), true, null, START, END));
    }
    return out;
  }

  /** Twelve months of medians for every roll-up series of the bands; every fifth month suppressed. */
  static List<TrendPoint> trend(List<BenchmarkBand> bands, YearMonth period, Random rnd) {
    List<TrendPoint> out = new ArrayList<>();
    for (BenchmarkBand b : bands) {
      if (!b.isRollUp()) {
        continue;
      }
      double m = typical(b.peerGroup());
      for (int k = 0; k < 12; k++) {
        YearMonth month = period.minusMonths(11 - k);
        boolean published = (k + b.feeType().length()) % 5 != 0;
        out.add(new TrendPoint(month, b.productCategory(), b.feeType(), b.basisClass(), published ? 9 : 3,
            published ? p(m * (0.9 + 0.02 * k + rnd.nextDouble() * 0.05)) : null, published));
      }
    }
    return out;
  }

  static ReportData data(List<BenchmarkBand> bands, List<TrendPoint> trend, List<Flag> flags) {
    DataQuality q = new DataQuality(4_000, 3_990, 6, 4, 10_000_000, 9_990_000, 10_000, 120,
        Map.of("INVALID_DATE", 6_000L, "MISSING_VALUE", 4_000L), Map.of("MISSING_COLUMN", 6L));
    Headline h = new Headline(3_990, 9_990_000, 40, 7_000, new BigDecimal("812345678.90"), RuleTotal.of(flags));
    return new ReportData(Fixture.PERIOD, "0.1.0-size", q, h, Fixture.METHOD, bands, trend);
  }

  /**
   * n price points of one supplier, spread over the given peer groups (standards only, not roll-ups)
   * and up to buyers customers: one price per buyer, interface, fee type and basis class.
   */
  static List<PricePoint> points(String supplier, int n, List<PeerGroup> groups, int buyers, Random rnd) {
    List<PeerGroup> own = groups.stream().filter(g -> !g.isRollUp()).toList();
    List<PricePoint> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      PeerGroup g = own.get(i % own.size());
      int buyer = (i / own.size()) % buyers;
      int iface = (i / own.size()) / buyers;
      double price = typical(g) * Math.exp(rnd.nextGaussian() * 0.5);
      out.add(new PricePoint(supplier, "BUY-" + pad(buyer + 1, 5),
          "IF-" + supplier.substring(4) + "-" + g.productCategory() + "-" + (iface + 1), g.productCategory(),
          g.interfaceStandard(), g.feeType(), g.basisClass(), p(price), 1 + rnd.nextInt(12)));
    }
    return out;
  }

  /** The peer groups a large supplier trades in: a few categories, each standard, every fee and basis. */
  static List<PeerGroup> supplierGroups(int categories) {
    List<String> cats = java.util.Arrays.stream(ProductCategory.values()).limit(categories).map(Enum::name).toList();
    return everyPeerGroup().stream().filter(g -> cats.contains(g.productCategory())).toList();
  }

  /** n flags among the suppliers and buyers, with evidence of the length the flag steps write. */
  static List<Flag> flags(int n, List<String> suppliers, int buyers, Random rnd) {
    RuleCode[] rules = RuleCode.values();
    List<Flag> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RuleCode r = rules[rnd.nextInt(rules.length)];
      String supplier = suppliers.get(rnd.nextInt(suppliers.size()));
      String buyer = "BUY-" + pad(rnd.nextInt(buyers) + 1, 5);
      BigDecimal net = BigDecimal.valueOf(50 + rnd.nextInt(90_000)).add(BigDecimal.valueOf(rnd.nextInt(100), 2));
      BigDecimal stake = r.severity() == org.fairfee.schemas.Severity.INFO ? BigDecimal.ZERO.setScale(2)
          : net.multiply(BigDecimal.valueOf(20 + rnd.nextInt(81), 2)).setScale(2, RoundingMode.HALF_UP);
      String sub = "SUB-" + supplier.substring(4) + "-" + pad(i / 50 + 1, 6);
      boolean p4 = r.name().startsWith("P4");
      boolean related = r.name().startsWith("P5");
      String invoice = "INV-" + supplier.substring(4) + "-" + pad(i + 1, 7);
      out.add(new Flag(sub, i % 50 + 1, supplier, buyer, r.name(), r.severity().value(), net, stake,
          related ? sub : null, related ? Integer.valueOf(i % 50 + 51) : null,
          related ? "Same charge as line " + (i % 50 + 51) + " (invoice " + invoice + ", 2026-04-02): same buyer,"
              + " interface, fee and amount; invoice number re-formatted."
              : p4 ? "Annual licence far above comparable prices for a buyer of this size."
              : "A fee for access to the interface specification.",
          p4 ? p(net.doubleValue() / 3) : null, p4 ? p(net.doubleValue() / 5) : null,
          p4 ? p(net.doubleValue() / 2) : null, p4 ? 2.0 + rnd.nextInt(40) / 10.0 : null,
          p4 ? 3.5 + rnd.nextInt(50) / 10.0 : null, LocalDate.of(2026, 5, 1 + rnd.nextInt(31)), "EPR", "HL7_V2",
          "LICENCE", "IF-" + supplier.substring(4) + "-EPR-" + (1 + rnd.nextInt(40)), invoice));
    }
    return out;
  }

  static List<String> suppliers(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(String.format("SUP-%03d", i));
    }
    return out;
  }

  /** n with leading zeros to width digits; String.format is slow for hundreds of thousands of records. */
  static String pad(int n, int width) {
    String s = Integer.toString(n);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }

  /** A typical price of a peer group: hundreds to tens of thousands, unit prices in pence. */
  static double typical(PeerGroup g) {
    double base = 4_000 + 3_000 * (g.productCategory().length() % 7) + 500 * (g.interfaceStandard().length() % 5);
    return switch (g.basisClass()) {
      case "PER_TRANSACTION" -> base / 200_000;
      case "ONE_OFF" -> base * 1.4;
      default -> base * (g.feeType().equals("SUPPORT") ? 0.22 : 1);
    };
  }

  private static BigDecimal p(double v) {
    return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP);
  }
}
