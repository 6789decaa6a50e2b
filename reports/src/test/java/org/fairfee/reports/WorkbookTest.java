package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Table;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

/** The workbook read back with POI, as Excel would see it: sheets, headers, typed cells, panes, filters, no formula. */
class WorkbookTest {
  static final Fixture F = Fixture.golden();
  static final byte[] FULL = Workbook.render(F.data(), F.flags());

  @Test
  void hasTheSheetsInOrder() throws Exception {
    try (XSSFWorkbook wb = Sheets.open(FULL)) {
      assertEquals(List.of("README", "Benchmarks", "Flags", "Supplier totals", "Data quality"), names(wb));
    }
    try (XSSFWorkbook wb = Sheets.open(Workbook.renderPublic(F.data()))) {
      assertEquals(List.of("README", "Benchmarks", "Data quality"), names(wb));
    }
  }

  @Test
  void headersAreTheContractColumns() throws Exception {
    try (XSSFWorkbook wb = Sheets.open(FULL)) {
      assertEquals(Tables.BENCHMARKS.columnNames(), header(wb.getSheet(Workbook.BENCHMARKS)));
      assertEquals(Tables.REVIEWED_FLAGS.columnNames(), header(wb.getSheet(Workbook.FLAGS)));
      assertEquals(ReportTables.SUPPLIER_TOTALS.columnNames(), header(wb.getSheet(Workbook.SUPPLIER_TOTALS)));
      assertEquals(ReportTables.DATA_QUALITY.columnNames(), header(wb.getSheet(Workbook.DATA_QUALITY)));
    }
  }

  @Test
  void everySheetHasAFrozenHeaderAFilterAndFittedWidths() throws Exception {
    try (XSSFWorkbook wb = Sheets.open(FULL)) {
      for (Sheet s : wb) {
        assertTrue(s.getPaneInformation().isFreezePane(), s.getSheetName());
        assertEquals(1, s.getPaneInformation().getHorizontalSplitPosition(), s.getSheetName());
        assertEquals(0, s.getPaneInformation().getVerticalSplitPosition(), s.getSheetName());
        XSSFSheet x = (XSSFSheet) s;
        assertTrue(x.getCTWorksheet().isSetAutoFilter(), "auto filter on " + s.getSheetName());
        String ref = x.getCTWorksheet().getAutoFilter().getRef();
        int cols = s.getRow(0).getLastCellNum();
        assertEquals("A1:" + org.apache.poi.ss.util.CellReference.convertNumToColString(cols - 1)
            + Math.max(s.getLastRowNum() + 1, 2), ref, s.getSheetName());
        for (int c = 0; c < cols; c++) {
          int w = s.getColumnWidth(c);
          int header = s.getRow(0).getCell(c).getStringCellValue().length();
          assertTrue(w >= Math.min(header + 1, 60) * 256 && w <= 110 * 256,
              s.getSheetName() + " column " + c + " width " + w);
        }
      }
    }
  }

  @Test
  void moneyIsNumericInAPoundFormatAndCountsAreIntegers() throws Exception {
    try (XSSFWorkbook wb = Sheets.open(FULL)) {
      Sheet flags = wb.getSheet(Workbook.FLAGS);
      Row first = flags.getRow(1);
      Cell stake = first.getCell(col(Tables.REVIEWED_FLAGS, Cols.AMOUNT_AT_STAKE_GBP));
      assertEquals(CellType.NUMERIC, stake.getCellType());
      assertEquals(27500.0, stake.getNumericCellValue(), "largest amount at stake first");
      assertEquals(Workbook.GBP_FORMAT, stake.getCellStyle().getDataFormatString());
      assertTrue(stake.getCellStyle().getDataFormatString().startsWith("\"£\"#,##0.00"));
      Cell line = first.getCell(col(Tables.REVIEWED_FLAGS, Cols.LINE_NO));
      assertEquals(CellType.NUMERIC, line.getCellType());
      assertEquals("#,##0", line.getCellStyle().getDataFormatString());
      Cell date = first.getCell(col(Tables.REVIEWED_FLAGS, Cols.INVOICE_DATE));
      assertTrue(DateUtil.isCellDateFormatted(date));
      assertEquals("2026-05-11", date.getLocalDateTimeCellValue().toLocalDate().toString());

      Sheet bands = wb.getSheet(Workbook.BENCHMARKS);
      Row epr = bands.getRow(2); // EPR: PER_TRANSACTION sorts before RECURRING, then LICENCE with ALL first
      assertEquals("EPR", epr.getCell(0).getStringCellValue());
      assertEquals("ALL", epr.getCell(1).getStringCellValue());
      assertEquals("LICENCE", epr.getCell(2).getStringCellValue());
      Cell median = epr.getCell(col(Tables.BENCHMARKS, Cols.MEDIAN));
      assertEquals(CellType.NUMERIC, median.getCellType());
      assertEquals(14500.0, median.getNumericCellValue());
      assertEquals(Workbook.PRICE_FORMAT, median.getCellStyle().getDataFormatString());
      Cell n = epr.getCell(col(Tables.BENCHMARKS, Cols.N_SUPPLIERS));
      assertEquals(CellType.NUMERIC, n.getCellType());
      assertEquals(9.0, n.getNumericCellValue());
      assertEquals(CellType.BOOLEAN, epr.getCell(col(Tables.BENCHMARKS, Cols.PUBLISHED)).getCellType());
      assertEquals("0.0%", epr.getCell(col(Tables.BENCHMARKS, Cols.MAX_SUPPLIER_SHARE)).getCellStyle()
          .getDataFormatString());
    }
  }

