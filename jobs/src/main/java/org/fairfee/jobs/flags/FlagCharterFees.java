package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * P1_SPEC_FEE and P2_COOP_FEE: fees the charter says should be nil. In: normalised, credit-netted
 * lines. Out: one flags.csv row per positive SPECIFICATION_ACCESS (P1) or COOPERATION (P2) fee
 * that no credit note reverses in full; the amount at stake is the net fee.
 */
public final class FlagCharterFees {
  private FlagCharterFees() {}

  public static Dataset<Row> apply(Dataset<Row> lines) {
    Dataset<Row> charges = FlagRows.standing(lines);
    return rule(charges, FeeType.SPECIFICATION_ACCESS, RuleCode.P1_SPEC_FEE)
        .unionByName(rule(charges, FeeType.COOPERATION, RuleCode.P2_COOP_FEE));
  }

  private static Dataset<Row> rule(Dataset<Row> charges, FeeType fee, RuleCode rule) {
    return FlagRows.toFlags(charges.where(col(Cols.FEE_TYPE).equalTo(fee.name())), rule,
        col(Cols.NET_GBP).cast(SparkSchemas.MONEY), FlagRows.noRelated(), FlagRows.noRelated(), evidence(fee, rule));
  }

  /**
   * "SPECIFICATION_ACCESS fee of £2,500.00 for interface IF-3, invoiced 2026-10-05; the charter
   * says interface specifications are available without charge" ("for product EPR" when the line
   * names no interface).
   */
  private static Column evidence(FeeType fee, RuleCode rule) {
    String principle = rule.principle().substring(0, 1).toLowerCase(Locale.ROOT) + rule.principle().substring(1);
    Column what = when(col(Cols.INTERFACE_REF).isNotNull(), concat(lit("interface "), col(Cols.INTERFACE_REF)))
        .otherwise(concat(lit("product "), col(Cols.PRODUCT_CATEGORY)));
    return concat(lit(fee.name() + " fee of "), FlagRows.money(col(Cols.NET_GBP)), lit(" for "), what,
        lit(", invoiced "), col(Cols.INVOICE_DATE).cast("string"), lit("; the charter says " + principle));
  }
}
