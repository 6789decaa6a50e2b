package org.fairfee.jobs.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.fairfee.jobs.sweep.MarketLine.Buyer;
import org.fairfee.jobs.sweep.MarketLine.Contract;

/**
 * A labelled NHS software market built from the submission contract and the methodology pages only
 * (not from fairfee's own generator): suppliers in segments (product category, buyer types, two
 * recognised standards and sometimes a proprietary one), buyers with sizes, and over fourteen months
 * (two of history, then the twelve-month window ending with the evaluated month) the charges a real
 * supplier would send: monthly, quarterly and annual licences and support, one-off implementation,
 * training and development, per-transaction messaging, hosting, the occasional nil fee.
 *
 * <p>Prices follow {@code base x (size / reference)^b x supplier x noise}, with b per fee type and a
 * lognormal spread from the {@link MarketShape}. Into that market go, with their labels:
 * <ul>
 *   <li>P1 and P2: positive specification-access and co-operation fees;</li>
 *   <li>P4: fees 4 to 10 times their noise-free size-adjusted fair price, on every fee type and
 *       charge basis: only the evaluated month's line of a monthly, quarterly or per-transaction
 *       contract, or the whole contract; annual and one-off lines. Planted only where the peer group
 *       holds enough evidence for any method to judge (15 price points from 6 suppliers, 12 with a
 *       size) and on buyers that report a size;</li>
 *   <li>P5: the same invoice re-sent (same or re-formatted number), the same service period billed
 *       again under a new number, an overlapping service period, a development charged again to
 *       another buyer;</li>
 * </ul>
 * and the hard negatives: twelve equal monthly invoices, quarterly and annual licences, monthly
 * lines billed quarterly in advance on one invoice, large buyers paying in proportion to their
 * size, the same amount on another interface (same invoice, same day), a copy credited back in full,
 * a mistyped invoice credited in full and re-issued, implementation of one interface for several
 * buyers, a nil specification fee and nil fees credited back, partial credits.
 *
 * <p>Ground truth is per line. Only lines invoiced in the evaluated month are scored (they are what
 * flags.csv holds); copies and credits in earlier months are there to shape, or not shape, the bands.
 */
public final class IndependentMarket {
  public static final String SUBMISSIONS = "submissions";
  public static final String LABELS = "labels.csv";

  /** The contract's 21 columns, in the contract's order. */
  static final String[] COLUMNS = {"submission_id", "line_no", "supplier_ref", "buyer_ref", "buyer_type", "buyer_size",
      "product_category", "interface_standard", "interface_ref", "fee_type", "charge_basis", "quantity", "amount",
      "currency", "vat_included", "invoice_ref", "invoice_date", "service_start", "service_end", "credits_invoice_ref",
      "description"};

  static final String[] BASES = {"MONTHLY", "QUARTERLY", "ANNUAL", "ONE_OFF", "PER_TRANSACTION"};

  /** Planted outliers need this much evidence in their peer group (the method's own minimum is 10 and 5). */
  static final int EVIDENCE_POINTS = 15;
  static final int EVIDENCE_SUPPLIERS = 6;
  static final int EVIDENCE_SIZED = 12;

  /** A market segment: what its suppliers sell, to whom, over which standards. */
  record Segment(String category, String[] types, String mainStd, String secondStd, double licence) {}

  static final Segment[] SEGMENTS = {
      new Segment("EPR", new String[] {"ACUTE_TRUST", "MENTAL_HEALTH_TRUST", "COMMUNITY_TRUST"}, "FHIR_UK_CORE", "HL7_V2", 90_000),
      new Segment("GP_CLINICAL", new String[] {"GP_PRACTICE", "PCN"}, "GP_CONNECT", "IM1", 6_000),
      new Segment("SOCIAL_CARE_RECORD", new String[] {"LOCAL_AUTHORITY"}, "FHIR_UK_CORE", "MESH", 70_000),
      new Segment("LIMS", new String[] {"ACUTE_TRUST"}, "HL7_V2", "FHIR_R4", 40_000),
      new Segment("RIS_PACS", new String[] {"ACUTE_TRUST"}, "DICOM", "HL7_V2", 50_000),
      new Segment("SHARED_CARE_RECORD", new String[] {"ICB", "LOCAL_AUTHORITY"}, "FHIR_UK_CORE", "IHE_XDS", 120_000),
      new Segment("PHARMACY", new String[] {"ACUTE_TRUST", "COMMUNITY_TRUST"}, "FHIR_R4", "HL7_V2", 20_000),
      new Segment("MATERNITY", new String[] {"ACUTE_TRUST"}, "FHIR_R4", "HL7_V2", 25_000)};

  /** Usual size of each buyer type, and the reference size of its measure (price factor 1). */
  static final Map<String, Double> TYPE_SIZE = Map.of("ACUTE_TRUST", 5_000.0, "MENTAL_HEALTH_TRUST", 3_000.0,
      "COMMUNITY_TRUST", 2_500.0, "GP_PRACTICE", 9_000.0, "PCN", 50_000.0, "LOCAL_AUTHORITY", 300_000.0,
      "ICB", 1_500_000.0);
  static final Map<String, String> TYPE_MEASURE = Map.of("ACUTE_TRUST", "staff", "MENTAL_HEALTH_TRUST", "staff",
      "COMMUNITY_TRUST", "staff", "GP_PRACTICE", "registered_patients", "PCN", "registered_patients",
      "LOCAL_AUTHORITY", "population", "ICB", "population");
  static final Map<String, Double> MEASURE_REF = Map.of("staff", 4_000.0, "registered_patients", 10_000.0,
      "population", 500_000.0);

  /** Per segment: base prices (at the reference size) and a price factor per standard. */
  static final class Prices {
    double licence;
    double support;
    double implementation;
    double development;
    double hosting;
    double training;
    double unit;
    final Map<String, Double> standard = new LinkedHashMap<>();
  }

  record Interface(String ref, String standard, boolean transactional) {}

