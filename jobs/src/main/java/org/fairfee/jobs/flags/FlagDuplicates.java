package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.fairfee.jobs.flags.FlagRows.o;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
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
 * <p>No line is compared with another: the lines are shuffled once by the charge key with the
 * amount, and within it windows over the invoice number or the service period take the earliest
 * line, so a long series of equal monthly invoices costs a sort, not a comparison of every pair.
 */
public final class FlagDuplicates {
  private FlagDuplicates() {}

  /** The original of a copy: struct(invoice_date, submission_id, line_no, invoice_ref, match), null for no copy. */
  private static final String ORIGINAL = "_original";
  private static final String MATCH = "match";
  private static final int BY_INVOICE = 0;
  private static final int BY_PERIOD = 1;

  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    return flagsOf(marked(lines, options));
  }

  /** The P5_DUPLICATE flags of lines {@link #marked} already. */
  static Dataset<Row> flagsOf(Dataset<Row> marked) {
    Column original = col(ORIGINAL);
    Dataset<Row> copies = marked.where(original.isNotNull())
        .withColumn(FlagRows.O + Cols.INVOICE_DATE, original.getField(Cols.INVOICE_DATE))
        .withColumn(FlagRows.O + Cols.SUBMISSION_ID, original.getField(Cols.SUBMISSION_ID))
        .withColumn(FlagRows.O + Cols.LINE_NO, original.getField(Cols.LINE_NO))
        .withColumn(FlagRows.O + Cols.INVOICE_REF, original.getField(Cols.INVOICE_REF))
        .withColumn(MATCH, original.getField(MATCH));
    Column atStake = col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP)).cast(SparkSchemas.MONEY);
    return FlagRows.toFlags(copies, RuleCode.P5_DUPLICATE, atStake, o(Cols.SUBMISSION_ID), o(Cols.LINE_NO),
        evidence());
  }

  /**
   * The charges that stand ({@link FlagRows#standing}) and are not copies: what the other charging-twice
   * rules compare, so that a copy is flagged once, as a copy.
   */
  static Dataset<Row> originals(Dataset<Row> lines, FlagOptions options) {
    return originalsOf(marked(lines, options));
  }

  /** {@link #originals} of lines {@link #marked} already. */
  static Dataset<Row> originalsOf(Dataset<Row> marked) {
    return marked.where(col(ORIGINAL).isNull()).drop(ORIGINAL);
  }

  /**
   * Standing charges with {@link #ORIGINAL}: a shuffle and three window sorts over every standing
   * line, so {@link CharterFlags#detect} computes it once for this rule, overlaps and recharges.
   */
  static Dataset<Row> marked(Dataset<Row> lines, FlagOptions options) {
    Column[] key = {col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY), col(Cols.FEE_TYPE),
        col(Cols.NET_GBP)};
    Column start = col(Cols.SERVICE_START);
    Column end = col(Cols.SERVICE_END);
    Column ref = col(Cols.INVOICE_REF_NORM);
    // Structs compare field by field, so the least of them is the first line in original-before-copy order.
    Column me = struct(col(Cols.INVOICE_DATE), col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.INVOICE_REF));

    WindowSpec sameInvoice = Window.partitionBy(with(key, ref));
    WindowSpec sameInvoiceAndPeriod = Window.partitionBy(with(key, ref, start, end));
    WindowSpec samePeriodWithinWindow = Window.partitionBy(with(key, start, end))
        .orderBy(datediff(col(Cols.INVOICE_DATE), lit(LocalDate.EPOCH)))
        .rangeBetween(-options.duplicateWindowDays(), Window.currentRow());

    // By invoice number: any earlier line with the number if this one gives no period, else the
    // earlier ones with the same period or with none.
    Column firstByInvoice = when(ref.isNull(), lit(null))
        .when(start.isNull(), min(me).over(sameInvoice))
        .otherwise(least(min(me).over(sameInvoiceAndPeriod), min(when(start.isNull(), me)).over(sameInvoice)));
    Column firstByPeriod = when(start.isNotNull(), min(me).over(samePeriodWithinWindow));

    Dataset<Row> firsts = FlagRows.standing(lines)
        .repartition(key) // every window below partitions by a superset of this key: one shuffle
        .withColumn("_by_invoice", firstByInvoice)
        .withColumn("_by_period", firstByPeriod);
    Column byInvoice = when(col("_by_invoice").lt(me), col("_by_invoice"));
    Column byPeriod = when(col("_by_period").lt(me), col("_by_period"));
    Column original = when(byInvoice.isNotNull().and(byPeriod.isNull().or(byInvoice.leq(byPeriod))),
            withMatch(byInvoice, BY_INVOICE))
        .when(byPeriod.isNotNull(), withMatch(byPeriod, BY_PERIOD));
    return firsts.withColumn(ORIGINAL, original).drop("_by_invoice", "_by_period");
  }

  private static Column withMatch(Column first, int match) {
    return struct(first.getField(Cols.INVOICE_DATE).as(Cols.INVOICE_DATE),
        first.getField(Cols.SUBMISSION_ID).as(Cols.SUBMISSION_ID), first.getField(Cols.LINE_NO).as(Cols.LINE_NO),
        first.getField(Cols.INVOICE_REF).as(Cols.INVOICE_REF), lit(match).as(MATCH));
  }

  private static Column[] with(Column[] key, Column... more) {
    Column[] all = java.util.Arrays.copyOf(key, key.length + more.length);
    System.arraycopy(more, 0, all, key.length, more.length);
    return all;
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
