package org.fairfee.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.generate.GeneratedSample.Charge;
import org.fairfee.jobs.generate.GeneratedSample.LabelRow;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.FileOutcome;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.ReasonCode;
import org.fairfee.schemas.RuleCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeded generator: determinism, validity against the real validator, and labels that mean what they say. */
class GeneratorTest {

  static final long ROWS = 5_000;
  static final long SEED = 42;

  @TempDir
  static Path tmp;
  static Path one;
  static GeneratedSample sample;
  static Generator.Summary summary;

  @BeforeAll
  static void generateOnce() throws IOException {
    one = tmp.resolve("one-thread");
    summary = Generator.generate(Io.local(), Io.path(one.toString()), GenerateOptions.defaults(SEED, ROWS).withThreads(1));
    sample = new GeneratedSample(one);
  }

  static Map<String, byte[]> tree(Path dir) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return out;
  }

  @Test
  void sameSeedGivesTheSameBytesWhateverTheThreads() throws IOException {
    Path three = tmp.resolve("three-threads");
    Generator.generate(Io.local(), Io.path(three.toString()), GenerateOptions.defaults(SEED, ROWS).withThreads(3));
    Map<String, byte[]> a = tree(one);
    Map<String, byte[]> b = tree(three);
    assertEquals(a.keySet(), b.keySet());
    for (String k : a.keySet()) {
      assertArrayEquals(a.get(k), b.get(k), k);
    }
    Path again = tmp.resolve("again");
    Generator.generate(Io.local(), Io.path(again.toString()), GenerateOptions.defaults(SEED, ROWS).withThreads(2));
    assertEquals(a.keySet(), tree(again).keySet());
    assertArrayEquals(a.get(Generator.LABELS), tree(again).get(Generator.LABELS));
  }

  @Test
  void anotherSeedGivesOtherData() throws IOException {
    Path other = tmp.resolve("other-seed");
    Generator.generate(Io.local(), Io.path(other.toString()), GenerateOptions.defaults(SEED + 1, ROWS).withThreads(2));
    assertFalse(java.util.Arrays.equals(tree(one).get(Generator.LABELS), tree(other).get(Generator.LABELS)));
  }

  @Test
  void everyFileIsAcceptedAndOnlyTheBadRowsAreQuarantinedWithTheirCode() {
    for (Map.Entry<String, FileOutcome> f : sample.files.entrySet()) {
      assertEquals(FileStatus.ACCEPTED, f.getValue().status(), f.getKey() + ": " + f.getValue().reason());
    }
    Map<String, String> bad = new HashMap<>();
    for (LabelRow l : sample.labels) {
      if (l.label().startsWith(Label.BAD_ROW_PREFIX)) {
        bad.put(l.key(), l.label().substring(Label.BAD_ROW_PREFIX.length()));
      }
    }
    Map<String, String> got = new HashMap<>();
    sample.quarantined.forEach((k, v) -> got.put(k, v.name()));
    assertEquals(bad, got);
    long rows = sample.charges.size() + sample.quarantined.size();
    assertEquals(summary.rows(), rows);
    assertTrue(rows > ROWS * 0.9 && rows < ROWS * 1.15, "rows " + rows);
  }

  @Test
  void sampleSizeHasManySuppliersTwelveMonthsAndEveryBuyerType() {
    Set<String> suppliers = new TreeSet<>();
    Set<String> months = new TreeSet<>();
    Set<String> buyerTypes = new TreeSet<>();
    for (Charge c : sample.charges.values()) {
      suppliers.add(c.supplier());
      months.add(c.sid().substring(2, 9));
      buyerTypes.add(c.buyerType());
    }
    assertTrue(suppliers.size() >= 25, "suppliers " + suppliers.size());
    assertEquals(12, months.size());
    assertEquals("2026-10", months.stream().reduce((a, b) -> b).orElseThrow());
    assertEquals(org.fairfee.schemas.BuyerType.values().length, buyerTypes.size(), buyerTypes.toString());
    assertTrue(sample.charges.values().stream().anyMatch(c -> "EUR".equals(c.currency())));
    assertTrue(sample.charges.values().stream().anyMatch(Charge::vat));
  }

  @Test
  void everyLabelKindIsPresent() {
    Set<String> kinds = sample.labels.stream().map(LabelRow::label).collect(Collectors.toSet());
    for (Label l : Label.values()) {
      assertTrue(kinds.contains(l.name()), "missing " + l);
    }
    for (ReasonCode code : Market.BAD_KINDS) {
      assertTrue(kinds.contains(Label.badRow(code)), "missing " + code);
    }
  }

  @Test
  void labelsAreSortedAndUnique() {
    List<String> keys = new ArrayList<>();
    for (LabelRow l : sample.labels) {
      keys.add(String.format("%s#%09d#%s", l.sid(), l.lineNo(), l.label()));
    }
    List<String> sorted = new ArrayList<>(new TreeSet<>(keys));
    assertEquals(sorted, keys);
  }

  @Test
  void awkwardButValidFilesArePresent() throws IOException {
    boolean bom = false;
    boolean crlf = false;
    boolean shuffled = false;
    boolean extra = false;
    try (Stream<Path> s = Files.walk(one.resolve(Generator.SUBMISSIONS))) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        byte[] b = Files.readAllBytes(p);
        bom |= b.length > 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
        String text = new String(b, StandardCharsets.UTF_8);
        crlf |= text.contains("\r\n");
        shuffled |= text.startsWith(text.substring(0, text.indexOf('\n')).toUpperCase(java.util.Locale.ROOT))
            && !text.startsWith("SUBMISSION_ID,LINE_NO");
      }
    }
    for (FileOutcome f : sample.files.values()) {
      extra |= f.extraColumns().contains(CsvRows.EXTRA_COLUMN);
    }
    assertTrue(bom && crlf && shuffled && extra, "bom " + bom + " crlf " + crlf + " shuffled " + shuffled + " extra " + extra);
  }

  @Test
  void positiveLabelsAreExactlyWhatTheRuleDefinitionsFlag() {
    Set<String> expected = new TreeSet<>();
    for (ReferenceRules.Flag f : ReferenceRules.flags(sample.charges)) {
      expected.add(f.key() + " " + f.rule() + " " + f.related());
    }
    Set<String> labelled = new TreeSet<>();
    Set<String> rules = Set.of(RuleCode.P1_SPEC_FEE.name(), RuleCode.P2_COOP_FEE.name(), RuleCode.P5_DUPLICATE.name(),
        RuleCode.P5_OVERLAP.name(), RuleCode.P5_RECHARGE.name());
    for (LabelRow l : sample.labels) {
      if (rules.contains(l.label())) {
        labelled.add(l.key() + " " + l.label() + " " + l.relKey());
      }
    }
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(labelled);
    Set<String> extra = new TreeSet<>(labelled);
    extra.removeAll(expected);
    assertTrue(missing.isEmpty() && extra.isEmpty(), "unlabelled: " + missing + "\nlabelled but not flagged: " + extra);
  }

  @Test
  void everyP5LabelPointsAtAnEarlierLineThatFitsTheRule() {
    int checked = 0;
    for (LabelRow l : sample.labels) {
      if (!l.label().startsWith("P5_") && !l.label().equals(Label.NEG_CREDITED_COPY.name())) {
        continue;
      }
      Charge c = sample.charges.get(l.key());
      Charge o = sample.charges.get(l.relKey());
      assertNotNull(c, l.toString());
      assertNotNull(o, "related line of " + l);
      assertTrue(o.before(c), l.toString());
      assertEquals(o.supplier(), c.supplier());
      assertEquals(o.iface(), c.iface());
      assertEquals(o.fee(), c.fee());
      if (l.label().equals(RuleCode.P5_RECHARGE.name())) {
        assertEquals(FeeType.DEVELOPMENT.name(), c.fee());
        assertFalse(o.buyer().equals(c.buyer()), l.toString());
      } else {
        assertEquals(o.buyer(), c.buyer());
      }
      if (l.label().equals(RuleCode.P5_DUPLICATE.name()) || l.label().equals(Label.NEG_CREDITED_COPY.name())) {
        assertEquals(0, o.amount().compareTo(c.amount()), l.toString());
        assertEquals(o.currency(), c.currency());
        long days = ChronoUnit.DAYS.between(o.date(), c.date());
        assertTrue(days >= 5 && days <= 50, l + " " + days + " days");
        assertTrue(o.refNorm().equals(c.refNorm()) || o.start().equals(c.start()) && o.end().equals(c.end()), l.toString());
      }
      if (l.label().equals(RuleCode.P5_OVERLAP.name())) {
        assertTrue(!o.start().isAfter(c.end()) && !c.start().isAfter(o.end()), l.toString());
        assertFalse(ReferenceRules.sameCharge(o, c), l.toString());
      }
      checked++;
    }
    assertTrue(checked > 20);
  }

  @Test
  void hardNegativesLookLikeWhatTheyImitate() {
    Set<String> credited = ReferenceRules.fullyCredited(sample.charges.values().stream()
        .sorted((a, b) -> a.before(b) ? -1 : b.before(a) ? 1 : 0).toList());
    for (LabelRow l : sample.labels) {
      Charge c = sample.charges.get(l.key());
      Charge o = l.relKey() == null ? null : sample.charges.get(l.relKey());
      switch (l.label()) {
        case "NEG_CREDITED_COPY" -> assertTrue(credited.contains(l.key()), l.toString());
        case "NEG_CREDIT_NOTE" -> {
          assertTrue(c.credit());
          assertEquals(0, c.amount().negate().compareTo(o.amount()));
        }
        case "NEG_SAME_DAY_OTHER_INTERFACE" -> {
          assertEquals(o.date(), c.date());
          assertEquals(o.buyer(), c.buyer());
          assertEquals(0, o.amount().compareTo(c.amount()));
          assertFalse(o.iface().equals(c.iface()));
        }
        case "NEG_IMPLEMENTATION_TWO_BUYERS" -> {
          assertEquals(FeeType.IMPLEMENTATION.name(), c.fee());
          assertEquals(o.iface(), c.iface());
          assertEquals(0, o.amount().compareTo(c.amount()));
          assertFalse(o.buyer().equals(c.buyer()));
          assertEquals(o.buyerType(), c.buyerType());
        }
        case "NEG_MONTHLY_REPEAT" -> {
          if (o != null) {
            assertEquals(0, o.amount().compareTo(c.amount()));
            assertEquals(o.iface(), c.iface());
          }
        }
        default -> {
          // checked elsewhere
        }
      }
    }
  }

  @Test
  void discriminationIsFourToTenTimesWhatTheSupplierChargesItsOtherBuyers() {
    Map<String, List<Charge>> byCombo = new HashMap<>();
    for (Charge c : sample.charges.values()) {
      if (!c.credit() && c.buyerSize() != null) {
        byCombo.computeIfAbsent(c.supplier() + "|" + c.iface() + "|" + c.fee(), k -> new ArrayList<>()).add(c);
      }
    }
    Set<String> p4 = new HashSet<>();
    sample.labels.stream().filter(l -> l.label().startsWith("P4_")).forEach(l -> p4.add(l.key()));
    int checked = 0;
    for (LabelRow l : sample.labels) {
      if (!l.label().equals(RuleCode.P4_PRICE_DISCRIMINATION.name())) {
        continue;
      }
      Charge c = sample.charges.get(l.key());
      assertTrue(sample.labels.stream().anyMatch(x -> x.key().equals(l.key()) && x.label().equals(RuleCode.P4_HIGH_FEE.name())));
      List<Double> others = new ArrayList<>();
      for (Charge o : byCombo.get(c.supplier() + "|" + c.iface() + "|" + c.fee())) {
        if (!o.buyer().equals(c.buyer()) && !p4.contains(o.key()) && o.basis().equals(c.basis())) {
          others.add(sizeAdjusted(o));
        }
      }
      if (others.isEmpty()) {
        continue;
      }
      others.sort(Double::compare);
      double ratio = sizeAdjusted(c) / others.get(others.size() / 2);
      assertTrue(ratio > 2.5 && ratio < 16, l + " ratio " + ratio);
      checked++;
    }
    assertTrue(checked > 0);
  }

  private static double sizeAdjusted(Charge c) {
    double typical = Catalogue.buyer(org.fairfee.schemas.BuyerType.valueOf(c.buyerType())).typical();
    BigDecimal unit = c.quantity() == null ? c.net() : c.net().divide(c.quantity(), 6, java.math.RoundingMode.HALF_UP);
    return unit.doubleValue() / Math.pow(c.buyerSize() / typical, Catalogue.SIZE_EXPONENT);
  }

  @Test
  void configCarriesARateForEveryMonthWithEuroRows() {
    Set<String> months = new TreeSet<>();
    for (Charge c : sample.charges.values()) {
      if ("EUR".equals(c.currency())) {
        months.add(c.date().toString().substring(0, 7));
      }
    }
    assertFalse(months.isEmpty());
    assertEquals(months, sample.options.ingest().rates().gbpPer().get("EUR").keySet());
  }

  @Test
  void leavesTheRestOfTheFolderAlone() throws IOException {
    Path dir = tmp.resolve("shared");
    Files.createDirectories(dir.resolve("keep"));
    Files.writeString(dir.resolve("keep/note.txt"), "mine");
    Generator.generate(Io.local(), Io.path(dir.toString()), GenerateOptions.defaults(1, 1000).withSuppliers(30).withMonths(2));
    Generator.generate(Io.local(), Io.path(dir.toString()), GenerateOptions.defaults(2, 1000).withSuppliers(26).withMonths(2));
    assertEquals("mine", Files.readString(dir.resolve("keep/note.txt")));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(Set.of("keep", Generator.SUBMISSIONS, Generator.LABELS, Generator.CONFIG),
          s.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
    }
    try (Stream<Path> s = Files.walk(dir.resolve(Generator.SUBMISSIONS))) {
      assertEquals(26 * 2, s.filter(Files::isRegularFile).count(), "a rerun replaces the earlier submissions");
    }
  }

  @Test
  void theLastMonthOfAThirtyThousandRowSampleHasFifteenCasesOfEveryPositiveRule() throws IOException {
    Path big = tmp.resolve("thirty-thousand");
    Generator.Summary s = Generator.generate(Io.local(), Io.path(big.toString()), GenerateOptions.defaults(SEED, 30_000));
    Map<String, Integer> last = new TreeMap<>();
    for (String line : Files.readAllLines(big.resolve(Generator.LABELS))) {
      if (line.startsWith("S-" + s.lastMonth() + "-")) {
        last.merge(line.split(",")[2], 1, Integer::sum);
      }
    }
    for (Label l : Label.values()) {
      if (l.rule() != null) {
        assertTrue(last.getOrDefault(l.name(), 0) >= 15, l + " in " + s.lastMonth() + ": " + last);
      }
    }
  }

  @Test
  void commandLineWritesASummaryAndRejectsBadArguments() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Path dir = tmp.resolve("cli");
    int code = org.fairfee.jobs.cli.Main.execute(new String[] {"generate", "--out", dir.toString(), "--seed", "5",
        "--rows", "1000", "--months", "3", "--threads", "2"}, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("suppliers") && text.contains("P5_DUPLICATE"), text);
    assertTrue(Files.exists(dir.resolve(Generator.LABELS)));
    String[][] bad = {
        {"generate", "--seed", "1", "--rows", "5000"},
        {"generate", "--out", dir.toString(), "--seed", "x", "--rows", "5000"},
        {"generate", "--out", dir.toString(), "--seed", "1", "--rows", "10"},
        {"generate", "--out", dir.toString(), "--seed", "1", "--rows", "5000", "--last-month", "2026-13"},
        {"generate", "--out", dir.toString(), "--seed", "1", "--rows", "5000", "--threads", "0"},
        {"generate", "--out", dir.toString(), "--seed", "1", "--rows", "5000", "--colour", "red"}};
    for (String[] argv : bad) {
      ByteArrayOutputStream e = new ByteArrayOutputStream();
      assertEquals(2, org.fairfee.jobs.cli.Main.execute(argv, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(e, true, StandardCharsets.UTF_8)), String.join(" ", argv));
      assertTrue(e.toString(StandardCharsets.UTF_8).startsWith("fairfee generate: "), e.toString(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream help = new ByteArrayOutputStream();
    assertEquals(0, org.fairfee.jobs.cli.Main.execute(new String[] {"generate", "--help"},
        new PrintStream(help, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())));
    assertTrue(help.toString(StandardCharsets.UTF_8).contains("--last-month"));
  }
}
