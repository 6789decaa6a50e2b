package org.fairfee.jobs.fees;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.bands.BenchmarkWindow;
import org.fairfee.jobs.bands.PricePoints;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * The P4 flags of one month, judged at the charge line. In: the price points of the benchmark window
 * ({@link PricePoints}), the normalised and credit-netted lines ({@code Credits.apply(Normalise.apply(..))}),
 * the lines found to be copies (submission_id, line_no) and the period "YYYY-MM". Out:
 * {@code Tables.FLAGS}, one row per charge line of the period and P4 rule it breaks, in no particular
 * order (the job sorts the month's flags once).
 *
 * <p>Every charge line invoiced in the period that could be a price point (not a credit note, not
 * fully credited, not a copy, not a fee the charter makes free) is judged by its comparable price:
 * a recurring line by its own price annualised (so a monthly fee that jumps in the month is judged on
 * that month, not diluted into a twelve-month median), a per-transaction line by its own unit price, a
 * one-off line by its contract's one-off price in the window (instalments of one fee make one price).
 * <ul>
 *   <li>P4_HIGH_FEE and P4_PRICE_DISCRIMINATION: against the peer group's model fitted on the price
 *       points ({@link PeerGroupAssessment.Model#judgeLine}), leaving the line's own contract out of the
 *       yardstick;
 *   <li>P4_PRICE_RISE: a recurring line whose annualised price is at least fees.priceRiseRatio times the
 *       median of the same contract's lines in earlier months of the window (at least
 *       fees.priceRiseMinEarlierLines of them).
 * </ul>
 *
 * <p>amount_at_stake_gbp is the line's share of the excess: max(0, price - reference) x net / price,
 * to pence half-up, where the reference is the top of the band (p75) for the peer rules and the
 * contract's earlier price for the rise. For a one-off line that is the excess itself; a monthly line
 * carries a twelfth of the annual excess; a per-transaction line the excess unit price times its quantity.
 */
public final class FlagFees {
  private FlagFees() {}

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final String LINES = "_lines";
  private static final String LINE_PRICE = "_line_price";
  private static final String POINT_PRICE = "_point_price";

  /** The candidate line's fields, in the order {@link #flags} reads them. */
  private static final List<String> CANDIDATE = List.of(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.SUPPLIER_REF,
      Cols.BUYER_REF, Cols.PRODUCT_KEY, Cols.BUYER_TYPE, Cols.BUYER_SIZE, LINE_PRICE, Cols.NET_GBP,
      Cols.EARLIER_PRICE_GBP, Cols.N_EARLIER_LINES, Cols.INVOICE_DATE, Cols.INTERFACE_REF, Cols.INVOICE_REF);

  public static Dataset<Row> apply(Dataset<Row> points, Dataset<Row> lines, Dataset<Row> copies, String period,
      FeeOptions options) {
    return flags(assess(points, lines, copies, period, options));
  }

  /**
   * The P4 step in one pass over the peer groups: each group's model is fitted once, for the month's
   * lines and for fee-groups.csv. Out: rows of two nullable structs, {@link #FLAG} (a
   * {@code Tables.FLAGS} row) or {@link #GROUP} (a {@code Tables.FEE_PEER_GROUPS} row); read them with
   * {@link #flags} and {@link #groups}, persisting the result first when both are read.
   */
  public static Dataset<Row> assess(Dataset<Row> points, Dataset<Row> lines, Dataset<Row> copies, String period,
      FeeOptions options) {
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw new IllegalArgumentException("the period must be YYYY-MM, was " + period);
    }
    List<String> needed = new ArrayList<>(FeeGroups.POINT_COLUMNS);
    needed.addAll(List.of(Cols.EARLIER_PRICE_GBP, Cols.N_EARLIER_LINES));
    FeeGroups.requireColumns(points, needed, "price points");
    FeeOptions o = options;
    FlatMapFunction<Row, Row> judge = r -> assessGroup(r, o).iterator();
    Dataset<Row> candidates = candidates(points, lines, copies, period)
        .groupBy(col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS))
        .agg(collect_list(struct(CANDIDATE.stream().map(c -> col(c)).toArray(Column[]::new))).as(LINES));
    List<String> group = List.of(Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD, Cols.FEE_TYPE, Cols.BASIS_CLASS);
    // Every peer group with points (for fee-groups.csv), and any group with lines but no positive price point.
    return FeeGroups.grouped(points)
        .join(candidates, scala.jdk.javaapi.CollectionConverters.asScala(group).toSeq(), "full_outer")
        .select(col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS),
            col(FeeGroups.POINTS), col(LINES))
        .flatMap(judge, Encoders.row(ASSESSED));
  }

  /** The struct column of {@link #assess} that holds a flag. */
  public static final String FLAG = "flag";
  /** The struct column of {@link #assess} that holds a fee-groups.csv row. */
  public static final String GROUP = "group";
  private static final StructType ASSESSED = DataTypes.createStructType(List.of(
      DataTypes.createStructField(FLAG, SparkSchemas.of(Tables.FLAGS), true),
      DataTypes.createStructField(GROUP, SparkSchemas.of(Tables.FEE_PEER_GROUPS), true)));

  /** The P4 flags of an {@link #assess} result, in no particular order. */
  public static Dataset<Row> flags(Dataset<Row> assessed) {
    return rowsOf(assessed, FLAG, Tables.FLAGS);
  }

  /** The fee-groups.csv rows of an {@link #assess} result, sorted on the driver ({@link DescribeFeeGroups#ORDER}). */
  public static List<Row> groups(Dataset<Row> assessed) {
    List<Row> out = new ArrayList<>(rowsOf(assessed, GROUP, Tables.FEE_PEER_GROUPS).collectAsList());
    out.sort(DescribeFeeGroups.ORDER);
    return out;
  }

  /** The rows held in one struct column, with the table's schema. */
  private static Dataset<Row> rowsOf(Dataset<Row> assessed, String column, org.fairfee.schemas.Table table) {
    // Fields taken out of a nullable struct are all nullable: the identity map restores the table's schema.
    MapFunction<Row, Row> same = r -> r;
    return assessed.where(col(column).isNotNull()).select(col(column + ".*"))
        .map(same, Encoders.row(SparkSchemas.of(table)));
  }

  /** One peer group's fee-groups rows (when it has points) and its lines' flags, from one model. */
  static List<Row> assessGroup(Row r, FeeOptions o) {
    PeerGroup g = FeeGroups.group(r);
    PeerGroupAssessment.Model model = r.isNullAt(4) ? null
        : PeerGroupAssessment.model(g, FeeGroups.points(r.getList(4)), o);
    List<Row> out = new ArrayList<>();
    if (model != null) {
      for (Row d : DescribeFeeGroups.rows(g, model.fits())) {
        out.add(RowFactory.create(null, d));
      }
    }
    if (!r.isNullAt(5)) {
      for (Row f : flags(g, model, r.<Row>getList(5), o)) {
        out.add(RowFactory.create(f, null));
      }
    }
    return out;
  }

  /** The lines of the period to judge, each with its price point's buyer, price and earlier price. */
  static Dataset<Row> candidates(Dataset<Row> points, Dataset<Row> lines, Dataset<Row> copies, String period) {
    Dataset<Row> month = PricePoints.benchmarkable(lines.where(col(Cols.INVOICE_MONTH).equalTo(period)), copies,
        BenchmarkWindow.of(period, BandOptions.defaults()));
    Column net = col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP));
    Column basis = col(Cols.BASIS_CLASS);
    Column ownPrice = when(basis.equalTo(BasisClass.RECURRING.name()), net.multiply(PricePoints.annualFactor()))
        .when(basis.equalTo(BasisClass.PER_TRANSACTION.name()), net.divide(col(Cols.QUANTITY)));
    List<Column> key = new ArrayList<>();
    for (String k : PricePoints.KEY) {
      key.add(col(k));
    }
    Dataset<Row> pointSide = points.select(col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY),
        col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS), col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD),
        col(Cols.BUYER_TYPE), col(Cols.BUYER_SIZE).cast(DataTypes.DoubleType).as(Cols.BUYER_SIZE),
        col(Cols.PRICE_GBP).as(POINT_PRICE), col(Cols.EARLIER_PRICE_GBP), col(Cols.N_EARLIER_LINES));
    return month
        .select(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF),
            col(Cols.PRODUCT_KEY), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS), col(Cols.PRODUCT_CATEGORY),
            col(Cols.INTERFACE_STANDARD), col(Cols.NET_GBP), ownPrice.cast(SparkSchemas.PRICE).as(LINE_PRICE),
            col(Cols.INVOICE_DATE), col(Cols.INTERFACE_REF), col(Cols.INVOICE_REF))
        .join(pointSide, scala.jdk.javaapi.CollectionConverters.asScala(PricePoints.KEY).toSeq())
        .withColumn(LINE_PRICE, org.apache.spark.sql.functions.coalesce(col(LINE_PRICE),
            col(POINT_PRICE).cast(SparkSchemas.PRICE)));
  }

  /** The flags of one peer group's candidate lines, judged by the group's model (null: not fitted). */
  static List<Row> flags(PeerGroup g, PeerGroupAssessment.Model model, List<Row> lines, FeeOptions o) {
    List<Row> out = new ArrayList<>();
    for (Row c : lines) {
      BigDecimal price = c.getDecimal(7);
      if (price == null || price.signum() <= 0) {
        continue;
      }
      PricePoint line = new PricePoint(c.getString(2), c.getString(3), c.getString(4), c.getString(5),
          c.isNullAt(6) ? null : c.getDouble(6), price);
      if (model != null) {
        for (PeerGroupAssessment.PointScore s : model.judgeLine(line)) {
          if (s.flagged()) {
            out.add(flag(c, g, s.rule(), s.evidence(), FeeGroups.price(s.expected()), FeeGroups.price(s.bandLow()),
                FeeGroups.price(s.bandHigh()), FeeGroups.round(s.ratio(), 2), FeeGroups.round(s.score(), 2),
                FeeGroups.price(s.bandHigh())));
          }
        }
      }
      Row rise = rise(c, g, o);
      if (rise != null) {
        out.add(rise);
      }
    }
    return out;
  }

  /** P4_PRICE_RISE for one candidate line, or null. */
  static Row rise(Row c, PeerGroup g, FeeOptions o) {
    if (!BasisClass.RECURRING.name().equals(g.basisClass()) || c.isNullAt(9) || c.getLong(10) < o.priceRiseMinEarlierLines()) {
      return null;
    }
    double earlier = c.getDouble(9);
    double price = c.getDecimal(7).doubleValue();
    if (!(earlier > 0) || price < o.priceRiseRatio() * earlier) {
      return null;
    }
    double ratio = price / earlier;
    BigDecimal earlierPrice = FeeGroups.price(earlier);
    String evidence = "annual price " + Evidence.money(price, g.basisClass()) + " on this line is "
        + Evidence.oneDecimal(ratio) + " times the " + Evidence.money(earlier, g.basisClass())
        + " this contract was charged before (the median of its " + c.getLong(10) + " earlier lines in the window),"
        + " a rise of " + Evidence.money(price - earlier, g.basisClass()) + " a year; the rule flags "
        + Evidence.threshold(o.priceRiseRatio()) + " times or more";
    return flag(c, g, RuleCode.P4_PRICE_RISE, evidence, earlierPrice, null, null, FeeGroups.round(ratio, 2), null,
        earlierPrice);
  }

  private static Row flag(Row c, PeerGroup g, RuleCode rule, String evidence, BigDecimal expected, BigDecimal low,
      BigDecimal high, Double ratio, Double score, BigDecimal reference) {
    BigDecimal net = c.getDecimal(8);
    return RowFactory.create(c.getString(0), c.getInt(1), c.getString(2), c.getString(3), rule.name(),
        rule.severity().value(), net, amountAtStake(net, c.getDecimal(7), reference), null, null, evidence,
        expected, low, high, ratio, score, c.get(11), g.productCategory(),
        g.interfaceStandard(), g.feeType(), c.getString(12), c.getString(13));
  }

  /** max(0, price - reference) x net / price, to pence half-up; 0 where the line has no positive price. */
  static BigDecimal amountAtStake(BigDecimal net, BigDecimal price, BigDecimal reference) {
    if (net == null || price == null || reference == null || price.signum() <= 0 || net.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal excess = price.subtract(reference).max(BigDecimal.ZERO);
    return excess.multiply(net).divide(price, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
  }
}