  static final class Supplier {
    String ref;
    Segment segment;
    Prices prices;
    int billingDay;
    boolean vat;
    int invoiceStyle;
    long nextInvoice;
    long nextCredit;
    int[] columnOrder;
    boolean upperHeader;
    boolean crlf;
    boolean bom;
    boolean explicitGbp;
    boolean explicitFalse;
    final List<Interface> interfaces = new ArrayList<>();
    final Map<String, Double> feeFactor = new LinkedHashMap<>();
    final List<Buyer> buyers = new ArrayList<>();
  }

  private final MarketShape shape;
  private final SplittableRandom rng;
  private final int nMonths;
  private final List<Supplier> suppliers = new ArrayList<>();
  private final List<Buyer> buyers = new ArrayList<>();
  private final List<MarketLine> lines = new ArrayList<>();
  private final List<Contract> contracts = new ArrayList<>();
  private final Map<String, String> groupedInvoices = new LinkedHashMap<>();
  private final Map<String, Integer> planted = new TreeMap<>();
  private int seq;
  private int contractSeq;

  private IndependentMarket(MarketShape shape) {
    this.shape = shape;
    this.rng = new SplittableRandom(shape.seed());
    this.nMonths = shape.months() + shape.historyMonths();
  }

  /** Builds the market of {@code shape}; the same shape gives the same lines, labels and files. */
  public static IndependentMarket generate(MarketShape shape) {
    IndependentMarket m = new IndependentMarket(shape);
    m.build();
    return m;
  }

  public MarketShape shape() {
    return shape;
  }

  /** Every line, in file order (submission, then line number). */
  public List<MarketLine> lines() {
    return lines;
  }

  /** The lines invoiced in the evaluated month: the lines that are scored. */
  public List<MarketLine> periodLines() {
    return lines.stream().filter(l -> l.month().equals(shape.period())).toList();
  }

  /** Planted P4 outliers per fee type and charge basis (over the evaluated month). */
  public Map<String, Integer> plantedOutliers() {
    return planted;
  }

  // ---------------------------------------------------------------- building

  private void build() {
    int nSeg = Math.max(4, Math.min(8, Math.round(shape.suppliers() / 10f)));
    Segment[] segments = Arrays.copyOf(SEGMENTS, nSeg);
    Map<String, Prices> prices = new LinkedHashMap<>();
    for (Segment s : segments) {
      prices.put(s.category(), prices(s));
    }
    buildBuyers(segments);
    for (int i = 0; i < shape.suppliers(); i++) {
      Segment seg = segments[i % nSeg];
      suppliers.add(supplier(i, seg, prices.get(seg.category())));
    }
    for (Supplier s : suppliers) {
      relationships(s);
    }
    for (Supplier s : suppliers) {
      developments(s);
    }
    nilFees();
    markRepeatImplementations();
    plantCopies();
    hardNegatives();
    partialCredits();
    plantOutliers();
    finish();
  }

  private Prices prices(Segment s) {
    Prices p = new Prices();
    p.licence = s.licence() * uniform(0.8, 1.25);
    p.support = p.licence * uniform(0.10, 0.20);
    p.implementation = p.licence * uniform(0.20, 0.35);
    p.development = p.licence * uniform(0.30, 0.60);
    p.hosting = p.licence * uniform(0.05, 0.10);
    p.training = p.licence * uniform(0.03, 0.06);
    p.unit = uniform(0.03, 0.60);
    p.standard.put(s.mainStd(), 1.0);
    p.standard.put(s.secondStd(), uniform(0.8, 1.2));
    p.standard.put("PROPRIETARY", uniform(0.9, 1.3));
    p.standard.put("NOT_APPLICABLE", 1.0);
    return p;
  }

  private void buildBuyers(Segment[] segments) {
    Map<String, Double> weight = new TreeMap<>();
    for (Segment s : segments) {
      for (String t : s.types()) {
        weight.merge(t, 1.0 / s.types().length, Double::sum);
      }
    }
    double total = weight.values().stream().mapToDouble(Double::doubleValue).sum();
    int n = 0;
    for (Map.Entry<String, Double> e : weight.entrySet()) {
      int count = Math.max(6, (int) Math.round(shape.buyers() * e.getValue() / total));
      String type = e.getKey();
      String measure = TYPE_MEASURE.get(type);
      for (int i = 0; i < count; i++) {
        n++;
        boolean large = rng.nextDouble() < shape.largeBuyerShare();
        double size = TYPE_SIZE.get(type) * Math.exp(0.45 * gaussian()) * (large ? uniform(6, 15) : 1);
        long rounded = measure.equals("population") ? Math.round(size / 100) * 100 : Math.round(size / 10) * 10;
        boolean missing = !large && rng.nextDouble() < shape.missingSizeShare();
        buyers.add(new Buyer(String.format(Locale.ROOT, "SW-B%03d", n), type, measure, rounded,
            rounded / MEASURE_REF.get(measure), large, missing));
      }
    }
  }

  private Supplier supplier(int i, Segment seg, Prices prices) {
    Supplier s = new Supplier();
    s.ref = String.format(Locale.ROOT, "SW-S%03d", i + 1);
    s.segment = seg;
    s.prices = prices;
    s.billingDay = 1 + rng.nextInt(5);
    s.vat = rng.nextDouble() < 0.2;
    s.invoiceStyle = rng.nextInt(3);
    s.nextInvoice = 100 + rng.nextInt(5_000);
    s.nextCredit = 1 + rng.nextInt(500);
    s.columnOrder = rng.nextDouble() < 0.15 ? shuffled(COLUMNS.length) : identity(COLUMNS.length);
    s.upperHeader = rng.nextDouble() < 0.10;
    s.crlf = rng.nextDouble() < 0.10;
    s.bom = rng.nextDouble() < 0.05;
    s.explicitGbp = rng.nextDouble() < 0.30;
    s.explicitFalse = rng.nextDouble() < 0.50;
    int nIf = 2 + rng.nextInt(2);
    for (int k = 1; k <= nIf; k++) {
      double u = rng.nextDouble();
      String std = k == 1 || u < 0.5 ? seg.mainStd() : u < 0.85 ? seg.secondStd() : "PROPRIETARY";
      s.interfaces.add(new Interface(s.ref.replace("SW-S", "IF-S") + "-" + k, std, rng.nextDouble() < 0.5));
    }
    for (String f : MarketShape.PRICED_FEES) {
      s.feeFactor.put(f, Math.exp(shape.sigma() / 2 * gaussian()));
    }
    List<Buyer> pool = buyers.stream().filter(b -> Arrays.asList(seg.types()).contains(b.type())).toList();
    int k = shape.buyersPerSupplierMin() + rng.nextInt(shape.buyersPerSupplierMax() - shape.buyersPerSupplierMin() + 1);
    List<Buyer> chosen = new ArrayList<>(pool);
    while (chosen.size() > Math.min(k, pool.size())) {
      chosen.remove(rng.nextInt(chosen.size()));
    }
    s.buyers.addAll(chosen);
    return s;
  }

