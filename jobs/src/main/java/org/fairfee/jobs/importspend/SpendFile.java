package org.fairfee.jobs.importspend;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;

/**
 * Converts one published spend file into payments of the submission contract, accounting for every
 * row: each data row becomes a payment, is quarantined with a reason, or (with {@code --it-only})
 * is skipped as not IT-related. Plain Java, no Spark: spend files are small.
 */
public final class SpendFile {

  /** How to read the files of one import. */
  public record Settings(BuyerType buyerType, String buyer, boolean itOnly, Map<SpendField, String> mapping) {
    public Settings {
      buyerType = buyerType == null ? BuyerType.ACUTE_TRUST : buyerType;
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
    }
  }

  /**
   * One payment as a contract row. {@code amount} is negative for a credit, whose
   * {@code creditsInvoiceRef} is set once the payment it reverses is found.
   */
  public record Payment(String file, long line, String submissionId, String supplierRef, String buyerRef,
      ProductCategory category, FeeType feeType, BigDecimal amount, LocalDate date, String invoiceRef,
      String creditsInvoiceRef, String description, String raw) {

    public Payment withCredits(String ref) {
      return new Payment(file, line, submissionId, supplierRef, buyerRef, category, feeType, amount, date,
          invoiceRef, ref, description, raw);
    }

    public boolean isCredit() {
      return amount.signum() < 0;
    }
  }

  /** A row that was read but not converted: where it starts, why, and its text. */
  public record Quarantined(String file, long line, ReasonCode code, String reason, String raw) {}

  /** A name as written, its normalised form and its reference: one row of a restricted name table. */
  public record Name(String written, String normalised, String ref) {}

  /** What became of one file; counts of converted and quarantined rows are the lists' sizes. */
  public static final class Result {
    public String file;
    public String sha256;
    public long bytes;
    public FileStatus status = FileStatus.ACCEPTED;
    public ReasonCode reasonCode;
    public String reason;
    public long rowsRead;
    public long rowsSkipped;
    public long rowsWithoutReference;
    public long blankLines;
    public long preambleLines;
    public String encoding;
    public String delimiter;
    public String dateOrder;
    public String dateEvidence;
    public long headerLine;
    public String referenceFormat;
    public String buyerSource;
    public Map<String, String> headerMapping = new LinkedHashMap<>();
    public List<String> unmappedColumns = new ArrayList<>();
    public final List<Payment> payments = new ArrayList<>();
    public final List<Quarantined> quarantined = new ArrayList<>();
    public final List<Name> suppliers = new ArrayList<>();
    public final List<Name> buyers = new ArrayList<>();

    public long rowsAccepted() {
      return status == FileStatus.ACCEPTED ? payments.size() : 0;
    }

    public long rowsQuarantined() {
      return status == FileStatus.ACCEPTED ? quarantined.size() : 0;
    }

    /** Accepted credits whose original payment is not in the input (counted among the accepted rows). */
    public long rowsUnmatchedCredits() {
      return status == FileStatus.ACCEPTED
          ? payments.stream().filter(p -> UNMATCHED_CREDIT.equals(p.creditsInvoiceRef())).count() : 0;
    }

    public TreeSet<String> submissionIds() {
      TreeSet<String> ids = new TreeSet<>();
      payments.forEach(p -> ids.add(p.submissionId()));
      return ids;
    }

    void reject(ReasonCode code, String why) {
      status = FileStatus.REJECTED;
      reasonCode = code;
      reason = why;
      payments.clear();
      quarantined.clear();
    }
  }

  /** The prefix of every imported submission_id; the duplicate-payment rule looks only at these. */
  public static final String SUBMISSION_PREFIX = "SPEND-";

  /**
   * credits_invoice_ref of a credit whose original payment is not in the input: a reversal of a
   * payment published in an earlier period, valid published data. It names no payment of the
   * input, so it nets against nothing and takes no part in duplicate-payment matching.
   */
  public static final String UNMATCHED_CREDIT = "UNMATCHED";
  /** How many lines from the top a header row may start on (title lines come first in some files). */
  static final int HEADER_SEARCH_LINES = 30;
  private static final Pattern DOCUMENT_LINE = Pattern.compile("(.*\\S) - ([0-9]{1,4})");
  private static final Pattern TOTALS = Pattern.compile("(?i)(grand )?(sum|total|totals)\\b.*");

  private final Settings settings;
  private final Classifier classifier;
  private final Pseudonyms pseudonyms;

