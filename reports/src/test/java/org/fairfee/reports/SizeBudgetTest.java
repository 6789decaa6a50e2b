package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.schemas.InterfaceStandard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No published page grows past its budget (Budget; reports/README.md says why), on markets made up
 * in memory at growing sizes up to national scale and beyond: a statement <= 1 MiB, the register
 * and the report <= 2 MiB. Each page still says how much there is and where the rest is. Sizes are
 * printed, one line per page, for the README.
 */
class SizeBudgetTest {
  static final String SUPPLIER = "SUP-001";
  static final List<PeerGroup> EVERY_GROUP = SyntheticMarket.everyPeerGroup();
  static final List<BenchmarkBand> BANDS = SyntheticMarket.bands(EVERY_GROUP, 7, new Random(11));
  static final ReportData DATA = SyntheticMarket.data(BANDS, List.of(), List.of());

  /** The peer groups of a large supplier as the generator makes them: three categories, three standards each. */
  static final List<PeerGroup> TYPICAL = EVERY_GROUP.stream()
      .filter(g -> List.of("EPR", "PAS", "LIMS").contains(g.productCategory())
          && List.of("HL7_V2", "FHIR_UK_CORE", "PROPRIETARY").contains(g.interfaceStandard()))
      .toList();

  @ParameterizedTest(name = "{0} price points")
  @ValueSource(ints = {1_000, 10_000, 100_000})
  void aStatementStaysWithinItsBudget(int n) {
    Random rnd = new Random(n);
    int nFlags = 2_000 + n / 10;
    List<Flag> flags = SyntheticMarket.flags(nFlags, List.of(SUPPLIER), 3_000, rnd);
    for (List<PeerGroup> groups : List.of(TYPICAL, EVERY_GROUP)) {
      List<PricePoint> points = SyntheticMarket.points(SUPPLIER, n, groups, 3_000, rnd);
      String html = SupplierStatement.html(SUPPLIER, DATA, points, flags);
      long bytes = bytes(html);
      long peerGroups = points.stream().map(PricePoint::peerGroup).distinct().count();
      report("statement", n + " price points in " + peerGroups + " peer groups, " + nFlags + " flags", bytes);
      assertTrue(bytes <= Budget.STATEMENT_BYTES, "statement of " + n + " points: " + bytes + " bytes");

      assertEquals(Math.min(peerGroups, Budget.STATEMENT_PEER_GROUPS), count(html, "<th scope=\"row\">"),
          "one summary row per peer group, up to the limit");
      assertTrue(html.contains("<dt>Your price points</dt><dd>" + Fmt.count(n) + "</dd>"), "the count of all points");
      assertEquals(Budget.STATEMENT_FLAGS, count(html, "</code><br>"), "the first 100 flags in full");
      assertTrue(html.contains("These are the 100 flags with the most at stake, of " + Fmt.count(nFlags) + ". The other "
          + Fmt.count(nFlags - 100) + " flags ("), "says how many more");
      assertTrue(html.contains("<code>SUP-001.csv</code>"), "and where they are");
      if (peerGroups > Budget.STATEMENT_PEER_GROUPS) {
        assertTrue(html.contains("You have prices in " + Fmt.count(peerGroups) + " peer groups; the 200 with the most"
            + " price points are shown."), "says how many peer groups are left out");
      }
    }
  }

  @Test
  void theStatementCsvKeepsEveryPricePointAndFlag() {
    Random rnd = new Random(5);
    List<PricePoint> points = SyntheticMarket.points(SUPPLIER, 100_000, EVERY_GROUP, 3_000, rnd);
    List<Flag> flags = SyntheticMarket.flags(12_000, List.of(SUPPLIER), 3_000, rnd);
    String csv = SupplierStatement.csv(SUPPLIER, DATA, points, flags);
    assertEquals(100_000, count(csv, "\n" + ReportTables.PRICE_POINT + ","));
    assertEquals(12_000, count(csv, "\n" + ReportTables.FLAG + ","));
  }

  @ParameterizedTest(name = "{0} flags")
  @ValueSource(ints = {1_500, 15_000, 150_000})
  void theRegisterStaysWithinItsBudget(int n) {
    Random rnd = new Random(n);
    int buyers = Math.max(200, n / 20);
    List<Flag> flags = SyntheticMarket.flags(n, SyntheticMarket.suppliers(400), buyers, rnd);
    String html = FlagsRegister.html(Fixture.PERIOD, "v", flags);
    long bytes = bytes(html);
    report("register", n + " flags, " + flags.stream().map(Flag::buyerRef).distinct().count() + " buyers, "
        + flags.stream().map(Flag::supplierRef).distinct().count() + " suppliers", bytes);
    assertTrue(bytes <= Budget.REGISTER_BYTES, "register of " + n + " flags: " + bytes + " bytes");
    assertTrue(html.contains("<dt>Flags</dt><dd>" + Fmt.count(n) + "</dd>"));
    assertTrue(html.contains("These are the 500 flags with the most at stake, of " + Fmt.count(n) + "."));
    assertTrue(html.contains("<code>flags-register.csv</code>"));
    assertTrue(html.contains("The 100 buyers with the most at stake are shown."));
    assertTrue(html.contains("The 100 suppliers with the most at stake are shown."));
  }

