package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

  /** The private statement page for one supplier. */
  public static String html(String supplierRef, ReportData d, List<PricePoint> points, List<Flag> flags) {
    Own own = Own.of(requireRef(supplierRef), d, points, flags);
    StringBuilder h = new StringBuilder(32_768);
    Page.open(h, "fairfee statement " + supplierRef + " " + d.period() + " (PRIVATE)",
        "Statement for supplier " + supplierRef,
        "Your interface and licence fees against the published benchmark bands, month " + d.period(),
        Page.Audience.PRIVATE, "PRIVATE: for supplier " + supplierRef + " only. It names no other supplier;"
            + " your customers appear by their pseudonymous buyer references.");

    Map<Position, Long> byPosition = new EnumMap<>(Position.class);
    own.points.forEach(p -> {
      Position pos = position(p.priceGbp(), own.band(p));
      if (pos != null) {
        byPosition.merge(pos, 1L, Long::sum);
      }
    });
    BigDecimal atStake = own.flags.stream().map(Flag::amountAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add);
    h.append("<dl class=\"tiles\">\n");
    Tags.tile(h, "Your price points", Fmt.count(own.points.size()));
    Tags.tile(h, "Within p25 to p75", Fmt.count(byPosition.getOrDefault(Position.WITHIN_P25_P75, 0L)));
    Tags.tile(h, "Above p75", Fmt.count(byPosition.getOrDefault(Position.ABOVE_P75, 0L)
        + byPosition.getOrDefault(Position.ABOVE_P90, 0L)));
    Tags.tile(h, "Above p90", Fmt.count(byPosition.getOrDefault(Position.ABOVE_P90, 0L)));
    Tags.tile(h, "Your flags", Fmt.count(own.flags.size()));
    Tags.tile(h, "At stake", Fmt.gbp(atStake));
    h.append("</dl>\n");

    prices(h, own);
    flagSection(h, own);

    h.append("<section aria-labelledby=\"read\">\n<h2 id=\"read\">How to read this statement</h2>\n<p>A price point is"
        + " one price per buyer, interface (or product), fee type and basis class over the benchmark window:"
        + " recurring charges annualised, per-transaction charges as a unit price, all net of VAT. Each is set"
        + " against the published band of its peer group (same category, standard, fee type and basis class),"
        + " the same band every supplier and NHS body sees in the public report. Where a band is suppressed by"
        + " disclosure control, no statistic of it is shown here either. A position above p75 or p90 is not a"
        + " finding by itself; a P4 flag is a lead for review, and a P5 breach names the charges concerned.</p>\n");
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

  private static void prices(StringBuilder h, Own own) {
    h.append("<section aria-labelledby=\"prices\">\n<h2 id=\"prices\">Your prices against the published bands</h2>\n");
    if (own.points.isEmpty()) {
      h.append("<p>No price points of yours in the benchmark window.</p>\n</section>\n");
      return;
    }
    Map<String, List<PricePoint>> byBasis = new TreeMap<>();
    own.points.forEach(p -> byBasis.computeIfAbsent(p.basisClass(), k -> new ArrayList<>()).add(p));
    for (Map.Entry<String, List<PricePoint>> e : byBasis.entrySet()) {
      String heading = Words.basisHeading(e.getKey());
      String unit = "£ " + Words.basisUnit(e.getKey());
      h.append("<h3>").append(esc(heading)).append("</h3>\n");
      List<BandChart.Row> rows = new ArrayList<>();
      for (PricePoint p : e.getValue()) {
        BenchmarkBand b = own.band(p);
        boolean shown = b != null && b.published();
        rows.add(new BandChart.Row(groupName(p.peerGroup()) + (shown ? "" : ": no published band"),
            p.buyerRef() + " \u00b7 " + own.redact(p.productKey()),
            "Your price to " + p.buyerRef() + ": " + Fmt.price(p.priceGbp())
                + (shown ? "; " + MarketReport.bandSummary(b) : "; " + bandStatus(b)),
            shown ? b.p10() : null, shown ? b.p25() : null, shown ? b.median() : null, shown ? b.p75() : null,
            shown ? b.p90() : null, p.priceGbp(), Fmt.gbpShort(p.priceGbp())));
      }
      h.append("<figure>\n").append(BandChart.svg(heading + ": your prices against the bands (" + unit + ")",
          "Your " + rows.size() + " price points as diamonds on the published band of each peer group; the table"
              + " that follows gives every value.", unit, "your price", rows))
          .append("<figcaption>").append(esc(heading))
          .append(": each diamond is one of your prices; the box and line are the published band of its peer group."
              + "</figcaption>\n</figure>\n");
      Tags.scroll(h, heading + ": your price points");
      Tags.table(h, "compact", heading + ": your price points", "Buyer", "Interface or product", "#Lines",
          "#Your price", "#p10", "#p25", "#Median", "#p75", "#p90", "Position");
      PeerGroup group = null;
      for (PricePoint p : e.getValue()) {
        if (!p.peerGroup().equals(group)) {
          group = p.peerGroup();
          h.append("<tr><th scope=\"rowgroup\" colspan=\"10\">").append(esc(groupName(group))).append("</th></tr>\n");
        }
        BenchmarkBand b = own.band(p);
        h.append("<tr>");
        Tags.code(h, p.buyerRef());
        Tags.wrap(h, own.redact(p.productKey()));
        Tags.num(h, Fmt.count(p.nLines()));
        Tags.num(h, Fmt.band(p.priceGbp()));
        Position pos = position(p.priceGbp(), b);
        if (pos != null) {
          Tags.num(h, Fmt.band(b.p10()));
          Tags.num(h, Fmt.band(b.p25()));
          Tags.num(h, Fmt.band(b.median()));
          Tags.num(h, Fmt.band(b.p75()));
          Tags.num(h, Fmt.band(b.p90()));
          String css = pos == Position.WITHIN_P25_P75 ? "pos-within" : pos.name().startsWith("ABOVE") ? "pos-above" : "";
          h.append("<td class=\"").append(css).append("\">").append(esc(pos.words())).append("</td>");
        } else {
          h.append("<td colspan=\"6\" class=\"suppressed\">").append(esc(bandStatus(b))).append("</td>");
        }
        h.append("</tr>\n");
      }
      Tags.endTable(h);
      Tags.endScroll(h);
    }
    h.append("</section>\n");
  }

  private static void flagSection(StringBuilder h, Own own) {
    h.append("<section aria-labelledby=\"flags\">\n<h2 id=\"flags\">Your flags</h2>\n");
    if (own.flags.isEmpty()) {
      h.append("<p>No line of yours was flagged this month.</p>\n</section>\n");
      return;
    }
    h.append("<p>Lines of yours flagged under the charter this month, largest amount at stake first. What you can do"
        + " about each kind of flag:</p>\n<ul class=\"guidance\">\n");
    own.flags.stream().map(Flag::ruleCode).distinct().sorted().forEach(r -> h.append("<li><strong><code>")
        .append(esc(r.name())).append("</code></strong> (").append(esc(r.severity().value())).append("). Charter: ")
        .append(esc(r.principle())).append(". ")
        .append(esc(Guidance.whatYouCanDo(r))).append("</li>\n"));
    h.append("</ul>\n");
    Tags.scroll(h, "Your flags, largest amount at stake first");
    Tags.table(h, "compact", "Your flags, largest amount at stake first", "#At stake", "Rule", "Buyer", "Charge",
        "Invoice", "#Net amount", "Evidence");
    for (Flag f : own.flags) {
      h.append("<tr>");
      Tags.num(h, Fmt.gbp(f.amountAtStakeGbp()));
      h.append("<td><code>").append(esc(f.rule())).append("</code><br>").append(esc(f.severityLevel().value()))
          .append("</td>");
      Tags.code(h, f.buyerRef());
      Tags.wrap(h, own.redact(FlagsRegister.charge(f)));
      Tags.wrap(h, own.redact(FlagsRegister.invoice(f)));
      Tags.num(h, Fmt.gbp(f.netAmountGbp()));
      Tags.wrap(h, own.redact(FlagsRegister.evidence(f)));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    Tags.endScroll(h);
    h.append("</section>\n");
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
          null, null, null, null, null, null, null, null, null, null, null));
    }
    for (Flag f : own.flags) {
      rows.add(java.util.Arrays.asList(ReportTables.FLAG, supplierRef, f.buyerRef(), f.productCategory(),
          f.interfaceStandard(), f.feeType(), null, null, null, null, null, null, null, null, null, null,
          f.rule(), f.severityLevel().value(), own.redact(f.submissionId()), f.lineNo(), own.redact(f.interfaceRef()),
          own.redact(f.invoiceRef()), f.invoiceDate(), f.netAmountGbp(), f.amountAtStakeGbp(),
          own.redact(FlagsRegister.evidence(f)), Guidance.whatYouCanDo(f.ruleCode())));
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