  public SpendFile(Settings settings, Classifier classifier, Pseudonyms pseudonyms) {
    this.settings = settings;
    this.classifier = classifier;
    this.pseudonyms = pseudonyms;
  }

  /** Converts a file's bytes; {@code relative} is its path under the input folder, with '/' separators. */
  public Result convert(String relative, byte[] bytes) {
    Result r = new Result();
    r.file = relative;
    r.bytes = bytes.length;
    r.sha256 = sha256(bytes);
    SpendText.Decoded text = SpendText.decode(bytes);
    r.encoding = text.encoding();
    if (text.notText() != null) {
      r.reject(ReasonCode.BINARY_FILE, text.notText());
      return r;
    }
    List<SpendText.Line> lines = text.lines();
    if (lines.stream().allMatch(l -> l.text().isBlank())) {
      r.blankLines = lines.size();
      r.reject(ReasonCode.EMPTY_FILE, bytes.length == 0 ? "the file is empty (0 bytes)" : "the file has no header row");
      return r;
    }
    int headerAt = -1;
    char delimiter = ',';
    HeaderMap header = null;
    HeaderMap closest = null;
    int closestAt = -1;
    int looked = 0;
    for (int i = 0; i < lines.size() && looked < HEADER_SEARCH_LINES && header == null; i++) {
      if (lines.get(i).text().isBlank()) {
        continue;
      }
      looked++;
      for (char d : SpendCsv.DELIMITERS) {
        HeaderMap m = HeaderMap.of(SpendCsv.splitLine(lines.get(i).text(), d), settings.mapping());
        if (m.usable() && (header == null || m.found() > header.found())) {
          header = m;
          headerAt = i;
          delimiter = d;
        }
        if (closest == null || m.found() > closest.found()) {
          closest = m;
          closestAt = i;
        }
      }
    }
    if (header == null) {
      String where = closest != null && closest.found() > 0
          ? " (the closest is line " + lines.get(closestAt).number() + ", which has " + String.join(", ",
              closest.used().values()) + ")"
          : "";
      r.reject(ReasonCode.MISSING_COLUMN, "no header row in the first " + HEADER_SEARCH_LINES
          + " lines has the columns fairfee needs: missing " + String.join("; ", closest == null
              ? List.of("every column") : closest.missing()) + where + ". Give a mapping file (--mapping) for an"
          + " unusual layout");
      return r;
    }
    r.headerLine = lines.get(headerAt).number();
    r.delimiter = switch (delimiter) {
      case '\t' -> "tab";
      case ';' -> "semicolon";
      case '|' -> "pipe";
      default -> "comma";
    };
    for (int i = 0; i < headerAt; i++) {
      if (lines.get(i).text().isBlank()) {
        r.blankLines++;
      } else {
        r.preambleLines++;
      }
    }
    r.headerMapping = header.used();
    r.unmappedColumns = header.unmapped();
    r.buyerSource = header.indexOf(SpendField.BUYER) >= 0 ? "column " + r.headerMapping.get(SpendField.BUYER.key())
        : settings.buyer() != null ? "--buyer" : folder(relative) != null ? "folder name" : "file name";

    List<SpendCsv.Record> records = new ArrayList<>();
    SpendCsv csv = new SpendCsv(lines, headerAt + 1, delimiter);
    SpendCsv.Record rec;
    while ((rec = csv.next()) != null) {
      if (rec.blank()) {
        r.blankLines++;
      } else {
        records.add(rec);
      }
    }
    if (records.isEmpty()) {
      r.reject(ReasonCode.NO_DATA_ROWS, "the file has a header but no data rows");
      return r;
    }
    List<String> dates = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (SpendCsv.Record x : records) {
      dates.add(value(x, header, SpendField.DATE));
      refs.add(Refs.clean(value(x, header, SpendField.TRANSACTION_REF)));
    }
    Dates.Detected order = Dates.detect(dates);
    r.dateOrder = order.report();
    r.dateEvidence = order.evidence();
    boolean documentLines = documentLines(refs);
    r.referenceFormat = header.indexOf(SpendField.TRANSACTION_REF) < 0
        ? "no transaction reference column: the supplier's reference is used"
        : documentLines ? "document - line: split lines of one document share the document number"
        : "as published";
    for (SpendCsv.Record x : records) {
      r.rowsRead++;
      row(r, x, header, order.order(), documentLines, delimiter);
    }
    return r;
  }

