package org.fairfee.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the ingest (issue 10, item 1): valid files are generated, mutated (fields
 * dropped, duplicated and shuffled, quotes, NULs and random bytes inserted, very long fields, wrong
 * encodings, truncation, CR/LF soup) and read by {@link FileIngestor}. On every case: nothing is
 * thrown; the file is rejected with a file-level reason or every row is accounted for; accepted rows
 * re-validate; line numbers increase and lie within the file; and the records match a line-based
 * reference model of the contract's splitting rules, so no row can vanish unnoticed.
 *
 * <p>Replay one case: {@code -Dfairfee.fuzz.case=N} (the case number printed on failure); change the
 * run with {@code -Dfairfee.fuzz.seed=S -Dfairfee.fuzz.cases=C}.
 */
class IngestFuzzTest {

  static final long SEED = Long.getLong("fairfee.fuzz.seed", 20261125L);
  static final int CASES = Integer.getInteger("fairfee.fuzz.cases", 10_000);
  static final Rates RATES = Rates.of(Map.of("EUR", months(new BigDecimal("0.86")), "USD", months(new BigDecimal("0.79"))));

  private static Map<String, BigDecimal> months(BigDecimal rate) {
    Map<String, BigDecimal> m = new TreeMap<>();
    for (int y = 2025; y <= 2026; y++) {
      for (int mo = 1; mo <= 12; mo++) {
        m.put(String.format(Locale.ROOT, "%d-%02d", y, mo), rate);
      }
    }
    return m;
  }

  @Test
  void mutatedFilesAreAlwaysAccountedFor() {
    String only = System.getProperty("fairfee.fuzz.case");
    int from = only == null ? 0 : Integer.parseInt(only);
    int to = only == null ? CASES : from + 1;
    Map<String, Integer> mutations = new TreeMap<>();
    Map<String, Integer> outcomes = new TreeMap<>();
    long t0 = System.nanoTime();
    long c0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    for (int i = from; i < to; i++) {
      Case c = generate(i);
      c.mutations.forEach(m -> mutations.merge(m, 1, Integer::sum));
      try {
        FileOutcome s = check(c);
        outcomes.merge(s.status() == FileStatus.REJECTED ? s.reasonCode().name() : "rows read", 1, Integer::sum);
      } catch (AssertionError | RuntimeException | IOException e) {
        Path saved = save(c);
        fail("fuzz case " + i + " (seed " + SEED + ", mutations " + c.mutations + ", maxRowBytes "
            + c.options.maxRowBytes() + ") failed; bytes saved to " + saved + "; replay with -Dfairfee.fuzz.case=" + i
            + " -Dfairfee.fuzz.seed=" + SEED + ": " + e, e);
      }
    }
    System.out.printf(Locale.ROOT, "fuzzed %d cases (seed %d) in %.1f s (%.1f s of thread CPU)%n  mutations: %s%n"
        + "  outcomes: %s%n", to - from, SEED, (System.nanoTime() - t0) / 1e9,
        (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - c0) / 1e9, mutations, outcomes);
    if (only == null) {
      assertTrue(outcomes.getOrDefault("rows read", 0) > CASES / 3, "most cases reach the rows: " + outcomes);
    }
  }

  /** One generated case: the file's bytes, the options to read it with, what was done to it. */
  record Case(int number, byte[] bytes, IngestOptions options, List<String> mutations) {}

  // ------------------------------------------------------------------ checks

