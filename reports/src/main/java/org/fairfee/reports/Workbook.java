package org.fairfee.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.PeerGroup;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.FieldType;
import org.fairfee.schemas.RuleCode;
import org.fairfee.schemas.Table;
import org.fairfee.schemas.Tables;

/**
 * The month's workbook, fairfee-PERIOD.xlsx: typed cells (pounds as numbers in a £ format, counts
 * as integers, dates as dates), a frozen header row, a filter and fitted widths on every sheet, and
 * no formula anywhere: text from input is a plain string cell, marked as text when it starts like a
 * formula. The same data gives the same bytes: the document date and every zip entry time are the
 * first day of the period.
 *
 * <p>The full workbook is RESTRICTED (NHS commercial teams only): its Flags and Supplier totals
 * sheets name suppliers and buyers. {@link #renderPublic} leaves those two sheets out and is as
 * public as report.html.
 *
 * <p>Written with POI's streaming {@link SXSSFWorkbook}: rows beyond a window of {@value #ROWS_IN_MEMORY}
 * go to a compressed temporary file (deleted at the end), so the Flags sheet of a national month,
 * hundreds of thousands of rows, needs little heap.
 */
public final class Workbook {
  private Workbook() {}

  public static final String README = "README";
  public static final String BENCHMARKS = "Benchmarks";
  public static final String FLAGS = "Flags";
  public static final String SUPPLIER_TOTALS = "Supplier totals";
  public static final String DATA_QUALITY = "Data quality";

  /** Excel's limit on the text of one cell. */
  static final int MAX_CELL_TEXT = 32_767;

  /** Rows of a sheet kept in memory while writing; the README sheet, styled after writing, must fit. */
  static final int ROWS_IN_MEMORY = 500;

  /** "fairfee-2026-05.xlsx"; the period must be YYYY-MM. */
  public static String fileName(String period) {
    if (period == null || !period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
      throw new IllegalArgumentException("period must be YYYY-MM, was " + period);
    }
    return "fairfee-" + period + ".xlsx";
  }

  /** The full, restricted workbook: README, Benchmarks, Flags, Supplier totals, Data quality. */
  public static byte[] render(ReportData d, List<Flag> flags) {
    return build(d, flags, true);
  }

  /** The public workbook: README, Benchmarks, Data quality; it names no supplier and no buyer. */
  public static byte[] renderPublic(ReportData d) {
    return build(d, List.of(), false);
  }

  private static byte[] build(ReportData d, List<Flag> flags, boolean restricted) {
    // A shared-strings table, as Excel writes it; it is filled as rows are flushed, so every sheet is
    // flushed whole, in order, as soon as it is done (the writer's own final flush goes in no fixed
    // order, and the bytes would change from run to run). Temporary files compressed.
    SXSSFWorkbook wb = new SXSSFWorkbook(new XSSFWorkbook(), ROWS_IN_MEMORY, true, true);
    try (wb) {
      Styles st = new Styles(wb);
      readme(wb, st, d, restricted);
      flush(write(wb, st, BENCHMARKS, Tables.BENCHMARKS, benchmarkRows(d.bands())));
      if (restricted) {
        flush(write(wb, st, FLAGS, Tables.REVIEWED_FLAGS, flags.stream().sorted(Flag.BY_AMOUNT_AT_STAKE).map(Cells::values).toList()));
        flush(write(wb, st, SUPPLIER_TOTALS, ReportTables.SUPPLIER_TOTALS, supplierTotals(flags)));
      }
      flush(write(wb, st, DATA_QUALITY, ReportTables.DATA_QUALITY, qualityRows(d.quality())));
      LocalDateTime stamp = d.month().atDay(1).atStartOfDay();
      var core = wb.getXSSFWorkbook().getProperties().getCoreProperties();
      core.setCreator("fairfee " + d.version());
      core.setTitle("fairfee " + d.period() + (restricted ? " (restricted)" : " (public)"));
      core.setCreated(stamp + ":00Z");
      wb.getXSSFWorkbook().getProperties().getExtendedProperties().setApplication("fairfee");
      ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
      wb.write(out);
      return fixZipTimes(out.toByteArray(), stamp);
    } catch (IOException e) {
      throw new UncheckedIOException("could not build the workbook in memory", e);
    } catch (InvalidFormatException e) {
      throw new IllegalStateException(e);
    } finally {
      wb.dispose(); // the temporary files hold restricted rows: never leave them behind
    }
  }

