package org.fairfee.jobs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.ReasonCode;

/**
 * The made-up market behind a sample: buyers, suppliers with their interfaces, the contracts
 * between them with prices from the price model, which contracts play a labelled part (over-priced,
 * hard negatives), and how many cases of each planted pattern every supplier gets in every month.
 * Built once, sequentially, from the seed; the per-supplier runs only read it.
 */
final class Market {

  /** GBP per EUR at which EUR prices were agreed; the monthly rates move around it. */
  static final double EUR_AGREED_RATE = 0.86;
  static final String EUR = "EUR";
  static final int NO_MONTH = Integer.MIN_VALUE;

  /** Patterns planted as extra lines, with a quota per supplier and month. */
  enum Inject { DUPLICATE, CREDITED_COPY, OVERLAP, RECHARGE, SPEC_FEE, COOP_FEE, IMPLEMENTATION_TWO_BUYERS, BAD_ROW }

  /** The deliberately invalid rows, one of each before any repeats. */
  static final ReasonCode[] BAD_KINDS = {ReasonCode.INVALID_DATE, ReasonCode.TOO_MANY_DECIMALS,
      ReasonCode.INVALID_ENUM, ReasonCode.CREDIT_WITHOUT_REF, ReasonCode.QUANTITY_REQUIRED,
      ReasonCode.UNKNOWN_CURRENCY, ReasonCode.SERVICE_PERIOD_REVERSED, ReasonCode.TOO_FEW_FIELDS};

  /** Valid files that exercise the reader: a byte-order mark, CRLF, shuffled upper-case headers, an extra column. */
  enum Awkward { NONE, BOM, CRLF, SHUFFLED_HEADER, EXTRA_COLUMN }

  /** The labelled part a contract plays; its every line carries it. */
  enum Role { NONE, HIGH_FEE, DISCRIMINATION, MONTHLY_REPEAT, PAIR_FIRST, PAIR_SECOND, LARGE_BUYER, FIRST_DEVELOPMENT }

  static final class Buyer {
    final int idx;
    final String ref;
    final BuyerType type;
    /** Size in the type's usual measure; 0 where the buyer gives none. */
    final long size;
    /** Size over the typical size of the type (1 where unknown). */
    final double rel;
    boolean large;

    Buyer(int idx, String ref, BuyerType type, long size, double rel) {
      this.idx = idx;
      this.ref = ref;
      this.type = type;
      this.size = size;
      this.rel = rel;
    }
  }

  static final class Iface {
    final int idx;
    final String ref;
    final ProductCategory category;
    final InterfaceStandard standard;
    final String name;
    /** The month its development is first charged, or NO_MONTH when that was before the data. */
    int devMonth = NO_MONTH;
    int devDay;

    Iface(int idx, String ref, ProductCategory category, InterfaceStandard standard, String name) {
      this.idx = idx;
      this.ref = ref;
      this.category = category;
      this.standard = standard;
      this.name = name;
    }
  }

  static final class Contract {
    final int idx;
    final Supplier supplier;
    final Buyer buyer;
    final Iface iface;
    final FeeType fee;
    final ChargeBasis basis;
    /** First month it is active (-1: before the data); end is exclusive. One-off: bills in start only. */
    final int start;
    final int end;
    int phase;
    int day;
    /** GBP by the price model: yearly for recurring fees, the amount for one-off, per unit for per-transaction. */
    double price;
    long volume;
    int bundle = -1;
    Role role = Role.NONE;
    Contract pair;
    /** Per invoice, in the invoice currency with VAT where the supplier includes it. */
    long pence;
    /** Per transaction, in the invoice currency with VAT where included. */
    double unit;

    Contract(int idx, Supplier supplier, Buyer buyer, Iface iface, FeeType fee, ChargeBasis basis, int start, int end) {
      this.idx = idx;
      this.supplier = supplier;
      this.buyer = buyer;
      this.iface = iface;
      this.fee = fee;
      this.basis = basis;
      this.start = start;
      this.end = end;
    }

    boolean bills(int i) {
      if (i < start || i >= end) {
        return false;
      }
      return switch (basis) {
        case MONTHLY -> true;
        case QUARTERLY -> Math.floorMod(i - phase, 3) == 0;
        case ANNUAL -> Math.floorMod(i - phase, 12) == 0;
        case PER_TRANSACTION -> i > start;
        case ONE_OFF -> i == start;
      };
    }

    int billingMonths(int months) {
      int n = 0;
      for (int i = 0; i < months; i++) {
        if (bills(i)) {
          n++;
        }
      }
      return n;
    }