  /** The noise of one contract: the contract's part of the spread (the supplier's part is in feeFactor). */
  private double contractNoise() {
    return Math.exp(shape.sigma() * Math.sqrt(3) / 2 * gaussian());
  }

  private double sizeFactor(Buyer b, String fee) {
    return Math.pow(b.sizeRatio(), shape.elasticity().get(fee));
  }

  private void relationships(Supplier s) {
    for (Buyer b : s.buyers) {
      boolean isNew = rng.nextDouble() < 0.45;
      int start = isNew ? rng.nextInt(nMonths) : 0;
      List<Interface> used = new ArrayList<>();
      used.add(s.interfaces.get(rng.nextInt(s.interfaces.size())));
      if (rng.nextDouble() < 0.35) {
        for (Interface i : s.interfaces) {
          if (!used.contains(i)) {
            used.add(i);
            break;
          }
        }
      }
      boolean twins = used.size() == 2 && rng.nextDouble() < 0.5;
      Prices p = s.prices;
      // product-level licence: no interface reference, standard NOT_APPLICABLE
      recurring(s, b, List.of(new Interface(null, "NOT_APPLICABLE", false)), "LICENCE", p.licence, start, false);
      // interface support: twins are two interfaces billed the same amount on the same invoice
      if (twins) {
        recurring(s, b, used, "SUPPORT", p.support, start, true);
      } else {
        for (Interface i : used) {
          recurring(s, b, List.of(i), "SUPPORT", p.support, start, false);
        }
      }
      for (Interface i : used) {
        if (i.transactional()) {
          transactions(s, b, i, start);
        }
      }
      if (rng.nextDouble() < 0.35) {
        annualHosting(s, b, start);
      }
      if (isNew) {
        implementation(s, b, used, twins, start);
        if (rng.nextDouble() < 0.7) {
          oneOff(s, b, null, "NOT_APPLICABLE", "OTHER", p.training, start, "Training, go-live");
        }
      }
    }
  }

  private String pickBasis() {
    double u = rng.nextDouble();
    return u < 0.45 ? "MONTHLY" : u < 0.75 ? "QUARTERLY" : "ANNUAL";
  }

  /** One recurring contract per interface in {@code targets}, all with the same schedule and amount. */
  private void recurring(Supplier s, Buyer b, List<Interface> targets, String fee, double base, int start, boolean twins) {
    String basis = pickBasis();
    boolean sp = rng.nextDouble() < 0.85;
    boolean inAdvance = basis.equals("MONTHLY") && sp && !twins && rng.nextDouble() < 0.10;
    int phase = start == 0 ? rng.nextInt(basis.equals("ANNUAL") ? 12 : 3) : start;
    int uplift = rng.nextDouble() < 0.15 ? start + 1 + rng.nextInt(nMonths) : Integer.MAX_VALUE;
    double upliftBy = 1 + uniform(0.02, 0.06);
    double noise = s.feeFactor.get(fee) * contractNoise();
    double stdFirst = s.prices.standard.get(targets.get(0).standard());
    double annual = base * stdFirst * sizeFactor(b, fee) * noise;
    int factor = MarketLine.annualFactor(basis);
    List<Contract> cs = new ArrayList<>();
    for (Interface i : targets) {
      Contract c = new Contract(s.ref + "/" + (++contractSeq), fee, basis,
          base * s.prices.standard.get(i.standard()) * sizeFactor(b, fee));
      c.inAdvance = inAdvance;
      c.involved = twins;
      contracts.add(c);
      cs.add(c);
    }
    String kind = switch (basis) {
      case "MONTHLY" -> inAdvance ? "monthly lines billed quarterly in advance on one invoice" : "monthly invoices of one contract";
      case "QUARTERLY" -> "quarterly invoices";
      default -> "annual invoice";
    };
    if (twins) {
      kind = "same amount on another interface (same invoice and day)";
    }
    for (int m = start; m < nMonths; m++) {
      int step = basis.equals("ANNUAL") ? 12 : basis.equals("QUARTERLY") || inAdvance ? 3 : 1;
      if (Math.floorMod(m - phase, step) != 0) {
        continue;
      }
      YearMonth ym = month(m);
      LocalDate date = ym.atDay(s.billingDay);
      int periods = inAdvance ? 3 : 1;
      for (int k = 0; k < periods; k++) {
        YearMonth from = ym.plusMonths(k);
        YearMonth to = basis.equals("ANNUAL") ? from.plusMonths(11) : basis.equals("QUARTERLY") ? from.plusMonths(2) : from;
        double price = annual * (m + k >= uplift ? upliftBy : 1);
        String ref = basis.equals("ANNUAL") ? newInvoice(s) : groupedInvoice(s, b, date);
        for (int t = 0; t < targets.size(); t++) {
          Interface i = targets.get(t);
          Contract c = cs.get(t);
          MarketLine l = line(s, b, i.ref() == null ? null : i.ref(), i.standard(), fee, basis);
          l.net = pounds(price / factor);
          l.invoiceDate = date;
          l.invoiceRef = ref;
          if (sp) {
            l.serviceStart = from.atDay(1);
            l.serviceEnd = to.atEndOfMonth();
          }
          l.description = describe(fee, basis);
          attach(l, c, kind);
        }
      }
    }
  }

