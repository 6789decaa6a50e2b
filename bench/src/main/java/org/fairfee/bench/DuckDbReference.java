package org.fairfee.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference implementation of the core of the monthly job in DuckDB, run by the bench in its own
 * JVM so that its peak memory is its own. Usage: {@code DuckDbReference INPUT CONFIG PERIOD OUT
 * THREADS MEMORY_LIMIT}.
 *
 * <p>It does the same core work as fairfee on the same files: read every CSV under INPUT; keep the
 * rows that pass the contract's main checks (amount to 2 decimals, dates, enums, quantity for
 * PER_TRANSACTION, a rate for a foreign currency, a credited reference for a credit note); normalise
 * (ex-VAT GBP to pence, MONTHLY x 12, QUARTERLY x 4, PER_TRANSACTION net / quantity, the normalised
 * invoice number); the duplicate self-join (same supplier, buyer, interface, fee type and net
 * amount, and the same normalised invoice number or the same service period within 60 days, the
 * earlier line being the original); price points over the 12 months to PERIOD without the copies
 * (one per supplier, buyer, interface or product, fee type and basis class: the median annualised
 * price, the sum of one-off lines, volume-weighted unit price); per peer group p10, p25, median,
 * p75 and p90 ({@code quantile_cont}); and writes bands.csv, duplicates.csv and price-points.csv to OUT.
 *
 * <p>It does less than fairfee (no quarantine file, no credit netting, no overlap, recharge or
 * charter rules, no disclosure control, trend, P4 scores, reports or transactional store), so
 * the ratio overstates fairfee's cost for the same work, if anything.
 */
public final class DuckDbReference {
  private DuckDbReference() {}

  private static final String VALID_ENUMS = """
      buyer_type IN ('ACUTE_TRUST','MENTAL_HEALTH_TRUST','COMMUNITY_TRUST','AMBULANCE_TRUST','ICB','GP_PRACTICE',
        'PCN','LOCAL_AUTHORITY','CARE_PROVIDER','OTHER')
      AND product_category IN ('EPR','PAS','GP_CLINICAL','LIMS','RIS_PACS','PHARMACY','MATERNITY',
        'SOCIAL_CARE_RECORD','INTEGRATION_ENGINE','SHARED_CARE_RECORD','OTHER')
      AND interface_standard IN ('HL7_V2','FHIR_R4','FHIR_UK_CORE','GP_CONNECT','IM1','IHE_XDS','DICOM','MESH',
        'OPENEHR','PROPRIETARY','NOT_APPLICABLE')
      AND fee_type IN ('LICENCE','IMPLEMENTATION','SUPPORT','DEVELOPMENT','SPECIFICATION_ACCESS','COOPERATION',
        'TRANSACTION','OTHER')
      AND charge_basis IN ('ONE_OFF','ANNUAL','QUARTERLY','MONTHLY','PER_TRANSACTION')""";

