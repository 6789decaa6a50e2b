package org.fairfee.jobs.flags;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.fairfee.jobs.flags.FlagRows.o;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.core.FlagOptions;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.SparkSchemas;

/**
 * P5_LIKELY_DUPLICATE: a charge billed again under a new invoice number, which P5_DUPLICATE cannot
 * see because the copy shares neither the number nor a service period with the original. In:
 * normalised, credit-netted lines of the whole history, and the flags of the stronger
 * charging-twice rules. Out: one flags.csv row per likely copy, naming the earlier charge.
 *
 * <p>Within one charge key (supplier, buyer, product_key, fee_type), a line is a likely copy of an
 * earlier charge invoiced at most {@link FlagOptions#likelyDuplicateWindowDays()} days before it,
 * under another invoice number, when no service period tells the two apart (both give a period and
 * the periods do not overlap), and either
 * <ul>
 *   <li>its net amount equals the earlier charge's to the penny (VAT added on one of them does not
 *       change the net); the earliest such charge is the original; or
 *   <li>two to four lines of its invoice (same submission and invoice number) add up to the earlier
 *       charge's net to the penny; each of those lines is flagged, naming the original.
 * </ul>
 * Lines take part only when they still stand ({@link FlagRows#standing}), are billed ONE_OFF or
 * ANNUAL (monthly and quarterly charges repeat their amount by design; per-transaction charges pay
 * for a count), and are not flagged P5_DUPLICATE, P5_OVERLAP or P5_RECHARGE already: a copy is
 * flagged once, by its strongest rule. A line whose description states an instalment (see
 * {@link #INSTALMENT_PATTERN}) is never the original, since the parts of a fee billed in instalments
 * repeat or add up to each other by design.
 *
 * <p>No pair of lines is compared across the history: the lines are shuffled once by the charge
 * key, sorted within partitions, and each key's lines are searched in one pass, the equal amounts
 * through a map of earlier amounts and the split re-bills only among the lines of one invoice.
 */
public final class FlagLikelyDuplicates {
  private FlagLikelyDuplicates() {}

  /**
   * A description that states an instalment, stage or milestone payment ("instalment 2 of 3",
   * "milestone 1", "stage payment", "tranche", "deposit", "2 of 4"), case-insensitive.
   */
  static final String INSTALMENT_PATTERN = "(?i)\\b(instal+ments?|milestones?|tranches?|stage[d]? payments?"
      + "|part payments?|deposit|[0-9]+ ?of ?[0-9]+)\\b";

  /** An invoice with more lines than this for one charge key is not searched for a split re-bill. */
  static final int MAX_INVOICE_LINES = 24;
  static final int MAX_PARTS = 4;

  private static final String INSTALMENT = "_instalment";
  private static final String PARTS = "_parts";
  private static final Set<String> TAKES_PART = Set.of(ChargeBasis.ONE_OFF.name(), ChargeBasis.ANNUAL.name());
  private static final Set<String> STRONGER = Set.of(RuleCode.P5_DUPLICATE.name(), RuleCode.P5_OVERLAP.name(),
      RuleCode.P5_RECHARGE.name());

