package org.fairfee.jobs.bands;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * Benchmark bands with disclosure control. In: price points ({@link PricePoints#TABLE}). Out: the
 * rows of benchmarks.csv ({@code Tables.BENCHMARKS}), one per peer group (product_category,
 * interface_standard, fee_type, basis_class) and one per roll-up across standards
 * (interface_standard = ALL), sorted by category, standard (ALL last), fee type and basis class.
 *
 * <p>Percentiles are exact, with linear interpolation between the two nearest ranks (Hyndman and
 * Fan type 7, R's default, the same as Excel's PERCENTILE.INC and Commons Math's
 * {@code EstimationType.R_7}): Spark's {@code percentile} aggregate, computed per cell on the
 * executors. The mean is the exact decimal mean. The size-adjusted band is the same percentiles of
 * price / buyer_size, over the points whose buyer has a known size; only where they all use one
 * size measure, and only where those points pass the disclosure rule by themselves. Disclosure
 * control is {@link Disclosure}: a suppressed cell shows its counts and max_supplier_share, and
 * every statistic is null.
 */
public final class Bands {
  private Bands() {}

  /** The percentile method, for the manifest and the report. */
  public static final String PERCENTILE_METHOD =
      "exact percentiles, linear interpolation between closest ranks (Hyndman-Fan type 7, R-7; Spark percentile)";

  static final double[] BAND = {0.10, 0.25, 0.50, 0.75, 0.90};
  static final double[] SA_BAND = {0.25, 0.50, 0.75};

  static final List<String> POINT_COLUMNS = List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_CATEGORY,
      Cols.INTERFACE_STANDARD, Cols.FEE_TYPE, Cols.BASIS_CLASS, Cols.PRICE_GBP, Cols.SIZE_MEASURE, Cols.SA_PRICE_GBP);
  static final List<String> CELL = List.of(Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD, Cols.FEE_TYPE,
      Cols.BASIS_CLASS);

  private static final String PRICE = "_price";
  private static final String MEASURE = "_measure";
  private static final String SUPPLIER_N = "_supplier_n";
  private static final String SUPPLIER_SIZED = "_supplier_sized";

  public static Dataset<Row> apply(Dataset<Row> points, String period, BandOptions options) {
    BenchmarkWindow window = BenchmarkWindow.of(period, options);
    Columns.require(points, "price points", POINT_COLUMNS);
    SortedMap<CellKey, Row> stats = new TreeMap<>();
    SortedMap<CellKey, Map<String, Long>> counts = new TreeMap<>();
    SortedMap<CellKey, Map<String, Long>> sized = new TreeMap<>();
    for (Row r : cellStatistics(points).collectAsList()) {
      CellKey k = new CellKey(r.getAs(Cols.PRODUCT_CATEGORY), r.getAs(Cols.INTERFACE_STANDARD),
          r.getAs(Cols.FEE_TYPE), r.getAs(Cols.BASIS_CLASS));
      stats.put(k, r);
      Map<String, Long> n = new TreeMap<>();
      Map<String, Long> s = new TreeMap<>();
      for (Row e : r.<Row>getList(r.fieldIndex("_suppliers"))) {
        n.put(e.getString(0), e.getLong(1));
        if (e.getLong(2) > 0) {
          s.put(e.getString(0), e.getLong(2));
        }
      }
      counts.put(k, n);
      sized.put(k, s);
    }
    SortedMap<CellKey, Disclosure.Decision> decisions = Disclosure.decide(counts, options);
    List<Row> rows = new ArrayList<>();
    for (CellKey k : stats.keySet()) {
      rows.add(band(k, stats.get(k), counts.get(k), sized.get(k), decisions.get(k), window, options));
    }
    return points.sparkSession().createDataFrame(rows, SparkSchemas.of(Tables.BENCHMARKS)).orderBy(order());
  }

  /** The output order as columns: category, standard with ALL last, fee type, basis class. */
  static Column[] order() {
    return new Column[] {col(Cols.PRODUCT_CATEGORY),
        when(col(Cols.INTERFACE_STANDARD).equalTo(CellKey.ALL), 1).otherwise(0),
        col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS)};
  }

  /**
   * One row per cell (peer groups and roll-ups) with the key, n_buyers, the percentile arrays, the
   * exact mean, the size-adjusted count, percentiles and measures, and each supplier's counts.
   * Every aggregate groups by the cell alone: a distinct count would make Spark pre-aggregate by
   * (cell, buyer) and keep percentile buffers for each such pair, so buyers are counted as a set.
   */
  static Dataset<Row> cellStatistics(Dataset<Row> points) {
    Column sa = col(Cols.SA_PRICE_GBP);
    Dataset<Row> exploded = points.select(
        col(Cols.PRODUCT_CATEGORY),
        explode(array(col(Cols.INTERFACE_STANDARD), lit(CellKey.ALL))).as(Cols.INTERFACE_STANDARD),
        col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS), col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF),
        col(Cols.PRICE_GBP), col(Cols.PRICE_GBP).cast("double").as(PRICE), sa,
        when(sa.isNotNull(), col(Cols.SIZE_MEASURE)).as(MEASURE));
    List<String> cellAndSupplier = new ArrayList<>(CELL);
    cellAndSupplier.add(Cols.SUPPLIER_REF);
    WindowSpec bySupplier = Window.partitionBy(Columns.of(cellAndSupplier));
    return exploded
        .withColumn(SUPPLIER_N, count(lit(1)).over(bySupplier))
        .withColumn(SUPPLIER_SIZED, count(sa).over(bySupplier))
        .groupBy(Columns.of(CELL))
        .agg(size(collect_set(col(Cols.BUYER_REF))).cast("long").as(Cols.N_BUYERS),
            percentile(col(PRICE), probabilities(BAND)).as("_band"),
            avg(col(Cols.PRICE_GBP)).as("_mean"),
            count(sa).as("_sa_n"),
            percentile(sa, probabilities(SA_BAND)).as("_sa_band"),
            min(col(MEASURE)).as("_measure_min"),
            max(col(MEASURE)).as("_measure_max"),
            collect_set(struct(col(Cols.SUPPLIER_REF), col(SUPPLIER_N), col(SUPPLIER_SIZED))).as("_suppliers"));
  }

  private static Column probabilities(double[] ps) {
    return array(Arrays.stream(ps).mapToObj(p -> lit(p)).toArray(Column[]::new));
  }

  /** One output row in Tables.BENCHMARKS order; statistics only where the decision publishes them. */
  static Row band(CellKey k, Row s, Map<String, Long> counts, Map<String, Long> sized,
      Disclosure.Decision decision, BenchmarkWindow window, BandOptions options) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(Cols.PRODUCT_CATEGORY, k.productCategory());
    v.put(Cols.INTERFACE_STANDARD, k.interfaceStandard());
    v.put(Cols.FEE_TYPE, k.feeType());
    v.put(Cols.BASIS_CLASS, k.basisClass());
    v.put(Cols.N_PRICE_POINTS, Disclosure.points(counts));
    v.put(Cols.N_SUPPLIERS, Disclosure.suppliers(counts));
    v.put(Cols.N_BUYERS, s.getLong(s.fieldIndex(Cols.N_BUYERS)));
    v.put(Cols.MAX_SUPPLIER_SHARE, Disclosure.maxShare(counts));
    if (decision.published()) {
      List<Double> band = s.getList(s.fieldIndex("_band"));
      v.put(Cols.P10, price(band.get(0)));
      v.put(Cols.P25, price(band.get(1)));
      v.put(Cols.MEDIAN, price(band.get(2)));
      v.put(Cols.P75, price(band.get(3)));
      v.put(Cols.P90, price(band.get(4)));
      v.put(Cols.MEAN, s.getDecimal(s.fieldIndex("_mean")).setScale(4, RoundingMode.HALF_UP));
      long saN = s.getLong(s.fieldIndex("_sa_n"));
      if (saN > 0) {
        String lo = s.getString(s.fieldIndex("_measure_min"));
        boolean mixed = !lo.equals(s.getString(s.fieldIndex("_measure_max")));
        v.put(Cols.SIZE_MEASURE, mixed ? SizeMeasure.MIXED : lo);
        if (!mixed) {
          v.put(Cols.SA_N, saN);
          if (Disclosure.primaryReason(sized, options).isEmpty()) {
            List<Double> sa = s.getList(s.fieldIndex("_sa_band"));
            v.put(Cols.SA_P25, price(sa.get(0)));
            v.put(Cols.SA_MEDIAN, price(sa.get(1)));
            v.put(Cols.SA_P75, price(sa.get(2)));
          }
        }
      }
    }
    v.put(Cols.PUBLISHED, decision.published());
    v.put(Cols.SUPPRESSED_REASON, decision.reason());
    v.put(Cols.WINDOW_START, window.start());
    v.put(Cols.WINDOW_END, window.end());
    return RowFactory.create(Tables.BENCHMARKS.columnNames().stream().map(v::get).toArray());
  }

  /** A statistic as a PRICE value: 4 decimals, half up; null stays null. */
  static BigDecimal price(Double d) {
    return d == null ? null : BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP);
  }
}
