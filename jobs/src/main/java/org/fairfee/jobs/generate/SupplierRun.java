package org.fairfee.jobs.generate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.generate.Market.Awkward;
import org.fairfee.jobs.generate.Market.Buyer;
import org.fairfee.jobs.generate.Market.Contract;
import org.fairfee.jobs.generate.Market.Iface;
import org.fairfee.jobs.generate.Market.Inject;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.ReasonCode;

/**
 * Makes and writes one supplier's submissions, month after month. Each month draws from its own
 * random stream (seed, supplier, month); the months of one supplier run in order because a copy,
 * an overlap or a re-charged development refers to an earlier line of the same supplier. Suppliers
 * are independent of each other, so they run in parallel and the bytes do not depend on threads.
 */
final class SupplierRun implements Callable<SupplierRun.Result> {

  /** One row of labels.csv. relatedLineNo is 0 where there is no related line. */
  record LabelRow(String submissionId, int lineNo, String label, String relatedSubmissionId, int relatedLineNo) {}

  record Result(int supplier, long rows, long bytes, int files, BitSet buyers, boolean[] eurMonths,
      List<LabelRow> labels, int[] shortfall) {}

  private final Market m;
  private final Market.Supplier s;
  private final Window w;
  private final Io io;
  private final Path submissions;
  private final GenerateOptions.Injection inj;
  private final String[] sids;
  private final CsvRows csv;

  private long nextInvoice;
  private long nextCredit;
  private int seq;
  private List<Line> prevPool = new ArrayList<>();
  private final Map<Integer, Line> developed = new TreeMap<>();
  private final Set<Long> devPairs = new HashSet<>();
  private final Set<Long> implPairs = new HashSet<>();
  private final List<Line> implLines = new ArrayList<>();
  private final Map<Contract, Line> firstLine = new HashMap<>();
  private final Map<ProductCategory, List<Buyer>> customers = new HashMap<>();

  private final List<LabelRow> labels = new ArrayList<>();
  private final BitSet buyers = new BitSet();
  private final boolean[] eurMonths;
  private final int[] shortfall = new int[Inject.values().length];
  private final StringBuilder buffer = new StringBuilder(1 << 17);
  private long rows;
  private long bytes;
  private int files;

  SupplierRun(Market m, Market.Supplier s, Io io, Path submissions) {
    this.m = m;
    this.s = s;
    this.w = m.window;
    this.io = io;
    this.submissions = submissions;
    this.inj = m.options.injection();
    this.sids = new String[w.months];
    for (int i = 0; i < w.months; i++) {
      sids[i] = "S-" + w.text(i) + "-" + s.ref;
    }
    this.csv = new CsvRows(w, s, sids);
    this.eurMonths = new boolean[w.months];
    Map<ProductCategory, Set<Buyer>> seen = new HashMap<>();
    for (Contract c : s.contracts) {
      if (c.fee == FeeType.IMPLEMENTATION) {
        implPairs.add(key(c.buyer, c.iface));
      }
      if (c.fee == FeeType.DEVELOPMENT) {
        devPairs.add(key(c.buyer, c.iface));
      }
      if (seen.computeIfAbsent(c.iface.category, k -> new HashSet<>()).add(c.buyer)) {
        customers.computeIfAbsent(c.iface.category, k -> new ArrayList<>()).add(c.buyer);
      }
    }
  }

  private static long key(Buyer b, Iface f) {
    return ((long) b.idx << 24) | f.idx;
  }

  @Override
  public Result call() throws IOException {
    for (int i = 0; i < w.months; i++) {
      month(i);
    }
    return new Result(s.idx, rows, bytes, files, buyers, eurMonths, labels, shortfall);
  }