  @Test
  void aSuppressedCellShowsCountsAndTheReasonOnly() throws Exception {
    try (XSSFWorkbook wb = Sheets.open(FULL)) {
      Sheet bands = wb.getSheet(Workbook.BENCHMARKS);
      int suppressed = 0;
      for (Row r : bands) {
        if (r.getRowNum() == 0 || r.getCell(col(Tables.BENCHMARKS, Cols.PUBLISHED)).getBooleanCellValue()) {
          continue;
        }
        suppressed++;
        for (String stat : List.of(Cols.P10, Cols.P25, Cols.MEDIAN, Cols.P75, Cols.P90, Cols.MEAN, Cols.SA_P25,
            Cols.SA_MEDIAN, Cols.SA_P75, Cols.MAX_SUPPLIER_SHARE)) {
          assertNull(r.getCell(col(Tables.BENCHMARKS, stat)), stat + " of suppressed row " + r.getRowNum());
        }
        assertEquals(CellType.NUMERIC, r.getCell(col(Tables.BENCHMARKS, Cols.N_SUPPLIERS)).getCellType());
        assertFalse(r.getCell(col(Tables.BENCHMARKS, Cols.SUPPRESSED_REASON)).getStringCellValue().isEmpty());
      }
      assertEquals(F.data().bands().stream().filter(b -> !b.published()).count(), suppressed);
    }
  }

  @Test
  void noCellIsAFormula() throws Exception {
    for (byte[] xlsx : List.of(FULL, Workbook.renderPublic(F.data()))) {
      try (XSSFWorkbook wb = Sheets.open(xlsx)) {
        for (Sheet s : wb) {
          for (Row r : s) {
            for (Cell c : r) {
              assertNotEquals(CellType.FORMULA, c.getCellType(), s.getSheetName() + "!" + c.getAddress());
            }
          }
        }
      }
    }
  }

  @Test
  void supplierTotalsAddUpPerSupplierAndRule() throws Exception {
    Map<String, List<List<String>>> text = Sheets.text(FULL);
    assertEquals(List.of(
        List.of("supplier_ref", "rule", "severity", "n_flags", "amount_at_stake_gbp"),
        List.of("SUP-ALPHA", "P4_HIGH_FEE", "review", "1", "£27,500.00"),
        List.of("SUP-ALPHA", "P5_DUPLICATE", "breach", "1", "£1,250.00"),
        List.of("SUP-BRAVO", "P1_SPEC_FEE", "breach", "1", "£3,000.00"),
        List.of("SUP-BRAVO", "P3_NON_STANDARD", "info", "1", "£0.00"),
        List.of("SUP-BRAVO", "P5_DUPLICATE", "breach", "1", "£3,000.00"),
        List.of("SUP-CHARLIE", "P5_OVERLAP", "breach", "1", "£1,500.00")), text.get(Workbook.SUPPLIER_TOTALS));
  }

  @Test
  void theReadmeSaysWhatIsRestricted() throws Exception {
    String full = Sheets.joined(Sheets.text(FULL).get(Workbook.README));
    assertTrue(full.contains("RESTRICTED: NHS commercial teams only"), full);
    assertTrue(full.contains("Period\t2026-05"), full);
    assertTrue(full.contains("Method: Disclosure control"), full);
    String pub = Sheets.joined(Sheets.text(Workbook.renderPublic(F.data())).get(Workbook.README));
    assertTrue(pub.contains("Public: this workbook names no supplier and no buyer."), pub);
    assertFalse(pub.contains("Sheet Flags"), pub);
  }

  @Test
  void theSameDataGivesTheSameBytesAtAnotherTime() throws Exception {
    Thread.sleep(2100); // past the 2-second resolution of zip times and the second of the document date
    assertArrayEquals(FULL, Workbook.render(F.data(), F.flags()));
    byte[] pub = Workbook.renderPublic(F.data());
    Thread.sleep(1100);
    assertArrayEquals(pub, Workbook.renderPublic(F.data()));
    try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(FULL))) {
      for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
        assertEquals("2026-05-01T00:00", e.getTimeLocal().toString(), e.getName());
      }
    }
  }

  @Test
  void theFileNameIsCheckedPeriod() {
    assertEquals("fairfee-2026-05.xlsx", Workbook.fileName("2026-05"));
    assertThrows(IllegalArgumentException.class, () -> Workbook.fileName("../2026-05"));
    assertThrows(IllegalArgumentException.class, () -> Workbook.fileName("2026-13"));
  }

  static List<String> names(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    wb.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  static List<String> header(Sheet s) {
    List<String> out = new ArrayList<>();
    s.getRow(0).forEach(c -> out.add(c.getStringCellValue()));
    return out;
  }

  static int col(Table t, String column) {
    return t.columnNames().indexOf(column);
  }
}
