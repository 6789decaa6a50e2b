package org.fairfee.jobs.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.fairfee.jobs.Fixtures;

/**
 * A labelled market of re-bills for measuring P5_LIKELY_DUPLICATE, built here from its own seeded
 * random and not by fairfee's generator, so the rule is judged on cases its author's generator did
 * not shape.
 *
 * <p>Suppliers bill buyers for interfaces over a number of months: monthly support with service
 * periods, a licence (annual with or without a period, quarterly with periods, or monthly without
 * one), per-transaction fees, an implementation fee paid in full or in stated instalments, and
 * ad-hoc one-off work. Cases are then put on the charges billed in full (one case per charge at
 * most, so that no two cases meet in one charge key):
 * <ul>
 *   <li>LIKELY_SAME: the charge billed again under a fresh number within the window, sometimes with
 *       VAT added (or taken off) the second time;
 *   <li>LIKELY_SPLIT: billed again within the window as two to four uneven lines of one new invoice,
 *       sometimes with VAT, sometimes described as stages of the new invoice;
 *   <li>DUPLICATE: a copy under the same number printed differently (what P5_DUPLICATE is for);
 *   <li>NEG_SECOND_SITE: the same one-off for the same buyer after the window;
 *   <li>NEG_OTHER_INTERFACE: the same amount within the window for another interface;
 *   <li>NEG_CREDITED_COPY (and NEG_CREDIT_NOTE): a re-bill credited back in full.
 * </ul>
 * The background carries its own hard negatives: NEG_INSTALMENT (stated instalments, equal or not,
 * that add up to no charge billed in full) and NEG_REPEAT (monthly and quarterly charges repeating
 * their amount). A re-bill leaves out the service period of the charge it copies; a split re-bill's
 * invoice sometimes carries one more, unrelated line of the same kind.
 *
 * <p>It also carries what no rule on amounts can tell from a re-bill: SAME_PRICE_WORK, a second day of
 * list-price work (training) for the same buyer within the window. It is not a copy, so where the
 * rule flags it, it counts against precision.
 */
final class RebillMarket {

  /** The dimensions of a market; {@code windowDays} is the rule's window the cases are placed around. */
  record Shape(int suppliers, int buyersPerSupplier, int months, int windowDays) {
    @Override
    public String toString() {
      return suppliers + " suppliers x " + buyersPerSupplier + " buyers, " + months + " months, window "
          + windowDays;
    }
  }

  enum Kind {
    BACKGROUND, LIKELY_SAME, LIKELY_SPLIT, DUPLICATE, NEG_SECOND_SITE, NEG_OTHER_INTERFACE, NEG_CREDITED_COPY,
    NEG_CREDIT_NOTE, NEG_INSTALMENT, NEG_REPEAT, SAME_PRICE_WORK;

    boolean likely() {
      return this == LIKELY_SAME || this == LIKELY_SPLIT;
    }

    boolean negative() {
      return name().startsWith("NEG_");
    }
  }

  /** What a line is, and for a copy the "submission_id/line_no" of the charge it copies. */
  record Label(Kind kind, String original) {}

  final long seed;
  final Shape shape;
  /** The market as one contract CSV (header and rows). */
  final String csv;
  /** Every line's label, by "submission_id/line_no". */
  final Map<String, Label> labels;

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final String[] CATEGORIES = {"EPR", "PAS", "GP_CLINICAL", "LIMS", "RIS_PACS", "PHARMACY"};
  private static final String[] STANDARDS = {"HL7_V2", "FHIR_R4", "FHIR_UK_CORE", "IM1", "GP_CONNECT", "DICOM"};
  private static final String[] BUYER_TYPES = {"ACUTE_TRUST", "MENTAL_HEALTH_TRUST", "COMMUNITY_TRUST", "ICB"};
  private static final String[] STAGES = {"Implementation instalment %d of %d", "Milestone %d of %d",
      "Stage payment %d of %d"};

  private final Random r;
  private final String prefix;
  private final List<Line> lines = new ArrayList<>();
  private final Map<String, Integer> docs = new HashMap<>();

