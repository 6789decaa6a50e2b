package org.fairfee.reports;

import static org.fairfee.reports.Html.esc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.schemas.Tables;

/**
 * The restricted flags register for NHS commercial teams (restricted/flags-register.csv and .html):
 * every flag with its evidence, largest amount at stake first (then submission_id, line_no, rule),
 * and per-buyer totals so a trust sees its own recovery opportunities. It names suppliers and buyers
 * by their pseudonymous references and is marked RESTRICTED throughout.
 */
public final class FlagsRegister {
  private FlagsRegister() {}

  public static final String BANNER = "RESTRICTED: NHS commercial teams only";

  /** Every flag as a row of flags.csv's columns, in register order. */
  public static String csv(List<Flag> flags) {
    return Cells.csv(Tables.FLAGS, sorted(flags).stream().map(Cells::values).toList());
  }

  /** Per buyer: buyer_ref, n_flags, amount_at_stake_gbp, largest amount first, then buyer_ref. */
  public static String buyerTotalsCsv(List<Flag> flags) {
    List<List<Object>> rows = new ArrayList<>();
    for (BuyerTotal t : buyerTotals(flags)) {
      rows.add(List.of(t.buyerRef(), t.flags(), t.amountAtStakeGbp()));
    }
    return Cells.csv(ReportTables.BUYER_TOTALS, rows);
  }

