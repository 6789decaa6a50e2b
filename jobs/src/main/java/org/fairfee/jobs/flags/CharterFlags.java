package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;

/**
 * The charging-twice and free-by-charter rules (P1, P2, P3, P5_DUPLICATE, P5_OVERLAP, P5_RECHARGE,
 * P5_LIKELY_DUPLICATE) as one step: detect over the whole history, then keep the period's flags for flags.csv.
 */
public final class CharterFlags {
  private CharterFlags() {}

  /**
   * All flags of these rules over the whole history. In: {@code Credits.apply(Normalise.apply(history,
   * rates))}, every line up to the end of the evaluated month. Out: {@code SparkSchemas.of(Tables.FLAGS)}
   * rows for lines of any month (so that copies in earlier months are known too), in no particular
   * order: sorting every month's flags would cost a pass over all of them, so {@link #inPeriod} sorts
   * the period's.
   *
   * <p>The result is persisted (memory, then disk) and already computed, since both inPeriod and
   * {@link #copies} read it: unpersist it when done. Computing it here lets the duplicate marking
   * (a shuffle and three window sorts over every line), which the duplicate, overlap and recharge
   * rules all start from, be cached for that one computation and released before returning.
   */
  public static Dataset<Row> detect(Dataset<Row> lines, FlagOptions options) {
    FlagRows.requireLines(lines);
    Dataset<Row> marked = FlagDuplicates.marked(lines, options).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> originals = FlagDuplicates.originalsOf(marked);
    // A local checkpoint, not persist(): Dataset.union flattens a union operand into its own union
    // (CombineUnions, "this breaks caching" in Spark's source), so a persisted union of these rules
    // would not be found in the cache by the union below and would be computed again from the lines,
    // windows and overlap join included (measured: 163 s of a 1M-row run). The checkpoint is a leaf
    // plan that no rewrite can hide, and unpersisting marked cannot invalidate it. Its blocks live on
    // the executors: losing one before the flags below are persisted fails the run, which a rerun repeats.
    Dataset<Row> found = FlagDuplicates.flagsOf(marked)
        .unionByName(FlagOverlaps.fromOriginals(originals, options))
        .unionByName(FlagRecharges.fromOriginals(originals))
        .unionByName(FlagCharterFees.apply(lines))
        .unionByName(FlagNonStandard.apply(lines, options))
        .localCheckpoint(true, StorageLevel.MEMORY_AND_DISK());
    marked.unpersist();
    // Likely duplicates leave out the lines the certain rules flagged, so they read those flags first.
    Dataset<Row> flags = found.unionByName(FlagLikelyDuplicates.fromLines(lines, found, options))
        .persist(StorageLevel.MEMORY_AND_DISK());
    flags.count();
    return flags;
  }

  /** The flags of lines invoiced in {@code period} (YYYY-MM), in flags.csv order. */
  public static Dataset<Row> inPeriod(Dataset<Row> flags, String period) {
    FlagRows.requireFlags(flags);
    YearMonth month = parsePeriod(period);
    return flags.where(col(Cols.INVOICE_DATE).between(lit(month.atDay(1)), lit(month.atEndOfMonth())))
        .orderBy(order());
  }

  /**
   * The lines flagged as charged twice for the same thing (P5_DUPLICATE, P5_OVERLAP, P5_RECHARGE), in
   * any month of the flags given: submission_id and line_no, sorted, for the benchmark step to leave
   * out. A development charged again to another buyer is a copy too: it must not shape the band.
   */
  public static Dataset<Row> copies(Dataset<Row> flags) {
    FlagRows.requireFlags(flags);
    return flags.where(col(Cols.RULE).isin(COPY_RULES))
        .select(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO))
        .distinct()
        .orderBy(col(Cols.SUBMISSION_ID), col(Cols.LINE_NO));
  }

  /** The rules whose lines are copies of a charge already made, never price points. */
  public static final Object[] COPY_RULES = {RuleCode.P5_DUPLICATE.name(), RuleCode.P5_OVERLAP.name(),
      RuleCode.P5_RECHARGE.name()};

  /** flags.csv order, its full key: submission_id, line_no, rule. */
  public static Column[] order() {
    return new Column[] {col(Cols.SUBMISSION_ID).asc(), col(Cols.LINE_NO).asc(), col(Cols.RULE).asc()};
  }

  private static YearMonth parsePeriod(String period) {
    if (period == null || !period.matches("[0-9]{4}-[0-9]{2}")) {
      throw new IllegalArgumentException("period must be YYYY-MM, was " + period);
    }
    try {
      return YearMonth.parse(period);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("period must be YYYY-MM, was " + period);
    }
  }
}