  private void month(int i) throws IOException {
    SplittableRandom r = Seeds.rng(m.options.seed(), Seeds.MONTH, s.idx, i);
    List<Line> lines = new ArrayList<>(s.monthLines[i] + 16);
    List<Line> current = new ArrayList<>();
    Map<Contract, Line> pairFirst = new HashMap<>();
    List<Line> pairSecond = new ArrayList<>();
    for (Contract c : s.contracts) {
      if (!c.bills(i)) {
        continue;
      }
      Line l = regular(c, i, r);
      lines.add(l);
      switch (c.role) {
        case HIGH_FEE -> l.label(Label.P4_HIGH_FEE, null);
        case DISCRIMINATION -> {
          l.label(Label.P4_HIGH_FEE, null);
          l.label(Label.P4_PRICE_DISCRIMINATION, null);
        }
        case MONTHLY_REPEAT -> l.label(Label.NEG_MONTHLY_REPEAT, firstLine.putIfAbsent(c, l));
        case PAIR_FIRST -> pairFirst.put(c, l);
        case PAIR_SECOND -> pairSecond.add(l);
        case LARGE_BUYER -> l.label(Label.NEG_LARGE_BUYER, null);
        case FIRST_DEVELOPMENT -> developed.putIfAbsent(c.iface.idx, l);
        case NONE -> {
          if (original(l)) {
            current.add(l);
            if (c.fee == FeeType.IMPLEMENTATION && c.buyer.size > 0 && !c.buyer.large) {
              implLines.add(l);
            }
          }
        }
      }
    }
    for (Line l : pairSecond) {
      l.label(Label.NEG_SAME_DAY_OTHER_INTERFACE, pairFirst.get(l.contract.pair));
    }
    List<Line> pool = new ArrayList<>(prevPool.size() + current.size());
    pool.addAll(prevPool);
    pool.addAll(current);
    int[] q = s.quota[i];
    for (Inject k : Inject.values()) {
      for (int n = 0; n < q[k.ordinal()]; n++) {
        boolean made = switch (k) {
          case DUPLICATE -> duplicate(lines, pool, i, r, false);
          case CREDITED_COPY -> duplicate(lines, pool, i, r, true);
          case OVERLAP -> overlap(lines, pool, i, r);
          case RECHARGE -> recharge(lines, i, r);
          case SPEC_FEE -> freeFee(lines, FeeType.SPECIFICATION_ACCESS, Label.P1_SPEC_FEE, i, r);
          case COOP_FEE -> freeFee(lines, FeeType.COOPERATION, Label.P2_COOP_FEE, i, r);
          case IMPLEMENTATION_TWO_BUYERS -> implementationTwoBuyers(lines, i, r);
          case BAD_ROW -> true;
        };
        if (!made) {
          shortfall[k.ordinal()]++;
        }
      }
    }
    for (ReasonCode code : s.bad.get(i)) {
      lines.add(badRow(code, i, r));
    }
    layout(lines);
    collectLabels(lines, i);
    write(lines, i);
    List<Line> next = new ArrayList<>(current.size());
    for (Line l : current) {
      if (!l.used) {
        next.add(l);
      }
    }
    prevPool = next;
  }

  // ---------------------------------------------------------------- lines

  private Line regular(Contract c, int i, SplittableRandom r) {
    Line l = new Line(c);
    l.buyer = c.buyer;
    l.iface = c.iface;
    l.fee = c.fee;
    l.basis = c.basis;
    l.eur = s.eur;
    l.vat = s.vat;
    l.date = w.start(i) + Math.min(c.day, w.length(i)) - 1;
    switch (c.basis) {
      case MONTHLY -> period(l, i, i);
      case QUARTERLY -> period(l, i, i + 2);
      case ANNUAL -> period(l, i, i + 11);
      case PER_TRANSACTION -> period(l, i - 1, i - 1);
      default -> {
        // a one-off charge pays for no period
      }
    }
    if (c.basis == ChargeBasis.PER_TRANSACTION) {
      l.qty = Math.max(1, Math.round(c.volume * Seeds.lognormal(r, 0.15)));
      l.pence = Math.max(1, Math.round(c.unit * l.qty * 100));
    } else {
      l.pence = c.pence;
    }
    l.refKind = c.role == Market.Role.NONE && r.nextInt(100) == 0 ? Line.REF_NONE : Line.REF_NEW;
    finish(l, i, r);
    return l;
  }

  private void period(Line l, int from, int to) {
    l.start = w.start(from);
    l.end = w.end(to);
  }

  private void finish(Line l, int i, SplittableRandom r) {
    l.style = s.style;
    l.variant = r.nextInt(1 << 30);
    l.lineBreak = r.nextDouble() < inj.lineBreaks();
    l.seq = seq++;
    l.month = i;
  }

