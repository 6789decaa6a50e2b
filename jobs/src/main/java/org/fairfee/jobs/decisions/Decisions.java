package org.fairfee.jobs.decisions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.ingest.FieldParser;
import org.fairfee.jobs.ingest.RecordSplitter;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Decision;

/**
 * Decisions files ({@code --decisions PATH}): one CSV file, or every {@code *.csv} under a folder in
 * the order of their paths, with the columns of {@code Tables.DECISIONS} (flag_id, decision,
 * recovered_gbp, decided_on, note; any order, names matched without case; recovered_gbp and note may
 * be left out). Each row is accepted or rejected with its file, line and reason: a bad row never
 * stops the run. Whether a flag_id names a known flag is checked later, against the flags.
 */
public final class Decisions {
  private Decisions() {}

  /** One accepted decision, where it came from (file relative to PATH, line where its row starts). */
  public record Entry(String flagId, Decision decision, BigDecimal recoveredGbp, LocalDate decidedOn, String note,
      String file, long line) {
    /** The same decision regardless of where it was read: a rerun with the same file adds nothing. */
    boolean sameAs(Entry o) {
      return flagId.equals(o.flagId) && decision == o.decision && decidedOn.equals(o.decidedOn)
          && (recoveredGbp == null ? o.recoveredGbp == null
              : o.recoveredGbp != null && recoveredGbp.compareTo(o.recoveredGbp) == 0)
          && java.util.Objects.equals(note, o.note);
    }
  }

  /** A row that was not used, and why. */
  public record Rejected(String file, long line, String reason) {}

  /** What a read gave: accepted rows in file order, rejected rows. */
  public record Read(List<Entry> accepted, List<Rejected> rejected) {
    public static final Read NONE = new Read(List.of(), List.of());
  }

  static final List<String> REQUIRED = List.of(Cols.FLAG_ID, Cols.DECISION, Cols.DECIDED_ON);
  static final List<String> OPTIONAL = List.of(Cols.RECOVERED_GBP, Cols.NOTE);
  /** Rows longer than this are rejected; a note of a few lines fits many times over. */
  static final int MAX_ROW_BYTES = 65_536;

  /** Every decisions file at path (a file, or every *.csv under a folder, sorted by path). */
  public static Read read(Io io, Path path) throws IOException {
    List<Entry> accepted = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    if (io.isDirectory(path)) {
      for (Io.Found f : io.listRecursive(path, ".csv")) {
        try (InputStream in = io.open(f.path())) {
          parse(f.relative(), in, accepted, rejected);
        }
      }
    } else {
      try (InputStream in = io.open(path.toString())) {
        parse(path.getName(), in, accepted, rejected);
      }
    }
    return new Read(List.copyOf(accepted), List.copyOf(rejected));
  }