  private void transactions(Supplier s, Buyer b, Interface i, int start) {
    double noise = s.feeFactor.get("TRANSACTION") * contractNoise();
    double fairUnit = s.prices.unit * s.prices.standard.get(i.standard());
    BigDecimal unit = BigDecimal.valueOf(Math.max(0.01, fairUnit * noise)).setScale(4, RoundingMode.HALF_UP);
    Contract c = new Contract(s.ref + "/" + (++contractSeq), "TRANSACTION", "PER_TRANSACTION", fairUnit);
    contracts.add(c);
    double volume = uniform(2_000, 20_000) * Math.pow(b.sizeRatio(), 0.7);
    for (int m = start; m < nMonths; m++) {
      LocalDate date = month(m).atDay(s.billingDay);
      MarketLine l = line(s, b, i.ref(), i.standard(), "TRANSACTION", "PER_TRANSACTION");
      l.quantity = Math.max(50, Math.round(volume * uniform(0.6, 1.4)));
      l.net = unit.multiply(BigDecimal.valueOf(l.quantity)).setScale(2, RoundingMode.HALF_UP);
      l.invoiceDate = date;
      l.invoiceRef = groupedInvoice(s, b, date);
      l.serviceStart = month(m).atDay(1);
      l.serviceEnd = month(m).atEndOfMonth();
      l.description = "Messages, \"" + i.ref() + "\"";
      attach(l, c, "per-transaction messaging");
    }
  }

  private void annualHosting(Supplier s, Buyer b, int start) {
    double noise = s.feeFactor.get("OTHER") * contractNoise();
    double fair = s.prices.hosting * sizeFactor(b, "OTHER");
    Contract c = new Contract(s.ref + "/" + (++contractSeq), "OTHER", "ANNUAL", fair);
    contracts.add(c);
    int phase = start == 0 ? rng.nextInt(12) : start;
    for (int m = start; m < nMonths; m++) {
      if (Math.floorMod(m - phase, 12) != 0) {
        continue;
      }
      MarketLine l = line(s, b, null, "NOT_APPLICABLE", "OTHER", "ANNUAL");
      l.net = pounds(fair * noise);
      l.invoiceDate = month(m).atDay(s.billingDay);
      l.invoiceRef = newInvoice(s);
      l.serviceStart = month(m).atDay(1);
      l.serviceEnd = month(m).plusMonths(11).atEndOfMonth();
      l.description = "Hosting, annual";
      attach(l, c, "annual hosting");
    }
  }

  private void implementation(Supplier s, Buyer b, List<Interface> used, boolean twins, int start) {
    double noise = s.feeFactor.get("IMPLEMENTATION") * contractNoise();
    int day = 8 + rng.nextInt(18);
    boolean instalments = !twins && rng.nextDouble() < 0.25;
    int second = start + 1 + rng.nextInt(3);
    String shared = twins ? newInvoice(s) : null;
    for (Interface i : used) {
      double fair = s.prices.implementation * s.prices.standard.get(i.standard()) * sizeFactor(b, "IMPLEMENTATION");
      double price = (twins ? s.prices.implementation * s.prices.standard.get(used.get(0).standard())
          * sizeFactor(b, "IMPLEMENTATION") : fair) * noise;
      Contract c = new Contract(s.ref + "/" + (++contractSeq), "IMPLEMENTATION", "ONE_OFF", fair);
      c.involved = twins;
      c.instalments = instalments;
      contracts.add(c);
      MarketLine l = line(s, b, i.ref(), i.standard(), "IMPLEMENTATION", "ONE_OFF");
      l.net = pounds(instalments ? price * 0.6 : price);
      l.invoiceDate = month(start).atDay(day);
      l.invoiceRef = twins ? shared : newInvoice(s);
      l.description = "Implementation of " + i.ref();
      attach(l, c, twins ? "same amount on another interface (same invoice and day)"
          : instalments ? "one-off implementation, first instalment" : "one-off implementation");
      if (instalments && second < nMonths) {
        MarketLine l2 = line(s, b, i.ref(), i.standard(), "IMPLEMENTATION", "ONE_OFF");
        l2.net = pounds(price * 0.4);
        l2.invoiceDate = month(second).atDay(day);
        l2.invoiceRef = newInvoice(s);
        l2.description = "Implementation of " + i.ref() + ", go-live";
        attach(l2, c, "one-off implementation, second instalment");
      }
    }
  }

  private void oneOff(Supplier s, Buyer b, String ifRef, String std, String fee, double base, int m, String text) {
    double noise = s.feeFactor.get(fee) * contractNoise();
    double fair = base * s.prices.standard.get(std) * sizeFactor(b, fee);
    Contract c = new Contract(s.ref + "/" + (++contractSeq), fee, "ONE_OFF", fair);
    contracts.add(c);
    MarketLine l = line(s, b, ifRef, std, fee, "ONE_OFF");
    l.net = pounds(fair * noise);
    l.invoiceDate = month(m).atDay(8 + rng.nextInt(18));
    l.invoiceRef = newInvoice(s);
    l.description = text;
    attach(l, c, "one-off " + fee.toLowerCase(Locale.ROOT));
  }

  /** Bespoke developments: each a new interface, charged once to the buyer it was built for. */
  private void developments(Supplier s) {
    int n = 3 + rng.nextInt(3);
    for (int k = 1; k <= n; k++) {
      Buyer b = s.buyers.get(rng.nextInt(s.buyers.size()));
      String std = rng.nextDouble() < 0.7 ? s.segment.mainStd() : s.segment.secondStd();
      String ref = s.ref.replace("SW-S", "DV-S") + "-" + k;
      oneOff(s, b, ref, std, "DEVELOPMENT", s.prices.development, rng.nextInt(nMonths), "Development of " + ref);
    }
  }

