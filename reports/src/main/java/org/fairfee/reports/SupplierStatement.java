package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.reports.model.PricePoint;

/**
 * One supplier's private statement (statements/SUPPLIER_REF.html and .csv): their own price points
 * against the published band of each peer group, their own flags with the evidence, and what they
 * can do about each. Callers may pass every supplier's points and flags: only this supplier's are
 * shown, and any other supplier's reference, or a buyer that is not this supplier's customer,
 * that turns up in free text (evidence, invoice or interface references) is replaced.
 */
public final class SupplierStatement {
  private SupplierStatement() {}

  /** Supplier references by contract: 3-32 of A-Z, 0-9 and dash, so they are safe as file names. */
  static final Pattern REF = Pattern.compile("[A-Z0-9-]{3,32}");

  static final String OTHER_SUPPLIER = "[another supplier]";
  static final String OTHER_BUYER = "[another buyer]";

  /** Where a price sits in its published band. */
  public enum Position {
    BELOW_P25("below p25"), WITHIN_P25_P75("within p25 to p75"), ABOVE_P75("above p75"), ABOVE_P90("above p90");

    private final String words;

    Position(String words) {
      this.words = words;
    }

    public String words() {
      return words;
    }
  }

  /** The supplier reference, checked against the contract's pattern; anything else is refused. */
  public static String requireRef(String supplierRef) {
    if (supplierRef == null || !REF.matcher(supplierRef).matches()) {
      String shown = supplierRef == null ? "null"
          : Text.shorten(supplierRef, 40).replaceAll("[^\\x20-\\x7e]", "?");
      throw new IllegalArgumentException("supplier_ref must be 3-32 of A-Z, 0-9 and '-' to name a statement file,"
          + " was \"" + shown + "\"");
    }
    return supplierRef;
  }

  /** "SUP-001.html": the statement's file name for extension html or csv, never a path. */
  public static String fileName(String supplierRef, String extension) {
    if (!"html".equals(extension) && !"csv".equals(extension)) {
      throw new IllegalArgumentException("a statement is html or csv, not " + extension);
    }
    return requireRef(supplierRef) + "." + extension;
  }

  /** Every supplier with a price point or a flag, sorted: one statement each. */
  public static List<String> suppliers(List<PricePoint> points, List<Flag> flags) {
    Set<String> refs = new TreeSet<>();
    points.forEach(p -> refs.add(p.supplierRef()));
    flags.forEach(f -> refs.add(f.supplierRef()));
    return List.copyOf(refs);
  }

  /** Where price sits in a published band; null for a suppressed band. */
  public static Position position(BigDecimal price, BenchmarkBand band) {
    if (band == null || !band.published()) {
      return null;
    }
    if (price.compareTo(band.p25()) < 0) {
      return Position.BELOW_P25;
    }
    if (price.compareTo(band.p75()) <= 0) {
      return Position.WITHIN_P25_P75;
    }
    return price.compareTo(band.p90()) <= 0 ? Position.ABOVE_P75 : Position.ABOVE_P90;
  }

  // ---- HTML ----

