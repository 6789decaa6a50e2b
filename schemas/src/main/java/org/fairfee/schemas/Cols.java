package org.fairfee.schemas;

/**
 * Every column name used anywhere in fairfee, defined once. Contract columns are spelled exactly as
 * in the submission contract; the others are the pipeline's own.
 */
public final class Cols {
  private Cols() {}

  // ---- submission contract (see SubmissionColumn for types and rules) ----
  public static final String SUBMISSION_ID = "submission_id";
  public static final String LINE_NO = "line_no";
  public static final String SUPPLIER_REF = "supplier_ref";
  public static final String BUYER_REF = "buyer_ref";
  public static final String BUYER_TYPE = "buyer_type";
  public static final String BUYER_SIZE = "buyer_size";
  public static final String PRODUCT_CATEGORY = "product_category";
  public static final String INTERFACE_STANDARD = "interface_standard";
  public static final String INTERFACE_REF = "interface_ref";
  public static final String FEE_TYPE = "fee_type";
  public static final String CHARGE_BASIS = "charge_basis";
  public static final String QUANTITY = "quantity";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String VAT_INCLUDED = "vat_included";
  public static final String INVOICE_REF = "invoice_ref";
  public static final String INVOICE_DATE = "invoice_date";
  public static final String SERVICE_START = "service_start";
  public static final String SERVICE_END = "service_end";
  public static final String CREDITS_INVOICE_REF = "credits_invoice_ref";
  public static final String DESCRIPTION = "description";

  // ---- lineage kept with every accepted row in the store ----
  public static final String INVOICE_MONTH = "invoice_month";
  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_SHA256 = "source_sha256";
  public static final String SOURCE_LINE = "source_line";
  public static final String BATCH = "batch";

  // ---- files, manifest and quarantine ----
  public static final String FILE = "file";
  public static final String SHA256 = "sha256";
  public static final String BYTES = "bytes";
  public static final String STATUS = "status";
  public static final String REASON_CODE = "reason_code";
  public static final String REASON = "reason";
  public static final String ROWS_READ = "rows_read";
  public static final String ROWS_ACCEPTED = "rows_accepted";
  public static final String ROWS_QUARANTINED = "rows_quarantined";
  public static final String BLANK_LINES = "blank_lines";
  public static final String SUBMISSION_IDS = "submission_ids";
  public static final String EXTRA_COLUMNS = "extra_columns";
  public static final String LINE = "line";
  public static final String RAW = "raw";

  // ---- normalisation (added to each line by the normalise step) ----
  /** Ex-VAT amount in GBP, rounded to pence; negative for a credit note. */
  public static final String NET_GBP = "net_amount_gbp";
  /** ONE_OFF, RECURRING or PER_TRANSACTION. */
  public static final String BASIS_CLASS = "basis_class";
  /** Comparable price: annualised for recurring charges, unit price per transaction, else the net amount. */
  public static final String PRICE_GBP = "price_gbp";
  /** interface_ref, or "PRODUCT:" + product_category where a line names no interface. */
  public static final String PRODUCT_KEY = "product_key";
  /** invoice_ref with case, spaces, dashes, leading zeros and INV/# prefixes taken out. */
  public static final String INVOICE_REF_NORM = "invoice_ref_norm";
  /** credits_invoice_ref normalised the same way. */
  public static final String CREDITS_REF_NORM = "credits_ref_norm";
  /** True for a credit note (negative amount). */
  public static final String IS_CREDIT = "is_credit";
  /** Pounds of credit notes applied to this charge (0 when none). */
  public static final String CREDITED_GBP = "credited_gbp";
  /** True when credit notes reverse this charge in full. */
  public static final String FULLY_CREDITED = "fully_credited";

  // ---- price points (one price per supplier, buyer, interface or product, fee type and basis class) ----
  /** The unit of buyer_size for the buyer's type: staff, registered_patients, population or beds. */
  public static final String SIZE_MEASURE = "size_measure";
  /** A price point's price per unit of buyer size (size_measure). */
  public static final String SA_PRICE_GBP = "sa_price_gbp";
  /** How many charge lines a price point was made from. */
  public static final String N_LINES = "n_lines";
  /** The latest invoice_date among a price point's lines. */
  public static final String LAST_INVOICE_DATE = "last_invoice_date";
  /** First month ("YYYY-MM") of the window in which a price point's lines invoice or pay for a service. */
  public static final String ACTIVE_FROM = "active_from";
  /** Last such month. */
  public static final String ACTIVE_TO = "active_to";
  /** The median annualised price of a recurring price point's lines in the window's months before the last. */
  public static final String EARLIER_PRICE_GBP = "earlier_price_gbp";
  /** How many lines that median was taken over. */
  public static final String N_EARLIER_LINES = "n_earlier_lines";
  /** A calendar month "YYYY-MM" of the benchmark trend. */
  public static final String MONTH = "month";