  /** Specification-access and co-operation fees: positives, and nil or credited ones as hard negatives. */
  private void nilFees() {
    int perFee = Math.max(3, shape.suppliers() / 10);
    for (String fee : new String[] {"SPECIFICATION_ACCESS", "COOPERATION"}) {
      String family = fee.equals("SPECIFICATION_ACCESS") ? "P1" : "P2";
      for (int k = 0; k < perFee; k++) {
        int m = k < 2 ? nMonths - 1 : rng.nextInt(nMonths);
        MarketLine l = nilFeeLine(fee, m, pounds(uniform(250, 4_000)));
        l.families.add(family);
        l.kind = family + ": positive " + fee.toLowerCase(Locale.ROOT) + " fee";
      }
      MarketLine credited = nilFeeLine(fee, nMonths - 1, pounds(uniform(250, 4_000)));
      credited.kind = "hard negative: nil fee credited back in full";
      credit(credited, credited.net, credited.invoiceDate.plusDays(1 + rng.nextInt(5)), "credit note (full)");
    }
    MarketLine zero = nilFeeLine("SPECIFICATION_ACCESS", nMonths - 1, BigDecimal.ZERO.setScale(2));
    zero.kind = "hard negative: nil specification fee (0.00)";
  }

  private MarketLine nilFeeLine(String fee, int m, BigDecimal net) {
    Supplier s = suppliers.get(rng.nextInt(suppliers.size()));
    Buyer b = s.buyers.get(rng.nextInt(s.buyers.size()));
    Interface i = s.interfaces.get(rng.nextInt(s.interfaces.size()));
    MarketLine l = line(s, b, i.ref(), i.standard(), fee, "ONE_OFF");
    l.net = net;
    l.invoiceDate = month(m).atDay(8 + rng.nextInt(min(17, lastDay(m) - 12)));
    l.invoiceRef = newInvoice(s);
    l.description = fee.equals("COOPERATION") ? "Joint working on interface" : "Interface specification pack";
    return l;
  }

  /** Tells the reader of a list when an implementation is of an interface already implemented for another buyer. */
  private void markRepeatImplementations() {
    Map<String, String> first = new LinkedHashMap<>();
    List<MarketLine> impl = lines.stream().filter(l -> l.fee.equals("IMPLEMENTATION"))
        .sorted(Comparator.comparing((MarketLine l) -> l.invoiceDate).thenComparingInt(l -> l.seq)).toList();
    for (MarketLine l : impl) {
      String b = first.putIfAbsent(l.interfaceRef, l.buyer);
      if (b != null && !b.equals(l.buyer)) {
        l.detail = "implementation of an interface already implemented for " + b;
      }
    }
  }

  // ---------------------------------------------------------------- charging twice (P5)

  private void plantCopies() {
    int k = Math.max(2, shape.suppliers() / 20);
    YearMonth p = shape.period();
    LocalDate pStart = p.atDay(1);
    LocalDate pEnd = p.atEndOfMonth();
    LocalDate before = pStart.minusDays(1);
    for (boolean inPeriod : new boolean[] {true, false}) {
      LocalDate lo = inPeriod ? pStart : month(0).atDay(1);
      LocalDate hi = inPeriod ? pEnd : before;
      for (int n = 0; n < k; n++) {
        resentSame(inPeriod);
        resentLater(lo, hi);
        samePeriodAgain(lo, hi);
        overlap(inPeriod);
        recharge(inPeriod);
      }
    }
  }

  private boolean copyable(MarketLine l) {
    return l.contract != null && !l.contract.involved && !l.contract.inAdvance && l.net.signum() > 0
        && !l.fee.equals("SPECIFICATION_ACCESS") && !l.fee.equals("COOPERATION");
  }

  /** The same invoice re-sent: same number, same date, same file (a later line number). */
  private void resentSame(boolean inPeriod) {
    List<MarketLine> c = lines.stream().filter(this::copyable)
        .filter(l -> inPeriod == l.month().equals(shape.period())).toList();
    if (c.isEmpty()) {
      return;
    }
    MarketLine src = c.get(rng.nextInt(c.size()));
    MarketLine copy = copy(src);
    copy.invoiceRef = src.invoiceRef;
    copy.invoiceDate = src.invoiceDate;
    p5(copy, src, "P5: same invoice re-sent", "same number " + src.invoiceRef + ", same date");
  }

  /** The same invoice re-sent days later with its number printed differently. */
  private void resentLater(LocalDate lo, LocalDate hi) {
    List<MarketLine> c = lines.stream().filter(this::copyable)
        .filter(l -> !l.invoiceDate.plusDays(3).isAfter(hi) && !l.invoiceDate.plusDays(40).isBefore(lo)).toList();
    if (c.isEmpty()) {
      return;
    }
    MarketLine src = c.get(rng.nextInt(c.size()));
    MarketLine copy = copy(src);
    copy.invoiceRef = reformat(src.invoiceRef);
    copy.invoiceDate = dateBetween(max(src.invoiceDate.plusDays(3), lo), min(src.invoiceDate.plusDays(40), hi));
    p5(copy, src, "P5: same invoice re-sent later, number re-formatted", days(src, copy) + " days later, "
        + src.invoiceRef + " printed as " + copy.invoiceRef);
  }

  /** The same service period billed again under a new invoice number. */
  private void samePeriodAgain(LocalDate lo, LocalDate hi) {
    List<MarketLine> c = lines.stream().filter(this::copyable).filter(l -> l.serviceStart != null)
        .filter(l -> !l.invoiceDate.plusDays(5).isAfter(hi) && !l.invoiceDate.plusDays(45).isBefore(lo)).toList();
    if (c.isEmpty()) {
      return;
    }
    MarketLine src = c.get(rng.nextInt(c.size()));
    MarketLine copy = copy(src);
    copy.invoiceRef = newInvoice(supplier(src));
    copy.invoiceDate = dateBetween(max(src.invoiceDate.plusDays(5), lo), min(src.invoiceDate.plusDays(45), hi));
    p5(copy, src, "P5: same service period billed again", src.serviceStart + " to " + src.serviceEnd + " billed again "
        + days(src, copy) + " days later under a new number");
  }