  /** One charge line while the market is built; submission and line number are given at the end. */
  private static final class Line {
    String supplier;
    String buyer;
    String buyerType;
    String category;
    String standard;
    String iface;
    String fee;
    String basis;
    BigDecimal quantity;
    BigDecimal amount;
    boolean vat;
    String ref;
    LocalDate date;
    LocalDate start;
    LocalDate end;
    String creditsRef;
    String description;
    Kind kind = Kind.BACKGROUND;
    Line original;
    int order;
    String sid;
    int lineNo;

    Line copy() {
      Line c = new Line();
      c.supplier = supplier;
      c.buyer = buyer;
      c.buyerType = buyerType;
      c.category = category;
      c.standard = standard;
      c.iface = iface;
      c.fee = fee;
      c.basis = basis;
      c.amount = amount;
      c.vat = vat;
      c.description = description;
      return c;
    }

    BigDecimal net() {
      return vat ? amount.divide(new BigDecimal("1.2"), 2, RoundingMode.HALF_UP) : amount;
    }

    String key() {
      return sid + "/" + lineNo;
    }
  }

  private RebillMarket(String prefix, long seed, Shape shape) {
    this.prefix = prefix;
    this.seed = seed;
    this.shape = shape;
    this.r = new Random(seed);
    List<Line> originals = background();
    cases(originals);
    number();
    this.csv = csv();
    this.labels = labels();
  }

  /** A market of {@code shape} from {@code seed}; submission_ids start with {@code prefix}. */
  static RebillMarket build(String prefix, long seed, Shape shape) {
    return new RebillMarket(prefix, seed, shape);
  }

  // ---- the background: what suppliers bill by design ----

  private List<Line> background() {
    List<Line> originals = new ArrayList<>();
    for (int s = 0; s < shape.suppliers(); s++) {
      String supplier = "SUP-" + (char) ('A' + s) + (100 + r.nextInt(900));
      String category = CATEGORIES[r.nextInt(CATEGORIES.length)];
      int nInterfaces = 2 + r.nextInt(3);
      BigDecimal[] oneOffPrices = new BigDecimal[3];
      for (int i = 0; i < oneOffPrices.length; i++) {
        oneOffPrices[i] = pounds(2_000 + r.nextInt(40) * 500); // list prices: round pounds, shared by buyers
      }
      for (int b = 0; b < shape.buyersPerSupplier(); b++) {
        String buyer = "BUY-" + (char) ('A' + s) + b;
        String buyerType = BUYER_TYPES[r.nextInt(BUYER_TYPES.length)];
        int bought = 1 + r.nextInt(Math.min(2, nInterfaces));
        for (int k = 0; k < bought; k++) {
          Line base = new Line();
          base.supplier = supplier;
          base.buyer = buyer;
          base.buyerType = buyerType;
          base.category = category;
          int i = (b + k) % nInterfaces;
          base.iface = "IF-" + supplier.substring(4) + "-" + i;
          base.standard = STANDARDS[(s + i) % STANDARDS.length];
          LocalDate from = START.plusDays(r.nextInt(60));
          originals.addAll(account(base, from, oneOffPrices));
        }
      }
    }
    return originals;
  }

