package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.fairfee.reports.model.Flag;
import org.junit.jupiter.api.Test;

/** The register page opens with totals by rule, buyer and supplier, then the largest flags, and says where the rest are. */
class FlagsRegisterTest {
  static final Fixture F = Fixture.golden();

  @Test
  void totalsPerSupplierCountFlagsBuyersAndPounds() {
    List<FlagsRegister.SupplierTotal> t = FlagsRegister.supplierTotals(F.flags());
    assertEquals(List.of(
        new FlagsRegister.SupplierTotal("SUP-ALPHA", 2, 2, new BigDecimal("28750.00")),
        new FlagsRegister.SupplierTotal("SUP-BRAVO", 3, 3, new BigDecimal("6000.00")),
        new FlagsRegister.SupplierTotal("SUP-CHARLIE", 1, 1, new BigDecimal("1500.00"))), t);
  }

  @Test
  void aLargeMonthShowsTheTopOfEachListAndWhereTheRestAre() {
    List<Flag> flags = SyntheticMarket.flags(3_000, SyntheticMarket.suppliers(150), 400, new Random(8));
    String html = FlagsRegister.html(Fixture.PERIOD, "v", flags);
    int rules = FlagsRegister.html(Fixture.PERIOD, "v", List.of()).split("<tr>", -1).length - 1;

    List<FlagsRegister.BuyerTotal> buyers = FlagsRegister.buyerTotals(flags);
    List<FlagsRegister.BuyerTotal> restB = buyers.subList(100, buyers.size());
    assertTrue(html.contains("The 100 buyers with the most at stake are shown. The other " + (buyers.size() - 100)
        + " buyers (" + Fmt.count(restB.stream().mapToLong(FlagsRegister.BuyerTotal::flags).sum()) + " flags, "
        + Fmt.gbp(restB.stream().map(FlagsRegister.BuyerTotal::amountAtStakeGbp).reduce(BigDecimal.ZERO, BigDecimal::add))
        + " at stake) are in <code>buyer-totals.csv</code>."), html);
    assertTrue(html.contains("<tr><td><code>" + buyers.get(99).buyerRef() + "</code></td>"), "the 100th buyer");
    assertTrue(!html.contains("<tr><td><code>" + buyers.get(100).buyerRef() + "</code></td>"), "not the 101st");

    List<FlagsRegister.SupplierTotal> suppliers = FlagsRegister.supplierTotals(flags);
    assertTrue(html.contains("The 100 suppliers with the most at stake are shown. The other " + (suppliers.size() - 100)
        + " suppliers ("), html);
    assertTrue(html.contains("are in the Supplier totals sheet of <code>fairfee-2026-05.xlsx</code>"));

    List<Flag> sorted = flags.stream().sorted(Flag.BY_AMOUNT_AT_STAKE).toList();
    assertEquals(100 + 100 + 500, html.split("<tr>", -1).length - 1 - rules,
        "100 buyers, 100 suppliers and 500 flags besides the rules (total rows have a class)");
    assertTrue(html.contains("These are the 500 flags with the most at stake, of 3,000. The other 2,500 flags ("
        + Fmt.gbp(SupplierStatement.sum(sorted.subList(500, 3_000))) + " at stake) are rows of"
        + " <code>flags-register.csv</code> and of the Flags sheet of"
        + " <code>fairfee-2026-05.xlsx</code>."), html);
    assertTrue(html.contains("<dt>Flags</dt><dd>3,000</dd>") && html.contains("<dt>At stake, all rules</dt><dd>"
        + Fmt.gbp(SupplierStatement.sum(flags)) + "</dd>"), "the tiles count every flag");
    assertEquals(3_000, Csvs.records(FlagsRegister.csv(flags)).size(), "the CSV keeps every flag");
  }
}