  /** The register as one self-contained page, already sorted by pounds at stake (no script). */
  public static String html(String period, String version, List<Flag> flags) {
    List<Flag> all = sorted(flags);
    BigDecimal total = all.stream().map(Flag::amountAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add);
    StringBuilder h = new StringBuilder(32_768 + all.size() * 600);
    Page.open(h, "fairfee flags register " + period + " (RESTRICTED)", "Flags register, " + period,
        "Every line flagged under the charter this month, with its evidence.", Page.Audience.RESTRICTED, BANNER);
    h.append("<p>For NHS commercial teams only: this register names suppliers and buyers by their pseudonymous"
        + " references. Do not publish or forward it. The tables are sorted by pounds at stake, largest first;"
        + " to find your organisation, search the page for your buyer reference. A line can be flagged under more"
        + " than one rule, and then counts in the totals once per rule.</p>\n<dl class=\"tiles\">\n");
    Tags.tile(h, "Flags", Fmt.count(all.size()));
    Tags.tile(h, "Suppliers flagged", Fmt.count(all.stream().map(Flag::supplierRef).distinct().count()));
    Tags.tile(h, "Buyers affected", Fmt.count(all.stream().map(Flag::buyerRef).distinct().count()));
    Tags.tile(h, "At stake, all rules", Fmt.gbp(total));
    h.append("</dl>\n");

    h.append("<section aria-labelledby=\"rules\">\n<h2 id=\"rules\">By rule</h2>\n");
    Tags.table(h, null, "Flags by rule", "Rule", "Severity", "Charter principle", "#Flags", "#At stake");
    for (RuleTotal t : RuleTotal.of(all)) {
      h.append("<tr>");
      Tags.code(h, t.rule().name());
      Tags.td(h, t.rule().severity().value());
      Tags.td(h, t.rule().principle());
      Tags.num(h, Fmt.count(t.flags()));
      Tags.num(h, Fmt.gbp(t.amountAtStakeGbp()));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    h.append("</section>\n");

    h.append("<section aria-labelledby=\"buyers\">\n<h2 id=\"buyers\">By buyer: recovery opportunities</h2>\n");
    Tags.table(h, null, "Flags and pounds at stake per buyer, largest first", "Buyer", "#Flags", "#At stake");
    for (BuyerTotal t : buyerTotals(all)) {
      h.append("<tr>");
      Tags.code(h, t.buyerRef());
      Tags.num(h, Fmt.count(t.flags()));
      Tags.num(h, Fmt.gbp(t.amountAtStakeGbp()));
      h.append("</tr>\n");
    }
    h.append("<tr class=\"total\"><td>All buyers</td>");
    Tags.num(h, Fmt.count(all.size()));
    Tags.num(h, Fmt.gbp(total));
    h.append("</tr>\n");
    Tags.endTable(h);
    h.append("</section>\n");

    h.append("<section aria-labelledby=\"all\">\n<h2 id=\"all\">Every flag</h2>\n");
    Tags.scroll(h, "Every flag, largest amount at stake first");
    Tags.table(h, "compact", "Every flag, largest amount at stake first", "#At stake", "Rule", "Supplier and buyer",
        "Charge", "Invoice", "#Net amount", "Evidence");
    for (Flag f : all) {
      h.append("<tr>");
      Tags.num(h, Fmt.gbp(f.amountAtStakeGbp()));
      h.append("<td><code>").append(esc(f.rule())).append("</code><br>").append(esc(f.severityLevel().value()))
          .append("</td>");
      h.append("<td><code>").append(esc(f.supplierRef())).append("</code><br>to <code>")
          .append(esc(f.buyerRef())).append("</code></td>");
      Tags.wrap(h, charge(f));
      Tags.wrap(h, invoice(f));
      Tags.num(h, Fmt.gbp(f.netAmountGbp()));
      Tags.wrap(h, evidence(f));
      h.append("</tr>\n");
    }
    Tags.endTable(h);
    Tags.endScroll(h);
    h.append("</section>\n");
    Page.close(h, version);
    return h.toString();
  }

  /** One buyer's flags and pounds at stake. */
  public record BuyerTotal(String buyerRef, long flags, BigDecimal amountAtStakeGbp) {}

  /** Per-buyer totals, largest amount first, then buyer_ref. */
  public static List<BuyerTotal> buyerTotals(List<Flag> flags) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Flag f : flags) {
      counts.computeIfAbsent(f.buyerRef(), k -> new long[1])[0]++;
      sums.merge(f.buyerRef(), f.amountAtStakeGbp(), BigDecimal::add);
    }
    return counts.keySet().stream().map(b -> new BuyerTotal(b, counts.get(b)[0], sums.get(b)))
        .sorted(Comparator.comparing(BuyerTotal::amountAtStakeGbp, Comparator.reverseOrder())
            .thenComparing(BuyerTotal::buyerRef))
        .toList();
  }

  static List<Flag> sorted(List<Flag> flags) {
    return flags.stream().sorted(Flag.BY_AMOUNT_AT_STAKE).toList();
  }

  /** What was charged: category, standard, fee type and the interface. */
  static String charge(Flag f) {
    return Words.category(f.productCategory()) + ", " + Words.standard(f.interfaceStandard()) + ", "
        + Words.feeType(f.feeType()).toLowerCase(java.util.Locale.ROOT)
        + (f.interfaceRef() == null ? "" : "; interface " + f.interfaceRef());
  }

  /** Where the line is: invoice reference and date, its submission and line, and the earlier charge if any. */
  static String invoice(Flag f) {
    return (f.invoiceRef() == null ? "no invoice number" : f.invoiceRef()) + ", " + f.invoiceDate()
        + "; submission " + f.submissionId() + " line " + f.lineNo()
        + (f.relatedSubmissionId() == null ? "" : "; earlier charge: submission " + f.relatedSubmissionId()
            + (f.relatedLineNo() == null ? "" : " line " + f.relatedLineNo()));
  }

  /** The evidence, with the numbers behind a P4 flag where there are any. */
  static String evidence(Flag f) {
    List<String> parts = new ArrayList<>();
    if (f.expectedFeeGbp() != null) {
      parts.add("expected " + Fmt.price(f.expectedFeeGbp()));
    }
    if (f.bandLowGbp() != null && f.bandHighGbp() != null) {
      parts.add("band " + Fmt.price(f.bandLowGbp()) + " to " + Fmt.price(f.bandHighGbp()));
    }
    if (f.ratio() != null) {
      parts.add("ratio " + Fmt.times(f.ratio()));
    }
    if (f.score() != null) {
      parts.add("score " + Fmt.decimal1(f.score()));
    }
    return f.evidence() + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")");
  }
}
