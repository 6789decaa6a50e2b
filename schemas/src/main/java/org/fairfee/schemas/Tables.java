package org.fairfee.schemas;

import static org.fairfee.schemas.Field.optional;
import static org.fairfee.schemas.Field.required;

import java.util.ArrayList;
import java.util.List;

/** The layout of every table fairfee stores or publishes. Column order here is output order. */
public final class Tables {
  private Tables() {}

  /** Accepted charge lines in the curated Parquet store: the contract's columns plus lineage. */
  public static final Table CHARGES = charges();

  /** One row per ingested file content (by sha256) in the store: what the run made of it. */
  public static final Table FILES = new Table("files", List.of(
      required(Cols.SHA256, FieldType.STRING),
      required(Cols.FILE, FieldType.STRING),
      required(Cols.BYTES, FieldType.LONG),
      required(Cols.STATUS, FieldType.STRING),
      optional(Cols.REASON_CODE, FieldType.STRING),
      optional(Cols.REASON, FieldType.STRING),
      required(Cols.ROWS_READ, FieldType.LONG),
      required(Cols.ROWS_ACCEPTED, FieldType.LONG),
      required(Cols.ROWS_QUARANTINED, FieldType.LONG),
      required(Cols.BLANK_LINES, FieldType.LONG),
      optional(Cols.SUBMISSION_IDS, FieldType.STRING),
      optional(Cols.EXTRA_COLUMNS, FieldType.STRING)));

  /** quarantine.csv: every row that was read but not accepted, with where it starts and why. */
  public static final Table QUARANTINE = new Table("quarantine", List.of(
      required(Cols.FILE, FieldType.STRING),
      required(Cols.LINE, FieldType.LONG),
      required(Cols.REASON_CODE, FieldType.STRING),
      required(Cols.REASON, FieldType.STRING),
      required(Cols.RAW, FieldType.STRING)));

  /** Quarantined rows as kept in the store, keyed by file content rather than path. */
  public static final Table QUARANTINE_STORED = new Table("quarantine_stored", List.of(
      required(Cols.SHA256, FieldType.STRING),
      required(Cols.LINE, FieldType.LONG),
      required(Cols.REASON_CODE, FieldType.STRING),
      required(Cols.REASON, FieldType.STRING),
      required(Cols.RAW, FieldType.STRING)));

  /** benchmarks.csv: one row per peer group and per roll-up across standards. */
  public static final Table BENCHMARKS = new Table("benchmarks", List.of(
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      required(Cols.FEE_TYPE, FieldType.STRING),
      required(Cols.BASIS_CLASS, FieldType.STRING),
      required(Cols.N_PRICE_POINTS, FieldType.LONG),
      required(Cols.N_SUPPLIERS, FieldType.LONG),
      required(Cols.N_BUYERS, FieldType.LONG),
      required(Cols.MAX_SUPPLIER_SHARE, FieldType.DOUBLE),
      optional(Cols.P10, FieldType.PRICE),
      optional(Cols.P25, FieldType.PRICE),
      optional(Cols.MEDIAN, FieldType.PRICE),
      optional(Cols.P75, FieldType.PRICE),
      optional(Cols.P90, FieldType.PRICE),
      optional(Cols.MEAN, FieldType.PRICE),
      optional(Cols.SIZE_MEASURE, FieldType.STRING),
      optional(Cols.SA_N, FieldType.LONG),
      optional(Cols.SA_P25, FieldType.PRICE),
      optional(Cols.SA_MEDIAN, FieldType.PRICE),
      optional(Cols.SA_P75, FieldType.PRICE),
      required(Cols.PUBLISHED, FieldType.BOOLEAN),
      optional(Cols.SUPPRESSED_REASON, FieldType.STRING),
      required(Cols.WINDOW_START, FieldType.DATE),
      required(Cols.WINDOW_END, FieldType.DATE)));

