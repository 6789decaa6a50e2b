package org.fairfee.jobs.sweep;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Price points and band medians computed from the market's own lines, as docs/methodology.md defines
 * them, with none of fairfee's code: the 12-month window by invoice month; no credit notes, no line
 * credited back in full (a part-credited line counts at what was left to pay), no specification-access
 * or co-operation fee, and no line labelled as charging twice (a copy, an overlap, a development
 * charged again). One price per supplier, buyer, interface (or product and standard), fee type and
 * basis class: the R-7 median of the annualised lines for recurring fees, the sum for one-off fees,
 * the total paid over the total transactions for per-transaction fees. Peer groups are (category,
 * standard, fee type, basis class), with a roll-up across standards ({@code ALL}).
 */
public final class IndependentMedians {
  private IndependentMedians() {}

  /** A benchmark cell: a peer group, or a roll-up when {@code standard} is ALL. */
  public record Cell(String category, String standard, String fee, String basisClass) implements Comparable<Cell> {
    static Cell of(MarketLine l) {
      return new Cell(l.category, l.standard, l.fee, MarketLine.basisClass(l.basis));
    }

    Cell rollUp() {
      return new Cell(category, "ALL", fee, basisClass);
    }

    @Override
    public int compareTo(Cell o) {
      return toString().compareTo(o.toString());
    }

    @Override
    public String toString() {
      return category + "/" + standard + "/" + fee + "/" + basisClass;
    }
  }

  /** One price point: the price and who it is between. */
  public record PricePoint(String key, String supplier, String buyer, Cell cell, double price, boolean sized) {}

  /** How much evidence a peer group holds: price points, distinct suppliers, price points with a size. */
  public record Evidence(int points, int suppliers, int sized) {}

  /** Whether a line is a price of the window, as the methodology defines it (ground truth for P5). */
  static boolean counts(MarketLine l, MarketShape shape, Map<MarketLine, Double> credited) {
    YearMonth m = l.month();
    if (m.isBefore(shape.windowStart()) || m.isAfter(shape.period()) || l.isCredit()) {
      return false;
    }
    if (l.fee.equals("SPECIFICATION_ACCESS") || l.fee.equals("COOPERATION") || l.families.contains("P5")) {
      return false;
    }
    return remaining(l, credited) > 0.005;
  }

  /** Net left to pay on each line that a credit note names. */
  static Map<MarketLine, Double> credited(List<MarketLine> lines, MarketShape shape) {
    Map<MarketLine, Double> c = new IdentityHashMap<>();
    for (MarketLine l : lines) {
      if (l.credits != null && !l.month().isAfter(shape.period())) {
        c.merge(l.credits, -l.contractNet(), Double::sum);
      }
    }
    return c;
  }

  static double remaining(MarketLine l, Map<MarketLine, Double> credited) {
    return l.contractNet() - credited.getOrDefault(l, 0.0);
  }

  /** The window's price points, in a fixed order. */
  public static List<PricePoint> pricePoints(List<MarketLine> lines, MarketShape shape) {
    Map<MarketLine, Double> credited = credited(lines, shape);
    Map<String, List<MarketLine>> byKey = new TreeMap<>();
    for (MarketLine l : lines) {
      if (counts(l, shape, credited)) {
        String product = l.interfaceRef != null ? l.interfaceRef : "(product)";
        byKey.computeIfAbsent(l.supplier + "|" + l.buyer + "|" + product + "|" + Cell.of(l), k -> new ArrayList<>()).add(l);
      }
    }
    Map<String, Boolean> sizeKnown = new TreeMap<>();
    lines.forEach(l -> sizeKnown.putIfAbsent(l.buyer, l.size != null)); // a buyer reports its size on every line, or never
    List<PricePoint> out = new ArrayList<>();
    for (Map.Entry<String, List<MarketLine>> e : byKey.entrySet()) {
      List<MarketLine> ls = e.getValue();
      MarketLine first = ls.get(0);
      Cell cell = Cell.of(first);
      double price;
      switch (cell.basisClass()) {
        case "RECURRING" -> {
          List<Double> annual = new ArrayList<>();
          ls.forEach(l -> annual.add(remaining(l, credited) * MarketLine.annualFactor(l.basis)));
          price = r7(annual, 0.5);
        }
        case "ONE_OFF" -> price = ls.stream().mapToDouble(l -> remaining(l, credited)).sum();
        default -> {
          double paid = ls.stream().mapToDouble(l -> remaining(l, credited)).sum();
          double n = ls.stream().mapToDouble(l -> l.quantity).sum();
          price = paid / n;
        }
      }
      out.add(new PricePoint(e.getKey(), first.supplier, first.buyer, cell, price, sizeKnown.get(first.buyer)));
    }
    return out;
  }

