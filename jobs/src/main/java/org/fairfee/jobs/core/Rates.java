package org.fairfee.jobs.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference rates table: pounds per one unit of a currency, by invoice month. GBP always has
 * rate 1. A row in a currency without a rate for its month is quarantined (UNKNOWN_CURRENCY).
 *
 * @param gbpPer currency code to (month "YYYY-MM" to GBP per unit)
 */
public record Rates(Map<String, Map<String, BigDecimal>> gbpPer) implements Serializable {
  public static final String GBP = "GBP";

  public Rates {
    TreeMap<String, Map<String, BigDecimal>> copy = new TreeMap<>();
    if (gbpPer != null) {
      gbpPer.forEach((cur, byMonth) -> {
        TreeMap<String, BigDecimal> months = new TreeMap<>();
        byMonth.forEach((m, r) -> {
          YearMonth.parse(m); // a bad month key fails the config early, naming it
          if (r == null || r.signum() <= 0) {
            throw new IllegalArgumentException("rate for " + cur + " in " + m + " must be positive");
          }
          months.put(m, r);
        });
        copy.put(cur, months);
      });
    }
    gbpPer = copy;
  }

  /** Read from and written to the config as a plain map: {"EUR": {"2026-01": 0.86}}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Rates of(Map<String, Map<String, BigDecimal>> gbpPer) {
    return new Rates(gbpPer);
  }

  @JsonValue
  Map<String, Map<String, BigDecimal>> asMap() {
    return gbpPer;
  }

  public static Rates none() {
    return new Rates(Map.of());
  }

  /** GBP per unit of {@code currency} in {@code month}; 1 for GBP; empty when the table has none. */
  public Optional<BigDecimal> rate(String currency, YearMonth month) {
    if (GBP.equals(currency)) {
      return Optional.of(BigDecimal.ONE);
    }
    Map<String, BigDecimal> byMonth = gbpPer.get(currency);
    return byMonth == null ? Optional.empty() : Optional.ofNullable(byMonth.get(month.toString()));
  }

  /** Converts an amount to GBP, rounded half-up to pence; empty when there is no rate. */
  public Optional<BigDecimal> toGbp(BigDecimal amount, String currency, YearMonth month) {
    return rate(currency, month).map(r -> amount.multiply(r).setScale(2, RoundingMode.HALF_UP));
  }
}