    /** Bills in every month of the data, the last included. */
    boolean everyMonth(int months) {
      return (basis == ChargeBasis.MONTHLY && start < 0 || basis == ChargeBasis.PER_TRANSACTION && start < 0)
          && end == months;
    }
  }

  static final class Supplier {
    final int idx;
    final String ref;
    final String hex;
    final double share;
    ProductCategory[] categories;
    final List<Iface> ifaces = new ArrayList<>();
    final List<Contract> contracts = new ArrayList<>();
    int style;
    boolean eur;
    boolean vat;
    /** Leaves currency and vat_included empty where they are the defaults. */
    boolean blankDefaults;
    long invoiceBase;
    long creditBase;
    double effect;
    int[] monthLines;
    int[][] quota;
    List<List<ReasonCode>> bad;
    Awkward[] awkward;
    int[] shuffled;

    Supplier(int idx, String ref, String hex, double share) {
      this.idx = idx;
      this.ref = ref;
      this.hex = hex;
      this.share = share;
    }

    List<Iface> ifacesOf(ProductCategory c) {
      List<Iface> out = new ArrayList<>();
      for (Iface f : ifaces) {
        if (f.category == c) {
          out.add(f);
        }
      }
      return out;
    }

    long expectedLines() {
      long n = 0;
      for (int v : monthLines) {
        n += v;
      }
      return n;
    }
  }

  final GenerateOptions options;
  final Window window;
  final List<Buyer> buyers = new ArrayList<>();
  /** Buyers of each type, smallest first. */
  final Map<BuyerType, List<Buyer>> byType = new HashMap<>();
  final List<Supplier> suppliers = new ArrayList<>();
  /** GBP per EUR by month index. */
  final BigDecimal[] eurRates;
  private final double[] groupFactor;
  /** Regular lines expected in each month, all suppliers. */
  final long[] monthRows;

  private Market(GenerateOptions options) {
    this.options = options;
    this.window = new Window(options.firstMonth(), options.months());
    this.eurRates = new BigDecimal[options.months()];
    this.groupFactor = new double[ProductCategory.values().length * InterfaceStandard.values().length
        * FeeType.values().length * BasisClass.values().length];
    this.monthRows = new long[options.months()];
  }

  static Market build(GenerateOptions o) {
    Market m = new Market(o);
    SplittableRandom r = Seeds.rng(o.seed(), Seeds.MARKET, 0, 0);
    m.makeGroups();
    m.makeBuyers(r);
    m.makeSuppliers(r);
    m.makeRates(r);
    double regularRows = o.rows() / (1 + o.injection().extraLinesPerLine());
    for (Supplier s : m.suppliers) {
      m.makeContracts(s, Seeds.rng(o.seed(), Seeds.CONTRACTS, s.idx, 0), s.share * regularRows);
    }
    SplittableRandom roles = Seeds.rng(o.seed(), Seeds.ROLES, 0, 0);
    m.assignRoles(roles, regularRows / o.months());
    m.finishPrices();
    m.countLines();
    m.pickAwkwardFiles(roles);
    m.allocateQuotas(roles);
    return m;
  }

  // ---------------------------------------------------------------- price model

  private static int groupIndex(ProductCategory c, InterfaceStandard s, FeeType f, BasisClass b) {
    return ((c.ordinal() * InterfaceStandard.values().length + s.ordinal()) * FeeType.values().length
        + f.ordinal()) * BasisClass.values().length + b.ordinal();
  }

  static int groupIndex(Contract c) {
    return groupIndex(c.iface.category, c.iface.standard, c.fee, c.basis.basisClass());
  }

  private void makeGroups() {
    SplittableRandom g = Seeds.rng(options.seed(), Seeds.GROUPS, 0, 0);
    for (int i = 0; i < groupFactor.length; i++) {
      groupFactor[i] = Seeds.lognormal(g, 0.15);
    }
  }

  /**
   * The model price for a peer group and a buyer, in GBP, before the supplier's level and noise:
   * base price of (category, standard, fee type, basis class) x (size / typical size) ^ 0.4.
   */
  double model(Iface f, FeeType fee, ChargeBasis basis, Buyer b) {
    double base = Catalogue.category(f.category).annualLicence() * Catalogue.standardFactor(f.standard)
        * Catalogue.feeFactor(fee) * groupFactor[groupIndex(f.category, f.standard, fee, basis.basisClass())];
    return base * sizeFactor(b);
  }

  static double sizeFactor(Buyer b) {
    return b.size > 0 ? Math.pow(b.rel, Catalogue.SIZE_EXPONENT) : 1.0;
  }

