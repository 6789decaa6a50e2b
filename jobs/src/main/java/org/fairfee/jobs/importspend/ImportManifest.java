package org.fairfee.jobs.importspend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileStatus;

/**
 * OUT/import-manifest.json: what the import read and what became of each file, with the fields of the
 * run's manifest (file, status, rows_read, rows_accepted, rows_quarantined, reason) and what the
 * import found out about the file: encoding, date order, header mapping, reference format. For every
 * accepted file, rows_read = rows_accepted + rows_quarantined + rows_skipped.
 */
public final class ImportManifest {
  private ImportManifest() {}

  public static final String FILE_NAME = "import-manifest.json";

  // Field names of the import's own manifest entries (the shared ones come from Cols).
  public static final String ROWS_SKIPPED = "rows_skipped";
  public static final String ROWS_WITHOUT_REFERENCE = "rows_without_reference";
  public static final String ROWS_UNMATCHED_CREDITS = "rows_unmatched_credits";
  public static final String PREAMBLE_LINES = "preamble_lines";
  public static final String ENCODING = "encoding";
  public static final String DELIMITER = "delimiter";
  public static final String HEADER_LINE = "header_line";
  public static final String HEADER_MAPPING = "header_mapping";
  public static final String UNMAPPED_COLUMNS = "unmapped_columns";
  public static final String DATE_ORDER = "date_order";
  public static final String DATE_ORDER_EVIDENCE = "date_order_evidence";
  public static final String REFERENCE_FORMAT = "reference_format";
  public static final String BUYER_SOURCE = "buyer_source";
  public static final String OUTPUT = "output";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  /** The import's identity and settings; {@code keySource} says where the key came from, never what it is. */
  public record Run(String version, String input, String out, String restricted, String buyerType, String buyer,
      boolean itOnly, String mapping, String keySource, Instant startedAt, Instant finishedAt) {}

  public static String render(Run run, List<SpendFile.Result> files, List<String> outputs, List<String> ignored,
      JsonNode config) {
    ObjectNode root = JSON.createObjectNode();
    root.put("fairfee_version", run.version());
    root.put("command", "import-spend");
    root.put("input", run.input());
    root.put("out", run.out());
    root.put("restricted", run.restricted());
    root.put(Cols.BUYER_TYPE, run.buyerType());
    root.put("buyer", run.buyer() == null ? null : "(given; see the restricted buyers table)");
    root.put("it_only", run.itOnly());
    root.put("mapping", run.mapping());
    root.put("pseudonym_key", run.keySource());
    root.put("started_at", run.startedAt().toString());
    root.put("finished_at", run.finishedAt().toString());
    root.set("totals", totals(files, ignored.size()));
    ArrayNode list = root.putArray("files");
    for (int i = 0; i < files.size(); i++) {
      list.add(entry(files.get(i), outputs.get(i)));
    }
    ArrayNode skipped = root.putArray("ignored_files");
    ignored.forEach(skipped::add);
    root.set("config", config);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the import manifest", e);
    }
  }

  static ObjectNode entry(SpendFile.Result f, String output) {
    ObjectNode n = JSON.createObjectNode();
    n.put(Cols.FILE, f.file);
    n.put(Cols.SHA256, f.sha256);
    n.put(Cols.BYTES, f.bytes);
    n.put(Cols.STATUS, f.status.value());
    n.put(Cols.REASON_CODE, f.reasonCode == null ? null : f.reasonCode.name());
    n.put(Cols.REASON, f.reason);
    n.put(Cols.ROWS_READ, f.rowsRead);
    n.put(Cols.ROWS_ACCEPTED, f.rowsAccepted());
    n.put(Cols.ROWS_QUARANTINED, f.rowsQuarantined());
    n.put(ROWS_SKIPPED, f.status == FileStatus.ACCEPTED ? f.rowsSkipped : 0);
    n.put(ROWS_WITHOUT_REFERENCE, f.rowsWithoutReference);
    n.put(ROWS_UNMATCHED_CREDITS, f.rowsUnmatchedCredits());
    n.put(Cols.BLANK_LINES, f.blankLines);
    n.put(PREAMBLE_LINES, f.preambleLines);
    n.put(ENCODING, f.encoding);
    n.put(DELIMITER, f.delimiter);
    n.put(HEADER_LINE, f.headerLine == 0 ? null : f.headerLine);
    ObjectNode mapping = n.putObject(HEADER_MAPPING);
    f.headerMapping.forEach(mapping::put);
    ArrayNode unmapped = n.putArray(UNMAPPED_COLUMNS);
    f.unmappedColumns.forEach(unmapped::add);
    n.put(DATE_ORDER, f.dateOrder);
    n.put(DATE_ORDER_EVIDENCE, f.dateEvidence);
    n.put(REFERENCE_FORMAT, f.referenceFormat);
    n.put(BUYER_SOURCE, f.buyerSource);
    ArrayNode ids = n.putArray(Cols.SUBMISSION_IDS);
    f.submissionIds().forEach(ids::add);
    n.put(OUTPUT, output);
    return n;
  }

  static ObjectNode totals(List<SpendFile.Result> files, int ignored) {
    ObjectNode t = JSON.createObjectNode();
    long accepted = 0;
    long read = 0;
    long ok = 0;
    long bad = 0;
    long skipped = 0;
    long unmatched = 0;
    for (SpendFile.Result f : files) {
      if (f.status == FileStatus.ACCEPTED) {
        accepted++;
        read += f.rowsRead;
        ok += f.rowsAccepted();
        bad += f.rowsQuarantined();
        skipped += f.rowsSkipped;
        unmatched += f.rowsUnmatchedCredits();
      }
    }
    t.put("files", files.size());
    t.put("files_accepted", accepted);
    t.put("files_rejected", files.size() - accepted);
    t.put("files_ignored", ignored);
    // Rows of accepted files only, so that rows_read = rows_accepted + rows_quarantined + rows_skipped.
    t.put(Cols.ROWS_READ, read);
    t.put(Cols.ROWS_ACCEPTED, ok);
    t.put(Cols.ROWS_QUARANTINED, bad);
    t.put(ROWS_SKIPPED, skipped);
    // Among the accepted rows: credits whose original payment is not in the input.
    t.put(ROWS_UNMATCHED_CREDITS, unmatched);
    return t;
  }
}