  // ---- rows of each sheet ----

  static List<List<Object>> benchmarkRows(List<BenchmarkBand> bands) {
    int share = Tables.BENCHMARKS.columnNames().indexOf(Cols.MAX_SUPPLIER_SHARE);
    List<List<Object>> rows = new ArrayList<>();
    bands.stream().sorted((a, b) -> PeerGroup.ORDER.compare(a.peerGroup(), b.peerGroup())).forEach(b -> {
      List<Object> v = Cells.values(b);
      if (!b.published()) {
        v.set(share, null); // counts only: a suppressed cell's shares stay unpublished too
      }
      rows.add(v);
    });
    return rows;
  }

  /** Flags and pounds at stake per supplier and rule, by supplier_ref then rule. */
  static List<List<Object>> supplierTotals(List<Flag> flags) {
    Map<String, Map<RuleCode, Object[]>> by = new TreeMap<>();
    for (Flag f : flags) {
      Object[] t = by.computeIfAbsent(f.supplierRef(), k -> new EnumMap<>(RuleCode.class))
          .computeIfAbsent(f.ruleCode(), k -> new Object[] {0L, BigDecimal.ZERO});
      t[0] = (Long) t[0] + 1;
      t[1] = ((BigDecimal) t[1]).add(f.countedAtStakeGbp());
    }
    List<List<Object>> rows = new ArrayList<>();
    by.forEach((supplier, rules) -> rules.forEach((rule, t) ->
        rows.add(List.of(supplier, rule.name(), rule.severity().value(), t[0], t[1]))));
    return rows;
  }

