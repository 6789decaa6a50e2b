package org.fairfee.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fairfee.reports.Html;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Injection (issue 10, item 5; issue 7, item 6): description, interface_ref, invoice_ref and
 * credits_invoice_ref holding HTML, script, CSV formulas, path separators, {@code ../}, control and
 * bidi characters and long values ({@link HostileMonth}) are harmless in every output, restricted
 * ones included: escaped in HTML, defused in CSV, plain text in xlsx; and no input chooses a file
 * name outside the output folder.
 */
class InjectionTest {
  static HostileMonth m;

  /** What a spreadsheet would run as a formula, unless it is a plain number (reports' Csv). */
  static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

  /** Every element the pages may use: structure, tables, inline SVG charts. No script, img, iframe, link, form. */
  static final Set<String> TAGS = Set.of("html", "head", "meta", "title", "style", "body", "header", "main", "footer",
      "nav", "section", "div", "p", "span", "h1", "h2", "h3", "h4", "ul", "ol", "li", "dl", "dt", "dd", "table",
      "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "strong", "em", "b", "i", "code", "small", "abbr",
      "br", "hr", "figure", "figcaption", "details", "summary", "svg", "g", "rect", "line", "text", "desc", "path",
      "circle", "polyline", "polygon", "tspan", "a");

  @BeforeAll
  static void runTheMonth() throws IOException {
    m = HostileMonth.get();
    assertEquals(0, m.code, "the monthly job failed: " + m.stderr);
  }

  @Test
  void hostileTextReachesTheOutputsItShouldAppearIn() {
    // Positive controls: the references of flagged lines are in the flags and the supplier's own statement.
    String flags = Outputs.read(m.month.resolve("flags.csv"));
    String register = Outputs.read(m.month.resolve("restricted/flags-register.html"));
    String statement = Outputs.read(m.month.resolve("statements/" + HostileMonth.EVIL + ".html"));
    assertTrue(flags.contains(HostileMonth.SCRIPT), "flags.csv holds the script text (as data)");
    assertTrue(flags.contains("'" + HostileMonth.MINUS), "flags.csv defuses -2+3");
    for (String html : List.of(register, statement)) {
      assertTrue(html.contains(Html.esc(HostileMonth.SCRIPT)), "escaped <script> shown");
      assertTrue(html.contains("&amp;lt;b&amp;gt;"), "an entity in the input is shown as typed, not decoded");
    }
    assertTrue(Files.exists(m.month.resolve("statements/" + HostileMonth.DASHED + ".html")));
  }

