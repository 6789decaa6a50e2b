package org.fairfee.jobs.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.cli.Main;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.core.PausePoint;
import org.fairfee.jobs.ingest.FileIngestor;
import org.fairfee.schemas.SubmissionColumn;

/**
 * One month of generated data with dozens of suppliers ({@code generate --rows 6000 --suppliers 40})
 * plus hostile submissions (HTML, script, CSV formulas, path separators, control characters, long
 * values, crafted supplier references), run once through the monthly job in this JVM on the shared
 * SparkSession, for the leak and injection tests. Built on first use and kept under
 * {@code target/reliability/hostile-month/} for inspection.
 */
final class HostileMonth {
  static final String PERIOD = "2026-10";
  static final long SEED = 10;

  /** Hostile text for interface_ref / invoice_ref / credits_invoice_ref: all within the contract's 64 characters. */
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
  static final String PLUS_CMD = "+cmd|' /C calc'!A0";
  static final String MINUS = "-2+3";
  static final String AT_SUM = "@SUM(A1)";
  static final String TRAVERSAL = "../../etc/passwd";
  static final String BACKSLASHES = "..\\..\\windows\\win.ini";
  static final String SVG = "\"><svg/onload=alert(1)>";
  static final String BIDI = "INV\u202Etxt.exe";
  static final String C1 = "NEL\u0085LS\u2028X";
  static final String ENTITY = "&lt;b&gt;&amp;";
  static final String LONG = "=" + "1+".repeat(31) + "1"; // 64 characters
  static final String TAB_FORMULA = "\t=1+1"; // the blanks around a value are trimmed at ingest: "=1+1"
  static final String DUP_REF = "<b>dup</b>";
  static final String CREDIT_REF = "-1+1";
  static final String CREDIT_NOTE_REF = "=CN1";
  static final String DESCRIPTION = "<script>alert('d')</script> =HYPERLINK(\"http://x\",\"d\") ../../etc/passwd\r\n\tline "
      + "x".repeat(300);

  static final List<String> HOSTILE_REFS = List.of(SCRIPT, IMG, HYPERLINK, PLUS_CMD, MINUS, AT_SUM, TRAVERSAL,
      BACKSLASHES, SVG, BIDI, C1, ENTITY, LONG, DUP_REF, CREDIT_REF, CREDIT_NOTE_REF);

  /** Supplier references that break the contract; each must be quarantined, never a file name. */
  static final List<String> CRAFTED_SUPPLIERS = List.of("../../etc/passwd", "SUP/../../X", "..", "<script>",
      "sup-lower", "=1+1", "SUP\\EVIL", "SUP-" + "X".repeat(29), "%2e%2e%2f");

  static final String EVIL = "SUP-EVIL";
  static final String DASHED = "-SUP-EVIL2"; // valid by the contract, starts like a formula
  static final String HOSTILE_FILE = "=2+3 <b>.csv"; // a hostile input file name
  static final String FORMULA_ID = "=cmd|' /C calc'!A0"; // a submission_id (refused) that starts a raw line

  private static HostileMonth instance;

  final Path root;
  final Path input;
  final Path out;
  final Path month;
  final int code;
  final String stdout;
  final String stderr;
  /** The run started while this one held the lock, and its exit code. */
  volatile Child second;
  volatile int secondCode;
  /** Accepted rows' references, from the input read back through the real validator. */
  final Set<String> suppliers = new TreeSet<>();
  final Set<String> buyers = new TreeSet<>();
  final Map<String, Set<String>> buyersOf = new TreeMap<>();
  /** Descriptions of accepted rows (distinctive ones) and raw text of quarantined rows. */
  final Set<String> acceptedDescriptions = new TreeSet<>();
  final List<String> quarantinedRaw = new ArrayList<>();

  static synchronized HostileMonth get() throws IOException {
    if (instance == null) {
      instance = new HostileMonth(Path.of("target", "reliability", "hostile-month").toAbsolutePath());
    }
    return instance;
  }

