package org.fairfee.jobs.fees;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FeeEvidenceTest {

  @Test
  void poundsToPenceAndUnitPricesToFourDecimals() {
    assertEquals("£48,000.00", Evidence.money(48_000, "RECURRING"));
    assertEquals("£1,234,567.89", Evidence.money(1_234_567.885, "ONE_OFF"), "half-up");
    assertEquals("£0.0350", Evidence.money(0.035, "PER_TRANSACTION"));
    assertEquals("annual price", Evidence.priceLabel("RECURRING"));
    assertEquals("one-off price", Evidence.priceLabel("ONE_OFF"));
    assertEquals("unit price", Evidence.priceLabel("PER_TRANSACTION"));
  }

  @Test
  void theBuyersSizeInTheContractsMeasureForItsType() {
    assertEquals("a buyer of 5,200 staff", Evidence.aBuyerOf("ACUTE_TRUST", 5_200));
    assertEquals("a buyer of 12,000.5 registered patients", Evidence.aBuyerOf("GP_PRACTICE", 12_000.5));
    assertEquals("a buyer with a population of 300,000", Evidence.aBuyerOf("ICB", 300_000));
    assertEquals("a buyer of 40 beds", Evidence.aBuyerOf("CARE_PROVIDER", 40));
    assertEquals("a buyer of size 7", Evidence.aBuyerOf("OTHER", 7));
    assertEquals("a buyer of size 7", Evidence.aBuyerOf("NOT_A_TYPE", 7));
  }

  @Test
  void theVerdictSaysHowTheScoreComparesAndWhetherTheRatioFloorHeld() {
    assertEquals("robust score 5.8 above the threshold 3.5", Evidence.verdict(5.75, 3.5, true, 1.5));
    assertEquals("robust score 1.2, not above the threshold 3.5", Evidence.verdict(1.2, 3.5, true, 1.5));
    assertEquals("robust score 3.5, not above the threshold 3.5", Evidence.verdict(3.5, 3.5, true, 1.5));
    assertEquals("robust score 9.6 above the threshold 4, but less than 1.5 times the expected fee",
        Evidence.verdict(9.57, 4.0, false, 1.5));
  }
}
