package org.fairfee.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review loop end to end through {@code bin/fairfee run}: flag ids stable across runs and
 * months, a decisions file with good and bad rows, dismissed flags out of every total, open flags
 * carried from 2026-09 into 2026-10, and byte-identical outputs for the same input and decisions.
 */
class DecisionsRunTest extends SparkTestBase {

  @TempDir
  Path tmp;

  /** A fee for access to an interface specification: flagged P1_SPEC_FEE in its month, whatever the history. */
  static final String SPEC_FEE = "S-%s,%d,SUP-A1,BUY-%d,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,SPECIFICATION_ACCESS,ONE_OFF,,"
      + "%s,,,INV-%s-%d,%s,,,,\n";

  private Path input() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("sep.csv"), Fixtures.HEADER + "\n"
        + String.format(SPEC_FEE, "SEP", 1, 1, "100.00", "SEP", 1, "2026-09-05")
        + String.format(SPEC_FEE, "SEP", 2, 2, "200.00", "SEP", 2, "2026-09-06")
        + String.format(SPEC_FEE, "SEP", 3, 3, "400.00", "SEP", 3, "2026-09-07"));
    Files.writeString(in.resolve("oct.csv"), Fixtures.HEADER + "\n"
        + String.format(SPEC_FEE, "OCT", 1, 1, "800.00", "OCT", 1, "2026-10-05")
        + String.format(SPEC_FEE, "OCT", 2, 4, "1600.00", "OCT", 2, "2026-10-06"));
    return in;
  }

  private static MainTest.Result run(Path in, Path out, String period, String... more) {
    List<String> argv = new ArrayList<>(List.of("run", "--input", in.toString(), "--period", period, "--out",
        out.toString(), "--quiet"));
    argv.addAll(List.of(more));
    MainTest.Result r = MainTest.run(argv.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return r;
  }

  @Test
  void decisionsCarryFromRunToRunAndMonthToMonth() throws IOException {
    Path in = input();
    Path out = tmp.resolve("out");
    Path sep = out.resolve("2026-09");

    // 1. every flag has an id (the same on the later runs below), open
    run(in, out, "2026-09");
    Map<String, String> ids = ids(rows(sep.resolve("flags.csv")));
    assertEquals(3, ids.size());
    for (Map<String, String> r : rows(sep.resolve("flags.csv"))) {
      assertEquals("", r.get("decision"), "open while nothing is decided");
      assertEquals("2026-09", r.get("raised_period"));
    }

    // 2. decisions: one dismissed, one recovered, three bad rows; the month still publishes
    Path decisions = Files.createDirectories(tmp.resolve("decisions"));
    Files.writeString(decisions.resolve("team-a.csv"), "flag_id,decision,recovered_gbp,decided_on,note\n"
        + ids.get("S-SEP:1") + ",DISMISSED,,2026-10-02,spec fee agreed before the charter\n"
        + ids.get("S-SEP:2") + ",RECOVERED,150.00,2026-10-03,credit note received\n"
        + "F-0123456789abcdef,CONFIRMED,,2026-10-03,\n"
        + ids.get("S-SEP:3") + ",MAYBE,,2026-10-03,\n"
        + ids.get("S-SEP:3") + ",RECOVERED,,2026-10-03,\n");
    run(in, out, "2026-09", "--decisions", decisions.toString());
    JsonNode d = new ObjectMapper().readTree(sep.resolve("manifest.json").toFile()).get("decisions");
    assertEquals(2, d.get("accepted").asInt());
    JsonNode rejected = d.get("rejected");
    assertEquals(3, rejected.size(), d.toString());
    assertEquals("team-a.csv", rejected.get(0).get("file").asText());
    assertEquals(List.of(4, 5, 6), List.of(rejected.get(0).get("line").asInt(), rejected.get(1).get("line").asInt(),
        rejected.get(2).get("line").asInt()));
    assertTrue(rejected.get(0).get("reason").asText().startsWith("unknown flag_id F-0123456789abcdef"), d.toString());
    assertTrue(rejected.get(1).get("reason").asText().contains("'MAYBE' is not one of"), d.toString());
    assertTrue(rejected.get(2).get("reason").asText().contains("recovered_gbp is required"), d.toString());

    Map<String, Map<String, String>> flags = bySubLine(rows(sep.resolve("flags.csv")));
    assertEquals("DISMISSED", flags.get("S-SEP:1").get("decision"));
    assertEquals("RECOVERED", flags.get("S-SEP:2").get("decision"));
    assertEquals("150.00", flags.get("S-SEP:2").get("recovered_gbp"));
    assertEquals("", flags.get("S-SEP:3").get("decision"));
    assertEquals("100.00", flags.get("S-SEP:1").get("amount_at_stake_gbp"), "the flag's own amount stays on record");
    assertEquals(ids, ids(rows(sep.resolve("flags.csv"))), "a second run gives the same ids; decisions do not change them");
    Map<String, Map<String, String>> register = bySubLine(rows(sep.resolve("restricted/flags-register.csv")));
    assertEquals("DISMISSED", register.get("S-SEP:1").get("decision"));
    assertEquals("RECOVERED", register.get("S-SEP:2").get("decision"));

    // dismissed flags are in no total: 200 + 400 at stake, not 700
    String buyers = Files.readString(sep.resolve("restricted/buyer-totals.csv"));
    assertTrue(buyers.contains("BUY-1,1,0.00"), buyers);
    String report = Files.readString(sep.resolve("report.html"));
    assertTrue(report.contains("£600.00 (3 flags)"), "P1 total without the dismissed flag");
    assertFalse(report.contains("£700.00"), "the dismissed £100 is not at stake");
    assertTrue(report.contains("<dt>Recovered</dt><dd>£150.00</dd>"), "the recovered total in pounds");
    assertFalse(report.contains("SUP-A1") || report.contains("BUY-1"), "the report names no one");
    String register2 = Files.readString(sep.resolve("restricted/flags-register.html"));
    assertTrue(register2.contains("<dt>At stake, all rules</dt><dd>£600.00</dd>"), "register total");
    Map<String, Map<String, String>> statement = new TreeMap<>();
    for (Map<String, String> r : rows(sep.resolve("statements/SUP-A1.csv"))) {
      if (r.get("record").equals("flag")) {
        statement.put(r.get("submission_id") + ":" + r.get("line_no"), r);
      }
    }
    assertEquals("DISMISSED", statement.get("S-SEP:1").get("decision"));
    assertEquals("0.00", statement.get("S-SEP:1").get("amount_at_stake_gbp"));
    assertEquals("", statement.get("S-SEP:3").get("decision"), "still open");
    String statementPage = Files.readString(sep.resolve("statements/SUP-A1.html"));
    assertTrue(statementPage.contains("<dt>At stake</dt><dd>£600.00</dd>"), "statement total");
    assertTrue(statementPage.contains("<dt>Still open</dt><dd>1</dd>"));

    // 3. the same input and decisions again: every data file byte for byte the same
    Map<String, byte[]> before = dataFiles(sep);
    run(in, out, "2026-09", "--decisions", decisions.toString());
    Map<String, byte[]> after = dataFiles(sep);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name));

    // 4. the next month, without the file: open September flags carried, decided ones not
    run(in, out, "2026-10");
    Path oct = out.resolve("2026-10");
    List<Map<String, String>> octRegister = rows(oct.resolve("restricted/flags-register.csv"));
    Map<String, Map<String, String>> byLine = bySubLine(octRegister);
    assertEquals(List.of("S-OCT:1", "S-OCT:2", "S-SEP:3"), new ArrayList<>(byLine.keySet()));
    Map<String, String> carried = byLine.get("S-SEP:3");
    assertEquals("2026-09", carried.get("raised_period"));
    assertEquals("1", carried.get("age_months"));
    assertEquals(ids.get("S-SEP:3"), carried.get("flag_id"), "a carried flag keeps its id");
    assertEquals("2026-10", byLine.get("S-OCT:1").get("raised_period"));
    assertEquals(2, rows(oct.resolve("flags.csv")).size(), "flags.csv is the month's own flags");
    String octReport = Files.readString(oct.resolve("report.html"));
    assertTrue(octReport.contains("<dt>Recovered</dt><dd>£150.00</dd>"), "decisions known from the store");
    JsonNode octDecisions = new ObjectMapper().readTree(oct.resolve("manifest.json").toFile()).get("decisions");
    assertEquals(0, octDecisions.get("accepted").asInt());
    assertEquals(0, octDecisions.get("rejected").size());
    assertTrue(Files.readString(oct.resolve("statements/SUP-A1.html")).contains("open (raised 2026-09)"));
  }

  @Test
  void aMissingDecisionsPathIsACommandLineError() throws IOException {
    MainTest.Result r = MainTest.run("run", "--input", input().toString(), "--period", "2026-09", "--out",
        tmp.resolve("out").toString(), "--decisions", tmp.resolve("nope.csv").toString(), "--quiet");
    assertEquals(2, r.code());
    MainTest.assertOnePlainLine(r.err());
    assertTrue(r.err().contains("decisions file or folder"), r.err());
  }

  static List<Map<String, String>> rows(Path csv) throws IOException {
    try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
      return it.readAll();
    }
  }

  static Map<String, String> ids(List<Map<String, String>> flags) {
    Map<String, String> out = new TreeMap<>();
    flags.forEach(r -> out.put(r.get("submission_id") + ":" + r.get("line_no"), r.get("flag_id")));
    return out;
  }

  static Map<String, Map<String, String>> bySubLine(List<Map<String, String>> flags) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    flags.forEach(r -> out.put(r.get("submission_id") + ":" + r.get("line_no"), r));
    return out;
  }

  /** Every published file but the two that hold the run time (workbooks too: their bytes are fixed). */
  static Map<String, byte[]> dataFiles(Path month) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(month)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        String name = month.relativize(p).toString();
        if (!name.equals("manifest.json") && !name.equals("run.log")) {
          out.put(name, Files.readAllBytes(p));
        }
      }
    }
    return out;
  }
}
