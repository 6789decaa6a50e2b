package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.RuleCode;

/**
 * P3_NON_STANDARD (informational): a PROPRIETARY interface in a product category where the data
 * shows recognised standards in use. In: normalised, credit-netted lines of the whole history.
 * Out: one flags.csv row per standing PROPRIETARY charge in a category where at least
 * {@link FlagOptions#nonStandardMinSuppliers()} distinct suppliers charge for interfaces of a
 * recognised standard ({@link InterfaceStandard#isRecognisedStandard()}); nothing is at stake (0.00).
 */
public final class FlagNonStandard {
  private FlagNonStandard() {}

  private static final String CATEGORY = "_s_category";
  private static final String SUPPLIERS = "_s_suppliers";
  private static final String STANDARDS = "_s_standards";

  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    Dataset<Row> charges = FlagRows.standing(lines);
    Object[] recognised = Arrays.stream(InterfaceStandard.values()).filter(InterfaceStandard::isRecognisedStandard)
        .map(InterfaceStandard::name).toArray();
    // One row per product category: small, so it is broadcast to the proprietary lines.
    Dataset<Row> inUse = charges.where(col(Cols.INTERFACE_STANDARD).isin(recognised))
        .groupBy(col(Cols.PRODUCT_CATEGORY).as(CATEGORY))
        .agg(countDistinct(col(Cols.SUPPLIER_REF)).as(SUPPLIERS),
            array_join(array_sort(collect_set(col(Cols.INTERFACE_STANDARD))), ", ").as(STANDARDS))
        .where(col(SUPPLIERS).geq(options.nonStandardMinSuppliers()));
    Dataset<Row> proprietary = charges.where(col(Cols.INTERFACE_STANDARD).equalTo(InterfaceStandard.PROPRIETARY.name()))
        .join(broadcast(inUse), col(Cols.PRODUCT_CATEGORY).equalTo(col(CATEGORY)), "inner");
    return FlagRows.toFlags(proprietary, RuleCode.P3_NON_STANDARD, lit(BigDecimal.ZERO), FlagRows.noRelated(),
        FlagRows.noRelated(), evidence());
  }

  /**
   * "PROPRIETARY interface IF-7 in product category EPR, where 3 suppliers use recognised standards
   * (FHIR_R4, HL7_V2)".
   */
  private static Column evidence() {
    Column which = when(col(Cols.INTERFACE_REF).isNotNull(), concat(lit(" "), col(Cols.INTERFACE_REF)))
        .otherwise(lit(""));
    return concat(lit(InterfaceStandard.PROPRIETARY.name() + " interface"), which, lit(" in product category "),
        col(Cols.PRODUCT_CATEGORY), lit(", where "), col(SUPPLIERS).cast("string"),
        lit(" suppliers use recognised standards ("), col(STANDARDS), lit(")"));
  }
}
