package org.fairfee.reports;

/**
 * Everything the market report shows, as small values computed by the jobs. Nothing in here names
 * a supplier or a buyer.
 *
 * @param period the month evaluated, YYYY-MM
 * @param version the fairfee version that made the report
 */
public record ReportData(String period, String version, DataQuality quality) {}
