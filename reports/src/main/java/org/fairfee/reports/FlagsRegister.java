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
 * the CSV holds every flag with its evidence, largest amount at stake first (then submission_id,
 * line_no, rule); the page shows totals by rule, buyer and supplier and the flags with the most at
 * stake, and per-buyer totals go to their own CSV so a trust sees its recovery opportunities. It
 * names suppliers and buyers by their pseudonymous references and is marked RESTRICTED throughout.
 */
public final class FlagsRegister {
  private FlagsRegister() {}

  public static final String BANNER = "RESTRICTED: NHS commercial teams only";

  /** flags.csv: the month's flags in the order given (the jobs sort them), columns of {@code Tables.REVIEWED_FLAGS}. */
  public static String flagsCsv(List<Flag> flags) {
    return Cells.csv(Tables.REVIEWED_FLAGS, flags.stream().map(Cells::values).toList());
  }

  /** Every flag as a row of flags.csv's columns, in register order. */
  public static String csv(List<Flag> flags) {
    return Cells.csv(Tables.REVIEWED_FLAGS, sorted(flags).stream().map(Cells::values).toList());
  }

  /** Per buyer: buyer_ref, n_flags, amount_at_stake_gbp, largest amount first, then buyer_ref. */
  public static String buyerTotalsCsv(List<Flag> flags) {
    List<List<Object>> rows = new ArrayList<>();
    for (BuyerTotal t : buyerTotals(flags)) {
      rows.add(List.of(t.buyerRef(), t.flags(), t.amountAtStakeGbp()));
    }
    return Cells.csv(ReportTables.BUYER_TOTALS, rows);
  }

