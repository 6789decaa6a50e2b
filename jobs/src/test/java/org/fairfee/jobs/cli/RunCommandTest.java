package org.fairfee.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monthly job end to end through the command line, on the shared local SparkSession. */
class RunCommandTest extends SparkTestBase {

  @TempDir
  Path tmp;

  static final String ROW = "S-%s,%d,SUP-A1,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,MONTHLY,,1000.00,,,INV-%d,%s,,,,\n";

  private Path input() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in/2026-10"));
    Files.writeString(in.resolve("good.csv"), Fixtures.HEADER + "\n"
        + String.format(ROW, "G", 1, 1, "2026-09-01") + String.format(ROW, "G", 2, 2, "2026-10-01")
        + String.format(ROW, "G", 3, 3, "2026-10-31x"));
    // BOM, CRLF, upper-case shuffled header, quoted line break, an extra column
    String header = "LINE_NO, Submission_ID ,supplier_ref,buyer_ref,buyer_type,buyer_size,product_category,"
        + "interface_standard,interface_ref,fee_type,charge_basis,quantity,amount,currency,vat_included,invoice_ref,"
        + "invoice_date,service_start,service_end,credits_invoice_ref,description,internal_note";
    String awkward = "\uFEFF" + header + "\r\n"
        + "1,S-W,SUP-B2,BUY-2,ICB,500000,EPR,HL7_V2,IF-9,SUPPORT,ANNUAL,,2400.00,GBP,true,7,2026-10-05,,,,\"line one,\r\nline two\",x\r\n"
        + "2,S-W,SUP-B2,BUY-2,ICB,500000,EPR,HL7_V2,IF-9,SUPPORT,ANNUAL,,2400.001,GBP,true,8,2026-10-05,,,,,y\r\n";
    Files.write(in.resolve("awkward.csv"), awkward.getBytes(StandardCharsets.UTF_8));
    Files.writeString(in.resolve("missing-column.csv"), "submission_id,line_no,amount\nS-M,1,10.00\n");
    Files.write(in.resolve("garbage.csv"), new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 0, 9, 0, 0, 0, 7});
    Files.writeString(in.resolve("empty.csv"), "");
    Files.writeString(in.resolve("header-only.csv"), Fixtures.HEADER + "\n");
    Files.writeString(in.resolve("unterminated.csv"), Fixtures.HEADER + "\n"
        + String.format(ROW, "U", 1, 1, "2026-10-02") + "S-U,2,SUP-A1,\"BUY-1,ACUTE_TRUST\n");
    Files.copy(in.resolve("good.csv"), tmp.resolve("in/copy-of-good.csv"));
    return tmp.resolve("in");
  }

  @Test
  void runAccountsForEveryRowAndARerunIsIdentical() throws IOException {
    Path in = input();
    Path out = tmp.resolve("out");
    MainTest.Result first = MainTest.run("run", "--input", in.toString(), "--period", "2026-10", "--out", out.toString(), "--quiet");
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().strip().endsWith("2026-10/report.html"), first.out());
    Path month = out.resolve("2026-10");
    for (String f : new String[] {"report.html", "manifest.json", "quarantine.csv", "run.log"}) {
      assertTrue(Files.exists(month.resolve(f)), f);
    }
    JsonNode m = new ObjectMapper().readTree(month.resolve("manifest.json").toFile());
    for (JsonNode f : m.get("files")) {
      if (!f.get("status").asText().equals("rejected")) {
        assertEquals(f.get("rows_read").asLong(), f.get("rows_accepted").asLong() + f.get("rows_quarantined").asLong(),
            f.get("file").asText());
      }
    }
    assertEquals("duplicate_file", file(m, "copy-of-good.csv").get("status").asText());
    assertEquals("MISSING_COLUMN", file(m, "2026-10/missing-column.csv").get("reason_code").asText());
    assertEquals("BINARY_FILE", file(m, "2026-10/garbage.csv").get("reason_code").asText());
    assertEquals("EMPTY_FILE", file(m, "2026-10/empty.csv").get("reason_code").asText());
    assertEquals("NO_DATA_ROWS", file(m, "2026-10/header-only.csv").get("reason_code").asText());
    JsonNode awkward = file(m, "2026-10/awkward.csv");
    assertEquals(1, awkward.get("rows_accepted").asLong());
    assertEquals("internal_note", awkward.get("extra_columns").get(0).asText());
    JsonNode unterminated = file(m, "2026-10/unterminated.csv");
    assertEquals(1, unterminated.get("rows_accepted").asLong());
    assertEquals(1, unterminated.get("rows_quarantined").asLong());
    String quarantine = Files.readString(month.resolve("quarantine.csv"));
    // the first data row spans lines 2-3 (a quoted line break), so the second starts on line 4
    assertTrue(quarantine.contains("2026-10/awkward.csv,4,TOO_MANY_DECIMALS"), quarantine);
    assertTrue(quarantine.contains("2026-10/good.csv,4,INVALID_DATE"), quarantine);
    assertTrue(quarantine.contains("2026-10/unterminated.csv,3,UNTERMINATED_QUOTE"), quarantine);
    assertEquals(3, m.get("period_rows").asLong(), "rows invoiced in 2026-10: good x1, awkward x1, unterminated x1");

    byte[] quarantineBefore = Files.readAllBytes(month.resolve("quarantine.csv"));
    MainTest.Result second = MainTest.run("run", "--input", in.toString(), "--period", "2026-10", "--out", out.toString(), "--quiet");
    assertEquals(0, second.code(), second.err());
    assertArrayEquals(quarantineBefore, Files.readAllBytes(month.resolve("quarantine.csv")));
    JsonNode again = new ObjectMapper().readTree(month.resolve("manifest.json").toFile());
    assertEquals(m.get("totals"), again.get("totals"));
    assertEquals(m.get("files"), again.get("files"));
    assertEquals(1, Files.list(out.resolve("store/_commits")).count(), "the rerun ingested nothing new");
  }

  @Test
  void aFailedRunLeavesThePreviousPublicationAndNamesItsLog() throws IOException {
    Path in = input();
    Path out = tmp.resolve("out2");
    assertEquals(0, MainTest.run("run", "--input", in.toString(), "--period", "2026-10", "--out", out.toString(), "--quiet").code());
    byte[] report = Files.readAllBytes(out.resolve("2026-10/report.html"));
    Path notAFolder = tmp.resolve("store-is-a-file");
    Files.writeString(notAFolder, "x");
    MainTest.Result r = MainTest.run("run", "--input", in.toString(), "--period", "2026-10", "--out", out.toString(),
        "--store", notAFolder.toString(), "--quiet");
    assertEquals(1, r.code());
    MainTest.assertOnePlainLine(r.err());
    assertTrue(r.err().contains("run failed"), r.err());
    assertTrue(r.err().contains("2026-10.failed/run.log"), r.err());
    assertTrue(Files.exists(out.resolve("2026-10.failed/run.log")));
    assertArrayEquals(report, Files.readAllBytes(out.resolve("2026-10/report.html")), "previous publication untouched");
    assertFalse(Files.list(out).anyMatch(p -> p.getFileName().toString().startsWith(".staging")));
  }

  private static JsonNode file(JsonNode manifest, String name) {
    for (JsonNode f : manifest.get("files")) {
      if (f.get("file").asText().equals(name)) {
        return f;
      }
    }
    throw new AssertionError("no manifest entry for " + name);
  }
}
