package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.fairfee.jobs.flags.FlagRows.o;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * P5_OVERLAP: a recurring charge whose service period overlaps a period already charged. In:
 * normalised, credit-netted lines of the whole history. Out: one flags.csv row per overlapping
 * charge, naming the earlier charge it overlaps most.
 *
 * <p>The earlier charges are those of the same supplier, buyer, product_key and fee_type that give
 * a service period and come first (invoice_date, submission_id, line_no); per-transaction charges
 * pay for transactions, not for a period, and are not among them. Copies (P5_DUPLICATE) and
 * charges reversed in full take no part on either side. Periods include both end dates, so
 * consecutive monthly periods do not overlap.
 *
 * <p>The amount at stake is the share of the net amount for the days of the line's period that
 * earlier charges already cover (counted once where several cover the same day), to pence,
 * half-up. Lines are joined on the rule's key and the calendar months their periods touch, and a
 * pair is kept only in the month where its overlap starts, so long histories of monthly invoices
 * are compared month by month rather than every invoice against every other.
 */
public final class FlagOverlaps {
  private FlagOverlaps() {}

  private static final String MONTH = "_month";
  private static final String FROM = "_ov_from";
  private static final String TO = "_ov_to";
  private static final String DAYS = "_ov_days";
  private static final String COVERED = "_covered_days";
  private static final String EARLIER = "_n_earlier";
  private static final String AT_STAKE = "_at_stake";

  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    return fromOriginals(FlagDuplicates.originals(lines, options), options);
  }

  /** The flags, from {@link FlagDuplicates#originals} of the lines. */
  static Dataset<Row> fromOriginals(Dataset<Row> originals, FlagOptions options) {
    Dataset<Row> periods = originals
        .where(col(Cols.SERVICE_START).isNotNull().and(col(Cols.SERVICE_END).isNotNull()))
        .where(col(Cols.BASIS_CLASS).notEqual(BasisClass.PER_TRANSACTION.name()));
    Dataset<Row> recurring = periods.where(col(Cols.BASIS_CLASS).equalTo(BasisClass.RECURRING.name()))
        .withColumn(MONTH, explode(months(col(Cols.SERVICE_START), col(Cols.SERVICE_END))));
    // The earlier side carries only what the match and the evidence need.
    Dataset<Row> earlier = FlagRows.other(periods.select(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO),
            col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY), col(Cols.FEE_TYPE),
            col(Cols.INVOICE_DATE), col(Cols.SERVICE_START), col(Cols.SERVICE_END)))
        .withColumn(FlagRows.O + MONTH, explode(months(o(Cols.SERVICE_START), o(Cols.SERVICE_END))));

    Column from = greatest(col(Cols.SERVICE_START), o(Cols.SERVICE_START));
    Column to = least(col(Cols.SERVICE_END), o(Cols.SERVICE_END));
    Dataset<Row> pairs = recurring.join(earlier, col(Cols.SUPPLIER_REF).equalTo(o(Cols.SUPPLIER_REF))
            .and(col(Cols.BUYER_REF).equalTo(o(Cols.BUYER_REF)))
            .and(col(Cols.PRODUCT_KEY).equalTo(o(Cols.PRODUCT_KEY)))
            .and(col(Cols.FEE_TYPE).equalTo(o(Cols.FEE_TYPE)))
            .and(col(MONTH).equalTo(o(MONTH)))
            .and(FlagRows.otherComesFirst())
            .and(from.leq(to))
            .and(col(MONTH).equalTo(FlagRows.monthIndex(from))), "inner")
        .withColumn(FROM, from)
        .withColumn(TO, to)
        .withColumn(DAYS, datediff(col(TO), col(FROM)).plus(1));

    WindowSpec line = Window.partitionBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO));
    // Days covered by several earlier charges count once: walk the overlaps by start date and count
    // only the days after the furthest end seen so far (greatest() skips the null of the first).
    WindowSpec byStart = line.orderBy(col(FROM), col(TO), o(Cols.INVOICE_DATE), o(Cols.SUBMISSION_ID), o(Cols.LINE_NO))
        .rowsBetween(Window.unboundedPreceding(), -1);
    Column newFrom = greatest(col(FROM), date_add(max(col(TO)).over(byStart), 1));
    Column newDays = greatest(lit(0), datediff(col(TO), newFrom).plus(1));
    WindowSpec mostFirst = line.orderBy(col(DAYS).desc(), o(Cols.INVOICE_DATE), o(Cols.SUBMISSION_ID), o(Cols.LINE_NO));
    Column periodDays = datediff(col(Cols.SERVICE_END), col(Cols.SERVICE_START)).plus(1);
    Column atStake = round(col(Cols.NET_GBP).multiply(col(COVERED).cast(DataTypes.createDecimalType(10, 0)))
        .divide(periodDays.cast(DataTypes.createDecimalType(10, 0))), 2).cast(SparkSchemas.MONEY);
    Dataset<Row> overlapping = pairs
        .withColumn("_new_days", newDays)
        .withColumn(COVERED, sum(col("_new_days")).over(line))
        .withColumn(EARLIER, count(lit(1)).over(line))
        .withColumn("_rn", row_number().over(mostFirst))
        .where(col("_rn").equalTo(1))
        .withColumn(AT_STAKE, atStake);
    return FlagRows.toFlags(overlapping, RuleCode.P5_OVERLAP, col(AT_STAKE), o(Cols.SUBMISSION_ID), o(Cols.LINE_NO),
        evidence(periodDays));
  }

  /** The months (as {@link FlagRows#monthIndex}) a period touches. */
  private static Column months(Column start, Column end) {
    return sequence(FlagRows.monthIndex(start), FlagRows.monthIndex(end));
  }

  /**
   * "service period 2026-03-01 to 2026-05-31 overlaps 2026-01-01 to 2026-03-31 invoiced on line 1 of
   * submission S-1, 59 days earlier: 31 of 92 days already charged, £1,010.87 of net £3,000.00";
   * "by 2 earlier charges" is added after "already charged" when more than one covers the period.
   */
  private static Column evidence(Column periodDays) {
    Column by = when(col(EARLIER).gt(1), concat(lit(" by "), col(EARLIER).cast("string"), lit(" earlier charges")))
        .otherwise(lit(""));
    return concat(lit("service period "), col(Cols.SERVICE_START).cast("string"), lit(" to "),
        col(Cols.SERVICE_END).cast("string"), lit(" overlaps "), o(Cols.SERVICE_START).cast("string"), lit(" to "),
        o(Cols.SERVICE_END).cast("string"), lit(" invoiced on "), FlagRows.otherLine(), lit(", "),
        FlagRows.daysEarlier(datediff(col(Cols.INVOICE_DATE), o(Cols.INVOICE_DATE))), lit(": "),
        col(COVERED).cast("string"), lit(" of "), periodDays.cast("string"), lit(" days already charged"), by,
        lit(", "), FlagRows.money(col(AT_STAKE)), lit(" of net "), FlagRows.money(col(Cols.NET_GBP)));
  }
}
