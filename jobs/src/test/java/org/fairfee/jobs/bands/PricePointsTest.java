package org.fairfee.jobs.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Price points from the fixture bands/price_points.csv (period 2026-03, window 2025-04 to 2026-03). */
class PricePointsTest extends SparkTestBase {

  static final Rates RATES = Rates.of(Map.of("EUR", Map.of("2025-06", new BigDecimal("0.85"))));
  static final String PERIOD = "2026-03";

  /** Points by product_key (each scenario of the fixture has its own interface_ref). */
  static Map<String, Row> points;
  static Dataset<Row> pointsDs;

  static Dataset<Row> lines(String fixture) {
    Dataset<Row> charges = Fixtures.charges(spark, fixture, new IngestOptions(65536, 10, RATES));
    return Credits.apply(Normalise.apply(charges, RATES));
  }

  static Dataset<Row> copies(Object[]... keys) {
    List<Row> rows = java.util.Arrays.stream(keys).map(RowFactory::create).toList();
    return spark.createDataFrame(rows, DataTypes.createStructType(List.of(
        DataTypes.createStructField(Cols.SUBMISSION_ID, DataTypes.StringType, false),
        DataTypes.createStructField(Cols.LINE_NO, DataTypes.IntegerType, false))));
  }

  @BeforeAll
  static void build() {
    pointsDs = PricePoints.apply(lines("bands/price_points.csv"), copies(new Object[] {"S-3", 31}), PERIOD,
        BandOptions.defaults());
    points = new TreeMap<>();
    for (Row r : pointsDs.collectAsList()) {
      String key = r.getAs(Cols.PRODUCT_KEY);
      assertNull(points.put(key, r), "one price point per interface in this fixture: " + key);
    }
  }

  private static BigDecimal price(String key) {
    return points.get(key).getAs(Cols.PRICE_GBP);
  }

  private static long lines(Row r) {
    return r.<Long>getAs(Cols.N_LINES);
  }

  @Test
  void theOutputHasExactlyThePricePointColumns() {
    assertEquals(PricePoints.TABLE.columnNames(), List.of(pointsDs.columns()));
  }

  @Test
  void twelveMonthlyInvoicesAreOnePricePoint() {
    Row r = points.get("IF-MONTHLY");
    assertEquals(new BigDecimal("12000.0000"), price("IF-MONTHLY"));
    assertEquals(12, lines(r), "the March 2025 invoice is before the window, April 2026 after the period");
    assertEquals(LocalDate.of(2026, 3, 5), r.getAs(Cols.LAST_INVOICE_DATE));
    assertEquals("2025-04", r.getAs(Cols.ACTIVE_FROM));
    assertEquals("2026-03", r.getAs(Cols.ACTIVE_TO));
  }

  @Test
  void eachBasisClassMakesOnePrice() {
    // quarterly 3600 with VAT = 3000 net, x4
    assertEquals(new BigDecimal("12000.0000"), price("IF-QUARTERLY"));
    assertEquals("RECURRING", points.get("IF-QUARTERLY").getAs(Cols.BASIS_CLASS));
    // annual 10000 EUR at 0.85
    assertEquals(new BigDecimal("8500.0000"), price("IF-ANNUAL"));
    // one-off instalments add up
    assertEquals(new BigDecimal("7500.0000"), price("IF-ONEOFF"));
    assertEquals("ONE_OFF", points.get("IF-ONEOFF").getAs(Cols.BASIS_CLASS));
    assertEquals(2, lines(points.get("IF-ONEOFF")));
    // per transaction: 160 / 500, weighted by volume (not the mean of 0.25 and 0.60)
    assertEquals(new BigDecimal("0.3200"), price("IF-TX"));
    assertEquals("PER_TRANSACTION", points.get("IF-TX").getAs(Cols.BASIS_CLASS));
    // a mid-year price change: the median of the annualised invoices, 1200 x6 and 1320 x6
    assertEquals(new BigDecimal("1260.0000"), price("IF-CHANGE"));
  }

  @Test
  void aPartialCreditCountsNetOfTheCredit() {
    assertEquals(new BigDecimal("600.0000"), price("IF-PARTIAL"));
    assertEquals(1, lines(points.get("IF-PARTIAL")), "the credit note itself is not a line of the point");
  }

  @Test
  void aCreditedBackCopyDoesNotCount() {
    assertEquals(new BigDecimal("2000.0000"), price("IF-CREDCOPY"), "not 4000: the copy was credited back");
    assertEquals(1, lines(points.get("IF-CREDCOPY")));
    assertEquals(LocalDate.of(2025, 10, 1), points.get("IF-CREDCOPY").getAs(Cols.LAST_INVOICE_DATE));
  }

