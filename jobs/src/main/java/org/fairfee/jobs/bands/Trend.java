package org.fairfee.jobs.bands;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Table;

/**
 * The market trend for the report. In: price points ({@link PricePoints#TABLE}). Out: for each
 * month of the window and each roll-up cell (product_category, fee_type, basis_class, across
 * standards), the median price of the price points active in that month (between active_from and
 * active_to), with the disclosure rule of the bands applied to each month-cell: a suppressed
 * month-cell shows counts only. There is no total above these cells, so no secondary suppression.
 * Sorted by month, category, fee type and basis class.
 */
public final class Trend {
  private Trend() {}

  public static final Table TABLE = new Table("benchmark_trend", List.of(
      Field.required(Cols.MONTH, FieldType.STRING),
      Field.required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      Field.required(Cols.FEE_TYPE, FieldType.STRING),
      Field.required(Cols.BASIS_CLASS, FieldType.STRING),
      Field.required(Cols.N_PRICE_POINTS, FieldType.LONG),
      Field.required(Cols.N_SUPPLIERS, FieldType.LONG),
      Field.required(Cols.N_BUYERS, FieldType.LONG),
      Field.required(Cols.MAX_SUPPLIER_SHARE, FieldType.DOUBLE),
      Field.optional(Cols.MEDIAN, FieldType.PRICE),
      Field.required(Cols.PUBLISHED, FieldType.BOOLEAN),
      Field.optional(Cols.SUPPRESSED_REASON, FieldType.STRING)));

  static final List<String> CELL = List.of(Cols.MONTH, Cols.PRODUCT_CATEGORY, Cols.FEE_TYPE, Cols.BASIS_CLASS);

  private static final String SUPPLIER_N = "_supplier_n";

  public static Dataset<Row> apply(Dataset<Row> points, String period, BandOptions options) {
    BenchmarkWindow window = BenchmarkWindow.of(period, options);
    Columns.require(points, "price points", List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_CATEGORY,
        Cols.FEE_TYPE, Cols.BASIS_CLASS, Cols.PRICE_GBP, Cols.ACTIVE_FROM, Cols.ACTIVE_TO));
    SparkSession spark = points.sparkSession();
    List<Row> months = window.months().stream().map(m -> RowFactory.create(m)).toList();
    Dataset<Row> monthTable = spark.createDataFrame(months,
        DataTypes.createStructType(List.of(DataTypes.createStructField(Cols.MONTH, DataTypes.StringType, false))));
    List<String> cellAndSupplier = new ArrayList<>(CELL);
    cellAndSupplier.add(Cols.SUPPLIER_REF);
    Dataset<Row> cells = points
        .join(broadcast(monthTable), col(Cols.MONTH).between(col(Cols.ACTIVE_FROM), col(Cols.ACTIVE_TO)))
        .withColumn(SUPPLIER_N, count(lit(1)).over(Window.partitionBy(Columns.of(cellAndSupplier))))
        .groupBy(Columns.of(CELL))
        .agg(size(collect_set(col(Cols.BUYER_REF))).cast("long").as(Cols.N_BUYERS),
            percentile(col(Cols.PRICE_GBP).cast("double"), lit(0.5)).as("_median"),
            collect_set(struct(col(Cols.SUPPLIER_REF), col(SUPPLIER_N))).as("_suppliers"));
    List<Row> rows = new ArrayList<>();
    for (Row r : cells.collectAsList()) {
      Map<String, Long> counts = new TreeMap<>();
      for (Row e : r.<Row>getList(r.fieldIndex("_suppliers"))) {
        counts.put(e.getString(0), e.getLong(1));
      }
      Optional<String> reason = Disclosure.primaryReason(counts, options);
      Map<String, Object> v = new LinkedHashMap<>();
      for (String c : CELL) {
        v.put(c, r.getAs(c));
      }
      v.put(Cols.N_PRICE_POINTS, Disclosure.points(counts));
      v.put(Cols.N_SUPPLIERS, Disclosure.suppliers(counts));
      v.put(Cols.N_BUYERS, r.getLong(r.fieldIndex(Cols.N_BUYERS)));
      v.put(Cols.MAX_SUPPLIER_SHARE, Disclosure.maxShare(counts));
      v.put(Cols.MEDIAN, reason.isPresent() ? null : Bands.price(r.getDouble(r.fieldIndex("_median"))));
      v.put(Cols.PUBLISHED, reason.isEmpty());
      v.put(Cols.SUPPRESSED_REASON, reason.orElse(null));
      rows.add(RowFactory.create(TABLE.columnNames().stream().map(v::get).toArray()));
    }
    return spark.createDataFrame(rows, SparkSchemas.of(TABLE)).orderBy(Columns.of(CELL));
  }
}
