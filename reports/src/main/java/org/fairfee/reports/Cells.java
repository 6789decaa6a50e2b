package org.fairfee.reports;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.Table;

/**
 * Values to CSV text by column type, the same way in every CSV the reports write: money at 2
 * decimals, prices, quantities and doubles at 4, dates ISO, text cleaned and formula-safe.
 */
final class Cells {
  private Cells() {}

  /** The component values of a record in declaration order, which for the model is the table's column order. */
  static List<Object> values(Record r) {
    List<Object> out = new ArrayList<>();
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      try {
        out.add(c.getAccessor().invoke(r));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
      }
    }
    return out;
  }

  /** One value as CSV text for its column type; null is empty. */
  static String text(FieldType type, Object v) {
    if (v == null) {
      return null;
    }
    return switch (type) {
      case MONEY -> Fmt.plain((BigDecimal) v, 2);
      case PRICE, QUANTITY -> Fmt.plain((BigDecimal) v, 4);
      case DOUBLE -> Fmt.plain(((Number) v).doubleValue(), 4);
      case INT, LONG -> Long.toString(((Number) v).longValue());
      case BOOLEAN -> v.toString();
      case DATE -> ((LocalDate) v).toString();
      case STRING -> Text.clean(v.toString());
    };
  }

  /** A whole CSV: the table's header, then one line per row of values in column order. */
  static String csv(Table table, List<List<Object>> rows) {
    StringBuilder sb = new StringBuilder(Csv.line(table.columnNames()));
    List<String> cells = new ArrayList<>(table.fields().size());
    for (List<Object> row : rows) {
      if (row.size() != table.fields().size()) {
        throw new IllegalArgumentException(table.name() + ": a row has " + row.size() + " values for "
            + table.fields().size() + " columns");
      }
      cells.clear();
      for (int i = 0; i < row.size(); i++) {
        cells.add(text(table.fields().get(i).type(), row.get(i)));
      }
      sb.append(Csv.line(cells));
    }
    return sb.toString();
  }
}
