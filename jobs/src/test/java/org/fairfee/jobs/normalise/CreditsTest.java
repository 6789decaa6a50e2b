package org.fairfee.jobs.normalise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.SparkTestBase;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.Cols;
import org.junit.jupiter.api.Test;

class CreditsTest extends SparkTestBase {

  private Map<String, Row> credited(String csv) {
    Map<String, Row> out = new TreeMap<>();
    for (Row r : Credits.apply(Normalise.apply(Fixtures.charges(spark, Fixtures.HEADER + "\n" + csv), Rates.none()))
        .collectAsList()) {
      out.put(r.getString(r.fieldIndex(Cols.SUBMISSION_ID)) + "/" + r.getInt(r.fieldIndex(Cols.LINE_NO)), r);
    }
    return out;
  }

  private static boolean fully(Row r) {
    return r.getBoolean(r.fieldIndex(Cols.FULLY_CREDITED));
  }

  @Test
  void theLatestCopyIsCreditedBackNotTheOriginal() {
    Map<String, Row> r = credited(
        "S-1,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,12400.00,,,INV-00123,2026-03-01,,,,\n"
            + "S-2,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,12400.00,,,inv 123,2026-03-22,,,,\n"
            + "S-2,2,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,-12400.00,,,CN-9,2026-03-30,,,INV123,credit\n");
    assertFalse(fully(r.get("S-1/1")), "the original stands");
    assertTrue(fully(r.get("S-2/1")), "the copy is credited back");
    assertEquals(new BigDecimal("12400.00"), r.get("S-2/1").getDecimal(r.get("S-2/1").fieldIndex(Cols.CREDITED_GBP)));
    assertFalse(fully(r.get("S-2/2")), "a credit note is not itself a credited charge");
  }

  @Test
  void aPartialCreditReducesWithoutReversing() {
    Map<String, Row> r = credited(
        "S-1,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,1000.00,,,INV-7,2026-03-01,,,,\n"
            + "S-1,2,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,-400.00,,,CN-1,2026-03-05,,,INV-7,\n");
    assertFalse(fully(r.get("S-1/1")));
    assertEquals(new BigDecimal("400.00"), r.get("S-1/1").getDecimal(r.get("S-1/1").fieldIndex(Cols.CREDITED_GBP)));
  }

  @Test
  void aCreditForAnotherBuyerDoesNotApply() {
    Map<String, Row> r = credited(
        "S-1,1,SUP-A,BUY-1,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,1000.00,,,INV-7,2026-03-01,,,,\n"
            + "S-1,2,SUP-A,BUY-2,ACUTE_TRUST,,EPR,FHIR_R4,IF-1,LICENCE,ANNUAL,,-1000.00,,,CN-1,2026-03-05,,,INV-7,\n");
    assertFalse(fully(r.get("S-1/1")));
    assertEquals(0, BigDecimal.ZERO.compareTo(r.get("S-1/1").getDecimal(r.get("S-1/1").fieldIndex(Cols.CREDITED_GBP))));
  }
}
