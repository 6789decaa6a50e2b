package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report, a statement and the register as a person sees them: opened in headless Chromium
 * (Debian's chromium and chromedriver; nothing is downloaded), the title right, every chart drawn
 * with a real size, no console error, and a full-page PNG in target/ to look at. Each page is also
 * checked for accessibility: axe-core (vendored in src/test/resources/axe, see its README) runs
 * the WCAG 2.0, 2.1 and 2.2 A and AA rules and any serious or critical violation fails the test,
 * and the Tab key reaches every scrollable table. Skipped where Chromium is not installed
 * ({@code apt-get install -y chromium chromium-driver}).
 */
class BrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path OUT = Path.of("target", "browser");

  WebDriver driver;

  @BeforeEach
  void open() {
    assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
        "Chromium not installed: apt-get install -y chromium chromium-driver");
    ChromeDriverService svc = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--window-size=1280,2000");
    LoggingPreferences lp = new LoggingPreferences();
    lp.enable(LogType.BROWSER, Level.ALL);
    o.setCapability("goog:loggingPrefs", lp);
    driver = new ChromeDriver(svc, o);
  }

  @AfterEach
  void close() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void reportRendersWithCharts() throws Exception {
    Fixture f = Demo.fixture();
    Path page = write("report.html", MarketReport.render(f.data()));
    driver.get(page.toAbsolutePath().toUri().toString());
    assertEquals("fairfee market report " + f.data().period(), driver.getTitle());
    List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart"));
    assertTrue(charts.size() >= 10, "charts: " + charts.size());
    assertChartsDrawn(charts);
    assertEquals(1, driver.findElements(By.cssSelector("svg.bar-chart")).size());
    assertTrue(driver.findElements(By.cssSelector("svg.trend-chart")).size() >= 5);
    assertNoSevereConsoleEntries();
    screenshots("report");
    assertAccessible("report.html");
    assertEveryScrollRegionReachableByTab("report.html");
  }

  @Test
  void statementRendersWithItsChart() throws Exception {
    Fixture f = Demo.fixture();
    String supplier = f.flags().stream().filter(x -> x.rule().equals("P4_HIGH_FEE")).findFirst().orElseThrow().supplierRef();
    Path page = write("statement.html", SupplierStatement.html(supplier, f.data(), f.points(), f.flags()));
    driver.get(page.toAbsolutePath().toUri().toString());
    assertEquals("fairfee statement " + supplier + " " + f.data().period() + " (PRIVATE)", driver.getTitle());
    List<WebElement> charts = driver.findElements(By.cssSelector("svg.chart"));
    assertTrue(charts.size() >= 1, "charts: " + charts.size());
    assertChartsDrawn(charts);
    assertTrue(driver.findElement(By.cssSelector(".banner.private")).isDisplayed());
    List<WebElement> groups = driver.findElements(By.cssSelector("#prices ~ div table tbody th[scope=row]"));
    assertEquals(SupplierStatement.summary(supplier, f.data(), f.points()).size(), groups.size(), "a row per peer group");
    assertTrue(top(groups.get(0)) < 800 && top(driver.findElement(By.cssSelector("#prices"))) < 600,
        "the peer-group summary starts on the first screen: " + top(groups.get(0)));
    assertNoSevereConsoleEntries();
    screenshots("statement");
    assertAccessible("statement.html");
    assertEveryScrollRegionReachableByTab("statement.html");
  }

  @Test
  void registerRendersRestricted() throws Exception {
    Fixture f = Demo.fixture();
    Path page = write("flags-register.html", FlagsRegister.html(f.data().period(), f.data().version(), f.flags()));
    driver.get(page.toAbsolutePath().toUri().toString());
    WebElement banner = driver.findElement(By.cssSelector(".banner.restricted"));
    assertTrue(banner.isDisplayed());
    assertEquals(FlagsRegister.BANNER, banner.getText());
    assertEquals(Math.min(f.flags().size(), Budget.REGISTER_FLAGS),
        driver.findElements(By.cssSelector("#top ~ div table tbody tr")).size());
    assertNoSevereConsoleEntries();
    screenshots("flags-register");
    assertAccessible("flags-register.html");
    assertEveryScrollRegionReachableByTab("flags-register.html");
  }

  /** At national scale the pages say where the rest is, and stay accessible with it. */
  @Test
  void largePagesAreAccessibleToo() throws Exception {
    java.util.Random rnd = new java.util.Random(19);
    List<org.fairfee.reports.model.Flag> flags = SyntheticMarket.flags(15_000, SyntheticMarket.suppliers(150), 750, rnd);
    Path register = write("flags-register-large.html", FlagsRegister.html(Fixture.PERIOD, "v", flags));
    driver.get(register.toAbsolutePath().toUri().toString());
    assertEquals(3, driver.findElements(By.cssSelector("p.more")).size(), "buyers, suppliers and flags left out");
    assertAccessible("flags-register-large.html");

    // the supplier with the most flags, so that the statement has more than it shows in full
    String most = flags.stream().collect(java.util.stream.Collectors.groupingBy(
            org.fairfee.reports.model.Flag::supplierRef, java.util.TreeMap::new, java.util.stream.Collectors.counting()))
        .entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    List<org.fairfee.reports.model.Flag> own = flags.stream().filter(x -> x.supplierRef().equals(most)).toList();
    assertTrue(own.size() > Budget.STATEMENT_FLAGS, "the case needs more flags than a statement shows: " + own.size());
    Path statement = write("statement-large.html", SupplierStatement.html(most, SizeBudgetTest.DATA,
        SyntheticMarket.points(most, 10_000, SizeBudgetTest.TYPICAL, 750, rnd), own));
    driver.get(statement.toAbsolutePath().toUri().toString());
    assertEquals(1, driver.findElements(By.cssSelector("p.more")).size(), "flags left out: " + own.size());
    assertAccessible("statement-large.html");
  }

  /**
   * A real run's published month, opt-in: {@code -Dfairfee.published=OUT/PERIOD} (e.g. a 1M-row bench
   * run). Every HTML within its budget; axe over report.html, flags-register.html and the largest
   * statement, at 1280 and 360 px. Run: {@code mvn -B -pl reports -am test -Dtest=BrowserTest
   * -Dsurefire.failIfNoSpecifiedTests=false -Dfairfee.published=...}.
   */
  @Test
  void aPublishedMonthIsWithinBudgetAndAccessible() throws Exception {
    String dir = System.getProperty("fairfee.published");
    assumeTrue(dir != null && !dir.isBlank(), "opt-in: -Dfairfee.published=OUT/PERIOD");
    Path month = Path.of(dir);
    Path largest = null;
    int statements = 0;
    try (var files = Files.list(month.resolve("statements"))) {
      for (Path p : files.filter(x -> x.toString().endsWith(".html")).sorted().toList()) {
        statements++;
        long size = Files.size(p);
        assertTrue(size <= Budget.STATEMENT_BYTES, p + ": " + size + " bytes");
        if (largest == null || size > Files.size(largest)) {
          largest = p;
        }
      }
    }
    assertTrue(statements > 0, "no statement under " + month);
    Path report = month.resolve("report.html");
    Path register = month.resolve("restricted").resolve("flags-register.html");
    assertTrue(Files.size(report) <= Budget.REPORT_BYTES, report + ": " + Files.size(report) + " bytes");
    assertTrue(Files.size(register) <= Budget.REGISTER_BYTES, register + ": " + Files.size(register) + " bytes");
    System.out.printf("published %s: %d statements, largest %s %,d bytes; report %,d bytes; register %,d bytes%n",
        month, statements, largest.getFileName(), Files.size(largest), Files.size(report), Files.size(register));
    for (Path page : List.of(report, register, largest)) {
      driver.get(page.toAbsolutePath().toUri().toString());
      assertNoSevereConsoleEntries();
      assertAccessible(month.relativize(page).toString());
    }
  }

  /** A page that breaks the rules fails the check: the check itself works. */
  @Test
  void theAccessibilityCheckFindsViolations() throws Exception {
    Path page = write("bad.html", "<!DOCTYPE html><html><head><title>bad</title></head><body><main>"
        + "<p style=\"color:#aaa;background:#fff\">pale text</p><img src=\"data:,\">"
        + "<div style=\"overflow:auto;width:200px\"><p style=\"white-space:nowrap\">" + "wide text ".repeat(80)
        + "</p></div></main></body></html>");
    driver.get(page.toAbsolutePath().toUri().toString());
    AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> axeCheck("bad"));
    for (String rule : List.of("html-has-lang", "image-alt", "color-contrast", "scrollable-region-focusable")) {
      assertTrue(e.getMessage().contains(rule), rule + " in " + e.getMessage());
    }
  }

  private void assertChartsDrawn(List<WebElement> charts) {
    for (WebElement svg : charts) {
      assertTrue(svg.isDisplayed(), "chart not displayed: " + svg.getAttribute("aria-label"));
      assertTrue(svg.getSize().getWidth() > 200 && svg.getSize().getHeight() > 50,
          "chart too small: " + svg.getSize() + " " + svg.getAttribute("aria-label"));
    }
  }

  /** The WCAG tags axe-core checks: 2.0, 2.1 and 2.2, levels A and AA. */
  static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  /**
   * Runs axe-core over the loaded page and fails on any violation of impact serious or critical,
   * naming each rule, its impact, how many elements and the first of them. Lesser violations are
   * printed, not failed.
   */
  private void assertAccessible(String page) throws Exception {
    Dimension desktop = driver.manage().window().getSize();
    axeCheck(page);
    // At a phone's width (WCAG 1.4.10 reflow) the wide tables scroll sideways, and axe checks that a
    // keyboard can reach each of them.
    driver.manage().window().setSize(new Dimension(360, 2000));
    try {
      axeCheck(page + " at 360px");
    } finally {
      driver.manage().window().setSize(desktop);
    }
  }

  private void axeCheck(String page) throws Exception {
    JavascriptExecutor js = (JavascriptExecutor) driver;
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(120));
    js.executeScript(axe());
    Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,"
        + " targets: v.nodes.map(n => n.target.join(' '))}))))"
        + ".catch(e => done('axe failed: ' + e));", WCAG);
    if (result instanceof String error) {
      throw new AssertionError(page + ": " + error);
    }
    List<String> serious = new ArrayList<>();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
    for (Map<String, Object> v : violations) {
      @SuppressWarnings("unchecked")
      List<String> targets = (List<String>) v.get("targets");
      String line = v.get("id") + " (" + v.get("impact") + ", " + targets.size() + " elements: "
          + String.join(", ", targets.subList(0, Math.min(5, targets.size()))) + (targets.size() > 5 ? ", ..." : "")
          + "): " + v.get("help");
      if (List.of("serious", "critical").contains(v.get("impact"))) {
        serious.add(line);
      } else {
        System.out.println("axe " + page + ": " + line);
      }
    }
    if (!serious.isEmpty()) {
      throw new AssertionError(page + ": " + serious.size() + " serious or critical WCAG 2.2 A/AA violations (axe-core):\n  "
          + String.join("\n  ", serious));
    }
  }

  private static String axe() throws Exception {
    try (var in = BrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
      assertNotNull(in, "axe-core is vendored in src/test/resources/axe");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Tabbing through the page from its top focuses every scrollable table wrapper in turn. */
  private void assertEveryScrollRegionReachableByTab(String page) {
    List<WebElement> regions = driver.findElements(By.cssSelector(".table-scroll"));
    assertFalse(regions.isEmpty(), page + " has scrollable tables");
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    Set<WebElement> reached = new HashSet<>();
    Actions keys = new Actions(driver);
    for (int i = 0; i < 400 && reached.size() < regions.size(); i++) {
      keys.sendKeys(Keys.TAB).perform();
      WebElement focused = driver.switchTo().activeElement();
      if ("table-scroll".equals(focused.getAttribute("class"))) {
        reached.add(focused);
        assertEquals("region", focused.getAttribute("role"), page);
        assertFalse(focused.getAttribute("aria-label").isBlank(), page);
      }
    }
    assertEquals(regions.size(), reached.size(), page + ": scrollable tables reached by the Tab key");
  }

  private double top(WebElement e) {
    return ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].getBoundingClientRect().top", e))
        .doubleValue();
  }

  private void assertNoSevereConsoleEntries() {
    List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    assertEquals(List.of(), severe);
  }

  /** The first screen, a full-page PNG (the window grown to the page's height) and the first charts on their own. */
  private void screenshots(String name) throws Exception {
    Files.write(OUT.resolve(name + "-top.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    long height = ((Number) ((JavascriptExecutor) driver)
        .executeScript("return document.documentElement.scrollHeight")).longValue();
    assertTrue(height > 800, "page height " + height);
    driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 140, 16_000)));
    Files.write(OUT.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    List<WebElement> fresh = driver.findElements(By.cssSelector("svg.chart"));
    for (int i = 0; i < Math.min(3, fresh.size()); i++) {
      Files.write(OUT.resolve(name + "-chart-" + (i + 1) + ".png"), fresh.get(i).getScreenshotAs(OutputType.BYTES));
    }
  }

  private static Path write(String name, String html) throws Exception {
    Files.createDirectories(OUT);
    Path p = OUT.resolve(name);
    Files.writeString(p, html);
    return p;
  }
}
