package org.fairfee.jobs.bands;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.reports.Csv;
import org.fairfee.reports.Fmt;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.Tables;

/**
 * The text of benchmarks.csv from the rows of {@link Bands}: the Tables.BENCHMARKS header, rows in
 * the bands' order (whatever order they come in), and fixed formats so a rerun is byte-identical.
 * Pounds at 2 decimals; unit prices of PER_TRANSACTION cells and every size-adjusted value (pounds
 * per unit of buyer size) at 4, since they are often pennies; max_supplier_share at 4; counts as
 * plain integers; dates as YYYY-MM-DD; true/false; an empty cell for null. Quoting and formula
 * defusing by {@link Csv}.
 */
public final class BenchmarksCsv {
  private BenchmarksCsv() {}

  static final int POUNDS = 2;
  static final int UNIT_PRICE = 4;
  static final int SHARE = 4;
  private static final Set<String> SIZE_ADJUSTED = Set.of(Cols.SA_P25, Cols.SA_MEDIAN, Cols.SA_P75);

  /** Collects the bands (one row per cell, so a few thousand at most) and formats them. */
  public static String format(Dataset<Row> bands) {
    return format(bands.collectAsList());
  }

  public static String format(List<Row> bands) {
    List<Row> sorted = new ArrayList<>(bands);
    sorted.sort(Comparator.comparing(BenchmarksCsv::key));
    StringBuilder sb = new StringBuilder(Csv.line(Tables.BENCHMARKS.columnNames()));
    for (Row r : sorted) {
      List<String> cells = new ArrayList<>();
      boolean perUnit = BasisClass.PER_TRANSACTION.name().equals(r.getAs(Cols.BASIS_CLASS));
      for (Field f : Tables.BENCHMARKS.fields()) {
        Object value = r.get(r.fieldIndex(f.name()));
        int priceScale = perUnit || SIZE_ADJUSTED.contains(f.name()) ? UNIT_PRICE : POUNDS;
        cells.add(cell(f, value, priceScale));
      }
      sb.append(Csv.line(cells));
    }
    return sb.toString();
  }

  static String cell(Field f, Object value, int priceScale) {
    if (value == null) {
      return null;
    }
    return switch (f.type()) {
      case STRING -> (String) value;
      case INT, LONG -> value.toString();
      case DOUBLE -> Fmt.plain((Double) value, SHARE);
      case BOOLEAN -> ((Boolean) value) ? "true" : "false";
      case DATE -> value instanceof LocalDate d ? d.toString() : ((java.sql.Date) value).toLocalDate().toString();
      case MONEY -> Fmt.plain((BigDecimal) value, POUNDS);
      case PRICE -> Fmt.plain((BigDecimal) value, priceScale);
      case QUANTITY -> Fmt.plain((BigDecimal) value, 4);
    };
  }

  private static CellKey key(Row r) {
    return new CellKey(r.getAs(Cols.PRODUCT_CATEGORY), r.getAs(Cols.INTERFACE_STANDARD), r.getAs(Cols.FEE_TYPE),
        r.getAs(Cols.BASIS_CLASS));
  }
}
