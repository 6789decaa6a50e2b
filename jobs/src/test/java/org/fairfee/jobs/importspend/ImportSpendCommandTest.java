package org.fairfee.jobs.importspend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fairfee.jobs.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fairfee import-spend} on the command line: exit codes, messages, where things go. */
class ImportSpendCommandTest {

  record Ran(int code, String out, String err) {}

  static Ran run(String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void importsAFolderAndSaysWhereEverythingWent(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("oxford");
    Files.createDirectories(input);
    Files.copy(PublicData.folder(PublicData.OXFORD).resolve("expenditure-over-500-oct-dec-2017.csv"),
        input.resolve("q3.csv"));
    Path config = tmp.resolve("config.json");
    Files.writeString(config, "{\"spend\": {\"pseudonymKey\": \"" + PublicData.KEY + "\"}}");
    Path out = tmp.resolve("out");
    Ran r = run("import-spend", "--input", input.toString(), "--out", out.toString(), "--buyer-type", "local_authority",
        "--config", config.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("q3.csv: 3,855 rows: 3,786 accepted (5 of them unmatched credits), 69 quarantined,"
        + " 0 skipped (UTF-8, dates dd/mm/yyyy)"),
        r.out());
    assertTrue(r.out().contains("Next: fairfee run --input " + out.resolve("submissions")), r.out());
    assertEquals("", r.err(), "a key from the config needs no warning");
    assertTrue(Files.exists(out.resolve("submissions").resolve("q3.csv")));
    assertTrue(Files.exists(out.resolve("restricted").resolve(NameTables.SUPPLIERS)));
    assertFalse(Files.exists(out.resolve("restricted").resolve(PseudonymKey.FILE_NAME)));
    assertTrue(PublicData.read(out.resolve("submissions").resolve("q3.csv"))
        .contains(PublicData.PSEUDONYMS.supplier("uk gas connection")), "the config's key was used");
    assertFalse(PublicData.read(out.resolve(ImportManifest.FILE_NAME)).contains(PublicData.KEY));
  }

  @Test
  void withoutAKeyOneIsCreatedInTheRestrictedFolderWithAWarning(@TempDir Path tmp) throws Exception {
    if (System.getenv(PseudonymKey.ENV) != null) {
      return; // the environment gives a key: nothing to create
    }
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Files.writeString(input.resolve("a.csv"), "Supplier,Date,Amount,Trans No\nAcme Ltd,01/02/2021,100,T1\n");
    Path restricted = tmp.resolve("private");
    Ran r = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--restricted", restricted.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("warning: no pseudonym key given") && r.err().contains("created a random key"), r.err());
    assertTrue(Files.exists(restricted.resolve(PseudonymKey.FILE_NAME)));
    assertFalse(Files.exists(tmp.resolve("out").resolve("restricted")));
    String first = PublicData.read(tmp.resolve("out").resolve("submissions").resolve("a.csv"));
    Ran again = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--restricted", restricted.toString());
    assertTrue(again.err().contains("using the key file"), again.err());
    assertEquals(first, PublicData.read(tmp.resolve("out").resolve("submissions").resolve("a.csv")),
        "the reused key gives the same references");
  }

  @Test
  void aRejectedFileMakesTheExitCodeOne(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Files.writeString(input.resolve("a.csv"), "Supplier,Date,Amount,Trans No\nAcme Ltd,01/02/2021,100,T1\n");
    Files.writeString(input.resolve("b.csv"), "Who,When\nAcme,today\n");
    Ran r = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--restricted", tmp.resolve("private").toString());
    assertEquals(1, r.code());
    assertTrue(r.out().contains("b.csv: rejected: MISSING_COLUMN no header row"), r.out());
  }

  @Test
  void aWrongCommandLineIsExitTwoWithOnePlainLine(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("in");
    Files.createDirectories(input);
    Ran noInput = run("import-spend", "--out", tmp.resolve("out").toString());
    assertEquals(2, noInput.code());
    assertTrue(noInput.err().contains("--input DIR is required"), noInput.err());
    Ran badType = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--buyer-type", "HOSPITAL");
    assertEquals(2, badType.code());
    assertTrue(badType.err().contains("--buyer-type 'HOSPITAL' is not one of ACUTE_TRUST"), badType.err());
    Ran inside = run("import-spend", "--input", input.toString(), "--out", input.resolve("out").toString());
    assertEquals(2, inside.code());
    assertTrue(inside.err().contains("is inside --input"), inside.err());
    Ran leaky = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--restricted", tmp.resolve("out").resolve("submissions").resolve("names").toString());
    assertEquals(2, leaky.code());
    assertTrue(leaky.err().contains("must not be inside OUT/submissions"), leaky.err());
    Path mapping = tmp.resolve("mapping.json");
    Files.writeString(mapping, "{\"payee\": \"Supplier\"}");
    Ran badMapping = run("import-spend", "--input", input.toString(), "--out", tmp.resolve("out").toString(),
        "--mapping", mapping.toString());
    assertEquals(2, badMapping.code());
    assertTrue(badMapping.err().contains("unknown field 'payee'"), badMapping.err());
    assertEquals(0, run("import-spend", "--help").code());
    assertTrue(run("--help").out().contains("import-spend"));
  }
}