  /**
   * One row per flagged line of the period and rule, as every rule step produces it (the Spark side).
   * What is published (flags.csv, the register, the workbook) is {@link #REVIEWED_FLAGS}: these
   * columns between a flag_id and the review columns.
   */
  public static final Table FLAGS = new Table("flags", List.of(
      required(Cols.SUBMISSION_ID, FieldType.STRING),
      required(Cols.LINE_NO, FieldType.INT),
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.BUYER_REF, FieldType.STRING),
      required(Cols.RULE, FieldType.STRING),
      required(Cols.SEVERITY, FieldType.STRING),
      required(Cols.NET_GBP, FieldType.MONEY),
      required(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY),
      optional(Cols.RELATED_SUBMISSION_ID, FieldType.STRING),
      optional(Cols.RELATED_LINE_NO, FieldType.INT),
      required(Cols.EVIDENCE, FieldType.STRING),
      optional(Cols.EXPECTED_FEE_GBP, FieldType.PRICE),
      optional(Cols.BAND_LOW_GBP, FieldType.PRICE),
      optional(Cols.BAND_HIGH_GBP, FieldType.PRICE),
      optional(Cols.RATIO, FieldType.DOUBLE),
      optional(Cols.SCORE, FieldType.DOUBLE),
      required(Cols.INVOICE_DATE, FieldType.DATE),
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      required(Cols.FEE_TYPE, FieldType.STRING),
      optional(Cols.INTERFACE_REF, FieldType.STRING),
      optional(Cols.INVOICE_REF, FieldType.STRING)));

  /**
   * flags.csv, restricted/flags-register.csv and the workbook's Flags sheet: {@link FlagId flag_id},
   * the columns of {@link #FLAGS}, then the review: the decision in force (empty while open), pounds
   * recovered, the day decided, the month that raised the flag and its age in months.
   */
  public static final Table REVIEWED_FLAGS = reviewedFlags();

  /**
   * A decisions file ({@code --decisions}), and the decisions kept in the store: one decision on one
   * flag. recovered_gbp is required, and above 0, for RECOVERED only; note is never published.
   */
  public static final Table DECISIONS = new Table("decisions", List.of(
      required(Cols.FLAG_ID, FieldType.STRING),
      required(Cols.DECISION, FieldType.STRING),
      optional(Cols.RECOVERED_GBP, FieldType.MONEY),
      required(Cols.DECIDED_ON, FieldType.DATE),
      optional(Cols.NOTE, FieldType.STRING)));

  /** fee-groups.csv: one row per P4 peer group (buyer_type empty), plus one per buyer type that has a size fit of its own. */
  public static final Table FEE_PEER_GROUPS = new Table("fee_peer_groups", List.of(
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      required(Cols.FEE_TYPE, FieldType.STRING),
      required(Cols.BASIS_CLASS, FieldType.STRING),
      optional(Cols.BUYER_TYPE, FieldType.STRING),
      required(Cols.N_PRICE_POINTS, FieldType.LONG),
      required(Cols.N_SUPPLIERS, FieldType.LONG),
      required(Cols.N_SIZED_PRICE_POINTS, FieldType.LONG),
      required(Cols.STATUS, FieldType.STRING),
      optional(Cols.METHOD, FieldType.STRING),
      optional(Cols.SLOPE, FieldType.DOUBLE),
      optional(Cols.SLOPE_UNCONSTRAINED, FieldType.DOUBLE),
      optional(Cols.INTERCEPT, FieldType.DOUBLE)));

  /** restricted/savings-by-supplier.csv: per supplier and category, the P4-flagged lines of the period and their excess over the band. */
  public static final Table FEE_MARKET_VIEW = new Table("fee_market_view", List.of(
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.N_FLAGGED_LINES, FieldType.LONG),
      required(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY)));

  private static Table reviewedFlags() {
    List<Field> fields = new ArrayList<>();
    fields.add(required(Cols.FLAG_ID, FieldType.STRING));
    fields.addAll(FLAGS.fields());
    fields.add(optional(Cols.DECISION, FieldType.STRING));
    fields.add(optional(Cols.RECOVERED_GBP, FieldType.MONEY));
    fields.add(optional(Cols.DECIDED_ON, FieldType.DATE));
    fields.add(required(Cols.RAISED_PERIOD, FieldType.STRING));
    fields.add(required(Cols.AGE_MONTHS, FieldType.INT));
    return new Table("reviewed_flags", fields);
  }

  private static Table charges() {
    List<Field> fields = new ArrayList<>();
    for (SubmissionColumn c : SubmissionColumn.values()) {
      boolean nullable = !c.required() && c != SubmissionColumn.CURRENCY && c != SubmissionColumn.VAT_INCLUDED;
      fields.add(new Field(c.columnName(), c.storedAs(), nullable));
    }
    fields.add(required(Cols.INVOICE_MONTH, FieldType.STRING));
    fields.add(required(Cols.SOURCE_FILE, FieldType.STRING));
    fields.add(required(Cols.SOURCE_SHA256, FieldType.STRING));
    fields.add(required(Cols.SOURCE_LINE, FieldType.LONG));
    return new Table("charges", fields);
  }
}
