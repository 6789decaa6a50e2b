package org.fairfee.jobs.bands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.fairfee.jobs.bands.Disclosure.Decision;
import org.fairfee.jobs.core.BandOptions;
import org.junit.jupiter.api.Test;

/** The disclosure rules on supplier counts alone: no Spark needed. */
class DisclosureTest {

  static final BandOptions DEFAULTS = BandOptions.defaults();

  /** Suppliers named by letters, each with the given number of price points: counts("A3", "B1"). */
  static Map<String, Long> counts(String... supplierPoints) {
    Map<String, Long> m = new TreeMap<>();
    for (String s : supplierPoints) {
      m.merge("SUP-" + s.charAt(0), Long.parseLong(s.substring(1)), Long::sum);
    }
    return m;
  }

  static CellKey cell(String standard) {
    return new CellKey("EPR", standard, "LICENCE", "RECURRING");
  }

  @Test
  void fiveSuppliersArePublishedFourAreNot() {
    assertEquals(Optional.empty(), Disclosure.primaryReason(counts("A1", "B1", "C1", "D1", "E1"), DEFAULTS));
    assertEquals(Optional.of("FEWER_THAN_5_SUPPLIERS"),
        Disclosure.primaryReason(counts("A1", "B1", "C1", "D1"), DEFAULTS));
  }

  @Test
  void theReasonNamesTheConfiguredNumber() {
    BandOptions three = new BandOptions(12, 3, 0.5);
    assertEquals(Optional.of("FEWER_THAN_3_SUPPLIERS"), Disclosure.primaryReason(counts("A1", "B1"), three));
    assertEquals(Optional.empty(), Disclosure.primaryReason(counts("A1", "B1", "C1"), three));
  }

  @Test
  void aShareOfExactly25PercentIsPublished26IsNot() {
    // 5 of 20 = 25%
    Map<String, Long> quarter = counts("A5", "B4", "C4", "D4", "E3");
    assertEquals(0.25, Disclosure.maxShare(quarter));
    assertEquals(Optional.empty(), Disclosure.primaryReason(quarter, DEFAULTS));
    // 13 of 50 = 26%
    Map<String, Long> more = counts("A13", "B10", "C10", "D10", "E7");
    assertEquals(0.26, Disclosure.maxShare(more));
    assertEquals(Optional.of(Disclosure.DOMINANT_SUPPLIER), Disclosure.primaryReason(more, DEFAULTS));
  }

  @Test
  void tooFewSuppliersIsTheReasonBeforeDominance() {
    assertEquals(Optional.of("FEWER_THAN_5_SUPPLIERS"), Disclosure.primaryReason(counts("A9", "B1"), DEFAULTS));
  }

