package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.TrendPoint;
import org.fairfee.schemas.Field;
import org.fairfee.schemas.Table;
import org.fairfee.schemas.Tables;
import org.junit.jupiter.api.Test;

/** The records mirror the contract's tables column for column, so the jobs map a row 1:1 and drift fails here. */
class ModelContractTest {

  @Test
  void benchmarkBandMirrorsBenchmarks() {
    assertMirrors(BenchmarkBand.class, Tables.BENCHMARKS);
  }

  @Test
  void flagMirrorsReviewedFlags() {
    assertMirrors(Flag.class, Tables.REVIEWED_FLAGS);
  }

  @Test
  void reviewedFlagsAreTheRulesColumnsBetweenTheIdAndTheReview() {
    List<String> reviewed = Tables.REVIEWED_FLAGS.columnNames();
    assertEquals("flag_id", reviewed.get(0));
    assertEquals(Tables.FLAGS.columnNames(), reviewed.subList(1, 1 + Tables.FLAGS.columnNames().size()));
    assertEquals(List.of("decision", "recovered_gbp", "decided_on", "raised_period", "age_months"),
        reviewed.subList(1 + Tables.FLAGS.columnNames().size(), reviewed.size()));
  }

  static void assertMirrors(Class<? extends Record> type, Table table) {
    List<String> expected = new ArrayList<>();
    for (Field f : table.fields()) {
      expected.add(camel(f.name()) + ": " + javaType(f).getSimpleName());
    }
    List<String> actual = new ArrayList<>();
    for (RecordComponent c : type.getRecordComponents()) {
      actual.add(c.getName() + ": " + c.getType().getSimpleName());
    }
    assertEquals(expected, actual, type.getSimpleName() + " against table " + table.name());
  }

  /** The Java type a column maps to: primitives for required numbers and booleans, boxed where nullable. */
  static Class<?> javaType(Field f) {
    return switch (f.type()) {
      case STRING -> String.class;
      case INT -> f.nullable() ? Integer.class : int.class;
      case LONG -> f.nullable() ? Long.class : long.class;
      case DOUBLE -> f.nullable() ? Double.class : double.class;
      case BOOLEAN -> f.nullable() ? Boolean.class : boolean.class;
      case DATE -> LocalDate.class;
      case MONEY, PRICE, QUANTITY -> BigDecimal.class;
    };
  }

  static String camel(String column) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : column.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return sb.toString();
  }

  // ---- the records refuse what a renderer must never see ----

  @Test
  void aSuppressedBandCannotCarryAStatistic() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BenchmarkBand("EPR", "ALL",
        "LICENCE", "RECURRING", 4, 2, 4, 0.5, null, null, new BigDecimal("100"), null, null, null, null, null, null,
        null, null, false, "FEWER_THAN_5_SUPPLIERS", Fixture.START, Fixture.END));
    assertEquals("BenchmarkBand EPR/ALL/LICENCE/RECURRING is suppressed but carries median;"
        + " a suppressed cell shows counts only", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new BenchmarkBand("EPR", "ALL", "LICENCE", "RECURRING", 4, 2,
        4, 0.5, null, null, null, null, null, null, "staff", 4L, null, new BigDecimal("1.5"), null, false,
        "FEWER_THAN_5_SUPPLIERS", Fixture.START, Fixture.END));
  }

  @Test
  void aPublishedBandNeedsOrderedPercentiles() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Fixture.published("EPR", "ALL", "LICENCE", "RECURRING", 9, 5, 9, 0.2, "10", "20", "15", "40", "50",
            null, null, null, null, null, null));
    assertEquals("BenchmarkBand EPR/ALL/LICENCE/RECURRING: p25 20 is above median 15", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Fixture.published("EPR", "ALL", "LICENCE", "RECURRING", 9, 5,
        9, 0.2, "10", "20", null, "40", "50", null, null, null, null, null, null));
  }

  @Test
  void aSuppressedMonthCannotCarryAMedian() {
    assertThrows(IllegalArgumentException.class,
        () -> new TrendPoint(YearMonth.of(2026, 5), "EPR", "LICENCE", "RECURRING", 3, BigDecimal.TEN, false));
  }

  @Test
  void aFlagNamesAKnownRuleAndSeverity() {
    Flag ok = Fixture.golden().flags().get(0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withRule(ok, "P9_MADE_UP", "breach"));
    assertEquals("Flag SUB-0042:7 P9_MADE_UP: rule P9_MADE_UP is not a RuleCode", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> withRule(ok, "P5_DUPLICATE", "urgent"));
    assertEquals("BREACH", withRule(ok, "P5_DUPLICATE", "BREACH").severityLevel().name());
    assertEquals("breach", withRule(ok, "P5_DUPLICATE", "Breach").severityLevel().name().toLowerCase(Locale.ROOT));
  }

  static Flag withRule(Flag f, String rule, String severity) {
    return new Flag(f.submissionId(), f.lineNo(), f.supplierRef(), f.buyerRef(), rule, severity, f.netAmountGbp(),
        f.amountAtStakeGbp(), f.relatedSubmissionId(), f.relatedLineNo(), f.evidence(), f.expectedFeeGbp(),
        f.bandLowGbp(), f.bandHighGbp(), f.ratio(), f.score(), f.invoiceDate(), f.productCategory(),
        f.interfaceStandard(), f.feeType(), f.interfaceRef(), f.invoiceRef());
  }

  @Test
  void reportDataRefusesABadPeriod() {
    Fixture f = Fixture.golden();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ReportData("2026-5", "v", f.data().quality()));
    assertEquals("ReportData: period must be YYYY-MM, was 2026-5", e.getMessage());
  }

  @Test
  void pricePointOrderIsPeerGroupOrderThenKeyBuyerAndPrice() {
    java.util.List<org.fairfee.reports.model.PricePoint> points = new java.util.ArrayList<>(Demo.fixture().points());
    for (org.fairfee.reports.model.PricePoint p : Demo.fixture().points().subList(0, 40)) {
      points.add(new org.fairfee.reports.model.PricePoint(p.supplierRef(), p.buyerRef(), p.productKey(),
          p.productCategory(), org.fairfee.reports.model.BenchmarkBand.ALL_STANDARDS, p.feeType(), p.basisClass(),
          p.priceGbp(), p.nLines()));
    }
    java.util.Collections.shuffle(points, new java.util.Random(1));
    java.util.Comparator<org.fairfee.reports.model.PricePoint> byGroup = java.util.Comparator
        .comparing(org.fairfee.reports.model.PricePoint::peerGroup, org.fairfee.reports.model.PeerGroup.ORDER)
        .thenComparing(org.fairfee.reports.model.PricePoint::productKey)
        .thenComparing(org.fairfee.reports.model.PricePoint::buyerRef)
        .thenComparing(org.fairfee.reports.model.PricePoint::priceGbp);
    assertEquals(points.stream().sorted(byGroup).toList(),
        points.stream().sorted(org.fairfee.reports.model.PricePoint.ORDER).toList());
  }
}