  /**
   * The register as one self-contained page, summary first: totals by rule, by buyer and by
   * supplier, then the flags with the most at stake. It says where the full list is (flags-register.csv
   * beside it, and the restricted workbook) and stays within {@link Budget#REGISTER_BYTES}.
   */
  public static String html(String period, String version, List<Flag> flags) {
    List<Flag> all = sorted(flags);
    BigDecimal total = SupplierStatement.sum(all);
    List<BuyerTotal> buyers = buyerTotals(all);
    List<SupplierTotal> suppliers = supplierTotals(all);
    String workbook = Workbook.fileName(period);
    StringBuilder h = new StringBuilder(131_072);
    Page.open(h, "fairfee flags register " + period + " (RESTRICTED)", "Flags register, " + period,
        "The lines flagged under the charter this month and earlier flags still open: totals by rule, buyer and"
            + " supplier, then the flags with the most at stake.", Page.Audience.RESTRICTED, BANNER);
    h.append("<nav class=\"toc\" aria-label=\"Contents\"><ol><li><a href=\"#rules\">By rule</a></li>")
        .append("<li><a href=\"#buyers\">By buyer</a></li><li><a href=\"#suppliers\">By supplier</a></li>")
        .append("<li><a href=\"#top\">Largest flags</a></li></ol></nav>\n");
    h.append("<p>For NHS commercial teams only: this register names suppliers and buyers by their pseudonymous"
        + " references. Do not publish or forward it. Every flag, with its evidence, is a row of ");
    link(h, CSV_FILE);
    h.append(" and of the ").append(esc(Workbook.FLAGS)).append(" sheet of ");
    link(h, workbook);
    h.append("; every buyer's totals are in ");
    link(h, BUYER_TOTALS_FILE);
    h.append(". Tables run largest amount at stake first. A line can be flagged under more than one rule, and then"
        + " counts in the totals once per rule. A flag raised in an earlier month stays here until a decision is"
        + " recorded for it (<code>--decisions</code>); a dismissed flag puts nothing at stake in any total.</p>\n"
        + "<dl class=\"tiles\">\n");
    Tags.tile(h, "Flags", Fmt.count(all.size()));
    Tags.tile(h, "Still open", Fmt.count(all.stream().filter(Flag::open).count()));
    Tags.tile(h, "Recovered", Fmt.gbp(recovered(all)));
    Tags.tile(h, "Suppliers flagged", Fmt.count(suppliers.size()));
    Tags.tile(h, "Buyers affected", Fmt.count(buyers.size()));
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
    int shownBuyers = Budget.rows(h, buyers, Budget.REGISTER_TOTALS, Long.MAX_VALUE, (row, t) -> {
      row.append("<tr>");
      Tags.code(row, Text.shorten(t.buyerRef(), 64));
      Tags.num(row, Fmt.count(t.flags()));
      Tags.num(row, Fmt.gbp(t.amountAtStakeGbp()));
      row.append("</tr>\n");
    });
    totalRow(h, "All " + Fmt.count(buyers.size()) + (buyers.size() == 1 ? " buyer" : " buyers"), all.size(), total);
    Tags.endTable(h);
    if (shownBuyers < buyers.size()) {
      List<BuyerTotal> rest = buyers.subList(shownBuyers, buyers.size());
      more(h, shownBuyers, "buyers", rest.size(), rest.stream().mapToLong(BuyerTotal::flags).sum(),
          rest.stream().map(BuyerTotal::amountAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add));
      link(h, BUYER_TOTALS_FILE);
      h.append(".</p>\n");
    }
    h.append("</section>\n");

    h.append("<section aria-labelledby=\"suppliers\">\n<h2 id=\"suppliers\">By supplier</h2>\n");
    Tags.table(h, null, "Flags, buyers and pounds at stake per supplier, largest first", "Supplier", "#Flags",
        "#Buyers", "#At stake");
    int shownSuppliers = Budget.rows(h, suppliers, Budget.REGISTER_TOTALS, Long.MAX_VALUE, (row, t) -> {
      row.append("<tr>");
      Tags.code(row, Text.shorten(t.supplierRef(), 64));
      Tags.num(row, Fmt.count(t.flags()));
      Tags.num(row, Fmt.count(t.buyers()));
      Tags.num(row, Fmt.gbp(t.amountAtStakeGbp()));
      row.append("</tr>\n");
    });
    h.append("<tr class=\"total\"><td>All ").append(Fmt.count(suppliers.size()))
        .append(suppliers.size() == 1 ? " supplier" : " suppliers").append("</td>");
    Tags.num(h, Fmt.count(all.size()));
    Tags.num(h, Fmt.count(buyers.size()));
    Tags.num(h, Fmt.gbp(total));
    h.append("</tr>\n");
    Tags.endTable(h);
    if (shownSuppliers < suppliers.size()) {
      List<SupplierTotal> rest = suppliers.subList(shownSuppliers, suppliers.size());
      more(h, shownSuppliers, "suppliers", rest.size(), rest.stream().mapToLong(SupplierTotal::flags).sum(),
          rest.stream().map(SupplierTotal::amountAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add));
      h.append("the ").append(esc(Workbook.SUPPLIER_TOTALS)).append(" sheet of ");
      link(h, workbook);
      h.append(", by rule.</p>\n");
    }
    h.append("</section>\n");

    h.append("<section aria-labelledby=\"top\">\n<h2 id=\"top\">The flags with the most at stake</h2>\n");
    String caption = "Flags, largest amount at stake first";
    Tags.scroll(h, caption);
    Tags.table(h, "compact", caption, "#At stake", "Rule", "Decision", "Supplier and buyer", "Charge", "Invoice",
        "#Net amount", "Evidence");
    int shown = Budget.rows(h, all, Budget.REGISTER_FLAGS, Budget.REGISTER_FLAG_BYTES, (row, f) -> {
      row.append("<tr>");
      Tags.num(row, Fmt.gbp(f.amountAtStakeGbp()));
      row.append("<td><code>").append(esc(f.rule())).append("</code><br>").append(esc(f.severityLevel().value()))
          .append("</td>");
      Tags.td(row, SupplierStatement.decisionWords(f, period) + (f.ageMonths() > 0 ? ", " + f.ageMonths()
          + (f.ageMonths() == 1 ? " month old" : " months old") : ""));
      row.append("<td><code>").append(esc(Text.shorten(f.supplierRef(), 64))).append("</code><br>to <code>")
          .append(esc(Text.shorten(f.buyerRef(), 64))).append("</code></td>");
      Tags.wrap(row, Text.shorten(charge(f), Budget.TEXT_CHARS));
      Tags.wrap(row, Text.shorten(invoice(f), Budget.TEXT_CHARS));
      Tags.num(row, Fmt.gbp(f.netAmountGbp()));
      Tags.wrap(row, Text.shorten(evidence(f), Budget.TEXT_CHARS));
      row.append("</tr>\n");
    });
    Tags.endTable(h);
    Tags.endScroll(h);
    if (shown < all.size()) {
      List<Flag> rest = all.subList(shown, all.size());
      h.append("<p class=\"more\">These are the ").append(Fmt.count(shown)).append(" flags with the most at stake, of ")
          .append(Fmt.count(all.size())).append(". The other ").append(Fmt.count(rest.size())).append(" flags (")
          .append(esc(Fmt.gbp(SupplierStatement.sum(rest)))).append(" at stake) are rows of ");
      link(h, CSV_FILE);
      h.append(" and of the ").append(esc(Workbook.FLAGS)).append(" sheet of ");
      link(h, workbook);
      h.append(".</p>\n");
    }
    h.append("</section>\n");
    Page.close(h, version);
    return h.toString();
  }

