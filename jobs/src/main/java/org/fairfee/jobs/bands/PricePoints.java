package org.fairfee.jobs.bands;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.Table;

/**
 * Turns charge lines into price points, the observations that benchmarks are made of. In:
 * normalised and credit-netted lines ({@code Credits.apply(Normalise.apply(...))}) up to the end
 * of the period, and the (submission_id, line_no) of lines found to be copies. Out: one row per
 * price point of the benchmark window, with the columns of {@link #TABLE}.
 *
 * <p>A price point is one price per supplier, buyer, interface (product_key), fee type and basis
 * class, within one peer group (product_category, interface_standard). Its lines are those of the
 * window (by invoice_month) that are not credit notes, not fully credited, not copies, and not
 * SPECIFICATION_ACCESS or COOPERATION fees (those should be nil; they are flagged, never
 * benchmarked). A partially credited line counts net of its credit. One price is made of the lines:
 * <ul>
 *   <li>RECURRING: the median of the lines' annualised prices, so twelve monthly invoices of one
 *       contract are one observation, and a mid-year price change gives the typical annual price;
 *   <li>ONE_OFF: the sum of the lines, since instalments of one fee make up one price;
 *   <li>PER_TRANSACTION: total net over total quantity, a unit price weighted by volume.
 * </ul>
 * earlier_price_gbp is the median annualised price of a recurring point's lines invoiced before the
 * window's last month (n_earlier_lines of them), so that the month's line can be set against what
 * the same contract cost before.
 * buyer_type and buyer_size are the buyer's latest known (taken together from the buyer's latest
 * line that gives a size, else the type of its latest line), across all its lines to the period.
 */
public final class PricePoints {
  private PricePoints() {}

  /** The price-point table: key, peer group, buyer, price and lineage. */
  public static final Table TABLE = new Table("price_points", List.of(
      Field.required(Cols.SUPPLIER_REF, FieldType.STRING),
      Field.required(Cols.BUYER_REF, FieldType.STRING),
      Field.required(Cols.PRODUCT_KEY, FieldType.STRING),
      Field.required(Cols.FEE_TYPE, FieldType.STRING),
      Field.required(Cols.BASIS_CLASS, FieldType.STRING),
      Field.required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      Field.required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      Field.required(Cols.BUYER_TYPE, FieldType.STRING),
      Field.optional(Cols.BUYER_SIZE, FieldType.DOUBLE),
      Field.optional(Cols.SIZE_MEASURE, FieldType.STRING),
      Field.required(Cols.PRICE_GBP, FieldType.PRICE),
      Field.optional(Cols.SA_PRICE_GBP, FieldType.DOUBLE),
      Field.required(Cols.N_LINES, FieldType.LONG),
      Field.required(Cols.LAST_INVOICE_DATE, FieldType.DATE),
      Field.required(Cols.ACTIVE_FROM, FieldType.STRING),
      Field.required(Cols.ACTIVE_TO, FieldType.STRING),
      Field.optional(Cols.EARLIER_PRICE_GBP, FieldType.DOUBLE),
      Field.required(Cols.N_EARLIER_LINES, FieldType.LONG)));

