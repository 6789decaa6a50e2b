package org.fairfee.jobs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.Options;
import org.fairfee.jobs.ingest.FileIngestor;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;

/**
 * {@code fairfee validate FILE...}: checks submission files against the contract without Spark,
 * for a supplier before sending or an analyst on receipt. Exit 0 only when every row is valid.
 */
final class ValidateCommand implements Main.Command {

  @Override
  public String summary() {
    return "check submission files against the contract, without Spark: FILE... (or folders)";
  }

  @Override
  public int run(String[] argv, PrintStream out, PrintStream err) throws Exception {
    Args a = new Args("validate", List.of(
        Args.value("config", "FILE", "JSON settings (reference rates for currencies other than GBP)"),
        Args.value("show", "N", "problems to print per file (default 10)")));
    if (!a.parse(argv, 0, true)) {
      out.print("Usage: fairfee validate [OPTIONS] FILE...\n\n" + summary() + ".\n"
          + "Prints, per file, the rows accepted and quarantined and the first problems with their line"
          + " numbers.\nExit 0 when every row of every file is valid, 1 otherwise.\n\nOptions:\n" + a.describe());
      return 0;
    }
    if (a.positional().isEmpty()) {
      throw new UsageException("validate", "name at least one file or folder to check");
    }
    Io io = Io.local();
    Options options = Options.defaults();
    if (a.has("config")) {
      Path config = Io.path(a.require("config"));
      if (!io.exists(config)) {
        throw new UsageException("validate", "config file " + a.require("config") + " does not exist");
      }
      try {
        options = Options.fromJson(io.readString(config));
      } catch (IllegalArgumentException e) {
        throw new UsageException("validate", "config file " + a.require("config") + ": " + e.getMessage());
      }
    }
    int show = (int) a.longValue("show", options.ingest().shownProblems(), 0);
    List<String[]> files = new ArrayList<>();
    for (String name : a.positional()) {
      Path p = Io.path(name);
      if (!io.exists(p)) {
        throw new UsageException("validate", "no such file or folder: " + name);
      }
      if (io.isDirectory(p)) {
        for (Io.Found f : io.listRecursive(p, ".csv")) {
          files.add(new String[] {f.path(), name.replaceAll("/+$", "") + "/" + f.relative()});
        }
      } else {
        files.add(new String[] {p.toString(), name});
      }
    }
    boolean allValid = true;
    long totalRows = 0;
    long totalBad = 0;
    for (String[] f : files) {
      List<String> problems = new ArrayList<>();
      FileOutcome summary;
      try (InputStream in = io.open(f[0]);
          FileIngestor reader = new FileIngestor(f[1], in, options.ingest())) {
        FileIngestor.Outcome o;
        while ((o = reader.next()) != null) {
          if (!o.accepted() && problems.size() < show) {
            problems.add("  line " + o.line() + ": " + o.code() + " " + o.reason());
          }
        }
        summary = reader.summary();
      } catch (IOException e) {
        out.println(f[1] + ": rejected: UNREADABLE_FILE " + Failure.plain(e));
        allValid = false;
        continue;
      }
      if (summary.status() == FileStatus.REJECTED) {
        out.println(f[1] + ": rejected: " + summary.reasonCode() + " " + summary.reason());
        allValid = false;
        continue;
      }
      totalRows += summary.rowsRead();
      totalBad += summary.rowsQuarantined();
      out.println(f[1] + ": " + summary.rowsRead() + " rows read, " + summary.rowsAccepted() + " accepted, "
          + summary.rowsQuarantined() + " quarantined"
          + (summary.extraColumns().isEmpty() ? "" : "; extra columns kept aside: " + String.join(", ", summary.extraColumns())));
      problems.forEach(out::println);
      if (summary.rowsQuarantined() > problems.size()) {
        out.println("  ... and " + (summary.rowsQuarantined() - problems.size()) + " more");
      }
      if (summary.rowsQuarantined() > 0) {
        allValid = false;
      }
    }
    if (files.size() > 1) {
      out.println(files.size() + " files, " + totalRows + " rows, " + totalBad + " quarantined");
    }
    return allValid ? 0 : 1;
  }
}
