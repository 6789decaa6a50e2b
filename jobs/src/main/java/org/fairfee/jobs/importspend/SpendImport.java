package org.fairfee.jobs.importspend;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.jobs.core.Version;
import org.fairfee.reports.Csv;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.InterfaceStandard;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;
import org.fairfee.schemas.Tables;

/**
 * {@code fairfee import-spend}: converts every CSV file under an input folder into submission files of
 * the contract, one per input file, and writes what happened:
 *
 * <pre>
 * OUT/submissions/...          the converted files (relative paths as in the input); suppliers and
 *                              buyers appear only as SUP-/BUY- references
 * OUT/import-manifest.json     per input file: status, rows read/accepted/quarantined/skipped, reason,
 *                              encoding, date order, header mapping
 * OUT/import-quarantine.csv    every row not converted: file, line, reason_code, reason, raw
 * RESTRICTED/suppliers.csv     name to SUP- reference, RESTRICTED/buyers.csv name to BUY- reference
 * </pre>
 *
 * The first three are replaced together at the end (written to a staging folder first), so a failed
 * import leaves the previous one in place.
 */
public final class SpendImport {
  private SpendImport() {}

  public static final String SUBMISSIONS = "submissions";
  public static final String QUARANTINE = "import-quarantine.csv";
  public static final String RESTRICTED = "restricted";
  static final String STAGING = ".import-staging";
  /** Spend files are read whole; one larger than this is refused rather than exhausting memory. */
  static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

  /** What to import, from where to where, and how. */
  public record Request(Path input, Path out, Path restricted, SpendFile.Settings settings, SpendOptions options,
      PseudonymKey key, String mappingFile) {}

  /** The per-file results (input order), the outputs written per file (null when none), the files ignored. */
  public record Summary(List<SpendFile.Result> files, List<String> outputs, List<String> ignored, Path manifest,
      Path quarantine, Path submissions, List<Path> nameTables) {

    public long rows(java.util.function.ToLongFunction<SpendFile.Result> f) {
      return files.stream().filter(r -> r.status == FileStatus.ACCEPTED).mapToLong(f).sum();
    }
  }

  /** Refuses an output folder that holds a submissions folder this command did not write. */
  public static void checkOut(Io io, Path out) throws IOException {
    if (io.exists(new Path(out, SUBMISSIONS)) && !io.exists(new Path(out, ImportManifest.FILE_NAME))) {
      throw new IllegalArgumentException("the output folder already has a " + SUBMISSIONS + "/ folder that"
          + " import-spend did not write; choose another --out");
    }
  }

  public static Summary run(Io io, Request r) throws IOException {
    Instant started = Instant.now();
    checkOut(io, r.out());
    List<String> ignored = new ArrayList<>();
    List<Io.Found> csvs = new ArrayList<>();
    for (Io.Found f : io.listRecursive(r.input(), "")) {
      if (f.relative().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        csvs.add(f);
      } else {
        ignored.add(f.relative());
      }
    }
    SpendFile converter = new SpendFile(r.settings(), new Classifier(r.options()), new Pseudonyms(r.key().key()));
    List<SpendFile.Result> results = new ArrayList<>();
    for (Io.Found f : csvs) {
      results.add(read(io, converter, f));
    }
    CreditMatcher.resolve(results);

    Path staging = new Path(r.out(), STAGING);
    io.deleteRecursively(staging);
    List<String> outputs = new ArrayList<>();
    for (SpendFile.Result res : results) {
      if (res.status == FileStatus.ACCEPTED && !res.payments.isEmpty()) {
        String rel = SUBMISSIONS + "/" + res.file;
        io.write(new Path(staging, rel), submission(res.payments, r.settings()));
        outputs.add(rel);
      } else {
        outputs.add(null);
      }
    }
    io.write(new Path(staging, QUARANTINE), quarantine(results));
    ImportManifest.Run run = new ImportManifest.Run(Version.get(), r.input().toString(), r.out().toString(),
        r.restricted().toString(), r.settings().buyerType().name(), r.settings().buyer(), r.settings().itOnly(),
        r.mappingFile(), r.key().source(), started, Instant.now());
    io.write(new Path(staging, ImportManifest.FILE_NAME), ImportManifest.render(run, results, outputs, ignored,
        JSON.valueToTree(r.options())));
    if (!io.exists(new Path(staging, SUBMISSIONS))) {
      io.mkdirs(new Path(staging, SUBMISSIONS));
    }

    List<SpendFile.Name> suppliers = new ArrayList<>();
    List<SpendFile.Name> buyers = new ArrayList<>();
    for (SpendFile.Result res : results) {
      suppliers.addAll(res.suppliers);
      buyers.addAll(res.buyers);
    }
    List<Path> tables = NameTables.write(io, r.restricted(), suppliers, buyers);

    for (String name : List.of(SUBMISSIONS, QUARANTINE, ImportManifest.FILE_NAME)) {
      Path target = new Path(r.out(), name);
      io.deleteRecursively(target);
      io.rename(new Path(staging, name), target);
    }
    io.deleteRecursively(staging);
    return new Summary(results, outputs, ignored, new Path(r.out(), ImportManifest.FILE_NAME),
        new Path(r.out(), QUARANTINE), new Path(r.out(), SUBMISSIONS), tables);
  }