  private void row(Result r, SpendCsv.Record rec, HeaderMap header, Dates.Order order, boolean documentLines,
      char delimiter) {
    if (rec.unterminated()) {
      quarantine(r, rec, ReasonCode.UNTERMINATED_QUOTE, "a quote opened on this line is never closed;"
          + " reading went on with the next line", rec.raw());
      return;
    }
    String[] f = rec.fields();
    if (f.length < header.width() && f.length <= header.lastMappedIndex()) {
      quarantine(r, rec, ReasonCode.TOO_FEW_FIELDS, "the row has " + f.length + " fields; the header has "
          + header.width(), rec.raw());
      return;
    }
    if (f.length > header.width()) {
      for (int i = header.width(); i < f.length; i++) {
        if (!f[i].isBlank()) {
          quarantine(r, rec, ReasonCode.TOO_MANY_FIELDS, "the row has " + f.length + " fields; the header has "
              + header.width() + " (an amount with a thousands separator and no quotes splits in two)", rec.raw());
          return;
        }
      }
    }
    String supplier = SpendDescription.tidy(value(rec, header, SpendField.SUPPLIER));
    String organisation = Names.organisation(supplier);
    String type = value(rec, header, SpendField.EXPENSE_TYPE);
    String area = value(rec, header, SpendField.EXPENSE_AREA);
    if (settings.itOnly() && !classifier.isIt(organisation, type, area)) {
      r.rowsSkipped++;
      return;
    }
    String supplierRef = organisation.isEmpty() || classifier.isRedacted(organisation) ? null
        : pseudonyms.supplier(organisation);
    String raw = supplierRef == null ? rec.raw() : pseudonymisedRaw(rec, header, supplierRef, delimiter);
    if (supplierRef != null) {
      r.suppliers.add(new Name(supplier, organisation, supplierRef));
    }

    List<ReasonCode> codes = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    if (supplier.isEmpty()) {
      String totals = totalsLabel(f);
      if (totals != null && value(rec, header, SpendField.DATE).isBlank()) {
        quarantine(r, rec, ReasonCode.MISSING_VALUE, "a totals row ('" + Amounts.cut(totals)
            + "'), not a payment: it has no supplier and no date", raw);
        return;
      }
      codes.add(ReasonCode.MISSING_VALUE);
      problems.add("supplier name is empty");
    } else if (organisation.isEmpty()) {
      codes.add(ReasonCode.MISSING_VALUE);
      problems.add("supplier name '" + Amounts.cut(supplier) + "' has no letters or digits");
    } else if (classifier.isRedacted(organisation)) {
      codes.add(ReasonCode.MISSING_VALUE);
      problems.add("supplier name '" + Amounts.cut(supplier) + "' stands for a withheld name, so its payments"
          + " cannot be told apart from other people's");
    }
    Amounts.Parsed amount = Amounts.parse(value(rec, header, SpendField.AMOUNT));
    if (!amount.ok()) {
      codes.add(amount.code());
      problems.add(amount.problem());
    }
    String transaction = Refs.clean(value(rec, header, SpendField.TRANSACTION_REF));
    String theirRef = Refs.clean(value(rec, header, SpendField.SUPPLIER_REF));
    String documentLine = null;
    if (documentLines && transaction != null) {
      Matcher m = DOCUMENT_LINE.matcher(transaction);
      if (m.matches()) {
        transaction = m.group(1);
        documentLine = m.group(2);
      }
    }
    String invoiceRef = transaction != null ? transaction : theirRef;
    int refMax = SubmissionColumn.INVOICE_REF.maxLength();
    if (invoiceRef != null && invoiceRef.length() > refMax) {
      codes.add(ReasonCode.INVALID_TEXT);
      problems.add("reference '" + Amounts.cut(invoiceRef) + "' has " + invoiceRef.length()
          + " characters; at most " + refMax + " are allowed");
    }
    if (theirRef != null && theirRef.length() > refMax) {
      theirRef = theirRef.substring(0, refMax - 3) + "...";
    }
    Dates.Parsed date = Dates.parse(value(rec, header, SpendField.DATE), order);
    if (!date.ok()) {
      codes.add(date.code());
      problems.add(date.problem());
    }
    if (!codes.isEmpty()) {
      quarantine(r, rec, codes.get(0), String.join("; ", problems), raw);
      return;
    }
    String buyerName = SpendDescription.tidy(value(rec, header, SpendField.BUYER));
    if (buyerName.isEmpty() || Names.organisation(buyerName).isEmpty()) {
      buyerName = fallbackBuyer(r.file);
    }
    String buyerKey = Names.organisation(buyerName);
    String buyerRef = pseudonyms.buyer(buyerKey);
    r.buyers.add(new Name(buyerName, buyerKey, buyerRef));
    if (invoiceRef == null) {
      r.rowsWithoutReference++;
    }
    ProductCategory known = classifier.knownSupplier(organisation);
    r.payments.add(new Payment(r.file, rec.line(), submissionId(buyerRef, r.file), supplierRef, buyerRef,
        known == null ? ProductCategory.OTHER : known, classifier.feeType(type), amount.value(), date.value(),
        invoiceRef, null, SpendDescription.of(type, area, documentLine, transaction != null ? theirRef : null), raw));
  }

