package org.fairfee.jobs.importspend;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts decoded lines into CSV records: RFC 4180 quoting ("" is a quote inside a quoted field, and a
 * quoted field may hold line breaks), with the delimiter the file uses. Lenient where published files
 * are sloppy and the meaning is still clear: a quote inside an unquoted field is kept as a character,
 * spaces before an opening quote are dropped. A quote that never closes gives up only its first line
 * (within {@link #MAX_RECORD_CHARS}, or at the end of the file), and reading goes on with the next.
 */
public final class SpendCsv {

  /** The delimiters tried, in order of preference. */
  static final char[] DELIMITERS = {',', '\t', ';', '|'};
  /** A record longer than this inside an open quote is taken to be an unclosed quote. */
  static final int MAX_RECORD_CHARS = 64 * 1024;

  /** One record: its first line, fields (null when the quote never closed) and text as read. */
  public record Record(long line, String[] fields, String raw) {
    public boolean unterminated() {
      return fields == null;
    }

    /** True when every field is empty or spaces: a blank line or a row of bare delimiters. */
    public boolean blank() {
      if (fields == null) {
        return false;
      }
      for (String f : fields) {
        if (!f.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  private final List<SpendText.Line> lines;
  private final char delimiter;
  private int next;

  public SpendCsv(List<SpendText.Line> lines, int from, char delimiter) {
    this.lines = lines;
    this.delimiter = delimiter;
    this.next = from;
  }

  /** The fields of one line on its own (a header candidate), quotes closed or not. */
  public static String[] splitLine(String text, char delimiter) {
    Record r = new SpendCsv(List.of(new SpendText.Line(1, text)), 0, delimiter).next();
    return r.fields() != null ? r.fields() : text.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
  }

  /** The next record, or null after the last line. */
  public Record next() {
    if (next >= lines.size()) {
      return null;
    }
    int first = next;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    StringBuilder raw = new StringBuilder();
    boolean inQuote = false;
    boolean afterQuote = false;
    for (int li = first; li < lines.size(); li++) {
      String text = lines.get(li).text();
      if (li > first) {
        raw.append('\n');
        field.append('\n');
      }
      raw.append(text);
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (inQuote) {
          if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              field.append('"');
              i++;
            } else {
              inQuote = false;
              afterQuote = true;
            }
          } else {
            field.append(c);
          }
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          afterQuote = false;
        } else if (c == '"' && !afterQuote && field.toString().isBlank()) {
          field.setLength(0);
          inQuote = true;
        } else {
          field.append(c);
        }
      }
      if (!inQuote) {
        fields.add(field.toString());
        next = li + 1;
        return new Record(lines.get(first).number(), fields.toArray(new String[0]), raw.toString());
      }
      if (raw.length() > MAX_RECORD_CHARS) {
        break;
      }
    }
    next = first + 1;
    return new Record(lines.get(first).number(), null, lines.get(first).text());
  }
}