  /** A regular line that may be copied, overlapped or matched by a planted case. */
  private static boolean original(Line l) {
    return !l.eur && l.refKind == Line.REF_NEW && l.basis != ChargeBasis.PER_TRANSACTION
        && (l.fee == FeeType.LICENCE || l.fee == FeeType.SUPPORT || l.fee == FeeType.IMPLEMENTATION
            || l.fee == FeeType.OTHER);
  }

  private Line copyOf(Line o, int i, SplittableRandom r) {
    Line c = new Line(null);
    c.buyer = o.buyer;
    c.iface = o.iface;
    c.fee = o.fee;
    c.basis = o.basis;
    c.pence = o.pence;
    c.qty = o.qty;
    c.eur = o.eur;
    c.vat = o.vat;
    c.start = o.start;
    c.end = o.end;
    finish(c, i, r);
    c.lineBreak = false;
    return c;
  }

  /** A one-off charge priced by the model for this buyer. */
  private Line oneOff(Buyer b, Iface f, FeeType fee, int date, int i, SplittableRandom r) {
    Line x = new Line(null);
    x.buyer = b;
    x.iface = f;
    x.fee = fee;
    x.basis = ChargeBasis.ONE_OFF;
    x.eur = s.eur;
    x.vat = s.vat;
    x.date = date;
    double gbp = m.model(f, fee, ChargeBasis.ONE_OFF, b) * s.effect * Seeds.lognormal(r, 0.17);
    x.pence = Market.invoicePence(s, Market.roundOneOff(gbp));
    finish(x, i, r);
    return x;
  }

  // ---------------------------------------------------------------- planted cases

  /** A copy of an earlier charge, 5-50 days later; with credited, also the credit note that reverses it. */
  private boolean duplicate(List<Line> lines, List<Line> pool, int i, SplittableRandom r, boolean credited) {
    for (int t = 0; t < 40 && !pool.isEmpty(); t++) {
      Line o = pool.get(r.nextInt(pool.size()));
      int lo = Math.max(o.date + 5, w.start(i));
      int hi = Math.min(o.date + 50, w.end(i)) - (credited ? 1 : 0);
      if (o.used || lo > hi) {
        continue;
      }
      Line c = copyOf(o, i, r);
      c.date = lo + r.nextInt(hi - lo + 1);
      if (!o.hasPeriod() || r.nextBoolean()) {
        c.refKind = Line.REF_SAME_AS;
        c.refSource = o;
        c.style = (o.style + 1 + r.nextInt(RefStyles.ALL_STYLES - 1)) % RefStyles.ALL_STYLES;
      }
      o.used = true;
      c.label(credited ? Label.NEG_CREDITED_COPY : Label.P5_DUPLICATE, o);
      lines.add(c);
      if (credited) {
        Line cn = copyOf(c, i, r);
        cn.pence = -c.pence;
        cn.refKind = Line.REF_CREDIT;
        cn.credits = c;
        cn.date = c.date + 1 + r.nextInt(Math.min(20, w.end(i) - c.date));
        cn.label(Label.NEG_CREDIT_NOTE, c);
        lines.add(cn);
      }
      return true;
    }
    return false;
  }

  /** A recurring charge for part or all of an already charged period: a revised amount, or a shifted start. */
  private boolean overlap(List<Line> lines, List<Line> pool, int i, SplittableRandom r) {
    for (int t = 0; t < 40 && !pool.isEmpty(); t++) {
      Line o = pool.get(r.nextInt(pool.size()));
      int lo = Math.max(o.date + 3, w.start(i));
      int hi = Math.min(o.date + 60, w.end(i));
      if (o.used || !o.hasPeriod() || o.basis.basisClass() != BasisClass.RECURRING || lo > hi) {
        continue;
      }
      Line c = copyOf(o, i, r);
      c.date = lo + r.nextInt(hi - lo + 1);
      if (r.nextBoolean()) {
        double f = r.nextBoolean() ? 1.05 + 0.25 * r.nextDouble() : 0.75 + 0.2 * r.nextDouble();
        c.pence = Math.max(1, Math.round(o.pence * f));
        if (c.pence == o.pence) {
          c.pence += 100;
        }
      } else {
        int days = o.end - o.start + 1;
        c.start = o.start + 1 + r.nextInt(Math.max(1, days / 2));
        if (r.nextBoolean()) {
          c.pence = Math.max(1, Math.round((double) o.pence * (o.end - c.start + 1) / days));
        }
      }
      o.used = true;
      c.label(Label.P5_OVERLAP, o);
      lines.add(c);
      return true;
    }
    return false;
  }

