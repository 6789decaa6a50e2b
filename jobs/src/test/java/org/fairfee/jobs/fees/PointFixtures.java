package org.fairfee.jobs.fees;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.Fixtures;
import org.fairfee.jobs.core.Rates;
import org.fairfee.jobs.normalise.Credits;
import org.fairfee.jobs.normalise.Normalise;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * Hand-made price points, in the input contract of the P4 steps (what bands.PricePoints will give),
 * and the period's lines through the real Normalise and Credits steps.
 */
final class PointFixtures {
  private PointFixtures() {}

  static final String PERIOD = "2026-10";

  static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField(Cols.SUPPLIER_REF, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.BUYER_REF, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.PRODUCT_KEY, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.FEE_TYPE, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.BASIS_CLASS, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.PRODUCT_CATEGORY, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.INTERFACE_STANDARD, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.BUYER_TYPE, DataTypes.StringType, false),
      DataTypes.createStructField(Cols.BUYER_SIZE, DataTypes.DoubleType, true),
      DataTypes.createStructField(Cols.PRICE_GBP, SparkSchemas.PRICE, false),
      DataTypes.createStructField(Cols.EARLIER_PRICE_GBP, DataTypes.DoubleType, true),
      DataTypes.createStructField(Cols.N_EARLIER_LINES, DataTypes.LongType, false)));

  /** One price point: who, of what group, for whom (type and size, null when unknown), at what price. */
  record Point(String supplier, String buyer, String productKey, String feeType, String basisClass, String category,
      String standard, String buyerType, Double size, BigDecimal price) {

    Row row() {
      return RowFactory.create(supplier, buyer, productKey, feeType, basisClass, category, standard, buyerType, size,
          price.setScale(4, RoundingMode.HALF_UP), null, 0L);
    }

    String chargeBasis() {
      return switch (basisClass) {
        case "RECURRING" -> "ANNUAL";
        case "PER_TRANSACTION" -> "PER_TRANSACTION";
        default -> "ONE_OFF";
      };
    }
  }

  /** An EPR / FHIR_UK_CORE / SUPPORT recurring point of an acute trust; product IF-{supplier}. */
  static Point support(String supplier, String buyer, Double size, double price) {
    return new Point(supplier, buyer, "IF-" + supplier, "SUPPORT", "RECURRING", "EPR", "FHIR_UK_CORE", "ACUTE_TRUST",
        size, money(price));
  }

  static Point point(String supplier, String buyer, String feeType, String basisClass, String buyerType, Double size,
      double price) {
    return new Point(supplier, buyer, "IF-" + supplier, feeType, basisClass, "EPR", "FHIR_UK_CORE", buyerType, size,
        money(price));
  }

  static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
  }

  static Dataset<Row> points(SparkSession spark, List<Point> points) {
    List<Row> rows = new ArrayList<>();
    points.forEach(p -> rows.add(p.row()));
    return spark.createDataFrame(rows, SCHEMA);
  }

  /** A contract CSV row charging this point's buyer: charge basis, amount, invoice ref and date given. */
  static String line(String submission, int lineNo, Point p, String chargeBasis, String amount, String invoiceRef,
      String date, String creditsRef) {
    String quantity = "PER_TRANSACTION".equals(chargeBasis) ? "1" : "";
    return String.join(",", submission, Integer.toString(lineNo), p.supplier(), p.buyer(), p.buyerType(),
        p.size() == null ? "" : BigDecimal.valueOf(p.size()).stripTrailingZeros().toPlainString(), p.category(),
        p.standard(), p.productKey(), p.feeType(), chargeBasis, quantity, amount, "", "", invoiceRef, date, "", "",
        creditsRef == null ? "" : creditsRef, "") + "\n";
  }

  /** One line in the period for each point, charging its whole price at once (ANNUAL, ONE_OFF or one unit). */
  static String periodLines(String submission, List<Point> points) {
    StringBuilder csv = new StringBuilder();
    int n = 1;
    for (Point p : points) {
      csv.append(line(submission, n, p, p.chargeBasis(), p.price().toPlainString(),
          String.format(Locale.ROOT, "INV-%d", n), PERIOD + "-15", null));
      n++;
    }
    return csv.toString();
  }

  /** Store rows of the CSV body through Normalise and Credits, as the monthly job will pass them. */
  /** No line is a copy. */
  static Dataset<Row> noCopies(SparkSession spark) {
    return spark.createDataFrame(List.of(), DataTypes.createStructType(List.of(
        DataTypes.createStructField(Cols.SUBMISSION_ID, DataTypes.StringType, false),
        DataTypes.createStructField(Cols.LINE_NO, DataTypes.IntegerType, false))));
  }

  static Dataset<Row> lines(SparkSession spark, String csvBody) {
    return Credits.apply(Normalise.apply(Fixtures.charges(spark, Fixtures.HEADER + "\n" + csvBody), Rates.none()));
  }
}