  private HostileMonth(Path root) throws IOException {
    this.root = root;
    deleteTree(root);
    Path gen = root.resolve("gen");
    Files.createDirectories(gen);
    run("generate", "--out", gen.toString(), "--seed", String.valueOf(SEED), "--rows", "6000", "--suppliers", "40");
    input = gen.resolve("submissions");
    writeHostileFiles(input);
    out = root.resolve("out");
    SparkTestBase.shared();
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    String[] args = {"run", "--input", input.toString(), "--period", PERIOD, "--out", out.toString(),
        "--config", gen.resolve("config.json").toString(), "--quiet"};
    // This run doubles as the first of two concurrent runs: once it holds the lock, the same command
    // starts as a real process, which must refuse (ConcurrentRunTest checks what it said).
    PausePoint.listener = stage -> {
      if (stage.equals("locked") && second == null) {
        try (Child c = Child.start(root.getParent(), null, args)) {
          secondCode = c.awaitExit();
          second = c;
        } catch (IOException | InterruptedException x) {
          throw new IllegalStateException(x);
        }
      }
    };
    try {
      code = Main.execute(args, new PrintStream(o, true, StandardCharsets.UTF_8),
          new PrintStream(e, true, StandardCharsets.UTF_8));
    } finally {
      PausePoint.listener = null;
    }
    stdout = o.toString(StandardCharsets.UTF_8);
    stderr = e.toString(StandardCharsets.UTF_8);
    month = out.resolve(PERIOD);
    readBack(Options.fromJson(Files.readString(gen.resolve("config.json"))).ingest());
  }

  static void run(String... argv) {
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    int c = Main.execute(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(e, true, StandardCharsets.UTF_8));
    if (c != 0) {
      throw new IllegalStateException("fairfee " + argv[0] + " failed: " + e.toString(StandardCharsets.UTF_8));
    }
  }

