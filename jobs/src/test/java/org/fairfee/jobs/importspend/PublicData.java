package org.fairfee.jobs.importspend;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Io;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.jobs.ingest.FileIngestor;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.FileOutcome;

/**
 * The real published files under sample-data/public/ and a way to import them in tests, with a fixed
 * test key so references are the same in every test.
 */
public final class PublicData {
  private PublicData() {}

  public static final String LNWH = "nhs-lnwh-2020-21";
  public static final String OXFORD = "oxford-city-council-over-500";
  public static final String KEY = "fairfee-tests-only-0123456789abcdef";
  public static final Pseudonyms PSEUDONYMS = new Pseudonyms(KEY);

  /** sample-data/public/{name}, found from the test's working folder upwards. */
  public static Path folder(String name) {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("sample-data").resolve("public"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no sample-data/public above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("sample-data").resolve("public").resolve(name);
  }

  public static SpendFile.Settings settings(BuyerType type) {
    return new SpendFile.Settings(type, null, false, null);
  }

  public static SpendImport.Summary importInto(Path input, Path out, SpendFile.Settings settings) {
    return importInto(input, out, settings, SpendOptions.defaults());
  }

  public static SpendImport.Summary importInto(Path input, Path out, SpendFile.Settings settings, SpendOptions o) {
    try {
      return SpendImport.run(Io.local(), new SpendImport.Request(Io.path(input.toString()), Io.path(out.toString()),
          Io.path(out.resolve(SpendImport.RESTRICTED).toString()), settings, o,
          new PseudonymKey(KEY, "test key", null), null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every converted submission file under OUT/submissions, sorted by path. */
  public static List<Path> submissions(Path out) {
    try (Stream<Path> s = Files.walk(out.resolve(SpendImport.SUBMISSIONS))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All submission files as one CSV text (the contract header once), for Fixtures.charges. */
  public static String allSubmissions(Path out) {
    StringBuilder sb = new StringBuilder();
    for (Path p : submissions(out)) {
      List<String> lines = read(p).lines().toList();
      if (sb.length() == 0) {
        sb.append(lines.get(0)).append('\n');
      }
      lines.stream().skip(1).forEach(l -> sb.append(l).append('\n'));
    }
    return sb.toString();
  }

  /** What the contract's own validator makes of a converted file. */
  public static FileOutcome validate(Path file) {
    try (InputStream in = Files.newInputStream(file);
        FileIngestor reader = new FileIngestor(file.getFileName().toString(), in, IngestOptions.defaults())) {
      return reader.drain();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rows of a converted file as contract column name to value maps, for spot checks. */
  public static List<java.util.Map<String, String>> rows(Path file) {
    List<java.util.Map<String, String>> out = new ArrayList<>();
    List<SpendText.Line> lines = SpendText.decode(read(file).getBytes(StandardCharsets.UTF_8)).lines();
    SpendCsv csv = new SpendCsv(lines, 0, ',');
    String[] header = csv.next().fields();
    SpendCsv.Record r;
    while ((r = csv.next()) != null) {
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        m.put(header[i], r.fields()[i]);
      }
      out.add(m);
    }
    return out;
  }
}
