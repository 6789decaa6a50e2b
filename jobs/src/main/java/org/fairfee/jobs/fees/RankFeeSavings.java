package org.fairfee.jobs.fees;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.schemas.Tables;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * The market view for commercial teams (restricted, not for suppliers). In: flags (any rules;
 * {@code Tables.FLAGS}). Out: {@link Tables#FEE_MARKET_VIEW}: per supplier and product category, the
 * number of lines with a P4 flag and their total excess, largest first (then by supplier and
 * category). A line flagged by more than one P4 rule counts once, with the largest of its
 * amounts, so the total is not counted twice.
 */
public final class RankFeeSavings {
  private RankFeeSavings() {}

  private static final String LINE_AMOUNT = "_line_amount";
  private static final Object[] P4_RULES = java.util.Arrays.stream(RuleCode.values())
      .filter(r -> r.family().equals("P4")).map(Enum::name).toArray();

  public static Dataset<Row> apply(Dataset<Row> flags) {
    FeeGroups.requireColumns(flags, java.util.List.of(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.SUPPLIER_REF,
        Cols.PRODUCT_CATEGORY, Cols.RULE, Cols.AMOUNT_AT_STAKE_GBP), "flags");
    Dataset<Row> perLine = flags
        .where(col(Cols.RULE).isin(P4_RULES))
        .groupBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO), col(Cols.SUPPLIER_REF), col(Cols.PRODUCT_CATEGORY))
        .agg(max(col(Cols.AMOUNT_AT_STAKE_GBP)).as(LINE_AMOUNT));
    return perLine
        .groupBy(col(Cols.SUPPLIER_REF), col(Cols.PRODUCT_CATEGORY))
        .agg(count(lit(1)).as(Cols.N_FLAGGED_LINES),
            coalesce(sum(col(LINE_AMOUNT)).cast(SparkSchemas.MONEY), lit(BigDecimal.ZERO)).as(Cols.AMOUNT_AT_STAKE_GBP))
        .orderBy(col(Cols.AMOUNT_AT_STAKE_GBP).desc(), col(Cols.SUPPLIER_REF), col(Cols.PRODUCT_CATEGORY));
  }
}
