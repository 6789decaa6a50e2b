package org.fairfee.schemas;

import java.util.Objects;

/** One column of a table: its name (from {@link Cols}), its type, and whether it may be empty. */
public record Field(String name, FieldType type, boolean nullable) {
  public Field {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Field required(String name, FieldType type) {
    return new Field(name, type, false);
  }

  public static Field optional(String name, FieldType type) {
    return new Field(name, type, true);
  }
}