  @Test
  void everyHtmlOutputEscapesInputText() {
    List<Path> pages = Outputs.files(m.month, ".html");
    assertTrue(pages.size() > 40, "pages: " + pages.size());
    Pattern tag = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
    Pattern handler = Pattern.compile("(?i)\\son[a-z]+\\s*=");
    List<String> problems = new ArrayList<>();
    for (Path p : pages) {
      String html = Outputs.read(p);
      String name = m.month.relativize(p).toString();
      Matcher t = tag.matcher(html);
      while (t.find()) {
        String el = t.group(1).toLowerCase(java.util.Locale.ROOT);
        if (!TAGS.contains(el)) {
          problems.add(name + ": element <" + el + ">");
        }
        if (handler.matcher(t.group(2)).find() || t.group(2).toLowerCase(java.util.Locale.ROOT).contains("javascript:")) {
          problems.add(name + ": event handler or script URL in " + t.group());
        }
        if (el.equals("a") && t.group(2).matches("(?s).*href=\"(?!#).*")) {
          problems.add(name + ": a link out of the page: " + t.group());
        }
      }
      for (String bad : List.of("\u202E", "\u0085", "\u0007", "\u001b")) {
        if (html.contains(bad)) {
          problems.add(name + ": holds U+" + String.format("%04X", (int) bad.charAt(0)));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void everyCsvCellThatLooksLikeAFormulaIsDefused() {
    List<Path> csvs = Outputs.files(m.month, ".csv");
    assertTrue(csvs.size() > 40, "csv files: " + csvs.size());
    List<String> problems = new ArrayList<>();
    int defused = 0;
    for (Path p : csvs) {
      String name = m.month.relativize(p).toString();
      List<List<String>> rows = Outputs.csv(Outputs.read(p));
      for (int r = 0; r < rows.size(); r++) {
        for (String c : rows.get(r)) {
          if (c.isEmpty()) {
            continue;
          }
          char first = c.charAt(0);
          if ((first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r')
              && !NUMBER.matcher(c).matches()) {
            problems.add(name + " row " + (r + 1) + ": formula-like cell " + show(c));
          }
          if (first == '\'' && c.length() > 1 && "=+-@\t\r".indexOf(c.charAt(1)) >= 0) {
            defused++;
          }
        }
      }
    }
    assertTrue(defused >= 6, "defused cells: " + defused);
    assertEquals(List.of(), problems);
  }

  @Test
  void theQuarantineHoldsTheRawTextDefused() {
    boolean hostileFileRow = false;
    for (Map<String, String> r : Outputs.csvRecords(m.month.resolve("quarantine.csv"))) {
      if (r.get("file").equals("'" + HostileMonth.HOSTILE_FILE)) {
        hostileFileRow = true;
        assertTrue(r.get("raw").startsWith("'" + HostileMonth.FORMULA_ID + ","), "raw text starting with = is defused: "
            + r.get("raw"));
      }
    }
    assertTrue(hostileFileRow, "the hostile file's name is defused in quarantine.csv");
  }

  /**
   * No CSV cell carries a control or bidi character, so {@code cat quarantine.csv} cannot retitle or
   * clear a terminal and no reference reads differently from what it holds: TableCsv and
   * QuarantineCsv clean text as every other output does (reports' Text.clean); the raw text of a
   * quarantined row keeps its tabs and carriage returns, its layout being the evidence.
   */
  @Test
  void noCsvCellHoldsControlOrBidiCharacters() {
    List<String> problems = new ArrayList<>();
    for (Path p : Outputs.files(m.month, ".csv")) {
      String name = m.month.relativize(p).toString();
      List<List<String>> rows = Outputs.csv(Outputs.read(p));
      for (int r = 0; r < rows.size(); r++) {
        for (String c : rows.get(r)) {
          for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            boolean lineBreak = ch == '\n' || (name.equals("quarantine.csv") && (ch == '\r' || ch == '\t'));
            if ((ch < 0x20 && !lineBreak) || (ch >= 0x7f && ch <= 0x9f) || (ch >= 0x202a && ch <= 0x202e)) {
              problems.add(name + " row " + (r + 1) + ": control or bidi character in " + show(c));
              break;
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void workbooksHoldNoFormulaAndFormulaLikeTextIsMarkedAsText() throws IOException {
    List<String> problems = new ArrayList<>();
    int hostileCells = 0;
    for (Path p : List.of(m.month.resolve("fairfee-" + HostileMonth.PERIOD + ".xlsx"),
        m.month.resolve("restricted/fairfee-" + HostileMonth.PERIOD + ".xlsx"))) {
      String xml = Outputs.xlsxText(p);
      if (xml.contains("<f>") || xml.contains("<f ")) {
        problems.add(p.getFileName() + ": a formula element");
      }
      for (String entry : Outputs.zipEntries(p)) {
        if (entry.contains("externalLink") || entry.contains("vbaProject") || entry.contains("activeX")) {
          problems.add(p.getFileName() + ": part " + entry);
        }
      }
      if (xml.contains("relationships/hyperlink")) {
        problems.add(p.getFileName() + ": a hyperlink");
      }
      try (InputStream in = Files.newInputStream(p); XSSFWorkbook wb = new XSSFWorkbook(in)) {
        for (Sheet s : wb) {
          for (Row r : s) {
            for (Cell c : r) {
              if (c.getCellType() == CellType.FORMULA) {
                problems.add(p.getFileName() + " " + s.getSheetName() + "!" + c.getAddress() + ": formula");
              } else if (c.getCellType() == CellType.STRING) {
                String v = c.getStringCellValue();
                if (HostileMonth.HOSTILE_REFS.stream().anyMatch(v::contains)) {
                  hostileCells++;
                }
                if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !c.getCellStyle().getQuotePrefixed()) {
                  problems.add(p.getFileName() + " " + s.getSheetName() + "!" + c.getAddress() + ": formula-like text "
                      + show(v) + " is not marked as text");
                }
              }
            }
          }
        }
      }
    }
    assertTrue(hostileCells > 0, "the restricted workbook shows the hostile references as text");
    assertEquals(List.of(), problems);
  }

  @Test
  void craftedSupplierReferencesAreQuarantinedAndNeverFileNames() throws IOException {
    String quarantine = Outputs.read(m.month.resolve("quarantine.csv"));
    List<Map<String, String>> rows = Outputs.csvRecords(m.month.resolve("quarantine.csv"));
    for (String s : HostileMonth.CRAFTED_SUPPLIERS) {
      assertFalse(m.suppliers.contains(s), s + " was accepted");
      assertTrue(rows.stream().anyMatch(r -> r.get("reason_code").equals("INVALID_TEXT")
          && r.get("raw").contains("crafted supplier " + s)), s + " is not in quarantine.csv as INVALID_TEXT");
    }
    assertTrue(quarantine.contains("Q-BEL") && quarantine.contains("Q-LONG") && quarantine.contains("Q-DESC"),
        "control characters and over-long values are quarantined");
    Pattern plain = Pattern.compile("[A-Z0-9-]{3,32}\\.(html|csv)");
    Set<String> named = new TreeSet<>();
    for (String f : Trees.names(m.month.resolve("statements"))) {
      assertTrue(plain.matcher(f).matches(), "statement file name " + f);
      named.add(f.substring(0, f.lastIndexOf('.')));
    }
    assertTrue(m.suppliers.containsAll(named), "every statement is named after an accepted supplier_ref");
    assertTrue(named.contains(HostileMonth.EVIL) && named.contains(HostileMonth.DASHED));
  }

  @Test
  void nothingIsWrittenOutsideTheOutputFolder() throws IOException {
    assertEquals(List.of("gen", "out"), Trees.names(m.root), "the test folder holds only the input and the output");
    assertEquals(List.of(".fairfee.lock", HostileMonth.PERIOD, "store"), Trees.names(m.out));
    try (Stream<Path> s = Files.walk(m.out)) {
      for (Path p : s.toList()) {
        assertFalse(Files.isSymbolicLink(p), p + " is a link");
        String n = p.getFileName().toString();
        assertFalse(n.contains("passwd") || n.contains("win.ini") || n.contains("<") || n.contains("\\"),
            "a file named from input: " + p);
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(m.month.resolve("manifest.json").toFile());
    boolean hostileName = false;
    for (JsonNode f : manifest.get("files")) {
      hostileName |= f.get("file").asText().equals(HostileMonth.HOSTILE_FILE);
    }
    assertTrue(hostileName, "manifest.json is valid JSON and names the hostile file as it is");
  }

  static String show(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < Math.min(s.length(), 60); i++) {
      char c = s.charAt(i);
      sb.append(c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
          ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return sb.append(s.length() > 60 ? "...'" : "'").toString();
  }
}
