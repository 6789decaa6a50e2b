package org.fairfee.jobs.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;

/**
 * manifest.json: what the run read and what became of each file, the totals, the effective config
 * and the run's start and end time. It is the one output that holds times; every other output is
 * the same for the same input.
 */
public final class Manifest {
  private Manifest() {}

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The run's identity and times. */
  public record Run(String version, String period, String input, String out, String store, String master,
      Instant startedAt, Instant finishedAt) {}

  public static String render(Run run, List<FileOutcome> files, JsonNode config, Map<String, Object> extra) {
    ObjectNode root = JSON.createObjectNode();
    root.put("fairfee_version", run.version());
    root.put("period", run.period());
    root.put("input", run.input());
    root.put("out", run.out());
    root.put("store", run.store());
    root.put("master", run.master());
    root.put("started_at", run.startedAt().toString());
    root.put("finished_at", run.finishedAt().toString());
    root.set("totals", totals(files));
    extra.forEach((k, v) -> root.set(k, JSON.valueToTree(v)));
    ArrayNode list = root.putArray("files");
    for (FileOutcome f : files) {
      ObjectNode n = list.addObject();
      n.put(Cols.FILE, f.file());
      n.put(Cols.SHA256, f.sha256());
      n.put(Cols.BYTES, f.bytes());
      n.put(Cols.STATUS, f.status().value());
      n.put(Cols.ROWS_READ, f.rowsRead());
      n.put(Cols.ROWS_ACCEPTED, f.rowsAccepted());
      n.put(Cols.ROWS_QUARANTINED, f.rowsQuarantined());
      n.put(Cols.BLANK_LINES, f.blankLines());
      n.put(Cols.REASON_CODE, f.reasonCode() == null ? null : f.reasonCode().name());
      n.put(Cols.REASON, f.reason());
      ArrayNode ids = n.putArray(Cols.SUBMISSION_IDS);
      f.submissionIds().forEach(ids::add);
      ArrayNode extras = n.putArray(Cols.EXTRA_COLUMNS);
      f.extraColumns().forEach(extras::add);
    }
    root.set("config", config);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the manifest", e);
    }
  }

  static ObjectNode totals(List<FileOutcome> files) {
    ObjectNode t = JSON.createObjectNode();
    long accepted = 0;
    long rejected = 0;
    long duplicate = 0;
    long read = 0;
    long ok = 0;
    long bad = 0;
    for (FileOutcome f : files) {
      if (f.status() == FileStatus.ACCEPTED) {
        accepted++;
      } else if (f.status() == FileStatus.REJECTED) {
        rejected++;
      } else {
        duplicate++;
      }
      if (f.status() == FileStatus.ACCEPTED) {
        read += f.rowsRead();
        ok += f.rowsAccepted();
        bad += f.rowsQuarantined();
      }
    }
    t.put("files", files.size());
    t.put("files_accepted", accepted);
    t.put("files_rejected", rejected);
    t.put("files_duplicate", duplicate);
    // Rows of accepted files only, so that rows_read = rows_accepted + rows_quarantined.
    t.put(Cols.ROWS_READ, read);
    t.put(Cols.ROWS_ACCEPTED, ok);
    t.put(Cols.ROWS_QUARANTINED, bad);
    return t;
  }
}
