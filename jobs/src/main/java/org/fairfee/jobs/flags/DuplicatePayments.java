package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.jobs.importspend.SpendDescription;
import org.fairfee.jobs.importspend.SpendFile;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.InvoiceRefs;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * P5_DUPLICATE_PAYMENT, for payments imported from published spend files ({@code fairfee
 * import-spend}): two payments by one buyer to one supplier of the same net amount (at least
 * {@link SpendOptions#duplicateMinGbp()}), under different references, paid at most
 * {@link SpendOptions#duplicateWindowDays()} days apart. The later payment is flagged, with the
 * nearest earlier one as the related line; lines of one split reference share it and are never a
 * pair; a payment credited back in full is not paid twice. Lines of contract submissions (any
 * submission_id without the {@link SpendFile#SUBMISSION_PREFIX} prefix) are left to the contract's
 * rules. A same-amount pair is a lead for a person to check, not proof: hence severity review.
 */
public final class DuplicatePayments {
  private DuplicatePayments() {}

  private static final String E = "_e_";
  private static final String THEIR_REF = "_their_ref";
  private static final String DAYS = "_days";
  private static final String RANK = "_rank";

  /**
   * In: normalised lines ({@code Normalise.apply}, optionally {@code Credits.apply}), all history up to
   * the period's end. Out: one {@code Tables.FLAGS} row per later payment of a pair, for every line of
   * the input; the caller keeps those of its period. Sorted by submission_id, line_no.
   */
  public static Dataset<Row> detect(Dataset<Row> lines, SpendOptions o) {
    Dataset<Row> payments = payments(lines, o);
    Dataset<Row> earlier = payments.select(Arrays.stream(payments.columns())
        .map(c -> col(c).as(E + c)).toArray(Column[]::new));
    Column sameKey = col(Cols.SUPPLIER_REF).equalTo(col(E + Cols.SUPPLIER_REF))
        .and(col(Cols.BUYER_REF).equalTo(col(E + Cols.BUYER_REF)))
        .and(col(Cols.NET_GBP).equalTo(col(E + Cols.NET_GBP)));
    Column days = datediff(col(Cols.INVOICE_DATE), col(E + Cols.INVOICE_DATE));
    Column isEarlier = col(E + Cols.INVOICE_DATE).lt(col(Cols.INVOICE_DATE))
        .or(col(E + Cols.INVOICE_DATE).equalTo(col(Cols.INVOICE_DATE))
            .and(col(E + Cols.SUBMISSION_ID).lt(col(Cols.SUBMISSION_ID))
                .or(col(E + Cols.SUBMISSION_ID).equalTo(col(Cols.SUBMISSION_ID))
                    .and(col(E + Cols.LINE_NO).lt(col(Cols.LINE_NO))))));
    // An equi-join on (supplier, buyer, amount): only payments that could pair meet; the window and
    // reference tests run within those small groups.
    Dataset<Row> pairs = payments.join(earlier, sameKey
        .and(col(Cols.INVOICE_REF_NORM).notEqual(col(E + Cols.INVOICE_REF_NORM)))
        .and(days.between(0, o.duplicateWindowDays()))
        .and(isEarlier), "inner")
        .withColumn(DAYS, days);
    Dataset<Row> nearest = pairs
        .withColumn(RANK, row_number().over(Window.partitionBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO))
            .orderBy(col(E + Cols.INVOICE_DATE).desc(), col(E + Cols.SUBMISSION_ID).desc(),
                col(E + Cols.LINE_NO).desc())))
        .where(col(RANK).equalTo(1));
    Dataset<Row> flags = nearest.select(
        col(Cols.SUBMISSION_ID),
        col(Cols.LINE_NO),
        col(Cols.SUPPLIER_REF),
        col(Cols.BUYER_REF),
        lit(RuleCode.P5_DUPLICATE_PAYMENT.name()).as(Cols.RULE),
        lit(RuleCode.P5_DUPLICATE_PAYMENT.severity().value()).as(Cols.SEVERITY),
        col(Cols.NET_GBP).cast(SparkSchemas.MONEY).as(Cols.NET_GBP),
        col(Cols.NET_GBP).cast(SparkSchemas.MONEY).as(Cols.AMOUNT_AT_STAKE_GBP),
        col(E + Cols.SUBMISSION_ID).as(Cols.RELATED_SUBMISSION_ID),
        col(E + Cols.LINE_NO).as(Cols.RELATED_LINE_NO),
        evidence().as(Cols.EVIDENCE),
        lit(null).cast(SparkSchemas.PRICE).as(Cols.EXPECTED_FEE_GBP),
        lit(null).cast(SparkSchemas.PRICE).as(Cols.BAND_LOW_GBP),
        lit(null).cast(SparkSchemas.PRICE).as(Cols.BAND_HIGH_GBP),
        lit(null).cast(DataTypes.DoubleType).as(Cols.RATIO),
        lit(null).cast(DataTypes.DoubleType).as(Cols.SCORE),
        col(Cols.INVOICE_DATE),
        col(Cols.PRODUCT_CATEGORY),
        col(Cols.INTERFACE_STANDARD),
        col(Cols.FEE_TYPE),
        col(Cols.INTERFACE_REF),
        col(Cols.INVOICE_REF))
        .orderBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO));
    return lines.sparkSession().createDataFrame(flags.javaRDD(), SparkSchemas.of(Tables.FLAGS));
  }

  /** Imported positive payments that could be paid twice: big enough, with a reference, not credited back. */
  static Dataset<Row> payments(Dataset<Row> lines, SpendOptions o) {
    Dataset<Row> spend = lines.where(col(Cols.SUBMISSION_ID).startsWith(SpendFile.SUBMISSION_PREFIX));
    if (!Arrays.asList(spend.columns()).contains(Cols.FULLY_CREDITED)) {
      spend = Credits.apply(spend);
    }
    return spend
        .where(col(Cols.NET_GBP).geq(lit(o.duplicateMinGbp()))
            .and(col(Cols.INVOICE_REF_NORM).isNotNull())
            .and(col(Cols.FULLY_CREDITED).unary_$bang()))
        .select(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF),
            col(Cols.NET_GBP), col(Cols.INVOICE_DATE), col(Cols.INVOICE_REF), col(Cols.INVOICE_REF_NORM),
            col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.INTERFACE_REF),
            theirRef().as(THEIR_REF));
  }

  /** The supplier's own reference, as the importer wrote it into the description; null when none. */
  static Column theirRef() {
    Column r = regexp_extract(col(Cols.DESCRIPTION), SpendDescription.THEIR_REF_PATTERN, 1);
    return when(col(Cols.DESCRIPTION).isNull().or(r.equalTo("")), lit(null).cast(DataTypes.StringType)).otherwise(r);
  }

  /**
   * "same amount £149,148.00 paid on 2020-06-08 (ref 1288429, their ref B000038107) and on 2020-06-10
   * (ref 1280080, their ref INV02575791), 2 days apart", plus a note when the supplier's reference is
   * the same on both.
   */
  static Column evidence() {
    Column apart = when(col(DAYS).equalTo(0), lit("on the same day"))
        .when(col(DAYS).equalTo(1), lit("1 day apart"))
        .otherwise(concat(col(DAYS).cast(DataTypes.StringType), lit(" days apart")));
    Column sameTheirRef = col(E + THEIR_REF).isNotNull().and(col(THEIR_REF).isNotNull())
        .and(upper(InvoiceRefs.normalise(col(E + THEIR_REF))).equalTo(upper(InvoiceRefs.normalise(col(THEIR_REF)))));
    return concat(
        lit("same amount £"), format_number(abs(col(Cols.NET_GBP)), 2),
        lit(" paid on "), col(E + Cols.INVOICE_DATE).cast(DataTypes.StringType), lit(" ("), ref(E),
        lit(") and on "), col(Cols.INVOICE_DATE).cast(DataTypes.StringType), lit(" ("), ref(""),
        lit("), "), apart,
        when(sameTheirRef, concat(lit("; the supplier's reference "), col(THEIR_REF), lit(" is the same on both")))
            .otherwise(lit("")));
  }

  private static Column ref(String prefix) {
    Column own = concat(lit("ref "), col(prefix + Cols.INVOICE_REF));
    return when(col(prefix + THEIR_REF).isNull(), own)
        .otherwise(concat(own, lit(", their ref "), col(prefix + THEIR_REF)));
  }
}