  /** One file's text, named file in what is rejected. */
  public static Read parse(String file, String text) {
    List<Entry> accepted = new ArrayList<>();
    List<Rejected> rejected = new ArrayList<>();
    try {
      parse(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), accepted, rejected);
    } catch (IOException e) {
      throw new IllegalStateException(e); // cannot happen on bytes in memory
    }
    return new Read(List.copyOf(accepted), List.copyOf(rejected));
  }

  private static void parse(String file, InputStream in, List<Entry> accepted, List<Rejected> rejected)
      throws IOException {
    RecordSplitter records = new RecordSplitter(in, MAX_ROW_BYTES);
    FieldParser parser = new FieldParser();
    Map<String, Integer> at = null;
    int width = 0;
    RecordSplitter.Raw raw;
    while ((raw = records.next()) != null) {
      if (raw.isBlank()) {
        continue;
      }
      long line = raw.startLine();
      if (raw.kind() != RecordSplitter.Kind.OK || raw.problem() != null) {
        String why = raw.kind() == RecordSplitter.Kind.TOO_LONG ? "the row is longer than " + MAX_ROW_BYTES + " bytes"
            : raw.problem() != null ? raw.problem() : "a quote is not closed";
        if (at == null) {
          rejected.add(new Rejected(file, line, "the header cannot be read: " + why + "; nothing in the file is used"));
          return;
        }
        rejected.add(new Rejected(file, line, why));
        continue;
      }
      FieldParser.Result r = parser.parse(new String(raw.bytes(), 0, raw.length(), StandardCharsets.UTF_8));
      if (!r.ok()) {
        if (at == null) {
          rejected.add(new Rejected(file, line, "the header cannot be read: " + r.problem() + "; nothing in the file is used"));
          return;
        }
        rejected.add(new Rejected(file, line, r.problem()));
        continue;
      }
      if (at == null) {
        at = header(r.fields());
        String missing = null;
        for (String c : REQUIRED) {
          if (!at.containsKey(c)) {
            missing = c;
            break;
          }
        }
        if (missing != null) {
          rejected.add(new Rejected(file, line, "the header has no column " + missing + "; a decisions file needs "
              + String.join(", ", REQUIRED) + " (and " + String.join(", ", OPTIONAL) + " where used);"
              + " nothing in the file is used"));
          return;
        }
        width = r.fields().length;
        continue;
      }
      if (r.fields().length != width) {
        rejected.add(new Rejected(file, line, "the row has " + r.fields().length + " fields, the header " + width));
        continue;
      }
      Object e = entry(r.fields(), at, file, line);
      if (e instanceof Entry ok) {
        accepted.add(ok);
      } else {
        rejected.add(new Rejected(file, line, (String) e));
      }
    }
    if (at == null) {
      rejected.add(new Rejected(file, 1, "the file is empty: it has no header; a decisions file needs "
          + String.join(", ", REQUIRED)));
    }
  }

  private static Map<String, Integer> header(String[] fields) {
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      at.putIfAbsent(fields[i].strip().toLowerCase(Locale.ROOT), i);
    }
    return at;
  }

  /** The row as an Entry, or the reason it is rejected. */
  static Object entry(String[] f, Map<String, Integer> at, String file, long line) {
    String flagId = field(f, at, Cols.FLAG_ID);
    String decisionText = field(f, at, Cols.DECISION);
    String recoveredText = field(f, at, Cols.RECOVERED_GBP);
    String decidedText = field(f, at, Cols.DECIDED_ON);
    String note = at.containsKey(Cols.NOTE) ? f[at.get(Cols.NOTE)] : null;
    if (flagId.isEmpty()) {
      return "flag_id is empty";
    }
    Decision d = Decision.parse(decisionText.toUpperCase(Locale.ROOT));
    if (d == null) {
      return "decision '" + shorten(decisionText) + "' is not one of CONFIRMED, DISMISSED, RECOVERED";
    }
    LocalDate decidedOn;
    try {
      decidedOn = LocalDate.parse(decidedText);
    } catch (DateTimeParseException e) {
      return "decided_on '" + shorten(decidedText) + "' is not a date (YYYY-MM-DD)";
    }
    BigDecimal recovered = null;
    if (d == Decision.RECOVERED) {
      if (recoveredText.isEmpty()) {
        return "recovered_gbp is required for RECOVERED (the pounds that came back)";
      }
      try {
        recovered = new BigDecimal(recoveredText);
      } catch (NumberFormatException e) {
        return "recovered_gbp '" + shorten(recoveredText) + "' is not an amount (for example 1250.00)";
      }
      if (recovered.signum() <= 0) {
        return "recovered_gbp must be above 0 for RECOVERED, was " + recoveredText;
      }
      if (recovered.scale() > 2) {
        return "recovered_gbp " + recoveredText + " has more than 2 decimals";
      }
      if (recovered.precision() - recovered.scale() > 15) {
        return "recovered_gbp " + shorten(recoveredText) + " is too large";
      }
      recovered = recovered.setScale(2);
    } else if (!recoveredText.isEmpty()) {
      return "recovered_gbp is given for " + d + "; it goes with RECOVERED only";
    }
    return new Entry(flagId, d, recovered, decidedOn, note == null || note.isEmpty() ? null : note, file, line);
  }

  private static String field(String[] f, Map<String, Integer> at, String column) {
    Integer i = at.get(column);
    return i == null ? "" : f[i].strip();
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /**
   * The decision in force per flag: the latest by decided_on; between two on one day, the later in
   * the list (the store's order, then this run's files in path order and lines in file order).
   */
  public static Map<String, Entry> inForce(List<Entry> ordered) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Entry e : ordered) {
      Entry before = out.get(e.flagId());
      if (before == null || !e.decidedOn().isBefore(before.decidedOn())) {
        out.put(e.flagId(), e);
      }
    }
    return out;
  }
}
