package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;
import org.junit.jupiter.api.Test;

/**
 * Hostile text in every field that reaches an output: markup, spreadsheet formulas, path
 * traversal, control and bidi characters and very long strings. Every output stays harmless: HTML
 * escaped, CSV cells formula-safe, no xlsx formula, and no file name outside its folder.
 */
class InjectionTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String FORMULA = "=HYPERLINK(\"http://x\",\"y\")";
  static final String PATH = "../../etc/passwd";
  static final String CONTROL = "a\u0000b\u0007c\u001b[31md\r\ne\u202Egnp.exe\u0085f";
  static final String LONG = "L".repeat(10_000);
  static final String HUGE = "H".repeat(40_000);
  static final List<String> EVIL = List.of(SCRIPT, FORMULA, PATH, CONTROL, LONG, "+cmd|' /C calc'!A0", "@SUM(A1)",
      "-2+3", "\t=1+1", "\"><img src=x onerror=alert(1)>", "' onmouseover='alert(1)", HUGE);

  /** A month in which every text field that comes from input holds one of the hostile strings. */
  static Fixture hostile() {
    Fixture g = Fixture.golden();
    List<Flag> flags = new ArrayList<>(g.flags());
    List<PricePoint> points = new ArrayList<>(g.points());
    List<BenchmarkBand> bands = new ArrayList<>(g.data().bands());
    List<TrendPoint> trend = new ArrayList<>(g.data().trend());
    int i = 0;
    for (String evil : EVIL) {
      i++;
      flags.add(new Flag(evil, i, "SUP-ALPHA", evil, "P5_DUPLICATE", "breach", new BigDecimal("10.00"),
          new BigDecimal("10.00"), evil, i, evil, null, null, null, null, null, Fixture.START.plusDays(i), evil, evil,
          evil, evil, evil));
      points.add(new PricePoint("SUP-ALPHA", evil, evil, evil, evil, evil, evil, new BigDecimal("12.5000"), 1));
      bands.add(Fixture.published(evil, "ALL", evil, "RECURRING", 9, 5, 9, 0.2, "1", "2", "3", "4", "5", "3", evil,
          9, "0.1", "0.2", "0.3"));
      bands.add(new BenchmarkBand("EPR", evil, "LICENCE", "RECURRING", 1, 1, 1, 1, null, null, null, null, null,
          null, null, null, null, null, null, false, evil, Fixture.START, Fixture.END));
      trend.add(new TrendPoint(YearMonth.of(2026, 5), evil, evil, "RECURRING", 6, BigDecimal.TEN, true));
    }
    Map<String, Long> reasons = new java.util.HashMap<>();
    EVIL.forEach(e -> reasons.put(e, 1L));
    DataQuality q = new DataQuality(1, 1, 0, 0, 1, 1, 0, 0, reasons, reasons);
    Headline headline = new Headline(1, 1, 1, 1, BigDecimal.ONE, RuleTotal.of(flags));
    ReportData d = new ReportData("2026-05", SCRIPT + FORMULA, q, headline, Fixture.METHOD, bands, trend);
    return new Fixture(d, points, flags);
  }

  static final Fixture F = hostile();

  @Test
  void htmlOutputsAreEscaped() {
    Map<String, String> pages = Map.of(
        "report", MarketReport.render(F.data()),
        "statement", SupplierStatement.html("SUP-ALPHA", F.data(), F.points(), F.flags()),
        "register", FlagsRegister.html(F.data().period(), F.data().version(), F.flags()));
    pages.forEach((name, html) -> {
      String lower = html.toLowerCase(Locale.ROOT);
      assertFalse(lower.contains("<script"), name);
      assertFalse(lower.contains("<img"), name);
      assertFalse(lower.contains("onmouseover='"), name + ": a quote cannot close an attribute");
      assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), name + " shows the text, escaped");
      assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), name);
      if (name.equals("report")) {
        assertTrue(html.contains(LONG), name + " keeps the long string");
      } else {
        assertTrue(html.contains("L".repeat(Budget.TEXT_CHARS - 1) + "\u2026")
            && !html.contains("L".repeat(Budget.TEXT_CHARS)), name + " shows free text up to its limit, then an ellipsis");
      }
      assertNoControlCharacters(name, html);
      assertEquals(count(html, "<table"), count(html, "</table>"), name + " tables stay balanced");
      assertEquals(count(html, "<svg"), count(html, "</svg>"), name + " charts stay balanced");
      assertEquals(1, count(html, "<body>"), name);
      assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), name);
      assertFalse(html.matches("(?s).*<a [^>]*href=\"(?!#).*"), name + " links only within itself");
    });
  }

  @Test
  void csvOutputsAreFormulaSafe() {
    Map<String, String> files = Map.of(
        "statement", SupplierStatement.csv("SUP-ALPHA", F.data(), F.points(), F.flags()),
        "register", FlagsRegister.csv(F.flags()),
        "buyers", FlagsRegister.buyerTotalsCsv(F.flags()));
    files.forEach((name, csv) -> {
      List<List<String>> rows = Csvs.parse(csv);
      int width = rows.get(0).size();
      boolean sawDefused = false;
      for (List<String> row : rows) {
        assertEquals(width, row.size(), name + " row " + row);
        for (String cell : row) {
          assertFalse(startsLikeFormula(cell), name + " cell starts like a formula: " + cell);
          sawDefused |= cell.startsWith("'=HYPERLINK");
        }
      }
      assertTrue(sawDefused || name.equals("buyers") && csv.contains("'=HYPERLINK"), name);
      assertTrue(name.equals("buyers") || csv.contains(LONG), name + " keeps the long string whole");
      assertNoControlCharacters(name, csv.replace("\n", ""));
    });
  }

  @Test
  void theWorkbookHoldsNoFormulaAndMarksFormulaLikeTextAsText() throws Exception {
    for (byte[] xlsx : List.of(Workbook.render(F.data(), F.flags()), Workbook.renderPublic(F.data()))) {
      int quoted = 0;
      try (XSSFWorkbook wb = Sheets.open(xlsx)) {
        for (Sheet s : wb) {
          for (Row r : s) {
            for (Cell c : r) {
              assertNotEquals(CellType.FORMULA, c.getCellType(), s.getSheetName() + "!" + c.getAddress());
              if (c.getCellType() == CellType.STRING) {
                String v = c.getStringCellValue();
                assertTrue(v.length() <= Workbook.MAX_CELL_TEXT, "cell text within Excel's limit");
                assertNoControlCharacters(s.getSheetName() + "!" + c.getAddress(), v.replace("\n", ""));
                if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
                  assertTrue(c.getCellStyle().getQuotePrefixed(), "text " + v + " is marked as text");
                  quoted++;
                }
              }
            }
          }
        }
      }
      assertTrue(quoted > 0, "the hostile fixture has formula-like text");
    }
    String flags = Sheets.joined(Sheets.text(Workbook.render(F.data(), F.flags())).get(Workbook.FLAGS));
    assertTrue(flags.contains(FORMULA), "the formula shows as its text");
    assertTrue(flags.contains("H".repeat(1000) + "\u2026"), "a 40,000-character text is cut to Excel's limit");
  }

  @Test
  void aStatementFileNameCannotLeaveItsFolder() {
    for (String bad : List.of(PATH, "..", "SUP/ALPHA", "SUP\\ALPHA", "sup-alpha", "AB", "A".repeat(33), SCRIPT,
        "SUP-ALPHA\u0000.html", "SUP-ALPHA\n", " SUP-ALPHA", "SUP.ALPHA", "")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SupplierStatement.fileName(bad, "html"), bad);
      assertTrue(e.getMessage().startsWith("supplier_ref must be 3-32 of A-Z, 0-9 and '-'"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> SupplierStatement.html(bad, F.data(), F.points(), F.flags()));
      assertThrows(IllegalArgumentException.class, () -> SupplierStatement.csv(bad, F.data(), F.points(), F.flags()));
    }
    assertThrows(IllegalArgumentException.class, () -> SupplierStatement.fileName(null, "csv"));
    assertThrows(IllegalArgumentException.class, () -> SupplierStatement.fileName("SUP-ALPHA", "../x"));
    assertEquals("SUP-ALPHA.csv", SupplierStatement.fileName("SUP-ALPHA", "csv"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SupplierStatement.fileName("SUP\u0000\u202E" + LONG, "html"));
    assertTrue(e.getMessage().length() < 200 && e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "the message is short and printable: " + e.getMessage());
  }

  static boolean startsLikeFormula(String cell) {
    if (cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0) {
      return false;
    }
    return !cell.matches("[+-]?[0-9]+(\\.[0-9]+)?");
  }

  static void assertNoControlCharacters(String where, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e
          || c >= 0x2066 && c <= 0x2069;
      assertFalse(bad, where + ": control character U+" + Integer.toHexString(c) + " at " + i);
    }
  }

  static int count(String s, String part) {
    return DemoTest.count(s, part);
  }
}