  /**
   * The private statement page for one supplier, summary first: per peer group, the supplier's count
   * of price points and median against the published band, then the flags with the most at stake.
   * Every price point and every flag are in the statement's CSV; the page stays within
   * {@link Budget#STATEMENT_BYTES} however many there are.
   */
  public static String html(String supplierRef, ReportData d, List<PricePoint> points, List<Flag> flags) {
    Own own = Own.of(requireRef(supplierRef), d, points, flags);
    List<GroupSummary> groups = summaries(own);
    String csv = fileName(supplierRef, "csv");
    StringBuilder h = new StringBuilder(65_536);
    Page.open(h, "fairfee statement " + supplierRef + " " + d.period() + " (PRIVATE)",
        "Statement for supplier " + supplierRef,
        "Your interface and licence fees against the published benchmark bands, month " + d.period(),
        Page.Audience.PRIVATE, "PRIVATE: for supplier " + supplierRef + " only. It names no other supplier;"
            + " your customers appear by their pseudonymous buyer references.");
    h.append("<nav class=\"toc\" aria-label=\"Contents\"><ol><li><a href=\"#prices\">Where your fees sit</a></li>")
        .append("<li><a href=\"#flags\">Your flags</a></li><li><a href=\"#read\">How to read this statement</a></li>")
        .append("</ol></nav>\n");

    long aboveP75 = groups.stream().mapToLong(GroupSummary::aboveP75).sum();
    long aboveP90 = groups.stream().mapToLong(GroupSummary::aboveP90).sum();
    BigDecimal atStake = sum(own.flags);
    h.append("<dl class=\"tiles\">\n");
    Tags.tile(h, "Your price points", Fmt.count(own.points.size()));
    Tags.tile(h, "Peer groups", Fmt.count(groups.size()));
    Tags.tile(h, "Above p75", Fmt.count(aboveP75));
    Tags.tile(h, "Above p90", Fmt.count(aboveP90));
    Tags.tile(h, "Your flags", Fmt.count(own.flags.size()));
    Tags.tile(h, "Still open", Fmt.count(own.flags.stream().filter(Flag::open).count()));
    Tags.tile(h, "At stake", Fmt.gbp(atStake));
    h.append("</dl>\n");

    prices(h, own, groups, csv);
    flagSection(h, own, d.period(), csv);

    h.append("<section aria-labelledby=\"read\">\n<h2 id=\"read\">How to read this statement</h2>\n<p>A price point is"
        + " one price per buyer, interface (or product), fee type and basis class over the benchmark window:"
        + " recurring charges annualised, per-transaction charges as a unit price, all net of VAT. Your price points"
        + " are grouped by peer group (same category, standard, fee type and basis class) and set against the"
        + " published band of that group, the same band every supplier and NHS body sees in the public report."
        + " Your median is the middle of your own prices in the group (the mean of the two middle ones for an even"
        + " number). Where a band is suppressed by disclosure control, no statistic of it is shown here and no"
        + " position is given against it. A position above p75 or p90 is not a finding by itself; a P4 flag is a"
        + " lead for review, and a P5 breach names the charges concerned. Each price point, with its band and"
        + " position, and each flag are rows of ");
    link(h, csv);
    h.append(".</p>\n");
    if (d.method() != null) {
      h.append("<dl class=\"method\">\n");
      for (Methodology.Point p : Methodology.points(d.method())) {
        h.append("<dt>").append(esc(p.heading())).append("</dt><dd>").append(esc(p.text())).append("</dd>\n");
      }
      h.append("</dl>\n");
    }
    h.append("</section>\n");
    Page.close(h, d.version());
    return h.toString();
  }

  /**
   * One peer group the supplier has price points in: how many, their median, and (against a
   * published band only) how many lie above p75 (those above p90 included) and above p90.
   */
  record GroupSummary(PeerGroup group, BenchmarkBand band, long points, BigDecimal median, long aboveP75,
      long aboveP90) {
    /** Whether the band is published, so that a position may be given against it. */
    boolean shown() {
      return band != null && band.published();
    }

    /** Where the median sits in the band; null against a suppressed or missing band. */
    Position medianPosition() {
      return position(median, band);
    }
  }

  /** Display order of the summary: basis class (one unit per block), then peer group order. */
  static final Comparator<PeerGroup> SUMMARY_ORDER = Comparator.comparing(PeerGroup::basisClass)
      .thenComparing(PeerGroup.ORDER);

  /** The supplier's peer groups, summarised, in {@link #SUMMARY_ORDER}. */
  static List<GroupSummary> summary(String supplierRef, ReportData d, List<PricePoint> points) {
    return summaries(Own.of(requireRef(supplierRef), d, points, List.of()));
  }

