package org.fairfee.jobs.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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
  private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
  private static final Pattern INTEGER = Pattern.compile("[0-9]+");
  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final int CHARGE_COLUMNS = SubmissionColumn.values().length;
  /** Index of invoice_month in the values array. */
  public static final int INVOICE_MONTH_INDEX = CHARGE_COLUMNS;
  /** Length of the values array: contract columns, invoice_month and the lineage columns. */
  public static final int WIDTH = Tables.CHARGES.fields().size();

  private final Header header;
  private final Rates rates;

  public RowValidator(Header header, Rates rates) {
    if (!header.usable()) {
      throw new IllegalArgumentException("cannot validate rows against an unusable header: " + header.problem());
    }
    this.header = header;
    this.rates = rates;
  }

  public Outcome validate(String[] fields) {
    List<Problem> problems = new ArrayList<>(2);
    if (fields.length < header.width()) {
      problems.add(new Problem(ReasonCode.TOO_FEW_FIELDS,
          "the row has " + fields.length + " fields; the header has " + header.width()));
      return new Outcome(null, problems);
    }
    if (fields.length > header.width()) {
      problems.add(new Problem(ReasonCode.TOO_MANY_FIELDS,
          "the row has " + fields.length + " fields; the header has " + header.width()));
      return new Outcome(null, problems);
    }
    Object[] v = new Object[WIDTH];
    for (SubmissionColumn c : SubmissionColumn.values()) {
      int i = header.indexOf(c);
      String raw = i < 0 ? "" : fields[i];
      String text = c == SubmissionColumn.DESCRIPTION ? raw : raw.trim();
      if (text.isEmpty()) {
        if (c.required()) {
          problems.add(new Problem(ReasonCode.MISSING_VALUE, c.columnName() + " is empty"));
        }
        continue;
      }
      v[c.ordinal()] = parse(c, text, problems);
    }
    if (v[SubmissionColumn.CURRENCY.ordinal()] == null && problemsFor(problems, SubmissionColumn.CURRENCY) == 0) {
      v[SubmissionColumn.CURRENCY.ordinal()] = Rates.GBP;
    }
    if (v[SubmissionColumn.VAT_INCLUDED.ordinal()] == null) {
      v[SubmissionColumn.VAT_INCLUDED.ordinal()] = Boolean.FALSE;
    }
    crossChecks(v, problems);
    if (!problems.isEmpty()) {
      return new Outcome(null, problems);
    }
    v[INVOICE_MONTH_INDEX] = YearMonth.from((LocalDate) v[SubmissionColumn.INVOICE_DATE.ordinal()]).toString();
    return new Outcome(v, problems);
  }

  private static int problemsFor(List<Problem> problems, SubmissionColumn c) {
    int n = 0;
    for (Problem p : problems) {
      if (p.message().startsWith(c.columnName() + " ")) {
        n++;
      }
    }
    return n;
  }

  private Object parse(SubmissionColumn c, String text, List<Problem> problems) {
    String name = c.columnName();
    switch (c.kind()) {
      case TEXT -> {
        if (c.maxLength() > 0 && text.length() > c.maxLength()) {
          problems.add(new Problem(ReasonCode.INVALID_TEXT,
              name + " has " + text.length() + " characters; at most " + c.maxLength() + " are allowed"));
          return null;
        }
        if (c.pattern().isPresent() && !c.pattern().get().matcher(text).matches()) {
          problems.add(new Problem(ReasonCode.INVALID_TEXT,
              name + " " + show(text) + " does not match " + c.pattern().get().pattern()));
          return null;
        }
        if (hasControl(text, c == SubmissionColumn.DESCRIPTION)) {
          problems.add(new Problem(ReasonCode.INVALID_TEXT, name + " holds a control character"));
          return null;
        }
        return text;
      }
      case ENUM -> {
        if (c.allowedValues().contains(text)) {
          return text;
        }
        String upper = text.toUpperCase(Locale.ROOT).replace(' ', '_');
        String hint = c.allowedValues().contains(upper) ? " (did you mean " + upper + "?)"
            : " (allowed: " + String.join(", ", c.allowedValues()) + ")";
        problems.add(new Problem(ReasonCode.INVALID_ENUM, name + " " + show(text) + " is not allowed" + hint));
        return null;
      }
      case INTEGER -> {
        if (!INTEGER.matcher(text).matches()) {
          problems.add(new Problem(ReasonCode.INVALID_NUMBER, name + " " + show(text) + " is not a whole number"));
          return null;
        }
        if (text.length() > 10 || Long.parseLong(text) > Integer.MAX_VALUE || Long.parseLong(text) < 1) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + show(text) + " must be between 1 and " + Integer.MAX_VALUE));
          return null;
        }
        return Integer.valueOf(text);
      }
      case DECIMAL -> {
        return parseDecimal(c, text, problems);
      }
      case DATE -> {
        if (!ISO_DATE.matcher(text).matches()) {
          problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + show(text) + " is not in YYYY-MM-DD form"));
          return null;
        }
        try {
          LocalDate d = LocalDate.parse(text, DATE);
          if (d.getYear() < 1900 || d.getYear() > 2100) {
            problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + text + " is outside the years 1900 to 2100"));
            return null;
          }
          return d;
        } catch (DateTimeParseException e) {
          problems.add(new Problem(ReasonCode.INVALID_DATE, name + " " + text + " is not a real calendar date"));
          return null;
        }
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
        if (!c.pattern().get().matcher(text).matches()) {
          problems.add(new Problem(ReasonCode.UNKNOWN_CURRENCY, name + " " + show(text) + " is not a three-letter ISO 4217 code"));
          return null;
        }
        return text;
      }
      default -> throw new IllegalStateException("no parser for " + c.kind());
    }
  }

  private static Object parseDecimal(SubmissionColumn c, String text, List<Problem> problems) {
    String name = c.columnName();
    if (!DECIMAL.matcher(text).matches()) {
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
        if (d.signum() <= 0 || d.compareTo(MAX_AMOUNT) >= 0) {
          problems.add(new Problem(ReasonCode.OUT_OF_RANGE, name + " " + show(text) + " must be greater than 0 and below 10^15"));
          return null;
        }
        return d.doubleValue();
      }
      default -> throw new IllegalStateException("no decimal rule for " + c);
    }
  }

  private void crossChecks(Object[] v, List<Problem> problems) {
    BigDecimal amount = (BigDecimal) v[SubmissionColumn.AMOUNT.ordinal()];
    if (amount != null && amount.signum() < 0 && v[SubmissionColumn.CREDITS_INVOICE_REF.ordinal()] == null) {
      problems.add(new Problem(ReasonCode.CREDIT_WITHOUT_REF,
          "amount " + amount.toPlainString() + " is negative (a credit note) but credits_invoice_ref is empty"));
    }
    if (ChargeBasis.PER_TRANSACTION.name().equals(v[SubmissionColumn.CHARGE_BASIS.ordinal()])
        && v[SubmissionColumn.QUANTITY.ordinal()] == null && problemsFor(problems, SubmissionColumn.QUANTITY) == 0) {
      problems.add(new Problem(ReasonCode.QUANTITY_REQUIRED, "charge_basis is PER_TRANSACTION but quantity is empty"));
    }
    LocalDate start = (LocalDate) v[SubmissionColumn.SERVICE_START.ordinal()];
    LocalDate end = (LocalDate) v[SubmissionColumn.SERVICE_END.ordinal()];
    boolean startBad = problemsFor(problems, SubmissionColumn.SERVICE_START) > 0;
    boolean endBad = problemsFor(problems, SubmissionColumn.SERVICE_END) > 0;
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

  private static boolean hasControl(String s, boolean allowLineBreaks) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == 0x7f) {
        if (allowLineBreaks && (ch == '\n' || ch == '\r' || ch == '\t')) {
          continue;
        }
        return true;
      }
    }
    return false;
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
