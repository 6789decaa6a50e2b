package org.fairfee.jobs.generate;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.ingest.FileIngestor;
import org.fairfee.jobs.normalise.InvoiceRefs;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.SubmissionColumn;

/**
 * A generated sample read back through the real validator (FileIngestor, with the sample's own
 * config), for the tests: accepted rows as typed charges, quarantined rows by (submission_id,
 * line_no), file outcomes and labels.
 */
final class GeneratedSample {

  /** An accepted row, with the fields the rules look at. */
  record Charge(String sid, int lineNo, String supplier, String buyer, String buyerType, Double buyerSize,
      String category, String standard, String iface, String fee, String basis, BigDecimal quantity,
      BigDecimal amount, String currency, boolean vat, String invoiceRef, LocalDate date, LocalDate start,
      LocalDate end, String creditsRef, BigDecimal net) {

    String key() {
      return sid + "#" + lineNo;
    }

    String productKey() {
      return iface != null ? iface : "PRODUCT:" + category;
    }

    String refNorm() {
      return InvoiceRefs.normalise(invoiceRef);
    }

    boolean credit() {
      return amount.signum() < 0;
    }

    /** Tie-break order: invoice_date, then submission_id, then line_no. */
    boolean before(Charge o) {
      int c = date.compareTo(o.date);
      if (c != 0) {
        return c < 0;
      }
      c = sid.compareTo(o.sid);
      return c != 0 ? c < 0 : lineNo < o.lineNo;
    }
  }

  record LabelRow(String sid, int lineNo, String label, String relSid, Integer relLine) {
    String key() {
      return sid + "#" + lineNo;
    }

    String relKey() {
      return relSid == null ? null : relSid + "#" + relLine;
    }
  }

  final Map<String, Charge> charges = new LinkedHashMap<>();
  final Map<String, ReasonCode> quarantined = new HashMap<>();
  final Map<String, FileOutcome> files = new LinkedHashMap<>();
  final List<LabelRow> labels = new ArrayList<>();
  final Options options;

  GeneratedSample(Path dir) throws IOException {
    options = Options.fromJson(Files.readString(dir.resolve(Generator.CONFIG)));
    IngestOptions ingest = options.ingest();
    List<Path> csvs;
    try (Stream<Path> s = Files.walk(dir.resolve(Generator.SUBMISSIONS))) {
      csvs = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    for (Path p : csvs) {
      try (InputStream in = Files.newInputStream(p); FileIngestor reader = new FileIngestor(p.toString(), in, ingest)) {
        FileIngestor.Outcome o;
        while ((o = reader.next()) != null) {
          if (o.accepted()) {
            Charge c = charge(o.values());
            charges.put(c.key(), c);
          } else {
            // Bad rows are never in the awkward files, so the first two fields are submission_id and line_no.
            String[] f = o.raw().split(",", 3);
            quarantined.put(f[0] + "#" + f[1], o.code());
          }
        }
        files.put(dir.relativize(p).toString(), reader.summary());
      }
    }
    List<String> lines = Files.readAllLines(dir.resolve(Generator.LABELS), StandardCharsets.UTF_8);
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      labels.add(new LabelRow(f[0], Integer.parseInt(f[1]), f[2], f[3].isEmpty() ? null : f[3],
          f[4].isEmpty() ? null : Integer.valueOf(f[4])));
    }
  }

  private Charge charge(Object[] v) {
    BigDecimal amount = (BigDecimal) v[SubmissionColumn.AMOUNT.ordinal()];
    String currency = (String) v[SubmissionColumn.CURRENCY.ordinal()];
    boolean vat = (Boolean) v[SubmissionColumn.VAT_INCLUDED.ordinal()];
    LocalDate date = (LocalDate) v[SubmissionColumn.INVOICE_DATE.ordinal()];
    BigDecimal exVat = vat ? amount.divide(new BigDecimal("1.2"), 10, RoundingMode.HALF_UP) : amount;
    BigDecimal rate = options.ingest().rates().rate(currency, YearMonth.from(date)).orElseThrow();
    BigDecimal net = exVat.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    return new Charge((String) v[SubmissionColumn.SUBMISSION_ID.ordinal()],
        (Integer) v[SubmissionColumn.LINE_NO.ordinal()], (String) v[SubmissionColumn.SUPPLIER_REF.ordinal()],
        (String) v[SubmissionColumn.BUYER_REF.ordinal()], (String) v[SubmissionColumn.BUYER_TYPE.ordinal()],
        (Double) v[SubmissionColumn.BUYER_SIZE.ordinal()], (String) v[SubmissionColumn.PRODUCT_CATEGORY.ordinal()],
        (String) v[SubmissionColumn.INTERFACE_STANDARD.ordinal()], (String) v[SubmissionColumn.INTERFACE_REF.ordinal()],
        (String) v[SubmissionColumn.FEE_TYPE.ordinal()], (String) v[SubmissionColumn.CHARGE_BASIS.ordinal()],
        (BigDecimal) v[SubmissionColumn.QUANTITY.ordinal()], amount, currency, vat,
        (String) v[SubmissionColumn.INVOICE_REF.ordinal()], date, (LocalDate) v[SubmissionColumn.SERVICE_START.ordinal()],
        (LocalDate) v[SubmissionColumn.SERVICE_END.ordinal()],
        (String) v[SubmissionColumn.CREDITS_INVOICE_REF.ordinal()], net);
  }
}