  private static List<GroupSummary> summaries(Own own) {
    Map<PeerGroup, List<BigDecimal>> prices = new TreeMap<>(SUMMARY_ORDER);
    own.points.forEach(p -> prices.computeIfAbsent(p.peerGroup(), k -> new ArrayList<>()).add(p.priceGbp()));
    List<GroupSummary> out = new ArrayList<>(prices.size());
    for (Map.Entry<PeerGroup, List<BigDecimal>> e : prices.entrySet()) {
      BenchmarkBand band = own.bands.get(e.getKey());
      List<BigDecimal> sorted = e.getValue().stream().sorted().toList();
      long above75 = 0;
      long above90 = 0;
      for (BigDecimal price : sorted) {
        Position pos = position(price, band);
        above75 += pos == Position.ABOVE_P75 || pos == Position.ABOVE_P90 ? 1 : 0;
        above90 += pos == Position.ABOVE_P90 ? 1 : 0;
      }
      out.add(new GroupSummary(e.getKey(), band, sorted.size(), median(sorted), above75, above90));
    }
    return out;
  }

  /** The median of sorted prices: the middle one, or the mean of the two middle ones (R-7 at 0.5). */
  static BigDecimal median(List<BigDecimal> sorted) {
    int n = sorted.size();
    if (n == 0) {
      throw new IllegalArgumentException("the median of no prices");
    }
    return n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }

