package org.fairfee.reports;

import static org.fairfee.schemas.Field.optional;
import static org.fairfee.schemas.Field.required;

import java.util.List;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.Table;

/**
 * The layouts of the tables only the reports write (the workbook's derived sheets, the statement
 * CSV, the register's totals). Contract and pipeline columns come from {@link Cols}; the few names
 * that exist only here are defined once below.
 */
public final class ReportTables {
  private ReportTables() {}

  /** Number of flags in a total. */
  public static final String N_FLAGS = "n_flags";
  /** Statement CSV: what a row is, {@link #PRICE_POINT} or {@link #FLAG}. */
  public static final String RECORD = "record";
  /** Statement CSV: published, or why the peer group's band is not shown. */
  public static final String BAND_STATUS = "band_status";
  /** Statement CSV: where the price sits in its published band. */
  public static final String POSITION = "position";
  /** Statement CSV: what the supplier can do about a flag. */
  public static final String WHAT_YOU_CAN_DO = "what_you_can_do";
  /** Data quality sheet: files, rows, quarantined rows or rejected files. */
  public static final String SECTION = "section";
  /** Data quality sheet: a count's name or a reason code. */
  public static final String ITEM = "item";
  /** Data quality sheet: the reason code's meaning; README sheet: the text. */
  public static final String MEANING = "meaning";
  /** Data quality sheet: the count. */
  public static final String COUNT = "count";

  public static final String PRICE_POINT = "price_point";
  public static final String FLAG = "flag";

  /** Per supplier and rule: how many flags and the pounds at stake (restricted). */
  public static final Table SUPPLIER_TOTALS = new Table("supplier_totals", List.of(
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.RULE, FieldType.STRING),
      required(Cols.SEVERITY, FieldType.STRING),
      required(N_FLAGS, FieldType.LONG),
      required(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY)));

  /** Per buyer: how many flags and the pounds at stake, so a trust sees its recovery opportunities (restricted). */
  public static final Table BUYER_TOTALS = new Table("buyer_totals", List.of(
      required(Cols.BUYER_REF, FieldType.STRING),
      required(N_FLAGS, FieldType.LONG),
      required(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY)));

  /** The workbook's data quality sheet: counts, and reason codes with their meaning. */
  public static final Table DATA_QUALITY = new Table("data_quality", List.of(
      required(SECTION, FieldType.STRING),
      required(ITEM, FieldType.STRING),
      optional(MEANING, FieldType.STRING),
      required(COUNT, FieldType.LONG)));

  /** The workbook's README sheet. */
  public static final Table README = new Table("readme", List.of(
      required(ITEM, FieldType.STRING),
      required(MEANING, FieldType.STRING)));

  /**
   * A supplier statement as CSV: the supplier's price points against their bands, then their flags,
   * one table with a {@link #RECORD} column saying which a row is.
   */
  public static final Table STATEMENT = new Table("statement", List.of(
      required(RECORD, FieldType.STRING),
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.BUYER_REF, FieldType.STRING),
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      required(Cols.FEE_TYPE, FieldType.STRING),
      optional(Cols.BASIS_CLASS, FieldType.STRING),
      optional(Cols.PRODUCT_KEY, FieldType.STRING),
      optional(Cols.PRICE_GBP, FieldType.PRICE),
      optional(BAND_STATUS, FieldType.STRING),
      optional(Cols.P10, FieldType.PRICE),
      optional(Cols.P25, FieldType.PRICE),
      optional(Cols.MEDIAN, FieldType.PRICE),
      optional(Cols.P75, FieldType.PRICE),
      optional(Cols.P90, FieldType.PRICE),
      optional(POSITION, FieldType.STRING),
      optional(Cols.FLAG_ID, FieldType.STRING),
      optional(Cols.RULE, FieldType.STRING),
      optional(Cols.SEVERITY, FieldType.STRING),
      optional(Cols.SUBMISSION_ID, FieldType.STRING),
      optional(Cols.LINE_NO, FieldType.INT),
      optional(Cols.INTERFACE_REF, FieldType.STRING),
      optional(Cols.INVOICE_REF, FieldType.STRING),
      optional(Cols.INVOICE_DATE, FieldType.DATE),
      optional(Cols.NET_GBP, FieldType.MONEY),
      optional(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY),
      optional(Cols.EVIDENCE, FieldType.STRING),
      optional(WHAT_YOU_CAN_DO, FieldType.STRING),
      optional(Cols.DECISION, FieldType.STRING),
      optional(Cols.RAISED_PERIOD, FieldType.STRING)));
}