  /** A recurring charge whose service period overlaps periods already billed. */
  private void overlap(boolean inPeriod) {
    List<MarketLine> c = new ArrayList<>();
    for (Contract k : contracts) {
      if (k.involved || k.inAdvance || !(k.basis.equals("MONTHLY") || k.basis.equals("QUARTERLY"))) {
        continue;
      }
      for (int i = 1; i < k.lines.size(); i++) {
        MarketLine l = k.lines.get(i);
        if (l.serviceStart != null && inPeriod == l.month().equals(shape.period())) {
          c.add(l);
        }
      }
    }
    if (c.isEmpty()) {
      return;
    }
    MarketLine src = c.get(rng.nextInt(c.size()));
    MarketLine o = copy(src);
    o.invoiceRef = newInvoice(supplier(src));
    o.invoiceDate = src.month().atDay(18 + rng.nextInt(8));
    if (src.basis.equals("MONTHLY")) {
      o.serviceStart = src.serviceStart.minusDays(15);
      o.serviceEnd = src.serviceStart.plusDays(14);
    } else {
      o.serviceStart = src.serviceStart.minusMonths(1);
      o.serviceEnd = YearMonth.from(src.serviceEnd).minusMonths(1).atEndOfMonth();
    }
    p5(o, src, "P5: overlapping service period", o.serviceStart + " to " + o.serviceEnd + " was already billed");
  }

  /** A development charged again, to another buyer, for an interface already developed. */
  private void recharge(boolean inPeriod) {
    YearMonth p = shape.period();
    List<MarketLine> c = lines.stream().filter(this::copyable).filter(l -> l.fee.equals("DEVELOPMENT"))
        .filter(l -> inPeriod ? l.month().isBefore(p) : l.month().isBefore(p.minusMonths(1))).toList();
    if (c.isEmpty()) {
      return;
    }
    MarketLine src = c.get(rng.nextInt(c.size()));
    Supplier s = supplier(src);
    List<Buyer> others = s.buyers.stream().filter(b -> !b.ref().equals(src.buyer)).toList();
    if (others.isEmpty()) {
      return;
    }
    Buyer b = others.get(rng.nextInt(others.size()));
    int from = monthIndex(src.month()) + 1;
    int m = inPeriod ? nMonths - 1 : from + rng.nextInt(nMonths - 1 - from);
    MarketLine r = line(s, b, src.interfaceRef, src.standard, "DEVELOPMENT", "ONE_OFF");
    r.net = pounds(src.net.doubleValue() * uniform(0.9, 1.1));
    r.invoiceDate = month(m).atDay(8 + rng.nextInt(18));
    r.invoiceRef = newInvoice(s);
    r.description = src.description;
    r.fairPrice = src.fairPrice;
    r.contract = src.contract;
    src.contract.involved = true;
    r.families.add("P5");
    r.kind = "P5: development charged again to another buyer";
    r.detail = src.interfaceRef + " first charged to " + src.buyer + " on " + src.invoiceDate;
  }

  private void p5(MarketLine copy, MarketLine src, String kind, String detail) {
    copy.families.add("P5");
    copy.kind = kind;
    copy.detail = detail;
    src.contract.involved = true;
  }

  // ---------------------------------------------------------------- hard negatives

  private void hardNegatives() {
    YearMonth p = shape.period();
    LocalDate pStart = p.atDay(1);
    for (int n = 0; n < 2; n++) {
      // a copy that a credit note reverses in full is not charging twice
      List<MarketLine> c = lines.stream().filter(this::copyable).filter(l -> l.serviceStart != null)
          .filter(l -> !l.invoiceDate.isBefore(pStart.minusDays(20)) && l.invoiceDate.isBefore(p.atDay(20))).toList();
      if (!c.isEmpty()) {
        MarketLine src = c.get(rng.nextInt(c.size()));
        MarketLine copy = copy(src);
        copy.invoiceRef = newInvoice(supplier(src));
        copy.invoiceDate = dateBetween(max(src.invoiceDate.plusDays(5), pStart), p.atDay(22));
        copy.kind = "hard negative: copy credited back in full";
        copy.detail = "copy of " + src.invoiceRef + " under " + copy.invoiceRef;
        src.contract.involved = true;
        credit(copy, copy.net, dateBetween(copy.invoiceDate.plusDays(1), copy.invoiceDate.plusDays(6)), "credit note (full)");
      }
      // a mistyped invoice, credited in full and re-issued at the right amount for the same period
      List<MarketLine> m = new ArrayList<>();
      for (Contract k : contracts) {
        if (!k.involved && !k.inAdvance && k.basis.equals("MONTHLY")) {
          MarketLine last = k.lines.get(k.lines.size() - 1);
          if (last.month().equals(p) && last.serviceStart != null) {
            m.add(last);
          }
        }
      }
      if (!m.isEmpty()) {
        MarketLine wrong = m.get(rng.nextInt(m.size()));
        wrong.contract.involved = true;
        BigDecimal right = wrong.net;
        MarketLine reissue = copy(wrong);
        wrong.net = right.multiply(BigDecimal.TEN);
        wrong.invoiceRef = newInvoice(supplier(wrong));
        wrong.kind = "hard negative: mistyped invoice (10x) credited back in full";
        wrong.detail = "re-issued as the next line";
        LocalDate cd = wrong.invoiceDate.plusDays(1 + rng.nextInt(3));
        credit(wrong, wrong.net, cd, "credit note (full)");
        reissue.net = right;
        reissue.invoiceRef = newInvoice(supplier(wrong));
        reissue.invoiceDate = cd;
        reissue.kind = "hard negative: re-issue after a full credit (same period, right amount)";
      }
    }
  }

  /** Partial credits on one-off and annual lines (their own invoices): they count at what was left to pay. */
  private void partialCredits() {
    LocalDate end = shape.period().atEndOfMonth();
    List<MarketLine> c = lines.stream().filter(this::copyable)
        .filter(l -> l.basis.equals("ONE_OFF") || l.basis.equals("ANNUAL"))
        .filter(l -> l.invoiceDate.plusDays(5).isBefore(end)).toList();
    for (MarketLine l : c) {
      if (rng.nextDouble() < 0.03 && !l.contract.involved) {
        l.contract.involved = true;
        BigDecimal amount = pounds(l.net.doubleValue() * uniform(0.1, 0.4));
        credit(l, amount, dateBetween(l.invoiceDate.plusDays(5), min(l.invoiceDate.plusDays(30), end)),
            "credit note (partial)");
        l.detail = "partly credited (" + amount.toPlainString() + " net)";
      }
    }
  }

