package org.fairfee.jobs.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.BandOptions;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

class BandsCsvTest extends SparkTestBase {

  static final LocalDate START = LocalDate.of(2025, 4, 1);
  static final LocalDate END = LocalDate.of(2026, 3, 31);

  static Row row(Object... values) {
    return new GenericRowWithSchema(values, SparkSchemas.of(Tables.BENCHMARKS));
  }

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void formatsEachKindOfValueOneFixedWay() {
    List<Row> rows = List.of(
        row("EPR", "ALL", "LICENCE", "RECURRING", 40L, 9L, 38L, 0.2,
            d("1000.0000"), d("2500.5000"), d("3333.3333"), d("4000.0050"), d("9000.1234"), d("3900.9999"),
            "staff", 30L, d("0.5000"), d("1.2346"), d("2.0000"), true, null, START, END),
        row("EPR", "HL7_V2", "TRANSACTION", "PER_TRANSACTION", 12L, 6L, 12L, 1.0 / 6,
            d("0.0120"), d("0.0250"), d("0.0300"), d("0.0410"), d("0.1000"), d("0.0333"),
            null, null, null, null, null, true, null, START, END),
        row("EPR", "DICOM", "LICENCE", "RECURRING", 3L, 2L, 3L, 2.0 / 3,
            null, null, null, null, null, null, null, null, null, null, null, false, "FEWER_THAN_5_SUPPLIERS",
            START, END));
    String expected = String.join(",", Tables.BENCHMARKS.columnNames()) + "\n"
        + "EPR,DICOM,LICENCE,RECURRING,3,2,3,0.6667,,,,,,,,,,,,false,FEWER_THAN_5_SUPPLIERS,2025-04-01,2026-03-31\n"
        + "EPR,HL7_V2,TRANSACTION,PER_TRANSACTION,12,6,12,0.1667,0.0120,0.0250,0.0300,0.0410,0.1000,0.0333,,,,,,true,,2025-04-01,2026-03-31\n"
        + "EPR,ALL,LICENCE,RECURRING,40,9,38,0.2000,1000.00,2500.50,3333.33,4000.01,9000.12,3901.00,staff,30,0.5000,1.2346,2.0000,true,,2025-04-01,2026-03-31\n";
    assertEquals(expected, BenchmarksCsv.format(rows));
  }

  @Test
  void theOrderOfTheRowsGivenDoesNotMatter() {
    Points p = new Points();
    Random rnd = new Random(11);
    for (String std : List.of("HL7_V2", "FHIR_R4", "DICOM", "MESH")) {
      p.in("EPR", std, "LICENCE", "RECURRING").buyers("ACUTE_TRUST", 2500.0);
      for (int i = 0; i < 12; i++) {
        p.add("SUP-" + rnd.nextInt(9), BigDecimal.valueOf(rnd.nextInt(5_000_000), 2).toPlainString());
      }
    }
    Dataset<Row> bands = Bands.apply(p.toDataset(spark), "2026-03", BandOptions.defaults());
    List<Row> rows = new ArrayList<>(bands.collectAsList());
    String once = BenchmarksCsv.format(rows);
    Collections.shuffle(rows, new Random(3));
    assertEquals(once, BenchmarksCsv.format(rows));
    assertTrue(once.contains(",true,"), once);
  }

  @Test
  void aRerunGivesByteIdenticalText() {
    Dataset<Row> points = PricePoints.apply(PricePointsTest.lines("bands/price_points.csv"),
        PricePointsTest.copies(new Object[] {"S-3", 31}), "2026-03", BandOptions.defaults()).cache();
    BandOptions any = new BandOptions(12, 1, 1.0);
    String first = BenchmarksCsv.format(Bands.apply(points, "2026-03", any));
    String second = BenchmarksCsv.format(Bands.apply(points, "2026-03", any));
    assertEquals(first, second);
    assertTrue(first.startsWith(String.join(",", Tables.BENCHMARKS.columnNames()) + "\n"));
    assertTrue(first.contains("SOCIAL_CARE_RECORD,MESH,TRANSACTION,PER_TRANSACTION,1,1,1,1.0000,0.3200,"), first);
    points.unpersist();
  }
}