  static FileOutcome check(Case c) throws IOException {
    IngestTesting.Ingested r;
    try {
      r = IngestTesting.ingest(c.bytes, c.options);
    } catch (RuntimeException e) {
      throw new AssertionError("an exception escaped FileIngestor: " + e, e);
    }
    FileOutcome s = r.summary();
    IngestTesting.assertAccounted(r);
    assertEquals(c.bytes.length, s.bytes(), "bytes counted");
    if (s.status() == FileStatus.REJECTED) {
      assertEquals(ReasonCode.Level.FILE, s.reasonCode().level(), s::toString);
      assertTrue(r.rows().isEmpty(), "a rejected file returns no rows");
    }
    long physical = physicalLines(c.bytes);
    long last = 0;
    for (FileIngestor.Outcome o : r.rows()) {
      assertTrue(o.line() > last, () -> "line numbers increase: " + o.line() + " after a row on an earlier or same line");
      last = o.line();
      assertTrue(o.line() >= 2 && o.line() <= physical, () -> "line " + o.line() + " outside the file's " + physical + " lines");
      if (o.accepted()) {
        assertTrue(o.code() == null && o.reason() == null, "an accepted row carries no reason");
      } else {
        assertEquals(ReasonCode.Level.ROW, o.code().level(), o.code()::name);
        assertTrue(o.reason() != null && !o.reason().isBlank(), "a quarantined row says why");
        assertTrue(o.raw() != null && o.raw().length() <= FileIngestor.RAW_LIMIT + 3, "raw kept and cut to the limit");
      }
    }
    revalidate(r, c.options);
    compareWithModel(c, r);
    if (c.number % 8 == 0) {
      assertEquals(IngestTesting.render(r), IngestTesting.render(trickled(c)), "reading a few bytes at a time gives the same outcomes");
    }
    return s;
  }

  /** All accepted rows written back as one contract file: each is accepted again with equal values. */
  static void revalidate(IngestTesting.Ingested r, IngestOptions options) {
    List<FileIngestor.Outcome> accepted = r.rows().stream().filter(FileIngestor.Outcome::accepted).toList();
    if (accepted.isEmpty()) {
      return;
    }
    StringBuilder sb = new StringBuilder(IngestTesting.HEADER).append('\n');
    for (FileIngestor.Outcome o : accepted) {
      sb.append(IngestTesting.contractRow(o.values())).append('\n');
    }
    IngestTesting.Ingested again = IngestTesting.ingest(IngestTesting.utf8(sb.toString()), options);
    assertEquals(accepted.size(), again.rows().size(), "re-read row count");
    for (int i = 0; i < accepted.size(); i++) {
      FileIngestor.Outcome a = accepted.get(i);
      FileIngestor.Outcome b = again.rows().get(i);
      assertTrue(b.accepted(), () -> "accepted row of line " + a.line() + " does not re-validate: " + b.code() + " "
          + b.reason() + " raw " + b.raw());
      assertTrue(Arrays.equals(a.values(), b.values()), () -> "values of line " + a.line() + " changed on re-validation: "
          + Arrays.toString(a.values()) + " vs " + Arrays.toString(b.values()));
    }
  }