  /** The prices of each peer group and each roll-up. */
  public static Map<Cell, List<Double>> cells(List<PricePoint> points) {
    Map<Cell, List<Double>> cells = new TreeMap<>();
    for (PricePoint p : points) {
      cells.computeIfAbsent(p.cell(), k -> new ArrayList<>()).add(p.price());
      cells.computeIfAbsent(p.cell().rollUp(), k -> new ArrayList<>()).add(p.price());
    }
    return cells;
  }

  /** Evidence per peer group (not roll-up), over the window's price points. */
  public static Map<Cell, Evidence> evidence(List<MarketLine> lines, MarketShape shape) {
    Map<Cell, List<PricePoint>> by = new TreeMap<>();
    for (PricePoint p : pricePoints(lines, shape)) {
      by.computeIfAbsent(p.cell(), k -> new ArrayList<>()).add(p);
    }
    Map<Cell, Evidence> out = new LinkedHashMap<>();
    by.forEach((c, ps) -> {
      Set<String> sup = new HashSet<>();
      ps.forEach(p -> sup.add(p.supplier()));
      out.put(c, new Evidence(ps.size(), sup.size(), (int) ps.stream().filter(PricePoint::sized).count()));
    });
    return out;
  }

  /**
   * The p-th percentile, R-7 (Hyndman and Fan type 7, Excel's PERCENTILE.INC): position 1 + (n - 1) p
   * in the sorted values, interpolated linearly. NaN for no values.
   */
  public static double r7(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double h = (v.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, v.length - 1);
    return v[lo] + (h - lo) * (v[hi] - v[lo]);
  }

  /** One published cell whose median (or count) is not what the market's own price points give. */
  public record Mismatch(Cell cell, long myPoints, long publishedPoints, double myMedian, String publishedMedian) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s: published median %s over %d price points, independent %s over %d",
          cell, publishedMedian, publishedPoints, format(cell, myMedian), myPoints);
    }
  }

  /**
   * The outcome of comparing benchmarks.csv with the independent computation.
   *
   * @param compared published cells with a median
   * @param medianMismatches published medians that differ from the independent median
   * @param countMismatches cells (published or not) whose n_price_points differs
   * @param examples every median mismatch, then every cell whose count alone differs
   */
  public record Check(int compared, int medianMismatches, int countMismatches, List<Mismatch> examples) {
    /** Mismatched published medians per fee type and basis class, e.g. {@code DEVELOPMENT/ONE_OFF=5}. */
    public Map<String, Integer> byFee() {
      Map<String, Integer> m = new TreeMap<>();
      examples.subList(0, medianMismatches).forEach(x -> m.merge(x.cell().fee() + "/" + x.cell().basisClass(), 1, Integer::sum));
      return m;
    }
  }

  /** Compares every published median (and every cell's price-point count) of benchmarks.csv with the market's own. */
  public static Check check(IndependentMarket market, List<Map<String, String>> benchmarks) {
    Map<Cell, List<Double>> mine = cells(pricePoints(market.lines(), market.shape()));
    int compared = 0;
    int medians = 0;
    int counts = 0;
    List<Mismatch> medianExamples = new ArrayList<>();
    List<Mismatch> countExamples = new ArrayList<>();
    for (Map<String, String> row : benchmarks) {
      Cell cell = new Cell(row.get("product_category"), row.get("interface_standard"), row.get("fee_type"),
          row.get("basis_class"));
      List<Double> prices = mine.getOrDefault(cell, List.of());
      long published = Long.parseLong(row.get("n_price_points"));
      double median = r7(prices, 0.5);
      String pub = row.get("median");
      Mismatch mm = new Mismatch(cell, prices.size(), published, median, pub);
      boolean countDiffers = published != prices.size();
      if (countDiffers) {
        counts++;
      }
      boolean medianDiffers = false;
      if ("true".equals(row.get("published")) && pub != null && !pub.isEmpty()) {
        compared++;
        double tolerance = cell.basisClass().equals("PER_TRANSACTION") ? 0.00011 : 0.011;
        medianDiffers = prices.isEmpty() || Math.abs(Double.parseDouble(pub) - median) > tolerance;
      }
      if (medianDiffers) {
        medians++;
        medianExamples.add(mm);
      } else if (countDiffers) {
        countExamples.add(mm);
      }
    }
    List<Mismatch> examples = new ArrayList<>(medianExamples);
    examples.addAll(countExamples);
    return new Check(compared, medians, counts, examples);
  }

  static String format(Cell cell, double v) {
    if (Double.isNaN(v)) {
      return "none";
    }
    return String.format(Locale.ROOT, cell.basisClass().equals("PER_TRANSACTION") ? "%.4f" : "%.2f", v);
  }
}
