package org.fairfee.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Numbers, text and axes come out the same on every machine, and read well. */
class FormatTest {
  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  void shortPoundsForChartLabels() {
    assertEquals("£0", Fmt.gbpShort(BigDecimal.ZERO));
    assertEquals("£0.05", Fmt.gbpShort(d("0.05")));
    assertEquals("£0.0125", Fmt.gbpShort(d("0.0125")));
    assertEquals("£850", Fmt.gbpShort(d("850")));
    assertEquals("£12.5", Fmt.gbpShort(d("12.50")));
    assertEquals("£1k", Fmt.gbpShort(d("999.999")));
    assertEquals("£12.4k", Fmt.gbpShort(d("12400")));
    assertEquals("£10k", Fmt.gbpShort(d("10000.00")));
    assertEquals("£1m", Fmt.gbpShort(d("999950")));
    assertEquals("£1.25m", Fmt.gbpShort(d("1250000")));
    assertEquals("£1,250m", Fmt.gbpShort(d("1250000000")));
    assertEquals("-£3k", Fmt.gbpShort(d("-3000")));
  }

  @Test
  void pricesKeepFractionsOfAPennyAndBandsDropPenceFromAThousand() {
    assertEquals("£0.0125", Fmt.price(d("0.0125")));
    assertEquals("£0.50", Fmt.price(d("0.5")));
    assertEquals("£12,400.00", Fmt.price(d("12400")));
    assertEquals("-£0.05", Fmt.price(d("-0.05")));
    assertEquals("£38,048", Fmt.band(d("38048.28")));
    assertEquals("£985.28", Fmt.band(d("985.28")));
    assertEquals("£0.0413", Fmt.band(d("0.04126")));
    assertEquals("£2,417,346", Fmt.gbpWhole(d("2417345.50")));
    assertEquals("", Fmt.price(null));
    assertEquals("2.9\u00d7", Fmt.times(2.94));
    assertEquals("", Fmt.times(Double.NaN));
    assertEquals("May 2026", Fmt.month(YearMonth.of(2026, 5)));
    assertEquals("Jan 07", Fmt.monthShort(YearMonth.of(2007, 1)));
  }

  @Test
  void textIsCleanedOfControlAndBidiCharacters() {
    assertEquals("a b c\nd", Text.clean("a\u0000b\tc\nd"));
    assertEquals("x y", Text.clean("x\u0085y"));
    assertEquals("evilexe.txt", Text.clean("evil\u202Eexe.txt"));
    assertEquals("\uFFFDok", Text.clean("\uD800ok"));
    assertEquals("ok\uFFFD", Text.clean("ok\uDC00"));
    assertEquals("\uD83D\uDE00 fine", Text.clean("\uD83D\uDE00 fine"));
    String plain = "nothing to do";
    assertTrue(plain == Text.clean(plain), "an unchanged string is not copied");
    assertNull(Text.clean(null));
    assertEquals("abcd\u2026", Text.shorten("abcdefgh", 5));
    assertEquals("abc", Text.shorten("abc", 5));
    assertEquals("a\u2026", Text.shorten("a\uD83D\uDE00bc", 3), "a surrogate pair is never cut in half");
  }

  @Test
  void linearAxesHaveRoundTicksFromZero() {
    Scale s = Scale.of(List.of(d("8000"), d("26000")), 0, 100);
    assertFalse(s.isLog());
    assertEquals(List.of(d("0"), d("10000"), d("20000"), d("30000")), s.ticks());
    assertEquals(0.0, s.at(BigDecimal.ZERO));
    assertEquals(50.0, s.at(d("15000")), 1e-9);
    assertEquals(100.0, s.at(d("99999")), "held inside the axis");
    assertEquals(List.of(d("0"), d("0.025"), d("0.05"), d("0.075"), d("0.1"), d("0.125")),
        Scale.of(List.of(d("0.02"), d("0.125")), 0, 1).ticks());
    assertEquals(List.of(d("0"), d("0.5"), d("1")), Scale.linear(BigDecimal.ZERO, 3, 0, 1).ticks(), "nothing to show");
  }

  @Test
  void axesTurnLogarithmicBeyondOneAndAHalfOrdersOfMagnitude() {
    Scale wide = Scale.of(List.of(d("450"), d("85000")), 0, 300);
    assertTrue(wide.isLog());
    assertEquals(Stream.of("200", "500", "1000", "2000", "5000", "10000", "20000", "50000", "100000")
        .map(BigDecimal::new).toList(), wide.ticks(), "1-2-5 steps around the data over up to three decades");
    assertEquals(0.0, wide.at(d("200")), 1e-9);
    assertEquals(300.0, wide.at(d("100000")), 1e-9);
    assertEquals(150.0, wide.at(BigDecimal.valueOf(Math.sqrt(200 * 100000.0))), 1e-6);
    Scale narrow = Scale.of(List.of(d("100"), d("4000")), 0, 1);
    assertTrue(narrow.isLog(), "a span of 40 is more than 10^1.5");
    assertEquals(Stream.of("100", "200", "500", "1000", "2000", "5000").map(BigDecimal::new).toList(),
        narrow.ticks());
    assertFalse(Scale.of(List.of(d("100"), d("3000")), 0, 1).isLog(), "a span of 30 stays linear");
    Scale pennies = Scale.of(List.of(d("0.02"), d("85000")), 0, 1);
    assertEquals(8, pennies.ticks().size(), "powers of ten only over more than three decades: " + pennies.ticks());
    assertEquals(d("0.01"), pennies.ticks().get(0));
    assertEquals(d("100000"), pennies.ticks().get(pennies.ticks().size() - 1));
  }

  @Test
  void svgCoordinatesAreFixedPointAndNeverNegativeZero() {
    assertEquals("12.3", Svg.n(12.34));
    assertEquals("0", Svg.n(-0.01));
    assertEquals("12", Svg.n(11.96), "a whole number without its .0");
    assertEquals("-3.5", Svg.n(-3.5));
  }
}
