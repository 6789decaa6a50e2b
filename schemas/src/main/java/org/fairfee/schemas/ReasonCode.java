package org.fairfee.schemas;

/**
 * Why a row was quarantined or a file rejected. The codes are stable: analysts filter on them, and
 * later runs compare them, so a code is never renamed or reused for another meaning.
 */
public enum ReasonCode {
  // ---- file level: the whole file is rejected ----
  UNREADABLE_FILE(Level.FILE, "the file could not be opened or read"),
  EMPTY_FILE(Level.FILE, "the file has no bytes or no header row"),
  BINARY_FILE(Level.FILE, "the file is not text (it holds NUL or other binary bytes)"),
  HEADER_NOT_UTF8(Level.FILE, "the header row is not valid UTF-8"),
  MISSING_COLUMN(Level.FILE, "a required column is missing from the header"),
  DUPLICATE_COLUMN(Level.FILE, "a column name appears twice in the header"),
  NO_DATA_ROWS(Level.FILE, "the file has a header but no data rows"),
  SUBMISSION_ID_CONFLICT(Level.FILE, "another file with different content already carries this submission_id"),

  // ---- row level: the row is quarantined, the rest of the file goes on ----
  NOT_UTF8(Level.ROW, "the row holds bytes that are not valid UTF-8"),
  ROW_TOO_LONG(Level.ROW, "the row is longer than the row-size limit"),
  UNTERMINATED_QUOTE(Level.ROW, "a quoted field is never closed"),
  MALFORMED_ROW(Level.ROW, "the row is not valid CSV (stray quote or control character)"),
  TOO_FEW_FIELDS(Level.ROW, "the row has fewer fields than the header"),
  TOO_MANY_FIELDS(Level.ROW, "the row has more fields than the header"),
  MISSING_VALUE(Level.ROW, "a required field is empty"),
  INVALID_TEXT(Level.ROW, "a text field breaks its pattern or length limit"),
  INVALID_ENUM(Level.ROW, "a value is not one of the allowed codes"),
  INVALID_NUMBER(Level.ROW, "a number field is not a plain decimal number"),
  TOO_MANY_DECIMALS(Level.ROW, "a number has more decimal places than allowed"),
  OUT_OF_RANGE(Level.ROW, "a number is outside its allowed range"),
  INVALID_DATE(Level.ROW, "a date is not a real calendar date in YYYY-MM-DD form"),
  INVALID_BOOLEAN(Level.ROW, "vat_included is not true or false"),
  CREDIT_WITHOUT_REF(Level.ROW, "a negative amount (credit note) does not name credits_invoice_ref"),
  QUANTITY_REQUIRED(Level.ROW, "a PER_TRANSACTION charge has no quantity"),
  SERVICE_PERIOD_INCOMPLETE(Level.ROW, "only one of service_start and service_end is given"),
  SERVICE_PERIOD_REVERSED(Level.ROW, "service_end is before service_start"),
  UNKNOWN_CURRENCY(Level.ROW, "the currency has no rate for the invoice month in the reference rates table"),
  DUPLICATE_LINE(Level.ROW, "the (submission_id, line_no) pair already appeared earlier in the file");

  /** Whether the code rejects a whole file or quarantines one row. */
  public enum Level { FILE, ROW }

  private final Level level;
  private final String meaning;

  ReasonCode(Level level, String meaning) {
    this.level = level;
    this.meaning = meaning;
  }

  public Level level() {
    return level;
  }

  /** What the code means, for docs and the report's data-quality section. */
  public String meaning() {
    return meaning;
  }
}
