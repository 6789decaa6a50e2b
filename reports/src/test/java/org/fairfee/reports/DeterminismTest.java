package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Outputs depend on the records only, not on the order the jobs collected them in. */
class DeterminismTest {
  @Test
  void shuffledInputGivesTheSameBytes() {
    Fixture f = Demo.fixture();
    Fixture s = shuffled(f, new Random(7));
    assertEquals(MarketReport.render(f.data()), MarketReport.render(s.data()));
    assertEquals(FlagsRegister.csv(f.flags()), FlagsRegister.csv(s.flags()));
    assertEquals(FlagsRegister.html("2026-05", "v", f.flags()), FlagsRegister.html("2026-05", "v", s.flags()));
    assertEquals(FlagsRegister.buyerTotalsCsv(f.flags()), FlagsRegister.buyerTotalsCsv(s.flags()));
    String supplier = f.supplierRefs().get(3);
    assertEquals(SupplierStatement.html(supplier, f.data(), f.points(), f.flags()),
        SupplierStatement.html(supplier, s.data(), s.points(), s.flags()));
    assertEquals(SupplierStatement.csv(supplier, f.data(), f.points(), f.flags()),
        SupplierStatement.csv(supplier, s.data(), s.points(), s.flags()));
    assertArrayEquals(Workbook.render(f.data(), f.flags()), Workbook.render(s.data(), s.flags()));
  }

  static Fixture shuffled(Fixture f, Random rnd) {
    ReportData d = f.data();
    ReportData sd = new ReportData(d.period(), d.version(), d.quality(), d.headline(), d.method(),
        shuffle(d.bands(), rnd), shuffle(d.trend(), rnd));
    return new Fixture(sd, shuffle(f.points(), rnd), shuffle(f.flags(), rnd));
  }

  static <T> List<T> shuffle(List<T> in, Random rnd) {
    List<T> out = new ArrayList<>(in);
    Collections.shuffle(out, rnd);
    return out;
  }
}
