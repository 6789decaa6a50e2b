package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fairfee.reports.model.Flag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The restricted workbook of a national month in a small heap: 152,629 flags (what the 10M-row
 * bench month produced, when the in-memory workbook ran out of a 4 GiB heap) rendered in a child
 * JVM with {@value #HEAP}. Slow (half a minute), so only with {@code -Dfairfee.perf=true}.
 */
@EnabledIfSystemProperty(named = "fairfee.perf", matches = "true",
    disabledReason = "slow: renders 152,629 flags; enable with -Dfairfee.perf=true")
class WorkbookMemoryTest {
  static final String HEAP = "-Xmx400m";
  static final int FLAGS = 152_629;

  @Test
  void theRestrictedWorkbookOfANationalMonthFitsASmallHeap() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, HEAP, "-cp", System.getProperty("java.class.path"),
        WorkbookMemoryTest.class.getName()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    // A guard against hanging, not a timing assertion.
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM did not finish");
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("flags=" + FLAGS + " "), out);
  }

  /** The child: renders the workbook and prints its size. */
  public static void main(String[] args) {
    Fixture f = Fixture.golden();
    Flag t = f.flags().get(0);
    List<Flag> flags = new ArrayList<>(FLAGS);
    for (int i = 0; i < FLAGS; i++) {
      String supplier = "SUP-" + (i % 3000);
      flags.add(new Flag("S-2026-10-" + supplier, i + 1, supplier, "BUY-" + (i % 9000), t.rule(), t.severity(),
          BigDecimal.valueOf(100_000 + i, 2), BigDecimal.valueOf(50_000 + i, 2), "S-2026-09-" + supplier, i + 2,
          "same invoice INV-" + i + " as line " + (i + 2) + " of submission S-2026-09-" + supplier + ", 21 days earlier",
          null, null, null, null, null, t.invoiceDate(), t.productCategory(), t.interfaceStandard(), t.feeType(),
          "IF-" + (i % 500), "INV-" + i));
    }
    long t0 = System.nanoTime();
    byte[] xlsx = Workbook.render(f.data(), flags);
    System.out.printf("flags=%d bytes=%d seconds=%.1f%n", flags.size(), xlsx.length, (System.nanoTime() - t0) / 1e9);
  }
}
