package org.fairfee.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairfee.jobs.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's errors: one plain line, the right exit code, never a stack trace. Its
 * {@link #run} and {@link #assertOnePlainLine} serve the other command-line tests too.
 */
public class MainTest {

  /** What a command returned and printed. */
  public record Result(int code, String out, String err) {}

  /** Runs the command line in this JVM, as {@code bin/fairfee} would, capturing what it prints. */
  public static Result run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** What the user sees on the terminal is one plain line: no stack trace, no exception name. */
  public static void assertOnePlainLine(String err) {
    assertEquals(1, err.strip().lines().count(), "exactly one line: " + err);
    assertFalse(err.contains("\tat ") || err.contains("Exception"), "no stack trace or exception name: " + err);
  }

  @TempDir
  Path tmp;

  @Test
  void noArgumentsPrintsUsageAndExits2() {
    Result r = run();
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Commands:"));
  }

  @Test
  void unknownCommandIsAUsageError() {
    Result r = run("frobnicate");
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("unknown command 'frobnicate'"));
  }

  @Test
  void everyCommandHasHelp() {
    for (String c : Main.commands().keySet()) {
      Result r = run(c, "--help");
      assertEquals(0, r.code(), c);
      assertTrue(r.out().startsWith("Usage: fairfee " + c), c + ": " + r.out());
    }
  }

  @Test
  void aBadFlagIsOneLineAndExit2() {
    Result r = run("run", "--input", tmp.toString(), "--period", "2026-10", "--out", tmp.toString(), "--colour", "red");
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("unknown option --colour"), r.err());
  }

  @Test
  void aMalformedPeriodIsExit2() {
    Result r = run("run", "--input", tmp.toString(), "--period", "2026-13", "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("not a real month"), r.err());
    r = run("run", "--input", tmp.toString(), "--period", "Oct 2026", "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("YYYY-MM"), r.err());
  }

  @Test
  void aMissingInputFolderIsExit2() {
    Result r = run("run", "--input", tmp.resolve("nope").toString(), "--period", "2026-10", "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
  }

  @Test
  void aMissingRequiredOptionIsExit2() {
    Result r = run("run", "--input", tmp.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--period"), r.err());
  }

  @Test
  void aConfigWithAnUnknownKeyIsExit2NamingTheKey() throws IOException {
    Path config = tmp.resolve("c.json");
    Files.writeString(config, "{\"bands\": {\"minSupplier\": 3}}");
    Result r = run("run", "--input", tmp.toString(), "--period", "2026-10", "--out", tmp.resolve("o").toString(),
        "--config", config.toString());
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("bands.minSupplier"), r.err());
  }

  @Test
  void anUnwritableOutputFolderIsOnePlainLine() throws IOException {
    Path file = tmp.resolve("a-file");
    Files.writeString(file, "x");
    Result r = run("run", "--input", tmp.toString(), "--period", "2026-10", "--out", file.resolve("out").toString());
    assertEquals(1, r.code());
    assertOnePlainLine(r.err());
    assertTrue(r.err().contains("cannot create the output folder"), r.err());
  }

  @Test
  void validateExitsZeroOnlyWhenEveryRowIsValid() throws IOException {
    Path good = tmp.resolve("good.csv");
    Files.writeString(good, Fixtures.HEADER + "\n"
        + "S-1,1,SUP-A1,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,1000.00,,,INV-1,2026-03-01,,,,\n");
    Path bad = tmp.resolve("bad.csv");
    Files.writeString(bad, Fixtures.HEADER + "\n"
        + "S-2,1,SUP-A1,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,1000.00,,,INV-1,2026-03-01,,,,\n"
        + "S-2,2,SUP-A1,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,1000.00,,,INV-2,2026-02-30,,,,\n");
    Result ok = run("validate", good.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().contains("1 rows read, 1 accepted, 0 quarantined"), ok.out());
    Result ko = run("validate", good.toString(), bad.toString());
    assertEquals(1, ko.code());
    assertTrue(ko.out().contains("line 3: INVALID_DATE"), ko.out());
  }

  @Test
  void validateNamesARejectedFile() throws IOException {
    Path f = tmp.resolve("nocol.csv");
    Files.writeString(f, "submission_id,line_no\nS-1,1\n");
    Result r = run("validate", f.toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("rejected: MISSING_COLUMN"), r.out());
    assertTrue(r.out().contains("supplier_ref"), r.out());
  }

  @Test
  void validateOfAMissingFileIsExit2() {
    Result r = run("validate", tmp.resolve("missing.csv").toString());
    assertEquals(2, r.code());
    assertOnePlainLine(r.err());
  }
}
