package org.fairfee.jobs.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

class NormaliseTest extends SparkTestBase {

  static final Rates RATES = Rates.of(Map.of("EUR", Map.of("2026-03", new BigDecimal("0.85"))));
  static final IngestOptions WITH_RATES = new IngestOptions(65536, 10, RATES);

  private static String line(int n, String basis, String quantity, String amount, String currency, String vat) {
    return "S-N," + n + ",SUP-A,BUY-1,ACUTE_TRUST,4000,EPR,FHIR_R4,IF-1,LICENCE," + basis + "," + quantity + ","
        + amount + "," + currency + "," + vat + ",INV-" + n + ",2026-03-10,,,,\n";
  }

  private Map<Integer, Row> normalised(String csv) {
    Dataset<Row> out = Normalise.apply(Fixtures.charges(spark, Fixtures.HEADER + "\n" + csv, WITH_RATES), RATES);
    Map<Integer, Row> byLine = new java.util.TreeMap<>();
    for (Row r : out.collectAsList()) {
      byLine.put(r.getInt(r.fieldIndex(Cols.LINE_NO)), r);
    }
    return byLine;
  }

  private static BigDecimal dec(Row r, String c) {
    return r.getDecimal(r.fieldIndex(c));
  }

  @Test
  void eachBasisIsMadeComparable() {
    Map<Integer, Row> r = normalised(
        line(1, "MONTHLY", "", "1000.00", "GBP", "false")
            + line(2, "QUARTERLY", "", "3000.00", "GBP", "false")
            + line(3, "ANNUAL", "", "12000.00", "GBP", "false")
            + line(4, "ONE_OFF", "", "5000.00", "GBP", "false")
            + line(5, "PER_TRANSACTION", "400", "100.00", "GBP", "false"));
    assertEquals(new BigDecimal("12000.0000"), dec(r.get(1), Cols.PRICE_GBP));
    assertEquals(new BigDecimal("12000.0000"), dec(r.get(2), Cols.PRICE_GBP));
    assertEquals(new BigDecimal("12000.0000"), dec(r.get(3), Cols.PRICE_GBP));
    assertEquals(new BigDecimal("5000.0000"), dec(r.get(4), Cols.PRICE_GBP));
    assertEquals(new BigDecimal("0.2500"), dec(r.get(5), Cols.PRICE_GBP));
    assertEquals("RECURRING", r.get(1).getString(r.get(1).fieldIndex(Cols.BASIS_CLASS)));
    assertEquals("ONE_OFF", r.get(4).getString(r.get(4).fieldIndex(Cols.BASIS_CLASS)));
    assertEquals("PER_TRANSACTION", r.get(5).getString(r.get(5).fieldIndex(Cols.BASIS_CLASS)));
  }

  @Test
  void vatIsTakenOffAndCurrenciesConvertedByMonth() {
    Map<Integer, Row> r = normalised(
        line(1, "ONE_OFF", "", "1200.00", "GBP", "true")
            + line(2, "ONE_OFF", "", "1000.00", "EUR", "false")
            + line(3, "ONE_OFF", "", "1200.00", "EUR", "true")
            + line(4, "ONE_OFF", "", "100.01", "GBP", "true"));
    assertEquals(new BigDecimal("1000.00"), dec(r.get(1), Cols.NET_GBP));
    assertEquals(new BigDecimal("850.00"), dec(r.get(2), Cols.NET_GBP));
    assertEquals(new BigDecimal("850.00"), dec(r.get(3), Cols.NET_GBP));
    // 100.01 / 1.2 = 83.341666..., rounded half-up to pence once, at the end
    assertEquals(new BigDecimal("83.34"), dec(r.get(4), Cols.NET_GBP));
  }

  @Test
  void productKeyFallsBackToTheCategory() {
    String csv = "S-N,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,NOT_APPLICABLE,,LICENCE,ANNUAL,,10.00,,,,2026-03-01,,,,\n";
    Row r = normalised(csv).get(1);
    assertEquals("PRODUCT:EPR", r.getString(r.fieldIndex(Cols.PRODUCT_KEY)));
    assertNull(r.get(r.fieldIndex(Cols.INVOICE_REF_NORM)));
  }

  @Test
  void invoiceRefsNormaliseAlikeInJavaAndSpark() {
    List<String> refs = List.of("INV-00123", "inv 123", "#123", "INV00123", "Invoice No. 0123", "SIN002177",
        "EM-FIN002319", "000", "B000038107**");
    for (String ref : refs) {
      Row r = spark.sql("select 1").select(InvoiceRefs.normalise(org.apache.spark.sql.functions.lit(ref))).first();
      assertEquals(InvoiceRefs.normalise(ref), r.getString(0), ref);
    }
    assertEquals("123", InvoiceRefs.normalise("INV-00123"));
    assertEquals("123", InvoiceRefs.normalise("inv 123"));
    assertEquals("123", InvoiceRefs.normalise("#123"));
    assertEquals("123", InvoiceRefs.normalise("Invoice No. 0123"));
    assertEquals("SIN002177", InvoiceRefs.normalise("SIN002177"));
    assertEquals("0", InvoiceRefs.normalise("000"));
  }
}
