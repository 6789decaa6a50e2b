package org.fairfee.jobs.importspend;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.reports.Csv;
import org.fairfee.schemas.Cols;

/**
 * The restricted tables that turn references back into names, for the analyst only:
 * {@code suppliers.csv} (name as written, normalised name, supplier_ref) and {@code buyers.csv}
 * (likewise, buyer_ref). A table already in the folder is merged with, never lost: every reference
 * maps to exactly one normalised name under any key, so the union is still a correct lookup.
 */
public final class NameTables {
  private NameTables() {}

  public static final String SUPPLIERS = "suppliers.csv";
  public static final String BUYERS = "buyers.csv";
  public static final String NAME = "name";
  public static final String NORMALISED_NAME = "normalised_name";

  private static final Comparator<SpendFile.Name> ORDER = Comparator.comparing(SpendFile.Name::ref)
      .thenComparing(SpendFile.Name::normalised).thenComparing(SpendFile.Name::written);

  /** Writes (merging) both tables; returns their paths. */
  public static List<Path> write(Io io, Path restricted, List<SpendFile.Name> suppliers, List<SpendFile.Name> buyers)
      throws IOException {
    Path s = new Path(restricted, SUPPLIERS);
    Path b = new Path(restricted, BUYERS);
    write(io, s, Cols.SUPPLIER_REF, suppliers);
    write(io, b, Cols.BUYER_REF, buyers);
    return List.of(s, b);
  }

  private static void write(Io io, Path file, String refColumn, List<SpendFile.Name> names) throws IOException {
    TreeSet<SpendFile.Name> all = new TreeSet<>(ORDER);
    all.addAll(names);
    all.addAll(read(io, file));
    StringBuilder sb = new StringBuilder(Csv.line(NAME, NORMALISED_NAME, refColumn));
    for (SpendFile.Name n : all) {
      sb.append(Csv.line(n.written(), n.normalised(), n.ref()));
    }
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    io.write(tmp, sb.toString());
    io.deleteRecursively(file);
    io.rename(tmp, file);
  }

  /** The rows of an existing table (empty when there is none). */
  static List<SpendFile.Name> read(Io io, Path file) throws IOException {
    List<SpendFile.Name> out = new ArrayList<>();
    if (!io.exists(file)) {
      return out;
    }
    SpendText.Decoded text = SpendText.decode(io.readAll(file));
    SpendCsv csv = new SpendCsv(text.lines(), 1, ',');
    SpendCsv.Record r;
    while ((r = csv.next()) != null) {
      if (r.fields() != null && r.fields().length == 3 && !r.blank()) {
        out.add(new SpendFile.Name(undefuse(r.fields()[0]), r.fields()[1], r.fields()[2]));
      }
    }
    return out;
  }

  /** Csv.cell puts an apostrophe before a formula-like name; take it off again when reading back. */
  private static String undefuse(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && Csv.defuse(cell.substring(1)).equals(cell)) {
      return cell.substring(1);
    }
    return cell;
  }
}
