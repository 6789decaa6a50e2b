package org.fairfee.jobs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.fairfee.jobs.core.IngestOptions;
import org.fairfee.jobs.ingest.FileIngestor;
import org.fairfee.jobs.ingest.RowValidator;
import org.fairfee.schemas.FileStatus;
import org.fairfee.schemas.SparkSchemas;
import org.fairfee.schemas.Tables;

/**
 * Test fixtures: small submission CSVs (under src/test/resources/fixtures/, or inline text) turned
 * into store rows ({@code Tables.CHARGES}) through the real validator, so a fixture that breaks the
 * contract fails loudly instead of testing something that could never reach the store.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The header every fixture may start with: the contract's columns in order. */
  public static final String HEADER = String.join(",", Tables.CHARGES.columnNames().subList(0, 21));

  public static Dataset<Row> charges(SparkSession spark, String resourceOrCsv) {
    return charges(spark, resourceOrCsv, IngestOptions.defaults());
  }

  public static Dataset<Row> charges(SparkSession spark, String resourceOrCsv, IngestOptions options) {
    return spark.createDataFrame(rows(resourceOrCsv, options), SparkSchemas.of(Tables.CHARGES));
  }

  /** Accepted rows of a fixture; any quarantined row or rejected file fails the test. */
  public static List<Row> rows(String resourceOrCsv, IngestOptions options) {
    String name = resourceOrCsv.contains("\n") ? "inline.csv" : resourceOrCsv;
    try (InputStream in = open(resourceOrCsv);
        FileIngestor reader = new FileIngestor(name, in, options)) {
      List<Row> rows = new ArrayList<>();
      FileIngestor.Outcome o;
      while ((o = reader.next()) != null) {
        if (!o.accepted()) {
          throw new IllegalArgumentException("fixture " + name + " line " + o.line() + " is not valid: "
              + o.code() + " " + o.reason());
        }
        Object[] v = o.values().clone();
        v[RowValidator.INVOICE_MONTH_INDEX + 1] = name;
        v[RowValidator.INVOICE_MONTH_INDEX + 2] = "sha-of-" + name;
        v[RowValidator.INVOICE_MONTH_INDEX + 3] = o.line();
        rows.add(RowFactory.create(v));
      }
      if (reader.summary().status() != FileStatus.ACCEPTED) {
        throw new IllegalArgumentException("fixture " + name + " rejected: " + reader.summary().reason());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream open(String resourceOrCsv) {
    if (resourceOrCsv.contains("\n")) {
      return new ByteArrayInputStream(resourceOrCsv.getBytes(StandardCharsets.UTF_8));
    }
    InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + resourceOrCsv);
    if (in == null) {
      throw new IllegalArgumentException("no fixture src/test/resources/fixtures/" + resourceOrCsv);
    }
    return in;
  }
}
