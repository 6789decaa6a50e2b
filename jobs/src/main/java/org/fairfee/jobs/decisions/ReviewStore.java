package org.fairfee.jobs.decisions;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.reports.model.Flag;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.Decision;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.Tables;

/**
 * The review loop's part of the store, small enough for the driver, kept as JSON beside the Parquet
 * history so a later month knows every flag raised and every decision without the files:
 * <pre>
 *   reviews/flags/2026-09.json.gz  the flags the run for 2026-09 raised (Tables.REVIEWED_FLAGS, no decision)
 *   reviews/decisions.json         every accepted decision in the order it arrived (Tables.DECISIONS + file, line)
 * </pre>
 * Each file is written whole to a hidden temporary name and renamed into place (the old one moved
 * aside first), so a reader sees the old file or the new one. A rerun of a month replaces that
 * month's flags. They are written last in a run, after every published file.
 */
public final class ReviewStore {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Pattern MONTH_FILE = Pattern.compile("\\d{4}-\\d{2}\\.json\\.gz");
  private static final TypeReference<List<LinkedHashMap<String, String>>> ROWS = new TypeReference<>() {};
  private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {};

  private final Io io;
  private final Path root;

  public ReviewStore(Io io, Path store) {
    this.io = io;
    this.root = new Path(store, "reviews");
  }

  Path flagsDir() {
    return new Path(root, "flags");
  }

  Path decisionsFile() {
    return new Path(root, "decisions.json");
  }

  /** Every stored month's flags, by period, oldest first. */
  public Map<String, List<Flag>> flags() throws IOException {
    Map<String, List<Flag>> out = new TreeMap<>();
    java.util.Set<String> months = new java.util.TreeSet<>();
    for (Path p : io.children(flagsDir())) {
      String name = p.getName().startsWith(".") && p.getName().endsWith(".old")
          ? p.getName().substring(1, p.getName().length() - 4) : p.getName();
      if (MONTH_FILE.matcher(name).matches()) {
        months.add(name);
      }
    }
    for (String name : months) {
      Path p = readable(new Path(flagsDir(), name));
      List<Flag> flags = new ArrayList<>();
      // streamed, one flag at a time: a national month holds 150,000 flags
      try (InputStream in = new GZIPInputStream(io.open(p.toString()));
          MappingIterator<LinkedHashMap<String, String>> it = JSON.readerFor(ROW).readValues(in)) {
        while (it.hasNext()) {
          flags.add(flag(it.next()));
        }
      }
      out.put(name.substring(0, 7), flags);
    }
    return out;
  }

  /** Replaces the stored flags of period: a JSON array of one object per flag, column to text, gzipped. */
  public void saveFlags(String period, List<Flag> flags) throws IOException {
    replace(new Path(flagsDir(), period + ".json.gz"), out -> {
      try (JsonGenerator g = JSON.getFactory().createGenerator(new GZIPOutputStream(out))) {
        g.writeStartArray();
        for (Flag f : flags) {
          g.writeStartObject();
          for (Map.Entry<String, String> e : row(f).entrySet()) {
            if (e.getValue() == null) {
              g.writeNullField(e.getKey());
            } else {
              g.writeStringField(e.getKey(), e.getValue());
            }
          }
          g.writeEndObject();
          g.writeRaw('\n');
        }
        g.writeEndArray();
      }
    });
  }

  /** Every stored decision, in the order it arrived. */
  public List<Decisions.Entry> decisions() throws IOException {
    Path file = readable(decisionsFile());
    if (file == null) {
      return List.of();
    }
    List<Decisions.Entry> out = new ArrayList<>();
    for (Map<String, String> r : JSON.readValue(io.readAll(file), ROWS)) {
      String recovered = r.get(Cols.RECOVERED_GBP);
      out.add(new Decisions.Entry(r.get(Cols.FLAG_ID), Decision.valueOf(r.get(Cols.DECISION)),
          recovered == null ? null : new BigDecimal(recovered), LocalDate.parse(r.get(Cols.DECIDED_ON)),
          r.get(Cols.NOTE), r.get(Cols.FILE), Long.parseLong(r.get(Cols.LINE))));
    }
    return out;
  }

