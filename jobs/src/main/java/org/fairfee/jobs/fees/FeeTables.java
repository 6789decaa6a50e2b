package org.fairfee.jobs.fees;

import static org.fairfee.schemas.Field.optional;
import static org.fairfee.schemas.Field.required;

import java.util.List;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.Table;

/**
 * Layouts of the P4 outputs other than flags.csv (which is {@code Tables.FLAGS}). They live here until
 * the report and publish steps adopt them; then they belong in {@code Tables} with the others.
 */
public final class FeeTables {
  private FeeTables() {}

  /** One row per peer group (buyer_type empty), plus one per buyer type that has a size fit of its own. */
  public static final Table PEER_GROUPS = new Table("fee_peer_groups", List.of(
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

  /** One row per price point of an assessed peer group and P4 rule it was judged by. */
  public static final Table SCORES = new Table("fee_scores", List.of(
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.INTERFACE_STANDARD, FieldType.STRING),
      required(Cols.FEE_TYPE, FieldType.STRING),
      required(Cols.BASIS_CLASS, FieldType.STRING),
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.BUYER_REF, FieldType.STRING),
      required(Cols.PRODUCT_KEY, FieldType.STRING),
      optional(Cols.BUYER_TYPE, FieldType.STRING),
      optional(Cols.BUYER_SIZE, FieldType.DOUBLE),
      required(Cols.PRICE_GBP, FieldType.PRICE),
      required(Cols.RULE, FieldType.STRING),
      required(Cols.METHOD, FieldType.STRING),
      required(Cols.FLAGGED, FieldType.BOOLEAN),
      required(Cols.EXPECTED_FEE_GBP, FieldType.PRICE),
      required(Cols.BAND_LOW_GBP, FieldType.PRICE),
      required(Cols.BAND_HIGH_GBP, FieldType.PRICE),
      required(Cols.RATIO, FieldType.DOUBLE),
      required(Cols.SCORE, FieldType.DOUBLE),
      required(Cols.EVIDENCE, FieldType.STRING)));

  /** Restricted: per supplier and category, the P4-flagged lines of the period and their excess over the band. */
  public static final Table MARKET_VIEW = new Table("fee_market_view", List.of(
      required(Cols.SUPPLIER_REF, FieldType.STRING),
      required(Cols.PRODUCT_CATEGORY, FieldType.STRING),
      required(Cols.N_FLAGGED_LINES, FieldType.LONG),
      required(Cols.AMOUNT_AT_STAKE_GBP, FieldType.MONEY)));
}
