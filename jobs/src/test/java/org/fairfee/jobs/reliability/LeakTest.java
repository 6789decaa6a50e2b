package org.fairfee.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Leaks (issue 10, item 4), on generated data with 40 suppliers plus hostile submissions
 * ({@link HostileMonth}): the public outputs name no supplier and no buyer, a statement names no
 * other supplier and no buyer but its own customers, a suppressed benchmark cell shows no
 * statistic anywhere, and run.log holds no row text.
 *
 * <p>Restricted by design, so not checked for names: {@code restricted/} (the flags register, the
 * full workbook, buyer totals, savings by supplier), {@code flags.csv}, {@code quarantine.csv},
 * {@code manifest.json} (file names) and {@code run.log} (paths) are for analysts and NHS
 * commercial teams (reports/README.md). They serve here as positive controls: the search that finds
 * nothing in the public files finds the references there.
 */
class LeakTest {
  static HostileMonth m;

  /** Statistics a suppressed cell must not carry (its counts and max_supplier_share it may; docs/methodology.md). */
  static final List<String> STATISTICS = List.of("p10", "p25", "median", "p75", "p90", "mean", "sa_p25", "sa_median",
      "sa_p75");

  @BeforeAll
  static void runTheMonth() throws IOException {
    m = HostileMonth.get();
    assertEquals(0, m.code, "the monthly job failed: " + m.stderr);
  }

  @Test
  void theDataHasDozensOfSuppliersAndTheSearchFindsThemWhereTheyBelong() {
    assertTrue(m.suppliers.size() >= 40, "suppliers: " + m.suppliers.size());
    assertTrue(m.buyers.size() >= 100, "buyers: " + m.buyers.size());
    // Positive controls: restricted outputs do name suppliers and buyers, so the search works.
    String register = Outputs.read(m.month.resolve("restricted/flags-register.csv"));
    assertFalse(Outputs.named(register, m.suppliers).isEmpty(), "the register names suppliers");
    assertFalse(Outputs.named(register, m.buyers).isEmpty(), "the register names buyers");
    assertFalse(Outputs.named(Outputs.xlsxText(m.month.resolve("restricted/fairfee-" + HostileMonth.PERIOD + ".xlsx")),
        m.suppliers).isEmpty(), "the full workbook names suppliers");
  }

  @Test
  void theReportAndThePublicWorkbookNameNoSupplierAndNoBuyer() {
    Path report = m.month.resolve("report.html");
    Path workbook = m.month.resolve("fairfee-" + HostileMonth.PERIOD + ".xlsx");
    for (Path p : List.of(report, workbook)) {
      String text = p.toString().endsWith(".xlsx") ? Outputs.xlsxText(p) : Outputs.read(p);
      assertEquals(Set.of(), Outputs.named(text, m.suppliers), p + " names suppliers");
      assertEquals(Set.of(), Outputs.named(text, m.buyers), p + " names buyers");
    }
  }

  @Test
  void eachStatementNamesNoOtherSupplierAndNoBuyerButItsOwnCustomers() throws IOException {
    List<Path> statements = new ArrayList<>(Outputs.files(m.month.resolve("statements"), ".html"));
    statements.addAll(Outputs.files(m.month.resolve("statements"), ".csv"));
    assertTrue(statements.size() >= 2 * 40, "statements: " + statements.size());
    for (Path p : statements) {
      String name = p.getFileName().toString();
      String supplier = name.substring(0, name.lastIndexOf('.'));
      assertTrue(m.suppliers.contains(supplier), name + " is not named after a supplier of the data");
      String text = Outputs.read(p);
      assertEquals(Set.of(supplier), Outputs.named(text, m.suppliers), name + ": suppliers named");
      Set<String> buyers = Outputs.named(text, m.buyers);
      buyers.removeAll(m.buyersOf.get(supplier));
      assertEquals(Set.of(), buyers, name + " names buyers that are not its supplier's customers");
    }
  }

