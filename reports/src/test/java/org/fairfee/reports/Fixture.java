package org.fairfee.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fairfee.reports.model.BenchmarkBand;
import org.fairfee.reports.model.Flag;
import org.fairfee.reports.model.Headline;
import org.fairfee.reports.model.Method;
import org.fairfee.reports.model.PricePoint;
import org.fairfee.reports.model.RuleTotal;
import org.fairfee.reports.model.TrendPoint;

/** Everything the reports render for one month: the public data, and the named rows. */
record Fixture(ReportData data, List<PricePoint> points, List<Flag> flags) {

  static final String PERIOD = "2026-05";
  static final LocalDate START = LocalDate.of(2025, 6, 1);
  static final LocalDate END = LocalDate.of(2026, 5, 31);
  static final Method METHOD = new Method(12, 5, 0.25,
      "R-7 (linear interpolation between order statistics, as Excel PERCENTILE.INC)", 3.5, 10, 5, 60);

  /** Every supplier and buyer reference the fixture names. */
  List<String> refs() {
    List<String> refs = new ArrayList<>();
    points.forEach(p -> {
      refs.add(p.supplierRef());
      refs.add(p.buyerRef());
    });
    flags.forEach(f -> {
      refs.add(f.supplierRef());
      refs.add(f.buyerRef());
      refs.add(f.submissionId());
    });
    return refs.stream().distinct().sorted().toList();
  }

  List<String> supplierRefs() {
    return SupplierStatement.suppliers(points, flags);
  }

  // ---- the small hand-made fixture behind the golden files ----

