package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The demo publication renders, with dozens of suppliers, a statement for each, and charts in the report. */
class DemoTest {
  @Test
  void writesAFullPublication() throws Exception {
    Fixture f = Demo.fixture();
    Path out = Demo.write(f, Path.of("target", "demo"));
    assertTrue(f.supplierRefs().size() >= 30, "dozens of suppliers: " + f.supplierRefs().size());
    try (Stream<Path> s = Files.list(out.resolve("statements"))) {
      assertEquals(2L * f.supplierRefs().size(), s.count());
    }
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(count(report, "<svg ") >= 10, "charts in the report: " + count(report, "<svg "));
    assertTrue(f.data().bands().stream().anyMatch(b -> !b.published()), "some cells suppressed");
    assertTrue(f.data().bands().stream().filter(b -> b.published()).count() >= 10, "enough cells published");
  }

  static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
