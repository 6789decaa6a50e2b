package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.fairfee.jobs.flags.FlagRows.o;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * P5_RECHARGE: a DEVELOPMENT fee for an interface whose development was already charged, to any
 * buyer. In: normalised, credit-netted lines of the whole history. Out: one flags.csv row per later
 * development charge, naming the first.
 *
 * <p>An interface is supplier_ref + interface_ref; lines that name no interface cannot be judged.
 * The first development charge (invoice_date, submission_id, line_no) stands; every later one is
 * flagged. Copies (P5_DUPLICATE, flagged already) and charges reversed in full take no part.
 * IMPLEMENTATION is charged per buyer legitimately and is not looked at.
 */
public final class FlagRecharges {
  private FlagRecharges() {}

  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    return fromOriginals(FlagDuplicates.originals(lines, options));
  }

  /** The flags, from {@link FlagDuplicates#originals} of the lines. */
  static Dataset<Row> fromOriginals(Dataset<Row> originals) {
    Dataset<Row> development = originals
        .where(col(Cols.FEE_TYPE).equalTo(FeeType.DEVELOPMENT.name()).and(col(Cols.INTERFACE_REF).isNotNull()));
    WindowSpec byInterface = Window.partitionBy(col(Cols.SUPPLIER_REF), col(Cols.INTERFACE_REF))
        .orderBy(FlagRows.lineOrder());
    WindowSpec fromFirst = byInterface.rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> later = development
        .withColumn("_rn", row_number().over(byInterface))
        .withColumn(FlagRows.O + Cols.SUBMISSION_ID, first(col(Cols.SUBMISSION_ID)).over(fromFirst))
        .withColumn(FlagRows.O + Cols.LINE_NO, first(col(Cols.LINE_NO)).over(fromFirst))
        .withColumn(FlagRows.O + Cols.BUYER_REF, first(col(Cols.BUYER_REF)).over(fromFirst))
        .withColumn(FlagRows.O + Cols.INVOICE_DATE, first(col(Cols.INVOICE_DATE)).over(fromFirst))
        .withColumn(FlagRows.O + Cols.NET_GBP, first(col(Cols.NET_GBP)).over(fromFirst))
        .where(col("_rn").gt(1));
    Column atStake = col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP)).cast(SparkSchemas.MONEY);
    return FlagRows.toFlags(later, RuleCode.P5_RECHARGE, atStake, o(Cols.SUBMISSION_ID), o(Cols.LINE_NO),
        evidence());
  }

  /**
   * "development of interface IF-9 already charged to buyer BUY-1 on line 2 of submission S-1, invoiced
   * 2026-01-15, net £50,000.00".
   */
  private static Column evidence() {
    return concat(lit("development of interface "), col(Cols.INTERFACE_REF), lit(" already charged to buyer "),
        o(Cols.BUYER_REF), lit(" on "), FlagRows.otherLine(), lit(", invoiced "),
        o(Cols.INVOICE_DATE).cast("string"), lit(", net "), FlagRows.money(o(Cols.NET_GBP)));
  }
}