  private static void quarantine(Result r, SpendCsv.Record rec, ReasonCode code, String why, String raw) {
    String shown = raw.length() > 2000 ? raw.substring(0, 2000) + "..." : raw;
    r.quarantined.add(new Quarantined(r.file, rec.line(), code, why, shown));
  }

  /** A stable submission_id for one buyer's payments in one input file. */
  static String submissionId(String buyerRef, String relative) {
    String hex = sha256((buyerRef + "\n" + relative).getBytes(StandardCharsets.UTF_8));
    return SUBMISSION_PREFIX + hex.substring(0, 16).toUpperCase(Locale.ROOT);
  }

  /** The buyer of a file without a buyer column: --buyer, else the folder it is in, else its name. */
  String fallbackBuyer(String relative) {
    if (settings.buyer() != null && !settings.buyer().isBlank()) {
      return settings.buyer().strip();
    }
    String folder = folder(relative);
    if (folder != null) {
      return folder;
    }
    String name = relative.substring(relative.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String folder(String relative) {
    int slash = relative.lastIndexOf('/');
    if (slash <= 0) {
      return null;
    }
    String parent = relative.substring(0, slash);
    return parent.substring(parent.lastIndexOf('/') + 1);
  }

  private static String value(SpendCsv.Record rec, HeaderMap header, SpendField field) {
    int i = header.indexOf(field);
    if (i < 0 || rec.fields() == null || i >= rec.fields().length) {
      return "";
    }
    return rec.fields()[i].strip();
  }

  /** True when nearly all references read "document - line" (Oxford's "1040187 - 2"). */
  static boolean documentLines(List<String> refs) {
    long present = 0;
    long matching = 0;
    for (String ref : refs) {
      if (ref == null) {
        continue;
      }
      present++;
      if (DOCUMENT_LINE.matcher(ref).matches()) {
        matching++;
      }
    }
    return present > 0 && matching * 10 >= present * 9;
  }

  private static String totalsLabel(String[] fields) {
    for (String f : fields) {
      String s = f.strip();
      if (!s.isEmpty() && TOTALS.matcher(s).matches() && Amounts.parse(s).value() == null) {
        return s;
      }
    }
    return null;
  }

  /** The row with the supplier's name replaced by its reference, so the quarantine names no supplier. */
  private static String pseudonymisedRaw(SpendCsv.Record rec, HeaderMap header, String supplierRef, char delimiter) {
    String[] f = rec.fields().clone();
    int i = header.indexOf(SpendField.SUPPLIER);
    if (i < 0 || i >= f.length) {
      return rec.raw();
    }
    f[i] = supplierRef;
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < f.length; k++) {
      if (k > 0) {
        sb.append(delimiter);
      }
      String v = f[k];
      boolean quote = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
      sb.append(quote ? '"' + v.replace("\"", "\"\"") + '"' : v);
    }
    return sb.toString();
  }

  static String sha256(byte[] bytes) {
    try {
      return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no SHA-256", e);
    }
  }

  /**
   * Published references, tidied: spaces, Excel's leading apostrophe, and the '*' or '-' marks some
   * ledgers put after a re-entered invoice number ("INV02809222**", "OP/I892108--") taken off.
   */
  static final class Refs {
    private Refs() {}

    static String clean(String ref) {
      if (ref == null) {
        return null;
      }
      String s = SpendDescription.tidy(ref);
      if (s.startsWith("'")) {
        s = s.substring(1);
      }
      s = s.replaceAll("^\\*+|[*-]+$", "").strip();
      return s.isEmpty() ? null : s;
    }
  }
}
