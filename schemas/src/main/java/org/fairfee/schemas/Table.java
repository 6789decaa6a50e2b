package org.fairfee.schemas;

import java.util.List;
import java.util.Objects;

/** A named, ordered list of fields: the layout of one stored or published table. */
public record Table(String name, List<Field> fields) {
  public Table {
    Objects.requireNonNull(name, "name");
    fields = List.copyOf(fields);
  }

  /** The column names in order, as written in a CSV header. */
  public List<String> columnNames() {
    return fields.stream().map(Field::name).toList();
  }

  public Field field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("table " + this.name + " has no column " + name));
  }
}
