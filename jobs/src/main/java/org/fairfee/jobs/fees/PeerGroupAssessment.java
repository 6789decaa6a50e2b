package org.fairfee.jobs.fees;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.schemas.RuleCode;

/**
 * The P4 method for one peer group, in plain Java (the group fits in memory; Spark runs this once
 * per group). In: the group's price points. Out: a report of how the group was fitted and, when it
 * was assessed, a score per price point and rule.
 *
 * <ol>
 *   <li><b>Enough evidence.</b> A group with fewer than fees.minPricePoints price points, or fewer
 *       than fees.minSuppliers distinct suppliers, is not assessed and says why.
 *   <li><b>Size adjustment.</b> ln(price) = a + b ln(buyer_size), fitted by Theil–Sen
 *       ({@link TheilSen}) with b held within [fees.minSizeSlope, fees.maxSizeSlope]. A buyer type
 *       gets its own fit where its sized price points alone are enough evidence (the same two
 *       minimums) and the group holds more than one type; other sized points use the fit of the
 *       whole group, if its sized points are enough evidence. A point is judged by its residual
 *       r = ln(price) - (a + b ln(size)) among the residuals of the fit it belongs to.
 *   <li><b>Fallback.</b> A point without a size, or in a group without a fit, is judged by
 *       r = ln(price) - median ln(price) among all price points of the group (unadjusted), and its
 *       evidence says so and why.
 *   <li><b>Robust score.</b> Modified z = 0.6745 (r - median r) / MAD r (Iglewicz and Hoaglin),
 *       with the MAD = 0 guard of {@link RobustStats#scale}. P4_HIGH_FEE when the score is above
 *       fees.maxModifiedZ (never below: cheap is not a finding) and the price is at least
 *       fees.minRatio times the expected fee.
 *   <li><b>Price discrimination.</b> Each buyer that one supplier charges for the same product
 *       (product_key) in this group is compared with that supplier's other buyers of it, when there
 *       are at least fees.discriminationMinOtherBuyers of them: score = (r - median of their r) /
 *       spread, where the spread is the larger of their own (MAD / 0.6745, as above) and the robust
 *       scale of all such leave-one-out gaps in the group, pooled over every supplier's buyers;
 *       three or four prices cannot measure a spread alone. Size-adjusted residuals where the
 *       buyers have them; unadjusted ln(price) only where none of them does (and the evidence says
 *       so). P4_PRICE_DISCRIMINATION above fees.discriminationMaxModifiedZ, with the same ratio floor.
 * </ol>
 *
 * <p>The expected fee is exp(baseline + median r): the fitted fee for a buyer of this size (the
 * median residual of a fit is 0 by construction), or the group median. The band is exp(baseline +
 * R-7 quartiles of r): the 25th to 75th percentile of the comparable fees, each adjusted to this
 * buyer's size, in pounds. For P4_HIGH_FEE the quartiles include the point itself, which can only
 * widen its band; for P4_PRICE_DISCRIMINATION the median and quartiles are the other buyers'.
 */
public final class PeerGroupAssessment {
  private PeerGroupAssessment() {}

  /** How one peer group, or one buyer type within it (buyerType not null), was fitted. */
  public record FitReport(PeerGroup group, String buyerType, int nPricePoints, int nSuppliers, int nSized,
      PeerGroupStatus status, FitMethod method, Double slope, Double slopeUnconstrained, Double intercept) {}

  /** One price point judged by one rule. expected, bandLow and bandHigh are in pounds. */
  public record PointScore(PricePoint point, RuleCode rule, FitMethod method, boolean flagged, double expected,
      double bandLow, double bandHigh, double ratio, double score, String evidence) {}

  public record Result(List<FitReport> fits, List<PointScore> scores) {}

  static final String NO_SIZE = "the buyer's size is missing";
  static final String NO_FIT = "too few price points in this peer group give a buyer size";
  static final String SET_NO_SIZE = "none of these buyers gives a size";

  /** A yardstick: the residuals of one fit (or of the unadjusted group) and their robust summary. */
  record Scope(FitMethod method, String fitBuyerType, String fallbackReason, RobustStats.Summary summary,
      double[] residuals) {}

  /** A point placed against its yardstick: r = ln(price) - baseline. */
  record Judged(PricePoint point, Scope scope, double baseline, double residual) {}

  public static Result assess(PeerGroup group, List<PricePoint> input, FeeOptions o) {
    Model m = model(group, input, o);
    return new Result(m.fits(), m.pointScores());
  }

