package org.fairfee.jobs.cli;

import java.io.PrintStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.generate.GenerateOptions;
import org.fairfee.jobs.generate.Generator;

/**
 * {@code fairfee generate --out DIR --seed N --rows N}: writes seeded, labelled sample submissions
 * (the sample-data folder, test data and scale-test data). No Spark.
 */
final class GenerateCommand implements Main.Command {

  @Override
  public String summary() {
    return "write seeded, labelled sample submissions: --out DIR --seed N --rows N";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = new Args("generate", List.of(
        Args.value("out", "DIR", "output folder (a path or a URI such as hdfs://...); required"),
        Args.value("seed", "N", "random seed; the same seed and rows give the same bytes; required"),
        Args.value("rows", "N", "about how many charge lines to write, at least " + GenerateOptions.MIN_ROWS
            + "; required"),
        Args.value("months", "N", "months of data (default " + GenerateOptions.DEFAULT_MONTHS + ")"),
        Args.value("last-month", "YYYY-MM", "the latest month (default " + GenerateOptions.DEFAULT_LAST_MONTH + ")"),
        Args.value("suppliers", "N", "number of suppliers (default: from --rows, at least "
            + GenerateOptions.MIN_AUTO_SUPPLIERS + ")"),
        Args.value("threads", "N", "worker threads (default: the available processors); no effect on the output")));
    if (!a.parse(argv, 0, false)) {
      out.print("Usage: fairfee generate --out DIR --seed N --rows N [OPTIONS]\n\n" + summary() + ".\n"
          + "Writes DIR/" + Generator.SUBMISSIONS + "/YYYY-MM/<supplier>-YYYY-MM.csv (one file per supplier and month),\n"
          + "DIR/" + Generator.CONFIG + " (the EUR rates the rows need; pass it to run --config) and DIR/"
          + Generator.LABELS + " (the\nground truth: which lines each rule should flag, the hard negatives and the"
          + " invalid rows).\nThose three are replaced; nothing else in DIR is touched.\n\nOptions:\n" + a.describe());
      return 0;
    }
    String outText = a.require("out");
    long seed = parseLong(a.require("seed"), "seed");
    long rows = a.longValue("rows", 0, GenerateOptions.MIN_ROWS);
    a.require("rows");
    if (rows > GenerateOptions.MAX_ROWS) {
      throw new UsageException("generate", "--rows must be at most " + GenerateOptions.MAX_ROWS + ", was " + rows);
    }
    GenerateOptions o = GenerateOptions.defaults(seed, rows);
    o = o.withMonths((int) a.longValue("months", GenerateOptions.DEFAULT_MONTHS, 1));
    if (o.months() > 60) {
      throw new UsageException("generate", "--months must be at most 60, was " + o.months());
    }
    if (a.has("last-month")) {
      o = o.withLastMonth(month(a.require("last-month")));
    }
    long suppliers = a.longValue("suppliers", 0, 1);
    if (suppliers > rows / 20) {
      throw new UsageException("generate", "--suppliers must be at most rows / 20 (" + rows / 20 + "), was "
          + suppliers);
    }
    o = o.withSuppliers((int) suppliers);
    long threads = a.longValue("threads", o.threads(), 1);
    if (threads > 256) {
      throw new UsageException("generate", "--threads must be at most 256, was " + threads);
    }
    o = o.withThreads((int) threads);
    Path dir = Io.path(outText);
    Generator.Summary s = Generator.generate(Io.local(), dir, o);
    out.print(s.text(outText));
    return 0;
  }

  private static long parseLong(String v, String name) {
    try {
      return Long.parseLong(v.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("generate", "--" + name + " must be a whole number, was '" + v + "'");
    }
  }

  private static YearMonth month(String v) {
    if (!v.matches("\\d{4}-\\d{2}")) {
      throw new UsageException("generate", "--last-month must be YYYY-MM (for example 2026-10), was '" + v + "'");
    }
    try {
      YearMonth m = YearMonth.parse(v);
      if (m.getYear() < 1950 || m.getYear() > 2090) {
        throw new UsageException("generate", "--last-month must lie between 1950 and 2090, was " + v);
      }
      return m;
    } catch (DateTimeParseException e) {
      throw new UsageException("generate", "--last-month " + v + " is not a real month");
    }
  }
}
