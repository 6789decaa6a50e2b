package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.jobs.core.Options;
import org.junit.jupiter.api.Test;

class FeeOptionsTest {

  @Test
  void defaultsAreTheIssuesNumbers() {
    FeeOptions d = FeeOptions.defaults();
    assertEquals(3.5, d.maxModifiedZ());
    assertEquals(10, d.minPricePoints());
    assertEquals(5, d.minSuppliers());
    assertEquals(2.0, d.minRatio()); // issue 16: single lines are noisier than twelve-month medians
    assertEquals(3.0, d.priceRiseRatio());
    assertEquals(2, d.priceRiseMinEarlierLines());
    assertEquals(0.0, d.minSizeSlope());
    assertEquals(1.0, d.maxSizeSlope());
    assertEquals(3.5, d.discriminationMaxModifiedZ());
    assertEquals(3, d.discriminationMinOtherBuyers());
  }

  @Test
  void aConfigOverridesOneKeyAndKeepsTheOtherDefaults() {
    FeeOptions f = Options.fromJson("{\"fees\": {\"minRatio\": 1.5, \"discriminationMinOtherBuyers\": 4}}").fees();
    assertEquals(1.5, f.minRatio());
    assertEquals(4, f.discriminationMinOtherBuyers());
    assertEquals(3.5, f.maxModifiedZ());
    assertTrue(Options.defaults().toJson().get("fees").has("maxSizeSlope"));
  }

  @Test
  void badValuesAreRejectedNamingTheKey() {
    assertMessage("fees.minRatio", () -> Options.fromJson("{\"fees\": {\"minRatio\": 0.9}}"));
    assertMessage("fees.minSizeSlope", () -> Options.fromJson("{\"fees\": {\"minSizeSlope\": 1.2}}"));
    assertMessage("fees.maxSizeSlope", () -> Options.fromJson("{\"fees\": {\"maxSizeSlope\": 3}}"));
    assertMessage("fees.discriminationMaxModifiedZ",
        () -> Options.fromJson("{\"fees\": {\"discriminationMaxModifiedZ\": 0}}"));
    assertMessage("fees.discriminationMinOtherBuyers",
        () -> Options.fromJson("{\"fees\": {\"discriminationMinOtherBuyers\": 1}}"));
    assertMessage("fees.maxModifiedZ", () -> Options.fromJson("{\"fees\": {\"maxModifiedZ\": -1}}"));
    assertMessage("'fees.maxZ'", () -> Options.fromJson("{\"fees\": {\"maxZ\": 3}}"));
  }

  private static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
    assertTrue(x.getMessage().contains(part), x.getMessage());
  }
}