  /** One buyer's interface: its recurring charges and one-offs. Returns the charges billed in full. */
  private List<Line> account(Line base, LocalDate from, BigDecimal[] oneOffPrices) {
    List<Line> inFull = new ArrayList<>();
    BigDecimal support = pounds(200 + r.nextInt(30) * 50);
    for (int m = 0; m < shape.months(); m++) {
      LocalDate month = from.withDayOfMonth(1).plusMonths(m);
      Line l = charge(base, "SUPPORT", "MONTHLY", support, month.plusDays(r.nextInt(5)));
      l.start = month;
      l.end = month.plusMonths(1).minusDays(1);
      l.description = "Support " + month.getMonth();
      l.kind = m == 0 ? Kind.BACKGROUND : Kind.NEG_REPEAT;
    }
    int licence = r.nextInt(4);
    BigDecimal yearly = pounds(1_000 + r.nextInt(100) * 100);
    if (licence <= 1) { // annual, with or without a service period
      for (LocalDate d = from; d.isBefore(START.plusMonths(shape.months())); d = d.plusYears(1)) {
        Line l = charge(base, "LICENCE", "ANNUAL", yearly, d);
        if (licence == 0) {
          l.start = d;
          l.end = d.plusYears(1).minusDays(1);
        }
        l.description = "Annual licence";
        inFull.add(l);
      }
    } else if (licence == 2) { // quarterly in arrears, with periods
      BigDecimal quarter = yearly.divide(BigDecimal.valueOf(4), 2, RoundingMode.HALF_UP);
      LocalDate q = from.withDayOfMonth(1);
      for (int n = 0; q.plusMonths(3).isBefore(START.plusMonths(shape.months())); n++, q = q.plusMonths(3)) {
        Line l = charge(base, "LICENCE", "QUARTERLY", quarter, q.plusMonths(3).minusDays(1));
        l.start = q;
        l.end = q.plusMonths(3).minusDays(1);
        l.kind = n == 0 ? Kind.BACKGROUND : Kind.NEG_REPEAT;
      }
    } else { // monthly without a period
      BigDecimal month = yearly.divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
      for (int m = 0; m < shape.months(); m++) {
        Line l = charge(base, "LICENCE", "MONTHLY", month, from.withDayOfMonth(28).plusMonths(m));
        l.kind = m == 0 ? Kind.BACKGROUND : Kind.NEG_REPEAT;
      }
    }
    if (r.nextInt(3) == 0) { // per transaction, often the same volume
      BigDecimal unit = new BigDecimal("0.25").add(BigDecimal.valueOf(r.nextInt(50), 2));
      for (int m = 0; m < shape.months(); m++) {
        Line l = charge(base, "TRANSACTION", "PER_TRANSACTION", null, from.withDayOfMonth(1).plusMonths(m + 1));
        l.quantity = BigDecimal.valueOf(r.nextBoolean() ? 1000 : 500 + r.nextInt(1000));
        l.amount = unit.multiply(l.quantity).setScale(2, RoundingMode.HALF_UP);
      }
    }
    BigDecimal fee = oneOffPrices[r.nextInt(oneOffPrices.length)];
    if (r.nextInt(3) == 0) {
      instalments(base, fee, from);
    } else {
      Line l = charge(base, "IMPLEMENTATION", "ONE_OFF", fee, from);
      l.description = "Implementation";
      inFull.add(l);
    }
    if (r.nextInt(25) == 0) { // two training days at the list price, weeks apart
      BigDecimal day = pounds(600 + 50 * r.nextInt(8));
      LocalDate d = from.plusDays(20 + r.nextInt(200));
      Line first = charge(base, "OTHER", "ONE_OFF", day, d);
      first.description = "Training day";
      Line second = charge(base, "OTHER", "ONE_OFF", day, d.plusDays(7 + r.nextInt(shape.windowDays() - 6)));
      second.description = "Training day";
      second.kind = Kind.SAME_PRICE_WORK;
      second.original = first;
    }
    for (int w = r.nextInt(3); w > 0; w--) { // ad-hoc work at odd amounts
      LocalDate d = from.plusDays(30 + r.nextInt(Math.max(1, shape.months() * 30 - 30)));
      Line l = charge(base, "OTHER", "ONE_OFF", BigDecimal.valueOf(50_000 + r.nextInt(2_000_000), 2), d);
      l.description = "Consultancy";
      inFull.add(l);
    }
    return inFull;
  }

  /** A fee billed in 2-4 stated instalments on separate invoices, equal or not: they add up to no charge. */
  private void instalments(Line base, BigDecimal fee, LocalDate from) {
    int n = 2 + r.nextInt(3);
    long[] parts = r.nextBoolean() ? equalParts(fee, n) : split(fee, n);
    String wording = STAGES[r.nextInt(STAGES.length)];
    LocalDate d = from;
    for (int k = 0; k < n; k++) {
      Line l = charge(base, "IMPLEMENTATION", "ONE_OFF", BigDecimal.valueOf(parts[k], 2), d);
      l.description = String.format(java.util.Locale.ROOT, wording, k + 1, n);
      l.kind = Kind.NEG_INSTALMENT;
      d = d.plusDays(20 + r.nextInt(30));
    }
  }