  static Fixture golden() {
    List<BenchmarkBand> bands = List.of(
        published("EPR", "ALL", "LICENCE", "RECURRING", 42, 9, 30, 0.19, "8000", "11000", "14500", "19000", "26000", "15800", "staff", 38, "2.10", "2.75", "3.60"),
        published("EPR", "FHIR_R4", "LICENCE", "RECURRING", 18, 6, 14, 0.22, "9500", "12000", "15000", "18500", "24000", "15400", null, null, null, null, null),
        suppressed("EPR", "HL7_V2", "LICENCE", "RECURRING", 7, 3, 6, "FEWER_THAN_5_SUPPLIERS"),
        published("EPR", "ALL", "SUPPORT", "RECURRING", 25, 7, 20, 0.2, "1200", "2100", "3000", "4200", "5600", "3100", "staff", 22, "0.40", "0.55", "0.80"),
        published("EPR", "ALL", "TRANSACTION", "PER_TRANSACTION", 16, 5, 12, 0.25, "0.02", "0.035", "0.05", "0.08", "0.1250", "0.06", null, null, null, null, null),
        published("LIMS", "ALL", "IMPLEMENTATION", "ONE_OFF", 20, 6, 18, 0.2, "450", "2000", "9000", "26000", "85000", "21000", null, null, null, null, null),
        suppressed("LIMS", "HL7_V2", "IMPLEMENTATION", "ONE_OFF", 11, 5, 10, "DOMINANT_SUPPLIER"),
        suppressed("PHARMACY", "ALL", "LICENCE", "RECURRING", 4, 2, 4, "FEWER_THAN_5_SUPPLIERS"));

    List<TrendPoint> trend = new ArrayList<>();
    String[] epr = {"13100", "13300", null, "13800", "13900", "s", "14000", "14100", "14300", "14200", "14400", "14500"};
    String[] lims = {null, null, null, null, null, null, "s", "8200", "s", "8800", "9100", "9000"};
    for (int i = 0; i < 12; i++) {
      YearMonth m = YearMonth.of(2025, 6).plusMonths(i);
      trendPoint(trend, m, "EPR", "LICENCE", "RECURRING", epr[i]);
      trendPoint(trend, m, "LIMS", "IMPLEMENTATION", "ONE_OFF", lims[i]);
      trendPoint(trend, m, "PHARMACY", "LICENCE", "RECURRING", "s");
    }
    trendPoint(trend, YearMonth.of(2025, 5), "EPR", "LICENCE", "RECURRING", "99999"); // before the window

    List<Flag> flags = List.of(
        new Flag("SUB-0042", 7, "SUP-ALPHA", "BUY-TRUST-01", "P5_DUPLICATE", "breach", d("1250.00"), d("1250.00"),
            "SUB-0042", 3, "Same charge as line 3 (invoice INV-1001, 2026-04-02): same buyer, interface, fee and amount;"
                + " invoice number re-formatted as INV 1001.", null, null, null, null, null, LocalDate.of(2026, 5, 4),
            "EPR", "FHIR_R4", "SUPPORT", "IF-ALPHA-7", "INV 1001"),
        new Flag("SUB-0042", 9, "SUP-ALPHA", "BUY-TRUST-02", "P4_HIGH_FEE", "review", d("42000.00"), d("27500.00"),
            null, null, "Annual licence far above comparable prices for a buyer of this size.", d("14500.0000"),
            d("11000.0000"), d("19000.0000"), 2.9, 5.2, LocalDate.of(2026, 5, 11), "EPR", "FHIR_R4", "LICENCE",
            "IF-ALPHA-7", "INV-1017"),
        new Flag("SUB-0051", 2, "SUP-BRAVO", "BUY-TRUST-02", "P1_SPEC_FEE", "breach", d("3000.00"), d("3000.00"),
            null, null, "A fee of £3,000.00 for access to the interface specification.", null, null, null, null, null,
            LocalDate.of(2026, 5, 19), "LIMS", "HL7_V2", "SPECIFICATION_ACCESS", null, "B-77"),
        new Flag("SUB-0051", 4, "SUP-BRAVO", "BUY-PCN-09", "P3_NON_STANDARD", "info", d("800.00"), d("0.00"),
            null, null, "Proprietary interface where HL7 v2 and FHIR are in use for this category.", null, null, null,
            null, null, LocalDate.of(2026, 5, 20), "LIMS", "PROPRIETARY", "LICENCE", "BRAVO-LINK", "B-78"),
        new Flag("SUB-0060", 1, "SUP-CHARLIE", "BUY-TRUST-01", "P5_OVERLAP", "breach", d("3000.00"), d("1500.00"),
            "SUB-0060", 12, "Service period 2026-04-01 to 2026-09-30 overlaps 2026-01-01 to 2026-06-30, already charged.",
            null, null, null, null, null, LocalDate.of(2026, 5, 1), "EPR", "ALL", "SUPPORT", "CH-1", "C/2026/5"),
        new Flag("SUB-0051", 3, "SUP-BRAVO", "BUY-TRUST-01", "P5_DUPLICATE", "breach", d("3000.00"), d("3000.00"),
            "SUB-0051", 1, "Same charge as line 1 (invoice B-70, 2026-05-02).", null, null, null, null, null,
            LocalDate.of(2026, 5, 19), "LIMS", "HL7_V2", "IMPLEMENTATION", null, "B-70"));

    List<PricePoint> points = List.of(
        new PricePoint("SUP-ALPHA", "BUY-TRUST-01", "IF-ALPHA-7", "EPR", "FHIR_R4", "LICENCE", "RECURRING", d("13200.0000"), 12),
        new PricePoint("SUP-ALPHA", "BUY-TRUST-02", "IF-ALPHA-7", "EPR", "FHIR_R4", "LICENCE", "RECURRING", d("42000.0000"), 1),
        new PricePoint("SUP-ALPHA", "BUY-TRUST-03", "IF-ALPHA-7", "EPR", "FHIR_R4", "LICENCE", "RECURRING", d("20000.0000"), 4),
        new PricePoint("SUP-ALPHA", "BUY-TRUST-01", "IF-ALPHA-2", "EPR", "HL7_V2", "LICENCE", "RECURRING", d("9000.0000"), 12),
        new PricePoint("SUP-ALPHA", "BUY-TRUST-01", "PRODUCT:EPR", "EPR", "NOT_APPLICABLE", "TRANSACTION", "PER_TRANSACTION", d("0.0400"), 3),
        new PricePoint("SUP-ALPHA", "BUY-TRUST-04", "IF-ALPHA-9", "LIMS", "DICOM", "IMPLEMENTATION", "ONE_OFF", d("7000.0000"), 1),
        new PricePoint("SUP-BRAVO", "BUY-TRUST-02", "BRAVO-LINK", "LIMS", "HL7_V2", "IMPLEMENTATION", "ONE_OFF", d("3000.0000"), 1),
        new PricePoint("SUP-BRAVO", "BUY-PCN-09", "BRAVO-LINK", "EPR", "FHIR_R4", "LICENCE", "RECURRING", d("11500.0000"), 12));

    DataQuality quality = new DataQuality(14, 12, 1, 1, 1480, 1466, 14, 3,
        Map.of("INVALID_DATE", 9L, "MISSING_VALUE", 5L), Map.of("MISSING_COLUMN", 1L));
    Headline headline = new Headline(12, 1466, 9, 31, d("2417345.50"), RuleTotal.of(flags));
    return new Fixture(new ReportData(PERIOD, "0.1.0-test", quality, headline, METHOD, bands, trend), points, flags);
  }

  static BigDecimal d(String s) {
    return s == null ? null : new BigDecimal(s);
  }

  static BenchmarkBand published(String cat, String std, String fee, String basis, long n, long suppliers, long buyers,
      double share, String p10, String p25, String median, String p75, String p90, String mean, String measure,
      Integer saN, String saP25, String saMedian, String saP75) {
    return new BenchmarkBand(cat, std, fee, basis, n, suppliers, buyers, share, d(p10), d(p25), d(median), d(p75),
        d(p90), d(mean), measure, saN == null ? null : saN.longValue(), d(saP25), d(saMedian), d(saP75), true, null,
        START, END);
  }

  static BenchmarkBand suppressed(String cat, String std, String fee, String basis, long n, long suppliers,
      long buyers, String reason) {
    return new BenchmarkBand(cat, std, fee, basis, n, suppliers, buyers, 0.5, null, null, null, null, null, null,
        null, null, null, null, null, false, reason, START, END);
  }

  /** median "s" is a suppressed month, null no point at all. */
  private static void trendPoint(List<TrendPoint> out, YearMonth m, String cat, String fee, String basis, String median) {
    if (median == null) {
      return;
    }
    boolean published = !"s".equals(median);
    out.add(new TrendPoint(m, cat, fee, basis, published ? 6 : 3, published ? d(median) : null, published));
  }
}