  private void credit(MarketLine target, BigDecimal net, LocalDate date, String kind) {
    Supplier s = supplier(target);
    MarketLine c = line(s, buyer(target.buyer), target.interfaceRef, target.standard, target.fee, target.basis);
    c.net = net.negate();
    c.quantity = target.quantity;
    c.invoiceRef = String.format(Locale.ROOT, "CN-%06d", s.nextCredit++);
    c.invoiceDate = min(date, shape.period().atEndOfMonth());
    c.credits = target;
    c.description = "Credit note";
    c.kind = kind;
    c.detail = "reverses " + target.invoiceRef;
  }

  // ---------------------------------------------------------------- unreasonable fees (P4)

  private void plantOutliers() {
    Map<IndependentMedians.Cell, IndependentMedians.Evidence> evidence = IndependentMedians.evidence(lines, shape);
    YearMonth p = shape.period();
    Map<IndependentMedians.Cell, Integer> perCell = new LinkedHashMap<>();
    for (String fee : MarketShape.PRICED_FEES) {
      for (String basis : BASES) {
        List<MarketLine> c = new ArrayList<>();
        for (MarketLine l : lines) {
          if (!l.month().equals(p) || !l.fee.equals(fee) || !l.basis.equals(basis) || l.contract == null
              || l.contract.involved || l.contract.inAdvance || l.contract.instalments || l.size == null
              || l.net.signum() <= 0 || l.plantedRatio > 0) {
            continue;
          }
          IndependentMedians.Evidence e = evidence.get(IndependentMedians.Cell.of(l));
          if (e != null && e.points() >= EVIDENCE_POINTS && e.suppliers() >= EVIDENCE_SUPPLIERS
              && e.sized() >= EVIDENCE_SIZED) {
            c.add(l);
          }
        }
        if (c.isEmpty()) {
          continue;
        }
        int want = Math.max(1, (int) Math.round(shape.outlierShare() * c.size()));
        c = new ArrayList<>(c);
        int done = 0;
        while (done < want && !c.isEmpty()) {
          MarketLine l = c.remove(rng.nextInt(c.size()));
          IndependentMedians.Cell cell = IndependentMedians.Cell.of(l);
          int cap = Math.max(1, (int) Math.floor(0.08 * evidence.get(cell).points()));
          if (perCell.getOrDefault(cell, 0) >= cap || l.contract.involved) {
            continue;
          }
          perCell.merge(cell, 1, Integer::sum);
          plant(l);
          done++;
        }
        if (done > 0) {
          planted.put(fee + " " + basis, done);
        }
      }
    }
  }

  private void plant(MarketLine l) {
    double ratio = Math.exp(Math.log(4) + rng.nextDouble() * (Math.log(10) - Math.log(4)));
    boolean whole = !l.basis.equals("ANNUAL") && !l.basis.equals("ONE_OFF") && rng.nextDouble() < 0.5;
    Contract c = l.contract;
    c.involved = true;
    List<MarketLine> targets = whole ? c.lines : List.of(l);
    for (MarketLine t : targets) {
      if (t.basis.equals("PER_TRANSACTION")) {
        BigDecimal unit = BigDecimal.valueOf(ratio * c.fair).setScale(4, RoundingMode.HALF_UP);
        t.net = unit.multiply(BigDecimal.valueOf(t.quantity)).setScale(2, RoundingMode.HALF_UP);
      } else {
        t.net = pounds(ratio * c.fair / MarketLine.annualFactor(t.basis));
      }
      t.plantedRatio = ratio;
      if (t != l) {
        t.detail = "a line of an over-priced contract";
      }
    }
    l.families.add("P4");
    String mode = whole ? "whole contract" : switch (l.basis) {
      case "MONTHLY", "QUARTERLY", "PER_TRANSACTION" -> "only this month's line";
      default -> "the line";
    };
    l.kind = "P4: planted, " + mode;
    l.detail = String.format(Locale.ROOT, "planted at %.1fx the size-adjusted fair price", ratio);
  }

  // ---------------------------------------------------------------- finishing and writing

  /** Submission ids (one per supplier and invoice month) and line numbers (by date, then generation order). */
  private void finish() {
    lines.sort(Comparator.comparing((MarketLine l) -> l.supplier).thenComparing(l -> YearMonth.from(l.invoiceDate))
        .thenComparing(l -> l.invoiceDate).thenComparingInt(l -> l.seq));
    String current = null;
    int n = 0;
    for (MarketLine l : lines) {
      String id = l.supplier + "-" + l.month();
      n = id.equals(current) ? n + 1 : 1;
      current = id;
      l.submissionId = id;
      l.lineNo = n;
      if (l.kind == null) {
        l.kind = "normal";
      }
    }
  }

