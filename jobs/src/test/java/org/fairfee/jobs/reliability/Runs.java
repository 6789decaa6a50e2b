package org.fairfee.jobs.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.cli.MainTest;

/** In-process runs of the command line on the shared SparkSession, and small inputs for them. */
final class Runs {
  private Runs() {}

  /** The command line in this JVM; a run gets the shared test SparkSession. */
  static MainTest.Result inProcess(String... argv) {
    if (argv[0].equals("run")) {
      SparkTestBase.shared();
    }
    return MainTest.run(argv);
  }

  static void assertOnePlainLine(String err) {
    MainTest.assertOnePlainLine(err);
  }

  static final String ROW = "S-%s,%d,SUP-%s,BUY-%d,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,MONTHLY,,%d.00,,,INV-%d,2026-10-%02d,,,,\n";

  /** A small valid month: a few suppliers and buyers, one bad row. */
  static Path smallInput(Path dir) throws IOException {
    Path in = Files.createDirectories(dir);
    for (String s : new String[] {"A1", "B2", "C3"}) {
      StringBuilder csv = new StringBuilder(Fixtures.HEADER).append('\n');
      for (int i = 1; i <= 4; i++) {
        csv.append(String.format(ROW, s, i, s, i, 900 + 10 * i, i, i));
      }
      csv.append("S-").append(s).append(",5,SUP-").append(s).append(",BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,"
          + "MONTHLY,,12.001,,,INV-9,2026-10-09,,,,\n");
      Files.writeString(in.resolve("SUP-" + s + "-2026-10.csv"), csv);
    }
    return in;
  }

  /** A stand-in for last run's publication of the month, to check it stays as it was. */
  static Path seedPublication(Path out, String period) throws IOException {
    Path month = Files.createDirectories(out.resolve(period));
    Files.writeString(month.resolve("report.html"), "<p>the previous publication</p>\n");
    Files.createDirectories(month.resolve("statements"));
    Files.writeString(month.resolve("statements/SUP-OLD.csv"), "previous\n");
    return month;
  }
}
