package org.fairfee.reports;

import org.junit.jupiter.api.Test;

/** Every published text rendered from the fixed fixture, compared byte for byte with src/test/resources/golden. */
class GoldenTest {
  static final Fixture F = Fixture.golden();

  @Test
  void reportHtml() throws Exception {
    Golden.assertMatches("report.html", MarketReport.render(F.data()));
  }

  @Test
  void statementHtml() throws Exception {
    Golden.assertMatches("statements/SUP-ALPHA.html", SupplierStatement.html("SUP-ALPHA", F.data(), F.points(), F.flags()));
  }

  @Test
  void statementCsv() throws Exception {
    Golden.assertMatches("statements/SUP-ALPHA.csv", SupplierStatement.csv("SUP-ALPHA", F.data(), F.points(), F.flags()));
  }

  @Test
  void registerCsv() throws Exception {
    Golden.assertMatches("restricted/flags-register.csv", FlagsRegister.csv(F.flags()));
  }

  @Test
  void registerHtml() throws Exception {
    Golden.assertMatches("restricted/flags-register.html", FlagsRegister.html(F.data().period(), F.data().version(), F.flags()));
  }

  @Test
  void buyerTotalsCsv() throws Exception {
    Golden.assertMatches("restricted/buyer-totals.csv", FlagsRegister.buyerTotalsCsv(F.flags()));
  }
}