  static List<List<Object>> qualityRows(DataQuality q) {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("files", "received", null, q.files()));
    rows.add(row("files", "accepted", null, q.acceptedFiles()));
    rows.add(row("files", "rejected", null, q.rejectedFiles()));
    rows.add(row("files", "duplicate", null, q.duplicateFiles()));
    rows.add(row("rows", "read", null, q.rowsRead()));
    rows.add(row("rows", "accepted", null, q.rowsAccepted()));
    rows.add(row("rows", "quarantined", null, q.rowsQuarantined()));
    rows.add(row("rows", "blank lines (not rows)", null, q.blankLines()));
    new TreeMap<>(q.quarantinedByReason()).forEach((code, n) ->
        rows.add(row("quarantined rows", code, MarketReport.meaning(code), n)));
    new TreeMap<>(q.rejectedByReason()).forEach((code, n) ->
        rows.add(row("rejected files", code, MarketReport.meaning(code), n)));
    return rows;
  }

  private static List<Object> row(Object... values) {
    return java.util.Arrays.asList(values);
  }

  private static void readme(SXSSFWorkbook wb, Styles st, ReportData d, boolean restricted) throws IOException {
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("Workbook", "fairfee: interface and licence fees charged to NHS and social-care organisations"));
    rows.add(row("Period", d.period()));
    rows.add(row("Made by", "fairfee " + d.version() + ". Same input, same workbook: it holds no run time."));
    rows.add(row("Classification", restricted
        ? "RESTRICTED: NHS commercial teams only. The sheets " + FLAGS + " and " + SUPPLIER_TOTALS
            + " name suppliers and buyers by their pseudonymous references. Do not publish or forward."
        : "Public: this workbook names no supplier and no buyer."));
    LocalDate start = d.bands().stream().map(BenchmarkBand::windowStart).min(LocalDate::compareTo).orElse(null);
    LocalDate end = d.bands().stream().map(BenchmarkBand::windowEnd).max(LocalDate::compareTo).orElse(null);
    rows.add(row("Sheet " + BENCHMARKS, "One row per peer group (product_category, interface_standard, fee_type,"
        + " basis_class) and per roll-up across standards (interface_standard ALL), over the window "
        + (start == null ? "of the period" : start + " to " + end) + ". Published cells carry the statistics;"
        + " a suppressed cell (published FALSE) shows counts only and suppressed_reason. Prices in £: annualised"
        + " for RECURRING, unit price for PER_TRANSACTION, the amount for ONE_OFF; net of VAT. sa_ columns are £ per"
        + " unit of size_measure."));
    if (restricted) {
      rows.add(row("Sheet " + FLAGS, "Every flag of the month and every earlier flag still open, one row per"
          + " flagged line and rule, largest amount at stake first. Columns as in flags.csv. evidence says why the"
          + " line was flagged; related_submission_id and related_line_no name the earlier charge where there is"
          + " one; decision is empty while the flag is open, and raised_period and age_months say when it was"
          + " raised."));
      rows.add(row("Sheet " + SUPPLIER_TOTALS, "Per supplier and rule: the number of flags (n_flags) and the pounds"
          + " at stake, dismissed flags counting nothing."));
    }
    rows.add(row("Sheet " + DATA_QUALITY, "What the run's input came to: files received, accepted, rejected and"
        + " duplicate; rows read, accepted and quarantined; quarantined rows and rejected files by reason code."));
    for (RuleCode r : RuleCode.values()) {
      rows.add(row("Rule " + r.name(), r.severity().value() + ": " + r.principle() + "; flagged when "
          + r.condition() + "."));
    }
    if (d.method() != null) {
      for (Methodology.Point p : Methodology.points(d.method())) {
        rows.add(row("Method: " + p.heading(), p.text()));
      }
    }
    Sheet sheet = write(wb, st, README, ReportTables.README, rows);
    sheet.setColumnWidth(1, 110 * 256);
    for (int r = 1; r <= rows.size(); r++) {
      sheet.getRow(r).getCell(1).setCellStyle(st.wrap);
    }
    flush(sheet);
  }

  // ---- writing a sheet ----

  private static Sheet write(SXSSFWorkbook wb, Styles st, String name, Table table, List<List<Object>> rows) {
    Sheet sheet = wb.createSheet(name);
    List<Field> fields = table.fields();
    int[] width = new int[fields.size()];
    Row head = sheet.createRow(0);
    for (int c = 0; c < fields.size(); c++) {
      Cell cell = head.createCell(c);
      cell.setCellValue(fields.get(c).name());
      cell.setCellStyle(st.header);
      width[c] = fields.get(c).name().length() + 3; // room for the filter button
    }
    for (int r = 0; r < rows.size(); r++) {
      Row row = sheet.createRow(r + 1);
      List<Object> values = rows.get(r);
      for (int c = 0; c < fields.size(); c++) {
        Object v = values.get(c);
        if (v != null) {
          width[c] = Math.max(width[c], cell(row.createCell(c), fields.get(c), v, st));
        }
      }
    }
    for (int c = 0; c < fields.size(); c++) {
      sheet.setColumnWidth(c, Math.min(Math.max(width[c] + 1, 8), 60) * 256);
    }
    sheet.createFreezePane(0, 1);
    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, fields.size() - 1));
    return sheet;
  }

  /** Writes every row of a finished sheet to the workbook's temporary file, in sheet order. */
  private static void flush(Sheet sheet) throws IOException {
    ((SXSSFSheet) sheet).flushRows();
  }

  /** Writes one typed value and returns about how many characters wide it shows. */
  private static int cell(Cell cell, Field field, Object v, Styles st) {
    switch (field.type()) {
      case STRING -> {
        String s = Text.clean(v.toString());
        if (s.length() > MAX_CELL_TEXT) {
          s = s.substring(0, MAX_CELL_TEXT - 1) + "\u2026";
        }
        cell.setCellValue(s);
        cell.setCellStyle(looksLikeFormula(s) ? st.textQuoted : st.text);
        return s.length();
      }
      case MONEY, PRICE, QUANTITY -> {
        BigDecimal b = (BigDecimal) v;
        cell.setCellValue(b.doubleValue());
        cell.setCellStyle(field.type() == FieldType.MONEY ? st.gbp : field.type() == FieldType.PRICE ? st.price : st.decimal);
        return Fmt.price(b).length() + 1;
      }
      case INT, LONG -> {
        long n = ((Number) v).longValue();
        cell.setCellValue(n);
        cell.setCellStyle(st.integer);
        return Fmt.count(n).length();
      }
      case DOUBLE -> {
        double x = ((Number) v).doubleValue();
        cell.setCellValue(x);
        cell.setCellStyle(field.name().equals(Cols.MAX_SUPPLIER_SHARE) ? st.percent : st.decimal);
        return Fmt.plain(x, 4).length();
      }
      case BOOLEAN -> {
        cell.setCellValue((Boolean) v);
        return 5;
      }
      case DATE -> {
        cell.setCellValue((LocalDate) v);
        cell.setCellStyle(st.date);
        return 10;
      }
      default -> throw new IllegalStateException("no cell type for " + field.type());
    }
  }

  /** Text a spreadsheet would run as a formula if someone edited the cell. */
  static boolean looksLikeFormula(String s) {
    return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0;
  }

  /** The cell styles, made once per workbook (Excel allows only so many). */
  private static final class Styles {
    final CellStyle header;
    final CellStyle text;
    final CellStyle textQuoted;
    final CellStyle wrap;
    final CellStyle gbp;
    final CellStyle price;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle date;

    Styles(SXSSFWorkbook wb) {
      var f = wb.createDataFormat();
      Font bold = wb.createFont();
      bold.setBold(true);
      header = wb.createCellStyle();
      header.setFont(bold);
      header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      header.setBorderBottom(BorderStyle.THIN);
      text = wb.createCellStyle();
      text.setDataFormat(f.getFormat("@"));
      textQuoted = wb.createCellStyle();
      textQuoted.setDataFormat(f.getFormat("@"));
      textQuoted.setQuotePrefixed(true);
      wrap = wb.createCellStyle();
      wrap.setDataFormat(f.getFormat("@"));
      wrap.setWrapText(true);
      wrap.setVerticalAlignment(VerticalAlignment.TOP);
      gbp = numeric(wb, f.getFormat(GBP_FORMAT));
      price = numeric(wb, f.getFormat(PRICE_FORMAT));
      integer = numeric(wb, f.getFormat("#,##0"));
      decimal = numeric(wb, f.getFormat("0.00##"));
      percent = numeric(wb, f.getFormat("0.0%"));
      date = numeric(wb, f.getFormat("yyyy-mm-dd"));
    }

    private static CellStyle numeric(SXSSFWorkbook wb, short format) {
      CellStyle s = wb.createCellStyle();
      s.setDataFormat(format);
      return s;
    }
  }

  /** Money: pounds and pence. */
  public static final String GBP_FORMAT = "\"£\"#,##0.00";
  /** Prices: pounds and pence, and up to four decimals for unit prices below a penny. */
  public static final String PRICE_FORMAT = "\"£\"#,##0.00##";

  /**
   * The same zip with every entry dated at stamp, so that the bytes do not depend on the run time.
   * Read through the central directory: the streaming writer leaves sizes out of the local headers,
   * which {@link java.util.zip.ZipInputStream} cannot read.
   */
  static byte[] fixZipTimes(byte[] zip, LocalDateTime stamp) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(zip.length + 1024);
    try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(zip)).get();
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipArchiveEntry e : Collections.list(in.getEntriesInPhysicalOrder())) {
        ZipEntry copy = new ZipEntry(e.getName());
        copy.setTimeLocal(stamp);
        z.putNextEntry(copy);
        try (InputStream data = in.getInputStream(e)) {
          data.transferTo(z);
        }
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