  /** An amount as invoiced, in pence of the supplier's currency with VAT where it is included. */
  static long invoicePence(Supplier s, double gbp) {
    double v = s.eur ? gbp / EUR_AGREED_RATE : gbp;
    if (s.vat) {
      v *= 1.2;
    }
    return Math.max(1, Math.round(v * 100));
  }

  /** One-off amounts are quoted in round pounds: to the £5 above £1,000. */
  static double roundOneOff(double gbp) {
    return gbp >= 1000 ? Math.round(gbp / 5) * 5.0 : Math.max(1, Math.round(gbp));
  }

  // ---------------------------------------------------------------- buyers

  private void makeBuyers(SplittableRandom r) {
    long target = Math.max(300, Math.min(25_000, options.rows() / 25));
    Set<String> refs = new HashSet<>();
    for (Catalogue.BuyerSpec spec : Catalogue.BUYERS) {
      int n = (int) Math.max(2, Math.min(spec.cap(), Math.round(spec.share() * target)));
      List<Buyer> list = new ArrayList<>(n);
      for (int k = 0; k < n; k++) {
        long size = 0;
        double rel = 1;
        if (spec.sized()) {
          double lo = Math.log(spec.lo());
          double hi = Math.log(spec.hi());
          double x = (lo + hi) / 2 + r.nextGaussian() * (hi - lo) / 5;
          x = Math.max(lo, Math.min(hi, x));
          size = Math.max(spec.roundTo(), Math.round(Math.exp(x) / spec.roundTo()) * spec.roundTo());
          rel = size / spec.typical();
        }
        String ref;
        do {
          ref = spec.prefix() + "-" + hex(r, 5);
        } while (!refs.add(ref));
        list.add(new Buyer(-1, ref, spec.type(), size, rel));
      }
      list.sort(Comparator.comparingLong((Buyer b) -> b.size).thenComparing(b -> b.ref));
      List<Buyer> indexed = new ArrayList<>(n);
      for (Buyer b : list) {
        Buyer ib = new Buyer(buyers.size(), b.ref, b.type, b.size, b.rel);
        buyers.add(ib);
        indexed.add(ib);
      }
      if (spec.sized() && n >= 3) {
        int large = (int) Math.max(1, Math.round(options.injection().largeBuyerShare() * n));
        for (int k = n - large; k < n; k++) {
          indexed.get(k).large = true;
        }
      }
      byType.put(spec.type(), indexed);
    }
  }

  static String hex(SplittableRandom r, int digits) {
    String h = Long.toHexString(r.nextLong() & ((1L << (4 * digits)) - 1)).toUpperCase(Locale.ROOT);
    return "0".repeat(digits - h.length()) + h;
  }

  // ---------------------------------------------------------------- suppliers

  static final double ZIPF = 0.7;

  private void makeSuppliers(SplittableRandom r) {
    int n = options.supplierCount();
    // Zipf-like shares with exponent 0.7: a few large suppliers and a long tail, but not so
    // concentrated that the largest supplier dominates every peer group (disclosure control would
    // then suppress nearly every benchmark cell, which real national data would not).
    double h = 0;
    for (int k = 1; k <= n; k++) {
      h += Math.pow(k, -ZIPF);
    }
    Set<String> hexes = new HashSet<>();
    for (int k = 0; k < n; k++) {
      String hx;
      do {
        hx = hex(r, 4);
      } while (!hexes.add(hx));
      Supplier s = new Supplier(k, "SUP-" + hx, hx, Math.pow(k + 1, -ZIPF) / h);
      s.effect = Seeds.lognormal(r, 0.1);
      s.style = r.nextInt(RefStyles.SUPPLIER_STYLES);
      s.blankDefaults = r.nextDouble() < 0.2;
      s.invoiceBase = 1_000 + r.nextInt(60_000);
      s.creditBase = 10 + r.nextInt(900);
      int cats = k < 3 ? 3 : k < 10 ? 2 + r.nextInt(2) : 1 + r.nextInt(2);
      s.categories = pickCategories(r, cats);
      suppliers.add(s);
    }
    // A few mid-sized and small suppliers invoice in EUR; a few others quote amounts with VAT.
    List<Supplier> notTop = new ArrayList<>(suppliers.subList(Math.min(3, n - 1), n));
    Collections.shuffle(notTop, new java.util.Random(r.nextLong()));
    int eur = (int) Math.max(1, Math.round(options.injection().eurSuppliers() * n));
    int vat = (int) Math.max(1, Math.round(options.injection().vatIncludedSuppliers() * n));
    for (int k = 0; k < notTop.size(); k++) {
      if (k < eur) {
        notTop.get(k).eur = true;
      } else if (k < eur + vat) {
        notTop.get(k).vat = true;
      }
    }
    double regularRows = options.rows() / (1 + options.injection().extraLinesPerLine());
    for (Supplier s : suppliers) {
      double lines = s.share * regularRows;
      for (ProductCategory c : s.categories) {
        Catalogue.CategorySpec spec = Catalogue.category(c);
        int nIf = (int) Math.max(1, Math.min(12, 1 + Math.round(1.2 * Math.log(1 + lines / 150 / s.categories.length))));
        int offset = r.nextInt(spec.names().length);
        for (int j = 0; j < nIf; j++) {
          newInterface(s, c, j, offset, r);
        }
      }
    }
  }

