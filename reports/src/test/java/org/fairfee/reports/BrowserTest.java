package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The report and a statement as a person sees them: opened in headless Chromium (Debian's chromium
 * and chromedriver; nothing is downloaded), the title right, every chart drawn with a real size, no
 * console error, and a full-page PNG in target/ to look at. Skipped where Chromium is not installed
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
    assertNoSevereConsoleEntries();
    screenshots("statement");
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
  }

  private void assertChartsDrawn(List<WebElement> charts) {
    for (WebElement svg : charts) {
      assertTrue(svg.isDisplayed(), "chart not displayed: " + svg.getAttribute("aria-label"));
      assertTrue(svg.getSize().getWidth() > 200 && svg.getSize().getHeight() > 50,
          "chart too small: " + svg.getSize() + " " + svg.getAttribute("aria-label"));
    }
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
