package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.fairfee.jobs.flags.FlagRows.o;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * P5_DUPLICATE: a copy of a charge already made. In: normalised, credit-netted lines of the whole
 * history. Out: one flags.csv row per copy, naming its original.
 *
 * <p>Two charges are the same charge when supplier, buyer, product_key, fee_type and net amount
 * agree, and either their normalised invoice numbers agree or their service periods are equal and
 * they were invoiced within {@link FlagOptions#duplicateWindowDays()} of each other. A line is a
 * copy when such a charge comes before it (invoice_date, submission_id, line_no); the first of
 * those is its original. Credit notes and charges reversed in full take no part at all, so a
 * credited-back copy is not flagged and cannot make another line a copy.
 *
 * <p>Lines of one invoice that bill different service periods (a quarterly invoice with a line per
 * month) share the invoice number without being copies: the same number counts only when the
 * periods agree or one of the two lines gives none.
 *
 * <p>Both matches are equi-joins on the full key (with the amount, and the invoice number or the
 * service period), so only lines that already agree on all of those are ever compared.
 */
public final class FlagDuplicates {
  private FlagDuplicates() {}

  private static final String MATCH = "_match";
  private static final int BY_INVOICE = 0;
  private static final int BY_PERIOD = 1;

  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    Dataset<Row> charges = FlagRows.standing(lines);
    Dataset<Row> earlier = FlagRows.other(charges);

    Dataset<Row> byInvoice = charges.join(earlier, sameChargeKey()
            .and(col(Cols.INVOICE_REF_NORM).equalTo(o(Cols.INVOICE_REF_NORM)))
            .and(FlagRows.otherComesFirst())
            .and(periodsAgree()), "inner")
        .withColumn(MATCH, lit(BY_INVOICE));
    Dataset<Row> byPeriod = charges.join(earlier, sameChargeKey()
            .and(col(Cols.SERVICE_START).equalTo(o(Cols.SERVICE_START)))
            .and(col(Cols.SERVICE_END).equalTo(o(Cols.SERVICE_END)))
            .and(FlagRows.otherComesFirst())
            .and(daysApart().leq(options.duplicateWindowDays())), "inner")
        .withColumn(MATCH, lit(BY_PERIOD));

    // The first earlier match is the original; an invoice-number match explains it best when both hold.
    Column[] order = new Column[] {o(Cols.INVOICE_DATE).asc(), o(Cols.SUBMISSION_ID).asc(), o(Cols.LINE_NO).asc(),
        col(MATCH).asc()};
    Dataset<Row> copies = byInvoice.unionByName(byPeriod)
        .withColumn("_rn", row_number().over(Window.partitionBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO))
            .orderBy(order)))
        .where(col("_rn").equalTo(1));

    Column atStake = col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP)).cast(SparkSchemas.MONEY);
    return FlagRows.toFlags(copies, RuleCode.P5_DUPLICATE, atStake, o(Cols.SUBMISSION_ID), o(Cols.LINE_NO),
        evidence());
  }

  private static Column sameChargeKey() {
    return col(Cols.SUPPLIER_REF).equalTo(o(Cols.SUPPLIER_REF))
        .and(col(Cols.BUYER_REF).equalTo(o(Cols.BUYER_REF)))
        .and(col(Cols.PRODUCT_KEY).equalTo(o(Cols.PRODUCT_KEY)))
        .and(col(Cols.FEE_TYPE).equalTo(o(Cols.FEE_TYPE)))
        .and(col(Cols.NET_GBP).equalTo(o(Cols.NET_GBP)));
  }

  /** Equal service periods, or at least one of the two lines gives none (service_start and service_end come together). */
  private static Column periodsAgree() {
    return col(Cols.SERVICE_START).isNull().or(o(Cols.SERVICE_START).isNull())
        .or(col(Cols.SERVICE_START).equalTo(o(Cols.SERVICE_START)).and(col(Cols.SERVICE_END).equalTo(o(Cols.SERVICE_END))));
  }

  private static Column daysApart() {
    return datediff(col(Cols.INVOICE_DATE), o(Cols.INVOICE_DATE));
  }

  /**
   * "same invoice INV-00123 as line 7 of submission S-1, net £12,400.00, 21 days earlier" (plus
   * "printed there as ..." when the original prints the number differently), or "service period
   * 2026-10-01 to 2026-10-31 already invoiced on line 3 of submission S-1, 14 days earlier, same net £1,000.00".
   */
  private static Column evidence() {
    Column printedThere = when(col(Cols.INVOICE_REF).equalTo(o(Cols.INVOICE_REF)), lit(""))
        .otherwise(concat(lit(" (printed there as "), o(Cols.INVOICE_REF), lit(")")));
    Column sameInvoice = concat(lit("same invoice "), col(Cols.INVOICE_REF), lit(" as "), FlagRows.otherLine(),
        printedThere, lit(", net "), FlagRows.money(col(Cols.NET_GBP)), lit(", "), FlagRows.daysEarlier(daysApart()));
    Column samePeriod = concat(lit("service period "), col(Cols.SERVICE_START).cast("string"), lit(" to "),
        col(Cols.SERVICE_END).cast("string"), lit(" already invoiced on "), FlagRows.otherLine(), lit(", "),
        FlagRows.daysEarlier(daysApart()), lit(", same net "), FlagRows.money(col(Cols.NET_GBP)));
    return when(col(MATCH).equalTo(BY_INVOICE), sameInvoice).otherwise(samePeriod);
  }
}