  /** Reads every input file through the validator: the references and texts the outputs are checked for. */
  private void readBack(IngestOptions options) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(input)) {
      files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path p : files) {
      try (InputStream in = Files.newInputStream(p); FileIngestor r = new FileIngestor(p.toString(), in, options)) {
        FileIngestor.Outcome o;
        while ((o = r.next()) != null) {
          if (o.accepted()) {
            String s = (String) o.values()[SubmissionColumn.SUPPLIER_REF.ordinal()];
            String b = (String) o.values()[SubmissionColumn.BUYER_REF.ordinal()];
            suppliers.add(s);
            buyers.add(b);
            buyersOf.computeIfAbsent(s, k -> new TreeSet<>()).add(b);
            String d = (String) o.values()[SubmissionColumn.DESCRIPTION.ordinal()];
            if (d != null && d.length() >= 24) {
              acceptedDescriptions.add(d);
            }
          } else {
            quarantinedRaw.add(o.raw());
          }
        }
      }
    }
  }

  // ---- the hostile input ----

  private static void writeHostileFiles(Path input) throws IOException {
    Path dir = Files.createDirectories(input.resolve("hostile"));
    List<Map<String, String>> rows = new ArrayList<>();
    int[] line = {0};
    // Charges that are always flagged (P1, P2), so their references reach flags, statements and the register.
    String[][] flagged = {
        {"SPECIFICATION_ACCESS", SCRIPT, HYPERLINK},
        {"COOPERATION", IMG, PLUS_CMD},
        {"SPECIFICATION_ACCESS", TRAVERSAL, MINUS},
        {"COOPERATION", BACKSLASHES, AT_SUM},
        {"SPECIFICATION_ACCESS", SVG, BIDI},
        {"SPECIFICATION_ACCESS", LONG, ENTITY},
        {"COOPERATION", C1, TAB_FORMULA},
    };
    for (String[] f : flagged) {
      rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", f[0], "ONE_OFF", f[1], f[2], "2026-10-0" + (1 + line[0] % 9),
          "1" + line[0] + "5.00", null, DESCRIPTION));
    }
    // A credit note that reverses a charge in full, naming it by a hostile reference.
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL2", "COOPERATION", "ONE_OFF", "@cmd", CREDIT_REF, "2026-10-02",
        "300.00", null, "<b>credited</b>"));
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL2", "COOPERATION", "ONE_OFF", "@cmd", CREDIT_NOTE_REF,
        "2026-10-03", "-300.00", CREDIT_REF, "=credit"));
    // The same licence charged twice (P5_DUPLICATE), with HTML in its references.
    for (int i = 0; i < 2; i++) {
      Map<String, String> r = row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", "LICENCE", "ANNUAL", "=2+3", DUP_REF,
          "2026-10-1" + i, "1200.00", null, SCRIPT);
      r.put("service_start", "2026-10-01");
      r.put("service_end", "2027-09-30");
      rows.add(r);
    }
    // A supplier whose (valid) reference starts with '-', and a description at the contract's limit.
    rows.add(row("S-HOSTILE-1", ++line[0], DASHED, "AT-EVIL1", "SPECIFICATION_ACCESS", "ONE_OFF", "IF-1", "=1-1",
        "2026-10-05", "250.00", null, "<i>" + "y".repeat(493)));
    // Rows the contract refuses: crafted supplier references, control characters, values over the limits.
    for (String s : CRAFTED_SUPPLIERS) {
      rows.add(row("S-HOSTILE-1", ++line[0], s, "AT-EVIL1", "SPECIFICATION_ACCESS", "ONE_OFF", "IF-1", "Q" + line[0],
          "2026-10-06", "100.00", null, "crafted supplier " + s));
    }
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", "COOPERATION", "ONE_OFF", "IF-\u0007BEL", "Q-BEL",
        "2026-10-06", "100.00", null, null));
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", "COOPERATION", "ONE_OFF", "IF-1", "Q-ESC", "2026-10-06",
        "100.00", null, "\u001b]0;owned\u0007\u001b[2J terminal escapes"));
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", "COOPERATION", "ONE_OFF", "I".repeat(65), "Q-LONG",
        "2026-10-06", "100.00", null, null));
    rows.add(row("S-HOSTILE-1", ++line[0], EVIL, "AT-EVIL1", "COOPERATION", "ONE_OFF", "IF-1", "Q-DESC", "2026-10-06",
        "100.00", null, "z".repeat(501)));
    StringBuilder csv = new StringBuilder(Fixtures.HEADER).append("\r\n");
    for (Map<String, String> r : rows) {
      csv.append(line(r)).append("\r\n");
    }
    Files.writeString(dir.resolve("SUP-EVIL-2026-10.csv"), csv, StandardCharsets.UTF_8);

    // A file with a hostile name: one good row, and one whose first cell is a formula (raw text starts with '=').
    StringBuilder named = new StringBuilder(Fixtures.HEADER).append('\n');
    named.append(line(row("S-HOSTILE-2", 1, EVIL, "AT-EVIL2", "SPECIFICATION_ACCESS", "ONE_OFF", "IF-2", "N1",
        "2026-10-07", "90.00", null, null))).append('\n');
    named.append(line(row(FORMULA_ID, 2, EVIL, "AT-EVIL2", "SPECIFICATION_ACCESS", "ONE_OFF", "IF-2",
        "N2", "2026-10-07", "90.00", null, null))).append('\n');
    Files.writeString(input.resolve(HOSTILE_FILE), named, StandardCharsets.UTF_8);
  }

  private static Map<String, String> row(String sid, int lineNo, String supplier, String buyer, String fee, String basis,
      String iface, String invoiceRef, String date, String amount, String credits, String description) {
    Map<String, String> r = new LinkedHashMap<>();
    r.put("submission_id", sid);
    r.put("line_no", String.valueOf(lineNo));
    r.put("supplier_ref", supplier);
    r.put("buyer_ref", buyer);
    r.put("buyer_type", "ACUTE_TRUST");
    r.put("buyer_size", "4000");
    r.put("product_category", "EPR");
    r.put("interface_standard", "PROPRIETARY");
    r.put("interface_ref", iface);
    r.put("fee_type", fee);
    r.put("charge_basis", basis);
    r.put("quantity", null);
    r.put("amount", amount);
    r.put("currency", "GBP");
    r.put("vat_included", "false");
    r.put("invoice_ref", invoiceRef);
    r.put("invoice_date", date);
    r.put("service_start", null);
    r.put("service_end", null);
    r.put("credits_invoice_ref", credits);
    r.put("description", description);
    return r;
  }

  /** One CSV line in the contract's column order, quoting what needs it (RFC 4180). */
  private static String line(Map<String, String> r) {
    List<String> cells = new ArrayList<>();
    for (String c : Fixtures.HEADER.split(",")) {
      String v = r.get(c);
      if (v == null) {
        cells.add("");
      } else if (v.matches("(?s).*[,\"\r\n].*") || !v.equals(v.strip())) {
        cells.add('"' + v.replace("\"", "\"\"") + '"');
      } else {
        cells.add(v);
      }
    }
    return String.join(",", cells);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
