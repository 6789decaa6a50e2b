package org.fairfee.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairfee.jobs.cli.MainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The independent market itself, without Spark: deterministic, contract-valid, and labelled as it claims. */
class IndependentMarketTest {

  @TempDir
  Path tmp;

  @Test
  void theSameSeedGivesTheSameFilesByteForByte() throws IOException {
    MarketShape shape = MarketShape.of(MarketShape.Family.STEEP_NOISY, 7, 40);
    IndependentMarket.generate(shape).write(tmp.resolve("a"));
    IndependentMarket.generate(shape).write(tmp.resolve("b"));
    List<Path> a = files(tmp.resolve("a"));
    List<Path> b = files(tmp.resolve("b"));
    assertEquals(a.stream().map(p -> tmp.resolve("a").relativize(p)).toList(),
        b.stream().map(p -> tmp.resolve("b").relativize(p)).toList());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i)), Files.readAllBytes(b.get(i)), a.get(i).toString());
    }
    IndependentMarket.generate(MarketShape.of(MarketShape.Family.STEEP_NOISY, 8, 40)).write(tmp.resolve("c"));
    assertTrue(!Files.readString(tmp.resolve("a/labels.csv")).equals(Files.readString(tmp.resolve("c/labels.csv"))),
        "another seed, another market");
  }

  /** Through fairfee's own validator (no Spark): every row accepted, in every way suppliers write their files. */
  @Test
  void everyRowKeepsTheContract() throws IOException {
    MarketShape shape = MarketShape.fast(MarketSweepTest.FAST_SEED);
    Path dir = tmp.resolve("fast");
    IndependentMarket m = IndependentMarket.generate(shape);
    m.write(dir);
    List<Path> files = files(dir.resolve(IndependentMarket.SUBMISSIONS));
    List<String> argv = new ArrayList<>(List.of("validate"));
    files.forEach(p -> argv.add(p.toString()));
    MainTest.Result r = MainTest.run(argv.toArray(String[]::new));
    assertEquals(0, r.code(), r.out().lines().filter(l -> !l.contains(" 0 quarantined")).limit(20)
        .collect(Collectors.joining("\n")) + r.err());
    assertTrue(r.out().contains(m.lines().size() + " rows, 0 quarantined"), r.out().lines().reduce((x, y) -> y).orElse(""));
    assertTrue(m.lines().size() >= 3_000 && m.lines().size() <= 25_000, "rows: " + m.lines().size());
    List<String> texts = new ArrayList<>();
    for (Path p : files) {
      texts.add(Files.readString(p));
    }
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("\uFEFF")), "a file with a byte-order mark");
    assertTrue(texts.stream().anyMatch(t -> t.contains("\r\n")), "a file with CRLF line ends");
    assertTrue(texts.stream().anyMatch(t -> !t.replace("\uFEFF", "").toLowerCase(java.util.Locale.ROOT).startsWith("submission_id,")),
        "a file with its columns in another order");
    assertTrue(texts.stream().anyMatch(t -> t.contains("\"Messages, \"\"")), "quoted cells with commas and quotes");
  }

  @Test
  void theMonthHoldsPositivesOfEveryFamilyAndTheHardNegatives() {
    IndependentMarket m = IndependentMarket.generate(MarketShape.fast(MarketSweepTest.FAST_SEED));
    List<MarketLine> month = m.periodLines();
    for (String f : MarketRun.FAMILIES) {
      long n = month.stream().filter(l -> l.families.contains(f)).count();
      assertTrue(n >= (f.equals("P4") ? 15 : 2), f + " positives in the month: " + n);
    }
    Set<String> kinds = month.stream().map(l -> l.kind).collect(Collectors.toSet());
    for (String k : List.of("monthly invoices of one contract", "quarterly invoices", "annual invoice",
        "same amount on another interface (same invoice and day)", "hard negative: copy credited back in full",
        "hard negative: re-issue after a full credit (same period, right amount)",
        "hard negative: nil specification fee (0.00)", "P5: same invoice re-sent",
        "P5: same service period billed again", "P5: overlapping service period",
        "P5: development charged again to another buyer", "P4: planted, only this month's line",
        "P4: planted, whole contract", "P4: planted, the line")) {
      assertTrue(kinds.contains(k), "the month has a line of kind: " + k);
    }
    for (MarketLine l : month) {
      if (l.families.contains("P4")) {
        assertTrue(l.plantedRatio >= 4 && l.plantedRatio <= 10, l.describe());
        double ratio = l.linePrice() / l.fairPrice;
        assertTrue(ratio > 3.9 && ratio < 10.2, "the line itself is 4-10x its fair price: " + l.describe());
        assertTrue(l.families.size() == 1, "a planted outlier is nothing else: " + l.describe());
      }
      if (l.families.contains("P5")) {
        assertTrue(l.families.size() == 1, l.describe());
      }
    }
    assertTrue(month.stream().anyMatch(l -> l.largeBuyer && l.families.isEmpty()), "a large buyer paying its fair price");
    assertTrue(m.lines().stream().anyMatch(l -> l.detail.startsWith("implementation of an interface already implemented")),
        "an interface implemented for two buyers");
  }

  @Test
  void percentilesAreR7AsTheMethodologyDefinesThem() {
    List<Double> v = List.of(1000.0, 100.0, 400.0, 200.0, 300.0);
    assertEquals(140, IndependentMedians.r7(v, 0.10), 1e-9);
    assertEquals(200, IndependentMedians.r7(v, 0.25), 1e-9);
    assertEquals(300, IndependentMedians.r7(v, 0.50), 1e-9);
    assertEquals(760, IndependentMedians.r7(v, 0.90), 1e-9);
    assertEquals(1260, IndependentMedians.r7(List.of(1200.0, 1320.0), 0.5), 1e-9);
    assertEquals(7, IndependentMedians.r7(List.of(7.0), 0.5), 1e-9);
    assertTrue(Double.isNaN(IndependentMedians.r7(List.of(), 0.5)));
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
