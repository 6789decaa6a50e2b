package org.fairfee.jobs.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

class BandTrendTest extends SparkTestBase {

  @Test
  void eachMonthHasTheMedianOfThePointsActiveInIt() {
    Points p = new Points()
        // five suppliers all year at 100..500 (HL7) ...
        .in("EPR", "HL7_V2", "LICENCE", "RECURRING").active("2025-04", "2026-03")
        .suppliers(5, "100", "200", "300", "400", "500")
        // ... joined in the last quarter by a sixth at 1000 (FHIR, same roll-up)
        .in("EPR", "FHIR_R4", "LICENCE", "RECURRING").active("2026-01", "2026-03").add("SUP-6", "1000")
        // four suppliers only: suppressed every month
        .in("PAS", "HL7_V2", "LICENCE", "RECURRING").active("2025-04", "2026-03").suppliers(4, "50");
    Dataset<Row> trend = Trend.apply(p.toDataset(spark), "2026-03", BandOptions.defaults());
    assertEquals(Trend.TABLE.columnNames(), List.of(trend.columns()));
    List<Row> rows = trend.collectAsList();
    assertEquals(24, rows.size(), "12 months x 2 roll-up cells");
    Map<String, Row> epr = new TreeMap<>();
    for (Row r : rows) {
      if ("EPR".equals(r.getAs(Cols.PRODUCT_CATEGORY))) {
        epr.put(r.getAs(Cols.MONTH), r);
      } else {
        assertFalse(r.<Boolean>getAs(Cols.PUBLISHED));
        assertEquals("FEWER_THAN_5_SUPPLIERS", r.getAs(Cols.SUPPRESSED_REASON));
        assertNull(r.getAs(Cols.MEDIAN), "a suppressed month-cell gives no median");
        assertEquals(4L, r.<Long>getAs(Cols.N_PRICE_POINTS));
      }
    }
    assertEquals(new BigDecimal("300.0000"), epr.get("2025-04").getAs(Cols.MEDIAN));
    assertEquals(5L, epr.get("2025-12").<Long>getAs(Cols.N_PRICE_POINTS));
    assertEquals(new BigDecimal("350.0000"), epr.get("2026-01").getAs(Cols.MEDIAN));
    assertEquals(6L, epr.get("2026-03").<Long>getAs(Cols.N_SUPPLIERS));
    assertTrue(epr.get("2026-03").<Boolean>getAs(Cols.PUBLISHED));
    // sorted by month, then category
    assertEquals("2025-04", rows.get(0).getAs(Cols.MONTH));
    assertEquals("EPR", rows.get(0).getAs(Cols.PRODUCT_CATEGORY));
    assertEquals("PAS", rows.get(1).getAs(Cols.PRODUCT_CATEGORY));
  }

  @Test
  void theRuleAppliesToEachMonthOnItsOwn() {
    Points p = new Points().in("EPR", "HL7_V2", "SUPPORT", "ONE_OFF")
        .active("2025-06", "2025-06").suppliers(5, "10")
        .active("2025-07", "2025-07").suppliers(3, "10");
    Map<String, Row> byMonth = new TreeMap<>();
    for (Row r : Trend.apply(p.toDataset(spark), "2026-03", BandOptions.defaults()).collectAsList()) {
      byMonth.put(r.getAs(Cols.MONTH), r);
    }
    assertEquals(List.of("2025-06", "2025-07"), List.copyOf(byMonth.keySet()), "months without points have no row");
    assertTrue(byMonth.get("2025-06").<Boolean>getAs(Cols.PUBLISHED));
    assertEquals(new BigDecimal("10.0000"), byMonth.get("2025-06").getAs(Cols.MEDIAN));
    assertFalse(byMonth.get("2025-07").<Boolean>getAs(Cols.PUBLISHED));
    assertNull(byMonth.get("2025-07").getAs(Cols.MEDIAN));
  }
}