  // ---- the cases ----

  private void cases(List<Line> originals) {
    int w = shape.windowDays();
    Set<String> usedInterfaces = new HashSet<>();
    for (Line o : originals) {
      int pick = r.nextInt(100);
      boolean oneOff = o.basis.equals("ONE_OFF");
      if (pick < 14) {
        Line c = rebill(o, o.date.plusDays(1 + r.nextInt(w)));
        int vat = r.nextInt(10);
        if (vat < 4 && !o.vat) {
          withVat(c);
        } else if (vat == 4 && !o.vat) { // the original had VAT, the copy does not
          withVat(o);
        }
        c.kind = Kind.LIKELY_SAME;
        c.original = o;
      } else if (pick < 26) {
        splitRebill(o, o.date.plusDays(1 + r.nextInt(w)));
      } else if (pick < 34) {
        Line c = o.copy();
        c.ref = reprint(o.ref);
        c.date = o.date.plusDays(r.nextInt(120));
        c.start = o.start;
        c.end = o.end;
        c.kind = Kind.DUPLICATE;
        c.original = o;
        lines.add(c);
      } else if (pick < 42 && oneOff) {
        Line c = rebill(o, o.date.plusDays(w + 1 + r.nextInt(240)));
        c.description = "Implementation, second site";
        c.kind = Kind.NEG_SECOND_SITE;
      } else if (pick < 50 && oneOff && usedInterfaces.add(o.supplier + o.buyer)) {
        Line c = rebill(o, o.date.plusDays(r.nextInt(w + 1)));
        c.iface = o.iface + "X"; // an interface this buyer has no other charge for
        c.kind = Kind.NEG_OTHER_INTERFACE;
      } else if (pick < 58) {
        Line c = rebill(o, o.date.plusDays(1 + r.nextInt(w)));
        c.kind = Kind.NEG_CREDITED_COPY;
        Line cn = o.copy();
        cn.amount = c.amount.negate();
        cn.vat = c.vat;
        cn.ref = "CN-" + next(o.supplier);
        cn.creditsRef = c.ref;
        cn.date = c.date.plusDays(1 + r.nextInt(20));
        cn.description = "Credit note: billed in error";
        cn.kind = Kind.NEG_CREDIT_NOTE;
        lines.add(cn);
      }
    }
  }

  /** The charge again under a fresh number on {@code date}, without its service period. */
  private Line rebill(Line o, LocalDate date) {
    Line c = o.copy();
    c.ref = "INV-" + next(o.supplier);
    c.date = date;
    lines.add(c);
    return c;
  }

  /** The charge again as 2-4 uneven lines of one new invoice, with VAT on all of them or none. */
  private void splitRebill(Line o, LocalDate date) {
    int n = 2 + r.nextInt(3);
    long[] parts = split(o.net(), n);
    String ref = "INV-" + next(o.supplier);
    boolean vat = r.nextInt(10) < 3;
    boolean staged = r.nextInt(10) < 3;
    for (int k = 0; k < n; k++) {
      Line c = o.copy();
      c.vat = false;
      c.amount = BigDecimal.valueOf(parts[k], 2);
      if (vat) {
        withVat(c);
      }
      c.ref = ref;
      c.date = date;
      c.description = staged ? String.format(java.util.Locale.ROOT, "Stage %d of %d", k + 1, n) : o.description;
      c.kind = Kind.LIKELY_SPLIT;
      c.original = o;
      lines.add(c);
    }
    if (r.nextInt(10) < 3) {
      Line extra = o.copy();
      extra.amount = BigDecimal.valueOf(10_000 + r.nextInt(500_000), 2);
      extra.ref = ref;
      extra.date = date;
      extra.description = "Additional work";
      lines.add(extra);
    }
  }

