package org.fairfee.jobs.fees;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairfee.jobs.core.FeeOptions;
import org.fairfee.schemas.Tables;
import org.fairfee.schemas.Cols;
import org.fairfee.schemas.SparkSchemas;

/**
 * How each peer group was treated by the P4 rules, for the methodology section of the report and
 * the analysts. In: price points. Out: {@link Tables#FEE_PEER_GROUPS}: per peer group its counts, status
 * (ASSESSED, TOO_FEW_PRICE_POINTS, TOO_FEW_SUPPLIERS), method (SIZE_ADJUSTED or UNADJUSTED) and
 * fitted line (slope and intercept of ln price on ln size, 6 decimals); plus a row per buyer type
 * that was fitted on its own. Sorted by peer group, the whole-group row first.
 */
public final class DescribeFeeGroups {
  private DescribeFeeGroups() {}

  public static Dataset<Row> apply(Dataset<Row> points, FeeOptions options) {
    FeeOptions o = options;
    FlatMapFunction<Row, Row> describe = r -> rows(r, o).iterator();
    return FeeGroups.grouped(points)
        .flatMap(describe, Encoders.row(SparkSchemas.of(Tables.FEE_PEER_GROUPS)))
        .orderBy(col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS),
            col(Cols.BUYER_TYPE).asc_nulls_first());
  }

  static List<Row> rows(Row groupRow, FeeOptions o) {
    PeerGroup g = FeeGroups.group(groupRow);
    List<Row> out = new ArrayList<>();
    for (PeerGroupAssessment.FitReport f : PeerGroupAssessment.assess(g, FeeGroups.points(groupRow), o).fits()) {
      out.add(RowFactory.create(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(),
          f.buyerType(), (long) f.nPricePoints(), (long) f.nSuppliers(), (long) f.nSized(), f.status().name(),
          f.method() == null ? null : f.method().name(), FeeGroups.round(f.slope(), 6),
          FeeGroups.round(f.slopeUnconstrained(), 6), FeeGroups.round(f.intercept(), 6)));
    }
    return out;
  }
}