  // Exact decimals: the threshold shows as 1000.00, not 1E+3.
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

  private static SpendFile.Result read(Io io, SpendFile converter, Io.Found f) {
    if (f.bytes() > MAX_FILE_BYTES) {
      return unreadable(f, "the file has " + f.bytes() + " bytes; import-spend reads files of at most "
          + MAX_FILE_BYTES + " bytes (split it)");
    }
    byte[] bytes;
    try {
      bytes = io.readAll(new Path(f.path()));
    } catch (IOException e) {
      return unreadable(f, "the file could not be read: " + e.getMessage());
    }
    return converter.convert(f.relative(), bytes);
  }

  private static SpendFile.Result unreadable(Io.Found f, String why) {
    SpendFile.Result r = new SpendFile.Result();
    r.file = f.relative();
    r.bytes = f.bytes();
    r.reject(ReasonCode.UNREADABLE_FILE, why);
    return r;
  }

  /** The submission file of one input file: the contract's header, then one row per payment by line. */
  static String submission(List<SpendFile.Payment> payments, SpendFile.Settings settings) {
    StringBuilder sb = new StringBuilder(Csv.line(Tables.CHARGES.columnNames().subList(0,
        SubmissionColumn.values().length)));
    List<SpendFile.Payment> sorted = new ArrayList<>(payments);
    sorted.sort(Comparator.comparing(SpendFile.Payment::submissionId).thenComparingLong(SpendFile.Payment::line));
    String[] cells = new String[SubmissionColumn.values().length];
    for (SpendFile.Payment p : sorted) {
      java.util.Arrays.fill(cells, null);
      cells[SubmissionColumn.SUBMISSION_ID.ordinal()] = p.submissionId();
      cells[SubmissionColumn.LINE_NO.ordinal()] = Long.toString(p.line());
      cells[SubmissionColumn.SUPPLIER_REF.ordinal()] = p.supplierRef();
      cells[SubmissionColumn.BUYER_REF.ordinal()] = p.buyerRef();
      cells[SubmissionColumn.BUYER_TYPE.ordinal()] = settings.buyerType().name();
      cells[SubmissionColumn.PRODUCT_CATEGORY.ordinal()] = p.category().name();
      cells[SubmissionColumn.INTERFACE_STANDARD.ordinal()] = InterfaceStandard.NOT_APPLICABLE.name();
      cells[SubmissionColumn.FEE_TYPE.ordinal()] = p.feeType().name();
      cells[SubmissionColumn.CHARGE_BASIS.ordinal()] = ChargeBasis.ONE_OFF.name();
      cells[SubmissionColumn.AMOUNT.ordinal()] = p.amount().setScale(2).toPlainString();
      cells[SubmissionColumn.CURRENCY.ordinal()] = Rates.GBP;
      cells[SubmissionColumn.INVOICE_REF.ordinal()] = p.invoiceRef();
      cells[SubmissionColumn.INVOICE_DATE.ordinal()] = p.date().toString();
      cells[SubmissionColumn.CREDITS_INVOICE_REF.ordinal()] = p.creditsInvoiceRef();
      cells[SubmissionColumn.DESCRIPTION.ordinal()] = p.description();
      sb.append(Csv.line(cells));
    }
    return sb.toString();
  }

  /** import-quarantine.csv: every quarantined row of every accepted file, by file and line. */
  static String quarantine(List<SpendFile.Result> results) {
    StringBuilder sb = new StringBuilder(Csv.line(Tables.QUARANTINE.columnNames()));
    for (SpendFile.Result r : results) {
      if (r.status != FileStatus.ACCEPTED) {
        continue;
      }
      for (SpendFile.Quarantined q : r.quarantined) {
        sb.append(Csv.line(q.file(), Long.toString(q.line()), q.code().name(), q.reason(), q.raw()));
      }
    }
    return sb.toString();
  }
}
