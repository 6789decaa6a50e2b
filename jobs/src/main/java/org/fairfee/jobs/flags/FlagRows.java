package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * What the flag rules share: which lines are charges, the original-before-copy order, the
 * flags.csv row shape, and the pieces of evidence sentences (money, dates, days apart).
 */
final class FlagRows {
  private FlagRows() {}

  static final StructType SCHEMA = SparkSchemas.of(Tables.FLAGS);

  /** Columns of a normalised, credit-netted line that the rules read. */
  static final List<String> LINE_COLUMNS = List.of(Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.SUPPLIER_REF,
      Cols.BUYER_REF, Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD, Cols.INTERFACE_REF, Cols.FEE_TYPE,
      Cols.INVOICE_REF, Cols.INVOICE_DATE, Cols.SERVICE_START, Cols.SERVICE_END, Cols.NET_GBP, Cols.BASIS_CLASS,
      Cols.PRODUCT_KEY, Cols.INVOICE_REF_NORM, Cols.IS_CREDIT, Cols.CREDITED_GBP, Cols.FULLY_CREDITED);

  /** Prefix of the columns of the other line of a pair (the original, the earlier charge). */
  static final String O = "_o_";

  /** Evidence columns of the P4 rules: always empty here. */
  private static final Set<String> P4_ONLY = Set.of(Cols.EXPECTED_FEE_GBP, Cols.BAND_LOW_GBP, Cols.BAND_HIGH_GBP,
      Cols.RATIO, Cols.SCORE);

  /** Fails fast, naming the first missing column, when the input is not normalised, credit-netted lines. */
  static void requireLines(Dataset<Row> lines) {
    Set<String> have = Set.of(lines.columns());
    for (String c : LINE_COLUMNS) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("flag rules need column " + c + " in their input lines; pass "
            + "Credits.apply(Normalise.apply(history, rates)), which has it, not raw store rows");
      }
    }
  }

  /** Fails fast, naming the first missing column, when {@code flags} are not flags.csv rows. */
  static void requireFlags(Dataset<Row> flags) {
    List<String> have = Arrays.asList(flags.columns());
    for (String c : Tables.FLAGS.columnNames()) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("expected flags (Tables.FLAGS) with column " + c + ", got columns " + have);
      }
    }
  }

  /**
   * Charges that still stand: not credit notes, a positive net amount, not reversed in full by a
   * credit note. Only these can be copies, originals or earlier charges; the rule's columns only.
   */
  static Dataset<Row> standing(Dataset<Row> lines) {
    requireLines(lines);
    return lines
        .where(stands())
        .select(LINE_COLUMNS.stream().filter(c -> !c.equals(Cols.IS_CREDIT) && !c.equals(Cols.FULLY_CREDITED))
            .map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
  }

  /** True for the lines {@link #standing} keeps. */
  static Column stands() {
    return col(Cols.IS_CREDIT).unary_$bang().and(col(Cols.NET_GBP).gt(0)).and(col(Cols.FULLY_CREDITED).unary_$bang());
  }

  /** Every column renamed with the prefix {@link #O}, so a line can be joined with another of the same set. */
  static Dataset<Row> other(Dataset<Row> d) {
    return d.select(Arrays.stream(d.columns()).map(c -> col(c).as(O + c)).toArray(Column[]::new));
  }

  static Column o(String column) {
    return col(O + column);
  }

  /**
   * True where the other line comes before this one: earlier invoice_date, then lower
   * submission_id, then lower line_no (the contract's original-before-copy order).
   */
  static Column otherComesFirst() {
    Column sameDate = o(Cols.INVOICE_DATE).equalTo(col(Cols.INVOICE_DATE));
    return o(Cols.INVOICE_DATE).lt(col(Cols.INVOICE_DATE))
        .or(sameDate.and(o(Cols.SUBMISSION_ID).lt(col(Cols.SUBMISSION_ID))))
        .or(sameDate.and(o(Cols.SUBMISSION_ID).equalTo(col(Cols.SUBMISSION_ID)))
            .and(o(Cols.LINE_NO).lt(col(Cols.LINE_NO))));
  }

  /** The original-before-copy order of the other line, for windows that pick the first of several. */
  static Column[] otherOrder() {
    return new Column[] {o(Cols.INVOICE_DATE).asc(), o(Cols.SUBMISSION_ID).asc(), o(Cols.LINE_NO).asc()};
  }

  /** The original-before-copy order of a line. */
  static Column[] lineOrder() {
    return new Column[] {col(Cols.INVOICE_DATE).asc(), col(Cols.SUBMISSION_ID).asc(), col(Cols.LINE_NO).asc()};
  }

  /** Months since year 0 (January 2026 = 24312): the bucket a date falls in. */
  static Column monthIndex(Column date) {
    return year(date).multiply(12).plus(month(date)).minus(1);
  }

  /** Pounds as people write them: £12,400.00 (Spark formats with fixed US symbols, whatever the locale). */
  static Column money(Column gbp) {
    return concat(lit("£"), format_number(gbp, 2));
  }

  /** "the same day", "1 day earlier", "21 days earlier". */
  static Column daysEarlier(Column days) {
    return when(days.equalTo(0), lit("the same day"))
        .when(days.equalTo(1), lit("1 day earlier"))
        .otherwise(concat(days.cast("string"), lit(" days earlier")));
  }

  /** "line 7 of submission S-2026-09-SUP-3F2A", naming the other line. */
  static Column otherLine() {
    return concat(lit("line "), o(Cols.LINE_NO).cast("string"), lit(" of submission "), o(Cols.SUBMISSION_ID));
  }

  /**
   * The flagged lines as flags.csv rows, exactly {@code SparkSchemas.of(Tables.FLAGS)}: the line's own
   * columns, the rule and its severity, the given amount at stake, related line and evidence, and
   * the P4 evidence columns left empty. A required column that turns out null is a bug and fails.
   */
  static Dataset<Row> toFlags(Dataset<Row> flagged, RuleCode rule, Column atStake, Column relatedSubmission,
      Column relatedLine, Column evidence) {
    Map<String, Column> given = Map.of(
        Cols.RULE, lit(rule.name()),
        Cols.SEVERITY, lit(rule.severity().value()),
        Cols.AMOUNT_AT_STAKE_GBP, atStake,
        Cols.RELATED_SUBMISSION_ID, relatedSubmission,
        Cols.RELATED_LINE_NO, relatedLine,
        Cols.EVIDENCE, evidence);
    List<Column> out = new ArrayList<>();
    for (StructField f : SCHEMA.fields()) {
      Column c = given.containsKey(f.name()) ? given.get(f.name())
          : P4_ONLY.contains(f.name()) ? lit(null) : col(f.name());
      out.add(c.cast(f.dataType()).as(f.name()));
    }
    // Passing the rows through the schema's encoder states which columns are required (and checks it).
    return flagged.select(out.toArray(Column[]::new)).map((MapFunction<Row, Row>) r -> r, Encoders.row(SCHEMA));
  }

  static Column noRelated() {
    return lit(null);
  }
}
