package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * Totals of flags for the reports: a handful of rows, small enough to collect on the driver. Rules
 * or suppliers without flags have no row.
 */
public final class FlagTotals {
  private FlagTotals() {}

  /** In: flags. Out: rule, n_flags, amount_at_stake_gbp, one row per rule, sorted by rule. */
  public static Dataset<Row> byRule(Dataset<Row> flags) {
    FlagRows.requireFlags(flags);
    return flags.groupBy(col(Cols.RULE)).agg(totals()[0], totals()[1]).orderBy(col(Cols.RULE));
  }

  /** In: flags. Out: supplier_ref, rule, n_flags, amount_at_stake_gbp, sorted by supplier_ref, rule. */
  public static Dataset<Row> bySupplier(Dataset<Row> flags) {
    FlagRows.requireFlags(flags);
    return flags.groupBy(col(Cols.SUPPLIER_REF), col(Cols.RULE)).agg(totals()[0], totals()[1])
        .orderBy(col(Cols.SUPPLIER_REF), col(Cols.RULE));
  }

  private static Column[] totals() {
    return new Column[] {
        count(lit(1)).as(Cols.N_FLAGS),
        sum(col(Cols.AMOUNT_AT_STAKE_GBP)).cast(SparkSchemas.MONEY).as(Cols.AMOUNT_AT_STAKE_GBP)};
  }
}
