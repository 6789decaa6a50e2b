package org.fairfee.jobs.normalise;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.fairfee.jobs.core.Rates;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.ChargeBasis;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * Makes charge lines comparable, as the contract defines it. In: store rows ({@code Tables.CHARGES}).
 * Out: the same rows plus net_amount_gbp (ex-VAT, in GBP, to pence), basis_class, price_gbp
 * (annualised for recurring charges, a unit price per transaction, else the net amount),
 * product_key, the normalised invoice references and is_credit.
 */
public final class Normalise {
  private Normalise() {}

  static final BigDecimal VAT_DIVISOR = new BigDecimal("1.2");
  private static final String RATE = "_gbp_rate";

  public static Dataset<Row> apply(Dataset<Row> charges, Rates rates) {
    Dataset<Row> withRate = charges.join(broadcast(rateTable(charges.sparkSession(), rates)),
        charges.col(Cols.CURRENCY).equalTo(col("_r_currency"))
            .and(charges.col(Cols.INVOICE_MONTH).equalTo(col("_r_month"))), "left")
        .drop("_r_currency", "_r_month");
    Column rate = when(col(Cols.CURRENCY).equalTo(Rates.GBP), lit(BigDecimal.ONE)).otherwise(col(RATE));
    Column exVat = when(col(Cols.VAT_INCLUDED), col(Cols.AMOUNT).divide(lit(VAT_DIVISOR))).otherwise(col(Cols.AMOUNT));
    Column net = round(exVat.multiply(rate), 2).cast(SparkSchemas.MONEY);
    return withRate
        .withColumn(Cols.NET_GBP, net)
        .drop(RATE)
        .withColumn(Cols.BASIS_CLASS, basisClass())
        .withColumn(Cols.PRICE_GBP, price())
        .withColumn(Cols.PRODUCT_KEY, productKey())
        .withColumn(Cols.INVOICE_REF_NORM, InvoiceRefs.normalise(col(Cols.INVOICE_REF)))
        .withColumn(Cols.CREDITS_REF_NORM, InvoiceRefs.normalise(col(Cols.CREDITS_INVOICE_REF)))
        .withColumn(Cols.IS_CREDIT, col(Cols.AMOUNT).lt(0));
  }

  static Column basisClass() {
    Column c = lit(null).cast("string");
    for (ChargeBasis b : ChargeBasis.values()) {
      c = when(col(Cols.CHARGE_BASIS).equalTo(b.name()), lit(b.basisClass().name())).otherwise(c);
    }
    return c;
  }

  /** MONTHLY x 12, QUARTERLY x 4, ANNUAL as is; ONE_OFF as is; PER_TRANSACTION net / quantity. */
  static Column price() {
    Column factor = lit(1);
    for (ChargeBasis b : ChargeBasis.values()) {
      if (b.annualFactor() != 1) {
        factor = when(col(Cols.CHARGE_BASIS).equalTo(b.name()), lit(b.annualFactor())).otherwise(factor);
      }
    }
    Column perUnit = col(Cols.NET_GBP).divide(col(Cols.QUANTITY));
    Column p = when(col(Cols.BASIS_CLASS).equalTo(BasisClass.PER_TRANSACTION.name()), perUnit)
        .otherwise(col(Cols.NET_GBP).multiply(factor));
    return round(p, 4).cast(SparkSchemas.PRICE);
  }

  static Column productKey() {
    return when(col(Cols.INTERFACE_REF).isNotNull(), col(Cols.INTERFACE_REF))
        .otherwise(concat(lit("PRODUCT:"), col(Cols.PRODUCT_CATEGORY)));
  }

  static Dataset<Row> rateTable(SparkSession spark, Rates rates) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, BigDecimal>> cur : rates.gbpPer().entrySet()) {
      for (Map.Entry<String, BigDecimal> m : cur.getValue().entrySet()) {
        rows.add(RowFactory.create(cur.getKey(), m.getKey(), m.getValue()));
      }
    }
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("_r_currency", DataTypes.StringType, false),
        DataTypes.createStructField("_r_month", DataTypes.StringType, false),
        DataTypes.createStructField(RATE, DataTypes.createDecimalType(20, 10), false)));
    return spark.createDataFrame(rows, schema);
  }
}