  /**
   * The group fitted once, to judge its own price points ({@link Model#pointScores}) and the charge
   * lines of the month ({@link Model#judgeLine}) against.
   */
  public static Model model(PeerGroup group, List<PricePoint> input, FeeOptions o) {
    List<PricePoint> points = new ArrayList<>();
    for (PricePoint p : input) {
      if (p.priceGbp().signum() > 0) {
        points.add(p);
      }
    }
    points.sort(PricePoint.ORDER);
    List<PricePoint> sized = points.stream().filter(PricePoint::sized).toList();
    int suppliers = suppliers(points);
    PeerGroupStatus status = points.size() < o.minPricePoints() ? PeerGroupStatus.TOO_FEW_PRICE_POINTS
        : suppliers < o.minSuppliers() ? PeerGroupStatus.TOO_FEW_SUPPLIERS
        : PeerGroupStatus.ASSESSED;
    List<FitReport> fits = new ArrayList<>();
    if (status != PeerGroupStatus.ASSESSED) {
      fits.add(new FitReport(group, null, points.size(), suppliers, sized.size(), status, null, null, null, null));
      return new Model(group, o, fits, null, null, Map.of(), Map.of(), 0.0, null, Map.of(), List.of(), Map.of(),
          Map.of());
    }

    TheilSen.Line whole = enough(sized, o) ? fit(sized, o) : null;
    fits.add(report(group, null, points, sized, whole));
    Scope wholeScope = whole == null ? null : sizeScope(sized, whole, null);
    Map<String, TheilSen.Line> typeLines = new TreeMap<>();
    Map<String, Scope> typeScopes = new TreeMap<>();
    Map<String, List<PricePoint>> byType = byType(sized);
    if (byType.size() > 1) {
      for (Map.Entry<String, List<PricePoint>> e : byType.entrySet()) {
        TheilSen.Line line = enough(e.getValue(), o) ? fit(e.getValue(), o) : null;
        if (line != null) {
          typeLines.put(e.getKey(), line);
          typeScopes.put(e.getKey(), sizeScope(e.getValue(), line, e.getKey()));
          List<PricePoint> ofType = points.stream().filter(p -> e.getKey().equals(p.buyerType())).toList();
          fits.add(report(group, e.getKey(), ofType, e.getValue(), line));
        }
      }
    }

    double groupMedian = RobustStats.median(logPrices(points));
    double[] unadjusted = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      unadjusted[i] = points.get(i).logPrice() - groupMedian;
    }
    Scope unadjustedScope = new Scope(FitMethod.UNADJUSTED, null, null, RobustStats.summarise(unadjusted), unadjusted);

