package org.fairfee.jobs.bands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** Small column helpers shared by the steps of this package. */
final class Columns {
  private Columns() {}

  /** Fails fast, naming every missing column, when an input lacks what a step needs. */
  static void require(Dataset<Row> ds, String what, List<String> names) {
    List<String> have = Arrays.asList(ds.columns());
    List<String> missing = new ArrayList<>();
    for (String n : names) {
      if (!have.contains(n)) {
        missing.add(n);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(what + " lacks the column(s) " + String.join(", ", missing));
    }
  }

  static Column[] of(List<String> names) {
    return names.stream().map(functions::col).toArray(Column[]::new);
  }
}
