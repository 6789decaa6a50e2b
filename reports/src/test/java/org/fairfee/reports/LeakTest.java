package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

/**
 * Who may see what. Public: report.html and the public workbook name no supplier, buyer or
 * submission. Restricted: the full workbook names them only on its Flags and Supplier totals sheets.
 * Private: a statement names no other supplier and no buyer that is not its supplier's customer.
 * Suppressed: no statistic of a suppressed cell appears anywhere.
 */
class LeakTest {
  static final Fixture GOLDEN = Fixture.golden();
  static final Fixture DEMO = Demo.fixture();

  @Test
  void theReportNamesNoSupplierBuyerOrSubmission() {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      String html = MarketReport.render(f.data());
      assertEquals(List.of(), named(html, f.refs()));
      assertFalse(html.contains("SUB-"), "no submission id");
    }
  }

  @Test
  void thePublicWorkbookNamesNoSupplierOrBuyer() throws Exception {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      Map<String, List<List<String>>> sheets = Sheets.text(Workbook.renderPublic(f.data()));
      sheets.forEach((name, rows) -> assertEquals(List.of(), named(Sheets.joined(rows), f.refs()), name));
    }
  }

  @Test
  void theFullWorkbookNamesThemOnlyOnItsRestrictedSheets() throws Exception {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      Map<String, List<List<String>>> sheets = Sheets.text(Workbook.render(f.data(), f.flags()));
      for (String name : List.of(Workbook.README, Workbook.BENCHMARKS, Workbook.DATA_QUALITY)) {
        assertEquals(List.of(), named(Sheets.joined(sheets.get(name)), f.refs()), name);
      }
      String flags = Sheets.joined(sheets.get(Workbook.FLAGS));
      f.flags().forEach(x -> assertTrue(flags.contains(x.supplierRef()) && flags.contains(x.buyerRef())));
    }
  }

  @Test
  void aStatementNamesNoOtherSupplierAndOnlyItsOwnCustomers() {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      Set<String> suppliers = new TreeSet<>(f.supplierRefs());
      Set<String> buyers = new TreeSet<>();
      f.points().forEach(p -> buyers.add(p.buyerRef()));
      f.flags().forEach(x -> buyers.add(x.buyerRef()));
      assertTrue(suppliers.size() >= 3);
      for (String s : suppliers) {
        Set<String> customers = new TreeSet<>();
        f.points().stream().filter(p -> p.supplierRef().equals(s)).forEach(p -> customers.add(p.buyerRef()));
        f.flags().stream().filter(x -> x.supplierRef().equals(s)).forEach(x -> customers.add(x.buyerRef()));
        List<String> forbidden = new ArrayList<>();
        suppliers.stream().filter(o -> !o.equals(s)).forEach(forbidden::add);
        buyers.stream().filter(b -> !customers.contains(b)).forEach(forbidden::add);
        for (String out : List.of(SupplierStatement.html(s, f.data(), f.points(), f.flags()),
            SupplierStatement.csv(s, f.data(), f.points(), f.flags()))) {
          assertEquals(List.of(), named(out, forbidden), "statement of " + s);
          assertTrue(out.contains(s));
        }
      }
    }
  }

  @Test
  void otherRefsInFreeTextAreReplacedInAStatement() {
    Flag base = GOLDEN.flags().get(0);
    Flag leaky = new Flag(base.submissionId(), 99, "SUP-ALPHA", "BUY-TRUST-01", "P5_RECHARGE", "breach",
        base.netAmountGbp(), base.amountAtStakeGbp(), "SUB-0051", 2,
        "Development already charged by sup-bravo to BUY-PCN-09 and BUY-TRUST-01; see SUP-BRAVO invoice B-77.",
        null, null, null, null, null, base.invoiceDate(), "LIMS", "HL7_V2", "DEVELOPMENT", "SUP-CHARLIE-LINK",
        "SUP-BRAVO/77");
    List<Flag> flags = new ArrayList<>(GOLDEN.flags());
    flags.add(leaky);
    for (String out : List.of(SupplierStatement.html("SUP-ALPHA", GOLDEN.data(), GOLDEN.points(), flags),
        SupplierStatement.csv("SUP-ALPHA", GOLDEN.data(), GOLDEN.points(), flags))) {
      assertEquals(List.of(), named(out, List.of("SUP-BRAVO", "SUP-CHARLIE", "BUY-PCN-09")));
      assertTrue(out.contains("Development already charged by [another supplier] to [another buyer] and BUY-TRUST-01;"
          + " see [another supplier] invoice B-77."), out);
      assertTrue(out.contains("SUP-CHARLIE-LINK"), "a longer reference is not another supplier's");
      assertTrue(out.contains("[another supplier]/77"), "an invoice number holding a supplier's ref");
    }
  }

  @Test
  void suppressedCellsCarryNoStatisticInTheReport() {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      String html = MarketReport.render(f.data());
      long suppressed = f.data().bands().stream().filter(b -> !b.published()).count();
      List<String> rows = rows(html, "suppressed:");
      assertEquals(suppressed, rows.size());
      rows.forEach(r -> assertFalse(r.contains("£"), r));
    }
  }

  @Test
  void suppressedBandsShowNoStatisticOrPositionInStatements() {
    for (Fixture f : List.of(GOLDEN, DEMO)) {
      Map<org.fairfee.reports.model.PeerGroup, BenchmarkBand> bands = new java.util.HashMap<>();
      f.data().bands().forEach(b -> bands.put(b.peerGroup(), b));
      int checked = 0;
      for (String s : f.supplierRefs()) {
        for (Map<String, String> r : Csvs.records(SupplierStatement.csv(s, f.data(), f.points(), f.flags()))) {
          if (!r.get(ReportTables.RECORD).equals(ReportTables.PRICE_POINT)
              || r.get(ReportTables.BAND_STATUS).equals("published")) {
            continue;
          }
          checked++;
          for (String c : List.of(Cols.P10, Cols.P25, Cols.MEDIAN, Cols.P75, Cols.P90, ReportTables.POSITION)) {
            assertEquals("", r.get(c), c + " of " + r);
          }
        }
        String html = SupplierStatement.html(s, f.data(), f.points(), f.flags());
        for (String row : rows(html, "band suppressed:")) {
          Matcher m = Pattern.compile("£").matcher(row);
          int pounds = 0;
          while (m.find()) {
            pounds++;
          }
          assertEquals(1, pounds, "only the supplier's own price: " + row);
        }
      }
      assertTrue(checked > 0, "the fixture has price points in suppressed peer groups");
    }
  }

  @Test
  void suppressedMonthsShowNoMedian() {
    String html = MarketReport.render(GOLDEN.data());
    assertTrue(html.contains("Median price by month (s: suppressed"));
    assertFalse(html.contains("£99,999"), "a month before the window is not shown");
    assertTrue(html.contains("<th scope=\"col\" class=\"num\">Jun 25</th>"), "the window starts 11 months back");
  }

  // ---- helpers ----

  /** The refs that occur in text as whole tokens (not inside a longer reference). */
  static List<String> named(String text, List<String> refs) {
    List<String> found = new ArrayList<>();
    for (String r : refs) {
      if (Pattern.compile("(?<![A-Za-z0-9-])" + Pattern.quote(r) + "(?![A-Za-z0-9-])", Pattern.CASE_INSENSITIVE)
          .matcher(text).find()) {
        found.add(r);
      }
    }
    return found;
  }

  static List<String> named(String text, Set<String> refs) {
    return named(text, new ArrayList<>(refs));
  }

  /** The table rows of an HTML page that contain marker. */
  static List<String> rows(String html, String marker) {
    List<String> out = new ArrayList<>();
    String[] parts = html.split("<tr");
    for (String r : java.util.Arrays.copyOfRange(parts, 1, parts.length)) {
      String row = r.contains("</tr>") ? r.substring(0, r.indexOf("</tr>")) : r;
      if (row.contains(marker)) {
        out.add(row);
      }
    }
    return out;
  }
}