  private static ProductCategory[] pickCategories(SplittableRandom r, int n) {
    Catalogue.CategorySpec[] all = Catalogue.CATEGORIES;
    double[] w = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      w[i] = all[i].popularity();
    }
    ProductCategory[] out = new ProductCategory[n];
    for (int k = 0; k < n; k++) {
      int i = Seeds.pick(r, w);
      out[k] = all[i].category();
      w[i] = 0;
    }
    return out;
  }

  private void makeRates(SplittableRandom r) {
    double rate = EUR_AGREED_RATE;
    for (int i = 0; i < options.months(); i++) {
      // A mean-reverting walk around the agreed rate.
      rate = Math.max(0.82, Math.min(0.90, EUR_AGREED_RATE + 0.8 * (rate - EUR_AGREED_RATE) + r.nextGaussian() * 0.005));
      eurRates[i] = BigDecimal.valueOf(rate).setScale(4, RoundingMode.HALF_UP);
    }
  }

  // ---------------------------------------------------------------- contracts

  private void makeContracts(Supplier s, SplittableRandom r, double target) {
    int months = options.months();
    Set<Long> pairs = new HashSet<>();
    double expected = 0;
    boolean first = true;
    Map<ProductCategory, List<Iface>> ifacesByCat = new HashMap<>();
    for (ProductCategory c : s.categories) {
      ifacesByCat.put(c, s.ifacesOf(c));
    }
    int misses = 0;
    while (expected < target || first) {
      if (misses > 50) {
        // Every buyer of the supplier's types already has its interfaces: a large supplier offers more of them.
        if (!addInterface(s, r, ifacesByCat)) {
          break;
        }
        misses = 0;
      }
      int before = s.contracts.size();
      ProductCategory cat = first ? s.categories[0] : s.categories[r.nextInt(s.categories.length)];
      Catalogue.CategorySpec spec = Catalogue.category(cat);
      BuyerType bt = spec.buyers()[Seeds.pick(r, spec.buyerWeights())];
      List<Buyer> pool = byType.get(bt);
      Buyer b = pool.get(r.nextInt(pool.size()));
      List<Iface> catIfaces = ifacesByCat.get(cat);
      int k = 1 + (r.nextDouble() < 0.35 ? 1 : 0) + (r.nextDouble() < 0.1 ? 1 : 0);
      k = Math.min(k, catIfaces.size());
      boolean isNew = !first && months > 1 && r.nextDouble() < 0.2;
      int start = isNew ? 1 + r.nextInt(months - 1) : -1;
      int end = months;
      if (!first && !isNew && months > 2 && r.nextDouble() < 0.05) {
        end = 1 + r.nextInt(months - 1);
      }
      int offset = r.nextInt(catIfaces.size());
      for (int j = 0; j < k; j++) {
        Iface f = catIfaces.get((offset + j) % catIfaces.size());
        if (!pairs.add(((long) b.idx << 24) | f.idx)) {
          continue;
        }
        ChargeBasis lb = first && j == 0 ? ChargeBasis.MONTHLY : recurringBasis(r);
        Contract lic = add(s, b, f, FeeType.LICENCE, lb, start, end, r);
        expected += lic.billingMonths(months);
        if (r.nextDouble() < 0.55) {
          boolean bundled = r.nextDouble() < 0.7;
          Contract sup = add(s, b, f, FeeType.SUPPORT, bundled ? lb : recurringBasis(r), start, end, r);
          if (bundled) {
            lic.bundle = lic.idx;
            sup.bundle = lic.idx;
            sup.day = lic.day;
            sup.phase = lic.phase;
          }
          expected += sup.billingMonths(months);
        }
        boolean messaging = f.standard == InterfaceStandard.MESH || f.standard == InterfaceStandard.IM1
            || f.standard == InterfaceStandard.GP_CONNECT;
        if (r.nextDouble() < (messaging ? 0.3 : 0.12)) {
          expected += add(s, b, f, FeeType.TRANSACTION, ChargeBasis.PER_TRANSACTION, start, end, r).billingMonths(months);
        }
        if (isNew && r.nextDouble() < 0.75) {
          expected += add(s, b, f, FeeType.IMPLEMENTATION, ChargeBasis.ONE_OFF, start, start + 1, r).billingMonths(months);
        }
        if (!first && r.nextDouble() < 0.02) {
          int when = r.nextInt(months);
          expected += add(s, b, f, FeeType.OTHER, ChargeBasis.ONE_OFF, when, when + 1, r).billingMonths(months);
        }
      }
      first = false;
      misses = s.contracts.size() == before ? misses + 1 : 0;
    }
    // The first development of an interface that was built within the data's months is charged once.
    for (Iface f : s.ifaces) {
      if (f.devMonth == NO_MONTH) {
        continue;
      }
      List<Buyer> customers = new ArrayList<>();
      for (Contract c : s.contracts) {
        if (c.iface == f && c.fee == FeeType.LICENCE) {
          customers.add(c.buyer);
        }
      }
      Buyer b;
      if (customers.isEmpty()) {
        Catalogue.CategorySpec spec = Catalogue.category(f.category);
        List<Buyer> pool = byType.get(spec.buyers()[0]);
        b = pool.get(r.nextInt(pool.size()));
      } else {
        b = customers.get(r.nextInt(customers.size()));
      }
      Contract dev = add(s, b, f, FeeType.DEVELOPMENT, ChargeBasis.ONE_OFF, f.devMonth, f.devMonth + 1, r);
      dev.day = f.devDay;
      dev.role = Role.FIRST_DEVELOPMENT;
    }
  }

  /** Adds one more interface in one of the supplier's categories; false when it has the most it may. */
  private boolean addInterface(Supplier s, SplittableRandom r, Map<ProductCategory, List<Iface>> ifacesByCat) {
    if (s.ifaces.size() >= 99) {
      return false;
    }
    ProductCategory c = s.categories[r.nextInt(s.categories.length)];
    Iface f = newInterface(s, c, ifacesByCat.get(c).size(), r.nextInt(Catalogue.category(c).names().length), r);
    ifacesByCat.get(c).add(f);
    return true;
  }

  private Iface newInterface(Supplier s, ProductCategory c, int j, int offset, SplittableRandom r) {
    Catalogue.CategorySpec spec = Catalogue.category(c);
    InterfaceStandard std = spec.standards()[Seeds.pick(r, spec.standardWeights())];
    String name = spec.names()[(offset + j) % spec.names().length];
    if (j >= spec.names().length) {
      name = name + " " + (j / spec.names().length + 1);
    }
    Iface f = new Iface(s.ifaces.size(), String.format(Locale.ROOT, "IF-%s-%02d", s.hex, s.ifaces.size() + 1), c,
        std, name);
    if (r.nextDouble() < 0.5) {
      f.devMonth = options.months() > 1 ? r.nextInt(options.months() - 1) : 0;
      f.devDay = 2 + r.nextInt(18);
    }
    s.ifaces.add(f);
    return f;
  }

  private static ChargeBasis recurringBasis(SplittableRandom r) {
    double u = r.nextDouble();
    return u < 0.4 ? ChargeBasis.ANNUAL : u < 0.8 ? ChargeBasis.MONTHLY : ChargeBasis.QUARTERLY;
  }

  private Contract add(Supplier s, Buyer b, Iface f, FeeType fee, ChargeBasis basis, int start, int end,
      SplittableRandom r) {
    Contract c = new Contract(s.contracts.size(), s, b, f, fee, basis, start, end);
    switch (basis) {
      case QUARTERLY -> c.phase = start >= 0 ? start : r.nextInt(3);
      case ANNUAL -> c.phase = start >= 0 ? start : r.nextInt(12);
      default -> c.phase = 0;
    }
    c.day = switch (basis) {
      case MONTHLY -> 1 + r.nextInt(5);
      case QUARTERLY, ANNUAL, PER_TRANSACTION -> 1 + r.nextInt(10);
      case ONE_OFF -> 1 + r.nextInt(28);
    };
    c.price = model(f, fee, basis, b) * s.effect * Seeds.lognormal(r, 0.17);
    if (basis == ChargeBasis.PER_TRANSACTION) {
      double typical = Catalogue.category(f.category).annualLicence() / 6;
      c.volume = Math.max(1, Math.round(typical * Math.pow(b.rel, 0.9) * Seeds.lognormal(r, 0.3)));
    }
    s.contracts.add(c);
    return c;
  }

  // ---------------------------------------------------------------- roles

  private static boolean benchmarked(FeeType f) {
    return f == FeeType.LICENCE || f == FeeType.SUPPORT || f == FeeType.TRANSACTION || f == FeeType.IMPLEMENTATION;
  }

  /** A contract free to be made over-priced or a hard negative. */
  private boolean free(Contract c) {
    return c.role == Role.NONE && c.buyer.size > 0 && !c.buyer.large && !c.supplier.eur && benchmarked(c.fee)
        && c.billingMonths(options.months()) > 0;
  }

  private void assignRoles(SplittableRandom r, double rowsPerMonth) {
    int months = options.months();
    GenerateOptions.Injection inj = options.injection();
    // Peer groups: price points (one per contract) and distinct suppliers, for buyers with a size.
    int[] points = new int[groupFactor.length];
    Map<Integer, BitSet> groupSuppliers = new HashMap<>();
    Map<Long, List<Contract>> combos = new TreeMap<>();
    for (Supplier s : suppliers) {
      for (Contract c : s.contracts) {
        if (c.buyer.size <= 0 || c.fee.isFreeByCharter() || c.billingMonths(months) == 0) {
          continue;
        }
        int g = groupIndex(c);
        points[g]++;
        groupSuppliers.computeIfAbsent(g, k -> new BitSet()).set(s.idx);
        long key = (((long) s.idx * 4096 + c.iface.idx) * 16 + c.fee.ordinal()) * 4 + c.basis.basisClass().ordinal();
        combos.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
      }
    }
    int minPoints = 15;
    for (int attempt = 0; attempt < 2; attempt++) {
      int[] over = new int[groupFactor.length];
      List<List<Contract>> disc = new ArrayList<>();
      List<List<Contract>> discOther = new ArrayList<>();
      List<List<Contract>> high = new ArrayList<>();
      List<List<Contract>> highOther = new ArrayList<>();
      for (List<Contract> combo : combos.values()) {
        Contract any = combo.get(0);
        int g = groupIndex(any);
        BitSet sup = groupSuppliers.get(g);
        if (points[g] < minPoints || sup == null || sup.cardinality() < 5) {
          continue;
        }
        if (combo.size() >= 4) {
          List<Contract> targets = new ArrayList<>();
          for (Contract c : combo) {
            if (free(c)) {
              targets.add(c);
            }
          }
          if (!targets.isEmpty()) {
            Contract t = targets.get(r.nextInt(targets.size()));
            (t.everyMonth(months) ? disc : discOther).add(List.of(t));
          }
        } else if (combo.size() <= 3 && combo.stream().allMatch(this::free)) {
          // A supplier that over-charges every buyer of an interface: far above its peers, yet no
          // buyer pays more than the supplier's other buyers.
          (combo.stream().anyMatch(c -> c.everyMonth(months)) ? high : highOther).add(combo);
        }
      }
      if (attempt == 0 && (disc.isEmpty() || high.isEmpty())) {
        minPoints = 10;
        continue;
      }
      shuffle(disc, r);
      shuffle(discOther, r);
      shuffle(high, r);
      shuffle(highOther, r);
      int nDisc = (int) Math.max(1, Math.ceil(inj.discrimination() * rowsPerMonth));
      int nHigh = (int) Math.max(1, Math.ceil(inj.highFee() * rowsPerMonth));
      overprice(disc, nDisc, Role.DISCRIMINATION, over, points, r);
      overprice(discOther, (nDisc + 3) / 4, Role.DISCRIMINATION, over, points, r);
      overprice(high, nHigh, Role.HIGH_FEE, over, points, r);
      overprice(highOther, (nHigh + 3) / 4, Role.HIGH_FEE, over, points, r);
      break;
    }
    // Hard negatives: twelve equal monthly invoices; equal charges on the same day for two interfaces.
    List<Contract> steady = new ArrayList<>();
    for (Supplier s : suppliers) {
      for (Contract c : s.contracts) {
        if (free(c) && c.basis == ChargeBasis.MONTHLY && c.start < 0 && c.end == months
            && (c.fee == FeeType.LICENCE || c.fee == FeeType.SUPPORT)) {
          steady.add(c);
        }
      }
    }
    List<Contract[]> pairs = samePairs(steady, true);
    if (pairs.isEmpty()) {
      pairs = samePairs(steady, false);
    }
    shuffle(pairs, r);
    int nPairs = (int) Math.max(1, Math.round(inj.sameDayOtherInterface() * rowsPerMonth));
    for (int k = 0, made = 0; k < pairs.size() && made < nPairs; k++) {
      Contract a = pairs.get(k)[0];
      Contract b = pairs.get(k)[1];
      if (a.role != Role.NONE || b.role != Role.NONE) {
        continue;
      }
      a.role = Role.PAIR_FIRST;
      b.role = Role.PAIR_SECOND;
      b.pair = a;
      b.price = a.price;
      b.day = a.day;
      made++;
    }
    shuffle(steady, r);
    int nRepeat = (int) Math.max(1, Math.round(inj.monthlyRepeat() * rowsPerMonth));
    for (int k = 0, made = 0; k < steady.size() && made < nRepeat; k++) {
      if (steady.get(k).role == Role.NONE) {
        steady.get(k).role = Role.MONTHLY_REPEAT;
        made++;
      }
    }
    // The largest buyers pay fees that are high in pounds but right for their size.
    for (Supplier s : suppliers) {
      for (Contract c : s.contracts) {
        if (c.role == Role.NONE && c.buyer.large && !s.eur && benchmarked(c.fee) && c.billingMonths(months) > 0) {
          int g = groupIndex(c);
          BitSet sup = groupSuppliers.get(g);
          if (points[g] >= minPoints && sup != null && sup.cardinality() >= 5) {
            c.role = Role.LARGE_BUYER;
          }
        }
      }
    }
  }

  /** Pairs of one supplier's contracts with one buyer and fee type on two interfaces (same peer group, or same category). */
  private static List<Contract[]> samePairs(List<Contract> steady, boolean sameGroup) {
    Map<String, Contract> firstOf = new HashMap<>();
    List<Contract[]> out = new ArrayList<>();
    Set<Contract> taken = new HashSet<>();
    for (Contract c : steady) {
      String key = c.supplier.idx + "/" + c.buyer.idx + "/" + c.fee.ordinal() + "/"
          + (sameGroup ? groupIndex(c) : c.iface.category.ordinal());
      Contract a = firstOf.get(key);
      if (a == null) {
        firstOf.put(key, c);
      } else if (a.iface != c.iface && !taken.contains(a) && !taken.contains(c)) {
        out.add(a.idx < c.idx ? new Contract[] {a, c} : new Contract[] {c, a});
        taken.add(a);
        taken.add(c);
        firstOf.remove(key);
      }
    }
    return out;
  }

  private void overprice(List<List<Contract>> options, int n, Role role, int[] over, int[] points, SplittableRandom r) {
    int made = 0;
    for (List<Contract> combo : options) {
      if (made >= n) {
        return;
      }
      int g = groupIndex(combo.get(0));
      if (over[g] + combo.size() > Math.max(1, points[g] / 10) || combo.stream().anyMatch(c -> c.role != Role.NONE)) {
        continue;
      }
      double f = Seeds.logUniform(r, 4, 10);
      for (Contract c : combo) {
        double model = model(c.iface, c.fee, c.basis, c.buyer);
        if (role == Role.DISCRIMINATION) {
          // 4-10x what the supplier charges comparable buyers, and so at least 4x its peers too.
          c.price = model * c.supplier.effect * Math.min(10, Math.max(f, 4 / c.supplier.effect));
        } else {
          c.price = model * f;
        }
        c.role = role;
      }
      over[g] += combo.size();
      made++;
    }
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, r.nextInt(i + 1));
    }
  }

  // ---------------------------------------------------------------- amounts, counts, quotas

  private void finishPrices() {
    for (Supplier s : suppliers) {
      for (Contract c : s.contracts) {
        switch (c.basis.basisClass()) {
          case RECURRING -> {
            double yearly = c.price >= 2000 ? Math.round(c.price / 10) * 10.0 : Math.max(12, Math.round(c.price));
            c.pence = invoicePence(s, yearly / c.basis.annualFactor());
          }
          case ONE_OFF -> c.pence = invoicePence(s, roundOneOff(c.price));
          case PER_TRANSACTION -> {
            double u = Math.max(0.01, Math.round(c.price * 10_000) / 10_000.0);
            c.unit = (s.eur ? u / EUR_AGREED_RATE : u) * (s.vat ? 1.2 : 1);
          }
        }
      }
    }
  }

  private void countLines() {
    int months = options.months();
    for (Supplier s : suppliers) {
      s.monthLines = new int[months];
      for (Contract c : s.contracts) {
        for (int i = Math.max(0, c.start); i < Math.min(months, c.end); i++) {
          if (c.bills(i)) {
            s.monthLines[i]++;
          }
        }
      }
      for (int i = 0; i < months; i++) {
        monthRows[i] += s.monthLines[i];
      }
    }
  }

  private void pickAwkwardFiles(SplittableRandom r) {
    int months = options.months();
    for (Supplier s : suppliers) {
      s.awkward = new Awkward[months];
      java.util.Arrays.fill(s.awkward, Awkward.NONE);
    }
    Awkward[] kinds = {Awkward.BOM, Awkward.CRLF, Awkward.SHUFFLED_HEADER, Awkward.EXTRA_COLUMN};
    int n = suppliers.size();
    int from = n > 4 ? n / 3 : 0;
    for (Awkward kind : kinds) {
      for (int tries = 0; tries < 1000; tries++) {
        Supplier s = suppliers.get(from + r.nextInt(n - from));
        int i = r.nextInt(months);
        if (s.awkward[i] == Awkward.NONE && s.monthLines[i] > 0) {
          s.awkward[i] = kind;
          if (kind == Awkward.SHUFFLED_HEADER) {
            int[] order = new int[org.fairfee.schemas.SubmissionColumn.values().length];
            for (int k = 0; k < order.length; k++) {
              order[k] = k;
            }
            for (int k = order.length - 1; k > 0; k--) {
              int j = r.nextInt(k + 1);
              int t = order[k];
              order[k] = order[j];
              order[j] = t;
            }
            s.shuffled = order;
          }
          break;
        }
      }
    }
  }

  private double rate(Inject k) {
    GenerateOptions.Injection inj = options.injection();
    return switch (k) {
      case DUPLICATE -> inj.duplicate();
      case CREDITED_COPY -> inj.creditedCopy();
      case OVERLAP -> inj.overlap();
      case RECHARGE -> inj.recharge();
      case SPEC_FEE -> inj.specFee();
      case COOP_FEE -> inj.coopFee();
      case IMPLEMENTATION_TWO_BUYERS -> inj.implementationTwoBuyers();
      case BAD_ROW -> inj.badRows();
    };
  }

  /** Whether supplier s can hold a case of k in month i at all. */
  private boolean feasible(Inject k, Supplier s, int i) {
    switch (k) {
      case RECHARGE:
        for (Iface f : s.ifaces) {
          if (f.devMonth != NO_MONTH && (f.devMonth < i || f.devMonth == i && f.devDay <= 20)) {
            return true;
          }
        }
        return false;
      case IMPLEMENTATION_TWO_BUYERS:
        for (Contract c : s.contracts) {
          if (c.fee == FeeType.IMPLEMENTATION && c.role == Role.NONE && !s.eur && c.buyer.size > 0
              && !c.buyer.large && (c.start < i || c.start == i && c.day <= 25)) {
            return true;
          }
        }
        return false;
      case BAD_ROW:
        return s.awkward[i] == Awkward.NONE;
      default:
        return true;
    }
  }

  /**
   * Cases of each pattern per month: the rate x the month's lines (at least one), spread over the
   * suppliers in proportion to their lines by systematic sampling, so totals are exact and large
   * suppliers carry most cases. Bad rows cycle through every kind before repeating one.
   */
  private void allocateQuotas(SplittableRandom r) {
    int months = options.months();
    Inject[] kinds = Inject.values();
    for (Supplier s : suppliers) {
      s.quota = new int[months][kinds.length];
      s.bad = new ArrayList<>(months);
      for (int i = 0; i < months; i++) {
        s.bad.add(new ArrayList<>(2));
      }
    }
    double[] w = new double[suppliers.size()];
    for (Inject k : kinds) {
      long[] totals = new long[months];
      for (int i = 0; i < months; i++) {
        totals[i] = rate(k) > 0 ? Math.max(1, Math.round(rate(k) * monthRows[i])) : 0;
      }
      if (k == Inject.BAD_ROW && rate(k) > 0) {
        long sum = 0;
        for (long t : totals) {
          sum += t;
        }
        for (int i = 0; sum < BAD_KINDS.length; i = (i + 1) % months, sum++) {
          totals[i]++;
        }
      }
      for (int i = 0; i < months; i++) {
        double total = 0;
        for (Supplier s : suppliers) {
          w[s.idx] = feasible(k, s, i) ? s.monthLines[i] : 0;
          total += w[s.idx];
        }
        if (total <= 0 || totals[i] == 0) {
          continue;
        }
        double step = total / totals[i];
        double pos = r.nextDouble() * step;
        int s = 0;
        double cum = w[0];
        for (long j = 0; j < totals[i]; j++, pos += step) {
          while (cum <= pos && s < w.length - 1) {
            s++;
            cum += w[s];
          }
          suppliers.get(s).quota[i][k.ordinal()]++;
        }
      }
    }
    int counter = r.nextInt(BAD_KINDS.length);
    for (int i = 0; i < months; i++) {
      for (Supplier s : suppliers) {
        for (int j = 0; j < s.quota[i][Inject.BAD_ROW.ordinal()]; j++) {
          s.bad.get(i).add(BAD_KINDS[counter++ % BAD_KINDS.length]);
        }
      }
    }
  }
}
