package org.fairfee.jobs.fees;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * The price points of each peer group gathered into one row (groupBy + collect_list), so the
 * per-group method runs as plain Java on an executor; the points never all come to the driver.
 */
final class FeeGroups {
  private FeeGroups() {}

  /** The columns the P4 steps read from the price points. */
  static final List<String> POINT_COLUMNS = List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_KEY,
      Cols.FEE_TYPE, Cols.BASIS_CLASS, Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD, Cols.BUYER_TYPE,
      Cols.BUYER_SIZE, Cols.PRICE_GBP);

  static final String POINTS = "_points";

  /** One row per peer group: the four group columns and the list of its points with a positive price. */
  static Dataset<Row> grouped(Dataset<Row> points) {
    requireColumns(points, POINT_COLUMNS, "price points");
    return points
        .where(col(Cols.PRICE_GBP).gt(0))
        .groupBy(col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS))
        .agg(collect_list(struct(
            col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY), col(Cols.BUYER_TYPE),
            col(Cols.BUYER_SIZE).cast(DataTypes.DoubleType).as(Cols.BUYER_SIZE),
            col(Cols.PRICE_GBP).cast(SparkSchemas.PRICE).as(Cols.PRICE_GBP))).as(POINTS));
  }

  static PeerGroup group(Row r) {
    return new PeerGroup(r.getString(0), r.getString(1), r.getString(2), r.getString(3));
  }

  static List<PricePoint> points(Row r) {
    return points(r.<Row>getList(4));
  }

  /** The points of a {@link #grouped} row's list. */
  static List<PricePoint> points(List<Row> rows) {
    List<PricePoint> out = new ArrayList<>(rows.size());
    for (Row p : rows) {
      out.add(new PricePoint(p.getString(0), p.getString(1), p.getString(2), p.getString(3),
          p.isNullAt(4) ? null : p.getDouble(4), p.getDecimal(5)));
    }
    return out;
  }

  static void requireColumns(Dataset<Row> ds, List<String> columns, String what) {
    List<String> have = Arrays.asList(ds.columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("the " + what + " have no column " + c + "; columns are " + have);
      }
    }
  }

  /** Pounds at the PRICE scale (4 decimals), half-up. */
  static BigDecimal price(double gbp) {
    return BigDecimal.valueOf(gbp).setScale(4, RoundingMode.HALF_UP);
  }

  /** A ratio, score or fitted coefficient at a fixed number of decimals, half-up; null stays null. */
  static Double round(Double v, int decimals) {
    if (v == null || v.isNaN() || v.isInfinite()) {
      return null;
    }
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
