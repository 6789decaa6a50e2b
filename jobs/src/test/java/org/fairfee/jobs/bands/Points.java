package org.fairfee.jobs.bands;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.SparkSession;
import org.fairfee.schemas.BasisClass;
import org.fairfee.schemas.BuyerType;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/** Hand-made price points ({@link PricePoints#TABLE}) for the bands and trend tests. */
final class Points {
  static final StructType SCHEMA = SparkSchemas.of(PricePoints.TABLE);

  private final List<Row> rows = new ArrayList<>();
  private String category = "EPR";
  private String standard = "FHIR_R4";
  private String fee = "LICENCE";
  private String basis = "RECURRING";
  private String buyerType = "ACUTE_TRUST";
  private Double size;
  private String from = "2025-04";
  private String to = "2026-03";

  /** The peer group of the points added next. */
  Points in(String category, String standard, String fee, String basis) {
    this.category = category;
    this.standard = standard;
    this.fee = fee;
    this.basis = basis;
    return this;
  }

  /** The buyer type and size of the points added next (size null: unknown). */
  Points buyers(String type, Double size) {
    this.buyerType = type;
    this.size = size;
    return this;
  }

  /** The active months of the points added next. */
  Points active(String from, String to) {
    this.from = from;
    this.to = to;
    return this;
  }

  /** One price point of {@code supplier} for a buyer of its own. */
  Points add(String supplier, String price) {
    return add(supplier, "BUY-" + (rows.size() + 1), price);
  }

  Points add(String supplier, String buyer, String price) {
    BigDecimal p = new BigDecimal(price).setScale(4, RoundingMode.HALF_UP);
    Optional<SizeMeasure> m = SizeMeasure.of(BuyerType.valueOf(buyerType));
    Double sa = m.isPresent() && size != null && !BasisClass.PER_TRANSACTION.name().equals(basis)
        ? p.doubleValue() / size : null;
    Map<String, Object> v = new LinkedHashMap<>();
    v.put(Cols.SUPPLIER_REF, supplier);
    v.put(Cols.BUYER_REF, buyer);
    v.put(Cols.PRODUCT_KEY, "IF-" + rows.size());
    v.put(Cols.FEE_TYPE, fee);
    v.put(Cols.BASIS_CLASS, basis);
    v.put(Cols.PRODUCT_CATEGORY, category);
    v.put(Cols.INTERFACE_STANDARD, standard);
    v.put(Cols.BUYER_TYPE, buyerType);
    v.put(Cols.BUYER_SIZE, size);
    v.put(Cols.SIZE_MEASURE, m.map(SizeMeasure::value).orElse(null));
    v.put(Cols.PRICE_GBP, p);
    v.put(Cols.SA_PRICE_GBP, sa);
    v.put(Cols.N_LINES, 1L);
    v.put(Cols.LAST_INVOICE_DATE, LocalDate.of(2026, 3, 1));
    v.put(Cols.ACTIVE_FROM, from);
    v.put(Cols.ACTIVE_TO, to);
    rows.add(new GenericRowWithSchema(PricePoints.TABLE.columnNames().stream().map(v::get).toArray(), SCHEMA));
    return this;
  }

  /** {@code n} suppliers SUP-1..SUP-n with one point each, at the given prices in turn. */
  Points suppliers(int n, String... prices) {
    for (int i = 0; i < n; i++) {
      add("SUP-" + (i + 1), prices[i % prices.length]);
    }
    return this;
  }

  List<Row> rows() {
    return rows;
  }

  Dataset<Row> toDataset(SparkSession spark) {
    return spark.createDataFrame(rows, SCHEMA);
  }
}
