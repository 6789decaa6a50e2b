package org.fairfee.jobs.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class BandsTest extends SparkTestBase {

  static final String PERIOD = "2026-03";
  /** Publishes every cell, for tests of the statistics themselves. */
  static final BandOptions ANY = new BandOptions(12, 1, 1.0);
  static final BandOptions DEFAULTS = BandOptions.defaults();
  static final List<String> STATISTICS = List.of(Cols.P10, Cols.P25, Cols.MEDIAN, Cols.P75, Cols.P90, Cols.MEAN,
      Cols.SIZE_MEASURE, Cols.SA_N, Cols.SA_P25, Cols.SA_MEDIAN, Cols.SA_P75);

  static Map<CellKey, Row> bands(Points p, BandOptions o) {
    Map<CellKey, Row> out = new TreeMap<>();
    for (Row r : Bands.apply(p.toDataset(spark), PERIOD, o).collectAsList()) {
      out.put(key(r), r);
    }
    return out;
  }

  static CellKey key(Row r) {
    return new CellKey(r.getAs(Cols.PRODUCT_CATEGORY), r.getAs(Cols.INTERFACE_STANDARD), r.getAs(Cols.FEE_TYPE),
        r.getAs(Cols.BASIS_CLASS));
  }

  static CellKey epr(String standard) {
    return new CellKey("EPR", standard, "LICENCE", "RECURRING");
  }

  static BigDecimal dec(String s) {
    return new BigDecimal(s).setScale(4, RoundingMode.HALF_UP);
  }

  static double r7(double[] values, double p) {
    return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p * 100);
  }

  @Test
  void percentilesMatchAHandCalculation() {
    Row r = bands(new Points().suppliers(5, "1000", "300", "100", "400", "200"), DEFAULTS).get(epr("FHIR_R4"));
    assertTrue(r.<Boolean>getAs(Cols.PUBLISHED));
    // sorted 100 200 300 400 1000; rank h = (n - 1) p; linear between the values either side
    assertEquals(dec("140"), r.getAs(Cols.P10));   // h = 0.4: 100 + 0.4 x 100
    assertEquals(dec("200"), r.getAs(Cols.P25));   // h = 1
    assertEquals(dec("300"), r.getAs(Cols.MEDIAN)); // h = 2
    assertEquals(dec("400"), r.getAs(Cols.P75));   // h = 3
    assertEquals(dec("760"), r.getAs(Cols.P90));   // h = 3.6: 400 + 0.6 x 600
    assertEquals(dec("400"), r.getAs(Cols.MEAN));  // 2000 / 5
  }

  @Test
  void percentilesOfOneAndTwoPointsByHand() {
    Map<CellKey, Row> b = bands(new Points()
        .in("EPR", "FHIR_R4", "LICENCE", "ONE_OFF").add("SUP-1", "250")
        .in("PAS", "FHIR_R4", "LICENCE", "ONE_OFF").add("SUP-1", "100").add("SUP-2", "300"), ANY);
    Row one = b.get(new CellKey("EPR", "FHIR_R4", "LICENCE", "ONE_OFF"));
    for (String c : List.of(Cols.P10, Cols.P25, Cols.MEDIAN, Cols.P75, Cols.P90, Cols.MEAN)) {
      assertEquals(dec("250"), one.getAs(c), c);
    }
    Row two = b.get(new CellKey("PAS", "FHIR_R4", "LICENCE", "ONE_OFF"));
    assertEquals(dec("120"), two.getAs(Cols.P10));
    assertEquals(dec("150"), two.getAs(Cols.P25));
    assertEquals(dec("200"), two.getAs(Cols.MEDIAN));
    assertEquals(dec("250"), two.getAs(Cols.P75));
    assertEquals(dec("280"), two.getAs(Cols.P90));
  }

  @Test
  void percentilesAgreeWithCommonsMathR7OnSmallSamples() {
    Random rnd = new Random(7);
    Points p = new Points();
    Map<String, double[]> samples = new TreeMap<>();
    ProductCategory[] cats = ProductCategory.values();
    for (int n = 1; n <= cats.length; n++) {
      double[] values = new double[n];
      p.in(cats[n - 1].name(), "HL7_V2", "SUPPORT", "RECURRING");
      for (int i = 0; i < n; i++) {
        BigDecimal v = BigDecimal.valueOf(rnd.nextInt(10_000_000), 2);
        values[i] = v.doubleValue();
        p.add("SUP-" + i, v.toPlainString());
      }
      samples.put(cats[n - 1].name(), values);
    }
    Map<CellKey, Row> b = bands(p, ANY);
    for (Map.Entry<String, double[]> s : samples.entrySet()) {
      Row r = b.get(new CellKey(s.getKey(), "HL7_V2", "SUPPORT", "RECURRING"));
      double[] ps = {0.10, 0.25, 0.50, 0.75, 0.90};
      List<String> cols = List.of(Cols.P10, Cols.P25, Cols.MEDIAN, Cols.P75, Cols.P90);
      for (int i = 0; i < ps.length; i++) {
        double expected = r7(s.getValue(), ps[i]);
        assertEquals(expected, r.<BigDecimal>getAs(cols.get(i)).doubleValue(), 0.00005,
            "n = " + s.getValue().length + ", " + cols.get(i));
      }
    }
  }

  @Test
  void rollUpsCountAcrossStandards() {
    Points p = new Points()
        .in("EPR", "HL7_V2", "LICENCE", "RECURRING")
        .add("SUP-1", "BUY-1", "100").add("SUP-2", "BUY-2", "200").add("SUP-3", "BUY-3", "300")
        .in("EPR", "FHIR_R4", "LICENCE", "RECURRING")
        .add("SUP-1", "BUY-1", "110").add("SUP-4", "BUY-4", "400")
        .in("EPR", "FHIR_R4", "SUPPORT", "RECURRING").add("SUP-9", "BUY-9", "50")
        .in("PAS", "FHIR_R4", "LICENCE", "RECURRING").add("SUP-8", "BUY-8", "60");
    Map<CellKey, Row> b = bands(p, ANY);
    Row all = b.get(epr(CellKey.ALL));
    assertEquals(5L, all.<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(4L, all.<Long>getAs(Cols.N_SUPPLIERS), "SUP-1 sells in both standards");
    assertEquals(4L, all.<Long>getAs(Cols.N_BUYERS), "BUY-1 buys in both standards");
    assertEquals(0.4, all.<Double>getAs(Cols.MAX_SUPPLIER_SHARE), 1e-12);
    assertEquals(dec("200"), all.getAs(Cols.MEDIAN));
    assertEquals(3L, b.get(epr("HL7_V2")).<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(2L, b.get(epr("FHIR_R4")).<Long>getAs(Cols.N_PRICE_POINTS));
    // one roll-up per category, fee type and basis class; no roll-up across them
    assertEquals(1L, b.get(new CellKey("EPR", CellKey.ALL, "SUPPORT", "RECURRING")).<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(1L, b.get(new CellKey("PAS", CellKey.ALL, "LICENCE", "RECURRING")).<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(7, b.size());
  }

  @Test
  void fourSuppliersAreSuppressedFiveArePublished() {
    Map<CellKey, Row> b = bands(new Points()
        .in("EPR", "FHIR_R4", "LICENCE", "RECURRING").suppliers(4, "100", "200")
        .in("PAS", "FHIR_R4", "LICENCE", "RECURRING").suppliers(5, "100", "200"), DEFAULTS);
    Row four = b.get(epr("FHIR_R4"));
    assertFalse(four.<Boolean>getAs(Cols.PUBLISHED));
    assertEquals("FEWER_THAN_5_SUPPLIERS", four.getAs(Cols.SUPPRESSED_REASON));
    Row five = b.get(new CellKey("PAS", "FHIR_R4", "LICENCE", "RECURRING"));
    assertTrue(five.<Boolean>getAs(Cols.PUBLISHED));
    assertNull(five.getAs(Cols.SUPPRESSED_REASON));
    assertEquals(dec("100"), five.getAs(Cols.MEDIAN));
  }

  @Test
  void aQuarterIsPublishedMoreIsDominant() {
    Points p = new Points().in("EPR", "FHIR_R4", "LICENCE", "RECURRING");
    int[] quarter = {5, 4, 4, 4, 3};   // 5 of 20 = 25%
    for (int s = 0; s < quarter.length; s++) {
      for (int i = 0; i < quarter[s]; i++) {
        p.add("SUP-" + s, "100");
      }
    }
    p.in("PAS", "FHIR_R4", "LICENCE", "RECURRING");
    int[] more = {13, 10, 10, 10, 7};  // 13 of 50 = 26%
    for (int s = 0; s < more.length; s++) {
      for (int i = 0; i < more[s]; i++) {
        p.add("SUP-" + s, "100");
      }
    }
    Map<CellKey, Row> b = bands(p, DEFAULTS);
    Row q = b.get(epr("FHIR_R4"));
    assertTrue(q.<Boolean>getAs(Cols.PUBLISHED));
    assertEquals(0.25, q.<Double>getAs(Cols.MAX_SUPPLIER_SHARE));
    Row m = b.get(new CellKey("PAS", "FHIR_R4", "LICENCE", "RECURRING"));
    assertFalse(m.<Boolean>getAs(Cols.PUBLISHED));
    assertEquals(Disclosure.DOMINANT_SUPPLIER, m.getAs(Cols.SUPPRESSED_REASON));
    assertEquals(0.26, m.<Double>getAs(Cols.MAX_SUPPLIER_SHARE));
  }

  @Test
  void aSuppressedCellShowsCountsOnly() {
    Row r = bands(new Points().buyers("ACUTE_TRUST", 1000.0).suppliers(3, "100", "200", "900"), DEFAULTS)
        .get(epr("FHIR_R4"));
    assertFalse(r.<Boolean>getAs(Cols.PUBLISHED));
    for (String c : STATISTICS) {
      assertNull(r.get(r.fieldIndex(c)), c);
    }
    assertEquals(3L, r.<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(3L, r.<Long>getAs(Cols.N_SUPPLIERS));
    assertEquals(3L, r.<Long>getAs(Cols.N_BUYERS));
    assertEquals(1.0 / 3, r.<Double>getAs(Cols.MAX_SUPPLIER_SHARE), 1e-12);
  }

  @Test
  void secondarySuppressionHidesTheNextSmallestSibling() {
    Points p = new Points()
        .in("EPR", "DICOM", "LICENCE", "RECURRING").suppliers(2, "5000")
        .in("EPR", "HL7_V2", "LICENCE", "RECURRING").suppliers(6, "100")
        .in("EPR", "FHIR_R4", "LICENCE", "RECURRING").suppliers(8, "200");
    Map<CellKey, Row> b = bands(p, DEFAULTS);
    assertEquals("FEWER_THAN_5_SUPPLIERS", b.get(epr("DICOM")).getAs(Cols.SUPPRESSED_REASON));
    Row hl7 = b.get(epr("HL7_V2"));
    assertEquals(Disclosure.SECONDARY, hl7.getAs(Cols.SUPPRESSED_REASON));
    for (String c : STATISTICS) {
      assertNull(hl7.get(hl7.fieldIndex(c)), c);
    }
    assertTrue(b.get(epr("FHIR_R4")).<Boolean>getAs(Cols.PUBLISHED));
    assertTrue(b.get(epr(CellKey.ALL)).<Boolean>getAs(Cols.PUBLISHED));
  }

  @Test
  void theSizeAdjustedBandNeedsOneMeasureAndEnoughSizedSuppliers() {
    Points p = new Points()
        // five trusts with sizes: a staff band
        .in("EPR", "FHIR_R4", "LICENCE", "RECURRING").buyers("ACUTE_TRUST", 1000.0).suppliers(5, "1000", "2000", "3000")
        // five trusts, only three with a size: the cell is published, its size-adjusted values are not
        .in("EPR", "HL7_V2", "LICENCE", "RECURRING").suppliers(3, "1000").buyers("ACUTE_TRUST", null)
        .add("SUP-4", "1000").add("SUP-5", "1000")
        // trusts and ICBs: mixed measures, no size-adjusted band
        .in("PAS", "FHIR_R4", "LICENCE", "RECURRING").buyers("ACUTE_TRUST", 1000.0).suppliers(3, "100")
        .buyers("ICB", 1e6).add("SUP-8", "100").add("SUP-9", "100")
        // nobody's size known (n = 0)
        .in("LIMS", "FHIR_R4", "LICENCE", "RECURRING").buyers("ACUTE_TRUST", null).suppliers(5, "100")
        // unit prices are not size-adjusted
        .in("LIMS", "FHIR_R4", "TRANSACTION", "PER_TRANSACTION").buyers("ACUTE_TRUST", 1000.0).suppliers(5, "0.25");
    Map<CellKey, Row> b = bands(p, DEFAULTS);
    Row staff = b.get(epr("FHIR_R4"));
    assertEquals("staff", staff.getAs(Cols.SIZE_MEASURE));
    assertEquals(5L, staff.<Long>getAs(Cols.SA_N));
    // 1, 2, 3, 1, 2 per member of staff: sorted 1 1 2 2 3
    assertEquals(dec("1"), staff.getAs(Cols.SA_P25));
    assertEquals(dec("2"), staff.getAs(Cols.SA_MEDIAN));
    assertEquals(dec("2"), staff.getAs(Cols.SA_P75));

    Row few = b.get(epr("HL7_V2"));
    assertTrue(few.<Boolean>getAs(Cols.PUBLISHED));
    assertEquals("staff", few.getAs(Cols.SIZE_MEASURE));
    assertEquals(3L, few.<Long>getAs(Cols.SA_N));
    assertNull(few.getAs(Cols.SA_MEDIAN), "three sized suppliers would give away their prices");

    Row mixed = b.get(new CellKey("PAS", "FHIR_R4", "LICENCE", "RECURRING"));
    assertTrue(mixed.<Boolean>getAs(Cols.PUBLISHED));
    assertEquals(SizeMeasure.MIXED, mixed.getAs(Cols.SIZE_MEASURE));
    assertNull(mixed.getAs(Cols.SA_N));
    assertNull(mixed.getAs(Cols.SA_MEDIAN));

    Row none = b.get(new CellKey("LIMS", "FHIR_R4", "LICENCE", "RECURRING"));
    assertTrue(none.<Boolean>getAs(Cols.PUBLISHED));
    assertNull(none.getAs(Cols.SIZE_MEASURE));
    assertNull(none.getAs(Cols.SA_N));
    assertNull(none.getAs(Cols.SA_P25));

    Row perUnit = b.get(new CellKey("LIMS", "FHIR_R4", "TRANSACTION", "PER_TRANSACTION"));
    assertEquals(dec("0.25"), perUnit.getAs(Cols.MEDIAN));
    assertNull(perUnit.getAs(Cols.SIZE_MEASURE));
    assertNull(perUnit.getAs(Cols.SA_MEDIAN));
  }

  @Test
  void rowsHaveTheBenchmarkColumnsInOrderWithAllLast() {
    Points p = new Points()
        .in("PAS", "HL7_V2", "LICENCE", "RECURRING").suppliers(1, "1")
        .in("EPR", "HL7_V2", "SUPPORT", "RECURRING").suppliers(1, "1")
        .in("EPR", "DICOM", "LICENCE", "ONE_OFF").suppliers(1, "1")
        .in("EPR", "HL7_V2", "LICENCE", "RECURRING").suppliers(1, "1");
    Dataset<Row> out = Bands.apply(p.toDataset(spark), PERIOD, DEFAULTS);
    assertEquals(Tables.BENCHMARKS.columnNames(), List.of(out.columns()));
    List<String> order = out.collectAsList().stream().map(r -> key(r).toString()).toList();
    assertEquals(List.of(
        "EPR/DICOM/LICENCE/ONE_OFF",
        "EPR/HL7_V2/LICENCE/RECURRING",
        "EPR/HL7_V2/SUPPORT/RECURRING",
        "EPR/ALL/LICENCE/ONE_OFF",
        "EPR/ALL/LICENCE/RECURRING",
        "EPR/ALL/SUPPORT/RECURRING",
        "PAS/HL7_V2/LICENCE/RECURRING",
        "PAS/ALL/LICENCE/RECURRING"), order);
    Row first = out.first();
    assertEquals(LocalDate.of(2025, 4, 1), first.getAs(Cols.WINDOW_START));
    assertEquals(LocalDate.of(2026, 3, 31), first.getAs(Cols.WINDOW_END));
  }

  @Test
  void bandsCountPricePointsNotInvoiceLines() {
    Dataset<Row> points = PricePoints.apply(PricePointsTest.lines("bands/price_points.csv"),
        PricePointsTest.copies(new Object[] {"S-3", 31}), PERIOD, DEFAULTS).cache();
    Map<CellKey, Row> b = new TreeMap<>();
    for (Row r : Bands.apply(points, PERIOD, ANY).collectAsList()) {
      b.put(key(r), r);
    }
    // twelve monthly invoices of 1000 are one point of 12000
    Row monthly = b.get(new CellKey("EPR", "FHIR_R4", "SUPPORT", "RECURRING"));
    assertEquals(1L, monthly.<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(dec("12000"), monthly.getAs(Cols.MEDIAN));
    // with the quarterly contract (3600 a quarter with VAT): two points of 12000 a year
    Row support = b.get(new CellKey("EPR", CellKey.ALL, "SUPPORT", "RECURRING"));
    assertEquals(2L, support.<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(dec("12000"), support.getAs(Cols.P90));
    // the credited copy and the listed copy count once each: 2000 and 3000
    Row licence = b.get(new CellKey("EPR", "FHIR_R4", "LICENCE", "ONE_OFF"));
    assertEquals(2L, licence.<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(dec("2500"), licence.getAs(Cols.MEAN));
    assertEquals(dec("0.32"), b.get(new CellKey("SOCIAL_CARE_RECORD", "MESH", "TRANSACTION", "PER_TRANSACTION"))
        .getAs(Cols.MEDIAN));
    assertEquals(dec("8500"), b.get(new CellKey("GP_CLINICAL", "GP_CONNECT", "LICENCE", "RECURRING"))
        .getAs(Cols.MEDIAN));
    assertEquals(dec("0.85"), b.get(new CellKey("GP_CLINICAL", "GP_CONNECT", "LICENCE", "RECURRING"))
        .getAs(Cols.SA_MEDIAN));
    // nil-by-charter fees have no cell at all
    assertTrue(b.keySet().stream().noneMatch(k -> k.feeType().equals("SPECIFICATION_ACCESS")
        || k.feeType().equals("COOPERATION")));
    // and at the default rule every cell of this small fixture is suppressed
    for (Row r : Bands.apply(points, PERIOD, DEFAULTS).collectAsList()) {
      assertFalse(r.<Boolean>getAs(Cols.PUBLISHED), key(r).toString());
      assertNull(r.getAs(Cols.MEDIAN));
    }
    points.unpersist();
  }

  @Test
  void noPricePointsNoBands() {
    Dataset<Row> out = Bands.apply(new Points().toDataset(spark), PERIOD, DEFAULTS);
    assertEquals(0, out.count());
    assertEquals(Tables.BENCHMARKS.columnNames(), List.of(out.columns()));
  }

  @Test
  void bandsAgreeWithAnIndependentComputationOverPricePoints() {
    Random rnd = new Random(2026);
    String[] standards = {"HL7_V2", "FHIR_R4", "DICOM"};
    String[] fees = {"LICENCE", "SUPPORT"};
    Points p = new Points();
    for (String std : standards) {
      for (String fee : fees) {
        p.in("EPR", std, fee, "RECURRING");
        int n = 3 + rnd.nextInt(25);
        for (int i = 0; i < n; i++) {
          // suppliers are skewed (SUP-0 most often), so some cells are dominated, some are too small
          int s = Math.min(rnd.nextInt(12), rnd.nextInt(12));
          p.add("SUP-" + s, "BUY-" + rnd.nextInt(40), BigDecimal.valueOf(1000 + rnd.nextInt(900_000), 2).toPlainString());
        }
      }
    }
    Map<CellKey, Row> b = bands(p, DEFAULTS);
    assertEquals(standards.length * fees.length + fees.length, b.size());
    int published = 0;
    for (Map.Entry<CellKey, Row> e : b.entrySet()) {
      CellKey k = e.getKey();
      Row r = e.getValue();
      List<Row> in = new ArrayList<>();
      for (Row pt : p.rows()) {
        CellKey own = new CellKey(pt.getAs(Cols.PRODUCT_CATEGORY), pt.getAs(Cols.INTERFACE_STANDARD),
            pt.getAs(Cols.FEE_TYPE), pt.getAs(Cols.BASIS_CLASS));
        if (own.equals(k) || own.rollUp().equals(k)) {
          in.add(pt);
        }
      }
      Map<String, Long> bySupplier = new TreeMap<>();
      Set<String> buyers = new HashSet<>();
      double[] prices = new double[in.size()];
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < in.size(); i++) {
        bySupplier.merge(in.get(i).getAs(Cols.SUPPLIER_REF), 1L, Long::sum);
        buyers.add(in.get(i).getAs(Cols.BUYER_REF));
        BigDecimal price = in.get(i).getAs(Cols.PRICE_GBP);
        prices[i] = price.doubleValue();
        sum = sum.add(price);
      }
      long maxN = bySupplier.values().stream().mapToLong(Long::longValue).max().orElseThrow();
      assertEquals((long) in.size(), r.<Long>getAs(Cols.N_PRICE_POINTS), k.toString());
      assertEquals((long) bySupplier.size(), r.<Long>getAs(Cols.N_SUPPLIERS), k.toString());
      assertEquals((long) buyers.size(), r.<Long>getAs(Cols.N_BUYERS), k.toString());
      assertEquals((double) maxN / in.size(), r.<Double>getAs(Cols.MAX_SUPPLIER_SHARE), 1e-12, k.toString());
      if (r.<Boolean>getAs(Cols.PUBLISHED)) {
        published++;
        assertTrue(bySupplier.size() >= 5 && maxN * 4 <= in.size(), "published cell obeys the rule: " + k);
        assertEquals(r7(prices, 0.5), r.<BigDecimal>getAs(Cols.MEDIAN).doubleValue(), 0.00005, k.toString());
        assertEquals(r7(prices, 0.1), r.<BigDecimal>getAs(Cols.P10).doubleValue(), 0.00005, k.toString());
        assertEquals(r7(prices, 0.9), r.<BigDecimal>getAs(Cols.P90).doubleValue(), 0.00005, k.toString());
        assertEquals(sum.divide(BigDecimal.valueOf(in.size()), 4, RoundingMode.HALF_UP), r.getAs(Cols.MEAN), k.toString());
      } else {
        for (String c : STATISTICS) {
          assertNull(r.get(r.fieldIndex(c)), k + " " + c);
        }
      }
    }
    assertTrue(published > 0 && published < b.size(), "the fixture has both kinds of cell: " + published);
  }
}
