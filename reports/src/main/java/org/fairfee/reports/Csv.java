package org.fairfee.reports;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV the same way every time: RFC 4180 quoting, LF line ends, UTF-8, no BOM. Every text
 * cell that a spreadsheet would run as a formula (it starts with {@code = + - @}, a tab or a
 * carriage return and is not a plain number) gets a leading apostrophe, so an input such as
 * {@code =HYPERLINK(...)} shows as text in Excel, LibreOffice and Sheets.
 */
public final class Csv {
  private Csv() {}

  private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  /** One CSV line (with its trailing LF) from already formatted cells; null is an empty cell. */
  public static String line(List<String> cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(cell(cells.get(i)));
    }
    return sb.append('\n').toString();
  }

  public static String line(String... cells) {
    return line(java.util.Arrays.asList(cells));
  }

  /** One cell: defused against formulas, then quoted when it holds a comma, quote or line break. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = defuse(value);
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /** The value with a leading apostrophe if a spreadsheet would treat it as a formula. */
  public static String defuse(String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    char c = value.charAt(0);
    boolean risky = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    if (risky && !NUMBER.matcher(value).matches()) {
      return "'" + value;
    }
    return value;
  }
}