  @Test
  void aListedCopyDoesNotCount() {
    assertEquals(new BigDecimal("3000.0000"), price("IF-COPY"), "not 6000: S-3/31 is a copy");
    assertEquals(1, lines(points.get("IF-COPY")));
    Dataset<Row> without = PricePoints.apply(lines("bands/price_points.csv"), copies(), PERIOD, BandOptions.defaults());
    Row r = without.where(without.col(Cols.PRODUCT_KEY).equalTo("IF-COPY")).first();
    assertEquals(new BigDecimal("6000.0000"), r.getAs(Cols.PRICE_GBP), "unlisted, both count");
  }

  @Test
  void specificationAndCooperationFeesAreNotBenchmarked() {
    assertFalse(points.containsKey("IF-SPEC"));
    assertFalse(points.containsKey("IF-COOP"));
    assertEquals(10, points.size());
  }

  @Test
  void theBuyerIsAsLastKnownUpToThePeriod() {
    Row r = points.get("IF-MONTHLY");
    // 4200 from a later (unbenchmarked) line; not blanked by a later line without a size; 9999 is after the period
    assertEquals(4200.0, r.<Double>getAs(Cols.BUYER_SIZE));
    assertEquals("ACUTE_TRUST", r.getAs(Cols.BUYER_TYPE));
    assertEquals("staff", r.getAs(Cols.SIZE_MEASURE));
    assertEquals(12000.0 / 4200.0, r.<Double>getAs(Cols.SA_PRICE_GBP), 1e-12);
  }

  @Test
  void sizeMeasuresFollowTheBuyerType() {
    assertEquals("registered_patients", points.get("IF-ANNUAL").getAs(Cols.SIZE_MEASURE));
    assertEquals(0.85, points.get("IF-ANNUAL").<Double>getAs(Cols.SA_PRICE_GBP), 1e-12);
    assertEquals("population", points.get("IF-ONEOFF").getAs(Cols.SIZE_MEASURE));
    assertEquals(0.005, points.get("IF-ONEOFF").<Double>getAs(Cols.SA_PRICE_GBP), 1e-12);
    assertEquals("registered_patients", points.get("IF-CHANGE").getAs(Cols.SIZE_MEASURE), "a PCN");
    assertEquals("beds", points.get("IF-TX").getAs(Cols.SIZE_MEASURE));
    assertNull(points.get("IF-TX").getAs(Cols.SA_PRICE_GBP), "a unit price is not divided by size");
    assertNull(points.get("IF-PARTIAL").getAs(Cols.SIZE_MEASURE), "OTHER has no measure");
    assertNull(points.get("IF-PARTIAL").getAs(Cols.SA_PRICE_GBP));
  }

  @Test
  void activeMonthsFollowServicePeriodsAndBasis() {
    Row q = points.get("IF-QUARTERLY");
    assertEquals("2025-04", q.getAs(Cols.ACTIVE_FROM));
    assertEquals("2026-03", q.getAs(Cols.ACTIVE_TO), "the January invoice pays for a quarter");
    Row a = points.get("IF-ANNUAL");
    assertEquals("2025-06", a.getAs(Cols.ACTIVE_FROM));
    assertEquals("2026-03", a.getAs(Cols.ACTIVE_TO), "a year from June, cut at the period");
    Row o = points.get("IF-ONEOFF");
    assertEquals("2025-07", o.getAs(Cols.ACTIVE_FROM));
    assertEquals("2025-09", o.getAs(Cols.ACTIVE_TO));
    Row s = points.get("IF-SERVICE");
    assertEquals("2025-09", s.getAs(Cols.ACTIVE_FROM), "invoiced in September for October on");
    assertEquals("2026-03", s.getAs(Cols.ACTIVE_TO));
  }

  @Test
  void anotherPeerGroupIsAnotherPricePoint() {
    // Without interface_ref two interfaces of one product share product_key; the standard keeps them apart.
    String csv = Fixtures.HEADER + "\n"
        + "S-1,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,HL7_V2,,LICENCE,ANNUAL,,1000.00,,,I-1,2026-01-10,,,,\n"
        + "S-1,2,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,,LICENCE,ANNUAL,,3000.00,,,I-2,2026-01-10,,,,\n";
    List<Row> rows = PricePoints.apply(Credits.apply(Normalise.apply(Fixtures.charges(spark, csv), Rates.none())),
        copies(), PERIOD, BandOptions.defaults()).orderBy(Cols.INTERFACE_STANDARD).collectAsList();
    assertEquals(2, rows.size());
    assertEquals("FHIR_R4", rows.get(0).getAs(Cols.INTERFACE_STANDARD));
    assertEquals(new BigDecimal("3000.0000"), rows.get(0).getAs(Cols.PRICE_GBP));
    assertEquals("PRODUCT:EPR", rows.get(1).getAs(Cols.PRODUCT_KEY));
  }

  @Test
  void aBadPeriodOrInputFailsFastNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PricePoints.apply(pointsDs, copies(), "2026-3", BandOptions.defaults()));
    assertTrue(e.getMessage().contains("2026-3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> PricePoints.apply(pointsDs, copies(), PERIOD, BandOptions.defaults()));
    assertTrue(e.getMessage().contains(Cols.CREDITED_GBP), e.getMessage());
  }
}
