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
 * Scores every price point of every assessed peer group by the P4 method of
 * {@link PeerGroupAssessment}. In: price points (one row per supplier, buyer, product, fee type and
 * basis class, with buyer_type, buyer_size and price_gbp). Out: {@link Tables#FEE_SCORES}, one row per
 * point and rule it was judged by, flagged or not, sorted by peer group, point and rule.
 */
public final class ScoreFees {
  private ScoreFees() {}

  public static Dataset<Row> apply(Dataset<Row> points, FeeOptions options) {
    FeeOptions o = options;
    FlatMapFunction<Row, Row> score = r -> rows(r, o).iterator();
    return FeeGroups.grouped(points)
        .flatMap(score, Encoders.row(SparkSchemas.of(Tables.FEE_SCORES)))
        .orderBy(col(Cols.PRODUCT_CATEGORY), col(Cols.INTERFACE_STANDARD), col(Cols.FEE_TYPE), col(Cols.BASIS_CLASS),
            col(Cols.SUPPLIER_REF), col(Cols.BUYER_REF), col(Cols.PRODUCT_KEY), col(Cols.RULE));
  }

  static List<Row> rows(Row groupRow, FeeOptions o) {
    PeerGroup g = FeeGroups.group(groupRow);
    PeerGroupAssessment.Result result = PeerGroupAssessment.assess(g, FeeGroups.points(groupRow), o);
    List<Row> out = new ArrayList<>(result.scores().size());
    for (PeerGroupAssessment.PointScore s : result.scores()) {
      PricePoint p = s.point();
      out.add(RowFactory.create(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(),
          p.supplierRef(), p.buyerRef(), p.productKey(), p.buyerType(), p.buyerSize(), p.priceGbp(),
          s.rule().name(), s.method().name(), s.flagged(), FeeGroups.price(s.expected()),
          FeeGroups.price(s.bandLow()), FeeGroups.price(s.bandHigh()), FeeGroups.round(s.ratio(), 2),
          FeeGroups.round(s.score(), 2), s.evidence()));
    }
    return out;
  }
}
