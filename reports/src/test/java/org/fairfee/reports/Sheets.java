package org.fairfee.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads a workbook back the way a person sees it: every sheet as rows of displayed text. */
final class Sheets {
  private Sheets() {}

  static XSSFWorkbook open(byte[] xlsx) throws IOException {
    return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
  }

  /** Sheet name to its rows of formatted cell text (blank cells as ""). */
  static Map<String, List<List<String>>> text(byte[] xlsx) throws IOException {
    Map<String, List<List<String>>> out = new LinkedHashMap<>();
    DataFormatter fmt = new DataFormatter(java.util.Locale.UK);
    try (XSSFWorkbook wb = open(xlsx)) {
      for (Sheet s : wb) {
        List<List<String>> rows = new ArrayList<>();
        for (Row r : s) {
          List<String> cells = new ArrayList<>();
          for (int c = 0; c < r.getLastCellNum(); c++) {
            Cell cell = r.getCell(c);
            cells.add(cell == null ? "" : fmt.formatCellValue(cell));
          }
          rows.add(cells);
        }
        out.put(s.getSheetName(), rows);
      }
    }
    return out;
  }

  /** All displayed text of one sheet, one line per row. */
  static String joined(List<List<String>> rows) {
    StringBuilder sb = new StringBuilder();
    rows.forEach(r -> sb.append(String.join("\t", r)).append('\n'));
    return sb.toString();
  }
}
