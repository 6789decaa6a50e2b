package org.fairfee.jobs.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.fairfee.schemas.Tables;

/**
 * Checks one row's fields against the contract and, when they pass, turns them into typed values
 * in the order of {@link Tables#CHARGES} (contract columns, then invoice_month; the lineage columns
 * are left for the caller). Plain Java, so {@code fairfee validate} runs it without Spark.
 */
public final class RowValidator {

  /** One thing wrong with a row. */
  public record Problem(ReasonCode code, String message) {}

  /** The typed values of an accepted row, or the problems of a rejected one (first one decides the code). */
  public record Outcome(Object[] values, List<Problem> problems) {
    public boolean accepted() {
      return problems.isEmpty();
    }

    public ReasonCode code() {
      return problems.get(0).code();
    }

    public String reason() {
      StringBuilder sb = new StringBuilder();
      for (Problem p : problems) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(p.message());
      }
      return sb.toString();
    }
  }

  static final BigDecimal MAX_AMOUNT = new BigDecimal("1E15");
  static final BigDecimal MAX_QUANTITY = new BigDecimal("1E14");
  private static final int CHARGE_COLUMNS = SubmissionColumn.values().length;
  /** Index of invoice_month in the values array. */
  public static final int INVOICE_MONTH_INDEX = CHARGE_COLUMNS;
  /** Length of the values array: contract columns, invoice_month and the lineage columns. */
  public static final int WIDTH = Tables.CHARGES.fields().size();
  private static final Map<SubmissionColumn, Set<String>> ALLOWED = allowed();

  private final Header header;
  private final Rates rates;
  private final int[] positions = new int[CHARGE_COLUMNS];
  // One matcher per patterned column, reset per value: the patterns are the contract's, the matchers this file's.
  private final Matcher[] matchers = new Matcher[CHARGE_COLUMNS];
  // The last value that matched each column's pattern: submission_id and supplier_ref repeat on almost every row.
  private final String[] lastMatch = new String[CHARGE_COLUMNS];

  public RowValidator(Header header, Rates rates) {
    if (!header.usable()) {
      throw new IllegalArgumentException("cannot validate rows against an unusable header: " + header.problem());
    }
    this.header = header;
    this.rates = rates;
    for (SubmissionColumn c : SubmissionColumn.values()) {
      positions[c.ordinal()] = header.indexOf(c);
      matchers[c.ordinal()] = c.pattern().map(p -> p.matcher("")).orElse(null);
    }
  }

  private static Map<SubmissionColumn, Set<String>> allowed() {
    Map<SubmissionColumn, Set<String>> m = new EnumMap<>(SubmissionColumn.class);
    for (SubmissionColumn c : SubmissionColumn.values()) {
      m.put(c, Set.copyOf(c.allowedValues()));
    }
    return m;
  }

  public Outcome validate(String[] fields) {
    List<Problem> problems = new ArrayList<>(2);
    if (fields.length < header.width()) {
      problems.add(new Problem(ReasonCode.TOO_FEW_FIELDS, "the row has " + fields.length + " fields; the header has "
          + header.width() + " (" + missingNames(fields.length) + ")"));
      return new Outcome(null, problems);
    }
    if (fields.length > header.width()) {
      problems.add(new Problem(ReasonCode.TOO_MANY_FIELDS, "the row has " + fields.length + " fields; the header has "
          + header.width() + " (first extra value " + show(fields[header.width()]) + ")"));
      return new Outcome(null, problems);
    }
    Object[] v = new Object[WIDTH];
    Set<SubmissionColumn> bad = EnumSet.noneOf(SubmissionColumn.class);
    for (SubmissionColumn c : SubmissionColumn.values()) {
      int i = positions[c.ordinal()];
      String raw = i < 0 ? "" : fields[i];
      String text = c == SubmissionColumn.DESCRIPTION ? raw : trimBlanks(raw);
      if (text.isEmpty()) {
        if (c.required()) {
          problems.add(new Problem(ReasonCode.MISSING_VALUE, c.columnName() + " is empty"));
          bad.add(c);
        }
        continue;
      }
      int before = problems.size();
      v[c.ordinal()] = parse(c, text, problems);
      if (problems.size() > before) {
        bad.add(c);
      }
    }
    if (v[SubmissionColumn.CURRENCY.ordinal()] == null && !bad.contains(SubmissionColumn.CURRENCY)) {
      v[SubmissionColumn.CURRENCY.ordinal()] = Rates.GBP;
    }
    if (v[SubmissionColumn.VAT_INCLUDED.ordinal()] == null) {
      v[SubmissionColumn.VAT_INCLUDED.ordinal()] = Boolean.FALSE;
    }
    crossChecks(v, bad, problems);
    if (!problems.isEmpty()) {
      return new Outcome(null, problems);
    }
    v[INVOICE_MONTH_INDEX] = YearMonth.from((LocalDate) v[SubmissionColumn.INVOICE_DATE.ordinal()]).toString();
    return new Outcome(v, problems);
  }

  /** "no value for description" or "no values for a, b and c": the header columns a short row lacks. */
  private String missingNames(int given) {
    List<String> names = new ArrayList<>();
    for (String n : header.names().subList(given, header.width())) {
      names.add(n.isEmpty() ? "an unnamed column" : n);
    }
    String list;
    if (names.size() == 1) {
      list = names.get(0);
    } else if (names.size() <= 3) {
      list = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    } else {
      list = String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
    }
    return (names.size() == 1 ? "no value for " : "no values for ") + list;
  }

  /**
   * Spaces and tabs around a value are not part of it. Control characters are kept, so that the
   * checks report them instead of letting them vanish, as {@link String#trim()} would.
   */
  static String trimBlanks(String s) {
    int from = 0;
    int to = s.length();
    while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
      from++;
    }
    while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
      to--;
    }
    return from == 0 && to == s.length() ? s : s.substring(from, to);
  }

  private Object parse(SubmissionColumn c, String text, List<Problem> problems) {
    String name = c.columnName();
    switch (c.kind()) {
      case TEXT -> {
        int chars = text.codePointCount(0, text.length());
        if (c.maxLength() > 0 && chars > c.maxLength()) {
          problems.add(new Problem(ReasonCode.INVALID_TEXT,
              name + " has " + chars + " characters; at most " + c.maxLength() + " are allowed"));
          return null;
        }
        if (!matchesPattern(c, text)) {
          Matcher m = matchers[c.ordinal()];
          problems.add(new Problem(ReasonCode.INVALID_TEXT,
              name + " " + show(text) + " does not match " + m.pattern().pattern()));
          return null;
        }
        int control = control(text, c == SubmissionColumn.DESCRIPTION);
        if (control >= 0) {
          problems.add(new Problem(ReasonCode.INVALID_TEXT, name + " " + show(text) + " holds a control character ("
              + String.format(Locale.ROOT, "U+%04X", control) + ")"));
          return null;
        }
        return text;
      }
      case ENUM -> {
        if (ALLOWED.get(c).contains(text)) {
          return text;
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        String hint = ALLOWED.get(c).contains(upper) ? " (did you mean " + upper + "?)"
            : " (allowed: " + String.join(", ", c.allowedValues()) + ")";
        problems.add(new Problem(ReasonCode.INVALID_ENUM, name + " " + show(text) + " is not allowed" + hint));
        return null;
      }
      case INTEGER -> {
        if (!digits(text, 0, text.length())) {
          problems.add(new Problem(ReasonCode.INVALID_NUMBER, name + " " + show(text) + " is not a whole number"));
          return null;
        }
        int from = 0;
        while (from < text.length() - 1 && text.charAt(from) == '0') {
          from++; // leading zeros do not change the number
        }
        long n = text.length() - from > 10 ? Long.MAX_VALUE : Long.parseLong(text, from, text.length(), 10);
        if (n < 1 || n > Integer.MAX_VALUE) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE,
              name + " " + show(text) + " must be between 1 and " + Integer.MAX_VALUE));
          return null;
        }
        return (int) n;
      }
      case DECIMAL -> {
        return parseDecimal(c, text, problems);
      }
      case DATE -> {
        if (!isoDateShape(text)) {
          problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + show(text) + " is not in YYYY-MM-DD form"));
          return null;
        }
        int year = Integer.parseInt(text, 0, 4, 10);
        LocalDate d;
        try {
          d = LocalDate.of(year, Integer.parseInt(text, 5, 7, 10), Integer.parseInt(text, 8, 10, 10));
        } catch (DateTimeException e) {
          problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + text + " is not a real calendar date"));
          return null;
        }
        if (year < 1900 || year > 2100) {
          problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + text + " is outside the years 1900 to 2100"));
          return null;
        }
        return d;
      }
      case BOOLEAN -> {
        if (text.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        problems.add(new Problem(ReasonCode.INVALID_BOOLEAN, name + " " + show(text) + " is not true or false"));
        return null;
      }
      case CURRENCY -> {
        if (!matchesPattern(c, text)) {
          problems.add(new Problem(ReasonCode.UNKNOWN_CURRENCY,
              name + " " + show(text) + " is not a three-letter ISO 4217 code"));
          return null;
        }
        return text;
      }
      default -> throw new IllegalStateException("no parser for " + c.kind());
    }
  }

  /** Whether text has the column's contract pattern (true when the column has none). */
  private boolean matchesPattern(SubmissionColumn c, String text) {
    Matcher m = matchers[c.ordinal()];
    if (m == null || text.equals(lastMatch[c.ordinal()])) {
      return true;
    }
    if (m.reset(text).matches()) {
      lastMatch[c.ordinal()] = text;
      return true;
    }
    return false;
  }

  private static boolean digits(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (ch < '0' || ch > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code -?[0-9]+(\.[0-9]+)?}, checked without a regex on the per-row path. */
  static boolean plainDecimal(String s) {
    int from = s.startsWith("-") ? 1 : 0;
    int dot = s.indexOf('.', from);
    if (dot < 0) {
      return digits(s, from, s.length());
    }
    return digits(s, from, dot) && digits(s, dot + 1, s.length());
  }

  /** {@code [0-9]{4}-[0-9]{2}-[0-9]{2}}. */
  static boolean isoDateShape(String s) {
    return s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-'
        && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10);
  }

  private static Object parseDecimal(SubmissionColumn c, String text, List<Problem> problems) {
    String name = c.columnName();
    if (!plainDecimal(text)) {
      problems.add(new Problem(ReasonCode.INVALID_NUMBER, name + " " + show(text)
          + " is not a plain decimal number (no thousands separators, currency symbols or exponents)"));
      return null;
    }
    BigDecimal d = new BigDecimal(text);
    switch (c) {
      case AMOUNT -> {
        if (d.scale() > 2) {
          problems.add(new Problem(ReasonCode.TOO_MANY_DECIMALS, name + " " + text + " has " + d.scale() + " decimal places; at most 2 are allowed"));
          return null;
        }
        if (d.abs().compareTo(MAX_AMOUNT) >= 0) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + show(text) + " is too large"));
          return null;
        }
        return d.setScale(2);
      }
      case QUANTITY -> {
        if (d.signum() <= 0) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + text + " must be greater than 0"));
          return null;
        }
        if (d.scale() > 4) {
          problems.add(new Problem(ReasonCode.TOO_MANY_DECIMALS, name + " " + text + " has " + d.scale() + " decimal places; at most 4 are allowed"));
          return null;
        }
        if (d.compareTo(MAX_QUANTITY) >= 0) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + show(text) + " is too large"));
          return null;
        }
        return d.setScale(4);
      }
      case BUYER_SIZE -> {
        // Stored as a double: a value so small that it rounds to 0 breaks "> 0" as surely as 0 does.
        if (d.signum() <= 0 || d.compareTo(MAX_AMOUNT) >= 0 || d.doubleValue() <= 0) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + show(text) + " must be greater than 0 and below 10^15"));
          return null;
        }
        return d.doubleValue();
      }
      default -> throw new IllegalStateException("no decimal rule for " + c);
    }
  }

  private void crossChecks(Object[] v, Set<SubmissionColumn> bad, List<Problem> problems) {
    BigDecimal amount = (BigDecimal) v[SubmissionColumn.AMOUNT.ordinal()];
    if (amount != null && amount.signum() < 0 && v[SubmissionColumn.CREDITS_INVOICE_REF.ordinal()] == null
        && !bad.contains(SubmissionColumn.CREDITS_INVOICE_REF)) {
      problems.add(new Problem(ReasonCode.CREDIT_WITHOUT_REF,
          "amount " + amount.toPlainString() + " is negative (a credit note) but credits_invoice_ref is empty"));
    }
    if (ChargeBasis.PER_TRANSACTION.name().equals(v[SubmissionColumn.CHARGE_BASIS.ordinal()])
        && v[SubmissionColumn.QUANTITY.ordinal()] == null && !bad.contains(SubmissionColumn.QUANTITY)) {
      problems.add(new Problem(ReasonCode.QUANTITY_REQUIRED, "charge_basis is PER_TRANSACTION but quantity is empty"));
    }
    LocalDate start = (LocalDate) v[SubmissionColumn.SERVICE_START.ordinal()];
    LocalDate end = (LocalDate) v[SubmissionColumn.SERVICE_END.ordinal()];
    boolean startBad = bad.contains(SubmissionColumn.SERVICE_START);
    boolean endBad = bad.contains(SubmissionColumn.SERVICE_END);
    if (!startBad && !endBad && (start == null) != (end == null)) {
      problems.add(new Problem(ReasonCode.SERVICE_PERIOD_INCOMPLETE,
          (start == null ? "service_end" : "service_start") + " is given without "
              + (start == null ? "service_start" : "service_end") + "; give both or neither"));
    }
    if (start != null && end != null && end.isBefore(start)) {
      problems.add(new Problem(ReasonCode.SERVICE_PERIOD_REVERSED,
          "service_end " + end + " is before service_start " + start));
    }
    String currency = (String) v[SubmissionColumn.CURRENCY.ordinal()];
    LocalDate invoiceDate = (LocalDate) v[SubmissionColumn.INVOICE_DATE.ordinal()];
    if (currency != null && invoiceDate != null) {
      YearMonth month = YearMonth.from(invoiceDate);
      if (rates.rate(currency, month).isEmpty()) {
        problems.add(new Problem(ReasonCode.UNKNOWN_CURRENCY,
            "currency " + currency + " has no rate for " + month + " in the reference rates table"));
      }
    }
  }

  /** The first control character in s (line breaks and tabs allowed where asked), or -1. */
  private static int control(String s, boolean allowLineBreaks) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        if (allowLineBreaks && (ch == '\n' || ch == '\r' || ch == '\t')) {
          continue;
        }
        return ch;
      }
    }
    return -1;
  }

  /** A value quoted for a message: control characters made visible, long values cut. */
  static String show(String value) {
    StringBuilder sb = new StringBuilder("'");
    int limit = Math.min(value.length(), 40);
    for (int i = 0; i < limit; i++) {
      char ch = value.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    if (value.length() > limit) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
