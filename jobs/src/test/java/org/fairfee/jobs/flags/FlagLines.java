package org.fairfee.jobs.flags;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;

/** Test helpers: a fixture under fixtures/flags/ as the rules' input, and flags keyed for asserting. */
final class FlagLines {
  private FlagLines() {}

  /** The fixture's rows as every rule gets them: normalised and credit-netted. */
  static Dataset<Row> lines(SparkSession spark, String fixture) {
    return Credits.apply(Normalise.apply(Fixtures.charges(spark, "flags/" + fixture), Rates.none()));
  }

  /** Flags keyed "submission_id/line_no rule", in that order. */
  static Map<String, Row> byLine(Dataset<Row> flags) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : flags.collectAsList()) {
      String key = id(r) + " " + r.getString(r.fieldIndex(Cols.RULE));
      if (out.put(key, r) != null) {
        throw new AssertionError("two flags for " + key);
      }
    }
    return out;
  }

  /** The key {@link #byLine} gives the flag of {@code rule} on line "submission_id/line_no". */
  static String k(String line, RuleCode rule) {
    return line + " " + rule.name();
  }

  static String id(Row r) {
    return r.getString(r.fieldIndex(Cols.SUBMISSION_ID)) + "/" + r.getInt(r.fieldIndex(Cols.LINE_NO));
  }

  static String related(Row r) {
    int i = r.fieldIndex(Cols.RELATED_SUBMISSION_ID);
    return r.isNullAt(i) ? null : r.getString(i) + "/" + r.getInt(r.fieldIndex(Cols.RELATED_LINE_NO));
  }

  static BigDecimal atStake(Row r) {
    return r.getDecimal(r.fieldIndex(Cols.AMOUNT_AT_STAKE_GBP));
  }

  static String evidence(Row r) {
    return r.getString(r.fieldIndex(Cols.EVIDENCE));
  }
}