  /** The columns that identify a price point; a line joins to its point on all of them. */
  public static final List<String> KEY = List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_KEY,
      Cols.FEE_TYPE, Cols.BASIS_CLASS, Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD);

  static final List<String> LINE_COLUMNS = List.of(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.SUPPLIER_REF,
      Cols.BUYER_REF, Cols.BUYER_TYPE, Cols.BUYER_SIZE, Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD,
      Cols.FEE_TYPE, Cols.CHARGE_BASIS, Cols.QUANTITY, Cols.INVOICE_DATE, Cols.INVOICE_MONTH,
      Cols.SERVICE_START, Cols.SERVICE_END, Cols.NET_GBP, Cols.BASIS_CLASS, Cols.PRODUCT_KEY, Cols.IS_CREDIT,
      Cols.CREDITED_GBP, Cols.FULLY_CREDITED);

  private static final String NET = "_net_after_credit";
  private static final String LINE_PRICE = "_line_price";
  private static final String FROM = "_from";
  private static final String TO = "_to";

  public static Dataset<Row> apply(Dataset<Row> lines, Dataset<Row> copies, String period, BandOptions options) {
    BenchmarkWindow window = BenchmarkWindow.of(period, options);
    Columns.require(lines, "lines", LINE_COLUMNS);
    Columns.require(copies, "copies", List.of(Cols.SUBMISSION_ID, Cols.LINE_NO));
    Dataset<Row> history = lines.where(col(Cols.INVOICE_MONTH).leq(window.lastMonth()));
    Dataset<Row> points = benchmarkable(history, copies, window)
        .withColumn(NET, col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP)))
        .withColumn(LINE_PRICE, col(NET).multiply(annualFactor()))
        .withColumn(FROM, greatest(lit(window.firstMonth()), coverageStart()))
        .withColumn(TO, least(lit(window.lastMonth()), coverageEnd()))
        .groupBy(Columns.of(KEY))
        .agg(price().as(Cols.PRICE_GBP),
            count(lit(1)).as(Cols.N_LINES),
            max(col(Cols.INVOICE_DATE)).as(Cols.LAST_INVOICE_DATE),
            min(col(FROM)).as(Cols.ACTIVE_FROM),
            max(col(TO)).as(Cols.ACTIVE_TO),
            percentile(earlier(window), lit(0.5)).as(Cols.EARLIER_PRICE_GBP),
            count(earlier(window)).as(Cols.N_EARLIER_LINES));
    Dataset<Row> sized = points.join(latestBuyers(history), Cols.BUYER_REF)
        .withColumn(Cols.SIZE_MEASURE, SizeMeasure.column())
        .withColumn(Cols.SA_PRICE_GBP, sizeAdjusted());
    return sized.select(Columns.of(TABLE.columnNames()));
  }

  /** Lines of the window that can be benchmarked: see the class comment. */
  public static Dataset<Row> benchmarkable(Dataset<Row> history, Dataset<Row> copies, BenchmarkWindow window) {
    List<String> free = Arrays.stream(FeeType.values()).filter(FeeType::isFreeByCharter).map(Enum::name).toList();
    Dataset<Row> copyKeys = copies.select(col(Cols.SUBMISSION_ID).as("_copy_sid"), col(Cols.LINE_NO).as("_copy_line"));
    return history
        .where(col(Cols.INVOICE_MONTH).geq(window.firstMonth()))
        .where(col(Cols.IS_CREDIT).unary_$bang())
        .where(col(Cols.FULLY_CREDITED).unary_$bang())
        .where(col(Cols.FEE_TYPE).isin(free.toArray()).unary_$bang())
        .join(broadcast(copyKeys), col(Cols.SUBMISSION_ID).equalTo(col("_copy_sid"))
            .and(col(Cols.LINE_NO).equalTo(col("_copy_line"))), "left_anti");
  }

  /**
   * A recurring line's annualised price when it was invoiced before the window's last month, else
   * null: what the contract cost before the month evaluated, for the P4 price-rise rule.
   */
  static Column earlier(BenchmarkWindow window) {
    return when(col(Cols.BASIS_CLASS).equalTo(BasisClass.RECURRING.name())
        .and(col(Cols.INVOICE_MONTH).lt(window.lastMonth())), col(LINE_PRICE).cast("double"));
  }

  /** MONTHLY 12, QUARTERLY 4, else 1, from the contract's ChargeBasis. */
  public static Column annualFactor() {
    Column f = lit(1);
    for (ChargeBasis b : ChargeBasis.values()) {
      if (b.annualFactor() != 1) {
        f = when(col(Cols.CHARGE_BASIS).equalTo(b.name()), lit(b.annualFactor())).otherwise(f);
      }
    }
    return f;
  }

  /** The price of a point from its lines, by basis class (see the class comment). */
  static Column price() {
    Column basis = col(Cols.BASIS_CLASS);
    Column recurring = percentile(when(basis.equalTo(BasisClass.RECURRING.name()), col(LINE_PRICE).cast("double")),
        lit(0.5));
    Column oneOff = sum(col(NET));
    Column perUnit = sum(col(NET)).divide(sum(col(Cols.QUANTITY)));
    return when(basis.equalTo(BasisClass.RECURRING.name()), recurring.cast(SparkSchemas.PRICE))
        .when(basis.equalTo(BasisClass.PER_TRANSACTION.name()), perUnit.cast(SparkSchemas.PRICE))
        .otherwise(oneOff.cast(SparkSchemas.PRICE));
  }

  /**
   * First month a line bears on: its invoice month, or the start of its service period if earlier.
   */
  static Column coverageStart() {
    return least(col(Cols.INVOICE_MONTH), coalesce(month(col(Cols.SERVICE_START)), col(Cols.INVOICE_MONTH)));
  }

  /**
   * Last month a line bears on: the end of its service period, or without one the period its basis
   * names from the invoice month (a quarter for QUARTERLY, a year for ANNUAL, else the month itself);
   * never before its invoice month.
   */
  static Column coverageEnd() {
    Column months = lit(1);
    for (ChargeBasis b : ChargeBasis.values()) {
      if (b.basisClass() == BasisClass.RECURRING) {
        months = when(col(Cols.CHARGE_BASIS).equalTo(b.name()), lit(12 / b.annualFactor())).otherwise(months);
      }
    }
    Column byBasis = month(add_months(col(Cols.INVOICE_DATE), months.minus(1)));
    return greatest(col(Cols.INVOICE_MONTH), coalesce(month(col(Cols.SERVICE_END)), byBasis));
  }

  private static Column month(Column date) {
    return date_format(date, "yyyy-MM");
  }

  /** buyer_ref, buyer_type and buyer_size as last known (see the class comment). */
  static Dataset<Row> latestBuyers(Dataset<Row> history) {
    Column order = struct(col(Cols.INVOICE_DATE), col(Cols.SUBMISSION_ID), col(Cols.LINE_NO));
    Column latest = max(struct(order.as("o"), col(Cols.BUYER_TYPE).as("t")));
    Column latestSized = max(when(col(Cols.BUYER_SIZE).isNotNull(),
        struct(order.as("o"), col(Cols.BUYER_TYPE).as("t"), col(Cols.BUYER_SIZE).as("s"))));
    return history.groupBy(col(Cols.BUYER_REF))
        .agg(latest.as("_latest"), latestSized.as("_sized"))
        .select(col(Cols.BUYER_REF),
            coalesce(col("_sized.t"), col("_latest.t")).as(Cols.BUYER_TYPE),
            col("_sized.s").as(Cols.BUYER_SIZE));
  }

  /**
   * Price per unit of buyer size, for one-off and recurring prices of buyers with a known size and
   * measure. A unit price per transaction already is a price per unit of use, so it is not divided.
   */
  static Column sizeAdjusted() {
    Column eligible = col(Cols.BASIS_CLASS).notEqual(BasisClass.PER_TRANSACTION.name())
        .and(col(Cols.SIZE_MEASURE).isNotNull())
        .and(col(Cols.BUYER_SIZE).isNotNull());
    return when(eligible, col(Cols.PRICE_GBP).cast("double").divide(col(Cols.BUYER_SIZE)));
  }
}