  /** Pounds recovered on RECOVERED flags. */
  public static BigDecimal recovered(List<Flag> flags) {
    return flags.stream().filter(f -> f.recoveredGbp() != null).map(Flag::recoveredGbp)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The register's CSV, beside its page in restricted/. */
  public static final String CSV_FILE = "flags-register.csv";
  /** Every buyer's totals, beside the register in restricted/. */
  public static final String BUYER_TOTALS_FILE = "buyer-totals.csv";

  private static void totalRow(StringBuilder h, String label, long flags, BigDecimal amount) {
    h.append("<tr class=\"total\"><td>").append(esc(label)).append("</td>");
    Tags.num(h, Fmt.count(flags));
    Tags.num(h, Fmt.gbp(amount));
    h.append("</tr>\n");
  }

  /** Opens the paragraph that says how many rows a totals table left out; the caller says where they are. */
  private static void more(StringBuilder h, int shown, String what, int rest, long flags, BigDecimal amount) {
    h.append("<p class=\"more\">The ").append(Fmt.count(shown)).append(' ').append(what)
        .append(" with the most at stake are shown. The other ").append(Fmt.count(rest)).append(' ').append(what)
        .append(" (").append(Fmt.count(flags)).append(flags == 1 ? " flag, " : " flags, ")
        .append(esc(Fmt.gbp(amount))).append(" at stake) are in ");
  }

  /** Names a file beside the page; not a link, since a page links only within itself. */
  private static void link(StringBuilder h, String file) {
    h.append("<code>").append(esc(file)).append("</code>");
  }

  /** One supplier's flags, the buyers they concern and the pounds at stake. */
  public record SupplierTotal(String supplierRef, long flags, long buyers, BigDecimal amountAtStakeGbp) {}

  /** Per-supplier totals, largest amount first, then supplier_ref. */
  public static List<SupplierTotal> supplierTotals(List<Flag> flags) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    Map<String, java.util.Set<String>> buyers = new HashMap<>();
    for (Flag f : flags) {
      counts.computeIfAbsent(f.supplierRef(), k -> new long[1])[0]++;
      sums.merge(f.supplierRef(), f.countedAtStakeGbp(), BigDecimal::add);
      buyers.computeIfAbsent(f.supplierRef(), k -> new java.util.HashSet<>()).add(f.buyerRef());
    }
    return counts.keySet().stream()
        .map(s -> new SupplierTotal(s, counts.get(s)[0], buyers.get(s).size(), sums.get(s)))
        .sorted(Comparator.comparing(SupplierTotal::amountAtStakeGbp, Comparator.reverseOrder())
            .thenComparing(SupplierTotal::supplierRef))
        .toList();
  }

  /** One buyer's flags and pounds at stake. */
  public record BuyerTotal(String buyerRef, long flags, BigDecimal amountAtStakeGbp) {}

  /** Per-buyer totals, largest amount first, then buyer_ref. */
  public static List<BuyerTotal> buyerTotals(List<Flag> flags) {
    Map<String, long[]> counts = new HashMap<>();
    Map<String, BigDecimal> sums = new HashMap<>();
    for (Flag f : flags) {
      counts.computeIfAbsent(f.buyerRef(), k -> new long[1])[0]++;
      sums.merge(f.buyerRef(), f.countedAtStakeGbp(), BigDecimal::add);
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
