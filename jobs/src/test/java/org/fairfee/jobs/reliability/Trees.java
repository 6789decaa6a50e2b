package org.fairfee.jobs.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Folder contents as (relative path, sha256) maps, to compare publications byte for byte. */
final class Trees {
  private Trees() {}

  /** Outputs that hold the run time or the run's paths by design, so differ between two runs. */
  static final List<String> RUN_SPECIFIC = List.of("manifest.json", "run.log");

  /** Every file under dir (relative path with '/', sha256), sorted; empty when dir is missing. */
  static SortedMap<String, String> hashes(Path dir) {
    SortedMap<String, String> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        out.put(dir.relativize(p).toString().replace('\\', '/'), sha256(Files.readAllBytes(p)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The publication's files that must be byte-identical between two runs on the same input. */
  static SortedMap<String, String> published(Path month) {
    SortedMap<String, String> all = hashes(month);
    RUN_SPECIFIC.forEach(all::remove);
    return all;
  }

  static void assertSamePublication(Path expected, Path actual, String what) {
    SortedMap<String, String> e = published(expected);
    SortedMap<String, String> a = published(actual);
    List<String> differ = new ArrayList<>();
    for (String k : e.keySet()) {
      if (!e.get(k).equals(a.get(k))) {
        differ.add(k + (a.containsKey(k) ? " (differs)" : " (missing)"));
      }
    }
    for (String k : a.keySet()) {
      if (!e.containsKey(k)) {
        differ.add(k + " (extra)");
      }
    }
    assertEquals(List.of(), differ, what + ": " + e.size() + " files expected byte-identical to " + expected);
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** Names directly under dir, sorted. */
  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
