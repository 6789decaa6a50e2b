package org.fairfee.jobs.fees;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.fairfee.schemas.Tables;

/**
 * How each peer group was treated by the P4 rules (fee-groups.csv), for the methodology section of
 * the report and the analysts: the rows of each group's fit reports, which {@link FlagFees#assess}
 * emits from the same model that judges the month's lines. Out: {@link Tables#FEE_PEER_GROUPS}: per peer group its counts, status
 * (ASSESSED, TOO_FEW_PRICE_POINTS, TOO_FEW_SUPPLIERS), method (SIZE_ADJUSTED or UNADJUSTED) and
 * fitted line (slope and intercept of ln price on ln size, 6 decimals); plus a row per buyer type
 * that was fitted on its own. Sorted by peer group, the whole-group row first.
 */
public final class DescribeFeeGroups {
  private DescribeFeeGroups() {}

  /** Peer group (category, standard, fee type, basis class), the whole-group row (no buyer type) first. */
  static final Comparator<Row> ORDER = Comparator.<Row, String>comparing(r -> r.getString(0))
      .thenComparing(r -> r.getString(1))
      .thenComparing(r -> r.getString(2))
      .thenComparing(r -> r.getString(3))
      .thenComparing(r -> r.getString(4), Comparator.nullsFirst(Comparator.naturalOrder()));

  /** The rows of one peer group's fits, in {@link Tables#FEE_PEER_GROUPS} columns. */
  static List<Row> rows(PeerGroup g, List<PeerGroupAssessment.FitReport> fits) {
    List<Row> out = new ArrayList<>();
    for (PeerGroupAssessment.FitReport f : fits) {
      out.add(RowFactory.create(g.productCategory(), g.interfaceStandard(), g.feeType(), g.basisClass(),
          f.buyerType(), (long) f.nPricePoints(), (long) f.nSuppliers(), (long) f.nSized(), f.status().name(),
          f.method() == null ? null : f.method().name(), FeeGroups.round(f.slope(), 6),
          FeeGroups.round(f.slopeUnconstrained(), 6), FeeGroups.round(f.intercept(), 6)));
    }
    return out;
  }
}
