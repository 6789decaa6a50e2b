package org.fairfee.jobs.normalise;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * Nets credit notes off the charges they reverse. In: normalised lines. Out: the same lines plus
 * credited_gbp and fully_credited.
 *
 * <p>A credit note names the invoice it reverses (credits_invoice_ref); it applies to the charges
 * of the same supplier and buyer whose normalised invoice_ref matches. Where several charges carry
 * that number (a charge and its copy), the credit goes to the latest first (by invoice_date, then
 * submission_id, then line_no, descending), because it is the copy that gets credited back: a
 * credit that covers a charge in full marks it fully_credited; what is left over reduces the next.
 */
public final class Credits {
  private Credits() {}

  private static final String TOTAL = "_credit_total";
  private static final String BEFORE = "_credited_before";

  public static Dataset<Row> apply(Dataset<Row> lines) {
    Dataset<Row> credits = lines.where(col(Cols.IS_CREDIT).and(col(Cols.CREDITS_REF_NORM).isNotNull()))
        .groupBy(col(Cols.SUPPLIER_REF).as("_c_supplier"), col(Cols.BUYER_REF).as("_c_buyer"),
            col(Cols.CREDITS_REF_NORM).as("_c_ref"))
        .agg(sum(org.apache.spark.sql.functions.negate(col(Cols.NET_GBP))).as(TOTAL));
    Column match = col(Cols.SUPPLIER_REF).equalTo(col("_c_supplier"))
        .and(col(Cols.BUYER_REF).equalTo(col("_c_buyer")))
        .and(col(Cols.INVOICE_REF_NORM).equalTo(col("_c_ref")));
    // Only charges that some credit note names take part in the window, so the shuffle stays small.
    Dataset<Row> named = lines.where(col(Cols.IS_CREDIT).unary_$bang().and(col(Cols.INVOICE_REF_NORM).isNotNull()))
        .select(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF),
            col(Cols.INVOICE_REF_NORM), col(Cols.INVOICE_DATE), col(Cols.NET_GBP))
        .join(broadcast(credits), match, "inner");
    WindowSpec latestFirst = Window.partitionBy(col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.INVOICE_REF_NORM))
        .orderBy(col(Cols.INVOICE_DATE).desc(), col(Cols.SUBMISSION_ID).desc(), col(Cols.LINE_NO).desc())
        .rowsBetween(Window.unboundedPreceding(), -1);
    Column before = coalesce(sum(col(Cols.NET_GBP)).over(latestFirst), lit(BigDecimal.ZERO));
    Dataset<Row> credited = named
        .withColumn(BEFORE, before)
        .select(col(Cols.SUBMISSION_ID).as("_k_sid"), col(Cols.LINE_NO).as("_k_line"),
            least(col(Cols.NET_GBP), greatest(lit(BigDecimal.ZERO), col(TOTAL).minus(col(BEFORE)))).as("_credited"));
    // Both small sides are broadcast: without it Spark, which has no statistics for them before they
    // run, plans sort-merge joins that shuffle and sort the whole history.
    Dataset<Row> joined = lines.join(broadcast(credited), col(Cols.SUBMISSION_ID).equalTo(col("_k_sid"))
        .and(col(Cols.LINE_NO).equalTo(col("_k_line"))), "left");
    return joined
        .withColumn(Cols.CREDITED_GBP, coalesce(col("_credited"), lit(BigDecimal.ZERO)).cast(SparkSchemas.MONEY))
        .withColumn(Cols.FULLY_CREDITED, col(Cols.NET_GBP).gt(0).and(col(Cols.CREDITED_GBP).geq(col(Cols.NET_GBP))))
        .drop("_k_sid", "_k_line", "_credited");
  }
}
