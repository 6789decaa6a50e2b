package org.fairfee.jobs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Progress;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.jobs.importspend.NameTables;
import org.fairfee.jobs.importspend.PseudonymKey;
import org.fairfee.jobs.importspend.SpendField;
import org.fairfee.jobs.importspend.SpendFile;
import org.fairfee.jobs.importspend.SpendImport;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.FileStatus;

/**
 * {@code fairfee import-spend}: converts published "spend over &pound;25,000" files into submission
 * files, pseudonymised, with every row accounted for. No Spark: the files are small. Exit 0 when every
 * file was converted (rows may still be quarantined), 1 when a file was rejected or no row was
 * converted, 2 for a wrong command line.
 */
final class ImportSpendCommand implements Main.Command {

  @Override
  public String summary() {
    return "convert published spend files into pseudonymised submissions: --input DIR --out DIR";
  }

  private static Args args() {
    return new Args("import-spend", List.of(
        Args.value("input", "DIR", "folder of published spend files; every *.csv under it is read"),
        Args.value("out", "DIR", "output folder: submissions/, import-manifest.json, import-quarantine.csv"),
        Args.value("buyer-type", "TYPE", "buyer_type of the payer (default ACUTE_TRUST; LOCAL_AUTHORITY for councils)"),
        Args.value("buyer", "NAME", "the payer's name, for files with no Entity/Client column"
            + " (default: the file's folder, else its name)"),
        Args.flag("it-only", "keep IT-related payments only (by the supplier and keyword tables); the rest are skipped"),
        Args.value("mapping", "FILE", "JSON mapping of fields to header names for unusual layouts,"
            + " e.g. {\"supplier\": \"Payee\", \"date\": \"Posting Date\"}"),
        Args.value("config", "FILE", "JSON settings; this command reads its 'spend' section"),
        Args.value("restricted", "DIR", "where the name tables and key file go (default OUT/restricted);"
            + " keep it private")));
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = args();
    if (!a.parse(argv, 0, false)) {
      out.print("Usage: fairfee import-spend --input DIR --out DIR [OPTIONS]\n\n" + summary() + ".\n"
          + "Then evaluate a month with: fairfee run --input OUT/submissions --period YYYY-MM --out RESULTS\n"
          + "The pseudonym key comes from FAIRFEE_PSEUDONYM_KEY, else the config (spend.pseudonymKey), else a key"
          + " file in the restricted folder.\n\nMapping fields: " + fieldKeys() + "\n\nOptions:\n" + a.describe());
      return 0;
    }
    Io io = Io.local();
    String inputText = a.require("input");
    String outText = a.require("out");
    Path input = Io.path(inputText);
    if (!io.isDirectory(input)) {
      throw new UsageException("import-spend", "input folder " + inputText + " does not exist or is not a folder");
    }
    Path outDir = Io.path(outText);
    if (inside(outDir, input)) {
      throw new UsageException("import-spend", "--out " + outText + " is inside --input " + inputText
          + "; the next import would read its own output. Choose a folder outside the input");
    }
    Path restricted = a.get("restricted").map(Io::path).orElse(new Path(outDir, SpendImport.RESTRICTED));
    if (inside(restricted, new Path(outDir, SpendImport.SUBMISSIONS))) {
      throw new UsageException("import-spend", "--restricted must not be inside OUT/" + SpendImport.SUBMISSIONS
          + ": the names would travel with the submissions");
    }
    if (inside(restricted, input)) {
      throw new UsageException("import-spend", "--restricted must not be inside --input");
    }
    BuyerType buyerType = buyerType(a.get("buyer-type").orElse(BuyerType.ACUTE_TRUST.name()));
    Map<SpendField, String> mapping = Map.of();
    if (a.has("mapping")) {
      mapping = mapping(io, a.require("mapping"));
    }
    SpendOptions options = SpendOptions.defaults();
    if (a.has("config")) {
      Path config = Io.path(a.require("config"));
      if (!io.exists(config)) {
        throw new UsageException("import-spend", "config file " + a.require("config") + " does not exist");
      }
      try {
        options = SpendOptions.fromConfig(io.readString(config));
      } catch (IllegalArgumentException e) {
        throw new UsageException("import-spend", "config file " + a.require("config") + ": " + e.getMessage());
      }
    }
    try {
      SpendImport.checkOut(io, outDir);
    } catch (IllegalArgumentException e) {
      throw new UsageException("import-spend", "--out " + outText + ": " + e.getMessage());
    }
    PseudonymKey key;
    try {
      key = PseudonymKey.resolve(System.getenv(PseudonymKey.ENV), options.keyText(), io, restricted);
    } catch (IllegalArgumentException e) {
      throw new UsageException("import-spend", e.getMessage());
    }
    if (key.warning() != null) {
      err.println("fairfee import-spend: warning: " + key.warning());
    }
    SpendFile.Settings settings = new SpendFile.Settings(buyerType, a.get("buyer").orElse(null), a.has("it-only"),
        mapping);
    SpendImport.Summary s = SpendImport.run(io, new SpendImport.Request(input, outDir, restricted, settings,
        options, key, a.get("mapping").orElse(null)));
    return report(s, restricted, out);
  }

