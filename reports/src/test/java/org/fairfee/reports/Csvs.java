package org.fairfee.reports;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for checking what the reports wrote (LF line ends, quoted fields). */
final class Csvs {
  private Csvs() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        if (cell.length() > 0) {
          throw new IllegalArgumentException("stray quote in row " + (rows.size() + 1));
        }
        quoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (quoted || cell.length() > 0 || !row.isEmpty()) {
      throw new IllegalArgumentException("the CSV does not end with a complete line");
    }
    return rows;
  }

  /** The rows as maps from header name to value. */
  static List<java.util.Map<String, String>> records(String text) {
    List<List<String>> rows = parse(text);
    List<java.util.Map<String, String>> out = new ArrayList<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < r.size(); i++) {
        m.put(rows.get(0).get(i), r.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
