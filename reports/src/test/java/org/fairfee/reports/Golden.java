package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file under src/test/resources/golden, byte for byte. Run with
 * -Dgolden.update=true to rewrite the files on purpose, then review the diff before committing.
 */
final class Golden {
  private Golden() {}

  static final Path DIR = Path.of("src", "test", "resources", "golden");

  static void assertMatches(String name, String actual) throws IOException {
    Path file = DIR.resolve(name);
    byte[] bytes = actual.getBytes(StandardCharsets.UTF_8);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return;
    }
    if (!Files.exists(file)) {
      fail("no golden file " + file + "; run with -Dgolden.update=true to create it, then review it");
    }
    String expected = Files.readString(file, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      String[] e = expected.split("\n", -1);
      String[] a = actual.split("\n", -1);
      int i = 0;
      while (i < e.length && i < a.length && e[i].equals(a[i])) {
        i++;
      }
      fail(name + " differs from its golden file at line " + (i + 1) + ":\n expected: "
          + (i < e.length ? e[i] : "<end>") + "\n   actual: " + (i < a.length ? a[i] : "<end>")
          + "\n(run with -Dgolden.update=true to accept the change, then review the diff)");
    }
  }
}
