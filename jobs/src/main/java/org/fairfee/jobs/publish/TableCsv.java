package org.fairfee.jobs.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.fairfee.reports.Csv;
import org.fairfee.reports.Fmt;
import org.fairfee.reports.Text;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.Table;

/**
 * Writes rows of a schema table as CSV in its column order, each value in the fixed format of its
 * type: money 2 decimals, prices 4, shares and scores 4, ISO dates, {@code true}/{@code false};
 * empty for null. Rows are written in the order given, so callers sort by the full key first.
 */
public final class TableCsv {
  private TableCsv() {}

  public static String format(Table table, List<Row> rows) {
    StringBuilder sb = new StringBuilder(Csv.line(table.columnNames()));
    List<String> cells = new ArrayList<>(table.fields().size());
    for (Row r : rows) {
      cells.clear();
      for (Field f : table.fields()) {
        int i = r.fieldIndex(f.name());
        cells.add(r.isNullAt(i) ? null : cell(f, r.get(i)));
      }
      sb.append(Csv.line(cells));
    }
    return sb.toString();
  }

  static String cell(Field f, Object v) {
    return switch (f.type()) {
      case MONEY -> ((BigDecimal) v).setScale(2, RoundingMode.HALF_UP).toPlainString();
      case PRICE, QUANTITY -> ((BigDecimal) v).setScale(4, RoundingMode.HALF_UP).toPlainString();
      case DOUBLE -> Fmt.plain((Double) v, 4);
      case DATE, BOOLEAN, INT, LONG -> v.toString();
      case STRING -> Text.clean(v.toString());
    };
  }
}