    Model m = new Model(group, o, fits, whole, wholeScope, typeLines, typeScopes, groupMedian, unadjustedScope,
        new HashMap<>(), new ArrayList<>(), new HashMap<>(), new EnumMap<>(FitMethod.class));
    for (PricePoint p : points) {
      Judged j = m.place(p);
      m.judged().add(j);
      m.own().put(key(p), j);
    }
    m.prepareDiscrimination();
    return m;
  }

  /**
   * A peer group fitted once: its fits, each price point placed against its yardstick, and the sets
   * of one supplier's buyers of one product, with the pooled spread of their gaps.
   */
  public record Model(PeerGroup group, FeeOptions o, List<FitReport> fits, TheilSen.Line whole, Scope wholeScope,
      Map<String, TheilSen.Line> typeLines, Map<String, Scope> typeScopes, double groupMedian,
      Scope unadjustedScope, Map<String, Judged> own, List<Judged> judged, Map<String, SupplierSet> sets,
      Map<FitMethod, Double> pooled) {

    /** True when the group had the evidence to be assessed (a line of an unassessed group is not judged). */
    public boolean assessed() {
      return unadjustedScope != null;
    }

    /** Every price point of the group by both rules, as {@link #assess} reports them. */
    List<PointScore> pointScores() {
      List<PointScore> scores = new ArrayList<>();
      for (Judged j : judged) {
        scores.add(highFee(group, j, j.scope().summary(), o));
      }
      scores.addAll(discrimination(group, judged, sets.values(), pooled, o));
      return scores;
    }

    /**
     * One charge line judged by both rules, with the line's own price in place of its contract's
     * price point: against the fit its buyer belongs to, with the yardstick (median, spread and
     * quartiles of the residuals) taken without the line's own contract, and against its supplier's
     * other buyers of the product. {@code line} carries the key and buyer of the line's price point
     * and the line's comparable price. Empty for a group that was not assessed, or a line whose
     * contract is not among the group's points.
     */
    public List<PointScore> judgeLine(PricePoint line) {
      Judged ownPoint = own.get(key(line));
      if (!assessed() || ownPoint == null || line.priceGbp().signum() <= 0) {
        return List.of();
      }
      Judged j = new Judged(line, ownPoint.scope(), ownPoint.baseline(), line.logPrice() - ownPoint.baseline());
      List<PointScore> out = new ArrayList<>(2);
      out.add(highFee(group, j, withoutOwn(ownPoint), o));
      SupplierSet set = sets.get(setKey(line));
      if (set != null) {
        int at = set.members().indexOf(ownPoint);
        if (at >= 0 && set.members().size() - 1 >= o.discriminationMinOtherBuyers()) {
          double value = set.method() == FitMethod.SIZE_ADJUSTED ? j.residual() : line.logPrice();
          RobustStats.Summary others = RobustStats.summarise(without(set.values(), at))
              .withMinScale(pooled.get(set.method()));
          out.add(discriminationScore(group, set, j, value, others, set.members().size() - 1, o));
        }
      }
      return out;
    }

    /** Where a point stands: its fit (by buyer type, else the whole group) or the unadjusted median. */
    private Judged place(PricePoint p) {
      if (p.sized() && p.buyerType() != null && typeLines.containsKey(p.buyerType())) {
        double baseline = typeLines.get(p.buyerType()).at(p.logSize());
        return new Judged(p, typeScopes.get(p.buyerType()), baseline, p.logPrice() - baseline);
      }
      if (p.sized() && whole != null) {
        double baseline = whole.at(p.logSize());
        return new Judged(p, wholeScope, baseline, p.logPrice() - baseline);
      }
      Scope fallback = new Scope(FitMethod.UNADJUSTED, null, p.sized() ? NO_FIT : NO_SIZE,
          unadjustedScope.summary(), unadjustedScope.residuals());
      return new Judged(p, fallback, groupMedian, p.logPrice() - groupMedian);
    }

    /**
     * The yardstick of a point's scope without that point's own residual: exact up to
     * {@link #LEAVE_ONE_OUT_LIMIT} members; above it one value of so many moves the median, MAD and
     * quartiles by at most one rank, and the summary of all of them is used.
     */
    private RobustStats.Summary withoutOwn(Judged ownPoint) {
      double[] r = ownPoint.scope().residuals();
      if (r.length > LEAVE_ONE_OUT_LIMIT) {
        return ownPoint.scope().summary();
      }
      // the scope's residuals were computed the same way as the point's own, so it is found exactly
      double ownResidual = ownPoint.residual();
      for (int i = 0; i < r.length; i++) {
        if (r[i] == ownResidual) {
          return RobustStats.summarise(without(r, i));
        }
      }
      return ownPoint.scope().summary();
    }

    private void prepareDiscrimination() {
      Map<String, List<Judged>> byProduct = new TreeMap<>();
      for (Judged j : judged) {
        // points arrive sorted by supplier, buyer, product: each set keeps that order
        byProduct.computeIfAbsent(setKey(j.point()), k -> new ArrayList<>()).add(j);
      }
      for (Map.Entry<String, List<Judged>> e : byProduct.entrySet()) {
        List<Judged> all = e.getValue();
        List<Judged> adjusted = all.stream().filter(j -> j.scope().method() == FitMethod.SIZE_ADJUSTED).toList();
        SupplierSet set = adjusted.isEmpty() ? supplierSet(all, FitMethod.UNADJUSTED)
            : supplierSet(adjusted, FitMethod.SIZE_ADJUSTED);
        if (set.members().size() >= 2) {
          sets.put(e.getKey(), set);
        }
      }
      // The yardstick of a gap: how far a buyer's price usually lies from the median of what its
      // supplier charges its other buyers, pooled over every supplier in the group (robust scale of
      // all such leave-one-out gaps). Three or four prices cannot measure a spread alone, and the
      // median of a few others is itself uncertain; pooling the gaps accounts for both.
      for (FitMethod m : FitMethod.values()) {
        List<Double> gaps = new ArrayList<>();
        for (SupplierSet set : sets.values()) {
          if (set.method() == m) {
            for (int i = 0; i < set.values().length; i++) {
              gaps.add(set.values()[i] - RobustStats.median(without(set.values(), i)));
            }
          }
        }
        pooled.put(m, RobustStats.scale(gaps.stream().mapToDouble(Double::doubleValue).toArray()));
      }
    }
  }

  /** Above this many members a scope's yardstick is not recomputed without the judged line's own point. */
  static final int LEAVE_ONE_OUT_LIMIT = 2000;

  private static String key(PricePoint p) {
    return p.supplierRef() + "\u0000" + p.buyerRef() + "\u0000" + p.productKey();
  }

  private static String setKey(PricePoint p) {
    return p.supplierRef() + "\u0000" + p.productKey();
  }

  private static PointScore highFee(PeerGroup group, Judged j, RobustStats.Summary s, FeeOptions o) {
    Band b = band(j.point(), j.baseline(), s);
    double score = s.score(j.residual());
    boolean ratioHolds = b.ratio() >= o.minRatio();
    boolean flagged = score > o.maxModifiedZ() && ratioHolds;
    String basis = group.basisClass();
    StringBuilder e = new StringBuilder();
    e.append(Evidence.priceLabel(basis)).append(' ').append(Evidence.money(j.point().priceGbp().doubleValue(), basis))
        .append(" is ").append(Evidence.oneDecimal(b.ratio())).append(" times the ")
        .append(Evidence.money(b.expected(), basis));
    if (j.scope().method() == FitMethod.SIZE_ADJUSTED) {
      e.append(" expected for ").append(Evidence.aBuyerOf(j.point().buyerType(), j.point().buyerSize()))
          .append(" in ").append(group.label());
      if (j.scope().fitBuyerType() != null) {
        e.append(" among ").append(j.scope().fitBuyerType()).append(" buyers");
      }
      e.append(" (peers pay ").append(Evidence.money(b.low(), basis)).append(" to ")
          .append(Evidence.money(b.high(), basis)).append(" for that size)");
    } else {
      e.append(" median in ").append(group.label()).append(" (peers pay ").append(Evidence.money(b.low(), basis))
          .append(" to ").append(Evidence.money(b.high(), basis)).append("), not adjusted for size because ")
          .append(j.scope().fallbackReason());
    }
    e.append("; ").append(Evidence.verdict(score, o.maxModifiedZ(), ratioHolds, o.minRatio()));
    return new PointScore(j.point(), RuleCode.P4_HIGH_FEE, j.scope().method(), flagged, b.expected(), b.low(),
        b.high(), b.ratio(), score, e.toString());
  }

  /**
   * One supplier's buyers of one product in this group that can be compared with each other: the
   * size-adjusted ones (residuals), or, where none of them has a size-adjusted residual, all of them
   * (ln price, unadjusted). A set with some buyers of each kind compares the size-adjusted ones only,
   * and not at all when fewer than two of them: a buyer's size explains a price, so a buyer with a
   * size is never compared unadjusted with one without.
   */
  record SupplierSet(List<Judged> members, FitMethod method, double[] values) {}

  private static List<PointScore> discrimination(PeerGroup group, List<Judged> judged,
      java.util.Collection<SupplierSet> sets, Map<FitMethod, Double> pooled, FeeOptions o) {
    List<PointScore> out = new ArrayList<>();
    for (SupplierSet set : sets) {
      Set<String> buyers = new HashSet<>();
      set.members().forEach(j -> buyers.add(j.point().buyerRef()));
      if (buyers.size() - 1 < o.discriminationMinOtherBuyers()) {
        continue;
      }
      for (int i = 0; i < set.members().size(); i++) {
        // the buyer against its supplier's other buyers: it cannot move their median or spread; the
        // spread is theirs or the pooled yardstick of gaps, whichever is larger
        RobustStats.Summary s = RobustStats.summarise(without(set.values(), i)).withMinScale(pooled.get(set.method()));
        out.add(discriminationScore(group, set, set.members().get(i), set.values()[i], s, buyers.size() - 1, o));
      }
    }
    return out;
  }

  private static double[] without(double[] values, int i) {
    double[] out = new double[values.length - 1];
    for (int k = 0, n = 0; k < values.length; k++) {
      if (k != i) {
        out[n++] = values[k];
      }
    }
    return out;
  }

  private static SupplierSet supplierSet(List<Judged> members, FitMethod method) {
    double[] v = new double[members.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = method == FitMethod.SIZE_ADJUSTED ? members.get(i).residual() : members.get(i).point().logPrice();
    }
    return new SupplierSet(members, method, v);
  }

  private static PointScore discriminationScore(PeerGroup group, SupplierSet set, Judged j, double value,
      RobustStats.Summary others, int nOthers, FeeOptions o) {
    PricePoint p = j.point();
    boolean adjusted = set.method() == FitMethod.SIZE_ADJUSTED;
    Band b = band(p, adjusted ? j.baseline() : 0.0, others);
    double score = others.score(value);
    boolean ratioHolds = b.ratio() >= o.minRatio();
    boolean flagged = score > o.discriminationMaxModifiedZ() && ratioHolds;
    String basis = group.basisClass();
    StringBuilder e = new StringBuilder();
    e.append(Evidence.priceLabel(basis)).append(' ').append(Evidence.money(p.priceGbp().doubleValue(), basis))
        .append(" is ").append(Evidence.oneDecimal(b.ratio())).append(" times the ")
        .append(Evidence.money(b.expected(), basis)).append(" that ").append(p.supplierRef())
        .append(" typically charges its ").append(nOthers).append(" other buyers of ").append(p.productKey())
        .append(" for ").append(group.feeType());
    if (adjusted) {
      e.append(", adjusted to ").append(Evidence.aBuyerOf(p.buyerType(), p.buyerSize()))
          .append(" (they pay ").append(Evidence.money(b.low(), basis)).append(" to ")
          .append(Evidence.money(b.high(), basis)).append(" for that size)");
    } else {
      e.append(" (they pay ").append(Evidence.money(b.low(), basis)).append(" to ")
          .append(Evidence.money(b.high(), basis)).append("), not adjusted for size because ")
          .append(set.members().stream().anyMatch(m -> m.point().sized()) ? NO_FIT : SET_NO_SIZE);
    }
    e.append("; ").append(Evidence.verdict(score, o.discriminationMaxModifiedZ(), ratioHolds, o.minRatio()));
    return new PointScore(p, RuleCode.P4_PRICE_DISCRIMINATION, set.method(), flagged, b.expected(), b.low(),
        b.high(), b.ratio(), score, e.toString());
  }

  /** Expected fee and band in pounds for this point: exp(baseline + median / quartiles of the residuals). */
  private record Band(double expected, double low, double high, double ratio) {}

  private static Band band(PricePoint p, double baseline, RobustStats.Summary s) {
    double expected = Math.exp(baseline + s.median());
    return new Band(expected, Math.exp(baseline + s.q25()), Math.exp(baseline + s.q75()),
        p.priceGbp().doubleValue() / expected);
  }

  private static Scope sizeScope(List<PricePoint> sized, TheilSen.Line line, String buyerType) {
    double[] r = new double[sized.size()];
    for (int i = 0; i < sized.size(); i++) {
      r[i] = sized.get(i).logPrice() - line.at(sized.get(i).logSize());
    }
    return new Scope(FitMethod.SIZE_ADJUSTED, buyerType, null, RobustStats.summarise(r), r);
  }

  private static TheilSen.Line fit(List<PricePoint> sized, FeeOptions o) {
    double[] x = new double[sized.size()];
    double[] y = new double[sized.size()];
    for (int i = 0; i < sized.size(); i++) {
      x[i] = sized.get(i).logSize();
      y[i] = sized.get(i).logPrice();
    }
    return TheilSen.fit(x, y, o.minSizeSlope(), o.maxSizeSlope());
  }

  private static FitReport report(PeerGroup group, String buyerType, List<PricePoint> points, List<PricePoint> sized,
      TheilSen.Line line) {
    return new FitReport(group, buyerType, points.size(), suppliers(points), sized.size(), PeerGroupStatus.ASSESSED,
        line == null ? FitMethod.UNADJUSTED : FitMethod.SIZE_ADJUSTED,
        line == null ? null : line.slope(), line == null ? null : line.rawSlope(),
        line == null ? null : line.intercept());
  }

  private static boolean enough(List<PricePoint> points, FeeOptions o) {
    return points.size() >= o.minPricePoints() && suppliers(points) >= o.minSuppliers();
  }

  private static int suppliers(List<PricePoint> points) {
    Set<String> s = new TreeSet<>();
    points.forEach(p -> s.add(p.supplierRef()));
    return s.size();
  }

  private static Map<String, List<PricePoint>> byType(List<PricePoint> sized) {
    Map<String, List<PricePoint>> m = new TreeMap<>();
    for (PricePoint p : sized) {
      if (p.buyerType() != null) {
        m.computeIfAbsent(p.buyerType(), k -> new ArrayList<>()).add(p);
      }
    }
    return m;
  }

  private static double[] logPrices(List<PricePoint> points) {
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      y[i] = points.get(i).logPrice();
    }
    return y;
  }
}
