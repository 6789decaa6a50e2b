package org.fairfee.jobs.importspend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fairfee.jobs.core.SpendOptions;
import org.fairfee.schemas.FeeType;
import org.fairfee.schemas.ProductCategory;
import org.fairfee.schemas.ReasonCode;
import org.junit.jupiter.api.Test;

/** The small parsers of import-spend, one published quirk per assertion. No Spark. */
class SpendParsingTest {

  private static BigDecimal amount(String text) {
    Amounts.Parsed p = Amounts.parse(text);
    assertTrue(p.ok(), text + ": " + p.problem());
    return p.value();
  }

  @Test
  void amountsAsPublished() {
    assertEquals(new BigDecimal("73630.80"), amount("73,630.80"));
    assertEquals(new BigDecimal("1140.00"), amount("1140"));
    assertEquals(new BigDecimal("1140.00"), amount("£1,140"));
    assertEquals(new BigDecimal("1140.00"), amount(" £ 1,140.00 "));
    assertEquals(new BigDecimal("1140.00"), amount("GBP 1140"));
    assertEquals(new BigDecimal("1140.00"), amount("1 140.00"));
    assertEquals(new BigDecimal("-794.48"), amount("-794.48"));
    assertEquals(new BigDecimal("-794.48"), amount("(794.48)"));
    assertEquals(new BigDecimal("-794.48"), amount("794.48-"));
    assertEquals(new BigDecimal("-794.48"), amount("794.48 CR"));
    assertEquals(new BigDecimal("-1234.00"), amount("-£1,234"));
    assertEquals(new BigDecimal("-1234.00"), amount("£-1,234"));
    assertEquals(new BigDecimal("0.50"), amount(".5"));
    assertEquals(new BigDecimal("12.30"), amount("12.3000"));
  }

  @Test
  void amountsThatAreNotPoundsSayWhy() {
    assertEquals(ReasonCode.MISSING_VALUE, Amounts.parse(" ").code());
    assertEquals(ReasonCode.INVALID_NUMBER, Amounts.parse("1,23").code());
    assertEquals(ReasonCode.INVALID_NUMBER, Amounts.parse("12,34,567").code());
    assertEquals(ReasonCode.INVALID_NUMBER, Amounts.parse("n/a").code());
    assertEquals(ReasonCode.INVALID_NUMBER, Amounts.parse("1.2E5").code());
    Amounts.Parsed p = Amounts.parse("12.345");
    assertEquals(ReasonCode.TOO_MANY_DECIMALS, p.code());
    assertTrue(p.problem().contains("'12.345'"), p.problem());
  }