  static IngestTesting.Ingested trickled(Case c) throws IOException {
    SplittableRandom rnd = new SplittableRandom(c.number);
    InputStream in = new ByteArrayInputStream(c.bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + rnd.nextInt(7)));
      }
    };
    try (FileIngestor f = new FileIngestor("test.csv", in, c.options)) {
      List<FileIngestor.Outcome> rows = new ArrayList<>();
      FileIngestor.Outcome o;
      while ((o = f.next()) != null) {
        rows.add(o);
      }
      return new IngestTesting.Ingested(rows, f.summary());
    }
  }

  static long physicalLines(byte[] b) {
    long n = 0;
    for (byte x : b) {
      if (x == '\n') {
        n++;
      }
    }
    return b.length > 0 && b[b.length - 1] != '\n' ? n + 1 : n;
  }

  /**
   * The records the reference model finds must be exactly the ones the ingest accounts for: the
   * header, blank lines, then one outcome per record, on the same line, with ROW_TOO_LONG and
   * UNTERMINATED_QUOTE exactly where the model puts them.
   */
  static void compareWithModel(Case c, IngestTesting.Ingested r) {
    List<LineModel.Rec> recs = LineModel.records(c.bytes, c.options.maxRowBytes());
    int i = 0;
    long blanks = 0;
    while (i < recs.size() && recs.get(i).blank()) {
      blanks++;
      i++;
    }
    FileOutcome s = r.summary();
    if (i == recs.size()) {
      if (s.reasonCode() != ReasonCode.BINARY_FILE) {
        assertEquals(ReasonCode.EMPTY_FILE, s.reasonCode(), "the model finds no header");
      }
      return;
    }
    if (s.status() == FileStatus.REJECTED && s.reasonCode() != ReasonCode.NO_DATA_ROWS) {
      return; // the header decided; no rows to compare
    }
    i++; // the header
    List<String> expected = new ArrayList<>();
    for (; i < recs.size(); i++) {
      LineModel.Rec rec = recs.get(i);
      if (rec.blank()) {
        blanks++;
      } else {
        expected.add(rec.line() + ":" + rec.kind());
      }
    }
    List<String> actual = new ArrayList<>();
    for (FileIngestor.Outcome o : r.rows()) {
      String kind = o.code() == ReasonCode.ROW_TOO_LONG ? "TOO_LONG"
          : o.code() == ReasonCode.UNTERMINATED_QUOTE ? "UNTERMINATED_QUOTE" : "OK";
      actual.add(o.line() + ":" + kind);
    }
    assertEquals(expected, actual, "records found by the reference model");
    assertEquals(blanks, s.blankLines(), "blank lines");
    if (s.status() == FileStatus.REJECTED) {
      assertTrue(expected.isEmpty(), "NO_DATA_ROWS only when there are none");
    }
  }

  /**
   * An independent, line-based statement of how a file splits into records: whole physical lines
   * are joined while a quote is open; a record longer than the limit outside a quote is cut at the
   * end of the line where it crossed the limit; a quote still open at the limit or at the end of the
   * file gives up only the record's first line, and the lines after it are records again.
   */
  static final class LineModel {
    enum Kind { OK, TOO_LONG, UNTERMINATED_QUOTE }

    record Rec(long line, Kind kind, boolean blank) {}

    static List<Rec> records(byte[] file, int limit) {
      int start = file.length >= 3 && (file[0] & 0xff) == 0xEF && (file[1] & 0xff) == 0xBB && (file[2] & 0xff) == 0xBF ? 3 : 0;
      List<byte[]> lines = new ArrayList<>();
      int from = start;
      for (int p = start; p < file.length; p++) {
        if (file[p] == '\n') {
          lines.add(Arrays.copyOfRange(file, from, p));
          from = p + 1;
        }
      }
      boolean lastHasLf = from == file.length;
      if (!lastHasLf) {
        lines.add(Arrays.copyOfRange(file, from, file.length));
      }
      List<Rec> out = new ArrayList<>();
      int i = 0;
      while (i < lines.size()) {
        i = record(lines, lastHasLf, i, limit, out);
      }
      return out;
    }

    /** Adds the record that starts on line index i; returns the index of the line after it. */
    private static int record(List<byte[]> lines, boolean lastHasLf, int i, int limit, List<Rec> out) {
      Quotes q = new Quotes();
      long len = 0;
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      for (int k = i; k < lines.size(); k++) {
        byte[] line = lines.get(k);
        for (int p = 0; p < line.length; p++) {
          byte b = line[p];
          boolean terminatorCr = b == '\r' && !q.inQuote && len == limit;
          if (len >= limit && !terminatorCr) {
            if (q.inQuote) {
              out.add(new Rec(i + 1, Kind.UNTERMINATED_QUOTE, false));
              return i + 1;
            }
            if (k > i && q.problemLine >= 0) {
              return cut(q, i, out);
            }
            out.add(new Rec(i + 1, Kind.TOO_LONG, false));
            return k + 1;
          }
          len++;
          content.write(b);
          q.accept(b, k - i, p == line.length - 1);
        }
        boolean hasLf = k < lines.size() - 1 || lastHasLf;
        if (!q.inQuote) {
          if (k > i && q.problemLine >= 0) {
            return cut(q, i, out);
          }
          out.add(new Rec(i + 1, Kind.OK, blank(content.toByteArray())));
          return k + 1;
        }
        if (!hasLf) {
          break;
        }
        if (len >= limit) {
          out.add(new Rec(i + 1, Kind.UNTERMINATED_QUOTE, false));
          return i + 1;
        }
        len++;
        content.write('\n');
      }
      out.add(new Rec(i + 1, Kind.UNTERMINATED_QUOTE, false));
      return i + 1;
    }

    /**
     * A record over several lines that is not valid CSV gives up its first line only: malformed when
     * the first problem is on that line, else an unterminated quote; the next line starts a record.
     */
    private static int cut(Quotes q, int i, List<Rec> out) {
      out.add(new Rec(i + 1, q.problemLine == 0 ? Kind.OK : Kind.UNTERMINATED_QUOTE, false));
      return i + 1;
    }

    private static boolean blank(byte[] content) {
      int n = content.length;
      if (n > 0 && content[n - 1] == '\r') {
        n--;
      }
      for (int p = 0; p < n; p++) {
        if (content[p] != ' ' && content[p] != '\t') {
          return false;
        }
      }
      return true;
    }

    /**
     * RFC 4180 quote state: a quote opens only at a field's start; a doubled quote inside stays
     * inside. Remembers the line (counted from the record's first) of the first problem: a stray
     * quote, text after a closing quote, a carriage return outside quotes that does not end the line.
     */
    private static final class Quotes {
      boolean inQuote;
      boolean fieldStart = true;
      boolean afterClose;
      int problemLine = -1;

      void accept(byte b, int line, boolean lastOfLine) {
        if (b == '"') {
          if (inQuote) {
            inQuote = false;
            afterClose = true;
          } else if (afterClose || fieldStart) {
            inQuote = true;
            afterClose = false;
          } else {
            problem(line);
          }
          fieldStart = false;
        } else if (!inQuote) {
          if (b == ',') {
            fieldStart = true;
          } else {
            if (b == '\r' ? !lastOfLine : afterClose) {
              problem(line);
            }
            fieldStart = false;
          }
          afterClose = false;
        }
      }

      private void problem(int line) {
        if (problemLine < 0) {
          problemLine = line;
        }
      }
    }
  }

  // ------------------------------------------------------------------ generation

  static Case generate(int number) {
    SplittableRandom rnd = new SplittableRandom(SEED * 1_000_003L + number);
    IngestOptions options = new IngestOptions(rnd.nextInt(5) == 0 ? 64 * 1024 : 1024, 10, RATES);
    List<String> done = new ArrayList<>();
    byte[] bytes = validFile(rnd, done);
    int n = rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(rnd.nextInt(4) + 1);
    for (int m = 0; m < n; m++) {
      bytes = mutate(rnd, bytes, options.maxRowBytes(), done);
    }
    return new Case(number, bytes, options, done);
  }

  static final String[] WORDS = {"licence", "support", "Café", "£1,000", "\"core\"", "naïve", "emoji \uD83D\uDE00",
      "line\nbreak", "crlf\r\nbreak", "comma, inside", "tab\there", "  padded  ", "", "ünïcödé", "a \"\"quote\"\""};

  static byte[] validFile(SplittableRandom rnd, List<String> done) {
    List<SubmissionColumn> columns = new ArrayList<>(Arrays.asList(SubmissionColumn.values()));
    List<String> names = new ArrayList<>();
    if (rnd.nextInt(3) == 0) {
      Collections.shuffle(columns, new java.util.Random(rnd.nextLong()));
      done.add("shuffled header");
    }
    boolean loud = rnd.nextInt(4) == 0;
    for (SubmissionColumn c : columns) {
      String name = c.columnName();
      names.add(loud ? " " + name.toUpperCase(Locale.ROOT) + " " : name);
    }
    int extra = rnd.nextInt(5) == 0 ? rnd.nextInt(names.size() + 1) : -1;
    if (extra >= 0) {
      names.add(extra, "note");
    }
    String eol = rnd.nextBoolean() ? "\n" : "\r\n";
    StringBuilder sb = new StringBuilder();
    if (rnd.nextInt(5) == 0) {
      sb.append('\uFEFF');
    }
    sb.append(String.join(",", names)).append(eol);
    int rows = rnd.nextInt(8) == 0 ? 0 : 1 + rnd.nextInt(12);
    String[] ids = {"S-1", "S-2", "sub_3.x"};
    for (int r = 1; r <= rows; r++) {
      if (rnd.nextInt(10) == 0) {
        sb.append(rnd.nextBoolean() ? "" : " \t").append(eol);
      }
      Map<SubmissionColumn, String> v = values(rnd, ids[rnd.nextInt(ids.length)], r);
      List<String> cells = new ArrayList<>();
      for (SubmissionColumn c : columns) {
        cells.add(cell(v.get(c), rnd));
      }
      if (extra >= 0) {
        cells.add(extra, cell(rnd.nextBoolean() ? "" : WORDS[rnd.nextInt(WORDS.length)], rnd));
      }
      sb.append(String.join(",", cells));
      if (r < rows || rnd.nextInt(4) != 0) {
        sb.append(eol);
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String cell(String value, SplittableRandom rnd) {
    boolean needs = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    return needs || rnd.nextInt(10) == 0 ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  static <E extends Enum<E>> String pick(SplittableRandom rnd, Class<E> type) {
    E[] all = type.getEnumConstants();
    return all[rnd.nextInt(all.length)].name();
  }

  static Map<SubmissionColumn, String> values(SplittableRandom rnd, String id, int line) {
    Map<SubmissionColumn, String> v = new EnumMap<>(SubmissionColumn.class);
    for (SubmissionColumn c : SubmissionColumn.values()) {
      v.put(c, "");
    }
    v.put(SubmissionColumn.SUBMISSION_ID, id);
    v.put(SubmissionColumn.LINE_NO, String.valueOf(line));
    v.put(SubmissionColumn.SUPPLIER_REF, "SUP-" + rnd.nextInt(100));
    v.put(SubmissionColumn.BUYER_REF, "BUY-" + rnd.nextInt(10_000));
    v.put(SubmissionColumn.BUYER_TYPE, pick(rnd, BuyerType.class));
    if (rnd.nextBoolean()) {
      v.put(SubmissionColumn.BUYER_SIZE, rnd.nextBoolean() ? String.valueOf(1 + rnd.nextInt(1_000_000)) : "0.5");
    }
    v.put(SubmissionColumn.PRODUCT_CATEGORY, pick(rnd, ProductCategory.class));
    v.put(SubmissionColumn.INTERFACE_STANDARD, pick(rnd, InterfaceStandard.class));
    if (rnd.nextBoolean()) {
      v.put(SubmissionColumn.INTERFACE_REF, "IF-" + rnd.nextInt(50));
    }
    v.put(SubmissionColumn.FEE_TYPE, pick(rnd, FeeType.class));
    String basis = pick(rnd, ChargeBasis.class);
    v.put(SubmissionColumn.CHARGE_BASIS, basis);
    if (basis.equals("PER_TRANSACTION") || rnd.nextInt(5) == 0) {
      v.put(SubmissionColumn.QUANTITY, (1 + rnd.nextInt(5000)) + (rnd.nextBoolean() ? "" : ".25"));
    }
    boolean credit = rnd.nextInt(10) == 0;
    v.put(SubmissionColumn.AMOUNT, (credit ? "-" : "") + rnd.nextInt(100_000) + (rnd.nextBoolean() ? "" : "." + rnd.nextInt(10) + rnd.nextInt(10)));
    if (credit) {
      v.put(SubmissionColumn.CREDITS_INVOICE_REF, "INV-" + rnd.nextInt(1000));
    }
    String[] currencies = {"", "GBP", "GBP", "EUR", "USD"};
    v.put(SubmissionColumn.CURRENCY, currencies[rnd.nextInt(currencies.length)]);
    String[] vat = {"", "true", "false", "TRUE"};
    v.put(SubmissionColumn.VAT_INCLUDED, vat[rnd.nextInt(vat.length)]);
    if (rnd.nextBoolean()) {
      v.put(SubmissionColumn.INVOICE_REF, "INV " + rnd.nextInt(1000));
    }
    LocalDate date = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(730));
    v.put(SubmissionColumn.INVOICE_DATE, date.toString());
    if (rnd.nextBoolean()) {
      v.put(SubmissionColumn.SERVICE_START, date.toString());
      v.put(SubmissionColumn.SERVICE_END, date.plusDays(rnd.nextInt(400)).toString());
    }
    int words = rnd.nextInt(4);
    StringBuilder d = new StringBuilder();
    for (int w = 0; w < words; w++) {
      d.append(w > 0 ? " " : "").append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    v.put(SubmissionColumn.DESCRIPTION, d.toString());
    return v;
  }

  static final String[] EOLS = {"\n", "\r\n", "\r", "\n\r", "\r\r\n", ""};

  static byte[] mutate(SplittableRandom rnd, byte[] b, int limit, List<String> done) {
    int kind = rnd.nextInt(16);
    int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
    switch (kind) {
      case 0 -> {
        done.add("drop field");
        return onLine(rnd, b, fields -> {
          if (!fields.isEmpty()) {
            fields.remove(rnd.nextInt(fields.size()));
          }
        });
      }
      case 1 -> {
        done.add("duplicate field");
        return onLine(rnd, b, fields -> {
          if (!fields.isEmpty()) {
            int f = rnd.nextInt(fields.size());
            fields.add(f, fields.get(f));
          }
        });
      }
      case 2 -> {
        done.add("shuffle fields");
        return onLine(rnd, b, fields -> Collections.shuffle(fields, new java.util.Random(rnd.nextLong())));
      }
      case 3 -> {
        done.add("insert quote");
        String[] q = {"\"", "\"\"", "\",\"", "\"\n", ",\"", "\"x"};
        return insert(b, at, q[rnd.nextInt(q.length)].getBytes(StandardCharsets.UTF_8));
      }
      case 4 -> {
        done.add("insert NUL");
        return insert(b, at, new byte[1 + rnd.nextInt(3)]);
      }
      case 5 -> {
        done.add("random bytes");
        byte[] r = new byte[1 + rnd.nextInt(8)];
        for (int k = 0; k < r.length; k++) {
          r[k] = (byte) rnd.nextInt(256);
        }
        if (rnd.nextBoolean() && at + r.length <= b.length) {
          byte[] copy = b.clone();
          System.arraycopy(r, 0, copy, at, r.length);
          return copy;
        }
        return insert(b, at, r);
      }
      case 6 -> {
        done.add("long field");
        int[] sizes = {limit - 2, limit - 1, limit, limit + 1, limit + 2, 2 * limit, 3 * limit + 7, limit / 2};
        int size = Math.max(1, sizes[rnd.nextInt(sizes.length)] - rnd.nextInt(40));
        byte[] fill = new byte[size];
        byte f = (byte) "x9é\"".getBytes(StandardCharsets.ISO_8859_1)[rnd.nextInt(3)];
        Arrays.fill(fill, f);
        if (rnd.nextInt(4) == 0) {
          fill[0] = '"';
        }
        return insert(b, at, fill);
      }
      case 7 -> {
        done.add("windows-1252");
        String text = new String(b, StandardCharsets.UTF_8);
        Charset cp1252 = Charset.forName("windows-1252");
        if (rnd.nextBoolean()) {
          return text.getBytes(cp1252);
        }
        return onLineBytes(rnd, b, line -> new String(line, StandardCharsets.UTF_8).getBytes(cp1252));
      }
      case 8 -> {
        done.add("utf-16");
        String text = new String(b, StandardCharsets.UTF_8);
        Charset[] cs = {StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE};
        return text.getBytes(cs[rnd.nextInt(cs.length)]);
      }
      case 9 -> {
        done.add("truncate");
        return Arrays.copyOf(b, at);
      }
      case 10 -> {
        done.add("cr/lf soup");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte x : b) {
          if (x == '\n' && rnd.nextInt(3) == 0) {
            out.writeBytes(EOLS[rnd.nextInt(EOLS.length)].getBytes(StandardCharsets.US_ASCII));
          } else if (x == '\r' && rnd.nextInt(3) == 0) {
            continue;
          } else {
            out.write(x);
          }
          if (rnd.nextInt(200) == 0) {
            out.write(rnd.nextBoolean() ? '\r' : '\n');
          }
        }
        return out.toByteArray();
      }
      case 11 -> {
        done.add("duplicate row");
        List<byte[]> lines = lines(b);
        if (lines.size() > 1) {
          lines.add(1 + rnd.nextInt(lines.size() - 1), lines.get(1 + rnd.nextInt(lines.size() - 1)));
        }
        return join(lines);
      }
      case 12 -> {
        done.add("delete range");
        int end = Math.min(b.length, at + 1 + rnd.nextInt(30));
        byte[] out = new byte[b.length - (end - at)];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(b, end, out, at, b.length - end);
        return out;
      }
      case 13 -> {
        done.add("unterminated quote");
        return onLine(rnd, b, fields -> {
          if (!fields.isEmpty()) {
            int f = rnd.nextInt(fields.size());
            fields.set(f, "\"" + fields.get(f).replace("\"", ""));
          }
        });
      }
      case 14 -> {
        done.add("bad value");
        String[] bad = {"", " ", "2026-02-30", "1,000.00", "£5", "-0.001", "1e5", "yes", "acute_trust", "\u0000",
            "9999999999999999", "00000000000001", "0." + "0".repeat(400) + "1", "\uD83D\uDE00".repeat(300)};
        return onLine(rnd, b, fields -> {
          if (!fields.isEmpty()) {
            fields.set(rnd.nextInt(fields.size()), cell(bad[rnd.nextInt(bad.length)], rnd));
          }
        });
      }
      default -> {
        done.add("blank lines");
        return insert(b, lineStart(b, at), (rnd.nextBoolean() ? "\n" : " \r\n").getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  static int lineStart(byte[] b, int at) {
    int p = Math.min(at, b.length);
    while (p > 0 && b[p - 1] != '\n') {
      p--;
    }
    return p;
  }

  static byte[] insert(byte[] b, int at, byte[] what) {
    byte[] out = new byte[b.length + what.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(what, 0, out, at, what.length);
    System.arraycopy(b, at, out, at + what.length, b.length - at);
    return out;
  }

  static List<byte[]> lines(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int from = 0;
    for (int p = 0; p < b.length; p++) {
      if (b[p] == '\n') {
        out.add(Arrays.copyOfRange(b, from, p + 1));
        from = p + 1;
      }
    }
    if (from < b.length) {
      out.add(Arrays.copyOfRange(b, from, b.length));
    }
    return out;
  }

  static byte[] join(List<byte[]> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    lines.forEach(out::writeBytes);
    return out.toByteArray();
  }

  /** Applies a change to one physical line (never the header's first line alone, usually a data line). */
  static byte[] onLineBytes(SplittableRandom rnd, byte[] b, java.util.function.UnaryOperator<byte[]> change) {
    List<byte[]> lines = lines(b);
    if (lines.isEmpty()) {
      return b;
    }
    int i = lines.size() == 1 || rnd.nextInt(10) == 0 ? 0 : 1 + rnd.nextInt(lines.size() - 1);
    lines.set(i, change.apply(lines.get(i)));
    return join(lines);
  }

  /** Splits one physical line naively on commas, changes the list of fields, and joins it again. */
  static byte[] onLine(SplittableRandom rnd, byte[] b, java.util.function.Consumer<List<String>> change) {
    return onLineBytes(rnd, b, line -> {
      String text = new String(line, StandardCharsets.UTF_8);
      String end = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : "";
      List<String> fields = new ArrayList<>(Arrays.asList(text.substring(0, text.length() - end.length()).split(",", -1)));
      change.accept(fields);
      return (String.join(",", fields) + end).getBytes(StandardCharsets.UTF_8);
    });
  }

  static Path save(Case c) {
    try {
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      Path p = dir.resolve("case-" + SEED + "-" + c.number + ".csv");
      Files.write(p, c.bytes);
      return p.toAbsolutePath();
    } catch (IOException e) {
      return null;
    }
  }
}