  // ---- benchmarks ----
  public static final String N_PRICE_POINTS = "n_price_points";
  public static final String N_SUPPLIERS = "n_suppliers";
  public static final String N_BUYERS = "n_buyers";
  public static final String MAX_SUPPLIER_SHARE = "max_supplier_share";
  public static final String P10 = "p10";
  public static final String P25 = "p25";
  public static final String MEDIAN = "median";
  public static final String P75 = "p75";
  public static final String P90 = "p90";
  public static final String MEAN = "mean";
  public static final String SA_N = "sa_n_price_points";
  public static final String SA_P25 = "sa_p25";
  public static final String SA_MEDIAN = "sa_median";
  public static final String SA_P75 = "sa_p75";
  public static final String PUBLISHED = "published";
  public static final String SUPPRESSED_REASON = "suppressed_reason";
  public static final String WINDOW_START = "window_start";
  public static final String WINDOW_END = "window_end";

  // ---- fee assessment (P4): peer-group fit report, price-point scores, market view ----
  /** SIZE_ADJUSTED or UNADJUSTED: how a peer group was fitted, or how a price point was judged. */
  public static final String METHOD = "method";
  /** Fitted size elasticity: slope of ln(price) on ln(buyer_size), within the configured limits. */
  public static final String SLOPE = "slope";
  /** The fitted (Theil-Sen) slope before the limits were applied. */
  public static final String SLOPE_UNCONSTRAINED = "slope_unconstrained";
  /** Fitted ln(price) where ln(buyer_size) = 0. */
  public static final String INTERCEPT = "intercept";
  /** Price points that give a buyer size. */
  public static final String N_SIZED_PRICE_POINTS = "n_sized_price_points";
  /** True when a price point meets a rule's flag condition. */
  public static final String FLAGGED = "flagged";
  /** Distinct lines of the period with at least one flag. */
  public static final String N_FLAGGED_LINES = "n_flagged_lines";

  // ---- flags ----
  public static final String RULE = "rule";
  public static final String SEVERITY = "severity";
  public static final String AMOUNT_AT_STAKE_GBP = "amount_at_stake_gbp";
  public static final String RELATED_SUBMISSION_ID = "related_submission_id";
  public static final String RELATED_LINE_NO = "related_line_no";
  public static final String EVIDENCE = "evidence";
  public static final String EXPECTED_FEE_GBP = "expected_fee_gbp";
  public static final String BAND_LOW_GBP = "band_low_gbp";
  public static final String BAND_HIGH_GBP = "band_high_gbp";
  public static final String RATIO = "ratio";
  public static final String SCORE = "score";
  /** Number of flags in a total (per rule, per supplier and rule). */
  public static final String N_FLAGS = "n_flags";

  // ---- flag decisions (the review loop) ----
  /** A flag's stable id: see {@link FlagId}. */
  public static final String FLAG_ID = "flag_id";
  /** CONFIRMED, DISMISSED or RECOVERED ({@link Decision}); empty while the flag is open. */
  public static final String DECISION = "decision";
  /** Pounds recovered on a RECOVERED flag. */
  public static final String RECOVERED_GBP = "recovered_gbp";
  /** The day a decision was taken (ISO date). */
  public static final String DECIDED_ON = "decided_on";
  /** Free text a reviewer gave with a decision; never published. */
  public static final String NOTE = "note";
  /** The month (YYYY-MM) whose run first raised a flag. */
  public static final String RAISED_PERIOD = "raised_period";
  /** Whole months from raised_period to the month evaluated: 0 for the month's own flags. */
  public static final String AGE_MONTHS = "age_months";

  // ---- ground truth of generated sample data (labels.csv) ----
  /** A rule code, a hard-negative name or BAD_ROW:&lt;reason code&gt; that a generated line was made to carry. */
  public static final String LABEL = "label";
}