  private static final List<String> KEY = List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_KEY,
      Cols.FEE_TYPE);
  /** The columns the pass carries: the key, the order, what it matches on and what flags.csv shows. */
  private static final List<String> COLUMNS = List.of(Cols.SUPPLIER_REF, Cols.BUYER_REF, Cols.PRODUCT_KEY,
      Cols.FEE_TYPE, Cols.INVOICE_DATE, Cols.SUBMISSION_ID, Cols.LINE_NO, Cols.INVOICE_REF, Cols.INVOICE_REF_NORM,
      Cols.SERVICE_START, Cols.SERVICE_END, Cols.NET_GBP, Cols.VAT_INCLUDED, Cols.CREDITED_GBP,
      Cols.PRODUCT_CATEGORY, Cols.INTERFACE_STANDARD, Cols.INTERFACE_REF);
  /** Input columns besides {@link FlagRows#LINE_COLUMNS} that this rule reads. */
  private static final List<String> MORE_COLUMNS = List.of(Cols.CHARGE_BASIS, Cols.VAT_INCLUDED, Cols.DESCRIPTION);

  /** The flags of this rule alone: the stronger rules are run first, to know which lines they flag. */
  public static Dataset<Row> apply(Dataset<Row> lines, FlagOptions options) {
    Dataset<Row> marked = FlagDuplicates.marked(lines, options);
    Dataset<Row> originals = FlagDuplicates.originalsOf(marked);
    Dataset<Row> stronger = FlagDuplicates.flagsOf(marked)
        .unionByName(FlagOverlaps.fromOriginals(originals, options))
        .unionByName(FlagRecharges.fromOriginals(originals));
    return fromLines(lines, stronger, options);
  }

  /**
   * The flags, given the lines and the flags of any rules ({@code Tables.FLAGS} rows): lines that
   * P5_DUPLICATE, P5_OVERLAP or P5_RECHARGE flag there take no part.
   */
  static Dataset<Row> fromLines(Dataset<Row> lines, Dataset<Row> flags, FlagOptions options) {
    FlagRows.requireLines(lines);
    FlagRows.requireFlags(flags);
    List<String> have = Arrays.asList(lines.columns());
    for (String c : MORE_COLUMNS) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("P5_LIKELY_DUPLICATE needs column " + c + " in its input lines; pass "
            + "Credits.apply(Normalise.apply(history, rates)), which has it");
      }
    }
    Dataset<Row> taken = flags.where(col(Cols.RULE).isin(STRONGER.toArray()))
        .select(col(Cols.SUBMISSION_ID).as("_t_sid"), col(Cols.LINE_NO).as("_t_line"));
    List<Column> carried = new ArrayList<>();
    COLUMNS.forEach(c -> carried.add(col(c)));
    carried.add(coalesce(col(Cols.DESCRIPTION).rlike(INSTALMENT_PATTERN), lit(false)).as(INSTALMENT));
    // Flags are few next to lines: the planner broadcasts them rather than shuffling the lines for this.
    Dataset<Row> eligible = lines.where(FlagRows.stands().and(col(Cols.CHARGE_BASIS).isin(TAKES_PART.toArray())))
        .select(carried.toArray(Column[]::new))
        .join(taken, col(Cols.SUBMISSION_ID).equalTo(col("_t_sid")).and(col(Cols.LINE_NO).equalTo(col("_t_line"))),
            "left_anti");

    StructType in = eligible.schema();
    StructType out = in
        .add(FlagRows.O + Cols.SUBMISSION_ID, DataTypes.StringType, true)
        .add(FlagRows.O + Cols.LINE_NO, DataTypes.IntegerType, true)
        .add(FlagRows.O + Cols.INVOICE_REF, DataTypes.StringType, true)
        .add(FlagRows.O + Cols.INVOICE_DATE, DataTypes.DateType, true)
        .add(FlagRows.O + Cols.NET_GBP, SparkSchemas.MONEY, true)
        .add(FlagRows.O + Cols.VAT_INCLUDED, DataTypes.BooleanType, true)
        .add(PARTS, DataTypes.StringType, true);
    List<Column> order = new ArrayList<>();
    KEY.forEach(c -> order.add(col(c)));
    order.addAll(Arrays.asList(FlagRows.lineOrder()));
    Dataset<Row> copies = eligible
        .repartition(KEY.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .sortWithinPartitions(order.toArray(Column[]::new))
        .mapPartitions(new PerKey(in, options.likelyDuplicateWindowDays()), Encoders.row(out));
    Column atStake = col(Cols.NET_GBP).minus(col(Cols.CREDITED_GBP)).cast(SparkSchemas.MONEY);
    return FlagRows.toFlags(copies, RuleCode.P5_LIKELY_DUPLICATE, atStake, o(Cols.SUBMISSION_ID), o(Cols.LINE_NO),
        evidence());
  }

  /**
   * "same net £12,400.00 as line 7 of submission S-1 (INV-00123), invoiced 9 days earlier, billed again
   * under INV-00456", or "lines 3 and 4 of this invoice (INV-00456) add up to net £12,400.00, charged on
   * line 7 of submission S-1 (INV-00123) 11 days earlier"; ", with VAT added this time" (or "taken off")
   * when only one of the two amounts included VAT.
   */
  private static Column evidence() {
    Column days = FlagRows.daysEarlier(datediff(col(Cols.INVOICE_DATE), o(Cols.INVOICE_DATE)));
    Column theirNumber = when(o(Cols.INVOICE_REF).isNull(), lit(""))
        .otherwise(concat(lit(" ("), o(Cols.INVOICE_REF), lit(")")));
    Column ourNumber = when(col(Cols.INVOICE_REF).isNull(), lit(""))
        .otherwise(concat(lit(" ("), col(Cols.INVOICE_REF), lit(")")));
    Column ourVat = coalesce(col(Cols.VAT_INCLUDED), lit(false));
    Column theirVat = coalesce(o(Cols.VAT_INCLUDED), lit(false));
    Column vat = when(ourVat.and(theirVat.unary_$bang()), lit(", with VAT added this time"))
        .when(theirVat.and(ourVat.unary_$bang()), lit(", with VAT taken off this time"))
        .otherwise(lit(""));
    Column againUnder = when(col(Cols.INVOICE_REF).isNull(), lit(", billed again without an invoice number"))
        .otherwise(concat(lit(", billed again under "), col(Cols.INVOICE_REF)));
    Column same = concat(lit("same net "), FlagRows.money(col(Cols.NET_GBP)), lit(" as "), FlagRows.otherLine(),
        theirNumber, lit(", invoiced "), days, againUnder, vat);
    Column split = concat(col(PARTS), lit(" of this invoice"), ourNumber, lit(" add up to net "),
        FlagRows.money(o(Cols.NET_GBP)), lit(", charged on "), FlagRows.otherLine(), theirNumber, lit(" "), days, vat);
    return when(col(PARTS).isNull(), same).otherwise(split);
  }

  // ---- the per-key pass, plain Java ----

  /** One line as the pass sees it; a key's lines come in original-before-copy order. */
  record Charge(LocalDate date, String submissionId, int lineNo, String invoiceRefNorm, LocalDate start,
      LocalDate end, long pence, boolean instalment) {

    /**
     * Same invoice: the same normalised number. Lines without a number are one invoice only with
     * each other, in one submission on one day.
     */
    boolean sameInvoice(Charge other) {
      if (invoiceRefNorm == null || other.invoiceRefNorm == null) {
        return invoiceRefNorm == null && other.invoiceRefNorm == null && submissionId.equals(other.submissionId)
            && date.equals(other.date);
      }
      return invoiceRefNorm.equals(other.invoiceRefNorm);
    }

    /** Both give a service period and the periods do not overlap (both end dates count). */
    boolean toldApart(Charge other) {
      return start != null && end != null && other.start != null && other.end != null
          && (end.isBefore(other.start) || other.end.isBefore(start));
    }

    /** The invoice whose lines may add up to a re-billed charge: one submission, one number (or day). */
    Invoice invoice() {
      return new Invoice(submissionId, invoiceRefNorm, invoiceRefNorm == null ? date : null);
    }
  }

  /** One invoice of a submission: its normalised number, or the day of the lines without one. */
  record Invoice(String submissionId, String invoiceRefNorm, LocalDate dayWithoutNumber) {}

  /**
   * Line {@code copy} of a key is a likely copy of line {@code original} (positions in the key's
   * list); {@code parts} are the positions of the lines of a split re-bill, ascending, else null.
   */
  record Match(int copy, int original, int[] parts) {}

  /**
   * The likely copies among one key's lines, given in original-before-copy order: equal amounts
   * first, then split re-bills among the lines not matched yet. At most one match per line, in
   * the order of the lines. Empty for an empty or one-line key.
   */
  static List<Match> matches(List<Charge> key, int windowDays) {
    if (key.size() < 2) {
      return List.of();
    }
    Match[] found = new Match[key.size()];
    sameAmounts(key, windowDays, found);
    splits(key, windowDays, found);
    List<Match> out = new ArrayList<>();
    for (Match m : found) {
      if (m != null) {
        out.add(m);
      }
    }
    return out;
  }

  /** The earliest earlier charge of the same pence in the window that nothing tells apart is the original. */
  private static void sameAmounts(List<Charge> key, int windowDays, Match[] found) {
    Map<Long, List<Integer>> earlierByPence = new HashMap<>();
    for (int i = 0; i < key.size(); i++) {
      Charge c = key.get(i);
      List<Integer> earlier = earlierByPence.computeIfAbsent(c.pence(), p -> new ArrayList<>());
      int from = firstOnOrAfter(key, earlier, c.date().minusDays(windowDays));
      for (int k = from; k < earlier.size(); k++) {
        Charge e = key.get(earlier.get(k));
        if (!e.instalment() && !c.sameInvoice(e) && !c.toldApart(e)) {
          found[i] = new Match(i, earlier.get(k), null);
          break;
        }
      }
      earlier.add(i);
    }
  }

  /**
   * Two to four lines of one invoice, not matched yet, that add up to an earlier charge in the
   * window: smaller sets first, then the sets in line order, then the earliest charge.
   */
  private static void splits(List<Charge> key, int windowDays, Match[] found) {
    Map<Invoice, List<Integer>> invoices = new LinkedHashMap<>();
    for (int i = 0; i < key.size(); i++) {
      if (found[i] == null) {
        invoices.computeIfAbsent(key.get(i).invoice(), k -> new ArrayList<>()).add(i);
      }
    }
    for (List<Integer> lines : invoices.values()) {
      if (lines.size() < 2 || lines.size() > MAX_INVOICE_LINES) {
        continue;
      }
      Charge first = key.get(lines.get(0));
      LocalDate from = key.get(lines.get(lines.size() - 1)).date().minusDays(windowDays);
      Map<Long, List<Integer>> targets = new HashMap<>();
      for (int j = firstOnOrAfter(key, range(lines.get(0)), from); j < lines.get(0); j++) {
        Charge e = key.get(j);
        if (!e.instalment() && !first.sameInvoice(e)) {
          targets.computeIfAbsent(e.pence(), p -> new ArrayList<>()).add(j);
        }
      }
      if (!targets.isEmpty()) {
        matchParts(key, lines, targets, found);
      }
    }
  }

  private static void matchParts(List<Charge> key, List<Integer> lines, Map<Long, List<Integer>> targets,
      Match[] found) {
    int m = lines.size();
    boolean[] used = new boolean[m];
    for (int size = 2; size <= Math.min(MAX_PARTS, m); size++) {
      int[] pick = new int[size];
      for (int i = 0; i < size; i++) {
        pick[i] = i;
      }
      while (pick[0] <= m - size) {
        long sum = 0;
        boolean free = true;
        for (int p : pick) {
          free &= !used[p];
          sum += key.get(lines.get(p)).pence();
        }
        List<Integer> originals = free ? targets.get(sum) : null;
        if (originals != null) {
          for (int j : originals) {
            if (noneToldApart(key, lines, pick, key.get(j))) {
              int[] parts = Arrays.stream(pick).map(lines::get).toArray();
              for (int p : pick) {
                used[p] = true;
                found[lines.get(p)] = new Match(lines.get(p), j, parts);
              }
              break;
            }
          }
        }
        next(pick, m);
      }
    }
  }

  private static boolean noneToldApart(List<Charge> key, List<Integer> lines, int[] pick, Charge original) {
    for (int p : pick) {
      if (key.get(lines.get(p)).toldApart(original)) {
        return false;
      }
    }
    return true;
  }

  /** The next set of {@code pick.length} of {@code m} positions in lexicographic order; pick[0] > m - size when done. */
  private static void next(int[] pick, int m) {
    int k = pick.length;
    int i = k - 1;
    while (i >= 0 && pick[i] == m - k + i) {
      i--;
    }
    if (i < 0) {
      pick[0] = m; // done
      return;
    }
    pick[i]++;
    for (int j = i + 1; j < k; j++) {
      pick[j] = pick[j - 1] + 1;
    }
  }

  private static List<Integer> range(int n) {
    return new java.util.AbstractList<>() {
      @Override
      public Integer get(int i) {
        return i;
      }

      @Override
      public int size() {
        return n;
      }
    };
  }

  /** The first position in {@code positions} (ascending positions in key) of a line invoiced on or after {@code from}. */
  private static int firstOnOrAfter(List<Charge> key, List<Integer> positions, LocalDate from) {
    int lo = 0;
    int hi = positions.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (key.get(positions.get(mid)).date().isBefore(from)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** "lines 3 and 4", "lines 3, 4 and 5". */
  static String lineList(int[] lineNos) {
    int[] sorted = lineNos.clone();
    Arrays.sort(sorted);
    StringBuilder b = new StringBuilder("lines ");
    for (int i = 0; i < sorted.length; i++) {
      if (i > 0) {
        b.append(i == sorted.length - 1 ? " and " : ", ");
      }
      b.append(sorted[i]);
    }
    return b.toString();
  }

  /**
   * Runs {@link #matches} on each charge key of a partition sorted by key, then original-before-copy
   * order, holding one key's lines at a time. Out: each likely copy with its original's columns.
   */
  static final class PerKey implements MapPartitionsFunction<Row, Row>, Serializable {
    private final int windowDays;
    private final int[] key;
    private final int date;
    private final int sid;
    private final int line;
    private final int ref;
    private final int refNorm;
    private final int start;
    private final int end;
    private final int net;
    private final int vat;
    private final int instalment;

    PerKey(StructType schema, int windowDays) {
      this.windowDays = windowDays;
      this.key = KEY.stream().mapToInt(schema::fieldIndex).toArray();
      this.date = schema.fieldIndex(Cols.INVOICE_DATE);
      this.sid = schema.fieldIndex(Cols.SUBMISSION_ID);
      this.line = schema.fieldIndex(Cols.LINE_NO);
      this.ref = schema.fieldIndex(Cols.INVOICE_REF);
      this.refNorm = schema.fieldIndex(Cols.INVOICE_REF_NORM);
      this.start = schema.fieldIndex(Cols.SERVICE_START);
      this.end = schema.fieldIndex(Cols.SERVICE_END);
      this.net = schema.fieldIndex(Cols.NET_GBP);
      this.vat = schema.fieldIndex(Cols.VAT_INCLUDED);
      this.instalment = schema.fieldIndex(INSTALMENT);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
      List<Row> out = new ArrayList<>();
      List<Row> group = new ArrayList<>();
      Object[] current = null;
      while (rows.hasNext()) {
        Row r = rows.next();
        Object[] k = keyOf(r);
        if (current != null && !Arrays.equals(k, current)) {
          emit(group, out);
          group.clear();
        }
        current = k;
        group.add(r);
      }
      emit(group, out);
      return out.iterator();
    }

    private Object[] keyOf(Row r) {
      Object[] k = new Object[key.length];
      for (int i = 0; i < key.length; i++) {
        k[i] = r.get(key[i]);
      }
      return k;
    }

    private void emit(List<Row> group, List<Row> out) {
      if (group.size() < 2) {
        return;
      }
      List<Charge> charges = new ArrayList<>(group.size());
      for (Row r : group) {
        charges.add(new Charge(r.getAs(date), r.getString(sid), r.getInt(line), r.getString(refNorm),
            r.getAs(start), r.getAs(end), ((BigDecimal) r.getAs(net)).movePointRight(2).longValueExact(),
            r.getBoolean(instalment)));
      }
      for (Match m : matches(charges, windowDays)) {
        Row copy = group.get(m.copy());
        Row original = group.get(m.original());
        String parts = m.parts() == null ? null
            : lineList(Arrays.stream(m.parts()).map(p -> charges.get(p).lineNo()).toArray());
        Object[] v = Arrays.copyOf(values(copy), copy.length() + 7);
        int n = copy.length();
        v[n] = original.get(sid);
        v[n + 1] = original.get(line);
        v[n + 2] = original.get(ref);
        v[n + 3] = original.get(date);
        v[n + 4] = original.get(net);
        v[n + 5] = original.get(vat);
        v[n + 6] = parts;
        out.add(RowFactory.create(v));
      }
    }

    private static Object[] values(Row r) {
      Object[] v = new Object[r.length()];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.get(i);
      }
      return v;
    }
  }
}
