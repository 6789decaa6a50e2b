package org.fairfee.jobs.decisions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.fairfee.reports.model.Flag;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * restricted/savings-by-supplier.csv, the market view for commercial teams (restricted, not for
 * suppliers), made on the driver from the month's reviewed flags: per supplier and product category,
 * the number of lines with a P4 flag that is not dismissed and their total amount at stake, a line
 * flagged by more than one P4 rule counting once with the largest of its amounts; largest total
 * first, then supplier and category.
 */
public final class Savings {
  private Savings() {}

  /** The rows ({@code Tables.FEE_MARKET_VIEW}) from the month's flags. */
  public static List<Row> of(List<Flag> month) {
    Map<List<Object>, BigDecimal> perLine = new LinkedHashMap<>();
    for (Flag f : month) {
      if (isP4(f) && !f.dismissed()) {
        perLine.merge(List.of(f.supplierRef(), f.productCategory(), f.submissionId(), f.lineNo()),
            f.amountAtStakeGbp(), BigDecimal::max);
      }
    }
    Map<List<String>, Object[]> groups = new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
        .thenComparing(k -> k.get(1)));
    perLine.forEach((k, amount) -> {
      Object[] t = groups.computeIfAbsent(List.of((String) k.get(0), (String) k.get(1)),
          g -> new Object[] {0L, BigDecimal.ZERO});
      t[0] = (Long) t[0] + 1;
      t[1] = ((BigDecimal) t[1]).add(amount);
    });
    StructType schema = SparkSchemas.of(Tables.FEE_MARKET_VIEW);
    List<Row> out = new ArrayList<>();
    groups.forEach((k, t) -> out.add(new GenericRowWithSchema(new Object[] {k.get(0), k.get(1), t[0],
        ((BigDecimal) t[1]).setScale(2)}, schema)));
    out.sort(Comparator.comparing((Row r) -> (BigDecimal) r.getAs(Cols.AMOUNT_AT_STAKE_GBP), Comparator.reverseOrder())
        .thenComparing(r -> (String) r.getAs(Cols.SUPPLIER_REF))
        .thenComparing(r -> (String) r.getAs(Cols.PRODUCT_CATEGORY)));
    return out;
  }

  private static boolean isP4(Flag f) {
    return f.ruleCode().family().equals("P4");
  }
}
