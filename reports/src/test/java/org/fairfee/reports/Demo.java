package org.fairfee.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders everything fairfee publishes from the realistic demo fixture into a folder laid out as a
 * publication: report.html, the workbooks, statements/ and restricted/. Run from the module with
 * {@code java -cp target/classes:target/test-classes:<deps> org.fairfee.reports.Demo [folder]}; the
 * tests call {@link #write} into target/demo.
 */
public final class Demo {
  private Demo() {}

  static final long SEED = 20260531L;

  static Fixture fixture() {
    return DemoFixture.build(SEED, 48, 90);
  }

  public static void main(String[] args) throws IOException {
    Path out = write(fixture(), Path.of(args.length > 0 ? args[0] : "target/demo"));
    System.out.println("demo publication written to " + out.toAbsolutePath());
  }

  static Path write(Fixture f, Path out) throws IOException {
    ReportData d = f.data();
    Files.createDirectories(out.resolve("statements"));
    Files.createDirectories(out.resolve("restricted"));
    text(out.resolve("report.html"), MarketReport.render(d));
    Files.write(out.resolve(Workbook.fileName(d.period()).replace(".xlsx", "-public.xlsx")), Workbook.renderPublic(d));
    Files.write(out.resolve("restricted").resolve(Workbook.fileName(d.period())), Workbook.render(d, f.flags()));
    text(out.resolve("restricted/flags-register.csv"), FlagsRegister.csv(f.flags()));
    text(out.resolve("restricted/buyer-totals.csv"), FlagsRegister.buyerTotalsCsv(f.flags()));
    text(out.resolve("restricted/flags-register.html"), FlagsRegister.html(d.period(), d.version(), f.flags()));
    for (String s : SupplierStatement.suppliers(f.points(), f.flags())) {
      text(out.resolve("statements").resolve(SupplierStatement.fileName(s, "html")),
          SupplierStatement.html(s, d, f.points(), f.flags()));
      text(out.resolve("statements").resolve(SupplierStatement.fileName(s, "csv")),
          SupplierStatement.csv(s, d, f.points(), f.flags()));
    }
    return out;
  }

  private static void text(Path file, String s) throws IOException {
    Files.writeString(file, s, StandardCharsets.UTF_8);
  }
}
