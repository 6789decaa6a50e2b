package org.fairfee.jobs.importspend;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which column of a spend file holds which {@link SpendField}. A mapping given by the user (field to
 * header name) comes first; every other field takes the first of its usual names that the header
 * has. One column serves one field only.
 */
public final class HeaderMap {
  private final Map<SpendField, Integer> index;
  private final String[] headers;
  private final List<String> missing;

  private HeaderMap(Map<SpendField, Integer> index, String[] headers, List<String> missing) {
    this.index = index;
    this.headers = headers;
    this.missing = missing;
  }

  /** Maps a header row; {@code given} is the user's mapping (may be empty), header names as written. */
  public static HeaderMap of(String[] headers, Map<SpendField, String> given) {
    Map<SpendField, Integer> index = new EnumMap<>(SpendField.class);
    boolean[] used = new boolean[headers.length];
    String[] keys = new String[headers.length];
    for (int i = 0; i < headers.length; i++) {
      keys[i] = SpendField.headerKey(headers[i]);
    }
    given.forEach((field, name) -> {
      String key = SpendField.headerKey(name);
      for (int i = 0; i < keys.length; i++) {
        if (!used[i] && !key.isEmpty() && keys[i].equals(key)) {
          index.put(field, i);
          used[i] = true;
          break;
        }
      }
    });
    for (SpendField f : SpendField.values()) {
      if (index.containsKey(f)) {
        continue; // a mapped column the file does not have falls back to the usual names
      }
      search:
      for (String name : f.names()) {
        for (int i = 0; i < keys.length; i++) {
          if (!used[i] && keys[i].equals(name)) {
            index.put(f, i);
            used[i] = true;
            break search;
          }
        }
      }
    }
    List<String> missing = new ArrayList<>();
    for (SpendField f : SpendField.values()) {
      if (f.required() && !index.containsKey(f)) {
        missing.add(describe(f, given));
      }
    }
    if (!index.containsKey(SpendField.TRANSACTION_REF) && !index.containsKey(SpendField.SUPPLIER_REF)) {
      missing.add("a reference (" + describe(SpendField.TRANSACTION_REF, given) + ", or "
          + describe(SpendField.SUPPLIER_REF, given) + ")");
    }
    return new HeaderMap(index, headers.clone(), missing);
  }

  private static String describe(SpendField f, Map<SpendField, String> given) {
    if (given.containsKey(f)) {
      return f.key() + " (the mapping names column '" + given.get(f) + "', which this header does not have)";
    }
    String shown = switch (f) {
      case SUPPLIER -> "Supplier, Supplier Name, Vendor, Payee";
      case DATE -> "Date, Date Paid, Paid Date, Date of Payment, Payment Date";
      case AMOUNT -> "Amount, Value, Net Amount";
      case TRANSACTION_REF -> "Transaction Number, Transaction Reference, Trans No, Document Number";
      case SUPPLIER_REF -> "Their Reference, Invoice Number";
      default -> f.key();
    };
    return f.key() + " (a column such as " + shown + ")";
  }

  /** True when every required field and a reference were found. */
  public boolean usable() {
    return missing.isEmpty();
  }

  /** What is missing, one phrase per field, for the rejection reason. */
  public List<String> missing() {
    return missing;
  }

  /** How many fields were found: the measure of how header-like a row is. */
  public int found() {
    return index.size();
  }

  /** The column of a field, or -1 when the file does not have it. */
  public int indexOf(SpendField f) {
    Integer i = index.get(f);
    return i == null ? -1 : i;
  }

  /** The highest column index any mapped field uses. */
  public int lastMappedIndex() {
    return index.values().stream().mapToInt(Integer::intValue).max().orElse(-1);
  }

  /** Field key to the header name used, in field order, for the manifest. */
  public Map<String, String> used() {
    Map<String, String> m = new LinkedHashMap<>();
    index.forEach((f, i) -> m.put(f.key(), headers[i].trim()));
    return m;
  }

  /** Header names no field uses, in file order (blank names shown by position). */
  public List<String> unmapped() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < headers.length; i++) {
      if (!index.containsValue(i)) {
        String h = headers[i].trim();
        if (!h.isEmpty()) {
          out.add(h);
        }
      }
    }
    return out;
  }

  public int width() {
    return headers.length;
  }
}