  /** Makes {@code amount} include VAT: gross to pence, whose net rounds back to the same pence. */
  private static void withVat(Line l) {
    l.amount = l.amount.multiply(new BigDecimal("1.2")).setScale(2, RoundingMode.HALF_UP);
    l.vat = true;
  }

  /** "INV-000123" printed as "inv 123" or "#0123". */
  private String reprint(String ref) {
    String digits = ref.substring(ref.indexOf('-') + 1).replaceFirst("^0+", "");
    return r.nextBoolean() ? "inv " + digits : "#0" + digits;
  }

  // ---- amounts ----

  private static BigDecimal pounds(long pounds) {
    return BigDecimal.valueOf(pounds * 100, 2);
  }

  private static long[] equalParts(BigDecimal total, int n) {
    long pence = total.movePointRight(2).longValueExact();
    long[] p = new long[n];
    for (int i = 0; i < n; i++) {
      p[i] = pence / n + (i < pence % n ? 1 : 0);
    }
    return p;
  }

  /** {@code total} in {@code n} parts of at least a tenth each, drawn at random, so no two are equal. */
  private long[] split(BigDecimal total, int n) {
    long pence = total.movePointRight(2).longValueExact();
    long[] p;
    do {
      double[] wts = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        wts[i] = 1 + r.nextDouble() * 3;
        sum += wts[i];
      }
      p = new long[n];
      long left = pence;
      for (int i = 0; i < n - 1; i++) {
        p[i] = Math.round(pence * wts[i] / sum);
        left -= p[i];
      }
      p[n - 1] = left;
    } while (!distinctAndLarge(p, pence));
    return p;
  }

  private static boolean distinctAndLarge(long[] p, long total) {
    Set<Long> seen = new HashSet<>();
    for (long x : p) {
      if (x < total / 10 || !seen.add(x)) {
        return false;
      }
    }
    return true;
  }

  // ---- lines, submissions and the CSV ----

  private Line charge(Line base, String fee, String basis, BigDecimal amount, LocalDate date) {
    Line l = base.copy();
    l.fee = fee;
    l.basis = basis;
    l.amount = amount;
    l.date = date;
    l.ref = "INV-" + next(base.supplier);
    lines.add(l);
    return l;
  }

  /** The supplier's next document number, six digits. */
  private String next(String supplier) {
    int n = docs.merge(supplier, 1, Integer::sum);
    return String.format(java.util.Locale.ROOT, "%06d", n);
  }

  /** One submission per supplier and invoice month, lines numbered in date order. */
  private void number() {
    for (int i = 0; i < lines.size(); i++) {
      lines.get(i).order = i;
    }
    lines.sort(Comparator.comparing((Line l) -> l.supplier).thenComparing(l -> l.date).thenComparingInt(l -> l.order));
    Map<String, Integer> counts = new HashMap<>();
    for (Line l : lines) {
      l.sid = prefix + "-" + l.supplier + "-" + l.date.toString().substring(0, 7);
      l.lineNo = counts.merge(l.sid, 1, Integer::sum);
    }
  }

  private String csv() {
    StringBuilder b = new StringBuilder(Fixtures.HEADER).append('\n');
    for (Line l : lines) {
      b.append(String.join(",", l.sid, String.valueOf(l.lineNo), l.supplier, l.buyer, l.buyerType, "", l.category,
          l.standard, l.iface, l.fee, l.basis, l.quantity == null ? "" : l.quantity.toPlainString(),
          l.amount.toPlainString(), "GBP", String.valueOf(l.vat), l.ref, l.date.toString(),
          l.start == null ? "" : l.start.toString(), l.end == null ? "" : l.end.toString(),
          l.creditsRef == null ? "" : l.creditsRef, quoted(l.description))).append('\n');
    }
    return b.toString();
  }

  private static String quoted(String text) {
    return text == null ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private Map<String, Label> labels() {
    Map<String, Label> out = new HashMap<>();
    for (Line l : lines) {
      out.put(l.key(), new Label(l.kind, l.original == null ? null : l.original.key()));
    }
    return out;
  }
}