  @Test
  void datesInEveryPublishedForm() {
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("08/06/2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("6/8/2020", Dates.Order.MONTH_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("2020-06-08", Dates.Order.MONTH_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("2020-06-08 00:00:00", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("08-Jun-2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("08-JUN-20", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("8 June 2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 9, 8), Dates.parse("8 Sept 2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("June 8, 2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("08.06.2020", Dates.Order.DAY_FIRST).value());
    assertEquals(LocalDate.of(2020, 6, 8), Dates.parse("08/06/2020 14:05", Dates.Order.DAY_FIRST).value());
  }

  @Test
  void datesThatAreNotDatesSayWhy() {
    assertEquals(ReasonCode.MISSING_VALUE, Dates.parse("", Dates.Order.DAY_FIRST).code());
    Dates.Parsed swapped = Dates.parse("06/18/2020", Dates.Order.DAY_FIRST);
    assertEquals(ReasonCode.INVALID_DATE, swapped.code());
    assertTrue(swapped.problem().contains("read as dd/mm/yyyy"), swapped.problem());
    assertEquals(ReasonCode.INVALID_DATE, Dates.parse("31/02/2020", Dates.Order.DAY_FIRST).code());
    assertTrue(Dates.parse("43990", Dates.Order.DAY_FIRST).problem().contains("Excel"));
    assertEquals(ReasonCode.INVALID_DATE, Dates.parse("8 Junk 2020", Dates.Order.DAY_FIRST).code());
    assertEquals(ReasonCode.INVALID_DATE, Dates.parse("soon", Dates.Order.DAY_FIRST).code());
  }

  @Test
  void dateOrderIsDecidedByTheValuesAndNeverSilently() {
    Dates.Detected dmy = Dates.detect(List.of("01/02/2020", "18/06/2020"));
    assertEquals(Dates.Order.DAY_FIRST, dmy.order());
    assertEquals("dd/mm/yyyy", dmy.report());
    Dates.Detected mdy = Dates.detect(List.of("1/2/2020", "6/18/2020", "6/8/2020"));
    assertEquals(Dates.Order.MONTH_FIRST, mdy.order());
    assertEquals("mm/dd/yyyy", mdy.report());
    Dates.Detected ambiguous = Dates.detect(List.of("01/02/2020", "03/04/2020"));
    assertEquals(Dates.Order.DAY_FIRST, ambiguous.order());
    assertEquals("ambiguous, assumed dd/mm/yyyy", ambiguous.report());
    assertTrue(Dates.detect(List.of("18/06/2020", "06/19/2020", "20/06/2020")).report().startsWith("conflicting"));
    assertEquals("yyyy-mm-dd", Dates.detect(List.of("2020-06-08")).report());
    assertEquals("dd-MMM-yyyy", Dates.detect(List.of("08-Jun-2020")).report());
  }

  @Test
  void supplierNamesFoldToOneKey() {
    String softcat = Names.organisation("Softcat Ltd");
    assertEquals("softcat", softcat);
    assertEquals(softcat, Names.organisation("SOFTCAT LIMITED"));
    assertEquals(softcat, Names.organisation("Softcat Ltd (02174990)"));
    assertEquals(softcat, Names.organisation("Softcat plc, Company No. 02174990"));
    assertEquals(softcat, Names.organisation("  softcat.  "));
    assertEquals("insight direct uk", Names.organisation("Insight Direct ( Uk ) Limited"));
    assertEquals(Names.organisation("Intuitive Surgical Ltd"), Names.organisation("Intuitive Surgical Limited"));
    assertEquals(Names.organisation("Marks & Spencer"), Names.organisation("Marks and Spencer PLC"));
    assertEquals("cafe nero", Names.organisation("Café Nero Ltd"));
    assertEquals("ibm uk", Names.organisation("I.B.M. UK Ltd"));
    assertEquals("studio 54", Names.organisation("Studio 54 Ltd"), "short numbers are part of the name");
    assertEquals("", Names.organisation(" - "));
    assertNotEquals(Names.organisation("Phoenix Software Ltd"), Names.organisation("The Phoenix Partnership"));
  }

  @Test
  void pseudonymsAreKeyedStableAndShaped() {
    Pseudonyms a = new Pseudonyms("0123456789abcdef-test");
    Pseudonyms b = new Pseudonyms("another-key-0123456789");
    String ref = a.supplier("softcat");
    assertTrue(ref.matches("SUP-[0-9A-F]{16}"), ref);
    assertEquals(ref, new Pseudonyms("0123456789abcdef-test").supplier("softcat"));
    assertNotEquals(ref, b.supplier("softcat"));
    assertTrue(a.buyer("occ").matches("BUY-[0-9A-F]{16}"));
    assertThrows(IllegalArgumentException.class, () -> new Pseudonyms("short"));
  }

  @Test
  void textDecodesUtf8Windows1252AndUtf16() {
    byte[] cp1252 = "Supplier,Amount\r\nCafé Nero,£5\r\n".getBytes(SpendText.WINDOWS_1252);
    SpendText.Decoded d = SpendText.decode(cp1252);
    assertEquals("Windows-1252", d.encoding());
    assertEquals("Café Nero,£5", d.lines().get(1).text());
    byte[] bom = ("\uFEFFSupplier,Amount\nCafé Nero,£5\n").getBytes(StandardCharsets.UTF_8);
    SpendText.Decoded u = SpendText.decode(bom);
    assertEquals("UTF-8 (with BOM)", u.encoding());
    assertEquals("Supplier,Amount", u.lines().get(0).text());
    assertEquals(2, u.lines().size());
    byte[] mixed = concat("Supplier\nCafé\n".getBytes(StandardCharsets.UTF_8), "Crème\n".getBytes(SpendText.WINDOWS_1252));
    SpendText.Decoded m = SpendText.decode(mixed);
    assertTrue(m.encoding().startsWith("mixed"), m.encoding());
    assertEquals("Crème", m.lines().get(2).text());
    byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "Supplier\tAmount\r\nCafé\t5\r\n".getBytes(StandardCharsets.UTF_16LE));
    SpendText.Decoded w = SpendText.decode(utf16);
    assertEquals("UTF-16LE (with BOM)", w.encoding());
    assertEquals("Café\t5", w.lines().get(1).text());
    assertTrue(SpendText.decode(new byte[] {'P', 'K', 3, 4, 0, 0}).notText().contains("Excel"));
  }

  @Test
  void recordsFollowQuotesAcrossLines() {
    List<SpendText.Line> lines = List.of(new SpendText.Line(1, "a,\"b, \"\"c\"\"\",\"line"),
        new SpendText.Line(2, "break\",d"), new SpendText.Line(3, "x,\"never closed"), new SpendText.Line(4, "y,z"));
    SpendCsv csv = new SpendCsv(lines, 0, ',');
    SpendCsv.Record r1 = csv.next();
    assertArrayEquals(new String[] {"a", "b, \"c\"", "line\nbreak", "d"}, r1.fields());
    assertEquals(1, r1.line());
    SpendCsv.Record r2 = csv.next();
    assertTrue(r2.unterminated());
    assertEquals(3, r2.line());
    assertArrayEquals(new String[] {"y", "z"}, csv.next().fields(), "reading goes on after an unclosed quote");
    assertNull(csv.next());
    assertArrayEquals(new String[] {"12\" monitor", "x"}, SpendCsv.splitLine("12\" monitor,x", ','));
    assertArrayEquals(new String[] {"a", "b c"}, SpendCsv.splitLine("a\tb c", '\t'));
    assertTrue(new SpendCsv(List.of(new SpendText.Line(1, " , ,")), 0, ',').next().blank());
  }

  @Test
  void headersOfOtherTrustsMapToTheSameFields() {
    HeaderMap lnwh = HeaderMap.of(new String[] {"Department", "Entity", "Date", "Expenses Area", "Expenses Type",
        "Supplier", "Transaction Reference", "Their Reference", "Amount"}, Map.of());
    assertTrue(lnwh.usable());
    assertEquals(5, lnwh.indexOf(SpendField.SUPPLIER));
    assertEquals(4, lnwh.indexOf(SpendField.EXPENSE_TYPE));
    assertEquals(3, lnwh.indexOf(SpendField.EXPENSE_AREA));
    assertEquals(1, lnwh.indexOf(SpendField.BUYER));
    assertEquals(List.of("Department"), lnwh.unmapped());
    HeaderMap other = HeaderMap.of(new String[] {"BODY NAME", "Date Paid", "Expense Type", "supplier_name",
        "Trans No", "Invoice Number", "Amount (£)"}, Map.of());
    assertTrue(other.usable());
    assertEquals(3, other.indexOf(SpendField.SUPPLIER));
    assertEquals(1, other.indexOf(SpendField.DATE));
    assertEquals(4, other.indexOf(SpendField.TRANSACTION_REF));
    assertEquals(5, other.indexOf(SpendField.SUPPLIER_REF));
    assertEquals(6, other.indexOf(SpendField.AMOUNT));
    assertEquals(0, other.indexOf(SpendField.BUYER));
    HeaderMap preferred = HeaderMap.of(new String[] {"Date", "Date of Payment", "Payee", "Value", "Ref"}, Map.of());
    assertEquals(1, preferred.indexOf(SpendField.DATE), "the payment date wins over a bare Date");
  }

  @Test
  void unmappableHeadersNameWhatIsMissingAndAMappingFixesThem() {
    String[] odd = {"Who", "When", "How much", "Doc"};
    HeaderMap m = HeaderMap.of(odd, Map.of());
    assertFalse(m.usable());
    String missing = String.join("; ", m.missing());
    assertTrue(missing.contains("supplier") && missing.contains("date") && missing.contains("amount")
        && missing.contains("a reference"), missing);
    HeaderMap mapped = HeaderMap.of(odd, Map.of(SpendField.SUPPLIER, "who", SpendField.DATE, "When",
        SpendField.AMOUNT, "How Much", SpendField.TRANSACTION_REF, "Doc"));
    assertTrue(mapped.usable(), String.join("; ", mapped.missing()));
    assertEquals(2, mapped.indexOf(SpendField.AMOUNT));
  }

  @Test
  void feeTypesCategoriesAndItComeFromTheTables() {
    Classifier c = new Classifier(SpendOptions.defaults());
    assertEquals(FeeType.LICENCE, c.feeType("Software Purchases \\ Licences"));
    assertEquals(FeeType.SUPPORT, c.feeType("Software Maintenance"));
    assertEquals(FeeType.LICENCE, c.feeType("Pas Licence And Support"), "the keyword named first decides");
    assertEquals(FeeType.IMPLEMENTATION, c.feeType("EPR implementation"));
    assertEquals(FeeType.DEVELOPMENT, c.feeType("Interface Development"));
    assertEquals(FeeType.OTHER, c.feeType("Equipment"));
    assertEquals(FeeType.OTHER, c.feeType(null));
    assertEquals(ProductCategory.RIS_PACS, c.knownSupplier(Names.organisation("Sectra Limited")));
    assertEquals(ProductCategory.GP_CLINICAL, c.knownSupplier(Names.organisation("Emis Health")));
    assertEquals(ProductCategory.OTHER, c.knownSupplier(Names.organisation("Softcat Ltd")));
    assertNull(c.knownSupplier(Names.organisation("Omnicell Ltd")));
    assertTrue(c.isIt("omnicell", "I.C.T Hardware", "Capital"));
    assertTrue(c.isIt("anyone", "Equipment", "I M & T Support Maintenance"));
    assertTrue(c.isIt("anyone", "P.A.C.S", ""));
    assertFalse(c.isIt("omnicell", "Equipment", "Capital"));
    assertFalse(c.isIt("anyone", "Building Maintenance", "Estates"), "maintenance alone is not IT");
    assertTrue(c.isRedacted(Names.organisation("REDACTED")));
    assertTrue(c.isRedacted(Names.organisation("Redacted - Personal Data")));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