  /** A development fee, to another buyer, for an interface whose development was already charged. */
  private boolean recharge(List<Line> lines, int i, SplittableRandom r) {
    List<Line> devs = new ArrayList<>();
    for (Line d : developed.values()) {
      if (d.month < i || d.date < w.end(i)) {
        devs.add(d);
      }
    }
    for (int t = 0; t < 40 && !devs.isEmpty(); t++) {
      Line d = devs.get(r.nextInt(devs.size()));
      List<Buyer> cands = customers.get(d.iface.category);
      Buyer b = cands.get(r.nextInt(cands.size()));
      if (b == d.buyer || devPairs.contains(key(b, d.iface))) {
        continue;
      }
      int lo = d.month < i ? w.start(i) : d.date + 1;
      Line x = oneOff(b, d.iface, FeeType.DEVELOPMENT, lo + r.nextInt(w.end(i) - lo + 1), i, r);
      devPairs.add(key(b, d.iface));
      x.label(Label.P5_RECHARGE, d);
      lines.add(x);
      return true;
    }
    return false;
  }

  /** A positive fee for a specification or for co-operation, which the charter says are free. */
  private boolean freeFee(List<Line> lines, FeeType fee, Label label, int i, SplittableRandom r) {
    Contract c = s.contracts.get(r.nextInt(s.contracts.size()));
    Line x = oneOff(c.buyer, c.iface, fee, w.start(i) + r.nextInt(w.length(i)), i, r);
    x.label(label, null);
    lines.add(x);
    return true;
  }

  /** The same implementation fee as an earlier one, charged to another buyer of the same type and size. */
  private boolean implementationTwoBuyers(List<Line> lines, int i, SplittableRandom r) {
    for (int t = 0; t < 40 && !implLines.isEmpty(); t++) {
      Line a = implLines.get(r.nextInt(implLines.size()));
      if (a.used || a.month == i && a.date >= w.end(i)) {
        continue;
      }
      Buyer b = similar(a.buyer, r);
      if (b == null || implPairs.contains(key(b, a.iface))) {
        continue;
      }
      Line x = copyOf(a, i, r);
      x.buyer = b;
      int lo = a.month < i ? w.start(i) : a.date + 1;
      x.date = lo + r.nextInt(w.end(i) - lo + 1);
      a.used = true;
      implPairs.add(key(b, a.iface));
      x.label(Label.NEG_IMPLEMENTATION_TWO_BUYERS, a);
      lines.add(x);
      return true;
    }
    return false;
  }

  /** Another buyer of the same type whose size is within 20% of this one's; null when none is found. */
  private Buyer similar(Buyer a, SplittableRandom r) {
    List<Buyer> same = m.byType.get(a.type);
    int lo = lowerBound(same, Math.round(a.size * 0.8));
    int hi = lowerBound(same, Math.round(a.size * 1.2) + 1);
    if (hi - lo < 2) {
      return null;
    }
    for (int t = 0; t < 10; t++) {
      Buyer b = same.get(lo + r.nextInt(hi - lo));
      if (b != a && !b.large) {
        return b;
      }
    }
    return null;
  }