  /**
   * Writes one submission file per supplier and month under {@code dir/submissions/} and the ground
   * truth to {@code dir/labels.csv} (outside the input folder, so a run never reads it).
   */
  public void write(Path dir) {
    try {
      Path sub = Files.createDirectories(dir.resolve(SUBMISSIONS));
      Map<String, List<MarketLine>> files = new TreeMap<>();
      for (MarketLine l : lines) {
        files.computeIfAbsent(l.submissionId, k -> new ArrayList<>()).add(l);
      }
      Map<String, Supplier> bySupplier = new LinkedHashMap<>();
      suppliers.forEach(s -> bySupplier.put(s.ref, s));
      for (Map.Entry<String, List<MarketLine>> e : files.entrySet()) {
        Supplier s = bySupplier.get(e.getValue().get(0).supplier);
        Files.writeString(sub.resolve(e.getKey() + ".csv"), submission(s, e.getValue()), StandardCharsets.UTF_8);
      }
      StringBuilder labels = new StringBuilder(
          "submission_id,line_no,invoice_date,fee_type,charge_basis,families,kind,detail\n");
      for (MarketLine l : lines) {
        labels.append(csv(l.submissionId)).append(',').append(l.lineNo).append(',').append(l.invoiceDate).append(',')
            .append(l.fee).append(',').append(l.basis).append(',').append(String.join(";", l.families)).append(',')
            .append(csv(l.kind)).append(',').append(csv(l.detail)).append('\n');
      }
      Files.writeString(dir.resolve(LABELS), labels, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String submission(Supplier s, List<MarketLine> rows) {
    String nl = s.crlf ? "\r\n" : "\n";
    StringBuilder sb = new StringBuilder(s.bom ? "\uFEFF" : "");
    for (int i = 0; i < COLUMNS.length; i++) {
      String h = COLUMNS[s.columnOrder[i]];
      sb.append(i == 0 ? "" : ",").append(s.upperHeader ? h.toUpperCase(Locale.ROOT) : h);
    }
    sb.append(nl);
    for (MarketLine l : rows) {
      String[] v = {l.submissionId, String.valueOf(l.lineNo), l.supplier, l.buyer, l.buyerType,
          l.size == null ? "" : String.valueOf(l.size), l.category, l.standard, nz(l.interfaceRef), l.fee, l.basis,
          l.quantity == null ? "" : String.valueOf(l.quantity), l.printedAmount().toPlainString(),
          s.explicitGbp ? "GBP" : "", l.vat ? "true" : s.explicitFalse ? "false" : "", l.invoiceRef,
          l.invoiceDate.toString(), l.serviceStart == null ? "" : l.serviceStart.toString(),
          l.serviceEnd == null ? "" : l.serviceEnd.toString(), l.credits == null ? "" : l.credits.invoiceRef,
          nz(l.description)};
      for (int i = 0; i < COLUMNS.length; i++) {
        sb.append(i == 0 ? "" : ",").append(csv(v[s.columnOrder[i]]));
      }
      sb.append(nl);
    }
    return sb.toString();
  }

  static String csv(String v) {
    if (v == null) {
      return "";
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  // ---------------------------------------------------------------- small helpers

  private MarketLine line(Supplier s, Buyer b, String ifRef, String std, String fee, String basis) {
    MarketLine l = new MarketLine(++seq, s.ref, b, s.segment.category(), std, ifRef, fee, basis, s.vat);
    lines.add(l);
    return l;
  }

  private void attach(MarketLine l, Contract c, String kind) {
    l.contract = c;
    l.fairPrice = c.fair;
    l.kind = kind;
    c.lines.add(l);
  }

  /** A copy of a line, added to the market (not to its contract's schedule). */
  private MarketLine copy(MarketLine src) {
    MarketLine c = line(supplier(src), buyer(src.buyer), src.interfaceRef, src.standard, src.fee, src.basis);
    c.net = src.net;
    c.quantity = src.quantity;
    c.invoiceRef = src.invoiceRef;
    c.invoiceDate = src.invoiceDate;
    c.serviceStart = src.serviceStart;
    c.serviceEnd = src.serviceEnd;
    c.description = src.description;
    c.contract = src.contract;
    c.fairPrice = src.fairPrice;
    return c;
  }

  private Supplier supplier(MarketLine l) {
    for (Supplier s : suppliers) {
      if (s.ref.equals(l.supplier)) {
        return s;
      }
    }
    throw new IllegalStateException("no supplier " + l.supplier);
  }

  private Buyer buyer(String ref) {
    for (Buyer b : buyers) {
      if (b.ref().equals(ref)) {
        return b;
      }
    }
    throw new IllegalStateException("no buyer " + ref);
  }

  private String newInvoice(Supplier s) {
    long n = s.nextInvoice++;
    return switch (s.invoiceStyle) {
      case 0 -> String.format(Locale.ROOT, "INV-%06d", n);
      case 1 -> "INV" + n;
      default -> String.format(Locale.ROOT, "%07d", n);
    };
  }

  /** One invoice per supplier, buyer and billing date for the recurring and per-transaction lines. */
  private String groupedInvoice(Supplier s, MarketLine.Buyer b, LocalDate date) {
    return groupedInvoices.computeIfAbsent(s.ref + "|" + b.ref() + "|" + date, k -> newInvoice(s));
  }

  /** The same invoice number printed another way: case, spaces, '#', slashes, a leading INV or Invoice, zeros. */
  private String reformat(String ref) {
    long n = Long.parseLong(ref.replaceAll("\\D", ""));
    return switch (rng.nextInt(4)) {
      case 0 -> "inv " + n;
      case 1 -> "#" + n;
      case 2 -> String.format(Locale.ROOT, "INV/%08d", n);
      default -> "Invoice " + n;
    };
  }

  private static String describe(String fee, String basis) {
    String b = basis.toLowerCase(Locale.ROOT);
    return switch (fee) {
      case "LICENCE" -> "Licence, " + b;
      case "SUPPORT" -> "Support and maintenance (" + b + ")";
      default -> fee.toLowerCase(Locale.ROOT) + " " + b;
    };
  }

  private YearMonth month(int i) {
    return shape.firstMonth().plusMonths(i);
  }

  private int monthIndex(YearMonth ym) {
    return (int) shape.firstMonth().until(ym, java.time.temporal.ChronoUnit.MONTHS);
  }

  private int lastDay(int m) {
    return month(m).lengthOfMonth();
  }

  private double uniform(double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** A standard normal draw (Box-Muller on the market's own stream, so it never depends on the JDK's method). */
  private double gaussian() {
    double u = 1 - rng.nextDouble();
    double v = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private LocalDate dateBetween(LocalDate lo, LocalDate hi) {
    if (hi.isBefore(lo)) {
      return lo;
    }
    long span = java.time.temporal.ChronoUnit.DAYS.between(lo, hi);
    return lo.plusDays(rng.nextLong(span + 1));
  }

  private static long days(MarketLine a, MarketLine b) {
    return java.time.temporal.ChronoUnit.DAYS.between(a.invoiceDate, b.invoiceDate);
  }

  private static BigDecimal pounds(double x) {
    return BigDecimal.valueOf(Math.max(1, Math.round(x))).setScale(2, RoundingMode.UNNECESSARY);
  }

  private int[] shuffled(int n) {
    int[] a = identity(n);
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  private static int min(int a, int b) {
    return Math.min(a, b);
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