  public static void main(String[] argv) throws Exception {
    if (argv.length != 6) {
      System.err.println("usage: DuckDbReference INPUT CONFIG PERIOD OUT THREADS MEMORY_LIMIT");
      System.exit(2);
    }
    Path input = Path.of(argv[0]).toAbsolutePath();
    Path config = Path.of(argv[1]);
    YearMonth period = YearMonth.parse(argv[2]);
    Path out = Path.of(argv[3]).toAbsolutePath();
    Files.createDirectories(out);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(argv[4]));
      s.execute("SET memory_limit = '" + argv[5].replace("'", "") + "'");
      s.execute("SET temp_directory = '" + sql(out.resolve("duckdb.tmp")) + "'");
      s.execute("SET preserve_insertion_order = false");
      loadRates(c, Files.readString(config, StandardCharsets.UTF_8));
      step(s, "read, validate and normalise", lines(input));
      count(s, "lines");
      step(s, "duplicate self-join", DUPLICATES);
      count(s, "duplicates");
      step(s, "price points", points(period.minusMonths(11).toString(), period.toString()));
      count(s, "points");
      step(s, "write bands.csv (percentiles)", "COPY (" + BANDS + ") TO '" + sql(out.resolve("bands.csv"))
          + "' (HEADER)");
      step(s, "write duplicates.csv", "COPY (SELECT submission_id, line_no, original.invoice_date AS original_invoice_date,"
          + " original.submission_id AS original_submission_id, original.line_no AS original_line_no"
          + " FROM duplicates ORDER BY ALL) TO '"
          + sql(out.resolve("duplicates.csv")) + "' (HEADER)");
      step(s, "write price-points.csv", "COPY (SELECT * FROM points ORDER BY ALL) TO '"
          + sql(out.resolve("price-points.csv")) + "' (HEADER)");
    }
  }

  private static void step(Statement s, String name, String sql) throws SQLException {
    long t0 = System.nanoTime();
    s.execute(sql);
    System.out.printf(Locale.ROOT, "duckdb: %-32s %8.2f s%n", name, (System.nanoTime() - t0) / 1e9);
  }

  private static void count(Statement s, String table) throws SQLException {
    try (java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
      r.next();
      System.out.printf(Locale.ROOT, "duckdb: %,d rows in %s%n", r.getLong(1), table);
    }
  }

  /** The rates table from the run's config.json: GBP per unit of currency, by month. */
  static void loadRates(Connection c, String configJson) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE rates (currency VARCHAR, month VARCHAR, gbp_per DECIMAL(20, 10))");
    }
    Matcher rates = Pattern.compile("\"rates\"\\s*:\\s*\\{(.*?\\})\\s*\\}", Pattern.DOTALL).matcher(configJson);
    if (!rates.find()) {
      return;
    }
    Matcher currency = Pattern.compile("\"([A-Z]{3})\"\\s*:\\s*\\{([^}]*)\\}").matcher(rates.group(1));
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO rates VALUES (?, ?, ?)")) {
      while (currency.find()) {
        Matcher month = Pattern.compile("\"(\\d{4}-\\d{2})\"\\s*:\\s*([0-9.]+)").matcher(currency.group(2));
        while (month.find()) {
          insert.setString(1, currency.group(1));
          insert.setString(2, month.group(1));
          insert.setBigDecimal(3, new BigDecimal(month.group(2)));
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }

  static String lines(Path input) {
    return """
        CREATE TABLE lines AS
        WITH t AS (
          SELECT submission_id, TRY_CAST(line_no AS BIGINT) AS line_no, supplier_ref, buyer_ref, buyer_type,
            product_category, interface_standard, interface_ref, fee_type, charge_basis,
            TRY_CAST(quantity AS DECIMAL(18, 4)) AS quantity, quantity AS quantity_text,
            CASE WHEN regexp_full_match(amount, '-?[0-9]+(\\.[0-9]{1,2})?') THEN CAST(amount AS DECIMAL(18, 2)) END AS amount,
            coalesce(currency, 'GBP') AS currency, coalesce(lower(vat_included) = 'true', false) AS vat_included,
            invoice_ref, TRY_CAST(invoice_date AS DATE) AS invoice_date,
            TRY_CAST(service_start AS DATE) AS service_start, TRY_CAST(service_end AS DATE) AS service_end,
            service_start AS start_text, service_end AS end_text, credits_invoice_ref
          FROM read_csv('%s/**/*.csv', header = true, all_varchar = true, ignore_errors = true))
        SELECT t.* EXCLUDE (quantity_text, start_text, end_text),
          strftime(t.invoice_date, '%%Y-%%m') AS invoice_month,
          round(CASE WHEN vat_included THEN amount / 1.2 ELSE amount END
            * CASE WHEN t.currency = 'GBP' THEN 1 ELSE r.gbp_per END, 2) AS net_gbp,
          CASE charge_basis WHEN 'ONE_OFF' THEN 'ONE_OFF' WHEN 'PER_TRANSACTION' THEN 'PER_TRANSACTION'
            ELSE 'RECURRING' END AS basis_class,
          CASE charge_basis WHEN 'MONTHLY' THEN 12 WHEN 'QUARTERLY' THEN 4 ELSE 1 END AS annual_factor,
          coalesce(interface_ref, 'PRODUCT:' || product_category) AS product_key,
          nullif(regexp_replace(regexp_replace(regexp_replace(upper(invoice_ref), '[\\s\\-_./#]', '', 'g'),
            '^(INVOICE|INV|NO)+', ''), '^0+(.)', '\\1'), '') AS invoice_ref_norm
        FROM t LEFT JOIN rates r ON r.currency = t.currency AND r.month = strftime(t.invoice_date, '%%Y-%%m')
        WHERE submission_id IS NOT NULL AND line_no >= 1 AND supplier_ref IS NOT NULL AND buyer_ref IS NOT NULL
          AND %s
          AND amount IS NOT NULL AND t.invoice_date IS NOT NULL
          AND (quantity_text IS NULL OR quantity > 0)
          AND (charge_basis <> 'PER_TRANSACTION' OR quantity > 0)
          AND ((start_text IS NULL AND end_text IS NULL)
            OR (t.service_start IS NOT NULL AND t.service_end IS NOT NULL AND t.service_end >= t.service_start))
          AND (t.currency = 'GBP' OR r.gbp_per IS NOT NULL)
          AND (amount >= 0 OR credits_invoice_ref IS NOT NULL)
        """.formatted(sql(input), VALID_ENUMS);
  }

  /** Copies and their originals: the earliest earlier line that is the same charge. */
  static final String DUPLICATES = """
      CREATE TABLE duplicates AS
      SELECT c.submission_id, c.line_no,
        min({'invoice_date': o.invoice_date, 'submission_id': o.submission_id, 'line_no': o.line_no}) AS original
      FROM lines c JOIN lines o
        ON c.supplier_ref = o.supplier_ref AND c.buyer_ref = o.buyer_ref AND c.product_key = o.product_key
        AND c.fee_type = o.fee_type AND c.net_gbp = o.net_gbp
      WHERE c.net_gbp > 0
        AND (o.invoice_date < c.invoice_date OR (o.invoice_date = c.invoice_date
          AND (o.submission_id < c.submission_id OR (o.submission_id = c.submission_id AND o.line_no < c.line_no))))
        AND ((c.invoice_ref_norm = o.invoice_ref_norm AND (c.service_start IS NULL OR o.service_start IS NULL
              OR (c.service_start = o.service_start AND c.service_end = o.service_end)))
          OR (c.service_start = o.service_start AND c.service_end = o.service_end
              AND c.invoice_date - o.invoice_date <= 60))
      GROUP BY c.submission_id, c.line_no
      """;

  static String points(String firstMonth, String lastMonth) {
    return """
        CREATE TABLE points AS
        SELECT supplier_ref, buyer_ref, product_key, fee_type, basis_class, product_category, interface_standard,
          CASE basis_class WHEN 'RECURRING' THEN median(net_gbp * annual_factor)
            WHEN 'PER_TRANSACTION' THEN sum(net_gbp) / sum(quantity) ELSE sum(net_gbp) END AS price_gbp,
          count(*) AS n_lines, max(invoice_date) AS last_invoice_date
        FROM lines l ANTI JOIN duplicates d ON l.submission_id = d.submission_id AND l.line_no = d.line_no
        WHERE invoice_month BETWEEN '%s' AND '%s' AND net_gbp >= 0
          AND fee_type NOT IN ('SPECIFICATION_ACCESS', 'COOPERATION')
        GROUP BY supplier_ref, buyer_ref, product_key, fee_type, basis_class, product_category, interface_standard
        """.formatted(firstMonth, lastMonth);
  }

  static final String BANDS = """
      SELECT product_category, interface_standard, fee_type, basis_class, count(*) AS price_points,
        count(DISTINCT supplier_ref) AS suppliers,
        quantile_cont(price_gbp, 0.10) AS p10, quantile_cont(price_gbp, 0.25) AS p25,
        quantile_cont(price_gbp, 0.50) AS median, quantile_cont(price_gbp, 0.75) AS p75,
        quantile_cont(price_gbp, 0.90) AS p90
      FROM points GROUP BY product_category, interface_standard, fee_type, basis_class ORDER BY ALL
      """;

  private static String sql(Path p) {
    return p.toString().replace("'", "''");
  }
}