  @Test
  void theReportOfEveryPeerGroupTheContractAllowsStaysWithinItsBudget() {
    Random rnd = new Random(3);
    List<Flag> flags = SyntheticMarket.flags(5_000, SyntheticMarket.suppliers(40), 7_000, rnd);
    for (int suppressEvery : new int[] {7, Integer.MAX_VALUE}) {
      List<BenchmarkBand> bands = SyntheticMarket.bands(EVERY_GROUP, suppressEvery, rnd);
      ReportData d = SyntheticMarket.data(bands, SyntheticMarket.trend(bands, YearMonth.of(2026, 5), rnd), flags);
      String html = MarketReport.render(d);
      keep("report-every-peer-group-" + (suppressEvery == 7 ? "some-suppressed" : "all-published") + ".html", html);
      long bytes = bytes(html);
      long published = bands.stream().filter(BenchmarkBand::published).count();
      report("report", bands.size() + " peer groups, " + published + " published, "
          + d.trend().stream().map(t -> t.series()).distinct().count() + " trend series", bytes);
      assertTrue(bytes <= Budget.REPORT_BYTES, "report of " + bands.size() + " bands: " + bytes + " bytes");
      assertEquals(bands.size(), count(html, "<tr><td>") - count(html, "<tr><td><code>"), "a table row per band");
      assertEquals(d.trend().stream().map(t -> t.series()).distinct().count(), count(html, "class=\"chart trend-chart\""),
          "a trend chart per series");
    }
  }

  @Test
  void theDemoPagesAreWellWithinTheirBudgets() {
    Fixture f = Demo.fixture();
    report("report", "demo", bytes(MarketReport.render(f.data())));
    report("register", "demo", bytes(FlagsRegister.html(f.data().period(), "v", f.flags())));
    long largest = 0;
    for (String s : f.supplierRefs()) {
      largest = Math.max(largest, bytes(SupplierStatement.html(s, f.data(), f.points(), f.flags())));
    }
    report("statement", "demo, largest of " + f.supplierRefs().size(), largest);
    assertTrue(largest <= Budget.STATEMENT_BYTES);
  }

  /**
   * The limits hold for text too: with every free-text field at 5,000 characters that each escape
   * to six bytes or take three in UTF-8, the statement and the register stay within budget.
   */
  @Test
  void longHostileTextCannotPushAPagePastItsBudget() {
    String text = "\"<&\u20ac\u4e2d".repeat(1_000);
    Random rnd = new Random(9);
    List<Flag> flags = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      flags.add(new Flag("SUB-" + i + text, 1 + i, SUPPLIER, "BUY-" + (i % 300) + text, "P5_DUPLICATE", "breach",
          BigDecimal.valueOf(1_000 + i), BigDecimal.valueOf(1_000 + i), "SUB-" + text, 1, text, null, null, null, null,
          null, LocalDate.of(2026, 5, 1 + i % 28), "EPR", InterfaceStandard.HL7_V2.name(), "LICENCE", text, text));
    }
    List<PricePoint> points = SyntheticMarket.points(SUPPLIER, 20_000, EVERY_GROUP, 500, rnd);
    long statement = bytes(SupplierStatement.html(SUPPLIER, DATA, points, flags));
    long register = bytes(FlagsRegister.html(Fixture.PERIOD, "v", flags));
    report("statement", "2,000 flags of 5,000-character hostile text", statement);
    report("register", "2,000 flags of 5,000-character hostile text", register);
    assertTrue(statement <= Budget.STATEMENT_BYTES, "statement: " + statement);
    assertTrue(register <= Budget.REGISTER_BYTES, "register: " + register);
  }

  /** Leaves the page in target/size/ to look at. */
  static void keep(String name, String html) {
    try {
      java.nio.file.Path dir = java.nio.file.Path.of("target", "size");
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(dir.resolve(name), html, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void report(String page, String market, long bytes) {
    System.out.printf(java.util.Locale.ROOT, "size %-9s %-62s %,11d bytes%n", page, market, bytes);
  }

  static long bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  static int count(String s, String part) {
    return DemoTest.count(s, part);
  }
}
