package org.fairfee.jobs.decisions;

import java.io.IOException;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.publish.Records;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Reviews;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Decision;
import org.fairfee.schemas.FlagId;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * The review loop on the driver, on the month's small list of flags: gives every flag its stable
 * {@link FlagId}, applies the decisions in force (the store's and those of {@code --decisions}),
 * drops a line and rule dismissed in an earlier month, and carries earlier flags still open into the
 * register. In: the rules' rows ({@code Tables.FLAGS}) in publication order. Out: the month's flags
 * and the register's ({@code Tables.REVIEWED_FLAGS}), the review's numbers for the report, and the
 * manifest's decisions block. Nothing here reads a Dataset.
 */
public final class FlagReview {
  private FlagReview() {}

  /**
   * What the review gives the publication.
   *
   * @param month the month's flags, in the order given, each with its decision (flags.csv)
   * @param register the month's flags then every earlier flag still open, with raised_period and age
   * @param reviews open, confirmed, dismissed and recovered over every flag raised up to the month
   * @param manifest the manifest's "decisions" block: accepted (count), rejected (file, line, reason)
   * @param raised the month's flags as raised, for the store
   * @param decisions every decision to keep in the store, in arrival order
   */
  public record Result(List<Flag> month, List<Flag> register, Reviews reviews, Map<String, Object> manifest,
      List<Flag> raised, List<Decisions.Entry> decisions) {}

  /** Reads the store and the decisions (decisionsPath null: none this run) and reviews the month's rule rows. */
  public static Result apply(Io io, Path store, String period, Path decisionsPath, List<Row> ruleRows)
      throws IOException {
    ReviewStore rs = new ReviewStore(io, store);
    Decisions.Read read = decisionsPath == null ? Decisions.Read.NONE : Decisions.read(io, decisionsPath);
    return review(period, fromRules(ruleRows, period), rs.flags(), rs.decisions(), read);
  }

  /** Keeps the month's flags and the decisions in the store, for later months. */
  public static void save(Io io, Path store, String period, Result r) throws IOException {
    ReviewStore rs = new ReviewStore(io, store);
    rs.saveFlags(period, r.raised());
    rs.saveDecisions(r.decisions());
  }

  /** The rules' rows ({@code Tables.FLAGS}) as open flags raised in period, with their ids. */
  public static List<Flag> fromRules(List<Row> rows, String period) {
    StructType schema = SparkSchemas.of(Tables.REVIEWED_FLAGS);
    List<String> ruleColumns = Tables.FLAGS.columnNames();
    List<Row> reviewed = new ArrayList<>(rows.size());
    for (Row r : rows) {
      Object[] v = new Object[schema.size()];
      v[0] = FlagId.of(r.getAs(Cols.RULE), r.getAs(Cols.SUBMISSION_ID), ((Number) r.getAs(Cols.LINE_NO)).intValue());
      for (int i = 0; i < ruleColumns.size(); i++) {
        v[i + 1] = r.get(r.fieldIndex(ruleColumns.get(i)));
      }
      v[schema.fieldIndex(Cols.RAISED_PERIOD)] = period;
      v[schema.fieldIndex(Cols.AGE_MONTHS)] = 0;
      reviewed.add(new GenericRowWithSchema(v, schema));
    }
    return Records.all(reviewed, Flag.class);
  }

  /**
   * The review, from plain values: the month's flags as raised, the stored flags by the period that
   * raised them, the stored decisions in arrival order, and this run's decisions files.
   */
  public static Result review(String period, List<Flag> raisedNow, Map<String, List<Flag>> stored,
      List<Decisions.Entry> storedDecisions, Decisions.Read incoming) {
    YearMonth month = YearMonth.parse(period);
    // Earlier flags by id, each with the first month that raised it.
    Map<String, Flag> earlier = new LinkedHashMap<>();
    Set<String> known = new HashSet<>();
    for (Map.Entry<String, List<Flag>> e : stored.entrySet()) {
      if (e.getKey().equals(period)) {
        continue; // this run raises the month again
      }
      int age = (int) YearMonth.parse(e.getKey()).until(month, ChronoUnit.MONTHS);
      for (Flag f : e.getValue()) {
        known.add(f.flagId());
        if (age > 0) {
          earlier.putIfAbsent(f.flagId(), f.raised(e.getKey(), age));
        }
      }
    }
    raisedNow.forEach(f -> known.add(f.flagId()));

    // Decisions: the store's, then this run's that name a known flag and are not already kept.
    List<Decisions.Entry> all = new ArrayList<>(storedDecisions);
    List<Decisions.Rejected> rejected = new ArrayList<>(incoming.rejected());
    int accepted = 0;
    for (Decisions.Entry e : incoming.accepted()) {
      if (known.contains(e.flagId())) {
        accepted++;
      }
      if (!known.contains(e.flagId())) {
        rejected.add(new Decisions.Rejected(e.file(), e.line(), "unknown flag_id " + shorten(e.flagId())
            + ": no flag raised up to " + period + " has it"));
      } else if (all.stream().noneMatch(e::sameAs)) {
        all.add(e);
      }
    }
    rejected.sort(Comparator.comparing(Decisions.Rejected::file).thenComparingLong(Decisions.Rejected::line));
    Map<String, Decisions.Entry> inForce = Decisions.inForce(all);

    // The month: a line and rule dismissed when an earlier month raised it is not flagged again.
    List<Flag> monthFlags = new ArrayList<>();
    List<Flag> raised = new ArrayList<>();
    Set<String> inMonth = new HashSet<>();
    for (Flag f : raisedNow) {
      Flag before = earlier.get(f.flagId());
      Decisions.Entry d = inForce.get(f.flagId());
      if (before != null && d != null && d.decision() == Decision.DISMISSED) {
        continue;
      }
      if (!inMonth.add(f.flagId())) {
        continue; // one row per id
      }
      if (before == null) {
        raised.add(f);
      }
      Flag shown = before == null ? f : f.raised(before.raisedPeriod(), before.ageMonths());
      monthFlags.add(decide(shown, d));
    }

    // The register: the month's flags, then every earlier flag still open.
    List<Flag> register = new ArrayList<>(monthFlags);
    List<Flag> everything = new ArrayList<>(monthFlags);
    for (Flag f : earlier.values()) {
      if (inMonth.contains(f.flagId())) {
        continue;
      }
      Flag decided = decide(f, inForce.get(f.flagId()));
      everything.add(decided);
      if (decided.open()) {
        register.add(decided);
      }
    }

    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("accepted", accepted);
    manifest.put("in_force", inForce.size());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Decisions.Rejected r : rejected) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("file", r.file());
      m.put("line", r.line());
      m.put("reason", r.reason());
      rows.add(m);
    }
    manifest.put("rejected", rows);
    return new Result(List.copyOf(monthFlags), List.copyOf(register), Reviews.of(everything), manifest,
        List.copyOf(raised), List.copyOf(all));
  }

  private static Flag decide(Flag f, Decisions.Entry d) {
    return d == null ? f.withDecision(null, null, null)
        : f.withDecision(d.decision().name(), d.recoveredGbp(), d.decidedOn());
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
