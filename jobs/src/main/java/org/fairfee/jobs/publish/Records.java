package org.fairfee.jobs.publish;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * Maps Spark rows to the reports' records by name: a record component {@code amountAtStakeGbp}
 * takes the column {@code amount_at_stake_gbp}. The reports' records mirror the schema tables
 * field for field, so one mapper serves them all and a renamed column fails loudly here.
 */
public final class Records {
  private Records() {}

  public static <R extends Record> List<R> all(List<Row> rows, Class<R> type) {
    List<R> out = new ArrayList<>(rows.size());
    Mapper<R> m = null;
    for (Row r : rows) {
      if (m == null) {
        m = new Mapper<>(type, r.schema());
      }
      out.add(m.apply(r));
    }
    return out;
  }

  public static <R extends Record> R of(Row row, Class<R> type) {
    return new Mapper<>(type, row.schema()).apply(row);
  }

  /**
   * Rows of one schema to one record type, with the constructor and the column of every component
   * looked up once: mapping a row is then an array fill and a constructor call.
   */
  public static final class Mapper<R extends Record> {
    private final Class<R> type;
    private final Constructor<R> ctor;
    private final Class<?>[] types;
    private final int[] at;
    private final String[] columns;

    public Mapper(Class<R> type, org.apache.spark.sql.types.StructType schema) {
      this.type = type;
      RecordComponent[] components = type.getRecordComponents();
      types = new Class<?>[components.length];
      at = new int[components.length];
      columns = new String[components.length];
      for (int i = 0; i < components.length; i++) {
        RecordComponent c = components[i];
        types[i] = c.getType();
        columns[i] = snake(c.getName());
        try {
          at[i] = schema.fieldIndex(columns[i]);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " has no column " + columns[i], e);
        }
      }
      try {
        ctor = type.getDeclaredConstructor(types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
      }
    }

    public R apply(Row row) {
      Object[] args = new Object[at.length];
      for (int i = 0; i < at.length; i++) {
        args[i] = convert(row.isNullAt(at[i]) ? null : row.get(at[i]), types[i], type, columns[i]);
      }
      try {
        return ctor.newInstance(args);
      } catch (java.lang.reflect.InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
      }
    }
  }

  static String snake(String camel) {
    StringBuilder sb = new StringBuilder();
    for (char ch : camel.toCharArray()) {
      if (Character.isUpperCase(ch)) {
        sb.append('_').append(Character.toLowerCase(ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  private static Object convert(Object v, Class<?> target, Class<?> type, String column) {
    if (v == null) {
      if (target.isPrimitive()) {
        throw new IllegalArgumentException(type.getSimpleName() + ": column " + column + " is null");
      }
      return null;
    }
    if (target == BigDecimal.class && v instanceof BigDecimal) {
      return v;
    }
    if ((target == int.class || target == Integer.class) && v instanceof Number n) {
      return n.intValue();
    }
    if ((target == long.class || target == Long.class) && v instanceof Number n) {
      return n.longValue();
    }
    if ((target == double.class || target == Double.class) && v instanceof Number n) {
      return n.doubleValue();
    }
    if (target == YearMonth.class && v instanceof String s) {
      return YearMonth.parse(s);
    }
    if (target == LocalDate.class && v instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    if (target.isInstance(v) || (target == boolean.class && v instanceof Boolean)) {
      return v;
    }
    throw new IllegalArgumentException(type.getSimpleName() + ": column " + column + " holds "
        + v.getClass().getSimpleName() + ", not " + target.getSimpleName());
  }
}
