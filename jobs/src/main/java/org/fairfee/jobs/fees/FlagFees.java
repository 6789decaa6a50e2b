package org.fairfee.jobs.fees;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * The P4 flags of one month: P4_HIGH_FEE and P4_PRICE_DISCRIMINATION. In: the price points of the
 * benchmark window, the normalised and credit-netted lines ({@code Credits.apply(Normalise.apply(..))})
 * and the period "YYYY-MM". Out: {@code Tables.FLAGS}, one row per line of the period (not a credit
 * note, not fully credited) whose price point is flagged, and rule; sorted by submission_id, line_no, rule.
 *
 * <p>amount_at_stake_gbp is the line's share of its excess over the top of the band (p75):
 * max(0, line price - band_high) x line net / line price, to pence half-up. For a one-off line that
 * is the excess itself; a monthly line of an annual price carries a twelfth of the annual excess; a
 * per-transaction line carries the excess unit price times its quantity.
 */
public final class FlagFees {
  private FlagFees() {}

  static final List<String> LINE_COLUMNS = List.of(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.SUPPLIER_REF,
      Cols.BUYER_REF, Cols.PRODUCT_KEY, Cols.FEE_TYPE, Cols.BASIS_CLASS, Cols.INVOICE_MONTH, Cols.IS_CREDIT,
      Cols.FULLY_CREDITED, Cols.NET_GBP, Cols.PRICE_GBP, Cols.INVOICE_DATE, Cols.PRODUCT_CATEGORY,
      Cols.INTERFACE_STANDARD, Cols.INTERFACE_REF, Cols.INVOICE_REF);

  private static final Pattern PERIOD = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
  private static final String P = "_p_";

  public static Dataset<Row> apply(Dataset<Row> points, Dataset<Row> lines, String period, FeeOptions options) {
    return fromScores(ScoreFees.apply(points, options), lines, period);
  }

  /** The same from scores already computed by {@link ScoreFees} (so a job can reuse them). */
  public static Dataset<Row> fromScores(Dataset<Row> scores, Dataset<Row> lines, String period) {
    if (period == null || !PERIOD.matcher(period).matches()) {
      throw new IllegalArgumentException("the period must be YYYY-MM, was " + period);
    }
    FeeGroups.requireColumns(lines, LINE_COLUMNS, "lines");
    FeeGroups.requireColumns(scores, Tables.FEE_SCORES.columnNames(), "scores");
    Dataset<Row> flagged = scores.where(col(Cols.FLAGGED)).select(
        col(Cols.SUPPLIER_REF).as(P + Cols.SUPPLIER_REF), col(Cols.BUYER_REF).as(P + Cols.BUYER_REF),
        col(Cols.PRODUCT_KEY).as(P + Cols.PRODUCT_KEY), col(Cols.FEE_TYPE).as(P + Cols.FEE_TYPE),
        col(Cols.BASIS_CLASS).as(P + Cols.BASIS_CLASS), col(Cols.RULE), col(Cols.EVIDENCE),
        col(Cols.EXPECTED_FEE_GBP), col(Cols.BAND_LOW_GBP), col(Cols.BAND_HIGH_GBP), col(Cols.RATIO), col(Cols.SCORE));
    Dataset<Row> month = lines.where(col(Cols.INVOICE_MONTH).equalTo(period)
            .and(not(coalesce(col(Cols.IS_CREDIT), lit(false))))
            .and(not(coalesce(col(Cols.FULLY_CREDITED), lit(false)))))
        .select(LINE_COLUMNS.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    Column samePoint = col(Cols.SUPPLIER_REF).equalTo(col(P + Cols.SUPPLIER_REF))
        .and(col(Cols.BUYER_REF).equalTo(col(P + Cols.BUYER_REF)))
        .and(col(Cols.PRODUCT_KEY).equalTo(col(P + Cols.PRODUCT_KEY)))
        .and(col(Cols.FEE_TYPE).equalTo(col(P + Cols.FEE_TYPE)))
        .and(col(Cols.BASIS_CLASS).equalTo(col(P + Cols.BASIS_CLASS)));
    MapFunction<Row, Row> toFlag = FlagFees::flag;
    return month.join(flagged, samePoint, "inner")
        .map(toFlag, Encoders.row(SparkSchemas.of(Tables.FLAGS)))
        .orderBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.RULE));
  }

  static Row flag(Row r) {
    String rule = r.getAs(Cols.RULE);
    BigDecimal net = r.getAs(Cols.NET_GBP);
    BigDecimal linePrice = r.getAs(Cols.PRICE_GBP);
    BigDecimal bandHigh = r.getAs(Cols.BAND_HIGH_GBP);
    return RowFactory.create(r.getAs(Cols.SUBMISSION_ID), r.getAs(Cols.LINE_NO), r.getAs(Cols.SUPPLIER_REF),
        r.getAs(Cols.BUYER_REF), rule, RuleCode.valueOf(rule).severity().value(), net,
        amountAtStake(net, linePrice, bandHigh), null, null, r.getAs(Cols.EVIDENCE), r.getAs(Cols.EXPECTED_FEE_GBP),
        r.getAs(Cols.BAND_LOW_GBP), bandHigh, r.getAs(Cols.RATIO), r.getAs(Cols.SCORE), r.getAs(Cols.INVOICE_DATE),
        r.getAs(Cols.PRODUCT_CATEGORY), r.getAs(Cols.INTERFACE_STANDARD), r.getAs(Cols.FEE_TYPE),
        r.getAs(Cols.INTERFACE_REF), r.getAs(Cols.INVOICE_REF));
  }

  /** max(0, price - bandHigh) x net / price, to pence half-up; 0 where the line has no positive price. */
  static BigDecimal amountAtStake(BigDecimal net, BigDecimal price, BigDecimal bandHigh) {
    if (net == null || price == null || bandHigh == null || price.signum() <= 0 || net.signum() <= 0) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal excess = price.subtract(bandHigh).max(BigDecimal.ZERO);
    return excess.multiply(net).divide(price, MathContext.DECIMAL128).setScale(2, RoundingMode.HALF_UP);
  }
}