  @Test
  void aSuppressedCellCarriesNoStatisticInTheCsv() {
    List<Map<String, String>> rows = Outputs.csvRecords(m.month.resolve("benchmarks.csv"));
    int suppressed = 0;
    int published = 0;
    for (Map<String, String> r : rows) {
      if (r.get("published").equals("false")) {
        suppressed++;
        for (String s : STATISTICS) {
          assertEquals("", r.get(s), "suppressed cell " + r + " shows " + s);
        }
      } else {
        published++;
        assertFalse(r.get("median").isEmpty(), "a published cell without a median: " + r);
      }
    }
    assertTrue(suppressed > 0 && published > 0, "suppressed " + suppressed + ", published " + published);
  }

  @Test
  void aSuppressedCellCarriesNoStatisticInTheReport() {
    String html = Outputs.read(m.month.resolve("report.html"));
    Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    Pattern cell = Pattern.compile("<td class=\"num\">([^<]*)</td>");
    int suppressedRows = 0;
    while (tr.find()) {
      String row = tr.group(1);
      if (!row.contains("suppressed")) {
        continue;
      }
      suppressedRows++;
      assertFalse(row.contains("£"), "a suppressed row shows pounds: " + row);
      Matcher c = cell.matcher(row);
      while (c.find()) {
        assertTrue(c.group(1).matches("[0-9,]+"), "a suppressed row shows more than counts: " + row);
      }
    }
    assertTrue(suppressedRows > 0, "the report shows suppressed cells as such");
    // Chart titles and labels of suppressed cells (if any) carry no pounds either.
    Matcher t = Pattern.compile("<(title|text|desc)[^>]*>([^<]*)</\\1>").matcher(html);
    while (t.find()) {
      if (t.group(2).contains("suppressed")) {
        assertFalse(t.group(2).contains("£"), "a chart label of a suppressed cell shows pounds: " + t.group());
      }
    }
  }

  @Test
  void aSuppressedCellCarriesNoStatisticInTheWorkbooks() throws IOException {
    for (Path p : List.of(m.month.resolve("fairfee-" + HostileMonth.PERIOD + ".xlsx"),
        m.month.resolve("restricted/fairfee-" + HostileMonth.PERIOD + ".xlsx"))) {
      try (InputStream in = Files.newInputStream(p); XSSFWorkbook wb = new XSSFWorkbook(in)) {
        Sheet s = wb.getSheet("Benchmarks");
        Map<String, Integer> col = new HashMap<>();
        for (Cell c : s.getRow(0)) {
          col.put(c.getStringCellValue(), c.getColumnIndex());
        }
        assertTrue(col.keySet().containsAll(STATISTICS) && col.containsKey("published"), p + ": " + col.keySet());
        int suppressed = 0;
        DataFormatter f = new DataFormatter();
        for (Row r : s) {
          if (r.getRowNum() == 0) {
            continue;
          }
          Cell pub = r.getCell(col.get("published"));
          if (pub != null && pub.getCellType() == CellType.BOOLEAN && !pub.getBooleanCellValue()) {
            suppressed++;
            for (String st : STATISTICS) {
              Cell c = r.getCell(col.get(st));
              assertTrue(c == null || c.getCellType() == CellType.BLANK,
                  p.getFileName() + " row " + (r.getRowNum() + 1) + ": a suppressed cell shows " + st + " = " + f.formatCellValue(c));
            }
          }
        }
        assertTrue(suppressed > 0, p + " lists suppressed cells");
      }
    }
  }

  @Test
  void runLogHoldsNoRowText() {
    String log = Outputs.read(m.month.resolve("run.log"));
    assertTrue(log.contains("ingest:"), "the log is the run's");
    List<String> found = new ArrayList<>();
    for (String d : m.acceptedDescriptions) {
      if (log.contains(d)) {
        found.add("description: " + d);
      }
    }
    for (String raw : m.quarantinedRaw) {
      if (raw.length() >= 20 && log.contains(raw)) {
        found.add("quarantined row: " + raw);
      }
    }
    for (String h : HostileMonth.HOSTILE_REFS) {
      if (log.contains(h)) {
        found.add("reference: " + h);
      }
    }
    assertTrue(m.acceptedDescriptions.size() > 100 && m.quarantinedRaw.size() > 5, "texts to look for");
    assertEquals(List.of(), found, "row text in run.log");
    // Nor on the terminal.
    assertEquals(Set.of(), new TreeSet<>(Outputs.named(m.stderr + m.stdout, m.suppliers)), m.stderr);
  }
}