  private static int report(SpendImport.Summary s, Path restricted, PrintStream out) {
    long rejected = 0;
    for (SpendFile.Result r : s.files()) {
      if (r.status == FileStatus.REJECTED) {
        rejected++;
        out.println(r.file + ": rejected: " + r.reasonCode + " " + r.reason);
        continue;
      }
      out.println(r.file + ": " + Progress.count(r.rowsRead) + " rows: " + Progress.count(r.rowsAccepted())
          + " accepted" + unmatched(r.rowsUnmatchedCredits()) + ", " + Progress.count(r.rowsQuarantined()) + " quarantined, " + Progress.count(r.rowsSkipped)
          + " skipped (" + r.encoding + ", dates " + r.dateOrder + ")");
    }
    long accepted = s.rows(SpendFile.Result::rowsAccepted);
    out.println(s.files().size() + " files (" + rejected + " rejected, " + s.ignored().size() + " not CSV, ignored): "
        + Progress.count(s.rows(r -> r.rowsRead)) + " rows: " + Progress.count(accepted) + " accepted"
        + unmatched(s.rows(SpendFile.Result::rowsUnmatchedCredits)) + ", "
        + Progress.count(s.rows(SpendFile.Result::rowsQuarantined)) + " quarantined, "
        + Progress.count(s.rows(r -> r.rowsSkipped)) + " skipped");
    out.println("Submissions: " + shown(s.submissions()));
    out.println("Manifest:    " + shown(s.manifest()));
    out.println("Quarantine:  " + shown(s.quarantine()));
    out.println("Names (restricted, keep private): " + shown(new Path(restricted, NameTables.SUPPLIERS)) + ", "
        + shown(new Path(restricted, NameTables.BUYERS)));
    out.println("Next: fairfee run --input " + shown(s.submissions()) + " --period YYYY-MM --out RESULTS");
    return rejected > 0 || accepted == 0 ? 1 : 0;
  }

  private static String shown(Path p) {
    return "file".equals(p.toUri().getScheme()) ? p.toUri().getPath() : p.toString();
  }

  /** True when {@code inner} is {@code outer} or lies under it (same file system, by path). */
  static boolean inside(Path inner, Path outer) {
    String si = inner.toUri().getScheme() == null ? "file" : inner.toUri().getScheme();
    String so = outer.toUri().getScheme() == null ? "file" : outer.toUri().getScheme();
    if (!si.equals(so)) {
      return false;
    }
    String i = inner.toUri().normalize().getPath();
    String o = outer.toUri().normalize().getPath();
    i = i.endsWith("/") ? i : i + "/";
    o = o.endsWith("/") ? o : o + "/";
    return i.startsWith(o);
  }

  private static BuyerType buyerType(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    try {
      return BuyerType.valueOf(t);
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (BuyerType b : BuyerType.values()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(b.name());
      }
      throw new UsageException("import-spend", "--buyer-type '" + text + "' is not one of " + allowed);
    }
  }

  private static Map<SpendField, String> mapping(Io io, String file) throws IOException {
    Path p = Io.path(file);
    if (!io.exists(p)) {
      throw new UsageException("import-spend", "mapping file " + file + " does not exist");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(io.readString(p));
    } catch (IOException e) {
      throw new UsageException("import-spend", "mapping file " + file + " is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new UsageException("import-spend", "mapping file " + file + " must be a JSON object of field to header"
          + " name, e.g. {\"supplier\": \"Payee\"}");
    }
    Map<SpendField, String> m = new EnumMap<>(SpendField.class);
    Iterator<Map.Entry<String, JsonNode>> it = root.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      SpendField f = SpendField.byKey(e.getKey()).orElseThrow(() -> new UsageException("import-spend",
          "mapping file " + file + ": unknown field '" + e.getKey() + "' (fields: " + fieldKeys() + ")"));
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw new UsageException("import-spend", "mapping file " + file + ": field '" + e.getKey()
            + "' must name a header (a non-empty string)");
      }
      m.put(f, e.getValue().asText());
    }
    return m;
  }

  private static String fieldKeys() {
    StringBuilder sb = new StringBuilder();
    for (SpendField f : SpendField.values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(f.key());
    }
    return sb.toString();
  }

  /** " (5 of them unmatched credits)", or nothing when there are none. */
  private static String unmatched(long n) {
    return n == 0 ? "" : " (" + Progress.count(n) + " of them " + (n == 1 ? "an unmatched credit" : "unmatched credits") + ")";
  }
}