  private static int lowerBound(List<Buyer> bySize, long size) {
    int lo = 0;
    int hi = bySize.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bySize.get(mid).size < size) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A row broken in exactly one way, so the validator's first (and only) problem is {@code code}. */
  private Line badRow(ReasonCode code, int i, SplittableRandom r) {
    Contract c = s.contracts.get(r.nextInt(s.contracts.size()));
    Line b = new Line(null);
    b.buyer = c.buyer;
    b.iface = c.iface;
    b.fee = c.fee;
    b.basis = c.basis;
    b.eur = s.eur;
    b.vat = s.vat;
    b.date = w.start(i) + r.nextInt(w.length(i));
    if (c.basis == ChargeBasis.PER_TRANSACTION) {
      period(b, i - 1, i - 1);
      b.qty = Math.max(1, c.volume);
      b.pence = Math.max(1, Math.round(c.unit * b.qty * 100));
    } else {
      if (c.basis.basisClass() == BasisClass.RECURRING) {
        period(b, i, i);
      }
      b.pence = c.pence;
    }
    finish(b, i, r);
    b.lineBreak = false;
    b.bad = code;
    switch (code) {
      case CREDIT_WITHOUT_REF -> b.pence = -b.pence;
      case QUANTITY_REQUIRED -> {
        b.fee = FeeType.TRANSACTION;
        b.basis = ChargeBasis.PER_TRANSACTION;
        b.qty = 0;
        period(b, i - 1, i - 1);
      }
      case UNKNOWN_CURRENCY -> {
        // EUR dated before the rates table starts: a late invoice from a month with no rate.
        b.eur = true;
        b.date = w.start(-1 - r.nextInt(3)) + r.nextInt(28);
      }
      case SERVICE_PERIOD_REVERSED -> {
        if (!b.hasPeriod()) {
          period(b, i, i);
        }
        int t = b.start;
        b.start = b.end;
        b.end = t;
      }
      default -> {
        // broken when written: date text, third decimal, enum text, missing fields
      }
    }
    return b;
  }

  // ---------------------------------------------------------------- layout and output

  /** Orders the month by invoice date (then creation), numbers the lines and the new invoices. */
  private void layout(List<Line> lines) {
    lines.sort((a, b) -> a.date != b.date ? Integer.compare(a.date, b.date) : Integer.compare(a.seq, b.seq));
    Map<Integer, long[]> bundles = new HashMap<>();
    int n = 0;
    for (Line l : lines) {
      l.lineNo = ++n;
      if (l.refKind == Line.REF_CREDIT) {
        l.number = s.creditBase + nextCredit++;
      } else if (l.refKind == Line.REF_NEW) {
        int bundle = l.contract == null ? -1 : l.contract.bundle;
        long[] shared = bundle < 0 ? null : bundles.get(bundle);
        if (shared != null && shared[0] == l.date) {
          l.number = shared[1];
        } else {
          l.number = s.invoiceBase + nextInvoice++;
          if (bundle >= 0) {
            bundles.put(bundle, new long[] {l.date, l.number});
          }
        }
      }
    }
  }

  private void collectLabels(List<Line> lines, int i) {
    String sid = sids[i];
    for (Line l : lines) {
      if (l.bad != null) {
        labels.add(new LabelRow(sid, l.lineNo, Label.badRow(l.bad), null, 0));
        continue;
      }
      buyers.set(l.buyer.idx);
      if (l.eur) {
        eurMonths[i] = true;
      }
      if (l.label != null) {
        labels.add(row(sid, l, l.label));
      }
      if (l.label2 != null) {
        labels.add(row(sid, l, l.label2));
      }
    }
  }

  private LabelRow row(String sid, Line l, Label label) {
    Line rel = label == Label.P4_PRICE_DISCRIMINATION ? null : l.related;
    return new LabelRow(sid, l.lineNo, label.name(), rel == null ? null : sids[rel.month],
        rel == null ? 0 : rel.lineNo);
  }

  private void write(List<Line> lines, int i) throws IOException {
    Awkward a = s.awkward[i];
    Path file = new Path(new Path(submissions, w.text(i)), s.ref + "-" + w.text(i) + ".csv");
    String eol = a == Awkward.CRLF ? "\r\n" : "\n";
    int[] order = a == Awkward.SHUFFLED_HEADER ? s.shuffled : null;
    boolean extra = a == Awkward.EXTRA_COLUMN;
    StringBuilder sb = buffer;
    sb.setLength(0);
    try (Utf8Out out = new Utf8Out(io.create(file))) {
      if (a == Awkward.BOM) {
        sb.append('\uFEFF');
      }
      CsvRows.header(sb, order, a == Awkward.SHUFFLED_HEADER, extra);
      sb.append(eol);
      for (Line l : lines) {
        csv.row(sb, l, order, extra);
        sb.append(eol);
        if (sb.length() >= 1 << 16) {
          out.write(sb);
          sb.setLength(0);
        }
      }
      out.write(sb);
      out.close();
      bytes += out.count();
    }
    rows += lines.size();
    files++;
  }
}