  public void saveDecisions(List<Decisions.Entry> entries) throws IOException {
    List<Map<String, String>> rows = new ArrayList<>();
    for (Decisions.Entry e : entries) {
      Map<String, String> r = new LinkedHashMap<>();
      r.put(Cols.FLAG_ID, e.flagId());
      r.put(Cols.DECISION, e.decision().name());
      r.put(Cols.RECOVERED_GBP, e.recoveredGbp() == null ? null : e.recoveredGbp().toPlainString());
      r.put(Cols.DECIDED_ON, e.decidedOn().toString());
      r.put(Cols.NOTE, e.note());
      r.put(Cols.FILE, e.file());
      r.put(Cols.LINE, Long.toString(e.line()));
      rows.add(r);
    }
    byte[] bytes = JSON.writeValueAsBytes(rows);
    replace(decisionsFile(), out -> out.write(bytes));
  }

  /**
   * Writes target whole: to a temporary file, then the old file moves aside before the new one moves
   * in, so that a run killed in between leaves the old file readable ({@link #readable}).
   */
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  private void replace(Path target, Writer writer) throws IOException {
    io.mkdirs(target.getParent());
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    Path old = aside(target);
    try (OutputStream out = io.create(tmp)) {
      writer.write(out);
    }
    if (io.exists(target)) {
      io.deleteRecursively(old);
      io.rename(target, old);
    }
    io.rename(tmp, target);
    io.deleteRecursively(old);
  }

  private static Path aside(Path target) {
    return new Path(target.getParent(), "." + target.getName() + ".old");
  }

  /** The file, or the copy moved aside by a write that was killed half way; null when neither exists. */
  private Path readable(Path target) throws IOException {
    return io.exists(target) ? target : io.exists(aside(target)) ? aside(target) : null;
  }

  // ---- a Flag as text by column, and back: exact (BigDecimal and double keep every digit) ----

  static Map<String, String> row(Flag f) {
    Map<String, String> out = new LinkedHashMap<>();
    RecordComponent[] cs = Flag.class.getRecordComponents();
    List<Field> fields = Tables.REVIEWED_FLAGS.fields();
    for (int i = 0; i < cs.length; i++) {
      Object v;
      try {
        v = cs[i].getAccessor().invoke(f);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read Flag." + cs[i].getName(), e);
      }
      out.put(fields.get(i).name(), v == null ? null
          : v instanceof BigDecimal b ? b.toPlainString() : v.toString());
    }
    return out;
  }

  static Flag flag(Map<String, String> row) {
    RecordComponent[] cs = Flag.class.getRecordComponents();
    List<Field> fields = Tables.REVIEWED_FLAGS.fields();
    Class<?>[] types = new Class<?>[cs.length];
    Object[] args = new Object[cs.length];
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      String v = row.get(fields.get(i).name());
      args[i] = v == null ? (types[i] == int.class ? 0 : null) : value(types[i], v);
    }
    try {
      Constructor<Flag> ctor = Flag.class.getDeclaredConstructor(types);
      return ctor.newInstance(args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new IllegalStateException("a stored flag is not valid: " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a Flag", e);
    }
  }

  private static Object value(Class<?> t, String v) {
    if (t == String.class) {
      return v;
    }
    if (t == BigDecimal.class) {
      return new BigDecimal(v);
    }
    if (t == int.class || t == Integer.class) {
      return Integer.valueOf(v);
    }
    if (t == Double.class || t == double.class) {
      return Double.valueOf(v);
    }
    if (t == LocalDate.class) {
      return LocalDate.parse(v);
    }
    throw new IllegalStateException("no conversion to " + t.getSimpleName());
  }
}