  private static void prices(StringBuilder h, Own own, List<GroupSummary> all, String csv) {
    h.append("<section aria-labelledby=\"prices\">\n<h2 id=\"prices\">Where your fees sit against the published"
        + " bands</h2>\n");
    if (all.isEmpty()) {
      h.append("<p>No price points of yours in the benchmark window.</p>\n</section>\n");
      return;
    }
    List<GroupSummary> groups = all;
    if (all.size() > Budget.STATEMENT_PEER_GROUPS) {
      groups = all.stream().sorted(Comparator.comparingLong(GroupSummary::points).reversed()
          .thenComparing(GroupSummary::group, SUMMARY_ORDER)).limit(Budget.STATEMENT_PEER_GROUPS)
          .sorted(Comparator.comparing(GroupSummary::group, SUMMARY_ORDER)).toList();
    }
    h.append("<p>One row per peer group you have prices in: how many of your price points, your median against the"
        + " published band, and how many of your points lie above p75 (those above p90 included) and above p90."
        + " Every price point, with its band and its position, is in ");
    link(h, csv);
    h.append(".</p>\n");
    if (groups.size() < all.size()) {
      long hidden = all.size() - groups.size();
      long hiddenPoints = all.stream().mapToLong(GroupSummary::points).sum()
          - groups.stream().mapToLong(GroupSummary::points).sum();
      h.append("<p class=\"note\">You have prices in ").append(Fmt.count(all.size())).append(" peer groups; the ")
          .append(Fmt.count(groups.size())).append(" with the most price points are shown. The other ")
          .append(Fmt.count(hidden)).append(" peer groups (").append(Fmt.count(hiddenPoints))
          .append(" price points) are in ");
      link(h, csv);
      h.append(".</p>\n");
    }
    String caption = "Your price points by peer group";
    Tags.scroll(h, caption);
    Tags.table(h, "compact", caption, "Peer group", "#Your price points", "#Your median", "#p25", "#Median", "#p75",
        "#p90", "Your median is", "#Above p75", "#Above p90");
    String basis = null;
    for (GroupSummary g : groups) {
      if (!g.group().basisClass().equals(basis)) {
        basis = g.group().basisClass();
        h.append("<tr><th scope=\"rowgroup\" colspan=\"10\">").append(esc(Text.shorten(basisName(basis), 120)))
            .append("</th></tr>\n");
      }
      h.append("<tr><th scope=\"row\">").append(esc(Text.shorten(groupName(g.group()), 120))).append("</th>");
      Tags.num(h, Fmt.count(g.points()));
      Tags.num(h, Fmt.band(g.median()));
      Position pos = g.medianPosition();
      if (pos != null) {
        BenchmarkBand b = g.band();
        Tags.num(h, Fmt.band(b.p25()));
        Tags.num(h, Fmt.band(b.median()));
        Tags.num(h, Fmt.band(b.p75()));
        Tags.num(h, Fmt.band(b.p90()));
        h.append(pos == Position.BELOW_P25 ? "<td>" : "<td class=\"" + cssClass(pos) + "\">").append(esc(pos.words()))
            .append("</td>");
        Tags.num(h, Fmt.count(g.aboveP75()));
        Tags.num(h, Fmt.count(g.aboveP90()));
      } else {
        h.append("<td colspan=\"7\" class=\"suppressed\">").append(esc(Text.shorten(bandStatus(g.band()), 200)))
            .append(" (no position given)</td>");
      }
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    Tags.endScroll(h);

    Map<String, List<GroupSummary>> byBasis = new TreeMap<>();
    groups.forEach(g -> byBasis.computeIfAbsent(g.group().basisClass(), k -> new ArrayList<>()).add(g));
    for (Map.Entry<String, List<GroupSummary>> e : byBasis.entrySet()) {
      String heading = Text.shorten(Words.basisHeading(e.getKey()), 120);
      String unit = "£ " + Text.shorten(Words.basisUnit(e.getKey()), 60);
      List<BandChart.Row> rows = new ArrayList<>();
      for (GroupSummary g : e.getValue()) {
        BenchmarkBand b = g.band();
        boolean shown = g.shown();
        PeerGroup p = g.group();
        rows.add(new BandChart.Row(Text.shorten(Words.category(p.productCategory()), 90),
            Words.standard(p.interfaceStandard()) + " \u00b7 " + Words.feeType(p.feeType()).toLowerCase(Locale.ROOT),
            Text.shorten("Your median " + Fmt.band(g.median()) + " of " + points(g.points()) + "; "
                + (shown ? "band " + MarketReport.bandSummary(b) : bandStatus(b)), 300),
            shown ? b.p10() : null, shown ? b.p25() : null, shown ? b.median() : null, shown ? b.p75() : null,
            shown ? b.p90() : null, g.median(), Fmt.gbpShort(g.median())));
      }
      h.append("<h3>").append(esc(heading)).append("</h3>\n<figure>\n")
          .append(BandChart.svg(heading + ": your median against the band of each peer group (" + unit + ")",
              "One diamond per peer group (" + Fmt.count(rows.size()) + " in all) marks your median on the published"
                  + " band of the group; a group without a published band shows the diamond alone. The table \u201c"
                  + caption + "\u201d gives every value.", unit, "your median", rows))
          .append("<figcaption>").append(esc(heading))
          .append(": each diamond is your median in a peer group; the box and line are the published band of the"
              + " group.</figcaption>\n</figure>\n");
    }
    h.append("</section>\n");
  }

  private static void flagSection(StringBuilder h, Own own, String period, String csv) {
    h.append("<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">Your flags, ").append(esc(period))
        .append("</h2>\n");
    if (own.flags.isEmpty()) {
      h.append("<p>No line of yours was flagged this month.</p>\n</section>\n");
      return;
    }
    h.append("<p>Lines of yours flagged under the charter this month, and earlier flags still open, largest amount at"
        + " stake first. Decision says what the NHS commercial team decided: open (not yet reviewed), confirmed,"
        + " recovered (the money came back) or dismissed (the flag was wrong: nothing is at stake). What you can do"
        + " about each kind of flag:</p>\n<ul class=\"guidance\">\n");
    own.flags.stream().map(Flag::ruleCode).distinct().sorted().forEach(r -> h.append("<li><strong><code>")
        .append(esc(r.name())).append("</code></strong> (").append(esc(r.severity().value())).append("). Charter: ")
        .append(esc(r.principle())).append(". ")
        .append(esc(Guidance.whatYouCanDo(r))).append("</li>\n"));
    h.append("</ul>\n");
    String caption = "Your flags, largest amount at stake first";
    Tags.scroll(h, caption);
    Tags.table(h, "compact", caption, "#At stake", "Rule", "Decision", "Buyer", "Charge", "Invoice", "#Net amount",
        "Evidence");
    int shown = Budget.rows(h, own.flags, Budget.STATEMENT_FLAGS, Budget.STATEMENT_FLAG_BYTES, (row, f) -> {
      row.append("<tr>");
      Tags.num(row, Fmt.gbp(f.countedAtStakeGbp()));
      row.append("<td><code>").append(esc(f.rule())).append("</code><br>").append(esc(f.severityLevel().value()))
          .append("</td>");
      Tags.td(row, decisionWords(f, period));
      Tags.code(row, Text.shorten(f.buyerRef(), 64));
      Tags.wrap(row, Text.shorten(own.redact(FlagsRegister.charge(f)), Budget.TEXT_CHARS));
      Tags.wrap(row, Text.shorten(own.redact(FlagsRegister.invoice(f)), Budget.TEXT_CHARS));
      Tags.num(row, Fmt.gbp(f.netAmountGbp()));
      Tags.wrap(row, Text.shorten(own.redact(FlagsRegister.evidence(f)), Budget.TEXT_CHARS));
      row.append("</tr>\n");
    });
    Tags.endTable(h);
    Tags.endScroll(h);
    if (shown < own.flags.size()) {
      List<Flag> rest = own.flags.subList(shown, own.flags.size());
      h.append("<p class=\"more\">These are the ").append(Fmt.count(shown)).append(" flags with the most at stake, of ")
          .append(Fmt.count(own.flags.size())).append(". The other ").append(Fmt.count(rest.size()))
          .append(" flags (").append(esc(Fmt.gbp(sum(rest)))).append(" at stake) are rows of ");
      link(h, csv);
      h.append(", with their evidence and what you can do.</p>\n");
    }
    h.append("</section>\n");
  }

  private static String points(long n) {
    return Fmt.count(n) + (n == 1 ? " price point" : " price points");
  }

  /**
   * Names a file beside the page. Not a link: a page links only within itself (a statement is often
   * sent on its own, without its CSV), which the jobs' injection test also holds every page to.
   */
  private static void link(StringBuilder h, String file) {
    h.append("<code>").append(esc(file)).append("</code>");
  }

  private static String cssClass(Position pos) {
    return pos == Position.WITHIN_P25_P75 ? "pos-within" : "pos-above";
  }

  /** A flag's decision in words, with the month it was raised when that is not the statement's month. */
  static String decisionWords(Flag f, String period) {
    String d = f.open() ? "open" : f.decision().toLowerCase(java.util.Locale.ROOT);
    if (f.decided() == org.fairfee.schemas.Decision.RECOVERED) {
      d += " " + Fmt.gbp(f.recoveredGbp());
    }
    return period.equals(f.raisedPeriod()) ? d : d + " (raised " + f.raisedPeriod() + ")";
  }

  static BigDecimal sum(List<Flag> flags) {
    return flags.stream().map(Flag::countedAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** A basis class as the heading of its block of the summary, with its unit. */
  static String basisName(String basis) {
    return Words.basisHeading(basis) + " (£ " + Words.basisUnit(basis) + ")";
  }

  // ---- CSV ----

  /** The statement as one CSV table: price_point rows, then flag rows (see ReportTables.STATEMENT). */
  public static String csv(String supplierRef, ReportData d, List<PricePoint> points, List<Flag> flags) {
    Own own = Own.of(requireRef(supplierRef), d, points, flags);
    List<List<Object>> rows = new ArrayList<>();
    for (PricePoint p : own.points) {
      BenchmarkBand b = own.band(p);
      Position pos = position(p.priceGbp(), b);
      boolean shown = pos != null;
      rows.add(java.util.Arrays.asList(ReportTables.PRICE_POINT, supplierRef, p.buyerRef(), p.productCategory(),
          p.interfaceStandard(), p.feeType(), p.basisClass(), own.redact(p.productKey()), p.priceGbp(),
          shown ? "published" : bandStatus(b),
          shown ? b.p10() : null, shown ? b.p25() : null, shown ? b.median() : null, shown ? b.p75() : null,
          shown ? b.p90() : null, shown ? pos.words() : null,
          null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }
    for (Flag f : own.flags) {
      rows.add(java.util.Arrays.asList(ReportTables.FLAG, supplierRef, f.buyerRef(), f.productCategory(),
          f.interfaceStandard(), f.feeType(), null, null, null, null, null, null, null, null, null, null,
          f.flagId(), f.rule(), f.severityLevel().value(), own.redact(f.submissionId()), f.lineNo(),
          own.redact(f.interfaceRef()), own.redact(f.invoiceRef()), f.invoiceDate(), f.netAmountGbp(),
          f.countedAtStakeGbp(), own.redact(FlagsRegister.evidence(f)), Guidance.whatYouCanDo(f.ruleCode()),
          f.decision(), f.raisedPeriod()));
    }
    return Cells.csv(ReportTables.STATEMENT, rows);
  }

  // ---- helpers ----

  static String groupName(PeerGroup g) {
    return Words.category(g.productCategory()) + " \u00b7 " + Words.standard(g.interfaceStandard()) + " \u00b7 "
        + Words.feeType(g.feeType()).toLowerCase(java.util.Locale.ROOT);
  }

  static String bandStatus(BenchmarkBand b) {
    if (b == null) {
      return "no band for this peer group";
    }
    return b.published() ? "published" : "band " + Words.suppressed(b.suppressedReason());
  }

  /** This supplier's rows, sorted, the bands by peer group, and what must not show in free text. */
  private static final class Own {
    final List<PricePoint> points;
    final List<Flag> flags;
    final Map<PeerGroup, BenchmarkBand> bands = new HashMap<>();
    final Pattern others;
    final Map<String, String> replacement = new LinkedHashMap<>();

    private Own(List<PricePoint> points, List<Flag> flags, Pattern others) {
      this.points = points;
      this.flags = flags;
      this.others = others;
    }

    static Own of(String ref, ReportData d, List<PricePoint> allPoints, List<Flag> allFlags) {
      List<PricePoint> points = allPoints.stream().filter(p -> p.supplierRef().equals(ref))
          .sorted(PricePoint.ORDER).toList();
      List<Flag> flags = allFlags.stream().filter(f -> f.supplierRef().equals(ref))
          .sorted(Flag.BY_AMOUNT_AT_STAKE).toList();
      Set<String> customers = new TreeSet<>();
      points.forEach(p -> customers.add(p.buyerRef()));
      flags.forEach(f -> customers.add(f.buyerRef()));
      Map<String, String> hide = new TreeMap<>();
      allPoints.forEach(p -> hide.put(p.buyerRef(), OTHER_BUYER));
      allFlags.forEach(f -> hide.put(f.buyerRef(), OTHER_BUYER));
      customers.forEach(hide::remove);
      allPoints.forEach(p -> hide.put(p.supplierRef(), OTHER_SUPPLIER));
      allFlags.forEach(f -> hide.put(f.supplierRef(), OTHER_SUPPLIER));
      hide.remove(ref);
      Pattern others = hide.isEmpty() ? null : Pattern.compile("(?<![A-Za-z0-9-])("
          + hide.keySet().stream().sorted(Comparator.comparing(String::length).reversed().thenComparing(s -> s))
              .map(Pattern::quote).collect(Collectors.joining("|"))
          + ")(?![A-Za-z0-9-])", Pattern.CASE_INSENSITIVE);
      Own own = new Own(points, flags, others);
      hide.forEach((k, v) -> own.replacement.put(k.toUpperCase(java.util.Locale.ROOT), v));
      for (BenchmarkBand b : d.bands()) {
        own.bands.put(b.peerGroup(), b);
      }
      return own;
    }

    BenchmarkBand band(PricePoint p) {
      return bands.get(p.peerGroup());
    }

    /** Free text with every other supplier's and non-customer's reference replaced. */
    String redact(String text) {
      if (text == null || others == null) {
        return text;
      }
      Matcher m = others.matcher(text);
      StringBuilder sb = new StringBuilder();
      while (m.find()) {
        m.appendReplacement(sb, Matcher.quoteReplacement(
            replacement.getOrDefault(m.group(1).toUpperCase(java.util.Locale.ROOT), OTHER_SUPPLIER)));
      }
      m.appendTail(sb);
      return sb.toString();
    }
  }
}