  @Test
  void rollUpsAddUpTheirPeerGroups() {
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("HL7_V2"), counts("A2", "B1"));
    peer.put(cell("FHIR_R4"), counts("A1", "C3"));
    SortedMap<CellKey, Map<String, Long>> all = Disclosure.withRollUps(peer);
    assertEquals(counts("A3", "B1", "C3"), all.get(cell(CellKey.ALL)));
    assertEquals(3, all.size());
    assertThrows(IllegalArgumentException.class, () -> Disclosure.withRollUps(all));
  }

  @Test
  void oneSuppressedPeerGroupTakesTheNextSmallestWithIt() {
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("DICOM"), counts("A1", "B1", "C1"));                                  // fewer than 5
    peer.put(cell("HL7_V2"), counts("D1", "E1", "F1", "G1", "H1", "I1"));               // 6 points
    peer.put(cell("FHIR_R4"), counts("D2", "E2", "F2", "G2", "H1", "I1"));              // 10 points
    SortedMap<CellKey, Decision> d = Disclosure.decide(Disclosure.withRollUps(peer), DEFAULTS);
    assertEquals(Decision.suppressed("FEWER_THAN_5_SUPPLIERS"), d.get(cell("DICOM")));
    assertEquals(Decision.suppressed(Disclosure.SECONDARY), d.get(cell("HL7_V2")));
    assertEquals(Decision.PUBLISHED, d.get(cell("FHIR_R4")));
    assertEquals(Decision.PUBLISHED, d.get(cell(CellKey.ALL)));
  }

  @Test
  void tiesOnSizeGoByKey() {
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("DICOM"), counts("A1"));
    peer.put(cell("IM1"), counts("D1", "E1", "F1", "G1", "H1"));
    peer.put(cell("HL7_V2"), counts("D1", "E1", "F1", "G1", "H1"));
    SortedMap<CellKey, Decision> d = Disclosure.decide(Disclosure.withRollUps(peer), DEFAULTS);
    assertEquals(Decision.suppressed(Disclosure.SECONDARY), d.get(cell("HL7_V2")));
    assertEquals(Decision.PUBLISHED, d.get(cell("IM1")));
  }

  @Test
  void twoSuppressedCellsHoldingOneSuppliersPricesAreProtectedToo() {
    // DICOM and IHE_XDS are both SUP-A only; their sum would be SUP-A's own prices.
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("DICOM"), counts("A2"));
    peer.put(cell("IHE_XDS"), counts("A1"));
    peer.put(cell("HL7_V2"), counts("B1", "C1", "D1", "E1", "F1"));
    peer.put(cell("FHIR_R4"), counts("G1", "H1", "I1", "J1", "K1", "L1"));
    SortedMap<CellKey, Map<String, Long>> cells = Disclosure.withRollUps(peer);
    assertEquals(Optional.empty(), Disclosure.primaryReason(cells.get(cell(CellKey.ALL)), DEFAULTS));
    SortedMap<CellKey, Decision> d = Disclosure.decide(cells, DEFAULTS);
    // with HL7_V2 also hidden, SUP-A still holds 3 of 8 hidden points (37.5%), so FHIR_R4 goes too
    assertEquals(Decision.suppressed(Disclosure.SECONDARY), d.get(cell("HL7_V2")));
    assertEquals(Decision.suppressed(Disclosure.SECONDARY), d.get(cell("FHIR_R4")));
    assertEquals(Decision.PUBLISHED, d.get(cell(CellKey.ALL)));
  }

  @Test
  void suppressedCellsThatPassTogetherNeedNothingMore() {
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("DICOM"), counts("A1", "B1"));
    peer.put(cell("IHE_XDS"), counts("C1", "D1", "E1"));
    peer.put(cell("HL7_V2"), counts("F1", "G1", "H1", "I1", "J1"));
    SortedMap<CellKey, Decision> d = Disclosure.decide(Disclosure.withRollUps(peer), DEFAULTS);
    assertFalse(d.get(cell("DICOM")).published());
    assertFalse(d.get(cell("IHE_XDS")).published());
    assertEquals(Decision.PUBLISHED, d.get(cell("HL7_V2")));
    assertEquals(Decision.PUBLISHED, d.get(cell(CellKey.ALL)));
  }

  @Test
  void aSuppressedRollUpProtectsNothingAndNeedsNothing() {
    Map<CellKey, Map<String, Long>> peer = new LinkedHashMap<>();
    peer.put(cell("DICOM"), counts("A1"));
    peer.put(cell("HL7_V2"), counts("B1", "C1", "D1"));
    SortedMap<CellKey, Decision> d = Disclosure.decide(Disclosure.withRollUps(peer), DEFAULTS);
    assertEquals(Decision.suppressed("FEWER_THAN_5_SUPPLIERS"), d.get(cell(CellKey.ALL)));
    assertEquals(Decision.suppressed("FEWER_THAN_5_SUPPLIERS"), d.get(cell("HL7_V2")));
  }

  @Test
  void withNoPublishedSiblingLeftTheRollUpIsSuppressed() {
    // A roll-up that holds more than its listed peer groups (a safety net: Bands never builds one).
    SortedMap<CellKey, Map<String, Long>> cells = new TreeMap<>();
    cells.put(cell("DICOM"), counts("A1"));
    cells.put(cell(CellKey.ALL), counts("A1", "B1", "C1", "D1", "E1"));
    SortedMap<CellKey, Decision> d = Disclosure.decide(cells, DEFAULTS);
    assertEquals(Decision.suppressed(Disclosure.SECONDARY), d.get(cell(CellKey.ALL)));
  }

  @Test
  void aDecisionIsEitherPublishedOrHasAReason() {
    assertThrows(IllegalArgumentException.class, () -> new Decision(true, "X"));
    assertThrows(IllegalArgumentException.class, () -> new Decision(false, null));
    assertTrue(Decision.PUBLISHED.published());
  }
}
